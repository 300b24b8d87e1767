//! The unit grammar.
//!
//! ```text
//! unit    := product
//! product := factor (('/' | '·' | '*' | '×' | '.' | ' ') factor)*     left to right; '/' divides by the next factor
//! factor  := '(' product ')' exponent? | number exponent? | word exponent?
//! exponent:= ('^')? ('-' | '+')? digits | superscript digits          (so h-1, h^-1, h⁻¹, m2, m²)
//! ```
//!
//! `per` reads as `/`. Micro signs (`µ`, `μ`, `u`, `mcg`) are equivalent; words are
//! case-insensitive except the molar `M` family (`mM`, `µM`, `nM`).

use crate::{Error, Result};

/// Integer exponents of the dimensions a PK unit can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Dims {
    /// Drug mass (base: g).
    pub mass: i8,
    /// Volume (base: L).
    pub volume: i8,
    /// Time (base: h).
    pub time: i8,
    /// Amount of substance (base: mol).
    pub amount: i8,
    /// Body weight (base: kg).
    pub body_weight: i8,
    /// Body surface area (base: m²).
    pub area: i8,
    /// Administered dose (base: mg).
    pub dose: i8,
    /// Tissue mass, as in `ng/g` (base: g).
    pub tissue: i8,
    /// Biological activity in international units, as in `IU/mL` (base: IU).
    pub activity: i8,
    /// Cells counted, as in an intracellular `fmol/10^6 cells` (base: one cell).
    pub cells: i8,
}

/// A parsed unit: `value [unit] = value * factor [base units^dims]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The text as printed.
    pub text: String,
    /// Multiplier to the base units.
    pub factor: f64,
    /// Dimensions.
    pub dims: Dims,
    /// Whether the unit is a percentage (`%`).
    pub percent: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Base {
    Mass,
    Volume,
    Time,
    Amount,
    /// mol/L, carried as amount and volume.
    Molar,
    Area,
    /// International units of activity (`IU`, `mIU`, `µIU`; `mU`, `µU`).
    Activity,
    /// Cells counted (`cells`, as in `fmol/10^6 cells`).
    Cells,
    Percent,
    Number,
}

/// One base unit with its scale and exponent, before masses in denominators are classified.
#[derive(Debug, Clone, Copy)]
struct Atom {
    base: Base,
    scale: f64,
    exp: i32,
    is_kg: bool,
}

/// A mass equivalent written in one word (`ngeq`, `µgEq`): the mass's base and scale (not
/// milliequivalents, `mEq`, whose `m` is no mass).
fn mass_equivalent(word: &str) -> Option<(Base, f64)> {
    let lower = word.to_lowercase();
    let mass = ["equivalents", "equivalent", "equiv", "eq"]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix).and_then(|m| word.get(..m.len())))?;
    lookup(mass).filter(|(base, _)| *base == Base::Mass)
}

