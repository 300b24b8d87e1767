//! Per-subject concentrations printed in another language: a European journal's table in
//! German, French, Spanish, Italian, Portuguese or Dutch, with decimal commas, the
//! language's words for the subjects, the sampling time, the mean and its SD, and its mark
//! for a sample below the limit (`<BG`, `<LQ`, `<LC`); the caption in that language gives
//! the drug, the specimen and the unit.
//!
//! - Subjects down (`Paciente` over `1 | 2 | 3`, or coded `P1`), covariates perhaps beside
//!   them (`Gewicht (kg)` with decimal commas, no PK result), the times across under a
//!   spanning time header (`Zeit nach Gabe (h)` over `0,5 | 1 | 2`), perhaps the
//!   language's `Mittelwert` and `SD` rows below.
//! - Or the times down and the subjects across by their word and number (`Paziente 3`).

use hysim_core::{Dispersion, Record, Statistic};
use hysim_units::Family;

use super::{Sampled, StatisticWords, assemble, base_context, finish, gold, sampled, statistic_rows_in, time_text};
use crate::format::{decimals_for, number, printed_value};
use crate::render::{Layout, SynthTable};
use crate::rng::Rng;
use crate::study::Study;

/// One language's words for a per-subject concentration table.
struct Language {
    /// The word of a table (`Tabelle`).
    table: &'static str,
    /// Words for human subjects (`Patient`, `Proband`).
    people: &'static [&'static str],
    /// The word for animals (`Tier`).
    animal: &'static str,
    /// Time headers with their unit.
    times: &'static [&'static str],
    /// The mean's and the SD's row labels.
    mean: &'static str,
    sd: &'static str,
    /// The mark of a sample below the limit of quantification, and the footnote's sentence
    /// defining it (`{}` for the limit).
    censored: &'static str,
    censored_note: &'static str,
    /// Body weight and age covariates' headers.
    weight: &'static str,
    age: &'static str,
    /// The caption: `{table} {index}. {concentrations} {drug} ({unit}) {in} {specimen}
    /// {after} {dose}.`
    concentrations: &'static str,
    in_specimen: &'static str,
    after: &'static str,
    /// Plasma, serum and milk in the language.
    plasma: &'static str,
    serum: &'static str,
    milk: &'static str,
    /// A summary table's lines: the median, the CV, the range and its ends, and the
    /// caption's words for pharmacokinetic parameters.
    median: &'static str,
    cv: &'static str,
    range: &'static str,
    min: &'static str,
    max: &'static str,
    parameters: &'static str,
}

const LANGUAGES: &[Language] = &[
    Language {
        table: "Tabelle",
        people: &["Patient", "Proband"],
        animal: "Tier-Nr.",
        times: &["Zeit nach Gabe (h)", "Zeit (h)", "Zeit nach Applikation (Stunden)"],
        mean: "Mittelwert",
        sd: "SD",
        censored: "<BG",
        censored_note: "<BG, unterhalb der Bestimmungsgrenze ({}).",
        weight: "Gewicht (kg)",
        age: "Alter (Jahre)",
        concentrations: "Konzentrationen von",
        in_specimen: "in",
        after: "nach Gabe von",
        plasma: "Plasma",
        serum: "Serum",
        milk: "Milch",
        median: "Median",
        cv: "VK (%)",
        range: "Spannweite",
        min: "Min",
        max: "Max",
        parameters: "Pharmakokinetische Parameter von",
    },
    Language {
        table: "Tableau",
        people: &["Patient", "Sujet"],
        animal: "Animal",
        times: &["Temps après administration (h)", "Temps (h)", "Temps (heures)"],
        mean: "Moyenne",
        sd: "ET",
        censored: "<LQ",
        censored_note: "<LQ, inférieur à la limite de quantification ({}).",
        weight: "Poids (kg)",
        age: "Âge (ans)",
        concentrations: "Concentrations de",
        in_specimen: "dans le",
        after: "après administration de",
        plasma: "plasma",
        serum: "sérum",
        milk: "lait",
        median: "Médiane",
        cv: "CV (%)",
        range: "Étendue",
        min: "Min",
        max: "Max",
        parameters: "Paramètres pharmacocinétiques de",
    },
    Language {
        table: "Tabla",
        people: &["Paciente", "Sujeto"],
        animal: "Animal",
        times: &["Tiempo tras la dosis (h)", "Tiempo (h)", "Tiempo (horas)"],
        mean: "Media",
        sd: "DE",
        censored: "<LC",
        censored_note: "<LC, por debajo del límite de cuantificación ({}).",
        weight: "Peso (kg)",
        age: "Edad (años)",
        concentrations: "Concentraciones de",
        in_specimen: "en",
        after: "tras la administración de",
        plasma: "plasma",
        serum: "suero",
        milk: "leche",
        median: "Mediana",
        cv: "CV (%)",
        range: "Rango",
        min: "Mín",
        max: "Máx",
        parameters: "Parámetros farmacocinéticos de",
    },
    Language {
        table: "Tabella",
        people: &["Paziente", "Soggetto"],
        animal: "Animale",
        times: &["Tempo dopo la somministrazione (h)", "Tempo (h)", "Tempo (ore)"],
        mean: "Media",
        sd: "DS",
        censored: "<LOQ",
        censored_note: "<LOQ, inferiore al limite di quantificazione ({}).",
        weight: "Peso (kg)",
        age: "Età (anni)",
        concentrations: "Concentrazioni di",
        in_specimen: "nel",
        after: "dopo la somministrazione di",
        plasma: "plasma",
        serum: "siero",
        milk: "latte",
        median: "Mediana",
        cv: "CV (%)",
        range: "Range",
        min: "Min",
        max: "Max",
        parameters: "Parametri farmacocinetici di",
    },
    Language {
        table: "Tabela",
        people: &["Paciente", "Voluntário"],
        animal: "Animal",
        times: &["Tempo após a administração (h)", "Tempo (h)", "Tempo (horas)"],
        mean: "Média",
        sd: "DP",
        censored: "<LQ",
        censored_note: "<LQ, abaixo do limite de quantificação ({}).",
        weight: "Peso (kg)",
        age: "Idade (anos)",
        concentrations: "Concentrações de",
        in_specimen: "no",
        after: "após a administração de",
        plasma: "plasma",
        serum: "soro",
        milk: "leite",
        median: "Mediana",
        cv: "CV (%)",
        range: "Mín–Máx",
        min: "Mín",
        max: "Máx",
        parameters: "Parâmetros farmacocinéticos de",
    },
    Language {
        table: "Tabel",
        people: &["Patiënt", "Proefpersoon"],
        animal: "Dier",
        times: &["Tijd na toediening (h)", "Tijd (h)", "Tijd (uur)"],
        mean: "Gemiddelde",
        sd: "SD",
        censored: "<LOQ",
        censored_note: "<LOQ, onder de bepalingsgrens ({}).",
        weight: "Gewicht (kg)",
        age: "Leeftijd (jaar)",
        concentrations: "Concentraties van",
        in_specimen: "in",
        after: "na toediening van",
        plasma: "plasma",
        serum: "serum",
        milk: "melk",
        median: "Mediaan",
        cv: "CV (%)",
        range: "Spreiding",
        min: "Min",
        max: "Max",
        parameters: "Farmacokinetische parameters van",
    },
];

