//! The curator's review page: one self-contained HTML file that draws each table from its
//! parsed cells, every record on its cell coloured by confidence, with the curated gold's
//! verdicts when given, and lets a curator accept, reject, edit and add records in place
//! and download them as SPEC records with a [`hysim_core::Review`] each.
//!
//! Safety: the page never contains the input's HTML. Tables, records and gold travel as
//! one JSON document in a `<script type="application/json">` element (with `<`, `>` and
//! `&` escaped, so no text can close it), and the page's script draws them with
//! `textContent` only. A Content-Security-Policy admits the page's own script and style by
//! their hashes and nothing else: no network, no inline handlers, no `javascript:` links.
//!
//! # Example
//!
//! ```
//! use hysim_core::Table;
//!
//! let table = Table {
//!     id: "demo:1".into(),
//!     header_rows: vec![vec!["Parameter".into(), "Mean ± SD".into()]],
//!     body_rows: vec![vec!["Cmax (ng/mL)".into(), "62.1 ± 10.2".into()]],
//!     ..Table::default()
//! };
//! let records = hysim_tables::table_records(&table);
//! let page = hysim_review::Page::new(&[table], &records, None, &hysim_review::Options::default());
//! assert_eq!(page.summary().placed, 1);
//! assert!(page.html().contains("hysim-data"));
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use hysim_core::{Record, Table};
use hysim_eval::gold::Gold;
use serde::Serialize;
use sha2::{Digest, Sha256};

const SCRIPT: &str = include_str!("../assets/review.js");
/// The code an added record's template is read with; the curator's code replaces it and
/// `hysim_tables::vouched_records` converts the unit for that code.
const TEMPLATE_CODE: &str = "CMAX";
const STYLE: &str = include_str!("../assets/review.css");

/// How the page is built.
#[derive(Debug, Clone)]
pub struct Options {
    /// The page's title.
    pub title: String,
    /// What a record must share with a gold value to be right.
    pub matching: hysim_eval::Match,
    /// Relative tolerance of a value match.
    pub tolerance: f64,
}

impl Default for Options {
    fn default() -> Self {
        Self { title: "HySim review".to_owned(), matching: hysim_eval::Match::Full, tolerance: 0.005 }
    }
}

/// What a page holds, for the command's summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Papers.
    pub papers: usize,
    /// Tables.
    pub tables: usize,
    /// Records.
    pub records: usize,
    /// Records drawn on a cell of their table.
    pub placed: usize,
    /// Records whose table is in the input but whose cell is not (no provenance, or a
    /// cell outside the table): listed under their table.
    pub unplaced: usize,
    /// Records of tables the input does not have: listed under their paper.
    pub orphaned: usize,
    /// Value cells without a record (possible misses).
    pub unmarked_cells: usize,
    /// With gold: records judged right, judged wrong, and gold values missed.
    pub right: usize,
    /// See `right`.
    pub wrong: usize,
    /// See `right`.
    pub missed: usize,
}

/// A review page, built and ready to write.
#[derive(Debug, Clone)]
pub struct Page {
    data: Data,
    summary: Summary,
}

/// The JSON document the page's script reads.
#[derive(Debug, Clone, Serialize)]
struct Data {
    /// Identifies the data, so the browser's saved progress applies only to this page.
    id: String,
    title: String,
    has_gold: bool,
    papers: Vec<PaperData>,
    tables: Vec<TableData>,
    records: Vec<Record>,
    /// Per record: the table it lies in (index into `tables`), if the input has it.
    record_table: Vec<Option<usize>>,
    /// Per record: whether it is drawn on a cell.
    placed: Vec<bool>,
    /// Per record, with gold: right, wrong, or not judged (`null`).
    verdicts: Vec<Option<bool>>,
    /// The parameter codes a curator may pick when editing or adding.
    codes: Vec<CodeData>,
}

#[derive(Debug, Clone, Serialize)]
struct CodeData {
    code: &'static str,
    name: &'static str,
}

#[derive(Debug, Clone, Serialize)]
struct PaperData {
    id: String,
    /// Indices into `tables`.
    tables: Vec<usize>,
    /// Records of tables the input does not have.
    orphans: Vec<usize>,
    /// Gold values no record matched.
    missed: Vec<MissedData>,
}

