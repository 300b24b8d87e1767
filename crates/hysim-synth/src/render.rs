//! A study laid out as a table, the way papers print it, with one gold record per value.
//!
//! Layouts: parameters as rows with one column per group; the same with a second header
//! row of statistics (`Mean | SD`, `Median | Min | Max`); parameters as rows with a unit
//! column; parameters as columns with one row per group; and individual-subject tables
//! (one row per subject, a `Mean ± SD` row last). The statistic is named in the caption,
//! the footnote, the column header or a footnote mark on the cells; `Tmax` is often a
//! median (range) in a table of means.

use hysim_core::{Context, Dispersion, Interval, Provenance, Record, Statistic, Table};
use hysim_units::{Family, Unit, convert, round_significant};

use crate::format::{Quantity, UnitChoice, choose_unit, decimals_for, number, printed_value};
use crate::pk::{Nca, Route};
use crate::rng::Rng;
use crate::study::{Grouping, Study};

/// A reported parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    /// Peak concentration.
    Cmax,
    /// Time of the peak.
    Tmax,
    /// Area to the last sample.
    AucLast,
    /// Area to infinity.
    AucInf,
    /// Terminal half-life.
    HalfLife,
    /// Terminal rate constant.
    LambdaZ,
    /// Clearance (apparent for extravascular routes).
    Cl,
    /// Terminal volume (apparent for extravascular routes).
    Vz,
    /// Steady-state volume (intravenous only).
    Vss,
    /// Mean residence time.
    Mrt,
    /// Bioavailability.
    F,
    /// Amount excreted unchanged in urine.
    Ae,
    /// Fraction of the dose excreted unchanged in urine.
    Fe,
    /// Renal clearance.
    Clr,
    /// Trough concentration at steady state (the end of a dosing interval).
    Ctrough,
    /// Average concentration over a dosing interval at steady state.
    Cavg,
    /// Area over a dosing interval at steady state.
    AucTau,
}

impl Param {
    pub(crate) fn quantity(self, per_kg: bool, tissue: bool) -> Quantity {
        match self {
            Param::Cmax if tissue => Quantity::TissueConcentration,
            Param::AucLast | Param::AucInf if tissue => Quantity::TissueAuc,
            Param::Cmax | Param::Ctrough | Param::Cavg => Quantity::Concentration,
            Param::Tmax | Param::HalfLife | Param::Mrt => Quantity::Time,
            Param::AucLast | Param::AucInf | Param::AucTau => Quantity::Auc,
            Param::LambdaZ => Quantity::Rate,
            Param::Cl | Param::Clr if per_kg => Quantity::ClearancePerKg,
            Param::Cl | Param::Clr => Quantity::Clearance,
            Param::Vz | Param::Vss if per_kg => Quantity::VolumePerKg,
            Param::Vz | Param::Vss => Quantity::Volume,
            Param::F | Param::Fe => Quantity::Fraction,
            Param::Ae => Quantity::Amount,
        }
    }

    /// The canonical family of the printed values, `None` for amounts and per-gram tissue
    /// units, which no canonical unit takes.
    pub(crate) fn family(self, per_kg: bool, tissue: bool) -> Option<Family> {
        Some(match self.quantity(per_kg, tissue) {
            Quantity::Concentration => Family::Concentration,
            Quantity::Time => Family::Time,
            Quantity::Auc => Family::Auc,
            Quantity::Clearance => Family::Clearance,
            Quantity::ClearancePerKg => Family::ClearancePerKg,
            Quantity::Volume => Family::Volume,
            Quantity::VolumePerKg => Family::VolumePerKg,
            Quantity::Rate => Family::RateConstant,
            Quantity::Fraction => Family::Percent,
            Quantity::Amount | Quantity::TissueConcentration | Quantity::TissueAuc => return None,
        })
    }

    /// The internal value of this parameter for one subject: of the steady state where the
    /// study doses repeatedly (the steady-state parameters are 0 in a single-dose study,
    /// which never reports them).
    pub(crate) fn of(self, nca: &Nca, per_kg: bool) -> f64 {
        let kg = if per_kg { nca.body_weight } else { 1.0 };
        match self {
            Param::Cmax => nca.steady.map_or(nca.cmax, |s| s.cmax),
            Param::Tmax => nca.steady.map_or(nca.tmax, |s| s.tmax),
            Param::Ctrough => nca.steady.map_or(0.0, |s| s.ctrough),
            Param::Cavg => nca.steady.map_or(0.0, |s| s.cavg),
            Param::AucTau => nca.steady.map_or(0.0, |s| s.auc_tau),
            Param::AucLast => nca.auc_last,
            Param::AucInf => nca.auc_inf,
            Param::HalfLife => nca.half_life,
            Param::LambdaZ => nca.lambda_z,
            Param::Cl => nca.cl / kg,
            Param::Vz => nca.vz / kg,
            Param::Vss => nca.vss / kg,
            Param::Mrt => nca.mrt,
            Param::F => nca.f,
            Param::Ae => nca.fe * nca.f * nca.dose,
            Param::Fe => nca.fe,
            Param::Clr => nca.fe * nca.cl * nca.f / kg,
        }
    }

    /// The canonical code for a value after `route`.
    pub fn code(self, route: Route) -> &'static str {
        let ev = route.extravascular();
        match self {
            Param::Cmax => "CMAX",
            Param::Tmax => "TMAX",
            Param::AucLast => "AUCLST",
            Param::AucInf => "AUCIFO",
            Param::HalfLife => "LAMZHL",
            Param::LambdaZ => "LAMZ",
            Param::Cl if ev => "CLFO",
            Param::Cl => "CLO",
            Param::Vz if ev => "VZFO",
            Param::Vz => "VZO",
            Param::Vss => "VSSO",
            Param::Mrt if ev => "MRTEVIFO",
            Param::Mrt => "MRTIVIFO",
            Param::F => "FABS",
            Param::Ae => "RCAMINT",
            Param::Fe => "RCPCINT",
            Param::Clr => "RENALCL",
            Param::Ctrough => "CTROUGH",
            Param::Cavg => "CAVG",
            Param::AucTau => "AUCTAU",
        }
    }

    pub(crate) fn applies(self, route: Route) -> bool {
        match self {
            Param::Cmax | Param::Tmax | Param::F => route.extravascular(),
            Param::Vss => !route.extravascular(),
            _ => true,
        }
    }

    /// Printed names (HTML), as papers write them.
    pub(crate) fn labels(self, ev: bool, two_compartment: bool) -> &'static [&'static str] {
        match (self, ev) {
            (Param::Cmax, _) => &["C<sub>max</sub>", "Cmax", "Peak concentration", "C<sub>peak</sub>"],
            (Param::Tmax, _) => &["T<sub>max</sub>", "t<sub>max</sub>", "Tmax", "Time to peak concentration"],
            (Param::AucLast, _) => &["AUC<sub>0–t</sub>", "AUC<sub>last</sub>", "AUC0-t", "AUC<sub>0-last</sub>"],
            (Param::AucInf, _) => &["AUC<sub>0–∞</sub>", "AUC<sub>inf</sub>", "AUC0-∞", "AUC<sub>0-inf</sub>"],
            (Param::HalfLife, _) if two_compartment => &["t<sub>1/2β</sub>", "t<sub>1/2</sub>", "T<sub>1/2λz</sub>"],
            (Param::HalfLife, _) => &["t<sub>1/2</sub>", "t½", "Elimination half-life", "T<sub>1/2λz</sub>"],
            (Param::LambdaZ, _) if two_compartment => &["β", "λ<sub>z</sub>"],
            (Param::LambdaZ, _) => &["λ<sub>z</sub>", "k<sub>el</sub>", "Elimination rate constant"],
            (Param::Cl, false) => &["CL", "Cl<sub>T</sub>", "Total body clearance", "CL<sub>tot</sub>"],
            (Param::Cl, true) => &["CL/F", "Cl/F", "CL<sub>T</sub>/F"],
            (Param::Vz, false) => &["V<sub>z</sub>", "V<sub>area</sub>", "Vβ"],
            (Param::Vz, true) => &["V<sub>z</sub>/F", "V/F", "Vd/F"],
            (Param::Vss, _) => &["V<sub>ss</sub>", "Vd<sub>ss</sub>", "Volume of distribution at steady state"],
            (Param::Mrt, _) => &["MRT", "MRT<sub>0–∞</sub>", "Mean residence time"],
            (Param::F, _) => &["F", "Bioavailability"],
            (Param::Ae, _) => &["Ae", "Amount excreted", "A<sub>e</sub>"],
            (Param::Fe, _) => &["fe", "Fraction excreted", "f<sub>e</sub>"],
            (Param::Clr, _) => &["CL<sub>R</sub>", "Renal clearance", "CLr"],
            (Param::Ctrough, _) => &["C<sub>trough</sub>", "C<sub>min,ss</sub>", "Ctrough", "Trough concentration"],
            (Param::Cavg, _) => &["C<sub>avg</sub>", "C<sub>av,ss</sub>", "Cavg", "Average concentration"],
            (Param::AucTau, _) => &["AUC<sub>τ</sub>", "AUC<sub>0–τ</sub>", "AUC<sub>ss</sub>", "AUC0-tau"],
        }
    }

    /// Printed names at steady state where they differ (`Cmax,ss`), else [`Param::labels`].
    pub(crate) fn steady_labels(self, ev: bool, two_compartment: bool) -> &'static [&'static str] {
        match self {
            Param::Cmax => &["C<sub>max,ss</sub>", "C<sub>max</sub>", "C<sub>ss,max</sub>", "Cmax,ss"],
            Param::Tmax => &["T<sub>max,ss</sub>", "t<sub>max</sub>", "Tmax,ss"],
            _ => self.labels(ev, two_compartment),
        }
    }
}

