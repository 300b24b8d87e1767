//! Study context of a table's records: the drug and analyte, species, population, matrix,
//! dose and route, read from the caption, the footnote, the headers and the paper's title
//! and abstract.
//!
//! - [`drug`]: a vocabulary of drugs with their molecular weights (else a word with a
//!   drug-name stem), the dose as printed, the human population;
//! - `route`, `species`, `matrix`: the route, species and sampled matrix a text names (the
//!   paper's title and abstract for what the table leaves out);
//! - [`table_context`]: what every record of a table shares.

pub mod drug;
mod matrix;
mod route;
mod species;
mod words;

use hysim_core::{Context, Table};

pub use drug::{Drug, dose_in, drug_in, drug_like_in, drug_name_in, is_generic_population, population_in};
pub(crate) use drug::{known_metabolite, metabolite_in};
pub use matrix::{matrices_in, paper_matrices};
pub(crate) use matrix::{matrix_of, paper_matrix};
#[cfg(test)]
pub(crate) use route::paper_route;
pub(crate) use route::{route_of, uncoded_extravascular};
pub(crate) use species::species_of;
pub(crate) use words::{Phrases, has_word, paper_text};

/// The context every record of a table shares, and the molecular weight of its drug when
/// the vocabulary knows it (molar units convert with it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableContext {
    /// Drug and analyte, species, population, matrix, dose and route.
    pub context: Context,
    /// Molecular weight of the drug, g/mol.
    pub molecular_weight: Option<f64>,
}

/// The context a table's caption and footnote give every record (drug and analyte,
/// species, population, matrix, dose, route), and the molecular weight of its drug when
/// the vocabulary knows it. The paper's title, when the table carries it, gives the drug,
/// species and population the caption and footnote leave out, and with the abstract the
/// route a caption does not name (a population they name only
/// as "patients" yields to a more specific one in the title).
pub fn table_context(table: &Table) -> TableContext {
    let caption = table.caption.clone().unwrap_or_default();
    let footnote = table.footnote.clone().unwrap_or_default();
    let title = table.title.clone().unwrap_or_default();
    let context_text = format!("{caption} {footnote}");
    let route = route::table_route(table, &caption);
    let drug = table_drug(table);
    let species = species_of(&context_text).or_else(|| species_of(&title));
    let population = || {
        let named: Vec<&str> = [&caption, &footnote, &title].into_iter().filter_map(|t| population_in(t)).collect();
        named.iter().find(|p| !is_generic_population(p)).or(named.first()).map(|p| (*p).to_owned())
    };
    // (What the caption says was measured after another was given: a prodrug's active
    // metabolite, with its own molecular weight where the vocabulary knows it.)
    let measured = drug.as_ref().and_then(|(name, _)| measured_after_another(&caption, &title, &footnote, name));
    let molecular_weight = match &measured {
        Some(analyte) => drug_name_in(analyte).and_then(|(_, mw)| mw),
        None => drug.as_ref().and_then(|(_, mw)| *mw),
    };
    let context = Context {
        drug: drug.as_ref().map(|(name, _)| name.clone()),
        analyte: measured.or_else(|| drug.as_ref().map(|(name, _)| name.clone())),
        species: species.map(str::to_owned),
        population: species.is_none_or(|s| s == "human").then(population).flatten(),
        // A caption that names two matrices ("in umbilical vein and maternal serum") leaves
        // the matrix to each record's label; blood said to be drawn beside plasma or serum
        // is what was drawn ("plasma concentrations in blood drawn before the oxygenator"),
        // as in [`paper_matrices`].
        matrix: {
            let mut named = matrices_in(&caption);
            // (Only blood said to be drawn or sampled: `whole blood and plasma` are two.)
            let lower = crate::fold::lower(&caption);
            let drawn = ["blood drawn", "blood samples", "blood sampled", "blood collected", "blood was drawn"]
                .iter()
                .any(|w| lower.contains(w));
            if drawn && !lower.contains("whole blood") && named.iter().any(|m| matches!(*m, "plasma" | "serum")) {
                named.retain(|m| *m != "blood");
            }
            match named.as_slice() {
                [one] => Some((*one).to_owned()),
                _ => None,
            }
        },
        dose: dose_in(&caption).or_else(|| dose_in(&footnote)),
        route: route.map(|(r, _)| r.to_owned()),
        group: None,
        subject: None,
        time: None,
    };
    TableContext { context, molecular_weight }
}

