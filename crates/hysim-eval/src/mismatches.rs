//! The mismatches behind the numeric protocol's counts, one line each, so that a curator can
//! review them and an engineer can see what to fix: every record that matched no gold
//! value, every gold value no record matched, and every matched value whose context
//! disagrees with the curated one. Each line says why, as far as the other side shows it:
//! the gold value (or record) with the same number and what differs (statistic,
//! dispersion, interval, or the parameter class), or that the paper has no such number.

use hysim_core::Record;
use hysim_tables::gold::GoldValue;
use serde::Serialize;

use crate::{Match, Report, canonical_gold, class_of_named, close, context_field, mismatch, paper_of, value_agrees};

/// One error of a numeric evaluation (a line of `errors.jsonl`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Mismatch {
    /// A record that matched no gold value of its paper (a false positive).
    WrongRecord {
        /// The record's table.
        table_id: String,
        /// Its body row and column.
        row: Option<u32>,
        /// Its column.
        col: Option<u32>,
        /// Header text as printed.
        parameter_raw: String,
        /// Its code.
        parameter: Option<String>,
        /// The cell as printed.
        value_raw: String,
        /// Its unit as printed.
        unit_raw: Option<String>,
        /// Its statistic.
        statistic: String,
        /// Its confidence, when a model gave one.
        confidence: Option<f64>,
        /// What the gold of its paper says about its number.
        why: String,
    },
    /// A gold value that no record matched (a false negative).
    MissedValue {
        /// The paper.
        paper: String,
        /// The gold file's line.
        line: usize,
        /// The parameter as curated.
        parameter_raw: String,
        /// Its code.
        parameter: Option<String>,
        /// The value.
        value: f64,
        /// The unit as curated.
        unit_raw: Option<String>,
        /// The statistic as curated.
        statistic: Option<String>,
        /// What the records of its paper say about its number.
        why: String,
    },
    /// A matched value whose record disagrees with the curated context.
    ContextDisagrees {
        /// The gold value's paper.
        paper: String,
        /// Its line.
        line: usize,
        /// The matched record's table.
        table_id: String,
        /// Its row.
        row: Option<u32>,
        /// Its column.
        col: Option<u32>,
        /// The context field.
        field: String,
        /// The curated value.
        gold: String,
        /// The record's value (none when it has none).
        predicted: Option<String>,
    },
}

impl Mismatch {
    /// `wrong_record`, `missed_value` or `context_disagrees`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::WrongRecord { .. } => "wrong_record",
            Self::MissedValue { .. } => "missed_value",
            Self::ContextDisagrees { .. } => "context_disagrees",
        }
    }
}

/// Where a record sits, for messages: `16143486:2 row 3 col 2`.
fn place(r: &Record) -> String {
    let at = |name: &str, v: Option<u32>| v.map(|v| format!(" {name} {v}")).unwrap_or_default();
    format!("{}{}{}", r.table_id, at("row", r.provenance.row), at("col", r.provenance.col))
}

/// Whether record `r` prints the number of gold value `g`: the same value in canonical
/// units when both convert, or the same number as printed.
fn same_number(g: &GoldValue, gold_canonical: Option<f64>, r: &Record, tolerance: f64) -> bool {
    value_agrees(g, gold_canonical, r, tolerance) || r.value.is_some_and(|v| close(v, g.value, tolerance))
}

/// What differs between gold value `g` and record `r`, which print the same number in the
/// same class, under the report's matching; `None` when they would match.
fn difference(report: &Report, g: &GoldValue, gold_canonical: Option<f64>, r: &Record) -> Option<&'static str> {
    match report.matching {
        Match::Value => None,
        Match::Full => match mismatch(g, gold_canonical, r, report.tolerance)? {
            // The same number as printed, another value once converted.
            "value" => Some("unit"),
            what => Some(what),
        },
    }
}

