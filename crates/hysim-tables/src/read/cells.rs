//! Records of the cells a model pointed at (the grounded decoder's answers: a cell, a
//! parameter code, a statistic), read by the rule-based reader's own code. The value is
//! always the cell's, and every record names its cell.
//!
//! - A cell the reader made a record of keeps that record (its unit, spread paired from
//!   other lines, group, subject, time and context), with the model's code and statistic;
//!   a code of another unit family than the reader's gets the canonical unit of its own.
//! - Any other cell holding a value is read as [`model_record`] reads a cell: its unit from
//!   the row label (parameters down), else the column's header (parameters across), else
//!   the caption; its group from the column's header, or from the row label when the
//!   header held the unit.

use hysim_core::{Provenance, Record, Statistic, Table};

use super::{canonical, caption_unit, model_record, unit_in_label};
use crate::cell::parse_cell;
use crate::context::{TableContext, drug_in, table_context};
use crate::params::family_of_code;

/// Reads records of one table's cells.
pub struct CellReader<'t> {
    table: &'t Table,
    context: TableContext,
    /// The reader's record of each cell (the first, where a cell gave several).
    parsed: rustc_hash::FxHashMap<(u32, u32), Record>,
}

impl<'t> CellReader<'t> {
    /// The reader of `table`'s cells (the rule-based reader runs once over the table).
    pub fn new(table: &'t Table) -> Self {
        // The records and context the reader gives a table in another language read in
        // English (`super::in_english`), read once for both.
        let english = super::in_english(table);
        let mut parsed = rustc_hash::FxHashMap::default();
        for record in super::records_in_english(&english, super::Learned::default()) {
            if let (Some(row), Some(col)) = (record.provenance.row, record.provenance.col) {
                parsed.entry((row, col)).or_insert(record);
            }
        }
        Self { table, context: table_context(&english), parsed }
    }

    /// Whether a cell's text holds a value (a number a record could be read from).
    pub fn is_value(text: &str) -> bool {
        parse_cell(text).value.is_some()
    }

    /// The reader's own reading of body cell (`row`, `col`): the code and statistic of its
    /// record of the cell, where it made one with a code.
    pub fn reading(&self, row: u32, col: u32) -> Option<(&str, Statistic)> {
        let parsed = self.parsed.get(&(row, col)).filter(|r| r.value.is_some())?;
        Some((parsed.parameter.as_deref()?, parsed.statistic))
    }

    /// Every reading of the table ([`Self::reading`]), by row and column.
    pub fn readings(&self) -> Vec<(u32, u32, &str, Statistic)> {
        let mut all: Vec<_> =
            self.parsed.keys().filter_map(|&(row, col)| Some((row, col, self.reading(row, col)?))).collect();
        all.sort_by_key(|&(row, col, _)| (row, col));
        all.into_iter().map(|(row, col, (code, statistic))| (row, col, code, statistic)).collect()
    }

