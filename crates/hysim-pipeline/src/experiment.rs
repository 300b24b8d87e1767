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
//! - `shift`: a question the others cannot answer on six papers. One source corpus with a
//!   domain shift and noise that embeddings can see ([`SHIFT_SOURCE`]: half clinical, half
//!   veterinary tables; OCR damage, garbage rows, shifted columns, off-topic tables, scaled
//!   and mislabelled gold), scored on two targets ([`ARMS`]): the real tables, and 300
//!   synthetic veterinary tables of papers no source table comes from, with the damage of
//!   scanned papers (`[target.synth]`).
//!   Every weighting method ([`SHIFT_METHODS`]) trains with three seeds per target; alpha
//!   and beta on distances in standard deviations (`scale = "std"`). The runs are named
//!   `<name>-shift-<arm>-<method>-s<seed>`.
//! - `shift-decoder`: the same question for the grounded decoder, trained alone for the
//!   core four methods ([`SHIFT_DECODER_METHODS`]) on the same source corpus, targets and
//!   seeds as `shift` (on a CPU with the budget of
//!   [`crate::config::SHIFT_DECODER_CPU_TOML`]; on a GPU `shift` itself trains both systems
//!   for every method). Runs `<name>-shift-decoder-<arm>-<method>-s<seed>`.

use crate::{Config, Error, Result};

/// The experiments by name.
pub const NAMES: [&str; 6] = ["alpha-sweep", "manifold", "ablation", "noise", "shift", "shift-decoder"];

/// Whether `name` is one of the experiments compared over seeds and targets (`shift` and
/// `shift-decoder`).
pub fn is_shift(name: &str) -> bool {
    name == "shift" || name == "shift-decoder"
}

/// One variant: a label and the overrides that make it.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// Short label, also the run-name suffix.
    pub label: String,
    /// The weighting method it tries (the label, but for `shift`, whose labels also name
    /// the target and the seed).
    pub method: String,
    /// The target it is scored on: `real` (the configured target) or, for `shift` and
    /// `shift-decoder`, `synthetic`.
    pub arm: String,
    /// The training seed (of the encoder extractor's heads and of the decoder's batches).
    pub seed: u64,
    /// Overrides merged over the base configuration.
    pub overrides: toml::Table,
}

/// The source corpus of `shift`: half clinical, half veterinary tables (near and far from
/// either target), with noise the table embeddings can see (OCR damage, garbage rows,
/// shifted columns, off-topic tables) and noise they cannot (gold values, units and codes
/// mislabelled; a parameter's gold scaled by 1000 or two codes swapped).
pub const SHIFT_SOURCE: &str = r#"
[source.synth]
n = 1000
seed = 0
profile = "mixed"
noise = "label=0.1,structured=0.05,ocr=0.1,garbage_rows=0.08,shifted_columns=0.05,offtopic=0.08,spurious=0.05,truncated=0.05"
[train.data]
limit = 0
"#;

/// What each `shift` run scores: the numeric protocol is what the experiment compares, with
/// its own intervals over the seeds' pooled tables, so a run's AutoPK text similarity
/// (an encoder pass over every target cell) and its many resamples are left out. The
/// decoder writes its verdicts as it decided them (`hysim extract --raw-verdicts`): the
/// question is what the weights teach it, and the gate fitted on validation
/// (`hysim_extract::gate`) would hand its refused decisions back to the reader.
const SHIFT_EVAL: &str = "[eval]\nencoder = \"none\"\nbootstrap = 200\n[extract]\nraw_verdicts = true\n";

/// The targets of `shift`: the configured one (the real tables), and a synthetic target
/// sub-domain of 300 veterinary tables (seed 1, paper ids `tgt...`, none of them a source
/// table) as scanned papers print them: `ocr=0.3,shifted_columns=0.3` gives 52 tables with
/// OCR damage in their value cells and 50 with a body row shifted one column (at 8defc4b; a
/// table gets one table-level kind at most, and OCR only counts where a cell changed). Clean synthetic
/// tables leave nothing to separate: the parser and the encoder extractor read them at F1 0.998.
pub const ARMS: [(&str, &str); 2] = [
    ("real", ""),
    (
        "synthetic",
        "[target]\ntables = []\ngold = []\n[target.synth]\nn = 300\nseed = 1\nprofile = \"veterinary\"\nnoise = \"ocr=0.3,shifted_columns=0.3\"\n",
    ),
];

