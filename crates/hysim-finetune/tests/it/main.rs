//! Weighted fine-tuning on a tiny random Llama (CPU, fixed seed): it learns a toy batch,
//! a zero-weight example adds no gradient, unit weights are plain fine-tuning,
//! accumulation equals a larger batch, and a resumed run ends where an uninterrupted one
//! does; mixed precision (bfloat16 base, float32 adapters) learns and resumes exactly too.

use hysim_finetune::{Example, TrainConfig, Trainer, collate, weighted_loss};
use hysim_models::llama::{Config, Llama, LoraConfig, is_lora_variable};
use hysim_nn::seed;
use hysim_nn::tch::nn::VarStore;
use hysim_nn::tch::{Device, Kind, Reduction, Tensor};

/// libtorch's generator is global and tests run in parallel: seeding and building a
/// model happen under one lock, so every test gets the same initial weights.
static INIT: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn model(lora: bool) -> (VarStore, Llama) {
    let _lock = INIT.lock().unwrap_or_else(|e| e.into_inner());
    seed(7);
    let vs = VarStore::new(Device::Cpu);
    let lora_cfg =
        LoraConfig { rank: 4, alpha: 8.0, targets: vec!["q_proj".into(), "v_proj".into(), "up_proj".into()] };
    let m = Llama::with_lora(vs.root(), &Config::tiny(), lora.then_some(&lora_cfg)).unwrap();
    (vs, m)
}

fn example(ids: &[i64], prompt: usize, weight: f64) -> Example {
    let labels = ids.iter().enumerate().map(|(i, t)| if i < prompt { -100 } else { *t }).collect();
    Example { input_ids: ids.to_vec(), labels, weight }
}

fn loss_of(m: &Llama, examples: &[&Example]) -> Tensor {
    let batch = collate(examples, 0).unwrap();
    weighted_loss(&m.forward(&batch.input_ids, None), &batch.labels, &batch.weights)
}

fn grads(vs: &VarStore) -> Vec<Tensor> {
    let mut vars: Vec<(String, Tensor)> = vs.variables().into_iter().collect();
    vars.sort_by(|a, b| a.0.cmp(&b.0));
    vars.iter().filter(|(n, _)| is_lora_variable(n)).map(|(_, t)| t.grad().copy()).collect()
}

fn max_diff(a: &[Tensor], b: &[Tensor]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs().max().double_value(&[])).fold(0.0, f64::max)
}

/// The toy batch the learning tests fit.
fn toy_batch() -> [Example; 2] {
    [example(&[1, 5, 9, 13, 17, 21, 25], 2, 1.0), example(&[2, 6, 10, 14, 18, 22, 26], 2, 1.0)]
}

/// 80 LoRA steps on the toy batch; asserts the loss falls below 30 % of its start.
fn learns_the_toy_batch(vs: &VarStore, m: &Llama) {
    let cfg = TrainConfig { lr: 1e-2, min_lr: 1e-3, warmup_steps: 5, total_steps: 80, ..TrainConfig::default() };
    let mut trainer = Trainer::new(vs, cfg, is_lora_variable).unwrap();
    assert!(trainer.trainable().iter().all(|(n, _)| n.contains("lora_")));
    let data = toy_batch();
    let batch: Vec<&Example> = data.iter().collect();
    let first = loss_of(m, &batch).double_value(&[]);
    for _ in 0..80 {
        let loss = loss_of(m, &batch);
        trainer.backward(&loss);
    }
    let last = loss_of(m, &batch).double_value(&[]);
    assert!(last < 0.3 * first, "loss {first} -> {last}");
    assert_eq!(trainer.step(), 80);
}

#[test]
fn lora_learns_a_toy_batch() {
    let (vs, m) = model(true);
    learns_the_toy_batch(&vs, &m);
}

