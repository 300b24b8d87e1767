//! The decoder extractor, grounded in the table's cells: a causal LM (SmolLM2 by default,
//! from its GGUF) fine-tuned with LoRA (or fully) under HySim weights to answer a table
//! whose value cells carry ids (and, with `[model] prompt = "verdicts"` or `"reader"`, the
//! rule-based reader's reading of each cell it read, to confirm, correct or leave out) with
//! one line per value: its cell, parameter code and statistic (`hysim_text::prompt`); in
//! verdict form, one line per reading in order, `-` for a reading left out. Decoding is constrained to that table's cell ids, the
//! vocabulary's codes and the schema's statistics; each record is then read from its cell
//! by the rule-based reader's code (`hysim_tables::CellReader`), so its value is printed in
//! the table and its provenance is the cell. A record's confidence is the geometric mean of
//! its decision's token probabilities (its code and statistic), calibrated on validation
//! records where training fitted that. Which of its decisions against the reader's readings
//! extraction writes is the gate's (`crate::gate`).

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use hysim_core::{ModelDir, Record, Table};
use hysim_finetune::{Draft, Example, Grammar, Trainer, generate_constrained_batch, generate_drafted};
use hysim_models::llama::{Config, Llama, is_lora_variable};
use hysim_nn::DType;
use hysim_nn::tch::Device;
use hysim_nn::tch::nn::VarStore;
use hysim_tables::CellReader;
use hysim_text::prompt::{AnswerGrammar, CellId, Pointer, Prompt, extraction_prompt};

use crate::card::ModelCard;
use crate::gate::{Decision, Gate, Verdict};
use crate::perturb::{Perturb, TableReadings};
use crate::progress::Progress;
use crate::settings::{PromptReadings, TrainSettings};
use crate::{Error, Result};

/// The answer lines one prompt admits.
/// With `must_answer`, the answer has at least one line (see
/// [`DecodeOptions::answer_read_tables`]).
struct Cells {
    grammar: AnswerGrammar,
    must_answer: bool,
}

impl Grammar for Cells {
    fn valid_prefix(&self, answer: &str) -> bool {
        self.grammar.is_valid_prefix(answer)
    }

    fn can_end(&self, answer: &str) -> bool {
        self.grammar.can_end(answer) && !(self.must_answer && answer.is_empty())
    }
}

/// One prompt to decode: its table and part, tokens, grammar and draft (empty: none).
struct Part {
    key: (usize, usize),
    prompt: Vec<i64>,
    grammar: Cells,
    draft: Draft,
    /// The readings the prompt gives its cells.
    readings: Vec<Pointer>,
}

/// A prompt's tokens, its grammar, the tokens of the answer confirming its readings, and
/// its readings.
type Encoded = (Vec<i64>, Cells, Vec<i64>, Vec<Pointer>);

/// The prompt of a table, or of its body rows from `first_row` on (a part); with `readings`
/// (the whole table's), each value cell with a reading carries it.
fn prompt(part: &Table, first_row: usize, readings: Option<&TableReadings>) -> Prompt {
    // Cells that hold a number, where the reader's conventions allow a PK value (not a P
    // value, a difference or a comparison of groups): the model can point at no other.
    let is_value =
        |row: usize, col: usize, text: &str| CellReader::is_value(text) && hysim_tables::may_hold_value(part, row, col);
    extraction_prompt(part, first_row, is_value, |cell| readings?.reading(cell))
}

