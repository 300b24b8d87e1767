//! Prompts and answers of the grounded decoder. The prompt is the table as [`crate::table_text`]
//! renders it, with an id before every body cell that holds a value (`[r2c1]`: body row 2,
//! column 1, both from 0 as in a record's provenance; the stub column labels rows and has
//! none), inside a ChatML conversation (the chat format of SmolLM2 and Qwen2). The answer
//! points at cells: one line per value with its cell, its parameter code and its statistic.
//!
//! ```text
//! <|im_start|>system
//! Point at every pharmacokinetic value of the table: ...<|im_end|>
//! <|im_start|>user
//! Table 1. Enrofloxacin in dogs
//! Parameter | IV
//! Cmax (µg/mL) | [r0c1] 1.2 ± 0.3
//! <|im_end|>
//! <|im_start|>assistant
//! r0c1 CMAX mean
//! <|im_end|>
//! ```
//!
//! With the reader's readings (`[model] prompt = "reader"`, the default), a value cell's id
//! carries the code and statistic the rule-based reader read it as (`[r0c1 CMAX mean]
//! 1.2 ± 0.3`): the model confirms, corrects or leaves out each reading and points at values
//! the reader did not read.
//!
//! In verdict form (`[model] prompt = "verdicts"`, the default) the answer to a prompt with
//! readings is one line per reading, in reading order: the reading confirmed or corrected
//! (`r0c1 CMAX mean`), or left out (`r0c1 -`). Every reading is then a decision of its own
//! (the cell ids are given, not chosen), and no reading is passed over by skipping its line.
//!
//! What a model decides is the cell, the code and the statistic; the value, its unit,
//! spread, group, subject and time are then read from the cell by the rule-based reader's
//! own code (`hysim_tables::CellReader`), so every record's value is printed in its table
//! and every record names its cell. Constrained decoding follows [`AnswerGrammar`]: only
//! the prompt's cell ids (each once), the vocabulary's codes and the schema's statistics.

use std::collections::HashSet;
use std::fmt;

use hysim_core::{Record, Statistic, Table};

use crate::render::table_text_with;

/// The system instruction.
pub const SYSTEM: &str = "Point at every pharmacokinetic value of the table: one line per value with its cell id, parameter code and statistic.";

/// A body cell: 0-based body row and column, as in a record's provenance. Printed `r2c1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellId {
    /// 0-based body row (of the whole table, also in a part of it).
    pub row: u32,
    /// 0-based column.
    pub col: u32,
}

impl fmt::Display for CellId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "r{}c{}", self.row, self.col)
    }
}

impl CellId {
    /// The cell of a printed id (`r2c1`), if it is one.
    pub fn parse(text: &str) -> Option<Self> {
        let (row, col) = text.strip_prefix('r')?.split_once('c')?;
        // Digits without a leading zero, as ids are printed.
        let number = |s: &str| {
            let printed =
                !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s.len() == 1 || !s.starts_with('0'));
            printed.then(|| s.parse().ok()).flatten()
        };
        Some(Self { row: number(row)?, col: number(col)? })
    }

    /// The cell a record's provenance names, if it names one.
    pub fn of(record: &Record) -> Option<Self> {
        Some(Self { row: record.provenance.row?, col: record.provenance.col? })
    }
}

/// A prompt, the cells it gave ids to (in reading order) and the readings their ids carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// The prompt up to the assistant's turn.
    pub text: String,
    /// The cells with an id.
    pub cells: Vec<CellId>,
    /// The readings printed in ids, in reading order: the answer that confirms them all
    /// is one line for each.
    pub readings: Vec<Pointer>,
}

