//! Layout families for the conventions the table reader implements (`docs/CONVENTIONS.md`),
//! one function each, so the learned extractors see every convention with gold:
//!
//! - [`statistic_rows`]: parameters across, statistics down (`Mean`, `SD`, `CV (%)`,
//!   `Median`, `Range` or `Min` and `Max`, `n`); one gold record per central value.
//! - [`concentration_time`]: subjects down (numbered, coded `S-03` or lettered `C`) and
//!   sampling times across under a spanning `Time after dose (h)` (or by the clock, `08:30`
//!   over `(0.5 h)`, the dose time in the caption), or the transpose;
//!   individual concentrations with their subject and time, a `Mean` and `SD` row of
//!   summaries.
//! - [`specimen_columns`]: subjects down, columns headed by specimen (milk, plasma) and
//!   their ratio (lactation studies).
//! - [`metabolite_columns`]: subjects down, the parent drug and a metabolite in plasma and
//!   their metabolic ratio (the metabolite named by its nomenclature, or by abbreviations
//!   the footnote defines).
//! - [`undeclared`]: bracketed spreads that no caption, header or footnote declares: the
//!   gold says `unknown`, as the reader must.
//! - [`statistic_column::statistic_column`]: a `Statistic` column declaring each row's
//!   statistic, or parameter headings with a line per statistic below each.
//! - [`comparison::comparison`]: two conditions of the same subjects (fasted and fed, alone
//!   and with an interacting drug, test and reference) and their ratio with its 90 % CI,
//!   as a column or a row, which gives no record.
//! - [`across::statistics_under_parameters`]: groups down, each parameter spanning its
//!   statistics (`Cmax (ng/mL)` over `Mean | SD` or `Median | Range`).
//! - [`across::conditions_per_subject`]: subjects down, each parameter spanning two
//!   conditions of the same subjects (`Test | Reference`), a mean row below.
//! - [`estimates::model_estimates`]: a population PK model's typical values with `RSE
//!   (%)`, shrinkage and bootstrap columns, and variability rows that give none.
//! - [`named::named_subjects`]: dogs, cats or horses named, not numbered (`Bella | Duke`
//!   under a spanning concentration header, the caption counting them), or their names
//!   down under the species' header; sometimes each name with its sex and weight (`Bella
//!   F, 24.1 kg`), the caption counting none.
//! - [`residues::residues`]: residue depletion in the edible tissues of food animals, the
//!   tissues printed bare down the stub with the days across, or the transpose.
//! - [`tissues::tissue_distribution`]: each rat's, mouse's or rabbit's concentrations in
//!   its organs at one time after the dose, the organs bare down the stub with their unit
//!   (`Brain (ng/g)`) and the animals coded under their species' word (`Rat` over `R1 |
//!   R2`), or the transpose; the time in the caption.
//! - [`long::long_table`]: one row per sample (`Subject | Time (h) | Concentration`), the
//!   subject's id on every row or on its first only, censored samples without gold;
//!   three in ten as a NONMEM data file or a CDISC SDTM PC listing (`Layout::Listing`).
//! - [`monitoring::monitoring`]: therapeutic drug monitoring, each patient's trough and
//!   timed concentration on two days as symbols the footnote or caption defines (`C0`,
//!   `C2`).
//! - [`language::other_language`]: per-subject concentrations in German, French, Spanish,
//!   Italian, Portuguese, Dutch, Polish, Czech or Swedish, with decimal commas, or in
//!   Japanese, Chinese or Korean with full-width brackets, and the language's words for the
//!   subjects, the time, the mean and SD, the censored mark and the caption's word order.
//! - [`language::statistic_rows_abroad`]: [`statistic_rows`] in those languages (`Mittelwert
//!   | SD | VK (%) | Median | Spannweite`, `Moyenne | ET`, `Media | DE`, `Média | DP`, `平均 | 標準偏差 | 中央値 | 範囲`).
//! - [`coded_times::coded_times`]: per-subject concentrations whose times the header codes
//!   and a note defines (`T+15 | T+30` with "T+n, n minutes after ...", or `Sample` over `1 |
//!   2 | 3` with "Samples: 1, 0.25 h; 2, 0.5 h").
//! - [`not_pk`]: characteristics of the subjects (a summary, one row per subject, or by
//!   group with a P value), which give no record.
//!
//! Per-subject concentration tables may carry covariate columns (dose, body weight, age)
//! before the sampling times: values beside the results that are none.

use hysim_core::{Context, Dispersion, Interval, Provenance, Record, Statistic, Table, UNKNOWN_KIND};
use hysim_units::{Family, Unit, convert, round_significant};

use crate::format::{Quantity, UnitChoice, choose_unit, decimals_for, number, printed_value};
use crate::pk::{Nca, Route};
use crate::render::{Layout, Param, Style, SynthTable, capitalise, quantile, route_word, route_word_short};
use crate::rng::Rng;
use crate::study::Study;

mod across;
mod coded_times;
mod comparison;
mod estimates;
mod language;
mod long;
mod monitoring;
mod named;
mod residues;
mod statistic_column;
mod tissues;

/// Share of the tables that report characteristics of the subjects and no PK result:
/// papers print almost as many tables without PK results as with (13 of the 30 shared
/// tables; demographics, outcomes, assay validation), so an extractor must learn to
/// answer nothing as often as it answers.
const NOT_PK_SHARE: f64 = 0.3;

