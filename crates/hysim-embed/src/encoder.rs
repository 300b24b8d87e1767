//! Loading a sentence encoder folder and embedding texts with it.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use hysim_core::hash_bytes;
use hysim_models::bert::{self, BertModel, Config};
use hysim_nn::tch::nn::VarStore;
use hysim_nn::tch::{self, Device, Kind, Tensor};
use hysim_nn::{DType, LoadMode, load_safetensors};
use hysim_text::Tokenizer;
use serde::Deserialize;

use crate::{Cache, Error, Result};

/// How token states become one vector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pooling {
    /// Mean over the attention mask.
    Mean,
    /// The first token.
    Cls,
}

/// Options of [`Encoder::embed`].
#[derive(Debug, Clone)]
pub struct EmbedOptions {
    /// Texts per forward pass (on CUDA, halved on out-of-memory).
    pub batch_size: usize,
    /// Encode each distinct text once.
    pub dedup: bool,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        Self { batch_size: 64, dedup: true }
    }
}

/// What one call of [`Encoder::embed`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedStats {
    /// Texts asked for.
    pub texts: usize,
    /// Distinct texts (equal to `texts` without deduplication).
    pub unique: usize,
    /// Taken from the cache.
    pub cached: usize,
    /// Run through the encoder.
    pub encoded: usize,
    /// Forward passes.
    pub batches: usize,
    /// Real tokens encoded.
    pub tokens: usize,
    /// Tokens including padding.
    pub padded_tokens: usize,
}

#[derive(Deserialize)]
struct PoolingFile {
    #[serde(default)]
    pooling_mode_cls_token: bool,
    #[serde(default = "yes")]
    pooling_mode_mean_tokens: bool,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
struct Module {
    #[serde(rename = "type")]
    kind: String,
}

#[derive(Deserialize)]
struct SentenceConfig {
    max_seq_length: Option<usize>,
}

/// A loaded sentence encoder.
#[derive(Debug)]
pub struct Encoder {
    model: BertModel,
    _vs: VarStore,
    tokenizer: Tokenizer,
    pooling: Pooling,
    normalize: bool,
    device: Device,
    dim: usize,
    id: String,
    dir: PathBuf,
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Option<T>> {
    if !path.exists() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
    serde_json::from_str(&text).map(Some).map_err(|source| Error::ModelJson { path: path.to_path_buf(), source })
}

/// The tensor names in a safetensors file, read from its header only.
fn tensor_names(path: &Path) -> Result<Vec<String>> {
    let read_err = |source| Error::Read { path: path.to_path_buf(), source };
    let mut file = std::fs::File::open(path).map_err(read_err)?;
    let mut len = [0u8; 8];
    file.read_exact(&mut len).map_err(read_err)?;
    let len = usize::try_from(u64::from_le_bytes(len)).unwrap_or(usize::MAX).min(100 << 20);
    let mut header = vec![0u8; len];
    file.read_exact(&mut header).map_err(read_err)?;
    let map: HashMap<String, serde_json::Value> =
        serde_json::from_slice(&header).map_err(|source| Error::ModelJson { path: path.to_path_buf(), source })?;
    Ok(map.into_keys().filter(|k| k != "__metadata__").collect())
}

impl Encoder {
    /// Loads a model folder onto `device` in `dtype`.
    pub fn load(dir: &Path, device: Device, dtype: DType) -> Result<Self> {
        let file = |name: &'static str| -> Result<PathBuf> {
            let path = dir.join(name);
            if path.is_file() { Ok(path) } else { Err(Error::MissingFile { dir: dir.to_path_buf(), file: name }) }
        };
        let config_path = file("config.json")?;
        let weights = file("model.safetensors")?;
        let tokenizer_path = file("tokenizer.json")?;
        let cfg = Config::load(&config_path)?;
        let pooling = match read_json::<PoolingFile>(&dir.join("1_Pooling").join("config.json"))? {
            Some(p) if p.pooling_mode_cls_token && !p.pooling_mode_mean_tokens => Pooling::Cls,
            _ => Pooling::Mean,
        };
        let normalize = read_json::<Vec<Module>>(&dir.join("modules.json"))?
            .is_some_and(|modules| modules.iter().any(|m| m.kind.ends_with("Normalize")));
        let max_len = read_json::<SentenceConfig>(&dir.join("sentence_bert_config.json"))?
            .and_then(|c| c.max_seq_length)
            .unwrap_or(512)
            .min(usize::try_from(cfg.max_position_embeddings).unwrap_or(512));
        let tokenizer = Tokenizer::from_file(&tokenizer_path, max_len)?;

