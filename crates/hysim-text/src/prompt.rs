//! Fine-tuning prompts and targets for the decoder: the table as [`table_text`] renders
//! it inside a ChatML conversation (the chat format of SmolLM2 and Qwen2), and the records
//! as compact JSON lines, one per value.
//!
//! ```text
//! <|im_start|>system
//! Extract every pharmacokinetic value of the table as JSON lines.<|im_end|>
//! <|im_start|>user
//! <table_text>
//! <|im_end|>
//! <|im_start|>assistant
//! {"p":"CMAX","v":"1.2 ± 0.3","u":"µg/mL","s":"mean","g":"IV"}
//! ...<|im_end|>
//! ```
//!
//! The target keeps what a model must read off the table (the parameter code, the cell
//! as printed, the unit as printed, the statistic, the group); units, numbers and context
//! are normalised afterwards by the same code as the rule-based parser.

use hysim_core::{Record, Table};
use serde::{Deserialize, Serialize};

use crate::table_text;

/// The system instruction.
pub const SYSTEM: &str = "Extract every pharmacokinetic value of the table as JSON lines.";

/// One target line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetRecord {
    /// Parameter code (CDISC where one exists).
    #[serde(rename = "p")]
    pub parameter: String,
    /// The cell as printed.
    #[serde(rename = "v")]
    pub value: String,
    /// The unit as printed.
    #[serde(rename = "u", default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// `mean`, `median`, `geometric_mean`, `individual` or `value`.
    #[serde(rename = "s")]
    pub statistic: String,
    /// The group (column or row header), when there is one.
    #[serde(rename = "g", default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

impl TargetRecord {
    /// The target line of a record (`None` for a record without a parameter code).
    pub fn from_record(r: &Record) -> Option<Self> {
        Some(Self {
            parameter: r.parameter.clone()?,
            value: r.value_raw.clone(),
            unit: r.unit_raw.clone(),
            statistic: r.statistic.as_str().to_owned(),
            group: r.context.group.clone(),
        })
    }
}

/// The prompt up to the assistant's turn.
pub fn extraction_prompt(table: &Table) -> String {
    format!(
        "<|im_start|>system\n{SYSTEM}<|im_end|>\n<|im_start|>user\n{}\n<|im_end|>\n<|im_start|>assistant\n",
        table_text(table)
    )
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

/// The assistant's answer: one compact JSON object per record, then the end of the turn.
pub fn target_text(records: &[Record]) -> String {
    let mut out = String::new();
    for r in records.iter().filter_map(TargetRecord::from_record) {
        out.push_str(&serde_json::to_string(&r).expect("invariant: target records serialise"));
        out.push('\n');
    }
    out.push_str("<|im_end|>");
    out
}

/// The target lines a generated answer holds, in order; lines that do not parse are
/// returned as errors with their 1-based number.
pub fn parse_target(text: &str) -> Vec<Result<TargetRecord, (usize, String)>> {
    text.split("<|im_end|>")
        .next()
        .unwrap_or_default()
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(k, l)| serde_json::from_str(l.trim()).map_err(|e| (k + 1, e.to_string())))
        .collect()
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
    "MRTIVIFO",
    "MRTEVIFO",
    "MRTIVLST",
    "MRTEVLST",
    "FABS",
    "FREL",
    "RCAMINT",
    "RCPCINT",
    "FU",
    "PB",
    "ARAUC",
    "ARCMAX",
    "FLUCP",
    "RID",
    "MPRATIO",
    "FMRATIO",
    "PLMRATIO",
    "CSFPRATIO",
    "MRATIO",
];

