//! Study context in captions, footnotes and group headers: the drug (from a vocabulary of
//! drugs with their molecular weights, else a word with a drug-name stem), the dose as
//! printed, and the human population.
//!
//! The molecular weight lets molar units (`nmol/L`, `µM`) convert to mass units; nothing
//! is converted for a drug the vocabulary does not know.

/// A drug the reader knows, with its molecular weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drug {
    /// Name as records carry it (lower case).
    pub name: &'static str,
    /// Other spellings (lower case).
    pub synonyms: &'static [&'static str],
    /// Molecular weight, g/mol (of the form usually dosed and measured; antibodies approximate).
    pub molecular_weight: f64,
}

const fn d(name: &'static str, molecular_weight: f64) -> Drug {
    Drug { name, synonyms: &[], molecular_weight }
}

const fn ds(name: &'static str, synonyms: &'static [&'static str], molecular_weight: f64) -> Drug {
    Drug { name, synonyms, molecular_weight }
}

/// The vocabulary: antimicrobials, analgesics and anaesthetics, CNS, cardiovascular and
/// veterinary drugs common in PK tables, and the drugs and metabolites of the shared data.
pub const DRUGS: &[Drug] = &[
    d("amoxicillin", 365.4),
    d("ampicillin", 349.4),
    d("cefazolin", 454.5),
    d("ceftiofur", 523.6),
    ds("cephalexin", &["cefalexin"], 347.4),
    d("ceftriaxone", 554.6),
    d("cefuroxime", 424.4),
    d("piperacillin", 517.6),
    d("tazobactam", 300.3),
    d("meropenem", 383.5),
    d("enrofloxacin", 359.4),
    d("ciprofloxacin", 331.3),
    d("marbofloxacin", 362.4),
    d("danofloxacin", 357.4),
    d("levofloxacin", 361.4),
    d("doxycycline", 444.4),
    d("oxytetracycline", 460.4),
    d("florfenicol", 358.2),
    d("tylosin", 916.1),
    d("tulathromycin", 806.1),
    d("gentamicin", 477.6),
    d("amikacin", 585.6),
    d("vancomycin", 1449.3),
    d("linezolid", 337.3),
    ds("rifampicin", &["rifampin"], 822.9),
    d("isoniazid", 137.1),
    d("metronidazole", 171.2),
    d("trimethoprim", 290.3),
    d("sulfamethoxazole", 253.3),
    d("clindamycin", 425.0),
    d("azithromycin", 749.0),
    d("meloxicam", 351.4),
    d("carprofen", 273.7),
    d("flunixin", 296.2),
    d("ketoprofen", 254.3),
    d("ibuprofen", 206.3),
    ds("paracetamol", &["acetaminophen"], 151.2),
    d("firocoxib", 336.4),
    d("robenacoxib", 327.3),
    d("morphine", 285.3),
    d("fentanyl", 336.5),
    d("buprenorphine", 467.6),
    d("methadone", 309.4),
    d("tramadol", 263.4),
    d("butorphanol", 327.5),
    d("ketamine", 237.7),
    d("midazolam", 325.8),
    d("diazepam", 284.7),
    ds("lorazepam glucuronide", &["lorazepam-glucuronide"], 497.3),
    d("lorazepam", 321.2),
    d("propofol", 178.3),
    d("dexmedetomidine", 200.3),
    d("lidocaine", 234.3),
    d("gabapentin", 171.2),
    d("phenobarbital", 232.2),
    d("levetiracetam", 170.2),
    d("lamotrigine", 256.1),
    ds("demethylcitalopram", &["desmethylcitalopram"], 310.4),
    d("citalopram", 324.4),
    ds("o-desmethylvenlafaxine", &["desvenlafaxine"], 263.4),
    d("venlafaxine", 277.4),
    d("sertraline", 306.2),
    d("fluoxetine", 309.3),
    d("paroxetine", 329.4),
    d("ivermectin", 875.1),
    d("praziquantel", 312.4),
    d("fenbendazole", 299.3),
    d("maropitant", 468.6),
    d("ondansetron", 293.4),
    d("omeprazole", 345.4),
    d("furosemide", 330.7),
    d("digoxin", 780.9),
    d("pimobendan", 334.4),
    d("enalapril", 376.4),
    d("amlodipine", 408.9),
    d("nifedipine", 346.3),
    d("labetalol", 328.4),
    d("warfarin", 308.3),
    d("metformin", 129.2),
    d("prednisolone", 360.4),
    d("dexamethasone", 392.5),
    ds("cyclosporine", &["ciclosporin", "cyclosporin"], 1202.6),
    d("tacrolimus", 804.0),
    d("mycophenolic acid", 320.3),
    d("itraconazole", 705.6),
    d("fluconazole", 306.3),
    d("voriconazole", 349.3),
    ds("acyclovir", &["aciclovir"], 225.2),
    d("caffeine", 194.2),
    d("theophylline", 180.2),
    d("sildenafil", 474.6),
    d("infliximab", 144_190.0),
    d("etanercept", 150_000.0),
    d("ustekinumab", 148_600.0),
    d("adalimumab", 148_000.0),
];

/// Name stems that mark a drug the vocabulary does not hold.
const STEMS: &[&str] = &[
    "azepam",
    "azolam",
    "cillin",
    "floxacin",
    "mycin",
    "micin",
    "cycline",
    "penem",
    "sartan",
    "pril",
    "olol",
    "dipine",
    "azole",
    "vir",
    "mab",
    "cept",
    "tinib",
    "prazole",
    "statin",
    "oxetine",
    "triptyline",
    "barbital",
    "profen",
    "coxib",
    "caine",
    "fentanil",
    "etine",
    "amine",
    "idone",
    "afil",
    // More WHO INN stems (antifungals, NSAIDs, antiemetics, gliptins, anticoagulants,
    // corticosteroids, antiparasitics and the veterinary phenicols).
    "fungin",
    "butazone",
    "pramide",
    "setron",
    "triptan",
    "gliptin",
    "gliflozin",
    "lukast",
    "parin",
    "platin",
    "rubicin",
    "taxel",
    "semide",
    "thiazide",
    "methasone",
    "sonide",
    "zepine",
    "peridol",
    "dronate",
    "tecan",
    "xaban",
    "gatran",
    "vudine",
    "citabine",
    "phylline",
    "fibrate",
    "glitazone",
    "oxicam",
    "fenac",
    "trigine",
    "racetam",
    "mectin",
    "fenicol",
    "phenicol",
    "oxacin",
    // Immunosuppressants of the macrolide kind (tacrolimus, everolimus).
    "limus",
    // Glycopeptide antibacterials (dalbavancin, teicoplanin), β-lactamase inhibitors, and
    // the kinase, CDK, PI3K and proteasome inhibitors (`-nib`, `-ciclib`, `-lisib`, `-zomib`).
    "vancin",
    "planin",
    "bactam",
    "nib",
    "ciclib",
    "lisib",
    "zomib",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// Byte positions where `needle` (lower case) occurs in `lower` as a whole word.
fn word_positions<'a>(lower: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    lower.match_indices(needle).filter_map(move |(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + needle.len()..].chars().next();
        (before.is_none_or(|c| !is_word_char(c)) && after.is_none_or(|c| !is_word_char(c))).then_some(i)
    })
}

