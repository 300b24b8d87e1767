//! What a table declares its numbers to be: "mean ± SD", "median (range)", "geometric
//! mean (CV%)", "mean [95% CI]", "data are presented as ...", "SD in parentheses".
//!
//! PK tables print a central value with a spread beside it (`6.2 ± 1.1`, `6.2 (1.1)`,
//! `5.9 (4.1–8.3)`, `5.9 [4.1; 8.3]`) and say once, in the caption, a header, a row stub
//! or a footnote, what the central value and each bracket hold. A [`Declaration`] is one
//! such statement: the central statistic, and what `±`, round brackets and square brackets
//! hold. Its [`Scope`] says which values it is about: all of them, those carrying a
//! footnote mark (`median (range)*`), the parameters it names (`except tmax, median
//! (range)`), or all but those.
//!
//! A cell's shape then picks the declaration that can describe it ([`resolve`]); with none,
//! the statistic is unknown: nothing is guessed.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use hysim_core::Statistic;

/// What a spread beside a central value is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Standard deviation.
    Sd,
    /// Standard error of the mean.
    Se,
    /// Coefficient of variation, %.
    Cv,
    /// Relative standard error of a model's estimate, %.
    Rse,
    /// Minimum to maximum.
    Range,
    /// Interquartile range, 25th to 75th percentile, Q1 to Q3.
    Iqr,
    /// A confidence interval with its level as printed (`95% CI`, `90% CI`).
    Ci(String),
    /// Percentiles other than the quartiles, as printed (`5th-95th percentile`): the spread
    /// of a median, as in population PK and simulation tables.
    Percentiles(String),
}

impl Kind {
    /// Whether it is an interval (two numbers) rather than a dispersion (one).
    pub(crate) fn is_interval(&self) -> bool {
        matches!(self, Kind::Range | Kind::Iqr | Kind::Ci(_) | Kind::Percentiles(_))
    }

    /// The `type` a record carries.
    pub(crate) fn name(&self) -> String {
        match self {
            Kind::Sd => "SD".to_owned(),
            Kind::Se => "SE".to_owned(),
            Kind::Cv => "CV%".to_owned(),
            Kind::Rse => "RSE".to_owned(),
            Kind::Range => "range".to_owned(),
            Kind::Iqr => "IQR".to_owned(),
            Kind::Ci(level) | Kind::Percentiles(level) => level.clone(),
        }
    }

    /// Whether this spread goes with `central` by convention: SD, SE and CI with means;
    /// range and quartiles with medians; CV and CI with geometric means.
    pub(crate) fn belongs_to(&self, central: Statistic) -> bool {
        match central {
            Statistic::Mean => matches!(self, Kind::Sd | Kind::Se | Kind::Ci(_) | Kind::Cv),
            Statistic::Median => matches!(self, Kind::Range | Kind::Iqr | Kind::Percentiles(_)),
            Statistic::GeometricMean => matches!(self, Kind::Cv | Kind::Ci(_) | Kind::Sd),
            // (A model's estimate with its precision, `Estimate (RSE%)`, and its bootstrap
            // interval, `Estimate | RSE (%) | Bootstrap 95% CI`.)
            Statistic::Value => matches!(self, Kind::Rse | Kind::Se | Kind::Ci(_) | Kind::Percentiles(_)),
            _ => false,
        }
    }
}

/// Which values a declaration is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Every value of the table.
    All,
    /// Values carrying this footnote mark (on the cell, its row label or its column header).
    Marked(String),
    /// The parameters named (canonical codes, or normalised names for names without one).
    Only(Vec<String>),
    /// Every value but those of the parameters named.
    Except(Vec<String>),
}

/// One statement of what a table's numbers are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Declaration {
    /// The central statistic (`None` where only the spread is said: "SD in parentheses").
    pub(crate) central: Option<Statistic>,
    /// What follows `±`.
    pub(crate) plus_minus: Option<Kind>,
    /// What round brackets hold.
    pub(crate) round: Option<Kind>,
    /// What square brackets hold.
    pub(crate) square: Option<Kind>,
    /// Which values it is about.
    pub(crate) scope: Scope,
}

impl Declaration {
    /// Whether it says what a spread is: after `±`, in round or in square brackets.
    pub(crate) fn says_a_spread(&self) -> bool {
        self.plus_minus.is_some() || self.round.is_some() || self.square.is_some()
    }
}

/// The brackets a cell printed its spread in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bracket {
    /// `(…)`, or no bracket at all (`4.1–8.3`).
    Round,
    /// `[…]`.
    Square,
}

/// The shape of a cell's numbers, which a declaration must be able to describe.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Shape {
    /// A central value is printed.
    pub(crate) central: bool,
    /// `± x` follows it.
    pub(crate) plus_minus: bool,
    /// A bracketed single number follows (`(1.1)`), and whether it carries `%`.
    pub(crate) paren: Option<(Bracket, bool)>,
    /// A bracketed (or bare) interval follows.
    pub(crate) interval: Option<Bracket>,
}

/// The shape of a cell's numbers.
pub(crate) fn shape_of(cell: &crate::CellValue) -> Shape {
    let bracket = |p: crate::cell::Printed| match p {
        crate::cell::Printed::Square => Bracket::Square,
        _ => Bracket::Round,
    };
    let dispersion = cell.dispersion.as_ref();
    Shape {
        central: cell.value.is_some(),
        plus_minus: dispersion.is_some_and(|d| d.printed == crate::cell::Printed::PlusMinus),
        paren: dispersion
            .filter(|d| d.printed != crate::cell::Printed::PlusMinus)
            .map(|d| (bracket(d.printed), d.percent)),
        interval: cell.interval.as_ref().map(|i| bracket(i.printed)),
    }
}

/// What a cell's numbers are: its statistic and the kinds of its dispersion and interval
/// (`None` when the cell prints none; `Some(None)` when it prints one of unknown kind).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reading {
    pub(crate) statistic: Statistic,
    pub(crate) dispersion: Option<Option<Kind>>,
    pub(crate) interval: Option<Option<Kind>>,
}

/// Words that name a central statistic, longest first, with the statistic.
const CENTRALS: &[(&str, Statistic)] = &[
    ("geometric least-squares means", Statistic::GeometricMean),
    ("geometric least-squares mean", Statistic::GeometricMean),
    ("geometric least squares means", Statistic::GeometricMean),
    ("geometric least squares mean", Statistic::GeometricMean),
    ("geometric ls means", Statistic::GeometricMean),
    ("geometric ls mean", Statistic::GeometricMean),
    ("geometric means", Statistic::GeometricMean),
    ("geometric mean", Statistic::GeometricMean),
    ("geo. mean", Statistic::GeometricMean),
    ("geo mean", Statistic::GeometricMean),
    ("geomean", Statistic::GeometricMean),
    ("gmean", Statistic::GeometricMean),
    ("gm", Statistic::GeometricMean),
    // Tables in German, French, Spanish, Italian, Portuguese and Dutch (`Mittelwert ±
    // Standardabweichung`, `moyenne ± écart-type`, `media ± desviación estándar`, `média ±
    // desvio padrão`, `gemiddelde ± SD`, `mediaan [IQR]`).
    ("geometrische mittelwerte", Statistic::GeometricMean),
    ("geometrischer mittelwert", Statistic::GeometricMean),
    ("geometrische mittelwert", Statistic::GeometricMean),
    ("moyenne géométrique", Statistic::GeometricMean),
    ("media geométrica", Statistic::GeometricMean),
    ("media geometrica", Statistic::GeometricMean),
    ("média geométrica", Statistic::GeometricMean),
    ("geometrisch gemiddelde", Statistic::GeometricMean),
    ("gemiddelde", Statistic::Mean),
    ("média", Statistic::Mean),
    ("mediaan", Statistic::Median),
    ("mittelwerte", Statistic::Mean),
    ("mittelwert", Statistic::Mean),
    ("moyennes", Statistic::Mean),
    ("moyenne", Statistic::Mean),
    ("médiane", Statistic::Median),
    ("mediana", Statistic::Median),
    // Czech, Slovak and Hungarian.
    ("medián", Statistic::Median),
    // A harmonic mean (of half-lives) is none of the schema's statistics: unknown, never
    // the arithmetic mean a caption declares for the other rows.
    ("harmonic means", Statistic::Unknown),
    ("harmonic mean", Statistic::Unknown),
    ("arithmetic means", Statistic::Mean),
    ("arithmetic mean", Statistic::Mean),
    ("means", Statistic::Mean),
    ("mean", Statistic::Mean),
    ("averages", Statistic::Mean),
    ("average", Statistic::Mean),
    ("medians", Statistic::Median),
    ("median", Statistic::Median),
    // A model's estimate with its standard error (`Estimate (SE)`): a value, no summary of
    // subjects.
    ("estimates", Statistic::Value),
    ("estimate", Statistic::Value),
    // A population model's typical value (`Typical value (SE)`, its θ).
    ("typical values", Statistic::Value),
    ("typical value", Statistic::Value),
];

