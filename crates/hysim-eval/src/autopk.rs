//! AutoPK's scoring protocol (`../shared/data/autopk-eval-protocol.md`): rows of eight
//! string fields per extracted value, normalised on both sides, aligned per table and
//! parameter by a Hungarian assignment on Levenshtein-ratio row similarities, then scored
//! cell by cell (TP when the similarity reaches 0.8), with hallucinated cells counted from
//! the rows that match nothing. Precision, recall and F1 are macro-averaged over tables,
//! per parameter; the hallucination rate is ΣHC / ΣFP.
//!
//! AutoPK compares units, species and drug names by the cosine of Bio_ClinicalBERT
//! embeddings. Here that comparison is a [`TextSimilarity`] the caller chooses: the
//! command line passes one backed by our sentence encoder (all-MiniLM-L6-v2) and says so
//! in the report; [`Levenshtein`] is the default without an encoder.

use std::collections::{BTreeMap, BTreeSet};

use hysim_core::Record;
use serde::Serialize;

use crate::class_of;

/// The parameters AutoPK's evaluation scores, by its `abbv` names.
pub const TARGETS: [&str; 6] = ["half-life", "AUC", "CL", "MRT", "CMAX", "TMAX"];

/// One row of AutoPK's long format.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// The table.
    pub table: String,
    /// Which target the row belongs to (`half-life`, `AUC`, `CL`, `MRT`, `CMAX`, `TMAX`, ...).
    pub abbv: String,
    /// `pk_parameter`, `pk_parameter_unit`, `pk_parameter_value`, `animal`, `drug`,
    /// `drug_dosage`, `route_of_administration`, `animal_matrix/commodity`.
    pub fields: [String; 8],
}

/// The eight field names, in [`Row::fields`] order (the columns of AutoPK's label sheets).
pub const FIELDS: [&str; 8] = hysim_tables::gold::AUTOPK_LABEL_COLUMNS;

/// Weight of each field in the row similarity (value 3, dosage and route 2, others 1).
const ROW_WEIGHTS: [f64; 8] = [1.0, 1.0, 3.0, 1.0, 1.0, 2.0, 2.0, 1.0];
/// Fields compared by embedding similarity in AutoPK (unit, animal, drug).
const SEMANTIC: [bool; 8] = [false, true, false, true, true, false, false, false];

/// AutoPK's `abbv` for a parameter code (our classes, renamed where AutoPK's differ).
pub fn abbv_of(code: Option<&str>) -> &'static str {
    match class_of(code) {
        "VD" => "VD",
        "F" => "bioavailability",
        other => other,
    }
}

impl Row {
    /// A SPEC record as an AutoPK row: parameter and value as printed, unit as printed,
    /// species, drug, dose, route and matrix from the context.
    pub fn from_record(r: &Record) -> Self {
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        Row {
            table: r.table_id.clone(),
            abbv: abbv_of(r.parameter.as_deref()).to_owned(),
            fields: [
                r.parameter_raw.clone(),
                s(&r.unit_raw),
                r.value_raw.clone(),
                s(&r.context.species),
                s(&r.context.drug),
                s(&r.context.dose),
                s(&r.context.route),
                s(&r.context.matrix),
            ],
        }
    }
}

/// A text similarity in `0..=1`.
pub trait TextSimilarity {
    /// How similar `a` and `b` are.
    fn similarity(&self, a: &str, b: &str) -> f64;
    /// What it is, for the report.
    fn name(&self) -> String;
}

/// The Levenshtein ratio (indel distance, as python-Levenshtein's `ratio`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Levenshtein;

impl TextSimilarity for Levenshtein {
    fn similarity(&self, a: &str, b: &str) -> f64 {
        ratio(a, b)
    }

    fn name(&self) -> String {
        "Levenshtein ratio (no encoder given)".to_owned()
    }
}

/// `1 - indel_distance / (len_a + len_b)` over characters; 1 for two empty strings.
pub fn ratio(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    // Longest common subsequence; indel distance = |a| + |b| - 2 LCS.
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for ca in &a {
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    2.0 * prev[b.len()] as f64 / (a.len() + b.len()) as f64
}

const MISSING: &[&str] = &["", "na", "n/a", "nd", "nr", "ne", "none", "-", "–", "—", "nan"];
const FOOTNOTE_LETTERS: &[&str] = &["a", "b", "c", "d", "α", "β", "γ"];

/// Unicode to ASCII for parameter names, as far as PK names need it.
fn ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '½' => out.push_str("1/2"),
            '∞' => out.push_str("inf"),
            'µ' | 'μ' => out.push('u'),
            'λ' => out.push_str("lambda"),
            'α' => out.push_str("alpha"),
            'β' => out.push_str("beta"),
            'τ' => out.push_str("tau"),
            '–' | '—' | '−' | '‐' => out.push('-'),
            '·' | '×' => out.push('*'),
            c if c.is_ascii() => out.push(c),
            _ => {}
        }
    }
    out
}

