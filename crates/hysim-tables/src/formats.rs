//! Table files by format: tables.jsonl, HTML, JATS/PMC XML and Markdown.

use std::path::Path;

use hysim_core::Table;

use crate::{Error, Result, html};

/// Extensions of the table files [`read_tables_file`] reads besides `.jsonl`/`.json`.
const TABLE_EXTENSIONS: &[&str] =
    &["html", "htm", "xhtml", "xml", "nxml", "md", "markdown", "csv", "tsv", "tab", "xlsx", "xls", "xlsm", "ods"];

/// A path's extension in lower case (empty without one).
pub fn extension(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

/// Whether a path names a `tables.jsonl` by its extension (`.jsonl` or `.json`).
pub fn is_jsonl_file(path: &Path) -> bool {
    matches!(extension(path).as_str(), "jsonl" | "json")
}

/// Whether a path names a table file by its extension (HTML, JATS, Markdown, CSV/TSV or a
/// workbook); `.jsonl` files are tables only when their lines hold `table_html`.
pub fn is_table_file(path: &Path) -> bool {
    TABLE_EXTENSIONS.contains(&extension(path).as_str())
}

/// The tables of a file as [`read_tables_file`] reads them, in chunks: a `tables.jsonl`
/// (`.jsonl`/`.json`) `lines` lines at a time ([`crate::JsonlChunks`]), so that a reader of
/// a large corpus holds one chunk; any other file as one chunk.
pub fn table_chunks(path: &Path, lines: usize) -> Result<Box<dyn Iterator<Item = Result<Vec<Table>>> + Send>> {
    if is_jsonl_file(path) {
        return Ok(Box::new(crate::JsonlChunks::open(path, lines)?));
    }
    Ok(Box::new(std::iter::once(read_tables_file(path))))
}

/// Reads every table of a file, choosing the reader by extension: `.jsonl`/`.json`
/// (the shared tables format), `.html`/`.htm`/`.xhtml` (the first `<table>`), `.xml`/
/// `.nxml` (JATS `<table-wrap>` elements, with label, caption and footer), `.md`/
/// `.markdown` (pipe tables; the paragraph before a table is its caption, the one after
/// it its footnote), `.csv`/`.tsv` (one table) and `.xlsx`/`.xls`/`.ods` (one table per
/// sheet); in the last two AutoPK's `^`-joined headers and metadata columns are understood. Tables without an id of their own get `<file stem>:<n>`.
pub fn read_tables_file(path: &Path) -> Result<Vec<Table>> {
    let ext = extension(path);
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let read = || {
        std::fs::read(path)
            .map(|bytes| decode_text(&bytes))
            .map_err(|source| Error::Core(hysim_core::Error::Read { path: path.to_path_buf(), source }))
    };
    let bad = |problem: String| Error::BadFile { path: path.to_path_buf(), problem };
    match ext.as_str() {
        "jsonl" | "json" => Ok(crate::read_tables_jsonl(path)?.into_iter().map(|(_, t)| t).collect()),
        "html" | "htm" | "xhtml" => {
            let mut table = html::parse_table(&read()?).map_err(bad)?;
            table.id = stem;
            Ok(vec![table])
        }
        "xml" | "nxml" => {
            let tables = read_jats(&read()?, &stem);
            if tables.is_empty() {
                return Err(bad("no <table-wrap> with a <table> found".to_owned()));
            }
            Ok(tables)
        }
        "csv" | "tsv" | "tab" => {
            let delimiter = if ext == "csv" { b',' } else { b'\t' };
            read_delimited(&read()?, delimiter, &stem).map(|t| vec![t]).map_err(bad)
        }
        "xlsx" | "xls" | "xlsm" | "ods" => {
            let tables = read_workbook(path, &stem).map_err(bad)?;
            if tables.is_empty() {
                return Err(bad("no sheet with rows".to_owned()));
            }
            Ok(tables)
        }
        "md" | "markdown" => {
            let tables = read_markdown(&read()?, &stem);
            if tables.is_empty() {
                return Err(bad("no pipe table found".to_owned()));
            }
            Ok(tables)
        }
        _ => Err(bad(
            "unsupported input (expected .jsonl, .html, .xml/.nxml (JATS), .md, .csv, .tsv or .xlsx)".to_owned()
        )),
    }
}

/// The text of a table file in whatever encoding it was saved: a byte-order mark (UTF-8,
/// UTF-16) decides first; then valid UTF-8 is UTF-8; then the charset the file declares
/// (`<meta charset="windows-1252">`, `<meta http-equiv="Content-Type" content="...;
/// charset=iso-8859-1">`, `<?xml ... encoding="...">`); then Windows-1252, the web's
/// default for Western text (a superset of Latin-1's printable characters).
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_owned();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_lowercase();
    let declared = ["charset=", "encoding="].iter().find_map(|key| {
        let at = head.find(key)? + key.len();
        let label: String = head[at..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        encoding_rs::Encoding::for_label(label.as_bytes())
    });
    declared.unwrap_or(encoding_rs::WINDOWS_1252).decode_without_bom_handling(bytes).0.into_owned()
}

/// AutoPK's metadata columns: their first non-empty value describes the table.
const META_COLUMNS: &[&str] =
    &["article_doi", "article_title", "caption", "legend", "footnote", "abstract", "table_id", "title"];

/// A CSV or TSV table. A header cell holding `^` (AutoPK's joined multi-row headers, also
/// `@` and ` - ` as AutoPK's loader reads them) becomes several header rows; AutoPK's
/// metadata columns (`caption`, `legend`, `table_id`, ...) give the caption, footnote and id
/// and are not part of the table.
pub fn read_delimited(text: &str, delimiter: u8, stem: &str) -> std::result::Result<Table, String> {
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(false).from_reader(text.as_bytes());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (k, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("line {}: {e}", k + 1))?;
        rows.push(row.iter().map(|c| c.trim().to_owned()).collect());
    }
    table_from_rows(rows, &format!("{stem}:1"))
}