/// Words that name a spread, longest first, with its kind (`None`: a confidence interval,
/// whose level is read around it).
const SPREADS: &[(&str, Option<Kind>)] = &[
    ("standardabweichung", Some(Kind::Sd)),
    ("écart-type", Some(Kind::Sd)),
    ("écart type", Some(Kind::Sd)),
    ("ecart-type", Some(Kind::Sd)),
    ("desviación estándar", Some(Kind::Sd)),
    ("desviación típica", Some(Kind::Sd)),
    ("deviazione standard", Some(Kind::Sd)),
    ("desvio padrão", Some(Kind::Sd)),
    ("desvio-padrão", Some(Kind::Sd)),
    ("standaarddeviatie", Some(Kind::Sd)),
    ("coefficiente di variazione", Some(Kind::Cv)),
    ("coeficiente de variação", Some(Kind::Cv)),
    ("variatiecoëfficiënt", Some(Kind::Cv)),
    ("intervallo interquartile", Some(Kind::Iqr)),
    ("scarto interquartile", Some(Kind::Iqr)),
    ("intervalo interquartil", Some(Kind::Iqr)),
    ("interkwartielafstand", Some(Kind::Iqr)),
    ("bereik", Some(Kind::Range)),
    ("spreiding", Some(Kind::Range)),
    ("intervallo di confidenza", None),
    ("intervalo de confiança", None),
    ("betrouwbaarheidsinterval", None),
    ("geometrischer variationskoeffizient", Some(Kind::Cv)),
    ("variationskoeffizient", Some(Kind::Cv)),
    // German `VK %` (Variationskoeffizient): `geometrische Mittelwerte (VK %)`. (Not `VK`
    // alone, also vitamin K.)
    ("vk %", Some(Kind::Cv)),
    ("vk%", Some(Kind::Cv)),
    ("coefficient de variation", Some(Kind::Cv)),
    ("coeficiente de variación", Some(Kind::Cv)),
    ("interquartilsabstand", Some(Kind::Iqr)),
    ("écart interquartile", Some(Kind::Iqr)),
    ("rango intercuartílico", Some(Kind::Iqr)),
    ("spannweite", Some(Kind::Range)),
    ("étendue", Some(Kind::Range)),
    ("extrêmes", Some(Kind::Range)),
    ("rango", Some(Kind::Range)),
    ("konfidenzintervall", None),
    ("intervalle de confiance", None),
    ("intervalo de confianza", None),
    ("relative standard error", Some(Kind::Rse)),
    ("rse%", Some(Kind::Rse)),
    ("%rse", Some(Kind::Rse)),
    ("rse", Some(Kind::Rse)),
    ("standard deviations", Some(Kind::Sd)),
    ("standard deviation", Some(Kind::Sd)),
    ("standard errors of the mean", Some(Kind::Se)),
    ("standard error of the mean", Some(Kind::Se)),
    ("standard errors", Some(Kind::Se)),
    ("standard error", Some(Kind::Se)),
    ("s.e.m.", Some(Kind::Se)),
    ("s.e.m", Some(Kind::Se)),
    ("s.d.", Some(Kind::Sd)),
    ("s.e.", Some(Kind::Se)),
    ("sem", Some(Kind::Se)),
    ("sd", Some(Kind::Sd)),
    ("se", Some(Kind::Se)),
    ("geometric coefficients of variation", Some(Kind::Cv)),
    ("geometric coefficient of variation", Some(Kind::Cv)),
    ("coefficients of variation", Some(Kind::Cv)),
    ("coefficient of variation", Some(Kind::Cv)),
    ("geometric cv%", Some(Kind::Cv)),
    ("geometric cv", Some(Kind::Cv)),
    // The geometric CV abbreviated: `GM (GCV%)`, `geo-mean (%GCV)`.
    // (Not bare `GCV`, ganciclovir.)
    ("gcv%", Some(Kind::Cv)),
    ("%gcv", Some(Kind::Cv)),
    ("%cv", Some(Kind::Cv)),
    ("cv%", Some(Kind::Cv)),
    ("cv", Some(Kind::Cv)),
    ("interquartile ranges", Some(Kind::Iqr)),
    ("interquartile range", Some(Kind::Iqr)),
    ("inter-quartile range", Some(Kind::Iqr)),
    ("iqr", Some(Kind::Iqr)),
    // French `EIQ` (écart interquartile). (Not Spanish `RIC`, which English transplant
    // papers write for reduced-intensity conditioning.)
    ("eiq", Some(Kind::Iqr)),
    ("25th–75th percentiles", Some(Kind::Iqr)),
    ("25th-75th percentiles", Some(Kind::Iqr)),
    ("25th and 75th percentiles", Some(Kind::Iqr)),
    ("25th; 75th percentile", Some(Kind::Iqr)),
    ("25th–75th percentile", Some(Kind::Iqr)),
    ("25th-75th percentile", Some(Kind::Iqr)),
    ("25th to 75th percentile", Some(Kind::Iqr)),
    ("quartiles", Some(Kind::Iqr)),
    ("q1–q3", Some(Kind::Iqr)),
    ("q1-q3", Some(Kind::Iqr)),
    ("q1, q3", Some(Kind::Iqr)),
    ("q1; q3", Some(Kind::Iqr)),
    // Both ends named, between a comma (or a semicolon, [`normalise`]): `median [min, max]`.
    ("minimum, maximum", Some(Kind::Range)),
    ("min, max", Some(Kind::Range)),
    ("minimum–maximum", Some(Kind::Range)),
    ("minimum-maximum", Some(Kind::Range)),
    ("minimum to maximum", Some(Kind::Range)),
    ("min.–max.", Some(Kind::Range)),
    ("min.-max.", Some(Kind::Range)),
    ("min–max", Some(Kind::Range)),
    ("min-max", Some(Kind::Range)),
    ("minimum, maximum", Some(Kind::Range)),
    ("minimum; maximum", Some(Kind::Range)),
    ("min, max", Some(Kind::Range)),
    ("min; max", Some(Kind::Range)),
    ("min to max", Some(Kind::Range)),
    ("ranges", Some(Kind::Range)),
    ("range", Some(Kind::Range)),
    ("confidence intervals", None),
    ("confidence interval", None),
    ("ci", None),
    // Percentile intervals other than the quartiles: their kind is read from the words
    // (`None` with "percentile" in them).
    ("5th–95th percentiles", None),
    ("5th-95th percentiles", None),
    ("5th–95th percentile", None),
    ("5th-95th percentile", None),
    ("5th and 95th percentiles", None),
    ("5th to 95th percentile", None),
    ("10th–90th percentiles", None),
    ("10th-90th percentiles", None),
    ("10th–90th percentile", None),
    ("10th-90th percentile", None),
    ("10th and 90th percentiles", None),
    ("2.5th–97.5th percentiles", None),
    ("2.5th-97.5th percentiles", None),
    ("2.5th–97.5th percentile", None),
    ("2.5th-97.5th percentile", None),
    ("2.5th and 97.5th percentiles", None),
    ("p5–p95", None),
    ("p5-p95", None),
    ("p10–p90", None),
    ("p10-p90", None),
];

