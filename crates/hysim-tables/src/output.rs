//! Writing records as JSON Lines, CSV or Parquet.
//!
//! CSV and Parquet hold one flat row per record: the nested `dispersion`, `interval`,
//! `context` and `provenance` objects become columns (`dispersion_type`,
//! `dispersion_value`, `interval_type`, `interval_low`, `interval_high`, `drug`, ...,
//! `row`, `col`, `header_path` joined with ` / `, `footnotes` joined with ` | `). Every
//! file is written to a temporary file and renamed into place.

use std::path::Path;
use std::str::FromStr;

use hysim_core::{Record, Table};
use polars::prelude::*;

use crate::{Error, Result};

/// An output format of `hysim parse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// One SPEC record per line.
    Jsonl,
    /// Flat rows with a header.
    Csv,
    /// Flat rows, columnar and typed.
    Parquet,
}

impl FromStr for OutputFormat {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "jsonl" | "json" => Ok(Self::Jsonl),
            "csv" => Ok(Self::Csv),
            "parquet" | "pq" => Ok(Self::Parquet),
            other => Err(format!("unknown format {other:?}: expected jsonl, csv or parquet")),
        }
    }
}

impl OutputFormat {
    /// The format an output path's extension names, if any.
    pub fn from_path(path: &Path) -> Option<Self> {
        path.extension().and_then(|e| e.to_str()).and_then(|e| e.parse().ok())
    }
}

/// The flat table of records.
fn frame(records: &[Record]) -> PolarsResult<DataFrame> {
    let text = |f: &dyn Fn(&Record) -> Option<String>| records.iter().map(f).collect::<Vec<Option<String>>>();
    let number = |f: &dyn Fn(&Record) -> Option<f64>| records.iter().map(f).collect::<Vec<Option<f64>>>();
    let count = |f: &dyn Fn(&Record) -> Option<u32>| records.iter().map(f).collect::<Vec<Option<u32>>>();
    let columns = vec![
        Column::new("table_id".into(), text(&|r| Some(r.table_id.clone()))),
        Column::new("parameter_raw".into(), text(&|r| Some(r.parameter_raw.clone()))),
        Column::new("parameter".into(), text(&|r| r.parameter.clone())),
        Column::new("value_raw".into(), text(&|r| Some(r.value_raw.clone()))),
        Column::new("value".into(), number(&|r| r.value)),
        Column::new("statistic".into(), text(&|r| Some(r.statistic.as_str().to_owned()))),
        Column::new("dispersion_type".into(), text(&|r| r.dispersion.as_ref().map(|d| d.kind.clone()))),
        Column::new("dispersion_value".into(), number(&|r| r.dispersion.as_ref().map(|d| d.value))),
        Column::new("interval_type".into(), text(&|r| r.interval.as_ref().map(|i| i.kind.clone()))),
        Column::new("interval_low".into(), number(&|r| r.interval.as_ref().map(|i| i.low))),
        Column::new("interval_high".into(), number(&|r| r.interval.as_ref().map(|i| i.high))),
        Column::new("unit_raw".into(), text(&|r| r.unit_raw.clone())),
        Column::new("unit".into(), text(&|r| r.unit.clone())),
        Column::new("value_canonical".into(), number(&|r| r.value_canonical)),
        Column::new("n".into(), count(&|r| r.n)),
        Column::new("drug".into(), text(&|r| r.context.drug.clone())),
        Column::new("analyte".into(), text(&|r| r.context.analyte.clone())),
        Column::new("species".into(), text(&|r| r.context.species.clone())),
        Column::new("population".into(), text(&|r| r.context.population.clone())),
        Column::new("matrix".into(), text(&|r| r.context.matrix.clone())),
        Column::new("dose".into(), text(&|r| r.context.dose.clone())),
        Column::new("route".into(), text(&|r| r.context.route.clone())),
        Column::new("group".into(), text(&|r| r.context.group.clone())),
        // Per-subject values in long format: the subject as printed, the sampling time as
        // printed and split into its number and unit where it reads as one.
        Column::new("subject".into(), text(&|r| r.context.subject.clone())),
        Column::new("time".into(), text(&|r| r.context.time.clone())),
        Column::new("time_value".into(), number(&|r| r.context.time.as_deref().and_then(time_parts).map(|t| t.0))),
        Column::new("time_unit".into(), text(&|r| r.context.time.as_deref().and_then(time_parts).map(|t| t.1))),
        Column::new("row".into(), count(&|r| r.provenance.row)),
        Column::new("col".into(), count(&|r| r.provenance.col)),
        Column::new("header_path".into(), text(&|r| Some(r.provenance.header_path.join(" / ")))),
        Column::new("footnotes".into(), text(&|r| Some(r.provenance.footnotes.join(" | ")))),
        Column::new("confidence".into(), number(&|r| r.confidence)),
    ];
    DataFrame::new(records.len(), columns)
}