/// The compound a caption says was measured where it names another as given: "plasma X
/// concentrations after a single oral dose of Y" (a prodrug's active metabolite, a drug's
/// metabolite measured alone): X, where it reads as a drug's name (a word of six letters or
/// more, no word of prose by its ending, that names no specimen, species, population, route
/// or parameter, and is a drug's name the vocabulary or a stem knows or that the title or
/// footnote prints again) and differs from the drug given, `drug`, which the caption names
/// after "after" or "following".
fn measured_after_another(caption: &str, title: &str, footnote: &str, drug: &str) -> Option<String> {
    let lower = crate::fold::lower(caption);
    let words: Vec<&str> =
        lower.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()).collect();
    let drug = crate::fold::lower(drug);
    let quantity = words.iter().position(|w| matches!(*w, "concentrations" | "concentration" | "levels"))?;
    let after = quantity + 1 + words[quantity + 1..].iter().position(|w| matches!(*w, "after" | "following"))?;
    if !words[after + 1..].iter().take(8).any(|w| **w == drug) {
        return None;
    }
    // (The word before the quantity, or before the specimen before it: `serocin plasma
    // concentrations`, `plasma serocin concentrations`.)
    let mut k = quantity.checked_sub(1)?;
    if !matrices_in(words[k]).is_empty() {
        k = k.checked_sub(1)?;
    }
    let name = words[k];
    // (A drug's name, known or printed again in the title or notes, `the active metabolite
    // serocin`: not a word of the caption's own, `Median`, `Breast`, `Simulated`.)
    let named_again = || {
        drug_name_in(name).is_some()
            || crate::context::drug_like_in(name).is_some()
            || [title, footnote]
                .iter()
                .any(|t| crate::fold::lower(t).split(|c: char| !(c.is_alphanumeric() || c == '-')).any(|w| w == name))
    };
    let drug_like = name.len() >= 6
        && !prose_word(name)
        && named_again()
        && name != drug
        && name.chars().all(|c| c.is_alphabetic() || c == '-')
        && !NOT_DRUGS.contains(&name)
        && !matches!(name, "trough" | "steady-state" | "observed" | "predicted" | "residual" | "maternal" | "fetal")
        && matrices_in(name).is_empty()
        && species_of(name).is_none()
        && population_in(name).is_none()
        && route_of(name).is_none()
        && crate::params::parameter_code(name, None).is_none();
    drug_like.then(|| name.to_owned())
}

/// The table's drug: from the caption, else the footnote, else the title (its molecular
/// weight, where the vocabulary knows it, converts molar units).
pub(crate) fn table_drug(table: &Table) -> Option<(String, Option<f64>)> {
    let caption = table.caption.as_deref().unwrap_or_default();
    let title = table.title.as_deref().unwrap_or_default();
    // A known drug the caption or footnote names as given with the study's (`with and without
    // rifampicin-based treatment`, `co-administered with ketoconazole`) is an interaction's
    // perpetrator: the drug the title and caption introduce instead (`Steady-state
    // pharmacokinetics of tesmivirine ... with and without rifampicin`; a title's `influence of
    // concomitant phenobarbital` over a glossary's `PB, phenobarbital`).
    let footnote = table.footnote.as_deref().unwrap_or_default();
    if let Some((known, _)) = drug_name_in(caption).or_else(|| drug_name_in(footnote))
        && ([caption, footnote, title].iter().any(|text| given_with(text, &known)) || for_sedation(footnote, &known))
        && let Some(study) = study_drug(title, caption)
            .filter(|s| !s.eq_ignore_ascii_case(&known))
            .or_else(|| study_drug(caption, caption).filter(|s| !s.eq_ignore_ascii_case(&known)))
    {
        // (With its molecular weight where the vocabulary knows it.)
        return Some(drug_name_in(&study).unwrap_or((study, None)));
    }
    drug_name_in(caption)
        .or_else(|| drug_name_in(footnote))
        .or_else(|| title_drug(title))
        .or_else(|| study_drug(title, caption).map(|name| (name, None)))
        // (Or where only the caption names it, between its specimen and its quantity: `Serum X
        // concentrations in five brown bears` under a title about probes of metabolism.)
        .or_else(|| {
            study_drug(caption, caption)
                .filter(|name| between_specimen_and_quantity(caption, name))
                .map(|name| (name, None))
        })
}

