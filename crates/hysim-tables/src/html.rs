//! A reader for HTML `<table>` elements as publishers and PMC print them.
//!
//! It scans tags and text in one pass (comments, `<script>` and `<style>` are skipped),
//! builds rows of cells with their `rowspan` and `colspan`, and expands spans into a
//! rectangular grid: a spanning cell's text repeats over every position it covers, so
//! header paths and row groups read naturally. Header rows are the `<thead>` rows, or,
//! without a `<thead>`, the leading rows made only of `<th>` cells, or a first row set
//! wholly in bold over rows that are not. Inside a cell, tags
//! are dropped (`<sub>`/`<sup>` text is kept in place), `<br>`, `<hr>` and block tags
//! become spaces (but a body row whose cells stack a block's rows as lines, as PDF
//! conversions print them, is split into those rows: `split_stacked_rows`), entities are decoded, text marked for screen readers only ("Empty
//! Cell") is left out, and whitespace is collapsed. Nested tables contribute their text
//! to the enclosing cell. Fully empty body rows are dropped.

use hysim_core::Table;

/// Spans larger than this are clamped (some generators write `colspan="1000"`).
const MAX_SPAN: usize = 256;

#[derive(Debug)]
struct Cell {
    text: String,
    rowspan: usize,
    colspan: usize,
    is_th: bool,
    /// Characters of its text set in bold (`<b>`, `<strong>`).
    bold: usize,
}

#[derive(Debug, Default)]
struct Row {
    cells: Vec<Cell>,
    in_head: bool,
}

#[derive(Default)]
struct Builder {
    rows: Vec<Row>,
    cell: Option<Cell>,
    depth: usize,
    in_head: bool,
    saw_table: bool,
    hidden_spans: usize,
    /// Open `<b>` and `<strong>` elements.
    bold_depth: usize,
    /// The text of the table's `<caption>`, and whether it is being read.
    caption: String,
    in_caption: bool,
    /// Where the open `<sup>` began in the text it writes to, and the character just
    /// before it.
    sup: Option<(usize, Option<char>)>,
}

