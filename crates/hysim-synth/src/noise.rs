//! Controlled noise with known flags, so that off-manifold detection can be scored.
//!
//! A specification is `none` or a comma-separated list of `kind=rate`:
//!
//! | kind | scope | what changes |
//! |---|---|---|
//! | `wrong_value` | gold record | the gold value is off by a factor of 1.5 to 4 (label noise) |
//! | `wrong_unit` | gold record | the gold unit is another unit of the family (a factor of 1000 or 60 off) |
//! | `wrong_parameter` | gold record | the gold parameter code is another parameter's |
//! | `gaussian` | gold record | the gold value times `exp(0.1 z)`, `z` standard normal |
//! | `heavy_tailed` | gold record | the gold value times `exp(0.3 t)`, `t` Cauchy (Student t, 1 dof) |
//! | `structured` | table | one parameter's gold values all scaled by 1000, or two parameters' codes swapped |
//! | `ocr` | table | characters of value cells corrupted as OCR does (`0`→`O`, `1`→`l`, `.`→`,`, `±`→`+`) |
//! | `shifted_columns` | table | one body row shifted one column to the right |
//! | `garbage_rows` | table | rows of unrelated text appended to the table |
//! | `offtopic` | table | the table replaced by a non-PK table (demographics, adverse events) with no gold |
//! | `spurious` | table | the table replaced by a non-PK table, its gold kept, one record per value cell of that table (spurious gold) |
//! | `truncated` | table | the body cut before its last row with gold, as a lost continuation page leaves it; the gold of the rows lost kept, pointing at no cell |
//!
//! `label=R` is shorthand for `wrong_value`, `wrong_unit` and `wrong_parameter` at `R/3`
//! each. Record rates are per gold record (at most one kind each), table rates per table.
//! Every touched record carries `"noise": "<kind>"`; a table carries its table-level kind,
//! else the kind of its first noisy record.

use std::collections::BTreeMap;

use hysim_core::Record;
use hysim_units::{Unit, convert, family_of, round_significant};

use crate::render::SynthTable;
use crate::rng::Rng;
use crate::{Error, Result};

/// Record-level kinds, in the order they are drawn.
pub const RECORD_KINDS: &[&str] = &["wrong_value", "wrong_unit", "wrong_parameter", "gaussian", "heavy_tailed"];
/// Table-level kinds, in the order they are applied.
pub const TABLE_KINDS: &[&str] =
    &["offtopic", "structured", "ocr", "shifted_columns", "garbage_rows", "spurious", "truncated"];

/// The table kinds that draw a random number for every table, asked for or not: those
/// that came later draw only where their rate is positive, so that a seed and a
/// specification give the same corpus as before they existed.
const ALWAYS_DRAWN: usize = 5;

/// Parsed noise rates, by kind.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct NoiseSpec {
    /// Rate of each kind (0..1).
    pub rates: BTreeMap<String, f64>,
}

impl NoiseSpec {
    /// Reads `none`, an empty string, or `kind=rate,kind=rate`.
    pub fn parse(spec: &str) -> Result<Self> {
        let bad = |problem: String| Error::BadNoise { spec: spec.to_owned(), problem };
        let mut rates = BTreeMap::new();
        let trimmed = spec.trim();
        if trimmed.is_empty() || trimmed.eq_ignore_ascii_case("none") {
            return Ok(Self { rates });
        }
        for part in trimmed.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (kind, rate) = part.split_once('=').ok_or_else(|| bad(format!("{part:?} is not kind=rate")))?;
            let kind = kind.trim();
            let rate: f64 = rate.trim().parse().map_err(|_| bad(format!("rate {:?} is not a number", rate.trim())))?;
            if !(0.0..=1.0).contains(&rate) {
                return Err(bad(format!("rate {rate} for {kind} is outside 0..1")));
            }
            if kind == "label" {
                for k in ["wrong_value", "wrong_unit", "wrong_parameter"] {
                    *rates.entry(k.to_owned()).or_insert(0.0) += rate / 3.0;
                }
            } else if RECORD_KINDS.contains(&kind) || TABLE_KINDS.contains(&kind) {
                *rates.entry(kind.to_owned()).or_insert(0.0) += rate;
            } else {
                return Err(bad(format!(
                    "unknown kind {kind:?} (expected label, {}, {})",
                    RECORD_KINDS.join(", "),
                    TABLE_KINDS.join(", ")
                )));
            }
        }
        let record_total: f64 = RECORD_KINDS.iter().filter_map(|k| rates.get(*k)).sum();
        if record_total > 1.0 {
            return Err(bad(format!("record-level rates add up to {record_total}, more than 1")));
        }
        Ok(Self { rates })
    }

    /// Whether no noise is asked for.
    pub fn is_none(&self) -> bool {
        self.rates.values().all(|r| *r == 0.0)
    }

    fn rate(&self, kind: &str) -> f64 {
        self.rates.get(kind).copied().unwrap_or(0.0)
    }
}

