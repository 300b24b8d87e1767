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

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// Plans a run of `cfg`. `shared` is the folder `{shared}` paths resolve against.
pub fn plan(cfg: &Config, shared: &Path) -> Result<Plan> {
    let run_dir = cfg.root.join(&cfg.name);
    let dir = |stage: Stage| run_dir.join(stage.name());
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
    let target_tables = existing(&cfg.target.tables, "target.tables")?;
    if target_tables.is_empty() {
        return Err(Error::MissingInput {
            what: "target.tables (every listed file is absent)".to_owned(),
            path: resolve(&cfg.target.tables[0], shared).0,
        });
    }
    let gold = existing(&cfg.target.gold, "target.gold")?;
    let gold_files = gold_files(&gold);
    let mut stages = Vec::new();

    // Source.
    let source = dir(Stage::Source);
    let source_tables = source.join("corpus/tables.jsonl");
    let mut source_plan = StagePlan {
        stage: Stage::Source,
        dir: source.clone(),
        settings: to_toml(&cfg.source),
        inputs: Vec::new(),
        outputs: vec!["corpus/tables.jsonl".into()],
        files: Vec::new(),
        jobs: Vec::new(),
        resume: None,
    };
    let source_gold = match (&cfg.source.synth, &cfg.source.tables, &cfg.source.gold) {
        (Some(synth), _, _) => {
            source_plan.outputs.push("corpus/gold.jsonl".into());
            source_plan.jobs.push(Job::Hysim(vec![
                "synth".into(),
                "--n".into(),
                synth.n.to_string(),
                "--seed".into(),
                synth.seed.to_string(),
                "--profile".into(),
                synth.profile.clone(),
                "--noise".into(),
                synth.noise.clone(),
                "--out".into(),
                s(&source.join("corpus")),
            ]));
            source.join("corpus/gold.jsonl")
        }
        (None, Some(tables), Some(gold)) => {
            for (what, p) in [("source.tables", tables), ("source.gold", gold)] {
                if !p.exists() {
                    return Err(Error::MissingInput { what: what.into(), path: p.clone() });
                }
            }
            // The tables in one tables.jsonl, whatever their format; the gold is read in place.
            source_plan.inputs = vec![tables.clone(), gold.clone()];
            source_plan.outputs.push("corpus/records.jsonl".into());
            source_plan.jobs.push(Job::Hysim(vec![
                "parse".into(),
                s(tables),
                "--out".into(),
                s(&source.join("corpus/records.jsonl")),
                "--tables-out".into(),
                s(&source_tables),
            ]));
            gold.clone()
        }
        _ => unreachable!("invariant: Config::validate checked [source]"),
    };
    stages.push(source_plan);

    // Parse: the target tables, gathered (deduplicated by table id) and read into records.
    let parse = dir(Stage::Parse);
    let (parsed, target) = (parse.join("records.jsonl"), parse.join("tables.jsonl"));
    let mut argv = vec!["parse".to_owned()];
    argv.extend(target_tables.iter().map(|p| s(p)));
    argv.extend(["--out".into(), s(&parsed), "--tables-out".into(), s(&target)]);
    stages.push(StagePlan {
        stage: Stage::Parse,
        dir: parse.clone(),
        settings: String::new(),
        inputs: target_tables.clone(),
        outputs: vec!["records.jsonl".into(), "tables.jsonl".into()],
        files: Vec::new(),
        jobs: vec![Job::Hysim(argv)],
        resume: None,
    });

    // Embed.
    let embed = dir(Stage::Embed);
    let (source_emb, target_emb) = (embed.join("source.safetensors"), embed.join("target.safetensors"));
    let embed_job = |texts: &Path, out: &Path| {
        let mut argv = vec!["embed".to_owned(), "--texts".into(), s(texts), "--out".into(), s(out)];
        if cfg.embed.model != "default" {
            argv.extend(["--model".into(), cfg.embed.model.clone()]);
        }
        argv.extend(["--device".into(), cfg.device.clone(), "--batch-size".into(), cfg.embed.batch_size.to_string()]);
        Job::Hysim(argv)
    };
    stages.push(StagePlan {
        stage: Stage::Embed,
        dir: embed.clone(),
        settings: format!("{}device = {:?}\n", to_toml(&cfg.embed), cfg.device),
        inputs: vec![source_tables.clone(), target.clone()],
        outputs: vec![
            "source.safetensors".into(),
            "source.ids.json".into(),
            "target.safetensors".into(),
            "target.ids.json".into(),
        ],
        files: Vec::new(),
        jobs: vec![embed_job(&source_tables, &source_emb), embed_job(&target, &target_emb)],
        resume: None,
    });

    // Weights.
    let weights = dir(Stage::Weights);
    let weights_toml = toml::to_string(&cfg.weights).expect("invariant: a TOML table serialises");
    let weights_out = weights.join("weights.jsonl");
    stages.push(StagePlan {
        stage: Stage::Weights,
        dir: weights.clone(),
        settings: weights_toml.clone(),
        inputs: vec![source_emb.clone(), target_emb.clone()],
        outputs: vec!["weights.jsonl".into(), "weights.diagnostics.json".into()],
        files: vec![("weights.toml".into(), weights_toml)],
        jobs: vec![Job::Hysim(vec![
            "weights".into(),
            "--source".into(),
            s(&source_emb),
            "--target".into(),
            s(&target_emb),
            "--config".into(),
            s(&weights.join("weights.toml")),
            "--out".into(),
            s(&weights_out),
            "--device".into(),
            cfg.device.clone(),
        ])],
        resume: None,
    });

    // Train: train.toml is the configured [train] with the paths filled in.
    let train = dir(Stage::Train);
    let train_model = ModelDir::new(&train);
    let mut train_toml = cfg.train.clone();
    train_toml.insert("out".into(), toml::Value::String(s(&train)));
    let data = train_toml.entry("data").or_insert_with(|| toml::Value::Table(toml::Table::new()));
    if let toml::Value::Table(data) = data {
        data.insert("tables".into(), toml::Value::String(s(&source_tables)));
        data.insert("gold".into(), toml::Value::String(s(&source_gold)));
        data.insert("weights".into(), toml::Value::String(s(&weights_out)));
    }
    let model = train_toml.entry("model").or_insert_with(|| toml::Value::Table(toml::Table::new()));
    if let toml::Value::Table(model) = model {
        model.entry("device").or_insert_with(|| toml::Value::String(cfg.device.clone()));
    }
    let train_text = toml::to_string(&train_toml).expect("invariant: a TOML table serialises");
    let systems = systems(cfg);
    let last_weights = format!("{}/{}", ModelDir::LAST, ModelDir::CHECKPOINT_WEIGHTS);
    let mut train_outputs = vec![ModelDir::CARD.to_owned()];
    if systems.iter().any(|s| s == "encoder") {
        train_outputs.extend([ModelDir::ENCODER_HEADS.to_owned(), ModelDir::ENCODER_META.to_owned()]);
    }
    if systems.iter().any(|s| s == "decoder") {
        train_outputs.extend([ModelDir::FIT_REPORT.to_owned(), last_weights.clone()]);
    }
    stages.push(StagePlan {
        stage: Stage::Train,
        dir: train.clone(),
        settings: train_text.clone(),
        inputs: vec![source_tables.clone(), source_gold.clone(), weights_out.clone()],
        outputs: train_outputs.clone(),
        files: vec![(ModelDir::SETTINGS.into(), train_text)],
        jobs: vec![Job::Hysim(vec!["train".into(), "--config".into(), s(&train_model.settings())])],
        resume: Some(("--resume".into(), last_weights)),
    });

    // Extract: each trained system writes records for the target tables.
    let extract = dir(Stage::Extract);
    let mut jobs = Vec::new();
    for system in &systems {
        let mut argv = vec![
            "extract".to_owned(),
            s(&target),
            "--model".into(),
            s(&train),
            "--system".into(),
            system.clone(),
            "--out".into(),
            s(&extract.join(format!("{system}.jsonl"))),
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
            if cfg.extract.answer_room > 0 {
                argv.extend(["--answer-room".into(), cfg.extract.answer_room.to_string()]);
            }
        }
        if cfg.extract.papers == "gold" && !gold_files.is_empty() {
            argv.push("--papers-in".into());
            argv.extend(gold.iter().map(|p| s(p)));
        }
        jobs.push(Job::Hysim(argv));
    }
    let mut extract_inputs = vec![target.clone()];
    extract_inputs.extend(train_outputs.iter().map(|o| train.join(o)));
    extract_inputs.extend(gold_files.iter().cloned());
    stages.push(StagePlan {
        stage: Stage::Extract,
        dir: extract.clone(),
        settings: format!("{}device = {:?}\n", to_toml(&cfg.extract), cfg.device),
        inputs: extract_inputs,
        outputs: systems.iter().map(|s| format!("{s}.jsonl")).collect(),
        files: Vec::new(),
        jobs,
        resume: None,
    });

    // Eval: each system and the rule-based parser against the same gold.
    let eval = dir(Stage::Eval);
    let eval_job = |pred: &Path, out: &str, compare: Option<&Path>| {
        let mut argv = vec!["eval".to_owned(), "--gold".into()];
        argv.extend(gold.iter().map(|p| s(p)));
        argv.extend([
            "--pred".into(),
            s(pred),
            "--out".into(),
            s(&eval.join(out)),
            "--tables".into(),
            s(&target),
            "--bootstrap".into(),
            cfg.eval.bootstrap.to_string(),
            "--encoder".into(),
            cfg.eval.encoder.clone(),
        ]);
        if let Some(c) = compare {
            argv.extend([
                "--compare".into(),
                s(c),
                "--weights".into(),
                s(&weights_out),
                "--embeddings".into(),
                s(&source_emb),
                s(&target_emb),
            ]);
        }
        Job::Hysim(argv)
    };
    if !gold.is_empty() {
        let mut inputs = vec![parsed.clone(), target.clone(), weights_out.clone()];
        inputs.extend(systems.iter().map(|s| extract.join(format!("{s}.jsonl"))));
        inputs.extend(gold_files.iter().cloned());
        let mut jobs: Vec<Job> =
            systems.iter().map(|s| eval_job(&extract.join(format!("{s}.jsonl")), s, Some(&parsed))).collect();
        jobs.push(eval_job(&parsed, "parse", None));
        let mut outputs = Vec::new();
        for system in systems.iter().map(String::as_str).chain(["parse"]) {
            outputs.push(format!("{system}/metrics.json"));
            outputs.push(format!("{system}/report.html"));
        }
        stages.push(StagePlan {
            stage: Stage::Eval,
            dir: eval.clone(),
            settings: to_toml(&cfg.eval),
            inputs,
            outputs,
            files: Vec::new(),
            jobs,
            resume: None,
        });
    }

    // Report.
    let report = dir(Stage::Report);
    let mut inputs = vec![weights.join("weights.diagnostics.json"), train_model.card()];
    if systems.iter().any(|s| s == "decoder") {
        inputs.push(train_model.fit_report());
    }
    if !gold.is_empty() {
        inputs.extend(systems.iter().map(String::as_str).chain(["parse"]).map(|s| eval.join(s).join("metrics.json")));
    }
    stages.push(StagePlan {
        stage: Stage::Report,
        dir: report,
        settings: String::new(),
        inputs,
        outputs: vec!["summary.md".into(), "summary.json".into()],
        files: Vec::new(),
        jobs: vec![Job::Summary],
        resume: None,
    });
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

    /// The decoder's extraction command of the embedded default with `answer_room`.
    fn decoder_extraction(answer_room: usize) -> Vec<String> {
        let tmp = tempfile::tempdir().unwrap();
        let tables = tmp.path().join("tables.jsonl");
        std::fs::write(&tables, "").unwrap();
        let mut cfg = Config::embedded();
        cfg.root = tmp.path().join("runs");
        cfg.target = crate::config::Target { tables: vec![s(&tables)], gold: Vec::new() };
        cfg.extract.answer_room = answer_room;
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

    #[test]
    fn the_answer_room_reaches_the_decoder_only_when_set() {
        assert!(!decoder_extraction(0).iter().any(|a| a == "--answer-room"));
        let argv = decoder_extraction(96);
        let at = argv.iter().position(|a| a == "--answer-room").unwrap();
        assert_eq!(argv[at + 1], "96");
    }
}