#[derive(Debug, Clone, Serialize)]
struct MissedData {
    parameter_raw: String,
    parameter: Option<String>,
    value: f64,
    unit_raw: Option<String>,
    statistic: Option<String>,
    subject: Option<String>,
    time: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct TableData {
    id: String,
    caption: Option<String>,
    footnote: Option<String>,
    /// Header rows as printed: a spanning cell once, with its spans.
    header: Vec<Vec<HeaderCell>>,
    /// Body cells (a spanning cell repeats over what it covers, as parsed).
    body: Vec<Vec<String>>,
    /// Body cells holding a value a record could be read from, `[row, col]`, the stub
    /// column left out where there are others (it holds labels and subject ids).
    values: Vec<[u32; 2]>,
    /// Records whose table this is, in input order.
    records: Vec<usize>,
    /// For each value cell without a record, `[row, col]` and the record the reader reads
    /// there (unit, context, spread as printed): what a curator's added record starts from.
    templates: Vec<([u32; 2], Record)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct HeaderCell {
    text: String,
    col: usize,
    colspan: usize,
    rowspan: usize,
}

impl Page {
    /// Builds the page of `tables` and the `records` extracted from them, judged against
    /// `gold` when given (the numeric protocol of [`hysim_eval::score_numeric_with`]).
    pub fn new(tables: &[Table], records: &[Record], gold: Option<&Gold>, options: &Options) -> Self {
        let mut summary = Summary { tables: tables.len(), records: records.len(), ..Summary::default() };
        let index: HashMap<&str, usize> = tables.iter().enumerate().map(|(k, t)| (t.id.as_str(), k)).collect();
        let mut table_data: Vec<TableData> = tables.iter().map(table_data).collect();
        let mut papers: BTreeMap<String, PaperData> = BTreeMap::new();
        let paper = |papers: &mut BTreeMap<String, PaperData>, id: &str| -> String {
            let key = hysim_eval::paper_of_table(id).to_owned();
            papers.entry(key.clone()).or_insert_with(|| PaperData {
                id: key.clone(),
                tables: Vec::new(),
                orphans: Vec::new(),
                missed: Vec::new(),
            });
            key
        };
        for (k, table) in tables.iter().enumerate() {
            let key = paper(&mut papers, &table.id);
            papers.get_mut(&key).expect("inserted").tables.push(k);
        }
        let mut record_table = Vec::with_capacity(records.len());
        let mut placed = Vec::with_capacity(records.len());
        let mut marked: Vec<std::collections::HashSet<(u32, u32)>> = vec![Default::default(); tables.len()];
        for (i, record) in records.iter().enumerate() {
            match index.get(record.table_id.as_str()) {
                Some(&k) => {
                    table_data[k].records.push(i);
                    let on_cell = match (record.provenance.row, record.provenance.col) {
                        (Some(row), Some(col)) => {
                            tables[k].body_rows.get(row as usize).is_some_and(|cells| (col as usize) < cells.len())
                        }
                        _ => false,
                    };
                    if on_cell {
                        summary.placed += 1;
                        marked[k].insert((record.provenance.row.unwrap_or(0), record.provenance.col.unwrap_or(0)));
                    } else {
                        summary.unplaced += 1;
                    }
                    record_table.push(Some(k));
                    placed.push(on_cell);
                }
                None => {
                    summary.orphaned += 1;
                    let key = paper(&mut papers, &record.table_id);
                    papers.get_mut(&key).expect("inserted").orphans.push(i);
                    record_table.push(None);
                    placed.push(false);
                }
            }
        }
        for (k, data) in table_data.iter_mut().enumerate() {
            let unmarked: Vec<[u32; 2]> =
                data.values.iter().filter(|[row, col]| !marked[k].contains(&(*row, *col))).copied().collect();
            summary.unmarked_cells += unmarked.len();
            if !unmarked.is_empty() {
                let reader = hysim_tables::CellReader::new(&tables[k]);
                data.templates = unmarked
                    .into_iter()
                    .filter_map(|[row, col]| {
                        reader.record(row, col, TEMPLATE_CODE, hysim_core::Statistic::Unknown).map(|r| ([row, col], r))
                    })
                    .collect();
            }
        }
        let mut verdicts = vec![None; records.len()];
        if let Some(gold) = gold {
            // Only the gold of the papers on the page: the rest has nothing to be judged against.
            let values: Vec<_> =
                gold.values.iter().filter(|g| papers.contains_key(g.paper.as_str())).cloned().collect();
            let gold = Gold { values, rows: Vec::new() };
            let report = hysim_eval::score_numeric_with(&gold.values, records, options.tolerance, options.matching);
            verdicts = report.judged.clone();
            summary.right = verdicts.iter().filter(|v| **v == Some(true)).count();
            summary.wrong = verdicts.iter().filter(|v| **v == Some(false)).count();
            summary.missed = report.missed.len();
            for &gi in &report.missed {
                let g = &gold.values[gi];
                let key = paper(&mut papers, &g.paper);
                papers.get_mut(&key).expect("inserted").missed.push(MissedData {
                    parameter_raw: g.parameter_raw.clone(),
                    parameter: g.parameter.clone(),
                    value: g.value,
                    unit_raw: g.unit_raw.clone(),
                    statistic: g.statistic.clone(),
                    subject: g.context.subject.clone(),
                    time: g.context.time.clone(),
                });
            }
        }
        summary.papers = papers.len();
        let mut codes: Vec<CodeData> = Vec::new();
        for p in hysim_tables::params::parameters() {
            for code in std::iter::once(p.code).chain(p.extravascular) {
                if !codes.iter().any(|c| c.code == code) {
                    codes.push(CodeData { code, name: p.name });
                }
            }
        }
        codes.sort_by_key(|c| c.code);
        let mut data = Data {
            id: String::new(),
            title: options.title.clone(),
            has_gold: gold.is_some(),
            papers: papers.into_values().collect(),
            tables: table_data,
            records: records.to_vec(),
            record_table,
            placed,
            verdicts,
            codes,
        };
        // The key of the saved progress: the tables and records the verdicts refer to by
        // index, not the title, the gold or the paths the page was built from.
        let digest = Sha256::digest(serde_json::to_vec(&(tables, records)).expect("tables and records serialise"));
        data.id = digest.iter().take(8).fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        });
        Self { data, summary }
    }

