//! The PK record of `SPEC.md`: one extracted value with its parameter, statistic,
//! units, context and provenance.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::io::JsonlReader;
use crate::{Error, Result};

/// Identifies a table: `"<pmid>:<table_index>"` for the shared `tables.jsonl`, else the
/// input's own id.
pub type TableId = String;

/// One PK value extracted from a table, as one JSON object per line.
///
/// Field order and names are the contract between crates, the command line and the
/// scorers; see `SPEC.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The table the value comes from.
    pub table_id: TableId,
    /// Header text as printed, the header path joined with `" / "`.
    pub parameter_raw: String,
    /// Canonical parameter code (CDISC PPTESTCD where one exists), or `None` when the
    /// header is not a known PK parameter.
    pub parameter: Option<String>,
    /// Cell text as printed.
    pub value_raw: String,
    /// Central value as printed, or `None` when the cell holds none.
    pub value: Option<f64>,
    /// What the central value summarises.
    pub statistic: Statistic,
    /// Spread around the central value, when printed.
    pub dispersion: Option<Dispersion>,
    /// An interval (range, confidence interval, quartiles), when printed.
    pub interval: Option<Interval>,
    /// Unit as printed, from the header, cell, caption or footnote.
    pub unit_raw: Option<String>,
    /// Canonical unit of the parameter's family, or `None` when the unit is unknown.
    pub unit: Option<String>,
    /// `value` converted to `unit`, or `None` when no safe conversion exists.
    pub value_canonical: Option<f64>,
    /// Number of subjects, when the table gives it.
    pub n: Option<u32>,
    /// Study context carried by captions, group columns and header groups.
    #[serde(default)]
    pub context: Context,
    /// Where in the table the value was found.
    #[serde(default)]
    pub provenance: Provenance,
    /// Confidence in `0..=1` from a model, or `None` for rule-based output.
    pub confidence: Option<f64>,
    /// For synthetic gold records only: the kind of noise injected into this record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noise: Option<String>,
    /// For records a curator reviewed (`hysim review`'s download): the verdict, who gave it
    /// and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
}

/// A curator's verdict on a record, written by the review page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// What the curator decided.
    pub verdict: Verdict,
    /// Who reviewed it, as the curator typed their name (or `None`).
    #[serde(default)]
    pub reviewer: Option<String>,
    /// When, as an RFC 3339 time.
    #[serde(default)]
    pub at: Option<String>,
    /// For an edited record: the fields as the extractor gave them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<Original>,
}

/// A curator's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The record is right as extracted.
    Accepted,
    /// The record is wrong and has no corrected form (a value that is not a PK value, a
    /// duplicate).
    Rejected,
    /// The record was right after the curator's corrections.
    Edited,
    /// The curator added the record on a cell the extractor left.
    Added,
    /// Not reviewed yet: a record of a paper the curator worked on, written so that a
    /// reader knows the paper's review is incomplete.
    Pending,
}

impl Verdict {
    /// Whether the record, as written, is one the curator vouches for (accepted, edited
    /// or added).
    pub fn vouched(self) -> bool {
        matches!(self, Verdict::Accepted | Verdict::Edited | Verdict::Added)
    }
}

/// The fields of an edited record as the extractor gave them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Original {
    /// The parameter code.
    pub parameter: Option<String>,
    /// The statistic.
    pub statistic: Statistic,
    /// The central value.
    pub value: Option<f64>,
    /// The unit as printed.
    pub unit_raw: Option<String>,
}

/// The statistic a central value reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Statistic {
    /// Arithmetic mean.
    Mean,
    /// Geometric mean.
    GeometricMean,
    /// Median.
    Median,
    /// A value for one subject.
    Individual,
    /// A single value with no summary statistic.
    Value,
    /// A summary whose statistic the table does not declare (`6.2 (1.1)` with no "mean
    /// (SD)" in its caption, headers or footnotes): recorded as unknown, never guessed.
    Unknown,
}

impl Statistic {
    /// Every statistic.
    pub const ALL: [Statistic; 6] = [
        Statistic::Mean,
        Statistic::GeometricMean,
        Statistic::Median,
        Statistic::Individual,
        Statistic::Value,
        Statistic::Unknown,
    ];

    /// The statistic of a JSON-schema name (`geometric_mean`), if it is one.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// The name used in the JSON schema.
    pub fn as_str(self) -> &'static str {
        match self {
            Statistic::Mean => "mean",
            Statistic::GeometricMean => "geometric_mean",
            Statistic::Median => "median",
            Statistic::Individual => "individual",
            Statistic::Value => "value",
            Statistic::Unknown => "unknown",
        }
    }
}

