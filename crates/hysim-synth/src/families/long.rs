//! Long tables of concentrations, one row per sample, as supplements, case series and
//! data listings print them (`docs/CONVENTIONS.md`, "Long tables"):
//!
//! - `Subject | Time (h) | Concentration (ng/mL)`: the subject's id on every row, or on its
//!   first row only with blank cells below continuing it;
//! - the time with its unit in each cell under a header without one (`Sample` over `0.5 h`);
//! - the concentration's column headed by the specimen (`Plasma concentration (µg/mL)`), by
//!   the drug (`Cefquinavir (mg/L)`), or bare (`Concentration`) with the unit in the caption;
//! - samples below the limit of quantification printed `<LLOQ`, `BLQ` or `ND` (no gold).
//!
//! Gold: each concentration with its subject as printed and its time.

use hysim_core::Statistic;
use hysim_units::Family;

use super::{Sampled, assemble, base_context, finish, gold, sampled, subject_word, time_text};
use crate::render::{Layout, SynthTable, capitalise, route_word};
use crate::rng::Rng;
use crate::study::Study;

/// At most this many subjects: a long table prints one row per sample.
const MAX_SUBJECTS: usize = 6;

/// A long table of the concentrations of the study's first group.
pub(crate) fn long_table(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    let g = &study.groups[0];
    let subjects = &g.subjects[..g.subjects.len().min(MAX_SUBJECTS)];
    let Sampled { times, unit, values } = sampled(rng, subjects, g.route, !study.species.animal);
    let word = subject_word(rng, study);
    // Subjects numbered (`3`), coded (`S-03`) or by word and number (`Pt 3`).
    let style = rng.below(3);
    let ids: Vec<String> = (1..=subjects.len())
        .map(|k| match style {
            1 => format!("S-{k:02}"),
            2 => format!("{} {k}", if word == "Patient" { "Pt" } else { word }),
            _ => format!("{k}"),
        })
        .collect();
    let once = rng.chance(0.6);
    // The time's unit in its header, or in every cell.
    let unit_in_cells = rng.chance(0.3);
    let time_header = if unit_in_cells {
        *rng.pick(&["Sample", "Sampling time", "Time point"])
    } else {
        *rng.pick(&["Time (h)", "Time after dose (h)", "Sampling time (h)", "Nominal time (h)"])
    };
    let unit_in_caption = rng.chance(0.25);
    let value_header = if unit_in_caption {
        (*rng.pick(&["Concentration", "Conc."])).to_owned()
    } else {
        match rng.below(3) {
            0 => format!("Concentration ({})", unit.text),
            1 => format!("{} concentration ({})", capitalise(study.matrix), unit.text),
            _ => format!("{} ({})", capitalise(study.drug.name), unit.text),
        }
    };
    let censored = *rng.pick(&["<LLOQ", "BLQ", "ND"]);
    let caption = format!(
        "Table {index}. Individual {} concentrations{} of {} in {} after {} administration of {}.{}",
        study.matrix,
        if unit_in_caption { format!(" ({})", unit.text) } else { String::new() },
        study.drug.name,
        study.population.unwrap_or(study.subjects_word),
        route_word(g.route),
        g.dose_text,
        if censored == "BLQ" { " BLQ, below the limit of quantification." } else { "" }
    );
    let header = vec![vec![word.to_owned(), time_header.to_owned(), value_header.clone()]];
    let mut body = Vec::new();
    // Each gold cell: its row, the subject's index and the time's.
    let mut cells = Vec::new();
    for (s, row) in values.iter().enumerate() {
        for (j, (text, value)) in row.iter().enumerate() {
            let id_cell = if once && j > 0 { String::new() } else { ids[s].clone() };
            let time = if unit_in_cells { format!("{} h", time_text(times[j])) } else { time_text(times[j]) };
            let printed = if value.is_some() { text.clone() } else { censored.to_owned() };
            if value.is_some() {
                cells.push((body.len(), s, j));
            }
            body.push(vec![id_cell, time, printed]);
        }
    }
    let table = assemble(id, caption, header, body);
    let records = cells
        .into_iter()
        .filter_map(|(r, s, j)| {
            let value = values[s][j].1?;
            let mut context = base_context(study);
            context.subject = Some(ids[s].clone());
            context.time = Some(format!("{} h", time_text(times[j])));
            let raw = table.header_path(2).join(" / ");
            let concentration = Some(Family::Concentration);
            Some(gold(&table, r, 2, &raw, "CONC", value, Statistic::Individual, &unit, concentration, context))
        })
        .collect();
    finish(study, table, Layout::LongTable, veterinary, records)
}