/// The errors of `report`, which [`crate::score_numeric_with`] scored from `gold` and
/// `predicted`: wrong records in input order, then missed values and context disagreements
/// in gold order.
pub fn list(report: &Report, gold: &[GoldValue], predicted: &[Record]) -> Vec<Mismatch> {
    let tolerance = report.tolerance;
    let canonical: Vec<Option<f64>> = gold.iter().map(canonical_gold).collect();
    let mut out = Vec::new();
    for (k, r) in predicted.iter().enumerate() {
        if report.judged.get(k) != Some(&Some(false)) {
            continue;
        }
        let class = class_of_named(r.parameter.as_deref(), &r.parameter_raw);
        let same: Vec<usize> = (0..gold.len())
            .filter(|&i| gold[i].paper == paper_of(r) && same_number(&gold[i], canonical[i], r, tolerance))
            .collect();
        // Only coded values match: an uncoded record matches nothing, whatever the gold.
        let same_class = (class != "unmapped")
            .then(|| {
                same.iter()
                    .copied()
                    .find(|&i| class_of_named(gold[i].parameter.as_deref(), &gold[i].parameter_raw) == class)
            })
            .flatten();
        let why = match (same_class, same.first()) {
            (Some(i), _) => match difference(report, &gold[i], canonical[i], r) {
                Some(what) => format!("gold line {} has this number but another {what}", gold[i].line),
                None => format!("gold line {} has this number, matched by another record", gold[i].line),
            },
            (None, _) if class == "unmapped" => format!(
                "the record's parameter {:?} maps to no code{}",
                r.parameter_raw,
                same.first().map(|&i| format!(" (gold line {} has this number)", gold[i].line)).unwrap_or_default()
            ),
            (None, Some(&i)) => format!(
                "gold line {} has this number as {} (class {}), not {class}",
                gold[i].line,
                gold[i].parameter_raw,
                class_of_named(gold[i].parameter.as_deref(), &gold[i].parameter_raw)
            ),
            (None, None) => "no gold value of this paper has this number".to_owned(),
        };
        out.push(Mismatch::WrongRecord {
            table_id: r.table_id.clone(),
            row: r.provenance.row,
            col: r.provenance.col,
            parameter_raw: r.parameter_raw.clone(),
            parameter: r.parameter.clone(),
            value_raw: r.value_raw.clone(),
            unit_raw: r.unit_raw.clone(),
            statistic: r.statistic.as_str().to_owned(),
            confidence: r.confidence,
            why,
        });
    }
    for &i in &report.missed {
        let g = &gold[i];
        let class = class_of_named(g.parameter.as_deref(), &g.parameter_raw);
        let same: Vec<&Record> =
            predicted.iter().filter(|r| paper_of(r) == g.paper && same_number(g, canonical[i], r, tolerance)).collect();
        let why = if class == "unmapped" {
            format!("the curated parameter {:?} maps to no code", g.parameter_raw)
        } else {
            match (
                same.iter().find(|r| class_of_named(r.parameter.as_deref(), &r.parameter_raw) == class),
                same.first(),
            ) {
                (Some(r), _) => match difference(report, g, canonical[i], r) {
                    Some(what) => format!("{} has this number but another {what}", place(r)),
                    None => format!("{} has this number but matched another gold value", place(r)),
                },
                (None, Some(r)) => format!(
                    "{} has this number as {} (class {}), not {class}",
                    place(r),
                    r.parameter_raw,
                    class_of_named(r.parameter.as_deref(), &r.parameter_raw)
                ),
                (None, None) => "no record of this paper has this number".to_owned(),
            }
        };
        out.push(Mismatch::MissedValue {
            paper: g.paper.clone(),
            line: g.line,
            parameter_raw: g.parameter_raw.clone(),
            parameter: g.parameter.clone(),
            value: g.value,
            unit_raw: g.unit_raw.clone(),
            statistic: g.statistic.clone(),
            why,
        });
    }
    for &(i, k, field) in &report.disagreements {
        let (g, r) = (&gold[i], &predicted[k]);
        out.push(Mismatch::ContextDisagrees {
            paper: g.paper.clone(),
            line: g.line,
            table_id: r.table_id.clone(),
            row: r.provenance.row,
            col: r.provenance.col,
            field: field.to_owned(),
            gold: context_field(&g.context, field).unwrap_or_default().to_owned(),
            predicted: context_field(&r.context, field).map(str::to_owned),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use hysim_core::{Provenance, Statistic};

    use super::*;

    fn gold(line: usize, code: &str, value: f64, statistic: Option<&str>) -> GoldValue {
        let code = Some(code).filter(|c| *c != "x");
        GoldValue {
            line,
            parameter_raw: code.unwrap_or("x").into(),
            statistic: statistic.map(str::to_owned),
            ..crate::numeric::tests::gold("1", code, value)
        }
    }

    fn pred(row: u32, code: &str, value: f64, statistic: Statistic) -> Record {
        Record {
            statistic,
            provenance: Provenance { row: Some(row), col: Some(1), ..Provenance::default() },
            ..crate::numeric::tests::pred("1:2", code, Some(value))
        }
    }

    #[test]
    fn every_error_says_why() {
        let mut cmax = gold(2, "CMAX", 10.0, Some("mean"));
        cmax.context.population = Some("neonate".into());
        let gold = [
            cmax,
            gold(3, "TMAX", 2.0, Some("median")),
            gold(4, "CLO", 7.0, None),
            gold(5, "AUCIFO", 50.0, None),
            gold(6, "x", 1.0, None),
        ];
        let mut matched = pred(1, "CMAX", 10.0, Statistic::Mean);
        matched.context.population = Some("adults".into());
        let predicted = [
            matched,
            pred(2, "TMAX", 2.0, Statistic::Mean),
            pred(3, "VZO", 7.0, Statistic::Mean),
            pred(4, "LAMZHL", 99.0, Statistic::Mean),
            Record { parameter: None, parameter_raw: "Ratio".into(), ..pred(5, "x", 1.0, Statistic::Mean) },
        ];
        let report = crate::score_numeric(&gold, &predicted, 0.005);
        let lines: Vec<String> = list(&report, &gold, &predicted)
            .iter()
            .map(|e| match e {
                Mismatch::WrongRecord { table_id, row, why, .. } => format!("wrong {table_id} {row:?}: {why}"),
                Mismatch::MissedValue { line, why, .. } => format!("missed {line}: {why}"),
                Mismatch::ContextDisagrees { line, field, gold, predicted, .. } => {
                    format!("context {line} {field}: {gold} / {predicted:?}")
                }
            })
            .collect();
        assert_eq!(
            lines,
            [
                "wrong 1:2 Some(2): gold line 3 has this number but another statistic",
                "wrong 1:2 Some(3): gold line 4 has this number as CLO (class CL), not VD",
                "wrong 1:2 Some(4): no gold value of this paper has this number",
                "wrong 1:2 Some(5): the record's parameter \"Ratio\" maps to no code (gold line 6 has this number)",
                "missed 3: 1:2 row 2 col 1 has this number but another statistic",
                "missed 4: 1:2 row 3 col 1 has this number as VZO (class VD), not CL",
                "missed 5: no record of this paper has this number",
                "missed 6: the curated parameter \"x\" maps to no code",
                "context 2 population: neonate / Some(\"adults\")",
            ]
        );
        let (tp, fp, fn_) = (report.overall.scores.tp, report.overall.scores.fp, report.overall.scores.fn_);
        assert_eq!((tp, fp, fn_), (1, 4, 4), "one line per counted error");
        // Matching on the printed value alone, a statistic is no reason: a second record of
        // the median tmax is wrong only because the first one took the gold value.
        let mut tmax = predicted[1].clone();
        tmax.value = Some(2.0);
        let twice = [predicted[0].clone(), tmax.clone(), tmax];
        let by_value = crate::score_numeric_with(&gold, &twice, 0.005, Match::Value);
        let whys: Vec<String> = list(&by_value, &gold, &twice)
            .into_iter()
            .filter_map(|e| match e {
                Mismatch::WrongRecord { why, .. } => Some(why),
                _ => None,
            })
            .collect();
        assert_eq!(whys, ["gold line 3 has this number, matched by another record"]);
    }
}
