//! The batch, the weighted loss and the optimizer.

use std::path::Path;

use hysim_core::ModelDir;
use hysim_nn::tch::nn::VarStore;
use hysim_nn::tch::{Kind, Reduction, Tensor};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// One training example: token ids and, aligned with them, the labels (`-100` where the
/// token is not a target, such as the prompt), and its weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Token ids.
    pub input_ids: Vec<i64>,
    /// Target token ids (`-100` = not a target), same length as `input_ids`.
    pub labels: Vec<i64>,
    /// The example's weight (`h_i`).
    pub weight: f64,
}

impl Example {
    /// The tokens its loss counts: every label but the first (position `t` predicts label
    /// `t + 1`) that is a target.
    pub fn targets(&self) -> usize {
        self.labels.iter().skip(1).filter(|&&l| l != -100).count()
    }
}

/// Padded tensors of a batch.
#[derive(Debug)]
pub struct Batch {
    /// `[batch, seq]` ids, right-padded.
    pub input_ids: Tensor,
    /// `[batch, seq]` labels, `-100` on padding.
    pub labels: Tensor,
    /// `[batch]` weights.
    pub weights: Tensor,
}

/// Right-pads examples into a batch (causal attention never looks at the padding after a
/// sequence, so no mask is needed).
pub fn collate(examples: &[&Example], pad_id: i64) -> Result<Batch> {
    let len = examples.iter().map(|e| e.input_ids.len()).max().unwrap_or(0);
    let mut ids = Vec::with_capacity(examples.len() * len);
    let mut labels = Vec::with_capacity(examples.len() * len);
    for (index, e) in examples.iter().enumerate() {
        if e.labels.len() != e.input_ids.len() {
            return Err(Error::BadExample {
                index,
                problem: format!("{} labels for {} tokens", e.labels.len(), e.input_ids.len()),
            });
        }
        if !(e.weight.is_finite() && e.weight >= 0.0) {
            return Err(Error::BadExample {
                index,
                problem: format!("weight {} is not a finite non-negative number", e.weight),
            });
        }
        ids.extend(e.input_ids.iter().copied().chain(std::iter::repeat_n(pad_id, len - e.input_ids.len())));
        labels.extend(e.labels.iter().copied().chain(std::iter::repeat_n(-100, len - e.labels.len())));
    }
    let b = examples.len() as i64;
    let weights: Vec<f64> = examples.iter().map(|e| e.weight).collect();
    Ok(Batch {
        input_ids: Tensor::from_slice(&ids).view([b, len as i64]),
        labels: Tensor::from_slice(&labels).view([b, len as i64]),
        weights: Tensor::from_slice(&weights).to_kind(Kind::Float),
    })
}

/// `sum_i(w_i · loss_i) / sum_i(n_i)`, where `loss_i` is example `i`'s summed cross-entropy
/// over its `n_i` target tokens (position `t` predicts label `t + 1`): with unit weights,
/// the mean token cross-entropy of the (micro-)batch. Every target token counts alike, so a short
/// answer (a table with nothing to extract answers with one end token) weighs one token, not
/// as much as a whole answer of many lines, which a mean per example would give it. An
/// example without targets adds 0.
///
/// # Shapes
/// `logits` `[batch, seq, vocab]`, `labels` `[batch, seq]` (i64, `-100` ignored),
/// `weights` `[batch]` → scalar (f32).
pub fn weighted_loss(logits: &Tensor, labels: &Tensor, weights: &Tensor) -> Tensor {
    decision_weighted_loss(logits, labels, weights, 1.0)
}

