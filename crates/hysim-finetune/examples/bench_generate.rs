//! Times batched greedy decoding with a KV cache, the loop `hysim extract` runs for the
//! decoder (`generate_constrained_batch`), against `scripts/bench_generate.py` (PyTorch +
//! transformers' `generate`, greedy, the same model, batch, prompt and answer lengths).
//!
//! `bench_generate GGUF|CONFIG.json --batch B --prompt P --new N [--device D]
//! [--dtype f32|bf16] [--mode loop|forward]` prints one JSON line:
//! `{"batch": B, "prompt": P, "new": N, "seconds": ..., "new_tokens_per_second": ...}`.
//!
//! With a `config.json` (the HF layout) the weights are random: the same shapes and work.
//! Every row gets its `P` prompt tokens (fixed pseudo-random ids) and writes exactly `N`
//! tokens. `--mode loop` (the default) is the extraction loop with a grammar that admits
//! every token but the end (so each step also moves each row's likeliest tokens to the CPU
//! and picks there, as extraction does); `--mode forward` keeps the chosen ids on the device
//! (argmax there, as `generate` does), to tell the model's time from the loop's.

use std::path::PathBuf;
use std::time::Instant;

use hysim_finetune::{Grammar, generate_constrained_batch};
use hysim_models::llama::{Config, KvCache, Llama};
use hysim_nn::tch::nn::VarStore;
use hysim_nn::tch::{Device, Kind, Tensor};

fn arg(args: &[String], name: &str, default: usize) -> usize {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Admits every token; never ends, so each row writes its limit.
struct Anything;

impl Grammar for Anything {
    fn valid_prefix(&self, _answer: &str) -> bool {
        true
    }
    fn can_end(&self, _answer: &str) -> bool {
        false
    }
}

fn synchronize(device: Device) {
    if let Device::Cuda(i) = device {
        hysim_nn::tch::Cuda::synchronize(i as i64);
    }
}

/// Greedy decoding with the ids kept on the device: the model's share of a step.
fn forward_only(model: &Llama, prompts: &[Vec<i64>], new: usize, device: Device) {
    let _guard = hysim_nn::tch::no_grad_guard();
    let (b, p) = (prompts.len() as i64, prompts[0].len() as i64);
    let ids: Vec<i64> = prompts.concat();
    let mut input = Tensor::from_slice(&ids).view([b, p]).to_device(device);
    let pad = vec![0; prompts.len()];
    let mut cache = KvCache::default();
    for _ in 0..new {
        let logits = model.forward_padded_last(&input, &pad, Some(&mut cache));
        input = logits.argmax(-1, true);
    }
    synchronize(device);
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let model_path = PathBuf::from(args.get(1).ok_or_else(|| {
        anyhow::anyhow!(
            "usage: bench_generate GGUF|CONFIG.json [--batch B] [--prompt P] [--new N] [--device D] [--dtype f32|bf16] [--mode loop|forward]"
        )
    })?);
    let (batch, prompt, new) = (arg(&args, "--batch", 4), arg(&args, "--prompt", 256), arg(&args, "--new", 64));
    let text = |name: &str, default: &str| {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned().unwrap_or_else(|| default.to_owned())
    };
    let device: Device = text("--device", "cpu").parse::<hysim_nn::DeviceSpec>()?.resolve()?;
    let mode = text("--mode", "loop");
    anyhow::ensure!(mode == "loop" || mode == "forward", "--mode {mode}: expected loop or forward");
    hysim_nn::seed(0);
    let mut vs = VarStore::new(device);
    let (model, cfg) = if model_path.extension().is_some_and(|e| e == "json") {
        let cfg: Config = serde_json::from_str(&std::fs::read_to_string(&model_path)?)?;
        (Llama::new(vs.root(), &cfg)?, cfg)
    } else {
        let gguf = hysim_nn::gguf::Gguf::open(&model_path)?;
        let cfg = Config::from_gguf(&gguf)?;
        let model = Llama::new(vs.root(), &cfg)?;
        Llama::load_gguf(&mut vs, &gguf, &cfg)?;
        (model, cfg)
    };
    match text("--dtype", "f32").as_str() {
        "f32" => {}
        "bf16" => {
            Llama::cast_base(&vs, Kind::BFloat16);
        }
        other => anyhow::bail!("--dtype {other}: expected f32 or bf16"),
    }
    let vocab = cfg.vocab_size as usize;
    // Ids above the first 100 (special tokens) where the vocabulary has more.
    let (low, span) = if vocab > 100 { (100, vocab - 100) } else { (0, vocab.max(1)) };
    let prompts: Vec<Vec<i64>> =
        (0..batch).map(|b| (0..prompt).map(|t| ((b * 7919 + t * 104_729) % span + low) as i64).collect()).collect();
    // Token texts only matter to the grammar, which admits everything here.
    let texts: Vec<String> = (0..vocab).map(|id| format!("<{id}>")).collect();
    let run = |n: usize| {
        if mode == "forward" {
            forward_only(&model, &prompts, n, device);
        } else {
            let limits = vec![n; prompts.len()];
            let grammars: Vec<&dyn Grammar> = vec![&Anything; prompts.len()];
            let pieces = generate_constrained_batch(&model, &prompts, &texts, 0, &[], &grammars, &limits, device);
            assert!(pieces.iter().all(|p| p.len() == n), "invariant: every row writes its limit");
        }
    };
    run(8); // warm-up, not timed
    let started = Instant::now();
    run(new);
    let seconds = started.elapsed().as_secs_f64();
    let tokens = batch * new;
    #[allow(clippy::print_stdout, reason = "the measurement is the output")]
    {
        println!(
            "{{\"batch\": {batch}, \"prompt\": {prompt}, \"new\": {new}, \"mode\": \"{mode}\", \"seconds\": {seconds:.4}, \"new_tokens_per_second\": {:.2}}}",
            tokens as f64 / seconds
        );
    }
    Ok(())
}