fn lookup(word: &str) -> Option<(Base, f64)> {
    // The molar family is case-sensitive (`mM` is not `mm`).
    let molar = match word {
        "M" => Some(1.0),
        "mM" => Some(1e-3),
        "uM" | "µM" | "μM" => Some(1e-6),
        "nM" => Some(1e-9),
        "pM" => Some(1e-12),
        _ => None,
    };
    if let Some(scale) = molar {
        return Some((Base::Molar, scale));
    }
    // Turkish hours (`saat`), printed `sa` in lower case only (`SA` is a surface area, a
    // sample's code).
    if word == "sa" {
        return Some((Base::Time, 1.0));
    }
    // Activity in international units (heparins' anti-Xa, insulin, factor concentrates,
    // enzymes): `IU`, `mIU`, `µIU`, `kIU`, French and Italian `UI`, German `IE` (`I.E.`), and units written `mU`,
    // `µU` (insulin's `µU/mL`). A bare `U` is left unknown (a urine's or a subject's
    // letter), and `MU` is a dose's million units, not milli-units.
    if word == "MU" || word == "U" {
        return None;
    }
    // (Million international units, `MIU`, as interferon doses are written; not `mIU`.)
    if word == "MIU" {
        return Some((Base::Activity, 1e6));
    }
    if word == "IE" {
        return Some((Base::Activity, 1.0));
    }
    let lower = word.to_lowercase().replace(['µ', 'μ'], "u");
    let lower = lower.strip_prefix("mc").map(|rest| format!("u{rest}")).unwrap_or(lower);
    Some(match lower.as_str() {
        // (With the units of Russian tables: `мкг/мл`, `нг/мл`, `ч`.)
        "g" | "gram" | "grams" | "г" => (Base::Mass, 1.0),
        "мкг" => (Base::Mass, 1e-6),
        "нг" => (Base::Mass, 1e-9),
        "мг" => (Base::Mass, 1e-3),
        "кг" => (Base::Mass, 1e3),
        "мл" => (Base::Volume, 1e-3),
        "л" => (Base::Volume, 1.0),
        "дл" => (Base::Volume, 0.1),
        "ч" | "час" | "óra" | "ώρα" | "ώρες" | "tunti" => (Base::Time, 1.0),
        "мин" | "perc" => (Base::Time, 1.0 / 60.0),
        // Hungarian `ttkg`, testtömeg-kilogramm: a kilogram of body weight.
        "ttkg" => (Base::Mass, 1e3),
        "kg" => (Base::Mass, 1e3),
        "mg" | "milligram" | "milligrams" => (Base::Mass, 1e-3),
        "ug" | "microgram" | "micrograms" => (Base::Mass, 1e-6),
        "ng" | "nanogram" | "nanograms" => (Base::Mass, 1e-9),
        "pg" | "picogram" | "picograms" => (Base::Mass, 1e-12),
        "fg" => (Base::Mass, 1e-15),
        "l" | "liter" | "liters" | "litre" | "litres" => (Base::Volume, 1.0),
        "dl" => (Base::Volume, 0.1),
        "ml" | "cc" | "millilitre" | "milliliter" | "millilitres" | "milliliters" => (Base::Volume, 1e-3),
        "ul" | "microlitre" | "microliter" => (Base::Volume, 1e-6),
        "nl" => (Base::Volume, 1e-9),
        "s" | "sec" | "secs" | "second" | "seconds" => (Base::Time, 1.0 / 3600.0),
        "min" | "mins" | "minute" | "minutes" => (Base::Time, 1.0 / 60.0),
        // (Dutch `uur`, French `heure`, Turkish `saat`, as units in other languages' tables;
        // not `Std`, also a standard deviation.)
        "h" | "hr" | "hrs" | "hour" | "hours" | "uur" | "heure" | "heures" | "saat" => (Base::Time, 1.0),
        // (Spanish, Portuguese, Italian and German hours: `horas`, `ore`, `Stunden`.)
        "hora" | "horas" | "ora" | "ore" | "stunde" | "stunden" => (Base::Time, 1.0),
        // (Danish and Norwegian `timer`, Swedish `tim` and `timmar`, Polish `godz.`, Czech
        // `hod`: `µg·timer/ml`. Not their `t`: `t1/2` would read as a unit.)
        "timer" | "tim" | "timmar" | "godz" | "godz." | "hod" => (Base::Time, 1.0),
        // (Hours in Vietnamese `giờ`, Thai `ชม.` (ชั่วโมง), Icelandic `klst.`, Persian `ساعت`,
        // Arabic `ساعة`, Hebrew `שעות`, and their minutes; not Ukrainian `год`, a year in
        // Russian and Bulgarian, nor short words that are other words (`val`, `sat`, `ur`).)
        "giờ" | "ชม" | "ชั่วโมง" | "klst" | "ساعت" | "ساعة" | "ساعات" | "שעות" | "שעה" => {
            (Base::Time, 1.0)
        }
        "хв" | "phút" | "นาที" | "mín" | "دقیقه" | "دقيقة" | "דקות" => {
            (Base::Time, 1.0 / 60.0)
        }
        "ngày" | "доба" | "діб" => (Base::Time, 24.0),
        "d" | "day" | "days" => (Base::Time, 24.0),
        // (Days in Spanish, Portuguese, French, Italian, German and Dutch tables: `ng·dia/mL`,
        // `L/día/kg`, `mg/Tag`, `jours`.)
        "dia" | "dias" | "día" | "días" | "jour" | "jours" | "giorno" | "giorni" | "tag" | "tage" | "dag" | "dagen" => {
            (Base::Time, 24.0)
        }
        "wk" | "wks" | "week" | "weeks" => (Base::Time, 168.0),
        "semana" | "semanas" | "semaine" | "semaines" | "settimana" | "settimane" | "woche" | "wochen" | "weken" => {
            (Base::Time, 168.0)
        }
        // (The mean month of the Gregorian calendar, 30.4375 days: depot formulations' areas,
        // `ng·month/mL`, and half-lives in months.)
        "month" | "months" | "mo" => (Base::Time, 730.5),
        "mol" => (Base::Amount, 1.0),
        "mmol" => (Base::Amount, 1e-3),
        "umol" => (Base::Amount, 1e-6),
        "nmol" => (Base::Amount, 1e-9),
        "pmol" => (Base::Amount, 1e-12),
        "fmol" => (Base::Amount, 1e-15),
        "m" => (Base::Area, 1.0),
        "%" | "percent" => (Base::Percent, 1.0),
        "iu" | "ui" => (Base::Activity, 1.0),
        "kiu" => (Base::Activity, 1e3),
        "miu" | "mu" => (Base::Activity, 1e-3),
        "uiu" | "uu" => (Base::Activity, 1e-6),
        // Intracellular amounts per cells counted (`fmol/10^6 cells`).
        "cell" | "cells" => (Base::Cells, 1.0),
        _ => return None,
    })
}

