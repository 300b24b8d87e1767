//! `hysim run`: Algorithm 1 end to end, as `hysim_pipeline` plans it. Each stage's commands
//! run in this process, through the same argument parser as the command line, so a stage
//! can be rerun by hand from its `commands.txt`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Parser;
use hysim_pipeline::{Config, Executor, Outcome, Stage, StagePlan, experiment};

/// Arguments of `hysim run`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The pipeline configuration [default: the embedded default, see --print-default].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Rerun this stage and every later one even when fresh (source, parse, embed,
    /// weights, train, extract, eval, report).
    #[arg(long, value_name = "STAGE")]
    from: Option<Stage>,
    /// Stop after this stage: the later ones do not run (prepare the CPU stages of a run
    /// that trains elsewhere, or inspect the weights before training).
    #[arg(long, value_name = "STAGE", conflicts_with = "experiment")]
    to: Option<Stage>,
    /// Run one of the paper's experiments: alpha-sweep, manifold, ablation, noise, shift or shift-decoder (docs/EXPERIMENTS.md).
    #[arg(long, value_name = "NAME")]
    experiment: Option<String>,
    /// The smallest end-to-end run (a few tables, two training steps): a smoke test of
    /// every stage, in about 30 s on a CPU.
    #[arg(long)]
    tiny: bool,
    /// Override the configuration's device (auto, cpu, cuda:N).
    #[arg(long)]
    device: Option<String>,
    /// Override the configuration's run name.
    #[arg(long)]
    name: Option<String>,
    /// Where `{shared}` paths point [default: $HYSIM_SHARED, else ../shared].
    #[arg(long, value_name = "DIR")]
    shared: Option<PathBuf>,
    /// Print the embedded default configuration and exit.
    #[arg(long)]
    print_default: bool,
}

/// Runs `hysim` command lines in this process.
struct InProcess;

impl Executor for InProcess {
    fn hysim(&mut self, argv: &[String]) -> std::result::Result<String, Box<dyn std::error::Error + Send + Sync>> {
        let cli = crate::Cli::try_parse_from(std::iter::once("hysim".to_owned()).chain(argv.iter().cloned()))?;
        let summary = crate::execute(cli.command).map_err(|e| -> Box<dyn std::error::Error + Send + Sync> {
            e.chain().map(|e| e.to_string()).collect::<Vec<_>>().join(": ").into()
        })?;
        Ok(summary)
    }

    /// The sha256 of the running `hysim` executable, computed once per process: a stage
    /// another build ran is run again. On Linux it reads `/proc/self/exe`, which still opens
    /// when cargo has replaced the file on disk meanwhile.
    fn identity(&self) -> Option<String> {
        static BUILD: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
        BUILD
            .get_or_init(|| {
                let exe = Path::new("/proc/self/exe");
                let exe = if exe.exists() { exe.to_path_buf() } else { std::env::current_exe().ok()? };
                match hysim_core::hash_file(&exe) {
                    Ok(hash) => Some(hash),
                    Err(e) => {
                        tracing::warn!(
                            "cannot hash the hysim executable ({e}): stages are judged without the build, so a stage another build ran may be taken as fresh"
                        );
                        None
                    }
                }
            })
            .clone()
    }
}

