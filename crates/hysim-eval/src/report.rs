//! The evaluation's outputs: `metrics.json` (one object per protocol, each with `overall`
//! and `per_parameter`, plus consistency and comparison), `errors.jsonl` (the numeric
//! protocol's wrong records, missed values and context disagreements, each with why),
//! `report.md` and `report.html`
//! (per-parameter F1 with intervals, the reliability diagram, and, when given, the weight
//! histogram and a 2-D projection of source and target embeddings coloured by weight).

mod html;

use std::io::Write;
use std::path::Path;

use serde_json::json;

use crate::autopk::AutoPkReport;
use crate::consistency::Consistency;
use crate::mismatches::Mismatch;
use crate::stats::Comparison;
use crate::{Report, Scores};

/// Rows of each kind `report.md` lists (`errors.jsonl` has them all).
const ERRORS_LISTED: usize = 30;

/// Text for a Markdown table cell.
fn md_cell(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}

/// The `### Errors` section of `report.md`: wrong records and missed values with why, and
/// context disagreements counted by what was curated and what was read.
fn errors_markdown(errors: &[Mismatch]) -> String {
    let count = |kind: &str| errors.iter().filter(|e| e.kind() == kind).count();
    let (wrong, missed, context) = (count("wrong_record"), count("missed_value"), count("context_disagrees"));
    let mut md = format!(
        "\n### Errors\n\n{wrong} wrong records, {missed} missed values, {context} context disagreements on matched values; all of them, each with why, in `errors.jsonl`.\n"
    );
    let more =
        |n: usize| if n > ERRORS_LISTED { format!("\nThe first {ERRORS_LISTED} of {n}.\n") } else { String::new() };
    if wrong > 0 {
        md.push_str("\n| record | parameter | cell | unit | why |\n|---|---|---|---|---|\n");
        for e in errors.iter().filter(|e| e.kind() == "wrong_record").take(ERRORS_LISTED) {
            if let Mismatch::WrongRecord {
                table_id,
                row,
                col,
                parameter_raw,
                parameter,
                value_raw,
                unit_raw,
                why,
                ..
            } = e
            {
                let at = |v: &Option<u32>| v.map_or_else(|| "-".to_owned(), |v| v.to_string());
                md.push_str(&format!(
                    "| {table_id} r{} c{} | {} ({}) | {} | {} | {} |\n",
                    at(row),
                    at(col),
                    md_cell(parameter_raw),
                    parameter.as_deref().unwrap_or("-"),
                    md_cell(value_raw),
                    md_cell(unit_raw.as_deref().unwrap_or("")),
                    md_cell(why)
                ));
            }
        }
        md.push_str(&more(wrong));
    }
    if missed > 0 {
        md.push_str("\n| gold | parameter | value | unit | statistic | why |\n|---|---|---|---|---|---|\n");
        for e in errors.iter().filter(|e| e.kind() == "missed_value").take(ERRORS_LISTED) {
            if let Mismatch::MissedValue { paper, line, parameter_raw, value, unit_raw, statistic, why, .. } = e {
                md.push_str(&format!(
                    "| {paper} line {line} | {} | {value} | {} | {} | {} |\n",
                    md_cell(parameter_raw),
                    md_cell(unit_raw.as_deref().unwrap_or("")),
                    md_cell(statistic.as_deref().unwrap_or("")),
                    md_cell(why)
                ));
            }
        }
        md.push_str(&more(missed));
    }
    if context > 0 {
        let mut groups: std::collections::BTreeMap<(String, String, String), usize> = Default::default();
        for e in errors {
            if let Mismatch::ContextDisagrees { field, gold, predicted, .. } = e {
                let key = (field.clone(), gold.clone(), predicted.clone().unwrap_or_else(|| "(none)".to_owned()));
                *groups.entry(key).or_default() += 1;
            }
        }
        md.push_str("\n| field | curated | read | values |\n|---|---|---|---|\n");
        for ((field, gold, read), n) in groups {
            md.push_str(&format!("| {field} | {} | {} | {n} |\n", md_cell(&gold), md_cell(&read)));
        }
    }
    md
}

/// Everything one `hysim eval` run found.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    /// What the gold was (files, counts).
    pub gold: String,
    /// What the predictions were.
    pub predictions: String,
    /// The numeric protocol on summary gold values (pk_summary), when run.
    pub numeric: Option<Report>,
    /// The numeric protocol on per-subject gold values (pk_individual): subject and, where
    /// the gold gives it, sampling time must agree too.
    pub individual: Option<Report>,
    /// The AutoPK protocol, when run.
    pub autopk: Option<AutoPkReport>,
    /// PK consistency of the predictions.
    pub consistency: Option<Consistency>,
    /// The numeric protocol's errors ([`crate::mismatches::list`]), written to `errors.jsonl`
    /// when the numeric protocol ran.
    pub errors: Vec<Mismatch>,
    /// Paired comparison against a baseline prediction file, with its description.
    pub comparison: Option<(String, Comparison)>,
    /// Sample weights to plot (`w_hybrid`), when given.
    pub weights: Option<Vec<f64>>,
    /// 2-D projection: `(x, y, is_target, weight)` per embedded row, when given.
    pub projection: Option<Vec<(f64, f64, bool, f64)>>,
}

