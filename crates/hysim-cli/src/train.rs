//! `hysim train --config train.toml`: weighted fine-tuning of a decoder (LoRA or full) on
//! tables with gold records, each example's loss multiplied by its HySim weight.
//!
//! `train.toml`:
//!
//! ```toml
//! out = "target/train"            # the model folder: best/, last/, model.json, fit.json
//! [data]
//! tables = "target/synth/tables.jsonl"
//! gold = "target/synth/gold.jsonl"
//! weights = "target/weights.jsonl"  # optional: w_hybrid per table id (default: 1)
//! validation_fraction = 0.1         # every 1/fraction-th table is held out
//! max_tokens = 1024                 # longer examples are skipped and counted
//! limit = 0                         # at most this many tables (0 = all)
//! [model]
//! gguf = "default"                  # SmolLM2-135M-Instruct from the model cache, or a path
//! device = "auto"
//! [lora]                            # leave the table out for full fine-tuning
//! rank = 8
//! alpha = 16.0
//! targets = ["q_proj", "v_proj"]
//! [train]                           # hysim_finetune::TrainConfig: lr, min_lr, warmup_steps, ...
//! [fit]                             # hysim_finetune::FitConfig: batch_size, eval_every, patience, seed
//! ```

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use hysim_core::Record;
use hysim_finetune::{Example, FitConfig, TrainConfig, Trainer};
use hysim_models::llama::{Config, Llama, LoraConfig, is_lora_variable};
use hysim_nn::tch::nn::VarStore;
use serde::{Deserialize, Serialize};

/// Arguments of `hysim train`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The training configuration (see `hysim train --help` and the module docs).
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
    data: DataToml,
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
    limit: usize,
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
    #[serde(default = "default_device")]
    device: String,
}

impl Default for ModelToml {
    fn default() -> Self {
        Self { gguf: default_gguf(), device: default_device() }
    }
}

fn default_gguf() -> String {
    "default".to_owned()
}
fn default_device() -> String {
    "auto".to_owned()
}

/// `model.json` of the output folder: how to rebuild the model the checkpoints adapt.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct ModelJson {
    pub(crate) base_gguf: PathBuf,
    pub(crate) lora: Option<LoraConfig>,
    pub(crate) max_tokens: usize,
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let started = std::time::Instant::now();
    let text =
        std::fs::read_to_string(&args.config).with_context(|| format!("cannot read {}", args.config.display()))?;
    let cfg: TrainToml = toml::from_str(&text).with_context(|| format!("{}", args.config.display()))?;
    if !(0.0..1.0).contains(&cfg.data.validation_fraction) {
        bail!("{}: validation_fraction {} is not within 0..1", args.config.display(), cfg.data.validation_fraction);
    }
    let gguf_path = if cfg.model.gguf == "default" {
        hysim_core::cache::default_decoder_gguf()
    } else {
        PathBuf::from(&cfg.model.gguf)
    };
    if !gguf_path.is_file() {
        bail!("no GGUF model at {} (run `cargo xtask setup` for the default)", gguf_path.display());
    }
    // Data: one example per table with gold records.
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
    let gguf = hysim_nn::gguf::Gguf::open(&gguf_path)?;
    let tok = hysim_models::gguf::tokenizer(&gguf, usize::MAX / 2)?;
    let (mut train, mut val) = (Vec::new(), Vec::new());
    let (mut skipped_long, mut unweighted) = (0, 0);
    let every =
        if cfg.data.validation_fraction > 0.0 { (1.0 / cfg.data.validation_fraction).round() as usize } else { 0 };
    for (k, (_, table)) in tables.iter().enumerate() {
        if cfg.data.limit > 0 && k >= cfg.data.limit {
            break;
        }
        let Some(records) = by_table.get(table.id.as_str()) else { continue };
        let prompt = tok.encode(&hysim_text::prompt::extraction_prompt(table))?;
        let target = tok.encode(&hysim_text::prompt::target_text(records))?;
        if prompt.len() + target.len() > cfg.data.max_tokens {
            skipped_long += 1;
            continue;
        }
        let weight = match &weights {
            Some(w) => w.get(&table.id).copied().unwrap_or_else(|| {
                unweighted += 1;
                1.0
            }),
            None => 1.0,
        };
        let input_ids: Vec<i64> = prompt.iter().chain(&target).map(|&t| i64::from(t)).collect();
        let labels: Vec<i64> =
            std::iter::repeat_n(-100, prompt.len()).chain(target.iter().map(|&t| i64::from(t))).collect();
        let example = Example { input_ids, labels, weight };
        if every > 0 && k % every == every - 1 { val.push(example) } else { train.push(example) }
    }
    if train.is_empty() {
        bail!(
            "no training example: no table of {} has gold records in {} within {} tokens",
            cfg.data.tables.display(),
            cfg.data.gold.display(),
            cfg.data.max_tokens
        );
    }
    tracing::info!(train = train.len(), validation = val.len(), skipped_long, unweighted, "examples");
    // Model.
    let device = cfg.model.device.parse::<hysim_nn::DeviceSpec>()?.resolve()?;
    let model_cfg = Config::from_gguf(&gguf)?;
    let mut vs = VarStore::new(device);
    let model = Llama::with_lora(vs.root(), &model_cfg, cfg.lora.as_ref())?;
    Llama::load_gguf(&mut vs, &gguf, &model_cfg)?;
    drop(gguf);
    let last = cfg.out.join("last");
    let mut trainer = if args.resume {
        Trainer::resume(&vs, &last).with_context(|| "--resume needs a checkpoint from an earlier run".to_owned())?
    } else if cfg.lora.is_some() {
        Trainer::new(&vs, cfg.train.clone(), is_lora_variable)?
    } else {
        Trainer::new(&vs, cfg.train.clone(), |_| true)?
    };
    std::fs::create_dir_all(&cfg.out).with_context(|| format!("cannot create {}", cfg.out.display()))?;
    let model_json =
        ModelJson { base_gguf: gguf_path.clone(), lora: cfg.lora.clone(), max_tokens: cfg.data.max_tokens };
    hysim_core::io::write_json(&cfg.out.join("model.json"), &model_json)?;
    hysim_core::io::atomic_write(&cfg.out.join("train.toml"), |out| std::io::Write::write_all(out, text.as_bytes()))?;
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
    let previous = if args.resume {
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
        |b| format!("best validation loss {:.4} at step {}", b.val_loss, b.step),
    );
    let summary = format!(
        "{} training and {} validation examples ({} over {} tokens skipped), {} steps on {:?}{}: {} -> {} in {:.1} s",
        train.len(),
        val.len(),
        skipped_long,
        cfg.data.max_tokens,
        report.steps,
        device,
        if report.stopped_early { ", stopped early" } else { "" },
        best,
        cfg.out.display(),
        started.elapsed().as_secs_f64()
    );
    #[allow(clippy::print_stdout, reason = "the summary is the command's output")]
    {
        println!("{summary}");
    }
    Ok(())
}
