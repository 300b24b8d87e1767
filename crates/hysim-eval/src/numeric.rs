//! The numeric protocol: within a paper, a predicted record matches a gold value when both
//! fall in the same parameter class ([`class_of`]) and agree (value in canonical units or
//! as printed, statistic, dispersion, interval); one-to-one, greedy in file order; micro and
//! macro precision, recall and F1, per class and per paper, context agreement, and
//! hallucinations against the table text.

use std::collections::BTreeMap;

use hysim_core::Record;
use hysim_tables::gold::GoldValue;
use serde::Serialize;

use crate::stats;

/// The class a parameter code is scored in (AutoPK's buckets, extended): the class the
/// vocabulary (`hysim_tables::params`, from CDISC PKPARMCD) gives the code; `other` for a
/// code it does not hold, `unmapped` for none.
pub fn class_of(code: Option<&str>) -> &'static str {
    match code {
        Some(c) => hysim_tables::params::class_of_code(c).unwrap_or(if c.starts_with("AUC") {
            "AUC"
        } else if c.starts_with("MRT") {
            "MRT"
        } else {
            "other"
        }),
        None => "unmapped",
    }
}

/// The class of a parameter with its name as printed: its code's, or, for a name that is
/// ambiguous without the route or the interval (`Vd`, `MRT`, `AUC`), the one class every
/// code it may stand for is scored in.
pub fn class_of_named(code: Option<&str>, raw: &str) -> &'static str {
    match class_of(code) {
        "unmapped" => hysim_tables::params::ambiguous_class(raw).unwrap_or("unmapped"),
        class => class,
    }
}

/// Whether a gold value is of one subject (pk_individual) rather than a summary.
pub(crate) fn is_individual(g: &GoldValue) -> bool {
    g.statistic.as_deref() == Some("individual")
}

/// Subject ids compared as curators and tables write them: `Case 1`, `case1`, `1` and
/// `Patient #1` are one subject.
pub(crate) fn same_subject(gold: &str, predicted: &str) -> bool {
    const WORDS: &[&str] = &[
        "case",
        "patient",
        "pt",
        "subject",
        "no",
        "id",
        "mother",
        "infant",
        "participant",
        "volunteer",
        "dog",
        "animal",
    ];
    let norm = |s: &str| {
        let l = s.to_lowercase();
        let words: Vec<&str> = l
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !WORDS.contains(w))
            // "case1", "pt3": the word glued to the number.
            .map(|w| {
                WORDS
                    .iter()
                    .find_map(|p| w.strip_prefix(p).filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit())))
                    .unwrap_or(w)
            })
            .collect();
        words.join("")
    };
    let (g, p) = (norm(gold), norm(predicted));
    !g.is_empty() && g == p
}

/// A sampling time in hours (`2 h`, `30 min`, `day 3`, `2 week`), when it reads as one.
pub(crate) fn hours(time: &str) -> Option<f64> {
    let l = time.to_lowercase();
    let number: f64 =
        l.split(|c: char| !(c.is_ascii_digit() || c == '.')).find(|w| !w.is_empty()).and_then(|w| w.parse().ok())?;
    let factor = if l.contains("min") {
        1.0 / 60.0
    } else if l.contains("week") || l.contains("wk") {
        168.0
    } else if l.contains("day") || l.trim_end().ends_with('d') {
        24.0
    } else if l.contains("month") {
        730.0
    } else {
        1.0
    };
    Some(number * factor)
}

/// Precision, recall and F1 with their counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scores {
    /// `tp / (tp + fp)`, 0 when there is no prediction.
    pub precision: f64,
    /// `tp / (tp + fn)`, 0 when there is no curated value.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
    /// Matched records.
    pub tp: usize,
    /// Records matching no curated value.
    pub fp: usize,
    /// Curated values matched by no record.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Scores {
    fn from_counts(tp: usize, fp: usize, fn_: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
        Self { precision, recall, f1, tp, fp, fn_ }
    }
}