/// Every sheet of an XLSX (or XLS/ODS) workbook as a table, as AutoPK's input sheets are
/// laid out: the first row is the header (`^`-joined levels), metadata columns describe
/// the table. Sheets with no rows are skipped; ids are `<stem>:<sheet name>`.
pub fn read_workbook(path: &Path, stem: &str) -> std::result::Result<Vec<Table>, String> {
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto(path).map_err(|e| e.to_string())?;
    let mut tables = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|e| format!("sheet {name:?}: {e}"))?;
        let rows: Vec<Vec<String>> =
            range.rows().map(|r| r.iter().map(|c| c.to_string().trim().to_owned()).collect()).collect();
        if rows.iter().all(|r| r.iter().all(String::is_empty)) {
            continue;
        }
        tables.push(table_from_rows(rows, &format!("{stem}:{name}")).map_err(|e| format!("sheet {name:?}: {e}"))?);
    }
    Ok(tables)
}

/// A table from rows of strings, the first being the header.
fn table_from_rows(mut rows: Vec<Vec<String>>, default_id: &str) -> std::result::Result<Table, String> {
    if rows.is_empty() {
        return Err("the file holds no rows".to_owned());
    }
    let header = rows.remove(0);
    let meta: Vec<(usize, String)> = header
        .iter()
        .enumerate()
        .filter(|(_, h)| META_COLUMNS.contains(&h.to_lowercase().as_str()))
        .map(|(i, h)| (i, h.to_lowercase()))
        .collect();
    let first_value = |name: &str| {
        let col = meta.iter().find(|(_, n)| n == name).map(|(i, _)| *i)?;
        rows.iter().filter_map(|r| r.get(col)).find(|v| !v.is_empty() && !v.eq_ignore_ascii_case("none")).cloned()
    };
    let caption = first_value("caption").or_else(|| first_value("title"));
    let footnote = first_value("legend").or_else(|| first_value("footnote"));
    let id = first_value("table_id").unwrap_or_else(|| default_id.to_owned());
    let title = first_value("article_title");
    let abstract_text = first_value("abstract");
    let keep: Vec<usize> = (0..header.len()).filter(|i| !meta.iter().any(|(m, _)| m == i)).collect();
    let split = |h: &str| -> Vec<String> {
        h.replace('@', "^").replace(" - ", "^").split('^').map(|p| p.trim().to_owned()).collect()
    };
    let parts: Vec<Vec<String>> = keep.iter().map(|&i| split(&header[i])).collect();
    let depth = parts.iter().map(Vec::len).max().unwrap_or(1);
    // Shorter paths fill the upper rows with their first part (a spanning cell).
    let header_rows: Vec<Vec<String>> = (0..depth)
        .map(|level| {
            parts
                .iter()
                .map(|p| {
                    let offset = depth - p.len();
                    if level < offset { p[0].clone() } else { p[level - offset].clone() }
                })
                .collect()
        })
        .collect();
    let body_rows = rows
        .into_iter()
        .map(|r| keep.iter().map(|&i| r.get(i).cloned().unwrap_or_default()).collect::<Vec<_>>())
        .filter(|r: &Vec<String>| r.iter().any(|c| !c.is_empty()))
        .collect();
    Ok(Table { id, caption, footnote, title, abstract_text, header_rows, body_rows, spanned: Vec::new() })
}

