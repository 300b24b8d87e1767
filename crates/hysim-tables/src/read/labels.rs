//! What a row stub or a column header says its line of cells holds, by the words PK
//! tables print there:
//!
//! - a statistic ([`stat_label`]): `Mean`, `SD`, `CV (%)`, `Median`, `IQR`, `Min`, `Max`,
//!   `Range`, `Geometric mean`, `95% CI`, `n`, or a combined `Mean ± SD`, `Median (range)`;
//! - a subject ([`is_subject_header`], [`subject_id`]): `Patient`, `Subject`, `Case`,
//!   `Volunteer`, `Dog`... over ids such as `1`, `P3`, `Case 2`, `S-01`;
//! - a sampling time ([`time_of`]): `2 h`, `Day 3`, `20 Weeks`, `Pre-dose`, `Delivery`;
//! - no value of the study (`P value`, `Difference`, `Historical data`), a unit column, a
//!   count column, a header that only names the statistic.

use hysim_core::Statistic;

use super::declare::{Declaration, Kind, label_declaration};

/// Which end of an interval a line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum End {
    /// `Min`, `Q1`, `25th percentile`, `Lower 95% CI`.
    Low,
    /// `Max`, `Q3`, `75th percentile`, `Upper 95% CI`.
    High,
}

/// A row stub or column header that names a statistic.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum StatLabel {
    /// A central value: `Mean`, `Median`, `Geometric mean`.
    Central(Statistic),
    /// A spread, its cells holding one number (`SD`, `CV%`) or an interval (`Range`,
    /// `95% CI`, `IQR`, `Min–Max`).
    Spread(Kind),
    /// One end of an interval of the kind given: `Min`, `Max`, `Q1`, `Lower 95% CI`.
    Bound(Kind, End),
    /// `n`: the number of subjects.
    Count,
    /// A central value with its spread in the same cells: `Mean ± SD`, `Median (range)`,
    /// `Mean (95% CI)`.
    Combined(Declaration),
}

impl StatLabel {
    /// The central statistic a line of this label holds, if any.
    pub(crate) fn central(&self) -> Option<Statistic> {
        match self {
            StatLabel::Central(s) => Some(*s),
            StatLabel::Combined(d) => d.central,
            _ => None,
        }
    }
}

/// Footnote marks and digits glued to a label's end (`Mean4`, `Median*`, `SDa`) are not
/// part of it.
pub(crate) fn strip_marks(label: &str) -> &str {
    label.trim().trim_end_matches(['*', '†', '‡', '§', '¶', '#', ' ', '.'])
}

/// Lower case with spaces squeezed, dashes unified and `.` dropped after letters.
fn norm(label: &str) -> String {
    let t = crate::fold::lower(label).replace(['–', '—', '−', '‐'], "-").replace('\u{a0}', " ");
    crate::fold::squeeze(&t)
}

/// The statistic a row stub or column header names, when it names nothing else.
pub(crate) fn stat_label(label: &str) -> Option<StatLabel> {
    thread_local! {
        static STAT_LABELS: crate::memo::Cache<Option<StatLabel>> = Default::default();
    }
    crate::memo::cached(&STAT_LABELS, label, read_stat_label)
}

fn read_stat_label(label: &str) -> Option<StatLabel> {
    let raw = strip_marks(label);
    let mut key = norm(raw);
    // A footnote digit glued to a word ("Mean4"), never to a number ("95%").
    if key.chars().last().is_some_and(|c| c.is_ascii_digit())
        && key.chars().rev().nth(1).is_some_and(char::is_alphabetic)
        && !key.ends_with("q1")
        && !key.ends_with("q3")
    {
        key.pop();
    }
    // (A statistic's word in one of thirteen more languages read in English: `Átlag`,
    // `Szórás`, `中央値`.)
    let key = super::statistic_words::in_english(&key);
    let key = key.trim_matches(|c: char| c == ':' || c == ' ').to_owned();
    let plain = key.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ' '));
    // Equal, or equal without spaces, brackets and commas (compared char by char: no
    // copy of each of the hundred words).
    let kept = |c: &char| !matches!(c, ' ' | '(' | ')' | '[' | ']' | ',');
    let compact_plain: Vec<char> = plain.chars().filter(kept).collect();
    let exact =
        |words: &[&str]| words.iter().any(|w| *w == plain || w.chars().filter(kept).eq(compact_plain.iter().copied()));
    // (German, with its abbreviation `MW`, French, Spanish and Italian, Portuguese, Dutch;
    // Turkish, Polish, Swedish, Czech, Danish and Norwegian.)
    if exact(&[
        "mean",
        "means",
        "average",
        "arithmetic mean",
        "am",
        "mittelwert",
        "mw",
        "moyenne",
        "media",
        "média",
        "gemiddelde",
        "ortalama",
        "średnia",
        "medelvärde",
        "průměr",
        "gennemsnit",
        "gjennomsnitt",
    ]) {
        return Some(StatLabel::Central(Statistic::Mean));
    }
    if exact(&["median", "medians", "med", "médiane", "mediana", "mediaan"]) {
        return Some(StatLabel::Central(Statistic::Median));
    }
    // A harmonic mean (of half-lives, say) is none of the schema's statistics: a line of
    // them is read, its statistic unknown, never taken for the arithmetic mean.
    if exact(&["harmonic mean", "harmonic means", "harmonic mean (pseudo-sd)", "hm"]) {
        return Some(StatLabel::Central(Statistic::Unknown));
    }
    if exact(&["geometric mean", "geo mean", "geo. mean", "geomean", "gmean", "gm", "geometric means"]) {
        return Some(StatLabel::Central(Statistic::GeometricMean));
    }
    if exact(&[
        "sd",
        "s.d.",
        "s.d",
        "stdev",
        "std",
        "standard deviation",
        "± sd",
        "±sd",
        "(sd)",
        "standardabweichung",
        "écart-type",
        "desviación estándar",
        "deviazione standard",
        "desvio padrão",
        "desvio-padrão",
        "standaarddeviatie",
    ]) {
        return Some(StatLabel::Spread(Kind::Sd));
    }
    if exact(&["se", "sem", "s.e.", "s.e.m.", "s.e.m", "standard error", "standard error of the mean", "± sem", "± se"])
    {
        return Some(StatLabel::Spread(Kind::Se));
    }
    if exact(&[
        "cv",
        "cv%",
        "cv (%)",
        "%cv",
        "cv(%)",
        "coefficient of variation",
        "coefficient of variation (%)",
        "geometric cv",
        "geometric cv%",
        "gcv",
        "gcv%",
        "gcv (%)",
        "cv, %",
        "geo. cv%",
        "geo cv%",
        "geo. cv (%)",
        "geometric cv (%)",
        // German (`VK`, Variationskoeffizient), French, Spanish, Italian, Portuguese, Dutch.
        "vk (%)",
        "vk%",
        "variationskoeffizient",
        "variationskoeffizient (%)",
        "coefficient de variation",
        "coefficient de variation (%)",
        "coeficiente de variación",
        "coeficiente de variación (%)",
        "coefficiente di variazione",
        "coefficiente di variazione (%)",
        "coeficiente de variação",
        "coeficiente de variação (%)",
        "variatiecoëfficiënt",
        "variatiecoëfficiënt (%)",
    ]) {
        return Some(StatLabel::Spread(Kind::Cv));
    }
    // (The range in German, French, Spanish and Dutch: `Spannweite`, `Étendue`, `Rango`,
    // `Spreiding`; not `Amplitude`, a rhythm's in chronopharmacology tables.)
    if exact(&[
        "range",
        "min-max",
        "mín-máx",
        "min - max",
        "minimum-maximum",
        "min, max",
        "range (min-max)",
        "min to max",
        "spannweite",
        "étendue",
        "extrêmes",
        "rango",
        "bereik",
        "spreiding",
        // Polish, Czech, Slovak, Swedish, Danish and Norwegian.
        "zakres",
        "rozpětí",
        "rozpätie",
        "variationsbredd",
        "variationsbredde",
        "variasjonsbredde",
    ]) {
        return Some(StatLabel::Spread(Kind::Range));
    }
    if exact(&[
        "iqr",
        "interquartile range",
        "q1-q3",
        "25th-75th percentile",
        "25th-75th percentiles",
        "quartiles",
        "p25-p75",
    ]) {
        return Some(StatLabel::Spread(Kind::Iqr));
    }
    if exact(&["min", "minimum", "lowest", "mín", "mínimo", "minimo"]) {
        return Some(StatLabel::Bound(Kind::Range, End::Low));
    }
    if exact(&["max", "maximum", "highest", "máx", "máximo", "massimo", "maks"]) {
        return Some(StatLabel::Bound(Kind::Range, End::High));
    }
    if exact(&["q1", "25th percentile", "p25", "lower quartile", "first quartile"]) {
        return Some(StatLabel::Bound(Kind::Iqr, End::Low));
    }
    if exact(&["q3", "75th percentile", "p75", "upper quartile", "third quartile"]) {
        return Some(StatLabel::Bound(Kind::Iqr, End::High));
    }
    // A population model's estimates and their precision as columns (`Estimate | RSE (%) |
    // Bootstrap 95% CI`): each estimate a value with its relative standard error and interval.
    if exact(&[
        "estimate",
        "estimates",
        "final estimate",
        "final estimates",
        "typical value",
        "typical values",
        "population estimate",
        "population estimates",
    ]) {
        return Some(StatLabel::Central(Statistic::Value));
    }
    if exact(&["rse", "rse%", "rse (%)", "%rse", "rse, %", "relative standard error", "relative standard error (%)"]) {
        return Some(StatLabel::Spread(Kind::Rse));
    }
    if exact(&["n", "no", "no.", "number", "n subjects", "number of subjects", "n (subjects)", "number of patients"]) {
        return Some(StatLabel::Count);
    }
    // Confidence intervals: "95% CI", "(95% CI)", "CI 95%", "90% confidence interval",
    // with "lower"/"upper" for one end.
    let ci_words = plain.replace("confidence interval", "ci");
    let level = ["99", "95", "90", "80"]
        .iter()
        .find(|l| ci_words.contains(&format!("{l}%")) || ci_words.contains(&format!("{l} %")));
    if ci_words.split(|c: char| !c.is_alphanumeric()).any(|w| w == "ci") {
        // (A model's interval from its bootstrap, `Bootstrap 95% CI`.)
        let rest: String = ci_words
            .replace("bootstrap", " ")
            .replace("ci", " ")
            .replace(['%', '(', ')', '[', ']', ',', '-'], " ")
            .split_whitespace()
            .filter(|w| !["99", "95", "90", "80"].contains(w))
            .collect::<Vec<_>>()
            .join(" ");
        let kind = Kind::Ci(format!("{}% CI", level.unwrap_or(&"95")));
        match rest.as_str() {
            "" => return Some(StatLabel::Spread(kind)),
            "lower" | "lower limit" | "lower bound" | "ll" => return Some(StatLabel::Bound(kind, End::Low)),
            "upper" | "upper limit" | "upper bound" | "ul" => return Some(StatLabel::Bound(kind, End::High)),
            _ => {}
        }
    }
    // A central value with its spread: "Mean ± SD", "Mean (SD)", "Median (range)",
    // "Mean CI 95%", "GM (95% CI)". Nothing but statistic words and punctuation.
    // (The words first: most labels are no statistic's, and reading a declaration costs.)
    if !is_only_statistic_words(&key) {
        return None;
    }
    label_declaration(raw).map(StatLabel::Combined)
}

/// Whether a label holds nothing but statistic words, numbers and punctuation.
fn is_only_statistic_words(key: &str) -> bool {
    const WORDS: &[&str] = &[
        "mean",
        "means",
        "median",
        "medians",
        "geometric",
        "geo",
        "gm",
        "average",
        "arithmetic",
        "sd",
        "se",
        "sem",
        "s",
        "d",
        "e",
        "m",
        "standard",
        "deviation",
        "error",
        "of",
        "the",
        "cv",
        "coefficient",
        "variation",
        "range",
        "min",
        "max",
        "minimum",
        "maximum",
        "iqr",
        "interquartile",
        "ci",
        "confidence",
        "interval",
        "and",
        "or",
        "values",
        "value",
        "data",
        "th",
        "percentile",
        "percentiles",
        "q",
        "n",
        "to",
        "with",
        "are",
        "is",
        "given",
        "as",
        "expressed",
        "presented",
        "shown",
        // German, French, Spanish, Italian, Portuguese, Dutch (`Mittelwert ± SD`, `moyenne
        // ± ET`, `media (DE)`, `mediana (rango)`, `média ± DP`, `gemiddelde (SD)`).
        "mittelwert",
        "mw",
        "standardabweichung",
        "moyenne",
        "médiane",
        "écart",
        "type",
        "et",
        "media",
        "mediana",
        "desviación",
        "estándar",
        "de",
        "rango",
        "deviazione",
        "ds",
        "média",
        "desvio",
        "padrão",
        "dp",
        "gemiddelde",
        "mediaan",
        "standaarddeviatie",
        "spreiding",
        "bereik",
    ];
    key.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).all(|w| WORDS.contains(&w))
}

/// Header words of a column of subject ids.
const SUBJECT_WORDS: &[&str] = &[
    "patient",
    "patients",
    "patient no",
    "patient no.",
    "patient number",
    "patient id",
    "pt",
    "pt.",
    "pts",
    "subject",
    "subjects",
    "subject no",
    "subject no.",
    "subject number",
    "subject id",
    "id",
    "no",
    "no.",
    "case",
    "cases",
    "case no",
    "case no.",
    "volunteer",
    "volunteers",
    "participant",
    "participants",
    "individual",
    // A column of named animals or patients: `Name` over `Budi | Kemala`.
    "name",
    "animal name",
    "mother",
    "mothers",
    "infant",
    "infants",
    "neonate",
    "neonates",
    "child",
    "children",
    "woman",
    "women",
    "parturient",
    "parturients",
    "dog",
    "dogs",
    "cat",
    "cats",
    "animal",
    "animals",
    "animal id",
    "ear tag",
    "ear tag no.",
    "tag",
    "horse",
    "horses",
    "pony",
    "ponies",
    "mare",
    "mares",
    "gelding",
    "geldings",
    "foal",
    "foals",
    "cow",
    "cows",
    "calf",
    "calves",
    "cattle",
    "heifer",
    "heifers",
    "pig",
    "pigs",
    "sheep",
    "ewe",
    "ewes",
    "lamb",
    "lambs",
    "goat",
    "goats",
    "rat",
    "rats",
    "mouse",
    "monkey",
    "monkeys",
    "rabbit",
    "rabbits",
    // Other species of veterinary and zoo studies, named as their subjects.
    "piglet",
    "piglets",
    "donkey",
    "donkeys",
    "camel",
    "camels",
    "alpaca",
    "alpacas",
    "llama",
    "llamas",
    "elephant",
    "elephants",
    "deer",
    "ferret",
    "ferrets",
    "macaque",
    "macaques",
    "penguin",
    "penguins",
    "parrot",
    "parrots",
    "pigeon",
    "pigeons",
    "duck",
    "ducks",
    "turkey",
    "turkeys",
    "broiler",
    "broilers",
    "tortoise",
    "tortoises",
    "turtle",
    "turtles",
    "snake",
    "snakes",
    "python",
    "pythons",
    "lizard",
    "lizards",
    "dolphin",
    "dolphins",
    // Subjects in German, French, Spanish, Italian, Portuguese and Dutch tables
    // (`Pat. 1`, `Paz. 2`, `Paciente`, `Proband`, `Ovelha`).
    "pat",
    "pat.",
    "paz",
    "paz.",
    "patientin",
    "patienten",
    "proband",
    "probanden",
    "probandin",
    "paziente",
    "pazienti",
    "paciente",
    "pacientes",
    "patiënt",
    "patiënten",
    "sujet",
    "sujets",
    "sujeto",
    "sujetos",
    "soggetto",
    "soggetti",
    "sujeito",
    "sujeitos",
    "voluntario",
    "voluntarios",
    "volontaire",
    "volontaires",
    "hund",
    "hunde",
    "chien",
    "chiens",
    "perro",
    "perros",
    "cão",
    "cães",
    "cane",
    "cani",
    "pferd",
    "pferde",
    "cheval",
    "chevaux",
    "caballo",
    "caballos",
    "cavallo",
    "cavalli",
    "cavalo",
    "cavalos",
    // A neonate or infant (Spanish, Italian, Portuguese, French, German, Dutch).
    "neonato",
    "neonatos",
    "neonata",
    "neonati",
    "recién nacido",
    "nouveau-né",
    "nouveau-nés",
    "neugeborenes",
    "neugeborene",
    "pasgeborene",
    "lactante",
    "lactantes",
    // A foal (French, German, Spanish, Italian, Dutch).
    "poulain",
    "poulains",
    "fohlen",
    "potro",
    "potros",
    "puledro",
    "puledri",
    "veulen",
    "veulens",
    "kuh",
    "vache",
    "vaches",
    "vaca",
    "vacas",
    "mucca",
    "schaf",
    "schafe",
    "brebis",
    "oveja",
    "ovejas",
    "pecora",
    "pecore",
    "ovelha",
    "ovelhas",
    // An animal (German numbered, Dutch, Italian) and a volunteer (Portuguese, Dutch).
    // (Not `Tier` alone: a dose tier.)
    "tiernummer",
    "tier-nr.",
    "tier-nr",
    "dier",
    "dieren",
    "animale",
    "animali",
    "voluntário",
    "voluntários",
    "proefpersoon",
    "proefpersonen",
    // A bird (Spanish and Portuguese `ave`, French `oiseau`, German and Dutch `Vogel`,
    // Italian `uccello`), a pig and a goat.
    "ave",
    "aves",
    "oiseau",
    "oiseaux",
    "vogel",
    "uccello",
    "schwein",
    "porc",
    "cerdo",
    "maiale",
    "porco",
    "ziege",
    "chèvre",
    "cabra",
    "capra",
    "katze",
    "chat",
    "gato",
    "gatto",
    "kat",
    "hond",
    "paard",
    "koe",
    "schaap",
    "varken",
    "geit",
    "huhn",
    "poulet",
    "pollo",
    "frango",
    "patiente",
    "patientes",
    "försöksperson",
    "försökspersoner",
    "pacient",
    "pacientka",
    "pacienti",
    "pacjent",
    "pacjentka",
    "pacjenta",
    // Hungarian, Finnish, Romanian, Greek and Russian.
    "ψάρι",
    "ψάρια",
    "ζώο",
    "beteg",
    "páciens",
    "fülszám",
    "potilas",
    "pacientul",
    "ασθενής",
    "ασθενείς",
    "пациент",
    "пациенты",
    "больной",
    // Latvian, Lithuanian, Estonian, Icelandic, Ukrainian, Bulgarian, Serbian and Croatian,
    // Slovenian, Afrikaans, Vietnamese, Thai, Persian, Arabic, Hebrew.
    "pacients",
    "bērns",
    "pacientas",
    "tiriamasis",
    "patsient",
    "uuritav",
    "sjúklingur",
    "einstaklingur",
    "fiskur",
    "пацієнт",
    "пацієнтка",
    "болен",
    "pacijent",
    "ispitanik",
    "bolnik",
    "bolnica",
    "preiskovanec",
    "pasiënt",
    "proefpersoon",
    "bệnh nhân",
    "อาสาสมัคร",
    "ผู้ป่วย",
    "بیمار",
    "مريض",
    "المريض",
    "מטופל",
    "מטופלת",
    "חולה",
    "ptak",
    "ptaka",
    "zwierzę",
    "zwierzęcia",
    "pies",
    "kot",
    "kota",
    "koń",
    "konia",
    "krowa",
    "krowy",
    "owca",
    "owcy",
    // An animal and a volunteer in the Scandinavian languages, Czech and Polish.
    "djur",
    "zvíře",
    "dobrovolník",
    "ochotnik",
    // The experimental units of veterinary studies, reported as subjects are: a pool of
    // birds' samples, a tank of fish, a pen of animals, a flock of poultry.
    "pool",
    "pools",
    "flock",
    "flocks",
    "tank",
    "tanks",
    "pen",
    "pens",
    "bird",
    "birds",
    "hen",
    "hens",
    "chicken",
    "chickens",
    "fish",
    "mother-infant pair",
    "pair",
    "dyad",
    "#",
];