/// Whether `caption` prints `name` right after a specimen and right before its quantity
/// (`Serum X concentrations`, `Plasma X levels`).
fn between_specimen_and_quantity(caption: &str, name: &str) -> bool {
    let lower = crate::fold::lower(caption);
    let words: Vec<&str> =
        lower.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()).collect();
    let name = crate::fold::lower(name);
    // (A word of prose is none: `Urinary unchanged concentrations`; nor the body's own
    // markers measured beside a drug, `Serum cortisol levels`, `Plasma insulin
    // concentrations`: where they are the drug studied, the title names them.)
    const MARKERS: &[&str] = &[
        "glucose",
        "insulin",
        "cortisol",
        "albumin",
        "creatinine",
        "cholesterol",
        "triglyceride",
        "triglycerides",
        "potassium",
        "sodium",
        "calcium",
        "magnesium",
        "phosphate",
        "urea",
        "bilirubin",
        "lactate",
        "ferritin",
        "haemoglobin",
        "hemoglobin",
        "prolactin",
        "testosterone",
        "estradiol",
        "oestradiol",
        "progesterone",
    ];
    if prose_word(&name) || MARKERS.contains(&name.as_str()) {
        return false;
    }
    // (Nor what the specimen's word with it names, no drug: `serum creatinine`, `plasma
    // glucose`, whose pair the specimens' vocabulary refuses as a sample.)
    words.windows(3).any(|w| {
        w[1] == name
            && !matrices_in(w[0]).is_empty()
            && !matrices_in(&format!("{} {}", w[0], w[1])).is_empty()
            && matches!(w[2], "concentration" | "concentrations" | "level" | "levels")
    })
}

/// Whether `text` names `drug` as given with another (`with and without rifampicin`,
/// `rifampicin-based`, `plus ritonavir`, `X + itraconazole`, `alone and with X`,
/// `co-administered with X`, `co-treated with X`, `in combination with X`, `concomitant
/// phenobarbital`).
fn given_with(text: &str, drug: &str) -> bool {
    named_with(text, drug, |before, after| {
        // (Not a bare `with`: `perfusion with X`, `treated with X` give the study drug.)
        [
            "without",
            "plus",
            "+",
            "alone and with",
            "concomitant",
            "coadministered with",
            "co-administered with",
            "co-treated with",
            "combination with",
        ]
        .iter()
        .any(|w| {
            let rest = before.strip_suffix(w);
            rest.is_some_and(|r| r.is_empty() || r.ends_with(|c: char| !c.is_alphanumeric()))
        }) || after.starts_with("-based")
            || after.starts_with("-containing")
    })
}

/// Whether the notes `text` name `drug` as the sampling's sedation or anaesthesia (`under
/// ketamine sedation`, `sedated with medetomidine`): a drug of the procedure, not the
/// study's. (Only the notes: a caption's `during X sedation` may be the study's drug.)
fn for_sedation(text: &str, drug: &str) -> bool {
    named_with(text, drug, |before, after| {
        [" sedation", " anaesthesia", " anesthesia", " premedication", "-sedated", "-anaesthetised"]
            .iter()
            .any(|w| after.starts_with(w))
            || [
                "sedated with",
                "anaesthetised with",
                "anaesthetized with",
                "anesthetised with",
                "anesthetized with",
                "immobilised with",
                "immobilized with",
            ]
            .iter()
            .any(|w| before.ends_with(w))
    })
}

/// Whether `text` names `drug` (lower case, anywhere) where `said` holds of the text before
/// it (trimmed) and after it.
fn named_with(text: &str, drug: &str, said: impl Fn(&str, &str) -> bool) -> bool {
    let lower = crate::fold::lower(text);
    let drug = crate::fold::lower(drug);
    lower.match_indices(drug.as_str()).any(|(at, _)| said(lower[..at].trim_end(), &lower[at + drug.len()..]))
}