/// Writes `records` to `path` in `format`, atomically.
pub fn write_records(path: &Path, records: &[Record], format: OutputFormat) -> Result<()> {
    if format == OutputFormat::Jsonl {
        return write_jsonl(path, records);
    }
    let bad = |e: PolarsError| Error::BadFile { path: path.to_path_buf(), problem: format!("cannot write: {e}") };
    let mut df = frame(records).map_err(bad)?;
    let mut failure = None;
    let written = hysim_core::io::atomic_write(path, |out| {
        let result = match format {
            OutputFormat::Csv => CsvWriter::new(out).finish(&mut df),
            OutputFormat::Parquet => ParquetWriter::new(out).finish(&mut df).map(|_| ()),
            OutputFormat::Jsonl => unreachable!("invariant: handled above"),
        };
        result.map_err(|e| {
            let message = e.to_string();
            failure = Some(e);
            std::io::Error::other(message)
        })
    });
    match (written, failure) {
        (Err(_), Some(e)) => Err(bad(e)),
        (result, _) => Ok(result?),
    }
}

/// What [`write_tables_records`] wrote: tables with records, records, records converted to
/// canonical units, and records per parameter code (`-` for a record without one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    /// Tables that gave at least one record.
    pub pk_tables: usize,
    /// Records written.
    pub records: usize,
    /// Records with a value in canonical units.
    pub converted: usize,
    /// Records per parameter code.
    pub by_code: std::collections::BTreeMap<String, usize>,
}

impl Written {
    fn of(records: &[Record]) -> Self {
        let mut tally = Written {
            pk_tables: usize::from(!records.is_empty()),
            records: records.len(),
            converted: records.iter().filter(|r| r.value_canonical.is_some()).count(),
            by_code: std::collections::BTreeMap::new(),
        };
        for r in records {
            *tally.by_code.entry(r.parameter.as_deref().unwrap_or("-").to_owned()).or_default() += 1;
        }
        tally
    }

    fn add(mut self, other: Self) -> Self {
        self.pk_tables += other.pk_tables;
        self.records += other.records;
        self.converted += other.converted;
        for (code, n) in other.by_code {
            *self.by_code.entry(code).or_default() += n;
        }
        self
    }
}

/// Reads the records of `tables` ([`crate::table_records`]) and writes them to `path` in
/// `format`, atomically, in table order. For JSON Lines each table's records are read and
/// serialised on one thread and dropped there, so the records of all tables are never held
/// at once; CSV and Parquet, which are written by columns, collect them first.
pub fn write_tables_records(path: &Path, tables: &[Table], format: OutputFormat) -> Result<Written> {
    use rayon::prelude::*;
    use std::io::Write;
    if format != OutputFormat::Jsonl {
        let found = crate::tables_records(tables);
        let tally = found.iter().map(|records| Written::of(records)).fold(Written::default(), Written::add);
        let records: Vec<Record> = found.into_iter().flatten().collect();
        write_records(path, &records, format)?;
        return Ok(tally);
    }
    let parts = tables
        .par_iter()
        .map(|table| {
            let records = crate::table_records(table);
            let mut text = Vec::new();
            for record in &records {
                serde_json::to_writer(&mut text, record)?;
                text.push(b'\n');
            }
            Ok((Written::of(&records), text))
        })
        .collect::<serde_json::Result<Vec<(Written, Vec<u8>)>>>()
        .map_err(|e| Error::BadFile { path: path.to_path_buf(), problem: format!("cannot write a record: {e}") })?;
    hysim_core::io::atomic_write(path, |out| parts.iter().try_for_each(|(_, text)| out.write_all(text)))?;
    Ok(parts.into_iter().map(|(tally, _)| tally).fold(Written::default(), Written::add))
}

