//! The matrix (sampled fluid or tissue) a caption, a label, a group header or the paper's
//! title and abstract names.

use hysim_core::Table;

use super::words::{is_space_or_dash, is_whole_word, next_word, paper_text, previous_word};

/// Matrices by the words that name them; a phrase comes before the words it holds.
const MATRICES: &[(&str, &str)] = &[
    ("umbilical cord blood", "cord blood"),
    ("umbilical cord", "cord blood"),
    ("cord blood", "cord blood"),
    ("spinal cord", "spinal cord"),
    ("cord", "cord blood"),
    ("cord serum", "cord blood"),
    ("cord plasma", "cord blood"),
    // (The vessel where the table names it, as curators keep it; after `cord`:
    // `Cord (umbilical venous) plasma` is cord blood.)
    ("umbilical vein", "umbilical vein"),
    ("umbilical venous", "umbilical vein"),
    ("umbilical artery", "umbilical artery"),
    ("umbilical arterial", "umbilical artery"),
    ("placental tissue", "placenta"),
    ("placenta", "placenta"),
    ("breast milk", "milk"),
    // The milk before and after a feed.
    ("foremilk", "foremilk"),
    ("fore-milk", "foremilk"),
    ("hindmilk", "hindmilk"),
    ("hind-milk", "hindmilk"),
    // (A milking is a sample of milk: `Milking after last infusion (µg/mL)`.)
    ("milkings", "milk"),
    ("milking", "milk"),
    ("milk", "milk"),
    // (Before plasma: the male genital tract's.)
    ("seminal plasma", "seminal plasma"),
    ("seminal fluid", "seminal plasma"),
    ("plasma", "plasma"),
    ("serum", "serum"),
    ("sera", "serum"),
    ("urine", "urine"),
    ("urinary", "urine"),
    // Dried blood spots (DBS), a sampling method of its own.
    ("dried blood spots", "dried blood spot (DBS)"),
    ("dried blood spot", "dried blood spot (DBS)"),
    ("dbs", "dried blood spot (DBS)"),
    // Cells whose intracellular drug (an anabolite: `TFV-DP`, `ZDV-TP`) is measured.
    ("peripheral blood mononuclear cells", "PBMC"),
    ("peripheral blood mononuclear cell", "PBMC"),
    ("pbmcs", "PBMC"),
    ("pbmc", "PBMC"),
    ("red blood cells", "red blood cells"),
    ("erythrocytes", "red blood cells"),
    ("whole blood", "blood"),
    // Post-mortem blood by its site (forensic toxicology: the site matters for
    // redistribution after death), and the stomach's content.
    ("femoral blood", "femoral blood"),
    ("femoral venous blood", "femoral blood"),
    ("heart blood", "heart blood"),
    ("cardiac blood", "heart blood"),
    ("blood", "blood"),
    ("gastric contents", "gastric content"),
    ("gastric content", "gastric content"),
    ("stomach contents", "gastric content"),
    ("stomach content", "gastric content"),
    // The fluids a gastrointestinal aspiration study samples through its catheter
    // (intraluminal dissolution of oral drugs).
    ("gastric fluid", "gastric fluid"),
    ("gastric juice", "gastric fluid"),
    ("duodenal fluid", "duodenal fluid"),
    ("duodenal aspirate", "duodenal fluid"),
    ("jejunal fluid", "jejunal fluid"),
    ("jejunal aspirate", "jejunal fluid"),
    // The sites CSF is drawn from after intraventricular or intrathecal dosing (a reservoir
    // in the ventricle, a lumbar puncture), whose levels differ.
    ("ventricular cerebrospinal fluid", "ventricular CSF"),
    ("ventricular csf", "ventricular CSF"),
    ("lumbar cerebrospinal fluid", "lumbar CSF"),
    ("lumbar csf", "lumbar CSF"),
    ("cerebrospinal fluid", "cerebrospinal fluid"),
    ("csf", "cerebrospinal fluid"),
    ("amniotic fluid", "amniotic fluid"),
    // The fluids of periodontal, reproductive, inner-ear and nasal penetration studies.
    // What the gut excretes (anthelmintics, residues in grazing animals).
    ("faeces", "faeces"),
    ("feces", "faeces"),
    ("faecal", "faeces"),
    ("fecal", "faeces"),
    ("gingival crevicular fluid", "gingival crevicular fluid"),
    ("crevicular fluid", "gingival crevicular fluid"),
    ("follicular fluid", "follicular fluid"),
    ("perilymph", "perilymph"),
    // (Nasal lavage returns the lining fluid diluted: a specimen of its own.)
    ("nasal lavage fluid", "nasal lavage fluid"),
    ("nasal lavage", "nasal lavage fluid"),
    ("nasal lining fluid", "nasal lining fluid"),
    ("nasal epithelial lining fluid", "nasal lining fluid"),
    // The lung's lining fluid and cells, where inhaled and anti-infective drugs are
    // measured (bronchoalveolar lavage).
    ("epithelial lining fluid", "epithelial lining fluid (ELF)"),
    ("elf", "epithelial lining fluid (ELF)"),
    ("alveolar macrophages", "alveolar macrophages"),
    ("alveolar macrophage", "alveolar macrophages"),
    ("bronchoalveolar lavage fluid", "bronchoalveolar lavage fluid"),
    ("bronchoalveolar lavage", "bronchoalveolar lavage fluid"),
    // An egg's parts, where residues in eggs are measured apart.
    ("egg yolk", "egg yolk"),
    ("yolk", "egg yolk"),
    ("egg albumen", "egg albumen"),
    ("egg white", "egg albumen"),
    ("albumen", "egg albumen"),
    ("whole egg", "whole egg"),
    ("synovial fluid", "synovial fluid"),
    ("synovial tissue", "synovium"),
    ("synovium", "synovium"),
    ("tear fluid", "tears"),
    ("tears", "tears"),
    // (Spelled the British way, as `faeces` and `haemolymph` are.)
    ("aqueous humour", "aqueous humour"),
    ("aqueous humor", "aqueous humour"),
    ("vitreous humour", "vitreous humour"),
    ("vitreous humor", "vitreous humour"),
    ("vitreous body", "vitreous humour"),
    ("vitreous fluid", "vitreous humour"),
    ("vitreous", "vitreous humour"),
    // The eye's tissues (ocular pharmacokinetics, beside its humours).
    ("iris-ciliary body", "iris-ciliary body"),
    ("iris–ciliary body", "iris-ciliary body"),
    ("ciliary body", "ciliary body"),
    ("retina", "retina"),
    ("choroid", "choroid"),
    ("cornea", "cornea"),
    ("conjunctiva", "conjunctiva"),
    ("sclera", "sclera"),
    ("stratum corneum", "stratum corneum"),
    ("alveolar macrophages", "alveolar macrophages"),
    ("epithelial lining fluid", "epithelial lining fluid"),
    ("peritoneal fluid", "peritoneal fluid"),
    ("pleural fluid", "pleural fluid"),
    // Antibiotics' penetration into infected sites (drained at surgery or by puncture).
    ("abscess fluid", "pus"),
    ("pus", "pus"),
    ("interstitial fluid", "interstitial fluid"),
    // The airway lining sampled by cooling the exhaled air (inhaled drugs).
    ("exhaled breath condensate", "exhaled breath condensate"),
    ("breath condensate", "exhaled breath condensate"),
    ("isf", "interstitial fluid"),
    // Skin blisters raised by suction (or cantharidin), whose fluid samples the skin's
    // interstitial fluid apart from a probe's.
    ("suction blister fluid", "blister fluid"),
    ("skin blister fluid", "blister fluid"),
    ("blister fluid", "blister fluid"),
    // Body cavities' effusions drained by puncture, and the middle ear's (otitis media).
    // (Not `ascites` alone: cirrhosis's sign, more often than its fluid sampled.)
    ("ascitic fluid", "ascitic fluid"),
    ("ascites fluid", "ascitic fluid"),
    ("pericardial fluid", "pericardial fluid"),
    ("middle ear fluid", "middle ear fluid"),
    ("middle-ear fluid", "middle ear fluid"),
    ("middle ear effusion", "middle ear fluid"),
    ("sputum", "sputum"),
    // The circulating fluid of molluscs and arthropods (octopus, shrimp, crab, insects).
    ("haemolymph", "haemolymph"),
    ("hemolymph", "haemolymph"),
    // What the skin excretes and its appendages keep (sweat patches, nail clippings: the
    // exposure of weeks).
    ("sweat", "sweat"),
    ("fingernails", "fingernail"),
    ("fingernail", "fingernail"),
    ("toenails", "toenail"),
    ("toenail", "toenail"),
    // What a closed circuit perfuses through a body cavity (hyperthermic intraperitoneal
    // chemotherapy) or an isolated limb.
    ("perfusate", "perfusate"),
    // A microdialysis probe samples the unbound drug in a tissue's interstitial fluid (the
    // tissue named before it is where the probe sat, no second specimen: `find_matrices`).
    ("microdialysate", "interstitial fluid"),
    ("microdialysates", "interstitial fluid"),
    ("cervicovaginal fluid", "cervicovaginal fluid"),
    // The male genital tract's (antiretroviral and antibiotic penetration studies); genital
    // secretions in general where a table names no sex's.
    ("semen", "semen"),
    ("genital secretions", "genital secretions"),
    ("genital secretion", "genital secretions"),
    ("vaginal fluid", "vaginal fluid"),
    ("dialysate", "dialysate"),
    // What leaves a continuous renal replacement circuit (CVVH, CVVHD, CVVHDF): the
    // ultrafiltrate or spent dialysate, sampled from the effluent line.
    ("effluent", "effluent"),
    ("ultrafiltrate", "ultrafiltrate"),
    ("saliva", "saliva"),
    // Keratinised and fetal specimens of forensic and neonatal exposure.
    ("hair segments", "hair"),
    ("hair segment", "hair"),
    ("scalp hair", "hair"),
    ("hair", "hair"),
    ("meconium", "meconium"),
    ("bile", "bile"),
    // Fluid from a surgical wound's drain.
    ("wound drainage fluid", "wound fluid"),
    ("wound drainage", "wound fluid"),
    ("wound fluid", "wound fluid"),
    ("wound exudate", "wound fluid"),
    ("drain fluid", "wound fluid"),
    // Tissues excised at cardiac surgery for infective endocarditis, and at spinal surgery.
    ("heart valve tissue", "valve tissue"),
    ("heart valves", "valve tissue"),
    ("heart valve", "valve tissue"),
    ("valve tissue", "valve tissue"),
    ("vegetations", "vegetation"),
    ("vegetation", "vegetation"),
    ("nucleus pulposus", "nucleus pulposus"),
    ("intervertebral disc", "intervertebral disc"),
    ("intervertebral discs", "intervertebral disc"),
    // Lymph drained from a cannulated duct (intestinal lymphatic transport), not a node.
    ("lymph nodes", "lymph node"),
    ("lymph node", "lymph node"),
    ("thoracic duct lymph", "lymph"),
    ("mesenteric lymph", "lymph"),
    ("lymph", "lymph"),
    // Secretions suctioned from a ventilated infant's or patient's airway.
    ("endotracheal aspirate", "tracheal aspirate"),
    ("tracheal aspirates", "tracheal aspirate"),
    ("tracheal aspirate", "tracheal aspirate"),
    // A crustacean's digestive gland, sampled beside its haemolymph and muscle; a mollusc's
    // and a fish's tissues of residue studies (an abalone's foot is its muscle).
    ("hepatopancreas", "hepatopancreas"),
    ("digestive gland", "digestive gland"),
    ("gills", "gill"),
    ("gill", "gill"),
    ("foot muscle", "muscle tissue"),
    ("lung tissue", "lung tissue"),
    ("liver tissue", "liver tissue"),
    ("kidney tissue", "kidney tissue"),
    ("renal tissue", "kidney tissue"),
    ("muscle tissue", "muscle tissue"),
    // Tissues sampled during surgery (tissue penetration studies).
    ("nasal polyp tissue", "nasal polyp"),
    ("nasal polyps", "nasal polyp"),
    ("nasal polyp", "nasal polyp"),
    ("ethmoid mucosa", "ethmoid mucosa"),
    ("sinus mucosa", "sinus mucosa"),
    ("nasal mucosa", "nasal mucosa"),
    // (And the uterine fluid a tampon collects after an intrauterine infusion.)
    ("uterine fluid", "uterine fluid"),
    ("skeletal muscle", "muscle tissue"),
    ("subcutaneous fat", "adipose tissue"),
    ("adipose tissue", "adipose tissue"),
    ("adipose", "adipose tissue"),
    ("bone marrow", "bone marrow"),
    ("cancellous bone", "bone"),
    ("cortical bone", "bone"),
    ("bone tissue", "bone"),
    ("bone biopsy", "bone"),
    ("bone biopsies", "bone"),
    ("fat tissue", "adipose tissue"),
    ("brain tissue", "brain tissue"),
    ("skin tissue", "skin tissue"),
    ("tissues", "tissue"),
    ("tissue", "tissue"),
    ("residues", "tissue"),
    // Specimens named in German, French, Spanish, Italian, Portuguese and Dutch tables,
    // recorded by their English names.
    ("muttermilch", "milk"),
    ("lait maternel", "milk"),
    ("leche materna", "milk"),
    ("latte materno", "milk"),
    ("leite materno", "milk"),
    ("moedermelk", "milk"),
    ("milch", "milk"),
    ("lait", "milk"),
    ("leche", "milk"),
    ("latte", "milk"),
    ("leite", "milk"),
    ("melk", "milk"),
    ("sérum", "serum"),
    ("suero", "serum"),
    ("siero", "serum"),
    ("soro", "serum"),
    // (`Liquor`, the CSF of German, Dutch, Polish and Scandinavian tables: `Liquor und
    // Serum`.)
    ("liquor amnii", "amniotic fluid"),
    ("amniotic liquor", "amniotic fluid"),
    ("liquor cerebrospinalis", "cerebrospinal fluid"),
    ("liquor", "cerebrospinal fluid"),
    ("urin", "urine"),
    ("harn", "urine"),
    ("orina", "urine"),
    ("urina", "urine"),
    ("blut", "blood"),
    ("sangre", "blood"),
    ("sangue", "blood"),
    ("bloed", "blood"),
    ("speichel", "saliva"),
    ("salive", "saliva"),
    ("speeksel", "saliva"),
    // Body fluids sampled beside the blood, in French, Spanish, Italian, Portuguese,
    // Romanian and German (`liquide interstitiel`, `lichid peritoneal`).
    ("liquide interstitiel", "interstitial fluid"),
    ("líquido intersticial", "interstitial fluid"),
    ("liquido interstiziale", "interstitial fluid"),
    ("interstitielle flüssigkeit", "interstitial fluid"),
    ("liquide péritonéal", "peritoneal fluid"),
    ("líquido peritoneal", "peritoneal fluid"),
    ("liquido peritoneale", "peritoneal fluid"),
    ("lichid peritoneal", "peritoneal fluid"),
    ("lichidul peritoneal", "peritoneal fluid"),
    ("peritonealflüssigkeit", "peritoneal fluid"),
    ("liquide synovial", "synovial fluid"),
    ("líquido sinovial", "synovial fluid"),
    ("liquido sinoviale", "synovial fluid"),
    ("synovialflüssigkeit", "synovial fluid"),
    ("liquide pleural", "pleural fluid"),
    ("líquido pleural", "pleural fluid"),
    ("liquido pleurico", "pleural fluid"),
    ("liquide céphalo-rachidien", "cerebrospinal fluid"),
    ("liquide cérébrospinal", "cerebrospinal fluid"),
    ("líquido cefalorraquídeo", "cerebrospinal fluid"),
    ("liquido cerebrospinale", "cerebrospinal fluid"),
    ("líquido cefalorraquidiano", "cerebrospinal fluid"),
    ("humeur aqueuse", "aqueous humour"),
    ("humor acuoso", "aqueous humour"),
    ("umor acqueo", "aqueous humour"),
    ("humor aquoso", "aqueous humour"),
    ("kammerwasser", "aqueous humour"),
    ("dializat", "dialysate"),
    ("dialysat", "dialysate"),
    ("dialisato", "dialysate"),
    ("dializzato", "dialysate"),
    ("dialysaat", "dialysate"),
    // Plasma, serum, blood, urine and milk in Romanian, Polish, Czech, Hungarian, Turkish,
    // Greek and the Scandinavian languages (`Plasmă`, `osocze`, `πλάσμα`, `mjölk`).
    ("plasmă", "plasma"),
    ("plasma sanguină", "plasma"),
    ("plazma", "plasma"),
    // (Czech and Polish in the locative: `v plazmě`, `v séru`, `w mleku`.)
    ("plazmě", "plasma"),
    ("séru", "serum"),
    ("sérum", "serum"),
    ("mléce", "milk"),
    ("mléko", "milk"),
    ("mleku", "milk"),
    ("mleko", "milk"),
    ("osocze", "plasma"),
    ("osoczu", "plasma"),
    ("πλάσμα", "plasma"),
    ("surowica", "serum"),
    ("surowicy", "serum"),
    ("szérum", "serum"),
    ("ορός", "serum"),
    ("sânge", "blood"),
    ("krew", "blood"),
    ("krev", "blood"),
    ("αίμα", "blood"),
    ("blod", "blood"),
    ("mocz", "urine"),
    ("moč", "urine"),
    ("vizelet", "urine"),
    ("idrar", "urine"),
    ("ούρα", "urine"),
    ("lapte", "milk"),
    ("mleko", "milk"),
    ("mléko", "milk"),
    ("anyatej", "milk"),
    ("süt", "milk"),
    ("γάλα", "milk"),
    ("mjölk", "milk"),
    ("mælk", "milk"),
];