/// The prompt of `table` (or of a part of a table whose first body row is row `first_row`
/// of the whole): the table as printed, an id before each value cell, a non-empty body
/// cell outside the stub column for which `is_value(row, col, text)` holds (row within
/// the part; the caller's reader decides what holds a value). Where `reading` gives a cell a line (the rule-based reader's
/// reading of it), its id is that answer line, `[r2c1 CMAX mean] 1.2 ± 0.3`, for the model
/// to confirm, correct or leave out.
pub fn extraction_prompt(
    table: &Table,
    first_row: usize,
    is_value: impl Fn(usize, usize, &str) -> bool,
    reading: impl Fn(CellId) -> Option<Pointer>,
) -> Prompt {
    let mut cells = Vec::new();
    let mut readings = Vec::new();
    // The first column is the stub that labels the rows (subject ids, times, names), not
    // values, unless it is the only one.
    let stub = table.n_cols() > 1;
    let text = table_text_with(table, |r, c, text| {
        if text.is_empty() || (stub && c == 0) || !is_value(r, c, &text) {
            return text;
        }
        let id = CellId { row: (first_row + r) as u32, col: c as u32 };
        cells.push(id);
        match reading(id) {
            Some(line) => {
                let printed = format!("[{line}] {text}");
                readings.push(line);
                printed
            }
            None => format!("[{id}] {text}"),
        }
    });
    Prompt {
        text: format!(
            "<|im_start|>system\n{SYSTEM}<|im_end|>\n<|im_start|>user\n{text}\n<|im_end|>\n<|im_start|>assistant\n"
        ),
        cells,
        readings,
    }
}

/// One answer line: a cell, the parameter code of its value and the statistic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pointer {
    /// The value's cell.
    pub cell: CellId,
    /// Parameter code (one of [`CODES`]).
    pub code: String,
    /// The statistic the value is.
    pub statistic: Statistic,
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.cell, self.code, self.statistic.as_str())
    }
}

impl Pointer {
    /// The line of one answer line's text (without its newline), if it is one.
    pub fn parse(line: &str) -> Option<Self> {
        let mut words = line.split(' ');
        let cell = CellId::parse(words.next()?)?;
        let code = words.next().filter(|c| CODES.contains(c))?.to_owned();
        let statistic = Statistic::from_name(words.next()?)?;
        words.next().is_none().then_some(Self { cell, code, statistic })
    }
}

/// The answer to `prompt` that `records` (a table's gold) give: a line for each record
/// with a code whose cell has an id in the prompt, in reading order, the first record of
/// a cell only; then the end of the turn.
pub fn target_text(records: &[Record], prompt: &Prompt) -> String {
    let with_id: HashSet<CellId> = prompt.cells.iter().copied().collect();
    let mut lines: Vec<Pointer> = records
        .iter()
        .filter_map(|r| {
            let cell = CellId::of(r).filter(|c| with_id.contains(c))?;
            Some(Pointer { cell, code: r.parameter.clone()?, statistic: r.statistic })
        })
        .filter(|p| CODES.contains(&p.code.as_str()))
        .collect();
    lines.sort_by_key(|p| p.cell);
    lines.dedup_by_key(|p| p.cell);
    let mut out = answer_lines(&lines);
    out.push_str("<|im_end|>");
    out
}

/// What a verdict line says in place of a code and a statistic to leave a reading out
/// (`r1c2 -`).
pub const LEFT_OUT: &str = "-";

/// The answer in verdict form to `prompt` that `records` (a table's gold) give: with
/// readings, a line for each reading in reading order, the code and statistic of the
/// first gold record of its cell (`r0c1 CMAX mean`) or [`LEFT_OUT`] where gold has none
/// (gold on cells without a reading is not in this answer); without readings, the lines of
/// [`target_text`]. Then the end of the turn.
pub fn verdict_text(records: &[Record], prompt: &Prompt) -> String {
    if prompt.readings.is_empty() {
        return target_text(records, prompt);
    }
    let mut gold: std::collections::HashMap<CellId, Pointer> = std::collections::HashMap::new();
    for r in records {
        if let (Some(cell), Some(code)) = (CellId::of(r), r.parameter.as_deref())
            && CODES.contains(&code)
        {
            gold.entry(cell).or_insert_with(|| Pointer { cell, code: code.to_owned(), statistic: r.statistic });
        }
    }
    let mut out: String = prompt
        .readings
        .iter()
        .map(|reading| match gold.get(&reading.cell) {
            Some(p) => format!("{p}\n"),
            None => format!("{} {LEFT_OUT}\n", reading.cell),
        })
        .collect();
    out.push_str("<|im_end|>");
    out
}

