//! `pipeline.toml`: what a run reads, how each stage is set, and where it writes.
//!
//! The embedded default is `src/default.toml` (printed by `hysim run --print-default`);
//! every key is documented there. Stage sections that belong to a stage crate (`weights`,
//! `train`) are passed through as TOML and checked by that stage, so this crate stays free
//! of model code.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// The embedded default configuration.
pub const DEFAULT_TOML: &str = include_str!("default.toml");

/// A whole `pipeline.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The run's name: its artifacts go to `<root>/<name>/<stage>/`.
    pub name: String,
    /// The folder that holds runs.
    #[serde(default = "default_root")]
    pub root: PathBuf,
    /// `auto`, `cpu` or `cuda:N`, for the embed, train and extract stages.
    #[serde(default = "default_device")]
    pub device: String,
    /// The labelled source domain.
    pub source: Source,
    /// The target domain and its gold values.
    pub target: Target,
    /// Embedding settings.
    #[serde(default)]
    pub embed: Embed,
    /// `weights.toml`, passed to `hysim weights` as written.
    #[serde(default)]
    pub weights: toml::Table,
    /// `train.toml` without `out` and the data paths, passed to `hysim train`.
    #[serde(default)]
    pub train: toml::Table,
    /// Extraction settings.
    #[serde(default)]
    pub extract: Extract,
    /// Evaluation settings.
    #[serde(default)]
    pub eval: Eval,
    /// Settings merged over the others when the device is a GPU.
    #[serde(default, skip_serializing_if = "toml::Table::is_empty")]
    pub gpu: toml::Table,
}

/// Where the labelled source examples come from: a synthetic corpus, or files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Generate the corpus with `hysim synth`.
    #[serde(default)]
    pub synth: Option<Synth>,
    /// Or read tables (any format `hysim parse` reads, as tables.jsonl)...
    #[serde(default)]
    pub tables: Option<PathBuf>,
    /// ...with their gold records (SPEC JSON Lines).
    #[serde(default)]
    pub gold: Option<PathBuf>,
}

/// `hysim synth` settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Synth {
    /// Number of tables.
    pub n: usize,
    /// Seed.
    #[serde(default)]
    pub seed: u64,
    /// `clinical`, `veterinary` or `mixed`.
    #[serde(default = "default_profile")]
    pub profile: String,
    /// `none` or `kind=rate,...` (see `hysim synth --help`).
    #[serde(default = "default_noise")]
    pub noise: String,
}

/// The target domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Table files; a path starting with `{shared}` is optional (skipped when absent).
    pub tables: Vec<String>,
    /// Gold files or folders for scoring (same rule for `{shared}`); none skips scoring.
    #[serde(default)]
    pub gold: Vec<String>,
}

/// Embedding settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Embed {
    /// `default` (all-MiniLM-L6-v2 from the model cache) or a model folder.
    #[serde(default = "default_model")]
    pub model: String,
    /// Texts per forward pass.
    #[serde(default = "default_batch")]
    pub batch_size: usize,
}

impl Default for Embed {
    fn default() -> Self {
        Self { model: default_model(), batch_size: default_batch() }
    }
}

/// Extraction settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extract {
    /// `gold` (only the target tables of papers with gold values) or `all`.
    #[serde(default = "default_papers")]
    pub papers: String,
    /// Most tokens the decoder writes per table.
    #[serde(default = "default_new_tokens")]
    pub max_new_tokens: usize,
    /// Tables the decoder writes at once.
    #[serde(default = "default_extract_batch")]
    pub batch_size: usize,
    /// Tokens a table's prompt must more than leave for the decoder's answer, else the
    /// table is cut by body rows into parts (`hysim extract --answer-room`).
    #[serde(default)]
    pub answer_room: usize,
}

impl Default for Extract {
    fn default() -> Self {
        Self {
            papers: default_papers(),
            max_new_tokens: default_new_tokens(),
            batch_size: default_extract_batch(),
            answer_room: 0,
        }
    }
}

fn default_extract_batch() -> usize {
    4
}

/// Evaluation settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eval {
    /// Bootstrap resamples for the intervals (0 = none).
    #[serde(default = "default_bootstrap")]
    pub bootstrap: usize,
    /// The AutoPK protocol's text similarity: `default`, `none` or a model folder.
    #[serde(default = "default_model")]
    pub encoder: String,
}