/// A dispersion measure such as `{"type": "SD", "value": 1.1}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dispersion {
    /// `SD`, `SE`, `CV%`, ..., or [`UNKNOWN_KIND`] where the table does not say which.
    #[serde(rename = "type")]
    pub kind: String,
    /// The printed value.
    pub value: f64,
}

/// The `type` of a dispersion or interval whose kind the table does not declare
/// (`6.2 (1.1)` with no "mean (SD)" anywhere): recorded as unknown, never guessed.
pub const UNKNOWN_KIND: &str = "unknown";

/// An interval such as `{"type": "range", "low": 1.0, "high": 4.0}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interval {
    /// `range`, `95% CI`, `IQR`, ..., or [`UNKNOWN_KIND`] where the table does not say which.
    #[serde(rename = "type")]
    pub kind: String,
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// Study context of a record. Every field is optional free text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// Drug administered.
    #[serde(default)]
    pub drug: Option<String>,
    /// Analyte measured (the drug or a metabolite).
    #[serde(default)]
    pub analyte: Option<String>,
    /// Species.
    #[serde(default)]
    pub species: Option<String>,
    /// Population (for example "healthy adults", "pregnant women").
    #[serde(default)]
    pub population: Option<String>,
    /// Matrix (plasma, serum, milk, urine, tissue...).
    #[serde(default)]
    pub matrix: Option<String>,
    /// Dose as printed.
    #[serde(default)]
    pub dose: Option<String>,
    /// Route of administration.
    #[serde(default)]
    pub route: Option<String>,
    /// Group, period or arm label.
    #[serde(default)]
    pub group: Option<String>,
    /// The subject of an individual value, as printed (`3`, `Case 1`, `Dog 4`).
    #[serde(default)]
    pub subject: Option<String>,
    /// The sampling time of an individual concentration, with its unit (`2 h`, `20 weeks`).
    #[serde(default)]
    pub time: Option<String>,
}

/// Where a value was found in its table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// 0-based body row, when known.
    #[serde(default)]
    pub row: Option<u32>,
    /// 0-based column, when known.
    #[serde(default)]
    pub col: Option<u32>,
    /// Header cells from the outermost to the innermost.
    #[serde(default)]
    pub header_path: Vec<String>,
    /// Footnote texts that apply to the value.
    #[serde(default)]
    pub footnotes: Vec<String>,
}

impl Record {
    /// Whether a curator's review left this record pending (not reviewed yet).
    pub fn is_pending(&self) -> bool {
        self.review.as_ref().is_some_and(|review| review.verdict == Verdict::Pending)
    }

    /// Checks the rules that the JSON shape alone does not: returns what is wrong, naming
    /// the field and value.
    pub fn problem(&self) -> Option<String> {
        if self.table_id.trim().is_empty() {
            return Some("table_id is empty".to_owned());
        }
        let finite = [
            ("value", self.value),
            ("value_canonical", self.value_canonical),
            ("dispersion.value", self.dispersion.as_ref().map(|d| d.value)),
            ("interval.low", self.interval.as_ref().map(|i| i.low)),
            ("interval.high", self.interval.as_ref().map(|i| i.high)),
        ];
        for (field, value) in finite {
            if let Some(v) = value
                && !v.is_finite()
            {
                return Some(format!("{field} is not a finite number: {v}"));
            }
        }
        if let Some(c) = self.confidence
            && !(0.0..=1.0).contains(&c)
        {
            return Some(format!("confidence must lie in 0..1, got {c}"));
        }
        if self.value_canonical.is_some() && self.unit.is_none() {
            return Some("value_canonical is set but unit is null".to_owned());
        }
        if let Some(i) = &self.interval
            && i.low > i.high
        {
            return Some(format!("interval low {} is above high {}", i.low, i.high));
        }
        None
    }

    /// Reads and validates a records file; the error names the file and line.
    pub fn read_jsonl(path: &Path) -> Result<Vec<Record>> {
        let mut reader = JsonlReader::<Record>::open(path)?;
        let mut records = Vec::new();
        while let Some(record) = reader.next() {
            let record = record?;
            if let Some(problem) = record.problem() {
                return Err(Error::InvalidRecord { path: path.to_path_buf(), line: reader.line(), problem });
            }
            records.push(record);
        }
        Ok(records)
    }

