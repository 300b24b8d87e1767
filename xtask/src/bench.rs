//! `cargo xtask bench weights`: `hysim weights` against numpy + scikit-learn doing the same
//! work on the same machine, printed as time and peak-memory ratios.
//!
//! The reference side runs `scripts/bench_weights.py` in a venv (`<cache>/bench-venv`) with
//! pinned numpy, scikit-learn and safetensors from PyPI. Inputs are seeded, written once per
//! size under `<cache>/bench/weights/`, and read by both tools. Each tool runs under
//! `/usr/bin/time` for wall time and peak resident memory.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::cmd;
use crate::paths;

const BENCH_PACKAGES: &[&str] = &["numpy==2.4.6", "scikit-learn==1.9.1", "safetensors==0.8.0"];

/// Settings shared by both sides: see `scripts/bench_weights.py run`.
const BENCH_CONFIG: &str = "\
distance = \"cosine\"
alpha = 1.0
beta = 1.0
off_manifold = \"zero\"
off_manifold_k = 2.0

[manifold]
fit_on = \"both\"
components = 16
solver = \"randomized\"
oversample = 10
power_iterations = 4
";

/// Creates or reuses the bench venv and returns its Python.
pub(crate) fn bench_python() -> Result<PathBuf> {
    let venv = paths::cache_dir().join("bench-venv");
    let python = venv.join("bin").join("python");
    let marker = venv.join(crate::setup::COMPLETE);
    let wanted = BENCH_PACKAGES.join(" ");
    if fs::read_to_string(&marker).ok().as_deref() == Some(wanted.as_str()) {
        return Ok(python);
    }
    if !python.exists() {
        cmd::run(Command::new("python3").arg("-m").arg("venv").arg(&venv))
            .context("cannot create the bench venv: is python3 with venv installed?")?;
    }
    cmd::run(
        Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check"])
            .args(BENCH_PACKAGES),
    )
    .context("pip could not install the bench packages from PyPI; is the package registry reachable?")?;
    fs::write(&marker, wanted)?;
    Ok(python)
}

/// Wall seconds and peak resident MiB of one run.
struct Measure {
    seconds: f64,
    peak_mib: f64,
}

fn timed(program: &Path, args: &[&std::ffi::OsStr], time_file: &Path) -> Result<Measure> {
    let mut command = Command::new("/usr/bin/time");
    command.arg("-f").arg("%e %M").arg("-o").arg(time_file).arg(program).args(args);
    cmd::run(&mut command).with_context(|| "is /usr/bin/time installed? (Debian package `time`)")?;
    let text = fs::read_to_string(time_file)?;
    let last = text.lines().last().unwrap_or_default();
    let mut parts = last.split_whitespace();
    let seconds: f64 = parts.next().and_then(|s| s.parse().ok()).with_context(|| format!("cannot read {last:?}"))?;
    let kib: f64 = parts.next().and_then(|s| s.parse().ok()).with_context(|| format!("cannot read {last:?}"))?;
    Ok(Measure { seconds, peak_mib: kib / 1024.0 })
}

/// Runs the weights benchmark for each size and prints a Markdown table.
pub(crate) fn weights(sizes: &[usize]) -> Result<()> {
    if sizes.is_empty() {
        bail!("no sizes given");
    }
    let python = bench_python()?;
    let root = paths::project_root();
    cmd::run(cmd::new(cmd::cargo(), &root).args(["build", "--release", "--quiet", "-p", "hysim-cli"]))?;
    let target_dir = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
    let hysim = target_dir.join("release").join("hysim");
    let script = root.join("scripts").join("bench_weights.py");
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let mut table = vec![
        format!(
            "| n x 384 | hysim weights | numpy + scikit-learn | speed-up | peak MiB hysim | peak MiB numpy | agreement |"
        ),
        "|---|---|---|---|---|---|---|".to_owned(),
    ];
    for &n in sizes {
        let dir = paths::cache_dir().join("bench").join("weights").join(format!("n{n}"));
        fs::create_dir_all(&dir)?;
        let (source, target) = (dir.join("source.safetensors"), dir.join("target.safetensors"));
        if !source.exists() || !target.exists() {
            cmd::run(Command::new(&python).arg(&script).args(["gen", "--n", &n.to_string(), "--out"]).arg(&dir))?;
        }
        let config = dir.join("bench.toml");
        fs::write(&config, BENCH_CONFIG)?;
        let (rust_out, py_out) = (dir.join("hysim.jsonl"), dir.join("numpy.jsonl"));
        let rust = timed(
            &hysim,
            &[
                "weights".as_ref(),
                "--source".as_ref(),
                source.as_os_str(),
                "--target".as_ref(),
                target.as_os_str(),
                "--config".as_ref(),
                config.as_os_str(),
                "--out".as_ref(),
                rust_out.as_os_str(),
            ],
            &dir.join("hysim.time"),
        )?;
        let py = timed(
            &python,
            &[
                script.as_os_str(),
                "run".as_ref(),
                "--source".as_ref(),
                source.as_os_str(),
                "--target".as_ref(),
                target.as_os_str(),
                "--out".as_ref(),
                py_out.as_os_str(),
            ],
            &dir.join("numpy.time"),
        )?;
        let agreement = cmd::output(Command::new(&python).arg(&script).arg("compare").arg(&rust_out).arg(&py_out))
            .unwrap_or_else(|| "comparison failed".to_owned());
        table.push(format!(
            "| {n} | {:.2} s | {:.2} s | {:.2}x | {:.0} | {:.0} | {agreement} |",
            rust.seconds,
            py.seconds,
            py.seconds / rust.seconds,
            rust.peak_mib,
            py.peak_mib
        ));
    }
    cmd::note(&format!(
        "\nweights benchmark on {threads} threads (cosine, 16 randomized PCA components fitted on both sets, 2,000 target rows):"
    ));
    for line in table {
        cmd::note(&line);
    }
    Ok(())
}
