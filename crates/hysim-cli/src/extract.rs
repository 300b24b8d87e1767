//! `hysim extract INPUT... --model DIR --out records.jsonl`: records written by a
//! fine-tuned decoder (the folder `hysim train` wrote), decoded under the target grammar
//! so that every line parses, completed by the same unit and context code as `hysim
//! parse`, each with a confidence from its tokens' probabilities.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use hysim_core::{Record, Statistic};
use hysim_finetune::{Grammar, generate_constrained_batch};
use hysim_models::llama::{Config, Llama};
use hysim_nn::tch::nn::VarStore;

use crate::train::ModelJson;

/// Arguments of `hysim extract`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Table files (any format `hysim parse` reads).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// The folder `hysim train` wrote (its `best/` checkpoint, else `last/`).
    #[arg(long, value_name = "DIR")]
    model: PathBuf,
    /// Output records (JSON Lines).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// auto, cpu or cuda:N.
    #[arg(long, default_value = "auto")]
    device: String,
    /// Which trained system writes the records: `encoder` (the fast extractor), `decoder`
    /// (the fine-tuned LLM) or `auto` (the one with the better validation F1 at training).
    #[arg(long, default_value = "auto")]
    system: String,
    /// Tables processed at once: the decoder decodes them as one batch (each step reads
    /// the weights once for the batch; default 4); the encoder extractor embeds their
    /// candidates together and writes their records before the next ones (default 256).
    #[arg(long, value_name = "N")]
    batch_size: Option<std::num::NonZeroUsize>,
    /// Most tokens written per table (and never more than the decoder's training length,
    /// `max_tokens` in its train.toml, leaves after the table's prompt).
    #[arg(long, default_value_t = 768)]
    max_new_tokens: usize,
    /// Tokens of the decoder's training length that a table's prompt must more than leave
    /// for the answer: a table whose prompt leaves this many or fewer is cut by body rows
    /// into parts. The default, 0, cuts only tables whose prompt alone reaches the training
    /// length (they had been left out); more room gives long tables' answers more tokens,
    /// in more parts.
    #[arg(long, value_name = "TOKENS", default_value_t = 0)]
    answer_room: usize,
    /// Only shard I of N (1-based; table k of the inputs belongs to shard k mod N + 1), to
    /// spread a corpus over processes, as `hysim embed --shard`.
    #[arg(long, value_name = "I/N")]
    shard: Option<String>,
    /// Only the tables of papers that have values in these gold files or folders (any
    /// `hysim eval --gold` input); a table's paper is its id up to the first `:`.
    #[arg(long, num_args = 1.., value_name = "GOLD")]
    papers_in: Vec<PathBuf>,
}

struct Targets;

impl Grammar for Targets {
    fn valid_prefix(&self, answer: &str) -> bool {
        hysim_text::prompt::is_valid_answer_prefix(answer)
    }

    fn can_end(&self, answer: &str) -> bool {
        answer.is_empty() || answer.ends_with('\n')
    }
}

/// Which tables of the inputs are extracted: those of the `--papers-in` papers (all without
/// the flag), and of them shard I of N (table k of the kept ones belongs to shard k mod N + 1).
struct Selection {
    papers: Option<std::collections::HashSet<String>>,
    shard: usize,
    shards: usize,
    read: usize,
    kept: usize,
    chosen: usize,
}

impl Selection {
    fn new(args: &Args) -> Result<Self> {
        let (shard, shards) = match &args.shard {
            None => (1, 1),
            Some(s) => crate::embed::parse_shard(s)?,
        };
        let papers = if args.papers_in.is_empty() {
            None
        } else {
            let mut papers = std::collections::HashSet::new();
            for path in &args.papers_in {
                let (gold, _) = crate::eval::read_gold(path)?;
                papers.extend(gold.values.into_iter().map(|v| v.paper));
                papers.extend(gold.rows.into_iter().map(|r| r.table.split(':').next().unwrap_or_default().to_owned()));
            }
            Some(papers)
        };
        Ok(Self { papers, shard, shards, read: 0, kept: 0, chosen: 0 })
    }

    fn keep(&mut self, table: &hysim_core::Table) -> bool {
        self.read += 1;
        if let Some(papers) = &self.papers
            && !papers.contains(table.id.split(':').next().unwrap_or_default())
        {
            return false;
        }
        self.kept += 1;
        let chosen = (self.kept - 1) % self.shards == self.shard - 1;
        self.chosen += usize::from(chosen);
        chosen
    }

