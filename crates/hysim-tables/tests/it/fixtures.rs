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
                ("subject", &c.subject),
                ("time", &c.time),
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
    (
        // A parent and its metabolite per subject with their metabolic ratio: the metabolite
        // named by its nomenclature (a locant before it, `4-hydroxy-`), the ratio in words.
        "metabolite_named_by_nomenclature",
        "jsonl",
        "{\"table_id\": \"metabolite_named:1\", \"caption\": \"Table 3. Parent and metabolite concentrations of tolvacaine in plasma of patients after oral administration of 50 mg.\", \"footnote\": null, \"table_html\": \"<table><thead><tr><th>Patient</th><th>Tolvacaine (ng/mL)</th><th>4-hydroxytolvacaine (ng/mL)</th><th>Metabolic ratio</th></tr></thead><tbody><tr><td>1</td><td>12.0</td><td>37.0</td><td>3.08</td></tr><tr><td>2</td><td>31.7</td><td>32.8</td><td>1.03</td></tr></tbody></table>\"}",
    ),
    (
        // The same by abbreviations the footnote defines, each with its unit (`GAV (µg/mL)`);
        // the parent, unknown to the vocabulary, is a drug because its metabolite's name
        // contains it; `DAGAV/GAV ratio` is their ratio.
        "metabolite_by_abbreviations",
        "jsonl",
        "{\"table_id\": \"metabolite_abbreviated:1\", \"caption\": \"Table 2. Parent and metabolite concentrations in plasma of calves after oral administration of 10 mg/kg.\", \"footnote\": \"GAV, gavorapentin; DAGAV, desacetylgavorapentin.\", \"table_html\": \"<table><thead><tr><th>Animal</th><th>GAV (µg/mL)</th><th>DAGAV (µg/mL)</th><th>DAGAV/GAV ratio</th></tr></thead><tbody><tr><td>1</td><td>4.48</td><td>8.30</td><td>1.85</td></tr><tr><td>2</td><td>3.10</td><td>2.20</td><td>0.71</td></tr></tbody></table>\"}",
    ),
];

