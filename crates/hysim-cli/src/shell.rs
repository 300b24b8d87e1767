//! What both binaries share: the commands' one-line descriptions, tracing set-up, and how
//! a command's result is printed and exits.

use std::process::ExitCode;

/// The top-level description of `hysim`.
pub(crate) const ABOUT: &str = "PK tables to a unit-normalised PK dataset, and domain-weighted fine-tuning";

/// Every command, in the order both binaries list them; each binary's unit test holds its
/// list to this one.
#[cfg(test)]
pub(crate) const COMMANDS: &[&str] =
    &["parse", "embed", "extract", "eval", "synth", "review", "train", "weights", "label-noise", "run"];

/// One-line descriptions of the commands, the same in both binaries' help.
pub(crate) mod about {
    pub(crate) const PARSE: &str = "Rule-based PK records from tables (Algorithm 1, step 1)";
    pub(crate) const EMBED: &str = "Sentence embeddings of texts, tables or records (Algorithm 1, step 2)";
    pub(crate) const EXTRACT: &str =
        "Records written by a trained system: the encoder extractor, or the decoder under the target grammar";
    pub(crate) const EVAL: &str =
        "Scores predicted records against ground truth: numeric and AutoPK protocols, calibration, intervals, reports";
    pub(crate) const SYNTH: &str = "A synthetic PK corpus with gold records, domain-shift profiles and flagged noise";
    pub(crate) const REVIEW: &str =
        "A self-contained HTML page for curators: every record on its cell, accept, reject, edit, add, download";
    pub(crate) const TRAIN: &str =
        "Weighted fine-tuning of the encoder extractor and a decoder (LoRA or full) on tables with gold records";
    pub(crate) const WEIGHTS: &str =
        "Per-sample weights (Algorithm 1, steps 3-5): target similarity times manifold cleanliness";
    pub(crate) const LABEL_NOISE: &str = "Gold labels that do not fit their cells, seen by the sentence encoder (label noise that table embeddings miss)";
    pub(crate) const RUN: &str = "Algorithm 1 end to end: source, parse, embed, weights, train, extract, eval, report";
}

/// Tracing on standard error, filtered by `RUST_LOG` (default: hysim's info lines).
pub(crate) fn init_tracing() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "hysim=info,warn".into()),
        )
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
}

/// Prints a command's summary (exit 0) or its error as one line (exit 1).
pub(crate) fn finish(result: anyhow::Result<String>) -> ExitCode {
    match result {
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

/// An error chain as one line, with drawings (source excerpts, tables) left out.
fn one_line(message: &str) -> String {
    let drawing =
        |l: &str| l.starts_with('|') || l.split_once(" | ").is_some_and(|(n, _)| n.trim().parse::<u64>().is_ok());
    message.lines().map(str::trim).filter(|l| !l.is_empty() && !drawing(l)).collect::<Vec<_>>().join(": ")
}