/// Draws one of the families for `study`, or `None` to leave the table to
/// `crate::render::render`'s layouts. Three tables in ten report characteristics (no PK
/// result); of the others, a third take a family (seven in ten of lactation studies).
pub(crate) fn draw(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> Option<SynthTable> {
    if rng.chance(NOT_PK_SHARE) {
        return Some(not_pk(rng, study, id, index, veterinary));
    }
    // Patients on a multiple-dose regimen, monitored by trough and timed samples.
    if monitoring::monitors(study) && rng.chance(0.4) {
        return Some(monitoring::monitoring(rng, study, id, index, veterinary));
    }
    // A multiple-dose study's tables name the steady state: the main layouts draw them.
    if study.tau.is_some() {
        return None;
    }
    let milk = study.matrix == "milk";
    // Lactation studies report per subject (milk, plasma, their ratio) more often than not.
    if !rng.chance(if milk { 0.7 } else { 0.35 }) {
        return None;
    }
    let single = study.groups.len() == 1;
    let n = study.groups[0].subjects.len();
    let mut options: Vec<(u8, f64)> = vec![(0, 2.0), (3, 1.0), (4, 1.5), (6, 1.0), (7, 1.0)];
    if language::summarises_abroad(study) {
        // The statistic rows of a European journal's table, in its language.
        options.push((15, 0.7));
    }
    if single {
        options.push((5, 1.5));
    }
    if single && n <= 14 {
        options.push((1, 2.0));
        options.push((8, 1.0));
        options.push((2, if milk { 3.0 } else { 1.0 }));
    } else if milk && n <= 24 {
        // Milk and plasma of each mother (the first group's) with their ratio.
        options.push((2, 3.0));
    }
    if named::names_its_animals(study) {
        // Dogs, cats and horses by their names.
        options.push((10, 2.0));
    }
    if residues::is_food_animal(study) {
        // Residues in the edible tissues of food animals by days after the last dose.
        options.push((11, 1.0));
    }
    if tissues::samples_organs(study) {
        // Each laboratory animal's organs at one time after the dose.
        options.push((13, 1.0));
    }
    if coded_times::codes_its_times(study) {
        // Times coded in the header, defined in a note (`T+15`, samples numbered).
        options.push((16, 0.7));
    }
    if language::prints_abroad(study) {
        // A European journal's table in its language, with decimal commas.
        options.push((14, 1.0));
    }
    if !study.matrix.ends_with("tissue") {
        // One row per sample, the first subjects' concentrations.
        options.push((12, 1.0));
    }
    if single && n <= 24 && matches!(study.matrix, "plasma" | "serum") {
        // A parent and its metabolite per subject with their metabolic ratio.
        options.push((9, 1.0));
    }
    let weights: Vec<f64> = options.iter().map(|(_, w)| *w).collect();
    let t = match options[rng.weighted(&weights)].0 {
        0 => statistic_rows(rng, study, id, index, veterinary),
        1 => concentration_time(rng, study, id, index, veterinary),
        2 => specimen_columns(rng, study, id, index, veterinary),
        3 => undeclared(rng, study, id, index, veterinary),
        4 => statistic_column::statistic_column(rng, study, id, index, veterinary),
        5 => comparison::comparison(rng, study, id, index, veterinary),
        7 => across::statistics_under_parameters(rng, study, id, index, veterinary),
        8 => across::conditions_per_subject(rng, study, id, index, veterinary),
        9 => metabolite_columns(rng, study, id, index, veterinary),
        10 => named::named_subjects(rng, study, id, index, veterinary),
        11 => residues::residues(rng, study, id, index, veterinary),
        12 => long::long_table(rng, study, id, index, veterinary),
        13 => tissues::tissue_distribution(rng, study, id, index, veterinary),
        14 => language::other_language(rng, study, id, index, veterinary),
        15 => language::statistic_rows_abroad(rng, study, id, index, veterinary),
        16 => coded_times::coded_times(rng, study, id, index, veterinary),
        _ => estimates::model_estimates(rng, study, id, index, veterinary),
    };
    Some(t)
}

/// What every record of a study shares.
fn base_context(study: &Study) -> Context {
    Context {
        drug: Some(study.drug.name.to_owned()),
        analyte: Some(study.drug.name.to_owned()),
        species: Some(study.species.name.to_owned()),
        population: (!study.species.animal).then(|| study.population.unwrap_or(study.subjects_word).to_owned()),
        matrix: Some(study.matrix.to_owned()),
        dose: Some(study.groups[0].dose_text.clone()),
        route: Some(study.groups[0].route.code().to_owned()),
        ..Context::default()
    }
}

/// A gold record of the cell at (`row`, `col`) of `table`.
#[allow(clippy::too_many_arguments, reason = "one record's fields")]
fn gold(
    table: &Table,
    row: usize,
    col: usize,
    parameter_raw: &str,
    code: &str,
    value: f64,
    statistic: Statistic,
    unit: &UnitChoice,
    family: Option<Family>,
    context: Context,
) -> Record {
    let canonical = family.and_then(|f| {
        let parsed = Unit::parse(unit.text).ok()?;
        convert(value, &parsed, f, None).ok().map(|c| round_significant(c, 12))
    });
    Record {
        table_id: table.id.clone(),
        parameter_raw: parameter_raw.to_owned(),
        parameter: Some(code.to_owned()),
        value_raw: table.body_rows[row][col].clone(),
        value: Some(value),
        statistic,
        dispersion: None,
        interval: None,
        unit_raw: Some(unit.text.to_owned()),
        unit: canonical.and(family).map(|f| f.canonical().to_owned()),
        value_canonical: canonical,
        n: None,
        context,
        provenance: Provenance {
            row: Some(row as u32),
            col: Some(col as u32),
            header_path: table.header_path(col),
            footnotes: Vec::new(),
        },
        confidence: None,
        noise: None,
        review: None,
    }
}

/// The parameters a single-route study reports, two to four of them.
fn some_params(rng: &mut Rng, study: &Study) -> Vec<Param> {
    let route = study.groups[0].route;
    let mut all: Vec<Param> =
        [Param::Cmax, Param::Tmax, Param::AucInf, Param::AucLast, Param::HalfLife, Param::Cl, Param::Vz, Param::Mrt]
            .into_iter()
            .filter(|p| p.applies(route))
            .collect();
    let keep = (2 + rng.below(3)).min(all.len());
    while all.len() > keep {
        let k = rng.below(all.len());
        all.remove(k);
    }
    all
}

/// [`some_params`] for a table that may set routes side by side (intravenous and oral):
/// clearance, volume and MRT are named per route (`CL`, `CL/F`), so one row holds them for
/// both only in a label naming both forms ([`label_across`], half the tables; MRT never);
/// the table keeps two rows at least.
fn params_across_routes(rng: &mut Rng, study: &Study) -> Vec<Param> {
    let mut params = some_params(rng, study);
    if mixes_routes(study) {
        // Half the tables name clearance and volume for both routes in one label (`CL
        // (CL/F)`, `Vz (Vz/F)`: [`label`]), each group's route deciding the code; the
        // others leave them out, as they leave out MRT.
        let combined = rng.chance(0.5);
        params.retain(|p| !matches!(p, Param::Mrt) && (combined || !matches!(p, Param::Cl | Param::Vz)));
        for p in [Param::AucInf, Param::HalfLife] {
            if params.len() < 2 && !params.contains(&p) {
                params.push(p);
            }
        }
    }
    params
}

/// The mean and sample SD of `xs` (the SD of one value is 0).
fn mean_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let sd = (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0)).sqrt();
    (mean, sd)
}

