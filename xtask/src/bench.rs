//! Benchmarks against the reference Python tools, on the same machine and inputs.
//!
//! - `weights`: `hysim weights` against numpy + scikit-learn (`scripts/bench_weights.py` in
//!   `<cache>/bench-venv`, pinned numpy, scikit-learn and safetensors from PyPI), on seeded
//!   inputs written once per size under `<cache>/bench/weights/`, each tool under
//!   `/usr/bin/time` for wall time and peak resident memory.
//! - `embed`: `hysim embed` against sentence-transformers (`scripts/bench_embed.py` in
//!   `<cache>/bench-st-venv`, which reuses the torch of the setup venv through a `.pth`
//!   file) on the cells and rows of the real tables in `../shared`, same model, batch size
//!   and thread count, with deduplication off (model speed) and on, each timed twice: the
//!   encoding alone (model loading excluded on both sides) and the whole command (process
//!   start to embeddings on disk, under `/usr/bin/time`).
//! - `train`: LoRA training steps of SmolLM2-135M (`hysim-finetune`'s `bench_step` example
//!   on the GGUF) against PyTorch + transformers + peft (`scripts/bench_train.py` in
//!   `<cache>/bench-peft-venv`, reusing the setup venv's torch), same batch, sequence
//!   length, rank, targets and optimizer, on the CPU in float32, bfloat16 or mixed precision
//!   (`--dtype`), each under `/usr/bin/time`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::cmd;
use crate::paths;

const BENCH_PACKAGES: &[&str] = &["numpy==2.4.6", "scikit-learn==1.9.1", "safetensors==0.8.0"];

/// pandas.read_html with lxml, the parse benchmark's reference.
const PANDAS_PACKAGES: &[&str] = &["pandas==2.3.3", "lxml==6.0.2"];

/// The sentence-transformers release the reference embeddings were made with.
const ST_PACKAGES: &[&str] = &["sentence-transformers==6.2.0", "transformers==5.24.0", "safetensors==0.8.0"];

/// transformers and peft for the training benchmark's reference.
const PEFT_PACKAGES: &[&str] = &["transformers==5.24.0", "peft==0.21.2", "safetensors==0.8.0"];

/// Settings shared by both sides: see `scripts/bench_weights.py run`.
const BENCH_CONFIG: &str = "\
distance = \"cosine\"
alpha = 1.0
beta = 1.0
off_manifold = \"zero\"
off_manifold_k = 2.0

[manifold]
fit_on = \"both\"
components = 16
solver = \"randomized\"
oversample = 10
power_iterations = 4
";

/// Creates or reuses a bench venv named `name` holding `packages`, and returns its Python.
/// With `with_torch`, the venv sees the torch of the setup venv (no second 2.7 GB install).
fn bench_python(name: &str, packages: &[&str], with_torch: bool) -> Result<PathBuf> {
    let venv = paths::cache_dir().join(name);
    let python = venv.join("bin").join("python");
    let marker = venv.join(crate::setup::COMPLETE);
    let wanted = packages.join(" ");
    if fs::read_to_string(&marker).ok().as_deref() == Some(wanted.as_str()) {
        return Ok(python);
    }
    if !python.exists() {
        cmd::run(Command::new("python3").arg("-m").arg("venv").arg(&venv))
            .context("cannot create the bench venv: is python3 with venv installed?")?;
    }
    if with_torch {
        let torch = crate::setup::run(&[])?;
        let site = torch.parent().context("the torch package has a parent folder")?;
        let own_site = fs::read_dir(venv.join("lib"))?
            .filter_map(|e| e.ok())
            .map(|e| e.path().join("site-packages"))
            .find(|p| p.is_dir())
            .context("the bench venv has no site-packages")?;
        fs::write(own_site.join("hysim-torch.pth"), format!("{}\n", site.display()))?;
    }
    cmd::run(
        Command::new(&python).args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check"]).args(packages),
    )
    .context("pip could not install the bench packages from PyPI; is the package registry reachable?")?;
    fs::write(&marker, wanted)?;
    Ok(python)
}

