//! Times weighted LoRA training steps of a GGUF decoder on a fixed random batch, for
//! `cargo xtask bench train` (the reference is `scripts/bench_train.py`, PyTorch +
//! transformers + peft doing the same steps).
//!
//! `bench_step GGUF|CONFIG.json --batch B --seq L --steps N --rank R [--targets q_proj,v_proj]
//! [--device D] [--dtype f32|bf16|mixed] [--autocast]` prints one JSON line:
//! `{"steps": N, "tokens": B*L*N, "seconds": ..., "tokens_per_second": ...}`.
//!
//! With a `config.json` (the HF layout) instead of a GGUF the weights are random: the same
//! shapes and the same work, for machines the GGUF file cannot be copied to. `--dtype bf16`
//! holds every weight (adapters included) in bfloat16, `--dtype mixed` the base weights in
//! bfloat16 and the adapters in float32 (`hysim train`'s bf16); `--autocast` runs the step under
//! libtorch's CUDA autocast (float16 there, the dtype tch's autocast uses).

use std::path::PathBuf;
use std::time::Instant;

use hysim_finetune::{Example, TrainConfig, Trainer, collate, weighted_loss};
use hysim_models::llama::{Config, Llama, LoraConfig, is_lora_variable};
use hysim_nn::tch::Device;
use hysim_nn::tch::nn::VarStore;

fn arg(args: &[String], name: &str, default: usize) -> usize {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn device_index(device: Device) -> i64 {
    match device {
        Device::Cuda(i) => i as i64,
        _ => 0,
    }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let gguf_path = PathBuf::from(
        args.get(1)
            .ok_or_else(|| anyhow::anyhow!("usage: bench_step GGUF [--batch B] [--seq L] [--steps N] [--rank R]"))?,
    );
    let (batch, seq, steps, rank) =
        (arg(&args, "--batch", 2), arg(&args, "--seq", 256), arg(&args, "--steps", 5), arg(&args, "--rank", 8));
    let text = |name: &str, default: &str| {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned().unwrap_or_else(|| default.to_owned())
    };
    let device: Device = text("--device", "cpu").parse::<hysim_nn::DeviceSpec>()?.resolve()?;
    let autocast = args.iter().any(|a| a == "--autocast");
    hysim_nn::seed(0);
    let targets = text("--targets", "q_proj,v_proj").split(',').map(str::to_owned).collect();
    let lora = LoraConfig { rank: rank as i64, alpha: 2.0 * rank as f64, targets };
    let mut vs = VarStore::new(device);
    let (model, cfg) = if gguf_path.extension().is_some_and(|e| e == "json") {
        let cfg: Config = serde_json::from_str(&std::fs::read_to_string(&gguf_path)?)?;
        (Llama::with_lora(vs.root(), &cfg, Some(&lora))?, cfg)
    } else {
        let gguf = hysim_nn::gguf::Gguf::open(&gguf_path)?;
        let cfg = Config::from_gguf(&gguf)?;
        let model = Llama::with_lora(vs.root(), &cfg, Some(&lora))?;
        Llama::load_gguf(&mut vs, &gguf, &cfg)?;
        (model, cfg)
    };
    match text("--dtype", "f32").as_str() {
        "f32" => {}
        "bf16" => vs.bfloat16(),
        // What `hysim train` does with dtype bf16: base weights bfloat16, adapters float32.
        "mixed" => {
            Llama::cast_base(&vs, hysim_nn::tch::Kind::BFloat16);
        }
        other => anyhow::bail!("--dtype {other}: expected f32, bf16 or mixed"),
    }
    let train = TrainConfig {
        lr: 1e-4,
        min_lr: 1e-4,
        warmup_steps: 0,
        total_steps: steps + 1,
        max_grad_norm: 1.0,
        ..TrainConfig::default()
    };
    let mut trainer = Trainer::new(&vs, train, is_lora_variable)?;
    // A fixed pseudo-random batch: every position is a target.
    let examples: Vec<Example> = (0..batch)
        .map(|b| {
            let ids: Vec<i64> =
                (0..seq).map(|t| ((b * 7919 + t * 104_729) % (cfg.vocab_size as usize - 100)) as i64 + 100).collect();
            Example { labels: ids.clone(), input_ids: ids, weight: 1.0 }
        })
        .collect();
    let refs: Vec<&Example> = examples.iter().collect();
    let step = |trainer: &mut Trainer| {
        let b = collate(&refs, 0).expect("invariant: well-formed examples");
        let loss = hysim_nn::tch::autocast(autocast, || {
            weighted_loss(&model.forward(&b.input_ids.to_device(device), None), &b.labels, &b.weights)
        });
        trainer.backward(&loss);
    };
    step(&mut trainer); // warm-up, not timed
    let started = Instant::now();
    for _ in 0..steps {
        step(&mut trainer);
    }
    if device.is_cuda() {
        hysim_nn::tch::Cuda::synchronize(device_index(device));
    }
    let seconds = started.elapsed().as_secs_f64();
    let tokens = batch * seq * steps;
    #[allow(clippy::print_stdout, reason = "the measurement is the output")]
    {
        println!(
            "{{\"steps\": {steps}, \"tokens\": {tokens}, \"seconds\": {seconds:.4}, \"tokens_per_second\": {:.2}}}",
            tokens as f64 / seconds
        );
    }
    Ok(())
}