/// `lines` as an answer writes them, each ending in a newline (without the end of the turn).
pub fn answer_lines(lines: &[Pointer]) -> String {
    lines.iter().map(|p| format!("{p}\n")).collect()
}

/// The lines of a generated answer, in order; lines that are not answer lines are returned
/// as errors with their 1-based number.
pub fn parse_answer(text: &str) -> Vec<Result<Pointer, (usize, String)>> {
    text.split("<|im_end|>")
        .next()
        .unwrap_or_default()
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        // A verdict that leaves its reading out names no value.
        .filter(|(_, l)| {
            l.trim().split_once(' ').is_none_or(|(id, rest)| CellId::parse(id).is_none() || rest != LEFT_OUT)
        })
        .map(|(k, l)| Pointer::parse(l.trim()).ok_or_else(|| (k + 1, l.to_owned())))
        .collect()
}

/// What constrained decoding admits for one prompt: lines `<cell id> <code> <statistic>\n`
/// whose cell has an id in the prompt and is named by no earlier line.
#[derive(Debug, Clone)]
pub struct AnswerGrammar {
    /// The prompt's cells with their printed ids.
    ids: Vec<(CellId, String)>,
    /// Verdict form: one line for each of `ids`, in their order, a code and a statistic
    /// or [`LEFT_OUT`]; the answer ends after the last.
    verdicts: bool,
}

impl AnswerGrammar {
    /// The grammar of a prompt's answer.
    pub fn new(prompt: &Prompt) -> Self {
        Self { ids: prompt.cells.iter().map(|c| (*c, c.to_string())).collect(), verdicts: false }
    }

    /// The grammar of an answer that names only the cells whose ids carry a reading, in a
    /// prompt with readings (one without admits every cell with an id, as [`Self::new`]).
    pub fn read_cells(prompt: &Prompt) -> Self {
        if prompt.readings.is_empty() {
            return Self::new(prompt);
        }
        Self { ids: prompt.readings.iter().map(|p| (p.cell, p.cell.to_string())).collect(), verdicts: false }
    }

    /// The grammar of an answer in verdict form ([`verdict_text`]): with readings, a line
    /// for each reading in reading order, its cell id given, then a code and a statistic or
    /// [`LEFT_OUT`]; a prompt without readings admits every cell with an id, as [`Self::new`].
    pub fn verdicts(prompt: &Prompt) -> Self {
        if prompt.readings.is_empty() {
            return Self::new(prompt);
        }
        Self { ids: prompt.readings.iter().map(|p| (p.cell, p.cell.to_string())).collect(), verdicts: true }
    }

    /// Whether `text` (the answer so far) can still become a valid answer: every finished
    /// line is a whole answer line and the last one is a prefix of one.
    pub fn is_valid_prefix(&self, text: &str) -> bool {
        let mut named: HashSet<CellId> = HashSet::new();
        text.split_inclusive('\n').all(|line| self.line(line, &mut named))
    }

    /// Whether the answer may end after `text` (a valid prefix): after a whole line; in
    /// verdict form, after the line of the last reading.
    pub fn can_end(&self, text: &str) -> bool {
        let whole = text.is_empty() || text.ends_with('\n');
        whole && (!self.verdicts || text.matches('\n').count() == self.ids.len())
    }

    /// Whether `line` is a whole line (its cell then counted as named) or, without its
    /// newline, a prefix of one.
    fn line(&self, line: &str, named: &mut HashSet<CellId>) -> bool {
        if self.verdicts {
            return self.verdict_line(line, named);
        }
        // A partial id must still lead to a cell not yet named: no dead end.
        let Some((id, rest)) = line.split_once(' ') else {
            return self.ids.iter().any(|(cell, printed)| printed.starts_with(line) && !named.contains(cell));
        };
        let Some(&(cell, _)) = self.ids.iter().find(|(cell, printed)| printed == id && !named.contains(cell)) else {
            return false;
        };
        match after_id(rest, false) {
            Some(whole) => !whole || named.insert(cell),
            None => false,
        }
    }
}