/// Whether a header names a column of subject ids (`Patient`, `Subject no.`, `Dog`, `ID`).
pub(crate) fn is_subject_header(header: &str) -> bool {
    thread_local! {
        static SUBJECT_HEADERS: crate::memo::Cache<bool> = Default::default();
    }
    crate::memo::cached(&SUBJECT_HEADERS, header, is_subject_header_uncached)
}

fn is_subject_header_uncached(header: &str) -> bool {
    let name = norm(strip_marks(header));
    // With what its ids are in brackets: `Cow (ear tag)`, `Patient (initials)`, `Subject (ID)`.
    // (Not a count: `Patients (n = 12)` heads a group's column, not subjects' ids.)
    let bare = match crate::params::split_trailing_group(&name) {
        (head, Some(group)) if !head.trim().is_empty() && !group.chars().any(|c| c.is_ascii_digit()) => head.trim(),
        _ => name.as_str(),
    };
    // A subject word with `no.`, `number`, `ID` after it (`Fish no.`, `Bird number`, `Cow ID`).
    // (The number's sign in French, Spanish, Italian and Portuguese too: `Brebis n°`,
    // `Cerdo nº`, `Vaca n.º`.)
    // (Or the sign before the word, as Polish and German print it: `Nr ptaka`, `Nr. Tier`.)
    // (Greek `α/α`, αύξων αριθμός: `Ψάρι α/α`.)
    let numbered = [" no", " nr", " number", " id", " #", " code", " n°", " nº", " n.º", " n.°", " α/α"]
        .iter()
        .find_map(|suffix| bare.strip_suffix(suffix))
        .or_else(|| ["nr ", "nr. ", "n° ", "nº "].iter().find_map(|prefix| bare.strip_prefix(prefix)))
        .is_some_and(|head| SUBJECT_WORDS.contains(&head.trim()) || head.trim() == "tier");
    // (Or an animal species named alone, as the subjects of a veterinary or zoo study are:
    // `Alligator` over `AM1 | AM2`, `Hedgehog`; not people's words, `Patients`.)
    // (Not an abbreviation in capitals: `BAT`, brown adipose tissue beside the liver.)
    let species = || {
        bare.split_whitespace().count() == 1
            && !header.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
            && crate::context::species_of(bare).is_some_and(|s| s != "human")
    };
    SUBJECT_WORDS.contains(&name.as_str()) || SUBJECT_WORDS.contains(&bare) || numbered || species()
}

/// A code of a cycle's day or of a regimen, not a subject (`C1D1`, `C2D15`, `Q3W`, `Q12H`).
/// (Not `D14` or `P2` alone: dogs and patients are coded so too.)
pub(crate) fn is_visit_code(text: &str) -> bool {
    let t = text.trim().to_ascii_uppercase();
    fn digits_then(s: &str) -> Option<&str> {
        let n = s.chars().take_while(char::is_ascii_digit).count();
        (n > 0).then(|| &s[n..])
    }
    let after = |prefix: char| t.strip_prefix(prefix).and_then(digits_then);
    // `C1D1`, `C2D15`
    after('C').and_then(|rest| rest.strip_prefix('D')).and_then(digits_then).is_some_and(str::is_empty)
        // `Q3W`, `Q12H`, `Q24H`
        || after('Q').is_some_and(|rest| matches!(rest, "W" | "D" | "H"))
}

/// The time in brackets after a numbered sample, visit or milking (`M1 (12 h)`, `Visit 2
/// (week 4)`, `V3 (day 8)`, `Sample 4 (2 h)`), or on the line below its code (`M1<br/>12
/// h`).
pub(crate) fn time_in_brackets(label: &str) -> Option<String> {
    let t = strip_marks(label).trim();
    // (Or on the line below the code, no brackets: `M1<br/>12 h`, `V2 / day 8`.)
    let (name, inner) = match t.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
        Some(split) => split,
        None => {
            let (code, rest) = t.split_once([' ', '\n', '/'])?;
            let rest = rest.trim_start_matches([' ', '/']).trim();
            let coded = code.chars().take_while(char::is_ascii_alphabetic).count();
            // (Not a day, cycle, period or week: `D1 2 h` is a time on day 1.)
            let day_like = coded == 1 && code.starts_with(['D', 'd', 'C', 'c', 'P', 'p', 'W', 'w']);
            if !(1..=2).contains(&coded)
                || day_like
                || rest.is_empty()
                || !rest.starts_with(|c: char| c.is_ascii_digit() || c.is_alphabetic())
            {
                return None;
            }
            (code, rest)
        }
    };
    let name = norm(name.trim());
    // A sample's, visit's or milking's word and number (`Visit 2`, `Sample 4`), or its code
    // of a letter or two and a number (`M1`, `V3`, `S4`); not a cohort, group, period or
    // dose, whose brackets hold how long something lasted.
    let worded = match name.split_whitespace().collect::<Vec<_>>().as_slice() {
        [word, number] => {
            matches!(*word, "visit" | "sample" | "milking" | "specimen" | "draw" | "collection")
                && number.chars().all(|c| c.is_ascii_digit())
        }
        _ => false,
    };
    // (Or a sample named by when it was drawn against an event, its time since the dose in
    // brackets: `Pre-HD (44 h)`, `Post-dialysis (48 h)`, `Trough (24 h)`, `End of infusion (1 h)`.)
    // (Before or after a dose or a dialysis session only: `Post-infusion (1 h)` counts from the
    // infusion's end, `Post-partum (2 weeks)` from the birth.)
    let moment = ["pre", "post"].iter().any(|p| {
        name.strip_prefix(p).map(|r| r.trim_start_matches(['-', ' '])).is_some_and(|event| {
            matches!(event, "dose" | "hd" | "dialysis" | "haemodialysis" | "hemodialysis" | "crrt" | "filter")
        })
    }) || matches!(name.as_str(), "trough" | "peak" | "eoi" | "end of infusion" | "predose" | "pre-dose");
    let letters = name.chars().take_while(char::is_ascii_alphabetic).count();
    let coded = (1..=2).contains(&letters)
        && name.len() > letters
        && name.len() <= letters + 3
        && name[letters..].chars().all(|c| c.is_ascii_digit());
    (worded || coded || moment).then(|| time_of(inner, None)).flatten()
}

/// When a note says a sample was drawn (`Drawn 1 h after the start of a 30-min infusion`:
/// `1 h`; `Drawn within 30 min before the next dose`, `taken before the morning dose`:
/// `pre-dose`).
pub(crate) fn drawn_when(note: &str) -> Option<String> {
    let t = norm(note);
    // (A note that begins with when: "Immediately before a dose at steady state".)
    if t.starts_with("immediately before") && crate::context::has_word(&t, &["dose", "dosing"]) {
        return Some("pre-dose".to_owned());
    }
    if !crate::context::has_word(&t, &["drawn", "taken", "collected", "sampled", "obtained", "measured"]) {
        return None;
    }
    if t.contains("before the next dose")
        || t.contains("before the dose")
        || t.contains("before the morning dose")
        || t.contains("before a dose")
    {
        return Some("pre-dose".to_owned());
    }
    // (After the end of an infusion the offset is from its end, not from the dose.)
    if t.contains("after the end") || t.contains("after end") {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    // (After a dose: `after the third dose`, `after the start of the infusion`; not after
    // another event, `2 h after the start of haemodialysis`.)
    const DOSING: &[&str] = &["dose", "doses", "dosing", "administration", "injection", "infusion", "intake"];
    words.iter().enumerate().find_map(|(k, w)| {
        let n = w.parse::<f64>().ok()?;
        let unit = minutes_or_hours(words.get(k + 1)?.trim_end_matches(['.', ',']))?;
        // (The words after `after`, none where the note ends first: `Drawn 2 h`.)
        let dosing =
            words.iter().skip(k + 3).take(8).any(|w| DOSING.contains(&w.trim_end_matches(['.', ',', ';', ')'])));
        (words.get(k + 2) == Some(&"after") && dosing).then(|| format!("{n} {unit}"))
    })
}

/// The time after the dose a header says its samples were drawn, among its other words
/// (`Anti-Xa activity 4 h post-dose (IU/mL)`, `Level 2 h after the morning dose`): `4 h`.
pub(crate) fn time_after_dose_in(header: &str) -> Option<String> {
    let t = norm(strip_marks(header)).replace('(', " ( ");
    let words: Vec<&str> = t.split_whitespace().collect();
    words.iter().enumerate().find_map(|(k, w)| {
        let n = w.parse::<f64>().ok().filter(|n| *n > 0.0)?;
        let unit = minutes_or_hours(words.get(k + 1)?.trim_end_matches([',', '.']))?;
        let after = &words[k + 2..];
        // (Or after a single dose by its route: `4 h after a single oral dose`, `4 h after an
        // intravenous dose`, `2 h after oral administration`.)
        let single = || match after {
            ["after", "a" | "an" | "the", rest @ ..] | ["after", rest @ ..] => rest
                .iter()
                .take(4)
                .position(|w| {
                    matches!(w.trim_end_matches([',', '.', ')']), "dose" | "administration" | "dosing" | "injection")
                })
                .is_some_and(|at| rest[..at].iter().all(|w| !matches!(*w, "of" | "start" | "end"))),
            _ => false,
        };
        let dose = matches!(
            after,
            ["post-dose" | "postdose" | "post-dosing", ..]
                | ["post", "dose" | "dosing", ..]
                | ["after", "dose" | "dosing", ..]
                | ["after", "the", "dose", ..]
                | ["after", "the", "morning" | "evening" | "last" | "first", "dose", ..]
        ) || single();
        dose.then(|| format!("{n} {unit}"))
    })
}

/// A subject's covariate as a header prints it below the subject's id: an age, a weight or
/// a sex, alone or listed (`2.4 y`, `8 mo`, `62 kg`, `M, 7 y`, `F/54 yr`), not a time since
/// the dose (hours, days).
pub(crate) fn is_covariate_value(text: &str) -> bool {
    const UNITS: &[&str] =
        &["y", "yr", "yrs", "year", "years", "mo", "mos", "month", "months", "wk", "wks", "week", "weeks", "kg"];
    const SEXES: &[&str] = &["m", "f", "male", "female", "boy", "girl", "♂", "♀"];
    let t = norm(strip_marks(text));
    let covariate = |item: &str| {
        let item = item.trim();
        if SEXES.contains(&item) {
            return true;
        }
        // (Thousands set apart by a space, `1 120 kg`.)
        let grouped = item.split_once(' ').filter(|(a, b)| {
            a.chars().all(|c| c.is_ascii_digit())
                && !a.is_empty()
                && b.as_bytes().get(..3).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && b.len() > 3
                && !b[3..].starts_with(|c: char| c.is_ascii_digit() || c == '.')
        });
        let joined = grouped.map(|(a, b)| format!("{a}{b}"));
        let item = joined.as_deref().unwrap_or(item);
        let split = item.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(item.len());
        let (number, unit) = item.split_at(split);
        number.parse::<f64>().is_ok() && UNITS.contains(&unit.trim())
    };
    !t.trim().is_empty() && t.split([',', ';', '/']).all(covariate)
}

/// The unit of sampling times a note gives as their range (`... in eight owls at 0.25 to 24 h
/// after a single dose`, `sampled from 5 to 120 min`, `0.5–48 h`): `h`, `min` or `day`, where
/// the range's ends are the first and last of the bare numbers the table prints as its times
/// (`first`, `last`). A range of other ends (an AUC's `0–24 h`, a collection's) declares none.
pub(crate) fn sampling_range_unit(text: &str, first: f64, last: f64) -> Option<&'static str> {
    let lower = norm(text).replace(['–', '—', '‐'], "-");
    let words: Vec<&str> = lower.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';')).collect();
    let unit = |w: &str| {
        let w = w.trim_end_matches('.');
        minutes_or_hours(w).or_else(|| matches!(w, "d" | "day" | "days").then_some("day"))
    };
    let number = |w: &str| w.parse::<f64>().ok();
    let same = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
    words.iter().enumerate().find_map(|(k, w)| {
        // `a to b h` or `a-b h`.
        let (a, b, at) = if let Some((a, b)) = w.split_once('-').and_then(|(a, b)| Some((number(a)?, number(b)?))) {
            (a, b, k + 1)
        } else {
            let a = number(w)?;
            (*words.get(k + 1)? == "to").then_some(())?;
            (a, number(words.get(k + 2)?)?, k + 3)
        };
        (same(a, first) && same(b, last) && first < last).then(|| unit(words.get(at)?)).flatten()
    })
}

/// The unit a note declares for the sampling times (`Sampling times are hours after the
/// morning dose`, `Times are in minutes`, `Time in hours after the start of the
/// infusion`): `h`, `min` or `day`. Not a duration the note gives in passing (`Times are
/// after the end of a 2-min bolus`): the unit's word right after `time`/`times` and a verb.
pub(crate) fn declared_time_unit(text: &str) -> Option<&'static str> {
    const SKIP: &[&str] = &["are", "is", "were", "in", "given", "expressed", "shown", "reported", "as", "("];
    let lower = norm(text);
    let words: Vec<&str> =
        lower.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',')).filter(|w| !w.is_empty()).collect();
    words.iter().enumerate().find_map(|(k, w)| {
        // (The sampling times': `times`, or `time` after `sampling`; not one parameter's,
        // "tmax, time (h) to maximum concentration", nor an infusion's.)
        let sampling = *w == "times" || *w == "time" && k > 0 && matches!(words[k - 1], "sampling" | "sample");
        if !sampling {
            return None;
        }
        let next = words[k + 1..].iter().find(|w| !SKIP.contains(w))?;
        match *next {
            "hours" | "hour" | "h" | "hrs" => Some("h"),
            "minutes" | "minute" | "min" | "mins" => Some("min"),
            "days" | "day" => Some("day"),
            _ => None,
        }
    })
}

/// The time a visit's header gives after a comma (`Refill visit, week 4`, `Visit 3, day 14`,
/// `Admission, day 2`): `week 4`, `day 14`. The words before the comma name a visit or a
/// sample, not a parameter or a group.
pub(crate) fn visit_time(header: &str) -> Option<String> {
    let (head, tail) = header.rsplit_once(',')?;
    let head = norm(head);
    let visit = ["visit", "refill", "admission", "sample", "sampling", "occasion", "follow-up", "discharge"]
        .iter()
        .any(|w| crate::context::has_word(&head, &[w]));
    let time = time_of(tail.trim(), None)?;
    (visit && ["day ", "week ", "month "].iter().any(|u| time.starts_with(u))).then_some(time)
}