/// The overall scores of the numeric protocol, with what needs more than counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Overall {
    /// Micro-averaged precision, recall, F1 and counts.
    #[serde(flatten)]
    pub scores: Scores,
    /// Share of judged records whose printed value is not in their table's text (`None`
    /// when no table text was given).
    pub hallucination_rate: Option<f64>,
    /// Expected calibration error of the judged records' confidences (`None` when no
    /// record has a confidence, as for rule-based output).
    pub ece: Option<f64>,
    /// Macro averages: the mean over parameter classes of their precision, recall and F1.
    pub macro_average: Macro,
    /// Bootstrap 95 % intervals over papers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intervals: Option<stats::Intervals>,
}

/// Unweighted means over parameter classes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Macro {
    /// Mean precision.
    pub precision: f64,
    /// Mean recall.
    pub recall: f64,
    /// Mean F1.
    pub f1: f64,
}

/// The result of the numeric protocol.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Micro-averaged over every scored paper.
    pub overall: Overall,
    /// By parameter class.
    pub per_parameter: BTreeMap<String, Scores>,
    /// By paper.
    pub per_paper: BTreeMap<String, Scores>,
    /// The relative tolerance used.
    pub tolerance: f64,
    /// What a match required.
    pub matching: Match,
    /// For matched values whose gold gives a context field: how often the record agrees.
    pub context: BTreeMap<String, Agreement>,
    /// The reliability diagram behind `overall.ece`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reliability: Vec<stats::Bin>,
    /// For each predicted record (input order): matched, unmatched, or not judged.
    #[serde(skip)]
    pub judged: Vec<Option<bool>>,
    /// The gold values no record matched (indices into the gold values scored), in order.
    #[serde(skip)]
    pub missed: Vec<usize>,
    /// Matched values whose record disagrees on a context field the gold gives: (gold
    /// index, record index, field).
    #[serde(skip)]
    pub disagreements: Vec<(usize, usize, &'static str)>,
    /// Counts per paper and class, for bootstrap intervals.
    #[serde(skip)]
    pub tallies: BTreeMap<String, BTreeMap<String, stats::Tally>>,
}

impl Report {
    /// Adds the expected calibration error of the judged records' confidences.
    pub fn calibrate(&mut self, predicted: &[Record]) {
        let pairs: Vec<(f64, bool)> =
            predicted.iter().zip(&self.judged).filter_map(|(r, j)| Some((r.confidence?, (*j)?))).collect();
        if let Some((ece, bins)) = stats::calibration(&pairs, 10) {
            self.overall.ece = Some(ece);
            self.reliability = bins;
        }
    }

    /// Adds bootstrap intervals over papers.
    pub fn bootstrap(&mut self, n_resamples: usize, seed: u64) {
        let tallies: Vec<BTreeMap<String, stats::Tally>> = self.tallies.values().cloned().collect();
        self.overall.intervals = Some(stats::bootstrap(&tallies, n_resamples, seed));
    }

    /// Summed counts per paper, in paper order, for a paired comparison.
    pub fn paper_tallies(&self) -> Vec<(String, stats::Tally)> {
        self.tallies
            .iter()
            .map(|(paper, classes)| {
                let t = classes.values().fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
                (paper.clone(), t)
            })
            .collect()
    }
}

/// The first number of a cell as printed (`6.2` of `6.2 ± 1.1`, `0,35` of `0,35 (0,1)`).
pub(crate) fn first_number(text: &str) -> Option<&str> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let end = rest
        .char_indices()
        .find(|(i, c)| {
            !(c.is_ascii_digit()
                || ((*c == '.' || *c == ',') && rest[i + 1..].starts_with(|d: char| d.is_ascii_digit())))
        })
        .map_or(rest.len(), |(i, _)| i);
    Some(&rest[..end])
}

/// How many of the judged records (`judged[k]` is `Some`) have a printed value that does
/// not occur in their table's text (`texts`: table id → caption, headers, cells and
/// footnote). Records of tables without text are not counted. Returns (hallucinated, checked).
pub fn hallucinations(
    predicted: &[Record],
    judged: &[Option<bool>],
    texts: &std::collections::HashMap<String, String>,
) -> (usize, usize) {
    let mut out = (0, 0);
    for (r, j) in predicted.iter().zip(judged) {
        if j.is_none() {
            continue;
        }
        let (Some(text), Some(number)) = (texts.get(&r.table_id), first_number(&r.value_raw)) else { continue };
        out.1 += 1;
        if !text.contains(number) {
            out.0 += 1;
        }
    }
    out
}