/// Records as JSON Lines, atomically: chunks of records are serialised in parallel, then
/// written in order (the same bytes as [`Record::write_jsonl`]).
fn write_jsonl(path: &Path, records: &[Record]) -> Result<()> {
    use rayon::prelude::*;
    use std::io::Write;
    let chunks = records
        .par_chunks(512)
        .map(|chunk| {
            let mut text = Vec::new();
            for record in chunk {
                serde_json::to_writer(&mut text, record)?;
                text.push(b'\n');
            }
            Ok(text)
        })
        .collect::<serde_json::Result<Vec<Vec<u8>>>>()
        .map_err(|e| Error::BadFile { path: path.to_path_buf(), problem: format!("cannot write a record: {e}") })?;
    Ok(hysim_core::io::atomic_write(path, |out| chunks.iter().try_for_each(|text| out.write_all(text)))?)
}

/// The number and unit of a sampling time as the reader writes it (`0.5 h`, `2 week`,
/// `day 3`, `Postpartum 2 Weeks`); `None` for a time named in words (`pre-dose`).
fn time_parts(time: &str) -> Option<(f64, String)> {
    let lower = time.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let unit_of = |w: &str| match w.trim_end_matches('s') {
        "min" | "minute" => Some("min"),
        "h" | "hr" | "hour" => Some("h"),
        "day" | "d" => Some("day"),
        "week" | "wk" => Some("week"),
        "month" | "mo" => Some("month"),
        _ => None,
    };
    words.iter().enumerate().find_map(|(k, w)| {
        let value: f64 = w.parse().ok()?;
        let unit =
            words.get(k + 1).and_then(|n| unit_of(n)).or_else(|| k.checked_sub(1).and_then(|p| unit_of(words[p])))?;
        Some((value, unit.to_owned()))
    })
}

#[cfg(test)]
mod tests {
    use hysim_core::{Context, Dispersion, Provenance, Statistic};

    use super::*;

    fn record(value: Option<f64>) -> Record {
        Record {
            table_id: "1:2".into(),
            parameter_raw: "Cmax (ng/mL)".into(),
            parameter: Some("CMAX".into()),
            value_raw: "6.2, ± 1.1".into(),
            value,
            statistic: Statistic::Mean,
            dispersion: Some(Dispersion { kind: "SD".into(), value: 1.1 }),
            interval: None,
            unit_raw: Some("ng/mL".into()),
            unit: Some("ng/mL".into()),
            value_canonical: value,
            n: Some(8),
            context: Context { species: Some("dog".into()), ..Context::default() },
            provenance: Provenance {
                row: Some(0),
                col: Some(1),
                header_path: vec!["A".into(), "B".into()],
                footnotes: vec![],
            },
            confidence: None,
            noise: None,
            review: None,
        }
    }

