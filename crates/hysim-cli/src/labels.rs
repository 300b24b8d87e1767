//! `hysim label-noise`: gold labels that do not fit their cells, seen by the sentence
//! encoder (`hysim_extract::labels`), scored against the gold's noise flags where it has them.

use std::path::PathBuf;

use anyhow::{Context, Result};
use hysim_core::Record;
use hysim_embed::{Cache, Encoder};
use hysim_nn::{DType, DeviceSpec};

/// Arguments of `hysim label-noise`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Labelled tables (any format `hysim parse` reads).
    #[arg(long, value_name = "FILE")]
    tables: PathBuf,
    /// Their gold records (SPEC JSON Lines; the generator's carry `noise` flags).
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,
    /// Report (JSON); the flags go beside it as `<stem>.flags.jsonl`.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Flag labels whose margin (the cell's similarity to the label over that to the same
    /// label under the table's other codes) lies more than K standard deviations below the
    /// mean margin of their parameter code.
    #[arg(long, default_value_t = 2.0)]
    k: f64,
    /// Sentence-transformers model folder [default: all-MiniLM-L6-v2 from the cache].
    #[arg(long, value_name = "DIR")]
    model: Option<PathBuf>,
    /// auto, cpu, cuda or cuda:N.
    #[arg(long, default_value = "auto")]
    device: String,
}

pub(crate) fn run(args: &Args) -> Result<String> {
    anyhow::ensure!(args.k.is_finite() && args.k >= 0.0, "--k {} is not a number >= 0", args.k);
    let tables =
        hysim_tables::read_tables_file(&args.tables).with_context(|| format!("tables {}", args.tables.display()))?;
    let gold = Record::read_jsonl(&args.gold)?;
    let ids: std::collections::HashSet<&str> = tables.iter().map(|t| t.id.as_str()).collect();
    if !gold.is_empty() && !gold.iter().any(|r| ids.contains(r.table_id.as_str())) {
        anyhow::bail!(
            "no gold record of {} belongs to a table of {} (gold table ids such as {:?}): are these the tables of that gold?",
            args.gold.display(),
            args.tables.display(),
            gold[0].table_id
        );
    }
    let device = args.device.parse::<DeviceSpec>()?.resolve()?;
    let model_dir =
        args.model.clone().unwrap_or_else(|| hysim_core::cache::model_dir(hysim_core::cache::DEFAULT_ENCODER));
    let encoder = Encoder::load(&model_dir, device, DType::F32)?;
    let mut cache = Cache::open(&hysim_core::cache::cache_dir().join("embeddings"), encoder.id())?;
    let found = hysim_extract::labels::check(&encoder, &tables, &gold, args.k, Some(&mut cache))?;
    cache.flush()?;
    hysim_core::io::write_json(&args.out, &found)?;
    let flags_path = args.out.with_extension("flags.jsonl");
    let lines: Vec<serde_json::Value> = found
        .flags
        .iter()
        .map(|(f, noise)| {
            serde_json::json!({"id": f.id, "code": f.group, "margin": f.score, "z": f.z, "flagged": f.flagged, "noise": noise})
        })
        .collect();
    hysim_core::io::write_jsonl(&flags_path, &lines)?;
    let kinds: Vec<String> = found
        .scores
        .iter()
        .map(|(kind, s)| format!("{kind} {}/{} flagged (AUC {:.2})", s.flagged, s.n, s.auc))
        .collect();
    Ok(format!(
        "{} gold records beside their cells ({} left out: no cell, or a table of one parameter), k = {}: {} -> {} and {}",
        found.compared,
        found.skipped,
        args.k,
        kinds.join(", "),
        args.out.display(),
        flags_path.display()
    ))
}
