//! Running a [`Plan`]: freshness, stage folders, manifests, resumption.
//!
//! A stage is fresh when its folder holds a `manifest.json` whose input hashes (settings,
//! command lines, input files) equal the current ones and whose outputs all exist; fresh
//! stages are skipped. The manifest is written last, so an interrupted stage (Ctrl-C, a
//! crash) is never taken as done: the next run redoes it, and the train stage resumes from
//! its last checkpoint when its inputs are unchanged. Every artifact is written atomically
//! by the stage commands, so an interruption leaves each file whole, old or new.

use std::path::Path;
use std::time::Instant;

use hysim_core::{StageManifest, hash_bytes, hash_file};

use crate::plan::{Job, Plan, Stage, StagePlan};
use crate::{Error, Result};

/// Runs the `hysim` commands of the stages (the command line runs them in its own process).
pub trait Executor {
    /// Runs one command line (without the program name) and returns its summary line.
    fn hysim(&mut self, argv: &[String]) -> std::result::Result<String, Box<dyn std::error::Error + Send + Sync>>;

    /// What runs the commands (the hash of the `hysim` build, say), when it can say: a stage
    /// that another build ran is not fresh, since the same inputs may give other outputs.
    fn identity(&self) -> Option<String> {
        None
    }
}

/// What happened to a stage.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Its inputs were unchanged: skipped.
    Fresh,
    /// It ran (resumed from a checkpoint or not), with each job's summary.
    Ran {
        /// Wall time in seconds.
        seconds: f64,
        /// Whether it continued an interrupted attempt.
        resumed: bool,
        /// The jobs' summary lines.
        summaries: Vec<String>,
    },
}

/// Runs the stages of `plan` in order. Stages from `from` on run even when fresh. `notify`
/// is called before each stage (with `None`) and after it (with its outcome).
pub fn run(
    plan: &Plan,
    from: Option<Stage>,
    exec: &mut dyn Executor,
    notify: &mut dyn FnMut(&StagePlan, Option<&Outcome>),
) -> Result<Vec<(Stage, Outcome)>> {
    let mut outcomes = Vec::new();
    let tool = exec.identity();
    for stage in &plan.stages {
        notify(stage, None);
        let outcome = run_stage(plan, stage, tool.as_deref(), from.is_some_and(|f| stage.stage >= f), exec)?;
        notify(stage, Some(&outcome));
        outcomes.push((stage.stage, outcome));
    }
    Ok(outcomes)
}

/// The manifest input that names the build running the stage.
const BUILD: &str = "hysim";

/// Whether two manifests have the same inputs but perhaps another build: a checkpoint of
/// an interrupted stage is resumed by another build (one that fixes what stopped it, say).
fn same_inputs_but_build(a: &StageManifest, b: &StageManifest) -> bool {
    fn inputs(m: &StageManifest) -> Vec<(&String, &String)> {
        m.inputs.iter().filter(|(k, _)| k.as_str() != BUILD).collect()
    }
    inputs(a) == inputs(b)
}

/// The manifest a stage would have now: hashes of its settings, commands and input files,
/// and the identity of the `tool` that runs it, when known.
pub fn manifest_of(stage: &StagePlan, tool: Option<&str>) -> Result<StageManifest> {
    let commands: Vec<String> = stage.jobs.iter().map(Job::display).collect();
    let mut manifest = StageManifest::new(stage.stage.name())
        .input("settings", hash_bytes(stage.settings.as_bytes()))
        .input("commands", hash_bytes(commands.join("\n").as_bytes()));
    if let Some(tool) = tool {
        manifest = manifest.input(BUILD, tool);
    }
    for input in &stage.inputs {
        if !input.exists() {
            return Err(Error::MissingInput { what: format!("input of stage {}", stage.stage), path: input.clone() });
        }
        manifest = manifest.input(input.to_string_lossy(), hash_file(input)?);
    }
    manifest.outputs = stage.outputs.clone();
    Ok(manifest)
}