/// The matrices `text` names as samples, in the order of the vocabulary: whole words only
/// (`milk/plasma` names both; `plasmapheresis` and `antiserum` name neither), and not where
/// a neighbouring word makes the fluid something other than a sample (`blood pressure`,
/// `blood–brain barrier`, `serum creatinine`, `urinary tract infection`, `fresh frozen
/// plasma`). A phrase hides its words from the entries after it: `cord blood` is not also
/// `blood`.
pub fn matrices_in(text: &str) -> Vec<&'static str> {
    thread_local! {
        static MATRICES_IN: crate::memo::Cache<Vec<&'static str>> = Default::default();
    }
    crate::memo::cached(&MATRICES_IN, text, find_matrices)
}

/// The edible tissues of residue depletion studies (the target tissues of VICH GL48 and the
/// EU's maximum residue limits; for fish, muscle and skin), by the labels that name them bare: a row or column headed
/// only `Liver` or `Skin + fat` (or with its unit, `Liver (µg/kg)`) in a residue table. Only
/// a whole label names one (`kidney function`, `liver impairment` and `fat-free mass` do not).
const EDIBLE_TISSUES: &[(&str, &str)] = &[
    ("liver", "liver tissue"),
    ("kidney", "kidney tissue"),
    ("kidneys", "kidney tissue"),
    ("muscle", "muscle tissue"),
    // Poultry: the muscle named by its cut.
    ("breast muscle", "muscle tissue"),
    // (A crustacean's or fish's muscle by where it lies.)
    ("abdominal muscle", "muscle tissue"),
    ("tail muscle", "muscle tissue"),
    ("thigh muscle", "muscle tissue"),
    ("leg muscle", "muscle tissue"),
    ("pectoral muscle", "muscle tissue"),
    ("fat", "adipose tissue"),
    ("skin + fat", "skin and fat"),
    ("skin/fat", "skin and fat"),
    ("skin and fat", "skin and fat"),
    ("skin", "skin tissue"),
    // Fish: muscle and skin in natural proportions (the fillet).
    ("muscle + skin", "muscle and skin"),
    ("muscle and skin", "muscle and skin"),
    ("muscle/skin", "muscle and skin"),
    ("muscle with skin", "muscle and skin"),
    ("skin with fat", "skin and fat"),
    ("skin + muscle", "muscle and skin"),
    ("fillet", "muscle and skin"),
    ("injection site", "injection site"),
    ("injection-site muscle", "injection site"),
    // In German, French, Spanish, Italian, Portuguese and Dutch tables.
    ("leber", "liver tissue"),
    ("foie", "liver tissue"),
    ("hígado", "liver tissue"),
    ("fegato", "liver tissue"),
    ("fígado", "liver tissue"),
    ("lever", "liver tissue"),
    ("niere", "kidney tissue"),
    ("rein", "kidney tissue"),
    ("riñón", "kidney tissue"),
    ("rene", "kidney tissue"),
    ("rim", "kidney tissue"),
    ("nier", "kidney tissue"),
    ("muskel", "muscle tissue"),
    ("músculo", "muscle tissue"),
    ("muscolo", "muscle tissue"),
    ("spier", "muscle tissue"),
    ("fett", "adipose tissue"),
    ("graisse", "adipose tissue"),
    ("grasa", "adipose tissue"),
    ("grasso", "adipose tissue"),
    ("gordura", "adipose tissue"),
    ("haut + fett", "skin and fat"),
    ("peau + graisse", "skin and fat"),
    ("piel + grasa", "skin and fat"),
    ("pelle + grasso", "skin and fat"),
    ("pele + gordura", "skin and fat"),
    ("huid + vet", "skin and fat"),
    // Polish and Swedish (`Wątroba`, `Nerki`, `Mięśnie piersiowe`; `Lever` is Dutch and
    // Swedish both).
    ("wątroba", "liver tissue"),
    ("nerki", "kidney tissue"),
    ("nerka", "kidney tissue"),
    ("mięśnie", "muscle tissue"),
    ("mięsień", "muscle tissue"),
    ("mięśnie piersiowe", "muscle tissue"),
    ("mięśnie udowe", "muscle tissue"),
    ("tłuszcz", "adipose tissue"),
    ("skóra z tłuszczem", "skin and fat"),
    ("njure", "kidney tissue"),
    ("muskel och hud", "muscle and skin"),
];

