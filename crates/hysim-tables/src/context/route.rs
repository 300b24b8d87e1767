//! The route of administration: the one a caption, a group header or the paper's title
//! and abstract names.

use hysim_core::Table;

use super::words::{has_word, is_space_or_dash, is_whole_word, next_word, paper_text, previous_word};
use crate::params::Route;

/// The routes a text names, in a fixed order.
pub(crate) fn routes_in(text: &str) -> Vec<(&'static str, Route)> {
    // (Asked of every record's group and labels: answered from a per-thread cache.)
    thread_local! {
        static ROUTES_IN: crate::memo::Cache<Vec<(&'static str, Route)>> = Default::default();
    }
    crate::memo::cached(&ROUTES_IN, text, routes_in_uncached)
}

fn routes_in_uncached(text: &str) -> Vec<(&'static str, Route)> {
    let t = crate::fold::lower(text);
    let mut out = Vec::new();
    // (With the stems of other languages' words: `intravenös`, `intraveineuse`,
    // `endovenosa`, `intravenöz`; `oraal`; `intramuskulär`, `intramuscolare`; `subkutan`,
    // `sous-cutanée`, `sottocutanea`.)
    let any = |stems: &[&str]| stems.iter().any(|s| t.contains(s));
    // (Not `intraventricular`; `İntravenöz` keeps its capital, which has no one-letter
    // lower case.)
    if any(&[
        "intravenous",
        "ntravenö",
        "intravenos",
        "intraveneu",
        "intraveine",
        "endoven",
        "dożyl",
        "intravenózn",
        "nitrožil",
    ]) || has_word(&t, &["iv", "i v"])
        || t.contains("i.v.")
    {
        out.push(("IV", Route::Intravascular));
    }
    // (Polish and Czech `po` is `after`: in their texts only `PO` in capitals.)
    let slavic = t.contains(['ą', 'ę', 'ł', 'ń', 'ś', 'ź', 'ż', 'ř', 'ě', 'ů', 'č']);
    let po = if slavic { text.split(|c: char| !c.is_alphanumeric()).any(|w| w == "PO") } else { has_word(&t, &["po"]) };
    // (A word that begins `oral`: not `femoral` or `temporal`.)
    let word_start = |stems: &[&str]| {
        stems
            .iter()
            .any(|s| t.match_indices(s).any(|(at, _)| t[..at].chars().next_back().is_none_or(|c| !c.is_alphabetic())))
    };
    if word_start(&["oral", "oraal", "doustn", "peroral"]) || t.contains("p.o.") || po {
        out.push(("PO", Route::Extravascular));
    }
    // (Not `IM` among metabolizer phenotypes: "by CYP2D6 phenotype (PM, IM, NM)".)
    let phenotypes = || has_word(&t, &["pm", "em", "nm", "um", "urm"]);
    if any(&["intramuscul", "intramuskul", "intramuscol", "domięśni"])
        || t.contains("i.m.")
        || has_word(&t, &["im"]) && !phenotypes()
    {
        out.push(("IM", Route::Extravascular));
    }
    // (Not a tissue sampled under the skin: `subcutaneous fat`, `subcutaneous adipose tissue
    // microdialysate`.)
    let tissue_after = |stem: &str| {
        t.contains(stem)
            && t.match_indices(stem).all(|(at, _)| {
                let rest = t[at..].split_once(char::is_whitespace).map_or("", |(_, r)| r);
                let next = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
                matches!(
                    next,
                    "fat" | "adipose" | "tissue" | "tissues" | "microdialysis" | "microdialysate" | "interstitial"
                )
            })
    };
    if any(&["subcutaneous", "subkutan", "sous-cutan", "sottocutan", "subcután", "subcutân", "podskórn"])
        && !tissue_after("subcutaneous")
        || t.contains("s.c.")
        || has_word(&t, &["sc"])
    {
        out.push(("SC", Route::Extravascular));
    }
    out
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
pub(crate) fn paper_route(table: &Table) -> Option<(&'static str, Route)> {
    thread_local! {
        static PAPER_ROUTES: crate::memo::Cache<Option<(&'static str, Route)>> = Default::default();
    }
    // The tables of one paper share its title and abstract: read them once.
    crate::memo::cached(&PAPER_ROUTES, &paper_text(table), route_of_paper)
}

/// Routes without a code here, as words name them.
pub(crate) const UNCODED_ROUTES: &[&str] = &[
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
];

/// Whether a caption that names no coded route ([`routes_in`]) names one that has no code
/// here but is extravascular (`intramammary infusion`, `rectal`, `transdermal patch`,
/// `inhaled`): the routes [`UNCODED_ROUTES`] lists, not the words that also name a specimen
/// or a site (`nasal` swabs, `vaginal` fluid, `intraosseous`, given into the marrow's
/// blood), nor a route word before what it names instead (`intraperitoneal fluid`,
/// `epidural catheter`, `inhalation anaesthesia`).
pub(crate) fn uncoded_extravascular(caption: &str) -> bool {
    const NOT_GIVEN: &[&str] = &["nasal", "vaginal", "intraosseous"];
    const NOT_NEXT: &[&str] =
        &["fluid", "fluids", "catheter", "catheters", "anaesthesia", "anesthesia", "space", "cavity", "lavage"];
    if !routes_in(caption).is_empty() {
        return false;
    }
    let lower = crate::fold::lower(caption);
    let words: Vec<&str> =
        lower.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()).collect();
    words.iter().enumerate().any(|(k, w)| {
        UNCODED_ROUTES.contains(w)
            && !NOT_GIVEN.contains(w)
            && words.get(k + 1).is_none_or(|next| !NOT_NEXT.contains(next))
    })
}

/// [`paper_route`] of a paper's title and abstract.
fn route_of_paper(original: &str) -> Option<(&'static str, Route)> {
    /// A route's code and kind; `None` for a route that has no code here.
    type Coded = Option<(&'static str, Route)>;
    const ROUTES: &[(&[&str], Coded)] = &[
        (&["intravenous", "intravenously", "i.v"], Some(("IV", Route::Intravascular))),
        (&["oral", "orally", "p.o", "per os"], Some(("PO", Route::Extravascular))),
        (&["intramuscular", "intramuscularly", "i.m"], Some(("IM", Route::Extravascular))),
        (&["subcutaneous", "subcutaneously", "s.c"], Some(("SC", Route::Extravascular))),
        (UNCODED_ROUTES, None),
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
    let text = crate::fold::lower(original);
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
        is_whole_word(original, i, end)
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
pub(crate) fn table_route(table: &Table, caption: &str) -> Option<(&'static str, Route)> {
    match routes_in(caption).as_slice() {
        [one] => Some(*one),
        [] => paper_route(table),
        _ => None,
    }
}

/// The one route a text names, if it names exactly one.
pub(crate) fn route_of(text: &str) -> Option<(&'static str, Route)> {
    match routes_in(text).as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_in_other_languages() {
        for (text, code) in [
            ("İntravenöz", "IV"),
            ("Intraveineuse", "IV"),
            ("endovenosa", "IV"),
            ("Oraal", "PO"),
            ("intramuskulär", "IM"),
            ("sous-cutanée", "SC"),
            ("i.v. bolus", "IV"),
        ] {
            assert_eq!(route_of(text).map(|(c, _)| c), Some(code), "{text}");
        }
        assert_eq!(route_of("Plasma"), None);
        assert_eq!(route_of("intraventricular"), None);
        assert_eq!(route_of("w osoczu po podaniu dożylnym").map(|(c, _)| c), Some("IV"));
        assert_eq!(route_of("10 mg PO").map(|(c, _)| c), Some("PO"));
        assert_eq!(route_of("Postmortem femoral blood concentrations"), None, "femoral is no oral");
        assert_eq!(route_of("After oral and intravenous doses").map(|(c, _)| c), None, "two routes");
        assert_eq!(route_of("After an oral dose").map(|(c, _)| c), Some("PO"));
        assert_eq!(route_of("Nach peroraler Gabe").map(|(c, _)| c), Some("PO"));
        assert_eq!(route_of("Skeletal muscle and subcutaneous fat after an IV bolus").map(|(c, _)| c), Some("IV"));
        assert_eq!(route_of("After subcutaneous injection").map(|(c, _)| c), Some("SC"));
        assert_eq!(route_of("Pharmacokinetics by CYP2D6 phenotype (PM, IM, NM)"), None);
        assert_eq!(route_of("After 5 mg/kg IM").map(|(c, _)| c), Some("IM"));
    }
}
