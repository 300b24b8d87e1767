//! `hysim weights`: reads two embeddings files, writes `weights.jsonl` and
//! `weights.diagnostics.json`, and prints a short summary.

use std::path::PathBuf;

use anyhow::{Context, Result};
use hysim_core::Embeddings;
use hysim_weights::{Config, Output};

/// Arguments of `hysim weights`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Source (training) embeddings, a safetensors file from `hysim embed`.
    #[arg(long, value_name = "FILE")]
    source: PathBuf,
    /// Target-domain embeddings.
    #[arg(long, value_name = "FILE")]
    target: PathBuf,
    /// Settings (TOML); missing keys take the defaults documented in `hysim_weights::Config`.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Output JSON Lines file; the diagnostics go beside it as `<stem>.diagnostics.json`.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

pub(crate) fn run(args: &Args) -> Result<String> {
    let cfg = match &args.config {
        Some(path) => Config::load(path)?,
        None => Config::default(),
    };
    let source = Embeddings::load(&args.source).with_context(|| format!("source {}", args.source.display()))?;
    let target = Embeddings::load(&args.target).with_context(|| format!("target {}", args.target.display()))?;
    let output = hysim_weights::compute(&source, &target, &cfg)?;
    output.write(&args.out)?;
    let d = &output.diagnostics;
    tracing::info!(
        out = %args.out.display(),
        diagnostics = %Output::diagnostics_path(&args.out).display(),
        rows = output.weights.rows.len(),
        "wrote weights"
    );
    let summary = format!(
        "{} source rows, {} target rows, dim {}: alpha {:.4}, beta {:.4}, {} PCA components ({:.1}% variance, {:?}), \
         {} off-manifold (tau {:.4}), W_max {:.3}, ESS {:.1} ({:.1}%), sigma {:.4}, MMD^2 {:.4}",
        d.n_source,
        d.n_target,
        d.dim,
        d.alpha,
        d.beta,
        d.manifold.components,
        100.0 * d.manifold.explained_variance_ratio,
        d.manifold.solver,
        d.manifold.n_off_manifold,
        d.manifold.tau,
        d.w_max,
        d.ess,
        100.0 * d.ess_fraction,
        d.sigma,
        d.mmd2,
    );
    Ok(summary)
}
