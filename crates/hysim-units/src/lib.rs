//! Units as PK tables print them, and their conversion to the canonical units of `SPEC.md`.
//!
//! [`Unit::parse`] reads `ng/mL`, `ng·h/mL`, `h·ng/mL`, `ng h mL⁻¹`, `(ng h)/ml`,
//! `mL/min/kg`, `L h−1 kg−1`, `1/h`, `hr-1`, `µM`, `IU/mL`, `%` and the like into a product of
//! base units with integer exponents, tracking nine dimensions: drug mass, volume, time,
//! amount of substance, body weight, body surface area, dose, tissue mass and activity in
//! international units. A mass in a denominator
//! is read as body weight when it is `kg` and there is a volume or time in the unit
//! (`mL/min/kg`), as dose when the rest is already a PK quantity (`(ng·h/mL)/mg`), and as
//! tissue mass otherwise (`ng/g`, which no canonical unit accepts).
//!
//! [`Family`] names the canonical unit of each PK quantity (`ng/mL`, `h`, `ng·h/mL`, `L/h`,
//! `L/h/kg`, `L`, `L/kg`, `1/h`, `%`); [`convert`] converts a value into it, and converts
//! molar units only when a molecular weight is given. Activity (`IU/mL`, `IU·h/mL`) has no
//! canonical family: such a value keeps the unit as printed. Nothing is guessed: an unknown
//! word or a dimension mismatch is an [`Error`].
//!
//! # Example
//!
//! ```
//! use hysim_units::{Family, Unit, convert, family_of};
//!
//! let unit = Unit::parse("µg·h/mL").unwrap();
//! assert_eq!(family_of(&unit), Some(Family::Auc));
//! let canonical = convert(2.5, &unit, Family::Auc, None).unwrap(); // ng·h/mL
//! assert!((canonical - 2500.0).abs() < 1e-9);
//! ```
#![warn(missing_docs)]

mod convert;
mod error;
mod parse;

pub use convert::{Family, activity_family, convert, family_of, round_significant};
pub use error::{Error, Result};
pub use parse::{Dims, Unit};