/// A sample's day and hour coded (`D2 H4`, `D1H0`, `D3 H12`, or the hour as a time `D2
/// T8`: day 2, 4 h after that day's dose): `day 2, 4 h`.
pub(crate) fn day_hour_code(text: &str) -> Option<String> {
    let t: String = norm(strip_marks(text)).chars().filter(|c| !c.is_whitespace()).collect();
    let (day, hour) = t.strip_prefix('d')?.split_once(['h', 't'])?;
    let day = day.parse::<u32>().ok().filter(|d| (1..=366).contains(d))?;
    let number =
        |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'.') && s.parse::<f64>().is_ok();
    number(hour).then(|| format!("day {day}, {hour} h"))
}

/// A day's code alone (`D7`, `D14`), read where its siblings code days and hours: `day 7`.
pub(crate) fn day_code(text: &str) -> Option<String> {
    let t = norm(strip_marks(text));
    let day = t.trim().strip_prefix('d')?.parse::<u32>().ok().filter(|d| (1..=366).contains(d))?;
    Some(format!("day {day}"))
}

/// A day of a treatment cycle, as oncology tables print their sampling days (`Cycle 1 Day
/// 8`, `Cycle 2, Day 1`, `C1D15`, `C2 D1`): the day since the first dose, `day 8`, counting
/// `cycle_days` days a cycle (`28-day cycles`, declared in the caption or a footnote). Without
/// the cycle's length, only the first cycle's days are days since the first dose.
pub(crate) fn cycle_day(text: &str, cycle_days: Option<u32>) -> Option<String> {
    let t = norm(strip_marks(text));
    // (With the study day it is in brackets after it: `C2D1 (Day 22)`.)
    if let Some((code, printed)) = t.split_once('(')
        && let Some(day) = printed.trim_end_matches(')').trim().strip_prefix("day")
        && let Ok(day) = day.trim().parse::<u32>()
        && cycle_day(code.trim(), cycle_days.or(Some(0))).is_some()
    {
        return Some(format!("day {day}"));
    }
    let number = |s: &str| s.parse::<u32>().ok().filter(|n| *n > 0);
    let (cycle, day) = if let Some(rest) = t.strip_prefix("cycle") {
        // `cycle 1 day 8`, `cycle 1, day 8`
        let words: Vec<&str> = rest.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        match words.as_slice() {
            [c, "day", d] => (number(c)?, number(d)?),
            _ => return None,
        }
    } else {
        // `c1d8`, `c1 d8`
        let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        let (c, d) = compact.strip_prefix('c')?.split_once('d')?;
        (number(c)?, number(d)?)
    };
    let day = match cycle {
        1 => day,
        _ => (cycle - 1).checked_mul(cycle_days?)?.checked_add(day)?,
    };
    Some(format!("day {day}"))
}

/// A cycle's header over a day and time (`Cycle 2` over `D1 2 h`, `D8 pre`, `Day 15
/// predose`): the day since the first dose ([`cycle_day`], `cycle_days` a cycle) and the
/// time on it, `day 29, 2 h` or `day 8, pre-dose`.
pub(crate) fn cycle_over_day_time(cycle: &str, leaf: &str, cycle_days: Option<u32>) -> Option<String> {
    let c = norm(strip_marks(cycle));
    let k = c
        .strip_prefix("cycle")
        .or_else(|| c.strip_prefix('c'))?
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|k| (1..=100).contains(k))?;
    let l = norm(strip_marks(leaf));
    let rest = l.strip_prefix("day").or_else(|| l.strip_prefix('d'))?.trim_start();
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let day: u32 = rest[..digits].parse().ok()?;
    let when = rest[digits..].trim_start_matches([',', ' ']).trim();
    let time = match when {
        "pre" | "pre-dose" | "predose" | "pre dose" | "trough" => "pre-dose".to_owned(),
        "" => return None,
        _ => time_of(when, None)?,
    };
    let day = cycle_day(&format!("cycle {k} day {day}"), cycle_days)?;
    Some(format!("{day}, {time}"))
}

/// A cycle's day by its code and a time on it in one label (`C1D1 2 h`, `C1D8 pre-dose`,
/// `C2D1<br/>pre-dose` over a column): the day since the first dose ([`cycle_day`],
/// `cycle_days` a cycle) and the time on it, `day 1, 2 h` or `day 8, pre-dose`.
pub(crate) fn cycle_day_time(text: &str, cycle_days: Option<u32>) -> Option<String> {
    let t = norm(strip_marks(text));
    let (code, when) = t.split_once(' ')?;
    if !code.starts_with('c') {
        return None;
    }
    cycle_day(code, cycle_days.or(Some(0)))?;
    let when = when.trim_start_matches([',', ' ']).trim();
    // (The study day in brackets after the code: `C2D1 (Day 22) predose`.)
    let (day, when) = match when.strip_prefix("(day").and_then(|r| r.split_once(')')) {
        Some((n, rest)) if n.trim().parse::<u32>().is_ok() => (format!("day {}", n.trim()), rest.trim()),
        _ => (cycle_day(code, cycle_days)?, when),
    };
    let time = match when {
        "pre" | "pre-dose" | "predose" | "pre dose" | "trough" => "pre-dose".to_owned(),
        _ => time_of(when, None).filter(|t| !t.starts_with(['d', 'w', 'c']))?,
    };
    Some(format!("{day}, {time}"))
}

/// The length of a treatment cycle a caption or footnote declares: `28-day cycles`, `21 day
/// cycle`, `cycles of 28 days`.
pub(crate) fn cycle_length(text: &str) -> Option<u32> {
    let t = norm(text);
    let words: Vec<&str> = t.split([' ', ',', ';', '(', ')', '.']).filter(|w| !w.is_empty()).collect();
    words.iter().enumerate().find_map(|(k, w)| {
        let next = words.get(k + 1).copied().unwrap_or_default();
        let after = words.get(k + 2).copied().unwrap_or_default();
        // `28-day cycles`, `28-day treatment cycles`
        let hyphened = w
            .strip_suffix("-day")
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|_| next.starts_with("cycle") || (next == "treatment" && after.starts_with("cycle")));
        // `28 day cycles`
        let spaced = w.parse::<u32>().ok().filter(|_| next == "day" && after.starts_with("cycle"));
        // `cycles of 28 days`, `cycles were 21 days`
        let of = (w.starts_with("cycle") && matches!(next, "of" | "were" | "was" | "are" | "lasted"))
            .then(|| after.parse::<u32>().ok())
            .flatten()
            .filter(|_| words.get(k + 3).is_some_and(|d| d.starts_with("day")));
        hyphened.or(spaced).or(of).filter(|n| (2..=366).contains(n))
    })
}

/// `min` or `h` for a word of minutes or hours (`mins`, `hours`, `hr`); `None` for any
/// other.
pub(crate) fn minutes_or_hours(word: &str) -> Option<&'static str> {
    match word {
        "min" | "mins" | "minute" | "minutes" => Some("min"),
        "h" | "hr" | "hrs" | "hour" | "hours" => Some("h"),
        _ => None,
    }
}

/// How long the infusion lasted, as a caption or footnote says it (`end of the 30-min
/// infusion`, `a 2-h infusion`, `infused over 30 minutes`, `infusion over 1 h`): `30 min`.
pub(crate) fn infusion_length(text: &str) -> Option<String> {
    let t = norm(text);
    let words: Vec<&str> = t.split([' ', ',', ';', '(', ')']).filter(|w| !w.is_empty()).collect();
    let unit = |u: &str| minutes_or_hours(u.trim_end_matches('.'));
    words.iter().enumerate().find_map(|(k, w)| {
        let next = words.get(k + 1).copied().unwrap_or_default();
        let after = words.get(k + 2).copied().unwrap_or_default();
        // `30-min infusion`, `30 min infusion`
        let before = w
            .split_once('-')
            .and_then(|(n, u)| Some((n.parse::<f64>().ok()?, unit(u)?)))
            .filter(|_| next.starts_with("infusion"))
            .or_else(|| Some((w.parse::<f64>().ok()?, unit(next)?)).filter(|_| after.starts_with("infusion")));
        // `infusion over 30 min`, `infused over 2 hours`
        let over = (w.starts_with("infus") && next == "over")
            .then(|| Some((after.parse::<f64>().ok()?, unit(words.get(k + 3)?)?)))
            .flatten();
        before.or(over).map(|(n, u)| format!("{n} {u}"))
    })
}

/// A subject named by its word and number (`Patient 1`, `Case 12`, `Dog 3`), as printed:
/// not a bare number or code, which also number groups and cohorts.
pub(crate) fn worded_subject(text: &str) -> Option<String> {
    let text = text.trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    let [word, id] = words.as_slice() else { return None };
    (SUBJECT_WORDS.contains(&norm(word).as_str())
        && id.chars().any(|c| c.is_ascii_digit())
        && subject_id(text).is_some())
    .then(|| text.to_owned())
}

/// A subject named by its word and number at the start of a label that goes on with what
/// the table says of the subject (`Patient 1 CLCR 62 mL/min`, `Patient 4 Haemodialysis`,
/// the header's second line): `Patient 1`. The word after the number starts with a
/// capital (not `Patient 1 and 2`, `Patients 1 to 3`).
pub(crate) fn leading_worded_subject(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let [word, id, next, ..] = words.as_slice() else { return None };
    next.chars().next().filter(|c| c.is_uppercase())?;
    worded_subject(&format!("{word} {id}"))
}

/// Whether a column header names sampling times: a time word or unit (`Time (h)`,
/// `Sampling time`, `Zeit nach Gabe (h)`), or days after the dose (`Day after last dose`,
/// `Days post-treatment`, `Dia após a última dose`).
pub(crate) fn is_time_header(header: &str) -> bool {
    let l = norm(header);
    crate::context::has_word(&l, &["time", "hours"])
        || time_unit_in(header).is_some()
        || names_time_in_another_language(header)
        || days_header(header).is_some()
}

/// The "after" of [`FOREIGN_TIME_WORDS`]: a time only with a time's unit beside it
/// (`Stunden nach Gabe`, `Horas después (h)`), not alone (`Après réchauffement (J3)` heads a
/// condition's values).
const FOREIGN_AFTER_WORDS: &[&str] = &["nach", "après", "después", "dopo", "após", "efter"];

/// Whether a header names sampling times in another language: a time word (`Zeit`, `Temps`,
/// `Tiempo`), or "after" with a time's unit.
pub(crate) fn names_time_in_another_language(header: &str) -> bool {
    let l = norm(header);
    // (A time's unit bracketed, `Horas después (h)`, or as a word, `Stunden nach Gabe`.)
    let unit_word =
        || l.split(|c: char| !c.is_alphabetic()).any(|w| !w.is_empty() && time_of(&format!("1 {w}"), None).is_some());
    FOREIGN_TIME_WORDS.iter().any(|w| !FOREIGN_AFTER_WORDS.contains(w) && crate::context::has_word(&l, &[w]))
        || crate::context::has_word(&l, FOREIGN_AFTER_WORDS) && (time_unit_in(header).is_some() || unit_word())
}

/// The words of days, in the languages the reader reads (`Day`, `Día`, `Jour`, `Giorno`,
/// `Dag`; German `Tag` apart, also an ear tag).
pub(crate) const DAY_WORDS: &[&str] = &[
    "day", "days", "dia", "dias", "día", "días", "jour", "jours", "giorno", "giorni", "dag", "dagen", "dagar", "dzień",
    "dni", "dagur", "diena", "päev", "dan", "ден", "доба", "ngày",
];

/// The words of weeks, in the languages the reader reads (`Week`, `Settimana`, `Semana`,
/// `Semaine`, `Woche`, Dutch `weken`).
pub(crate) const WEEK_WORDS: &[&str] = &[
    "week",
    "weeks",
    "wk",
    "wks",
    "settimana",
    "settimane",
    "semana",
    "semanas",
    "semaine",
    "semaines",
    "woche",
    "wochen",
    "weken",
];

/// `day` where a header counts days after the dose (`Day after last dose`, `Days
/// post-treatment`, `Withdrawal day`; `Dia após`, `Tag nach`, `Jour après`) or names the day
/// a level was drawn on (`on postoperative day`); `week` where it is weeks alone (`Week`,
/// `Settimana`, `Study week`).
pub(crate) fn days_header(header: &str) -> Option<&'static str> {
    thread_local! {
        static DAYS_HEADERS: crate::memo::Cache<Option<&'static str>> = Default::default();
    }
    crate::memo::cached(&DAYS_HEADERS, header, days_header_uncached)
}

fn days_header_uncached(header: &str) -> Option<&'static str> {
    let l = norm(header);
    // (And German `Tag`, `Tage` here, beside the word after: `Tag nach`.)
    const GERMAN: &[&str] = &["tag", "tage"];
    const AFTER: &[&str] =
        &["after", "post", "since", "withdrawal", "após", "depois", "después", "après", "dopo", "nach", "efter"];
    // (`post-dose`, `post-treatment`: a word that begins with `post-`.)
    // (Polish `po` only beside its day words: `Dzień po zakończeniu`; `PO days` are days on
    // oral therapy.)
    let after = crate::context::has_word(&l, AFTER)
        || l.split_whitespace().any(|w| w.starts_with("post-"))
        || crate::context::has_word(&l, &["dzień", "dni"]) && crate::context::has_word(&l, &["po"]);
    // (Or days since surgery by their abbreviation: `POD`, post-operative day.)
    let post_operative = matches!(l.trim(), "pod" | "postoperative day" | "post-operative day")
        || ["on postoperative day", "on post-operative day", "on day", "on study day", "on treatment day"]
            .iter()
            .any(|end| l.trim() == *end || l.trim_end().ends_with(&format!(" {end}")));
    if (crate::context::has_word(&l, DAY_WORDS) || crate::context::has_word(&l, GERMAN)) && after || post_operative {
        return Some("day");
    }
    // Weeks alone, a long treatment's (`Week`, `Settimana`, `Semana`, `Woche` over `0 | 4 |
    // 16`; `Study week`, `Week of treatment`).
    let weeks = WEEK_WORDS.contains(&l.trim())
        || matches!(l.trim(), "study week" | "treatment week" | "week of treatment" | "weeks of treatment");
    weeks.then_some("week")
}

/// Whether a header names subjects among its words (`Loggerhead turtles (Caretta
/// caretta)`, `Green turtles`, `Dogs, group A`).
pub(crate) fn names_subjects(header: &str) -> bool {
    const GENERIC: &[&str] =
        &["no", "id", "tag", "pair", "pairs", "individual", "individuals", "ave", "case", "code", "name"];
    norm(header)
        .split(|c: char| !c.is_alphabetic())
        .any(|w| !w.is_empty() && !GENERIC.contains(&w) && SUBJECT_WORDS.contains(&w))
}

/// Whether a row-label header names occasions, arms or compounds rather than subjects
/// (`Day`, `Dose`, `Trimester`, `Visit`, `Compound`): numbered rows under it are not
/// subject ids.
pub(crate) fn is_occasion_header(header: &str) -> bool {
    const OCCASIONS: &[&str] = &[
        "day",
        "days",
        "dose",
        "doses",
        "dose level",
        "dosing",
        "regimen",
        "trimester",
        "week",
        "weeks",
        "month",
        "visit",
        "period",
        "cycle",
        "occasion",
        "phase",
        "time",
        "sample",
        "group",
        "cohort",
        "arm",
        "study day",
        // The compounds of a medicinal chemistry table (`Cmpd` over `12a | 17 | 23`): each
        // row a compound, numbered as chemists number them, not a subject.
        "compound",
        "compounds",
        "cmpd",
        "cmpd.",
        "cpd",
        "cpd.",
        "compd",
        "compd.",
        "analog",
        "analogue",
        "entry",
    ];
    // Without its unit: `Dose (mg)`, `Dose, mg/kg`, `Time (h)`.
    let name = crate::params::split_trailing_group(strip_marks(header)).0;
    let name = name.split_once(',').map_or(name, |(n, _)| n);
    // (Or a day or week of something: `Day of therapy`, `Day of treatment`, `Week of
    // gestation`.)
    let of_something = norm(name)
        .split_once(" of ")
        .is_some_and(|(head, _)| matches!(head.trim(), "day" | "days" | "week" | "weeks" | "month" | "cycle"));
    OCCASIONS.contains(&norm(strip_marks(header)).as_str()) || OCCASIONS.contains(&norm(name).as_str()) || of_something
}

