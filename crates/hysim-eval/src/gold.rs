//! Gold adapters: every kind of ground truth becomes both numeric gold values (for the
//! numeric protocol) and AutoPK rows (for AutoPK's protocol).
//!
//! - SPEC records (a synthetic corpus's `gold.jsonl`, curated records, or the reviewed
//!   records of `hysim review`, rejected ones left out);
//! - the curated pk_summary CSVs of `../shared/data/tabular-data-pk` (read by
//!   `hysim_tables::gold`, damage repaired, blank parameters continuing the one above);
//! - AutoPK's label sheets (long format, one row per value; `hysim_tables::gold`).

use std::path::{Path, PathBuf};

use hysim_core::Record;
use hysim_tables::gold::{AutoPkLabel, GoldValue};

use crate::autopk::{Row, abbv_of};
use crate::{Error, Result};

/// The gold of a records file: as it is, or for a reviewed file (`hysim review`'s
/// download, records with a `review`), what the curator vouched for
/// ([`hysim_tables::vouched_records`]) in the papers whose every record has a verdict. A
/// paper with a pending record is left out whole (its gold would be incomplete, and its
/// records scored against it would count as wrong); its name is returned.
pub fn reviewed_papers(records: Vec<Record>) -> (Vec<Record>, Vec<String>) {
    let paper = |r: &Record| crate::paper_of_table(&r.table_id).to_owned();
    let incomplete: std::collections::BTreeSet<String> = records.iter().filter(|r| r.is_pending()).map(paper).collect();
    let kept = records.into_iter().filter(|r| !incomplete.contains(&paper(r))).collect();
    (hysim_tables::vouched_records(kept), incomplete.into_iter().collect())
}

/// Gold in both shapes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gold {
    /// For the numeric protocol.
    pub values: Vec<GoldValue>,
    /// For AutoPK's protocol.
    pub rows: Vec<Row>,
}

/// A representative code of an AutoPK `abbv`, so that its values fall in the right class.
pub fn code_of_abbv(abbv: &str) -> Option<&'static str> {
    Some(match abbv.trim().to_lowercase().as_str() {
        "half-life" | "halflife" | "t1/2" => "LAMZHL",
        "auc" => "AUCIFO",
        "cl" | "clearance" => "CLO",
        "mrt" => "MRTIVIFO",
        "cmax" => "CMAX",
        "tmax" => "TMAX",
        "vd" | "volume" => "VZO",
        "bioavailability" | "f" => "FABS",
        _ => return None,
    })
}

impl Gold {
    /// Reads one gold path, sniffing its kind: SPEC records (`.jsonl`), a curated
    /// pk_summary CSV, an AutoPK label sheet (`.xlsx`, or a `.csv` whose header has an
    /// `abbv` column), or a folder of `*_baseline.csv` files and label workbooks. Returns
    /// the gold and a description of what was read ("3 files in ...").
    pub fn read(path: &Path) -> Result<(Self, String)> {
        let ext = hysim_tables::extension(path);
        if !path.exists() {
            let source = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder");
            return Err(Error::Read { path: path.to_path_buf(), source });
        }
        if path.is_dir() {
            let mut gold = Gold::default();
            let mut files = 0;
            for file in hysim_tables::gold::gold_files(path)? {
                gold.extend(Gold::from_pk_summary(hysim_tables::gold::read_curated(&file)?));
                files += 1;
            }
            let read_error = |source| Error::Read { path: path.to_path_buf(), source };
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(read_error)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "xlsx" || e == "xls" || e == "ods"))
                .collect();
            entries.sort();
            for file in entries {
                gold.extend(Gold::from_autopk_labels(&hysim_tables::gold::read_autopk_labels(&file)?));
                files += 1;
            }
            return Ok((gold, format!("{files} files in {}", path.display())));
        }
        let gold = match ext.as_str() {
            "jsonl" => {
                let records = Record::read_jsonl(path)?;
                let (records, incomplete) = reviewed_papers(records);
                if !incomplete.is_empty() {
                    let gold = Gold::from_records(&records);
                    let described = format!(
                        "{} ({} papers left out: records not reviewed yet: {})",
                        path.display(),
                        incomplete.len(),
                        incomplete.join(", ")
                    );
                    return Ok((gold, described));
                }
                Gold::from_records(&records)
            }
            "xlsx" | "xls" | "ods" => Gold::from_autopk_labels(&hysim_tables::gold::read_autopk_labels(path)?),
            "csv" => {
                // The header line alone says which kind of CSV it is.
                let read_error = |source| Error::Read { path: path.to_path_buf(), source };
                let mut header = String::new();
                std::io::BufRead::read_line(
                    &mut std::io::BufReader::new(std::fs::File::open(path).map_err(read_error)?),
                    &mut header,
                )
                .map_err(read_error)?;
                let first: Vec<String> = header.trim_end().split(',').map(str::to_owned).collect();
                if hysim_tables::gold::is_autopk_label_header(&first) {
                    Gold::from_autopk_labels(&hysim_tables::gold::read_autopk_labels(path)?)
                } else {
                    Gold::from_pk_summary(hysim_tables::gold::read_curated(path)?)
                }
            }
            _ => return Err(Error::UnsupportedGold { path: path.to_path_buf() }),
        };
        Ok((gold, path.display().to_string()))
    }

    /// Reads every gold path ([`Gold::read`]) into one gold, with what was read from each.
    pub fn read_all(paths: &[PathBuf]) -> Result<(Self, Vec<String>)> {
        let mut gold = Gold::default();
        let mut descriptions = Vec::new();
        for path in paths {
            let (g, desc) = Gold::read(path)?;
            gold.extend(g);
            descriptions.push(desc);
        }
        Ok((gold, descriptions))
    }

    /// The papers that have gold values or rows (a row's paper is its table id up to the
    /// first `:`).
    pub fn papers(&self) -> std::collections::HashSet<String> {
        let mut papers: std::collections::HashSet<String> = self.values.iter().map(|v| v.paper.clone()).collect();
        papers.extend(self.rows.iter().map(|r| crate::paper_of_table(&r.table).to_owned()));
        papers
    }

    /// From SPEC records.
    pub fn from_records(records: &[Record]) -> Self {
        Gold { values: crate::gold_from_records(records), rows: records.iter().map(Row::from_record).collect() }
    }

    /// From curated pk_summary values (their table is the paper: `<pmid>:`).
    pub fn from_pk_summary(values: Vec<GoldValue>) -> Self {
        let rows = values
            .iter()
            .map(|g| Row {
                table: g.paper.clone(),
                abbv: abbv_of(g.parameter.as_deref()).to_owned(),
                fields: [
                    g.parameter_raw.clone(),
                    g.unit_raw.clone().unwrap_or_default(),
                    format!("{}", g.value),
                    String::new(),
                    g.context.drug.clone().unwrap_or_default(),
                    String::new(),
                    String::new(),
                    g.context.matrix.clone().unwrap_or_default(),
                ],
            })
            .collect();
        Gold { values, rows }
    }

    /// From AutoPK label rows.
    pub fn from_autopk_labels(labels: &[AutoPkLabel]) -> Self {
        let values = labels
            .iter()
            .filter_map(|l| {
                let value = hysim_tables::parse_cell(&l.fields[2]).value?;
                Some(GoldValue {
                    paper: crate::paper_of_table(&l.table).to_owned(),
                    line: l.line,
                    parameter_raw: l.fields[0].clone(),
                    parameter: code_of_abbv(&l.abbv).map(str::to_owned),
                    value,
                    unit_raw: Some(l.fields[1].clone()).filter(|u| !u.is_empty()),
                    statistic: None,
                    context: hysim_core::Context {
                        species: Some(l.fields[3].clone()).filter(|s| !s.is_empty()),
                        drug: Some(l.fields[4].clone()).filter(|s| !s.is_empty()),
                        dose: Some(l.fields[5].clone()).filter(|s| !s.is_empty()),
                        route: Some(l.fields[6].clone()).filter(|s| !s.is_empty()),
                        matrix: Some(l.fields[7].clone()).filter(|s| !s.is_empty()),
                        ..hysim_core::Context::default()
                    },
                    dispersion: None,
                    interval: None,
                })
            })
            .collect();
        let rows = labels
            .iter()
            .map(|l| Row { table: l.table.clone(), abbv: l.abbv.clone(), fields: l.fields.clone() })
            .collect();
        Gold { values, rows }
    }

    /// Adds another gold set.
    pub fn extend(&mut self, other: Gold) {
        self.values.extend(other.values);
        self.rows.extend(other.rows);
    }
}

