//! From a table grid to PK records.
//!
//! 1. Orientation: parameters as rows (the row stub names a parameter) or as columns (the
//!    header path names one); the reading with more mapped parameters wins, and a table
//!    with none (demographics, outcomes) yields no records.
//! 2. Each value cell becomes one record: the cell read by [`crate::parse_cell`], the unit
//!    from the parameter's label (`Cmax (ng/mL)`), a unit column or the header, the
//!    statistic and the meaning of the spread from the column header, the row stub, the
//!    caption or the footnote (`mean ± SD`, `median (range)`, `geometric mean (CV%)`, `95%
//!    CI`, `SEM`), and the context (drug and analyte, dose, species, population, matrix,
//!    route, group) from the caption, the footnote and the headers.
//! 3. The unit is converted to the canonical unit of the parameter's family when that is
//!    safe (`hysim-units`; molar units with the molecular weight of a known drug or
//!    analyte); otherwise `unit` and `value_canonical` stay null and the
//!    printed unit is kept in `unit_raw`.

use hysim_core::{Context, Dispersion, Interval, Provenance, Record, Statistic, Table};
use hysim_units::{Unit, convert, round_significant};

use crate::cell::{CellValue, Missing, Spread, parse_cell};
use crate::context::{dose_in, drug_in, drug_name_in, is_generic_population, population_in};
use crate::params::{Route, ambiguous_family, family_of_code, parameter_code};
use hysim_units::Family;

/// What the caption, footnote and headers say about statistics.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct StatHints {
    mean: bool,
    median: bool,
    geometric: bool,
    se: bool,
    ci: bool,
    range: bool,
    iqr: bool,
    cv: bool,
}

fn stat_hints(text: &str) -> StatHints {
    let t = text.to_lowercase();
    StatHints {
        mean: t.contains("mean") || t.contains("average"),
        median: t.contains("median"),
        geometric: t.contains("geometric") || t.contains("geo. mean") || t.contains("gmean"),
        se: t.contains("sem") && !t.contains("semi")
            || t.contains("± se")
            || t.contains("s.e.")
            || t.contains("standard error"),
        ci: t.contains("ci") && (t.contains("95") || t.contains("90")) || t.contains("confidence interval"),
        range: t.contains("range") || t.contains("min-max") || t.contains("min–max") || t.contains("minimum"),
        iqr: t.contains("iqr") || t.contains("interquartile") || t.contains("25th"),
        cv: t.contains("cv") || t.contains("coefficient of variation"),
    }
}

fn merge(a: StatHints, b: StatHints) -> StatHints {
    StatHints {
        mean: a.mean || b.mean,
        median: a.median || b.median,
        geometric: a.geometric || b.geometric,
        se: a.se || b.se,
        ci: a.ci || b.ci,
        range: a.range || b.range,
        iqr: a.iqr || b.iqr,
        cv: a.cv || b.cv,
    }
}

/// Whether the lower-case `lower` holds one of `words` as a whole word (punctuation
/// separates words).
fn has_word(lower: &str, words: &[&str]) -> bool {
    let is_sep =
        |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | ':' | '.'));
    words.iter().any(|w| {
        lower
            .match_indices(w)
            .any(|(i, _)| is_sep(lower[..i].chars().next_back()) && is_sep(lower[i + w.len()..].chars().next()))
    })
}

/// The routes a text names, in a fixed order.
fn routes_in(text: &str) -> Vec<(&'static str, Route)> {
    let t = text.to_lowercase();
    let mut out = Vec::new();
    if t.contains("intravenous") || has_word(&t, &["iv", "i v"]) || t.contains("i.v.") {
        out.push(("IV", Route::Intravascular));
    }
    if t.contains("oral") || t.contains("p.o.") || has_word(&t, &["po"]) {
        out.push(("PO", Route::Extravascular));
    }
    if t.contains("intramuscular") || t.contains("i.m.") || has_word(&t, &["im"]) {
        out.push(("IM", Route::Extravascular));
    }
    if t.contains("subcutaneous") || t.contains("s.c.") || has_word(&t, &["sc"]) {
        out.push(("SC", Route::Extravascular));
    }
    out
}

/// The paper's title and abstract, where the table carries them, as one text.
fn paper_text(table: &Table) -> String {
    [&table.title, &table.abstract_text].iter().filter_map(|t| t.as_deref()).collect::<Vec<_>>().join(" ")
}

/// A space or a dash between words (`blood-brain`, `blood–brain`, `blood\u{2010}brain`).
fn is_space_or_dash(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}')
}

/// Whether `text[start..end]` is a whole word: no letter or digit right before or after it.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !alnum(text[..start].chars().next_back()) && !alnum(text[end..].chars().next())
}

/// The word `rest` starts with after the characters `skip` accepts, in lower case.
fn next_word(rest: &str, skip: impl Fn(char) -> bool) -> String {
    rest.trim_start_matches(skip).chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase()
}

/// The word `before` ends with, spaces and dashes after it left out, in lower case.
fn previous_word(before: &str) -> String {
    let mut word: Vec<char> =
        before.trim_end_matches(is_space_or_dash).chars().rev().take_while(|c| c.is_alphabetic()).collect();
    word.reverse();
    word.into_iter().collect::<String>().to_lowercase()
}

