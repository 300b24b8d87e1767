//! Where things live: the repository, the per-user cache and what setup puts in it.
//!
//! The cache is `$HYSIM_CACHE`, else `$XDG_CACHE_HOME/hysim`, else `~/.cache/hysim`.
//! It holds the torch virtual environment (`torch-<version>/`), downloaded wheels
//! (`wheels/`) and unpacked models (`models/<package>-<version>/`).

use std::path::{Path, PathBuf};

/// The torch release that `tch = "0.24"` is built against (see ../shared/LIBTORCH.md).
pub(crate) const TORCH_VERSION: &str = "2.11.0";

/// The repository root: above xtask's manifest as `cargo run` names it when it starts the
/// binary, else as it was at compile time. The run-time value comes first because two
/// checkouts sharing one target folder (CI's clean clone and a working copy) reuse each
/// other's unchanged xtask binary, whose compile-time path is the other checkout's.
pub(crate) fn project_root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .filter(|d| Path::new(d).ends_with("xtask") && Path::new(d).join("Cargo.toml").is_file())
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
        .parent()
        .expect("invariant: xtask lives one level below the root")
        .to_path_buf()
}

/// Cargo's target folder for the workspace at `root` (`$CARGO_TARGET_DIR`, relative to
/// `root` when relative, else `root/target`).
pub(crate) fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|t| if t.is_absolute() { t } else { root.join(t) })
        .unwrap_or_else(|| root.join("target"))
}

/// The per-user cache folder.
pub(crate) fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("HYSIM_CACHE").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| PathBuf::from(".cache"));
    base.join("hysim")
}

/// The torch virtual environment.
pub(crate) fn torch_venv() -> PathBuf {
    cache_dir().join(format!("torch-{TORCH_VERSION}"))
}

/// The link in the repository that `.cargo/config.toml` points `LIBTORCH` at.
pub(crate) fn libtorch_link() -> PathBuf {
    project_root().join(".libtorch")
}

/// The `torch` package folder inside the venv (it is a complete libtorch: `lib/`, `include/`).
pub(crate) fn torch_package(venv: &Path) -> Option<PathBuf> {
    let lib = std::fs::read_dir(venv.join("lib")).ok()?;
    lib.filter_map(|e| e.ok()).map(|e| e.path().join("site-packages").join("torch")).find(|p| p.join("lib").is_dir())
}

/// The shared data folder beside the checkout.
pub(crate) fn shared_dir() -> PathBuf {
    project_root().join("..").join("shared")
}
