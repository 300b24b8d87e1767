//! A row-major matrix of embeddings with one id per row, and its on-disk form.
//!
//! On disk an embeddings artifact is a safetensors file holding one f32 tensor named
//! `embeddings` of shape `[n, dim]`, rows in input order, plus a JSON sidecar
//! (`<stem>.ids.json`) with the row ids and the model that produced them.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use safetensors::tensor::{Dtype, SafeTensors, TensorView};
use serde::{Deserialize, Serialize};

use crate::io::{atomic_write, read_json, write_json};
use crate::{Error, Result};

/// `n_rows x dim` embeddings stored row-major as `f32`, one id per row.
#[derive(Debug, Clone, PartialEq)]
pub struct Embeddings {
    ids: Vec<String>,
    dim: usize,
    data: Vec<f32>,
    model: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Sidecar {
    model: Option<String>,
    ids: Vec<String>,
}

impl Embeddings {
    /// The name of the tensor that holds the matrix in the safetensors file.
    pub const TENSOR_NAME: &str = "embeddings";

    /// Builds a matrix from row ids and row-major data, checking the shape.
    pub fn new(ids: Vec<String>, dim: usize, data: Vec<f32>) -> Result<Self> {
        let n_rows = ids.len();
        let expected = n_rows.saturating_mul(dim);
        if data.len() != expected {
            return Err(Error::EmbeddingsShape { n_rows, dim, expected, actual: data.len() });
        }
        Ok(Self { ids, dim, data, model: None })
    }

    /// Records which model produced the embeddings (kept in the sidecar).
    pub fn with_model(mut self, model: impl Into<String>) -> Self {
        self.model = Some(model.into());
        self
    }

    /// The model that produced the embeddings, if recorded.
    pub fn model(&self) -> Option<&str> {
        self.model.as_deref()
    }

    /// Number of rows.
    pub fn n_rows(&self) -> usize {
        self.ids.len()
    }

    /// Number of columns.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Row ids, in row order.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// The whole matrix, row-major.
    pub fn as_slice(&self) -> &[f32] {
        &self.data
    }

    /// Row `row_idx`.
    ///
    /// # Panics
    /// When `row_idx >= n_rows()`, like slice indexing.
    pub fn row(&self, row_idx: usize) -> &[f32] {
        &self.data[row_idx * self.dim..(row_idx + 1) * self.dim]
    }

    /// Iterates over the rows in order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &[f32]> + '_ {
        // `chunks_exact(0)` panics, so a zero-width matrix yields empty rows instead.
        let dim = self.dim;
        (0..self.n_rows()).map(move |i| &self.data[i * dim..(i + 1) * dim])
    }

    /// Fails on the first NaN or infinity, naming its row, id and column.
    pub fn check_finite(&self) -> Result<()> {
        for (row, values) in self.rows().enumerate() {
            if let Some(col) = values.iter().position(|v| !v.is_finite()) {
                return Err(Error::NonFinite { row, id: self.ids[row].clone(), col });
            }
        }
        Ok(())
    }

    /// The sidecar path that goes with a safetensors path: `emb.safetensors` → `emb.ids.json`.
    pub fn sidecar_path(path: &Path) -> PathBuf {
        path.with_extension("ids.json")
    }

    /// Writes the safetensors file and its sidecar, each atomically.
    pub fn save(&self, path: &Path) -> Result<()> {
        let bytes: Vec<u8> = self.data.iter().flat_map(|v| v.to_le_bytes()).collect();
        let view = TensorView::new(Dtype::F32, vec![self.n_rows(), self.dim], &bytes)
            .map_err(|e| Error::Safetensors { path: path.to_path_buf(), problem: e.to_string() })?;
        let mut metadata = HashMap::new();
        if let Some(model) = &self.model {
            metadata.insert("model".to_owned(), model.clone());
        }
        let encoded = safetensors::serialize([(Self::TENSOR_NAME, view)], Some(metadata))
            .map_err(|e| Error::Safetensors { path: path.to_path_buf(), problem: e.to_string() })?;
        write_json(&Self::sidecar_path(path), &Sidecar { model: self.model.clone(), ids: self.ids.clone() })?;
        atomic_write(path, |out| out.write_all(&encoded))
    }

