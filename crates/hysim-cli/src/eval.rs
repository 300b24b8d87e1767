//! `hysim eval`: predicted records against ground truth, with the numeric and AutoPK
//! protocols, calibration, bootstrap intervals, a paired comparison, PK consistency
//! checks, and `metrics.json`, `report.md` and `report.html`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::Result;
use hysim_core::Embeddings;
use hysim_eval::autopk::{self, TextSimilarity};
use hysim_eval::{Inputs, Options, Protocols};

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
    let protocols: Protocols = args.protocol.parse().map_err(anyhow::Error::msg)?;
    let matching: hysim_eval::Match = args.matching.parse().map_err(anyhow::Error::msg)?;
    let inputs = Inputs {
        gold: args.gold.clone(),
        predictions: args.pred.clone(),
        tables: args.tables.clone(),
        compare: args.compare.clone(),
        weights: args.weights.clone(),
    };
    let options = Options {
        protocols,
        matching,
        tolerance: args.tolerance,
        bootstrap: args.bootstrap,
        seed: args.seed,
        consistency_tolerance: args.consistency_tolerance,
    };
    let semantic = if protocols == Protocols::Numeric { None } else { Some(similarity(&args.encoder)?) };
    let (mut eval, mut summary) = hysim_eval::evaluate(&inputs, &options, semantic.as_deref())?;
    if let [source, target] = args.embeddings.as_slice() {
        let (s, t) = (Embeddings::load(source)?, Embeddings::load(target)?);
        let points = hysim_weights::project_2d(&s, &t)?;
        let weights = hysim_eval::evaluate::weights_of(args.weights.as_deref(), s.ids())?;
        eval.projection = Some(
            points
                .into_iter()
                .enumerate()
                .map(|(k, (x, y))| {
                    let target = k >= s.n_rows();
                    (x, y, target, if target { 1.0 } else { weights[k] })
                })
                .collect(),
        );
    }
    eval.write(&args.out)?;
    summary.push(format!("-> {}", args.out.join("report.html").display()));
    Ok(summary.join("\n"))
}