/// The kind of a percentile interval's words: `5th–95th percentiles` and `P5–P95` are
/// `5th-95th percentile`.
fn percentiles(words: &str) -> Kind {
    let numbers: Vec<&str> = words
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|w| !w.is_empty() && w.chars().any(|c| c.is_ascii_digit()))
        .collect();
    Kind::Percentiles(match numbers[..] {
        [low, high, ..] => format!("{low}th-{high}th percentile"),
        _ => "percentile".to_owned(),
    })
}

/// The level of a confidence interval named around `at` (`95% CI`, `CI 95%`, `90%
/// confidence interval`), `95% CI` when none is printed.
fn ci_level(lower: &str, at: usize, end: usize) -> String {
    let before: String = lower[..at].chars().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
    let after: String = lower[end..].chars().take(8).collect();
    for part in [before.as_str(), after.as_str()] {
        for level in ["99", "95", "90", "80"] {
            if part.contains(&format!("{level}%")) || part.contains(&format!("{level} %")) {
                return format!("{level}% CI");
            }
        }
    }
    "95% CI".to_owned()
}

/// Whether `lower[at..at + len]` is a whole word (no letter before or after).
fn whole(lower: &str, at: usize, len: usize) -> bool {
    let before = lower[..at].chars().next_back();
    let after = lower[at + len..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// A word of a vocabulary found in a text: byte range and index in the vocabulary.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    index: usize,
}

/// The words of `vocabulary` in `lower`, left to right, longest first at one place, not
/// overlapping: a word earlier in the vocabulary wins a place over a later one, and each
/// word's occurrences are those `str::match_indices` gives. `words` is the vocabulary's
/// automaton (one pass over the text finds every word, where a search per word rebuilt a
/// searcher for each of them on every label of every table).
fn find<T>(lower: &str, vocabulary: &[(&str, T)], words: &AhoCorasick) -> Vec<Hit> {
    let mut found: Vec<(usize, usize)> =
        words.find_overlapping_iter(lower).map(|m| (m.pattern().as_usize(), m.start())).collect();
    found.sort_unstable();
    let mut hits: Vec<Hit> = Vec::new();
    // The end of the word's previous occurrence: `match_indices` resumes its search there.
    let mut previous: Option<(usize, usize)> = None;
    for (index, at) in found {
        let end = at + vocabulary[index].0.len();
        if previous.is_some_and(|(i, e)| i == index && at < e) {
            continue;
        }
        previous = Some((index, end));
        let overlaps = hits.iter().any(|h| at < h.end && h.start < end);
        if !overlaps && whole(lower, at, end - at) {
            hits.push(Hit { start: at, end, index });
        }
    }
    hits.sort_by_key(|h| h.start);
    hits
}

/// The automaton of a vocabulary's words, pattern `k` its `k`-th word.
fn automaton<T>(vocabulary: &[(&str, T)]) -> AhoCorasick {
    AhoCorasick::new(vocabulary.iter().map(|(word, _)| word))
        .expect("invariant: a vocabulary of a few dozen short words builds an automaton")
}

static CENTRAL_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(CENTRALS));
static SPREAD_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(SPREADS));

/// The spread words of `lower`, with their kinds.
fn spreads(lower: &str) -> Vec<(usize, usize, Kind)> {
    find(lower, SPREADS, &SPREAD_WORDS)
        .into_iter()
        .map(|h| {
            let word = SPREADS[h.index].0;
            let kind = SPREADS[h.index].1.clone().unwrap_or_else(|| {
                if word.contains("percentile") || word.starts_with('p') {
                    percentiles(word)
                } else {
                    Kind::Ci(ci_level(lower, h.start, h.end))
                }
            });
            (h.start, h.end, kind)
        })
        .collect()
}

/// The declarations `text` makes (a caption, a footnote or one note of it, a header or
/// a row stub), all of scope `scope` unless the text scopes them itself. `names` maps a
/// parameter name printed in the text to the code (or name) a scope lists.
pub(crate) fn declarations(text: &str, scope: &Scope, names: &dyn Fn(&str) -> Option<String>) -> Vec<Declaration> {
    let lower = normalise(text);
    let mut out = Vec::new();
    // Clauses: sentences, and the parts of "..., except X, which ..." (the part after
    // `except` scopes its own declaration to the parameters it names, and the part before
    // excludes them).
    for sentence in sentences(&lower) {
        if is_definition(sentence) || about_ratios(sentence) || is_formula(sentence) {
            continue;
        }
        let (main, exception) = match sentence.split_once("except") {
            Some((main, rest)) => (main.to_owned(), Some(rest.to_owned())),
            None => (sentence.to_owned(), None),
        };
        // (The parameters named before the exception's last statistic: "except tmax: median
        // (range), and Frel: mean ± SD of individual AUC0–∞ ratios" excepts tmax and Frel, not
        // the AUC that Frel's statistic speaks of.)
        let excepted: Vec<String> = exception
            .as_deref()
            .map(|e| {
                // (Where a parameter comes before it: "except median (range) for tmax" names
                // its parameter after the statistic.)
                let last_central = find(e, CENTRALS, &CENTRAL_WORDS).last().map_or(e.len(), |h| h.start);
                let before = named_parameters(&e[..last_central], names);
                if before.is_empty() { named_parameters(e, names) } else { before }
            })
            .unwrap_or_default();
        // "all other data are mean (SD)" in a marked note is about the values without the mark.
        let scope = if main.contains("all other") || main.contains("all others") { &Scope::All } else { scope };
        let main_scope =
            if excepted.is_empty() || *scope != Scope::All { scope.clone() } else { Scope::Except(excepted.clone()) };
        out.extend(clause_declarations(&main, &main_scope, names));
        if let Some(exception) = exception {
            let exception_scope = if excepted.is_empty() { scope.clone() } else { Scope::Only(excepted) };
            out.extend(clause_declarations(&exception, &exception_scope, names));
        }
    }
    out
}

/// Whether a clause speaks of ratios before any statistic ("T/R ratios are ratios of
/// geometric least-squares means", "GMR and 90% CI of test/reference"): it says what the
/// ratio column or row holds, not what the groups' values are.
fn about_ratios(clause: &str) -> bool {
    let first_central = find(clause, CENTRALS, &CENTRAL_WORDS).first().map_or(clause.len(), |h| h.start);
    let before = &clause[..first_central];
    // The clause's statistic is the ratio's own (`ratios of ... means`, `GMR`), not the
    // table's ("Accumulation ratios and other parameters are mean ± SD" declares means).
    before.contains("ratios of")
        || before.contains("ratio of")
        || crate::context::has_word(before, &["gmr", "gmrs"])
        // (Or a clause headed by the rows or columns of ratios it speaks of: "ratio rows:
        // geometric mean ratio (90% CI)".)
        || before.split_once(':').is_some_and(|(head, _)| crate::context::has_word(head, &["ratio", "ratios"]))
}

/// Whether a clause is a formula (`CLD = Qp × (CA − CV)/CA`): its symbols (`CV`, a venous
/// concentration there) declare no statistic. A symbol before `=`, an expression of short
/// symbols with an operator after it: not `n = 6`, nor the `mg/kg` of a dose further on, nor
/// a statistic's words (`tmax = median (min/max)`, `CV% = (SD/mean) × 100`).
fn is_formula(clause: &str) -> bool {
    clause.match_indices('=').any(|(at, _)| {
        let lhs = clause[..at].trim_end().rsplit(char::is_whitespace).next().unwrap_or_default();
        let rhs = clause[at + 1..].split([';', ',']).next().unwrap_or_default().trim();
        let symbol = !lhs.is_empty() && lhs.chars().count() <= 8 && lhs.starts_with(char::is_alphabetic) && lhs != "n";
        let short_symbols = rhs.split(|c: char| !c.is_alphabetic()).all(|w| w.chars().count() <= 3);
        symbol
            && short_symbols
            && rhs.starts_with(|c: char| c.is_alphabetic() || c == '(')
            && rhs.contains(['×', '*', '÷', '/', '+', '−'])
    })
}