/// [`weighted_loss`] where each example's first and last target tokens count `decision`
/// tokens each (one such count where they are the same token): for an extractor's answer,
/// the decisions whether the table holds anything to extract and where the answer ends,
/// which per-token weighing otherwise leaves at one token against an answer's hundred:
/// `sum_i(h_i * sum_t(d_it * l_it)) / sum_i(sum_t(d_it))`, `d_it` being `decision` or 1.
///
/// # Shapes
/// As [`weighted_loss`].
pub fn decision_weighted_loss(logits: &Tensor, labels: &Tensor, weights: &Tensor, decision: f64) -> Tensor {
    let v = logits.size().last().copied().expect("invariant: logits are [batch, seq, vocab]");
    let flat = logits.reshape([-1, v]);
    decision_weighted_loss_at(|positions| flat.index_select(0, positions), labels, weights, decision, logits.device())
}

/// [`decision_weighted_loss`] asking `logits_at` for the logits of the positions that
/// predict a target only: most positions of an extractor's example are its prompt, whose
/// logits the loss never reads, and the head over the vocabulary (and the float32 copy of
/// its output) is a fifth of a small decoder's forward pass at every position.
/// `logits_at(positions)` gets flat positions (`row * seq + col`, increasing, on `device`)
/// and returns their logits.
///
/// # Shapes
/// `positions` `[n]` (i64) → `[n, vocab]`; `labels` `[batch, seq]`, `weights` `[batch]` →
/// scalar (f32).
pub fn decision_weighted_loss_at(
    logits_at: impl FnOnce(&Tensor) -> Tensor,
    labels: &Tensor,
    weights: &Tensor,
    decision: f64,
    device: hysim_nn::tch::Device,
) -> Tensor {
    let (b, t) = labels.size2().expect("invariant: labels are [batch, seq]");
    // Shift the labels, not the logits: position `t`'s target is label `t + 1`, the last
    // position has none.
    let labels = labels.to_device(device);
    let targets = Tensor::cat(&[labels.narrow(1, 1, t - 1), labels.narrow(1, 0, 1).full_like(-100)], 1).reshape([-1]);
    let positions = targets.ne(-100).nonzero().squeeze_dim(1);
    let logits = logits_at(&positions).to_kind(Kind::Float);
    let at =
        logits.cross_entropy_loss::<Tensor>(&targets.index_select(0, &positions), None, Reduction::None, -100, 0.0);
    let per_token = Tensor::zeros([b * t], (Kind::Float, device)).index_add(0, &positions, &at).view([b, t]);
    let mut counted = targets.ne(-100).view([b, t]).to_kind(Kind::Float);
    if decision != 1.0 {
        // The first target of a row is where the running count reaches 1, its last where
        // it reaches the row's count.
        let running = counted.cumsum(1, Kind::Float);
        let first = running.eq(1.0);
        let last = running.eq_tensor(&counted.sum_dim_intlist(1, true, Kind::Float));
        let decisive = first.logical_or(&last).to_kind(Kind::Float) * &counted;
        counted = &counted + decisive * (decision - 1.0);
    }
    let per_example = (per_token * &counted).sum_dim_intlist(1, false, Kind::Float);
    (per_example * weights.to_device(device).to_kind(Kind::Float)).sum(Kind::Float)
        / counted.sum(Kind::Float).clamp_min(1.0)
}

/// Optimizer and schedule settings (the `[train]` table of `train.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TrainConfig {
    /// Peak learning rate.
    pub lr: f64,
    /// Learning rate at the end of the cosine decay.
    pub min_lr: f64,
    /// Optimizer steps of linear warmup from 0.
    pub warmup_steps: usize,
    /// Optimizer steps in all (the cosine reaches `min_lr` there).
    pub total_steps: usize,
    /// Decoupled weight decay.
    pub weight_decay: f64,
    /// Adam's first-moment decay.
    pub beta1: f64,
    /// Adam's second-moment decay.
    pub beta2: f64,
    /// Adam's epsilon.
    pub eps: f64,
    /// Gradients are scaled down to this global norm (0 = no clipping).
    pub max_grad_norm: f64,
    /// Micro-batches per optimizer step.
    pub accumulation: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            lr: 2e-4,
            min_lr: 2e-5,
            warmup_steps: 10,
            total_steps: 200,
            weight_decay: 0.0,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            max_grad_norm: 1.0,
            accumulation: 1,
        }
    }
}

