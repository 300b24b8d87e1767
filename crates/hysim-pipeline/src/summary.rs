//! The run summary (`report/summary.md`, `report/summary.json`): the scores of the trained
//! model and of the rule-based parser with bootstrap intervals, the weighting diagnostics
//! the paper's bounds name, and the training curve. It reads only the stages' JSON
//! artifacts.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Value, json};

use crate::Result;
use crate::plan::{Plan, Stage};

/// One scored system of the summary table.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Row {
    /// `encoder`, `decoder` or `parse` (or an experiment's variant label).
    pub system: String,
    /// Micro precision, recall, F1.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// The bootstrap 95 % interval of F1, when computed.
    pub f1_interval: Option<(f64, f64)>,
    /// Macro F1 over parameter classes.
    pub macro_f1: f64,
    /// Hallucination rate.
    pub hallucination_rate: Option<f64>,
    /// Expected calibration error.
    pub ece: Option<f64>,
    /// Matched, unmatched predictions, missed gold values.
    pub counts: (u64, u64, u64),
}

/// Reads the numeric scores of summary values (pk_summary) of one `metrics.json`.
pub fn row(system: &str, metrics: &Value) -> Option<Row> {
    row_of(system, metrics, "numeric")
}

/// Reads the numeric scores of one `metrics.json` section: `numeric` (summary values,
/// pk_summary) or `individual` (per-subject values, pk_individual).
pub fn row_of(system: &str, metrics: &Value, section: &str) -> Option<Row> {
    let o = metrics.get(section)?.get("overall")?;
    let f = |p: &str| o.pointer(p).and_then(Value::as_f64);
    let u = |p: &str| o.pointer(p).and_then(Value::as_u64).unwrap_or(0);
    Some(Row {
        system: system.to_owned(),
        precision: f("/precision")?,
        recall: f("/recall")?,
        f1: f("/f1")?,
        f1_interval: f("/intervals/f1/low").zip(f("/intervals/f1/high")),
        macro_f1: f("/macro_average/f1").unwrap_or(0.0),
        hallucination_rate: f("/hallucination_rate"),
        ece: f("/ece"),
        counts: (u("/tp"), u("/fp"), u("/fn")),
    })
}

/// The summary table as Markdown.
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| system | precision | recall | F1 | F1 95% CI | macro F1 | hallucinated | ECE | tp/fp/fn |\n|---|---|---|---|---|---|---|---|---|\n",
    );
    let opt = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"));
    for r in rows {
        let ci = r.f1_interval.map_or_else(|| "-".to_owned(), |(l, h)| format!("{l:.3}-{h:.3}"));
        let _ = writeln!(
            out,
            "| {} | {:.3} | {:.3} | {:.3} | {} | {:.3} | {} | {} | {}/{}/{} |",
            r.system,
            r.precision,
            r.recall,
            r.f1,
            ci,
            r.macro_f1,
            opt(r.hallucination_rate),
            opt(r.ece),
            r.counts.0,
            r.counts.1,
            r.counts.2
        );
    }
    out
}

fn read(path: &Path) -> Option<Value> {
    hysim_core::io::read_json::<Value>(path).ok()
}

