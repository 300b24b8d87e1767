//! `cargo xtask fuzz`: runs every cargo-fuzz target of `fuzz/` for a bounded time.
//!
//! cargo-fuzz is installed from crates.io when missing. libFuzzer's sanitizer flags need
//! a nightly compiler; the one stable toolchain of these machines accepts them with
//! `RUSTC_BOOTSTRAP=1`. The fuzz build has its own target folder in the cache, and the
//! corpus and any crash artifacts stay under `fuzz/` (ignored by git).

use std::process::Command;

use anyhow::{Context, Result};

use crate::{cmd, paths};

/// The targets in `fuzz/Cargo.toml`.
const TARGETS: &[&str] = &["cell", "html"];

pub(crate) fn run(seconds: u64) -> Result<()> {
    let root = paths::project_root();
    let cargo = cmd::cargo();
    let installed = cmd::output(Command::new(&cargo).args(["fuzz", "--version"])).is_some();
    if !installed {
        cmd::run(cmd::new(&cargo, &root).args(["install", "cargo-fuzz", "--locked"]))
            .context("cannot install cargo-fuzz from crates.io")?;
    }
    for target in TARGETS {
        cmd::run(
            cmd::new(&cargo, &root)
                .args(["fuzz", "run", target, "--fuzz-dir", "fuzz", "--"])
                .arg(format!("-max_total_time={seconds}"))
                .env("RUSTC_BOOTSTRAP", "1")
                .env("CARGO_TARGET_DIR", paths::cache_dir().join("fuzz-target")),
        )?;
    }
    cmd::note(&format!("fuzz: {} targets ran {seconds} s each without a crash", TARGETS.len()));
    Ok(())
}
