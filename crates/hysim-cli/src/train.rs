//! `hysim train --config train.toml`: weighted fine-tuning on tables with gold records,
//! each example's loss multiplied by its HySim weight, of two systems: the encoder
//! extractor (classification heads over frozen sentence embeddings of the parser's
//! candidates, `crate::encoder`) and a decoder LLM (LoRA or full) that writes the records.
//! Both are then scored on the validation tables, and `model.json` names the better one,
//! which `hysim extract --model OUT` uses.
//!
//! `train.toml`: [`CONFIG_HELP`] (what `hysim train --help` prints).

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use hysim_core::Record;
use hysim_finetune::{Example, FitConfig, TrainConfig, Trainer};
use hysim_models::llama::{Config, Llama, LoraConfig, is_lora_variable};
use hysim_nn::DType;
use hysim_nn::tch::nn::VarStore;
use serde::{Deserialize, Serialize};

/// The keys of `train.toml`, with their defaults (shown by `hysim train --help`).
pub(crate) const CONFIG_HELP: &str = r#"train.toml (keys not given take the default shown; paths are relative to the working folder):

  out = "target/train"              # required: the model folder (encoder/, best/, last/, model.json, fit.json)
  systems = ["encoder", "decoder"]  # either or both
  [data]
  tables = "target/synth/tables.jsonl"   # required: tables with gold records
  gold = "target/synth/gold.jsonl"       # required
  weights = "target/weights.jsonl"  # optional: w_hybrid per table id from `hysim weights` (default 1)
  validation_fraction = 0.1         # every 1/fraction-th table is held out
  max_tokens = 1024                 # longer decoder examples are skipped and counted
  cut_long = false                  # instead cut them by body rows into parts that fit, each
                                    # with the records of its rows (when every record says its row)
  limit = 0                         # at most this many tables (0 = all)
  compare_tables = 4                # validation tables both systems extract to pick the better
  [encoder]                         # the encoder extractor
  model = "default"                 # all-MiniLM-L6-v2 from the model cache, or a folder
  dtype = "auto"                    # precision of the frozen encoder's embeddings: f32, bf16, or
                                    # auto (bf16 where the device computes it natively, else f32)
  [encoder.heads]
  hidden = 256
  epochs = 30
  batch_size = 64
  lr = 2e-3
  weight_decay = 0.01
  seed = 0
  [model]                           # the decoder
  gguf = "default"                  # SmolLM2-135M-Instruct from the model cache, or a GGUF path
  device = "auto"                   # auto, cpu, cuda or cuda:N
  dtype = "auto"                    # f32; bf16 (LoRA only: base weights bfloat16, adapters
                                    # float32); auto: bf16 with LoRA on a GPU where it is faster
                                    # (Ampere on) or a CPU with AVX512-BF16, else f32
  [lora]                            # leave the table out for full fine-tuning
  rank = 8
  alpha = 16.0
  targets = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
                                    # any subset (peft's default for Llama: q_proj, v_proj)
  [train]                           # AdamW with linear warmup and cosine decay
  lr = 2e-4
  min_lr = 2e-5
  warmup_steps = 10
  total_steps = 200
  weight_decay = 0.0
  beta1 = 0.9
  beta2 = 0.999
  eps = 1e-8
  max_grad_norm = 1.0               # 0 = no clipping
  accumulation = 1                  # micro-batches per optimizer step
  [fit]
  batch_size = 4
  eval_every = 20                   # optimizer steps between validations and checkpoints
  patience = 3                      # validations without improvement before stopping (0 = never)
  seed = 0                          # batch order, and the LoRA adapters' initialisation"#;

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

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TrainToml {
    out: PathBuf,
    #[serde(default = "default_systems")]
    systems: Vec<String>,
    data: DataToml,
    #[serde(default)]
    encoder: crate::encoder::EncoderToml,
    #[serde(default)]
    model: ModelToml,
    #[serde(default)]
    lora: Option<LoraConfig>,
    #[serde(default)]
    train: TrainConfig,
    #[serde(default)]
    fit: FitConfig,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DataToml {
    tables: PathBuf,
    gold: PathBuf,
    #[serde(default)]
    weights: Option<PathBuf>,
    #[serde(default = "default_val")]
    validation_fraction: f64,
    #[serde(default = "default_max_tokens")]
    max_tokens: usize,
    #[serde(default)]
    cut_long: bool,
    #[serde(default)]
    limit: usize,
    #[serde(default = "default_compare")]
    compare_tables: usize,
}

fn default_systems() -> Vec<String> {
    vec!["encoder".to_owned(), "decoder".to_owned()]
}
fn default_compare() -> usize {
    4
}

fn default_val() -> f64 {
    0.1
}
fn default_max_tokens() -> usize {
    1024
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelToml {
    #[serde(default = "default_gguf")]
    gguf: String,
    #[serde(default = "default_auto")]
    device: String,
    #[serde(default = "default_auto")]
    dtype: String,
}

impl Default for ModelToml {
    fn default() -> Self {
        Self { gguf: default_gguf(), device: default_auto(), dtype: default_auto() }
    }
}

impl ModelToml {
    /// The precision of the decoder's training: float32, or mixed precision with
    /// bfloat16 base weights and float32 adapters (LoRA only).
    fn precision(&self, device: hysim_nn::tch::Device, lora: bool) -> Result<DType> {
        let auto = || if lora { DType::fastest_for(device) } else { DType::F32 };
        match precision_setting("[model] dtype", &self.dtype, auto)? {
            DType::Bf16 if !lora => bail!(
                "[model] dtype = \"bf16\" needs a [lora] table: full fine-tuning keeps every weight in float32 (use \"f32\" or \"auto\")"
            ),
            dtype => Ok(dtype),
        }
    }
}

/// A `dtype` setting of train.toml (`key`): `auto` (then `auto()` decides), `f32` or `bf16`.
pub(crate) fn precision_setting(key: &str, value: &str, auto: impl FnOnce() -> DType) -> Result<DType> {
    match value.trim() {
        name if name.eq_ignore_ascii_case("auto") => Ok(auto()),
        name => match name.parse::<DType>()? {
            DType::F16 => bail!("{key} = {value:?}: expected \"f32\", \"bf16\" or \"auto\""),
            dtype => Ok(dtype),
        },
    }
}

fn default_gguf() -> String {
    "default".to_owned()
}
fn default_auto() -> String {
    "auto".to_owned()
}

/// `model.json` of the output folder: the systems trained, how to rebuild the decoder the
/// checkpoints adapt, and the validation scores that pick the default system.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct ModelJson {
    /// The decoder's base model (absent when no decoder was trained).
    pub(crate) base_gguf: Option<PathBuf>,
    pub(crate) lora: Option<LoraConfig>,
    pub(crate) max_tokens: usize,
    /// The decoder's training precision: `f32`, or `bf16` (bfloat16 base weights, float32
    /// adapters). Extraction uses bf16 only on a CPU that computes it natively
    /// (`DType::inference_on`).
    #[serde(default)]
    pub(crate) dtype: Option<String>,
    /// `encoder` and/or `decoder`.
    #[serde(default)]
    pub(crate) systems: Vec<String>,
    /// Record F1 of each system on the compared validation tables.
    #[serde(default)]
    pub(crate) validation_f1: std::collections::BTreeMap<String, f64>,
    /// The mapping of the decoder's raw confidences (the geometric mean of a line's token
    /// probabilities) to the share of right records, fitted on its records of the compared
    /// validation tables (Platt scaling); `None` with fewer than
    /// [`MIN_CALIBRATION_RECORDS`] judged records.
    #[serde(default)]
    pub(crate) decoder_calibration: Option<hysim_eval::stats::Platt>,
}

/// Judged validation records below which the decoder's confidences stay raw.
pub(crate) const MIN_CALIBRATION_RECORDS: usize = 10;

impl ModelJson {
    /// The system `hysim extract --system auto` uses: the better validation F1 (the
    /// encoder on a tie, being faster), else the only one trained.
    pub(crate) fn best_system(&self, dir: &std::path::Path) -> String {
        let f1 = |s: &str| self.validation_f1.get(s).copied();
        match (f1("encoder"), f1("decoder")) {
            (Some(e), Some(d)) => if d > e { "decoder" } else { "encoder" }.to_owned(),
            _ if crate::encoder::present(dir) => "encoder".to_owned(),
            _ => "decoder".to_owned(),
        }
    }
}

pub(crate) fn run(args: &Args) -> Result<String> {
    let started = std::time::Instant::now();
    let text =
        std::fs::read_to_string(&args.config).with_context(|| format!("cannot read {}", args.config.display()))?;
    let cfg: TrainToml = toml::from_str(&text).with_context(|| format!("{}", args.config.display()))?;
    if !(0.0..1.0).contains(&cfg.data.validation_fraction) {
        bail!("{}: validation_fraction {} is not within 0..1", args.config.display(), cfg.data.validation_fraction);
    }
    if cfg.systems.is_empty() || cfg.systems.iter().any(|s| s != "encoder" && s != "decoder") {
        bail!("{}: systems {:?}: expected \"encoder\" and/or \"decoder\"", args.config.display(), cfg.systems);
    }
    let wants = |s: &str| cfg.systems.iter().any(|x| x == s);
    // Data: the tables with gold records, split into training and validation tables.
    let tables = hysim_tables::read_tables_jsonl(&cfg.data.tables)?;
    let gold = Record::read_jsonl(&cfg.data.gold)?;
    let mut by_table: HashMap<&str, Vec<Record>> = HashMap::new();
    for r in &gold {
        by_table.entry(r.table_id.as_str()).or_default().push(r.clone());
    }
    let weights: Option<HashMap<String, f64>> = cfg
        .data
        .weights
        .as_deref()
        .map(|p| {
            hysim_core::SampleWeights::read_jsonl(p).map(|w| w.rows.into_iter().map(|r| (r.id, r.w_hybrid)).collect())
        })
        .transpose()?;
    let unweighted = std::cell::Cell::new(0usize);
    let weight_of = |id: &str| match &weights {
        Some(w) => w.get(id).copied().unwrap_or_else(|| {
            unweighted.set(unweighted.get() + 1);
            1.0
        }),
        None => 1.0,
    };
    let every =
        if cfg.data.validation_fraction > 0.0 { (1.0 / cfg.data.validation_fraction).round() as usize } else { 0 };
    let (mut train_tables, mut val_tables) = (Vec::new(), Vec::new());
    for (k, (_, table)) in tables.iter().enumerate() {
        if cfg.data.limit > 0 && k >= cfg.data.limit {
            break;
        }
        if !by_table.contains_key(table.id.as_str()) {
            continue;
        }
        if every > 0 && k % every == every - 1 { val_tables.push(table) } else { train_tables.push(table) }
    }
    if train_tables.is_empty() {
        bail!(
            "no training table: no table of {} has gold records in {}",
            cfg.data.tables.display(),
            cfg.data.gold.display()
        );
    }
    let device = cfg.model.device.parse::<hysim_nn::DeviceSpec>()?.resolve()?;
    std::fs::create_dir_all(&cfg.out).with_context(|| format!("cannot create {}", cfg.out.display()))?;
    hysim_core::io::atomic_write(&cfg.out.join("train.toml"), |out| std::io::Write::write_all(out, text.as_bytes()))?;
    let mut model_json = ModelJson {
        base_gguf: None,
        lora: cfg.lora.clone(),
        max_tokens: cfg.data.max_tokens,
        dtype: None,
        systems: cfg.systems.clone(),
        validation_f1: Default::default(),
        decoder_calibration: None,
    };
    let mut lines = Vec::new();
    if wants("encoder") {
        if args.resume && crate::encoder::present(&cfg.out) {
            lines.push("encoder extractor: kept from the interrupted run".to_owned());
        } else {
            lines.push(crate::encoder::train(
                &cfg.encoder,
                &train_tables,
                &val_tables,
                &by_table,
                &weight_of,
                device,
                &cfg.out,
            )?);
        }
    }
    if wants("decoder") {
        let gguf_path = if cfg.model.gguf == "default" {
            hysim_core::cache::default_decoder_gguf()
        } else {
            PathBuf::from(&cfg.model.gguf)
        };
        if !gguf_path.is_file() {
            bail!("no GGUF model at {} (run `cargo xtask setup` for the default)", gguf_path.display());
        }
        model_json.base_gguf = Some(gguf_path.clone());
        let dtype = cfg.model.precision(device, cfg.lora.is_some())?;
        model_json.dtype = Some(dtype.to_string());
        lines.push(train_decoder(
            dtype,
            &cfg,
            args.resume,
            &gguf_path,
            &train_tables,
            &val_tables,
            &by_table,
            &weight_of,
            device,
        )?);
    }
    if unweighted.get() > 0 {
        tracing::warn!(tables = unweighted.get(), "tables without a weight in the weights file trained with weight 1");
    }
    // Both systems extract the same validation tables; the better F1 becomes the default.
    let mut calibration_line: Option<String> = None;
    let compared: Vec<&hysim_core::Table> = val_tables.iter().take(cfg.data.compare_tables).copied().collect();
    if !compared.is_empty() {
        let gold_records: Vec<Record> =
            compared.iter().flat_map(|t| by_table.get(t.id.as_str()).cloned().unwrap_or_default()).collect();
        let gold_values = hysim_eval::gold::Gold::from_records(&gold_records).values;
        for system in &cfg.systems {
            let predicted = if system == "encoder" {
                crate::encoder::records(&cfg.out, &compared, device)?
            } else {
                crate::extract::decoder_records(&cfg.out, &model_json, &compared, device, cfg.data.max_tokens, 0, 4)?.0
            };
            let report = hysim_eval::score_numeric(&gold_values, &predicted, 0.005);
            model_json.validation_f1.insert(system.clone(), report.overall.scores.f1);
            if system == "decoder" {
                // The decoder's raw confidences were far too high (ECE 0.8 on the curated
                // values): they are mapped to the share of its validation records that are
                // right. The encoder extractor's are calibrated by construction.
                let (calibration, line) = calibrate(&predicted, &report.judged);
                model_json.decoder_calibration = calibration;
                calibration_line = Some(line);
            }
        }
    }
    hysim_core::io::write_json(&cfg.out.join("model.json"), &model_json)?;
    if calibration_line.is_none() && cfg.systems.iter().any(|s| s == "decoder") {
        calibration_line = Some("decoder confidences left raw: no validation table compared".to_owned());
    }
    lines.extend(calibration_line);
    let scores: Vec<String> = model_json.validation_f1.iter().map(|(s, f)| format!("{s} {f:.3}")).collect();
    lines.push(format!(
        "{} training and {} validation tables; validation F1 on {} tables: {}; default system {}; {} in {:.1} s",
        train_tables.len(),
        val_tables.len(),
        compared.len(),
        if scores.is_empty() { "-".to_owned() } else { scores.join(", ") },
        model_json.best_system(&cfg.out),
        cfg.out.display(),
        started.elapsed().as_secs_f64()
    ));
    Ok(lines.join("\n"))
}

/// LoRA (or full) fine-tuning of the decoder: `best/`, `last/` and `fit.json` in `out`.
#[allow(clippy::too_many_arguments, reason = "the pieces of one training run, each used once")]
fn train_decoder(
    dtype: DType,
    cfg: &TrainToml,
    resume: bool,
    gguf_path: &std::path::Path,
    train_tables: &[&hysim_core::Table],
    val_tables: &[&hysim_core::Table],
    by_table: &HashMap<&str, Vec<Record>>,
    weight_of: &dyn Fn(&str) -> f64,
    device: hysim_nn::tch::Device,
) -> Result<String> {
    let started = std::time::Instant::now();
    let gguf = hysim_nn::gguf::Gguf::open(gguf_path)?;
    let tok = hysim_models::gguf::tokenizer(&gguf, usize::MAX / 2)?;
    let (mut skipped_long, mut cut) = (0, 0);
    let mut examples = |tables: &[&hysim_core::Table], weighted: bool| -> Result<Vec<Example>> {
        let mut out = Vec::new();
        for table in tables {
            let records = &by_table[table.id.as_str()];
            // Prompt and answer of the records printed in `rows` of `part`.
            // (A whole table's answer is all its records, whatever rows they say.)
            let encode = |part: &hysim_core::Table, rows: &std::ops::Range<usize>| -> Result<(Vec<u32>, Vec<u32>)> {
                let all_rows = rows.len() == table.body_rows.len();
                let held: Vec<Record> = records
                    .iter()
                    .filter(|r| all_rows || r.provenance.row.is_none_or(|row| rows.contains(&(row as usize))))
                    .cloned()
                    .collect();
                let prompt = tok.encode(&hysim_text::prompt::extraction_prompt(part))?;
                Ok((prompt, tok.encode(&hysim_text::prompt::target_text(&held))?))
            };
            // With `cut_long`, a table too long with its answer is cut by body rows into
            // parts that fit, as extraction cuts one (each part's answer the records of its
            // rows), when every record says its row; else it is left out. A part that cannot
            // be encoded stops the cutting; its error is reported below.
            let encoded = if cfg.data.cut_long && records.iter().all(|r| r.provenance.row.is_some()) {
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
                let (prompt, target) = encoded.with_context(|| format!("table {}", table.id))?;
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
        bail!("no decoder training example within {} tokens", cfg.data.max_tokens);
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
    let last = cfg.out.join("last");
    let mut trainer = if resume && last.join("trainable.safetensors").is_file() {
        Trainer::resume(&vs, &last)?
    } else if resume {
        bail!("--resume needs a checkpoint from an earlier run in {}", last.display());
    } else if cfg.lora.is_some() {
        Trainer::new(&vs, cfg.train.clone(), is_lora_variable)?
    } else {
        Trainer::new(&vs, cfg.train.clone(), |_| true)?
    };
    let loss = |batch: &[&Example]| {
        let b = hysim_finetune::collate(batch, 0).expect("invariant: examples were checked when built");
        let logits = model.forward(&b.input_ids.to_device(device), None);
        hysim_finetune::weighted_loss(&logits, &b.labels, &b.weights)
    };
    let total = cfg.train.total_steps;
    let bar = indicatif::ProgressBar::new(total as u64).with_style(
        indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} steps ({eta} left)")
            .expect("invariant: the template is valid")
            .progress_chars("=> "),
    );
    bar.set_position(trainer.step() as u64);
    bar.set_message("training");
    // A resumed run keeps the interrupted run's history and best validation.
    let previous = if resume {
        hysim_core::io::read_json::<hysim_finetune::FitReport>(&cfg.out.join("fit.json")).unwrap_or_default()
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
            bar.set_position(step as u64);
            bar.set_message(format!("training, loss {l:.4}"));
        },
    )?;
    bar.finish_and_clear();
    hysim_core::io::write_json(&cfg.out.join("fit.json"), &report)?;
    let best = report.best.map_or_else(
        || "no validation".to_owned(),
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

/// Platt scaling of the decoder's confidences fitted to its validation records, `judged`
/// saying for each whether it matched a gold value (`None`: not judged), with the train
/// summary's line; `None` with fewer than [`MIN_CALIBRATION_RECORDS`] judged records.
fn calibrate(predicted: &[Record], judged: &[Option<bool>]) -> (Option<hysim_eval::stats::Platt>, String) {
    let pairs: Vec<(f64, bool)> =
        predicted.iter().zip(judged).filter_map(|(r, judged)| Some((r.confidence?, (*judged)?))).collect();
    let calibration = (pairs.len() >= MIN_CALIBRATION_RECORDS).then(|| hysim_eval::stats::Platt::fit(&pairs)).flatten();
    let line = match &calibration {
        Some(p) => format!(
            "decoder confidences calibrated on {} judged validation records ({} right): sigma({:.4} * logit(c) {:+.4})",
            p.n, p.right, p.a, p.b
        ),
        None => {
            format!(
                "decoder confidences left raw: {} judged validation records, fewer than {MIN_CALIBRATION_RECORDS}",
                pairs.len()
            )
        }
    };
    (calibration, line)
}

#[cfg(test)]
mod tests {
    use hysim_nn::tch::Device;

    use super::*;

    fn precision(dtype: &str, device: Device, lora: bool) -> String {
        let model = ModelToml { dtype: dtype.to_owned(), ..ModelToml::default() };
        match model.precision(device, lora) {
            Ok(d) => d.to_string(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn calibration_needs_enough_judged_records_and_follows_them() {
        let record = |confidence: Option<f64>| -> Record {
            let c = confidence.map_or("null".to_owned(), |c| c.to_string());
            serde_json::from_str(&format!(
                r#"{{"table_id": "t:1", "parameter_raw": "Cmax", "value_raw": "1.2", "statistic": "mean", "context": {{}}, "confidence": {c}}}"#
            ))
            .unwrap()
        };
        // Records without a confidence or a judgement do not count.
        let mut predicted = vec![record(None), record(Some(0.5))];
        let mut judged = vec![Some(true), None];
        for k in 0..9 {
            predicted.push(record(Some(0.9)));
            judged.push(Some(k < 3));
        }
        let (none, line) = calibrate(&predicted, &judged);
        assert!(none.is_none());
        assert_eq!(line, "decoder confidences left raw: 9 judged validation records, fewer than 10");
        // Twenty judged records at 0.9, a third of them right: mapped to about a third.
        for k in 0..11 {
            predicted.push(record(Some(0.9)));
            judged.push(Some(k < 4));
        }
        let (fitted, line) = calibrate(&predicted, &judged);
        let p = fitted.expect("a fit");
        assert_eq!((p.n, p.right), (20, 7));
        assert!((p.apply(0.9) - 0.35).abs() < 0.05, "{}", p.apply(0.9));
        assert!(
            line.starts_with("decoder confidences calibrated on 20 judged validation records (7 right): sigma("),
            "{line}"
        );
    }

    #[test]
    fn the_help_shows_the_defaults() {
        let body = CONFIG_HELP.split_once('\n').expect("a title line").1;
        let shown: TrainToml = toml::from_str(body).expect("the help is valid train.toml");
        assert_eq!(shown.systems, default_systems());
        let encoder = crate::encoder::EncoderToml::default();
        assert_eq!((shown.encoder.model, shown.encoder.dtype), (encoder.model, encoder.dtype));
        assert_eq!(format!("{:?}", shown.encoder.heads), format!("{:?}", hysim_finetune::HeadsConfig::default()));
        assert_eq!(shown.model.gguf, ModelToml::default().gguf);
        assert_eq!((shown.model.device, shown.model.dtype), (default_auto(), default_auto()));
        assert_eq!(shown.lora, Some(LoraConfig::default()));
        assert_eq!(shown.train, TrainConfig::default());
        assert_eq!(format!("{:?}", shown.fit), format!("{:?}", FitConfig::default()));
        let d = shown.data;
        assert_eq!(d.validation_fraction, default_val());
        assert_eq!(
            (d.max_tokens, d.limit, d.compare_tables, d.cut_long),
            (default_max_tokens(), 0, default_compare(), false)
        );
    }

    #[test]
    fn training_precision_follows_the_device_and_needs_lora_for_bfloat16() {
        // On CUDA, bf16 where it is measured faster (never on a GPU that is not there).
        let gpu = DType::fastest_for(Device::Cuda(0)).to_string();
        assert_eq!(precision("auto", Device::Cuda(0), true), gpu);
        let absent = Device::Cuda(hysim_nn::cuda_device_count() + 3);
        assert_eq!(precision("auto", absent, true), "f32");
        assert_eq!(precision("auto", Device::Cuda(0), false), "f32");
        let cpu = if hysim_nn::cpu_has_bf16_arithmetic() { "bf16" } else { "f32" };
        assert_eq!(precision("auto", Device::Cpu, true), cpu);
        assert_eq!(precision("f32", Device::Cuda(0), true), "f32");
        assert_eq!(precision("bf16", Device::Cpu, true), "bf16");
        assert!(precision("bf16", Device::Cpu, false).contains("needs a [lora] table"));
        assert!(precision("f16", Device::Cpu, true).contains("expected \"f32\", \"bf16\" or \"auto\""));
        assert!(precision("f64", Device::Cpu, true).starts_with("error: unknown dtype \"f64\""));
    }
}