/// The one route a paper's title and abstract name, if they name exactly one, as a caption
/// that names none leaves the route to them. Whole words only (`oral`, not the `oral` of
/// `temporal`), and only where they name how the drug was given:
/// - `IV` only in capitals and not as a numeral (`phase IV`, `grade IV`, `(iv)`); no bare
///   `im` (German `im`, imatinib's `IM`);
/// - not `oral fluid`, `oral cavity`, `oral glucose`, `intra-oral`..., not `intravenous
///   catheter`, `subcutaneous fat` or `subcutaneous adipose tissue`, nor a premedication or
///   sedation given `i.m.`;
/// - a paper that also names another route (intranasal, rectal, inhaled, epidural, ...) or
///   another drug's (`intravenous phenobarbital ... oral levetiracetam`) names two: none
///   is taken.
fn paper_route(table: &Table) -> Option<(&'static str, Route)> {
    /// A route's code and kind; `None` for a route that has no code here.
    type Coded = Option<(&'static str, Route)>;
    const ROUTES: &[(&[&str], Coded)] = &[
        (&["intravenous", "intravenously", "i.v"], Some(("IV", Route::Intravascular))),
        (&["oral", "orally", "p.o", "per os"], Some(("PO", Route::Extravascular))),
        (&["intramuscular", "intramuscularly", "i.m"], Some(("IM", Route::Extravascular))),
        (&["subcutaneous", "subcutaneously", "s.c"], Some(("SC", Route::Extravascular))),
        (
            &[
                "intranasal",
                "intranasally",
                "nasal",
                "rectal",
                "rectally",
                "sublingual",
                "buccal",
                "transdermal",
                "topical",
                "topically",
                "inhaled",
                "inhalation",
                "intraperitoneal",
                "intraperitoneally",
                "intramammary",
                "gavage",
                "intrathecal",
                "epidural",
                "intravitreal",
                "intra-articular",
                "vaginal",
                "intraosseous",
            ],
            None,
        ),
    ];
    const NOT_ROUTE_NEXT: &[&str] = &[
        "fluid",
        "fluids",
        "cavity",
        "mucositis",
        "mucosa",
        "glucose",
        "contraceptive",
        "contraceptives",
        "health",
        "hygiene",
        "presentation",
        "lesion",
        "lesions",
        "cancer",
        "surgery",
        "microbiome",
        "candidiasis",
        "catheter",
        "catheters",
        "line",
        "lines",
        "access",
        "cannula",
        "fat",
        "adipose",
        "tissue",
        "tissues",
    ];
    const NOT_ROUTE_BEFORE: &[&str] = &["intra", "peri"];
    const NOT_DOSE_NEAR: &[&str] = &["premedicat", "anaesthe", "anesthe", "sedat"];
    const NUMERAL_BEFORE: &[&str] = &["phase", "stage", "grade", "type", "class", "level", "category", "part", "iii"];
    let original = paper_text(table);
    let text = original.to_lowercase();
    // After a route word: `i.v. catheter`.
    let word_after = |rest: &str| next_word(rest, |c| is_space_or_dash(c) || c == '.');
    // The 40 characters before a match, lower case.
    let near = |before: &str| -> String {
        let chars: Vec<char> = before.chars().collect();
        chars[chars.len().saturating_sub(40)..].iter().collect::<String>().to_lowercase()
    };
    let names = |hay: &str, word: &str| {
        hay.match_indices(word).any(|(i, _)| {
            let end = i + word.len();
            is_whole_word(hay, i, end)
                && !NOT_ROUTE_NEXT.contains(&word_after(&hay[end..]).as_str())
                && !NOT_ROUTE_BEFORE.contains(&previous_word(&hay[..i]).as_str())
                && !NOT_DOSE_NEAR.iter().any(|stem| near(&hay[..i]).contains(stem))
        })
    };
    // `IV` in capitals, not a numeral or a list item.
    let capital_iv = original.match_indices("IV").any(|(i, _)| {
        let end = i + 2;
        is_whole_word(&original, i, end)
            && !original[..i].ends_with('(')
            && !NUMERAL_BEFORE.contains(&previous_word(&original[..i]).as_str())
            && !NOT_ROUTE_NEXT.contains(&word_after(&original[end..]).as_str())
            && !NOT_DOSE_NEAR.iter().any(|stem| near(&original[..i]).contains(stem))
    });
    let mut named: Vec<Option<(&'static str, Route)>> = Vec::new();
    for (words, route) in ROUTES {
        let iv = route.is_some_and(|(code, _)| code == "IV") && capital_iv;
        if (iv || words.iter().any(|w| names(&text, w))) && !named.contains(route) {
            named.push(*route);
        }
    }
    match named.as_slice() {
        [Some(one)] => Some(*one),
        _ => None,
    }
}

/// The route of a table: the one its caption names, else (a caption that names none) the
/// one its paper names. A caption that names two compares them: no route for the table.
fn table_route(table: &Table, caption: &str) -> Option<(&'static str, Route)> {
    match routes_in(caption).as_slice() {
        [one] => Some(*one),
        [] => paper_route(table),
        _ => None,
    }
}

/// The one route a text names, if it names exactly one.
fn route_of(text: &str) -> Option<(&'static str, Route)> {
    match routes_in(text).as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

fn species_of(text: &str) -> Option<&'static str> {
    const SPECIES: &[(&[&str], &str)] = &[
        (&["dog", "dogs", "beagle", "beagles", "canine"], "dog"),
        (&["cat", "cats", "feline"], "cat"),
        (&["cattle", "cow", "cows", "calves", "calf", "bovine"], "cattle"),
        (&["pig", "pigs", "swine", "piglets", "porcine"], "pig"),
        (&["horse", "horses", "equine", "ponies"], "horse"),
        (&["sheep", "ewes", "lambs", "ovine"], "sheep"),
        (&["goat", "goats", "caprine"], "goat"),
        (&["chicken", "chickens", "broilers", "hens"], "chicken"),
        (&["rat", "rats"], "rat"),
        (&["mouse", "mice"], "mouse"),
        (&["rabbit", "rabbits"], "rabbit"),
        (
            &[
                "human",
                "humans",
                "patients",
                "volunteers",
                "subjects",
                "children",
                "women",
                "men",
                "infants",
                "adults",
                "parturients",
                "neonates",
            ],
            "human",
        ),
    ];
    let lower = text.to_lowercase();
    SPECIES.iter().find(|(words, _)| has_word(&lower, words)).map(|(_, s)| *s)
}

/// Matrices by the words that name them; a phrase comes before the words it holds.
const MATRICES: &[(&str, &str)] = &[
    ("cord blood", "cord blood"),
    ("breast milk", "milk"),
    ("milk", "milk"),
    ("plasma", "plasma"),
    ("serum", "serum"),
    ("sera", "serum"),
    ("urine", "urine"),
    ("urinary", "urine"),
    ("whole blood", "blood"),
    ("blood", "blood"),
    ("cerebrospinal fluid", "cerebrospinal fluid"),
    ("csf", "cerebrospinal fluid"),
    ("amniotic fluid", "amniotic fluid"),
    ("saliva", "saliva"),
    ("bile", "bile"),
    ("lung tissue", "lung tissue"),
    ("liver tissue", "liver tissue"),
    ("kidney tissue", "kidney tissue"),
    ("renal tissue", "kidney tissue"),
    ("muscle tissue", "muscle tissue"),
    ("adipose tissue", "adipose tissue"),
    ("fat tissue", "adipose tissue"),
    ("brain tissue", "brain tissue"),
    ("skin tissue", "skin tissue"),
    ("tissues", "tissue"),
    ("tissue", "tissue"),
    ("residues", "tissue"),
];

/// The matrices `text` names as samples, in the order of the vocabulary: whole words only
/// (`milk/plasma` names both; `plasmapheresis` and `antiserum` name neither), and not where
/// a neighbouring word makes the fluid something other than a sample (`blood pressure`,
/// `blood–brain barrier`, `serum creatinine`, `urinary tract infection`, `fresh frozen
/// plasma`). A phrase hides its words from the entries after it: `cord blood` is not also
/// `blood`.
pub fn matrices_in(text: &str) -> Vec<&'static str> {
    let mut text = text.to_lowercase();
    let mut named: Vec<&'static str> = Vec::new();
    for (word, matrix) in MATRICES {
        let sampled = text.match_indices(word).any(|(i, _)| {
            let end = i + word.len();
            is_whole_word(&text, i, end) && !names_no_sample(&text[..i], &text[end..])
        });
        if sampled && !named.contains(matrix) {
            named.push(matrix);
        }
        if word.contains(' ') {
            text = text.replace(word, " ");
        }
    }
    named
}

/// Whether the words around a fluid's name make it something other than the sample a
/// drug was measured in: the next word (after spaces and dashes) in `blood pressure`,
/// `serum creatinine`, `plasma exchange`, `urine output`, `urinary tract`, `milk yield`,
/// or the word before in `frozen plasma`.
fn names_no_sample(before: &str, after: &str) -> bool {
    const NEXT: &[&str] = &[
        "pressure",
        "flow",
        "brain",
        "loss",
        "cell",
        "cells",
        "count",
        "counts",
        "vessel",
        "vessels",
        "transfusion",
        "transfusions",
        "donor",
        "donors",
        "supply",
        "product",
        "products",
        "group",
        "groups",
        "type",
        "sugar",
        "output",
        "exchange",
        "membrane",
        "creatinine",
        "albumin",
        "bilirubin",
        "potassium",
        "sodium",
        "calcium",
        "magnesium",
        "phosphate",
        "glucose",
        "cholesterol",
        "triglyceride",
        "triglycerides",
        "urea",
        "lactate",
        "ferritin",
        "renin",
        "thistle",
        "culture",
        "cultures",
        "tract",
        "retention",
        "incontinence",
        "yield",
        "replacer",
        "production",
        "duct",
        "ducts",
        "acid",
        "acids",
        "salt",
        "salts",
    ];
    const BEFORE: &[&str] = &["frozen"];
    NEXT.contains(&next_word(after, is_space_or_dash).as_str()) || BEFORE.contains(&previous_word(before).as_str())
}

fn matrix_of(text: &str) -> Option<&'static str> {
    matrices_in(text).first().copied()
}