/// The organs of tissue distribution studies that [`EDIBLE_TISSUES`] does not list, by the
/// whole labels that name them (`heart rate` and `brain injury` name none).
const ORGANS: &[(&str, &str)] = &[
    ("brain", "brain tissue"),
    ("cerebrum", "brain tissue"),
    ("cerebellum", "cerebellum tissue"),
    ("lung", "lung tissue"),
    ("lungs", "lung tissue"),
    ("heart", "heart tissue"),
    ("spleen", "spleen tissue"),
    ("pancreas", "pancreas tissue"),
    ("stomach", "stomach tissue"),
    ("small intestine", "intestine tissue"),
    ("large intestine", "intestine tissue"),
    ("intestine", "intestine tissue"),
    ("colon", "colon tissue"),
    ("testis", "testis tissue"),
    ("testes", "testis tissue"),
    ("ovary", "ovary tissue"),
    ("ovaries", "ovary tissue"),
    ("uterus", "uterus tissue"),
    ("thymus", "thymus tissue"),
    ("thyroid", "thyroid tissue"),
    ("adrenal", "adrenal tissue"),
    ("adrenals", "adrenal tissue"),
    ("adrenal gland", "adrenal tissue"),
    ("adrenal glands", "adrenal tissue"),
    ("lymph node", "lymph node"),
    ("lymph nodes", "lymph node"),
    ("tumour", "tumour tissue"),
    ("tumor", "tumour tissue"),
    // Lymphoid tissues removed at surgery (adenotonsillectomy).
    ("tonsil", "tonsil tissue"),
    ("tonsils", "tonsil tissue"),
    ("adenoid", "adenoid tissue"),
    ("adenoids", "adenoid tissue"),
];