    /// The record of the value in body cell (`row`, `col`) as `code` and `statistic`, or
    /// `None` when the table has no such cell or it holds no value.
    pub fn record(&self, row: u32, col: u32, code: &str, statistic: Statistic) -> Option<Record> {
        if let Some(parsed) = self.parsed.get(&(row, col)).filter(|r| r.value.is_some()) {
            let mut record = parsed.clone();
            if record.parameter.as_deref() != Some(code) {
                let weight = record
                    .context
                    .analyte
                    .as_deref()
                    .and_then(drug_in)
                    .map(|d| d.molecular_weight)
                    .or(self.context.molecular_weight);
                let family = |per_kg| family_of_code(code, per_kg);
                (record.unit, record.value_canonical) =
                    canonical(record.unit_raw.as_deref(), family, record.value, weight);
                record.parameter = Some(code.to_owned());
            }
            record.statistic = statistic;
            return Some(record);
        }
        let cells = self.table.body_rows.get(row as usize)?;
        let text = cells.get(col as usize)?;
        // Judged on the text as prompts print it (whitespace collapsed).
        if !Self::is_value(&crate::fold::squeeze(text)) {
            return None;
        }
        let label = (col > 0).then(|| cells[0].trim()).filter(|l| !l.is_empty());
        let path = self.table.header_path(col as usize);
        let header_unit = || path.iter().rev().find_map(|h| unit_in_label(h));
        let (unit, group) = match label.and_then(unit_in_label) {
            Some(unit) => (Some(unit), (!path.is_empty()).then(|| path.join(" / "))),
            None => match header_unit() {
                Some(unit) => (Some(unit), label.map(str::to_owned)),
                None => {
                    let unit = self.table.caption.as_deref().and_then(caption_unit);
                    (unit, (!path.is_empty()).then(|| path.join(" / ")))
                }
            },
        };
        let mut record =
            model_record(self.table, &self.context, code, text, unit.as_deref(), statistic, group.as_deref());
        record.parameter_raw = label.unwrap_or(code).to_owned();
        record.provenance = Provenance { row: Some(row), col: Some(col), header_path: path, footnotes: Vec::new() };
        Some(record)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            id: "t:1".into(),
            caption: Some("Table 2. Pharmacokinetics of midazolam in adults".into()),
            footnote: Some("Values are mean ± SD.".into()),
            title: None,
            abstract_text: None,
            header_rows: vec![vec!["Parameter".into(), "IV".into(), "Oral".into()]],
            spanned: Vec::new(),
            body_rows: vec![
                vec!["Cmax (ng/mL)".into(), "62.1 ± 10.2".into(), "30.5 ± 8.1".into()],
                vec!["Vz (L/kg)".into(), "1.1 ± 0.2".into(), "2.3 ± 0.5".into()],
                vec!["Comment".into(), "none".into(), "12 subjects".into()],
            ],
        }
    }

    #[test]
    fn cells_under_p_values_differences_and_comparisons_hold_no_value() {
        let table = Table {
            id: "t:2".into(),
            header_rows: vec![vec![
                "Parameter".into(),
                "Fasted".into(),
                "Fed".into(),
                "Difference (95% CI)".into(),
                "P value".into(),
                "M/P ratio".into(),
            ]],
            body_rows: vec![
                vec!["Cmax (ng/mL)".into(), "45".into(), "40".into(), "-5 (-9, -1)".into(), "0.03".into(), "".into()],
                vec![
                    "Ratio fed/fasted (90% CI)".into(),
                    "".into(),
                    "0.88 (0.71–1.09)".into(),
                    "".into(),
                    "".into(),
                    "".into(),
                ],
                vec!["Milk (ng/mL)".into(), "12".into(), "11".into(), "".into(), "".into(), "0.3".into()],
            ],
            ..Table::default()
        };
        let holding: Vec<(usize, usize)> = (0..3)
            .flat_map(|r| (1..6).map(move |c| (r, c)))
            .filter(|&(r, c)| crate::may_hold_value(&table, r, c))
            .collect();
        assert_eq!(holding, [(0, 1), (0, 2), (0, 5), (2, 1), (2, 2), (2, 5)]);
    }

    #[test]
    fn a_cell_the_reader_read_keeps_its_record_with_the_models_code_and_statistic() {
        let table = table();
        let reader = CellReader::new(&table);
        assert_eq!(reader.reading(0, 2), Some(("CMAX", Statistic::Mean)));
        assert_eq!(reader.reading(2, 1), None);
        let parsed = reader.record(0, 2, "CMAX", Statistic::Mean).unwrap();
        assert_eq!((parsed.value, parsed.unit.as_deref()), (Some(30.5), Some("ng/mL")));
        assert_eq!(parsed.context.group.as_deref(), Some("Oral"));
        assert_eq!((parsed.provenance.row, parsed.provenance.col), (Some(0), Some(2)));
        assert_eq!(parsed.dispersion.as_ref().map(|d| (d.kind.as_str(), d.value)), Some(("SD", 8.1)));
        // Another code: another family's canonical unit (or none where it does not apply).
        let recoded = reader.record(0, 2, "TMAX", Statistic::Median).unwrap();
        assert_eq!((recoded.parameter.as_deref(), recoded.statistic), (Some("TMAX"), Statistic::Median));
        assert_eq!((recoded.unit, recoded.value_canonical), (None, None));
        let volume = reader.record(1, 1, "VZFO", Statistic::Mean).unwrap();
        assert_eq!((volume.unit.as_deref(), volume.value_canonical), (Some("L/kg"), Some(1.1)));
    }

    #[test]
    fn a_cell_the_reader_left_is_read_as_printed_and_cells_without_values_give_nothing() {
        let table = table();
        let reader = CellReader::new(&table);
        let record = reader.record(2, 2, "CMAX", Statistic::Value).unwrap();
        assert_eq!((record.value, record.value_raw.as_str()), (Some(12.0), "12 subjects"));
        assert_eq!(record.parameter_raw, "Comment");
        assert_eq!((record.provenance.row, record.provenance.col), (Some(2), Some(2)));
        assert_eq!(record.context.group.as_deref(), Some("Oral"));
        assert!(reader.record(2, 1, "CMAX", Statistic::Mean).is_none(), "no value");
        assert!(reader.record(9, 1, "CMAX", Statistic::Mean).is_none(), "no such row");
        assert!(reader.record(0, 7, "CMAX", Statistic::Mean).is_none(), "no such column");
    }

    #[test]
    fn parameters_across_give_the_unit_from_the_header_and_the_group_from_the_row() {
        let table = Table {
            id: "t:2".into(),
            caption: Some("Table 3. Results".into()),
            header_rows: vec![vec!["Dose".into(), "AUC (ng·h/mL)".into()]],
            body_rows: vec![vec!["High dose".into(), "n/a 40.2".into()]],
            ..Table::default()
        };
        let reader = CellReader::new(&table);
        let record = reader.record(0, 1, "AUCIFO", Statistic::Mean).unwrap();
        assert_eq!(record.unit_raw.as_deref(), Some("ng·h/mL"));
        assert_eq!(record.context.group.as_deref(), Some("High dose"));
    }
}