/// Every name and synonym of the vocabulary, by lower-case name.
fn names() -> &'static rustc_hash::FxHashMap<&'static str, &'static Drug> {
    static NAMES: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, &'static Drug>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        DRUGS.iter().flat_map(|d| std::iter::once(&d.name).chain(d.synonyms).map(move |n| (*n, d))).collect()
    })
}

/// The drug a text names first (at the earliest word; a two-word name such as `mycophenolic
/// acid` or `lorazepam glucuronide` before a one-word one at the same place).
pub fn drug_in(text: &str) -> Option<&'static Drug> {
    // Asked of every record's header and group: answered from a per-thread cache.
    thread_local! {
        static DRUGS_IN: crate::memo::Cache<Option<&'static Drug>> = Default::default();
    }
    crate::memo::cached(&DRUGS_IN, text, drug_in_uncached)
}

fn drug_in_uncached(text: &str) -> Option<&'static Drug> {
    let lower = crate::fold::lower(text);
    let words: Vec<&str> = lower.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).collect();
    let names = names();
    for (k, word) in words.iter().enumerate() {
        if let Some(next) = words.get(k + 1)
            && let Some(drug) = names.get(format!("{word} {next}").as_str())
        {
            return Some(drug);
        }
        if let Some(drug) = names.get(word) {
            return Some(drug);
        }
        // A stereoisomer or a form of a known drug: `S-citalopram`, `R-sertraline`,
        // `rac-lorazepam`, `(S)-ketamine`, `l-methadone`.
        if let Some((prefix, rest)) = word.split_once('-')
            && STEREO_PREFIXES.contains(&prefix.trim_matches(['(', ')']))
            && let Some(drug) = names.get(rest)
        {
            return Some(drug);
        }
    }
    None
}