/// Whether a label is a dosing interval (`q8h`, `q12h`, `Q24H`), not a subject code.
pub(crate) fn is_dosing_interval(label: &str) -> bool {
    let t = norm(strip_marks(label));
    t.strip_prefix('q')
        .and_then(|r| r.strip_suffix('h'))
        .is_some_and(|digits| !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
}

/// The number of subjects a caption counts before the word for them (`in three horses`,
/// `in 6 healthy dogs`, `four patients`): a number word up to twelve or digits, at most two
/// words before a subject word; else one subject by its article (`of a dromedary camel`).
pub(crate) fn counted_subjects(caption: &str) -> Option<usize> {
    const NUMBERS: &[&str] =
        &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    let lower = crate::fold::lower(caption);
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let counted = words.iter().enumerate().find_map(|(k, w)| {
        // Not the table's own number ("Table 2. Individual plasma concentrations ...").
        if k > 0 && matches!(words[k - 1], "table" | "tab" | "tbl") {
            return None;
        }
        let n = NUMBERS.iter().position(|n| n == w).map(|i| i + 1).or_else(|| w.parse::<usize>().ok())?;
        let subject = words[k + 1..].iter().take(3).any(|next| SUBJECT_WORDS.contains(next));
        (subject && (1..=30).contains(&n)).then_some(n)
    });
    // Else a case report's one subject by its article (`of a dromedary camel`, `in an adult
    // horse`): the word for it singular, at most two words on, and no study, series or
    // group of them after it (`a case series of patients`, `a healthy volunteer study`).
    counted.or_else(|| {
        words.iter().enumerate().find_map(|(k, w)| {
            if !matches!(*w, "a" | "an") {
                return None;
            }
            let at = words[k + 1..].iter().take(2).position(|next| {
                SUBJECT_WORDS.contains(next)
                    && !next.ends_with('s')
                    && !matches!(*next, "individual" | "no" | "id" | "case")
            })?;
            let after = words.get(k + 2 + at).copied().unwrap_or_default();
            let collective = matches!(
                after,
                "study"
                    | "studies"
                    | "series"
                    | "population"
                    | "pair"
                    | "pairs"
                    | "model"
                    | "group"
                    | "cohort"
                    | "dyad"
            );
            (!collective).then_some(1)
        })
    })
}

/// The subject id a cell or header prints, when it reads as one: a small number (`3`,
/// `12b`), a letter-and-number code (`P3`, `S-01`, `#4`, `Pt 2`), or a subject word with a
/// number (`Case 1`, `Patient 12`, `Dog 3`, `Mother 2`). Footnote marks after it are left out.
pub(crate) fn subject_id(text: &str) -> Option<String> {
    thread_local! {
        static SUBJECT_IDS: crate::memo::Cache<Option<String>> = Default::default();
    }
    crate::memo::cached(&SUBJECT_IDS, text, subject_id_uncached)
}

fn subject_id_uncached(text: &str) -> Option<String> {
    let t = strip_marks(text);
    // An id with the subject's covariates in brackets after it (`1 (8 mo, 7.9 kg)`, `P2 (M,
    // 54 y)`): the id.
    if let Some((id, inner)) = t.trim().strip_suffix(')').and_then(|t| t.rsplit_once('('))
        && !id.trim().is_empty()
        && is_covariate_value(inner)
        && inner.split([',', ';', '/']).any(|item| item.trim().starts_with(|c: char| c.is_ascii_digit()))
    {
        let id = id.trim();
        // (Or a name with a sex among them, `Kiri (F, 4.1 kg)`: only an individual has one;
        // a group's age band has none, `Children (6–12 y)`.)
        let sexed = inner
            .split([',', ';', '/'])
            .any(|item| matches!(item.trim(), "F" | "M" | "f" | "m" | "female" | "male" | "♀" | "♂"));
        let mut chars = id.chars();
        let name = chars.next().is_some_and(char::is_uppercase)
            && id.chars().count() >= 2
            && chars.all(char::is_lowercase)
            && !SUBJECT_WORDS.contains(&norm(id).as_str())
            // (Nor a population's word, `Elderly (F, 72 y)`, a group's.)
            && crate::context::population_in(id).is_none()
            && !matches!(
                norm(id).as_str(),
                "elderly" | "young" | "old" | "older" | "adults" | "adolescents" | "healthy" | "obese" | "lean"
                    | "controls" | "control" | "males" | "females" | "men" | "women" | "fasted" | "fed"
            )
            && crate::context::species_of(id).is_none();
        return subject_id(id).or_else(|| (sexed && name).then(|| id.to_owned()));
    }
    // (Sixteen characters at most, a sex in brackets after them aside: `Patient 12 (female)`.)
    let sex = [" (female)", " (male)", " (F)", " (M)"].iter().find(|s| t.ends_with(*s)).map_or(0, |s| s.len());
    if t.is_empty() || t.chars().count() > 16 + sex {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let code_like = |w: &str| {
        let digits = w.chars().filter(char::is_ascii_digit).count();
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        (1..=4).contains(&digits) && letters <= 3 && w.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '#' | '_'))
            // Not a number with a unit or a decimal value.
            && !w.contains('.')
    };
    // A subject word with a capital letter for an id (`Infant A`, `Patient B`).
    let letter = |w: &str| w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase());
    // Initials (`L.M.`, `J.R.K.`), not the abbreviations cells print (`N.A.`, `N.D.`, `S.D.`).
    // (A name's particle in lower case between them: `A.v.D.`, `J.d.B.`.)
    let initials = |w: &str| {
        let parts: Vec<&str> = w.split('.').collect();
        let upper = |p: &&str| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase());
        let particle = |p: &&str| p.len() == 1 && p.chars().all(|c| c.is_ascii_lowercase());
        (2..=4).contains(&parts.len())
            && upper(&parts[0])
            && upper(&parts[parts.len() - 1])
            && parts.iter().all(|p| upper(p) || particle(p))
            && !["N.A", "N.D", "N.S", "N.C", "N.R", "S.D", "S.E", "B.L.Q", "N.Q"].contains(&w)
    };
    // A clinical study's site and subject numbers (`104-001`, `101-0012`, `1001-004`): two
    // groups of digits, the subject's padded with a leading zero, as no range is printed
    // (`0-24`, `10-12`).
    let site_subject = |w: &str| {
        w.split_once('-').is_some_and(|(site, subject)| {
            (2..=4).contains(&site.len())
                && (3..=4).contains(&subject.len())
                && subject.starts_with('0')
                && site.chars().chain(subject.chars()).all(|c| c.is_ascii_digit())
        })
    };
    match words.as_slice() {
        [one] if code_like(one) || site_subject(one) => Some((*one).to_owned()),
        // (Initials keep their last point: `L.M.`.)
        [one] if initials(one) => Some(format!("{one}.")),
        [word, id] if SUBJECT_WORDS.contains(&norm(word).as_str()) && (code_like(id) || letter(id)) => {
            Some(t.to_owned())
        }
        // With the subject's sex in brackets after it (`Dog 1 (M)`, `Patient 3 (F)`), as
        // printed: not the `F` of a bioavailability.
        [word, id, sex]
            if SUBJECT_WORDS.contains(&norm(word).as_str())
                && (code_like(id) || letter(id))
                && matches!(norm(sex).as_str(), "(m)" | "(f)" | "(male)" | "(female)") =>
        {
            Some(t.to_owned())
        }
        // A livestock ear tag: the country's two capital letters and the animal's number in
        // groups of digits (`IE 2214 0031`, `UK 123456 200011`, `DE 0123456789`).
        [country, groups @ ..]
            if country.len() == 2
                && country.chars().all(|c| c.is_ascii_uppercase())
                && !groups.is_empty()
                && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
                && (6..=14).contains(&groups.iter().map(|g| g.len()).sum::<usize>()) =>
        {
            Some(t.to_owned())
        }
        _ => None,
    }
}

/// Whether a label is a subject's id with the subject's sex in brackets after it (`Dog 2
/// (F)`, `Patient 3 (male)`).
pub(crate) fn with_sex(label: &str) -> bool {
    subject_id(label).is_some_and(|id| id.ends_with(')'))
}

/// Hours as the reader writes a time it computed: two decimals at most, trailing zeros
/// left out (`0.75 h`, `24.67 h`, `25 h`).
fn hours_text(hours: f64) -> String {
    let printed = format!("{hours:.2}");
    format!("{} h", printed.trim_end_matches('0').trim_end_matches('.'))
}

/// The day a header begins with, before what it says of that day (`Day 1 (admission)`,
/// `Day 6 · Namche Bazaar (3,440 m)`, `Day 3 of therapy`): not a span of days (`Day 1–7`,
/// `Day 1 to 7`).
pub(crate) fn leading_day(header: &str) -> Option<String> {
    let t = norm(strip_marks(header));
    let rest = t.strip_prefix("day ")?;
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let after = rest[digits..].trim_start();
    // (After a dash or comma a word, not another day: `Day 1 - 7`, `Day 1, 8 and 15`.)
    let worded = |rest: &str| rest.trim_start().starts_with(char::is_alphabetic);
    let said = after.starts_with(['(', '·', ':', '['])
        || after.starts_with("of ")
        || after.strip_prefix(',').is_some_and(worded)
        || after.strip_prefix("- ").is_some_and(worded);
    said.then(|| time_of(&format!("day {}", &rest[..digits]), None)).flatten()
}

/// A sampling time a header prints, with its unit (`2 h`, `0.5 hr`, `Day 3`, `Week 12`,
/// `20 Weeks`, `Postpartum 2 Weeks`, `24 h post-dose`), or a time point named in words
/// (`Pre-dose`, `Trough`, `Delivery`, `Birth`). `unit` is the unit the spanning header
/// or caption gives bare numbers (`Time after dose (h)` over `0.5 | 1 | 2`).
///
/// A time in brackets is the time it holds (`(0.5 h)`, `[pre-dose]`), and so is one after
/// a clock time (`08:30 (0.5 h)`): tables of sampling times by the clock print the time
/// since the dose in brackets beside or under each clock time.
pub(crate) fn time_of(header: &str, unit: Option<&str>) -> Option<String> {
    thread_local! {
        static TIMES: crate::memo::Cache<Option<String>> = Default::default();
        static TIMES_IN_UNIT: crate::memo::Cache<Option<String>> = Default::default();
    }
    match unit {
        None => crate::memo::cached(&TIMES, header, |h| time_of_uncached(h, None)),
        // (The unit and the header in one key: a unit has no line break.)
        Some(unit) => {
            crate::memo::cached(&TIMES_IN_UNIT, &format!("{unit}\n{header}"), |_| time_of_uncached(header, Some(unit)))
        }
    }
}

fn time_of_uncached(header: &str, unit: Option<&str>) -> Option<String> {
    let t = norm(strip_marks(header));
    // A duration in hours and minutes under a header that says so (`Interval (h:min)` over
    // `2:30`): 2.5 h.
    if unit == Some("h:min") {
        let (h, m) = t.split_once(':')?;
        let (h, m) = (h.trim().parse::<u32>().ok()?, m.trim().parse::<u32>().ok()?);
        return Some(hours_text(f64::from(h) + f64::from(m.min(59)) / 60.0));
    }
    // Hours and minutes written out (`3 h 07 min`, `1 h 30 min`, `2 h 5 min`): in minutes.
    if let [h, hu, m, mu] = t.split_whitespace().collect::<Vec<_>>().as_slice()
        && matches!(*hu, "h" | "hr" | "hrs" | "hour" | "hours")
        && matches!(*mu, "min" | "mins" | "minute" | "minutes")
        && let (Ok(h), Ok(m)) = (h.parse::<u32>(), m.parse::<u32>())
        && m < 60
        && let Some(minutes) = h.checked_mul(60).and_then(|h| h.checked_add(m))
    {
        return Some(format!("{minutes} min"));
    }
    let after_clock = t.split_once(' ').filter(|(clock, _)| is_clock_time(clock)).map(|(_, rest)| rest.trim());
    let whole = after_clock.unwrap_or(&t);
    let bracketed = whole
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| whole.strip_prefix('[').and_then(|r| r.strip_suffix(']')));
    if let Some(inner) = bracketed.filter(|i| !i.contains(['(', ')', '[', ']'])) {
        return time_of(inner, unit);
    }
    // A time with what its sample is in brackets (`0 h (pre-HD)`, `4 h (end of HD)`,
    // `2 h (peak)`): the time, where the bracket says no other time.
    if let (head, Some(inner)) = crate::params::split_trailing_group(whole)
        && !head.trim().is_empty()
        && time_of(inner, None).is_none()
        // (The time's own unit printed: not a count with its time in brackets, `1 (12)`
        // under `Milking no. (hours after ...)`.)
        && let Some(time) = time_of(head.trim(), None).filter(|t| {
            let mut words = t.split_whitespace();
            words.next().is_some_and(|n| n.parse::<f64>().is_ok()) && words.next().is_some() && words.next().is_none()
        })
    {
        return Some(time);
    }
    // An approximate time is the time (`~4 h`, `≈ 6 h`, `approx. 2 h`, `ca. 30 min`): the
    // table says no more precisely when.
    if let Some(rest) = ["~", "≈", "approx. ", "approx ", "ca. ", "about "]
        .iter()
        .find_map(|p| whole.strip_prefix(p))
        .filter(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
    {
        return time_of(rest.trim_start(), unit);
    }
    const NAMED: &[&str] =
        &["pre-dose", "predose", "pre dose", "trough", "delivery", "birth", "at delivery", "at birth", "baseline"];
    if NAMED.contains(&t.as_str()) {
        return Some(t);
    }
    // A day or week and the time on it in one label (`Day 7, 4 h`, `Day 28, pre-dose`,
    // `Week 4, trough`): that day's time, as a time under its day reads.
    if let Some((day, time)) = t.split_once(", ")
        && let Some(day) =
            time_of(day, None).filter(|d| (d.starts_with("day ") || d.starts_with("week ")) && !d.contains(','))
        && let Some(time) = time_of(time, None).filter(|t| !t.starts_with(['d', 'w', 'm']) && !t.contains(','))
    {
        return Some(format!("{day}, {time}"));
    }
    const UNITS: &[(&[&str], &str)] = &[
        // With their words in German, French, Spanish, Italian, Portuguese and Dutch
        // (`Jour 7`, `Día 4`, `Giorno 2`, `Dia 5`, `Dag 1`), written in English (not German
        // `Tag`, which is also an ear tag: a subject).
        (
            &["min", "mins", "minute", "minutes", "minuten", "minutos", "minuti", "perc", "minuuttia", "λεπτά", "мин"],
            "min",
        ),
        (
            &[
                "h",
                "hr",
                "hrs",
                "hour",
                "hours",
                "stunde",
                "stunden",
                "heure",
                "heures",
                "hora",
                "horas",
                "ora",
                "ore",
                "uur",
                // (Danish and Norwegian `12 t`, `timer`; Swedish `tim`.)
                "t",
                "timer",
                "tim",
                "timmar",
                "timme",
                "godz",
                "hod",
                "óra",
                "tunti",
                "tuntia",
                "oră",
                "ώρα",
                "ώρες",
                "ч",
                "час",
                "часа",
                "часов",
            ],
            "h",
        ),
        (
            &[
                "d",
                "day",
                "days",
                "jour",
                "jours",
                "día",
                "días",
                "dia",
                "dias",
                "giorno",
                "giorni",
                "dag",
                "dagen",
                "nap",
                "vrk",
                "päivä",
                "päivää",
                "zi",
                "zile",
                "ημέρα",
                "ημέρες",
                "сут",
                "сутки",
                "день",
                "дней",
            ],
            "day",
        ),
        (
            &[
                "wk",
                "wks",
                "week",
                "weeks",
                "woche",
                "wochen",
                "semaine",
                "semaines",
                "semana",
                "semanas",
                "settimana",
                "settimane",
                "weken",
                // Polish, Czech, Swedish, Danish, Norwegian, Romanian, Greek, Turkish.
                "tydzień",
                "tygodnie",
                "týden",
                "týdny",
                "vecka",
                "veckor",
                "uge",
                "uger",
                "uke",
                "uker",
                "săptămână",
                "săptămâni",
                "εβδομάδα",
                "εβδομάδες",
                "hafta",
            ],
            "week",
        ),
        (
            &[
                "mo",
                "month",
                "months",
                "monat",
                "monate",
                "mois",
                "mes",
                "mês",
                "meses",
                "mese",
                "mesi",
                "maand",
                "maanden",
                // Polish, Czech, Hungarian, Swedish, Danish and Norwegian, Romanian, Greek.
                "miesiąc",
                "miesiące",
                "měsíc",
                "měsíce",
                "hónap",
                "månad",
                "månader",
                "måned",
                "måneder",
                "luna",
                "luni",
                "μήνας",
                "μήνες",
            ],
            "month",
        ),
    ];
    let unit_of = |w: &str| UNITS.iter().find(|(ws, _)| ws.contains(&w)).map(|(_, u)| *u);
    let is_number = |w: &str| w.parse::<f64>().is_ok() || w.replace(',', ".").parse::<f64>().is_ok();
    // Words split at spaces and commas, but a decimal comma stays in its number (`0,5`).
    let words: Vec<&str> = t
        .split_whitespace()
        .flat_map(|w| if w.contains(',') && is_number(w) { vec![w] } else { w.split(',').collect() })
        .filter(|w| !w.is_empty())
        .collect();
    // A number as the record writes it: a decimal comma as a point (`0,5` is `0.5`).
    let point = |w: &str| if w.parse::<f64>().is_ok() { w.to_owned() } else { w.replace(',', ".") };
    // "2 h", "0.5 hr", "20 weeks", "postpartum 2 weeks", "24 h post-dose"
    for (k, w) in words.iter().enumerate() {
        if is_number(w)
            && let Some(u) = words.get(k + 1).and_then(|n| unit_of(n))
        {
            let rest: Vec<&str> =
                words.iter().enumerate().filter(|(j, _)| *j != k && *j != k + 1).map(|(_, w)| *w).collect();
            if rest.iter().all(|r| TIME_CONTEXT.contains(r)) {
                // Words beside the time say what it counts from: kept as printed.
                return Some(if rest.is_empty() {
                    format!("{} {u}", point(w))
                } else {
                    strip_marks(header).to_owned()
                });
            }
        }
        // "2h", "0.5hr"
        if let Some(split) = w.find(|c: char| c.is_alphabetic())
            && split > 0
            && is_number(&w[..split])
            && let Some(u) = unit_of(&w[split..])
            && words.len() == 1
        {
            return Some(format!("{} {u}", &w[..split]));
        }
    }
    // "Day 3", "Week 12"
    // (Not the Scandinavian hour's `t`, `tim` before a number: `T 1` is no hour.)
    if let [u, n] = words.as_slice()
        && is_number(n)
        && !matches!(*u, "t" | "tim" | "timer")
        && let Some(u) = unit_of(u)
    {
        return Some(format!("{u} {}", point(n)));
    }
    // A day or week counted from the dose or exposure the words after it name ("Day 3
    // after immersion", "Week 2 post-treatment", "Day 7 following the bath"): the day or week.
    // (Not from a birth, a delivery, a hatching or an operation: an age or a course's day,
    // said as printed.)
    let not_a_dose = |event: &[&str]| {
        event.iter().any(|w| {
            [
                "partum",
                "deliver",
                "birth",
                "hatch",
                "calving",
                "farrowing",
                "lambing",
                "surgery",
                "operat",
                "transplant",
                "onset",
                "admission",
                "diagnos",
                "infection",
            ]
            .iter()
            .any(|s| w.contains(s))
        })
    };
    let day_unit = |u: &str| unit_of(u).filter(|u| matches!(*u, "day" | "week" | "month"));
    let counted_from = match words.as_slice() {
        [u, n, after, event @ ..]
            if matches!(*after, "after" | "post" | "following" | "since" | "from")
                && (1..=3).contains(&event.len()) =>
        {
            Some((u, n, event))
        }
        [u, n, event] if event.starts_with("post-") || matches!(*event, "postdose" | "postdosing") => {
            Some((u, n, std::slice::from_ref(event)))
        }
        _ => None,
    };
    if let Some((u, n, event)) = counted_from
        && is_number(n)
        && !not_a_dose(event)
        && let Some(u) = day_unit(u)
    {
        return Some(format!("{u} {}", point(n)));
    }
    // A collection interval: "0–4 h", "4-12 h", "12 to 24 h" (urine, milk).
    let interval = match words.as_slice() {
        [range, u] => range.split_once(['–', '-']).map(|(a, b)| (a, b, *u)),
        [a, "to", b, u] => Some((*a, *b, *u)),
        _ => None,
    };
    if let Some((a, b, u)) = interval
        && is_number(a)
        && is_number(b)
        && let Some(u) = unit_of(u)
    {
        return Some(format!("{a}–{b} {u}"));
    }
    // A time header and its number flattened into one cell, as Markdown and CSV print
    // two header rows: "Time after dose (h) 0.5".
    if let (Some(last), Some(u)) = (words.last(), time_unit_in(&t))
        && words.len() > 1
        && is_number(last)
    {
        return Some(format!("{last} {u}"));
    }
    // A number with the sampling point it is named in brackets (`0 (pre-dose)`, `1 (peak)`,
    // `36 (dal)`, `2 (pic)`), under a time header: the number's time.
    const POINTS: &[&str] = &[
        // Before the dose in other languages.
        "predosis",
        "pre-dosis",
        "prédose",
        "pré-dose",
        "vor gabe",
        "vor der gabe",
        "före dos",
        "przed podaniem",
        "před podáním",
        "voor toediening",
        "pre-dose",
        "predose",
        "pre dose",
        "trough",
        "peak",
        "piek",
        "dal",
        "pic",
        "pico",
        "picco",
        "valle",
        "vale",
        "spitze",
        "tal",
        "c0",
        "cmax",
        "cmin",
        "end of infusion",
        "eoi",
    ];
    if let (Some((n, rest)), Some(u)) = (t.split_once(' '), unit)
        && is_number(n)
        && rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')).is_some_and(|p| POINTS.contains(&p.trim()))
    {
        return Some(format!("{} {u}", point(n)));
    }
    // A bare number under a time header: "0.5" with unit "h".
    if let ([n], Some(u)) = (words.as_slice(), unit)
        && is_number(n)
    {
        return Some(format!("{} {u}", point(n)));
    }
    // A bare collection interval under one: "0–4" with unit "h".
    if let ([range], Some(u)) = (words.as_slice(), unit)
        && let Some((a, b)) = range.split_once(['–', '-'])
        && is_number(a)
        && is_number(b)
    {
        return Some(format!("{a}–{b} {u}"));
    }
    None
}

