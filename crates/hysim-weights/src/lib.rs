//! Steps 3 to 5 of Algorithm 1: per-sample weights for weighted fine-tuning.
//!
//! For source embeddings `x_i` and target embeddings with centroid `mu_T`:
//!
//! - similarity: `w_i = exp(-alpha * dist(x_i, mu_T))`, `dist` cosine, euclidean or
//!   Mahalanobis under the Ledoit-Wolf shrinkage covariance of the target;
//! - cleanliness: a PCA manifold is fitted (faer thin SVD, or a streamed randomized SVD
//!   for many rows), `d_M(x_i)` is the norm of the residual after projection and
//!   `c_i = exp(-beta * d_M)`; rows with `d_M > mean + k * std` are off-manifold;
//! - both distances as measured or, with `scale = "std"`, in units of their standard
//!   deviation over the source rows (then alpha and beta mean the same whatever the encoder);
//! - hybrid: `h_i = w_i * c_i` (or `lambda * w_i + (1 - lambda) * c_i`), normalised to mean 1,
//!   optionally clipped at `W_max`.
//!
//! [`label`] flags gold records whose label does not fit the text of its cell (label noise
//! that table embeddings cannot see).
//!
//! [`compute`] takes `hysim_core::Embeddings` and returns `hysim_core::SampleWeights` plus
//! the [`Diagnostics`] the paper's bounds name. faer never appears in the public API.
//!
//! # Example
//!
//! ```
//! use hysim_core::Embeddings;
//!
//! let rows = |n: usize, shift: f32| -> Vec<f32> {
//!     (0..n * 8).map(|i| ((i * 37 % 11) as f32 / 11.0) + if i % 8 == 0 { shift } else { 0.0 }).collect()
//! };
//! let ids = |n: usize, p: &str| (0..n).map(|k| format!("{p}{k}")).collect::<Vec<_>>();
//! let source = Embeddings::new(ids(40, "s"), 8, rows(40, 0.0)).unwrap();
//! let target = Embeddings::new(ids(10, "t"), 8, rows(10, 0.5)).unwrap();
//! let out = hysim_weights::compute(&source, &target, &hysim_weights::Config::default()).unwrap();
//! assert_eq!(out.weights.rows.len(), 40);
//! assert!(out.diagnostics.ess > 0.0);
//! ```
#![warn(missing_docs)]

mod config;
mod error;
pub mod label;
mod linalg;
mod stats;

use std::path::{Path, PathBuf};

use hysim_core::{Embeddings, SampleWeight, SampleWeights};
use serde::Serialize;

pub use config::{
    AutoWord, Combine, Config, Distance, FitOn, ManifoldConfig, ManifoldKind, OffManifold, Param, Scale, Solver,
};
pub use error::{Error, Result};
pub use stats::Quantiles;

use linalg::{Keep, RandomizedParams, Rows};

/// Rows per set drawn for the MMD estimate (its cost grows with the square).
const MMD_SAMPLE: usize = 500;

/// The weights and their diagnostics.
#[derive(Debug, Clone)]
pub struct Output {
    /// One entry per source row, in source order (without dropped rows).
    pub weights: SampleWeights,
    /// What the paper's bounds name, and how the weights came out.
    pub diagnostics: Diagnostics,
}

/// Diagnostics written beside the weights as `weights.diagnostics.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostics {
    /// Source rows.
    pub n_source: usize,
    /// Target rows.
    pub n_target: usize,
    /// Embedding width.
    pub dim: usize,
    /// Distance used.
    pub distance: Distance,
    /// Units of the distances in the exponents.
    pub scale: Scale,
    /// What the distances to the centroid were divided by (1 with `scale = "raw"`).
    pub dist_unit: f64,
    /// What the manifold distances were divided by (1 with `scale = "raw"`).
    pub manifold_unit: f64,
    /// alpha used (after `"auto"`), in the units of `scale`.
    pub alpha: f64,
    /// beta used (after `"auto"`).
    pub beta: f64,
    /// Combination used.
    pub combine: Combine,
    /// Shrinkage of the Ledoit-Wolf covariance (Mahalanobis only).
    pub mahalanobis_shrinkage: Option<f64>,
    /// The manifold fit.
    pub manifold: ManifoldDiagnostics,
    /// Largest normalised hybrid weight, `W_max`.
    pub w_max: f64,
    /// The clip applied, if any.
    pub w_max_clip: Option<f64>,
    /// Euclidean distance between the source and target centroids.
    pub centroid_distance: f64,
    /// Cosine distance between the source and target centroids.
    pub centroid_cosine_distance: f64,
    /// Unbiased squared MMD (Gaussian kernel, median heuristic) between up to 500 rows of each set.
    pub mmd2: f64,
    /// Kernel bandwidth of the MMD.
    pub mmd_bandwidth: f64,
    /// Noise level `sigma`: square root of the mean variance outside the manifold.
    pub sigma: f64,
    /// `sigma * sqrt(d)`, `d` the number of manifold components.
    pub sigma_sqrt_d: f64,
    /// `sigma * sqrt(D)`, `D` the embedding width (expected norm of isotropic noise).
    pub sigma_sqrt_dim: f64,
    /// Kish effective sample size of the written hybrid weights.
    pub ess: f64,
    /// `ess` divided by the number of written rows.
    pub ess_fraction: f64,
    /// Quantiles of each column over the source rows.
    pub quantiles: ColumnQuantiles,
}

