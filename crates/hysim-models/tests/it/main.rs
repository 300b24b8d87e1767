//! Tests of the model definitions on tiny random models (CPU, fixed seed, no downloads).

use hysim_models::bert::{BertModel, Config, l2_normalize, mean_pool};
use hysim_nn::tch::nn::VarStore;
use hysim_nn::tch::{Device, Kind, Tensor};
use hysim_nn::{LoadMode, load_safetensors, seed};

fn tiny(device: Device) -> (VarStore, BertModel) {
    seed(0);
    let vs = VarStore::new(device);
    let model = BertModel::new(vs.root(), &Config::tiny()).unwrap();
    (vs, model)
}

fn batch() -> (Tensor, Tensor) {
    let ids = Tensor::from_slice(&[1i64, 5, 9, 2, 1, 7, 2, 0]).view([2, 4]);
    let mask = Tensor::from_slice(&[1i64, 1, 1, 1, 1, 1, 1, 0]).view([2, 4]);
    (ids, mask)
}

#[test]
fn parameter_names_match_the_checkpoint_layout() {
    let (vs, _) = tiny(Device::Cpu);
    let mut names: Vec<String> = vs.variables().into_iter().map(|(n, t)| format!("{n} {:?}", t.size())).collect();
    names.sort();
    let layer0: Vec<&String> = names.iter().filter(|n| !n.contains("layer.1.")).collect();
    insta::assert_debug_snapshot!(layer0);
}

#[test]
fn shapes_padding_and_unit_norm() {
    let (_vs, model) = tiny(Device::Cpu);
    let (ids, mask) = batch();
    let states = model.forward(&ids, Some(&mask));
    assert_eq!(states.size(), [2, 4, 16]);
    let pooled = l2_normalize(&mean_pool(&states, &mask));
    assert_eq!(pooled.size(), [2, 16]);
    let norms: Vec<f32> = pooled.norm_scalaropt_dim(2.0, [-1], false).try_into().unwrap();
    assert!(norms.iter().all(|n| (n - 1.0).abs() < 1e-5), "{norms:?}");
    // Padding does not change a sequence's embedding.
    let short = Tensor::from_slice(&[1i64, 7, 2]).view([1, 3]);
    let alone = l2_normalize(&mean_pool(&model.forward(&short, None), &short.ones_like()));
    let diff = (alone.get(0) - pooled.get(1)).abs().max().double_value(&[]);
    assert!(diff < 1e-5, "padding changed the embedding by {diff}");
}

#[test]
fn save_and_reload_give_identical_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("model.safetensors");
    let (vs, model) = tiny(Device::Cpu);
    let (ids, mask) = batch();
    let expected = model.forward(&ids, Some(&mask));
    vs.save(&path).unwrap();
    seed(1);
    let mut other = VarStore::new(Device::Cpu);
    let reloaded = BertModel::new(other.root(), &Config::tiny()).unwrap();
    assert!(!reloaded.forward(&ids, Some(&mask)).equal(&expected), "a different seed gives different weights");
    load_safetensors(&mut other, &[&path], LoadMode::Strict).unwrap();
    assert!(reloaded.forward(&ids, Some(&mask)).equal(&expected));
    assert_eq!(expected.kind(), Kind::Float);
}

#[test]
fn config_rejects_unsupported_activation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.json");
    let mut cfg = serde_json::to_value(Config::tiny()).unwrap();
    cfg["hidden_act"] = "swish".into();
    std::fs::write(&path, cfg.to_string()).unwrap();
    let err = Config::load(&path).unwrap_err();
    assert_eq!(err.to_string(), "unsupported hidden_act \"swish\": gelu, gelu_new, gelu_pytorch_tanh or relu");
}