/// Text of an XML/HTML fragment: tags removed, entities decoded, whitespace collapsed.
fn strip_tags(fragment: &str) -> String {
    let mut out = String::new();
    let mut rest = fragment;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        out.push(' ');
        rest = rest[lt..].find('>').map_or("", |gt| &rest[lt + gt + 1..]);
    }
    out.push_str(rest);
    crate::fold::squeeze(&html::decode_entities(&out))
}

/// The content of the first `<name ...>...</name>` element in `s`, case-insensitively.
fn element<'a>(s: &'a str, lower: &str, name: &str) -> Option<(&'a str, usize, usize)> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut from = 0;
    while let Some(i) = lower[from..].find(&open).map(|i| i + from) {
        let after = lower.as_bytes().get(i + open.len()).copied();
        if matches!(after, Some(b'>' | b' ' | b'\n' | b'\t' | b'\r' | b'/')) {
            let body_start = lower[i..].find('>')? + i + 1;
            let end = lower[body_start..].find(&close)? + body_start;
            return Some((&s[body_start..end], i, end + close.len()));
        }
        from = i + open.len();
    }
    None
}

fn attribute(tag_text: &str, name: &str) -> Option<String> {
    let lower = tag_text.to_ascii_lowercase();
    let i = lower.find(&format!("{name}="))? + name.len() + 1;
    let quote = tag_text[i..].chars().next()?;
    if quote != '"' && quote != '\'' {
        return None;
    }
    let body = &tag_text[i + 1..];
    Some(body[..body.find(quote)?].to_owned())
}

/// JATS `<table-wrap>` elements, each with the article's title and abstract when the
/// document's `<front>` matter has them (`<article-title>`, `<abstract>`; the references'
/// article titles are not the paper's).
pub fn read_jats(xml: &str, stem: &str) -> Vec<Table> {
    let lower = xml.to_ascii_lowercase();
    let front = element(xml, &lower, "front").map(|(f, _, _)| (f, f.to_ascii_lowercase()));
    let in_front = |name: &str| {
        let (f, f_lower) = front.as_ref()?;
        element(f, f_lower, name).map(|(c, _, _)| strip_tags(c)).filter(|t| !t.is_empty())
    };
    let (title, abstract_text) = (in_front("article-title"), in_front("abstract"));
    let mut tables = Vec::new();
    let mut from = 0;
    while let Some((wrap, start, end)) = element(&xml[from..], &lower[from..], "table-wrap") {
        let (wrap_start, wrap_end) = (from + start, from + end);
        let wrap_lower = wrap.to_ascii_lowercase();
        let open_tag = &xml[wrap_start..wrap_start + lower[wrap_start..].find('>').unwrap_or(0) + 1];
        let text_of =
            |name: &str| element(wrap, &wrap_lower, name).map(|(c, _, _)| strip_tags(c)).filter(|t| !t.is_empty());
        let table_html = element(wrap, &wrap_lower, "table").map(|(_, s, e)| &wrap[s..e]);
        if let Some(Ok(mut table)) = table_html.map(html::parse_table) {
            let label = text_of("label");
            let caption = text_of("caption");
            table.caption = match (label, caption) {
                (Some(l), Some(c)) => Some(format!("{l}. {c}")),
                (l, c) => l.or(c),
            };
            table.footnote = text_of("table-wrap-foot");
            table.title = title.clone();
            table.abstract_text = abstract_text.clone();
            table.id = attribute(open_tag, "id").unwrap_or_else(|| format!("{stem}:{}", tables.len() + 1));
            tables.push(table);
        }
        from = wrap_end;
    }
    tables
}

fn pipe_cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    let mut cells = Vec::new();
    let mut current = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                current.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut current).trim().to_owned()),
            _ => current.push(c),
        }
    }
    cells.push(current.trim().to_owned());
    cells
}

