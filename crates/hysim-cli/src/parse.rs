//! `hysim parse`: tables → rule-based PK records (JSON Lines).

use std::path::PathBuf;

use anyhow::Result;
use hysim_tables::OutputFormat;

/// Arguments of `hysim parse`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Input files: tables.jsonl (the shared format), HTML (`<table>`), JATS/PMC XML
    /// (`<table-wrap>`) or Markdown (pipe tables).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Output records file.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// jsonl (one SPEC record per line), csv or parquet (one flat row per record)
    /// [default: from the extension of --out, else jsonl].
    #[arg(long)]
    format: Option<String>,
    /// Also write the tables read (identical repeats dropped) as one tables.jsonl, the
    /// format every other command reads.
    #[arg(long, value_name = "FILE")]
    tables_out: Option<PathBuf>,
}

pub(crate) fn run(args: &Args) -> Result<String> {
    let started = std::time::Instant::now();
    let format = match &args.format {
        Some(f) => f.parse().map_err(|e: String| anyhow::anyhow!(e))?,
        None => OutputFormat::from_path(&args.out).unwrap_or(OutputFormat::Jsonl),
    };
    let parsed = hysim_tables::parse_files(&args.inputs, &args.out, format, args.tables_out.as_deref())?;
    if parsed.repeats > 0 {
        tracing::info!(duplicates = parsed.repeats, "identical tables read more than once, kept once");
    }
    let seconds = started.elapsed().as_secs_f64();
    let written = &parsed.written;
    let counts: Vec<String> = written.by_code.iter().map(|(k, v)| format!("{k} {v}")).collect();
    let summary = format!(
        "{} tables ({} with PK parameters) -> {} records in {} ({} converted to canonical units) in {:.3} s ({:.0} tables/s): {}",
        parsed.tables,
        written.pk_tables,
        written.records,
        args.out.display(),
        written.converted,
        seconds,
        parsed.tables as f64 / seconds.max(1e-9),
        counts.join(", ")
    );
    Ok(summary)
}
