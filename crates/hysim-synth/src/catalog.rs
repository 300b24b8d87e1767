//! What the generator draws studies from: drugs with typical pharmacokinetics, species
//! with body weights and matrices, and the populations a caption names.
//!
//! Drug parameters are typical adult-human values (clearance in L/h/kg, steady-state volume
//! in L/kg, oral bioavailability, absorption rate constant in 1/h, a usual dose in mg/kg),
//! rounded from the clinical pharmacology literature; other species scale clearance per kg
//! allometrically (`CL/kg ∝ BW^-0.25`) and keep the volume per kg. They only need to be
//! plausible: the generator's job is realistic tables whose numbers agree with each other,
//! not a drug database.

/// Who a drug is studied in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hosts {
    /// Human medicine (and the laboratory species of preclinical studies).
    Human,
    /// Veterinary medicine only.
    Veterinary,
    /// Both.
    Both,
}

/// One drug and its typical pharmacokinetics.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drug {
    /// International non-proprietary name, lower case.
    pub name: &'static str,
    /// Who it is studied in.
    pub hosts: Hosts,
    /// Clearance, L/h/kg (adult human).
    pub cl: f64,
    /// Steady-state volume of distribution, L/kg.
    pub vss: f64,
    /// Oral bioavailability (0 when the drug is not given by mouth).
    pub f_oral: f64,
    /// Absorption rate constant, 1/h.
    pub ka: f64,
    /// Usual dose, mg/kg.
    pub dose: f64,
    /// Whether a second (peripheral) compartment shows in its profiles.
    pub two_compartment: bool,
}

#[allow(clippy::too_many_arguments, reason = "one row of the drug table")]
const fn drug(
    name: &'static str,
    hosts: Hosts,
    cl: f64,
    vss: f64,
    f_oral: f64,
    ka: f64,
    dose: f64,
    two_compartment: bool,
) -> Drug {
    Drug { name, hosts, cl, vss, f_oral, ka, dose, two_compartment }
}

use Hosts::{Both, Human, Veterinary};

