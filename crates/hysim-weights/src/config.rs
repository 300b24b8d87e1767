//! The `weights.toml` settings, with their defaults.
//!
//! ```toml
//! distance = "cosine"          # cosine | euclidean | mahalanobis
//! scale = "raw"                # raw | std: distances (and d_M) in units of their standard
//!                              # deviation over the source rows, so alpha and beta are scale-free
//! alpha = 1.0                  # similarity sharpness, or "auto"
//! beta = 1.0                   # cleanliness sharpness, or "auto"
//! target_ess_fraction = 0.5    # what "auto" aims at: ESS / n of that factor alone
//! combine = "multiplicative"   # or "additive" (lambda * w_sim + (1 - lambda) * w_clean)
//! lambda = 0.5
//! # w_max = 10.0               # clip hybrid weights after normalisation (off by default)
//! off_manifold_k = 2.0         # flag rows with d_M > mean + k * std
//! off_manifold = "zero"        # zero: weight 0 | drop: left out of weights.jsonl | keep: flag only
//!
//! [manifold]
//! kind = "pca"                 # pca | autoencoder (trained in tch by `hysim weights`)
//! bottleneck = 16              # autoencoder: width of the code
//! epochs = 200                 # autoencoder: training epochs
//! fit_on = "both"              # target | source | both
//! variance = 0.9               # components explaining this share of variance ...
//! max_components = 64          # ... but at most this many
//! # components = 16            # or a fixed number (overrides variance)
//! solver = "auto"              # auto | exact (thin SVD) | randomized
//! oversample = 10
//! power_iterations = 4
//! seed = 0
//! ```
//!
//! The manifold is fitted on both sets by default: the target alone is often a few dozen
//! tables, too few for a stable basis, while the union holds the structure the two domains
//! share, so rows far from it (garbage tables, corrupted text) stand out.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Distance of an embedding to the target centroid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Distance {
    /// `1 - cos(x, mu_T)`, in `[0, 2]`.
    #[default]
    Cosine,
    /// `||x - mu_T||`.
    Euclidean,
    /// `sqrt((x - mu_T)^T S^-1 (x - mu_T))` with the Ledoit-Wolf shrinkage covariance `S`
    /// of the target.
    Mahalanobis,
}

/// The units of the distances in the exponents `exp(-alpha * dist)` and `exp(-beta * d_M)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    /// As measured: how far apart table embeddings lie sets what a given alpha does (cosine
    /// distances of MiniLM table embeddings span about 0.2 to 0.6, so alpha up to 2 hardly
    /// moves a weight).
    #[default]
    Raw,
    /// Divided by their standard deviation over the source rows: alpha = 1 divides a
    /// row's weight by e for each standard deviation it lies farther than another, whatever
    /// the encoder, the distance or the corpus.
    Std,
}

/// A sharpness parameter: a number, or `"auto"` to reach `target_ess_fraction`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Param {
    /// A fixed value `>= 0`.
    Fixed(f64),
    /// Chosen by bisection so that this factor alone gives the target effective sample size.
    Auto(AutoWord),
}

/// The word `auto`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AutoWord {
    /// `"auto"`.
    Auto,
}

/// How the two factors combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Combine {
    /// `h = w_sim * w_clean`.
    #[default]
    Multiplicative,
    /// `h = lambda * w_sim + (1 - lambda) * w_clean`.
    Additive,
}

/// What happens to off-manifold rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OffManifold {
    /// Written with `w_hybrid = 0`.
    #[default]
    Zero,
    /// Left out of `weights.jsonl` (fine-tuning then skips them).
    Drop,
    /// Flagged only; the weight is unchanged.
    Keep,
}

/// Which embeddings the manifold is fitted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FitOn {
    /// The target rows.
    Target,
    /// The source rows.
    Source,
    /// Both.
    #[default]
    Both,
}

/// How the principal components are computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Solver {
    /// `exact` up to 20,000 fitted rows, `randomized` beyond.
    #[default]
    Auto,
    /// faer's thin SVD of the centred matrix.
    Exact,
    /// Randomized SVD (Halko, Martinsson and Tropp 2011) with power iterations, streamed
    /// over row blocks so memory stays proportional to the input.
    Randomized,
}

/// How the manifold of step 4 is learnt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ManifoldKind {
    /// Principal components (linear), fitted here with faer.
    #[default]
    Pca,
    /// An autoencoder (non-linear), trained in tch by the caller; `d_M` is its
    /// reconstruction error.
    Autoencoder,
}

/// Manifold settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ManifoldConfig {
    /// PCA (computed here) or an autoencoder (trained by the caller, which hands the
    /// residuals to [`crate::compute_with_residuals`]; `hysim weights` does this).
    pub kind: ManifoldKind,
    /// Width of the autoencoder's bottleneck.
    pub bottleneck: usize,
    /// Training epochs of the autoencoder.
    pub epochs: usize,
    /// Which rows the PCA (or the autoencoder) is fitted on.
    pub fit_on: FitOn,
    /// A fixed number of components; overrides `variance`.
    pub components: Option<usize>,
    /// Keep the fewest components that explain this share of the variance.
    pub variance: f64,
    /// Upper bound on the number of components chosen by `variance`.
    pub max_components: usize,
    /// Exact or randomized SVD.
    pub solver: Solver,
    /// Extra random directions of the randomized SVD.
    pub oversample: usize,
    /// Power iterations of the randomized SVD.
    pub power_iterations: usize,
    /// Seed of the randomized SVD and the MMD subsample.
    pub seed: u64,
}

