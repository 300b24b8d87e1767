//! The tokenizer wrapper: a `tokenizer.json` with padding off and truncation at the
//! model's maximum length.
//!
//! Model folders often ship a `tokenizer.json` with fixed padding and truncation of their
//! own (all-MiniLM-L6-v2's pads and truncates to 128, while sentence-transformers uses 256
//! and pads to the longest text of a batch); both are overridden here and the caller pads.

use std::path::Path;

use rayon::prelude::*;
use tokenizers::{TruncationParams, TruncationStrategy};

use crate::{Error, Result};

/// A loaded tokenizer.
pub struct Tokenizer {
    inner: tokenizers::Tokenizer,
    pad_id: u32,
    max_len: usize,
}

impl std::fmt::Debug for Tokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokenizer").field("pad_id", &self.pad_id).field("max_len", &self.max_len).finish()
    }
}

impl Tokenizer {
    /// Loads `tokenizer.json`, truncating encodings to `max_len` tokens (special tokens
    /// included) and padding nothing.
    pub fn from_file(path: &Path, max_len: usize) -> Result<Self> {
        let load_err = |message: String| Error::Load { path: path.to_path_buf(), message };
        let mut inner = tokenizers::Tokenizer::from_file(path).map_err(|e| load_err(e.to_string()))?;
        let pad_id = inner
            .get_padding()
            .map(|p| p.pad_id)
            .or_else(|| inner.token_to_id("[PAD]"))
            .or_else(|| inner.token_to_id("<pad>"))
            .unwrap_or(0);
        inner.with_padding(None);
        inner
            .with_truncation(Some(TruncationParams {
                max_length: max_len,
                strategy: TruncationStrategy::LongestFirst,
                stride: 0,
                ..TruncationParams::default()
            }))
            .map_err(|e| load_err(e.to_string()))?;
        Ok(Self { inner, pad_id, max_len })
    }

    /// The id used for padding.
    pub fn pad_id(&self) -> u32 {
        self.pad_id
    }

    /// The truncation length.
    pub fn max_len(&self) -> usize {
        self.max_len
    }

    /// Token ids of one text, with the model's special tokens.
    pub fn encode(&self, text: &str) -> Result<Vec<u32>> {
        self.inner
            .encode(text, true)
            .map(|e| e.get_ids().to_vec())
            .map_err(|e| Error::Encode { index: 0, message: e.to_string() })
    }

    /// Token ids of every text, tokenised in parallel.
    pub fn encode_all(&self, texts: &[&str]) -> Result<Vec<Vec<u32>>> {
        texts
            .par_iter()
            .enumerate()
            .map(|(index, text)| {
                self.inner
                    .encode(*text, true)
                    .map(|e| e.get_ids().to_vec())
                    .map_err(|e| Error::Encode { index, message: e.to_string() })
            })
            .collect()
    }
}
