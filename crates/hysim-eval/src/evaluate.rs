//! One evaluation, as `hysim eval` runs it: gold read from its files, predictions scored
//! by the numeric protocol (with calibration, intervals, hallucinations and a paired
//! comparison) and AutoPK's, their PK consistency checked, and an [`Evaluation`] with a
//! summary line per result.
//!
//! What needs a model (AutoPK's text similarity) or faer (the 2-D projection) comes in
//! from the caller.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use hysim_core::{Record, SampleWeights};

use crate::autopk::{self, TextSimilarity};
use crate::gold::{Gold, prediction_rows};
use crate::report::Evaluation;
use crate::{Error, Match, Result};

/// The protocols to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocols {
    /// The numeric protocol only.
    Numeric,
    /// AutoPK's only.
    AutoPk,
    /// Both.
    Both,
}

impl std::str::FromStr for Protocols {
    type Err = String;

    fn from_str(name: &str) -> std::result::Result<Self, String> {
        match name {
            "numeric" => Ok(Protocols::Numeric),
            "autopk" => Ok(Protocols::AutoPk),
            "both" => Ok(Protocols::Both),
            other => Err(format!("unknown protocol {other:?} (expected autopk, numeric or both)")),
        }
    }
}

/// The files an evaluation reads.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// Gold files or folders (any kind [`Gold::read`] takes).
    pub gold: Vec<PathBuf>,
    /// Predicted records (JSON Lines).
    pub predictions: PathBuf,
    /// The tables the predictions come from, for hallucinations (optional).
    pub tables: Vec<PathBuf>,
    /// Baseline predictions for a paired bootstrap (optional).
    pub compare: Option<PathBuf>,
    /// `weights.jsonl`, for the weight histogram (optional).
    pub weights: Option<PathBuf>,
}

/// How an evaluation scores.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Which protocols run.
    pub protocols: Protocols,
    /// What a numeric match requires.
    pub matching: Match,
    /// Relative tolerance on values.
    pub tolerance: f64,
    /// Bootstrap resamples (0: no intervals).
    pub bootstrap: usize,
    /// Seed of the bootstrap.
    pub seed: u64,
    /// Relative tolerance of the PK consistency checks.
    pub consistency_tolerance: f64,
}

