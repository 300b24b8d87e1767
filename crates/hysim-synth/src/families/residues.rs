//! Residue depletion: a drug's mean (± SD) concentrations in the edible tissues of food
//! animals (the target tissues of VICH GL48: muscle, liver, kidney, and fat, or skin and fat
//! for pigs and poultry) at days after the last dose, a few animals per slaughter time, in
//! µg/kg (kept as printed, with no canonical value: a mass per mass of tissue); a tissue
//! below the limit of quantification prints `<LOQ` (no gold).
//!
//! - Tissues down, printed bare (`Liver`, `Skin + fat`), the days across under `Time after
//!   last dose`, the unit and the statistic in the caption; or
//! - days down under `Days after last dose`, the tissues across, the unit first in the
//!   caption's brackets (`(µg/kg, mean ± SD, n = 4)`).

use hysim_core::{Dispersion, Record, Statistic};

use super::{assemble, base_context, finish, gold};
use crate::format::{UnitChoice, decimals_for, number, printed_value};
use crate::render::{Layout, SynthTable, capitalise};
use crate::rng::Rng;
use crate::study::Study;

/// The species whose edible tissues residue studies sample.
pub(crate) fn is_food_animal(study: &Study) -> bool {
    matches!(study.species.name, "cattle" | "pig" | "sheep" | "goat" | "chicken")
}

/// A printed cell and, above the LOQ, its mean and SD as printed.
type Cell = (String, Option<(f64, f64)>);

/// The limit of quantification, µg/kg.
const LOQ: f64 = 10.0;

/// A residue depletion table of the study's drug in its species' edible tissues.
pub(crate) fn residues(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    // Each tissue as printed, the matrix the reader names it by, and its level relative to
    // the liver's.
    let skin_and_fat = matches!(study.species.name, "pig" | "chicken");
    let tissues: Vec<(&str, &str, f64)> = vec![
        ("Liver", "liver tissue", 1.0),
        ("Kidney", "kidney tissue", 0.55 + 0.2 * rng.f64()),
        ("Muscle", "muscle tissue", 0.08 + 0.1 * rng.f64()),
        if skin_and_fat {
            ("Skin + fat", "skin and fat", 0.15 + 0.2 * rng.f64())
        } else {
            ("Fat", "adipose tissue", 0.1 + 0.2 * rng.f64())
        },
    ];
    let all_days = [1u32, 2, 3, 5, 7, 10, 14, 21, 28];
    let start = rng.below(3);
    let days: Vec<u32> = all_days[start..].iter().step_by(1 + rng.below(2)).take(4).copied().collect();
    let liver = 500.0 + 4000.0 * rng.f64();
    let half_life = 1.5 + 3.0 * rng.f64();
    let n = 3 + rng.below(4);
    let down = rng.chance(0.5);
    let unit = UnitChoice { text: "µg/kg", factor: 1.0 };
    // Each tissue's cells by day: the printed cell and, above the LOQ, the mean and SD.
    let cells: Vec<Vec<Cell>> = tissues
        .iter()
        .map(|(_, _, level)| {
            days.iter()
                .map(|&d| {
                    let mean = liver * level * (-std::f64::consts::LN_2 * f64::from(d) / half_life).exp();
                    if mean < LOQ {
                        return ("<LOQ".to_owned(), None);
                    }
                    let sd = mean * (0.12 + 0.18 * rng.f64());
                    let places = decimals_for(mean, 1);
                    let text = format!("{} ± {}", number(mean, places, false), number(sd, places, false));
                    (text, Some((printed_value(mean, places), printed_value(sd, places))))
                })
                .collect()
        })
        .collect();
    let plural = *rng.pick(study.species.plural);
    let drug = study.drug.name;
    let (caption, header, body) = if down {
        let caption = format!(
            "Table {index}. Mean (± SD) residue concentrations (µg/kg) of {drug} in edible tissues of {plural} (n = {n} per slaughter time)."
        );
        let span = "Time after last dose".to_owned();
        let mut top = vec!["Tissue".to_owned()];
        let mut second = vec!["Tissue".to_owned()];
        top.extend(std::iter::repeat_n(span, days.len()));
        second.extend(days.iter().map(|d| format!("{d} days")));
        let body = tissues
            .iter()
            .zip(&cells)
            .map(|((label, _, _), row)| {
                std::iter::once((*label).to_owned()).chain(row.iter().map(|c| c.0.clone())).collect()
            })
            .collect();
        (caption, vec![top, second], body)
    } else {
        let caption = format!(
            "Table {index}. {} concentrations (µg/kg, mean ± SD, n = {n}) in tissues of {plural} after the last dose.",
            capitalise(drug)
        );
        let header = std::iter::once("Days after last dose".to_owned())
            .chain(tissues.iter().map(|(label, _, _)| (*label).to_owned()))
            .collect();
        let body = days
            .iter()
            .enumerate()
            .map(|(j, d)| std::iter::once(d.to_string()).chain(cells.iter().map(|row| row[j].0.clone())).collect())
            .collect();
        (caption, vec![header], body)
    };
    let mut table = assemble(id, caption, header, body);
    table.footnote = Some(format!("LOQ, limit of quantification ({LOQ} µg/kg)."));
    let mut records: Vec<Record> = Vec::new();
    for (t, (label, matrix, _)) in tissues.iter().enumerate() {
        for (j, &d) in days.iter().enumerate() {
            let Some((mean, sd)) = cells[t][j].1 else { continue };
            let (r, c) = if down { (t, j + 1) } else { (j, t + 1) };
            let mut context = base_context(study);
            context.matrix = Some((*matrix).to_owned());
            context.time = Some(format!("{d} day"));
            let mut record = gold(&table, r, c, label, "CONC", mean, Statistic::Mean, &unit, None, context);
            record.dispersion = Some(Dispersion { kind: "SD".to_owned(), value: sd });
            records.push(record);
        }
    }
    finish(study, table, Layout::Residues, veterinary, records)
}