/// The manifold part of the diagnostics.
#[derive(Debug, Clone, Serialize)]
pub struct ManifoldDiagnostics {
    /// PCA, or an autoencoder whose reconstruction errors were handed in (the PCA fields
    /// then describe the PCA fitted for `sigma` only).
    pub kind: ManifoldKind,
    /// Rows the PCA was fitted on.
    pub fit_on: FitOn,
    /// Solver used.
    pub solver: Solver,
    /// Number of fitted rows.
    pub n_fit: usize,
    /// Components kept.
    pub components: usize,
    /// Share of the fitted variance they explain.
    pub explained_variance_ratio: f64,
    /// Off-manifold threshold `tau = mean + k * std` of `d_M` over the source rows.
    pub tau: f64,
    /// `k` of the threshold.
    pub k: f64,
    /// Source rows beyond `tau`.
    pub n_off_manifold: usize,
    /// What was done with them.
    pub policy: OffManifold,
}

/// Quantiles of each column.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnQuantiles {
    /// Distance to the target centroid.
    pub dist: Quantiles,
    /// Similarity weight.
    pub w_sim: Quantiles,
    /// Residual norm.
    pub d_manifold: Quantiles,
    /// Clean weight.
    pub w_clean: Quantiles,
    /// Normalised hybrid weight (written rows).
    pub w_hybrid: Quantiles,
}

impl Output {
    /// The diagnostics path that goes with a weights path: `w.jsonl` → `w.diagnostics.json`.
    pub fn diagnostics_path(weights: &Path) -> PathBuf {
        weights.with_extension("diagnostics.json")
    }

    /// Writes `weights.jsonl` and its diagnostics, each atomically.
    pub fn write(&self, weights: &Path) -> Result<()> {
        self.weights.write_jsonl(weights)?;
        hysim_core::io::write_json(&Self::diagnostics_path(weights), &self.diagnostics)?;
        Ok(())
    }
}

/// The common width of two embedding sets, after checking that they have one, that it is
/// not zero, and that every value is finite (faer panics on mismatched dimensions).
fn checked_dim(source: &Embeddings, target: &Embeddings) -> Result<usize> {
    if source.dim() != target.dim() {
        return Err(Error::DimMismatch { source_dim: source.dim(), target_dim: target.dim() });
    }
    if source.dim() == 0 {
        return Err(Error::ZeroDim);
    }
    source.check_finite().map_err(|source| Error::NonFinite { set: "source", source })?;
    target.check_finite().map_err(|source| Error::NonFinite { set: "target", source })?;
    Ok(source.dim())
}

/// Source and target rows projected on the first two principal components of both sets
/// together (for plots): `(pc1, pc2)` per row, source rows first, then target rows.
pub fn project_2d(source: &Embeddings, target: &Embeddings) -> Result<Vec<(f64, f64)>> {
    let dim = checked_dim(source, target)?;
    let both = Rows::new(source.as_slice(), target.as_slice(), dim);
    let mean = both.mean();
    let params = RandomizedParams { oversample: 10, power_iterations: 4, seed: 0 };
    let pca = linalg::fit_pca(both, mean, Keep::Fixed(2), config::Solver::Auto, &params)?;
    let k = pca.components.ncols();
    let project = |row: &[f32]| -> (f64, f64) {
        let coord = |j: usize| -> f64 {
            if j >= k {
                return 0.0;
            }
            row.iter().enumerate().map(|(i, x)| (f64::from(*x) - pca.mean[i]) * pca.components[(i, j)]).sum()
        };
        (coord(0), coord(1))
    };
    Ok(source.as_slice().chunks(dim).chain(target.as_slice().chunks(dim)).map(project).collect())
}