fn is_separator(line: &str) -> bool {
    let cells = pipe_cells(line);
    !cells.is_empty()
        && cells.iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')) && c.contains('-'))
}

/// Markdown pipe tables. Emphasis markers around cells are removed.
pub fn read_markdown(text: &str, stem: &str) -> Vec<Table> {
    let lines: Vec<&str> = text.lines().collect();
    let mut tables = Vec::new();
    let mut i = 0;
    while i + 1 < lines.len() {
        if lines[i].contains('|') && is_separator(lines[i + 1]) {
            let clean = |c: String| c.trim_matches(['*', '_', '`']).trim().to_owned();
            let header: Vec<String> = pipe_cells(lines[i]).into_iter().map(clean).collect();
            let mut body = Vec::new();
            let mut j = i + 2;
            while j < lines.len() && lines[j].contains('|') && !lines[j].trim().is_empty() {
                body.push(pipe_cells(lines[j]).into_iter().map(clean).collect::<Vec<_>>());
                j += 1;
            }
            let paragraph = |range: &mut dyn Iterator<Item = usize>| -> Option<String> {
                let mut collected: Vec<&str> = Vec::new();
                for k in range {
                    let line = lines[k].trim();
                    if line.is_empty() {
                        if collected.is_empty() {
                            continue;
                        }
                        break;
                    }
                    if line.contains('|') {
                        break;
                    }
                    collected.push(line.trim_start_matches('#').trim());
                }
                (!collected.is_empty()).then(|| collected.join(" "))
            };
            let caption = paragraph(&mut (0..i).rev()).map(|c| c.split(' ').collect::<Vec<_>>().join(" "));
            let footnote = paragraph(&mut (j..lines.len()));
            let width = header.len().max(body.iter().map(Vec::len).max().unwrap_or(0));
            let pad = |mut row: Vec<String>| {
                row.resize(width, String::new());
                row
            };
            tables.push(Table {
                id: format!("{stem}:{}", tables.len() + 1),
                caption,
                footnote,
                title: None,
                abstract_text: None,
                header_rows: vec![pad(header)],
                body_rows: body.into_iter().map(pad).collect(),
                spanned: Vec::new(),
            });
            i = j;
        } else {
            i += 1;
        }
    }
    tables
}

/// `tables` with identical repeats dropped (a table file listed with a corpus that holds
/// it would otherwise give every record twice), and how many were dropped. Two different
/// tables with one id are both kept, with a warning.
pub fn unique_tables(tables: Vec<Table>) -> (Vec<Table>, usize) {
    let mut distinct = Distinct::default();
    let unique = distinct.keep(tables);
    (unique, distinct.repeats())
}

/// The tables seen so far, for dropping identical repeats from tables read a chunk at a
/// time ([`unique_tables`] in one go): what is remembered of each table is its id and a
/// 64-bit fingerprint of its content, not the table, so a reader that streams a corpus
/// holds one chunk. Two tables with one id and the same fingerprint are taken as the same
/// table (SipHash over every field; a collision between two tables that share an id is
/// about 1 in 2^64). Two different tables with one id are both kept, with a warning.
#[derive(Debug, Default)]
pub struct Distinct {
    seen: std::collections::HashMap<String, Vec<u64>>,
    repeats: usize,
}

impl Distinct {
    /// The tables of `chunk` not seen before (here or in an earlier chunk), in order.
    pub fn keep(&mut self, chunk: Vec<Table>) -> Vec<Table> {
        use rayon::prelude::*;
        use std::hash::{Hash, Hasher};
        // Fingerprints on every core: hashing a corpus is a pass over all its text.
        let prints: Vec<u64> = chunk
            .par_iter()
            .map(|table| {
                let mut hasher = std::hash::DefaultHasher::new();
                table.hash(&mut hasher);
                hasher.finish()
            })
            .collect();
        let mut kept = Vec::with_capacity(chunk.len());
        for (table, fingerprint) in chunk.into_iter().zip(prints) {
            match self.seen.get_mut(&table.id) {
                Some(prints) if prints.contains(&fingerprint) => {
                    self.repeats += 1;
                    continue;
                }
                Some(prints) => {
                    tracing::warn!(id = %table.id, "two different tables have this id; both kept");
                    prints.push(fingerprint);
                }
                None => {
                    self.seen.insert(table.id.clone(), vec![fingerprint]);
                }
            }
            kept.push(table);
        }
        kept
    }