/// Tables built here, one convention of how PK tables are written each (the catalogue
/// in docs/CONVENTIONS.md names them); drugs and numbers are made up.
const CONVENTIONS: &[(&str, &str, &str)] = &[
    (
        // A two-level header flattened into one row, as Markdown and CSV print spans: each
        // group label repeated before its statistics, and each parameter before its
        // conditions; read as the two-row header of the same table.
        "flattened_spanning_headers",
        "md",
        "Table 2. Pharmacokinetics of lorvastatin in dogs after intravenous and oral administration of 2 mg/kg\n\n| Parameter | IV (n = 6) Mean | IV (n = 6) SD | Oral (n = 5) Mean | Oral (n = 5) SD |\n|---|---|---|---|---|\n| Cmax (µg/mL) | 4.1 | 0.8 | 1.9 | 0.5 |\n| t1/2 (h) | 3.2 | 0.4 | 3.6 | 0.7 |\n\nTable 3. Individual pharmacokinetics of lorvastatin in dogs, fasted and fed\n\n| Dog | AUC0–∞ (µg·h/mL) Fasted | AUC0–∞ (µg·h/mL) Fed | Tmax (h) Fasted | Tmax (h) Fed |\n|---|---|---|---|---|\n| 1 | 12.5 | 14.0 | 1.0 | 2.0 |\n| 2 | 10.1 | 11.7 | 1.5 | 2.5 |\n",
    ),
    (
        // Statistics as row stubs, parameters across: one record per central value, the
        // dispersion and interval rows attached (mean with SD, median with range), n counted.
        "statistic_rows",
        "md",
        "Table 2. Pharmacokinetic parameters of zolmitriptan in 8 volunteers after oral dosing\n\n| Statistic | Cmax (ng/mL) | Tmax (h) | AUC0–∞ (ng·h/mL) |\n|---|---|---|---|\n| Mean | 12.4 | 1.6 | 88.2 |\n| SD | 3.1 | 0.6 | 20.4 |\n| CV (%) | 25 | 38 | 23 |\n| Median | 11.9 | 1.5 | 85.0 |\n| Range | 8.2–17.5 | 1.0–3.0 | 61.3–120.8 |\n| n | 8 | 8 | 8 |\n",
    ),
    (
        // The transpose: statistics across, parameters down; min and max make a range.
        "statistic_columns",
        "md",
        "Table 3. Oxycodone pharmacokinetics in children\n\n| Parameter | Mean | SD | Median | Min | Max |\n|---|---|---|---|---|---|\n| Cmax (ng/mL) | 24.1 | 6.2 | 23.0 | 15.1 | 36.4 |\n| t1/2 (h) | 3.9 | 1.1 | 3.7 | 2.5 | 6.0 |\n",
    ),
    (
        // Subjects as rows, parameters across, summary rows below: individual records
        // with the subject, a mean with its 95% CI printed on the next row.
        "subjects_with_summary_rows",
        "md",
        "Table 1. Individual milk pharmacokinetics of sertraline\n\n| Mother | Cmax (µg/L) | Tmax (h) | M/P AUC |\n|---|---|---|---|\n| 1 | 12 | 2.0 | 1.4 |\n| 2 | 15 | 1.5 | 0.9 |\n| 3 | 9 | 3.0 | 1.1 |\n| Mean | 12 | 2.2 | 1.1 |\n| (95% CI) | (5, 19) | (0.3, 4.0) | (0.5, 1.8) |\n",
    ),
    (
        // Subjects as rows, sampling times across under a spanning "Time after dose (h)",
        // values below the limit of quantification kept (censored, no value).
        "concentration_time_subjects_by_times",
        "html",
        "<table><caption>Table 4. Plasma concentrations (ng/mL) of tacrolimus in neonates</caption><thead><tr><th rowspan=\"2\">Patient</th><th colspan=\"4\">Time after dose (h)</th></tr><tr><th>0.5</th><th>1</th><th>2</th><th>4</th></tr></thead><tbody><tr><td>P1</td><td>2.1</td><td>4.5</td><td>3.9</td><td>&lt;LLOQ</td></tr><tr><td>P2</td><td>1.8</td><td>3.3</td><td>2.7</td><td>1.2</td></tr></tbody></table>",
    ),
    (
        // The transpose: times down the stub, groups across, mean ± SD cells.
        "concentration_time_times_by_groups",
        "md",
        "Table 5. Mean ± SD serum concentrations (µg/mL) of amikacin\n\n| Time (h) | Term neonates | Preterm neonates |\n|---|---|---|\n| 0.5 | 42.1 ± 8.0 | 38.7 ± 9.9 |\n| 1 | 35.0 ± 6.1 | 33.2 ± 7.4 |\n| 8 | 9.8 ± 2.2 | 14.5 ± 3.9 |\n",
    ),
    (
        // A long table: subject, time and concentration columns.
        "long_subject_time_concentration",
        "md",
        "Table 2. Individual levetiracetam concentrations\n\n| Subject | Time (h) | Concentration (µg/mL) |\n|---|---|---|\n| 1 | 1 | 18.2 |\n| 1 | 4 | 11.0 |\n| 2 | 1 | 21.5 |\n",
    ),
    (
        // Columns headed by specimen rather than parameter, and their ratio.
        "specimen_columns_and_ratio",
        "md",
        "Table 3. Lamotrigine in breastfed infants\n\n| Infant | Milk (ng/mL) | Maternal plasma (ng/mL) | Infant serum (ng/mL) | Milk/plasma ratio |\n|---|---|---|---|---|\n| A | 850 | 2400 | 310 | 0.35 |\n| B | 1020 | 2900 | 270 | 0.35 |\n",
    ),
    (
        // Analytes abbreviated in the caption, with their unit; their ratio by trimester.
        "analyte_abbreviations_in_caption",
        "html",
        "<table><caption>Table 1. Plasma concentrations of citalopram (CIT; (μg/L)) and demethylcitalopram (DCIT; (μg/L))</caption><thead><tr><th rowspan=\"2\">ID</th><th colspan=\"3\">Third trimester</th></tr><tr><th>CIT</th><th>DCIT</th><th>DCIT/CIT</th></tr></thead><tbody><tr><td>1</td><td>61</td><td>22</td><td>0·36</td></tr><tr><td>2</td><td>48</td><td>19</td><td>0·40</td></tr></tbody></table>",
    ),
    (
        // Declarations scoped: all values mean (SD) except tmax; a marked note for one cell.
        "declarations_scoped_and_marked",
        "xml",
        "<table-wrap><label>Table 2</label><caption><p>Pharmacokinetics of morphine in parturients. Values are mean (SD) except tmax, median (range).</p></caption><table><thead><tr><th>Parameter</th><th>Epidural</th></tr></thead><tbody><tr><td>Cmax (ng/mL)</td><td>21.4 (5.2)</td></tr><tr><td>tmax (h)</td><td>0.5 (0.25–1.0)</td></tr><tr><td>AUC0–∞ (ng·h/mL)</td><td>88 (61–110)<sup>a</sup></td></tr></tbody></table><table-wrap-foot><fn><p><sup>a</sup> Geometric mean (95% CI).</p></fn></table-wrap-foot></table-wrap>",
    ),
    (
        // Two declarations told apart by the bracket the cell uses.
        "declarations_by_bracket",
        "md",
        "Table 4. Ropivacaine in cord and maternal plasma. Data are mean (SD) or median [IQR] as appropriate\n\n| Variable | Group A |\n|---|---|\n| Cmax (ng/mL) | 410 (92) |\n| Tmax (min) | 30 [20; 45] |\n",
    ),
    (
        // Nothing declared: a bracketed spread is of unknown statistic and kind.
        "undeclared_spreads",
        "md",
        "Table 2. Pharmacokinetic parameters of fluconazole\n\n| Parameter | Value |\n|---|---|\n| Cmax (mg/L) | 12.1 (3.0) |\n| AUC0–24 (mg·h/L) | 180 (150–220) |\n| t1/2 (h) | 30.2 ± 6.1 |\n| Vd (L/kg) | 0.8 |\n",
    ),
    (
        // A footnote mark set after the unit, `Tmax (h)<sup>a</sup>` (as HTML prints it,
        // `Tmax (h)a`), on a row and on a column: the mark's note declares the value.
        "mark_after_unit",
        "md",
        "Table 2. Pharmacokinetic parameters of zolantrine after a single oral dose\n\n| Parameter | Value |\n|---|---|\n| Cmax (ng/mL) | 45.2 ± 12.1 |\n| Tmax (h)a | 1.0 (0.5–2.0) |\n| t1/2 (h)b | 6.1 (5.2–7.4) |\n| Tlag, hc | 0.25 (0–0.5) |\n| Cmin,ssa (ng/mL) | 3.1 (1.2–5.0) |\n\nValues are mean ± SD. a Median (range). b Geometric mean (95% CI). c Median (min–max).\n",
    ),
    (
        // A group and its statistic in one header, `Single dose, mean (CV%)`,
        // `Test (geometric mean)`: the statistic from the header's tail, the group before.
        "group_and_statistic_header",
        "md",
        "Table 3. Pharmacokinetics of pelorasib after single and repeated doses\n\n| Parameter | Single dose, mean (CV%) | Multiple dose, mean (CV%) | Test (geometric mean) |\n|---|---|---|---|\n| Cmax (ng/mL) | 845 (23) | 1,102 (21) | 812 |\n| AUC0–∞ (ng·h/mL) | 6,120 (30) | 8,410 (27) | 5,990 |\n",
    ),
    (
        // Digits grouped by spaces (ISO 31-0, SI) or by points before a decimal comma.
        "digit_groups",
        "md",
        "Table 2. Pharmacokinetic parameters of tarvimod (mean ± SD)\n\n| Parameter | Value |\n|---|---|\n| Cmax (ng/mL) | 12 450 ± 3 120 |\n| AUC0–∞ (µg·h/L) | 4 518,6 ± 1 022,3 |\n| CL (L/h) | 1.234,5 ± 210,3 |\n",
    ),
    (
        // A population PK model's estimates with their precision: `RSE (%)` and shrinkage
        // columns and inter-individual variability rows are not parameter values.
        "model_estimates_with_precision",
        "md",
        "Table 3. Final population pharmacokinetic model of velbutamide\n\n| Parameter | Estimate | RSE (%) | Shrinkage (%) |\n|---|---|---|---|\n| CL/F (L/h) | 12.3 | 4.1 | |\n| V/F (L) | 145 | 6.8 | |\n| ka (1/h) | 1.9 | 11.2 | |\n| IIV CL/F (%) | 32.1 | 9.5 | 12 |\n",
    ),
    (
        // A footnote mark on the caption (`... Compounds<sup>a</sup>`, `... temperatures<sup>*</sup>`)
        // scopes its note to the whole table; a medicinal chemistry table's compounds (`Cmpd` over
        // `12a | 17`) are groups, not subjects; marks on group headers (`IV<sup>b</sup>`) stand
        // apart from their words.
        "caption_marks_and_compound_rows",
        "jsonl",
        "{\"table_id\": \"compounds:5\", \"caption\": \"Table 5. Rat Pharmacokinetic Profiles of Selected Compounds<sup><i>a</i></sup>\", \"footnote\": \"<sup><i>a</i></sup>Male rats (<i>n</i> = 3); values are means. <sup><i>b</i></sup>Dosed at 1 mg/kg. <sup><i>c</i></sup>Dosed at 5 mg/kg.\", \"table_html\": \"<table><thead><tr><th rowspan=\\\"2\\\">cmpd</th><th colspan=\\\"2\\\">IV<sup><i>b</i></sup></th><th colspan=\\\"2\\\">PO<sup><i>c</i></sup></th></tr><tr><th>CL (mL/min/kg)</th><th>t<sub>1/2</sub> (h)</th><th>C<sub>max</sub> (&mu;M)</th><th><i>F</i> (%)</th></tr></thead><tbody><tr><td><b>12a</b></td><td>48.2</td><td>0.9</td><td>0.21</td><td>14</td></tr><tr><td><b>17</b></td><td>8.4</td><td>2.8</td><td>2.35</td><td>62</td></tr></tbody></table>\"}",
    ),
    (
        // A symbol mark on the caption, its note declaring median (minimum-maximum) for every
        // value; a mark set as a superscript on a group header (`Group A<sup>b</sup>`).
        "caption_symbol_mark_and_header_marks",
        "jsonl",
        "{\"table_id\": \"turtles:1\", \"caption\": \"Table 1. Pharmacokinetic parameters of ceftaraline in turtles after 20 mg/kg IM at two temperatures<sup>*</sup>\", \"footnote\": \"<sup>*</sup>Data are presented as median (minimum-maximum). <sup>b</sup>Acclimated for 4 weeks.\", \"table_html\": \"<table><thead><tr><th>Temperature</th><th>C<sub>max</sub> (&micro;g/mL)</th><th>t<sub>1/2</sub> (h)</th></tr></thead><tbody><tr><td>22 &deg;C<sup>b</sup></td><td>68.2 (51.0-90.4)</td><td>39.6 (30.2-52.8)</td></tr><tr><td>30 &deg;C</td><td>74.9 (60.3-97.5)</td><td>21.8 (16.5-28.0)</td></tr></tbody></table>\"}",
    ),
    (
        // A sentence about the ratio column ("T/R ratios are ratios of geometric least-squares
        // means") declares nothing of the groups' values, which stay mean ± SD.
        "ratio_sentence_declares_no_values",
        "jsonl",
        "{\"table_id\": \"be:2\", \"caption\": \"Table 2. Pharmacokinetic parameters of test and reference tablets (n = 28)\", \"footnote\": \"Data are presented as mean &plusmn; SD. T/R ratios are ratios of geometric least-squares means.\", \"table_html\": \"<table><thead><tr><th>Parameter</th><th>Test</th><th>Reference</th><th>T/R ratio (%) (90% CI)</th></tr></thead><tbody><tr><td>C<sub>max</sub> (ng/mL)</td><td>3412 &plusmn; 1108</td><td>3520 &plusmn; 1164</td><td>97.1 (89.6&ndash;105.2)</td></tr><tr><td>t<sub>1/2</sub> (h)</td><td>9.12 &plusmn; 2.31</td><td>9.30 &plusmn; 2.48</td><td>&ndash;</td></tr></tbody></table>\"}",
    ),
    (
        // Each group's own unit column under its header (`Milk` spanning `Unit | Value`,
        // `Plasma` spanning its own): a value takes the unit of its group's column.
        "unit_column_per_group",
        "jsonl",
        "{\"table_id\": \"cows:3\", \"caption\": \"Table 3. Pharmacokinetic parameters of cefaprine in milk and plasma (mean &plusmn; SD, n = 8)\", \"footnote\": null, \"table_html\": \"<table><thead><tr><th rowspan=\\\"2\\\">Parameter</th><th colspan=\\\"2\\\">Milk</th><th colspan=\\\"2\\\">Plasma</th></tr><tr><th>Unit</th><th>Value</th><th>Unit</th><th>Value</th></tr></thead><tbody><tr><td>C<sub>max</sub></td><td>&micro;g/mL</td><td>148 &plusmn; 42</td><td>ng/mL</td><td>86.3 &plusmn; 21.5</td></tr><tr><td>T<sub>max</sub></td><td>h</td><td>1.0 &plusmn; 0.3</td><td>h</td><td>4.8 &plusmn; 1.6</td></tr></tbody></table>\"}",
    ),
    (
        // Statistics as columns: the CV (%) after the mean's SD is the mean's spread, taken,
        // and never the geometric mean's printed after it.
        "statistic_columns_cv_after_sd",
        "jsonl",
        "{\"table_id\": \"stats:2\", \"caption\": \"Table 2. Descriptive statistics of pharmacokinetic parameters of ketafenil (n = 16)\", \"footnote\": null, \"table_html\": \"<table><tbody><tr><td><b>Parameter (Unit)</b></td><td><b>Mean</b></td><td><b>SD</b></td><td><b>CV (%)</b></td><td><b>Median</b></td><td><b>Min</b></td><td><b>Max</b></td><td><b>Geometric Mean</b></td></tr><tr><td>C<sub>max</sub> (pg/mL)</td><td>212</td><td>58</td><td>27.4</td><td>205</td><td>121</td><td>334</td><td>204</td></tr></tbody></table>\"}",
    ),
    (
        // Tissue residues by day: the caption's brackets give the unit first ("(µg/kg, mean ±
        // SD, n = 6)"), the stub's header the days (`Days after last medicated feed`), a cell a
        // factored power of ten (`(4.35 ± 1.02) × 10<sup>3</sup>`).
        "residue_days_and_factored_powers",
        "jsonl",
        "{\"table_id\": \"residues:4\", \"caption\": \"Table 4. Florbenidol concentrations (&micro;g/kg, mean &plusmn; SD, <i>n</i> = 6) in tissues of tilapia after a 10-day in-feed treatment\", \"footnote\": \"ND, not detected.\", \"table_html\": \"<table><thead><tr><th>Days after last medicated feed</th><th>Muscle</th><th>Liver</th></tr></thead><tbody><tr><td>1</td><td>1,862 &plusmn; 412</td><td>(4.35 &plusmn; 1.02) &times; 10<sup>3</sup></td></tr><tr><td>7</td><td>288 &plusmn; 74</td><td>611 &plusmn; 150</td></tr><tr><td>21</td><td>ND</td><td>12.2 &plusmn; 4.6</td></tr></tbody></table>\"}",
    ),
    (
        // Routes down with a units row under the parameters: the route of each row picks the
        // code of a name that needs one (`MRT` over `(h)`); `Rac (Cmax)` is the accumulation ratio
        // of Cmax; a digit mark its note defines (`(%) <sup>1</sup>`) is a mark.
        "routes_down_units_row_and_digit_marks",
        "jsonl",
        "{\"table_id\": \"hens:2\", \"caption\": \"Table 2. Pharmacokinetic parameters of kitavaline in broiler chickens after 25 mg/kg (mean &plusmn; SD, n = 8)\", \"footnote\": \"<sup>1</sup> Absolute bioavailability.\", \"table_html\": \"<table><thead><tr><th>Route</th><th>MRT<sub>0&ndash;&infin;</sub></th><th>Rac (C<sub>max</sub>)</th><th>F (%) <sup>1</sup></th></tr><tr><th></th><th>(h)</th><th></th><th></th></tr></thead><tbody><tr><td>IV</td><td>4.12 &plusmn; 0.70</td><td>1.41 &plusmn; 0.22</td><td>&mdash;</td></tr><tr><td>PO</td><td>7.48 &plusmn; 1.35</td><td>1.62 &plusmn; 0.31</td><td>61.2 &plusmn; 9.8</td></tr></tbody></table>\"}",
    ),
    (
        // A long table printing each horse's name on its first row only (blank stubs below
        // continue it), plasma and synovial fluid columns.
        "subject_printed_once_in_a_long_table",
        "jsonl",
        "{\"table_id\": \"horses:1\", \"caption\": \"Table 1. Amikovir concentrations in plasma and synovial fluid of individual horses after 10 mg/kg IV\", \"footnote\": null, \"table_html\": \"<table><tr><th>Horse</th><th>Time (h)</th><th>Plasma (ng/mL)</th><th>Synovial fluid (ng/mL)</th></tr><tr><td>Dancer</td><td>0.25</td><td>9720</td><td>1548</td></tr><tr><td></td><td>4</td><td>3280</td><td>2241</td></tr><tr><td>Bolt</td><td>0.25</td><td>7964</td><td>779</td></tr><tr><td></td><td>4</td><td>2135</td><td>1128</td></tr></table>\"}",
    ),
    (
        // Named animals with their mean under the same spanning header (`Mean<sup>a</sup>`):
        // the caption counts the animals, not the mean; a `Sex` column of `F` and `M` is no stub of
        // bioavailabilities.
        "named_subjects_with_a_mean_under_their_header",
        "jsonl",
        "{\"table_id\": \"dogs:3\", \"caption\": \"Table 3. Plasma concentrations of felodrazine in three Beagle dogs after 2 mg/kg IV\", \"footnote\": \"<sup>a</sup>Arithmetic mean.\", \"table_html\": \"<table><thead><tr><th rowspan=\\\"2\\\">Time (min)</th><th colspan=\\\"4\\\">Plasma felodrazine concentration (&micro;g/mL)</th></tr><tr><th>Biscuit</th><th>Maple</th><th>Rex</th><th>Mean<sup>a</sup></th></tr></thead><tbody><tr><td>5</td><td>12.2</td><td>11.1</td><td>11.7</td><td>11.7</td></tr><tr><td>60</td><td>3.78</td><td>3.34</td><td>3.76</td><td>3.63</td></tr></tbody></table>\"}",
    ),
    (
        // Per-subject parameters after covariate columns, `Sex` printing `F` and `M`: the
        // subjects stay the stub; a `Mean` row spanning the covariates summarises.
        "subjects_with_a_sex_column",
        "jsonl",
        "{\"table_id\": \"vols:3\", \"caption\": \"Table 3. Individual pharmacokinetic parameters of trelagliptan after a single 50 mg oral dose\", \"footnote\": null, \"table_html\": \"<table><thead><tr><th>Subject</th><th>Sex</th><th>Age (y)</th><th>C<sub>max</sub> (ng/mL)</th><th>T<sub>max</sub> (h)</th></tr></thead><tbody><tr><td>S-01</td><td>F</td><td>23</td><td>176</td><td>2.0</td></tr><tr><td>S-02</td><td>M</td><td>30</td><td>196</td><td>1.5</td></tr><tr><td colspan=\\\"3\\\">Mean</td><td>186</td><td>1.75</td></tr></tbody></table>\"}",
    ),
    (
        // Sampling times under the concentration's header, per subject: on days of repeated
        // dosing (`Day 1` over `0 h | 2 h`) and as visits (`Day 3 | Week 2`); BLQ kept censored.
        "times_under_a_concentration_header",
        "jsonl",
        "{\"table_id\": \"visits:3\", \"caption\": \"Table 3. Individual plasma rifaprazole concentrations after the first and seventh daily oral doses\", \"footnote\": \"BLQ, below the limit of quantification.\", \"table_html\": \"<table><thead><tr><th rowspan=\\\"3\\\">Patient</th><th colspan=\\\"4\\\">Plasma rifaprazole (&micro;g/mL)</th><th colspan=\\\"2\\\">Plasma rifaprazole (&micro;g/mL)</th></tr><tr><th colspan=\\\"2\\\">Day 1</th><th colspan=\\\"2\\\">Day 7</th><th rowspan=\\\"2\\\">Day 10</th><th rowspan=\\\"2\\\">Week 2</th></tr><tr><th>0 h</th><th>2 h</th><th>0 h</th><th>2 h</th></tr></thead><tbody><tr><td>Pt 1</td><td>BLQ</td><td>6.85</td><td>0.150</td><td>5.35</td><td>0.91</td><td>0.22</td></tr><tr><td>Pt 2</td><td>BLQ</td><td>10.9</td><td>0.255</td><td>8.57</td><td>1.12</td><td>0.31</td></tr></tbody></table>\"}",
    ),
    (
        // A spanning header flattened into one row once, its shared label ending with its
        // unit (`Plasma concentration (ng/mL) Bella | ... Duke`): read as the two levels, so
        // the named horses are subjects.
        "flattened_span_ending_with_its_unit",
        "md",
        "Table 2. Plasma concentrations of X in two horses after a single oral dose of 1 mg/kg.\n\n| Time (h) | Plasma concentration (ng/mL) Bella | Plasma concentration (ng/mL) Duke | Mean |\n|---|---|---|---|\n| 0.5 | 44.3 | 56.9 | 50.6 |\n| 2 | 71.9 | 108 | 90.0 |\n",
    ),
    (
        // Urinary recovery per subject and collection interval, described in words: the amount
        // excreted (`RCAMINT`) at each interval (`0–4 h`), the fraction of the dose (`RCPCINT`).
        "urine_collection_intervals_per_subject",
        "jsonl",
        "{\"table_id\": \"urine:4\", \"caption\": \"Table 4. Urinary excretion of unchanged fosmidrone after a 150 mg intravenous infusion\", \"footnote\": null, \"table_html\": \"<table><thead><tr><th rowspan=\\\"2\\\">Subject</th><th colspan=\\\"2\\\">Amount of unchanged fosmidrone excreted in urine (mg)</th><th rowspan=\\\"2\\\">Fraction of dose excreted, 0&#8211;24&nbsp;h (%)</th></tr><tr><th>0&#8211;4 h</th><th>4&#8211;24 h</th></tr></thead><tbody><tr><td>1</td><td>35.2</td><td>54.6</td><td>59.9</td></tr><tr><td>2</td><td>33.7</td><td>46.9</td><td>53.7</td></tr></tbody></table>\"}",
    ),
    (
        // Subjects named by a word and a letter (`Infant A`), or under a header saying what
        // their ids are (`Cow (ear tag)` over `212`); a mark on a time after its number
        // (`Day 7<sup>a</sup>`) stands apart.
        "letter_ids_and_qualified_subject_headers",
        "jsonl",
        "{\"table_id\": \"neonates:2\", \"caption\": \"Table 2. Levomadone concentrations (ng/mL) in neonatal plasma of infants born to mothers on maintenance\", \"footnote\": \"<sup>a</sup>Before discharge.\", \"table_html\": \"<table><thead><tr><th rowspan=\\\"2\\\">Neonate</th><th colspan=\\\"2\\\">Infant plasma, day of life</th></tr><tr><th>Day 1</th><th>Day 7<sup>a</sup></th></tr></thead><tbody><tr><td>Infant A</td><td>25.8</td><td>2.25</td></tr><tr><td>Infant B</td><td>16.6</td><td>NQ</td></tr></tbody></table>\"}",
    ),
    (
        // The subjects' header with what their ids are in brackets.
        "qualified_subject_header",
        "jsonl",
        "{\"table_id\": \"cows:5\", \"caption\": \"Table 5. Cefquinome concentrations (µg/mL) in milk of individual cows after intramammary infusion\", \"footnote\": null, \"table_html\": \"<table><thead><tr><th rowspan=\\\"2\\\">Cow (ear tag)</th><th colspan=\\\"2\\\">Days after the last infusion</th></tr><tr><th>1</th><th>3</th></tr></thead><tbody><tr><td>212</td><td>0.458</td><td>0.071</td></tr><tr><td>215</td><td>0.356</td><td>0.036</td></tr></tbody></table>\"}",
    ),
    (
        // Milk residues per cow: the unit in brackets before the clause saying when (`in milk
        // (µg/kg) after the last infusion`), mass per kilogram of milk a concentration.
        "residues_per_animal_unit_before_a_clause",
        "jsonl",
        "{\"table_id\": \"residue:5\", \"caption\": \"Table 5. Cefquindone residues in composite milk of individual cows after three intramammary infusions\", \"footnote\": \"&lt;10, below the limit of quantification (10 &micro;g/kg).\", \"table_html\": \"<table><thead><tr><th rowspan=\\\"2\\\">Cow (ear tag)</th><th colspan=\\\"3\\\">Cefquindone in milk (&micro;g/kg) after the last intramammary infusion</th></tr><tr><th>Day 1</th><th>Day 3</th><th>Day 7</th></tr></thead><tbody><tr><td>212</td><td>458</td><td>71.1</td><td>&lt;10</td></tr><tr><td>215</td><td>356</td><td>36.2</td><td>&lt;10</td></tr></tbody></table>\"}",
    ),
    (
        // Patients across over a unit row (`Pt 1` over `(µg/mL)`), times down: the ids are
        // above the unit.
        "subject_columns_over_a_unit_row",
        "jsonl",
        "{\"table_id\": \"bolus:3\", \"caption\": \"Table 3. Serum cefuroxime concentrations in the patients after a 1.5 g intravenous bolus\", \"footnote\": \"NS, no sample obtained.\", \"table_html\": \"<table><thead><tr><th>Time after bolus (min)</th><th>Pt 1</th><th>Pt 2</th></tr><tr><th></th><th>(µg/mL)</th><th>(µg/mL)</th></tr></thead><tbody><tr><td>2</td><td>262.9</td><td>158.2</td></tr><tr><td>5</td><td>219.4</td><td>NS</td></tr></tbody></table>\"}",
    ),
    (
        // Cows by ear tag under `Ear tag`; the unit before a clause after a comma
        // (`Cefquinome in milk (µg/kg), time after last infusion`) over times.
        "ear_tags_and_a_unit_before_a_comma_clause",
        "jsonl",
        "{\"table_id\": \"tags:4\", \"caption\": \"Table 4. Cefquinome residues in milk of individual cows after three intramammary infusions\", \"footnote\": \"ND, not detected (&lt;2 µg/kg).\", \"table_html\": \"<table><thead><tr><th rowspan=\\\"2\\\">Ear tag</th><th colspan=\\\"2\\\">Cefquinome in milk (µg/kg), time after last intramammary infusion</th></tr><tr><th>12 h</th><th>24 h</th></tr></thead><tbody><tr><td>DK 10432</td><td>1870</td><td>670</td></tr><tr><td>DK 10457</td><td>425</td><td>ND</td></tr></tbody></table>\"}",
    ),
    (
        // Animals coded under the concentration's header (`T1 | T2 | T3`), days down.
        "coded_subjects_under_a_concentration_header",
        "jsonl",
        "{\"table_id\": \"tortoises:2\", \"caption\": \"Table 2. Plasma ceftazidime concentrations in tortoises after a single intramuscular injection of 20 mg/kg\", \"footnote\": \"&lt;0.5, below the limit of quantification.\", \"table_html\": \"<table><thead><tr><th rowspan=\\\"2\\\">Time (days)</th><th colspan=\\\"3\\\">Plasma ceftazidime (µg/mL)</th></tr><tr><th>T1</th><th>T2</th><th>T3</th></tr></thead><tbody><tr><td>0.25</td><td>69.1</td><td>64.7</td><td>92.5</td></tr><tr><td>5</td><td>5.81</td><td>&lt;0.5</td><td>2.54</td></tr></tbody></table>\"}",
    ),
    (
        // A code-named compound the caption names (`concentrations of XR-4471`) heading its
        // column, subjects printed once; patients lettered `A` to `F` (`F` no bioavailability).
        "caption_analyte_and_lettered_patients",
        "jsonl",
        "{\"table_id\": \"sad:5\", \"caption\": \"Table 5. Individual plasma concentrations of XR-4471 in the single ascending dose cohorts\", \"footnote\": null, \"table_html\": \"<table><thead><tr><th>Subject</th><th>Nominal time (h)</th><th>XR-4471 (ng/mL)</th></tr></thead><tbody><tr><td>101</td><td>1</td><td>255</td></tr><tr><td></td><td>3</td><td>369</td></tr><tr><td>102</td><td>1</td><td>229</td></tr></tbody></table>\"}",
    ),
    (
        // Troughs and peaks of lettered patients (`Patient` over `A ... F`).
        "lettered_patients_with_peaks_and_troughs",
        "jsonl",
        "{\"table_id\": \"tdm:2\", \"caption\": \"Table 2. Therapeutic drug monitoring of once-daily amikacin\", \"footnote\": null, \"table_html\": \"<table><thead><tr><th>Patient</th><th>Peak (mg/L)</th><th>Trough (mg/L)</th></tr></thead><tbody><tr><td>E</td><td>62.0</td><td>1.3</td></tr><tr><td>F</td><td>75.6</td><td>&lt;0.8</td></tr></tbody></table>\"}",
    ),
    (
        // Urinary recovery per subject (`Ae,0–24 (mg)`, `fe,0–24 (%)`): a PK result, not an
        // assay's recovery.
        "urinary_recovery_per_subject",
        "jsonl",
        "{\"table_id\": \"urine:5\", \"caption\": \"Table 4. Urinary recovery of unchanged amoxicillin over 24 h in individual subjects\", \"footnote\": null, \"table_html\": \"<table><thead><tr><th>Subject</th><th>A<sub>e,0–24</sub> (mg)</th><th>f<sub>e,0–24</sub> (%)</th></tr></thead><tbody><tr><td>1</td><td>271</td><td>54.2</td></tr><tr><td>2</td><td>284</td><td>56.8</td></tr></tbody></table>\"}",
    ),
    (
        // A subject's rows per specimen named in a `Matrix` column (`Plasma`, `Saliva`): each
        // record's specimen from its row.
        "specimen_column_per_row",
        "jsonl",
        "{\"table_id\": \"saliva:2\", \"caption\": \"Table 2. Paired plasma and saliva lamotrigine concentrations in healthy volunteers\", \"footnote\": null, \"table_html\": \"<table><thead><tr><th rowspan=\\\"2\\\">Subject</th><th rowspan=\\\"2\\\">Matrix</th><th colspan=\\\"2\\\">Lamotrigine concentration (µg/mL) at time after dose</th></tr><tr><th>1 h</th><th>4 h</th></tr></thead><tbody><tr><td rowspan=\\\"2\\\">S1</td><td>Plasma</td><td>2.35</td><td>2.24</td></tr><tr><td>Saliva</td><td>0.96</td><td>1.06</td></tr></tbody></table>\"}",
    ),
    (
        // Tissue biopsies beside serum (`Tissue (µg/g)` over `Subcutaneous adipose | Cancellous
        // bone`) and their ratio to serum, a tissue-to-plasma ratio (`TPRATIO`).
        "tissue_biopsies_and_a_tissue_to_serum_ratio",
        "jsonl",
        "{\"table_id\": \"bone:2\", \"caption\": \"Table 2. Cefazolin concentrations in serum, adipose tissue and bone biopsies\", \"footnote\": null, \"table_html\": \"<table><thead><tr><th rowspan=\\\"2\\\">Patient</th><th rowspan=\\\"2\\\">Serum (µg/mL)</th><th colspan=\\\"2\\\">Tissue (µg/g)</th><th rowspan=\\\"2\\\">Adipose/serum ratio</th></tr><tr><th>Subcutaneous adipose</th><th>Cancellous bone</th></tr></thead><tbody><tr><td>1</td><td>111.9</td><td>12.0</td><td>10.3</td><td>0.107</td></tr></tbody></table>\"}",
    ),
    (
        // A value printed once across the columns it concerns (the milk-to-plasma ratio
        // spanning `Plasma | Milk`): one record, in neither column's group.
        "value_spanning_columns",
        "html",
        "<table><caption>Table 3. Pharmacokinetics of lamivorine in plasma and milk of six lactating women (mean &plusmn; SD)</caption><thead><tr><th>Parameter</th><th>Plasma</th><th>Milk</th></tr></thead><tbody><tr><td>Cmax (ng/mL)</td><td>120 &plusmn; 30</td><td>45 &plusmn; 12</td></tr><tr><td>AUC<sub>0&ndash;24</sub> (ng&middot;h/mL)</td><td>1500 &plusmn; 300</td><td>600 &plusmn; 150</td></tr><tr><td>Milk/plasma AUC ratio</td><td colspan=\"2\">0.40 &plusmn; 0.08</td></tr></tbody></table>",
    ),
    (
        // Animals named, not numbered, under the concentration's spanning header, the
        // caption counting them ("three ponies"), and a summary column after them that takes
        // their quantity and unit: the mean with its SD at each time, no subject.
        "named_subjects_and_a_summary_column",
        "html",
        "<table><caption>Table 2. Serum concentrations of phenylbutazone in three ponies after a single intravenous dose of 4.4 mg/kg</caption><thead><tr><th rowspan=\"2\">Time (h)</th><th colspan=\"3\">Serum concentration (µg/mL)</th><th rowspan=\"2\">Mean ± SD</th></tr><tr><th>Rosie</th><th>Copper</th><th>Misty</th></tr></thead><tbody><tr><td>0.25</td><td>61.2</td><td>55.8</td><td>70.1</td><td>62.4 ± 7.2</td></tr><tr><td>4</td><td>38.0</td><td>31.5</td><td>41.9</td><td>37.1 ± 5.3</td></tr><tr><td>24</td><td>6.4</td><td>&lt;0.5</td><td>8.8</td><td>7.6 ± 1.7</td></tr></tbody></table>",
    ),
    (
        // Subjects under the concentration's spanning header, sampling times down the stub:
        // each cell is that subject's concentration at its row's time.
        "subject_columns_under_a_concentration",
        "html",
        "<table><caption>Table 1. Plasma concentrations of sevorandol after a 2 mg/kg intravenous bolus</caption><thead><tr><th rowspan=\"2\">Time (min)</th><th colspan=\"2\">Arterial plasma concentration (ng/mL)</th></tr><tr><th>Patient 1</th><th>Patient 2</th></tr></thead><tbody><tr><td>2</td><td>1971</td><td>2872</td></tr><tr><td>30</td><td>394</td><td>796</td></tr></tbody></table>",
    ),
    (
        // The interval from the last dose to the sample (`Dose-to-delivery interval (h)`) is
        // each row's sampling time, not a dose; metabolites named by their nomenclature
        // (`N-desmethyl-X` spanning its columns) are the analyte.
        "sampling_interval_and_metabolite_columns",
        "html",
        "<table><caption>Table 4. Concentrations of dorvalinib and N-desmethyl-dorvalinib at delivery</caption><thead><tr><th rowspan=\"2\">Pair</th><th rowspan=\"2\">Dose-to-delivery interval (h)</th><th colspan=\"2\">Dorvalinib</th><th colspan=\"2\">N-desmethyl-dorvalinib</th></tr><tr><th>Maternal plasma (ng/mL)</th><th>Cord blood (ng/mL)</th><th>Maternal plasma (ng/mL)</th><th>Cord blood (ng/mL)</th></tr></thead><tbody><tr><td>1</td><td>9.5</td><td>56.9</td><td>28.2</td><td>12.1</td><td>6.0</td></tr><tr><td>2</td><td>3.5</td><td>87.5</td><td>40.4</td><td>15.3</td><td>7.7</td></tr></tbody></table>",
    ),
    (
        // A unit row under the parameters (`Cmax` over `ng/mL`); subjects by initials; a
        // footnote mark on a summary line's cell (`2.0a` on `Geometric mean`, "a Median")
        // says what that cell is, and the line's CV is not its spread.
        "unit_row_and_a_marked_summary_cell",
        "jsonl",
        "{\"table_id\": \"unit_row:1\", \"caption\": \"Table 2. Individual pharmacokinetic parameters of nadoxitol\", \"footnote\": \"<sup>a</sup>Median. CV, geometric coefficient of variation.\", \"table_html\": \"<table><thead><tr><th>Patient</th><th>Cmax</th><th>tmax</th></tr><tr><th></th><th>ng/mL</th><th>h</th></tr></thead><tbody><tr><td>A.B.</td><td>53.7</td><td>1.0</td></tr><tr><td>C.M.</td><td>52.0</td><td>3.0</td></tr><tr><td>Geometric mean</td><td>52.8</td><td>2.0<sup>a</sup></td></tr><tr><td>CV (%)</td><td>36.9</td><td>41.0</td></tr></tbody></table>\"}",
    ),
    (
        // Statistics under a parameter's spanning header (`Cmax (ng/mL)` over `Mean | SD`),
        // groups down: each row's cells under one parameter are its summary.
        "statistics_under_a_parameter_header",
        "html",
        "<table><caption>Table 1. PK of X (mean and SD)</caption><thead><tr><th rowspan=\"2\">Group</th><th colspan=\"2\">Cmax (ng/mL)</th><th colspan=\"2\">AUC (ng·h/mL)</th></tr><tr><th>Mean</th><th>SD</th><th>Mean</th><th>SD</th></tr></thead><tbody><tr><td>Young</td><td>12</td><td>3</td><td>100</td><td>20</td></tr><tr><td>Elderly</td><td>15</td><td>4</td><td>130</td><td>25</td></tr></tbody></table>",
    ),
    (
        // Groups under a parameter's spanning header (`Cmax (ng/mL)` over `Test |
        // Reference`), subjects down: each subject's value in each group; a `Sequence`
        // column is no value.
        "groups_under_a_parameter_header_per_subject",
        "html",
        "<table><caption>Table 3. Individual Cmax and AUC0–t of caltrexil after single 20 mg oral doses of the test and reference tablets</caption><thead><tr><th rowspan=\"2\">Subject</th><th rowspan=\"2\">Sequence</th><th colspan=\"2\">Cmax (ng/mL)</th><th colspan=\"2\">AUC0–t (ng·h/mL)</th></tr><tr><th>Test</th><th>Reference</th><th>Test</th><th>Reference</th></tr></thead><tbody><tr><td>1</td><td>TR</td><td>387.9</td><td>491.7</td><td>2271</td><td>2371</td></tr><tr><td>2</td><td>RT</td><td>499.6</td><td>460.8</td><td>1708</td><td>1802</td></tr><tr><td>3</td><td>TR</td><td>375.1</td><td>443.5</td><td>2234</td><td>2072</td></tr><tr><td>Geometric mean</td><td></td><td>415</td><td>464</td><td>2050</td><td>2061</td></tr></tbody></table>",
    ),
    (
        // Codes under a subject header (`Volunteer` over `V1`, `V2`) are subjects, not
        // parameters (`V1` is no central volume here); the footnote gives the unit
        // ("Concentrations are expressed in µg/mL").
        "subject_codes_that_look_like_parameters",
        "jsonl",
        "{\"table_id\": \"volunteers:2\", \"caption\": \"Table 2. Individual plasma ketoprazine concentrations after a 100 mg intramuscular injection\", \"footnote\": \"Concentrations are expressed in µg/mL.\", \"table_html\": \"<table><thead><tr><th rowspan=\\\"2\\\">Volunteer</th><th colspan=\\\"3\\\">Time after injection (min)</th></tr><tr><th>5</th><th>15</th><th>30</th></tr></thead><tbody><tr><td>V1</td><td>1.00</td><td>2.15</td><td>2.48</td></tr><tr><td>V2</td><td>1.15</td><td>2.21</td><td>2.09</td></tr></tbody></table>\"}",
    ),
    (
        // Publishers' headers without `<thead>` or `<th>`: a first row set in bold over rows
        // that are not; the stub's header declares the table (`Parameter, mean (SD)`).
        "bold_header_row_declaring_the_statistic",
        "jsonl",
        "{\"table_id\": \"bold_header:3\", \"caption\": \"Table 4 Urinary excretion of unchanged pravinostat over 48 h after single oral doses\", \"footnote\": \"CLR, renal clearance.\", \"table_html\": \"<table class=\\\"table\\\"><tr><td><b>Parameter, mean (SD)</b></td><td><b>75 mg (<i>n</i> = 6)</b></td><td><b>150 mg (<i>n</i> = 6)</b></td></tr><tr><td>Ae<sub>0–48</sub> (mg)</td><td>16.2 (3.9)</td><td>33.8 (7.7)</td></tr><tr><td>CL<sub>R</sub> (mL/min)</td><td>142 (31)</td><td>151 (36)</td></tr></table>\"}",
    ),
    (
        // Units stated in words in the caption ("Concentrations are in mg/L, AUC in mg·h/L,
        // CL in L/h/kg and t½ in h"); a footnote mark on the stub's header scopes its note
        // to the whole table ("a Mean ± SEM").
        "units_in_words_and_a_mark_on_the_stub_header",
        "jsonl",
        "{\"table_id\": \"units_in_words:3\", \"caption\": \"Table 3 Steady-state pharmacokinetic parameters of vancoramycin in infants and children. Concentrations are in mg/L, AUC in mg·h/L, CL in L/h/kg and t½ in h\", \"footnote\": \"<sup>a</sup>Mean ± SEM (n = 4 per group).\", \"table_html\": \"<table><thead><tr><th>Parameter<sup>a</sup></th><th>Infants</th><th>Children</th></tr></thead><tbody><tr><td>Cmax</td><td>35.1 ± 8.6</td><td>38.9 ± 9.2</td></tr><tr><td>AUC0–τ</td><td>398 ± 92</td><td>421 ± 97</td></tr><tr><td>CL</td><td>0.098 ± 0.024</td><td>0.112 ± 0.029</td></tr><tr><td>t½</td><td>4.6 ± 1.1</td><td>3.9 ± 0.8</td></tr></tbody></table>\"}",
    ),
    (
        // Rows under a time header (`Time since ingestion (h)` over `4 | 6 | 10`) are
        // sampling times, not subjects, even as small numbers; the cases are the columns.
        "case_columns_over_times_since_ingestion",
        "jsonl",
        "{\"table_id\": \"overdose:1\", \"caption\": \"Table 1. Serial serum bupravanol concentrations in two patients after intentional overdose\", \"footnote\": \"–, no sample taken.\", \"table_html\": \"<table><thead><tr><th rowspan=\\\"2\\\">Time since ingestion (h)</th><th colspan=\\\"2\\\">Serum bupravanol (mg/L)</th></tr><tr><th>Case 1</th><th>Case 2</th></tr></thead><tbody><tr><td>4</td><td>11.4</td><td>–</td></tr><tr><td>6</td><td>–</td><td>15.8</td></tr><tr><td>10</td><td>9.36</td><td>10.4</td></tr></tbody></table>\"}",
    ),
    (
        // Times under the day of a repeated dose (`Day 7` over `Pre-dose | 1 h`): the time
        // on that day (`Day 7, 1 h`).
        "sampling_times_on_days_of_dosing",
        "jsonl",
        "{\"table_id\": \"days:4\", \"caption\": \"Table 4. Plasma quetrazine concentrations (ng/mL) on day 1 and day 7 of once-daily oral dosing with 50 mg\", \"footnote\": \"BLQ, below the limit of quantification (0.2 ng/mL).\", \"table_html\": \"<table><thead><tr><th rowspan=\\\"2\\\">Subject</th><th colspan=\\\"2\\\">Day 1</th><th colspan=\\\"2\\\">Day 7</th></tr><tr><th>Pre-dose</th><th>1 h</th><th>Pre-dose</th><th>1 h</th></tr></thead><tbody><tr><td>201</td><td>BLQ</td><td>32.0</td><td>5.34</td><td>37.7</td></tr><tr><td>202</td><td>BLQ</td><td>41.7</td><td>7.49</td><td>45.1</td></tr></tbody></table>\"}",
    ),
    (
        // Peak and trough levels of drug monitoring (`Peak<sup>a</sup> (mg/L)`, `Trough (mg/L)`)
        // with a concentration unit; a dose column beside them is context.
        "peak_and_trough_levels_per_subject",
        "jsonl",
        "{\"table_id\": \"tdm:3\", \"caption\": \"Table 3. Serum gentarocin concentrations and individual estimates in neonates\", \"footnote\": \"<sup>a</sup> 1 h after the start of a 30-min infusion. <sup>b</sup> Immediately before the next dose.\", \"table_html\": \"<table><thead><tr><th>Neonate</th><th>Dose (mg/kg)</th><th>Peak<sup>a</sup> (mg/L)</th><th>Trough<sup>b</sup> (mg/L)</th><th>CL (L/h/kg)</th></tr></thead><tbody><tr><td>1</td><td>5</td><td>7.5</td><td>1.58</td><td>0.045</td></tr><tr><td>2</td><td>4</td><td>8.5</td><td>0.63</td><td>0.049</td></tr><tr><td>3</td><td>5</td><td>7.3</td><td>0.70</td><td>0.068</td></tr></tbody></table>\"}",
    ),
    (
        // A declaration naming a parameter (`except Tmax, median (range)`) comes before the
        // line's label (`Mean (95% CI)`): the label speaks for the row, the exception for
        // Tmax by name.
        "exception_before_line_label",
        "md",
        "Table 1. Pharmacokinetic parameters of dalvorin\n\n| | Cmax (ng/mL) | Tmax (h) | AUC0–∞ (ng·h/mL) |\n|---|---|---|---|\n| Mean (95% CI) | 212 (190–234) | 1.50 (1.00–2.50) | 1,480 (1,310–1,650) |\n\nData are presented as mean (95% CI) except Tmax, median (range).\n",
    ),
    (
        // Units listed in the caption after the last comma of each item (`Tmax,ss, h`), and
        // a cell whose decimal commas are not in doubt (`0,750`) settling its `1,000`.
        "caption_units_and_decimal_commas_in_a_cell",
        "md",
        "Table 2. Steady-state pharmacokinetics of fenarcillin in goats. Units: Cmax,ss, µg/mL; Tmax,ss, h. Values are median (range).\n\n| Parameter | 5 mg/kg |\n|---|---|\n| Cmax,ss | 2,41 (1,98–3,02) |\n| Tmax,ss | 0,750 (0,500–1,000) |\n",
    ),
    (
        // A comparison row, `Ratio B/A (90% CI)`, gives no value of the column's parameter;
        // the caption's count, `(n = 12)`, is given to no group of two (it may count one).
        "group_ratio_and_caption_count",
        "md",
        "Table 2. Pharmacokinetic parameters of ranofemide with and without food (n = 12)\n\n| Group | Cmax (ng/mL) | AUC0–∞ (ng·h/mL) |\n|---|---|---|\n| Fasted | 45.2 ± 12.1 | 310 ± 80 |\n| Fed | 40.0 ± 9.0 | 295 ± 71 |\n| Ratio fed/fasted (90% CI) | 0.88 (0.71–1.09) | 0.95 (0.88–1.03) |\n\nData are mean ± SD.\n",
    ),
    (
        // Steady state written after the name (`AUCτ,ss`, `Cavg,ss`, `Css,min`, `AUC0–24,ss`),
        // excretion over an interval and as a percentage of the dose, and a
        // pharmacodynamic index (`AUC0–24/MIC`, no record); the caption's one count is the
        // n of the table's one group.
        "steady_state_and_excretion_spellings",
        "md",
        "Table 2. Pharmacokinetic parameters of olmecitide at steady state (τ = 24 h, mean ± SD, n = 12)\n\n| Parameter | Value |\n|---|---|\n| AUCτ,ss (ng·h/mL) | 2,410 ± 500 |\n| Cavg,ss (ng/mL) | 100 ± 20 |\n| Css,min (ng/mL) | 42 ± 9 |\n| AUC0–24,ss (ng·h/mL) | 2,400 ± 480 |\n| fe0–24 (%) | 31 ± 6 |\n| Ae (% of dose) | 29 ± 5 |\n| AUC0–24/MIC | 120 ± 30 |\n",
    ),
    (
        // A declaration in parentheses after the caption's title declares the whole table,
        // even when the title names concentrations or a clearance; cells that say there is
        // no value (`—`, `NA`, `NC`) give no record, a value below the limit is kept.
        "title_declaration_and_cells_without_values",
        "md",
        "Table 3. Plasma concentrations and pharmacokinetic parameters of dravoxetine in patients with impaired creatinine clearance (mean ± SD)\n\n| Parameter | IV | Oral |\n|---|---|---|\n| Cmax (ng/mL) | — | 22.4 ± 6.0 |\n| Tmax (h) | NA | 1.5 ± 0.5 |\n| t1/2 (h) | 8.1 ± 1.2 | NC |\n| Cmin (ng/mL) | 2.1 ± 0.4 | BLQ |\n",
    ),
    (
        // The statistic of each row in a column of its own (`Statistic`), and a parameter
        // named on a row of its own with its statistic lines under it.
        "statistic_column_and_parameter_headings",
        "html",
        "<table><caption>Table 2. Plasma pharmacokinetic parameters of ulvenatide after once-weekly doses</caption><thead><tr><th>Parameter</th><th>Statistic</th><th>Day 1 (n = 16)</th><th>Day 29 (n = 15)</th></tr></thead><tbody><tr><td>Cmax (ng/mL)</td><td>Mean (SD)</td><td>18.4 (5.2)</td><td>27.9 (7.7)</td></tr><tr><td>Tmax (h)</td><td>Median (min, max)</td><td>24.0 (8.0, 48.0)</td><td>24.0 (12.0, 72.0)</td></tr><tr><td>t1/2 (h)</td><td>Geometric mean (CV%)</td><td>128 (22.5)</td><td>135 (24.1)</td></tr><tr><td colspan=\"4\">Ctrough (ng/mL)</td></tr><tr><td>Mean ± SD</td><td></td><td>410 ± 185</td><td>455 ± 201</td></tr><tr><td>Median (range)</td><td></td><td>388 (120–910)</td><td>430 (131–990)</td></tr></tbody></table>",
    ),
    (
        // A statistic column alone (every row's statistic in it, no heading rows): the
        // parameters stay the stub, the statistic column declares each row.
        "statistic_column",
        "md",
        "Table 2. Plasma pharmacokinetic parameters of ulvenatide\n\n| Parameter | Statistic | Day 1 | Day 29 |\n|---|---|---|---|\n| Cmax (ng/mL) | Mean (SD) | 18.4 (5.2) | 27.9 (7.7) |\n| Tmax (h) | Median (range) | 24.0 (8.0–48.0) | 24.0 (12.0–72.0) |\n| t1/2 (h) | Geometric mean (CV%) | 128 (22.5) | 135 (24.1) |\n",
    ),
    (
        // A footnote mark on a parameter (`Tmax (h)a`, "a Median (range)") is an exception
        // to the column's declaration (`Mean (SD)`); units listed in the caption
        // ("Units: Cmax, ng/mL; AUC, ng·h/mL") for labels that print none.
        "marked_exception_and_caption_units",
        "md",
        "Table 2. Pharmacokinetic parameters of nafrizine in children. Units: Cmax, ng/mL; Tmax, h; AUC, ng·h/mL.\n\n| Parameter | Mean (SD) |\n|---|---|\n| Cmax | 24.6 (6.3) |\n| Tmaxa | 0.5 (0.5–1.0) |\n| AUC0–∞ | 88.1 (21.7) |\n\na Median (range).\n",
    ),
    (
        // Tables as scraped pages give them, caption and footnote with their markup and
        // entities: a group column spanning its statistic rows (`Group | Statistic`); dose
        // levels as bare numbers in a `Dose (mg)` stub (groups, not subjects); a spread in
        // brackets after `±`; abbreviations defined in the footnote; a percentile interval.
        "scraped_groups_doses_and_definitions",
        "jsonl",
        "{\"table_id\": \"groups_then_statistics:1\", \"caption\": \"Table 4. Pharmacokinetic parameters of rimbeloxan by hepatic function\", \"table_html\": \"<table><thead><tr><th>Group</th><th>Statistic</th><th>C<sub>max</sub> (ng/mL)</th><th>t<sub>1/2</sub> (h)</th></tr></thead><tbody><tr><td rowspan=\\\"3\\\">Normal (<i>n</i> = 8)</td><td>Mean</td><td>56.3</td><td>11.2</td></tr><tr><td>SD</td><td>12.1</td><td>2.4</td></tr><tr><td>Median</td><td>54.0</td><td>10.8</td></tr><tr><td rowspan=\\\"2\\\">Moderate (<i>n</i> = 6)</td><td>Mean</td><td>72.4</td><td>19.5</td></tr><tr><td>SD</td><td>18.0</td><td>4.2</td></tr></tbody></table>\"}\n{\"table_id\": \"dose_levels_and_plus_minus_in_brackets:1\", \"caption\": \"Table 2. Pharmacokinetic parameters of cobrelutinib after single oral doses\", \"footnote\": \"Data are mean (&plusmn;SD). <sup>a</sup>Median (5th&ndash;95th percentile). GMR, geometric mean ratio; CI, confidence interval.\", \"table_html\": \"<table><thead><tr><th>Dose (mg)</th><th>C<sub>max</sub> (ng/mL)</th><th>t<sub>max</sub> (h)<sup>a</sup></th></tr></thead><tbody><tr><td>10</td><td>21.4<br/>(&plusmn;7.2)</td><td>1.0 (0.5&ndash;2.0)</td></tr><tr><td>30</td><td>70.2<br/>(&plusmn;19.0)</td><td>1.5 (0.5&ndash;3.0)</td></tr><tr><td>100</td><td>238<br/>(&plusmn;74)</td><td>1.5 (1.0&ndash;3.0)</td></tr></tbody></table>\"}\n",
    ),
    (
        // A bioequivalence table: geometric least-squares means of test and reference, the
        // ratio's 90 % CI split into `Lower | Upper` under its label, and the within-subject
        // CV. The means are values; the ratio, its bounds and the CV are not.
        "bioequivalence",
        "html",
        "<table><caption>Table 3. Bioequivalence of two pelmatrine 10-mg tablets (n = 36). Geometric least-squares means.</caption><thead><tr><th rowspan=\"2\">Parameter</th><th colspan=\"2\">Geometric LS mean</th><th rowspan=\"2\">T/R ratio (%)</th><th colspan=\"2\">90% CI</th><th rowspan=\"2\">CV<sub>intra</sub> (%)</th></tr><tr><th>Test</th><th>Reference</th><th>Lower</th><th>Upper</th></tr></thead><tbody><tr><td>C<sub>max</sub> (ng/mL)</td><td>18.62</td><td>19.05</td><td>97.74</td><td>91.20</td><td>104.75</td><td>17.3</td></tr><tr><td>AUC<sub>0–t</sub> (ng·h/mL)</td><td>812.4</td><td>798.9</td><td>101.69</td><td>97.85</td><td>105.68</td><td>9.4</td></tr></tbody></table>",
    ),
    (
        // An interval's ends under its label beside the mean of the same group
        // (`Day 1 / Mean`, `Day 1 / 95% CI / Lower`, `Day 1 / 95% CI / Upper`).
        "interval_ends_under_their_label",
        "html",
        "<table><caption>Table 2. Pharmacokinetic parameters of varenolol</caption><thead><tr><th rowspan=\"3\">Parameter</th><th colspan=\"3\">Day 1</th></tr><tr><th rowspan=\"2\">Mean</th><th colspan=\"2\">95% CI</th></tr><tr><th>Lower</th><th>Upper</th></tr></thead><tbody><tr><td>Cmax (ng/mL)</td><td>45.2</td><td>38.1</td><td>52.3</td></tr></tbody></table>",
    ),
    (
        // A caption in another language, read in English: German `Individuelle
        // Serumkonzentrationen von X (mg/l) nach ...` over `Zeit nach Infusionsbeginn (h)`.
        "caption_in_german",
        "html",
        "<table><caption>Tabelle 2: Individuelle Serumkonzentrationen von Nexaprilat (mg/l) nach einer 30-minütigen Infusion von 500 mg</caption><thead><tr><th rowspan=\"2\">Patient</th><th colspan=\"3\">Zeit nach Infusionsbeginn (h)</th></tr><tr><th>0,5</th><th>1</th><th>2</th></tr></thead><tbody><tr><td>Pat. 1</td><td>21,8</td><td>14,0</td><td>10,6</td></tr><tr><td>Pat. 2</td><td>27,1</td><td>17,7</td><td>&lt; BG</td></tr></tbody></table>",
    ),
    (
        // Statistic words in Dutch: `mediaan [IQR]` in the caption.
        "declaration_in_dutch",
        "md",
        "Tabel 3. Farmacokinetische parameters van teloravir per leeftijdsgroep; waarden zijn mediaan [IQR]\n\n| Leeftijdsgroep | CL (L/h/kg) | t½ (h) |\n|---|---|---|\n| < 2 jaar | 0,31 [0,24–0,38] | 1,4 [1,2–1,7] |\n| 2–5 jaar | 0,27 [0,22–0,33] | 1,5 [1,3–1,8] |\n",
    ),
    (
        // Individual values, then their mean: named animals across beside `Mean ± SD`,
        // the caption counting them.
        "subjects_named_beside_their_summary",
        "md",
        "Table 3. Pharmacokinetic parameters of zalbutazone in three camels after a single oral dose of 2 mg/kg\n\n| Parameter | Zara | Omar | Layla | Mean ± SD |\n|---|---|---|---|---|\n| Cmax (µg/mL) | 14.8 | 11.2 | 17.9 | 14.6 ± 3.4 |\n| Tmax (h) | 8.0 | 12.0 | 6.0 | 8.7 ± 3.1 |\n",
    ),
    (
        // Full-width rows naming a specimen with its unit over the subjects' rows, times
        // across: each section's specimen and unit are those of the rows under it.
        "specimen_section_rows_over_subjects",
        "html",
        "<table><caption>Table 2. Individual plasma and saliva concentrations of dorvastat after a 100 mg oral dose</caption><thead><tr><th rowspan=\"2\">Volunteer</th><th colspan=\"3\">Time after dose (h)</th></tr><tr><th>1</th><th>2</th><th>4</th></tr></thead><tbody><tr><td colspan=\"4\">Plasma (ng/mL)</td></tr><tr><td>V1</td><td>310</td><td>420</td><td>250</td></tr><tr><td>V2</td><td>290</td><td>405</td><td>231</td></tr><tr><td colspan=\"4\">Saliva (ng/mL)</td></tr><tr><td>V1</td><td>61</td><td>88</td><td>47</td></tr><tr><td>V2</td><td>NS</td><td>79</td><td>40</td></tr></tbody></table>",
    ),
    (
        // Animals' names under their species' word spanning them, as many as the caption
        // counts: `Max` is a dog there, not a maximum.
        "names_under_a_species_header",
        "html",
        "<table><caption>Table 2. Plasma concentrations (µg/mL) of brenafloxin in three dogs after an intravenous bolus of 5 mg/kg</caption><thead><tr><th rowspan=\"2\">Time (min)</th><th colspan=\"3\">Dog</th></tr><tr><th>Bella</th><th>Max</th><th>Rocky</th></tr></thead><tbody><tr><td>5</td><td>22.4</td><td>19.8</td><td>25.1</td></tr><tr><td>60</td><td>6.1</td><td>5.2</td><td>7.3</td></tr></tbody></table>",
    ),
    (
        // Clock times down the stub, the dose's clock time in the caption: times since
        // the dose, the clock running on into the next day.
        "clock_times_with_the_dose_time_in_the_caption",
        "html",
        "<table><caption>Table 3. Plasma talvoprim concentrations (µg/mL) in two piglets. The dose was given at 08:00 on day 1</caption><thead><tr><th>Clock time</th><th>Pig A</th><th>Pig B</th></tr></thead><tbody><tr><td>08:30</td><td>3.1</td><td>2.7</td></tr><tr><td>12:00</td><td>2.2</td><td>1.9</td></tr><tr><td>20:00</td><td>0.61</td><td>0.48</td></tr><tr><td>08:00 (day 2)</td><td>0.05</td><td>0.04</td></tr><tr><td>08:00 (day 3)</td><td>0.01</td><td>&lt;0.01</td></tr></tbody></table>",
    ),
    (
        // French labels: named horses beside `Moyenne ± ET` (ET, écart type), the AUC as
        // `ASC` and the mean residence time as `TRM`, decimal commas.
        "french_symbols_and_moyenne_et",
        "html",
        "<table><caption>Tableau 3. Paramètres pharmacocinétiques individuels de la corbenzolide chez trois chevaux</caption><thead><tr><th>Paramètre</th><th>Ulysse</th><th>Tornado</th><th>Rubis</th><th>Moyenne ± ET</th></tr></thead><tbody><tr><td>Cmax (µg/ml)</td><td>2,74</td><td>3,92</td><td>1,93</td><td>2,86 ± 1,00</td></tr><tr><td>ASC0–∞ (µg·h/ml)</td><td>18,8</td><td>22,3</td><td>25,9</td><td>22,3 ± 3,6</td></tr><tr><td>TRM (h)</td><td>8,96</td><td>9,42</td><td>10,2</td><td>9,53 ± 0,63</td></tr></tbody></table>",
    ),
    (
        // Spanish labels: `media ± DE` in the caption, `Cmáx`, `ABC0–t`, `TMR`, a unit column
        // headed `Unidad`.
        "spanish_symbols_and_media_de",
        "html",
        "<table><caption>Tabla 2. Parámetros farmacocinéticos de la velamicina (media ± DE) en plasma de vacas (n = 8)</caption><thead><tr><th>Parámetro</th><th>Unidad</th><th>Plasma</th></tr></thead><tbody><tr><td>Cmáx</td><td>µg/ml</td><td>0.42 ± 0.11</td></tr><tr><td>ABC0–t</td><td>µg·h/ml</td><td>9.71 ± 2.26</td></tr><tr><td>TMR</td><td>h</td><td>46.2 ± 8.8</td></tr></tbody></table>",
    ),
    (
        // German `MW ± SD` in the caption, its abbreviations defined in the footnote by one
        // compound word each (`MW, Mittelwert; SD, Standardabweichung`).
        "german_mw_sd_defined_in_the_footnote",
        "xml",
        "<table-wrap><label>Tabelle 2</label><caption><p>Pharmakokinetische Parameter von Dravolin im Plasma nach oraler Gabe von 40 mg (MW ± SD)</p></caption><table><thead><tr><th>Parameter</th><th>Einheit</th><th>40 mg (n = 12)</th></tr></thead><tbody><tr><td>Cmax</td><td>ng/ml</td><td>268,2 ± 115,7</td></tr><tr><td>t½</td><td>h</td><td>9,8 ± 1,7</td></tr></tbody></table><table-wrap-foot><fn><p>MW, Mittelwert; SD, Standardabweichung.</p></fn></table-wrap-foot></table-wrap>",
    ),
    (
        // The caption's unit after the analyte and two specimens, a dose in brackets after
        // it: `concentrations of X in plasma and in milk (µg/mL) ... (10 mg/kg)`.
        "caption_unit_after_two_specimens_and_a_dose",
        "html",
        "<table><caption>Table 2. Individual concentrations of tilvarin in plasma and in milk (µg/mL) of two ewes after an intramuscular dose (10 mg/kg)</caption><thead><tr><th>Ewe</th><th>Time (h)</th><th>Plasma</th><th>Milk</th></tr></thead><tbody><tr><td>E-12</td><td>2</td><td>5.35</td><td>3.33</td></tr><tr><td>E-12</td><td>6</td><td>3.68</td><td>6.58</td></tr><tr><td>E-15</td><td>2</td><td>5.36</td><td>3.61</td></tr></tbody></table>",
    ),
    (
        // German trough and peak levels (`Talspiegel`, `Spitzenspiegel`) of each patient,
        // with covariate columns beside them.
        "german_trough_and_peak_levels",
        "html",
        "<table><caption>Tabelle 2. Individuelle Serumkonzentrationen von Nerolamicin bei Frühgeborenen</caption><thead><tr><th>Patient</th><th>Geburtsgewicht (g)</th><th>Talspiegel (mg/l)</th><th>Spitzenspiegel (mg/l)</th></tr></thead><tbody><tr><td>FG 01</td><td>890</td><td>0,77</td><td>11,1</td></tr><tr><td>FG 02</td><td>1250</td><td>&lt;0,5</td><td>7,76</td></tr></tbody></table>",
    ),
    (
        // Troughs by day: `Day` over `Day 2 | Day 3` down the stub, patients across.
        "troughs_by_day_down_the_stub",
        "md",
        "Table 2. Trough serum concentrations (mg/L) of halvorin measured before the morning dose\n\n| Day | Patient 1 | Patient 2 |\n|---|---|---|\n| Day 2 | 14.9 | 10.8 |\n| Day 3 | 15.3 | 11.7 |\n| Day 5 | 18.4 | — |\n",
    ),
    (
        // Named animals under two species' headers in a table of individuals, not counted
        // by the caption (three names at least under each: two are groups).
        "names_under_two_species_headers",
        "html",
        "<table><caption>Table 2. Plasma concentrations (µg/mL) of pramolin in individual sea turtles</caption><thead><tr><th rowspan=\"2\">Time (h)</th><th colspan=\"3\">Loggerhead turtles</th><th colspan=\"3\">Green turtles</th></tr><tr><th>Hope</th><th>Marina</th><th>Tango</th><th>Olive</th><th>Pebble</th><th>Rio</th></tr></thead><tbody><tr><td>1</td><td>3.31</td><td>5.47</td><td>2.66</td><td>4.55</td><td>3.40</td><td>3.10</td></tr><tr><td>24</td><td>6.24</td><td>9.08</td><td>5.70</td><td>3.92</td><td>BLQ</td><td>3.18</td></tr></tbody></table>",
    ),
    (
        // Full-width rows that are sampling times over the birds sampled then, specimens
        // across; a subject word with `no.` heading the ids; a Dutch time unit.
        "time_section_rows_over_subjects",
        "html",
        "<table><caption>Table 3. Brolin concentrations in plasma and liver of individual broiler chickens after a single oral dose of 20 mg/kg</caption><thead><tr><th>Bird no.</th><th>Plasma (µg/mL)</th><th>Liver (µg/g)</th></tr></thead><tbody><tr><td colspan=\"3\">1 h after dosing</td></tr><tr><td>1</td><td>5.32</td><td>15.0</td></tr><tr><td>2</td><td>5.65</td><td>17.0</td></tr><tr><td colspan=\"3\">4 h after dosing</td></tr><tr><td>3</td><td>3.58</td><td>10.0</td></tr></tbody></table>",
    ),
    (
        // Times across under a Dutch header with its unit in Dutch (`Tijd na toediening
        // (uur)`), pigs by code.
        "dutch_time_header_unit",
        "html",
        "<table><caption>Tabel 2. Individuele plasmaconcentraties (µg/ml) van ulvamine bij biggen</caption><thead><tr><th rowspan=\"2\">Varken</th><th colspan=\"3\">Tijd na toediening (uur)</th></tr><tr><th>0,5</th><th>2</th><th>24</th></tr></thead><tbody><tr><td>A1</td><td>0,590</td><td>0,748</td><td>&lt;0,01</td></tr><tr><td>A2</td><td>0,669</td><td>1,09</td><td>0,0311</td></tr><tr><td>A3</td><td>0,422</td><td>0,666</td><td>&lt;0,01</td></tr></tbody></table>",
    ),
    (
        // Not PK results: minimum inhibitory concentrations of isolates, whatever
        // concentrations their cells print.
        "not_pk_mic_table",
        "md",
        "Table 1. Minimum inhibitory concentrations for the mastitis isolates\n\n| Isolate | Organism | Cefalorin MIC (µg/mL) | Penicillin G MIC (µg/mL) |\n|---|---|---|---|\n| M001 | S. chromogenes | 0.5 | 1 |\n| M002 | E. coli | 2 | >16 |\n",
    ),
    (
        // A group header with its declaration in brackets (`i.v. (MW ± SD)`): one group of
        // means with SD, not an SD column of a group `i.v. (MW`; `n. b.` (not determined)
        // cells give nothing.
        "group_header_declaring_its_statistic",
        "html",
        "<table><caption>Tabelle 2. Pharmakokinetische Parameter von Tarvolin bei sechs Pferden</caption><thead><tr><th>Parameter</th><th>Einheit</th><th>i.v. (MW ± SD)</th><th>p.o. (MW ± SD)</th></tr></thead><tbody><tr><td>Cmax</td><td>µg/ml</td><td>n. b.</td><td>6,84 ± 1,92</td></tr><tr><td>t½</td><td>h</td><td>4,12 ± 0,66</td><td>4,95 ± 0,91</td></tr></tbody></table>",
    ),
    (
        // Spanish: `salvo` (except) a marked parameter, `mediana (intervalo)` a median with
        // its range, a `Unidad` column.
        "spanish_except_and_median_intervalo",
        "xml",
        "<table-wrap><label>Tabla 2</label><caption><p>Parámetros farmacocinéticos de nemolol en voluntarios sanos</p></caption><table><thead><tr><th>Parámetro</th><th>Unidad</th><th>Jóvenes (n = 12)</th></tr></thead><tbody><tr><td>Cmáx</td><td>ng/ml</td><td>842,5 ± 231,7</td></tr><tr><td>tmáx<sup>a</sup></td><td>h</td><td>1,5 (0,75–3,0)</td></tr></tbody></table><table-wrap-foot><fn><p>Valores expresados como media ± DE, salvo <sup>a</sup>mediana (intervalo).</p></fn></table-wrap-foot></table-wrap>",
    ),
    (
        // Dutch: an `Eenheid` unit column with hours as `uur`.
        "dutch_unit_column_in_uur",
        "md",
        "Tabel 2. Farmacokinetische parameters van doxalin bij biggen (gemiddelde ± SD; n = 8)\n\n| Parameter | Eenheid | Oraal |\n|---|---|---|\n| Cmax | µg/ml | 3,48 ± 0,86 |\n| AUC0–∞ | µg·uur/ml | 51,6 ± 12,4 |\n| t½ | uur | 8,1 ± 1,7 |\n",
    ),
    (
        // Each row stub declaring its unit and statistic after commas (`Cmax, ng/mL, mean
        // (SD)`, `Tmax, h, median (range)`).
        "row_stubs_declaring_unit_and_statistic",
        "md",
        "Table 2. Steady-state pharmacokinetics of escilorin in maternal plasma and breast milk\n\n| Parameter | Maternal plasma | Breast milk |\n|---|---|---|\n| Cmax, ng/mL, mean (SD) | 38.6 (11.2) | 74.1 (25.8) |\n| Tmax, h, median (range) | 4.0 (2.0–6.0) | 6.0 (4.0–10.0) |\n",
    ),
    (
        // Publishers' header rows in bold without `<th>` or `<thead>`, two of them (`Rabbit`
        // spanning `R-07 | R-11 | R-12`), over rows that are not.
        "two_bold_header_rows_without_th",
        "html",
        "<table><caption>Table 1. Plasma trevamycin concentrations (µg/mL) in individual rabbits after an intravenous bolus of 10 mg/kg</caption><tbody><tr><td rowspan=\"2\"><b>Time (min)</b></td><td colspan=\"3\"><b>Rabbit</b></td></tr><tr><td><b>R-07</b></td><td><b>R-11</b></td><td><b>R-12</b></td></tr><tr><td>2</td><td>27.5</td><td>30.0</td><td>22.6</td></tr><tr><td>60</td><td>5.22</td><td>3.97</td><td>4.89</td></tr></tbody></table>",
    ),
    (
        // A `Sample` column naming each row's specimen, times across; plasma in a caption
        // beside the blood it was drawn from.
        "sample_column_and_plasma_from_blood",
        "md",
        "Table 3. Total plasma cefalorin concentrations (µg/mL) in blood drawn from the joint and the jugular vein of two horses\n\n| Horse | Sample | 0.5 h | 2 h |\n|---|---|---|---|\n| Ginger | Synovial fluid | 310 | 120 |\n| Ginger | Plasma | 4.1 | 1.9 |\n| Nutmeg | Synovial fluid | 280 | 101 |\n| Nutmeg | Plasma | 3.8 | 1.6 |\n",
    ),
    (
        // Residue depletion: the day after the last dose first (printed once, spanning the
        // animals slaughtered that day), the animal beside it, edible tissues across with
        // the caption's unit per kilogram of tissue.
        "residues_by_day_then_animal",
        "html",
        "<table><caption>Table 4. Individual tolfenarin residues (µg/kg) in edible tissues of broilers slaughtered 1 and 3 days after the end of treatment</caption><thead><tr><th>Day after last dose</th><th>Bird no.</th><th>Muscle</th><th>Liver</th></tr></thead><tbody><tr><td rowspan=\"2\">1</td><td>1</td><td>228</td><td>899</td></tr><tr><td>2</td><td>196</td><td>1031</td></tr><tr><td rowspan=\"2\">3</td><td>4</td><td>62.5</td><td>401</td></tr><tr><td>5</td><td>&lt;LOQ</td><td>404</td></tr></tbody></table>",
    ),
    (
        // The same in Portuguese: `Dia após a última dose`, `Músculo`, `Fígado`, residues in
        // the caption.
        "portuguese_residues_by_day_then_animal",
        "html",
        "<table><caption>Tabela 4. Concentrações residuais de tiavarol (µg/kg) nos tecidos comestíveis de suínos</caption><thead><tr><th>Dia após a última dose</th><th>Animal</th><th>Músculo</th><th>Fígado</th></tr></thead><tbody><tr><td rowspan=\"2\">1</td><td>101</td><td>162,9</td><td>690,7</td></tr><tr><td>102</td><td>167,6</td><td>847,9</td></tr></tbody></table>",
    ),
    (
        // Bare `Peak` and `Trough` under treatment days, the caption naming peak and trough
        // concentrations with their unit.
        "bare_peak_and_trough_by_day",
        "html",
        "<table><caption>Table 2. Serum vernolin peak and trough concentrations (mg/L) by patient and treatment day</caption><thead><tr><th rowspan=\"2\">Patient</th><th colspan=\"2\">Day 2</th><th colspan=\"2\">Day 5</th></tr><tr><th>Peak</th><th>Trough</th><th>Peak</th><th>Trough</th></tr></thead><tbody><tr><td>CF01</td><td>33.4</td><td>1.08</td><td>31.3</td><td>1.05</td></tr><tr><td>CF02</td><td>27.6</td><td>&lt;0.3</td><td>33.5</td><td>1.13</td></tr></tbody></table>",
    ),
    (
        // Full-width rows naming each patient by word and number, what the paper tells of
        // them in brackets, over the patient's sampling times; specimens and their ratio
        // across, each at the row's time.
        "patient_sections_over_times",
        "md",
        "Table 2. Serum and CSF concentrations of tedorin in individual patients after a 600 mg intravenous dose\n\n| Time (min) | Serum (mg/L) | CSF (mg/L) | CSF/serum ratio |\n|---|---|---|---|\n| Patient 1 (M, 58 y, 74 kg; SAH) | | | |\n| 30 | 4.72 | 1.15 | 0.24 |\n| 120 | 9.01 | 2.95 | 0.33 |\n| Patient 2 (F, 44 y, 61 kg; ICH) | | | |\n| 30 | 5.80 | 1.62 | 0.28 |\n| 120 | 9.81 | — | — |\n",
    ),
    (
        // A long table with nominal and actual sampling times, the concentration column
        // headed by the drug the caption names before its quantity (`plasma X
        // concentrations`), a new drug no vocabulary knows.
        "nominal_and_actual_times_new_drug_column",
        "md",
        "Table 3. Individual plasma sulvarin concentrations with nominal and actual sampling times after a single 50 mg dose\n\n| Subject | Nominal time (h) | Actual time (h) | Sulvarin (ng/mL) |\n|---|---|---|---|\n| E-101 | 0.5 | 0.75 | 104 |\n| E-101 | 1 | 1.17 | 112 |\n| E-102 | 0.5 | 0.50 | 125 |\n",
    ),
    (
        // Monkeys' numbers under their sex in a table of individuals, in bold header rows
        // below a stub header spanning them; analytes as full-width sections.
        "ids_under_sex_headers_with_analyte_sections",
        "html",
        "<table><caption>Table 5. Individual plasma concentrations (ng/mL) of oxamerol and its metabolite M2 in cynomolgus monkeys after a single oral dose of 5 mg/kg</caption><tr><td rowspan=\"2\"><b>Time (h)</b></td><td colspan=\"2\"><b>Males</b></td><td colspan=\"2\"><b>Females</b></td></tr><tr><td><b>1001</b></td><td><b>1002</b></td><td><b>2001</b></td><td><b>2002</b></td></tr><tr><td colspan=\"5\"><i>Oxamerol</i></td></tr><tr><td>0.5</td><td>205</td><td>134</td><td>105</td><td>140</td></tr><tr><td colspan=\"5\"><i>M2</i></td></tr><tr><td>0.5</td><td>48.4</td><td>46.5</td><td>45.3</td><td>46.4</td></tr></table>",
    ),
    (
        // A header row of one concentration unit under the sampling times, the stub's
        // header spanning both rows.
        "unit_row_under_times",
        "html",
        "<table><caption>Tabla 2. Concentraciones plasmáticas individuales de gamitrozina en cerdos</caption><thead><tr><th rowspan=\"3\">Cerdo</th><th colspan=\"2\">Tiempo tras la administración (h)</th></tr><tr><th>0,25</th><th>0,5</th></tr><tr><th>µg/ml</th><th>µg/ml</th></tr></thead><tbody><tr><td>C-07</td><td>0,443</td><td>0,818</td></tr><tr><td>C-11</td><td>0,685</td><td>&lt; 0,01</td></tr></tbody></table>",
    ),
    (
        // Times across under a concentration's header beside columns of a parameter.
        "times_beside_a_parameter",
        "html",
        "<table><caption>Table 2. Individual plasma concentrations and half-lives of gabacetam in patients on haemodialysis</caption><thead><tr><th rowspan=\"2\">Patient</th><th colspan=\"2\">Plasma gabacetam (mg/L), time after dose (h)</th><th colspan=\"2\">t<sub>1/2</sub> (h)</th></tr><tr><th>2</th><th>24</th><th>off HD</th><th>on HD</th></tr></thead><tbody><tr><td>A.M.</td><td>73.8</td><td>23.1</td><td>37.2</td><td>3.7</td></tr><tr><td>B.K.</td><td>49.3</td><td>14.7</td><td>41.6</td><td>2.8</td></tr></tbody></table>",
    ),
    (
        // Clock times across, the dose's clock time in the footnote; animals numbered with
        // the Romance number sign.
        "clock_times_across",
        "xml",
        "<table-wrap><caption><p>Table 2. Individual plasma posafluconide concentrations (µg/mL) in hawks after a single oral dose</p></caption><table><thead><tr><th rowspan=\"2\">Oiseau n°</th><th colspan=\"3\">Plasma posafluconide (µg/mL)</th></tr><tr><th>08:30</th><th>20:00</th><th>08:00<sup>b</sup></th></tr></thead><tbody><tr><td>RT-1</td><td>0.889</td><td>0.840</td><td>0.182</td></tr></tbody></table><table-wrap-foot><p>Clock times; the dose was given by gavage at 08:00. <sup>b</sup> Following morning.</p></table-wrap-foot></table-wrap>",
    ),
    (
        // A statistic column, each parameter spanning its Mean and SD rows.
        "statistic_column_spanning_mean_and_sd",
        "html",
        "<table><caption>Table 2. Pharmacokinetic parameters of doxifloxan in broiler chickens after 10 mg/kg</caption><tbody><tr><td><b>Parameter</b></td><td><b>Unit</b></td><td><b>Statistic</b></td><td><b>Intravenous</b></td><td><b>Oral</b></td></tr><tr><td rowspan=\"2\">Cmax</td><td rowspan=\"2\">μg/mL</td><td>Mean</td><td>—</td><td>1.86</td></tr><tr><td>SD</td><td>—</td><td>0.41</td></tr><tr><td rowspan=\"2\">AUC0–24</td><td rowspan=\"2\">μg·h/mL</td><td>Mean</td><td>14.62</td><td>11.05</td></tr><tr><td>SD</td><td>2.37</td><td>2.12</td></tr></tbody></table>",
    ),
    (
        // At steady state of a once-daily regimen, C24 is the trough; a p column and a
        // footnote in Italian declaring `media (CV%)`.
        "steady_state_c24_and_p_column",
        "md",
        "Tabella 3. Parametri farmacocinetici allo steady state del sobrevirina 400 mg once daily. I valori sono espressi come media (CV%).\n\n| Parametro | Gravidanza | Post-partum | p |\n|---|---|---|---|\n| C24 (μg/mL) | 0,71 (28) | 1,06 (31) | 0,02 |\n| AUC0–24 (μg·h/mL) | 34,2 (22) | 52,4 (25) | 0,01 |\n",
    ),
    (
        // Turkish: the mean and its SD (`ortalama ± SS`), a `Birim` unit column, hours as
        // `sa`, `Cmaks`, `EAA0–∞`, a route's group in Turkish.
        "turkish_unit_column",
        "md",
        "Tablo 2. Keçilerde oksitrafenin farmakokinetik parametreleri (ortalama ± SS)\n\n| Parametre | Birim | İntravenöz | Oral |\n|---|---|---|---|\n| Cmaks | μg/ml | ND | 3,94 ± 0,82 |\n| EAA0–∞ | μg·sa/ml | 28,4 ± 5,3 | 37,9 ± 7,6 |\n| OKS0–∞ | sa | 4,15 ± 0,72 | 7,48 ± 1,33 |\n",
    ),
    (
        // Not PK results: covariates tested in a population model's building.
        "not_pk_covariate_model_building",
        "md",
        "Table 3. Covariates tested\n\n| Covariate | Parameter | Coefficient (95% CI) | ΔOFV | p value |\n|---|---|---|---|---|\n| Body weight (kg) | V/F | 0.92 (0.64–1.21) | −19.4 | <0.001 |\n",
    ),
    (
        // Not PK results: a covariate-effect regression table.
        "not_pk_regression",
        "md",
        "Table 4. Covariate effects on clearance in the final model\n\n| Covariate | β | 95% CI | P value |\n|---|---|---|---|\n| Weight on CL (L/h) | 0.75 | 0.61–0.89 | <0.001 |\n| Age on V | 0.12 | 0.02–0.22 | 0.02 |\n",
    ),
    (
        // Not PK results: demographics with a creatinine clearance and n = 15.
        "not_pk_demographics",
        "md",
        "Table 1. Baseline characteristics (n = 15)\n\n| Characteristic | Value |\n|---|---|\n| Age (years) | 34 ± 6 |\n| Creatinine clearance (mL/min) | 98 ± 21 |\n| Weight (kg) | 70 (55–92) |\n",
    ),
    (
        // Not PK results: assay validation.
        "not_pk_assay_validation",
        "md",
        "Table 5. Assay validation: precision and accuracy\n\n| Nominal concentration (ng/mL) | Intra-day CV (%) | Accuracy (%) |\n|---|---|---|\n| 5 | 4.1 | 98.2 |\n| 50 | 2.9 | 101.5 |\n",
    ),
];

#[test]
fn convention_fixtures() {
    let dir = std::env::temp_dir().join(format!("hysim-conventions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, ext, content) in CONVENTIONS {
        let path = dir.join(format!("{name}.{ext}"));
        std::fs::write(&path, content).unwrap();
        let tables = hysim_tables::read_tables_file(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let records: Vec<Record> = tables.iter().flat_map(hysim_tables::table_records).collect();
        insta::assert_snapshot!(format!("convention_{name}"), render(&records));
    }
    std::fs::remove_dir_all(&dir).ok();
}

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