/// Prefixes that name a stereoisomer or the racemate of a drug.
const STEREO_PREFIXES: &[&str] = &["s", "r", "rs", "rac", "l", "d", "dl", "levo", "dextro", "es"];

/// The first word of a text with a drug-name stem (`nifedipine`, `tobramycin`), lower
/// case, for drugs the vocabulary does not hold.
pub fn drug_like_in(text: &str) -> Option<String> {
    // English words that end in a stem ("except", "intercept", "examine"): a stem needs
    // three letters before it, and these words are none.
    // (Nor a drug class: `the carbapenem X`, `azole antifungals`.)
    const WORDS: &[&str] = &[
        "concept",
        "concepts",
        "intercept",
        "percept",
        "precept",
        "determine",
        "undermine",
        "carbapenem",
        "carbapenems",
        "cephalosporin",
        "cephalosporins",
        "fluoroquinolone",
        "fluoroquinolones",
        "aminoglycoside",
        "aminoglycosides",
        "triazole",
        "triazoles",
        "benzodiazepine",
        "benzodiazepines",
    ];
    // The INN prefixes of the cephalosporins and sulfonamides (`ceftazidime`, `cefquinome`,
    // `sulfadiazine`).
    const PREFIXES: &[&str] = &["cef", "sulfa"];
    text.split(|c: char| !is_word_char(c)).map(str::to_lowercase).find(|w| {
        // (Not a concentration's symbol in a specimen, `Ceffluent` of `C<sub>effluent</sub>`.)
        let specimen_symbol = || w.strip_prefix('c').is_some_and(|rest| super::matrix::matrix_of(rest).is_some());
        w.len() >= 6
            && !specimen_symbol()
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && (STEMS.iter().any(|s| {
                // (Or with the ending French, Spanish, Italian and Portuguese give an INN:
                // `arbémicine`, `velopenema`, `floxacina`.)
                let foreign = [w.strip_suffix('e'), w.strip_suffix('a')]
                    .into_iter()
                    .flatten()
                    .find(|b| b.ends_with(s) && !s.ends_with(['a', 'e', 'i', 'o', 'u']));
                foreign.or((w.ends_with(s)).then_some(w.as_str())).is_some_and(|b| b.len() - s.len() >= 3)
            }) || PREFIXES.iter().any(|p| w.starts_with(p) && w.len() - p.len() >= 4))
            && !WORDS.contains(&w.as_str())
    })
}

/// The drug of a text: from the vocabulary, else a word with a drug-name stem.
pub fn drug_name_in(text: &str) -> Option<(String, Option<f64>)> {
    drug_in(text)
        .map(|d| (d.name.to_owned(), Some(d.molecular_weight)))
        .or_else(|| drug_like_in(text).map(|n| (n, None)))
}

/// Dose units, longest first, as captions print them.
const DOSE_UNITS: &[&str] = &[
    "mg kg −1",
    "mg kg -1",
    "mg kg−1",
    "mg kg-1",
    "mg·kg−1",
    "mg·kg-1",
    "µg kg−1",
    "μg kg−1",
    "mg/kg/day",
    "mg/kg/d",
    "mg/kg",
    "µg/kg",
    "μg/kg",
    "ug/kg",
    "mg/m2",
    "mg/m²",
    "iu/kg",
    "mg/day",
    "mg/d",
    "mg",
    "µg",
    "μg",
    "ug",
    "iu",
    "g",
];