/// The studies this family prints: one group of at most fourteen subjects sampled in
/// plasma, serum or milk.
pub(crate) fn prints_abroad(study: &Study) -> bool {
    study.groups.len() == 1
        && study.groups[0].subjects.len() <= 14
        && matches!(study.matrix, "plasma" | "serum" | "milk")
}

/// A number with a decimal comma.
fn comma(x: f64, decimals: usize) -> String {
    number(x, decimals, true)
}

/// The first group's concentrations by subject and time, in one of six languages.
pub(crate) fn other_language(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    let lang = rng.pick(LANGUAGES);
    let g = &study.groups[0];
    let human = !study.species.animal;
    let Sampled { times, unit, values } = sampled(rng, &g.subjects, g.route, human);
    let word = if human { *rng.pick(lang.people) } else { lang.animal };
    let time_word = *rng.pick(lang.times);
    let specimen = match study.matrix {
        "serum" => lang.serum,
        "milk" => lang.milk,
        _ => lang.plasma,
    };
    let transpose = rng.chance(0.35);
    let summary = !transpose && rng.chance(0.5);
    // Subjects down are numbered or coded by their word's initial (`P1`).
    let coded = !transpose && rng.chance(0.3);
    let n = g.subjects.len();
    let ids: Vec<String> = (1..=n)
        .map(|k| {
            if transpose {
                format!("{word} {k}")
            } else if coded {
                format!("{}{k}", word.chars().next().unwrap_or('P'))
            } else {
                k.to_string()
            }
        })
        .collect();
    let covariates: Vec<(&str, Vec<String>)> = if transpose || !rng.chance(0.4) {
        Vec::new()
    } else {
        let mut all = vec![(lang.weight, g.subjects.iter().map(|s| comma(s.body_weight, 1)).collect())];
        if human {
            all.push((lang.age, g.subjects.iter().map(|_| format!("{}", 19 + rng.below(45))).collect()));
        }
        all.truncate(1 + rng.below(all.len()));
        all
    };
    let skip = covariates.len();
    // Cells print with a decimal comma; the censored mark is the language's.
    let cell = |text: &str, value: Option<f64>| match value {
        Some(_) => text.replace('.', ","),
        None if text == "<LLOQ" => lang.censored.to_owned(),
        None => text.to_owned(),
    };
    let printed_time = |t: f64| time_text(t).replace('.', ",");
    let caption = format!(
        "{} {index}. {} {} ({}) {} {specimen} {} {}.",
        lang.table,
        lang.concentrations,
        study.drug.name,
        unit.text,
        lang.in_specimen,
        lang.after,
        g.dose_text.replace('.', ",")
    );
    let lloq = values.iter().flatten().filter_map(|(_, v)| *v).fold(f64::INFINITY, f64::min);
    let censored = values.iter().flatten().any(|(_, v)| v.is_none());
    // Each time's mean, SD and the mean's decimals, where two subjects or more have a value.
    let summaries: Vec<Option<(f64, f64, usize)>> = (0..times.len())
        .map(|j| {
            let xs: Vec<f64> = values.iter().filter_map(|v| v[j].1).collect();
            (xs.len() >= 2).then(|| {
                let (m, sd) = super::mean_sd(&xs);
                (m, sd, decimals_for(m, 3))
            })
        })
        .collect();
    let (header, body) = if transpose {
        let mut top = vec![time_word.to_owned()];
        top.extend(ids.iter().cloned());
        let body = times
            .iter()
            .enumerate()
            .map(|(j, &t)| {
                let mut row = vec![printed_time(t)];
                row.extend(values.iter().map(|v| cell(&v[j].0, v[j].1)));
                row
            })
            .collect();
        (vec![top], body)
    } else {
        let mut top = vec![word.to_owned()];
        let mut second = vec![word.to_owned()];
        for (name, _) in &covariates {
            top.push((*name).to_owned());
            second.push((*name).to_owned());
        }
        top.extend(std::iter::repeat_n(time_word.to_owned(), times.len()));
        second.extend(times.iter().map(|&t| printed_time(t)));
        let mut body: Vec<Vec<String>> = values
            .iter()
            .enumerate()
            .map(|(k, v)| {
                std::iter::once(ids[k].clone())
                    .chain(covariates.iter().map(|(_, column)| column[k].clone()))
                    .chain(v.iter().map(|(text, value)| cell(text, *value)))
                    .collect()
            })
            .collect();
        if summary {
            for (label, sd) in [(lang.mean, false), (lang.sd, true)] {
                let mut row = vec![label.to_owned()];
                row.extend(std::iter::repeat_n(String::new(), skip));
                row.extend(summaries.iter().map(|summary| match *summary {
                    Some((m, s, d)) => comma(if sd { s } else { m }, d),
                    None => "NA".to_owned(),
                }));
                body.push(row);
            }
        }
        (vec![top, second], body)
    };
    let mut table = assemble(id, caption, header, body);
    if censored {
        let limit = format!("{} {}", comma(lloq * 0.5, decimals_for(lloq * 0.5, 3)), unit.text);
        table.footnote = Some(lang.censored_note.replace("{}", &limit));
    }
    let family = Some(Family::Concentration);
    let mut records: Vec<Record> = Vec::new();
    for (s, row) in values.iter().enumerate() {
        for (j, (_, value)) in row.iter().enumerate() {
            let Some(v) = value else { continue };
            let (r, c) = if transpose { (j, s + 1) } else { (s, j + 1 + skip) };
            let mut context = base_context(study);
            context.subject = Some(ids[s].clone());
            context.time = Some(format!("{} h", time_text(times[j])));
            let raw = if transpose { table.body_rows[r][0].clone() } else { table.header_path(c).join(" / ") };
            records.push(gold(&table, r, c, &raw, "CONC", *v, Statistic::Individual, &unit, family, context));
        }
    }
    if summary {
        for (j, &t) in times.iter().enumerate() {
            let Some((m, sd, d)) = summaries[j] else { continue };
            let (r, c) = (n, j + 1 + skip);
            let mut context = base_context(study);
            context.time = Some(format!("{} h", time_text(t)));
            let raw = table.header_path(c).join(" / ");
            let mut record =
                gold(&table, r, c, &raw, "CONC", printed_value(m, d), Statistic::Mean, &unit, family, context);
            record.dispersion = Some(Dispersion { kind: "SD".to_owned(), value: printed_value(sd, d) });
            records.push(record);
        }
    }
    finish(study, table, Layout::OtherLanguage, veterinary, records)
}