/// The unit a parameter prints in, chosen for the mean of its values `xs` (in the
/// parameter's base unit) in the study's subjects.
fn unit_for(rng: &mut Rng, p: Param, study: &Study, xs: &[f64]) -> UnitChoice {
    let typical = xs.iter().sum::<f64>() / xs.len().max(1) as f64;
    choose_unit(rng, p.quantity(study.per_kg, study.matrix.ends_with("tissue")), typical, !study.species.animal)
}

/// Whether the study's groups take the drug by routes of both kinds (intravascular and
/// extravascular).
fn mixes_routes(study: &Study) -> bool {
    study.groups.iter().any(|g| g.route.extravascular() != study.groups[0].route.extravascular())
}

/// [`label`] in a table that sets its groups side by side ([`params_across_routes`]):
/// clearance and volume in one whose groups mix routes name both forms, `CL (CL/F)` or
/// `CL or CL/F`, each group's route deciding the code.
fn label_across(rng: &mut Rng, p: Param, study: &Study, unit: &UnitChoice) -> String {
    if matches!(p, Param::Cl | Param::Vz) && mixes_routes(study) {
        let (iv, ev) = (p.labels(false, false)[0], p.labels(true, false)[0]);
        let (iv, ev) = (crate::render::plain(iv), crate::render::plain(ev));
        let name = if rng.chance(0.7) { format!("{iv} ({ev})") } else { format!("{iv} or {ev}") };
        return format!("{name} ({})", unit.text);
    }
    label(rng, p, study, unit)
}

/// A label of a parameter with its unit, as plain text.
fn label(rng: &mut Rng, p: Param, study: &Study, unit: &UnitChoice) -> String {
    let ev = study.groups[0].route.extravascular();
    let names = p.labels(ev, study.two_compartment);
    let name: &str = if rng.chance(0.6) { names[0] } else { names[rng.below(names.len())] };
    let name = crate::render::plain(name);
    format!("{name} ({})", unit.text)
}

/// A caption sentence naming the drug, matrix, subjects, route and dose.
fn caption(study: &Study, index: u32, what: &str) -> String {
    let g = &study.groups[0];
    format!(
        "Table {index}. {what} of {} in {} of {} after {} administration of {}.",
        study.drug.name,
        study.matrix,
        study.population.unwrap_or(study.subjects_word),
        route_word(g.route),
        g.dose_text
    )
}

/// A synthetic table from plain header and body rows.
fn assemble(id: &str, caption: String, header: Vec<Vec<String>>, body: Vec<Vec<String>>) -> Table {
    Table {
        id: id.to_owned(),
        caption: Some(caption),
        footnote: None,
        title: None,
        abstract_text: None,
        header_rows: header,
        body_rows: body,
        spanned: Vec::new(),
    }
}

fn finish(study: &Study, table: Table, layout: Layout, veterinary: bool, gold: Vec<Record>) -> SynthTable {
    let title = format!(
        "Pharmacokinetics of {} after {} administration in {}",
        study.drug.name,
        route_word_short(study),
        study.subjects_word
    );
    let abstract_text = format!(
        "The pharmacokinetics of {} were studied in {} {}. {} concentrations were measured.",
        study.drug.name,
        study.groups[0].subjects.len(),
        study.subjects_word,
        capitalise(study.matrix)
    );
    SynthTable {
        header_html: table.header_rows.clone(),
        body_html: table.body_rows.clone(),
        table,
        style: if veterinary { Style::Publisher } else { Style::Pmc },
        layout,
        title,
        abstract_text,
        gold,
        decimal_comma: false,
        stacked: false,
    }
}

/// The words of a table of statistics as rows ([`statistic_rows`]): its lines' labels
/// and whether its numbers print with a decimal comma.
pub(crate) struct StatisticWords {
    pub(crate) mean: &'static str,
    pub(crate) sd: &'static str,
    pub(crate) cv: &'static str,
    pub(crate) median: &'static str,
    pub(crate) min: &'static str,
    pub(crate) max: &'static str,
    pub(crate) range: &'static str,
    pub(crate) comma: bool,
}

/// English lines.
const ENGLISH_STATISTICS: StatisticWords = StatisticWords {
    mean: "Mean",
    sd: "SD",
    cv: "CV (%)",
    median: "Median",
    min: "Min",
    max: "Max",
    range: "Range",
    comma: false,
};

/// Statistics as rows, parameters across.
pub(crate) fn statistic_rows(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    let stub = |rng: &mut Rng| (*rng.pick(&["", "Statistic", "Parameter"])).to_owned();
    let caption = caption(study, index, "Pharmacokinetic parameters");
    statistic_rows_in(rng, study, id, veterinary, &ENGLISH_STATISTICS, stub, caption, Layout::StatisticRows)
}

