//! `hysim embed`: texts, tables or records → an embeddings file.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use hysim_core::{Embeddings, Record};
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
    shard: Option<String>,
    /// Also write the texts that are embedded, as JSON Lines of {"id", "text"}.
    #[arg(long, value_name = "FILE")]
    dump_texts: Option<PathBuf>,
}

/// Reads the inputs as (id, text) pairs.
fn read_inputs(path: &Path, unit: Unit) -> Result<Vec<(String, String)>> {
    let table_file = hysim_tables::is_table_file(path);
    let is_jsonl = hysim_tables::is_jsonl_file(path);
    // Table files are read by hysim-tables; only text and JSON Lines files are read here.
    let text = if table_file {
        String::new()
    } else {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?
    };
    if !is_jsonl && !table_file {
        return Ok(text.lines().enumerate().map(|(i, line)| ((i + 1).to_string(), line.to_owned())).collect());
    }
    let first: Option<serde_json::Value> = if is_jsonl {
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("{}");
        Some(serde_json::from_str(first).with_context(|| format!("{}: the first line is not JSON", path.display()))?)
    } else {
        None
    };
    if table_file || first.as_ref().is_some_and(|f| f.get("table_html").is_some()) {
        let tables: Vec<hysim_core::Table> = hysim_tables::read_tables_file(path)?;
        return Ok(match unit {
            Unit::Table => tables.iter().map(|t| (t.id.clone(), hysim_text::table_text(t))).collect(),
            Unit::Row => tables
                .iter()
                .flat_map(|t| {
                    hysim_text::row_texts(t)
                        .into_iter()
                        .enumerate()
                        .map(|(r, text)| (format!("{}/r{}", t.id, r + 1), text))
                })
                .collect(),
            Unit::Cell => tables
                .iter()
                .flat_map(|t| {
                    hysim_text::cell_texts(t)
                        .into_iter()
                        .map(|(r, c, text)| (format!("{}/r{}c{}", t.id, r + 1, c + 1), text))
                })
                .collect(),
        });
    }
    if first.as_ref().is_some_and(|f| f.get("parameter_raw").is_some()) {
        let records = Record::read_jsonl(path)?;
        return Ok(records
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("{}#{}", r.table_id, i + 1), hysim_text::record_text(r)))
            .collect());
    }
    bail!(
        "{}: unrecognised JSON Lines: expected tables (with table_html) or records (with parameter_raw)",
        path.display()
    )
}

/// Reads `--shard I/N` (1-based).
pub(crate) fn parse_shard(spec: &str) -> Result<(usize, usize)> {
    let parsed = spec.split_once('/').and_then(|(i, n)| Some((i.trim().parse().ok()?, n.trim().parse().ok()?)));
    match parsed {
        Some((i, n)) if n >= 1 && (1..=n).contains(&i) => Ok((i, n)),
        _ => bail!("invalid --shard {spec:?}: expected I/N with 1 <= I <= N"),
    }
}

pub(crate) fn run(args: &Args) -> Result<String> {
    let device = args.device.parse::<DeviceSpec>()?.resolve()?;
    let dtype: DType = args.dtype.parse()?;
    let shard = args.shard.as_deref().map(parse_shard).transpose()?;
    let mut inputs = read_inputs(&args.texts, args.unit)?;
    if let Some((i, n)) = shard {
        inputs = inputs.into_iter().enumerate().filter(|(k, _)| k % n == i - 1).map(|(_, x)| x).collect();
    }
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
