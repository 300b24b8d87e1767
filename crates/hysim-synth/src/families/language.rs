//! Per-subject concentrations printed in another language: a European journal's table in
//! German, French, Spanish, Italian, Portuguese, Dutch, Polish, Czech or Swedish, with
//! decimal commas, or an East Asian one's in Japanese, Chinese or Korean, with decimal
//! points (Japanese and Chinese with full-width brackets, `投与後時間（h）`); the language's words for the
//! subjects, the sampling time, the mean and its SD, and its mark for a sample below the
//! limit (`<BG`, `<LQ`, `<LC`, `BLQ`); the caption in that language and its word order
//! gives the drug, the specimen and the unit.
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
    /// The caption of concentrations, in the language's word order: `{table}`, `{index}`,
    /// `{drug}`, `{unit}`, `{specimen}` and `{dose}` stand for theirs.
    caption: &'static str,
    /// Plasma, serum and milk in the language.
    plasma: &'static str,
    serum: &'static str,
    milk: &'static str,
    /// A summary table's lines: the median, the CV, the range and its ends, and its
    /// caption (as `caption`, without the unit).
    median: &'static str,
    cv: &'static str,
    range: &'static str,
    min: &'static str,
    max: &'static str,
    parameters: &'static str,
    /// Whether numbers print with a decimal comma (the European languages) or a point
    /// (Japanese, Chinese, Korean).
    comma: bool,
}

impl Language {
    /// `text` with the language's decimal mark.
    fn decimal(&self, text: &str) -> String {
        if self.comma { text.replace('.', ",") } else { text.to_owned() }
    }

