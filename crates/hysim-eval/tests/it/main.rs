//! `hysim parse`'s rules scored against the gold of clean synthetic corpora, in every
//! format the generator writes: this couples `hysim-synth` and `hysim-tables` and keeps
//! both honest (a generator that prints what no parser reads, or a parser that misses
//! what papers print, fails here).

use std::path::{Path, PathBuf};

use hysim_core::Record;
use hysim_eval::{Report, gold_from_records, score_numeric};
use hysim_synth::{Config, Format, NoiseSpec, Profile, generate, write_corpus};

fn corpus(dir: &Path, n: usize, seed: u64, profile: Profile, noise: &str) -> Vec<Record> {
    let cfg = Config { n, seed, profile, noise: NoiseSpec::parse(noise).unwrap() };
    let items = generate(&cfg);
    write_corpus(dir, &cfg, &items, &[Format::Jats, Format::Csv, Format::Md, Format::Xlsx]).unwrap();
    Record::read_jsonl(&dir.join("gold.jsonl")).unwrap()
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

fn parse_and_score(inputs: &[PathBuf], gold: &[Record]) -> Report {
    let mut tables = Vec::new();
    for path in inputs {
        tables.extend(hysim_tables::read_tables_file(path).unwrap());
    }
    let predicted: Vec<Record> = hysim_tables::tables_records(&tables).into_iter().flatten().collect();
    score_numeric(&gold_from_records(gold), &predicted, 0.005)
}

fn check(report: &Report, what: &str, min_recall: f64, min_precision: f64) {
    let o = &report.overall.scores;
    assert!(o.tp > 500, "{what}: only {} values matched", o.tp);
    assert!(o.recall >= min_recall, "{what}: recall {:.4} < {min_recall} ({:?})", o.recall, report.per_parameter);
    assert!(o.precision >= min_precision, "{what}: precision {:.4} < {min_precision}", o.precision);
}

#[test]
fn rules_recover_clean_synthetic_tables_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let gold = corpus(dir.path(), 150, 21, Profile::Mixed, "none");
    let d = dir.path();
    check(&parse_and_score(&[d.join("tables.jsonl")], &gold), "tables.jsonl (HTML)", 0.98, 0.95);
    check(&parse_and_score(&[d.join("jats").join("tables.xml")], &gold), "JATS", 0.98, 0.95);
    check(&parse_and_score(&files_in(&d.join("csv")), &gold), "CSV", 0.98, 0.95);
    check(&parse_and_score(&files_in(&d.join("md")), &gold), "Markdown", 0.98, 0.95);
    check(&parse_and_score(&[d.join("tables.xlsx")], &gold), "XLSX", 0.98, 0.95);
}

#[test]
fn rules_recover_each_profile() {
    for profile in [Profile::Clinical, Profile::Veterinary] {
        let dir = tempfile::tempdir().unwrap();
        let gold = corpus(dir.path(), 250, 5, profile, "none");
        check(&parse_and_score(&[dir.path().join("tables.jsonl")], &gold), &profile.to_string(), 0.98, 0.95);
    }
}

#[test]
fn noise_lowers_the_scores_it_should() {
    // Off-topic tables have no gold and yield no records; wrong gold values cost recall.
    let dir = tempfile::tempdir().unwrap();
    let gold = corpus(dir.path(), 200, 8, Profile::Mixed, "offtopic=0.3,wrong_value=0.2");
    let report = parse_and_score(&[dir.path().join("tables.jsonl")], &gold);
    let noisy = gold.iter().filter(|r| r.noise.as_deref() == Some("wrong_value")).count() as f64;
    let expected = 1.0 - noisy / gold.len() as f64;
    assert!(
        (report.overall.scores.recall - expected).abs() < 0.02,
        "recall {:.3}, expected about {expected:.3} (the share of clean gold)",
        report.overall.scores.recall
    );
}