#[test]
fn mixed_precision_lora_keeps_float32_adapters_and_learns() {
    let (vs, m) = model(true);
    let data = toy_batch();
    let batch: Vec<&Example> = data.iter().collect();
    let full = loss_of(&m, &batch).double_value(&[]);
    let cast = Llama::cast_base(&vs, Kind::BFloat16);
    let vars = vs.variables();
    assert_eq!(cast, vars.keys().filter(|n| !is_lora_variable(n)).count());
    for (name, var) in &vars {
        let want = if is_lora_variable(name) { Kind::Float } else { Kind::BFloat16 };
        assert_eq!(var.kind(), want, "{name}");
    }
    // The same model in bfloat16 gives nearly the same loss (bfloat16 keeps 8 bits).
    let first = loss_of(&m, &batch).double_value(&[]);
    assert!((first - full).abs() < 0.02 * full, "float32 {full}, bfloat16 {first}");
    learns_the_toy_batch(&vs, &m);
    // The optimizer updated the float32 adapters, and they are still float32.
    for (name, var) in vs.variables() {
        if is_lora_variable(&name) {
            assert_eq!(var.kind(), Kind::Float, "{name}");
            if name.contains("lora_B") {
                assert!(var.abs().max().double_value(&[]) > 0.0, "{name} never moved");
            }
        }
    }
}

#[test]
fn zero_weight_adds_no_gradient_and_unit_weights_are_plain_fine_tuning() {
    let (vs, m) = model(true);
    let _t = Trainer::new(&vs, TrainConfig::default(), is_lora_variable).unwrap();
    let a = example(&[1, 5, 9, 13, 17], 1, 1.0);
    let b = example(&[3, 7, 11, 15, 19, 23], 2, 0.0);
    let b_other = example(&[60, 61, 62, 63, 1, 2], 2, 0.0);
    let grad_of = |examples: &[&Example], factor: f64| {
        for (_, t) in vs.variables() {
            let mut g = t.grad();
            if g.defined() {
                let _ = g.zero_();
            }
        }
        (loss_of(&m, examples) * factor).backward();
        grads(&vs)
    };
    assert_eq!((a.targets(), b.targets(), example(&[3, 7, 11, 15], 2, 1.0).targets()), (4, 4, 2));
    // [a (w=1), b (w=0)]: a's summed loss over the batch's 8 target tokens (4 each), half
    // of a's gradient alone, and it does not depend on b's tokens.
    let with_b = grad_of(&[&a, &b], 1.0);
    let with_other = grad_of(&[&a, &b_other], 1.0);
    let alone = grad_of(&[&a], 0.5);
    assert!(max_diff(&with_b, &alone) < 1e-7, "{}", max_diff(&with_b, &alone));
    assert_eq!(max_diff(&with_b, &with_other), 0.0);
    // Unit weights: the mean token cross-entropy over every target token of the batch.
    let ones = [example(&[1, 5, 9, 13, 17], 1, 1.0), example(&[3, 7, 11, 15], 2, 1.0)];
    let weighted = loss_of(&m, &ones.iter().collect::<Vec<_>>()).double_value(&[]);
    let plain: f64 = ones
        .iter()
        .map(|e| {
            let logits = m.forward(&Tensor::from_slice(&e.input_ids).unsqueeze(0), None).squeeze_dim(0);
            let n = e.input_ids.len() as i64;
            let targets = Tensor::from_slice(&e.labels[1..]);
            logits
                .narrow(0, 0, n - 1)
                .cross_entropy_loss::<Tensor>(&targets, None, Reduction::Sum, -100, 0.0)
                .double_value(&[])
        })
        .sum::<f64>()
        / ones.iter().map(|e| e.targets() as f64).sum::<f64>();
    assert!((weighted - plain).abs() < 1e-6, "{weighted} vs {plain}");
}

#[test]
fn accumulation_equals_one_larger_batch() {
    let data = [example(&[1, 5, 9, 13], 1, 0.7), example(&[2, 6, 10, 14], 1, 1.3)];
    let cfg = |accumulation| TrainConfig {
        lr: 1e-2,
        warmup_steps: 1,
        total_steps: 10,
        accumulation,
        ..TrainConfig::default()
    };
    let (vs1, m1) = model(true);
    let mut t1 = Trainer::new(&vs1, cfg(1), is_lora_variable).unwrap();
    t1.backward(&loss_of(&m1, &[&data[0], &data[1]]));
    let (vs2, m2) = model(true);
    let mut t2 = Trainer::new(&vs2, cfg(2), is_lora_variable).unwrap();
    // Each micro-batch of one example; the trainer divides each loss by the accumulation.
    assert!(!t2.backward(&(loss_of(&m2, &[&data[0]]))));
    assert!(t2.backward(&(loss_of(&m2, &[&data[1]]))));
    let values = |t: &Trainer| t.trainable().iter().map(|(_, p)| p.copy()).collect::<Vec<_>>();
    assert!(max_diff(&values(&t1), &values(&t2)) < 1e-6);
}

