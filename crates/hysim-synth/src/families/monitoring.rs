//! Therapeutic drug monitoring: each patient's trough and a concentration at a set time
//! after the dose on two days of a multiple-dose regimen (transplant and antibiotic
//! monitoring), printed as symbols the table defines for itself:
//!
//! - patients down, each day spanning its symbols (`Day 7` over `C0 | C2`), or the day in
//!   a column of its own beside the symbols' columns (`Patient | Day | C0 | C2`);
//! - the symbols defined only by the footnote (`C0, trough (pre-dose) concentration; C2,
//!   concentration 2 h after the dose`) or in the caption's running text (`trough (C0) and
//!   2-h post-dose (C2) concentrations`), the unit in the caption.
//!
//! - or, in oncology, the days of treatment cycles (`C1D8` or `Cycle 2 Day 1` spanning the
//!   symbols), the cycle's length in the caption (`28-day cycles`).
//!
//! Gold: the trough (`CTROUGH`) at `day N, pre-dose` (days counted through the cycles) and the timed concentration (`CONC`)
//! at `day N, 2 h`, each with its patient.

use hysim_core::{Record, Statistic};
use hysim_units::Family;

use super::{assemble, base_context, concentration, finish, gold};
use crate::format::{Quantity, choose_unit, decimals_for, number, printed_value};
use crate::render::{Layout, SynthTable, capitalise};
use crate::rng::Rng;
use crate::study::Study;

/// Whether a study can print a monitoring table: people on a multiple-dose regimen,
/// sixteen of them at most.
pub(crate) fn monitors(study: &Study) -> bool {
    !study.species.animal && study.tau.is_some() && study.groups[0].subjects.len() <= 16
}

/// A steady-state concentration `t` hours after a dose given every `tau` hours: the sum of
/// the concentrations the earlier doses leave.
fn steady(nca: &crate::pk::Nca, route: crate::pk::Route, t: f64, tau: f64) -> f64 {
    (0..40).map(|k| concentration(nca, route, t + f64::from(k) * tau)).sum()
}