/// Words that stand where a drug's name stands in captions and titles but name none.
const NOT_DRUGS: &[&str] = &[
    "total",
    "free",
    "unbound",
    "single",
    "multiple",
    "repeated",
    "ascending",
    "healthy",
    "individual",
    "plasma",
    "serum",
    "blood",
    "pharmacokinetics",
    "pharmacokinetic",
    "concentrations",
    "concentration",
    "patients",
    "volunteers",
    "subjects",
    "children",
    "adults",
    "infants",
    "women",
    "doses",
    "dose",
    "infusion",
    "injection",
    "administration",
    "tablet",
    "tablets",
    "formulation",
    "formulations",
    "steady-state",
    "after",
    "and",
    "with",
    "different",
    "increasing",
    "high-dose",
    "low-dose",
    "parent",
    "metabolite",
    "metabolites",
    "drug",
    "drugs",
    "generic",
    "fasting",
    "fasted",
    "oral",
    "residues",
    "antibiotic",
    "antimicrobial",
    "cardiopulmonary",
    "population",
    "comparative",
    "clinical",
    "relative",
    // Who takes the drug, one of them (`of eight mother–infant pairs`, `infant plasma`).
    "infant",
    "mother",
    "neonate",
    "newborn",
    "patient",
    "subject",
    "volunteer",
    "participant",
    "child",
    "adult",
    "woman",
    // The classes drugs belong to (`the antidepressant X`).
    "antidepressant",
    "antidepressants",
    "anticoagulant",
    "antiepileptic",
    "antipsychotic",
    "antifungal",
    "antiviral",
    "antibacterial",
    "analgesic",
    "anaesthetic",
    "anesthetic",
    "immunosuppressant",
    "opioid",
    "anthelmintic",
    // How a drug is made or given, before its name (`nebulised X`, `liposomal X`).
    "nebulised",
    "nebulized",
    "aerosolised",
    "aerosolized",
    "inhaled",
    "liposomal",
    "pegylated",
    "micronised",
    "micronized",
    "novel",
    "investigational",
    "therapeutic",
];