/// How a table is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Parameters as rows, one column per group.
    Rows,
    /// Parameters as rows, a second header row of statistics.
    RowsStats,
    /// Parameters as rows, units in their own column.
    RowsUnitColumn,
    /// Parameters as columns, one row per group.
    Columns,
    /// One row per subject, parameters as columns, a summary row last.
    Individual,
    /// Parameters as columns, statistics as rows (Mean, SD, CV, Median, Range or Min and
    /// Max, n), one record per central value (`crate::families`).
    StatisticRows,
    /// Subjects as rows, sampling times as columns under a spanning time header, or the
    /// transpose (`crate::families`).
    ConcentrationTime,
    /// Animals named, not numbered: names across under a spanning concentration header
    /// (the caption counting them), or down under the species' header.
    NamedSubjects,
    /// Subjects as rows, columns headed by specimen (milk, plasma) and their ratio.
    SpecimenColumns,
    /// Parameters as rows with bracketed spreads the table never declares: gold
    /// statistic and kinds `unknown`.
    Undeclared,
    /// Parameters as rows, a `Statistic` column declaring each row's statistic.
    StatisticColumn,
    /// A heading row per parameter, then one line per statistic (`Mean ± SD`,
    /// `Median (range)`).
    ParameterHeadings,
    /// Two conditions of the same subjects and their ratio (90% CI), which gives no gold.
    Comparison,
    /// A population PK model's typical values beside precision and variability, which
    /// give no gold.
    ModelEstimates,
    /// Groups down, each parameter spanning its statistics (`Mean | SD`).
    StatisticsUnderParameters,
    /// Subjects down, each parameter spanning two conditions (`Test | Reference`).
    ConditionsPerSubject,
    /// Residues in the edible tissues of food animals by days after the last dose.
    Residues,
    /// Each laboratory animal's concentrations in its organs (`Brain (ng/g)`) at one time
    /// after the dose, the animals coded under their species' word (`Rat` over `R1 | R2`).
    TissueDistribution,
    /// One row per sample: `Subject | Time (h) | Concentration`, the subject's id perhaps
    /// on its first row only.
    LongTable,
    /// An analysis data set's listing, one row per sample: a NONMEM data file (`ID | TIME
    /// | AMT | DV | MDV | EVID`, dosing rows without gold) or a CDISC SDTM PC listing.
    Listing,
    /// Each patient's trough and timed concentration on two days, as symbols the table
    /// defines (`C0`, `C2`).
    Monitoring,
    /// Per-subject concentrations in another language (German, French, Spanish, Italian,
    /// Portuguese, Dutch), with decimal commas.
    OtherLanguage,
    /// [`Layout::StatisticRows`] in another language, with decimal commas.
    StatisticRowsAbroad,
    /// Per-subject concentrations at times the header codes and a note defines (`T+15`,
    /// samples numbered).
    CodedTimes,
    /// A table of baseline characteristics: no PK result, no gold.
    NotPk,
}

impl Layout {
    /// The name written to `tables.jsonl`.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Rows => "rows",
            Layout::RowsStats => "rows_stats",
            Layout::RowsUnitColumn => "rows_unit_column",
            Layout::Columns => "columns",
            Layout::Individual => "individual",
            Layout::StatisticRows => "statistic_rows",
            Layout::ConcentrationTime => "concentration_time",
            Layout::NamedSubjects => "named_subjects",
            Layout::SpecimenColumns => "specimen_columns",
            Layout::Undeclared => "undeclared",
            Layout::StatisticColumn => "statistic_column",
            Layout::ParameterHeadings => "parameter_headings",
            Layout::Comparison => "comparison",
            Layout::ModelEstimates => "model_estimates",
            Layout::StatisticsUnderParameters => "statistics_under_parameters",
            Layout::ConditionsPerSubject => "conditions_per_subject",
            Layout::Residues => "residues",
            Layout::TissueDistribution => "tissue_distribution",
            Layout::LongTable => "long_table",
            Layout::Listing => "listing",
            Layout::Monitoring => "monitoring",
            Layout::OtherLanguage => "other_language",
            Layout::StatisticRowsAbroad => "statistic_rows_abroad",
            Layout::CodedTimes => "coded_times",
            Layout::NotPk => "not_pk",
        }
    }
}

/// The summary statistic of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stat {
    /// `6.2 ± 1.1`.
    MeanSd,
    /// `6.2 (1.1)`.
    MeanSdParen,
    /// `6.2 ± 0.4`, standard error.
    MeanSem,
    /// `6.0 (4.1–8.3)`.
    MedianRange,
    /// `6.0 [5.2–7.1]`.
    MedianIqr,
    /// `5.9 (21.3)`, geometric mean and CV%.
    GeoCv,
    /// `6.2 (5.1–7.3)`, mean and 95% confidence interval.
    MeanCi,
}