impl TrainConfig {
    fn check(&self) -> Result<()> {
        let bad = |field, problem: String| Err(Error::BadConfig { field, problem });
        if !(self.lr > 0.0 && self.lr.is_finite()) {
            return bad("lr", format!("{} is not a positive number", self.lr));
        }
        if !(0.0..=self.lr).contains(&self.min_lr) {
            return bad("min_lr", format!("{} is not within 0..lr", self.min_lr));
        }
        if self.total_steps == 0 || self.warmup_steps > self.total_steps {
            return bad("warmup_steps", format!("{} warmup steps of {} in all", self.warmup_steps, self.total_steps));
        }
        if self.accumulation == 0 {
            return bad("accumulation", "must be at least 1".to_owned());
        }
        if !(0.0..1.0).contains(&self.beta1) || !(0.0..1.0).contains(&self.beta2) {
            return bad("beta1", format!("betas {} and {} must lie in 0..1", self.beta1, self.beta2));
        }
        Ok(())
    }

    /// The learning rate of optimizer step `step` (0-based): linear warmup, then cosine
    /// decay to `min_lr` at `total_steps`.
    pub fn lr_at(&self, step: usize) -> f64 {
        if step < self.warmup_steps {
            return self.lr * (step + 1) as f64 / self.warmup_steps as f64;
        }
        let span = (self.total_steps - self.warmup_steps).max(1) as f64;
        let progress = ((step - self.warmup_steps) as f64 / span).min(1.0);
        self.min_lr + 0.5 * (self.lr - self.min_lr) * (1.0 + (std::f64::consts::PI * progress).cos())
    }
}

/// What `state.json` of a checkpoint holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct State {
    step: usize,
    config: TrainConfig,
    names: Vec<String>,
}

/// AdamW over the trainable variables of a `VarStore`.
///
/// The optimizer works on buckets of variables (of one kind and device, at most
/// 2^24 elements unless one variable is larger) whose gradients are gathered
/// into one flat tensor and whose moments are flat: a step is a few dozen kernels per bucket
/// and two or three per variable (the update, the zeroed gradient, the weight decay), not a
/// dozen per variable, and reads no value back from the device.
/// A LoRA of SmolLM2-135M on all seven projections has 210 adapter pairs; on a GPU the
/// per-variable update (and a device-to-host read per variable for the gradient norm) cost
/// more time than the matrix products it followed. The arithmetic is the per-variable one,
/// element for element (the gradient norm up to its summation order).
pub struct Trainer {
    cfg: TrainConfig,
    params: Vec<(String, Tensor)>,
    buckets: Vec<Bucket>,
    step: usize,
    micro: usize,
}

/// Largest number of elements the optimizer gathers into one flat tensor: bounds the
/// temporaries of a step (a few times this many elements) for full fine-tuning.
const BUCKET_ELEMENTS: i64 = 1 << 24;

/// Variables the optimizer updates together, with their flat moments.
struct Bucket {
    /// Indices into `Trainer::params`, with each variable's offset in the flat tensors.
    members: Vec<(usize, i64)>,
    m: Tensor,
    v: Tensor,
}

impl Bucket {
    /// The members' gradients (zeros where a variable has none) as one flat tensor.
    fn gradient(&self, params: &[(String, Tensor)]) -> Tensor {
        let flat: Vec<Tensor> = self
            .members
            .iter()
            .map(|&(k, _)| {
                let p = &params[k].1;
                let g = p.grad();
                if g.defined() { g.reshape([-1]) } else { p.zeros_like().reshape([-1]) }
            })
            .collect();
        if flat.len() == 1 { flat[0].shallow_clone() } else { Tensor::cat(&flat, 0) }
    }
}

