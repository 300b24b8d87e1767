//! A study design drawn from a profile, and its subjects' parameters.

use crate::catalog::{DRUGS, Drug, HUMAN_POPULATIONS, Hosts, SPECIES, Species};
use crate::pk::{Nca, Route, Subject, sampling_times};
use crate::rng::Rng;

/// How the columns (or rows) of groups are formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// One group.
    Single,
    /// Intravenous and an extravascular route in the same subjects (crossover).
    Routes,
    /// Two or three dose levels in parallel groups.
    Doses,
}

/// One group of subjects: a route and a dose.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The header that names the group ("Intravenous (n = 6)", "10 mg/kg").
    pub label: String,
    /// How the dose was given.
    pub route: Route,
    /// The dose as printed ("5 mg/kg", "500 mg").
    pub dose_text: String,
    /// Each subject's parameters.
    pub subjects: Vec<Nca>,
}

/// A study: drug, species, matrix and groups.
#[derive(Debug, Clone, PartialEq)]
pub struct Study {
    /// The drug.
    pub drug: &'static Drug,
    /// The species.
    pub species: &'static Species,
    /// How the caption names the subjects ("beagle dogs").
    pub subjects_word: &'static str,
    /// A named human population, when the caption gives one.
    pub population: Option<&'static str>,
    /// The sampled matrix (plasma, serum, milk, urine or a tissue).
    pub matrix: &'static str,
    /// How groups are formed.
    pub grouping: Grouping,
    /// The groups.
    pub groups: Vec<Group>,
    /// Whether clearance and volume are printed per kg of body weight.
    pub per_kg: bool,
    /// Whether a second compartment shows (`t1/2β`, `β`).
    pub two_compartment: bool,
    /// The dosing interval of a multiple-dose study, h: its tables report the steady state
    /// over one interval (each subject's [`Nca::steady`]).
    pub tau: Option<f64>,
}

/// A dose rounded to a number a protocol would use (1, 2, 2.5, 5 times a power of ten).
fn nice(x: f64) -> f64 {
    let exp = x.log10().floor();
    let base = 10f64.powf(exp);
    let m = x / base;
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().min_by(|a, b| (a - m).abs().total_cmp(&(b - m).abs()));
    step.unwrap_or(1.0) * base
}

fn dose_text(amount: f64, per_kg: bool) -> String {
    let (value, unit) = if amount < 1.0 { (amount * 1000.0, "µg") } else { (amount, "mg") };
    let value = format!("{value:.3}");
    let value = value.trim_end_matches('0').trim_end_matches('.');
    format!("{value} {unit}{}", if per_kg { "/kg" } else { "" })
}