/// Applies the noise to one table; returns the table's flag.
pub fn apply(rng: &mut Rng, spec: &NoiseSpec, t: &mut SynthTable) -> Option<String> {
    if spec.is_none() {
        return None;
    }
    let mut table_kind: Option<&'static str> = None;
    for (k, kind) in TABLE_KINDS.iter().enumerate() {
        let rate = spec.rate(kind);
        if table_kind.is_some() || (k >= ALWAYS_DRAWN && rate == 0.0) || !rng.chance(rate) {
            continue;
        }
        let done = match *kind {
            "offtopic" => {
                *t = crate::offtopic::table(rng, &t.table.id, t.style);
                true
            }
            "spurious" => spurious(rng, t),
            "truncated" => truncate(rng, t),
            "structured" => structured(rng, t),
            "ocr" => ocr(rng, t),
            "shifted_columns" => shift_row(rng, t),
            _ => garbage_rows(rng, t),
        };
        if done {
            table_kind = Some(kind);
        }
    }
    let record_rates: Vec<f64> = RECORD_KINDS.iter().map(|k| spec.rate(k)).collect();
    let total: f64 = record_rates.iter().sum();
    let mut first_record_kind = None;
    for record in &mut t.gold {
        if record.noise.is_some() || !rng.chance(total) {
            continue;
        }
        let kind = RECORD_KINDS[rng.weighted(&record_rates)];
        if label_noise(rng, kind, record) {
            record.noise = Some(kind.to_owned());
            first_record_kind.get_or_insert(kind);
        }
    }
    table_kind.or(first_record_kind).map(str::to_owned)
}

/// Scales a record's value; whether that changed it (a value of 0, a level below the limit
/// of quantification, stays 0, and a record without one has nothing to scale).
fn scale_value(record: &mut Record, factor: f64) -> bool {
    record.value = record.value.map(|v| round_significant(v * factor, 6));
    record.value_canonical = record.value_canonical.map(|v| round_significant(v * factor, 6));
    record.value.is_some_and(|v| v != 0.0)
}

/// Unit swaps for `wrong_unit`: the same family, another scale.
const UNIT_SWAPS: &[(&str, &str)] = &[
    ("ng/mL", "µg/mL"),
    ("ng/ml", "µg/ml"),
    ("µg/L", "mg/L"),
    ("µg/mL", "ng/mL"),
    ("μg/ml", "ng/ml"),
    ("mg/L", "µg/L"),
    ("ng·h/mL", "µg·h/mL"),
    ("h·ng/mL", "h·µg/mL"),
    ("µg·h/L", "mg·h/L"),
    ("ng h/mL", "µg h/mL"),
    ("ng·h/ml", "µg·h/ml"),
    ("mg·h/L", "µg·h/L"),
    ("µg·h/mL", "ng·h/mL"),
    ("h·µg/mL", "h·ng/mL"),
    ("μg h/ml", "ng h/ml"),
    ("h", "min"),
    ("hr", "min"),
    ("L/h", "mL/h"),
    ("L/hr", "mL/hr"),
    ("mL/min", "L/min"),
    ("L/h/kg", "mL/h/kg"),
    ("mL/min/kg", "L/min/kg"),
    ("mL/h/kg", "L/h/kg"),
    ("mL·min⁻¹·kg⁻¹", "L·min⁻¹·kg⁻¹"),
    ("L", "mL"),
    ("L/kg", "mL/kg"),
    ("mL/kg", "L/kg"),
    ("1/h", "1/min"),
    ("h⁻¹", "min⁻¹"),
    ("h-1", "min-1"),
];

