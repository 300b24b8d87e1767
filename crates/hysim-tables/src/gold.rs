//! Curated ground truth: the pk_summary and pk_individual CSVs of
//! `../shared/data/tabular-data-pk`.
//!
//! pk_individual (`*_baseline_manual.csv`, the hand-made curation): long format, one row
//! per subject, specimen, analyte, parameter and time, columns `PMID, Population, Pregnancy
//! stage, Pediatric/Gestational age, Specimen, Drug name, Patient ID, Parameter type,
//! Analyte, Time value, Time unit, Parameter value, Parameter unit` ([`read_pk_individual`]).
//! Rows without a value (a subject whose sample was not taken) are left out.
//!
//! One row per curated value, columns `Drug name, Analyte, Specimen, Population, ...,
//! Parameter type, Value, Unit, Summary Statistics, ...` in varying order (found by header
//! name, case-insensitively), with a pandas index first. A blank `Parameter type`
//! continues the one above. The encoding damage listed in the data's SOURCE.md
//! (`t1/2à`, `t1/2?`, `?`, `AUC0-ì`, `?g/l`) is repaired before the name is mapped.

use std::path::{Path, PathBuf};

use crate::params::{Route, parameter_code};
use crate::{Error, Result};

/// One curated value.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldValue {
    /// The paper (PMID), from the file name.
    pub paper: String,
    /// 1-based CSV line.
    pub line: usize,
    /// Parameter as curated.
    pub parameter_raw: String,
    /// Its canonical code, when it maps to one.
    pub parameter: Option<String>,
    /// The value.
    pub value: f64,
    /// Unit as curated (damage repaired).
    pub unit_raw: Option<String>,
    /// `mean`, `median`, ... as curated.
    pub statistic: Option<String>,
    /// Curated context: drug (`Drug name`), analyte, matrix (`Specimen`), population.
    pub context: hysim_core::Context,
    /// Curated dispersion (`Variation value` and `Variation type`), when given.
    pub dispersion: Option<hysim_core::Dispersion>,
    /// Curated interval (`Interval type`, `Lower limit`, `High limit`), when given.
    pub interval: Option<hysim_core::Interval>,
}

/// Repairs the curated files' known character damage in a parameter name or unit.
pub fn repair(text: &str) -> String {
    let t = text.trim();
    match t {
        "?" => "β".to_owned(),
        _ => t.replace("t1/2?", "t1/2β").replace("?g", "µg").replace("AUC0-ì", "AUC0-∞").replace("t1/2à", "t1/2α"),
    }
}