fn run_stage(
    plan: &Plan,
    stage: &StagePlan,
    tool: Option<&str>,
    forced: bool,
    exec: &mut dyn Executor,
) -> Result<Outcome> {
    let manifest = manifest_of(stage, tool)?;
    if !forced && manifest.is_fresh_in(&stage.dir) {
        tracing::info!(stage = %stage.stage, dir = %stage.dir.display(), "fresh, skipped");
        return Ok(Outcome::Fresh);
    }
    let started_file = stage.dir.join("started.json");
    let resume_flag = stage.resume.as_ref().filter(|(_, checkpoint)| {
        !forced
            && stage.dir.join(checkpoint).is_file()
            && hysim_core::io::read_json::<StageManifest>(&started_file)
                .is_ok_and(|s| same_inputs_but_build(&s, &manifest))
    });
    let folder_err = |source| Error::Folder { path: stage.dir.clone(), source };
    if resume_flag.is_some() {
        let _ = std::fs::remove_file(stage.dir.join("manifest.json"));
        remove_temporaries(&stage.dir);
        tracing::info!(stage = %stage.stage, "an interrupted attempt with the same inputs left a checkpoint: resuming");
    } else if stage.dir.exists() {
        std::fs::remove_dir_all(&stage.dir).map_err(folder_err)?;
    }
    std::fs::create_dir_all(&stage.dir).map_err(folder_err)?;
    hysim_core::io::write_json(&started_file, &manifest)?;
    for (name, content) in &stage.files {
        hysim_core::io::atomic_write(&stage.dir.join(name), |out| std::io::Write::write_all(out, content.as_bytes()))?;
    }
    let commands: String = stage.jobs.iter().map(|j| format!("{}\n", j.display())).collect();
    hysim_core::io::atomic_write(&stage.dir.join("commands.txt"), |out| {
        std::io::Write::write_all(out, commands.as_bytes())
    })?;
    let clock = Instant::now();
    let mut summaries = Vec::new();
    for job in &stage.jobs {
        tracing::debug!(stage = %stage.stage, "{}", job.display());
        let summary = match job {
            Job::Hysim(argv) => {
                let mut argv = argv.clone();
                if let Some((flag, _)) = resume_flag {
                    argv.push(flag.clone());
                }
                exec.hysim(&argv).map_err(|source| Error::Job {
                    stage: stage.stage.name().to_owned(),
                    command: job.display().trim_start_matches("hysim ").to_owned(),
                    source,
                })?
            }
            Job::Summary => crate::summary::write(plan, &stage.dir)?,
        };
        summaries.push(summary);
    }
    for output in &stage.outputs {
        let path = stage.dir.join(output);
        if !path.exists() {
            return Err(Error::MissingOutput { stage: stage.stage.name().to_owned(), path });
        }
    }
    manifest.write_to(&stage.dir)?;
    let _ = std::fs::remove_file(&started_file);
    Ok(Outcome::Ran { seconds: clock.elapsed().as_secs_f64(), resumed: resume_flag.is_some(), summaries })
}

