//! The error type of `hysim-core`.

use std::path::PathBuf;

/// Result alias used throughout `hysim-core`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while reading, validating or writing an artifact.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be opened or read.
    #[error("cannot read {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A file could not be written (or the temporary file could not be renamed into place).
    #[error("cannot write {path}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// One line of a JSON Lines file is not valid JSON of the expected shape.
    #[error("{path}:{line}: invalid record: {source}")]
    JsonLine {
        /// The file.
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// The decoding error, which names the field and column.
        #[source]
        source: serde_json::Error,
    },
    /// A record decoded but breaks a rule of the schema (for example a confidence above 1).
    #[error("{path}:{line}: {problem}")]
    InvalidRecord {
        /// The file.
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// What is wrong, naming the field and value.
        problem: String,
    },
    /// A JSON document (not JSON Lines) could not be decoded.
    #[error("{path}: invalid JSON: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// The decoding error.
        #[source]
        source: serde_json::Error,
    },
    /// An embeddings matrix whose data length does not match its shape.
    #[error("embeddings shape mismatch: {n_rows} rows x {dim} columns needs {expected} values, got {actual}")]
    EmbeddingsShape {
        /// Number of rows claimed.
        n_rows: usize,
        /// Number of columns claimed.
        dim: usize,
        /// `n_rows * dim`.
        expected: usize,
        /// Length of the data.
        actual: usize,
    },
    /// The number of ids does not match the number of embedding rows.
    #[error("embeddings have {n_rows} rows but {n_ids} ids")]
    EmbeddingsIds {
        /// Number of rows.
        n_rows: usize,
        /// Number of ids.
        n_ids: usize,
    },
    /// An embedding row holds NaN or an infinity.
    #[error("embedding row {row} (id {id:?}) holds a non-finite value at column {col}")]
    NonFinite {
        /// The 0-based row.
        row: usize,
        /// The id of the row.
        id: String,
        /// The 0-based column.
        col: usize,
    },
    /// A safetensors file is malformed or lacks the `embeddings` tensor.
    #[error("{path}: {problem}")]
    Safetensors {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        problem: String,
    },
}