/// The words for time and "after" in German, French, Spanish, Italian, Portuguese and Dutch
/// (and Swedish, Polish, Czech, Hungarian, Finnish, Romanian, Greek and Russian time words),
/// matched as whole words: `Zeit nach Infusionsbeginn (h)`, `Tempo (h)`, `Tiempo (h)` head
/// sampling times (not `Halbwertszeit (h)`, a half-life).
pub(crate) const FOREIGN_TIME_WORDS: &[&str] = &[
    "zeit",
    "temps",
    "tiempo",
    "tempo",
    "tijd",
    "nach",
    "après",
    "después",
    "dopo",
    "após",
    "efter",
    "czas",
    "čas",
    "idő",
    "aika",
    "timp",
    "χρόνος",
    "время",
    // Latvian, Lithuanian, Estonian, Icelandic, Ukrainian, Serbian, Bulgarian, Afrikaans,
    // Vietnamese, Thai, Persian, Arabic, Hebrew.
    "laiks",
    "laikas",
    "aeg",
    "tími",
    "час",
    "vreme",
    "време",
    "tyd",
    "thời gian",
    "เวลา",
    "زمان",
    "الزمن",
    "זמן",
];

/// Minutes since midnight of a clock time (`08:30` is 510), `am` or `pm` after it
/// (`8:30 pm` is 1230) when `next` says so.
fn clock_minutes(text: &str, next: &str) -> Option<u32> {
    let t = text.trim().trim_end_matches(['.', ',', ';', ')']);
    let (h, m) = t.split_once(':')?;
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    if !is_clock_time(t) {
        return None;
    }
    let next = next.trim_start_matches('(').replace('.', "");
    let h = match next.as_str() {
        "pm" if h < 12 => h + 12,
        "am" if h == 12 => 0,
        _ => h,
    };
    Some(h * 60 + m)
}

/// The clock time of the dose a caption or footnote declares (`The dose was given at 08:00
/// on day 1`, `dosed at 9:00`, `administration at 08:30 am`): the clock time nearest after
/// a word of dosing, within a few words (not `fed at 07:00`).
pub(crate) fn dose_clock(text: &str) -> Option<u32> {
    // (And the dose's form, `one 20-mg tablet taken at 07:30`; not `taken`, said of samples.)
    const DOSING: &[&str] = &[
        "dose",
        "dosed",
        "dosing",
        "administered",
        "administration",
        "given",
        "infusion",
        "injected",
        "injection",
        "tablet",
        "capsule",
        "ingested",
        "ingestion",
    ];
    let lower = crate::fold::lower(text);
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.iter().enumerate().find_map(|(k, w)| {
        let minutes = clock_minutes(w, words.get(k + 1).copied().unwrap_or_default())?;
        // The nearest word before the clock that is a clock, or a dosing word.
        // (Within nine words: `Loading infusion (1 µg/kg over 10 min) started at 08:40`.)
        // (Not across a clause's end: "given on day 1; blood was drawn at 08:00".)
        let start = words[..k].iter().rposition(|p| p.ends_with([';', '.'])).map_or(0, |e| e + 1);
        // (Nor past the samples' words: "after a capsule, samples were taken at 08:00".)
        const SAMPLING: &[&str] = &["sample", "samples", "sampled", "sampling", "drawn", "collected", "blood"];
        let nearest = words[start.max(k.saturating_sub(9))..k].iter().rev().find_map(|p| {
            let p = p.trim_matches(|c: char| !c.is_alphanumeric() && c != ':');
            if p.contains(':') || SAMPLING.contains(&p) { Some(false) } else { DOSING.contains(&p).then_some(true) }
        });
        (nearest == Some(true)).then_some(minutes)
    })
}

/// The clauses of a note: they end at `;` and at a sentence's period, not at an initial's
/// (`patient R.K. and`) nor inside a date (`12.03.`) or an abbreviation (`Pat. 1`).
fn note_clauses(lower: &str) -> Vec<&str> {
    let mut clauses: Vec<&str> = Vec::new();
    let mut start = 0;
    for (at, c) in lower.char_indices() {
        let ends = match c {
            ';' | '\n' => true,
            '.' => {
                let token = lower[start..at].rsplit(char::is_whitespace).next().unwrap_or_default();
                let initial = token.chars().count() <= 1 || token.contains('.');
                let numeral = token.chars().next_back().is_some_and(|ch| ch.is_ascii_digit());
                let abbreviation = matches!(token, "pat" | "pt" | "no" | "nr" | "approx" | "ca" | "vs");
                !initial && !numeral && !abbreviation && lower[at + 1..].chars().next().is_none_or(char::is_whitespace)
            }
            _ => false,
        };
        if ends {
            clauses.push(&lower[start..at]);
            start = at + c.len_utf8();
        }
    }
    clauses.push(&lower[start..]);
    clauses
}

/// The clock time of each subject's dose where the notes give one per subject, in clauses
/// of their own (`Patient A (CAPD) received the dose at 08:00 in a daytime dwell; patient B
/// at 21:00 in the overnight dwell`): the clock just before the subject's name (`at 13:05 in
/// patient T.M.`), else the first after it in its clause, when one clause at
/// least declares a dose clock ([`dose_clock`]) and the others follow it. Subjects named by
/// a number alone (`1`) are not looked for (a dose of `1 g` is no subject).
pub(crate) fn subject_dose_clocks(notes: &str, subjects: &[&str]) -> Vec<Option<u32>> {
    let lower = crate::fold::lower(notes);
    let clauses = note_clauses(&lower);
    let said = |subject: &str| -> Option<(bool, u32)> {
        let name = crate::fold::lower(subject.trim());
        if name.len() < 2 || !name.chars().any(char::is_alphabetic) {
            return None;
        }
        clauses.iter().find_map(|clause| {
            let at = clause.match_indices(name.as_str()).map(|(at, _)| at).find(|&at| {
                let end = at + name.len();
                !clause[..at].chars().next_back().is_some_and(char::is_alphanumeric)
                    && !clause[end..].chars().next().is_some_and(char::is_alphanumeric)
            })?;
            // The clock just before the name (`at 13:05 in patient T.M.`), else the first
            // after it (`patient B at 21:00`).
            let before: Vec<&str> = clause[..at].split_whitespace().collect();
            // (With `am` or `pm` after the clock: `at 8:40 pm in patient R.K.`.)
            let just_before = match before.as_slice() {
                [.., clock, half @ ("am" | "pm" | "a.m." | "p.m."), "in" | "for", word]
                    if SUBJECT_WORDS.contains(word) =>
                {
                    clock_minutes(clock, half)
                }
                [.., clock, half @ ("am" | "pm" | "a.m." | "p.m."), "in" | "for"] => clock_minutes(clock, half),
                [.., clock, "in" | "for", word] if SUBJECT_WORDS.contains(word) => clock_minutes(clock, ""),
                [.., clock, "in" | "for"] => clock_minutes(clock, ""),
                _ => None,
            };
            let after = &clause[at + name.len()..];
            let words: Vec<&str> = after.split_whitespace().collect();
            let clock = just_before.or_else(|| {
                words
                    .iter()
                    .enumerate()
                    .find_map(|(k, w)| clock_minutes(w, words.get(k + 1).copied().unwrap_or_default()))
            })?;
            Some((dose_clock(clause).is_some(), clock))
        })
    };
    let found: Vec<Option<(bool, u32)>> = subjects.iter().map(|s| said(s)).collect();
    if !found.iter().flatten().any(|(declared, _)| *declared) || found.iter().flatten().count() < 2 {
        return vec![None; subjects.len()];
    }
    found.into_iter().map(|f| f.map(|(_, clock)| clock)).collect()
}

/// A date without its year as tables print it beside a clock time (`12/03`, `12.03.`,
/// `12/03/2024`): its two numbers in print order.
fn short_date(text: &str) -> Option<(u32, u32)> {
    let t = text.trim().trim_end_matches([',', ';']).trim_end_matches('.');
    let mut parts = t.split(['/', '.']);
    let a = parts.next()?.parse::<u32>().ok()?;
    let b = parts.next()?.parse::<u32>().ok()?;
    // (A year after them, two or four digits.)
    let year_ok = parts.next().is_none_or(|y| matches!(y.len(), 2 | 4) && y.bytes().all(|c| c.is_ascii_digit()));
    (year_ok && parts.next().is_none() && (1..=31).contains(&a) && (1..=31).contains(&b)).then_some((a, b))
}

/// The day of the year of a date read day first (`day_first`) or month first, February of
/// 29 days in a `leap` year; `None` when no such date is (`31/02`, a month above 12).
fn day_of_year((a, b): (u32, u32), day_first: bool, leap: bool) -> Option<u32> {
    let february = if leap { 29 } else { 28 };
    let days: [u32; 12] = [31, february, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let (day, month) = if day_first { (a, b) } else { (b, a) };
    let month_days = *days.get(month.checked_sub(1)? as usize)?;
    (day >= 1 && day <= month_days).then(|| days[..month as usize - 1].iter().sum::<u32>() + day)
}

/// A month by its English name or abbreviation (`June`, `Jun`, `Sept.`): 1 to 12.
fn month_of(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = crate::fold::lower(word.trim().trim_end_matches(['.', ',']));
    if w.len() < 3 {
        return None;
    }
    let month = MONTHS.iter().position(|m| *m == w || (w.len() >= 3 && m.starts_with(&w) && (w.len() <= 4)))?;
    Some(month as u32 + 1)
}

/// A date written with its month's name (`15 June`, `June 15`, `15 Jun 2021`, `15-Jun`):
/// `(day, month)`.
pub(crate) fn month_date(text: &str) -> Option<(u32, u32)> {
    let t = text.trim().replace(['-', ','], " ");
    let words: Vec<&str> = t.split_whitespace().collect();
    let day = |w: &str| w.trim_end_matches(['.', ',']).parse::<u32>().ok().filter(|d| (1..=31).contains(d));
    let year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let (d, m) = match words.as_slice() {
        [a, b] | [a, b, _] if day(a).is_some() && month_of(b).is_some() => (day(a)?, month_of(b)?),
        [a, b] | [a, b, _] if month_of(a).is_some() && day(b).is_some() => (day(b)?, month_of(a)?),
        _ => return None,
    };
    (words.len() == 2 || words.last().is_some_and(|w| year(w))).then_some((d, m))
}

/// The date and clock time of a dose (or an ingestion) the notes give with the month's
/// name ("Ingestion ... was estimated at 23:00 on 14 June", "dosed on 3 May at 08:30"):
/// `((day, month), minutes since midnight)`.
pub(crate) fn dose_month_date(notes: &str) -> Option<((u32, u32), u32)> {
    const DOSING: &[&str] = &[
        "dose",
        "doses",
        "dosed",
        "dosing",
        "given",
        "started",
        "infusion",
        "administered",
        "ingestion",
        "ingested",
        "taken",
    ];
    let lower = crate::fold::lower(notes);
    note_clauses(&lower).into_iter().filter(|c| crate::context::has_word(c, DOSING)).find_map(|clause| {
        let words: Vec<&str> = clause.split_whitespace().collect();
        // (The dosing word before the date and clock: "blood was drawn at 08:00 on
        // 3 May, 4 h after the dose" gives the sample's.)
        let dosed =
            |k: usize| words[..k].iter().any(|w| DOSING.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())));
        (0..words.len()).filter(|&k| dosed(k)).find_map(|k| {
            let at = |i: usize| words.get(k + i).copied().unwrap_or_default();
            match words[k..] {
                ["at", clock, "on", ..] => {
                    Some((month_date(&format!("{} {}", at(3), at(4)))?, clock_minutes(clock, "")?))
                }
                ["on", ..] if at(3) == "at" => {
                    Some((month_date(&format!("{} {}", at(1), at(2)))?, clock_minutes(at(4), at(5))?))
                }
                _ => None,
            }
        })
    })
}

/// A sample's date and clock time in one label (`12/03 06:45`, `13/03 17:45`): the date's
/// numbers in print order and the minutes since midnight.
pub(crate) fn dated_clock(text: &str) -> Option<((u32, u32), u32)> {
    let t = norm(strip_marks(text));
    let words: Vec<&str> = t.split_whitespace().collect();
    match words.as_slice() {
        [date, clock] | [date, clock, _] => {
            Some((short_date(date)?, clock_minutes(clock, words.get(2).copied().unwrap_or_default())?))
        }
        _ => None,
    }
}

/// The date and clock time of each subject's first dose where the notes give them (`Patient
/// A received 15 mg/kg every 12 h, the first started on 12/03 at 06:00; patient B ... on
/// 14/03 at 22:00`): in the subject's clause, a date with a clock after `at` (or the clock
/// first, `at 06:00 on 12/03`); else, for every subject, such a pair in a clause that speaks
/// of dosing.
pub(crate) fn subject_dose_dates(notes: &str, subjects: &[&str]) -> Vec<Option<((u32, u32), u32)>> {
    let lower = crate::fold::lower(notes);
    let clauses = note_clauses(&lower);
    let pair = |clause: &str| {
        let words: Vec<&str> = clause.split_whitespace().collect();
        (0..words.len()).find_map(|k| {
            let half = |at: usize| words.get(at).copied().unwrap_or_default();
            match words[k..] {
                ["on", date, "at", clock, ..] => Some((short_date(date)?, clock_minutes(clock, half(k + 4))?)),
                ["at", clock, half_day @ ("am" | "pm" | "a.m." | "p.m."), "on", date, ..] => {
                    Some((short_date(date)?, clock_minutes(clock, half_day)?))
                }
                ["at", clock, "on", date, ..] => Some((short_date(date)?, clock_minutes(clock, "")?)),
                _ => None,
            }
        })
    };
    let named = |subject: &str| {
        let name = crate::fold::lower(subject.trim());
        if name.len() < 2 || !name.chars().any(char::is_alphabetic) {
            return None;
        }
        clauses.iter().filter(|c| crate::context::has_word(c, &[name.as_str()])).find_map(|c| pair(c))
    };
    const DOSING: &[&str] = &["dose", "doses", "dosed", "dosing", "given", "started", "infusion", "administered"];
    let shared = clauses.iter().filter(|c| crate::context::has_word(c, DOSING)).find_map(|c| pair(c));
    subjects.iter().map(|s| named(s).or(shared)).collect()
}