/// Wall seconds and peak resident MiB of one run.
struct Measure {
    seconds: f64,
    peak_mib: f64,
}

fn timed(program: &Path, args: &[&std::ffi::OsStr], time_file: &Path) -> Result<Measure> {
    let mut command = Command::new("/usr/bin/time");
    command.arg("-f").arg("%e %M").arg("-o").arg(time_file).arg(program).args(args);
    cmd::run(&mut command).with_context(|| "is /usr/bin/time installed? (Debian package `time`)")?;
    read_time(time_file)
}

/// The wall time and peak memory `/usr/bin/time -f "%e %M"` wrote on its last line.
fn read_time(time_file: &Path) -> Result<Measure> {
    let text = fs::read_to_string(time_file)?;
    let last = text.lines().last().unwrap_or_default();
    let mut parts = last.split_whitespace();
    let seconds: f64 = parts.next().and_then(|s| s.parse().ok()).with_context(|| format!("cannot read {last:?}"))?;
    let kib: f64 = parts.next().and_then(|s| s.parse().ok()).with_context(|| format!("cannot read {last:?}"))?;
    Ok(Measure { seconds, peak_mib: kib / 1024.0 })
}

/// Builds the release `hysim` and returns its path.
/// Builds the release `hysim` binary and returns its path.
pub(crate) fn build_hysim(root: &Path) -> Result<PathBuf> {
    cmd::run(cmd::new(cmd::cargo(), root).args(["build", "--release", "--quiet", "-p", "hysim-cli"]))?;
    let target_dir = paths::target_dir(root);
    Ok(target_dir.join("release").join("hysim"))
}

