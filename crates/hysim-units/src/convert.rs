//! Canonical PK units and conversion into them.

use crate::{Dims, Error, Result, Unit};

/// A PK quantity and its canonical unit (`SPEC.md`, "Canonical units").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// ng/mL.
    Concentration,
    /// h.
    Time,
    /// ng·h/mL.
    Auc,
    /// L/h.
    Clearance,
    /// L/h/kg.
    ClearancePerKg,
    /// L.
    Volume,
    /// L/kg.
    VolumePerKg,
    /// 1/h.
    RateConstant,
    /// %.
    Percent,
}

impl Family {
    /// Every family.
    pub const ALL: [Family; 9] = [
        Family::Concentration,
        Family::Time,
        Family::Auc,
        Family::Clearance,
        Family::ClearancePerKg,
        Family::Volume,
        Family::VolumePerKg,
        Family::RateConstant,
        Family::Percent,
    ];

    /// The canonical unit as written in records.
    pub fn canonical(self) -> &'static str {
        match self {
            Family::Concentration => "ng/mL",
            Family::Time => "h",
            Family::Auc => "ng·h/mL",
            Family::Clearance => "L/h",
            Family::ClearancePerKg => "L/h/kg",
            Family::Volume => "L",
            Family::VolumePerKg => "L/kg",
            Family::RateConstant => "1/h",
            Family::Percent => "%",
        }
    }

    /// A short name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Family::Concentration => "concentration",
            Family::Time => "time",
            Family::Auc => "AUC",
            Family::Clearance => "clearance",
            Family::ClearancePerKg => "clearance per body weight",
            Family::Volume => "volume",
            Family::VolumePerKg => "volume per body weight",
            Family::RateConstant => "rate constant",
            Family::Percent => "percentage",
        }
    }

    /// Dimensions and the factor of the canonical unit in base units.
    fn target(self) -> (Dims, f64) {
        let d = |mass, volume, time, body_weight| Dims { mass, volume, time, body_weight, ..Dims::default() };
        match self {
            Family::Concentration => (d(1, -1, 0, 0), 1e-6),
            Family::Time => (d(0, 0, 1, 0), 1.0),
            Family::Auc => (d(1, -1, 1, 0), 1e-6),
            Family::Clearance => (d(0, 1, -1, 0), 1.0),
            Family::ClearancePerKg => (d(0, 1, -1, -1), 1.0),
            Family::Volume => (d(0, 1, 0, 0), 1.0),
            Family::VolumePerKg => (d(0, 1, 0, -1), 1.0),
            Family::RateConstant => (d(0, 0, -1, 0), 1.0),
            Family::Percent => (Dims::default(), 0.01),
        }
    }
}

/// The family whose dimensions the unit has, if any (molar units count as their mass
/// equivalent; a plain ratio is a percentage only when written with `%`).
pub fn family_of(unit: &Unit) -> Option<Family> {
    let mut dims = unit.dims;
    dims.mass = dims.mass.saturating_add(dims.amount);
    dims.amount = 0;
    Family::ALL.into_iter().find(|f| {
        let (target, _) = f.target();
        target == dims && (*f != Family::Percent || unit.percent)
    })
}

/// The family a unit of activity measures, its international units standing for the mass
/// (`IU/mL` a concentration, `IU·h/mL` an AUC, `mIU/mL` too); `None` for any other unit.
/// No value converts into that family's canonical unit: this says what the unit measures.
pub fn activity_family(unit: &Unit) -> Option<Family> {
    let mut dims = unit.dims;
    if dims.activity == 0 || dims.mass != 0 || dims.amount != 0 {
        return None;
    }
    dims.mass = dims.activity;
    dims.activity = 0;
    Family::ALL.into_iter().find(|f| f.target().0 == dims && *f != Family::Percent)
}

/// Rounds to `digits` significant digits, so a unit factor's binary rounding
/// (`10.5 * 1000 = 10500.000000000002`) does not reach the records.
pub fn round_significant(x: f64, digits: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(digits - 1 - x.abs().log10().floor() as i32);
    (x * scale).round() / scale
}