/// Sampling times printed as dates and clock times (`12/03 06:45`), read as the time since
/// a dose on a date and clock: day first or month first as the notes declare ("Dates are
/// day/month"), else whichever reading of every date is valid and spans the fewest days
/// from the dose. Labels that are no dated clock time are `None`; none at all when fewer
/// than two are.
pub(crate) fn dated_clock_times(
    labels: &[&str],
    dose: ((u32, u32), u32),
    declared_day_first: Option<bool>,
) -> Option<Vec<Option<String>>> {
    let read: Vec<Option<((u32, u32), u32)>> = labels.iter().map(|l| dated_clock(l)).collect();
    // (A subject's one sample too, where its dose's date is given.)
    if read.iter().flatten().count() < 1 {
        return None;
    }
    let minutes_since = |day_first: bool| -> Option<Vec<Option<i64>>> {
        // (A 29 February printed makes the year a leap year.)
        let february_29 = |&(a, b): &(u32, u32)| if day_first { (a, b) == (29, 2) } else { (a, b) == (2, 29) };
        let leap = february_29(&dose.0) || read.iter().flatten().any(|(date, _)| february_29(date));
        let days_in_year = if leap { 366 } else { 365 };
        let dose_day = i64::from(day_of_year(dose.0, day_first, leap)?);
        read.iter()
            .map(|r| match r {
                Some((date, clock)) => {
                    let mut day = i64::from(day_of_year(*date, day_first, leap)?);
                    // (Across the year's end: January after a December dose, December before
                    // a January one.)
                    if day < dose_day - 180 {
                        day += days_in_year;
                    } else if day > dose_day + 180 {
                        day -= days_in_year;
                    }
                    Some(Some((day - dose_day) * 24 * 60 + i64::from(*clock) - i64::from(dose.1)))
                }
                None => Some(None),
            })
            .collect()
    };
    let span = |m: &Vec<Option<i64>>| m.iter().flatten().map(|v| v.abs()).max().unwrap_or(0);
    let minutes = match declared_day_first {
        Some(day_first) => minutes_since(day_first)?,
        None => match (minutes_since(true), minutes_since(false)) {
            (Some(d), Some(m)) => {
                if span(&m) < span(&d) {
                    m
                } else {
                    d
                }
            }
            (Some(d), None) => d,
            (None, Some(m)) => m,
            (None, None) => return None,
        },
    };
    Some(
        minutes
            .into_iter()
            .map(|m| {
                let since = m.filter(|m| *m >= 0)?;
                Some(hours_text(since as f64 / 60.0))
            })
            .collect(),
    )
}

/// Whether the notes declare how dates are printed: `Some(true)` day first ("Dates are
/// day/month", `dd/mm`), `Some(false)` month first (`month/day`, `mm/dd`).
pub(crate) fn day_first_declared(notes: &str) -> Option<bool> {
    let l = crate::fold::lower(notes);
    if l.contains("day/month") || l.contains("dd/mm") || l.contains("dd.mm") {
        Some(true)
    } else if l.contains("month/day") || l.contains("mm/dd") {
        Some(false)
    } else {
        None
    }
}

/// Sampling times printed as clock times (`08:30`, `14:00`, `08:00 (day 2)`, `8:00 pm`),
/// read as the time since a dose given at `dose` (minutes since midnight): the clock runs on
/// past midnight into the next day when it goes back (`20:00` then `08:00`), or as the day
/// printed beside it says (`(day 2)`, the dose on day 1). Labels that are no clock time
/// are `None`; none at all when fewer than two are.
pub(crate) fn clock_times(labels: &[&str], dose: u32) -> Option<Vec<Option<String>>> {
    let mut day: i64 = 0;
    let mut previous: Option<u32> = None;
    let times: Vec<Option<String>> = labels
        .iter()
        .map(|label| {
            let t = norm(strip_marks(label));
            // (The day first: `Day 2, 08:00`.)
            let day_first = t.strip_prefix("day ").and_then(|rest| {
                let (n, clock) = rest.split_once([',', ' '])?;
                Some((
                    n.trim().parse::<u32>().ok().filter(|d| (1..=366).contains(d))?,
                    clock.trim_start_matches([',', ' ']),
                ))
            });
            let t = day_first.map_or(t.as_str(), |(_, clock)| clock);
            let (clock, rest) = t.split_once(' ').unwrap_or((t, ""));
            let minutes = clock_minutes(clock, rest.split_whitespace().next().unwrap_or_default())?;
            let printed_day = rest
                .trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ' ' | ','))
                .strip_prefix("day")
                .and_then(|d| d.trim().parse::<u32>().ok())
                .filter(|d| (1..=366).contains(d))
                .or(day_first.map(|(d, _)| d));
            match printed_day {
                Some(d) => day = i64::from(d) - 1,
                None if previous.is_some_and(|p| minutes < p) => day += 1,
                None => {}
            }
            previous = Some(minutes);
            let since = day * 24 * 60 + i64::from(minutes) - i64::from(dose);
            (since >= 0).then(|| hours_text(since as f64 / 60.0))
        })
        .collect();
    (times.iter().flatten().count() >= 2).then_some(times)
}

/// A cell's durations in hours and minutes written in hours (`1:30 ± 0:25` is `1.5 ±
/// 0.4167`); other text as it is.
pub(crate) fn hours_minutes_as_hours(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut k = 0;
    while k < chars.len() {
        let start = k;
        while k < chars.len() && chars[k].is_ascii_digit() {
            k += 1;
        }
        let hours: String = chars[start..k].iter().collect();
        let minutes: String = chars.get(k + 1..k + 3).map(|m| m.iter().collect()).unwrap_or_default();
        let after = chars.get(k + 3).is_none_or(|c| !c.is_ascii_digit());
        if !hours.is_empty()
            && hours.len() <= 3
            && chars.get(k) == Some(&':')
            && minutes.len() == 2
            && minutes.chars().all(|c| c.is_ascii_digit())
            && after
            && let (Ok(h), Ok(m)) = (hours.parse::<u32>(), minutes.parse::<u32>())
            && m < 60
        {
            let value = f64::from(h) + f64::from(m) / 60.0;
            out.push_str(&format!("{}", (value * 10_000.0).round() / 10_000.0));
            k += 3;
        } else if k == start {
            out.push(chars[k]);
            k += 1;
        } else {
            out.push_str(&hours);
        }
    }
    out
}

/// A time unit printed alone (`h`, `hr`, `hours`, `min`, `days`): what a header's bracket
/// after a concentration's unit declares the cells' bracketed numbers to be (`Serum, mg/L
/// (h)` over `18.6 (3.5)`).
pub(crate) fn bare_time_unit(text: &str) -> Option<&'static str> {
    match crate::fold::lower(text.trim()).as_str() {
        "h" | "hr" | "hrs" | "hour" | "hours" => Some("h"),
        "min" | "mins" | "minute" | "minutes" => Some("min"),
        "d" | "day" | "days" => Some("day"),
        _ => None,
    }
}

/// The time unit of the numbers in brackets a note declares to be sampling times
/// ("Figures in parentheses: hours between the last dose and sampling", "sampling time
/// (min) in brackets"): a clause naming brackets, a time unit and the dose or the sample.
pub(crate) fn note_bracket_time_unit(note: &str) -> Option<&'static str> {
    let lower = crate::fold::lower(note);
    note_clauses(&lower).into_iter().find_map(|clause| {
        let bracketed = ["parenthes", "bracket"].iter().any(|w| clause.contains(w));
        // (Not `concentration–time`: the sample or the dose named.)
        let sampled = ["dose", "dosing", "sampl", "after", "post"].iter().any(|w| clause.contains(w));
        if !bracketed || !sampled {
            return None;
        }
        // (Nor the minimum of a range, `min–max`.)
        let words: Vec<&str> = clause.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        words.iter().enumerate().find_map(|(k, w)| {
            let range = *w == "min" && words.get(k + 1).is_some_and(|n| n.starts_with("max"));
            bare_time_unit(w).filter(|_| w.len() > 1 && *w != "day" && !range)
        })
    })
}

/// A time of day as tables print it: `08:30`, `8:00`, `20:15` (hours 0-24, minutes 00-59).
pub(crate) fn is_clock_time(text: &str) -> bool {
    let Some((h, m)) = text.split_once(':') else { return false };
    let digits = |s: &str, most: usize| (1..=most).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    digits(h, 2)
        && m.len() == 2
        && digits(m, 2)
        && h.parse::<u32>().is_ok_and(|h| h <= 24)
        && m.parse::<u32>().is_ok_and(|m| m < 60)
}

/// Words that may stand beside a time without making it something else.
const TIME_CONTEXT: &[&str] = &[
    "postpartum",
    "post-partum",
    "post",
    "partum",
    "after",
    "dose",
    "post-dose",
    "postdose",
    "pregnancy",
    "gestation",
    "gestational",
    "of",
    "at",
    "weeks'",
    "sampling",
    "time",
    "pp",
    // `1 h after dosing`, `24 h after the dose`, `30 min after injection`, `2 h after
    // administration` (not after an infusion: its start or end?).
    "dosing",
    "the",
    "injection",
    "administration",
];

/// Whether a header names the span from the dose to a sampling event (`Last dose to
/// delivery (h)`, `Dose to sampling`, `dose-to-birth interval`).
pub(crate) fn dose_to_event(header: &str) -> bool {
    let h = crate::fold::lower(header).replace('-', " ");
    // (Or any event after a word of giving the drug: `Last drop to paracentesis (min)`,
    // `Infusion to incision`, `Administration to lumbar puncture (h)`.)
    const GIVING: &[&str] =
        &["dose", "dosing", "drop", "instillation", "administration", "infusion", "injection", "application"];
    // (With a time's unit in its brackets: not `Dose to weight ratio (mg/kg)`.)
    let timed = h
        .rsplit_once('(')
        .and_then(|(_, u)| u.split_once(')'))
        .is_some_and(|(u, _)| minutes_or_hours(u.trim()).is_some() || matches!(u.trim(), "d" | "day" | "days"));
    let words: Vec<&str> = h.split_whitespace().collect();
    // (Not a dosing interval: `Infusion to infusion interval (h)`, `Dose to next dose (h)`,
    // `Dose to steady state (days)`.)
    let given_to = timed
        && !h.contains("interval")
        && words.windows(3).any(|w| {
            GIVING.contains(&w[0])
                && w[1] == "to"
                && w[2].chars().all(char::is_alphabetic)
                && !GIVING.contains(&w[2])
                && !matches!(w[2], "next" | "steady" | "discharge")
        });
    given_to
        || ["dose to delivery", "dose to sampl", "dose to birth", "dose to surgery", "dose to the sample"]
            .iter()
            .any(|p| h.contains(p))
}

/// The time unit a header or caption gives a run of bare-number time headers: `Time (h)`,
/// `Time after dose (hours)`, `Sampling time, h`, `Hours after administration`.
pub(crate) fn time_unit_in(text: &str) -> Option<&'static str> {
    thread_local! {
        static TIME_UNITS: crate::memo::Cache<Option<&'static str>> = Default::default();
    }
    crate::memo::cached(&TIME_UNITS, text, time_unit_in_uncached)
}

/// The time unit a header in any language ends with in brackets, naming no parameter
/// (`Laiks pēc injekcijas (min)`, `Čas po podaní (h)`; not `Tmax (h)`): the unit of the
/// numbers a header spans.
pub(crate) fn bracketed_time_unit(text: &str) -> Option<&'static str> {
    let (head, unit) = crate::params::split_trailing_group(text);
    let unit = match crate::fold::lower(unit?.trim()).as_str() {
        "h" | "hr" | "hrs" | "hours" => "h",
        "min" | "minutes" => "min",
        _ => return None,
    };
    (head.chars().any(char::is_alphabetic) && crate::params::parameter_code(head, None).is_none()).then_some(unit)
}

fn time_unit_in_uncached(text: &str) -> Option<&'static str> {
    let t = norm(text);
    let foreign = || crate::context::has_word(&t, FOREIGN_TIME_WORDS);
    // (Or the span from an event to the sample: `Last drop to sampling (min)`, `Last dose
    // to delivery (h)`.)
    if !(t.contains("time")
        || dose_to_event(&t)
        || t.contains("hours")
        || t.contains("after")
        || t.contains("post")
        || t.contains("interval")
        || t.contains("to sampl")
        || foreign())
    {
        return None;
    }
    const UNITS: &[(&str, &str)] = &[
        ("(h)", "h"),
        ("(hr)", "h"),
        ("(hrs)", "h"),
        ("(hours)", "h"),
        (", h", "h"),
        ("hours", "h"),
        ("(min)", "min"),
        ("(minutes)", "min"),
        // Durations printed as hours and minutes (`2:30`).
        ("(h:min)", "h:min"),
        ("(hh:mm)", "h:min"),
        ("(h:mm)", "h:min"),
        ("minutes", "min"),
        ("(days)", "day"),
        ("(d)", "day"),
        ("days", "day"),
        // In German, French, Spanish, Italian, Portuguese and Dutch headers (`Zeit nach
        // Gabe (Stunden)`, `Temps (heures)`, `Tiempo (horas)`, `Tempo (ore)`, `Tijd (uur)`).
        ("(stunden)", "h"),
        ("(heures)", "h"),
        ("(horas)", "h"),
        ("(ore)", "h"),
        ("(uur)", "h"),
        ("(uren)", "h"),
        ("(tage)", "day"),
        ("(jours)", "day"),
        ("(días)", "day"),
        ("(dias)", "day"),
        ("(giorni)", "day"),
        ("(dagen)", "day"),
        // Swedish, Polish and Czech (`Tid efter dos (timmar)`, `Czas (godz.)`, `Čas (hod)`).
        ("(timmar)", "h"),
        ("(timme)", "h"),
        ("(godz.)", "h"),
        ("(godz)", "h"),
        ("(godziny)", "h"),
        ("(hod)", "h"),
        ("(hod.)", "h"),
        ("(hodiny)", "h"),
        ("(dagar)", "day"),
        ("(dni)", "day"),
        ("(dny)", "day"),
        // Hungarian, Finnish, Romanian, Greek and Russian (`Idő (óra)`, `Aika (h)`, `Timp
        // (ore)`, `Χρόνος (ώρες)`, `Время (ч)`).
        ("(óra)", "h"),
        ("(tunti)", "h"),
        ("(tuntia)", "h"),
        ("(ώρες)", "h"),
        ("(ώρα)", "h"),
        ("(ч)", "h"),
        ("(час)", "h"),
        ("(perc)", "min"),
        ("(мин)", "min"),
        ("(nap)", "day"),
        ("(vrk)", "day"),
        ("(zile)", "day"),
        ("(ημέρες)", "day"),
        ("(сут)", "day"),
    ];
    UNITS
        .iter()
        .find(|(w, _)| t.contains(w))
        .map(|(_, u)| *u)
        .or_else(|| {
            // A unit in brackets before what it counts from: `(h after 5th dose)`, `(min after
            // the last drop)`, `(h post-dose)`.
            let (_, inner) = t.split_once('(')?;
            let first = inner.split([' ', ')']).next()?;
            let rest = inner[first.len()..].trim_start();
            (rest.starts_with("after")
                || rest.starts_with("post")
                || rest.starts_with("since")
                || rest.starts_with("from"))
            .then_some(match first {
                "h" | "hr" | "hrs" | "hours" => Some("h"),
                "min" | "minutes" => Some("min"),
                "d" | "days" => Some("day"),
                _ => None,
            })
            .flatten()
        })
        .or_else(|| {
            // Weeks or months counted from an event (`Trough (µg/L), weeks after
            // transplantation` over `1 | 2 | 4`; `Months post-implant`), not a duration
            // before it (`4 weeks after the switch`).
            let words: Vec<&str> =
                t.split(|c: char| !c.is_alphanumeric() && c != '.').filter(|w| !w.is_empty()).collect();
            words.iter().enumerate().find_map(|(k, w)| {
                let unit = match *w {
                    "weeks" | "week" | "wk" | "wks" => "week",
                    "months" | "month" => "month",
                    _ => return None,
                };
                let counted = words.get(k + 1).is_some_and(|n| matches!(*n, "after" | "post" | "since" | "from"));
                let duration = k > 0 && words[k - 1].parse::<f64>().is_ok();
                (counted && !duration).then_some(unit)
            })
        })
}

/// A header that only names the statistic or says "value" is not a group.
pub(crate) fn is_generic_header(label: &str) -> bool {
    let key: String = crate::fold::lower(label).chars().filter(|c| c.is_alphanumeric()).collect();
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
    ) || stat_label(label).is_some()
}