/// `text` without the body-weight scalar named after its `kg` (`L/kg TBW` is `L/kg`), or
/// `None` where it names none.
fn weight_scalar_after_kg(text: &str) -> Option<String> {
    const SCALARS: &[&str] = &[
        "of total body weight",
        "of body weight",
        "total body weight",
        "lean body weight",
        "ideal body weight",
        "adjusted body weight",
        "body weight",
        "bodyweight",
        "of bw",
        "tbw",
        "lbw",
        "ibw",
        "abw",
        "adjbw",
        "ffm",
        "bw",
    ];
    // (In any case, `KG`, `Kg`; an ASCII pair, so `at` is a character boundary.)
    let at = text.as_bytes().windows(2).position(|w| w.eq_ignore_ascii_case(b"kg"))? + 2;
    let rest = &text[at..];
    // After a space (a no-break space too), bare or in brackets: `L/kg TBW`, `L/kg (LBW)`.
    let after = rest.trim_start();
    if after.len() == rest.len() {
        return None;
    }
    let (inner, bracketed) = after.strip_prefix('(').map_or((after, false), |r| (r, true));
    let lower = inner.to_ascii_lowercase();
    let scalar = SCALARS.iter().find(|s| {
        lower.strip_prefix(*s).is_some_and(|r| {
            if bracketed { r.starts_with(')') } else { r.is_empty() || r.starts_with([')', '/', ' ', '·']) }
        })
    })?;
    let skipped = rest.len() - after.len() + scalar.len() + if bracketed { 2 } else { 0 };
    Some(format!("{}{}", &text[..at], &text[at + skipped..]))
}

struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    text: &'a str,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn skip_spaces(&mut self) -> bool {
        let start = self.pos;
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
        self.pos > start
    }

    fn malformed(&self, problem: &'static str) -> Error {
        Error::Malformed { unit: self.text.to_owned(), problem }
    }

    /// product := factor (op factor)*
    fn product(&mut self) -> Result<Vec<Atom>> {
        let mut atoms = Vec::new();
        self.skip_spaces();
        let mut divide = false;
        if self.peek() == Some('/') {
            // "/h" means "1/h".
            self.pos += 1;
            divide = true;
        }
        loop {
            self.skip_spaces();
            let mut factor = self.factor()?;
            // (A count of cells divided by goes below with them: `fmol/10^6 cells`. Other
            // numbers multiply wherever they stand: `L/h/70 kg` is no division by 70.)
            // (Or bracketed with them: `fmol/(10^6 cells)`.)
            let counted = divide
                && (factor.iter().all(|a| a.base == Base::Number) && {
                    let rest: String = self.chars[self.pos..].iter().collect::<String>().trim_start().to_lowercase();
                    rest.starts_with("cell")
                } || factor.iter().any(|a| a.base == Base::Cells));
            if divide {
                for atom in &mut factor {
                    if atom.base != Base::Number || counted {
                        atom.exp = atom.exp.saturating_neg();
                    }
                }
            }
            atoms.extend(factor);
            self.skip_spaces();
            match self.peek() {
                None | Some(')') => return Ok(atoms),
                Some('/') => {
                    self.pos += 1;
                    divide = true;
                }
                Some('·' | '*' | '×' | '.' | '⋅' | '•') => {
                    self.pos += 1;
                    divide = false;
                }
                Some(_) => divide = counted,
            }
            // "per" is a division.
            self.skip_spaces();
            let rest: String = self.chars[self.pos..].iter().take(4).collect();
            if rest.to_lowercase().starts_with("per") && !rest.chars().nth(3).is_some_and(char::is_alphanumeric) {
                self.pos += 3;
                divide = true;
            }
            if self.peek().is_none() {
                return Err(self.malformed("dangling operator"));
            }
        }
    }

    fn factor(&mut self) -> Result<Vec<Atom>> {
        match self.peek() {
            Some('(' | '[') => {
                self.pos += 1;
                let inner = self.product()?;
                if !matches!(self.peek(), Some(')' | ']')) {
                    return Err(self.malformed("unbalanced parentheses"));
                }
                self.pos += 1;
                let exp = self.exponent().unwrap_or(1);
                Ok(inner.into_iter().map(|a| Atom { exp: a.exp.saturating_mul(exp), ..a }).collect())
            }
            Some(c) if c.is_ascii_digit() => {
                let start = self.pos;
                while self.peek().is_some_and(|c| c.is_ascii_digit() || c == '.') {
                    self.pos += 1;
                }
                let number: String = self.chars[start..self.pos].iter().collect();
                let value: f64 = number.parse().map_err(|_| self.malformed("bad number"))?;
                let exp = self.exponent().unwrap_or(1);
                // (Its exponent 1, so that a number divided by stands below: `fmol/10^6 cells`.)
                Ok(vec![Atom { base: Base::Number, scale: value.powi(exp), exp: 1, is_kg: false }])
            }
            Some(_) => {
                let start = self.pos;
                // (Thai tone marks are no letters but are part of the word: `ชั่วโมง`.)
                while self.peek().is_some_and(|c| c.is_alphabetic() || c == '%' || ('\u{e47}'..='\u{e4e}').contains(&c))
                {
                    self.pos += 1;
                }
                if self.pos == start {
                    return Err(self.malformed("expected a unit"));
                }
                let word: String = self.chars[start..self.pos].iter().collect();
                let (base, scale) = lookup(&word)
                    .or_else(|| mass_equivalent(&word))
                    .ok_or_else(|| Error::UnknownWord { word: word.clone(), unit: self.text.to_owned() })?;
                if base == Base::Mass {
                    self.skip_equivalent();
                }
                // (An abbreviation's point before a division, a bracket or the end: `ชม./mL`,
                // `klst./kg`; not a product's, `ng.h/ml`, nor after a letter alone, which
                // initials print, `L.M.`.)
                if word.chars().count() >= 2
                    && self.peek() == Some('.')
                    && self.chars.get(self.pos + 1).is_none_or(|c| matches!(c, '/' | ')' | ' '))
                {
                    self.pos += 1;
                }
                let exp = self.exponent().unwrap_or(1);
                // (No unit of a PK table raises a unit past a cube: `G-214` is an animal's
                // code, not grams to the power −214.)
                if exp.abs() > 3 {
                    return Err(self.malformed("exponent out of range"));
                }
                let is_kg = base == Base::Mass && scale == 1e3;
                Ok(vec![Atom { base, scale, exp, is_kg }])
            }
            None => Err(self.malformed("expected a unit")),
        }
    }

    /// The mark of a mass equivalent after a mass (`ng-eq/mL`, `µg eq/g`, `ng equiv./mL`,
    /// `ng-equivalents/mL`: radioactivity as the mass of the drug it equals), passed over.
    fn skip_equivalent(&mut self) {
        let start = self.pos;
        if matches!(self.peek(), Some('-' | ' ')) {
            self.pos += 1;
        }
        let word_start = self.pos;
        while self.peek().is_some_and(char::is_alphabetic) {
            self.pos += 1;
        }
        let word: String = self.chars[word_start..self.pos].iter().collect::<String>().to_lowercase();
        if !matches!(word.as_str(), "eq" | "equiv" | "equivalent" | "equivalents") {
            self.pos = start;
            return;
        }
        if self.peek() == Some('.') && self.chars.get(self.pos + 1).is_some_and(|c| *c == '/') {
            self.pos += 1;
        }
    }

    /// `^-1`, `-1`, `⁻¹`, `2`, `²`; `None` when there is none.
    fn exponent(&mut self) -> Option<i32> {
        const SUPER: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
        let start = self.pos;
        let mut negative = false;
        if self.peek() == Some('^') {
            self.pos += 1;
        }
        match self.peek() {
            Some('-' | '−' | '–' | '⁻') => {
                negative = true;
                self.pos += 1;
            }
            Some('+' | '⁺') => self.pos += 1,
            _ => {}
        }
        let mut digits = 0i32;
        let mut any = false;
        while let Some(c) = self.peek() {
            let d = c.to_digit(10).or_else(|| SUPER.iter().position(|s| *s == c).map(|p| p as u32));
            match d {
                Some(d) if digits < 100 => {
                    digits = digits * 10 + d as i32;
                    any = true;
                    self.pos += 1;
                }
                _ => break,
            }
        }
        if !any {
            self.pos = start;
            return None;
        }
        Some(if negative { -digits } else { digits })
    }
}