fn find_matrices(text: &str) -> Vec<&'static str> {
    let mut text = crate::fold::lower(text);
    // The whole label, or the label and its unit (`Liver (µg/kg)`).
    let bare = match crate::params::split_trailing_group(&text) {
        (name, Some(unit)) if hysim_units::Unit::parse(unit).is_ok() => name.trim().to_owned(),
        _ => text.trim().to_owned(),
    };
    if let Some((_, tissue)) = EDIBLE_TISSUES.iter().find(|(label, _)| *label == bare) {
        return vec![*tissue];
    }
    // Tissues sampled at surgery, by the labels that name them bare (`Bone (µg/g)` beside
    // `Serum | Fat | Muscle`): only a whole label (`bone infection` names none).
    if matches!(bare.as_str(), "bone" | "bones") {
        return vec!["bone"];
    }
    // The organs of tissue distribution studies (homogenates of animals killed at each
    // time, `Brain (ng/g)` beside `Plasma (ng/mL)`), by the labels that name them bare.
    if let Some((_, organ)) = ORGANS.iter().find(|(label, _)| *label == bare) {
        return vec![*organ];
    }
    // A cavity's effusion, whose kind each row names (`Effusion` over `Pleural fluid`),
    // in a label of its own (`Effusion fluid (mg/L)`).
    if matches!(bare.as_str(), "effusion" | "effusions" | "effusion fluid") {
        return vec!["effusion"];
    }
    // Or the label's residue in one (`Residue in muscle + skin`, `X in liver`, `Muscle
    // residues`, `Kidney concentration`): the tissue ends the label after `in`, or is all
    // of it before the word for what was measured.
    let after_in = bare.rsplit_once(" in ").map(|(_, tissue)| tissue.trim());
    let before_measure = ["residues", "residue", "concentrations", "concentration", "levels", "level"]
        .iter()
        .find_map(|w| bare.strip_suffix(w).map(str::trim).filter(|t| !t.is_empty()));
    if let Some((_, tissue)) =
        EDIBLE_TISSUES.iter().find(|(label, _)| after_in == Some(*label) || before_measure == Some(*label))
    {
        return vec![*tissue];
    }
    // A tissue named right before a microdialysate (`skeletal muscle microdialysate`,
    // `subcutaneous adipose tissue microdialysate`) is where the probe sat: the specimen is
    // the dialysate, the tissue's interstitial fluid.
    let probe_sites: Vec<(usize, usize)> = text
        .match_indices("microdialysate")
        .filter_map(|(at, _)| {
            let before = text[..at].trim_end();
            // Where each word begins.
            let starts: Vec<usize> = before
                .char_indices()
                .filter(|&(i, c)| !c.is_whitespace() && before[..i].chars().next_back().is_none_or(char::is_whitespace))
                .map(|(i, _)| i)
                .collect();
            // The longest run of the last three words that names a tissue.
            (1..=starts.len().min(3)).rev().find_map(|k| {
                let start = starts[starts.len() - k];
                let phrase = &before[start..];
                let tissue =
                    MATRICES.iter().any(|(w, _)| *w == phrase) || EDIBLE_TISSUES.iter().any(|(w, _)| *w == phrase);
                tissue.then_some((start, before.len()))
            })
        })
        .collect();
    for (start, end) in probe_sites.into_iter().rev() {
        text.replace_range(start..end, &" ".repeat(end - start));
    }
    // (Only the words the text holds are looked at, found in one pass; again after a phrase
    // is taken out of the text.)
    static WORDS: std::sync::LazyLock<crate::context::Phrases> =
        std::sync::LazyLock::new(|| crate::context::Phrases::new(MATRICES.iter().map(|(word, _)| *word)));
    let mut occurring = WORDS.occurring(&text);
    let mut named: Vec<&'static str> = Vec::new();
    for (k, (word, matrix)) in MATRICES.iter().enumerate() {
        if !occurring[k] {
            continue;
        }
        let sampled = text.match_indices(word).any(|(i, _)| {
            let end = i + word.len();
            is_whole_word(&text, i, end) && !names_no_sample(&text[..i], &text[end..])
        });
        if sampled && !named.contains(matrix) {
            named.push(matrix);
        }
        if word.contains(' ') {
            text = text.replace(word, " ");
            occurring = WORDS.occurring(&text);
        }
    }
    named
}