    /// `template` with the drug, the unit, the specimen and the dose filled in.
    fn fill(&self, template: &str, index: u32, drug: &str, unit: &str, specimen: &str, dose: &str) -> String {
        let dose = self.decimal(dose);
        template
            .replace("{table}", self.table)
            .replace("{index}", &index.to_string())
            .replace("{drug}", drug)
            .replace("{unit}", unit)
            .replace("{specimen}", specimen)
            .replace("{dose}", &dose)
    }
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
        caption: "{table} {index}. Konzentrationen von {drug} ({unit}) in {specimen} nach Gabe von {dose}.",
        plasma: "Plasma",
        serum: "Serum",
        milk: "Milch",
        median: "Median",
        cv: "VK (%)",
        range: "Spannweite",
        min: "Min",
        max: "Max",
        parameters: "{table} {index}. Pharmakokinetische Parameter von {drug} in {specimen} nach Gabe von {dose}.",
        comma: true,
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
        caption: "{table} {index}. Concentrations de {drug} ({unit}) dans le {specimen} après administration de {dose}.",
        plasma: "plasma",
        serum: "sérum",
        milk: "lait",
        median: "Médiane",
        cv: "CV (%)",
        range: "Étendue",
        min: "Min",
        max: "Max",
        parameters: "{table} {index}. Paramètres pharmacocinétiques de {drug} dans le {specimen} après administration de {dose}.",
        comma: true,
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
        caption: "{table} {index}. Concentraciones de {drug} ({unit}) en {specimen} tras la administración de {dose}.",
        plasma: "plasma",
        serum: "suero",
        milk: "leche",
        median: "Mediana",
        cv: "CV (%)",
        range: "Rango",
        min: "Mín",
        max: "Máx",
        parameters: "{table} {index}. Parámetros farmacocinéticos de {drug} en {specimen} tras la administración de {dose}.",
        comma: true,
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
        caption: "{table} {index}. Concentrazioni di {drug} ({unit}) nel {specimen} dopo la somministrazione di {dose}.",
        plasma: "plasma",
        serum: "siero",
        milk: "latte",
        median: "Mediana",
        cv: "CV (%)",
        range: "Range",
        min: "Min",
        max: "Max",
        parameters: "{table} {index}. Parametri farmacocinetici di {drug} nel {specimen} dopo la somministrazione di {dose}.",
        comma: true,
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
        caption: "{table} {index}. Concentrações de {drug} ({unit}) no {specimen} após a administração de {dose}.",
        plasma: "plasma",
        serum: "soro",
        milk: "leite",
        median: "Mediana",
        cv: "CV (%)",
        range: "Mín–Máx",
        min: "Mín",
        max: "Máx",
        parameters: "{table} {index}. Parâmetros farmacocinéticos de {drug} no {specimen} após a administração de {dose}.",
        comma: true,
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
        caption: "{table} {index}. Concentraties van {drug} ({unit}) in {specimen} na toediening van {dose}.",
        plasma: "plasma",
        serum: "serum",
        milk: "melk",
        median: "Mediaan",
        cv: "CV (%)",
        range: "Spreiding",
        min: "Min",
        max: "Max",
        parameters: "{table} {index}. Farmacokinetische parameters van {drug} in {specimen} na toediening van {dose}.",
        comma: true,
    },
    Language {
        table: "Tabela",
        people: &["Pacjent", "Ochotnik"],
        animal: "Zwierzę",
        times: &["Czas po podaniu (h)", "Czas (h)", "Czas (godz.)"],
        mean: "Średnia",
        sd: "SD",
        censored: "<LOQ",
        censored_note: "<LOQ, poniżej granicy oznaczalności ({}).",
        weight: "Masa ciała (kg)",
        age: "Wiek (lata)",
        caption: "{table} {index}. Stężenia {drug} ({unit}) w {specimen} po podaniu {dose}.",
        plasma: "osoczu",
        serum: "surowicy",
        milk: "mleku",
        median: "Mediana",
        cv: "CV (%)",
        range: "Zakres",
        min: "Min",
        max: "Maks",
        parameters: "{table} {index}. Parametry farmakokinetyczne {drug} w {specimen} po podaniu {dose}.",
        comma: true,
    },
    Language {
        table: "Tabulka",
        people: &["Pacient", "Dobrovolník"],
        animal: "Zvíře",
        times: &["Čas po podání (h)", "Čas (h)", "Čas (hod)"],
        mean: "Průměr",
        sd: "SD",
        censored: "<LOQ",
        censored_note: "<LOQ, pod mezí stanovitelnosti ({}).",
        weight: "Hmotnost (kg)",
        age: "Věk (roky)",
        caption: "{table} {index}. Koncentrace {drug} ({unit}) v {specimen} po podání {dose}.",
        plasma: "plazmě",
        serum: "séru",
        milk: "mléce",
        median: "Medián",
        cv: "CV (%)",
        range: "Rozpětí",
        min: "Min",
        max: "Max",
        parameters: "{table} {index}. Farmakokinetické parametry {drug} v {specimen} po podání {dose}.",
        comma: true,
    },
    Language {
        table: "Tabell",
        people: &["Patient", "Försöksperson"],
        animal: "Djur",
        times: &["Tid efter dos (h)", "Tid (h)", "Tid (timmar)"],
        mean: "Medelvärde",
        sd: "SD",
        censored: "<LOQ",
        censored_note: "<LOQ, under kvantifieringsgränsen ({}).",
        weight: "Vikt (kg)",
        age: "Ålder (år)",
        caption: "{table} {index}. Koncentrationer av {drug} ({unit}) i {specimen} efter administrering av {dose}.",
        plasma: "plasma",
        serum: "serum",
        milk: "mjölk",
        median: "Median",
        cv: "CV (%)",
        range: "Variationsbredd",
        min: "Min",
        max: "Max",
        parameters: "{table} {index}. Farmakokinetiska parametrar för {drug} i {specimen} efter administrering av {dose}.",
        comma: true,
    },
    Language {
        table: "表",
        people: &["被験者", "患者"],
        animal: "動物番号",
        times: &["投与後時間（h）", "時間（h）", "採血時間（h）"],
        mean: "平均",
        sd: "標準偏差",
        censored: "BLQ",
        censored_note: "BLQ：定量下限（{}）未満。",
        weight: "体重（kg）",
        age: "年齢（歳）",
        caption: "{table} {index}. {drug} {dose}投与後の{specimen}中{drug}濃度（{unit}）",
        plasma: "血漿",
        serum: "血清",
        milk: "乳汁",
        median: "中央値",
        cv: "変動係数（%）",
        range: "範囲",
        min: "最小値",
        max: "最大値",
        parameters: "{table} {index}. {drug} {dose}投与後の{specimen}中{drug}の薬物動態パラメータ",
        comma: false,
    },
    Language {
        table: "表",
        people: &["受试者", "患者"],
        animal: "动物编号",
        times: &["给药后时间（h）", "时间（h）", "采血时间（h）"],
        mean: "平均值",
        sd: "标准差",
        censored: "BLQ",
        censored_note: "BLQ：低于定量下限（{}）。",
        weight: "体重（kg）",
        age: "年龄（岁）",
        caption: "{table} {index}. 单次给予{drug} {dose}后{specimen}中{drug}浓度（{unit}）",
        plasma: "血浆",
        serum: "血清",
        milk: "乳汁",
        median: "中位数",
        cv: "变异系数（%）",
        range: "范围",
        min: "最小值",
        max: "最大值",
        parameters: "{table} {index}. 单次给予{drug} {dose}后{specimen}中{drug}的药代动力学参数",
        comma: false,
    },
    Language {
        table: "표",
        people: &["대상자", "환자"],
        animal: "동물",
        times: &["투여 후 시간 (h)", "시간 (h)", "채혈 시간 (h)"],
        mean: "평균",
        sd: "표준편차",
        censored: "BLQ",
        censored_note: "BLQ: 정량한계 ({}) 미만.",
        weight: "체중 (kg)",
        age: "연령 (세)",
        caption: "{table} {index}. {drug} {dose} 투여 후 {specimen} 중 {drug} 농도 ({unit})",
        plasma: "혈장",
        serum: "혈청",
        milk: "모유",
        median: "중앙값",
        cv: "변동계수 (%)",
        range: "범위",
        min: "최솟값",
        max: "최댓값",
        parameters: "{table} {index}. {drug} {dose} 투여 후 {specimen} 중 {drug}의 약동학 파라미터",
        comma: false,
    },
];