#[allow(clippy::print_stderr, reason = "stage progress goes to standard error")]
pub(crate) fn run(args: &Args) -> Result<String> {
    if args.print_default {
        return Ok(hysim_pipeline::config::DEFAULT_TOML.trim_end().to_owned());
    }
    let mut cfg = match &args.config {
        Some(path) => Config::load(path)?,
        None => Config::embedded(),
    };
    if args.tiny {
        cfg = cfg.tiny()?;
    }
    if let Some(device) = &args.device {
        cfg.device = device.clone();
    }
    if let Some(name) = &args.name {
        cfg.name = name.clone();
    }
    let device = cfg.device.parse::<hysim_nn::DeviceSpec>()?.resolve()?;
    if device.is_cuda() {
        cfg = cfg.for_gpu()?;
        tracing::info!("running on {device:?}: the [gpu] settings apply");
    }
    let shared = args
        .shared
        .clone()
        .or_else(|| std::env::var_os("HYSIM_SHARED").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("../shared"));
    if let (Some(from), Some(to)) = (args.from, args.to) {
        anyhow::ensure!(from <= to, "--from {from} comes after --to {to}: no stage would run");
    }
    let started = std::time::Instant::now();
    let Some(name) = &args.experiment else {
        return run_one(&cfg, &shared, args.from, args.to);
    };
    let variants = experiment::variants(name)?;
    if experiment::is_shift(name) {
        return shift(&cfg, &shared, name, &variants, device.is_cuda(), args.from, started);
    }
    let extra = hysim_pipeline::config::experiment_overrides(name, device.is_cuda());
    let mut rows = Vec::new();
    for k in 0..variants.len() {
        let run = run_variant(&cfg, &shared, name, &variants, k, &extra, args.from)?;
        for (system, metrics, value) in run.metrics {
            let row = hysim_pipeline::summary::row(&format!("{} ({system})", variants[k].label), &value)
                .with_context(|| format!("{}: no numeric scores", metrics.display()))?;
            rows.push(row);
        }
    }
    let table = hysim_pipeline::summary::table(&rows);
    let out = cfg.root.join(format!("{}-{name}", cfg.name)).join("experiment.md");
    let text = format!(
        "# Experiment `{name}`\n\nScores of the trained systems per variant (numeric protocol against the target gold, bootstrap 95 % intervals over papers), {} in all.\n\n{table}",
        format_seconds(started.elapsed().as_secs_f64())
    );
    hysim_core::io::atomic_write(&out, |w| std::io::Write::write_all(w, text.as_bytes()))?;
    Ok(format!("{text}\nwritten to {}", out.display()))
}