/// The text a table prints, for [`hallucinations`].
pub fn table_text(table: &hysim_core::Table) -> String {
    let mut text = String::new();
    for part in [&table.caption, &table.footnote].into_iter().flatten() {
        text.push_str(part);
        text.push('\n');
    }
    for row in table.header_rows.iter().chain(&table.body_rows) {
        text.push_str(&row.join(" | "));
        text.push('\n');
    }
    text
}

/// Agreement of one context field over matched values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Agreement {
    /// Matched values whose gold gives the field.
    pub compared: usize,
    /// Of those, records whose field agrees.
    pub agreed: usize,
    /// `agreed / compared` (0 when nothing was compared).
    pub rate: f64,
}

/// Context fields compared on matched values.
pub(crate) const CONTEXT_FIELDS: [&str; 7] = ["drug", "analyte", "dose", "species", "population", "matrix", "route"];

pub(crate) fn context_field<'a>(c: &'a hysim_core::Context, field: &str) -> Option<&'a str> {
    match field {
        "drug" => c.drug.as_deref(),
        "analyte" => c.analyte.as_deref(),
        "dose" => c.dose.as_deref(),
        "species" => c.species.as_deref(),
        "population" => c.population.as_deref(),
        "matrix" => c.matrix.as_deref(),
        "route" => c.route.as_deref(),
        _ => None,
    }
    .map(str::trim)
    .filter(|s| !s.is_empty())
}

/// Words curators and papers use for the same matrix or population, mapped to one class:
/// the curated files say `blood` for plasma and serum samples, `maternal` where a caption
/// says `parturients`, `child` where it says `paediatric`.
const CONTEXT_CLASSES: &[(&str, &[&str])] = &[
    ("matrix", &["blood", "plasma", "serum", "whole blood"]),
    (
        "population",
        &["maternal", "mothers", "parturients", "pregnant women", "pregnant", "lactating women", "breastfeeding women"],
    ),
    (
        "population",
        &["child", "children", "paediatric", "pediatric", "pediatric patients", "paediatric patients", "adolescents"],
    ),
    ("population", &["neonate", "neonates", "newborns", "newborn", "preterm infants", "infants"]),
];

pub(crate) fn context_class(field: &str, value: &str) -> String {
    CONTEXT_CLASSES
        .iter()
        .find(|(f, words)| *f == field && words.contains(&value))
        .map_or_else(|| value.to_owned(), |(_, words)| words[0].to_owned())
}

