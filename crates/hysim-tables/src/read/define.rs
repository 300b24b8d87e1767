//! Parameters a table defines for itself.
//!
//! Convention: a table's caption or footnote defines the symbols it prints, as the ICMJE
//! recommendations ask of every abbreviation in a table ("Abbreviations: C0, trough
//! concentration; C2, concentration 2 h after the dose") or in running text ("trough (C0)
//! and 2-h post-dose (C2) concentrations"). Transplant and antibiotic monitoring tables
//! print such symbols (`C0`, `C2`, `Cpre`), which the vocabulary alone cannot read: `C0` is
//! a trough there but a back-extrapolated initial concentration after an intravenous bolus.
//! A symbol the vocabulary cannot name, or names only ambiguously, is read from its
//! definition: a parameter the vocabulary names by the definition's words, a trough
//! (`pre-dose`), or a concentration at the time it gives. Definitions the vocabulary does
//! not name word for word (`Q/F, apparent intercompartmental clearance`; `EC50,
//! concentration giving half the maximal effect`) define nothing.

use crate::context::has_word;
use crate::fold::lower;
use crate::params::{Route, vocabulary_code};

/// A symbol and what its definition makes it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Definition {
    /// The symbol as printed (`C0`, `C2h`).
    pub(super) symbol: String,
    pub(super) code: &'static str,
    /// The sampling time of a concentration at a time (`2 h`).
    pub(super) time: Option<String>,
}

/// The parameters `text` (a caption and footnote) defines: `SYMBOL, definition`,
/// `SYMBOL = definition`, `SYMBOL: definition` between `;` and sentence ends, and
/// `definition (SYMBOL)` in running text.
pub(super) fn definitions(text: &str, route: Option<Route>) -> Vec<Definition> {
    let mut out: Vec<Definition> = Vec::new();
    let push = |symbol: &str, definition: &str, out: &mut Vec<Definition>| {
        let symbol = symbol.trim();
        if !is_symbol(symbol) || out.iter().any(|d| d.symbol == symbol) {
            return false;
        }
        match read_definition(symbol, definition, route) {
            Some((code, time)) => {
                out.push(Definition { symbol: symbol.to_owned(), code, time });
                true
            }
            None => false,
        }
    };
    // "SYMBOL, definition" pairs, separated by ";" or sentence ends.
    for sentence in sentences(text) {
        let sentence = strip_heading(sentence);
        for part in sentence.split(';') {
            let part = strip_heading(part.trim());
            // At the separator that comes first (`C2: concentration 2 h after the dose, in
            // whole blood` splits at the colon).
            let split = [",", "=", ":", " – ", " - "]
                .iter()
                .filter_map(|sep| part.find(sep).map(|at| (at, sep.len())))
                .min()
                .map(|(at, len)| (&part[..at], &part[at + len..]));
            if let Some((symbol, definition)) = split {
                push(symbol, definition, &mut out);
            }
            // Symbols defined together by a list of times (`T1, T6, T12: 1, 6 and 12 h after
            // ...`, `M1–M6, milkings 12, 24, ... and 72 h after ...`): at the colon, else at
            // the range's comma.
            let listed = part
                .split_once(':')
                .and_then(|(symbols, definition)| listed_times(symbols, definition))
                .or_else(|| part.split_once(", ").and_then(|(symbols, definition)| listed_times(symbols, definition)));
            for (symbol, time) in listed.into_iter().flatten() {
                if !out.iter().any(|d| d.symbol == symbol) {
                    out.push(Definition { symbol, code: "CONC", time: Some(time) });
                }
            }
        }
    }
    // "definition (SYMBOL)": the words before the bracket, back to a clause's start; the
    // longest run of them that reads as a definition.
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else { break };
        let symbol = &rest[open + 1..close];
        let before = clause_before(&rest[..open]);
        let words: Vec<&str> = before.split_whitespace().collect();
        let after = rest[close + 1..].split([',', ';', '.', '(']).next().unwrap_or("");
        for k in words.len().saturating_sub(8)..words.len() {
            let definition = words[k..].join(" ");
            // "2-h post-dose (C2) blood concentrations": the noun may follow the bracket.
            if push(symbol, &definition, &mut out) || push(symbol, &format!("{definition} {after}"), &mut out) {
                break;
            }
        }
        rest = &rest[close + 1..];
    }
    out
}

