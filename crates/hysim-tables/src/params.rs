//! PK parameter names as printed → canonical codes (CDISC PPTESTCD where one exists), with
//! the unit family each code's values belong to and the class the numeric protocol scores
//! it in.
//!
//! The vocabulary is one data file, `data/pk-parameters.tsv` ([`VOCABULARY`]), which states
//! its source (the CDISC SDTM PP codelists PKPARMCD and PKPARM, with the spellings the
//! literature uses). Names are compared
//! after normalisation: lower case, the unit in parentheses or after a comma removed,
//! spaces, dots and subscript markup dropped, `½` → `1/2`, `∞` → `inf`, Greek letters
//! spelled out, and the encoding damage of the curated files (`AUC0-ì`, `t1/2à`) repaired.
//! Ambiguous names are resolved by the route when one is known (`Vd`, `MRT`), else left
//! unmapped: nothing is guessed.

use hysim_units::Family;

/// Route of administration, as far as the parameter codes care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Intravascular (IV bolus or infusion).
    Intravascular,
    /// Extravascular (oral, IM, SC, ...).
    Extravascular,
}

/// Splits a label into its name and a trailing parenthesised or bracketed part, matching
/// nested parentheses (`ClT/F (ml/(min kg))`) and ignoring footnote marks after it
/// (`tmax (h)*`).
pub fn split_trailing_group(label: &str) -> (&str, Option<&str>) {
    let trimmed = label.trim().trim_end_matches(['*', '†', '‡', '§', ' ']);
    let Some(last) = trimmed.chars().last().filter(|c| matches!(c, ')' | ']')) else {
        return (label.trim(), None);
    };
    let (open, close) = if last == ')' { ('(', ')') } else { ('[', ']') };
    let mut depth = 0i32;
    for (i, c) in trimmed.char_indices().rev() {
        if c == close {
            depth += 1;
        } else if c == open {
            depth -= 1;
            if depth == 0 {
                return (trimmed[..i].trim_end(), Some(&trimmed[i + 1..trimmed.len() - close.len_utf8()]));
            }
        }
    }
    (label.trim(), None)
}

/// A header's name and the unit on its second line, after a space (`Cmax<br/>ng/mL` read as
/// `Cmax ng/mL`, `AUC0-t ng·h/mL`): a unit of a quantity per another, or hours, days or
/// weeks after a one-word name (`tmax h`). Not minutes (`C min`, `Css min` are troughs).
pub fn unit_after_space(label: &str) -> Option<(&str, &str)> {
    let (name, last) = label.trim_end().rsplit_once(char::is_whitespace)?;
    let name = name.trim_end();
    let per = last.contains(['/', '·']) && hysim_units::Unit::parse(last).is_ok();
    let time = matches!(last, "h" | "hr" | "hrs" | "hours" | "days" | "weeks") && !name.contains(char::is_whitespace);
    ((per || time) && !name.is_empty()).then_some((name, last))
}

/// Normalises a header for lookup.
/// The ways a unit of hours and minutes is written (`Time of peak, h:min`, `tmax (hh:mm)`):
/// durations the reader reads in hours.
pub(crate) const HOURS_MINUTES: &[&str] = &["h:min", "hh:mm", "h:mm", "hr:min", "hours:minutes"];

pub fn normalise_name(text: &str) -> String {
    // A trailing unit: "Cmax (ng/mL)", "Cmax [ng/mL]", "Cmax, ng/mL" (only when the part
    // removed reads as a unit, so "AUC(0-12)" and "Css,av" stay whole).
    let is_unit = |part: &str| hysim_units::Unit::parse(part).is_ok();
    let mut s = match split_trailing_group(text) {
        (name, Some(group)) if is_unit(group) && !name.is_empty() => crate::fold::lower(name),
        _ => text.trim().trim_end_matches(['*', '†', '‡', '§']).to_lowercase(),
    };
    // (Not an interval after the comma, `AUCins,0–24h`, which would read as hours; a
    // factored unit, `Cmax,ss, 10^3 ng/mL`, is one.)
    let interval = |t: &str| {
        let t = t.trim_start();
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && t[digits..].starts_with(['-', '–', '—', '−'])
    };
    // (Or a percentage of the dose: `Urinary recovery, % of dose`.)
    let of_dose = |t: &str| {
        let t = t.trim();
        t.strip_prefix('%')
            .is_some_and(|rest| rest.trim().trim_start_matches("of").trim().trim_start_matches("the").trim() == "dose")
    };
    // (Or hours and minutes: `Time of peak, h:min`.)
    let clock = |t: &str| HOURS_MINUTES.contains(&t.trim());
    // (Nor a concentration's minimum: `Css,min` is no steady state in minutes, as `tmax,
    // min` is a time in minutes.)
    // (A symbol, `Css`, `Cmax`: not words, `Collection time, min`.)
    let minimum = |head: &str, t: &str| {
        let head = head.trim();
        t.trim() == "min" && head.starts_with(['c', 'C']) && !head.contains(' ') && head.len() <= 8
    };
    if let Some(i) = s.rfind(',')
        && (is_unit(&s[i + 1..]) || of_dose(&s[i + 1..]) || clock(&s[i + 1..]))
        && !interval(&s[i + 1..])
        && !minimum(&s[..i], &s[i + 1..])
    {
        s.truncate(i);
    }
    if let Some((name, _)) = unit_after_space(&s) {
        s = name.to_owned();
    }
    // One pass: symbols spelled out, dashes unified, spaces and marks dropped.
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '½' => out.push_str("1/2"),
            '∞' | 'ì' => out.push_str("inf"),
            'à' if out.ends_with("t1/2") => out.push_str("alpha"),
            'λ' => out.push_str("lambda"),
            'α' => out.push_str("alpha"),
            'β' | 'ß' => out.push_str("beta"),
            'γ' => out.push_str("gamma"),
            'τ' => out.push_str("tau"),
            'θ' => out.push_str("theta"),
            '–' | '—' | '−' | '‐' => out.push('-'),
            c if c.is_whitespace() || matches!(c, '.' | '_' | '*' | '†' | '‡' | '§') => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter symbol as tables in French, Spanish, Italian and Portuguese print it, in
/// its English spelling: the accented `Cmáx`, `Tmáx`, `Cmín`; the area under the curve as
/// `ASC` (aire sous la courbe, área sob a curva) or `ABC` (área bajo la curva) with its
/// interval (`ASC0–∞`, `ABC0-t`); the mean residence time as `TRM` (temps de résidence
/// moyen) or `TMR` (tiempo medio de residencia, tempo médio de residência). Only a
/// spelling the vocabulary then knows is taken (`ABCB1` stays a gene), and a bare `ABC`
/// (abacavir) or `ASC` not at all.
fn foreign_symbol(normalised: &str) -> Option<String> {
    // (Turkish `Cmaks`, `tmaks` too; a peak or trough named after the `C` in Italian,
    // Spanish, Portuguese, Dutch and German: `Cpicco`, `Cvalle`, `Cpico`, `Cdal`; not the
    // short `pic` and `tal`, which `CPIC` and others spell.)
    let accents = normalised.replace("máx", "max").replace("mín", "min").replace("maks", "max");
    let peak_trough = [
        ("picco", "peak"),
        ("pico", "peak"),
        ("piek", "peak"),
        ("spitze", "peak"),
        ("valle", "trough"),
        ("vale", "trough"),
        ("dal", "trough"),
        ("résiduelle", "trough"),
    ];
    if let Some(rest) = accents.strip_prefix('c')
        && let Some((_, english)) = peak_trough
            .iter()
            .find(|(w, _)| rest == *w || rest.strip_prefix(w).is_some_and(|r| r.starts_with([',', '('])))
    {
        return Some(format!("c{english}{}", &rest[rest.find([',', '(']).unwrap_or(rest.len())..]));
    }
    // (Bare `ABC` is abacavir, `ASC` no area: the area only with an interval after it,
    // `ABC0–t`. `TMR` alone is the residence time of Spanish, Portuguese and French tables,
    // though English imaging tables also print a tumour-to-muscle ratio so.)
    let symbol = |prefix: &str, english: &str| {
        let rest = accents.strip_prefix(prefix).filter(|r| !r.is_empty() || matches!(prefix, "trm" | "tmr"))?;
        rest.chars()
            .next()
            .is_none_or(|c| {
                !c.is_alphabetic()
                    || rest.starts_with("inf")
                    || rest.starts_with("last")
                    || rest.starts_with("tau")
                    || rest.starts_with("ss")
                    || rest == "t"
            })
            .then(|| format!("{english}{rest}"))
    };
    // (Turkish `EAA0–∞`, eğri altındaki alan; `OKS0–∞`, ortalama kalış süresi: with their
    // interval only.)
    symbol("asc", "auc")
        .or_else(|| symbol("abc", "auc"))
        .or_else(|| symbol("eaa", "auc"))
        .or_else(|| accents.strip_prefix("oks").filter(|r| !r.is_empty()).and_then(|_| symbol("oks", "mrt")))
        .or_else(|| symbol("trm", "mrt"))
        .or_else(|| symbol("tmr", "mrt"))
        .or_else(|| (accents != normalised).then_some(accents.clone()))
}

/// The canonical code of a parameter name, or `None` when it is not a PK parameter or is
/// ambiguous without the route.
pub fn parameter_code(name: &str, route: Option<Route>) -> Option<&'static str> {
    // The reader asks this of every row and column label, often more than once: answered
    // per route from a per-thread cache.
    thread_local! {
        static NONE: crate::memo::Cache<Option<&'static str>> = Default::default();
        static INTRAVASCULAR: crate::memo::Cache<Option<&'static str>> = Default::default();
        static EXTRAVASCULAR: crate::memo::Cache<Option<&'static str>> = Default::default();
    }
    let cache = match route {
        None => &NONE,
        Some(Route::Intravascular) => &INTRAVASCULAR,
        Some(Route::Extravascular) => &EXTRAVASCULAR,
    };
    crate::memo::cached(cache, name, |name| parameter_code_uncached(name, route))
}

