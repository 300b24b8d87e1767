//! Rendering tables, rows and records as text.
//!
//! Whitespace inside every piece is collapsed to single spaces, and empty pieces are left
//! out, so the same table renders the same way whatever its markup.

use hysim_core::{Record, Table};

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn header_label(table: &Table, col: usize) -> String {
    let path = table.header_path(col);
    if path.is_empty() { format!("column {}", col + 1) } else { clean(&path.join(" / ")) }
}

/// A row whose cells all hold the same text is a group label spanning the table
/// ("Demography", "Citalopram"): it renders once.
fn group_label(row: &[String]) -> Option<String> {
    let first = row.first()?;
    (row.len() > 1 && !first.trim().is_empty() && row.iter().all(|c| c == first)).then(|| clean(first))
}

/// One string for a whole table (a row that is one spanning group label renders once):
///
/// ```text
/// <caption>
/// <header path of column 1> | <header path of column 2> | ...
/// <row 1, cell 1> | <row 1, cell 2> | ...
/// ...
/// <footnote>
/// ```
pub fn table_text(table: &Table) -> String {
    table_text_with(table, |_, _, cell| cell)
}

/// [`table_text`] with each body cell (0-based row and column, its cleaned text) rendered
/// by `cell`; a spanning group label renders once, as it is.
pub(crate) fn table_text_with(table: &Table, mut cell: impl FnMut(usize, usize, String) -> String) -> String {
    let mut lines = Vec::new();
    if let Some(caption) = table.caption.as_deref().map(clean).filter(|c| !c.is_empty()) {
        lines.push(caption);
    }
    let n_cols = table.n_cols();
    if !table.header_rows.is_empty() {
        lines.push((0..n_cols).map(|c| header_label(table, c)).collect::<Vec<_>>().join(" | "));
    }
    for (r, row) in table.body_rows.iter().enumerate() {
        lines.push(match group_label(row) {
            Some(label) => label,
            None => row.iter().enumerate().map(|(c, text)| cell(r, c, clean(text))).collect::<Vec<_>>().join(" | "),
        });
    }
    if let Some(footnote) = table.footnote.as_deref().map(clean).filter(|f| !f.is_empty()) {
        lines.push(footnote);
    }
    lines.join("\n")
}

/// One string per body row, each cell paired with its header path (AutoPK's
/// `<cell@header>` serialisation), after the caption:
///
/// ```text
/// <caption> || <header path>: <cell>; <header path>: <cell>; ...
/// ```
///
/// Empty cells are left out.
pub fn row_texts(table: &Table) -> Vec<String> {
    let caption = table.caption.as_deref().map(clean).unwrap_or_default();
    table
        .body_rows
        .iter()
        .map(|row| {
            if let Some(label) = group_label(row) {
                return if caption.is_empty() { label } else { format!("{caption} || {label}") };
            }
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .filter(|(_, cell)| !cell.trim().is_empty())
                .map(|(col, cell)| format!("{}: {}", header_label(table, col), clean(cell)))
                .collect();
            let cells = cells.join("; ");
            if caption.is_empty() { cells } else { format!("{caption} || {cells}") }
        })
        .collect()
}

/// One string per non-empty body cell, with its header path: `<header path>: <cell>`,
/// as `(row, column, text)` (0-based body row and column).
pub fn cell_texts(table: &Table) -> Vec<(usize, usize, String)> {
    let labels: Vec<String> = (0..table.n_cols()).map(|c| header_label(table, c)).collect();
    let mut out = Vec::new();
    for (r, row) in table.body_rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let cell = clean(cell);
            if !cell.is_empty() {
                out.push((r, c, format!("{}: {cell}", labels[c])));
            }
        }
    }
    out
}

/// One string for what a gold record says its cell holds, in the words a table uses:
/// the name of its parameter code (`parameter_name`, the caller's), its value, unit and
/// statistic, `<name> = <value> [<unit>] (<statistic>)`. Beside [`cell_texts`]'s text of
/// the cell, it is what embeddings compare to see labels that do not fit their cell.
pub fn label_text(record: &Record, parameter_name: &str) -> String {
    let value = record.value.map_or_else(|| clean(&record.value_raw), |v| v.to_string());
    let mut text = format!("{} = {value}", clean(parameter_name));
    if let Some(unit) = record.unit_raw.as_deref().map(clean).filter(|u| !u.is_empty()) {
        text.push_str(&format!(" [{unit}]"));
    }
    text.push_str(&format!(" ({})", record.statistic.as_str()));
    text
}

