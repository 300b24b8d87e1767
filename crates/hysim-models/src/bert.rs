//! BERT-family encoders (BERT, MiniLM, ...), as Hugging Face transformers' `BertModel`.
//!
//! Config: <https://huggingface.co/docs/transformers/model_doc/bert#transformers.BertConfig>.
//! Variable names equal the checkpoint's (`embeddings.word_embeddings.weight`,
//! `encoder.layer.0.attention.self.query.weight`, ...); build the model under `vs / "bert"`
//! for checkpoints whose names carry a `bert.` prefix. The pooler is not built: sentence
//! embeddings pool the token states instead.

use std::path::Path;

use hysim_nn::tch::nn::{self, Module};
use hysim_nn::tch::{Kind, Tensor};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// The fields of `config.json` that the encoder uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Config {
    /// Vocabulary size.
    pub vocab_size: i64,
    /// Width of the hidden states.
    pub hidden_size: i64,
    /// Number of encoder layers.
    pub num_hidden_layers: i64,
    /// Attention heads per layer.
    pub num_attention_heads: i64,
    /// Width of the feed-forward layer.
    pub intermediate_size: i64,
    /// Feed-forward activation: `gelu`, `gelu_new`, `gelu_pytorch_tanh` or `relu`.
    #[serde(default = "default_act")]
    pub hidden_act: String,
    /// Number of learned positions.
    pub max_position_embeddings: i64,
    /// Number of token types.
    #[serde(default = "default_type_vocab")]
    pub type_vocab_size: i64,
    /// LayerNorm epsilon.
    #[serde(default = "default_eps")]
    pub layer_norm_eps: f64,
    /// `absolute` is the only supported position embedding.
    #[serde(default = "default_position_type")]
    pub position_embedding_type: String,
}

fn default_act() -> String {
    "gelu".to_owned()
}
fn default_type_vocab() -> i64 {
    2
}
fn default_eps() -> f64 {
    1e-12
}
fn default_position_type() -> String {
    "absolute".to_owned()
}

impl Config {
    /// A tiny random-init configuration for tests.
    pub fn tiny() -> Self {
        Self {
            vocab_size: 100,
            hidden_size: 16,
            num_hidden_layers: 2,
            num_attention_heads: 4,
            intermediate_size: 32,
            hidden_act: "gelu".to_owned(),
            max_position_embeddings: 64,
            type_vocab_size: 2,
            layer_norm_eps: 1e-12,
            position_embedding_type: "absolute".to_owned(),
        }
    }

    /// Reads and checks `config.json`.
    pub fn load(path: &Path) -> Result<Self> {
        let text =
            std::fs::read_to_string(path).map_err(|source| Error::ReadConfig { path: path.to_path_buf(), source })?;
        let cfg: Config =
            serde_json::from_str(&text).map_err(|source| Error::ParseConfig { path: path.to_path_buf(), source })?;
        cfg.activation()?;
        if cfg.position_embedding_type != "absolute" {
            return Err(Error::Unsupported {
                field: "position_embedding_type",
                value: cfg.position_embedding_type.clone(),
                supported: "only absolute position embeddings are supported",
            });
        }
        if cfg.num_attention_heads <= 0 || cfg.hidden_size % cfg.num_attention_heads != 0 {
            return Err(Error::Unsupported {
                field: "num_attention_heads",
                value: cfg.num_attention_heads.to_string(),
                supported: "must divide hidden_size",
            });
        }
        Ok(cfg)
    }

