//! The stage graph: from a [`Config`] to the folders, inputs, settings and `hysim`
//! command lines of every stage of Algorithm 1.
//!
//! Each stage is a list of [`Job`]s, most of them `hysim` command lines, so a stage can be
//! rerun by hand from its `manifest.json`, which records them.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use hysim_core::ModelDir;

use crate::config::{Config, resolve};
use crate::{Error, Result};

/// The stages, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// The labelled source corpus (`hysim synth`, or the configured files).
    Source,
    /// Target tables gathered into one tables.jsonl and read into rule-based records (step 1).
    Parse,
    /// Embeddings of source and target tables (step 2).
    Embed,
    /// Similarity, cleanliness and hybrid weights (steps 3 to 5).
    Weights,
    /// Weighted fine-tuning (step 6).
    Train,
    /// Records written by the trained model for the target tables.
    Extract,
    /// Scores of the model and of the rule-based parser against the gold values (step 7).
    Eval,
    /// The run's summary: scores, weighting diagnostics, training curve.
    Report,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 8] = [
        Stage::Source,
        Stage::Parse,
        Stage::Embed,
        Stage::Weights,
        Stage::Train,
        Stage::Extract,
        Stage::Eval,
        Stage::Report,
    ];

    /// The stage's name, which is also its folder's.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Source => "source",
            Stage::Parse => "parse",
            Stage::Embed => "embed",
            Stage::Weights => "weights",
            Stage::Train => "train",
            Stage::Extract => "extract",
            Stage::Eval => "eval",
            Stage::Report => "report",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Stage {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        Stage::ALL.into_iter().find(|st| st.name() == s).ok_or_else(|| {
            let names: Vec<&str> = Stage::ALL.iter().map(|st| st.name()).collect();
            format!("unknown stage {s:?} (stages: {})", names.join(", "))
        })
    }
}

/// One unit of a stage's work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    /// A `hysim` command line, without the program name.
    Hysim(Vec<String>),
    /// The run summary, written by this crate (`crate::summary`).
    Summary,
}

impl Job {
    /// The job as one line, for logs and manifests.
    pub fn display(&self) -> String {
        match self {
            Job::Hysim(argv) => {
                let quoted: Vec<String> = argv
                    .iter()
                    .map(|a| if a.contains([' ', '"', '\'']) || a.is_empty() { format!("{a:?}") } else { a.clone() })
                    .collect();
                format!("hysim {}", quoted.join(" "))
            }
            Job::Summary => "(summary)".to_owned(),
        }
    }
}

/// A stage as planned.
#[derive(Debug, Clone)]
pub struct StagePlan {
    /// Which stage.
    pub stage: Stage,
    /// Its folder, `<root>/<run>/<stage>/`.
    pub dir: PathBuf,
    /// Its settings, as text: part of the freshness hash.
    pub settings: String,
    /// Files it reads (earlier stages' outputs and external inputs): their content is part
    /// of the freshness hash.
    pub inputs: Vec<PathBuf>,
    /// Files it writes, relative to `dir`; all must exist when it finishes.
    pub outputs: Vec<String>,
    /// Files the pipeline writes into `dir` before the jobs run (name, content).
    pub files: Vec<(String, String)>,
    /// The work.
    pub jobs: Vec<Job>,
    /// A flag added to the jobs when an interrupted earlier attempt with the same inputs
    /// left this checkpoint (relative to `dir`): training resumes instead of restarting.
    pub resume: Option<(String, String)>,
}

/// A whole run as planned.
#[derive(Debug, Clone)]
pub struct Plan {
    /// `<root>/<name>/`.
    pub run_dir: PathBuf,
    /// The configuration the plan came from (after any `[gpu]` merge).
    pub config: Config,
    /// Stages in order.
    pub stages: Vec<StagePlan>,
    /// Optional inputs that were absent and left out (shown to the user).
    pub skipped: Vec<PathBuf>,
    /// Target gold files, when any (the eval stage runs only with them).
    pub gold: Vec<PathBuf>,
}

/// A path as a command-line argument.
fn arg(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// The artifacts stages hand each other, with the configuration and the resolved inputs.
struct Planner<'a> {
    cfg: &'a Config,
    run_dir: PathBuf,
    target_tables: Vec<PathBuf>,
    gold: Vec<PathBuf>,
    gold_files: Vec<PathBuf>,
    systems: Vec<String>,
    /// The source corpus's tables and gold.
    source_tables: PathBuf,
    source_gold: PathBuf,
    /// The parser's records and the gathered target tables.
    parsed: PathBuf,
    target: PathBuf,
    source_emb: PathBuf,
    target_emb: PathBuf,
    weights_out: PathBuf,
    train: ModelDir,
    train_outputs: Vec<String>,
}

