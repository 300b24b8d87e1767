//! `hysim eval`: predicted records against ground truth, with the numeric and AutoPK
//! protocols, calibration, bootstrap intervals, a paired comparison, PK consistency
//! checks, and `metrics.json`, `report.md` and `report.html`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use hysim_core::{Embeddings, Record, SampleWeights};
use hysim_eval::autopk::{self, TextSimilarity};
use hysim_eval::gold::{Gold, prediction_rows};
use hysim_eval::report::Evaluation;

/// Arguments of `hysim eval`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Ground truth: SPEC records (`.jsonl`, such as the `gold.jsonl` of `hysim synth`),
    /// curated pk_summary CSVs, AutoPK label sheets (`.xlsx` or `.csv` with an `abbv`
    /// column), or folders of `*_baseline.csv` and label workbooks.
    #[arg(long, required = true, num_args = 1.., value_name = "PATH")]
    gold: Vec<PathBuf>,
    /// Predicted records (JSON Lines, as `hysim parse` and `hysim extract` write them).
    #[arg(long, value_name = "FILE")]
    pred: PathBuf,
    /// Report folder: `metrics.json`, `errors.jsonl`, `report.md` and `report.html` are
    /// written there.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// autopk, numeric or both.
    #[arg(long, default_value = "both")]
    protocol: String,
    /// Relative tolerance on values (numeric protocol).
    #[arg(long, default_value_t = 0.005)]
    tolerance: f64,
    /// Numeric protocol: `full` (value in canonical units, statistic, dispersion and
    /// interval) or `value` (parameter class and printed value only).
    #[arg(long = "match", default_value = "full", value_name = "full|value")]
    matching: String,
    /// The tables the predictions come from (any format `hysim parse` reads): a record
    /// whose printed value is not in its table's text counts as hallucinated.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    tables: Vec<PathBuf>,
    /// Baseline predictions to compare with by a paired bootstrap over papers.
    #[arg(long, value_name = "FILE")]
    compare: Option<PathBuf>,
    /// Bootstrap resamples (0 turns intervals off).
    #[arg(long, default_value_t = 1000)]
    bootstrap: usize,
    /// Seed of the bootstrap.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Relative tolerance of the PK consistency checks. The identities hold exactly per
    /// subject and for geometric means, but arithmetic means of reciprocal quantities
    /// (CL and AUC, t1/2 and λz) differ by about exp(σ²), 10 to 15 % at a CV of 30 to 40 %,
    /// so the default leaves room for that and still catches unit slips (×60, ×1000).
    #[arg(long, default_value_t = 0.25)]
    consistency_tolerance: f64,
    /// Encoder that compares units, species and drug names in the AutoPK protocol (where
    /// AutoPK used Bio_ClinicalBERT): a model folder, `default` (all-MiniLM-L6-v2 from the
    /// model cache) or `none` (Levenshtein ratio).
    #[arg(long, default_value = "default", value_name = "DIR|default|none")]
    encoder: String,
    /// `weights.jsonl` of `hysim weights`, for the weight histogram.
    #[arg(long, value_name = "FILE")]
    weights: Option<PathBuf>,
    /// Source and target embeddings, for the 2-D projection coloured by weight.
    #[arg(long, num_args = 2, value_names = ["SOURCE", "TARGET"])]
    embeddings: Vec<PathBuf>,
}

