//! The encoder extractor's classification heads: a shared hidden layer over a frozen
//! sentence embedding of a candidate record (its header path, cell, unit and context as
//! `hysim_text::record_text` renders them), then one linear head per target (parameter
//! code with a `none` class for values that are not PK results, and statistic role).
//!
//! Trained under the HySim weights: the loss is `mean_i(h_i · loss_i)` (one candidate, one example),
//! `loss_i` the sum of the heads' cross-entropies of example `i`, so unit weights give
//! plain training and a zero-weight example adds no gradient. AdamW with warmup and cosine
//! decay (the [`Trainer`]), mini-batches in a seeded order, the epoch with the best
//! validation accuracy kept.

use std::path::Path;

use hysim_nn::tch::nn::{self, Module, VarStore};
use hysim_nn::tch::{Device, Kind, Reduction, Tensor};
use serde::{Deserialize, Serialize};

use crate::{Error, Result, TrainConfig, Trainer};

/// The label of a row a head has nothing to learn from (no loss, not counted in accuracy).
pub const IGNORE: i64 = -100;

/// Settings of the heads (the `[encoder]` table of `train.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HeadsConfig {
    /// Width of the shared hidden layer.
    pub hidden: usize,
    /// Passes over the training examples.
    pub epochs: usize,
    /// Examples per step.
    pub batch_size: usize,
    /// Peak learning rate.
    pub lr: f64,
    /// Decoupled weight decay.
    pub weight_decay: f64,
    /// Seed of the initialisation and the example order.
    pub seed: u64,
}

impl Default for HeadsConfig {
    fn default() -> Self {
        Self { hidden: 256, epochs: 30, batch_size: 64, lr: 2e-3, weight_decay: 0.01, seed: 0 }
    }
}

/// What training did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HeadsReport {
    /// Epochs run.
    pub epochs: usize,
    /// The kept epoch (1-based; the last one without validation).
    pub best_epoch: usize,
    /// Validation accuracy of each head at the kept epoch (empty without validation).
    pub val_accuracy: Vec<f64>,
    /// Mean weighted training loss of each epoch.
    pub train_loss: Vec<f64>,
}

/// The heads, on their own `VarStore`.
#[derive(Debug)]
pub struct Heads {
    vs: VarStore,
    hidden: nn::Linear,
    outs: Vec<nn::Linear>,
    dim: usize,
    sizes: Vec<usize>,
}

/// The most probable class of one head's probabilities and its probability (the first of
/// equally likely classes).
pub fn most_probable(p: &[f64]) -> (usize, f64) {
    p.iter().enumerate().fold((0, f64::NEG_INFINITY), |best, (k, &q)| if q > best.1 { (k, q) } else { best })
}

impl Heads {
    /// Randomly initialised heads over `dim`-wide features, one per entry of `sizes` (its
    /// number of classes).
    pub fn new(device: Device, dim: usize, sizes: &[usize], hidden: usize, seed: u64) -> Self {
        let vs = VarStore::new(device);
        let root = vs.root();
        let (hidden_layer, outs) = hysim_nn::seeded(seed, || {
            let hidden_layer = nn::linear(&root / "hidden", dim as i64, hidden as i64, Default::default());
            let outs: Vec<nn::Linear> = sizes
                .iter()
                .enumerate()
                .map(|(k, &n)| nn::linear(&root / format!("head{k}"), hidden as i64, n as i64, Default::default()))
                .collect();
            (hidden_layer, outs)
        });
        Self { vs, hidden: hidden_layer, outs, dim, sizes: sizes.to_vec() }
    }

    /// Logits of every head.
    ///
    /// # Shapes
    /// `xs` `[n, dim]` → one `[n, classes_k]` per head.
    fn forward(&self, xs: &Tensor) -> Vec<Tensor> {
        let h = self.hidden.forward(xs).gelu("none");
        self.outs.iter().map(|o| o.forward(&h)).collect()
    }

    fn features(&self, xs: &[f32]) -> Result<Tensor> {
        if self.dim == 0 || !xs.len().is_multiple_of(self.dim) {
            return Err(Error::BadExample {
                index: 0,
                problem: format!("{} feature values are not rows of width {}", xs.len(), self.dim),
            });
        }
        Ok(Tensor::from_slice(xs).view([-1, self.dim as i64]).to_device(self.vs.device()))
    }

