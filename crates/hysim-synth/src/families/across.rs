//! Parameters spanning the columns beneath them: statistics (`Cmax (ng/mL)` over `Mean |
//! SD`, groups down: [`statistics_under_parameters`]) or conditions of the same subjects
//! (`Cmax (ng/mL)` over `Test | Reference`, one row per subject with a summary row below:
//! [`conditions_per_subject`]).

use hysim_core::{Dispersion, Interval, Record, Statistic};

use super::{
    assemble, base_context, caption, finish, gold, label, label_across, mean_sd, params_across_routes, some_params,
    unit_for,
};
use crate::format::{UnitChoice, decimals_for, number, printed_value};
use crate::render::{Layout, Param, SynthTable, quantile};
use crate::rng::Rng;
use crate::study::Study;

/// A parameter's printed unit and each group's (or condition's) values in it.
struct Column {
    param: Param,
    unit: UnitChoice,
    label: String,
}

/// Groups down, each parameter spanning its statistics (`Mean | SD`, or `Median |
/// Range`): one gold record per group and parameter, its spread from the next column.
pub(crate) fn statistics_under_parameters(
    rng: &mut Rng,
    study: &Study,
    id: &str,
    index: u32,
    veterinary: bool,
) -> SynthTable {
    let tissue = study.matrix.ends_with("tissue");
    let median = rng.chance(0.3);
    let params = params_across_routes(rng, study);
    let columns: Vec<Column> = params
        .iter()
        .map(|p| {
            let xs: Vec<f64> =
                study.groups.iter().flat_map(|g| g.subjects.iter().map(|s| p.of(s, study.per_kg))).collect();
            let unit = unit_for(rng, *p, study, &xs);
            let label = label_across(rng, *p, study, &unit);
            Column { param: *p, unit, label }
        })
        .collect();
    let stats: [&str; 2] = if median { ["Median", "Range"] } else { ["Mean", *rng.pick(&["SD", "SD", "SEM"])] };
    let stub = (*rng.pick(&["Group", "", "Dose"])).to_owned();
    let mut top = vec![stub.clone()];
    let mut second = vec![stub];
    for c in &columns {
        top.extend([c.label.clone(), c.label.clone()]);
        second.extend(stats.iter().map(|s| (*s).to_owned()));
    }
    let mut body = Vec::new();
    // (row, column, parameter, group, value, dispersion, interval) of each gold cell.
    type Cell = (usize, usize, usize, usize, f64, Option<Dispersion>, Option<Interval>);
    let mut cells: Vec<Cell> = Vec::new();
    for (gi, g) in study.groups.iter().enumerate() {
        let mut row = vec![g.label.clone()];
        for (k, c) in columns.iter().enumerate() {
            if !c.param.applies(g.route) {
                row.extend(["–".to_owned(), "–".to_owned()]);
                continue;
            }
            let xs: Vec<f64> = g.subjects.iter().map(|s| c.param.of(s, study.per_kg) * c.unit.factor).collect();
            let col = 1 + 2 * k;
            if median {
                let mut sorted = xs.clone();
                sorted.sort_by(f64::total_cmp);
                let d = decimals_for(quantile(&sorted, 0.5), 4);
                let (m, lo, hi) = (
                    printed_value(quantile(&sorted, 0.5), d),
                    printed_value(sorted[0], d),
                    printed_value(sorted[sorted.len() - 1], d),
                );
                row.push(number(m, d, false));
                row.push(format!("{}–{}", number(lo, d, false), number(hi, d, false)));
                cells.push((
                    body.len(),
                    col,
                    k,
                    gi,
                    m,
                    None,
                    Some(Interval { kind: "range".to_owned(), low: lo, high: hi }),
                ));
            } else {
                let (mean, sd) = mean_sd(&xs);
                let spread = if stats[1] == "SEM" { sd / (xs.len() as f64).sqrt() } else { sd };
                let d = decimals_for(mean, 4);
                let (m, s) = (printed_value(mean, d), printed_value(spread, d.max(1)));
                row.push(number(m, d, false));
                row.push(number(s, d.max(1), false));
                let kind = if stats[1] == "SEM" { "SE" } else { "SD" };
                cells.push((body.len(), col, k, gi, m, Some(Dispersion { kind: kind.to_owned(), value: s }), None));
            }
        }
        body.push(row);
    }
    let table = assemble(id, caption(study, index, "Pharmacokinetic parameters"), vec![top, second], body);
    let statistic = if median { Statistic::Median } else { Statistic::Mean };
    let records: Vec<Record> = cells
        .into_iter()
        .map(|(row, col, k, gi, value, dispersion, interval)| {
            let c = &columns[k];
            let g = &study.groups[gi];
            let mut context = base_context(study);
            context.dose = Some(g.dose_text.clone());
            context.route = Some(g.route.code().to_owned());
            context.group = Some(g.label.clone());
            let mut r = gold(
                &table,
                row,
                col,
                &c.label,
                c.param.code(g.route),
                value,
                statistic,
                &c.unit,
                c.param.family(study.per_kg, tissue),
                context,
            );
            r.dispersion = dispersion;
            r.interval = interval;
            r.n = Some(g.subjects.len() as u32);
            r
        })
        .collect();
    finish(study, table, Layout::StatisticsUnderParameters, veterinary, records)
}