/// Symbols a note defines together by a list of times (`T1, T6, T12: 1, 6 and 12 h after the
/// start of the infusion`, `M1–M6, milkings 12, 24, 36, 48, 60 and 72 h after the last
/// infusion`): each symbol a concentration at its time, in order; `None` unless as many
/// times as symbols, each symbol a code of letters and digits, and the times after a dose or
/// event.
fn listed_times(symbols: &str, definition: &str) -> Option<Vec<(String, String)>> {
    let symbols = symbols.trim();
    // A range of numbered symbols (`M1–M6`), else a list (`T1, T6 and T12`).
    let range = symbols.split_once(['–', '-']).and_then(|(first, last)| {
        let split = |s: &str| {
            let at = s.find(|c: char| c.is_ascii_digit())?;
            let (letters, number) = s.trim().split_at(at);
            (!letters.is_empty() && letters.chars().all(|c| c.is_ascii_alphabetic()))
                .then_some((letters.to_owned(), number.parse::<u32>().ok()?))
        };
        let ((a, from), (b, to)) = (split(first.trim())?, split(last.trim())?);
        (a == b && from < to && to - from < 24).then(|| (from..=to).map(|n| format!("{a}{n}")).collect::<Vec<_>>())
    });
    let symbols: Vec<String> = match range {
        Some(r) => r,
        None => symbols
            .split([','])
            .flat_map(|p| p.split(" and "))
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect(),
    };
    // (Each a code of letters and digits, `M1`, `T12`, though `M1` also reads as a unit.)
    let code = |s: &str| {
        s.len() <= 6
            && s.starts_with(|c: char| c.is_ascii_uppercase())
            && s.chars().all(|c| c.is_ascii_alphanumeric())
            && s.chars().any(|c| c.is_ascii_digit())
    };
    if symbols.len() < 2 || !symbols.iter().all(|s| code(s)) {
        return None;
    }
    let d = lower(definition);
    if !(d.contains("after") || d.contains("post")) {
        return None;
    }
    // The numbers listed before their unit: `12, 24, 36 and 72 h`.
    let words: Vec<&str> = d.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    let unit_at = words.iter().position(|w| time_unit(w).is_some())?;
    let unit = time_unit(words[unit_at])?;
    let numbers: Vec<&str> = words[..unit_at]
        .iter()
        .rev()
        .take_while(|w| **w == "and" || w.parse::<f64>().is_ok())
        .filter(|w| **w != "and")
        .copied()
        .collect();
    if numbers.len() != symbols.len() {
        return None;
    }
    Some(symbols.into_iter().zip(numbers.into_iter().rev()).map(|(s, n)| (s, format!("{n} {unit}"))).collect())
}