/// Two values of a context field agree when, lower-cased with hyphens read as spaces,
/// spaces squeezed and mapped to their class (`plasma` and `blood`, `parturients` and
/// `maternal`), one contains the other (`nifedipine` and `Nifedipine GITS 90 mg/d`, `child`
/// and `children`, `Lorazepam-glucuronide` and `lorazepam glucuronide`).
pub fn context_agrees(field: &str, gold: &str, predicted: &str) -> bool {
    let norm = |s: &str| {
        let spaced = s.to_lowercase().replace(['-', '‐', '‑'], " ");
        context_class(field, &spaced.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    let (g, p) = (norm(gold), norm(predicted));
    !g.is_empty() && !p.is_empty() && (g.contains(&p) || p.contains(&g))
}

/// Gold values from SPEC records (a synthetic corpus's `gold.jsonl`, or curated records):
/// each record with a value is one gold value of its paper (the table id up to the first
/// `:`). The line is the record's 1-based position.
pub fn gold_from_records(records: &[Record]) -> Vec<GoldValue> {
    records
        .iter()
        .enumerate()
        .filter_map(|(k, r)| {
            Some(GoldValue {
                paper: paper_of(r).to_owned(),
                line: k + 1,
                parameter_raw: r.parameter_raw.clone(),
                parameter: r.parameter.clone(),
                value: r.value?,
                unit_raw: r.unit_raw.clone(),
                statistic: Some(r.statistic.as_str().to_owned()),
                context: r.context.clone(),
                dispersion: r.dispersion.clone(),
                interval: r.interval.clone(),
            })
        })
        .collect()
}

/// The paper a record belongs to: its table id up to the first `:`.
pub(crate) fn paper_of(record: &Record) -> &str {
    paper_of_table(&record.table_id)
}

/// The paper of a table id: the id up to its first `:` (`"29943508:1"` → `"29943508"`).
pub fn paper_of_table(table_id: &str) -> &str {
    table_id.split(':').next().unwrap_or_default()
}

pub(crate) fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * b.abs().max(f64::MIN_POSITIVE)
}

/// The gold value in its parameter's canonical unit, when its unit converts.
pub(crate) fn canonical_gold(g: &GoldValue) -> Option<f64> {
    let unit = hysim_units::Unit::parse(g.unit_raw.as_deref()?).ok()?;
    let per_kg = unit.dims.body_weight == -1;
    let family = hysim_tables::params::family_of_code(g.parameter.as_deref()?, per_kg)?;
    hysim_units::convert(g.value, &unit, family, None).ok()
}

/// The statistic a gold value names, when it names one of SPEC's.
pub(crate) fn gold_statistic(g: &GoldValue) -> Option<hysim_core::Statistic> {
    use hysim_core::Statistic;
    let s = g.statistic.as_deref()?.trim().to_lowercase().replace('_', " ");
    Some(match s.as_str() {
        "mean" | "arithmetic mean" | "average" => Statistic::Mean,
        "geometric mean" | "geomean" => Statistic::GeometricMean,
        "median" => Statistic::Median,
        "individual" => Statistic::Individual,
        _ => return None,
    })
}

/// Whether record `r`'s value is gold value `g`'s within `tolerance`: in canonical units
/// when both convert, else as printed.
pub(crate) fn value_agrees(g: &GoldValue, gold_canonical: Option<f64>, r: &Record, tolerance: f64) -> bool {
    match (gold_canonical, r.value_canonical) {
        (Some(gc), Some(rc)) => close(rc, gc, tolerance),
        _ => r.value.is_some_and(|v| close(v, g.value, tolerance)),
    }
}

/// What record `r` gets wrong about gold value `g`, in the order checked (`value`,
/// `statistic`, `dispersion`, `interval`), or `None` when it states it: the value within
/// `tolerance` (in canonical units when both convert, else as printed); the statistic when
/// both name one (a record that says only `value` names none, and a gold `mean` admits a
/// geometric mean); the dispersion and the interval when the gold gives them.
pub(crate) fn mismatch(g: &GoldValue, gold_canonical: Option<f64>, r: &Record, tolerance: f64) -> Option<&'static str> {
    let value_ok = value_agrees(g, gold_canonical, r, tolerance);
    // Curators write "mean" for geometric means too; "geometric mean" is specific.
    // A record that says only `value`, or `unknown` (its table declares no statistic),
    // names none.
    let names_none = matches!(r.statistic, hysim_core::Statistic::Value | hysim_core::Statistic::Unknown);
    let statistic_ok = match gold_statistic(g) {
        Some(hysim_core::Statistic::Mean) => {
            names_none || matches!(r.statistic, hysim_core::Statistic::Mean | hysim_core::Statistic::GeometricMean)
        }
        Some(s) => names_none || r.statistic == s,
        None => true,
    };
    // Spreads are printed in the value's unit: compare them on the canonical scale when
    // both values convert (a CV% is unitless and compared as printed).
    let factor = |canonical: Option<f64>, printed: Option<f64>| match (canonical, printed) {
        (Some(c), Some(p)) if p != 0.0 => c / p,
        _ => 1.0,
    };
    let (fg, fr) = match (gold_canonical, r.value_canonical) {
        (Some(_), Some(_)) => (factor(gold_canonical, Some(g.value)), factor(r.value_canonical, r.value)),
        _ => (1.0, 1.0),
    };
    let dispersion_ok = match (&g.dispersion, &r.dispersion) {
        (None, _) => true,
        (Some(gd), Some(rd)) => {
            let percent = gd.kind.contains('%') || rd.kind.contains('%');
            let (a, b) = if percent { (rd.value, gd.value) } else { (rd.value * fr, gd.value * fg) };
            let unnamed = |k: &str| k.is_empty() || k == hysim_core::UNKNOWN_KIND;
            close(a, b, tolerance) && (unnamed(&gd.kind) || unnamed(&rd.kind) || gd.kind.eq_ignore_ascii_case(&rd.kind))
        }
        (Some(_), None) => false,
    };
    let interval_ok = match (&g.interval, &r.interval) {
        (None, _) => true,
        (Some(gi), Some(ri)) => {
            close(ri.low * fr, gi.low * fg, tolerance) && close(ri.high * fr, gi.high * fg, tolerance)
        }
        (Some(_), None) => false,
    };
    [("value", value_ok), ("statistic", statistic_ok), ("dispersion", dispersion_ok), ("interval", interval_ok)]
        .into_iter()
        .find(|(_, ok)| !ok)
        .map(|(what, _)| what)
}

