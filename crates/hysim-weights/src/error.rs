//! The error type of `hysim-weights`.

use std::path::PathBuf;

/// Result alias used throughout `hysim-weights`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can stop the weighting step.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing an artifact failed.
    #[error(transparent)]
    Artifact(#[from] hysim_core::Error),
    /// The configuration file cannot be read.
    #[error("cannot read config {path}")]
    ReadConfig {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The configuration file is not valid.
    #[error("invalid config {path}: {message}")]
    Config {
        /// The file.
        path: PathBuf,
        /// What is wrong (from the TOML parser or a range check).
        message: String,
    },
    /// A configuration value out of range.
    #[error("invalid setting {name} = {value}: {expected}")]
    Setting {
        /// The setting.
        name: &'static str,
        /// Its value.
        value: String,
        /// What is allowed.
        expected: &'static str,
    },
    /// Source and target embeddings have different widths.
    #[error("source embeddings have {source_dim} columns but target embeddings have {target_dim}")]
    DimMismatch {
        /// Width of the source matrix.
        source_dim: usize,
        /// Width of the target matrix.
        target_dim: usize,
    },
    /// The target set is empty: there is no centroid to measure against.
    #[error("the target embeddings are empty: at least one target row is needed")]
    EmptyTarget,
    /// Embeddings of width zero.
    #[error("embeddings have zero columns")]
    ZeroDim,
    /// A non-finite value in an input row.
    #[error("{set} embeddings: {source}")]
    NonFinite {
        /// `source` or `target`.
        set: &'static str,
        /// The error naming the row.
        #[source]
        source: hysim_core::Error,
    },
    /// A decomposition failed to converge.
    #[error("{what} did not converge")]
    Decomposition {
        /// Which decomposition.
        what: &'static str,
    },
    /// Every source row ended with weight zero, so the weights cannot be normalised.
    #[error("every source row has weight 0 (alpha {alpha}, beta {beta}); lower alpha or beta")]
    AllZero {
        /// alpha used.
        alpha: f64,
        /// beta used.
        beta: f64,
    },
}
