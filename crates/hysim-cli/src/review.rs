//! `hysim review`: a self-contained HTML page for curators, every record drawn on its
//! table's cell, with gold verdicts when given (`hysim_review`).

use std::path::PathBuf;

use anyhow::{Context, Result};
use hysim_core::Record;

/// Arguments of `hysim review`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The tables the records come from (any format `hysim parse` reads).
    #[arg(required = true, value_name = "TABLES")]
    inputs: Vec<PathBuf>,
    /// The records to review (JSON Lines, as `hysim parse` and `hysim extract` write them).
    #[arg(long, value_name = "FILE")]
    records: PathBuf,
    /// Ground truth, as `hysim eval --gold` takes it: records are marked right or wrong,
    /// and gold values no record matched are listed under their paper.
    #[arg(long, num_args = 1.., value_name = "PATH")]
    gold: Vec<PathBuf>,
    /// The page to write.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// The page's title [default: the records file's name].
    #[arg(long)]
    title: Option<String>,
    /// With --gold: `full` or `value` matching, as `hysim eval --match`.
    #[arg(long = "match", default_value = "full", value_name = "full|value")]
    matching: String,
}

pub(crate) fn run(args: &Args) -> Result<String> {
    let started = std::time::Instant::now();
    let matching: hysim_eval::Match = args.matching.parse().map_err(anyhow::Error::msg)?;
    let mut tables = Vec::new();
    for path in &args.inputs {
        tables.extend(hysim_tables::read_tables_file(path)?);
    }
    let (tables, _) = hysim_tables::unique_tables(tables);
    let records = Record::read_jsonl(&args.records)?;
    let gold = if args.gold.is_empty() { None } else { Some(hysim_eval::gold::Gold::read_all(&args.gold)?.0) };
    let title = args.title.clone().unwrap_or_else(|| format!("HySim review: {}", args.records.display()));
    let options = hysim_review::Options { title, matching, ..hysim_review::Options::default() };
    let page = hysim_review::Page::new(&tables, &records, gold.as_ref(), &options);
    page.write(&args.out).with_context(|| format!("writing {}", args.out.display()))?;
    let s = page.summary();
    let mut summary = format!(
        "{} papers, {} tables, {} records ({} on their cells, {} without a cell, {} of tables not given), {} value cells without a record",
        s.papers, s.tables, s.records, s.placed, s.unplaced, s.orphaned, s.unmarked_cells
    );
    if gold.is_some() {
        summary.push_str(&format!("; gold: {} right, {} wrong, {} missed", s.right, s.wrong, s.missed));
    }
    summary.push_str(&format!(" -> {} in {:.2} s", args.out.display(), started.elapsed().as_secs_f64()));
    Ok(summary)
}