impl Stat {
    pub(crate) fn phrase(self) -> &'static str {
        match self {
            Stat::MeanSd => "mean ± SD",
            Stat::MeanSdParen => "mean (SD)",
            Stat::MeanSem => "mean ± SEM",
            Stat::MedianRange => "median (range)",
            Stat::MedianIqr => "median [interquartile range]",
            Stat::GeoCv => "geometric mean (CV%)",
            Stat::MeanCi => "mean (95% CI)",
        }
    }

    pub(crate) fn header(self) -> &'static str {
        match self {
            Stat::MeanSd => "Mean ± SD",
            Stat::MeanSdParen => "Mean (SD)",
            Stat::MeanSem => "Mean ± SEM",
            Stat::MedianRange => "Median (range)",
            Stat::MedianIqr => "Median (IQR)",
            Stat::GeoCv => "Geometric mean (CV%)",
            Stat::MeanCi => "Mean (95% CI)",
        }
    }

    /// The labels of the two lines a table may print the statistic on, the central value
    /// and its spread (`Mean` and `SD`, `Median` and `Range`).
    pub(crate) fn split_headers(self) -> (&'static str, &'static str) {
        match self {
            Stat::MeanSd | Stat::MeanSdParen => ("Mean", "SD"),
            Stat::MeanSem => ("Mean", "SEM"),
            Stat::MedianRange => ("Median", "Range"),
            Stat::MedianIqr => ("Median", "IQR"),
            Stat::GeoCv => ("Geometric mean", "CV (%)"),
            Stat::MeanCi => ("Mean", "95% CI"),
        }
    }

    pub(crate) fn is_mean(self) -> bool {
        !matches!(self, Stat::MedianRange | Stat::MedianIqr)
    }
}

/// HTML markup styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// PMC: `<thead>`, `<th>`, numeric entities, `frame`/`rules` attributes.
    Pmc,
    /// Publisher sites: no `<thead>`, classes, named entities, `<span>` wrappers.
    Publisher,
}

/// One synthetic table with its gold records.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthTable {
    /// The table as text (spans repeated, markup stripped).
    pub table: Table,
    /// Header rows as HTML fragments (a spanning cell repeats; equal neighbours merge).
    pub header_html: Vec<Vec<String>>,
    /// Body rows as HTML fragments.
    pub body_html: Vec<Vec<String>>,
    /// Markup style.
    pub style: Style,
    /// Layout.
    pub layout: Layout,
    /// Paper title.
    pub title: String,
    /// Paper abstract.
    pub abstract_text: String,
    /// The gold records.
    pub gold: Vec<Record>,
    /// Decimal commas instead of points.
    pub decimal_comma: bool,
    /// Printed as a PDF's conversion sets rows: each run of two body rows or more that
    /// hold a label and values only stacked in one row, a cell's lines separated by
    /// `<br/>` (`Cmax (ng/mL)<br/>tmax (h)` beside `412 ± 88<br/>1.5 ± 0.5`). The text
    /// and the gold stay the rows'.
    pub stacked: bool,
}

/// What a cell's numbers are, before printing.
pub(crate) struct Summary {
    pub(crate) centre: f64,
    pub(crate) spread: Spread,
}

pub(crate) enum Spread {
    Dispersion(&'static str, f64),
    Interval(&'static str, f64, f64),
}

pub(crate) fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// Two-sided 97.5 % quantile of Student's t.
fn t975(dof: usize) -> f64 {
    const T: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];
    T.get(dof.saturating_sub(1)).copied().unwrap_or(1.96)
}

pub(crate) fn summarise(xs: &[f64], stat: Stat) -> Summary {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let sd = if xs.len() > 1 { (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt() } else { 0.0 };
    let mut sorted = xs.to_vec();
    sorted.sort_by(f64::total_cmp);
    match stat {
        Stat::MeanSd | Stat::MeanSdParen => Summary { centre: mean, spread: Spread::Dispersion("SD", sd) },
        Stat::MeanSem => Summary { centre: mean, spread: Spread::Dispersion("SE", sd / n.sqrt()) },
        Stat::MedianRange => Summary {
            centre: quantile(&sorted, 0.5),
            spread: Spread::Interval("range", sorted[0], sorted[sorted.len() - 1]),
        },
        Stat::MedianIqr => Summary {
            centre: quantile(&sorted, 0.5),
            spread: Spread::Interval("IQR", quantile(&sorted, 0.25), quantile(&sorted, 0.75)),
        },
        Stat::GeoCv => {
            let logs: Vec<f64> = xs.iter().map(|x| x.max(1e-300).ln()).collect();
            let lm = logs.iter().sum::<f64>() / n;
            let lv = if xs.len() > 1 { logs.iter().map(|l| (l - lm).powi(2)).sum::<f64>() / (n - 1.0) } else { 0.0 };
            Summary { centre: lm.exp(), spread: Spread::Dispersion("CV%", ((lv.exp() - 1.0).sqrt()) * 100.0) }
        }
        Stat::MeanCi => {
            let half = t975(xs.len() - 1) * sd / n.sqrt();
            Summary { centre: mean, spread: Spread::Interval("95% CI", (mean - half).max(0.0), mean + half) }
        }
    }
}

/// A printed cell and the gold numbers it stands for.
pub(crate) struct Printed {
    pub(crate) text: String,
    pub(crate) value: f64,
    pub(crate) dispersion: Option<Dispersion>,
    pub(crate) interval: Option<Interval>,
}

pub(crate) fn print_summary(s: &Summary, stat: Stat, comma: bool, dash: &str) -> Printed {
    // Values of 1 or more get at most two decimals, so a decimal comma never reads as a
    // thousands separator ("1,234"); smaller ones start with "0," and cannot.
    let max_dec = 4;
    let dec = decimals_for(s.centre, max_dec);
    let num = |x: f64, d: usize| (number(x, d, comma), printed_value(x, d));
    let (centre_text, value) = num(s.centre, dec);
    match s.spread {
        Spread::Dispersion(kind, d) => {
            let dd = if kind == "CV%" { 1 } else { dec.max(decimals_for(d, max_dec).min(dec + 1)) };
            let (dt, dv) = num(d, dd);
            let text = match stat {
                Stat::MeanSd | Stat::MeanSem => format!("{centre_text} ± {dt}"),
                _ => format!("{centre_text} ({dt})"),
            };
            Printed { text, value, dispersion: Some(Dispersion { kind: kind.to_owned(), value: dv }), interval: None }
        }
        Spread::Interval(kind, lo, hi) => {
            let (lt, lv) = num(lo, dec);
            let (ht, hv) = num(hi, dec);
            let text = match stat {
                Stat::MedianIqr => format!("{centre_text} [{lt}{dash}{ht}]"),
                _ => format!("{centre_text} ({lt}{dash}{ht})"),
            };
            Printed {
                text,
                value,
                dispersion: None,
                interval: Some(Interval { kind: kind.to_owned(), low: lv, high: hv }),
            }
        }
    }
}

/// A printed value cell before it becomes a gold record: body row, column, row label,
/// group label, index of the parameter row, index of the group, the printed numbers and
/// the statistic.
type GoldCell = (usize, usize, String, Option<String>, usize, usize, Printed, Statistic);

/// Removes tags and decodes the few entities the generator writes.
pub fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#x000B1;", "±").replace("&plusmn;", "±").replace("&amp;", "&").replace("&nbsp;", " ")
}

/// One row of parameters: the parameter and the routes it is printed for (`Some(false)`
/// for intravenous-only rows such as `CL` beside a `CL/F` row).
#[derive(Debug, Clone, Copy)]
struct ParamRow {
    param: Param,
    extravascular: Option<bool>,
}

fn choose_params(rng: &mut Rng, study: &Study) -> Vec<ParamRow> {
    let any_ev = study.groups.iter().any(|g| g.route.extravascular());
    let any_iv = study.groups.iter().any(|g| !g.route.extravascular());
    let milk = study.matrix == "milk" || study.matrix.ends_with("tissue");
    let mut rows = Vec::new();
    if study.matrix == "urine" {
        rows.push(ParamRow { param: Param::Ae, extravascular: None });
        rows.push(ParamRow { param: Param::Fe, extravascular: None });
        if rng.chance(0.7) {
            rows.push(ParamRow { param: Param::Clr, extravascular: None });
        }
        return rows;
    }
    let mut add = |param: Param, extravascular: Option<bool>, p: f64, rng: &mut Rng| {
        if rng.chance(p) {
            rows.push(ParamRow { param, extravascular });
        }
    };
    if study.tau.is_some() {
        // The steady state over one dosing interval: peak, trough, average and the area
        // over the interval, with the clearance and half-life they give.
        add(Param::Cmax, None, if any_ev { 1.0 } else { 0.0 }, rng);
        add(Param::Tmax, None, if any_ev { 0.8 } else { 0.0 }, rng);
        add(Param::Ctrough, None, 0.85, rng);
        add(Param::Cavg, None, 0.6, rng);
        add(Param::AucTau, None, 0.9, rng);
        add(Param::HalfLife, None, 0.5, rng);
        add(Param::Cl, None, 0.7, rng);
        for param in [Param::Ctrough, Param::AucTau] {
            if rows.len() < 2 && !rows.iter().any(|r| r.param == param) {
                rows.push(ParamRow { param, extravascular: None });
            }
        }
        return rows;
    }
    let split = any_ev && any_iv;
    add(Param::Cmax, None, if any_ev { 1.0 } else { 0.0 }, rng);
    add(Param::Tmax, None, if any_ev { 0.95 } else { 0.0 }, rng);
    add(Param::AucLast, None, 0.55, rng);
    add(Param::AucInf, None, 0.9, rng);
    add(Param::HalfLife, None, 0.95, rng);
    add(Param::LambdaZ, None, 0.35, rng);
    if !milk {
        if split {
            add(Param::Cl, Some(false), 0.9, rng);
            add(Param::Cl, Some(true), 0.6, rng);
            add(Param::Vz, Some(false), 0.5, rng);
            add(Param::Vz, Some(true), 0.4, rng);
        } else {
            add(Param::Cl, None, if any_iv { 0.95 } else { 0.6 }, rng);
            add(Param::Vz, None, 0.5, rng);
        }
        add(Param::Vss, None, if any_iv { 0.45 } else { 0.0 }, rng);
    }
    add(Param::Mrt, None, 0.4, rng);
    add(Param::F, None, if split { 0.8 } else { 0.0 }, rng);
    if rows.is_empty() {
        rows.push(ParamRow { param: Param::HalfLife, extravascular: None });
    }
    rows
}

fn pick_str(rng: &mut Rng, options: &[&'static str]) -> &'static str {
    options[rng.below(options.len())]
}

/// How a caption names the route; a multiple-dose study (`repeated`) is never given "a
/// single oral dose" or "an intravenous bolus".
fn route_phrase(rng: &mut Rng, route: Route, repeated: bool) -> &'static str {
    match route {
        Route::Iv if repeated => {
            pick_str(rng, &["intravenous administration", "repeated intravenous doses", "i.v. injection"])
        }
        Route::Oral if repeated => pick_str(rng, &["oral administration", "repeated oral doses", "oral dosing"]),
        Route::Iv => pick_str(rng, &["intravenous administration", "an intravenous bolus", "i.v. injection"]),
        Route::Oral => pick_str(rng, &["oral administration", "a single oral dose", "oral dosing"]),
        Route::Im => pick_str(rng, &["intramuscular injection", "intramuscular administration"]),
        Route::Sc => pick_str(rng, &["subcutaneous injection", "subcutaneous administration"]),
    }
}

pub(crate) fn route_word(route: Route) -> &'static str {
    match route {
        Route::Iv => "intravenous",
        Route::Oral => "oral",
        Route::Im => "intramuscular",
        Route::Sc => "subcutaneous",
    }
}

pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// Where the table says what its numbers are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StatPlace {
    Caption,
    Footnote,
    Header,
    Marks,
}

