//! Printed units and numbers: which unit a table prints each quantity in, and how a
//! value is rounded and written (decimal point or comma).

use crate::rng::Rng;

/// What a reported quantity measures, in the generator's internal units (mg/L, h,
/// mg·h/L, L/h, L/h/kg, L, L/kg, 1/h, fraction).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quantity {
    /// Concentration, mg/L.
    Concentration,
    /// Time, h.
    Time,
    /// Area under the curve, mg·h/L.
    Auc,
    /// Clearance, L/h.
    Clearance,
    /// Clearance per body weight, L/h/kg.
    ClearancePerKg,
    /// Volume, L.
    Volume,
    /// Volume per body weight, L/kg.
    VolumePerKg,
    /// Rate constant, 1/h.
    Rate,
    /// Fraction, printed as %.
    Fraction,
    /// Amount, mg (no canonical unit).
    Amount,
    /// Concentration in a tissue, mg/kg of tissue (no canonical unit).
    TissueConcentration,
    /// Area in a tissue, mg·h/kg of tissue (no canonical unit).
    TissueAuc,
}

/// A printed unit: `printed = internal × factor`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct UnitChoice {
    /// The unit as printed.
    pub text: &'static str,
    /// Multiplier from the internal unit.
    pub factor: f64,
}

/// A unit choice literal (a struct expression, so that slices of them are promoted to
/// statics).
macro_rules! u {
    ($text:expr, $factor:expr) => {
        UnitChoice { text: $text, factor: $factor }
    };
}

/// Units a table may print a quantity in; `small` asks for the units of small values
/// (ng/mL rather than µg/mL). `human` prefers the clinical spellings.
pub(crate) fn unit_options(quantity: Quantity, small: bool, human: bool) -> &'static [UnitChoice] {
    match (quantity, small, human) {
        (Quantity::Concentration, true, true) => &[u!("ng/mL", 1000.0), u!("µg/L", 1000.0), u!("ng/ml", 1000.0)],
        (Quantity::Concentration, true, false) => &[u!("ng/mL", 1000.0), u!("ng/ml", 1000.0), u!("µg/L", 1000.0)],
        (Quantity::Concentration, false, true) => &[u!("mg/L", 1.0), u!("µg/mL", 1.0), u!("ng/mL", 1000.0)],
        (Quantity::Concentration, false, false) => &[u!("µg/mL", 1.0), u!("μg/ml", 1.0), u!("mg/L", 1.0)],
        (Quantity::Auc, true, true) => &[u!("ng·h/mL", 1000.0), u!("h·ng/mL", 1000.0), u!("µg·h/L", 1000.0)],
        (Quantity::Auc, true, false) => &[u!("ng·h/mL", 1000.0), u!("ng h/mL", 1000.0), u!("ng·h/ml", 1000.0)],
        (Quantity::Auc, false, true) => &[u!("mg·h/L", 1.0), u!("µg·h/mL", 1.0), u!("h·µg/mL", 1.0)],
        (Quantity::Auc, false, false) => &[u!("µg·h/mL", 1.0), u!("μg h/ml", 1.0), u!("mg·h/L", 1.0)],
        (Quantity::Time, _, _) => &[u!("h", 1.0), u!("h", 1.0), u!("hr", 1.0)],
        (Quantity::Clearance, _, _) => &[u!("L/h", 1.0), u!("mL/min", 1000.0 / 60.0), u!("L/hr", 1.0)],
        (Quantity::ClearancePerKg, _, true) => &[u!("L/h/kg", 1.0), u!("mL/min/kg", 1000.0 / 60.0)],
        (Quantity::ClearancePerKg, _, false) => &[
            u!("mL/min/kg", 1000.0 / 60.0),
            u!("L/h/kg", 1.0),
            u!("mL/h/kg", 1000.0),
            u!("mL·min⁻¹·kg⁻¹", 1000.0 / 60.0),
        ],
        (Quantity::Volume, _, _) => &[u!("L", 1.0)],
        (Quantity::VolumePerKg, _, true) => &[u!("L/kg", 1.0)],
        (Quantity::VolumePerKg, _, false) => &[u!("L/kg", 1.0), u!("mL/kg", 1000.0)],
        (Quantity::Rate, _, _) => &[u!("1/h", 1.0), u!("h⁻¹", 1.0), u!("h-1", 1.0)],
        (Quantity::Fraction, _, _) => &[u!("%", 100.0)],
        (Quantity::Amount, _, _) => &[u!("mg", 1.0), u!("mg", 1.0), u!("µg", 1000.0)],
        (Quantity::TissueConcentration, true, _) => &[u!("ng/g", 1000.0), u!("µg/kg", 1000.0)],
        (Quantity::TissueConcentration, false, _) => &[u!("µg/g", 1.0), u!("mg/kg", 1.0)],
        (Quantity::TissueAuc, true, _) => &[u!("ng·h/g", 1000.0), u!("µg·h/kg", 1000.0)],
        (Quantity::TissueAuc, false, _) => &[u!("µg·h/g", 1.0), u!("µg h/g", 1.0)],
    }
}

