//! Model definitions in tch, one file per architecture.
//!
//! Each model has a serde `Config` that mirrors the checkpoint's `config.json` (with
//! `Config::tiny()` for tests) and one struct per block whose variable paths equal the
//! checkpoint's tensor names, so weights load by name through `hysim_nn::load_safetensors`.
//! [`gguf`] rebuilds a GGUF model's tokenizer from its metadata.

pub mod bert;
mod error;
pub mod gguf;
pub mod llama;

pub use error::{Error, Result};
