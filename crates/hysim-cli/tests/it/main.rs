//! End-to-end tests of the `hysim` binary: exit codes, outputs and error lines.

use std::path::Path;
use std::process::Command;

use hysim_core::Embeddings;

fn hysim(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hysim")).args(args).env("RUST_LOG", "off").output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Whether a binary names `library` among the shared libraries it needs (the name sits in
/// its dynamic string table).
fn needs_library(binary: &str, library: &str) -> bool {
    let bytes = std::fs::read(binary).unwrap();
    bytes.windows(library.len()).any(|w| w == library.as_bytes())
}

#[test]
fn hysim_does_not_load_libtorch_and_hysim_torch_does() {
    for library in ["libtorch_cpu.so", "libc10.so"] {
        assert!(!needs_library(env!("CARGO_BIN_EXE_hysim"), library), "hysim needs {library}");
        assert!(needs_library(env!("CARGO_BIN_EXE_hysim-torch"), library), "hysim-torch does not need {library}");
    }
}

#[test]
fn model_commands_are_handed_to_hysim_torch_with_their_arguments() {
    // `--help` reaches hysim-torch, which prints the command's own options.
    let (code, out, _) = hysim(&["embed", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Usage: hysim embed") && out.contains("--texts"), "{out}");
    let (code, out, _) = hysim(&["help", "weights"]);
    assert_eq!(code, 0);
    assert!(out.contains("Usage: hysim weights") && out.contains("--source"), "{out}");
    // A usage error keeps clap's exit code 2 through the hand-over; bad input keeps 1.
    let (code, _, err) = hysim(&["eval"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--gold"), "{err}");
    let (code, _, err) = hysim(&[
        "weights",
        "--source",
        "/nonexistent/s.safetensors",
        "--target",
        "/nonexistent/t.safetensors",
        "--out",
        "/tmp/w.jsonl",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.starts_with("hysim: error:") && err.contains("/nonexistent/s.safetensors"), "{err}");
}

/// Whether the default encoder is installed; says why a test is skipped when it is not.
fn encoder_installed() -> bool {
    let model = hysim_core::cache::model_dir(hysim_core::cache::DEFAULT_ENCODER);
    let found = model.join("model.safetensors").is_file();
    if !found {
        #[allow(clippy::print_stderr, reason = "a skipped test says why")]
        {
            eprintln!("skipped: no model in {} (run `cargo xtask setup`)", model.display());
        }
    }
    found
}

fn write_embeddings(path: &Path, n: usize, dim: usize, shift: f32) {
    let data: Vec<f32> = (0..n * dim).map(|i| ((i * 7919 % 101) as f32 / 50.0 - 1.0) + shift).collect();
    Embeddings::new((0..n).map(|i| format!("row-{i}")).collect(), dim, data).unwrap().save(path).unwrap();
}

/// Runs `hysim weights` on 50 source and 10 target rows of width 8 with `config` as
/// weights.toml; returns the stdout and the weights written.
fn run_weights(config_text: &str) -> (String, hysim_core::SampleWeights, bool) {
    let dir = tempfile::tempdir().unwrap();
    let (source, target, out) =
        (dir.path().join("s.safetensors"), dir.path().join("t.safetensors"), dir.path().join("w.jsonl"));
    write_embeddings(&source, 50, 8, 0.0);
    write_embeddings(&target, 10, 8, 0.3);
    let config = dir.path().join("weights.toml");
    std::fs::write(&config, config_text).unwrap();
    let (code, stdout, stderr) = hysim(&[
        "weights",
        "--source",
        source.to_str().unwrap(),
        "--target",
        target.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--device",
        "cpu",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let weights = hysim_core::SampleWeights::read_jsonl(&out).unwrap();
    (stdout, weights, dir.path().join("w.diagnostics.json").is_file())
}

#[test]
fn weights_writes_both_files_and_a_summary() {
    let (stdout, weights, diagnostics) = run_weights("distance = \"euclidean\"\n[manifold]\ncomponents = 3\n");
    assert!(
        stdout.starts_with("50 source rows, 10 target rows, dim 8: alpha 1.0000, beta 1.0000, 3 PCA components"),
        "{stdout}"
    );
    assert_eq!(weights.rows.len(), 50);
    assert_eq!(weights.rows[0].id, "row-0");
    let mean = weights.rows.iter().map(|w| w.w_hybrid).sum::<f64>() / 50.0;
    assert!((mean - 1.0).abs() < 1e-9);
    assert!(diagnostics);
}

#[test]
fn weights_with_the_autoencoder_manifold() {
    let (stdout, weights, _) =
        run_weights("beta = \"auto\"\n[manifold]\nkind = \"autoencoder\"\nbottleneck = 2\nepochs = 20\n");
    assert!(stdout.contains("d_M from the autoencoder"), "{stdout}");
    assert_eq!(weights.rows.len(), 50);
    assert!(weights.rows.iter().all(|w| w.d_manifold.is_finite() && w.d_manifold > 0.0));
    let spread = weights.rows.iter().map(|w| w.d_manifold).fold(0.0, f64::max)
        - weights.rows.iter().map(|w| w.d_manifold).fold(f64::INFINITY, f64::min);
    assert!(spread > 0.0, "every row at the same distance");
}

#[test]
fn a_bad_config_is_one_line_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    // `hysim COMMAND --config FILE` with `text` in FILE: exit 1, one line of stderr.
    let fails = |command: &str, file: &str, text: &str| -> String {
        let config = dir.path().join(file);
        std::fs::write(&config, text).unwrap();
        let (code, _, stderr) = hysim(&[command, "--config", config.to_str().unwrap()]);
        assert_eq!(code, 1);
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        stderr
    };
    let stderr = fails("train", "train.toml", "out = \"x\"\n[data]\ntables = 3\n");
    assert!(stderr.contains("train.toml") && stderr.contains("line 3"), "{stderr}");
    let stderr = fails("run", "pipeline.toml", "name = \"x\"\n[source]\n");
    assert!(stderr.contains("pipeline.toml") && stderr.contains("target"), "{stderr}");
}

#[test]
fn run_stops_after_the_stage_given_to_to() {
    let dir = tempfile::tempdir().unwrap();
    let tables = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/open-tables.jsonl");
    let config = dir.path().join("pipeline.toml");
    let text = format!(
        "name = \"stop\"\nroot = {:?}\ndevice = \"cpu\"\n[source.synth]\nn = 4\n[target]\ntables = [{:?}]\n",
        dir.path().to_str().unwrap(),
        tables.to_str().unwrap()
    );
    std::fs::write(&config, text).unwrap();
    let config = config.to_str().unwrap();
    let (code, stdout, stderr) = hysim(&["run", "--config", config, "--to", "parse"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("stopped after parse") && stdout.contains("2 of 2 stages ran"), "{stdout}");
    let run = dir.path().join("stop");
    assert!(run.join("parse/records.jsonl").is_file() && run.join("parse/manifest.json").is_file());
    assert!(!run.join("embed").exists(), "a stage after --to ran");
    let (code, stdout, stderr) = hysim(&["run", "--config", config, "--to", "parse"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("0 of 2 stages ran"), "{stdout}");
    let (code, _, stderr) = hysim(&["run", "--config", config, "--from", "embed", "--to", "parse"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("--from embed comes after --to parse"), "{stderr}");
    let (code, _, _) = hysim(&["run", "--config", config, "--to", "train", "--experiment", "ablation"]);
    assert_eq!(code, 2);
}

#[test]
fn bad_input_exits_1_with_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("t.safetensors");
    write_embeddings(&target, 4, 8, 0.0);
    let missing = dir.path().join("missing.safetensors");
    let out = dir.path().join("w.jsonl");
    let (code, _, stderr) = hysim(&[
        "weights",
        "--source",
        missing.to_str().unwrap(),
        "--target",
        target.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("missing.safetensors") && stderr.starts_with("hysim: error: source "), "{stderr}");
    assert!(!out.exists(), "nothing is written on failure");

    let config = dir.path().join("bad.toml");
    std::fs::write(&config, "alpha = -2\n").unwrap();
    let (code, _, stderr) = hysim(&[
        "weights",
        "--source",
        target.to_str().unwrap(),
        "--target",
        target.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("bad.toml") && stderr.contains("alpha = -2"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, stderr) = hysim(&["weights", "--source"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, stdout, _) = hysim(&["weights", "--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("--target <FILE>"), "{stdout}");
}

#[test]
fn embed_rejects_bad_inputs_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("odd.jsonl");
    std::fs::write(&odd, "{\"x\": 1}\n").unwrap();
    let out = dir.path().join("e.safetensors");
    let (code, _, stderr) = hysim(&["embed", "--texts", odd.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("odd.jsonl: unrecognised JSON Lines"), "{stderr}");
    let texts = dir.path().join("t.txt");
    std::fs::write(&texts, "a\nb\n").unwrap();
    let (code, _, stderr) =
        hysim(&["embed", "--texts", texts.to_str().unwrap(), "--out", out.to_str().unwrap(), "--shard", "3/2"]);
    assert_eq!(code, 2, "a usage error");
    assert!(stderr.contains("invalid shard \"3/2\": expected I/N"), "{stderr}");
    let (code, _, stderr) =
        hysim(&["embed", "--texts", texts.to_str().unwrap(), "--out", out.to_str().unwrap(), "--dtype", "f8"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("unknown dtype \"f8\""), "{stderr}");
    assert!(!out.exists());
}

/// Runs the real default encoder when `cargo xtask setup` has installed it.
#[test]
fn embed_texts_with_the_default_model_and_shards() {
    if !encoder_installed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let texts = dir.path().join("t.txt");
    std::fs::write(&texts, "Cmax (ng/mL) 6.2 ± 1.1\nTmax (h) 1.5\nCmax (ng/mL) 6.2 ± 1.1\n").unwrap();
    let out = dir.path().join("e.safetensors");
    let args =
        ["embed", "--texts", texts.to_str().unwrap(), "--out", out.to_str().unwrap(), "--device", "cpu", "--no-cache"];
    let (code, stdout, stderr) = hysim(&args);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("3 texts (2 distinct, 0 from cache, 2 encoded in 1 batches)"), "{stdout}");
    let emb = Embeddings::load(&out).unwrap();
    assert_eq!((emb.n_rows(), emb.dim()), (3, 384));
    assert_eq!(emb.ids(), ["1", "2", "3"]);
    assert_eq!(emb.row(0), emb.row(2));
    let shard = dir.path().join("s.safetensors");
    let (code, _, stderr) = hysim(&[
        "embed",
        "--texts",
        texts.to_str().unwrap(),
        "--out",
        shard.to_str().unwrap(),
        "--device",
        "cpu",
        "--no-cache",
        "--shard",
        "2/2",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let part = Embeddings::load(&shard).unwrap();
    assert_eq!(part.ids(), ["2"]);
    // Another batch composition: equal up to float rounding.
    let diff = part.row(0).iter().zip(emb.row(1)).map(|(a, b)| (a - b).abs()).fold(0.0, f32::max);
    assert!(diff < 1e-5, "{diff}");
}

#[test]
fn parse_html_table_into_records() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("study.html");
    std::fs::write(
        &html,
        "<table><thead><tr><th>Parameter</th><th>Oral (n = 12)</th></tr></thead><tbody>\
         <tr><td>C<sub>max</sub> (µg/mL)</td><td>1.2 &plusmn; 0.3</td></tr>\
         <tr><td>AUC<sub>0&ndash;&infin;</sub> (µg·h/mL)</td><td>10.5 ± 2.1</td></tr>\
         <tr><td>Age (years)</td><td>34</td></tr></tbody></table>",
    )
    .unwrap();
    let out = dir.path().join("records.jsonl");
    let (code, stdout, stderr) = hysim(&["parse", html.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("1 tables (1 with PK parameters) -> 2 records"), "{stdout}");
    let records = hysim_core::Record::read_jsonl(&out).unwrap();
    let summary: Vec<String> = records
        .iter()
        .map(|r| {
            format!("{} {:?} {:?} {:?}", r.parameter.as_deref().unwrap_or("-"), r.value, r.unit, r.value_canonical)
        })
        .collect();
    assert_eq!(
        summary,
        ["CMAX Some(1.2) Some(\"ng/mL\") Some(1200.0)", "AUCIFO Some(10.5) Some(\"ng·h/mL\") Some(10500.0)"]
    );
    assert_eq!(records[0].table_id, "study");
    assert_eq!(records[0].n, Some(12));

    let csv_out = dir.path().join("records.csv");
    let (code, _, stderr) = hysim(&["parse", html.to_str().unwrap(), "--out", csv_out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let csv_text = std::fs::read_to_string(&csv_out).unwrap();
    assert_eq!(csv_text.lines().count(), 3, "header and two records: {csv_text}");
    let parquet_out = dir.path().join("records.bin");
    let (code, _, stderr) =
        hysim(&["parse", html.to_str().unwrap(), "--out", parquet_out.to_str().unwrap(), "--format", "parquet"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(std::fs::read(&parquet_out).unwrap().starts_with(b"PAR1"));
    let (code, _, stderr) =
        hysim(&["parse", html.to_str().unwrap(), "--out", csv_out.to_str().unwrap(), "--format", "xml"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("unknown format \"xml\""), "{stderr}");

    let bad = dir.path().join("table.doc");
    std::fs::write(&bad, b"PK").unwrap();
    let (code, _, stderr) = hysim(&["parse", bad.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains(
            "table.doc: unsupported input (expected .jsonl, .html, .xml/.nxml (JATS), .md, .csv, .tsv or .xlsx)"
        ),
        "{stderr}"
    );
    let broken = dir.path().join("broken.xlsx");
    std::fs::write(&broken, b"not a zip").unwrap();
    let (code, _, stderr) = hysim(&["parse", broken.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.starts_with("hysim: error: ") && stderr.contains("broken.xlsx"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn eval_scores_parsed_records_against_curated_values() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("4242.md");
    std::fs::write(&md, "Table 1. Drug X in dogs, mean ± SD\n\n| Parameter | Value |\n|---|---|\n| Cmax (ng/mL) | 12.5 ± 2 |\n| Tmax (h) | 1.5 ± 0.5 |\n").unwrap();
    let gold = dir.path().join("4242_baseline.csv");
    std::fs::write(&gold, ",Parameter type,Value,Unit\n0,Cmax,12.5,ng/mL\n1,AUC0-ì,100,ng h/mL\n").unwrap();
    let records = dir.path().join("records.jsonl");
    let (code, _, stderr) = hysim(&["parse", md.to_str().unwrap(), "--out", records.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let report = dir.path().join("report");
    let (code, stdout, stderr) = hysim(&[
        "eval",
        "--gold",
        dir.path().to_str().unwrap(),
        "--pred",
        records.to_str().unwrap(),
        "--out",
        report.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout
            .starts_with("numeric protocol: precision 0.500, recall 0.500, F1 0.500 (TP 1, FP 1, FN 1) over 1 papers"),
        "{stdout}"
    );
    let metrics: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(report.join("metrics.json")).unwrap()).unwrap();
    assert_eq!(metrics["numeric"]["per_parameter"]["CMAX"]["tp"], 1);
    assert_eq!(metrics["numeric"]["per_parameter"]["AUC"]["fn"], 1);
    assert!(report.join("report.md").is_file());
}

#[test]
fn synth_then_parse_then_eval_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("corpus");
    let (code, stdout, stderr) = hysim(&[
        "synth",
        "--n",
        "30",
        "--seed",
        "4",
        "--profile",
        "veterinary",
        "--noise",
        "ocr=0.2",
        "--out",
        out.to_str().unwrap(),
        "--formats",
        "md,xlsx",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("30 tables ("), "{stdout}");
    for file in ["tables.jsonl", "gold.jsonl", "manifest.json", "tables.xlsx", "md/syn000001.md"] {
        assert!(out.join(file).is_file(), "{file} missing");
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["profile"], "veterinary");
    assert_eq!(manifest["noise"]["ocr"], 0.2);
    let records = dir.path().join("records.jsonl");
    let (code, _, stderr) =
        hysim(&["parse", out.join("tables.jsonl").to_str().unwrap(), "--out", records.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let report = dir.path().join("report");
    let gold = out.join("gold.jsonl");
    let (code, stdout, stderr) = hysim(&[
        "eval",
        "--gold",
        gold.to_str().unwrap(),
        "--pred",
        records.to_str().unwrap(),
        "--out",
        report.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    // Summary values are scored over the papers with summary gold values (tables of no PK
    // results have none; per-subject values are scored apart).
    let papers: std::collections::BTreeSet<String> = hysim_core::Record::read_jsonl(&gold)
        .unwrap()
        .iter()
        .filter(|r| r.statistic != hysim_core::Statistic::Individual)
        .map(|r| r.table_id.split(':').next().unwrap_or_default().to_owned())
        .collect();
    // About three tables in ten report no PK result, and some only per-subject values.
    assert!((15..30).contains(&papers.len()), "{} papers", papers.len());
    assert!(stdout.contains(&format!("over {} papers", papers.len())), "{stdout}");
}

#[test]
fn synth_rejects_bad_settings_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c");
    for (args, expect) in [
        (vec!["--profile", "zoo"], "unknown profile \"zoo\""),
        (vec!["--noise", "ocr=2"], "rate 2 for ocr is outside 0..1"),
        (vec!["--formats", "pdf"], "unknown format \"pdf\""),
    ] {
        let mut all = vec!["synth", "--n", "2", "--out", out.to_str().unwrap()];
        all.extend(args);
        let (code, _, stderr) = hysim(&all);
        assert_eq!(code, 1, "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(expect), "{stderr}");
    }
}

#[test]
fn eval_with_autopk_labels_tables_and_a_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);
    // An input sheet in AutoPK's layout (CSV) and its label sheet.
    std::fs::write(
        p("12.csv"),
        "Parameter,IV^Mean,IV^SD,caption\nCmax (µg/mL),1.2,0.3,Table 1. Enrofloxacin in dogs after intravenous administration of 5 mg/kg\nt1/2 (h),4.1,0.4,\n",
    )
    .unwrap();
    std::fs::create_dir(p("labels")).unwrap();
    std::fs::write(
        p("labels").join("12.csv"),
        "abbv,pk_parameter,pk_parameter_unit,pk_parameter_value,animal,drug,drug_dosage,route_of_administration,animal_matrix/commodity\n\
         CMAX,Cmax,µg/mL,1.2,dog,enrofloxacin,5 mg/kg,IV,None\n\
         half-life,t1/2,h,4.1,dog,enrofloxacin,5 mg/kg,IV,None\n",
    )
    .unwrap();
    let (records, empty) = (p("records.jsonl"), p("empty.jsonl"));
    let (code, _, stderr) = hysim(&["parse", p("12.csv").to_str().unwrap(), "--out", records.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    std::fs::write(&empty, "").unwrap();
    let report = p("report");
    let (code, stdout, stderr) = hysim(&[
        "eval",
        "--gold",
        p("labels").join("12.csv").to_str().unwrap(),
        "--pred",
        records.to_str().unwrap(),
        "--tables",
        p("12.csv").to_str().unwrap(),
        "--compare",
        empty.to_str().unwrap(),
        "--encoder",
        "none",
        "--bootstrap",
        "100",
        "--out",
        report.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("numeric protocol: precision 1.000, recall 1.000"), "{stdout}");
    assert!(stdout.contains("AutoPK protocol:"), "{stdout}");
    let metrics: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(report.join("metrics.json")).unwrap()).unwrap();
    assert_eq!(metrics["numeric"]["overall"]["hallucination_rate"], 0.0);
    assert!(metrics["numeric"]["overall"]["ece"].is_null());
    assert_eq!(metrics["comparison"]["difference"], 1.0);
    assert_eq!(metrics["autopk"]["overall"]["tables"], 2);
    assert!(metrics["autopk"]["per_parameter"]["half-life"]["recall"].as_f64().unwrap() > 0.5);
    assert!(std::fs::read_to_string(report.join("report.html")).unwrap().contains("<svg"));
    // A bad protocol is a one-line error.
    let (code, _, stderr) = hysim(&[
        "eval",
        "--gold",
        p("labels").join("12.csv").to_str().unwrap(),
        "--pred",
        records.to_str().unwrap(),
        "--protocol",
        "f1",
        "--out",
        report.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("unknown protocol \"f1\""), "{stderr}");
}

#[test]
fn embed_reads_csv_files_as_tables() {
    if !encoder_installed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("t.csv");
    std::fs::write(&csv, "Parameter,IV^Mean,IV^SD\nCmax (ng/mL),6.2,1.1\nTmax (h),1.5,0.5\n").unwrap();
    let out = dir.path().join("e.safetensors");
    let args = [
        "embed",
        "--texts",
        csv.to_str().unwrap(),
        "--unit",
        "row",
        "--out",
        out.to_str().unwrap(),
        "--device",
        "cpu",
        "--no-cache",
    ];
    let (code, _, stderr) = hysim(&args);
    assert_eq!(code, 0, "{stderr}");
    // Two body rows of one table, not three lines of text.
    assert_eq!(Embeddings::load(&out).unwrap().ids(), ["t:1/r1", "t:1/r2"]);
    // A shard of a tables.jsonl's rows: examples are counted across tables (read a chunk
    // at a time), rows 2 and 5 of six for shard 2 of 3.
    let tables: Vec<hysim_core::Table> = ["a", "b", "c"]
        .iter()
        .map(|id| hysim_core::Table {
            id: format!("{id}:1"),
            header_rows: vec![vec!["Parameter".into(), "Value".into()]],
            body_rows: vec![vec!["Cmax (ng/mL)".into(), "6.2".into()], vec!["Tmax (h)".into(), "1.5".into()]],
            ..hysim_core::Table::default()
        })
        .collect();
    let jsonl = dir.path().join("tables.jsonl");
    hysim_tables::write_tables_jsonl(&jsonl, &tables).unwrap();
    let mut args = args;
    args[2] = jsonl.to_str().unwrap();
    let (code, _, stderr) = hysim(&[&args[..], &["--shard", "2/3"]].concat());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(Embeddings::load(&out).unwrap().ids(), ["a:1/r2", "c:1/r1"]);
}

#[test]
fn train_lora_on_smollm2_then_resume() {
    let gguf = hysim_core::cache::default_decoder_gguf();
    if !gguf.is_file() {
        #[allow(clippy::print_stderr, reason = "a skipped test says why")]
        {
            eprintln!("skipped: no model at {} (run `cargo xtask setup`)", gguf.display());
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("synth");
    let (code, _, stderr) = hysim(&["synth", "--n", "12", "--seed", "9", "--out", corpus.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let out = dir.path().join("model");
    let config = dir.path().join("train.toml");
    let write = |steps: usize| {
        std::fs::write(
            &config,
            format!(
                "out = {out:?}\n[data]\ntables = {:?}\ngold = {:?}\nvalidation_fraction = 0.0\nmax_tokens = 320\ncut_long = true\nlimit = 6\n\
                 [model]\ndevice = \"cpu\"\n[lora]\nrank = 4\nalpha = 8.0\ntargets = [\"q_proj\", \"v_proj\"]\n\
                 [train]\nlr = 1e-3\nwarmup_steps = 1\ntotal_steps = {steps}\n[fit]\nbatch_size = 1\neval_every = 1\npatience = 0\n",
                corpus.join("tables.jsonl"),
                corpus.join("gold.jsonl")
            ),
        )
        .unwrap();
    };
    write(1);
    let (code, stdout, stderr) = hysim(&["train", "--config", config.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("1 steps on Cpu"), "{stdout}");
    // Tables longer than 320 tokens with their answers are cut by rows into parts.
    assert!(stdout.contains(" tables cut by rows into parts within 320 tokens"), "{stdout}");
    assert!(!stdout.contains("(0 tables cut"), "{stdout}");
    // No validation table: the decoder's confidences stay as decoded.
    assert!(stdout.contains("decoder confidences left raw: no validation table compared"), "{stdout}");
    for file in ["model.json", "fit.json", "train.toml", "last/trainable.safetensors", "best/state.json"] {
        assert!(out.join(file).is_file(), "{file} missing");
    }
    // The card says what the prompts carried, so that extraction builds the same ones.
    let card: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("model.json")).unwrap()).unwrap();
    assert_eq!(card["prompt"], "verdicts");
    write(2);
    let (code, stdout, stderr) = hysim(&["train", "--config", config.to_str().unwrap(), "--resume"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("2 steps on Cpu"), "{stdout}");
    let state: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("last/state.json")).unwrap()).unwrap();
    assert_eq!(state["step"], 2);
    // A LoRA adapter holds only lora_A / lora_B tensors.
    let tensors = hysim_nn::tch::Tensor::read_safetensors(out.join("last/trainable.safetensors")).unwrap();
    assert!(!tensors.is_empty() && tensors.iter().all(|(n, _)| n.contains(".lora_")));
    // Extraction with the trained folder: whatever two steps taught, every record parses.
    // The longest table's prompt leaves less than 80 of 320 tokens for the answer: it is cut.
    let one = dir.path().join("one.jsonl");
    let text = std::fs::read_to_string(corpus.join("tables.jsonl")).unwrap();
    let longest = text.lines().max_by_key(|l| l.len()).unwrap().to_owned();
    std::fs::write(&one, format!("{longest}\n")).unwrap();
    let records = dir.path().join("extracted.jsonl");
    let extract = [
        "extract",
        one.to_str().unwrap(),
        "--model",
        out.to_str().unwrap(),
        "--out",
        records.to_str().unwrap(),
        "--system",
        "decoder",
        "--device",
        "cpu",
        "--max-new-tokens",
        "40",
        "--answer-room",
        "80",
    ];
    let (code, stdout, stderr) = hysim(&extract);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("1 tables -> "), "{stdout}");
    assert!(stdout.contains("1 of 1 tables cut by rows"), "{stdout}");
    let raw = hysim_core::Record::read_jsonl(&records).unwrap();
    assert!(!raw.is_empty());
    // Grounded: every record names its cell, and its value is the one printed there.
    let (_, table) = hysim_tables::read_tables_jsonl(&one).unwrap().remove(0);
    for r in &raw {
        assert!(r.confidence.is_some_and(|c| (0.0..=1.0).contains(&c)));
        assert!(hysim_text::prompt::CODES.contains(&r.parameter.as_deref().unwrap()));
        let (row, col) = (r.provenance.row.unwrap() as usize, r.provenance.col.unwrap() as usize);
        let printed = table.body_rows[row][col].split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(printed.contains(&r.value_raw.split_whitespace().collect::<Vec<_>>().join(" ")), "{r:?}");
    }
    // A calibration in model.json maps every confidence: with slope 0, to sigma(b) = 0.25.
    let mut model_json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("model.json")).unwrap()).unwrap();
    model_json["decoder_calibration"] = serde_json::json!({"a": 0.0, "b": (0.25f64 / 0.75).ln(), "n": 12, "right": 3});
    std::fs::write(out.join("model.json"), model_json.to_string()).unwrap();
    let (code, _, stderr) = hysim(&extract);
    assert_eq!(code, 0, "{stderr}");
    let calibrated = hysim_core::Record::read_jsonl(&records).unwrap();
    assert_eq!(calibrated.len(), raw.len());
    for (c, r) in calibrated.iter().zip(&raw) {
        assert_eq!((&c.parameter, &c.value_raw), (&r.parameter, &r.value_raw));
        assert!((c.confidence.unwrap() - 0.25).abs() < 1e-9, "{:?}", c.confidence);
    }
}

#[test]
fn encoder_extractor_writes_the_same_records_whatever_the_batch() {
    if !encoder_installed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("synth");
    let (code, _, stderr) = hysim(&["synth", "--n", "24", "--seed", "5", "--out", corpus.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let tables = corpus.join("tables.jsonl");
    let model = dir.path().join("model");
    let config = dir.path().join("train.toml");
    // float32 embeddings: in bfloat16, how candidates are grouped into padded batches
    // moves probabilities by more than rounding, and a record at the margin could flip.
    std::fs::write(
        &config,
        format!(
            "out = {model:?}\nsystems = [\"encoder\"]\n[data]\ntables = {tables:?}\ngold = {:?}\nvalidation_fraction = 0.25\n\
             [encoder]\ndtype = \"f32\"\n[encoder.heads]\nepochs = 5\n[model]\ndevice = \"cpu\"\n",
            corpus.join("gold.jsonl")
        ),
    )
    .unwrap();
    let (code, stdout, stderr) = hysim(&["train", "--config", config.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("(f32 embeddings)"), "{stdout}");
    assert!(stdout.contains("; matrix head: "), "{stdout}");
    let extract_from = |input: &Path, batch: &str, more: &[&str]| {
        let out = dir.path().join(format!("records-{batch}{}.jsonl", more.join("").replace('/', "-")));
        let mut args = vec![
            "extract",
            input.to_str().unwrap(),
            "--model",
            model.to_str().unwrap(),
            "--system",
            "encoder",
            "--out",
            out.to_str().unwrap(),
            "--device",
            "cpu",
            "--batch-size",
            batch,
        ];
        args.extend(more);
        let (code, stdout, stderr) = hysim(&args);
        (code, stdout, stderr, out)
    };
    let extract = |batch: &str| extract_from(&tables, batch, &[]);
    let (code, stdout, stderr, one) = extract("1");
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("24 tables -> "), "{stdout}");
    let (code, _, stderr, all) = extract("24");
    assert_eq!(code, 0, "{stderr}");
    // Tables one at a time or all at once: the same records in the same order.
    let (one, all) = (hysim_core::Record::read_jsonl(&one).unwrap(), hysim_core::Record::read_jsonl(&all).unwrap());
    assert!(one.len() > 24, "{} records", one.len());
    assert_eq!(one.len(), all.len());
    for (a, b) in one.iter().zip(&all) {
        let key = |r: &hysim_core::Record| {
            (r.table_id.clone(), r.provenance.row, r.provenance.col, r.parameter.clone(), r.statistic)
        };
        assert_eq!(key(a), key(b));
        assert!((a.confidence.unwrap() - b.confidence.unwrap()).abs() < 1e-4, "{a:?} against {b:?}");
    }
    // Shard 2 of 3 read five tables at a time: the records of tables 1, 4, 7, ...
    let ids: Vec<String> = hysim_tables::read_tables_jsonl(&tables).unwrap().into_iter().map(|(_, t)| t.id).collect();
    let (code, stdout, stderr, sharded) = extract_from(&tables, "5", &["--shard", "2/3"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("8 tables -> "), "{stdout}");
    let expected: Vec<&hysim_core::Record> =
        all.iter().filter(|r| ids.iter().position(|id| *id == r.table_id).unwrap() % 3 == 1).collect();
    let sharded = hysim_core::Record::read_jsonl(&sharded).unwrap();
    assert_eq!(sharded.len(), expected.len());
    assert!(
        sharded.iter().zip(expected).all(|(a, b)| a.table_id == b.table_id && a.provenance.col == b.provenance.col)
    );
    // A bad line after good ones: one line naming the file and line, and no output.
    let bad = dir.path().join("bad.jsonl");
    let mut text = std::fs::read_to_string(&tables).unwrap();
    text.push_str("{\"table_id\": \"x\"}\n");
    std::fs::write(&bad, text).unwrap();
    let (code, _, stderr, out) = extract_from(&bad, "4", &[]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("bad.jsonl:25"), "{stderr}");
    assert!(!out.exists());
    let (code, _, stderr, out) = extract("0");
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--batch-size"), "{stderr}");
    assert!(!out.exists());
    // A table whose caption names no matrix, from a paper whose abstract names two fluids
    // the context head knows: the head chooses one of them for each record.
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(model.join("encoder/encoder.json")).unwrap()).unwrap();
    let known: Vec<&str> = meta["matrices"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m.as_str())
        .filter(|m| ["plasma", "serum", "urine", "milk"].contains(m))
        .collect();
    assert!(known.len() >= 2, "{meta}");
    let caption = "Table 1. Pharmacokinetic parameters";
    let abstract_text = format!("Concentrations were measured in {} and {} samples.", known[0], known[1]);
    // The first table of the corpus that still gives records under that caption, none of
    // them with a matrix of its own (the generator also writes tables of no PK results,
    // and tables whose specimen is in their headers).
    let parsed = hysim_tables::read_tables_jsonl(&tables).unwrap();
    let k = parsed
        .iter()
        .position(|(_, t)| {
            let t = hysim_core::Table {
                caption: Some(caption.into()),
                abstract_text: Some(abstract_text.clone()),
                footnote: None,
                ..t.clone()
            };
            let cells: Vec<&str> = t.header_rows.iter().chain(&t.body_rows).flatten().map(String::as_str).collect();
            !hysim_tables::table_records(&t).is_empty() && hysim_tables::matrices_in(&cells.join(" ; ")).is_empty()
        })
        .expect("a table that gives records without a matrix");
    let mut line: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&tables).unwrap().lines().nth(k).unwrap()).unwrap();
    line["caption"] = caption.into();
    line["abstract"] = abstract_text.into();
    line["footnote"] = serde_json::Value::Null;
    // The same table again under the same id, from a paper whose abstract names no fluid:
    // its records take the curators' default, plasma, not the head's choice (tables are
    // told apart by position, not by id).
    let mut other = line.clone();
    other["abstract"] = "A pharmacokinetic study.".into();
    let unnamed = dir.path().join("unnamed.jsonl");
    std::fs::write(&unnamed, format!("{line}\n{other}\n")).unwrap();
    let (code, _, stderr, out) = extract_from(&unnamed, "2", &[]);
    assert_eq!(code, 0, "{stderr}");
    let records = hysim_core::Record::read_jsonl(&out).unwrap();
    let (first, second) = records.split_at(records.len() / 2);
    assert!(!first.is_empty());
    assert_eq!(first.len(), second.len());
    for (r, s) in first.iter().zip(second) {
        assert!(r.context.matrix.as_deref().is_some_and(|m| known[..2].contains(&m)), "{r:?}");
        assert_eq!(s.context.matrix.as_deref(), Some("plasma"), "{s:?}");
    }
}
