//! The training settings (`train.toml`): which systems to train, on which data, with which
//! model and optimiser. [`CONFIG_HELP`] is what `hysim train --help` prints; a test checks
//! that it parses to the defaults.

use std::path::{Path, PathBuf};

use hysim_finetune::{FitConfig, HeadsConfig, TrainConfig};
use hysim_models::llama::LoraConfig;
use hysim_nn::DType;
use hysim_nn::tch::Device;
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// The keys of `train.toml`, with their defaults (shown by `hysim train --help`).
pub const CONFIG_HELP: &str = r#"train.toml (keys not given take the default shown; paths are relative to the working folder):

  out = "target/train"              # required: the model folder (encoder/, best/, last/, model.json, fit.json)
  systems = ["encoder", "decoder"]  # either or both
  [data]
  tables = "target/synth/tables.jsonl"   # required: tables with gold records
  gold = "target/synth/gold.jsonl"       # required
  weights = "target/weights.jsonl"  # optional: w_hybrid per table id from `hysim weights` (default 1)
  validation_fraction = 0.1         # every 1/fraction-th table is held out
  empty_tables = false              # true: a table without gold records trains (both systems)
                                    # as one with nothing to extract (false: it is skipped)
  max_tokens = 1024                 # the decoder's training length
  cut_long = true                   # longer examples are cut by body rows into parts that fit,
                                    # each answering for its cells (false: skipped and counted)
  limit = 0                         # at most this many tables (0 = all)
  compare_tables = 4                # validation tables both systems extract to pick the better
  perturb_readings = 0.0            # share of the decoder's training and validation tables
                                    # whose prompt readings are perturbed as a reader errs (codes and
                                    # statistics swapped, false readings on unread cells; the
                                    # answer stays the gold's)
  calibrate_perturbed = true        # calibrate the decoder's confidence on the compared tables
                                    # read both as they are and with perturbed readings
  [[data.reviewed]]                 # optional, repeatable: a curator's reviewed records (the
  tables = "tables.jsonl"           # review page's download) and the tables they come from;
  records = "reviewed.jsonl"        # each table reviewed whole trains as a labelled source
                                    # table (gold: accepted, edited and added records)
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
  gguf = "default"                  # SmolLM2-135M-Instruct from the model cache, a GGUF path, or
                                    # qwen2.5-coder-0.5b (`cargo xtask setup --decoder qwen2.5-coder-0.5b`)
  device = "auto"                   # auto, cpu, cuda or cuda:N
  prompt = "verdicts"               # verdicts: each value cell's id carries the rule-based reader's
                                    # reading (code, statistic); the answer has a line for each
                                    # reading in order, confirmed, corrected or left out (`-`);
                                    # reader: the same prompt, answered with lines for the cells
                                    # the model chooses; plain: ids only
  decision_weight = 1.0             # answer tokens that each answer's first and last tokens
                                    # weigh in the loss (anything to extract? where it ends)
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

/// A trained system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum System {
    /// The encoder extractor: heads over sentence embeddings of the parser's candidates.
    Encoder,
    /// The fine-tuned decoder LLM.
    Decoder,
}

impl System {
    /// The name in settings, model cards and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            System::Encoder => "encoder",
            System::Decoder => "decoder",
        }
    }
}