/// Reads one pk_summary CSV; rows without a numeric value are skipped.
pub fn read_pk_summary(path: &Path) -> Result<Vec<GoldValue>> {
    let bad = |problem: String| Error::BadFile { path: path.to_path_buf(), problem };
    let paper =
        path.file_name().and_then(|n| n.to_str()).and_then(|n| n.split('_').next()).unwrap_or_default().to_owned();
    let bytes = std::fs::read(path)
        .map_err(|source| Error::Core(hysim_core::Error::Read { path: path.to_path_buf(), source }))?;
    let text = String::from_utf8_lossy(&bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> =
        reader.headers().map_err(|e| bad(e.to_string()))?.iter().map(|h| h.trim().to_lowercase()).collect();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let parameter_col = column("parameter type").ok_or_else(|| bad("no `Parameter type` column".to_owned()))?;
    let value_col = column("value").ok_or_else(|| bad("no `Value` column".to_owned()))?;
    let unit_col = column("unit");
    let stat_col = column("summary statistics");
    let (drug_col, analyte_col, specimen_col, population_col) =
        (column("drug name"), column("analyte"), column("specimen"), column("population"));
    let (var_value_col, var_type_col) = (column("variation value"), column("variation type"));
    let (interval_col, low_col, high_col) = (column("interval type"), column("lower limit"), column("high limit"));
    let mut out = Vec::new();
    let mut previous = String::new();
    for (k, row) in reader.records().enumerate() {
        let line = k + 2;
        let row = row.map_err(|e| bad(format!("line {line}: {e}")))?;
        let field = |c: Option<usize>| c.and_then(|c| row.get(c)).map(str::trim).filter(|s| !s.is_empty());
        let parameter_raw = match field(Some(parameter_col)) {
            Some(p) => {
                previous = repair(p);
                previous.clone()
            }
            None => previous.clone(),
        };
        let Some(value) = field(Some(value_col)).and_then(|v| v.parse::<f64>().ok()) else { continue };
        out.push(GoldValue {
            paper: paper.clone(),
            line,
            parameter: parameter_code(&parameter_raw, None)
                .or_else(|| parameter_code(&parameter_raw, Some(Route::Extravascular)))
                .map(str::to_owned),
            parameter_raw,
            value,
            unit_raw: field(unit_col).map(repair),
            statistic: field(stat_col).map(str::to_lowercase),
            context: hysim_core::Context {
                drug: field(drug_col).map(str::to_owned),
                analyte: field(analyte_col).map(str::to_owned),
                matrix: field(specimen_col).map(str::to_owned),
                population: field(population_col).map(str::to_owned),
                ..hysim_core::Context::default()
            },
            dispersion: field(var_value_col)
                .and_then(|v| v.parse::<f64>().ok())
                .map(|value| hysim_core::Dispersion { kind: field(var_type_col).unwrap_or("").to_owned(), value }),
            interval: match (
                field(low_col).and_then(|v| v.parse::<f64>().ok()),
                field(high_col).and_then(|v| v.parse::<f64>().ok()),
            ) {
                (Some(low), Some(high)) => Some(hysim_core::Interval {
                    kind: field(interval_col).unwrap_or("").to_owned(),
                    low: low.min(high),
                    high: low.max(high),
                }),
                _ => None,
            },
        });
    }
    Ok(out)
}

/// Whether a curated CSV's header is pk_individual's (it has a `Patient ID` column).
pub fn is_pk_individual_header(header: &[String]) -> bool {
    header.iter().any(|h| h.trim().trim_start_matches('\u{feff}').eq_ignore_ascii_case("patient id"))
}

/// The code of a curated per-subject parameter type: the vocabulary's, else, for a ratio
/// it does not name (`the ratio ODV/V`, `cord-to maternal-ratio`), the ratio of the
/// specimens or analytes it names.
fn individual_code(parameter: &str) -> Option<String> {
    if let Some(code) =
        parameter_code(parameter, None).or_else(|| parameter_code(parameter, Some(Route::Extravascular)))
    {
        return Some(code.to_owned());
    }
    let lower = parameter.to_lowercase();
    if !lower.contains("ratio") && !lower.contains('/') {
        return None;
    }
    let matrices = crate::context::matrices_in(&lower);
    Some(
        if lower.contains("milk") || lower.contains("m/p") {
            "MPRATIO"
        } else if lower.contains("placenta") {
            "PLMRATIO"
        } else if lower.contains("cord") || lower.contains("fetal") || lower.contains("umbilical") {
            "FMRATIO"
        } else if matrices.contains(&"cerebrospinal fluid") {
            "CSFPRATIO"
        } else {
            "MRATIO"
        }
        .to_owned(),
    )
}

/// A curated value: `12.5`, `1,234` (a thousands comma: three digits after it) or `0,35` (a
/// decimal comma: any other count of digits after a single comma).
fn curated_number(text: &str) -> Option<f64> {
    let decimal_comma = !text.contains('.')
        && text.matches(',').count() == 1
        && text.rsplit(',').next().is_some_and(|after| after.len() != 3);
    let text = if decimal_comma { text.replace(',', ".") } else { text.replace(',', "") };
    text.parse::<f64>().ok()
}

/// Reads one pk_individual CSV (`*_baseline_manual.csv`): one gold value per row with a
/// numeric value, `statistic` individual, the subject (`Patient ID`) and sampling time
/// (`Time value` with `Time unit`) in its context, the specimen as its matrix.
pub fn read_pk_individual(path: &Path) -> Result<Vec<GoldValue>> {
    let bad = |problem: String| Error::BadFile { path: path.to_path_buf(), problem };
    let paper =
        path.file_name().and_then(|n| n.to_str()).and_then(|n| n.split('_').next()).unwrap_or_default().to_owned();
    let bytes = std::fs::read(path)
        .map_err(|source| Error::Core(hysim_core::Error::Read { path: path.to_path_buf(), source }))?;
    let text = String::from_utf8_lossy(&bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| bad(e.to_string()))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let parameter_col = column("parameter type").ok_or_else(|| bad("no `Parameter type` column".to_owned()))?;
    let value_col = column("parameter value").ok_or_else(|| bad("no `Parameter value` column".to_owned()))?;
    let subject_col = column("patient id").ok_or_else(|| bad("no `Patient ID` column".to_owned()))?;
    let (unit_col, time_col, time_unit_col) = (column("parameter unit"), column("time value"), column("time unit"));
    let (drug_col, analyte_col, specimen_col, population_col) =
        (column("drug name"), column("analyte"), column("specimen"), column("population"));
    let mut out = Vec::new();
    for (k, row) in reader.records().enumerate() {
        let line = k + 2;
        let row = row.map_err(|e| bad(format!("line {line}: {e}")))?;
        let field = |c: Option<usize>| {
            c.and_then(|c| row.get(c)).map(str::trim).filter(|s| !s.is_empty() && !s.eq_ignore_ascii_case("n/a"))
        };
        let Some(parameter_raw) = field(Some(parameter_col)).map(repair) else { continue };
        let Some(value) = field(Some(value_col)).and_then(curated_number) else { continue };
        let time = field(time_col).map(|t| match field(time_unit_col) {
            Some(unit) => format!("{t} {unit}"),
            None => t.to_owned(),
        });
        out.push(GoldValue {
            paper: paper.clone(),
            line,
            parameter: individual_code(&parameter_raw),
            parameter_raw,
            value,
            unit_raw: field(unit_col).map(repair),
            statistic: Some("individual".to_owned()),
            context: hysim_core::Context {
                drug: field(drug_col).map(str::to_owned),
                analyte: field(analyte_col).map(str::to_owned),
                matrix: field(specimen_col).map(str::to_owned),
                population: field(population_col).map(str::to_owned),
                subject: field(Some(subject_col)).map(str::to_owned),
                time,
                ..hysim_core::Context::default()
            },
            dispersion: None,
            interval: None,
        });
    }
    Ok(out)
}

/// Reads one curated CSV of either kind, by its header.
pub fn read_curated(path: &Path) -> Result<Vec<GoldValue>> {
    let bytes = std::fs::read(path)
        .map_err(|source| Error::Core(hysim_core::Error::Read { path: path.to_path_buf(), source }))?;
    let text = String::from_utf8_lossy(&bytes);
    let header: Vec<String> = text.lines().next().unwrap_or_default().split(',').map(str::to_owned).collect();
    if is_pk_individual_header(&header) { read_pk_individual(path) } else { read_pk_summary(path) }
}

/// One row of an AutoPK label sheet (long format, one row per extracted value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutoPkLabel {
    /// The table: `<file stem>:<sheet name>` for workbooks, `<file stem>:1` for CSV, the
    /// ids `read_tables_file` gives the matching input sheet.
    pub table: String,
    /// 1-based row in the sheet (the header is row 1).
    pub line: usize,
    /// Which target the row belongs to (`half-life`, `AUC`, `CL`, `MRT`, `CMAX`, `TMAX`, ...).
    pub abbv: String,
    /// `pk_parameter`, `pk_parameter_unit`, `pk_parameter_value`, `animal`, `drug`,
    /// `drug_dosage`, `route_of_administration`, `animal_matrix/commodity`; `None` and
    /// blank cells are empty strings.
    pub fields: [String; 8],
}

