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
    let o = &report.overall;
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
        (report.overall.recall - expected).abs() < 0.02,
        "recall {:.3}, expected about {expected:.3} (the share of clean gold)",
        report.overall.recall
    );
}