fn parameter_code_uncached(name: &str, route: Option<Route>) -> Option<&'static str> {
    // The amount excreted given as a percentage of the dose (`Ae (% of dose)`, `Ae0–24 (%)`)
    // is the fraction excreted.
    let percent =
        || split_trailing_group(name).1.is_some_and(|g| g.trim_start().starts_with('%') || g.contains("percent"));
    // (Two names written out as alternatives, `CL/F or CL`: the route's, before whatever
    // the words together might read as.)
    if split_trailing_group(name).0.contains(" or ")
        && let Some(code) = one_of_alternatives(name, route)
    {
        return Some(code);
    }
    match name_code(name, route) {
        Some("RCAMINT") if percent() => Some("RCPCINT"),
        Some("RCAMTAU") if percent() => Some("RCPCTAU"),
        None => one_of_alternatives(name, route)
            .or_else(|| symbol_at_when(name, route))
            .or_else(|| symbol_during_therapy(name, route))
            .or_else(|| symbol_in_specimen(name, route))
            .or_else(|| symbol_after_event(name, route))
            .or_else(|| symbol_by_route(name).map(|(code, _)| code)),
        code => code,
    }
}

/// The route a parameter's label qualifies its symbol by (`AUC0–∞,iv`: `IV`; `Cmax,po`:
/// `PO`), the record's route beside the other route's row.
pub(crate) fn route_qualifier(name: &str) -> Option<&'static str> {
    symbol_by_route(name).map(|(_, route)| route)
}

/// A symbol with the route it was estimated after as a qualifier (`AUC0–∞,iv`, `Cmax,po`,
/// `CL, iv`, `AUCiv`, as preclinical tables of intravenous and oral dosing print them side
/// by side): the symbol's code for that route, and the route's code.
fn symbol_by_route(name: &str) -> Option<(&'static str, &'static str)> {
    let (head, unit) = split_trailing_group(name);
    let lower = crate::fold::lower(head.trim());
    const QUALIFIERS: &[(&str, Route, &str)] = &[
        ("iv", Route::Intravascular, "IV"),
        ("i.v.", Route::Intravascular, "IV"),
        ("po", Route::Extravascular, "PO"),
        ("p.o.", Route::Extravascular, "PO"),
        ("oral", Route::Extravascular, "PO"),
    ];
    QUALIFIERS.iter().find_map(|(q, route, code)| {
        let symbol = lower.strip_suffix(q)?;
        // (After a comma, or glued to a symbol's end: `AUC0–∞iv`; not after a space, `Cmax
        // IV` is treatment IV of a crossover, nor a word ending so, `Tempo`.)
        let symbol = match symbol.trim_end().strip_suffix(',') {
            Some(s) => s.trim_end(),
            None if symbol.ends_with(['∞', 'c', 'x']) || symbol.ends_with(|c: char| c.is_ascii_digit()) => symbol,
            None => return None,
        };
        if symbol.is_empty() {
            return None;
        }
        let symbol = match unit {
            Some(u) => format!("{symbol} ({u})"),
            None => symbol.to_owned(),
        };
        name_code(&symbol, Some(*route)).map(|c| (c, *code))
    })
}

/// A symbol with when it was drawn or reached after `at` (`Css at 23 h (µmol/L)`, `Cmax at
/// steady state`, `AUC0–24 at week 12`): the symbol's code; the time is the label's to
/// read.
fn symbol_at_when(name: &str, route: Option<Route>) -> Option<&'static str> {
    let lower = crate::fold::lower(name);
    let at = lower.find(" at ")?;
    let when = lower[at + 4..].trim_start();
    let timed = when.starts_with(|c: char| c.is_ascii_digit())
        || ["steady state", "steady-state", "day ", "week ", "month ", "cycle "].iter().any(|w| when.starts_with(w));
    let head = &name[..at];
    (timed && !head.trim().is_empty()).then(|| name_code(head, route)).flatten()
}

/// A symbol with the event it was estimated after (`t1/2 after removal (h)`, a patch's;
/// `t½ after the last dose`, `Cmax after the first infusion`): the symbol's code; the event
/// is the label's.
fn symbol_after_event(name: &str, route: Option<Route>) -> Option<&'static str> {
    let (head, _) = split_trailing_group(name);
    let lower = crate::fold::lower(head);
    let at = lower.find(" after ")?;
    let symbol = head[..at].trim();
    // (A symbol, short: not `Time after dose`, a sampling time's header.)
    (!symbol.is_empty() && symbol.split_whitespace().count() <= 2).then(|| name_code(symbol, route)).flatten()
}

/// A symbol with the specimen it was estimated in after `in` (`t½ in CSF (h)`, `Cmax in
/// milk`, German `t½ im Liquor`, French `dans le`, Spanish `en`, Italian `nel`): the
/// symbol's code; the specimen is the label's to read.
fn symbol_in_specimen(name: &str, route: Option<Route>) -> Option<&'static str> {
    let (head, _) = split_trailing_group(name);
    let lower = crate::fold::lower(head);
    [" in ", " im ", " dans le ", " dans la ", " en ", " nel ", " nella ", " no ", " na "].iter().find_map(|word| {
        let at = lower.find(word)?;
        let (symbol, specimen) = (&head[..at], head[at + word.len()..].trim());
        // (The whole rest a specimen's name, three words at most: `CSF`, `Liquor`, `the
        // vitreous humour`; not a route after `im`, nor a clause that mentions one.)
        let specimen = specimen.strip_prefix("the ").unwrap_or(specimen);
        let named = specimen.split_whitespace().count() <= 3 && crate::context::matrices_in(specimen).len() == 1;
        (!symbol.trim().is_empty() && named).then(|| name_code(symbol.trim(), route)).flatten()
    })
}

