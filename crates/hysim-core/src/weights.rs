//! Per-sample weights: the artifact of the weighting stage (steps 3 to 5 of Algorithm 1),
//! read by fine-tuning to scale each example's loss.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::io::{JsonlReader, write_jsonl};
use crate::{Error, Result};

/// The weights of one source example, one JSON line in `weights.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SampleWeight {
    /// The example's id (as in the embeddings sidecar).
    pub id: String,
    /// Distance of the example's embedding to the target centroid.
    pub dist: f64,
    /// Similarity weight `exp(-alpha * dist)`.
    pub w_sim: f64,
    /// Distance of the embedding to its projection on the fitted manifold.
    pub d_manifold: f64,
    /// Clean weight `exp(-beta * d_manifold)`.
    pub w_clean: f64,
    /// Whether the example lies beyond the off-manifold threshold.
    pub off_manifold: bool,
    /// Hybrid weight, normalised to mean 1 over the kept examples.
    pub w_hybrid: f64,
}

/// All the weights of a source set, in source order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SampleWeights {
    /// One entry per source example.
    pub rows: Vec<SampleWeight>,
}

impl SampleWeights {
    /// Reads `weights.jsonl`, rejecting negative or non-finite weights and repeated ids
    /// with the file and line.
    pub fn read_jsonl(path: &Path) -> Result<Self> {
        let mut reader = JsonlReader::<SampleWeight>::open(path)?;
        let mut rows = Vec::new();
        let mut seen = HashMap::new();
        while let Some(row) = reader.next() {
            let row = row?;
            let invalid =
                |problem: String| Error::InvalidRecord { path: path.to_path_buf(), line: reader.line(), problem };
            for (field, v) in [
                ("dist", row.dist),
                ("w_sim", row.w_sim),
                ("d_manifold", row.d_manifold),
                ("w_clean", row.w_clean),
                ("w_hybrid", row.w_hybrid),
            ] {
                if !v.is_finite() || v < 0.0 {
                    return Err(invalid(format!("{field} must be a finite number >= 0, got {v} for id {:?}", row.id)));
                }
            }
            if let Some(first) = seen.insert(row.id.clone(), reader.line()) {
                return Err(invalid(format!("id {:?} already appeared on line {first}", row.id)));
            }
            rows.push(row);
        }
        Ok(Self { rows })
    }

    /// Writes `weights.jsonl`, atomically.
    pub fn write_jsonl(&self, path: &Path) -> Result<()> {
        write_jsonl(path, &self.rows)
    }

    /// The hybrid weight of each id in `ids`, in that order; `None` for ids that have no
    /// weight (so the caller decides whether that is an error).
    pub fn hybrid_for<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Vec<Option<f64>> {
        let by_id: HashMap<&str, f64> = self.rows.iter().map(|r| (r.id.as_str(), r.w_hybrid)).collect();
        ids.into_iter().map(|id| by_id.get(id).copied()).collect()
    }

    /// Kish effective sample size of the hybrid weights, `(sum w)^2 / sum w^2`.
    pub fn effective_sample_size(&self) -> f64 {
        let (sum, sum_sq) =
            self.rows.iter().fold((0.0, 0.0), |(s, q), r| (s + r.w_hybrid, q + r.w_hybrid * r.w_hybrid));
        if sum_sq == 0.0 { 0.0 } else { sum * sum / sum_sq }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, w: f64) -> SampleWeight {
        SampleWeight {
            id: id.to_owned(),
            dist: 0.5,
            w_sim: 0.6,
            d_manifold: 0.1,
            w_clean: 0.9,
            off_manifold: false,
            w_hybrid: w,
        }
    }

    #[test]
    fn round_trip_and_lookup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("weights.jsonl");
        let weights = SampleWeights { rows: vec![row("a", 0.5), row("b", 1.5)] };
        weights.write_jsonl(&path).unwrap();
        let back = SampleWeights::read_jsonl(&path).unwrap();
        assert_eq!(back, weights);
        assert_eq!(back.hybrid_for(["b", "z", "a"]), vec![Some(1.5), None, Some(0.5)]);
    }

    #[test]
    fn effective_sample_size_matches_kish() {
        let equal = SampleWeights { rows: vec![row("a", 1.0), row("b", 1.0), row("c", 1.0), row("d", 1.0)] };
        assert_eq!(equal.effective_sample_size(), 4.0);
        let one = SampleWeights { rows: vec![row("a", 4.0), row("b", 0.0), row("c", 0.0), row("d", 0.0)] };
        assert_eq!(one.effective_sample_size(), 1.0);
        // (1 + 3)^2 / (1 + 9) = 1.6
        let skewed = SampleWeights { rows: vec![row("a", 1.0), row("b", 3.0)] };
        assert!((skewed.effective_sample_size() - 1.6).abs() < 1e-12);
    }

    #[test]
    fn negative_weight_and_repeated_id_are_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("weights.jsonl");
        SampleWeights { rows: vec![row("a", 1.0), row("b", -0.1)] }.write_jsonl(&path).unwrap();
        let err = SampleWeights::read_jsonl(&path).unwrap_err();
        assert!(err.to_string().contains("weights.jsonl:2: w_hybrid must be a finite number >= 0, got -0.1"), "{err}");
        SampleWeights { rows: vec![row("a", 1.0), row("a", 1.0)] }.write_jsonl(&path).unwrap();
        let err = SampleWeights::read_jsonl(&path).unwrap_err();
        assert!(err.to_string().contains("weights.jsonl:2: id \"a\" already appeared on line 1"), "{err}");
    }
}