/// The tokenizer rebuilt from the SmolLM2 GGUF gives the reference ids: the prompts of
/// `../shared/reference/smollm2/logits.json` and texts encoded by the HF `tokenizer.json`
/// of the same folder (through the tokenizers library, no Python).
#[test]
fn smollm2_tokenizer_from_gguf_matches_the_reference() {
    let model = hysim_core::cache::default_decoder_gguf();
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/smollm2");
    let skip = if !model.is_file() {
        Some(format!("no model at {} (run `cargo xtask setup`)", model.display()))
    } else if !folder.join("logits.json").is_file() {
        Some(format!("no reference in {} (../shared is absent)", folder.display()))
    } else {
        None
    };
    if let Some(why) = skip {
        #[allow(clippy::print_stderr, reason = "a skipped test says why")]
        {
            eprintln!("skipped: {why}");
        }
        return;
    }
    let gguf = hysim_nn::gguf::Gguf::open(&model).unwrap();
    let tok = hysim_models::gguf::tokenizer(&gguf, 8192).unwrap();
    let reference: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("logits.json")).unwrap()).unwrap();
    for case in reference["cases"].as_array().unwrap() {
        let prompt = case["prompt"].as_str().unwrap();
        let expect: Vec<u32> =
            case["input_ids"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap() as u32).collect();
        assert_eq!(tok.encode(prompt).unwrap(), expect, "{prompt:?}");
        assert_eq!(tok.decode(&expect).unwrap(), prompt);
    }
    let hf = hysim_text::Tokenizer::from_file(&folder.join("tokenizer.json"), 8192).unwrap();
    for text in [
        "Cmax 1.8 ± 0.3 µg/mL; t½ 4.12 h (n = 6), AUC₀–∞ 12 345 ng·h/mL",
        "  leading spaces, tabs\tand\nnewlines — ünïcödé, 日本語, emoji 🧪",
        "<|im_start|>system\nYou extract PK records.<|im_end|>\n",
        "",
    ] {
        assert_eq!(tok.encode(text).unwrap(), hf.encode(text).unwrap(), "{text:?}");
    }
}

/// SmolLM2-135M-Instruct from its Q4_1 GGUF against transformers' float32 logits: the
/// top-10 logits of the last position within 1e-3, the mean logit of every position, and
/// 24 greedy tokens, with and without the KV cache.
#[test]
fn smollm2_logits_and_greedy_tokens_match_the_reference() {
    use hysim_models::llama::{Config, KvCache, Llama};
    let model = hysim_core::cache::default_decoder_gguf();
    let reference =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/smollm2/logits.json");
    if !model.is_file() || !reference.is_file() {
        #[allow(clippy::print_stderr, reason = "a skipped test says why")]
        {
            eprintln!("skipped: needs {} (cargo xtask setup) and {} (../shared)", model.display(), reference.display());
        }
        return;
    }
    let gguf = hysim_nn::gguf::Gguf::open(&model).unwrap();
    let cfg = Config::from_gguf(&gguf).unwrap();
    assert_eq!(
        (cfg.num_hidden_layers, cfg.hidden_size, cfg.num_key_value_heads, cfg.tie_word_embeddings),
        (30, 576, Some(3), true)
    );
    let mut vs = VarStore::new(Device::Cpu);
    let llama = Llama::new(vs.root(), &cfg).unwrap();
    Llama::load_gguf(&mut vs, &gguf, &cfg).unwrap();
    let reference: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&reference).unwrap()).unwrap();
    let _guard = hysim_nn::tch::no_grad_guard();
    let ids_of =
        |v: &serde_json::Value| -> Vec<i64> { v.as_array().unwrap().iter().map(|x| x.as_i64().unwrap()).collect() };
    for case in reference["cases"].as_array().unwrap() {
        let ids = ids_of(&case["input_ids"]);
        let input = Tensor::from_slice(&ids).unsqueeze(0);
        let logits = llama.forward(&input, None).squeeze_dim(0);
        let last = logits.get(ids.len() as i64 - 1);
        let top = &case["last_logits_top10"];
        for (id, value) in ids_of(&top["ids"]).iter().zip(top["values"].as_array().unwrap()) {
            let got = last.double_value(&[*id]);
            assert!((got - value.as_f64().unwrap()).abs() < 1e-3, "token {id}: {got} vs {value}");
        }
        let (_, best) = last.topk(10, 0, true, true);
        assert_eq!(Vec::<i64>::try_from(best).unwrap(), ids_of(&top["ids"]));
        let means = Vec::<f64>::try_from(logits.mean_dim(1, false, Kind::Double)).unwrap();
        for (k, m) in case["logits_mean_per_position"].as_array().unwrap().iter().enumerate() {
            assert!((means[k] - m.as_f64().unwrap()).abs() < 1e-3, "position {k}: mean {}", means[k]);
        }
        // Greedy decoding, once re-running the whole sequence and once with the cache.
        let expect = ids_of(&case["greedy_continuation_ids"]);
        let mut seq = ids.clone();
        for _ in 0..expect.len() {
            let logits = llama.forward(&Tensor::from_slice(&seq).unsqueeze(0), None);
            seq.push(logits.get(0).get(seq.len() as i64 - 1).argmax(0, false).int64_value(&[]));
        }
        assert_eq!(seq[ids.len()..], expect[..], "greedy without cache");
        let mut cache = KvCache::default();
        let mut next =
            llama.forward(&input, Some(&mut cache)).get(0).get(ids.len() as i64 - 1).argmax(0, false).int64_value(&[]);
        let mut cached = vec![next];
        while cached.len() < expect.len() {
            let logits = llama.forward(&Tensor::from_slice(&[next]).unsqueeze(0), Some(&mut cache));
            next = logits.get(0).get(0).argmax(0, false).int64_value(&[]);
            cached.push(next);
        }
        assert_eq!(cached, expect, "greedy with the KV cache");
    }
}