/// Converts `value` printed in `unit` into the canonical unit of `family`.
///
/// Molar units need `molecular_weight` (g/mol); a unit of another dimension is an error
/// naming both.
pub fn convert(value: f64, unit: &Unit, family: Family, molecular_weight: Option<f64>) -> Result<f64> {
    let (target, target_factor) = family.target();
    let mismatch =
        || Error::DimensionMismatch { unit: unit.text.clone(), family: family.name(), canonical: family.canonical() };
    let mut dims = unit.dims;
    let mut factor = unit.factor;
    if dims.amount != 0 {
        if i16::from(dims.amount) != i16::from(target.mass) - i16::from(dims.mass) {
            return Err(mismatch());
        }
        let mw = molecular_weight
            .filter(|m| m.is_finite() && *m > 0.0)
            .ok_or_else(|| Error::NeedsMolecularWeight { unit: unit.text.clone(), canonical: family.canonical() })?;
        // mol → g: multiply by g/mol once per power.
        factor *= mw.powi(i32::from(dims.amount));
        dims.mass = dims.mass.saturating_add(dims.amount);
        dims.amount = 0;
    }
    if dims != target || (family == Family::Percent && !unit.percent) {
        return Err(mismatch());
    }
    Ok(value * factor / target_factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_to_significant_digits() {
        assert_eq!(round_significant(10.5 * 1000.0, 12), 10500.0);
        assert_eq!(round_significant(0.0123456, 3), 0.0123);
        assert_eq!(round_significant(0.0, 3), 0.0);
        assert!(round_significant(f64::NAN, 3).is_nan());
    }

    fn check(value: f64, unit: &str, family: Family, mw: Option<f64>, expect: &str) {
        let got = match Unit::parse(unit).and_then(|u| convert(value, &u, family, mw)) {
            Ok(v) => format!("{:.6} {}", v, family.canonical()),
            Err(e) => format!("error: {e}"),
        };
        assert_eq!(got, expect, "{value} {unit}");
    }

    #[test]
    fn conversions_from_the_vocabulary_notes() {
        check(1.0, "mg/L", Family::Concentration, None, "1000.000000 ng/mL");
        check(1.0, "µg/mL", Family::Concentration, None, "1000.000000 ng/mL");
        check(1.0, "mg/dL", Family::Concentration, None, "10000.000000 ng/mL");
        check(500.0, "pg/mL", Family::Concentration, None, "0.500000 ng/mL");
        check(1.0, "mg·h/L", Family::Auc, None, "1000.000000 ng·h/mL");
        check(60.0, "µg·min/mL", Family::Auc, None, "1000.000000 ng·h/mL");
        check(1.0, "µg·day/mL", Family::Auc, None, "24000.000000 ng·h/mL");
        check(1.0, "mL/min", Family::Clearance, None, "0.060000 L/h");
        check(1.0, "mL/min/kg", Family::ClearancePerKg, None, "0.060000 L/h/kg");
        check(1000.0, "mL/kg", Family::VolumePerKg, None, "1.000000 L/kg");
        check(90.0, "min", Family::Time, None, "1.500000 h");
        check(2.0, "d", Family::Time, None, "48.000000 h");
        check(0.5, "min⁻¹", Family::RateConstant, None, "30.000000 1/h");
        check(68.0, "%", Family::Percent, None, "68.000000 %");
    }

    #[test]
    fn molar_units_need_a_molecular_weight() {
        check(
            100.0,
            "nmol/L",
            Family::Concentration,
            None,
            "error: nmol/L is molar: converting it to ng/mL needs the molecular weight",
        );
        // 100 nmol/L of a 300 g/mol drug = 30 ng/mL.
        check(100.0, "nmol/L", Family::Concentration, Some(300.0), "30.000000 ng/mL");
        check(1.0, "µM", Family::Concentration, Some(250.0), "250.000000 ng/mL");
        check(1.0, "µmol·h/L", Family::Auc, Some(250.0), "250.000000 ng·h/mL");
    }

    #[test]
    fn mismatches_name_unit_and_family() {
        check(1.0, "ng/mL", Family::Auc, None, "error: ng/mL is not a unit of AUC (canonical ng·h/mL)");
        check(1.0, "ng/g", Family::Concentration, None, "error: ng/g is not a unit of concentration (canonical ng/mL)");
        check(1.0, "L/h/kg", Family::Clearance, None, "error: L/h/kg is not a unit of clearance (canonical L/h)");
        check(1.0, "L/h/m2", Family::Clearance, None, "error: L/h/m2 is not a unit of clearance (canonical L/h)");
        check(1.0, "ng/g", Family::Percent, None, "error: ng/g is not a unit of percentage (canonical %)");
    }

    #[test]
    fn families_are_recognised() {
        let family = |u: &str| family_of(&Unit::parse(u).unwrap());
        assert_eq!(family("ng h/mL"), Some(Family::Auc));
        assert_eq!(family("mL/min/kg"), Some(Family::ClearancePerKg));
        assert_eq!(family("nM"), Some(Family::Concentration));
        assert_eq!(family("%"), Some(Family::Percent));
        assert_eq!(family("ng/g"), None);
        assert_eq!(family("(ng·h/mL)/mg"), None);
        // International units of activity convert to no mass unit.
        assert_eq!(family("IU/mL"), None);
        assert_eq!(family("mIU·h/mL"), None);
        let activity = |u: &str| activity_family(&Unit::parse(u).unwrap());
        assert_eq!(activity("IU/mL"), Some(Family::Concentration));
        assert_eq!(activity("mIU·h/mL"), Some(Family::Auc));
        assert_eq!(activity("IU/kg"), None);
        assert_eq!(activity("ng/mL"), None);
    }
}
