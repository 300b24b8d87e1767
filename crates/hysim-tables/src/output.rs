//! Writing records as JSON Lines, CSV or Parquet.
//!
//! CSV and Parquet hold one flat row per record: the nested `dispersion`, `interval`,
//! `context` and `provenance` objects become columns (`dispersion_type`,
//! `dispersion_value`, `interval_type`, `interval_low`, `interval_high`, `drug`, ...,
//! `row`, `col`, `header_path` joined with ` / `, `footnotes` joined with ` | `). Every
//! file is written to a temporary file and renamed into place.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use hysim_core::io::AtomicFile;
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
    let mut sink = RecordSink::create(path, format, None)?;
    sink.put(tables)?;
    sink.finish()
}

/// What [`parse_files`] read and wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Distinct tables read.
    pub tables: usize,
    /// Identical repeats dropped ([`crate::Distinct`]).
    pub repeats: usize,
    /// What was written.
    pub written: Written,
}

/// Tables read before their records are written: large enough to keep both cores busy,
/// small enough that a corpus is never held whole.
const PARSE_CHUNK: usize = 256;

/// `hysim parse`: the tables of `inputs` (any file [`crate::read_tables_file`] reads),
/// identical repeats dropped, their records written to `path` in `format`, and the tables
/// themselves to `tables_out` as one tables.jsonl when asked. It streams: a tables.jsonl is
/// read a chunk of lines at a time ([`crate::table_chunks`]) and each chunk's tables and
/// records are written before the next chunk is read, so what is held is one chunk (and,
/// for CSV and Parquet, which are written by columns, the records). Both files are written
/// atomically, the records first: after an error while reading, neither is replaced.
pub fn parse_files(inputs: &[PathBuf], path: &Path, format: OutputFormat, tables_out: Option<&Path>) -> Result<Parsed> {
    let mut sink = RecordSink::create(path, format, tables_out)?;
    let mut distinct = crate::Distinct::default();
    let mut chunks = inputs.iter().map(|input| crate::table_chunks(input, PARSE_CHUNK)).flat_map(|chunks| {
        let (chunks, error) = match chunks {
            Ok(chunks) => (Some(chunks), None),
            Err(e) => (None, Some(Err(e))),
        };
        chunks.into_iter().flatten().chain(error)
    });
    // Small files (one HTML table each) are gathered so that a batch keeps both cores
    // busy; each batch's records are read while the next batch is read and parsed.
    let mut next_batch = || -> Result<Vec<Table>> {
        let mut batch = Vec::new();
        while batch.len() < PARSE_CHUNK {
            match chunks.next() {
                Some(chunk) => batch.extend(distinct.keep(chunk?)),
                None => break,
            }
        }
        Ok(batch)
    };
    let mut batch = next_batch()?;
    while !batch.is_empty() {
        let (parts, next) = rayon::join(|| sink.read(&batch), &mut next_batch);
        sink.write(parts?)?;
        batch = next?;
    }
    Ok(Parsed { tables: distinct.tables(), repeats: distinct.repeats(), written: sink.finish()? })
}

/// Where [`parse_files`] and [`write_tables_records`] write, a slice of tables at a time:
/// each table's records read and serialised on one thread (CSV and Parquet collect the
/// records), in table order, into temporary files renamed into place by `finish`.
struct RecordSink {
    path: PathBuf,
    format: OutputFormat,
    /// The JSON Lines file, written as it goes; CSV and Parquet are written whole at the
    /// end by [`write_records`] (an atomic write of its own) from `collected`.
    records: Option<AtomicFile>,
    tables: Option<AtomicFile>,
    collected: Vec<Record>,
    written: Written,
}

/// One table's share of a [`RecordSink`]'s output.
struct Part {
    tally: Written,
    /// Its records as JSON Lines.
    text: Vec<u8>,
    /// Its records, for CSV and Parquet.
    records: Vec<Record>,
    /// Its tables.jsonl line.
    line: Vec<u8>,
}

impl RecordSink {
    fn create(path: &Path, format: OutputFormat, tables_out: Option<&Path>) -> Result<Self> {
        if tables_out.is_some_and(|t| t == path) {
            return Err(Error::BadFile {
                path: path.to_path_buf(),
                problem: "the records and the tables read cannot go to one file (--out and --tables-out)".into(),
            });
        }
        let records = if format == OutputFormat::Jsonl { Some(AtomicFile::create(path)?) } else { None };
        Ok(Self {
            path: path.to_path_buf(),
            format,
            records,
            tables: tables_out.map(AtomicFile::create).transpose()?,
            collected: Vec::new(),
            written: Written::default(),
        })
    }

    fn put(&mut self, tables: &[Table]) -> Result<()> {
        let parts = self.read(tables)?;
        self.write(parts)
    }

