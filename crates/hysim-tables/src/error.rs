//! The error type of `hysim-tables`.

use std::path::PathBuf;

/// Result alias used throughout `hysim-tables`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Structural failures while reading tables (per-cell problems are not errors).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading an artifact failed (the message names the file and line).
    #[error(transparent)]
    Core(#[from] hysim_core::Error),
    /// A table file that holds no readable table, or has an unsupported format.
    #[error("{path}: {problem}")]
    BadFile {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        problem: String,
    },
    /// A line of a tables file whose HTML holds no table.
    #[error("{path}:{line}: table {id}: {problem}")]
    BadTable {
        /// The file.
        path: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The table's id.
        id: String,
        /// What is wrong.
        problem: String,
    },
}