/// Whether a clause defines an abbreviation, as footnotes list them ("CI, confidence
/// interval", "GMR = geometric mean ratio", "AUC0–∞: area under ..."): a short term, a
/// comma, colon or equals sign, and words whose first letter is the term's. It declares
/// nothing of the values, though its words ("geometric mean", "interval") are statistics'.
/// A scoped declaration ("tmax, median (range)") starts its words with another letter.
fn is_definition(clause: &str) -> bool {
    let clause = clause.trim();
    let Some(at) = clause.find([',', ':', '=']) else { return false };
    let (term, rest) = (clause[..at].trim(), clause[at + 1..].trim());
    let short = !term.is_empty() && term.chars().count() <= 10 && !term.contains(' ');
    // An acronym of the words that follow: its letters in order among their initials,
    // the first letter first (`GMR`, geometric mean ratio; `AUC0–∞`, area under the
    // concentration-time curve). "tmax, tlag: median (range)" is none.
    // (Letters compared without their accents: `ET, écart type`.)
    let base = |c: char| match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        c => c,
    };
    let letters: Vec<char> = term.chars().filter(|c| c.is_alphabetic()).map(base).collect();
    let words: Vec<&str> = rest.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    // The acronym of one compound word (German `MW`, Mittelwert; `SD`,
    // Standardabweichung): its letters in order within the word.
    let initials: Vec<char> = match words.as_slice() {
        [word] => word.chars().map(base).collect(),
        _ => words.iter().filter_map(|w| w.chars().next()).filter(|c| c.is_alphabetic()).map(base).collect(),
    };
    let mut wanted = letters.iter().peekable();
    for c in &initials {
        if wanted.peek() == Some(&c) {
            wanted.next();
        }
    }
    // (Or with a letter from inside a word: `IQR`, interquartile range; `EIQ`, écart
    // interquartile.)
    if wanted.peek().is_some() {
        wanted = letters.iter().peekable();
        for c in words.iter().flat_map(|w| w.chars()).map(base) {
            if wanted.peek() == Some(&&c) {
                wanted.next();
            }
        }
    }
    // (A compound of other languages need not hold every letter: `IQR, interkwartielafstand`;
    // its first letter is the term's.)
    let compound = matches!(words.as_slice(), [word] if word.chars().count() >= 12);
    short && !letters.is_empty() && initials.first() == letters.first() && (wanted.peek().is_none() || compound)
}

/// The sentences of `lower`: split at `;` and at a full stop before a space or the end,
/// but not after an abbreviation (`s.d.`, `s.e.m.`, `geo.`, `i.v.`, `e.g.`, `vs.`).
fn sentences(lower: &str) -> Vec<&str> {
    const ABBREVIATIONS: &[&str] =
        &["s.d", "s.e", "s.e.m", "geo", "i.v", "i.m", "e.g", "i.e", "vs", "approx", "no", "fig"];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in lower.char_indices() {
        let end_of_sentence = match c {
            ';' => true,
            '.' => {
                let next = lower[i + 1..].chars().next();
                let word = lower[start..i].rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or_default();
                next.is_none_or(char::is_whitespace) && !ABBREVIATIONS.contains(&word)
            }
            _ => false,
        };
        if end_of_sentence {
            out.push(&lower[start..i]);
            start = i + 1;
        }
    }
    out.push(&lower[start..]);
    out
}

/// `text` with `from` replaced by `to` where `from` starts a word, and is not after one of
/// `not_after` (`vida media`, the half-life).
fn replace_words(text: &str, from: &str, to: &str, not_after: &[&str]) -> String {
    if !text.contains(from) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, _) in text.match_indices(from) {
        let before = &text[..at];
        let starts_word = before.chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        if starts_word && !not_after.iter().any(|w| before.ends_with(w)) {
            out.push_str(&text[last..at]);
            out.push_str(to);
            last = at + from.len();
        }
    }
    out.push_str(&text[last..]);
    out
}