/// The sampled fluids and tissues a paper's title and abstract name ("determined in plasma
/// and urine samples"; [`matrices_in`]), plasma, serum, blood, cord blood, urine and milk
/// first. Blood is left out where plasma or serum is named: blood is what was drawn,
/// plasma or serum what was measured.
pub fn paper_matrices(table: &Table) -> Vec<&'static str> {
    const FIRST: &[&str] = &["plasma", "serum", "blood", "cord blood", "urine", "milk"];
    let mut named = matrices_in(&paper_text(table));
    if named.iter().any(|m| matches!(*m, "plasma" | "serum")) {
        named.retain(|m| *m != "blood");
    }
    named.sort_by_key(|m| FIRST.iter().position(|o| o == m).unwrap_or(FIRST.len()));
    named
}

/// The one sampled fluid a paper's title and abstract name ([`paper_matrices`]), the
/// matrix of the records whose caption, label and group name none.
fn paper_matrix(table: &Table) -> Option<&'static str> {
    match paper_matrices(table).as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// Splits a footnote into its marked notes: `a Data presented as median [IQR]. b SD in
/// weeks.` → `[("a", "Data presented as median [IQR]."), ("b", "SD in weeks.")]`. A mark is
/// a letter `a`–`h` or one of `* † ‡ § ¶ #`, at the start or after a sentence, followed
/// by a space, a colon or a closing parenthesis.
fn footnote_marks(footnote: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = footnote.chars().collect();
    let is_mark = |c: char| ('a'..='h').contains(&c) || matches!(c, '*' | '†' | '‡' | '§' | '¶' | '#');
    let mut starts = Vec::new();
    for i in 0..chars.len() {
        let at_start = i == 0 || (i >= 2 && matches!(chars[i - 2], '.' | ';') && chars[i - 1] == ' ');
        if at_start && is_mark(chars[i]) && chars.get(i + 1).is_some_and(|c| matches!(c, ' ' | ':' | ')')) {
            starts.push(i);
        }
    }
    starts
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let end = starts.get(k + 1).copied().unwrap_or(chars.len());
            let text: String = chars[i + 1..end].iter().collect();
            (chars[i].to_string(), text.trim_start_matches([':', ')', ' ']).trim().to_owned())
        })
        .collect()
}

/// The unit printed in a label: the last parenthesised or bracketed part, or the part
/// after the last comma, when it reads as a unit.
fn unit_in_label(label: &str) -> Option<String> {
    let inner = match crate::params::split_trailing_group(label) {
        (_, Some(group)) => group,
        (_, None) => label.rfind(',').map(|i| &label[i + 1..])?,
    };
    // A footnote mark glued to the unit ("t1/2 (absorption), h*") is not part of it.
    let inner = inner.trim().trim_end_matches(crate::cell::MARK_SYMBOLS).trim_end();
    Unit::parse(inner).ok().map(|_| inner.to_owned())
}

/// `%` when a cell prints it right after its leading number (`89.4%`, `62 % (12)`), not
/// inside a spread (`845 (23%)` is a CV).
fn percent_after_value(cell: &str) -> Option<String> {
    let t = cell.trim_start();
    let number = t.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ','))).unwrap_or(t.len());
    (number > 0 && t[number..].trim_start().starts_with('%')).then(|| "%".to_owned())
}

/// A header that only names the statistic or says "value" is not a group.
fn is_generic_header(label: &str) -> bool {
    let key: String = label.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect();
    matches!(
        key.as_str(),
        "value"
            | "values"
            | "mean"
            | "meansd"
            | "meanse"
            | "meansem"
            | "meancv"
            | "median"
            | "medianrange"
            | "medianiqr"
            | "geometricmean"
            | "geometricmeancv"
            | "result"
            | "results"
            | "estimate"
            | "data"
    )
}

/// Columns that hold no value of this study's parameter: test statistics, differences
/// between groups, values quoted from other studies, and the abbreviations, equations and
/// definitions of a table that explains the parameters ("AUC0→∞" is no value of 0).
fn is_non_value_header(label: &str) -> bool {
    let l = label.to_lowercase().replace(['‐', '–', '-'], " ");
    const EXPLAINS: &[&str] =
        &["abbreviation", "abbreviations", "equation", "equations", "formula", "formulae", "definition", "definitions"];
    ["p value", "pvalue", "p val", "difference", "historical", "ratio of", "gmr", "test statistic"]
        .iter()
        .any(|w| l.contains(w))
        // Whole words: a "Test formulation" column holds values.
        || l.split(|c: char| !c.is_alphanumeric()).any(|w| EXPLAINS.contains(&w))
}

fn is_count_header(label: &str) -> bool {
    matches!(label.trim().to_lowercase().as_str(), "n" | "no." | "no" | "number" | "n subjects" | "number of subjects")
}

/// What a row stub or column header names.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Named {
    /// A parameter with a canonical code.
    Code(&'static str),
    /// A PK parameter that is ambiguous here (`AUC`, `Vd`, `MRT`): its records carry a
    /// null code, with the unit family `(plain, per body weight)` for conversion.
    Ambiguous(Family, Family),
}

/// Whether a cell reads as a number (a value, not a name): no parameter name starts with
/// a digit, a sign or a decimal point, so these skip the name lookup.
fn looks_numeric(text: &str) -> bool {
    text.trim_start().starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '−' | '.' | '<' | '>' | '±'))
}

fn named(text: &str, route: Option<Route>) -> Option<Named> {
    if looks_numeric(text) {
        return None;
    }
    parameter_code(text, route).map(Named::Code).or_else(|| ambiguous_family(text).map(|(a, b)| Named::Ambiguous(a, b)))
}

impl Named {
    fn code(self) -> Option<&'static str> {
        match self {
            Named::Code(c) => Some(c),
            Named::Ambiguous(..) => None,
        }
    }
}

/// The role of a column whose innermost header names a statistic (`10 mg/kg / Mean`,
/// `IV^SD`): the centre column gives the value, its siblings under the same parent the
/// dispersion or the interval.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Centre,
    Dispersion(&'static str),
    Low,
    High,
}

fn role_of(header: &str) -> Option<Role> {
    let key: String = header.to_lowercase().chars().filter(|c| c.is_alphanumeric() || *c == '%').collect();
    Some(match key.as_str() {
        "mean" | "median" | "geometricmean" | "gmean" | "value" | "estimate" | "average" => Role::Centre,
        "sd" | "stdev" | "standarddeviation" => Role::Dispersion("SD"),
        "se" | "sem" | "standarderror" => Role::Dispersion("SE"),
        "cv" | "cv%" | "%cv" | "cvpercent" => Role::Dispersion("CV%"),
        "min" | "minimum" | "lower" | "low" => Role::Low,
        "max" | "maximum" | "upper" | "high" => Role::High,
        _ => return None,
    })
}

/// What a record's label and group add to the table's context.
#[derive(Debug, Clone)]
struct LabelContext {
    matrix: Option<&'static str>,
    dose: Option<String>,
    analyte: Option<&'static crate::context::Drug>,
}