#[test]
fn a_resumed_run_ends_where_an_uninterrupted_one_does() {
    resume_case(false);
}

#[test]
fn a_resumed_mixed_precision_run_ends_where_an_uninterrupted_one_does() {
    resume_case(true);
}

/// Six steps straight against three, a checkpoint, a fresh model and three more; `mixed`:
/// base weights bfloat16, adapters float32 (`Llama::cast_base`).
fn resume_case(mixed: bool) {
    let cast = |vs: &VarStore| {
        if mixed {
            Llama::cast_base(vs, Kind::BFloat16);
        }
    };
    let data = [example(&[1, 5, 9, 13, 17], 1, 1.0), example(&[2, 6, 10, 14, 18], 2, 0.5)];
    let batch: Vec<&Example> = data.iter().collect();
    let cfg = TrainConfig { lr: 5e-3, warmup_steps: 2, total_steps: 8, weight_decay: 0.01, ..TrainConfig::default() };
    let (vs, m) = model(true);
    cast(&vs);
    let mut straight = Trainer::new(&vs, cfg.clone(), is_lora_variable).unwrap();
    for _ in 0..6 {
        straight.backward(&loss_of(&m, &batch));
    }
    let dir = tempfile::tempdir().unwrap();
    let ckpt = dir.path().join("ckpt");
    let (vs2, m2) = model(true);
    cast(&vs2);
    let mut first = Trainer::new(&vs2, cfg, is_lora_variable).unwrap();
    for _ in 0..3 {
        first.backward(&loss_of(&m2, &batch));
    }
    first.save(&ckpt).unwrap();
    first.save(&ckpt).unwrap(); // replacing a checkpoint works too
    drop(first);
    // A fresh process: the same model built anew (different LoRA init), then resumed.
    let (vs3, m3) = {
        let _lock = INIT.lock().unwrap_or_else(|e| e.into_inner());
        seed(1234);
        let vs3 = VarStore::new(Device::Cpu);
        let lora =
            LoraConfig { rank: 4, alpha: 8.0, targets: vec!["q_proj".into(), "v_proj".into(), "up_proj".into()] };
        let m3 = Llama::with_lora(vs3.root(), &Config::tiny(), Some(&lora)).unwrap();
        cast(&vs3);
        (vs3, m3)
    };
    // The base weights come from the original model (as they would from the GGUF).
    {
        let _g = hysim_nn::tch::no_grad_guard();
        let base = vs2.variables();
        for (name, t) in vs3.variables() {
            if !is_lora_variable(&name) {
                t.shallow_clone().copy_(&base[&name]);
            }
        }
    }
    let mut resumed = Trainer::resume(&vs3, &ckpt).unwrap();
    assert_eq!(resumed.step(), 3);
    for _ in 0..3 {
        resumed.backward(&loss_of(&m3, &batch));
    }
    let values = |t: &Trainer| t.trainable().iter().map(|(_, p)| p.to_kind(Kind::Double)).collect::<Vec<_>>();
    assert_eq!(max_diff(&values(&straight), &values(&resumed)), 0.0, "resume must be exact on the CPU");
    let missing = Trainer::resume(&vs3, &dir.path().join("nope")).unwrap_err().to_string();
    assert!(missing.contains("nope") && missing.contains("state.json"), "{missing}");
}