    /// Trains on rows `xs` (row-major, `n x dim`) with `labels[k][i]` the class of row `i`
    /// for head `k` (or [`IGNORE`]) and `weights[i]` its HySim weight; `val` (rows and labels) picks the
    /// epoch kept.
    pub fn fit(
        &mut self,
        xs: &[f32],
        labels: &[Vec<i64>],
        weights: &[f32],
        val: Option<(&[f32], &[Vec<i64>])>,
        cfg: &HeadsConfig,
    ) -> Result<HeadsReport> {
        let x = self.features(xs)?;
        let n = x.size()[0] as usize;
        if n == 0 || weights.len() != n || labels.len() != self.sizes.len() || labels.iter().any(|l| l.len() != n) {
            return Err(Error::BadExample {
                index: 0,
                problem: format!(
                    "{n} rows, {} weights and label lists of lengths {:?} for {} heads",
                    weights.len(),
                    labels.iter().map(Vec::len).collect::<Vec<_>>(),
                    self.sizes.len()
                ),
            });
        }
        for (k, l) in labels.iter().enumerate() {
            let bad = |c: i64| (c < 0 && c != IGNORE) || c >= self.sizes[k] as i64;
            if let Some((i, c)) = l.iter().enumerate().find(|(_, c)| bad(**c)) {
                return Err(Error::BadExample { index: i, problem: format!("class {c} of head {k} out of range") });
            }
        }
        let device = self.vs.device();
        let y: Vec<Tensor> = labels.iter().map(|l| Tensor::from_slice(l).to_device(device)).collect();
        let w = Tensor::from_slice(weights).to_device(device);
        let batch = cfg.batch_size.max(1);
        let steps_per_epoch = n.div_ceil(batch);
        let total = (cfg.epochs * steps_per_epoch).max(1);
        let train_cfg = TrainConfig {
            lr: cfg.lr,
            min_lr: cfg.lr / 10.0,
            warmup_steps: steps_per_epoch.min(total / 10),
            total_steps: total,
            weight_decay: cfg.weight_decay,
            max_grad_norm: 1.0,
            ..TrainConfig::default()
        };
        let mut trainer = Trainer::new(&self.vs, train_cfg, |_| true)?;
        let mut report = HeadsReport::default();
        let mut best: Option<(f64, Vec<(String, Tensor)>)> = None;
        let mut rng = hysim_core::SplitMix64::new(cfg.seed);
        for epoch in 0..cfg.epochs {
            let mut order: Vec<i64> = (0..n as i64).collect();
            for i in (1..n).rev() {
                order.swap(i, rng.below(i + 1));
            }
            let mut sum = 0.0;
            for chunk in order.chunks(batch) {
                let idx = Tensor::from_slice(chunk).to_device(device);
                let logits = self.forward(&x.index_select(0, &idx));
                let mut per_example = Tensor::zeros([chunk.len() as i64], (Kind::Float, device));
                for (k, l) in logits.iter().enumerate() {
                    per_example +=
                        l.cross_entropy_loss::<Tensor>(&y[k].index_select(0, &idx), None, Reduction::None, IGNORE, 0.0);
                }
                let loss = (per_example * w.index_select(0, &idx)).mean(Kind::Float);
                sum += loss.double_value(&[]) * chunk.len() as f64;
                trainer.backward(&loss);
            }
            report.train_loss.push(sum / n as f64);
            report.epochs = epoch + 1;
            if let Some((vx, vl)) = val {
                let acc = self.accuracy(vx, vl)?;
                let mean = acc.iter().sum::<f64>() / acc.len().max(1) as f64;
                if best.as_ref().is_none_or(|(b, _)| mean > *b) {
                    let snapshot = self.vs.variables().into_iter().map(|(k, t)| (k, t.detach().copy())).collect();
                    best = Some((mean, snapshot));
                    report.best_epoch = epoch + 1;
                    report.val_accuracy = acc;
                }
            } else {
                report.best_epoch = epoch + 1;
            }
        }
        if let Some((_, snapshot)) = best {
            let _guard = hysim_nn::tch::no_grad_guard();
            let vars = self.vs.variables();
            for (name, value) in snapshot {
                vars[&name].shallow_clone().copy_(&value);
            }
        }
        Ok(report)
    }

    /// Per head, the share of rows whose most probable class is the label.
    pub fn accuracy(&self, xs: &[f32], labels: &[Vec<i64>]) -> Result<Vec<f64>> {
        let predicted = self.predict(xs)?;
        Ok(labels
            .iter()
            .enumerate()
            .map(|(k, l)| {
                let judged = l.iter().filter(|c| **c != IGNORE).count();
                let right = l.iter().zip(&predicted).filter(|(c, p)| p[k].0 as i64 == **c).count();
                right as f64 / judged.max(1) as f64
            })
            .collect())
    }

    /// For each row, each head's most probable class and its probability.
    pub fn predict(&self, xs: &[f32]) -> Result<Vec<Vec<(usize, f64)>>> {
        Ok(self.probabilities(xs)?.into_iter().map(|heads| heads.iter().map(|p| most_probable(p)).collect()).collect())
    }