impl Unit {
    /// Parses a unit as printed in a PK table.
    pub fn parse(text: &str) -> Result<Self> {
        // A table asks the same unit of every cell of a column and papers print the same few
        // units ("ng/mL", "h"): a per-thread map answers repeats, cleared when it grows past
        // `CACHE_LIMIT` entries so that memory stays bounded.
        thread_local! {
            static PARSED: std::cell::RefCell<rustc_hash::FxHashMap<String, Result<Unit>>> = Default::default();
        }
        const CACHE_LIMIT: usize = 4096;
        if let Some(found) = PARSED.with(|c| c.borrow().get(text).cloned()) {
            return found;
        }
        let parsed = Self::parse_uncached(text);
        PARSED.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() >= CACHE_LIMIT {
                c.clear();
            }
            c.insert(text.to_owned(), parsed.clone());
        });
        parsed
    }

    fn parse_uncached(text: &str) -> Result<Self> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(Error::Empty);
        }
        // A kilogram of a named body-weight scalar is a kilogram of body weight (`L/kg TBW`,
        // `mL/min/kg LBW`: total, lean, ideal, adjusted body weight, fat-free mass).
        let scalar = weight_scalar_after_kg(trimmed);
        let trimmed = scalar.as_deref().unwrap_or(trimmed);
        // German international units, `I.E.` (Internationale Einheiten), whose points are no
        // products.
        let chars: Vec<char> = if trimmed.contains("I.E.") {
            trimmed.replace("I.E.", "IE").chars().collect()
        } else {
            trimmed.chars().collect()
        };
        let mut parser = Parser { chars, pos: 0, text };
        let atoms = parser.product()?;
        if parser.pos != parser.chars.len() {
            return Err(parser.malformed("unbalanced parentheses"));
        }
        if atoms.iter().all(|a| a.base == Base::Number) {
            return Err(parser.malformed("no unit, only numbers"));
        }
        // Cells count only below a number, as an intracellular amount is given per so many
        // of them (`fmol/10^6 cells`): `cells/µL` or `(cells)` is no unit here.
        if atoms.iter().any(|a| a.base == Base::Cells && a.exp >= 0)
            || atoms.iter().any(|a| a.base == Base::Cells) && !atoms.iter().any(|a| a.base == Base::Number && a.exp < 0)
        {
            return Err(parser.malformed("cells counted outside a denominator"));
        }
        Ok(classify(text, &atoms))
    }

    /// Whether the unit carries no dimension at all (a plain ratio or a percentage).
    pub fn is_dimensionless(&self) -> bool {
        self.dims == Dims::default()
    }
}