/// The drugs (72).
pub const DRUGS: &[Drug] = &[
    drug("amoxicillin", Both, 0.30, 0.30, 0.80, 1.5, 10.0, false),
    drug("ampicillin", Both, 0.25, 0.30, 0.40, 1.2, 15.0, false),
    drug("cefazolin", Both, 0.05, 0.15, 0.0, 2.0, 20.0, true),
    drug("ceftiofur", Veterinary, 0.03, 0.30, 0.0, 1.0, 2.2, false),
    drug("cephalexin", Both, 0.30, 0.30, 0.90, 1.8, 20.0, false),
    drug("enrofloxacin", Veterinary, 0.50, 2.50, 0.80, 1.2, 5.0, true),
    drug("ciprofloxacin", Both, 0.50, 2.50, 0.70, 1.5, 10.0, true),
    drug("marbofloxacin", Veterinary, 0.10, 1.50, 0.95, 1.5, 2.0, false),
    drug("danofloxacin", Veterinary, 0.50, 3.00, 0.0, 2.5, 6.0, true),
    drug("levofloxacin", Human, 0.15, 1.30, 0.99, 2.0, 7.0, false),
    drug("doxycycline", Both, 0.03, 0.80, 0.90, 0.8, 5.0, true),
    drug("oxytetracycline", Veterinary, 0.15, 1.50, 0.30, 0.5, 20.0, true),
    drug("florfenicol", Veterinary, 0.20, 1.00, 0.80, 0.9, 20.0, false),
    drug("tylosin", Veterinary, 0.60, 2.00, 0.30, 1.0, 10.0, true),
    drug("tulathromycin", Veterinary, 0.20, 11.0, 0.0, 2.0, 2.5, true),
    drug("gentamicin", Both, 0.08, 0.25, 0.0, 3.0, 6.0, true),
    drug("amikacin", Both, 0.08, 0.25, 0.0, 3.0, 15.0, true),
    drug("vancomycin", Human, 0.06, 0.60, 0.0, 1.0, 15.0, true),
    drug("metronidazole", Both, 0.08, 0.70, 0.95, 1.5, 15.0, false),
    drug("trimethoprim", Both, 0.15, 1.60, 0.90, 1.2, 5.0, false),
    drug("sulfamethoxazole", Both, 0.02, 0.25, 0.90, 0.9, 25.0, false),
    drug("clindamycin", Both, 0.20, 0.90, 0.90, 1.5, 10.0, false),
    drug("azithromycin", Human, 0.60, 30.0, 0.37, 0.5, 7.0, true),
    drug("meloxicam", Both, 0.006, 0.15, 0.90, 0.7, 0.2, false),
    drug("carprofen", Veterinary, 0.02, 0.15, 0.90, 1.0, 4.0, false),
    drug("flunixin", Veterinary, 0.10, 0.30, 0.80, 1.5, 1.1, true),
    drug("ketoprofen", Both, 0.08, 0.15, 0.90, 1.8, 2.0, false),
    drug("ibuprofen", Human, 0.05, 0.15, 0.85, 1.5, 6.0, false),
    drug("paracetamol", Human, 0.30, 0.95, 0.85, 2.5, 15.0, false),
    drug("firocoxib", Veterinary, 0.30, 3.00, 0.40, 1.0, 5.0, false),
    drug("robenacoxib", Veterinary, 0.80, 0.25, 0.85, 3.0, 2.0, false),
    drug("morphine", Human, 1.20, 3.50, 0.30, 2.0, 0.2, true),
    drug("fentanyl", Both, 0.80, 4.00, 0.0, 1.0, 0.005, true),
    drug("buprenorphine", Both, 0.90, 3.00, 0.30, 1.5, 0.02, true),
    drug("methadone", Human, 0.10, 4.00, 0.80, 1.0, 0.3, true),
    drug("tramadol", Both, 0.50, 3.00, 0.70, 1.8, 3.0, false),
    drug("butorphanol", Both, 1.50, 5.00, 0.0, 3.0, 0.2, true),
    drug("ketamine", Both, 1.20, 3.00, 0.20, 3.0, 5.0, true),
    drug("midazolam", Both, 0.40, 1.10, 0.40, 3.0, 0.2, true),
    drug("diazepam", Both, 0.02, 1.10, 0.95, 2.5, 0.3, true),
    drug("lorazepam", Human, 0.07, 1.30, 0.90, 1.5, 0.05, false),
    drug("propofol", Both, 1.80, 5.00, 0.0, 1.0, 4.0, true),
    drug("dexmedetomidine", Both, 0.60, 1.50, 0.0, 2.0, 0.005, true),
    drug("lidocaine", Both, 0.60, 1.50, 0.0, 2.5, 2.0, true),
    drug("gabapentin", Both, 0.12, 0.80, 0.60, 0.8, 10.0, false),
    drug("phenobarbital", Both, 0.004, 0.70, 0.95, 1.0, 3.0, false),
    drug("levetiracetam", Both, 0.06, 0.60, 0.99, 2.0, 20.0, false),
    drug("ivermectin", Veterinary, 0.02, 3.00, 0.50, 0.3, 0.2, true),
    drug("praziquantel", Both, 1.50, 3.00, 0.40, 2.0, 5.0, false),
    drug("fenbendazole", Veterinary, 1.00, 5.00, 0.20, 0.4, 10.0, false),
    drug("maropitant", Veterinary, 0.50, 8.00, 0.30, 1.0, 2.0, false),
    drug("ondansetron", Human, 0.35, 1.90, 0.60, 1.5, 0.15, false),
    drug("omeprazole", Both, 0.50, 0.30, 0.50, 2.0, 1.0, false),
    drug("furosemide", Both, 0.15, 0.15, 0.60, 1.5, 1.0, true),
    drug("digoxin", Human, 0.10, 7.00, 0.70, 1.0, 0.01, true),
    drug("pimobendan", Veterinary, 1.50, 2.50, 0.60, 3.0, 0.3, false),
    drug("enalapril", Both, 0.30, 1.00, 0.60, 1.2, 0.5, false),
    drug("amlodipine", Both, 0.40, 21.0, 0.64, 0.4, 0.1, false),
    drug("warfarin", Human, 0.003, 0.14, 1.00, 1.5, 0.1, false),
    drug("metformin", Human, 0.45, 3.00, 0.55, 0.8, 10.0, true),
    drug("prednisolone", Both, 0.10, 0.60, 0.80, 2.0, 1.0, false),
    drug("dexamethasone", Both, 0.20, 0.80, 0.80, 1.5, 0.1, false),
    drug("cyclosporine", Both, 0.40, 4.00, 0.30, 0.8, 5.0, true),
    drug("itraconazole", Both, 0.50, 10.0, 0.50, 0.5, 5.0, true),
    drug("fluconazole", Both, 0.02, 0.70, 0.90, 1.5, 5.0, false),
    drug("voriconazole", Human, 0.10, 4.60, 0.96, 1.5, 4.0, false),
    drug("acyclovir", Human, 0.30, 0.70, 0.20, 1.0, 10.0, false),
    drug("caffeine", Human, 0.08, 0.60, 1.00, 3.0, 3.0, false),
    drug("theophylline", Both, 0.04, 0.50, 1.00, 1.5, 5.0, false),
    drug("sildenafil", Human, 0.60, 1.50, 0.40, 2.0, 1.0, false),
    drug("tacrolimus", Human, 0.05, 1.00, 0.20, 1.0, 0.1, true),
    drug("mycophenolic acid", Human, 0.20, 4.00, 0.90, 2.5, 15.0, true),
];