fn tiny_llama(qwen2: bool) -> (VarStore, hysim_models::llama::Llama) {
    use hysim_models::llama::{Config, Llama};
    seed(1);
    let vs = VarStore::new(Device::Cpu);
    let mut cfg = Config::tiny();
    if qwen2 {
        cfg.model_type = "qwen2".into();
        cfg.attention_bias = true;
        cfg.tie_word_embeddings = false;
    }
    let model = Llama::new(vs.root(), &cfg).unwrap();
    (vs, model)
}

#[test]
fn tiny_llama_and_qwen2_variables_are_named_as_in_checkpoints() {
    for qwen2 in [false, true] {
        let (vs, _) = tiny_llama(qwen2);
        let mut names: Vec<String> = vs
            .variables()
            .into_iter()
            .filter(|(n, _)| n.starts_with("model.layers.0.") || !n.starts_with("model.layers."))
            .map(|(n, t)| format!("{n} {:?}", t.size()))
            .collect();
        names.sort();
        insta::assert_snapshot!(format!("llama_names_qwen2_{qwen2}"), names.join("\n"));
    }
}

#[test]
fn tiny_llama_cache_chunks_and_save_load_agree_with_one_pass() {
    use hysim_models::llama::KvCache;
    let (vs, model) = tiny_llama(true);
    let _guard = hysim_nn::tch::no_grad_guard();
    let ids = Tensor::from_slice(&[3i64, 17, 5, 9, 40, 2, 11, 63]).unsqueeze(0);
    let full = model.forward(&ids, None);
    assert_eq!(full.size(), [1, 8, 64]);
    // Three positions, then four at once (a causal block after a cache), then one.
    let mut cache = KvCache::default();
    let parts = [
        model.forward(&ids.narrow(1, 0, 3), Some(&mut cache)),
        model.forward(&ids.narrow(1, 3, 4), Some(&mut cache)),
        model.forward(&ids.narrow(1, 7, 1), Some(&mut cache)),
    ];
    assert_eq!(cache.len(), 8);
    let chunked = Tensor::cat(&parts, 1);
    assert!((&full - &chunked).abs().max().double_value(&[]) < 1e-5);
    // Save and reload: identical logits.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.safetensors");
    vs.save(&path).unwrap();
    let (mut other_vs, other) = tiny_llama(true);
    seed(99);
    load_safetensors(&mut other_vs, &[path.as_path()], LoadMode::Strict).unwrap();
    assert_eq!((other.forward(&ids, None) - &full).abs().max().double_value(&[]), 0.0);
}