impl Evaluation {
    /// `metrics.json`'s value.
    pub fn metrics(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        if let Some(n) = &self.numeric {
            m.insert("numeric".into(), serde_json::to_value(n).expect("invariant: report serialises"));
        }
        if let Some(n) = &self.individual {
            m.insert("individual".into(), serde_json::to_value(n).expect("invariant: report serialises"));
        }
        if let Some(a) = &self.autopk {
            let overall = json!({
                "precision": a.overall.precision,
                "recall": a.overall.recall,
                "f1": a.overall.f1,
                "hallucination_rate": a.overall.hallucination_rate,
                "ece": serde_json::Value::Null,
                "tables": a.overall.tables,
                "counts": a.overall.counts,
            });
            m.insert(
                "autopk".into(),
                json!({
                    "overall": overall,
                    "per_parameter": a.per_parameter,
                    "semantic_similarity": a.semantic_similarity,
                }),
            );
        }
        if let Some(c) = &self.consistency {
            m.insert("consistency".into(), serde_json::to_value(c).expect("invariant: serialises"));
        }
        if let Some((baseline, c)) = &self.comparison {
            let mut v = serde_json::to_value(c).expect("invariant: serialises");
            v["baseline"] = baseline.clone().into();
            m.insert("comparison".into(), v);
        }
        serde_json::Value::Object(m)
    }

    /// Writes `metrics.json`, `errors.jsonl` (when the numeric protocol ran; an older one is
    /// removed otherwise), `report.md` and `report.html` into `dir`, atomically.
    pub fn write(&self, dir: &Path) -> hysim_core::Result<()> {
        hysim_core::io::write_json(&dir.join("metrics.json"), &self.metrics())?;
        let errors = dir.join("errors.jsonl");
        if self.numeric.is_some() || self.individual.is_some() {
            hysim_core::io::write_jsonl(&errors, &self.errors)?;
        } else if errors.is_file() {
            // Not this evaluation's: an earlier numeric run's, in the same folder.
            std::fs::remove_file(&errors)
                .map_err(|source| hysim_core::Error::Write { path: errors.clone(), source })?;
        }
        let md = self.markdown();
        hysim_core::io::atomic_write(&dir.join("report.md"), |out| out.write_all(md.as_bytes()))?;
        let html = html::page(self);
        hysim_core::io::atomic_write(&dir.join("report.html"), |out| out.write_all(html.as_bytes()))
    }

