//! Long tables of concentrations, one row per sample, as supplements, case series and
//! data listings print them (`docs/CONVENTIONS.md`, "Long tables"):
//!
//! - `Subject | Time (h) | Concentration (ng/mL)`: the subject's id on every row, or on its
//!   first row only with blank cells below continuing it;
//! - the time with its unit in each cell under a header without one (`Sample` over `0.5 h`);
//! - the concentration's column headed by the specimen (`Plasma concentration (µg/mL)`), by
//!   the drug (`Cefquinavir (mg/L)`), or bare (`Concentration`) with the unit in the caption;
//! - samples below the limit of quantification printed `<LLOQ`, `BLQ` or `ND` (no gold);
//! - or sorted by time, `Time (h) | Subject | Concentration`, the subjects listed again
//!   under each sampling time (the time on every row, or on its first row only).
//!
//! Gold: each concentration with its subject as printed and its time.
//!
//! Three in ten print the samples as an analysis data set's listing, as supplements do
//! (`docs/CONVENTIONS.md`, "Data listings"): a NONMEM data file (`ID | TIME | AMT | DV |
//! MDV | EVID`, a dosing row before each subject's observations, `DV` defined in the
//! footnote with its specimen and unit, samples below the limit `.` with `MDV` 1), or a
//! CDISC SDTM PC listing (`USUBJID | PCTEST | PCSPEC | PCTPT | PCELTM | PCSTRESN |
//! PCSTRESU`, the planned time an ISO 8601 duration, `PT30M`, results below the limit only
//! in `PCSTRESC`).

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
    let sampled = sampled(rng, subjects, g.route, !study.species.animal);
    if rng.chance(0.3) {
        return if rng.chance(0.5) {
            nonmem(rng, study, subjects, sampled, id, index, veterinary)
        } else {
            sdtm_pc(rng, study, sampled, id, index, veterinary)
        };
    }
    let Sampled { times, unit, values } = sampled;
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
    // (Or sorted by time, the subjects again under each time, its unit in the header.)
    let by_time = !unit_in_cells && rng.chance(0.3);
    let header = if by_time {
        vec![vec![time_header.to_owned(), word.to_owned(), value_header.clone()]]
    } else {
        vec![vec![word.to_owned(), time_header.to_owned(), value_header.clone()]]
    };
    let mut body = Vec::new();
    // Each gold cell: its row, the subject's index and the time's.
    let mut cells = Vec::new();
    let mut sample = |body: &mut Vec<Vec<String>>, s: usize, j: usize, first: bool| {
        let (text, value) = &values[s][j];
        let time = if unit_in_cells { format!("{} h", time_text(times[j])) } else { time_text(times[j]) };
        let printed = if value.is_some() { text.clone() } else { censored.to_owned() };
        if value.is_some() {
            cells.push((body.len(), s, j));
        }
        body.push(if by_time {
            vec![if once && !first { String::new() } else { time }, ids[s].clone(), printed]
        } else {
            vec![if once && !first { String::new() } else { ids[s].clone() }, time, printed]
        });
    };
    if by_time {
        for j in 0..times.len() {
            for s in 0..values.len() {
                sample(&mut body, s, j, s == 0);
            }
        }
    } else {
        for s in 0..values.len() {
            for j in 0..times.len() {
                sample(&mut body, s, j, j == 0);
            }
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

/// The samples as a NONMEM data file prints them: a dosing row (`AMT` the subject's dose,
/// `MDV` 1, `EVID` 1) before each subject's observations, `DV` defined in the footnote.
fn nonmem(
    rng: &mut Rng,
    study: &Study,
    subjects: &[crate::pk::Nca],
    Sampled { times, unit, values }: Sampled,
    id: &str,
    index: u32,
    veterinary: bool,
) -> SynthTable {
    let first = if rng.chance(0.5) { 1 } else { 101 };
    let weight_column = rng.chance(0.4);
    // Observation rows print `AMT` as `.` or `0`.
    let no_amount = *rng.pick(&[".", "0"]);
    let mut header = vec!["ID", "TIME", "AMT", "DV", "MDV", "EVID"];
    if weight_column {
        header.push("WT");
    }
    let header = vec![header.into_iter().map(str::to_owned).collect()];
    let mut body = Vec::new();
    let mut cells = Vec::new();
    for (s, row) in values.iter().enumerate() {
        let subject = (first + s).to_string();
        let weight = crate::format::number(subjects[s].body_weight, 1, false);
        let line = |cells: Vec<String>| {
            let mut cells = cells;
            if weight_column {
                cells.push(weight.clone());
            }
            cells
        };
        let dose = crate::format::number(subjects[s].dose, crate::format::decimals_for(subjects[s].dose, 2), false);
        body.push(line(vec![subject.clone(), "0".into(), dose, ".".into(), "1".into(), "1".into()]));
        for (j, (text, value)) in row.iter().enumerate() {
            let (dv, mdv) = if value.is_some() { (text.clone(), "0") } else { (".".to_owned(), "1") };
            if value.is_some() {
                cells.push((body.len(), s, j));
            }
            body.push(line(vec![subject.clone(), time_text(times[j]), no_amount.into(), dv, mdv.into(), "0".into()]));
        }
    }
    let caption = format!(
        "Table {index}. {} data set of the population pharmacokinetic analysis of {} in {} (NONMEM format).",
        *rng.pick(&["Listing of the", "Excerpt of the", "The"]),
        study.drug.name,
        study.population.unwrap_or(study.subjects_word),
    );
    let mut table = assemble(id, caption, header, body);
    table.footnote = Some(format!(
        "ID, subject identifier; TIME, time after the dose (h); AMT, dose (mg); DV, {} concentration of {} ({}); MDV, missing dependent variable; EVID, event identifier (0 observation, 1 dose){}.",
        study.matrix,
        study.drug.name,
        unit.text,
        if weight_column { "; WT, body weight (kg)" } else { "" }
    ));
    let records = cells
        .into_iter()
        .filter_map(|(r, s, j)| {
            let value = values[s][j].1?;
            let mut context = base_context(study);
            context.subject = Some((first + s).to_string());
            context.time = Some(format!("{} h", time_text(times[j])));
            Some(gold(
                &table,
                r,
                3,
                "DV",
                "CONC",
                value,
                Statistic::Individual,
                &unit,
                Some(Family::Concentration),
                context,
            ))
        })
        .collect();
    finish(study, table, Layout::Listing, veterinary, records)
}

/// A planned time as an ISO 8601 duration, as SDTM's `PCELTM` prints it (`PT30M`, `PT2H`,
/// `PT1H30M`).
fn iso_duration(hours: f64) -> String {
    let minutes = (hours * 60.0).round() as u64;
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("PT{m}M"),
        (h, 0) => format!("PT{h}H"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

/// The samples as a CDISC SDTM PC listing: one row per sample, the analyte and specimen in
/// capitals, the planned time by name (`2H POST-DOSE`) and as an ISO 8601 duration.
fn sdtm_pc(
    rng: &mut Rng,
    study: &Study,
    Sampled { times, unit, values }: Sampled,
    id: &str,
    index: u32,
    veterinary: bool,
) -> SynthTable {
    let study_code = format!("HS-{}", 100 + rng.below(900));
    let site = 10 + rng.below(90);
    let character_result = rng.chance(0.5);
    let mut header = vec!["USUBJID", "PCTEST", "PCSPEC", "PCTPT", "PCELTM", "PCSTRESN", "PCSTRESU"];
    if character_result {
        header.insert(5, "PCSTRESC");
    }
    let result_col = header.iter().position(|h| *h == "PCSTRESN").unwrap_or_default();
    let header = vec![header.into_iter().map(str::to_owned).collect()];
    let test = study.drug.name.to_uppercase();
    let specimen = study.matrix.to_uppercase();
    let subject = |s: usize| format!("{study_code}-{site}-{:03}", s + 1);
    let mut body = Vec::new();
    let mut cells = Vec::new();
    for (s, row) in values.iter().enumerate() {
        for (j, (text, value)) in row.iter().enumerate() {
            let minutes = (times[j] * 60.0).round();
            let point = if minutes < 60.0 {
                format!("{minutes}MIN POST-DOSE")
            } else {
                format!("{}H POST-DOSE", time_text(times[j]))
            };
            let (numeric, character) =
                if value.is_some() { (text.clone(), text.clone()) } else { (String::new(), "BLQ".into()) };
            if value.is_some() {
                cells.push((body.len(), s, j));
            }
            let mut line = vec![
                subject(s),
                test.clone(),
                specimen.clone(),
                point,
                iso_duration(times[j]),
                numeric,
                unit.text.to_owned(),
            ];
            if character_result {
                line.insert(5, character);
            }
            body.push(line);
        }
    }
    let caption = format!(
        "Table {index}. Listing of {} concentrations of {} (SDTM PC domain) after {} administration of {}.",
        study.matrix,
        study.drug.name,
        route_word(study.groups[0].route),
        study.groups[0].dose_text
    );
    let table = assemble(id, caption, header, body);
    let records = cells
        .into_iter()
        .filter_map(|(r, s, j)| {
            let value = values[s][j].1?;
            let mut context = base_context(study);
            context.subject = Some(subject(s));
            context.analyte = Some(test.clone());
            context.time = Some(format!("{} h", time_text(times[j])));
            let concentration = Some(Family::Concentration);
            Some(gold(
                &table,
                r,
                result_col,
                "PCSTRESN",
                "CONC",
                value,
                Statistic::Individual,
                &unit,
                concentration,
                context,
            ))
        })
        .collect();
    finish(study, table, Layout::Listing, veterinary, records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn some_long_tables_are_sorted_by_time() {
        // `Time (h) | Subject | Concentration`, each subject again under each time; gold
        // points at the concentration's cell with that row's subject and time.
        let mut seen = false;
        for seed in 0..300 {
            let mut rng = Rng::new(seed);
            let study = Study::draw(&mut rng, seed % 2 == 0);
            let t = long_table(&mut rng, &study, "t", 1, seed % 2 == 0);
            if t.layout != Layout::LongTable || !t.table.header_rows[0][0].contains("(h)") {
                continue;
            }
            seen = true;
            let rows = &t.table.body_rows;
            for r in &t.gold {
                let row = r.provenance.row.unwrap() as usize;
                assert_eq!(rows[row][1], r.context.subject.clone().unwrap());
                // (The time printed on the row or on its block's first row above.)
                let time = (0..=row).rev().map(|k| rows[k][0].as_str()).find(|c| !c.is_empty()).unwrap();
                assert_eq!(format!("{time} h"), r.context.time.clone().unwrap());
            }
        }
        assert!(seen, "no long table sorted by time");
    }
}