/// What every layout of [`render`] draws from: the study, its parameter rows with their
/// labels and units, and how the table states its statistic.
struct Frame<'a> {
    study: &'a Study,
    params: Vec<ParamRow>,
    labels: Vec<String>,
    units: Vec<UnitChoice>,
    stat: Stat,
    tmax_median: bool,
    stat_place: StatPlace,
    single: bool,
    n_subjects: usize,
    decimal_comma: bool,
    dash: &'static str,
    missing: &'static str,
    param_word: &'static str,
    single_header: &'static str,
    layout: Layout,
    /// How digits of values of 1,000 or more are grouped: `""` (not), `","`, a space, a
    /// thin space, or `"."` before a decimal comma.
    group_sep: &'static str,
    /// Whether the mark of the "Median (range)" note is set on Tmax's label, after its
    /// unit (`Tmax (h)<sup>a</sup>`), rather than on its cells.
    mark_on_label: bool,
    /// Whether each column header joins its group and the statistic (`10 mg, Mean (SD)`).
    group_stat_headers: bool,
}

/// The footnote mark of a Tmax given as median (range) in a table of means.
const TMAX_MARK: &str = "a";

impl Frame<'_> {
    /// Whether a parameter's cells carry the mark of the "Median (range)" note.
    fn marked(&self, param: Param) -> bool {
        self.stat_place == StatPlace::Marks && param == Param::Tmax && !self.mark_on_label
    }

    /// The printed summary of parameter row `k` in group `g`, `None` where the parameter
    /// does not apply to the group's route.
    fn cell(&self, k: usize, g: usize, stat: Stat) -> Option<Printed> {
        let r = &self.params[k];
        let group = &self.study.groups[g];
        if !r.param.applies(group.route) || r.extravascular.is_some_and(|ev| ev != group.route.extravascular()) {
            return None;
        }
        let xs: Vec<f64> =
            group.subjects.iter().map(|s| r.param.of(s, self.study.per_kg) * self.units[k].factor).collect();
        let mut printed = print_summary(&summarise(&xs, stat), stat, self.decimal_comma, self.dash);
        if !self.group_sep.is_empty() {
            printed.text = group_thousands(&printed.text, self.group_sep, self.decimal_comma);
        }
        if self.marked(r.param) {
            printed.text.push_str(&format!("<sup>{TMAX_MARK}</sup>"));
        }
        Some(printed)
    }

    /// The statistic of a parameter row: Tmax as median (range) where the table says so.
    fn stat_of_row(&self, r: &ParamRow) -> Stat {
        if self.tmax_median && r.param == Param::Tmax { Stat::MedianRange } else { self.stat }
    }

    /// The header of group `g`'s column.
    fn group_header(&self, g: usize) -> String {
        if self.single {
            match self.stat_place {
                StatPlace::Header => self.stat.header().to_owned(),
                _ if self.layout == Layout::RowsStats => {
                    format!("{} (n = {})", capitalise(self.study.subjects_word), self.n_subjects)
                }
                _ => self.single_header.to_owned(),
            }
        } else if self.group_stat_headers {
            format!("{}, {}", self.study.groups[g].label, self.stat.header().to_lowercase())
        } else {
            self.study.groups[g].label.clone()
        }
    }
}