impl std::fmt::Display for System {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `train.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainSettings {
    /// The model folder written.
    pub out: PathBuf,
    /// The systems trained (`encoder`, `decoder`).
    #[serde(default = "default_systems")]
    pub systems: Vec<String>,
    /// The labelled tables and their split.
    pub data: DataSettings,
    /// The encoder extractor.
    #[serde(default)]
    pub encoder: EncoderSettings,
    /// The decoder.
    #[serde(default)]
    pub model: DecoderSettings,
    /// LoRA adapters; `None`: full fine-tuning.
    #[serde(default)]
    pub lora: Option<LoraConfig>,
    /// The optimiser.
    #[serde(default)]
    pub train: TrainConfig,
    /// The training loop.
    #[serde(default)]
    pub fit: FitConfig,
}

/// The `[data]` table: tables with gold records, their weights and split.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataSettings {
    /// `tables.jsonl` of labelled tables.
    pub tables: PathBuf,
    /// Their gold records.
    pub gold: PathBuf,
    /// `weights.jsonl` of `hysim weights` (`w_hybrid` per table id); `None`: weight 1.
    #[serde(default)]
    pub weights: Option<PathBuf>,
    /// Every `1/fraction`-th table is held out for validation.
    #[serde(default = "default_validation_fraction")]
    pub validation_fraction: f64,
    /// A table without gold records is one with nothing to extract (the gold file is the
    /// curation of every table given); `false` (the default) skips it as unlabelled. The
    /// default pipeline sets it: its corpus's characteristics tables teach the decoder
    /// where there is nothing to point at (docs/MODELS.md).
    #[serde(default)]
    pub empty_tables: bool,
    /// The decoder's training length: longer examples are cut by rows (`cut_long`), or skipped.
    #[serde(default = "default_max_tokens")]
    pub max_tokens: usize,
    /// Cut long decoder examples by body rows into parts that fit (else skip them).
    #[serde(default = "yes")]
    pub cut_long: bool,
    /// At most this many tables (0: all).
    #[serde(default)]
    pub limit: usize,
    /// Validation tables both systems extract to pick the better.
    #[serde(default = "default_compare_tables")]
    pub compare_tables: usize,
    /// The share of the decoder's training and validation tables (with readings in their
    /// prompts) whose readings are perturbed as a reader errs ([`crate::perturb`]). 0 by
    /// default: at the CPU budget a share of 0.5 made the decoder change right readings
    /// (docs/MODELS.md).
    #[serde(default)]
    pub perturb_readings: f64,
    /// Calibrate the decoder's confidence on the compared tables' records read both as they
    /// are and with every table's readings perturbed ([`crate::perturb`]): the synthetic
    /// tables' readings are nearly all right, and a fit on those alone has no wrong record
    /// to rank.
    #[serde(default = "yes")]
    pub calibrate_perturbed: bool,
    /// Reviewed records (`hysim review`'s download) with the tables they were read from:
    /// each table whose every record has a verdict (none pending) trains as a labelled
    /// source table, its gold the records the curator accepted, edited or added (all
    /// rejected: nothing to extract), weighted by the weights file like any source table.
    #[serde(default)]
    pub reviewed: Vec<ReviewedSettings>,
}

/// One `[[data.reviewed]]` entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewedSettings {
    /// The tables the records were extracted from (any input format of `hysim parse`).
    pub tables: PathBuf,
    /// The reviewed records.
    pub records: PathBuf,
}

/// The `[model]` table: the decoder's base model, device and precision.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecoderSettings {
    /// `default` (SmolLM2-135M-Instruct from the model cache) or a GGUF path.
    #[serde(default = "default_name")]
    pub gguf: String,
    /// `auto`, `cpu`, `cuda` or `cuda:N` (the device of both systems).
    #[serde(default = "default_auto")]
    pub device: String,
    /// `auto`, `f32` or `bf16`.
    #[serde(default = "default_auto")]
    pub dtype: String,
    /// What the prompt gives each value cell besides its id.
    #[serde(default = "default_prompt")]
    pub prompt: PromptReadings,
    /// How many answer tokens each answer's first and last tokens weigh in the loss
    /// (`hysim_finetune::decision_weighted_loss`): whether the table holds anything to
    /// extract, and where the answer ends. (Validation losses weigh each batch's loss by
    /// its plain count of target tokens.)
    #[serde(default = "default_decision_weight")]
    pub decision_weight: f64,
}

/// What the decoder's prompt gives each value cell besides its id (`[model] prompt`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PromptReadings {
    /// The id only (what a model card written before readings existed was trained on).
    #[default]
    Plain,
    /// The rule-based reader's reading of the cell: the code and statistic of its record
    /// (`[r0c1 CMAX mean] 1.2 ± 0.3`), for the model to confirm, correct or leave out by
    /// the lines it chooses to write.
    Reader,
    /// The prompt of [`Self::Reader`], answered in verdict form
    /// (`hysim_text::prompt::verdict_text`): a line for each reading in reading order, the
    /// reading confirmed, corrected or left out (`r1c2 -`). Every reading is a decision of
    /// its own: no reading is passed over by a line the model skips (docs/MODELS.md).
    Verdicts,
}

/// The `[encoder]` table: the encoder extractor's sentence encoder and heads.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EncoderSettings {
    /// `default` (all-MiniLM-L6-v2 from the model cache) or a sentence-transformers folder.
    #[serde(default = "default_name")]
    pub model: String,
    /// `auto` (bfloat16 on a CPU that computes it natively, float32 elsewhere: the frozen
    /// encoder only infers, `DType::inference_on`), `f32` or `bf16`: the precision the
    /// frozen encoder embeds candidates in.
    #[serde(default = "default_auto")]
    pub dtype: String,
    /// Head settings.
    #[serde(default)]
    pub heads: HeadsConfig,
}

fn default_systems() -> Vec<String> {
    vec![System::Encoder.to_string(), System::Decoder.to_string()]
}

fn default_compare_tables() -> usize {
    4
}

fn default_validation_fraction() -> f64 {
    0.1
}

fn yes() -> bool {
    true
}

fn default_max_tokens() -> usize {
    1024
}

fn default_name() -> String {
    "default".to_owned()
}

impl PromptReadings {
    /// The name `[model] prompt` takes.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Plain => "plain",
            Self::Reader => "reader",
            Self::Verdicts => "verdicts",
        }
    }

    /// Whether the prompt carries the reader's readings.
    pub fn has_readings(self) -> bool {
        self != Self::Plain
    }
}

fn default_decision_weight() -> f64 {
    1.0
}

fn default_prompt() -> PromptReadings {
    PromptReadings::Verdicts
}

fn default_auto() -> String {
    "auto".to_owned()
}

impl Default for DecoderSettings {
    fn default() -> Self {
        Self {
            gguf: default_name(),
            device: default_auto(),
            dtype: default_auto(),
            prompt: default_prompt(),
            decision_weight: default_decision_weight(),
        }
    }
}

impl Default for EncoderSettings {
    fn default() -> Self {
        Self { model: default_name(), dtype: default_auto(), heads: HeadsConfig::default() }
    }
}

impl TrainSettings {
    /// Reads and checks `train.toml`, returning the settings and the file's text (the
    /// model folder keeps a copy).
    pub fn read(path: &Path) -> Result<(Self, String)> {
        let text =
            std::fs::read_to_string(path).map_err(|source| Error::ReadSettings { path: path.to_path_buf(), source })?;
        let settings: Self =
            toml::from_str(&text).map_err(|source| Error::ParseSettings { path: path.to_path_buf(), source })?;
        settings.check().map_err(|e| Error::InSettings { path: path.to_path_buf(), source: Box::new(e) })?;
        Ok((settings, text))
    }

    /// Values serde cannot check.
    pub fn check(&self) -> Result<()> {
        if !(0.0..1.0).contains(&self.data.validation_fraction) {
            return Err(Error::Setting {
                key: "[data] validation_fraction",
                value: self.data.validation_fraction.to_string(),
                problem: "not within 0..1".to_owned(),
            });
        }
        if !(0.0..=1.0).contains(&self.data.perturb_readings) {
            return Err(Error::Setting {
                key: "[data] perturb_readings",
                value: self.data.perturb_readings.to_string(),
                problem: "not within 0..=1".to_owned(),
            });
        }
        if !(self.model.decision_weight > 0.0 && self.model.decision_weight.is_finite()) {
            return Err(Error::Setting {
                key: "[model] decision_weight",
                value: self.model.decision_weight.to_string(),
                problem: "not a positive number".to_owned(),
            });
        }
        self.systems()?;
        Ok(())
    }

    /// The systems to train, in the order given.
    pub fn systems(&self) -> Result<Vec<System>> {
        let parsed: Option<Vec<System>> = self
            .systems
            .iter()
            .map(|s| match s.as_str() {
                "encoder" => Some(System::Encoder),
                "decoder" => Some(System::Decoder),
                _ => None,
            })
            .collect();
        match parsed {
            Some(systems) if !systems.is_empty() => Ok(systems),
            _ => Err(Error::Setting {
                key: "systems",
                value: format!("{:?}", self.systems),
                problem: "expected \"encoder\" and/or \"decoder\"".to_owned(),
            }),
        }
    }

    /// Whether `system` is to be trained.
    pub fn wants(&self, system: System) -> bool {
        self.systems.iter().any(|s| s == system.as_str())
    }

    /// The decoder's base model file.
    pub fn gguf_path(&self) -> PathBuf {
        hysim_core::cache::decoder_gguf(&self.model.gguf)
    }
}

impl DecoderSettings {
    /// The precision of the decoder's training: float32, or mixed precision with
    /// bfloat16 base weights and float32 adapters (LoRA only).
    pub fn precision(&self, device: Device, lora: bool) -> Result<DType> {
        let auto = || if lora { DType::fastest_for(device) } else { DType::F32 };
        match precision_setting("[model] dtype", &self.dtype, auto)? {
            DType::Bf16 if !lora => Err(Error::Setting {
                key: "[model] dtype",
                value: format!("{:?}", self.dtype),
                problem: "bf16 needs a [lora] table: full fine-tuning keeps every weight in float32 (use \"f32\" or \"auto\")"
                    .to_owned(),
            }),
            dtype => Ok(dtype),
        }
    }
}

impl EncoderSettings {
    /// The precision the encoder embeds in on `device`.
    pub fn precision(&self, device: Device) -> Result<DType> {
        precision_setting("[encoder] dtype", &self.dtype, || DType::Bf16.inference_on(device))
    }

    /// The sentence encoder's folder.
    pub fn model_dir(&self) -> PathBuf {
        if self.model == "default" {
            hysim_core::cache::model_dir(hysim_core::cache::DEFAULT_ENCODER)
        } else {
            PathBuf::from(&self.model)
        }
    }
}

/// A `dtype` setting of train.toml (`key`): `auto` (then `auto()` decides), `f32` or `bf16`.
pub fn precision_setting(key: &'static str, value: &str, auto: impl FnOnce() -> DType) -> Result<DType> {
    match value.trim() {
        name if name.eq_ignore_ascii_case("auto") => Ok(auto()),
        name => match name.parse::<DType>()? {
            DType::F16 => Err(Error::Setting {
                key,
                value: format!("{value:?}"),
                problem: "expected \"f32\", \"bf16\" or \"auto\"".to_owned(),
            }),
            dtype => Ok(dtype),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoder_precision(dtype: &str, device: Device, lora: bool) -> String {
        let model = DecoderSettings { dtype: dtype.to_owned(), ..DecoderSettings::default() };
        match model.precision(device, lora) {
            Ok(d) => d.to_string(),
            Err(e) => format!("error: {e}"),
        }
    }

    fn encoder_precision(dtype: &str) -> String {
        let cfg = EncoderSettings { dtype: dtype.to_owned(), ..EncoderSettings::default() };
        match cfg.precision(Device::Cpu) {
            Ok(d) => d.to_string(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn the_help_shows_the_defaults() {
        let body = CONFIG_HELP.split_once('\n').expect("a title line").1;
        let shown: TrainSettings = toml::from_str(body).expect("the help is valid train.toml");
        assert_eq!(shown.systems, default_systems());
        let encoder = EncoderSettings::default();
        assert_eq!((shown.encoder.model, shown.encoder.dtype), (encoder.model, encoder.dtype));
        assert_eq!(format!("{:?}", shown.encoder.heads), format!("{:?}", HeadsConfig::default()));
        assert_eq!(shown.model.gguf, DecoderSettings::default().gguf);
        assert_eq!((shown.model.device, shown.model.dtype), (default_auto(), default_auto()));
        assert_eq!(shown.lora, Some(LoraConfig::default()));
        assert_eq!(shown.train, TrainConfig::default());
        assert_eq!(format!("{:?}", shown.fit), format!("{:?}", FitConfig::default()));
        let d = shown.data;
        assert_eq!(d.validation_fraction, default_validation_fraction());
        assert_eq!(
            (d.max_tokens, d.limit, d.compare_tables, d.cut_long, d.empty_tables),
            (default_max_tokens(), 0, default_compare_tables(), true, false)
        );
    }

    #[test]
    fn settings_are_checked() {
        let body = CONFIG_HELP.split_once('\n').expect("a title line").1;
        let mut shown: TrainSettings = toml::from_str(body).unwrap();
        assert_eq!(shown.systems().unwrap(), [System::Encoder, System::Decoder]);
        shown.systems = vec!["encoder".into(), "gpt".into()];
        assert_eq!(
            shown.check().unwrap_err().to_string(),
            r#"systems = ["encoder", "gpt"]: expected "encoder" and/or "decoder""#
        );
        shown.systems = vec!["decoder".into()];
        assert!(shown.wants(System::Decoder) && !shown.wants(System::Encoder));
        shown.data.validation_fraction = 1.5;
        assert_eq!(shown.check().unwrap_err().to_string(), "[data] validation_fraction = 1.5: not within 0..1");
    }

    #[test]
    fn training_precision_follows_the_device_and_needs_lora_for_bfloat16() {
        // On CUDA, bf16 where it is measured faster (never on a GPU that is not there).
        let gpu = DType::fastest_for(Device::Cuda(0)).to_string();
        assert_eq!(decoder_precision("auto", Device::Cuda(0), true), gpu);
        let absent = Device::Cuda(hysim_nn::cuda_device_count() + 3);
        assert_eq!(decoder_precision("auto", absent, true), "f32");
        assert_eq!(decoder_precision("auto", Device::Cuda(0), false), "f32");
        let cpu = if hysim_nn::cpu_has_bf16_arithmetic() { "bf16" } else { "f32" };
        assert_eq!(decoder_precision("auto", Device::Cpu, true), cpu);
        assert_eq!(decoder_precision("f32", Device::Cuda(0), true), "f32");
        assert_eq!(decoder_precision("bf16", Device::Cpu, true), "bf16");
        assert!(decoder_precision("bf16", Device::Cpu, false).contains("needs a [lora] table"));
        assert!(decoder_precision("f16", Device::Cpu, true).contains("expected \"f32\", \"bf16\" or \"auto\""));
        assert!(decoder_precision("f64", Device::Cpu, true).starts_with("error: unknown dtype \"f64\""));
    }

    #[test]
    fn encoder_precision_follows_the_device() {
        let cpu = if hysim_nn::cpu_has_bf16_arithmetic() { "bf16" } else { "f32" };
        assert_eq!(encoder_precision("auto"), cpu);
        assert_eq!((encoder_precision("f32"), encoder_precision(" bf16 ")), ("f32".to_owned(), "bf16".to_owned()));
        assert!(encoder_precision("f16").contains("expected \"f32\", \"bf16\" or \"auto\""));
        assert!(encoder_precision("f64").starts_with("error: unknown dtype"));
    }
}