    #[test]
    fn tables_records_tally_the_same_in_every_format() {
        let table = |id: &str, html: &str| {
            let mut t = crate::html::parse_table(html).unwrap();
            t.id = id.into();
            t
        };
        let tables = [
            table(
                "1:1",
                "<table><tr><th>Parameter</th><th>Value</th></tr><tr><td>Cmax (ng/mL)</td><td>12.5</td></tr><tr><td>Tmax (h)</td><td>1.5</td></tr></table>",
            ),
            table(
                "2:1",
                "<table><tr><th>Characteristic</th><th>Value</th></tr><tr><td>Age (years)</td><td>34</td></tr></table>",
            ),
            table(
                "3:1",
                "<table><tr><th>Parameter</th><th>Value</th></tr><tr><td>AUC0-inf (ng·h/mL)</td><td>80</td></tr></table>",
            ),
        ];
        let dir = tempfile::tempdir().unwrap();
        let jsonl = dir.path().join("records.jsonl");
        let written = write_tables_records(&jsonl, &tables, OutputFormat::Jsonl).unwrap();
        assert_eq!((written.pk_tables, written.records), (2, 3), "{written:?}");
        assert_eq!(written.by_code.get("CMAX"), Some(&1));
        // The same bytes as the records of all tables written at once.
        let all: Vec<Record> = crate::tables_records(&tables).into_iter().flatten().collect();
        let reference = dir.path().join("reference.jsonl");
        write_records(&reference, &all, OutputFormat::Jsonl).unwrap();
        assert_eq!(std::fs::read(&jsonl).unwrap(), std::fs::read(&reference).unwrap());
        for (name, format) in [("records.csv", OutputFormat::Csv), ("records.parquet", OutputFormat::Parquet)] {
            assert_eq!(write_tables_records(&dir.path().join(name), &tables, format).unwrap(), written, "{name}");
        }
    }

    #[test]
    fn csv_and_parquet_round_trip() {
        let dir = std::env::temp_dir().join(format!("hysim-output-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut individual = record(Some(3.5));
        individual.statistic = Statistic::Individual;
        individual.context.subject = Some("P3".into());
        individual.context.time = Some("0.5 h".into());
        let records = vec![record(Some(6.2)), record(None), individual];
        let csv_path = dir.join("r.csv");
        write_records(&csv_path, &records, OutputFormat::Csv).unwrap();
        let text = std::fs::read_to_string(&csv_path).unwrap();
        let mut lines = text.lines();
        assert!(
            lines
                .next()
                .unwrap()
                .starts_with("table_id,parameter_raw,parameter,value_raw,value,statistic,dispersion_type")
        );
        assert!(
            lines
                .next()
                .unwrap()
                .starts_with("1:2,Cmax (ng/mL),CMAX,\"6.2, ± 1.1\",6.2,mean,SD,1.1,,,,ng/mL,ng/mL,6.2,8,,,dog")
        );
        let parquet_path = dir.join("r.parquet");
        write_records(&parquet_path, &records, OutputFormat::Parquet).unwrap();
        let back = ParquetReader::new(std::fs::File::open(&parquet_path).unwrap()).finish().unwrap();
        assert_eq!(back.shape(), (3, 32));
        let time = back.column("time_value").unwrap().f64().unwrap().clone();
        assert_eq!(time.get(2), Some(0.5));
        let subject = back.column("subject").unwrap().str().unwrap().clone();
        assert_eq!(subject.get(2), Some("P3"));
        let values = back.column("value").unwrap().f64().unwrap().clone();
        assert_eq!(values.get(0), Some(6.2));
        assert_eq!(values.get(1), None);
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(
            "xlsx".parse::<OutputFormat>().unwrap_err(),
            "unknown format \"xlsx\": expected jsonl, csv or parquet"
        );
        assert_eq!(OutputFormat::from_path(Path::new("a/b.parquet")), Some(OutputFormat::Parquet));
    }

    #[test]
    fn times_split_into_number_and_unit() {
        assert_eq!(time_parts("0.5 h"), Some((0.5, "h".to_owned())));
        assert_eq!(time_parts("day 3"), Some((3.0, "day".to_owned())));
        assert_eq!(time_parts("Postpartum 2 Weeks"), Some((2.0, "week".to_owned())));
        assert_eq!(time_parts("pre-dose"), None);
    }
}