/// The context a table's caption and footnote give every record (drug and analyte,
/// species, population, matrix, dose, route), and the molecular weight of its drug when
/// the vocabulary knows it. The paper's title, when the table carries it, gives the drug,
/// species and population the caption and footnote leave out, and with the abstract the
/// route a caption does not name (a population they name only
/// as "patients" yields to a more specific one in the title).
pub fn table_context(table: &Table) -> (Context, Option<f64>) {
    let caption = table.caption.clone().unwrap_or_default();
    let footnote = table.footnote.clone().unwrap_or_default();
    let title = table.title.clone().unwrap_or_default();
    let context_text = format!("{caption} {footnote}");
    let route = table_route(table, &caption);
    // The drug from the caption, else the footnote, else the title; its molecular weight
    // converts molar units.
    let drug = drug_name_in(&caption).or_else(|| drug_name_in(&footnote)).or_else(|| title_drug(&title));
    let species = species_of(&context_text).or_else(|| species_of(&title));
    let population = || {
        let named: Vec<&str> = [&caption, &footnote, &title].into_iter().filter_map(|t| population_in(t)).collect();
        named.iter().find(|p| !is_generic_population(p)).or(named.first()).map(|p| (*p).to_owned())
    };
    let context = Context {
        drug: drug.as_ref().map(|(name, _)| name.clone()),
        analyte: drug.as_ref().map(|(name, _)| name.clone()),
        species: species.map(str::to_owned),
        population: species.is_none_or(|s| s == "human").then(population).flatten(),
        matrix: matrix_of(&caption).map(str::to_owned),
        dose: dose_in(&caption).or_else(|| dose_in(&footnote)),
        route: route.map(|(r, _)| r.to_owned()),
        group: None,
    };
    (context, drug.and_then(|(_, mw)| mw))
}

/// The drug a paper's title names, when it names one: a title that names two ("Effect of
/// rifampicin on the pharmacokinetics of midazolam") does not say which one a table
/// measures, and the wrong one's molecular weight would convert molar units wrongly.
fn title_drug(title: &str) -> Option<(String, Option<f64>)> {
    let first = drug_name_in(title)?;
    let rest = title.to_lowercase().replace(first.0.as_str(), " ");
    match drug_name_in(&rest) {
        Some((other, _)) if other != first.0 => None,
        _ => Some(first),
    }
}

/// A record from what a model read off a table (parameter code, cell as printed, unit as
/// printed, statistic, group), completed as the rule-based reader completes its own: the
/// cell's numbers and spread, the canonical unit and value, and the table's context (from
/// [`table_context`], computed once per table by the caller) with the group's route, dose,
/// analyte and matrix, else the one matrix the paper's title and abstract name.
pub fn model_record(
    table: &Table,
    table_context: &(Context, Option<f64>),
    parameter: &str,
    value_raw: &str,
    unit_raw: Option<&str>,
    statistic: Statistic,
    group: Option<&str>,
) -> Record {
    let (mut context, mut mw) = table_context.clone();
    let cell = parse_cell(value_raw);
    if let Some(g) = group {
        if let Some((r, _)) = route_of(g) {
            context.route = Some(r.to_owned());
        }
        if let Some(dose) = dose_in(g) {
            context.dose = Some(dose);
        }
        if let Some(analyte) = drug_in(g) {
            context.analyte = Some(analyte.name.to_owned());
            mw = Some(analyte.molecular_weight);
        }
        if context.matrix.is_none() {
            context.matrix = matrix_of(g).map(str::to_owned);
        }
        context.group = Some(g.to_owned());
    }
    if context.matrix.is_none() {
        context.matrix = paper_matrix(table).map(str::to_owned);
    }
    let (unit, value_canonical) = canonical(unit_raw, |per_kg| family_of_code(parameter, per_kg), cell.value, mw);
    let (dispersion, interval) = match cell.spread {
        Some(Spread::PlusMinus(d)) => (Some(Dispersion { kind: "SD".to_owned(), value: d }), None),
        Some(Spread::Paren { value, percent }) => {
            let kind = if percent || statistic == Statistic::GeometricMean { "CV%" } else { "SD" };
            (Some(Dispersion { kind: kind.to_owned(), value }), None)
        }
        Some(Spread::Interval { low, high }) => {
            let kind = if statistic == Statistic::Median { "range" } else { "95% CI" };
            (None, Some(Interval { kind: kind.to_owned(), low: low.min(high), high: low.max(high) }))
        }
        None => (None, None),
    };
    Record {
        table_id: table.id.clone(),
        parameter_raw: parameter.to_owned(),
        parameter: Some(parameter.to_owned()),
        value_raw: value_raw.trim().to_owned(),
        value: cell.value,
        statistic,
        dispersion,
        interval,
        unit_raw: unit_raw.map(str::to_owned),
        unit,
        value_canonical,
        n: cell.n,
        context,
        provenance: Provenance::default(),
        confidence: None,
        noise: None,
    }
}

/// Records of many tables, the tables in parallel, in input order.
pub fn tables_records(tables: &[Table]) -> Vec<Vec<Record>> {
    use rayon::prelude::*;
    tables.par_iter().map(table_records).collect()
}