impl Default for Eval {
    fn default() -> Self {
        Self { bootstrap: default_bootstrap(), encoder: default_model() }
    }
}

fn default_root() -> PathBuf {
    PathBuf::from("target/pipeline")
}
fn default_device() -> String {
    "auto".to_owned()
}
fn default_profile() -> String {
    "mixed".to_owned()
}
fn default_noise() -> String {
    "none".to_owned()
}
fn default_model() -> String {
    "default".to_owned()
}
fn default_batch() -> usize {
    64
}
fn default_papers() -> String {
    "gold".to_owned()
}
fn default_new_tokens() -> usize {
    512
}
fn default_bootstrap() -> usize {
    1000
}

impl Config {
    /// The embedded default.
    pub fn embedded() -> Self {
        Self::from_toml(DEFAULT_TOML, "embedded default").expect("invariant: the embedded default is valid")
    }

    /// Reads a `pipeline.toml`.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| hysim_core::Error::Read { path: path.to_path_buf(), source })?;
        Self::from_toml(&text, &path.display().to_string())
    }

    /// Parses and checks a configuration; `origin` names it in errors.
    pub fn from_toml(text: &str, origin: &str) -> Result<Self> {
        let cfg: Config = toml::from_str(text).map_err(|e| {
            // One line: the message and where, without toml's drawing of the source.
            let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let problem = match line {
                Some(line) => format!("line {line}: {}", e.message().trim()),
                None => e.message().trim().to_owned(),
            };
            Error::Config { origin: origin.to_owned(), problem: problem.replace('\n', " ") }
        })?;
        cfg.validate(origin)?;
        Ok(cfg)
    }

    /// The settings with the `[gpu]` table merged over them (for a run on a GPU).
    pub fn for_gpu(&self) -> Result<Self> {
        if self.gpu.is_empty() {
            return Ok(self.clone());
        }
        let mut value = toml::Value::try_from(self).expect("invariant: a config serialises");
        if let toml::Value::Table(table) = &mut value {
            table.remove("gpu");
            merge(table, &self.gpu);
        }
        let merged: Config = value
            .try_into()
            .map_err(|e| Error::Config { origin: "[gpu] settings".to_owned(), problem: e.to_string() })?;
        merged.validate("[gpu] settings")?;
        Ok(merged)
    }

    /// A copy with `overrides` (a TOML table, as the experiments write them) merged over it.
    pub fn with(&self, overrides: &toml::Table) -> Result<Self> {
        let mut value = toml::Value::try_from(self).expect("invariant: a config serialises");
        if let toml::Value::Table(table) = &mut value {
            merge(table, overrides);
        }
        let merged: Config =
            value.try_into().map_err(|e| Error::Config { origin: "overrides".to_owned(), problem: e.to_string() })?;
        merged.validate("overrides")?;
        Ok(merged)
    }

    /// The smallest run of every stage (`--tiny`): a few source tables, the open target
    /// tables only, two training steps of one table, short answers; no `[gpu]` budget.
    pub fn tiny(&self) -> Result<Self> {
        let mut cfg = self.with(&parse_overrides(TINY_TOML))?;
        cfg.name = format!("{}-tiny", self.name);
        cfg.gpu = toml::Table::new();
        Ok(cfg)
    }

    fn validate(&self, origin: &str) -> Result<()> {
        let bad = |problem: String| Err(Error::Config { origin: origin.to_owned(), problem });
        if self.name.is_empty() || self.name.contains(['/', '\\']) || self.name.starts_with('.') {
            return bad(format!("name {:?} is not a folder name", self.name));
        }
        match (&self.source.synth, &self.source.tables, &self.source.gold) {
            (Some(_), None, None) | (None, Some(_), Some(_)) => {}
            _ => return bad("[source] needs either [source.synth] or both `tables` and `gold`".to_owned()),
        }
        if let Some(s) = &self.source.synth
            && s.n == 0
        {
            return bad("source.synth.n is 0".to_owned());
        }
        if self.target.tables.is_empty() {
            return bad("target.tables is empty".to_owned());
        }
        if !matches!(self.extract.papers.as_str(), "gold" | "all") {
            return bad(format!("extract.papers {:?} is neither \"gold\" nor \"all\"", self.extract.papers));
        }
        if self.embed.batch_size == 0 || self.extract.batch_size == 0 {
            return bad("embed.batch_size or extract.batch_size is 0".to_owned());
        }
        for key in ["out"] {
            if self.train.contains_key(key) {
                return bad(format!("train.{key} is set by the pipeline; leave it out"));
            }
        }
        if let Some(toml::Value::Table(data)) = self.train.get("data") {
            for key in ["tables", "gold", "weights"] {
                if data.contains_key(key) {
                    return bad(format!("train.data.{key} is set by the pipeline; leave it out"));
                }
            }
        }
        Ok(())
    }
}