/// The first dose a text prints (`0.1 mg kg−1`, `2 mg`, `5 mg/kg`), as printed.
pub fn dose_in(text: &str) -> Option<String> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // Lowercased once: `fold::lower` keeps byte offsets, so a slice of it at an offset of
    // `text` is that slice lowercased.
    let lower = crate::fold::lower(text);
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        let after_word = k == 0 || !chars[k - 1].1.is_alphanumeric() && chars[k - 1].1 != '.';
        // A limit of quantification or detection (`LOQ (10 µg/kg)`) is no dose.
        let limit = || {
            let from = chars[k.saturating_sub(48)].0;
            // Within the clause: after its last `;` or sentence end.
            let window = &lower[from..start];
            let clause = window.rsplit([';']).next().unwrap_or(window);
            let clause = clause.rsplit(". ").next().unwrap_or(clause);
            // The limit's own number: no bracket closes between the limit and it (`(LLOQ 0.5
            // ng/mL) after a single dose of 200 mg` keeps its dose).
            let phrase = ["quantif", "detect", "limit of"].iter().filter_map(|w| clause.rfind(w)).max();
            let word = ["lloq", "loq", "lod"]
                .iter()
                .filter_map(|w| clause.rfind(w).filter(|_| super::words::has_word(clause, &[w])))
                .max();
            phrase.max(word).is_some_and(|at| !clause[at..].contains([')', ']']))
        };
        if c.is_ascii_digit() && after_word && !limit() {
            let mut j = k;
            while j < chars.len() && (chars[j].1.is_ascii_digit() || matches!(chars[j].1, '.' | ',')) {
                j += 1;
            }
            let number_end = chars.get(j).map_or(text.len(), |(i, _)| *i);
            let number = &text[start..number_end];
            let number = number.trim_end_matches([',', '.']);
            let rest = &text[start + number.len()..];
            let unit_start = rest.len() - rest.trim_start().len();
            let unit_text = &rest[unit_start..];
            let unit_lower = &lower[start + number.len() + unit_start..];
            for unit in DOSE_UNITS {
                if unit_lower.starts_with(unit) {
                    let end = unit.len();
                    // The unit ends the word: `2 mg` but not `2 mgl`, `5 g` but not `5 groups`.
                    if unit_lower[end..].chars().next().is_some_and(char::is_alphanumeric) {
                        continue;
                    }
                    // `1 µg l−1`, `5 mg/L`, `2 µg per mL`: a concentration, not a dose.
                    let after = unit_lower[end..].trim_start();
                    let per_volume = after.starts_with('/')
                        || ["l ", "l−", "l-", "l⁻", "ml", "dl", "per "].iter().any(|v| after.starts_with(v))
                        || after == "l";
                    if per_volume && !unit.contains('/') && !unit.contains("kg") {
                        continue;
                    }
                    let printed_unit = &unit_text[..end];
                    return Some(format!("{number} {printed_unit}"));
                }
            }
            k = j.max(k + 1);
        } else {
            k += 1;
        }
    }
    None
}

/// Human populations as captions name them, longest first.
const POPULATIONS: &[&str] = &[
    "healthy adult subjects",
    "healthy adult volunteers",
    "healthy volunteers",
    "healthy adults",
    "healthy men",
    "healthy subjects",
    "critically ill patients",
    "pediatric patients",
    "paediatric patients",
    "elderly patients",
    "obese adults",
    "pregnant women",
    "lactating women",
    "breastfeeding women",
    "parturients",
    "mothers",
    "neonates",
    "newborns",
    "preterm infants",
    "infants",
    "children",
    "adolescents",
    "patients",
    "maternal",
];

/// A population word that says only that the subjects were patients: a caption's
/// "patients" yields to "pediatric patients" in the paper's title.
pub fn is_generic_population(population: &str) -> bool {
    population == "patients"
}