/// `text` with the integer digits of each number of four digits or more grouped by threes
/// with `sep` (`12450.5` -> `12 450.5`; with a decimal comma, `4518,6` -> `4.518,6`).
fn group_thousands(text: &str, sep: &str, decimal_comma: bool) -> String {
    let decimal = if decimal_comma { ',' } else { '.' };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut k = 0;
    while k < chars.len() {
        if !chars[k].is_ascii_digit() {
            out.push(chars[k]);
            k += 1;
            continue;
        }
        let start = k;
        while k < chars.len() && chars[k].is_ascii_digit() {
            k += 1;
        }
        let run: String = chars[start..k].iter().collect();
        // Decimals (after the decimal separator) and short integers stay as printed; points
        // group only before a decimal comma (`12.450` alone reads as twelve point four five).
        let decimals_follow = chars.get(k) == Some(&decimal) && chars.get(k + 1).is_some_and(char::is_ascii_digit);
        if (start > 0 && chars[start - 1] == decimal) || run.len() < 4 || (sep == "." && !decimals_follow) {
            out.push_str(&run);
            continue;
        }
        for (i, d) in run.chars().enumerate() {
            if i > 0 && (run.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(d);
        }
    }
    out
}

/// The gold statistic of a printed summary.
pub(crate) fn statistic_of(s: Stat) -> Statistic {
    match s {
        Stat::MedianRange | Stat::MedianIqr => Statistic::Median,
        Stat::GeoCv => Statistic::GeometricMean,
        _ => Statistic::Mean,
    }
}

/// The layout of one table: header and body rows as HTML fragments (a spanning cell
/// repeats), and the gold cells.
#[derive(Default)]
struct Laid {
    header: Vec<Vec<String>>,
    body: Vec<Vec<String>>,
    gold_cells: Vec<GoldCell>,
}

/// Parameters as rows, one column per group (`unit_col`: with a unit column).
fn lay_rows(rng: &mut Rng, f: &Frame<'_>, unit_col: bool) -> Laid {
    let mut laid = Laid::default();
    let mut h = vec![f.param_word.to_owned()];
    if unit_col {
        h.push(if rng.chance(0.5) { "Unit" } else { "Units" }.to_owned());
    }
    let first = h.len();
    h.extend((0..f.study.groups.len()).map(|g| f.group_header(g)));
    laid.header.push(h);
    for (k, r) in f.params.iter().enumerate() {
        let mut row = vec![f.labels[k].clone()];
        if unit_col {
            row.push(f.units[k].text.to_owned());
        }
        for g in 0..f.study.groups.len() {
            let s = f.stat_of_row(r);
            match f.cell(k, g, s) {
                Some(p) => {
                    row.push(p.text.clone());
                    let group = (!f.single).then(|| f.study.groups[g].label.clone());
                    laid.gold_cells.push((
                        laid.body.len(),
                        first + g,
                        f.labels[k].clone(),
                        group,
                        k,
                        g,
                        p,
                        statistic_of(s),
                    ));
                }
                None => row.push(f.missing.to_owned()),
            }
        }
        laid.body.push(row);
    }
    laid
}

/// Parameters as rows, a second header row of statistics under each group.
fn lay_rows_stats(f: &Frame<'_>) -> Laid {
    let mut laid = Laid::default();
    let names: &[&str] = match f.stat {
        Stat::MedianRange => &["Median", "Min", "Max"],
        Stat::MeanSem => &["Mean", "SEM"],
        _ => &["Mean", "SD"],
    };
    let mut top = vec![f.param_word.to_owned()];
    let mut second = vec![f.param_word.to_owned()];
    for g in 0..f.study.groups.len() {
        for name in names {
            top.push(f.group_header(g));
            second.push((*name).to_owned());
        }
    }
    laid.header.push(top);
    laid.header.push(second);
    for k in 0..f.params.len() {
        let mut row = vec![f.labels[k].clone()];
        for g in 0..f.study.groups.len() {
            let col = 1 + g * names.len();
            match f.cell(k, g, f.stat) {
                Some(p) => {
                    // The centre and its siblings in their own columns.
                    let centre = p.text.split([' ', '(', '[']).next().unwrap_or_default().to_owned();
                    row.push(centre.clone());
                    if let Some(d) = &p.dispersion {
                        row.push(number(d.value, decimals_after(&p.text, f.decimal_comma, 1), f.decimal_comma));
                    }
                    if let Some(i) = &p.interval {
                        let d = decimals_of(&centre, f.decimal_comma);
                        row.push(number(i.low, d, f.decimal_comma));
                        row.push(number(i.high, d, f.decimal_comma));
                    }
                    let group = (!f.single).then(|| f.study.groups[g].label.clone());
                    laid.gold_cells.push((
                        laid.body.len(),
                        col,
                        f.labels[k].clone(),
                        group,
                        k,
                        g,
                        p,
                        statistic_of(f.stat),
                    ));
                }
                None => row.extend(names.iter().map(|_| f.missing.to_owned())),
            }
        }
        laid.body.push(row);
    }
    laid
}

/// Parameters as columns, one row per group.
fn lay_columns(rng: &mut Rng, f: &Frame<'_>) -> Laid {
    let mut laid = Laid::default();
    let stub = match f.study.grouping {
        Grouping::Routes => "Route",
        Grouping::Doses => "Dose",
        Grouping::Single => *rng.pick(&["Group", "Statistic", ""]),
    };
    let mut h = vec![stub.to_owned()];
    h.extend(f.labels.iter().cloned());
    laid.header.push(h);
    for g in 0..f.study.groups.len() {
        let row_label = if f.single { f.stat.header().to_owned() } else { f.study.groups[g].label.clone() };
        let mut row = vec![row_label.clone()];
        for (k, r) in f.params.iter().enumerate() {
            let s = f.stat_of_row(r);
            match f.cell(k, g, s) {
                Some(p) => {
                    row.push(p.text.clone());
                    let group = (!f.single).then(|| row_label.clone());
                    laid.gold_cells.push((
                        laid.body.len(),
                        1 + k,
                        f.labels[k].clone(),
                        group,
                        k,
                        g,
                        p,
                        statistic_of(s),
                    ));
                }
                None => row.push(f.missing.to_owned()),
            }
        }
        laid.body.push(row);
    }
    laid
}

/// One row per subject, parameters as columns, a `Mean ± SD` row last.
fn lay_individual(f: &Frame<'_>) -> Laid {
    let mut laid = Laid::default();
    let word = if f.study.species.animal {
        match f.study.species.name {
            "dog" => "Dog",
            "cat" => "Cat",
            "horse" => "Horse",
            "cattle" => "Animal",
            _ => "Animal",
        }
    } else {
        "Subject"
    };
    let mut h = vec![word.to_owned()];
    h.extend(f.labels.iter().cloned());
    laid.header.push(h);
    let group = &f.study.groups[0];
    for (i, subject) in group.subjects.iter().enumerate() {
        let mut row = vec![format!("{}", i + 1)];
        for (k, r) in f.params.iter().enumerate() {
            let x = r.param.of(subject, f.study.per_kg) * f.units[k].factor;
            let dec = decimals_for(x, 4);
            let text = number(x, dec, f.decimal_comma);
            let p = Printed { text: text.clone(), value: printed_value(x, dec), dispersion: None, interval: None };
            row.push(text);
            laid.gold_cells.push((
                laid.body.len(),
                1 + k,
                f.labels[k].clone(),
                Some(format!("{}", i + 1)),
                k,
                0,
                p,
                Statistic::Individual,
            ));
        }
        laid.body.push(row);
    }
    let mut row = vec!["Mean ± SD".to_owned()];
    for k in 0..f.params.len() {
        let p = f.cell(k, 0, Stat::MeanSd).expect("invariant: single-route parameter applies");
        row.push(p.text.clone());
        laid.gold_cells.push((
            laid.body.len(),
            1 + k,
            f.labels[k].clone(),
            Some("Mean ± SD".to_owned()),
            k,
            0,
            p,
            Statistic::Mean,
        ));
    }
    laid.body.push(row);
    laid
}

/// Lays out `study` as a table with id `id`; `animal_style` picks the veterinary house
/// style (publisher markup, µg/mL, per-kg units, decimal commas now and then).
///
/// `print_rng` draws how numbers, marks and headers are printed; it is a stream of its own
/// so that these choices leave every other draw of the corpus as it was.
pub fn render(rng: &mut Rng, print_rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    // Three tables in ten are characteristics tables, and of the others a third (seven in
    // ten of lactation studies) take one of the conventions' layout families.
    if let Some(table) = crate::families::draw(rng, study, id, index, veterinary) {
        return table;
    }
    let style = if veterinary { Style::Publisher } else { Style::Pmc };
    let human = !study.species.animal;
    let tissue = study.matrix.ends_with("tissue");
    let n_subjects = study.groups[0].subjects.len();
    let decimal_comma = veterinary && rng.chance(0.12);
    let dash = if decimal_comma { "–" } else { *rng.pick(&["–", "-", "–"]) };
    let stat = if veterinary {
        [Stat::MeanSd, Stat::MeanSd, Stat::MeanSdParen, Stat::MeanSem, Stat::MedianRange, Stat::MeanSd][rng.below(6)]
    } else {
        [Stat::MeanSd, Stat::MeanSdParen, Stat::GeoCv, Stat::MeanCi, Stat::MedianRange, Stat::MedianIqr, Stat::MeanSd]
            [rng.below(7)]
    };
    let stat = if stat == Stat::MeanCi && decimal_comma { Stat::MeanSd } else { stat };
    let params = choose_params(rng, study);
    let single = study.grouping == Grouping::Single;
    let layout = {
        let mut options = vec![(Layout::Rows, 4.0), (Layout::RowsUnitColumn, 1.0), (Layout::Columns, 1.5)];
        if matches!(stat, Stat::MeanSd | Stat::MeanSem | Stat::MedianRange) {
            options.push((Layout::RowsStats, 1.5));
        }
        if single && stat == Stat::MeanSd && n_subjects <= 12 {
            options.push((Layout::Individual, if veterinary { 2.0 } else { 0.7 }));
        }
        let weights: Vec<f64> = options.iter().map(|(_, w)| *w).collect();
        options[rng.weighted(&weights)].0
    };
    // Tmax as median (range) in a table of means, said in the caption or by a mark.
    let tmax_median = stat.is_mean()
        && !matches!(layout, Layout::RowsStats | Layout::Individual)
        && params.iter().any(|p| p.param == Param::Tmax)
        && rng.chance(0.5);
    let stat_place = match layout {
        Layout::Individual => StatPlace::Caption,
        _ if tmax_median && rng.chance(0.4) => StatPlace::Marks,
        _ if single && layout == Layout::Rows && !tmax_median && rng.chance(0.35) => StatPlace::Header,
        _ if rng.chance(0.3) => StatPlace::Footnote,
        _ => StatPlace::Caption,
    };

    // How numbers, marks and headers are printed: `print_rng`, the table's own stream.
    // (The statistic-column layouts split a printed summary at its spaces.)
    let groups_digits = matches!(layout, Layout::Rows | Layout::RowsUnitColumn | Layout::Columns);
    let group_sep = match (decimal_comma, print_rng.below(10)) {
        _ if !groups_digits => "",
        (false, 0 | 1) => ",",
        (false, 2) => " ",
        (false, 3) => "\u{2009}",
        (true, 0..=2) => ".",
        (true, 3 | 4) => " ",
        _ => "",
    };
    let mark_on_label = stat_place == StatPlace::Marks && print_rng.chance(0.5);
    let group_stat_headers =
        !single && layout == Layout::Rows && stat_place == StatPlace::Caption && !tmax_median && print_rng.chance(0.3);
    let stat_place = if group_stat_headers { StatPlace::Header } else { stat_place };
    // Units listed in the caption ("Units: Cmax, ng/mL; ...") for labels printed without.
    let caption_units = matches!(layout, Layout::Rows | Layout::Columns) && !mark_on_label && print_rng.chance(0.08);

    // Units: one per parameter row, chosen from the typical value.
    let typical = |p: Param| {
        let xs: Vec<f64> = study
            .groups
            .iter()
            .filter(|g| p.applies(g.route))
            .flat_map(|g| g.subjects.iter().map(move |s| p.of(s, study.per_kg)))
            .collect();
        if xs.is_empty() { 1.0 } else { xs.iter().sum::<f64>() / xs.len() as f64 }
    };
    let units: Vec<UnitChoice> = params
        .iter()
        .map(|r| choose_unit(rng, r.param.quantity(study.per_kg, tissue), typical(r.param), human))
        .collect();
    // Tissue matrices print per-gram concentrations, which no canonical unit takes.
    let label_style = rng.below(3);
    let labels: Vec<String> = params
        .iter()
        .zip(&units)
        .map(|(r, u)| {
            let ev = r.extravascular.unwrap_or_else(|| study.single_route().is_some_and(Route::extravascular));
            let names = if study.tau.is_some() {
                r.param.steady_labels(ev, study.two_compartment)
            } else {
                r.param.labels(ev, study.two_compartment)
            };
            let name = if rng.chance(0.6) { names[0] } else { *rng.pick(names) };
            let label = match label_style {
                _ if layout == Layout::RowsUnitColumn || caption_units => name.to_owned(),
                0 | 1 => format!("{name} ({})", u.text),
                _ => format!("{name}, {}", u.text),
            };
            if mark_on_label && r.param == Param::Tmax { format!("{label}<sup>{TMAX_MARK}</sup>") } else { label }
        })
        .collect();

    // Caption.
    let drug = study.drug.name;
    let subjects = if let Some(p) = study.population { p } else { study.subjects_word };
    let route_text = match study.grouping {
        Grouping::Routes => {
            format!("{} and {} administration", route_word(study.groups[0].route), route_word(study.groups[1].route))
        }
        _ => route_phrase(rng, study.groups[0].route, study.tau.is_some()).to_owned(),
    };
    let dose_text = match study.grouping {
        Grouping::Doses => {
            let doses: Vec<&str> = study.groups.iter().map(|g| g.dose_text.as_str()).collect();
            format!("{} and {}", doses[..doses.len() - 1].join(", "), doses[doses.len() - 1])
        }
        _ => study.groups[0].dose_text.clone(),
    };
    let tmax_clause = if tmax_median { " except Tmax, median (range)" } else { "" };
    let stat_sentence = format!("Values are {}{tmax_clause}.", stat.phrase());
    let sep = if veterinary { ":" } else { "." };
    let matrix = study.matrix;
    let body = match (veterinary, rng.below(3)) {
        (false, 0) => {
            format!("Pharmacokinetic parameters of {drug} in {matrix} of {subjects} after {route_text} of {dose_text}")
        }
        (false, 1) => format!(
            "{} pharmacokinetics of {drug} following {route_text} ({dose_text}) in {subjects} (n = {n_subjects})",
            capitalise(matrix)
        ),
        (false, _) => format!(
            "Non-compartmental {matrix} pharmacokinetic parameters of {drug} ({dose_text}, {}) in {subjects}",
            route_word_short(study)
        ),
        (true, 0) => format!(
            "{} pharmacokinetic parameters of {drug} in {subjects} after {route_text} of {dose_text} (n = {n_subjects})",
            capitalise(matrix)
        ),
        (true, 1) => {
            format!("Pharmacokinetics of {drug} in {matrix} of {subjects} following {route_text} at {dose_text}")
        }
        (true, _) => format!("{} in {subjects} ({matrix}) after {route_text} of {dose_text}", capitalise(drug)),
    };
    let mut caption = format!("Table {index}{sep} {body}.");
    if let Some(tau) = study.tau {
        caption.push(' ');
        caption.push_str(&match rng.below(3) {
            0 => format!("Steady state, dosing every {tau} h."),
            1 => format!("Multiple dosing every {tau} h; samples over one dosing interval at steady state."),
            _ => format!("At steady state (τ = {tau} h)."),
        });
    }
    if caption_units {
        let listed: Vec<String> =
            labels.iter().zip(&units).map(|(l, u)| format!("{}, {}", plain(l).trim(), u.text)).collect();
        caption.push_str(&format!(" Units: {}.", listed.join("; ")));
    }
    let mut notes: Vec<String> = Vec::new();
    match stat_place {
        StatPlace::Caption => {
            caption.push(' ');
            caption.push_str(&stat_sentence);
        }
        // A note of its own, or one whose mark the caption carries (`... (n = 12)*`, "* Data
        // are presented as ..."): either declares the whole table.
        StatPlace::Footnote if rng.chance(0.3) => {
            let mark = *rng.pick(&["*", "†"]);
            caption = format!("{}{mark}", caption.trim_end_matches('.'));
            notes.push(format!("{mark} Data are presented as {}{tmax_clause}.", stat.phrase()));
        }
        StatPlace::Footnote => notes.push(format!("Data are presented as {}{tmax_clause}.", stat.phrase())),
        StatPlace::Header => {}
        StatPlace::Marks => {
            caption.push(' ');
            caption.push_str(&format!("Values are {}.", stat.phrase()));
            notes.push(format!("{TMAX_MARK} Median (range)."));
        }
    }
    if rng.chance(0.3) {
        let abbreviations = match rng.below(3) {
            0 => "Cmax, peak concentration; Tmax, time to Cmax; AUC, area under the concentration-time curve.",
            1 => "NA, not applicable; ND, not determined.",
            _ => "Parameters were estimated by non-compartmental analysis.",
        };
        if notes.iter().any(|n| n.starts_with(TMAX_MARK)) {
            notes.push(abbreviations.to_owned());
        } else {
            notes.insert(0, abbreviations.to_owned());
        }
    }
    let footnote = (!notes.is_empty()).then(|| notes.join(" "));

    // Context shared by every record.
    let base_context = Context {
        drug: Some(drug.to_owned()),
        analyte: Some(drug.to_owned()),
        species: Some(study.species.name.to_owned()),
        // The people a caption names are the population ("healthy volunteers"); animals have none.
        population: (!study.species.animal).then(|| subjects.to_owned()),
        matrix: Some(matrix.to_owned()),
        dose: None,
        route: None,
        group: None,
        subject: None,
        time: None,
    };
    let missing = if veterinary { *rng.pick(&["–", "ND", "NA"]) } else { *rng.pick(&["–", "NA", "—"]) };

    // The cells: (printed text or missing, gold) for each parameter row and group.
    // Tmax cells carry the mark of the "Median (range)" note when the table says it so.
    let param_word = *rng.pick(&["Parameter", "Parameters", "PK parameter", "Variable"]);
    let single_header = *rng.pick(&["Value", "Estimate", "Result"]);
    let frame = Frame {
        study,
        params,
        labels,
        units,
        stat,
        tmax_median,
        stat_place,
        single,
        n_subjects,
        decimal_comma,
        dash,
        missing,
        param_word,
        single_header,
        layout,
        group_sep,
        mark_on_label,
        group_stat_headers,
    };
    let Laid { header, body, gold_cells } = match layout {
        Layout::Rows => lay_rows(rng, &frame, false),
        Layout::RowsUnitColumn => lay_rows(rng, &frame, true),
        Layout::RowsStats => lay_rows_stats(&frame),
        Layout::Columns => lay_columns(rng, &frame),
        Layout::Individual => lay_individual(&frame),
        // The conventions' families are drawn and laid out by `crate::families`.
        Layout::StatisticRows
        | Layout::ConcentrationTime
        | Layout::OtherLanguage
        | Layout::StatisticRowsAbroad
        | Layout::CodedTimes
        | Layout::NamedSubjects
        | Layout::SpecimenColumns
        | Layout::Undeclared
        | Layout::StatisticColumn
        | Layout::ParameterHeadings
        | Layout::Comparison
        | Layout::ModelEstimates
        | Layout::StatisticsUnderParameters
        | Layout::ConditionsPerSubject
        | Layout::Residues
        | Layout::TissueDistribution
        | Layout::LongTable
        | Layout::Listing
        | Layout::Monitoring
        | Layout::NotPk => Laid::default(),
    };
    let Frame { params, units, .. } = frame;
    let marked = |param: Param| stat_place == StatPlace::Marks && param == Param::Tmax;

    let rows_plain = |rows: &[Vec<String>]| -> Vec<Vec<String>> {
        rows.iter().map(|r| r.iter().map(|c| plain(c).trim().to_owned()).collect()).collect()
    };
    let table = Table {
        id: id.to_owned(),
        caption: Some(caption.clone()),
        footnote: footnote.clone(),
        title: None,
        abstract_text: None,
        header_rows: rows_plain(&header),
        body_rows: rows_plain(&body),
        spanned: Vec::new(),
    };
    let gold = gold_cells
        .into_iter()
        .map(|(row, col, label, group, k, g, p, statistic)| {
            let r = &params[k];
            let group_ref = &study.groups[g];
            let family = r.param.family(study.per_kg, tissue);
            let unit_text = units[k].text;
            let unit = Unit::parse(unit_text).expect("invariant: the generator prints units hysim-units reads");
            let canonical = family
                .map(|f| convert(p.value, &unit, f, None).expect("invariant: printed units convert in their family"));
            let header_path = table.header_path(col);
            let parameter_raw = match layout {
                Layout::Columns | Layout::Individual => header_path.join(" / "),
                _ => plain(&label).trim().to_owned(),
            };
            let footnotes = if marked(r.param) { vec!["Median (range).".to_owned()] } else { Vec::new() };
            Record {
                table_id: id.to_owned(),
                parameter_raw,
                parameter: Some(r.param.code(group_ref.route).to_owned()),
                value_raw: table.body_rows[row][col].clone(),
                value: Some(p.value),
                statistic,
                dispersion: p.dispersion,
                interval: p.interval,
                unit_raw: Some(unit_text.to_owned()),
                unit: family.map(|f| f.canonical().to_owned()),
                value_canonical: canonical.map(|c| round_significant(c, 12)),
                n: (statistic != Statistic::Individual).then_some(group_ref.subjects.len() as u32),
                context: Context {
                    dose: Some(group_ref.dose_text.clone()),
                    route: Some(group_ref.route.code().to_owned()),
                    // An individual value's row names its subject, not a group.
                    subject: (statistic == Statistic::Individual).then(|| group.clone()).flatten(),
                    group: (statistic != Statistic::Individual).then_some(group).flatten(),
                    ..base_context.clone()
                },
                provenance: Provenance { row: Some(row as u32), col: Some(col as u32), header_path, footnotes },
                confidence: None,
                noise: None,
                review: None,
            }
        })
        .collect();
    let title = format!(
        "Pharmacokinetics of {drug} after {} administration in {}",
        route_word_short(study),
        study.subjects_word
    );
    let abstract_text = format!(
        "The pharmacokinetics of {drug} were studied in {n_subjects} {} after {route_text} of {dose_text}. {} concentrations were measured and parameters were estimated by non-compartmental analysis.",
        study.subjects_word,
        capitalise(matrix)
    );
    SynthTable {
        table,
        header_html: header,
        body_html: body,
        style,
        layout,
        title,
        abstract_text,
        gold,
        decimal_comma,
        stacked: false,
    }
}

pub(crate) fn route_word_short(study: &Study) -> &'static str {
    match study.single_route() {
        Some(r) => route_word(r),
        None => "intravenous and extravascular",
    }
}