fn label_noise(rng: &mut Rng, kind: &str, record: &mut Record) -> bool {
    match kind {
        // A value scaling leaves unchanged is no noise and gets no flag (its factors are
        // drawn all the same, so the stream does not move).
        "wrong_value" => {
            let factor = rng.range(1.5, 4.0);
            scale_value(record, if rng.chance(0.5) { factor } else { 1.0 / factor })
        }
        "gaussian" => {
            let z = rng.normal();
            scale_value(record, (0.1 * z).exp())
        }
        "heavy_tailed" => {
            let t = rng.student_t(1).clamp(-30.0, 30.0);
            scale_value(record, (0.3 * t).exp())
        }
        "wrong_unit" => {
            let Some(raw) = record.unit_raw.clone() else { return false };
            let Some((_, other)) = UNIT_SWAPS.iter().find(|(from, _)| *from == raw) else { return false };
            let (Ok(unit), Some(value)) = (Unit::parse(other), record.value) else { return false };
            let Some(family) = family_of(&unit) else { return false };
            let Ok(canonical) = convert(value, &unit, family, None) else { return false };
            record.unit_raw = Some((*other).to_owned());
            record.value_canonical = Some(round_significant(canonical, 12));
            true
        }
        "wrong_parameter" => {
            const SWAPS: &[(&str, &str)] = &[
                ("CMAX", "AUCIFO"),
                ("TMAX", "LAMZHL"),
                ("AUCLST", "CMAX"),
                ("AUCIFO", "AUCLST"),
                ("LAMZHL", "MRTEVIFO"),
                ("LAMZ", "LAMZHL"),
                ("CLO", "VZO"),
                ("CLFO", "VZFO"),
                ("VZO", "VSSO"),
                ("VZFO", "CLFO"),
                ("VSSO", "VZO"),
                ("MRTIVIFO", "LAMZHL"),
                ("MRTEVIFO", "TMAX"),
                ("FABS", "CMAX"),
            ];
            let Some(code) = record.parameter.clone() else { return false };
            let Some((_, other)) = SWAPS.iter().find(|(from, _)| *from == code) else { return false };
            record.parameter = Some((*other).to_owned());
            true
        }
        _ => false,
    }
}

fn structured(rng: &mut Rng, t: &mut SynthTable) -> bool {
    let mut codes: Vec<String> = t.gold.iter().filter_map(|r| r.parameter.clone()).collect();
    codes.sort();
    codes.dedup();
    if codes.is_empty() {
        return false;
    }
    if codes.len() >= 2 && rng.chance(0.5) {
        // Two parameters' codes swapped throughout the table.
        let a = codes[rng.below(codes.len())].clone();
        let b = codes.iter().find(|c| **c != a).cloned().expect("invariant: two codes");
        for r in &mut t.gold {
            if r.parameter.as_deref() == Some(&a) {
                r.parameter = Some(b.clone());
                r.noise = Some("structured".to_owned());
            } else if r.parameter.as_deref() == Some(&b) {
                r.parameter = Some(a.clone());
                r.noise = Some("structured".to_owned());
            }
        }
    } else {
        // One parameter's values all off by a unit factor (mg read as µg).
        let code = codes[rng.below(codes.len())].clone();
        let factor = if rng.chance(0.5) { 1000.0 } else { 0.001 };
        for r in t.gold.iter_mut().filter(|r| r.parameter.as_deref() == Some(&code)) {
            scale_value(r, factor);
            r.noise = Some("structured".to_owned());
        }
    }
    true
}

fn corrupt(rng: &mut Rng, text: &str) -> String {
    const SUBS: &[(char, &str)] =
        &[('0', "O"), ('1', "l"), ('5', "S"), ('8', "B"), ('.', ","), ('±', "+"), ('6', "b"), ('.', "")];
    let mut out = text.to_owned();
    for _ in 0..1 + rng.below(2) {
        let candidates: Vec<(usize, &str)> = SUBS
            .iter()
            .filter(|(c, _)| out.contains(*c))
            .flat_map(|(c, s)| out.match_indices(*c).map(move |(i, _)| (i, *s)).collect::<Vec<_>>())
            .collect();
        if candidates.is_empty() {
            break;
        }
        let (i, sub) = candidates[rng.below(candidates.len())];
        let len = out[i..].chars().next().map_or(1, char::len_utf8);
        out.replace_range(i..i + len, sub);
    }
    out
}

fn ocr(rng: &mut Rng, t: &mut SynthTable) -> bool {
    let mut touched = false;
    for record in &mut t.gold {
        let (Some(row), Some(col)) = (record.provenance.row, record.provenance.col) else { continue };
        let (row, col) = (row as usize, col as usize);
        if !rng.chance(0.35) {
            continue;
        }
        let html = &t.body_html[row][col];
        let corrupted = corrupt(rng, html);
        if corrupted != *html {
            t.table.body_rows[row][col] = crate::render::plain(&corrupted).trim().to_owned();
            t.body_html[row][col] = corrupted;
            record.noise = Some("ocr".to_owned());
            touched = true;
        }
    }
    touched
}

