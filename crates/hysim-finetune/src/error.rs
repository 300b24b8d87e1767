//! The error type of `hysim-finetune`.

use std::path::PathBuf;

/// Result alias used throughout `hysim-finetune`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Training failures.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A setting out of range, naming it.
    #[error("bad training setting {field}: {problem}")]
    BadConfig {
        /// The setting.
        field: &'static str,
        /// What is wrong.
        problem: String,
    },
    /// A batch that cannot be trained on.
    #[error("bad example {index}: {problem}")]
    BadExample {
        /// Index in the batch.
        index: usize,
        /// What is wrong.
        problem: String,
    },
    /// Writing or reading a checkpoint failed.
    #[error("checkpoint {path}: {problem}")]
    Checkpoint {
        /// The checkpoint folder or file.
        path: PathBuf,
        /// What went wrong.
        problem: String,
    },
    /// Loading weights by name failed (a missing or mis-shaped tensor).
    #[error(transparent)]
    Nn(#[from] hysim_nn::Error),
    /// libtorch refused an operation.
    #[error(transparent)]
    Torch(#[from] hysim_nn::tch::TchError),
}