fn decimals_of(text: &str, comma: bool) -> usize {
    let sep = if comma { ',' } else { '.' };
    text.split_once(sep).map_or(0, |(_, d)| d.len())
}

/// The decimals of the `k`-th number of a printed cell.
fn decimals_after(text: &str, comma: bool, k: usize) -> usize {
    let numbers: Vec<&str> = text
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .filter(|s| s.chars().any(|c| c.is_ascii_digit()))
        .collect();
    numbers.get(k).map_or(0, |n| decimals_of(n, comma))
}

/// The body rows in runs a PDF's conversion stacks in one row: consecutive rows of as
/// many cells whose first cell is a label (it starts with a letter) and whose other cells
/// all hold a number (`412 ± 88`, `<0.5`); every other row a run of its own. The runs'
/// lengths, in order.
fn stacked_runs(body: &[Vec<String>]) -> Vec<usize> {
    let text = |cell: &str| plain(cell).trim().to_owned();
    let digit = |t: &str| t.trim_start().starts_with(|c: char| c.is_ascii_digit());
    // (A censored `<0.5` opens no tag.)
    let number = |cell: &str| {
        let t = text(cell);
        cell.trim().strip_prefix('<').is_some_and(digit)
            || digit(t.strip_prefix('−').or_else(|| t.strip_prefix('-')).unwrap_or(&t))
    };
    let stackable = |row: &Vec<String>| {
        row.len() >= 2 && text(&row[0]).starts_with(char::is_alphabetic) && row[1..].iter().all(|cell| number(cell))
    };
    let mut runs = Vec::new();
    let mut r = 0;
    while r < body.len() {
        let mut len = 1;
        if stackable(&body[r]) {
            while r + len < body.len() && stackable(&body[r + len]) && body[r + len].len() == body[r].len() {
                len += 1;
            }
        }
        runs.push(len);
        r += len;
    }
    runs
}

