//! `hysim synth`: a synthetic PK corpus with gold records (the labelled source domain).

use std::path::PathBuf;

use anyhow::{Context, Result};
use hysim_synth::{Config, Format, NoiseSpec, Profile};

/// Arguments of `hysim synth`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Number of tables.
    #[arg(long, default_value_t = 1000)]
    n: usize,
    /// Seed; the same seed gives the same files byte for byte.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Domain profile: clinical (human studies, PMC markup), veterinary (animal studies,
    /// publisher markup) or mixed.
    #[arg(long, default_value = "mixed")]
    profile: String,
    /// Noise: `none`, or kind=rate pairs separated by commas (label, wrong_value,
    /// wrong_unit, wrong_parameter, gaussian, heavy_tailed, structured, ocr,
    /// shifted_columns, garbage_rows, offtopic, spurious, truncated).
    #[arg(long, default_value = "none")]
    noise: String,
    /// Paper ids start with this (`syn000001`); another prefix keeps a second corpus's
    /// papers apart from the first's (the pipeline's synthetic target uses `tgt`).
    #[arg(long, default_value = hysim_synth::PREFIX)]
    prefix: String,
    /// Output folder: tables.jsonl, gold.jsonl, manifest.json.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Also write the tables as jats, csv, md and/or xlsx (comma-separated).
    #[arg(long, value_delimiter = ',')]
    formats: Vec<String>,
}

pub(crate) fn run(args: &Args) -> Result<String> {
    let started = std::time::Instant::now();
    let profile: Profile = args.profile.parse()?;
    let noise = NoiseSpec::parse(&args.noise)?;
    let formats: Vec<Format> = args.formats.iter().map(|f| f.parse()).collect::<Result<_, _>>()?;
    let cfg = Config { n: args.n, seed: args.seed, profile, noise };
    let mut items = hysim_synth::generate(&cfg);
    if args.prefix != hysim_synth::PREFIX {
        hysim_synth::rename(&mut items, &args.prefix)?;
    }
    let manifest = hysim_synth::write_corpus(&args.out, &cfg, &items, &formats)
        .with_context(|| format!("writing the corpus into {}", args.out.display()))?;
    let noisy: usize = manifest.noisy_tables.values().sum();
    let summary = format!(
        "{} tables ({} noisy), {} gold records, {} drugs, {} species -> {} in {:.2} s",
        manifest.tables,
        noisy,
        manifest.records,
        manifest.distinct_drugs,
        manifest.distinct_species,
        args.out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(summary)
}
