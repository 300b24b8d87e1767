//! The embedding stage: texts → [`hysim_core::Embeddings`] with a BERT-family encoder.
//!
//! [`Encoder::load`] reads a Hugging Face / sentence-transformers folder (`config.json`,
//! `model.safetensors`, `tokenizer.json`, `1_Pooling/config.json`, `modules.json`,
//! `sentence_bert_config.json`). [`Encoder::embed`] then
//!
//! 1. drops repeated texts (each distinct text is encoded once),
//! 2. takes what it can from the on-disk [`Cache`] (keyed by model and text hash),
//! 3. tokenises the rest in parallel, sorts them by length and pads each batch only to its
//!    longest text,
//! 4. runs the encoder under `no_grad` (on CUDA a batch that runs out of memory is split
//!    and retried), pools (mean or CLS) and normalises as the folder says,
//! 5. returns the rows in input order.
//!
//! Tensors never leave this crate.
//!
//! # Example
//!
//! ```no_run
//! use hysim_embed::{EmbedOptions, Encoder};
//!
//! let dir = hysim_core::cache::model_dir(hysim_core::cache::DEFAULT_ENCODER);
//! let device = "auto".parse::<hysim_nn::DeviceSpec>()?.resolve()?;
//! let encoder = Encoder::load(&dir, device, hysim_nn::DType::F32)?;
//! let (rows, _) = encoder.embed(&["Cmax = 12.5 [ng/mL] (mean)"], &EmbedOptions::default(), None)?;
//! assert_eq!(rows.len(), encoder.dim());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cache;
mod encoder;
mod error;

pub use cache::Cache;
pub use encoder::{EmbedOptions, EmbedStats, Encoder, Pooling};
pub use error::{Error, Result};
