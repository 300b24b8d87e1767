//! `hysim eval`: predicted records against curated ground truth (numeric protocol).

use std::path::PathBuf;

use anyhow::Result;
use hysim_core::Record;

/// Arguments of `hysim eval`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Ground truth: pk_summary CSV files, folders of `*_baseline.csv` files, or SPEC
    /// records (`.jsonl`, such as the `gold.jsonl` of `hysim synth`).
    #[arg(long, required = true, num_args = 1.., value_name = "PATH")]
    gold: Vec<PathBuf>,
    /// Predicted records (JSON Lines, as `hysim parse` writes them).
    #[arg(long, value_name = "FILE")]
    pred: PathBuf,
    /// Report folder: `metrics.json` and `report.md` are written there.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Relative tolerance on values.
    #[arg(long, default_value_t = 0.005)]
    tolerance: f64,
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let mut gold = Vec::new();
    let mut files = Vec::new();
    for path in &args.gold {
        if path.extension().is_some_and(|e| e == "jsonl") {
            gold.extend(hysim_eval::gold_from_records(&Record::read_jsonl(path)?));
            files.push(path.clone());
            continue;
        }
        for file in hysim_tables::gold::gold_files(path)? {
            gold.extend(hysim_tables::gold::read_pk_summary(&file)?);
            files.push(file);
        }
    }
    if gold.is_empty() {
        anyhow::bail!("no gold values found in {:?}", args.gold);
    }
    let predicted = Record::read_jsonl(&args.pred)?;
    let report = hysim_eval::score_numeric(&gold, &predicted, args.tolerance);
    let gold_desc = format!("{} gold values from {} files", gold.len(), files.len());
    let pred_desc = format!("{} records from {}", predicted.len(), args.pred.display());
    hysim_eval::write_report(&args.out, &report, &gold_desc, &pred_desc)?;
    let o = &report.overall;
    let summary = format!(
        "numeric protocol: precision {:.3}, recall {:.3}, F1 {:.3} (TP {}, FP {}, FN {}) over {} papers -> {}",
        o.precision,
        o.recall,
        o.f1,
        o.tp,
        o.fp,
        o.fn_,
        report.per_paper.len(),
        args.out.join("report.md").display()
    );
    #[allow(clippy::print_stdout, reason = "the summary is the command's output")]
    {
        println!("{summary}");
    }
    Ok(())
}