/// `--experiment shift` (and `shift-decoder`): every variant run, then its scores pooled
/// over seeds and compared with `unweighted` per target and system
/// (`hysim_eval::experiment`), written as `experiment.md`, `experiment.json` and an
/// F1-against-alpha plot per target, kind of gold and system that has the alpha methods.
#[allow(clippy::print_stderr, reason = "stage progress goes to standard error")]
fn shift(
    cfg: &Config,
    shared: &Path,
    name: &str,
    variants: &[experiment::Variant],
    gpu: bool,
    from: Option<Stage>,
    started: std::time::Instant,
) -> Result<String> {
    use hysim_eval::experiment::{self as exp, Run};
    let reference = "unweighted";
    let extra = hysim_pipeline::config::experiment_overrides(name, gpu);
    let mut runs = Vec::new();
    let mut arm_seconds: std::collections::BTreeMap<String, f64> = std::collections::BTreeMap::new();
    // The source corpus every variant shares, where the label-noise check looks.
    let mut corpus = None;
    for (k, variant) in variants.iter().enumerate() {
        let t0 = std::time::Instant::now();
        let run = run_variant(cfg, shared, name, variants, k, &extra, from)?;
        *arm_seconds.entry(variant.arm.clone()).or_default() += t0.elapsed().as_secs_f64();
        let dir = run.dir;
        corpus.get_or_insert_with(|| dir.join("source/corpus"));
        let diagnostics = dir.join("weights/weights.diagnostics.json");
        let weights = exp::weight_summary(
            &hysim_core::io::read_json(&diagnostics)?,
            &hysim_core::io::read_jsonl(&dir.join("source/corpus/tables.jsonl"))?,
            &hysim_core::SampleWeights::read_jsonl(&dir.join("weights/weights.jsonl"))?,
        )
        .map_err(|e| anyhow::anyhow!("{}: {e}", diagnostics.display()))?;
        for (system, metrics, value) in run.metrics {
            let tallies = exp::tallies_of(&value);
            anyhow::ensure!(!tallies.is_empty(), "{}: no per-paper scores", metrics.display());
            runs.push(Run {
                arm: variant.arm.clone(),
                method: variant.method.clone(),
                seed: variant.seed,
                system,
                tallies,
                weights: Some(weights.clone()),
            });
        }
    }
    let rows = exp::compare(&runs, reference, 1000, 0);
    let out_dir = cfg.root.join(format!("{}-{name}", cfg.name));
    let mut plots = Vec::new();
    for row in rows.iter().filter(|r| r.method == reference) {
        if let Some(svg) = exp::alpha_plot(&rows, &row.arm, &row.system, &row.kind, "similarity") {
            let file = format!("alpha-{}-{}-{}.svg", row.arm, row.kind, row.system);
            hysim_core::io::atomic_write(&out_dir.join(&file), |w| std::io::Write::write_all(w, svg.as_bytes()))?;
            plots.push(file);
        }
    }
    let verdicts: Vec<String> = rows
        .iter()
        .filter(|r| r.method == "hybrid")
        .map(|r| format!("- {} target, {}, {}: {}", r.arm, r.kind, r.system, exp::verdict(r, reference)))
        .collect();
    let mut systems: Vec<&str> = runs.iter().map(|r| r.system.as_str()).collect();
    systems.sort_unstable();
    systems.dedup();
    let decoder_steps = experiment::variant_config(cfg, name, &variants[0], &extra)?
        .train
        .get("train")
        .and_then(|t| t.get("total_steps"))
        .and_then(toml::Value::as_integer);
    let trained = systems
        .iter()
        .map(|s| match (*s, decoder_steps) {
            ("decoder", Some(steps)) => format!("the decoder, {steps} LoRA steps"),
            ("encoder", _) => "the encoder extractor".to_owned(),
            (other, _) => other.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" and ");
    let timing: Vec<String> =
        arm_seconds.iter().map(|(arm, s)| format!("{arm} target {}", format_seconds(*s))).collect();
    let write = |label_noise: &str| -> Result<String> {
        let text = format!(
            "# Experiment `{name}`\n\nDoes HySim weighting help under a domain shift with noise the embeddings can see? Every method trained with {} seeds per target ({trained}); scores pooled over seeds, intervals over the target papers (1,000 paired resamples), differences to `{reference}` on the same resamples. {} in all ({}).\n\n## Hybrid weighting against none\n\n{}\n\n## Scores\n\n{}{}## Label noise the table embeddings cannot see\n\nEach gold record of the source corpus, its label as text (its code's parameter name, value, unit, statistic) beside its cell's text (row stub, header path, cell), embedded by the sentence encoder; its margin is its cell's similarity to its label minus that to the same label under the best of its table's other parameter codes (the margin weighs the code only: the labels compared share their value and unit), flagged when its z-score within its code lies below -k (`hysim label-noise`; AUC: the chance that a record of that kind has a lower z-score than a clean one, 0.5 blind).\n\n{label_noise}",
            experiment::SHIFT_SEEDS.len(),
            format_seconds(started.elapsed().as_secs_f64()),
            timing.join(", "),
            verdicts.join("\n"),
            exp::markdown(&rows, reference),
            plots.iter().map(|p| format!("![F1 against alpha]({p})\n\n")).collect::<String>(),
        );
        hysim_core::io::atomic_write(&out_dir.join("experiment.md"), |w| {
            std::io::Write::write_all(w, text.as_bytes())
        })?;
        Ok(text)
    };
    // The scores are written before the label-noise check, which loads the encoder again.
    hysim_core::io::write_json(&out_dir.join("experiment.json"), &rows)?;
    write("(not run: see the error of `hysim label-noise`)\n")?;
    // Label noise the table embeddings cannot see, looked for in the (shared) source corpus.
    let label_noise = match corpus {
        Some(corpus) => {
            let report = out_dir.join("label-noise.json");
            let argv: Vec<String> = [
                "label-noise",
                "--tables",
                &corpus.join("tables.jsonl").to_string_lossy(),
                "--gold",
                &corpus.join("gold.jsonl").to_string_lossy(),
                "--out",
                &report.to_string_lossy(),
                "--device",
                &cfg.device,
            ]
            .iter()
            .map(|a| (*a).to_owned())
            .collect();
            eprintln!(
                "\n=== {name}: label noise in the source corpus ===\n{}",
                hysim_pipeline::Job::Hysim(argv.clone()).display()
            );
            let summary = InProcess.hysim(&argv).map_err(|e| anyhow::anyhow!("{e}"))?;
            eprintln!("      {summary}");
            hysim_core::io::read_json::<hysim_extract::labels::LabelNoise>(&report)?.markdown()
        }
        None => String::new(),
    };
    let text = write(&label_noise)?;
    Ok(format!("{text}\nwritten to {}", out_dir.join("experiment.md").display()))
}

/// What one experiment variant's run left: its folder, and per trained system the path
/// and content of its `metrics.json`.
struct VariantRun {
    dir: PathBuf,
    metrics: Vec<(String, PathBuf, serde_json::Value)>,
}

/// Runs variant `k` of `experiment` (announced as `k + 1` of all) and reads its scores.
#[allow(clippy::print_stderr, reason = "stage progress goes to standard error")]
fn run_variant(
    cfg: &Config,
    shared: &Path,
    name: &str,
    variants: &[experiment::Variant],
    k: usize,
    extra: &toml::Table,
    from: Option<Stage>,
) -> Result<VariantRun> {
    let variant = &variants[k];
    let vcfg = experiment::variant_config(cfg, name, variant, extra)?;
    eprintln!("\n=== {name}: variant {}/{} {} ===", k + 1, variants.len(), variant.label);
    run_one(&vcfg, shared, from, None)?;
    let dir = vcfg.root.join(&vcfg.name);
    let mut metrics = Vec::new();
    for system in hysim_pipeline::plan::systems(&vcfg) {
        let path = dir.join("eval").join(&system).join("metrics.json");
        let value: serde_json::Value = hysim_core::io::read_json(&path)
            .with_context(|| format!("variant {} wrote no scores (is the gold absent?)", variant.label))?;
        metrics.push((system, path, value));
    }
    Ok(VariantRun { dir, metrics })
}

#[allow(clippy::print_stderr, reason = "stage progress goes to standard error")]
fn run_one(cfg: &Config, shared: &std::path::Path, from: Option<Stage>, to: Option<Stage>) -> Result<String> {
    let started = std::time::Instant::now();
    let mut plan = hysim_pipeline::plan(cfg, shared)?;
    if let Some(to) = to {
        plan.stages.retain(|stage| stage.stage <= to);
    }
    for skipped in &plan.skipped {
        eprintln!("note: {} is absent; left out", skipped.display());
    }
    let n = plan.stages.len();
    let mut k = 0;
    let mut notify = |stage: &StagePlan, outcome: Option<&Outcome>| match outcome {
        None => {
            k += 1;
            eprintln!("[{k}/{n}] {} ({})", stage.stage, stage.dir.display());
        }
        Some(Outcome::Fresh) => eprintln!("      fresh: inputs unchanged, skipped"),
        Some(Outcome::Ran { seconds, resumed, summaries }) => {
            if stage.stage != Stage::Report {
                for line in summaries.iter().flat_map(|s| s.lines()) {
                    eprintln!("      {line}");
                }
            }
            eprintln!("      done in {}{}", format_seconds(*seconds), if *resumed { " (resumed)" } else { "" });
        }
    };
    let outcomes = hysim_pipeline::run(&plan, from, &mut InProcess, &mut notify)?;
    let ran = outcomes.iter().filter(|(_, o)| matches!(o, Outcome::Ran { .. })).count();
    let elapsed = format_seconds(started.elapsed().as_secs_f64());
    let dir = plan.run_dir.display();
    if let Some(to) = to.filter(|&to| to < Stage::Report) {
        return Ok(format!(
            "run {} stopped after {to} in {elapsed} ({ran} of {n} stages ran, the others were fresh); artifacts in {dir}",
            cfg.name
        ));
    }
    let summary = std::fs::read_to_string(plan.run_dir.join("report/summary.md")).unwrap_or_default();
    Ok(format!(
        "{summary}\nrun {} finished in {elapsed} ({ran} of {n} stages ran, the others were fresh); artifacts in {dir}",
        cfg.name
    ))
}

fn format_seconds(s: f64) -> String {
    if s < 90.0 { format!("{s:.1} s") } else { format!("{:.1} min", s / 60.0) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command the pipeline plans parses with this binary's own parser: the default
    /// run, `--tiny`, the `[gpu]` budget and every variant of every experiment (a renamed
    /// flag fails here, not in a run).
    #[test]
    fn every_planned_command_parses() {
        let shared = PathBuf::from("../shared");
        let base = Config::embedded();
        let mut configs = vec![base.clone(), base.tiny().unwrap(), base.for_gpu().unwrap()];
        for gpu in [false, true] {
            for name in experiment::NAMES {
                let extra = hysim_pipeline::config::experiment_overrides(name, gpu);
                for variant in experiment::variants(name).unwrap() {
                    configs.push(experiment::variant_config(&base, name, &variant, &extra).unwrap());
                }
            }
        }
        let mut parsed = 0;
        // Inputs are found from the workspace root, where runs start.
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        for cfg in &mut configs {
            for path in &mut cfg.target.tables {
                if !path.starts_with("{shared}") {
                    *path = root.join(&*path).display().to_string();
                }
            }
            let plan = hysim_pipeline::plan(cfg, &shared).unwrap();
            for stage in &plan.stages {
                for job in &stage.jobs {
                    if let hysim_pipeline::plan::Job::Hysim(argv) = job {
                        let line = std::iter::once("hysim".to_owned()).chain(argv.iter().cloned());
                        if let Err(e) = crate::Cli::try_parse_from(line) {
                            panic!("{} of run {}: {:?} does not parse: {e}", stage.stage, cfg.name, argv);
                        }
                        parsed += 1;
                    }
                }
            }
        }
        assert!(parsed > 100, "{parsed} commands");
    }
}
