//! The autoencoder manifold (Algorithm 1, step 4, the alternative to PCA): a small MLP
//! autoencoder `dim -> hidden -> bottleneck -> hidden -> dim` trained in tch to reconstruct
//! the embeddings it is fitted on; the distance of a row to the learnt manifold is the norm
//! of its reconstruction error, `||x - g(f(x))||`, as the PCA residual is for a linear one.

use hysim_nn::tch::nn::{self, Module, VarStore};
use hysim_nn::tch::{Device, Kind, Tensor};

use crate::{Error, Result, TrainConfig, Trainer};

/// Settings of the autoencoder.
#[derive(Debug, Clone, PartialEq)]
pub struct AutoencoderConfig {
    /// Width of the code.
    pub bottleneck: usize,
    /// Width of the hidden layers.
    pub hidden: usize,
    /// Passes over the rows it is fitted on.
    pub epochs: usize,
    /// Rows per step.
    pub batch_size: usize,
    /// Peak learning rate.
    pub lr: f64,
    /// Seed of the initialisation and the row order.
    pub seed: u64,
}

impl Default for AutoencoderConfig {
    fn default() -> Self {
        Self { bottleneck: 16, hidden: 128, epochs: 200, batch_size: 64, lr: 1e-3, seed: 0 }
    }
}

/// What fitting did, and the distance of every requested row to the manifold.
#[derive(Debug, Clone, PartialEq)]
pub struct AutoencoderFit {
    /// `||x - g(f(x))||` for each row of `rows` (the second argument of [`fit_autoencoder`]).
    pub residuals: Vec<f64>,
    /// Mean squared reconstruction error over the fitted rows, after training.
    pub fit_mse: f64,
}

/// Trains an autoencoder on `fit` (row-major, `n x dim`) and returns the reconstruction
/// error norms of `rows` (row-major, `m x dim`).
pub fn fit_autoencoder(
    fit: &[f32],
    rows: &[f32],
    dim: usize,
    cfg: &AutoencoderConfig,
    device: Device,
) -> Result<AutoencoderFit> {
    let bad = |problem: String| Error::BadExample { index: 0, problem };
    if dim == 0 || fit.is_empty() || !fit.len().is_multiple_of(dim) || !rows.len().is_multiple_of(dim) {
        return Err(bad(format!("{} and {} values are not rows of width {dim}", fit.len(), rows.len())));
    }
    if cfg.bottleneck == 0 || cfg.hidden == 0 || cfg.epochs == 0 {
        return Err(Error::BadConfig {
            field: "autoencoder",
            problem: format!("{cfg:?}: widths and epochs must be >= 1"),
        });
    }
    let vs = VarStore::new(device);
    let root = vs.root();
    let (d, h, b) = (dim as i64, cfg.hidden as i64, cfg.bottleneck as i64);
    let net = hysim_nn::seeded(cfg.seed, || {
        nn::seq()
            .add(nn::linear(&root / "enc1", d, h, Default::default()))
            .add_fn(|x| x.gelu("none"))
            .add(nn::linear(&root / "enc2", h, b, Default::default()))
            .add(nn::linear(&root / "dec1", b, h, Default::default()))
            .add_fn(|x| x.gelu("none"))
            .add(nn::linear(&root / "dec2", h, d, Default::default()))
    });
    let x = Tensor::from_slice(fit).view([-1, d]).to_device(device);
    let n = x.size()[0] as usize;
    let batch = cfg.batch_size.max(1);
    let steps_per_epoch = n.div_ceil(batch);
    let total = cfg.epochs * steps_per_epoch;
    let train = TrainConfig {
        lr: cfg.lr,
        min_lr: cfg.lr / 10.0,
        warmup_steps: steps_per_epoch.min(total / 10),
        total_steps: total,
        weight_decay: 0.0,
        max_grad_norm: 1.0,
        ..TrainConfig::default()
    };
    let mut trainer = Trainer::new(&vs, train, |_| true)?;
    let mut rng = hysim_core::SplitMix64::new(cfg.seed);
    for _ in 0..cfg.epochs {
        let mut order: Vec<i64> = (0..n as i64).collect();
        for i in (1..n).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for chunk in order.chunks(batch) {
            let xb = x.index_select(0, &Tensor::from_slice(chunk).to_device(device));
            let loss = (net.forward(&xb) - &xb).pow_tensor_scalar(2).mean(Kind::Float);
            trainer.backward(&loss);
        }
    }
    let _guard = hysim_nn::tch::no_grad_guard();
    let fit_mse = (net.forward(&x) - &x).pow_tensor_scalar(2).mean(Kind::Float).double_value(&[]);
    let residuals = if rows.is_empty() {
        Vec::new()
    } else {
        let r = Tensor::from_slice(rows).view([-1, d]).to_device(device);
        let norms = (net.forward(&r) - &r).pow_tensor_scalar(2).sum_dim_intlist(1, false, Kind::Float).sqrt();
        Vec::<f64>::try_from(norms.to_kind(Kind::Double).to_device(Device::Cpu))?
    };
    Ok(AutoencoderFit { residuals, fit_mse })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows on a 2-D plane in 8 dimensions, and rows off it.
    fn plane(n: usize, off: f32, seed: u64) -> Vec<f32> {
        let mut rng = hysim_core::SplitMix64::new(seed);
        let mut u = || (rng.next_u64() >> 11) as f32 / (1u64 << 53) as f32 * 2.0 - 1.0;
        let mut out = Vec::new();
        for _ in 0..n {
            let (a, b) = (u(), u());
            out.extend([a, b, a + b, a - b, 0.5 * a, 0.5 * b, off, -off]);
        }
        out
    }

    #[test]
    fn rows_off_the_manifold_have_larger_residuals() {
        let fit = plane(96, 0.0, 1);
        let on = plane(20, 0.0, 2);
        let off = plane(20, 1.0, 3);
        let rows: Vec<f32> = on.iter().chain(&off).copied().collect();
        let cfg = AutoencoderConfig { bottleneck: 2, hidden: 32, epochs: 60, batch_size: 32, lr: 1e-2, seed: 0 };
        let fitted = fit_autoencoder(&fit, &rows, 8, &cfg, Device::Cpu).unwrap();
        let mean = |r: &[f64]| r.iter().sum::<f64>() / r.len() as f64;
        let (r_on, r_off) = (mean(&fitted.residuals[..20]), mean(&fitted.residuals[20..]));
        assert!(r_off > 3.0 * r_on, "on {r_on}, off {r_off}, fit mse {}", fitted.fit_mse);
        // The same seed gives the same residuals.
        assert_eq!(fit_autoencoder(&fit, &rows, 8, &cfg, Device::Cpu).unwrap(), fitted);
        assert!(fit_autoencoder(&fit, &rows[..7], 8, &cfg, Device::Cpu).is_err());
    }
}
