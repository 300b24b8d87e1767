//! Domain types and artifact schemas shared by every HySim crate.
//!
//! This crate is the contract between stages: the PK [`Record`] of `SPEC.md`, the
//! [`Embeddings`] matrix that the embedding stage writes and the weighting stage reads,
//! the per-sample [`SampleWeights`] that fine-tuning multiplies into its loss, and the
//! [`StageManifest`] that lets the pipeline skip stages whose inputs did not change.
//! It depends on no other HySim crate and on no heavy library.
#![warn(missing_docs)]

pub mod cache;
mod embeddings;
mod error;
pub mod io;
mod manifest;
mod model_dir;
mod record;
mod seeded;
mod shard;
mod table;
mod weights;

pub use embeddings::Embeddings;
pub use error::{Error, Result};
pub use manifest::{StageManifest, hash_bytes, hash_file};
pub use model_dir::ModelDir;
pub use record::{
    Context, Dispersion, Interval, Original, Provenance, Record, Review, Statistic, TableId, UNKNOWN_KIND, Verdict,
};
pub use seeded::SplitMix64;
pub use shard::{ParseShardError, Shard};
pub use table::Table;
pub use weights::{SampleWeight, SampleWeights};
