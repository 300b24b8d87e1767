//! `hysim extract INPUT... --model DIR --out records.jsonl`: records written by a trained
//! system of the folder `hysim train` wrote (`hysim_extract::extract`): the encoder
//! extractor, or the fine-tuned decoder under the target grammar, each record with a
//! confidence.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use hysim_core::{ModelDir, Shard};
use hysim_extract::decoder::DecodeOptions;
use hysim_extract::extract::Selection;
use hysim_extract::{ModelCard, System};

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
    /// Most tokens written for a table whose prompt carries none of the reader's readings
    /// (every line the decoder's addition); default: --max-new-tokens.
    #[arg(long, value_name = "TOKENS")]
    max_added_tokens: Option<usize>,
    /// Tokens of the decoder's training length that a table's prompt must more than leave
    /// for the answer: a table whose prompt leaves this many or fewer is cut by body rows
    /// into parts. The default, 0, cuts only tables whose prompt alone reaches the training
    /// length (they had been left out); more room gives long tables' answers more tokens,
    /// in more parts. A decoder trained with the reader's readings in its prompt also cuts
    /// a table whose prompt leaves no room for the answer that confirms them all, or whose
    /// such answer exceeds --max-new-tokens.
    #[arg(long, value_name = "TOKENS", default_value_t = 0)]
    answer_room: usize,
    /// Decode every table one token a forward pass, in batches, instead of checking the
    /// answer that confirms the reader's readings many tokens a pass (a decoder trained with
    /// readings in its prompt; the same records up to float rounding, measured slower).
    #[arg(long)]
    no_draft: bool,
    /// Let the decoder's first token alone decide whether a table reports anything. By
    /// default a table whose prompt carries the reader's readings (PK results the reader
    /// read) is answered with at least one line, and the decoder says which cells are what.
    #[arg(long)]
    model_decides: bool,
    /// Let the decoder name any value cell of a table whose prompt carries readings; by
    /// default it confirms, corrects or leaves out the reader's readings there (tables the
    /// reader read nothing in are open to every value cell either way). With `--any-cell`
    /// and `--model-decides`, a decoder trained with `[model] prompt = "reader"` (one
    /// trained in verdict form, the default, gives each reading its line either way).
    #[arg(long)]
    any_cell: bool,
    /// Write every verdict of the decoder as it decided, without the gate its training
    /// fitted on validation tables (which keeps the reader's reading where the decoder's
    /// changes, leave-outs or additions did not raise the validation F1; the train summary
    /// and `model.json` say what it admits).
    #[arg(long)]
    raw_verdicts: bool,
    /// Only shard I of N (1-based; table k of the inputs belongs to shard k mod N + 1), to
    /// spread a corpus over processes, as `hysim embed --shard`.
    #[arg(long, value_name = "I/N")]
    shard: Option<Shard>,
    /// Only the tables of papers that have values in these gold files or folders (any
    /// `hysim eval --gold` input); a table's paper is its id up to the first `:`.
    #[arg(long, num_args = 1.., value_name = "GOLD")]
    papers_in: Vec<PathBuf>,
}

pub(crate) fn run(args: &Args) -> Result<String> {
    let started = std::time::Instant::now();
    let papers = if args.papers_in.is_empty() {
        None
    } else {
        let mut papers = std::collections::HashSet::new();
        for path in &args.papers_in {
            papers.extend(hysim_eval::gold::Gold::read(path)?.0.papers());
        }
        Some(papers)
    };
    let mut selection = Selection::new(papers, args.shard.unwrap_or_default());
    let model = ModelDir::new(&args.model);
    let card = ModelCard::read(&model)
        .with_context(|| format!("{} is not a folder written by `hysim train`", args.model.display()))?;
    let system = match args.system.as_str() {
        "auto" => card.best_system(&model),
        "encoder" => System::Encoder,
        "decoder" => System::Decoder,
        other => bail!("--system {other:?}: expected auto, encoder or decoder"),
    };
    let device = args.device.parse::<hysim_nn::DeviceSpec>()?.resolve()?;
    let default_batch = if system == System::Encoder { 256 } else { 4 };
    let options = DecodeOptions {
        max_new_tokens: args.max_new_tokens,
        max_added_tokens: args.max_added_tokens.unwrap_or(0),
        answer_room: args.answer_room,
        draft: !args.no_draft,
        answer_read_tables: !args.model_decides,
        read_cells_only: !args.any_cell,
        batch_size: args.batch_size.map_or(default_batch, std::num::NonZeroUsize::get),
        perturb: None,
        raw_verdicts: args.raw_verdicts,
    };
    let bar = crate::progress::Bar::new();
    let done = hysim_extract::extract::extract(
        &model,
        system,
        &args.inputs,
        &mut selection,
        device,
        options,
        &args.out,
        &bar,
    )?;
    selection.log();
    Ok(format!(
        "{} tables -> {} records in {} with {} ({}) on {:?} in {:.1} s",
        selection.chosen(),
        done.records,
        args.out.display(),
        args.model.display(),
        done.used,
        device,
        started.elapsed().as_secs_f64()
    ))
}