/// Scores `predicted` against `gold` with the numeric protocol.
pub fn score_numeric(gold: &[GoldValue], predicted: &[Record], tolerance: f64) -> Report {
    score_numeric_with(gold, predicted, tolerance, Match::Full)
}

/// What a record must share with a gold value to match it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Match {
    /// Class, value (canonical units when both convert), statistic, dispersion, interval.
    #[default]
    Full,
    /// Class and printed value only (the parse issue's measure).
    Value,
}

impl std::str::FromStr for Match {
    type Err = String;

    /// `full` or `value`, as `--match` takes them.
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "full" => Ok(Match::Full),
            "value" => Ok(Match::Value),
            other => Err(format!("unknown --match {other:?} (expected full or value)")),
        }
    }
}

/// For an individual gold value: the record is of the same subject, and of the same
/// sampling time where the gold gives one (within 1 % or a minute). Summary values have
/// no subject to agree on.
fn same_unit_of_observation(g: &GoldValue, r: &Record) -> bool {
    if !is_individual(g) {
        return true;
    }
    let subject = match (&g.context.subject, &r.context.subject) {
        (Some(gs), Some(rs)) => same_subject(gs, rs),
        (Some(_), None) => false,
        (None, _) => true,
    };
    let time = match (g.context.time.as_deref().and_then(hours), r.context.time.as_deref().and_then(hours)) {
        (Some(gt), Some(rt)) => (gt - rt).abs() <= (0.01 * gt.abs()).max(1.0 / 60.0),
        (Some(_), None) => false,
        (None, _) => true,
    };
    subject && time
}