    /// What the page holds.
    pub fn summary(&self) -> Summary {
        self.summary
    }

    /// The page as one self-contained HTML document.
    pub fn html(&self) -> String {
        let json = script_safe_json(&serde_json::to_string(&self.data).expect("page data serialises"));
        let mut html = String::with_capacity(json.len() + SCRIPT.len() + STYLE.len() + 1024);
        html.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        let _ = writeln!(
            html,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-{}'; \
             style-src 'sha256-{}'; img-src data:; base-uri 'none'; form-action 'none'\">",
            base64_sha256(SCRIPT),
            base64_sha256(STYLE)
        );
        html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        let _ = writeln!(html, "<title>{}</title>", escape_html(&self.data.title));
        let _ = writeln!(html, "<style>{STYLE}</style>");
        html.push_str("</head>\n<body>\n<noscript>This review page needs JavaScript.</noscript>\n");
        let _ = writeln!(html, "<script type=\"application/json\" id=\"hysim-data\">{json}</script>");
        let _ = writeln!(html, "<script>{SCRIPT}</script>");
        html.push_str("</body>\n</html>\n");
        html
    }

    /// Writes the page to `path` atomically.
    pub fn write(&self, path: &Path) -> hysim_core::Result<()> {
        let html = self.html();
        hysim_core::io::atomic_write(path, |out| std::io::Write::write_all(out, html.as_bytes()))
    }
}

fn table_data(table: &Table) -> TableData {
    let n_cols = table.n_cols();
    let mut values = Vec::new();
    for (row, cells) in table.body_rows.iter().enumerate() {
        for (col, text) in cells.iter().enumerate() {
            let stub = col == 0 && n_cols > 1;
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !stub && hysim_tables::CellReader::is_value(&text) {
                values.push([row as u32, col as u32]);
            }
        }
    }
    TableData {
        id: table.id.clone(),
        caption: table.caption.clone(),
        footnote: table.footnote.clone(),
        header: header_cells(&table.header_rows, n_cols),
        body: table.body_rows.clone(),
        values,
        records: Vec::new(),
        templates: Vec::new(),
    }
}

/// The header rows as printed: runs of one text across columns become one cell with a
/// colspan (parsing repeated a spanning cell over its columns), and a cell whose text and
/// columns repeat in the rows below spans them (a rowspan). Blank cells never merge.
fn header_cells(rows: &[Vec<String>], n_cols: usize) -> Vec<Vec<HeaderCell>> {
    let text = |r: usize, c: usize| rows[r].get(c).map_or("", |s| s.as_str()).trim();
    // Runs per row: (col, colspan). A run never crosses the edge of a cell above it (two
    // "Mean (SD)" under two groups stay two cells).
    let mut edges = vec![false; n_cols + 1];
    let mut runs: Vec<Vec<(usize, usize)>> = Vec::with_capacity(rows.len());
    for r in 0..rows.len() {
        let mut row_runs = Vec::new();
        let mut c = 0;
        while c < n_cols {
            let mut end = c + 1;
            if !text(r, c).is_empty() {
                while end < n_cols && !edges[end] && text(r, end) == text(r, c) {
                    end += 1;
                }
            }
            row_runs.push((c, end - c));
            c = end;
        }
        for &(col, _) in &row_runs {
            edges[col] = true;
        }
        runs.push(row_runs);
    }
    let mut covered = vec![vec![false; n_cols]; rows.len()];
    let mut out = Vec::with_capacity(rows.len());
    for r in 0..rows.len() {
        let mut cells = Vec::new();
        for &(col, colspan) in &runs[r] {
            if covered[r][col] {
                continue;
            }
            let mut rowspan = 1;
            if !text(r, col).is_empty() {
                while r + rowspan < rows.len()
                    && runs[r + rowspan].contains(&(col, colspan))
                    && text(r + rowspan, col) == text(r, col)
                {
                    covered[r + rowspan][col..col + colspan].fill(true);
                    rowspan += 1;
                }
            }
            cells.push(HeaderCell { text: text(r, col).to_owned(), col, colspan, rowspan });
        }
        out.push(cells);
    }
    out
}

/// JSON that can sit inside a `<script>` element: `<`, `>` and `&` (which only occur
/// inside JSON strings) and the line separators become `\u` escapes, so no text closes
/// the element or opens a comment.
fn script_safe_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The base64 of a text's SHA-256, as a Content-Security-Policy hash source names it.
fn base64_sha256(text: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(44);
    for chunk in digest.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
