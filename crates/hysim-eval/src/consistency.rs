//! PK consistency checks: within one set of records (same table and group), the printed
//! values should satisfy `t1/2 = ln 2 / λz`, `V = CL · t1/2 / ln 2` and `AUC = F · dose /
//! CL`. A set breaks an identity when the two sides differ by more than a relative
//! tolerance. Only canonical values are compared (so units agree), and a set is checked
//! for an identity only when it holds every quantity the identity needs.
//!
//! The identities hold exactly for one subject and for geometric means; arithmetic means
//! break them by Jensen's inequality (`mean(CL) · mean(1/CL) = exp(σ²)` for log-normal
//! clearance: about 1.1 at a CV of 30 %), so the tolerance should leave room for that.

use std::collections::BTreeMap;
use std::f64::consts::LN_2;

use hysim_core::Record;
use serde::Serialize;

/// Checked and broken sets, per identity.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Consistency {
    /// Relative tolerance used.
    pub tolerance: f64,
    /// Per identity: record sets checked, sets that break it, and the rate.
    pub identities: BTreeMap<String, Check>,
    /// Sets that break at least one identity, over sets checked for at least one.
    pub rate: f64,
    /// Examples of broken sets (table and group), at most ten.
    pub examples: Vec<String>,
}

/// One identity's counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Check {
    /// Record sets that hold the quantities.
    pub checked: usize,
    /// Sets where the identity fails.
    pub broken: usize,
    /// `broken / checked`.
    pub rate: f64,
}

/// A dose as printed (`500 mg`, `5 mg/kg`, `250 µg`) in mg (or mg/kg), with whether it is
/// per kg.
fn dose_mg(text: &str) -> Option<(f64, bool)> {
    let t = text.trim().to_lowercase().replace(',', ".");
    let number: String = t.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    let value: f64 = number.parse().ok()?;
    let rest = t[number.len()..].trim();
    let per_kg = rest.contains("/kg") || rest.contains("kg-1") || rest.contains("kg−1");
    let factor = if rest.starts_with("mg") {
        1.0
    } else if rest.starts_with("µg") || rest.starts_with("μg") || rest.starts_with("ug") {
        1e-3
    } else if rest.starts_with('g') {
        1e3
    } else {
        return None;
    };
    Some((value * factor, per_kg))
}

/// Checks every set of records (grouped by table and group).
pub fn check(records: &[Record], tolerance: f64) -> Consistency {
    let mut sets: BTreeMap<(String, String), Vec<&Record>> = BTreeMap::new();
    for r in records {
        if r.value_canonical.is_some() && r.parameter.is_some() {
            sets.entry((r.table_id.clone(), r.context.group.clone().unwrap_or_default())).or_default().push(r);
        }
    }
    let mut out = Consistency { tolerance, ..Consistency::default() };
    let (mut any_checked, mut any_broken) = (0usize, 0usize);
    let off = |a: f64, b: f64| (a / b - 1.0).abs() > tolerance;
    for ((table, group), set) in &sets {
        let get = |codes: &[&str]| -> Option<(f64, &str)> {
            set.iter().find_map(|r| {
                let code = r.parameter.as_deref()?;
                codes.contains(&code).then(|| (r.value_canonical.unwrap_or(f64::NAN), r.unit.as_deref().unwrap_or("")))
            })
        };
        let mut results: Vec<(&str, bool)> = Vec::new();
        let half_life = get(&["LAMZHL"]);
        if let (Some((t, _)), Some((l, _))) = (half_life, get(&["LAMZ"])) {
            results.push(("t1/2 = ln2 / lambda_z", off(t * l, LN_2)));
        }
        let cl = get(&["CLO", "CLFO"]);
        if let (Some((v, vu)), Some((c, cu)), Some((t, _))) = (get(&["VZO", "VZFO"]), cl, half_life) {
            // Both per kg or both absolute.
            if vu.ends_with("/kg") == cu.ends_with("/kg") {
                results.push(("V = CL * t1/2 / ln2", off(v, c * t / LN_2)));
            }
        }
        let dose = set.first().and_then(|r| r.context.dose.as_deref()).and_then(dose_mg);
        if let (Some((auc, _)), Some((c, cu)), Some((d, per_kg))) = (get(&["AUCIFO"]), cl, dose)
            && per_kg == cu.ends_with("/kg")
        {
            // AUC (ng·h/mL = µg·h/L) × CL (L/h) = µg; F·dose in mg → ×1000. CL/F already
            // holds F; an intravenous CL has F = 1.
            results.push(("AUC = F * dose / CL", off(auc * c, d * 1000.0)));
        }
        if results.is_empty() {
            continue;
        }
        any_checked += 1;
        let mut broke = false;
        for (name, broken) in results {
            let entry = out.identities.entry(name.to_owned()).or_default();
            entry.checked += 1;
            if broken {
                entry.broken += 1;
                broke = true;
                if out.examples.len() < 10 {
                    out.examples.push(format!("{table} [{group}]: {name}"));
                }
            }
        }
        any_broken += usize::from(broke);
    }
    for c in out.identities.values_mut() {
        c.rate = c.broken as f64 / c.checked.max(1) as f64;
    }
    out.rate = any_broken as f64 / any_checked.max(1) as f64;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use hysim_core::{Context, Provenance, Statistic};

    fn rec(table: &str, code: &str, value: f64, unit: &str, dose: &str) -> Record {
        Record {
            table_id: table.into(),
            parameter_raw: code.into(),
            parameter: Some(code.into()),
            value_raw: value.to_string(),
            value: Some(value),
            statistic: Statistic::Mean,
            dispersion: None,
            interval: None,
            unit_raw: Some(unit.into()),
            unit: Some(unit.into()),
            value_canonical: Some(value),
            n: None,
            context: Context { dose: Some(dose.into()), ..Context::default() },
            provenance: Provenance::default(),
            confidence: None,
            noise: None,
            review: None,
        }
    }

    #[test]
    fn identities_by_hand() {
        // Consistent: t1/2 = 6.93 h, λz = 0.1/h, CL = 10 L/h, V = 100 L, dose 500 mg,
        // AUC = 500 mg / 10 L/h = 50 mg·h/L = 50,000 ng·h/mL.
        let good = vec![
            rec("a:1", "LAMZHL", 6.931, "h", "500 mg"),
            rec("a:1", "LAMZ", 0.1, "1/h", "500 mg"),
            rec("a:1", "CLO", 10.0, "L/h", "500 mg"),
            rec("a:1", "VZO", 100.0, "L", "500 mg"),
            rec("a:1", "AUCIFO", 50_000.0, "ng·h/mL", "500 mg"),
        ];
        let c = check(&good, 0.1);
        assert_eq!(c.rate, 0.0);
        assert_eq!(c.identities.values().map(|i| i.checked).sum::<usize>(), 3);
        // A wrong volume (unit slip) breaks V = CL·t1/2/ln2 only.
        let mut bad = good.clone();
        bad[3].value_canonical = Some(0.1);
        let c = check(&bad, 0.1);
        assert_eq!(c.rate, 1.0);
        assert_eq!(c.identities["V = CL * t1/2 / ln2"].broken, 1);
        assert_eq!(c.identities["t1/2 = ln2 / lambda_z"].broken, 0);
        assert_eq!(c.examples, ["a:1 []: V = CL * t1/2 / ln2"]);
        assert_eq!(dose_mg("250 µg"), Some((0.25, false)));
        assert_eq!(dose_mg("5 mg/kg"), Some((5.0, true)));
        assert_eq!(dose_mg("twice daily"), None);
    }
}