/// [`score_numeric`] with a choice of what must match.
pub fn score_numeric_with(gold: &[GoldValue], predicted: &[Record], tolerance: f64, matching: Match) -> Report {
    let papers: std::collections::BTreeSet<&str> = gold.iter().map(|g| g.paper.as_str()).collect();
    let mut counts: BTreeMap<(String, String), (usize, usize, usize)> = BTreeMap::new();
    let mut context: BTreeMap<String, Agreement> = BTreeMap::new();
    let mut judged: Vec<Option<bool>> = vec![None; predicted.len()];
    let mut missed = Vec::new();
    let mut disagreements = Vec::new();
    for paper in &papers {
        // Individual gold values (pk_individual) are matched by individual records, summary
        // values by the others; records of a kind the paper's gold has none of are not
        // judged (a pk_summary curation says nothing of a table of subjects).
        let has_individual = gold.iter().any(|g| g.paper == *paper && is_individual(g));
        let has_summary = gold.iter().any(|g| g.paper == *paper && !is_individual(g));
        let indices: Vec<usize> = (0..predicted.len())
            .filter(|&k| {
                let individual = predicted[k].statistic == hysim_core::Statistic::Individual;
                paper_of(&predicted[k]) == *paper
                    && predicted[k].value.is_some()
                    && if individual { has_individual } else { has_summary }
            })
            .collect();
        let preds: Vec<&Record> = indices.iter().map(|&k| &predicted[k]).collect();
        let mut used = vec![false; preds.len()];
        for (gi, g) in gold.iter().enumerate().filter(|(_, g)| g.paper == *paper) {
            let class = class_of_named(g.parameter.as_deref(), &g.parameter_raw);
            let hit = (class != "unmapped")
                .then(|| {
                    let gold_canonical = canonical_gold(g);
                    preds.iter().enumerate().position(|(k, r)| {
                        !used[k]
                            && class_of_named(r.parameter.as_deref(), &r.parameter_raw) == class
                            && (r.statistic == hysim_core::Statistic::Individual) == is_individual(g)
                            && same_unit_of_observation(g, r)
                            && match matching {
                                Match::Full => mismatch(g, gold_canonical, r, tolerance).is_none(),
                                Match::Value => r.value.is_some_and(|v| close(v, g.value, tolerance)),
                            }
                    })
                })
                .flatten();
            let entry = counts.entry(((*paper).to_owned(), class.to_owned())).or_default();
            match hit {
                Some(k) => {
                    used[k] = true;
                    entry.0 += 1;
                    for field in CONTEXT_FIELDS {
                        if let Some(gold_value) = context_field(&g.context, field) {
                            let a = context.entry(field.to_owned()).or_default();
                            a.compared += 1;
                            if context_field(&preds[k].context, field)
                                .is_some_and(|p| context_agrees(field, gold_value, p))
                            {
                                a.agreed += 1;
                            } else {
                                disagreements.push((gi, indices[k], field));
                            }
                        }
                    }
                }
                None => {
                    entry.2 += 1;
                    missed.push(gi);
                }
            }
        }
        for (k, r) in preds.iter().enumerate() {
            judged[indices[k]] = Some(used[k]);
            if !used[k] {
                let class = class_of_named(r.parameter.as_deref(), &r.parameter_raw);
                counts.entry(((*paper).to_owned(), class.to_owned())).or_default().1 += 1;
            }
        }
    }
    let sum = |filter: &dyn Fn(&(String, String)) -> bool| {
        let (tp, fp, fn_) = counts
            .iter()
            .filter(|(k, _)| filter(k))
            .fold((0, 0, 0), |(a, b, c), (_, (tp, fp, fn_))| (a + tp, b + fp, c + fn_));
        Scores::from_counts(tp, fp, fn_)
    };
    let classes: std::collections::BTreeSet<&String> = counts.keys().map(|(_, c)| c).collect();
    let mut tallies: BTreeMap<String, BTreeMap<String, stats::Tally>> = BTreeMap::new();
    for ((paper, class), t) in &counts {
        tallies.entry(paper.clone()).or_default().insert(class.clone(), *t);
    }
    let per_parameter: BTreeMap<String, Scores> =
        classes.into_iter().map(|c| (c.clone(), sum(&|(_, k)| k == c))).collect();
    let n_classes = per_parameter.len().max(1) as f64;
    let macro_average = Macro {
        precision: per_parameter.values().map(|s| s.precision).sum::<f64>() / n_classes,
        recall: per_parameter.values().map(|s| s.recall).sum::<f64>() / n_classes,
        f1: per_parameter.values().map(|s| s.f1).sum::<f64>() / n_classes,
    };
    Report {
        overall: Overall { scores: sum(&|_| true), macro_average, ..Overall::default() },
        per_parameter,
        per_paper: papers.iter().map(|p| ((*p).to_owned(), sum(&|(q, _)| q == p))).collect(),
        tolerance,
        matching,
        context: context
            .into_iter()
            .map(|(k, mut a)| {
                a.rate = if a.compared == 0 { 0.0 } else { a.agreed as f64 / a.compared as f64 };
                (k, a)
            })
            .collect(),
        reliability: Vec::new(),
        judged,
        missed,
        disagreements,
        tallies,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use hysim_core::{Context, Provenance, Statistic};

    use super::*;

    pub(crate) fn gold(paper: &str, code: Option<&str>, value: f64) -> GoldValue {
        GoldValue {
            paper: paper.into(),
            line: 2,
            parameter_raw: code.unwrap_or("x").into(),
            parameter: code.map(str::to_owned),
            value,
            unit_raw: None,
            statistic: None,
            context: Context::default(),
            dispersion: None,
            interval: None,
        }
    }

    pub(crate) fn pred(table: &str, code: &str, value: Option<f64>) -> Record {
        Record {
            table_id: table.into(),
            parameter_raw: code.into(),
            parameter: Some(code.into()),
            value_raw: value.map(|v| v.to_string()).unwrap_or_default(),
            value,
            statistic: Statistic::Mean,
            dispersion: None,
            interval: None,
            unit_raw: None,
            unit: None,
            value_canonical: None,
            n: None,
            context: Context::default(),
            provenance: Provenance::default(),
            confidence: None,
            noise: None,
            review: None,
        }
    }

    #[test]
    fn hand_computed_counts() {
        let g = vec![
            gold("1", Some("CMAX"), 12.96),
            gold("1", Some("CMAX"), 35.55),
            gold("1", Some("LAMZHL"), 10.35),
            gold("1", None, 0.73),
            gold("2", Some("CLO"), 0.64),
        ];
        let p = vec![
            pred("1:2", "CMAX", Some(12.96)),
            pred("1:2", "CMAX", Some(12.96)),    // a duplicate matches nothing
            pred("1:2", "HLALPHA", Some(10.35)), // same class (half-life)
            pred("1:3", "TMAX", Some(3.1)),      // not curated: FP
            pred("1:3", "TMAX", None),           // no value: not judged
            pred("2:1", "CLFO", Some(0.6432)),   // within 0.5 %
            pred("9:1", "CMAX", Some(1.0)),      // paper without gold: not judged
        ];
        let r = score_numeric(&g, &p, 0.005);
        let o = &r.overall.scores;
        assert_eq!((o.tp, o.fp, o.fn_), (3, 2, 2));
        assert!((o.precision - 0.6).abs() < 1e-12 && (o.recall - 0.6).abs() < 1e-12);
        // Judged: matched, unmatched duplicate, matched, FP, no value, matched, no gold.
        assert_eq!(r.judged, [Some(true), Some(false), Some(true), Some(false), None, Some(true), None]);
        assert_eq!(r.tallies["1"]["CMAX"], (1, 1, 1));
        // Macro: the mean over the classes' F1 (CMAX 0.5, half-life 1, TMAX 0, CL 1, unmapped 0).
        assert!((r.overall.macro_average.f1 - 2.5 / 5.0).abs() < 1e-12, "{:?}", r.per_parameter);
        assert_eq!((r.per_parameter["CMAX"].tp, r.per_parameter["CMAX"].fp, r.per_parameter["CMAX"].fn_), (1, 1, 1));
        assert_eq!(r.per_parameter["unmapped"].fn_, 1);
        assert_eq!(r.per_paper["2"].recall, 1.0);
        let outside = score_numeric(&g[4..], &[pred("2:1", "CLO", Some(0.65))], 0.005);
        assert_eq!(outside.overall.scores.tp, 0, "0.65 is 1.6 % away from 0.64");
    }

    #[test]
    fn units_statistics_and_spreads_must_agree() {
        let mut g = gold("1", Some("CMAX"), 1.2);
        g.unit_raw = Some("µg/mL".into());
        g.statistic = Some("mean".into());
        g.dispersion = Some(hysim_core::Dispersion { kind: "SD".into(), value: 0.3 });
        let mut r = pred("1:1", "CMAX", Some(1200.0));
        r.value_canonical = Some(1200.0);
        r.unit = Some("ng/mL".into());
        r.dispersion = Some(hysim_core::Dispersion { kind: "SD".into(), value: 300.0 });
        let check =
            |r: &Record| score_numeric(std::slice::from_ref(&g), std::slice::from_ref(r), 0.005).overall.scores.tp;
        // 1.2 ± 0.3 µg/mL is 1200 ± 300 ng/mL: values and spreads compare in canonical units.
        assert_eq!(check(&r), 1, "canonical values agree, SD agrees");
        r.dispersion = Some(hysim_core::Dispersion { kind: "SD".into(), value: 0.3 });
        assert_eq!(check(&r), 0, "SD 0.3 ng/mL is not 0.3 µg/mL");
        r.dispersion = Some(hysim_core::Dispersion { kind: "SE".into(), value: 300.0 });
        assert_eq!(check(&r), 0, "an SE is not an SD");
        r.dispersion = Some(hysim_core::Dispersion { kind: "SD".into(), value: 300.0 });
        r.statistic = Statistic::Median;
        assert_eq!(check(&r), 0, "median is not mean");
        r.statistic = Statistic::GeometricMean;
        assert_eq!(check(&r), 1, "curators write mean for geometric means too");
        r.statistic = Statistic::Value;
        assert_eq!(check(&r), 1, "a record that names no statistic is not contradicted");
        r.dispersion = None;
        assert_eq!(check(&r), 0, "the gold gives an SD the record lacks");
    }

    #[test]
    fn context_agreement_on_matched_values() {
        let mut g = gold("1", Some("CMAX"), 12.96);
        g.context.drug = Some("Nifedipine GITS 90 mg/d".into());
        g.context.population = Some("child".into());
        g.context.matrix = Some("blood".into());
        let mut unmatched = gold("1", Some("TMAX"), 3.0);
        unmatched.context.drug = Some("nifedipine".into());
        let mut p = pred("1:1", "CMAX", Some(12.96));
        p.context.drug = Some("nifedipine".into());
        p.context.population = Some("Children".into());
        p.context.matrix = Some("plasma".into());
        p.context.analyte = Some("dehydronifedipine".into());
        let r = score_numeric(&[g, unmatched], &[p], 0.005);
        let rate = |f: &str| (r.context[f].agreed, r.context[f].compared);
        // Only the matched value is compared; the unmatched one's drug is not.
        assert_eq!((rate("drug"), rate("population"), rate("matrix")), ((1, 1), (1, 1), (1, 1)));
        assert!(!r.context.contains_key("dose"), "no gold dose, nothing compared");
        assert!(context_agrees("population", "child", "children"));
        assert!(context_agrees("population", "maternal", "parturients"));
        assert!(context_agrees("analyte", "Lorazepam-glucuronide", "lorazepam glucuronide"));
        assert!(!context_agrees("analyte", "Lorazepam-glucuronide", "oxazepam glucuronide"));
        assert!(!context_agrees("population", "maternal", "children"));
        assert!(context_agrees("matrix", "blood", "serum") && !context_agrees("matrix", "milk", "plasma"));
    }

    #[test]
    fn undeclared_statistics_name_none_and_ambiguous_names_keep_their_class() {
        let mut g = gold("1", Some("CLO"), 5.0);
        g.statistic = Some("mean".into());
        g.dispersion = Some(hysim_core::Dispersion { kind: "SD".into(), value: 1.0 });
        let mut r = pred("1:1", "CLO", Some(5.0));
        r.statistic = Statistic::Unknown;
        r.dispersion = Some(hysim_core::Dispersion { kind: hysim_core::UNKNOWN_KIND.into(), value: 1.0 });
        assert_eq!(score_numeric(&[g.clone()], &[r.clone()], 0.005).overall.scores.tp, 1);
        r.statistic = Statistic::Median;
        assert_eq!(
            score_numeric(&[g.clone()], &[r.clone()], 0.005).overall.scores.tp,
            0,
            "a named statistic must agree"
        );
        // "Vd" has no code without the route, yet is a volume.
        let mut vd = gold("1", None, 2.0);
        vd.parameter_raw = "Vd (L/kg)".into();
        let mut r = pred("1:1", "x", Some(2.0));
        r.parameter = None;
        r.parameter_raw = "Vd".into();
        assert_eq!(class_of_named(None, "Vd"), "VD");
        assert_eq!(score_numeric(&[vd], &[r], 0.005).overall.scores.tp, 1);
        assert_eq!(class_of(Some("MPRATIO")), "ratio");
        assert_eq!(class_of(Some("ZZZ")), "other");
    }

    #[test]
    fn individual_values_match_their_subject_and_time() {
        let mut g = gold("1", Some("CONC"), 12.0);
        g.statistic = Some("individual".into());
        g.context.subject = Some("Case 3".into());
        g.context.time = Some("2 h".into());
        let mut r = pred("1:1", "CONC", Some(12.0));
        r.statistic = Statistic::Individual;
        r.context.subject = Some("3".into());
        r.context.time = Some("120 min".into());
        assert_eq!(score_numeric(&[g.clone()], &[r.clone()], 0.005).overall.scores.tp, 1);
        r.context.subject = Some("4".into());
        assert_eq!(score_numeric(&[g.clone()], &[r.clone()], 0.005).overall.scores.tp, 0, "another subject");
        r.context.subject = Some("Patient 3".into());
        r.context.time = Some("4 h".into());
        assert_eq!(score_numeric(&[g.clone()], &[r.clone()], 0.005).overall.scores.tp, 0, "another time");
        // A summary record is not judged against individual gold, nor the reverse.
        r.context.time = None;
        g.context.time = None;
        r.statistic = Statistic::Mean;
        let report = score_numeric(&[g.clone()], &[r.clone()], 0.005);
        assert_eq!((report.overall.scores.tp, report.overall.scores.fp), (0, 0));
        assert!(same_subject("Case 1", "case1") && same_subject("Patient #2", "2") && !same_subject("2a", "2"));
        assert_eq!(hours("30 min"), Some(0.5));
        assert_eq!(hours("day 3"), Some(72.0));
    }
}
