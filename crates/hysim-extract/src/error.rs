//! The error type of `hysim-extract`.

use std::path::PathBuf;

/// Result alias used throughout `hysim-extract`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can stop training or extraction.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The training settings could not be read.
    #[error("cannot read {path}")]
    ReadSettings {
        /// The settings file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The training settings are not valid TOML of the schema.
    #[error("{path}")]
    ParseSettings {
        /// The settings file.
        path: PathBuf,
        /// The TOML error, which names the key and line.
        #[source]
        source: toml::de::Error,
    },
    /// A setting of a settings file is wrong.
    #[error("{path}")]
    InSettings {
        /// The settings file.
        path: PathBuf,
        /// What is wrong.
        #[source]
        source: Box<Error>,
    },
    /// A setting out of range or of an unknown value.
    #[error("{key} = {value}: {problem}")]
    Setting {
        /// The key, as train.toml spells it (`[model] dtype`).
        key: &'static str,
        /// The value given.
        value: String,
        /// What is wrong, with the values allowed.
        problem: String,
    },
    /// A folder could not be created.
    #[error("cannot create {path}")]
    CreateDir {
        /// The folder.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// No table to train on.
    #[error("no training table: {reason}")]
    NoTrainingData {
        /// Why (no gold for any table, no candidate, every example too long).
        reason: String,
    },
    /// The model folder lacks what an operation needs.
    #[error("{dir}: {problem}")]
    ModelDir {
        /// The model folder.
        dir: PathBuf,
        /// What is missing or inconsistent.
        problem: String,
    },
    /// A model file (GGUF, encoder folder) is not there.
    #[error(
        "no {what} at {path} (run `cargo xtask setup` for the default, `cargo xtask setup --decoder NAME` for an optional decoder)"
    )]
    MissingModel {
        /// Which model.
        what: &'static str,
        /// Where it was looked for.
        path: PathBuf,
    },
    /// A table's prompt could not be encoded.
    #[error("table {table}")]
    Prompt {
        /// The table id.
        table: String,
        /// The tokenizer's error.
        #[source]
        source: hysim_text::Error,
    },
    /// Artifacts.
    #[error(transparent)]
    Core(#[from] hysim_core::Error),
    /// Tables.
    #[error(transparent)]
    Tables(#[from] hysim_tables::Error),
    /// Tokenizer.
    #[error(transparent)]
    Text(#[from] hysim_text::Error),
    /// Devices, precisions and weights.
    #[error(transparent)]
    Nn(#[from] hysim_nn::Error),
    /// Model definitions.
    #[error(transparent)]
    Models(#[from] hysim_models::Error),
    /// The sentence encoder.
    #[error(transparent)]
    Embed(#[from] hysim_embed::Error),
    /// Training.
    #[error(transparent)]
    Finetune(#[from] hysim_finetune::Error),
    /// libtorch.
    #[error(transparent)]
    Torch(#[from] hysim_nn::tch::TchError),
}