fn route_code(route: &str) -> String {
    let r = route.trim().to_lowercase();
    let code = match r.as_str() {
        "oral" | "po" | "p.o." | "per os" | "orally" => "po",
        "intravenous" | "iv" | "i.v." | "intravenously" | "iv bolus" | "iv infusion" => "iv",
        "intramuscular" | "im" | "i.m." | "intramuscularly" => "im",
        "subcutaneous" | "sc" | "s.c." | "subcutaneously" => "sc",
        "intragastric" | "ig" => "ig",
        "intraportal" => "ip",
        "intraduodenal" => "id",
        _ => return r,
    };
    code.to_owned()
}

fn unit_symbols(unit: &str) -> String {
    unit.to_lowercase()
        .replace("hours", "h")
        .replace("hour", "h")
        .replace("hrs", "h")
        .replace("hr", "h")
        .replace("minutes", "min")
        .replace("litre", "l")
        .replace("liter", "l")
}

/// AutoPK's normalisation of one row, or `None` when the row is dropped (no value, or a
/// parameter that is a bare footnote letter).
pub fn normalise(row: &Row) -> Option<Row> {
    let value = row.fields[2].trim().to_lowercase();
    if MISSING.contains(&value.as_str()) {
        return None;
    }
    let parameter = row.fields[0].trim().to_lowercase();
    if FOOTNOTE_LETTERS.contains(&parameter.as_str()) {
        return None;
    }
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let plus_minus = |s: String| s.replace("+/-", "±").replace("+-", "±");
    let mut fields = row.fields.clone();
    fields[0] = plus_minus(squeeze(&ascii(&parameter)));
    fields[1] = unit_symbols(fields[1].trim());
    fields[2] = plus_minus(squeeze(&value));
    let animal = fields[3].trim().to_lowercase();
    fields[3] = match animal.as_str() {
        "human" => "patient".to_owned(),
        "humans" => "patients".to_owned(),
        _ => animal,
    };
    fields[4] = fields[4].trim().to_lowercase();
    fields[5] = squeeze(&fields[5].to_lowercase());
    fields[6] = squeeze(&route_code(&fields[6]));
    let matrix = squeeze(&fields[7].to_lowercase());
    fields[7] = if matrix == "blood" { "plasma".to_owned() } else { matrix };
    Some(Row { table: row.table.clone(), abbv: row.abbv.clone(), fields })
}

/// The string form cells are compared in: `+-` → `±`, `-` → `_`.
fn cell_form(s: &str) -> String {
    s.to_lowercase().replace("+-", "±").replace('-', "_")
}

fn cell_similarity(k: usize, a: &str, b: &str, semantic: &dyn TextSimilarity) -> f64 {
    let (a, b) = (cell_form(a), cell_form(b));
    if SEMANTIC[k] { semantic.similarity(&a, &b) } else { ratio(&a, &b) }
}

fn row_similarity(gold: &Row, pred: &Row) -> f64 {
    let mut total = 0.0;
    let mut weight = 0.0;
    for ((g, p), w) in gold.fields.iter().zip(&pred.fields).zip(ROW_WEIGHTS) {
        let s = match (g.is_empty(), p.is_empty()) {
            (true, true) => 1.0,
            (true, false) | (false, true) => 0.0,
            _ => ratio(&cell_form(g), &cell_form(p)),
        };
        total += w * s;
        weight += w;
    }
    total / weight
}