/// Records of one table; `None` parameters are not emitted (a non-PK table gives none).
pub fn table_records(table: &Table) -> Vec<Record> {
    let caption = table.caption.clone().unwrap_or_default();
    let footnote = table.footnote.clone().unwrap_or_default();
    let context_text = format!("{caption} {footnote}");
    // Names read with the caption's route; a column's route, else the paper's, settles a
    // name that needs one (below).
    let route = route_of(&caption);
    let n_cols = table.n_cols();
    let paths: Vec<Vec<String>> = (0..n_cols).map(|c| table.header_path(c)).collect();
    let labels: Vec<String> = paths.iter().map(|p| p.join(" / ")).collect();
    let header_label = |col: usize| labels[col].clone();
    let route_kind = route.map(|(_, k)| k);

    // Parameters as rows: the stub column is the one of the first three that names the
    // most parameters (columns before it are groups, such as the analyte).
    let stub_col = (0..n_cols.min(3))
        .max_by_key(|&c| {
            let hits = table
                .body_rows
                .iter()
                .filter(|r| {
                    r.get(c).filter(|s| !looks_numeric(s)).and_then(|s| parameter_code(s, route_kind)).is_some()
                })
                .count();
            (hits, std::cmp::Reverse(c))
        })
        .unwrap_or(0);
    let row_codes: Vec<Option<Named>> =
        table.body_rows.iter().map(|r| r.get(stub_col).and_then(|stub| named(stub, route_kind))).collect();
    // Parameters as columns: the innermost header of each column (or the whole path).
    let col_codes: Vec<Option<Named>> = (0..n_cols)
        .map(|c| {
            let path = &paths[c];
            path.last().and_then(|h| named(h, route_kind)).or_else(|| named(&path.join(" "), route_kind))
        })
        .collect();
    let rows_hits = row_codes.iter().flatten().filter(|n| n.code().is_some()).count();
    let cols_hits = col_codes.iter().flatten().filter(|n| n.code().is_some()).count();
    if rows_hits == 0 && cols_hits == 0 {
        return Vec::new();
    }
    // Only tables with PK parameters need their caption read for context.
    let table_hints = stat_hints(&context_text);
    let (base_context, base_mw) = table_context(table);
    // The paper's route is the table's where the caption names none (`table_route`); its
    // code reads back as its kind.
    let paper_kind = match route {
        Some(_) => None,
        None => base_context.route.as_deref().and_then(route_of).map(|(_, k)| k),
    };
    let paper_matrix = paper_matrix(table);
    let notes = footnote_marks(&footnote);
    let unit_col = (0..n_cols).find(|&c| matches!(header_label(c).trim().to_lowercase().as_str(), "unit" | "units"));

    let mut out = Vec::new();
    let mut seen: std::collections::HashMap<(String, Option<String>), LabelContext> = std::collections::HashMap::new();
    // Labels and headers repeat over a table's cells: read their statistic words once.
    let hint_cache: std::cell::RefCell<std::collections::HashMap<String, StatHints>> = Default::default();
    let hints_of = |text: &str| -> StatHints {
        if let Some(h) = hint_cache.borrow().get(text) {
            return *h;
        }
        let h = stat_hints(text);
        hint_cache.borrow_mut().insert(text.to_owned(), h);
        h
    };
    let mut emit = |row: usize,
                    col: usize,
                    label: &str,
                    mut param: Named,
                    group: Option<String>,
                    extra_hint: &str,
                    n: Option<u32>,
                    sibling: Option<Spread>| {
        let text = &table.body_rows[row][col];
        let mut cell = parse_cell(text);
        if cell.spread.is_none() {
            cell.spread = sibling;
        }
        let code = param.code().unwrap_or("");
        if cell.value.is_none()
            && cell.spread.is_none()
            && !matches!(cell.missing, Some(Missing::NotAvailable(_)) | Some(Missing::BelowLimit(_)))
        {
            return;
        }
        // Footnotes the cell's marks point to say what its numbers are.
        let cell_notes: Vec<String> = cell
            .marks
            .iter()
            .map(|m| notes.iter().find(|(k, _)| k == m).map_or_else(|| m.clone(), |(_, t)| t.clone()))
            .collect();
        let local = cell_notes.iter().fold(merge(hints_of(label), hints_of(extra_hint)), |h, t| merge(h, hints_of(t)));
        let mut table_level = table_hints;
        if table_level.mean && table_level.median {
            // "mean (95% CI) except tmax, median (range)": the usual split is median for
            // Tmax and mean for the rest.
            let tmax = code == "TMAX";
            table_level.median = tmax;
            table_level.mean = !tmax;
            table_level.range = tmax;
            table_level.ci &= !tmax;
        }
        if local.mean || local.median {
            table_level.mean = false;
            table_level.median = false;
        }
        let hints = merge(table_level, local);
        let unit_raw = unit_in_label(label)
            .or_else(|| unit_col.map(|c| table.body_rows[row][c].trim().to_owned()).filter(|u| !u.is_empty()))
            .or_else(|| unit_in_label(extra_hint));
        let mut context = base_context.clone();
        let group_route = group.as_deref().and_then(route_of);
        if let Some((r, _)) = group_route {
            context.route = Some(r.to_owned());
        }
        // A name that needs the route (MRT, Vd) takes the group's: "MRT" in the "Oral"
        // column of a table that compares routes is MRTEVIFO; else the paper's, when the
        // caption names no route.
        if let (Named::Ambiguous(..), Some(kind)) = (&param, group_route.map(|(_, k)| k).or(paper_kind)) {
            param = named(label, Some(kind)).unwrap_or(param);
        }
        // The matrix in the parameter's label or group when the caption names none
        // ("Mean serum fentanyl concentration"); a group that names a dose ("10 mg/kg")
        // or an analyte ("Lorazepam glucuronide"). Looked up once per label and group.
        let key = (label.to_owned(), group.clone());
        let found = seen
            .entry(key)
            .or_insert_with(|| {
                let g = group.as_deref();
                LabelContext {
                    matrix: matrix_of(label).or_else(|| g.and_then(matrix_of)),
                    dose: g.and_then(dose_in),
                    analyte: g.and_then(drug_in),
                }
            })
            .clone();
        if context.matrix.is_none() {
            context.matrix = found.matrix.or(paper_matrix).map(str::to_owned);
        }
        if let Some(dose) = found.dose {
            context.dose = Some(dose);
        }
        let mut molecular_weight = base_mw;
        if let Some(analyte) = found.analyte {
            context.analyte = Some(analyte.name.to_owned());
            molecular_weight = Some(analyte.molecular_weight);
        }
        // With no unit in the labels, one printed in the cell after its value ("89.4%").
        let unit_raw = unit_raw.or_else(|| percent_after_value(text));
        let mut record = build_record(
            table,
            row,
            col,
            label,
            param,
            &cell,
            text,
            unit_raw,
            hints,
            group,
            &context,
            n,
            molecular_weight,
        );
        record.provenance.footnotes = cell_notes;
        out.push(record);
    };

    if rows_hits >= cols_hits {
        // The statistic a column holds and the group it belongs to: `IV / SD` (two header
        // rows), or `IV SD` (the same header flattened into one row, as Markdown and
        // spreadsheets print it).
        let (roles, parents): (Vec<Option<Role>>, Vec<String>) = paths
            .iter()
            .enumerate()
            .map(|(col, p)| {
                let Some(last) = p.last() else { return (None, labels[col].clone()) };
                if let Some(role) = role_of(last) {
                    let parent = if p.len() > 1 { p[..p.len() - 1].join(" / ") } else { labels[col].clone() };
                    return (Some(role), parent);
                }
                if let Some((head, tail)) = last.trim().rsplit_once(' ')
                    && let Some(role) = role_of(tail)
                    && !head.trim().is_empty()
                {
                    let mut parent: Vec<&str> = p[..p.len() - 1].iter().map(String::as_str).collect();
                    parent.push(head.trim());
                    return (Some(role), parent.join(" / "));
                }
                (None, labels[col].clone())
            })
            .unzip();
        let parent = |col: usize| -> String { parents[col].clone() };
        for (row, named_param) in row_codes.iter().enumerate() {
            let Some(param) = *named_param else { continue };
            let cells = &table.body_rows[row];
            let label = cells[stub_col].clone();
            // Columns before the stub (analyte, population, ...) name the group.
            let row_group: Vec<String> =
                cells[..stub_col].iter().map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect();
            let mut n = None;
            for (col, path) in paths.iter().enumerate().skip(stub_col + 1) {
                let header = header_label(col);
                if Some(col) == unit_col || is_non_value_header(&header) {
                    continue;
                }
                if path.last().is_some_and(|h| is_count_header(h)) {
                    n = parse_cell(&cells[col]).value.filter(|v| v.fract() == 0.0 && *v >= 0.0).map(|v| v as u32);
                    continue;
                }
                // A dispersion or bound column belongs to the centre column beside it.
                let siblings: Vec<usize> = (stub_col + 1..n_cols)
                    .filter(|&c| c != col && roles[c].is_some() && roles[col].is_some() && parent(c) == parent(col))
                    .collect();
                let mut sibling = None;
                match roles[col] {
                    Some(Role::Dispersion(_) | Role::Low | Role::High)
                        if siblings.iter().any(|&c| roles[c] == Some(Role::Centre)) =>
                    {
                        continue;
                    }
                    Some(Role::Centre) => {
                        let number = |role: Role| {
                            siblings
                                .iter()
                                .find(|&&c| roles[c] == Some(role))
                                .and_then(|&c| parse_cell(&cells[c]).value)
                        };
                        let dispersion = siblings.iter().find_map(|&c| match roles[c] {
                            Some(Role::Dispersion(kind)) => parse_cell(&cells[c]).value.map(|v| (kind, v)),
                            _ => None,
                        });
                        sibling = match (dispersion, number(Role::Low), number(Role::High)) {
                            (_, Some(low), Some(high)) => Some(Spread::Interval { low, high }),
                            (Some(("CV%", v)), _, _) => Some(Spread::Paren { value: v, percent: true }),
                            (Some(("SE", v)), _, _) => Some(Spread::PlusMinus(v)),
                            (Some((_, v)), _, _) => Some(Spread::PlusMinus(v)),
                            _ => None,
                        };
                    }
                    _ => {}
                }
                let column_group = parent(col);
                let mut group_parts = row_group.clone();
                if !column_group.is_empty() && !is_generic_header(&column_group) {
                    group_parts.push(column_group);
                }
                let group = (!group_parts.is_empty()).then(|| group_parts.join(" / "));
                // "Oral (n = 12)": a count in the column header.
                let header_n = parse_cell(&header).n;
                let mut hint = header.clone();
                for &c in &siblings {
                    hint.push(' ');
                    hint.push_str(&labels[c]);
                }
                emit(row, col, &label, param, group, &hint, n.or(header_n), sibling);
            }
        }
    } else {
        for (col, named_param) in col_codes.iter().enumerate() {
            let Some(param) = *named_param else { continue };
            let label = header_label(col);
            for row in 0..table.body_rows.len() {
                let stub = table.body_rows[row].first().cloned().unwrap_or_default();
                if is_non_value_header(&stub) {
                    continue;
                }
                let group = (!stub.trim().is_empty() && col != 0).then(|| stub.clone());
                let stub_n = parse_cell(&stub).n;
                emit(row, col, &label, param, group, &stub, stub_n, None);
            }
        }
    }
    out
}