/// Deletes the hidden temporary files an interrupted atomic write leaves (`.name.tmp-PID`).
fn remove_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            remove_temporaries(&path);
        } else if name.starts_with('.') && name.contains(".tmp-") {
            let _ = std::fs::remove_file(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::Config;

    /// Runs `write OUT TEXT` commands (and fails on `fail`), recording every command line.
    #[derive(Default)]
    struct Files {
        log: Vec<Vec<String>>,
        /// Whether `maybe-fail` fails.
        fail: bool,
        /// The build that runs the commands.
        build: Option<String>,
    }

    impl Executor for Files {
        fn hysim(&mut self, argv: &[String]) -> std::result::Result<String, Box<dyn std::error::Error + Send + Sync>> {
            self.log.push(argv.to_vec());
            match argv[0].as_str() {
                "write" => {
                    std::fs::create_dir_all(Path::new(&argv[1]).parent().unwrap())?;
                    std::fs::write(&argv[1], &argv[2])?;
                    Ok(format!("wrote {}", argv[1]))
                }
                "maybe-fail" if !self.fail => Ok(String::new()),
                _ => Err("failed as asked".into()),
            }
        }

        fn identity(&self) -> Option<String> {
            self.build.clone()
        }
    }

    fn stage(stage: Stage, dir: &Path, inputs: Vec<PathBuf>, jobs: Vec<Vec<&str>>) -> StagePlan {
        StagePlan {
            stage,
            dir: dir.join(stage.name()),
            settings: String::new(),
            inputs,
            outputs: vec!["out.txt".into()],
            files: vec![("settings.toml".into(), "x = 1\n".into())],
            jobs: jobs.into_iter().map(|j| Job::Hysim(j.into_iter().map(str::to_owned).collect())).collect(),
            resume: Some(("--resume".into(), "ckpt".into())),
        }
    }

    fn two_stages(dir: &Path, external: &Path, second: Vec<Vec<&str>>) -> Plan {
        let a_out = dir.join("source/out.txt");
        Plan {
            run_dir: dir.to_path_buf(),
            config: Config::embedded(),
            stages: vec![
                stage(
                    Stage::Source,
                    dir,
                    vec![external.to_path_buf()],
                    vec![vec!["write", a_out.to_str().unwrap(), "a"]],
                ),
                stage(Stage::Parse, dir, vec![a_out.clone()], second),
            ],
            skipped: vec![],
            gold: vec![],
        }
    }

    fn outcomes(plan: &Plan, from: Option<Stage>, exec: &mut Files) -> Result<Vec<bool>> {
        Ok(run(plan, from, exec, &mut |_, _| {})?.into_iter().map(|(_, o)| matches!(o, Outcome::Ran { .. })).collect())
    }

    #[test]
    fn fresh_stages_are_skipped_and_changed_inputs_rerun() {
        let tmp = tempfile::tempdir().unwrap();
        let external = tmp.path().join("input.txt");
        std::fs::write(&external, "v1").unwrap();
        let run_dir = tmp.path().join("run");
        let b_out = run_dir.join("parse/out.txt");
        let plan = two_stages(&run_dir, &external, vec![vec!["write", b_out.to_str().unwrap(), "b"]]);
        let mut exec = Files::default();
        assert_eq!(outcomes(&plan, None, &mut exec).unwrap(), [true, true]);
        assert!(run_dir.join("parse/manifest.json").is_file() && run_dir.join("parse/settings.toml").is_file());
        assert_eq!(outcomes(&plan, None, &mut exec).unwrap(), [false, false]);
        assert_eq!(outcomes(&plan, Some(Stage::Parse), &mut exec).unwrap(), [false, true]);
        // A changed external input reruns the first stage; its output is the same, so the
        // second stays fresh.
        std::fs::write(&external, "v2").unwrap();
        assert_eq!(outcomes(&plan, None, &mut exec).unwrap(), [true, false]);
        // A deleted output makes its stage stale.
        std::fs::remove_file(&b_out).unwrap();
        assert_eq!(outcomes(&plan, None, &mut exec).unwrap(), [false, true]);
        // Another build of the tool runs every stage again, then finds them fresh.
        exec.build = Some("build-2".into());
        assert_eq!(outcomes(&plan, None, &mut exec).unwrap(), [true, true]);
        assert_eq!(outcomes(&plan, None, &mut exec).unwrap(), [false, false]);
    }

    #[test]
    fn a_failed_stage_is_not_fresh_and_resumes_from_its_checkpoint() {
        let tmp = tempfile::tempdir().unwrap();
        let external = tmp.path().join("input.txt");
        std::fs::write(&external, "v1").unwrap();
        let run_dir = tmp.path().join("run");
        let ckpt = run_dir.join("parse/ckpt");
        let b_out = run_dir.join("parse/out.txt");
        // The stage writes its checkpoint, then fails (as a killed training would).
        let plan = two_stages(
            &run_dir,
            &external,
            vec![
                vec!["write", ckpt.to_str().unwrap(), "step 3"],
                vec!["maybe-fail"],
                vec!["write", b_out.to_str().unwrap(), "b"],
            ],
        );
        let mut exec = Files { fail: true, ..Files::default() };
        let err = outcomes(&plan, None, &mut exec).unwrap_err();
        assert!(matches!(&err, Error::Job { stage, .. } if stage == "parse"), "{err}");
        assert!(!run_dir.join("parse/manifest.json").exists());
        // The next attempt with the same inputs gets the resume flag and keeps the checkpoint.
        std::fs::write(&ckpt, "step 5").unwrap();
        let mut exec = Files::default();
        assert_eq!(outcomes(&plan, None, &mut exec).unwrap(), [false, true]);
        assert_eq!(exec.log[1], ["maybe-fail", "--resume"]);
        // --from restarts the stage from an empty folder, without the flag.
        let mut exec = Files::default();
        assert_eq!(outcomes(&plan, Some(Stage::Parse), &mut exec).unwrap(), [false, true]);
        assert_eq!(exec.log[1], ["maybe-fail"]);
        // A rebuild keeps the checkpoint: another build resumes it.
        let _ = outcomes(&plan, Some(Stage::Parse), &mut Files { fail: true, ..Files::default() }).unwrap_err();
        let mut exec = Files { build: Some("fixed".into()), ..Files::default() };
        assert_eq!(outcomes(&plan, None, &mut exec).unwrap(), [true, true]);
        assert!(exec.log.iter().any(|argv| argv.first().is_some_and(|a| a == "maybe-fail") && argv.ends_with(&["--resume".to_owned()])), "{:?}", exec.log);
        // An output that is missing after the jobs is an error naming it.
        let silent = two_stages(&run_dir, &external, vec![]);
        let err = outcomes(&silent, Some(Stage::Parse), &mut Files::default()).unwrap_err();
        assert!(err.to_string().contains("out.txt"), "{err}");
    }
}