/// The studies whose summary this family prints: one group of three subjects or more.
pub(crate) fn summarises_abroad(study: &Study) -> bool {
    study.groups.len() == 1 && study.groups[0].subjects.len() >= 3 && !study.matrix.ends_with("tissue")
}

/// Statistics as rows in one of six languages, parameters across (`Mittelwert | SD | VK
/// (%) | Median | Spannweite | n`, or `Min` and `Max` lines), decimal commas: one record per
/// central value, the mean with its SD, the median with its range.
pub(crate) fn statistic_rows_abroad(
    rng: &mut Rng,
    study: &Study,
    id: &str,
    index: u32,
    veterinary: bool,
) -> SynthTable {
    let lang = rng.pick(LANGUAGES);
    let words = StatisticWords {
        mean: lang.mean,
        sd: lang.sd,
        cv: lang.cv,
        median: lang.median,
        min: lang.min,
        max: lang.max,
        range: lang.range,
        comma: true,
    };
    let specimen = match study.matrix {
        "serum" => lang.serum,
        "milk" => lang.milk,
        _ => lang.plasma,
    };
    let caption = format!(
        "{} {index}. {} {} {} {specimen} {} {}.",
        lang.table,
        lang.parameters,
        study.drug.name,
        lang.in_specimen,
        lang.after,
        study.groups[0].dose_text.replace('.', ",")
    );
    statistic_rows_in(rng, study, id, veterinary, &words, |_| String::new(), caption, Layout::StatisticRowsAbroad)
}