    /// Writes records as JSON Lines, atomically.
    pub fn write_jsonl(path: &Path, records: &[Record]) -> Result<()> {
        crate::io::write_jsonl(path, records)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Record {
        Record {
            table_id: "29943508:1".to_owned(),
            parameter_raw: "Cmax (ng/mL)".to_owned(),
            parameter: Some("CMAX".to_owned()),
            value_raw: "6.2 ± 1.1".to_owned(),
            value: Some(6.2),
            statistic: Statistic::Mean,
            dispersion: Some(Dispersion { kind: "SD".to_owned(), value: 1.1 }),
            interval: None,
            unit_raw: Some("ng/mL".to_owned()),
            unit: Some("ng/mL".to_owned()),
            value_canonical: Some(6.2),
            n: Some(12),
            context: Context {
                drug: Some("lorazepam".to_owned()),
                species: Some("human".to_owned()),
                matrix: Some("plasma".to_owned()),
                ..Context::default()
            },
            provenance: Provenance {
                row: Some(0),
                col: Some(1),
                header_path: vec!["Cmax (ng/mL)".to_owned()],
                footnotes: vec![],
            },
            confidence: None,
            noise: None,
            review: None,
        }
    }

    #[test]
    fn record_serialises_to_the_spec_schema() {
        insta::assert_snapshot!(serde_json::to_string_pretty(&sample()).unwrap(), @r#"
        {
          "table_id": "29943508:1",
          "parameter_raw": "Cmax (ng/mL)",
          "parameter": "CMAX",
          "value_raw": "6.2 ± 1.1",
          "value": 6.2,
          "statistic": "mean",
          "dispersion": {
            "type": "SD",
            "value": 1.1
          },
          "interval": null,
          "unit_raw": "ng/mL",
          "unit": "ng/mL",
          "value_canonical": 6.2,
          "n": 12,
          "context": {
            "drug": "lorazepam",
            "analyte": null,
            "species": "human",
            "population": null,
            "matrix": "plasma",
            "dose": null,
            "route": null,
            "group": null,
            "subject": null,
            "time": null
          },
          "provenance": {
            "row": 0,
            "col": 1,
            "header_path": [
              "Cmax (ng/mL)"
            ],
            "footnotes": []
          },
          "confidence": null
        }
        "#);
    }

    #[test]
    fn jsonl_round_trip_is_identical() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("records.jsonl");
        let mut second = sample();
        second.statistic = Statistic::Median;
        second.interval = Some(Interval { kind: "range".to_owned(), low: 1.0, high: 4.0 });
        second.noise = Some("wrong_unit".to_owned());
        let records = vec![sample(), second];
        Record::write_jsonl(&path, &records).unwrap();
        assert_eq!(Record::read_jsonl(&path).unwrap(), records);
    }

    fn check_rejected(line: &str, expect_line: usize, expect: &str) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.jsonl");
        let good = serde_json::to_string(&sample()).unwrap();
        let text = format!("{good}\n{line}\n");
        std::fs::write(&path, text).unwrap();
        let err = Record::read_jsonl(&path).unwrap_err();
        let message = err.to_string();
        assert!(message.contains(&format!("bad.jsonl:{expect_line}:")), "{message}");
        let full = format!("{message}: {}", std::error::Error::source(&err).map(|s| s.to_string()).unwrap_or_default());
        assert!(full.contains(expect), "{full} should mention {expect}");
    }

    #[test]
    fn bad_records_name_file_line_and_field() {
        let good = serde_json::to_value(sample()).unwrap();
        let mut unknown_stat = good.clone();
        unknown_stat["statistic"] = "average".into();
        check_rejected(&unknown_stat.to_string(), 2, "unknown variant `average`");
        let mut bad_conf = good.clone();
        bad_conf["confidence"] = 1.5.into();
        check_rejected(&bad_conf.to_string(), 2, "confidence must lie in 0..1, got 1.5");
        let mut extra = good.clone();
        extra["colour"] = "red".into();
        check_rejected(&extra.to_string(), 2, "unknown field `colour`");
        let mut missing = good;
        missing.as_object_mut().unwrap().remove("value_raw");
        check_rejected(&missing.to_string(), 2, "missing field `value_raw`");
    }

    #[test]
    fn statistic_names_match_serde() {
        for stat in Statistic::ALL {
            assert_eq!(serde_json::to_value(stat).unwrap(), stat.as_str());
            assert_eq!(Statistic::from_name(stat.as_str()), Some(stat));
        }
        assert_eq!(Statistic::from_name("average"), None);
    }
}