/// Writes `summary.md` and `summary.json` into `dir` and returns the Markdown.
pub fn write(plan: &Plan, dir: &Path) -> Result<String> {
    let stage_dir = |s: Stage| plan.run_dir.join(s.name());
    let mut rows = Vec::new();
    let mut individual_rows = Vec::new();
    for system in crate::plan::systems(&plan.config).iter().map(String::as_str).chain(["parse"]) {
        let Some(metrics) = read(&stage_dir(Stage::Eval).join(system).join("metrics.json")) else { continue };
        rows.extend(row(system, &metrics));
        individual_rows.extend(row_of(system, &metrics, "individual"));
    }
    let diagnostics = read(&stage_dir(Stage::Weights).join("weights.diagnostics.json")).unwrap_or(Value::Null);
    let model = hysim_core::ModelDir::new(stage_dir(Stage::Train));
    let fit = read(&model.fit_report()).unwrap_or(Value::Null);
    let gate = read(&model.card()).and_then(|card| card.get("decoder_gate").cloned()).unwrap_or(Value::Null);
    let mut md = format!("# HySim run `{}`\n\n", plan.config.name);
    if rows.is_empty() {
        md.push_str("No gold values were available, so nothing was scored.\n");
    } else {
        let _ = writeln!(
            md,
            "Numeric protocol against {} (encoder: the encoder extractor; decoder: the fine-tuned LLM; parse: the rule-based parser alone).\n",
            plan.gold.iter().map(|g| g.display().to_string()).collect::<Vec<_>>().join(", ")
        );
        md.push_str(&table(&rows));
        if !individual_rows.is_empty() {
            md.push_str("\nPer-subject values (pk_individual: individual records whose subject, and sampling time where curated, agree):\n\n");
            md.push_str(&table(&individual_rows));
        }
        let _ = writeln!(md, "\n{}", training_scope(plan));
        let reports: Vec<String> = rows
            .iter()
            .map(|r| format!("`{}`", stage_dir(Stage::Eval).join(&r.system).join("report.html").display()))
            .collect();
        let _ = writeln!(md, "\nFull reports: {}.", reports.join(", "));
        let reviews: Vec<String> = rows
            .iter()
            .map(|r| stage_dir(Stage::Eval).join(&r.system).join("review.html"))
            .filter(|p| p.is_file())
            .map(|p| format!("`{}`", p.display()))
            .collect();
        if !reviews.is_empty() {
            let _ = writeln!(
                md,
                "\nReview pages (each record on its cell, right and wrong against the gold; open one in a browser): {}.",
                reviews.join(", ")
            );
        }
    }
    let d = |k: &str| diagnostics.get(k).and_then(Value::as_f64);
    if !diagnostics.is_null() {
        let _ = write!(
            md,
            "\n## Weights\n\n{} source and {} target tables; alpha {}, beta {}; W_max {}, ESS {} ({} of the rows), centroid distance {}, MMD² {}, sigma {}, sigma·sqrt(d) {}.\n",
            diagnostics.get("n_source").and_then(Value::as_u64).unwrap_or(0),
            diagnostics.get("n_target").and_then(Value::as_u64).unwrap_or(0),
            fmt(d("alpha")),
            fmt(d("beta")),
            fmt(d("w_max")),
            fmt(d("ess")),
            fmt(d("ess_fraction")),
            fmt(d("centroid_distance")),
            fmt(d("mmd2")),
            fmt(d("sigma")),
            fmt(d("sigma_sqrt_d")),
        );
    }
    if !fit.is_null() {
        let steps = fit.get("steps").and_then(Value::as_u64).unwrap_or(0);
        let _ = write!(md, "\n## Training\n\n{steps} optimizer steps");
        if let Some(best) = fit.get("best").filter(|b| !b.is_null()) {
            let _ = write!(
                md,
                "; best validation loss {} at step {} (the training loss where the run held out no table)",
                fmt(best.get("val_loss").and_then(Value::as_f64)),
                best.get("step").and_then(Value::as_u64).unwrap_or(0)
            );
        }
        md.push_str(".\n");
        if let Some(history) = fit.get("history").and_then(Value::as_array).filter(|h| !h.is_empty()) {
            md.push_str("\n| step | train loss | validation loss |\n|---|---|---|\n");
            for e in history {
                let _ = writeln!(
                    md,
                    "| {} | {} | {} |",
                    e.get("step").and_then(Value::as_u64).unwrap_or(0),
                    fmt(e.get("train_loss").and_then(Value::as_f64)),
                    fmt(e.get("val_loss").and_then(Value::as_f64))
                );
            }
        }
    }
    // Only where the run extracted with the decoder.
    if !gate.is_null() && crate::plan::systems(&plan.config).iter().any(|s| s == "decoder") {
        md.push_str(&gate_text(&gate, plan.config.extract.raw_verdicts));
    }
    let json = json!({
        "run": plan.config.name,
        "scores": rows,
        "individual_scores": individual_rows,
        "trained_on": training_scope(plan),
        "weights": diagnostics,
        "fit": fit,
        "decoder_gate": gate,
    });
    hysim_core::io::write_json(&dir.join("summary.json"), &json)?;
    hysim_core::io::atomic_write(&dir.join("summary.md"), |out| std::io::Write::write_all(out, md.as_bytes()))?;
    Ok(md)
}

