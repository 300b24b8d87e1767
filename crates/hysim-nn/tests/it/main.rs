//! Integration tests of `hysim-nn` against real libtorch.
//!
//! Each device test has a body `fn case(device: Device)`; the `device_tests!` macro emits
//! a `_cpu` test always and a `_cuda` test under the `cuda-tests` feature.

use std::path::Path;

use hysim_nn::tch::nn::{self, Module, VarStore};
use hysim_nn::tch::{Device, Kind, Tensor};
use hysim_nn::{DeviceSpec, Error, LoadMode, load_safetensors, seeded};

macro_rules! device_tests {
    ($($name:ident),* $(,)?) => {
        mod cpu {
            $(#[test] fn $name() { super::$name(hysim_nn::tch::Device::Cpu) })*
        }
        #[cfg(feature = "cuda-tests")]
        mod cuda {
            $(#[test] fn $name() { super::$name(hysim_nn::DeviceSpec::Cuda(0).resolve().expect("cuda-tests needs a GPU")) })*
        }
    };
}

device_tests!(
    matmul_gives_known_values,
    seeding_is_reproducible,
    weights_load_by_name,
    half_precision_weights_are_converted
);

fn matmul_gives_known_values(device: Device) {
    let a = Tensor::from_slice(&[1.0f32, 2.0, 3.0, 4.0]).reshape([2, 2]).to_device(device);
    let b = Tensor::from_slice(&[5.0f32, 6.0, 7.0, 8.0]).reshape([2, 2]).to_device(device);
    let c = a.matmul(&b).softmax(-1, Kind::Float).to_device(Device::Cpu);
    let got: Vec<f32> = c.flatten(0, -1).try_into().unwrap();
    // [[19, 22], [43, 50]] -> row softmax.
    let expect =
        [1.0 / (1.0 + 3f32.exp()), 1.0 / (1.0 + (-3f32).exp()), 1.0 / (1.0 + 7f32.exp()), 1.0 / (1.0 + (-7f32).exp())];
    for (g, e) in got.iter().zip(expect) {
        assert!((g - e).abs() < 1e-6, "{got:?} vs {expect:?}");
    }
}

fn seeding_is_reproducible(device: Device) {
    // Under `seeded`'s lock: the other tests of this binary draw from the same generator
    // (random initialisations) and, running at once, would otherwise draw between these.
    let draw = |s: u64| seeded(s, || Tensor::randn([4, 8], (Kind::Float, device)));
    let (first, second, third) = (draw(42), draw(42), draw(43));
    assert!(first.equal(&second));
    assert!(!first.equal(&third));
}

fn tiny_model(vs: &VarStore) -> nn::Sequential {
    let root = vs.root();
    nn::seq()
        .add(nn::linear(&root / "encoder" / "dense", 4, 3, Default::default()))
        .add_fn(|xs| xs.relu())
        .add(nn::linear(&root / "head", 3, 2, Default::default()))
}

fn save(path: &Path, tensors: &[(&str, Tensor)]) {
    Tensor::write_safetensors(tensors, path).unwrap();
}

fn weights_load_by_name(device: Device) {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full.safetensors");
    let source = VarStore::new(device);
    let (model, xs) = seeded(1, || (tiny_model(&source), Tensor::randn([5, 4], (Kind::Float, device))));
    let expected = model.forward(&xs);
    let mut named: Vec<(String, Tensor)> = source.variables().into_iter().collect();
    named.push(("pooler.dense.weight".to_owned(), Tensor::zeros([2, 2], (Kind::Float, Device::Cpu))));
    let refs: Vec<(&str, Tensor)> = named.iter().map(|(n, t)| (n.as_str(), t.to_device(Device::Cpu))).collect();
    save(&full, &refs);

    // Strict load into a freshly initialised model reproduces the outputs exactly.
    let mut target = VarStore::new(device);
    let reloaded = seeded(2, || tiny_model(&target));
    let report = load_safetensors(&mut target, &[&full], LoadMode::Strict).unwrap();
    assert_eq!(report.loaded, ["encoder.dense.bias", "encoder.dense.weight", "head.bias", "head.weight"]);
    assert_eq!(report.unexpected, ["pooler.dense.weight"]);
    assert!(reloaded.forward(&xs).equal(&expected));

    // Without the head, strict loading lists what is missing; partial loading keeps the head.
    let encoder_only = dir.path().join("encoder.safetensors");
    let encoder: Vec<(&str, Tensor)> =
        refs.iter().filter(|(n, _)| n.starts_with("encoder.")).map(|(n, t)| (*n, t.shallow_clone())).collect();
    save(&encoder_only, &encoder);
    let mut fresh = VarStore::new(device);
    let _model = seeded(3, || tiny_model(&fresh));
    match load_safetensors(&mut fresh, &[&encoder_only], LoadMode::Strict) {
        Err(Error::MissingTensors { names, .. }) => assert_eq!(names, ["head.bias", "head.weight"]),
        other => panic!("expected MissingTensors, got {other:?}"),
    }
    let report = load_safetensors(&mut fresh, &[&encoder_only], LoadMode::Partial).unwrap();
    assert_eq!(report.missing, ["head.bias", "head.weight"]);
    assert_eq!(report.loaded, ["encoder.dense.bias", "encoder.dense.weight"]);
    // Only the picked variables: each must be there, the rest are not reported missing.
    fn encoder_variable(name: &str) -> bool {
        name.starts_with("encoder.")
    }
    fn head_variable(name: &str) -> bool {
        name.starts_with("head.")
    }
    let report = load_safetensors(&mut fresh, &[&encoder_only], LoadMode::Only(encoder_variable)).unwrap();
    assert_eq!((report.loaded.len(), report.missing.len()), (2, 0));
    match load_safetensors(&mut fresh, &[&encoder_only], LoadMode::Only(head_variable)) {
        Err(Error::MissingTensors { names, .. }) => assert_eq!(names, ["head.bias", "head.weight"]),
        other => panic!("expected MissingTensors, got {other:?}"),
    }

    // A tensor of the wrong shape is an error naming it.
    let wrong = dir.path().join("wrong.safetensors");
    let mut bad: Vec<(&str, Tensor)> = refs.iter().map(|(n, t)| (*n, t.shallow_clone())).collect();
    bad[0].1 = Tensor::zeros([7], (Kind::Float, Device::Cpu));
    let bad_name = bad[0].0.to_owned();
    save(&wrong, &bad);
    match load_safetensors(&mut fresh, &[&wrong], LoadMode::Strict) {
        Err(Error::ShapeMismatch { name, file, .. }) => {
            assert_eq!(name, bad_name);
            assert_eq!(file, [7]);
        }
        other => panic!("expected ShapeMismatch, got {other:?}"),
    }
}

fn half_precision_weights_are_converted(device: Device) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("half.safetensors");
    let values =
        Tensor::from_slice(&[0.5f32, -1.25, 3.0, 8.0, 0.0, 1.0, 2.0, 4.0, -0.5, 0.25, 0.75, 1.5]).reshape([3, 4]);
    save(
        &path,
        &[
            ("encoder.dense.weight", values.to_kind(Kind::Half)),
            ("encoder.dense.bias", Tensor::zeros([3], (Kind::Half, Device::Cpu))),
        ],
    );
    let mut vs = VarStore::new(device);
    // Under `seeded`'s lock like every initialisation here: drawing outside it races with
    // `seeding_is_reproducible`, which runs at once.
    let _layer = seeded(4, || nn::linear(vs.root() / "encoder" / "dense", 4, 3, Default::default()));
    load_safetensors(&mut vs, &[&path], LoadMode::Strict).unwrap();
    let weight = vs.variables()["encoder.dense.weight"].to_device(Device::Cpu);
    assert_eq!(weight.kind(), Kind::Float);
    assert!(weight.equal(&values), "values exactly representable in f16 survive the conversion");
}

#[test]
fn unreadable_file_is_reported() {
    let mut vs = VarStore::new(Device::Cpu);
    let _layer = seeded(5, || nn::linear(vs.root(), 2, 2, Default::default()));
    let err = load_safetensors(&mut vs, &[Path::new("/nonexistent/model.safetensors")], LoadMode::Strict).unwrap_err();
    assert!(err.to_string().contains("/nonexistent/model.safetensors"), "{err}");
}

#[test]
fn auto_device_resolves() {
    let device = DeviceSpec::Auto.resolve().unwrap();
    assert_eq!(device == Device::Cpu, hysim_nn::cuda_device_count() == 0);
}

/// The SmolLM2 GGUF of the model cache and the reference checks of `../shared/reference`,
/// or why the test cannot run.
fn smollm2() -> Result<(hysim_nn::gguf::Gguf, serde_json::Value), String> {
    let model = hysim_core::cache::default_decoder_gguf();
    let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/smollm2/logits.json");
    if !model.is_file() {
        return Err(format!("no model at {} (run `cargo xtask setup`)", model.display()));
    }
    let text = std::fs::read_to_string(&reference)
        .map_err(|_| format!("no reference at {} (../shared is absent)", reference.display()))?;
    Ok((hysim_nn::gguf::Gguf::open(&model).unwrap(), serde_json::from_str(&text).unwrap()))
}

#[test]
fn smollm2_gguf_dequantises_like_the_reference() {
    let (gguf, reference) = match smollm2() {
        Ok(found) => found,
        Err(why) => {
            #[allow(clippy::print_stderr, reason = "a skipped test says why")]
            {
                eprintln!("skipped: {why}");
            }
            return;
        }
    };
    assert_eq!(gguf.get("general.architecture").and_then(|v| v.as_str()), Some("llama"));
    let n_head = gguf.get("llama.attention.head_count").and_then(|v| v.as_u64()).unwrap() as usize;
    let n_kv = gguf.get("llama.attention.head_count_kv").and_then(|v| v.as_u64()).unwrap() as usize;
    assert_eq!((n_head, n_kv), (9, 3));
    let checks = reference["tensor_checks"].as_object().unwrap();
    let gguf_name = |hf: &str| -> (String, Option<usize>) {
        let name = hf
            .replace("model.embed_tokens", "token_embd")
            .replace("model.norm", "output_norm")
            .replace("model.layers.", "blk.")
            .replace("self_attn.q_proj", "attn_q")
            .replace("self_attn.k_proj", "attn_k")
            .replace("mlp.down_proj", "ffn_down");
        let heads = if hf.contains("q_proj") {
            Some(n_head)
        } else if hf.contains("k_proj") {
            Some(n_kv)
        } else {
            None
        };
        (name, heads)
    };
    for (hf, check) in checks {
        let (name, heads) = gguf_name(hf);
        let info = &gguf.tensors[&name];
        let shape: Vec<usize> =
            check["shape"].as_array().unwrap().iter().map(|d| d.as_u64().unwrap() as usize).collect();
        assert_eq!(info.shape, shape, "{hf}");
        let mut values = gguf.tensor_f32(&name).unwrap();
        if let Some(h) = heads {
            values = hysim_nn::gguf::unpermute_rows(&values, shape[0], shape[1], h);
        }
        let sum: f64 = values.iter().map(|v| f64::from(*v)).sum();
        let abs_sum: f64 = values.iter().map(|v| f64::from(v.abs())).sum();
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-3 * b.abs().max(1.0);
        assert!(close(sum, check["sum"].as_f64().unwrap()), "{hf}: sum {sum} vs {}", check["sum"]);
        assert!(close(abs_sum, check["abs_sum"].as_f64().unwrap()), "{hf}: abs sum {abs_sum}");
        for (k, expect) in check["first8"].as_array().unwrap().iter().enumerate() {
            assert!((f64::from(values[k]) - expect.as_f64().unwrap()).abs() < 1e-5, "{hf}[{k}]: {}", values[k]);
        }
    }
}
