//! Snapshot tests of the records read from fixture tables: synthetic tables built here,
//! one per layout and cell form, and the openly licensed real tables of
//! `fixtures/open-tables.jsonl`. Review changes with `cargo insta review`.

use std::path::Path;

use hysim_core::Record;

/// One line per record, with the fields a curator checks.
fn render(records: &[Record]) -> String {
    if records.is_empty() {
        return "(no records)".to_owned();
    }
    records
        .iter()
        .map(|r| {
            let mut line = format!(
                "{} [{}] {:?} stat={}",
                r.parameter.as_deref().unwrap_or("-"),
                r.parameter_raw,
                r.value_raw,
                r.statistic.as_str()
            );
            if let Some(v) = r.value {
                line.push_str(&format!(" value={v}"));
            }
            if let Some(d) = &r.dispersion {
                line.push_str(&format!(" {}={}", d.kind, d.value));
            }
            if let Some(i) = &r.interval {
                line.push_str(&format!(" {}=[{}, {}]", i.kind, i.low, i.high));
            }
            match (&r.unit_raw, &r.unit, r.value_canonical) {
                (Some(raw), Some(unit), Some(v)) => {
                    line.push_str(&format!(" unit={raw} -> {} {unit}", (v * 1e4).round() / 1e4))
                }
                (Some(raw), Some(unit), None) => line.push_str(&format!(" unit={raw} -> ({unit})")),
                (Some(raw), None, _) => line.push_str(&format!(" unit={raw} (kept raw)")),
                _ => {}
            }
            if let Some(n) = r.n {
                line.push_str(&format!(" n={n}"));
            }
            let c = &r.context;
            let analyte = c.analyte.as_ref().filter(|a| Some(*a) != c.drug.as_ref());
            for (k, v) in [
                ("drug", &c.drug),
                ("analyte", &analyte.cloned()),
                ("dose", &c.dose),
                ("species", &c.species),
                ("population", &c.population),
                ("matrix", &c.matrix),
                ("route", &c.route),
                ("group", &c.group),
            ] {
                if let Some(v) = v {
                    line.push_str(&format!(" {k}={v}"));
                }
            }
            if !r.provenance.footnotes.is_empty() {
                line.push_str(&format!(" notes={:?}", r.provenance.footnotes));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Synthetic fixtures: (name, extension, content).
const SYNTHETIC: &[(&str, &str, &str)] = &[
    (
        "rows_mean_sd",
        "md",
        "Table 1. Pharmacokinetics of drug A in healthy volunteers after oral dosing (mean ± SD)\n\n| Parameter | Value |\n|---|---|\n| Cmax (ng/mL) | 62.1 ± 10.2 |\n| AUC0-∞ (ng·h/mL) | 845 ± 120 |\n| t½ (h) | 6.2 ± 1.1 |\n",
    ),
    (
        "columns_individual",
        "md",
        "Table 2. Individual parameters in dogs after IV dosing\n\n| Dog | Cmax (µg/mL) | AUC0–t (µg·h/mL) | CL (mL/min/kg) |\n|---|---|---|---|\n| 1 | 12.1 | 40.2 | 3.1 |\n| 2 | 10.4 | 35.0 | 3.6 |\n| 3 | 11.8 | 38.9 | 3.2 |\n",
    ),
    (
        "group_headers_colspan",
        "html",
        "<table><thead><tr><th rowspan=\"2\">Parameter</th><th colspan=\"2\">10 mg/kg</th><th colspan=\"2\">20 mg/kg</th></tr><tr><th>Mean</th><th>SD</th><th>Mean</th><th>SD</th></tr></thead><tbody><tr><td>Cmax (ng/mL)</td><td>120</td><td>15</td><td>260</td><td>31</td></tr><tr><td>Tmax (h)</td><td>1.0</td><td>0.5</td><td>1.5</td><td>0.5</td></tr></tbody></table>",
    ),
    (
        "rowspan_body_groups",
        "html",
        "<table><tr><th>Analyte</th><th>Parameter</th><th>Value</th></tr><tr><td rowspan=\"2\">Parent</td><td>Cmax (ng/mL)</td><td>55.2 ± 8.1</td></tr><tr><td>t1/2 (h)</td><td>4.4 ± 0.9</td></tr><tr><td>Metabolite</td><td>Cmax (ng/mL)</td><td>12.0 ± 2.2</td></tr></table>",
    ),
    (
        "th_rows_without_thead",
        "html",
        "<table><tr><th>Parameter</th><th>Plasma</th><th>Milk</th></tr><tr><td>Cmax (µg/mL)</td><td>2.1</td><td>0.8</td></tr><tr><td>AUC (µg·h/mL)</td><td>18.2</td><td>7.7</td></tr></table>",
    ),
    (
        "sup_footnote_marks",
        "html",
        "<table><thead><tr><th>Parameter</th><th>Value</th></tr></thead><tbody><tr><td>Cmax (ng/mL)</td><td>41.0 (12.0)</td></tr><tr><td>Tmax (h)</td><td>2.0 (1.0–4.0)<sup>a</sup></td></tr></tbody></table>",
    ),
    (
        "caption_median_range",
        "md",
        "Table 3. Parameters in children; values are median (range)\n\n| Parameter | IV |\n|---|---|\n| Tmax (h) | 0.5 (0.25–1.0) |\n| CL (L/h) | 1.2 (0.8–2.1) |\n",
    ),
    (
        "geometric_mean_cv",
        "md",
        "Table 4. Geometric mean (CV%) plasma exposure in rats\n\n| Parameter | Value |\n|---|---|\n| Cmax (ng/mL) | 310 (22%) |\n| AUCinf (ng·h/mL) | 2450 (31%) |\n",
    ),
    (
        "mean_95ci",
        "md",
        "Table 5. Mean (95% CI) pharmacokinetics in pigs after intramuscular injection\n\n| Parameter | Value |\n|---|---|\n| Cmax (µg/mL) | 4.2 (3.1–5.3) |\n| t1/2 (h) | 9.1 (7.7, 10.5) |\n",
    ),
    (
        "median_iqr",
        "md",
        "Table 6. Median [IQR] parameters\n\n| Parameter | Value |\n|---|---|\n| Tmax (h) | 2.0 [1.0; 3.0] |\n| Ctrough (ng/mL) | 5.5 [3.2; 8.8] |\n",
    ),
    (
        "mean_sem",
        "md",
        "Table 7. Values are mean ± SEM\n\n| Parameter | Value |\n|---|---|\n| Cmax (ng/mL) | 88 ± 9 |\n| Vss (L/kg) | 1.9 ± 0.2 |\n",
    ),
    (
        "decimal_commas",
        "md",
        "Tabelle 1. Pharmakokinetik (Mittelwert ± SD)\n\n| Parameter | Wert |\n|---|---|\n| Cmax (µg/mL) | 1,23 ± 0,21 |\n| AUC (µg·h/mL) | 1,234 |\n",
    ),
    (
        "unicode_minus_and_dashes",
        "md",
        "| Parameter | Value |\n|---|---|\n| λz (1/h) | 0.12 − 0.18 |\n| Tmax (h) | 1.0 (0.5 – 2.0) |\n",
    ),
    (
        "scientific_notation",
        "md",
        "| Parameter | Value |\n|---|---|\n| AUC (ng·h/mL) | 1.2 × 10³ |\n| Cmax (ng/mL) | 3.4E+02 |\n",
    ),
    (
        "censored_lloq",
        "md",
        "| Parameter | Day 1 | Day 7 |\n|---|---|---|\n| Ctrough (ng/mL) | <LLOQ | 4.1 |\n| Cmin (ng/mL) | < 0.5 | BLQ |\n",
    ),
    (
        "missing_markers",
        "md",
        "| Parameter | Group A | Group B |\n|---|---|---|\n| t½ (h) | NA | 5.5 |\n| CL/F (L/h) | ND | – |\n",
    ),
    ("n_in_cells", "md", "| Parameter | Value |\n|---|---|\n| Cmax (ng/mL) | 12.3 ± 2.1 (n = 8) |\n"),
    (
        "count_columns",
        "md",
        "| Parameter | n | Adults | n | Children |\n|---|---|---|---|---|\n| CL (L/h) | 12 | 5.1 ± 1.0 | 9 | 2.2 ± 0.7 |\n",
    ),
    (
        "unit_column",
        "md",
        "| Parameter | Unit | Value |\n|---|---|---|\n| Cmax | mg/L | 1.5 |\n| AUC0-24 | mg·h/L | 12.0 |\n| MRT | h | 7.0 |\n",
    ),
    ("molar_units", "md", "| Parameter | Value |\n|---|---|\n| Cmax (nmol/L) | 150 ± 20 |\n| AUC (µmol·h/L) | 2.1 |\n"),
    (
        "per_kg_units",
        "md",
        "| Parameter | Value |\n|---|---|\n| CL (mL/min/kg) | 4.2 |\n| Vz (L/kg) | 2.8 |\n| Vss (mL/kg) | 950 |\n",
    ),
    (
        "time_units",
        "md",
        "| Parameter | Value |\n|---|---|\n| Tmax (min) | 45 |\n| t1/2 (days) | 1.5 |\n| MRT (h) | 12 |\n",
    ),
    ("rate_constants", "md", "| Parameter | Value |\n|---|---|\n| kel (h−1) | 0.087 |\n| Ka (1/min) | 0.05 |\n"),
    (
        "bioavailability",
        "md",
        "Table 8. Oral bioavailability in horses\n\n| Parameter | Value |\n|---|---|\n| F (%) | 68 ± 12 |\n",
    ),
    (
        "routes_in_headers",
        "md",
        "Table 9. Pharmacokinetics after intravenous and oral administration\n\n| Parameter | IV | Oral |\n|---|---|---|\n| Cmax (ng/mL) | 500 | 120 |\n| MRT (h) | 3.2 | 5.9 |\n| Vd (L) | 40 | 95 |\n",
    ),
    (
        "veterinary_milk",
        "md",
        "Table 10. Concentrations of oxytetracycline in milk of dairy cows after intramammary infusion\n\n| Parameter | Value |\n|---|---|\n| Cmax (µg/mL) | 15.2 ± 3.0 |\n| Tmax (h) | 6 |\n",
    ),
    (
        "jats_table_wrap",
        "xml",
        "<table-wrap id=\"T2\"><label>Table 2</label><caption><p>Serum pharmacokinetics of ceftiofur in sheep (mean ± SD)</p></caption><table><thead><tr><th>Parameter</th><th>Value</th></tr></thead><tbody><tr><td>C<sub>max</sub> (µg/mL)</td><td>8.1 ± 1.2</td></tr><tr><td>t<sub>1/2</sub> (h)</td><td>3.3 ± 0.4<sup>b</sup></td></tr></tbody></table><table-wrap-foot><fn><p><sup>b</sup> Harmonic mean ± pseudo-SD.</p></fn></table-wrap-foot></table-wrap>",
    ),
    (
        "csv_autopk_headers",
        "csv",
        "Parameter,IV^Mean,IV^SD,PO^Mean,PO^SD,caption\nCmax (ng/mL),410,52,120,30,Table 4. Enrofloxacin in cats\nAUC0-∞ (ng·h/mL),3100,400,2600,350,\n",
    ),
    ("tsv_table", "tsv", "Parameter\tValue\nCL/F (L/h)\t14.2 ± 3.3\nVz/F (L)\t210 ± 45\n"),
    (
        "non_pk_demographics",
        "md",
        "Table 1. Baseline characteristics\n\n| Variable | Group A | Group B |\n|---|---|---|\n| Age (years) | 34 ± 5 | 36 ± 6 |\n| Weight (kg) | 70 | 72 |\n",
    ),
    (
        "non_pk_outcomes",
        "md",
        "Table 3. Clinical outcomes\n\n| Outcome | Drug | Placebo |\n|---|---|---|\n| Seizure recurrence | 2 (10%) | 5 (25%) |\n",
    ),
    (
        "p_value_and_difference_columns",
        "md",
        "| Parameter | A | B | Difference (95% CI) | P value |\n|---|---|---|---|---|\n| Cmax (ng/mL) | 50 | 44 | 6 (−2, 14) | 0.21 |\n",
    ),
    (
        "ambiguous_without_route",
        "md",
        "| Parameter | Value |\n|---|---|\n| Vd (L) | 35 |\n| MRT (h) | 4.0 |\n| CL (L/h) | 8.8 |\n",
    ),
    (
        "synonyms",
        "md",
        "| Parameter | Value |\n|---|---|\n| Peak concentration (ng/mL) | 99 |\n| Time to peak (h) | 1.5 |\n| Elimination half-life, h | 7.7 |\n| Apparent oral clearance (L/h) | 11 |\n",
    ),
];

#[test]
fn synthetic_fixtures() {
    let dir = std::env::temp_dir().join(format!("hysim-fixtures-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, ext, content) in SYNTHETIC {
        let path = dir.join(format!("{name}.{ext}"));
        std::fs::write(&path, content).unwrap();
        let tables = hysim_tables::read_tables_file(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let records: Vec<Record> = tables.iter().flat_map(hysim_tables::table_records).collect();
        insta::assert_snapshot!(format!("synthetic_{name}"), render(&records));
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn open_real_tables() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/open-tables.jsonl");
    let tables = hysim_tables::read_tables_jsonl(&path).unwrap();
    assert_eq!(tables.len(), 8);
    for (_, table) in &tables {
        let name = table.id.replace(':', "_");
        insta::assert_snapshot!(format!("real_{name}"), render(&hysim_tables::table_records(table)));
    }
}
