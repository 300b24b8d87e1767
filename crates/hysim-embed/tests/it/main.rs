//! Tests of the embedding stage: a tiny random encoder folder built in the test, and
//! parity with sentence-transformers on the real all-MiniLM-L6-v2 (`../shared/reference`).
#![allow(clippy::print_stderr, reason = "a skipped parity test says why on stderr")]

use std::path::{Path, PathBuf};

use hysim_embed::{Cache, EmbedOptions, Encoder};
use hysim_models::bert::{BertModel, Config};
use hysim_nn::tch::Device;
use hysim_nn::tch::nn::VarStore;
use hysim_nn::{DType, seed};

const WORDS: &[&str] = &["cmax", "tmax", "auc", "ng/ml", "h", "mean", "sd", "plasma", "dog", "cattle", "1.5", "6.2"];

/// Writes a tiny random BERT folder: config, weights, a word-level tokenizer, pooling.
fn tiny_model_dir(dir: &Path) {
    let cfg = Config::tiny();
    std::fs::write(dir.join("config.json"), serde_json::to_string(&cfg).unwrap()).unwrap();
    seed(3);
    let vs = VarStore::new(Device::Cpu);
    let _model = BertModel::new(vs.root(), &cfg).unwrap();
    vs.save(dir.join("model.safetensors")).unwrap();
    let mut vocab = serde_json::Map::new();
    for (i, token) in ["[PAD]", "[CLS]", "[SEP]", "[UNK]"].iter().chain(WORDS).enumerate() {
        vocab.insert((*token).to_owned(), i.into());
    }
    let tokenizer = serde_json::json!({
        "version": "1.0", "truncation": null, "padding": null, "added_tokens": [],
        "normalizer": {"type": "Lowercase"},
        "pre_tokenizer": {"type": "WhitespaceSplit"},
        "post_processor": {"type": "BertProcessing", "sep": ["[SEP]", 2], "cls": ["[CLS]", 1]},
        "decoder": null,
        "model": {"type": "WordLevel", "vocab": vocab, "unk_token": "[UNK]"}
    });
    std::fs::write(dir.join("tokenizer.json"), tokenizer.to_string()).unwrap();
    std::fs::create_dir_all(dir.join("1_Pooling")).unwrap();
    std::fs::write(dir.join("1_Pooling/config.json"), r#"{"pooling_mode_mean_tokens": true}"#).unwrap();
    std::fs::write(dir.join("modules.json"), r#"[{"type": "sentence_transformers.models.Normalize"}]"#).unwrap();
}

fn texts() -> Vec<&'static str> {
    vec!["Cmax ng/mL 6.2", "Tmax h 1.5", "Cmax ng/mL 6.2", "AUC plasma dog cattle mean SD", "", "unknown words here"]
}

fn max_diff(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0.0, f32::max)
}

#[test]
fn tiny_encoder_shapes_norms_dedup_and_batching() {
    let dir = tempfile::tempdir().unwrap();
    tiny_model_dir(dir.path());
    let encoder = Encoder::load(dir.path(), Device::Cpu, DType::F32).unwrap();
    assert_eq!(encoder.dim(), 16);
    let texts = texts();
    let (rows, stats) = encoder.embed(&texts, &EmbedOptions { batch_size: 4, dedup: true }, None).unwrap();
    assert_eq!(rows.len(), texts.len() * 16);
    assert_eq!((stats.texts, stats.unique, stats.encoded, stats.batches), (6, 5, 5, 2));
    for row in rows.chunks(16) {
        let norm = row.iter().map(|v| v * v).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-5, "norm {norm}");
    }
    assert_eq!(rows[0..16], rows[32..48], "repeated text, identical row");
    let (one_by_one, stats) = encoder.embed(&texts, &EmbedOptions { batch_size: 1, dedup: false }, None).unwrap();
    assert_eq!(stats.encoded, 6);
    assert!(max_diff(&rows, &one_by_one) < 1e-5, "padding and batching change nothing");
}

#[test]
fn cache_is_reused_and_corruption_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    tiny_model_dir(dir.path());
    let cache_root = dir.path().join("cache");
    let encoder = Encoder::load(dir.path(), Device::Cpu, DType::F32).unwrap();
    let texts = texts();
    let opts = EmbedOptions::default();
    let mut cache = Cache::open(&cache_root, encoder.id()).unwrap();
    let (first, stats) = encoder.embed(&texts, &opts, Some(&mut cache)).unwrap();
    assert_eq!(stats.cached, 0);
    cache.flush().unwrap();

    let mut cache = Cache::open(&cache_root, encoder.id()).unwrap();
    assert_eq!(cache.len(), 5);
    let (second, stats) = encoder.embed(&texts, &opts, Some(&mut cache)).unwrap();
    assert_eq!((stats.cached, stats.encoded), (5, 0));
    assert_eq!(first, second);

    // Flip one byte of the vectors: the checksum catches it and the shard is rebuilt.
    let shard: PathBuf = std::fs::read_dir(cache.dir()).unwrap().map(|e| e.unwrap().path()).next().unwrap();
    let mut bytes = std::fs::read(&shard).unwrap();
    let last = bytes.len() - 3;
    bytes[last] ^= 0x55;
    std::fs::write(&shard, bytes).unwrap();
    let mut cache = Cache::open(&cache_root, encoder.id()).unwrap();
    assert_eq!(cache.rejected, vec![shard.clone()]);
    assert!(cache.is_empty());
    let (third, stats) = encoder.embed(&texts, &opts, Some(&mut cache)).unwrap();
    assert_eq!(stats.encoded, 5);
    assert_eq!(third, first);
}

#[test]
fn missing_files_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let err = Encoder::load(dir.path(), Device::Cpu, DType::F32).unwrap_err();
    assert!(err.to_string().contains("has no config.json"), "{err}");
}

#[derive(serde::Deserialize)]
struct Reference {
    max_seq_length: usize,
    cases: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    text: String,
    input_ids: Vec<u32>,
    embedding: Vec<f32>,
}

/// Parity with sentence-transformers; skipped, saying why, when the reference outputs or
/// the model (installed by `cargo xtask setup`) are absent.
#[test]
fn minilm_matches_sentence_transformers() {
    let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/minilm/embeddings.json");
    let model_dir = hysim_core::cache::model_dir(hysim_core::cache::DEFAULT_ENCODER);
    if !reference.is_file() {
        eprintln!("skipped: {} is absent (a clone without ../shared has no reference outputs)", reference.display());
        return;
    }
    if !model_dir.join("model.safetensors").is_file() {
        eprintln!("skipped: the model is not in {} (run `cargo xtask setup`)", model_dir.display());
        return;
    }
    let r: Reference = serde_json::from_str(&std::fs::read_to_string(&reference).unwrap()).unwrap();
    let encoder = Encoder::load(&model_dir, Device::Cpu, DType::F32).unwrap();
    assert_eq!(encoder.tokenizer().max_len(), r.max_seq_length);
    for case in &r.cases {
        assert_eq!(encoder.tokenizer().encode(&case.text).unwrap(), case.input_ids, "token ids of {:?}", case.text);
    }
    let texts: Vec<&str> = r.cases.iter().map(|c| c.text.as_str()).collect();
    for batch_size in [64, 3] {
        let (rows, _) = encoder.embed(&texts, &EmbedOptions { batch_size, dedup: true }, None).unwrap();
        for (case, row) in r.cases.iter().zip(rows.chunks(384)) {
            let diff = max_diff(row, &case.embedding);
            assert!(diff < 1e-5, "batch {batch_size}: {:?} differs by {diff}", case.text);
        }
    }
}