/// What follows a line's cell id and its space (`CMAX mean\n`, or `-\n` where `left_out`
/// admits a verdict that leaves its reading out): `Some(true)` a whole one with its newline,
/// `Some(false)` a prefix of one, `None` neither.
fn after_id(rest: &str, left_out: bool) -> Option<bool> {
    let (text, whole) = match rest.strip_suffix('\n') {
        Some(text) => (text, true),
        None => (rest, false),
    };
    if left_out && (if whole { text == LEFT_OUT } else { LEFT_OUT.starts_with(text) }) {
        return Some(whole);
    }
    let valid = match text.split_once(' ') {
        None => !whole && CODES.iter().any(|c| c.starts_with(text)),
        Some((code, statistic)) => {
            CODES.contains(&code)
                && if whole {
                    Statistic::from_name(statistic).is_some()
                } else {
                    Statistic::ALL.iter().any(|s| s.as_str().starts_with(statistic))
                }
        }
    };
    valid.then_some(whole)
}

impl AnswerGrammar {
    /// [`Self::line`] in verdict form: the line of the next reading (`named` counts the
    /// lines before it), whole or a prefix.
    fn verdict_line(&self, line: &str, named: &mut HashSet<CellId>) -> bool {
        let Some((cell, printed)) = self.ids.get(named.len()) else { return false };
        let Some((id, rest)) = line.split_once(' ') else { return printed.starts_with(line) };
        if id != printed {
            return false;
        }
        match after_id(rest, true) {
            Some(whole) => !whole || named.insert(*cell),
            None => false,
        }
    }
}

/// A table cut by body rows into parts that each fit, every part with the table's id,
/// caption, footnote, title and header rows, the range of body rows it holds and what
/// `measure` gave for it. `measure` sees each candidate part and its rows and says whether
/// it fits, with a value the caller keeps (say, the encoded prompt, so that it is not
/// encoded again). Halved until each part fits or holds one row (such a part is returned
/// whether it fits or not; the caller decides). A table that fits is its own single part.
/// A section label printed as a body row reaches only the part it falls in.
pub fn table_parts<T, M>(table: &Table, mut measure: M) -> Vec<(Table, std::ops::Range<usize>, T)>
where
    M: FnMut(&Table, std::ops::Range<usize>) -> (bool, T),
{
    fn split<T, M>(
        table: &Table,
        rows: std::ops::Range<usize>,
        measure: &mut M,
        out: &mut Vec<(Table, std::ops::Range<usize>, T)>,
    ) where
        M: FnMut(&Table, std::ops::Range<usize>) -> (bool, T),
    {
        // Every field but the body rows as they are (not `..table.clone()`, which would copy
        // the whole body first).
        let part = Table {
            id: table.id.clone(),
            caption: table.caption.clone(),
            footnote: table.footnote.clone(),
            title: table.title.clone(),
            abstract_text: table.abstract_text.clone(),
            header_rows: table.header_rows.clone(),
            body_rows: table.body_rows[rows.clone()].to_vec(),
            spanned: table
                .spanned
                .iter()
                .filter(|[r, _]| rows.contains(r))
                .map(|&[r, c]| [r - rows.start, c])
                .collect(),
        };
        let (fits, value) = measure(&part, rows.clone());
        if rows.len() <= 1 || fits {
            out.push((part, rows, value));
            return;
        }
        let middle = rows.start + rows.len() / 2;
        split(table, rows.start..middle, measure, out);
        split(table, middle..rows.end, measure, out);
    }
    let mut out = Vec::new();
    split(table, 0..table.body_rows.len(), &mut measure, &mut out);
    out
}