    fn log(&self) {
        if let Some(papers) = &self.papers {
            tracing::info!(
                kept = self.kept,
                of = self.read,
                papers = papers.len(),
                "tables of papers with gold values"
            );
        }
    }
}

pub(crate) fn run(args: &Args) -> Result<String> {
    let started = std::time::Instant::now();
    let mut selection = Selection::new(args)?;
    let model_json: ModelJson = hysim_core::io::read_json(&args.model.join("model.json"))
        .with_context(|| format!("{} is not a folder written by `hysim train`", args.model.display()))?;
    let system = match args.system.as_str() {
        "auto" => model_json.best_system(&args.model),
        "encoder" | "decoder" => args.system.clone(),
        other => bail!("--system {other}: expected auto, encoder or decoder"),
    };
    let device = args.device.parse::<hysim_nn::DeviceSpec>()?.resolve()?;
    let batch_size = |default: usize| args.batch_size.map_or(default, std::num::NonZeroUsize::get);
    let (written, used) = if system == "encoder" {
        let written = encoder_records(&args.model, &args.inputs, &mut selection, device, batch_size(256), &args.out)?;
        (written, "encoder extractor".to_owned())
    } else {
        // The decoder orders a corpus's prompts by length: it reads every table of its
        // selection first (a tables.jsonl a chunk of lines at a time, keeping its own).
        let mut tables = Vec::new();
        for path in &args.inputs {
            for chunk in hysim_tables::table_chunks(path, 256)? {
                tables.extend(chunk?.into_iter().filter(|t| selection.keep(t)));
            }
        }
        let chosen: Vec<&hysim_core::Table> = tables.iter().collect();
        let (records, used) = decoder_records(
            &args.model,
            &model_json,
            &chosen,
            device,
            args.max_new_tokens,
            args.answer_room,
            batch_size(4),
        )?;
        Record::write_jsonl(&args.out, &records)?;
        (records.len(), used)
    };
    selection.log();
    let summary = format!(
        "{} tables -> {} records in {} with {} ({used}) on {:?} in {:.1} s",
        selection.chosen,
        written,
        args.out.display(),
        args.model.display(),
        device,
        started.elapsed().as_secs_f64()
    );
    Ok(summary)
}

/// Writes the encoder extractor's records of the selected tables of `inputs` to `out`,
/// `batch` tables at a time, reading a `tables.jsonl` in chunks as it goes: what extraction
/// holds is one chunk of input and one batch's candidates, whatever the corpus size. The
/// file appears (renamed into place) only once every table is done. Returns the number of
/// records.
fn encoder_records(
    model: &std::path::Path,
    inputs: &[PathBuf],
    selection: &mut Selection,
    device: hysim_nn::tch::Device,
    batch: usize,
    out: &std::path::Path,
) -> Result<usize> {
    let extractor = crate::encoder::Extractor::load(model, device)?;
    // The bar counts the tables read: a tables.jsonl's non-blank lines are counted first
    // (one pass without parsing), another file's tables once it is read.
    let mut lines = Vec::with_capacity(inputs.len());
    for path in inputs {
        let jsonl = hysim_tables::is_jsonl_file(path);
        lines.push(if jsonl { Some(hysim_tables::count_tables_jsonl(path)?) } else { None });
    }
    let bar = tables_bar(lines.iter().flatten().sum::<u64>() as usize, "tables");
    let mut written = 0;
    // An extraction or input error is kept here and reported as itself, not as a write error.
    let mut failed: Option<anyhow::Error> = None;
    let result = hysim_core::io::atomic_write(out, |file| {
        let mut fail = |e: anyhow::Error| {
            failed = Some(e);
            std::io::Error::other("extraction failed")
        };
        let mut pending: Vec<hysim_core::Table> = Vec::new();
        let mut extract = |tables: &[hysim_core::Table], file: &mut dyn Write| -> Result<()> {
            let refs: Vec<&hysim_core::Table> = tables.iter().collect();
            for record in &extractor.records(&refs)? {
                serde_json::to_writer(&mut *file, record)?;
                file.write_all(b"\n")?;
                written += 1;
            }
            Ok(())
        };
        for (path, counted) in inputs.iter().zip(&lines) {
            for chunk in hysim_tables::table_chunks(path, batch).map_err(|e| fail(e.into()))? {
                let chunk = chunk.map_err(|e| fail(e.into()))?;
                if counted.is_none() {
                    bar.inc_length(chunk.len() as u64);
                }
                bar.inc(chunk.len() as u64);
                pending.extend(chunk.into_iter().filter(|t| selection.keep(t)));
                while pending.len() >= batch {
                    let rest = pending.split_off(batch);
                    extract(&pending, file).map_err(&mut fail)?;
                    pending = rest;
                }
            }
        }
        extract(&pending, file).map_err(&mut fail)
    });
    bar.finish_and_clear();
    result.map_err(|e| failed.take().unwrap_or_else(|| e.into()))?;
    Ok(written)
}