/// [`statistic_rows`] in `words`, the stub header drawn by `stub` once the lines are.
#[allow(clippy::too_many_arguments, reason = "one table's words, stub, caption and layout")]
pub(crate) fn statistic_rows_in(
    rng: &mut Rng,
    study: &Study,
    id: &str,
    veterinary: bool,
    words: &StatisticWords,
    stub: impl FnOnce(&mut Rng) -> String,
    caption: String,
    layout: Layout,
) -> SynthTable {
    let g = &study.groups[0];
    let params = some_params(rng, study);
    let tissue = study.matrix.ends_with("tissue");
    let with_cv = rng.chance(0.5);
    let min_max = rng.chance(0.5);
    let with_n = rng.chance(0.6);
    let mut header = vec![stub(rng)];
    let mut columns = Vec::new();
    for p in &params {
        let xs: Vec<f64> = g.subjects.iter().map(|s| p.of(s, study.per_kg)).collect();
        let unit = unit_for(rng, *p, study, &xs);
        header.push(label(rng, *p, study, &unit));
        columns.push((xs.iter().map(|x| x * unit.factor).collect::<Vec<f64>>(), unit));
    }
    let mut lines: Vec<&str> = vec![words.mean, words.sd];
    if with_cv {
        lines.push(words.cv);
    }
    lines.push(words.median);
    if min_max {
        lines.extend([words.min, words.max]);
    } else {
        lines.push(words.range);
    }
    if with_n {
        lines.push("n");
    }
    let comma = words.comma;
    let mut body: Vec<Vec<String>> = lines.iter().map(|l| vec![(*l).to_owned()]).collect();
    let mut numbers: Vec<(f64, f64, f64, f64, f64)> = Vec::new();
    for (xs, _) in &columns {
        let (mean, sd) = mean_sd(xs);
        let mut sorted = xs.clone();
        sorted.sort_by(f64::total_cmp);
        let median = quantile(&sorted, 0.5);
        let d = decimals_for(mean, 4);
        let (mean, sd, median) = (printed_value(mean, d), printed_value(sd, d.max(1)), printed_value(median, d));
        let (lo, hi) = (printed_value(sorted[0], d), printed_value(sorted[sorted.len() - 1], d));
        for (k, line) in lines.iter().enumerate() {
            let text = match *line {
                l if l == words.mean => number(mean, d, comma),
                l if l == words.sd => number(sd, d.max(1), comma),
                l if l == words.cv => number(100.0 * sd / mean.max(f64::MIN_POSITIVE), 1, comma),
                l if l == words.median => number(median, d, comma),
                l if l == words.min => number(lo, d, comma),
                l if l == words.max => number(hi, d, comma),
                l if l == words.range => format!("{}–{}", number(lo, d, comma), number(hi, d, comma)),
                _ => format!("{}", xs.len()),
            };
            body[k].push(text);
        }
        numbers.push((mean, sd, median, lo, hi));
    }
    let table = assemble(id, caption, vec![header], body);
    let row_of = |name: &str| lines.iter().position(|l| *l == name).expect("invariant: the line is printed");
    let mut records = Vec::new();
    for (k, p) in params.iter().enumerate() {
        let (mean, sd, median, lo, hi) = numbers[k];
        let unit = &columns[k].1;
        let family = p.family(study.per_kg, tissue);
        let raw = table.header_path(k + 1).join(" / ");
        let code = p.code(g.route);
        let n = with_n.then_some(g.subjects.len() as u32);
        let mut m = gold(
            &table,
            row_of(words.mean),
            k + 1,
            &raw,
            code,
            mean,
            Statistic::Mean,
            unit,
            family,
            base_context(study),
        );
        m.dispersion = Some(Dispersion { kind: "SD".to_owned(), value: sd });
        m.n = n;
        let mut md = gold(
            &table,
            row_of(words.median),
            k + 1,
            &raw,
            code,
            median,
            Statistic::Median,
            unit,
            family,
            base_context(study),
        );
        md.interval = Some(Interval { kind: "range".to_owned(), low: lo, high: hi });
        md.n = n;
        records.extend([m, md]);
    }
    finish(study, table, layout, veterinary, records)
}

/// A concentration of `nca`'s subject at time `t` (h), mg/L: a rise to `cmax` at `tmax`
/// for extravascular routes, then the terminal decline; an exponential decline from
/// `dose / vz` after an intravenous bolus.
pub(crate) fn concentration(nca: &Nca, route: Route, t: f64) -> f64 {
    if route.extravascular() {
        if t <= nca.tmax {
            nca.cmax * (t / nca.tmax) * (1.0 - t / nca.tmax).exp()
        } else {
            nca.cmax * (-nca.lambda_z * (t - nca.tmax)).exp()
        }
    } else {
        (nca.dose / nca.vz.max(f64::MIN_POSITIVE)) * (-nca.lambda_z * t).exp()
    }
}

/// What a per-subject table calls its subjects: animals (dogs, birds, pools of birds), or
/// patients, subjects or IDs.
fn subject_word(rng: &mut Rng, study: &Study) -> &'static str {
    // Poultry sampled by pools of birds (the experimental units residue studies report),
    // dogs by their species' word.
    let words: &[&'static str] = match study.species.name {
        "chicken" => &["Animal", "Bird", "Pool"],
        "dog" => &["Animal", "Dog"],
        _ if study.species.animal => &["Animal"],
        _ => &[],
    };
    match words {
        [] => {}
        [one] => return one,
        _ => {
            let word: &&'static str = rng.pick(words);
            return word;
        }
    }
    let word: &&'static str = rng.pick(&["Patient", "Subject", "ID"]);
    word
}

/// A subject's dose (mg), body weight (kg) and age (years) as a per-subject table prints
/// them: covariates, no PK result.
fn dose_cell(s: &Nca) -> String {
    number(s.dose, decimals_for(s.dose, 2), false)
}

pub(crate) fn weight_cell(s: &Nca) -> String {
    number(s.body_weight, 1, false)
}

fn age_cell(rng: &mut Rng) -> String {
    format!("{}", 19 + rng.below(45))
}

/// Each subject's concentration at each sampling time, as a table prints it.
struct Sampled {
    /// At most six times of the schedule, h.
    times: Vec<f64>,
    /// The unit, chosen for a quarter of the subjects' typical peak.
    unit: UnitChoice,
    /// Per subject, per time: the printed cell and its value (`<LLOQ` below a thousandth
    /// of the typical peak, no value).
    values: Vec<Vec<(String, Option<f64>)>>,
}