fn shift_row(rng: &mut Rng, t: &mut SynthTable) -> bool {
    // A row with a value to move (not a heading row, `Fixed effects` over empty cells).
    let rows: Vec<usize> = (0..t.body_html.len())
        .filter(|&r| {
            t.body_html[r].len() >= 3 && t.body_html[r][1..t.body_html[r].len() - 1].iter().any(|c| !c.is_empty())
        })
        .collect();
    if rows.is_empty() {
        return false;
    }
    let row = rows[rng.below(rows.len())];
    for grid in [&mut t.body_html[row], &mut t.table.body_rows[row]] {
        grid.insert(1, String::new());
        grid.pop();
    }
    for r in t.gold.iter_mut().filter(|r| r.provenance.row == Some(row as u32)) {
        r.noise = Some("shifted_columns".to_owned());
    }
    true
}

/// An off-topic table that keeps the gold of the PK table it replaces, each record pointed
/// at another of its value cells (those beyond its value cells left out): gold a curator
/// would never write, on a table whose text (demographics, adverse events, assay
/// validation) says it reports no PK result.
fn spurious(rng: &mut Rng, t: &mut SynthTable) -> bool {
    if t.gold.is_empty() {
        return false;
    }
    let replacement = crate::offtopic::table(rng, &t.table.id, t.style);
    let cells: Vec<(usize, usize)> = replacement
        .table
        .body_rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            row.iter()
                .enumerate()
                .skip(1)
                .filter(|(_, c)| c.chars().any(|ch| ch.is_ascii_digit()))
                .map(move |(c, _)| (r, c))
        })
        .collect();
    if cells.is_empty() {
        return false;
    }
    let gold = std::mem::take(&mut t.gold);
    *t = replacement;
    t.gold = gold
        .into_iter()
        .zip(cells)
        .map(|(mut r, (row, col))| {
            r.provenance.row = Some(row as u32);
            r.provenance.col = Some(col as u32);
            r.provenance.header_path = t.table.header_path(col);
            r.provenance.footnotes.clear();
            r.noise = Some("spurious".to_owned());
            r
        })
        .collect();
    true
}

/// The body cut after `k` rows, `k` drawn so that at least the last row with gold is
/// lost: the records of the rows lost keep their gold, which now points at no cell (so a
/// learner that reads cells sees a shorter table; the flags say which tables were cut).
/// A kept record's spread read from a row lost (a mean above its SD row) stays.
fn truncate(rng: &mut Rng, t: &mut SynthTable) -> bool {
    let Some(last) = t.gold.iter().filter_map(|r| r.provenance.row).max().filter(|&l| l >= 1) else {
        return false;
    };
    let keep = 1 + rng.below(last as usize);
    t.body_html.truncate(keep);
    t.table.body_rows.truncate(keep);
    for r in t.gold.iter_mut().filter(|r| r.provenance.row.is_some_and(|row| row as usize >= keep)) {
        r.noise = Some("truncated".to_owned());
    }
    true
}

fn garbage_rows(rng: &mut Rng, t: &mut SynthTable) -> bool {
    const GARBAGE: &[&str] = &[
        "Data on file, see supplementary material",
        "Sampling times: 0.25, 0.5, 1, 2, 4, 8, 12 and 24 h",
        "Continued on next page",
        "Reference values from the product literature",
        "Limit of quantification 0.01 µg/mL",
        "ClinicalTrials.gov identifier NCT0",
    ];
    let n_cols = t.body_html.first().map_or(2, Vec::len);
    for _ in 0..1 + rng.below(2) {
        let mut row = vec![String::new(); n_cols];
        row[0] = (*rng.pick(GARBAGE)).to_owned();
        if n_cols > 2 && rng.chance(0.5) {
            row[n_cols - 1] = format!("p = 0.0{}", 1 + rng.below(9));
        }
        t.table.body_rows.push(row.clone());
        t.body_html.push(row);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse_and_reject_bad_input() {
        assert!(NoiseSpec::parse("none").unwrap().is_none());
        assert!(NoiseSpec::parse("").unwrap().is_none());
        let spec = NoiseSpec::parse("label=0.3, ocr=0.1").unwrap();
        assert!((spec.rate("wrong_unit") - 0.1).abs() < 1e-12);
        assert_eq!(spec.rate("ocr"), 0.1);
        let message = |s: &str| NoiseSpec::parse(s).unwrap_err().to_string();
        assert!(message("ocr").contains("\"ocr\" is not kind=rate"), "{}", message("ocr"));
        assert!(message("ocr=x").contains("rate \"x\" is not a number"));
        assert!(message("ocr=1.5").contains("outside 0..1"));
        assert!(message("typo=0.1").contains("unknown kind \"typo\""));
        assert!(message("wrong_value=0.7,gaussian=0.7").contains("more than 1"));
    }

    #[test]
    fn ocr_corrupts_something() {
        let mut rng = Rng::new(5);
        for text in ["12.5 ± 3.1", "0.85 (0.61–1.02)", "150"] {
            assert_ne!(corrupt(&mut rng, text), text);
        }
    }
}
