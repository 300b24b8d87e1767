//! `hysim train --config train.toml`: weighted fine-tuning of the encoder extractor and a
//! decoder on tables with gold records (`hysim_extract::train`); `model.json` names the
//! system with the better validation F1, which `hysim extract --model OUT` uses.

use std::path::PathBuf;

use anyhow::Result;
use hysim_extract::TrainSettings;

/// Arguments of `hysim train`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The training configuration (its keys and defaults: `hysim train --help`).
    #[arg(long, value_name = "FILE")]
    config: PathBuf,
    /// Continue from `<out>/last`.
    #[arg(long)]
    resume: bool,
}

pub(crate) fn run(args: &Args) -> Result<String> {
    let (settings, text) = TrainSettings::read(&args.config)?;
    let lines = hysim_extract::train::train(&settings, &text, args.resume, &crate::progress::Bar::new())?;
    Ok(lines.join("\n"))
}