impl Builder {
    fn close_cell(&mut self) {
        self.sup = None;
        if let Some(mut cell) = self.cell.take() {
            cell.text = crate::fold::squeeze(&cell.text);
            // (A cell of line breaks alone is blank.)
            if !cell.text.chars().any(printed) {
                cell.text.clear();
            }
            if self.rows.is_empty() {
                self.rows.push(Row { cells: vec![], in_head: self.in_head });
            }
            self.rows.last_mut().expect("invariant: a row was just ensured").cells.push(cell);
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.hidden_spans > 0 {
            return;
        }
        // (The line break's mark is the reader's own: a private-use character printed in
        // the text is a space.)
        let text: std::borrow::Cow<'_, str> =
            if text.contains(LINE_BREAK) { text.replace(LINE_BREAK, " ").into() } else { text.into() };
        if self.in_caption {
            self.caption.push_str(&text);
        } else if let Some(cell) = self.cell.as_mut() {
            cell.text.push_str(&text);
            if self.bold_depth > 0 {
                cell.bold += text.chars().filter(|c| printed(*c)).count();
            }
        }
    }

    /// A line break in the open cell, marked ([`LINE_BREAK`]) until the rows are built.
    fn push_line_break(&mut self) {
        if self.hidden_spans == 0
            && let Some(cell) = self.cell.as_mut()
        {
            cell.text.push(' ');
            cell.text.push(LINE_BREAK);
            cell.text.push(' ');
        }
    }

    /// The text being written: the caption's, or the open cell's.
    fn text_mut(&mut self) -> Option<&mut String> {
        if self.in_caption { Some(&mut self.caption) } else { self.cell.as_mut().map(|c| &mut c.text) }
    }

    fn start(&mut self, name: &str, attrs: &[(String, String)]) {
        let attr = |key: &str| attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
        if self.hidden_spans > 0 {
            if name == "span" {
                self.hidden_spans += 1;
            }
            return;
        }
        match name {
            "table" => {
                self.depth += 1;
                self.saw_table = true;
            }
            _ if self.depth > 1 => {
                // Structure of a nested table: keep its text apart inside the outer cell.
                if matches!(name, "td" | "th" | "tr" | "br") {
                    self.push_text(" ");
                }
            }
            "caption" => self.in_caption = true,
            "thead" => self.in_head = true,
            "tbody" | "tfoot" => self.in_head = false,
            "tr" => {
                self.close_cell();
                self.rows.push(Row { cells: vec![], in_head: self.in_head });
            }
            "td" | "th" => {
                self.close_cell();
                // An unclosed `<b>` ends with its cell.
                self.bold_depth = 0;
                let span = |key| attr(key).and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, MAX_SPAN);
                self.cell = Some(Cell {
                    text: String::new(),
                    rowspan: span("rowspan"),
                    colspan: span("colspan"),
                    is_th: name == "th",
                    bold: 0,
                });
            }
            "span" if attr("class").is_some_and(|c| c.contains("screen-reader") || c.contains("sr-only")) => {
                self.hidden_spans = 1;
            }
            // (A word broken after its hyphen stays one: `N-desmethyl-<br/>X`.)
            "br" if self.text_mut().is_some_and(|t| {
                let mut end = t.chars().rev();
                end.next() == Some('-') && end.next().is_some_and(char::is_alphabetic)
            }) => {}
            // (A line break in a cell is kept until the rows are built: a PDF's conversion
            // may set a block's rows as lines of one row, [`split_stacked_rows`].)
            "br" if !self.in_caption => self.push_line_break(),
            "br" | "hr" | "p" | "div" | "li" => self.push_text(" "),
            "b" | "strong" => self.bold_depth += 1,
            "sup" => {
                self.sup = self.text_mut().map(|t| (t.len(), t.chars().next_back()));
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if self.hidden_spans > 0 {
            if name == "span" {
                self.hidden_spans -= 1;
            }
            return;
        }
        match name {
            "table" => {
                if self.depth == 1 {
                    self.close_cell();
                }
                self.depth = self.depth.saturating_sub(1);
            }
            _ if self.depth > 1 => {}
            "td" | "th" | "tr" => self.close_cell(),
            "caption" => self.in_caption = false,
            "thead" => {
                self.close_cell();
                self.in_head = false;
            }
            "p" | "div" | "li" => self.push_text(" "),
            "b" | "strong" => self.bold_depth = self.bold_depth.saturating_sub(1),
            "sup" => {
                // A footnote's mark, one letter from `a` to `h` set after a word (`Dafrepant
                // alone<sup>a</sup>`, `C<sub>max</sub><sup>b</sup>`), stands apart from it, as
                // the superscript sets it: the word stays a word.
                let header = self.in_head || self.cell.as_ref().is_some_and(|c| c.is_th);
                if let Some((at, before)) = self.sup.take()
                    && let Some(text) = self.text_mut()
                    && at <= text.len()
                    && text.is_char_boundary(at)
                {
                    let sup = text[at..].trim();
                    // In a header also after a number (`Week 4<sup>a</sup>`); a body cell's
                    // number keeps its mark (`2.5<sup>a</sup>`, read by the cell's parser).
                    // (And a body cell that is a code, not a number: a subject's `MAL-03<sup>a</sup>`.)
                    let code = text.trim_start().starts_with(char::is_alphabetic);
                    // (In a header or a label also after a symbol that ends a name,
                    // `t<sub>½</sub><sup>a</sup>`, `AUC<sub>0–∞</sub><sup>b</sup>`; a number's
                    // `512 (31.4)<sup>c</sup>` keeps its mark for the cell's parser.)
                    let after_letter =
                        before.is_some_and(|c| c.is_alphabetic() || (header || code) && matches!(c, '½' | '∞'));
                    let digit_before = text[..at].chars().next_back().is_some_and(|c| c.is_ascii_digit());
                    let after_digit = (header || code) && digit_before;
                    let mut letters = sup.chars();
                    let one_mark = letters.next().is_some_and(crate::cell::is_mark_letter) && letters.next().is_none();
                    // (After a code's digits any one letter is a mark, `NMR-04<sup>Q</sup>` with
                    // "<sup>Q</sup>Breeding queen": a code is not set in superscript. One the
                    // notes' marks from `a` to `h` cannot be is dropped.)
                    let code_mark = code
                        && digit_before
                        && sup.chars().count() == 1
                        && sup.chars().all(|c| c.is_ascii_alphabetic());
                    if code_mark && !one_mark {
                        text.truncate(at);
                    } else if (after_letter || after_digit) && one_mark {
                        text.insert(at, ' ');
                    } else if text[..at].ends_with("10")
                        && !sup.is_empty()
                        && sup.chars().enumerate().all(|(k, c)| c.is_ascii_digit() || k == 0 && matches!(c, '-' | '−'))
                    {
                        // A power of ten (`× 10<sup>3</sup>`) keeps its exponent apart from the
                        // ten: `× 10³`, not `× 103`.
                        let power: String = sup
                            .chars()
                            .map(|c| c.to_digit(10).map_or('⁻', |d| crate::cell::SUPERSCRIPT_DIGITS[d as usize]))
                            .collect();
                        text.replace_range(at.., &power);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Parses the first table of `html` into a grid. Fails only when no row is found.
pub fn parse_table(html: &str) -> Result<Table, String> {
    let mut b = Builder::default();
    scan(html, &mut b);
    b.close_cell();
    b.rows.retain(|r| !r.cells.is_empty());
    if b.rows.is_empty() {
        return Err(if b.saw_table { "the table has no rows" } else { "no <table> or <tr> element found" }.to_owned());
    }
    // A spreadsheet saved as HTML (or a table typed into a word processor) prints its title
    // in a first row of one cell across the table, perhaps with blank rows under it, above
    // the header row: without `<thead>` or `<th>`, such rows over a row of two labels or
    // more are the title, the caption where the table has none.
    if !b.rows.iter().any(|r| r.in_head || r.cells.iter().any(|c| c.is_th)) {
        let filled = |r: &Row| r.cells.iter().filter(|c| !c.text.trim().is_empty()).count();
        let title_rows = b.rows.iter().take_while(|r| filled(r) <= 1).count();
        let spans_table = |r: &Row| r.cells.len() == 1 || filled(r) == 0;
        // (A title: `Table S4. ...`, or a sentence; not a section's name over the header,
        // `Parent drug`.)
        let titled = |r: &Row| {
            r.cells.iter().any(|c| {
                let t = crate::fold::lower(c.text.trim());
                t.starts_with("table") || t.starts_with("supplementary") || t.split_whitespace().count() >= 4
            })
        };
        if title_rows > 0
            && b.rows[..title_rows].iter().any(titled)
            && b.rows.get(title_rows).is_some_and(|r| filled(r) >= 2 && r.cells.iter().all(|c| !is_value_text(&c.text)))
            && b.rows[..title_rows].iter().all(spans_table)
            && b.rows.len() > title_rows + 1
        {
            let title: Vec<String> = b
                .rows
                .drain(..title_rows)
                .flat_map(|r| r.cells)
                .map(|c| crate::fold::squeeze(&c.text.replace(LINE_BREAK, " ")))
                .collect();
            if b.caption.trim().is_empty() {
                b.caption = title.join(" ");
            }
        }
    }
    let n_head = if b.rows.iter().any(|r| r.in_head) {
        b.rows.iter().take_while(|r| r.in_head).count()
    } else {
        let leading = b.rows.iter().take_while(|r| r.cells.iter().all(|c| c.is_th)).count();
        // Without `<th>` either: the first rows (up to three) set all in bold, of two cells or
        // more, over rows that are not (publishers' `<td><b>Cmax</b></td>` headers, a
        // spanning `Rabbit` over `R-07 | R-11`).
        // (Values are data: a cell of a number and no word, `12.1`, `80 (12)`; `75 mg` heads.)
        let values = |r: &Row| r.cells.iter().any(|c| is_value_text(&c.text));
        // (A bold row of numbers under a first row whose stub spans down to it is the
        // header's too: subjects' ids, `Time (h)` spanning `1001 | 1002`.)
        let spanned_down = b.rows.first().and_then(|r| r.cells.first()).map_or(1, |c| c.rowspan);
        let bold_leading = b
            .rows
            .iter()
            .enumerate()
            .take_while(|(k, r)| {
                // (A row under the first whose stub spans down to it may be one bold cell
                // spanning the columns: `Median [IQR]` over every group.)
                let under_stub = *k > 0 && *k < spanned_down;
                // (Or under a blank stub cell: `Ewe` over a blank, then bold days `1 | 2 | 3`
                // under the concentration's header.)
                let blank_stub = *k > 0 && r.cells.first().is_some_and(|c| c.text.trim().is_empty());
                // (Or a first row of a word over bare numbers rising across: `Owl | 0.25 | 0.5 |
                // 1 | 24`, the sampling times or subjects' numbers heading the columns.)
                let rising = *k == 0 && {
                    let numbers: Vec<Option<f64>> =
                        r.cells.iter().skip(1).map(|c| c.text.trim().parse::<f64>().ok()).collect();
                    r.cells.first().is_some_and(|c| c.text.contains(char::is_alphabetic))
                        && numbers.len() >= 3
                        && numbers.iter().all(Option::is_some)
                        && numbers.windows(2).all(|w| w[0] < w[1])
                };
                (is_bold_row(r) || under_stub && all_bold(r)) && (!values(r) || under_stub || blank_stub || rising)
            })
            .count();
        let bold_head = if leading == 0
            && (1..=3).contains(&bold_leading)
            && b.rows.get(bold_leading).is_some_and(|r| !is_bold_row(r))
        {
            bold_leading
        } else {
            0
        };
        // Without `<th>` or bold: a first row of labels over rows of values, as older and
        // scanned tables are converted (`Compound | Ae(0-48 h) (mg) | fe (% of dose)` over
        // `Olmetrazine | 9.84 +/- 2.11 | 24.6 +/- 5.3`): two labels or more, each with a word
        // (so none a value), and values in the row below.
        // (Or a row of units between them, its stub cell blank: `| | nmol/L | nmol/L`.)
        let plain_head = || {
            let [first, second, rest @ ..] = b.rows.as_slice() else { return false };
            let texts: Vec<&str> = first.cells.iter().map(|c| c.text.trim()).filter(|t| !t.is_empty()).collect();
            let units: Vec<&str> = second.cells.iter().map(|c| c.text.trim()).filter(|t| !t.is_empty()).collect();
            let unit_row = second.cells.first().is_some_and(|c| c.text.trim().is_empty())
                && !units.is_empty()
                && units.iter().all(|u| crate::read::bare_unit(u).is_some());
            let data = if unit_row { rest.first() } else { Some(second) };
            texts.len() >= 2
                && first.cells.len() >= 2
                // (Sampling clock times head columns too: `Patient | 08:00 | 09:00`.)
                && texts.iter().all(|t| t.contains(char::is_alphabetic) || crate::read::is_clock_time(t))
                && texts.iter().any(|t| t.contains(char::is_alphabetic))
                && data
                    .is_some_and(|d| d.cells.iter().skip(1).any(|c| crate::cell::parse_cell(&c.text).value.is_some()))
        };
        if leading == b.rows.len() {
            0
        } else if bold_head > 0 {
            bold_head
        } else if leading == 0 && b.rows.len() > 2 && plain_head() {
            1
        } else {
            leading
        }
    };
    split_stacked_rows(&mut b.rows, n_head);
    let (mut header_rows, mut copies) = expand(&b.rows);
    // A row of units under the header row, set as the body (`(pg/mL) | (h)` under `Cmax |
    // Tmax` with the stub's cell blank or `Unit`): the header's last row.
    let unit_row = |row: &[String]| {
        let stub = row.first().map_or("", |c| c.trim());
        let units: Vec<&String> = row.iter().skip(1).filter(|c| !c.trim().is_empty()).collect();
        (stub.is_empty() || matches!(crate::fold::lower(stub).as_str(), "unit" | "units"))
            && units.len() >= 2
            && units.iter().all(|c| crate::read::bare_unit(c).is_some())
    };
    let n_head = if n_head > 0 && n_head + 1 < header_rows.len() && unit_row(&header_rows[n_head]) {
        n_head + 1
    } else {
        n_head
    };
    let body: Vec<(Vec<String>, Vec<bool>)> = header_rows
        .split_off(n_head)
        .into_iter()
        .zip(copies.split_off(n_head))
        .filter(|(r, _)| r.iter().any(|c| !c.is_empty()))
        .collect();
    header_rows.retain(|r| r.iter().any(|c| !c.is_empty()));
    let spanned = body
        .iter()
        .enumerate()
        .flat_map(|(r, (_, copied))| copied.iter().enumerate().filter(|(_, c)| **c).map(move |(c, _)| [r, c]))
        .collect();
    let body_rows = body.into_iter().map(|(r, _)| r).collect();
    let caption = crate::fold::squeeze(&b.caption);
    Ok(Table { header_rows, body_rows, spanned, caption: (!caption.is_empty()).then_some(caption), ..Table::default() })
}

/// Marks a line break inside a cell until the rows are built.
const LINE_BREAK: char = '\u{e000}';

/// Whether a character of a cell's text is printed: no space, no line break.
fn printed(c: char) -> bool {
    !c.is_whitespace() && c != LINE_BREAK
}

/// Rows a PDF's conversion set as one row of stacked lines, each cell's lines separated by
/// line breaks (`Cmax (µg/mL)<br/>tmax (h)<br/>AUC0–∞` beside `6.84 ± 1.42<br/>10.5 ±
/// 2.9<br/>268.4 ± 54.1`), split into the rows they stand for: a row whose first cell lists
/// two labels or more, one per line, and whose other cells each list as many values, one
/// per line (or are blank). Every other line break is a space.
fn split_stacked_rows(rows: &mut Vec<Row>, n_head: usize) {
    let lines = |text: &str| -> Vec<String> { text.split(LINE_BREAK).map(crate::fold::squeeze).collect() };
    let stacked = |row: &Row| -> Option<usize> {
        let first = lines(&row.cells.first()?.text);
        let k = first.len();
        let single = row.cells.iter().all(|c| c.rowspan == 1 && c.colspan == 1);
        // (Labels that start with a letter, values with a number or a missing mark: not a
        // group's count under its name, `Fed<br/>(n = 8)`, nor an abstract's `Cmax: 1.24 µg/mL`.)
        // (Nor a label wrapped over its unit beside a mean over its SD, `Cmax<br/>ng/mL`,
        // `kel<br/>h-1`; a subject's code that reads as a unit too, its number padded after a
        // separator, `S-01`, is a label.)
        let padded_code = |l: &str| {
            l.split_once(['-', '_']).is_some_and(|(letters, digits)| {
                !letters.is_empty()
                    && letters.chars().all(char::is_alphabetic)
                    && digits.len() >= 2
                    && digits.starts_with('0')
                    && digits.chars().all(|c| c.is_ascii_digit())
            })
        };
        let unit = |l: &String| crate::read::bare_unit(l).is_some() && !padded_code(l);
        let labels = first.iter().all(|l| l.starts_with(char::is_alphabetic) && !unit(l));
        // (A range's ends are a value line too, `81–224`.)
        let value_line = |l: &String| {
            let parsed = crate::cell::parse_cell(l);
            parsed.missing.is_some()
                || (parsed.value.is_some() || parsed.interval.is_some())
                    && l.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '−' | '<' | '>' | '.'))
        };
        let others: Vec<Vec<String>> =
            row.cells[1..].iter().filter(|c| !c.text.trim().is_empty()).map(|c| lines(&c.text)).collect();
        (k >= 2
            && single
            && labels
            && !others.is_empty()
            && others.iter().all(|ls| ls.len() == k && ls.iter().all(value_line)))
        .then_some(k)
    };
    // (Not a row a cell above spans into: its cells would shift.)
    let mut covered = vec![false; rows.len()];
    for (r, row) in rows.iter().enumerate() {
        for cell in row.cells.iter().filter(|c| c.rowspan > 1) {
            for below in covered.iter_mut().skip(r + 1).take(cell.rowspan - 1) {
                *below = true;
            }
        }
    }
    let mut out = Vec::with_capacity(rows.len());
    for (r, row) in std::mem::take(rows).into_iter().enumerate() {
        match (r >= n_head && !covered[r]).then(|| stacked(&row)).flatten() {
            Some(k) => {
                let split: Vec<Vec<String>> = row.cells.iter().map(|c| lines(&c.text)).collect();
                for line in 0..k {
                    let cells = row
                        .cells
                        .iter()
                        .zip(&split)
                        .map(|(c, lines)| {
                            let text = lines.get(line).cloned().unwrap_or_default();
                            let bold = if c.bold > 0 { text.chars().filter(|ch| printed(*ch)).count() } else { 0 };
                            Cell { text, rowspan: 1, colspan: 1, is_th: c.is_th, bold }
                        })
                        .collect();
                    out.push(Row { cells, in_head: row.in_head });
                }
            }
            None => out.push(row),
        }
    }
    *rows = out;
    for cell in rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
        if cell.text.contains(LINE_BREAK) {
            cell.text = crate::fold::squeeze(&cell.text.replace(LINE_BREAK, " "));
        }
    }
}

/// Whether a cell's text is a value, data rather than a label: a number and no word
/// (`12.1`, `80 (12)`; `75 mg` is a label).
fn is_value_text(text: &str) -> bool {
    text.trim_start().starts_with(|c: char| c.is_ascii_digit()) && !text.chars().any(char::is_alphabetic)
}

/// Whether every cell of a row with two texts or more is set wholly in bold.
fn is_bold_row(row: &Row) -> bool {
    row.cells.iter().filter(|c| c.text.chars().any(printed)).count() >= 2 && all_bold(row)
}

/// Whether every cell of a row with text is set wholly in bold (and one has text).
fn all_bold(row: &Row) -> bool {
    let texts: Vec<&Cell> = row.cells.iter().filter(|c| c.text.chars().any(printed)).collect();
    !texts.is_empty() && texts.iter().all(|c| c.bold >= c.text.chars().filter(|ch| printed(*ch)).count())
}

/// Expands row and column spans into a rectangular grid, with whether each slot copies a
/// cell spanning columns from its left (not the spanning cell's own column), or a value (a
/// number, no word) spanning rows from above: an AUC printed once beside a subject's rows
/// of concentrations is one value. (A label spanning rows, a subject's id or a dose group,
/// names each row it spans, and is no copy.)
fn expand(rows: &[Row]) -> (Vec<Vec<String>>, Vec<Vec<bool>>) {
    let mut grid: Vec<Vec<Option<(String, bool)>>> = vec![Vec::new(); rows.len()];
    for (r, row) in rows.iter().enumerate() {
        let mut col = 0;
        for cell in &row.cells {
            while grid[r].get(col).is_some_and(Option::is_some) {
                col += 1;
            }
            let last_row = (r + cell.rowspan).min(rows.len());
            let value = is_value_text(&cell.text);
            for (down, grid_row) in grid[r..last_row].iter_mut().enumerate() {
                if grid_row.len() < col + cell.colspan {
                    grid_row.resize(col + cell.colspan, None);
                }
                for (k, slot) in grid_row[col..col + cell.colspan].iter_mut().enumerate() {
                    *slot = Some((cell.text.clone(), k > 0 || down > 0 && value));
                }
            }
            col += cell.colspan;
        }
    }
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    grid.into_iter()
        .map(|row| {
            let (mut texts, mut copies): (Vec<String>, Vec<bool>) =
                row.into_iter().map(Option::unwrap_or_default).unzip();
            texts.resize(width, String::new());
            copies.resize(width, false);
            (texts, copies)
        })
        .unzip()
}

/// Walks tags and text, calling the builder.
fn scan(html: &str, b: &mut Builder) {
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            b.push_text(&decode_entities(rest));
            break;
        };
        if lt > 0 {
            b.push_text(&decode_entities(&rest[..lt]));
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(gt) = find_tag_end(rest) else {
            // A lone '<' in text.
            b.push_text("<");
            rest = &rest[1..];
            continue;
        };
        let inner = &rest[1..gt];
        rest = &rest[gt + 1..];
        if inner.starts_with('!') || inner.starts_with('?') {
            continue;
        }
        if let Some(name) = inner.strip_prefix('/') {
            b.end(&tag_name(name));
            continue;
        }
        let name = tag_name(inner);
        // (JATS writes a line break in a cell `<break/>`.)
        let name = if name == "break" { "br".into() } else { name };
        if name.is_empty() {
            b.push_text(&decode_entities(&format!("<{inner}>")));
            continue;
        }
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            rest = rest.to_ascii_lowercase().find(&close).map_or("", |i| &rest[i..]);
            continue;
        }
        // Only cells (spans) and spans (hidden text) have attributes the builder reads.
        let attrs =
            if matches!(name.as_ref(), "td" | "th" | "span") { parse_attrs(&inner[name.len()..]) } else { Vec::new() };
        b.start(&name, &attrs);
        if inner.trim_end().ends_with('/') && !matches!(name.as_ref(), "br" | "hr") {
            b.end(&name);
        }
    }
}

/// The text of a caption, footnote or title given as an HTML fragment, as scraped pages
/// and JATS give them (`Data are mean &plusmn; SD. <sup>a</sup>Median (range).`): entities
/// decoded, tags dropped (a subscript joins its word, `t<sub>1/2</sub>` is `t1/2`; other
/// tags part words, so a footnote's mark stands apart: `a Median (range)`), whitespace
/// collapsed. A `<` that opens no tag (`< LLOQ`) is text. Plain text comes back as it was.
pub fn fragment_text(fragment: &str) -> String {
    if !fragment.contains(['<', '&']) {
        return fragment.to_owned();
    }
    let mut out = String::with_capacity(fragment.len());
    let mut rest = fragment;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        // The inline and block tags of captions and notes; `<X>` in a text stays text.
        const TAGS: &[&str] = &[
            "sub",
            "sup",
            "i",
            "b",
            "u",
            "em",
            "strong",
            "italic",
            "bold",
            "span",
            "br",
            "p",
            "a",
            "div",
            "small",
            "label",
            "caption",
            "title",
            "xref",
            "named-content",
            "inline-formula",
            "fn",
            "list-item",
        ];
        let name = tag_name(after.trim_start_matches('/'));
        let known = TAGS.contains(&name.as_ref()) || after.starts_with("!--");
        match find_tag_end(&rest[lt..]).filter(|_| known) {
            Some(gt) => {
                let closing = after.starts_with('/');
                let next = rest[lt + gt + 1..].chars().next();
                // Inline tags join their word (`<i>C</i><sub>max</sub>`, `mL<sup>−1</sup>`);
                // a superscript letter, a footnote's mark, stands apart from the word after it
                // (`<sup>a</sup>Median`); block tags part words.
                let inline = matches!(
                    name.as_ref(),
                    "sub" | "i" | "b" | "u" | "em" | "strong" | "italic" | "bold" | "span" | "small"
                );
                let apart = if name == "sup" { closing && next.is_some_and(char::is_alphabetic) } else { !inline };
                // A footnote's mark stands apart from the word before it too (`Compounds<sup>a
                // </sup>` at a caption's end is `Compounds a`): a superscript of one letter from
                // `a` to `h` or a mark symbol, not a power (`m<sup>2</sup>`, `h<sup>−1</sup>`).
                let mark_before = name == "sup"
                    && !closing
                    && out.chars().next_back().is_some_and(char::is_alphanumeric)
                    && rest[lt + gt + 1..].split_once("</sup>").is_some_and(|(inner, _)| {
                        let text = fragment_text(inner);
                        let mut chars = text.trim().chars();
                        chars
                            .next()
                            .is_some_and(|c| crate::cell::is_mark_letter(c) || crate::cell::MARK_SYMBOLS.contains(&c))
                            && chars.next().is_none()
                    });
                if apart || mark_before {
                    out.push(' ');
                }
                rest = &rest[lt + gt + 1..];
            }
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    crate::fold::squeeze(&decode_entities(&out))
}

/// Index of the `>` closing the tag that starts at `s[0] == '<'`, skipping quoted values.
fn find_tag_end(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let next = *bytes.get(1)?;
    if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?') {
        return None;
    }
    let mut quote = None;
    for (i, &c) in bytes.iter().enumerate().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(c),
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The element name a tag starts with, lower case (borrowed when printed in lower case).
fn tag_name(s: &str) -> std::borrow::Cow<'_, str> {
    let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':')).unwrap_or(s.len());
    let name = &s[..end];
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(name.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}

fn parse_attrs(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches('/').trim();
    while !rest.is_empty() {
        let key_len = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '/').unwrap_or(rest.len());
        let key = rest[..key_len].to_ascii_lowercase();
        rest = rest[key_len..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, remaining) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = decode_entities(v).into_owned();
            rest = remaining.trim_start();
        }
        rest = rest.trim_start_matches('/').trim_start();
        if !key.is_empty() {
            out.push((key, value));
        } else if !rest.is_empty() {
            rest = &rest[rest.chars().next().map_or(1, char::len_utf8)..];
        }
    }
    out
}

