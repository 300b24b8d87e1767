//! The error type of `hysim-pipeline`.

use std::path::PathBuf;

/// Result alias used throughout `hysim-pipeline`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong while planning or running a pipeline.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The pipeline configuration does not parse or breaks a rule.
    #[error("{origin}: {problem}")]
    Config {
        /// The file (or `embedded default`).
        origin: String,
        /// What is wrong, naming the key and value.
        problem: String,
    },
    /// A required input file is absent.
    #[error("{what}: {path} does not exist")]
    MissingInput {
        /// Which input (`target.tables`, ...).
        what: String,
        /// The path as resolved.
        path: PathBuf,
    },
    /// A stage finished without writing one of its outputs.
    #[error("stage {stage} finished without writing {path}")]
    MissingOutput {
        /// The stage.
        stage: String,
        /// The output that is absent.
        path: PathBuf,
    },
    /// A command of a stage failed.
    #[error("stage {stage}: `hysim {command}` failed")]
    Job {
        /// The stage.
        stage: String,
        /// The command line, without the program name.
        command: String,
        /// What the command reported.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A stage was interrupted (Ctrl-C); its folder has no manifest, so the next run redoes it.
    #[error("interrupted during stage {stage}; rerun to continue from there")]
    Interrupted {
        /// The stage.
        stage: String,
    },
    /// Reading or writing an artifact failed.
    #[error(transparent)]
    Core(#[from] hysim_core::Error),
    /// A folder could not be created or cleaned.
    #[error("cannot prepare {path}")]
    Folder {
        /// The folder.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}