/// The weighting methods of `shift`, with their `[weights]` settings (all with
/// `scale = "std"`): none, each factor alone, the hybrid (multiplicative, additive, and with
/// the autoencoder manifold), each at the strength that keeps half the effective sample size
/// (`auto`); and similarity alone at the paper's alpha values.
pub const SHIFT_METHODS: [(&str, &str); 10] = [
    ("unweighted", "alpha = 0.0\nbeta = 0.0\noff_manifold = \"keep\"\n"),
    ("similarity", "alpha = \"auto\"\nbeta = 0.0\noff_manifold = \"keep\"\n"),
    ("clean", "alpha = 0.0\nbeta = \"auto\"\n"),
    ("hybrid", "alpha = \"auto\"\nbeta = \"auto\"\n"),
    ("hybrid-additive", "alpha = \"auto\"\nbeta = \"auto\"\ncombine = \"additive\"\n"),
    ("hybrid-autoencoder", "alpha = \"auto\"\nbeta = \"auto\"\n[weights.manifold]\nkind = \"autoencoder\"\n"),
    ("alpha-0.1", "alpha = 0.1\nbeta = 0.0\noff_manifold = \"keep\"\n"),
    ("alpha-0.5", "alpha = 0.5\nbeta = 0.0\noff_manifold = \"keep\"\n"),
    ("alpha-1", "alpha = 1.0\nbeta = 0.0\noff_manifold = \"keep\"\n"),
    ("alpha-2", "alpha = 2.0\nbeta = 0.0\noff_manifold = \"keep\"\n"),
];

/// The methods `shift-decoder` trains the decoder for: none, each factor alone and the
/// hybrid, at `auto` strength (their `[weights]` lines those of [`SHIFT_METHODS`]).
pub const SHIFT_DECODER_METHODS: [&str; 4] = ["unweighted", "similarity", "clean", "hybrid"];

/// Training seeds of every `shift` method.
pub const SHIFT_SEEDS: [u64; 3] = [0, 1, 2];

/// The `shift` variant of `method` (its `[weights]` lines) on `arm` with `seed`; with
/// `decoder`, `shift-decoder`'s, which trains the decoder alone.
fn shift_variant(arm: &str, arm_overrides: &str, method: &str, weights: &str, seed: u64, decoder: bool) -> Variant {
    let systems = if decoder { "[train]\nsystems = [\"decoder\"]\n" } else { "" };
    let text = format!(
        "{SHIFT_SOURCE}{arm_overrides}[weights]\nscale = \"std\"\n{weights}\n[train.encoder.heads]\nseed = {seed}\n[train.fit]\nseed = {seed}\n{SHIFT_EVAL}{systems}"
    );
    // `[weights.manifold]` inside a method's lines follows its `[weights]` keys.
    Variant {
        label: format!("{arm}-{method}-s{seed}"),
        method: method.to_owned(),
        arm: arm.to_owned(),
        seed,
        overrides: parse(&text),
    }
}

fn parse(text: &str) -> toml::Table {
    toml::from_str(text).expect("invariant: the experiment overrides are valid TOML")
}

/// Weights that make every row count the same: no similarity, no cleanliness, no flags.
const UNWEIGHTED: &str = "alpha = 0.0\nbeta = 0.0\noff_manifold = \"keep\"\n";

