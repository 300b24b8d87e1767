//! PK parameter names as printed → canonical codes (CDISC PPTESTCD where one exists), with
//! the unit family each code's values belong to.
//!
//! The vocabulary follows `../shared/data/pk-vocabulary-notes.md`. Names are compared
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

/// Normalises a header for lookup.
pub fn normalise_name(text: &str) -> String {
    // A trailing unit: "Cmax (ng/mL)", "Cmax [ng/mL]", "Cmax, ng/mL" (only when the part
    // removed reads as a unit, so "AUC(0-12)" and "Css,av" stay whole).
    let is_unit = |part: &str| hysim_units::Unit::parse(part).is_ok();
    let mut s = match split_trailing_group(text) {
        (name, Some(group)) if is_unit(group) && !name.is_empty() => name.to_lowercase(),
        _ => text.trim().trim_end_matches(['*', '†', '‡', '§']).to_lowercase(),
    };
    if let Some(i) = s.rfind(',')
        && is_unit(&s[i + 1..])
    {
        s.truncate(i);
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
            '–' | '—' | '−' | '‐' => out.push('-'),
            c if c.is_whitespace() || matches!(c, '.' | '_' | '*' | '†' | '‡' | '§') => {}
            c => out.push(c),
        }
    }
    out
}

/// The canonical code of a parameter name, or `None` when it is not a PK parameter or is
/// ambiguous without the route.
pub fn parameter_code(name: &str, route: Option<Route>) -> Option<&'static str> {
    if let Some(code) = lookup_code(&normalise_name(name), route) {
        return Some(code);
    }
    // "Bioavailability (F)", "t1/2 (elimination), h": try without the trailing group, and
    // with the group as a qualifier.
    let without_unit = normalise_name(name);
    let (head, group) = split_trailing_group(&without_unit);
    if let Some(group) = group {
        let qualified = format!("{head}({group})");
        return lookup_code(&qualified, route).or_else(|| lookup_code(head, route));
    }
    // Leading statistic words: "Mean AUC 0-120 min for fentanyl".
    for prefix in ["geometricmean", "arithmeticmean", "mean", "median"] {
        if let Some(rest) = without_unit.strip_prefix(prefix) {
            return lookup_code(rest, route);
        }
    }
    None
}