/// A progress bar over tables.
fn tables_bar(n: usize, what: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(n as u64).with_style(
        indicatif::ProgressStyle::with_template(&format!("{{msg}} [{{bar:40}}] {{pos}}/{{len}} {what} ({{eta}} left)"))
            .expect("invariant: the template is valid")
            .progress_chars("=> "),
    );
    bar.set_message("extracting");
    bar
}

/// Records of `tables` written by the fine-tuned decoder of `model` (its `best/`
/// checkpoint, else `last/`), and the checkpoint's name.
pub(crate) fn decoder_records(
    model: &std::path::Path,
    model_json: &ModelJson,
    tables: &[&hysim_core::Table],
    device: hysim_nn::tch::Device,
    max_new_tokens: usize,
    answer_room: usize,
    batch_size: usize,
) -> Result<(Vec<Record>, String)> {
    let checkpoint = ["best", "last"]
        .iter()
        .map(|c| model.join(c))
        .find(|c| c.join("trainable.safetensors").is_file())
        .with_context(|| format!("no checkpoint (best/ or last/) in {}", model.display()))?;
    let base = model_json.base_gguf.as_ref().with_context(|| format!("{} holds no decoder", model.display()))?;
    let gguf = hysim_nn::gguf::Gguf::open(base)?;
    let tok = hysim_models::gguf::tokenizer(&gguf, usize::MAX / 2)?;
    let cfg = Config::from_gguf(&gguf)?;
    let mut vs = VarStore::new(device);
    let mut model = Llama::with_lora(vs.root(), &cfg, model_json.lora.as_ref())?;
    Llama::load_gguf(&mut vs, &gguf, &cfg)?;
    // The checkpoint holds the trained variables (the LoRA adapters, or every weight).
    let trained = hysim_nn::tch::Tensor::read_safetensors(checkpoint.join("trainable.safetensors"))
        .with_context(|| format!("cannot read {}", checkpoint.join("trainable.safetensors").display()))?;
    {
        let _guard = hysim_nn::tch::no_grad_guard();
        let vars = vs.variables();
        for (name, value) in &trained {
            let var = vars
                .get(name)
                .with_context(|| format!("{}: the model has no variable {name}", checkpoint.display()))?;
            if var.size() != value.size() {
                bail!("{}: {name} has shape {:?}, the model {:?}", checkpoint.display(), value.size(), var.size());
            }
            var.shallow_clone().copy_(value);
        }
        let missing: Vec<&String> = vars
            .keys()
            .filter(|n| hysim_models::llama::is_lora_variable(n) && !trained.iter().any(|(t, _)| t == *n))
            .collect();
        if !missing.is_empty() {
            bail!("{}: {} adapter variable(s) missing, such as {}", checkpoint.display(), missing.len(), missing[0]);
        }
    }
    // The adapters folded into the (float32) base weights: one matrix product per projection.
    model.merge_lora();
    // A decoder trained in mixed precision decodes in it too on a CPU with bfloat16
    // arithmetic; on a GPU in float32 (`DType::inference_on` says why).
    let trained = model_json.dtype.as_deref().and_then(|d| d.parse::<hysim_nn::DType>().ok()).unwrap_or_default();
    if trained.inference_on(device) == hysim_nn::DType::Bf16 {
        Llama::cast_base(&vs, hysim_nn::tch::Kind::BFloat16);
    }
    let vocab = cfg.vocab_size as u32;
    let texts: Vec<String> = (0..vocab).map(|id| tok.decode(&[id]).unwrap_or_default()).collect();
    let end = tok.encode("<|im_end|>")?.first().copied().map(i64::from).context("the tokenizer has no <|im_end|>")?;
    let banned: Vec<i64> =
        (0..vocab).filter(|&id| texts[id as usize].starts_with("<|") && i64::from(id) != end).map(i64::from).collect();
    // A table whose prompt leaves `answer_room` or fewer tokens of the decoder's training
    // length for the answer (by default: a prompt that reaches it) is cut by body rows into
    // parts that leave more (`table_parts`, which keeps each part's encoded prompt), halving
    // down to single rows. A part still as long as the training length (one long row) is
    // left out: it is outside what the decoder learnt. Parts are decoded longest first in
    // batches of similar length (less padding). Measured on the default run's 18
    // decoder tables (`--answer-room 0` against 192, a quarter of its 768 tokens): the two
    // tables that had been left out gave 2 more curated values either way; the room cut
    // three more tables and added 69 records that matched none (F1 0.099 against 0.077).
    let encode = |t: &hysim_core::Table| -> Result<Vec<i64>> {
        Ok(tok.encode(&hysim_text::prompt::extraction_prompt(t))?.into_iter().map(i64::from).collect())
    };
    let mut prompts: Vec<((usize, usize), Vec<i64>)> = Vec::new();
    let (mut too_long, mut cut, mut parts_left_out) = (0, 0, 0);
    for (k, table) in tables.iter().enumerate() {
        // A prompt that cannot be encoded stops the cutting; its error is reported below.
        let parts = hysim_text::prompt::table_parts(table, |part, _| {
            let prompt = encode(part);
            (prompt.as_ref().map_or(true, |p| p.len() + answer_room < model_json.max_tokens), prompt)
        });
        let n_parts = parts.len();
        let before = prompts.len();
        for (j, (_, _, prompt)) in parts.into_iter().enumerate() {
            let prompt = prompt.with_context(|| format!("table {}", table.id))?;
            if prompt.len() < model_json.max_tokens {
                prompts.push(((k, j), prompt));
            }
        }
        let kept = prompts.len() - before;
        if kept == 0 {
            too_long += 1;
        } else {
            cut += usize::from(n_parts > 1);
            parts_left_out += n_parts - kept;
        }
    }
    prompts.sort_by_key(|(_, p)| std::cmp::Reverse(p.len()));
    let bar = tables_bar(prompts.len(), if cut > 0 { "tables and parts" } else { "tables" });
    let mut answers: Vec<((usize, usize), Vec<hysim_finetune::Piece>)> = Vec::new();
    for chunk in prompts.chunks(batch_size.max(1)) {
        let batch: Vec<Vec<i64>> = chunk.iter().map(|(_, p)| p.clone()).collect();
        // The decoder learnt on prompts and answers of at most `max_tokens` together: no
        // answer it writes is longer than that leaves after its own prompt.
        let limits: Vec<usize> =
            batch.iter().map(|p| max_new_tokens.min(model_json.max_tokens.saturating_sub(p.len()))).collect();
        let pieces = generate_constrained_batch(&model, &batch, &texts, end, &banned, &Targets, &limits, device);
        answers.extend(chunk.iter().map(|(k, _)| *k).zip(pieces));
        bar.inc(chunk.len() as u64);
    }
    answers.sort_by_key(|(k, _)| *k);
    let mut records: Vec<Record> = Vec::new();
    for ((k, _), pieces) in &answers {
        let table = tables[*k];
        let context = hysim_tables::table_context(table);
        // Split the answer into lines, each with the mean log-probability of its tokens.
        let mut line = String::new();
        let mut logprob = (0.0, 0usize);
        for piece in pieces {
            line.push_str(&piece.text);
            logprob = (logprob.0 + piece.logprob, logprob.1 + 1);
            while let Some(i) = line.find('\n') {
                let whole: String = line.drain(..=i).collect();
                if let Some(Ok(t)) = hysim_text::prompt::parse_target(&whole).into_iter().next() {
                    let mut r = hysim_tables::model_record(
                        table,
                        &context,
                        &t.parameter,
                        &t.value,
                        t.unit.as_deref(),
                        Statistic::from_name(&t.statistic).unwrap_or(Statistic::Mean),
                        t.group.as_deref(),
                    );
                    // The geometric mean of the line's token probabilities, mapped to the
                    // share of right records on validation where training fitted that.
                    let raw = (logprob.0 / logprob.1.max(1) as f64).exp().clamp(0.0, 1.0);
                    r.confidence = Some(model_json.decoder_calibration.map_or(raw, |p| p.apply(raw)));
                    records.push(r);
                }
                logprob = (0.0, 0);
            }
        }
    }
    bar.finish_and_clear();
    if too_long > 0 || parts_left_out > 0 {
        tracing::warn!(
            tables = too_long,
            parts = parts_left_out,
            max_tokens = model_json.max_tokens,
            "tables (or single rows of tables cut by rows) whose prompt reaches the decoder's training length were left out"
        );
    }
    let used = format!(
        "decoder, {}; {cut} of {} tables cut by rows into parts, {too_long} left out (prompt reaching its {}-token training length{})",
        checkpoint.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        tables.len(),
        model_json.max_tokens,
        if parts_left_out > 0 { format!("; {parts_left_out} parts of others too") } else { String::new() },
    );
    Ok((records, used))
}