/// A symbol with the period of an extracorporeal therapy it was measured in (`t½
/// interdialytic (h)`, `t½ intradialytic`, `CL off dialysis`, `t½, on HD`, `CL during
/// CRRT`): the symbol's code; the period is the label's.
fn symbol_during_therapy(name: &str, route: Option<Route>) -> Option<&'static str> {
    const THERAPIES: &[&str] = &[
        "dialysis",
        "haemodialysis",
        "hemodialysis",
        "hd",
        "crrt",
        "cvvh",
        "cvvhd",
        "cvvhdf",
        "ecmo",
        "cpb",
        "bypass",
        "pd",
    ];
    let (head, unit) = split_trailing_group(name);
    // (One label's words, its unit last: under a header, `t½ (h)` over `off HD | on HD`, the
    // period is the column's group.)
    if head.contains(" / ") || head.contains(')') {
        return None;
    }
    let lower = crate::fold::lower(head);
    let words: Vec<&str> = lower.split_whitespace().collect();
    let at = words.iter().position(|w| {
        matches!(w.trim_matches(','), "interdialytic" | "intradialytic" | "on" | "off" | "during" | "between")
    })?;
    let rest: Vec<&str> = words[at..].iter().map(|w| w.trim_matches(',')).collect();
    let period = match rest.as_slice() {
        ["interdialytic" | "intradialytic"] => true,
        [_, therapy] | [_, "a" | "the", therapy] => THERAPIES.contains(therapy),
        _ => false,
    };
    if !period || at == 0 {
        return None;
    }
    let symbol = words[..at].join(" ");
    let symbol = symbol.trim_end_matches(',');
    name_code(&format!("{symbol}{}", unit.map_or(String::new(), |u| format!(" ({u})"))), route)
}

/// A normalised name without the collection interval in brackets at its end
/// (`urinaryrecovery(0-48h)` is `urinaryrecovery`).
fn without_interval(name: &str) -> &str {
    let Some(inner) = name.strip_suffix(')').and_then(|n| n.rsplit_once('(')).map(|(_, inner)| inner) else {
        return name;
    };
    let bare = inner.trim_end_matches(['h', 'r', 's']).trim_end_matches("min");
    let interval = bare.split_once('-').is_some_and(|(a, b)| {
        !a.is_empty() && a.chars().all(|c| c.is_ascii_digit()) && !b.is_empty() && b.chars().all(|c| c.is_ascii_digit())
    });
    if interval { &name[..name.len() - inner.len() - 2] } else { name }
}

/// The symbol of an area under the curve named in words (normalised, spaces dropped):
/// `areaunderthecurvefromzerotoinfinity` is `auc0-inf`, `...tothelastmeasurableconcentration`
/// `auc0-t`, `...from0to24h` `auc0-24`, and the words alone `auc`.
fn auc_in_words(normalised: &str) -> Option<String> {
    const AREA: &[&str] = &["areaunderthe", "areaunder"];
    const SPECIMENS: &[&str] = &["plasma", "serum", "blood", "whole-blood", ""];
    const CURVES: &[&str] =
        &["concentration-timecurve", "concentration-versus-timecurve", "concentrationtimecurve", "curve"];
    let rest = AREA.iter().find_map(|a| normalised.strip_prefix(a))?;
    let rest = SPECIMENS.iter().find_map(|s| {
        let after = rest.strip_prefix(s)?;
        CURVES.iter().find_map(|c| after.strip_prefix(c))
    })?;
    if rest.is_empty() {
        return Some("auc".to_owned());
    }
    // Over the dosing interval (`... curve over the 24-h dosing interval`, `... during one
    // dosing interval`): the area over τ.
    let over = ["over", "during", "within", "across"].iter().find_map(|w| rest.strip_prefix(w));
    if let Some(over) = over {
        let over = ["the", "a", "one"].iter().find_map(|w| over.strip_prefix(w)).unwrap_or(over);
        let hours = over.trim_start_matches(|c: char| c.is_ascii_digit());
        let over = if hours.len() < over.len() { hours.trim_start_matches(['-', 'h']) } else { over };
        if over == "dosinginterval" || over == "dosageinterval" {
            return Some("auctau".to_owned());
        }
    }
    // (The interval in brackets: `Area under curve (0–∞)`.)
    let rest = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')).unwrap_or(rest);
    let rest = rest.strip_prefix("from").unwrap_or(rest);
    let rest = ["timezero", "zero", "time0", "0", "dosing"].iter().find_map(|z| rest.strip_prefix(z)).unwrap_or(rest);
    let end = rest.strip_prefix("to").or_else(|| rest.strip_prefix("-"))?;
    let end = end.strip_prefix("the").unwrap_or(end);
    if ["infinity", "inf", "infinite"].contains(&end) || end.starts_with("infinity") {
        return Some("auc0-inf".to_owned());
    }
    // (`last measurable concentration`, `last quantifiable sample`, `time of the last ...`.)
    if end.starts_with("last") || end.starts_with("timeofthelast") || end.starts_with("timeoflast") {
        return Some("auc0-t".to_owned());
    }
    let hours = end.trim_end_matches(['h', 'r', 's']).trim_end_matches("hour").trim_end_matches("hou");
    (!hours.is_empty() && hours.chars().all(|c| c.is_ascii_digit())).then(|| format!("auc0-{hours}"))
}

/// One quantity under two names printed as alternatives (`λz / β`, `t½λz / t½β`: the
/// model-independent and the compartmental estimate in one row): the first name's code,
/// where every name is of the same class.
fn one_of_alternatives(name: &str, route: Option<Route>) -> Option<&'static str> {
    let (name, unit) = split_trailing_group(name);
    // (Or written out, one for each route: `CL/F or CL`, `Vss or Vz/F`: the route's, the
    // apparent one after an extravascular dose; not with the routes in brackets, `CL (IV) or
    // CL/F (SC)`.)
    let worded = name.contains(" or ") && !name.contains('(');
    let parts: Vec<&str> = if worded { name.split(" or ") } else { name.split(" / ") }.map(str::trim).collect();
    if parts.len() < 2 || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    // (The initial concentration after an intravenous dose beside the peak after the
    // others, `C0 or Cmax`: the route's.)
    if worded && let [a, b] = parts.as_slice() {
        let pair = [normalise_name(a), normalise_name(b)];
        if pair.contains(&"c0".to_owned()) && pair.contains(&"cmax".to_owned()) {
            return match route? {
                Route::Intravascular => Some("C0"),
                Route::Extravascular => Some("CMAX"),
            }
            .filter(|_| unit.is_none_or(|u| hysim_units::Unit::parse(u).is_ok()));
        }
    }
    let codes: Vec<&'static str> = parts.iter().map(|p| name_code(p, route)).collect::<Option<_>>()?;
    let class = class_of_code(codes[0]);
    // (Chosen by the route only between a clearance or a volume and its apparent form,
    // `CL/F` and `CL`; `AUC0–∞ or AUClast` names no one code.)
    let apparent = |c: &&&str| matches!(**c, "CLFO" | "VZFO");
    if worded && !(codes.iter().any(|c| apparent(&c)) && codes.iter().any(|c| !apparent(&c))) {
        return None;
    }
    let chosen = match route {
        Some(Route::Intravascular) if worded => codes.iter().find(|c| !apparent(c)).unwrap_or(&codes[0]),
        Some(Route::Extravascular) if worded => codes.iter().find(apparent).unwrap_or(&codes[0]),
        // (With no route to choose by, the words name the class alone.)
        None if worded => return None,
        _ => &codes[0],
    };
    (class.is_some() && codes.iter().all(|c| class_of_code(c) == class))
        .then_some(*chosen)
        .filter(|_| unit.is_none_or(|u| hysim_units::Unit::parse(u).is_ok()))
}

