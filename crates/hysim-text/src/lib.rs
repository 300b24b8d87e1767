//! Text for models: tables, rows and records rendered as strings, and the tokenizer.
//!
//! The same renderings feed the embedding stage (one string per training example) and
//! the fine-tuning prompts, so what the encoder compares is what the decoder reads.
//! The formats are documented on each function and pinned by snapshot tests.

mod error;
pub mod prompt;
mod render;
mod tokenizer;

pub use error::{Error, Result};
pub use render::{cell_texts, label_text, record_text, row_texts, table_text};
pub use tokenizer::Tokenizer;