    /// Reads a safetensors file and its sidecar. Without a sidecar, rows get ids
    /// `"0"`, `"1"`, ...
    pub fn load(path: &Path) -> Result<Self> {
        let bytes = std::fs::read(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
        let bad = |problem: String| Error::Safetensors { path: path.to_path_buf(), problem };
        let tensors = SafeTensors::deserialize(&bytes).map_err(|e| bad(e.to_string()))?;
        let tensor = tensors
            .tensor(Self::TENSOR_NAME)
            .map_err(|_| bad(format!("no tensor named `{}` (found: {:?})", Self::TENSOR_NAME, tensors.names())))?;
        if tensor.dtype() != Dtype::F32 {
            return Err(bad(format!("tensor `{}` is {:?}, expected F32", Self::TENSOR_NAME, tensor.dtype())));
        }
        let &[n_rows, dim] = tensor.shape() else {
            return Err(bad(format!(
                "tensor `{}` has shape {:?}, expected [n, dim]",
                Self::TENSOR_NAME,
                tensor.shape()
            )));
        };
        let data: Vec<f32> =
            tensor.data().chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
        let sidecar_path = Self::sidecar_path(path);
        let (ids, model) = if sidecar_path.exists() {
            let sidecar: Sidecar = read_json(&sidecar_path)?;
            (sidecar.ids, sidecar.model)
        } else {
            ((0..n_rows).map(|i| i.to_string()).collect(), None)
        };
        if ids.len() != n_rows {
            return Err(Error::EmbeddingsIds { n_rows, n_ids: ids.len() });
        }
        let mut embeddings = Self::new(ids, dim, data)?;
        embeddings.model = model;
        Ok(embeddings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("row-{i}")).collect()
    }

    #[test]
    fn shape_is_checked() {
        let err = Embeddings::new(ids(2), 3, vec![0.0; 5]).unwrap_err();
        assert!(matches!(err, Error::EmbeddingsShape { expected: 6, actual: 5, .. }), "{err:?}");
    }

    #[test]
    fn save_and_load_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("emb.safetensors");
        let emb = Embeddings::new(ids(3), 2, vec![1.0, -2.5, 0.0, 3.25, f32::MIN_POSITIVE, 7.0])
            .unwrap()
            .with_model("minilm");
        emb.save(&path).unwrap();
        assert!(dir.path().join("emb.ids.json").exists());
        let back = Embeddings::load(&path).unwrap();
        assert_eq!(back, emb);
        assert_eq!(back.row(1), &[0.0, 3.25]);
        assert_eq!(back.rows().len(), 3);
    }

    #[test]
    fn non_finite_values_name_their_row() {
        let emb = Embeddings::new(ids(3), 2, vec![0.0, 0.0, 0.0, 0.0, 1.0, f32::NAN]).unwrap();
        let err = emb.check_finite().unwrap_err();
        assert_eq!(err.to_string(), "embedding row 2 (id \"row-2\") holds a non-finite value at column 1");
    }

    #[test]
    fn wrong_tensor_name_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.safetensors");
        let bytes = [0u8; 8];
        let view = TensorView::new(Dtype::F32, vec![1, 2], &bytes).unwrap();
        std::fs::write(&path, safetensors::serialize([("weight", view)], None).unwrap()).unwrap();
        let err = Embeddings::load(&path).unwrap_err();
        assert!(err.to_string().contains("no tensor named `embeddings`"), "{err}");
    }

    #[test]
    fn zero_rows_are_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.safetensors");
        let emb = Embeddings::new(vec![], 384, vec![]).unwrap();
        emb.save(&path).unwrap();
        assert_eq!(Embeddings::load(&path).unwrap().n_rows(), 0);
    }
}
