//! `cargo xtask`: the HySim automation entry point.
//!
//! Tasks never prompt, print every command before running it, and exit non-zero on
//! failure. This crate depends on no `hysim-*` crate, so it builds in seconds without
//! libtorch; heavy work is done by spawning `cargo`.

mod bench;
mod browser;
mod cmd;
mod doctor;
mod fuzz;
mod paths;
mod review;
mod setup;
mod tidy;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "cargo xtask", about = "HySim automation", version)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Create or reuse the pinned libtorch environment and the model cache.
    Setup {
        /// Also install an optional decoder (never a default): qwen2.5-coder-0.5b.
        #[arg(long, value_name = "NAME")]
        decoder: Vec<String>,
    },
    /// Report libtorch, CUDA, model files and ../shared; exit non-zero with the fix when something is missing.
    Doctor,
    /// Set up, then run fmt check, clippy, all tests (libtorch crates included), docs and tidy.
    Ci {
        /// Skip the setup step (libtorch and models must already be in place).
        #[arg(long)]
        no_setup: bool,
    },
    /// The review page in headless Chromium: records on their cells, accept, edit, add,
    /// reload, download, then the download as gold and as training data; hostile tables inert.
    ReviewCheck {
        /// Install Debian's chromium package when no Chromium is found (root, apt-get).
        #[arg(long)]
        install: bool,
        /// Also save a PNG of a table under review here.
        #[arg(long, value_name = "FILE")]
        screenshot: Option<std::path::PathBuf>,
    },
    /// Check the workspace rules of STYLE.md: dependency allowlists, layering, docs, code map.
    Tidy,
    /// Run the cargo-fuzz targets (cell and HTML parsing) for a bounded time each.
    Fuzz {
        /// Seconds per target.
        #[arg(long, default_value_t = 60)]
        seconds: u64,
    },
    /// Set up what is missing, build `hysim` (release) and run Algorithm 1 end to end
    /// (`hysim run`) on the embedded default, or the given configuration.
    Pipeline {
        /// The pipeline configuration [default: the embedded default].
        #[arg(long, value_name = "FILE")]
        config: Option<std::path::PathBuf>,
        /// The smallest run of every stage (about a minute on a CPU).
        #[arg(long)]
        tiny: bool,
        /// One of the paper's experiments: alpha-sweep, manifold, ablation, noise, shift or shift-decoder (docs/EXPERIMENTS.md).
        #[arg(long, value_name = "NAME")]
        experiment: Option<String>,
        /// Rerun from this stage on, even when fresh.
        #[arg(long, value_name = "STAGE")]
        from: Option<String>,
        /// Stop after this stage.
        #[arg(long, value_name = "STAGE")]
        to: Option<String>,
        /// auto, cpu or cuda:N.
        #[arg(long)]
        device: Option<String>,
    },
    /// Benchmarks against the reference Python tools on this machine.
    Bench {
        #[command(subcommand)]
        what: Bench,
    },
}

#[derive(Subcommand)]
enum Bench {
    /// `hysim weights` against numpy + scikit-learn, for n x 384 embeddings.
    Weights {
        /// Source sizes, comma-separated.
        #[arg(long, value_delimiter = ',', default_value = "10000,100000,1000000")]
        sizes: Vec<usize>,
    },
    /// Opening a review page of synthetic tables in headless Chromium (no reference tool:
    /// the target is 2 s for 1,000 tables).
    Review {
        /// Tables on the page.
        #[arg(long, default_value_t = 1000)]
        tables: usize,
        /// Fresh browser runs.
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
    /// `hysim parse` against pandas.read_html on the real tables.
    Parse {
        /// How many times the 30 shared tables are repeated.
        #[arg(long, default_value_t = 100)]
        copies: usize,
    },
    /// `hysim embed` against sentence-transformers on the real tables' cells and rows.
    Embed {
        /// Texts per batch, for both tools.
        #[arg(long, default_value_t = 64)]
        batch_size: usize,
    },
    /// LoRA training steps of SmolLM2 against PyTorch + transformers + peft.
    Train {
        /// Sequences per step.
        #[arg(long, default_value_t = 2)]
        batch: usize,
        /// Tokens per sequence.
        #[arg(long, default_value_t = 256)]
        seq: usize,
        /// Timed steps (after one warm-up step).
        #[arg(long, default_value_t = 5)]
        steps: usize,
        /// f32; bf16 (every weight bfloat16); or mixed (base weights bfloat16, adapters
        /// float32, as `hysim train` with dtype bf16 and peft's default).
        #[arg(long, default_value = "f32", value_parser = ["f32", "bf16", "mixed"])]
        dtype: String,
        /// Projections with an adapter, comma-separated (`hysim train`'s default is all
        /// seven: q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj).
        #[arg(long, default_value = "q_proj,v_proj")]
        targets: String,
    },
    /// Batched greedy decoding of SmolLM2-135M with a KV cache (the extraction loop of
    /// `hysim extract`'s decoder) against PyTorch + transformers' `generate`.
    Generate {
        /// Rows decoded together.
        #[arg(long, default_value_t = 4)]
        batch: usize,
        /// Prompt tokens per row.
        #[arg(long, default_value_t = 256)]
        prompt: usize,
        /// Tokens each row writes.
        #[arg(long, default_value_t = 64)]
        new: usize,
        /// Weights and activations: f32 or bf16.
        #[arg(long, default_value = "f32", value_parser = ["f32", "bf16"])]
        dtype: String,
    },
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.task {
        Task::Setup { decoder } => setup::run(&decoder).map(|_| ()),
        Task::Doctor => doctor::run(),
        Task::Ci { no_setup } => ci(no_setup),
        Task::Tidy => tidy::run(&paths::project_root()).map(|()| cmd::note("tidy: ok")),
        Task::ReviewCheck { install, screenshot } => review::check(install, screenshot.as_deref()),
        Task::Fuzz { seconds } => fuzz::run(seconds),
        Task::Pipeline { config, tiny, experiment, from, to, device } => {
            let stages = Stages { from: from.as_deref(), to: to.as_deref() };
            pipeline(config, tiny, experiment.as_deref(), stages, device.as_deref())
        }
        Task::Bench { what: Bench::Weights { sizes } } => bench::weights(&sizes),
        Task::Bench { what: Bench::Embed { batch_size } } => bench::embed(batch_size),
        Task::Bench { what: Bench::Parse { copies } } => bench::parse(copies),
        Task::Bench { what: Bench::Review { tables, runs } } => review::bench(tables, runs),
        Task::Bench { what: Bench::Train { batch, seq, steps, dtype, targets } } => {
            bench::train(batch, seq, steps, &dtype, &targets)
        }
        Task::Bench { what: Bench::Generate { batch, prompt, new, dtype } } => {
            bench::generate(batch, prompt, new, &dtype)
        }
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            cmd::note(&format!("error: {err:#}"));
            std::process::ExitCode::FAILURE
        }
    }
}