/// The parameter codes a target line may name: the codes of the table reader's
/// vocabulary (`crates/hysim-tables/data/pk-parameters.tsv`; a test there keeps the two equal).
pub const CODES: &[&str] = &[
    "CMAX",
    "CMAXD",
    "TMAX",
    "CMIN",
    "CTROUGH",
    "CAVG",
    "CSS",
    "C0",
    "CLST",
    "CMID",
    "CONC",
    "TLAG",
    "TLST",
    "AUCLST",
    "AUCALL",
    "AUCIFO",
    "AUCIFP",
    "AUCIFOD",
    "AUCPEO",
    "AUCTAU",
    "AUCINT",
    "AUMCLST",
    "AUMCIFO",
    "LAMZ",
    "LAMZHL",
    "HLALPHA",
    "HLKA",
    "KA",
    "ALPHA",
    "K10",
    "K12",
    "K21",
    "CLO",
    "CLFO",
    "RENALCL",
    "NRENALCL",
    "HEPCL",
    "VZO",
    "VZFO",
    "VSSO",
    "VC",
    "VP",
    "Q",
    "MRTIVIFO",
    "MRTEVIFO",
    "MRTIVLST",
    "MRTEVLST",
    "FABS",
    "FREL",
    "RCAMINT",
    "RCPCINT",
    "RCAMTAU",
    "RCPCTAU",
    "FU",
    "PB",
    "ARAUC",
    "ARCMAX",
    "FLUCP",
    "SWING",
    "SWINGTAU",
    "AUCTAUD",
    "AUCLSTD",
    "CMIND",
    "CTROUGHD",
    "RID",
    "MPRATIO",
    "FMRATIO",
    "PLMRATIO",
    "CSFPRATIO",
    "TPRATIO",
    "SPRATIO",
    "PENRATIO",
    "MRATIO",
];

#[cfg(test)]
mod tests {
    use hysim_core::{Context, Provenance};

    use super::*;

    #[test]
    fn a_long_table_is_cut_into_parts_that_fit() {
        let table = Table {
            id: "t:2".into(),
            caption: Some("Table 2. Midazolam in adults".into()),
            footnote: Some("Mean (SD).".into()),
            title: None,
            abstract_text: None,
            header_rows: vec![vec!["Parameter".into(), "Value".into()]],
            spanned: Vec::new(),
            body_rows: (0..5).map(|i| vec![format!("P{i}"), format!("{i}.0")]).collect(),
        };
        // At most two body rows per part.
        let parts = table_parts(&table, |t, rows| {
            assert_eq!(t.body_rows.len(), rows.len());
            (rows.len() <= 2, rows.len())
        });
        let ranges: Vec<_> = parts.iter().map(|(_, r, _)| r.clone()).collect();
        assert_eq!(ranges, vec![0..2, 2..3, 3..5]);
        for (part, rows, measured) in &parts {
            assert_eq!(*measured, rows.len());
            assert_eq!(part.body_rows, table.body_rows[rows.clone()].to_vec());
            assert_eq!((&part.id, &part.caption, &part.footnote), (&table.id, &table.caption, &table.footnote));
            assert_eq!(part.header_rows, table.header_rows);
        }
        // A table that fits is one part; a row that never fits is still returned.
        assert_eq!(table_parts(&table, |_, _| (true, ())).len(), 1);
        assert_eq!(table_parts(&table, |_, _| (false, ())).len(), 5);
        let empty = Table { body_rows: Vec::new(), ..table };
        assert_eq!(table_parts(&empty, |_, _| (false, ())).len(), 1);
    }

    fn record(value: &str, code: &str, statistic: Statistic, row: u32, col: u32) -> Record {
        Record {
            table_id: "t:1".into(),
            parameter_raw: "Cmax (µg/mL)".into(),
            parameter: Some(code.into()),
            value_raw: value.into(),
            value: None,
            statistic,
            dispersion: None,
            interval: None,
            unit_raw: None,
            unit: None,
            value_canonical: None,
            n: None,
            context: Context::default(),
            provenance: Provenance { row: Some(row), col: Some(col), ..Provenance::default() },
            confidence: None,
            noise: None,
            review: None,
        }
    }

    fn table() -> Table {
        Table {
            id: "t:1".into(),
            caption: Some("Table 1. Enrofloxacin in dogs".into()),
            footnote: Some("Tmax: median (range).".into()),
            title: None,
            abstract_text: None,
            header_rows: vec![vec!["Parameter".into(), "IV".into(), "Oral".into()]],
            spanned: Vec::new(),
            body_rows: vec![
                vec!["Cmax (µg/mL)".into(), "1.2 ± 0.3".into(), "0.8 ± 0.2".into()],
                vec!["Tmax (h)".into(), "".into(), "1.5 (1–2)".into()],
            ],
        }
    }

