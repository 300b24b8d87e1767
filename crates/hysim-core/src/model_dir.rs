//! The layout of a model folder, the one artifact `hysim train` writes and `hysim extract`,
//! `hysim eval` and the pipeline read: one type owns every file name in it.
//!
//! ```text
//! <root>/model.json                    the model card: systems trained, decoder base, scores
//! <root>/train.toml                    the settings it was trained with
//! <root>/fit.json                      the decoder's training history
//! <root>/best/, <root>/last/           decoder checkpoints (trainable.safetensors, state.json, ...)
//! <root>/encoder/encoder.json          the encoder extractor's classes and settings
//! <root>/encoder/heads.safetensors     its parameter and statistic heads
//! <root>/encoder/matrix.safetensors    its context head (when trained)
//! ```

use std::path::{Path, PathBuf};

/// A model folder: paths of its files, nothing read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelDir {
    root: PathBuf,
}

impl ModelDir {
    /// The model card's file name.
    pub const CARD: &'static str = "model.json";
    /// The copy of the training settings.
    pub const SETTINGS: &'static str = "train.toml";
    /// The decoder's training history.
    pub const FIT_REPORT: &'static str = "fit.json";
    /// The checkpoint with the best validation loss.
    pub const BEST: &'static str = "best";
    /// The latest checkpoint (what `--resume` continues from).
    pub const LAST: &'static str = "last";
    /// The trained variables of a checkpoint.
    pub const CHECKPOINT_WEIGHTS: &'static str = "trainable.safetensors";
    /// The step and settings of a checkpoint.
    pub const CHECKPOINT_STATE: &'static str = "state.json";
    /// The encoder extractor's folder.
    pub const ENCODER: &'static str = "encoder";
    /// The encoder extractor's classes and settings, relative to the root.
    pub const ENCODER_META: &'static str = "encoder/encoder.json";
    /// The encoder extractor's parameter and statistic heads, relative to the root.
    pub const ENCODER_HEADS: &'static str = "encoder/heads.safetensors";
    /// The encoder extractor's context head, relative to the root.
    pub const MATRIX_HEAD: &'static str = "encoder/matrix.safetensors";

    /// The model folder at `root`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `model.json`.
    pub fn card(&self) -> PathBuf {
        self.root.join(Self::CARD)
    }

    /// `train.toml`.
    pub fn settings(&self) -> PathBuf {
        self.root.join(Self::SETTINGS)
    }

    /// `fit.json`.
    pub fn fit_report(&self) -> PathBuf {
        self.root.join(Self::FIT_REPORT)
    }

    /// `best/`.
    pub fn best(&self) -> PathBuf {
        self.root.join(Self::BEST)
    }

    /// `last/`.
    pub fn last(&self) -> PathBuf {
        self.root.join(Self::LAST)
    }

    /// `encoder/`.
    pub fn encoder(&self) -> PathBuf {
        self.root.join(Self::ENCODER)
    }

    /// `encoder/encoder.json`.
    pub fn encoder_meta(&self) -> PathBuf {
        self.root.join(Self::ENCODER_META)
    }

    /// `encoder/heads.safetensors`.
    pub fn encoder_heads(&self) -> PathBuf {
        self.root.join(Self::ENCODER_HEADS)
    }

    /// `encoder/matrix.safetensors`.
    pub fn matrix_head(&self) -> PathBuf {
        self.root.join(Self::MATRIX_HEAD)
    }

    /// Whether the folder holds an encoder extractor.
    pub fn has_encoder(&self) -> bool {
        self.encoder_meta().is_file()
    }

    /// Whether `last/` holds a checkpoint to resume from.
    pub fn has_last_checkpoint(&self) -> bool {
        self.last().join(Self::CHECKPOINT_WEIGHTS).is_file()
    }

    /// The decoder checkpoint extraction uses: `best/`, else `last/`, whichever holds
    /// trained weights first.
    pub fn decoder_checkpoint(&self) -> Option<PathBuf> {
        [self.best(), self.last()].into_iter().find(|c| c.join(Self::CHECKPOINT_WEIGHTS).is_file())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checkpoint_is_best_then_last() {
        let dir = std::env::temp_dir().join(format!("hysim-model-dir-{}", std::process::id()));
        let model = ModelDir::new(&dir);
        assert_eq!(model.decoder_checkpoint(), None);
        assert!(!model.has_encoder() && !model.has_last_checkpoint());
        std::fs::create_dir_all(model.last()).unwrap();
        std::fs::write(model.last().join(ModelDir::CHECKPOINT_WEIGHTS), b"x").unwrap();
        assert_eq!(model.decoder_checkpoint(), Some(dir.join("last")));
        assert!(model.has_last_checkpoint());
        std::fs::create_dir_all(model.best()).unwrap();
        std::fs::write(model.best().join(ModelDir::CHECKPOINT_WEIGHTS), b"x").unwrap();
        assert_eq!(model.decoder_checkpoint(), Some(dir.join("best")));
        assert_eq!(model.encoder_meta(), dir.join("encoder").join("encoder.json"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