/// A species with its typical body weight and the words captions use for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Species {
    /// The name records use (`context.species`).
    pub name: &'static str,
    /// Plural as a caption prints it ("beagle dogs", "lactating cows").
    pub plural: &'static [&'static str],
    /// Typical body weight, kg.
    pub body_weight: f64,
    /// A veterinary (or laboratory) species rather than human.
    pub animal: bool,
    /// Whether milk is a sampled matrix for it.
    pub dairy: bool,
}

const fn species(
    name: &'static str,
    plural: &'static [&'static str],
    body_weight: f64,
    animal: bool,
    dairy: bool,
) -> Species {
    Species { name, plural, body_weight, animal, dairy }
}

/// The species (12).
pub const SPECIES: &[Species] = &[
    species("human", &["healthy volunteers", "healthy adult subjects", "patients", "healthy men"], 70.0, false, false),
    species("dog", &["dogs", "beagle dogs", "healthy dogs"], 12.0, true, false),
    species("cat", &["cats", "healthy cats"], 4.0, true, false),
    species("cattle", &["cattle", "calves", "lactating cows"], 450.0, true, true),
    species("pig", &["pigs", "piglets", "swine"], 40.0, true, false),
    species("horse", &["horses", "adult horses", "ponies"], 480.0, true, false),
    species("sheep", &["sheep", "ewes", "lambs"], 55.0, true, true),
    species("goat", &["goats", "lactating goats"], 45.0, true, true),
    species("chicken", &["chickens", "broiler chickens", "laying hens"], 2.0, true, false),
    species("rat", &["rats", "Sprague-Dawley rats"], 0.25, true, false),
    species("mouse", &["mice"], 0.025, true, false),
    species("rabbit", &["rabbits"], 3.0, true, false),
];

/// Human populations a caption may name (the paediatric and obstetric ones are those of
/// the shared target tables).
pub const HUMAN_POPULATIONS: &[&str] = &[
    "healthy adults",
    "elderly patients",
    "children",
    "critically ill patients",
    "pregnant women",
    "obese adults",
    "neonates",
    "infants",
    "pediatric patients",
    "parturients",
];

/// The species of a name.
pub fn species_named(name: &str) -> Option<&'static Species> {
    SPECIES.iter().find(|s| s.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_broad_and_sane() {
        assert!(DRUGS.len() >= 60);
        assert!(SPECIES.iter().filter(|s| s.animal).count() >= 10);
        let mut names: Vec<&str> = DRUGS.iter().map(|d| d.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), DRUGS.len(), "drug names repeat");
        for d in DRUGS {
            assert!(d.cl > 0.0 && d.vss > 0.0 && d.ka > 0.0 && d.dose > 0.0, "{}", d.name);
            assert!((0.0..=1.0).contains(&d.f_oral), "{}", d.name);
            // Half-lives between minutes and weeks.
            let half_life = std::f64::consts::LN_2 * d.vss / d.cl;
            assert!((0.2..=1000.0).contains(&half_life), "{}: t1/2 {half_life} h", d.name);
        }
    }
}