/// `subjects`' concentrations after `route` at up to six of their sampling times.
fn sampled(rng: &mut Rng, subjects: &[Nca], route: Route, human: bool) -> Sampled {
    let n = subjects.len().max(1) as f64;
    let half_life = subjects.iter().map(|s| s.half_life).sum::<f64>() / n;
    let mut times: Vec<f64> = crate::pk::sampling_times(half_life, route.extravascular());
    while times.len() > 6 {
        let k = 1 + rng.below(times.len() - 1);
        times.remove(k);
    }
    let typical = subjects.iter().map(|s| s.cmax.max(s.dose / s.vz.max(1e-9))).sum::<f64>() / n;
    let unit = choose_unit(rng, Quantity::Concentration, typical / 4.0, human);
    let values = subjects
        .iter()
        .map(|s| {
            times
                .iter()
                .map(|&t| {
                    let c = concentration(s, route, t) * unit.factor;
                    if c < typical * unit.factor * 0.001 {
                        ("<LLOQ".to_owned(), None)
                    } else {
                        let d = decimals_for(c, 3);
                        (number(c, d, false), Some(printed_value(c, d)))
                    }
                })
                .collect()
        })
        .collect();
    Sampled { times, unit, values }
}

/// A sampling time as a header prints it (`0.25`, `1.5`, `24`).
fn time_text(t: f64) -> String {
    let d = if t < 1.0 {
        2
    } else if t.fract() == 0.0 {
        0
    } else {
        1
    };
    number(t, d, false)
}

/// A time of day `hours` after midnight as tables print it: `08:30`.
fn clock_time(hours: f64) -> String {
    let minutes = (hours * 60.0).round() as u32;
    format!("{:02}:{:02}", (minutes / 60) % 24, minutes % 60)
}

/// Subjects by sampling times (or the transpose), individual concentrations.
pub(crate) fn concentration_time(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    let g = &study.groups[0];
    let human = !study.species.animal;
    let Sampled { times, unit, values } = sampled(rng, &g.subjects, g.route, human);
    let subject_word = subject_word(rng, study);
    let transpose = rng.chance(0.35);
    let summary = rng.chance(0.5);
    // Subjects down: their covariates may come first, one column each (dose, body weight,
    // age), values that are no PK result.
    let covariates: Vec<(&str, Vec<String>)> = if transpose || !rng.chance(0.4) {
        Vec::new()
    } else {
        let mut all: Vec<(&str, Vec<String>)> = vec![
            ("Dose (mg)", g.subjects.iter().map(dose_cell).collect()),
            ("Weight (kg)", g.subjects.iter().map(weight_cell).collect()),
        ];
        if human {
            all.push(("Age (years)", g.subjects.iter().map(|_| age_cell(rng)).collect()));
        }
        let mut kept = Vec::new();
        for _ in 0..1 + rng.below(2) {
            kept.push(all.remove(rng.below(all.len())));
        }
        kept
    };
    let skip = covariates.len();
    let time_word = *rng.pick(&["Time after dose (h)", "Sampling time (h)", "Time (h)"]);
    // Sampling times by the clock (`08:30`, passing midnight where the sampling runs into
    // the next day), the time since the 08:00 dose in brackets below each (`(0.5 h)`).
    let clock = !transpose && covariates.is_empty() && rng.chance(0.4);
    // Times down printed by the clock alone (`Clock time` over `08:30 | 12:00 | 08:00 (day
    // 2)`), the dose's clock time in the caption.
    let clock_down = transpose && rng.chance(0.3);
    let t_text = time_text;
    // Subjects down are numbered (`3`), coded (`S-03`) or lettered (`C`), as papers print
    // them under the subjects' header.
    let ids: Vec<String> = {
        let n = g.subjects.len();
        let style = if transpose { 0 } else { rng.below(if n <= 26 { 3 } else { 2 }) };
        (0..n)
            .map(|k| match style {
                1 => format!("S-{:02}", k + 1),
                2 => char::from(b'A' + k as u8).to_string(),
                _ => format!("{}", k + 1),
            })
            .collect()
    };
    let caption = format!(
        "Table {index}. {} concentrations ({}) of {} in {} after {} administration of {}.{}",
        capitalise(study.matrix),
        unit.text,
        study.drug.name,
        study.population.unwrap_or(study.subjects_word),
        route_word(g.route),
        g.dose_text,
        if clock || clock_down { " The dose was given at 08:00." } else { "" }
    );
    let mut records = Vec::new();
    let family = Some(Family::Concentration);
    /// A subject's and time's cell, (row, column).
    type CellOf = Box<dyn Fn(usize, usize) -> (usize, usize)>;
    // Subjects across are named by their word and number (`Animal 3`), or coded under their
    // word spanning them (`Animal` over `A1 | A2 | A3`: a capital and digits).
    let coded_across = transpose && rng.chance(0.3);
    let across_id = |k: usize| {
        if coded_across {
            format!("{}{k}", subject_word.chars().next().unwrap_or('S'))
        } else {
            format!("{subject_word} {k}")
        }
    };
    let time_word = if clock_down { "Clock time" } else { time_word };
    let (header, body, cell_of): (Vec<Vec<String>>, Vec<Vec<String>>, CellOf) = if transpose {
        let mut header = vec![time_word.to_owned()];
        header.extend((1..=g.subjects.len()).map(across_id));
        let header = if coded_across {
            let mut top = vec![time_word.to_owned()];
            top.extend(std::iter::repeat_n(subject_word.to_owned(), g.subjects.len()));
            vec![top, header]
        } else {
            vec![header]
        };
        let body: Vec<Vec<String>> = times
            .iter()
            .enumerate()
            .map(|(j, &t)| {
                let label = if clock_down {
                    // The day printed beside the clock once the sampling runs past the
                    // dose's day.
                    let day = ((8.0 + t) / 24.0).floor() as u32 + 1;
                    let clock = clock_time(8.0 + t);
                    if day > 1 { format!("{clock} (day {day})") } else { clock }
                } else {
                    t_text(t)
                };
                let mut row = vec![label];
                row.extend(values.iter().map(|v| v[j].0.clone()));
                row
            })
            .collect();
        (header, body, Box::new(|s, j| (j, s + 1)))
    } else {
        let names = || covariates.iter().map(|(name, _)| (*name).to_owned());
        let top: Vec<String> = std::iter::once(subject_word.to_owned())
            .chain(names())
            .chain(times.iter().map(|&t| if clock { clock_time(8.0 + t) } else { time_word.to_owned() }))
            .collect();
        let second: Vec<String> = std::iter::once(subject_word.to_owned())
            .chain(names())
            .chain(times.iter().map(|&t| if clock { format!("({} h)", t_text(t)) } else { t_text(t) }))
            .collect();
        let mut body: Vec<Vec<String>> = values
            .iter()
            .enumerate()
            .map(|(k, v)| {
                std::iter::once(ids[k].clone())
                    .chain(covariates.iter().map(|(_, column)| column[k].clone()))
                    .chain(v.iter().map(|(t, _)| t.clone()))
                    .collect()
            })
            .collect();
        if summary {
            for name in ["Mean", "SD"] {
                let mut row = vec![name.to_owned()];
                row.extend(std::iter::repeat_n(String::new(), skip));
                for j in 0..times.len() {
                    let xs: Vec<f64> = values.iter().filter_map(|v| v[j].1).collect();
                    let n = xs.len() as f64;
                    let mean = xs.iter().sum::<f64>() / n.max(1.0);
                    let sd = (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0)).sqrt();
                    let d = decimals_for(mean, 3);
                    row.push(if xs.len() < 2 {
                        "NA".to_owned()
                    } else if name == "Mean" {
                        number(mean, d, false)
                    } else {
                        number(sd, d, false)
                    });
                }
                body.push(row);
            }
        }
        (vec![top, second], body, Box::new(move |s, j| (s, j + 1 + skip)))
    };
    let table = assemble(id, caption, header, body);
    for (s, row) in values.iter().enumerate() {
        for (j, (_, value)) in row.iter().enumerate() {
            let Some(v) = value else { continue };
            let (r, c) = cell_of(s, j);
            let raw = if transpose { table.body_rows[r][0].clone() } else { table.header_path(c).join(" / ") };
            let mut context = base_context(study);
            context.subject = Some(if transpose { across_id(s + 1) } else { ids[s].clone() });
            context.time = Some(format!("{} h", t_text(times[j])));
            records.push(gold(&table, r, c, &raw, "CONC", *v, Statistic::Individual, &unit, family, context));
        }
    }
    if summary && !transpose {
        let mean_row = g.subjects.len();
        for (j, &t) in times.iter().enumerate() {
            let col = j + 1 + skip;
            let Some(v) = table.body_rows[mean_row][col].parse::<f64>().ok() else { continue };
            let sd = table.body_rows[mean_row + 1][col].parse::<f64>().ok();
            let mut context = base_context(study);
            context.time = Some(format!("{} h", t_text(t)));
            let raw = table.header_path(col).join(" / ");
            let mut r = gold(&table, mean_row, col, &raw, "CONC", v, Statistic::Mean, &unit, family, context);
            r.dispersion = sd.map(|value| Dispersion { kind: "SD".to_owned(), value });
            records.push(r);
        }
    }
    finish(study, table, Layout::ConcentrationTime, veterinary, records)
}