/// Decodes character references: numeric ones and the named ones PK tables use.
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map(|i| i + 1);
        // (Invisible characters, a soft hyphen or a joiner, are nothing: `Concen&shy;tration`.)
        if let Some(e) = end.filter(|&e| rest[e..].starts_with(';'))
            && matches!(&rest[1..e], "shy" | "zwj" | "zwnj" | "lrm" | "rlm")
        {
            rest = &rest[e + 1..];
            continue;
        }
        let decoded = end.filter(|&e| rest[e..].starts_with(';')).and_then(|e| entity(&rest[1..e]).map(|c| (c, e + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }

            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "thinsp" | "ensp" | "emsp" | "NonBreakingSpace" | "hairsp" | "numsp" | "puncsp" => ' ',
        "plusmn" => '±',
        "minus" => '−',
        "ndash" => '–',
        "mdash" => '—',
        "times" => '×',
        "middot" => '·',
        "micro" => 'µ',
        "deg" => '°',
        "le" => '≤',
        "ge" => '≥',
        "infin" => '∞',
        "alpha" => 'α',
        "beta" => 'β',
        "gamma" => 'γ',
        "delta" => 'δ',
        "kappa" => 'κ',
        "lambda" => 'λ',
        "mu" => 'μ',
        "sigma" => 'σ',
        "tau" => 'τ',
        "frac12" => '½',
        "sup2" => '²',
        "dagger" => '†',
        "Dagger" => '‡',
        "sect" => '§',
        "para" => '¶',
        "prime" => '′',
        "asymp" => '≈',
        "sim" => '∼',
        // Letters and signs HTML5 names (Greek capitals, Latin letters with their accents,
        // quotes, arrows), by name.
        _ => return LETTERS.binary_search_by(|(k, _)| k.cmp(&name)).ok().map(|i| LETTERS[i].1),
    })
}