/// Reads one `--gold` path: records, pk_summary CSVs, AutoPK label sheets or a folder of them.
pub(crate) fn read_gold(path: &Path) -> Result<(Gold, String)> {
    let ext = hysim_tables::extension(path);
    if path.is_dir() {
        let mut gold = Gold::default();
        let mut files = 0;
        for file in hysim_tables::gold::gold_files(path)? {
            gold.extend(Gold::from_pk_summary(hysim_tables::gold::read_pk_summary(&file)?));
            files += 1;
        }
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| format!("cannot read {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "xlsx" || e == "xls" || e == "ods"))
            .collect();
        entries.sort();
        for file in entries {
            gold.extend(Gold::from_autopk_labels(&hysim_tables::gold::read_autopk_labels(&file)?));
            files += 1;
        }
        return Ok((gold, format!("{files} files in {}", path.display())));
    }
    let gold = match ext.as_str() {
        "jsonl" => Gold::from_records(&Record::read_jsonl(path)?),
        "xlsx" | "xls" | "ods" => Gold::from_autopk_labels(&hysim_tables::gold::read_autopk_labels(path)?),
        "csv" => {
            // The header line alone says which kind of CSV it is.
            let mut header = String::new();
            std::io::BufRead::read_line(
                &mut std::io::BufReader::new(
                    std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?,
                ),
                &mut header,
            )
            .with_context(|| format!("cannot read {}", path.display()))?;
            let first: Vec<String> = header.trim_end().split(',').map(str::to_owned).collect();
            if hysim_tables::gold::is_autopk_label_header(&first) {
                Gold::from_autopk_labels(&hysim_tables::gold::read_autopk_labels(path)?)
            } else {
                Gold::from_pk_summary(hysim_tables::gold::read_pk_summary(path)?)
            }
        }
        _ => bail!("{}: unsupported gold file (expected .jsonl, .csv, .xlsx or a folder)", path.display()),
    };
    Ok((gold, path.display().to_string()))
}

/// Cosine similarity of sentence embeddings, texts embedded once each.
struct EncoderSimilarity {
    encoder: hysim_embed::Encoder,
    name: String,
    cache: RefCell<HashMap<String, Vec<f32>>>,
}

impl EncoderSimilarity {
    fn vector(&self, text: &str) -> Vec<f32> {
        if let Some(v) = self.cache.borrow().get(text) {
            return v.clone();
        }
        let v = self
            .encoder
            .embed(&[text], &hysim_embed::EmbedOptions::default(), None)
            .map(|(rows, _)| rows)
            .unwrap_or_default();
        self.cache.borrow_mut().insert(text.to_owned(), v.clone());
        v
    }
}

impl TextSimilarity for EncoderSimilarity {
    fn similarity(&self, a: &str, b: &str) -> f64 {
        if a == b {
            return 1.0;
        }
        let (x, y) = (self.vector(a), self.vector(b));
        // Rows are L2-normalised: the dot product is the cosine.
        x.iter().zip(&y).map(|(p, q)| f64::from(*p) * f64::from(*q)).sum::<f64>().clamp(0.0, 1.0)
    }

    fn name(&self) -> String {
        self.name.clone()
    }
}

fn similarity(choice: &str) -> Result<Box<dyn TextSimilarity>> {
    if choice == "none" {
        return Ok(Box::new(autopk::Levenshtein));
    }
    let dir = if choice == "default" {
        hysim_core::cache::model_dir(hysim_core::cache::DEFAULT_ENCODER)
    } else {
        PathBuf::from(choice)
    };
    if choice == "default" && !dir.is_dir() {
        tracing::warn!(
            "no encoder at {}; the AutoPK protocol compares units, species and drugs by Levenshtein ratio",
            dir.display()
        );
        return Ok(Box::new(autopk::Levenshtein));
    }
    let device = "cpu".parse::<hysim_nn::DeviceSpec>()?.resolve()?;
    let encoder = hysim_embed::Encoder::load(&dir, device, hysim_nn::DType::F32)?;
    let model = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Box::new(EncoderSimilarity {
        encoder,
        name: format!("cosine of {model} sentence embeddings (AutoPK used Bio_ClinicalBERT), threshold 0.8"),
        cache: RefCell::new(HashMap::new()),
    }))
}

