//! The error type of `hysim-embed`.

use std::path::PathBuf;

/// Result alias used throughout `hysim-embed`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can stop the embedding stage.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The model folder lacks a file.
    #[error("model folder {dir} has no {file} (run `cargo xtask setup` for the default model)")]
    MissingFile {
        /// The model folder.
        dir: PathBuf,
        /// The missing file.
        file: &'static str,
    },
    /// A JSON file of the model folder is invalid.
    #[error("invalid {path}: {source}")]
    ModelJson {
        /// The file.
        path: PathBuf,
        /// The decoding error.
        #[source]
        source: serde_json::Error,
    },
    /// Reading a model file failed.
    #[error("cannot read {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The model config.
    #[error(transparent)]
    Model(#[from] hysim_models::Error),
    /// Devices and weights.
    #[error(transparent)]
    Nn(#[from] hysim_nn::Error),
    /// Tokenizer.
    #[error(transparent)]
    Text(#[from] hysim_text::Error),
    /// Artifacts.
    #[error(transparent)]
    Core(#[from] hysim_core::Error),
    /// A libtorch failure while running the model (other than running out of memory,
    /// which shrinks the batch).
    #[error("the encoder failed on a batch of {batch} texts: {message}")]
    Forward {
        /// Batch size.
        batch: usize,
        /// libtorch's message.
        message: String,
    },
}
