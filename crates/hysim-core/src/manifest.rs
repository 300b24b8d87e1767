//! Stage manifests: what a pipeline stage read and wrote, so a rerun can skip a stage
//! whose inputs and settings are unchanged.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::io::{read_json, write_json};
use crate::{Error, Result};

/// The `manifest.json` of one stage folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageManifest {
    /// The stage's name (`parse`, `embed`, `weights`, ...).
    pub stage: String,
    /// Input name → sha256 of its content (files, settings, model ids).
    pub inputs: BTreeMap<String, String>,
    /// Files the stage wrote, relative to its folder.
    pub outputs: Vec<String>,
    /// The HySim version that wrote the manifest.
    pub hysim_version: String,
}

impl StageManifest {
    /// A manifest for `stage` with no inputs yet.
    pub fn new(stage: impl Into<String>) -> Self {
        Self { stage: stage.into(), hysim_version: env!("CARGO_PKG_VERSION").to_owned(), ..Self::default() }
    }

    /// Adds an input by the hash of its content.
    pub fn input(mut self, name: impl Into<String>, hash: impl Into<String>) -> Self {
        self.inputs.insert(name.into(), hash.into());
        self
    }

    /// Whether `stage_dir` holds a manifest with the same stage and inputs and every
    /// output it lists still exists: then the stage need not run again.
    pub fn is_fresh_in(&self, stage_dir: &Path) -> bool {
        let Ok(old) = read_json::<StageManifest>(&stage_dir.join("manifest.json")) else {
            return false;
        };
        old.stage == self.stage
            && old.inputs == self.inputs
            && old.hysim_version == self.hysim_version
            && old.outputs.iter().all(|o| stage_dir.join(o).exists())
    }

    /// Writes `manifest.json` into `stage_dir`, atomically. Write it last, after the
    /// outputs, so that a stage interrupted midway is never taken as fresh.
    pub fn write_to(&self, stage_dir: &Path) -> Result<()> {
        write_json(&stage_dir.join("manifest.json"), self)
    }
}

/// The sha256 of `bytes`, as lowercase hex.
pub fn hash_bytes(bytes: &[u8]) -> String {
    to_hex(&Sha256::digest(bytes))
}

/// The sha256 of a file's content, as lowercase hex, read in blocks.
pub fn hash_file(path: &Path) -> Result<String> {
    let read_err = |source| Error::Read { path: path.to_path_buf(), source };
    let mut file = std::fs::File::open(path).map_err(read_err)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf).map_err(read_err)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(to_hex(&hasher.finalize()))
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_input() {
        assert_eq!(hash_bytes(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("abc.txt");
        std::fs::write(&path, b"abc").unwrap();
        assert_eq!(hash_file(&path).unwrap(), hash_bytes(b"abc"));
    }

    #[test]
    fn freshness_follows_inputs_and_outputs() {
        let dir = tempfile::tempdir().unwrap();
        let mut manifest = StageManifest::new("embed").input("texts", hash_bytes(b"one"));
        manifest.outputs.push("emb.safetensors".to_owned());
        assert!(!manifest.is_fresh_in(dir.path()), "no manifest yet");
        std::fs::write(dir.path().join("emb.safetensors"), b"x").unwrap();
        manifest.write_to(dir.path()).unwrap();
        assert!(manifest.is_fresh_in(dir.path()));
        let changed = manifest.clone().input("texts", hash_bytes(b"two"));
        assert!(!changed.is_fresh_in(dir.path()), "changed input");
        std::fs::remove_file(dir.path().join("emb.safetensors")).unwrap();
        assert!(!manifest.is_fresh_in(dir.path()), "missing output");
    }
}