/// LoRA (or full) fine-tuning of the decoder on `train_tables` (validation on
/// `val_tables`), each example's loss weighted by `weight_of` its table id; writes `best/`,
/// `last/` and `fit.json` into the settings' model folder. Returns a summary line.
#[allow(clippy::too_many_arguments, reason = "the pieces of one training run, each used once")]
pub fn train(
    cfg: &TrainSettings,
    dtype: DType,
    resume: bool,
    gguf_path: &Path,
    train_tables: &[&Table],
    val_tables: &[&Table],
    gold: &HashMap<&str, Vec<Record>>,
    weight_of: &dyn Fn(&str) -> f64,
    device: Device,
    progress: &dyn Progress,
) -> Result<String> {
    let started = std::time::Instant::now();
    let model_dir = ModelDir::new(&cfg.out);
    let gguf = hysim_nn::gguf::Gguf::open(gguf_path)?;
    let tok = hysim_models::gguf::tokenizer(&gguf, usize::MAX / 2)?;
    let (mut skipped_long, mut cut) = (0, 0);
    // Training and validation prompts alike carry perturbed readings in the configured
    // share of tables (`crate::perturb`).
    let perturb = (cfg.model.prompt.has_readings() && cfg.data.perturb_readings > 0.0)
        .then_some(Perturb { tables: cfg.data.perturb_readings, seed: cfg.fit.seed });
    let mut examples = |tables: &[&Table], weighted: bool| -> Result<Vec<Example>> {
        let mut out = Vec::new();
        for table in tables {
            // A table without gold records answers with no line.
            let records = gold.get(table.id.as_str()).map_or(&[][..], Vec::as_slice);
            let reader = cfg.model.prompt.has_readings().then(|| CellReader::new(table));
            let readings = reader.as_ref().map(|r| TableReadings::new(r, &table.id, perturb));
            // Prompt and answer of `part`, the table's body rows `rows`.
            // (The answer names the cells of the part's rows: gold records name theirs.)
            let encode = |part: &Table, rows: &Range<usize>| -> Result<(Vec<u32>, Vec<u32>)> {
                let prompt = prompt(part, rows.start, readings.as_ref());
                let answer = if cfg.model.prompt == PromptReadings::Verdicts {
                    hysim_text::prompt::verdict_text(records, &prompt)
                } else {
                    hysim_text::prompt::target_text(records, &prompt)
                };
                Ok((tok.encode(&prompt.text)?, tok.encode(&answer)?))
            };
            // With `cut_long`, a table too long with its answer is cut by body rows into
            // parts that fit, as extraction cuts one (each part's answer the records of its
            // cells); else it is left out. A part that cannot be encoded stops the cutting;
            // its error is reported below.
            let encoded = if cfg.data.cut_long {
                hysim_text::prompt::table_parts(table, |part, rows| {
                    let encoded = encode(part, &rows);
                    let fits = encoded.as_ref().map_or(true, |(p, t)| p.len() + t.len() <= cfg.data.max_tokens);
                    (fits, encoded)
                })
                .into_iter()
                .map(|(_, _, encoded)| encoded)
                .collect()
            } else {
                vec![encode(table, &(0..table.body_rows.len()))]
            };
            cut += usize::from(encoded.len() > 1);
            for encoded in encoded {
                let (prompt, target) = encoded.map_err(|e| match e {
                    Error::Text(source) => Error::Prompt { table: table.id.clone(), source },
                    other => other,
                })?;
                if prompt.len() + target.len() > cfg.data.max_tokens {
                    skipped_long += 1;
                    continue;
                }
                let input_ids: Vec<i64> = prompt.iter().chain(&target).map(|&t| i64::from(t)).collect();
                let labels: Vec<i64> =
                    std::iter::repeat_n(-100, prompt.len()).chain(target.iter().map(|&t| i64::from(t))).collect();
                let weight = if weighted { weight_of(&table.id) } else { 1.0 };
                out.push(Example { input_ids, labels, weight });
            }
        }
        Ok(out)
    };
    let train = examples(train_tables, true)?;
    let val = examples(val_tables, false)?;
    if train.is_empty() {
        return Err(Error::NoTrainingData {
            reason: format!("no decoder training example within {} tokens", cfg.data.max_tokens),
        });
    }
    tracing::info!(train = train.len(), validation = val.len(), cut, skipped_long, "decoder examples");
    let model_cfg = Config::from_gguf(&gguf)?;
    let mut vs = VarStore::new(device);
    // The adapters' random initialisation from `[fit] seed`, not from whatever the
    // generator holds after the encoder extractor trained: the same decoder whether one
    // system trains or both.
    let model = hysim_nn::seeded(cfg.fit.seed, || Llama::with_lora(vs.root(), &model_cfg, cfg.lora.as_ref()))?;
    Llama::load_gguf(&mut vs, &gguf, &model_cfg)?;
    drop(gguf);
    if dtype != DType::F32 {
        Llama::cast_base(&vs, dtype.kind());
    }
    let mut trainer = if resume && model_dir.has_last_checkpoint() {
        Trainer::resume(&vs, &model_dir.last())?
    } else if resume {
        return Err(Error::ModelDir {
            dir: model_dir.last(),
            problem: "--resume needs a checkpoint from an earlier run here".to_owned(),
        });
    } else if cfg.lora.is_some() {
        Trainer::new(&vs, cfg.train.clone(), is_lora_variable)?
    } else {
        Trainer::new(&vs, cfg.train.clone(), |_| true)?
    };
    let loss = |batch: &[&Example]| {
        let b = hysim_finetune::collate(batch, 0).expect("invariant: examples were checked when built");
        // Logits where the answer's tokens are predicted only (`decision_weighted_loss_at`).
        let input_ids = b.input_ids.to_device(device);
        hysim_finetune::decision_weighted_loss_at(
            |positions| model.forward_at(&input_ids, positions),
            &b.labels,
            &b.weights,
            cfg.model.decision_weight,
            device,
        )
    };
    let total = cfg.train.total_steps;
    progress.start(total, "steps", "training");
    progress.set(trainer.step());
    // A resumed run keeps the interrupted run's history and best validation.
    let previous = if resume {
        hysim_core::io::read_json::<hysim_finetune::FitReport>(&model_dir.fit_report()).unwrap_or_default()
    } else {
        hysim_finetune::FitReport::default()
    };
    let report = hysim_finetune::fit_from(
        previous,
        &mut trainer,
        &loss,
        &train,
        &val,
        total,
        &cfg.fit,
        Some(&cfg.out),
        &mut |step, l| {
            progress.set(step);
            progress.message(&format!("training, loss {l:.4}"));
        },
    )?;
    progress.finish();
    hysim_core::io::write_json(&model_dir.fit_report(), &report)?;
    let best = report.best.map_or_else(
        || "no validation loss ([fit] eval_every = 0)".to_owned(),
        |b| {
            let what = if val.is_empty() { "training loss (no validation example)" } else { "validation loss" };
            format!("best {what} {:.4} at step {}", b.val_loss, b.step)
        },
    );
    Ok(format!(
        "decoder: {} training and {} validation examples ({} tables cut by rows into parts within {} tokens, {} tables or parts over it skipped), {} steps on {:?} in {}{}: {} in {:.1} s",
        train.len(),
        val.len(),
        cut,
        cfg.data.max_tokens,
        skipped_long,
        report.steps,
        device,
        if dtype == DType::F32 { "float32" } else { "bfloat16 with float32 adapters" },
        if report.stopped_early { ", stopped early" } else { "" },
        best,
        started.elapsed().as_secs_f64()
    ))
}

