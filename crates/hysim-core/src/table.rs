//! A table as read from a paper: caption, footnote and a grid of cells whose spanning
//! cells have been expanded, so every row has one string per column.

use serde::{Deserialize, Serialize};

use crate::TableId;

/// A table with its header rows and body rows as plain text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Table {
    /// The table's id (`"<pmid>:<table_index>"` for the shared `tables.jsonl`).
    pub id: TableId,
    /// Caption, with the "Table N." label when the source has one.
    pub caption: Option<String>,
    /// Footnote text below the table.
    pub footnote: Option<String>,
    /// The title of the paper the table comes from, when the source gives it (the shared
    /// `tables.jsonl` does): the study context a caption leaves out ("... Administered to
    /// Neonates") is often there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The abstract of that paper, when the source gives it: where the tables do not say
    /// which matrix was sampled, the abstract often does ("determined in plasma and urine").
    #[serde(default, rename = "abstract", skip_serializing_if = "Option::is_none")]
    pub abstract_text: Option<String>,
    /// Header rows, outermost first; a spanning header cell repeats over its columns.
    pub header_rows: Vec<Vec<String>>,
    /// Body rows; a spanning cell repeats over the rows and columns it covers.
    pub body_rows: Vec<Vec<String>>,
    /// The body cells (row, column) that repeat the text of a cell spanning columns to their
    /// left (`colspan`), or a value's (a number) spanning rows above them (`rowspan`), the
    /// spanning cell itself not among them: one value printed across columns or rows is one
    /// value. Empty for sources without spans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spanned: Vec<[usize; 2]>,
}

impl Table {
    /// The header path of column `col`: its header cells from the outermost down, blank
    /// and repeated cells left out.
    pub fn header_path(&self, col: usize) -> Vec<String> {
        let mut path: Vec<String> = Vec::new();
        for row in &self.header_rows {
            if let Some(cell) = row.get(col) {
                let cell = cell.trim();
                if !cell.is_empty() && path.last().map(String::as_str) != Some(cell) {
                    path.push(cell.to_owned());
                }
            }
        }
        path
    }

    /// The number of columns (the longest row).
    pub fn n_cols(&self) -> usize {
        self.header_rows.iter().chain(&self.body_rows).map(Vec::len).max().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_paths_skip_blank_and_repeated_cells() {
        let table = Table {
            header_rows: vec![
                vec!["Parameter".into(), "Dose 10 mg".into(), "Dose 10 mg".into()],
                vec!["".into(), "Cmax".into(), "AUC".into()],
            ],
            ..Table::default()
        };
        assert_eq!(table.header_path(0), ["Parameter"]);
        assert_eq!(table.header_path(2), ["Dose 10 mg", "AUC"]);
        assert_eq!(table.header_path(5), Vec::<String>::new());
        assert_eq!(table.n_cols(), 3);
    }
}