/// The canonical unit and value of `value` printed in `unit_raw`, for the family
/// `family(per_kg)` names (per_kg: the unit is per kg of body weight); `(None, None)` when
/// the unit does not read, no family applies or the conversion is not safe (molar without
/// a molecular weight, another dimension).
fn canonical(
    unit_raw: Option<&str>,
    family: impl FnOnce(bool) -> Option<Family>,
    value: Option<f64>,
    molecular_weight: Option<f64>,
) -> (Option<String>, Option<f64>) {
    let Some(unit) = unit_raw.and_then(|u| Unit::parse(u).ok()) else { return (None, None) };
    let Some(family) = family(unit.dims.body_weight == -1) else { return (None, None) };
    match convert(1.0, &unit, family, molecular_weight) {
        Ok(factor) => (Some(family.canonical().to_owned()), value.map(|v| round_significant(v * factor, 12))),
        Err(_) => (None, None),
    }
}

#[allow(clippy::too_many_arguments, reason = "one record's worth of context")]
fn build_record(
    table: &Table,
    row: usize,
    col: usize,
    label: &str,
    param: Named,
    cell: &CellValue,
    text: &str,
    unit_raw: Option<String>,
    hints: StatHints,
    group: Option<String>,
    base: &Context,
    n_from_column: Option<u32>,
    molecular_weight: Option<f64>,
) -> Record {
    let statistic = if hints.median {
        Statistic::Median
    } else if hints.geometric {
        Statistic::GeometricMean
    } else if cell.value.is_some() && cell.spread.is_none() && !hints.ci && !hints.range {
        Statistic::Value
    } else {
        Statistic::Mean
    };
    let (dispersion, interval) = match cell.spread {
        Some(Spread::PlusMinus(d)) => {
            (Some(Dispersion { kind: if hints.se { "SE" } else { "SD" }.to_owned(), value: d }), None)
        }
        Some(Spread::Paren { value, percent: true }) => (Some(Dispersion { kind: "CV%".to_owned(), value }), None),
        Some(Spread::Paren { value, percent: false }) => {
            let kind = if hints.cv {
                "CV%"
            } else if hints.se {
                "SE"
            } else {
                "SD"
            };
            (Some(Dispersion { kind: kind.to_owned(), value }), None)
        }
        Some(Spread::Interval { low, high }) => {
            let kind = if hints.ci {
                "95% CI"
            } else if hints.iqr {
                "IQR"
            } else {
                "range"
            };
            (None, Some(Interval { kind: kind.to_owned(), low: low.min(high), high: low.max(high) }))
        }
        None => (None, None),
    };
    let family = |per_kg: bool| match param {
        Named::Code(code) => family_of_code(code, per_kg),
        Named::Ambiguous(plain, per_body_weight) => Some(if per_kg { per_body_weight } else { plain }),
    };
    let (unit, value_canonical) = canonical(unit_raw.as_deref(), family, cell.value, molecular_weight);
    Record {
        table_id: table.id.clone(),
        parameter_raw: label.trim().to_owned(),
        parameter: param.code().map(str::to_owned),
        value_raw: text.trim().to_owned(),
        value: cell.value,
        statistic,
        dispersion,
        interval,
        unit_raw,
        unit,
        value_canonical,
        n: cell.n.or(n_from_column),
        context: Context { group, ..base.clone() },
        provenance: Provenance {
            row: u32::try_from(row).ok(),
            col: u32::try_from(col).ok(),
            header_path: table.header_path(col),
            footnotes: cell.marks.clone(),
        },
        confidence: None,
        noise: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(records: &[Record]) -> String {
        records
            .iter()
            .map(|r| {
                format!(
                    "{} {:?} {} {:?} {:?} {:?} {:?}->{:?} {:?} n={:?} group={:?} route={:?} species={:?}",
                    r.parameter.as_deref().unwrap_or("-"),
                    r.value,
                    r.statistic.as_str(),
                    r.dispersion.as_ref().map(|d| format!("{} {}", d.kind, d.value)),
                    r.interval.as_ref().map(|i| format!("{} {}-{}", i.kind, i.low, i.high)),
                    r.unit_raw,
                    r.unit,
                    r.value_canonical.map(|v| (v * 1e6).round() / 1e6),
                    r.value_raw,
                    r.n,
                    r.context.group,
                    r.context.route,
                    r.context.species,
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn table(caption: &str, header: &[&[&str]], body: &[&[&str]]) -> Table {
        let rows = |r: &[&[&str]]| r.iter().map(|row| row.iter().map(|c| (*c).to_owned()).collect()).collect();
        Table {
            id: "t:1".into(),
            caption: Some(caption.into()),
            footnote: None,
            title: None,
            abstract_text: None,
            header_rows: rows(header),
            body_rows: rows(body),
        }
    }

    #[test]
    fn parameters_as_rows() {
        let t = table(
            "Table 2. Pharmacokinetic parameters of lorazepam in children after i.v. and i.m. administration. Values are mean (95% CI) except tmax, median (range).",
            &[&["Parameter", "n", "I.v.", "n", "I.m.", "95% CI for the difference", "P value"]],
            &[
                &["Cmax (ng/mL)", "15", "65.1 (47.5–86.0)", "11", "48.2 (40.1–57.9)", "−43.5, 5.0", "0.07"],
                &["tmax (h)", "15", "0.5 (0.17–0.67)", "11", "1.0 (0.5–2.0)"],
                &["CL (mL/min/kg)", "15", "0.62 ± 0.2", "11", "NA"],
                &["Age (years)", "15", "3.2", "11", "2.9"],
            ],
        );
        insta::assert_snapshot!(show(&table_records(&t)), @r#"
        CMAX Some(65.1) mean None Some("95% CI 47.5-86") Some("ng/mL") Some("ng/mL")->Some(65.1) "65.1 (47.5–86.0)" n=Some(15) group=Some("I.v.") route=Some("IV") species=Some("human")
        CMAX Some(48.2) mean None Some("95% CI 40.1-57.9") Some("ng/mL") Some("ng/mL")->Some(48.2) "48.2 (40.1–57.9)" n=Some(11) group=Some("I.m.") route=Some("IM") species=Some("human")
        TMAX Some(0.5) median None Some("range 0.17-0.67") Some("h") Some("h")->Some(0.5) "0.5 (0.17–0.67)" n=Some(15) group=Some("I.v.") route=Some("IV") species=Some("human")
        TMAX Some(1.0) median None Some("range 0.5-2") Some("h") Some("h")->Some(1.0) "1.0 (0.5–2.0)" n=Some(11) group=Some("I.m.") route=Some("IM") species=Some("human")
        CLO Some(0.62) mean Some("SD 0.2") None Some("mL/min/kg") Some("L/h/kg")->Some(0.0372) "0.62 ± 0.2" n=Some(15) group=Some("I.v.") route=Some("IV") species=Some("human")
        CLO None mean None None Some("mL/min/kg") Some("L/h/kg")->None "NA" n=Some(11) group=Some("I.m.") route=Some("IM") species=Some("human")
        "#);
    }

    #[test]
    fn flattened_statistic_headers_are_siblings() {
        let t = table(
            "Pharmacokinetics of X in dogs after oral administration",
            &[&["Parameter", "5 mg/kg Mean", "5 mg/kg SD", "10 mg/kg Mean", "10 mg/kg SD"]],
            &[&["Cmax (µg/mL)", "1.2", "0.3", "2.5", "0.4"]],
        );
        insta::assert_snapshot!(show(&table_records(&t)), @r#"
        CMAX Some(1.2) mean Some("SD 0.3") None Some("µg/mL") Some("ng/mL")->Some(1200.0) "1.2" n=None group=Some("5 mg/kg") route=Some("PO") species=Some("dog")
        CMAX Some(2.5) mean Some("SD 0.4") None Some("µg/mL") Some("ng/mL")->Some(2500.0) "2.5" n=None group=Some("10 mg/kg") route=Some("PO") species=Some("dog")
        "#);
    }

    #[test]
    fn ambiguous_names_take_the_route_of_their_group() {
        let t = table(
            "Pharmacokinetics of enrofloxacin in dogs after intravenous and oral administration",
            &[&["Parameter", "Intravenous (n = 6)", "Oral (n = 6)"]],
            &[
                &["t1/2 (h)", "3.1 ± 0.5", "4.2 ± 0.6"],
                &["MRT (h)", "4.1 ± 0.5", "6.3 ± 1.2"],
                &["Vd (L/kg)", "2.5 ± 0.3", "3.1 ± 0.4"],
            ],
        );
        let codes: Vec<_> = table_records(&t).iter().map(|r| r.parameter.clone().unwrap_or_default()).collect();
        assert_eq!(codes, ["LAMZHL", "LAMZHL", "MRTIVIFO", "MRTEVIFO", "VZO", "VZFO"]);
        // Without a route in the group, the name stays unmapped.
        let t =
            table("Pharmacokinetics of X", &[&["Parameter", "Group A"]], &[&["t1/2 (h)", "3"], &["MRT (h)", "4.1"]]);
        assert_eq!(table_records(&t)[1].parameter, None);
    }

    #[test]
    fn footnotes_are_split_and_followed() {
        assert_eq!(
            footnote_marks("a Data presented as median [25th; 75th percentile]. b Standard deviation in weeks."),
            [
                ("a".to_owned(), "Data presented as median [25th; 75th percentile].".to_owned()),
                ("b".to_owned(), "Standard deviation in weeks.".to_owned())
            ]
        );
        assert_eq!(
            footnote_marks("*: p < 0.05; † geometric mean"),
            [("*".to_owned(), "p < 0.05;".to_owned()), ("†".to_owned(), "geometric mean".to_owned())]
        );
        assert!(footnote_marks("Values are mean ± SD.").is_empty());
        let mut t = table(
            "Fentanyl concentrations in maternal serum. Data are presented as mean (SD) or median [interquartile range]",
            &[&["Variable", "Group A (n = 19)"]],
            &[&["Cmax (nmol/L)", "0.268 [0.193; 0.493]a (n = 16)"], &["AUC0-120 (nmol h/L)", "0.428 (0.162) (n = 18)"]],
        );
        t.footnote = Some("a Data presented as median [25th; 75th percentile].".into());
        let records = table_records(&t);
        assert_eq!(records[0].provenance.footnotes, ["Data presented as median [25th; 75th percentile]."]);
        // Fentanyl is known: nmol/L converts with its molecular weight (336.5 g/mol).
        assert_eq!(records[0].context.drug.as_deref(), Some("fentanyl"));
        insta::assert_snapshot!(show(&records), @r#"
        CMAX Some(0.268) median None Some("IQR 0.193-0.493") Some("nmol/L") Some("ng/mL")->Some(0.090182) "0.268 [0.193; 0.493]a (n = 16)" n=Some(16) group=Some("Group A (n = 19)") route=None species=None
        AUCINT Some(0.428) mean Some("SD 0.162") None Some("nmol h/L") Some("ng·h/mL")->Some(0.144022) "0.428 (0.162) (n = 18)" n=Some(18) group=Some("Group A (n = 19)") route=None species=None
        "#);
    }

    #[test]
    fn the_abstract_gives_the_matrix_no_table_text_names() {
        let mut t = table(
            "Table 2 Kinetic disposition of lorazepam in parturients",
            &[&["Parameter", "Lorazepam", "Urine"]],
            &[&["Cmax (ng/mL)", "12.96", "8.18"]],
        );
        let matrices = |t: &Table| table_records(t).iter().map(|r| r.context.matrix.clone()).collect::<Vec<_>>();
        assert_eq!(matrices(&t), [None, Some("urine".to_owned())], "the group names the urine");
        // Blood is drawn, plasma measured: one matrix.
        t.abstract_text = Some("Blood samples were collected over 72 h. Plasma concentrations were fitted.".into());
        assert_eq!(paper_matrices(&t), ["plasma"]);
        assert_eq!(matrices(&t), [Some("plasma".to_owned()), Some("urine".to_owned())], "the group's matrix stands");
        // Two fluids: the rules do not choose ("cord blood" is not also "blood").
        t.abstract_text = Some("Maternal venous blood and cord blood were sampled; plasma and urinary levels.".into());
        assert_eq!(paper_matrices(&t), ["plasma", "cord blood", "urine"]);
        assert_eq!(matrices(&t)[0], None);
        t.title = Some("Lorazepam in human milk".into());
        t.abstract_text = None;
        assert_eq!(paper_matrices(&t), ["milk"]);
        // Whole words, and only as samples.
        t.title = None;
        t.abstract_text = Some("The milk/plasma ratio was 0.4.".into());
        assert_eq!(paper_matrices(&t), ["plasma", "milk"]);
        t.abstract_text = Some(
            "Blood pressure, blood-brain barrier, serum creatinine and urine output after plasmapheresis; antiserum."
                .into(),
        );
        assert_eq!(paper_matrices(&t), Vec::<&str>::new());
        t.abstract_text = Some("Maternal sera were assayed; blood flow was normal.".into());
        assert_eq!(paper_matrices(&t), ["serum"]);
        t.abstract_text =
            Some("Blood\u{2010}brain and blood–brain barriers, fresh frozen plasma, urinary tract infection.".into());
        assert_eq!(paper_matrices(&t), Vec::<&str>::new());
        assert_eq!(matrix_of("Ciprofloxacin in patients with urinary tract infection"), None);
        // A fluid outside the first six still counts: plasma alone is not the paper's matrix.
        t.abstract_text = Some("Concentrations in plasma and CSF were measured.".into());
        assert_eq!(paper_matrices(&t), ["plasma", "cerebrospinal fluid"]);
        assert_eq!(matrices(&t)[0], None);
        t.title = Some("Lorazepam in human milk".into());
        t.abstract_text = None;
        // The caption's matrix comes first, and "urinary" is urine.
        t.caption = Some("Table 3 Urinary excretion of lorazepam".into());
        assert_eq!(matrices(&t), [Some("urine".to_owned()), Some("urine".to_owned())]);
        // The route too, from whole words, when the caption names none.
        t.caption = Some("Table 3 Ketamine parameters".into());
        t.abstract_text = Some("Ketamine was given as a 2 mg/kg IV bolus, then a continuous IV infusion.".into());
        assert_eq!(table_context(&t).0.route.as_deref(), Some("IV"));
        t.abstract_text = Some("A temporal and behavioral analysis after i.v. dosing.".into());
        assert_eq!(table_context(&t).0.route.as_deref(), Some("IV"), "no 'oral' in temporal");
        t.abstract_text = Some("Intravenous phenobarbital is short; oral levetiracetam was added.".into());
        assert_eq!(table_context(&t).0.route, None, "two routes: none");
        t.abstract_text = Some("Given orally.".into());
        t.caption = Some("Table 3 Lorazepam after i.v. and i.m. dosing".into());
        assert_eq!(table_context(&t).0.route, None, "the caption compares two routes");
        let route = |abstract_text: &str| {
            let mut t = t.clone();
            t.caption = Some("Table 3 Parameters".into());
            t.abstract_text = Some(abstract_text.into());
            paper_route(&t).map(|(r, _)| r)
        };
        assert_eq!(route("A phase IV study of oral X; grade IV toxicity (iv) was rare."), Some("PO"));
        assert_eq!(route("An IV catheter was placed; X was given orally."), Some("PO"));
        assert_eq!(route("Dogs premedicated with i.m. acepromazine received intravenous X."), Some("IV"));
        assert_eq!(route("Bioavailability of intranasal X relative to IV dosing."), None, "another route");
        assert_eq!(route("Rückstände im Plasma"), None, "no bare im");
        assert_eq!(route("After an oral glucose tolerance test, X was given subcutaneously."), Some("SC"));
        assert_eq!(route("X in subcutaneous adipose tissue after intra-oral IV injection."), Some("IV"));
        // A column's route comes before the paper's: MRT in the Oral column is the oral MRT.
        let mut c = table(
            "Table 2 Pharmacokinetic parameters of X",
            &[&["Parameter", "IV", "Oral"]],
            &[&["Cmax (ng/mL)", "1.2", "0.8"], &["MRT (h)", "3.1", "4.2"]],
        );
        c.abstract_text = Some("X was given orally to dogs.".into());
        let mrt = |c: &Table| -> Vec<Option<String>> {
            table_records(c).into_iter().filter(|r| r.parameter_raw.starts_with("MRT")).map(|r| r.parameter).collect()
        };
        assert_eq!(mrt(&c), [Some("MRTIVIFO".to_owned()), Some("MRTEVIFO".to_owned())]);
        c.header_rows = vec![vec!["Parameter".into(), "Value".into(), "SD".into()]];
        assert_eq!(mrt(&c)[0].as_deref(), Some("MRTEVIFO"), "no column route: the paper's");
        t.abstract_text = None;
        t.caption = Some("Table 3 Urinary excretion of lorazepam".into());
        // The decoder's records are completed alike.
        let r = model_record(&t, &table_context(&t), "CMAX", "1.2", Some("ng/mL"), Statistic::Mean, Some("Plasma"));
        assert_eq!(r.context.matrix.as_deref(), Some("urine"), "the caption's");
        t.caption = Some("Table 3 Lorazepam".into());
        let r = model_record(&t, &table_context(&t), "CMAX", "1.2", Some("ng/mL"), Statistic::Mean, Some("Plasma"));
        assert_eq!(r.context.matrix.as_deref(), Some("plasma"), "the group's");
        let r = model_record(&t, &table_context(&t), "CMAX", "1.2", Some("ng/mL"), Statistic::Mean, None);
        assert_eq!(r.context.matrix.as_deref(), Some("milk"), "the paper's");
    }

    #[test]
    fn the_title_gives_the_context_the_caption_leaves_out() {
        let mut t = table(
            "Table 2 Pharmacokinetic parameters of levetiracetam",
            &[&["Parameter", "Value"]],
            &[&["t1/2 (absorption), h*", "0.035 (0.01, 0.071)"], &["Bioavailability (F)", "89.4%"]],
        );
        assert_eq!(table_context(&t).0.population, None);
        t.title = Some("The Pharmacokinetics of Crushed Levetiracetam Tablets Administered to Neonates".into());
        let (context, _) = table_context(&t);
        assert_eq!((context.population.as_deref(), context.species.as_deref()), (Some("neonates"), Some("human")));
        // A caption's "patients" yields to the title's more specific population; a caption's
        // specific one stands.
        t.caption = Some("Table 2 | Meropenem concentrations in patients with augmented renal clearance".into());
        t.title = Some("Meropenem in critically ill pediatric patients".into());
        assert_eq!(table_context(&t).0.population.as_deref(), Some("pediatric patients"));
        t.caption = Some("Table 2 Meropenem in children".into());
        assert_eq!(table_context(&t).0.population.as_deref(), Some("children"));
        // Species in the title, and no human population then.
        t.caption = Some("Table 1 Plasma parameters".into());
        t.title = Some("Pharmacokinetics of enrofloxacin in calves".into());
        let (context, _) = table_context(&t);
        assert_eq!((context.species.as_deref(), context.population.as_deref()), (Some("cattle"), None));
        assert_eq!(context.drug.as_deref(), Some("enrofloxacin"));
        t.title = Some("Effect of rifampicin on the pharmacokinetics of midazolam in healthy volunteers".into());
        assert_eq!(table_context(&t).0.drug, None, "two drugs in the title: neither");
        t.title = Some("Acetaminophen (paracetamol) in neonates".into());
        assert_eq!(table_context(&t).0.drug.as_deref(), Some("paracetamol"), "one drug, two names");
        // A unit with a footnote mark after it; a percent printed in the cell.
        let records = table_records(&t);
        let units: Vec<_> = records.iter().map(|r| (r.unit_raw.as_deref(), r.unit.as_deref())).collect();
        assert_eq!(units, [(Some("h"), Some("h")), (Some("%"), Some("%"))]);
        assert_eq!(percent_after_value("845 (23%)"), None);
        assert_eq!(percent_after_value("62 % (12)").as_deref(), Some("%"));
        assert_eq!(matrix_of("Concentrations in lung tissue"), Some("lung tissue"));
        assert_eq!(matrix_of("tissue levels"), Some("tissue"));
        // A table that defines the parameters holds no values.
        let definitions = table(
            "Table 2 Pharmacokinetic parameters and their definitions",
            &[&["Parameter", "Abbreviation", "Equation"]],
            &[&["Total area under curve", "AUC0→∞", ""], &["Elimination half-life", "t 0.5", "ln 2/k"]],
        );
        assert!(table_records(&definitions).is_empty());
        let formulations = table(
            "Table 3 Pharmacokinetic parameters of levetiracetam",
            &[&["Parameter", "Test formulation", "Reference formulation"]],
            &[&["Cmax (µg/mL)", "12.1", "11.8"]],
        );
        assert_eq!(table_records(&formulations).len(), 2);
    }

    #[test]
    fn parameters_as_columns_and_non_pk_tables() {
        let t = table(
            "Individual pharmacokinetic parameters in dogs after oral dosing",
            &[&["Dog", "Cmax (µg/mL)", "AUC0–∞ (µg·h/mL)", "t½ (h)"]],
            &[&["1", "1.2", "10.5", "4.1a"], &["2", "0.9", "8.8", "3.7"]],
        );
        insta::assert_snapshot!(show(&table_records(&t)), @r#"
        CMAX Some(1.2) value None None Some("µg/mL") Some("ng/mL")->Some(1200.0) "1.2" n=None group=Some("1") route=Some("PO") species=Some("dog")
        CMAX Some(0.9) value None None Some("µg/mL") Some("ng/mL")->Some(900.0) "0.9" n=None group=Some("2") route=Some("PO") species=Some("dog")
        AUCIFO Some(10.5) value None None Some("µg·h/mL") Some("ng·h/mL")->Some(10500.0) "10.5" n=None group=Some("1") route=Some("PO") species=Some("dog")
        AUCIFO Some(8.8) value None None Some("µg·h/mL") Some("ng·h/mL")->Some(8800.0) "8.8" n=None group=Some("2") route=Some("PO") species=Some("dog")
        LAMZHL Some(4.1) value None None Some("h") Some("h")->Some(4.1) "4.1a" n=None group=Some("1") route=Some("PO") species=Some("dog")
        LAMZHL Some(3.7) value None None Some("h") Some("h")->Some(3.7) "3.7" n=None group=Some("2") route=Some("PO") species=Some("dog")
        "#);
        let demographics = table(
            "Patient characteristics",
            &[&["", "Group A"]],
            &[&["Age (years)", "34.5 ± 5.2"], &["Weight (kg)", "70"]],
        );
        assert!(table_records(&demographics).is_empty());
    }
}