fn lookup_code(n: &str, route: Option<Route>) -> Option<&'static str> {
    let by_route = |iv: &'static str, ev: &'static str| match route {
        Some(Route::Intravascular) => Some(iv),
        Some(Route::Extravascular) => Some(ev),
        None => None,
    };
    let code = match n {
        "cmax"
        | "cpeak"
        | "cmaxobs"
        | "peakconcentration"
        | "maximumconcentration"
        | "maximumplasmaconcentration"
        | "peakplasmaconcentration"
        | "maxconc" => "CMAX",
        "cmax/d" | "cmax/dose" | "dose-normalisedcmax" | "dose-normalizedcmax" => "CMAXD",
        "tmax" | "tpeak" | "timetopeak" | "timetopeakconcentration" | "timetocmax" | "timetomaximumconcentration" => {
            "TMAX"
        }
        "cmin" | "minimumconcentration" => "CMIN",
        "ctrough" | "ctr" | "troughconcentration" | "cmin,ss" => "CTROUGH",
        "cav" | "cavg" | "css,av" | "averageconcentration" => "CAVG",
        "tlag" | "lagtime" => "TLAG",
        "clast" => "CLST",
        "tlast" => "TLST",
        "auc0-t" | "auc0-last" | "auclast" | "auc(0-tlast)" | "auc0-tlast" | "auct" => "AUCLST",
        "aucall" => "AUCALL",
        "totalareaundercurve"
        | "totalareaunderthecurve"
        | "totalauc"
        | "auc0-inf"
        | "aucinf"
        | "auc(0-inf)"
        | "auci"
        | "auc0-infinity"
        | "aucinfinity"
        | "auc0→inf"
        | "auc0→∞" => "AUCIFO",
        "aucinf,pred" => "AUCIFP",
        "auc/d" | "aucinf/dose" | "auc/dose" => "AUCIFOD",
        "%aucextrap" | "auc%extrap" | "aucextrap" | "%auc" => "AUCPEO",
        "auctau" | "aucss" | "auc0-tau" | "auc(0-tau)" => "AUCTAU",
        "lambdaz"
        | "lambda"
        | "kel"
        | "ke"
        | "k"
        | "kelim"
        | "beta"
        | "eliminationrateconstant"
        | "terminalrateconstant"
        | "terminaleliminationrateconstant" => "LAMZ",
        // Not CDISC codes: compartmental quantities that tables print and curators keep.
        "ka" | "absorptionrateconstant" => "KA",
        "vc" | "v1" | "centralvolume" | "volumeofthecentralcompartment" => "VC",
        "cmid" | "midintervalconcentration" | "mid-intervalconcentration" => "CMID",
        "t1/2alpha" | "t1/2a" | "distributionhalf-life" | "t1/2(distribution)" => "HLALPHA",
        "t1/2ka" | "t1/2abs" | "absorptionhalf-life" | "t1/2(absorption)" => "HLKA",
        "ae" | "aetotal" | "amountexcreted" | "ae0-24" => "RCAMINT",
        "fe" | "fel" | "fe%" | "fractionexcreted" => "RCPCINT",
        "t1/2"
        | "t1/2z"
        | "t1/2lambdaz"
        | "t1/2beta"
        | "t1/2el"
        | "t1/2elim"
        | "half-life"
        | "halflife"
        | "eliminationhalf-life"
        | "terminalhalf-life"
        | "terminaleliminationhalf-life"
        | "eliminationhalflife"
        | "terminalhalflife"
        | "t1/2term"
        | "t1/2(elimination)"
        | "t1/2(terminal)" => "LAMZHL",
        "cl" | "cltot" | "clt" | "cls" | "totalclearance" | "systemicclearance" | "totalbodyclearance"
        | "clearance" | "cltotal" => "CLO",
        "cl/f" | "clt/f" | "clf" | "cloral" | "apparentclearance" | "apparentoralclearance" | "oralclearance" => "CLFO",
        "clr" | "clrenal" | "renalclearance" => "RENALCL",
        "vz" | "varea" | "vbeta" | "vz,obs" => "VZO",
        "vz/f" | "vd/f" | "v/f" | "varea/f" | "apparentvolumeofdistribution" => "VZFO",
        "vss" | "vdss" | "vd,ss" | "volumeofdistributionatsteadystate" | "distributionvolumeatsteadystate" => "VSSO",
        "vd" | "v" | "volumeofdistribution" | "distributionvolume" | "bodyweightnormalizeddistributionvolume" => {
            return by_route("VZO", "VZFO");
        }
        "mrt" | "mrt0-inf" | "mrtinf" | "meanresidencetime" => return by_route("MRTIVIFO", "MRTEVIFO"),
        "mrt0-t" | "mrtlast" => return by_route("MRTIVLST", "MRTEVLST"),
        "f" | "f%" | "ba" | "bioavailability" | "absolutebioavailability" | "fabs" | "bioavailability(f)" => "FABS",
        "frel" | "relativebioavailability" => "FREL",
        _ => {
            // Clearance and concentrations named in words: "Body weight normalized
            // clearance", "maternal serum concentration", "concentration, umbilical vein".
            if n.ends_with("clearance") && !n.contains("renal") && !n.contains("ratio") {
                return Some("CLO");
            }
            // ("concentration" itself contains "ratio".)
            let rest = n.replace("concentration", " ");
            if n.contains("concentration")
                && !["ratio", "maximum", "peak", "minimum", "trough", "average", "time"]
                    .iter()
                    .any(|w| rest.contains(w))
            {
                return Some("CONC");
            }
            // Partial areas: AUC0-12, AUC0–24 h, AUC(2-8), AUC 0-120 min for fentanyl.
            let rest = n.strip_prefix("auc")?.trim_start_matches('(');
            let number = |s: &str| s.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(s.len());
            let a_len = number(rest);
            let after = rest[a_len..].strip_prefix('-')?;
            let b_len = number(after);
            if a_len > 0 && b_len > 0 {
                return Some("AUCINT");
            }
            return None;
        }
    };
    Some(code)
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

/// The unit family of a code's values (`per_kg` when the unit is per body weight).
pub fn family_of_code(code: &str, per_kg: bool) -> Option<Family> {
    Some(match code {
        "CMAX" | "CMIN" | "CTROUGH" | "CAVG" | "C0" | "CLST" | "CMID" | "CONC" => Family::Concentration,
        "TMAX" | "TLAG" | "TLST" | "LAMZHL" | "MRTIVIFO" | "MRTEVIFO" | "MRTIVLST" | "MRTEVLST" => Family::Time,
        "AUCLST" | "AUCALL" | "AUCIFO" | "AUCIFP" | "AUCTAU" | "AUCINT" => Family::Auc,
        "CLO" | "CLFO" | "RENALCL" if per_kg => Family::ClearancePerKg,
        "CLO" | "CLFO" | "RENALCL" => Family::Clearance,
        "VZO" | "VZFO" | "VSSO" | "VC" if per_kg => Family::VolumePerKg,
        "VZO" | "VZFO" | "VSSO" | "VC" => Family::Volume,
        "LAMZ" => Family::RateConstant,
        "FABS" | "FREL" | "AUCPEO" | "RCPCINT" => Family::Percent,
        "KA" => Family::RateConstant,
        "HLALPHA" | "HLKA" => Family::Time,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, route: Option<Route>, expect: Option<&str>) {
        assert_eq!(parameter_code(name, route), expect, "{name:?} ({})", normalise_name(name));
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
            ("AUCτ", "AUCTAU"),
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
        for name in
            ["Age (years)", "Weight (kg)", "Parturient", "Haemoglobin (g dl−1)", "AUC ratio", "Apgar-score at 1 min"]
        {
            check(name, None, None);
        }
    }

    #[test]
    fn families() {
        assert_eq!(family_of_code("AUCIFO", false), Some(Family::Auc));
        assert_eq!(family_of_code("CLFO", true), Some(Family::ClearancePerKg));
        assert_eq!(family_of_code("VSSO", false), Some(Family::Volume));
        assert_eq!(family_of_code("XYZ", false), None);
    }
}