/// A fixed evaluation: a small clean corpus parsed by the rules, one record made wrong
/// and given confidences, compared with a baseline that lost a table.
fn fixed_evaluation() -> hysim_eval::report::Evaluation {
    use hysim_eval::autopk::{self, Levenshtein};
    use hysim_eval::gold::{Gold, prediction_rows};
    let cfg = Config { n: 6, seed: 2, profile: Profile::Mixed, noise: NoiseSpec::default() };
    let items = generate(&cfg);
    let tables: Vec<hysim_core::Table> = items.iter().map(|i| i.table.table.clone()).collect();
    let gold_records: Vec<Record> = items.iter().flat_map(|i| i.table.gold.clone()).collect();
    let mut predicted: Vec<Record> = hysim_tables::tables_records(&tables).into_iter().flatten().collect();
    for (k, r) in predicted.iter_mut().enumerate() {
        r.confidence = Some([0.95, 0.8, 0.6][k % 3]);
    }
    let first = predicted.iter().position(|r| r.value.is_some()).unwrap();
    predicted[first].value = predicted[first].value.map(|v| v * 2.0);
    predicted[first].value_canonical = predicted[first].value_canonical.map(|v| v * 2.0);
    predicted[first].value_raw = "999.9".to_owned();
    let baseline: Vec<Record> = predicted.iter().filter(|r| !r.table_id.starts_with("syn000001")).cloned().collect();
    let gold = Gold::from_records(&gold_records);
    let mut numeric = hysim_eval::score_numeric(&gold.values, &predicted, 0.005);
    numeric.calibrate(&predicted);
    numeric.bootstrap(200, 0);
    let texts = tables.iter().map(|t| (t.id.clone(), hysim_eval::table_text(t))).collect();
    let (h, checked) = hysim_eval::hallucinations(&predicted, &numeric.judged, &texts);
    numeric.overall.hallucination_rate = Some(h as f64 / checked as f64);
    let base = hysim_eval::score_numeric(&gold.values, &baseline, 0.005);
    let (a, b): (Vec<_>, Vec<_>) =
        numeric.paper_tallies().into_iter().zip(base.paper_tallies()).map(|((_, x), (_, y))| (x, y)).unzip();
    let comparison = hysim_eval::stats::paired_bootstrap(&a, &b, 200, 0);
    let autopk = autopk::score(&gold.rows, &prediction_rows(&predicted, &gold), None, &Levenshtein);
    let errors = hysim_eval::mismatches::list(&numeric, &gold.values, &predicted);
    hysim_eval::report::Evaluation {
        gold: "gold.jsonl".into(),
        predictions: "records.jsonl".into(),
        numeric: Some(numeric),
        individual: None,
        autopk: Some(autopk),
        errors,
        consistency: Some(hysim_eval::consistency::check(&predicted, 0.25)),
        comparison: Some(("baseline.jsonl".into(), comparison)),
        weights: Some(vec![0.2, 0.9, 1.0, 1.1, 1.8]),
        projection: Some(vec![(0.0, 0.0, false, 0.2), (1.0, 1.0, false, 1.8), (0.5, 0.2, true, 1.0)]),
    }
}

#[test]
fn report_for_a_fixed_input() {
    let e = fixed_evaluation();
    let numeric = e.numeric.as_ref().unwrap();
    assert!(numeric.overall.ece.is_some() && numeric.overall.hallucination_rate.unwrap() > 0.0);
    insta::assert_snapshot!("report_md", e.markdown());
    let dir = tempfile::tempdir().unwrap();
    e.write(dir.path()).unwrap();
    let metrics: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("metrics.json")).unwrap()).unwrap();
    for protocol in ["numeric", "autopk"] {
        for key in ["precision", "recall", "f1", "hallucination_rate", "ece"] {
            assert!(metrics[protocol]["overall"].get(key).is_some(), "{protocol}.overall.{key}");
        }
        assert!(metrics[protocol]["per_parameter"].is_object());
    }
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    for label in
        ["numeric protocol", "reliability diagram", "weight histogram", "embedding projection", "AutoPK protocol"]
    {
        assert!(html.contains(&format!("aria-label=\"{label}\"")), "report.html has no {label} plot");
    }
}