/// What a definition makes a symbol: the code, and the time of a concentration at a time.
fn read_definition(symbol: &str, definition: &str, route: Option<Route>) -> Option<(&'static str, Option<String>)> {
    // Without an article: "the apparent oral clearance" is "apparent oral clearance".
    let definition = definition.trim().trim_end_matches('.');
    let definition =
        ["the ", "The ", "a ", "an "].iter().find_map(|a| definition.strip_prefix(a)).unwrap_or(definition);
    let d = lower(definition);
    if d.is_empty() || d.split_whitespace().count() > 14 {
        return None;
    }
    if let Some(code) = vocabulary_code(definition, route) {
        return Some((code, None));
    }
    // The area over the dosing interval in words (`area under the curve over the 24-h dosing
    // interval`): AUCτ, whatever interval the symbol prints (`AUC0–24`).
    if crate::params::parameter_code(definition, route) == Some("AUCTAU") {
        return Some(("AUCTAU", None));
    }
    // A ratio of two specimens in words (`umbilical vein to maternal plasma ratio`, `ratio
    // of milk to plasma concentrations`).
    let pair = d
        .strip_suffix(" ratio")
        .or_else(|| d.strip_suffix(" concentration ratio"))
        .and_then(|r| r.split_once(" to "))
        .or_else(|| d.strip_prefix("ratio of ").and_then(|r| r.split_once(" to ")));
    if let Some((numerator, denominator)) = pair
        && !crate::context::matrices_in(numerator).is_empty()
        && !crate::context::matrices_in(denominator).is_empty()
        && let Some(code) = super::specimen_pair_ratio_code(numerator, denominator)
    {
        return Some((code, None));
    }
    // A symbol of a concentration (`C0`, `C2`, `Cpre`) or a definition that says so; not an
    // area under its curve (`concentration versus time curve from 0 to 4 h`).
    let concentration = symbol.starts_with(['C', 'c'])
        || is_monitoring_word(symbol)
        || has_word(&d, &["concentration", "concentrations", "level", "levels"]);
    // (An area in the languages whose tables print these symbols too: `área sob a curva`,
    // `aire sous la courbe`, `Fläche unter der Kurve`.)
    if !concentration
        || has_word(&d, &["area", "curve", "auc", "área", "aire", "fläche", "curva", "courbe", "kurve", "oppervlak"])
    {
        return None;
    }
    // Extrapolated back to time zero (`C0, concentration extrapolated to time zero`,
    // `concentração extrapolada ao tempo zero`, `concentration extrapolée au temps zéro`,
    // `auf den Zeitpunkt null extrapolierte Konzentration`, `ekstrapolasyon`): the initial concentration of an
    // intravenous dose.
    // (To time zero, in any of these languages: not a value extrapolated where not sampled.)
    let zero = ["zero", "zéro", "cero", "null", "nul", "sıfır", " 0"].iter().any(|z| d.contains(z));
    if zero && ["extrapol", "estrapol", "ekstrapol"].iter().any(|stem| d.contains(stem)) {
        return Some(("C0", None));
    }
    // (Drawn before the dose, `pre-dose trough`: its time too.)
    let before = has_word(&d, &["pre-dose", "predose", "pre-dosing", "pre-infusion"])
        // "before the (next, morning) dose", "before dosing"
        || d.contains("before") && (d.contains("dose") || d.contains("dosing") || d.contains("infusion"));
    if before {
        return Some(("CTROUGH", Some("pre-dose".to_owned())));
    }
    if has_word(&d, &["trough"]) {
        return Some(("CTROUGH", None));
    }
    // Other kinds of concentration the vocabulary names word for word, or none.
    if has_word(&d, &["maximum", "maximal", "peak", "minimum", "average"]) {
        return None;
    }
    time_after_dose(&d).map(|time| ("CONC", Some(time)))
}

/// The time after the dose a definition names: `2 h after the dose`, `2-h post-dose`, `at
/// 12 hours post-dosing`, `6 h after the start of the infusion`.
fn time_after_dose(d: &str) -> Option<String> {
    if !(d.contains("after") || d.contains("post")) {
        return None;
    }
    let words: Vec<&str> =
        d.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')')).filter(|w| !w.is_empty()).collect();
    for (k, w) in words.iter().enumerate() {
        // "2-h" and "2h" as one word, "2 h" as two.
        let (number, unit) = match w.split_once('-') {
            Some((n, u)) if !n.is_empty() && !u.is_empty() => (n, Some(u)),
            _ => match w.find(|c: char| c.is_alphabetic()) {
                Some(i) if i > 0 => (&w[..i], Some(&w[i..])),
                _ => (*w, words.get(k + 1).copied()),
            },
        };
        if number.parse::<f64>().is_ok_and(|n| n > 0.0)
            && let Some(unit) = unit.and_then(time_unit)
        {
            return Some(format!("{number} {unit}"));
        }
    }
    None
}

