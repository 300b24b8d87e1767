//! The error type of `hysim-models`.

use std::path::PathBuf;

/// Result alias used throughout `hysim-models`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Model configuration and construction failures.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// `config.json` cannot be read.
    #[error("cannot read model config {path}")]
    ReadConfig {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// `config.json` is not a valid config of this architecture.
    #[error("invalid model config {path}: {source}")]
    ParseConfig {
        /// The file.
        path: PathBuf,
        /// The decoding error, naming the field.
        #[source]
        source: serde_json::Error,
    },
    /// A config value this implementation does not support.
    #[error("unsupported {field} {value:?}: {supported}")]
    Unsupported {
        /// The config field.
        field: &'static str,
        /// Its value.
        value: String,
        /// What is supported.
        supported: &'static str,
    },
    /// A GGUF file without what a model needs from it.
    #[error("GGUF: {what}")]
    Gguf {
        /// What is missing or unsupported.
        what: String,
    },
    /// Building the tokenizer failed.
    #[error(transparent)]
    Tokenizer(#[from] hysim_text::Error),
}