#[test]
fn fit_validates_keeps_checkpoints_and_resumes_to_the_same_weights() {
    use hysim_finetune::{FitConfig, fit};
    let train: Vec<Example> =
        (0..6).map(|k| example(&[1 + k, 5 + k, 9 + k, 13 + k, 17 + k], 1, 1.0 + k as f64 / 10.0)).collect();
    let val = vec![example(&[2, 6, 10, 14, 18], 1, 1.0)];
    let cfg = TrainConfig { lr: 5e-3, warmup_steps: 2, total_steps: 8, ..TrainConfig::default() };
    let fit_cfg = FitConfig { batch_size: 4, eval_every: 4, patience: 0, seed: 3 };
    let dir = tempfile::tempdir().unwrap();
    // Uninterrupted.
    let (vs, m) = model(true);
    let mut t = Trainer::new(&vs, cfg.clone(), is_lora_variable).unwrap();
    let loss = |b: &[&Example]| loss_of(&m, b);
    let mut seen = Vec::new();
    let report = fit(&mut t, &loss, &train, &val, 8, &fit_cfg, Some(dir.path()), &mut |s, _| seen.push(s)).unwrap();
    assert_eq!(seen, (1..=8).collect::<Vec<_>>());
    assert_eq!((report.steps, report.history.len()), (8, 2));
    assert!(
        dir.path().join("best").join("state.json").is_file()
            && dir.path().join("last").join("trainable.safetensors").is_file()
    );
    // Interrupted after 4 steps (the `last` checkpoint of a run stopped there), then resumed.
    let dir2 = tempfile::tempdir().unwrap();
    let (vs2, m2) = model(true);
    let mut t2 = Trainer::new(&vs2, cfg, is_lora_variable).unwrap();
    let loss2 = |b: &[&Example]| loss_of(&m2, b);
    fit(&mut t2, &loss2, &train, &val, 4, &fit_cfg, Some(dir2.path()), &mut |_, _| {}).unwrap();
    let mut resumed = Trainer::resume(&vs2, &dir2.path().join("last")).unwrap();
    fit(&mut resumed, &loss2, &train, &val, 8, &fit_cfg, Some(dir2.path()), &mut |_, _| {}).unwrap();
    let values = |t: &Trainer| t.trainable().iter().map(|(_, p)| p.copy()).collect::<Vec<_>>();
    assert_eq!(max_diff(&values(&t), &values(&resumed)), 0.0);
}

/// `eval_every = 0`: no validation loss is computed, and the `last` checkpoint is written
/// once, at the end (the weights the run ends with).
#[test]
fn a_fit_without_validation_writes_its_last_checkpoint() {
    use hysim_finetune::{FitConfig, fit};
    let train: Vec<Example> = (0..3).map(|k| example(&[1 + k, 5 + k, 9 + k], 1, 1.0)).collect();
    let val = vec![example(&[2, 6, 10], 1, 1.0)];
    let (vs, m) = model(true);
    let mut t =
        Trainer::new(&vs, TrainConfig { warmup_steps: 1, total_steps: 3, ..TrainConfig::default() }, is_lora_variable)
            .unwrap();
    let loss = |b: &[&Example]| loss_of(&m, b);
    let dir = tempfile::tempdir().unwrap();
    let cfg = FitConfig { batch_size: 2, eval_every: 0, patience: 0, seed: 0 };
    let report = fit(&mut t, &loss, &train, &val, 3, &cfg, Some(dir.path()), &mut |_, _| {}).unwrap();
    assert_eq!((report.steps, report.history.len(), report.best), (3, 0, None));
    assert!(!dir.path().join("best").exists());
    let (vs2, _) = model(true);
    let resumed = Trainer::resume(&vs2, &dir.path().join("last")).unwrap();
    assert_eq!(resumed.step(), 3);
    let values = |t: &Trainer| t.trainable().iter().map(|(_, p)| p.copy()).collect::<Vec<_>>();
    assert_eq!(max_diff(&values(&t), &values(&resumed)), 0.0);
}

#[test]
fn a_resumed_fit_keeps_the_earlier_best() {
    use hysim_finetune::{Eval, FitConfig, FitReport, fit_from};
    let train = vec![example(&[1, 5, 9, 13, 17], 1, 1.0)];
    let (vs, m) = model(true);
    let mut t =
        Trainer::new(&vs, TrainConfig { warmup_steps: 1, total_steps: 2, ..TrainConfig::default() }, is_lora_variable)
            .unwrap();
    let loss = |b: &[&Example]| loss_of(&m, b);
    // An earlier run's best is unbeatable: the resumed run must not replace it.
    let earlier = Eval { step: 0, train_loss: 0.0, val_loss: -1.0 };
    let previous = FitReport { steps: 0, history: vec![earlier], best: Some(earlier), stopped_early: false };
    let cfg = FitConfig { batch_size: 1, eval_every: 1, patience: 0, seed: 0 };
    let report = fit_from(previous, &mut t, &loss, &train, &[], 2, &cfg, None, &mut |_, _| {}).unwrap();
    assert_eq!(report.best, Some(earlier));
    assert_eq!(report.history.len(), 3);
}
