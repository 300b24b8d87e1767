//! The paper's experiments as sets of configuration overrides, each variant a run of its own
//! (`<root>/<name>-<experiment>-<variant>/`); stages whose inputs a variant does not change
//! are cheap to redo (the embedding cache is content-addressed).
//!
//! - `alpha-sweep`: similarity weights only (beta = 0), alpha in {0.1, 0.5, 1, 2}.
//! - `manifold`: the PCA manifold against an autoencoder trained in tch
//!   (`hysim_finetune::fit_autoencoder`), with hybrid weights and with cleanliness alone.
//! - `ablation`: unweighted, similarity only, clean only, hybrid (alpha = beta = 1), and the
//!   three weighted ones again with alpha and beta set to keep half the effective sample
//!   size (`"auto"`), since at 1 the weights of MiniLM table embeddings hardly vary.
//! - `noise`: Gaussian, heavy-tailed and structured label noise, and wrong parameter codes
//!   (what the encoder extractor learns; the first two perturb values only), in the source
//!   corpus at rates 0.1 and 0.3, each trained unweighted and with hybrid weights (alpha
//!   and beta `"auto"`): does manifold denoising still help when the noise is not Gaussian?

use crate::{Config, Error, Result};

/// The experiments by name.
pub const NAMES: [&str; 4] = ["alpha-sweep", "manifold", "ablation", "noise"];

/// One variant: a label and the overrides that make it.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// Short label, also the run-name suffix.
    pub label: String,
    /// Overrides merged over the base configuration.
    pub overrides: toml::Table,
}

fn parse(text: &str) -> toml::Table {
    toml::from_str(text).expect("invariant: the experiment overrides are valid TOML")
}

/// Weights that make every row count the same: no similarity, no cleanliness, no flags.
const UNWEIGHTED: &str = "alpha = 0.0\nbeta = 0.0\noff_manifold = \"keep\"\n";

/// The variants of experiment `name`.
pub fn variants(name: &str) -> Result<Vec<Variant>> {
    let v = |label: &str, overrides: String| Variant { label: label.to_owned(), overrides: parse(&overrides) };
    Ok(match name {
        "alpha-sweep" => [0.1, 0.5, 1.0, 2.0]
            .iter()
            .map(|a| {
                v(&format!("alpha-{a}"), format!("[weights]\nalpha = {a:?}\nbeta = 0.0\noff_manifold = \"keep\"\n"))
            })
            .collect(),
        "manifold" => vec![
            v("pca", "[weights]\nalpha = \"auto\"\nbeta = \"auto\"\n[weights.manifold]\nkind = \"pca\"\n".to_owned()),
            v(
                "autoencoder",
                "[weights]\nalpha = \"auto\"\nbeta = \"auto\"\n[weights.manifold]\nkind = \"autoencoder\"\n".to_owned(),
            ),
            v("pca-clean", "[weights]\nalpha = 0.0\nbeta = \"auto\"\n[weights.manifold]\nkind = \"pca\"\n".to_owned()),
            v(
                "autoencoder-clean",
                "[weights]\nalpha = 0.0\nbeta = \"auto\"\n[weights.manifold]\nkind = \"autoencoder\"\n".to_owned(),
            ),
        ],
        "ablation" => vec![
            v("unweighted", format!("[weights]\n{UNWEIGHTED}")),
            v("similarity", "[weights]\nalpha = 1.0\nbeta = 0.0\noff_manifold = \"keep\"\n".to_owned()),
            v("clean", "[weights]\nalpha = 0.0\nbeta = 1.0\n".to_owned()),
            v("hybrid", "[weights]\nalpha = 1.0\nbeta = 1.0\n".to_owned()),
            // The same components at a strength that moves the weights: each factor alone
            // keeps half the effective sample size.
            v("similarity-auto", "[weights]\nalpha = \"auto\"\nbeta = 0.0\noff_manifold = \"keep\"\n".to_owned()),
            v("clean-auto", "[weights]\nalpha = 0.0\nbeta = \"auto\"\n".to_owned()),
            v("hybrid-auto", "[weights]\nalpha = \"auto\"\nbeta = \"auto\"\n".to_owned()),
        ],
        "noise" => {
            let mut out = Vec::new();
            for kind in ["gaussian", "heavy_tailed", "structured", "wrong_parameter"] {
                for rate in [0.1, 0.3] {
                    let noise = format!("[source.synth]\nnoise = \"{kind}={rate}\"\n");
                    out.push(v(&format!("{kind}-{rate}-unweighted"), format!("{noise}[weights]\n{UNWEIGHTED}")));
                    out.push(v(
                        &format!("{kind}-{rate}-hybrid"),
                        format!("{noise}[weights]\nalpha = \"auto\"\nbeta = \"auto\"\n"),
                    ));
                }
            }
            out
        }
        other => {
            return Err(Error::Config {
                origin: "--experiment".to_owned(),
                problem: format!("unknown experiment {other:?} (experiments: {})", NAMES.join(", ")),
            });
        }
    })
}

/// The configuration of one variant of `experiment`: `base` with the variant's overrides
/// and `extra` (the experiment-wide settings, such as a smaller training budget) merged
/// over it, renamed `<name>-<experiment>-<label>`.
pub fn variant_config(base: &Config, experiment: &str, variant: &Variant, extra: &toml::Table) -> Result<Config> {
    let mut cfg = base.with(extra)?.with(&variant.overrides)?;
    cfg.name = format!("{}-{experiment}-{}", base.name, variant.label);
    Ok(cfg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_experiment_yields_valid_configs() {
        let base = Config::embedded();
        for name in NAMES {
            let vs = variants(name).unwrap();
            assert!(vs.len() >= 4, "{name}");
            for v in &vs {
                let cfg = variant_config(&base, name, v, &toml::Table::new()).unwrap();
                assert!(cfg.name.starts_with(&format!("default-{name}-")));
            }
        }
        let noise = variants("noise").unwrap();
        let cfg = variant_config(&base, "noise", &noise[2], &toml::Table::new()).unwrap();
        assert_eq!(cfg.source.synth.unwrap().noise, "gaussian=0.3");
        assert!(variants("beta-sweep").unwrap_err().to_string().contains("alpha-sweep"));
    }
}