/// The studies this family prints: one group of at most fourteen subjects sampled in
/// plasma, serum or milk.
pub(crate) fn prints_abroad(study: &Study) -> bool {
    study.groups.len() == 1
        && study.groups[0].subjects.len() <= 14
        && matches!(study.matrix, "plasma" | "serum" | "milk")
}

/// The first group's concentrations by subject and time, in one of the languages.
pub(crate) fn other_language(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    let lang = rng.pick(LANGUAGES);
    // A number with the language's decimal mark.
    let comma = |x: f64, decimals: usize| number(x, decimals, lang.comma);
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
    // Cells print with the language's decimal mark and its censored mark.
    let cell = |text: &str, value: Option<f64>| match value {
        Some(_) => lang.decimal(text),
        None if text == "<LLOQ" => lang.censored.to_owned(),
        None => text.to_owned(),
    };
    let printed_time = |t: f64| lang.decimal(&time_text(t));
    let caption = lang.fill(lang.caption, index, study.drug.name, unit.text, specimen, &g.dose_text);
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

/// Statistics as rows in one of the languages, parameters across (`Mittelwert | SD | VK
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
        comma: lang.comma,
    };
    let specimen = match study.matrix {
        "serum" => lang.serum,
        "milk" => lang.milk,
        _ => lang.plasma,
    };
    let caption = lang.fill(lang.parameters, index, study.drug.name, "", specimen, &study.groups[0].dose_text);
    statistic_rows_in(rng, study, id, veterinary, &words, |_| String::new(), caption, Layout::StatisticRowsAbroad)
}