fn time_unit(word: &str) -> Option<&'static str> {
    super::labels::bare_time_unit(word).filter(|u| *u != "day")
}

/// A symbol as tables print one: short, one word, starting with a capital, with another
/// capital or a digit in it (`C0`, `C2h`, `AUC`, `CL/F`), or a concentration's `C` and its
/// subscript (`Cpre`); not a unit (`mg/L`), a word of prose (`Data`) or a hyphenated word
/// (`pre-dose`).
fn is_symbol(s: &str) -> bool {
    // Not a unit (`mg/L`, `ng/mL`), which a caption's brackets also hold.
    if s.is_empty() || hysim_units::Unit::parse(s).is_ok() {
        return false;
    }
    // The words of therapeutic monitoring that a footnote times (`Peak: 4 h after the
    // morning dose`, `Trough, immediately before the next dose`).
    if is_monitoring_word(s) {
        return true;
    }
    // A concentration's symbol with its subscript in lower case (`Cpre`, `Ctrough`).
    let concentration =
        s.starts_with('C') && (2..=8).contains(&s.len()) && s[1..].chars().all(|c| c.is_ascii_lowercase());
    if concentration {
        return true;
    }
    // (A parameter's single letter, `Q, intercompartmental clearance`, `F, bioavailability`;
    // what it stands for is the vocabulary's to read.)
    if s.len() == 1 && s.chars().all(|c| c.is_ascii_uppercase()) {
        return true;
    }
    s.chars().next().is_some_and(char::is_uppercase)
        && s.len() <= 12
        && !s.contains(char::is_whitespace)
        && s.chars().skip(1).any(|c| c.is_uppercase() || c.is_ascii_digit())
        && s.chars().all(|c| c.is_alphanumeric() || matches!(c, ',' | '/' | '-' | '∞' | '–' | '_'))
}

/// `Peak` or `Trough` (any case, singular or plural), which monitoring tables print as
/// column headers and define by their sampling time.
pub(super) fn is_monitoring_word(s: &str) -> bool {
    matches!(lower(s).as_str(), "peak" | "peaks" | "trough" | "troughs")
}

/// Sentences of a note: split at a full stop before a space or the end, not inside a
/// number (`0.5 h`).
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(". ").flat_map(|s| s.split(".\n")).map(|s| s.trim().trim_end_matches('.'))
}

/// A note without its heading: `Abbreviations: C0, ...` is `C0, ...`.
fn strip_heading(part: &str) -> &str {
    for heading in ["Abbreviations:", "Abbreviation:", "abbreviations:", "Definitions:"] {
        if let Some(rest) = part.trim().strip_prefix(heading) {
            return rest.trim();
        }
    }
    part.trim()
}

