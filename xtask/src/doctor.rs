//! `cargo xtask doctor`: what the tools found, and the fix for what is missing.

use std::process::Command;

use anyhow::{Result, bail};

use crate::cmd;
use crate::paths::{self, TORCH_VERSION};
use crate::setup::{COMPLETE, MODELS, torch_version};

/// Prints one line per check and fails when any required piece is missing.
pub(crate) fn run() -> Result<()> {
    let mut problems: Vec<String> = Vec::new();
    let venv = paths::torch_venv();
    cmd::note(&format!("cache:        {}", paths::cache_dir().display()));

    // libtorch: a user-provided LIBTORCH wins over the one setup installs.
    // `.cargo/config.toml` sets LIBTORCH to the `.libtorch` link for every cargo process,
    // so only a value that points elsewhere was chosen by the user.
    let user_libtorch = std::env::var_os("LIBTORCH")
        .filter(|v| !v.is_empty())
        .filter(|v| std::path::Path::new(v) != paths::libtorch_link());
    let torch = match &user_libtorch {
        Some(dir) => Some(std::path::PathBuf::from(dir)),
        None => paths::torch_package(&venv).filter(|_| venv.join(COMPLETE).exists()),
    };
    match &torch {
        Some(torch) => {
            let version = torch_version(torch)
                .or_else(|| std::fs::read_to_string(torch.join("build-version")).ok().map(|v| v.trim().to_owned()))
                .unwrap_or_else(|| "unknown version".to_owned());
            cmd::note(&format!("libtorch:     {} ({version})", torch.display()));
            if !version.starts_with(TORCH_VERSION) {
                problems
                    .push(format!("libtorch is {version}, tch 0.24 needs {TORCH_VERSION}: run `cargo xtask setup`"));
            }
        }
        None => {
            cmd::note("libtorch:     missing");
            problems
                .push(format!("no torch {TORCH_VERSION} environment in {}: run `cargo xtask setup`", venv.display()));
        }
    }
    if user_libtorch.is_none() {
        let link = paths::libtorch_link();
        match std::fs::read_link(&link) {
            Ok(target) if target.join("lib").is_dir() => {
                cmd::note(&format!("build link:   .libtorch -> {}", target.display()))
            }
            _ => {
                cmd::note("build link:   .libtorch missing or broken");
                problems.push(
                    "the .libtorch link that cargo builds against is missing: run `cargo xtask setup`".to_owned(),
                );
            }
        }
    }

    // CUDA, asked of the same libtorch through the venv's Python.
    let python = venv.join("bin").join("python");
    let cuda = cmd::output(
        Command::new(&python)
            .args(["-c", "import torch\nprint(torch.cuda.get_device_name(0) if torch.cuda.is_available() else 'no')"]),
    );
    match cuda.as_deref() {
        Some("no") => cmd::note("cuda:         no (CPU only; `--device auto` uses the CPU)"),
        Some(name) => cmd::note(&format!("cuda:         yes, {name}")),
        None => cmd::note("cuda:         unknown (the torch environment could not be asked)"),
    }

    for model in MODELS {
        let dir = model.dir();
        let missing: Vec<&str> = model.files.iter().map(|(f, _)| *f).filter(|f| !dir.join(f).is_file()).collect();
        if dir.join(COMPLETE).exists() && missing.is_empty() {
            let size: u64 =
                model.files.iter().filter_map(|(f, _)| std::fs::metadata(dir.join(f)).ok()).map(|m| m.len()).sum();
            cmd::note(&format!(
                "model:        {}=={} in {} ({:.1} MB)",
                model.name,
                model.version,
                dir.display(),
                size as f64 / 1e6
            ));
        } else {
            cmd::note(&format!("model:        {}=={} missing", model.name, model.version));
            problems.push(format!(
                "model {}=={} is not in {}: run `cargo xtask setup`",
                model.name,
                model.version,
                dir.display()
            ));
        }
    }

    // ../shared is optional: without it the pipeline uses the fixtures and parity tests skip.
    let shared = paths::shared_dir();
    let shared = shared.canonicalize().unwrap_or(shared);
    let data = shared.join("data").join("tabular-data-pk").join("tables.jsonl");
    let reference = shared.join("reference").join("README.md");
    cmd::note(&format!(
        "shared:       data {}, reference {} ({})",
        if data.is_file() { "present" } else { "absent" },
        if reference.is_file() { "present" } else { "absent" },
        shared.display()
    ));

    if problems.is_empty() {
        cmd::note("doctor: everything needed is in place");
        Ok(())
    } else {
        for problem in &problems {
            cmd::note(&format!("fix: {problem}"));
        }
        bail!("{} problem(s) found", problems.len())
    }
}
