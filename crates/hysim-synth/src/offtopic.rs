//! Tables that are not PK tables (demographics, adverse events, assay validation), for the
//! `offtopic` noise: a PK extractor should find nothing in them.

use hysim_core::Table;

use crate::render::{Layout, Style, SynthTable};
use crate::rng::Rng;

/// An off-topic table with id `id` and no gold records.
pub(crate) fn table(rng: &mut Rng, id: &str, style: Style) -> SynthTable {
    let n = 6 + rng.below(20);
    let (caption, header, body): (&str, Vec<&str>, Vec<Vec<String>>) = match rng.below(3) {
        0 => (
            "Demographic and baseline characteristics of the study population.",
            vec!["Characteristic", "Group A", "Group B"],
            vec![
                vec![
                    "Age (years)".into(),
                    format!("{:.1} ± {:.1}", rng.range(25.0, 60.0), rng.range(3.0, 12.0)),
                    format!("{:.1} ± {:.1}", rng.range(25.0, 60.0), rng.range(3.0, 12.0)),
                ],
                vec![
                    "Body weight (kg)".into(),
                    format!("{:.1} ± {:.1}", rng.range(55.0, 90.0), rng.range(5.0, 15.0)),
                    format!("{:.1} ± {:.1}", rng.range(55.0, 90.0), rng.range(5.0, 15.0)),
                ],
                vec![
                    "Sex (M/F)".into(),
                    format!("{}/{}", n / 2, n - n / 2),
                    format!("{}/{}", n / 2 + 1, n - n / 2 - 1),
                ],
                vec![
                    "Creatinine clearance (mL/min)".into(),
                    format!("{:.0} ± {:.0}", rng.range(70.0, 120.0), rng.range(10.0, 25.0)),
                    format!("{:.0} ± {:.0}", rng.range(70.0, 120.0), rng.range(10.0, 25.0)),
                ],
            ],
        ),
        1 => (
            "Adverse events reported during the study, n (%).",
            vec!["Adverse event", "Treatment", "Placebo"],
            ["Headache", "Nausea", "Dizziness", "Injection site reaction", "Diarrhoea"]
                .iter()
                .map(|e| {
                    let a = rng.below(n / 2 + 1);
                    let b = rng.below(n / 2 + 1);
                    vec![
                        (*e).to_owned(),
                        format!("{a} ({:.1})", 100.0 * a as f64 / n as f64),
                        format!("{b} ({:.1})", 100.0 * b as f64 / n as f64),
                    ]
                })
                .collect(),
        ),
        _ => (
            "Validation of the analytical method: precision and accuracy.",
            vec!["Nominal concentration", "Intra-day CV (%)", "Inter-day CV (%)", "Accuracy (%)"],
            ["0.05 µg/mL", "0.5 µg/mL", "5 µg/mL"]
                .iter()
                .map(|c| {
                    vec![
                        (*c).to_owned(),
                        format!("{:.1}", rng.range(1.0, 9.0)),
                        format!("{:.1}", rng.range(2.0, 12.0)),
                        format!("{:.1}", rng.range(92.0, 108.0)),
                    ]
                })
                .collect(),
        ),
    };
    let header: Vec<String> = header.into_iter().map(str::to_owned).collect();
    let table = Table {
        id: id.to_owned(),
        caption: Some(format!("Table 1. {caption}")),
        footnote: None,
        title: None,
        abstract_text: None,
        header_rows: vec![header.clone()],
        body_rows: body.clone(),
        spanned: Vec::new(),
    };
    SynthTable {
        table,
        header_html: vec![header],
        body_html: body,
        style,
        layout: Layout::Rows,
        title: "Clinical study report".to_owned(),
        abstract_text: "Characteristics and safety of the study population.".to_owned(),
        gold: Vec::new(),
        decimal_comma: false,
        stacked: false,
    }
}
