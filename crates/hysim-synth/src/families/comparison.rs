//! Two conditions in the same subjects and their comparison: food effect (fasted, fed),
//! drug interaction (alone, with an inhibitor or inducer) and bioequivalence (test,
//! reference). The conditions' summaries are values; the ratio between them and its
//! confidence interval, as a column (`GMR (90% CI)`) or as a row (`Ratio fed/fasted (90%
//! CI)`), are a comparison of groups and give no record.

use hysim_core::{Record, Statistic};

use super::{assemble, base_context, finish, gold, label, unit_for};
use crate::format::{UnitChoice, number};
use crate::render::{Layout, Param, Stat, SynthTable, print_summary, route_word, statistic_of, summarise};
use crate::rng::Rng;
use crate::study::Study;

/// Drugs that change another drug's exposure, as interaction studies name them.
const PERPETRATORS: [&str; 8] = [
    "ketoconazole",
    "itraconazole",
    "rifampicin",
    "clarithromycin",
    "fluconazole",
    "cimetidine",
    "omeprazole",
    "probenecid",
];

/// What the two conditions are.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Design {
    Food,
    Interaction,
    Bioequivalence,
}

/// The parameters compared: exposure and elimination, never tmax (whose comparison is a
/// median difference tables print elsewhere).
fn compared(rng: &mut Rng, extravascular: bool) -> Vec<Param> {
    let mut all = vec![Param::Cmax, Param::AucLast, Param::AucInf, Param::HalfLife, Param::Cl];
    if !extravascular {
        all.retain(|p| *p != Param::Cmax);
    }
    let keep = (2 + rng.below(3)).min(all.len());
    while all.len() > keep {
        let k = rng.below(all.len());
        all.remove(k);
    }
    all
}

/// The effect of the second condition on a parameter: exposure up or down by `auc`, the
/// peak by `peak`, clearance by the inverse of `auc`.
fn effect(p: Param, peak: f64, auc: f64, half: f64) -> f64 {
    match p {
        Param::Cmax => peak,
        Param::AucLast | Param::AucInf => auc,
        Param::HalfLife => half,
        Param::Cl => 1.0 / auc,
        _ => 1.0,
    }
}

/// A two-sided 90 % t quantile (Student's t at 0.95), by the Cornish-Fisher series in
/// `1 / dof` around z = 1.6449.
fn t95(dof: usize) -> f64 {
    let (v, z) = (dof.max(1) as f64, 1.6449_f64);
    z + (z.powi(3) + z) / (4.0 * v) + (5.0 * z.powi(5) + 16.0 * z.powi(3) + 3.0 * z) / (96.0 * v * v)
}

