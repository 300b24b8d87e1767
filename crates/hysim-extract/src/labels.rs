//! Label noise the embeddings can see (issue #23, item 4): each gold record of a labelled
//! table, as text that names what the label says (its code's parameter name, value, unit
//! and statistic, `hysim_text::label_text`), beside the text of the cell it points at
//! (its row's stub, then `hysim_text::cell_texts`'s header path and cell), both embedded
//! by the sentence encoder. Its score is the margin of the cell's similarity to the label
//! over its similarity to the same label under each other parameter code of the table; a
//! margin far below its code's usual one is flagged (`hysim_weights::label`). Table
//! embeddings cannot see such noise: a mislabelled table reads the same as a clean one.
//!
//! The alternatives share the record's value, unit and statistic, so the margin weighs the
//! parameter code only: wrong values and units are not what it measures.

use std::collections::{BTreeMap, HashMap};

use hysim_core::{Record, Table};
use hysim_embed::{Cache, EmbedOptions, Encoder};
use hysim_weights::label::{KindScore, LabelFlag, LabelPair, label_flags, score_label_flags};

use serde::{Deserialize, Serialize};

use crate::Result;

/// What [`check`] found (its JSON leaves the flags out).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LabelNoise {
    /// The threshold: records whose margin lies more than `k` standard deviations below
    /// their code's mean margin are flagged.
    pub k: f64,
    /// Gold records compared with their cell.
    pub compared: usize,
    /// Gold records left out: no parameter code, no cell, a cell outside their table, or a
    /// table whose gold names one parameter only (nothing to compare the label with).
    pub skipped: usize,
    /// Per noise kind of the gold records (`none`: clean), how the flags find it.
    pub scores: BTreeMap<String, KindScore>,
    /// One flag per compared record, in gold order, with its noise kind.
    #[serde(skip)]
    pub flags: Vec<(LabelFlag, Option<String>)>,
}

impl LabelNoise {
    /// The scores per noise kind as a Markdown table.
    pub fn markdown(&self) -> String {
        let mut out = format!(
            "{} gold records compared with their cells ({} left out), flagged at k = {}:\n\n| noise kind | records | flagged | recall | precision | AUC |\n|---|---|---|---|---|---|\n",
            self.compared, self.skipped, self.k
        );
        for (kind, s) in &self.scores {
            out.push_str(&format!(
                "| {kind} | {} | {} | {:.2} | {} | {:.2} |\n",
                s.n,
                s.flagged,
                s.recall,
                if kind == "none" { "".to_owned() } else { format!("{:.2}", s.precision) },
                s.auc
            ));
        }
        out
    }
}

/// One gold record beside its cell: the cell's text, and the label's text under its own
/// code and under each other code of its table's gold (the same value, unit and statistic).
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Index of the record in the gold.
    pub index: usize,
    /// Its code.
    pub code: String,
    /// The cell in words: its row's stub (where it is not the stub), header path and text.
    pub cell: String,
    /// What the label says.
    pub label: String,
    /// The label under each other code of the table.
    pub alternatives: Vec<String>,
}

/// The [`Pair`] of each gold record that points at a cell of a table whose gold names
/// more than one parameter.
pub fn pairs(tables: &[Table], gold: &[Record]) -> Vec<Pair> {
    let by_id: HashMap<&str, &Table> = tables.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut codes: HashMap<&str, Vec<&str>> = HashMap::new();
    for r in gold {
        if let Some(code) = r.parameter.as_deref() {
            let list = codes.entry(r.table_id.as_str()).or_default();
            if !list.contains(&code) {
                list.push(code);
            }
        }
    }
    let name = |code: &str| hysim_tables::params::parameter(code).map_or(code.to_owned(), |p| p.name.to_owned());
    let mut cells: HashMap<&str, HashMap<(usize, usize), String>> = HashMap::new();
    gold.iter()
        .enumerate()
        .filter_map(|(index, r)| {
            let code = r.parameter.as_deref()?;
            let (row, col) = (r.provenance.row? as usize, r.provenance.col? as usize);
            let table = by_id.get(r.table_id.as_str())?;
            let others: Vec<&str> = codes.get(r.table_id.as_str())?.iter().copied().filter(|c| *c != code).collect();
            if others.is_empty() {
                return None;
            }
            let texts = cells.entry(table.id.as_str()).or_insert_with(|| {
                hysim_text::cell_texts(table).into_iter().map(|(r, c, text)| ((r, c), text)).collect()
            });
            // The row's stub names the parameter where parameters run down the rows.
            let stub = table.body_rows.get(row).and_then(|r| r.first()).map(|s| s.trim()).filter(|s| !s.is_empty());
            let cell = match stub {
                Some(stub) if col > 0 => format!("{stub} | {}", texts.get(&(row, col))?),
                _ => texts.get(&(row, col))?.clone(),
            };
            Some(Pair {
                index,
                code: code.to_owned(),
                cell,
                label: hysim_text::label_text(r, &name(code)),
                alternatives: others.iter().map(|c| hysim_text::label_text(r, &name(c))).collect(),
            })
        })
        .collect()
}