    /// For each row, each head's probability of every class (`[row][head][class]`).
    pub fn probabilities(&self, xs: &[f32]) -> Result<Vec<Vec<Vec<f64>>>> {
        let x = self.features(xs)?;
        let n = x.size()[0] as usize;
        let _guard = hysim_nn::tch::no_grad_guard();
        let mut out = vec![Vec::with_capacity(self.sizes.len()); n];
        for (logits, &size) in self.forward(&x).iter().zip(&self.sizes) {
            let p = logits.softmax(-1, Kind::Float).to_kind(Kind::Double).to_device(Device::Cpu);
            let p = Vec::<f64>::try_from(p.reshape([-1]))?;
            for (row, probs) in out.iter_mut().zip(p.chunks(size)) {
                row.push(probs.to_vec());
            }
        }
        Ok(out)
    }

    /// Writes the weights as safetensors, atomically (temporary file, then rename).
    pub fn save(&self, path: &Path) -> Result<()> {
        let fail = |problem: String| Error::Checkpoint { path: path.to_path_buf(), problem };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
        let mut vars: Vec<(String, Tensor)> = self.vs.variables().into_iter().collect();
        vars.sort_by(|a, b| a.0.cmp(&b.0));
        Tensor::write_safetensors(&vars, &tmp)?;
        std::fs::rename(&tmp, path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            fail(e.to_string())
        })
    }

    /// Heads of the given shape with the weights `save` wrote: every tensor of the heads
    /// must be in the file, and nothing else.
    pub fn load(path: &Path, device: Device, dim: usize, sizes: &[usize], hidden: usize) -> Result<Self> {
        let mut heads = Self::new(device, dim, sizes, hidden, 0);
        let report = hysim_nn::load_safetensors(&mut heads.vs, &[path], hysim_nn::LoadMode::Strict)?;
        if let Some(name) = report.unexpected.first() {
            return Err(Error::Checkpoint { path: path.to_path_buf(), problem: format!("unexpected tensor {name}") });
        }
        Ok(heads)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two separable classes on the first feature, a second head on the sign of the other.
    fn toy(n: usize) -> (Vec<f32>, Vec<Vec<i64>>) {
        let mut rng = hysim_core::SplitMix64::new(7);
        let mut xs = Vec::new();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for _ in 0..n {
            let mut uniform = || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0;
            let (u, v) = (uniform(), uniform());
            xs.extend([u as f32, v as f32, 0.5]);
            a.push(i64::from(u > 0.0));
            b.push(if v > 0.3 {
                2
            } else if v > -0.3 {
                1
            } else {
                0
            });
        }
        (xs, vec![a, b])
    }

    #[test]
    fn heads_learn_a_toy_problem_and_round_trip() {
        let (xs, labels) = toy(400);
        let (vx, vl) = toy(100);
        let mut heads = Heads::new(Device::Cpu, 3, &[2, 3], 32, 0);
        let cfg = HeadsConfig { epochs: 40, batch_size: 32, lr: 1e-2, ..HeadsConfig::default() };
        let report = heads.fit(&xs, &labels, &vec![1.0; 400], Some((&vx, &vl)), &cfg).unwrap();
        assert!(report.val_accuracy.iter().all(|a| *a > 0.9), "{report:?}");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("heads.safetensors");
        heads.save(&path).unwrap();
        let back = Heads::load(&path, Device::Cpu, 3, &[2, 3], 32).unwrap();
        assert_eq!(back.predict(&vx).unwrap(), heads.predict(&vx).unwrap());
        assert!(Heads::load(&path, Device::Cpu, 3, &[2, 4], 32).is_err());
        // Every head's probabilities are a distribution, and predict is their argmax.
        let probs = heads.probabilities(&vx).unwrap();
        for (row, predicted) in probs.iter().zip(heads.predict(&vx).unwrap()) {
            assert_eq!(row.iter().map(Vec::len).collect::<Vec<_>>(), [2, 3]);
            for (p, (class, q)) in row.iter().zip(predicted) {
                assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-6, "{p:?}");
                assert_eq!((class, q), most_probable(p));
                assert!(p.iter().all(|x| *x <= q));
            }
        }
        assert_eq!(most_probable(&[0.2, 0.4, 0.4]), (1, 0.4));
    }

    #[test]
    fn zero_weights_leave_the_heads_untouched() {
        let (xs, labels) = toy(64);
        let mut heads = Heads::new(Device::Cpu, 3, &[2, 3], 8, 3);
        let before = heads.predict(&xs).unwrap();
        let cfg = HeadsConfig { epochs: 3, weight_decay: 0.0, ..HeadsConfig::default() };
        heads.fit(&xs, &labels, &vec![0.0; 64], None, &cfg).unwrap();
        assert_eq!(heads.predict(&xs).unwrap(), before);
    }

    #[test]
    fn bad_labels_are_errors() {
        let (xs, mut labels) = toy(10);
        labels[1][3] = 7;
        let mut heads = Heads::new(Device::Cpu, 3, &[2, 3], 8, 0);
        let err = heads.fit(&xs, &labels, &[1.0; 10], None, &HeadsConfig::default()).unwrap_err();
        assert!(err.to_string().contains("class 7 of head 1"), "{err}");
        assert!(heads.predict(&[1.0, 2.0]).is_err());
    }
}