/// Lower case, one kind of dash, `+/-` as `±`, spaces squeezed.
fn normalise(text: &str) -> String {
    // (Each rewrite only where its text occurs: most labels hold none, and a `replace`
    // copies the whole text.)
    let mut t = text.to_lowercase();
    if t.contains(['—', '−', '‐', '‑']) {
        t = t.replace(['–', '—', '−', '‐', '‑'], "–");
    }
    // Japanese and Chinese full-width brackets, colon, comma and wave dash (`中央値（範囲）`,
    // `1.0～4.0`).
    if t.contains(['（', '）', '［', '］', '～', '：', '，']) {
        t = t
            .replace('（', "(")
            .replace('）', ")")
            .replace('［', "[")
            .replace('］', "]")
            .replace('～', "–")
            .replace('：', ":")
            .replace('，', ",");
    }
    // Statistic words of thirteen more languages (`średnia (SD)`, `átlag ± szórás`).
    if let Cow::Owned(english) = super::statistic_words::in_english(&t) {
        t = english;
    }
    for (from, to) in [
        ("+/-", "±"),
        ("+/–", "±"),
        ("+-", "±"),
        ("plus or minus", "±"),
        ("\u{a0}", " "),
        // (A range's ends between a semicolon, which would end the clause: `[min; max]`.)
        ("min; max", "min, max"),
        ("minimum; maximum", "minimum, maximum"),
    ] {
        if t.contains(from) {
            t = t.replace(from, to);
        }
    }
    // German `MW ± SD` (Mittelwert): `MW` alone is also a molecular weight. The two-letter
    // abbreviations of the standard deviation in French, Spanish, Italian and Portuguese
    // (`moyenne ± ET`, `media (DE)`, `media ± DS`, `média ± DP`), read only after `±` or
    // alone in brackets: as words they are `and`, `of` and others.
    if t.contains("mw") {
        t = t.replace("mw ±", "mean ±").replace("mw±", "mean±");
    }
    // The mean and its spread by their letters: `M ± m` (Russian and Eastern European
    // papers: the mean and the standard error of the mean) and `x̄ ± s` (the sample mean and
    // its standard deviation), whole words only.
    if t.contains('±') {
        for (letters, read) in
            [("m ± m", "mean ± sem"), ("m±m", "mean±sem"), ("x\u{304} ± s", "mean ± sd"), ("x\u{304}±s", "mean±sd")]
        {
            let mut from = 0;
            while let Some(at) = t[from..].find(letters).map(|k| k + from) {
                let end = at + letters.len();
                let alone = t[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
                    && t[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
                if alone {
                    t.replace_range(at..end, read);
                    from = at + read.len();
                } else {
                    from = end;
                }
            }
        }
    }
    // The mean's word in Turkish, Polish, Swedish, Czech, Danish and Norwegian (`ortalama ±
    // SS`, `średnia ± SD`, `medelvärde ± SD`).
    // (Before its spread only: `ortalama kalış süresi` is the mean residence time.)
    for mean in ["ortalama", "średnia", "medelvärde", "průměr", "gennemsnit", "gjennomsnitt"] {
        if !t.contains(mean) {
            continue;
        }
        for spread in [" ±", "±", " ("] {
            t = replace_words(&t, &format!("{mean}{spread}"), &format!("mean{spread}"), &[]);
        }
    }

    // (And the Turkish `SS`, standart sapma, and the Greek `ΤΑ`.)
    const SD_WORDS: [(&str, &str); 18] = [
        ("± et", "± sd"),
        ("±et", "±sd"),
        ("(et)", "(sd)"),
        ("± de", "± sd"),
        ("±de", "±sd"),
        ("(de)", "(sd)"),
        ("± ds", "± sd"),
        ("±ds", "±sd"),
        ("(ds)", "(sd)"),
        ("± dp", "± sd"),
        ("±dp", "±sd"),
        ("(dp)", "(sd)"),
        ("± ss", "± sd"),
        ("±ss", "±sd"),
        ("(ss)", "(sd)"),
        // Greek `ΤΑ` (τυπική απόκλιση), also the article `τα`.
        ("± τα", "± sd"),
        ("±τα", "±sd"),
        ("(τα)", "(sd)"),
    ];
    if t.contains(['±', '(']) {
        for (printed, read) in SD_WORDS {
            let mut from = 0;
            while let Some(at) = t[from..].find(printed).map(|k| k + from) {
                let end = at + printed.len();
                // A whole word (`± de`, not `± des`); in brackets only after the mean's word
                // (`media (DE)`, not `dihydroartemisinin–piperaquine (DP)`).
                let whole = t[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
                let after_mean = !printed.starts_with('(')
                    || ["media", "moyenne", "média", "mean"].iter().any(|w| {
                        let before = t[..at].trim_end();
                        before
                            .strip_suffix(w)
                            .is_some_and(|b| b.chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
                    });
                if whole && after_mean {
                    t.replace_range(at..end, read);
                    from = at + read.len();
                } else {
                    from = end;
                }
            }
        }
    }
    // Spanish and Italian `media` is the mean before its spread (`media ± DE`, `media (DS)`),
    // not in `otitis media`; a range in brackets in these languages (`mediana (intervalo)`,
    // `mediana (intervallo)`, `médiane (intervalle)`), not a confidence interval.
    if t.contains("media") || t.contains("média") {
        t = t.replace("media ±", "mean ±").replace("media (sd)", "mean (sd)");
        // And before any spread in brackets (`media (CV%)`, `média (DP)`, `media (rango)`):
        // a whole word, not the half-life's `vida media (min)`.
        for spread in ["(cv", "(sd", "(se", "(ee", "(range", "(rango", "(interv"] {
            for mean in ["media ", "média "] {
                let printed = format!("{mean}{spread}");
                t = replace_words(&t, &printed, &format!("mean {spread}"), &["vida "]);
            }
        }
    }
    if t.contains('(') {
        // (And Czech `(rozpětí)`, Polish `(zakres)`, Swedish `(variationsvidd)`.)
        for range in [
            "(intervalo)",
            "(intervallo)",
            "(intervalle)",
            "(rango)",
            "(bereich)",
            "(spannweite)",
            "(spreiding)",
            "(rozpětí)",
            "(zakres)",
            "(variationsvidd)",
        ] {
            if t.contains(range) {
                t = t.replace(range, "(range)");
            }
        }
    }
    // `except` in these languages (`salvo`, `excepto`, `sauf`, `tranne`, `exceto`, `außer`,
    // `behalve`), whole words: a declaration's exception.
    let except = |w: &str| {
        matches!(w, "salvo" | "excepto" | "sauf" | "tranne" | "eccetto" | "exceto" | "außer" | "ausser" | "behalve")
    };
    if t.split(' ').any(except) {
        t = t.split(' ').map(|w| if except(w) { "except" } else { w }).collect::<Vec<_>>().join(" ");
    }
    crate::fold::squeeze(&t)
}

/// The parameters `text` names (codes, or normalised names).
fn named_parameters(text: &str, names: &dyn Fn(&str) -> Option<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    // The longest name first, its words used up: "the time to maximum concentration" is
    // tmax, not also Cmax.
    let mut k = 0;
    while k < words.len() {
        let found =
            (1..=5.min(words.len() - k)).rev().find_map(|len| Some((len, names(&words[k..k + len].join(" "))?)));
        match found {
            Some((len, code)) => {
                if !out.contains(&code) {
                    out.push(code);
                }
                k += len;
            }
            None => k += 1,
        }
    }
    out
}

/// The declarations of one clause: each central word with the spreads that follow it up
/// to the next central word; spreads that no central word precedes ("SD in parentheses")
/// make a declaration of their own. Parameters named before a central word in the clause
/// ("tmax, median (range)"; "tmax is expressed as median") scope it to them.
fn clause_declarations(clause: &str, scope: &Scope, names: &dyn Fn(&str) -> Option<String>) -> Vec<Declaration> {
    // "Mean residence time", "mean absorption time": a parameter's name, no statistic.
    const NAMES_AFTER_MEAN: &[&str] = &["residence", "absorption", "transit", "dissolution", "arterial", "input"];
    // "Median age 34 years", "mean body weight": a statistic of the subjects' covariates,
    // said in passing, not of the table's values.
    const COVARIATES_AFTER: &[&str] =
        &["age", "ages", "body", "weight", "height", "bmi", "gestational", "follow", "duration"];
    let hits = find(clause, CENTRALS, &CENTRAL_WORDS);
    let other_central = hits.iter().any(|h| !clause[h.start..h.end].starts_with("estimate"));
    let centrals: Vec<Hit> = hits
        .into_iter()
        .filter(|h| {
            let word = &clause[h.start..h.end];
            let next = clause[h.end..].split_whitespace().next().unwrap_or_default();
            let next_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
            let previous = clause[..h.start].split_whitespace().next_back().unwrap_or_default();
            // "1 gm dose": grams after a number, not GM.
            let grams = word == "gm" && previous.chars().last().is_some_and(|c| c.is_ascii_digit());
            // "By means of": a phrase; "values are means of n = 3 animals" is a declaration.
            let phrase = word == "means" && next_word == "of" && crate::fold::lower(previous) == "by";
            // A model's `Estimate (SE)` labels its column; beside another central word,
            // "parameter estimates (mean ± SD)" names the parameters, not a statistic.
            let phrase = phrase || word.starts_with("estimate") && other_central;
            !NAMES_AFTER_MEAN.iter().any(|w| next.starts_with(w))
                && !COVARIATES_AFTER.contains(&next_word.as_str())
                && !grams
                && !phrase
        })
        .collect();
    let spreads = spreads(clause);
    let mut out = Vec::new();
    // Spreads before the first central word: "SD in parentheses", "values in brackets are 95% CI".
    let first_central = centrals.first().map_or(clause.len(), |c| c.start);
    let leading: Vec<&(usize, usize, Kind)> = spreads.iter().filter(|(s, _, _)| *s < first_central).collect();
    if !leading.is_empty() && centrals.is_empty() {
        let mut d = Declaration { central: None, plus_minus: None, round: None, square: None, scope: scope.clone() };
        for (start, end, kind) in leading {
            place(&mut d, clause, *start, *end, kind.clone(), true);
        }
        if d.says_a_spread() {
            out.push(d);
        }
    }
    for (k, central) in centrals.iter().enumerate() {
        let window_end = centrals.get(k + 1).map_or(clause.len(), |c| c.start);
        let own_scope = match scope {
            Scope::All | Scope::Except(_) => {
                // Parameters named just before the central word, in the same clause part.
                let before_start = if k == 0 { 0 } else { centrals[k - 1].end };
                let before = &clause[before_start..central.start];
                let before = before.rsplit(" or ").next().unwrap_or(before);
                // A declaration in parentheses after a title, "Plasma concentrations and
                // pharmacokinetic parameters of X by dose level (mean ± SD)", declares the
                // whole table; "tmax (median, range)" and "Cmax and AUC (GM, CV%)" the
                // parameters named.
                let named = named_parameters(before, names);
                // A title names concentrations and one parameter word in passing at most; a
                // list of parameters is a scope ("Cmax, AUC0–t, AUC0–∞ and t½ (geometric
                // mean, CV%)").
                let in_passing = named.iter().filter(|c| c.as_str() != "CONC").count() <= 1;
                // (Or after the title's comma: "Exposure and apparent clearance of X by weight
                // band, median (5th–95th percentile)".)
                // (Not after a clause's exception: "Values are mean ± SD, except for tmax of both
                // formulations, median (range)".)
                let exception = before.contains("except") || before.contains(" for ");
                let titled = (before.trim_end().ends_with('(')
                    || before.trim_end().ends_with(',') && k == 0 && !exception)
                    && before.split_whitespace().count() > 5
                    && in_passing;
                let named = if titled { Vec::new() } else { named };
                if named.is_empty() { scope.clone() } else { Scope::Only(named) }
            }
            other => other.clone(),
        };
        let mut d = Declaration {
            central: Some(CENTRALS[central.index].1),
            plus_minus: None,
            round: None,
            square: None,
            scope: own_scope,
        };
        for (start, end, kind) in spreads.iter().filter(|(s, _, _)| *s >= central.end && *s < window_end) {
            place(&mut d, clause, *start, *end, kind.clone(), false);
        }
        // A mark right after the declaration scopes it to the values that carry the mark:
        // "or median (range)*".
        if let Some(mark) = trailing_mark(&clause[central.end..window_end]) {
            d.scope = Scope::Marked(mark);
        }
        out.push(d);
    }
    out
}

/// Puts a spread word at `start..end` of `clause` where the clause's punctuation says:
/// after `±` (or a `±` before it), inside round or square brackets, or, said in words
/// ("medians and interquartile ranges", "SD in parentheses"), for both brackets.
fn place(d: &mut Declaration, clause: &str, start: usize, end: usize, kind: Kind, said_alone: bool) {
    let before = clause[..start].trim_end();
    let after = &clause[end..];
    let open = before.chars().next_back();
    if before.ends_with('±') {
        d.plus_minus.get_or_insert(kind);
        return;
    }
    // The bracket this word is inside: the last unclosed one before it.
    let mut depth_round = 0i32;
    let mut depth_square = 0i32;
    for c in clause[..start].chars() {
        match c {
            '(' => depth_round += 1,
            ')' => depth_round -= 1,
            '[' => depth_square += 1,
            ']' => depth_square -= 1,
            _ => {}
        }
    }
    let words_after: String = after.chars().take(24).collect();
    if said_alone || (depth_round <= 0 && depth_square <= 0 && open != Some('(') && open != Some('[')) {
        // In words: "SD in parentheses", "95% CI in brackets", "and interquartile ranges".
        if words_after.contains("square bracket") || words_after.contains("in brackets") {
            d.square.get_or_insert(kind);
        } else if words_after.contains("parenthes") || words_after.contains("round bracket") {
            d.round.get_or_insert(kind);
        } else if kind.is_interval() {
            d.round.get_or_insert(kind.clone());
            d.square.get_or_insert(kind);
        } else {
            // "mean and SD": printed as ± or in brackets.
            d.plus_minus.get_or_insert(kind.clone());
            d.round.get_or_insert(kind.clone());
            d.square.get_or_insert(kind);
        }
        return;
    }
    if depth_square > 0 && depth_square >= depth_round {
        d.square.get_or_insert(kind);
    } else {
        d.round.get_or_insert(kind);
    }
}

/// A footnote mark printed right after a declaration (`median (range)*`, `mean (95% CI) †`).
fn trailing_mark(rest: &str) -> Option<String> {
    // Past the brackets of the declaration itself.
    let mut depth = 0i32;
    let mut past = 0;
    for (i, c) in rest.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => {
                depth -= 1;
                if depth == 0 {
                    past = i + c.len_utf8();
                }
            }
            _ if depth == 0 && !c.is_whitespace() && past > 0 => break,
            _ => {}
        }
    }
    let tail = rest[past..].trim_start();
    let mark = tail.chars().next()?;
    matches!(mark, '*' | '†' | '‡' | '§' | '¶' | '#').then(|| mark.to_string())
}

/// The declaration a statistic label of a row stub or column header makes on its own
/// (`Mean ± SD`, `Median (range)`, `GM (95% CI)`), scoped to its row or column.
pub(crate) fn label_declaration(label: &str) -> Option<Declaration> {
    declarations(label, &Scope::All, &|_| None).into_iter().find(|d| d.central.is_some())
}

/// Reads a cell of shape `shape` with the first group of `candidates` (most specific
/// first) that holds a declaration able to describe it; `round` and `square` brackets
/// stand in for each other where a declaration says only one. With none, a bare number is
/// a `value` (the central statistic where a declaration gives one and nothing else), `±`
/// a mean with a spread of unknown kind, and a bracketed spread of unknown statistic and
/// kind: nothing is guessed.
pub(crate) fn resolve(shape: Shape, candidates: &[Vec<&Declaration>]) -> Reading {
    let found = first_reading(shape, candidates);
    // A declaration that names the central value but not the spread ("Mean AUC", "Values
    // are means") leaves the spread's kind to a later one that names it for that statistic.
    let unknown_kind = |r: &Reading| matches!(r.dispersion, Some(None)) || matches!(r.interval, Some(None));
    match found {
        Some((k, r)) if unknown_kind(&r) => {
            let later = first_reading(shape, &candidates[k + 1..])
                .map(|(_, later)| later)
                .filter(|later| later.statistic == r.statistic && !unknown_kind(later));
            later.unwrap_or(r)
        }
        Some((_, r)) => r,
        None => unknown(shape),
    }
}

/// The reading of the first group of `candidates` that has one, with the group's index.
fn first_reading(shape: Shape, candidates: &[Vec<&Declaration>]) -> Option<(usize, Reading)> {
    for (k, group) in candidates.iter().enumerate() {
        let fitting: Vec<(&Declaration, Reading)> =
            group.iter().filter_map(|d| reading(d, shape).map(|r| (*d, r))).collect();
        match fitting.as_slice() {
            [] => continue,
            [(_, r)] => return Some((k, r.clone())),
            [(_, first), rest @ ..] => {
                // Several declarations fit: the one whose bracket the cell used, else the
                // reading they agree on.
                let exact: Vec<&Reading> =
                    fitting.iter().filter(|(d, _)| uses_bracket(d, shape)).map(|(_, r)| r).collect();
                if let [one] = exact.as_slice() {
                    return Some((k, (*one).clone()));
                }
                if rest.iter().all(|(_, r)| r == first) {
                    return Some((k, first.clone()));
                }
                return Some((k, unknown(shape)));
            }
        }
    }
    None
}

/// Whether `d` names the bracket the cell printed (not only the other one).
fn uses_bracket(d: &Declaration, shape: Shape) -> bool {
    let bracket = shape.paren.map(|(b, _)| b).or(shape.interval);
    match bracket {
        Some(Bracket::Round) => d.round.is_some(),
        Some(Bracket::Square) => d.square.is_some(),
        None => true,
    }
}

/// What `d` says a cell of `shape` is, when it can describe it.
fn reading(d: &Declaration, shape: Shape) -> Option<Reading> {
    let bracket = |b: Bracket| match b {
        Bracket::Round => d.round.clone().or_else(|| d.square.clone()),
        Bracket::Square => d.square.clone().or_else(|| d.round.clone()),
    };
    // `x ± y` prints a mean whatever a spread-only declaration ("SD in parentheses") says.
    let central = d.central.unwrap_or(if shape.plus_minus { Statistic::Mean } else { Statistic::Unknown });
    let mut r = Reading { statistic: central, dispersion: None, interval: None };
    if !shape.central {
        return None;
    }
    if shape.plus_minus {
        match &d.plus_minus {
            Some(kind) if !kind.is_interval() => r.dispersion = Some(Some(kind.clone())),
            Some(_) => return None,
            // "mean (SD)" read for "6.2 ± 1.1": the ± is the same dispersion.
            None => match d.round.clone().or_else(|| d.square.clone()) {
                Some(kind) if !kind.is_interval() && shape.interval.is_none() => r.dispersion = Some(Some(kind)),
                // A declaration of an interval only ("median (range)") is not of a `±` cell.
                Some(_) => return None,
                None if d.central.is_some() => r.dispersion = Some(None),
                None => return None,
            },
        }
    }
    if let Some((b, percent)) = shape.paren {
        match bracket(b) {
            Some(kind) if !kind.is_interval() => r.dispersion = Some(Some(if percent { Kind::Cv } else { kind })),
            _ if percent && d.central.is_some() => r.dispersion = Some(Some(Kind::Cv)),
            _ => return None,
        }
    }
    if let Some(b) = shape.interval {
        match bracket(b) {
            Some(kind) if kind.is_interval() => r.interval = Some(Some(kind)),
            _ => return None,
        }
    }
    if d.central.is_none() && !shape.plus_minus && shape.paren.is_none() && shape.interval.is_none() {
        return None;
    }
    Some(r)
}

/// The reading of a cell no declaration describes.
fn unknown(shape: Shape) -> Reading {
    let spread = shape.plus_minus || shape.paren.is_some() || shape.interval.is_some();
    let statistic = if !spread {
        Statistic::Value
    } else if shape.plus_minus {
        // `x ± y` prints a mean and its dispersion; which dispersion, the table must say.
        Statistic::Mean
    } else {
        Statistic::Unknown
    };
    let percent = shape.paren.is_some_and(|(_, p)| p);
    Reading {
        statistic,
        dispersion: (shape.plus_minus || shape.paren.is_some()).then(|| percent.then_some(Kind::Cv)),
        interval: shape.interval.map(|_| None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_clause_about_the_ratios_own_statistic_is_skipped() {
        assert!(about_ratios("t/r ratios are ratios of geometric least-squares means"));
        assert!(!about_ratios("accumulation ratios and other parameters are mean ± sd"));
        assert!(
            !declarations("Accumulation ratios and other parameters are mean ± SD.", &Scope::All, &names).is_empty()
        );
        // A clause headed by the ratio rows it speaks of declares theirs, not the groups'.
        assert!(about_ratios("ratio rows: geometric mean ratio (90% ci) from an anova"));
        let said = declarations(
            "Geometric mean (95% CI); ratio rows: geometric mean ratio (90% CI) from an ANOVA.",
            &Scope::All,
            &names,
        );
        assert_eq!(said.len(), 1, "{said:?}");
        assert_eq!(said[0].central, Some(Statistic::GeometricMean));
    }

    fn names(text: &str) -> Option<String> {
        crate::params::parameter_code(text, None).map(str::to_owned)
    }

    /// The words `find` gives, as text.
    fn words<T>(lower: &str, vocabulary: &[(&str, T)], automaton: &AhoCorasick) -> Vec<String> {
        find(lower, vocabulary, automaton).iter().map(|h| lower[h.start..h.end].to_owned()).collect()
    }

    #[test]
    fn find_prefers_the_earlier_longer_word_and_whole_words() {
        // "geometric mean" wins its place over "mean"; "means" over "mean"; "gm" after a
        // digit is still found here (the clause reader drops it as grams).
        let text = "geometric mean, means and mean (sd); amended, sds, 1 gm";
        assert_eq!(words(text, CENTRALS, &CENTRAL_WORDS), ["geometric mean", "means", "mean", "gm"]);
        assert_eq!(words(text, SPREADS, &SPREAD_WORDS), ["sd"]);
        // Overlapping spread words: the earlier in the vocabulary takes the place.
        let text = "standard error of the mean (s.e.m.) or 95% confidence intervals";
        assert_eq!(
            words(text, SPREADS, &SPREAD_WORDS),
            ["standard error of the mean", "s.e.m.", "confidence intervals"]
        );
        assert!(words("", CENTRALS, &CENTRAL_WORDS).is_empty());
    }

    fn show(text: &str) -> String {
        declarations(text, &Scope::All, &names)
            .iter()
            .map(|d| {
                let k = |k: &Option<Kind>| k.as_ref().map_or("-".to_owned(), Kind::name);
                format!(
                    "{} ±{} ({}) [{}] {:?}",
                    d.central.map_or("-", |c| c.as_str()),
                    k(&d.plus_minus),
                    k(&d.round),
                    k(&d.square),
                    d.scope
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn declarations_in_other_languages() {
        // Two-letter abbreviations of the standard deviation after `±` or in brackets.
        insta::assert_snapshot!(show("Paramètres (moyenne ± ET)"), @"mean ±SD (-) [-] All");
        insta::assert_snapshot!(show("Parámetros (media (DE))"), @"mean ±- (SD) [-] All");
        insta::assert_snapshot!(show("Pacientes con otitis media (n = 12)"), @"");
        // Two letters in brackets after anything but the mean's word are an abbreviation.
        insta::assert_snapshot!(show("Dihydroartemisinin–piperaquine (DP) in children"), @"");
        insta::assert_snapshot!(show("Valores expresados como media ± DE, salvo"), @"mean ±SD (-) [-] All");
        insta::assert_snapshot!(show("mediana (intervalo)."), @"median ±- (range) [-] All");
        insta::assert_snapshot!(show("Parametri (media ± DS)"), @"mean ±SD (-) [-] All");
        insta::assert_snapshot!(show("Parâmetros (média ± DP)"), @"mean ±SD (-) [-] All");
        // The mean's word before any spread in brackets.
        insta::assert_snapshot!(show("I valori sono espressi come media (CV%)."), @"mean ±- (CV%) [-] All");
        insta::assert_snapshot!(show("Valores como média (DP)."), @"mean ±- (SD) [-] All");
        insta::assert_snapshot!(show("Datos: media (rango)."), @"mean ±- (range) [-] All");
        // Turkish, Polish and Swedish means; the Turkish SD after `±` (standart sapma).
        insta::assert_snapshot!(show("farmakokinetik parametreleri (ortalama ± SS)"), @"mean ±SD (-) [-] All");
        insta::assert_snapshot!(show("Wartości: średnia ± SD."), @"mean ±SD (-) [-] All");
        insta::assert_snapshot!(show("Värden anges som medelvärde ± SD"), @"mean ±SD (-) [-] All");
        // Not the mean's word of a residence time's definition.
        insta::assert_snapshot!(show("OKS: ortalama kalış süresi"), @"");
        // Not the half-life's `vida media` before a unit in brackets.
        insta::assert_snapshot!(show("Vida media (min)"), @"");
        // A title naming one parameter in passing before its comma declares the whole table.
        insta::assert_snapshot!(
            show("Exposure and apparent clearance of X by body-weight band, median (5th–95th percentile)"),
            @"median ±- (5th-95th percentile) [-] All"
        );
        insta::assert_snapshot!(show("tmax jako medián (rozpětí)"), @"median ±- (range) [-] Only([\"TMAX\"])");
        // German `MW ± SD`; `MW` alone, a molecular weight, declares nothing.
        insta::assert_snapshot!(show("Parameter nach 40 mg (MW ± SD)"), @"mean ±SD (-) [-] All");
        insta::assert_snapshot!(show("Dravolin (MW 412)"), @"");
        // `et` as a word is `and`.
        insta::assert_snapshot!(show("Cmax et AUC des chevaux"), @"");
        // Footnote definitions by one compound word, or with accents, declare nothing.
        insta::assert_snapshot!(show("MW, Mittelwert; SD, Standardabweichung."), @"");
        insta::assert_snapshot!(show("IQR, interkwartielafstand; CL, klaring."), @"");
        insta::assert_snapshot!(show("ET, écart type."), @"");
        insta::assert_snapshot!(show("EIQ, écart interquartile ; ASC, aire sous la courbe."), @"");
        insta::assert_snapshot!(show("IQR, interquartile range."), @"");
    }

    #[test]
    fn declarations_in_captions_and_footnotes() {
        insta::assert_snapshot!(show("Values are mean ± SD."), @"mean ±SD (-) [-] All");
        insta::assert_snapshot!(show("Parameter, GM (GCV%)"), @"geometric_mean ±- (CV%) [-] All");
        insta::assert_snapshot!(show("in dogs (n = 6) and horses (n = 6), M ± m"), @"mean ±SE (-) [-] All");
        insta::assert_snapshot!(show("Data are median [min; max]."), @"median ±- (-) [range] All");
        insta::assert_snapshot!(show("Parameter (x\u{304} ± s)"), @"mean ±SD (-) [-] All");
        insta::assert_snapshot!(show("Data are presented as mean (SD) or median [interquartile range] as appropriate"), @r"
        mean ±- (SD) [-] All
        median ±- (-) [IQR] All
        ");
        insta::assert_snapshot!(show("Values are mean (SD), except median (range) for tmax."), @r#"
        mean ±- (SD) [-] Except(["TMAX"])
        median ±- (range) [-] Only(["TMAX"])
        "#);
        insta::assert_snapshot!(show("Values are mean (95% CI) except tmax, median (range)."), @r#"
        mean ±- (95% CI) [-] Except(["TMAX"])
        median ±- (range) [-] Only(["TMAX"])
        "#);
        insta::assert_snapshot!(
            // (Each excepted parameter's statistic is resolved per value: tmax's cells print a
            // range, Frel's a ± SD.)
            show("Geometric mean (%CV) except tmax: median (min–max), and Frel: arithmetic mean ± SD of individual AUC0–∞ ratios."),
            @r#"
        geometric_mean ±- (CV%) [-] Except(["TMAX", "FREL"])
        median ±- (range) [-] Only(["TMAX", "FREL"])
        mean ±SD (-) [-] Only(["TMAX", "FREL"])
        "#
        );
        insta::assert_snapshot!(show("Values are presented as mean (95% CI) or median (range) *."), @r#"
        mean ±- (95% CI) [-] All
        median ±- (range) [-] Marked("*")
        "#);
        insta::assert_snapshot!(show("Mean ± SD (Range) of Drug Level-to-Dose Ratios"), @"mean ±SD (range) [-] All");
        insta::assert_snapshot!(show("Data are shown as geometric mean (95% CI)."), @"geometric_mean ±- (95% CI) [-] All");
        insta::assert_snapshot!(show("All values expressed as medians and interquartile ranges."), @"median ±- (IQR) [IQR] All");
        // The quartiles' abbreviation in French, and their name in Spanish.
        insta::assert_snapshot!(show("Les valeurs sont exprimées en médiane [EIQ]"), @"median ±- (-) [IQR] All");
        insta::assert_snapshot!(show("Valores expresados como mediana (rango intercuartílico)"), @"median ±- (IQR) [-] All");
        insta::assert_snapshot!(show("mean (CI 95%)"), @"mean ±- (95% CI) [-] All");
        insta::assert_snapshot!(show("Median (25th and 75th percentiles)."), @"median ±- (IQR) [-] All");
        insta::assert_snapshot!(show("SD in parentheses."), @"- ±- (SD) [-] All");
        insta::assert_snapshot!(show("Data are geometric means (geometric CV%), tmax is median (min–max)"), @r#"
        geometric_mean ±- (CV%) [-] All
        median ±- (range) [-] Only(["TMAX"])
        "#);
        insta::assert_snapshot!(show("Standard deviation in weeks."), @"- ±SD (SD) [SD] All");
        insta::assert_snapshot!(show("Cmax, maximum plasma concentration; AUC, area under the curve."), @"");
        // Statistic words that declare nothing: grams, a phrase, the subjects' covariates.
        insta::assert_snapshot!(show("Serum concentrations after a 1 gm dose"), @"");
        insta::assert_snapshot!(show("Concentrations were measured by means of HPLC"), @"");
        // "Means of n animals" declares the means.
        insta::assert_snapshot!(show("Values are means of n = 3 animals."), @"mean ±- (-) [-] All");
        insta::assert_snapshot!(show("Children (median age 34 years, mean body weight 12 kg) received 5 mg/kg"), @"");
        insta::assert_snapshot!(show("GM (CV%)"), @"geometric_mean ±- (CV%) [-] All");
        // Definitions of abbreviations declare nothing, whatever their words; a scoped
        // declaration after a comma still does.
        insta::assert_snapshot!(show("GMR, geometric mean ratio; CI, confidence interval."), @"");
        insta::assert_snapshot!(show("SD = standard deviation"), @"");
        insta::assert_snapshot!(show("Geometric least-squares means."), @"geometric_mean ±- (-) [-] All");
        insta::assert_snapshot!(show("tmax, tlag: median (range)"), @r#"median ±- (range) [-] Only(["TMAX", "TLAG"])"#);
        insta::assert_snapshot!(
            show("Cmax, AUC0–t, AUC0–∞ and t½ (geometric mean, CV%)"),
            @r#"geometric_mean ±- (CV%) [-] Only(["CMAX", "AUCLST", "AUCIFO", "LAMZHL"])"#
        );
        insta::assert_snapshot!(show("tmax, median (range)"), @r#"median ±- (range) [-] Only(["TMAX"])"#);
        // Percentile intervals other than the quartiles.
        insta::assert_snapshot!(show("Values are median (5th–95th percentile)."), @"median ±- (5th-95th percentile) [-] All");
        insta::assert_snapshot!(show("Median (P10–P90)"), @"median ±- (10th-90th percentile) [-] All");
        let marked = declarations(
            "Median (range); all other data expressed as mean (±standard deviation).",
            &Scope::Marked("e".into()),
            &names,
        );
        assert_eq!(marked[0].scope, Scope::Marked("e".into()));
        assert_eq!((marked[1].scope.clone(), marked[1].plus_minus.clone()), (Scope::All, Some(Kind::Sd)));
    }

    fn shape(text: &str) -> Shape {
        shape_of(&crate::parse_cell(text))
    }

    fn read(text: &str, declared: &str) -> String {
        let all = declarations(declared, &Scope::All, &names);
        let refs: Vec<&Declaration> = all.iter().collect();
        let r = resolve(shape(text), &[refs]);
        let k = |k: &Option<Option<Kind>>| match k {
            None => "-".to_owned(),
            Some(None) => "unknown".to_owned(),
            Some(Some(k)) => k.name(),
        };
        format!("{} {} {}", r.statistic.as_str(), k(&r.dispersion), k(&r.interval))
    }

    #[test]
    fn cells_are_read_by_the_declaration_that_fits_their_shape() {
        let both = "Data are presented as mean (SD) or median [interquartile range]";
        assert_eq!(read("0.162 (0.090)", both), "mean SD -");
        assert_eq!(read("0.268 [0.193; 0.493]", both), "median - IQR");
        assert_eq!(read("6.2 ± 1.1", both), "mean SD -", "± stands for the declared dispersion");
        assert_eq!(read("12", both), "value - -", "a bare number under two centrals names none");
        assert_eq!(read("12", "Values are mean ± SD"), "mean - -");
        assert_eq!(read("0.7 ± 0.1 (0.6–0.8)", "Mean ± SD (Range)"), "mean SD range");
        assert_eq!(read("845 (23%)", "Values are mean (SD)"), "mean CV% -");
        assert_eq!(read("5.9 (21.3)", "geometric mean (CV%)"), "geometric_mean CV% -");
        // No declaration: nothing is guessed.
        assert_eq!(read("6.2 (1.1)", ""), "unknown unknown -");
        assert_eq!(read("6.2 (4.1–8.3)", ""), "unknown - unknown");
        assert_eq!(read("6.2 ± 1.1", ""), "mean unknown -");
        assert_eq!(read("6.2", ""), "value - -");
        // A declaration that cannot describe the shape is not used.
        assert_eq!(read("6.2 (4.1–8.3)", "Values are mean ± SD"), "unknown - unknown");
        assert_eq!(read("0.5 (0.25–3.0)", "SD in parentheses"), "unknown - unknown");
        assert_eq!(read("19.2 (4.1)", "SD in parentheses"), "unknown SD -");
    }
}
