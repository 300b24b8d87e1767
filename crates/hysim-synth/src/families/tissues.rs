//! Tissue distribution per animal: a drug's concentrations in the organs of each laboratory
//! animal (rats, mice, rabbits) killed at one time after the dose, the time in the caption
//! ("in tissues of individual rats 2 h after a single oral dose"), plasma in a mass per
//! volume and the organs in a mass per gram of tissue (kept as printed, no canonical unit).
//!
//! - Organs down, printed bare with their unit (`Brain (ng/g)`, `Kidney (ng/g)`, plasma
//!   first in `ng/mL`), the animals across: coded or numbered under the studied animal's word
//!   (`Rat` over `R1 | R2 | R3`, `Mouse` over `1 | 2 | 3`), or in the one header row beside
//!   `Tissue` (`Rat 1 | Rat 2`); or
//! - the animals down under their word (`Mouse`: `M1`, `M2`), the organs across.

use hysim_core::{Record, Statistic};
use hysim_units::Family;

use super::{assemble, base_context, concentration, finish, gold};
use crate::format::{UnitChoice, decimals_for, number, printed_value};
use crate::render::{Layout, SynthTable, capitalise, route_word};
use crate::rng::Rng;
use crate::study::Study;

/// The laboratory species whose organs distribution studies sample, one animal each.
pub(crate) fn samples_organs(study: &Study) -> bool {
    matches!(study.species.name, "rat" | "mouse" | "rabbit") && study.groups[0].subjects.len() >= 3
}

/// Organs as tables print them bare, the matrix the reader names each by, and a typical
/// tissue-to-plasma ratio (lipophilic drugs aside: these only need to be plausible).
const ORGANS: &[(&str, &str, f64)] = &[
    ("Brain", "brain tissue", 0.15),
    ("Liver", "liver tissue", 3.0),
    ("Kidney", "kidney tissue", 4.0),
    ("Lung", "lung tissue", 2.0),
    ("Heart", "heart tissue", 1.2),
    ("Spleen", "spleen tissue", 1.1),
    ("Muscle", "muscle tissue", 0.6),
];

/// A row of the table: its label, the matrix it names, its unit, and each animal's printed
/// cell and value.
type Row<'a> = (String, &'a str, &'a UnitChoice, Vec<(String, f64)>);

/// The hours after the dose at which the animals were killed.
const TIMES: &[f64] = &[0.5, 1.0, 2.0, 4.0, 8.0, 24.0];