/// Whether the words around a fluid's name make it something other than the sample a
/// drug was measured in: the next word (after spaces and dashes) in `blood pressure`,
/// `serum creatinine`, `plasma exchange`, `urine output`, `urinary tract`, `milk yield`,
/// or the word before in `frozen plasma`.
pub(crate) fn names_no_sample(before: &str, after: &str) -> bool {
    const NEXT: &[&str] = &[
        // (`Milking cows`, `milking frequency`: the herd, not a sample of milk.)
        "cow",
        "cows",
        "herd",
        "herds",
        "parlour",
        "parlor",
        "frequency",
        "pressure",
        "flow",
        // (`effluent rate`, `effluent dose`, `effluent volume`: a setting of renal
        // replacement, not a sample.)
        "rate",
        "dose",
        "volume",
        "brain",
        "loss",
        // (`hair growth`, `hair follicle`, `hair colour`: no sample of hair.)
        "growth",
        "regrowth",
        "follicle",
        "follicles",
        "colour",
        "color",
        "cell",
        "cells",
        "count",
        "counts",
        // (`faecal egg count`: a parasite's, not the drug's.)
        "egg",
        "eggs",
        // (`sputum smear`, `sputum conversion`, `sputum culture`: a tuberculosis test's
        // result, not the drug's specimen.)
        "smear",
        "smears",
        "conversion",
        "culture",
        "cultures",
        "vessel",
        "vessels",
        "transfusion",
        "transfusions",
        "donor",
        "donors",
        "supply",
        "product",
        "products",
        "group",
        "groups",
        "type",
        "sugar",
        "output",
        "exchange",
        "membrane",
        "creatinine",
        "albumin",
        "bilirubin",
        "potassium",
        "sodium",
        "calcium",
        "magnesium",
        "phosphate",
        "glucose",
        "cholesterol",
        "triglyceride",
        "triglycerides",
        "urea",
        "lactate",
        "ferritin",
        "renin",
        "thistle",
        "culture",
        "cultures",
        "tract",
        "retention",
        "incontinence",
        "yield",
        "replacer",
        "production",
        "duct",
        "ducts",
        "acid",
        "acids",
        "salt",
        "salts",
        // (The eye's conditions, not its humour sampled: `vitreous haemorrhage`.)
        "haemorrhage",
        "hemorrhage",
        "detachment",
        "opacity",
        "opacities",
    ];
    const BEFORE: &[&str] = &["frozen"];
    NEXT.contains(&next_word(after, is_space_or_dash).as_str()) || BEFORE.contains(&previous_word(before).as_str())
}