const TINY_TOML: &str = r#"
[source.synth]
n = 16
[target]
tables = ["fixtures/open-tables.jsonl"]
[train.data]
limit = 8
max_tokens = 512
validation_fraction = 0.0
[train.train]
total_steps = 2
warmup_steps = 0
[train.fit]
batch_size = 1
eval_every = 2
[extract]
max_new_tokens = 48
[eval]
bootstrap = 100
"#;

/// The budget of each experiment variant, merged over the configuration: on a CPU only the
/// encoder extractor is trained (a decoder run per variant would take hours on two
/// cores); on a GPU both systems, with the `[gpu]` budget.
pub fn experiment_overrides(gpu: bool) -> toml::Table {
    if gpu { toml::Table::new() } else { parse_overrides(EXPERIMENT_CPU_TOML) }
}

const EXPERIMENT_CPU_TOML: &str = r#"
[train]
systems = ["encoder"]
[eval]
bootstrap = 500
"#;

fn parse_overrides(text: &str) -> toml::Table {
    toml::from_str(text).expect("invariant: the built-in overrides are valid TOML")
}

/// Merges `over` into `base`, tables key by key, other values replaced.
fn merge(base: &mut toml::Table, over: &toml::Table) {
    for (key, value) in over {
        match (base.get_mut(key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            _ => {
                base.insert(key.clone(), value.clone());
            }
        }
    }
}

/// Resolves a configured path: `{shared}` becomes `shared`; the flag says whether the path
/// was under `{shared}` (and so optional).
pub fn resolve(path: &str, shared: &Path) -> (PathBuf, bool) {
    match path.strip_prefix("{shared}") {
        Some(rest) => (shared.join(rest.trim_start_matches(['/', '\\'])), true),
        None => (PathBuf::from(path), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_default_parses_and_merges_gpu_settings() {
        let cfg = Config::embedded();
        assert_eq!(cfg.name, "default");
        let gpu = cfg.for_gpu().unwrap();
        assert_eq!(gpu.source.synth.as_ref().unwrap().n, 2000);
        // Untouched keys survive the merge.
        assert_eq!(gpu.train["lora"]["rank"].as_integer(), Some(8));
        assert_eq!(gpu.train["train"]["lr"].as_float(), Some(1e-3));
        assert!(gpu.gpu.is_empty());
    }

    #[test]
    fn errors_name_the_setting() {
        let err = |text: &str| Config::from_toml(text, "p.toml").unwrap_err().to_string();
        let base = "name = \"x\"\n[target]\ntables = [\"t.jsonl\"]\n";
        assert!(err(&format!("{base}[source]\n")).contains("[source.synth]"));
        assert!(
            err(&format!("{base}[source.synth]\nn = 0\n")).contains("source.synth.n is 0"),
            "{}",
            err(&format!("{base}[source.synth]\nn = 0\n"))
        );
        assert!(err(&format!("{base}[source.synth]\nn = 3\n[train]\nout = \"x\"\n")).contains("train.out"));
        assert!(err(&format!("{base}[source.synth]\nn = 3\n[extract]\npapers = \"some\"\n")).contains("\"some\""));
        assert!(err("name = \"a/b\"").starts_with("p.toml: "));
        // TOML errors in one line, with the line number.
        let e = err("name = \"x\"\n[target]\ntables = 3\n");
        assert!(!e.contains('\n') && e.contains("line 3"), "{e}");
    }

    #[test]
    fn shared_paths_are_optional() {
        let shared = Path::new("/s");
        assert_eq!(resolve("{shared}/data/t.jsonl", shared), (PathBuf::from("/s/data/t.jsonl"), true));
        assert_eq!(resolve("fixtures/t.jsonl", shared), (PathBuf::from("fixtures/t.jsonl"), false));
    }
}