/// The concentration unit and the subjects' word of a table of the first group's subjects
/// down and specimens or analytes across.
fn subject_columns(rng: &mut Rng, study: &Study) -> (UnitChoice, &'static str) {
    let g = &study.groups[0];
    let human = !study.species.animal;
    let typical = g.subjects.iter().map(|s| s.cmax.max(s.dose / s.vz.max(1e-9))).sum::<f64>() / g.subjects.len() as f64;
    let unit = choose_unit(rng, Quantity::Concentration, typical, human);
    let subject_word = if human { *rng.pick(&["Patient", "Subject", "Participant"]) } else { "Animal" };
    (unit, subject_word)
}

/// A subject's gold ratio (of specimens or analytes) at (`row`, `col`): no unit.
fn ratio_gold(table: &Table, row: usize, col: usize, raw: &str, code: &str, value: f64, context: Context) -> Record {
    let none = UnitChoice { text: "", factor: 1.0 };
    let mut r = gold(table, row, col, raw, code, value, Statistic::Individual, &none, None, context);
    r.unit_raw = None;
    r
}

/// Subjects by two specimen columns and their ratio: milk and plasma in lactation studies
/// (`M/P ratio`), cord and maternal blood at delivery (`Cord/maternal ratio`), CSF and
/// plasma (`CSF/plasma ratio`).
pub(crate) fn specimen_columns(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    let g = &study.groups[0];
    let human = !study.species.animal;
    let (unit, subject_word) = subject_columns(rng, study);
    // (first specimen's header and matrix, second's, the ratio's header and code, the
    // first specimen's ratio range, the caption's words).
    let (first, second, ratio_word, code, (lo, hi), what) = if study.matrix == "milk" {
        let plasma = *rng.pick(&["Plasma", "Maternal plasma", "Serum"]);
        let plasma_matrix = if plasma == "Serum" { "serum" } else { "plasma" };
        (
            ("Milk", "milk"),
            (plasma, plasma_matrix),
            *rng.pick(&["M/P ratio", "Milk/plasma ratio", "Milk-to-plasma ratio"]),
            "MPRATIO",
            (0.2, 2.7),
            "Milk and plasma concentrations",
        )
    } else if human && rng.chance(0.6) {
        (
            ("Cord blood", "cord blood"),
            ("Maternal plasma", "plasma"),
            *rng.pick(&["Cord/maternal ratio", "Cord-to-maternal ratio", "UV/MV ratio"]),
            "FMRATIO",
            (0.3, 1.4),
            "Cord and maternal concentrations at delivery",
        )
    } else {
        (
            ("CSF", "cerebrospinal fluid"),
            ("Plasma", "plasma"),
            *rng.pick(&["CSF/plasma ratio", "CSF-to-plasma ratio"]),
            "CSFPRATIO",
            (0.05, 0.6),
            "Cerebrospinal fluid and plasma concentrations",
        )
    };
    let header = vec![
        subject_word.to_owned(),
        format!("{} ({})", first.0, unit.text),
        format!("{} ({})", second.0, unit.text),
        ratio_word.to_owned(),
    ];
    let mut body = Vec::new();
    let mut numbers = Vec::new();
    for (k, s) in g.subjects.iter().enumerate() {
        let reference = s.cmax.max(s.dose / s.vz.max(1e-9)) * unit.factor;
        let ratio = lo + (hi - lo) * rng.f64();
        let specimen = reference * ratio;
        let (ds, dr) = (decimals_for(specimen, 3), decimals_for(reference, 3));
        let (specimen, reference) = (printed_value(specimen, ds), printed_value(reference, dr));
        let ratio = printed_value(specimen / reference.max(f64::MIN_POSITIVE), 2);
        body.push(vec![
            format!("{}", k + 1),
            number(specimen, ds, false),
            number(reference, dr, false),
            number(ratio, 2, false),
        ]);
        numbers.push((specimen, reference, ratio));
    }
    let caption = caption(study, index, what);
    let table = assemble(id, caption, vec![header], body);
    let mut records = Vec::new();
    let family = Some(Family::Concentration);
    let raw = |c: usize| table.header_path(c).join(" / ");
    for (k, (specimen, reference, ratio)) in numbers.into_iter().enumerate() {
        let subject = Some(format!("{}", k + 1));
        let with =
            |matrix: &str| Context { matrix: Some(matrix.to_owned()), subject: subject.clone(), ..base_context(study) };
        records.push(gold(
            &table,
            k,
            1,
            &raw(1),
            "CONC",
            specimen,
            Statistic::Individual,
            &unit,
            family,
            with(first.1),
        ));
        records.push(gold(
            &table,
            k,
            2,
            &raw(2),
            "CONC",
            reference,
            Statistic::Individual,
            &unit,
            family,
            with(second.1),
        ));
        records.push(ratio_gold(&table, k, 3, &raw(3), code, ratio, with(first.1)));
    }
    finish(study, table, Layout::SpecimenColumns, veterinary, records)
}