fn name_code(name: &str, route: Option<Route>) -> Option<&'static str> {
    let normalised = normalise_name(name);
    if let Some(code) = lookup_code(&normalised, route) {
        return Some(code);
    }
    if let Some(english) = foreign_symbol(&normalised)
        && let Some(code) = lookup_code(&english, route)
    {
        return Some(code);
    }
    // A heparin's parameters of its anti-factor Xa or IIa activity, the activity after the
    // symbol (`Cmax anti-Xa`, `AUC0–24 anti-Xa`, `t½ anti-IIa`): the symbol's.
    // (`Cmax anti-Xa activity`, `Cmin anti-Xa level`: the symbol before it.)
    if let Some(symbol) = without_activity(&normalised).filter(|s| !s.is_empty())
        && let Some(code) = lookup_code(symbol, route)
    {
        return Some(code);
    }
    // "Bioavailability (F)", "t1/2 (elimination), h": try without the trailing group, and
    // with the group as a qualifier.
    let without_unit = normalise_name(name);
    if let Some(code) = combined_code(&without_unit, route) {
        return code;
    }
    let (head, group) = split_trailing_group(&without_unit);
    if let Some(group) = group {
        let qualified = format!("{head}({group})");
        // A name and its symbol in brackets, in whatever language (`Apparent clearance
        // (CL/F)`, `Halbwertszeit (t1/2)`, `Concentration maximale (Cmax)`): the symbol
        // before the words, which may say less (`clearance`) or nothing the vocabulary knows.
        // Only a symbol of the kind the words name (`Vd (Vss)`, not `Half-life (β)`, a rate
        // constant's symbol, nor `M/P ratio (AUC)`).
        // (A group of a percentage is the value's unit, no symbol: `Amount removed by HD (%
        // of dose)`.)
        let g = group.trim();
        let unit_phrase = g == "%" || g.starts_with("% ") || g.starts_with("%of");
        let symbol = (!unit_phrase).then(|| exact_code(group, route)).flatten();
        // (The area in words with its interval in brackets, `Area under curve (0–∞)`; a name
        // with its collection interval before a percentage's group, `Urinary recovery (0–48
        // h) (% of dose)`.)
        let in_words = || auc_in_words(&without_unit).and_then(|symbol| lookup_code(&symbol, route));
        let head = if unit_phrase { without_interval(head) } else { head };
        return lookup_code(&qualified, route).or_else(in_words).or_else(|| match (symbol, lookup_code(head, route)) {
            (Some(symbol), None) => Some(symbol),
            (Some(symbol), Some(words)) if class_of_code(symbol) == class_of_code(words) => Some(symbol),
            (_, words) => words,
        });
    }
    // An amount excreted per collection interval (`Amount excreted per collection interval
    // (mg)` over `0–4 h | 4–8 h`): the amount's.
    // (Or per kilogram of body weight after a comma, `CL, weight-normalised (mL/min/kg)`: the
    // parameter's, its unit per kg.)
    for qualifier in [
        "percollectioninterval",
        "percollectionperiod",
        "perinterval",
        "bycollectioninterval",
        ",weight-normalised",
        ",weight-normalized",
        ",weightnormalised",
        ",weightnormalized",
        ",bodyweight-normalised",
        ",bodyweight-normalized",
        ",normalisedtobodyweight",
        ",normalizedtobodyweight",
        ",perkg",
        ",perkgbodyweight",
    ] {
        if let Some(rest) = without_unit.strip_suffix(qualifier)
            && let Some(code) = lookup_code(rest, route)
        {
            return Some(code);
        }
    }
    // The area under the curve in words (`Area under the curve from zero to infinity`, `Area
    // under the plasma concentration-time curve from time zero to the last measurable
    // concentration`, `... from 0 to 24 h`): the symbol with its interval.
    if let Some(symbol) = auc_in_words(&without_unit)
        && let Some(code) = lookup_code(&symbol, route)
    {
        return Some(code);
    }
    // A name and its symbol after a comma (`Maximum plasma concentration, Cmax`, `Apparent
    // oral clearance, CL/F`): the symbol's, where the words name nothing else.
    if let Some((head, tail)) = without_unit.rsplit_once(',')
        && head.chars().count() > 8
        && let Some(symbol) = exact_code(tail, route)
        && lookup_code(head, route).is_some_and(|words| class_of_code(words) == class_of_code(symbol))
    {
        return Some(symbol);
    }
    // A population model's typical value: `θCL`, `θ_V/F`, `TVCL`, `Typical value of CL/F`.
    for prefix in ["theta", "typicalvalueof", "typicalvalue", "tv"] {
        if let Some(rest) = without_unit.strip_prefix(prefix)
            && let Some(code) = lookup_code(rest.trim_start_matches(['_', '-', ',']), route)
        {
            return Some(code);
        }
    }
    // A parameter and the specimen it is of after a comma (`Cmax, plasma`, `t½, muscle`,
    // `AUC, CSF`): the parameter's. Only a specimen the vocabulary knows (not `CL, renal`,
    // `Clearance, creatinine`, `t½, absorption`, `Cmax, fed`), and a symbol before the comma,
    // not words (`Dialyser clearance, CLHD` names its own).
    if let Some((head, tail)) = without_unit.rsplit_once(',')
        && head.chars().count() <= 10
        && !crate::context::matrices_in(tail).is_empty()
        && let Some(code) = lookup_code(head, route)
    {
        return Some(code);
    }
    // An analyte's abbreviation in the symbol's subscript before the comma (`Cins,max`,
    // `AUCins,0–24h`: insulin's): the symbol without it.
    if let Some((head, tail)) = without_unit.split_once(',') {
        // (Not a symbol's own subscript: `Cpeak,ss`, `AUClast,ss` are symbols the vocabulary
        // knows.)
        // (Not a pharmacodynamic quantity's: `AUCGIR,0–12h`, the glucose infusion rate's area
        // in a clamp, is no drug's.)
        const PHARMACODYNAMIC: &[&str] = &["gir", "glu", "gluc", "bg", "pd"];
        for symbol in ["auc", "c"] {
            if let Some(analyte) = head.strip_prefix(symbol)
                && !PHARMACODYNAMIC.contains(&analyte)
                && lookup_code(head, route).is_none()
                && (2..=5).contains(&analyte.chars().count())
                && analyte.chars().all(char::is_alphabetic)
                // (An interval's end with its unit, `0–24h`, as `AUC0–24h` reads.)
                && let Some(code) = lookup_code(&format!("{symbol}{tail}"), route)
                    .or_else(|| lookup_code(&format!("{symbol}{}", tail.strip_suffix('h')?), route))
            {
                return Some(code);
            }
        }
    }
    // A symbol with its interval after a comma (`Cavg,0–24h`): the symbol's.
    if let Some((head, tail)) = without_unit.split_once(',')
        && tail.starts_with(|c: char| c.is_ascii_digit())
        && let Some(code) = lookup_code(head, route)
    {
        return Some(code);
    }
    // Or after the symbol (`Cmax,ins`, `tmax,ins`): the symbol's, where the subscript is no
    // qualifier of the parameter itself (steady state, observed or predicted, renal or
    // non-renal, unbound, dose-normalised).
    if let Some((head, tail)) = without_unit.split_once(',') {
        const QUALIFIERS: &[&str] = &[
            "ss", "obs", "pred", "last", "inf", "tau", "norm", "dn", "iv", "po", "ev", "sc", "im", "max", "min", "nr",
            "ren", "renal", "hep", "free", "unb", "total", "tot", "app", "eff", "el", "abs", "mean", "avg", "av",
            // A phase's Greek letter, spelled out (`t½,α`, `t½,β`), a distribution phase.
            "alpha", "beta", "gamma", "delta", "pi", "dist",
            // Intrinsic, extracorporeal and compartmental clearances; model predictions.
            "int", "crrt", "hd", "dial", "ecmo", "cent", "per", "ipred", "pred", "sim", "pop", "met", "ur", "urine",
        ];
        // (A symbol before the comma, not words: `Dialyser clearance, CLHD` names its own.)
        // (A symbol the vocabulary knows with its subscript joined comes first: `t½,dist` is
        // the distribution half-life.)
        if let Some(code) = lookup_code(&format!("{head}{tail}"), route) {
            return Some(code);
        }
        if (2..=5).contains(&tail.chars().count())
            && head.chars().count() <= 8
            && tail.chars().all(char::is_alphabetic)
            && !QUALIFIERS.contains(&tail)
            // (Nor a qualifier or a unit with a footnote letter: `Cmin,ssa`, `Tlag, hc`.)
            && !tail.char_indices().last().is_some_and(|(i, _)| {
                QUALIFIERS.contains(&&tail[..i]) || hysim_units::Unit::parse(&tail[..i]).is_ok()
            })
            && hysim_units::Unit::parse(tail).is_err()
            && let Some(code) = lookup_code(head, route)
        {
            return Some(code);
        }
    }
    // Leading statistic words: "Mean AUC 0-120 min for fentanyl".
    for prefix in ["geometricmean", "arithmeticmean", "mean", "median"] {
        if let Some(rest) = without_unit.strip_prefix(prefix) {
            return lookup_code(rest, route);
        }
    }
    // Urinary recovery described in words (`Amount of unchanged X excreted in urine`,
    // `Fraction of dose excreted, 0–24 h`): CDISC's amount recovered (RCAMINT) and percent
    // recovered (RCPCINT).
    // (Not a rate, a half-life or a clearance of excretion, nor the amount remaining.)
    let rate_or_time = ["rate", "per", "half-life", "halflife", "t1/2", "clearance", "remaining"]
        .iter()
        .any(|w| without_unit.contains(w));
    if !rate_or_time
        && (without_unit.contains("excreted")
            || without_unit.contains("excretion")
            || without_unit.contains("recovered"))
    {
        if ["fraction", "percent", "%", "proportion"].iter().any(|w| without_unit.contains(w))
            && without_unit.contains("dose")
        {
            return Some("RCPCINT");
        }
        if ["amount", "cumulative", "quantity"].iter().any(|w| without_unit.contains(w)) {
            return Some("RCAMINT");
        }
    }
    // A ratio of two specimens' or analytes' exposures that names the quantity compared
    // (`Milk/plasma AUC ratio`, `AUCmilk/AUCplasma`, `Metabolite-to-parent AUC ratio`,
    // `Cord/maternal concentration ratio`): the ratio the vocabulary names without it.
    if without_unit.contains(['/', ':']) || without_unit.contains("-to-") {
        for quantity in ["auc", "cmax", "concentrations", "concentration", "conc"] {
            let bare = without_unit.replace(quantity, "");
            if bare != without_unit
                && let Some(code) = lookup_code(&bare, route).filter(|c| class_of_code(c) == Some("ratio"))
            {
                return Some(code);
            }
        }
    }
    None
}

