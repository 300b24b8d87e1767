//! Weighted fine-tuning (Algorithm 1, step 6): the loss of each example is multiplied by
//! its HySim weight, `L = sum_i(h_i · loss_i) / sum_i(n_i)` with `loss_i` the summed token
//! loss over the example's `n_i` target tokens, so unit weights give plain fine-tuning
//! exactly (the mean token loss of each micro-batch) and a zero-weight example contributes no gradient.
//!
//! - [`collate`] pads examples into a batch; [`weighted_loss`] is the loss above.
//! - [`Trainer`]: AdamW with decoupled weight decay (written here so that its state can
//!   be checkpointed), linear warmup then cosine decay, gradient clipping by global norm,
//!   gradient accumulation; it trains the variables a predicate picks (the LoRA adapters,
//!   or everything) and freezes the rest.
//! - [`fit`]: the loop, with batches in a seeded order that depends only on the step,
//!   validation, early stopping, and `best` and `last` checkpoints.
//! - [`Heads`]: the encoder extractor's classification heads (parameter code, statistic)
//!   over frozen sentence embeddings of candidate records, trained with the same weighting.
//! - [`fit_autoencoder`]: the autoencoder manifold of Algorithm 1, step 4 (the alternative
//!   to `hysim-weights`' PCA): reconstruction error norms of embeddings.
//! - [`generate_constrained`]: greedy decoding with a KV cache under a [`Grammar`], so
//!   that extraction output always parses, with per-token log-probabilities;
//!   [`generate_drafted`] the same answer with a [`Draft`] of it checked many tokens a
//!   forward pass (speculative decoding, the draft taken from the prompt).
//! - Checkpoints ([`Trainer::save`], [`Trainer::resume`]): trainable tensors, optimizer
//!   moments and the step in one folder, written beside its place and renamed into it, so
//!   a killed run loses at most the work since its last checkpoint and a resumed run
//!   continues to the same result as an uninterrupted one on the CPU.
//!
//! # Example
//!
//! ```no_run
//! use hysim_finetune::{Heads, HeadsConfig};
//!
//! // Two features per row; the class is whether the first is above one half.
//! let xs: Vec<f32> = (0..40).flat_map(|i| [i as f32 / 40.0, 1.0]).collect();
//! let labels = vec![(0..40).map(|i| i64::from(i >= 20)).collect::<Vec<i64>>()];
//! let weights = vec![1.0; 40]; // HySim weights: 0 removes a row from the loss
//! let mut heads = Heads::new(hysim_nn::tch::Device::Cpu, 2, &[2], 16, 0);
//! heads.fit(&xs, &labels, &weights, None, &HeadsConfig::default())?;
//! let predicted = heads.predict(&xs)?; // per row, per head: (class, probability)
//! assert_eq!(predicted.len(), 40);
//! # Ok::<(), hysim_finetune::Error>(())
//! ```

mod autoencoder;
mod error;
mod fit;
mod generate;
mod heads;
mod train;

pub use autoencoder::{AutoencoderConfig, AutoencoderFit, fit_autoencoder};
pub use error::{Error, Result};
pub use fit::{Eval, FitConfig, FitReport, fit, fit_from};
pub use generate::{
    Draft, Drafted, Grammar, Piece, generate_constrained, generate_constrained_batch, generate_drafted,
};
pub use heads::{Heads, HeadsConfig, HeadsReport, IGNORE, most_probable};
pub use train::{
    Batch, Example, TrainConfig, Trainer, collate, decision_weighted_loss, decision_weighted_loss_at, weighted_loss,
};