/// Picks a unit for a quantity whose typical internal value is `typical`.
pub(crate) fn choose_unit(rng: &mut Rng, quantity: Quantity, typical: f64, human: bool) -> UnitChoice {
    let small = match quantity {
        Quantity::Concentration | Quantity::TissueConcentration => typical < 0.5,
        Quantity::Auc | Quantity::TissueAuc => typical < 5.0,
        _ => false,
    };
    let options = unit_options(quantity, small, human);
    // The first option is the house style; the others are variants.
    if rng.chance(0.6) { options[0] } else { *rng.pick(options) }
}

/// The number of decimals a paper prints for a value of this size (about three
/// significant figures, never more than `max_decimals`).
pub(crate) fn decimals_for(x: f64, max_decimals: usize) -> usize {
    let a = x.abs();
    let d = if a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else if a >= 1.0 {
        2
    } else if a >= 0.1 {
        3
    } else if a >= 0.01 {
        4
    } else {
        5
    };
    d.min(max_decimals)
}

/// A value rounded to `decimals` and written with a point or a comma.
pub(crate) fn number(x: f64, decimals: usize, comma: bool) -> String {
    let text = format!("{x:.decimals$}");
    let text = if text.starts_with('-') && text.trim_start_matches(['-', '0', '.']).is_empty() {
        text.trim_start_matches('-').to_owned()
    } else {
        text
    };
    if comma { text.replace('.', ",") } else { text }
}

/// The value a printed number stands for (what a reader of the table takes it to be).
pub(crate) fn printed_value(x: f64, decimals: usize) -> f64 {
    format!("{x:.decimals$}").parse().expect("invariant: a formatted f64 parses")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_like_papers() {
        assert_eq!(number(1234.56, decimals_for(1234.56, 5), false), "1235");
        assert_eq!(number(12.345, decimals_for(12.345, 5), false), "12.3");
        assert_eq!(number(0.012345, decimals_for(0.012345, 5), true), "0,0123");
        assert_eq!(number(-0.0001, 2, false), "0.00");
        assert_eq!(printed_value(2.3456, 2), 2.35);
    }

    #[test]
    fn every_printed_unit_reads_in_its_family() {
        use hysim_units::{Family, Unit, convert};
        let families = [
            (Quantity::Concentration, Family::Concentration, 1000.0),
            (Quantity::Auc, Family::Auc, 1000.0),
            (Quantity::Time, Family::Time, 1.0),
            (Quantity::Clearance, Family::Clearance, 1.0),
            (Quantity::ClearancePerKg, Family::ClearancePerKg, 1.0),
            (Quantity::Volume, Family::Volume, 1.0),
            (Quantity::VolumePerKg, Family::VolumePerKg, 1.0),
            (Quantity::Rate, Family::RateConstant, 1.0),
            (Quantity::Fraction, Family::Percent, 100.0),
        ];
        // Amounts and per-gram tissue units read, and belong to no canonical family.
        for quantity in [Quantity::Amount, Quantity::TissueConcentration, Quantity::TissueAuc] {
            for small in [false, true] {
                for choice in unit_options(quantity, small, false) {
                    let unit = Unit::parse(choice.text).unwrap_or_else(|e| panic!("{}: {e}", choice.text));
                    assert_eq!(hysim_units::family_of(&unit), None, "{}", choice.text);
                }
            }
        }
        for (quantity, family, canonical_per_internal) in families {
            for small in [false, true] {
                for human in [false, true] {
                    for choice in unit_options(quantity, small, human) {
                        let unit = Unit::parse(choice.text).unwrap_or_else(|e| panic!("{}: {e}", choice.text));
                        // One internal unit printed in this unit, converted to the canonical one.
                        let canonical = convert(choice.factor, &unit, family, None).unwrap();
                        assert!(
                            (canonical - canonical_per_internal).abs() < 1e-9 * canonical_per_internal,
                            "{}: {canonical}",
                            choice.text
                        );
                    }
                }
            }
        }
    }
}
