//! Property tests of the unit algebra: conversions round-trip, spellings agree, and a
//! dimension mismatch is always an error.

use hysim_units::{Error, Family, Unit, convert, family_of};
use proptest::prelude::*;

const SPELLINGS: &[(&str, Family)] = &[
    ("ng/mL", Family::Concentration),
    ("µg/L", Family::Concentration),
    ("mg/L", Family::Concentration),
    ("pg/mL", Family::Concentration),
    ("mg/dL", Family::Concentration),
    ("ng·h/mL", Family::Auc),
    ("h·ng/mL", Family::Auc),
    ("mg·h/L", Family::Auc),
    ("µg·min/mL", Family::Auc),
    ("L/h", Family::Clearance),
    ("mL/min", Family::Clearance),
    ("L/day", Family::Clearance),
    ("L/h/kg", Family::ClearancePerKg),
    ("mL·min⁻¹·kg⁻¹", Family::ClearancePerKg),
    ("L", Family::Volume),
    ("mL", Family::Volume),
    ("L/kg", Family::VolumePerKg),
    ("mL/kg", Family::VolumePerKg),
    ("h", Family::Time),
    ("min", Family::Time),
    ("days", Family::Time),
    ("1/h", Family::RateConstant),
    ("min-1", Family::RateConstant),
    ("%", Family::Percent),
];

fn spelling() -> impl Strategy<Value = (&'static str, Family)> {
    proptest::sample::select(SPELLINGS)
}

/// Two spellings of the same family.
fn same_family() -> impl Strategy<Value = (&'static str, &'static str, Family)> {
    spelling().prop_flat_map(|(a, family)| {
        let same: Vec<&'static str> = SPELLINGS.iter().filter(|(_, f)| *f == family).map(|(s, _)| *s).collect();
        proptest::sample::select(same).prop_map(move |b| (a, b, family))
    })
}

proptest! {
    #[test]
    fn converting_there_and_back_is_the_identity(value in 1e-6f64..1e6, (a, b, family) in same_family()) {
        let (ua, ub) = (Unit::parse(a).unwrap(), Unit::parse(b).unwrap());
        let canonical = convert(value, &ua, family, None).unwrap();
        // canonical → b, through b's factor, then back → canonical.
        let in_b = canonical * convert(1.0, &Unit::parse(family.canonical()).unwrap(), family, None).unwrap()
            / convert(1.0, &ub, family, None).unwrap();
        let back = convert(in_b, &ub, family, None).unwrap();
        prop_assert!((back - canonical).abs() <= 1e-9 * canonical.abs(), "{value} {a} -> {canonical} -> {in_b} {b} -> {back}");
        prop_assert_eq!(family_of(&ua), Some(family));
    }

    #[test]
    fn other_dimensions_are_errors(value in 1e-3f64..1e3, (a, family) in spelling(), (_, target) in spelling()) {
        prop_assume!(family != target);
        let err = convert(value, &Unit::parse(a).unwrap(), target, None).unwrap_err();
        let is_mismatch = matches!(err, Error::DimensionMismatch { .. });
        prop_assert!(is_mismatch);
    }

    #[test]
    fn conversion_is_linear(x in 1e-3f64..1e3, k in 1e-3f64..1e3, (a, family) in spelling()) {
        let u = Unit::parse(a).unwrap();
        let one = convert(x, &u, family, None).unwrap();
        let scaled = convert(k * x, &u, family, None).unwrap();
        prop_assert!((scaled - k * one).abs() <= 1e-9 * scaled.abs());
    }

    #[test]
    fn parsing_never_panics(text in "\\PC{0,24}") {
        let _ = Unit::parse(&text);
    }

    #[test]
    fn molar_conversion_scales_with_molecular_weight(value in 1e-3f64..1e3, mw in 50.0f64..2000.0) {
        let unit = Unit::parse("nmol/L").unwrap();
        let ng_ml = convert(value, &unit, Family::Concentration, Some(mw)).unwrap();
        prop_assert!((ng_ml - value * mw / 1000.0).abs() <= 1e-9 * ng_ml);
    }
}
