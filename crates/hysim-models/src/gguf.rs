//! What a model needs from a GGUF file besides tensors: the tokenizer rebuilt from the
//! metadata (`tokenizer.ggml.*`: tokens, merges, token types, special ids).

use hysim_nn::gguf::{Gguf, Value};
use hysim_text::Tokenizer;

use crate::{Error, Result};

/// GGUF token type of control tokens (`<|im_start|>`), and of user-defined ones.
const CONTROL: u64 = 3;
const USER_DEFINED: u64 = 4;

fn strings(gguf: &Gguf, key: &str) -> Result<Vec<String>> {
    let values =
        gguf.get(key).and_then(Value::as_array).ok_or_else(|| Error::Gguf { what: format!("GGUF without {key}") })?;
    values
        .iter()
        .map(|v| v.as_str().map(str::to_owned).ok_or_else(|| Error::Gguf { what: format!("{key} holds a non-string") }))
        .collect()
}

/// The byte-level BPE tokenizer of a GGUF (`tokenizer.ggml.model` = `gpt2`), truncating at
/// `max_len`. Control and user-defined tokens are special (matched whole); digits are
/// split one by one for the pre-tokenizers that do so (`smollm`, `llama-bpe`, `qwen2`).
pub fn tokenizer(gguf: &Gguf, max_len: usize) -> Result<Tokenizer> {
    let model = gguf.get("tokenizer.ggml.model").and_then(Value::as_str).unwrap_or("");
    if model != "gpt2" {
        return Err(Error::Gguf { what: format!("GGUF tokenizer model {model:?} (only byte-level BPE, gpt2)") });
    }
    let tokens = strings(gguf, "tokenizer.ggml.tokens")?;
    let merges = strings(gguf, "tokenizer.ggml.merges")?;
    let types: Vec<u64> = gguf
        .get("tokenizer.ggml.token_type")
        .and_then(Value::as_array)
        .map(|a| a.iter().map(|v| v.as_u64().unwrap_or(1)).collect())
        .unwrap_or_default();
    let special: Vec<u32> = types
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(**t, CONTROL | USER_DEFINED))
        .map(|(i, _)| i as u32)
        .collect();
    let pre = gguf.get("tokenizer.ggml.pre").and_then(Value::as_str).unwrap_or("default");
    let split_digits = matches!(pre, "smollm" | "llama-bpe" | "llama3" | "qwen2" | "deepseek-llm");
    let pad = gguf
        .get("tokenizer.ggml.padding_token_id")
        .or_else(|| gguf.get("tokenizer.ggml.eos_token_id"))
        .and_then(Value::as_u64)
        .unwrap_or(0) as u32;
    Tokenizer::from_bpe(&tokens, &merges, &special, split_digits, max_len, pad, std::path::Path::new("GGUF metadata"))
        .map_err(Error::from)
}