/// Embeds each gold record's cell, label and alternative labels with `encoder` (through
/// `cache` when given). A record's margin is how much more similar its cell is to its label
/// than to the best alternative (below 0: another of the table's parameters fits the cell
/// better, a zero-shot reading of the cell by the encoder); margins far below their code's
/// usual margin are flagged at threshold `k`, and the flags scored against the records'
/// noise flags.
pub fn check(
    encoder: &Encoder,
    tables: &[Table],
    gold: &[Record],
    k: f64,
    cache: Option<&mut Cache>,
) -> Result<LabelNoise> {
    let found = pairs(tables, gold);
    let mut texts: Vec<&str> = Vec::new();
    for p in &found {
        texts.push(&p.cell);
        texts.push(&p.label);
        texts.extend(p.alternatives.iter().map(String::as_str));
    }
    let (rows, _) = encoder.embed(&texts, &EmbedOptions::default(), cache)?;
    let dim = encoder.dim();
    let row = |k: usize| &rows[k * dim..(k + 1) * dim];
    let cosine = |a: &[f32], b: &[f32]| {
        let dot: f64 = a.iter().zip(b).map(|(x, y)| f64::from(*x) * f64::from(*y)).sum();
        let norm = |v: &[f32]| v.iter().map(|x| f64::from(*x).powi(2)).sum::<f64>().sqrt();
        let n = norm(a) * norm(b);
        if n > 0.0 { dot / n } else { 0.0 }
    };
    let mut at = 0;
    let mut label_pairs = Vec::with_capacity(found.len());
    for p in &found {
        let cell = row(at);
        let own = cosine(cell, row(at + 1));
        let best_other =
            (0..p.alternatives.len()).map(|j| cosine(cell, row(at + 2 + j))).fold(f64::NEG_INFINITY, f64::max);
        at += 2 + p.alternatives.len();
        label_pairs.push(LabelPair {
            id: format!("{}#{}", gold[p.index].table_id, p.index + 1),
            group: p.code.clone(),
            score: own - best_other,
        });
    }
    let flags = label_flags(&label_pairs, k);
    let noise: Vec<Option<&str>> = found.iter().map(|p| gold[p.index].noise.as_deref()).collect();
    let scores = score_label_flags(&flags, &noise);
    let flags = flags.into_iter().zip(noise.iter().map(|n| n.map(str::to_owned))).collect();
    Ok(LabelNoise { k, compared: found.len(), skipped: gold.len() - found.len(), scores, flags })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record's label names its code's parameter, the cell text its header path; records
    /// without a cell, or pointing outside their table, are left out.
    #[test]
    fn pairs_put_each_label_beside_its_cell() {
        let table = Table {
            id: "p:1".into(),
            header_rows: vec![vec!["Parameter".into(), "Mean ± SD".into()]],
            body_rows: vec![vec!["Cmax (ng/mL)".into(), "62.1 ± 10.2".into()]],
            ..Table::default()
        };
        let record = |row: Option<u32>, code: &str| Record {
            table_id: "p:1".into(),
            parameter_raw: "Cmax".into(),
            parameter: Some(code.into()),
            value_raw: "62.1".into(),
            value: Some(62.1),
            statistic: hysim_core::Statistic::Mean,
            dispersion: None,
            interval: None,
            unit_raw: Some("ng/mL".into()),
            unit: None,
            value_canonical: None,
            n: None,
            context: hysim_core::Context::default(),
            provenance: hysim_core::Provenance { row, col: Some(1), ..Default::default() },
            confidence: None,
            noise: None,
            review: None,
        };
        let gold = [record(Some(0), "AUCIFO"), record(None, "CMAX"), record(Some(3), "CMAX")];
        let got = pairs(std::slice::from_ref(&table), &gold);
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].index, got[0].code.as_str()), (0, "AUCIFO"));
        assert_eq!(got[0].cell, "Cmax (ng/mL) | Mean ± SD: 62.1 ± 10.2");
        assert_eq!(got[0].label, "AUC Infinity Obs = 62.1 [ng/mL] (mean)");
        assert_eq!(got[0].alternatives, ["Max Conc = 62.1 [ng/mL] (mean)"]);
        // A table whose gold names one parameter gives nothing to compare with.
        assert!(pairs(&[table], &gold[..1]).is_empty());
    }
}