impl Planner<'_> {
    fn dir(&self, stage: Stage) -> PathBuf {
        self.run_dir.join(stage.name())
    }

    /// Source: the synthetic corpus, or labelled tables parsed into one tables.jsonl.
    fn source(&self) -> Result<StagePlan> {
        let cfg = self.cfg;
        let source = self.dir(Stage::Source);
        let synth_job = |synth: &crate::config::Synth, out: &Path, prefix: Option<&str>| {
            let mut argv = vec!["synth".to_owned()];
            if let Some(prefix) = prefix {
                argv.extend(["--prefix".into(), prefix.into()]);
            }
            argv.extend([
                "--n".into(),
                synth.n.to_string(),
                "--seed".into(),
                synth.seed.to_string(),
                "--profile".into(),
                synth.profile.clone(),
                "--noise".into(),
                synth.noise.clone(),
                "--out".into(),
                arg(out),
            ]);
            Job::Hysim(argv)
        };
        let mut settings = to_toml(&cfg.source);
        if let Some(target) = &cfg.target.synth {
            settings.push_str(&format!("[target.synth]\n{}", to_toml(target)));
        }
        let mut plan = StagePlan {
            stage: Stage::Source,
            dir: source.clone(),
            settings,
            inputs: Vec::new(),
            outputs: vec!["corpus/tables.jsonl".into()],
            files: Vec::new(),
            jobs: Vec::new(),
            resume: None,
        };
        if let Some(target) = &cfg.target.synth {
            plan.outputs.extend([format!("{TARGET_CORPUS}/tables.jsonl"), format!("{TARGET_CORPUS}/gold.jsonl")]);
            plan.jobs.push(synth_job(target, &source.join(TARGET_CORPUS), Some(TARGET_PREFIX)));
        }
        match (&cfg.source.synth, &cfg.source.tables, &cfg.source.gold) {
            (Some(synth), _, _) => {
                plan.outputs.push("corpus/gold.jsonl".into());
                plan.jobs.push(synth_job(synth, &source.join("corpus"), None));
            }
            (None, Some(tables), Some(gold)) => {
                for (what, p) in [("source.tables", tables), ("source.gold", gold)] {
                    if !p.exists() {
                        return Err(Error::MissingInput { what: what.into(), path: p.clone() });
                    }
                }
                // The tables in one tables.jsonl, whatever their format; the gold is read in place.
                plan.inputs = vec![tables.clone(), gold.clone()];
                plan.outputs.push("corpus/records.jsonl".into());
                plan.jobs.push(Job::Hysim(vec![
                    "parse".into(),
                    arg(tables),
                    "--out".into(),
                    arg(&source.join("corpus/records.jsonl")),
                    "--tables-out".into(),
                    arg(&self.source_tables),
                ]));
            }
            _ => unreachable!("invariant: Config::validate checked [source]"),
        }
        Ok(plan)
    }

    /// Parse: the target tables, gathered (deduplicated by table id) and read into records.
    fn parse(&self) -> StagePlan {
        let mut argv = vec!["parse".to_owned()];
        argv.extend(self.target_tables.iter().map(|p| arg(p)));
        argv.extend(["--out".into(), arg(&self.parsed), "--tables-out".into(), arg(&self.target)]);
        StagePlan {
            stage: Stage::Parse,
            dir: self.dir(Stage::Parse),
            settings: String::new(),
            inputs: self.target_tables.clone(),
            outputs: vec!["records.jsonl".into(), "tables.jsonl".into()],
            files: Vec::new(),
            jobs: vec![Job::Hysim(argv)],
            resume: None,
        }
    }

    /// Embed: the source and the target tables.
    fn embed(&self) -> StagePlan {
        let cfg = self.cfg;
        let embed_job = |texts: &Path, out: &Path| {
            let mut argv = vec!["embed".to_owned(), "--texts".into(), arg(texts), "--out".into(), arg(out)];
            if cfg.embed.model != "default" {
                argv.extend(["--model".into(), cfg.embed.model.clone()]);
            }
            argv.extend([
                "--device".into(),
                cfg.device.clone(),
                "--batch-size".into(),
                cfg.embed.batch_size.to_string(),
            ]);
            Job::Hysim(argv)
        };
        StagePlan {
            stage: Stage::Embed,
            dir: self.dir(Stage::Embed),
            settings: format!("{}device = {:?}\n", to_toml(&cfg.embed), cfg.device),
            inputs: vec![self.source_tables.clone(), self.target.clone()],
            outputs: vec![
                "source.safetensors".into(),
                "source.ids.json".into(),
                "target.safetensors".into(),
                "target.ids.json".into(),
            ],
            files: Vec::new(),
            jobs: vec![embed_job(&self.source_tables, &self.source_emb), embed_job(&self.target, &self.target_emb)],
            resume: None,
        }
    }

    /// Weights: `weights.toml` is the configured `[weights]`.
    fn weights(&self) -> StagePlan {
        let cfg = self.cfg;
        let weights = self.dir(Stage::Weights);
        let weights_toml = toml::to_string(&cfg.weights).expect("invariant: a TOML table serialises");
        StagePlan {
            stage: Stage::Weights,
            dir: weights.clone(),
            settings: weights_toml.clone(),
            inputs: vec![self.source_emb.clone(), self.target_emb.clone()],
            outputs: vec!["weights.jsonl".into(), "weights.diagnostics.json".into()],
            files: vec![("weights.toml".into(), weights_toml)],
            jobs: vec![Job::Hysim(vec![
                "weights".into(),
                "--source".into(),
                arg(&self.source_emb),
                "--target".into(),
                arg(&self.target_emb),
                "--config".into(),
                arg(&weights.join("weights.toml")),
                "--out".into(),
                arg(&self.weights_out),
                "--device".into(),
                cfg.device.clone(),
            ])],
            resume: None,
        }
    }

    /// Train: train.toml is the configured `[train]` with the paths filled in.
    fn train(&self) -> StagePlan {
        let cfg = self.cfg;
        let train = self.train.root();
        let mut train_toml = cfg.train.clone();
        train_toml.insert("out".into(), toml::Value::String(arg(train)));
        let data = train_toml.entry("data").or_insert_with(|| toml::Value::Table(toml::Table::new()));
        if let toml::Value::Table(data) = data {
            data.insert("tables".into(), toml::Value::String(arg(&self.source_tables)));
            data.insert("gold".into(), toml::Value::String(arg(&self.source_gold)));
            data.insert("weights".into(), toml::Value::String(arg(&self.weights_out)));
        }
        let model = train_toml.entry("model").or_insert_with(|| toml::Value::Table(toml::Table::new()));
        if let toml::Value::Table(model) = model {
            model.entry("device").or_insert_with(|| toml::Value::String(cfg.device.clone()));
        }
        let train_text = toml::to_string(&train_toml).expect("invariant: a TOML table serialises");
        StagePlan {
            stage: Stage::Train,
            dir: train.to_path_buf(),
            settings: train_text.clone(),
            inputs: vec![self.source_tables.clone(), self.source_gold.clone(), self.weights_out.clone()],
            outputs: self.train_outputs.clone(),
            files: vec![(ModelDir::SETTINGS.into(), train_text)],
            jobs: vec![Job::Hysim(vec!["train".into(), "--config".into(), arg(&self.train.settings())])],
            resume: Some(("--resume".into(), last_weights())),
        }
    }

    /// Extract: each trained system writes records for the target tables.
    fn extract(&self) -> StagePlan {
        let cfg = self.cfg;
        let extract = self.dir(Stage::Extract);
        let mut jobs = Vec::new();
        for system in &self.systems {
            let mut argv = vec![
                "extract".to_owned(),
                arg(&self.target),
                "--model".into(),
                arg(self.train.root()),
                "--system".into(),
                system.clone(),
                "--out".into(),
                arg(&extract.join(format!("{system}.jsonl"))),
                "--device".into(),
                cfg.device.clone(),
            ];
            // Decoding settings; the encoder extractor keeps its own batch of tables.
            if system == "decoder" {
                argv.extend([
                    "--max-new-tokens".into(),
                    cfg.extract.max_new_tokens.to_string(),
                    "--batch-size".into(),
                    cfg.extract.batch_size.to_string(),
                ]);
                if cfg.extract.max_added_tokens > 0 {
                    argv.extend(["--max-added-tokens".into(), cfg.extract.max_added_tokens.to_string()]);
                }
                if cfg.extract.answer_room > 0 {
                    argv.extend(["--answer-room".into(), cfg.extract.answer_room.to_string()]);
                }
                if cfg.extract.raw_verdicts {
                    argv.push("--raw-verdicts".into());
                }
            }
            if cfg.extract.papers == "gold" && !self.gold_files.is_empty() {
                argv.push("--papers-in".into());
                argv.extend(self.gold.iter().map(|p| arg(p)));
            }
            jobs.push(Job::Hysim(argv));
        }
        let mut inputs = vec![self.target.clone()];
        inputs.extend(self.train_outputs.iter().map(|o| self.train.root().join(o)));
        inputs.extend(self.gold_files.iter().cloned());
        StagePlan {
            stage: Stage::Extract,
            dir: extract,
            settings: format!("{}device = {:?}\n", to_toml(&cfg.extract), cfg.device),
            inputs,
            outputs: self.systems.iter().map(|s| format!("{s}.jsonl")).collect(),
            files: Vec::new(),
            jobs,
            resume: None,
        }
    }

    /// Eval: each system and the rule-based parser against the same gold; `None` without gold.
    fn eval(&self) -> Option<StagePlan> {
        if self.gold.is_empty() {
            return None;
        }
        let cfg = self.cfg;
        let (eval, extract) = (self.dir(Stage::Eval), self.dir(Stage::Extract));
        let eval_job = |pred: &Path, out: &str, compare: Option<&Path>| {
            let mut argv = vec!["eval".to_owned(), "--gold".into()];
            argv.extend(self.gold.iter().map(|p| arg(p)));
            argv.extend([
                "--pred".into(),
                arg(pred),
                "--out".into(),
                arg(&eval.join(out)),
                "--tables".into(),
                arg(&self.target),
                "--bootstrap".into(),
                cfg.eval.bootstrap.to_string(),
                "--encoder".into(),
                cfg.eval.encoder.clone(),
            ]);
            if let Some(c) = compare {
                argv.extend([
                    "--compare".into(),
                    arg(c),
                    "--weights".into(),
                    arg(&self.weights_out),
                    "--embeddings".into(),
                    arg(&self.source_emb),
                    arg(&self.target_emb),
                ]);
            }
            Job::Hysim(argv)
        };
        let mut inputs = vec![self.parsed.clone(), self.target.clone(), self.weights_out.clone()];
        inputs.extend(self.systems.iter().map(|s| extract.join(format!("{s}.jsonl"))));
        inputs.extend(self.gold_files.iter().cloned());
        let mut jobs: Vec<Job> =
            self.systems.iter().map(|s| eval_job(&extract.join(format!("{s}.jsonl")), s, Some(&self.parsed))).collect();
        jobs.push(eval_job(&self.parsed, "parse", None));
        // A curator's review page per system: its records on the target tables' cells,
        // judged against the same gold.
        for system in self.systems.iter().map(String::as_str).chain(["parse"]) {
            let pred = if system == "parse" { self.parsed.clone() } else { extract.join(format!("{system}.jsonl")) };
            let mut argv =
                vec!["review".to_owned(), arg(&self.target), "--records".into(), arg(&pred), "--gold".into()];
            argv.extend(self.gold.iter().map(|p| arg(p)));
            argv.extend([
                "--out".into(),
                arg(&eval.join(system).join("review.html")),
                "--title".into(),
                format!("HySim review: {system} records of run {}", cfg.name),
            ]);
            jobs.push(Job::Hysim(argv));
        }
        let mut outputs = Vec::new();
        for system in self.systems.iter().map(String::as_str).chain(["parse"]) {
            outputs.push(format!("{system}/metrics.json"));
            outputs.push(format!("{system}/report.html"));
            outputs.push(format!("{system}/review.html"));
        }
        Some(StagePlan {
            stage: Stage::Eval,
            dir: eval,
            settings: to_toml(&cfg.eval),
            inputs,
            outputs,
            files: Vec::new(),
            jobs,
            resume: None,
        })
    }

    /// Report: the run's summary from the stages' JSON artifacts.
    fn report(&self) -> StagePlan {
        let eval = self.dir(Stage::Eval);
        let mut inputs = vec![self.dir(Stage::Weights).join("weights.diagnostics.json"), self.train.card()];
        if self.systems.iter().any(|s| s == "decoder") {
            inputs.push(self.train.fit_report());
        }
        if !self.gold.is_empty() {
            inputs.extend(
                self.systems.iter().map(String::as_str).chain(["parse"]).map(|s| eval.join(s).join("metrics.json")),
            );
        }
        StagePlan {
            stage: Stage::Report,
            dir: self.dir(Stage::Report),
            settings: String::new(),
            inputs,
            outputs: vec!["summary.md".into(), "summary.json".into()],
            files: Vec::new(),
            jobs: vec![Job::Summary],
            resume: None,
        }
    }
}

