//! The error type of `hysim-synth`.

use std::path::PathBuf;

/// Result alias used throughout `hysim-synth`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong when configuring or writing a synthetic corpus.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Writing an artifact failed (the message names the file).
    #[error(transparent)]
    Core(#[from] hysim_core::Error),
    /// An unknown profile name.
    #[error("unknown profile {name:?} (expected one of: {expected})")]
    UnknownProfile {
        /// The name given.
        name: String,
        /// The known names.
        expected: String,
    },
    /// A paper-id prefix that is not a plain word.
    #[error("bad paper-id prefix {prefix:?}: use letters, digits, '_' or '-'")]
    BadPrefix {
        /// The prefix as given.
        prefix: String,
    },
    /// A noise specification that cannot be read.
    #[error("bad noise specification {spec:?}: {problem}")]
    BadNoise {
        /// The specification as given.
        spec: String,
        /// What is wrong.
        problem: String,
    },
    /// An unknown output format.
    #[error("unknown format {name:?} (expected jats, csv, md or xlsx)")]
    UnknownFormat {
        /// The name given.
        name: String,
    },
    /// Writing the XLSX workbook failed.
    #[error("{path}: {source}")]
    Xlsx {
        /// The workbook.
        path: PathBuf,
        /// The writer's error.
        #[source]
        source: rust_xlsxwriter::XlsxError,
    },
}