/// A monitoring table of the study's first group.
pub(crate) fn monitoring(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    let g = &study.groups[0];
    let tau = study.tau.unwrap_or(12.0);
    // The timed sample: 2 h after the dose, or 1 h for short dosing intervals.
    let hours = if tau <= 8.0 { 1.0 } else { 2.0 };
    let h = number(hours, 0, false);
    let (trough, timed) =
        rng.pick(&[("C0", format!("C{h}")), ("Cpre", format!("C{h}")), ("C0", format!("C{h}h"))]).clone();
    let typical = g.subjects.iter().map(|s| steady(s, g.route, hours, tau)).sum::<f64>() / g.subjects.len() as f64;
    let unit = choose_unit(rng, Quantity::Concentration, typical, true);
    let days: [u32; 2] = *rng.pick(&[[3, 7], [7, 14], [5, 10], [1, 8]]);
    // Oncology prints the days of treatment cycles (`C1D8`, `Cycle 2 Day 1`), the cycle's
    // length in the caption: each day spanning its symbols, the day since the first dose
    // counted through the cycles.
    let cycles = (rng.chance(0.3)).then(|| {
        let length: u32 = *rng.pick(&[21, 28]);
        let pair: [(u32, u32); 2] =
            *rng.pick(&[[(1, 8), (1, 15)], [(1, 15), (2, 1)], [(1, 8), (2, 1)], [(2, 1), (3, 1)]]);
        let words = rng.chance(0.5);
        let labels = pair.map(|(c, d)| if words { format!("Cycle {c} Day {d}") } else { format!("C{c}D{d}") });
        (length, labels, pair.map(|(c, d)| (c - 1) * length + d))
    });
    let days = cycles.as_ref().map_or(days, |(_, _, absolute)| *absolute);
    // Day-to-day variation of each patient's exposure.
    let cell = |rng: &mut Rng, value: f64| {
        let v = value * unit.factor * (0.8 + 0.4 * rng.f64());
        let d = decimals_for(v, 3);
        (number(v, d, false), printed_value(v, d))
    };
    let levels: Vec<[[(String, f64); 2]; 2]> = g
        .subjects
        .iter()
        .map(|s| {
            let pre = steady(s, g.route, tau, tau);
            let post = steady(s, g.route, hours, tau);
            [[cell(rng, pre), cell(rng, post)], [cell(rng, pre), cell(rng, post)]]
        })
        .collect();
    let in_text = rng.chance(0.35);
    let drug = study.drug.name;
    let caption = if let Some((length, labels, _)) = &cycles {
        format!(
            "Table {index}. {} {} concentrations ({}) of {} patients on {} and {} ({length}-day cycles).",
            capitalise(study.matrix),
            "monitoring",
            unit.text,
            drug,
            labels[0],
            labels[1]
        )
    } else if in_text {
        format!(
            "Table {index}. {} trough ({trough}) and {h}-h post-dose ({timed}) {} concentrations ({}) in {} on days {} and {}.",
            capitalise(drug),
            study.matrix,
            unit.text,
            study.population.unwrap_or(study.subjects_word),
            days[0],
            days[1]
        )
    } else {
        format!(
            "Table {index}. {} {} concentrations ({}) of {} patients on days {} and {} of treatment.",
            capitalise(study.matrix),
            "monitoring",
            unit.text,
            drug,
            days[0],
            days[1]
        )
    };
    let footnote = (!in_text || cycles.is_some()).then(|| {
        if rng.chance(0.5) {
            format!("{trough}, trough (pre-dose) concentration; {timed}, concentration {h} h after the dose.")
        } else {
            format!("Abbreviations: {trough} = concentration before the morning dose; {timed} = concentration {h} hours post-dose.")
        }
    });
    // Each day spanning its symbols, or a day column.
    let day_column = cycles.is_none() && rng.chance(0.4);
    let day_label =
        |d: usize| cycles.as_ref().map_or_else(|| format!("Day {}", days[d]), |(_, labels, _)| labels[d].clone());
    let patient = *rng.pick(&["Patient", "Patient no.", "ID"]);
    let (header, body): (Vec<Vec<String>>, Vec<Vec<String>>) = if day_column {
        let header = vec![vec![patient.to_owned(), "Day".to_owned(), trough.to_owned(), timed.clone()]];
        let body = levels
            .iter()
            .enumerate()
            .flat_map(|(k, l)| {
                (0..2).map(move |d| {
                    vec![
                        if d == 0 { format!("{}", k + 1) } else { String::new() },
                        days[d].to_string(),
                        l[d][0].0.clone(),
                        l[d][1].0.clone(),
                    ]
                })
            })
            .collect();
        (header, body)
    } else {
        let top = vec![patient.to_owned(), day_label(0), day_label(0), day_label(1), day_label(1)];
        let second = vec![String::new(), trough.to_owned(), timed.clone(), trough.to_owned(), timed.clone()];
        let body = levels
            .iter()
            .enumerate()
            .map(|(k, l)| {
                vec![format!("{}", k + 1), l[0][0].0.clone(), l[0][1].0.clone(), l[1][0].0.clone(), l[1][1].0.clone()]
            })
            .collect();
        (vec![top, second], body)
    };
    let mut table = assemble(id, caption, header, body);
    table.footnote = footnote;
    let mut records: Vec<Record> = Vec::new();
    for (k, l) in levels.iter().enumerate() {
        for (d, day) in days.iter().enumerate() {
            for (which, (code, when)) in
                [("CTROUGH", "pre-dose".to_owned()), ("CONC", format!("{h} h"))].iter().enumerate()
            {
                let (r, c) = if day_column { (2 * k + d, 2 + which) } else { (k, 1 + 2 * d + which) };
                let raw = table.header_path(c).join(" / ");
                let mut context = base_context(study);
                context.subject = Some(format!("{}", k + 1));
                context.time = Some(format!("day {day}, {when}"));
                let family = Some(Family::Concentration);
                records.push(gold(
                    &table,
                    r,
                    c,
                    &raw,
                    code,
                    l[d][which].1,
                    Statistic::Individual,
                    &unit,
                    family,
                    context,
                ));
            }
        }
    }
    finish(study, table, Layout::Monitoring, veterinary, records)
}
