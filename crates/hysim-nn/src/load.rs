//! Loading safetensors weights into a `VarStore` by tensor name.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use tch::Tensor;
use tch::nn::VarStore;

use crate::{Error, Result};

/// Whether every variable of the model must be found in the files.
#[derive(Debug, Clone, Copy)]
pub enum LoadMode {
    /// Every variable must be in the files: a missing one is an error.
    Strict,
    /// Variables absent from the files keep their initial values (new heads, adapters);
    /// they are listed in the report.
    Partial,
    /// Only the variables the predicate picks are loaded, and each must be in the files
    /// (a checkpoint of the trained variables, such as LoRA adapters, over a base model
    /// loaded otherwise); the others are left as they are and not reported.
    Only(fn(&str) -> bool),
}

/// What a load found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// Variables filled from the files.
    pub loaded: Vec<String>,
    /// Variables the files did not have (empty in strict mode).
    pub missing: Vec<String>,
    /// Tensors in the files that the model has no variable for, sorted.
    pub unexpected: Vec<String>,
}

/// Copies every tensor of `paths` into the variable of the same name in `vs`, converting
/// dtype and device to the variable's.
///
/// Missing variables are an error in [`LoadMode::Strict`] and, among those it picks, in
/// [`LoadMode::Only`] (listing every one); shape mismatches always are, and unexpected
/// tensors are logged and reported.
pub fn load_safetensors(vs: &mut VarStore, paths: &[&Path], mode: LoadMode) -> Result<LoadReport> {
    let mut file_tensors: BTreeMap<String, (PathBuf, Tensor)> = BTreeMap::new();
    for path in paths {
        let tensors =
            Tensor::read_safetensors(path).map_err(|source| Error::ReadWeights { path: path.to_path_buf(), source })?;
        for (name, tensor) in tensors {
            file_tensors.insert(name, (path.to_path_buf(), tensor));
        }
    }
    let mut variables = vs.variables();
    if let LoadMode::Only(picks) = mode {
        variables.retain(|name, _| picks(name));
    }
    let all = vs.variables();
    let names: BTreeSet<&String> = variables.keys().collect();
    let missing: Vec<String> = names.iter().filter(|n| !file_tensors.contains_key(**n)).map(|n| (*n).clone()).collect();
    if !matches!(mode, LoadMode::Partial) && !missing.is_empty() {
        return Err(Error::MissingTensors { paths: paths.iter().map(|p| p.to_path_buf()).collect(), names: missing });
    }
    let unexpected: Vec<String> = file_tensors.keys().filter(|n| !all.contains_key(*n)).cloned().collect();
    if !unexpected.is_empty() {
        tracing::debug!(count = unexpected.len(), names = ?unexpected, "tensors in the weights file that the model does not use");
    }
    let mut loaded = Vec::new();
    for (name, mut var) in variables {
        let Some((path, tensor)) = file_tensors.get(&name) else { continue };
        if var.size() != tensor.size() {
            return Err(Error::ShapeMismatch { name, path: path.clone(), file: tensor.size(), model: var.size() });
        }
        tch::no_grad(|| var.f_copy_(tensor)).map_err(|source| Error::Copy { name: name.clone(), source })?;
        loaded.push(name);
    }
    loaded.sort();
    if !missing.is_empty() {
        tracing::info!(count = missing.len(), names = ?missing, "model variables left at their initial values");
    }
    Ok(LoadReport { loaded, missing, unexpected })
}