impl Default for ManifoldConfig {
    fn default() -> Self {
        Self {
            kind: ManifoldKind::Pca,
            bottleneck: 16,
            epochs: 200,
            fit_on: FitOn::Both,
            components: None,
            variance: 0.9,
            max_components: 64,
            solver: Solver::Auto,
            oversample: 10,
            power_iterations: 4,
            seed: 0,
        }
    }
}

/// All settings of the weighting step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Distance to the target centroid.
    pub distance: Distance,
    /// Units of the distances in the exponents.
    pub scale: Scale,
    /// Similarity sharpness.
    pub alpha: Param,
    /// Cleanliness sharpness.
    pub beta: Param,
    /// The effective-sample-size fraction that `"auto"` aims at.
    pub target_ess_fraction: f64,
    /// How the factors combine.
    pub combine: Combine,
    /// Share of `w_sim` in the additive combination.
    pub lambda: f64,
    /// Clip normalised hybrid weights at this value (renormalising after clipping).
    pub w_max: Option<f64>,
    /// The off-manifold threshold is `mean + k * std` of `d_M` over the source rows.
    pub off_manifold_k: f64,
    /// What happens to off-manifold rows.
    pub off_manifold: OffManifold,
    /// Manifold settings.
    pub manifold: ManifoldConfig,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            distance: Distance::Cosine,
            scale: Scale::Raw,
            alpha: Param::Fixed(1.0),
            beta: Param::Fixed(1.0),
            target_ess_fraction: 0.5,
            combine: Combine::Multiplicative,
            lambda: 0.5,
            w_max: None,
            off_manifold_k: 2.0,
            off_manifold: OffManifold::Zero,
            manifold: ManifoldConfig::default(),
        }
    }
}

impl Config {
    /// Reads and validates a TOML file; missing keys take their defaults.
    pub fn load(path: &Path) -> Result<Self> {
        let text =
            std::fs::read_to_string(path).map_err(|source| Error::ReadConfig { path: path.to_path_buf(), source })?;
        let cfg: Config =
            toml::from_str(&text).map_err(|e| Error::Config { path: path.to_path_buf(), message: e.to_string() })?;
        cfg.validate().map_err(|e| Error::Config { path: path.to_path_buf(), message: e.to_string() })?;
        Ok(cfg)
    }

    /// Checks ranges; the error names the setting and its value.
    pub fn validate(&self) -> Result<()> {
        let bad = |name, value: String, expected| Err(Error::Setting { name, value, expected });
        for (name, param) in [("alpha", self.alpha), ("beta", self.beta)] {
            if let Param::Fixed(v) = param
                && !(v.is_finite() && v >= 0.0)
            {
                return bad(name, v.to_string(), "a finite number >= 0, or \"auto\"");
            }
        }
        if !(self.target_ess_fraction > 0.0 && self.target_ess_fraction <= 1.0) {
            return bad("target_ess_fraction", self.target_ess_fraction.to_string(), "a number in (0, 1]");
        }
        if !(0.0..=1.0).contains(&self.lambda) {
            return bad("lambda", self.lambda.to_string(), "a number in [0, 1]");
        }
        if let Some(w) = self.w_max
            && !(w.is_finite() && w >= 1.0)
        {
            return bad("w_max", w.to_string(), "a number >= 1 (weights have mean 1)");
        }
        if !(self.off_manifold_k.is_finite() && self.off_manifold_k >= 0.0) {
            return bad("off_manifold_k", self.off_manifold_k.to_string(), "a finite number >= 0");
        }
        let m = &self.manifold;
        if !(m.variance > 0.0 && m.variance <= 1.0) {
            return bad("manifold.variance", m.variance.to_string(), "a number in (0, 1]");
        }
        if m.max_components == 0 {
            return bad("manifold.max_components", "0".to_owned(), "at least 1");
        }
        if m.bottleneck == 0 || m.epochs == 0 {
            return bad("manifold.bottleneck/epochs", format!("{}/{}", m.bottleneck, m.epochs), "at least 1 each");
        }
        if m.components == Some(0) {
            return bad("manifold.components", "0".to_owned(), "at least 1");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &str) {
        let got = match toml::from_str::<Config>(text).map_err(|e| e.to_string()).and_then(|c: Config| {
            c.validate().map_err(|e| e.to_string())?;
            Ok(c)
        }) {
            Ok(cfg) => {
                format!("{:?} {:?} {:?} {:?}", cfg.distance, cfg.alpha, cfg.manifold.fit_on, cfg.manifold.components)
            }
            Err(e) => e.lines().last().unwrap_or_default().to_owned(),
        };
        assert_eq!(got, expect);
    }

    #[test]
    fn parses_defaults_and_overrides() {
        check("", "Cosine Fixed(1.0) Both None");
        check(
            "distance = \"mahalanobis\"\nalpha = \"auto\"\n[manifold]\nfit_on = \"target\"\ncomponents = 8",
            "Mahalanobis Auto(Auto) Target Some(8)",
        );
        check("alpha = 2", "Cosine Fixed(2.0) Both None");
    }

    #[test]
    fn rejects_bad_values() {
        check("alpha = -1.0", "invalid setting alpha = -1: a finite number >= 0, or \"auto\"");
        check("w_max = 0.5", "invalid setting w_max = 0.5: a number >= 1 (weights have mean 1)");
        check(
            "distance = \"manhattan\"",
            "unknown variant `manhattan`, expected one of `cosine`, `euclidean`, `mahalanobis`",
        );
        check(
            "alpha_typo = 1.0",
            "unknown field `alpha_typo`, expected one of `distance`, `scale`, `alpha`, `beta`, `target_ess_fraction`, `combine`, `lambda`, `w_max`, `off_manifold_k`, `off_manifold`, `manifold`",
        );
    }
}
