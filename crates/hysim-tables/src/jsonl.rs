//! The shared `tables.jsonl` format.

use std::path::Path;

use hysim_core::Table;
use rayon::prelude::*;
use serde::Deserialize;

use crate::{Error, Result, html};

/// One line of `tables.jsonl`. `table_id` is used when present (synthetic corpora), else
/// `"<pmid>:<table_index>"`.
#[derive(Debug, Clone, Deserialize)]
pub struct TableLine {
    /// The table's own id, if the file gives one.
    #[serde(default)]
    pub table_id: Option<String>,
    /// PubMed id.
    #[serde(default, deserialize_with = "string_or_number")]
    pub pmid: Option<String>,
    /// Index of the table in its paper.
    #[serde(default, deserialize_with = "string_or_number")]
    pub table_index: Option<String>,
    /// Caption.
    #[serde(default)]
    pub caption: Option<String>,
    /// Footnote.
    #[serde(default)]
    pub footnote: Option<String>,
    /// Paper title.
    #[serde(default)]
    pub title: Option<String>,
    /// Paper abstract.
    #[serde(default, rename = "abstract")]
    pub abstract_text: Option<String>,
    /// The `<table>` element.
    pub table_html: String,
}

fn string_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    })
}

impl TableLine {
    /// The table id: `table_id`, else `"<pmid>:<table_index>"`.
    pub fn id(&self, line: usize) -> String {
        match (&self.table_id, &self.pmid, &self.table_index) {
            (Some(id), _, _) => id.clone(),
            (None, Some(pmid), Some(index)) => format!("{pmid}:{index}"),
            _ => format!("line-{line}"),
        }
    }
}

/// Reads every table of a `tables.jsonl` file; the HTML of the lines is parsed in
/// parallel, and the first bad line (in file order) is the error.
pub fn read_tables_jsonl(path: &Path) -> Result<Vec<(TableLine, Table)>> {
    let bytes = std::fs::read(path).map_err(|source| read_error(path, source))?;
    // Line ends found with memchr (a corpus is tens of megabytes, split on one thread).
    let mut lines: Vec<(usize, &[u8])> = Vec::new();
    let mut start = 0;
    for (k, end) in memchr::memchr_iter(b'\n', &bytes).chain(std::iter::once(bytes.len())).enumerate() {
        let line = &bytes[start..end];
        if !is_blank(line) {
            lines.push((k + 1, line));
        }
        start = (end + 1).min(bytes.len());
    }
    parse_lines(path, lines)
}

/// A line that holds no table (skipped, still counted in line numbers).
fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// The tables of a `tables.jsonl` file (its non-blank lines), counted without parsing them.
pub fn count_tables_jsonl(path: &Path) -> Result<u64> {
    use std::io::BufRead;
    let file = std::fs::File::open(path).map_err(|source| read_error(path, source))?;
    let mut reader = std::io::BufReader::new(file);
    let (mut count, mut line) = (0, Vec::new());
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).map_err(|source| read_error(path, source))? == 0 {
            return Ok(count);
        }
        count += u64::from(!is_blank(&line));
    }
}

fn read_error(path: &Path, source: std::io::Error) -> Error {
    Error::Core(hysim_core::Error::Read { path: path.to_path_buf(), source })
}

/// Lines (1-based number, bytes) decoded and their HTML parsed in parallel; `collect` into a
/// `Result` keeps file order, so the error is the first bad line's.
fn parse_lines<L: AsRef<[u8]> + Send>(path: &Path, lines: Vec<(usize, L)>) -> Result<Vec<(TableLine, Table)>> {
    lines
        .into_par_iter()
        .map(|(number, raw)| {
            let line: TableLine = serde_json::from_slice(raw.as_ref()).map_err(|source| {
                Error::Core(hysim_core::Error::JsonLine { path: path.to_path_buf(), line: number, source })
            })?;
            let id = line.id(number);
            let mut table = html::parse_table(&line.table_html).map_err(|problem| Error::BadTable {
                path: path.to_path_buf(),
                line: number,
                id: id.clone(),
                problem,
            })?;
            table.id = id;
            // Captions and footnotes scraped from pages may keep their markup and entities.
            let text = |field: &Option<String>| {
                field.as_deref().map(html::fragment_text).filter(|t: &String| !t.trim().is_empty())
            };
            let printed = table.caption.take();
            table.caption = text(&line.caption).or_else(|| printed.clone());
            table.footnote = text(&line.footnote);
            // A title printed inside the table beside the line's caption (a spreadsheet's
            // title row, a run-in sentence `PK after a single dose; mean values:`) says what
            // the table holds too: read after the footnote.
            // (Compared by letters and digits, the table's number left out: `Table 2. PK of X`
            // and `Table 2: PK of X` are one caption.)
            let squeezed = |t: &str| {
                let t: String = crate::fold::lower(t).chars().filter(|c| c.is_alphanumeric()).collect();
                let numbered = t.strip_prefix("table").map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()));
                numbered.unwrap_or(&t).to_owned()
            };
            if let (Some(printed), Some(caption)) = (printed, table.caption.as_deref())
                && !squeezed(caption).contains(&squeezed(&printed))
                && !squeezed(&printed).contains(&squeezed(caption))
            {
                let sentence = crate::fold::as_sentence(&printed);
                table.footnote = Some(match table.footnote.take() {
                    Some(f) => format!("{} {sentence}", f.trim_end()),
                    None => sentence,
                });
            }
            table.title = text(&line.title);
            table.abstract_text = text(&line.abstract_text);
            Ok((line, table))
        })
        .collect()
}