/// Runs one evaluation. `similarity` compares texts in AutoPK's protocol (Levenshtein ratio
/// when `None`). Returns the evaluation and its summary lines.
pub fn evaluate(
    inputs: &Inputs,
    options: &Options,
    similarity: Option<&dyn TextSimilarity>,
) -> Result<(Evaluation, Vec<String>)> {
    let (numeric, autopk_on) = match options.protocols {
        Protocols::Numeric => (true, false),
        Protocols::AutoPk => (false, true),
        Protocols::Both => (true, true),
    };
    let (gold, descriptions) = Gold::read_all(&inputs.gold)?;
    if gold.values.is_empty() && gold.rows.is_empty() {
        return Err(Error::NoGold { read: descriptions.join(", ") });
    }
    let predicted = Record::read_jsonl(&inputs.predictions)?;
    let mut eval = Evaluation {
        gold: format!("{} values from {}", gold.values.len(), descriptions.join(", ")),
        predictions: format!("{} records from {}", predicted.len(), inputs.predictions.display()),
        ..Evaluation::default()
    };
    let mut summary = Vec::new();
    // Summary values (pk_summary) and per-subject values (pk_individual) are scored apart.
    let (individual, summary_values): (Vec<_>, Vec<_>) =
        gold.values.iter().cloned().partition(crate::numeric::is_individual);
    if numeric && !individual.is_empty() {
        let mut report = crate::score_numeric_with(&individual, &predicted, options.tolerance, options.matching);
        report.calibrate(&predicted);
        eval.errors.extend(crate::mismatches::list(&report, &individual, &predicted));
        if options.bootstrap > 0 {
            report.bootstrap(options.bootstrap, options.seed);
        }
        let o = &report.overall.scores;
        summary.push(format!(
            "pk_individual (numeric protocol, per subject): precision {:.3}, recall {:.3}, F1 {:.3} (TP {}, FP {}, FN {}) over {} papers",
            o.precision,
            o.recall,
            o.f1,
            o.tp,
            o.fp,
            o.fn_,
            report.per_paper.len()
        ));
        eval.individual = Some(report);
    }
    if numeric && (!summary_values.is_empty() || individual.is_empty()) {
        let gold_values = summary_values;
        let mut report = crate::score_numeric_with(&gold_values, &predicted, options.tolerance, options.matching);
        report.calibrate(&predicted);
        eval.errors.splice(0..0, crate::mismatches::list(&report, &gold_values, &predicted));
        if options.bootstrap > 0 {
            report.bootstrap(options.bootstrap, options.seed);
        }
        if !inputs.tables.is_empty() {
            let mut texts = HashMap::new();
            for path in &inputs.tables {
                for t in hysim_tables::read_tables_file(path)? {
                    texts.insert(t.id.clone(), crate::table_text(&t));
                }
            }
            let (hallucinated, checked) = crate::hallucinations(&predicted, &report.judged, &texts);
            report.overall.hallucination_rate = (checked > 0).then(|| hallucinated as f64 / checked as f64);
        }
        if let Some(baseline) = &inputs.compare {
            let base_records = Record::read_jsonl(baseline)?;
            let base = crate::score_numeric_with(&gold_values, &base_records, options.tolerance, options.matching);
            let (a, b): (Vec<_>, Vec<_>) =
                report.paper_tallies().into_iter().zip(base.paper_tallies()).map(|((_, x), (_, y))| (x, y)).unzip();
            let c = crate::stats::paired_bootstrap(&a, &b, options.bootstrap.max(1), options.seed);
            summary.push(format!(
                "vs {}: F1 {:+.3} [{:+.3}, {:+.3}]",
                baseline.display(),
                c.difference,
                c.interval.low,
                c.interval.high
            ));
            eval.comparison = Some((baseline.display().to_string(), c));
        }
        let o = &report.overall.scores;
        summary.insert(
            0,
            format!(
                "numeric protocol: precision {:.3}, recall {:.3}, F1 {:.3} (TP {}, FP {}, FN {}) over {} papers",
                o.precision,
                o.recall,
                o.f1,
                o.tp,
                o.fp,
                o.fn_,
                report.per_paper.len()
            ),
        );
        eval.numeric = Some(report);
    }
    if autopk_on {
        let pred_rows = prediction_rows(&predicted, &gold);
        let report = autopk::score(&gold.rows, &pred_rows, None, similarity.unwrap_or(&autopk::Levenshtein));
        summary.push(format!(
            "AutoPK protocol: precision {:.3}, recall {:.3}, F1 {:.3}, hallucination rate {:.3} over {} table-parameter pairs",
            report.overall.precision,
            report.overall.recall,
            report.overall.f1,
            report.overall.hallucination_rate,
            report.overall.tables
        ));
        eval.autopk = Some(report);
    }
    eval.consistency = Some(crate::consistency::check(&predicted, options.consistency_tolerance));
    if let Some(path) = &inputs.weights {
        eval.weights = Some(SampleWeights::read_jsonl(path)?.rows.iter().map(|r| r.w_hybrid).collect());
    }
    Ok((eval, summary))
}

/// The hybrid weight of each id of `ids` in `weights` (1 for ids it lacks, and without a
/// weights file), for the 2-D projection coloured by weight.
pub fn weights_of(weights: Option<&Path>, ids: &[String]) -> Result<Vec<f64>> {
    Ok(match weights {
        Some(path) => SampleWeights::read_jsonl(path)?
            .hybrid_for(ids.iter().map(String::as_str))
            .into_iter()
            .map(|w| w.unwrap_or(1.0))
            .collect(),
        None => vec![1.0; ids.len()],
    })
}