        let prefixed = tensor_names(&weights)?.iter().any(|n| n.starts_with("bert."));
        let mut vs = VarStore::new(device);
        let root = if prefixed { vs.root() / "bert" } else { vs.root() };
        let model = BertModel::new(root, &cfg)?;
        let report = load_safetensors(&mut vs, &[&weights], LoadMode::Strict)?;
        tracing::debug!(loaded = report.loaded.len(), unexpected = ?report.unexpected, "encoder weights loaded");
        if dtype != DType::F32 {
            vs.set_kind(dtype.kind());
        }
        vs.freeze();

        let weights_hash = hysim_core::hash_file(&weights)?;
        let config_text =
            std::fs::read(&config_path).map_err(|source| Error::Read { path: config_path.clone(), source })?;
        let id = hash_bytes(
            format!("{weights_hash}\n{}\n{pooling:?}\n{normalize}\n{max_len}\n{dtype}", hash_bytes(&config_text))
                .as_bytes(),
        );
        tracing::info!(dir = %dir.display(), ?device, %dtype, ?pooling, normalize, max_len, "encoder loaded");
        Ok(Self {
            dim: usize::try_from(model.hidden_size()).expect("invariant: hidden size is positive"),
            model,
            _vs: vs,
            tokenizer,
            pooling,
            normalize,
            device,
            id,
            dir: dir.to_path_buf(),
        })
    }

    /// Width of the embeddings.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// A content hash of the weights, config and settings: the cache key's model part.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The model folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The tokenizer (truncating at the model's maximum length).
    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// Embeds `texts`; row `i` of the result (row-major, `texts.len() x dim`) is text `i`.
    pub fn embed(
        &self,
        texts: &[&str],
        opts: &EmbedOptions,
        cache: Option<&mut Cache>,
    ) -> Result<(Vec<f32>, EmbedStats)> {
        self.embed_with_progress(texts, opts, cache, &mut |_, _| {})
    }

    /// [`Encoder::embed`], calling `progress(encoded, to_encode)` after every batch.
    pub fn embed_with_progress(
        &self,
        texts: &[&str],
        opts: &EmbedOptions,
        mut cache: Option<&mut Cache>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(Vec<f32>, EmbedStats)> {
        let mut stats = EmbedStats { texts: texts.len(), ..EmbedStats::default() };
        // Distinct texts, and for each input the distinct text it maps to.
        let (unique, slot): (Vec<&str>, Vec<usize>) = if opts.dedup {
            let mut seen: HashMap<&str, usize> = HashMap::new();
            let mut unique = Vec::new();
            let slot = texts
                .iter()
                .map(|t| {
                    *seen.entry(t).or_insert_with(|| {
                        unique.push(*t);
                        unique.len() - 1
                    })
                })
                .collect();
            (unique, slot)
        } else {
            (texts.to_vec(), (0..texts.len()).collect())
        };
        stats.unique = unique.len();
        let dim = self.dim;
        let mut rows = vec![0f32; unique.len() * dim];
        let keys: Vec<String> = unique.iter().map(|t| hash_bytes(t.as_bytes())).collect();
        let mut todo = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            match cache.as_deref().and_then(|c| c.get(key)) {
                Some(v) if v.len() == dim => {
                    rows[i * dim..(i + 1) * dim].copy_from_slice(v);
                    stats.cached += 1;
                }
                _ => todo.push(i),
            }
        }
        let todo_texts: Vec<&str> = todo.iter().map(|&i| unique[i]).collect();
        let ids = self.tokenizer.encode_all(&todo_texts)?;
        // Longest first: batches of similar length waste little padding, and an
        // out-of-memory failure shows up on the first batch.
        let mut order: Vec<usize> = (0..todo.len()).collect();
        order.sort_by_key(|&k| std::cmp::Reverse(ids[k].len()));
        let batch_size = opts.batch_size.max(1);
        progress(0, todo.len());
        for chunk in order.chunks(batch_size) {
            let batch: Vec<&[u32]> = chunk.iter().map(|&k| ids[k].as_slice()).collect();
            let vectors = self.run_batch(&batch, &mut stats)?;
            for (&k, vector) in chunk.iter().zip(vectors.chunks_exact(dim)) {
                let i = todo[k];
                rows[i * dim..(i + 1) * dim].copy_from_slice(vector);
                if let Some(cache) = cache.as_deref_mut() {
                    cache.insert(keys[i].clone(), vector.to_vec());
                }
            }
            progress(stats.encoded, todo.len());
            tracing::debug!(done = stats.encoded, total = todo.len(), "embedding");
        }
        let out = slot.iter().flat_map(|&s| rows[s * dim..(s + 1) * dim].iter().copied()).collect();
        Ok((out, stats))
    }