impl Study {
    /// Draws a study: `animal` picks a veterinary or laboratory species, else human.
    pub fn draw(rng: &mut Rng, animal: bool) -> Self {
        let species: &'static Species = if animal {
            let animals: Vec<&'static Species> = SPECIES.iter().filter(|s| s.animal).collect();
            animals[rng.below(animals.len())]
        } else {
            &SPECIES[0]
        };
        let fits = |d: &&Drug| match (d.hosts, animal) {
            (Hosts::Both, _) | (Hosts::Veterinary, true) | (Hosts::Human, false) => true,
            // Laboratory species also receive human drugs (preclinical studies).
            (Hosts::Human, true) => matches!(species.name, "rat" | "mouse" | "dog"),
            (Hosts::Veterinary, false) => false,
        };
        let drugs: Vec<&'static Drug> = DRUGS.iter().filter(fits).collect();
        let drug = drugs[rng.below(drugs.len())];
        let subjects_word = *rng.pick(species.plural);
        let mut population = (!animal && rng.chance(0.5)).then(|| *rng.pick(HUMAN_POPULATIONS));
        let matrix = if species.dairy && rng.chance(0.35) {
            "milk"
        } else if !animal && rng.chance(0.12) {
            // Human lactation studies: milk (and maternal plasma) of nursing mothers, a
            // common design of the PK literature (the shared curated papers hold several).
            population = Some(*rng.pick(&["lactating women", "breastfeeding mothers", "nursing mothers"]));
            "milk"
        } else if rng.chance(0.06) {
            "urine"
        } else if animal && rng.chance(0.07) {
            *rng.pick(&["lung tissue", "muscle tissue", "liver tissue", "kidney tissue"])
        } else if rng.chance(0.25) {
            "serum"
        } else {
            "plasma"
        };
        let injectable = |r: Route| r != Route::Oral || drug.f_oral > 0.0;
        let ev_routes: Vec<Route> = [Route::Oral, Route::Im, Route::Sc]
            .into_iter()
            .filter(|r| injectable(*r) && (animal || *r != Route::Sc || rng.chance(0.3)))
            .collect();
        let grouping = match rng.below(10) {
            0..=3 => Grouping::Single,
            4..=6 if matrix == "plasma" || matrix == "serum" || matrix == "urine" => Grouping::Routes,
            _ => Grouping::Doses,
        };
        let ev = *rng.pick(&ev_routes);
        let single_route = if rng.chance(0.3) { Route::Iv } else { ev };
        let routes: Vec<Route> = match grouping {
            Grouping::Routes => vec![Route::Iv, ev],
            Grouping::Single => vec![single_route],
            Grouping::Doses => vec![single_route; 2 + rng.below(2)],
        };
        let per_kg = animal || rng.chance(0.3);
        let n = if animal { 4 + rng.below(9) } else { 8 + rng.below(17) };
        let base_dose = nice(drug.dose * if animal { 1.0 } else { 70.0 });
        let two_compartment = drug.two_compartment;
        // Typical per-kg clearance and volume in this species (allometric scaling).
        let scale = (species.body_weight / 70.0).powf(-0.25);
        let cl_kg = drug.cl * scale * (0.3 * rng.normal()).exp();
        let vss_kg = drug.vss * (0.2 * rng.normal()).exp();
        // Milk and tissue concentrations are plasma's times a partition ratio.
        let ratio = if matrix == "milk" { rng.range(0.2, 1.5) } else { rng.range(0.5, 5.0) };
        // Fraction of the absorbed dose excreted unchanged in urine.
        let fe = rng.range(0.05, 0.9);
        // Crossover designs reuse the subjects; parallel dose groups draw new ones.
        let draw_subjects = |rng: &mut Rng| -> Vec<Subject> {
            (0..n)
                .map(|_| {
                    let bw = species.body_weight * (0.12 * rng.normal()).exp();
                    let cl = cl_kg * bw * (0.3 * rng.normal()).exp();
                    let vss = vss_kg * bw * (0.2 * rng.normal()).exp();
                    let (v1, q, v2) =
                        if two_compartment { (0.35 * vss, 1.5 * cl, 0.65 * vss) } else { (vss, 0.0, 0.0) };
                    let mut s =
                        Subject { body_weight: bw, cl, v1, q, v2, ka: drug.ka * (0.35 * rng.normal()).exp(), f: 1.0 };
                    s.separate_ka();
                    s
                })
                .collect()
        };
        // One plasma or serum study in five (of one group or of dose groups) doses repeatedly
        // and reports the steady state over one dosing interval.
        let tau = (matches!(matrix, "plasma" | "serum") && grouping != Grouping::Routes && rng.chance(0.2))
            .then(|| *rng.pick(&[8.0, 12.0, 24.0]));
        let crossover = draw_subjects(rng);
        let mut groups = Vec::new();
        for (k, &route) in routes.iter().enumerate() {
            let level = match grouping {
                Grouping::Doses => [1.0, 2.0, 4.0][k],
                _ => 1.0,
            };
            let dose = nice(base_dose * level);
            let subjects = if grouping == Grouping::Doses && k > 0 { draw_subjects(rng) } else { crossover.clone() };
            let f_route = match route {
                Route::Iv => 1.0,
                Route::Oral => drug.f_oral,
                Route::Im | Route::Sc => 0.9,
            };
            let ncas: Vec<Nca> = subjects
                .iter()
                .map(|s| {
                    let mut s = *s;
                    s.f = (f_route * (0.15 * rng.normal()).exp()).min(1.0);
                    // Animals are dosed per kg; people receive a fixed dose.
                    let amount = if animal { dose * s.body_weight } else { dose };
                    let t_half = std::f64::consts::LN_2 / s.terminal_rate(route);
                    let times = sampling_times(t_half, route.extravascular());
                    let mut nca = s.nca(route, amount, &times);
                    nca.steady = tau.map(|tau| s.profile(route, amount).steady(tau, &times));
                    if matrix == "milk" || matrix.ends_with("tissue") {
                        nca.cmax *= ratio;
                        nca.auc_last *= ratio;
                        nca.auc_inf *= ratio;
                    }
                    nca.fe = (fe * (0.15 * rng.normal()).exp()).min(1.0);
                    nca
                })
                .collect();
            let dose_printed = dose_text(dose, animal);
            let route_word = match (route, rng.below(3)) {
                (Route::Iv, 0) => "IV",
                (Route::Iv, 1) => "Intravenous",
                (Route::Iv, _) => "i.v.",
                (Route::Oral, 0) => "Oral",
                (Route::Oral, 1) => "PO",
                (Route::Oral, _) => "p.o.",
                (Route::Im, 0) => "IM",
                (Route::Im, _) => "Intramuscular",
                (Route::Sc, 0) => "SC",
                (Route::Sc, _) => "Subcutaneous",
            };
            let label = match grouping {
                Grouping::Routes => {
                    if rng.chance(0.5) {
                        format!("{route_word} (n = {n})")
                    } else {
                        route_word.to_owned()
                    }
                }
                Grouping::Doses => dose_printed.clone(),
                Grouping::Single => String::new(),
            };
            groups.push(Group { label, route, dose_text: dose_printed, subjects: ncas });
        }
        Study { drug, species, subjects_word, population, matrix, grouping, groups, per_kg, two_compartment, tau }
    }

    /// The one route of the study, if all groups share it.
    pub fn single_route(&self) -> Option<Route> {
        let first = self.groups.first()?.route;
        self.groups.iter().all(|g| g.route == first).then_some(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doses_are_round_numbers() {
        assert_eq!(nice(7.3), 5.0);
        assert_eq!(nice(23.0), 25.0);
        assert_eq!(nice(0.0042), 0.005);
        assert_eq!(dose_text(5.0, true), "5 mg/kg");
        assert_eq!(dose_text(500.0, false), "500 mg");
        assert_eq!(dose_text(0.35000000000000003, false), "350 µg");
        assert_eq!(dose_text(2.5, true), "2.5 mg/kg");
    }

    #[test]
    fn studies_are_drawn_for_every_kind() {
        let mut rng = Rng::new(3);
        for k in 0..200 {
            let s = Study::draw(&mut rng, k % 2 == 0);
            assert_eq!(s.species.animal, k % 2 == 0);
            assert!(!s.groups.is_empty());
            for g in &s.groups {
                assert!(!g.subjects.is_empty());
                for nca in &g.subjects {
                    assert!(nca.auc_inf.is_finite() && nca.auc_inf > 0.0, "{nca:?}");
                    assert!(nca.cmax.is_finite() && nca.half_life.is_finite());
                }
            }
        }
    }
}
