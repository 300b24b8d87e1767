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

/// Truncation at `max_len` tokens (special tokens included), longest sequence first.
fn truncate(inner: &mut tokenizers::Tokenizer, max_len: usize) -> std::result::Result<(), String> {
    inner
        .with_truncation(Some(TruncationParams {
            max_length: max_len,
            strategy: TruncationStrategy::LongestFirst,
            stride: 0,
            ..TruncationParams::default()
        }))
        .map(|_| ())
        .map_err(|e| e.to_string())
}

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
        truncate(&mut inner, max_len).map_err(load_err)?;
        Ok(Self { inner, pad_id, max_len })
    }

    /// A byte-level BPE tokenizer (GPT-2 style, as llama.cpp stores Llama-family
    /// vocabularies in GGUF metadata): `tokens[i]` is token `i`, `merges` are `"a b"`
    /// pairs in rank order, `special` the ids of control tokens (matched whole, never
    /// split). Digits are split one by one before byte-level splitting, as SmolLM2's and
    /// Llama-3's pre-tokenizers do when `split_digits` is set. No special token is added
    /// around encodings; `source` names the origin in errors.
    pub fn from_bpe(
        tokens: &[String],
        merges: &[String],
        special: &[u32],
        split_digits: bool,
        max_len: usize,
        pad_id: u32,
        source: &Path,
    ) -> Result<Self> {
        use tokenizers::decoders::byte_level::ByteLevel as ByteLevelDecoder;
        use tokenizers::models::bpe::BPE;
        use tokenizers::pre_tokenizers::byte_level::ByteLevel;
        use tokenizers::pre_tokenizers::digits::Digits;
        use tokenizers::pre_tokenizers::sequence::Sequence;
        let load_err = |message: String| Error::Load { path: source.to_path_buf(), message };
        let vocab: tokenizers::models::bpe::Vocab =
            tokens.iter().enumerate().map(|(i, t)| (t.clone(), i as u32)).collect();
        let merges: Vec<(String, String)> = merges
            .iter()
            .enumerate()
            .map(|(k, m)| {
                m.split_once(' ')
                    .map(|(a, b)| (a.to_owned(), b.to_owned()))
                    .ok_or_else(|| load_err(format!("merge {k} {m:?} is not two tokens")))
            })
            .collect::<Result<_>>()?;
        let bpe = BPE::builder().vocab_and_merges(vocab, merges).build().map_err(|e| load_err(e.to_string()))?;
        let mut inner = tokenizers::Tokenizer::new(bpe);
        let byte_level = ByteLevel::new(false, true, true);
        if split_digits {
            inner.with_pre_tokenizer(Some(Sequence::new(vec![Digits::new(true).into(), byte_level.into()])));
        } else {
            inner.with_pre_tokenizer(Some(byte_level));
        }
        inner.with_decoder(Some(ByteLevelDecoder::default()));
        let added: Vec<tokenizers::AddedToken> = special
            .iter()
            .filter_map(|&id| tokens.get(id as usize))
            .map(|t| tokenizers::AddedToken::from(t.clone(), true))
            .collect();
        inner.add_special_tokens(&added);
        truncate(&mut inner, max_len).map_err(load_err)?;
        Ok(Self { inner, pad_id, max_len })
    }

    /// The text of token ids (special tokens kept).
    pub fn decode(&self, ids: &[u32]) -> Result<String> {
        self.inner.decode(ids, false).map_err(|e| Error::Encode { index: 0, message: e.to_string() })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tiny_byte_level_bpe_merges_and_keeps_special_tokens() {
        // Byte-level alphabet for "a", "b", " " (Ġ), then merges "a b" -> "ab", "Ġ ab" -> "Ġab".
        let tokens: Vec<String> =
            ["<|end|>", "a", "b", "Ġ", "1", "2", "ab", "Ġab"].iter().map(|t| (*t).to_owned()).collect();
        let merges: Vec<String> = ["a b", "Ġ ab"].iter().map(|m| (*m).to_owned()).collect();
        let tok = Tokenizer::from_bpe(&tokens, &merges, &[0], true, 16, 0, Path::new("tiny")).unwrap();
        assert_eq!(tok.encode("ab ab12<|end|>").unwrap(), [6, 7, 4, 5, 0]);
        assert_eq!(tok.decode(&[6, 7, 4, 5]).unwrap(), "ab ab12");
        let bad = Tokenizer::from_bpe(&tokens, &["nospace".to_owned()], &[], true, 16, 0, Path::new("tiny"));
        assert!(bad.unwrap_err().to_string().contains("merge 0 \"nospace\""));
    }
}