/// The columns of AutoPK's label sheets, in [`AutoPkLabel::fields`] order.
pub const AUTOPK_LABEL_COLUMNS: [&str; 8] = [
    "pk_parameter",
    "pk_parameter_unit",
    "pk_parameter_value",
    "animal",
    "drug",
    "drug_dosage",
    "route_of_administration",
    "animal_matrix/commodity",
];

/// Whether a header row is an AutoPK label sheet's (it has `abbv` and `pk_parameter_value`).
pub fn is_autopk_label_header(header: &[String]) -> bool {
    let has = |name: &str| header.iter().any(|h| h.trim().eq_ignore_ascii_case(name));
    has("abbv") && has("pk_parameter_value")
}

fn labels_from_rows(rows: &[Vec<String>], table: &str) -> std::result::Result<Vec<AutoPkLabel>, String> {
    let Some(header) = rows.first() else { return Ok(Vec::new()) };
    if !is_autopk_label_header(header) {
        return Err("not an AutoPK label sheet (no `abbv` and `pk_parameter_value` columns)".to_owned());
    }
    let column = |name: &str| header.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let abbv_col = column("abbv").expect("invariant: checked above");
    let columns: Vec<Option<usize>> = AUTOPK_LABEL_COLUMNS.iter().map(|c| column(c)).collect();
    let clean = |v: Option<&String>| {
        let v = v.map(|s| s.trim()).unwrap_or("");
        if v.eq_ignore_ascii_case("none") || v.eq_ignore_ascii_case("nan") { String::new() } else { v.to_owned() }
    };
    Ok(rows
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(k, row)| {
            let abbv = clean(row.get(abbv_col));
            if abbv.is_empty() {
                return None;
            }
            let fields: [String; 8] = std::array::from_fn(|i| clean(columns[i].and_then(|c| row.get(c))));
            Some(AutoPkLabel { table: table.to_owned(), line: k + 1, abbv, fields })
        })
        .collect())
}