/// Columns that hold no value of this study's parameter: test statistics, differences
/// between groups, values quoted from other studies, and the abbreviations, equations and
/// definitions of a table that explains the parameters ("AUC0→∞" is no value of 0).
pub(crate) fn is_non_value_header(label: &str) -> bool {
    thread_local! {
        static NON_VALUE_HEADERS: crate::memo::Cache<bool> = Default::default();
    }
    crate::memo::cached(&NON_VALUE_HEADERS, label, is_non_value_header_uncached)
}

/// A column of a model's estimates declaring their precision in brackets (`Estimate
/// (RSE%)`, `Typical value (RSE, %)`, `Final estimate (%RSE)`).
fn estimate_with_its_precision(label: &str) -> bool {
    let (head, group) = crate::params::split_trailing_group(label);
    group.is_some()
        && matches!(
            crate::fold::lower(head.trim()).as_str(),
            "estimate"
                | "estimates"
                | "final estimate"
                | "parameter estimate"
                | "population estimate"
                | "typical value"
                | "value"
        )
}

fn is_non_value_header_uncached(label: &str) -> bool {
    let l = crate::fold::squeeze(&crate::fold::lower(label).replace(['‐', '–', '-'], " "));
    const EXPLAINS: &[&str] =
        &["abbreviation", "abbreviations", "equation", "equations", "formula", "formulae", "definition", "definitions"];
    // The precision of a model's estimate (population PK: `Estimate | RSE (%) | Shrinkage`).
    const PRECISION: &[&str] = &["rse", "rse%", "%rse", "shrinkage", "relative standard error", "bootstrap"];
    // A comparison of two groups (`Ratio B/A (90% CI)`, `Fed/fasted ratio`, `T/R`): a ratio
    // of the groups' values, not a value of the parameter, unless the label names a
    // PK ratio itself (`M/P ratio`, `Cord/maternal ratio`).
    const COMPARES: &[&str] = &["ratio", "ratios", "t/r", "r/t"];
    let words = || l.split(|c: char| !(c.is_alphanumeric() || c == '%' || c == '/'));
    [
        "p value",
        "pvalue",
        "p val",
        "difference",
        "historical",
        "ratio of",
        "gmr",
        "test statistic",
        "literature",
        "published",
    ]
        .iter()
        .any(|w| l.contains(w))
        // Whole words: a "Test formulation" column holds values.
        || l.split(|c: char| !c.is_alphanumeric()).any(|w| EXPLAINS.contains(&w))
        // (Not the spread an estimate's column declares in brackets: `Estimate (RSE%)`
        // holds the estimates, `5.82 (6.1)`.)
        || words().any(|w| PRECISION.contains(&w)) && !estimate_with_its_precision(label)
        // The p value in other languages (`p-Wert`, `p-waarde`, `valeur p`, `valor p`), whole
        // words (not `valor pico`).
        || crate::context::has_word(
            &l,
            &[
                "p wert",
                "p waarde",
                "valeur p",
                "valeur de p",
                "valor p",
                "valor de p",
                "valore p",
                "valore di p",
                "p değeri",
                "wartość p",
            ],
        )
        // A test across or between groups by its name (`P for trend`, `P-trend`, `P for
        // interaction`): p values too.
        || crate::context::has_word(
            &l,
            &["p for trend", "p trend", "p for linear trend", "p for interaction", "p interaction", "p for heterogeneity"],
        )
        // (`Degree-days`: days times the water's temperature, the thermal time of fish
        // studies, a covariate beside the days; the header itself, not one spanning times.)
        || l.trim_end_matches(|c: char| !c.is_alphanumeric()) == "degree days"
        // A change between the columns before it, in percent (`Variation (%)`, `% change`):
        // no value of the parameter.
        || matches!(
            l.trim(),
            "variation (%)"
                | "change (%)"
                | "% change"
                | "percent change"
                | "percentage change"
                | "relative change (%)"
                | "variação (%)"
                | "variación (%)"
                | "variazione (%)"
                | "veränderung (%)"
                | "änderung (%)"
                | "verandering (%)"
        )
        // A temperature in its unit (`Core temp. (°C)`, `Kernetemp. (°C)` between a patient's
        // concentration rows): a vital sign, no PK value.
        || matches!(crate::params::split_trailing_group(&l).1.map(str::trim), Some("°c" | "°f" | "℃" | "° c"))
        || l.contains("relative standard error")
        // Within-subject variability of a crossover (`CVintra (%)`, `Intra-subject CV`).
        // (Dashes are spaces in `l`.)
        || ["cvintra", "cv intra", "intra subject", "intrasubject", "within subject", "intra individual"]
            .iter()
            .any(|w| l.contains(w))
        || (words().any(|w| COMPARES.contains(&w)) && crate::params::parameter_code(label, None).is_none())
        // The ratio of a model's predictions to the observed values (`Predicted/observed`,
        // `Obs/pred`): no measurement.
        || {
            let squeezed = l.replace(' ', "");
            ["predicted/observed", "observed/predicted", "pred/obs", "obs/pred", "predicted:observed"]
                .iter()
                .any(|w| squeezed.contains(w))
        }
}

/// Whether a header heads a model's predictions (`Predicted`, `Simulated (PBPK)`,
/// `Model-predicted AUC`): no measurement where the observed values stand beside them
/// ([`is_observed_header`]).
pub(crate) fn is_prediction_header(label: &str) -> bool {
    let l = crate::fold::lower(label).replace(['‐', '–', '-'], " ");
    let first = l.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty());
    matches!(first, Some("predicted" | "simulated" | "prediction" | "predictions" | "simulation" | "simulations"))
        || l.contains("model predicted")
}

/// Whether a header heads the observed values (`Observed`, `Measured`, `Observed (clinical
/// study)`).
pub(crate) fn is_observed_header(label: &str) -> bool {
    let l = crate::fold::lower(label);
    let first = l.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty());
    matches!(first, Some("observed" | "measured" | "observation" | "observations"))
}

/// A column of subject counts.
pub(crate) fn is_count_header(label: &str) -> bool {
    // (Or what is counted, with `n` in brackets after it: `Positive cases (n)`, `Patients
    // (n)`.)
    let counted = || match crate::params::split_trailing_group(label) {
        (head, Some(inner)) => !head.trim().is_empty() && matches!(inner.trim(), "n" | "N"),
        _ => false,
    };
    matches!(stat_label(label), Some(StatLabel::Count)) || counted()
}