/// A table of three to six of the first group's animals, each organ's concentration.
pub(crate) fn tissue_distribution(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    let g = &study.groups[0];
    let k = (3 + rng.below(4)).min(g.subjects.len());
    let animals = &g.subjects[..k];
    // Three to five organs in the catalogue's order, plasma first in seven tables in ten.
    let mut organs: Vec<(&str, &str, f64)> = ORGANS.to_vec();
    while organs.len() > 3 + rng.below(3) {
        organs.remove(rng.below(organs.len()));
    }
    let plasma = rng.chance(0.7);
    // The killing time, one at which the animals' plasma still holds the drug.
    let half_life = animals.iter().map(|a| a.half_life).sum::<f64>() / k as f64;
    let candidates: Vec<f64> = TIMES.iter().copied().filter(|t| *t <= 3.0 * half_life.max(0.5)).collect();
    let t = *rng.pick(&candidates);
    // (As captions print it: `0.5 h`, `24 h`.)
    let hours = t.to_string();
    let levels: Vec<f64> = animals.iter().map(|a| concentration(a, g.route, t)).collect();
    let typical = levels.iter().sum::<f64>() / k as f64;
    // Per millilitre and per gram in the same mass unit: nanograms for low levels.
    let nano = typical < 0.5;
    let (volume_unit, mass_unit) = if nano {
        (UnitChoice { text: "ng/mL", factor: 1000.0 }, UnitChoice { text: "ng/g", factor: 1000.0 })
    } else {
        (UnitChoice { text: "µg/mL", factor: 1.0 }, UnitChoice { text: "µg/g", factor: 1.0 })
    };
    // Each row of the table (plasma and the organs): label, matrix, unit, and each animal's
    // printed cell and value.
    let mut rows: Vec<Row> = Vec::new();
    let cell = |v: f64| {
        let d = decimals_for(v, 3);
        (number(v, d, false), printed_value(v, d))
    };
    if plasma {
        let cells = levels.iter().map(|c| cell(c * volume_unit.factor)).collect();
        rows.push((format!("Plasma ({})", volume_unit.text), "plasma", &volume_unit, cells));
    }
    for (name, matrix, ratio) in &organs {
        let cells = levels.iter().map(|c| cell(c * ratio * rng.range(0.75, 1.3) * mass_unit.factor)).collect();
        rows.push((format!("{name} ({})", mass_unit.text), matrix, &mass_unit, cells));
    }
    let word = capitalise(study.species.name);
    let letter: String = match study.species.name {
        "rabbit" => "Rb".to_owned(),
        _ => word.chars().take(1).collect(),
    };
    // The animals' ids: coded (`R1`), numbered under the word (`1`), or the word and number
    // in the one header row (`Rat 1`).
    let style = rng.below(3);
    let down = rng.chance(0.35);
    let ids: Vec<String> = (1..=k)
        .map(|i| match style {
            0 => format!("{letter}{i}"),
            1 if !down => i.to_string(),
            _ => format!("{word} {i}"),
        })
        .collect();
    let plural = *rng.pick(study.species.plural);
    let article = if matches!(route_word(g.route).chars().next(), Some('i' | 'o')) { "an" } else { "a" };
    let caption = match rng.below(3) {
        0 => format!(
            "Table {index}. Concentrations of {} in tissues of individual {plural} {} h after a single {} dose of {}.",
            study.drug.name,
            hours,
            route_word(g.route),
            g.dose_text
        ),
        1 => format!(
            "Table {index}. Tissue distribution of {} in {plural} {} h after {article} {} dose of {}.",
            study.drug.name,
            hours,
            route_word(g.route),
            g.dose_text
        ),
        _ => format!(
            "Table {index}. {} concentrations in plasma and tissues of {plural} killed {} h after {} administration of {}.",
            capitalise(study.drug.name),
            hours,
            route_word(g.route),
            g.dose_text
        ),
    };
    let (header, body) = if down {
        let header = vec![std::iter::once(word.clone()).chain(rows.iter().map(|r| r.0.clone())).collect()];
        let body = ids
            .iter()
            .enumerate()
            .map(|(a, id)| std::iter::once(id.clone()).chain(rows.iter().map(|r| r.3[a].0.clone())).collect())
            .collect();
        (header, body)
    } else {
        let header = if style == 2 {
            vec![std::iter::once("Tissue".to_owned()).chain(ids.iter().cloned()).collect()]
        } else {
            vec![
                std::iter::once("Tissue".to_owned()).chain(std::iter::repeat_n(word.clone(), k)).collect(),
                std::iter::once("Tissue".to_owned()).chain(ids.iter().cloned()).collect(),
            ]
        };
        let body = rows
            .iter()
            .map(|(label, _, _, cells)| {
                std::iter::once(label.clone()).chain(cells.iter().map(|c| c.0.clone())).collect()
            })
            .collect();
        (header, body)
    };
    let table = assemble(id, caption, header, body);
    let mut records: Vec<Record> = Vec::new();
    for (o, (label, matrix, unit, cells)) in rows.iter().enumerate() {
        for (a, (_, value)) in cells.iter().enumerate() {
            let (r, c) = if down { (a, o + 1) } else { (o, a + 1) };
            let mut context = base_context(study);
            context.matrix = Some((*matrix).to_owned());
            context.subject = Some(ids[a].clone());
            context.time = Some(format!("{hours} h"));
            let family = (*matrix == "plasma").then_some(Family::Concentration);
            records.push(gold(&table, r, c, label, "CONC", *value, Statistic::Individual, unit, family, context));
        }
    }
    finish(study, table, Layout::TissueDistribution, veterinary, records)
}
