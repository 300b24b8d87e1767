//! HySim's model-based extractors (Algorithm 1, step 6, and the extraction step 7 scores),
//! each usable from Rust without the command line:
//!
//! - [`encoder`]: the encoder extractor. The rule-based parser proposes candidate records,
//!   a frozen sentence encoder embeds them, and trained heads decide which are PK results,
//!   with which parameter and statistic, and a record's matrix where the paper names several.
//! - [`decoder`]: a causal LM fine-tuned (LoRA or full) to write a table's records, decoded
//!   under the target grammar, its confidences calibrated on validation records.
//! - [`train`]: both trained with each example's loss multiplied by its table's HySim
//!   weight, then compared on validation tables; [`settings`] is the `train.toml` schema.
//! - [`gate`]: which of the decoder's changes, leave-outs and additions of the reader's
//!   readings extraction admits, fitted on validation tables.
//! - [`card`]: the model card (`model.json`); the folder's layout is `hysim_core::ModelDir`.
//! - [`extract`]: extraction from table files into one atomic JSON Lines output.
//! - [`labels`]: gold labels that do not fit their cells, seen by the sentence encoder.
//!
//! Extracting with the encoder extractor of a trained model folder:
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use hysim_core::ModelDir;
//! use hysim_extract::encoder::EncoderExtractor;
//!
//! let tables = hysim_tables::read_tables_file("tables.jsonl".as_ref())?;
//! let model = ModelDir::new("target/pipeline/default/train");
//! let extractor = EncoderExtractor::load(&model, hysim_nn::tch::Device::Cpu)?;
//! for record in extractor.records(&tables.iter().collect::<Vec<_>>())? {
//!     println!("{} {:?} {:?}", record.table_id, record.parameter, record.value);
//! }
//! # Ok(())
//! # }
//! ```

pub mod card;
pub mod decoder;
pub mod encoder;
mod error;
pub mod extract;
pub mod gate;
pub mod labels;
pub mod perturb;
pub mod progress;
pub mod settings;
pub mod train;

pub use card::ModelCard;
pub use error::{Error, Result};
pub use settings::{System, TrainSettings};