/// A label without a heparin's activity after it (`Cmax anti-Xa`, `Peak anti-Xa activity`,
/// `Trough anti-IIa level`; `text` lower case, with or without its spaces): the rest, or
/// `None` when it names none.
pub(crate) fn without_activity(text: &str) -> Option<&str> {
    const ACTIVITIES: [&str; 5] = ["anti-xa", "antixa", "anti-iia", "antiiia", "anti-fxa"];
    ["activity", "level", "levels", ""].iter().find_map(|word| {
        let rest = text.strip_suffix(word)?.trim_end();
        ACTIVITIES.iter().find_map(|a| rest.strip_suffix(a)).map(str::trim_end)
    })
}

/// A label that names a parameter and its apparent form together (`CL (CL/F)`,
/// `Vz (Vz/F)`, `CL or CL/F`; `name` normalised): the intravascular code for an
/// intravascular route, the extravascular one for an extravascular route, and neither
/// without a route (`Some(None)`: ambiguous, each group's route decides). `None` when the
/// label is not such a pair.
fn combined_code(name: &str, route: Option<Route>) -> Option<Option<&'static str>> {
    // Each with its route in brackets (`CL (IV) or CL/F (SC)`, `Vss (i.v.) or Vz/F (oral)`).
    // (Names are normalised without points: `(i.v.)` reads `(iv)`.)
    const INTRAVASCULAR: &[&str] = &["(iv)", "(intravenous)"];
    const EXTRAVASCULAR: &[&str] = &["(sc)", "(po)", "(oral)", "(im)", "(subcutaneous)", "(intramuscular)"];
    let routed = name.match_indices("or").find_map(|(at, _)| {
        let (left, right) = (&name[..at], &name[at + 2..]);
        let iv = INTRAVASCULAR.iter().find_map(|q| left.strip_suffix(q))?;
        let ev = EXTRAVASCULAR.iter().find_map(|q| right.strip_suffix(q))?;
        Some((lookup_code(iv, Some(Route::Intravascular))?, lookup_code(ev, Some(Route::Extravascular))?))
    });
    if let Some((iv, ev)) = routed {
        return Some(match route {
            Some(Route::Intravascular) => Some(iv),
            Some(Route::Extravascular) => Some(ev),
            None => None,
        });
    }
    let (head, apparent) = match split_trailing_group(name) {
        (head, Some(group)) => (head, group),
        _ => name
            .match_indices("or")
            .map(|(at, _)| (&name[..at], &name[at + 2..]))
            .find(|(h, a)| **a == format!("{h}/f"))?,
    };
    if apparent != format!("{head}/f") {
        return None;
    }
    let iv = lookup_code(head, Some(Route::Intravascular))?;
    let ev = lookup_code(apparent, Some(Route::Extravascular))?;
    if iv == ev {
        return None;
    }
    Some(match route {
        Some(Route::Intravascular) => Some(iv),
        Some(Route::Extravascular) => Some(ev),
        None => None,
    })
}

/// One parameter of the vocabulary (`data/pk-parameters.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parameter {
    /// The canonical code, or the intravascular one of a route-dependent name.
    pub code: &'static str,
    /// The extravascular code of a route-dependent name (`VZFO` for `Vd`).
    pub extravascular: Option<&'static str>,
    /// Whether the code is a CDISC PKPARMCD code.
    pub cdisc: bool,
    /// The CDISC name (or ours, for codes CDISC has not).
    pub name: &'static str,
    /// The unit family of its values, as the file names it (`-`: none).
    pub family: &'static str,
    /// What the numeric protocol scores it with.
    pub class: &'static str,
}

/// The vocabulary file: codes, names, families, classes and printed names, with its source.
pub const VOCABULARY: &str = include_str!("../data/pk-parameters.tsv");

/// The vocabulary: every parameter, and every printed name (normalised) to its index.
fn vocabulary() -> &'static (Vec<Parameter>, rustc_hash::FxHashMap<String, usize>) {
    static VOCABULARY_MAP: std::sync::OnceLock<(Vec<Parameter>, rustc_hash::FxHashMap<String, usize>)> =
        std::sync::OnceLock::new();
    VOCABULARY_MAP.get_or_init(|| {
        let mut parameters = Vec::new();
        let mut names = rustc_hash::FxHashMap::default();
        for line in VOCABULARY.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let fields: Vec<&'static str> = line.split('\t').collect();
            let [code, cdisc, name, family, class, printed] = fields[..] else {
                panic!("invariant: data/pk-parameters.tsv has six tab-separated fields per line: {line:?}");
            };
            let (code, extravascular) = match code.split_once('/') {
                Some((iv, ev)) => (iv, Some(ev)),
                None => (code, None),
            };
            parameters.push(Parameter { code, extravascular, cdisc: cdisc == "yes", name, family, class });
            for printed in printed.split('|').filter(|p| !p.is_empty()) {
                names.entry(normalise_name(printed)).or_insert(parameters.len() - 1);
            }
        }
        (parameters, names)
    })
}

/// Every parameter of the vocabulary, in file order (a route-dependent name once).
pub fn parameters() -> &'static [Parameter] {
    &vocabulary().0
}

/// The time a concentration's symbol names, on a normalised name ([`normalise_name`]):
/// `c24` and `c12h` are 24 h and 12 h, `cday7` day 7 (`24 h`, `day 7`, as the reader
/// writes sampling times). Not `c0`, nor `c1` to `c9` without a unit or a
/// day (they also name subjects, cows and compartments).
fn time_in_symbol(n: &str) -> Option<String> {
    let rest = n.strip_prefix('c')?;
    let day = rest.starts_with("day");
    let rest = rest.strip_prefix("day").unwrap_or(rest);
    let digits = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
    let unit = rest[digits..].trim_end_matches(",ss");
    let (time, hours) = (&rest[..digits], matches!(unit, "h" | "hr"));
    let named = day || hours || time.len() >= 2;
    (time.parse::<f64>().is_ok_and(|t| t > 0.0) && (unit.is_empty() || hours) && named)
        .then(|| if day { format!("day {time}") } else { format!("{time} h") })
}

/// The sampling time a concentration's label names (`C24 (ng/mL)`, `C12h`, `Cday 7`), as
/// the reader writes sampling times (`24 h`, `day 7`): the time a record of its values is
/// at.
pub fn time_in_name(label: &str) -> Option<String> {
    time_in_symbol(&normalise_name(label))
}

/// The vocabulary entry of a canonical code.
pub fn parameter(code: &str) -> Option<&'static Parameter> {
    parameters().iter().find(|p| p.code == code || p.extravascular == Some(code))
}

/// The class the numeric protocol scores a code in (`CMAX`, `AUC`, `CL`, `VD`, `ratio`,
/// ...), `None` for codes the vocabulary does not hold.
pub fn class_of_code(code: &str) -> Option<&'static str> {
    parameter(code).map(|p| p.class)
}