/// The variants of experiment `name`.
pub fn variants(name: &str) -> Result<Vec<Variant>> {
    let v = |label: &str, overrides: String| Variant {
        label: label.to_owned(),
        method: label.to_owned(),
        arm: "real".to_owned(),
        seed: 0,
        overrides: parse(&overrides),
    };
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
        "shift" | "shift-decoder" => {
            let decoder = name == "shift-decoder";
            let mut out = Vec::new();
            for (arm, arm_overrides) in ARMS {
                for (method, weights) in SHIFT_METHODS {
                    if decoder && !SHIFT_DECODER_METHODS.contains(&method) {
                        continue;
                    }
                    for seed in SHIFT_SEEDS {
                        out.push(shift_variant(arm, arm_overrides, method, weights, seed, decoder));
                    }
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
    if is_shift(experiment) && variant.arm == "real" && base.target.synth.is_some() {
        return Err(Error::Config {
            origin: format!("--experiment {experiment}"),
            problem: "its real target is the configured [target] tables; leave [target.synth] out of the configuration"
                .to_owned(),
        });
    }
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
                assert!(is_shift(name) || v.arm == "real");
                assert!(cfg.name.starts_with(&format!("default-{name}-")));
            }
        }
        let noise = variants("noise").unwrap();
        let cfg = variant_config(&base, "noise", &noise[2], &toml::Table::new()).unwrap();
        assert_eq!(cfg.source.synth.unwrap().noise, "gaussian=0.3");
        assert!(variants("beta-sweep").unwrap_err().to_string().contains("alpha-sweep"));
    }

    /// `shift`: every method on both targets with three seeds; the synthetic arm replaces
    /// the target by a generated one whose seed is not the source's; the seed reaches both
    /// trainers; the autoencoder method keeps its manifold setting under `[weights]`.
    #[test]
    fn shift_crosses_targets_methods_and_seeds() {
        let base = Config::embedded();
        let vs = variants("shift").unwrap();
        assert_eq!(vs.len(), ARMS.len() * SHIFT_METHODS.len() * SHIFT_SEEDS.len());
        let find = |label: &str| vs.iter().find(|v| v.label == label).unwrap();
        let real = variant_config(&base, "shift", find("real-hybrid-s1"), &toml::Table::new()).unwrap();
        assert_eq!(real.name, "default-shift-real-hybrid-s1");
        assert_eq!(real.target, base.target);
        assert_eq!(real.weights["scale"].as_str(), Some("std"));
        assert_eq!(real.train["fit"]["seed"].as_integer(), Some(1));
        assert_eq!(real.train["encoder"]["heads"]["seed"].as_integer(), Some(1));
        assert!(real.source.synth.as_ref().unwrap().noise.contains("offtopic"));
        let synth = find("synthetic-hybrid-autoencoder-s2");
        assert_eq!((synth.arm.as_str(), synth.method.as_str(), synth.seed), ("synthetic", "hybrid-autoencoder", 2));
        let cfg = variant_config(&base, "shift", synth, &toml::Table::new()).unwrap();
        assert!(cfg.target.tables.is_empty() && cfg.target.gold.is_empty());
        let target = cfg.target.synth.clone().unwrap();
        assert_eq!((target.n, target.profile.as_str()), (300, "veterinary"));
        assert!(target.noise.contains("ocr"));
        assert_eq!(cfg.train["data"]["limit"].as_integer(), Some(0));
        assert_ne!(target.seed, cfg.source.synth.as_ref().unwrap().seed);
        assert_eq!(cfg.weights["manifold"]["kind"].as_str(), Some("autoencoder"));
        assert_eq!(cfg.weights["alpha"].as_str(), Some("auto"));
        // A configuration that already has a synthetic target has no real arm to give.
        let err = variant_config(&cfg, "shift", find("real-hybrid-s1"), &toml::Table::new()).unwrap_err();
        assert!(err.to_string().contains("[target.synth]"), "{err}");
    }

    /// `shift-decoder`: the core four methods of `shift` on both targets with its seeds,
    /// each training the decoder alone, with the CPU budget on a CPU and the `[gpu]` one
    /// on a GPU; its runs are named apart from `shift`'s.
    #[test]
    fn shift_decoder_trains_the_decoder_for_the_core_four() {
        let base = Config::embedded();
        let vs = variants("shift-decoder").unwrap();
        assert_eq!(vs.len(), ARMS.len() * SHIFT_DECODER_METHODS.len() * SHIFT_SEEDS.len());
        let shift = variants("shift").unwrap();
        let cpu = crate::config::experiment_overrides("shift-decoder", false);
        let twin_cpu = crate::config::experiment_overrides("shift", false);
        let (gpu_base, gpu_extra) =
            (base.for_gpu().unwrap(), crate::config::experiment_overrides("shift-decoder", true));
        for v in &vs {
            assert!(SHIFT_DECODER_METHODS.contains(&v.method.as_str()), "{}", v.label);
            let twin = shift.iter().find(|s| s.label == v.label).unwrap();
            let cfg = variant_config(&base, "shift-decoder", v, &cpu).unwrap();
            let twin_cfg = variant_config(&base, "shift", twin, &twin_cpu).unwrap();
            assert_eq!(cfg.name, format!("default-shift-decoder-{}", v.label));
            assert_eq!(
                (&cfg.source, &cfg.target, &cfg.weights),
                (&twin_cfg.source, &twin_cfg.target, &twin_cfg.weights)
            );
            assert_eq!(crate::plan::systems(&cfg), ["decoder"]);
            assert_eq!(crate::plan::systems(&twin_cfg), ["encoder"]);
            assert_eq!(cfg.train["train"]["total_steps"].as_integer(), Some(12));
            assert!(cfg.extract.raw_verdicts, "what the weights teach, not the gate");
            let gpu = variant_config(&gpu_base, "shift-decoder", v, &gpu_extra).unwrap();
            assert_eq!(crate::plan::systems(&gpu), ["decoder"]);
            assert!(gpu.train["train"]["total_steps"].as_integer().unwrap() > 12);
        }
    }
}