/// The human population a text names (lower case, as printed).
pub fn population_in(text: &str) -> Option<&'static str> {
    let lower = crate::fold::lower(text);
    // Only phrases whose first word occurs are searched for.
    let words: rustc_hash::FxHashSet<&str> = lower.split(|c: char| !is_word_char(c)).collect();
    POPULATIONS
        .iter()
        .filter(|p| words.contains(p.split(' ').next().unwrap_or_default()))
        .find(|p| word_positions(&lower, p).next().is_some())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drugs_doses_and_populations() {
        let caption = "Table 3. | Pharmacokinetic parameters of lorazepam (LZP) following administration of a single dose (0.1 mg kg −1 ) either intravenously (i.v.) or intramuscularly (i.m.) to children";
        assert_eq!(drug_in(caption).map(|d| d.name), Some("lorazepam"));
        assert_eq!(dose_in(caption).as_deref(), Some("0.1 mg kg −1"));
        assert_eq!(population_in(caption), Some("children"));
        let c = "Kinetic disposition of lorazepam and its metabolite glucuronide in parturients treated with a single oral dose of 2 mg rac-lorazepam";
        assert_eq!(dose_in(c).as_deref(), Some("2 mg"));
        assert_eq!(population_in(c), Some("parturients"));
        assert_eq!(dose_in("Enrofloxacin (5 mg/kg) in dogs").as_deref(), Some("5 mg/kg"));
        assert_eq!(dose_in("Table 2. after 250 µg in 12 patients"), Some("250 µg".to_owned()));
        assert_eq!(dose_in("Table 2. 5 groups of 12 dogs"), None);
        assert_eq!(dose_in("Table 2. Cmax (mg/L)"), None);
        assert_eq!(dose_in("3 ND = less than detection limit (1 µg l −1 )."), None);
        // A limit of quantification in a tissue's unit is no dose.
        assert_eq!(dose_in("<10, below the limit of quantification (10 µg/kg)."), None);
        // Drugs the vocabulary lacks, by their INN stems; not cholesterol.
        for (text, drug) in [
            ("Pharmacokinetics of micafungin in patients", "micafungin"),
            ("phenylbutazone in horses", "phenylbutazone"),
            ("Therapeutic plasma exchange removes the lipoglycopeptide meravancin", "meravancin"),
            ("Plasma teicoplanin troughs", "teicoplanin"),
            ("Ceftazoline-avibactam in neonates", "ceftazoline-avibactam"),
            ("Oral velonib in dogs", "velonib"),
        ] {
            assert_eq!(drug_like_in(text).as_deref(), Some(drug));
        }
        assert_eq!(drug_like_in("Total cholesterol (mg/dL)"), None);
        assert_eq!(drug_like_in("Plasma ceftazidime (µg/mL)").as_deref(), Some("ceftazidime"));
        assert_eq!(dose_in("LOQ 5 µg/kg; dogs received 10 mg/kg"), Some("10 mg/kg".to_owned()));
        assert_eq!(dose_in("Samples (LLOQ 0.5 ng/mL) after a single oral dose of 200 mg"), Some("200 mg".to_owned()));
        assert_eq!(dose_in("levels of 5 mg/L after 10 mg"), Some("10 mg".to_owned()));
        assert_eq!(population_in("Fentanyl concentrations in umbilical vein and maternal serum"), Some("maternal"));
        assert_eq!(drug_in("Acetaminophen in neonates").map(|d| d.name), Some("paracetamol"));
        assert_eq!(drug_in("Lorazepam glucuronide and lorazepam").map(|d| d.name), Some("lorazepam glucuronide"));
        assert_eq!(drug_in("Placental transfer of infliximab and etanercept").map(|d| d.name), Some("infliximab"));
        // English words that end in a drug-name stem are not drugs.
        for text in ["Data are mean ± SD except tmax", "Intercept of the model", "We examine the concept"] {
            assert_eq!(drug_like_in(text), None, "{text}");
        }
        assert_eq!(drug_like_in("Plasma levels of belatacept and of zolmitriptan").as_deref(), Some("belatacept"));
        assert_eq!(drug_like_in("Plasma tobramycin after a single dose"), Some("tobramycin".to_owned()));
        assert_eq!(drug_like_in("Pharmacokinetic parameters in healthy volunteers"), None);
        // Not a concentration's symbol in a specimen, nor a drug class.
        assert_eq!(drug_like_in("CLCRRT = Qeff × Ceffluent/Cplasma"), None);
        assert_eq!(drug_like_in("a carbapenem in patients on ECMO"), None);
        assert_eq!(population_in("Plasma levels in healthy volunteers (n = 12)"), Some("healthy volunteers"));
    }
}