/// Reads AutoPK label sheets: every sheet of an XLSX/XLS/ODS workbook, or a CSV file.
pub fn read_autopk_labels(path: &Path) -> Result<Vec<AutoPkLabel>> {
    let bad = |problem: String| Error::BadFile { path: path.to_path_buf(), problem };
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = crate::extension(path);
    if ext == "csv" {
        let bytes = std::fs::read(path)
            .map_err(|source| Error::Core(hysim_core::Error::Read { path: path.to_path_buf(), source }))?;
        let text = String::from_utf8_lossy(&bytes);
        let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(text.as_bytes());
        let mut rows = Vec::new();
        for (k, row) in reader.records().enumerate() {
            let row = row.map_err(|e| bad(format!("line {}: {e}", k + 1)))?;
            rows.push(row.iter().map(str::to_owned).collect());
        }
        return labels_from_rows(&rows, &format!("{stem}:1")).map_err(bad);
    }
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto(path).map_err(|e| bad(e.to_string()))?;
    let mut out = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|e| bad(format!("sheet {name:?}: {e}")))?;
        let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
        if rows.iter().all(|r| r.iter().all(|c| c.trim().is_empty())) {
            continue;
        }
        out.extend(
            labels_from_rows(&rows, &format!("{stem}:{name}")).map_err(|e| bad(format!("sheet {name:?}: {e}")))?,
        );
    }
    Ok(out)
}

