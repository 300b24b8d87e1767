//! Tables that are not PK results give no records, whatever PK-like words their rows hold:
//! demographics and baseline characteristics ("n = 15", "creatinine clearance"),
//! regression and covariate-effect tables (coefficients with 95 % CI), dosing schedules,
//! assay validation (QC concentrations, precision CV%), adverse events and outcomes.
//! Curators would have to delete every record such a table gives, so precision wins: the
//! caption, which names what a table reports, decides.

use std::sync::LazyLock;

use hysim_core::Table;

/// Caption words of a table that reports something other than PK results, whatever else
/// it names: regression and covariate analyses.
const ANALYSES: &[&str] = &[
    "covariate analysis",
    "covariate effect",
    "covariate effects",
    "covariates associated",
    "univariate",
    "univariable",
    "multivariate",
    "multivariable",
    "regression",
    "odds ratio",
    "hazard ratio",
    "correlation",
    "correlations",
    "predictors of",
    "factors associated",
    // A drug's stability in its solution or device (the percentage of the initial
    // concentration remaining over hours): no subject's concentrations.
    "stability of",
    "in vitro stability",
    "concentration remaining",
    "% remaining",
    "percentage remaining",
    // Clearances predicted from in vitro data (microsomes, hepatocytes) and compared with
    // observed ones: an extrapolation, not a subject's PK.
    "in vitro–in vivo extrapolation",
    "in vitro-in vivo extrapolation",
    "in vitro to in vivo extrapolation",
    "ivive",
];

/// Caption words of a table that reports something other than PK results, unless the
/// caption also names PK results (a table of "demographics and pharmacokinetic
/// parameters" holds both).
const OTHER_CONTENT: &[&str] = &[
    // In vitro properties of a compound (microsomal and hepatocyte stability, intrinsic
    // clearance, protein binding in vitro): no subject was dosed.
    "in vitro adme",
    "in vitro properties",
    "in vitro metabolic",
    "in vitro metabolism",
    "in vitro characteristics",
    "in vitro profile",
    "microsomal stability",
    "hepatocyte stability",
    // Covariates tested while a population model was built (a caption that also names
    // its parameter estimates keeps the table).
    "covariate relationship",
    "covariate relationships",
    "covariate model building",
    "covariate selection",
    "covariate screening",
    "forward inclusion",
    "backward elimination",
    "demographic",
    "demographics",
    "baseline characteristics",
    "baseline data",
    "patient characteristics",
    "patients' characteristics",
    "patient's characteristics",
    "subject characteristics",
    "participant characteristics",
    "participants' characteristics",
    "maternal characteristics",
    "infant characteristics",
    "neonatal characteristics",
    "clinical characteristics",
    "study population",
    "characteristics of the",
    "characteristics of",
    "individual characteristics",
    "adverse event",
    "adverse events",
    "adverse reactions",
    "side effects",
    "safety",
    "outcome",
    "outcomes",
    "clinical progress",
    "dosing regimen",
    "dosing regimens",
    "dosing schedule",
    "dose schedule",
    "dosage regimen",
    "study design",
    "sampling schedule",
    "assay",
    "validation",
    "calibration",
    "precision and accuracy",
    "accuracy and precision",
    "intra-day",
    "inter-day",
    "intraday",
    "interday",
    "recovery",
    "stability",
    "lower limit of quantification",
    "equations",
    "definitions",
    "abbreviations",
    "laboratory",
    // Microbiology: the drug's minimum inhibitory concentrations for isolates.
    "minimum inhibitory concentration",
    "minimum inhibitory concentrations",
    "minimal inhibitory concentration",
    "minimal inhibitory concentrations",
    "mics",
    "mic values",
    "susceptibility",
    "isolates",
];

/// Caption words that name PK results.
const PK_RESULTS: &[&str] = &[
    "pharmacokinetic",
    "pharmacokinetics",
    "pk parameter",
    "pk parameters",
    "concentration",
    "concentrations",
    "levels",
    "exposure",
    "disposition",
    "kinetic",
    "kinetics",
    "clearance",
    "half-life",
    "auc",
    "cmax",
    "milk/plasma",
    "excretion",
    // Urinary recovery is a PK result (amount and fraction excreted), not an assay's.
    "urinary recovery",
    "recovered in urine",
    // The activity of a heparin or of a coagulation factor concentrate after its dose in
    // international units is its concentration (`Factor IX activity (IU/dL, one-stage
    // assay)`: the assay named is no assay validation).
    "anti-xa activity",
    "factor viii activity",
    "factor ix activity",
    "fviii activity",
    "fix activity",
];