    /// The records of `tables`, each table's on one thread: its tally, its records
    /// serialised (JSON Lines) or kept (CSV, Parquet), and its tables.jsonl line when asked.
    fn read(&self, tables: &[Table]) -> Result<Vec<Part>> {
        use rayon::prelude::*;
        let (jsonl, with_tables) = (self.records.is_some(), self.tables.is_some());
        tables
            .par_iter()
            .map(|table| {
                let records = crate::table_records(table);
                let tally = Written::of(&records);
                let mut text = Vec::new();
                if jsonl {
                    for record in &records {
                        serde_json::to_writer(&mut text, record)?;
                        text.push(b'\n');
                    }
                }
                let line = if with_tables { crate::jsonl::table_line(table)? } else { Vec::new() };
                Ok(Part { tally, text, records: if jsonl { Vec::new() } else { records }, line })
            })
            .collect::<serde_json::Result<Vec<Part>>>()
            .map_err(|e| Error::BadFile { path: self.path.clone(), problem: format!("cannot write a record: {e}") })
    }

    /// Writes what [`RecordSink::read`] read, in table order.
    fn write(&mut self, parts: Vec<Part>) -> Result<()> {
        for part in parts {
            if let Some(file) = &mut self.records {
                file.write_all(&part.text)?;
            }
            if let Some(file) = &mut self.tables {
                file.write_all(&part.line)?;
            }
            self.collected.extend(part.records);
            self.written = std::mem::take(&mut self.written).add(part.tally);
        }
        Ok(())
    }

    /// The records first (CSV and Parquet are written here, the likelier to fail), then the
    /// tables: an error before the records are in place replaces neither file.
    fn finish(self) -> Result<Written> {
        match self.records {
            Some(file) => file.commit()?,
            None => write_records(&self.path, &self.collected, self.format)?,
        }
        if let Some(file) = self.tables {
            file.commit()?;
        }
        Ok(self.written)
    }
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

    /// A tables.jsonl line of a one-row PK table: `id`, a Cmax of `value`.
    fn table_line(id: &str, value: usize) -> String {
        let html = format!(
            "<table><tr><th>Parameter</th><th>Mean</th></tr><tr><td>Cmax (ng/mL)</td><td>{value}</td></tr></table>"
        );
        serde_json::json!({ "table_id": id, "caption": "Table 1. PK", "table_html": html }).to_string() + "\n"
    }

    #[test]
    fn parse_files_streams_chunks_and_drops_repeats_across_files() {
        let dir = tempfile::tempdir().unwrap();
        // More lines than a chunk, a demographics table, and in a second file repeats of the
        // first file's tables (identical: dropped) and one id with a different table (kept).
        let n = PARSE_CHUNK * 2 + 7;
        let mut first: String = (0..n).map(|k| table_line(&format!("t{k}"), k + 1)).collect();
        first.push_str(&serde_json::json!({ "table_id": "demo", "caption": "Baseline characteristics",
            "table_html": "<table><tr><th>Characteristic</th><th>Value</th></tr><tr><td>Age (years)</td><td>34</td></tr></table>" })
            .to_string());
        first.push('\n');
        let second = table_line("t3", 4) + &table_line("t5", 999) + &table_line("t400", 401);
        let inputs = [dir.path().join("a.jsonl"), dir.path().join("b.jsonl")];
        std::fs::write(&inputs[0], &first).unwrap();
        std::fs::write(&inputs[1], &second).unwrap();
        let (out, tables_out) = (dir.path().join("records.jsonl"), dir.path().join("tables.jsonl"));
        let parsed = parse_files(&inputs, &out, OutputFormat::Jsonl, Some(&tables_out)).unwrap();
        assert_eq!((parsed.tables, parsed.repeats), (n + 2, 2), "{parsed:?}");
        assert_eq!((parsed.written.pk_tables, parsed.written.records), (n + 1, n + 1), "{parsed:?}");
        // The same files as reading everything at once and writing it whole.
        let mut all = crate::read_tables_file(&inputs[0]).unwrap();
        all.extend(crate::read_tables_file(&inputs[1]).unwrap());
        let (unique, repeats) = crate::unique_tables(all);
        assert_eq!(repeats, 2);
        let (reference, reference_tables) = (dir.path().join("reference.jsonl"), dir.path().join("ref-tables.jsonl"));
        assert_eq!(write_tables_records(&reference, &unique, OutputFormat::Jsonl).unwrap(), parsed.written);
        crate::write_tables_jsonl(&reference_tables, &unique).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&reference).unwrap());
        assert_eq!(std::fs::read(&tables_out).unwrap(), std::fs::read(&reference_tables).unwrap());
        let csv = dir.path().join("records.csv");
        assert_eq!(parse_files(&inputs, &csv, OutputFormat::Csv, None).unwrap(), parsed);

        // A bad line in the second file, after whole chunks were written: neither output is
        // replaced, and no temporary file is left.
        std::fs::write(&inputs[1], second + "{\"table_id\": \"bad\"}\n").unwrap();
        let before = (std::fs::read(&out).unwrap(), std::fs::read(&tables_out).unwrap());
        let err = parse_files(&inputs, &out, OutputFormat::Jsonl, Some(&tables_out)).unwrap_err().to_string();
        assert!(err.contains("b.jsonl") && err.contains(":4"), "{err}");
        assert_eq!((std::fs::read(&out).unwrap(), std::fs::read(&tables_out).unwrap()), before);
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.contains(".tmp-")), "{names:?}");
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
