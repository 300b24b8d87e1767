//! Per-subject concentrations whose sampling times the header codes and a note defines:
//! `T+15 | T+30 | T+60` with "T+n, n minutes after the end of the infusion" (or hours), or
//! samples numbered under `Sample` (`1 | 2 | 3`) with "Samples: 1, 0.25 h; 2, 0.5 h; ...".
//! Subjects down, coded `S01`; the unit of the values in the caption. Without the note the
//! times could not be read: the gold gives each value its time in hours.

use hysim_core::{Record, Statistic};
use hysim_units::Family;

use super::{Sampled, assemble, base_context, finish, gold, sampled, time_text};
use crate::render::{Layout, SynthTable, route_word};
use crate::rng::Rng;
use crate::study::Study;

/// The studies this family prints: one group of at most fourteen subjects sampled in plasma
/// or serum.
pub(crate) fn codes_its_times(study: &Study) -> bool {
    study.groups.len() == 1 && study.groups[0].subjects.len() <= 14 && matches!(study.matrix, "plasma" | "serum")
}

/// The first group's concentrations by subject and coded time.
pub(crate) fn coded_times(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    let g = &study.groups[0];
    let Sampled { times, unit, values } = sampled(rng, &g.subjects, g.route, !study.species.animal);
    let numbered = rng.chance(0.5);
    // `T+n` in minutes where the sampling starts within the first hour, else in hours.
    let minutes = !numbered && times.iter().any(|&t| t < 1.0);
    let codes: Vec<String> = times
        .iter()
        .enumerate()
        .map(|(j, &t)| {
            if numbered {
                (j + 1).to_string()
            } else if minutes {
                format!("T+{}", (t * 60.0).round())
            } else {
                format!("T+{}", time_text(t))
            }
        })
        .collect();
    let event = if g.route.extravascular() { "dosing" } else { "the end of the injection" };
    let footnote = if numbered {
        let items: Vec<String> =
            times.iter().enumerate().map(|(j, &t)| format!("{}, {} h", j + 1, time_text(t))).collect();
        format!("Samples: {} after {event}.", items.join("; "))
    } else {
        format!("T+n, n {} after {event}.", if minutes { "minutes" } else { "hours" })
    };
    let ids: Vec<String> = (1..=g.subjects.len()).map(|k| format!("S{k:02}")).collect();
    let word = if numbered { "Sample" } else { "Time after dose" };
    let mut top = vec!["Subject".to_owned()];
    let mut second = vec!["Subject".to_owned()];
    top.extend(std::iter::repeat_n(word.to_owned(), times.len()));
    second.extend(codes.iter().cloned());
    let body: Vec<Vec<String>> = values
        .iter()
        .enumerate()
        .map(|(k, v)| std::iter::once(ids[k].clone()).chain(v.iter().map(|(text, _)| text.clone())).collect())
        .collect();
    let caption = format!(
        "Table {index}. Individual {} concentrations ({}) of {} after {} administration of {}.",
        study.matrix,
        unit.text,
        study.drug.name,
        route_word(g.route),
        g.dose_text
    );
    let mut table = assemble(id, caption, vec![top, second], body);
    table.footnote = Some(footnote);
    let family = Some(Family::Concentration);
    let mut records: Vec<Record> = Vec::new();
    for (s, row) in values.iter().enumerate() {
        for (j, (_, value)) in row.iter().enumerate() {
            let Some(v) = value else { continue };
            let (r, c) = (s, j + 1);
            let mut context = base_context(study);
            context.subject = Some(ids[s].clone());
            context.time = Some(if minutes {
                format!("{} min", (times[j] * 60.0).round())
            } else {
                format!("{} h", time_text(times[j]))
            });
            let raw = table.header_path(c).join(" / ");
            records.push(gold(&table, r, c, &raw, "CONC", *v, Statistic::Individual, &unit, family, context));
        }
    }
    finish(study, table, Layout::CodedTimes, veterinary, records)
}