/// The study drug of a paper whose drug neither the vocabulary nor a WHO INN stem knows (a
/// new compound, an investigational code): the word the title introduces after "of",
/// "for" or "to" ("Pharmacokinetics of X ...", "Placental transfer of X", "... of
/// once-daily X", "an assay for X", "Early exposure to X", at most four words on), that
/// the caption names where an analyte stands: after "of" or "to" ("concentrations of X",
/// "of total X", "exposure to X"), before the quantity ("X concentrations", "X plasma
/// concentrations", "X levels", or first of analytes listed so, "X and M2 concentrations"),
/// or first ("Table 1. X in milk"). A title's word before
/// its quantity ("X pharmacokinetics in neonates", "X serum concentrations") or its first
/// word ("X in infants: ...") counts only where the caption names it as an analyte, not
/// first. Not a specimen, route, species or population, nor a word of the table's own
/// vocabulary, a plural or a hyphenated modifier (`once-daily`, `long-acting`), nor an
/// adjective after the title's "of" (`a model of haemorrhagic shock`); a code is letters, a
/// hyphen and digits (`KRX-1187`, not `5-HT4`). Where the title introduces none: the
/// caption's first word before its quantity, else the word after the caption's quantity
/// and "of" (`concentrations of X`, `parameters of X`), neither prose nor a class's or a
/// design's word. Lower case but for a code.
fn study_drug(title: &str, caption: &str) -> Option<String> {
    /// The last parts of hyphenated modifiers of a drug's name or dosing.
    const MODIFIERS: &[&str] = &["daily", "release", "acting", "dose", "state", "label", "blind", "based", "term"];
    /// Words that follow an analyte's name in a caption.
    const QUANTITIES: &[&str] = &[
        "concentration",
        "concentrations",
        "level",
        "levels",
        "plasma",
        "serum",
        "blood",
        "pharmacokinetics",
        "pharmacokinetic",
        "exposure",
        "disposition",
        "residues",
        "residue",
        // (Which concentrations: `X trough concentrations`.)
        "trough",
        "peak",
    ];
    let caption_words: Vec<String> = crate::fold::lower(caption)
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    // The caption's first word after its label (`Table 3. X dose and whole-blood
    // concentrations`, `Table 1. X in milk`): where captions name what the table measures.
    // (The label in the paper's language too: `Tabelle 2 / Table 2. X ...`.)
    let first = caption_words.iter().position(|w| {
        !matches!(w.as_str(), "table" | "tabelle" | "tableau" | "tabla" | "tabela" | "tabella")
            && !w.chars().all(|c| c.is_ascii_digit())
    });
    // Where the caption names an analyte: after "of" (one word between at most), before a
    // quantity, or first.
    // (Or after its dose: `after 20 mg intranasal X`, `following 5 mg/kg X`.)
    let dose_unit = |w: &str| matches!(w, "mg" | "µg" | "μg" | "mcg" | "g" | "kg" | "iu" | "units");
    // A route's word, coded here or not (`oral`, `intranasal`).
    let route = |w: &str| route_of(w).is_some() || route::UNCODED_ROUTES.contains(&w);
    let after_dose = |k: usize| {
        let before = |j: usize| k.checked_sub(j).map(|i| caption_words[i].as_str());
        before(1).is_some_and(dose_unit) || before(1).is_some_and(route) && before(2).is_some_and(dose_unit)
    };
    let in_analyte_place = |w: &str, or_first: bool| {
        caption_words.iter().enumerate().any(|(k, c)| {
            c == w
                // (`... of the final population model for X`.)
                && ((k >= 1 && matches!(caption_words[k - 1].as_str(), "of" | "to" | "for"))
                    || (k >= 2 && caption_words[k - 2] == "of")
                    // (After an article and its class: `of the opioid X`, `of the antibiotic X`;
                    // not a formulation's words, `of the 3D-printed orodispersible tablet`.)
                    || (k >= 3
                        && caption_words[k - 3] == "of"
                        && matches!(caption_words[k - 2].as_str(), "the" | "a" | "an")
                        && matches!(
                            caption_words[k - 1].as_str(),
                            "opioid"
                                | "antibiotic"
                                | "antimicrobial"
                                | "antifungal"
                                | "antiviral"
                                | "antagonist"
                                | "agonist"
                                | "anticoagulant"
                                | "antiepileptic"
                                | "anticonvulsant"
                                | "anaesthetic"
                                | "anesthetic"
                                | "analgesic"
                                | "antidepressant"
                                | "antipsychotic"
                                | "inhibitor"
                                | "prodrug"
                                | "drug"
                                | "compound"
                                | "sedative"
                                | "antimalarial"
                                | "anthelmintic"
                                | "cephalosporin"
                                | "fluoroquinolone"
                                | "macrolide"
                                | "aminoglycoside"
                        ))
                    || after_dose(k)
                    || caption_words.get(k + 1).is_some_and(|n| QUANTITIES.contains(&n.as_str()))
                    // (First of analytes listed before their quantity: `X and M2
                    // concentrations`, `X, M1 and M2 levels`.)
                    || {
                        // (The others names too, not who or where: `X and individual plasma
                        // parameters` lists none.)
                        let next: Vec<&str> = caption_words[k + 1..].iter().take(5).map(String::as_str).collect();
                        let listed = |n: &&str| *n == "and" || !NOT_DRUGS.contains(n) && matrices_in(n).is_empty();
                        next.iter().position(|n| QUANTITIES.contains(n)).is_some_and(|q| {
                            q >= 2 && next[..q].contains(&"and") && next[..q].iter().all(listed) && next[q - 1] != "and"
                        })
                    }
                    || or_first && Some(k) == first
                    // (After the specimen the caption opens with: `Table 1. Plasma X in
                    // individual naked mole-rats`.)
                    || first.is_some_and(|f| k == f + 1 && !matrices_in(&caption_words[f]).is_empty())
                    // (First before where it was measured: `Table 2. X in plasma and edible
                    // tissue of individual European eels`.)
                    || Some(k) == first && caption_words.get(k + 1).is_some_and(|n| n == "in"))
        })
    };
    let words: Vec<&str> =
        title.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()).collect();
    let name_like = |w: &str, or_first: bool| {
        let lower = crate::fold::lower(w);
        let code = w.split_once('-').is_some_and(|(letters, digits)| {
            letters.len() >= 2
                && letters.chars().all(|c| c.is_ascii_uppercase())
                && !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
        });
        let word = w.len() >= 6
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !lower.rsplit('-').next().is_some_and(|last| w.contains('-') && MODIFIERS.contains(&last))
            // A plural (`antibiotics`, `residues`), not a name ending in -us or -is.
            && !(lower.ends_with('s') && !lower.ends_with("us") && !lower.ends_with("is"));
        (code || word)
            && in_analyte_place(&lower, or_first)
            && !NOT_DRUGS.contains(&lower.as_str())
            && matrices_in(&lower).is_empty()
            // (Nor the first word of a specimen's name in the caption: `Synovial fluid`.)
            && !caption_words.windows(2).any(|p| {
                p[0] == lower && matrices_in(&p[1]).is_empty() && !matrices_in(&format!("{} {}", p[0], p[1])).is_empty()
            })
            && !route(&lower)
            && species_of(&lower).is_none()
            && population_in(&lower).is_none()
            && crate::params::parameter_code(&lower, None).is_none()
            // (Nor a word naming which animals, before their species: `European eels`,
            // `broiler chickens`.)
            && !caption_words.windows(2).any(|p| p[0] == lower && species_of(&p[1]).is_some())
            && !words.windows(2).any(|p| crate::fold::lower(p[0]) == lower && species_of(p[1]).is_some())
    };
    let named = |w: &str| if w.chars().any(|c| c.is_ascii_digit()) { w.to_owned() } else { crate::fold::lower(w) };
    let adjective = |w: &str| {
        let lower = crate::fold::lower(w);
        ["ic", "ous", "ive", "ary", "ory"].iter().any(|e| lower.ends_with(e))
    };
    // Where the title introduces its drug: after "of", "for" or "to" ("Transfer of the
    // antidepressant X", "an assay for X", "exposure to X"), or before the quantity studied ("X
    // pharmacokinetics in neonates").
    let introduced = |or_first: bool| {
        words
            .iter()
            .enumerate()
            .filter(|(_, w)| ["of", "for", "to"].iter().any(|p| w.eq_ignore_ascii_case(p)))
            // (Not an adjective by its ending: `a porcine model of haemorrhagic shock`.)
            .find_map(|(k, _)| words[k + 1..].iter().take(5).find(|w| name_like(w, or_first) && !adjective(w)))
    };
    // The caption's analyte places before its first word: "Influence of obesity on the
    // pharmacokinetics of KRX-1187" over "Obesity class and KRX-1187 exposure" is KRX-1187's
    // table.
    let in_title = introduced(false)
        .or_else(|| introduced(true))
        // Before the title's quantity only where the caption also names it as an analyte
        // (`Population pharmacokinetics` over `Population pharmacokinetic parameters`
        // names no drug).
        .or_else(|| {
            words.windows(2).find_map(|pair| {
                let next = crate::fold::lower(pair[1]);
                (TITLE_QUANTITIES.contains(&next.as_str()) && name_like(pair[0], false)).then_some(&pair[0])
            })
        })
        // Or before a specimen and its quantity (`X serum concentrations during ...`), or
        // first (`X in infants younger than 1 year: steady-state pharmacokinetics`), where
        // the caption names it as an analyte.
        .or_else(|| {
            words.windows(3).find_map(|w| {
                let (specimen, quantity) = (crate::fold::lower(w[1]), crate::fold::lower(w[2]));
                (TITLE_QUANTITIES.contains(&quantity.as_str())
                    && !matrices_in(&specimen).is_empty()
                    && name_like(w[0], false))
                .then_some(&w[0])
            })
        })
        // (After the title's modifiers of its drug: `Once-daily prolonged-release X after
        // ...`, `Intravenous X in ...`; first in the caption too, `Table 1. X doses, routes
        // and serum concentrations` under `X in paediatric ...`.)
        .or_else(|| {
            let modifier = |w: &&&str| {
                let lower = crate::fold::lower(w);
                lower.rsplit_once('-').is_some_and(|(_, last)| MODIFIERS.contains(&last))
                    || route(&lower)
                    || NOT_DRUGS.contains(&lower.as_str())
            };
            // (First in the caption only before its doses or where it is found, `Table 1. X
            // doses, routes and ...`, `Table 2. X in maternal plasma`, `X and its metabolite`;
            // not a word of prose by its ending: `Therapeutic drug monitoring`, `Adverse
            // events in`, `Evaluation of` open both and name none.)
            let first_named = first.and_then(|k| caption_words.get(k + 1)).is_some_and(|n| {
                matches!(n.as_str(), "in" | "and" | "daily" | "dose" | "doses" | "dosing" | "dosage" | "dosages")
            });
            let prose = |w: &str| prose_word(&crate::fold::lower(w));
            words
                .iter()
                .find(|w| !modifier(w))
                .filter(|w| name_like(w, false) || first_named && !prose(w) && name_like(w, true))
        })
        .map(|w| {
            // An insulin's name is two words (`insulin glargine`, `insulin tarevec`: the
            // INN of every insulin analogue).
            let insulin = words.windows(2).any(|p| p[0].eq_ignore_ascii_case("insulin") && p[1] == *w);
            if insulin { format!("insulin {}", named(w)) } else { named(w) }
        });
    // Else the caption's first word before its quantity, where the title names no drug
    // (`Netrabycin concentrations (mg/L) read by a sensor ...` under "Continuous
    // aminoglycoside monitoring ..."): not a class of drugs, nor a word of prose.
    const CLASSES: &[&str] = &[
        "aminoglycoside",
        "glycopeptide",
        "cephalosporin",
        "fluoroquinolone",
        "carbapenem",
        "macrolide",
        "benzodiazepine",
        "opioid",
        "antibody",
        "cytokine",
        "metabolite",
        "drug",
        "study",
        // (Nor what the parameters are of where no drug is: `parameters of compound KX-4471`,
        // `paramètres du modèle`.)
        "compound",
        "compounds",
        "interest",
        "cohort",
        "cohorts",
        "bioequivalence",
        "racemate",
        "enantiomer",
        "enantiomers",
        "period",
        "group",
        "groups",
        "model",
        "modèle",
        "modelo",
        "modello",
        "modell",
    ];
    let drug_word = |w: &String| !prose_word(w) && !CLASSES.contains(&w.as_str()) && name_like(w, true);
    in_title
        .or_else(|| {
            let k = first?;
            let w = caption_words.get(k)?;
            let before_quantity = caption_words.get(k + 1).is_some_and(|n| {
                matches!(n.as_str(), "concentration" | "concentrations" | "level" | "levels" | "trough" | "residues")
            });
            (before_quantity && drug_word(w)).then(|| named(w))
        })
        // (Or the word after the caption's quantity and "of": `individual plasma
        // concentrations of X by sampling time` under "Clinical Pharmacology Review: X oral
        // suspension", `Pharmacokinetic parameters of X`.)
        .or_else(|| {
            caption_words.windows(3).find_map(|w| {
                let quantity = matches!(
                    w[0].as_str(),
                    "concentrations" | "concentration" | "levels" | "pharmacokinetics" | "parameters"
                );
                (quantity && w[1] == "of" && drug_word(&w[2])).then(|| named(&w[2]))
            })
        })
}