/// The `--from` and `--to` stages of `cargo xtask pipeline`, passed on to `hysim run`.
struct Stages<'a> {
    from: Option<&'a str>,
    to: Option<&'a str>,
}

/// `cargo xtask pipeline`: setup, a release build, then `hysim run` from the project root.
fn pipeline(
    config: Option<std::path::PathBuf>,
    tiny: bool,
    experiment: Option<&str>,
    stages: Stages<'_>,
    device: Option<&str>,
) -> Result<()> {
    setup::run(&[])?;
    let root = paths::project_root();
    let hysim = bench::build_hysim(&root)?;
    let mut command = cmd::new(&hysim, &root);
    command.arg("run");
    if let Some(config) = config {
        command.arg("--config").arg(config);
    }
    if tiny {
        command.arg("--tiny");
    }
    let flags = [("--experiment", experiment), ("--from", stages.from), ("--to", stages.to), ("--device", device)];
    for (flag, value) in flags {
        if let Some(value) = value {
            command.args([flag, value]);
        }
    }
    cmd::run(&mut command)
}

/// Makes the workspace's own packages build afresh when the target folder last built another
/// checkout. Test binaries hold their crate's folder as compiled (`env!("CARGO_MANIFEST_DIR")`
/// for test data, insta's snapshot root), and cargo reuses an unchanged crate's binaries from
/// the shared per-user target folder whichever checkout built them (CI's clean clone and a
/// working copy): such a binary reads the other checkout's files, or fails when that
/// checkout is gone. Dependencies stay built.
fn reclaim_target_dir(root: &std::path::Path, cargo: &std::ffi::OsStr) -> Result<()> {
    let target = paths::target_dir(root);
    let marker = target.join(".hysim-checkout");
    let here = root.display().to_string();
    if std::fs::read_to_string(&marker).is_ok_and(|last| last == here) {
        return Ok(());
    }
    let mut clean = cmd::new(cargo, root);
    clean.args(["clean", "--quiet"]);
    for entry in std::fs::read_dir(root.join("crates"))? {
        let manifest = entry?.path().join("Cargo.toml");
        let Ok(text) = std::fs::read_to_string(&manifest) else { continue };
        let parsed: toml::Table = text.parse().with_context(|| format!("{}", manifest.display()))?;
        if let Some(name) = parsed.get("package").and_then(|p| p.get("name")).and_then(|n| n.as_str()) {
            clean.args(["-p", name]);
        }
    }
    cmd::note(&format!(
        "ci: the target folder last built another checkout; rebuilding the workspace crates for {here}"
    ));
    cmd::run(&mut clean)?;
    std::fs::create_dir_all(&target)?;
    std::fs::write(&marker, here)?;
    Ok(())
}

/// The CI gate: everything `.ci/run` checks.
fn ci(no_setup: bool) -> Result<()> {
    if !no_setup {
        setup::run(&[])?;
    }
    let root = paths::project_root();
    let cargo = cmd::cargo();
    reclaim_target_dir(&root, &cargo)?;
    cmd::run(cmd::new(&cargo, &root).args(["fmt", "--all", "--check"]))?;
    cmd::run(cmd::new(&cargo, &root).args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    // Default members first: they build without libtorch and fail fast.
    cmd::run(cmd::new(&cargo, &root).args(["test"]))?;
    // Then the whole workspace: the crates that link libtorch and the binary.
    cmd::run(cmd::new(&cargo, &root).args(["test", "--workspace"]))?;
    cmd::run(cmd::new(&cargo, &root).args(["doc", "--workspace", "--no-deps"]).env("RUSTDOCFLAGS", "-D warnings"))?;
    // Every stage of Algorithm 1 end to end, on the smallest run (the debug binaries the
    // tests built: `hysim` hands `run` to `hysim-torch`), from scratch.
    cmd::run(cmd::new(&cargo, &root).args(["build", "--quiet", "-p", "hysim-cli"]))?;
    cmd::run(cmd::new(&cargo, &root).args([
        "run",
        "--quiet",
        "-p",
        "hysim-cli",
        "--bin",
        "hysim",
        "--",
        "run",
        "--tiny",
        "--from",
        "source",
    ]))?;
    // The review page in a real browser (Debian's Chromium, installed when missing).
    review::check(true, None)?;
    tidy::run(&root)?;
    cmd::note("ci: all checks passed");
    Ok(())
}
