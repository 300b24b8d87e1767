//! The training loop: batches in a seeded order that is a function of the step (so a
//! resumed run sees the same batches), validation every few steps, early stopping, and
//! `last` and `best` checkpoints.

use std::path::Path;

use hysim_core::ModelDir;
use hysim_nn::tch::Tensor;
use serde::{Deserialize, Serialize};

use crate::{Example, Result, Trainer};

/// Loop settings (the `[fit]` table of `train.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FitConfig {
    /// Examples per micro-batch.
    pub batch_size: usize,
    /// Validate (and write the `last` checkpoint) every this many optimizer steps and at
    /// the last; 0: no validation loss, the `last` checkpoint written once, at the end (for
    /// a run whose checkpoint is chosen otherwise, or a budget that has no room for it).
    pub eval_every: usize,
    /// Stop after this many validations without improvement (0 = never stop early).
    pub patience: usize,
    /// Seed of the example order.
    pub seed: u64,
}

impl Default for FitConfig {
    fn default() -> Self {
        Self { batch_size: 4, eval_every: 20, patience: 3, seed: 0 }
    }
}

/// One validation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Eval {
    /// Optimizer steps taken.
    pub step: usize,
    /// Mean training loss since the previous validation.
    pub train_loss: f64,
    /// Validation loss (unit weights): the mean over every target token of the validation
    /// examples, as [`crate::weighted_loss`] weighs a batch.
    pub val_loss: f64,
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FitReport {
    /// Optimizer steps taken in all (including those before a resume).
    pub steps: usize,
    /// Every validation.
    pub history: Vec<Eval>,
    /// The best validation, if any.
    pub best: Option<Eval>,
    /// Whether early stopping ended the run.
    pub stopped_early: bool,
}

fn permutation(n: usize, seed: u64, epoch: usize) -> Vec<usize> {
    let mut rng = hysim_core::SplitMix64::new(seed ^ (epoch as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        order.swap(i, rng.below(i + 1));
    }
    order
}

/// The examples of micro-batch `micro` (0-based over the whole run).
fn micro_batch<'a>(examples: &'a [Example], cfg: &FitConfig, micro: usize) -> Vec<&'a Example> {
    let n = examples.len();
    (0..cfg.batch_size)
        .map(|j| {
            let k = micro * cfg.batch_size + j;
            let epoch = k / n;
            &examples[permutation(n, cfg.seed, epoch)[k % n]]
        })
        .collect()
}

/// Trains until the trainer's `total_steps`, validating every `eval_every` steps, keeping
/// `dir/best` (lowest validation loss) and `dir/last` checkpoints when `dir` is given.
/// `loss` computes a batch's weighted loss; `progress` hears of every step.
#[allow(clippy::too_many_arguments, reason = "the loop's inputs, each distinct")]
pub fn fit(
    trainer: &mut Trainer,
    loss: &dyn Fn(&[&Example]) -> Tensor,
    train: &[Example],
    val: &[Example],
    total_steps: usize,
    cfg: &FitConfig,
    dir: Option<&Path>,
    progress: &mut dyn FnMut(usize, f64),
) -> Result<FitReport> {
    fit_from(FitReport::default(), trainer, loss, train, val, total_steps, cfg, dir, progress)
}

/// [`fit`] continuing a resumed run: `previous` (the report the interrupted run wrote)
/// keeps its history and best validation, so `best/` is replaced only by a better one.
#[allow(clippy::too_many_arguments, reason = "the loop's inputs, each distinct")]
pub fn fit_from(
    previous: FitReport,
    trainer: &mut Trainer,
    loss: &dyn Fn(&[&Example]) -> Tensor,
    train: &[Example],
    val: &[Example],
    total_steps: usize,
    cfg: &FitConfig,
    dir: Option<&Path>,
    progress: &mut dyn FnMut(usize, f64),
) -> Result<FitReport> {
    if train.is_empty() {
        return Err(crate::Error::BadConfig { field: "data", problem: "no training example".to_owned() });
    }
    let accumulation = trainer.accumulation();
    let mut report = FitReport { steps: trainer.step(), stopped_early: false, ..previous };
    let (mut since, mut since_n) = (0.0, 0usize);
    let mut stale = 0;
    while trainer.step() < total_steps {
        let micro = trainer.step() * accumulation + trainer.pending();
        let batch = micro_batch(train, cfg, micro);
        let l = loss(&batch);
        since += l.double_value(&[]);
        since_n += 1;
        if !trainer.backward(&l) {
            continue;
        }
        progress(trainer.step(), since / since_n as f64);
        let last_step = trainer.step() == total_steps;
        if cfg.eval_every > 0 && (trainer.step().is_multiple_of(cfg.eval_every) || last_step) {
            let val_loss = if val.is_empty() {
                since / since_n as f64
            } else {
                let _guard = hysim_nn::tch::no_grad_guard();
                // Each chunk's mean token loss weighted by its target tokens: an example
                // with a one-token answer counts one token, as in training.
                let targets = |c: &[Example]| c.iter().map(Example::targets).sum::<usize>() as f64;
                let chunks: Vec<f64> = val
                    .chunks(cfg.batch_size.max(1))
                    .map(|c| {
                        let unit: Vec<Example> = c.iter().map(|e| Example { weight: 1.0, ..e.clone() }).collect();
                        loss(&unit.iter().collect::<Vec<_>>()).double_value(&[]) * targets(c)
                    })
                    .collect();
                chunks.iter().sum::<f64>() / targets(val).max(1.0)
            };
            let eval = Eval { step: trainer.step(), train_loss: since / since_n as f64, val_loss };
            (since, since_n) = (0.0, 0);
            report.history.push(eval);
            let improved = report.best.is_none_or(|b| val_loss < b.val_loss);
            if let Some(dir) = dir {
                trainer.save(&dir.join(ModelDir::LAST))?;
                if improved {
                    trainer.save(&dir.join(ModelDir::BEST))?;
                }
            }
            if improved {
                report.best = Some(eval);
                stale = 0;
            } else {
                stale += 1;
                if cfg.patience > 0 && stale >= cfg.patience {
                    report.stopped_early = true;
                    break;
                }
            }
        }
    }
    report.steps = trainer.step();
    if cfg.eval_every == 0
        && let Some(dir) = dir
    {
        trainer.save(&dir.join(ModelDir::LAST))?;
    }
    Ok(report)
}