/// Groups consecutive variables of one kind and device into buckets of at most `limit`
/// elements (or one larger variable), each with zero moments.
fn buckets(params: &[(String, Tensor)], limit: i64) -> Vec<Bucket> {
    let mut groups: Vec<(Vec<(usize, i64)>, i64)> = Vec::new();
    for (k, (_, p)) in params.iter().enumerate() {
        let n = p.numel() as i64;
        match groups.last_mut() {
            Some((members, size))
                if params[members[0].0].1.kind() == p.kind()
                    && params[members[0].0].1.device() == p.device()
                    && *size + n <= limit =>
            {
                members.push((k, *size));
                *size += n;
            }
            _ => groups.push((vec![(k, 0)], n)),
        }
    }
    groups
        .into_iter()
        .map(|(members, size)| {
            let first = &params[members[0].0].1;
            let zeros = || Tensor::zeros([size], (first.kind(), first.device()));
            Bucket { members, m: zeros(), v: zeros() }
        })
        .collect()
}

impl std::fmt::Debug for Trainer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Trainer").field("step", &self.step).field("params", &self.params.len()).finish()
    }
}

impl Trainer {
    /// Trains the variables of `vs` that `trainable` picks (by name) and freezes the rest.
    pub fn new(vs: &VarStore, cfg: TrainConfig, trainable: impl Fn(&str) -> bool) -> Result<Self> {
        Self::with_buckets(vs, cfg, trainable, BUCKET_ELEMENTS)
    }