/// The words of `text` after its last clause break (`,`, `;`, `:`, `and`, `or`, a bracket).
fn clause_before(text: &str) -> &str {
    let cut = text.rfind([',', ';', ':', '(', ')', '.']).map_or(0, |i| i + 1);
    let text = &text[cut..];
    let lower = lower(text);
    let cut = [" and ", " or ", " of "].iter().filter_map(|w| lower.rfind(w).map(|i| i + w.len())).max().unwrap_or(0);
    text.get(cut..).unwrap_or(text).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, &'static str, Option<String>)> {
        definitions(text, None).into_iter().map(|d| (d.symbol, d.code, d.time)).collect()
    }

    #[test]
    fn abbreviations_in_a_footnote_define_trough_and_timed_concentrations() {
        assert_eq!(
            read("Abbreviations: C0, trough concentration; C2, concentration 2 h after the dose."),
            [("C0".to_owned(), "CTROUGH", None), ("C2".to_owned(), "CONC", Some("2 h".to_owned()))]
        );
        assert_eq!(
            read("C0 = concentration before the morning dose. C4 = blood level 4 hours post-dose"),
            [
                ("C0".to_owned(), "CTROUGH", Some("pre-dose".to_owned())),
                ("C4".to_owned(), "CONC", Some("4 h".to_owned()))
            ]
        );
        // Drawn before the dose, the trough's time too; `trough` alone says no time.
        assert_eq!(read("C0, pre-dose trough; C2, 2 h after the morning dose")[0].2.as_deref(), Some("pre-dose"));
    }

    #[test]
    fn definitions_in_running_text_before_the_symbol() {
        assert_eq!(
            read("Ciclosporin trough (C0) and 2-h post-dose (C2) blood concentrations in renal transplant recipients"),
            [("C0".to_owned(), "CTROUGH", None), ("C2".to_owned(), "CONC", Some("2 h".to_owned()))]
        );
        assert_eq!(
            read("the apparent oral clearance (CLpo) and terminal half-life (THL)"),
            [("CLpo".to_owned(), "CLFO", None), ("THL".to_owned(), "LAMZHL", None)]
        );
    }

    #[test]
    fn a_concentration_extrapolated_to_time_zero_in_any_language() {
        assert_eq!(
            read("C0, concentration extrapolated to time zero; MRT, mean residence time"),
            [("C0".to_owned(), "C0", None)]
        );
        assert_eq!(
            read("C0, concentração extrapolada ao tempo zero; DP, desvio-padrão"),
            [("C0".to_owned(), "C0", None)]
        );
        // Not an area extrapolated (`AUCextr`), in English or not, nor a value extrapolated
        // where not sampled.
        assert!(read("AUC%extr, área sob a curva extrapolada").is_empty());
        assert!(!read("C24, concentration at 24 h, extrapolated where not sampled").iter().any(|(_, c, _)| *c == "C0"));
    }

    #[test]
    fn symbols_defined_together_by_a_list_of_times() {
        let times = |text: &str| -> Vec<(String, Option<String>)> {
            definitions(text, None).into_iter().map(|d| (d.symbol, d.time)).collect()
        };
        let pair = |s: &str, t: &str| (s.to_owned(), Some(t.to_owned()));
        assert_eq!(
            times("T1, T6, T12: 1, 6 and 12 h after the start of a 30-min infusion of 1 g."),
            [pair("T1", "1 h"), pair("T6", "6 h"), pair("T12", "12 h")]
        );
        assert_eq!(
            times("M1–M6, milkings 12, 24, 36, 48, 60 and 72 h after the last infusion. LF, left fore."),
            [
                pair("M1", "12 h"),
                pair("M2", "24 h"),
                pair("M3", "36 h"),
                pair("M4", "48 h"),
                pair("M5", "60 h"),
                pair("M6", "72 h")
            ]
        );
        // As many times as symbols, and after a dose or event.
        assert!(times("T1, T2, T3: 1 and 6 h after the dose").is_empty());
        assert!(times("G1, G2: 10 and 20 mg/kg").is_empty());
    }

    #[test]
    fn a_colon_before_a_comma_and_a_mean_trough() {
        assert_eq!(
            read("C2: concentration 2 h after the dose, in whole blood; C0: mean trough concentration"),
            [("C2".to_owned(), "CONC", Some("2 h".to_owned())), ("C0".to_owned(), "CTROUGH", None)]
        );
    }

    #[test]
    fn units_and_areas_are_no_symbols_defined() {
        // The caption's unit in brackets after a trough; an area over an interval.
        assert!(read("Vancomycin trough concentrations (mg/L) in neonates").is_empty());
        assert!(read("AUCx, area under the concentration versus time curve from 0 to 4 h after the dose").is_empty());
    }

    #[test]
    fn words_and_analytes_define_no_parameter() {
        // An analyte's abbreviation, a group, prose.
        assert!(read("ODV, O-desmethylvenlafaxine; HV, healthy volunteers").is_empty());
        assert!(read("Data are mean (SD). Values in bold differ from placebo").is_empty());
        assert!(read("Patients (n = 12) received 5 mg/kg").is_empty());
        // Quantities the vocabulary does not name word for word.
        assert!(
            read("Q/F, apparent intercompartmental clearance; EC50, concentration giving half the maximal effect")
                .is_empty()
        );
    }
}
