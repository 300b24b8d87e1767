//! `cargo xtask`: the HySim automation entry point.
//!
//! Tasks never prompt, print every command before running it, and exit non-zero on
//! failure. This crate depends on no `hysim-*` crate, so it builds in seconds without
//! libtorch; heavy work is done by spawning `cargo`.

mod bench;
mod cmd;
mod doctor;
mod fuzz;
mod paths;
mod setup;
mod tidy;

use anyhow::Result;
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
    Setup,
    /// Report libtorch, CUDA, model files and ../shared; exit non-zero with the fix when something is missing.
    Doctor,
    /// Set up, then run fmt check, clippy, all tests (libtorch crates included), docs and tidy.
    Ci {
        /// Skip the setup step (libtorch and models must already be in place).
        #[arg(long)]
        no_setup: bool,
    },
    /// Check the workspace rules of STYLE.md: dependency allowlists, layering, docs, code map.
    Tidy,
    /// Run the cargo-fuzz targets (cell and HTML parsing) for a bounded time each.
    Fuzz {
        /// Seconds per target.
        #[arg(long, default_value_t = 60)]
        seconds: u64,
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
    },
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.task {
        Task::Setup => setup::run().map(|_| ()),
        Task::Doctor => doctor::run(),
        Task::Ci { no_setup } => ci(no_setup),
        Task::Tidy => tidy::run(&paths::project_root()).map(|()| cmd::note("tidy: ok")),
        Task::Fuzz { seconds } => fuzz::run(seconds),
        Task::Bench { what: Bench::Weights { sizes } } => bench::weights(&sizes),
        Task::Bench { what: Bench::Embed { batch_size } } => bench::embed(batch_size),
        Task::Bench { what: Bench::Parse { copies } } => bench::parse(copies),
        Task::Bench { what: Bench::Train { batch, seq, steps } } => bench::train(batch, seq, steps),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            cmd::note(&format!("error: {err:#}"));
            std::process::ExitCode::FAILURE
        }
    }
}

/// The CI gate: everything `.ci/run` checks.
fn ci(no_setup: bool) -> Result<()> {
    if !no_setup {
        setup::run()?;
    }
    let root = paths::project_root();
    let cargo = cmd::cargo();
    cmd::run(cmd::new(&cargo, &root).args(["fmt", "--all", "--check"]))?;
    cmd::run(cmd::new(&cargo, &root).args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    // Default members first: they build without libtorch and fail fast.
    cmd::run(cmd::new(&cargo, &root).args(["test"]))?;
    // Then the whole workspace: the crates that link libtorch and the binary.
    cmd::run(cmd::new(&cargo, &root).args(["test", "--workspace"]))?;
    cmd::run(cmd::new(&cargo, &root).args(["doc", "--workspace", "--no-deps"]).env("RUSTDOCFLAGS", "-D warnings"))?;
    tidy::run(&root)?;
    cmd::note("ci: all checks passed");
    Ok(())
}