/// The vocabulary's entry for a metabolite named as [`metabolite_in`] returns it, when the
/// vocabulary holds that very metabolite (`O-desmethylvenlafaxine`, `demethylcitalopram`),
/// not only its parent.
pub(crate) fn known_metabolite(name: &str) -> Option<&'static Drug> {
    drug_in(name).filter(|d| crate::fold::lower(name).replace('-', " ") == d.name.replace('-', " "))
}

/// A metabolite a header names by the nomenclature of drug metabolism: a parent's name
/// with a prefix for the reaction (`N-desmethyl-dorvalinib`, `4′-hydroxy-bruvafen`,
/// `O-desmethylvenlafaxine`, `dihydroartemisinin`) or a conjugate after it (`lorazepam
/// glucuronide`, `clozapine N-oxide`), as printed. The parent need not be a known drug.
pub(crate) fn metabolite_in(text: &str) -> Option<String> {
    // Asked of every record's group, label and headers: answered from a per-thread cache.
    thread_local! {
        static METABOLITES_IN: crate::memo::Cache<Option<String>> = Default::default();
    }
    crate::memo::cached(&METABOLITES_IN, text, metabolite_in_uncached)
}

fn metabolite_in_uncached(text: &str) -> Option<String> {
    const PREFIXES: &[&str] = &[
        "desmethyl",
        "demethyl",
        "didesmethyl",
        "desethyl",
        "deethyl",
        "desalkyl",
        "deacetyl",
        "desacetyl",
        "hydroxy",
        "dihydro",
        "carboxy",
        "oxo",
        // (The hydroxyl abbreviated, with its hyphen: `9-OH-risperidone`, `OH-bupropion`.)
        "oh-",
    ];
    // Not sulfate: `morphine sulfate` is a salt far more often than a conjugate. (`Amine`:
    // the marker residue of the amphenicols, `florfenicol amine`.)
    // (`Epoxide`: an oxidation's product named after its parent, `carbamazepine-10,11-epoxide`.)
    // (The phosphorylated anabolites of nucleoside analogues, measured in cells: `tenofovir
    // diphosphate`, `zidovudine triphosphate`.)
    const CONJUGATES: &[&str] = &[
        "glucuronide",
        "n-oxide",
        "sulfoxide",
        "sulphoxide",
        "sulfone",
        "sulphone",
        "amine",
        "epoxide",
        "monophosphate",
        "diphosphate",
        "triphosphate",
    ];
    // (A diphosphate or monophosphate is also a salt, `chloroquine diphosphate`: an
    // anabolite only of a nucleoside analogue, `tenofovir diphosphate`.)
    let salt_like = |c: &str| matches!(c, "diphosphate" | "monophosphate");
    let nucleoside = |parent: &str| {
        let p = crate::fold::lower(parent.trim_matches(|c: char| !c.is_alphanumeric()));
        ["vir", "abine", "udine", "idine", "osine", "ovir"].iter().any(|s| p.ends_with(s))
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '′' && c != '\'').to_owned();
    for (k, word) in words.iter().enumerate() {
        let w = bare(word);
        let lower = crate::fold::lower(&w);
        // Locants before the prefix: `N-`, `O-`, `4′-`, `4-`, `N,N-`, `10,11-`.
        let unlocated = lower
            .strip_prefix("n,n-")
            .or_else(|| lower.strip_prefix("n-"))
            .or_else(|| lower.strip_prefix("o-"))
            .unwrap_or(&lower)
            .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ',' | '′' | '\'' | '-' | '(' | ')'));
        // (A nitro group reduced, only after its locant: `7-aminoclonazepam`, `7-amino-X`; not
        // `aminophylline`, a drug.)
        let located_amino = lower.starts_with(|c: char| c.is_ascii_digit()) && unlocated.starts_with("amino");
        if located_amino
            && unlocated["amino".len()..].trim_start_matches('-').chars().filter(|c| c.is_alphabetic()).count() >= 4
        {
            return Some(w);
        }
        if let Some(prefix) = PREFIXES.iter().find(|p| unlocated.starts_with(**p)) {
            let parent = unlocated[prefix.len()..].trim_start_matches('-');
            if parent.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
                return Some(w);
            }
        }
        if k > 0 && CONJUGATES.contains(&lower.as_str()) && (!salt_like(&lower) || nucleoside(words[k - 1])) {
            let parent = bare(words[k - 1]);
            if parent.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
                return Some(format!("{parent} {w}"));
            }
        }
        // The acid an ester or amide drug is hydrolysed to, named after it (`articainic acid`
        // of articaine, `clofibric acid` of clofibrate); not an acid that is a drug itself,
        // which the vocabulary knows (`mycophenolic acid`, `tranexamic acid`).
        if k > 0 && lower == "acid" {
            let parent = bare(words[k - 1]);
            let stem = crate::fold::lower(&parent);
            if stem.ends_with("ic")
                && stem.chars().filter(|c| c.is_alphabetic()).count() >= 7
                && stem.chars().all(|c| c.is_alphabetic() || c == '-')
                && drug_in(&format!("{parent} {w}")).is_none()
            {
                return Some(format!("{parent} {w}"));
            }
        }
        if let Some((parent, conjugate)) = lower.rsplit_once('-')
            && CONJUGATES.contains(&conjugate)
            && (!salt_like(conjugate) || nucleoside(parent))
            && parent.chars().filter(|c| c.is_alphabetic()).count() >= 4
        {
            return Some(w);
        }
    }
    None
}