/// One string for a record: parameter, value, unit and statistic, then the context
/// fields that are set:
///
/// ```text
/// <parameter_raw> = <value_raw> [<unit_raw>] (<statistic>); drug: ...; species: ...; ...
/// ```
pub fn record_text(record: &Record) -> String {
    let mut text = format!("{} = {}", clean(&record.parameter_raw), clean(&record.value_raw));
    if let Some(unit) = record.unit_raw.as_deref().map(clean).filter(|u| !u.is_empty()) {
        text.push_str(&format!(" [{unit}]"));
    }
    text.push_str(&format!(" ({})", record.statistic.as_str()));
    let c = &record.context;
    let fields = [
        ("drug", &c.drug),
        ("analyte", &c.analyte),
        ("species", &c.species),
        ("population", &c.population),
        ("matrix", &c.matrix),
        ("dose", &c.dose),
        ("route", &c.route),
        ("group", &c.group),
    ];
    for (name, value) in fields {
        if let Some(value) = value.as_deref().map(clean).filter(|v| !v.is_empty()) {
            text.push_str(&format!("; {name}: {value}"));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use hysim_core::{Context, Provenance, Statistic};

    use super::*;

    fn table() -> Table {
        Table {
            id: "1:1".into(),
            caption: Some("Table 2.  Pharmacokinetic parameters of\n lorazepam".into()),
            footnote: Some("Values are mean ± SD.".into()),
            title: None,
            abstract_text: None,
            header_rows: vec![
                vec!["Parameter".into(), "Children (n = 8)".into(), "Children (n = 8)".into()],
                vec!["".into(), "IV".into(), "IM".into()],
            ],
            spanned: Vec::new(),
            body_rows: vec![
                vec!["Cmax (ng/mL)".into(), "62.1 ± 10.2".into(), "".into()],
                vec!["Children".into(), "Children".into(), "Children".into()],
                vec!["t1/2 (h)".into(), "19.8 (14–27)".into(), "21.0".into()],
            ],
        }
    }

    #[test]
    fn table_rendering() {
        insta::assert_snapshot!(table_text(&table()), @r"
        Table 2. Pharmacokinetic parameters of lorazepam
        Parameter | Children (n = 8) / IV | Children (n = 8) / IM
        Cmax (ng/mL) | 62.1 ± 10.2 | 
        Children
        t1/2 (h) | 19.8 (14–27) | 21.0
        Values are mean ± SD.
        ");
    }

    #[test]
    fn row_rendering() {
        insta::assert_snapshot!(row_texts(&table()).join("\n"), @r"
        Table 2. Pharmacokinetic parameters of lorazepam || Parameter: Cmax (ng/mL); Children (n = 8) / IV: 62.1 ± 10.2
        Table 2. Pharmacokinetic parameters of lorazepam || Children
        Table 2. Pharmacokinetic parameters of lorazepam || Parameter: t1/2 (h); Children (n = 8) / IV: 19.8 (14–27); Children (n = 8) / IM: 21.0
        ");
    }

    #[test]
    fn record_rendering() {
        let record = Record {
            table_id: "1:1".into(),
            parameter_raw: "Cmax (ng/mL)".into(),
            parameter: Some("CMAX".into()),
            value_raw: "62.1 ± 10.2".into(),
            value: Some(62.1),
            statistic: Statistic::Mean,
            dispersion: None,
            interval: None,
            unit_raw: Some("ng/mL".into()),
            unit: Some("ng/mL".into()),
            value_canonical: Some(62.1),
            n: Some(8),
            context: Context { drug: Some("lorazepam".into()), route: Some("IV".into()), ..Context::default() },
            provenance: Provenance::default(),
            confidence: None,
            noise: None,
            review: None,
        };
        insta::assert_snapshot!(record_text(&record), @"Cmax (ng/mL) = 62.1 ± 10.2 [ng/mL] (mean); drug: lorazepam; route: IV");
        // The label names the code's parameter and the gold value, not what the cell prints.
        let mislabelled = Record { parameter: Some("AUCIFO".into()), value: Some(186.3), ..record };
        insta::assert_snapshot!(label_text(&mislabelled, "AUC Infinity Obs"), @"AUC Infinity Obs = 186.3 [ng/mL] (mean)");
    }

    #[test]
    fn cell_rendering() {
        let cells: Vec<String> = cell_texts(&table()).into_iter().map(|(r, c, t)| format!("{r},{c} {t}")).collect();
        insta::assert_snapshot!(cells.join("\n"), @r"
        0,0 Parameter: Cmax (ng/mL)
        0,1 Children (n = 8) / IV: 62.1 ± 10.2
        1,0 Parameter: Children
        1,1 Children (n = 8) / IV: Children
        1,2 Children (n = 8) / IM: Children
        2,0 Parameter: t1/2 (h)
        2,1 Children (n = 8) / IV: 19.8 (14–27)
        2,2 Children (n = 8) / IM: 21.0
        ");
    }

    #[test]
    fn headerless_table_names_columns() {
        let t = Table { body_rows: vec![vec!["a".into(), "b".into()]], ..Table::default() };
        assert_eq!(row_texts(&t), ["column 1: a; column 2: b"]);
    }
}