/// Runs `hysim` and returns the seconds its summary reports for the work ("... in 1.23 s (...").
fn hysim_seconds(command: &mut Command) -> Result<f64> {
    cmd::note(&format!("$ {command:?}"));
    let out = command.output().context("cannot start hysim")?;
    if !out.status.success() {
        bail!("hysim failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    cmd::note(stdout.trim());
    summary_seconds(&stdout)
}

/// The work time in a hysim summary line (`... in 1.23 s (...)`).
fn summary_seconds(stdout: &str) -> Result<f64> {
    let before = stdout.rsplit_once(" s (").map(|(a, _)| a).context("no timing in hysim's summary")?;
    let seconds = before.rsplit_once(" in ").map(|(_, s)| s).context("no timing in hysim's summary")?;
    seconds.trim().parse().with_context(|| format!("cannot read the timing {seconds:?}"))
}

/// The real tables of `../shared`, which the parse and embed benchmarks run on.
fn shared_tables(bench: &str) -> Result<PathBuf> {
    let tables = paths::shared_dir().join("data").join("tabular-data-pk").join("tables.jsonl");
    if !tables.is_file() {
        bail!("{} is absent: the {bench} benchmark runs on the real tables of ../shared", tables.display());
    }
    Ok(tables)
}

/// `hysim parse` (read, understand, normalise) against `pandas.read_html` (read only) on
/// two corpora: the real tables repeated `copies` times (each copy marked), and as many
/// synthetic tables (`hysim synth`, seed 7), whose labels, drugs and values vary from table
/// to table where the copies repeat the same 30 tables' labels (the reader's per-thread
/// caches of label readings see each label once per copy there).
pub(crate) fn parse(copies: usize) -> Result<()> {
    let root = paths::project_root();
    let tables = shared_tables("parse")?;
    let python = bench_python("bench-pandas-venv", PANDAS_PACKAGES, false)?;
    let hysim = build_hysim(&root)?;
    let dir = paths::cache_dir().join("bench").join("parse");
    fs::create_dir_all(&dir)?;
    // The shared tables, `copies` times over, each copy distinct: its papers' ids carry the
    // copy's number and each table a comment with it, so `hysim parse` (which drops
    // identical repeats) reads every copy as pandas does. Kept in the cache, never in the
    // repository (most of the articles are not openly licensed).
    let text = fs::read_to_string(&tables)?;
    let input = dir.join("tables.jsonl");
    fs::write(&input, distinct_copies(&text, copies))?;
    let real = time_parse(&hysim, &python, &input, &dir)?;
    let synth_dir = dir.join("synth");
    let n_synth = (30 * copies).to_string();
    cmd::run(Command::new(&hysim).args(["synth", "--n", &n_synth, "--seed", "7", "--out"]).arg(&synth_dir))?;
    let synth = time_parse(&hysim, &python, &synth_dir.join("tables.jsonl"), &dir)?;
    let corpora = [
        (format!("the 30 shared tables x {copies}, each copy marked"), real),
        (format!("{n_synth} synthetic tables, `hysim synth --seed 7`"), synth),
    ];
    cmd::note(&format!("\nparse benchmark, best of {RUNS}:"));
    cmd::note(
        "| tables | hysim parse (s) | hysim parse, whole process (s) | pandas.read_html (s) | speed-up, parsing | speed-up, whole process |",
    );
    cmd::note("|---|---|---|---|---|---|");
    for (name, t) in &corpora {
        cmd::note(&format!(
            "| {:.0}: {name} | {:.3} ({:.0}/s) | {:.3} | {:.3} ({:.0}/s) | {:.1}x | {:.1}x |",
            t.tables,
            t.ours,
            t.tables / t.ours,
            t.whole,
            t.reference,
            t.tables / t.reference,
            t.reference / t.ours,
            t.reference / t.whole
        ));
    }
    cmd::note(
        "hysim parse: read, find parameters, read cells, normalise units, write records; the whole process adds \
         starting the binary (`hysim`, which does not load libtorch). pandas.read_html (lxml): read HTML into \
         DataFrames, imports and file reading excluded.",
    );
    Ok(())
}

/// Best-of-`RUNS` seconds of one corpus.
struct ParseTimes {
    tables: f64,
    ours: f64,
    whole: f64,
    reference: f64,
}

/// Times `hysim parse` (its reported work time and the whole process) and pandas on `input`.
fn time_parse(hysim: &Path, python: &Path, input: &Path, dir: &Path) -> Result<ParseTimes> {
    let root = paths::project_root();
    let (mut ours, mut whole) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..RUNS {
        let mut command = Command::new(hysim);
        command.arg("parse").arg(input).arg("--out").arg(dir.join("records.jsonl")).env("RUST_LOG", "warn");
        let started = std::time::Instant::now();
        ours = ours.min(hysim_seconds(&mut command)?);
        whole = whole.min(started.elapsed().as_secs_f64());
    }
    let (mut reference, mut tables) = (f64::INFINITY, 0.0);
    for _ in 0..RUNS {
        let line = cmd::output(
            Command::new(python).arg(root.join("scripts").join("bench_parse.py")).arg("--tables").arg(input),
        )
        .context("the pandas run failed")?;
        reference = reference.min(json_number(&line, "seconds").context("no seconds in the pandas output")?);
        tables = json_number(&line, "tables").unwrap_or(0.0);
    }
    Ok(ParseTimes { tables, ours, whole, reference })
}

/// `copies` distinct copies of a tables.jsonl: in copy `k`, each paper id becomes
/// `k-<pmid>` and each table carries a comment `<!-- copy k -->`.
fn distinct_copies(text: &str, copies: usize) -> String {
    let mut out = String::with_capacity(text.len() * copies + copies * 64);
    for k in 0..copies {
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let line = line.replacen("\"pmid\": \"", &format!("\"pmid\": \"{k}-"), 1);
            let line = line.replacen("</table>", &format!("<!-- copy {k} --></table>"), 1);
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Runs per tool and setting; the best time counts.
const RUNS: usize = 3;

/// `hysim embed` against sentence-transformers on the real tables' cells and rows.
pub(crate) fn embed(batch_size: usize) -> Result<()> {
    let root = paths::project_root();
    let tables = shared_tables("embed")?;
    let python = bench_python("bench-st-venv", ST_PACKAGES, true)?;
    let hysim = build_hysim(&root)?;
    let model = hysim_model_dir();
    let threads = threads();
    let dir = paths::cache_dir().join("bench").join("embed");
    fs::create_dir_all(&dir)?;
    let mut table = vec![
        "| texts | dedup | hysim embed, encoding | sentence-transformers, encoding | speed-up | hysim embed, whole command | sentence-transformers, whole command | speed-up | max abs diff |".to_owned(),
        "|---|---|---|---|---|---|---|---|---|".to_owned(),
    ];
    for unit in ["cell", "row"] {
        let texts = dir.join(format!("{unit}.texts.jsonl"));
        for dedup in [false, true] {
            let out = dir.join(format!("{unit}-{dedup}.safetensors"));
            let os = |s: &str| std::ffi::OsString::from(s);
            let mut args: Vec<std::ffi::OsString> = vec![os("embed"), os("--texts"), tables.clone().into_os_string()];
            args.extend(
                ["--unit", unit, "--device", "cpu", "--no-cache", "--batch-size", &batch_size.to_string()].map(os),
            );
            args.extend([
                os("--out"),
                out.clone().into_os_string(),
                os("--dump-texts"),
                texts.clone().into_os_string(),
            ]);
            if !dedup {
                args.push(os("--no-dedup"));
            }
            // Best of three runs for each tool: single CPU timings here vary by up to 20 %.
            // Each hysim run gives both its encoding time (its summary line) and the
            // whole command's wall time (process start to embeddings on disk).
            let (mut ours, mut ours_wall) = (f64::INFINITY, f64::INFINITY);
            for _ in 0..RUNS {
                let (m, stdout) = timed_output(&hysim, &os_refs(&args), &dir.join("ours.time"))?;
                ours = ours.min(summary_seconds(&stdout)?);
                ours_wall = ours_wall.min(m.seconds);
            }
            // The reference reads the texts hysim dumped; the same model, batch and threads.
            let reference = |extra: &[std::ffi::OsString]| -> Vec<std::ffi::OsString> {
                let mut args = vec![root.join("scripts").join("bench_embed.py").into_os_string()];
                args.extend([
                    os("--texts"),
                    texts.clone().into_os_string(),
                    os("--model"),
                    model.clone().into_os_string(),
                ]);
                args.extend(["--batch-size", &batch_size.to_string(), "--threads", &threads.to_string()].map(os));
                args.extend_from_slice(extra);
                args
            };
            // Its encoding alone (after a warm-up), checked against hysim's embeddings.
            let mut encoding = Command::new(&python);
            encoding.args(reference(&[os("--compare"), out.clone().into_os_string()])).env("HF_HUB_OFFLINE", "1");
            let mut seconds = f64::INFINITY;
            let mut line = String::new();
            for _ in 0..RUNS {
                line = cmd::output(&mut encoding).context("the sentence-transformers run failed")?;
                seconds = seconds.min(json_number(&line, "seconds").context("no seconds in the reference output")?);
            }
            let n = json_number(&line, "texts").unwrap_or(0.0);
            let diff = json_number(&line, "max_abs_diff").unwrap_or(f64::NAN);
            // The reference as a user would run it instead: no warm-up, the embeddings
            // written to a file, timed from outside like hysim.
            let ref_out = dir.join(format!("{unit}-{dedup}.reference.safetensors"));
            let ref_args = reference(&[os("--no-warmup"), os("--out"), ref_out.into_os_string()]);
            let mut reference_wall = f64::INFINITY;
            for _ in 0..RUNS {
                let (m, _) = timed_output(&python, &os_refs(&ref_args), &dir.join("ref.time"))?;
                reference_wall = reference_wall.min(m.seconds);
            }
            table.push(format!(
                "| {n:.0} table {unit}s | {} | {ours:.2} s ({:.0}/s) | {seconds:.2} s ({:.0}/s) | {:.2}x | {ours_wall:.2} s | {reference_wall:.2} s | {:.2}x | {diff:.1e} |",
                if dedup { "on" } else { "off" },
                n / ours,
                n / seconds,
                seconds / ours,
                reference_wall / ours_wall,
            ));
        }
    }
    cmd::note(&format!(
        "\nembed benchmark, all-MiniLM-L6-v2 on CPU, {threads} threads, batch {batch_size}, best of {RUNS}:"
    ));
    for line in table {
        cmd::note(&line);
    }
    Ok(())
}

fn hysim_model_dir() -> PathBuf {
    crate::setup::MODELS[0].dir()
}

/// A number field of a flat JSON object line.
fn json_number(line: &str, key: &str) -> Option<f64> {
    let start = line.find(&format!("\"{key}\":"))? + key.len() + 3;
    let rest = line[start..].trim_start();
    let end = rest.find([',', '}']).unwrap_or(rest.len());
    rest[..end].trim().parse().ok()
}

/// Runs the weights benchmark for each size and prints a Markdown table.
pub(crate) fn weights(sizes: &[usize]) -> Result<()> {
    if sizes.is_empty() {
        bail!("no sizes given");
    }
    let python = bench_python("bench-venv", BENCH_PACKAGES, false)?;
    let root = paths::project_root();
    let hysim = build_hysim(&root)?;
    let script = root.join("scripts").join("bench_weights.py");
    let threads = threads();
    let mut table = vec![
        format!(
            "| n x 384 | hysim weights | numpy + scikit-learn | speed-up | peak MiB hysim | peak MiB numpy | agreement |"
        ),
        "|---|---|---|---|---|---|---|".to_owned(),
    ];
    for &n in sizes {
        let dir = paths::cache_dir().join("bench").join("weights").join(format!("n{n}"));
        fs::create_dir_all(&dir)?;
        let (source, target) = (dir.join("source.safetensors"), dir.join("target.safetensors"));
        if !source.exists() || !target.exists() {
            cmd::run(Command::new(&python).arg(&script).args(["gen", "--n", &n.to_string(), "--out"]).arg(&dir))?;
        }
        let config = dir.join("bench.toml");
        fs::write(&config, BENCH_CONFIG)?;
        let (rust_out, py_out) = (dir.join("hysim.jsonl"), dir.join("numpy.jsonl"));
        let rust = timed(
            &hysim,
            &[
                "weights".as_ref(),
                "--source".as_ref(),
                source.as_os_str(),
                "--target".as_ref(),
                target.as_os_str(),
                "--config".as_ref(),
                config.as_os_str(),
                "--out".as_ref(),
                rust_out.as_os_str(),
            ],
            &dir.join("hysim.time"),
        )?;
        let py = timed(
            &python,
            &[
                script.as_os_str(),
                "run".as_ref(),
                "--source".as_ref(),
                source.as_os_str(),
                "--target".as_ref(),
                target.as_os_str(),
                "--out".as_ref(),
                py_out.as_os_str(),
            ],
            &dir.join("numpy.time"),
        )?;
        let agreement = cmd::output(Command::new(&python).arg(&script).arg("compare").arg(&rust_out).arg(&py_out))
            .unwrap_or_else(|| "comparison failed".to_owned());
        table.push(format!(
            "| {n} | {:.2} s | {:.2} s | {:.2}x | {:.0} | {:.0} | {agreement} |",
            rust.seconds,
            py.seconds,
            py.seconds / rust.seconds,
            rust.peak_mib,
            py.peak_mib
        ));
    }
    cmd::note(&format!(
        "\nweights benchmark on {threads} threads (cosine, 16 randomized PCA components fitted on both sets, 2,000 target rows):"
    ));
    for line in table {
        cmd::note(&line);
    }
    Ok(())
}

fn os_refs(v: &[std::ffi::OsString]) -> Vec<&std::ffi::OsStr> {
    v.iter().map(|a| a.as_os_str()).collect()
}

/// Runs `program` under `/usr/bin/time`, returning the measure and its standard output.
fn timed_output(program: &Path, args: &[&std::ffi::OsStr], time_file: &Path) -> Result<(Measure, String)> {
    let mut command = Command::new("/usr/bin/time");
    command.arg("-f").arg("%e %M").arg("-o").arg(time_file).arg(program).args(args);
    // No model-hub lookups on the Python side, no debug logging on hysim's.
    command.env("HF_HUB_OFFLINE", "1").env("RUST_LOG", "warn");
    cmd::note(&format!("$ {command:?}"));
    let out = command.output().context("is /usr/bin/time installed? (Debian package `time`)")?;
    if !out.status.success() {
        bail!("{} failed: {}", program.display(), String::from_utf8_lossy(&out.stderr));
    }
    let stdout = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    cmd::note(&stdout);
    Ok((read_time(time_file)?, stdout))
}

/// What a SmolLM2 benchmark needs: the reference configuration (the Python side builds the
/// model from it) and the GGUF (the Rust side loads it).
fn smollm2_inputs() -> Result<(PathBuf, PathBuf)> {
    let config = paths::shared_dir().join("reference").join("smollm2").join("config.json");
    if !config.is_file() {
        bail!("{} is absent: the reference side builds SmolLM2 from it", config.display());
    }
    let gguf = crate::setup::MODELS[1].dir().join("SmolLM2-135M-Instruct.Q4_1.gguf");
    if !gguf.is_file() {
        bail!("no {} (run `cargo xtask setup`)", gguf.display());
    }
    Ok((config, gguf))
}

/// Builds `hysim-finetune`'s `example` (release) and runs it on the GGUF against
/// `scripts/<script>` on the configuration, both with `common` arguments, `RUNS` times in
/// turn; returns the best `key` of each side's JSON line with that run's peak memory.
fn finetune_example_against_python(
    example: &str,
    script: &str,
    common: &[std::ffi::OsString],
    key: &str,
) -> Result<((f64, f64), (f64, f64))> {
    let root = paths::project_root();
    let (config, gguf) = smollm2_inputs()?;
    let python = bench_python("bench-peft-venv", PEFT_PACKAGES, true)?;
    cmd::run(cmd::new(cmd::cargo(), &root).args([
        "build",
        "--release",
        "--quiet",
        "-p",
        "hysim-finetune",
        "--example",
        example,
    ]))?;
    let ours = paths::target_dir(&root).join("release").join("examples").join(example);
    let dir = paths::cache_dir().join("bench").join(example);
    fs::create_dir_all(&dir)?;
    let threads = threads();
    let mut ours_args: Vec<std::ffi::OsString> = vec![gguf.into_os_string()];
    ours_args.extend(common.iter().cloned());
    let mut ref_args: Vec<std::ffi::OsString> =
        vec![root.join("scripts").join(script).into_os_string(), "--config".into(), config.into_os_string()];
    ref_args.extend(common.iter().cloned());
    ref_args.extend(["--threads".into(), threads.to_string().into()]);
    // One run of a side: `key` of its JSON line, with the run's peak memory.
    let measure = |program: &Path, args: &[std::ffi::OsString], time: &str, name: &str| -> Result<(f64, f64)> {
        let (m, line) = timed_output(program, &os_refs(args), &dir.join(time))?;
        Ok((json_number(&line, key).with_context(|| format!("no {key} from {name}"))?, m.peak_mib))
    };
    let best = |a: (f64, f64), b: (f64, f64)| if b.0 > a.0 { b } else { a };
    let (mut best_ours, mut best_ref) = ((0.0f64, 0.0f64), (0.0f64, 0.0f64));
    for _ in 0..RUNS {
        best_ours = best(best_ours, measure(&ours, &ours_args, "ours.time", example)?);
        best_ref = best(best_ref, measure(&python, &ref_args, "ref.time", script)?);
    }
    Ok((best_ours, best_ref))
}

fn threads() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

/// LoRA steps of SmolLM2 in `hysim-finetune` against PyTorch + transformers + peft: tokens
/// per second of the timed steps (best of three runs) and peak resident memory.
pub(crate) fn train(batch: usize, seq: usize, steps: usize, dtype: &str, targets: &str) -> Result<()> {
    let common: Vec<std::ffi::OsString> = [
        "--batch",
        &batch.to_string(),
        "--seq",
        &seq.to_string(),
        "--steps",
        &steps.to_string(),
        "--dtype",
        dtype,
        "--targets",
        targets,
    ]
    .iter()
    .map(Into::into)
    .collect();
    let (ours, reference) =
        finetune_example_against_python("bench_step", "bench_train.py", &common, "tokens_per_second")?;
    cmd::note(&format!(
        "\ntrain benchmark, SmolLM2-135M LoRA r=8 ({targets}), AdamW, {dtype} on CPU, {} threads, batch {batch} x {seq} tokens, {steps} timed steps, best of {RUNS}:",
        threads()
    ));
    comparison_table("tokens/s", ("hysim-finetune (tch)", ours), ("PyTorch + transformers + peft", reference));
    Ok(())
}

/// Prints the best rate and its peak memory of each side, then their ratios.
fn comparison_table(rate: &str, ours: (&str, (f64, f64)), reference: (&str, (f64, f64))) {
    cmd::note(&format!("| | {rate} | peak MiB |\n|---|---|---|"));
    for (name, (value, mib)) in [ours, reference] {
        cmd::note(&format!("| {name} | {value:.1} | {mib:.0} |"));
    }
    let ((_, o), (_, r)) = (ours, reference);
    cmd::note(&format!("speed-up: {:.2}x, memory ratio {:.2}", o.0 / r.0, o.1 / r.1));
}

/// Batched greedy decoding of SmolLM2 with a KV cache, the loop of `hysim extract`'s
/// decoder, against transformers' `generate`: new tokens per second (prompt included in
/// the time, best of three runs) and peak resident memory.
pub(crate) fn generate(batch: usize, prompt: usize, new: usize, dtype: &str) -> Result<()> {
    let common: Vec<std::ffi::OsString> =
        ["--batch", &batch.to_string(), "--prompt", &prompt.to_string(), "--new", &new.to_string(), "--dtype", dtype]
            .iter()
            .map(Into::into)
            .collect();
    let (ours, reference) =
        finetune_example_against_python("bench_generate", "bench_generate.py", &common, "new_tokens_per_second")?;
    cmd::note(&format!(
        "\ngenerate benchmark, SmolLM2-135M greedy with a KV cache, {dtype} on CPU, {} threads, {batch} rows of {prompt} prompt tokens writing {new} each, best of {RUNS}:",
        threads()
    ));
    comparison_table(
        "new tokens/s",
        ("hysim-finetune (tch, the extraction loop)", ours),
        ("PyTorch + transformers generate", reference),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_distinct_tables() {
        let text = "{\"pmid\": \"1\", \"table_index\": 2, \"table_html\": \"<table><tr><td>x</td></tr></table>\"}\n";
        let copies = distinct_copies(text, 3);
        let lines: Vec<&str> = copies.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[2].starts_with("{\"pmid\": \"2-1\""), "{}", lines[2]);
        assert!(lines[2].contains("<!-- copy 2 --></table>"));
        let distinct: std::collections::HashSet<&&str> = lines.iter().collect();
        assert_eq!(distinct.len(), 3);
    }
}
