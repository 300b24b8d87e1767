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
    /// auto, cpu or cuda:N, for the autoencoder manifold (`[manifold] kind = "autoencoder"`).
    #[arg(long, default_value = "auto")]
    device: String,
}

pub(crate) fn run(args: &Args) -> Result<String> {
    let cfg = match &args.config {
        Some(path) => Config::load(path)?,
        None => Config::default(),
    };
    let source = Embeddings::load(&args.source).with_context(|| format!("source {}", args.source.display()))?;
    let target = Embeddings::load(&args.target).with_context(|| format!("target {}", args.target.display()))?;
    let residuals = match cfg.manifold.kind {
        hysim_weights::ManifoldKind::Pca => None,
        hysim_weights::ManifoldKind::Autoencoder => Some(autoencoder_residuals(&source, &target, &cfg, &args.device)?),
    };
    let output = hysim_weights::compute_with_residuals(&source, &target, &cfg, residuals.as_deref())?;
    output.write(&args.out)?;
    let d = &output.diagnostics;
    tracing::info!(
        out = %args.out.display(),
        diagnostics = %Output::diagnostics_path(&args.out).display(),
        rows = output.weights.rows.len(),
        "wrote weights"
    );
    let summary = format!(
        "{} source rows, {} target rows, dim {}: alpha {:.4}, beta {:.4}, {} PCA components ({:.1}% variance, {:?}){}, \
         {} off-manifold (tau {:.4}), W_max {:.3}, ESS {:.1} ({:.1}%), sigma {:.4}, MMD^2 {:.4}",
        d.n_source,
        d.n_target,
        d.dim,
        d.alpha,
        d.beta,
        d.manifold.components,
        100.0 * d.manifold.explained_variance_ratio,
        d.manifold.solver,
        match d.manifold.kind {
            hysim_weights::ManifoldKind::Pca => "",
            hysim_weights::ManifoldKind::Autoencoder => ", d_M from the autoencoder",
        },
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

/// Trains the autoencoder manifold on the rows `manifold.fit_on` names and returns the
/// reconstruction error norm of every source row.
fn autoencoder_residuals(source: &Embeddings, target: &Embeddings, cfg: &Config, device: &str) -> Result<Vec<f64>> {
    if source.dim() != target.dim() {
        anyhow::bail!("source embeddings have {} columns but target embeddings have {}", source.dim(), target.dim());
    }
    let device = device.parse::<hysim_nn::DeviceSpec>()?.resolve()?;
    let fit: Vec<f32> = match cfg.manifold.fit_on {
        hysim_weights::FitOn::Source => source.as_slice().to_vec(),
        hysim_weights::FitOn::Target => target.as_slice().to_vec(),
        hysim_weights::FitOn::Both => source.as_slice().iter().chain(target.as_slice()).copied().collect(),
    };
    let ae = hysim_finetune::AutoencoderConfig {
        bottleneck: cfg.manifold.bottleneck,
        epochs: cfg.manifold.epochs,
        seed: cfg.manifold.seed,
        ..hysim_finetune::AutoencoderConfig::default()
    };
    let fitted = hysim_finetune::fit_autoencoder(&fit, source.as_slice(), source.dim(), &ae, device)?;
    tracing::info!(mse = fitted.fit_mse, bottleneck = ae.bottleneck, epochs = ae.epochs, "autoencoder manifold fitted");
    Ok(fitted.residuals)
}
