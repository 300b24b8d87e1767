//! `hysim embed`: texts, tables or records → an embeddings file.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use hysim_core::{Embeddings, Record, Shard};
use hysim_embed::{Cache, EmbedOptions, Encoder};
use hysim_nn::{DType, DeviceSpec};

/// What one example of a tables file is.
#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum Unit {
    /// One text per table (caption, header paths, rows, footnote).
    Table,
    /// One text per body row (caption, then each cell with its header path).
    Row,
    /// One text per non-empty body cell (`<header path>: <cell>`).
    Cell,
}

/// Arguments of `hysim embed`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Input: a `.txt` file (one text per line), a tables.jsonl file (one table per line,
    /// with `table_html`), a table file of any format `hysim parse` reads (HTML, JATS XML,
    /// Markdown, CSV/TSV, XLSX), or a records.jsonl file (SPEC records).
    #[arg(long, value_name = "FILE")]
    texts: PathBuf,
    /// Output safetensors file (tensor `embeddings`, [n, dim]); the ids go beside it as `<stem>.ids.json`.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Sentence-transformers model folder [default: all-MiniLM-L6-v2 from the cache `cargo xtask setup` fills].
    #[arg(long, value_name = "DIR")]
    model: Option<PathBuf>,
    /// auto, cpu, cuda or cuda:N.
    #[arg(long, default_value = "auto")]
    device: String,
    /// f32, bf16 or f16 (half precision is for CUDA).
    #[arg(long, default_value = "f32")]
    dtype: String,
    /// Texts per forward pass (halved on CUDA out-of-memory).
    #[arg(long, default_value_t = 64)]
    batch_size: usize,
    /// For tables files: embed whole tables or single rows.
    #[arg(long, value_enum, default_value = "table")]
    unit: Unit,
    /// Encode repeated texts again instead of once.
    #[arg(long)]
    no_dedup: bool,
    /// Neither read nor write the embedding cache.
    #[arg(long)]
    no_cache: bool,
    /// Embed only shard I of N (1-based; example k belongs to shard k mod N + 1).
    #[arg(long, value_name = "I/N")]
    shard: Option<Shard>,
    /// Also write the texts that are embedded, as JSON Lines of {"id", "text"}.
    #[arg(long, value_name = "FILE")]
    dump_texts: Option<PathBuf>,
}

/// The (id, text) examples a table gives at `unit`.
fn table_examples(t: &hysim_core::Table, unit: Unit) -> Vec<(String, String)> {
    match unit {
        Unit::Table => vec![(t.id.clone(), hysim_text::table_text(t))],
        Unit::Row => hysim_text::row_texts(t)
            .into_iter()
            .enumerate()
            .map(|(r, text)| (format!("{}/r{}", t.id, r + 1), text))
            .collect(),
        Unit::Cell => hysim_text::cell_texts(t)
            .into_iter()
            .map(|(r, c, text)| (format!("{}/r{}c{}", t.id, r + 1, c + 1), text))
            .collect(),
    }
}

/// Reads the inputs as (id, text) pairs, only those of shard `i` of `n` (example `k`, from
/// 0, belongs to shard `k mod n + 1`). A tables.jsonl is read a chunk of lines at a time
/// and a text file a line at a time, so a shard holds its own examples, not the whole
/// input.
fn read_inputs(path: &Path, unit: Unit, shard: Shard) -> Result<Vec<(String, String)>> {
    use std::io::BufRead;
    // One counter over every example of the file, across chunks and tables (the closure
    // borrows it: a copy would restart the count).
    let mut k = 0usize;
    let mut mine = || {
        k += 1;
        shard.holds(k - 1)
    };
    let cannot_read = || format!("cannot read {}", path.display());
    if hysim_tables::is_table_file(path) {
        let tables = hysim_tables::read_tables_file(path)?;
        return Ok(tables.iter().flat_map(|t| table_examples(t, unit)).filter(|_| mine()).collect());
    }
    let lines = || -> Result<std::io::Lines<std::io::BufReader<std::fs::File>>> {
        Ok(std::io::BufReader::new(std::fs::File::open(path).with_context(cannot_read)?).lines())
    };
    if !hysim_tables::is_jsonl_file(path) {
        let mut out = Vec::new();
        for (number, line) in lines()?.enumerate() {
            let line = line.with_context(cannot_read)?;
            if mine() {
                out.push(((number + 1).to_string(), line));
            }
        }
        return Ok(out);
    }
    let mut first = String::new();
    for line in lines()? {
        let line = line.with_context(cannot_read)?;
        if !line.trim().is_empty() {
            first = line;
            break;
        }
    }
    let first: serde_json::Value = if first.is_empty() {
        serde_json::json!({})
    } else {
        serde_json::from_str(&first).with_context(|| format!("{}: the first line is not JSON", path.display()))?
    };
    if first.get("table_html").is_some() {
        let mut out = Vec::new();
        for chunk in hysim_tables::table_chunks(path, 256)? {
            out.extend(chunk?.iter().flat_map(|t| table_examples(t, unit)).filter(|_| mine()));
        }
        return Ok(out);
    }
    if first.get("parameter_raw").is_some() {
        let records = Record::read_jsonl(path)?;
        return Ok(records
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("{}#{}", r.table_id, i + 1), hysim_text::record_text(r)))
            .filter(|_| mine())
            .collect());
    }
    bail!(
        "{}: unrecognised JSON Lines: expected tables (with table_html) or records (with parameter_raw)",
        path.display()
    )
}