/// The pk_summary files of a folder (`*_baseline.csv`, not its subfolders), or the file.
pub fn gold_files(path: &Path) -> Result<Vec<PathBuf>> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let listing = std::fs::read_dir(path)
        .map_err(|source| Error::Core(hysim_core::Error::Read { path: path.to_path_buf(), source }))?;
    let all: Vec<PathBuf> = listing.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect();
    let name = |p: &PathBuf| p.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
    // A paper's hand-made curation (`_baseline_manual.csv`) replaces its older,
    // machine-flattened one (`_baseline.csv`).
    let manual: Vec<String> =
        all.iter().map(name).filter_map(|n| n.strip_suffix("_baseline_manual.csv").map(str::to_owned)).collect();
    let mut files: Vec<PathBuf> = all
        .into_iter()
        .filter(|p| {
            let n = name(p);
            n.ends_with("_baseline_manual.csv")
                || n.strip_suffix("_baseline.csv").is_some_and(|paper| !manual.iter().any(|m| m == paper))
        })
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curated_numbers_with_thousands_and_decimal_commas() {
        assert_eq!(curated_number("12.5"), Some(12.5));
        assert_eq!(curated_number("1,234"), Some(1234.0));
        assert_eq!(curated_number("1,234.5"), Some(1234.5));
        assert_eq!(curated_number("0,35"), Some(0.35));
        assert_eq!(curated_number("12,5"), Some(12.5));
        assert_eq!(curated_number("1,234,567"), Some(1_234_567.0));
        assert_eq!(curated_number("BLQ"), None);
    }

    #[test]
    fn curated_csv_with_damage_and_continuations() {
        let dir = std::env::temp_dir().join(format!("hysim-gold-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("12345_baseline.csv");
        std::fs::write(
            &path,
            ",Drug name,Parameter type,Value,Unit,Summary Statistics\n\
             0,Lorazepam,AUC0-ì,175.25,ng h/ml,mean\n\
             1,Lorazepam,,481.19,ng h/ml,mean\n\
             2,Lorazepam,t1/2?,10.35,h,mean\n\
             3,Lorazepam,?,0.068,h-1,mean\n\
             4,Lorazepam,Cmax,NA,?g/l,mean\n\
             5,Lorazepam,\"cord blood/maternal blood\",0.73,,mean\n",
        )
        .unwrap();
        let gold = read_pk_summary(&path).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        let got: Vec<String> = gold
            .iter()
            .map(|g| format!("{} {} {:?} {} {:?}", g.paper, g.parameter_raw, g.parameter, g.value, g.unit_raw))
            .collect();
        assert_eq!(
            got,
            [
                "12345 AUC0-∞ Some(\"AUCIFO\") 175.25 Some(\"ng h/ml\")",
                "12345 AUC0-∞ Some(\"AUCIFO\") 481.19 Some(\"ng h/ml\")",
                "12345 t1/2β Some(\"LAMZHL\") 10.35 Some(\"h\")",
                "12345 β Some(\"LAMZ\") 0.068 Some(\"h-1\")",
                "12345 cord blood/maternal blood Some(\"FMRATIO\") 0.73 None",
            ]
        );
    }

    #[test]
    fn autopk_label_sheets() {
        let dir = std::env::temp_dir().join(format!("hysim-labels-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("12.csv");
        std::fs::write(
            &path,
            "abbv,pk_parameter,pk_parameter_unit,pk_parameter_value,animal,drug,drug_dosage,route_of_administration,animal_matrix/commodity\n\
             half-life,t1/2,h,4.1 ± 0.3,dogs,enrofloxacin,5 mg/kg,IV,plasma\n\
             CMAX,Cmax,µg/mL,1.2,None,enrofloxacin,5 mg/kg,PO,\n\
             ,,,,,,,,\n",
        )
        .unwrap();
        let labels = read_autopk_labels(&path).unwrap();
        assert_eq!(labels.len(), 2);
        assert_eq!((labels[0].table.as_str(), labels[0].line, labels[0].abbv.as_str()), ("12:1", 2, "half-life"));
        assert_eq!(labels[1].fields[3], "", "None is blank");
        assert_eq!(labels[1].fields[2], "1.2");
        std::fs::write(&path, "Parameter,Value\nCmax,1\n").unwrap();
        let err = read_autopk_labels(&path).unwrap_err().to_string();
        assert!(err.contains("12.csv") && err.contains("not an AutoPK label sheet"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