    /// `report.md`.
    pub fn markdown(&self) -> String {
        let mut md = String::from("# HySim evaluation\n\n");
        md.push_str(&format!("Gold: {}\n\nPredictions: {}\n\n", self.gold, self.predictions));
        let header = "| | precision | recall | F1 | TP | FP | FN |\n|---|---|---|---|---|---|---|\n";
        let row = |name: &str, s: &Scores| {
            format!(
                "| {name} | {:.3} | {:.3} | {:.3} | {} | {} | {} |\n",
                s.precision, s.recall, s.f1, s.tp, s.fp, s.fn_
            )
        };
        if let Some(report) = &self.numeric {
            let percent = report.tolerance * 100.0;
            let what = match report.matching {
                crate::Match::Full => format!(
                    "value within {percent} % of the gold one (in canonical units when both convert), and the same statistic, dispersion and interval when the gold gives them"
                ),
                crate::Match::Value => format!("printed value within {percent} % of the gold one"),
            };
            md.push_str(&format!("## Numeric protocol\n\nSame parameter class, {what}.\n\n"));
            md.push_str(header);
            md.push_str(&row("all (micro)", &report.overall.scores));
            let m = &report.overall.macro_average;
            md.push_str(&format!(
                "| mean over classes (macro) | {:.3} | {:.3} | {:.3} | | | |\n",
                m.precision, m.recall, m.f1
            ));
            let opt = |x: Option<f64>, what: &str| x.map_or_else(|| format!("n/a ({what})"), |v| format!("{v:.3}"));
            md.push_str(&format!(
                "\nHallucination rate: {}. ECE: {}.\n",
                opt(report.overall.hallucination_rate, "no table text given"),
                opt(report.overall.ece, "no record has a confidence")
            ));
            if let Some(ci) = &report.overall.intervals {
                md.push_str(&format!(
                    "Bootstrap 95 % intervals over {} papers ({} resamples): precision [{:.3}, {:.3}], recall [{:.3}, {:.3}], F1 [{:.3}, {:.3}].\n",
                    report.per_paper.len(),
                    ci.n_resamples,
                    ci.precision.low,
                    ci.precision.high,
                    ci.recall.low,
                    ci.recall.high,
                    ci.f1.low,
                    ci.f1.high
                ));
            }
            if let Some(ind) = &self.individual {
                md.push_str(&format!(
                    "\n## Per-subject values (pk_individual)\n\nIndividual records against the curated per-subject values: the same class, subject and (where the gold gives it) sampling time, and the value.\n\n{header}{}",
                    row("all (micro)", &ind.overall.scores)
                ));
                for (paper, s) in &ind.per_paper {
                    md.push_str(&row(paper, s));
                }
                if let Some(ci) = &ind.overall.intervals {
                    md.push_str(&format!(
                        "\nF1 bootstrap 95 % interval over papers: [{:.3}, {:.3}].\n",
                        ci.f1.low, ci.f1.high
                    ));
                }
            }
            md.push_str("\n### Per parameter class\n\n");
            md.push_str(
                "| | precision | recall | F1 | TP | FP | FN | F1 95 % CI |\n|---|---|---|---|---|---|---|---|\n",
            );
            for (class, s) in &report.per_parameter {
                let ci = report
                    .overall
                    .intervals
                    .as_ref()
                    .and_then(|i| i.per_parameter_f1.get(class))
                    .map_or_else(String::new, |i| format!("[{:.3}, {:.3}]", i.low, i.high));
                md.push_str(&format!(
                    "| {class} | {:.3} | {:.3} | {:.3} | {} | {} | {} | {ci} |\n",
                    s.precision, s.recall, s.f1, s.tp, s.fp, s.fn_
                ));
            }
            if !report.context.is_empty() {
                md.push_str("\n### Context agreement on matched values\n\n");
                md.push_str("| field | agreed | compared | rate |\n|---|---|---|---|\n");
                for (field, a) in &report.context {
                    md.push_str(&format!("| {field} | {} | {} | {:.3} |\n", a.agreed, a.compared, a.rate));
                }
            }
            if !report.reliability.is_empty() {
                md.push_str(
                    "\n### Reliability\n\n| confidence | records | mean confidence | accuracy |\n|---|---|---|---|\n",
                );
                for b in report.reliability.iter().filter(|b| b.count > 0) {
                    md.push_str(&format!(
                        "| {:.1}-{:.1} | {} | {:.3} | {:.3} |\n",
                        b.low, b.high, b.count, b.confidence, b.accuracy
                    ));
                }
            }
            md.push_str("\n### Per paper\n\n");
            md.push_str(header);
            for (paper, s) in &report.per_paper {
                md.push_str(&row(paper, s));
            }
            md.push_str(&errors_markdown(&self.errors));
        }
        if let Some(a) = &self.autopk {
            md.push_str("\n## AutoPK protocol\n\n");
            md.push_str(&format!(
                "Rows aligned per table and parameter by Hungarian assignment on Levenshtein-ratio similarities (kept at 0.5 or more), cells true when their similarity reaches 0.8, macro-averaged over tables. Units, species and drug names compared by: {}.\n\n",
                a.semantic_similarity
            ));
            md.push_str("| | precision | recall | F1 | hallucination rate | tables | TP | FP | FN | HC |\n|---|---|---|---|---|---|---|---|---|---|\n");
            let arow = |name: &str, s: &crate::autopk::ParameterScores| {
                format!(
                    "| {name} | {:.3} | {:.3} | {:.3} | {:.3} | {} | {} | {} | {} | {} |\n",
                    s.precision,
                    s.recall,
                    s.f1,
                    s.hallucination_rate,
                    s.tables,
                    s.counts.tp,
                    s.counts.fp,
                    s.counts.fn_,
                    s.counts.hc
                )
            };
            md.push_str(&arow("all", &a.overall));
            for (p, s) in &a.per_parameter {
                md.push_str(&arow(p, s));
            }
        }
        if let Some(c) = &self.consistency {
            md.push_str(&format!(
                "\n## PK consistency of the predictions\n\nRecord sets (same table and group) breaking an identity by more than {} %: {:.3} of those checked.\n\n| identity | checked | broken | rate |\n|---|---|---|---|\n",
                c.tolerance * 100.0,
                c.rate
            ));
            for (name, k) in &c.identities {
                md.push_str(&format!("| {name} | {} | {} | {:.3} |\n", k.checked, k.broken, k.rate));
            }
            for e in &c.examples {
                md.push_str(&format!("\n- {e}"));
            }
            if !c.examples.is_empty() {
                md.push('\n');
            }
        }
        if let Some((baseline, c)) = &self.comparison {
            md.push_str(&format!(
                "\n## Paired comparison\n\nAgainst {baseline}: F1 {:.3} vs {:.3}, difference {:+.3}, 95 % interval [{:+.3}, {:+.3}] over {} paired resamples of papers; share of resamples with no gain {:.3}.\n",
                c.f1, c.f1_baseline, c.difference, c.interval.low, c.interval.high, c.n_resamples, c.p_not_better
            ));
        }
        md
    }
}