/// Turns atoms into a factor and dimensions, deciding what a mass in a denominator is.
fn classify(text: &str, atoms: &[Atom]) -> Unit {
    let positive = |base: Base| atoms.iter().any(|a| a.base == base && a.exp > 0);
    let has = |base: Base| atoms.iter().any(|a| a.base == base);
    let concentration_like =
        (positive(Base::Mass) || positive(Base::Molar) || positive(Base::Amount) || positive(Base::Activity))
            && (has(Base::Volume) || has(Base::Molar));
    let mut dims = Dims::default();
    let mut factor = 1.0f64;
    let mut percent = false;
    for atom in atoms {
        let e = atom.exp;
        let e8 = i8::try_from(e).unwrap_or(if e < 0 { i8::MIN } else { i8::MAX });
        match atom.base {
            Base::Number => factor *= atom.scale.powi(e),
            Base::Percent => {
                percent = true;
                factor *= 0.01f64.powi(e);
            }
            Base::Volume => {
                dims.volume = dims.volume.saturating_add(e8);
                factor *= atom.scale.powi(e);
            }
            Base::Time => {
                dims.time = dims.time.saturating_add(e8);
                factor *= atom.scale.powi(e);
            }
            Base::Amount => {
                dims.amount = dims.amount.saturating_add(e8);
                factor *= atom.scale.powi(e);
            }
            Base::Molar => {
                dims.amount = dims.amount.saturating_add(e8);
                dims.volume = dims.volume.saturating_sub(e8);
                factor *= atom.scale.powi(e);
            }
            Base::Activity => {
                dims.activity = dims.activity.saturating_add(e8);
                factor *= atom.scale.powi(e);
            }
            Base::Cells => {
                dims.cells = dims.cells.saturating_add(e8);
                factor *= atom.scale.powi(e);
            }
            Base::Area => {
                // Only square metres (body surface area) are units here.
                dims.area = dims.area.saturating_add(e8 / 2);
                factor *= atom.scale.powi(e);
            }
            Base::Mass if e > 0 => {
                dims.mass = dims.mass.saturating_add(e8);
                factor *= atom.scale.powi(e);
            }
            Base::Mass if atom.is_kg => {
                dims.body_weight = dims.body_weight.saturating_add(e8);
            }
            Base::Mass if concentration_like => {
                // (ng·h/mL)/mg: per mg of dose.
                dims.dose = dims.dose.saturating_add(e8);
                factor *= (atom.scale / 1e-3).powi(e);
            }
            Base::Mass if positive(Base::Mass) => {
                // ng/g: per g of tissue.
                dims.tissue = dims.tissue.saturating_add(e8);
                factor *= atom.scale.powi(e);
            }
            Base::Mass => {
                // mL/min/g: per g of body weight.
                dims.body_weight = dims.body_weight.saturating_add(e8);
                factor *= (atom.scale / 1e3).powi(e);
            }
        }
    }
    Unit { text: text.trim().to_owned(), factor, dims, percent }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &str) {
        let got = match Unit::parse(text) {
            Ok(u) => {
                let d = u.dims;
                let mut parts = Vec::new();
                for (name, e) in [
                    ("mass", d.mass),
                    ("vol", d.volume),
                    ("time", d.time),
                    ("amount", d.amount),
                    ("bw", d.body_weight),
                    ("area", d.area),
                    ("dose", d.dose),
                    ("tissue", d.tissue),
                    ("activity", d.activity),
                    ("cells", d.cells),
                ] {
                    if e != 0 {
                        parts.push(format!("{name}^{e}"));
                    }
                }
                if u.percent {
                    parts.push("%".to_owned());
                }
                format!("{:.6e} {}", u.factor, parts.join(" "))
            }
            Err(e) => format!("error: {e}"),
        };
        assert_eq!(got, expect, "{text}");
    }

    #[test]
    fn animal_codes_are_no_powers_of_units() {
        // `G-214` (a goat's code) is no gram to the power −214; a square still is a unit.
        assert!(Unit::parse("G-214").is_err());
        assert!(Unit::parse("M-12").is_err());
        assert!(Unit::parse("L/h/m2").is_ok());
        assert!(Unit::parse("h-1").is_ok());
    }

    #[test]
    fn amounts_per_cells_counted() {
        check("fmol/10^6 cells", "1.000000e-21 amount^1 cells^-1");
        check("fmol/10⁶ cells", "1.000000e-21 amount^1 cells^-1");
        check("pmol/10^6 cells", "1.000000e-18 amount^1 cells^-1");
        check("fmol/(10^6 cells)", "1.000000e-21 amount^1 cells^-1");
        assert!(Unit::parse("cells").is_err());
        assert!(Unit::parse("10^9 cells/L").is_err());
        assert!(Unit::parse("fmol/cells").is_err());
    }

    #[test]
    fn concentrations() {
        check("ng/mL", "1.000000e-6 mass^1 vol^-1");
        check("µg/L", "1.000000e-6 mass^1 vol^-1");
        check("μg/ml", "1.000000e-3 mass^1 vol^-1");
        check("mcg/mL", "1.000000e-3 mass^1 vol^-1");
        check("mg/dL", "1.000000e-2 mass^1 vol^-1");
        check("ng mL−1", "1.000000e-6 mass^1 vol^-1");
        check("nmol/L", "1.000000e-9 vol^-1 amount^1");
        check("µM", "1.000000e-6 vol^-1 amount^1");
        check("ng/g", "1.000000e-9 mass^1 tissue^-1");
        // Mass equivalents of a radiolabelled drug are its mass.
        check("ng-eq/mL", "1.000000e-6 mass^1 vol^-1");
        check("ng eq/mL", "1.000000e-6 mass^1 vol^-1");
        check("µg equiv./g", "1.000000e-6 mass^1 tissue^-1");
        check("ngEq/mL", "1.000000e-6 mass^1 vol^-1");
        check("ng-equivalents/mL", "1.000000e-6 mass^1 vol^-1");
        // Milliequivalents are no mass.
        assert!(Unit::parse("mEq/L").is_err());
    }

    #[test]
    fn auc_spellings_agree() {
        for text in [
            "ng·h/mL",
            "ng*h/mL",
            "ng h/mL",
            "h·ng/mL",
            "ng/mL·h",
            "ng/mL*h",
            "ng·h·mL⁻¹",
            "hour ng mL-1",
            "(ng h)/ml",
            "ng.h/ml",
            "ng·hr/mL",
            // Hours in Dutch and Turkish tables.
            "ng·uur/ml",
            "ng·sa/ml",
        ] {
            check(text, "1.000000e-6 mass^1 vol^-1 time^1");
        }
        check("µg·min/mL", "1.666667e-5 mass^1 vol^-1 time^1");
        check("ng·h²/mL", "1.000000e-6 mass^1 vol^-1 time^2");
        // A depot's area in months (the mean calendar month, 730.5 h).
        check("ng·month/mL", "7.305000e-4 mass^1 vol^-1 time^1");
    }

    #[test]
    fn clearances_and_volumes() {
        check("L/h", "1.000000e0 vol^1 time^-1");
        check("mL/min", "6.000000e-2 vol^1 time^-1");
        check("mL/min/kg", "6.000000e-2 vol^1 time^-1 bw^-1");
        check("mL·min⁻¹·kg⁻¹", "6.000000e-2 vol^1 time^-1 bw^-1");
        check("L h−1 kg−1", "1.000000e0 vol^1 time^-1 bw^-1");
        check("L/h/m2", "1.000000e0 vol^1 time^-1 area^-1");
        check("L/kg", "1.000000e0 vol^1 bw^-1");
        check("L/kg TBW", "1.000000e0 vol^1 bw^-1");
        check("mL/min/kg LBW", "6.000000e-2 vol^1 time^-1 bw^-1");
        check("mg/kg body weight", "1.000000e-3 mass^1 bw^-1");
        check("L/kg (TBW)", "1.000000e0 vol^1 bw^-1");
        check("mL/min/KG\u{a0}LBW", "6.000000e-2 vol^1 time^-1 bw^-1");
        check("mg/kg of body weight", "1.000000e-3 mass^1 bw^-1");
        check("mL per kg", "1.000000e-3 vol^1 bw^-1");
        check("L/day", "4.166667e-2 vol^1 time^-1");
    }

    #[test]
    fn rates_times_percent_and_dose_normalised() {
        check("1/h", "1.000000e0 time^-1");
        check("h⁻¹", "1.000000e0 time^-1");
        check("/h", "1.000000e0 time^-1");
        check("hr-1", "1.000000e0 time^-1");
        check("min-1", "6.000000e1 time^-1");
        check("days", "2.400000e1 time^1");
        check("dias", "2.400000e1 time^1");
        check("ng·dia/mL", "2.400000e-5 mass^1 vol^-1 time^1");
        check("L/día/kg", "4.166667e-2 vol^1 time^-1 bw^-1");
        check("horas", "1.000000e0 time^1");
        check("µg·timer/ml", "1.000000e-3 mass^1 vol^-1 time^1");
        check("ml/tim/kg", "1.000000e-3 vol^1 time^-1 bw^-1");
        check("óra", "1.000000e0 time^1");
        // (Hours in Vietnamese, Thai, Icelandic, Arabic and Hebrew tables; not a year.)
        check("год", "error: unknown unit \"год\" in \"год\"");
        check("µg.giờ/ml", "1.000000e-3 mass^1 vol^-1 time^1");
        check("ng·ชม./mL", "1.000000e-6 mass^1 vol^-1 time^1");
        check("ชั่วโมง", "1.000000e0 time^1");
        check("ml/klst./kg", "1.000000e-3 vol^1 time^-1 bw^-1");
        check("ساعة", "1.000000e0 time^1");
        check("שעות", "1.000000e0 time^1");
        check("хв", "1.666667e-2 time^1");
        // (Initials are no unit.)
        check("L.M.", "error: malformed unit \"L.M.\": dangling operator");
        check("months", "7.305000e2 time^1");
        check("%", "1.000000e-2 %");
        check("(ng·h/mL)/mg", "1.000000e-6 mass^1 vol^-1 time^1 dose^-1");
        check("ng/mL/mg", "1.000000e-6 mass^1 vol^-1 dose^-1");
        check("mg/kg", "1.000000e-3 mass^1 bw^-1");
        check("10^3 ng/mL", "1.000000e-3 mass^1 vol^-1");
    }

    #[test]
    fn international_units_of_activity() {
        check("IU/mL", "1.000000e3 vol^-1 activity^1");
        check("IU/L", "1.000000e0 vol^-1 activity^1");
        check("mIU/mL", "1.000000e0 vol^-1 activity^1");
        check("µIU/mL", "1.000000e-3 vol^-1 activity^1");
        check("µU/mL", "1.000000e-3 vol^-1 activity^1");
        check("iu/ml", "1.000000e3 vol^-1 activity^1");
        check("mU/L", "1.000000e-3 vol^-1 activity^1");
        check("MU", "error: unknown unit \"MU\" in \"MU\"");
        check("MIU/m2", "1.000000e6 area^-1 activity^1");
        check("I.E./dl", "1.000000e1 vol^-1 activity^1");
        check("мкг/мл", "1.000000e-3 mass^1 vol^-1");
        check("ml/óra/ttkg", "1.000000e-3 vol^1 time^-1 bw^-1");
        check("I.E.×h/dl", "1.000000e1 vol^-1 time^1 activity^1");
        check("IU·h/mL", "1.000000e3 vol^-1 time^1 activity^1");
        check("IU/kg", "1.000000e0 bw^-1 activity^1");
        check("(IU·h/mL)/mg", "1.000000e3 vol^-1 time^1 dose^-1 activity^1");
    }

    #[test]
    fn bad_units_are_errors() {
        check("", "error: empty unit");
        check("U/mL", "error: unknown unit \"U\" in \"U/mL\"");
        check("ng/(mL", "error: malformed unit \"ng/(mL\": unbalanced parentheses");
        check("ng/", "error: malformed unit \"ng/\": dangling operator");
        check("ng)", "error: malformed unit \"ng)\": unbalanced parentheses");
        check("0-12", "error: malformed unit \"0-12\": no unit, only numbers");
    }
}
