//! `hysim`: the command line of HySim (see `SPEC.md`, "Command line").
//!
//! Exit codes: 0 on success, 1 on bad input (one line naming the file and the problem),
//! 2 on usage errors. `RUST_LOG` controls the tracing output on standard error.

/// mimalloc: table reading allocates many small strings, and the system allocator spent
/// about a fifth of `hysim parse`'s time in malloc and free.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod embed;
mod eval;
mod extract;
mod labels;
mod parse;
mod progress;
mod review;
mod run;
mod synth;
mod train;
mod weights;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "hysim",
    version,
    about = "PK tables to a unit-normalised PK dataset, and domain-weighted fine-tuning"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Rule-based PK records from tables (Algorithm 1, step 1).
    Parse(parse::Args),
    /// Sentence embeddings of texts, tables or records (Algorithm 1, step 2).
    Embed(embed::Args),
    /// Records written by a trained system: the encoder extractor, or the decoder under the target grammar.
    Extract(extract::Args),
    /// Scores predicted records against ground truth: numeric and AutoPK protocols, calibration, intervals, reports.
    Eval(eval::Args),
    /// A synthetic PK corpus with gold records, domain-shift profiles and flagged noise.
    Synth(synth::Args),
    /// A self-contained HTML page for curators: every record on its cell, accept, reject, edit, add, download.
    Review(review::Args),
    /// Weighted fine-tuning of the encoder extractor and a decoder (LoRA or full) on tables with gold records.
    #[command(after_long_help = hysim_extract::settings::CONFIG_HELP)]
    Train(train::Args),
    /// Per-sample weights (Algorithm 1, steps 3-5): target similarity times manifold cleanliness.
    Weights(weights::Args),
    /// Gold labels that do not fit their cells, seen by the sentence encoder (label noise that table embeddings miss).
    LabelNoise(labels::Args),
    /// Algorithm 1 end to end: source, parse, embed, weights, train, extract, eval, report.
    Run(run::Args),
}

/// Runs one command and returns its summary (what it prints on success).
fn execute(command: Command) -> anyhow::Result<String> {
    match command {
        Command::Parse(args) => parse::run(&args),
        Command::Embed(args) => embed::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Extract(args) => extract::run(&args),
        Command::Review(args) => review::run(&args),
        Command::Synth(args) => synth::run(&args),
        Command::Train(args) => train::run(&args),
        Command::Weights(args) => weights::run(&args),
        Command::LabelNoise(args) => labels::run(&args),
        Command::Run(args) => run::run(&args),
    }
}

fn main() -> ExitCode {
    // SAFETY: the first statement of `main`: no other thread exists yet to read the
    // environment, and libtorch has not touched CUDA.
    let allocator_set = unsafe { hysim_nn::default_cuda_allocator_settings() };
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "hysim=info,warn".into()),
        )
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
    if allocator_set {
        tracing::debug!(
            settings = hysim_nn::CUDA_ALLOCATOR_SETTINGS,
            "{} set for libtorch's CUDA allocator",
            hysim_nn::ALLOC_CONF
        );
    }
    match execute(cli.command) {
        Ok(summary) => {
            #[allow(clippy::print_stdout, reason = "the summary is the command's output")]
            {
                println!("{summary}");
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            // One line: the context chain, outermost first.
            let message = one_line(&err.chain().map(|e| e.to_string()).collect::<Vec<_>>().join(": "));
            #[allow(clippy::print_stderr, reason = "the error line is the command's output")]
            {
                eprintln!("hysim: error: {message}");
            }
            ExitCode::from(1)
        }
    }
}

/// An error message on one line: multi-line messages (TOML's, which draw the offending
/// source line) keep their text lines, joined, and lose the drawing.
fn one_line(message: &str) -> String {
    let drawing =
        |l: &str| l.starts_with('|') || l.split_once(" | ").is_some_and(|(n, _)| n.trim().parse::<u64>().is_ok());
    message.lines().map(str::trim).filter(|l| !l.is_empty() && !drawing(l)).collect::<Vec<_>>().join(": ")
}