    #[test]
    fn prompt_and_answer_round_trip() {
        let is_value = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
        let prompt = extraction_prompt(&table(), 0, |_, _, t| is_value(t), |_| None);
        let gold = [
            record("1.5 (1–2)", "TMAX", Statistic::Median, 1, 2),
            record("1.2 ± 0.3", "CMAX", Statistic::Mean, 0, 1),
            record("0.8 ± 0.2", "CMAX", Statistic::Mean, 0, 2),
            // No id for its cell: no line.
            record("Cmax", "CMAX", Statistic::Mean, 0, 0),
        ];
        let answer = target_text(&gold, &prompt);
        insta::assert_snapshot!(format!("{}{answer}", prompt.text), @r"
        <|im_start|>system
        Point at every pharmacokinetic value of the table: one line per value with its cell id, parameter code and statistic.<|im_end|>
        <|im_start|>user
        Table 1. Enrofloxacin in dogs
        Parameter | IV | Oral
        Cmax (µg/mL) | [r0c1] 1.2 ± 0.3 | [r0c2] 0.8 ± 0.2
        Tmax (h) |  | [r1c2] 1.5 (1–2)
        Tmax: median (range).
        <|im_end|>
        <|im_start|>assistant
        r0c1 CMAX mean
        r0c2 CMAX mean
        r1c2 TMAX median
        <|im_end|>
        ");
        let parsed: Vec<Pointer> = parse_answer(&answer).into_iter().map(Result::unwrap).collect();
        assert_eq!(
            parsed[2],
            Pointer { cell: CellId { row: 1, col: 2 }, code: "TMAX".into(), statistic: Statistic::Median }
        );
        assert_eq!(parse_answer("r0c1 CMAX mean\nr0c1 CMAX\n")[1], Err((2, "r0c1 CMAX".into())));
        assert_eq!(CellId::parse("r01c1"), None);
        assert_eq!(CellId::parse("r10c0"), Some(CellId { row: 10, col: 0 }));
        // A part keeps the whole table's row numbers.
        let part = Table { body_rows: table().body_rows[1..].to_vec(), ..table() };
        assert_eq!(extraction_prompt(&part, 1, |_, _, t| is_value(t), |_| None).cells, [CellId { row: 1, col: 2 }]);

        // Every prefix of the answer is admitted; what is not an answer line is not.
        let grammar = AnswerGrammar::new(&prompt);
        let answer = answer.replace("<|im_end|>", "");
        for end in (0..=answer.len()).filter(|e| answer.is_char_boundary(*e)) {
            assert!(grammar.is_valid_prefix(&answer[..end]), "{:?}", &answer[..end]);
        }
        assert!(grammar.can_end(&answer) && !grammar.can_end("r0c1 CMAX mean"));
        for bad in [
            "x",
            "r2",
            "r0c3 ",
            "r1c1 CMAX mean\n",
            "r0c1 CMAXX",
            "r0c1 CMAX avg",
            "r0c1 CMAX mean \n",
            "r0c1 CMAX mean\nr0c1 ",
            "r0c1  CMAX",
            // Named already: no line can follow.
            "r0c1 CMAX mean\nr0c1",
            "r0c1 CMAX mean\nr0c2 CMAX mean\nr1c2 TMAX median\nr",
            "r00c1",
        ] {
            assert!(!grammar.is_valid_prefix(bad), "{bad:?}");
        }
        assert!(grammar.is_valid_prefix("r0c1 CMAX mean\nr0c2 CM"));
    }

    #[test]
    fn a_read_cell_carries_its_reading_and_a_part_looks_it_up_by_the_whole_tables_row() {
        let is_value = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
        // The reader read the Cmax row; the Tmax cell it left unread keeps a bare id.
        let reading =
            |cell: CellId| (cell.row == 0).then(|| Pointer { cell, code: "CMAX".into(), statistic: Statistic::Mean });
        let prompt = extraction_prompt(&table(), 0, |_, _, t| is_value(t), reading);
        assert!(
            prompt.text.contains("Cmax (µg/mL) | [r0c1 CMAX mean] 1.2 ± 0.3 | [r0c2 CMAX mean] 0.8 ± 0.2\nTmax (h) |  | [r1c2] 1.5 (1–2)\n"),
            "{}",
            prompt.text
        );
        // The answer and its grammar do not change: ids as before.
        assert_eq!(prompt.cells, [CellId { row: 0, col: 1 }, CellId { row: 0, col: 2 }, CellId { row: 1, col: 2 }]);
        // The grammar of the read cells admits the readings' cells only (a code changed, a
        // reading left out), not the Tmax cell the reader left unread.
        let read = AnswerGrammar::read_cells(&prompt);
        assert!(read.is_valid_prefix(
            "r0c2 CMAX median
r0c1 CMAX mean
"
        ));
        assert!(
            !read.is_valid_prefix(
                "r1c2 TMAX median
"
            ) && !read.is_valid_prefix(
                "r0c1 CMAX mean
r1"
            )
        );
        assert!(AnswerGrammar::new(&prompt).is_valid_prefix(
            "r1c2 TMAX median
"
        ));
        // Without readings every cell with an id stays open.
        let plain = extraction_prompt(&table(), 0, |_, _, t| is_value(t), |_| None);
        assert!(AnswerGrammar::read_cells(&plain).is_valid_prefix(
            "r1c2 TMAX median
"
        ));
        let part = Table { body_rows: table().body_rows[1..].to_vec(), ..table() };
        assert_eq!(prompt.readings.iter().map(|p| p.cell).collect::<Vec<_>>(), prompt.cells[..2]);
        let row_one =
            |cell: CellId| (cell.row == 1).then(|| Pointer { cell, code: "TMAX".into(), statistic: Statistic::Median });
        assert!(
            extraction_prompt(&part, 1, |_, _, t| is_value(t), row_one).text.contains("[r1c2 TMAX median] 1.5 (1–2)")
        );
    }

    #[test]
    fn a_verdict_answer_gives_every_reading_its_line_in_order() {
        let is_value = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
        // The reader read both Cmax cells (one as the wrong statistic) and the Tmax cell;
        // gold holds the first Cmax and the Tmax as a median, not the second Cmax.
        let reading = |cell: CellId| {
            let code = if cell.row == 0 { "CMAX" } else { "TMAX" };
            Some(Pointer { cell, code: code.into(), statistic: Statistic::Mean })
        };
        let prompt = extraction_prompt(&table(), 0, |_, _, t| is_value(t), reading);
        let records = [record("1.5", "TMAX", Statistic::Median, 1, 2), record("1.2", "CMAX", Statistic::Mean, 0, 1)];
        let answer = verdict_text(&records, &prompt);
        assert_eq!(answer, "r0c1 CMAX mean\nr0c2 -\nr1c2 TMAX median\n<|im_end|>");
        let answer = answer.replace("<|im_end|>", "");
        let grammar = AnswerGrammar::verdicts(&prompt);
        for end in (0..=answer.len()).filter(|e| answer.is_char_boundary(*e)) {
            assert!(grammar.is_valid_prefix(&answer[..end]), "{:?}", &answer[..end]);
            // Only after the last reading's line.
            assert_eq!(grammar.can_end(&answer[..end]), end == answer.len(), "{:?}", &answer[..end]);
        }
        // A line passed over, a line out of order, a cell named twice, a bad code: refused.
        for bad in ["r0c2", "r1c2 TMAX median\n", "r0c1 CMAX mean\nr0c1", "r0c1 -\nr0c2 XX", "r0c1 - mean\n"] {
            assert!(!grammar.is_valid_prefix(bad), "{bad:?}");
        }
        // Left-out lines make no record.
        let lines: Vec<_> = parse_answer(&answer).into_iter().map(|l| l.map(|p| p.cell)).collect();
        assert_eq!(lines, [Ok(CellId { row: 0, col: 1 }), Ok(CellId { row: 1, col: 2 })]);
        // Without readings the answer and its grammar are the open ones.
        let plain = extraction_prompt(&table(), 0, |_, _, t| is_value(t), |_| None);
        assert_eq!(verdict_text(&records, &plain), target_text(&records, &plain));
        assert!(AnswerGrammar::verdicts(&plain).can_end(""));
    }
}