/// The predictions as AutoPK rows, keyed like the gold: by table id, or by paper when the
/// gold is curated per paper (pk_summary rows carry the paper as their table).
pub fn prediction_rows(records: &[Record], gold: &Gold) -> Vec<Row> {
    let by_paper = gold.rows.iter().all(|r| !r.table.contains(':'));
    records
        .iter()
        .map(|r| {
            let mut row = Row::from_record(r);
            if by_paper {
                row.table = crate::paper_of_table(&r.table_id).to_owned();
            }
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_become_values_and_rows() {
        let mut fields: [String; 8] = Default::default();
        fields[0] = "t1/2".into();
        fields[1] = "h".into();
        fields[2] = "4.1 ± 0.3".into();
        fields[4] = "enrofloxacin".into();
        let label = AutoPkLabel { table: "12:Sheet1".into(), line: 2, abbv: "half-life".into(), fields };
        let gold = Gold::from_autopk_labels(&[label]);
        assert_eq!(gold.values[0].value, 4.1);
        assert_eq!(gold.values[0].paper, "12");
        assert_eq!(crate::class_of(gold.values[0].parameter.as_deref()), "half-life");
        assert_eq!(gold.rows[0].table, "12:Sheet1");
        assert_eq!(code_of_abbv("bogus"), None);
    }

    #[test]
    fn a_reviewed_file_is_gold_for_what_the_curator_vouched_for() {
        use hysim_core::{Review, Table, Verdict};
        let table = Table {
            id: "r:1".into(),
            header_rows: vec![vec!["Parameter".into(), "Value".into()]],
            body_rows: vec![vec!["Cmax (ng/mL)".into(), "30".into()], vec!["Tmax (h)".into(), "1.5".into()]],
            ..Table::default()
        };
        let mut records = hysim_tables::table_records(&table);
        let review = |verdict| Some(Review { verdict, reviewer: None, at: None, original: None });
        records[0].review = review(Verdict::Accepted);
        records[1].review = review(Verdict::Rejected);
        // Another paper whose review is not finished: left out whole.
        let mut unfinished = records.clone();
        for r in &mut unfinished {
            r.table_id = "u:1".into();
        }
        unfinished[1].review = review(Verdict::Pending);
        records.extend(unfinished);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reviewed.jsonl");
        Record::write_jsonl(&path, &records).unwrap();
        let (gold, described) = Gold::read(&path).unwrap();
        assert_eq!(gold.values.len(), 1);
        assert_eq!((gold.values[0].parameter.as_deref(), gold.values[0].value), (Some("CMAX"), 30.0));
        assert_eq!(gold.values[0].paper, "r");
        assert!(described.contains("1 papers left out") && described.contains('u'), "{described}");
    }
}