/// HTML5's named references of the Greek and Latin letters (U+00C0 to U+017F, U+0391 to
/// U+03C9) and of common punctuation, arrows and signs not above, sorted by name (from the
/// WHATWG list of named character references).
const LETTERS: &[(&str, char)] = &[
    ("AElig", '\u{00c6}'),
    ("Aacute", '\u{00c1}'),
    ("Abreve", '\u{0102}'),
    ("Acirc", '\u{00c2}'),
    ("Agrave", '\u{00c0}'),
    ("Alpha", '\u{0391}'),
    ("Amacr", '\u{0100}'),
    ("Aogon", '\u{0104}'),
    ("Aring", '\u{00c5}'),
    ("Atilde", '\u{00c3}'),
    ("Auml", '\u{00c4}'),
    ("Beta", '\u{0392}'),
    ("Cacute", '\u{0106}'),
    ("Ccaron", '\u{010c}'),
    ("Ccedil", '\u{00c7}'),
    ("Ccirc", '\u{0108}'),
    ("Cdot", '\u{010a}'),
    ("Chi", '\u{03a7}'),
    ("Dcaron", '\u{010e}'),
    ("Delta", '\u{0394}'),
    ("Dstrok", '\u{0110}'),
    ("ENG", '\u{014a}'),
    ("ETH", '\u{00d0}'),
    ("Eacute", '\u{00c9}'),
    ("Ecaron", '\u{011a}'),
    ("Ecirc", '\u{00ca}'),
    ("Edot", '\u{0116}'),
    ("Egrave", '\u{00c8}'),
    ("Emacr", '\u{0112}'),
    ("Eogon", '\u{0118}'),
    ("Epsilon", '\u{0395}'),
    ("Eta", '\u{0397}'),
    ("Euml", '\u{00cb}'),
    ("Gamma", '\u{0393}'),
    ("Gbreve", '\u{011e}'),
    ("Gcedil", '\u{0122}'),
    ("Gcirc", '\u{011c}'),
    ("Gdot", '\u{0120}'),
    ("Hat", '\u{005e}'),
    ("Hcirc", '\u{0124}'),
    ("Hstrok", '\u{0126}'),
    ("IJlig", '\u{0132}'),
    ("Iacute", '\u{00cd}'),
    ("Icirc", '\u{00ce}'),
    ("Idot", '\u{0130}'),
    ("Igrave", '\u{00cc}'),
    ("Imacr", '\u{012a}'),
    ("Iogon", '\u{012e}'),
    ("Iota", '\u{0399}'),
    ("Itilde", '\u{0128}'),
    ("Iuml", '\u{00cf}'),
    ("Jcirc", '\u{0134}'),
    ("Kappa", '\u{039a}'),
    ("Kcedil", '\u{0136}'),
    ("Lacute", '\u{0139}'),
    ("Lambda", '\u{039b}'),
    ("Lcaron", '\u{013d}'),
    ("Lcedil", '\u{013b}'),
    ("Lmidot", '\u{013f}'),
    ("Lstrok", '\u{0141}'),
    ("MediumSpace", '\u{205f}'),
    ("Mu", '\u{039c}'),
    ("Nacute", '\u{0143}'),
    ("Ncaron", '\u{0147}'),
    ("Ncedil", '\u{0145}'),
    ("Ntilde", '\u{00d1}'),
    ("Nu", '\u{039d}'),
    ("OElig", '\u{0152}'),
    ("Oacute", '\u{00d3}'),
    ("Ocirc", '\u{00d4}'),
    ("Odblac", '\u{0150}'),
    ("Ograve", '\u{00d2}'),
    ("Omacr", '\u{014c}'),
    ("Omega", '\u{03a9}'),
    ("Omicron", '\u{039f}'),
    ("Oslash", '\u{00d8}'),
    ("Otilde", '\u{00d5}'),
    ("Ouml", '\u{00d6}'),
    ("Phi", '\u{03a6}'),
    ("Pi", '\u{03a0}'),
    ("Psi", '\u{03a8}'),
    ("Racute", '\u{0154}'),
    ("Rcaron", '\u{0158}'),
    ("Rcedil", '\u{0156}'),
    ("Rho", '\u{03a1}'),
    ("Sacute", '\u{015a}'),
    ("Scaron", '\u{0160}'),
    ("Scedil", '\u{015e}'),
    ("Scirc", '\u{015c}'),
    ("Sigma", '\u{03a3}'),
    ("THORN", '\u{00de}'),
    ("Tau", '\u{03a4}'),
    ("Tcaron", '\u{0164}'),
    ("Tcedil", '\u{0162}'),
    ("Theta", '\u{0398}'),
    ("Tstrok", '\u{0166}'),
    ("Uacute", '\u{00da}'),
    ("Ubreve", '\u{016c}'),
    ("Ucirc", '\u{00db}'),
    ("Udblac", '\u{0170}'),
    ("Ugrave", '\u{00d9}'),
    ("Umacr", '\u{016a}'),
    ("Uogon", '\u{0172}'),
    ("Upsilon", '\u{03a5}'),
    ("Uring", '\u{016e}'),
    ("Utilde", '\u{0168}'),
    ("Uuml", '\u{00dc}'),
    ("Wcirc", '\u{0174}'),
    ("Xi", '\u{039e}'),
    ("Yacute", '\u{00dd}'),
    ("Ycirc", '\u{0176}'),
    ("Yuml", '\u{0178}'),
    ("Zacute", '\u{0179}'),
    ("Zcaron", '\u{017d}'),
    ("Zdot", '\u{017b}'),
    ("Zeta", '\u{0396}'),
    ("aacute", '\u{00e1}'),
    ("abreve", '\u{0103}'),
    ("acirc", '\u{00e2}'),
    ("acute", '\u{00b4}'),
    ("aelig", '\u{00e6}'),
    ("agrave", '\u{00e0}'),
    ("alefsym", '\u{2135}'),
    ("amacr", '\u{0101}'),
    ("and", '\u{2227}'),
    ("ang", '\u{2220}'),
    ("angst", '\u{00c5}'),
    ("aogon", '\u{0105}'),
    ("aring", '\u{00e5}'),
    ("atilde", '\u{00e3}'),
    ("auml", '\u{00e4}'),
    ("bdquo", '\u{201e}'),
    ("brvbar", '\u{00a6}'),
    ("bull", '\u{2022}'),
    ("cacute", '\u{0107}'),
    ("cap", '\u{2229}'),
    ("ccaron", '\u{010d}'),
    ("ccedil", '\u{00e7}'),
    ("ccirc", '\u{0109}'),
    ("cdot", '\u{010b}'),
    ("cedil", '\u{00b8}'),
    ("cent", '\u{00a2}'),
    ("chi", '\u{03c7}'),
    ("circ", '\u{02c6}'),
    ("clubs", '\u{2663}'),
    ("cong", '\u{2245}'),
    ("copy", '\u{00a9}'),
    ("crarr", '\u{21b5}'),
    ("cup", '\u{222a}'),
    ("curren", '\u{00a4}'),
    ("darr", '\u{2193}'),
    ("dash", '\u{2010}'),
    ("dcaron", '\u{010f}'),
    ("diams", '\u{2666}'),
    ("div", '\u{00f7}'),
    ("divide", '\u{00f7}'),
    ("dstrok", '\u{0111}'),
    ("eacute", '\u{00e9}'),
    ("ecaron", '\u{011b}'),
    ("ecirc", '\u{00ea}'),
    ("edot", '\u{0117}'),
    ("egrave", '\u{00e8}'),
    ("emacr", '\u{0113}'),
    ("empty", '\u{2205}'),
    ("eng", '\u{014b}'),
    ("eogon", '\u{0119}'),
    ("epsi", '\u{03b5}'),
    ("epsilon", '\u{03b5}'),
    ("equiv", '\u{2261}'),
    ("eta", '\u{03b7}'),
    ("eth", '\u{00f0}'),
    ("euml", '\u{00eb}'),
    ("euro", '\u{20ac}'),
    ("exist", '\u{2203}'),
    ("forall", '\u{2200}'),
    ("frac14", '\u{00bc}'),
    ("frac34", '\u{00be}'),
    ("frasl", '\u{2044}'),
    ("gbreve", '\u{011f}'),
    ("gcirc", '\u{011d}'),
    ("gdot", '\u{0121}'),
    ("hArr", '\u{21d4}'),
    ("harr", '\u{2194}'),
    ("hcirc", '\u{0125}'),
    ("hearts", '\u{2665}'),
    ("hellip", '\u{2026}'),
    ("horbar", '\u{2015}'),
    ("hstrok", '\u{0127}'),
    ("hyphen", '\u{2010}'),
    ("iacute", '\u{00ed}'),
    ("icirc", '\u{00ee}'),
    ("iexcl", '\u{00a1}'),
    ("igrave", '\u{00ec}'),
    ("ijlig", '\u{0133}'),
    ("imacr", '\u{012b}'),
    ("image", '\u{2111}'),
    ("imath", '\u{0131}'),
    ("inodot", '\u{0131}'),
    ("int", '\u{222b}'),
    ("iogon", '\u{012f}'),
    ("iota", '\u{03b9}'),
    ("iquest", '\u{00bf}'),
    ("isin", '\u{2208}'),
    ("itilde", '\u{0129}'),
    ("iuml", '\u{00ef}'),
    ("jcirc", '\u{0135}'),
    ("kcedil", '\u{0137}'),
    ("kgreen", '\u{0138}'),
    ("lArr", '\u{21d0}'),
    ("lacute", '\u{013a}'),
    ("lang", '\u{27e8}'),
    ("laquo", '\u{00ab}'),
    ("larr", '\u{2190}'),
    ("lcaron", '\u{013e}'),
    ("lcedil", '\u{013c}'),
    ("lceil", '\u{2308}'),
    ("ldquo", '\u{201c}'),
    ("lfloor", '\u{230a}'),
    ("lmidot", '\u{0140}'),
    ("lowast", '\u{2217}'),
    ("loz", '\u{25ca}'),
    ("lsquo", '\u{2018}'),
    ("lstrok", '\u{0142}'),
    ("macr", '\u{00af}'),
    ("nabla", '\u{2207}'),
    ("nacute", '\u{0144}'),
    ("napos", '\u{0149}'),
    ("ncaron", '\u{0148}'),
    ("ncedil", '\u{0146}'),
    ("ne", '\u{2260}'),
    ("ni", '\u{220b}'),
    ("not", '\u{00ac}'),
    ("notin", '\u{2209}'),
    ("nsub", '\u{2284}'),
    ("ntilde", '\u{00f1}'),
    ("nu", '\u{03bd}'),
    ("oacute", '\u{00f3}'),
    ("ocirc", '\u{00f4}'),
    ("odblac", '\u{0151}'),
    ("oelig", '\u{0153}'),
    ("ograve", '\u{00f2}'),
    ("ohm", '\u{03a9}'),
    ("oline", '\u{203e}'),
    ("omacr", '\u{014d}'),
    ("omega", '\u{03c9}'),
    ("omicron", '\u{03bf}'),
    ("oplus", '\u{2295}'),
    ("or", '\u{2228}'),
    ("ordf", '\u{00aa}'),
    ("ordm", '\u{00ba}'),
    ("oslash", '\u{00f8}'),
    ("otilde", '\u{00f5}'),
    ("otimes", '\u{2297}'),
    ("ouml", '\u{00f6}'),
    ("part", '\u{2202}'),
    ("permil", '\u{2030}'),
    ("perp", '\u{22a5}'),
    ("phi", '\u{03c6}'),
    ("pi", '\u{03c0}'),
    ("pound", '\u{00a3}'),
    ("prod", '\u{220f}'),
    ("prop", '\u{221d}'),
    ("psi", '\u{03c8}'),
    ("rArr", '\u{21d2}'),
    ("racute", '\u{0155}'),
    ("radic", '\u{221a}'),
    ("rang", '\u{27e9}'),
    ("raquo", '\u{00bb}'),
    ("rarr", '\u{2192}'),
    ("rcaron", '\u{0159}'),
    ("rcedil", '\u{0157}'),
    ("rceil", '\u{2309}'),
    ("rdquo", '\u{201d}'),
    ("real", '\u{211c}'),
    ("reg", '\u{00ae}'),
    ("rfloor", '\u{230b}'),
    ("rho", '\u{03c1}'),
    ("rsquo", '\u{2019}'),
    ("sacute", '\u{015b}'),
    ("sbquo", '\u{201a}'),
    ("scaron", '\u{0161}'),
    ("scedil", '\u{015f}'),
    ("scirc", '\u{015d}'),
    ("sdot", '\u{22c5}'),
    ("sigmaf", '\u{03c2}'),
    ("sigmav", '\u{03c2}'),
    ("spades", '\u{2660}'),
    ("sub", '\u{2282}'),
    ("sube", '\u{2286}'),
    ("sum", '\u{2211}'),
    ("sup", '\u{2283}'),
    ("sup1", '\u{00b9}'),
    ("sup3", '\u{00b3}'),
    ("supe", '\u{2287}'),
    ("szlig", '\u{00df}'),
    ("tcaron", '\u{0165}'),
    ("tcedil", '\u{0163}'),
    ("there4", '\u{2234}'),
    ("theta", '\u{03b8}'),
    ("thorn", '\u{00fe}'),
    ("tilde", '\u{02dc}'),
    ("trade", '\u{2122}'),
    ("tstrok", '\u{0167}'),
    ("uacute", '\u{00fa}'),
    ("uarr", '\u{2191}'),
    ("ubreve", '\u{016d}'),
    ("ucirc", '\u{00fb}'),
    ("udblac", '\u{0171}'),
    ("ugrave", '\u{00f9}'),
    ("umacr", '\u{016b}'),
    ("uml", '\u{00a8}'),
    ("uogon", '\u{0173}'),
    ("upsi", '\u{03c5}'),
    ("upsilon", '\u{03c5}'),
    ("uring", '\u{016f}'),
    ("utilde", '\u{0169}'),
    ("uuml", '\u{00fc}'),
    ("varsigma", '\u{03c2}'),
    ("wcirc", '\u{0175}'),
    ("weierp", '\u{2118}'),
    ("xi", '\u{03be}'),
    ("yacute", '\u{00fd}'),
    ("ycirc", '\u{0177}'),
    ("yen", '\u{00a5}'),
    ("yuml", '\u{00ff}'),
    ("zacute", '\u{017a}'),
    ("zcaron", '\u{017e}'),
    ("zdot", '\u{017c}'),
    ("zeta", '\u{03b6}'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_read_as_text() {
        assert_eq!(
            fragment_text("Data are mean &plusmn; SD. <sup>a</sup>Median (range). AUC<sub>0&ndash;&infin;</sub>, area"),
            "Data are mean ± SD. a Median (range). AUC0–∞, area"
        );
        assert_eq!(
            fragment_text("Values < LLOQ were set to zero & dropped"),
            "Values < LLOQ were set to zero & dropped"
        );
        assert_eq!(fragment_text("PK of drug <X> & Y"), "PK of drug <X> & Y");
        assert_eq!(fragment_text("<p>Mean<br/>(SD)</p>"), "Mean (SD)");
        assert_eq!(fragment_text("<i>C</i><sub>max</sub> (ng&middot;mL<sup>&minus;1</sup>)"), "Cmax (ng·mL−1)");
        assert_eq!(fragment_text("Plain caption (n = 12)"), "Plain caption (n = 12)");
        // Letters HTML5 names: Greek capitals, Latin letters with their accents.
        assert_eq!(
            fragment_text("&Delta;OFV; &Idot;ntraven&ouml;z; &eacute;cart; &nosuch;"),
            "ΔOFV; İntravenöz; écart; &nosuch;"
        );
        assert_eq!(fragment_text("Concen&shy;tration&NonBreakingSpace;(ng/mL)"), "Concentration (ng/mL)");
        assert!(LETTERS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    fn check(html: &str, expect: &str) {
        let got = match parse_table(html) {
            Ok(t) => {
                let show = |rows: &[Vec<String>]| rows.iter().map(|r| r.join(" | ")).collect::<Vec<_>>().join("\n");
                format!("head:\n{}\nbody:\n{}", show(&t.header_rows), show(&t.body_rows))
            }
            Err(e) => format!("error: {e}"),
        };
        assert_eq!(got, expect);
    }

    #[test]
    fn spans_expand_into_a_grid() {
        check(
            r#"<table><thead><tr><th rowspan="2">Parameter</th><th colspan="2">Dose</th></tr>
               <tr><th>10 mg</th><th>20 mg</th></tr></thead>
               <tbody><tr><td>Cmax</td><td>1.2 &plusmn; 0.3</td><td>2.5<sup>a</sup></td></tr>
               <tr><td rowspan="2">AUC</td><td>4</td><td>8</td></tr><tr><td>5</td><td>9</td></tr></tbody></table>"#,
            "head:\nParameter | Dose | Dose\nParameter | 10 mg | 20 mg\nbody:\nCmax | 1.2 ± 0.3 | 2.5a\nAUC | 4 | 8\nAUC | 5 | 9",
        );
    }

    #[test]
    fn leading_th_rows_are_headers_without_thead() {
        check(
            "<table><tr><th>Drug</th><th>t<sub>1/2</sub> (h)</th></tr><tr><td>A</td><td>3<br/>(2&ndash;4)</td></tr></table>",
            "head:\nDrug | t1/2 (h)\nbody:\nA | 3 (2–4)",
        );
    }

    #[test]
    fn a_word_broken_after_its_hyphen_stays_one() {
        let t = parse_table(
            "<table><tr><th>Case</th><th>N-desmethyl-<br/>tarvoxamine</th><th>Day 1 -<br/>Day 2</th></tr>\
             <tr><td>1</td><td>0.67</td><td>2</td></tr></table>",
        )
        .unwrap();
        assert_eq!(t.header_rows, vec![vec!["Case", "N-desmethyl-tarvoxamine", "Day 1 - Day 2"]]);
    }

    #[test]
    fn a_plain_first_row_of_labels_and_clock_times_is_the_header() {
        let t = parse_table(
            "<table><tr><td>Patient</td><td>08:00</td><td>09:00</td></tr><tr><td>1</td><td>3.4</td><td>8.0</td></tr>\
             <tr><td>2</td><td>1.8</td><td>5.9</td></tr></table>",
        )
        .unwrap();
        assert_eq!(t.header_rows, vec![vec!["Patient", "08:00", "09:00"]]);
        assert_eq!(t.body_rows.len(), 2);
        // Clock times alone are a row of data (a dosing log's first row), not a header.
        let t = parse_table(
            "<table><tr><td>1</td><td>08:00</td><td>09:00</td></tr><tr><td>2</td><td>3.4</td><td>8.0</td></tr>\
             <tr><td>3</td><td>1.8</td><td>5.9</td></tr></table>",
        )
        .unwrap();
        assert!(t.header_rows.is_empty());
    }

    #[test]
    fn a_bold_first_row_is_the_header_without_thead_or_th() {
        check(
            "<table><tr><td><b>Condition</b></td><td><b>C<sub>max</sub><br>(&micro;g/mL)</b></td></tr><tr><td>Fasted</td><td>2.84 (31.2)</td></tr><tr><td><strong>Fed</strong></td><td>2.21</td></tr></table>",
            "head:\nCondition | Cmax (µg/mL)\nbody:\nFasted | 2.84 (31.2)\nFed | 2.21",
        );
        // Every row in bold, or a bold value beside a plain label: no header.
        check(
            "<table><tr><td><b>A</b></td><td><b>1</b></td></tr><tr><td><b>B</b></td><td><b>2</b></td></tr></table>",
            "head:\n\nbody:\nA | 1\nB | 2",
        );
        // A bold first row of values (`All patients | 12.1`) is data.
        check(
            "<table><tr><td><b>All</b></td><td><b>12.1</b></td></tr><tr><td>Young</td><td>10.2</td></tr></table>",
            "head:\n\nbody:\nAll | 12.1\nYoung | 10.2",
        );
        check(
            "<table><tr><td>Cmax</td><td><b>12.1</b></td></tr><tr><td>AUC</td><td>80</td></tr></table>",
            "head:\n\nbody:\nCmax | 12.1\nAUC | 80",
        );
        // Under a first row whose stub spans down to it, one bold cell spanning the groups
        // (`Median [IQR]`) is the header's second row.
        check(
            "<table><tr><td rowspan=\"2\"><b>Parameter</b></td><td><b>Trimester 1</b></td><td><b>Postpartum</b></td></tr><tr><td colspan=\"2\"><b>Median [IQR]</b></td></tr><tr><td>Tmax (h)</td><td>3.5 [3.0–4.0]</td><td>3.0 [2.5–4.0]</td></tr></table>",
            "head:\nParameter | Trimester 1 | Postpartum\nParameter | Median [IQR] | Median [IQR]\nbody:\nTmax (h) | 3.5 [3.0–4.0] | 3.0 [2.5–4.0]",
        );
    }

    #[test]
    fn a_plain_first_row_of_labels_over_values_is_the_header() {
        check(
            "<table><tr><td>Compound</td><td>Ae(0-48 h)<br>(mg)</td><td>fe<br>(% of dose)</td></tr><tr><td>Olmetrazine</td><td>9.84 +/- 2.11</td><td>24.6 +/- 5.3</td></tr><tr><td>Total</td><td>27.6</td><td>56.6</td></tr></table>",
            "head:\nCompound | Ae(0-48 h) (mg) | fe (% of dose)\nbody:\nOlmetrazine | 9.84 +/- 2.11 | 24.6 +/- 5.3\nTotal | 27.6 | 56.6",
        );
        // A first row of values, or a table of two rows, keeps no header.
        check(
            "<table><tr><td>Cmax</td><td>12.1</td></tr><tr><td>AUC</td><td>80</td></tr><tr><td>t1/2</td><td>4</td></tr></table>",
            "head:\n\nbody:\nCmax | 12.1\nAUC | 80\nt1/2 | 4",
        );
        // Bold days under a bold header, the stub's cell blank: the header's second row.
        check(
            "<table><tr><td><b>Ewe</b></td><td colspan=\"2\"><b>Plasma (µg/mL)</b></td></tr><tr><td></td><td><b>1</b></td><td><b>2</b></td></tr><tr><td>NZ-1</td><td>4.86</td><td>3.12</td></tr></table>",
            "head:\nEwe | Plasma (µg/mL) | Plasma (µg/mL)\n | 1 | 2\nbody:\nNZ-1 | 4.86 | 3.12",
        );
    }

    #[test]
    fn a_spreadsheets_title_row_is_its_caption() {
        // A title in one cell across the table and a blank row, over the header row.
        let t = parse_table(
            "<table><tr><td colspan=\"3\">Table S4. PK parameters by cohort</td></tr><tr><td colspan=\"3\"></td></tr><tr><td>Parameter</td><td>Mean</td><td>SD</td></tr><tr><td>Cmax</td><td>285.4</td><td>71.2</td></tr><tr><td>Tmax</td><td>1.42</td><td>0.61</td></tr></table>",
        )
        .unwrap();
        assert_eq!(t.caption.as_deref(), Some("Table S4. PK parameters by cohort"));
        assert_eq!(t.header_rows, [["Parameter", "Mean", "SD"]]);
        assert_eq!(t.body_rows, [["Cmax", "285.4", "71.2"], ["Tmax", "1.42", "0.61"]]);
        // A section's name over the labels is no title.
        let t = parse_table(
            "<table><tr><td colspan=\"3\">Parent drug</td></tr><tr><td>Parameter</td><td>Mean</td><td>SD</td></tr><tr><td>Cmax</td><td>285.4</td><td>71.2</td></tr><tr><td>Tmax</td><td>1.42</td><td>0.61</td></tr></table>",
        )
        .unwrap();
        assert_eq!(t.caption, None);
        // A first row of one cell over rows of values is a section of the body.
        check(
            "<table><tr><td colspan=\"2\">Young</td></tr><tr><td>Cmax</td><td>12.1</td></tr><tr><td>AUC</td><td>80</td></tr></table>",
            "head:\n\nbody:\nYoung | Young\nCmax | 12.1\nAUC | 80",
        );
    }

    #[test]
    fn rows_a_pdf_conversion_stacked_in_one_row_are_split() {
        // Each cell's lines are the block's rows: labels down the first, values beside them.
        check(
            "<table><tr><td><b>Parameter</b></td><td><b>22 °C</b></td><td><b>28 °C</b></td></tr><tr><td colspan=\"3\">Plasma</td></tr><tr><td>Cmax (µg/mL)<br/>tmax (h)</td><td>6.84 ± 1.42<br/>10.5 ± 2.9</td><td>8.95 ± 1.77<br/>NC</td></tr></table>",
            "head:\nParameter | 22 °C | 28 °C\nbody:\nPlasma | Plasma | Plasma\nCmax (µg/mL) | 6.84 ± 1.42 | 8.95 ± 1.77\ntmax (h) | 10.5 ± 2.9 | NC",
        );
        // A statistic's lines with a range's ends; a long table's subject codes.
        check(
            "<table><tr><th>Parameter</th><th>Cmax (ng/mL)</th></tr><tr><td>Mean<br/>SD<br/>Median<br/>Range</td><td>137<br/>41.6<br/>128<br/>81–224</td></tr></table>",
            "head:\nParameter | Cmax (ng/mL)\nbody:\nMean | 137\nSD | 41.6\nMedian | 128\nRange | 81–224",
        );
        check(
            "<table><tr><th>Subject</th><th>Time (h)</th><th>Conc.</th></tr><tr><td>S-01<br/>S-01<br/>S-02</td><td>0.5<br/>1<br/>0.5</td><td>9.16<br/>16.9<br/>6.70</td></tr></table>",
            "head:\nSubject | Time (h) | Conc.\nbody:\nS-01 | 0.5 | 9.16\nS-01 | 1 | 16.9\nS-02 | 0.5 | 6.70",
        );
        // (A rate constant over its unit stays one label: `kel<br/>h-1`.)
        check(
            "<table><tr><th>Parameter</th><th>A</th></tr><tr><td>kel<br/>h-1</td><td>0.12<br/>0.03</td></tr></table>",
            "head:\nParameter | A\nbody:\nkel h-1 | 0.12 0.03",
        );
        // JATS writes the line break `<break/>`.
        check(
            "<table><tr><th>Parameter</th><th>A</th></tr><tr><td>Cmax (ng/mL)<break/>AUC (ng·h/mL)</td><td>412<break/>3100</td></tr></table>",
            "head:\nParameter | A\nbody:\nCmax (ng/mL) | 412\nAUC (ng·h/mL) | 3100",
        );
        // A header's or a label's second line stays a space; so do lines that are no values
        // (`Cmax: 1.24 µg/mL<br/>Tmax: 2.0 h` in an abstract's cell), a label wrapped over
        // its unit beside a mean over its SD, and a row a cell above spans into.
        check(
            "<table><tr><th>Parameter</th><th>A</th></tr><tr><td>Cmax<br/>ng/mL</td><td>215.3<br/>24.1</td></tr></table>",
            "head:\nParameter | A\nbody:\nCmax ng/mL | 215.3 24.1",
        );
        check(
            "<table><tr><th>Matrix</th><th>Parameter</th><th>Value</th></tr><tr><td rowspan=\"2\">Plasma</td><td>Cmax</td><td>12.1</td></tr><tr><td>Tmax (h)<br/>AUC (ng·h/mL)</td><td>2.0<br/>88</td></tr></table>",
            "head:\nMatrix | Parameter | Value\nbody:\nPlasma | Cmax | 12.1\nPlasma | Tmax (h) AUC (ng·h/mL) | 2.0 88",
        );
        check(
            "<table><tr><th>Time (h)</th><th>Kiri<br/>F, 4.1 kg</th></tr><tr><td>1</td><td>11.1</td></tr><tr><td>Fed<br/>(n = 8)</td><td>Cmax: 1.24 µg/mL<br/>Tmax: 2.0 h</td></tr><tr><td><br/></td><td>2</td></tr></table>",
            "head:\nTime (h) | Kiri F, 4.1 kg\nbody:\n1 | 11.1\nFed (n = 8) | Cmax: 1.24 µg/mL Tmax: 2.0 h\n | 2",
        );
    }

    #[test]
    fn a_row_of_units_under_the_header_joins_it() {
        // Neither bold nor `<th>`: a first row of labels, a row of units, then the values.
        check(
            "<table><tr><td>Subject</td><td>Visit</td><td>X</td><td>M4</td></tr><tr><td></td><td></td><td>nmol/L</td><td>nmol/L</td></tr><tr><td>1001-004</td><td>Week 2</td><td>842</td><td>121</td></tr><tr><td>1001-007</td><td>Week 2</td><td>1210</td><td>188</td></tr></table>",
            "head:\nSubject | Visit | X | M4\n |  | nmol/L | nmol/L\nbody:\n1001-004 | Week 2 | 842 | 121\n1001-007 | Week 2 | 1210 | 188",
        );
        // Set as the body, under a bold header row, its stub cell blank: the header's unit row.
        check(
            "<table><tr><td><b>Dose</b></td><td><b>Cmax</b></td><td><b>Tmax</b></td></tr><tr><td></td><td>(pg/mL)</td><td>(h)</td></tr><tr><td>1 mg</td><td>845 (192)</td><td>6.2 (2.4)</td></tr></table>",
            "head:\nDose | Cmax | Tmax\n | (pg/mL) | (h)\nbody:\n1 mg | 845 (192) | 6.2 (2.4)",
        );
        // A row of values, or of words, stays in the body.
        check(
            "<table><thead><tr><th>Dose</th><th>Cmax</th><th>Tmax</th></tr></thead><tr><td></td><td>845</td><td>6.2</td></tr><tr><td>2 mg</td><td>900</td><td>5.0</td></tr></table>",
            "head:\nDose | Cmax | Tmax\nbody:\n | 845 | 6.2\n2 mg | 900 | 5.0",
        );
        check(
            "<table><thead><tr><th>Group</th><th>A</th><th>B</th></tr></thead><tr><td></td><td>Males</td><td>Females</td></tr><tr><td>1</td><td>9</td><td>8</td></tr></table>",
            "head:\nGroup | A | B\nbody:\n | Males | Females\n1 | 9 | 8",
        );
    }

    #[test]
    fn hidden_text_comments_and_odd_markup() {
        check(
            r#"<table><thead><tr><td><span class="screen-reader-only">Empty Cell</span></td><th scope=col>Value</th></tr></thead>
               <!-- a comment <td>x</td> --><tbody><tr><td>n < 5 &amp; &#x3bc;g</td><td>a &unknown; b</td></tr>
               <tr><td></td><td></td></tr><tr><td>ratio<td>1:2</tr></tbody></table>"#,
            "head:\n | Value\nbody:\nn < 5 & μg | a &unknown; b\nratio | 1:2",
        );
    }

    #[test]
    fn no_rows_is_an_error() {
        check("<p>no table here</p>", "error: no <table> or <tr> element found");
        check("<table></table>", "error: the table has no rows");
    }

    #[test]
    fn body_cells_copied_from_a_column_span_are_listed() {
        // The empty row is dropped before the copies are numbered; a row span is no copy.
        let t = parse_table(
            r#"<table><thead><tr><th>P</th><th colspan="2">Dose</th></tr></thead><tbody>
               <tr><td rowspan="2">A</td><td colspan="2">0.4</td></tr><tr></tr><tr><td>1</td><td>2</td></tr>
               <tr><td>B</td><td>3</td><td>4</td></tr><tr><td colspan="3">Section</td></tr></tbody></table>"#,
        )
        .unwrap();
        assert_eq!(t.body_rows[0], ["A", "0.4", "0.4"]);
        assert_eq!(t.spanned, [[0, 2], [3, 1], [3, 2]]);
        // A value spanning rows (an AUC beside a subject's concentrations) is copied below;
        // a label spanning rows (the subject) is not.
        let t = parse_table(
            r#"<table><tr><th>Patient</th><th>Conc</th><th>AUC</th></tr>
               <tr><td rowspan="2">BU-1</td><td>1020</td><td rowspan="2">1085</td></tr><tr><td>892</td></tr></table>"#,
        )
        .unwrap();
        assert_eq!(t.body_rows[1], ["BU-1", "892", "1085"]);
        assert_eq!(t.spanned, [[1, 2]]);
    }

    #[test]
    fn superscript_marks_stand_apart_and_powers_of_ten_stay_powers() {
        let t = parse_table(
            r#"<table><tr><th>Parameter</th><th>Drug alone<sup><i>a</i></sup></th><th>AUC (mg·h/m<sup>2</sup>)</th></tr>
               <tr><td>C<sub>max</sub><sup>b</sup>, h<sup>&minus;1</sup></td><td>(4.35 &plusmn; 1.02) &times; 10<sup>3</sup></td><td>2.5<sup>c</sup></td></tr></table>"#,
        )
        .unwrap();
        assert_eq!(t.header_rows[0], ["Parameter", "Drug alone a", "AUC (mg·h/m2)"]);
        assert_eq!(t.body_rows[0], ["Cmax b, h−1", "(4.35 ± 1.02) × 10³", "2.5c"]);
        // A subject's code keeps its mark apart; a number keeps it glued for the cell's parser.
        let t = parse_table("<table><tr><td>MAL-03<sup>a</sup></td><td>0.021<sup>b</sup></td></tr></table>").unwrap();
        assert_eq!(t.body_rows[0], ["MAL-03 a", "0.021b"]);
        let t = parse_table("<table><tr><td>NMR-04<sup>Q</sup></td><td>0.224</td></tr></table>").unwrap();
        assert_eq!(t.body_rows[0], ["NMR-04", "0.224"]);
    }

    #[test]
    fn huge_spans_are_clamped() {
        let t = parse_table(r#"<table><tr><td colspan="100000">x</td></tr><tr><td>y</td></tr></table>"#).unwrap();
        assert_eq!(t.body_rows[0].len(), MAX_SPAN);
    }
}
