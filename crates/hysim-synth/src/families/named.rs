//! Animals named, not numbered: the per-subject concentrations of a small veterinary study
//! of dogs, cats or horses, each animal printed by its name.
//!
//! - Times down, the names across under a spanning concentration header (`Time (h) |
//!   Plasma concentration (µg/mL)` over `Bella | Duke | Shadow`), or in the one header row
//!   beside the times with the unit in the caption ("concentrations of X (µg/mL) in three
//!   cats"), the caption counting the animals ("in three horses"), sometimes a `Mean` or
//!   `Mean ± SD` column after them.
//! - Or the names down under the species' header (`Horse`), the sampling times across under
//!   a spanning time header, sometimes a `Mean` or `Mean ± SD` row below them.
//! - Either way, sometimes each name with the animal's sex and weight after it (`Bella F,
//!   24.1 kg`, a header's second line as the reader reads it), the caption then not counting
//!   the animals: only individuals have a sex and a weight.

use hysim_core::{Dispersion, Record, Statistic};
use hysim_units::Family;

use super::{Sampled, assemble, base_context, finish, gold, sampled, time_text, weight_cell};
use crate::format::{decimals_for, number, printed_value};
use crate::render::{Layout, SynthTable, capitalise, route_word};
use crate::rng::Rng;
use crate::study::Study;

/// Names owners and stables give their animals: one capitalised word each, none of them a
/// drug, a specimen, a statistic, a parameter or a time.
const NAMES: &[&str] = &[
    "Bella", "Duke", "Shadow", "Luna", "Rocky", "Daisy", "Milo", "Ginger", "Buddy", "Rosie", "Oscar", "Willow",
    "Jasper", "Pepper", "Biscuit", "Maple", "Hazel", "Copper", "Juniper", "Rusty", "Clover", "Dakota", "Tango",
    "Pippin", "Nala", "Bruno", "Sasha", "Thunder", "Misty", "Apollo",
];

/// Counts as captions write them.
const COUNT_WORDS: &[&str] = &["two", "three", "four", "five", "six", "seven", "eight"];

/// The species whose animals papers name (companion animals and horses).
pub(crate) fn names_its_animals(study: &Study) -> bool {
    matches!(study.species.name, "dog" | "cat" | "horse") && study.groups[0].subjects.len() >= 3
}