#[derive(Clone, Copy)]
enum Item {
    Lit(&'static str),
    Code,
    Text,
    Stat,
}

/// The four shapes of a target line (with or without `u`, with or without `g`).
const LINES: [&[Item]; 4] = {
    use Item::{Code, Lit, Stat, Text};
    [
        &[
            Lit("{\"p\":\""),
            Code,
            Lit("\",\"v\":\""),
            Text,
            Lit("\",\"u\":\""),
            Text,
            Lit("\",\"s\":\""),
            Stat,
            Lit("\",\"g\":\""),
            Text,
            Lit("\"}\n"),
        ],
        &[
            Lit("{\"p\":\""),
            Code,
            Lit("\",\"v\":\""),
            Text,
            Lit("\",\"u\":\""),
            Text,
            Lit("\",\"s\":\""),
            Stat,
            Lit("\"}\n"),
        ],
        &[
            Lit("{\"p\":\""),
            Code,
            Lit("\",\"v\":\""),
            Text,
            Lit("\",\"s\":\""),
            Stat,
            Lit("\",\"g\":\""),
            Text,
            Lit("\"}\n"),
        ],
        &[Lit("{\"p\":\""), Code, Lit("\",\"v\":\""), Text, Lit("\",\"s\":\""), Stat, Lit("\"}\n")],
    ]
};

fn allowed(item: Item, c: char) -> bool {
    match item {
        Item::Code => c.is_ascii_uppercase() || c.is_ascii_digit(),
        Item::Stat => c.is_ascii_lowercase() || c == '_',
        Item::Text => !matches!(c, '"' | '\\' | '\n'),
        Item::Lit(_) => false,
    }
}

/// Whether `word` is (`complete`) or begins one of the parameter codes or statistic names
/// (`hysim_core::Statistic`'s) that the item allows.
fn word_ok(item: Item, word: &str, complete: bool) -> bool {
    let fits = |w: &str| if complete { w == word } else { w.starts_with(word) };
    match item {
        Item::Code => CODES.iter().any(|w| fits(w)),
        Item::Stat => hysim_core::Statistic::ALL.iter().any(|s| fits(s.as_str())),
        _ => true,
    }
}

/// `None` when `text` is no prefix of the line shape; `Some(true)` when it is a whole line.
fn match_line(items: &[Item], text: &str) -> Option<bool> {
    let mut rest = text;
    for &item in items {
        match item {
            Item::Lit(lit) => {
                if rest.len() < lit.len() {
                    return lit.starts_with(rest).then_some(false);
                }
                rest = rest.strip_prefix(lit)?;
            }
            _ => {
                let n = rest.find(|c| !allowed(item, c)).unwrap_or(rest.len());
                let (word, after) = rest.split_at(n);
                if after.is_empty() {
                    return word_ok(item, word, false).then_some(false);
                }
                if !word_ok(item, word, true) {
                    return None;
                }
                rest = after;
            }
        }
    }
    rest.is_empty().then_some(true)
}

/// Whether `text` (the answer so far, lines of target records) can still become a valid
/// answer: every finished line is a whole target line and the last one is a prefix of one.
/// This is the grammar constrained decoding masks tokens with.
pub fn is_valid_answer_prefix(text: &str) -> bool {
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let last = lines.peek().is_none();
        let ok = LINES.iter().any(|shape| match match_line(shape, line) {
            Some(true) => true,
            Some(false) => last,
            None => false,
        });
        if !ok {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use hysim_core::{Context, Provenance, Statistic};

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

    #[test]
    fn prompt_and_target_round_trip() {
        let table = Table {
            id: "t:1".into(),
            caption: Some("Table 1. Enrofloxacin in dogs".into()),
            footnote: None,
            title: None,
            abstract_text: None,
            header_rows: vec![vec!["Parameter".into(), "IV".into()]],
            body_rows: vec![vec!["Cmax (µg/mL)".into(), "1.2 ± 0.3".into()]],
        };
        let record = Record {
            table_id: "t:1".into(),
            parameter_raw: "Cmax (µg/mL)".into(),
            parameter: Some("CMAX".into()),
            value_raw: "1.2 ± 0.3".into(),
            value: Some(1.2),
            statistic: Statistic::Mean,
            dispersion: None,
            interval: None,
            unit_raw: Some("µg/mL".into()),
            unit: None,
            value_canonical: None,
            n: None,
            context: Context { group: Some("IV".into()), ..Context::default() },
            provenance: Provenance::default(),
            confidence: None,
            noise: None,
        };
        let text = format!("{}{}", extraction_prompt(&table), target_text(std::slice::from_ref(&record)));
        insta::assert_snapshot!(text, @r#"
        <|im_start|>system
        Extract every pharmacokinetic value of the table as JSON lines.<|im_end|>
        <|im_start|>user
        Table 1. Enrofloxacin in dogs
        Parameter | IV
        Cmax (µg/mL) | 1.2 ± 0.3
        <|im_end|>
        <|im_start|>assistant
        {"p":"CMAX","v":"1.2 ± 0.3","u":"µg/mL","s":"mean","g":"IV"}
        <|im_end|>
        "#);
        let parsed = parse_target(&target_text(std::slice::from_ref(&record)));
        assert_eq!(parsed, [Ok(TargetRecord::from_record(&record).unwrap())]);
        assert_eq!(parse_target("{\"p\":1}\n")[0].as_ref().unwrap_err().0, 1);
        // Every prefix of a target is a valid answer prefix; corruptions are not.
        let answer = target_text(std::slice::from_ref(&record)).replace("<|im_end|>", "");
        for end in (0..=answer.len()).filter(|e| answer.is_char_boundary(*e)) {
            assert!(is_valid_answer_prefix(&answer[..end]), "{:?}", &answer[..end]);
        }
        for bad in [
            "{\"q",
            "{\"p\":\"CMAXX",
            "{\"p\":\"CMAX\",\"v\":\"1\",\"s\":\"avg",
            "{\"p\":\"TMAX\",\"v\":\"1\",\"s\":\"mean\"}\nx",
        ] {
            assert!(!is_valid_answer_prefix(bad), "{bad}");
        }
        assert!(is_valid_answer_prefix("{\"p\":\"TMAX\",\"v\":\"1.5 (1–2)\",\"s\":\"median\"}\n{\"p\":\"CM"));
    }
}