/// The source stage's folder of the synthetic target corpus (`[target.synth]`).
pub const TARGET_CORPUS: &str = "target";
/// The paper-id prefix of the synthetic target (`tgt000001`; the source's papers are `syn...`).
pub const TARGET_PREFIX: &str = "tgt";

/// `last/trainable.safetensors`, what an interrupted train stage resumes from.
fn last_weights() -> String {
    format!("{}/{}", ModelDir::LAST, ModelDir::CHECKPOINT_WEIGHTS)
}

/// Plans a run of `cfg`. `shared` is the folder `{shared}` paths resolve against.
pub fn plan(cfg: &Config, shared: &Path) -> Result<Plan> {
    let run_dir = cfg.root.join(&cfg.name);
    let mut skipped = Vec::new();
    let mut existing = |paths: &[String], what: &str| -> Result<Vec<PathBuf>> {
        let mut found = Vec::new();
        for p in paths {
            let (path, optional) = resolve(p, shared);
            if path.exists() {
                found.push(path);
            } else if optional {
                tracing::warn!(path = %path.display(), "optional input absent; left out");
                skipped.push(path);
            } else {
                return Err(Error::MissingInput { what: what.to_owned(), path });
            }
        }
        Ok(found)
    };
    let mut target_tables = existing(&cfg.target.tables, "target.tables")?;
    let mut gold = existing(&cfg.target.gold, "target.gold")?;
    let dir = |stage: Stage| run_dir.join(stage.name());
    let source = dir(Stage::Source);
    // The synthetic target comes first: the source stage writes it.
    if cfg.target.synth.is_some() {
        target_tables.insert(0, source.join(TARGET_CORPUS).join("tables.jsonl"));
        gold.insert(0, source.join(TARGET_CORPUS).join("gold.jsonl"));
    }
    if target_tables.is_empty() {
        return Err(Error::MissingInput {
            what: "target.tables (every listed file is absent)".to_owned(),
            path: resolve(&cfg.target.tables[0], shared).0,
        });
    }
    let source_gold = match (&cfg.source.synth, &cfg.source.gold) {
        (Some(_), _) => source.join("corpus/gold.jsonl"),
        (None, Some(gold)) => gold.clone(),
        (None, None) => source.join("corpus/gold.jsonl"),
    };
    let systems = systems(cfg);
    let mut train_outputs = vec![ModelDir::CARD.to_owned()];
    if systems.iter().any(|s| s == "encoder") {
        train_outputs.extend([ModelDir::ENCODER_HEADS.to_owned(), ModelDir::ENCODER_META.to_owned()]);
    }
    if systems.iter().any(|s| s == "decoder") {
        train_outputs.extend([ModelDir::FIT_REPORT.to_owned(), last_weights()]);
    }
    let planner = Planner {
        cfg,
        gold_files: gold_files(&gold),
        target_tables,
        gold: gold.clone(),
        systems,
        source_tables: source.join("corpus/tables.jsonl"),
        source_gold,
        parsed: dir(Stage::Parse).join("records.jsonl"),
        target: dir(Stage::Parse).join("tables.jsonl"),
        source_emb: dir(Stage::Embed).join("source.safetensors"),
        target_emb: dir(Stage::Embed).join("target.safetensors"),
        weights_out: dir(Stage::Weights).join("weights.jsonl"),
        train: ModelDir::new(dir(Stage::Train)),
        train_outputs,
        run_dir: run_dir.clone(),
    };
    let mut stages = vec![
        planner.source()?,
        planner.parse(),
        planner.embed(),
        planner.weights(),
        planner.train(),
        planner.extract(),
    ];
    stages.extend(planner.eval());
    stages.push(planner.report());
    Ok(Plan { run_dir, config: cfg.clone(), stages, skipped, gold })
}