/// The tables of a `tables.jsonl` file a chunk of `lines` lines at a time (each chunk
/// parsed in parallel), for readers that must not hold a whole corpus: what is held is one
/// chunk's text and tables. A bad line is the error of its chunk, after the earlier chunks.
#[derive(Debug)]
pub struct JsonlChunks {
    path: std::path::PathBuf,
    reader: std::io::BufReader<std::fs::File>,
    lines: usize,
    number: usize,
    done: bool,
}

impl JsonlChunks {
    /// Opens `path`; `lines` is at least 1.
    pub fn open(path: &Path, lines: usize) -> Result<Self> {
        let file = std::fs::File::open(path).map_err(|source| read_error(path, source))?;
        Ok(Self {
            path: path.to_path_buf(),
            reader: std::io::BufReader::new(file),
            lines: lines.max(1),
            number: 0,
            done: false,
        })
    }
}

impl Iterator for JsonlChunks {
    type Item = Result<Vec<Table>>;

    fn next(&mut self) -> Option<Self::Item> {
        use std::io::BufRead;
        if self.done {
            return None;
        }
        let mut chunk: Vec<(usize, Vec<u8>)> = Vec::with_capacity(self.lines);
        while chunk.len() < self.lines {
            let mut raw = Vec::new();
            match self.reader.read_until(b'\n', &mut raw) {
                Ok(0) => {
                    self.done = true;
                    break;
                }
                Ok(_) => {
                    self.number += 1;
                    // The line without its end, as `read_tables_jsonl` splits it.
                    if raw.last() == Some(&b'\n') {
                        raw.pop();
                    }
                    if !is_blank(&raw) {
                        chunk.push((self.number, raw));
                    }
                }
                Err(source) => {
                    self.done = true;
                    return Some(Err(read_error(&self.path, source)));
                }
            }
        }
        if chunk.is_empty() {
            return None;
        }
        let parsed = parse_lines(&self.path, chunk).map(|v| v.into_iter().map(|(_, t)| t).collect());
        if parsed.is_err() {
            self.done = true;
        }
        Some(parsed)
    }
}

/// The `<table>` element of a table: header rows in `<thead>` as `<th>`, body rows in
/// `<tbody>`, text escaped. Spanning cells stay repeated (the grid is already expanded), so
/// [`html::parse_table`] reads back the same grid.
pub fn to_html(table: &Table) -> String {
    fn escape(s: &str, out: &mut String) {
        for c in s.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                _ => out.push(c),
            }
        }
    }
    let mut out = String::from("<table>");
    for (rows, tag, section) in [(&table.header_rows, "th", "thead"), (&table.body_rows, "td", "tbody")] {
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!("<{section}>"));
        for row in rows {
            out.push_str("<tr>");
            for cell in row {
                out.push_str(&format!("<{tag}>"));
                escape(cell, &mut out);
                out.push_str(&format!("</{tag}>"));
            }
            out.push_str("</tr>");
        }
        out.push_str(&format!("</{section}>"));
    }
    out.push_str("</table>");
    out
}

/// Writes tables as a `tables.jsonl` file (atomically): one line per table with its
/// `table_id`, caption, footnote, the paper's title and abstract when known, and `table_html`.
pub fn write_tables_jsonl(path: &Path, tables: &[Table]) -> Result<()> {
    use std::io::Write;
    hysim_core::io::atomic_write(path, |out| {
        for table in tables {
            out.write_all(&table_line(table).map_err(std::io::Error::other)?)?;
        }
        Ok(())
    })
    .map_err(Error::Core)
}