    fn activation(&self) -> Result<Activation> {
        match self.hidden_act.as_str() {
            "gelu" => Ok(Activation::Gelu),
            "gelu_new" | "gelu_pytorch_tanh" => Ok(Activation::GeluTanh),
            "relu" => Ok(Activation::Relu),
            other => Err(Error::Unsupported {
                field: "hidden_act",
                value: other.to_owned(),
                supported: "gelu, gelu_new, gelu_pytorch_tanh or relu",
            }),
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Activation {
    Gelu,
    GeluTanh,
    Relu,
}

impl Activation {
    fn apply(self, xs: &Tensor) -> Tensor {
        match self {
            Activation::Gelu => xs.gelu("none"),
            Activation::GeluTanh => xs.gelu("tanh"),
            Activation::Relu => xs.relu(),
        }
    }
}

fn layer_norm(vs: nn::Path, cfg: &Config) -> nn::LayerNorm {
    nn::layer_norm(vs, vec![cfg.hidden_size], nn::LayerNormConfig { eps: cfg.layer_norm_eps, ..Default::default() })
}

#[derive(Debug)]
struct Embeddings {
    word: nn::Embedding,
    position: nn::Embedding,
    token_type: nn::Embedding,
    norm: nn::LayerNorm,
}

impl Embeddings {
    fn new(vs: nn::Path, cfg: &Config) -> Self {
        let e = Default::default();
        Self {
            word: nn::embedding(&vs / "word_embeddings", cfg.vocab_size, cfg.hidden_size, e),
            position: nn::embedding(&vs / "position_embeddings", cfg.max_position_embeddings, cfg.hidden_size, e),
            token_type: nn::embedding(&vs / "token_type_embeddings", cfg.type_vocab_size, cfg.hidden_size, e),
            norm: layer_norm(&vs / "LayerNorm", cfg),
        }
    }

    /// # Shapes
    /// `input_ids` `[batch, seq]` → `[batch, seq, hidden]`.
    fn forward(&self, input_ids: &Tensor) -> Tensor {
        let seq = input_ids.size()[1];
        let positions = Tensor::arange(seq, (Kind::Int64, input_ids.device())).unsqueeze(0);
        let types = input_ids.zeros_like();
        let xs = self.word.forward(input_ids) + self.position.forward(&positions) + self.token_type.forward(&types);
        self.norm.forward(&xs)
    }
}

#[derive(Debug)]
struct Layer {
    query: nn::Linear,
    key: nn::Linear,
    value: nn::Linear,
    attn_out: nn::Linear,
    attn_norm: nn::LayerNorm,
    intermediate: nn::Linear,
    out: nn::Linear,
    out_norm: nn::LayerNorm,
    heads: i64,
    act: Activation,
}

impl Layer {
    fn new(vs: nn::Path, cfg: &Config, act: Activation) -> Self {
        let (h, i) = (cfg.hidden_size, cfg.intermediate_size);
        let c = Default::default();
        let attention = &vs / "attention";
        Self {
            query: nn::linear(&attention / "self" / "query", h, h, c),
            key: nn::linear(&attention / "self" / "key", h, h, c),
            value: nn::linear(&attention / "self" / "value", h, h, c),
            attn_out: nn::linear(&attention / "output" / "dense", h, h, c),
            attn_norm: layer_norm(&attention / "output" / "LayerNorm", cfg),
            intermediate: nn::linear(&vs / "intermediate" / "dense", h, i, c),
            out: nn::linear(&vs / "output" / "dense", i, h, c),
            out_norm: layer_norm(&vs / "output" / "LayerNorm", cfg),
            heads: cfg.num_attention_heads,
            act,
        }
    }

    /// # Shapes
    /// `xs` `[batch, seq, hidden]`, `mask` boolean `[batch, 1, 1, seq]` (true = attend;
    /// `None` when nothing is padded) → `[batch, seq, hidden]`.
    fn forward(&self, xs: &Tensor, mask: Option<&Tensor>) -> Tensor {
        let (b, t, h) = xs.size3().expect("invariant: hidden states are [batch, seq, hidden]");
        let split = |x: Tensor| x.view([b, t, self.heads, h / self.heads]).transpose(1, 2);
        let q = split(self.query.forward(xs));
        let k = split(self.key.forward(xs));
        let v = split(self.value.forward(xs));
        let attn = Tensor::scaled_dot_product_attention(&q, &k, &v, mask, 0.0, false, None, false);
        let attn = attn.transpose(1, 2).contiguous().view([b, t, h]);
        let xs = self.attn_norm.forward(&(self.attn_out.forward(&attn) + xs));
        let ff = self.out.forward(&self.act.apply(&self.intermediate.forward(&xs)));
        self.out_norm.forward(&(ff + xs))
    }
}

/// The BERT encoder without its pooler.
#[derive(Debug)]
pub struct BertModel {
    embeddings: Embeddings,
    layers: Vec<Layer>,
    hidden_size: i64,
}

impl BertModel {
    /// Builds the graph under `vs` (variables named as in the checkpoint).
    pub fn new(vs: nn::Path, cfg: &Config) -> Result<Self> {
        let act = cfg.activation()?;
        let embeddings = Embeddings::new(&vs / "embeddings", cfg);
        let layers = (0..cfg.num_hidden_layers).map(|i| Layer::new(&vs / "encoder" / "layer" / i, cfg, act)).collect();
        Ok(Self { embeddings, layers, hidden_size: cfg.hidden_size })
    }

    /// Width of the hidden states.
    pub fn hidden_size(&self) -> i64 {
        self.hidden_size
    }

    /// Token states of the last layer.
    ///
    /// # Shapes
    /// `input_ids` `[batch, seq]` (i64), `attention_mask` `[batch, seq]` (1 for tokens, 0
    /// for padding, any integer or float kind; `None` when no sequence is padded, which
    /// lets libtorch pick its fused attention kernels) → `[batch, seq, hidden]`.
    pub fn forward(&self, input_ids: &Tensor, attention_mask: Option<&Tensor>) -> Tensor {
        let mask = attention_mask.map(|m| m.to_kind(Kind::Bool).unsqueeze(1).unsqueeze(1));
        let mut xs = self.embeddings.forward(input_ids);
        for layer in &self.layers {
            xs = layer.forward(&xs, mask.as_ref());
        }
        xs
    }
}

/// Mean of the token states over the attention mask.
///
/// # Shapes
/// `states` `[batch, seq, hidden]`, `attention_mask` `[batch, seq]` → `[batch, hidden]` (f32).
pub fn mean_pool(states: &Tensor, attention_mask: &Tensor) -> Tensor {
    let mask = attention_mask.to_kind(Kind::Float).unsqueeze(-1);
    let summed = (states.to_kind(Kind::Float) * &mask).sum_dim_intlist(1, false, Kind::Float);
    let counts = mask.sum_dim_intlist(1, false, Kind::Float).clamp_min(1e-9);
    summed / counts
}

/// The state of the first token (`[CLS]`).
///
/// # Shapes
/// `states` `[batch, seq, hidden]` → `[batch, hidden]` (f32).
pub fn cls_pool(states: &Tensor) -> Tensor {
    states.select(1, 0).to_kind(Kind::Float)
}

/// Rows scaled to unit L2 norm (zero rows stay zero).
///
/// # Shapes
/// `xs` `[batch, hidden]` → `[batch, hidden]`.
pub fn l2_normalize(xs: &Tensor) -> Tensor {
    let norms = xs.norm_scalaropt_dim(2.0, [-1], true).clamp_min(1e-12);
    xs / norms
}