/// Subjects down, each parameter spanning two conditions of the same subjects (`Cmax
/// (ng/mL)` over `Test | Reference`, or `Fasted | Fed`), and a `Mean` or `Geometric mean`
/// row below: individual gold records with their subject and condition, and the summary.
pub(crate) fn conditions_per_subject(
    rng: &mut Rng,
    study: &Study,
    id: &str,
    index: u32,
    veterinary: bool,
) -> SynthTable {
    let g = &study.groups[0];
    let tissue = study.matrix.ends_with("tissue");
    let arms: [&str; 2] = *rng.pick(&[["Test", "Reference"], ["Fasted", "Fed"], ["Period 1", "Period 2"]]);
    let mut params = some_params(rng, study);
    params.retain(|p| *p != Param::Tmax);
    if params.is_empty() {
        params.push(Param::AucInf);
    }
    let columns: Vec<Column> = params
        .iter()
        .map(|p| {
            let xs: Vec<f64> = g.subjects.iter().map(|s| p.of(s, study.per_kg)).collect();
            let unit = unit_for(rng, *p, study, &xs);
            let label = label(rng, *p, study, &unit);
            Column { param: *p, unit, label }
        })
        .collect();
    // Each subject's value in both conditions (the second with scatter of its own).
    let values: Vec<[Vec<f64>; 2]> = columns
        .iter()
        .map(|c| {
            let first: Vec<f64> = g.subjects.iter().map(|s| c.param.of(s, study.per_kg) * c.unit.factor).collect();
            let second: Vec<f64> = first.iter().map(|x| x * (0.15 * rng.normal()).exp()).collect();
            [first, second]
        })
        .collect();
    let geometric = rng.chance(0.5);
    let subject_word = *rng.pick(&["Subject", "Volunteer", "ID"]);
    let mut top = vec![subject_word.to_owned()];
    let mut second = vec![subject_word.to_owned()];
    for c in &columns {
        top.extend([c.label.clone(), c.label.clone()]);
        second.extend(arms.iter().map(|a| (*a).to_owned()));
    }
    let mut body = Vec::new();
    let mut cells: Vec<(usize, usize, usize, usize, f64, Option<String>)> = Vec::new();
    for (s, _) in g.subjects.iter().enumerate() {
        let subject = format!("{}", s + 1);
        let mut row = vec![subject.clone()];
        for (k, pair) in values.iter().enumerate() {
            for (a, xs) in pair.iter().enumerate() {
                let x = xs[s];
                let d = decimals_for(x, 4);
                row.push(number(x, d, false));
                cells.push((body.len(), 1 + 2 * k + a, k, a, printed_value(x, d), Some(subject.clone())));
            }
        }
        body.push(row);
    }
    let mut summary = vec![(if geometric { "Geometric mean" } else { "Mean" }).to_owned()];
    for (k, pair) in values.iter().enumerate() {
        for (a, xs) in pair.iter().enumerate() {
            let centre = if geometric {
                (xs.iter().map(|x| x.max(1e-300).ln()).sum::<f64>() / xs.len() as f64).exp()
            } else {
                xs.iter().sum::<f64>() / xs.len() as f64
            };
            let d = decimals_for(centre, 4);
            summary.push(number(centre, d, false));
            cells.push((body.len(), 1 + 2 * k + a, k, a, printed_value(centre, d), None));
        }
    }
    body.push(summary);
    let what = format!("Individual pharmacokinetic parameters ({} and {})", arms[0], arms[1]);
    let table = assemble(id, caption(study, index, &what), vec![top, second], body);
    let records: Vec<Record> = cells
        .into_iter()
        .map(|(row, col, k, a, value, subject)| {
            let c = &columns[k];
            let mut context = base_context(study);
            context.group = Some(arms[a].to_owned());
            let statistic = match (&subject, geometric) {
                (Some(_), _) => Statistic::Individual,
                (None, true) => Statistic::GeometricMean,
                (None, false) => Statistic::Mean,
            };
            let individual = subject.is_some();
            context.subject = subject;
            let raw = format!("{} / {}", c.label, arms[a]);
            let mut r = gold(
                &table,
                row,
                col,
                &raw,
                c.param.code(g.route),
                value,
                statistic,
                &c.unit,
                c.param.family(study.per_kg, tissue),
                context,
            );
            r.n = (!individual).then_some(g.subjects.len() as u32);
            r
        })
        .collect();
    finish(study, table, Layout::ConditionsPerSubject, veterinary, records)
}
