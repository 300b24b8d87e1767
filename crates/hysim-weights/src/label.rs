//! Label noise the embeddings can see: each gold record gets a score of how well its label
//! fits the cell it points at (the caller's: `hysim_extract::labels` uses the margin of the
//! cell's similarity to the label over its similarity to the same record under the table's
//! other parameter codes). A label that does not fit its cell (a Cmax labelled as an AUC)
//! should score lower than labels of its code usually do.
//!
//! [`label_flags`] turns the scores into z-scores within each group (the records of one
//! parameter code, whose labels and cells read alike; groups of fewer than [`MIN_GROUP`]
//! records use the statistics of all records) and flags records below `-k`.
//! [`score_label_flags`] scores the flags against known noise (the synthetic generator's
//! flags): per kind, recall, precision against the clean records, and the area under the
//! ROC curve of the z-score (threshold-free: 0.5 is blind).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::stats::mean_std;

/// Groups smaller than this are judged against all records.
pub const MIN_GROUP: usize = 8;

/// A gold record's label beside its cell.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelPair {
    /// The record's id.
    pub id: String,
    /// Its group (the parameter code).
    pub group: String,
    /// How well the label fits its cell (higher: better).
    pub score: f64,
}

/// A record's flag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelFlag {
    /// The record's id.
    pub id: String,
    /// Its group.
    pub group: String,
    /// How well the label fits its cell.
    pub score: f64,
    /// Standard score of `score` within its group.
    pub z: f64,
    /// `z < -k`.
    pub flagged: bool,
}

/// Flags the pairs whose score lies more than `k` standard deviations below their
/// group's mean.
pub fn label_flags(pairs: &[LabelPair], k: f64) -> Vec<LabelFlag> {
    let all: Vec<f64> = pairs.iter().map(|p| p.score).collect();
    let overall = mean_std(&all);
    let mut by_group: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for p in pairs {
        by_group.entry(p.group.as_str()).or_default().push(p.score);
    }
    let stats: BTreeMap<&str, (f64, f64)> = by_group
        .into_iter()
        .map(|(g, xs)| {
            let (m, s) = mean_std(&xs);
            (g, if xs.len() >= MIN_GROUP && s > 0.0 { (m, s) } else { overall })
        })
        .collect();
    pairs
        .iter()
        .map(|p| {
            let (m, s) = stats[p.group.as_str()];
            let z = if s > 0.0 { (p.score - m) / s } else { 0.0 };
            LabelFlag { id: p.id.clone(), group: p.group.clone(), score: p.score, z, flagged: z < -k }
        })
        .collect()
}

/// How the flags find one kind of noise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KindScore {
    /// Records of this kind.
    pub n: usize,
    /// Of them flagged.
    pub flagged: usize,
    /// `flagged / n`.
    pub recall: f64,
    /// `flagged / (flagged + flagged clean records)`: the precision were this the only kind.
    pub precision: f64,
    /// Probability that a record of this kind has a lower z than a clean one (ties count
    /// half): 0.5 is no better than chance.
    pub auc: f64,
}

/// Scores `flags` against `noise` (the same order; `None` for a clean record), per kind;
/// `none` holds the clean records (its recall is the false-positive rate).
pub fn score_label_flags(flags: &[LabelFlag], noise: &[Option<&str>]) -> BTreeMap<String, KindScore> {
    assert_eq!(flags.len(), noise.len(), "invariant: one noise flag per record");
    let mut kinds: BTreeMap<&str, Vec<&LabelFlag>> = BTreeMap::new();
    for (f, n) in flags.iter().zip(noise) {
        kinds.entry(n.unwrap_or("none")).or_default().push(f);
    }
    let mut clean_z: Vec<f64> = kinds.get("none").map(|c| c.iter().map(|f| f.z).collect()).unwrap_or_default();
    clean_z.sort_by(f64::total_cmp);
    let clean_flagged = kinds.get("none").map_or(0, |c| c.iter().filter(|f| f.flagged).count());
    kinds
        .iter()
        .map(|(kind, members)| {
            let n = members.len();
            let flagged = members.iter().filter(|f| f.flagged).count();
            // Mann-Whitney: for each noisy record, the clean records above it (ties half).
            let auc = if clean_z.is_empty() || n == 0 {
                0.5
            } else {
                let wins: f64 = members
                    .iter()
                    .map(|f| {
                        let below = clean_z.partition_point(|c| *c < f.z);
                        let not_above = clean_z.partition_point(|c| *c <= f.z);
                        (clean_z.len() - not_above) as f64 + 0.5 * (not_above - below) as f64
                    })
                    .sum();
                wins / (n as f64 * clean_z.len() as f64)
            };
            let precision =
                if flagged + clean_flagged == 0 { 0.0 } else { flagged as f64 / (flagged + clean_flagged) as f64 };
            let score =
                KindScore { n, flagged, recall: if n == 0 { 0.0 } else { flagged as f64 / n as f64 }, precision, auc };
            ((*kind).to_owned(), score)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records of two codes with different typical similarities; planted misfits fall below
    /// their own group's spread and are flagged, where one threshold over all records would
    /// flag the lower group instead; the AUC of a perfectly separated kind is 1, of clean
    /// records against themselves 0.5.
    #[test]
    fn flags_are_judged_within_each_code() {
        let mut pairs = Vec::new();
        let mut noise = Vec::new();
        for k in 0..40 {
            let jitter = f64::from(k % 5) * 0.01;
            pairs.push(LabelPair { id: format!("a{k}"), group: "CMAX".into(), score: 0.80 + jitter });
            noise.push(None);
            pairs.push(LabelPair { id: format!("b{k}"), group: "AUCIFO".into(), score: 0.50 + jitter });
            noise.push(None);
        }
        for k in 0..4 {
            pairs.push(LabelPair { id: format!("x{k}"), group: "CMAX".into(), score: 0.62 });
            noise.push(Some("wrong_parameter"));
        }
        let flags = label_flags(&pairs, 2.0);
        let flagged: Vec<&str> = flags.iter().filter(|f| f.flagged).map(|f| f.id.as_str()).collect();
        assert_eq!(flagged, ["x0", "x1", "x2", "x3"]);
        let scores = score_label_flags(&flags, &noise);
        let wrong = &scores["wrong_parameter"];
        assert_eq!((wrong.n, wrong.flagged, wrong.recall, wrong.precision), (4, 4, 1.0, 1.0));
        assert!(wrong.auc > 0.99, "{}", wrong.auc);
        assert!((scores["none"].auc - 0.5).abs() < 1e-9);
        assert_eq!(scores["none"].flagged, 0);
    }

    #[test]
    fn small_groups_use_the_overall_spread() {
        let pairs: Vec<LabelPair> = (0..20)
            .map(|k| LabelPair {
                id: k.to_string(),
                group: if k < 3 { "TMAX" } else { "CMAX" }.into(),
                score: f64::from(k),
            })
            .collect();
        let flags = label_flags(&pairs, 1.0);
        // TMAX (3 records) is judged against all 20: its low similarities are flagged.
        assert!(flags[0].flagged && flags[1].flagged);
        assert!(flags[3].z < 0.0 && !flags[19].flagged);
    }
}