/// How the decoder extracts.
#[derive(Debug, Clone, Copy)]
pub struct DecodeOptions {
    /// Most tokens written per table (never more than the training length leaves after the
    /// table's prompt).
    pub max_new_tokens: usize,
    /// Most tokens written for a table (or part) whose prompt carries no readings, where
    /// every line is the decoder's addition (0: `max_new_tokens`). Such answers run long
    /// where the decoder has not learnt that a table holds no PK results, and a batch
    /// decodes until its longest answer ends: a cap bounds the decoding time of such tables.
    pub max_added_tokens: usize,
    /// Tokens of the training length a prompt must more than leave for the answer: a
    /// table whose prompt leaves this many or fewer is cut by body rows into parts (with
    /// readings in the prompt, also one that leaves no room for the answer confirming them
    /// all, or whose such answer exceeds `max_new_tokens`).
    pub answer_room: usize,
    /// Tables (or parts) decoded as one batch.
    pub batch_size: usize,
    /// With the reader's readings in the prompt, decode each table with the answer that
    /// confirms them as draft (`hysim_finetune::generate_drafted`: the same answer, in far
    /// fewer forward passes where the model confirms readings); tables without readings
    /// are decoded in batches.
    pub draft: bool,
    /// A table (or part) whose prompt carries readings is answered with at least one line:
    /// the reader read PK results in it, and the decoder says which of its cells are what.
    /// Its first token otherwise decides alone whether the table reports anything, and at
    /// the CPU budget that decision follows the training corpus's mix more than the table
    /// (docs/MODELS.md). Tables without readings are the decoder's to answer or not.
    pub answer_read_tables: bool,
    /// A table (or part) whose prompt carries readings is answered on the cells the reader
    /// read only: the decoder confirms, corrects or leaves out each reading. In a table
    /// whose layout the reader understood, a value cell it left unread is one its
    /// conventions exclude (a dose or covariate column, a count, a subject's covariate),
    /// and the training answers name such a cell almost never (3 of 2,903 lines of the
    /// default corpus); the decoder's lines there were 195 of the default run's 584
    /// records, none of them a curated value (docs/MODELS.md). Tables without readings
    /// are open to every value cell. (A decoder trained in verdict form answers on the read
    /// cells, each in its line, whatever these two options say.)
    pub read_cells_only: bool,
    /// The readings of the prompts perturbed as a reader errs (`crate::perturb`): for the
    /// records the decoder's confidence is calibrated on, never for extraction.
    pub perturb: Option<Perturb>,
    /// Every verdict written as the decoder decided, without the gate training fitted on
    /// validation tables (`crate::gate`; a card without a gate is read as raw anyway).
    pub raw_verdicts: bool,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        Self {
            max_new_tokens: 768,
            max_added_tokens: 0,
            answer_room: 0,
            batch_size: 4,
            draft: true,
            answer_read_tables: true,
            read_cells_only: true,
            perturb: None,
            raw_verdicts: false,
        }
    }
}