/// Subjects down, the parent drug's and a metabolite's concentrations in the study's matrix
/// and their metabolic ratio (metabolite to parent, `MRATIO`), as phenotyping and
/// therapeutic drug monitoring tables print them: the metabolite named by its nomenclature
/// (`O-desmethyl` + the parent's name), the ratio headed in words or by abbreviations the
/// footnote defines (`ODV/V` with "V, venlafaxine; ODV, O-desmethylvenlafaxine").
fn metabolite_columns(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    let g = &study.groups[0];
    let (unit, subject_word) = subject_columns(rng, study);
    let (prefix, short) =
        *rng.pick(&[("N-desmethyl", "ND"), ("O-desmethyl", "OD"), ("4-hydroxy", "OH-"), ("desacetyl", "DA")]);
    let drug = study.drug.name;
    let metabolite = format!("{prefix}{drug}");
    // Three letters: a single one is often a unit or a parameter too (`G`, `F`, `V`).
    let initial: String = drug.chars().take(3).collect::<String>().to_ascii_uppercase();
    let abbreviated = rng.chance(0.5);
    let (parent_label, metabolite_label, ratio_label, footnote) = if abbreviated {
        let m = format!("{short}{initial}");
        (
            initial.clone(),
            m.clone(),
            format!("{m}/{initial}{}", if rng.chance(0.5) { " ratio" } else { "" }),
            Some(format!("{initial}, {drug}; {m}, {metabolite}.")),
        )
    } else {
        let mut name = drug.to_owned();
        name[..1].make_ascii_uppercase();
        let ratio = *rng.pick(&["Metabolite/parent ratio", "Metabolite-to-parent ratio", "Metabolic ratio"]);
        (name, metabolite.clone(), ratio.to_owned(), None)
    };
    let header = vec![
        subject_word.to_owned(),
        format!("{parent_label} ({})", unit.text),
        format!("{metabolite_label} ({})", unit.text),
        ratio_label,
    ];
    let mut body = Vec::new();
    let mut numbers = Vec::new();
    for (k, s) in g.subjects.iter().enumerate() {
        let parent = s.cmax.max(s.dose / s.vz.max(1e-9)) * unit.factor * (0.3 + 0.4 * rng.f64());
        let ratio = 0.2 + 3.0 * rng.f64();
        let (dp, dm) = (decimals_for(parent, 3), decimals_for(parent * ratio, 3));
        let parent = printed_value(parent, dp);
        let formed = printed_value(parent * ratio, dm);
        let ratio = printed_value(formed / parent.max(f64::MIN_POSITIVE), 2);
        body.push(vec![
            format!("{}", k + 1),
            number(parent, dp, false),
            number(formed, dm, false),
            number(ratio, 2, false),
        ]);
        numbers.push((parent, formed, ratio));
    }
    let mut table = assemble(id, caption(study, index, "Parent and metabolite concentrations"), vec![header], body);
    table.footnote = footnote;
    let mut records = Vec::new();
    let family = Some(Family::Concentration);
    let raw = |c: usize| table.header_path(c).join(" / ");
    for (k, (parent, formed, ratio)) in numbers.into_iter().enumerate() {
        let subject = Some(format!("{}", k + 1));
        let of = |analyte: &str| Context {
            analyte: Some(analyte.to_owned()),
            subject: subject.clone(),
            ..base_context(study)
        };
        let conc = |col: usize, value: f64, analyte: &str| {
            gold(&table, k, col, &raw(col), "CONC", value, Statistic::Individual, &unit, family, of(analyte))
        };
        records.push(conc(1, parent, drug));
        records.push(conc(2, formed, &metabolite));
        records.push(ratio_gold(&table, k, 3, &raw(3), "MRATIO", ratio, of(&metabolite)));
    }
    finish(study, table, Layout::SpecimenColumns, veterinary, records)
}