/// Computes the weights of every source row against the target set (PCA manifold).
pub fn compute(source: &Embeddings, target: &Embeddings, cfg: &Config) -> Result<Output> {
    compute_with_residuals(source, target, cfg, None)
}

/// [`compute`], with the distance of each source row to a manifold learnt elsewhere (an
/// autoencoder's reconstruction error) in place of the PCA residual when `residuals` is
/// given; the PCA is still fitted for the noise level `sigma` of the diagnostics.
#[tracing::instrument(skip_all, fields(n_source = source.n_rows(), n_target = target.n_rows()))]
pub fn compute_with_residuals(
    source: &Embeddings,
    target: &Embeddings,
    cfg: &Config,
    residuals: Option<&[f64]>,
) -> Result<Output> {
    cfg.validate()?;
    match (cfg.manifold.kind, residuals) {
        (ManifoldKind::Autoencoder, None) => {
            return Err(Error::Setting {
                name: "manifold.kind",
                value: "autoencoder".to_owned(),
                expected: "residuals from a trained autoencoder (`hysim weights` trains one)",
            });
        }
        (_, Some(r)) if r.len() != source.n_rows() => {
            return Err(Error::Setting {
                name: "residuals",
                value: format!("{} values", r.len()),
                expected: "one per source row",
            });
        }
        (_, Some(r)) => {
            if let Some(i) = r.iter().position(|d| !d.is_finite() || *d < 0.0) {
                return Err(Error::Setting {
                    name: "residuals",
                    value: format!("{} at row {i}", r[i]),
                    expected: "finite distances >= 0",
                });
            }
        }
        _ => {}
    }
    if target.n_rows() == 0 {
        return Err(Error::EmptyTarget);
    }
    let dim = checked_dim(source, target)?;
    let src = Rows::one(source.as_slice(), dim);
    let tgt = Rows::one(target.as_slice(), dim);

    // Step 3: distance to the target centroid.
    let mu_t = tgt.mean();
    let mut shrinkage = None;
    let dist = match cfg.distance {
        Distance::Cosine => cosine_distances(src, &mu_t),
        Distance::Euclidean => {
            src.map_each_row(|row| row.iter().zip(&mu_t).map(|(v, m)| (f64::from(*v) - m).powi(2)).sum::<f64>().sqrt())
        }
        Distance::Mahalanobis => {
            let (cov, s) = linalg::ledoit_wolf(tgt, &mu_t);
            shrinkage = Some(s);
            linalg::mahalanobis(src, &mu_t, &cov)?
        }
    };

    // Step 4: the manifold and the residual of every source row.
    let m = &cfg.manifold;
    let fit_rows = match m.fit_on {
        FitOn::Target => tgt,
        FitOn::Source => src,
        FitOn::Both => Rows::new(target.as_slice(), source.as_slice(), dim),
    };
    let keep = match m.components {
        Some(k) => Keep::Fixed(k),
        None => Keep::Variance { share: m.variance, max: m.max_components },
    };
    let params = RandomizedParams { oversample: m.oversample, power_iterations: m.power_iterations, seed: m.seed };
    let mu_s = src.mean();
    let fit_mean = match m.fit_on {
        FitOn::Target => mu_t.clone(),
        FitOn::Source => mu_s.clone(),
        FitOn::Both => {
            let (nt, ns) = (target.n_rows() as f64, source.n_rows() as f64);
            mu_t.iter().zip(&mu_s).map(|(t, s)| (nt * t + ns * s) / (nt + ns)).collect()
        }
    };
    let pca = linalg::fit_pca(fit_rows, fit_mean, keep, m.solver, &params)?;
    let d_manifold = match residuals {
        Some(r) => r.to_vec(),
        None => linalg::residual_norms(src, &pca),
    };
    let (mean_dm, std_dm) = stats::mean_std(&d_manifold);
    let tau = mean_dm + cfg.off_manifold_k * std_dm;
    let off: Vec<bool> = d_manifold.iter().map(|d| *d > tau).collect();

    // The exponents' units: the rows keep their distances as measured.
    let unit = |xs: &[f64]| match cfg.scale {
        Scale::Raw => 1.0,
        Scale::Std => Some(stats::mean_std(xs).1).filter(|s| *s > 0.0 && s.is_finite()).unwrap_or(1.0),
    };
    let (dist_unit, manifold_unit) = (unit(&dist), unit(&d_manifold));
    let dist_scaled: Vec<f64> = dist.iter().map(|d| d / dist_unit).collect();
    let dm_scaled: Vec<f64> = d_manifold.iter().map(|d| d / manifold_unit).collect();
    let alpha = match cfg.alpha {
        Param::Fixed(a) => a,
        Param::Auto(_) => stats::auto_sharpness(&dist_scaled, cfg.target_ess_fraction),
    };
    let beta = match cfg.beta {
        Param::Fixed(b) => b,
        Param::Auto(_) => stats::auto_sharpness(&dm_scaled, cfg.target_ess_fraction),
    };
    let w_sim: Vec<f64> = dist_scaled.iter().map(|d| (-alpha * d).exp()).collect();
    let w_clean: Vec<f64> = dm_scaled.iter().map(|d| (-beta * d).exp()).collect();

    // Step 5: hybrid weights over the rows that are written.
    let written: Vec<usize> =
        (0..source.n_rows()).filter(|&i| !(off[i] && cfg.off_manifold == OffManifold::Drop)).collect();
    let zeroed = |i: usize| off[i] && cfg.off_manifold == OffManifold::Zero;
    let raw: Vec<f64> = match cfg.combine {
        // In log space, shifted by the largest kept value, so tiny factors do not underflow to 0.
        Combine::Multiplicative => {
            let log_h = |i: usize| -alpha * dist_scaled[i] - beta * dm_scaled[i];
            let top = written.iter().filter(|&&i| !zeroed(i)).map(|&i| log_h(i)).fold(f64::NEG_INFINITY, f64::max);
            written.iter().map(|&i| if zeroed(i) { 0.0 } else { (log_h(i) - top).exp() }).collect()
        }
        Combine::Additive => written
            .iter()
            .map(|&i| if zeroed(i) { 0.0 } else { cfg.lambda * w_sim[i] + (1.0 - cfg.lambda) * w_clean[i] })
            .collect(),
    };
    let hybrid =
        if written.is_empty() { vec![] } else { normalise(&raw, cfg.w_max).ok_or(Error::AllZero { alpha, beta })? };

    let rows: Vec<SampleWeight> = written
        .iter()
        .zip(&hybrid)
        .map(|(&i, &h)| SampleWeight {
            id: source.ids()[i].clone(),
            dist: dist[i],
            w_sim: w_sim[i],
            d_manifold: d_manifold[i],
            w_clean: w_clean[i],
            off_manifold: off[i],
            w_hybrid: h,
        })
        .collect();

    let centroid_distance = mu_s.iter().zip(&mu_t).map(|(a, b)| (a - b) * (a - b)).sum::<f64>().sqrt();
    let (mmd2, mmd_bandwidth) = mmd(source, target, m.seed);
    let k = pca.components.ncols();
    let explained: f64 = pca.variances.iter().sum();
    let residual_dims = dim.saturating_sub(k).max(1) as f64;
    let sigma = ((pca.total_variance - explained).max(0.0) / residual_dims).sqrt();
    let ess = stats::ess(&hybrid);
    let diagnostics = Diagnostics {
        n_source: source.n_rows(),
        n_target: target.n_rows(),
        dim,
        distance: cfg.distance,
        scale: cfg.scale,
        dist_unit,
        manifold_unit,
        alpha,
        beta,
        combine: cfg.combine,
        mahalanobis_shrinkage: shrinkage,
        manifold: ManifoldDiagnostics {
            kind: m.kind,
            fit_on: m.fit_on,
            solver: pca.solver,
            n_fit: pca.n_fit,
            components: k,
            explained_variance_ratio: if pca.total_variance > 0.0 { explained / pca.total_variance } else { 1.0 },
            tau,
            k: cfg.off_manifold_k,
            n_off_manifold: off.iter().filter(|o| **o).count(),
            policy: cfg.off_manifold,
        },
        w_max: hybrid.iter().copied().fold(0.0, f64::max),
        w_max_clip: cfg.w_max,
        centroid_distance,
        centroid_cosine_distance: cosine_distance(&mu_s, &mu_t),
        mmd2,
        mmd_bandwidth,
        sigma,
        sigma_sqrt_d: sigma * (k as f64).sqrt(),
        sigma_sqrt_dim: sigma * (dim as f64).sqrt(),
        ess,
        ess_fraction: if hybrid.is_empty() { 0.0 } else { ess / hybrid.len() as f64 },
        quantiles: ColumnQuantiles {
            dist: stats::quantiles(&dist),
            w_sim: stats::quantiles(&w_sim),
            d_manifold: stats::quantiles(&d_manifold),
            w_clean: stats::quantiles(&w_clean),
            w_hybrid: stats::quantiles(&hybrid),
        },
    };
    tracing::info!(
        alpha,
        beta,
        components = k,
        off_manifold = diagnostics.manifold.n_off_manifold,
        ess = diagnostics.ess,
        "weights computed"
    );
    Ok(Output { weights: SampleWeights { rows }, diagnostics })
}