/// Whether a lower-case word is one of prose by its ending, no drug's name (`Therapeutic`,
/// `Adverse`, `Evaluation`): the first word of a caption or title that names none.
fn prose_word(lower: &str) -> bool {
    const PROSE_ENDINGS: &[&str] =
        &["al", "ic", "ive", "ous", "ory", "ary", "ent", "ant", "ed", "ing", "ion", "ity", "ness", "ment", "erse"];
    PROSE_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// Words a title puts after the drug it studies (`X pharmacokinetics in neonates`).
const TITLE_QUANTITIES: &[&str] = &[
    "pharmacokinetics",
    "pharmacokinetic",
    "concentrations",
    "exposure",
    "disposition",
    "monitoring",
    "residues",
    // A case series of poisonings (`Acute X poisoning`, `X overdose`).
    "poisoning",
    "poisonings",
    "overdose",
    "overdoses",
    "intoxication",
    "toxicity",
];

/// The drug a paper's title names, when it names one: a title that names two ("Effect of
/// rifampicin on the pharmacokinetics of midazolam") does not say which one a table
/// measures, and the wrong one's molecular weight would convert molar units wrongly.
fn title_drug(title: &str) -> Option<(String, Option<f64>)> {
    let first = drug_name_in(title)?;
    let rest = crate::fold::lower(title).replace(first.0.as_str(), " ");
    match drug_name_in(&rest) {
        Some((other, _)) if other != first.0 => None,
        _ => Some(first),
    }
}