/// Logits at chosen positions of a batch (tied head and a head of its own) are those of
/// the full pass at those positions.
#[test]
fn logits_at_positions_are_the_full_passs() {
    for qwen2 in [false, true] {
        let (_vs, model) = tiny_llama(qwen2);
        let _guard = hysim_nn::tch::no_grad_guard();
        let ids = Tensor::from_slice(&[3i64, 17, 5, 9, 40, 2, 11, 63, 8, 1]).view([2, 5]);
        let full = model.forward(&ids, None).reshape([10, 64]);
        let positions = Tensor::from_slice(&[1i64, 4, 5, 9]);
        let at = model.forward_at(&ids, &positions);
        assert_eq!(at.size(), [4, 64]);
        assert!((&full.index_select(0, &positions) - &at).abs().max().double_value(&[]) < 1e-5, "qwen2 {qwen2}");
        // The last positions of a pass after a cache: those of the full pass.
        let mut cache = hysim_models::llama::KvCache::default();
        let _ = model.forward(&ids.narrow(1, 0, 2), Some(&mut cache));
        let tail = model.forward_tail(&ids.narrow(1, 2, 3), Some(2), Some(&mut cache));
        assert_eq!(tail.size(), [2, 2, 64]);
        let expect = full.view([2, 5, 64]).narrow(1, 3, 2);
        assert!((&expect - &tail).abs().max().double_value(&[]) < 1e-5, "qwen2 {qwen2}");
    }
}

#[test]
fn merged_lora_gives_the_unmerged_logits() {
    use hysim_models::llama::{Config, Llama, LoraConfig};
    seed(4);
    let vs = VarStore::new(Device::Cpu);
    let mut model = Llama::with_lora(vs.root(), &Config::tiny(), Some(&LoraConfig::default())).unwrap();
    let _guard = hysim_nn::tch::no_grad_guard();
    // A trained adapter: B away from its zero start.
    for (name, var) in vs.variables() {
        if name.contains("lora_B") {
            var.shallow_clone().copy_(&(Tensor::randn(var.size(), (Kind::Float, Device::Cpu)) * 0.1));
        }
    }
    let ids = Tensor::from_slice(&[3i64, 17, 5, 9, 40, 2, 11, 63]).unsqueeze(0);
    let unmerged = model.forward(&ids, None);
    assert_eq!(model.merge_lora(), 7 * Config::tiny().num_hidden_layers as usize);
    let merged = model.forward(&ids, None);
    let diff = (&unmerged - &merged).abs().max().double_value(&[]);
    let scale = unmerged.abs().max().double_value(&[]);
    assert!(diff < 1e-5 * scale.max(1.0) * 4.0, "merged logits differ by {diff} (largest {scale})");
    assert!(unmerged.abs().max().double_value(&[]) > 0.1);
    assert_eq!(model.merge_lora(), 0, "a second merge finds no adapter");
    assert_eq!((model.forward(&ids, None) - &merged).abs().max().double_value(&[]), 0.0);
}

#[test]
fn llama_configs_are_checked() {
    use hysim_models::llama::Config;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.json");
    std::fs::write(&path, r#"{"vocab_size": 10, "hidden_size": 30, "intermediate_size": 8, "num_hidden_layers": 1, "num_attention_heads": 4}"#).unwrap();
    let err = Config::load(&path).unwrap_err().to_string();
    assert!(err.contains("num_attention_heads") && err.contains("must divide hidden_size"), "{err}");
    std::fs::write(&path, r#"{"vocab_size": 10, "hidden_size": 32, "intermediate_size": 8, "num_hidden_layers": 1, "num_attention_heads": 4, "model_type": "qwen2"}"#).unwrap();
    assert!(Config::load(&path).unwrap().attention_bias, "Qwen2 has Q/K/V biases");
}