/// The code of a name the vocabulary prints as it is (`apparent oral clearance`, `Cmax`),
/// without the readings [`parameter_code`] adds (a unit or qualifier after the name, any
/// name ending in `clearance`, a concentration in words): for text that is not a label,
/// such as a footnote's definition of a symbol.
pub fn vocabulary_code(name: &str, route: Option<Route>) -> Option<&'static str> {
    exact_code(&normalise_name(name), route)
}

fn exact_code(n: &str, route: Option<Route>) -> Option<&'static str> {
    let (parameters, names) = vocabulary();
    let p = &parameters[*names.get(n)?];
    match (p.extravascular, route) {
        (None, _) => Some(p.code),
        (Some(_), Some(Route::Intravascular)) => Some(p.code),
        (Some(ev), Some(Route::Extravascular)) => Some(ev),
        (Some(_), None) => None,
    }
}

fn lookup_code(n: &str, route: Option<Route>) -> Option<&'static str> {
    let (_, names) = vocabulary();
    if names.contains_key(n) {
        return exact_code(n, route);
    }
    // Clearance and concentrations named in words: "Body weight normalized clearance",
    // "maternal serum concentration", "concentration, umbilical vein" (not a creatinine
    // clearance, a laboratory value).
    if n.ends_with("clearance") && !n.contains("renal") && !n.contains("ratio") && !n.contains("creatinine") {
        return Some("CLO");
    }
    // ("concentration" itself contains "ratio".)
    // (Nor an area under the concentration's curve, `Area under the curve from zero to the
    // last measurable concentration`.)
    let rest = n.replace("concentration", " ");
    if n.contains("concentration")
        && ![
            "ratio",
            "maximum",
            "peak",
            "minimum",
            "trough",
            "average",
            "time",
            "dose",
            "creatinine",
            "albumin",
            "areaunder",
        ]
        .iter()
        .any(|w| rest.contains(w))
    {
        return Some("CONC");
    }
    // The concentration at a named time: `C24`, `C12h`, `C2 h`, `Cday 7`, `C24h,ss`. Not `C0`
    // (back-extrapolated or pre-dose, it is ambiguous), nor `C1` to `C9` without a unit or
    // a day, which also name subjects, cows and compartments.
    if time_in_symbol(n).is_some() {
        return Some("CONC");
    }
    // An amount or area summed up to the interval's end (`Cumulative Ae (% of dose)`,
    // `Cumulative amount excreted`): the parameter's own code, its interval from the dose.
    if let Some(rest) = n.strip_prefix("cumulative").filter(|r| !r.is_empty())
        && let Some(code) = lookup_code(rest.trim_start_matches(['-', ',']), route)
    {
        return Some(code);
    }
    // A parameter per body weight written into its name: `CL/F/kg`, `Vz/kg`.
    if let Some(name) = n.strip_suffix("/kg")
        && let Some(code) = lookup_code(name, route)
    {
        return Some(code);
    }
    // At steady state, written after the name (`AUC0–24,ss`, `AUCτ,ss`, `Cmin,ss`): the
    // area over the dosing interval, and the trough; the name's own code otherwise.
    if let Some(name) = ["(ss)", ",ss", "ss"].iter().find_map(|s| n.strip_suffix(s)).filter(|m| m.len() > 2)
        && let Some(code) = lookup_code(name, route)
    {
        return Some(match code {
            "AUCINT" => "AUCTAU",
            "CMIN" => "CTROUGH",
            code => code,
        });
    }
    // The area from the dose to an hour written alone after the symbol (`AUC24`, `AUC12h`,
    // therapeutic drug monitoring's `AUC24` of vancomycin): AUC0–24. (Four hours at least: a
    // digit below is a period's or a compartment's number, `AUC1 | AUC2`.)
    if let Some(hours) = n.strip_prefix("auc").map(|r| r.strip_suffix('h').unwrap_or(r))
        && !hours.is_empty()
        && hours.chars().all(|c| c.is_ascii_digit())
        && hours.parse::<u32>().is_ok_and(|h| (4..=168).contains(&h))
    {
        return Some("AUCINT");
    }
    // Partial areas and excretion over an interval: AUC0-12, AUC0–24 h, AUC(2-8), AUC
    // 0-120 min for fentanyl; Ae0–24 (amount), fe0–12 (fraction of the dose).
    let (code, rest) = [("auc", "AUCINT"), ("ae", "RCAMINT"), ("fe", "RCPCINT")]
        .iter()
        .find_map(|(prefix, code)| Some((*code, n.strip_prefix(prefix)?)))?;
    let rest = rest.trim_start_matches('(');
    let number = |s: &str| s.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(s.len());
    let a_len = number(rest);
    let after = rest[a_len..].strip_prefix('-')?;
    let b_len = number(after);
    let tail = after[b_len..].trim_start_matches(['h', ')']);
    // `AUC0–24/MIC` is a pharmacodynamic index, not an area.
    (a_len > 0 && b_len > 0 && !tail.starts_with('/') && (code == "AUCINT" || tail.is_empty())).then_some(code)
}

/// For PK names that are ambiguous without more context (`AUC`, `C0`, and every name whose
/// code depends on the route: `Vd`, `MRT`, `Body weight normalized distribution volume`):
/// the unit family of their values (as printed, then per body weight), so records can
/// still carry a canonical unit with a null parameter code.
pub fn ambiguous_family(name: &str) -> Option<(Family, Family)> {
    if parameter_code(name, None).is_none()
        && let Some(code) = parameter_code(name, Some(Route::Intravascular))
    {
        return Some((family_of_code(code, false)?, family_of_code(code, true)?));
    }
    match normalise_name(name).as_str() {
        "auc" | "areaunderthecurve" | "areaundercurve" => Some((Family::Auc, Family::Auc)),
        "c0" => Some((Family::Concentration, Family::Concentration)),
        _ => None,
    }
}

/// The class of a name that is ambiguous without more context (`AUC`, `Vd`, `MRT`, `C0`):
/// every code it may stand for is scored in one class.
pub fn ambiguous_class(name: &str) -> Option<&'static str> {
    if parameter_code(name, None).is_none()
        && let Some(code) = parameter_code(name, Some(Route::Intravascular))
    {
        return class_of_code(code);
    }
    match normalise_name(name).as_str() {
        "auc" | "areaunderthecurve" | "areaundercurve" => Some("AUC"),
        "c0" => Some("concentration"),
        _ => None,
    }
}