/// Header cells of a regression table: a coefficient column.
const COEFFICIENT_HEADERS: &[&str] = &[
    "β",
    "beta",
    "coefficient",
    "regression coefficient",
    "β coefficient",
    "b",
    "or",
    "odds ratio",
    "hr",
    "hazard ratio",
    "r",
    "r2",
    "r²",
    "estimate (95% ci)",
];

/// Whether `lower` holds `phrase` as whole words.
fn names(lower: &str, phrase: &str) -> bool {
    lower.match_indices(phrase).any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + phrase.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Why a table reports no PK results, or `None` when it may.
pub(crate) fn not_pk_results(table: &Table) -> Option<&'static str> {
    // (Each list's phrases the caption holds found in one pass, then read as words.)
    use crate::context::Phrases;
    static ANALYSIS_WORDS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(ANALYSES.iter().copied()));
    static PK_WORDS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(PK_RESULTS.iter().copied()));
    static OTHER_WORDS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(OTHER_CONTENT.iter().copied()));
    let first_named = |list: &[&'static str], phrases: &Phrases, text: &str| {
        let occurring = phrases.occurring(text);
        list.iter().zip(occurring).find(|(w, occurs)| *occurs && names(text, w)).map(|(w, _)| *w)
    };
    let caption = crate::fold::lower(table.caption.as_deref().unwrap_or_default());
    if let Some(word) = first_named(ANALYSES, &ANALYSIS_WORDS, &caption) {
        return Some(word);
    }
    // (An MIC is no concentration of the drug in a subject.)
    let without_mic =
        ["minimum inhibitory concentration", "minimal inhibitory concentration", "inhibitory concentration"]
            .iter()
            .fold(caption.clone(), |c, w| c.replace(w, " "));
    let pk = first_named(PK_RESULTS, &PK_WORDS, &without_mic).is_some();
    if !pk && let Some(word) = first_named(OTHER_CONTENT, &OTHER_WORDS, &caption) {
        return Some(word);
    }
    // A summary of other studies: a column of citations ("Rowan et al. 2018 [13]").
    let citation = |cell: &str| {
        let l = crate::fold::lower(cell);
        // A reference number after a name: "Klenske 2019 [12]", not a bracketed interval.
        let reference =
            l.trim_end().strip_suffix(']').and_then(|r| r.rsplit_once('[')).is_some_and(|(before, inside)| {
                !inside.is_empty()
                    && inside.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '–' | '-' | ' '))
                    && before.chars().filter(|c| c.is_alphabetic()).count() >= 3
            });
        l.contains("et al") || reference
    };
    for col in 0..table.n_cols() {
        let cells: Vec<&str> =
            table.body_rows.iter().filter_map(|r| r.get(col).map(|c| c.trim())).filter(|c| !c.is_empty()).collect();
        if cells.len() >= 2 && cells.iter().filter(|c| citation(c)).count() * 2 > cells.len() {
            return Some("citations of other studies");
        }
    }
    // A regression table: a coefficient column beside a P value column.
    let headers: Vec<String> =
        (0..table.n_cols()).filter_map(|c| table.header_path(c).last().map(|h| crate::fold::lower(h.trim()))).collect();
    // (With its interval in brackets: `Coefficient (95% CI)`; not `β (h−1)`, a rate.)
    let coefficient = headers.iter().any(|h| {
        COEFFICIENT_HEADERS.contains(&h.as_str())
            || matches!(crate::params::split_trailing_group(h), (head, Some(group))
                if COEFFICIENT_HEADERS.contains(&head.trim()) && (group.contains("ci") || group.trim() == "se"))
    });
    // A column of the change in the objective function (`ΔOFV`, `dOFV`): covariates tested
    // in a population model's building, not its estimates.
    // (Not beside the model's estimates: `Estimate | RSE (%) | ΔOFV` is the final model's.)
    let estimates = headers.iter().any(|h| h.starts_with("estimate") || h.starts_with("rse"));
    if !estimates && headers.iter().any(|h| matches!(h.as_str(), "δofv" | "dofv" | "∆ofv" | "change in ofv")) {
        return Some("covariate model building");
    }
    let p_value = headers.iter().any(|h| h.replace(['-', '‐', ' '], "").starts_with("pvalue") || h == "p");
    if coefficient && p_value {
        return Some("regression coefficients");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(caption: &str, header: &[&str]) -> Table {
        Table {
            id: "t:1".into(),
            caption: Some(caption.into()),
            header_rows: vec![header.iter().map(|h| (*h).to_owned()).collect()],
            body_rows: vec![vec!["Cmax".into(), "1".into(), "0.5".into()]],
            ..Table::default()
        }
    }

    #[test]
    fn captions_and_headers_say_what_a_table_reports() {
        let check = |caption: &str, header: &[&str]| not_pk_results(&table(caption, header));
        assert_eq!(check("Table 1. Demographic characteristics of the patients", &["", "n = 15"]), Some("demographic"));
        assert_eq!(check("Table 1 Baseline characteristics", &["", "Group A"]), Some("baseline characteristics"));
        assert_eq!(check("Table 2. Pharmacokinetic parameters of X", &["", "Group A"]), None);
        assert_eq!(check("Table 1. Demographics and pharmacokinetic parameters", &["", "A"]), None, "both");
        assert_eq!(check("Table 4. Covariate effects on clearance", &["", "A"]), Some("covariate effects"));
        assert_eq!(check("Table 3. Univariate analysis of factors", &["", "A"]), Some("univariate"));
        assert_eq!(check("Table 5. Assay validation: precision", &["", "QC low"]), Some("assay"));
        assert_eq!(check("Table 2. Dosing regimen", &["", "Dose"]), Some("dosing regimen"));
        assert!(check("Table 5. In vitro–in vivo extrapolation of hepatic clearance", &["Compound", "fu,p"]).is_some());
        assert_eq!(
            check("Table 1. In vitro ADME properties of X", &["Species", "Plasma fu (%)"]),
            Some("in vitro adme")
        );
        assert_eq!(check("Table 2. In vitro properties and pharmacokinetic parameters of X", &["", "A"]), None, "both");
        assert_eq!(
            check(
                "Table 2. Stability of X 20 mg/mL in infusion devices (percentage of the initial concentration remaining)",
                &["Diluent", "4 h"]
            ),
            Some("stability of")
        );
        assert!(
            check("Table 1. Minimum inhibitory concentrations (MICs) for the isolates", &["Isolate", "MIC"]).is_some()
        );
        assert_eq!(check("Table 3. Plasma concentrations and PK/PD indices (AUC/MIC)", &["", "A"]), None);
        assert_eq!(
            check("Table 3. Effect of weight", &["Variable", "β", "95% CI", "P value"]),
            Some("regression coefficients")
        );
        assert_eq!(check("Table 3. Plasma concentrations", &["Parameter", "β (h−1)", "P value"]), None);
        assert_eq!(
            check("Table 3. Effects tested", &["Covariate", "Coefficient (95% CI)", "p value"]),
            Some("regression coefficients")
        );
        assert_eq!(
            check("Table 3. Covariates tested", &["Covariate", "Parameter", "ΔOFV"]),
            Some("covariate model building")
        );
        assert_eq!(
            check("Table 3. Covariate relationships tested during forward inclusion", &["", "A"]),
            Some("covariate relationships")
        );
        assert_eq!(
            check("Table 2. Parameter estimates of the final model after stepwise covariate modelling", &["", "A"]),
            None
        );
        assert_eq!(check("Table 2. Final model", &["Parameter", "Estimate", "RSE (%)", "ΔOFV"]), None);
        let mut review = table("Table 3. Drug levels in earlier case reports", &["Study", "Cord (μg/ml)"]);
        review.body_rows = vec![
            vec!["Rowan et al. 2018 [13]".into(), "8.0".into()],
            vec!["Klenske et al. 2019 [12]".into(), "4.1".into()],
        ];
        assert_eq!(not_pk_results(&review), Some("citations of other studies"));
        review.body_rows =
            vec![vec!["Cmax".into(), "0.012 [−0.042; 0.065]".into()], vec!["AUC".into(), "0.3 [0.1; 0.5]".into()]];
        assert_eq!(not_pk_results(&review), None, "intervals in brackets are no references");
    }
}