/// The assignment of rows to columns that maximises the total of `sim` (Hungarian
/// method, O(n²m)); returns for each row the column it gets, if any.
pub fn hungarian(sim: &[Vec<f64>], n_cols: usize) -> Vec<Option<usize>> {
    let n_rows = sim.len();
    if n_rows == 0 || n_cols == 0 {
        return vec![None; n_rows];
    }
    // Square the problem: pad with zero-similarity rows or columns; minimise -sim.
    let n = n_rows.max(n_cols);
    let cost = |i: usize, j: usize| -> f64 { if i < n_rows && j < n_cols { -sim[i][j] } else { 0.0 } };
    let inf = f64::INFINITY;
    let (mut u, mut v) = (vec![0.0; n + 1], vec![0.0; n + 1]);
    let (mut p, mut way) = (vec![0usize; n + 1], vec![0usize; n + 1]);
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![inf; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = inf;
            let mut j1 = 0;
            for j in 1..=n {
                if !used[j] {
                    let cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut assignment = vec![None; n_rows];
    for j in 1..=n {
        if p[j] >= 1 && p[j] <= n_rows && j <= n_cols {
            assignment[p[j] - 1] = Some(j - 1);
        }
    }
    assignment
}

/// Counts of one table and parameter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    /// Reference cells matched with similarity ≥ 0.8.
    pub tp: usize,
    /// Reference cells matched below 0.8, plus hallucinated cells.
    pub fp: usize,
    /// Reference cells with no generated cell.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Hallucinated cells (extra rows × reference columns).
    pub hc: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }
}

/// Scores one table's rows for one parameter.
pub fn score_table(gold: &[Row], pred: &[Row], semantic: &dyn TextSimilarity) -> Counts {
    let sim: Vec<Vec<f64>> = gold.iter().map(|g| pred.iter().map(|p| row_similarity(g, p)).collect()).collect();
    let assignment = hungarian(&sim, pred.len());
    let mut counts = Counts::default();
    let mut used = vec![false; pred.len()];
    for (i, g) in gold.iter().enumerate() {
        let matched = assignment[i].filter(|&j| sim[i][j] >= 0.5);
        if let Some(j) = matched {
            used[j] = true;
        }
        for k in 0..8 {
            if g.fields[k].is_empty() {
                continue;
            }
            match matched.map(|j| &pred[j].fields[k]) {
                None => counts.fn_ += 1,
                Some(p) if p.is_empty() => counts.fn_ += 1,
                Some(p) if cell_similarity(k, &g.fields[k], p, semantic) >= 0.8 => counts.tp += 1,
                Some(_) => counts.fp += 1,
            }
        }
    }
    // The fields are fixed on both sides, so no column is extra; each generated row that
    // matches nothing is a row of hallucinated cells.
    let extra_rows = used.iter().filter(|u| !**u).count();
    counts.hc = extra_rows * FIELDS.len();
    counts.fp += counts.hc;
    counts
}

/// Macro-averaged scores of one parameter.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ParameterScores {
    /// Mean of per-table precision.
    pub precision: f64,
    /// Mean of per-table recall.
    pub recall: f64,
    /// Mean of per-table F1.
    pub f1: f64,
    /// ΣHC / ΣFP (0 when there is no false positive).
    pub hallucination_rate: f64,
    /// Tables scored.
    pub tables: usize,
    /// Summed counts.
    pub counts: Counts,
}

/// The AutoPK protocol's result.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AutoPkReport {
    /// Macro over every scored (table, parameter) pair.
    pub overall: ParameterScores,
    /// By AutoPK parameter name.
    pub per_parameter: BTreeMap<String, ParameterScores>,
    /// What compared units, species and drugs.
    pub semantic_similarity: String,
    /// Per (table, parameter) counts, for bootstrap intervals.
    #[serde(skip)]
    pub units: Vec<(String, String, Counts)>,
}

fn aggregate(units: &[&Counts]) -> ParameterScores {
    let n = units.len();
    let mut s = ParameterScores { tables: n, ..ParameterScores::default() };
    if n == 0 {
        return s;
    }
    for c in units {
        let (p, r, f) = c.prf();
        s.precision += p / n as f64;
        s.recall += r / n as f64;
        s.f1 += f / n as f64;
        s.counts.tp += c.tp;
        s.counts.fp += c.fp;
        s.counts.fn_ += c.fn_;
        s.counts.hc += c.hc;
    }
    s.hallucination_rate = if s.counts.fp == 0 { 0.0 } else { s.counts.hc as f64 / s.counts.fp as f64 };
    s
}