pub(crate) fn matrix_of(text: &str) -> Option<&'static str> {
    matrices_in(text).first().copied()
}

/// The sampled fluids and tissues a paper's title and abstract name ("determined in plasma
/// and urine samples"; [`matrices_in`]), plasma, serum, blood, cord blood, urine and milk
/// first. Blood is left out where plasma or serum is named: blood is what was drawn,
/// plasma or serum what was measured.
pub fn paper_matrices(table: &Table) -> Vec<&'static str> {
    const FIRST: &[&str] = &["plasma", "serum", "blood", "cord blood", "urine", "milk"];
    let mut named = matrices_in(&paper_text(table));
    if named.iter().any(|m| matches!(*m, "plasma" | "serum")) {
        named.retain(|m| *m != "blood");
    }
    named.sort_by_key(|m| FIRST.iter().position(|o| o == m).unwrap_or(FIRST.len()));
    named
}

/// The one sampled fluid a paper's title and abstract name ([`paper_matrices`]), the
/// matrix of the records whose caption, label and group name none; where they name none,
/// the one the table's footnote names ("Plasma concentrations were measured by LC-MS/MS").
/// Where they name blood (`automated blood sampling`) and the footnote the plasma or serum
/// sampled from it ("plasma was sampled from the jugular vein"), that plasma or serum: blood
/// is what was drawn.
pub(crate) fn paper_matrix(table: &Table) -> Option<&'static str> {
    // (Only a sentence about what was measured, not a definition: "Ae, amount excreted
    // in urine" names no specimen of the table's concentrations.)
    let in_footnote = || {
        let footnote = crate::fold::lower(table.footnote.as_deref().unwrap_or_default());
        let measured: Vec<&'static str> = footnote
            .split(['.', ';'])
            .filter(|s| {
                [
                    "concentrations were",
                    "concentration was",
                    "were measured",
                    "was measured",
                    "were assayed",
                    "were determined",
                    "samples were",
                    "was sampled",
                    "were sampled",
                ]
                .iter()
                .any(|w| s.contains(w))
            })
            .flat_map(matrices_in)
            .collect();
        match measured.as_slice() {
            [one, rest @ ..] if rest.iter().all(|m| m == one) => Some(*one),
            _ => None,
        }
    };
    // (Urine named only as what a drug is recovered or excreted in, `urinary recovery of the
    // metabolite`: the specimen of amounts excreted, not of the table's concentrations.)
    let urine_only_excreted = || {
        let text = crate::fold::lower(&paper_text(table));
        let at: Vec<usize> = text.match_indices("urin").map(|(i, _)| i).collect();
        !at.is_empty()
            && at.iter().all(|&i| {
                // (Within the characters around it, on their boundaries.)
                let mut from = i.saturating_sub(30);
                while !text.is_char_boundary(from) {
                    from -= 1;
                }
                let mut to = (i + 40).min(text.len());
                while !text.is_char_boundary(to) {
                    to += 1;
                }
                let around = &text[from..to];
                around.contains("recover") || around.contains("excret")
            })
    };
    match paper_matrices(table).as_slice() {
        ["blood"] => in_footnote().filter(|m| matches!(*m, "plasma" | "serum")).or(Some("blood")),
        ["urine"] if urine_only_excreted() => in_footnote(),
        [one] => Some(one),
        [] => in_footnote(),
        _ => None,
    }
}