    /// Tables dropped so far as repeats.
    pub fn repeats(&self) -> usize {
        self.repeats
    }

    /// Distinct tables kept so far.
    pub fn tables(&self) -> usize {
        self.seen.values().map(Vec::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_remembers_tables_across_chunks_by_id_and_content() {
        let table = |id: &str, cell: &str| Table {
            id: id.into(),
            header_rows: vec![vec!["Parameter".into(), "Mean".into()]],
            body_rows: vec![vec!["Cmax".into(), cell.into()]],
            ..Table::default()
        };
        let mut distinct = Distinct::default();
        let kept = distinct.keep(vec![table("a", "1"), table("b", "2"), table("a", "1")]);
        assert_eq!(kept.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        // A later chunk: a repeat of `b` is dropped, a different table with id `a` is kept,
        // and so is the same content under a new id.
        let kept = distinct.keep(vec![table("b", "2"), table("a", "9"), table("c", "1")]);
        assert_eq!(
            kept.iter().map(|t| (t.id.as_str(), t.body_rows[0][1].as_str())).collect::<Vec<_>>(),
            [("a", "9"), ("c", "1")]
        );
        assert_eq!((distinct.tables(), distinct.repeats()), (4, 2));
        let mut caption = table("c", "1");
        caption.caption = Some("Table 2".into());
        assert_eq!(distinct.keep(vec![caption]).len(), 1, "every field counts, the caption too");
    }

    #[test]
    fn legacy_encodings_are_decoded() {
        // "Cmax (µg/mL)" and "t½" in Windows-1252, declared by a meta element.
        let mut html =
            b"<html><head><meta charset=\"windows-1252\"></head><body><table><tr><th>C\xb5 t\xbd</th></tr></table>"
                .to_vec();
        assert!(decode_text(&html).contains("C\u{b5} t\u{bd}"));
        // Undeclared: Windows-1252 ("\x96" is an en dash there, a control in Latin-1).
        html = b"<td>0.5\x962.0</td>".to_vec();
        assert!(decode_text(&html).contains("0.5\u{2013}2.0"));
        // ISO-8859-1 declared in http-equiv, a UTF-8 BOM, UTF-16 with its BOM.
        let latin = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><td>\xb1</td>";
        assert!(decode_text(latin).contains('\u{b1}'));
        assert_eq!(decode_text(b"\xef\xbb\xbf<td>\xc2\xb5</td>"), "<td>\u{b5}</td>");
        let utf16: Vec<u8> =
            [0xff, 0xfe].into_iter().chain("<td>±</td>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode_text(&utf16), "<td>±</td>");
        assert_eq!(decode_text("<td>±</td>".as_bytes()), "<td>±</td>", "valid UTF-8 stays");
    }

    #[test]
    fn markdown_pipe_tables() {
        let md = "# Results\n\nTable 2. Pharmacokinetics of enrofloxacin in dogs (mean ± SD)\n\n| Parameter | IV | PO |\n|---|:---:|---:|\n| **Cmax (µg/mL)** | 3.1 ± 0.4 | 1.2 \\| 0.3 |\n| t½ (h) | 4.1 | 4.6 |\n\na Median (range).\n";
        let tables = read_markdown(md, "paper");
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        assert_eq!(t.id, "paper:1");
        assert_eq!(t.caption.as_deref(), Some("Table 2. Pharmacokinetics of enrofloxacin in dogs (mean ± SD)"));
        assert_eq!(t.footnote.as_deref(), Some("a Median (range)."));
        assert_eq!(t.header_rows, [["Parameter", "IV", "PO"]]);
        assert_eq!(t.body_rows, [["Cmax (µg/mL)", "3.1 ± 0.4", "1.2 | 0.3"], ["t½ (h)", "4.1", "4.6"]]);
    }

    #[test]
    fn csv_with_autopk_headers_and_metadata() {
        let csv = "Parameter,IV^Mean,IV^SD,PO^Mean,caption,legend\nCmax (ng/mL),120,12,45,Table 3. Drug Y in cattle,a Median.\nt1/2 (h),4.1,0.3,5.2,,\n";
        let t = read_delimited(csv, b',', "autopk").unwrap();
        assert_eq!(t.id, "autopk:1");
        assert_eq!(t.caption.as_deref(), Some("Table 3. Drug Y in cattle"));
        assert_eq!(t.footnote.as_deref(), Some("a Median."));
        assert_eq!(t.header_rows, [vec!["Parameter", "IV", "IV", "PO"], vec!["Parameter", "Mean", "SD", "Mean"]]);
        assert_eq!(t.header_path(1), ["IV", "Mean"]);
        assert_eq!(t.body_rows, [["Cmax (ng/mL)", "120", "12", "45"], ["t1/2 (h)", "4.1", "0.3", "5.2"]]);
        let tsv = read_delimited("a\tb\n1\t2\n", b'\t', "x").unwrap();
        assert_eq!(tsv.body_rows, [["1", "2"]]);
        assert_eq!(read_delimited("", b',', "x").unwrap_err(), "the file holds no rows");
    }

    #[test]
    fn xlsx_sheets_in_autopk_layout() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/autopk-sheet.xlsx");
        let tables = read_tables_file(&path).unwrap();
        assert_eq!(tables.len(), 1, "the empty sheet is skipped");
        let t = &tables[0];
        assert_eq!(t.id, "autopk-12");
        assert_eq!(t.caption.as_deref(), Some("Table 2. Florfenicol in goats after intramuscular injection"));
        assert_eq!(t.footnote.as_deref(), Some("Values are mean ± SD."));
        assert_eq!(t.header_rows, [vec!["Parameter", "IM", "IM"], vec!["Parameter", "Mean", "SD"]]);
        assert_eq!(t.body_rows[0], ["Cmax (µg/mL)", "3.25", "0.41"]);
        let records = crate::table_records(t);
        let got: Vec<String> = records
            .iter()
            .map(|r| {
                format!(
                    "{:?} {:?} {:?} {:?}",
                    r.parameter,
                    r.value,
                    r.dispersion.as_ref().map(|d| d.value),
                    r.context.species
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                "Some(\"CMAX\") Some(3.25) Some(0.41) Some(\"goat\")",
                "Some(\"LAMZHL\") Some(18.4) Some(2.2) Some(\"goat\")",
                "Some(\"AUCIFO\") Some(96.0) Some(11.5) Some(\"goat\")",
            ]
        );
    }

    #[test]
    fn jats_table_wraps() {
        let xml = r#"<article><front><article-meta><title-group><article-title>Meloxicam in
            <italic>cattle</italic></article-title></title-group><abstract><p>Plasma and milk were
            sampled.</p></abstract></article-meta></front><body><table-wrap id="tbl2" position="float"><label>Table 2</label>
            <caption><p>Plasma pharmacokinetics of <italic>meloxicam</italic> in cattle</p></caption>
            <table frame="hsides"><thead><tr><th>Parameter</th><th>IV</th></tr></thead>
            <tbody><tr><td>CL (mL/h/kg)</td><td>2.5 &#x00B1; 0.4</td></tr></tbody></table>
            <table-wrap-foot><fn id="fn1"><p><sup>a</sup> Mean &#x00B1; SD.</p></fn></table-wrap-foot></table-wrap>
            <table-wrap><table><tr><th>A</th></tr><tr><td>1</td></tr></table></table-wrap></body>
            <back><ref-list><ref><article-title>Another paper</article-title></ref></ref-list></back></article>"#;
        let tables = read_jats(xml, "pmc1");
        assert_eq!(tables[1].title.as_deref(), Some("Meloxicam in cattle"));
        assert_eq!(tables[0].abstract_text.as_deref(), Some("Plasma and milk were sampled."));
        let bare = read_jats(&xml.replace("<front>", "<x>").replace("</front>", "</x>"), "pmc1");
        assert_eq!((bare[0].title.as_deref(), bare[0].abstract_text.as_deref()), (None, None), "no front matter");
        assert_eq!(tables.len(), 2);
        assert_eq!(tables[0].id, "tbl2");
        assert_eq!(tables[0].caption.as_deref(), Some("Table 2. Plasma pharmacokinetics of meloxicam in cattle"));
        assert_eq!(tables[0].footnote.as_deref(), Some("a Mean ± SD."));
        assert_eq!(tables[0].body_rows, [["CL (mL/h/kg)", "2.5 ± 0.4"]]);
        assert_eq!(tables[1].id, "pmc1:2");
    }
}
