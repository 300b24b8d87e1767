//! The error type of `hysim-eval`.

use std::path::PathBuf;

/// Result alias used throughout `hysim-eval`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What stops reading gold or writing a report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A gold file could not be read.
    #[error("cannot read {path}")]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A gold file of a kind no reader takes.
    #[error("{path}: unsupported gold file (expected .jsonl, .csv, .xlsx or a folder)")]
    UnsupportedGold {
        /// The file.
        path: PathBuf,
    },
    /// Gold paths that held no value.
    #[error("no gold values found in {read}")]
    NoGold {
        /// What was read.
        read: String,
    },
    /// Artifacts and records.
    #[error(transparent)]
    Core(#[from] hysim_core::Error),
    /// Curated tables and label sheets.
    #[error(transparent)]
    Tables(#[from] hysim_tables::Error),
}