/// One line of tables.jsonl for `table`, with its end: the table's id, caption, footnote,
/// title and abstract where it has them, and its HTML ([`to_html`]).
pub(crate) fn table_line(table: &Table) -> serde_json::Result<Vec<u8>> {
    #[derive(serde::Serialize)]
    struct Line<'a> {
        table_id: &'a str,
        caption: Option<&'a str>,
        footnote: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<&'a str>,
        #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
        abstract_text: Option<&'a str>,
        table_html: String,
    }
    let line = Line {
        table_id: &table.id,
        caption: table.caption.as_deref(),
        footnote: table.footnote.as_deref(),
        title: table.title.as_deref(),
        abstract_text: table.abstract_text.as_deref(),
        table_html: to_html(table),
    };
    let mut text = serde_json::to_vec(&line)?;
    text.push(b'\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_tables_read_back_the_same() {
        let table = Table {
            id: "1234:2".into(),
            caption: Some("Table 2. PK of drug <X> & Y".into()),
            footnote: None,
            title: Some("Pharmacokinetics of X in neonates".into()),
            abstract_text: Some("Plasma and urine samples were taken.".into()),
            header_rows: vec![
                vec!["Parameter".into(), "Dose".into(), "Dose".into()],
                vec!["".into(), "1 mg".into(), "2 mg".into()],
            ],
            spanned: Vec::new(),
            body_rows: vec![vec!["Cmax (ng/mL)".into(), "1.2 ± 0.3".into(), "2 < 3".into()]],
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.jsonl");
        write_tables_jsonl(&path, std::slice::from_ref(&table)).unwrap();
        let back = read_tables_jsonl(&path).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].1, table);
    }

    #[test]
    fn a_title_row_beside_the_lines_caption_is_read_after_the_footnote() {
        // A conference table's run-in sentence in a row across the table, above its labels:
        // the line's caption is the caption, the run-in the table's notes.
        let html = "<table><tr><td colspan=\"2\">PK after a single 100 mg oral dose, fasted vs fed; mean values:</td></tr>\
                    <tr><td>Parameter</td><td>Fasted</td></tr><tr><td>Cmax (µg/mL)</td><td>1.24</td></tr></table>";
        let line = serde_json::json!({ "table_id": "1:1", "caption": "Table. Food effect on X", "footnote": "N = 14.", "table_html": html });
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.jsonl");
        std::fs::write(&path, format!("{line}\n")).unwrap();
        let (_, table) = read_tables_jsonl(&path).unwrap().remove(0);
        assert_eq!(table.caption.as_deref(), Some("Table. Food effect on X"));
        assert_eq!(
            table.footnote.as_deref(),
            Some("N = 14. PK after a single 100 mg oral dose, fasted vs fed; mean values.")
        );
    }

    #[test]
    fn chunks_read_the_tables_in_order_and_stop_at_a_bad_line() {
        let tables: Vec<Table> = (0..5)
            .map(|k| Table {
                id: format!("99:{k}"),
                caption: None,
                footnote: None,
                title: None,
                abstract_text: None,
                header_rows: vec![vec!["Parameter".into(), "Value".into()]],
                spanned: Vec::new(),
                body_rows: vec![vec!["Cmax (ng/mL)".into(), format!("{k}.5")]],
            })
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.jsonl");
        write_tables_jsonl(&path, &tables).unwrap();
        // A blank line between the second and third tables: skipped, still counted.
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        lines.insert(2, "  ");
        std::fs::write(&path, lines.join("\n")).unwrap();
        let whole: Vec<Table> = read_tables_jsonl(&path).unwrap().into_iter().map(|(_, t)| t).collect();
        let chunks: Vec<Vec<Table>> = JsonlChunks::open(&path, 2).unwrap().map(Result::unwrap).collect();
        assert_eq!(chunks.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
        assert_eq!(chunks.concat(), whole);
        assert_eq!(whole.len(), 5);
        // Line 5 (the fourth table) broken: the first chunk reads, the second is its error.
        lines[4] = "{\"pmid\": 1, \"table_index\": 2";
        std::fs::write(&path, lines.join("\n")).unwrap();
        let mut chunks = JsonlChunks::open(&path, 2).unwrap();
        assert_eq!(chunks.next().unwrap().unwrap().len(), 2);
        let err = chunks.next().unwrap().unwrap_err().to_string();
        assert!(err.contains("t.jsonl:5:"), "{err}");
        assert!(chunks.next().is_none());
        assert_eq!(read_tables_jsonl(&path).unwrap_err().to_string(), err);
    }
}