pub(crate) fn run(args: &Args) -> Result<String> {
    let (numeric, autopk_on) = match args.protocol.as_str() {
        "numeric" => (true, false),
        "autopk" => (false, true),
        "both" => (true, true),
        other => bail!("unknown protocol {other:?} (expected autopk, numeric or both)"),
    };
    let mut gold = Gold::default();
    let mut descriptions = Vec::new();
    for path in &args.gold {
        let (g, desc) = read_gold(path)?;
        gold.extend(g);
        descriptions.push(desc);
    }
    if gold.values.is_empty() && gold.rows.is_empty() {
        bail!("no gold values found in {}", descriptions.join(", "));
    }
    let predicted = Record::read_jsonl(&args.pred)?;
    let mut eval = Evaluation {
        gold: format!("{} values from {}", gold.values.len(), descriptions.join(", ")),
        predictions: format!("{} records from {}", predicted.len(), args.pred.display()),
        ..Evaluation::default()
    };
    let mut summary = Vec::new();
    if numeric {
        let matching = match args.matching.as_str() {
            "full" => hysim_eval::Match::Full,
            "value" => hysim_eval::Match::Value,
            other => bail!("unknown --match {other:?} (expected full or value)"),
        };
        let mut report = hysim_eval::score_numeric_with(&gold.values, &predicted, args.tolerance, matching);
        report.calibrate(&predicted);
        eval.errors = hysim_eval::errors::errors(&report, &gold.values, &predicted);
        if args.bootstrap > 0 {
            report.bootstrap(args.bootstrap, args.seed);
        }
        if !args.tables.is_empty() {
            let mut texts = HashMap::new();
            for path in &args.tables {
                for t in hysim_tables::read_tables_file(path)? {
                    texts.insert(t.id.clone(), hysim_eval::table_text(&t));
                }
            }
            let (hallucinated, checked) = hysim_eval::hallucinations(&predicted, &report.judged, &texts);
            report.overall.hallucination_rate = (checked > 0).then(|| hallucinated as f64 / checked as f64);
        }
        if let Some(baseline) = &args.compare {
            let base_records = Record::read_jsonl(baseline)?;
            let base = hysim_eval::score_numeric_with(&gold.values, &base_records, args.tolerance, matching);
            let (a, b): (Vec<_>, Vec<_>) =
                report.paper_tallies().into_iter().zip(base.paper_tallies()).map(|((_, x), (_, y))| (x, y)).unzip();
            let c = hysim_eval::stats::paired_bootstrap(&a, &b, args.bootstrap.max(1), args.seed);
            summary.push(format!(
                "vs {}: F1 {:+.3} [{:+.3}, {:+.3}]",
                baseline.display(),
                c.difference,
                c.interval.low,
                c.interval.high
            ));
            eval.comparison = Some((baseline.display().to_string(), c));
        }
        let o = &report.overall.scores;
        summary.insert(
            0,
            format!(
                "numeric protocol: precision {:.3}, recall {:.3}, F1 {:.3} (TP {}, FP {}, FN {}) over {} papers",
                o.precision,
                o.recall,
                o.f1,
                o.tp,
                o.fp,
                o.fn_,
                report.per_paper.len()
            ),
        );
        eval.numeric = Some(report);
    }
    if autopk_on {
        let semantic = similarity(&args.encoder)?;
        let pred_rows = prediction_rows(&predicted, &gold);
        let report = autopk::score(&gold.rows, &pred_rows, None, semantic.as_ref());
        summary.push(format!(
            "AutoPK protocol: precision {:.3}, recall {:.3}, F1 {:.3}, hallucination rate {:.3} over {} table-parameter pairs",
            report.overall.precision,
            report.overall.recall,
            report.overall.f1,
            report.overall.hallucination_rate,
            report.overall.tables
        ));
        eval.autopk = Some(report);
    }
    eval.consistency = Some(hysim_eval::consistency::check(&predicted, args.consistency_tolerance));
    let weights = args.weights.as_deref().map(SampleWeights::read_jsonl).transpose()?;
    eval.weights = weights.as_ref().map(|w| w.rows.iter().map(|r| r.w_hybrid).collect());
    if let [source, target] = args.embeddings.as_slice() {
        let (s, t) = (Embeddings::load(source)?, Embeddings::load(target)?);
        let points = hysim_weights::project_2d(&s, &t)?;
        let by_id: HashMap<&str, f64> =
            weights.iter().flat_map(|w| w.rows.iter().map(|r| (r.id.as_str(), r.w_hybrid))).collect();
        eval.projection = Some(
            points
                .into_iter()
                .enumerate()
                .map(|(k, (x, y))| {
                    let target = k >= s.n_rows();
                    let w = if target { 1.0 } else { by_id.get(s.ids()[k].as_str()).copied().unwrap_or(1.0) };
                    (x, y, target, w)
                })
                .collect(),
        );
    }
    eval.write(&args.out)?;
    summary.push(format!("-> {}", args.out.join("report.html").display()));
    Ok(summary.join(
        "
",
    ))
}