/// Two conditions of one group of subjects, side by side or one above the other, and
/// their ratio with its 90 % confidence interval.
pub(crate) fn comparison(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    let g = &study.groups[0];
    let ev = g.route.extravascular();
    let oral = g.route == crate::pk::Route::Oral;
    let design = match rng.below(3) {
        0 if oral => Design::Food,
        1 if oral && !veterinary => Design::Bioequivalence,
        _ => Design::Interaction,
    };
    let drug = study.drug.name;
    let perpetrator = *rng.pick(&PERPETRATORS);
    let (arms, ratio_name): ([String; 2], String) = match design {
        Design::Food => match rng.below(2) {
            0 => (["Fasted".to_owned(), "Fed".to_owned()], "fed/fasted".to_owned()),
            _ => (["Fasting".to_owned(), "High-fat meal".to_owned()], "fed/fasting".to_owned()),
        },
        Design::Bioequivalence => match rng.below(2) {
            0 => (["Test".to_owned(), "Reference".to_owned()], "T/R".to_owned()),
            _ => (["Test (T)".to_owned(), "Reference (R)".to_owned()], "T/R".to_owned()),
        },
        Design::Interaction => match rng.below(2) {
            0 => (
                [
                    format!("{} alone", crate::render::capitalise(drug)),
                    format!("{} + {perpetrator}", crate::render::capitalise(drug)),
                ],
                "combination/alone".to_owned(),
            ),
            _ => (["Day 1 (alone)".to_owned(), format!("Day 8 (with {perpetrator})")], "day 8/day 1".to_owned()),
        },
    };
    let (peak, auc, half) = match design {
        Design::Food => (0.55 + 0.6 * rng.f64(), 0.8 + 0.6 * rng.f64(), 0.9 + 0.2 * rng.f64()),
        Design::Bioequivalence => (0.9 + 0.2 * rng.f64(), 0.92 + 0.16 * rng.f64(), 0.95 + 0.1 * rng.f64()),
        Design::Interaction if rng.chance(0.7) => {
            let a = 1.3 + 3.0 * rng.f64();
            (1.0 + 0.5 * (a - 1.0), a, 1.0 + 0.6 * (a - 1.0))
        }
        Design::Interaction => {
            let a = 0.2 + 0.5 * rng.f64();
            (0.4 + 0.6 * a, a, 0.6 + 0.3 * a)
        }
    };
    let stat = match design {
        Design::Bioequivalence => Stat::GeoCv,
        _ => *rng.pick(&[Stat::GeoCv, Stat::GeoCv, Stat::MeanSd, Stat::MeanSdParen]),
    };
    let params = compared(rng, ev);
    let tissue = study.matrix.ends_with("tissue");
    let dash = *rng.pick(&["–", "-", "–"]);
    let percent = rng.chance(0.4);
    let ratio_label = match (design, rng.below(3)) {
        (Design::Bioequivalence, 0) => format!("{ratio_name} ratio{} (90% CI)", if percent { " (%)" } else { "" }),
        (_, 0) => format!("GMR{} (90% CI)", if percent { " (%)" } else { "" }),
        (_, 1) => format!("Ratio {ratio_name}{} (90% CI)", if percent { ", %" } else { "" }),
        _ => format!("Geometric mean ratio{} (90% CI)", if percent { " (%)" } else { "" }),
    };

    // Each subject's values in both conditions (the second with some scatter of its own).
    let mut columns: Vec<(UnitChoice, [Vec<f64>; 2], String)> = Vec::new();
    for p in &params {
        let first: Vec<f64> = g.subjects.iter().map(|s| p.of(s, study.per_kg)).collect();
        let unit = unit_for(rng, *p, study, &first);
        let factor = effect(*p, peak, auc, half);
        let second: Vec<f64> = first.iter().map(|x| x * factor * (0.12 * rng.normal()).exp()).collect();
        let first: Vec<f64> = first.iter().map(|x| x * unit.factor).collect();
        let second: Vec<f64> = second.iter().map(|x| x * unit.factor).collect();
        // The ratio: geometric mean of the paired ratios with its 90 % interval.
        let logs: Vec<f64> = first.iter().zip(&second).map(|(a, b)| (b / a).ln()).collect();
        let n = logs.len() as f64;
        let m = logs.iter().sum::<f64>() / n;
        let sd = (logs.iter().map(|l| (l - m).powi(2)).sum::<f64>() / (n - 1.0).max(1.0)).sqrt();
        let half_width = t95(logs.len() - 1) * sd / n.sqrt();
        let scale = if percent { 100.0 } else { 1.0 };
        let d = if percent { 1 } else { 2 };
        let ratio = format!(
            "{} ({}{dash}{})",
            number(m.exp() * scale, d, false),
            number((m - half_width).exp() * scale, d, false),
            number((m + half_width).exp() * scale, d, false)
        );
        columns.push((unit, [first, second], ratio));
    }
    let labels: Vec<String> = params.iter().zip(&columns).map(|(p, (u, _, _))| label(rng, *p, study, u)).collect();
    let across = rng.chance(0.5);
    let with_ratio = rng.chance(0.85);

    let mut header: Vec<String>;
    let mut body: Vec<Vec<String>> = Vec::new();
    // (row, col, parameter, arm) of each value cell.
    let mut cells: Vec<(usize, usize, usize, usize)> = Vec::new();
    let print = |xs: &[f64]| print_summary(&summarise(xs, stat), stat, false, dash);
    if across {
        // Conditions as columns: `Parameter | Fasted | Fed | GMR (90% CI)`.
        header = vec![(*rng.pick(&["Parameter", "PK parameter", ""])).to_owned()];
        header.extend(arms.iter().cloned());
        if with_ratio {
            header.push(ratio_label.clone());
        }
        for (k, (_, values, ratio)) in columns.iter().enumerate() {
            let mut row = vec![labels[k].clone()];
            for (a, xs) in values.iter().enumerate() {
                cells.push((body.len(), 1 + a, k, a));
                row.push(print(xs).text);
            }
            if with_ratio {
                row.push(ratio.clone());
            }
            body.push(row);
        }
    } else {
        // Conditions as rows, the ratio below them: `Fasted`, `Fed`, `Ratio fed/fasted (90% CI)`.
        header = vec![(*rng.pick(&["Condition", "Treatment", ""])).to_owned()];
        header.extend(labels.iter().cloned());
        for (a, arm) in arms.iter().enumerate() {
            let mut row = vec![arm.clone()];
            for (k, (_, values, _)) in columns.iter().enumerate() {
                cells.push((body.len(), 1 + k, k, a));
                row.push(print(&values[a]).text);
            }
            body.push(row);
        }
        if with_ratio {
            let mut row = vec![ratio_label.clone()];
            row.extend(columns.iter().map(|(_, _, r)| r.clone()));
            body.push(row);
        }
    }
    let what = match design {
        Design::Food => format!("under fasted and fed conditions after a single oral dose of {}", g.dose_text),
        Design::Bioequivalence => {
            format!("after single oral doses of {} of the test and reference formulations", g.dose_text)
        }
        Design::Interaction => {
            format!("after {} administration of {} alone and with {perpetrator}", route_word(g.route), g.dose_text)
        }
    };
    let subjects = study.population.unwrap_or(study.subjects_word);
    let stat_sentence = format!("Values are {}.", stat.phrase());
    let mut table = assemble(
        id,
        format!("Table {index}. Pharmacokinetic parameters of {drug} in {} of {subjects} {what}.", study.matrix),
        vec![header],
        body,
    );
    table.footnote = Some(if with_ratio {
        format!("{stat_sentence} GMR, geometric mean ratio; CI, confidence interval.")
    } else {
        stat_sentence
    });

    let statistic: Statistic = statistic_of(stat);
    let mut records: Vec<Record> = Vec::new();
    for (row, col, k, a) in cells {
        let p = params[k];
        let (unit, values, _) = &columns[k];
        let printed = print(&values[a]);
        let raw = if across { labels[k].clone() } else { table.header_path(col).join(" / ") };
        let mut context = base_context(study);
        context.group = Some(arms[a].clone());
        let mut r = gold(
            &table,
            row,
            col,
            &raw,
            p.code(g.route),
            printed.value,
            statistic,
            unit,
            p.family(study.per_kg, tissue),
            context,
        );
        r.dispersion = printed.dispersion;
        r.interval = printed.interval;
        r.n = Some(g.subjects.len() as u32);
        records.push(r);
    }
    finish(study, table, Layout::Comparison, veterinary, records)
}
