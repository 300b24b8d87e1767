//! Reading PK tables into [`hysim_core::Table`]s.
//!
//! - [`html::parse_table`]: an HTML `<table>` (rowspan and colspan expanded, `<thead>` or
//!   leading all-`<th>` rows as headers, entities decoded, screen-reader-only text dropped).
//! - [`read_tables_jsonl`]: the shared `tables.jsonl` format (`pmid`, `table_index`,
//!   `caption`, `footnote`, `table_html`, ...), one table per line; [`read_tables_file`]
//!   picks the reader for HTML, JATS, Markdown and CSV/TSV files.
//! - [`table_records`]: a table's PK records; [`write_records`]: JSON Lines, or CSV and
//!   Parquet through polars.
//!
//! # Example
//!
//! ```
//! let html = "<table><thead><tr><th>Parameter</th><th>Mean ± SD</th></tr></thead>\
//!             <tbody><tr><td>Cmax (µg/L)</td><td>12.5 ± 3.1</td></tr></tbody></table>";
//! let mut table = hysim_tables::html::parse_table(html).unwrap();
//! table.id = "example:1".into();
//! let records = hysim_tables::table_records(&table);
//! assert_eq!(records[0].parameter.as_deref(), Some("CMAX"));
//! assert_eq!(records[0].value, Some(12.5));
//! assert_eq!(records[0].unit.as_deref(), Some("ng/mL"));
//! ```

mod cell;
pub mod context;
mod error;
mod fold;
mod formats;
pub mod gold;
pub mod html;
mod jsonl;
mod memo;
mod output;
pub mod params;
mod read;

pub use cell::{Bounds, CellValue, Dispersed, Missing, Printed, parse_cell};
pub use context::{TableContext, matrices_in, paper_matrices, table_context};
pub use error::{Error, Result};
pub use formats::{
    Distinct, decode_text, extension, is_jsonl_file, is_table_file, read_delimited, read_jats, read_markdown,
    read_tables_file, read_workbook, table_chunks, unique_tables,
};
pub use jsonl::{JsonlChunks, TableLine, count_tables_jsonl, read_tables_jsonl, to_html, write_tables_jsonl};
pub use output::{OutputFormat, Parsed, Written, parse_files, write_records, write_tables_records};
pub use read::{CellReader, may_hold_value, model_record, table_records, tables_records, vouched_records};

/// The README's Rust examples, compiled and run as doctests of this crate.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeExamples;