/// Records of `tables` written by the fine-tuned decoder of `model` (its `best/`
/// checkpoint, else `last/`) under the card's gate on its verdicts (none with
/// `options.raw_verdicts`), and a line saying which checkpoint, how tables were cut and
/// what the gate admitted.
pub fn records(
    model: &ModelDir,
    card: &ModelCard,
    tables: &[&Table],
    device: Device,
    options: DecodeOptions,
    progress: &dyn Progress,
) -> Result<(Vec<Record>, String)> {
    let (decisions, used) = decisions(model, card, tables, device, options, progress)?;
    let raw = Gate::RAW;
    let gate = card.decoder_gate.as_ref().filter(|_| !options.raw_verdicts).unwrap_or(&raw);
    let how = if card.decoder_gate.is_none() {
        "every verdict as decided (the model has no gate)"
    } else if options.raw_verdicts {
        "every verdict as decided (--raw-verdicts)"
    } else {
        "under the gate fitted on validation"
    };
    let used = format!("{used}; verdicts {how}: {}", crate::gate::summary(&decisions, gate));
    Ok((gate.records(&decisions), used))
}

/// The decoder's decisions on the cells of `tables` (`crate::gate`): for every line it
/// writes and every reading of its prompts it gives no line, its record and the
/// reading's; and the line [`records`] reports.
pub fn decisions(
    model: &ModelDir,
    card: &ModelCard,
    tables: &[&Table],
    device: Device,
    options: DecodeOptions,
    progress: &dyn Progress,
) -> Result<(Vec<Decision>, String)> {
    let no_decoder = |problem: &str| Error::ModelDir { dir: model.root().to_path_buf(), problem: problem.to_owned() };
    let checkpoint = model.decoder_checkpoint().ok_or_else(|| no_decoder("no checkpoint (best/ or last/)"))?;
    let base = card.base_gguf.as_ref().ok_or_else(|| no_decoder("holds no decoder"))?;
    let gguf = hysim_nn::gguf::Gguf::open(base)?;
    let tok = hysim_models::gguf::tokenizer(&gguf, usize::MAX / 2)?;
    let cfg = Config::from_gguf(&gguf)?;
    let mut vs = VarStore::new(device);
    let mut decoder = Llama::with_lora(vs.root(), &cfg, card.lora.as_ref())?;
    Llama::load_gguf(&mut vs, &gguf, &cfg)?;
    // The checkpoint holds the trained variables: the LoRA adapters, or every weight.
    let weights = checkpoint.join(ModelDir::CHECKPOINT_WEIGHTS);
    let mode =
        if card.lora.is_some() { hysim_nn::LoadMode::Only(is_lora_variable) } else { hysim_nn::LoadMode::Strict };
    let report = hysim_nn::load_safetensors(&mut vs, &[&weights], mode)?;
    if let Some(name) = report.unexpected.first() {
        return Err(Error::ModelDir {
            dir: checkpoint,
            problem: format!("the model has no variable {name} ({} such tensors)", report.unexpected.len()),
        });
    }
    // The adapters folded into the (float32) base weights: one matrix product per projection.
    decoder.merge_lora();
    // A decoder trained in mixed precision decodes in it too on a CPU with bfloat16
    // arithmetic; on a GPU in float32 (`DType::inference_on` says why).
    let trained = card.dtype.as_deref().and_then(|d| d.parse::<DType>().ok()).unwrap_or_default();
    if trained.inference_on(device) == DType::Bf16 {
        Llama::cast_base(&vs, hysim_nn::tch::Kind::BFloat16);
    }
    let vocab = cfg.vocab_size as u32;
    let texts: Vec<String> = (0..vocab).map(|id| tok.decode(&[id]).unwrap_or_default()).collect();
    let end = tok
        .encode("<|im_end|>")?
        .first()
        .copied()
        .map(i64::from)
        .ok_or_else(|| no_decoder("the decoder's tokenizer has no <|im_end|>"))?;
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
    // The reader of each table: the readings its prompt carries (as the model was trained)
    // and the records of the cells the model points at.
    let readers: Vec<CellReader> = tables.iter().map(|t| CellReader::new(t)).collect();
    let readings: Vec<TableReadings> =
        readers.iter().zip(tables).map(|(r, t)| TableReadings::new(r, &t.id, options.perturb)).collect();
    let with_readings = card.prompt.has_readings();
    // A prompt, its grammar and the tokens of the answer its readings give (the lines that
    // confirm every reading; none without readings).
    let encode = |part: &Table, first_row: usize, readings: &TableReadings| -> hysim_text::Result<Encoded> {
        let prompt = prompt(part, first_row, with_readings.then_some(readings));
        let ids = tok.encode(&prompt.text)?.into_iter().map(i64::from).collect();
        let confirmed = hysim_text::prompt::answer_lines(&prompt.readings);
        let answer = if confirmed.is_empty() { Vec::new() } else { tok.encode(&confirmed)? };
        let grammar = Cells {
            grammar: if card.prompt == PromptReadings::Verdicts {
                AnswerGrammar::verdicts(&prompt)
            } else if options.read_cells_only {
                AnswerGrammar::read_cells(&prompt)
            } else {
                AnswerGrammar::new(&prompt)
            },
            must_answer: options.answer_read_tables && !answer.is_empty(),
        };
        Ok((ids, grammar, answer.into_iter().map(i64::from).collect(), prompt.readings))
    };
    let mut prompts: Vec<Part> = Vec::new();
    let (mut too_long, mut cut, mut parts_left_out) = (0, 0, 0);
    for (k, table) in tables.iter().enumerate() {
        // A prompt that cannot be encoded stops the cutting; its error is reported below.
        // With readings, a part must also leave room for the answer that confirms them all
        // (training cut tables so that prompt and answer fit) and that answer must fit
        // within `max_new_tokens`.
        let parts = hysim_text::prompt::table_parts(table, |part, rows| {
            let prompt = encode(part, rows.start, &readings[k]);
            let fits = prompt.as_ref().map_or(true, |(p, _, answer, _)| {
                p.len() + options.answer_room.max(answer.len()) < card.max_tokens
                    && answer.len() <= options.max_new_tokens
            });
            (fits, prompt)
        });
        let n_parts = parts.len();
        let before = prompts.len();
        for (j, (_, _, prompt)) in parts.into_iter().enumerate() {
            let (prompt, grammar, answer, readings) =
                prompt.map_err(|source| Error::Prompt { table: table.id.clone(), source })?;
            if prompt.len() < card.max_tokens {
                let draft = if options.draft { Draft::new(&answer, &texts) } else { Draft::default() };
                prompts.push(Part { key: (k, j), prompt, grammar, draft, readings });
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
    // Parts with a draft one at a time, the others in batches; longest first.
    prompts.sort_by_key(|p| (p.draft.is_empty(), std::cmp::Reverse(p.prompt.len())));
    let drafted = prompts.iter().filter(|p| !p.draft.is_empty()).count();
    // The decoder learnt on prompts and answers of at most `max_tokens` together: no
    // answer it writes is longer than that leaves after its own prompt.
    let limit = |p: &[i64]| options.max_new_tokens.min(card.max_tokens.saturating_sub(p.len()));
    // A prompt without readings: every line an addition.
    let added_limit = |p: &[i64]| match options.max_added_tokens {
        0 => limit(p),
        cap => cap.min(limit(p)),
    };
    progress.start(prompts.len(), if cut > 0 { "tables and parts" } else { "tables" }, "extracting");
    let mut answers: Vec<((usize, usize), Vec<hysim_finetune::Piece>)> = Vec::new();
    let (mut passes, mut accepted) = (0, 0);
    let clock = std::time::Instant::now();
    for Part { key, prompt, grammar, draft, .. } in &prompts[..drafted] {
        let got = generate_drafted(&decoder, prompt, draft, &texts, end, &banned, grammar, limit(prompt), device);
        (passes, accepted) = (passes + got.passes, accepted + got.accepted);
        answers.push((*key, got.pieces));
        progress.advance(1);
    }
    let drafted_seconds = clock.elapsed().as_secs_f64();
    for chunk in prompts[drafted..].chunks(options.batch_size.max(1)) {
        let batch: Vec<Vec<i64>> = chunk.iter().map(|p| p.prompt.clone()).collect();
        let grammars: Vec<&dyn Grammar> = chunk.iter().map(|p| &p.grammar as &dyn Grammar).collect();
        let limits: Vec<usize> = chunk
            .iter()
            .map(|p| if p.readings.is_empty() { added_limit(&p.prompt) } else { limit(&p.prompt) })
            .collect();
        let pieces = generate_constrained_batch(&decoder, &batch, &texts, end, &banned, &grammars, &limits, device);
        // A pass per token of the longest row, and one more for a row that stopped before
        // its limit (the pass that chose its end).
        passes += pieces.iter().zip(&limits).map(|(p, &l)| p.len() + usize::from(p.len() < l)).max().unwrap_or(0);
        answers.extend(chunk.iter().map(|p| p.key).zip(pieces));
        progress.advance(chunk.len());
    }
    let batched_seconds = clock.elapsed().as_secs_f64() - drafted_seconds;
    answers.sort_by_key(|(k, _)| *k);
    let readings_of: HashMap<(usize, usize), &[Pointer]> =
        prompts.iter().map(|p| (p.key, p.readings.as_slice())).collect();
    let mut decisions: Vec<Decision> = Vec::new();
    for (key, pieces) in &answers {
        let (k, part) = *key;
        // Whether the answer says anything, and how sure its first token was (an empty
        // answer's end token is not a piece): the table-level decision, for diagnosis.
        tracing::debug!(
            table = tables[k].id,
            part,
            tokens = pieces.len(),
            first = pieces.first().map(|p| p.logprob.exp()),
            "answer"
        );
        let cells = &readers[k];
        let lines = answer_lines(pieces);
        decisions.extend(judge_lines(cells, readings_of.get(key).copied().unwrap_or_default(), lines, |raw| {
            // Mapped to the share of right records on validation where training fitted that.
            card.decoder_calibration.map_or(raw, |p| p.apply(raw))
        }));
    }
    progress.finish();
    if too_long > 0 || parts_left_out > 0 {
        tracing::warn!(
            tables = too_long,
            parts = parts_left_out,
            max_tokens = card.max_tokens,
            "tables (or single rows of tables cut by rows) whose prompt reaches the decoder's training length were left out"
        );
    }
    let new_tokens: usize = answers.iter().map(|(_, pieces)| pieces.len()).sum();
    let written = decisions.iter().filter(|d| d.decoder.is_some()).count();
    let used = format!(
        "decoder, {}; {cut} of {} tables cut by rows into parts, {too_long} left out (prompt reaching its {}-token training length{}); {new_tokens} new tokens, {:.1} per record; {drafted} of {} prompts drafted from their readings ({drafted_seconds:.0} s), {accepted} tokens confirmed from drafts, {} others decoded in batches ({batched_seconds:.0} s), {passes} forward passes",
        checkpoint.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        tables.len(),
        card.max_tokens,
        if parts_left_out > 0 { format!("; {parts_left_out} parts of others too") } else { String::new() },
        new_tokens as f64 / written.max(1) as f64,
        prompts.len(),
        prompts.len() - drafted,
    );
    Ok((decisions, used))
}

/// The answer lines of `pieces` (the generated tokens), each with the geometric mean of
/// the probabilities of its decision's tokens: those from the one holding the space after
/// the cell id on (a piece that ends one line and begins the next counts for the first). In
/// verdict form the grammar gives each reading's cell id in order, so its tokens, at
/// probability near 1, would drown the decision; in the other forms the id is the model's
/// choice too, but the code and statistic are what a reading's confirmation turns on.
fn answer_lines(pieces: &[hysim_finetune::Piece]) -> Vec<(Pointer, f64)> {
    let mut lines: Vec<(Pointer, f64)> = Vec::new();
    let mut line = String::new();
    let mut logprob = (0.0, 0usize);
    for piece in pieces {
        line.push_str(&piece.text);
        if line.contains(' ') {
            logprob = (logprob.0 + piece.logprob, logprob.1 + 1);
        }
        while let Some(i) = line.find('\n') {
            let whole: String = line.drain(..=i).collect();
            if let Some(p) = Pointer::parse(whole.trim_end_matches('\n')) {
                lines.push((p, (logprob.0 / logprob.1.max(1) as f64).exp().clamp(0.0, 1.0)));
            }
            logprob = (0.0, 0);
        }
    }
    lines
}

/// The decisions of one prompt's answer `lines` (each with its raw confidence) on the
/// cells `cells` reads, against the `readings` the prompt gave: a line with a reading's
/// code and statistic confirms it, another on a read cell changes it (a further line on a
/// cell already answered is an addition), a line on a cell without a reading adds a
/// record, and a reading no line answers is left out. A line whose cell holds no value
/// gives no record (and no decision unless it changed a reading).
fn judge_lines(
    cells: &CellReader,
    readings: &[Pointer],
    lines: Vec<(Pointer, f64)>,
    confidence: impl Fn(f64) -> f64,
) -> Vec<Decision> {
    let by_cell: HashMap<CellId, &Pointer> = readings.iter().map(|p| (p.cell, p)).collect();
    let record_of = |p: &Pointer| cells.record(p.cell.row, p.cell.col, &p.code, p.statistic);
    let confirms = |p: &Pointer| by_cell.get(&p.cell).is_some_and(|r| r.code == p.code && r.statistic == p.statistic);
    let mut answered: HashSet<CellId> = lines.iter().filter(|(p, _)| confirms(p)).map(|(p, _)| p.cell).collect();
    let mut out = Vec::new();
    for (p, raw) in lines {
        let decoder = record_of(&p).map(|mut r| {
            r.confidence = Some(confidence(raw));
            r
        });
        let (verdict, reading) = match by_cell.get(&p.cell) {
            Some(_) if confirms(&p) => (Verdict::Confirmed, None),
            Some(r) if answered.insert(p.cell) => (Verdict::Changed, record_of(r)),
            _ => (Verdict::Added, None),
        };
        if decoder.is_some() || reading.is_some() {
            out.push(Decision { verdict, decoder, reading });
        }
    }
    for r in readings.iter().filter(|r| !answered.contains(&r.cell)) {
        if let Some(reading) = record_of(r) {
            out.push(Decision { verdict: Verdict::LeftOut, decoder: None, reading: Some(reading) });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_with_readings_must_be_answered_when_asked() {
        let table = Table {
            id: "t:1".into(),
            caption: Some("Table 1. Enrofloxacin in dogs. Values are mean ± SD.".into()),
            header_rows: vec![vec!["Parameter".into(), "IV".into()]],
            body_rows: vec![vec!["Cmax (µg/mL)".into(), "1.2 ± 0.3".into()]],
            ..Table::default()
        };
        let reader = CellReader::new(&table);
        let prompt = prompt(&table, 0, Some(&TableReadings::new(&reader, &table.id, None)));
        assert!(!prompt.readings.is_empty(), "the reader reads the cell: {}", prompt.text);
        for must_answer in [false, true] {
            let cells = Cells { grammar: AnswerGrammar::new(&prompt), must_answer };
            // The empty answer (the end token first) only when the table need not be answered.
            assert_eq!(cells.can_end(""), !must_answer);
            assert!(cells.can_end("r0c1 CMAX mean\n"));
            assert!(!cells.can_end("r0c1 CMAX"));
            // In verdict form every reading has its line, confirmed or left out.
            let verdicts = Cells { grammar: AnswerGrammar::verdicts(&prompt), must_answer };
            assert!(!verdicts.can_end("") && verdicts.can_end("r0c1 -\n") && verdicts.can_end("r0c1 CMAX mean\n"));
        }
    }

    #[test]
    fn each_line_is_judged_against_the_reading_of_its_cell() {
        let table = Table {
            id: "t:1".into(),
            caption: Some("Table 1. Enrofloxacin in dogs. Values are mean ± SD.".into()),
            header_rows: vec![vec!["Parameter".into(), "IV".into(), "Oral".into()]],
            body_rows: vec![
                vec!["Cmax (µg/mL)".into(), "1.2 ± 0.3".into(), "0.8 ± 0.2".into()],
                vec!["Tmax (h)".into(), "0.5 ± 0.1".into(), "2.0 ± 0.4".into()],
            ],
            ..Table::default()
        };
        let reader = CellReader::new(&table);
        let prompt = prompt(&table, 0, Some(&TableReadings::new(&reader, &table.id, None)));
        let line = |text: &str| (Pointer::parse(text).unwrap(), 0.9);
        assert_eq!(
            prompt.readings.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["r0c1 CMAX mean", "r0c2 CMAX mean", "r1c1 TMAX mean", "r1c2 TMAX mean"]
        );
        // r0c1 confirmed, r0c2 changed, r1c1 left out, r1c2 confirmed and then named again.
        let lines =
            vec![line("r0c1 CMAX mean"), line("r0c2 AUCIFO mean"), line("r1c2 TMAX mean"), line("r1c2 TMAX median")];
        let decisions = judge_lines(&reader, &prompt.readings, lines, |raw| raw / 2.0);
        let seen: Vec<(Verdict, Option<&str>, Option<&str>)> = decisions
            .iter()
            .map(|d| {
                (
                    d.verdict,
                    d.decoder.as_ref().and_then(|r| r.parameter.as_deref()),
                    d.reading.as_ref().and_then(|r| r.parameter.as_deref()),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                (Verdict::Confirmed, Some("CMAX"), None),
                (Verdict::Changed, Some("AUCIFO"), Some("CMAX")),
                (Verdict::Confirmed, Some("TMAX"), None),
                (Verdict::Added, Some("TMAX"), None),
                (Verdict::LeftOut, None, Some("TMAX")),
            ]
        );
        // The decoder's records carry the mapped confidence; the readings' none yet.
        assert_eq!(decisions[0].decoder.as_ref().unwrap().confidence, Some(0.45));
        assert_eq!(decisions[1].reading.as_ref().unwrap().provenance.col, Some(2));
        assert_eq!(decisions[4].reading.as_ref().unwrap().value, Some(0.5));
    }

    #[test]
    fn a_lines_confidence_is_its_decisions_tokens() {
        let piece = |text: &str, p: f64| hysim_finetune::Piece { token: 0, text: text.into(), logprob: p.ln() };
        // `r0c1` at probability 1 (the grammar's), ` CMAX` 0.5, ` mean` 0.5, the newline 1:
        // the decision's geometric mean (0.5 * 0.5 * 1)^(1/3).
        let pieces = [
            piece("r0", 1.0),
            piece("c1", 1.0),
            piece(" CMAX", 0.5),
            piece(" mean", 0.5),
            piece("\nr1", 0.8),
            piece("c1 -", 0.9),
            piece("\n", 1.0),
            piece("r2c1 TMAX median\n", 0.6),
        ];
        let lines = answer_lines(&pieces);
        // The left-out line `r1c1 -` is no pointer; the piece ending line 1 and beginning
        // line 2 counts for line 1.
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].0.to_string(), "r0c1 CMAX mean");
        let expected = (0.5f64 * 0.5 * 0.8).powf(1.0 / 3.0);
        assert!((lines[0].1 - expected).abs() < 1e-12, "{}", lines[0].1);
        assert_eq!(lines[1].0.to_string(), "r2c1 TMAX median");
        assert!((lines[1].1 - 0.6).abs() < 1e-12);
    }
}
