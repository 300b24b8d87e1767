//! Statistics declared row by row: a `Statistic` column beside the parameters
//! (`Cmax (ng/mL) | Mean (SD) | 18.4 (5.2)`), or parameter headings (a row `Cmax (ng/mL)`
//! alone in the stub, then a line per statistic, `Mean ± SD`, `Median (range)`).

use hysim_core::{Record, Statistic};

use super::{assemble, base_context, caption, finish, gold, label_across, params_across_routes, unit_for};
use crate::format::UnitChoice;
use crate::render::{Layout, Param, Stat, SynthTable, print_summary, statistic_of, summarise};
use crate::rng::Rng;
use crate::study::Study;

/// A printed summary's central value and spread as two cells (`6.2 ± 1.1` is `6.2` and
/// `1.1`; `6.0 (4.1–8.3)` is `6.0` and `4.1–8.3`).
fn split_printed(text: &str) -> Option<(String, String)> {
    if let Some((central, spread)) = text.split_once(" ± ") {
        return Some((central.to_owned(), spread.to_owned()));
    }
    let (central, rest) = text.split_once(" (").or_else(|| text.split_once(" ["))?;
    let spread = rest.strip_suffix(')').or_else(|| rest.strip_suffix(']'))?;
    Some((central.to_owned(), spread.to_owned()))
}

/// One printed summary line: the parameter, its statistic, and its cells per group.
struct Line {
    param: usize,
    stat: Stat,
    row: usize,
}

/// `Parameter | Statistic | group…` (one row per parameter, tmax as median with its range
/// in a table of means) or, with `headings`, a heading row per parameter followed by one
/// line per statistic.
pub(crate) fn statistic_column(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    let headings = rng.chance(0.5);
    let params = params_across_routes(rng, study);
    let tissue = study.matrix.ends_with("tissue");
    let main = if veterinary {
        *rng.pick(&[Stat::MeanSd, Stat::MeanSdParen, Stat::MeanSem])
    } else {
        *rng.pick(&[Stat::MeanSd, Stat::MeanSdParen, Stat::GeoCv, Stat::MeanCi])
    };
    // Parameter headings often give each parameter both a mean line and a median line, and
    // may print each statistic's spread on a line of its own (`Mean` then `SD`).
    let both = headings && rng.chance(0.5);
    let split = headings && rng.chance(0.3);
    let dash = *rng.pick(&["–", "-", "–"]);
    let single = study.groups.len() == 1;
    let units: Vec<UnitChoice> = params
        .iter()
        .map(|p| {
            let xs: Vec<f64> =
                study.groups.iter().flat_map(|g| g.subjects.iter().map(|s| p.of(s, study.per_kg))).collect();
            unit_for(rng, *p, study, &xs)
        })
        .collect();
    let labels: Vec<String> = params.iter().zip(&units).map(|(p, u)| label_across(rng, *p, study, u)).collect();

    let group_headers: Vec<String> = if single {
        vec![(*rng.pick(&["Value", "Result", study.groups[0].dose_text.as_str()])).to_owned()]
    } else {
        study.groups.iter().map(|g| g.label.clone()).collect()
    };
    let stub = (*rng.pick(&["Parameter", "PK parameter", ""])).to_owned();
    let mut header = vec![stub];
    if !headings {
        header.push((*rng.pick(&["Statistic", "Statistics", ""])).to_owned());
    }
    header.extend(group_headers);

    let mut body: Vec<Vec<String>> = Vec::new();
    let mut lines: Vec<Line> = Vec::new();
    for (k, p) in params.iter().enumerate() {
        let stats: Vec<Stat> = if *p == Param::Tmax {
            vec![Stat::MedianRange]
        } else if both {
            vec![main, Stat::MedianRange]
        } else {
            vec![main]
        };
        if headings {
            let mut row = vec![labels[k].clone()];
            row.extend(std::iter::repeat_n(String::new(), header.len() - 1));
            body.push(row);
        }
        for stat in stats {
            let mut row = if split {
                vec![stat.split_headers().0.to_owned()]
            } else if headings {
                vec![stat.header().to_owned()]
            } else {
                vec![labels[k].clone(), stat.header().to_owned()]
            };
            let mut spread_row = vec![stat.split_headers().1.to_owned()];
            for g in &study.groups {
                if !p.applies(g.route) {
                    row.push(dash.to_owned());
                    spread_row.push(dash.to_owned());
                    continue;
                }
                let xs: Vec<f64> = g.subjects.iter().map(|s| p.of(s, study.per_kg) * units[k].factor).collect();
                let text = print_summary(&summarise(&xs, stat), stat, false, dash).text;
                match split_printed(&text).filter(|_| split) {
                    Some((central, spread)) => {
                        row.push(central);
                        spread_row.push(spread);
                    }
                    None => row.push(text),
                }
            }
            lines.push(Line { param: k, stat, row: body.len() });
            body.push(row);
            if split {
                body.push(spread_row);
            }
        }
    }
    let first = if headings { 1 } else { 2 };
    let table = assemble(id, caption(study, index, "Pharmacokinetic parameters"), vec![header], body);

    let mut records: Vec<Record> = Vec::new();
    for line in &lines {
        let p = params[line.param];
        let family = p.family(study.per_kg, tissue);
        let raw = crate::render::plain(&labels[line.param]).trim().to_owned();
        for (gi, g) in study.groups.iter().enumerate() {
            if !p.applies(g.route) {
                continue;
            }
            let xs: Vec<f64> = g.subjects.iter().map(|s| p.of(s, study.per_kg) * units[line.param].factor).collect();
            let printed = print_summary(&summarise(&xs, line.stat), line.stat, false, dash);
            let col = first + gi;
            let mut context = base_context(study);
            context.dose = Some(g.dose_text.clone());
            context.route = Some(g.route.code().to_owned());
            context.group = (!single).then(|| g.label.clone());
            let statistic: Statistic = statistic_of(line.stat);
            let mut r = gold(
                &table,
                line.row,
                col,
                &raw,
                p.code(g.route),
                printed.value,
                statistic,
                &units[line.param],
                family,
                context,
            );
            r.dispersion = printed.dispersion;
            r.interval = printed.interval;
            r.n = Some(g.subjects.len() as u32);
            records.push(r);
        }
    }
    let layout = if headings { Layout::ParameterHeadings } else { Layout::StatisticColumn };
    finish(study, table, layout, veterinary, records)
}