/// A unit column.
pub(crate) fn is_unit_header(label: &str) -> bool {
    // (Or the unit of what the values are: `Concentration unit`, `Units of measure`.)
    let lower = crate::fold::lower(label.trim());
    if matches!(lower.as_str(), "concentration unit" | "concentration units" | "units of measure" | "unit of measure") {
        return true;
    }
    // (In two languages, a bilingual paper's: `Einheit / Unit`, `Unità (Unit)`.)
    if let Some((first, second)) = lower.split_once(" / ") {
        return is_unit_header(first) && is_unit_header(second);
    }
    if let (first, Some(second)) = crate::params::split_trailing_group(&lower)
        && !first.trim().is_empty()
    {
        return is_unit_header(first.trim()) && is_unit_header(second.trim());
    }
    // (`Einheit`, `Unité`, `Unidad`, `Unidade`, `Unità`, `Eenheid`: tables in German, French,
    // Spanish, Portuguese, Italian and Dutch.)
    matches!(
        lower.as_str(),
        "unit"
            | "units"
            | "einheit"
            | "einheiten"
            | "unité"
            | "unités"
            | "unidad"
            | "unidades"
            | "unidade"
            | "unidades de medida"
            | "unità"
            | "unità di misura"
            | "eenheid"
            | "eenheden"
            // Turkish, Polish, Swedish and Norwegian, Danish, Czech; Finnish, Hungarian,
            // Romanian, Greek, Russian.
            | "birim"
            | "jednostka"
            | "enhet"
            | "enhed"
            | "jednotka"
            | "yksikkö"
            | "mértékegység"
            | "egység"
            | "unitate"
            | "unitate de măsură"
            | "μονάδα"
            | "μονάδες"
            | "единица"
            | "единицы"
            | "ед. изм."
            | "единицы измерения"
            | "единица измерения"
            // Ukrainian, Bulgarian, Serbian and Croatian, Slovenian, Slovak, Lithuanian,
            // Latvian, Estonian, Icelandic, Afrikaans; Vietnamese, Thai, Korean, Persian,
            // Arabic, Hebrew.
            | "одиниці"
            | "одиниці виміру"
            | "одиниця виміру"
            | "мерна единица"
            | "jedinica"
            | "jedinica mere"
            | "enota"
            | "jednotky"
            | "vienetai"
            | "matavimo vienetai"
            | "mērvienība"
            | "vienība"
            | "ühik"
            | "eining"
            | "eenhede"
            | "đơn vị"
            | "หน่วย"
            | "단위"
            | "واحد"
            | "الوحدة"
            | "יחידות"
            | "יחידה"
            // Chinese and Japanese.
            | "单位"
            | "單位"
            | "単位"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_values_in_any_language_are_no_values() {
        for header in ["p value", "p-Wert", "p-waarde", "Valeur p", "Valor de p", "p-değeri", "Degree-days"] {
            assert!(is_non_value_header(header), "{header}");
        }
        for header in
            ["Pediatric", "Plasma", "Valor pico (µg/mL)", "Valeur plasmatique", "Days post-treatment (degree-days)"]
        {
            assert!(!is_non_value_header(header), "{header}");
        }
    }

    #[test]
    fn a_cycle_over_days_and_times() {
        assert_eq!(cycle_over_day_time("Cycle 1", "D1 2 h", Some(28)).as_deref(), Some("day 1, 2 h"));
        assert_eq!(cycle_over_day_time("Cycle 2", "D1 pre", Some(28)).as_deref(), Some("day 29, pre-dose"));
        assert_eq!(cycle_over_day_time("C3", "Day 8 predose", Some(21)).as_deref(), Some("day 50, pre-dose"));
        // Without the cycle's length only the first cycle's days are days since the dose.
        assert_eq!(cycle_over_day_time("Cycle 2", "D1 pre", None), None);
        assert_eq!(cycle_over_day_time("Cohort 2", "D1 pre", Some(28)), None);
        assert_eq!(cycle_over_day_time("Cycle 1", "D8", Some(28)), None);
    }

    #[test]
    fn livestock_ear_tags_are_subjects() {
        assert_eq!(subject_id("IE 2214 0031").as_deref(), Some("IE 2214 0031"));
        assert_eq!(subject_id("DE 0123456789").as_deref(), Some("DE 0123456789"));
        // Not a count or a year with a code before it.
        assert_eq!(subject_id("CI 95"), None);
        assert_eq!(subject_id("UK 2019"), None);
    }

    #[test]
    fn when_a_note_says_a_sample_was_drawn() {
        assert_eq!(drawn_when("Drawn 1 h after the start of a 30-min intravenous infusion.").as_deref(), Some("1 h"));
        assert_eq!(drawn_when("Drawn within 30 min before the next dose.").as_deref(), Some("pre-dose"));
        assert_eq!(drawn_when("Samples were taken 30 min after the start of the infusion").as_deref(), Some("30 min"));
        assert_eq!(drawn_when("Samples were taken 30 min after the end of the infusion"), None);
        assert_eq!(drawn_when("Trough above 1.0 mg/L; the dosing interval was extended."), None);
        assert_eq!(drawn_when("Measured 4 h after the third dose in citrated plasma.").as_deref(), Some("4 h"));
        assert_eq!(drawn_when("Immediately before a dose at steady state.").as_deref(), Some("pre-dose"));
        // (After another event, the time is not since the dose.)
        assert_eq!(drawn_when("Measured 2 h after the start of haemodialysis."), None);
        // (A note that ends with the time reads no time and does not fail.)
        assert_eq!(drawn_when("Sample drawn 2 h"), None);
        assert_eq!(drawn_when("Drawn 2 h after"), None);
    }

    #[test]
    fn days_and_hours_coded() {
        assert_eq!(day_hour_code("D2 H4").as_deref(), Some("day 2, 4 h"));
        assert_eq!(day_hour_code("D1H0").as_deref(), Some("day 1, 0 h"));
        assert_eq!(day_hour_code("D1 H2.5").as_deref(), Some("day 1, 2.5 h"));
        assert_eq!(day_hour_code("D2 T8").as_deref(), Some("day 2, 8 h"));
        assert_eq!(cycle_day("C2D1 (Day 22)", None).as_deref(), Some("day 22"));
        assert_eq!(cycle_day("C1D8", None).as_deref(), Some("day 8"));
        assert_eq!(cycle_day_time("C2D1 (Day 22) Predose", None).as_deref(), Some("day 22, pre-dose"));
        assert_eq!(cycle_day_time("C2D1 Predose", None), None);
        assert_eq!(hours_minutes_as_hours("1:30 ± 0:25"), "1.5 ± 0.4167");
        assert_eq!(hours_minutes_as_hours("2:15 (1:00–4:05)"), "2.25 (1–4.0833)");
        assert_eq!(hours_minutes_as_hours("12.5 ± 3.1"), "12.5 ± 3.1");
        assert_eq!(month_date("15 June"), Some((15, 6)));
        assert_eq!(month_date("Sept. 3"), Some((3, 9)));
        assert_eq!(month_date("15-Jun-2021"), Some((15, 6)));
        assert_eq!(month_date("15 Junk"), None);
        assert_eq!(month_date("Day 15"), None);
        assert_eq!(dose_month_date("Ingestion was estimated at 23:00 on 14 June."), Some(((14, 6), 1380)));
        assert_eq!(dose_month_date("The first dose was given on 3 May at 08:30."), Some(((3, 5), 510)));
        assert_eq!(dose_month_date("Blood was drawn at 08:00 on 3 May."), None);
        assert_eq!(dose_month_date("Blood was drawn at 08:00 on 3 May, 4 h after the dose."), None);
        assert_eq!(
            note_bracket_time_unit("Figures in parentheses: hours between the last dose and sampling."),
            Some("h")
        );
        assert_eq!(note_bracket_time_unit("Values in parentheses are min–max after the first dose."), None);
        assert_eq!(note_bracket_time_unit("Area under the concentration–time curve; range in brackets (h)."), None);
        assert_eq!(day_hour_code("D5 T0").as_deref(), Some("day 5, 0 h"));
        assert_eq!(day_hour_code("D7"), None);
        assert_eq!(day_hour_code("DH4"), None);
        assert_eq!(day_code("D14").as_deref(), Some("day 14"));
        assert_eq!(day_code("Dog 1"), None);
    }

    #[test]
    fn each_subjects_dose_clock_in_a_clause_of_its_own() {
        let notes = "Patient A (CAPD) received the dose at 08:00 in a 6-h daytime dwell; patient B (APD) at 21:00 in the overnight dwell, drained at 07:00.";
        assert_eq!(subject_dose_clocks(notes, &["Patient A", "Patient B"]), [Some(480), Some(1260)]);
        // No clause declares a dose: the clocks are something else's.
        let notes = "Patient A was admitted at 08:00; patient B at 21:00.";
        assert_eq!(subject_dose_clocks(notes, &["Patient A", "Patient B"]), [None, None]);
        // The clock before each name, the patients known by their initials.
        let notes = "Loading infusion (1 µg/kg over 10 min) started at 08:40 in patient R.K. and at 13:05 in patient T.M.; maintenance rates in µg/kg/h.";
        assert_eq!(subject_dose_clocks(notes, &["R.K.", "T.M."]), [Some(520), Some(785)]);
        let notes = "The infusion was started at 8:40 pm in patient R.K. and at 1:05 am in patient T.M.";
        assert_eq!(subject_dose_clocks(notes, &["R.K.", "T.M."]), [Some(1240), Some(65)]);
        // Numbers alone are no names (`1 g` is a dose).
        let notes = "1 g was given at 08:00; 2 at 09:00.";
        assert_eq!(subject_dose_clocks(notes, &["1", "2"]), [None, None]);
    }

    #[test]
    fn clock_times_are_times_since_the_dose_the_caption_gives() {
        assert_eq!(dose_clock("The dose was given at 08:00 on day 1; sampling times are clock times"), Some(480));
        assert_eq!(dose_clock("Cats were dosed at 9:30."), Some(570));
        assert_eq!(dose_clock("Samples were taken at 08:00 and 20:00"), None);
        assert_eq!(dose_clock("Horses were fed at 07:00 and dosed at 08:00."), Some(480));
        assert_eq!(dose_clock("The dose was given at 8:00 pm"), Some(1200));
        assert_eq!(clock_times(&["8:30 pm", "10:00 pm", "8:00 am"], 1200).unwrap()[2].as_deref(), Some("12 h"));
        assert!(clock_times(&["08:00 (day 9999999)", "09:00"], 480).is_some());
        let times = clock_times(&["08:00", "08:30", "14:00", "20:00", "08:00 (day 2)", "Mean"], 480).unwrap();
        assert_eq!(
            times,
            [Some("0 h"), Some("0.5 h"), Some("6 h"), Some("12 h"), Some("24 h"), None].map(|t| t.map(str::to_owned))
        );
        // The clock going back is the next day; a time before the dose is none.
        let times = clock_times(&["07:45", "22:00", "02:00"], 480).unwrap();
        assert_eq!(times, [None, Some("14 h".to_owned()), Some("18 h".to_owned())]);
        assert_eq!(clock_times(&["08:30", "Day 2"], 480), None);
        let times =
            clock_times(&["Day 1, 08:00 (pre)", "08:30 (end of infusion)", "20:00", "Day 2, 08:00"], 480).unwrap();
        assert_eq!(times, [Some("0 h"), Some("0.5 h"), Some("12 h"), Some("24 h")].map(|t| t.map(String::from)));
    }

    #[test]
    fn initials_are_subject_ids() {
        assert_eq!(subject_id("L.M.").as_deref(), Some("L.M."));
        assert_eq!(subject_id("A.v.D.").as_deref(), Some("A.v.D."));
        assert_eq!(subject_id("a.b."), None);
        assert_eq!(subject_id("J.R.K.").as_deref(), Some("J.R.K."));
        assert_eq!(subject_id("N.A."), None);
        assert_eq!(subject_id("S.D."), None);
        assert_eq!(subject_id("P3").as_deref(), Some("P3"));
    }

    #[test]
    fn durations_in_hours_and_minutes() {
        assert_eq!(time_unit_in("Dose-to-sampling interval (h:min)"), Some("h:min"));
        assert_eq!(time_of("2:30", Some("h:min")).as_deref(), Some("2.5 h"));
        // A day and its time in one label.
        assert_eq!(time_of("Day 7, 4 h", None).as_deref(), Some("day 7, 4 h"));
        assert_eq!(time_of("Day 28, pre-dose", None).as_deref(), Some("day 28, pre-dose"));
        assert_eq!(time_of("Week 4, trough", None).as_deref(), Some("week 4, trough"));
        assert_eq!(time_of("Day 7, day 8", None), None);
        assert_eq!(time_of("12:05", Some("h:min")).as_deref(), Some("12.08 h"));
        assert_eq!(time_of("2", Some("h:min")), None);
        // A number with its sampling point named in brackets, under a time header.
        assert_eq!(time_of("0 (pre-dose)", Some("h")).as_deref(), Some("0 h"));
        assert_eq!(time_of("36 (dal)", Some("h")).as_deref(), Some("36 h"));
        assert_eq!(time_of("1,5 (piek)", Some("h")).as_deref(), Some("1.5 h"));
        assert_eq!(time_of("2 (patient 4)", Some("h")), None);
        assert_eq!(time_of("0 (predosis)", Some("h")).as_deref(), Some("0 h"));
    }

    #[test]
    fn subject_words_of_other_languages() {
        for header in ["Ave", "Oiseau", "Vogel", "Ovelha", "Paziente", "Cabra"] {
            assert!(is_subject_header(header), "{header}");
        }
    }

    fn show(label: &str) -> String {
        match stat_label(label) {
            None => "-".to_owned(),
            Some(StatLabel::Central(s)) => s.as_str().to_owned(),
            Some(StatLabel::Spread(k)) => format!("spread {}", k.name()),
            Some(StatLabel::Bound(k, e)) => format!("{e:?} of {}", k.name()),
            Some(StatLabel::Count) => "n".to_owned(),
            Some(StatLabel::Combined(d)) => format!(
                "{} ±{} ({})",
                d.central.map_or("-", |c| c.as_str()),
                d.plus_minus.as_ref().map_or("-".to_owned(), Kind::name),
                d.round.as_ref().map_or("-".to_owned(), Kind::name)
            ),
        }
    }

    #[test]
    fn statistic_labels() {
        let shown: Vec<String> = [
            "Mean",
            "Mean4",
            "SD",
            "CV (%)",
            "Median",
            "IQR",
            "Min",
            "Max",
            "Range",
            "Geometric mean",
            "95% CI",
            "(95% CI)",
            "Lower 95% CI",
            "n",
            "N",
            "Mean ± SD",
            "Mean (SD)",
            "Median (range)",
            "Mean CI 95%",
            "GM (95% CI)",
            "Mean (95% CI)",
            "Q1",
            "Cmax",
            "Mean AUC",
            "Patient 3",
            "Maximum",
            "Harmonic mean",
            "Geo. CV%",
        ]
        .iter()
        .map(|l| format!("{l} => {}", show(l)))
        .collect();
        insta::assert_snapshot!(shown.join("\n"), @r"
        Mean => mean
        Mean4 => mean
        SD => spread SD
        CV (%) => spread CV%
        Median => median
        IQR => spread IQR
        Min => Low of range
        Max => High of range
        Range => spread range
        Geometric mean => geometric_mean
        95% CI => spread 95% CI
        (95% CI) => spread 95% CI
        Lower 95% CI => Low of 95% CI
        n => n
        N => n
        Mean ± SD => mean ±SD (-)
        Mean (SD) => mean ±- (SD)
        Median (range) => median ±- (range)
        Mean CI 95% => mean ±- (95% CI)
        GM (95% CI) => geometric_mean ±- (95% CI)
        Mean (95% CI) => mean ±- (95% CI)
        Q1 => Low of IQR
        Cmax => -
        Mean AUC => -
        Patient 3 => -
        Maximum => High of range
        Harmonic mean => unknown
        Geo. CV% => spread CV%
        ");
    }

    #[test]
    fn times_in_hungarian_finnish_romanian_greek_and_russian() {
        assert_eq!(time_unit_in("Χρόνος (ώρες)"), Some("h"));
        assert_eq!(time_unit_in("Время (ч)"), Some("h"));
        assert_eq!(time_of("0,25 óra", None).as_deref(), Some("0.25 h"));
        assert_eq!(time_of("7 vrk", None).as_deref(), Some("7 day"));
        assert_eq!(time_of("2 ore", None).as_deref(), Some("2 h"));
        assert!(is_subject_header("Ασθενής"));
        assert!(is_subject_header("Fülszám"));
    }

    #[test]
    fn a_subject_with_what_the_table_says_of_it() {
        assert_eq!(leading_worded_subject("Patient 1 CLCR 62 mL/min").as_deref(), Some("Patient 1"));
        assert_eq!(leading_worded_subject("Patient 4 Haemodialysis a"), Some("Patient 4".to_owned()));
        assert_eq!(leading_worded_subject("Patient 1 and 2"), None);
        assert_eq!(leading_worded_subject("Patient 1"), None);
    }

    #[test]
    fn times_in_brackets_after_numbered_samples() {
        assert_eq!(time_in_brackets("M1 (12 h)").as_deref(), Some("12 h"));
        assert_eq!(time_in_brackets("Visit 2 (week 4)").as_deref(), Some("week 4"));
        assert_eq!(time_in_brackets("V6 (month 6)").as_deref(), Some("month 6"));
        assert_eq!(time_in_brackets("Cmax (h)"), None);
        assert_eq!(time_in_brackets("Plasma (ng/mL)"), None);
        assert_eq!(time_in_brackets("Concentration at steady state 2 (4 h)"), None);
        // Not how long a cohort's infusion or a period lasted.
        assert_eq!(time_in_brackets("Cohort 1 (24 h)"), None);
        assert_eq!(time_in_brackets("Period 2 (12 h)"), None);
    }

    #[test]
    fn days_of_treatment_cycles() {
        assert_eq!(cycle_day("Cycle 1 Day 1", None).as_deref(), Some("day 1"));
        assert_eq!(cycle_day("Cycle 1, Day 8", None).as_deref(), Some("day 8"));
        assert_eq!(cycle_day("C1D15", None).as_deref(), Some("day 15"));
        assert_eq!(cycle_day("C2 D1", Some(28)).as_deref(), Some("day 29"));
        assert_eq!(cycle_day("Cycle 3 Day 1", Some(21)).as_deref(), Some("day 43"));
        // A later cycle's day without the cycle's length is no day since the first dose.
        assert_eq!(cycle_day("C2D1", None), None);
        assert_eq!(cycle_day("CD4", None), None);
        assert_eq!(cycle_day("Cycle", None), None);
        assert_eq!(cycle_length("Concentrations by cycle and day (28-day cycles, once-daily dosing)"), Some(28));
        assert_eq!(cycle_length("given in 21 day cycles"), Some(21));
        assert_eq!(cycle_length("Treatment cycles of 14 days."), Some(14));
        assert_eq!(cycle_length("a 28-day washout"), None);
    }

    #[test]
    fn subjects_and_times() {
        for (text, id) in [
            ("3", Some("3")),
            ("12b", Some("12b")),
            ("P3", Some("P3")),
            ("S-01", Some("S-01")),
            ("Case 1", Some("Case 1")),
            ("Patient 12*", Some("Patient 12")),
            ("Cmax", None),
            ("0.5", None),
            ("Mean", None),
            ("10 mg/kg", None),
        ] {
            assert_eq!(subject_id(text).as_deref(), id, "{text}");
        }
        assert!(is_subject_header("Patient") && is_subject_header("Subject no.") && is_subject_header("Dog"));
        assert!(!is_subject_header("Parameter"));
        assert!(is_subject_header("Paziente") && is_subject_header("Ovelha") && is_subject_header("Probanden"));
        assert!(is_subject_header("Brebis n°") && is_subject_header("Cerdo nº") && is_subject_header("Vaca n.º"));
        assert!(
            is_subject_header("Nr ptaka") && !is_subject_header("Nr. of doses") && !is_subject_header("No. patients")
        );
        assert!(!is_subject_header("PSA (ng/mL)") && !is_subject_header("Tier"));
        assert!(["C1D1", "c2d15", "Q3W", "Q12H"].iter().all(|c| is_visit_code(c)));
        assert_eq!(cycle_day_time("C1D1 2 h", Some(21)).as_deref(), Some("day 1, 2 h"));
        assert_eq!(cycle_day_time("C2D1 pre-dose", Some(21)).as_deref(), Some("day 22, pre-dose"));
        assert_eq!(cycle_day_time("C1D8 Pre-dose", None).as_deref(), Some("day 8, pre-dose"));
        assert_eq!(cycle_day_time("C2D1 pre-dose", None), None, "a later cycle's day needs its length");
        assert_eq!(cycle_day_time("Cmax 2 h", None), None);
        assert_eq!(cycle_day_time("C1D1", None), None);
        assert!(dose_to_event("Last drop to paracentesis (min)") && dose_to_event("Infusion to incision (min)"));
        assert!(!dose_to_event("Dose to weight ratio (mg/kg)") && !dose_to_event("Infusion to patients"));
        assert!(!dose_to_event("Infusion to infusion interval (h)") && !dose_to_event("Dose to next dose (h)"));
        assert!(dose_to_event("Dose to delivery interval (h)"), "from the last dose to delivery");
        assert_eq!(time_unit_in("Last drop to paracentesis (min)"), Some("min"));
        let notes = "Patient A received 15 mg/kg every 12 h, the first started on 12/03 at 06:00; patient B \
                     received 12 mg/kg, the first started on 14/03 at 22:00. Dates are day/month.";
        let doses = subject_dose_dates(notes, &["Patient A", "Patient B"]);
        assert_eq!(doses, [Some(((12, 3), 360)), Some(((14, 3), 1320))]);
        let day_first = day_first_declared(notes);
        assert_eq!(day_first, Some(true));
        let read = dated_clock_times(&["12/03 06:45", "13/03 06:40", "NS"], ((12, 3), 360), day_first);
        assert_eq!(read, Some(vec![Some("0.75 h".to_owned()), Some("24.67 h".to_owned()), None]));
        // Undeclared: the reading that keeps the samples near the dose (`03/12` month first
        // would be December, months before).
        let read = dated_clock_times(&["03/12 08:00", "03/13 08:00"], ((3, 12), 420), None);
        assert_eq!(read, Some(vec![Some("1 h".to_owned()), Some("25 h".to_owned())]));
        // A leap day; across the year's end, and a sample before the dose dropped.
        let read = dated_clock_times(&["29/02 08:00", "01/03 08:00"], ((28, 2), 480), Some(true));
        assert_eq!(read, Some(vec![Some("24 h".to_owned()), Some("48 h".to_owned())]));
        let read = dated_clock_times(&["31/12 07:00", "01/01 09:00"], ((31, 12), 480), Some(true));
        assert_eq!(read, Some(vec![None, Some("25 h".to_owned())]));
        let read = dated_clock_times(&["31/12 07:00"], ((1, 1), 480), Some(true));
        assert_eq!(read, Some(vec![None]));
        let notes = "Patient A at 6:00 pm on 12/03; patient aged 3 at 08:00 on 13/03.";
        assert_eq!(subject_dose_dates(notes, &["Patient A"]), [Some(((12, 3), 1080))]);
        assert_eq!(dated_clock("12/03 06:45"), Some(((12, 3), 405)));
        assert_eq!(dated_clock("06:45"), None);
        assert!(is_count_header("Positive cases (n)") && is_count_header("n") && !is_count_header("Cmax (ng/mL)"));
        assert!(!is_count_header("Animal (no.)"), "an id column");
        assert!(
            with_sex("Dog 2 (F)") && with_sex("Patient 12 (female)") && !with_sex("Dog 2") && !with_sex("Cmax (F)")
        );
        assert_eq!(time_after_dose_in("Anti-Xa activity 4 h post-dose (IU/mL)").as_deref(), Some("4 h"));
        assert_eq!(time_after_dose_in("Level 30 min after the morning dose").as_deref(), Some("30 min"));
        assert_eq!(time_after_dose_in("Tissues of mice 4 h after an intravenous dose").as_deref(), Some("4 h"));
        assert_eq!(time_after_dose_in("Tissues of rats 2 h after oral administration").as_deref(), Some("2 h"));
        assert_eq!(time_after_dose_in("Levels 2 h after the end of dosing"), None);
        assert_eq!(time_after_dose_in("Dose 4 h (mg)"), None);
        assert_eq!(declared_time_unit("Sampling times are hours after the morning dose of the day"), Some("h"));
        assert_eq!(declared_time_unit("Sampling time in minutes after the bolus."), Some("min"));
        assert_eq!(declared_time_unit("tmax, time (h) to maximum concentration"), None);
        assert_eq!(declared_time_unit("Times are after the end of a 2-min bolus."), None);
        for covariate in ["2.4 y", "8 mo", "62 kg", "M, 7 y", "F/54 yr", "female"] {
            assert!(is_covariate_value(covariate), "{covariate}");
        }
        for other in ["2 h", "30 min", "Day 3", "7", "Plasma", "4 wk (mg)"] {
            assert!(!is_covariate_value(other), "{other}");
        }
        assert_eq!(time_after_dose_in("AUC 0-24 h after dose"), None);
        assert!(!["E03", "P2", "D1", "RT-1", "M.L.R.", "S12A"].iter().any(|c| is_visit_code(c)));
        assert_eq!(subject_id("Pat. 1").as_deref(), Some("Pat. 1"));
        assert_eq!(subject_id("Paz. 3").as_deref(), Some("Paz. 3"));
        // A time header in another language; not a half-life (`Halbwertszeit`).
        assert_eq!(time_unit_in("Zeit nach Infusionsbeginn (h)"), Some("h"));
        assert_eq!(time_unit_in("Tempo (h)"), Some("h"));
        assert_eq!(time_unit_in("Tid efter dos (timmar)"), Some("h"));
        assert_eq!(time_unit_in("Čas po dávce (hod)"), Some("h"));
        assert_eq!(time_unit_in("Bronchoscopy time (h after 5th dose)"), Some("h"));
        assert_eq!(time_unit_in("Last drop to sampling (min)"), Some("min"));
        assert_eq!(time_unit_in("Halbwertszeit (h)"), None);
        for (header, unit, time) in [
            ("2 h", None, Some("2 h")),
            ("0.5", Some("h"), Some("0.5 h")),
            ("Day 3", None, Some("day 3")),
            ("20 Weeks", None, Some("20 week")),
            ("Postpartum 2 Weeks", None, Some("Postpartum 2 Weeks")),
            ("24h", None, Some("24 h")),
            ("Pre-dose", None, Some("pre-dose")),
            ("Cmax", None, None),
            ("10 mg/kg", None, None),
            ("Delivery", None, Some("delivery")),
            ("Time after dose (h) 0.5", None, Some("0.5 h")),
            // In German, French, Spanish, Italian, Portuguese and Dutch, written in English.
            ("Día 4", None, Some("day 4")),
            ("Jour 2", None, Some("day 2")),
            ("4 Stunden", None, Some("4 h")),
            ("Semana 12", None, Some("week 12")),
            // Times since the dose in brackets, under or after a clock time.
            ("(0.5 h)", None, Some("0.5 h")),
            ("[pre-dose]", None, Some("pre-dose")),
            ("08:30 (0.5 h)", None, Some("0.5 h")),
            ("(2)", Some("h"), Some("2 h")),
            ("08:30", None, None),
            ("(ng/mL)", None, None),
        ] {
            assert_eq!(time_of(header, unit).as_deref(), time, "{header}");
        }
        assert_eq!(counted_subjects("Table 2. Individual plasma X concentrations in five cats"), Some(5));
        assert_eq!(counted_subjects("Plasma concentrations of X in 6 healthy dogs"), Some(6));
        assert_eq!(counted_subjects("Table 3. Individual plasma X concentrations"), None);
        assert_eq!(counted_subjects("X concentrations in plasma of a dromedary camel after 10 mg/kg"), Some(1));
        assert_eq!(counted_subjects("X concentrations in a group of dogs"), None);
        assert_eq!(counted_subjects("X in a case series of 8 patients"), Some(8));
        assert_eq!(counted_subjects("X in a healthy volunteer study"), None);
        assert!(is_clock_time("08:00") && is_clock_time("8:30") && is_clock_time("20:15"));
        assert!(!is_clock_time("25:00") && !is_clock_time("8:5") && !is_clock_time("1:2:3") && !is_clock_time("ratio"));
        assert_eq!(time_unit_in("Time after dose (h)"), Some("h"));
        assert_eq!(time_unit_in("Plasma concentration (ng/mL)"), None);
    }
}