/// The summary's paragraph on the gate on the decoder's verdicts (`decoder_gate` of the
/// model card, `hysim_extract::gate`): what it admits, on what evidence, and whether the
/// run's extraction applied it.
fn gate_text(gate: &Value, raw: bool) -> String {
    let admitted =
        |key: &str| if gate.get(key).and_then(Value::as_bool) == Some(true) { "admitted" } else { "refused" };
    let evidence = |verdict: &str| {
        let e = gate.get("evidence").and_then(|e| e.get(verdict));
        let n = |k: &str| e.and_then(|e| e.get(k)).and_then(Value::as_u64).unwrap_or(0);
        format!("{} ({} right as decided, {} as read)", n("n"), n("decoder_right"), n("reading_right"))
    };
    let f1 = |k: &str| fmt(gate.get("f1").and_then(|f| f.get(k)).and_then(Value::as_f64));
    format!(
        "\n## The decoder's verdicts\n\nOn the compared validation tables the decoder confirmed {} of the reader's readings, changed {}, left out {} and added {} records. \
         Its changes are {}, its leave-outs {}, its additions {} (validation F1 {} with this gate, {} with every verdict admitted, {} with the readings alone); \
         a refused change or leave-out gives the reader's reading. This run's decoder records are {}.\n",
        evidence("confirmed"),
        evidence("changed"),
        evidence("left_out"),
        evidence("added"),
        admitted("changes"),
        admitted("leave_outs"),
        admitted("additions"),
        f1("gated"),
        f1("raw"),
        f1("readings"),
        if raw { "every verdict as decided (`[extract] raw_verdicts`)" } else { "under this gate" }
    )
}

/// What the trained systems learnt from, so a reader knows whether a scored paper was
/// trained on: the synthetic corpus only, or labelled tables given in the configuration.
fn training_scope(plan: &Plan) -> String {
    let source = &plan.config.source;
    match (&source.synth, &source.tables) {
        (Some(_), None) => {
            "Trained on the synthetic source corpus only: no scored paper's table was trained on (every score above is out of sample).".to_owned()
        }
        (_, Some(tables)) => format!(
            "Trained on the labelled tables of {}: a scored paper whose tables are there is in-sample for the trained systems (the parser learns nothing).",
            tables.display()
        ),
        (None, None) => "No training source configured.".to_owned(),
    }
}

fn fmt(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_owned(), |v| format!("{v:.4}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_scores_from_metrics() {
        let metrics = json!({"numeric": {"overall": {
            "precision": 0.5, "recall": 0.25, "f1": 1.0 / 3.0, "tp": 2, "fp": 2, "fn": 6,
            "hallucination_rate": 0.1, "ece": null,
            "macro_average": {"precision": 0.4, "recall": 0.2, "f1": 0.3},
            "intervals": {"f1": {"low": 0.2, "high": 0.45}}
        }}});
        let r = row("model", &metrics).unwrap();
        insta::assert_snapshot!(table(&[r]), @r"
        | system | precision | recall | F1 | F1 95% CI | macro F1 | hallucinated | ECE | tp/fp/fn |
        |---|---|---|---|---|---|---|---|---|
        | model | 0.500 | 0.250 | 0.333 | 0.200-0.450 | 0.300 | 0.100 | - | 2/2/6 |
        ");
        assert!(row("model", &json!({"autopk": {}})).is_none());
    }

    #[test]
    fn the_gate_paragraph_says_what_it_admits_and_on_what_evidence() {
        let gate = json!({
            "changes": false, "leave_outs": true, "additions": false,
            "evidence": {
                "confirmed": {"n": 40, "decoder_right": 38, "reading_right": 38},
                "changed": {"n": 3, "decoder_right": 0, "reading_right": 2},
                "left_out": {"n": 1, "decoder_right": 0, "reading_right": 0},
                "added": {"n": 2, "decoder_right": 0, "reading_right": 0}
            },
            "f1": {"gated": 0.95, "raw": 0.9, "readings": 0.94}
        });
        let text = gate_text(&gate, false);
        assert!(text.contains("changed 3 (0 right as decided, 2 as read)"), "{text}");
        assert!(text.contains("Its changes are refused, its leave-outs admitted, its additions refused"), "{text}");
        assert!(
            text.contains("validation F1 0.9500 with this gate, 0.9000 with every verdict admitted, 0.9400"),
            "{text}"
        );
        assert!(text.ends_with("This run's decoder records are under this gate.\n"), "{text}");
        assert!(gate_text(&gate, true).contains("every verdict as decided"));
    }
}