/// The HTML of a table: spanning cells merged, in the given style.
pub fn to_html(t: &SynthTable) -> String {
    let (open, th, td, pm) = match t.style {
        Style::Pmc => {
            ("<table frame=\"hsides\" rules=\"groups\">", "th align=\"left\"", "td align=\"left\"", "&#x000B1;")
        }
        Style::Publisher => (
            "<table class=\"table\" border=\"1\">",
            "th scope=\"col\" class=\"rowsep1\"",
            "td class=\"left\"",
            "&plusmn;",
        ),
    };
    // Cells hold only the generator's own markup (<sub>, <sup>) and no `&` or `<` of
    // their own, so the one character to write as an entity is the plus-minus sign.
    let escape_text = |s: &str| s.replace('±', pm);
    let mut html = String::from(open);
    let header = &t.header_html;
    let n_rows = header.len();
    if t.style == Style::Pmc {
        html.push_str("<thead>");
    } else {
        html.push_str("<tbody>");
    }
    for (r, row) in header.iter().enumerate() {
        html.push_str("<tr>");
        let mut c = 0;
        while c < row.len() {
            // Covered by a cell above with a rowspan.
            if r > 0 && header[r - 1].get(c) == Some(&row[c]) && !row[c].is_empty() {
                c += 1;
                continue;
            }
            let mut colspan = 1;
            while c + colspan < row.len() && row[c + colspan] == row[c] && !row[c].is_empty() {
                colspan += 1;
            }
            let mut rowspan = 1;
            while r + rowspan < n_rows
                && header[r + rowspan].get(c) == Some(&row[c])
                && colspan == 1
                && !row[c].is_empty()
            {
                rowspan += 1;
            }
            let mut attrs = String::new();
            if colspan > 1 {
                attrs.push_str(&format!(" colspan=\"{colspan}\""));
            }
            if rowspan > 1 {
                attrs.push_str(&format!(" rowspan=\"{rowspan}\""));
            }
            let text = if t.style == Style::Publisher {
                format!("<span class=\"bold\">{}</span>", escape_text(&row[c]))
            } else {
                escape_text(&row[c])
            };
            html.push_str(&format!("<{th}{attrs}>{text}</{}>", th.split(' ').next().unwrap_or("th")));
            c += colspan;
        }
        html.push_str("</tr>");
    }
    if t.style == Style::Pmc {
        html.push_str("</thead><tbody>");
    }
    let runs = if t.stacked { stacked_runs(&t.body_html) } else { t.body_html.iter().map(|_| 1).collect() };
    let mut start = 0;
    for len in runs {
        let rows = &t.body_html[start..start + len];
        start += len;
        html.push_str("<tr>");
        for c in 0..rows[0].len() {
            let lines: Vec<String> = rows.iter().map(|row| escape_text(&row[c])).collect();
            let text = lines.join("<br/>");
            let text =
                if t.style == Style::Publisher && text.contains(' ') { text.replacen(' ', "&nbsp;", 1) } else { text };
            html.push_str(&format!("<{td}>{text}</td>"));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_grouped_by_threes() {
        assert_eq!(group_thousands("12450.5 ± 3120", " ", false), "12 450.5 ± 3 120");
        assert_eq!(group_thousands("1234567 (980–1500)", ",", false), "1,234,567 (980–1,500)");
        assert_eq!(group_thousands("0.12345 ± 0.0123", ",", false), "0.12345 ± 0.0123");
        assert_eq!(group_thousands("4518,6 ± 1022,3", ".", true), "4.518,6 ± 1.022,3");
        // Points group only before a decimal comma.
        assert_eq!(group_thousands("12450 ± 3120", ".", true), "12450 ± 3120");
    }

    #[test]
    fn a_conversion_stacks_runs_of_label_and_value_rows() {
        let row = |cells: &[&str]| cells.iter().map(|c| (*c).to_owned()).collect::<Vec<String>>();
        // A section's row (its values blank) and a row with a missing mark end a run; a
        // run of one is a row of its own.
        let body = vec![
            row(&["Plasma", "", ""]),
            row(&["C<sub>max</sub> (ng/mL)", "412 ± 88", "<0.5"]),
            row(&["t<sub>max</sub> (h)", "1.5 (0.5–3.0)", "−0.2"]),
            row(&["AUC (ng·h/mL)", "3100 ± 410", "2980 ± 390"]),
            row(&["CL/F (L/h)", "NC", "12.1"]),
            row(&["Vz/F (L)", "88.1", "91.4"]),
        ];
        assert_eq!(stacked_runs(&body), [1, 3, 1, 1]);
        let item = crate::generate(&crate::Config {
            n: 40,
            seed: 3,
            profile: crate::Profile::Clinical,
            noise: crate::NoiseSpec::default(),
        })
        .into_iter()
        .find(|i| i.table.layout == Layout::Rows)
        .expect("a table of parameter rows among forty");
        let mut t = item.table;
        t.stacked = false;
        let plain_html = to_html(&t);
        t.stacked = true;
        let html = to_html(&t);
        // Each row's cells are lines of the run's cells: a line break in every cell of a
        // stacked row but its first line's.
        let columns = t.body_html[0].len();
        let (rows, breaks) = (html.matches("<tr>").count(), html.matches("<br/>").count());
        assert!(breaks > 0 && breaks % columns == 0, "{html}");
        assert_eq!(rows + breaks / columns, plain_html.matches("<tr>").count(), "{html}");
    }

    #[test]
    fn multiple_dose_tables_report_distinct_steady_state_parameters() {
        let mut steady = 0;
        for seed in 0..600 {
            let mut rng = Rng::new(seed);
            let study = Study::draw(&mut rng, seed % 2 == 0);
            let Some(tau) = study.tau else { continue };
            steady += 1;
            let rows = choose_params(&mut rng, &study);
            let params: Vec<Param> = rows.iter().map(|r| r.param).collect();
            assert!(params.len() >= 2, "seed {seed}: {params:?}");
            for (k, p) in params.iter().enumerate() {
                assert!(!params[..k].contains(p), "seed {seed}: {params:?} repeats {p:?}");
                assert!(study.groups.iter().all(|g| !p.applies(g.route) || p.of(&g.subjects[0], false) > 0.0));
            }
            let route = study.groups[0].route;
            for _ in 0..8 {
                let phrase = route_phrase(&mut rng, route, true);
                assert!(!phrase.contains("single") && !phrase.contains("bolus"), "{phrase} every {tau} h");
            }
        }
        assert!(steady > 30, "{steady} multiple-dose studies in 600");
    }
}