/// The systems the train stage trains (`train.systems`, default both), in the order
/// encoder, decoder.
pub fn systems(cfg: &Config) -> Vec<String> {
    let listed: Vec<String> = match cfg.train.get("systems") {
        Some(toml::Value::Array(a)) => a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
        _ => vec!["encoder".to_owned(), "decoder".to_owned()],
    };
    ["encoder", "decoder"].into_iter().filter(|s| listed.iter().any(|l| l == s)).map(str::to_owned).collect()
}

/// The files under the gold paths (folders listed one level deep, sorted), for hashing.
fn gold_files(gold: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for g in gold {
        if g.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(g)
                .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect())
                .unwrap_or_default();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(g.clone());
        }
    }
    files
}

/// TOML text of a settings section (serialising plain config structs cannot fail).
fn to_toml<T: serde::Serialize>(value: &T) -> String {
    toml::to_string(value).expect("invariant: settings serialise")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The decoder's extraction command of the embedded default with `[extract]` as `edit`
    /// leaves it.
    fn decoder_extraction(edit: impl Fn(&mut crate::config::Extract)) -> Vec<String> {
        let tmp = tempfile::tempdir().unwrap();
        let tables = tmp.path().join("tables.jsonl");
        std::fs::write(&tables, "").unwrap();
        let mut cfg = Config::embedded();
        cfg.root = tmp.path().join("runs");
        cfg.target = crate::config::Target { tables: vec![arg(&tables)], gold: Vec::new(), synth: None };
        edit(&mut cfg.extract);
        let plan = plan(&cfg, tmp.path()).unwrap();
        let extract = plan.stages.iter().find(|st| st.stage == Stage::Extract).unwrap();
        extract
            .jobs
            .iter()
            .find_map(|j| match j {
                Job::Hysim(argv) if argv.iter().any(|a| a == "decoder") => Some(argv.clone()),
                _ => None,
            })
            .unwrap()
    }

    /// `[target.synth]`: the source stage writes the target corpus (ids `tgt...`) beside the
    /// source, and parse, extract and eval read its tables and gold; a target seed equal to
    /// the source's is refused.
    #[test]
    fn a_synthetic_target_is_generated_by_the_source_stage_and_scored() {
        let tmp = tempfile::tempdir().unwrap();
        let mut cfg = Config::embedded();
        cfg.root = tmp.path().join("runs");
        let target = crate::config::Synth { n: 30, seed: 5, profile: "veterinary".into(), noise: "none".into() };
        cfg.target = crate::config::Target { tables: Vec::new(), gold: Vec::new(), synth: Some(target) };
        let plan = plan(&cfg, tmp.path()).unwrap();
        let source = &plan.stages[0];
        let job = source.jobs[0].display();
        assert!(job.contains("--prefix tgt") && job.contains("--seed 5") && job.ends_with("source/target"), "{job}");
        assert!(source.outputs.contains(&"target/gold.jsonl".to_owned()));
        assert!(source.settings.contains("[target.synth]"));
        let gold = plan.run_dir.join("source/target/gold.jsonl");
        assert_eq!(plan.gold, vec![gold.clone()]);
        let parse = plan.stages.iter().find(|st| st.stage == Stage::Parse).unwrap();
        assert_eq!(parse.inputs, vec![plan.run_dir.join("source/target/tables.jsonl")]);
        let eval = plan.stages.iter().find(|st| st.stage == Stage::Eval).unwrap();
        assert!(eval.inputs.contains(&gold));
        cfg.target.synth.as_mut().unwrap().noise = "ocr=0.2,label=0.1".into();
        let err = plan_err(&cfg);
        assert!(err.contains("\"label\" changes the gold"), "{err}");
        cfg.target.synth.as_mut().unwrap().noise = "ocr=0.2, shifted_columns=0.1".into();
        plan_err_free(&cfg);
        cfg.target.synth.as_mut().unwrap().seed = 0;
        let err = plan_err(&cfg);
        assert!(err.contains("repeat source tables"), "{err}");
    }

    fn plan_err_free(cfg: &Config) {
        Config::from_toml(&toml::to_string(cfg).unwrap(), "test").unwrap();
    }

    fn plan_err(cfg: &Config) -> String {
        Config::from_toml(&toml::to_string(cfg).unwrap(), "test").unwrap_err().to_string()
    }

    #[test]
    fn the_answer_room_and_raw_verdicts_reach_the_decoder_only_when_set() {
        let default = decoder_extraction(|_| {});
        assert!(!default.iter().any(|a| a == "--answer-room" || a == "--raw-verdicts"), "{default:?}");
        let argv = decoder_extraction(|e| e.answer_room = 96);
        let at = argv.iter().position(|a| a == "--answer-room").unwrap();
        assert_eq!(argv[at + 1], "96");
        assert!(decoder_extraction(|e| e.raw_verdicts = true).iter().any(|a| a == "--raw-verdicts"));
    }
}