/// Scores predictions against gold rows: a table is scored for a parameter when its gold
/// has rows of that parameter (`targets` limits the parameters, `None` scores all).
pub fn score(gold: &[Row], pred: &[Row], targets: Option<&[&str]>, semantic: &dyn TextSimilarity) -> AutoPkReport {
    let gold: Vec<Row> = gold.iter().filter_map(normalise).collect();
    let pred: Vec<Row> = pred.iter().filter_map(normalise).collect();
    let keys: BTreeSet<(String, String)> = gold
        .iter()
        .filter(|g| targets.is_none_or(|t| t.contains(&g.abbv.as_str())))
        .map(|g| (g.table.clone(), g.abbv.clone()))
        .collect();
    let units: Vec<(String, String, Counts)> = keys
        .into_iter()
        .map(|(table, abbv)| {
            let g: Vec<Row> = gold.iter().filter(|r| r.table == table && r.abbv == abbv).cloned().collect();
            let p: Vec<Row> = pred.iter().filter(|r| r.table == table && r.abbv == abbv).cloned().collect();
            let counts = score_table(&g, &p, semantic);
            (table, abbv, counts)
        })
        .collect();
    let params: BTreeSet<&String> = units.iter().map(|(_, a, _)| a).collect();
    AutoPkReport {
        overall: aggregate(&units.iter().map(|(_, _, c)| c).collect::<Vec<_>>()),
        per_parameter: params
            .into_iter()
            .map(|a| {
                (a.clone(), aggregate(&units.iter().filter(|(_, b, _)| b == a).map(|(_, _, c)| c).collect::<Vec<_>>()))
            })
            .collect(),
        semantic_similarity: semantic.name(),
        units,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(table: &str, abbv: &str, parameter: &str, value: &str, unit: &str) -> Row {
        let mut fields: [String; 8] = Default::default();
        fields[0] = parameter.into();
        fields[1] = unit.into();
        fields[2] = value.into();
        fields[4] = "drug x".into();
        Row { table: table.into(), abbv: abbv.into(), fields }
    }

    #[test]
    fn levenshtein_ratio_matches_python_levenshtein() {
        // Values from python-Levenshtein's ratio().
        assert!((ratio("9.87±0.41", "9.87±0.42") - 0.8888888888888888).abs() < 1e-12);
        assert_eq!(ratio("12", "13"), 0.5);
        assert_eq!(ratio("", ""), 1.0);
        assert_eq!(ratio("abc", ""), 0.0);
        assert!((ratio("kitten", "sitting") - 0.6153846153846154).abs() < 1e-12);
    }

    #[test]
    fn hungarian_finds_the_best_assignment() {
        let sim = vec![vec![0.9, 0.8, 0.1], vec![0.85, 0.2, 0.1]];
        // Greedy would give row 0 column 0 (0.9) and row 1 column 1 (0.2): 1.1; best is 0.8 + 0.85.
        assert_eq!(hungarian(&sim, 3), [Some(1), Some(0)]);
        let tall = vec![vec![0.1], vec![0.9], vec![0.5]];
        assert_eq!(hungarian(&tall, 1), [None, Some(0), None]);
        assert_eq!(hungarian(&[], 2), Vec::<Option<usize>>::new());
    }

    #[test]
    fn hand_computed_table() {
        let gold = vec![row("t", "CMAX", "Cmax", "12.5 ± 2.1", "ng/mL"), row("t", "CMAX", "Cmax", "20.1", "ng/mL")];
        let pred = vec![
            row("t", "CMAX", "Cmax", "12.5±2.1", "ng/ml"), // all four non-empty gold cells TP
            row("t", "CMAX", "Cmax", "29.9", "ng/mL"),     // value 29.9 vs 20.1: ratio 0.5 → FP
            row("t", "CMAX", "Tmax", "3", "h"),            // matches nothing: 8 hallucinated cells
        ];
        let report = score(&gold, &pred, None, &Levenshtein);
        let c = report.per_parameter["CMAX"].counts;
        assert_eq!((c.tp, c.fp, c.fn_, c.hc), (7, 9, 0, 8));
        assert!((report.overall.hallucination_rate - 8.0 / 9.0).abs() < 1e-12);
        assert!((report.overall.precision - 7.0 / 16.0).abs() < 1e-12);
        assert_eq!(report.overall.recall, 1.0);
        // Normalisation drops missing values and footnote-letter parameters on both sides.
        assert_eq!(normalise(&row("t", "CMAX", "Cmax", "NA", "")), None);
        assert_eq!(normalise(&row("t", "CMAX", "a", "1", "")), None);
        let n = normalise(&row("t", "CMAX", "C max", "1.2 +/- 0.3", "hours")).unwrap();
        assert_eq!((n.fields[0].as_str(), n.fields[1].as_str(), n.fields[2].as_str()), ("cmax", "h", "1.2±0.3"));
    }
}