/// Scales `raw` to mean 1, then clips at `w_max` and rescales the unclipped rest until
/// the mean is 1 again. `None` when every weight is 0.
fn normalise(raw: &[f64], w_max: Option<f64>) -> Option<Vec<f64>> {
    let n = raw.len() as f64;
    let sum: f64 = raw.iter().sum();
    if sum <= 0.0 || !sum.is_finite() {
        return None;
    }
    let mut w: Vec<f64> = raw.iter().map(|v| v * n / sum).collect();
    if let Some(cap) = w_max {
        for _ in 0..100 {
            let clipped: f64 = w.iter().filter(|v| **v >= cap).count() as f64 * cap;
            let free: f64 = w.iter().filter(|v| **v < cap).sum();
            if w.iter().all(|v| *v <= cap) || free <= 0.0 {
                break;
            }
            let scale = (n - clipped) / free;
            for v in &mut w {
                *v = if *v >= cap { cap } else { *v * scale };
            }
        }
    }
    Some(w)
}

fn cosine_distance(a: &[f64], b: &[f64]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na = a.iter().map(|x| x * x).sum::<f64>().sqrt();
    let nb = b.iter().map(|x| x * x).sum::<f64>().sqrt();
    cosine_from_parts(dot, na, nb)
}

/// `1 - dot / (|a| |b|)`; a zero vector has no direction, so it is as far as an orthogonal one.
fn cosine_from_parts(dot: f64, na: f64, nb: f64) -> f64 {
    if na == 0.0 || nb == 0.0 { 1.0 } else { (1.0 - dot / (na * nb)).max(0.0) }
}

