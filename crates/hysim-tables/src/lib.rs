//! Reading PK tables into [`hysim_core::Table`]s.
//!
//! - [`html::parse_table`]: an HTML `<table>` (rowspan and colspan expanded, `<thead>` or
//!   leading all-`<th>` rows as headers, entities decoded, screen-reader-only text dropped).
//! - [`read_tables_jsonl`]: the shared `tables.jsonl` format (`pmid`, `table_index`,
//!   `caption`, `footnote`, `table_html`, ...), one table per line.

mod cell;
mod error;
mod formats;
pub mod gold;
pub mod html;
mod jsonl;
pub mod params;
mod records;

pub use cell::{CellValue, Missing, Spread, parse_cell};
pub use error::{Error, Result};
pub use formats::{read_delimited, read_jats, read_markdown, read_tables_file};
pub use jsonl::{TableLine, read_tables_jsonl};
pub use records::{table_records, tables_records};
