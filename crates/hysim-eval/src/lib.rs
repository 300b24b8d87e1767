//! Scoring predicted PK records against ground truth, with two protocols, calibration,
//! uncertainty, consistency checks and reports.
//!
//! The numeric protocol (ours): within a paper, a predicted record matches a gold value
//! when both fall in the same parameter class ([`class_of`]: CMAX, TMAX, AUC, half-life,
//! CL, VD, MRT, rate constant, F, concentration, excretion) and the predicted value as
//! printed is within a relative tolerance of the gold one (0.5 % by default). Each gold
//! value matches at most one record and each record at most one value, greedily in file
//! order. Recall is over the gold values of the papers scored; precision is over the
//! records with a value from those papers (records of papers without gold are not
//! judged). Gold values whose parameter maps to no code count as misses. A record whose
//! printed value does not occur in its table's text is hallucinated ([`hallucinations`]).
//!
//! [`autopk`] is AutoPK's protocol; [`stats`] gives the expected calibration error of
//! record confidences, bootstrap intervals over tables and the paired bootstrap;
//! [`consistency`] checks PK identities within record sets; [`experiment`] compares weighting
//! methods over seeds with paired intervals; [`report`] writes
//! `metrics.json`, `report.md` and `report.html`.

pub mod autopk;
pub mod consistency;
mod error;
pub mod evaluate;
pub mod experiment;
pub mod gold;
pub mod mismatches;
mod numeric;
pub mod report;
pub mod stats;

pub use error::{Error, Result};
pub use evaluate::{Inputs, Options, Protocols, evaluate};
pub use numeric::{
    Agreement, Macro, Match, Overall, Report, Scores, class_of, class_of_named, context_agrees, gold_from_records,
    hallucinations, paper_of_table, score_numeric, score_numeric_with, table_text,
};
pub(crate) use numeric::{canonical_gold, close, context_field, mismatch, paper_of, value_agrees};