    /// Encodes one batch; on an out-of-memory failure splits it in two and retries.
    fn run_batch(&self, batch: &[&[u32]], stats: &mut EmbedStats) -> Result<Vec<f32>> {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.forward(batch)));
        match result {
            Ok(vectors) => {
                let longest = batch.iter().map(|b| b.len()).max().unwrap_or(0);
                stats.batches += 1;
                stats.encoded += batch.len();
                stats.tokens += batch.iter().map(|b| b.len()).sum::<usize>();
                stats.padded_tokens += longest * batch.len();
                Ok(vectors)
            }
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                if message.contains("out of memory") && batch.len() > 1 {
                    tracing::warn!(batch = batch.len(), "out of memory; halving the batch");
                    let (a, b) = batch.split_at(batch.len() / 2);
                    let mut first = self.run_batch(a, stats)?;
                    first.extend(self.run_batch(b, stats)?);
                    Ok(first)
                } else {
                    Err(Error::Forward { batch: batch.len(), message })
                }
            }
        }
    }

    fn forward(&self, batch: &[&[u32]]) -> Vec<f32> {
        let longest = batch.iter().map(|b| b.len()).max().unwrap_or(0).max(1);
        let pad = i64::from(self.tokenizer.pad_id());
        let mut ids = Vec::with_capacity(batch.len() * longest);
        let mut mask = Vec::with_capacity(batch.len() * longest);
        for seq in batch {
            ids.extend(seq.iter().map(|&t| i64::from(t)));
            ids.extend(std::iter::repeat_n(pad, longest - seq.len()));
            mask.extend(std::iter::repeat_n(1i64, seq.len()));
            mask.extend(std::iter::repeat_n(0i64, longest - seq.len()));
        }
        let shape = [batch.len() as i64, longest as i64];
        let ids = Tensor::from_slice(&ids).view(shape).to_device(self.device);
        let mask = Tensor::from_slice(&mask).view(shape).to_device(self.device);
        tch::no_grad(|| {
            // Without padding the mask is all ones: leaving it out gives the same result and
            // lets libtorch use its fused attention kernels.
            let padded = batch.iter().any(|b| b.len() < longest);
            let states = self.model.forward(&ids, padded.then_some(&mask));
            let pooled = match self.pooling {
                Pooling::Mean => bert::mean_pool(&states, &mask),
                Pooling::Cls => bert::cls_pool(&states),
            };
            let pooled = if self.normalize { bert::l2_normalize(&pooled) } else { pooled };
            let flat = pooled.to_device(Device::Cpu).to_kind(Kind::Float).flatten(0, -1);
            Vec::<f32>::try_from(&flat).expect("invariant: a float tensor converts to Vec<f32>")
        })
    }
}