#[cfg(test)]
mod metabolite_tests {
    use super::metabolite_in;

    #[test]
    fn metabolites_by_nomenclature() {
        assert_eq!(metabolite_in("N-desmethyl-dorvalinib").as_deref(), Some("N-desmethyl-dorvalinib"));
        assert_eq!(metabolite_in("4′-Hydroxy-bruvafen").as_deref(), Some("4′-Hydroxy-bruvafen"));
        assert_eq!(metabolite_in("O-desmethylvenlafaxine (ng/mL)").as_deref(), Some("O-desmethylvenlafaxine"));
        assert_eq!(metabolite_in("Lorazepam glucuronide").as_deref(), Some("Lorazepam glucuronide"));
        assert_eq!(metabolite_in("Clozapine N-oxide").as_deref(), Some("Clozapine N-oxide"));
        assert_eq!(metabolite_in("Florfenicol amine").as_deref(), Some("Florfenicol amine"));
        assert_eq!(metabolite_in("dorbazepine-10,11-epoxide").as_deref(), Some("dorbazepine-10,11-epoxide"));
        assert_eq!(metabolite_in("Closantide sulphoxide").as_deref(), Some("Closantide sulphoxide"));
        assert_eq!(metabolite_in("Dihydroartemisinin").as_deref(), Some("Dihydroartemisinin"));
        assert_eq!(metabolite_in("artecainic acid (µg/mL)").as_deref(), Some("artecainic acid"));
        // (An acid that is a drug itself.)
        assert_eq!(metabolite_in("Mycophenolic acid"), None);
        // A parent drug, a specimen, a parameter: no metabolite.
        assert_eq!(metabolite_in("Dorvalinib"), None);
        assert_eq!(metabolite_in("Plasma (ng/mL)"), None);
        assert_eq!(metabolite_in("Cmax (ng/mL)"), None);
        assert_eq!(metabolite_in("Hydroxy"), None);
        assert_eq!(metabolite_in("Glucuronide"), None);
        assert_eq!(metabolite_in("Morphine sulfate 10 mg"), None);
        // A nitro group reduced after its locant; not a drug whose name begins so.
        assert_eq!(metabolite_in("7-aminoclonazepam").as_deref(), Some("7-aminoclonazepam"));
        assert_eq!(metabolite_in("Aminophylline"), None);
    }
}