/// Parameters as rows, spreads in brackets, nothing declared: the gold is `unknown`.
pub(crate) fn undeclared(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    let g = &study.groups[0];
    let params = some_params(rng, study);
    let tissue = study.matrix.ends_with("tissue");
    let interval = rng.chance(0.5);
    let mut body = Vec::new();
    let mut rows = Vec::new();
    for p in &params {
        let xs: Vec<f64> = g.subjects.iter().map(|s| p.of(s, study.per_kg)).collect();
        let unit = unit_for(rng, *p, study, &xs);
        let xs: Vec<f64> = xs.iter().map(|x| x * unit.factor).collect();
        let (mean, sd) = mean_sd(&xs);
        let d = decimals_for(mean, 4);
        let mut sorted = xs.clone();
        sorted.sort_by(f64::total_cmp);
        let (centre, text, spread) = if interval {
            let median = printed_value(quantile(&sorted, 0.5), d);
            let (lo, hi) = (printed_value(sorted[0], d), printed_value(sorted[sorted.len() - 1], d));
            (
                median,
                format!("{} ({}–{})", number(median, d, false), number(lo, d, false), number(hi, d, false)),
                (lo, hi),
            )
        } else {
            let (m, s) = (printed_value(mean, d), printed_value(sd, d.max(1)));
            (m, format!("{} ({})", number(m, d, false), number(s, d.max(1), false)), (s, s))
        };
        body.push(vec![label(rng, *p, study, &unit), text]);
        rows.push((*p, unit, centre, spread));
    }
    let header = vec![vec!["Parameter".to_owned(), (*rng.pick(&["Value", "Result", "Estimate"])).to_owned()]];
    let caption = caption(study, index, "Pharmacokinetic parameters");
    let table = assemble(id, caption, header, body);
    let mut records = Vec::new();
    for (k, (p, unit, centre, (a, b))) in rows.iter().enumerate() {
        let family = p.family(study.per_kg, tissue);
        let raw = table.body_rows[k][0].clone();
        let mut r =
            gold(&table, k, 1, &raw, p.code(g.route), *centre, Statistic::Unknown, unit, family, base_context(study));
        if interval {
            r.interval = Some(Interval { kind: UNKNOWN_KIND.to_owned(), low: *a, high: *b });
        } else {
            r.dispersion = Some(Dispersion { kind: UNKNOWN_KIND.to_owned(), value: *a });
        }
        records.push(r);
    }
    finish(study, table, Layout::Undeclared, veterinary, records)
}

/// Characteristics of the study's subjects, which are no PK result: a summary of the
/// first group, each subject's own (one row per subject, covariates across), or each
/// group's with the P value of their comparison.
pub(crate) fn not_pk(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    let table = match rng.below(3) {
        0 => characteristics_summary(rng, study, id, index),
        1 if study.groups[0].subjects.len() <= 16 => characteristics_per_subject(rng, study, id, index),
        _ if study.groups.len() >= 2 => characteristics_by_group(rng, study, id, index),
        _ => characteristics_summary(rng, study, id, index),
    };
    finish(study, table, Layout::NotPk, veterinary, Vec::new())
}

/// One row per subject of the first group, its covariates across (age, body weight,
/// height, dose): values that are not PK results, in the shape of a per-subject table.
fn characteristics_per_subject(rng: &mut Rng, study: &Study, id: &str, index: u32) -> Table {
    let g = &study.groups[0];
    let human = !study.species.animal;
    let mut header = vec![subject_word(rng, study).to_owned()];
    if human {
        header.extend(["Age (years)".to_owned(), "Weight (kg)".to_owned(), "Height (cm)".to_owned()]);
    } else {
        header.push("Weight (kg)".to_owned());
    }
    header.push("Dose (mg)".to_owned());
    let body = g
        .subjects
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let mut row = vec![format!("{}", k + 1)];
            if human {
                row.push(age_cell(rng));
                row.push(weight_cell(s));
                row.push(format!("{}", 150 + rng.below(40)));
            } else {
                row.push(weight_cell(s));
            }
            row.push(dose_cell(s));
            row
        })
        .collect();
    let caption = format!(
        "Table {index}. {} of the {} (n = {}).",
        rng.pick(&["Individual characteristics", "Characteristics of each subject", "Demographic data"]),
        study.subjects_word,
        g.subjects.len()
    );
    assemble(id, caption, vec![header], body)
}

/// Each group's characteristics (mean ± SD) and the P value of the comparison.
fn characteristics_by_group(rng: &mut Rng, study: &Study, id: &str, index: u32) -> Table {
    let mut header = vec!["Characteristic".to_owned()];
    header.extend(study.groups.iter().map(|g| g.label.clone()));
    header.push("P value".to_owned());
    let p = |rng: &mut Rng| format!("0.{:02}", 5 + rng.below(90));
    let mut body = Vec::new();
    let mut row = vec!["Weight (kg)".to_owned()];
    for g in &study.groups {
        let w = g.subjects.iter().map(|s| s.body_weight).sum::<f64>() / g.subjects.len() as f64;
        row.push(format!("{} ± {}", number(w, 1, false), number(w * 0.12, 1, false)));
    }
    row.push(p(rng));
    body.push(row);
    if !study.species.animal {
        let mut age = vec!["Age (years)".to_owned()];
        let mut sex = vec!["Sex (M/F)".to_owned()];
        for g in &study.groups {
            let n = g.subjects.len();
            age.push(format!("{} ± {}", 30 + rng.below(25), 5 + rng.below(8)));
            let m = rng.below(n + 1);
            sex.push(format!("{m}/{}", n - m));
        }
        age.push(p(rng));
        sex.push(p(rng));
        body.insert(0, age);
        body.push(sex);
    }
    let caption = format!(
        "Table {index}. {} characteristics of the {} by group.",
        rng.pick(&["Baseline", "Demographic", "Clinical"]),
        study.subjects_word
    );
    assemble(id, caption, vec![header], body)
}

/// Baseline characteristics of the first group: a summary column.
fn characteristics_summary(rng: &mut Rng, study: &Study, id: &str, index: u32) -> Table {
    let g = &study.groups[0];
    let n = g.subjects.len();
    let weight = g.subjects.iter().map(|s| s.body_weight).sum::<f64>() / n as f64;
    let mut body = vec![
        vec!["Weight (kg)".to_owned(), format!("{weight:.1} ± {:.1}", weight * 0.15)],
        vec![format!("n"), format!("{n}")],
    ];
    if !study.species.animal {
        body.insert(
            0,
            vec![
                "Age (years)".to_owned(),
                format!("{} ({}–{})", 30 + rng.below(20), 18 + rng.below(5), 55 + rng.below(20)),
            ],
        );
        body.push(vec![
            "Creatinine clearance (mL/min)".to_owned(),
            format!("{} ± {}", 90 + rng.below(30), 10 + rng.below(15)),
        ]);
    }
    let header = vec![vec!["Characteristic".to_owned(), format!("All (n = {n})")]];
    let caption = format!("Table {index}. Baseline characteristics of the {}.", study.subjects_word);
    assemble(id, caption, header, body)
}
