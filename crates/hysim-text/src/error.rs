//! The error type of `hysim-text`.

use std::path::PathBuf;

/// Result alias used throughout `hysim-text`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Tokenizer failures.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// `tokenizer.json` cannot be read or parsed.
    #[error("cannot load tokenizer {path}: {message}")]
    Load {
        /// The file.
        path: PathBuf,
        /// The tokenizers library's message.
        message: String,
    },
    /// A text could not be encoded.
    #[error("cannot tokenize text {index}: {message}")]
    Encode {
        /// Index of the text in the batch.
        index: usize,
        /// The tokenizers library's message.
        message: String,
    },
}