/// A table of three to six of the first group's animals, each named.
pub(crate) fn named_subjects(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    let g = &study.groups[0];
    let k = (3 + rng.below(4)).min(g.subjects.len());
    let subjects = &g.subjects[..k];
    let Sampled { times, unit, values } = sampled(rng, subjects, g.route, false);
    let mut pool: Vec<&str> = NAMES.to_vec();
    let names: Vec<&str> = (0..k).map(|_| pool.remove(rng.below(pool.len()))).collect();
    let plural = *rng.pick(study.species.plural);
    let count = if rng.chance(0.6) { COUNT_WORDS[k - 2].to_owned() } else { k.to_string() };
    let across = rng.chance(0.6);
    let mean = rng.chance(0.5);
    // (Each name with its sex and weight, the caption counting none.)
    let covariates = rng.chance(0.3);
    let labels: Vec<String> = names
        .iter()
        .zip(subjects)
        .map(|(name, s)| {
            if covariates {
                format!("{name} {}, {} kg", if rng.chance(0.5) { "F" } else { "M" }, weight_cell(s))
            } else {
                (*name).to_owned()
            }
        })
        .collect();
    let count = if covariates { String::new() } else { format!("{count} ") };
    // Names across in the one header row beside the times, the unit in the caption after
    // the drug ("concentrations of X (µg/mL) in three cats").
    let one_row = across && rng.chance(0.4);
    let matrix = capitalise(study.matrix);
    let caption = if one_row {
        format!(
            "Table {index}. {matrix} concentrations of {} ({}) in {count}{plural} after {} administration of {}.",
            study.drug.name,
            unit.text,
            route_word(g.route),
            g.dose_text
        )
    } else {
        format!(
            "Table {index}. {matrix} concentrations{} of {} in {count}{plural} after {} administration of {}.",
            if across { String::new() } else { format!(" ({})", unit.text) },
            study.drug.name,
            route_word(g.route),
            g.dose_text
        )
    };
    let with_sd = rng.chance(0.5);
    let mean_label = if with_sd { "Mean ± SD" } else { "Mean" };
    // The mean (and SD) over the animals with a value at time `j`, when two or more have
    // one: the printed cell, the mean and the SD as printed.
    let mean_at = |j: usize| -> Option<(String, f64, f64)> {
        let xs: Vec<f64> = values.iter().filter_map(|v| v[j].1).collect();
        (xs.len() >= 2).then(|| {
            let n = xs.len() as f64;
            let m = xs.iter().sum::<f64>() / n;
            let sd = (xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
            let d = decimals_for(m, 3);
            let text = if with_sd {
                format!("{} ± {}", number(m, d, false), number(sd, d, false))
            } else {
                number(m, d, false)
            };
            (text, printed_value(m, d), printed_value(sd, d))
        })
    };
    let mean_text = |j: usize| mean_at(j).map_or_else(|| "NA".to_owned(), |(text, ..)| text);
    let (header, body) = if across {
        let time = "Time (h)".to_owned();
        let span = format!("{matrix} concentration ({})", unit.text);
        let mut top = vec![time.clone()];
        let mut second = vec![time];
        top.extend(std::iter::repeat_n(span, k));
        second.extend(labels.iter().cloned());
        if mean {
            top.push(mean_label.to_owned());
            second.push(mean_label.to_owned());
        }
        let body = times
            .iter()
            .enumerate()
            .map(|(j, &t)| {
                let mut row = vec![time_text(t)];
                row.extend(values.iter().map(|v| v[j].0.clone()));
                if mean {
                    row.push(mean_text(j));
                }
                row
            })
            .collect();
        (if one_row { vec![second] } else { vec![top, second] }, body)
    } else {
        let word = capitalise(study.species.name);
        let span = (*rng.pick(&["Time after dose (h)", "Sampling time (h)", "Time (h)"])).to_owned();
        let mut top = vec![word.clone()];
        let mut second = vec![word];
        top.extend(std::iter::repeat_n(span, times.len()));
        second.extend(times.iter().map(|&t| time_text(t)));
        let mut body: Vec<Vec<String>> = labels
            .iter()
            .zip(&values)
            .map(|(label, v)| std::iter::once(label.clone()).chain(v.iter().map(|(text, _)| text.clone())).collect())
            .collect();
        if mean {
            let mut row = vec![mean_label.to_owned()];
            row.extend((0..times.len()).map(mean_text));
            body.push(row);
        }
        (vec![top, second], body)
    };
    let table = assemble(id, caption, header, body);
    // The cell of animal `s` at time `j`, and of the mean at time `j`.
    let cell = |s: usize, j: usize| if across { (j, s + 1) } else { (s, j + 1) };
    let mean_cell = |j: usize| if across { (j, k + 1) } else { (k, j + 1) };
    let family = Some(Family::Concentration);
    let mut records: Vec<Record> = Vec::new();
    for (s, row) in values.iter().enumerate() {
        for (j, (_, value)) in row.iter().enumerate() {
            let Some(v) = value else { continue };
            let (r, c) = cell(s, j);
            let mut context = base_context(study);
            context.subject = Some(names[s].to_owned());
            context.time = Some(format!("{} h", time_text(times[j])));
            let raw = table.header_path(c).join(" / ");
            records.push(gold(&table, r, c, &raw, "CONC", *v, Statistic::Individual, &unit, family, context));
        }
    }
    if mean {
        for (j, &t) in times.iter().enumerate() {
            let Some((_, v, sd)) = mean_at(j) else { continue };
            let (r, c) = mean_cell(j);
            let mut context = base_context(study);
            context.time = Some(format!("{} h", time_text(t)));
            let raw = table.header_path(c).join(" / ");
            let mut record = gold(&table, r, c, &raw, "CONC", v, Statistic::Mean, &unit, family, context);
            record.dispersion = with_sd.then(|| Dispersion { kind: "SD".to_owned(), value: sd });
            records.push(record);
        }
    }
    finish(study, table, Layout::NamedSubjects, veterinary, records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_sex_and_weight_and_no_count() {
        // Some tables print each name with its sex and weight and count no animals; the gold
        // names the animal alone.
        let mut seen = false;
        for seed in 0..400 {
            let mut rng = Rng::new(seed);
            let study = Study::draw(&mut rng, true);
            if !names_its_animals(&study) {
                continue;
            }
            let t = named_subjects(&mut rng, &study, "t", 1, true);
            let cells: Vec<&String> = t.table.header_rows.iter().chain(&t.table.body_rows).flatten().collect();
            let labelled = cells.iter().any(|c| c.ends_with(" kg") && (c.contains(" F, ") || c.contains(" M, ")));
            if !labelled {
                continue;
            }
            seen = true;
            let caption = t.table.caption.as_deref().unwrap_or_default();
            assert!(!COUNT_WORDS.iter().any(|w| caption.contains(&format!(" {w} "))), "{caption}");
            for r in t.gold.iter().filter(|r| r.statistic == Statistic::Individual) {
                let subject = r.context.subject.as_deref().unwrap_or_default();
                assert!(NAMES.contains(&subject), "{subject}");
            }
        }
        assert!(seen, "no table named its animals with their sex and weight");
    }
}
