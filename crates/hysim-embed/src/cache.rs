//! The content-addressed embedding cache.
//!
//! One folder per encoder id under `<cache>/embeddings/`. Each run that computes new
//! vectors adds one shard: a safetensors file with an f32 tensor `embeddings` `[n, dim]`
//! and metadata `keys` (the sha256 of each text, in row order) and `sha256` (of the tensor
//! bytes). Shards are written atomically. A shard that does not parse or whose checksum
//! does not match is reported, deleted and its texts are encoded again: a corrupted file
//! is never used.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use safetensors::tensor::{Dtype, SafeTensors, TensorView};

use crate::{Error, Result};

/// Vectors by text hash, for one encoder.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    entries: HashMap<String, Vec<f32>>,
    fresh: Vec<(String, Vec<f32>)>,
    /// Shards dropped because they were corrupted.
    pub rejected: Vec<PathBuf>,
}

impl Cache {
    /// Opens (creating if needed) the cache of `encoder_id` under `root`, loading every shard.
    pub fn open(root: &Path, encoder_id: &str) -> Result<Self> {
        let dir = root.join(&encoder_id[..encoder_id.len().min(32)]);
        std::fs::create_dir_all(&dir).map_err(|source| Error::Read { path: dir.clone(), source })?;
        let mut cache = Self { dir: dir.clone(), entries: HashMap::new(), fresh: Vec::new(), rejected: Vec::new() };
        let listing = std::fs::read_dir(&dir).map_err(|source| Error::Read { path: dir.clone(), source })?;
        let mut shards: Vec<PathBuf> = listing
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "safetensors"))
            .collect();
        shards.sort();
        for shard in shards {
            if let Err(problem) = cache.load_shard(&shard) {
                tracing::warn!(shard = %shard.display(), %problem, "corrupted embedding cache shard removed; its texts will be encoded again");
                std::fs::remove_file(&shard).ok();
                cache.rejected.push(shard);
            }
        }
        tracing::debug!(dir = %dir.display(), entries = cache.entries.len(), "embedding cache opened");
        Ok(cache)
    }

    fn load_shard(&mut self, path: &Path) -> std::result::Result<(), String> {
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        let (_, metadata) = SafeTensors::read_metadata(&bytes).map_err(|e| e.to_string())?;
        let meta = metadata.metadata().clone().unwrap_or_default();
        let tensors = SafeTensors::deserialize(&bytes).map_err(|e| e.to_string())?;
        let tensor = tensors.tensor("embeddings").map_err(|e| e.to_string())?;
        let &[n, dim] = tensor.shape() else { return Err(format!("shape {:?}", tensor.shape())) };
        if tensor.dtype() != Dtype::F32 {
            return Err(format!("dtype {:?}", tensor.dtype()));
        }
        if meta.get("sha256").map(String::as_str) != Some(hysim_core::hash_bytes(tensor.data()).as_str()) {
            return Err("checksum mismatch".to_owned());
        }
        let keys: Vec<String> =
            serde_json::from_str(meta.get("keys").ok_or("no keys")?).map_err(|e| format!("keys: {e}"))?;
        if keys.len() != n {
            return Err(format!("{} keys for {n} rows", keys.len()));
        }
        let values: Vec<f32> =
            tensor.data().chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
        for (key, row) in keys.into_iter().zip(values.chunks_exact(dim.max(1))) {
            self.entries.insert(key, row.to_vec());
        }
        Ok(())
    }

    /// The folder of this encoder's shards.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Number of cached vectors.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the cache is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The vector of a text hash.
    pub fn get(&self, key: &str) -> Option<&[f32]> {
        self.entries.get(key).map(Vec::as_slice)
    }

    /// Adds a vector (kept in memory until [`Cache::flush`]).
    pub fn insert(&mut self, key: String, vector: Vec<f32>) {
        self.fresh.push((key.clone(), vector.clone()));
        self.entries.insert(key, vector);
    }

    /// Writes the vectors added since the last flush as one new shard.
    pub fn flush(&mut self) -> Result<()> {
        if self.fresh.is_empty() {
            return Ok(());
        }
        let dim = self.fresh[0].1.len();
        let keys: Vec<&str> = self.fresh.iter().map(|(k, _)| k.as_str()).collect();
        let bytes: Vec<u8> = self.fresh.iter().flat_map(|(_, v)| v.iter().flat_map(|x| x.to_le_bytes())).collect();
        let metadata = HashMap::from([
            ("keys".to_owned(), serde_json::to_string(&keys).expect("invariant: strings serialise")),
            ("sha256".to_owned(), hysim_core::hash_bytes(&bytes)),
        ]);
        let path =
            self.dir.join(format!("shard-{}.safetensors", &hysim_core::hash_bytes(keys.join("\n").as_bytes())[..16]));
        let bad = |problem: String| Error::Core(hysim_core::Error::Safetensors { path: path.clone(), problem });
        let view = TensorView::new(Dtype::F32, vec![self.fresh.len(), dim], &bytes).map_err(|e| bad(e.to_string()))?;
        let encoded = safetensors::serialize([("embeddings", view)], Some(metadata)).map_err(|e| bad(e.to_string()))?;
        hysim_core::io::atomic_write(&path, |out| out.write_all(&encoded))?;
        tracing::debug!(shard = %path.display(), rows = self.fresh.len(), "embedding cache shard written");
        self.fresh.clear();
        Ok(())
    }
}