    fn with_buckets(vs: &VarStore, cfg: TrainConfig, trainable: impl Fn(&str) -> bool, limit: i64) -> Result<Self> {
        cfg.check()?;
        let mut params: Vec<(String, Tensor)> = Vec::new();
        let mut vars: Vec<(String, Tensor)> = vs.variables().into_iter().collect();
        vars.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, t) in vars {
            if trainable(&name) {
                let _ = t.set_requires_grad(true);
                params.push((name, t));
            } else {
                let _ = t.set_requires_grad(false);
            }
        }
        if params.is_empty() {
            return Err(Error::BadConfig { field: "trainable", problem: "no variable is trainable".to_owned() });
        }
        Ok(Self { buckets: buckets(&params, limit), params, cfg, step: 0, micro: 0 })
    }

    /// Each variable's AdamW moments (in `params` order): views of its bucket's flat
    /// moments in the variable's shape, which checkpoints save and `resume` fills.
    fn moments(&self) -> Vec<(Tensor, Tensor)> {
        let mut out = Vec::with_capacity(self.params.len());
        for b in &self.buckets {
            for &(k, offset) in &b.members {
                let p = &self.params[k].1;
                let view = |flat: &Tensor| flat.narrow(0, offset, p.numel() as i64).view(p.size().as_slice());
                out.push((view(&b.m), view(&b.v)));
            }
        }
        out
    }

    /// Optimizer steps taken.
    pub fn step(&self) -> usize {
        self.step
    }

    /// Micro-batches per optimizer step.
    pub fn accumulation(&self) -> usize {
        self.cfg.accumulation
    }

    /// Micro-batches back-propagated since the last optimizer step.
    pub fn pending(&self) -> usize {
        self.micro
    }

    /// The trainable variables, by name.
    pub fn trainable(&self) -> &[(String, Tensor)] {
        &self.params
    }

    /// Back-propagates one micro-batch's loss; every `accumulation` micro-batches, takes an
    /// optimizer step. Returns whether a step was taken.
    pub fn backward(&mut self, loss: &Tensor) -> bool {
        (loss / self.cfg.accumulation as f64).backward();
        self.micro += 1;
        if self.micro < self.cfg.accumulation {
            return false;
        }
        self.micro = 0;
        self.apply();
        true
    }

    fn apply(&mut self) {
        let _guard = hysim_nn::tch::no_grad_guard();
        // Global gradient-norm clipping, decided on the device: the scale is 1 unless the
        // norm exceeds the bound. With one bucket (a LoRA) its gathered gradient serves both
        // the norm and the update; with several, each is gathered again for the update
        // rather than all held at once (full fine-tuning: a copy of every gradient).
        let mut kept: Option<Tensor> = None;
        let scale = (self.cfg.max_grad_norm > 0.0).then(|| {
            let device = self.params[0].1.device();
            let mut squares = Vec::with_capacity(self.buckets.len());
            for b in &self.buckets {
                let g = b.gradient(&self.params);
                squares.push(g.to_kind(Kind::Double).pow_tensor_scalar(2).sum(Kind::Double).to_device(device));
                if self.buckets.len() == 1 {
                    kept = Some(g);
                }
            }
            let norm = Tensor::stack(&squares, 0).sum(Kind::Double).sqrt();
            let bound = Tensor::full([], self.cfg.max_grad_norm, (Kind::Double, device));
            (&bound / (&norm + 1e-6)).where_self(&norm.gt_tensor(&bound), &norm.ones_like())
        });
        let lr = self.cfg.lr_at(self.step);
        self.step += 1;
        let (b1, b2) = (self.cfg.beta1, self.cfg.beta2);
        let c1 = 1.0 - b1.powi(self.step as i32);
        let c2 = 1.0 - b2.powi(self.step as i32);
        for b in &mut self.buckets {
            let mut g = kept.take().unwrap_or_else(|| b.gradient(&self.params));
            if let Some(scale) = &scale {
                // A new tensor (a lone variable's flat gradient is its own gradient), scaled
                // in float32 at least, as a scalar multiplication computes a reduced kind.
                let scale = scale.to_device(g.device());
                g = match g.kind() {
                    Kind::Float | Kind::Double => &g * scale,
                    kind => (g.to_kind(Kind::Float) * scale).to_kind(kind),
                };
            }
            let _ = b.m.g_mul_scalar_(b1).g_add_(&(&g * (1.0 - b1)));
            let _ = b.v.g_mul_scalar_(b2).g_add_(&(&g * &g * (1.0 - b2)));
            drop(g);
            let update = (&b.m / c1) / ((&b.v / c2).sqrt() + self.cfg.eps) * lr;
            for &(k, offset) in &b.members {
                let p = &self.params[k].1;
                let mut p_mut = p.shallow_clone();
                if self.cfg.weight_decay > 0.0 {
                    let _ = p_mut.g_mul_scalar_(1.0 - lr * self.cfg.weight_decay);
                }
                let _ = p_mut.g_sub_(&update.narrow(0, offset, p.numel() as i64).view(p.size().as_slice()));
                let mut grad = p.grad();
                if grad.defined() {
                    let _ = grad.zero_();
                }
            }
        }
    }

    /// Writes a checkpoint into `dir`: `trainable.safetensors`, `optimizer.safetensors`
    /// and `state.json`, first into a sibling folder that is then renamed into place
    /// (a previous checkpoint there is replaced only once the new one is complete).
    pub fn save(&self, dir: &Path) -> Result<()> {
        let fail = |problem: String| Error::Checkpoint { path: dir.to_path_buf(), problem };
        if self.micro != 0 {
            return Err(fail("a checkpoint is taken between optimizer steps, not inside an accumulation".to_owned()));
        }
        let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| fail(e.to_string()))?;
        let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp).map_err(|e| fail(e.to_string()))?;
        let result = (|| -> Result<()> {
            let trainable: Vec<(&str, &Tensor)> = self.params.iter().map(|(n, t)| (n.as_str(), t)).collect();
            Tensor::write_safetensors(&trainable, tmp.join(ModelDir::CHECKPOINT_WEIGHTS))?;
            let mut moments: Vec<(String, Tensor)> = Vec::new();
            for ((n, _), (m, v)) in self.params.iter().zip(self.moments()) {
                moments.push((format!("m.{n}"), m));
                moments.push((format!("v.{n}"), v));
            }
            Tensor::write_safetensors(&moments, tmp.join("optimizer.safetensors"))?;
            let state = State {
                step: self.step,
                config: self.cfg.clone(),
                names: self.params.iter().map(|(n, _)| n.clone()).collect(),
            };
            let json = serde_json::to_vec_pretty(&state).map_err(|e| fail(e.to_string()))?;
            std::fs::write(tmp.join(ModelDir::CHECKPOINT_STATE), json).map_err(|e| fail(e.to_string()))?;
            if dir.exists() {
                std::fs::rename(dir, &old).map_err(|e| fail(e.to_string()))?;
            }
            std::fs::rename(&tmp, dir).map_err(|e| fail(e.to_string()))?;
            let _ = std::fs::remove_dir_all(&old);
            Ok(())
        })();
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&tmp);
            if old.exists() && !dir.exists() {
                let _ = std::fs::rename(&old, dir);
            }
        }
        result
    }

    /// A trainer continuing from the checkpoint in `dir`: the trainable variables of `vs`
    /// (picked by the checkpoint's names) get the saved values, and the optimizer its
    /// moments and step. The settings are the checkpoint's.
    pub fn resume(vs: &VarStore, dir: &Path) -> Result<Self> {
        let fail = |problem: String| Error::Checkpoint { path: dir.to_path_buf(), problem };
        let text = std::fs::read_to_string(dir.join(ModelDir::CHECKPOINT_STATE))
            .map_err(|e| fail(format!("state.json: {e}")))?;
        let state: State = serde_json::from_str(&text).map_err(|e| fail(format!("state.json: {e}")))?;
        let names: std::collections::BTreeSet<String> = state.names.iter().cloned().collect();
        let mut trainer = Self::new(vs, state.config, |n| names.contains(n))?;
        if trainer.params.len() != names.len() {
            return Err(fail(format!(
                "{} trainable variables saved, {} found in the model",
                names.len(),
                trainer.params.len()
            )));
        }
        let saved: std::collections::HashMap<String, Tensor> =
            Tensor::read_safetensors(dir.join(ModelDir::CHECKPOINT_WEIGHTS))?.into_iter().collect();
        let moments: std::collections::HashMap<String, Tensor> =
            Tensor::read_safetensors(dir.join("optimizer.safetensors"))?.into_iter().collect();
        let _guard = hysim_nn::tch::no_grad_guard();
        for ((name, p), (m, v)) in trainer.params.iter().zip(trainer.moments()) {
            let get = |map: &std::collections::HashMap<String, Tensor>, key: &str| {
                map.get(key).map(|t| t.to_device(p.device())).ok_or_else(|| fail(format!("{key} missing")))
            };
            let value = get(&saved, name)?;
            if value.size() != p.size() {
                return Err(fail(format!("{name} has shape {:?}, the model {:?}", value.size(), p.size())));
            }
            p.shallow_clone().copy_(&value);
            // Into the views of the flat moments, which the optimizer updates.
            for (mut view, key) in [(m, format!("m.{name}")), (v, format!("v.{name}"))] {
                let saved = get(&moments, &key)?;
                if saved.size() != view.size() {
                    return Err(fail(format!("{key} has shape {:?}, the variable {:?}", saved.size(), view.size())));
                }
                view.copy_(&saved);
            }
        }
        trainer.step = state.step;
        Ok(trainer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The decision weight multiplies each row's first and last target token's loss (once
    /// where they are one token) and counts as many tokens in the mean; 1 is the plain loss.
    #[test]
    fn decisions_weigh_the_first_and_last_target() {
        use hysim_nn::tch::Device;
        let logits = hysim_nn::seeded(9, || Tensor::randn([3, 5, 7], (Kind::Float, Device::Cpu)));
        // Position t predicts label t + 1: targets at positions 1, 2, 3 (row 0), 3 (row 1,
        // one target: first and last), 0 and 2 (row 2).
        let labels = Tensor::from_slice(&[
            -100i64, -100, 4, 1, 6, //
            -100, -100, -100, -100, 2, //
            -100, 3, -100, 5, -100,
        ])
        .view([3, 5]);
        let weights = Tensor::from_slice(&[1.0f32, 2.0, 0.5]);
        let token = |row: i64, pos: i64, target: i64| -> f64 {
            -logits.get(row).get(pos).log_softmax(-1, Kind::Float).double_value(&[target])
        };
        let expected = |d: f64| {
            let row0 = d * token(0, 1, 4) + token(0, 2, 1) + d * token(0, 3, 6);
            let row1 = d * token(1, 3, 2);
            let row2 = d * token(2, 0, 3) + d * token(2, 2, 5);
            (row0 + 2.0 * row1 + 0.5 * row2) / ((2.0 * d + 1.0) + d + 2.0 * d)
        };
        for d in [1.0, 4.0] {
            let got = decision_weighted_loss(&logits, &labels, &weights, d).double_value(&[]);
            assert!((got - expected(d)).abs() < 1e-5, "decision {d}: {got} vs {}", expected(d));
        }
        let plain = weighted_loss(&logits, &labels, &weights).double_value(&[]);
        assert!((plain - expected(1.0)).abs() < 1e-5);
        // Asked for the positions with a target only, in order: the same loss.
        let asked = std::cell::RefCell::new(Vec::new());
        let at = decision_weighted_loss_at(
            |positions| {
                *asked.borrow_mut() = Vec::<i64>::try_from(positions).unwrap();
                logits.reshape([-1, 7]).index_select(0, positions)
            },
            &labels,
            &weights,
            4.0,
            Device::Cpu,
        )
        .double_value(&[]);
        assert_eq!(*asked.borrow(), [1, 2, 3, 8, 10, 12]);
        assert!((at - expected(4.0)).abs() < 1e-5, "{at} vs {}", expected(4.0));
    }

    #[test]
    fn schedule_warms_up_then_decays() {
        let cfg = TrainConfig { lr: 1.0, min_lr: 0.1, warmup_steps: 4, total_steps: 14, ..TrainConfig::default() };
        assert_eq!(cfg.lr_at(0), 0.25);
        assert_eq!(cfg.lr_at(3), 1.0);
        assert!((cfg.lr_at(4) - 1.0).abs() < 1e-12);
        assert!((cfg.lr_at(9) - 0.55).abs() < 1e-12, "half way: {}", cfg.lr_at(9));
        assert!((cfg.lr_at(14) - 0.1).abs() < 1e-12 && (cfg.lr_at(100) - 0.1).abs() < 1e-12);
    }

    /// The flat, bucketed update equals AdamW taken one variable at a time, bit for bit:
    /// several buckets, a variable of another kind, one without a gradient, clipping and
    /// weight decay.
    #[test]
    fn bucketed_adamw_equals_the_per_variable_update() {
        use hysim_nn::tch::{Device, nn};
        let vs = VarStore::new(Device::Cpu);
        let root = vs.root();
        let shapes: [&[i64]; 5] = [&[3, 4], &[5], &[2, 2, 2], &[7], &[4, 3]];
        // Under `seeded`'s lock, so that the tests that check reproducibility, running at
        // once, do not see these draws.
        let mut half = hysim_nn::seeded(3, || {
            for (i, shape) in shapes.iter().enumerate() {
                let _ = root.var(&format!("w{i}"), shape, nn::Init::Randn { mean: 0.0, stdev: 1.0 });
            }
            root.var("w5", &[6], nn::Init::Randn { mean: 0.0, stdev: 1.0 })
        });
        half.set_data(&half.to_kind(Kind::BFloat16));
        let cfg = TrainConfig {
            lr: 0.05,
            warmup_steps: 1,
            total_steps: 4,
            weight_decay: 0.01,
            max_grad_norm: 0.5,
            ..TrainConfig::default()
        };
        let mut names: Vec<String> = vs.variables().keys().cloned().collect();
        names.sort();
        // Buckets [w0 w1] [w2 w3] [w4] [w5]: gathered gradients at offsets, and a kind apart.
        let mut trainer = Trainer::with_buckets(&vs, cfg.clone(), |_| true, 20).unwrap();
        let members: Vec<usize> = trainer.buckets.iter().map(|b| b.members.len()).collect();
        assert_eq!(members, [2, 2, 1, 1]);
        // The reference: the same variables as plain tensors, updated one at a time.
        let by_name = vs.variables();
        let mut plain: Vec<Tensor> = names.iter().map(|n| by_name[n].detach().copy().set_requires_grad(true)).collect();
        let (mut m, mut v): (Vec<Tensor>, Vec<Tensor>) = plain.iter().map(|p| (p.zeros_like(), p.zeros_like())).unzip();
        let loss_of = |ts: &[Tensor]| -> Tensor {
            // w3 gets no gradient.
            ts.iter()
                .enumerate()
                .filter(|(i, _)| *i != 3)
                .map(|(i, t)| (t.to_kind(Kind::Float) * (i as f64 + 1.0)).pow_tensor_scalar(2).sum(Kind::Float))
                .fold(Tensor::zeros([], (Kind::Float, Device::Cpu)), |a, b| a + b)
        };
        for step in 1..=3 {
            let ours: Vec<Tensor> = names.iter().map(|n| by_name[n].shallow_clone()).collect();
            trainer.backward(&loss_of(&ours));
            loss_of(&plain).backward();
            let _guard = hysim_nn::tch::no_grad_guard();
            let grads: Vec<Tensor> =
                plain.iter().map(|p| if p.grad().defined() { p.grad() } else { p.zeros_like() }).collect();
            let norm = grads
                .iter()
                .map(|g| g.to_kind(Kind::Double).pow_tensor_scalar(2).sum(Kind::Double).double_value(&[]))
                .sum::<f64>()
                .sqrt();
            if norm > cfg.max_grad_norm {
                for g in &grads {
                    let _ = g.shallow_clone().g_mul_scalar_(cfg.max_grad_norm / (norm + 1e-6));
                }
            }
            let lr = cfg.lr_at(step - 1);
            let (c1, c2) = (1.0 - cfg.beta1.powi(step as i32), 1.0 - cfg.beta2.powi(step as i32));
            for (k, p) in plain.iter_mut().enumerate() {
                let g = &grads[k];
                let _ = m[k].g_mul_scalar_(cfg.beta1).g_add_(&(g * (1.0 - cfg.beta1)));
                let _ = v[k].g_mul_scalar_(cfg.beta2).g_add_(&(g * g * (1.0 - cfg.beta2)));
                let update = (&m[k] / c1) / ((&v[k] / c2).sqrt() + cfg.eps);
                let _ = p.g_mul_scalar_(1.0 - lr * cfg.weight_decay);
                let _ = p.g_sub_(&(update * lr));
                let mut grad = p.grad();
                if grad.defined() {
                    let _ = grad.zero_();
                }
            }
            for (k, (n, (tm, tv))) in names.iter().zip(trainer.moments()).enumerate() {
                assert!(by_name[n].equal(&plain[k]), "{n} differs after step {step}");
                assert!(tm.equal(&m[k]) && tv.equal(&v[k]), "{n}'s moments differ after step {step}");
            }
        }
    }

    #[test]
    fn bad_settings_name_the_field() {
        let check = |cfg: TrainConfig| cfg.check().unwrap_err().to_string();
        assert!(check(TrainConfig { lr: 0.0, ..TrainConfig::default() }).contains("lr"));
        assert!(check(TrainConfig { warmup_steps: 500, ..TrainConfig::default() }).contains("warmup_steps"));
        assert!(check(TrainConfig { accumulation: 0, ..TrainConfig::default() }).contains("accumulation"));
    }
}
