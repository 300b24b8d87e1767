//! The model card (`model.json` of a model folder): the systems trained, how to rebuild the
//! decoder the checkpoints adapt, the validation scores that pick the default system and
//! the decoder's confidence calibration.

use std::collections::BTreeMap;
use std::path::PathBuf;

use hysim_core::{ModelDir, Record};
use hysim_eval::stats::Platt;
use hysim_models::llama::LoraConfig;
use serde::{Deserialize, Serialize};

use crate::Result;
use crate::gate::Gate;
use crate::settings::{PromptReadings, System};

/// `model.json`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ModelCard {
    /// The decoder's base model (absent when no decoder was trained).
    pub base_gguf: Option<PathBuf>,
    /// The decoder's adapters; `None`: every weight was trained.
    pub lora: Option<LoraConfig>,
    /// The decoder's training length in tokens.
    pub max_tokens: usize,
    /// The decoder's training precision: `f32`, or `bf16` (bfloat16 base weights, float32
    /// adapters). Extraction uses bf16 only on a CPU that computes it natively
    /// (`DType::inference_on`).
    #[serde(default)]
    pub dtype: Option<String>,
    /// What the decoder's prompt gave each value cell besides its id (absent in cards
    /// written before: ids only).
    #[serde(default)]
    pub prompt: PromptReadings,
    /// `encoder` and/or `decoder`.
    #[serde(default)]
    pub systems: Vec<String>,
    /// Record F1 of each system on the compared validation tables.
    #[serde(default)]
    pub validation_f1: BTreeMap<String, f64>,
    /// The mapping of the decoder's raw confidences (the geometric mean of a line's token
    /// probabilities) to the share of right records, fitted on its records of the compared
    /// validation tables (Platt scaling); `None` with fewer than
    /// [`MIN_CALIBRATION_RECORDS`] judged records.
    #[serde(default)]
    pub decoder_calibration: Option<Platt>,
    /// Which of the decoder's verdicts extraction admits (`crate::gate`), fitted on the
    /// compared validation tables; `None` (no table compared, or a card written before):
    /// every verdict as decided.
    #[serde(default)]
    pub decoder_gate: Option<Gate>,
}

/// Judged validation records below which the decoder's confidences stay raw.
pub const MIN_CALIBRATION_RECORDS: usize = 10;

impl ModelCard {
    /// Reads the card of `model`.
    pub fn read(model: &ModelDir) -> Result<Self> {
        Ok(hysim_core::io::read_json(&model.card())?)
    }

    /// Writes the card into `model`, atomically.
    pub fn write(&self, model: &ModelDir) -> Result<()> {
        Ok(hysim_core::io::write_json(&model.card(), self)?)
    }

    /// The system `hysim extract --system auto` uses: the better validation F1 (the
    /// encoder on a tie, being faster), else the only one trained.
    pub fn best_system(&self, model: &ModelDir) -> System {
        let f1 = |s: System| self.validation_f1.get(s.as_str()).copied();
        match (f1(System::Encoder), f1(System::Decoder)) {
            (Some(e), Some(d)) => {
                if d > e {
                    System::Decoder
                } else {
                    System::Encoder
                }
            }
            _ if model.has_encoder() => System::Encoder,
            _ => System::Decoder,
        }
    }
}

/// The `(raw confidence, right)` pairs of `predicted` records, `judged` saying for each
/// whether it matched a gold value; records without a confidence or a judgement left out.
pub fn judged_pairs(predicted: &[Record], judged: &[Option<bool>]) -> Vec<(f64, bool)> {
    predicted.iter().zip(judged).filter_map(|(r, judged)| Some((r.confidence?, (*judged)?))).collect()
}

/// Platt scaling of the decoder's confidences fitted to its validation records, `judged`
/// saying for each whether it matched a gold value (`None`: not judged), with the train
/// summary's line; `None` with fewer than [`MIN_CALIBRATION_RECORDS`] judged records.
pub fn calibrate(predicted: &[Record], judged: &[Option<bool>]) -> (Option<Platt>, String) {
    let pairs = judged_pairs(predicted, judged);
    let calibration = (pairs.len() >= MIN_CALIBRATION_RECORDS).then(|| Platt::fit(&pairs)).flatten();
    let line = match &calibration {
        Some(p) => format!(
            "decoder confidences calibrated on {} judged validation records ({} right): sigma({:.4} * logit(c) {:+.4})",
            p.n, p.right, p.a, p.b
        ),
        None => {
            format!(
                "decoder confidences left raw: {} judged validation records, fewer than {MIN_CALIBRATION_RECORDS}",
                pairs.len()
            )
        }
    };
    (calibration, line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calibration_needs_enough_judged_records_and_follows_them() {
        let record = |confidence: Option<f64>| -> Record {
            let c = confidence.map_or("null".to_owned(), |c| c.to_string());
            serde_json::from_str(&format!(
                r#"{{"table_id": "t:1", "parameter_raw": "Cmax", "value_raw": "1.2", "statistic": "mean", "context": {{}}, "confidence": {c}}}"#
            ))
            .unwrap()
        };
        // Records without a confidence or a judgement do not count.
        let mut predicted = vec![record(None), record(Some(0.5))];
        let mut judged = vec![Some(true), None];
        for k in 0..9 {
            predicted.push(record(Some(0.9)));
            judged.push(Some(k < 3));
        }
        let (none, line) = calibrate(&predicted, &judged);
        assert!(none.is_none());
        assert_eq!(line, "decoder confidences left raw: 9 judged validation records, fewer than 10");
        // Twenty judged records at 0.9, a third of them right: mapped to about a third.
        for k in 0..11 {
            predicted.push(record(Some(0.9)));
            judged.push(Some(k < 4));
        }
        let (fitted, line) = calibrate(&predicted, &judged);
        let p = fitted.expect("a fit");
        assert_eq!((p.n, p.right), (20, 7));
        assert!((p.apply(0.9) - 0.35).abs() < 0.05, "{}", p.apply(0.9));
        assert!(
            line.starts_with("decoder confidences calibrated on 20 judged validation records (7 right): sigma("),
            "{line}"
        );
    }

    #[test]
    fn the_default_system_is_the_better_one_on_validation() {
        let dir = tempfile::tempdir().unwrap();
        let model = ModelDir::new(dir.path());
        let mut card = ModelCard::default();
        assert_eq!(card.best_system(&model), System::Decoder, "no encoder in the folder");
        std::fs::create_dir_all(model.encoder()).unwrap();
        std::fs::write(model.encoder_meta(), "{}").unwrap();
        assert_eq!(card.best_system(&model), System::Encoder);
        card.validation_f1 = [("encoder".to_owned(), 0.5), ("decoder".to_owned(), 0.5)].into();
        assert_eq!(card.best_system(&model), System::Encoder, "a tie goes to the faster");
        card.validation_f1.insert("decoder".to_owned(), 0.6);
        assert_eq!(card.best_system(&model), System::Decoder);
    }
}