pub(crate) fn run(args: &Args) -> Result<String> {
    let device = args.device.parse::<DeviceSpec>()?.resolve()?;
    let dtype: DType = args.dtype.parse()?;
    let shard = args.shard.unwrap_or_default();
    let inputs = read_inputs(&args.texts, args.unit, shard)?;
    if let Some(path) = &args.dump_texts {
        let lines: Vec<serde_json::Value> =
            inputs.iter().map(|(id, text)| serde_json::json!({"id": id, "text": text})).collect();
        hysim_core::io::write_jsonl(path, &lines)?;
    }
    let model_dir =
        args.model.clone().unwrap_or_else(|| hysim_core::cache::model_dir(hysim_core::cache::DEFAULT_ENCODER));
    let encoder = Encoder::load(&model_dir, device, dtype)?;
    let mut cache = if args.no_cache {
        None
    } else {
        Some(Cache::open(&hysim_core::cache::cache_dir().join("embeddings"), encoder.id())?)
    };
    let texts: Vec<&str> = inputs.iter().map(|(_, t)| t.as_str()).collect();
    let started = Instant::now();
    let opts = EmbedOptions { batch_size: args.batch_size, dedup: !args.no_dedup };
    let bar = indicatif::ProgressBar::new(0).with_style(
        indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} texts ({per_sec}, {eta} left)")
            .expect("invariant: the template is valid")
            .progress_chars("=> "),
    );
    bar.set_message("embedding");
    let (rows, stats) = encoder.embed_with_progress(&texts, &opts, cache.as_mut(), &mut |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    if let Some(cache) = cache.as_mut() {
        cache.flush()?;
    }
    let ids = inputs.into_iter().map(|(id, _)| id).collect();
    let model_name = model_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let embeddings =
        Embeddings::new(ids, encoder.dim(), rows)?.with_model(format!("{model_name} ({})", &encoder.id()[..12]));
    embeddings.save(&args.out)?;
    let summary = format!(
        "{} texts ({} distinct, {} from cache, {} encoded in {} batches) -> {} [{} x {}] on {:?} in {:.2} s ({:.0} texts/s)",
        stats.texts,
        stats.unique,
        stats.cached,
        stats.encoded,
        stats.batches,
        args.out.display(),
        embeddings.n_rows(),
        embeddings.dim(),
        device,
        seconds,
        stats.texts as f64 / seconds.max(1e-9),
    );
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_of_a_tables_jsonl_cross_chunks_and_partition_the_examples() {
        // 600 tables of two rows: 1,200 row examples over five 256-line chunks.
        let tables: Vec<hysim_core::Table> = (0..600)
            .map(|k| hysim_core::Table {
                id: format!("{k}:1"),
                header_rows: vec![vec!["Parameter".into(), "Value".into()]],
                body_rows: vec![vec!["Cmax (ng/mL)".into(), format!("{k}.5")], vec!["Tmax (h)".into(), "1".into()]],
                ..hysim_core::Table::default()
            })
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tables.jsonl");
        hysim_tables::write_tables_jsonl(&path, &tables).unwrap();
        let all = read_inputs(&path, Unit::Row, Shard::ALL).unwrap();
        assert_eq!(all.len(), 1200);
        assert_eq!((all[1].0.as_str(), all[1199].0.as_str()), ("0:1/r2", "599:1/r2"));
        let mut union = Vec::new();
        for i in 1..=7 {
            let shard = read_inputs(&path, Unit::Row, Shard::new(i, 7).unwrap()).unwrap();
            let expected: Vec<_> =
                all.iter().enumerate().filter(|(k, _)| k % 7 == i - 1).map(|(_, x)| x.clone()).collect();
            assert_eq!(shard, expected, "shard {i} of 7");
            union.extend(shard);
        }
        union.sort();
        let mut sorted = all.clone();
        sorted.sort();
        assert_eq!(union, sorted, "the shards partition the examples");
    }
}