fn cosine_distances(rows: Rows<'_>, mu: &[f64]) -> Vec<f64> {
    let norm_mu = mu.iter().map(|x| x * x).sum::<f64>().sqrt();
    rows.map_each_row(|row| {
        let (dot, sq) = row
            .iter()
            .zip(mu)
            .fold((0.0, 0.0), |(d, q), (v, m)| (d + f64::from(*v) * m, q + f64::from(*v) * f64::from(*v)));
        cosine_from_parts(dot, sq.sqrt(), norm_mu)
    })
}

fn mmd(source: &Embeddings, target: &Embeddings, seed: u64) -> (f64, f64) {
    let mut rng = stats::Rng::new(seed.wrapping_add(1));
    let pick = |e: &Embeddings, rng: &mut stats::Rng| -> Vec<Vec<f64>> {
        rng.sample(e.n_rows(), MMD_SAMPLE)
            .into_iter()
            .map(|i| e.row(i).iter().map(|v| f64::from(*v)).collect())
            .collect()
    };
    let a = pick(source, &mut rng);
    let b = pick(target, &mut rng);
    stats::mmd2_rbf(&a, &b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_gives_mean_one_and_respects_the_clip() {
        let w = normalise(&[1.0, 1.0, 1.0, 9.0], None).unwrap();
        assert_eq!(w, vec![1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0, 3.0]);
        let w = normalise(&[1.0, 1.0, 1.0, 9.0], Some(2.0)).unwrap();
        assert!((w.iter().sum::<f64>() - 4.0).abs() < 1e-12, "{w:?}");
        assert!((w[3] - 2.0).abs() < 1e-12 && (w[0] - 2.0 / 3.0).abs() < 1e-12, "{w:?}");
        assert!(normalise(&[0.0, 0.0], None).is_none());
    }
}
