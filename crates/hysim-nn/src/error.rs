//! The error type of `hysim-nn`.

use std::path::PathBuf;

/// Result alias used throughout `hysim-nn`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Device, dtype and loading failures.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A device string that is not `auto`, `cpu` or `cuda:N`.
    #[error("unknown device {0:?}: expected auto, cpu, cuda or cuda:N")]
    BadDevice(String),
    /// CUDA was asked for but libtorch sees no GPU (or fewer than asked for).
    #[error("device cuda:{index} requested but libtorch sees {available} CUDA device(s)")]
    CudaUnavailable {
        /// The requested index.
        index: usize,
        /// How many devices libtorch sees.
        available: usize,
    },
    /// A dtype string that is not `f32`, `bf16` or `f16`.
    #[error("unknown dtype {0:?}: expected f32, bf16 or f16")]
    BadDType(String),
    /// A weights file could not be read.
    #[error("cannot read safetensors file {path}")]
    ReadWeights {
        /// The file.
        path: PathBuf,
        /// The libtorch error.
        #[source]
        source: tch::TchError,
    },
    /// The model needs tensors the files do not have.
    #[error("{} tensor(s) missing from {}: {}", names.len(), show_paths(paths), names.join(", "))]
    MissingTensors {
        /// The files read.
        paths: Vec<PathBuf>,
        /// The missing names, sorted.
        names: Vec<String>,
    },
    /// A tensor has another shape in the file than in the model.
    #[error("tensor {name} has shape {file:?} in {path} but the model expects {model:?}")]
    ShapeMismatch {
        /// The tensor name.
        name: String,
        /// The file holding it.
        path: PathBuf,
        /// Shape in the file.
        file: Vec<i64>,
        /// Shape in the model.
        model: Vec<i64>,
    },
    /// A libtorch operation failed while copying weights.
    #[error("cannot copy tensor {name} into the model")]
    Copy {
        /// The tensor name.
        name: String,
        /// The libtorch error.
        #[source]
        source: tch::TchError,
    },
    /// A GGUF file that cannot be read.
    #[error("{path}: {problem}")]
    Gguf {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        problem: String,
    },
}

fn show_paths(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}