/// The unit family of a code's values (`per_kg` when the unit is per body weight).
pub fn family_of_code(code: &str, per_kg: bool) -> Option<Family> {
    Some(match (parameter(code)?.family, per_kg) {
        ("concentration", _) => Family::Concentration,
        ("time", _) => Family::Time,
        ("auc", _) => Family::Auc,
        ("clearance", true) => Family::ClearancePerKg,
        ("clearance", false) => Family::Clearance,
        ("volume", true) => Family::VolumePerKg,
        ("volume", false) => Family::Volume,
        ("rate constant", _) => Family::RateConstant,
        ("percent", _) => Family::Percent,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_and_names_of_other_languages() {
        let ev = Some(Route::Extravascular);
        for (name, code) in [
            ("Cmáx (µg/ml)", Some("CMAX")),
            ("Tmáx", Some("TMAX")),
            ("Cmín", Some("CMIN")),
            ("ASC0–∞ (µg·h/ml)", Some("AUCIFO")),
            ("ABC0-t", Some("AUCLST")),
            ("EAA0–∞", Some("AUCIFO")),
            ("Cmaks", Some("CMAX")),
            ("Cmax anti-Xa", Some("CMAX")),
            ("Cmax anti-Xa activity", Some("CMAX")),
            ("Cpicco", Some("CMAX")),
            ("Cvalle", Some("CTROUGH")),
            ("Cdal", Some("CTROUGH")),
            ("tmaks", Some("TMAX")),
            ("ASC0–24", Some("AUCINT")),
            ("TRM (h)", Some("MRTEVIFO")),
            ("TMR0–∞", Some("MRTEVIFO")),
            ("TMR", Some("MRTEVIFO")),
            ("ABC", None),
            ("Demi-vie d'élimination (h)", Some("LAMZHL")),
            ("Semivida de eliminación", Some("LAMZHL")),
            ("Halbwertszeit", Some("LAMZHL")),
            ("Clairance totale", Some("CLO")),
            ("Biodisponibilidad (%)", Some("FABS")),
            // Not a gene, nor ascites.
            ("ABCB1 genotype", None),
            ("Ascites", None),
        ] {
            assert_eq!(parameter_code(name, ev), code, "{name}");
        }
    }

    fn check(name: &str, route: Option<Route>, expect: Option<&str>) {
        assert_eq!(parameter_code(name, route), expect, "{name:?} ({})", normalise_name(name));
    }

    #[test]
    fn urinary_recovery_in_words_but_not_its_rate() {
        assert_eq!(parameter_code("Amount of unchanged X excreted in urine (mg)", None), Some("RCAMINT"));
        assert_eq!(parameter_code("Fraction of dose excreted, 0–24 h (%)", None), Some("RCPCINT"));
        assert_ne!(parameter_code("Amount excreted per hour (mg/h)", None), Some("RCAMINT"));
    }

    #[test]
    fn a_parameter_and_its_apparent_form_take_the_route() {
        for name in ["CL (CL/F)", "Cl (Cl/F) (L/h/kg)", "CL or CL/F"] {
            check(name, Some(Route::Intravascular), Some("CLO"));
            check(name, Some(Route::Extravascular), Some("CLFO"));
            check(name, None, None);
            assert_eq!(ambiguous_class(name), Some("CL"), "{name}");
        }
        check("Vz (Vz/F)", Some(Route::Extravascular), Some("VZFO"));
        check("MRT0–last", Some(Route::Extravascular), Some("MRTEVLST"));
        check("MRT0–last", Some(Route::Intravascular), Some("MRTIVLST"));
        // The initial concentration after an intravenous dose, the peak after the others.
        check("C0 or Cmax (µg/mL)", Some(Route::Intravascular), Some("C0"));
        check("C0 or Cmax (µg/mL)", Some(Route::Extravascular), Some("CMAX"));
        check("C0 or Cmax (µg/mL)", None, None);
        // Each with its route in brackets.
        check("CL (IV) or CL/F (SC), mL/day", Some(Route::Intravascular), Some("CLO"));
        check("CL (IV) or CL/F (SC), mL/day", Some(Route::Extravascular), Some("CLFO"));
        check("Vss (IV) or Vz/F (SC), L", Some(Route::Intravascular), Some("VSSO"));
        check("Vss (IV) or Vz/F (SC), L", Some(Route::Extravascular), Some("VZFO"));
        // A specimen after a comma; not a qualifier making another parameter.
        check("Cmax, plasma", None, Some("CMAX"));
        check("t½, muscle", None, Some("LAMZHL"));
        assert_ne!(parameter_code("Clearance, creatinine", None), Some("CLO"));
        assert_ne!(parameter_code("t½, absorption", None), Some("LAMZHL"));
        assert_ne!(parameter_code("CL, renal", None), Some("CLO"));
        assert_ne!(parameter_code("Dialyser clearance, CLHD", None), Some("CLO"));
        // An analyte's abbreviation in the subscript (insulin's `ins`).
        check("Cins,max", None, Some("CMAX"));
        check("Cmax,ins", None, Some("CMAX"));
        check("Cavg,0–24h", None, Some("CAVG"));
        // Dose-normalised areas and a residue's dissipation half-life.
        check("AUC0–∞/D ((ng·h/mL)/mg)", None, Some("AUCIFOD"));
        check("DT50 (days)", None, Some("LAMZHL"));
        // Older notation: the total body clearance (`ClB`; in newer tables `CLb` is the
        // clearance from blood, a total clearance too), the clearance from β (`Clβ`).
        check("ClB (ml/min/kg)", Some(Route::Intravascular), Some("CLO"));
        check("Clβ", Some(Route::Intravascular), Some("CLO"));
        check("Apparent t½ (days)", None, Some("LAMZHL"));
        check("AUCins,0–24h (mIU·h/L)", None, Some("AUCINT"));
        check("tmax,ins", None, Some("TMAX"));
        assert_ne!(parameter_code("CL,nr", None), Some("CLO"));
        assert_ne!(parameter_code("CL,int", None), Some("CLO"));
        assert_ne!(parameter_code("t½,dist", None), Some("LAMZHL"));
        assert_ne!(parameter_code("Cmax,ipred", None), Some("CMAX"));
        assert_ne!(lookup_code(&normalise_name("t½,α"), None), Some("LAMZHL"));
        check("AUCins,0–∞", None, Some("AUCIFO"));
        assert_eq!(parameter_code("AUCGIR,0–12h (mg/kg)", None), None, "a clamp's glucose infusion rate");
        // Not a symbol's own subscript.
        check("Cpeak,ss", None, Some("CMAX"));
        check("Cpre,ss", None, Some("CTROUGH"));
        check("AUClast,ss", None, Some("AUCLST"));
        // Not a pair: a unit; a name and its symbol, the more specific (`Vd (Vss)` is the
        // volume at steady state).
        check("CL (L/h)", Some(Route::Extravascular), Some("CLO"));
        check("Vd (Vss)", Some(Route::Intravascular), Some("VSSO"));
        // A symbol of another kind than the words' is none of theirs.
        check("Half-life (β)", None, Some("LAMZHL"));
        check("Elimination half-life (β)", None, Some("LAMZHL"));
        check("Accumulation ratio (AUCτ)", None, parameter_code("Accumulation ratio", None));
        assert_ne!(parameter_code("Milk-to-plasma ratio (Cmax)", None), Some("CMAX"));
    }

    #[test]
    fn ratios_that_name_the_quantity_compared() {
        for (name, code) in [
            ("Milk/plasma AUC ratio", Some("MPRATIO")),
            ("AUCmilk/AUCplasma", Some("MPRATIO")),
            ("Milk-to-plasma Cmax ratio", Some("MPRATIO")),
            ("Metabolite-to-parent AUC ratio", Some("MRATIO")),
            ("CSF/plasma concentration ratio", Some("CSFPRATIO")),
            // Not a ratio of specimens or analytes: of formulations, of two areas.
            ("Test/Reference AUC ratio", None),
            ("AUC0-t/AUC0-inf", None),
        ] {
            check(name, None, code);
        }
    }

    #[test]
    fn spellings_map_to_codes() {
        for (name, code) in [
            ("Cmax (ng/mL)", "CMAX"),
            ("C max, ng/ml", "CMAX"),
            ("Peak concentration", "CMAX"),
            ("tmax (h)", "TMAX"),
            ("T max", "TMAX"),
            ("AUC0-∞ (ng·h/mL)", "AUCIFO"),
            ("AUC0–∞", "AUCIFO"),
            ("AUC0-ì", "AUCIFO"),
            ("AUCinf", "AUCIFO"),
            ("AUC0-t", "AUCLST"),
            ("AUC0–24 h", "AUCINT"),
            ("AUC(0-12)", "AUCINT"),
            ("AUC24 (mg·h/L)", "AUCINT"),
            ("AUC12h", "AUCINT"),
            ("AUCτ", "AUCTAU"),
            ("% Fluctuation", "FLUCP"),
            ("Swing", "SWING"),
            ("Swingτ", "SWINGTAU"),
            // Alternatives of one quantity.
            ("λz / β", "LAMZ"),
            ("t½λz / t½β (h)", "LAMZHL"),
            // The unit on the header's second line, after a space.
            ("Cmax ng/mL", "CMAX"),
            ("AUC0-t ng·h/mL", "AUCLST"),
            ("tmax h", "TMAX"),
            // (Not minutes: a spaced symbol.)
            ("C min", "CMIN"),
            ("Residual area (%AUCextrap)", "AUCPEO"),
            // Normalised by the dose.
            ("AUCτ/D ((ng·h/mL)/mg)", "AUCTAUD"),
            ("AUClast/D", "AUCLSTD"),
            ("Ctrough/D ((ng/mL)/mg)", "CTROUGHD"),
            ("C0/D", "CTROUGHD"),
            ("Cmin/D", "CMIND"),
            // Steady state written after the name.
            ("AUCτ,ss (ng·h/mL)", "AUCTAU"),
            ("AUC0–τ,ss", "AUCTAU"),
            ("AUC0–24,ss (ng·h/mL)", "AUCTAU"),
            ("AUC0-12 (ss)", "AUCTAU"),
            ("Cavg,ss (ng/mL)", "CAVG"),
            ("Css,min (ng/mL)", "CTROUGH"),
            ("Cmin,ss", "CTROUGH"),
            ("Cmax,ss", "CMAX"),
            // Excretion over an interval, and as a percentage of the dose.
            ("fe0–24 (%)", "RCPCINT"),
            ("Ae0–12 (mg)", "RCAMINT"),
            ("Ae (% of dose)", "RCPCINT"),
            ("Ae0–24 (%)", "RCPCINT"),
            ("Ae (mg)", "RCAMINT"),
            ("Ae,τ (mg)", "RCAMTAU"),
            ("fe,τ (%)", "RCPCTAU"),
            ("Ae,τ (% of dose)", "RCPCTAU"),
            // Per body weight in the name.
            ("CL/F/kg", "CLFO"),
            // The concentration at a named time; apparent compartment volumes.
            ("C24 (ng/mL)", "CONC"),
            ("C12h", "CONC"),
            ("Cday 7 (µg/mL)", "CONC"),
            ("Vc/F (L)", "VC"),
            ("Vp/F (L)", "VP"),
            // A population model's typical values.
            ("θCL/F (L/h)", "CLFO"),
            ("TVCL (L/h)", "CLO"),
            ("Typical value of Vss (L)", "VSSO"),
            ("t½ (h)", "LAMZHL"),
            ("t1/2β", "LAMZHL"),
            ("T1/2", "LAMZHL"),
            ("Elimination half-life, h", "LAMZHL"),
            ("λz (1/h)", "LAMZ"),
            ("Kel", "LAMZ"),
            ("CL (L/h)", "CLO"),
            ("CL/F (L/h/kg)", "CLFO"),
            ("ClT/F", "CLFO"),
            ("CLR", "RENALCL"),
            ("Vz/F (L)", "VZFO"),
            ("Vd/F", "VZFO"),
            ("Vss", "VSSO"),
            ("F (%)", "FABS"),
            ("AUC0–∞ ((ng h)/ml)", "AUCIFO"),
            ("ClT/F (ml/(min kg))", "CLFO"),
            ("tmax (h)*", "TMAX"),
            ("Time of peak, h", "TMAX"),
            ("Area under curve (0–∞), µg·h/ml", "AUCIFO"),
            ("Urinary recovery, % of dose", "RCPCINT"),
            ("Urinary recovery (0–48 h) (% of dose)", "RCPCINT"),
            ("t1/2 (elimination), h", "LAMZHL"),
            ("t1/2 (absorption), h*", "HLKA"),
            ("Bioavailability (F)", "FABS"),
            ("Mean AUC 0-120 min for fentanyl in maternal serum (nmol h/L)", "AUCINT"),
            ("β (h−1)", "LAMZ"),
            ("Ka (h−1)", "KA"),
            ("t1/2a (h)", "HLALPHA"),
            ("Ae total (μg)", "RCAMINT"),
            ("Fel (%)", "RCPCINT"),
            ("Cmid", "CMID"),
            ("VC (l kg−1)", "VC"),
            ("Total area under curve", "AUCIFO"),
            ("Distribution volumeat steady state", "VSSO"),
            ("Body weight normalizedclearance", "CLO"),
            ("Mean serum fentanyl concentration, umbilical vein (nmol/L)", "CONC"),
        ] {
            check(name, None, Some(code));
        }
        // (A period's or compartment's number is no end hour.)
        check("AUC1", None, None);
    }

    #[test]
    fn ambiguous_names_need_the_route() {
        check("Vd (L/kg)", None, None);
        check("Vd (L/kg)", Some(Route::Intravascular), Some("VZO"));
        check("MRT (h)", Some(Route::Extravascular), Some("MRTEVIFO"));
        check("MRT", None, None);
        // Every route-dependent name still gives its values' unit family.
        for name in ["Vd (L/kg)", "Body weight normalized distribution volume", "Volume of distribution"] {
            assert_eq!(ambiguous_family(name), Some((Family::Volume, Family::VolumePerKg)), "{name}");
        }
        assert_eq!(ambiguous_family("Mean residence time"), Some((Family::Time, Family::Time)));
        assert_eq!(ambiguous_family("AUC"), Some((Family::Auc, Family::Auc)));
        assert_eq!(ambiguous_family("Cmax"), None);
    }

    #[test]
    fn non_pk_names_are_not_mapped() {
        for name in [
            "Age (years)",
            "Weight (kg)",
            "Parturient",
            "Haemoglobin (g dl−1)",
            "AUC ratio",
            "Apgar-score at 1 min",
            "AUC0–24/MIC",
            "Cmax/MIC",
            "Body mass (kg)",
            "Class",
            "ω²CL",
            "θ1",
            "C0 (µg/mL)",
            "Ch",
            "C1",
            "C3",
        ] {
            check(name, None, None);
        }
    }

    #[test]
    fn names_written_out_in_full() {
        for (name, code) in [
            ("Area under the curve from zero to infinity (ng·h/mL)", "AUCIFO"),
            ("Area under the curve from zero to the last measurable concentration (ng·h/mL)", "AUCLST"),
            ("Area under the plasma concentration–time curve from time zero to infinity", "AUCIFO"),
            ("Area under the concentration-time curve from 0 to 24 h (µg·h/mL)", "AUCINT"),
            ("Area under the whole-blood concentration–time curve over the 24-h dosing interval", "AUCTAU"),
            ("Area under the curve during one dosing interval", "AUCTAU"),
            ("Maximum plasma concentration, Cmax (ng/mL)", "CMAX"),
            ("Apparent oral clearance, CL/F (L/h)", "CLFO"),
            ("Cumulative Ae (% of dose)", "RCPCINT"),
            ("Cumulative Ae (mg)", "RCAMINT"),
        ] {
            check(name, None, Some(code));
        }
        assert_eq!(auc_in_words("areaunderthecurvefromzerotomidnight"), None);
        // (A comparison named before the symbol is none of its values.)
        check("Geometric mean ratio, Cmax", None, None);
        check("Fold change, AUC", None, None);
        // (Not a concentration: the curve's area.)
        assert_ne!(parameter_code("Area under the curve to the last concentration", None), Some("CONC"));
    }

    #[test]
    fn families() {
        assert_eq!(family_of_code("AUCIFO", false), Some(Family::Auc));
        assert_eq!(family_of_code("CLFO", true), Some(Family::ClearancePerKg));
        assert_eq!(family_of_code("VSSO", false), Some(Family::Volume));
        assert_eq!(family_of_code("XYZ", false), None);
    }

    #[test]
    fn the_vocabulary_is_the_decoders_code_list() {
        let mut ours: Vec<&str> =
            parameters().iter().flat_map(|p| std::iter::once(p.code).chain(p.extravascular)).collect();
        ours.sort();
        ours.dedup();
        let mut decoder: Vec<&str> = hysim_text::prompt::CODES.to_vec();
        decoder.sort();
        assert_eq!(ours, decoder, "data/pk-parameters.tsv and hysim_text::prompt::CODES differ");
        // Every entry has a family the unit algebra knows (or none) and a class.
        for p in parameters() {
            assert!(!p.class.is_empty() && !p.name.is_empty(), "{p:?}");
            assert!(
                matches!(
                    p.family,
                    "concentration" | "time" | "auc" | "clearance" | "volume" | "rate constant" | "percent" | "-"
                ),
                "{p:?}"
            );
        }
    }

    #[test]
    fn symbols_qualified_by_their_route() {
        // Preclinical tables print intravenous and oral parameters side by side, the route
        // after the symbol; `CLp` is the plasma clearance.
        for (label, code) in [
            ("AUC0–∞,iv (ng·h/mL)", Some("AUCIFO")),
            ("Cmax,po (ng/mL)", Some("CMAX")),
            ("Cmax, oral", Some("CMAX")),
            ("CL, iv", Some("CLO")),
            ("CLp (mL/min/kg)", Some("CLO")),
            // (Not after a space, a crossover's treatment IV; nor a word ending so.)
            ("Cmax IV", None),
            ("Period IV", None),
            ("Tempo", None),
            ("Expo", None),
        ] {
            assert_eq!(parameter_code(label, None), code, "{label}");
        }
        assert_eq!(
            (route_qualifier("AUC0–∞,iv"), route_qualifier("Cmax,po"), route_qualifier("Cmax")),
            (Some("IV"), Some("PO"), None)
        );
    }
}
