//! Records of constructed tables, one convention each.

use hysim_core::{Record, Statistic, Table};

use super::*;
use crate::context::paper_matrices;

fn show(records: &[Record]) -> String {
    records
        .iter()
        .map(|r| {
            format!(
                "{} {:?} {} {:?} {:?} {:?} {:?}->{:?} {:?} n={:?} group={:?} route={:?} species={:?}{}",
                r.parameter.as_deref().unwrap_or("-"),
                r.value,
                r.statistic.as_str(),
                r.dispersion.as_ref().map(|d| format!("{} {}", d.kind, d.value)),
                r.interval.as_ref().map(|i| format!("{} {}-{}", i.kind, i.low, i.high)),
                r.unit_raw,
                r.unit,
                r.value_canonical.map(|v| (v * 1e6).round() / 1e6),
                r.value_raw,
                r.n,
                r.context.group,
                r.context.route,
                r.context.species,
                r.context.subject.as_ref().map_or(String::new(), |s| format!(" subject={s}")),
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn table(caption: &str, header: &[&[&str]], body: &[&[&str]]) -> Table {
    let rows = |r: &[&[&str]]| r.iter().map(|row| row.iter().map(|c| (*c).to_owned()).collect()).collect();
    Table {
        id: "t:1".into(),
        caption: Some(caption.into()),
        footnote: None,
        title: None,
        abstract_text: None,
        header_rows: rows(header),
        spanned: Vec::new(),
        body_rows: rows(body),
    }
}

#[test]
fn parameters_as_rows() {
    let t = table(
        "Table 2. Pharmacokinetic parameters of lorazepam in children after i.v. and i.m. administration. Values are mean (95% CI) except tmax, median (range).",
        &[&["Parameter", "n", "I.v.", "n", "I.m.", "95% CI for the difference", "P value"]],
        &[
            &["Cmax (ng/mL)", "15", "65.1 (47.5–86.0)", "11", "48.2 (40.1–57.9)", "−43.5, 5.0", "0.07"],
            &["tmax (h)", "15", "0.5 (0.17–0.67)", "11", "1.0 (0.5–2.0)"],
            &["CL (mL/min/kg)", "15", "0.62 ± 0.2", "11", "NA"],
            &["Age (years)", "15", "3.2", "11", "2.9"],
        ],
    );
    insta::assert_snapshot!(show(&table_records(&t)), @r#"
    CMAX Some(65.1) mean None Some("95% CI 47.5-86") Some("ng/mL") Some("ng/mL")->Some(65.1) "65.1 (47.5–86.0)" n=Some(15) group=Some("I.v.") route=Some("IV") species=Some("human")
    CMAX Some(48.2) mean None Some("95% CI 40.1-57.9") Some("ng/mL") Some("ng/mL")->Some(48.2) "48.2 (40.1–57.9)" n=Some(11) group=Some("I.m.") route=Some("IM") species=Some("human")
    TMAX Some(0.5) median None Some("range 0.17-0.67") Some("h") Some("h")->Some(0.5) "0.5 (0.17–0.67)" n=Some(15) group=Some("I.v.") route=Some("IV") species=Some("human")
    TMAX Some(1.0) median None Some("range 0.5-2") Some("h") Some("h")->Some(1.0) "1.0 (0.5–2.0)" n=Some(11) group=Some("I.m.") route=Some("IM") species=Some("human")
    CLO Some(0.62) mean Some("unknown 0.2") None Some("mL/min/kg") Some("L/h/kg")->Some(0.0372) "0.62 ± 0.2" n=Some(15) group=Some("I.v.") route=Some("IV") species=Some("human")
    "#);
}

#[test]
fn flattened_statistic_headers_are_siblings() {
    let t = table(
        "Pharmacokinetics of X in dogs after oral administration",
        &[&["Parameter", "5 mg/kg Mean", "5 mg/kg SD", "10 mg/kg Mean", "10 mg/kg SD"]],
        &[&["Cmax (µg/mL)", "1.2", "0.3", "2.5", "0.4"]],
    );
    insta::assert_snapshot!(show(&table_records(&t)), @r#"
    CMAX Some(1.2) mean Some("SD 0.3") None Some("µg/mL") Some("ng/mL")->Some(1200.0) "1.2" n=None group=Some("5 mg/kg") route=Some("PO") species=Some("dog")
    CMAX Some(2.5) mean Some("SD 0.4") None Some("µg/mL") Some("ng/mL")->Some(2500.0) "2.5" n=None group=Some("10 mg/kg") route=Some("PO") species=Some("dog")
    "#);
}

#[test]
fn spanning_headers_flattened_into_one_row_split_back() {
    let split = |headers: &[&str]| unflatten_spans(headers.iter().map(|h| vec![h.to_string()]).collect());
    // Groups over statistics, and parameters over conditions: the product of two levels.
    assert_eq!(
        split(&["Variable", "IV (n = 14) Mean", "IV (n = 14) SD", "IM (n = 12) Mean", "IM (n = 12) SD"])[3],
        ["IM (n = 12)", "Mean"]
    );
    assert_eq!(
        split(&["Subject", "AUC (ng·h/mL) Fasted", "AUC (ng·h/mL) Fed", "t1/2 (h) Fasted", "t1/2 (h) Fed"])[1..],
        [["AUC (ng·h/mL)", "Fasted"], ["AUC (ng·h/mL)", "Fed"], ["t1/2 (h)", "Fasted"], ["t1/2 (h)", "Fed"]]
    );
    // The span ends before a number and outside brackets: `Cmax` over `Day 1`, `Cycle 1`
    // over `Day 8`.
    assert_eq!(split(&["Parameter", "Cmax Day 1", "Cmax Day 7", "AUC Day 1", "AUC Day 7"])[1], ["Cmax", "Day 1"]);
    assert_eq!(
        split(&["Parameter", "Cycle 1 Day 1", "Cycle 1 Day 8", "Cycle 2 Day 1", "Cycle 2 Day 8"])[2],
        ["Cycle 1", "Day 8"]
    );
    // One run alone is a series, not a product; a two-row header is already split.
    assert_eq!(split(&["Parameter", "Dose 1", "Dose 2"])[1], ["Dose 1"]);
    assert_eq!(split(&["Parameter", "Day 1 Mean", "Day 1 SD", "Day 7 Mean"])[1], ["Day 1 Mean"]);
    let two_rows = vec![vec!["Parameter".to_string()], vec!["IV".to_string(), "Mean".to_string()]];
    assert_eq!(unflatten_spans(two_rows.clone()), two_rows);

    let t = table(
        "Pharmacokinetics of X in dogs after intravenous and oral administration",
        &[&["Parameter", "IV (n = 6) Mean", "IV (n = 6) SD", "Oral (n = 5) Mean", "Oral (n = 5) SD"]],
        &[&["Cmax (µg/mL)", "1.2", "0.3", "2.5", "0.4"]],
    );
    let records = table_records(&t);
    let read: Vec<_> =
        records.iter().map(|r| (r.n, r.dispersion.as_ref().map(|d| d.value), r.context.route.clone())).collect();
    assert_eq!(read, [(Some(6), Some(0.3), Some("IV".to_owned())), (Some(5), Some(0.4), Some("PO".to_owned()))]);
}

#[test]
fn a_footnote_letter_on_a_short_symbol_is_a_mark_unless_it_is_the_symbols_subscript() {
    // `F<sup>c</sup> (%)`, printed `Fc (%)`, where a note defines `c`: bioavailability; `CLd`
    // and `Fa` under notes `d` and `a` stay the symbols they are (no code here).
    let t = table(
        "Pharmacokinetics of X in 10 volunteers after oral administration",
        &[&["Parameter", "Oral"]],
        &[&["Fc (%)", "43.0 ± 8.9"], &["CLd (L/h)", "4.1 ± 0.9"], &["Fa (%)", "88 ± 5"]],
    );
    let t = Table {
        footnote: Some(
            "Values are mean ± SD. a Fraction absorbed. c Absolute bioavailability. d Distributional clearance.".into(),
        ),
        ..t
    };
    let codes: Vec<_> = table_records(&t).iter().map(|r| (r.parameter.clone(), r.value)).collect();
    assert_eq!(codes, [(Some("FABS".to_owned()), Some(43.0))]);
}

#[test]
fn a_parameter_and_its_apparent_form_take_each_groups_route() {
    // `CL (CL/F)` in the stub, or `CL` with a note naming `CL/F` for the oral groups.
    for (label, footnote) in
        [("CL (CL/F) (L/h)", None), ("CLa (L/h)", Some("a CL for the IV group; CL/F for the oral group."))]
    {
        let t = table(
            "Pharmacokinetics of X in 10 volunteers after intravenous and oral administration",
            &[&["Parameter", "IV", "Oral"]],
            &[&["Cmax (ng/mL)", "98 ± 12", "61 ± 9"], &[label, "20.1 ± 3.2", "41.5 ± 8.8"]],
        );
        let t = Table { footnote: footnote.map(str::to_owned), ..t };
        let codes: Vec<_> = table_records(&t).iter().map(|r| r.parameter.clone().unwrap_or_default()).collect();
        assert_eq!(codes, ["CMAX", "CMAX", "CLO", "CLFO"], "{label}");
    }
}

#[test]
fn a_dose_defined_in_the_footnote_names_no_specimen() {
    // `RID, relative infant dose (assuming milk intake ...)`: RID is the parameter, not milk.
    let t = table(
        "Milk and plasma concentrations of X in five mother-infant pairs",
        &[&["Pair", "Milk (ng/mL)", "M/P ratio", "RID (%)"]],
        &[&["1", "596", "2.81", "5.2"], &["2", "251", "2.56", "4.4"]],
    );
    let t = Table {
        footnote: Some(
            "M/P, milk-to-plasma ratio; RID, relative infant dose (assuming milk intake of 0.15 L/kg/day).".into(),
        ),
        ..t
    };
    let codes: Vec<_> = table_records(&t).iter().filter_map(|r| r.parameter.clone()).collect();
    assert_eq!(codes.iter().filter(|c| *c == "RID").count(), 2, "{codes:?}");
}

#[test]
fn subjects_named_under_a_concentration_header_when_the_caption_counts_them() {
    let headers: &[&[&str]] =
        &[&["Time (h)", "Plasma concentration (ng/mL)", "", ""], &["", "Bella", "Duke", "Shadow"]];
    let rows: &[&[&str]] = &[&["0.5", "44.3", "56.9", "37.5"], &["1", "71.9", "108", "65.9"]];
    let subjects = |caption: &str| -> Vec<Option<String>> {
        let mut t = table(caption, headers, rows);
        // The spanning header over the three names.
        t.header_rows[0] = vec![
            "Time (h)".into(),
            "Plasma concentration (ng/mL)".into(),
            "Plasma concentration (ng/mL)".into(),
            "Plasma concentration (ng/mL)".into(),
        ];
        table_records(&t).iter().map(|r| r.context.subject.clone()).collect()
    };
    let named = subjects("Plasma concentrations of X in three horses after a single oral dose of 1 mg/kg");
    let name = |s: &str| Some(s.to_owned());
    assert_eq!(named, [name("Bella"), name("Bella"), name("Duke"), name("Duke"), name("Shadow"), name("Shadow")]);
    // Without a count that matches the columns, the names stay groups.
    let groups = subjects("Plasma concentrations of X in twelve horses after a single oral dose of 1 mg/kg");
    assert!(groups.iter().all(Option::is_none), "{groups:?}");
}

#[test]
fn a_caption_in_another_language_is_read_in_english() {
    // A German caption of a per-subject table: `Serumkonzentrationen von X (mg/l) nach ...`
    // over `Patient | Zeit nach Infusionsbeginn (h)` and `Pat. 1`.
    let mut t = table(
        "Tabelle 2: Individuelle Serumkonzentrationen von Nexaprilat (mg/l) nach einer 30-minütigen Infusion von 500 mg",
        &[&["Patient", "Zeit nach Infusionsbeginn (h)", ""], &["", "0,5", "1"]],
        &[&["Pat. 1", "21,8", "14,0"], &["Pat. 2", "27,1", "17,7"]],
    );
    t.header_rows[0][2] = "Zeit nach Infusionsbeginn (h)".into();
    let records = table_records(&t);
    type Seen<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<f64>, &'a str);
    let seen: Vec<Seen> = records
        .iter()
        .map(|r| {
            (
                r.parameter.as_deref(),
                r.context.subject.as_deref(),
                r.context.time.as_deref(),
                r.value,
                r.statistic.as_str(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (Some("CONC"), Some("Pat. 1"), Some("0.5 h"), Some(21.8), "individual"),
            (Some("CONC"), Some("Pat. 2"), Some("0.5 h"), Some(27.1), "individual"),
            (Some("CONC"), Some("Pat. 1"), Some("1 h"), Some(14.0), "individual"),
            (Some("CONC"), Some("Pat. 2"), Some("1 h"), Some(17.7), "individual"),
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn ambiguous_names_take_the_route_of_their_group() {
    let t = table(
        "Pharmacokinetics of enrofloxacin in dogs after intravenous and oral administration",
        &[&["Parameter", "Intravenous (n = 6)", "Oral (n = 6)"]],
        &[
            &["t1/2 (h)", "3.1 ± 0.5", "4.2 ± 0.6"],
            &["MRT (h)", "4.1 ± 0.5", "6.3 ± 1.2"],
            &["Vd (L/kg)", "2.5 ± 0.3", "3.1 ± 0.4"],
        ],
    );
    let codes: Vec<_> = table_records(&t).iter().map(|r| r.parameter.clone().unwrap_or_default()).collect();
    assert_eq!(codes, ["LAMZHL", "LAMZHL", "MRTIVIFO", "MRTEVIFO", "VZO", "VZFO"]);
    // Without a route in the group, the name stays unmapped.
    let t = table("Pharmacokinetics of X", &[&["Parameter", "Group A"]], &[&["t1/2 (h)", "3"], &["MRT (h)", "4.1"]]);
    assert_eq!(table_records(&t)[1].parameter, None);
}

#[test]
fn footnotes_are_split_and_followed() {
    assert_eq!(
        footnote_marks("a Data presented as median [25th; 75th percentile]. b Standard deviation in weeks.", &|_| true),
        [
            ("a".to_owned(), "Data presented as median [25th; 75th percentile].".to_owned()),
            ("b".to_owned(), "Standard deviation in weeks.".to_owned())
        ]
    );
    assert_eq!(
        footnote_marks("*: p < 0.05; † geometric mean", &|_| true),
        [("*".to_owned(), "p < 0.05;".to_owned()), ("†".to_owned(), "geometric mean".to_owned())]
    );
    assert!(footnote_marks("Values are mean ± SD.", &|_| true).is_empty());
    let mut t = table(
        "Fentanyl concentrations in maternal serum. Data are presented as mean (SD) or median [interquartile range]",
        &[&["Variable", "Group A (n = 19)"]],
        &[&["Cmax (nmol/L)", "0.268 [0.193; 0.493]a (n = 16)"], &["AUC0-120 (nmol h/L)", "0.428 (0.162) (n = 18)"]],
    );
    t.footnote = Some("a Data presented as median [25th; 75th percentile].".into());
    let records = table_records(&t);
    assert_eq!(records[0].provenance.footnotes, ["Data presented as median [25th; 75th percentile]."]);
    // Fentanyl is known: nmol/L converts with its molecular weight (336.5 g/mol).
    assert_eq!(records[0].context.drug.as_deref(), Some("fentanyl"));
    insta::assert_snapshot!(show(&records), @r#"
    CMAX Some(0.268) median None Some("IQR 0.193-0.493") Some("nmol/L") Some("ng/mL")->Some(0.090182) "0.268 [0.193; 0.493]a (n = 16)" n=Some(16) group=Some("Group A (n = 19)") route=None species=None
    AUCINT Some(0.428) mean Some("SD 0.162") None Some("nmol h/L") Some("ng·h/mL")->Some(0.144022) "0.428 (0.162) (n = 18)" n=Some(18) group=Some("Group A (n = 19)") route=None species=None
    "#);
}

#[test]
fn the_abstract_gives_the_matrix_no_table_text_names() {
    let mut t = table(
        "Table 2 Kinetic disposition of lorazepam in parturients",
        &[&["Parameter", "Lorazepam", "Urine"]],
        &[&["Cmax (ng/mL)", "12.96", "8.18"]],
    );
    let matrices = |t: &Table| table_records(t).iter().map(|r| r.context.matrix.clone()).collect::<Vec<_>>();
    assert_eq!(matrices(&t), [None, Some("urine".to_owned())], "the group names the urine");
    // Blood is drawn, plasma measured: one matrix.
    t.abstract_text = Some("Blood samples were collected over 72 h. Plasma concentrations were fitted.".into());
    assert_eq!(paper_matrices(&t), ["plasma"]);
    assert_eq!(matrices(&t), [Some("plasma".to_owned()), Some("urine".to_owned())], "the group's matrix stands");
    // Two fluids: the rules do not choose ("cord blood" is not also "blood").
    t.abstract_text = Some("Maternal venous blood and cord blood were sampled; plasma and urinary levels.".into());
    assert_eq!(paper_matrices(&t), ["plasma", "cord blood", "urine"]);
    assert_eq!(matrices(&t)[0], None);
    t.title = Some("Lorazepam in human milk".into());
    t.abstract_text = None;
    assert_eq!(paper_matrices(&t), ["milk"]);
    // Whole words, and only as samples.
    t.title = None;
    t.abstract_text = Some("The milk/plasma ratio was 0.4.".into());
    assert_eq!(paper_matrices(&t), ["plasma", "milk"]);
    t.abstract_text = Some(
        "Blood pressure, blood-brain barrier, serum creatinine and urine output after plasmapheresis; antiserum."
            .into(),
    );
    assert_eq!(paper_matrices(&t), Vec::<&str>::new());
    t.abstract_text = Some("Maternal sera were assayed; blood flow was normal.".into());
    assert_eq!(paper_matrices(&t), ["serum"]);
    t.abstract_text =
        Some("Blood\u{2010}brain and blood–brain barriers, fresh frozen plasma, urinary tract infection.".into());
    assert_eq!(paper_matrices(&t), Vec::<&str>::new());
    assert_eq!(matrix_of("Ciprofloxacin in patients with urinary tract infection"), None);
    // A fluid outside the first six still counts: plasma alone is not the paper's matrix.
    t.abstract_text = Some("Concentrations in plasma and CSF were measured.".into());
    assert_eq!(paper_matrices(&t), ["plasma", "cerebrospinal fluid"]);
    assert_eq!(paper_matrix(&t), None);
    assert_eq!(matrices(&t)[0].as_deref(), Some("plasma"), "the blood fluid: CSF would be named");
    t.title = Some("Lorazepam in human milk".into());
    t.abstract_text = None;
    // The caption's matrix comes first, and "urinary" is urine.
    t.caption = Some("Table 3 Urinary excretion of lorazepam".into());
    assert_eq!(matrices(&t), [Some("urine".to_owned()), Some("urine".to_owned())]);
    // The route too, from whole words, when the caption names none.
    t.caption = Some("Table 3 Ketamine parameters".into());
    t.abstract_text = Some("Ketamine was given as a 2 mg/kg IV bolus, then a continuous IV infusion.".into());
    assert_eq!(table_context(&t).context.route.as_deref(), Some("IV"));
    t.abstract_text = Some("A temporal and behavioral analysis after i.v. dosing.".into());
    assert_eq!(table_context(&t).context.route.as_deref(), Some("IV"), "no 'oral' in temporal");
    t.abstract_text = Some("Intravenous phenobarbital is short; oral levetiracetam was added.".into());
    assert_eq!(table_context(&t).context.route, None, "two routes: none");
    t.abstract_text = Some("Given orally.".into());
    t.caption = Some("Table 3 Lorazepam after i.v. and i.m. dosing".into());
    assert_eq!(table_context(&t).context.route, None, "the caption compares two routes");
    let route = |abstract_text: &str| {
        let mut t = t.clone();
        t.caption = Some("Table 3 Parameters".into());
        t.abstract_text = Some(abstract_text.into());
        crate::context::paper_route(&t).map(|(r, _)| r)
    };
    assert_eq!(route("A phase IV study of oral X; grade IV toxicity (iv) was rare."), Some("PO"));
    assert_eq!(route("An IV catheter was placed; X was given orally."), Some("PO"));
    assert_eq!(route("Dogs premedicated with i.m. acepromazine received intravenous X."), Some("IV"));
    assert_eq!(route("Bioavailability of intranasal X relative to IV dosing."), None, "another route");
    assert_eq!(route("Rückstände im Plasma"), None, "no bare im");
    assert_eq!(route("After an oral glucose tolerance test, X was given subcutaneously."), Some("SC"));
    assert_eq!(route("X in subcutaneous adipose tissue after intra-oral IV injection."), Some("IV"));
    // A column's route comes before the paper's: MRT in the Oral column is the oral MRT.
    let mut c = table(
        "Table 2 Pharmacokinetic parameters of X",
        &[&["Parameter", "IV", "Oral"]],
        &[&["Cmax (ng/mL)", "1.2", "0.8"], &["MRT (h)", "3.1", "4.2"]],
    );
    c.abstract_text = Some("X was given orally to dogs.".into());
    let mrt = |c: &Table| -> Vec<Option<String>> {
        table_records(c).into_iter().filter(|r| r.parameter_raw.starts_with("MRT")).map(|r| r.parameter).collect()
    };
    assert_eq!(mrt(&c), [Some("MRTIVIFO".to_owned()), Some("MRTEVIFO".to_owned())]);
    c.header_rows = vec![vec!["Parameter".into(), "Value".into(), "SD".into()]];
    assert_eq!(mrt(&c)[0].as_deref(), Some("MRTEVIFO"), "no column route: the paper's");
    t.abstract_text = None;
    t.caption = Some("Table 3 Urinary excretion of lorazepam".into());
    // The decoder's records are completed alike.
    let r = model_record(&t, &table_context(&t), "CMAX", "1.2", Some("ng/mL"), Statistic::Mean, Some("Plasma"));
    assert_eq!(r.context.matrix.as_deref(), Some("urine"), "the caption's");
    t.caption = Some("Table 3 Lorazepam".into());
    let r = model_record(&t, &table_context(&t), "CMAX", "1.2", Some("ng/mL"), Statistic::Mean, Some("Plasma"));
    assert_eq!(r.context.matrix.as_deref(), Some("plasma"), "the group's");
    let r = model_record(&t, &table_context(&t), "CMAX", "1.2", Some("ng/mL"), Statistic::Mean, None);
    assert_eq!(r.context.matrix.as_deref(), Some("milk"), "the paper's");
}

#[test]
fn an_unnamed_specimen_is_the_curators_default_blood_fluid() {
    let mut t = table(
        "Table 2 Individual pharmacokinetic parameters of X after a single oral dose",
        &[&["Subject", "Cmax (mg/L)", "tmax (h)", "Fe (%)"]],
        &[&["1", "4.1", "2.0", "31"], &["2", "3.6", "1.5", "28"]],
    );
    let matrices = |t: &Table| {
        table_records(t).iter().map(|r| (r.parameter.clone().unwrap(), r.context.matrix.clone())).collect::<Vec<_>>()
    };
    // No specimen named anywhere: plasma, not for the fraction excreted.
    let got = matrices(&t);
    assert_eq!(got.iter().filter(|(code, _)| code == "RCPCINT").count(), 2, "{got:?}");
    assert!(got.iter().all(|(code, m)| (code == "RCPCINT") == m.is_none()), "{got:?}");
    assert!(got.iter().filter(|(code, _)| code != "RCPCINT").all(|(_, m)| m.as_deref() == Some("plasma")));
    // The paper's one blood fluid beside other specimens: serum; the table's comes first.
    t.abstract_text = Some("Serum and urine were collected for 48 h.".into());
    let got = matrices(&t);
    assert!(got.iter().filter(|(code, _)| code != "RCPCINT").all(|(_, m)| m.as_deref() == Some("serum")), "{got:?}");
    t.footnote = Some("Plasma was separated from venous blood within 30 min.".into());
    let got = matrices(&t);
    assert!(got.iter().filter(|(code, _)| code != "RCPCINT").all(|(_, m)| m.as_deref() == Some("plasma")), "{got:?}");
    // Two blood fluids, or only other specimens: none chosen.
    t.footnote = None;
    for named in ["Plasma and serum were assayed.", "Cord blood and maternal plasma.", "Milk and urine samples."] {
        t.abstract_text = Some(named.into());
        assert!(matrices(&t).iter().all(|(_, m)| m.is_none()), "{named}: {:?}", matrices(&t));
    }
    // A column naming its specimen keeps it; the unnamed ones beside it take the blood fluid.
    let mut hd = table(
        "Table 3 X plasma concentrations before and after haemodialysis, and dialysate concentrations",
        &[&["Patient", "Pre-HD (mg/L)", "Post-HD (mg/L)", "Dialysate (mg/L)"]],
        &[&["P1", "8.1", "4.0", "1.2"], &["P2", "7.7", "3.5", "1.0"]],
    );
    hd.footnote = Some("Pre-HD, sample before dialysis; Post-HD, sample at the end of the session.".into());
    let got: Vec<Option<String>> = table_records(&hd).into_iter().map(|r| r.context.matrix).collect();
    assert_eq!(got.len(), 6, "{got:?}");
    let want = ["plasma", "plasma", "plasma", "plasma", "dialysate", "dialysate"];
    assert_eq!(got, want.map(|m| Some(m.to_owned())));
}

#[test]
fn the_title_gives_the_context_the_caption_leaves_out() {
    let mut t = table(
        "Table 2 Pharmacokinetic parameters of levetiracetam",
        &[&["Parameter", "Value"]],
        &[&["t1/2 (absorption), h*", "0.035 (0.01, 0.071)"], &["Bioavailability (F)", "89.4%"]],
    );
    assert_eq!(table_context(&t).context.population, None);
    t.title = Some("The Pharmacokinetics of Crushed Levetiracetam Tablets Administered to Neonates".into());
    let context = table_context(&t).context;
    assert_eq!((context.population.as_deref(), context.species.as_deref()), (Some("neonates"), Some("human")));
    // A caption's "patients" yields to the title's more specific population; a caption's
    // specific one stands.
    t.caption = Some("Table 2 | Meropenem concentrations in patients with augmented renal clearance".into());
    t.title = Some("Meropenem in critically ill pediatric patients".into());
    assert_eq!(table_context(&t).context.population.as_deref(), Some("pediatric patients"));
    t.caption = Some("Table 2 Meropenem in children".into());
    assert_eq!(table_context(&t).context.population.as_deref(), Some("children"));
    // Species in the title, and no human population then.
    t.caption = Some("Table 1 Plasma parameters".into());
    t.title = Some("Pharmacokinetics of enrofloxacin in calves".into());
    let context = table_context(&t).context;
    assert_eq!((context.species.as_deref(), context.population.as_deref()), (Some("cattle"), None));
    assert_eq!(context.drug.as_deref(), Some("enrofloxacin"));
    t.title = Some("Effect of rifampicin on the pharmacokinetics of midazolam in healthy volunteers".into());
    assert_eq!(table_context(&t).context.drug, None, "two drugs in the title: neither");
    t.title = Some("Acetaminophen (paracetamol) in neonates".into());
    assert_eq!(table_context(&t).context.drug.as_deref(), Some("paracetamol"), "one drug, two names");
    // A unit with a footnote mark after it; a percent printed in the cell.
    let records = table_records(&t);
    let units: Vec<_> = records.iter().map(|r| (r.unit_raw.as_deref(), r.unit.as_deref())).collect();
    assert_eq!(units, [(Some("h"), Some("h")), (Some("%"), Some("%"))]);
    assert_eq!(percent_after_value("845 (23%)"), None);
    assert_eq!(percent_after_value("62 % (12)").as_deref(), Some("%"));
    assert_eq!(matrix_of("Concentrations in lung tissue"), Some("lung tissue"));
    assert_eq!(matrix_of("tissue levels"), Some("tissue"));
    // A table that defines the parameters holds no values.
    let definitions = table(
        "Table 2 Pharmacokinetic parameters and their definitions",
        &[&["Parameter", "Abbreviation", "Equation"]],
        &[&["Total area under curve", "AUC0→∞", ""], &["Elimination half-life", "t 0.5", "ln 2/k"]],
    );
    assert!(table_records(&definitions).is_empty());
    let formulations = table(
        "Table 3 Pharmacokinetic parameters of levetiracetam",
        &[&["Parameter", "Test formulation", "Reference formulation"]],
        &[&["Cmax (µg/mL)", "12.1", "11.8"]],
    );
    assert_eq!(table_records(&formulations).len(), 2);
}

#[test]
fn parameters_as_columns_and_non_pk_tables() {
    let t = table(
        "Individual pharmacokinetic parameters in dogs after oral dosing",
        &[&["Dog", "Cmax (µg/mL)", "AUC0–∞ (µg·h/mL)", "t½ (h)"]],
        &[&["1", "1.2", "10.5", "4.1a"], &["2", "0.9", "8.8", "3.7"]],
    );
    insta::assert_snapshot!(show(&table_records(&t)), @r#"
    CMAX Some(1.2) individual None None Some("µg/mL") Some("ng/mL")->Some(1200.0) "1.2" n=None group=None route=Some("PO") species=Some("dog") subject=1
    CMAX Some(0.9) individual None None Some("µg/mL") Some("ng/mL")->Some(900.0) "0.9" n=None group=None route=Some("PO") species=Some("dog") subject=2
    AUCIFO Some(10.5) individual None None Some("µg·h/mL") Some("ng·h/mL")->Some(10500.0) "10.5" n=None group=None route=Some("PO") species=Some("dog") subject=1
    AUCIFO Some(8.8) individual None None Some("µg·h/mL") Some("ng·h/mL")->Some(8800.0) "8.8" n=None group=None route=Some("PO") species=Some("dog") subject=2
    LAMZHL Some(4.1) individual None None Some("h") Some("h")->Some(4.1) "4.1a" n=None group=None route=Some("PO") species=Some("dog") subject=1
    LAMZHL Some(3.7) individual None None Some("h") Some("h")->Some(3.7) "3.7" n=None group=None route=Some("PO") species=Some("dog") subject=2
    "#);
    let demographics = table(
        "Patient characteristics",
        &[&["", "Group A"]],
        &[&["Age (years)", "34.5 ± 5.2"], &["Weight (kg)", "70"]],
    );
    assert!(table_records(&demographics).is_empty());
}

#[test]
fn numbered_occasions_and_dosing_intervals_are_not_subjects() {
    // Rows numbered by study day under a `Day` header: groups of a summary, spreads kept.
    let days = table(
        "Table 3. Pharmacokinetic parameters of drug X (mean ± SD)",
        &[&["Day", "Cmax (ng/mL)", "AUC (ng·h/mL)"]],
        &[&["1", "12 ± 3", "80 ± 11"], &["7", "15 ± 4", "95 ± 12"], &["14", "16 ± 2", "99 ± 9"]],
    );
    let records = table_records(&days);
    assert_eq!(records.len(), 6, "{}", show(&records));
    assert!(records.iter().all(|r| r.context.subject.is_none() && r.dispersion.is_some()), "{}", show(&records));
    // Dosing intervals with no header over them.
    let regimens = table(
        "Table 2. Steady-state pharmacokinetics of drug Y, mean ± SD",
        &[&["", "Cmax (mg/L)", "Cmin (mg/L)"]],
        &[&["q8h", "12 ± 3", "2 ± 1"], &["q12h", "15 ± 4", "1.5 ± 0.5"], &["q24h", "22 ± 5", "0.8 ± 0.2"]],
    );
    let records = table_records(&regimens);
    assert_eq!(records.len(), 6, "{}", show(&records));
    assert!(
        records.iter().all(|r| r.context.subject.is_none() && r.statistic == Statistic::Mean),
        "{}",
        show(&records)
    );
    // Numbered rows under no header are still subjects.
    let patients = table(
        "Table 1. Individual pharmacokinetic parameters of drug Z",
        &[&["", "Cmax (mg/L)", "CL (L/h)"]],
        &[&["1", "12", "2.1"], &["2", "15", "1.8"], &["3", "22", "2.5"]],
    );
    let records = table_records(&patients);
    assert!(records.len() == 6 && records.iter().all(|r| r.context.subject.is_some()), "{}", show(&records));
}

#[test]
fn statistic_lines_take_spread_kinds_from_the_footnote() {
    let mut t = table(
        "Table 2. Pharmacokinetic parameters of drug X",
        &[&["", "Cmax (ng/mL)", "AUC (ng·h/mL)"]],
        &[&["Mean", "6.2 (1.1)", "80 (11)"], &["Median", "6.0", "78"]],
    );
    t.footnote = Some("SD in parentheses.".into());
    insta::assert_snapshot!(show(&table_records(&t)), @r#"
    CMAX Some(6.2) mean Some("SD 1.1") None Some("ng/mL") Some("ng/mL")->Some(6.2) "6.2 (1.1)" n=None group=None route=None species=None
    CMAX Some(6.0) median None None Some("ng/mL") Some("ng/mL")->Some(6.0) "6.0" n=None group=None route=None species=None
    - Some(80.0) mean Some("SD 11") None Some("ng·h/mL") Some("ng·h/mL")->Some(80.0) "80 (11)" n=None group=None route=None species=None
    - Some(78.0) median None None Some("ng·h/mL") Some("ng·h/mL")->Some(78.0) "78" n=None group=None route=None species=None
    "#);
}

#[test]
fn a_one_letter_analyte_abbreviation_with_its_unit_is_no_unit() {
    // `G` and `H` are gram and hour to the unit grammar, which reads `G (µg/mL)` whole as a
    // product; the caption's "gentamicin (G)" makes it the analyte's concentration column.
    for (abbreviation, caption) in [("G", "gentamicin (G)"), ("H", "vancomycin (H)"), ("Q", "gentamicin (Q)")] {
        let header = format!("{abbreviation} (µg/mL)");
        let t = table(
            &format!("Table 1. Serum concentrations of {caption} in patients"),
            &[&["Patient", &header]],
            &[&["1", "11.5"], &["2", "3.1"]],
        );
        let records = table_records(&t);
        assert_eq!(records.len(), 2, "{header}: {records:?}");
        assert!(
            records.iter().all(|r| r.parameter.as_deref() == Some("CONC") && r.unit_raw.as_deref() == Some("µg/mL"))
        );
    }
    // A drug the vocabulary does not hold, known by its name's stem, may be abbreviated too.
    let t = table(
        "Table 1. Serum concentrations of gentamicin (G) and tobramycin (T) in patients",
        &[&["Patient", "G (µg/mL)", "T (µg/mL)"]],
        &[&["1", "11.5", "3.2"]],
    );
    let analytes: Vec<_> = table_records(&t).iter().map(|r| r.context.analyte.clone()).collect();
    assert_eq!(analytes, [Some("gentamicin".to_owned()), Some("tobramycin".to_owned())]);
    assert_eq!(unit_in_label("ng/mL").as_deref(), Some("ng/mL"));
    assert_eq!(unit_in_label("G (µg/mL)").as_deref(), Some("µg/mL"));
}

#[test]
fn subject_codes_under_a_subject_header_are_no_statistics() {
    // `N1` (neonate 1) is no `n` with a footnote digit under a `Neonate` header; the
    // `Sample` column's times (`Pre-dose`, `30 min`) are the sampling times.
    let t = table(
        "Table 4. Individual serum nebracillin concentrations",
        &[&["Neonate", "Weight (kg)", "Sample", "Serum nebracillin (mg/L)"]],
        &[&["N1", "0.82", "Pre-dose", "21.1"], &["N1", "0.82", "30 min", "39.8"], &["N2", "1.14", "Pre-dose", "8.41"]],
    );
    let got: Vec<_> = table_records(&t)
        .iter()
        .map(|r| (r.value, r.context.subject.clone().unwrap_or_default(), r.context.time.clone().unwrap_or_default()))
        .collect();
    let want = [(21.1, "N1", "pre-dose"), (39.8, "N1", "30 min"), (8.41, "N2", "pre-dose")];
    assert_eq!(got, want.map(|(v, s, t)| (Some(v), s.to_owned(), t.to_owned())));
}

#[test]
fn a_headings_lines_pair_each_central_value_with_its_spread_lines() {
    // `Cmax (ng/mL)` across the table, then `Mean | SD | Median | Range` lines: the mean
    // with its SD, the median with its range, per group.
    let t = table(
        "Table 3. Plasma pharmacokinetic parameters of X",
        &[&["Parameter / statistic", "Adolescents", "Adults"]],
        &[
            &["Cmax (ng/mL)", "Cmax (ng/mL)", "Cmax (ng/mL)"],
            &["Mean", "781", "742"],
            &["SD", "212", "198"],
            &["Median", "752", "718"],
            &["Range", "455–1240", "430–1130"],
        ],
    );
    let got: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            let spread = r.dispersion.as_ref().map(|d| format!("{} {}", d.kind, d.value));
            let interval = r.interval.as_ref().map(|i| format!("{} {}-{}", i.kind, i.low, i.high));
            format!(
                "{} {:?} {} {}",
                r.statistic.as_str(),
                r.context.group,
                r.value_raw,
                spread.or(interval).unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "mean Some(\"Adolescents\") 781 SD 212",
            "mean Some(\"Adults\") 742 SD 198",
            "median Some(\"Adolescents\") 752 range 455-1240",
            "median Some(\"Adults\") 718 range 430-1130",
        ]
    );
}

#[test]
fn rules_of_the_sixth_session_do_not_misfire_on_ordinary_labels() {
    // A numbered note leaves `Day 1` and `Patient 3` their numbers; a mark after a unit in
    // brackets is one.
    let notes = vec![("1".to_owned(), "Relative to fasted.".to_owned())];
    assert_eq!(label_marks("Day 1", &notes), ("Day 1".to_owned(), vec![]));
    assert_eq!(label_marks("F (%) 1", &notes), ("F (%)".to_owned(), vec!["1".to_owned()]));
    // A count in brackets is no qualifier of subjects' ids.
    assert!(!labels::is_subject_header("Patients (n = 12)"));
    assert!(labels::is_subject_header("Cow (ear tag)"));
    // Occasions coded like subjects (`C1 | C2 | C3`, cycles) stay groups.
    let mut t = table(
        "Table 2. Plasma concentrations of X",
        &[&["Time (h)", "Plasma X (ng/mL)", "", ""], &["", "C1", "C2", "C3"]],
        &[&["1", "12.0", "13.1", "11.7"], &["4", "6.2", "7.0", "6.5"]],
    );
    t.header_rows[0] =
        vec!["Time (h)".into(), "Plasma X (ng/mL)".into(), "Plasma X (ng/mL)".into(), "Plasma X (ng/mL)".into()];
    assert!(table_records(&t).iter().all(|r| r.context.subject.is_none()));
    // A deeply nested factored cell is read without recursion.
    let nested = format!("{}1{}", "(".repeat(5000), ") × 10¹".repeat(5000));
    let _ = crate::cell::parse_cell(&nested);
}

#[test]
fn subjects_named_across_a_single_header_row_beside_sampling_times() {
    // (The table's number is no count of its subjects: "Table 2. Individual ...".)
    let t = table(
        "Table 2. Individual plasma concentrations of X (ng/mL) in three cats after a single oral dose",
        &[&["Time (h)", "Misty", "Oscar", "Luna", "Mean"]],
        &[&["0.5", "118", "294", "91.7", "168"], &["1", "181", "347", "142", "223"]],
    );
    let records = table_records(&t);
    let seen: Vec<(Option<&str>, Option<&str>, &str)> = records
        .iter()
        .map(|r| (r.context.subject.as_deref(), r.context.time.as_deref(), r.statistic.as_str()))
        .collect();
    let at =
        |subject: Option<&'static str>, time: &'static str, statistic: &'static str| (subject, Some(time), statistic);
    assert_eq!(
        seen,
        [
            at(Some("Misty"), "0.5 h", "individual"),
            at(Some("Oscar"), "0.5 h", "individual"),
            at(Some("Luna"), "0.5 h", "individual"),
            at(None, "0.5 h", "mean"),
            at(Some("Misty"), "1 h", "individual"),
            at(Some("Oscar"), "1 h", "individual"),
            at(Some("Luna"), "1 h", "individual"),
            at(None, "1 h", "mean"),
        ],
        "{}",
        show(&records)
    );
    // Without the caption's count the names stay groups.
    let mut uncounted = t.clone();
    uncounted.caption = Some("Table 2. Plasma concentrations of X (ng/mL) in cats after a single oral dose".into());
    assert!(table_records(&uncounted).iter().all(|r| r.context.subject.is_none()));
}

#[test]
fn subjects_named_across_beside_their_summary_with_parameters_down() {
    // Individual values, then their mean: `Parameter | Zara | Omar | Layla | Mean ± SD`,
    // the caption counting three camels.
    let t = table(
        "Table 3. Pharmacokinetic parameters of X in three camels after a single oral dose of 2 mg/kg",
        &[&["Parameter", "Zara", "Omar", "Layla", "Mean ± SD"]],
        &[&["Cmax (µg/mL)", "14.8", "11.2", "17.9", "14.6 ± 3.4"], &["t½ (h)", "26.4", "22.8", "31.5", "26.9 ± 4.4"]],
    );
    let records = table_records(&t);
    type Seen<'a> = (Option<&'a str>, Option<&'a str>, &'a str, Option<f64>);
    let seen: Vec<Seen> = records
        .iter()
        .map(|r| (r.parameter.as_deref(), r.context.subject.as_deref(), r.statistic.as_str(), r.value))
        .collect();
    assert_eq!(
        seen,
        [
            (Some("CMAX"), Some("Zara"), "individual", Some(14.8)),
            (Some("CMAX"), Some("Omar"), "individual", Some(11.2)),
            (Some("CMAX"), Some("Layla"), "individual", Some(17.9)),
            (Some("CMAX"), None, "mean", Some(14.6)),
            (Some("LAMZHL"), Some("Zara"), "individual", Some(26.4)),
            (Some("LAMZHL"), Some("Omar"), "individual", Some(22.8)),
            (Some("LAMZHL"), Some("Layla"), "individual", Some(31.5)),
            (Some("LAMZHL"), None, "mean", Some(26.9)),
        ],
        "{}",
        show(&records)
    );
    // Without a summary beside them, named columns over parameters stay groups (`Fasted |
    // Fed` in "... in two dogs").
    let groups = table(
        "Table 3. Pharmacokinetic parameters of X in two dogs after a single oral dose",
        &[&["Parameter", "Fasted", "Fed"]],
        &[&["Cmax (µg/mL)", "14.8", "11.2"]],
    );
    assert!(table_records(&groups).iter().all(|r| r.context.subject.is_none()));
}

#[test]
fn the_unit_after_the_analyte_in_the_caption_and_times_in_brackets_under_clock_times() {
    // "concentrations of X (unit)": the unit of the values, not the spanning time
    // header's hours.
    let t = table(
        "Table 2. Individual plasma concentrations of velaprazine (ng/mL) after a single oral dose",
        &[&["Subject", "Time after dose (h)", "Time after dose (h)"], &["", "0.5", "1"]],
        &[&["01", "34.6", "49.4"], &["02", "57.6", "83.1"]],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 4, "{}", show(&records));
    assert!(records.iter().all(|r| r.unit_raw.as_deref() == Some("ng/mL") && r.context.subject.is_some()));
    // Two specimens' units in the caption: neither is the table's.
    assert_eq!(caption_unit("Concentrations of X in plasma (ng/mL) and urine (µg/mL)"), None);
    assert_eq!(caption_unit("Concentrations of X in plasma (ng/mL) after a dose"), Some("ng/mL".to_owned()));
    assert_eq!(caption_unit("Tetramectin residues (µg/kg wet tissue) in edible tissues"), Some("µg/kg".to_owned()));
    // Clock times over the time since the dose in brackets.
    let t = table(
        "Table 3. Plasma concentrations of modatrexol (nmol/L) over one dosing interval",
        &[&["Patient", "08:00", "08:30", "10:00"], &["", "(pre-dose)", "(0.5 h)", "(2 h)"]],
        &[&["#1", "85.9", "206", "263"], &["#2", "77.3", "187", "250"]],
    );
    let records = table_records(&t);
    let times: Vec<(Option<&str>, Option<&str>, Option<&str>)> = records
        .iter()
        .map(|r| (r.context.subject.as_deref(), r.context.time.as_deref(), r.unit_raw.as_deref()))
        .collect();
    let row = |s: &'static str, t: &'static str| (Some(s), Some(t), Some("nmol/L"));
    assert_eq!(
        times,
        [
            row("#1", "pre-dose"),
            row("#2", "pre-dose"),
            row("#1", "0.5 h"),
            row("#2", "0.5 h"),
            row("#1", "2 h"),
            row("#2", "2 h")
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn a_new_drug_is_the_word_the_title_introduces_and_the_caption_repeats() {
    let drug = |title: &str, caption: &str| {
        let mut t = table(caption, &[&["Subject", "Cmax (ng/mL)"]], &[&["1", "12.4"]]);
        t.title = Some(title.into());
        table_context(&t).context.drug
    };
    let some = |s: &str| Some(s.to_owned());
    // Neither the vocabulary nor a WHO INN stem knows these names.
    assert_eq!(
        drug(
            "Pharmacokinetics of velaprazine, a novel 5-HT4 partial agonist",
            "Individual plasma concentrations of velaprazine (ng/mL)"
        ),
        some("velaprazine")
    );
    assert_eq!(
        drug(
            "Steady-state pharmacokinetics of twice-daily Modatrexol in arthritis",
            "Plasma Modatrexol concentrations"
        ),
        some("modatrexol")
    );
    assert_eq!(
        drug(
            "Preclinical pharmacokinetics of KRX-1187, an oral inhibitor",
            "Plasma concentrations of KRX-1187 in monkeys"
        ),
        some("KRX-1187")
    );
    // The first of analytes listed before their quantity, and the columns headed by each
    // are its concentrations.
    assert_eq!(
        drug(
            "Drug monitoring of selvagabant in nursing-home residents",
            "Plasma selvagabant and M2 concentrations in individual residents"
        ),
        some("selvagabant")
    );
    assert_eq!(
        drug(
            "Influence of CYP2C19 genotype on the pharmacokinetics of clorapidine",
            "CYP2C19 genotype and individual plasma pharmacokinetic parameters of clorapidine"
        ),
        some("clorapidine")
    );
    let mut t = table(
        "Plasma selvagabant and M2 concentrations in individual residents",
        &[&["Resident", "Time since last dose (h)", "Selvagabant (ng/mL)", "M2 (ng/mL)"]],
        &[&["NH-01", "11.3", "1823", "184"], &["NH-02", "2.3", "4669", "712"]],
    );
    t.title = Some("Drug monitoring of selvagabant in nursing-home residents".into());
    let records = table_records(&t);
    let read: Vec<(f64, &str, &str)> = records
        .iter()
        .filter_map(|r| Some((r.value?, r.context.analyte.as_deref()?, r.context.time.as_deref()?)))
        .collect();
    assert_eq!(
        read,
        [
            (1823.0, "selvagabant", "11.3 h"),
            (4669.0, "selvagabant", "2.3 h"),
            (184.0, "M2", "11.3 h"),
            (712.0, "M2", "2.3 h")
        ]
    );
    // Not a modifier, a plural, a code that is no drug's, nor a word outside an analyte's
    // place in the caption.
    assert_eq!(drug("Pharmacokinetics of once-daily X in adults", "Concentrations after once-daily dosing"), None);
    assert_eq!(drug("Residues of antibiotics in eggs", "Concentrations of antibiotics in yolk and albumen"), None);
    assert_eq!(drug("Pharmacokinetics of drugs in COVID-19", "Plasma concentrations in COVID-19 patients"), None);
    assert_eq!(drug("Pharmacokinetics of 5-HT4 agonists", "Plasma concentrations of 5-HT4 agonists"), None);
    assert_eq!(
        drug("Pharmacokinetics of velaprazine in dogs", "Velaprazine plasma concentrations (ng/mL)"),
        some("velaprazine")
    );
    assert_eq!(
        drug(
            "Contribution of a metabolite to the activity of zelpiramide",
            "Individual plasma exposure to zelpiramide"
        ),
        some("zelpiramide")
    );
    // The title's drug after "for" or before its quantity; the caption's first word.
    assert_eq!(
        drug(
            "Clinical validation of a dried blood spot assay for velbutrine",
            "Paired DBS and plasma velbutrine concentrations"
        ),
        some("velbutrine")
    );
    assert_eq!(
        drug(
            "Amikavane pharmacokinetics in preterm neonates",
            "Table 2. Serum amikavane concentrations in nine neonates"
        ),
        some("amikavane")
    );
    assert_eq!(
        drug(
            "Transfer of the antidepressant oxalepram into human milk",
            "Table 1. Oxalepram in milk and maternal plasma"
        ),
        some("oxalepram")
    );
    assert_eq!(
        drug("Monitoring of celmorolimus after transplantation", "Table 3. Celmorolimus dose and blood concentrations"),
        some("celmorolimus")
    );
    // Before which concentrations the caption says (`trough`); an insulin by its two-word
    // name; not who takes it (`of eight mother–infant pairs`, `infant plasma`).
    assert_eq!(
        drug(
            "Early exposure to once-daily pelocrovane after transplantation",
            "Whole-blood pelocrovane trough concentrations"
        ),
        some("pelocrovane")
    );
    assert_eq!(
        drug(
            "Pharmacokinetics of the analogue insulin tarevec in adults",
            "Individual serum insulin tarevec concentrations (µIU/mL)"
        ),
        some("insulin tarevec")
    );
    assert_eq!(
        drug(
            "Rapid absorption of intranasal ketavaline spray in healthy volunteers",
            "Table 4. Individual plasma concentrations after 20 mg intranasal ketavaline"
        ),
        some("ketavaline")
    );
    assert_eq!(
        drug(
            "Transfer of duloravane into milk: a study of eight mother–infant pairs",
            "Duloravane in maternal plasma, milk and infant plasma"
        ),
        some("duloravane")
    );
    assert_eq!(
        drug("Population pharmacokinetics of X in adults", "Table 2. Population pharmacokinetic parameters"),
        None
    );
    // After the title's modifiers (`Once-daily prolonged-release X`), first in the title
    // and the caption alike, or before a poisoning; not a specimen's first word
    // (`Synovial fluid`).
    assert_eq!(
        drug(
            "Once-daily prolonged-release voclotacrin after kidney transplantation",
            "Table 2. Individual whole-blood voclotacrin concentrations (ng/mL)"
        ),
        some("voclotacrin")
    );
    assert_eq!(
        drug(
            "Levobrivane in paediatric refractory status epilepticus: a case series",
            "Table 1. Levobrivane doses, routes and serum concentrations by patient"
        ),
        some("levobrivane")
    );
    assert_eq!(
        drug(
            "Acute velafrine poisoning: a two-year case series",
            "Table 3. Clinical details and serum velafrine concentrations in ten patients"
        ),
        some("velafrine")
    );
    assert_eq!(
        drug(
            "Synovial and systemic exposure after intra-articular dosing",
            "Table 3. Synovial fluid and plasma levels"
        ),
        None
    );
    assert_eq!(
        drug(
            "Sertalopram transfer into breast milk",
            "Table 2. Sertalopram in maternal plasma, breast milk and infant plasma"
        ),
        some("sertalopram")
    );
    assert_eq!(drug("Therapeutic drug monitoring in children", "Table 1. Therapeutic drug monitoring results"), None);
    assert_eq!(drug("Adverse events in a phase 1 study", "Table 4. Adverse events in the first cycle"), None);
    // Before a specimen and its quantity, or first in the title; a caption labelled in two
    // languages.
    assert_eq!(
        drug(
            "Theobrine serum concentrations in preterm neonates",
            "Table 3. Serum theobrine concentrations in six neonates"
        ),
        some("theobrine")
    );
    assert_eq!(
        drug(
            "Levetiramide in infants: steady-state pharmacokinetics",
            "Table 2. Pharmacokinetics of oral levetiramide in infants"
        ),
        some("levetiramide")
    );
    assert_eq!(
        drug(
            "Drug monitoring of lamozine during pregnancy",
            "Tabelle 2 / Table 2. Lamozine trough serum concentrations"
        ),
        some("lamozine")
    );
    // A title's first word the caption names only first is none.
    assert_eq!(drug("Steady-state exposure in neonates", "Table 1. Steady-state exposure"), None);
    // A word of the title the caption does not repeat, or one that is no drug, is none.
    assert_eq!(drug("Pharmacokinetics of velaprazine in volunteers", "Individual concentrations (ng/mL)"), None);
    assert_eq!(
        drug(
            "Pharmacokinetics of intravenous therapy in healthy volunteers",
            "Plasma concentrations in healthy volunteers"
        ),
        None
    );
    // A known drug is the vocabulary's, as before.
    assert_eq!(drug("Pharmacokinetics of midazolam in children", "Plasma midazolam concentrations"), some("midazolam"));
}

#[test]
fn a_column_of_sexes_with_qualifiers_is_no_stub_of_bioavailabilities() {
    // A dosing log: `F` is female, not bioavailability, also beside `M (castrated)`.
    let t = table(
        "Table 1. Individual dosing records",
        &[&["Animal", "Sex", "Body weight (kg)", "Dose (mg/kg)", "Volume (mL)"]],
        &[
            &["Aurora", "M (castrated)", "57.1", "0.5", "2.85"],
            &["Bingo", "F", "68.8", "0.5", "3.44"],
            &["Chaski", "M (castrated)", "55.7", "0.5", "2.78"],
            &["Dolly", "F, spayed", "69.1", "0.5", "3.45"],
        ],
    );
    let records = table_records(&t);
    assert!(records.is_empty(), "{}", show(&records));
    // A letter and a number code an animal (`M 1`): no sex column.
    let t = table(
        "Table 2. Individual pharmacokinetic parameters of X in rats",
        &[&["Animal", "Sex", "Cmax (ng/mL)", "AUC0–∞ (ng·h/mL)"]],
        &[&["1", "M 1", "12.4", "88.1"], &["2", "F 1", "10.9", "79.5"], &["3", "M 2", "13.0", "91.2"]],
    );
    let records = table_records(&t);
    assert!(records.iter().all(|r| r.parameter.as_deref() != Some("FABS")), "{}", show(&records));
}

#[test]
fn a_long_table_with_a_day_column_beside_its_times() {
    // The patient and the day printed on their first rows only.
    let t = table(
        "Table 4. Individual plasma concentrations of cefquinavir on day 1 and day 3",
        &[&["Patient", "Day", "Sampling time", "Concentration (mg/L)"]],
        &[
            &["Pt 1", "Day 1", "1 h", "57.7"],
            &["", "", "4 h", "32.5"],
            &["", "Day 3", "Pre-dose", "25.4"],
            &["", "", "1 h", "77.6"],
            &["Pt 2", "Day 1", "1 h", "43.4"],
            // A subject whose first row leaves the day blank takes none from the subject above.
            &["Pt 3", "", "2 h", "40.1"],
        ],
    );
    let records = table_records(&t);
    let seen: Vec<(Option<&str>, Option<&str>)> =
        records.iter().map(|r| (r.context.subject.as_deref(), r.context.time.as_deref())).collect();
    assert_eq!(
        seen,
        [
            (Some("Pt 1"), Some("day 1, 1 h")),
            (Some("Pt 1"), Some("day 1, 4 h")),
            (Some("Pt 1"), Some("day 3, pre-dose")),
            (Some("Pt 1"), Some("day 3, 1 h")),
            (Some("Pt 2"), Some("day 1, 1 h")),
            (Some("Pt 3"), Some("2 h")),
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn residues_in_edible_tissues_down_and_days_across() {
    // A residue depletion table: the target tissues printed bare down the stub, the days
    // after the last dose across, mean ± SD and the unit in the caption.
    let t = table(
        "Table 3. Mean (± SD) residue concentrations (µg/kg) of X in edible tissues of cattle (n = 4 per slaughter time)",
        &[&["Tissue", "Time after last dose", "Time after last dose"], &["", "3 days", "7 days"]],
        &[&["Liver", "1,240 ± 310", "412 ± 98"], &["Skin + fat", "152 ± 47", "<LOQ"]],
    );
    let records = table_records(&t);
    type Seen<'a> = (Option<&'a str>, Option<&'a str>, Option<f64>, &'a str);
    let seen: Vec<Seen> = records
        .iter()
        .filter(|r| r.value.is_some())
        .map(|r| (r.context.matrix.as_deref(), r.context.time.as_deref(), r.value, r.statistic.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            (Some("liver tissue"), Some("3 day"), Some(1240.0), "mean"),
            (Some("liver tissue"), Some("7 day"), Some(412.0), "mean"),
            (Some("skin and fat"), Some("3 day"), Some(152.0), "mean"),
        ],
        "{}",
        show(&records)
    );
    // A whole label only: `Liver impairment` names no tissue.
    assert!(matrices_in("Liver impairment").is_empty() && matrices_in("kidney function").is_empty());
    assert_eq!(matrices_in("Kidney"), ["kidney tissue"]);
    // Pus drained from an abscess is a specimen; a word holding its letters is none.
    assert_eq!(matrices_in("Abscess fluid (mg/L)"), ["pus"]);
    assert_eq!(matrices_in("Pus"), ["pus"]);
    assert!(matrices_in("Campus hospital").is_empty());
}

#[test]
fn a_factor_activity_by_time_above_parameters_and_milkings_with_their_hours() {
    // A coagulation factor's activity (its concentration) in the caption with the assay in
    // the brackets, times down above a per-patient half-life row.
    let t = table(
        "Table 3. Factor IX activity (IU/dL, one-stage assay) after a single 50 IU/kg dose of eptanonacog beta",
        &[&["Time after end of infusion", "Patient 1", "Patient 2"]],
        &[&["15 min", "48", "60"], &["1 h", "40", "54"], &["t1/2 (h)", "24.5", "24.0"]],
    );
    let records = table_records(&t);
    let seen: Vec<_> = records
        .iter()
        .map(|r| (r.parameter.as_deref(), r.context.time.as_deref(), r.unit_raw.as_deref(), r.value))
        .collect();
    assert_eq!(seen.len(), 6, "{}", show(&records));
    assert_eq!(seen[0], (Some("CONC"), Some("15 min"), Some("IU/dL"), Some(48.0)));
    assert_eq!(seen[5], (Some("LAMZHL"), None, Some("h"), Some(24.0)));
    // Milkings: a sample of milk; the hours on the line below the milking's code, or in
    // brackets in the unit the header above says.
    for (header, leaves) in [
        ("Milking after last infusion (µg/mL)", ["M1\n12 h", "M2\n24 h"]),
        ("Milking no. (hours after the last infusion)", ["1 (12)", "2 (24)"]),
    ] {
        let mut t = table(
            "Table 2. Cefaxolin concentrations (µg/mL) in composite milk of individual cows",
            &[&["Cow (ear tag)", "Parity", header, header], &["Cow (ear tag)", "Parity", leaves[0], leaves[1]]],
            &[&["4713", "4", "11.5", "4.57"], &["4720", "1", "7.65", "3.02"]],
        );
        t.footnote = None;
        let records = table_records(&t);
        let seen: Vec<_> = records
            .iter()
            .map(|r| (r.context.subject.as_deref(), r.context.time.as_deref(), r.context.matrix.as_deref(), r.value))
            .collect();
        assert_eq!(seen.len(), 4, "{header}: {}", show(&records));
        assert!(seen.contains(&(Some("4720"), Some("24 h"), Some("milk"), Some(3.02))), "{header}: {}", show(&records));
    }
}

#[test]
fn animals_named_with_their_sex_and_age_and_specimens_with_their_units_down() {
    // Horses by name with what the table says of each (`Bella (mare, 9 y)`) over a unit
    // row, the caption speaking of "each horse" without counting them.
    let t = table(
        "Table 1. Plasma flunixamide concentrations in each horse after 1.1 mg/kg IV",
        &[
            &["Time after injection", "Bella (mare, 9 y)", "Duke (gelding, 12 y)", "Storm (stallion, 7 y)"],
            &["", "µg/mL", "µg/mL", "µg/mL"],
        ],
        &[&["5 min", "6.53", "6.04", "7.04"], &["1 h", "2.20", "2.75", "2.62"]],
    );
    let records = table_records(&t);
    let seen: Vec<_> = records.iter().map(|r| (r.statistic, r.context.subject.as_deref(), r.value)).collect();
    assert_eq!(seen.len(), 6, "{}", show(&records));
    assert!(seen.contains(&(Statistic::Individual, Some("Duke"), Some(2.75))), "{}", show(&records));
    // Each patient's specimens down with their units, times across, the caption naming the
    // fluids without the word concentration.
    let t = table(
        "Table 3. Piperazactam in serum, bile and wound drainage fluid of each patient after a 4 g dose",
        &[&["Patient", "Specimen", "1 h", "2 h"]],
        &[
            &["1", "Serum (mg/L)", "97.0", "36.8"],
            &["1", "T-tube bile (mg/L)", "158", "116"],
            &["1", "Wound drainage (mg/L)", "—", "13.4"],
        ],
    );
    let records = table_records(&t);
    let seen: Vec<_> = records
        .iter()
        .map(|r| (r.context.matrix.as_deref(), r.context.time.as_deref(), r.unit_raw.as_deref(), r.value))
        .collect();
    assert_eq!(seen.len(), 5, "{}", show(&records));
    assert!(seen.contains(&(Some("wound fluid"), Some("2 h"), Some("mg/L"), Some(13.4))), "{}", show(&records));
    assert!(seen.contains(&(Some("bile"), Some("1 h"), Some("mg/L"), Some(158.0))), "{}", show(&records));
}

#[test]
fn patients_over_pre_dose_and_end_of_infusion_by_cycle_day_and_flocks_as_subjects() {
    // Dose level > patient > `Pre-dose | EOI`, the cycle days down; EOI the end of an
    // infusion the footnote times, the cycles' length in its words.
    let mut t = table(
        "Table 4. Individual zemtuzotecan plasma concentrations (ng/mL) by dose level and patient",
        &[
            &["Visit", "Dose level 1 (60 mg/m²)", "Dose level 1 (60 mg/m²)"],
            &["Visit", "Patient 01-01", "Patient 01-01"],
            &["Visit", "Pre-dose", "EOI"],
        ],
        &[&["C1D1", "BLQ", "1227"], &["C2D1", "9.55", "1315"]],
    );
    t.footnote = Some("EOI, end of the 30-min infusion. Cycles were 21 days.".into());
    let records = table_records(&t);
    let seen: Vec<_> =
        records.iter().map(|r| (r.context.subject.as_deref(), r.context.time.as_deref(), r.value)).collect();
    assert!(seen.contains(&(Some("Patient 01-01"), Some("day 22, pre-dose"), Some(9.55))), "{}", show(&records));
    assert!(seen.contains(&(Some("Patient 01-01"), Some("day 1, 30 min"), Some(1227.0))), "{}", show(&records));
    assert_eq!(labels::infusion_length("infused over 2 hours"), Some("2 h".to_owned()));
    // Times over the concentration's header beside a clearance column: `EOI + 1 h` an hour
    // after the infusion's end, `8 h*` with its mark.
    let mut t = table(
        "Table 2. Zaropenem plasma concentrations at steady state and individual clearance",
        &[
            &["Patient", "EOI", "EOI + 1 h", "8 h*", "CL (L/h)"],
            &["", "Plasma zaropenem (mg/L)", "Plasma zaropenem (mg/L)", "Plasma zaropenem (mg/L)", ""],
        ],
        &[&["1", "38.4", "17.7", "0.350", "16.5"], &["2", "44.0", "22.7", "1.22", "10.0"]],
    );
    t.footnote = Some("Times are relative to the start of the 30-min infusion. * Before the next dose.".into());
    let records = table_records(&t);
    let times: Vec<_> = records
        .iter()
        .filter(|r| r.context.subject.as_deref() == Some("1"))
        .map(|r| r.context.time.as_deref())
        .collect();
    assert_eq!(times, [Some("30 min"), Some("1.5 h"), Some("8 h"), None], "{}", show(&records));
    assert_eq!(labels::cycle_length("Cycles were 21 days."), Some(21));
    // Poultry by flock across (each value a pooled sample), tissues in sections with their
    // units, days down.
    let t = table(
        "Table 2. Enrodifloxacin concentrations in pooled tissue samples from each flock",
        &[&["Withdrawal time", "Flock A", "Flock B", "Flock C"]],
        &[&["Liver (μg/kg)", "", "", ""], &["Day 1", "323", "491", "579"], &["Day 3", "277", "189", "134"]],
    );
    let records = table_records(&t);
    let seen: Vec<_> = records
        .iter()
        .map(|r| (r.statistic, r.context.subject.as_deref(), r.context.time.as_deref(), r.context.matrix.as_deref()))
        .collect();
    assert_eq!(seen.len(), 6, "{}", show(&records));
    assert_eq!(seen[0], (Statistic::Individual, Some("Flock A"), Some("day 1"), Some("liver tissue")));
}

#[test]
fn an_area_over_the_dosing_interval_of_a_repeated_regimen() {
    // `AUC0–8h` of "2 g every 8 h" is AUCτ, steady state named or not; after a single dose
    // it stays a partial area.
    for (caption, code) in [
        (
            "Table 2. Pharmacokinetic parameters of cefepramide (2 g every 8 h, 3-h extended infusion); median (IQR)",
            "AUCTAU",
        ),
        ("Table 2. Pharmacokinetic parameters of cefepramide after a single dose of 2 g; median (IQR)", "AUCINT"),
    ] {
        let t = table(caption, &[&["Parameter", "ECMO (n = 9)"]], &[&["AUC0–8h (mg·h/L)", "338 (266–427)"]]);
        let records = table_records(&t);
        assert_eq!(records[0].parameter.as_deref(), Some(code), "{caption}: {}", show(&records));
    }
}

#[test]
fn parameters_listed_in_one_cell_per_group() {
    // A conference abstract's table: each condition's parameters listed in one cell
    // (`Cmax: 1.24 µg/mL<br/>Tmax: 2.0 h`), a run-in sentence declaring means above the
    // conditions and a ratio's sentence below.
    let t = table(
        "Table. Food effect on KRX-2214 pharmacokinetics",
        &[&["PK after a single 100 mg oral dose; mean values:", "PK after a single 100 mg oral dose; mean values:"]],
        &[
            &["Fasted", "Fed (high-fat meal)"],
            &["Cmax: 1.24 µg/mL Tmax: 2.0 h AUC0–∞: 14.8 µg·h/mL", "Cmax: 0.98 µg/mL Tmax: 4.5 h AUC0–∞: 16.9 µg·h/mL"],
            &["Fed/fasted ratio: Cmax 0.79; AUC0–∞ 1.14", "Fed/fasted ratio: Cmax 0.79; AUC0–∞ 1.14"],
        ],
    );
    let records = table_records(&t);
    let seen: Vec<_> = records
        .iter()
        .map(|r| (r.parameter.as_deref(), r.value, r.statistic, r.unit_raw.as_deref(), r.context.group.as_deref()))
        .collect();
    assert_eq!(seen.len(), 6, "{}", show(&records));
    assert_eq!(seen[0], (Some("CMAX"), Some(1.24), Statistic::Mean, Some("µg/mL"), Some("Fasted")));
    assert!(seen.contains(&(
        Some("AUCIFO"),
        Some(16.9),
        Statistic::Mean,
        Some("µg·h/mL"),
        Some("Fed (high-fat meal)")
    )));
    // A cell of one `name: value` is no list; nor are words before colons.
    assert!(listed_items("Cmax: 1.24 µg/mL").is_none());
    assert!(listed_items("Note: values are means. Source: study 12").is_none());
}

#[test]
fn monitoring_occasions_whose_cells_give_a_concentration_and_its_time() {
    // Therapeutic drug monitoring: each occasion's cell a concentration with its time after
    // the last dose, as the footnote says; covariates and a Bayesian clearance beside them.
    let mut t = table(
        "Table 2. Plasma isavucimide concentrations at each monitoring occasion and individual apparent clearance",
        &[&["Patient", "Weight (kg)", "Occasion 1", "Occasion 2", "CL/F (L/h)"]],
        &[&["1", "57", "2.81 (2 h)", "1.56 (10.5 h)", "10.86"], &["2", "75", "4.15 (1.5 h)", "—", "5.55"]],
    );
    t.footnote = Some(
        "Each occasion cell gives the plasma concentration (mg/L) with the time after the last dose in parentheses."
            .into(),
    );
    let records = table_records(&t);
    let seen: Vec<_> = records
        .iter()
        .map(|r| (r.parameter.as_deref(), r.context.subject.as_deref(), r.context.time.as_deref(), r.value))
        .collect();
    assert!(seen.contains(&(Some("CONC"), Some("1"), Some("10.5 h"), Some(1.56))), "{}", show(&records));
    assert!(seen.contains(&(Some("CLFO"), Some("2"), None, Some(5.55))), "{}", show(&records));
    assert_eq!(seen.len(), 5, "{}", show(&records));
}

#[test]
fn rules_of_the_fifteenth_session_do_not_misfire_on_ordinary_tables() {
    // A no-break space before a listed name is no char boundary to cut at.
    assert_eq!(listed_items("Cmax: 1.24 µg/mL\u{a0}Tmax: 2.0 h").map(|l| l.len()), Some(2));
    // Groups are no subjects where a caption of means says what each patient received.
    let t = table(
        "Table 2. Mean plasma concentrations (ng/mL) of velazole; each patient received 400 mg",
        &[&["Time (h)", "Adults", "Elderly", "Children"]],
        &[&["1", "12.1", "14.0", "9.5"], &["2", "10.2", "12.9", "8.1"]],
    );
    assert!(table_records(&t).iter().all(|r| r.context.subject.is_none()), "{}", show(&table_records(&t)));
    // A count in brackets is not what a name says of its subject.
    assert_eq!(name_before_unit("Young (12)"), "Young (12)");
    assert_eq!(name_before_unit("Kanya (F, 34 kg)"), "Kanya");
    // A day's code before a time is no sample's.
    assert_eq!(labels::time_in_brackets("D1 2 h"), None);
    // After a single dose of a once-daily drug, an AUC0–24 is a partial area.
    let t = table(
        "Table 2. Pharmacokinetic parameters after a single 400 mg dose of once-daily velazole",
        &[&["Parameter", "Mean"]],
        &[&["AUC0–24 (ng·h/mL)", "512"]],
    );
    assert_eq!(table_records(&t)[0].parameter.as_deref(), Some("AUCINT"));
    // A sentence in a model's description column holds no value.
    let t = table(
        "Table 3. Final population pharmacokinetic model parameter estimates",
        &[&["Parameter", "Description", "Estimate"]],
        &[&["θCL (L/h)", "Clearance for a typical 60-kg patient with CLcr of 100 mL/min", "7.84"]],
    );
    let records = table_records(&t);
    assert_eq!(records.iter().map(|r| r.value).collect::<Vec<_>>(), [Some(7.84)], "{}", show(&records));
}

#[test]
fn a_specimen_the_footnote_says_was_measured_dried_blood_spots_and_pre_dose_visits() {
    // The footnote says what was measured where caption, title and abstract name no specimen;
    // a definition in it ("Ae, amount excreted in urine") says nothing of the kind.
    let mut t = table(
        "Table 3. Pharmacokinetic parameters of ralcoprazole in each subject by CYP2C19 genotype",
        &[&["Subject", "Cmax (ng/mL)", "AUC0–∞ (ng·h/mL)"]],
        &[&["R01", "655", "1890"], &["R02", "712", "2210"]],
    );
    t.footnote = Some("Plasma concentrations were measured by LC-MS/MS.".into());
    assert!(table_records(&t).iter().all(|r| r.context.matrix.as_deref() == Some("plasma")));
    t.footnote = Some("Ae, amount excreted in urine.".into());
    assert!(table_records(&t).iter().all(|r| r.context.matrix.is_none()));
    // Dried blood spots beside plasma; a visit's pre-dose sample.
    let t = table(
        "Table 4. Individual serum tezolimab concentrations (ng/mL)",
        &[&["Patient", "Week 1", "Week 4 (pre-dose)"]],
        &[&["101", "91.7", "48.2"]],
    );
    let times: Vec<_> = table_records(&t).iter().map(|r| r.context.time.clone()).collect();
    assert_eq!(times, [Some("week 1".to_owned()), Some("week 4, pre-dose".to_owned())]);
    assert_eq!(matrices_in("DBS (ng/mL)"), ["dried blood spot (DBS)"]);
}

#[test]
fn a_parameter_named_in_words_scopes_the_statistic_the_caption_gives_it() {
    // "for the time to maximum concentration the median and the full range": tmax's median,
    // not also Cmax's (`maximum concentration` is inside the longer name).
    let t = table(
        "Table 2. Values are geometric means (CV%), whereas for the time to maximum concentration the median and the full range are reported.",
        &[&["Parameter", "IN 4 mg"]],
        &[&["Cmax (ng/mL)", "5.84 (38.2)"], &["tmax (min)", "20 (10–60)"]],
    );
    let records = table_records(&t);
    let seen: Vec<_> = records.iter().map(|r| (r.parameter.as_deref(), r.statistic)).collect();
    assert_eq!(
        seen,
        [(Some("CMAX"), Statistic::GeometricMean), (Some("TMAX"), Statistic::Median)],
        "{}",
        show(&records)
    );
}

#[test]
fn each_parameters_spread_in_a_row_of_its_own_under_it() {
    // `SD` rows under each parameter's row: each mean with its SD; a table whose notes
    // declare no central statistic keeps it unknown.
    for (footnote, statistic) in [
        (Some("Values are arithmetic means with the SD in the row below."), Statistic::Mean),
        (None, Statistic::Unknown),
    ] {
        let mut t = table(
            "Table 3. Steady-state pharmacokinetic parameters of zeloperidone",
            &[&["", "ZP1M (n = 41)", "ZP3M (n = 38)"]],
            &[
                &["Cmax,ss (ng/mL)", "38.6", "44.2"],
                &["SD", "14.1", "17.9"],
                &["AUCτ,ss (ng·h/mL)", "18,650", "50,450"],
                &["SD", "6,620", "19,220"],
            ],
        );
        t.footnote = footnote.map(str::to_owned);
        let records = table_records(&t);
        let seen: Vec<_> = records
            .iter()
            .map(|r| {
                (r.parameter.as_deref(), r.value, r.statistic, r.dispersion.as_ref().map(|d| (d.kind.clone(), d.value)))
            })
            .collect();
        assert_eq!(seen.len(), 4, "{}", show(&records));
        assert_eq!(seen[0], (Some("CMAX"), Some(38.6), statistic, Some(("SD".to_owned(), 14.1))), "{}", show(&records));
    }
}

#[test]
fn units_the_footnote_gives_per_specimen() {
    // "Plasma concentrations in pg/mL ...; CVF concentrations in ng/g ...": each specimen's
    // records their own unit, the abbreviation matched by the name the caption gives it.
    let mut t = table(
        "Table 2. Lamiravine pharmacokinetics in plasma and cervicovaginal fluid (CVF): geometric mean (95% CI)",
        &[&["Parameter", "Plasma", "Cervicovaginal fluid"]],
        &[&["Cmax", "312 (254–383)", "18.6 (12.4–27.9)"], &["AUC0–24h", "4,752 (3,912–5,784)", "269 (182–396)"]],
    );
    t.footnote =
        Some("Plasma concentrations in pg/mL and AUC in pg·h/mL; CVF concentrations in ng/g and AUC in ng·h/g.".into());
    let records = table_records(&t);
    let units: Vec<Option<&str>> = records.iter().map(|r| r.unit_raw.as_deref()).collect();
    assert_eq!(units, [Some("pg/mL"), Some("ng/g"), Some("pg·h/mL"), Some("ng·h/g")], "{}", show(&records));
}

#[test]
fn cord_pairs_with_the_unit_in_a_footnote_and_a_ratio_defined_in_words() {
    // The unit said once for the table in the footnote ("All concentrations in ng/mL"), the
    // umbilical vessels kept apart, and `UV/MP` defined as a ratio of two specimens (the
    // umbilical vein's, its numerator).
    let mut t = table(
        "Table 2. Maternal and umbilical cord plasma concentrations of tocolamide at delivery",
        &[&["Pair", "Maternal plasma", "Umbilical vein", "Umbilical artery", "UV/MP"]],
        &[&["1", "57.9", "45.2", "43.5", "0.78"], &["2", "57.4", "35.2", "29.5", "0.61"]],
    );
    t.footnote = Some("All concentrations in ng/mL. UV/MP, umbilical vein to maternal plasma ratio.".into());
    let records = table_records(&t);
    let seen: Vec<_> = records
        .iter()
        .filter(|r| r.context.subject.as_deref() == Some("1"))
        .map(|r| (r.parameter.as_deref(), r.unit_raw.as_deref(), r.context.matrix.as_deref(), r.value))
        .collect();
    assert_eq!(
        seen,
        [
            (Some("CONC"), Some("ng/mL"), Some("plasma"), Some(57.9)),
            (Some("CONC"), Some("ng/mL"), Some("umbilical vein"), Some(45.2)),
            (Some("CONC"), Some("ng/mL"), Some("umbilical artery"), Some(43.5)),
            (Some("FMRATIO"), None, Some("umbilical vein"), Some(0.78)),
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn analytes_under_their_tissues_header_and_residues_named_in_a_tissue() {
    // A fish residue study: the parent and its marker residue (`X amine`) under the tissue's
    // header with its unit per kg, the pools' numbers after the tank; the tissue named after
    // `in` (`Residue in muscle + skin`), the analyte one word the caption names.
    let t = table(
        "Table 3. Florazole and florazole amine residues in pooled samples of salmon",
        &[
            &[
                "Days after last treatment",
                "Tank",
                "Pool no.",
                "Residue in muscle + skin (µg/kg)",
                "Residue in muscle + skin (µg/kg)",
            ],
            &["Days after last treatment", "Tank", "Pool no.", "Florazole", "Florazole amine"],
        ],
        &[&["1", "A", "1", "1298", "397"], &["1", "B", "2", "1317", "586"], &["4", "A", "3", "481", "183"]],
    );
    let records = table_records(&t);
    type Seen<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<f64>);
    let seen: Vec<Seen> = records
        .iter()
        .map(|r| {
            let c = &r.context;
            (c.subject.as_deref(), c.time.as_deref(), c.matrix.as_deref(), c.analyte.as_deref(), r.value)
        })
        .collect();
    assert_eq!(seen.len(), 6, "{}", show(&records));
    assert_eq!(seen[0], (Some("1"), Some("1 day"), Some("muscle and skin"), Some("florazole"), Some(1298.0)));
    assert!(seen.contains(&(Some("3"), Some("4 day"), Some("muscle and skin"), Some("Florazole amine"), Some(183.0))));
    assert!(records.iter().all(|r| r.unit_raw.as_deref() == Some("µg/kg")), "{}", show(&records));
    // The tissue of a residue's label: after `in`, or before the word for what was measured.
    assert_eq!(matrices_in("Florazole in liver (µg/kg)"), ["liver tissue"]);
    assert_eq!(matrices_in("Muscle residues"), ["muscle tissue"]);
    assert!(matrices_in("Change in fat mass").is_empty());
    // The analyte before the specimen before its quantity: "X plasma concentrations".
    let t = table(
        "Table 2. Velazole plasma concentrations in patients",
        &[&["Patient", "Velazole (ng/mL)"]],
        &[&["P1", "12.5"], &["P2", "8.1"]],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 2, "{}", show(&records));
    assert_eq!(records[0].context.analyte.as_deref().map(str::to_lowercase).as_deref(), Some("velazole"));
}

#[test]
fn symbols_the_footnote_defines_a_trough_and_a_concentration_two_hours_after_the_dose() {
    // Transplant monitoring: `C0` and `C2` under each day, defined only by the footnote,
    // the unit in the caption.
    let mut t = table(
        "Table 2. Whole-blood concentrations (µg/L) of X in kidney transplant recipients",
        &[&["Patient", "Day 7", "Day 7", "Day 14", "Day 14"], &["", "C0", "C2", "C0", "C2"]],
        &[&["1", "7.3", "20.1", "7.7", "25.7"], &["2", "5.6", "15.1", "5.3", "17.3"]],
    );
    t.footnote =
        Some("Abbreviations: C0, trough (pre-dose) concentration; C2, concentration 2 h after the dose.".into());
    let records = table_records(&t);
    type Seen<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<f64>);
    let seen: Vec<Seen> = records
        .iter()
        .map(|r| {
            (
                r.parameter.as_deref(),
                r.context.subject.as_deref(),
                r.context.time.as_deref(),
                r.unit_raw.as_deref(),
                r.value,
            )
        })
        .collect();
    assert_eq!(
        seen[..4],
        [
            (Some("CTROUGH"), Some("1"), Some("day 7, pre-dose"), Some("µg/L"), Some(7.3)),
            (Some("CTROUGH"), Some("2"), Some("day 7, pre-dose"), Some("µg/L"), Some(5.6)),
            (Some("CONC"), Some("1"), Some("day 7, 2 h"), Some("µg/L"), Some(20.1)),
            (Some("CONC"), Some("2"), Some("day 7, 2 h"), Some("µg/L"), Some(15.1)),
        ],
        "{}",
        show(&records)
    );
    // Without the definitions `C0` is ambiguous (a back-extrapolated initial concentration
    // after a bolus, or a trough) and `C2` could name a compartment: no records.
    t.footnote = None;
    assert!(table_records(&t).is_empty(), "{}", show(&table_records(&t)));
}

#[test]
fn a_concentration_symbol_names_its_sampling_time() {
    let t = table(
        "Table 1. Pharmacokinetics of X (mean ± SD)",
        &[&["Parameter", "Fasted"]],
        &[&["C24 (ng/mL)", "12 ± 3"], &["C12h (ng/mL)", "30 ± 6"], &["Cday 7, ng/mL", "8.1 ± 2"]],
    );
    let records = table_records(&t);
    let times: Vec<Option<&str>> = records.iter().map(|r| r.context.time.as_deref()).collect();
    assert_eq!(times, [Some("24 h"), Some("12 h"), Some("day 7")]);
}

#[test]
fn subjects_coded_by_a_capital_and_digits_under_a_subject_header() {
    // `D1` is dog 1, not a day to the first power.
    let t = table(
        "Table 1. Individual plasma X concentrations (ng/mL) in three Beagle dogs",
        &[&["Time (h)", "Dog", "Dog", "Dog"], &["", "D1", "D2", "D3"]],
        &[&["0.5", "102", "89.1", "128"], &["1", "146", "126", "188"]],
    );
    let records = table_records(&t);
    let seen: Vec<(Option<&str>, Option<&str>, &str)> = records
        .iter()
        .map(|r| (r.context.subject.as_deref(), r.context.time.as_deref(), r.statistic.as_str()))
        .collect();
    assert_eq!(
        seen[..3],
        [
            (Some("D1"), Some("0.5 h"), "individual"),
            (Some("D2"), Some("0.5 h"), "individual"),
            (Some("D3"), Some("0.5 h"), "individual")
        ]
    );
}

#[test]
fn a_subject_spanning_its_specimens_columns() {
    let t = table(
        "Table 2. X concentrations (mg/L) in plasma and cerebrospinal fluid (CSF) of two patients",
        &[&["Time (h)", "Patient 1", "Patient 1", "Patient 2", "Patient 2"], &["", "Plasma", "CSF", "Plasma", "CSF"]],
        &[&["1", "38.5", "1.12", "53.5", "1.05"], &["2", "26.1", "2.02", "37.0", "1.94"]],
    );
    let records = table_records(&t);
    type Seen<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<f64>, &'a str);
    let seen: Vec<Seen> = records
        .iter()
        .map(|r| {
            (
                r.context.subject.as_deref(),
                r.context.matrix.as_deref(),
                r.context.time.as_deref(),
                r.value,
                r.statistic.as_str(),
            )
        })
        .collect();
    assert!(seen.contains(&(Some("Patient 1"), Some("cerebrospinal fluid"), Some("1 h"), Some(1.12), "individual")));
    assert_eq!(
        seen[..2],
        [
            (Some("Patient 1"), Some("plasma"), Some("1 h"), Some(38.5), "individual"),
            (Some("Patient 1"), Some("plasma"), Some("2 h"), Some(26.1), "individual"),
        ],
        "{}",
        show(&records)
    );
}
#[test]
fn sampling_times_in_minutes_declared_by_the_caption_beside_covariate_columns() {
    // The stub's header (`Infant`) names the subjects, not a specimen; the times' unit is
    // the caption's sentence; `NS` (no sample) is no value.
    let t = table(
        "Table 2. Individual plasma X concentrations (ng/mL) in six infants. Sampling times are given in minutes after the end of a 10-min infusion",
        &[
            &["Infant", "PNA (days)", "Weight (kg)", "Time after end of infusion", "Time after end of infusion"],
            &["", "", "", "5", "15"],
        ],
        &[&["Inf-01", "16", "4.1", "1.29", "0.87"], &["Inf-02", "48", "5.2", "1.05", "NS"]],
    );
    let records = table_records(&t);
    let seen: Vec<(Option<&str>, Option<&str>, Option<f64>)> =
        records.iter().map(|r| (r.context.subject.as_deref(), r.context.time.as_deref(), r.value)).collect();
    assert_eq!(
        seen,
        [
            (Some("Inf-01"), Some("5 min"), Some(1.29)),
            (Some("Inf-02"), Some("5 min"), Some(1.05)),
            (Some("Inf-01"), Some("15 min"), Some(0.87)),
        ],
        "{}",
        show(&records)
    );
}
#[test]
fn specimen_sections_with_their_units_under_a_stub_of_times() {
    // Residue depletion in pools of birds: a full-width row names each specimen and its
    // unit; the pools are the subjects; the times are the stub's.
    let t = table(
        "Table 4. X concentrations in pooled plasma and breast muscle of broiler chickens after the last of five daily oral doses",
        &[&["Time after last dose (h)", "Pool 1", "Pool 2", "Mean ± SD"]],
        &[
            &["Plasma (ng/mL)", "Plasma (ng/mL)", "Plasma (ng/mL)", "Plasma (ng/mL)"],
            &["2", "397", "386", "391.5 ± 7.8"],
            &["Breast muscle (ng/g)", "Breast muscle (ng/g)", "Breast muscle (ng/g)", "Breast muscle (ng/g)"],
            &["2", "293", "207", "250.0 ± 60.8"],
        ],
    );
    let records = table_records(&t);
    type Seen<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<f64>);
    let seen: Vec<Seen> = records
        .iter()
        .map(|r| {
            (
                r.context.subject.as_deref(),
                r.context.time.as_deref(),
                r.unit_raw.as_deref(),
                r.context.matrix.as_deref(),
                r.value,
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (Some("Pool 1"), Some("2 h"), Some("ng/mL"), Some("plasma"), Some(397.0)),
            (Some("Pool 2"), Some("2 h"), Some("ng/mL"), Some("plasma"), Some(386.0)),
            (None, Some("2 h"), Some("ng/mL"), Some("plasma"), Some(391.5)),
            (Some("Pool 1"), Some("2 h"), Some("ng/g"), Some("muscle tissue"), Some(293.0)),
            (Some("Pool 2"), Some("2 h"), Some("ng/g"), Some("muscle tissue"), Some(207.0)),
            (None, Some("2 h"), Some("ng/g"), Some("muscle tissue"), Some(250.0)),
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn tissues_down_the_stub_beside_columns_of_parameters() {
    // Tissue distribution: each tissue's row holds its own Cmax, Tmax and AUC.
    let t = table(
        "Table 4. Tissue pharmacokinetic parameters of X in turkeys (mean ± SD)",
        &[&["Tissue", "Cmax (µg/g)", "Tmax (h)", "AUC0–t (µg·h/g)"]],
        &[&["Plasma", "11.2 ± 2.4", "1.5 ± 0.5", "86.4 ± 15.2"], &["Liver", "19.8 ± 4.1", "2.0 ± 0.6", "151.3 ± 28.7"]],
    );
    let records = table_records(&t);
    let seen: Vec<(Option<&str>, Option<&str>, Option<f64>)> =
        records.iter().map(|r| (r.parameter.as_deref(), r.context.matrix.as_deref(), r.value)).collect();
    assert_eq!(
        seen,
        [
            (Some("CMAX"), Some("plasma"), Some(11.2)),
            (Some("CMAX"), Some("liver tissue"), Some(19.8)),
            (Some("TMAX"), Some("plasma"), Some(1.5)),
            (Some("TMAX"), Some("liver tissue"), Some(2.0)),
            (Some("AUCLST"), Some("plasma"), Some(86.4)),
            (Some("AUCLST"), Some("liver tissue"), Some(151.3)),
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn units_a_footnote_sentence_gives_by_kind_of_parameter() {
    let mut t = table(
        "Table 2. Pharmacokinetic parameters of X after single oral doses",
        &[&["Formulation", "Cmax", "Tmax", "AUC0–∞", "t1/2"]],
        &[&["Tablet A", "286.4 (71.5)", "1.25 (0.50)", "2238 (540)", "7.8 (1.9)"]],
    );
    t.footnote =
        Some("Values are mean (SD). All concentrations are in ng/mL, AUCs in ng·h/mL and times in hours.".into());
    let records = table_records(&t);
    let units: Vec<(Option<&str>, Option<&str>)> =
        records.iter().map(|r| (r.parameter.as_deref(), r.unit_raw.as_deref())).collect();
    assert_eq!(
        units,
        [
            (Some("CMAX"), Some("ng/mL")),
            (Some("TMAX"), Some("hours")),
            (Some("AUCIFO"), Some("ng·h/mL")),
            (Some("LAMZHL"), Some("hours"))
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn names_in_other_languages_with_their_symbol_in_brackets_and_a_unit_column() {
    // German labels, a unit column headed `Einheit`, decimal commas.
    let mut t = table(
        "Tabelle 2. Pharmakokinetische Parameter von X nach oraler Einmalgabe von 20 mg",
        &[&["Parameter", "Einheit", "Gesunde Probanden (n = 12)"]],
        &[
            &["Maximale Plasmakonzentration (Cmax)", "ng/ml", "45,3 ± 12,1"],
            &["Fläche unter der Kurve (AUC0–∞)", "ng·h/ml", "412,6 ± 98,3"],
            &["Halbwertszeit (t1/2)", "h", "8,4 ± 2,2"],
            &["Scheinbare Clearance (CL/F)", "l/h", "50,8 ± 13,5"],
        ],
    );
    t.footnote = Some("Angaben als Mittelwert ± Standardabweichung.".into());
    let records = table_records(&t);
    // The footnote's declaration in German: mean ± standard deviation.
    assert!(
        records.iter().all(|r| r.statistic == Statistic::Mean && r.dispersion.as_ref().is_some_and(|d| d.kind == "SD")),
        "{}",
        show(&records)
    );
    type Seen<'a> = (Option<&'a str>, Option<f64>, Option<&'a str>);
    let seen: Vec<Seen> = records.iter().map(|r| (r.parameter.as_deref(), r.value, r.unit_raw.as_deref())).collect();
    assert_eq!(
        seen,
        [
            (Some("CMAX"), Some(45.3), Some("ng/ml")),
            (Some("AUCIFO"), Some(412.6), Some("ng·h/ml")),
            (Some("LAMZHL"), Some(8.4), Some("h")),
            (Some("CLFO"), Some(50.8), Some("l/h")),
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn declarations_in_dutch_italian_and_portuguese() {
    // The caption's or note's statistic words in Dutch, Italian and Portuguese (as in
    // German, French and Spanish): `mediaan [IQR]`, `media ± deviazione standard`,
    // `média (desvio padrão)`, `gemiddelde (variatiecoëfficiënt)`.
    let cases: [(&str, &str, Statistic, &str); 4] = [
        (
            "Tabel 3. Farmacokinetische parameters van X; waarden zijn mediaan [IQR]",
            "0,31 [0,24–0,38]",
            Statistic::Median,
            "IQR",
        ),
        (
            "Tabella 2. Parametri farmacocinetici di X (media ± deviazione standard)",
            "0,31 ± 0,07",
            Statistic::Mean,
            "SD",
        ),
        ("Tabela 2. Parâmetros farmacocinéticos de X, média (desvio padrão)", "0,31 (0,07)", Statistic::Mean, "SD"),
        (
            "Tabel 2. Farmacokinetische parameters van X: gemiddelde (variatiecoëfficiënt)",
            "0,31 (22)",
            Statistic::Mean,
            "CV%",
        ),
    ];
    for (caption, cell, statistic, spread) in cases {
        let t = table(caption, &[&["Parameter", "Groep A"]], &[&["CL (L/h/kg)", cell]]);
        let records = table_records(&t);
        assert_eq!(records.len(), 1, "{caption}: {}", show(&records));
        let r = &records[0];
        let kind = r.dispersion.as_ref().map(|d| d.kind.as_str()).or(r.interval.as_ref().map(|i| i.kind.as_str()));
        assert_eq!(
            (r.statistic, r.value, kind),
            (statistic, Some(0.31), Some(spread)),
            "{caption}: {}",
            show(&records)
        );
    }
}

#[test]
fn a_note_defining_a_column_declares_nothing_of_the_tables_values() {
    // `Ratio, liposomal / conventional mean` defines the Ratio column; the caption's mean ±
    // SEM still declares the values.
    let mut t = table(
        "Table 2. Plasma pharmacokinetic parameters of X in dogs (mean ± SEM, n = 5)",
        &[&["Parameter", "Conventional", "Liposomal", "Ratio"]],
        &[&["Cmax (µg/mL)", "0.86 ± 0.09", "21.4 ± 2.3", "24.9"]],
    );
    t.footnote = Some("t½β, elimination half-life. Ratio, liposomal / conventional mean.".into());
    let records = table_records(&t);
    let kinds: Vec<Option<&str>> = records
        .iter()
        .filter(|r| r.dispersion.is_some())
        .map(|r| r.dispersion.as_ref().map(|d| d.kind.as_str()))
        .collect();
    assert_eq!(kinds, [Some("SE"), Some("SE")], "{}", show(&records));
}

#[test]
fn a_day_column_beside_symbols_that_give_their_own_time() {
    // Monitoring: each patient's rows by day, the day printed bare under `Day`.
    let mut t = table(
        "Table 1. Plasma concentrations (mg/L) of X in patients on days 7 and 14",
        &[&["Patient", "Day", "Cpre", "C2"]],
        &[&["1", "7", "2.12", "16.8"], &["", "14", "2.32", "21.6"], &["2", "7", "3.80", "29.7"]],
    );
    t.footnote = Some("Cpre, trough (pre-dose) concentration; C2, concentration 2 h after the dose.".into());
    let records = table_records(&t);
    type Seen<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<f64>);
    let mut seen: Vec<Seen> = records
        .iter()
        .map(|r| (r.parameter.as_deref(), r.context.subject.as_deref(), r.context.time.as_deref(), r.value))
        .collect();
    seen.sort_by(|a, b| a.3.partial_cmp(&b.3).unwrap());
    assert_eq!(
        seen,
        [
            (Some("CTROUGH"), Some("1"), Some("day 7, pre-dose"), Some(2.12)),
            (Some("CTROUGH"), Some("1"), Some("day 14, pre-dose"), Some(2.32)),
            (Some("CTROUGH"), Some("2"), Some("day 7, pre-dose"), Some(3.8)),
            (Some("CONC"), Some("1"), Some("day 7, 2 h"), Some(16.8)),
            (Some("CONC"), Some("1"), Some("day 14, 2 h"), Some(21.6)),
            (Some("CONC"), Some("2"), Some("day 7, 2 h"), Some(29.7)),
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn names_under_a_species_header_are_subjects_though_one_reads_as_a_statistic() {
    // `Max` under `Dog`, with the caption counting three dogs, is a dog.
    let t = table(
        "Table 2. Plasma concentrations (µg/mL) of brenafloxin in three dogs after an intravenous bolus of 5 mg/kg",
        &[&["Time (min)", "Dog", "Dog", "Dog"], &["Time (min)", "Bella", "Max", "Rocky"]],
        &[&["5", "22.4", "19.8", "25.1"], &["60", "6.1", "5.2", "7.3"]],
    );
    let mut subjects: Vec<String> = table_records(&t).iter().filter_map(|r| r.context.subject.clone()).collect();
    subjects.sort();
    assert_eq!(subjects, ["Bella", "Bella", "Max", "Max", "Rocky", "Rocky"]);
    // Beside the names, `Mean` and `SD` under the same species' word summarise them.
    let t = table(
        "Table 2. Plasma concentrations (µg/mL) of brenafloxin in three dogs",
        &[&["Time (min)", "Dog", "Dog", "Dog", "Dog", "Dog"], &["Time (min)", "Bella", "Rocky", "Lucy", "Mean", "SD"]],
        &[&["5", "22.4", "19.8", "25.1", "22.4", "2.7"], &["60", "6.1", "5.2", "7.3", "6.2", "1.1"]],
    );
    let mut subjects: Vec<String> = table_records(&t).iter().filter_map(|r| r.context.subject.clone()).collect();
    subjects.sort();
    subjects.dedup();
    assert_eq!(subjects, ["Bella", "Lucy", "Rocky"]);
    // Beside a mean, `Max` and `Min` columns are the range's ends, under no species.
    let t = table(
        "Table 2. Plasma concentrations (µg/mL) of brenafloxin in dogs",
        &[&["Time (min)", "Mean", "Min", "Max"]],
        &[&["5", "22.4", "19.8", "25.1"], &["60", "6.1", "5.2", "7.3"]],
    );
    assert!(table_records(&t).iter().all(|r| r.context.subject.is_none()));
}

#[test]
fn a_mark_after_except_starts_its_note() {
    assert_eq!(
        footnote_marks("Values are mean ± SD, except a median (range). b n = 5.", &|_| true),
        [("a".to_owned(), "median (range).".to_owned()), ("b".to_owned(), "n = 5.".to_owned())]
    );
    assert_eq!(
        footnote_marks("Valores expresados como media ± DE, salvo a mediana (intervalo).", &|_| true),
        [("a".to_owned(), "mediana (intervalo).".to_owned())]
    );
    assert_eq!(
        footnote_marks(
            "Data are geometric mean (CV%) except a median (range) and b arithmetic mean ± SD. GMR, ratio.",
            &|_| true
        ),
        [
            ("a".to_owned(), "median (range) and".to_owned()),
            ("b".to_owned(), "arithmetic mean ± SD. GMR, ratio.".to_owned())
        ]
    );
    // `a` after other words is an article.
    assert!(footnote_marks("Values are given as a mean of two samples.", &|_| true).is_empty());
}

#[test]
fn group_columns_after_times_are_no_subjects() {
    // `Patients` and `Volunteers` after the times are two groups' mean concentrations.
    let t = table(
        "Table 2. Mean plasma concentrations (ng/mL) of corvalin",
        &[&["Time (h)", "Patients", "Healthy volunteers"]],
        &[&["1", "12.1", "10.4"], &["2", "18.3", "15.2"], &["4", "9.6", "8.8"]],
    );
    assert!(table_records(&t).iter().all(|r| r.context.subject.is_none()));
    // Blood and plasma both measured: the caption names two specimens.
    let t = table(
        "Table 2. Whole blood and plasma concentrations (ng/mL) of tacrovin",
        &[&["Parameter", "Value"]],
        &[&["Cmax (ng/mL)", "12.1"]],
    );
    assert!(table_records(&t).iter().all(|r| r.context.matrix.as_deref() != Some("plasma")));
}

#[test]
fn patients_lettered_across_under_their_header() {
    // `F` under `Paziente` is patient F, not a bioavailability.
    let t = table(
        "Tabella 2. Concentrazioni plasmatiche individuali (ng/ml) di levobutrol",
        &[&["Tempo (min)", "Paziente", "Paziente", "Paziente"], &["Tempo (min)", "D", "E", "F"]],
        &[&["10", "0,058", "0,163", "0,251"], &["20", "0,243", "0,444", "0,537"]],
    );
    let records = table_records(&t);
    let mut subjects: Vec<String> = records.iter().filter_map(|r| r.context.subject.clone()).collect();
    subjects.sort();
    subjects.dedup();
    assert_eq!(subjects, ["D", "E", "F"]);
    assert!(records.iter().all(|r| r.parameter.as_deref() == Some("CONC")));
}

#[test]
fn a_unit_row_under_the_times_is_the_values_unit() {
    // `0,25 | 0,5` over `µg/ml | µg/ml`, the stub's header spanning both rows.
    let t = table(
        "Tabla 2. Concentraciones plasmáticas individuales de gamitrozina en cerdos",
        &[
            &["Cerdo", "Tiempo tras la administración (h)", "Tiempo tras la administración (h)"],
            &["Cerdo", "0,25", "0,5"],
            &["Cerdo", "µg/ml", "µg/ml"],
        ],
        &[&["C-07", "0,443", "0,818"], &["C-11", "0,685", "0,923"]],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 4);
    assert!(records.iter().all(|r| r.unit_raw.as_deref() == Some("µg/ml") && r.context.time.is_some()));
    assert_eq!(records[0].context.subject.as_deref(), Some("C-07"));
    assert_eq!(records[0].context.time.as_deref(), Some("0.25 h"));
}

#[test]
fn animals_numbered_with_the_romance_number_sign() {
    // `Brebis n°` over the ewes' codes, times down.
    let t = table(
        "Tableau 4. Concentrations individuelles de tilmiprazole (µg/mL) dans le plasma de brebis",
        &[&["Temps (h)", "Brebis n°", "Brebis n°"], &["Temps (h)", "B12", "B15"]],
        &[&["0,5", "5,85", "4,05"], &["1", "6,46", "3,89"]],
    );
    let records = table_records(&t);
    let subjects: Vec<&str> = records.iter().filter_map(|r| r.context.subject.as_deref()).collect();
    assert_eq!(subjects, ["B12", "B15", "B12", "B15"]);
}

#[test]
fn a_concentration_column_named_in_another_language() {
    // Dutch `Serumconcentratie (mg/l)` beside the patient and the time.
    let t = table(
        "Tabel 2. Individuele serumconcentraties van tobranexine bij pasgeborenen",
        &[&["Patiënt", "Tijd na start infusie (uur)", "Serumconcentratie (mg/l)"]],
        &[&["N1", "1", "9,93"], &["N1", "12", "2,84"]],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 2);
    assert!(
        records.iter().all(|r| r.parameter.as_deref() == Some("CONC") && r.context.subject.as_deref() == Some("N1"))
    );
    assert_eq!(records[1].context.time.as_deref(), Some("12 h"));
}

#[test]
fn residue_depletion_in_fish_beside_degree_days() {
    // No `concentration` word: a depletion, the unit before a clause; degree-days are the
    // water's thermal time, no values.
    let t = table(
        "Table 4. Depletion of florvexol from muscle with skin of Atlantic salmon held at 10 °C",
        &[
            &[
                "Days after end of medication",
                "Degree-days",
                "Florvexol in muscle and skin (ng/g), individual fish",
                "Florvexol in muscle and skin (ng/g), individual fish",
            ],
            &["Days after end of medication", "Degree-days", "Fish 1", "Fish 2"],
        ],
        &[&["1", "10", "1010", "539"], &["3", "30", "498", "485"]],
    );
    let records = table_records(&t);
    let mut seen: Vec<(f64, Option<&str>)> =
        records.iter().filter_map(|r| Some((r.value?, r.context.subject.as_deref()))).collect();
    seen.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert_eq!(
        seen,
        [(485.0, Some("Fish 2")), (498.0, Some("Fish 1")), (539.0, Some("Fish 2")), (1010.0, Some("Fish 1"))]
    );
}

#[test]
fn clock_times_across_with_the_dose_clock_in_the_footnote() {
    let mut t = table(
        "Table 2. Individual plasma posafluconide concentrations in red-tailed hawks after a single oral dose",
        &[
            &[
                "Bird",
                "Plasma posafluconide (µg/mL) at sampling time",
                "Plasma posafluconide (µg/mL) at sampling time",
                "Plasma posafluconide (µg/mL) at sampling time",
            ],
            &["Bird", "08:30", "20:00", "08:00"],
        ],
        &[&["RT-1", "0.889", "0.840", "0.182"], &["RT-2", "1.48", "1.86", "0.826"]],
    );
    t.footnote = Some("Clock time; the dose was given by gavage at 08:00. Following morning.".into());
    let records = table_records(&t);
    let times: Vec<&str> = records.iter().filter_map(|r| r.context.time.as_deref()).collect();
    assert_eq!(times, ["0.5 h", "0.5 h", "12 h", "12 h", "24 h", "24 h"]);
}

#[test]
fn times_alone_beside_per_subject_parameters_under_a_caption_of_concentrations() {
    // `Patient | Age | 0 h | 1 h | 12 h | t1/2 (h)`: no header over the times, the caption
    // says the values are concentrations; the age is no time and the half-life no sample.
    let t = table(
        "Table 3. Serum veltamycin concentrations (mg/L) on day 4",
        &[&["Patient", "Age (yr)", "0 h", "1 h", "12 h", "t1/2 (h)"]],
        &[&["1", "7", "3.4", "8.0", "3.6", "6.3"], &["2", "11", "1.8", "5.9", "1.8", "4.3"]],
    );
    let records = table_records(&t);
    let read: Vec<(&str, &str, f64)> = records
        .iter()
        .map(|r| (r.parameter.as_deref().unwrap_or("-"), r.context.time.as_deref().unwrap_or("-"), r.value.unwrap()))
        .collect();
    assert_eq!(
        read,
        [
            ("CONC", "0 h", 3.4),
            ("CONC", "0 h", 1.8),
            ("CONC", "1 h", 8.0),
            ("CONC", "1 h", 5.9),
            ("CONC", "12 h", 3.6),
            ("CONC", "12 h", 1.8),
            ("LAMZHL", "-", 6.3),
            ("LAMZHL", "-", 4.3)
        ]
    );
    // Without a caption of concentrations the time columns say nothing of what they hold.
    let mut t = t;
    t.caption = Some("Table 3. Patients on day 4".into());
    assert!(table_records(&t).iter().all(|r| r.parameter.as_deref() == Some("LAMZHL")));
}

#[test]
fn clock_times_across_from_a_subjects_own_dose_clock_in_its_note() {
    // Every child dosed at 08:00 after the 08:00 sample, patient 4 (`4b`) at 08:30 as its
    // note says: its samples are timed from its own dose, its pre-dose sample stays at 0.
    let mut t = table(
        "Table 2. Serum cerafylline concentrations (mcg/ml) on day 4 of treatment",
        &[&["Patient", "Dose (mg/kg)", "08:00", "09:00", "12:00", "20:00", "t1/2 (hr)"]],
        &[&["1", "9.5", "3.4", "8.0", "7.9", "3.6", "6.3"], &["4b", "9.0", "3.5", "4.9", "7.7", "3.3", "6.0"]],
    );
    t.footnote = Some(
        "The morning dose was given at 08:00 after the 08:00 sample. a Every 12 hr. b Morning dose given at 08:30."
            .into(),
    );
    let records = table_records(&t);
    let times = |subject: &str| -> Vec<String> {
        records
            .iter()
            .filter(|r| r.parameter.as_deref() == Some("CONC") && r.context.subject.as_deref() == Some(subject))
            .map(|r| r.context.time.clone().unwrap_or_default())
            .collect()
    };
    assert_eq!(times("1"), ["0 h", "1 h", "4 h", "12 h"]);
    assert_eq!(times("4b"), ["0 h", "0.5 h", "3.5 h", "11.5 h"]);
}

#[test]
fn a_bare_number_in_brackets_declared_a_sampling_time_by_the_header_or_a_note() {
    // `Serum, mg/L (h)` over `18.6 (3.5)`: the header's bracket after the unit says the
    // cells' bracketed numbers are hours; the metabolite in the same pus sample shares the
    // parent's time.
    let mut t = table(
        "Table 1. Movazole and hydroxy-movazole in abscess pus and serum at drainage",
        &[
            &["Patient", "Pus", "Pus", "Serum"],
            &["Patient", "Movazole, mg/L (h)", "Hydroxy-movazole, mg/L", "Movazole, mg/L (h)"],
        ],
        &[&["1", "14.2 (3.5)", "3.1", "18.6 (3.5)"], &["2", "9.8 (6)", "1.7", "8.9 (5.5)"]],
    );
    let read = |t: &Table| -> Vec<(String, String, f64, bool)> {
        table_records(t)
            .iter()
            .map(|r| {
                (
                    r.context.matrix.clone().unwrap_or_default(),
                    r.context.time.clone().unwrap_or_default(),
                    r.value.unwrap(),
                    r.dispersion.is_some(),
                )
            })
            .collect()
    };
    let expected = [
        ("pus", "3.5 h", 14.2, false),
        ("pus", "6 h", 9.8, false),
        ("pus", "3.5 h", 3.1, false),
        ("pus", "6 h", 1.7, false),
        ("serum", "3.5 h", 18.6, false),
        ("serum", "5.5 h", 8.9, false),
    ]
    .map(|(m, t, v, d)| (m.to_owned(), t.to_owned(), v, d));
    assert_eq!(read(&t), expected);
    // Declared by a note instead, the headers plain.
    t.header_rows[1] =
        ["Patient", "Movazole, mg/L", "Hydroxy-movazole, mg/L", "Movazole, mg/L"].map(String::from).to_vec();
    t.footnote = Some("Figures in parentheses: hours between the last dose and sampling.".into());
    assert_eq!(read(&t), expected);
    // Undeclared, a bracketed number is no time.
    t.footnote = None;
    assert!(table_records(&t).iter().all(|r| r.context.time.is_none()));
}

#[test]
fn clock_times_down_a_long_table_from_each_subjects_dose_clock() {
    // Two patients dosed at different clock times, each one's given in a clause of the
    // footnote; the clock runs past midnight within each patient's rows.
    let mut t = table(
        "Table 1. Serum and dialysate tobrazolin after an intraperitoneal dose in two patients",
        &[&["Patient", "Clock time", "Serum tobrazolin (mg/L)", "Dialysate tobrazolin (mg/L)"]],
        &[
            &["Patient A", "10:00", "12.1", "310"],
            &["", "22:00", "8.4", "—"],
            &["", "06:00 (next day)", "5.5", "41.0"],
            &["Patient B", "21:30", "9.9", "280"],
            &["", "09:30", "6.1", "52.0"],
        ],
    );
    t.footnote =
        Some("Patient A received the dose at 09:00 in a daytime dwell; patient B at 20:30. —, not sampled.".into());
    let records = table_records(&t);
    let serum: Vec<(&str, &str)> = records
        .iter()
        .filter(|r| r.context.matrix.as_deref() == Some("serum"))
        .map(|r| (r.context.subject.as_deref().unwrap_or("-"), r.context.time.as_deref().unwrap_or("-")))
        .collect();
    assert_eq!(
        serum,
        [
            ("Patient A", "1 h"),
            ("Patient A", "13 h"),
            ("Patient A", "21 h"),
            ("Patient B", "1 h"),
            ("Patient B", "13 h")
        ]
    );
    // One dose clock for every subject, in the caption: the same reading.
    t.footnote = None;
    t.caption = Some("Table 1. Serum tobrazolin in two patients; each was given the dose at 09:00".into());
    let records = table_records(&t);
    let times: Vec<&str> = records
        .iter()
        .filter(|r| r.context.matrix.as_deref() == Some("serum"))
        .filter_map(|r| r.context.time.as_deref())
        .collect();
    assert_eq!(times, ["1 h", "13 h", "21 h", "12.5 h", "24.5 h"]);
}

#[test]
fn the_unit_in_the_corner_over_times_down_the_stub() {
    // `ng/mL` in the corner, the sampling times down the stub, the animals' names across.
    let t = table(
        "Table 2. Plasma torvazepam concentrations in three horses after a single intravenous dose",
        &[&["ng/mL", "Bella", "Comet", "Duke", "Mean"]],
        &[
            &["Pre", "BLQ", "BLQ", "BLQ", "–"],
            &["5 min post", "7760", "6580", "9000", "7780"],
            &["1 h post", "2700", "2150", "3180", "2677"],
        ],
    );
    let records = table_records(&t);
    let bella: Vec<(&str, &str, &str)> = records
        .iter()
        .filter(|r| r.context.subject.as_deref() == Some("Bella") && r.value.is_some())
        .map(|r| (r.context.time.as_deref().unwrap_or("-"), r.value_raw.as_str(), r.unit_raw.as_deref().unwrap_or("-")))
        .collect();
    assert_eq!(bella, [("5 min post", "7760", "ng/mL"), ("1 h post", "2700", "ng/mL")]);
    // A corner that is no unit over the same stubs reads no times (the stubs may be groups).
    let mut other = t.clone();
    other.header_rows[0][0] = "Group".into();
    assert!(table_records(&other).iter().all(|r| r.context.time.is_none()));
}

#[test]
fn each_subject_over_its_analytes_defined_in_the_footnote() {
    // A radiolabel study: each subject's total radioactivity and parent drug side by side,
    // the abbreviations and their units defined in the footnote.
    let mut t = table(
        "Table 3. Total radioactivity and unchanged lumarovir in plasma of individual subjects",
        &[
            &["Time (h)", "Subject 001", "Subject 001", "Subject 002", "Subject 002"],
            &["Time (h)", "TRA", "Parent", "TRA", "Parent"],
        ],
        &[&["0.5", "631", "320", "437", "207"], &["24", "402", "13.3", "418", "BLQ"]],
    );
    t.footnote = Some(
        "TRA, total radioactivity by liquid scintillation counting (ng-eq/mL). Parent, unchanged lumarovir by \
         LC-MS/MS (ng/mL); BLQ, below 1.00 ng/mL."
            .into(),
    );
    let records = table_records(&t);
    let read: Vec<(&str, &str, &str, &str, &str)> = records
        .iter()
        .filter(|r| r.context.time.as_deref() == Some("24 h") && r.value.is_some())
        .map(|r| {
            (
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.analyte.as_deref().unwrap_or("-"),
                r.value_raw.as_str(),
                r.unit_raw.as_deref().unwrap_or("-"),
                r.unit.as_deref().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("Subject 001", "total radioactivity", "402", "ng-eq/mL", "ng/mL"),
            ("Subject 001", "lumarovir", "13.3", "ng/mL", "ng/mL"),
            ("Subject 002", "total radioactivity", "418", "ng-eq/mL", "ng/mL"),
        ]
    );
}

#[test]
fn times_across_under_a_concentration_beside_a_parameter() {
    // `Plasma X (mg/L), time after dose (h)` over the times, `t1/2 (h)` over `off HD | on HD`.
    let t = table(
        "Table 2. Individual gabacetam plasma concentrations and half-lives in patients on haemodialysis",
        &[
            &[
                "Patient",
                "Plasma gabacetam (mg/L), time after dose (h)",
                "Plasma gabacetam (mg/L), time after dose (h)",
                "t1/2 (h)",
                "t1/2 (h)",
            ],
            &["Patient", "2", "24", "off HD", "on HD"],
        ],
        &[&["A.M.", "73.8", "23.1", "37.2", "3.7"], &["B.K.", "49.3", "14.7", "41.6", "2.8"]],
    );
    let records = table_records(&t);
    let conc: Vec<(&str, &str)> = records
        .iter()
        .filter(|r| r.parameter.as_deref() == Some("CONC"))
        .filter_map(|r| Some((r.context.subject.as_deref()?, r.context.time.as_deref()?)))
        .collect();
    assert_eq!(conc, [("A.M.", "2 h"), ("B.K.", "2 h"), ("A.M.", "24 h"), ("B.K.", "24 h")]);
    let half_lives = records.iter().filter(|r| r.parameter.as_deref() == Some("LAMZHL"));
    assert!(half_lives.clone().count() == 4 && half_lives.into_iter().all(|r| r.context.time.is_none()));
}

#[test]
fn the_concentration_at_the_end_of_the_interval_at_steady_state_is_the_trough() {
    let t = table(
        "Table 2. Steady-state pharmacokinetic parameters of sobrevirine 400 mg once daily",
        &[&["Parameter", "Pregnancy", "Postpartum"]],
        &[&["C24 (μg/mL)", "0.71", "1.06"], &["C12 (μg/mL)", "1.9", "2.4"], &["Unbound C24 (ng/mL)", "41", "66"]],
    );
    let records = table_records(&t);
    let codes: Vec<&str> = records.iter().filter_map(|r| r.parameter.as_deref()).collect();
    // (The unbound drug's too.)
    assert_eq!(codes, ["CTROUGH", "CTROUGH", "CONC", "CONC", "CTROUGH", "CTROUGH"]);
    // The area over the dosing interval of a twice-daily regimen at steady state.
    let twice = table(
        "Table 2. Steady-state pharmacokinetic parameters of nifedoxin 20 mg twice daily",
        &[&["Parameter", "Pregnancy", "Postpartum"]],
        &[&["AUC0–12 (ng·h/mL)", "286", "402"], &["AUC0–24 (ng·h/mL)", "560", "790"]],
    );
    let records = table_records(&twice);
    let codes: Vec<&str> = records.iter().filter_map(|r| r.parameter.as_deref()).collect();
    assert_eq!(codes, ["AUCTAU", "AUCTAU", "AUCINT", "AUCINT"]);
    // Not after a single dose: the concentration 24 h after it.
    let single = table(
        "Table 2. Pharmacokinetic parameters after a single 400 mg dose",
        &[&["Parameter", "A"]],
        &[&["C24 (μg/mL)", "0.71"]],
    );
    assert_eq!(table_records(&single)[0].parameter.as_deref(), Some("CONC"));
}

#[test]
fn a_statistic_column_with_each_spread_on_a_row_of_its_own() {
    // `Parameter | Unit | Statistic | IV | Oral`, the parameter spanning its `Mean` and `SD`.
    let t = table(
        "Table 2. Pharmacokinetic parameters of doxifloxan in broiler chickens",
        &[&["Parameter", "Unit", "Statistic", "Intravenous", "Oral"]],
        &[
            &["Cmax", "μg/mL", "Mean", "—", "1.86"],
            &["Cmax", "μg/mL", "SD", "—", "0.41"],
            &["AUC0–24", "μg·h/mL", "Mean", "14.62", "11.05"],
            &["AUC0–24", "μg·h/mL", "SD", "2.37", "2.12"],
        ],
    );
    let records = table_records(&t);
    let read: Vec<(f64, f64)> = records.iter().filter_map(|r| Some((r.value?, r.dispersion.as_ref()?.value))).collect();
    assert_eq!(read, [(1.86, 0.41), (14.62, 2.37), (11.05, 2.12)]);
    assert!(records.iter().all(|r| r.statistic == hysim_core::Statistic::Mean));
}

#[test]
fn sections_of_subjects_by_code_or_initials() {
    // Full-width rows `E03`, `M.L.R.` over each subject's sampling times; not a metabolite's
    // code the caption names.
    let t = table(
        "Tabel 2. Plasmaconcentraties van ceftaprolam bij patiënten aan ECMO",
        &[&["Tijd na start infusie (uur)", "Ceftaprolam (mg/l)"]],
        &[&["E03", "E03"], &["0,5", "87,3"], &["1", "78,6"], &["M.L.R.", "M.L.R."], &["0 (predosis)", "15,9"]],
    );
    let records = table_records(&t);
    let read: Vec<(&str, &str)> =
        records.iter().filter_map(|r| Some((r.context.subject.as_deref()?, r.context.time.as_deref()?))).collect();
    assert_eq!(read, [("E03", "0.5 h"), ("E03", "1 h"), ("M.L.R.", "0 h")]);
    let metabolite = table(
        "Plasma concentrations (ng/mL) of oxamerol and its metabolite M2",
        &[&["Time (h)", "Subject 1"]],
        &[&["M2", "M2"], &["1", "4.1"]],
    );
    assert!(table_records(&metabolite).iter().all(|r| r.context.subject.as_deref() != Some("M2")));
}

#[test]
fn a_stub_header_declares_the_whole_table() {
    // `Feed concentration (mean ± SEM, n = 8)`: the stub lists feed concentrations; its
    // statistic is every value's, not the concentrations' alone.
    let t = table(
        "Table 2. Steady-state plasma pharmacokinetic parameters of valnemoxin in pigs",
        &[&["Feed concentration (mean ± SEM, n = 8)", "Css,avg", "AUC0–24,ss"], &["", "µg/mL", "µg·h/mL"]],
        &[&["100 mg/kg feed", "0.182 ± 0.021", "4.37 ± 0.50"]],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 2);
    assert!(records.iter().all(|r| r.dispersion.as_ref().is_some_and(|d| d.kind == "SE")));
    // A parameter inside its brackets still scopes its clause.
    let t = table(
        "Table 2. Pharmacokinetic parameters",
        &[&["Parameter (mean ± SD; tmax: median [range])", "10 mg"]],
        &[&["Cmax (ng/mL)", "12.1 ± 3.2"], &["tmax (h)", "1.5 [1.0–3.0]"]],
    );
    let records = table_records(&t);
    let stats: Vec<Statistic> = records.iter().map(|r| r.statistic).collect();
    assert_eq!(stats, [Statistic::Mean, Statistic::Median]);
}

#[test]
fn a_column_header_naming_unit_then_statistic_in_brackets() {
    // `tmax, h (median [range])`, `CL/F, L/h (mean ± SD)`.
    let t = table(
        "Table 2. Pharmacokinetic parameters by body mass index category",
        &[&["BMI category", "tmax, h (median [range])", "CL/F, L/h (mean ± SD)"]],
        &[&["18.5–24.9", "3.0 [2.0–4.0]", "0.81 ± 0.14"]],
    );
    let records = table_records(&t);
    let read: Vec<(&str, &str, Option<&str>)> = records
        .iter()
        .filter_map(|r| {
            Some((r.parameter.as_deref()?, r.unit_raw.as_deref()?, r.interval.as_ref().map(|i| i.kind.as_str())))
        })
        .collect();
    assert_eq!(read, [("TMAX", "h", Some("range")), ("CLFO", "L/h", None)]);
}

#[test]
fn a_p_column_of_p_values_holds_none_of_the_groups_values() {
    let t = table(
        "Table 3. Pharmacokinetic parameters with and without ECMO",
        &[&["Parameter (mean ± SD)", "ECMO (n = 9)", "Non-ECMO (n = 11)", "p"]],
        &[&["Cmax (mg/L)", "42.6 ± 11.8", "51.3 ± 13.9", "0.14"], &["Cmin (mg/L)", "8.4 ± 4.1", "7.1 ± 3.6", "<0.001"]],
    );
    assert_eq!(table_records(&t).len(), 4);
    // `P`, plasma, beside CSF: its values are concentrations.
    let t = table(
        "Table 2. Concentrations (mg/L) in CSF and plasma",
        &[&["Patient", "CSF", "P"]],
        &[&["1", "2.1", "14.2"], &["2", "1.8", "11.9"]],
    );
    assert!(!Reader::new(&t, Learned::default()).is_some_and(|r| r.p_value_column(2)));
}

#[test]
fn a_time_column_counting_from_an_event() {
    // `Bronchoscopy time (h after 5th dose)`, `Last drop to sampling (min)`: one sample a
    // subject, its time in its row.
    for (header, unit) in [("Bronchoscopy time (h after 5th dose)", "h"), ("Last drop to sampling (min)", "min")] {
        let t = table(
            "Table 2. Concentrations (µg/mL) of solitromax in plasma and epithelial lining fluid of volunteers",
            &[&["Volunteer", header, "Plasma", "Epithelial lining fluid"]],
            &[&["V01", "2", "3.08", "7.71"], &["V02", "4", "3.48", "13.97"]],
        );
        let times: Vec<String> = table_records(&t).iter().filter_map(|r| r.context.time.clone()).collect();
        assert_eq!(times, [format!("2 {unit}"), format!("4 {unit}"), format!("2 {unit}"), format!("4 {unit}")]);
    }
}

#[test]
fn times_down_above_rows_of_parameters() {
    // `Time (h)` over the sampling times, then each animal's Cmax and Tmax in the same columns.
    let t = table(
        "Table 5. Individual plasma concentrations (ng/mL) and pharmacokinetic parameters in monkeys",
        &[&["Time (h)", "Animal", "Animal"], &["Time (h)", "1001M", "1501F"]],
        &[&["0.5", "523", "370"], &["24", "38.2", "9.7"], &["Cmax (ng/mL)", "678", "461"], &["Tmax (h)", "2", "1"]],
    );
    let records = table_records(&t);
    let conc: Vec<(&str, &str)> = records
        .iter()
        .filter(|r| r.parameter.as_deref() == Some("CONC"))
        .filter_map(|r| Some((r.context.subject.as_deref()?, r.context.time.as_deref()?)))
        .collect();
    assert_eq!(conc, [("1001M", "0.5 h"), ("1501F", "0.5 h"), ("1001M", "24 h"), ("1501F", "24 h")]);
    assert_eq!(records.iter().filter(|r| r.parameter.as_deref() == Some("CMAX")).count(), 2);
}

#[test]
fn sampling_times_with_a_footnote_mark_glued_to_their_number() {
    // `0.5a` (a, end of infusion) down a long table's time column; `44b` across.
    let mut t = table(
        "Table 2. Plasma cefalotrem concentrations in critically ill patients",
        &[&["Patient", "Time after start of infusion (h)", "Cefalotrem (mg/L)"]],
        &[&["ICU-01", "0.5a", "87.4"], &["ICU-01", "1", "81.2"], &["ICU-01", "8b", "28.9"]],
    );
    t.footnote = Some("a End of infusion. b Drawn immediately before the second dose.".into());
    let times: Vec<String> = table_records(&t).iter().filter_map(|r| r.context.time.clone()).collect();
    assert_eq!(times, ["0.5 h", "1 h", "8 h"]);
}

#[test]
fn activity_in_international_units_keeps_its_unit_as_printed() {
    // A heparin's anti-Xa activity: `Cmax, IU/mL (mean ± SD)` is a Cmax whose unit converts
    // to no mass unit, so its canonical unit stays null and the printed one is kept.
    let t = table(
        "Table 2. Anti-Xa pharmacokinetic parameters after a subcutaneous dose of a low-molecular-weight heparin",
        &[&["Group", "Cmax, IU/mL (mean ± SD)", "AUC0–24, IU·h/mL (mean ± SD)", "CL/F, L/h (mean ± SD)"]],
        &[&["Normal weight", "0.98 ± 0.17", "8.64 ± 1.52", "0.81 ± 0.14"]],
    );
    let records = table_records(&t);
    type Read<'a> = (Option<&'a str>, Option<f64>, Option<&'a str>, Option<&'a str>);
    let shown: Vec<Read> =
        records.iter().map(|r| (r.parameter.as_deref(), r.value, r.unit_raw.as_deref(), r.unit.as_deref())).collect();
    assert_eq!(
        shown,
        [
            (Some("CMAX"), Some(0.98), Some("IU/mL"), None),
            (Some("AUCINT"), Some(8.64), Some("IU·h/mL"), None),
            (Some("CLFO"), Some(0.81), Some("L/h"), Some("L/h")),
        ]
    );
    // Per subject, a column of anti-Xa levels in IU/mL is a concentration column.
    let t = table(
        "Table 3. Individual anti-Xa levels after the third dose",
        &[&["Patient", "Time after dose (h)", "Anti-Xa (IU/mL)"]],
        &[&["P1", "4", "0.62"], &["P1", "12", "0.21"]],
    );
    let records = table_records(&t);
    let conc: Vec<(Option<f64>, Option<&str>, Option<&str>)> = records
        .iter()
        .filter(|r| r.parameter.as_deref() == Some("CONC"))
        .map(|r| (r.value, r.context.time.as_deref(), r.unit_raw.as_deref()))
        .collect();
    assert_eq!(conc, [(Some(0.62), Some("4 h"), Some("IU/mL")), (Some(0.21), Some("12 h"), Some("IU/mL"))]);
}

#[test]
fn minutes_in_a_row_of_units_under_the_headers() {
    // `Time after start of infusion` over `min`, each patient over `mg/L`: `min` among units
    // is minutes, not a column of minima.
    let t = table(
        "Table 2. Serum concentrations in patients after the first dose",
        &[&["Time after start of infusion", "Pt 1", "Pt 2"], &["min", "mg/L", "mg/L"]],
        &[&["30", "11.8", "14.7"], &["60", "22.6", "28.5"]],
    );
    let records = table_records(&t);
    let conc: Vec<(&str, &str, Option<&str>)> = records
        .iter()
        .filter_map(|r| Some((r.context.subject.as_deref()?, r.context.time.as_deref()?, r.unit_raw.as_deref())))
        .collect();
    assert_eq!(
        conc,
        [
            ("Pt 1", "30 min", Some("mg/L")),
            ("Pt 2", "30 min", Some("mg/L")),
            ("Pt 1", "60 min", Some("mg/L")),
            ("Pt 2", "60 min", Some("mg/L"))
        ]
    );
}

#[test]
fn peak_and_trough_anti_xa_activity() {
    // Therapeutic monitoring of a heparin: the activity's unit in the caption, peaks and
    // troughs named with the activity after the word.
    let mut t = table(
        "Table 2. Plasma anti-Xa activity (IU/mL) in individual patients",
        &[&["Patient", "Day 2", "Day 2", "Day 5", "Day 5"], &["Patient", "Trough", "Peak", "Trough", "Peak"]],
        &[&["1", "0.11", "0.39", "0.16", "0.42"], &["2", "<0.10", "0.26", "<0.10", "0.29"]],
    );
    t.footnote = Some("Trough: immediately before the morning dose; peak: 4 h after the morning dose.".into());
    let records = table_records(&t);
    let read: Vec<(Option<f64>, Option<&str>, Option<&str>)> =
        records.iter().map(|r| (r.value, r.context.time.as_deref(), r.unit_raw.as_deref())).collect();
    assert_eq!(read.len(), 8);
    assert_eq!(read[0], (Some(0.11), Some("day 2, trough"), Some("IU/mL")));
    let t = table(
        "Table 3. Anti-factor Xa pharmacokinetics across pregnancy",
        &[&["Parameter", "First trimester", "Postpartum"]],
        &[&["Peak anti-Xa activity (IU/mL)", "0.92", "0.95"], &["Trough anti-Xa level (IU/mL)", "0.21", "0.22"]],
    );
    let records = table_records(&t);
    let codes: Vec<Option<&str>> = records.iter().map(|r| r.parameter.as_deref()).collect();
    assert_eq!(codes, [Some("CMAX"), Some("CMAX"), Some("CTROUGH"), Some("CTROUGH")]);
}

#[test]
fn sampling_days_of_treatment_cycles() {
    // Oncology: `Cycle 1 Day 1` over its times, then `C1D8` and `C2D1` troughs, the cycle's
    // length in the caption.
    let t = table(
        "Table 3. Individual plasma concentrations (ng/mL) of zelmarafenib by cycle and day (28-day cycles)",
        &[
            &["Patient", "Cycle 1 Day 1", "Cycle 1 Day 1", "C1D8", "C2D1"],
            &["Patient", "Pre-dose", "4 h", "Pre-dose", "Pre-dose"],
        ],
        &[&["01-003", "BLQ", "907", "1069", "676"]],
    );
    let records = table_records(&t);
    let times: Vec<&str> = records.iter().filter_map(|r| r.context.time.as_deref()).collect();
    assert_eq!(times, ["day 1, pre-dose", "day 1, 4 h", "day 8, pre-dose", "day 29, pre-dose"]);
}

#[test]
fn treatment_cycle_days_over_the_symbols_they_time() {
    // `C1D8` and `Cycle 2 Day 1` spanning each day's `C0 | C2`, the symbols defined in the
    // footnote and the cycle's length in the caption: the days counted through the cycles.
    let mut t = table(
        "Table 2. Plasma concentrations (ng/mL) of zelmarafenib on C1D8 and C2D1 (21-day cycles)",
        &[&["Patient", "C1D8", "C1D8", "Cycle 2 Day 1", "Cycle 2 Day 1"], &["", "C0", "C2", "C0", "C2"]],
        &[&["1", "212", "455", "240", "498"]],
    );
    t.footnote = Some("C0, trough (pre-dose) concentration; C2, concentration 2 h after the dose.".into());
    let records = table_records(&t);
    let seen: Vec<(Option<&str>, Option<&str>)> =
        records.iter().map(|r| (r.parameter.as_deref(), r.context.time.as_deref())).collect();
    assert_eq!(
        seen,
        [
            (Some("CTROUGH"), Some("day 8, pre-dose")),
            (Some("CONC"), Some("day 8, 2 h")),
            (Some("CTROUGH"), Some("day 22, pre-dose")),
            (Some("CONC"), Some("day 22, 2 h"))
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn a_subjects_trough_defined_as_drawn_before_the_dose_is_timed() {
    // `C0, pre-dose trough; C2, 2 h after the morning dose` over each patient's values: the
    // trough at the dose, the C2 two hours after; a parameter table's `Ctrough` stays untimed.
    let mut t = table(
        "Table 2. Whole-blood sirotacrin concentrations in each patient",
        &[&["Patient", "C0 (ng/mL)", "C2 (ng/mL)"]],
        &[&["TR-01", "8.9", "29.0"], &["TR-02", "7.9", "25.7"]],
    );
    t.footnote = Some("C0, pre-dose trough; C2, 2 h after the morning dose.".into());
    let records = table_records(&t);
    let times: Vec<(Option<&str>, Option<&str>)> =
        records.iter().map(|r| (r.parameter.as_deref(), r.context.time.as_deref())).collect();
    assert_eq!(
        times,
        [
            (Some("CTROUGH"), Some("pre-dose")),
            (Some("CTROUGH"), Some("pre-dose")),
            (Some("CONC"), Some("2 h")),
            (Some("CONC"), Some("2 h"))
        ]
    );
    let t = table(
        "Table 3. Individual pharmacokinetic parameters",
        &[&["Patient", "Cmax (µg/mL)", "Ctrough (µg/mL)"]],
        &[&["1", "43.8", "1.17"]],
    );
    assert!(table_records(&t).iter().all(|r| r.context.time.is_none()));
}

#[test]
fn spreads_on_the_line_below_their_values() {
    // Medians with their ranges in parentheses on the line below, the stub blank there.
    let t = table(
        "Table 3. Pharmacokinetic parameters by age group. Values are medians, with ranges in parentheses on the line below",
        &[&["Parameter", "Neonates", "Infants"]],
        &[
            &["Cmax (mg/L)", "71.4", "84.2"],
            &["", "(52.0–92.8)", "(61.5–110)"],
            &["t½ (h)", "4.1", "2.0"],
            &["", "(2.6–6.9)", "(1.3–3.1)"],
        ],
    );
    insta::assert_snapshot!(show(&table_records(&t)), @r#"
    CMAX Some(71.4) median None Some("range 52-92.8") Some("mg/L") Some("ng/mL")->Some(71400.0) "71.4 (52.0–92.8)" n=None group=Some("Neonates") route=None species=Some("human")
    CMAX Some(84.2) median None Some("range 61.5-110") Some("mg/L") Some("ng/mL")->Some(84200.0) "84.2 (61.5–110)" n=None group=Some("Infants") route=None species=Some("human")
    LAMZHL Some(4.1) median None Some("range 2.6-6.9") Some("h") Some("h")->Some(4.1) "4.1 (2.6–6.9)" n=None group=Some("Neonates") route=None species=Some("human")
    LAMZHL Some(2.0) median None Some("range 1.3-3.1") Some("h") Some("h")->Some(2.0) "2.0 (1.3–3.1)" n=None group=Some("Infants") route=None species=Some("human")
    "#);
}

#[test]
fn milk_residues_per_kilogram_by_numbered_milking() {
    // Residues in milk in µg/kg, each milking numbered with its time in brackets.
    let t = table(
        "Table 3. Cefapirox concentrations (µg/kg) in composite milk of individual cows by milking after the last treatment",
        &[&["Cow (ear tag)", "M1 (12 h)", "M2 (24 h)"]],
        &[&["DE 0934 5512", "654", "286"]],
    );
    let records = table_records(&t);
    let read: Vec<(Option<f64>, Option<&str>, Option<&str>)> =
        records.iter().map(|r| (r.value, r.context.time.as_deref(), r.unit_raw.as_deref())).collect();
    assert_eq!(read, [(Some(654.0), Some("12 h"), Some("µg/kg")), (Some(286.0), Some("24 h"), Some("µg/kg"))]);
}

#[test]
fn a_crossovers_sequences_and_subjects_with_what_the_header_says_of_them() {
    // `Sequence` over `AB | BA` (`BA` is no bioavailability): each subject's row.
    let t = table(
        "Table 2. Individual pharmacokinetic parameters with and without food",
        &[&["Subject", "Sequence", "Period", "Treatment", "Cmax (ng/mL)"]],
        &[
            &["01", "AB", "1", "A (fasted)", "1120"],
            &["", "", "2", "B (fed)", "742"],
            &["02", "BA", "2", "A (fasted)", "865"],
        ],
    );
    let records = table_records(&t);
    let read: Vec<(Option<&str>, Option<&str>, Option<f64>)> =
        records.iter().map(|r| (r.parameter.as_deref(), r.context.subject.as_deref(), r.value)).collect();
    assert_eq!(
        read,
        [
            (Some("CMAX"), Some("01"), Some(1120.0)),
            (Some("CMAX"), Some("01"), Some(742.0)),
            (Some("CMAX"), Some("02"), Some(865.0))
        ]
    );
    // A patient's column headed with a covariate on its second line.
    let t = table(
        "Table 3. Individual pharmacokinetic parameters",
        &[&["Parameter", "Unit", "Patient 1 CLCR 62 mL/min", "Patient 2 Haemodialysis"]],
        &[&["Cmax", "ng/mL", "845", "1184"]],
    );
    let subjects: Vec<Option<String>> = table_records(&t).into_iter().map(|r| r.context.subject).collect();
    assert_eq!(subjects, [Some("Patient 1".to_owned()), Some("Patient 2".to_owned())]);
}

#[test]
fn subjects_by_word_and_number_printed_once_under_a_blank_stub_header() {
    let t = table(
        "Table 1. Concentrations during CVVHDF after a 2 g dose",
        &[&["", "Time after dose (h)", "Pre-filter plasma (mg/L)"]],
        &[&["Patient 1", "0.5", "88.2"], &["", "1", "71.5"], &["Patient 2", "0.5", "92.0"]],
    );
    let subjects: Vec<Option<String>> = table_records(&t).into_iter().map(|r| r.context.subject).collect();
    assert_eq!(subjects, [Some("Patient 1".to_owned()), Some("Patient 1".to_owned()), Some("Patient 2".to_owned())]);
}

#[test]
fn a_row_declaring_the_statistic_of_the_rows_under_it() {
    // Demographics as median (range) above, then ` | Geometric mean (CV%)` spanning the
    // groups over the PK rows.
    let t = table(
        "Table 2. Pharmacokinetic parameters by age band",
        &[&["Variable", "2 to <6 years", "6 to <12 years"]],
        &[
            &["", "Geometric mean (CV%)", "Geometric mean (CV%)"],
            &["Cmax (mg/L)", "98.4 (24)", "104 (19)"],
            &["CL (L/h/kg)", "0.254 (29)", "0.229 (25)"],
        ],
    );
    let records = table_records(&t);
    let read: Vec<(&str, Option<&str>)> =
        records.iter().map(|r| (r.statistic.as_str(), r.dispersion.as_ref().map(|d| d.kind.as_str()))).collect();
    assert_eq!(read, [("geometric_mean", Some("CV%")); 4]);
}

#[test]
fn a_statistic_alone_in_the_top_left_cell_over_parameter_names() {
    let t = table(
        "Supplementary Table S4. Empirical Bayes estimates in neonates with and without ECMO",
        &[&["Median [IQR]", "ECMO (n = 12)", "No ECMO (n = 18)"]],
        &[
            &["CL (L/h/kg)", "0.058 [0.047–0.071]", "0.081 [0.066–0.097]"],
            &["V (L/kg)", "0.82 [0.69–0.98]", "0.61 [0.53–0.70]"],
        ],
    );
    let records = table_records(&t);
    let read: Vec<(&str, Option<&str>)> =
        records.iter().map(|r| (r.statistic.as_str(), r.interval.as_ref().map(|i| i.kind.as_str()))).collect();
    assert_eq!(read, [("median", Some("IQR")); 4]);
}

#[test]
fn a_count_spanning_rows_counts_each_row_and_a_missing_row_is_no_section() {
    // `n` printed once over two parameters' rows (a row span, as the HTML reader lists
    // it): each row's count. A row of `NA` across the groups names no section.
    let mut t = table(
        "Table 2. Pharmacokinetic parameters after an oral dose (mean ± SD)",
        &[&["Parameter", "n", "Oral"]],
        &[
            &["Cmax (ng/mL)", "12", "845 ± 120"],
            &["AUC0–∞ (ng·h/mL)", "12", "9120 ± 1500"],
            &["", "NA", "NA"],
            &["t½ (h)", "8", "6.1 ± 1.2"],
        ],
    );
    t.spanned = vec![[1, 1]];
    let records = table_records(&t);
    let read: Vec<(Option<u32>, Option<&str>)> = records.iter().map(|r| (r.n, r.context.group.as_deref())).collect();
    assert_eq!(read, [(Some(12), Some("Oral")), (Some(12), Some("Oral")), (Some(8), Some("Oral"))]);
}

#[test]
fn named_animals_over_the_compounds_the_caption_names() {
    // Three named elephants, each over the drug and its metabolite, the caption counting them.
    let t = table(
        "Table 1. Plasma concentrations (ng/mL) of famcivax and its active metabolite pencivax in three Asian elephants",
        &[
            &["Time (h)", "Kanya", "Kanya", "Mali", "Mali", "Boon", "Boon"],
            &["Time (h)", "Famcivax", "Pencivax", "Famcivax", "Pencivax", "Famcivax", "Pencivax"],
        ],
        &[&["0.5", "42.1", "118", "28.4", "86.5", "55.0", "142"], &["1", "35.6", "356", "30.2", "244", "41.7", "401"]],
    );
    let records = table_records(&t);
    let subjects: Vec<&str> = records.iter().filter_map(|r| r.context.subject.as_deref()).collect();
    assert_eq!(subjects.len(), 12);
    for name in ["Kanya", "Mali", "Boon"] {
        assert_eq!(subjects.iter().filter(|s| **s == name).count(), 4);
    }
    let kanya = |analyte: &str| -> Vec<&str> {
        records
            .iter()
            .filter(|r| r.context.subject.as_deref() == Some("Kanya") && r.context.analyte.as_deref() == Some(analyte))
            .map(|r| r.value_raw.as_str())
            .collect()
    };
    assert_eq!(kanya("Famcivax"), ["42.1", "35.6"]);
    assert_eq!(kanya("Pencivax"), ["118", "356"]);
}

#[test]
fn subjects_named_over_a_unit_row() {
    // Dogs by name over a row of units, times down, a summary column beside them; one
    // dog's name is also a statistic's (`Max`), the caption counting three.
    let t = table(
        "Table 2. Plasma concentrations of quelbofloxin in three dogs after a single oral dose of 5 mg/kg",
        &[&["Time (h)", "Bella", "Max", "Luna", "Mean ± SD"], &["", "µg/mL", "µg/mL", "µg/mL", "µg/mL"]],
        &[&["0.25", "1.16", "1.22", "0.99", "1.12 ± 0.12"], &["0.5", "1.71", "1.76", "1.60", "1.69 ± 0.08"]],
    );
    let records = table_records(&t);
    let seen: Vec<(Option<&str>, Option<&str>, Option<&str>)> =
        records.iter().map(|r| (r.context.subject.as_deref(), r.context.time.as_deref(), r.unit.as_deref())).collect();
    assert_eq!(
        seen[..3],
        [
            (Some("Bella"), Some("0.25 h"), Some("ng/mL")),
            (Some("Max"), Some("0.25 h"), Some("ng/mL")),
            (Some("Luna"), Some("0.25 h"), Some("ng/mL"))
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn specimens_over_a_unit_row_beside_the_time_since_the_dose() {
    // Mother-cord pairs at delivery: the specimens over a row of units, the hours from the
    // last dose to delivery the samples' time.
    let t = table(
        "Table 2. Maternal and cord plasma labetrine concentrations at delivery",
        &[
            &["Pair", "Maternal dose (mg/day)", "Last dose to delivery (h)", "Maternal plasma", "Cord plasma"],
            &["", "", "", "ng/mL", "ng/mL"],
        ],
        &[&["1", "600", "3.5", "412", "198"], &["2", "800", "6.0", "356", "187"]],
    );
    let records = table_records(&t);
    let seen: Vec<_> = records
        .iter()
        .map(|r| (r.context.subject.as_deref(), r.context.time.as_deref(), r.context.matrix.as_deref(), r.value))
        .collect();
    assert_eq!(
        seen,
        [
            (Some("1"), Some("3.5 h"), Some("plasma"), Some(412.0)),
            (Some("2"), Some("6.0 h"), Some("plasma"), Some(356.0)),
            (Some("1"), Some("3.5 h"), Some("cord blood"), Some(198.0)),
            (Some("2"), Some("6.0 h"), Some("cord blood"), Some(187.0)),
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn a_parameter_column_beside_the_concentrations_of_specimens() {
    // Residue depletion: tissues down, concentrations across under the withdrawal days, and
    // a column of each tissue's depletion half-life.
    let t = table(
        "Table 4. Tilmicozone residue concentrations (µg/kg, mean ± SD, n = 6 birds per time) in edible tissues of broiler chickens",
        &[
            &["Tissue", "Withdrawal time (days)", "Withdrawal time (days)", "Depletion t½ (days)"],
            &["Tissue", "1", "3", "Depletion t½ (days)"],
        ],
        &[&["Muscle", "142.5 ± 38.6", "48.2 ± 15.1", "1.33"], &["Liver", "1,864 ± 412", "735 ± 188", "1.59"]],
    );
    let records = table_records(&t);
    let seen: Vec<_> = records
        .iter()
        .map(|r| {
            (r.parameter.as_deref(), r.unit_raw.as_deref(), r.context.matrix.as_deref(), r.context.time.as_deref())
        })
        .collect();
    assert_eq!(
        seen,
        [
            (Some("CONC"), Some("µg/kg"), Some("muscle tissue"), Some("1 day")),
            (Some("CONC"), Some("µg/kg"), Some("muscle tissue"), Some("3 day")),
            (Some("LAMZHL"), Some("days"), Some("muscle tissue"), None),
            (Some("CONC"), Some("µg/kg"), Some("liver tissue"), Some("1 day")),
            (Some("CONC"), Some("µg/kg"), Some("liver tissue"), Some("3 day")),
            (Some("LAMZHL"), Some("days"), Some("liver tissue"), None),
        ],
        "{}",
        show(&records)
    );
    assert_eq!(table_context(&t).context.drug.as_deref(), None);
}

#[test]
fn model_estimates_with_their_standard_errors_under_the_groups() {
    // Naive-pooled estimates of fish at two temperatures, `Estimate (SE)` spanning the
    // specimens' columns in a third header row.
    let t = table(
        "Table 2. Pharmacokinetic parameters of oxalinazone in Atlantic salmon at two water temperatures",
        &[
            &["Parameter", "Unit", "8 °C", "8 °C", "14 °C", "14 °C"],
            &["Parameter", "Unit", "Plasma", "Muscle + skin", "Plasma", "Muscle + skin"],
            &["", "", "Estimate (SE)", "Estimate (SE)", "Estimate (SE)", "Estimate (SE)"],
        ],
        &[&["Cmax", "µg/mL", "2.86 (0.31)", "4.12 (0.45)", "3.54 (0.38)", "5.03 (0.52)"]],
    );
    let records = table_records(&t);
    let seen: Vec<(Option<f64>, Statistic, Option<String>)> =
        records.iter().map(|r| (r.value, r.statistic, r.dispersion.as_ref().map(|d| d.kind.clone()))).collect();
    assert_eq!(seen[0], (Some(2.86), Statistic::Value, Some("SE".to_owned())), "{}", show(&records));
    assert_eq!(records.len(), 4, "{}", show(&records));
}

#[test]
fn a_models_estimate_column_with_its_standard_error_however_it_is_named() {
    // `Final estimate (SE)`, `Value (SE)`, `Typical value (SE)` label one column of
    // estimates with their standard errors, as `Estimate (SE)` does: no group `Final
    // estimate` of SE values, and the estimate a value.
    for header in ["Final estimate (SE)", "Value (SE)", "Typical value (SE)", "Population estimate (SE)"] {
        let t = table(
            "Table 3. Parameter estimates of the final population pharmacokinetic model of velaprazine",
            &[&["Parameter", header]],
            &[&["CL/F (L/h)", "4.12 (0.38)"], &["V/F (L)", "61.5 (7.2)"], &["IIV CL/F (%)", "32.1 (4.4)"]],
        );
        let records = table_records(&t);
        let seen: Vec<_> = records
            .iter()
            .map(|r| {
                (
                    r.parameter.as_deref(),
                    r.value,
                    r.statistic,
                    r.dispersion.as_ref().map(|d| (d.kind.as_str(), d.value)),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                (Some("CLFO"), Some(4.12), Statistic::Value, Some(("SE", 0.38))),
                (Some("VZFO"), Some(61.5), Statistic::Value, Some(("SE", 7.2)))
            ],
            "{header}: {}",
            show(&records)
        );
    }
}

#[test]
fn a_unit_for_fluids_and_tissues_is_each_specimens_own() {
    // `µg/mL; µg/g` in a unit column over plasma and muscle columns: per mL in plasma, per g
    // in muscle.
    let t = table(
        "Table 2. Pharmacokinetic parameters of oxalinazone in Atlantic salmon",
        &[&["Parameter", "Unit", "Plasma", "Muscle + skin"]],
        &[&["Cmax", "µg/mL; µg/g", "2.86", "4.12"], &["AUC0–∞", "µg·h/mL or µg·h/g", "268", "612"]],
    );
    let records = table_records(&t);
    let units: Vec<Option<&str>> = records.iter().map(|r| r.unit_raw.as_deref()).collect();
    assert_eq!(units, [Some("µg/mL"), Some("µg/g"), Some("µg·h/mL"), Some("µg·h/g")], "{}", show(&records));
    // Or in the parameter's header, the specimens down.
    let t = table(
        "Table 2. Ocular and plasma pharmacokinetic parameters of oculafenac in rabbits",
        &[&["Matrix", "Cmax (ng/mL or ng/g)"]],
        &[&["Aqueous humor", "386"], &["Iris–ciliary body", "1,980"]],
    );
    let records = table_records(&t);
    let units: Vec<Option<&str>> = records.iter().map(|r| r.unit_raw.as_deref()).collect();
    assert_eq!(units, [Some("ng/mL"), Some("ng/g")], "{}", show(&records));
}

#[test]
fn animals_by_ear_tag_after_their_pen_and_withdrawal_time() {
    // Residues per animal: the pen and the withdrawal time printed before the ear tags,
    // each tissue under the residue's header.
    let t = table(
        "Table 3. Gamirolide marker residue concentrations in edible tissues of individual calves",
        &[
            &["Pen", "Withdrawal time (days)", "Ear tag", "Gamirolide residue (µg/kg)", "Gamirolide residue (µg/kg)"],
            &["Pen", "Withdrawal time (days)", "Ear tag", "Liver", "Kidney"],
        ],
        &[
            &["1", "7", "4466", "2230", "3268"],
            &["1", "7", "4472", "5365", "4088"],
            &["2", "14", "4489", "679", "1451"],
        ],
    );
    let records = table_records(&t);
    let seen: Vec<(Option<&str>, Option<&str>, Option<&str>)> = records
        .iter()
        .map(|r| (r.context.subject.as_deref(), r.context.time.as_deref(), r.context.matrix.as_deref()))
        .collect();
    assert_eq!(
        [seen[0], seen[3]],
        [(Some("4466"), Some("7 day"), Some("liver tissue")), (Some("4466"), Some("7 day"), Some("kidney tissue"))],
        "{}",
        show(&records)
    );
    assert_eq!(records.len(), 6, "{}", show(&records));
}

#[test]
fn named_animals_over_their_specimens() {
    // Horses by name, each over its serum and synovial fluid (`SF`, defined in the footnote).
    let mut t = table(
        "Table 1. Deltacortavone concentrations (ng/mL) in serum and synovial fluid (SF) of each horse",
        &[
            &["Time (h)", "Comet", "Comet", "Juniper", "Juniper", "Baron", "Baron"],
            &["Time (h)", "Serum", "SF", "Serum", "SF", "Serum", "SF"],
        ],
        &[&["0.5", "1.19", "440", "0.978", "646", "1.15", "524"]],
    );
    t.footnote = Some("SF, synovial fluid from the injected joint.".into());
    let records = table_records(&t);
    let seen: Vec<(Option<&str>, Option<&str>)> =
        records.iter().map(|r| (r.context.subject.as_deref(), r.context.matrix.as_deref())).collect();
    assert_eq!(
        seen,
        [
            (Some("Comet"), Some("serum")),
            (Some("Comet"), Some("synovial fluid")),
            (Some("Juniper"), Some("serum")),
            (Some("Juniper"), Some("synovial fluid")),
            (Some("Baron"), Some("serum")),
            (Some("Baron"), Some("synovial fluid"))
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn a_concentration_with_its_sampling_time_in_the_cell() {
    // The unit after the header's comma, a clause in brackets after it; each cell the
    // concentration and, in brackets, its time (on the same line or the next).
    let t = table(
        "Table 1. Patient characteristics and measured serum plazobramycin concentrations",
        &[
            &[
                "Patient",
                "Age (y)",
                "Serum concentration, mg/L (time after start of infusion)",
                "Serum concentration, mg/L (time after start of infusion)",
            ],
            &["Patient", "Age (y)", "Sample 1", "Sample 2"],
        ],
        &[&["1", "16", "25.7 (0.5 h)", "16.8 / (2.1 h)"]],
    );
    let records = table_records(&t);
    let seen: Vec<(Option<f64>, Option<&str>, Option<&str>)> =
        records.iter().map(|r| (r.value, r.unit_raw.as_deref(), r.context.time.as_deref())).collect();
    assert_eq!(
        seen,
        [(Some(25.7), Some("mg/L"), Some("0.5 h")), (Some(16.8), Some("mg/L"), Some("2.1 h"))],
        "{}",
        show(&records)
    );
}

#[test]
fn a_time_columns_unit_said_in_the_footnote() {
    // `Time since dose` over bare numbers, the footnote saying they are minutes; synovium a
    // specimen.
    let mut t = table(
        "Table 2. Serum and tissue concentrations of cefivorane at the time of tissue sampling in each patient",
        &[&["Patient", "Time since dose", "Serum (µg/mL)", "Synovium (µg/g)"]],
        &[&["1", "61", "58.6", "19.1"], &["2", "57", "49.8", "17.7"]],
    );
    t.footnote = Some("Time since dose is given in minutes from the end of the bolus to tissue sampling.".into());
    let records = table_records(&t);
    let seen: Vec<_> = records
        .iter()
        .map(|r| (r.context.subject.as_deref(), r.context.time.as_deref(), r.context.matrix.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [
            (Some("1"), Some("61 min"), Some("serum")),
            (Some("2"), Some("57 min"), Some("serum")),
            (Some("1"), Some("61 min"), Some("synovium")),
            (Some("2"), Some("57 min"), Some("synovium"))
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn a_table_continued_across_a_page() {
    // The page break converted with the table: a `Table 3 (continued)` row and the header
    // repeated inside the body give no records and no group.
    let t = table(
        "Table 3. FVIII pharmacokinetics by age group (geometric mean (CV%))",
        &[&["Age group", "Cmax (IU/mL)", "Total CL (mL/h/kg)"]],
        &[
            &["<6 years", "0.91 (21.0)", "3.9 (25.1)"],
            &["Table 3 (continued)", "Table 3 (continued)", "Table 3 (continued)"],
            &["Age group", "Cmax (IU/mL)", "Total CL (mL/h/kg)"],
            &["≥18 years", "1.12 (17.2)", "2.6 (19.9)"],
        ],
    );
    let records = table_records(&t);
    let seen: Vec<_> = records.iter().map(|r| (r.parameter.as_deref(), r.value, r.context.group.as_deref())).collect();
    assert_eq!(
        seen,
        [
            (Some("CMAX"), Some(0.91), Some("<6 years")),
            (Some("CMAX"), Some(1.12), Some("≥18 years")),
            (Some("CLO"), Some(3.9), Some("<6 years")),
            (Some("CLO"), Some(2.6), Some("≥18 years"))
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn units_the_caption_gives_one_analyte_apart() {
    // `Cmax in µg/mL (ng/mL for SN-77)`: the metabolite's row takes its own unit; `CL in
    // L/h/m²` per body surface area.
    let t = table(
        "Table 3. Plasma pharmacokinetics of irvotecan and its metabolite SN-77. Cmax in µg/mL (ng/mL for SN-77), CL in L/h/m²",
        &[&["Analyte", "Cmax", "CL"]],
        &[&["Total irvotecan", "36.8 (9.4)", "0.0524 (0.0261)"], &["SN-77", "4.83 (2.91)", "–"]],
    );
    let records = table_records(&t);
    let units: Vec<_> = records.iter().map(|r| (r.parameter.as_deref(), r.unit_raw.as_deref())).collect();
    assert_eq!(
        units,
        [(Some("CMAX"), Some("µg/mL")), (Some("CMAX"), Some("ng/mL")), (Some("CLO"), Some("L/h/m²"))],
        "{}",
        show(&records)
    );
}

#[test]
fn each_groups_species() {
    // Two species side by side: each group's own, before the caption's first.
    let t = table(
        "Table 2. Pharmacokinetic parameters of metaprofen in camels and horses after 2.2 mg/kg IV",
        &[&["Parameter", "Camels (n = 6)", "Horses (n = 5)"]],
        &[&["Cl (ml/min/kg)", "1.2", "2.3"]],
    );
    let species: Vec<_> = table_records(&t).iter().map(|r| r.context.species.clone()).collect();
    assert_eq!(species, [Some("camel".to_owned()), Some("horse".to_owned())]);
}

#[test]
fn post_mortem_specimens_by_case_under_the_captions_unit_unless_stated_otherwise() {
    // Forensic toxicology: blood by its site, vitreous humour, liver in its own unit and the
    // gastric content, each case a row; the caption's unit for all but the liver's.
    let t = table(
        "Table 2. Post-mortem dolaxetine concentrations by case (mg/L unless stated otherwise)",
        &[&["Case", "Femoral blood", "Heart blood", "Vitreous humour", "Liver (mg/kg)", "Gastric content", "PMI (h)"]],
        &[&["1", "1.1", "2.9", "0.21", "18.3", "28.4", "18"], &["2", "2.0", "4.4", "0.26", "39.6", "73.7", "36"]],
    );
    let read: Vec<(String, String, f64, String)> = table_records(&t)
        .iter()
        .filter(|r| r.context.subject.as_deref() == Some("1"))
        .map(|r| {
            (
                r.context.matrix.clone().unwrap_or_default(),
                r.unit_raw.clone().unwrap_or_default(),
                r.value.unwrap(),
                r.parameter.clone().unwrap_or_default(),
            )
        })
        .collect();
    let expected = [
        ("femoral blood", "mg/L", 1.1),
        ("heart blood", "mg/L", 2.9),
        ("vitreous humour", "mg/L", 0.21),
        ("liver tissue", "mg/kg", 18.3),
        ("gastric content", "mg/L", 28.4),
    ]
    .map(|(m, u, v)| (m.to_owned(), u.to_owned(), v, "CONC".to_owned()));
    assert_eq!(read, expected);
}

#[test]
fn intracellular_anabolites_per_cells_beside_plasma_and_the_nominal_time_where_no_actual_one() {
    // A nucleoside analogue's triphosphate in PBMCs (`fmol/10^6 cells`, its abbreviation
    // defined in the footnote) beside the parent in plasma; the pre-dose sample has no
    // actual time (`—`): its nominal one.
    let mut t = table(
        "Table 4. Individual plasma velarabine and intracellular VLB-TP concentrations on day 14",
        &[&["Subject", "Nominal time", "Actual time (h)", "Plasma velarabine (ng/mL)", "PBMC VLB-TP (fmol/10⁶ cells)"]],
        &[&["101", "Predose", "—", "169", "91.0"], &["", "1 h", "1.26", "2092", "107"]],
    );
    t.footnote = Some("Actual times are relative to the day-14 dose. VLB-TP, velarabine triphosphate.".into());
    let read: Vec<(String, String, String, String)> = table_records(&t)
        .iter()
        .map(|r| {
            let c = &r.context;
            (
                c.matrix.clone().unwrap_or_default(),
                c.analyte.clone().unwrap_or_default(),
                c.time.clone().unwrap_or_default(),
                r.unit_raw.clone().unwrap_or_default(),
            )
        })
        .collect();
    let expected = [
        ("plasma", "", "predose", "ng/mL"),
        ("plasma", "", "1.26 h", "ng/mL"),
        ("PBMC", "velarabine triphosphate", "predose", "fmol/10⁶ cells"),
        ("PBMC", "velarabine triphosphate", "1.26 h", "fmol/10⁶ cells"),
    ]
    .map(|(m, a, t, u)| (m.to_owned(), a.to_owned(), t.to_owned(), u.to_owned()));
    assert_eq!(read, expected);
    // An amount per cells has no canonical concentration: kept as printed, never converted.
    assert!(table_records(&t).iter().filter(|r| r.context.matrix.as_deref() == Some("PBMC")).all(|r| r.unit.is_none()));
}

#[test]
fn an_analyte_column_with_the_values_unit_and_a_hydroxy_metabolite_abbreviated() {
    // `Analyte (ng/mL)` over `Olaperidone | 9-OH-olaperidone`, each patient's two rows, the
    // visits across.
    let t = table(
        "Table 3. Individual trough plasma concentrations after the first injection",
        &[&["Patient", "Analyte (ng/mL)", "Week 1", "Week 2"]],
        &[&["P1", "Olaperidone", "5.40", "9.23"], &["", "9-OH-olaperidone", "8.14", "11.1"]],
    );
    let read: Vec<(String, String, String)> = table_records(&t)
        .iter()
        .map(|r| {
            let c = &r.context;
            (
                c.analyte.clone().unwrap_or_default(),
                c.time.clone().unwrap_or_default(),
                r.unit_raw.clone().unwrap_or_default(),
            )
        })
        .collect();
    let expected = [
        ("Olaperidone", "week 1", "ng/mL"),
        ("9-OH-olaperidone", "week 1", "ng/mL"),
        ("Olaperidone", "week 2", "ng/mL"),
        ("9-OH-olaperidone", "week 2", "ng/mL"),
    ]
    .map(|(a, t, u)| (a.to_owned(), t.to_owned(), u.to_owned()));
    assert_eq!(read, expected);
}

#[test]
fn each_spanning_headers_own_time_column_times_the_values_under_it() {
    // `At delivery` over the last dose-to-delivery interval and the delivery samples;
    // `Postpartum` over its own time after the dose and the milk samples.
    let t = table(
        "Table 2. Sertaline in maternal plasma and cord plasma at delivery, and in foremilk and hindmilk after delivery",
        &[
            &["Pair", "At delivery", "At delivery", "At delivery", "Postpartum", "Postpartum", "Postpartum"],
            &[
                "Pair",
                "Last dose to delivery (h)",
                "Maternal plasma (ng/mL)",
                "Umbilical cord plasma (ng/mL)",
                "Time after dose (h)",
                "Foremilk (ng/mL)",
                "Hindmilk (ng/mL)",
            ],
        ],
        &[&["1", "7.7", "26.5", "18.9", "8.0", "31.9", "56.4"], &["2", "22.0", "26.5", "18.2", "10.5", "28.4", "55.0"]],
    );
    let read: Vec<(String, String, f64)> = table_records(&t)
        .iter()
        .filter(|r| r.context.subject.as_deref() == Some("1"))
        .map(|r| {
            (r.context.matrix.clone().unwrap_or_default(), r.context.time.clone().unwrap_or_default(), r.value.unwrap())
        })
        .collect();
    let expected = [
        ("plasma", "7.7 h", 26.5),
        ("cord blood", "7.7 h", 18.9),
        ("foremilk", "8.0 h", 31.9),
        ("hindmilk", "8.0 h", 56.4),
    ]
    .map(|(m, t, v)| (m.to_owned(), t.to_owned(), v));
    assert_eq!(read, expected);
}

#[test]
fn a_case_reports_dates_by_month_and_clock_times_from_the_ingestion_in_a_note() {
    // One patient's total and free levels by date and clock time; the ingestion's date and
    // clock in the footnote: the time since it, each value the patient's own.
    let mut t = table(
        "Table 1. Serum velproate concentrations after the ingestion",
        &[&["Date", "Clock time", "Total velproate (mg/L)", "Free velproate (mg/L)"]],
        &[
            &["15 June", "01:00", "412", "198"],
            &["15 June", "23:00", "268", "101"],
            &["16 June", "11:00", "174", "52.3"],
        ],
    );
    t.title = Some("Massive ingestion of modified-release velproate: a case report".into());
    t.footnote = Some("Ingestion of about 12 g of velproate was estimated at 23:00 on 14 June.".into());
    let read: Vec<(String, String, String, Option<String>)> = table_records(&t)
        .iter()
        .map(|r| {
            let c = &r.context;
            (
                c.analyte.clone().unwrap_or_default(),
                c.time.clone().unwrap_or_default(),
                format!("{:?}", r.statistic),
                c.group.clone(),
            )
        })
        .collect();
    let total = |time: &str| ("velproate".to_owned(), time.to_owned(), "Individual".to_owned(), None);
    let free = |time: &str| ("velproate (unbound)".to_owned(), time.to_owned(), "Individual".to_owned(), None);
    assert_eq!(read, [total("2 h"), total("24 h"), total("36 h"), free("2 h"), free("24 h"), free("36 h")]);
}

#[test]
fn clock_times_down_with_their_days_first_above_a_parameters_row() {
    // `Day 1, 08:00 (pre)` then clock times and `Day 2, 08:00`, the infusion started at 08:00
    // on day 1; a ratio's row under the samples keeps the times from being read.
    let t = table(
        "Table 2. Serum and CSF ceftavone concentrations (mg/L) after a 2 g dose infused over 30 min, started at 08:00 on day 1",
        &[&["Sampling time", "Patient A", "Patient A"], &["Sampling time", "Serum", "CSF"]],
        &[
            &["Day 1, 08:00 (pre)", "<0.5", "<0.5"],
            &["08:30 (end of infusion)", "168", "0.9"],
            &["20:00", "11.2", "5.1"],
            &["Day 2, 08:00", "2.1", "2.7"],
            &["AUCCSF/AUCserum (%)", "", "14.2"],
        ],
    );
    let times: Vec<String> = table_records(&t)
        .iter()
        .filter(|r| r.context.matrix.as_deref() == Some("serum"))
        .map(|r| r.context.time.clone().unwrap_or_default())
        .collect();
    assert_eq!(times, ["0 h", "0.5 h", "12 h", "24 h"]);
}

#[test]
fn sexes_under_each_parameter_over_a_unit_row() {
    // A toxicokinetic table: `Cmax` over `(ng/mL)` over `M | F`; `F` is the females, not a
    // bioavailability, and the unit row is no group.
    let t = table(
        "Table 5. Toxicokinetic parameters in dogs on Day 1 (mean (SD), n = 5/sex/group)",
        &[
            &["Dose (mg/kg/day)", "Cmax", "Cmax", "tmax", "tmax"],
            &["Dose (mg/kg/day)", "(ng/mL)", "(ng/mL)", "(h)", "(h)"],
            &["Dose (mg/kg/day)", "M", "F", "M", "F"],
        ],
        &[&["5", "412 (96)", "458 (121)", "2.0", "1.0"]],
    );
    let read: Vec<(String, f64, String)> = table_records(&t)
        .iter()
        .map(|r| {
            (r.parameter.clone().unwrap_or_default(), r.value.unwrap(), r.context.group.clone().unwrap_or_default())
        })
        .collect();
    let expected = [("CMAX", 412.0, "5 / M"), ("CMAX", 458.0, "5 / F"), ("TMAX", 2.0, "5 / M"), ("TMAX", 1.0, "5 / F")]
        .map(|(p, v, g)| (p.to_owned(), v, g.to_owned()));
    assert_eq!(read, expected);
}

#[test]
fn a_parameter_written_as_two_alternatives_one_per_route_and_a_mark_glued_to_a_symbol() {
    // `CL/F or CL` beside `150 mg SC | 300 mg IV`: each group's route's clearance; `F^c`
    // (the footnote defining `c`) is the bioavailability.
    let mut t = table(
        "Table 2. Serum pharmacokinetic parameters of velimab after subcutaneous or intravenous doses",
        &[&["Parameter", "150 mg SC (n = 8)", "300 mg IV (n = 8)"]],
        &[
            &["CL/F or CL, mL/day", "348 (35.8)", "195 (23.1)"],
            &["Vz/F or Vz, L", "10.7 (29.4)", "6.47 (19.8)"],
            &["Fc, %", "56.0", "—"],
        ],
    );
    t.footnote = Some("Data are geometric mean (geometric CV%). c Absolute bioavailability.".into());
    let records = table_records(&t);
    let codes: Vec<&str> = records.iter().filter_map(|r| r.parameter.as_deref()).collect();
    assert_eq!(codes, ["CLFO", "CLO", "VZFO", "VZO", "FABS"]);
}

#[test]
fn a_concentration_unit_column_gives_each_analytes_row_its_unit_and_no_value() {
    // `Analyte | Matrix | Concentration unit | Cmax | t½ (h)`: the parent in plasma (ng/mL),
    // its anabolite in PBMC (fmol/10^6 cells); the unit column's cells are no values.
    let t = table(
        "Table 3. Steady-state pharmacokinetics of zorvudine and its diphosphate; geometric mean (95% CI)",
        &[&["Analyte", "Matrix", "Concentration unit", "Cmax", "t½ (h)"]],
        &[
            &["ZVD", "Plasma", "ng/mL", "14.8 (11.9–18.4)", "31.5 (26.8–38.2)"],
            &["ZVD-DP", "PBMC", "fmol/10^6 cells", "412 (288–569)", "148 (102–211)"],
        ],
    );
    let read: Vec<(String, f64, String)> = table_records(&t)
        .iter()
        .map(|r| {
            (
                r.parameter.clone().unwrap_or_default(),
                r.value.unwrap_or_default(),
                r.unit_raw.clone().unwrap_or_default(),
            )
        })
        .collect();
    let expected =
        [("CMAX", 14.8, "ng/mL"), ("CMAX", 412.0, "fmol/10^6 cells"), ("LAMZHL", 31.5, "h"), ("LAMZHL", 148.0, "h")]
            .map(|(p, v, u)| (p.to_owned(), v, u.to_owned()));
    assert_eq!(read, expected);
}

#[test]
fn durations_in_hours_and_minutes_in_summary_cells() {
    // `Time of peak, h:min` beside `1:30 ± 0:25`: tmax 1.5 h with its SD in hours.
    let t = table(
        "Table II. Pharmacokinetic parameters of X in young and elderly volunteers (mean ± S.D.)",
        &[&["Parameter", "Young", "Elderly"]],
        &[&["Time of peak, h:min", "1:30 ± 0:25", "2:15 ± 0:40"]],
    );
    let read: Vec<(String, f64, f64, String)> = table_records(&t)
        .iter()
        .map(|r| {
            (
                r.parameter.clone().unwrap_or_default(),
                r.value.unwrap_or_default(),
                r.dispersion.as_ref().map_or(0.0, |d| d.value),
                r.unit_raw.clone().unwrap_or_default(),
            )
        })
        .collect();
    let expected = [("TMAX", 1.5, 0.4167, "h"), ("TMAX", 2.25, 0.6667, "h")]
        .map(|(p, v, d, u)| (p.to_owned(), v, d, u.to_owned()));
    assert_eq!(read, expected);
}

#[test]
fn a_subjects_peak_with_its_time_in_brackets_on_the_day_above() {
    let t = table(
        "Table 2. Individual anti-Xa activity (IU/mL) at peak and trough",
        &[&["Patient", "Day 2", "Day 2"], &["Patient", "Peak (4 h)", "Trough"]],
        &[&["1", "1.39", "0.25"], &["2", "0.89", "0.12"]],
    );
    let times: Vec<(String, String)> = table_records(&t)
        .iter()
        .filter(|r| r.context.subject.as_deref() == Some("1"))
        .map(|r| (r.parameter.clone().unwrap_or_default(), r.context.time.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        times,
        [("CMAX".to_owned(), "day 2, 4 h".to_owned()), ("CTROUGH".to_owned(), "day 2, trough".to_owned())]
    );
}

#[test]
fn a_harmonic_mean_declared_by_a_mark_is_no_arithmetic_mean() {
    // The caption declares mean ± S.D.; the half-life's mark declares a harmonic mean, none
    // of the schema's statistics: unknown, its pseudo-SD still its spread.
    let mut t = table(
        "Table II. Pharmacokinetic parameters of X in young and elderly volunteers (mean ± S.D.)",
        &[&["Parameter", "Young", "Elderly"]],
        &[
            &["Peak plasma concentration, µg/ml", "6.8 ± 1.2", "8.9 ± 1.9"],
            &["Elimination half-life, h*", "7.9 ± 1.4", "12.6 ± 2.7"],
        ],
    );
    t.footnote = Some("* Harmonic mean ± pseudo-S.D. (jack-knife).".into());
    let read: Vec<(String, String)> = table_records(&t)
        .iter()
        .map(|r| (r.parameter.clone().unwrap_or_default(), format!("{:?}", r.statistic)))
        .collect();
    let expected = [("CMAX", "Mean"), ("CMAX", "Mean"), ("LAMZHL", "Unknown"), ("LAMZHL", "Unknown")]
        .map(|(p, s)| (p.to_owned(), s.to_owned()));
    assert_eq!(read, expected);
}

#[test]
fn a_population_models_estimates_with_their_precision_declared_in_the_header() {
    // `Estimate (RSE%)` over `5.82 (6.1)`: the typical value with its relative standard
    // error; a separate `RSE (%)` column stays the estimates' precision, no values.
    let t = table(
        "Table 2. Parameter estimates of the final population pharmacokinetic model of X",
        &[&["Parameter", "Estimate (RSE%)"]],
        &[&["CL (L/h)", "5.82 (6.1)"], &["Vc (L)", "29.7 (4.9)"]],
    );
    let read: Vec<(String, f64, String, f64)> = table_records(&t)
        .iter()
        .map(|r| {
            let d = r.dispersion.as_ref().unwrap();
            (r.parameter.clone().unwrap_or_default(), r.value.unwrap(), d.kind.clone(), d.value)
        })
        .collect();
    let expected =
        [("CLO", 5.82, "RSE", 6.1), ("VC", 29.7, "RSE", 4.9)].map(|(p, v, k, d)| (p.to_owned(), v, k.to_owned(), d));
    assert_eq!(read, expected);
}

#[test]
fn subjects_over_the_abbreviations_of_their_specimens() {
    // `Volunteer 1` over `P | S`, the footnote defining them: each volunteer's plasma and
    // saliva at the times down the stub.
    let mut t = table(
        "Table 3. Paired plasma and saliva ebravine concentrations in each volunteer",
        &[&["Time (h)", "Volunteer 1", "Volunteer 1", "Volunteer 2", "Volunteer 2"], &["Time (h)", "P", "S", "P", "S"]],
        &[&["0.5", "0.980", "0.361", "1.43", "0.503"], &["1", "1.57", "0.593", "2.48", "0.796"]],
    );
    t.footnote = Some("P, plasma; S, unstimulated whole saliva. All concentrations are in µg/mL.".into());
    let read: Vec<(String, String, String)> = table_records(&t)
        .iter()
        .map(|r| {
            let c = &r.context;
            (
                c.subject.clone().unwrap_or_default(),
                c.matrix.clone().unwrap_or_default(),
                c.time.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(read.len(), 8);
    assert_eq!(read[0], ("Volunteer 1".into(), "plasma".into(), "0.5 h".into()));
    assert!(read.contains(&("Volunteer 2".into(), "saliva".into(), "1 h".into())));
}

#[test]
fn groups_over_specimens_and_captions_naming_estimates_stay_as_they_were() {
    // `Maternal | Infant` over specimens are groups, not subjects named over them.
    let t = table(
        "Table 2. Individual concentrations (ng/mL) in ten mother–infant pairs",
        &[&["Pair", "Maternal", "Maternal", "Infant"], &["Pair", "Plasma", "Milk", "Plasma"]],
        &[&["1", "20.5", "51.3", "1.46"], &["2", "22.5", "42.0", "1.13"]],
    );
    let records = table_records(&t);
    assert!(
        records.iter().all(|r| !matches!(r.context.subject.as_deref(), Some("Maternal" | "Infant"))),
        "{}",
        show(&records)
    );
    // "Parameter estimates (mean ± SD)": the estimates are means, with their SDs.
    let t = table(
        "Table 3. Pharmacokinetic parameter estimates (mean ± SD)",
        &[&["Parameter", "Healthy"]],
        &[&["Cmax (ng/mL)", "12.4 ± 3.1"]],
    );
    let records = table_records(&t);
    assert_eq!(
        (records[0].statistic, records[0].dispersion.as_ref().map(|d| d.kind.as_str())),
        (Statistic::Mean, Some("SD"))
    );
    // A time unit in a sentence that names the column without saying it is in it.
    let t = table(
        "Table 2. Plasma concentrations (ng/mL) and time after dose in 14 patients on days 1 and 14",
        &[&["Patient", "Time after dose", "Concentration (ng/mL)"]],
        &[&["1", "2", "10.1"], &["2", "4", "8.2"]],
    );
    assert!(table_records(&t).iter().all(|r| r.context.time.as_deref() != Some("2 day")));
}

#[test]
fn amounts_excreted_per_collection_interval() {
    // Each subject's amount excreted in each urine collection interval, the intervals under
    // the amount's header: the amount at its interval.
    let t = table(
        "Table 5. Urinary excretion of unchanged ralenuride in each subject",
        &[
            &[
                "Subject",
                "Amount excreted unchanged per collection interval (mg)",
                "Amount excreted unchanged per collection interval (mg)",
                "fe (% of dose)",
            ],
            &["Subject", "0–4 h", "4–8 h", "fe (% of dose)"],
        ],
        &[&["01", "40.3", "26.6", "47.2"], &["02", "24.3", "14.8", "31.5"]],
    );
    let records = table_records(&t);
    let seen: Vec<_> = records
        .iter()
        .map(|r| {
            (r.parameter.as_deref(), r.context.subject.as_deref(), r.context.time.as_deref(), r.unit_raw.as_deref())
        })
        .collect();
    assert_eq!(seen[0], (Some("RCAMINT"), Some("01"), Some("0–4 h"), Some("mg")), "{}", show(&records));
    assert_eq!(records.len(), 6, "{}", show(&records));
}

#[test]
fn times_named_by_an_abbreviation_or_a_span_after_an_event() {
    // `TAD (h)` defined in the footnote as the time after the dose.
    let mut t = table(
        "Table 2. Sparse plasma teravanine concentrations in preterm neonates",
        &[&["Neonate", "PNA (days)", "TAD (h)", "Plasma teravanine (mg/L)"]],
        &[&["N01", "2", "23.1", "17.6"], &["N02", "10", "11.4", "11.4"]],
    );
    t.footnote = Some("PNA, postnatal age at sampling; TAD, time after that dose.".into());
    let times: Vec<_> = table_records(&t).iter().map(|r| r.context.time.clone()).collect();
    assert_eq!(times, [Some("23.1 h".to_owned()), Some("11.4 h".to_owned())]);
    // `Days after last medicated feed` before the fish's ids in the fourth column.
    let t = table(
        "Table 2. Fluravemectin residues in individual Atlantic salmon by tank",
        &[&["Tank", "Days after last medicated feed", "Degree-days", "Fish", "Liver (ng/g)"]],
        &[&["A", "1", "12", "A1", "321.4"], &["A", "1", "12", "A2", "207.6"], &["B", "7", "84", "B1", "127.9"]],
    );
    let seen: Vec<_> = table_records(&t).iter().map(|r| (r.context.subject.clone(), r.context.time.clone())).collect();
    assert_eq!(
        seen,
        [
            (Some("A1".to_owned()), Some("1 day".to_owned())),
            (Some("A2".to_owned()), Some("1 day".to_owned())),
            (Some("B1".to_owned()), Some("7 day".to_owned()))
        ]
    );
}

#[test]
fn parameters_of_an_abbreviated_analyte_and_within_subject_variability() {
    // `INS-Cmax`: the Cmax of the insulin the footnote abbreviates; `GIR-AUC` (glucose
    // infusion rate, a response) and the `Intra-subject CV (%)` row give nothing.
    let mut t = table(
        "Table 2. Pharmacokinetic and pharmacodynamic endpoints of test and reference insulin degralin",
        &[&["", "INS-Cmax (mIU/L)", "GIR-AUC0–24h (mg/kg)"]],
        &[&["Test, geometric LS mean", "28.4", "2,156"], &["Intra-subject CV (%)", "16.5", "20.3"]],
    );
    t.footnote = Some("INS, serum insulin degralin (specific immunoassay); GIR, glucose infusion rate.".into());
    let records = table_records(&t);
    let seen: Vec<_> = records.iter().map(|r| (r.parameter.as_deref(), r.value)).collect();
    assert_eq!(seen, [(Some("CMAX"), Some(28.4))], "{}", show(&records));
}

#[test]
fn parameters_of_an_abbreviated_analyte_down_the_stub_beside_a_study_column() {
    // `Study | Endpoint | Test | Reference`, the endpoints `INS-Cmax (mIU/L)` ("INS, serum
    // insulin X") down the second column; `GIRmax` (a response) gives nothing.
    let mut t = table(
        "Table 3. Bioequivalence of insulin velproxal (test) and the reference insulin in two clamp studies",
        &[&["Study", "Endpoint", "Test", "Reference"]],
        &[
            &["Study 1", "INS-Cmax (mIU/L)", "102.4", "98.7"],
            &["Study 1", "GIRmax (mg/kg/min)", "8.41", "8.22"],
            &["Study 2", "INS-Cmax (mIU/L)", "88.6", "91.2"],
        ],
    );
    t.footnote =
        Some("Geometric least-squares means. INS, serum insulin velproxal; GIR, glucose infusion rate.".into());
    let records = table_records(&t);
    let seen: Vec<_> = records.iter().map(|r| (r.parameter.as_deref(), r.value)).collect();
    assert_eq!(
        seen,
        [
            (Some("CMAX"), Some(102.4)),
            (Some("CMAX"), Some(98.7)),
            (Some("CMAX"), Some(88.6)),
            (Some("CMAX"), Some(91.2))
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn a_long_table_of_the_drug_and_a_compound_the_caption_names_beside_it() {
    // `Ribonitinib | M4` headed by names alone (the unit in the caption), the caption naming
    // M4 beside the drug; the time since the last dose before the visit that only looks
    // like a time (`Week 2`).
    let t = table(
        "Table S5. Individual ribonitinib and M4 plasma concentrations (nmol/L) by visit",
        &[&["Subject", "Visit", "Time since last dose (h)", "Ribonitinib", "M4"]],
        &[
            &["1001-004", "Week 2", "2.5", "842", "121"],
            &["1001-004", "Week 4", "23.8", "196", "64.2"],
            &["1001-007", "Week 2", "3.1", "1210", "188"],
        ],
    );
    let records = table_records(&t);
    let read: Vec<(&str, &str, &str, &str)> = records
        .iter()
        .filter(|r| r.context.subject.as_deref() == Some("1001-004"))
        .map(|r| {
            (
                r.context.analyte.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.value_raw.as_str(),
                r.unit_raw.as_deref().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("ribonitinib", "2.5 h", "842", "nmol/L"),
            ("ribonitinib", "23.8 h", "196", "nmol/L"),
            ("M4", "2.5 h", "121", "nmol/L"),
            ("M4", "23.8 h", "64.2", "nmol/L"),
        ]
    );
    // The same with the unit in a row under the names.
    let under = table(
        "Table S5. Individual ribonitinib and M4 plasma concentrations (nmol/L) by visit",
        &[&["Subject", "Time since last dose (h)", "Ribonitinib", "M4"], &["", "", "nmol/L", "nmol/L"]],
        &[&["1001-004", "2.5", "842", "121"], &["1001-007", "3.1", "1210", "188"]],
    );
    let analytes: Vec<(String, String)> = table_records(&under)
        .iter()
        .map(|r| (r.context.analyte.clone().unwrap_or_default(), r.unit_raw.clone().unwrap_or_default()))
        .collect();
    assert!(analytes.contains(&("M4".to_owned(), "nmol/L".to_owned())), "{analytes:?}");
    // A drug's name by its stem alone heads its column where the caption names no drug.
    let mut t = t.clone();
    t.caption = Some("Table S5. Individual plasma concentrations (nmol/L) by visit".into());
    assert!(table_records(&t).iter().any(|r| r.value_raw == "842" && r.parameter.as_deref() == Some("CONC")));
}

#[test]
fn residues_in_each_hens_egg_fractions_by_study_day() {
    // The egg's fraction in a column of its own (`Fraction` over `Yolk | Albumen`), the days
    // of laying as bare numbers under a spanning `Study day of laying`.
    let t = table(
        "Table 5. Tilvarocin residues (µg/kg) in yolk and albumen of eggs laid by individual hens",
        &[&["Hen", "Fraction", "Study day of laying", "Study day of laying"], &["Hen", "Fraction", "2", "4"]],
        &[&["WB-0412", "Yolk", "85", "212"], &["WB-0412", "Albumen", "240", "265"], &["WB-0415", "Yolk", "71", "n.e."]],
    );
    let records = table_records(&t);
    let read: Vec<(&str, &str, &str, &str)> = records
        .iter()
        .filter(|r| r.value.is_some())
        .map(|r| {
            (
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.matrix.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.value_raw.as_str(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("WB-0412", "egg yolk", "day 2", "85"),
            ("WB-0412", "egg albumen", "day 2", "240"),
            ("WB-0415", "egg yolk", "day 2", "71"),
            ("WB-0412", "egg yolk", "day 4", "212"),
            ("WB-0412", "egg albumen", "day 4", "265"),
        ]
    );
}

#[test]
fn a_cycles_days_and_times_with_each_rows_analyte() {
    // Cycles spanning their days and times (`Cycle 2` over `D1 pre | D1 2 h`), 28-day cycles
    // in the caption; an `Analyte` column naming each row's compound.
    let t = table(
        "Table 3. Individual plasma concentrations (ng/mL) of abevotinib and its active metabolite M2 by cycle and day (28-day cycles)",
        &[
            &["Patient", "Analyte", "Cycle 1", "Cycle 1", "Cycle 2", "Cycle 2"],
            &["Patient", "Analyte", "D1 2 h", "D8 pre", "D1 pre", "D1 2 h"],
        ],
        &[&["01-101", "Abevotinib", "412", "286", "295", "688"], &["", "M2 (active)", "38.5", "61.2", "68.8", "92.1"]],
    );
    let records = table_records(&t);
    let read: Vec<(&str, &str, &str)> = records
        .iter()
        .map(|r| {
            (
                r.context.analyte.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.value_raw.as_str(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("Abevotinib", "day 1, 2 h", "412"),
            ("M2", "day 1, 2 h", "38.5"),
            ("Abevotinib", "day 8, pre-dose", "286"),
            ("M2", "day 8, pre-dose", "61.2"),
            ("Abevotinib", "day 29, pre-dose", "295"),
            ("M2", "day 29, pre-dose", "68.8"),
            ("Abevotinib", "day 29, 2 h", "688"),
            ("M2", "day 29, 2 h", "92.1"),
        ]
    );
    assert!(records.iter().all(|r| r.context.subject.as_deref() == Some("01-101")));
}

#[test]
fn a_regulatory_limit_under_each_animals_residues_is_no_animal() {
    // Pigs by ear tag beside their withdrawal day, the tissues' maximum residue limits in a
    // last row: the limits are no animal's values and do not make the rows groups.
    let t = table(
        "Table 4. Tiamulone residues in edible tissues of individual pigs",
        &[&["Withdrawal time (days)", "Ear tag", "Muscle", "Liver"], &["", "", "µg/kg", "µg/kg"]],
        &[
            &["1", "Y-117", "42.6", "1320"],
            &["1", "Y-121", "38.1", "1105"],
            &["3", "Y-104", "15.2", "612"],
            &["MRL", "MRL", "100", "1000"],
        ],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 6);
    assert!(records.iter().all(|r| r.statistic == Statistic::Individual && r.context.subject.is_some()));
    assert!(!records.iter().any(|r| r.value_raw == "100" || r.value_raw == "1000"));
    let y104: Vec<(&str, &str)> = records
        .iter()
        .filter(|r| r.context.subject.as_deref() == Some("Y-104"))
        .map(|r| (r.context.time.as_deref().unwrap_or("-"), r.value_raw.as_str()))
        .collect();
    assert_eq!(y104, [("3 day", "15.2"), ("3 day", "612")]);
}

#[test]
fn levels_with_their_times_in_the_cell_on_the_rows_day_beside_the_specimens_chemistry() {
    // `Serum (time after dose)` over `62.4 (1 h)`, the day in a column of its own; the CSF's
    // protein beside the drug's levels is no concentration of the drug.
    let mut t = table(
        "Table 2. Paired serum and CSF concentrations of cefoxitrem in individual patients",
        &[&["Patient", "Day of therapy", "Serum (time after dose)", "CSF (time after dose)", "CSF protein (g/L)"]],
        &[
            &["J.H.", "2", "62.4 (1 h)", "2.9 (3 h)", "0.92"],
            &["", "5", "58.7 (1 h)", "4.6a (4 h)", "1.10"],
            &["M.R.", "2", "12.2 (pre-dose)", "<0.5 (2 h)", "0.41"],
        ],
    );
    t.footnote = Some(
        "Concentrations in mg/L, with the sampling time after the preceding dose in parentheses. a Ventriculitis."
            .into(),
    );
    let records = table_records(&t);
    let read: Vec<(&str, &str, &str, &str)> = records
        .iter()
        .filter(|r| r.value.is_some())
        .map(|r| {
            (
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.matrix.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.unit_raw.as_deref().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("J.H.", "serum", "day 2, 1 h", "mg/L"),
            ("J.H.", "serum", "day 5, 1 h", "mg/L"),
            ("M.R.", "serum", "day 2, pre-dose", "mg/L"),
            ("J.H.", "cerebrospinal fluid", "day 2, 3 h", "mg/L"),
            ("J.H.", "cerebrospinal fluid", "day 5, 4 h", "mg/L"),
        ]
    );
    assert!(!records.iter().any(|r| r.value_raw == "0.92"));
}

#[test]
fn a_case_reports_one_named_animal_over_its_specimens() {
    // "... of a dromedary camel": the one name over `Plasma | Synovial fluid` is the camel.
    let t = table(
        "Table 1. Marbovir concentrations (µg/mL) in plasma and synovial fluid of a dromedary camel",
        &[&["Time after dose", "Noor", "Noor"], &["Time after dose", "Plasma", "Synovial fluid"]],
        &[&["10 min", "48.2", "—"], &["1 h", "22.8", "4.1"]],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 3);
    assert!(records.iter().all(|r| r.context.subject.as_deref() == Some("Noor")));
}

#[test]
fn peaks_and_troughs_drawn_when_their_marks_say_and_troughs_by_week() {
    // `Peak a | Trough b`, the notes saying when each was drawn.
    let mut t = table(
        "Table 2. Torbamicin serum peak and trough concentrations in individual neonates",
        &[&["Neonate", "Occasion", "Peak a (mg/L)", "Trough b (mg/L)"]],
        &[&["N1", "1", "7.9", "1.4"], &["", "2", "8.6", "0.6"]],
    );
    t.footnote = Some(
        "a Drawn 1 h after the start of a 30-min intravenous infusion. b Drawn within 30 min before the next dose."
            .into(),
    );
    let records = table_records(&t);
    let read: Vec<(&str, &str, &str)> = records
        .iter()
        .map(|r| {
            (r.parameter.as_deref().unwrap_or("-"), r.context.time.as_deref().unwrap_or("-"), r.value_raw.as_str())
        })
        .collect();
    assert_eq!(
        read,
        [
            ("CMAX", "1 h", "7.9"),
            ("CMAX", "1 h", "8.6"),
            ("CTROUGH", "pre-dose", "1.4"),
            ("CTROUGH", "pre-dose", "0.6")
        ]
    );
    // Troughs at titration visits under `Week` over bare numbers.
    let t = table(
        "Table 3. Steady-state trough plasma concentrations at each titration visit in individual children",
        &[&["Patient", "Week", "Dose (mg/kg/day)", "Trough (mg/L)"]],
        &[&["P1", "2", "10", "4.8"], &["", "4", "20", "11.2"]],
    );
    let times: Vec<String> = table_records(&t).iter().filter_map(|r| r.context.time.clone()).collect();
    assert_eq!(times, ["week 2", "week 4"]);
}

#[test]
fn each_subjects_urine_by_collection_interval() {
    // `Collection interval` over bare intervals (hours, as urine is collected), the amount
    // and the percentage of the dose beside the concentration.
    let t = table(
        "Table 2. Urinary excretion of cefaprovin in individual healthy volunteers",
        &[&["Subject", "Collection interval", "Concentration (µg/mL)", "Amount excreted (mg)", "% of dose"]],
        &[&["01", "0–4", "1020", "428.4", "42.8"], &["", "4–8", "412", "127.7", "12.8"]],
    );
    let records = table_records(&t);
    let read: Vec<(&str, &str, &str, &str)> = records
        .iter()
        .map(|r| {
            (
                r.parameter.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.value_raw.as_str(),
                r.unit_raw.as_deref().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("CONC", "0–4 h", "1020", "µg/mL"),
            ("CONC", "4–8 h", "412", "µg/mL"),
            ("RCAMINT", "0–4 h", "428.4", "mg"),
            ("RCAMINT", "4–8 h", "127.7", "mg"),
            ("RCPCINT", "0–4 h", "42.8", "%"),
            ("RCPCINT", "4–8 h", "12.8", "%"),
        ]
    );
    // A percentage in brackets is a value's unit, not the symbol of a parameter.
    assert_eq!(parameter_code("Amount removed by HD (% of dose)", None), None);
}

#[test]
fn methods_under_each_species_are_no_subjects() {
    // `Dogs | Horses` over `NCA | 2-CM`: each species' estimates by two methods, groups.
    let t = table(
        "Table 1. Pharmacokinetic parameters of marbotrizole in dogs and horses, mean ± SEM",
        &[&["Parameter", "Dogs", "Dogs", "Horses", "Horses"], &["Parameter", "NCA", "2-CM", "NCA", "2-CM"]],
        &[&["AUC0–∞ (µg·h/mL)", "28.4 ± 2.1", "27.9 ± 2.0", "41.6 ± 3.3", "40.8 ± 3.1"]],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 4);
    assert!(records.iter().all(|r| r.context.subject.is_none() && r.statistic == Statistic::Mean));
    assert_eq!(records[1].context.group.as_deref(), Some("Dogs / 2-CM"));
}

#[test]
fn the_lungs_lining_fluid_and_macrophages_by_their_abbreviations() {
    // `Plasma | ELF | AM` under `Matrix`, the caption defining AM: alveolar macrophages, not
    // an arithmetic mean.
    let mut t = table(
        "Table 4. Plasma, epithelial lining fluid (ELF) and alveolar macrophage (AM) pharmacokinetics of amikavir",
        &[&["Parameter", "Matrix", "Matrix", "Matrix"], &["Parameter", "Plasma", "ELF", "AM"]],
        &[&["Cmax (µg/mL)", "2.41 (1.12–4.05)", "1,720 (512–4,890)", "298 (74.1–1,105)"]],
    );
    t.footnote = Some("Data are median (10th–90th percentile).".into());
    let records = table_records(&t);
    let read: Vec<(&str, &str)> =
        records.iter().map(|r| (r.context.matrix.as_deref().unwrap_or("-"), r.statistic.as_str())).collect();
    assert_eq!(
        read,
        [("plasma", "median"), ("epithelial lining fluid (ELF)", "median"), ("alveolar macrophages", "median")]
    );
}

#[test]
fn enantiomers_over_their_parameters_are_the_analytes() {
    // `(R)-X | (S)-X` spanning each subject's parameters.
    let t = table(
        "Table 4. Pharmacokinetic parameters of (R)- and (S)-ferlovatine in individual subjects",
        &[
            &["Subject", "(R)-ferlovatine", "(R)-ferlovatine", "(S)-ferlovatine", "(S)-ferlovatine"],
            &["Subject", "Cmax (ng/mL)", "t½ (h)", "Cmax (ng/mL)", "t½ (h)"],
        ],
        &[&["1", "212", "6.1", "198", "4.2"], &["2", "245", "6.8", "231", "4.6"]],
    );
    let records = table_records(&t);
    let analytes: Vec<(&str, &str)> =
        records.iter().map(|r| (r.value_raw.as_str(), r.context.analyte.as_deref().unwrap_or("-"))).collect();
    assert!(analytes.contains(&("212", "(R)-ferlovatine")), "{analytes:?}");
    assert!(analytes.contains(&("198", "(S)-ferlovatine")), "{analytes:?}");
}

#[test]
fn a_level_with_its_time_in_the_cell_on_the_visits_week() {
    let mut t = table(
        "Table 3. Plasma X concentrations at each visit in individual patients",
        &[&["Patient", "Week", "Plasma (time after dose)"]],
        &[&["P1", "4", "12.1 (2 h)"], &["", "8", "10.4 (3 h)"]],
    );
    t.footnote = Some("Concentrations in mg/L, with the time after the last dose in parentheses.".into());
    let times: Vec<String> = table_records(&t).iter().filter_map(|r| r.context.time.clone()).collect();
    assert_eq!(times, ["week 4, 2 h", "week 8, 3 h"]);
}

#[test]
fn a_visit_column_names_no_parameter() {
    // `V1`, `V2` under `Visit` are visits, not volumes: the patients' column is the stub.
    let t = table(
        "Table 2. Plasma trough concentrations of lamoxitrine at the routine TDM visits",
        &[&["Patient", "Visit", "Week", "Plasma trough (mg/L)"]],
        &[&["Patient A", "V1", "4", "5.8"], &["Patient A", "V2", "12", "8.9"], &["Patient B", "V1", "4", "3.1"]],
    );
    let records = table_records(&t);
    let read: Vec<_> = records
        .iter()
        .map(|r| (r.parameter.as_deref(), r.value, r.context.subject.as_deref(), r.context.time.as_deref()))
        .collect();
    assert_eq!(
        read,
        [
            (Some("CONC"), Some(5.8), Some("Patient A"), Some("week 4")),
            (Some("CONC"), Some(8.9), Some("Patient A"), Some("week 12")),
            (Some("CONC"), Some(3.1), Some("Patient B"), Some("week 4")),
        ]
    );
}

#[test]
fn subject_ids_over_a_unit_row_head_their_columns() {
    // `V01` over `µIU/mL`: the unit row under each id does not hide the id.
    let t = table(
        "Table 2. Serum insulin concentrations of each volunteer after a single subcutaneous dose",
        &[&["Time (min)", "V01", "V02", "V03"], &["", "µIU/mL", "µIU/mL", "µIU/mL"]],
        &[&["30", "14.6", "18.9", "11.2"], &["60", "25.1", "31.7", "19.8"]],
    );
    let records = table_records(&t);
    let subjects: Vec<_> = records.iter().map(|r| r.context.subject.as_deref()).collect();
    assert_eq!(subjects, [Some("V01"), Some("V02"), Some("V03"), Some("V01"), Some("V02"), Some("V03")]);
    assert!(records.iter().all(|r| r.statistic == Statistic::Individual && r.unit_raw.as_deref() == Some("µIU/mL")));
}

#[test]
fn a_subject_column_before_the_parameter_stub_gives_each_row_its_subject() {
    // A crossover listing: the subject spans its parameters' rows, Test and Reference across;
    // the summary row under the subjects stays a summary.
    let t = table(
        "Table 3. Test and reference pharmacokinetic parameters of taramiprole for each subject",
        &[&["Subject", "Sequence", "Parameter", "Test", "Reference"]],
        &[
            &["001", "TR", "Cmax (ng/mL)", "188.4", "201.7"],
            &["001", "TR", "AUC0–t (ng·h/mL)", "1462", "1530"],
            &["002", "RT", "Cmax (ng/mL)", "243.0", "226.5"],
            &["Geometric mean", "Geometric mean", "Cmax (ng/mL)", "206.4", "211.4"],
        ],
    );
    let records = table_records(&t);
    let read: Vec<_> = records
        .iter()
        .map(|r| (r.parameter.as_deref(), r.value, r.context.subject.as_deref(), r.context.group.as_deref()))
        .collect();
    assert_eq!(
        &read[..6],
        [
            (Some("CMAX"), Some(188.4), Some("001"), Some("TR / Test")),
            (Some("CMAX"), Some(201.7), Some("001"), Some("TR / Reference")),
            (Some("AUCLST"), Some(1462.0), Some("001"), Some("TR / Test")),
            (Some("AUCLST"), Some(1530.0), Some("001"), Some("TR / Reference")),
            (Some("CMAX"), Some(243.0), Some("002"), Some("RT / Test")),
            (Some("CMAX"), Some(226.5), Some("002"), Some("RT / Reference")),
        ]
    );
    assert!(records[..6].iter().all(|r| r.statistic == Statistic::Individual));
    assert!(records[6..].iter().all(|r| r.context.subject.is_none() && r.statistic != Statistic::Individual));
}

#[test]
fn sampling_sites_head_concentrations_and_samples_are_timed_by_the_infusion() {
    // Where blood was drawn (an artery, the ports of an ECMO circuit) heads a column of
    // concentrations; `Pre | EOI | EOI+1h` down a sample column are times since the start of
    // the infusion whose length the notes give.
    let mut t = table(
        "Table 2. Fluvaconazine plasma concentrations in the patient and in the ECMO circuit",
        &[&["Patient", "Sample", "Patient arterial (mg/L)", "Pre-oxygenator (mg/L)", "Post-oxygenator (mg/L)"]],
        &[
            &["ECMO-1", "Pre", "2.84", "2.71", "2.77"],
            &["ECMO-1", "EOI", "9.62", "8.14", "9.30"],
            &["ECMO-1", "EOI+1h", "7.05", "6.49", "6.88"],
        ],
    );
    t.footnote = Some("Fluvaconazine 400 mg every 12 h was infused over 1 h. EOI, end of infusion.".into());
    let records = table_records(&t);
    let read: Vec<_> = records
        .iter()
        .map(|r| (r.parameter.as_deref(), r.value, r.context.subject.as_deref(), r.context.time.as_deref()))
        .collect();
    assert_eq!(read.len(), 9);
    assert_eq!(read[0], (Some("CONC"), Some(2.84), Some("ECMO-1"), Some("pre-dose")));
    assert_eq!(read[4], (Some("CONC"), Some(8.14), Some("ECMO-1"), Some("1 h")));
    assert_eq!(read[8], (Some("CONC"), Some(6.88), Some("ECMO-1"), Some("2 h")));
    // Without the infusion's length, `EOI+1h` is no time.
    t.footnote = None;
    assert!(table_records(&t).iter().all(|r| r.context.time.is_none()));
}

#[test]
fn a_collection_intervals_midpoint_is_its_samples_time() {
    let t = table(
        "Table 3. Unbound tedopravin concentrations (ng/mL) in skeletal muscle microdialysate of individual patients",
        &[&["Collection interval (min)", "Midpoint (min)", "Patient 1", "Patient 2", "Patient 3"]],
        &[
            &["0–20", "10", "412", "355", "488"],
            &["20–40", "30", "1020", "866", "1145"],
            &["40–60", "50", "1264", "1105", "1390"],
        ],
    );
    let records = table_records(&t);
    let times: Vec<_> = records.iter().map(|r| r.context.time.as_deref().unwrap_or("-")).collect();
    assert_eq!(times, ["10 min", "10 min", "10 min", "30 min", "30 min", "30 min", "50 min", "50 min", "50 min"]);
    assert!(records.iter().all(|r| r.context.matrix.as_deref() == Some("interstitial fluid")));
}

#[test]
fn a_subjects_sex_after_its_id_is_no_bioavailability() {
    let t = table(
        "Table 1. Plasma concentrations (µg/mL) of cardiproxen in individual Beagle dogs",
        &[&["Time (h)", "Dog 1 (M)", "Dog 2 (F)", "Dog 3 (M)"]],
        &[&["0.25", "12.40", "14.91", "11.73"], &["1", "5.71", "6.64", "5.12"]],
    );
    let records = table_records(&t);
    assert!(records.iter().all(|r| r.unit_raw.as_deref() == Some("µg/mL")), "M is the dog's sex, no molar");
    let read: Vec<_> = records.iter().map(|r| (r.parameter.as_deref(), r.context.subject.as_deref())).collect();
    assert_eq!(
        read,
        [
            (Some("CONC"), Some("Dog 1 (M)")),
            (Some("CONC"), Some("Dog 2 (F)")),
            (Some("CONC"), Some("Dog 3 (M)")),
            (Some("CONC"), Some("Dog 1 (M)")),
            (Some("CONC"), Some("Dog 2 (F)")),
            (Some("CONC"), Some("Dog 3 (M)")),
        ]
    );
}

#[test]
fn a_cycle_days_code_with_a_time_under_a_concentration_header() {
    let mut t = table(
        "Table 3. Individual zelatinib plasma concentrations by cycle and day",
        &[
            &["Patient", "Zelatinib plasma concentration (ng/mL)", "Zelatinib plasma concentration (ng/mL)"],
            &["Patient", "C1D1 2 h", "C2D1 pre-dose"],
        ],
        &[&["01-003", "412", "655"], &["01-007", "298", "548"]],
    );
    t.footnote = Some("Zelatinib was taken once daily in continuous 21-day cycles.".into());
    let times: Vec<_> = table_records(&t).iter().map(|r| r.context.time.clone().unwrap_or_default()).collect();
    assert_eq!(times, ["day 1, 2 h", "day 1, 2 h", "day 22, pre-dose", "day 22, pre-dose"]);
}

#[test]
fn residues_unit_said_in_the_notes_with_a_copula() {
    assert_eq!(caption_unit("All residue concentrations are µg/kg wet weight.").as_deref(), Some("µg/kg"));
    assert_eq!(caption_unit("Concentrations are µg/mL.").as_deref(), Some("µg/mL"));
    // A dose per body weight is no residue's unit; words after `are` are no unit.
    assert_eq!(caption_unit("Plasma concentrations are µg/kg."), None);
    assert_eq!(caption_unit("Concentrations are means of three samples."), None);
}

#[test]
fn a_time_after_the_dose_spanning_days_times_each_days_sample() {
    // The unit in the spanning header, after columns of covariates with units of their own.
    let t = table(
        "Table 3. Anti-Xa activity after subcutaneous varoparin in the individual children",
        &[
            &[
                "Patient",
                "Age (years)",
                "Anti-Xa activity 4 h post-dose (IU/mL)",
                "Anti-Xa activity 4 h post-dose (IU/mL)",
            ],
            &["Patient", "Age (years)", "Day 2", "Day 5"],
        ],
        &[&["#1", "0.4", "0.38", "0.61"], &["#2", "1.8", "0.44", "0.58"]],
    );
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| (r.context.subject.clone().unwrap_or_default(), r.context.time.clone().unwrap_or_default(), r.value))
        .collect();
    assert_eq!(read[0], ("#1".to_owned(), "day 2, 4 h".to_owned(), Some(0.38)));
    assert_eq!(read[3], ("#2".to_owned(), "day 5, 4 h".to_owned(), Some(0.58)));
}

#[test]
fn laboratory_values_by_day_are_no_drug_levels() {
    let t = table(
        "Table 4. Serum creatinine (µmol/L) and ALT (U/L) in the individual patients during quinavarin therapy",
        &[
            &["Patient", "Serum creatinine (µmol/L)", "Serum creatinine (µmol/L)", "ALT (U/L)", "ALT (U/L)"],
            &["Patient", "Day 0", "Day 3", "Day 0", "Day 3"],
        ],
        &[&["1", "85", "87", "17", "19"], &["2", "88", "95", "16", "19"]],
    );
    assert!(table_records(&t).is_empty());
}

#[test]
fn the_unit_among_the_captions_closing_brackets() {
    let caption = "Table 4. Residue depletion of marbocin in broiler chickens after oral administration of \
                   10 mg/kg/day for 5 days (mean ± SD, n = 6 birds per time point; µg/kg)";
    assert_eq!(caption_unit(caption).as_deref(), Some("µg/kg"));
    assert_eq!(caption_unit("Plasma concentrations after 5 mg (mean ± SD; ng/mL)").as_deref(), Some("ng/mL"));
    // A dose in the brackets is no unit of the values; nor are two units one.
    assert_eq!(caption_unit("Plasma concentrations (mean ± SD; 10 mg/kg)"), None);
    assert_eq!(caption_unit("Plasma concentrations and residues (mean; ng/mL, µg/kg)"), None);
}

#[test]
fn a_specimens_analyte_over_a_unit_row_heads_concentrations() {
    let t = table(
        "Table 3. Blood dichlorotoluamide (DCTA) in workers by exposure category; geometric mean (geometric standard deviation)",
        &[
            &["Exposure category", "Sampling", "Blood DCTA", "Blood DCTA"],
            &["Exposure category", "Sampling", "µmol/L", "mg/L"],
        ],
        &[
            &["Low (n = 22)", "Pre-shift", "0.21 (2.1)", "0.040 (2.1)"],
            &["Low (n = 22)", "Post-shift", "0.86 (1.9)", "0.163 (1.9)"],
        ],
    );
    let records = table_records(&t);
    let read: Vec<_> = records.iter().map(|r| (r.parameter.as_deref(), r.value, r.unit_raw.as_deref())).collect();
    assert_eq!(
        read,
        [
            (Some("CONC"), Some(0.21), Some("µmol/L")),
            (Some("CONC"), Some(0.86), Some("µmol/L")),
            (Some("CONC"), Some(0.04), Some("mg/L")),
            (Some("CONC"), Some(0.163), Some("mg/L")),
        ]
    );
}

#[test]
fn analytes_down_statistics_with_their_unit_across() {
    // `Median (ng/mL) | Mean (ng/mL) | Range (ng/mL)` over analytes' rows, the cases counted
    // in a `(n)` column: one median with its range, one mean, each with its count.
    let t = table(
        "Table 2. Postmortem femoral blood concentrations of isotonitazepyne and N-desethyl-isotonitazepyne in 31 fatalities",
        &[&["Analyte", "Positive cases (n)", "Median (ng/mL)", "Mean (ng/mL)", "Range (ng/mL)"]],
        &[
            &["Isotonitazepyne", "18", "2.1", "3.4", "0.4–14.6"],
            &["N-Desethyl-isotonitazepyne", "15", "0.62", "0.95", "0.11–4.3"],
        ],
    );
    insta::assert_snapshot!(show(&table_records(&t)), @r#"
    CONC Some(2.1) median None Some("range 0.4-14.6") Some("ng/mL") Some("ng/mL")->Some(2.1) "2.1" n=Some(18) group=None route=None species=None
    CONC Some(3.4) mean None None Some("ng/mL") Some("ng/mL")->Some(3.4) "3.4" n=Some(18) group=None route=None species=None
    CONC Some(0.62) median None Some("range 0.11-4.3") Some("ng/mL") Some("ng/mL")->Some(0.62) "0.62" n=Some(15) group=None route=None species=None
    CONC Some(0.95) mean None None Some("ng/mL") Some("ng/mL")->Some(0.95) "0.95" n=Some(15) group=None route=None species=None
    "#);
}

#[test]
fn a_p_column_under_section_rows_holds_no_values() {
    let mut t = table(
        "Table 2. Pharmacokinetic parameters of isolanazole in critically ill patients with and without ECMO",
        &[&["Parameter", "ECMO (n = 12)", "No ECMO (n = 14)", "p"]],
        &[
            &["Day 1 (loading dose)", "Day 1 (loading dose)", "Day 1 (loading dose)", "Day 1 (loading dose)"],
            &["Cmax (mg/L)", "2.9 (2.2–3.8)", "4.1 (3.3–5.0)", "0.02"],
            &["Day 5 (maintenance)", "Day 5 (maintenance)", "Day 5 (maintenance)", "Day 5 (maintenance)"],
            &["Cmax (mg/L)", "3.4 (2.6–4.9)", "5.2 (4.0–6.3)", "0.03"],
        ],
    );
    t.footnote = Some("Values are median (IQR).".into());
    let values: Vec<_> = table_records(&t).iter().map(|r| r.value).collect();
    assert_eq!(values, [Some(2.9), Some(4.1), Some(3.4), Some(5.2)]);
}

#[test]
fn peak_and_trough_of_an_activity_over_a_bracketed_unit_row() {
    let t = table(
        "Table 3. Steady-state anti-Xa pharmacokinetics of velaparin by body-mass index category",
        &[&["BMI category", "Peak anti-Xa", "Trough anti-Xa", "CL/F"], &["(kg/m^2)", "(IU/mL)", "(IU/mL)", "(L/h)"]],
        &[&["18.5–29.9", "0.92 (±0.21)", "0.21 (±0.09)", "1.12 (±0.27)"]],
    );
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| (r.parameter.clone().unwrap_or_default(), r.value, r.unit_raw.clone()))
        .collect();
    assert_eq!(
        read,
        [
            ("CMAX".to_owned(), Some(0.92), Some("IU/mL".to_owned())),
            ("CTROUGH".to_owned(), Some(0.21), Some("IU/mL".to_owned())),
            ("CLFO".to_owned(), Some(1.12), Some("L/h".to_owned())),
        ]
    );
}

#[test]
fn tissues_sampled_in_surgery_and_by_microdialysis() {
    assert_eq!(matrices_in("Subcutaneous fat (µg/g)"), ["adipose tissue"]);
    assert_eq!(matrices_in("Bone (µg/g)"), ["bone"]);
    assert_eq!(matrices_in("Genital secretion (ng/mL)"), ["genital secretions"]);
    assert_eq!(matrices_in("Seminal plasma"), ["seminal plasma"]);
    assert_eq!(matrices_in("Semen (ng/mL)"), ["semen"]);
    assert!(matrices_in("Patients with bone infection").is_empty());
    assert_eq!(matrices_in("Skeletal muscle (µg/g)"), ["muscle tissue"]);
    assert_eq!(matrices_in("Unbound concentrations in skeletal muscle microdialysate"), ["interstitial fluid"]);
    assert_eq!(matrices_in("Subcutaneous adipose tissue microdialysate (ng/mL)"), ["interstitial fluid"]);
    assert_eq!(matrices_in("Plasma and muscle microdialysate"), ["plasma", "interstitial fluid"]);
}

#[test]
fn im_among_metabolizer_phenotypes_is_no_route() {
    let t = table(
        "Table 3. Pharmacokinetics of dexorfenil after a single 30 mg oral dose by CYP2D6 phenotype",
        &[&["Parameter", "PM (n = 4)", "IM (n = 9)", "NM (n = 15)"]],
        &[&["Cmax (nM)", "182", "96.4", "61.8"]],
    );
    let routes: Vec<_> = table_records(&t).iter().map(|r| r.context.route.clone()).collect();
    assert_eq!(routes, vec![Some("PO".to_owned()); 3]);
    // Among routes, `IM` is intramuscular.
    let t = table(
        "Table 2. Pharmacokinetics of X in dogs",
        &[&["Parameter", "IV (n = 6)", "IM (n = 6)"]],
        &[&["Cmax (µg/mL)", "12.1", "8.4"]],
    );
    let routes: Vec<_> = table_records(&t).iter().map(|r| r.context.route.clone()).collect();
    assert_eq!(routes, [Some("IV".to_owned()), Some("IM".to_owned())]);
}

#[test]
fn percent_of_the_dose_in_brackets_is_a_percent() {
    assert_eq!(unit_in_label("fe (% of dose)").as_deref(), Some("%"));
    assert_eq!(unit_in_label("Ae (% of the administered dose)").as_deref(), Some("%"));
    assert_eq!(unit_in_label("Cmax (%CV)"), None);
}

#[test]
fn a_label_columns_unit_is_the_rows_and_a_times_unit_never_a_levels() {
    let t = table(
        "Table 2. Breath (BrAC) and venous blood (BAC) alcohol concentrations of the individual subjects",
        &[
            &["Subject", "Sex", "Measurement", "Time after end of drinking (min)", "Time after end of drinking (min)"],
            &["Subject", "Sex", "Measurement", "30", "60"],
        ],
        &[&["A.K.", "M", "BrAC (mg/L)", "0.41", "0.37"], &["A.K.", "M", "BAC (g/kg)", "0.86", "0.80"]],
    );
    let units: Vec<_> = table_records(&t).iter().map(|r| r.unit_raw.clone().unwrap_or_default()).collect();
    assert_eq!(units, ["mg/L", "g/kg", "mg/L", "g/kg"]);
    // Without the label column the levels have no unit, not the minutes of their times.
    let t = table(
        "Table 2. Alcohol concentrations of the individual subjects",
        &[
            &["Subject", "Time after end of drinking (min)", "Time after end of drinking (min)"],
            &["Subject", "30", "60"],
        ],
        &[&["A.K.", "0.41", "0.37"], &["B.M.", "0.46", "0.40"]],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 4);
    assert!(records.iter().all(|r| r.unit_raw.is_none()));
}

#[test]
fn dated_clock_times_down_from_each_subjects_first_dose() {
    let mut t = table(
        "Table 2. Norcilamycin concentrations in dried blood spots (DBS) and in plasma of the two neonates",
        &[&["Patient", "Sampling (date, clock time)", "Plasma (mg/L)"]],
        &[
            &["Patient A", "12/03 06:45", "41.2"],
            &["", "13/03 06:40", "47.5"],
            &["Patient B", "14/03 22:50", "33.0"],
            &["", "15/03 10:30", "12.1"],
        ],
    );
    t.footnote = Some(
        "Patient A received 15 mg/kg every 12 h, the first started on 12/03 at 06:00; patient B received \
         12 mg/kg every 12 h, the first started on 14/03 at 22:00. Dates are day/month."
            .into(),
    );
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| (r.context.subject.clone().unwrap_or_default(), r.context.time.clone().unwrap_or_default()))
        .collect();
    let expected =
        [("Patient A", "0.75 h"), ("Patient A", "24.67 h"), ("Patient B", "0.83 h"), ("Patient B", "12.5 h")];
    assert_eq!(read, expected.map(|(s, t)| (s.to_owned(), t.to_owned())));
}

#[test]
fn a_half_life_beside_the_samples_takes_no_sampling_time() {
    let t = table(
        "Table 2. Serum concentrations of X in each patient",
        &[&["Patient", "Time after dose (h)", "Serum X (mg/L)", "Apparent t1/2 (h)"]],
        &[&["1", "3.5", "12.4", "27.8"], &["2", "2", "9.1", "14.0"]],
    );
    let read: Vec<_> =
        table_records(&t).iter().map(|r| (r.parameter.clone().unwrap_or_default(), r.context.time.clone())).collect();
    assert_eq!(
        read,
        [
            ("CONC".to_owned(), Some("3.5 h".to_owned())),
            ("CONC".to_owned(), Some("2 h".to_owned())),
            ("LAMZHL".to_owned(), None),
            ("LAMZHL".to_owned(), None),
        ]
    );
}

#[test]
fn a_steady_states_interval_from_the_papers_regimen() {
    let mut t = table(
        "Table 3. Steady-state pharmacokinetics of ditravirine during pregnancy and postpartum",
        &[&["Parameter", "Third trimester", "Postpartum"]],
        &[&["AUC0–24 (µg·h/mL)", "31.2 ± 10.4", "52.9 ± 15.8"], &["C24 (µg/mL)", "0.62 ± 0.33", "1.38 ± 0.52"]],
    );
    t.footnote = Some("Values are arithmetic mean ± SD.".into());
    let codes =
        |t: &Table| table_records(t).iter().map(|r| r.parameter.clone().unwrap_or_default()).collect::<Vec<_>>();
    // No regimen anywhere: an area from zero to 24 h and a concentration at 24 h.
    assert_eq!(codes(&t), ["AUCINT", "AUCINT", "CONC", "CONC"]);
    t.abstract_text = Some("Women receiving ditravirine 200 mg once daily underwent intensive sampling.".into());
    assert_eq!(codes(&t), ["AUCTAU", "AUCTAU", "CTROUGH", "CTROUGH"]);
}

#[test]
fn an_interval_among_a_parameters_statistic_columns() {
    let t = table(
        "Table 2. Single-dose plasma pharmacokinetics of X by dose level",
        &[
            &["Dose", "Cmax", "Cmax", "AUC0–∞", "AUC0–∞"],
            &["Dose", "(ng/mL)", "(ng/mL)", "(ng·h/mL)", "(ng·h/mL)"],
            &["Dose", "Mean", "SD", "GM", "90% CI"],
        ],
        &[&["5 mg", "48.2", "11.6", "402", "341–474"]],
    );
    let records = table_records(&t);
    let read: Vec<_> = records
        .iter()
        .map(|r| {
            (
                r.value,
                r.statistic.as_str().to_owned(),
                r.dispersion.as_ref().map(|d| d.value),
                r.interval.as_ref().map(|i| (i.low, i.high)),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (Some(48.2), "mean".to_owned(), Some(11.6), None),
            (Some(402.0), "geometric_mean".to_owned(), None, Some((341.0, 474.0))),
        ]
    );
}

#[test]
fn each_subjects_event_times_time_the_tissues_sampled_at_them() {
    let t = table(
        "Table 2. Cefuvidin concentrations in serum, fat and bone of each patient at skin incision and at wound closure",
        &[
            &[
                "Patient",
                "Time after dose (min)",
                "Time after dose (min)",
                "Skin incision",
                "Skin incision",
                "Wound closure",
                "Wound closure",
            ],
            &["Patient", "Incision", "Closure", "Serum", "Bone", "Serum", "Bone"],
            &["Patient", "Incision", "Closure", "µg/mL", "µg/g", "µg/mL", "µg/g"],
        ],
        &[&["1", "38", "112", "142", "14.6", "61.5", "9.0"], &["2", "22", "95", "188", "12.1", "79.0", "8.3"]],
    );
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| {
            (
                r.context.subject.clone().unwrap_or_default(),
                r.context.time.clone().unwrap_or_default(),
                r.context.matrix.clone().unwrap_or_default(),
                r.value,
            )
        })
        .filter(|(s, ..)| s == "1")
        .collect();
    let expected =
        [("38 min", "serum", 142.0), ("38 min", "bone", 14.6), ("112 min", "serum", 61.5), ("112 min", "bone", 9.0)];
    assert_eq!(read, expected.map(|(t, m, v)| ("1".to_owned(), t.to_owned(), m.to_owned(), Some(v))));
}

#[test]
fn a_sections_regimen_makes_its_area_over_the_interval() {
    let mut t = table(
        "Table 2. Pharmacokinetic parameters of isolanazole in critically ill patients",
        &[&["Parameter", "ECMO (n = 12)", "No ECMO (n = 14)"]],
        &[
            &["Day 1 (loading dose 6 mg/kg IV)", "Day 1 (loading dose 6 mg/kg IV)", "Day 1 (loading dose 6 mg/kg IV)"],
            &["AUC0–12 (mg·h/L)", "17.4 (12.1–24.9)", "28.6 (20.3–35.7)"],
            &[
                "Day 5 (maintenance 4 mg/kg IV every 12 h)",
                "Day 5 (maintenance 4 mg/kg IV every 12 h)",
                "Day 5 (maintenance 4 mg/kg IV every 12 h)",
            ],
            &["AUC0–12 (mg·h/L)", "24.5 (16.8–37.2)", "42.3 (31.7–55.9)"],
        ],
    );
    t.footnote = Some("Values are median (IQR).".into());
    let codes: Vec<_> = table_records(&t).iter().map(|r| r.parameter.clone().unwrap_or_default()).collect();
    assert_eq!(codes, ["AUCINT", "AUCINT", "AUCTAU", "AUCTAU"]);
}

#[test]
fn a_time_from_the_dose_to_an_event_and_a_cells_own_time_before_it() {
    let t = table(
        "Table 1. Ocufloxin concentrations in the aqueous humour of each eye and in plasma",
        &[&["Patient", "Eye", "Last drop to paracentesis (min)", "Aqueous humour (µg/mL)", "Plasma (ng/mL)"]],
        &[&["1", "OD", "62", "1.84", "3.1 (70 min)"], &["1", "OS", "85", "1.21", "3.1 (70 min)"]],
    );
    let read: Vec<_> =
        table_records(&t).iter().map(|r| (r.value, r.context.time.clone().unwrap_or_default())).collect();
    let expected = [(1.84, "62 min"), (1.21, "85 min"), (3.1, "70 min")];
    assert_eq!(read, expected.map(|(v, t)| (Some(v), t.to_owned())));
}

#[test]
fn a_papers_regimen_only_where_it_is_the_one_dosing_schedule() {
    let regimen = |abstract_text: &str| paper_regimen_interval(&crate::fold::lower(abstract_text).replace('-', " "));
    assert_eq!(
        regimen("Women receiving ditravirine 200 mg once daily underwent intensive sampling.").as_deref(),
        Some("24 h")
    );
    assert_eq!(regimen("X 600 mg once weekly; blood samples were collected every 8 h."), None);
    assert_eq!(regimen("X 600 mg once weekly; glucose measured once daily."), None);
    assert_eq!(regimen("X 200 mg once daily or 300 mg every 48 h."), None);
    assert_eq!(regimen("Patients took part once daily in exercise."), None, "no dose");
}

#[test]
fn a_parameter_of_the_unbound_drug_names_its_analyte_unbound() {
    let t = table(
        "Table 14. Plasma PK parameters of lorinavir by hepatic function",
        &[&["Parameter", "Normal", "Mild"]],
        &[
            &["Cmax (ng/mL)", "845", "902"],
            &["Cmax,u (ng/mL)", "12.7", "14.9"],
            &["Unbound AUC0–∞ (ng·h/mL)", "119", "154"],
        ],
    );
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| (r.parameter.clone().unwrap_or_default(), r.value, r.context.analyte.clone().unwrap_or_default()))
        .collect();
    assert_eq!(read[0], ("CMAX".to_owned(), Some(845.0), "lorinavir".to_owned()));
    assert_eq!(read[2], ("CMAX".to_owned(), Some(12.7), "lorinavir (unbound)".to_owned()));
    assert_eq!(read[4], ("AUCIFO".to_owned(), Some(119.0), "lorinavir (unbound)".to_owned()));
    assert_eq!(without_unbound("Cmax,u (ng/mL)").as_deref(), Some("Cmax (ng/mL)"));
    assert_eq!(without_unbound("Cmax (ng/mL)"), None);
    assert!(!unbound_parameter("fu"), "the fraction unbound is a parameter of its own");
}

#[test]
fn a_parameter_names_its_compound_after_a_comma() {
    let t = table(
        "Table 2. Pharmacokinetics of dorapixine and M1 in smokers",
        &[&["Parameter", "Unit", "Non-smokers", "Smokers"]],
        &[
            &["Cmax, dorapixine", "ng/mL", "84.6 ± 21.3", "51.2 ± 17.8"],
            &["t½, dorapixine", "h", "8.9 ± 2.1", "6.1 ± 1.7"],
            &["AUC0–∞, metabolite M1", "ng·h/mL", "231 ± 64", "318 ± 92"],
            &["CL, renal", "L/h", "3.1", "4.2"],
            &["Cmax, fasted", "ng/mL", "12", "14"],
        ],
    );
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| (r.parameter.clone().unwrap_or_default(), r.value, r.context.analyte.clone().unwrap_or_default()))
        .collect();
    assert_eq!(read[0], ("CMAX".to_owned(), Some(84.6), "dorapixine".to_owned()));
    assert_eq!(read[2], ("LAMZHL".to_owned(), Some(8.9), "dorapixine".to_owned()));
    assert_eq!(read[4], ("AUCIFO".to_owned(), Some(231.0), "M1".to_owned()));
    // A qualifier is no compound: `CL, renal` is the renal clearance; `fasted` names none.
    assert_eq!(read[6].0, "RENALCL");
    assert_eq!(read.len(), 8, "{read:?}");
    assert_eq!(
        compound_after_comma("Cmax, N-desmethyl-dorapixine (ng/mL)").map(|(h, _)| h).as_deref(),
        Some("Cmax (ng/mL)")
    );
    assert_eq!(compound_after_comma("t½, parent drug"), Some(("t½".to_owned(), None)));
    assert_eq!(compound_after_comma("Cmax, fasted"), None);
}

#[test]
fn a_models_predictions_beside_the_observed_values_are_no_data() {
    let t = table(
        "Table 4. Predicted and observed pharmacokinetic parameters of lorvasentan",
        &[&["Population", "Parameter", "Predicted", "Observed", "Predicted/observed"]],
        &[
            &["Healthy adults", "Cmax (ng/mL)", "311", "287", "1.08"],
            &["", "AUC0–∞ (ng·h/mL)", "2 940", "3 105", "0.95"],
            &["Children", "Cmax (ng/mL)", "262", "301", "0.87"],
        ],
    );
    let values: Vec<f64> = table_records(&t).iter().filter_map(|r| r.value).collect();
    assert_eq!(values, vec![287.0, 3105.0, 301.0]);
    for header in ["Predicted", "Simulated (PBPK)", "Model-predicted AUC"] {
        assert!(labels::is_prediction_header(header), "{header}");
    }
    for header in ["Pred/obs", "Observed/predicted ratio"] {
        assert!(labels::is_non_value_header(header), "{header}");
    }
    assert!(!labels::is_non_value_header("Observed") && !labels::is_prediction_header("Observed"));
    // Alone, a model's predicted exposures are the results (Bayesian post hoc estimates).
    let t = table(
        "Table 3. Model-predicted exposure of lorvasentan by dose",
        &[&["Parameter", "Predicted, 10 mg", "Predicted, 20 mg"]],
        &[&["AUC0–24 (ng·h/mL)", "1 220", "2 410"]],
    );
    assert_eq!(table_records(&t).len(), 2);
}

#[test]
fn a_statistic_column_beside_a_comparisons_line_under_one_parameter() {
    // The parameter's cell spans its two lines (`rowspan="2"`): both rows print it.
    let t = table(
        "Table 3. Steady-state PK by trimester of pregnancy and postpartum",
        &[&["Parameter", "", "Third trimester (n = 24)", "Postpartum (n = 19)"]],
        &[
            &["AUC0–24 (h·µg/mL)", "GM (90% CI)", "31.7 (27.9–36.0)", "55.3 (48.6–62.9)"],
            &["AUC0–24 (h·µg/mL)", "GMR vs postpartum (90% CI)", "0.57 (0.49–0.67)", "Reference"],
            &["Cmax (µg/mL)", "GM (90% CI)", "3.12 (2.77–3.51)", "4.58 (4.07–5.15)"],
            &["Cmax (µg/mL)", "GMR vs postpartum (90% CI)", "0.68 (0.59–0.79)", "Reference"],
        ],
    );
    let read: Vec<_> =
        table_records(&t).iter().map(|r| (r.parameter.clone().unwrap_or_default(), r.value, r.statistic)).collect();
    assert_eq!(
        read,
        vec![
            ("AUCINT".to_owned(), Some(31.7), Statistic::GeometricMean),
            ("AUCINT".to_owned(), Some(55.3), Statistic::GeometricMean),
            ("CMAX".to_owned(), Some(3.12), Statistic::GeometricMean),
            ("CMAX".to_owned(), Some(4.58), Statistic::GeometricMean),
        ]
    );
}

#[test]
fn a_statistic_row_spanning_the_table_declares_the_groups_rows_below() {
    let t = table(
        "Table 2. Pharmacokinetic parameters of ketavolam by route",
        &[&["Route", "n", "Cmax (ng/mL)", "Tmax (min)"]],
        &[
            &["Median (IQR)", "Median (IQR)", "Median (IQR)", "Median (IQR)"],
            &["Intravenous", "14", "58.2 (44.7–71.3)", "—"],
            &["Intranasal", "16", "46.9 (31.2–60.5)", "15 (10–25)"],
        ],
    );
    let read: Vec<_> =
        table_records(&t).iter().map(|r| (r.value, r.statistic, r.interval.as_ref().map(|i| i.kind.clone()))).collect();
    assert_eq!(read.len(), 3, "{read:?}");
    assert!(read.iter().all(|(_, s, i)| *s == Statistic::Median && i.as_deref() == Some("IQR")), "{read:?}");
    // (Over the value columns only, the stub's and the count's cells blank.)
    let t = table(
        "Table 1. Pharmacokinetic parameters of ceftazolam in ball pythons at two temperatures",
        &[&["Temperature", "n", "Cmax (µg/mL)", "t½ (h)"]],
        &[
            &["", "", "Median (range)", "Median (range)"],
            &["24 °C", "7", "28.4 (19.6–37.1)", "61.8 (44.2–88.5)"],
            &["32 °C", "7", "31.9 (22.4–40.8)", "27.5 (19.8–40.3)"],
        ],
    );
    let read: Vec<_> = table_records(&t).iter().map(|r| (r.value, r.statistic)).collect();
    assert_eq!(read.len(), 4, "{read:?}");
    assert!(read.iter().all(|(_, s)| *s == Statistic::Median), "{read:?}");
}

#[test]
fn subjects_coded_over_a_parent_and_its_metabolite_by_their_letters() {
    let mut t = table(
        "Table 2. Individual plasma concentrations (ng/mL) of toravenil (D) and desethyl-toravenil (M)",
        &[&["Time (h)", "V1", "V1", "V2", "V2"], &["Time (h)", "D", "M", "D", "M"]],
        &[&["0.5", "172", "16.2", "218", "13.7"], &["1", "219", "26.6", "279", "22.6"]],
    );
    t.spanned = vec![];
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| {
            (
                r.parameter.clone().unwrap_or_default(),
                r.value,
                r.context.subject.clone().unwrap_or_default(),
                r.context.analyte.clone().unwrap_or_default(),
                r.unit.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(read.len(), 8, "{read:?}");
    // `D` is the parent the caption abbreviates, not a day.
    assert_eq!(read[0], ("CONC".into(), Some(172.0), "V1".into(), "toravenil".into(), "ng/mL".into()));
    assert!(read.iter().any(|r| r.1 == Some(13.7) && r.2 == "V2" && r.3 == "desethyl-toravenil"), "{read:?}");
}

#[test]
fn subjects_over_their_specimens_over_a_unit_row() {
    let t = table(
        "Table 2. Cefvarone concentrations in plasma and peritoneal dialysate",
        &[
            &["Time after IP dose", "Patient 1", "Patient 1", "Patient 2", "Patient 2"],
            &["Time after IP dose", "Plasma", "Dialysate", "Plasma", "Dialysate"],
            &["(h)", "(mg/L)", "(mg/L)", "(mg/L)", "(mg/L)"],
        ],
        &[&["0.5", "6.48", "473", "8.31", "399"], &["1", "14.6", "405", "17.8", "372"]],
    );
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| (r.value, r.context.subject.clone().unwrap_or_default(), r.context.time.clone().unwrap_or_default()))
        .collect();
    assert_eq!(read.len(), 8, "{read:?}");
    assert_eq!(read[0], (Some(6.48), "Patient 1".to_owned(), "0.5 h".to_owned()));
    assert!(read.iter().any(|r| *r == (Some(372.0), "Patient 2".to_owned(), "1 h".to_owned())), "{read:?}");
}

#[test]
fn a_sex_column_listing_the_next_covariate_is_no_parameter_stub() {
    let t = table(
        "Table 1. Plasma gancivir concentrations (ng/mL) in individual elephants",
        &[
            &["Elephant", "Sex, age (y)", "Time after administration (h)", "Time after administration (h)"],
            &["Elephant", "Sex, age (y)", "1", "2"],
        ],
        &[&["Kanya", "F, 14", "537", "803"], &["Tembo", "M, 32", "438", "581"], &["Sita", "F, 6", "626", "968"]],
    );
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| (r.parameter.clone().unwrap_or_default(), r.value, r.context.subject.clone().unwrap_or_default()))
        .collect();
    assert_eq!(read.len(), 6, "{read:?}");
    assert_eq!(read[0], ("CONC".to_owned(), Some(537.0), "Kanya".to_owned()));
}

#[test]
fn initials_with_a_mark_and_levels_printed_with_approximate_times() {
    let mut t = table(
        "Table 1. Paired serum and CSF vancotrin concentrations",
        &[&[
            "Patient",
            "Age (y)/sex",
            "Day of therapy",
            "Serum, mg/L (time after dose)",
            "CSF, mg/L (time after dose)",
        ]],
        &[
            &["A.B.a", "58/M", "3", "24.6 (1 h)", "1.12 (~4 h)"],
            &["T.O.", "71/M", "2", "19.4 (0.5 h)", "1.48 (pre-dose)"],
            &["J.V.", "63/M", "3", "12.7 (10 h)", "1.05 (10 h)"],
        ],
    );
    t.footnote = Some("a Ventriculitis confirmed.".into());
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| {
            (
                r.value,
                r.context.subject.clone().unwrap_or_default(),
                r.context.time.clone().unwrap_or_default(),
                r.context.matrix.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(read.len(), 6, "{read:?}");
    assert_eq!(read[0], (Some(24.6), "A.B.".to_owned(), "day 3, 1 h".to_owned(), "serum".to_owned()));
    assert!(
        read.contains(&(Some(1.12), "A.B.".to_owned(), "day 3, 4 h".to_owned(), "cerebrospinal fluid".to_owned())),
        "{read:?}"
    );
    assert_eq!(labels::time_of("~6 h", None).as_deref(), Some("6 h"));
    assert_eq!(labels::time_of("approx. 30 min", None).as_deref(), Some("30 min"));
}

#[test]
fn each_rows_analyte_with_its_unit_after_a_comma_and_a_marked_time() {
    let mut t = table(
        "Table 3. Individual serum concentrations of sorvatumab vedotin analytes",
        &[
            &["Patient", "Analyte", "Time after end of infusion", "Time after end of infusion"],
            &["Patient", "Analyte", "1 h", "21 d b"],
        ],
        &[
            &["101-003", "Total antibody, µg/mL", "96.3", "8.35"],
            &["101-003", "Free payload (MMAE), ng/mL", "4.33", "0.41"],
            &["102-001", "Total antibody, µg/mL", "82.7", "6.94"],
        ],
    );
    t.footnote = Some("b Before the cycle 2 infusion.".into());
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| {
            (
                r.value,
                r.unit_raw.clone().unwrap_or_default(),
                r.context.analyte.clone().unwrap_or_default(),
                r.context.time.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(read.len(), 6, "{read:?}");
    assert_eq!(read[0], (Some(96.3), "µg/mL".to_owned(), "Total antibody".to_owned(), "1 h".to_owned()));
    assert!(
        read.contains(&(Some(0.41), "ng/mL".to_owned(), "Free payload (MMAE)".to_owned(), "21 day".to_owned())),
        "{read:?}"
    );
}

#[test]
fn a_heparins_activity_with_when_its_marks_say_it_was_measured() {
    let mut t = table(
        "Table 2. Individual tinzaparin doses and anti-factor Xa activity",
        &[&["Patient", "Weight (kg)", "Initial dose (IU/kg)", "Anti-Xab (IU/mL)", "Trough anti-Xac (IU/mL)"]],
        &[&["1", "3.9", "150", "0.31", "<0.10"], &["2", "5.2", "150", "0.44", "0.11"]],
    );
    t.footnote = Some(
        "a Nephrotic syndrome. b Measured 4 h after the third dose in citrated plasma. c Immediately before a dose \
         at steady state."
            .into(),
    );
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| {
            (
                r.parameter.clone().unwrap_or_default(),
                r.value,
                r.context.time.clone().unwrap_or_default(),
                r.context.analyte.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(read.len(), 4, "{read:?}");
    assert_eq!(read[0], ("CONC".to_owned(), Some(0.31), "4 h".to_owned(), "anti-Xa activity".to_owned()));
    assert_eq!(read[3], ("CTROUGH".to_owned(), Some(0.11), "pre-dose".to_owned(), "anti-Xa activity".to_owned()));
}

#[test]
fn a_level_spanning_the_weeks_it_was_drawn_in() {
    let t = table(
        "Table 4. Serum trough concentrations of bexolimab (mean ± SD)",
        &[
            &["Treatment", "Ctrough (µg/mL)", "Ctrough (µg/mL)", "t½ (days)"],
            &["Treatment", "Week 2", "Week 4", "t½ (days)"],
        ],
        &[&["150 mg Q2W (n = 42)", "8.4 ± 3.1", "13.9 ± 5.2", "19.8 ± 5.6"]],
    );
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| (r.parameter.clone().unwrap_or_default(), r.value, r.context.time.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        read,
        vec![
            ("CTROUGH".to_owned(), Some(8.4), "week 2".to_owned()),
            ("CTROUGH".to_owned(), Some(13.9), "week 4".to_owned()),
            ("LAMZHL".to_owned(), Some(19.8), String::new()),
        ]
    );
}

#[test]
fn qualifiers_visits_and_assays_named_like_compounds_and_subjects_are_none() {
    // A statistic, a month or a population after the comma names no compound.
    let t = table(
        "Table 2. Pharmacokinetics of dorapixine in neonates and infants (median, range)",
        &[&["Parameter", "Unit", "Cohort 1", "Cohort 2"]],
        &[
            &["Tmax, median (range)", "h", "2 (1–4)", "3 (1–6)"],
            &["Ctrough, M6", "µg/mL", "8.1", "9.2"],
            &["Ctrough, M12", "µg/mL", "7.5", "8.8"],
            &["Cmax, infants", "ng/mL", "41", "52"],
            &["AUC, infants", "ng·h/mL", "410", "520"],
        ],
    );
    for r in table_records(&t) {
        let analyte = r.context.analyte.clone().unwrap_or_default();
        assert!(!["median", "M6", "M12", "infants"].contains(&analyte.as_str()), "{analyte} of {:?}", r.parameter_raw);
    }
    // Visits coded over a parent and its metabolite at each visit are no subjects.
    let t = table(
        "Table 3. Trough concentrations of toravenil (T) and desethyl-toravenil (M) at each visit",
        &[&["Patient", "D1", "D1", "D15", "D15"], &["Patient", "T", "M", "T", "M"]],
        &[&["01", "12.1", "3.4", "14.2", "4.1"]],
    );
    assert!(table_records(&t).iter().all(|r| r.context.subject.as_deref() != Some("D15")));
    // A drug measured by an anti-Xa assay in mass units is the drug's concentration.
    let t = table(
        "Table 2. Apixaban plasma concentrations by calibrated anti-Xa assay in individual patients",
        &[&["Patient", "Anti-Xa level (ng/mL)"]],
        &[&["1", "112"], &["2", "86"]],
    );
    let records = table_records(&t);
    assert!(records.iter().all(|r| r.context.analyte.as_deref() != Some("anti-Xa activity")), "{records:?}");
}

#[test]
fn tissues_down_with_a_unit_column_and_the_captions_one_sampling_time() {
    let t = table(
        "Table 3. Concentrations of total radioactivity in tissues of individual rats 4 h after a single oral dose of \
         [14C]dexalide (10 mg/kg)",
        &[&["Tissue", "Unit", "Rat 1", "Rat 2"]],
        &[&["Blood", "ng-eq/mL", "914", "1054"], &["Liver", "ng-eq/g", "8313", "8445"]],
    );
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| {
            (
                r.value,
                r.unit_raw.clone().unwrap_or_default(),
                r.context.subject.clone().unwrap_or_default(),
                r.context.time.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(read.len(), 4, "{read:?}");
    assert_eq!(read[0], (Some(914.0), "ng-eq/mL".to_owned(), "Rat 1".to_owned(), "4 h".to_owned()));
    assert_eq!(read[3], (Some(8445.0), "ng-eq/g".to_owned(), "Rat 2".to_owned(), "4 h".to_owned()));
    assert_eq!(labels::time_after_dose_in("Levels 2 h after the start of dialysis"), None);
}

#[test]
fn a_parent_and_its_epoxide_abbreviated_in_the_caption_over_their_units() {
    let t = table(
        "Table 2. Serum concentrations of dorbatrizine (DTZ) and dorbatrizine-10,11-epoxide (DTZ-E) in individual patients",
        &[
            &["Patient", "Time after last dose (h)", "DTZ", "DTZ", "DTZ-E", "DTZ-E"],
            &["Patient", "Time after last dose (h)", "µmol/L", "mg/L", "µmol/L", "mg/L"],
        ],
        &[&["1", "11.5", "27", "6.8", "3.9", "1.05"], &["2", "12", "32", "8.1", "9.9", "2.64"]],
    );
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| (r.value, r.unit_raw.clone().unwrap_or_default(), r.context.analyte.clone().unwrap_or_default()))
        .collect();
    assert_eq!(read.len(), 8, "{read:?}");
    assert!(read.contains(&(Some(1.05), "mg/L".to_owned(), "dorbatrizine-10,11-epoxide".to_owned())), "{read:?}");
    assert!(read.contains(&(Some(27.0), "µmol/L".to_owned(), "dorbatrizine".to_owned())), "{read:?}");
}

#[test]
fn a_parent_beside_its_metabolite_named_after_it() {
    let t = table(
        "Table 1. Plasma concentrations (µg/ml) of dorsantide and dorsantide sulphoxide in individual ewes",
        &[&["Animal", "Time (days)", "Dorsantide", "Dorsantide sulphoxide"]],
        &[&["Ewe 1024", "0,25", "0,64", "0,40"], &["", "0,5", "0,93", "0,79"]],
    );
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| {
            (r.value, r.context.subject.clone().unwrap_or_default(), r.context.analyte.clone().unwrap_or_default())
        })
        .collect();
    assert_eq!(read.len(), 4, "{read:?}");
    assert_eq!(read[0], (Some(0.64), "Ewe 1024".to_owned(), "Dorsantide".to_owned()));
    assert!(read.contains(&(Some(0.79), "Ewe 1024".to_owned(), "Dorsantide sulphoxide".to_owned())), "{read:?}");
}

#[test]
fn named_animals_over_a_header_row_of_their_covariates() {
    let t = table(
        "Table 1. Plasma fenbutazol concentrations (µg/mL) in individual horses after a single intravenous dose",
        &[&["Time", "Bella", "Duke", "Storm Cat"], &["Sex, age", "M, 7 y", "G, 9 y", "G, 5 y"]],
        &[&["5 min", "62.6", "59.4", "59.8"], &["1 h", "23.8", "29.1", "21.9"]],
    );
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| (r.value, r.context.subject.clone().unwrap_or_default(), r.context.time.clone().unwrap_or_default()))
        .collect();
    assert_eq!(read.len(), 6, "{read:?}");
    assert!(read.contains(&(Some(59.8), "Storm Cat".to_owned(), "5 min".to_owned())), "{read:?}");
    assert!(read.contains(&(Some(23.8), "Bella".to_owned(), "1 h".to_owned())), "{read:?}");
}

#[test]
fn patients_with_their_genotypes_over_a_parent_and_its_metabolite() {
    let mut t = table(
        "Table 1. Plasma concentrations (nmol/L) of velafenone and 5-hydroxyvelafenone after a single oral dose",
        &[
            &[
                "Time (h)",
                "Patient II-2 a CYP2D6*4/*4",
                "Patient II-2 a CYP2D6*4/*4",
                "Patient II-4 CYP2D6*1/*4",
                "Patient II-4 CYP2D6*1/*4",
            ],
            &["Time (h)", "Velafenone", "5-hydroxyvelafenone", "Velafenone", "5-hydroxyvelafenone"],
        ],
        &[&["0.5", "482", "<2.0", "176", "96.9"], &["1", "779", "<2.0", "236", "137"]],
    );
    t.footnote = Some("a Index patient.".into());
    let read: Vec<_> = table_records(&t)
        .iter()
        .filter(|r| r.value.is_some())
        .map(|r| (r.value, r.context.subject.clone().unwrap_or_default(), r.statistic))
        .collect();
    assert_eq!(read.len(), 6, "{read:?}");
    assert!(read.contains(&(Some(482.0), "Patient II-2".to_owned(), Statistic::Individual)), "{read:?}");
    assert!(read.contains(&(Some(96.9), "Patient II-4".to_owned(), Statistic::Individual)), "{read:?}");
}

#[test]
fn troughs_and_peaks_with_their_units_in_the_cells_by_icu_day() {
    let t = table(
        "Table 2. Vancotrin dosing and serum concentrations on each monitoring occasion",
        &[&["Patient", "ICU day", "Dose (mg)", "Trough", "Peak"]],
        &[
            &["A", "2", "1000", "9.8 mg/L", "31.4 mg/L"],
            &["", "4", "1250", "14.6 mg/L", "38.9 mg/L"],
            &["B", "3", "1000", "12.1 mg/L", "35.0 mg/L"],
        ],
    );
    let read: Vec<_> = table_records(&t)
        .iter()
        .map(|r| {
            (
                r.parameter.clone().unwrap_or_default(),
                r.value,
                r.context.subject.clone().unwrap_or_default(),
                r.context.time.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(read.len(), 6, "{read:?}");
    assert!(
        read.contains(&("CTROUGH".to_owned(), Some(14.6), "A".to_owned(), "day 4, pre-dose".to_owned())),
        "{read:?}"
    );
    assert!(
        read.iter().any(|r| r.0 == "CMAX" && r.1 == Some(35.0) && r.2 == "B" && r.3.starts_with("day 3")),
        "{read:?}"
    );
}

#[test]
fn volunteers_coded_by_letter_and_number_under_each_specimen() {
    // `V1 | ... | V4` under `Plasma (mg/L)` and under `SBF (mg/L)`, the caption defining
    // SBF: the volunteers' concentrations in each specimen, not the volumes V1 and V2 of a
    // compartmental model.
    let mut t = table(
        "Table 1. Individual concentrations in plasma and suction blister fluid (SBF) after a single oral dose",
        &[
            &[
                "Time (h)",
                "Plasma (mg/L)",
                "Plasma (mg/L)",
                "Plasma (mg/L)",
                "Plasma (mg/L)",
                "SBF (mg/L)",
                "SBF (mg/L)",
                "SBF (mg/L)",
                "SBF (mg/L)",
            ],
            &["Time (h)", "V1", "V2", "V3", "V4", "V1", "V2", "V3", "V4"],
        ],
        &[
            &["1", "10.6", "10.9", "8.65", "7.88", "4.29", "5.79", "4.39", "2.42"],
            &["2", "11.1", "11.4", "9.37", "6.94", "6.35", "8.19", "6.42", "3.40"],
            &["AUC0–24 (mg·h/L)", "111", "98.7", "89.4", "38.0", "90.3", "94.0", "84.6", "29.2"],
        ],
    );
    t.title = Some("Penetration of dalmezolid into skin blisters in healthy volunteers".into());
    let records = table_records(&t);
    let read: Vec<(&str, &str, &str, &str)> = records
        .iter()
        .filter_map(|r| {
            Some((
                r.parameter.as_deref()?,
                r.context.subject.as_deref()?,
                r.context.matrix.as_deref()?,
                r.context.time.as_deref()?,
            ))
        })
        .collect();
    assert_eq!(read.len(), 16, "{}", show(&records));
    assert!(read.iter().all(|(p, _, _, _)| *p == "CONC"));
    assert!(read.contains(&("CONC", "V1", "plasma", "1 h")));
    assert!(read.contains(&("CONC", "V4", "blister fluid", "2 h")));
    // The row of each volunteer's AUC under the times: that volunteer's, in that specimen.
    let auc: Vec<(&str, &str)> = records
        .iter()
        .filter(|r| r.parameter.as_deref() == Some("AUCINT"))
        .filter_map(|r| Some((r.context.subject.as_deref()?, r.context.matrix.as_deref()?)))
        .collect();
    assert_eq!(auc.len(), 8);
    assert_eq!(auc[7], ("V4", "blister fluid"));
    // Where the paper speaks of visits, `V1 | V2 | V3` are the visits', not subjects.
    t.title = Some("Dalmezolid in blister fluid at three study visits".into());
    assert!(table_records(&t).iter().all(|r| r.context.subject.is_none()));
    // A compartmental model's volumes stay volumes: `V1 | V2` alone under a header.
    let model = table(
        "Table 3. Population pharmacokinetic parameters",
        &[&["Parameter", "Estimate", "Estimate"], &["Parameter", "V1 (L)", "V2 (L)"]],
        &[&["Typical value", "12.1", "30.4"]],
    );
    let codes: Vec<Option<String>> = table_records(&model).into_iter().map(|r| r.parameter).collect();
    assert_eq!(codes, [Some("VC".to_owned()), Some("VP".to_owned())]);
    // Nor a run of them under a header that names no specimen: `Volumes (L)` over `V1 | V2
    // | V3`.
    let model = table(
        "Table 3. Population pharmacokinetic parameters",
        &[&["Parameter", "Volumes (L)", "Volumes (L)", "Volumes (L)"], &["Parameter", "V1", "V2", "V3"]],
        &[&["Typical value", "12.1", "30.4", "55.0"]],
    );
    let codes: Vec<Option<String>> = table_records(&model).into_iter().map(|r| r.parameter).collect();
    assert_eq!(codes[..2], [Some("VC".to_owned()), Some("VP".to_owned())]);
}

#[test]
fn specimens_beside_a_unit_column_are_concentrations() {
    // `Subject | Specimen | Unit | Week 4 | Week 8`, a caption naming the drug in its
    // specimens without the word "concentrations": each specimen's level at each week.
    let t = table(
        "Table 2. Dermaconazide in plasma and nail clippings of individual subjects",
        &[&["Subject", "Specimen", "Unit", "Week 4", "Week 8"]],
        &[
            &["01", "Plasma", "ng/mL", "407", "459"],
            &["01", "Fingernail", "ng/mg", "0.30", "0.80"],
            &["02", "Plasma", "ng/mL", "632", "602"],
            &["02", "Fingernail", "ng/mg", "0.28", "0.62"],
        ],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 8, "{}", show(&records));
    let first = &records[0];
    assert_eq!(
        (first.parameter.as_deref(), first.context.subject.as_deref(), first.context.time.as_deref()),
        (Some("CONC"), Some("01"), Some("week 4"))
    );
    assert!(
        records
            .iter()
            .any(|r| r.context.matrix.as_deref() == Some("fingernail") && r.unit_raw.as_deref() == Some("ng/mg"))
    );
    // A laboratory's analytes beside their units are no specimens' levels.
    let labs = table(
        "Table 4. Haematology and serum biochemistry before and 24 h after dosing",
        &[&["Variable", "Unit", "Baseline", "24 h after dosing"]],
        &[&["Creatinine", "µmol/L", "124", "129"], &["Total protein", "g/L", "64.5", "63.9"]],
    );
    assert!(table_records(&labs).is_empty(), "{}", show(&table_records(&labs)));
}

#[test]
fn an_area_without_its_span_is_each_subjects_exposure() {
    // `AUC (µM·min)` over each dose's column, the table's only parameter: a value per
    // subject and dose, its code left open (which area the name does not say).
    let t = table(
        "Table 3. Individual exposure from the test dose to the end of conditioning",
        &[&["Patient", "AUC (µM·min)", "AUC (µM·min)"], &["Patient", "Test dose", "Dose 1"]],
        &[&["P1", "1241", "3533"], &["P2", "934", "4995"]],
    );
    let records = table_records(&t);
    let read: Vec<(Option<&str>, &str, &str)> = records
        .iter()
        .filter_map(|r| Some((r.parameter.as_deref(), r.context.subject.as_deref()?, r.context.group.as_deref()?)))
        .collect();
    assert_eq!(
        read,
        [(None, "P1", "Test dose"), (None, "P2", "Test dose"), (None, "P1", "Dose 1"), (None, "P2", "Dose 1")]
    );
    // Not a ROC curve's area, printed without an area's unit.
    let roc = table(
        "Table 4. Limited sampling strategies",
        &[&["Strategy", "Sensitivity (%)", "Specificity (%)", "AUC (95% CI)"]],
        &[&["C2 alone", "81", "77", "0.84 (0.77–0.91)"], &["C0 + C2", "88", "85", "0.91 (0.86–0.96)"]],
    );
    assert!(table_records(&roc).is_empty(), "{}", show(&table_records(&roc)));
    // A concentration-time table with an area's row under its times is still read.
    let profile = table(
        "Table 2. Individual plasma concentrations (mg/L)",
        &[&["Time (h)", "Patient 1", "Patient 2"]],
        &[&["1", "12.1", "10.4"], &["4", "6.2", "5.9"], &["AUC (mg·h/L)", "61", "55"]],
    );
    let records = table_records(&profile);
    let concentrations = records.iter().filter(|r| r.parameter.as_deref() == Some("CONC")).count();
    assert_eq!(concentrations, 4, "{}", show(&records));
}

#[test]
fn a_note_gives_the_values_their_unit() {
    // "Values are µg/mL." (or "All values in µg/mL"): the unit of every value.
    let mut t = table(
        "Table 3. Plasma cefdravone concentrations in individual sharks",
        &[&["Shark", "6 h", "1 d"]],
        &[&["BS-02", "59.1", "52.8"], &["BS-05", "62.8", "45.7"]],
    );
    for note in [
        "Values are µg/mL. —, sample clotted.",
        "All values in µg/mL.",
        "All values are total (protein-bound plus unbound) X in µg/mL, measured by UPLC-MS/MS.",
    ] {
        t.footnote = Some(note.into());
        let records = table_records(&t);
        assert_eq!(records.len(), 4);
        assert!(records.iter().all(|r| r.unit_raw.as_deref() == Some("µg/mL")), "{note}: {}", show(&records));
    }
    // Not a specimen's values among others: "Plasma values in µg/mL" says nothing of the
    // tissues' rows.
    t.footnote = Some("Plasma values in µg/mL.".into());
    assert!(table_records(&t).iter().all(|r| r.unit_raw.is_none()));
    // Nor a unit that is no concentration's: "Values (%) are CV".
    t.footnote = Some("Values (%) are coefficients of variation.".into());
    assert!(table_records(&t).iter().all(|r| r.unit_raw.is_none()));
}

#[test]
fn a_parameters_row_under_the_times_is_each_subjects_and_the_means() {
    // `AUC0–24 (mg·h/L)` under the sampling times, the subjects and their mean across: each
    // subject's area and the mean area, not concentrations.
    let t = table(
        "Table 2. Individual plasma concentrations",
        &[
            &["Time (h)", "Plasma concentration (mg/L)", "Plasma concentration (mg/L)", "Plasma concentration (mg/L)"],
            &["Time (h)", "Patient 1", "Patient 2", "Mean"],
        ],
        &[&["1", "12.1", "10.4", "11.3"], &["4", "6.2", "5.9", "6.1"], &["AUC0–24 (mg·h/L)", "61", "55", "58"]],
    );
    let records = table_records(&t);
    let areas: Vec<(Option<&str>, Statistic, Option<&str>)> = records
        .iter()
        .filter(|r| r.parameter.as_deref() == Some("AUCINT"))
        .map(|r| (r.context.subject.as_deref(), r.statistic, r.unit_raw.as_deref()))
        .collect();
    assert_eq!(
        areas,
        [
            (Some("Patient 1"), Statistic::Individual, Some("mg·h/L")),
            (Some("Patient 2"), Statistic::Individual, Some("mg·h/L")),
            (None, Statistic::Mean, Some("mg·h/L"))
        ],
        "{}",
        show(&records)
    );
}

#[test]
fn animals_named_across_whose_sex_the_notes_give_and_milkings_the_notes_time() {
    // Names across under "individual koalas", each described in the footnote by its sex:
    // the animals' concentrations at the stub's times.
    let mut t = table(
        "Table 1. Plasma marvoxacin concentrations (µg/mL) in individual koalas",
        &[&["Time after injection (h)", "Banjo", "Tilly", "Wattle"]],
        &[&["0.25", "2.80", "4.35", "3.51"], &["0.5", "4.33", "5.04", "5.12"]],
    );
    t.footnote = Some("Banjo, male, 7.9 kg; Tilly, female, 5.6 kg; Wattle, female, 6.1 kg.".into());
    let records = table_records(&t);
    let subjects: Vec<&str> = records.iter().filter_map(|r| r.context.subject.as_deref()).collect();
    assert_eq!(subjects, ["Banjo", "Tilly", "Wattle", "Banjo", "Tilly", "Wattle"], "{}", show(&records));
    // Without the notes' description the caption's "individual" says so, the names
    // being none the paper mentions; without either nothing does.
    t.footnote = None;
    t.abstract_text = Some("Three koalas received X subcutaneously.".into());
    assert_eq!(table_records(&t).iter().filter(|r| r.context.subject.is_some()).count(), 6);
    t.caption = Some("Table 1. Plasma marvoxacin concentrations (µg/mL) in koalas".into());
    assert!(table_records(&t).iter().all(|r| r.context.subject.is_none()));
    // Milkings coded `M1–M6` and timed by the footnote's list.
    let mut t = table(
        "Table 2. Pirvamycin concentrations (µg/mL) in quarter milk of individual cows",
        &[&["Cow", "M1", "M2", "M3"]],
        &[&["1187", "19.0", "8.97", "3.25"], &["1203", "15.1", "6.39", "2.75"]],
    );
    t.footnote = Some("M1–M3, milkings 12, 24 and 36 h after the last infusion.".into());
    let records = table_records(&t);
    let read: Vec<(&str, &str)> =
        records.iter().filter_map(|r| Some((r.context.subject.as_deref()?, r.context.time.as_deref()?))).collect();
    assert_eq!(read.len(), 6, "{}", show(&records));
    assert!(read.contains(&("1187", "12 h")) && read.contains(&("1203", "36 h")));
}

#[test]
fn sampling_times_under_the_phases_of_a_treatment_beside_parameters() {
    // `Hypothermia (33.5 °C)` over `2 | 24`, `Normothermia` over `96`, beside each
    // neonate's clearance, the caption giving the times' unit ("by hours after the dose"):
    // concentrations at those hours.
    let t = table(
        "Table 2. Serum concentrations (mg/L) in individual neonates by hours after the loading dose, with individual clearance estimates",
        &[
            &["Neonate", "Hypothermia (33.5 °C)", "Hypothermia (33.5 °C)", "Normothermia", "CL (mL/kg/h)"],
            &["Neonate", "2", "24", "96", "CL (mL/kg/h)"],
        ],
        &[&["N01", "87.3", "44.0", "37.5", "3.46"], &["N02", "81.3", "45.6", "34.9", "2.41"]],
    );
    let records = table_records(&t);
    let concentrations: Vec<(&str, &str)> = records
        .iter()
        .filter(|r| r.parameter.as_deref() == Some("CONC"))
        .filter_map(|r| Some((r.context.subject.as_deref()?, r.context.time.as_deref()?)))
        .collect();
    assert_eq!(concentrations.len(), 6, "{}", show(&records));
    assert!(concentrations.contains(&("N01", "2 h")) && concentrations.contains(&("N02", "96 h")));
    assert_eq!(records.iter().filter(|r| r.parameter.as_deref() == Some("CLO")).count(), 2);
}

#[test]
fn organs_named_bare_are_tissue_distribution_specimens() {
    // `Time (h) | Mouse | Plasma (ng/mL) | Brain (ng/g)`: each animal's plasma and brain
    // homogenate at its time, the organ named by the whole label.
    let t = table(
        "Table 4. Plasma and brain X concentrations in individual mice",
        &[&["Time (h)", "Mouse", "Plasma (ng/mL)", "Brain (ng/g)"]],
        &[&["0.25", "M01", "522", "109"], &["0.5", "M02", "635", "212"]],
    );
    let records = table_records(&t);
    let brain: Vec<&Record> = records.iter().filter(|r| r.unit_raw.as_deref() == Some("ng/g")).collect();
    assert_eq!(brain.len(), 2, "{}", show(&records));
    assert!(brain.iter().all(|r| r.context.matrix.as_deref() == Some("brain tissue")), "{}", show(&records));
    // A phrase that only starts with an organ names none.
    assert_eq!(crate::context::matrix_of("Heart rate (bpm)"), None);
    assert_eq!(crate::context::matrix_of("Lung (µg/g)"), Some("lung tissue"));
}

#[test]
fn a_specimen_column_names_the_kind_a_generic_label_leaves_open() {
    // `Effusion` over `Pleural fluid | Ascitic fluid`, the level in `Effusion fluid (mg/L)`:
    // each row's effusion is its specimen; likewise `Specimen` over `Bone | Fat` beside a
    // `Tissue (mg/kg)` column.
    let t = table(
        "Table 1. Paired plasma and effusion X concentrations",
        &[&["Patient", "Effusion", "Time (h)", "Plasma (mg/L)", "Effusion fluid (mg/L)"]],
        &[&["E1", "Pleural fluid", "1.0", "24.0", "6.0"], &["E2", "Ascitic fluid", "0.9", "47.6", "11.2"]],
    );
    let records = table_records(&t);
    let matrices: Vec<(f64, Option<&str>)> =
        records.iter().map(|r| (r.value.unwrap_or_default(), r.context.matrix.as_deref())).collect();
    assert!(matrices.contains(&(6.0, Some("pleural fluid"))), "{}", show(&records));
    assert!(matrices.contains(&(11.2, Some("ascitic fluid"))), "{}", show(&records));
    assert!(matrices.contains(&(24.0, Some("plasma"))), "{}", show(&records));
    let t = table(
        "Table 2. Paired plasma and tissue X concentrations at surgery",
        &[&["Patient", "Specimen", "Time (h)", "Plasma (mg/L)", "Tissue (mg/kg)"]],
        &[&["P1", "Bone", "1.0", "24.0", "6.0"], &["P2", "Fat", "0.9", "47.6", "11.2"]],
    );
    let records = table_records(&t);
    let matrices: Vec<(f64, Option<&str>)> =
        records.iter().map(|r| (r.value.unwrap_or_default(), r.context.matrix.as_deref())).collect();
    assert!(matrices.contains(&(6.0, Some("bone"))), "{}", show(&records));
    assert!(matrices.contains(&(11.2, Some("adipose tissue"))), "{}", show(&records));
}

#[test]
fn the_studied_animal_heads_its_ids() {
    // `Sea lion` over the animals' names in "... in stranded California sea lions", with
    // their mean and SD under them: each name a subject.
    let mut t = table(
        "Table 2. Non-compartmental pharmacokinetic parameters of X in individual animals",
        &[&["Sea lion", "Cmax (µg/mL)", "t½ (h)"]],
        &[
            &["Bodega", "3.63", "11.9"],
            &["Kelpie", "2.94", "8.40"],
            &["Marisol", "3.59", "8.47"],
            &["Mean", "3.39", "9.59"],
        ],
    );
    t.title = Some("Pharmacokinetics of X in stranded California sea lions".into());
    let records = table_records(&t);
    let subjects: Vec<Option<&str>> = records
        .iter()
        .filter(|r| r.parameter.as_deref() == Some("CMAX"))
        .map(|r| r.context.subject.as_deref())
        .collect();
    assert_eq!(subjects, [Some("Bodega"), Some("Kelpie"), Some("Marisol"), None], "{}", show(&records));
    // `Frog` over codes after the sampling times, one frog killed at each.
    let mut t = table(
        "Table 3. Individual skin X concentrations after a bath",
        &[&["Time after bath (h)", "Frog", "Skin (µg/g)"]],
        &[&["0", "X1", "90.5"], &["", "X2", "98.5"], &["2", "X3", "76.8"], &["", "X4", "79.3"]],
    );
    t.title = Some("Skin residues of X in African clawed frogs".into());
    let records = table_records(&t);
    let read: Vec<(Option<&str>, Option<&str>)> =
        records.iter().map(|r| (r.context.subject.as_deref(), r.context.time.as_deref())).collect();
    assert_eq!(read[..2], [(Some("X1"), Some("0 h")), (Some("X2"), Some("0 h"))], "{}", show(&records));
    // What a table compares is no animal, though the caption names it: groups, not subjects.
    let t = table(
        "Table 3. Pharmacokinetic parameters of X by renal function groups",
        &[&["Renal function", "Cmax (ng/mL)"]],
        &[&["Normal", "104 (23)"], &["Mild", "112 (27)"], &["Moderate", "121 (31)"]],
    );
    let records = table_records(&t);
    assert!(records.iter().all(|r| r.context.subject.is_none()), "{}", show(&records));
}

#[test]
fn names_the_paper_never_mentions_are_individuals() {
    // `Hercules | Olive | Ziggy | Bubbles | Mean (SD)` under the specimen's header in
    // "Individual haemolymph X concentrations": each name an animal.
    let mut t = table(
        "Table 1. Individual haemolymph X concentrations after 10 mg/kg",
        &[
            &[
                "Time",
                "Haemolymph X (µg/mL)",
                "Haemolymph X (µg/mL)",
                "Haemolymph X (µg/mL)",
                "Haemolymph X (µg/mL)",
                "Haemolymph X (µg/mL)",
            ],
            &["Time", "Hercules", "Olive", "Ziggy", "Bubbles", "Mean (SD)"],
        ],
        &[
            &["15 min", "51.3", "50.6", "75.1", "75.4", "63.1 (14)"],
            &["1 h", "39.1", "32.3", "54.8", "53.0", "44.8 (11)"],
        ],
    );
    t.title = Some("Pharmacokinetics of X in giant Pacific octopus".into());
    t.abstract_text = Some("Four octopus received X intravascularly; haemolymph was sampled for 48 h.".into());
    let records = table_records(&t);
    let first = records.iter().find(|r| r.value == Some(51.3)).expect("the first animal's level");
    assert_eq!(
        (first.context.subject.as_deref(), first.context.matrix.as_deref()),
        (Some("Hercules"), Some("haemolymph")),
        "{}",
        show(&records)
    );
    // Groups the abstract names are no animals.
    t.abstract_text = Some("Octopus were held at Hercules, Olive, Ziggy and Bubbles aquaria.".into());
    let records = table_records(&t);
    assert!(records.iter().all(|r| r.context.subject.is_none()), "{}", show(&records));
}

#[test]
fn coded_subjects_over_specimens_the_notes_shorten_with_a_point() {
    // `IT-01` over `Vent. | Lumb.`, "Vent., ventricular CSF; Lumb., lumbar CSF", in a table
    // of individual levels: each code a patient, each leaf its site of CSF.
    let header: &[&[&str]] = &[
        &["Time", "CSF X (µg/mL)", "CSF X (µg/mL)", "CSF X (µg/mL)", "CSF X (µg/mL)", "CSF X (µg/mL)", "CSF X (µg/mL)"],
        &["Time", "IT-01", "IT-01", "IT-02", "IT-02", "IT-03", "IT-03"],
        &["Time", "Vent.", "Lumb.", "Vent.", "Lumb.", "Vent.", "Lumb."],
    ];
    let mut t = table(
        "Table 2. Individual CSF X concentrations after the first intraventricular dose",
        header,
        &[&["15 min", "71.6", "—", "71.5", "—", "61.5", "—"], &["4 h", "34.4", "5.36", "41.2", "6.33", "30.2", "5.56"]],
    );
    t.footnote = Some("Vent., ventricular CSF from the reservoir; Lumb., lumbar CSF by lumbar puncture.".into());
    let records = table_records(&t);
    let read: Vec<(f64, Option<&str>, Option<&str>)> = records
        .iter()
        .map(|r| (r.value.unwrap_or_default(), r.context.subject.as_deref(), r.context.matrix.as_deref()))
        .collect();
    assert!(read.contains(&(71.6, Some("IT-01"), Some("ventricular CSF"))), "{}", show(&records));
    assert!(read.contains(&(6.33, Some("IT-02"), Some("lumbar CSF"))), "{}", show(&records));
}

#[test]
fn weeks_down_a_blank_corner_and_animals_by_name_across() {
    // A blank corner over `Dose | Week 1 | Week 2`, names across, "by otter and week" in a
    // paper about otters: each animal's trough at each week; the dose row none of them.
    let mut t = table(
        "Table 1. Trough plasma X concentrations (µg/mL) by otter and week of therapy",
        &[&["", "Nalu", "Sunny", "Kai", "Misty"]],
        &[
            &["Dose (mg/kg q24h)", "2.5", "2.5", "3.0", "2.5"],
            &["Week 1", "0.65", "2.95", "1.54", "1.46"],
            &["Week 2", "0.66", "2.92", "1.68", "1.89"],
        ],
    );
    t.title = Some("Monitoring of X in aquarium sea otters".into());
    let records = table_records(&t);
    assert_eq!(records.len(), 8, "{}", show(&records));
    let first = &records[0];
    assert_eq!(
        (first.value, first.context.subject.as_deref(), first.context.time.as_deref()),
        (Some(0.65), Some("Nalu"), Some("week 1"))
    );
    // Without the title's animals, `by` names no subjects: the names stay groups.
    t.title = None;
    assert!(table_records(&t).iter().all(|r| r.context.subject.is_none()));
}

#[test]
fn the_time_since_the_dose_before_the_clock_beside_it() {
    // `Clock time | Time after dose (h)` in a long table: the time after the dose is the
    // sample's time, the clock only when it was drawn.
    let t = table(
        "Table 3. Individual steady-state plasma glifenoxin concentrations by clock time and time after the dose",
        &[&["Patient", "Clock time", "Time after dose (h)", "Glifenoxin (ng/mL)"]],
        &[&["R01", "09:48", "1.8", "730"], &["R01", "11:12", "3.2", "725"], &["R02", "09:30", "1.5", "1022"]],
    );
    let records = table_records(&t);
    let read: Vec<(Option<&str>, Option<&str>)> =
        records.iter().map(|r| (r.context.subject.as_deref(), r.context.time.as_deref())).collect();
    assert_eq!(read, [(Some("R01"), Some("1.8 h")), (Some("R01"), Some("3.2 h")), (Some("R02"), Some("1.5 h"))]);
}

#[test]
fn a_day_with_what_it_says_of_itself_over_its_hours() {
    // `Day 1 (admission)` and `Day 6 · Namche Bazaar (3,440 m)` over `1 h | 3 h`: the hours
    // on that day; a span of days (`Day 1–7`) is no day.
    for (day, expected) in [
        ("Day 1 (admission)", Some("day 1, 1 h")),
        ("Day 6 · Namche (3,440 m)", Some("day 6, 1 h")),
        ("Day 3 of therapy", Some("day 3, 1 h")),
        ("Day 1–7", Some("1 h")),
    ] {
        let t = table(
            "Table 1. Individual plasma X concentrations (mg/L)",
            &[&["Patient", day, day], &["Patient", "1 h", "3 h"]],
            &[&["P1", "2.1", "3.0"], &["P2", "2.2", "3.1"]],
        );
        let records = table_records(&t);
        assert_eq!(records.first().and_then(|r| r.context.time.as_deref()), expected, "{day}: {}", show(&records));
    }
    assert_eq!(labels::leading_day("Day 28 (recovery)").as_deref(), Some("day 28"));
    assert_eq!(labels::leading_day("Day 1 to 7"), None);
    assert_eq!(labels::leading_day("Days 1 (x)"), None);
}

#[test]
fn a_note_whose_mark_nothing_carries_declares_the_table() {
    // "a Data are geometric mean (CV%). b Median (range).", `a` on nothing of the table (its
    // mark was on the title), `b` on tmax: the other values are geometric means with CVs.
    let mut t = table(
        "Table 2. Pharmacokinetic parameters of X in broiler chickens and turkeys",
        &[&["Species", "AUC0–∞ (µg·h/mL)", "tmax b (h)"]],
        &[&["Chickens", "38.6 (14.2)", "2.0 (1.0–4.0)"], &["Turkeys", "52.4 (17.3)", "4.0 (2.0–6.0)"]],
    );
    t.footnote = Some("a Data are geometric mean (CV%). b Median (range).".into());
    let records = table_records(&t);
    let area = records.iter().find(|r| r.parameter.as_deref() == Some("AUCIFO")).expect("the area");
    assert_eq!(area.statistic, Statistic::GeometricMean, "{}", show(&records));
    let tmax = records.iter().find(|r| r.parameter.as_deref() == Some("TMAX")).expect("tmax");
    assert_eq!(tmax.statistic, Statistic::Median, "{}", show(&records));
    // Where the table is declared otherwise, the orphan note stays its mark's.
    t.footnote = Some("Values are mean (SD). a Geometric mean (CV%). b Median (range).".into());
    let records = table_records(&t);
    let area = records.iter().find(|r| r.parameter.as_deref() == Some("AUCIFO")).expect("the area");
    assert_eq!(area.statistic, Statistic::Mean, "{}", show(&records));
}

#[test]
fn parameters_of_the_total_drug_and_of_whose_sample() {
    // `Maternal Cmax, total (µg/mL)`, `Maternal Cmax, unbound (ng/mL)`, `Total AUC0–∞`:
    // the parameter's code, whatever the fraction or the person.
    for label in
        ["Maternal Cmax, total (µg/mL)", "Cmax, total (µg/mL)", "Maternal Cmax, unbound (ng/mL)", "Total Cmax (µg/mL)"]
    {
        let t = table(
            "Table 2. Maternal X exposure",
            &[&["", "PIEB (n = 20)", "CEI (n = 20)"]],
            &[&[label, "0.48 [0.36–0.63]", "0.59 [0.44–0.78]"]],
        );
        let records = table_records(&t);
        assert_eq!(records.first().and_then(|r| r.parameter.as_deref()), Some("CMAX"), "{label}: {}", show(&records));
    }
    // Each label's person is its record's population, not the caption's.
    let t = table(
        "Table 2. X exposure in mothers and infants",
        &[&["", "Group A"]],
        &[&["Maternal Cmax (ng/mL)", "12 (3)"], &["Infant Cmax (ng/mL)", "1.2 (0.3)"]],
    );
    let records = table_records(&t);
    let populations: Vec<Option<&str>> = records.iter().map(|r| r.context.population.as_deref()).collect();
    assert_eq!(populations, [Some("maternal"), Some("infant")]);
    // A person's word before no parameter names none.
    assert!(super::without_total_or_whose("Maternal age (years)").is_some_and(|l| parameter_code(&l, None).is_none()));
}

#[test]
fn a_u_after_the_symbol_marks_the_unbound_drug() {
    // `AUCu,0–∞`, `AUCu0–24`, `CLu/F`, `Cu,max`: the parameter of the unbound drug.
    for (label, code) in [
        ("AUCu,0–∞ (ng·h/mL)", "AUCIFO"),
        ("AUCu0–24 (ng·h/mL)", "AUCINT"),
        ("CLu/F (L/h)", "CLFO"),
        ("Cu,max (ng/mL)", "CMAX"),
    ] {
        let t = table(
            "Table 2. Pharmacokinetic parameters of bravanolol",
            &[&["Parameter", "Healthy (n = 8)"]],
            &[&[label, "25.1 ± 6.4"]],
        );
        let records = table_records(&t);
        assert_eq!(records.first().and_then(|r| r.parameter.as_deref()), Some(code), "{label}: {}", show(&records));
    }
}

#[test]
fn specimens_spanning_their_times_with_subjects_across() {
    // `Matrix | Time (h) | NS-01 | NS-02`, each specimen with its unit spanning its times:
    // the subjects' levels at those times; the times themselves no values.
    let t = table(
        "Table 2. Individual rinavudex concentrations in nasal lining fluid and plasma",
        &[&["Matrix", "Time (h)", "NS-01", "NS-02", "NS-03"]],
        &[
            &["Nasal lining fluid (ng/mL)", "0.25", "6,996", "3,578", "5,683"],
            &["Nasal lining fluid (ng/mL)", "1", "5,903", "2,818", "4,522"],
            &["Plasma (pg/mL)", "0.25", "51.5", "37.5", "56.3"],
            &["Plasma (pg/mL)", "1", "123", "81.6", "141"],
        ],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 12, "{}", show(&records));
    assert!(records.iter().all(|r| r.context.subject.is_some()), "{}", show(&records));
    assert!(
        records.iter().any(|r| r.value == Some(6996.0) && r.context.matrix.as_deref() == Some("nasal lining fluid"))
    );
}

#[test]
fn hours_and_minutes_written_out_and_a_specimens_sodium() {
    // `3 h 07 min` since the last dose, in a column whose header gives no unit; the
    // perilymph's sodium beside the drug's level is no level of the drug.
    let t = table(
        "Table 4. Perilymph and plasma X concentrations by patient",
        &[&["Patient", "Last dose to sampling", "Perilymph (µg/mL)", "Perilymph Na+ (mmol/L)"]],
        &[&["CI-01", "3 h 07 min", "2.40", "146"], &["CI-02", "1 h 30 min", "5.06", "145"]],
    );
    let records = table_records(&t);
    let read: Vec<(Option<f64>, Option<&str>, Option<&str>)> =
        records.iter().map(|r| (r.value, r.context.time.as_deref(), r.context.matrix.as_deref())).collect();
    assert_eq!(
        read,
        [(Some(2.40), Some("187 min"), Some("perilymph")), (Some(5.06), Some("90 min"), Some("perilymph"))]
    );
}

#[test]
fn time_to_an_outcome_is_no_sampling_time() {
    // `Time to sternal recumbency (min)` beside each dog's parameters: an effect's measure,
    // not when a sample was drawn.
    let t = table(
        "Table 2. Individual pharmacokinetic parameters of X after 2 mg/kg intravenously",
        &[&["Dog", "CL (mL/min/kg)", "Vss (L/kg)", "Time to sternal recumbency (min)"]],
        &[&["Blue", "21.3", "1.32", "21"], &["Dash", "26.9", "1.72", "22"], &["Rocket", "27.8", "1.36", "38"]],
    );
    let records = table_records(&t);
    assert!(!records.is_empty(), "{}", show(&records));
    assert!(records.iter().all(|r| r.context.time.is_none()), "{}", show(&records));
}

#[test]
fn a_specimens_abbreviation_before_a_comma_and_faeces() {
    // `FF, left ovary (ng/mL)` with "FF, follicular fluid"; `Faeces (ng/g)` over days.
    let mut t = table(
        "Table 2. Serum and follicular fluid X concentrations at oocyte retrieval, by woman",
        &[&[
            "Woman",
            "Last dose to retrieval (h)",
            "Serum (ng/mL)",
            "FF, left ovary (ng/mL)",
            "FF, right ovary (ng/mL)",
        ]],
        &[&["F01", "13.5", "43.7", "23.0", "22.5"], &["F02", "13.0", "36.1", "15.1", "22.6"]],
    );
    t.footnote = Some("FF, follicular fluid from the first follicle aspirated on each side.".into());
    let records = table_records(&t);
    assert_eq!(
        records.iter().filter(|r| r.context.matrix.as_deref() == Some("follicular fluid")).count(),
        4,
        "{}",
        show(&records)
    );
    let t = table(
        "Table 2. Individual plasma and faecal X concentrations in reindeer",
        &[&["Ear tag", "Faeces (ng/g)", "Faeces (ng/g)"], &["Ear tag", "Day 3", "Day 7"]],
        &[&["FI-2214", "95.1", "322"], &["FI-2217", "120", "306"]],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 4, "{}", show(&records));
    assert!(records.iter().all(|r| r.context.matrix.as_deref() == Some("faeces")));
    // A parasite's egg counts in faeces are no drug's.
    assert_eq!(crate::context::matrix_of("Faecal egg count (EPG)"), None);
}

#[test]
fn a_row_of_covariates_under_the_subjects_ids_is_no_part_of_them() {
    // Each child's age printed below its code: the codes name the subjects.
    let t = table(
        "Table 3. Plasma concentrations of X (µg/L) in individual children after an intravenous bolus",
        &[&["Time (min)", "C1", "C2", "C3"], &["Time (min)", "2.4 y", "3.1 y", "4.8 y"]],
        &[&["2", "2.99", "1.94", "2.33"], &["30", "0.546", "0.537", "0.541"]],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 6);
    for r in &records {
        assert_eq!(r.statistic, Statistic::Individual, "{r:?}");
        assert!(["C1", "C2", "C3"].contains(&r.context.subject.as_deref().unwrap_or_default()), "{r:?}");
    }
    assert_eq!(records[0].context.time.as_deref(), Some("2 min"));
    // Times under one subject's id are its columns' times, not covariates (`P1` over `2 wk |
    // 4 wk`): the row stays.
    let spanning = table(
        "Table 3. Trough concentrations of X (mg/L) in individual patients",
        &[&["Dose", "P1", "P1"], &["Dose", "2 wk", "4 wk"]],
        &[&["10 mg", "2.1", "2.4"]],
    );
    let mut paths: Vec<Vec<String>> = (0..3).map(|c| spanning.header_path(c)).collect();
    drop_covariate_row(&mut paths);
    assert_eq!(paths[1].len(), 2);
}

#[test]
fn sampling_times_spanning_each_analyte_with_subjects_down() {
    // `Time (h)` over `1 | 3` over the parent and its metabolite, each patient a row: the
    // number is the time in the time header's unit (not a subject over its analytes), the
    // unit of the concentrations the caption's (not the time header's hours).
    let mut t = table(
        "Table 2. Steady-state plasma concentrations (ng/mL) of zelpiramide and its metabolite in individual residents",
        &[
            &["Patient", "Time after dose (h)", "Time after dose (h)", "Time after dose (h)", "Time after dose (h)"],
            &["Patient", "1", "1", "3", "3"],
            &["Patient", "P", "M", "P", "M"],
        ],
        &[&["OA-01", "72.3", "29.7", "117", "57.7"], &["OA-02", "149", "68.7", "194", "75.0"]],
    );
    t.footnote = Some("P, zelpiramide (parent drug); M, N-desmethylzelpiramide.".into());
    let records = table_records(&t);
    let got: Vec<String> = records
        .iter()
        .map(|r| {
            format!(
                "{:?} {} {} {} {}",
                r.value,
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.context.analyte.as_deref().unwrap_or("-"),
                r.unit_raw.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(records.len(), 8, "{got:#?}");
    assert!(got.contains(&"Some(72.3) OA-01 1 h zelpiramide ng/mL".to_owned()), "{got:#?}");
    assert!(got.contains(&"Some(75.0) OA-02 3 h N-desmethylzelpiramide ng/mL".to_owned()), "{got:#?}");
}

#[test]
fn named_animals_after_a_species_column_with_times_beside_a_parameter() {
    // `Species | Bird` then the hours under the header that gives their unit, a half-life
    // column beside them: each bird by its name, each level at its time.
    let t = table(
        "Table 3. Plasma X concentrations (µg/mL) and terminal half-lives in individual birds after 10 mg/kg orally",
        &[
            &["Species", "Bird", "Hours after oral dosing", "Hours after oral dosing", "t½ (h)"],
            &["Species", "Bird", "0.5", "1", "t½ (h)"],
        ],
        &[
            &["African grey parrot", "Kiki", "4.58", "5.27", "4.2"],
            &["African grey parrot", "Mango", "2.43", "2.75", "4.8"],
            &["Blue-fronted amazon", "Lola", "2.61", "3.81", "5.6"],
        ],
    );
    let records = table_records(&t);
    let got: Vec<(&str, &str, Option<&str>, f64)> = records
        .iter()
        .map(|r| {
            (
                r.parameter.as_deref().unwrap_or("-"),
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.time.as_deref(),
                r.value.unwrap_or(f64::NAN),
            )
        })
        .collect();
    assert_eq!(records.len(), 9, "{got:?}");
    assert!(got.contains(&("CONC", "Kiki", Some("0.5 h"), 4.58)), "{got:?}");
    assert!(got.contains(&("CONC", "Lola", Some("1 h"), 3.81)), "{got:?}");
    assert!(got.contains(&("LAMZHL", "Mango", None, 4.8)), "{got:?}");
}

#[test]
fn a_specimens_abbreviation_spanning_its_sampling_times() {
    // `dISF-L (ng/mL)` over `2 h | 6 h`, the notes defining the abbreviation: the specimen's
    // concentrations at each time, beside plasma's.
    let mut t = table(
        "Table 2. Plasma and dermal interstitial fluid concentrations of X at steady state in individual patients",
        &[
            &["Subject", "Plasma (ng/mL)", "Plasma (ng/mL)", "dISF-L (ng/mL)", "dISF-L (ng/mL)"],
            &["Subject", "2 h", "6 h", "2 h", "6 h"],
        ],
        &[&["PSO-01", "517", "230", "78.5", "37.2"], &["PSO-02", "422", "259", "69.0", "38.5"]],
    );
    t.footnote = Some("dISF-L, dermal interstitial fluid from lesional skin.".into());
    let records = table_records(&t);
    assert_eq!(records.len(), 8);
    let dermal: Vec<(&str, &str, f64)> = records
        .iter()
        .filter(|r| r.context.matrix.as_deref() == Some("interstitial fluid"))
        .map(|r| (r.context.subject.as_deref().unwrap(), r.context.time.as_deref().unwrap(), r.value.unwrap()))
        .collect();
    assert_eq!(
        dermal,
        [("PSO-01", "2 h", 78.5), ("PSO-02", "2 h", 69.0), ("PSO-01", "6 h", 37.2), ("PSO-02", "6 h", 38.5)]
    );
}

#[test]
fn tonsils_and_adenoids_by_the_interval_from_the_dose_to_excision() {
    // `Interval dose–excision (min)` is each child's sampling time; tonsil and adenoid
    // named bare are tissues.
    let t = table(
        "Table 2. Serum and tissue X concentrations in individual children at tonsil excision",
        &[&[
            "Child",
            "Age (years)",
            "Interval dose–excision (min)",
            "Serum (µg/mL)",
            "Tonsil (µg/g)",
            "Adenoid (µg/g)",
        ]],
        &[&["T01", "11", "56", "15.0", "9.2", "3.4"], &["T02", "7", "37", "21.6", "8.9", "—"]],
    );
    let got: Vec<(String, String, String, f64)> = table_records(&t)
        .iter()
        .map(|r| {
            (
                r.context.subject.clone().unwrap_or_default(),
                r.context.time.clone().unwrap_or_default(),
                r.context.matrix.clone().unwrap_or_default(),
                r.value.unwrap(),
            )
        })
        .collect();
    let want = |s: &str, t: &str, m: &str, v: f64| (s.to_owned(), t.to_owned(), m.to_owned(), v);
    assert_eq!(got.len(), 5, "{got:?}");
    assert!(got.contains(&want("T01", "56 min", "serum", 15.0)), "{got:?}");
    assert!(got.contains(&want("T01", "56 min", "tonsil tissue", 9.2)), "{got:?}");
    assert!(got.contains(&want("T01", "56 min", "adenoid tissue", 3.4)), "{got:?}");
}

#[test]
fn bare_numbers_under_a_header_counting_days_after_an_event_are_days() {
    // `Day after injection` over `1 | 2 | 4`: days since the dose, not subjects numbered.
    let t = table(
        "Table 2. Plasma X concentrations in three koi after a single intracoelomic injection of 10 mg/kg",
        &[
            &["Day after injection", "Plasma X (µg/mL)", "Plasma X (µg/mL)", "Plasma X (µg/mL)"],
            &["Day after injection", "Kohaku", "Sanke", "Showa"],
        ],
        &[&["1", "7.89", "8.47", "9.71"], &["2", "6.16", "6.74", "8.00"], &["4", "3.62", "5.56", "5.09"]],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 9);
    assert!(records.iter().all(|r| r.context.subject.as_deref().is_none_or(|s| !s.starts_with(char::is_numeric))));
    let times: Vec<&str> = records.iter().take(3).filter_map(|r| r.context.time.as_deref()).collect();
    assert_eq!(times, ["1 day", "2 day", "4 day"]);
}

#[test]
fn a_pairs_other_member_by_its_own_column() {
    // `Mare | Foal` then each one's specimens: the foal's plasma is the foal's, by its name.
    let t = table(
        "Table 2. X concentrations in mares, their milk and their foals",
        &[&["Mare", "Foal", "Day post partum", "Mare plasma (µg/mL)", "Milk (µg/mL)", "Foal plasma (µg/mL)"]],
        &[&["Saffron", "Pepper", "1", "3.47", "5.60", "0.065"], &["Willow", "Twig", "1", "2.29", "4.81", "0.061"]],
    );
    let got: Vec<(String, f64)> =
        table_records(&t).iter().map(|r| (r.context.subject.clone().unwrap_or_default(), r.value.unwrap())).collect();
    let want: Vec<(String, f64)> =
        [("Saffron", 3.47), ("Willow", 2.29), ("Saffron", 5.60), ("Willow", 4.81), ("Pepper", 0.065), ("Twig", 0.061)]
            .iter()
            .map(|(s, v)| ((*s).to_owned(), *v))
            .collect();
    assert_eq!(got, want);
}

#[test]
fn a_unit_before_what_the_columns_are_by() {
    // `Trough concentration (mg/L) by day of therapy` spanning the days: mg/L.
    assert_eq!(
        unit_and_clause("Trough concentration (mg/L) by day of therapy").map(|(u, _)| u).as_deref(),
        Some("mg/L")
    );
    let t = table(
        "Table 2. Serum trough concentrations of X in individual patients",
        &[
            &[
                "Patient",
                "Trough concentration (mg/L) by day of therapy",
                "Trough concentration (mg/L) by day of therapy",
            ],
            &["Patient", "Day 2", "Day 3"],
        ],
        &[&["FN-01", "9.8", "13.2"], &["FN-02", "11.0", "12.4"]],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 4);
    assert!(records.iter().all(|r| r.unit_raw.as_deref() == Some("mg/L")), "{}", show(&records));
}

#[test]
fn a_geometric_mean_with_its_cv_under_each_parameter() {
    // `Cmax (ng/mL)` over `GM (CV%)`, `tmax (h)` over `Median (range)`: each column's statistic.
    let t = table(
        "Table 3. Pharmacokinetic parameters of X by mode of administration",
        &[&["Administration", "Cmax (ng/mL)", "tmax (h)"], &["Administration", "GM (CV%)", "Median (range)"]],
        &[&["Intact capsule", "162 (28)", "2.0 (1.0–4.0)"], &["Sprinkled on applesauce", "158 (30)", "2.0 (1.0–4.0)"]],
    );
    insta::assert_snapshot!(show(&table_records(&t)), @r#"
    CMAX Some(162.0) geometric_mean Some("CV% 28") None Some("ng/mL") Some("ng/mL")->Some(162.0) "162 (28)" n=None group=Some("Intact capsule") route=None species=None
    CMAX Some(158.0) geometric_mean Some("CV% 30") None Some("ng/mL") Some("ng/mL")->Some(158.0) "158 (30)" n=None group=Some("Sprinkled on applesauce") route=None species=None
    TMAX Some(2.0) median None Some("range 1-4") Some("h") Some("h")->Some(2.0) "2.0 (1.0–4.0)" n=None group=Some("Intact capsule") route=None species=None
    TMAX Some(2.0) median None Some("range 1-4") Some("h") Some("h")->Some(2.0) "2.0 (1.0–4.0)" n=None group=Some("Sprinkled on applesauce") route=None species=None
    "#);
}

#[test]
fn a_parameter_after_its_specimen_and_an_area_its_marked_note_spans() {
    // `Egg yolk Cmax (µg/g)` is a peak in the yolk, not a concentration at a time; `AUC
    // (mg·h/L)^a` with "a AUC0–6 h" is the area to 6 h.
    let mut t = table(
        "Table 3. Pharmacokinetic parameters of X in laying hens",
        &[&["Parameter", "IV 10 mg/kg", "Oral 10 mg/kg"]],
        &[
            &["Cmax (µg/mL)", "12.8 ± 2.3", "2.64 ± 0.58"],
            &["Egg yolk Cmax (µg/g)", "0.84 ± 0.21", "0.41 ± 0.13"],
            &["AUC (mg·h/L)a", "38.2 ± 8.6", "41.7 ± 14.2"],
        ],
    );
    t.footnote = Some("Values are mean ± SD. a AUC0–6 h.".into());
    let got: Vec<(String, String)> = table_records(&t)
        .iter()
        .map(|r| (r.parameter.clone().unwrap_or_default(), r.context.matrix.clone().unwrap_or_default()))
        .collect();
    let want = |p: &str, m: &str| (p.to_owned(), m.to_owned());
    assert_eq!(got.len(), 6, "{got:?}");
    assert_eq!(got[2], want("CMAX", "egg yolk"), "{got:?}");
    assert_eq!(got[4].0, "AUCINT", "{got:?}");
}

#[test]
fn c0_in_the_intravenous_groups_column_is_the_initial_concentration() {
    let t = table(
        "Table 2. Plasma pharmacokinetic parameters of X in eight horses (mean ± SD)",
        &[&["Parameter", "Intravenous (0.5 mg/kg)", "Oral (1.0 mg/kg)"]],
        &[&["C0 (ng/mL)", "412 ± 86", "—"], &["Cmax (ng/mL)", "—", "96.4 ± 24.8"]],
    );
    let codes: Vec<Option<String>> = table_records(&t).into_iter().map(|r| r.parameter).collect();
    assert_eq!(codes, [Some("C0".to_owned()), Some("CMAX".to_owned())]);
    // A monitoring table's `C0` of an infused drug, no route group, stays undefined.
    let tdm = table(
        "Table 2. Vancomycin concentrations in patients on intravenous infusion",
        &[&["Patient", "C0 (mg/L)"]],
        &[&["P1", "12.1"], &["P2", "9.8"]],
    );
    assert!(table_records(&tdm).iter().all(|r| r.parameter.as_deref() != Some("C0")));
    // Nor a `C0` the notes define as the trough, route columns or not.
    let mut defined = table(
        "Table 2. X in transplant recipients by route",
        &[&["Parameter", "Intravenous", "Oral"]],
        &[&["C0 (ng/mL)", "8.1", "7.4"]],
    );
    defined.footnote = Some("C0, trough concentration before the morning dose.".into());
    assert!(table_records(&defined).iter().all(|r| r.parameter.as_deref() != Some("C0")));
}

#[test]
fn units_per_specimen_in_a_footnote_sentence_per_gram_too() {
    let mut t = table(
        "Table 2. Sputum and serum pharmacokinetics of nebulised X; median (range)",
        &[&["Parameter", "Sputum", "Serum"]],
        &[&["Cmax", "1,284 (312–4,960)", "1.08 (0.42–2.61)"], &["AUC0–8", "3,960 (1,120–12,800)", "5.62 (2.18–12.4)"]],
    );
    t.footnote = Some(
        "Sputum concentrations in µg/g and sputum AUC in µg·h/g; serum concentrations in µg/mL and serum AUC in µg·h/mL."
            .into(),
    );
    let units: Vec<Option<String>> = table_records(&t).into_iter().map(|r| r.unit_raw).collect();
    let want = |u: &str| Some(u.to_owned());
    assert_eq!(units, [want("µg/g"), want("µg/mL"), want("µg·h/g"), want("µg·h/mL")]);
}

#[test]
fn a_sample_the_notes_define_as_drawn_before_the_dose() {
    // `Pre-feed` under each day, "Pre-feed, sample drawn before the medicated morning feed".
    let mut t = table(
        "Table 1. Plasma X concentrations (ng/mL) in individual giraffes receiving 5 mg/kg once daily in feed",
        &[&["Giraffe", "Day 3", "Day 3", "Day 7", "Day 7"], &["Giraffe", "Pre-feed", "4 h", "Pre-feed", "4 h"]],
        &[
            &["Zuri", "30.3", "51.1", "35.4", "60.1"],
            &["Kito", "33.2", "53.0", "38.4", "53.9"],
            &["Amara", "38.8", "68.3", "45.7", "64.3"],
        ],
    );
    t.footnote =
        Some("Pre-feed, sample drawn before the medicated morning feed; 4 h, 4 h after the feed was offered.".into());
    t.title = Some("Plasma concentrations of X given in pelleted feed to reticulated giraffes".into());
    let times: Vec<(String, String)> = table_records(&t)
        .iter()
        .map(|r| (r.context.subject.clone().unwrap_or_default(), r.context.time.clone().unwrap_or_default()))
        .collect();
    assert_eq!(times.len(), 12, "{times:?}");
    assert!(times.contains(&("Zuri".to_owned(), "day 3, pre-dose".to_owned())), "{times:?}");
    assert!(times.contains(&("Kito".to_owned(), "day 7, 4 h".to_owned())), "{times:?}");
}

#[test]
fn a_dog_named_max_among_named_dogs_is_no_maximum() {
    let t = table(
        "Table 3. Plasma X concentrations in individual dogs after 20 mg/kg intravenously",
        &[&["Dog", "Plasma (µg/mL)", "Plasma (µg/mL)"], &["Dog", "1 h", "4 h"]],
        &[
            &["Biscuit", "31.9", "16.7"],
            &["Luna", "35.0", "11.0"],
            &["Max", "42.2", "17.5"],
            &["Rosie", "37.0", "16.3"],
        ],
    );
    let subjects: Vec<String> = table_records(&t).iter().filter_map(|r| r.context.subject.clone()).collect();
    assert_eq!(subjects.len(), 8);
    assert!(subjects.contains(&"Max".to_owned()));
}

#[test]
fn bare_hours_under_each_day_whose_unit_the_footnote_declares() {
    let mut t = table(
        "Table 2. Individual plasma X concentrations (ng/mL) on Day 1 and Day 10 of once-daily oral administration",
        &[&["Subject", "Day 1", "Day 1", "Day 10", "Day 10"], &["Subject", "1", "2", "0", "24"]],
        &[&["01-003", "255", "322", "80.9", "86.1"], &["01-004", "301", "328", "82.6", "86.5"]],
    );
    t.footnote =
        Some("Sampling times are hours after the morning dose of the day; 0, sample drawn before dosing.".into());
    let times: Vec<String> = table_records(&t).iter().filter_map(|r| r.context.time.clone()).collect();
    assert_eq!(times.len(), 8, "{times:?}");
    assert!(times.contains(&"day 1, 2 h".to_owned()) && times.contains(&"day 10, 24 h".to_owned()), "{times:?}");
}

#[test]
fn a_subject_by_word_and_id_spanning_its_sampling_sites() {
    // `Patient E1` over `Pre-ox | Post-ox` (ports of an ECMO circuit), times down the stub.
    let t = table(
        "Table 3. X concentrations (mg/L) in the ECMO circuit before and after the membrane oxygenator",
        &[
            &["Time (h)", "Patient E1", "Patient E1", "Patient E2", "Patient E2"],
            &["Time (h)", "Pre-ox", "Post-ox", "Pre-ox", "Post-ox"],
        ],
        &[&["1", "10.0", "9.18", "8.0", "7.1"], &["4", "5.2", "4.9", "3.3", "2.8"]],
    );
    let got: Vec<(String, String)> = table_records(&t)
        .iter()
        .map(|r| (r.context.subject.clone().unwrap_or_default(), r.context.time.clone().unwrap_or_default()))
        .collect();
    assert_eq!(got.len(), 8, "{got:?}");
    assert!(got.iter().all(|(s, _)| s == "Patient E1" || s == "Patient E2"), "{got:?}");
    // Two subjects, each over two columns, at least: `Patient 1` over `Cmax | AUC` stays
    // the parameters' (no time, no statistic under it either).
    let initials = table(
        "Table 4. Serum X concentrations (µg/L) in six patients after a 30-min infusion",
        &[&["Time (h)", "Patient", "Patient", "Patient"], &["Time (h)", "J.M.", "A.v.D.", "K.O."]],
        &[&["0.25", "781", "644", "700"], &["1", "500", "400", "450"]],
    );
    let subjects: Vec<String> = table_records(&initials).iter().filter_map(|r| r.context.subject.clone()).collect();
    assert_eq!(subjects, ["J.M.", "A.v.D.", "K.O.", "J.M.", "A.v.D.", "K.O."]);
    // Parameters under each patient are the patient's by the parameters' own reading, not
    // a subject over sampling sites.
    let parameters = table(
        "Table 3. Pharmacokinetic parameters of X in two patients",
        &[
            &["Dose", "Patient 1", "Patient 1", "Patient 2", "Patient 2"],
            &["Dose", "Cmax (mg/L)", "AUC (mg·h/L)", "Cmax (mg/L)", "AUC (mg·h/L)"],
        ],
        &[&["100 mg", "10.0", "90", "8.0", "70"]],
    );
    let reader = Reader::new(&parameters, Learned::default()).expect("a table of parameters");
    assert_eq!(reader.worded_subject_over(1), None);
}

#[test]
fn post_operative_days_and_named_animals_with_minutes_after_darting() {
    // `Patient | POD | ... | Whole blood C0 (ng/mL)`: each trough on its post-operative day.
    let t = table(
        "Table 2. Paired whole-blood and plasma trough concentrations of X by post-operative day",
        &[&["Patient", "POD", "Whole blood C0 (ng/mL)", "Plasma C0 (ng/mL)"]],
        &[&["KT-01", "3", "7.27", "0.42"], &["", "7", "8.14", "0.34"], &["KT-02", "3", "6.10", "0.30"]],
    );
    let times: Vec<String> = table_records(&t).iter().filter_map(|r| r.context.time.clone()).collect();
    assert_eq!(times.len(), 6, "{times:?}");
    assert!(times.iter().all(|t| t.starts_with("day ")), "{times:?}");
    // `Name` over the animals' names, `Minutes after darting` over `10 | 20`: the names
    // are the subjects, the numbers their times.
    let darted = table(
        "Table 1. Plasma X concentrations (ng/mL) after intramuscular darting of three orangutans",
        &[&["Name", "Sex", "Minutes after darting", "Minutes after darting"], &["Name", "Sex", "10", "20"]],
        &[&["Budi", "M", "2.01", "2.60"], &["Kemala", "F", "2.02", "2.75"], &["Sari", "F", "1.80", "2.40"]],
    );
    let got: Vec<(String, String)> = table_records(&darted)
        .iter()
        .map(|r| (r.context.subject.clone().unwrap_or_default(), r.context.time.clone().unwrap_or_default()))
        .collect();
    assert_eq!(got.len(), 6, "{got:?}");
    assert!(got.contains(&("Budi".to_owned(), "10 min".to_owned())), "{got:?}");
}

#[test]
fn samples_the_notes_define_by_when_they_were_drawn() {
    let mut t = table(
        "Table 2. X plasma concentrations before and after haemodialysis in each patient",
        &[&["Patient", "Age (years)", "Pre-HD (mg/L)", "Post-HD (mg/L)", "Dialysate (mg/L)"]],
        &[&["04-011", "61", "12.8", "5.5", "1.65"], &["04-013", "66", "13.6", "6.9", "2.00"]],
    );
    t.footnote = Some(
        "Pre-HD, arterial-line sample immediately before the start of dialysis; Post-HD, sample at the end of the 4-h session."
            .into(),
    );
    let records = table_records(&t);
    let values: Vec<f64> = records.iter().filter_map(|r| r.value).collect();
    assert_eq!(values, [12.8, 13.6, 5.5, 6.9, 1.65, 2.0]);
    assert!(records.iter().all(|r| r.parameter.as_deref() == Some("CONC") && r.unit_raw.as_deref() == Some("mg/L")));
    assert_eq!(records[0].parameter_raw, "Pre-HD (mg/L)");
}

#[test]
fn specimen_rows_under_days_of_a_header_of_days() {
    // `Postnatal day` over `Day 0 (delivery) | Day 2`, specimens down: each day.
    let t = table(
        "Table 1. X concentrations (ng/mL) in the mother and her breastfed infant",
        &[&["Specimen", "Postnatal day", "Postnatal day"], &["Specimen", "Day 0 (delivery)", "Day 2"]],
        &[&["Plasma", "1420", "1310"], &["Milk", "800", "700"]],
    );
    let times: Vec<String> = table_records(&t).iter().filter_map(|r| r.context.time.clone()).collect();
    assert_eq!(times, ["day 0", "day 2", "day 0", "day 2"]);
}

#[test]
fn pools_after_the_time_column_across_section_rows() {
    // `Time after dosing (h) | Pool | Plasma (µg/mL)`, a section row spanning the table
    // between them: each pool a subject at its time.
    let t = table(
        "Table 2. X in pooled plasma of Nile tilapia after a single oral dose",
        &[&["Time after dosing (h)", "Pool", "Plasma (µg/mL)"]],
        &[
            &["Water temperature 22 °C", "Water temperature 22 °C", "Water temperature 22 °C"],
            &["2", "P1", "5.19"],
            &["2", "P2", "5.45"],
            &["8", "P3", "3.10"],
        ],
    );
    let got: Vec<(String, String)> = table_records(&t)
        .iter()
        .map(|r| (r.context.subject.clone().unwrap_or_default(), r.context.time.clone().unwrap_or_default()))
        .collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0], ("P1".to_owned(), "2 h".to_owned()), "{got:?}");
    // Counts under a plural header are no subjects' ids.
    let counts = table(
        "Table 2. X trough concentrations by daily dose",
        &[&["Daily dose", "Patients", "Ctrough (mg/L)"]],
        &[&["1000 mg", "46", "14.8 ± 6.2"], &["2000 mg", "58", "27.6 ± 10.4"]],
    );
    let groups: Vec<String> = table_records(&counts).iter().filter_map(|r| r.context.group.clone()).collect();
    assert_eq!(groups, ["1000 mg", "2000 mg"]);
}

#[test]
fn a_ratio_of_two_specimens_with_a_colon() {
    let t = table(
        "Table 3. Paired plasma and cerebrospinal fluid X concentrations at lumbar punctures",
        &[&["Patient", "Plasma (mg/L)", "CSF (mg/L)", "CSF:plasma"]],
        &[&["CM-01", "32.2", "20.6", "0.64"], &["CM-02", "36.7", "30.7", "0.84"]],
    );
    let codes: Vec<String> = table_records(&t).iter().filter_map(|r| r.parameter.clone()).collect();
    assert_eq!(codes, ["CONC", "CONC", "CONC", "CONC", "CSFPRATIO", "CSFPRATIO"]);
}

#[test]
fn a_case_reports_people_by_section_rows_over_their_specimens() {
    // `Mother` then `Infant` spanning the table over their specimens' rows, days across, a
    // ratio row among them: each person a subject, each value on its day.
    let t = table(
        "Table 1. X concentrations (ng/mL) in the mother and her breastfed infant",
        &[&["Specimen", "Postnatal day", "Postnatal day"], &["Specimen", "Day 0 (delivery)", "Day 2"]],
        &[
            &["Mother", "Mother", "Mother"],
            &["Plasma", "1420", "1310"],
            &["Milk/plasma ratio", "—", "0.31"],
            &["Infant", "Infant", "Infant"],
            &["Plasma", "20", "15"],
        ],
    );
    let got: Vec<(String, String, f64)> = table_records(&t)
        .iter()
        .filter(|r| r.parameter.as_deref() == Some("CONC"))
        .map(|r| {
            (
                r.context.subject.clone().unwrap_or_default(),
                r.context.time.clone().unwrap_or_default(),
                r.value.unwrap(),
            )
        })
        .collect();
    let want = |s: &str, t: &str, v: f64| (s.to_owned(), t.to_owned(), v);
    assert_eq!(
        got,
        [
            want("Mother", "day 0", 1420.0),
            want("Mother", "day 2", 1310.0),
            want("Infant", "day 0", 20.0),
            want("Infant", "day 2", 15.0)
        ]
    );
}

#[test]
fn metabolites_abbreviated_with_their_locant() {
    // `7-Amino-BZ | 3-OH-BZ` under the specimen, the notes defining both: each metabolite's
    // concentrations, not numbers.
    let mut t = table(
        "Table 2. Brovazepam and its metabolites in whole-blood samples from drivers",
        &[
            &[
                "Case",
                "Time after traffic stop (h)",
                "Whole blood (ng/mL)",
                "Whole blood (ng/mL)",
                "Whole blood (ng/mL)",
            ],
            &["Case", "Time after traffic stop (h)", "Brovazepam", "7-Amino-BZ", "3-OH-BZ"],
        ],
        &[&["DUID-21-014", "1.1", "46", "45", "7.1"], &["DUID-21-015", "0.9", "38", "47", "7.2"]],
    );
    t.footnote = Some("7-Amino-BZ, 7-aminobrovazepam; 3-OH-BZ, 3-hydroxybrovazepam.".into());
    let analytes: Vec<String> = table_records(&t).iter().filter_map(|r| r.context.analyte.clone()).collect();
    assert_eq!(analytes.len(), 6, "{analytes:?}");
    assert!(
        analytes.iter().any(|a| a == "7-aminobrovazepam") && analytes.iter().any(|a| a == "3-hydroxybrovazepam"),
        "{analytes:?}"
    );
}

#[test]
fn a_listing_printed_in_stacked_panels_takes_each_panels_subjects() {
    // Subjects 1-2, then the stub header repeated with subjects 3-4; `Pre` first down the
    // times since the dose is the sample before it.
    let t = table(
        "Table 2. Individual plasma X concentrations (ng/mL) after a single oral dose",
        &[&["Time (h)", "Subject", "Subject"], &["Time (h)", "1", "2"]],
        &[
            &["Pre", "BLQ", "1.14"],
            &["0.5", "884", "740"],
            &["1", "1001", "1043"],
            &["Time (h)", "3", "4"],
            &["Pre", "BLQ", "BLQ"],
            &["0.5", "715", "755"],
            &["1", "841", "827"],
        ],
    );
    let got: Vec<(Option<f64>, String, String, u32)> = table_records(&t)
        .into_iter()
        .map(|r| (r.value, r.context.subject.unwrap(), r.context.time.unwrap(), r.provenance.row.unwrap()))
        .collect();
    let at = |v: f64| got.iter().find(|g| g.0 == Some(v)).map(|g| (g.1.as_str(), g.2.as_str(), g.3));
    assert_eq!(at(1.14), Some(("2", "pre-dose", 0)), "{got:?}");
    assert_eq!(at(1043.0), Some(("2", "1 h", 2)));
    assert_eq!(at(715.0), Some(("3", "0.5 h", 5)), "the second panel's subjects, the rows' own numbers");
    assert_eq!(at(827.0), Some(("4", "1 h", 6)));
    assert_eq!(got.len(), 12, "{got:?}");
    // The header repeated as it is, a page break, starts no panel.
    let mut t = t;
    t.body_rows[3] = ["Time (h)", "1", "2"].map(str::to_owned).to_vec();
    assert!(table_records(&t).iter().all(|r| matches!(r.context.subject.as_deref(), Some("1" | "2"))));
}

#[test]
fn weeks_counted_from_an_event_in_a_concentration_header_time_its_numbers() {
    let t = table(
        "Table 2. Individual X trough concentrations by week after kidney transplantation",
        &[
            &[
                "Patient",
                "Whole-blood trough (µg/L), weeks after transplantation",
                "Whole-blood trough (µg/L), weeks after transplantation",
            ],
            &["Patient", "1", "4"],
        ],
        &[&["KTx-01", "8.1", "9.2"], &["KTx-02", "7.8", "7.2"]],
    );
    let got: Vec<(String, String)> =
        table_records(&t).into_iter().map(|r| (r.context.subject.unwrap(), r.context.time.unwrap())).collect();
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(got.contains(&("KTx-02".into(), "4 week".into())), "{got:?}");
    assert_eq!(labels::time_unit_in("Months post-implant"), Some("month"));
    // A duration before the event counts nothing.
    assert_eq!(labels::time_unit_in("Trough (µg/L) 4 weeks after the switch"), None);
}

#[test]
fn subjects_ids_over_a_unit_row_beside_their_summary() {
    let t = table(
        "Table 2. Individual plasma concentrations of X after a 1-g intravenous infusion over 30 min",
        &[
            &["Time after start of infusion (h)", "Subject", "Subject", "Mean", "CV (%)"],
            &["Time after start of infusion (h)", "101", "102", "Mean", "CV (%)"],
            &["", "µg/mL", "µg/mL", "µg/mL", ""],
        ],
        &[&["0.25", "21.2", "22.1", "21.6", "3.0"], &["0.5", "37.7", "40.1", "38.9", "4.4"]],
    );
    let got: Vec<(f64, Option<String>, Statistic)> =
        table_records(&t).into_iter().map(|r| (r.value.unwrap(), r.context.subject, r.statistic)).collect();
    assert!(got.contains(&(40.1, Some("102".into()), Statistic::Individual)), "{got:?}");
    assert!(got.contains(&(21.6, None, Statistic::Mean)), "{got:?}");
    assert_eq!(got.iter().filter(|g| g.2 == Statistic::Individual).count(), 4, "{got:?}");
}

#[test]
fn intervals_under_a_collection_header_time_their_columns_values() {
    // `Collection interval (h)` over `0–4 | 4–8`: each column the amounts of that interval,
    // not a column of times.
    let t = table(
        "Table 3. Urinary excretion of X (mg) by collection interval in individual volunteers",
        &[
            &["Subject", "Collection interval (h)", "Collection interval (h)", "CLR (mL/min)"],
            &["Subject", "0–4", "4–8", "CLR (mL/min)"],
        ],
        &[&["V01", "49.2", "46.6", "226"], &["V02", "53.5", "34.0", "205"]],
    );
    let records = table_records(&t);
    let clr: Vec<_> = records.iter().filter(|r| r.parameter.as_deref() == Some("RENALCL")).collect();
    assert_eq!(clr.len(), 2, "{records:?}");
    assert!(clr.iter().all(|r| r.context.time.is_none()), "no time from the amounts: {clr:?}");
}

#[test]
fn a_subject_header_declaring_its_brackets_names_the_ids_before_them() {
    let t = table(
        "Table 2. Plasma X concentrations (ng/mL) in individual dogs",
        &[
            &["Dog (breed)", "BW (kg)", "Minutes after the dose", "Minutes after the dose"],
            &["Dog (breed)", "BW (kg)", "15", "30"],
        ],
        &[
            &["Bruno (Boxer)", "31.4", "1,434", "542"],
            &["Pip (Jack Russell terrier)", "7.8", "1,857", "607"],
            &["Tilly (Labrador)", "28.9", "1,545", "563"],
        ],
    );
    let subjects: Vec<Option<String>> = table_records(&t)
        .into_iter()
        .filter(|r| r.parameter.as_deref() == Some("CONC"))
        .map(|r| r.context.subject)
        .collect();
    assert_eq!(subjects.len(), 6, "{subjects:?}");
    for name in ["Bruno", "Pip", "Tilly"] {
        assert!(subjects.contains(&Some(name.to_owned())), "{subjects:?}");
    }
}

#[test]
fn a_day_spanning_specimens_over_hours_times_each_column_on_that_day() {
    let d = "Day 3, hours after start of infusion";
    let t = table(
        "Table 3. Dalbamycin in serum and wound exudate of individual patients on Day 3 of NPWT",
        &[
            &["Patient", "Exudate output (mL/24 h)", d, d, d, d, d],
            &[
                "Patient",
                "Exudate output (mL/24 h)",
                "Serum (mg/L)",
                "Serum (mg/L)",
                "Wound exudate (mg/L)",
                "Wound exudate (mg/L)",
                "Exudate:serum at 8 h",
            ],
            &["Patient", "Exudate output (mL/24 h)", "1", "4", "1", "4", "Exudate:serum at 8 h"],
        ],
        &[
            &["NPWT-01", "272", "36.3", "22.8", "10.4", "21.0", "0.95"],
            &["NPWT-02", "362", "42.8", "20.7", "8.2", "14.0", "1.08"],
        ],
    );
    let times: Vec<(f64, String)> =
        table_records(&t).into_iter().map(|r| (r.value.unwrap(), r.context.time.unwrap_or_default())).collect();
    assert!(times.contains(&(36.3, "day 3, 1 h".to_owned())), "{times:?}");
    assert!(times.contains(&(21.0, "day 3, 4 h".to_owned())), "{times:?}");
}

#[test]
fn a_steady_state_concentration_is_no_trough() {
    // `Css,min` is the minimum at steady state, not `Css` in minutes: `Css` alone is the
    // steady-state concentration.
    assert_eq!(parameter_code("Css (mg/L)", None), Some("CSS"));
    assert_eq!(parameter_code("Css,min (ng/mL)", None), Some("CTROUGH"));
    assert_eq!(parameter_code("tmax, min", None), Some("TMAX"));
}

#[test]
fn qualified_symbols_keep_their_codes() {
    // When after `at`, per body weight after a comma; the intercompartmental clearance.
    assert_eq!(parameter_code("Css at 23 h (µmol/L)", None), Some("CSS"));
    assert_eq!(parameter_code("Cmax at steady state", None), Some("CMAX"));
    assert_eq!(parameter_code("CL, weight-normalised (mL/min/kg)", None), Some("CLO"));
    assert_eq!(parameter_code("Vss, weight-normalised (L/kg)", None), Some("VSSO"));
    assert_eq!(parameter_code("Intercompartmental clearance", None), Some("Q"));
    assert_eq!(parameter_code("Q2/F (L/h)", None), Some("Q"));
    // `Q` alone is a flow as often (`Qb`, blood flow, with its `b` a footnote's letter): the
    // intercompartmental clearance where the notes say so.
    assert_eq!(parameter_code("Q (L/h)", None), None);
    let mut t = table(
        "Table 3. Post hoc estimates of X by shock status",
        &[&["Parameter", "Septic shock", "Sepsis"]],
        &[&["CL (L/h)", "9.8 (4.1–19.6)", "11.2 (5.3–21.4)"], &["Q (L/h)", "6.2 (3.0–11.8)", "5.9 (2.8–10.4)"]],
    );
    t.footnote = Some("V1, central volume; Q, intercompartmental clearance; V2, peripheral volume.".into());
    let codes: Vec<Option<String>> = table_records(&t).into_iter().map(|r| r.parameter).collect();
    assert_eq!(codes.iter().filter(|c| c.as_deref() == Some("Q")).count(), 2, "{codes:?}");
    // Not any words after `at`: `Ratio at random` is nothing.
    assert_eq!(parameter_code("Cmax at random", None), None);
}

#[test]
fn a_drug_given_with_the_study_drug_is_the_perpetrator() {
    let mut t = table(
        "Table 3. Steady-state pharmacokinetics of tesmivirine 50 mg once daily in adults with HIV with and without rifampicin-based tuberculosis treatment",
        &[&["Parameter", "With rifampicin", "Without rifampicin"]],
        &[&["Cmax (ng/mL)*", "812", "1386"]],
    );
    t.title = Some(
        "Effect of rifampicin-based tuberculosis treatment on the pharmacokinetics of tesmivirine in adults with HIV"
            .into(),
    );
    t.footnote = Some("*Geometric mean (95% CI). GMR, geometric mean ratio (with/without rifampicin).".into());
    let drugs: Vec<(Option<String>, Option<String>)> =
        table_records(&t).into_iter().map(|r| (r.context.drug, r.context.analyte)).collect();
    assert_eq!(drugs.len(), 2, "{drugs:?}");
    assert!(drugs.iter().all(|(d, a)| d.as_deref() == Some("tesmivirine") && a == d), "{drugs:?}");
    // A title's concomitant drug that the notes' glossary spells out.
    t.caption = Some("Table 2. Parameter estimates of the final population model for velunipride".into());
    t.title =
        Some("Population pharmacokinetics of velunipride in neonates: influence of concomitant phenobarbital".into());
    t.footnote = Some("RSE, relative standard error; PB, phenobarbital.".into());
    assert_eq!(table_context(&t).context.drug.as_deref(), Some("velunipride"));
    // Alone, the known drug is the table's.
    t.title = None;
    t.caption = Some("Table 3. Steady-state pharmacokinetics of rifampicin in adults".into());
    t.footnote = None;
    assert_eq!(table_context(&t).context.drug.as_deref(), Some("rifampicin"));
}

#[test]
fn a_population_models_estimates_with_precision_and_interval_columns() {
    // `Estimate | RSE (%) | Bootstrap 95% CI`: each typical value with its relative standard
    // error and its bootstrap interval; a symbol the vocabulary leaves open (`Q`) named by its
    // description; the model's variances and covariate effects no parameters; a section
    // declaring its rows (`post hoc, median [range]`) keeps its statistic.
    let t = table(
        "Table 2. Parameter estimates of the final population model for X",
        &[&["Parameter", "Description", "Estimate", "RSE (%)", "Bootstrap 95% CI", "Shrinkage (%)"]],
        &[
            &[
                "Structural model",
                "Structural model",
                "Structural model",
                "Structural model",
                "Structural model",
                "Structural model",
            ],
            &["CL (L/h)", "Clearance", "0.52", "6.4", "0.46–0.59", ""],
            &["Q (L/h)", "Intercompartmental clearance", "0.87", "17.2", "0.60–1.21", ""],
            &["θWT", "Exponent of body weight on CL", "0.75", "—", "—", ""],
            &["ω CL", "IIV on clearance", "31.5", "12.0", "27.6–35.4", "8.2"],
            &[
                "Secondary parameters (post hoc, median [range])",
                "Secondary parameters (post hoc, median [range])",
                "Secondary parameters (post hoc, median [range])",
                "Secondary parameters (post hoc, median [range])",
                "Secondary parameters (post hoc, median [range])",
                "Secondary parameters (post hoc, median [range])",
            ],
            &["t½ (h)", "Terminal half-life", "26.4 [12.8–71.5]", "", "", ""],
        ],
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {:?} {:?}",
                r.parameter.as_deref().unwrap_or("-"),
                r.value.unwrap(),
                r.statistic.as_str(),
                r.dispersion.as_ref().map(|d| (d.kind.as_str(), d.value)),
                r.interval.as_ref().map(|i| (i.low, i.high)),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            r#"CLO 0.52 value Some(("RSE", 6.4)) Some((0.46, 0.59))"#,
            r#"Q 0.87 value Some(("RSE", 17.2)) Some((0.6, 1.21))"#,
            "LAMZHL 26.4 median None Some((12.8, 71.5))",
        ],
    );
}

#[test]
fn volunteers_coded_under_their_header_at_clock_times_after_a_tablet() {
    // `Volunteer` over `V1 | V2` (volunteers, not volumes), clock times down the stub and
    // the dose's clock after its form in the caption (`one 20-mg tablet taken at 07:30`).
    let mut t = table(
        "Table 1. Plasma X concentrations in four volunteers after one 20-mg extended-release tablet taken at 07:30",
        &[&["Clock time", "Volunteer", "Volunteer"], &["Clock time", "V1", "V2"]],
        &[&["08:00", "0.963", "2.20"], &["09:30", "2.69", "5.93"]],
    );
    t.footnote = Some("Concentrations in nmol/L.".into());
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            let c = &r.context;
            format!(
                "{} {} {} {}",
                r.parameter.as_deref().unwrap_or("-"),
                r.value.unwrap(),
                c.subject.as_deref().unwrap_or("-"),
                c.time.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(read, ["CONC 0.963 V1 0.5 h", "CONC 2.2 V2 0.5 h", "CONC 2.69 V1 2 h", "CONC 5.93 V2 2 h"]);
    // Samples `taken at` a clock are no dose.
    assert_eq!(labels::dose_clock("blood samples were taken at 08:00"), None);
    assert_eq!(labels::dose_clock("one tablet taken at 07:30"), Some(450));
}

#[test]
fn a_unit_across_the_table_over_its_rows() {
    // `ng/mL` in a body row across the table, over pairs' rows: the unit of the specimens'
    // concentrations (not a group), not of the milk-to-plasma ratio.
    let t = table(
        "Table 3. X in maternal plasma and breast milk at steady state",
        &[&["Pair", "Time after maternal dose (h)", "Maternal plasma", "Milk", "M/P"]],
        &[&["ng/mL", "", "", "", ""], &["MI-01", "2", "96.2", "239", "2.48"], &["MI-01", "6", "92.0", "198", "2.15"]],
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            let c = &r.context;
            format!(
                "{} {} {} {} {}",
                r.parameter.as_deref().unwrap_or("-"),
                r.value.map_or("-".to_owned(), |v| v.to_string()),
                r.unit.as_deref().unwrap_or("-"),
                c.matrix.as_deref().unwrap_or("-"),
                c.group.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert!(read.contains(&"CONC 96.2 ng/mL plasma -".to_owned()), "{read:?}");
    assert!(read.contains(&"CONC 239 ng/mL milk -".to_owned()), "{read:?}");
    assert!(read.iter().any(|r| r.starts_with("MPRATIO 2.48 - ")), "{read:?}");
}

#[test]
fn bare_times_under_a_bold_word_the_caption_samples_from_first_to_last() {
    // A first row in bold `Owl | 0.25 | 0.5 | 1 | 24` (no `<th>`) heads the columns; the
    // caption's "at 0.25 to 24 h" gives the bare times their unit, its ends the first and last.
    let html = "<table><tbody><tr><td><b>Owl</b></td><td><b>0.25</b></td><td><b>0.5</b></td><td><b>1</b></td><td><b>24</b></td></tr><tr><td>GHO-1</td><td>3.29</td><td>4.16</td><td>4.13</td><td>&lt;0.1</td></tr><tr><td>GHO-2</td><td>3.94</td><td>4.74</td><td>4.52</td><td>0.12</td></tr></tbody></table>";
    let mut t = crate::html::parse_table(html).unwrap();
    assert_eq!(t.header_rows.len(), 1);
    t.caption = Some("Table 2. Plasma velocitrane concentrations in eight great horned owls at 0.25 to 24 h after a single 1 mg/kg intramuscular dose".into());
    t.footnote = Some("All concentrations in µg/mL. <0.1, below the lower limit of quantification.".into());
    t.title = Some("Pharmacokinetics of intramuscular velocitrane in great horned owls".into());
    let read: Vec<String> = table_records(&t)
        .iter()
        .filter(|r| r.value.is_some())
        .map(|r| {
            format!(
                "{} {} {}",
                r.value.unwrap(),
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(read[..3], ["3.29 GHO-1 0.25 h", "3.94 GHO-2 0.25 h", "4.16 GHO-1 0.5 h"]);
    assert!(read.contains(&"0.12 GHO-2 24 h".to_owned()), "{read:?}");
    // A range of other ends (an AUC's 0–24 h over times 0.5 to 12) declares nothing.
    assert_eq!(labels::sampling_range_unit("AUC from 0 to 24 h", 0.5, 12.0), None);
    assert_eq!(labels::sampling_range_unit("sampled from 5 to 120 min", 5.0, 120.0), Some("min"));
    assert_eq!(labels::sampling_range_unit("0.5–48 h after dosing", 0.5, 48.0), Some("h"));
}

#[test]
fn the_studied_animal_heads_a_long_tables_names() {
    // `Koala | Study day | Clock time | X (µg/mL)`, each name over its samples' rows, in "...
    // in koalas": each koala a subject (not a group).
    let mut t = table(
        "Table 1. Plasma velofloxin concentrations in koalas receiving 10 mg/kg subcutaneously once daily",
        &[&["Koala", "Study day", "Clock time", "Velofloxin (µg/mL)"]],
        &[
            &["Banjo", "1", "09:00", "1.25"],
            &["Banjo", "1", "12:00", "1.49"],
            &["Matilda", "1", "09:00", "2.28"],
            &["Matilda", "1", "12:00", "2.09"],
            &["Wirra", "1", "09:00", "1.61"],
        ],
    );
    t.footnote = Some("Doses were given at 08:00 each day.".into());
    t.title = Some("Plasma concentrations of velofloxin in koalas treated for chlamydiosis".into());
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r.value.unwrap(),
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(read, ["1.25 Banjo 1 h", "1.49 Banjo 4 h", "2.28 Matilda 1 h", "2.09 Matilda 4 h", "1.61 Wirra 1 h"]);
}

#[test]
fn a_symbol_with_the_period_of_a_dialysis_and_samples_named_by_an_event() {
    // `t½ interdialytic (h)`, `CL off dialysis`: the symbol's code; `Pre-HD (44 h)`, a sample
    // named by when it was drawn against the session, its time in brackets.
    for label in ["t½ interdialytic (h)", "t½ intradialytic (h)", "t½, on HD (h)", "t½ during dialysis (h)"] {
        assert_eq!(parameter_code(label, None), Some("LAMZHL"), "{label}");
    }
    assert_eq!(parameter_code("CL off dialysis (mL/min)", None), Some("CLO"));
    // (Not words that name no period of a therapy.)
    assert_eq!(parameter_code("t½ on day (h)", None), None);
    assert_eq!(labels::time_in_brackets("Pre-HD (44 h)").as_deref(), Some("44 h"));
    assert_eq!(labels::time_in_brackets("Trough (24 h)").as_deref(), Some("24 h"));
    assert_eq!(labels::time_in_brackets("Group A (12 h)"), None);
    let t = table(
        "Table 2. Individual plasma X concentrations (mg/L) after a 1-g dose infused over 1 h at the end of haemodialysis",
        &[
            &["Patient", "Time after start of infusion", "Time after start of infusion"],
            &["Patient", "24 h", "Pre-HD (44 h)"],
        ],
        &[&["HD-01", "33.6", "18.9"], &["HD-02", "38.3", "24.9"]],
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r.value.unwrap(),
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(read, ["33.6 HD-01 24 h", "38.3 HD-02 24 h", "18.9 HD-01 44 h", "24.9 HD-02 44 h"]);
}

#[test]
fn ratios_of_cord_to_maternal_and_metabolic_ratios_as_printed() {
    // Umbilical vein or artery over maternal plasma (`UV/MP`, `UA/MP`, in words), and the
    // metabolic ratio in German: the vocabulary's ratios.
    for label in ["UV/MP", "UA/MP", "Umbilical vein-to-maternal plasma concentration ratio", "Cord/maternal plasma"] {
        assert_eq!(parameter_code(label, None), Some("FMRATIO"), "{label}");
    }
    assert_eq!(parameter_code("Metabolische Ratio", None), Some("MRATIO"));
    // (`M/P` stays the milk's.)
    assert_eq!(parameter_code("M/P", None), Some("MPRATIO"));
}

#[test]
fn samples_named_by_their_day_and_moment_down_a_sample_column() {
    // `Sample` over `Day 1, end of infusion | Day 1, 6 h | Day 2, pre-dose | Day 3, trough`,
    // the infusion's length in the notes: each a time on its day.
    let mut t = table(
        "Table 2. X concentrations (mg/L) in blood drawn before and after the membrane oxygenator",
        &[&["Sample", "Patient E1", "Patient E2"]],
        &[
            &["Day 1, end of infusion", "5.33", "5.21"],
            &["Day 1, 6 h", "3.38", "3.99"],
            &["Day 2, pre-dose", "3.47", "1.83"],
            &["Day 3, trough", "3.49", "1.92"],
        ],
    );
    t.footnote = Some(
        "All infusions over 2 h; sample times refer to the start of the morning infusion of the day shown.".into(),
    );
    let times: Vec<String> = table_records(&t)
        .iter()
        .filter(|r| r.context.subject.as_deref() == Some("Patient E1"))
        .map(|r| r.context.time.clone().unwrap())
        .collect();
    assert_eq!(times, ["day 1, 2 h", "day 1, 6 h", "day 2, pre-dose", "day 3, trough"]);
}

#[test]
fn patients_coded_with_padded_numbers_under_a_concentrations_header() {
    // `Serum X (ng/mL)` over `P03 | P05 | P06`: patients (a padded number), not periods.
    let t = table(
        "Table 3. Individual serum velotride concentrations over one dosing interval",
        &[
            &["Sampling time", "Serum velotride (ng/mL)", "Serum velotride (ng/mL)", "Serum velotride (ng/mL)"],
            &["Sampling time", "P03", "P05", "P06"],
        ],
        &[&["Day 1, pre-dose", "1.78", "2.81", "2.57"], &["Day 2", "2.13", "3.57", "3.24"]],
    );
    let subjects: Vec<String> =
        table_records(&t).iter().map(|r| r.context.subject.clone().unwrap_or_default()).collect();
    assert_eq!(subjects, ["P03", "P03", "P05", "P05", "P06", "P06"]);
}

#[test]
fn peaks_and_troughs_under_a_day_with_its_condition() {
    // `Day 2 (33.5 °C)` over `Peak a | Trough b`, the notes saying when each was drawn: that
    // day's peak and trough.
    let mut t = table(
        "Table 2. Individual peak and trough serum velomicin concentrations",
        &[
            &["Neonate", "Day 2 (33.5 °C)", "Day 2 (33.5 °C)", "Day 5 (37 °C)", "Day 5 (37 °C)"],
            &["Neonate", "Peak a", "Trough b", "Peak a", "Trough b"],
            &["Neonate", "mg/L", "mg/L", "mg/L", "mg/L"],
        ],
        &[&["N01", "12.9", "2.59", "9.88", "1.53"]],
    );
    t.footnote =
        Some("a Drawn 1 h after the start of the infusion. b Drawn immediately before that day's dose.".into());
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r.parameter.as_deref().unwrap_or("-"),
                r.value.unwrap(),
                r.context.time.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            "CMAX 12.9 day 2, 1 h",
            "CTROUGH 2.59 day 2, pre-dose",
            "CMAX 9.88 day 5, 1 h",
            "CTROUGH 1.53 day 5, pre-dose"
        ]
    );
}

#[test]
fn what_the_new_conventions_leave_alone() {
    // `Q2` is a quartile beside `Q1 | Q3 | Q4`, not the intercompartmental clearance.
    assert_eq!(parameter_code("Q2", None), None);
    assert_eq!(parameter_code("Q2/F (L/h)", None), Some("Q"));
    // A sample after an infusion or a birth counts from them, not from the dose.
    assert_eq!(labels::time_in_brackets("Post-infusion (1 h)"), None);
    assert_eq!(labels::time_in_brackets("Post-partum (2 weeks)"), None);
    assert_eq!(labels::time_in_brackets("Post-dialysis (48 h)").as_deref(), Some("48 h"));
    // A dose's form before the samples' words dates no dose.
    assert_eq!(labels::dose_clock("after a capsule, samples were taken at 08:00"), None);
    // Visits with padded numbers under a concentration's header stay visits.
    let t = table(
        "Table 2. Trough X concentrations (ng/mL) at each visit",
        &[&["Patient", "Trough X (ng/mL)", "Trough X (ng/mL)", "Trough X (ng/mL)"], &["Patient", "V01", "V02", "V03"]],
        &[&["1", "2.1", "2.4", "2.2"]],
    );
    assert!(table_records(&t).iter().all(|r| r.context.subject.as_deref() != Some("V01")));
}

#[test]
fn organs_under_a_residue_header_in_wet_tissue() {
    // `Closantide residue (µg/kg wet tissue)` over `Liver | Kidney | Muscle`, lambs by ear tag
    // under their withdrawal day: each organ the specimen, not the unit's `tissue`.
    let html = "<table><thead><tr><th rowspan=\"2\">Withdrawal day</th><th rowspan=\"2\">Ear tag</th><th colspan=\"3\">Closantide residue (&micro;g/kg wet tissue)</th></tr><tr><th>Liver</th><th>Kidney</th><th>Muscle</th></tr></thead><tbody><tr><td rowspan=\"3\">7</td><td>A1041</td><td>1,370</td><td>1,530</td><td>213</td></tr><tr><td>A1048</td><td>1,050</td><td>978</td><td>179</td></tr><tr><td>A1055</td><td>1,580</td><td>1,270</td><td>214</td></tr><tr><td rowspan=\"3\">14</td><td>A1062</td><td>412</td><td>388</td><td>61</td></tr><tr><td>A1069</td><td>356</td><td>301</td><td>44</td></tr><tr><td>A1076</td><td>498</td><td>415</td><td>70</td></tr></tbody></table>";
    let mut t = crate::html::parse_table(html).unwrap();
    t.caption = Some("Table 2. Closantide residues in edible tissues of individual lambs".into());
    t.title = Some("Tissue depletion of closantide residues in sheep after a single oral drench".into());
    t.footnote = Some(
        "Withdrawal day: days after the single oral dose (10 mg/kg) at slaughter. MRL, maximum residue limit (µg/kg)."
            .into(),
    );
    let matrices: Vec<String> =
        table_records(&t).iter().map(|r| r.context.matrix.clone().unwrap_or_default()).collect();
    assert_eq!(matrices.len(), 18);
    let mut kinds = matrices.clone();
    kinds.sort();
    kinds.dedup();
    assert!(kinds.iter().all(|m| m != "tissue") && kinds.len() == 3, "{kinds:?}");
}

#[test]
fn specimens_over_analytes_the_caption_abbreviates_over_a_unit_row() {
    // `Milk` over `V | DV` over `ng/mL`, the caption saying "Vortalopram (V) and
    // desmethylvortalopram (DV)": each analyte's concentrations (`V` no volume).
    let t = table(
        "Table 2. Vortalopram (V) and desmethylvortalopram (DV) in maternal plasma and breast milk",
        &[
            &["Pair", "Time after maternal dose (h)", "Maternal plasma", "Maternal plasma", "Milk", "Milk"],
            &["Pair", "Time after maternal dose (h)", "V", "DV", "V", "DV"],
            &["Pair", "Time after maternal dose (h)", "ng/mL", "ng/mL", "ng/mL", "ng/mL"],
        ],
        &[&["1", "20", "35.9", "17.7", "61.7", "29.4"]],
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r.parameter.as_deref().unwrap_or("-"),
                r.value.unwrap(),
                r.context.analyte.as_deref().unwrap_or("-"),
                r.unit.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            "CONC 35.9 vortalopram ng/mL",
            "CONC 17.7 desmethylvortalopram ng/mL",
            "CONC 61.7 vortalopram ng/mL",
            "CONC 29.4 desmethylvortalopram ng/mL"
        ]
    );
}

#[test]
fn ids_with_covariates_in_brackets_over_days_under_a_section() {
    // `1 (8 mo, 7.9 kg)` printed once over its rows, a `Day` column beside `Time after dose
    // (h)`, under a section row `Veno-arterial ECMO`: patient 1, on each day.
    let html = "<table><tbody><tr><td><b>Patient</b></td><td><b>Day</b></td><td><b>Time after dose (h)</b></td><td><b>Pre-oxygenator</b><br/><b>(mg/L)</b></td><td><b>Post-oxygenator</b><br/><b>(mg/L)</b></td></tr><tr><td colspan=\"5\"><b><i>Veno-arterial ECMO</i></b></td></tr><tr><td rowspan=\"4\">1 (8 mo, 7.9 kg)</td><td rowspan=\"2\">Day 2</td><td>Pre</td><td>1.84</td><td>1.43</td></tr><tr><td>1</td><td>5.24</td><td>4.23</td></tr><tr><td rowspan=\"2\">Day 5</td><td>Pre</td><td>2.15</td><td>2.04</td></tr><tr><td>1</td><td>4.94</td><td>4.59</td></tr></tbody></table>";
    let mut t = crate::html::parse_table(html).unwrap();
    t.caption =
        Some("Table 2. Posatrizole concentrations in blood drawn before and after the membrane oxygenator".into());
    t.footnote = Some("Patients received posatrizole 8 mg/kg every 12 h as a 1-h infusion (first dose on day 1). Pre, immediately before the dose.".into());
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r.value.unwrap(),
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(
        read[..4],
        ["1.84 1 day 2, pre-dose", "5.24 1 day 2, 1 h", "2.15 1 day 5, pre-dose", "4.94 1 day 5, 1 h"]
    );
    assert_eq!(labels::subject_id("P2 (M, 54 y)").as_deref(), Some("P2"));
    assert_eq!(labels::subject_id("Group A (n = 6)"), None);
}

#[test]
fn specimens_under_a_visit_with_its_week() {
    // `Refill visit, week 4` over `CSF | Plasma`: each sample of week 4.
    let t = table(
        "Table 2. Velpidine concentrations (ng/mL) in lumbar CSF and plasma at two refill visits",
        &[
            &[
                "Patient",
                "Refill visit, week 4",
                "Refill visit, week 4",
                "Refill visit, week 12",
                "Refill visit, week 12",
            ],
            &["Patient", "CSF", "Plasma", "CSF", "Plasma"],
        ],
        &[&["A. K.", "82.5", "0.15", "71.8", "0.14"], &["M. T.", "56.3", "0.10", "49.3", "0.12"]],
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r.value.unwrap(),
                r.context.matrix.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert!(read.contains(&"82.5 cerebrospinal fluid week 4".to_owned()), "{read:?}");
    assert!(read.contains(&"0.14 plasma week 12".to_owned()), "{read:?}");
    assert_eq!(labels::visit_time("Cmax, week 4"), None);
}

#[test]
fn parameters_under_a_header_comparing_groups() {
    // A drug interaction label's table: ratios with/without the coadministered drug, the
    // parameters under the comparison's spanning header. No value of Cmax or AUC.
    let t = table(
        "Table 5. Effect of coadministered drugs on the pharmacokinetics of tolvemide",
        &[
            &[
                "Coadministered drug",
                "N",
                "Ratio (90% CI) with/without coadministered drug",
                "Ratio (90% CI) with/without coadministered drug",
            ],
            &["Coadministered drug", "N", "Cmax", "AUC"],
        ],
        &[
            &["Itrazole 200 mg once daily", "12", "1.62 (1.40, 1.88)", "3.05 (2.71, 3.43)"],
            &["Rifadin 600 mg once daily", "14", "0.41 (0.35, 0.48)", "0.22 (0.19, 0.26)"],
        ],
    );
    assert!(table_records(&t).is_empty(), "{:?}", table_records(&t));
    // A bare `Ratio` over the ratios its columns name still heads values.
    let t = table(
        "Table 3. Maternal and umbilical cord plasma tolvemide concentrations at delivery",
        &[&["Case", "Tolvemide (ng/mL)", "Tolvemide (ng/mL)", "Ratio"], &["Case", "MV", "UV", "UV/MV"]],
        &[&["1", "144", "95.2", "0.66"], &["2", "48.4", "30.8", "0.64"]],
    );
    let ratios: Vec<f64> =
        table_records(&t).iter().filter(|r| r.provenance.col == Some(3)).filter_map(|r| r.value).collect();
    assert_eq!(ratios, vec![0.66, 0.64]);
}

#[test]
fn an_accumulation_ratio_column_beside_the_days() {
    // `Day 1 | Day 14 | Accumulation ratio` over the parameters' rows: the last column holds
    // each row's accumulation ratio, unitless; Day 14 at steady state of the paper's
    // twice-daily regimen gives its AUC0–12 as the area over the dosing interval.
    let mut t = table(
        "Table 2. Pharmacokinetic parameters of dorvazole after the first dose and at steady state; geometric mean (95% CI)",
        &[&["Parameter", "Day 1 (first dose)", "Day 14 (steady state)", "Accumulation ratio"]],
        &[
            &["Cmax (µg/mL)", "4.12 (3.58–4.74)", "5.36 (4.66–6.17)", "1.30 (1.19–1.42)"],
            &["AUC0–12 (µg·h/mL)", "28.4 (24.9–32.4)", "42.7 (37.2–49.0)", "1.50 (1.38–1.64)"],
            &["Ctrough (µg/mL)", "0.98 (0.79–1.22)", "1.86 (1.52–2.28)", "1.90 (1.61–2.24)"],
        ],
    );
    t.abstract_text = Some("Eighteen adults received 300 mg twice daily for 14 days.".into());
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r.parameter.as_deref().unwrap_or("-"),
                r.value.unwrap(),
                r.unit_raw.as_deref().unwrap_or("-")
            )
        })
        .collect();
    for want in
        ["ARCMAX 1.3 -", "ARAUC 1.5 -", "- 1.9 -", "CMAX 5.36 µg/mL", "AUCTAU 42.7 µg·h/mL", "AUCINT 28.4 µg·h/mL"]
    {
        assert!(read.contains(&want.to_owned()), "{want}: {read:?}");
    }
}

#[test]
fn an_area_the_notes_define_over_the_dosing_interval() {
    // "AUC0–24, area under the curve over the 24-h dosing interval": AUCτ, whatever the
    // caption says of the regimen.
    let mut t = table(
        "Table 2. Pharmacokinetic parameters of tarolimab by genotype on day 7",
        &[&["Parameter", "Expressers (n = 9)", "Non-expressers (n = 21)"]],
        &[
            &["AUC0–24 (ng·h/mL)", "212 (174–266)", "311 (262–370)"],
            &["AUC0–∞ (ng·h/mL)", "250 (201–301)", "356 (300–420)"],
        ],
    );
    t.footnote = Some(
        "Data are median (interquartile range). AUC0–24, area under the whole-blood concentration–time curve over the 24-h dosing interval."
            .into(),
    );
    let codes: Vec<Option<String>> = table_records(&t).into_iter().map(|r| r.parameter).collect();
    assert_eq!(codes, ["AUCTAU", "AUCTAU", "AUCIFO", "AUCIFO"].map(|c| Some(c.to_owned())));
}

#[test]
fn a_statistic_on_its_own_line_under_the_unit() {
    // `Cmax, pg/mL<br/>GM (95% CI)` (the line break read as a space): the parameter in its
    // unit, its cells geometric means with their CIs; a statistic alone under a joined
    // path (`Cmax (ng/mL) Mean`) still heads a column of its own.
    let t = crate::html::parse_table(
        "<table><tr><th>Group</th><th>n</th><th>C<sub>max</sub>, pg/mL<br/>GM (95% CI)</th><th>T<sub>max</sub>, h<br/>median (range)</th></tr>\
         <tr><td>Adults</td><td>24</td><td>118 (98.4–141)</td><td>0.50 (0.25–1.5)</td></tr>\
         <tr><td>Children 5–11 years</td><td>18</td><td>87.6 (68.9–111)</td><td>0.75 (0.25–2.0)</td></tr></table>",
    )
    .unwrap();
    let read: Vec<String> = table_records(&Table {
        caption: Some("Table 3. Plasma pharmacokinetics of flucinetasone after a single inhaled dose".into()),
        ..t
    })
    .iter()
    .map(|r| {
        format!(
            "{} {} {:?} {} {}",
            r.parameter.as_deref().unwrap_or("-"),
            r.value.unwrap(),
            r.statistic,
            r.interval.as_ref().map_or("-".to_owned(), |i| i.kind.clone()),
            r.unit_raw.as_deref().unwrap_or("-")
        )
    })
    .collect();
    assert!(read.contains(&"CMAX 118 GeometricMean 95% CI pg/mL".to_owned()), "{read:?}");
    assert!(read.contains(&"TMAX 0.75 Median range h".to_owned()), "{read:?}");
    assert_eq!(super::without_statistic_clause("Cmax (ng/mL) Mean"), "Cmax (ng/mL) Mean");
}

#[test]
fn a_ratio_row_beside_its_specimens_rows() {
    // `Plasma | CSF | CSF/plasma AUC ratio` down a second label column under `AUC0–8`: the
    // last row's value is the penetration ratio, not an area.
    let t = table(
        "Table 3. Plasma and cerebrospinal fluid pharmacokinetics of neurocidin in patients with meningitis",
        &[&["Group", "Matrix", "Cmax (mg/L)", "AUC0–8 (mg·h/L)"]],
        &[
            &["Inflamed meninges", "Plasma", "86.4", "248.6"],
            &["Inflamed meninges", "CSF", "9.8", "52.4"],
            &["Inflamed meninges", "CSF/plasma AUC ratio", "—", "0.21"],
        ],
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| format!("{} {}", r.parameter.as_deref().unwrap_or("-"), r.value.unwrap()))
        .collect();
    assert!(read.contains(&"CSFPRATIO 0.21".to_owned()), "{read:?}");
    assert!(read.contains(&"AUCINT 52.4".to_owned()), "{read:?}");
}

#[test]
fn animal_codes_with_a_hyphen_under_the_species() {
    // `Goat` over `G-214 | G-217`: each column a goat by its code (the codes read as no unit
    // row, `G-214` no gram to a power).
    let t = table(
        "Table 1. Florantiol concentrations (µg/mL) in plasma of lactating goats after a single intramuscular dose of 20 mg/kg",
        &[&["Time (h)", "Goat", "Goat"], &["Time (h)", "G-214", "G-217"]],
        &[&["0.25", "5.76", "5.31"], &["0.5", "9.15", "8.51"]],
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.value.unwrap()
            )
        })
        .collect();
    assert!(read.contains(&"G-214 0.25 h 5.76".to_owned()), "{read:?}");
    assert!(read.contains(&"G-217 0.5 h 8.51".to_owned()), "{read:?}");
}

#[test]
fn sampling_times_after_an_injection_and_with_their_event() {
    // A section row `30 min after injection` over the animals sampled then; times with what
    // their sample is in brackets, `0 h (pre-HD)`, `4 h (end of HD)`.
    let t = crate::html::parse_table(
        "<table><tr><td><b>Animal</b></td><td><b>Perilymph (µg/mL)</b></td><td><b>Plasma (ng/mL)</b></td></tr>\
         <tr><td colspan=\"3\"><b><i>30 min after injection</i></b></td></tr>\
         <tr><td>GP-01</td><td>54.9</td><td>30.4</td></tr><tr><td>GP-02</td><td>66.4</td><td>29.8</td></tr>\
         <tr><td colspan=\"3\"><b><i>2 h after injection</i></b></td></tr>\
         <tr><td>GP-05</td><td>27.4</td><td>36.8</td></tr><tr><td>GP-06</td><td>18.1</td><td>26.0</td></tr></table>",
    )
    .unwrap();
    let t = Table {
        caption: Some("Table 1. Dexamethrine concentrations in perilymph and plasma of individual guinea pigs after intratympanic injection".into()),
        ..t
    };
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.value.unwrap()
            )
        })
        .collect();
    assert!(read.contains(&"GP-01 30 min after injection 54.9".to_owned()), "{read:?}");
    assert!(read.contains(&"GP-06 2 h after injection 26".to_owned()), "{read:?}");
    assert_eq!(labels::time_of("0 h (pre-HD)", None).as_deref(), Some("0 h"));
    assert_eq!(labels::time_of("4 h (end of HD)", None).as_deref(), Some("4 h"));
    // (Not a count with its time in brackets, nor a time with a day in them.)
    assert_ne!(labels::time_of("1 (12)", Some("h")).as_deref(), Some("1 h"));
    assert_eq!(labels::time_of("24 h (day 2)", None), None);
}

#[test]
fn units_the_notes_give_per_specimen() {
    // Units said in the notes for each specimen, in the three ways notes say them: a unit
    // list with alternatives, words with `for`, and `respectively` after the specimens.
    let unit_of = |t: &Table, code: &str, matrix: &str| -> Option<String> {
        table_records(t)
            .into_iter()
            .find(|r| r.parameter.as_deref() == Some(code) && r.context.matrix.as_deref() == Some(matrix))
            .and_then(|r| r.unit_raw)
    };
    let mut t = table(
        "Table 3. Tissue pharmacokinetic parameters of tivanorib in mice after a single oral dose of 20 mg/kg",
        &[&["Tissue", "Cmax", "Tmax (h)", "AUC0–24"]],
        &[&["Plasma", "1,240", "1.0", "8,960"], &["CSF", "38.2", "2.0", "322"], &["Brain", "846", "1.0", "7,150"]],
    );
    t.footnote = Some(
        "Units: Cmax, ng/mL (plasma, CSF) or ng/g (tissues); AUC0–24, ng·h/mL (plasma, CSF) or ng·h/g (tissues)."
            .into(),
    );
    assert_eq!(unit_of(&t, "CMAX", "cerebrospinal fluid").as_deref(), Some("ng/mL"));
    assert_eq!(unit_of(&t, "AUCINT", "brain tissue").as_deref(), Some("ng·h/g"));
    let mut t = table(
        "Table 3. Sputum and serum pharmacokinetic parameters of inhaled aztrelocin; values are median (range)",
        &[&["Parameter", "Sputum", "Serum"]],
        &[
            &["Cmax", "412 (120–1,380)", "1.12 (0.41–2.86)"],
            &["Tmax", "0.5 (0.25–2.0)", "1.0 (0.5–2.0)"],
            &["AUC0–12", "3,920 (610–14,300)", "6.84 (2.51–15.2)"],
        ],
    );
    t.footnote = Some(
        "Sputum concentrations are expressed in µg/g and serum concentrations in µg/mL; AUC0–12 is given in µg·h/g for sputum and µg·h/mL for serum. Tmax and t1/2 are in hours."
            .into(),
    );
    assert_eq!(unit_of(&t, "CMAX", "serum").as_deref(), Some("µg/mL"));
    assert_eq!(unit_of(&t, "CMAX", "sputum").as_deref(), Some("µg/g"));
    assert_eq!(unit_of(&t, "AUCINT", "serum").as_deref(), Some("µg·h/mL"));
    assert_eq!(unit_of(&t, "TMAX", "sputum").as_deref(), Some("hours"));
    let mut t = table(
        "Table 3. Pharmacokinetic parameters of flurvamicol in Atlantic salmon",
        &[&["Parameter", "Plasma", "Muscle + skin"]],
        &[&["Cmax", "4.86", "5.42"], &["AUC0–∞", "147.9", "178.3"]],
    );
    t.footnote = Some(
        "Cmax is expressed in µg/mL for plasma and µg/g for muscle + skin; AUC in µg·h/mL and µg·h/g, respectively; Tmax and t½ in hours."
            .into(),
    );
    let muscle = table_records(&t).into_iter().find(|r| r.value == Some(178.3)).and_then(|r| r.unit_raw);
    assert_eq!(muscle.as_deref(), Some("µg·h/g"));
    assert_eq!(unit_of(&t, "CMAX", "plasma").as_deref(), Some("µg/mL"));
}

#[test]
fn excretion_over_the_dosing_interval_and_a_mark_after_a_percent() {
    // `Ae,τ (mg)` and `fe,τ (%)` at steady state (CDISC RCAMTAU, RCPCTAU); `fu, %` with its
    // note's mark glued to the percent sign (`fu, %<sup>a</sup>`).
    let mut t = table(
        "Table 4. Urinary excretion of pemtrovir on day 7 of twice-daily dosing",
        &[&["Parameter", "100 mg bid (n = 10)", "200 mg bid (n = 10)"]],
        &[
            &["Ae,τ (mg)", "38.4 ± 7.1", "79.0 ± 15.8"],
            &["fe,τ (%)", "38.4 ± 7.1", "39.5 ± 7.9"],
            &["fu, %a", "1.8 ± 0.3", "2.0 ± 0.4"],
        ],
    );
    t.footnote = Some("Data are mean ± SD. a Fraction unbound in plasma by equilibrium dialysis.".into());
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r.parameter.as_deref().unwrap_or("-"),
                r.value.unwrap(),
                r.unit_raw.as_deref().unwrap_or("-")
            )
        })
        .collect();
    for want in ["RCAMTAU 38.4 mg", "RCPCTAU 39.5 %", "FU 1.8 %"] {
        assert!(read.contains(&want.to_owned()), "{want}: {read:?}");
    }
}

#[test]
fn saliva_and_tissue_ratios_to_plasma() {
    // `S/P` the notes define as the saliva-to-plasma ratio, a `Tissue/plasma ratio` column,
    // and a `Kp` column whose CSF row is the CSF-to-plasma ratio.
    let mut t = table(
        "Table 2. Paired plasma and saliva rifamitrine concentrations in children 2 h after the morning dose",
        &[&["Child", "Plasma (µg/mL)", "Saliva (µg/mL)", "S/P"]],
        &[&["TB-C03", "11.9", "2.64", "0.22"], &["TB-C05", "7.20", "1.42", "0.20"]],
    );
    t.footnote = Some("S/P, saliva-to-plasma concentration ratio.".into());
    let codes = |t: &Table, value: f64| -> Vec<Option<String>> {
        table_records(t).into_iter().filter(|r| r.value == Some(value)).map(|r| r.parameter).collect()
    };
    assert_eq!(codes(&t, 0.22), vec![Some("SPRATIO".to_owned())]);
    let t = table(
        "Table 3. Cefazomine concentrations in plasma and subcutaneous adipose tissue of individual patients",
        &[&["Patient", "Time after dose (min)", "Plasma (mg/L)", "Adipose tissue (µg/g)", "Tissue/plasma ratio"]],
        &[&["CS-01", "37", "183", "18.6", "0.102"], &["CS-02", "30", "209", "14.7", "0.070"]],
    );
    assert_eq!(codes(&t, 0.102), vec![Some("TPRATIO".to_owned())]);
    let t = table(
        "Table 3. Tissue pharmacokinetics of tivanorib in mice after a single oral dose of 20 mg/kg",
        &[&["Tissue", "Cmax (ng/mL)", "Kp"]],
        &[&["Plasma", "1,240", "—"], &["CSF", "38.2", "0.036"], &["Brain", "846", "0.80"]],
    );
    assert_eq!(codes(&t, 0.036), vec![Some("CSFPRATIO".to_owned())]);
    assert_eq!(codes(&t, 0.8), vec![Some("TPRATIO".to_owned())]);
}

#[test]
fn a_route_without_a_code_is_still_extravascular() {
    // `MRT0–last` after an intramammary infusion (no route code of its own): MRTEVLST.
    let t = table(
        "Table 3. Milk pharmacokinetic parameters of cefalomycin after a single intramammary infusion of 300 mg per quarter",
        &[&["Parameter", "Healthy quarters (n = 12)"]],
        &[&["MRT0–last (h)", "17.2 ± 3.4"], &["AUC0–last (µg·h/mL)", "412 ± 96"]],
    );
    let codes: Vec<Option<String>> = table_records(&t).into_iter().map(|r| r.parameter).collect();
    assert_eq!(codes, ["MRTEVLST", "AUCLST"].map(|c| Some(c.to_owned())));
}

#[test]
fn statistic_lines_under_a_heading_past_the_counts() {
    // A clinical study report's summary: each parameter a bold row, then `n`, `Mean (SD)`,
    // `CV%`, `Median`, `Min, max` under it, dose groups across.
    let t = table(
        "Table 2. Summary of plasma pharmacokinetic parameters of levobupracaine",
        &[&["Parameter Statistic", "133 mg (N = 14)", "266 mg (N = 15)"]],
        &[
            &["Cmax (ng/mL)", "", ""],
            &["n", "14", "15"],
            &["Mean (SD)", "211 (96.4)", "398 (172)"],
            &["CV%", "45.7", "43.2"],
            &["Median", "188", "362"],
            &["Min, max", "82.4, 451", "141, 806"],
        ],
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!("{} {} {:?} n={:?}", r.parameter.as_deref().unwrap_or("-"), r.value.unwrap(), r.statistic, r.n)
        })
        .collect();
    assert!(read.contains(&"CMAX 211 Mean n=Some(14)".to_owned()), "{read:?}");
    assert!(read.contains(&"CMAX 362 Median n=Some(15)".to_owned()), "{read:?}");
    assert!(!read.iter().any(|r| r.starts_with("CMAX 14 ")), "{read:?}");
    // The `Min, max` line's ends, after a comma and a space, are the median's range.
    let range = table_records(&t).into_iter().find(|r| r.value == Some(362.0)).and_then(|r| r.interval);
    assert_eq!(range.map(|i| (i.kind, i.low, i.high)), Some(("range".to_owned(), 141.0, 806.0)));
}

#[test]
fn an_animal_species_heads_its_subjects() {
    // `Alligator` over the animals' codes down the stub, times across: each row an animal,
    // the species the study's.
    let t = table(
        "Table 2. Plasma ceftizonate concentrations (µg/mL) after a single intramuscular injection of 5 mg/kg in six alligators",
        &[&["Alligator", "Time after injection", "Time after injection"], &["Alligator", "1 h", "6 h"]],
        &[&["AM1", "7.20", "19.8"], &["AM2", "7.84", "17.8"]],
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.value.unwrap(),
                r.context.species.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert!(read.contains(&"AM1 1 h 7.2 alligator".to_owned()), "{read:?}");
    assert!(read.contains(&"AM2 6 h 17.8 alligator".to_owned()), "{read:?}");
    assert!(labels::is_subject_header("Hedgehog") && !labels::is_subject_header("Bear"));
}

#[test]
fn a_formula_in_the_notes_declares_nothing() {
    // "CLD = Qp × (CA − CV)/CA": `CV` is the venous concentration there, not a coefficient
    // of variation; the note's "Mean ± SD" stands.
    let mut t = table(
        "Table 3. Trexomidine pharmacokinetics in participants with ESRD off and on dialysis",
        &[&["Parameter", "Unit", "Off-dialysis", "On-dialysis"]],
        &[&["Cmax", "ng/mL", "261 ± 88", "244 ± 79"]],
    );
    t.footnote =
        Some("Mean ± SD, n = 6. CLD, dialysis clearance, CLD = Qp × (CA − CV)/CA; ER, extraction ratio.".into());
    let kinds: Vec<Option<String>> = table_records(&t).into_iter().map(|r| r.dispersion.map(|d| d.kind)).collect();
    assert_eq!(kinds, vec![Some("SD".to_owned()), Some("SD".to_owned())]);
}

#[test]
fn ids_that_repeat_their_header_and_a_haemoglobin_column() {
    // `Igel` over `Igel 1 | Igel 2` (hedgehogs, in German): each row an animal, its mean line
    // no subject.
    let t = table(
        "Table 2: Plasma tolfenoxam concentrations (µg/ml) in eight hedgehogs after oral administration of 0.3 mg/kg",
        &[&["Igel", "KGW (g)", "0,5 h", "1 h"]],
        &[&["Igel 1", "810", "0,28", "0,43"], &["Igel 2", "810", "0,23", "0,40"], &["MW", "", "0,26", "0,42"]],
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.value.unwrap()
            )
        })
        .collect();
    assert!(read.contains(&"Igel 1 0.5 h 0.28".to_owned()), "{read:?}");
    assert!(read.contains(&"Igel 2 1 h 0.4".to_owned()), "{read:?}");
    // `Hb (g/dL)` beside a patient's outcome: a laboratory value, no drug concentration.
    let t = table(
        "Table 3. Parasitological and clinical response in individual patients",
        &[&["Patient", "PCT (h)", "Hb (g/dL)", "Hb (g/dL)"], &["Patient", "PCT (h)", "Day 0", "Day 28"]],
        &[&["MQ-101", "36", "10.7", "11.4"], &["MQ-102", "42", "9.8", "11.2"]],
    );
    assert!(table_records(&t).iter().all(|r| r.parameter.as_deref() != Some("CONC")), "{:?}", table_records(&t));
}

#[test]
fn units_the_notes_give_each_specimen_named_alone() {
    // "Skin and liver in µg/g wet tissue; plasma in ng/mL" over `Skin | Liver | Plasma`
    // columns that print no unit: each specimen's concentrations in its unit.
    let mut t = table(
        "Table 2. Chytrifungin concentrations in skin, liver and plasma of individual frogs after a 5-min bath",
        &[&["Frog", "Time after bath", "Skin", "Liver", "Plasma"]],
        &[&["X1", "30 min", "28.7", "1.14", "27"], &["X2", "30 min", "25.2", "1.09", "45"]],
    );
    t.footnote =
        Some("Times are after the end of the bath. Skin and liver in µg/g wet tissue; plasma in ng/mL.".into());
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r.context.subject.as_deref().unwrap_or("-"),
                r.value.unwrap(),
                r.unit_raw.as_deref().unwrap_or("-")
            )
        })
        .collect();
    for want in ["X1 28.7 µg/g", "X2 1.09 µg/g", "X1 27 ng/mL"] {
        assert!(read.contains(&want.to_owned()), "{want}: {read:?}");
    }
    // "nebulised tobrafloxin": the drug, not how it is given.
    let t = Table {
        title: Some(
            "Sputum and serum pharmacokinetics of nebulised tobrafloxin in adolescents with cystic fibrosis".into(),
        ),
        ..table(
            "Table 2. Sputum and serum pharmacokinetics of nebulised tobrafloxin",
            &[&["Parameter", "Serum"]],
            &[&["Cmax (µg/mL)", "1.08"]],
        )
    };
    assert_eq!(table_records(&t)[0].context.drug.as_deref(), Some("tobrafloxin"));
}

#[test]
fn a_case_reports_days_down_the_stub() {
    // One patient: `Day of therapy` down the stub, the time after that day's dose beside
    // it; the days are no subjects, each sample that day's.
    let t = table(
        "Table 1. Posafungin concentrations in plasma drawn before and after the membrane oxygenator during treatment",
        &[&["Day of therapy", "Time after dose (h)", "Pre-oxygenator (mg/L)"]],
        &[&["1", "1.5", "1.81"], &["2", "Pre-dose", "0.65"], &["3", "1.5", "1.72"], &["3", "6", "1.03"]],
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.value.unwrap()
            )
        })
        .collect();
    assert!(read.contains(&"- day 2, pre-dose 0.65".to_owned()), "{read:?}");
    assert!(read.contains(&"- day 3, 6 h 1.03".to_owned()), "{read:?}");
    // (Times counted from one event across the days keep no day: `Time after ingestion`.)
    let t = table(
        "Table 1. Serum concentrations of quetrazine after the overdose",
        &[&["Day", "Time after ingestion (h)", "Quetrazine (ng/mL)"]],
        &[&["1", "3.5", "3120"], &["1", "7.0", "4480"], &["2", "16.0", "3610"]],
    );
    let times: Vec<Option<String>> = table_records(&t).into_iter().map(|r| r.context.time).collect();
    assert!(times.contains(&Some("16.0 h".to_owned())), "{times:?}");
}

#[test]
fn this_sessions_conventions_do_not_misfire() {
    // Groups numbered under their word are no subjects (`Cohort` over `Cohort 1 | Cohort 2`).
    let t = table(
        "Table 2. Pharmacokinetic parameters by cohort",
        &[&["Cohort", "Cmax (ng/mL)", "AUC0–∞ (ng·h/mL)"]],
        &[&["Cohort 1", "120 ± 30", "1500 ± 300"], &["Cohort 2", "240 ± 50", "3100 ± 600"]],
    );
    assert!(table_records(&t).iter().all(|r| r.context.subject.is_none() && r.statistic == Statistic::Mean));
    // A caption naming two coded routes and an uncoded one compares them: `MRT` stays open.
    let t = table(
        "Table 2. Pharmacokinetics of paracetamol after intravenous, oral and rectal administration",
        &[&["Parameter", "Value"]],
        &[&["MRT (h)", "3.1 ± 0.4"], &["Cmax (ng/mL)", "12.1 ± 3.0"]],
    );
    assert!(table_records(&t).iter().all(|r| !r.parameter.as_deref().is_some_and(|p| p.starts_with("MRT"))));
    // A statistic's words after `=` are a declaration, not a formula.
    let mut t = table("Table 2. Pharmacokinetics of X", &[&["Parameter", "Value"]], &[&["tmax (h)", "2.0 (1.0/4.0)"]]);
    t.footnote = Some("Values are mean (SD); tmax = median (min/max).".into());
    assert_eq!(table_records(&t)[0].statistic, Statistic::Median);
    // `BAT` (brown adipose tissue) is no bat; a racemate's `Rac` column keeps its Cmax.
    assert!(!labels::is_subject_header("BAT"));
    let t = table(
        "Table 2. Pharmacokinetics of the enantiomers of X",
        &[&["Parameter", "(S)-X", "Rac"]],
        &[&["Cmax (ng/mL)", "120", "250"]],
    );
    assert!(table_records(&t).iter().all(|r| r.parameter.as_deref() == Some("CMAX")));
    // Units listed `respectively` for two names pair with the names, not with specimens.
    let mut t = table(
        "Table 3. Pharmacokinetic parameters of X in plasma and CSF",
        &[&["Parameter", "Plasma", "CSF"]],
        &[&["Cmax", "12.1", "0.31"], &["Cmin", "1.2", "0.05"]],
    );
    t.footnote = Some(
        "AUC is given in µg·h/mL for plasma and ng·h/mL for CSF; Cmax and Cmin are in µg/mL and ng/mL, respectively."
            .into(),
    );
    assert!(
        table_records(&t)
            .iter()
            .all(|r| r.unit_raw.as_deref() != Some("ng/mL") || r.context.matrix.as_deref() != Some("plasma"))
    );
    // A tissue's ratio to another tissue is no tissue-to-plasma ratio.
    let t = table(
        "Table 2. Cefazolin concentrations in bone and muscle of individual patients",
        &[&["Patient", "Bone (µg/g)", "Muscle (µg/g)", "Bone/muscle ratio"]],
        &[&["1", "12.0", "10.3", "1.17"], &["2", "9.4", "8.8", "1.07"]],
    );
    assert!(table_records(&t).iter().all(|r| r.parameter.as_deref() != Some("TPRATIO")));
}

#[test]
fn the_free_drugs_parameters_by_their_prefix() {
    // `fCmax (mg/l)`, `fAUC0–8`: the unbound drug's Cmax and AUC; `fe (%)` stays the
    // fraction excreted.
    let t = table(
        "Table 3. Unbound tivapenem exposure in plasma",
        &[&["Parameter", "Non-obese (n = 10)"]],
        &[&["fCmax (mg/l)", "44.1 (31.6–55.8)"], &["fAUC0–8 (mg·h/l)", "63.2 (45.0–88.3)"], &["fe (%)", "61 (48–70)"]],
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r.parameter.as_deref().unwrap_or("-"),
                r.value.unwrap(),
                r.context.analyte.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert!(read.contains(&"CMAX 44.1 tivapenem (unbound)".to_owned()), "{read:?}");
    assert!(read.contains(&"AUCINT 63.2 tivapenem (unbound)".to_owned()), "{read:?}");
    assert!(read.iter().any(|r| r.starts_with("RCPCINT 61 ")), "{read:?}");
}

#[test]
fn a_unit_list_by_specimen() {
    // "Units: vitreous humour and aqueous humour, Cmax µg/mL and AUC µg·h/mL; retina–choroid,
    // µg/g and µg·h/g; plasma, ng/mL and ng·h/mL": each specimen's unit for each parameter.
    let mut t = table(
        "Table 2. Ocular and plasma pharmacokinetics of oculafenib in rabbits after intravitreal injection",
        &[&["Parameter", "Vitreous humour", "Aqueous humour", "Retina–choroid", "Plasma"]],
        &[&["Cmax", "312", "4.86", "58.3", "6.72"], &["AUC0–last", "18,400", "212", "3,950", "96.1"]],
    );
    t.footnote = Some(
        "Units: vitreous humour and aqueous humour, Cmax µg/mL and AUC µg·h/mL; retina–choroid, µg/g and µg·h/g; plasma, ng/mL and ng·h/mL."
            .into(),
    );
    let unit_of = |value: f64| table_records(&t).into_iter().find(|r| r.value == Some(value)).and_then(|r| r.unit_raw);
    assert_eq!(unit_of(4.86).as_deref(), Some("µg/mL"));
    assert_eq!(unit_of(58.3).as_deref(), Some("µg/g"));
    assert_eq!(unit_of(96.1).as_deref(), Some("ng·h/mL"));
}

#[test]
fn ratios_of_two_specimens_are_their_numerators() {
    // The specimen of a ratio of two specimens is the numerator's, the site whose penetration
    // it measures; a site without a code of its own (ELF, bone marrow by its initials, the
    // fluid an AUC is subscripted by) is `PENRATIO`; no ratio takes the caption's unit or a
    // section's dose, but a percentage stays.
    let read = |t: &Table, value: f64| -> (Option<String>, Option<String>, Option<String>) {
        let r = table_records(t).into_iter().find(|r| r.value == Some(value)).expect("a record of the value");
        (r.parameter, r.context.matrix, r.unit_raw)
    };
    let owned = |p: &str, m: &str| (Some(p.to_owned()), Some(m.to_owned()), None);
    let t = table(
        "Table 2. Paired plasma and lumbar cerebrospinal fluid rifapentamide concentrations in adults with tuberculous meningitis",
        &[&["Patient", "Time after dose (h)", "Plasma (mg/L)", "CSF (mg/L)", "CSF:plasma ratio"]],
        &[&["TBM-01", "2", "16.9", "1.1", "0.065"], &["TBM-02", "8", "5.40", "0.62", "0.115"]],
    );
    assert_eq!(read(&t, 0.065), owned("CSFPRATIO", "cerebrospinal fluid"));
    let t = table(
        "Table 2. Simultaneous plasma and bone marrow aspirate concentrations of flucytrazole in patients",
        &[&[
            "Patient",
            "Time after last dose (h)",
            "Plasma (µg/mL)",
            "Bone marrow aspirate (µg/mL)",
            "BM/plasma ratio",
        ]],
        &[&["BM01", "2", "2.04", "0.98", "0.48"], &["BM02", "20", "1.49", "0.53", "0.36"]],
    );
    assert_eq!(read(&t, 0.48), owned("PENRATIO", "bone marrow"));
    let t = table(
        "Table 2. Tedizolone concentrations (µg/mL) in plasma and epithelial lining fluid (ELF) of healthy adults",
        &[&["BAL time (h)", "Subject", "Plasma", "ELF", "ELF/plasma"]],
        &[&["2", "S1", "2.50", "4.96", "2.0"], &["4", "S2", "2.19", "6.35", "2.9"]],
    );
    assert_eq!(read(&t, 2.9), owned("PENRATIO", "epithelial lining fluid (ELF)"));
    let t = table(
        "Table 3. Individual model-predicted exposure to rifapentamide in plasma and ascitic fluid",
        &[
            &["Patient", "Plasma", "Plasma", "Ascitic fluid", "Ascitic fluid", "AUCascites/ AUCplasma"],
            &["Patient", "Cmax (mg/L)", "AUC0–24 (mg·h/L)", "Cmax (mg/L)", "AUC0–24 (mg·h/L)", "AUCascites/ AUCplasma"],
        ],
        &[
            &["Standard dose, 10 mg/kg", "", "", "", "", ""],
            &["P-01", "11.5", "102", "3.88", "31.3", "0.307"],
            &["P-02", "15.2", "125", "4.77", "39.06", "0.312"],
        ],
    );
    assert_eq!(read(&t, 0.307), owned("PENRATIO", "ascitic fluid"));
    let t = table(
        "Table 2. Levofloxazine concentrations in plasma and prostatic tissue after a single 500-mg oral dose",
        &[&["Patient no.", "Time since dose (h)", "Plasma (µg/mL)", "Prostate tissue (µg/g)", "Tissue/plasma ratio"]],
        &[&["1", "3.0", "4.52", "10.1", "2.23"], &["2", "4.0", "4.71", "9.46", "2.01"]],
    );
    assert_eq!(read(&t, 2.23), owned("TPRATIO", "tissue"));
    // Not blood's own ratio nor an excretum's, and a percentage keeps its unit.
    let t = table(
        "Table 2. Plasma, blood and CSF concentrations of X in patients",
        &[&["Patient", "Plasma (mg/L)", "Blood (mg/L)", "Blood/plasma ratio", "CSF/plasma (%)"]],
        &[&["1", "4.0", "3.2", "0.80", "4.1"], &["2", "5.0", "3.5", "0.70", "7.0"]],
    );
    assert!(table_records(&t).iter().all(|r| r.parameter.as_deref() != Some("PENRATIO")));
    assert_eq!(
        read(&t, 4.1),
        (Some("CSFPRATIO".to_owned()), Some("cerebrospinal fluid".to_owned()), Some("%".to_owned()))
    );
}

#[test]
fn a_specimens_units_in_the_notes_with_a_qualifier_after_them() {
    // "Nasal lavage fluid concentrations in ng/mL of recovered lavage fluid, not corrected for
    // dilution; plasma concentrations in pg/mL": each section's specimen takes its unit.
    let mut t = table(
        "Table 2. Individual nasavirine concentrations in nasal lavage fluid and plasma after a single intranasal dose of 10 mg",
        &[&["Volunteer", "Pre-dose", "0.5 h", "1 h", "2 h"]],
        &[
            &[
                "Nasal lavage fluid",
                "Nasal lavage fluid",
                "Nasal lavage fluid",
                "Nasal lavage fluid",
                "Nasal lavage fluid",
            ],
            &["V01", "ND", "930", "827", "654"],
            &["V02", "ND", "915", "803", "619"],
            &["Plasma", "Plasma", "Plasma", "Plasma", "Plasma"],
            &["V01", "ND", "93", "82", "65"],
            &["V02", "ND", "91", "80", "61"],
        ],
    );
    t.footnote = Some(
        "Nasal lavage fluid concentrations in ng/mL of recovered lavage fluid, not corrected for dilution; plasma concentrations in pg/mL."
            .into(),
    );
    let read = |value: f64| {
        let r = table_records(&t).into_iter().find(|r| r.value == Some(value)).expect("a record of the value");
        (r.context.matrix, r.unit_raw)
    };
    assert_eq!(read(930.0), (Some("nasal lavage fluid".to_owned()), Some("ng/mL".to_owned())));
    assert_eq!(read(93.0), (Some("plasma".to_owned()), Some("pg/mL".to_owned())));
}

#[test]
fn a_specimens_abbreviation_is_no_statistic() {
    // `AM` of "alveolar macrophages (AM)" in the caption is the cells' concentration, not an
    // arithmetic mean.
    let t = table(
        "Table 2. Tedizolone concentrations (µg/mL) in plasma, epithelial lining fluid (ELF) and alveolar macrophages (AM) of healthy adults",
        &[&["BAL time (h)", "Subject", "Plasma", "ELF", "AM"]],
        &[&["2", "S1", "2.50", "4.96", "56.8"], &["4", "S2", "2.19", "6.35", "41.6"]],
    );
    let r = table_records(&t).into_iter().find(|r| r.value == Some(56.8)).expect("the macrophages' level");
    assert_eq!(
        (r.parameter.as_deref(), r.context.matrix.as_deref(), r.unit_raw.as_deref(), r.context.subject.as_deref()),
        (Some("CONC"), Some("alveolar macrophages"), Some("µg/mL"), Some("S1"))
    );
}

#[test]
fn ids_coded_by_the_initial_of_the_word_over_them() {
    // `Ray` over `R1 | R2 | R3` (a species the vocabulary lacks) beside `Mean | SD`: the rays;
    // `Day` over `D1 | D2 | D3` stays occasions.
    let t = table(
        "Table 2. Plasma ceftiofurane concentrations (µg/mL) in cownose rays after a single intramuscular injection of 8 mg/kg",
        &[&["Time", "Ray", "Ray", "Ray", "Mean", "SD"], &["Time", "R1", "R2", "R3", "Mean", "SD"]],
        &[&["0.5 h", "6.12", "6.13", "7.38", "6.54", "0.7"], &["1 h", "8.99", "8.92", "11.2", "9.7", "1.3"]],
    );
    let subjects: Vec<Option<String>> = table_records(&t).into_iter().map(|r| r.context.subject).collect();
    assert_eq!(subjects.iter().flatten().count(), 6, "{subjects:?}");
    assert_eq!(subjects[0].as_deref(), Some("R1"));
    // Not occasions, groups or designs coded the same way (`Day` over `D1 | D2 | D3`,
    // `Group`, `Metabolite`).
    for word in ["Day", "Cycle", "Group", "Metabolite", "Model"] {
        let initial = &word[..1];
        let codes: Vec<String> = (1..=3).map(|n| format!("{initial}{n}")).collect();
        assert!(super::ids_by_initial_of(word, codes.iter().map(String::as_str)).is_none(), "{word}");
    }
    assert_eq!(super::ids_by_initial_of("Ray", ["R1", "R2", "R3", "Mean"]), Some((3, 3)));
    // Nor groups by their word's initial (`Group` over `G1 | G2 | G3`).
    let t = table(
        "Table 2. Plasma concentrations (µg/mL) of X in dogs",
        &[&["Time", "Group", "Group", "Group"], &["Time", "G1", "G2", "G3"]],
        &[&["0.5 h", "6.12", "6.13", "7.38"], &["1 h", "8.99", "8.92", "11.2"]],
    );
    assert!(table_records(&t).iter().all(|r| r.context.subject.is_none()));
}

#[test]
fn a_drug_column_names_each_rows_analyte() {
    // Three drugs darted together, each subject's rows one drug's (`Hind | Drug | 10 | 20`).
    let t = crate::html::parse_table(
        r#"<table><thead><tr><th rowspan="2">Hind</th><th rowspan="2">Drug</th><th colspan="2">Minutes after darting</th></tr>
<tr><th>10</th><th>20</th></tr></thead><tbody>
<tr><td rowspan="2">H1</td><td>Butorphenol</td><td>19.8</td><td>20.7</td></tr><tr><td>Azaperine</td><td>23.8</td><td>26.6</td></tr>
<tr><td rowspan="2">H2</td><td>Butorphenol</td><td>22.8</td><td>24.5</td></tr><tr><td>Azaperine</td><td>15.5</td><td>17.3</td></tr>
</tbody></table>"#,
    )
    .expect("a table");
    let mut t = t;
    t.caption = Some("Table 2. Plasma concentrations (ng/mL) of butorphenol and azaperine in red deer hinds".into());
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.analyte.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.value.unwrap()
            )
        })
        .collect();
    assert!(read.contains(&"H2 Azaperine 20 min 17.3".to_owned()), "{read:?}");
    assert!(read.contains(&"H1 Butorphenol 10 min 19.8".to_owned()), "{read:?}");
}

#[test]
fn a_bilingual_unit_column() {
    // `Einheit / Unit` in a German and English paper: each row's unit.
    let t = table(
        "Tabelle 2 / Table 2. Pharmakokinetische Parameter (Mittelwert ± SD) von Florbamycin nach i.m. Gabe (20 mg/kg)",
        &[&["Parameter", "Einheit / Unit", "Lämmer / Lambs (n = 8)"]],
        &[&["Cmax", "µg/ml", "4,62 ± 1,08"], &["CL/F", "ml/h/kg", "136,1 ± 27,0"]],
    );
    let units: Vec<Option<String>> = table_records(&t).into_iter().map(|r| r.unit_raw).collect();
    assert_eq!(units, [Some("µg/ml".to_owned()), Some("ml/h/kg".to_owned())]);
}

#[test]
fn a_dose_in_a_header_is_no_unit() {
    // `Sulfadiazole (41.7 mg/kg)` spanning its parameters, units in the footnote: the dose is
    // the group's, not the values' unit.
    let mut t = table(
        "Table 3. Pharmacokinetic parameters of sulfadiazole in sea bass after a single oral dose",
        &[&["Tissue", "Sulfadiazole (41.7 mg/kg)", "Sulfadiazole (41.7 mg/kg)"], &["Tissue", "Cmax", "Tmax"]],
        &[&["Plasma", "28.6", "8"], &["Liver", "21.4", "12"]],
    );
    t.footnote = Some("Cmax in µg/mL (plasma) or µg/g (tissues); Tmax in h.".into());
    let records = table_records(&t);
    assert_eq!(records.len(), 4);
    assert!(records.iter().all(|r| r.unit_raw.as_deref() != Some("41.7 mg/kg")));
    assert_eq!(crate::read::unit_in_label("Standard dose, 10 mg/kg"), None);
    assert_eq!(crate::read::unit_in_label("Cmax (mg/L)").as_deref(), Some("mg/L"));
}

#[test]
fn a_mark_after_the_half_of_a_half_life() {
    // `t<sub>½</sub><sup>a</sup>` with "a Harmonic mean ± pseudo-SD" in the footnote: the
    // half-life with its mark, not `t½a` (an alpha phase); a number's `(31.4)<sup>c</sup>`
    // keeps its mark.
    let mut t = crate::html::parse_table(
        "<table><tr><th>Parameter</th><th>Unit</th><th>Red-tailed hawk (n = 6)</th></tr>\
         <tr><td>C<sub>max</sub></td><td>µg/mL</td><td>1.84 (0.52)<sup>c</sup></td></tr>\
         <tr><td>t<sub>½</sub><sup>a</sup></td><td>h</td><td>11.6 ± 2.9</td></tr></table>",
    )
    .expect("a table");
    t.caption = Some(
        "Table 1. Pharmacokinetic parameters of terbinafole after a single oral dose of 30 mg/kg in raptors".into(),
    );
    t.footnote = Some("<sup>a</sup>Harmonic mean ± pseudo-SD (jackknife). <sup>c</sup>Geometric mean (CV%).".into());
    let read: Vec<(Option<String>, String)> =
        table_records(&t).into_iter().map(|r| (r.parameter, r.value_raw)).collect();
    assert_eq!(
        read,
        [(Some("CMAX".to_owned()), "1.84 (0.52)c".to_owned()), (Some("LAMZHL".to_owned()), "11.6 ± 2.9".to_owned())]
    );
}

#[test]
fn a_case_series_by_day_with_its_doses_and_a_half_life_in_csf() {
    // Patients spanning CSF and serum, days of therapy down the stub (`Therapietag` over `Tag
    // 2` in German), a row of the doses (no concentration) and the half-life estimated in CSF
    // (`t½ in CSF (h)`, `t½ im Liquor (h)`).
    let t = table(
        "Table 3. CSF and serum concentrations of dalfamycin (mg/L) during intraventricular therapy",
        &[&["Therapy day", "Pat. 1", "Pat. 1", "Pat. 2", "Pat. 2"], &["Therapy day", "CSF", "Serum", "CSF", "Serum"]],
        &[
            &["Intraventricular dose (mg/24 h)", "10", "10", "20", "20"],
            &["Day 2", "4.9", "0.5", "3.3", "0.7"],
            &["Day 3", "6.3", "n.d.", "6.8", "n.d."],
            &["t½ in CSF (h)", "7.8", "", "9.5", ""],
        ],
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .filter(|r| r.value.is_some())
        .map(|r| {
            format!(
                "{} {} {} {} {}",
                r.parameter.as_deref().unwrap_or("-"),
                r.value.unwrap(),
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.context.matrix.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert!(read.iter().all(|r| !r.starts_with("CONC 10 ") && !r.starts_with("CONC 20 ")), "{read:?}");
    assert!(read.contains(&"CONC 4.9 Pat. 1 day 2 cerebrospinal fluid".to_owned()), "{read:?}");
    assert!(read.contains(&"LAMZHL 9.5 Pat. 2 - cerebrospinal fluid".to_owned()), "{read:?}");
    let t = table(
        "Tabelle 3. Liquor- und Serumkonzentrationen von Dalfamycin (mg/l)",
        &[&["Therapietag", "Pat. 1", "Pat. 1"], &["Therapietag", "Liquor", "Serum"]],
        &[
            &["Intraventrikuläre Dosis (mg/24 h)", "10", "10"],
            &["Tag 2", "4,9", "0,5"],
            &["Tag 3", "6,3", "n. b."],
            &["t½ im Liquor (h)", "7,8", ""],
        ],
    );
    let read: Vec<(Option<String>, Option<String>, Option<String>)> = table_records(&t)
        .into_iter()
        .filter(|r| r.value.is_some())
        .map(|r| (r.parameter, r.context.time, r.context.matrix))
        .collect();
    let csf = Some("cerebrospinal fluid".to_owned());
    assert_eq!(
        read,
        [
            (Some("CONC".to_owned()), Some("day 2".to_owned()), csf.clone()),
            (Some("CONC".to_owned()), Some("day 3".to_owned()), csf.clone()),
            (Some("LAMZHL".to_owned()), None, csf),
            (Some("CONC".to_owned()), Some("day 2".to_owned()), Some("serum".to_owned())),
        ]
    );
}

#[test]
fn a_depots_troughs_by_week_and_analytes_by_their_abbreviations() {
    // `Week` over `0ᵃ | 4 | 8` (a depot's troughs), an `Analyt` column of the abbreviations
    // the caption defines (`BRX`, `9-OH-BRX`), in Dutch.
    let mut t = table(
        "Tabel 2. Individuele dalspiegels (ng/ml) van brexaperidon (BRX) en de actieve metaboliet 9-hydroxybrexaperidon (9-OH-BRX) in plasma",
        &[&["Patiënt", "Analyt", "Week", "Week", "Week"], &["Patiënt", "Analyt", "0 a", "4", "8"]],
        &[
            &["P01", "BRX", "15,1", "19,5", "23,1"],
            &["P01", "9-OH-BRX", "17,5", "20,9", "21,4"],
            &["P02", "BRX", "7,7", "8,4", "7,5"],
        ],
    );
    t.footnote = Some("a Week 0: trough under oral treatment, just before the first injection.".into());
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.analyte.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.value.unwrap()
            )
        })
        .collect();
    assert!(read.contains(&"P01 brexaperidon week 0 15.1".to_owned()), "{read:?}");
    assert!(read.contains(&"P01 9-hydroxybrexaperidon week 8 21.4".to_owned()), "{read:?}");
    // A drug's INN with a French or Spanish ending names the drug (`d'arbémicine`), and
    // `Poulain` heads foals.
    assert_eq!(crate::context::drug_like_in("Concentrations sériques d'arbémicine").as_deref(), Some("arbémicine"));
    assert_eq!(crate::context::drug_like_in("florvemicina").as_deref(), Some("florvemicina"));
    assert!(labels::is_subject_header("Poulain"));
}

#[test]
fn specimens_across_over_rows_of_parameters() {
    // `Plasma | Muscle | Skin` under each route, `Cmax | Tmax (h) | AUC0–96 h` down the stub,
    // "Concentrations are expressed in µg/mL for plasma and µg/g for tissues": the rows are
    // the parameters, each specimen's Cmax in its unit.
    let mut t = table(
        "Table 2. Naive pooled pharmacokinetic parameters of florfenidol in koi carp after oral gavage and bath immersion",
        &[
            &["Parameter", "Oral gavage (20 mg/kg)", "Oral gavage (20 mg/kg)", "Oral gavage (20 mg/kg)"],
            &["Parameter", "Plasma", "Muscle", "Skin"],
        ],
        &[&["Cmax", "8.42", "6.15", "9.87"], &["Tmax (h)", "6", "8", "8"], &["t1/2 (h)", "19.6", "22.4", "24.1"]],
    );
    t.footnote = Some("Concentrations are expressed in µg/mL for plasma and µg/g for tissues.".into());
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r.parameter.as_deref().unwrap_or("-"),
                r.value.unwrap(),
                r.unit_raw.as_deref().unwrap_or("-"),
                r.context.matrix.as_deref().unwrap_or("-")
            )
        })
        .collect();
    for want in
        ["CMAX 8.42 µg/mL plasma", "CMAX 6.15 µg/g muscle tissue", "TMAX 8 h skin tissue", "LAMZHL 19.6 h plasma"]
    {
        assert!(read.contains(&want.to_owned()), "{want}: {read:?}");
    }
}

#[test]
fn a_p_for_trend_column_and_a_bilingual_unit_column() {
    // `P for trend` beside the BMI groups holds p values; `Unità (Unit)` in an Italian paper
    // is a unit column.
    let t = table(
        "Table 3. Pharmacokinetic parameters of ceftobiline by BMI class (mean)",
        &[&["Parameter", "BMI <30 kg/m2 (n = 10)", "BMI ≥40 kg/m2 (n = 9)", "P for trend"]],
        &[&["Cmax (mg/L)", "112", "98", "0.046"], &["t1/2 (h)", "1.9", "2.4", "0.003"]],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 4);
    assert!(records.iter().all(|r| r.value != Some(0.046) && r.value != Some(0.003)));
    let t = table(
        "Tabella 3. Parametri farmacocinetici (media ± DS) della pirlocillina nel latte",
        &[&["Parametro (Parameter)", "Unità (Unit)", "Latte (Milk)"]],
        &[&["Cmax", "µg/mL", "186,4 ± 42,7"], &["Tmax", "h", "3,5 ± 1,2"]],
    );
    let units: Vec<Option<String>> = table_records(&t).into_iter().map(|r| r.unit_raw).collect();
    assert_eq!(units, [Some("µg/mL".to_owned()), Some("h".to_owned())]);
}

#[test]
fn symbols_of_other_languages_and_an_event_after_a_symbol() {
    // French `Cpic` (peak) and `Crésiduelle` (trough); Dutch `mediaan (spreiding)` marks a
    // median (range); `t1/2 after removal (h)` of a patch is the half-life.
    assert_eq!(crate::params::parameter_code("Cpic (mg/l)", None), Some("CMAX"));
    assert_eq!(crate::params::parameter_code("Crésiduelle (mg/l)", None), Some("CTROUGH"));
    assert_eq!(crate::params::parameter_code("t1/2 after removal (h)", None), Some("LAMZHL"));
    assert_eq!(crate::params::parameter_code("Time after dose (h)", None), None);
    let mut t = table(
        "Tabel 2. Farmacokinetische parameters van ketodoral na een enkelvoudige dosis van 10 mg/kg bij 12 kinderen",
        &[&["Parameter", "Rectaal (zetpil)", "Oraal (suspensie)"]],
        &[&["tmax (h) a", "2,0 (1,0–4,0)", "0,75 (0,5–1,5)"]],
    );
    t.footnote = Some("a mediaan (spreiding).".into());
    let read: Vec<(Statistic, Option<String>)> =
        table_records(&t).into_iter().map(|r| (r.statistic, r.interval.map(|i| i.kind))).collect();
    assert_eq!(read[0], (Statistic::Median, Some("range".to_owned())));
}

#[test]
fn a_circuits_ports_under_each_time_and_compounds_under_a_specimen() {
    // `PRE | POST` under each time, "before (PRE) and after (POST) the oxygenator": each
    // port's concentration at that time; a `Pre` row elsewhere stays a time.
    let t = table(
        "Table 2. Individual plasma velopenem concentrations (mg/L) in samples drawn before (PRE) and after (POST) the oxygenator",
        &[&["Patient", "0.5 h", "0.5 h", "3 h", "3 h"], &["Patient", "PRE", "POST", "PRE", "POST"]],
        &[&["P1", "23.6", "21.4", "53.2", "48.0"], &["P2", "52.5", "52.7", "99.4", "101.5"]],
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.unit_raw.as_deref().unwrap_or("-"),
                r.value.unwrap()
            )
        })
        .collect();
    assert!(read.contains(&"P1 0.5 h mg/L 21.4".to_owned()), "{read:?}");
    assert!(read.contains(&"P2 3 h mg/L 99.4".to_owned()), "{read:?}");
    // `Parent | Amine metabolite` under `Muscle with skin (µg/g)`: the tissue's levels of the
    // drug and of the metabolite the caption names.
    let mut t = table(
        "Table 2. Tiamflorin and tiamflorin amine in individual rainbow trout sampled after the end of a 10-day medicated-feed regimen",
        &[
            &[
                "Time after last medicated feed",
                "Fish",
                "Plasma (µg/mL)",
                "Muscle with skin (µg/g)",
                "Muscle with skin (µg/g)",
            ],
            &["Time after last medicated feed", "Fish", "Plasma (µg/mL)", "Parent", "Amine metabolite"],
        ],
        &[&["6 h", "T01", "2.83", "1.65", "0.188"], &["6 h", "T02", "2.95", "2.11", "0.146"]],
    );
    t.title = Some(
        "Depletion of tiamflorin and its amine metabolite from plasma and muscle with skin of rainbow trout".into(),
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.analyte.as_deref().unwrap_or("-"),
                r.unit_raw.as_deref().unwrap_or("-"),
                r.value.unwrap()
            )
        })
        .collect();
    assert!(read.contains(&"T01 tiamflorin µg/g 1.65".to_owned()), "{read:?}");
    assert!(read.contains(&"T02 tiamflorin amine µg/g 0.146".to_owned()), "{read:?}");
}

#[test]
fn a_yes_no_column_beside_each_patients_days() {
    // `Smoker` answers `No` and `Yes (20/day)` beside the patients' days: `No` is no count,
    // `20/day` no unit; the metabolite ratio beside the levels is the patient's too.
    let t = crate::html::parse_table(
        r#"<table><thead><tr><th>Patient</th><th>Smoker</th><th>Day</th><th>Daily dose (mg)</th><th>LZP (ng/mL)</th><th>N-LZP (ng/mL)</th><th>N-LZP/LZP ratio</th></tr></thead><tbody>
<tr><td rowspan="2">Z1</td><td rowspan="2">No</td><td>7</td><td>200</td><td>247</td><td>155</td><td>0.63</td></tr><tr><td>14</td><td>250</td><td>325</td><td>192</td><td>0.59</td></tr>
<tr><td rowspan="2">Z2</td><td rowspan="2">Yes (20/day)</td><td>7</td><td>300</td><td>165</td><td>84</td><td>0.51</td></tr><tr><td>10</td><td>350</td><td>185</td><td>96</td><td>0.52</td></tr>
</tbody></table>"#,
    )
    .expect("a table");
    let mut t = t;
    t.caption = Some(
        "Table 2. Serial trough serum concentrations of lozapridine (LZP) and N-desmethyllozapridine (N-LZP) during dose titration"
            .into(),
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {} {}",
                r.parameter.as_deref().unwrap_or("-"),
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.unit_raw.as_deref().unwrap_or("-"),
                r.value.unwrap()
            )
        })
        .collect();
    for want in
        ["CONC Z1 day 7 ng/mL 247", "CONC Z2 day 10 ng/mL 96", "MRATIO Z1 day 14 - 0.59", "MRATIO Z2 day 7 - 0.51"]
    {
        assert!(read.contains(&want.to_owned()), "{want}: {read:?}");
    }
}

#[test]
fn ids_under_an_analytes_abbreviation() {
    // `MBC` and `DM-MBC` (defined in the caption) over `R1 | R2 | R3`: each rabbit's levels of
    // each analyte, times down the stub.
    let t = table(
        "Table 1. Individual plasma concentrations (µg/mL) of marbocilin (MBC) and N-desmethylmarbocilin (DM-MBC) in rabbits after a single subcutaneous dose of 5 mg/kg MBC",
        &[&["Time", "MBC", "MBC", "MBC", "DM-MBC", "DM-MBC", "DM-MBC"], &["Time", "R1", "R2", "R3", "R1", "R2", "R3"]],
        &[
            &["5 min", "1.52", "1.48", "1.60", "0.015", "0.017", "0.018"],
            &["15 min", "3.11", "3.54", "3.27", "0.052", "0.059", "0.059"],
        ],
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r.context.subject.as_deref().unwrap_or("-"),
                r.context.analyte.as_deref().unwrap_or("-"),
                r.context.time.as_deref().unwrap_or("-"),
                r.value.unwrap()
            )
        })
        .collect();
    assert!(read.contains(&"R2 marbocilin 5 min 1.48".to_owned()), "{read:?}");
    assert!(read.contains(&"R3 N-desmethylmarbocilin 15 min 0.059".to_owned()), "{read:?}");
}

#[test]
fn weeks_days_and_coded_neonates() {
    // Weeks down the stub over patients' troughs (`Settimana`, `Week` over `0 | 4 | 16`).
    for (week, patient) in [("Week", "Patient"), ("Settimana", "Paziente")] {
        let t = table(
            "Table 3. Serum trough concentrations of rizankimab (µg/mL) in individual patients during 52 weeks of treatment",
            &[&[week, patient, patient, patient], &[week, "P01", "P02", "P03"]],
            &[&["0", "<LIQ", "<LIQ", "<LIQ"], &["4", "3.73", "5.85", "13.29"], &["16", "4.1", "5.2", "8.8"]],
        );
        let r = table_records(&t).into_iter().find(|r| r.value == Some(5.85)).expect("P02's week-4 trough");
        assert_eq!((r.context.subject.as_deref(), r.context.time.as_deref()), (Some("P02"), Some("4 week")));
    }
    // A level `on postoperative day` over `3 | 5 | 7`: each column that day's.
    let t = table(
        "Table 3. Tacrolivimus trough concentrations in individual liver-transplant recipients",
        &[
            &["Patient", "Whole-blood C0 (ng/mL) on postoperative day", "Whole-blood C0 (ng/mL) on postoperative day"],
            &["Patient", "3", "5"],
        ],
        &[&["LT01", "5.3", "5.1"], &["LT02", "6.2", "7.0"]],
    );
    let r = table_records(&t).into_iter().find(|r| r.value == Some(7.0)).expect("LT02's day-5 trough");
    assert_eq!((r.context.subject.as_deref(), r.context.time.as_deref()), (Some("LT02"), Some("5 day")));
    // Neonates coded `N1 | N2 | ... | N10` down the stub under a word the vocabulary may
    // lack: ids, not count lines.
    let t = table(
        "Table 3. Individual peak and trough concentrations of amikanol in neonates",
        &[&["Bébé", "Cpeak (mg/L)", "Ctrough (mg/L)"]],
        &[&["N1", "24.3", "2.6"], &["N2", "22.8", "2.2"], &["N3", "26.7", "1.1"]],
    );
    let subjects: Vec<Option<String>> = table_records(&t).into_iter().map(|r| r.context.subject).collect();
    assert_eq!(subjects.iter().flatten().count(), 6, "{subjects:?}");
}

#[test]
fn ids_coded_by_the_initial_of_their_stubs_header_beside_a_sex_column() {
    // `Testuggine | Sesso | Peso (g) | Cmax ...` over `T1 | M | ...`: the tortoises by the
    // initial of their word, the sexes (Italian `Sesso`) no bioavailability `F`.
    let t = table(
        "Tabella 2. Parametri farmacocinetici individuali della marbifloxacina nel plasma di testuggini di Hermann dopo una singola somministrazione intramuscolare (10 mg/kg)",
        &[&["Testuggine", "Sesso", "Peso (g)", "Cmax (µg/ml)", "Tmax (h)"]],
        &[&["T1", "M", "1.073", "5,22", "8"], &["T2", "F", "1.341", "5,90", "4"], &["T3", "F", "764", "7,28", "4"]],
    );
    let read: Vec<String> = table_records(&t)
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r.parameter.as_deref().unwrap_or("-"),
                r.context.subject.as_deref().unwrap_or("-"),
                r.value.unwrap()
            )
        })
        .collect();
    assert_eq!(read, ["CMAX T1 5.22", "CMAX T2 5.9", "CMAX T3 7.28", "TMAX T1 8", "TMAX T2 4", "TMAX T3 4"]);
}

#[test]
fn a_time_after_a_dose_is_no_row_of_doses() {
    // `1 h post dose`, `Pre dose` down the stub under the subjects: the times of their
    // levels, not rows of the doses given.
    let t = table(
        "Table 2. Plasma concentrations (ng/mL) of X in individual patients",
        &[&["Time", "Patient 1", "Patient 2", "Patient 3"]],
        &[
            &["Pre dose", "1.2", "0.8", "1.0"],
            &["1 h post dose", "14.1", "12.6", "15.3"],
            &["4 h post dose", "8.2", "7.7", "9.0"],
        ],
    );
    let r = table_records(&t).into_iter().find(|r| r.value == Some(12.6)).expect("patient 2's 1-h level");
    assert_eq!(r.context.subject.as_deref(), Some("Patient 2"));
}

#[test]
fn a_romance_sd_abbreviation_under_a_mean_row_is_its_sd_and_elsewhere_a_subject() {
    // `Moyenne` over `ET` (écart-type), as French tables print a mean and its SD below the
    // subjects; Spanish `DE`, Italian `DS` and Portuguese `DP` alike.
    for (mean, sd) in [("Moyenne", "ET"), ("Media", "DE"), ("Media", "DS"), ("Média", "DP")] {
        let t = table(
            "Tableau 2. Concentrations de vancomycine (mg/l) dans le sérum",
            &[&["Patient", "Temps (h)", "Temps (h)"], &["Patient", "1", "6"]],
            &[
                &["1", "32,1", "12,4"],
                &["2", "28,7", "10,9"],
                &["3", "35,0", "14,2"],
                &[mean, "31,9", "12,5"],
                &[sd, "3,2", "1,7"],
            ],
        );
        let records = table_records(&t);
        assert_eq!(records.len(), 8, "{sd}: {}", show(&records));
        let m = records.iter().find(|r| r.value == Some(31.9)).expect("the mean at 1 h");
        assert_eq!(m.statistic, Statistic::Mean);
        assert_eq!(m.dispersion.as_ref().map(|d| (d.kind.as_str(), d.value)), Some(("SD", 3.2)), "{sd}");
        assert!(records.iter().all(|r| r.context.subject.as_deref() != Some(sd)), "{sd}");
    }
    // The same letters as a patient's initials are a subject, under no mean row or under
    // another patient's initials that read as a mean (`AM`).
    let t = table(
        "Table 2. Serum concentrations (mg/L) of vancomycin in individual patients",
        &[&["Patient", "1 h", "6 h"]],
        &[&["AM", "32.1", "12.4"], &["DE", "28.7", "10.9"], &["MW", "35.0", "14.2"], &["ET", "30.2", "11.8"]],
    );
    let records = table_records(&t);
    let de = records.iter().find(|r| r.value == Some(28.7)).expect("DE's 1-h level");
    assert_eq!(de.context.subject.as_deref(), Some("DE"), "{}", show(&records));
    assert!(records.iter().find(|r| r.value == Some(30.2)).is_some_and(|r| r.context.subject.as_deref() == Some("ET")));
    let t = table(
        "Table 2. Serum concentrations (mg/L) of vancomycin in individual patients",
        &[&["Patient", "1 h", "6 h"]],
        &[&["AB", "32.1", "12.4"], &["ET", "28.7", "10.9"], &["DP", "35.0", "14.2"]],
    );
    let records = table_records(&t);
    let mut subjects: Vec<&str> = records.iter().filter_map(|r| r.context.subject.as_deref()).collect();
    subjects.sort_unstable();
    assert_eq!(subjects, ["AB", "AB", "DP", "DP", "ET", "ET"], "{}", show(&records));
}

#[test]
fn animals_under_their_german_word_with_a_mw_sd_row() {
    // `Tier-Nr.` (animal number) heading the subjects, `MW ± SD` (Mittelwert) the summary
    // row below.
    let t = table(
        "Tabelle 3. Plasmakonzentrationen (µg/ml) von Florfenicol bei sechs Schafen",
        &[&["Tier-Nr.", "Zeit (h)", "Zeit (h)"], &["Tier-Nr.", "1", "4"]],
        &[&["1", "4,1", "2,2"], &["2", "3,8", "2,0"], &["MW ± SD", "3,95 ± 0,21", "2,10 ± 0,14"]],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 6, "{}", show(&records));
    let mut subjects: Vec<&str> = records.iter().filter_map(|r| r.context.subject.as_deref()).collect();
    subjects.sort_unstable();
    assert_eq!(subjects, ["1", "1", "2", "2"]);
    let m = records.iter().find(|r| r.value == Some(3.95)).expect("the mean at 1 h");
    assert_eq!((m.statistic, m.dispersion.as_ref().map(|d| d.value)), (Statistic::Mean, Some(0.21)));
    assert_eq!(m.context.subject, None);
}

#[test]
fn statistic_rows_in_other_languages_name_the_cv_and_the_range_in_their_words() {
    // `VK (%)` (Variationskoeffizient) and `Spannweite` under `Mittelwert | SD | Median`;
    // Spanish `Mín` and `Máx` lines; the range of a median and the CV of a mean, no values.
    let t = table(
        "Tabelle 2. Pharmakokinetische Parameter von Lidocain im Plasma",
        &[&["", "Cmax (ng/ml)", "t1/2 (h)"]],
        &[
            &["Mittelwert", "412", "3,1"],
            &["SD", "88", "0,7"],
            &["VK (%)", "21,4", "22,6"],
            &["Median", "398", "3,0"],
            &["Spannweite", "301–560", "2,2–4,4"],
        ],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 4, "{}", show(&records));
    let median = records.iter().find(|r| r.value == Some(398.0)).expect("the median Cmax");
    assert_eq!(median.interval.as_ref().map(|i| (i.kind.as_str(), i.low, i.high)), Some(("range", 301.0, 560.0)));
    let t = table(
        "Tabla 2. Parámetros farmacocinéticos de lidocaína en plasma",
        &[&["", "Cmax (ng/ml)"]],
        &[&["Media", "412"], &["DE", "88"], &["Mediana", "398"], &["Mín", "301"], &["Máx", "560"]],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 2, "{}", show(&records));
    let median = records.iter().find(|r| r.value == Some(398.0)).expect("the median Cmax");
    assert_eq!(median.interval.as_ref().map(|i| (i.low, i.high)), Some((301.0, 560.0)));
    let mean = records.iter().find(|r| r.value == Some(412.0)).expect("the mean Cmax");
    assert_eq!(mean.dispersion.as_ref().map(|d| (d.kind.as_str(), d.value)), Some(("SD", 88.0)));
    // Polish `Zakres` and `Maks`, Czech `Rozpětí`, Korean `범위` and `최댓값`: the range and
    // its upper end.
    for (caption, mean, sd, median, range_or_bounds) in [
        ("Tabela 2. Parametry farmakokinetyczne lidokainy w osoczu", "Średnia", "SD", "Mediana", &["Zakres"][..]),
        ("Tabela 2. Parametry farmakokinetyczne lidokainy w osoczu", "Średnia", "SD", "Mediana", &["Min", "Maks"][..]),
        ("Tabulka 2. Farmakokinetické parametry lidokainu v plazmě", "Průměr", "SD", "Medián", &["Rozpětí"][..]),
        ("표 2. 혈장 중 리도카인의 약동학 파라미터", "평균", "표준편차", "중앙값", &["범위"][..]),
        ("표 2. 혈장 중 리도카인의 약동학 파라미터", "평균", "표준편차", "중앙값", &["최솟값", "최댓값"][..]),
    ] {
        let mut body: Vec<Vec<&str>> = vec![vec![mean, "412"], vec![sd, "88"], vec![median, "398"]];
        match range_or_bounds {
            [range] => body.push(vec![range, "301–560"]),
            bounds => {
                body.push(vec![bounds[0], "301"]);
                body.push(vec![bounds[1], "560"]);
            }
        }
        let rows: Vec<&[&str]> = body.iter().map(Vec::as_slice).collect();
        let records = table_records(&table(caption, &[&["", "Cmax (ng/ml)"]], &rows));
        assert_eq!(records.len(), 2, "{caption} {range_or_bounds:?}: {}", show(&records));
        let median = records.iter().find(|r| r.value == Some(398.0)).expect("the median Cmax");
        assert_eq!(median.interval.as_ref().map(|i| (i.low, i.high)), Some((301.0, 560.0)), "{caption}");
    }
}

#[test]
fn declarations_in_thirteen_more_languages() {
    // A footnote declaring the statistic in Polish, Greek, Hungarian, Swedish or Japanese:
    // the bracketed numbers are what it says, and tmax's range by its exception.
    for (footnote, spread, median) in [
        (
            "Dane przedstawiono jako średnią (odchylenie standardowe), z wyjątkiem tmax: mediana (rozstęp).",
            "SD",
            "range",
        ),
        ("Μέση τιμή (ΤΑ) εκτός από tmax: διάμεσος (εύρος).", "SD", "range"),
        ("Átlag (szórás), kivéve tmax: medián (tartomány).", "SD", "range"),
        ("Medelvärde (standardavvikelse), utom tmax: median (kvartilavstånd).", "SD", "IQR"),
        ("平均値（標準偏差）、tmax を除く：中央値（範囲）。", "SD", "range"),
    ] {
        let mut t = table(
            "Table 2. Pharmacokinetic parameters of X in plasma",
            &[&["Parameter", "20 mg", "40 mg"]],
            &[&["Cmax (ng/ml)", "212,4 (48,1)", "410,2 (90,3)"], &["tmax (h)", "1,5 (0,5–4,0)", "2,0 (1,0–4,0)"]],
        );
        t.footnote = Some(footnote.into());
        let records = table_records(&t);
        let cmax = records.iter().find(|r| r.value == Some(212.4)).expect("Cmax");
        assert_eq!(cmax.statistic, Statistic::Mean, "{footnote}: {}", show(&records));
        assert_eq!(cmax.dispersion.as_ref().map(|d| d.kind.as_str()), Some(spread), "{footnote}");
        if footnote.starts_with('平') {
            // (The Japanese exception names tmax before its word: read as the whole note.)
            continue;
        }
        let tmax = records.iter().find(|r| r.value == Some(1.5)).expect("tmax");
        assert_eq!(tmax.statistic, Statistic::Median, "{footnote}: {}", show(&records));
        assert_eq!(tmax.interval.as_ref().map(|i| i.kind.as_str()), Some(median), "{footnote}");
    }
}

#[test]
fn day_codes_across_subjects_are_sampling_days() {
    // `J2 | J5 | J8` (jour) spanning the specimens, `D1 | D3 | D7` under a concentration's
    // header: subjects down, so the codes are days.
    let t = table(
        "Tableau 2. Concentrations résiduelles individuelles de X (ng/mL) dans le liquide interstitiel et le plasma",
        &[
            &["Sujet", "J2", "J2", "J5", "J5", "J8", "J8"],
            &["Sujet", "LID", "Plasma", "LID", "Plasma", "LID", "Plasma"],
        ],
        &[
            &["S01", "27,0", "40,4", "51,8", "66,6", "62,9", "87,9"],
            &["S02", "20,5", "28,5", "32,0", "44,2", "45,2", "64,3"],
        ],
    );
    let mut t = t;
    t.footnote = Some("LID : liquide interstitiel dermique.".into());
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(51.8)).expect("S01's day-5 interstitial level");
    assert_eq!(
        (r.context.subject.as_deref(), r.context.time.as_deref(), r.context.matrix.as_deref()),
        (Some("S01"), Some("day 5"), Some("interstitial fluid")),
        "{}",
        show(&records)
    );
    let t = table(
        "Table 2. Individual plasma concentrations of X in capybaras",
        &[&["Animal", "Plasma (ng/mL)", "Plasma (ng/mL)", "Plasma (ng/mL)"], &["Animal", "D1", "D3", "D7"]],
        &[&["Cap-1", "44.0", "40.6", "21.2"], &["Cap-2", "35.9", "33.6", "15.1"]],
    );
    let r = table_records(&t).into_iter().find(|r| r.value == Some(33.6)).expect("Cap-2 on day 3");
    assert_eq!((r.context.subject.as_deref(), r.context.time.as_deref()), (Some("Cap-2"), Some("day 3")));
    // Dogs coded across with the times down stay dogs.
    let t = table(
        "Table 2. Plasma concentrations (µg/mL) of X in individual dogs",
        &[&["Time (h)", "D1", "D2", "D3"]],
        &[&["1", "4.1", "3.9", "4.4"], &["4", "2.2", "2.0", "2.5"]],
    );
    let r = table_records(&t).into_iter().find(|r| r.value == Some(2.0)).expect("D2 at 4 h");
    assert_eq!((r.context.subject.as_deref(), r.context.time.as_deref()), (Some("D2"), Some("4 h")));
    // Nor where the times down are coded (`T0 | T1`), nor doses one after another under
    // patients (`D1 | D2 | D3`, a trough before each dose) that no note calls days.
    let t = table(
        "Table 2. Plasma concentrations (µg/mL) of X in individual dogs",
        &[&["Time point", "D1", "D2", "D3"]],
        &[&["T0", "4.1", "3.9", "4.4"], &["T1", "2.2", "2.0", "2.5"]],
    );
    assert!(table_records(&t).iter().all(|r| r.context.time.as_deref().is_none_or(|t| !t.starts_with("day"))));
    let t = table(
        "Table 2. Trough concentrations (mg/L) of X before each dose",
        &[&["Patient", "D1", "D2", "D3"]],
        &[&["P01", "4.1", "3.9", "4.4"], &["P02", "2.2", "2.0", "2.5"]],
    );
    assert!(table_records(&t).iter().all(|r| r.context.time.as_deref().is_none_or(|t| !t.starts_with("day"))));
}

#[test]
fn codes_across_under_a_condition_are_subjects_where_the_caption_says_individual() {
    // `24 °C` and `32 °C` spanning `T1..T3` and `T4..T6`: "in individual tegus".
    let t = table(
        "Table 2. Plasma X concentrations (µg/mL) in individual tegus kept at 24 °C or 32 °C",
        &[
            &["Time (h)", "24 °C", "24 °C", "24 °C", "32 °C", "32 °C", "32 °C"],
            &["Time (h)", "T1", "T2", "T3", "T4", "T5", "T6"],
        ],
        &[
            &["1", "25.3", "28.7", "27.2", "21.8", "29.7", "28.6"],
            &["4", "34.1", "38.1", "30.3", "30.1", "34.9", "39.1"],
        ],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(30.1)).expect("T4 at 4 h");
    assert_eq!(
        (r.statistic, r.context.subject.as_deref(), r.context.time.as_deref()),
        (Statistic::Individual, Some("T4"), Some("4 h")),
        "{}",
        show(&records)
    );
    // Volumes under a model's header are no subjects, whatever the caption says.
    let t = table(
        "Table 2. Individual plasma concentrations (ng/mL) and model volumes of X",
        &[&["Subject", "Volumes (L)", "Volumes (L)", "Volumes (L)"], &["Subject", "V1", "V2", "V3"]],
        &[&["01", "25.3", "28.7", "27.2"], &["02", "34.1", "38.1", "30.3"]],
    );
    assert!(table_records(&t).iter().all(|r| r.context.subject.as_deref() != Some("V2")));
}

#[test]
fn specimens_named_in_romanian_polish_greek_and_french() {
    for (name, specimen) in [
        ("Plasmă", "plasma"),
        ("Osocze", "plasma"),
        ("Πλάσμα", "plasma"),
        ("Lichid peritoneal", "peritoneal fluid"),
        ("Liquide interstitiel", "interstitial fluid"),
        ("Dializat", "dialysate"),
        ("Mleko", "milk"),
        ("Exhaled breath condensate", "exhaled breath condensate"),
    ] {
        assert_eq!(crate::context::matrices_in(name), [specimen], "{name}");
    }
    // Not inside another word.
    assert!(crate::context::matrices_in("Plasmapheresis").is_empty());
    assert!(crate::context::matrices_in("Serumkrankheit").is_empty());
    assert!(crate::context::matrices_in("Plasmaferez").is_empty());
}

#[test]
fn each_drug_of_a_combination_spanning_its_parameters_is_their_analyte() {
    // "a nilvadipril/rosuvaprazole tablet": each name spans its own parameters.
    let t = table(
        "Table 2. Individual pharmacokinetic parameters after a single nilvadipril/rosuvaprazole tablet (5 mg/10 mg)",
        &[
            &["Subject", "Nilvadipril", "Nilvadipril", "Rosuvaprazole", "Rosuvaprazole"],
            &["Subject", "Cmax (ng/mL)", "t1/2 (h)", "Cmax (ng/mL)", "t1/2 (h)"],
        ],
        &[&["01", "9.01", "37.5", "13.91", "18.2"], &["02", "7.50", "42.2", "13.18", "17.0"]],
    );
    let records = table_records(&t);
    let analyte = |v: f64| {
        let r = records.iter().find(|r| r.value == Some(v)).expect("a record");
        r.context.analyte.as_deref().map(crate::fold::lower)
    };
    assert_eq!(analyte(13.91).as_deref(), Some("rosuvaprazole"), "{}", show(&records));
    assert_eq!(analyte(9.01).as_deref(), Some("nilvadipril"));
}

#[test]
fn danish_hours_and_a_temperature_row_beside_each_patients_levels() {
    // `12 t` (timer), each patient's concentration row over a core-temperature row, the
    // caption in Danish ("Plasmakoncentrationer af X").
    let t = table(
        "Tabel 3. Plasmakoncentrationer af sufentazol hos de enkelte patienter",
        &[&["Patient", "", "12 t", "24 t"]],
        &[
            &["Pt 1", "Konc. (ng/ml)", "1,80", "2,39"],
            &["Pt 1", "Kernetemp. (°C)", "33,1", "33,2"],
            &["Pt 2", "Konc. (ng/ml)", "1,68", "2,36"],
            &["Pt 2", "Kernetemp. (°C)", "33,0", "32,8"],
        ],
    );
    let mut t = t;
    t.title = Some("Plasma concentrations of sufentazol during targeted temperature management".into());
    let records = table_records(&t);
    assert_eq!(records.len(), 4, "{}", show(&records));
    let r = records.iter().find(|r| r.value == Some(2.36)).expect("Pt 2 at 24 h");
    assert_eq!(
        (r.context.subject.as_deref(), r.context.time.as_deref(), r.context.analyte.as_deref()),
        (Some("Pt 2"), Some("24 h"), Some("sufentazol"))
    );
}

#[test]
fn a_chinese_unit_column() {
    let t = table(
        "Table 3. Pharmacokinetic parameters of X (mean ± SD, n = 6)",
        &[&["参数", "单位", "X"]],
        &[&["Cmax", "μg/mL", "0.86 ± 0.31"], &["Tmax", "h", "3.2 ± 1.1"]],
    );
    let records = table_records(&t);
    let cmax = records.iter().find(|r| r.value == Some(0.86)).expect("Cmax");
    assert_eq!(cmax.unit_raw.as_deref(), Some("μg/mL"), "{}", show(&records));
}

#[test]
fn a_condition_after_an_event_and_a_change_column_in_french() {
    // `Après réchauffement (J3)` heads a condition's values (not times), `Variation (%)`
    // the change between the two: no values.
    let t = table(
        "Tableau 3. Paramètres pharmacocinétiques du X pendant l'hypothermie et après réchauffement. Valeurs exprimées en médiane [EIQ].",
        &[&["Paramètre", "Hypothermie 33 °C (J1)", "Après réchauffement (J3)", "Variation (%)"]],
        &[
            &["Css (ng/ml)", "412 [298–566]", "276 [201–371]", "−33"],
            &["CL (l/h)", "10,8 [7,9–14,6]", "16,2 [12,0–21,4]", "+50"],
        ],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 4, "{}", show(&records));
    let r = records.iter().find(|r| r.value == Some(276.0)).expect("Css after rewarming");
    assert_eq!(r.statistic, Statistic::Median);
    assert_eq!(r.interval.as_ref().map(|i| (i.kind.as_str(), i.low)), Some(("IQR", 201.0)));
}

#[test]
fn german_geometric_means_with_their_vk_and_months_in_portuguese() {
    let t = table(
        "Tabelle 2. Pharmakokinetische Parameter von X nach einmaliger Gabe. Angegeben sind geometrische Mittelwerte (VK %).",
        &[&["Parameter", "5 mg", "10 mg"]],
        &[&["Cmax (ng/ml)", "18,4 (24,1)", "37,9 (21,8)"]],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(18.4)).expect("Cmax at 5 mg");
    assert_eq!(r.statistic, Statistic::GeometricMean, "{}", show(&records));
    assert_eq!(r.dispersion.as_ref().map(|d| (d.kind.as_str(), d.value)), Some(("CV%", 24.1)));
    let t = table(
        "Tabela 2. Concentrações séricas de X (pg/mL) após a inserção do implante. Valores expressos em mediana (intervalo interquartil).",
        &[&["Tempo após a inserção", "IMC < 25", "IMC ≥ 30"]],
        &[
            &["Mês 1", "412 (338–506)", "298 (236–371)"],
            &["Mês 3", "298 (241–362)", "214 (168–265)"],
            &["Cmáx (pg/mL)", "1.124 (876–1.402)", "812 (623–1.047)"],
        ],
    );
    let mut t = t;
    t.caption = t.caption.map(|c| c.replace(" X ", " norvelestrel "));
    t.title = Some("Concentrações séricas de norvelestrel ao longo de três anos de uso do implante".into());
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(214.0)).unwrap_or_else(|| panic!("month 3: {}", show(&records)));
    assert_eq!((r.context.time.as_deref(), r.statistic), (Some("month 3"), Statistic::Median), "{}", show(&records));
}

#[test]
fn samples_numbered_under_a_sample_word_take_the_times_their_note_gives() {
    let mut t = table(
        "Table 2. Individual plasma concentrations of mioinozide (ng/mL)",
        &[&["Patient", "Sample a", "Sample a", "Sample a", "Sample a"], &["Patient", "1", "2", "3", "4"]],
        &[&["01", "< LLOQ", "473", "693", "876"], &["02", "< LLOQ", "455", "582", "661"]],
    );
    t.footnote = Some("a Samples: 1, before the dose; 2, 0.5 h; 3, 1 h; 4, 1.5 h after the dose.".into());
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(582.0)).expect("patient 02's third sample");
    assert_eq!(
        (r.context.subject.as_deref(), r.context.time.as_deref()),
        (Some("02"), Some("1 h")),
        "{}",
        show(&records)
    );
    // Without the note, the numbers are no times.
    t.footnote = None;
    assert!(table_records(&t).iter().all(|r| r.context.time.as_deref() != Some("1 h")));
}

#[test]
fn times_after_an_event_as_t_plus_n_take_the_unit_their_note_gives() {
    let mut t = table(
        "Table 3. Individual X concentrations (ng/mL) in exhaled breath condensate",
        &[&["Patient", "T+15", "T+30", "T+60"]],
        &[&["Pt-A", "49.3", "37.3", "25.6"], &["Pt-B", "53.1", "41.4", "28.5"]],
    );
    t.footnote = Some("T+n, n minutes after the end of nebulisation.".into());
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(41.4)).expect("Pt-B at T+30");
    assert_eq!(
        (r.context.subject.as_deref(), r.context.time.as_deref()),
        (Some("Pt-B"), Some("30 min")),
        "{}",
        show(&records)
    );
    // Without the note, no unit is guessed.
    t.footnote = None;
    assert!(table_records(&t).iter().all(|r| r.context.time.as_deref() != Some("30 min")));
}

#[test]
fn a_foreign_after_heads_times_with_a_time_unit_word_or_bracket() {
    assert!(labels::is_time_header("Stunden nach Gabe"));
    assert!(labels::is_time_header("Horas después de la dosis (h)"));
    assert!(!labels::is_time_header("Après réchauffement (J3)"));
}

#[test]
fn a_new_drug_the_caption_names_first_where_the_title_names_none() {
    let analyte = |title: &str, caption: &str| {
        let mut t = table(caption, &[&["Patient", "1 h", "4 h"]], &[&["P1", "12.4", "8.1"], &["P2", "10.9", "7.7"]]);
        t.title = Some(title.into());
        table_records(&t).first().and_then(|r| r.context.analyte.clone())
    };
    // The caption's first word before its quantity, under a title of a class of drugs.
    assert_eq!(
        analyte(
            "Continuous aminoglycoside monitoring with a wearable sensor in intensive care",
            "Table 2. Netrabycin concentrations (mg/L) in four critically ill patients"
        )
        .as_deref(),
        Some("netrabycin")
    );
    // Not a class of drugs, nor a word of prose.
    assert_eq!(
        analyte("Monitoring in intensive care", "Table 2. Aminoglycoside concentrations (mg/L) in four patients"),
        None
    );
    // The title's drug, not the word naming which animals (`European eels`).
    let mut t = table(
        "Table 2. Flumequinol in plasma of individual European eels (Anguilla anguilla)",
        &[&["Eel", "Cmax (µg/mL)", "Tmax (h)"]],
        &[&["E1", "12.4", "8.1"], &["E2", "10.9", "7.7"]],
    );
    t.title = Some("Residue depletion of flumequinol in farmed European eels after bath treatment".into());
    let records = table_records(&t);
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r.context.analyte.as_deref() == Some("flumequinol")), "{}", show(&records));
}

#[test]
fn names_with_their_sex_and_weight_on_the_second_line_are_subjects() {
    // `Tita<br/>(H; 41 kg)` under `Animal`: the animal Tita; `Patient F` stays patient F.
    let t = table(
        "Tabla 2. Concentraciones plasmáticas individuales de medetazina (ng/mL) en cinco carpinchos",
        &[
            &["Tiempo (min)", "Animal", "Animal", "Animal"],
            &["Tiempo (min)", "Tita (H; 41 kg)", "Pancho (M; 52 kg)", "Luna (H; 38 kg)"],
        ],
        &[&["10", "4,54", "4,31", "5,02"], &["30", "2,88", "2,61", "3,40"]],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(2.61)).expect("Pancho at 30 min");
    assert_eq!(
        (r.statistic, r.context.subject.as_deref(), r.context.time.as_deref()),
        (Statistic::Individual, Some("Pancho"), Some("30 min")),
        "{}",
        show(&records)
    );
    assert!(
        super::names_without_their_covariates(&table(
            "Table 2",
            &[&["Time", "Patient F", "Patient M"]],
            &[&["1", "2.0", "3.0"]]
        ))
        .is_none()
    );
}

#[test]
fn a_time_stub_headed_in_another_language_over_groups() {
    // `Tempo após a inserção` over `Mês 1 | Mês 3` beside groups: each group's median by
    // month, as `Time after insertion` over `Month 1 | Month 3` reads.
    let mut t = table(
        "Tabela 2. Concentrações séricas de norvelestrel (pg/mL). Valores expressos em mediana (intervalo interquartil).",
        &[&["Tempo após a inserção", "IMC < 25", "IMC ≥ 30"]],
        &[&["Mês 1", "412 (338–506)", "298 (236–371)"], &["Mês 3", "298 (241–362)", "214 (168–265)"]],
    );
    t.title = Some("Concentrações séricas de norvelestrel ao longo de três anos de uso do implante".into());
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(214.0)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!((r.context.time.as_deref(), r.statistic), (Some("month 3"), Statistic::Median));
}

#[test]
fn coded_times_in_a_header_row_flattened() {
    // `Sample 1 | Sample 2` and `Time T+15 | Time T+30` in one header row (a Markdown or CSV
    // table), the note defining them.
    let mut t = table(
        "Table 2. Individual plasma concentrations of X (ng/mL)",
        &[&["Subject", "Sample 1", "Sample 2", "Sample 3"]],
        &[&["S01", "12.0", "8.4", "3.1"], &["S02", "10.2", "7.7", "2.9"]],
    );
    t.footnote = Some("Samples: 1, 0.5 h; 2, 2 h; 3, 8 h after dosing.".into());
    let r = table_records(&t).into_iter().find(|r| r.value == Some(7.7)).expect("S02's second sample");
    assert_eq!((r.context.subject.as_deref(), r.context.time.as_deref()), (Some("S02"), Some("2 h")));
    let mut t = table(
        "Table 2. Individual plasma concentrations of X (ng/mL)",
        &[&["Subject", "Time after dose T+5", "Time after dose T+30", "Time after dose T+60"]],
        &[&["S01", "12.0", "8.4", "3.1"], &["S02", "10.2", "7.7", "2.9"]],
    );
    t.footnote = Some("T+n, n minutes after dosing.".into());
    let r = table_records(&t).into_iter().find(|r| r.value == Some(7.7)).expect("S02 at T+30");
    assert_eq!(r.context.time.as_deref(), Some("30 min"));
}

#[test]
fn a_specimen_columns_abbreviation_the_caption_spells_out() {
    // `Specimen` over `EBC | Plasma`, "exhaled breath condensate (EBC)" in the caption.
    let t = table(
        "Table 3. Individual X concentrations in exhaled breath condensate (EBC) and plasma of two patients",
        &[&["Patient", "Specimen", "1 h", "2 h"]],
        &[&["Pt-A", "EBC", "49.3", "37.3"], &["Pt-A", "Plasma", "5.03", "8.40"]],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(37.3)).expect("Pt-A's EBC at 2 h");
    assert_eq!(r.context.matrix.as_deref(), Some("exhaled breath condensate"), "{}", show(&records));
    let r = records.iter().find(|r| r.value == Some(8.4)).expect("Pt-A's plasma at 2 h");
    assert_eq!(r.context.matrix.as_deref(), Some("plasma"));
}

#[test]
fn names_with_their_sex_and_weight_need_no_count() {
    // `Nala<br/>F, 412 kg` in a single header row beside sampling times, the caption naming
    // an animal the vocabulary lacks: only individuals have a sex and a weight.
    let t = table(
        "Table 2. Serum X concentrations (µg/mL) in five dugongs after a single intramuscular injection",
        &[&["Time (h)", "Nala F, 412 kg", "Kai M, 538 kg", "Moana F, 365 kg", "Mean"]],
        &[&["1", "0.993", "1.28", "0.734", "1.00"], &["2", "1.33", "1.85", "1.15", "1.44"]],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(1.85)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(
        (r.statistic, r.context.subject.as_deref(), r.context.time.as_deref()),
        (Statistic::Individual, Some("Kai"), Some("2 h"))
    );
    // (Without them, names the caption neither counts nor calls individual stay groups.)
    let t = table(
        "Table 2. Serum X concentrations (µg/mL) after a single intramuscular injection",
        &[&["Time (h)", "Nala", "Kai", "Moana", "Mean"]],
        &[&["1", "0.993", "1.28", "0.734", "1.00"], &["2", "1.33", "1.85", "1.15", "1.44"]],
    );
    assert!(table_records(&t).iter().all(|r| r.statistic != Statistic::Individual));
}

#[test]
fn tables_typeset_in_japanese_chinese_and_korean() {
    // Japanese: subjects down, `投与後時間` (time after dosing) over `投与前 | 0.5時間 | 1時間`.
    let t = table(
        "表2 各被験者の血漿中X濃度（ng/mL）",
        &[&["被験者番号", "投与後時間", "投与後時間", "投与後時間"], &["被験者番号", "投与前", "0.5時間", "1時間"]],
        &[&["S-01", "N.D.", "77.5", "96.4"], &["S-02", "N.D.", "87.8", "116"]],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(87.8)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(
        (r.statistic, r.context.subject.as_deref(), r.context.time.as_deref(), r.unit_raw.as_deref()),
        (Statistic::Individual, Some("S-02"), Some("0.5 h"), Some("ng/mL"))
    );
    assert_eq!(r.context.matrix.as_deref(), Some("plasma"));
    // Japanese summary: full-width brackets and wave dash, the mean ± SD and the median
    // (range) the footnote declares.
    let mut t = table(
        "表3 X 100 mg 単回経口投与時の血漿中薬物動態パラメータ",
        &[&["パラメータ", "非高齢者（20～45歳）N＝12", "高齢者（65歳以上）N＝12"]],
        &[&["Cmax（ng/mL）", "245±61", "318±88"], &["Tmax a)（h）", "1.0（0.5～2.0）", "1.5（0.5～3.0）"]],
    );
    t.footnote = Some("平均値±標準偏差、a) 中央値（最小値～最大値）".into());
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(1.5)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!((r.parameter.as_deref(), r.statistic), (Some("TMAX"), Statistic::Median));
    assert_eq!(r.interval.as_ref().map(|i| (i.low, i.high)), Some((0.5, 3.0)));
    let r = records.iter().find(|r| r.value == Some(245.0)).expect("Cmax of the younger");
    assert_eq!(
        (r.parameter.as_deref(), r.statistic, r.unit_raw.as_deref()),
        (Some("CMAX"), Statistic::Mean, Some("ng/mL"))
    );
    // Chinese: a name in the language, then the symbol.
    let t = table(
        "表2 X在肉鸡口服给药（10 mg/kg）后的主要药动学参数（平均值±标准差，n=10）",
        &[&["参数", "单位", "口服"]],
        &[&["消除半衰期 t1/2β", "h", "7.48±1.33"], &["峰浓度 Cmax", "μg/mL", "1.86±0.42"]],
    );
    let records = table_records(&t);
    let codes: Vec<_> = records.iter().map(|r| (r.parameter.as_deref(), r.statistic)).collect();
    assert_eq!(codes, [(Some("LAMZHL"), Statistic::Mean), (Some("CMAX"), Statistic::Mean)], "{}", show(&records));
    // Chinese long table: the drug's column by its name in the caption, beside its metabolite's.
    let t = table(
        "表3 4名受试者单次口服硫普利特50 mg后血浆中硫普利特及代谢物M2的个体药物浓度",
        &[&["受试者", "采样时间 (h)", "硫普利特 (ng/mL)", "代谢物M2 (ng/mL)"]],
        &[&["001", "0.25", "59.6", "6.75"], &["001", "0.5", "88.7", "12.5"]],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(88.7)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!((r.context.subject.as_deref(), r.context.time.as_deref()), (Some("001"), Some("0.5 h")));
    // Korean: bare subject numbers across under `대상자`, `평균` and `표준편차` after them.
    let t = table(
        "표 2. 건강한 성인 남성에게 X 100 mg을 단회 경구 투여한 후 개별 혈장 농도 (ng/mL)",
        &[
            &["시간 (h)", "대상자", "대상자", "대상자", "평균", "표준편차"],
            &["시간 (h)", "1", "2", "3", "평균", "표준편차"],
        ],
        &[&["투여 전", "BQL", "BQL", "BQL", "–", "–"], &["0.5", "60.5", "46.0", "46.1", "50.9", "8.3"]],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(46.0)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(
        (r.statistic, r.context.subject.as_deref(), r.context.time.as_deref()),
        (Statistic::Individual, Some("2"), Some("0.5 h"))
    );
}

#[test]
fn a_compound_measured_after_another_given_is_the_analyte() {
    // "plasma X concentrations after a dose of Y": a prodrug's active metabolite.
    let mut t = table(
        "Table 3. Individual plasma norcybin concentrations (ng/mL) after a single 25-mg oral dose of psilonocybin",
        &[&["Participant", "0.5 h", "1 h"]],
        &[&["P01", "16.4", "26.7"], &["P02", "14.1", "16.3"]],
    );
    t.title = Some("Pharmacokinetics of psilonocybin in treatment-resistant depression".into());
    t.footnote = Some("Psilonocybin is a prodrug; only its active metabolite norcybin is shown.".into());
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(16.3)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!((r.context.analyte.as_deref(), r.context.drug.as_deref()), (Some("norcybin"), Some("psilonocybin")));
    // (Not a word that names no compound: `Individual serum concentrations after ...`.)
    let mut t = table(
        "Table 3. Individual serum concentrations (ng/mL) after a single 25-mg oral dose of psilonocybin",
        &[&["Participant", "0.5 h", "1 h"]],
        &[&["P01", "16.4", "26.7"]],
    );
    t.title = Some("Pharmacokinetics of psilonocybin in treatment-resistant depression".into());
    assert!(table_records(&t).iter().all(|r| r.context.analyte.as_deref() == Some("psilonocybin")));
    // (Nor a word of the caption's own, `Median`, `Simulated`.)
    for caption in [
        "Table 3. Median plasma concentrations (ng/mL) following a single oral dose of midazolam",
        "Table 3. Simulated plasma concentrations (ng/mL) after an intravenous infusion of midazolam",
    ] {
        let t = table(caption, &[&["Time (h)", "Value"]], &[&["1", "16.4"], &["2", "12.0"]]);
        assert!(table_records(&t).iter().all(|r| r.context.analyte.as_deref() == Some("midazolam")), "{caption}");
    }
    assert!(table_records(&t).iter().all(|r| r.context.analyte.as_deref() == Some("psilonocybin")));
}

#[test]
fn specimens_of_surgery_lymph_and_crustaceans() {
    let t = table(
        "Table 4. Individual X concentrations in crayfish",
        &[&["Crayfish", "Time (h)", "Hemolymph (µg/mL)", "Hepatopancreas (µg/g)", "Abdominal muscle (µg/g)"]],
        &[&["CF-01", "0.5", "11.0", "15.6", "0.859"], &["CF-02", "0.5", "11.2", "15.0", "1.03"]],
    );
    let records = table_records(&t);
    let matrix = |v: f64| records.iter().find(|r| r.value == Some(v)).and_then(|r| r.context.matrix.clone());
    assert_eq!(
        (matrix(15.6).as_deref(), matrix(0.859).as_deref()),
        (Some("hepatopancreas"), Some("muscle tissue")),
        "{}",
        show(&records)
    );
    for (printed, specimen) in [
        ("thoracic duct lymph", "lymph"),
        ("excised heart valve tissue", "valve tissue"),
        ("vegetations", "vegetation"),
        ("nucleus pulposus", "nucleus pulposus"),
        ("mesenteric lymph nodes", "lymph node"),
        ("tracheal aspirate", "tracheal aspirate"),
    ] {
        assert_eq!(matrices_in(&format!("X in {printed}")), [specimen], "{printed}");
    }
}

#[test]
fn sample_codes_the_notes_define_as_times() {
    // `PK1 | PK2 | PK3` over each subject's concentrations, "Sampling times: PK1, pre-dose;
    // PK2, 1 h; ...": the times; the drug the caption names after its quantity and "of".
    let mut t = table(
        "Table 14. Study X-201: individual plasma concentrations of velotrabine by sampling time",
        &[&["Subject ID", "PK1", "PK2", "PK3", "PK4"]],
        &[&["103-108", "BLQ", "393", "512", "282"], &["103-115", "BLQ", "280", "335", "175"]],
    );
    t.footnote = Some(
        "Concentrations in ng/mL. Sampling times: PK1, pre-dose; PK2, 1 h; PK3, 3 h; PK4, 8 h after the dose.".into(),
    );
    t.title = Some("Clinical Pharmacology Review: velotrabine oral suspension".into());
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(335.0)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(
        (r.context.subject.as_deref(), r.context.time.as_deref(), r.context.analyte.as_deref()),
        (Some("103-115"), Some("3 h"), Some("velotrabine"))
    );
    // (Not a concentration's symbol the notes define, `C0, pre-dose trough; C2, 2 h after`.)
    assert!(!super::sample_code("c2") && !super::sample_code("c0") && super::sample_code("pk2"));
}

#[test]
fn sections_naming_an_animal_with_its_sex_and_weight() {
    // `Kiri (F, 4.1 kg)` spanning the table over her sampling times: her values.
    let t = table(
        "Table 2. X in plasma and whole blood of river otters after a single oral dose",
        &[&["Time after dosing (h)", "Plasma (ng/mL)", "Whole blood (ng/mL)"]],
        &[
            &["Kiri (F, 4.1 kg)", "Kiri (F, 4.1 kg)", "Kiri (F, 4.1 kg)"],
            &["1", "11.1", "8.23"],
            &["2", "15.3", "11.7"],
            &["Bodhi (M, 5.3 kg)", "Bodhi (M, 5.3 kg)", "Bodhi (M, 5.3 kg)"],
            &["1", "7.98", "5.68"],
            &["2", "13.6", "10.1"],
        ],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(10.1)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(
        (r.statistic, r.context.subject.as_deref(), r.context.time.as_deref(), r.context.matrix.as_deref()),
        (Statistic::Individual, Some("Bodhi"), Some("2 h"), Some("blood"))
    );
    // (A group's age band is no individual's: `Children (6–12 y)`.)
    assert_eq!(labels::subject_id("Children (6–12 y)"), None);
    assert_eq!(labels::subject_id("Kiri (F, 4.1 kg)").as_deref(), Some("Kiri"));
}

#[test]
fn an_estimate_column_the_notes_declare_a_summary() {
    // Post hoc estimates summarised per group under `Estimate`, "Values are median (5th–95th
    // percentile)": medians with their percentiles, not a model's typical values.
    let t = table(
        "Table 4. Individual (post hoc) pharmacokinetic estimates of X at steady state. Values are median (5th–95th percentile).",
        &[&["Parameter", "Estimate"]],
        &[&["CL/F (L/h)", "0.98 (0.61–1.62)"], &["V/F (L)", "12.4 (8.9–17.1)"]],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(12.4)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(r.statistic, Statistic::Median);
    // (A model's estimates beside their precision stay values.)
    let t = table(
        "Table 4. Final model. Values are median (5th–95th percentile).",
        &[&["Parameter", "Estimate", "RSE (%)"]],
        &[&["CL/F (L/h)", "0.98", "12"], &["V/F (L)", "12.4", "9"]],
    );
    let records = table_records(&t);
    assert!(
        records.iter().filter(|r| r.value == Some(12.4)).all(|r| r.statistic == Statistic::Value),
        "{}",
        show(&records)
    );
}

#[test]
fn per_subject_tables_in_fifteen_more_languages() {
    // Latvian: children `B1 | B2` down, `Laiks pēc injekcijas (min)` over the minutes.
    let mut t = table(
        "2. tabula. X individuālās koncentrācijas asins plazmā (ng/ml) bērniem",
        &[
            &["Bērns", "Laiks pēc injekcijas (min)", "Laiks pēc injekcijas (min)", "Laiks pēc injekcijas (min)"],
            &["Bērns", "5", "10", "20"],
        ],
        &[&["B1", "413", "576", "596"], &["B2", "433", "562", "597"]],
    );
    t.title = Some("Pharmacokinetics of X in children".into());
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(562.0)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(
        (r.statistic, r.context.subject.as_deref(), r.context.time.as_deref(), r.context.matrix.as_deref()),
        (Statistic::Individual, Some("B2"), Some("10 min"), Some("plasma"))
    );
    // (A header ending in a time's unit in any language; not a parameter's, `Tmax (h)`.)
    assert_eq!(labels::bracketed_time_unit("Čas po podaní (h)"), Some("h"));
    assert_eq!(labels::bracketed_time_unit("Tmax (h)"), None);
}

#[test]
fn a_rows_mark_declaring_its_spread_under_a_central_statistics_column() {
    // `tmax (h)ᵃ` under `Test Geometric mean`, "ᵃ Median (min–max)": medians with ranges.
    let mut t = table(
        "Table 3. Pharmacokinetic parameters of X (n = 28)",
        &[&["Parameter", "Test Geometric mean", "Reference Geometric mean"]],
        &[&["Cmax (ng/mL)", "412.6", "398.1"], &["tmax (h) a", "0.75 (0.33–2.00)", "1.25 (0.50–3.00)"]],
    );
    t.footnote = Some("a Median (min–max).".into());
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(1.25)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!((r.parameter.as_deref(), r.statistic), (Some("TMAX"), Statistic::Median));
    let r = records.iter().find(|r| r.value == Some(412.6)).expect("Cmax");
    assert_eq!(r.statistic, Statistic::GeometricMean);
}

#[test]
fn the_drug_the_caption_names_parameters_of_not_the_titles_adjective() {
    // "... in a porcine model of haemorrhagic shock": no drug; "parameters of tranexolin" is.
    let mut t = table(
        "Table 2. Pharmacokinetic parameters of tranexolin given as a 15 mg/kg bolus in a swine model of haemorrhagic shock",
        &[&["Pig", "Cmax (mg/L)", "AUC0–60 (mg·min/L)"]],
        &[&["1", "41.2", "1210"], &["2", "38.7", "1180"]],
    );
    t.title = Some("Intraosseous versus intravenous tranexolin in a porcine model of haemorrhagic shock".into());
    let records = table_records(&t);
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r.context.drug.as_deref() == Some("tranexolin")), "{}", show(&records));
    // (Nor a compound's word: `parameters of compound KX-4471`.)
    let t = table(
        "Table 1. Plasma pharmacokinetic parameters of compound KX-4471 in rats",
        &[&["Dose", "Cmax (ng/mL)"]],
        &[&["10 mg/kg", "412"]],
    );
    assert!(table_records(&t).iter().all(|r| r.context.drug.as_deref() != Some("compound")));
}

#[test]
fn long_tables_sorted_by_time_and_names_with_covariates_down_the_stub() {
    // `Time after dosing (h) | Chameleon | X | M` with the codes again under each time.
    let t = table(
        "Table 2. Plasma itrafungol and hydroxy-itrafungol in six veiled chameleons after a single oral dose",
        &[&["Time after dosing (h)", "Chameleon", "Itrafungol (µg/mL)", "Hydroxy-itrafungol (µg/mL)"]],
        &[
            &["2", "VC-1", "0.816", "0.0732"],
            &["2", "VC-2", "0.721", "0.0859"],
            &["4", "VC-1", "1.21", "0.101"],
            &["4", "VC-2", "1.05", "0.117"],
        ],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(1.05)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(
        (r.statistic, r.context.subject.as_deref(), r.context.time.as_deref()),
        (Statistic::Individual, Some("VC-2"), Some("4 h"))
    );
    // `Kelpie<br/>M, 24.1 kg` down the stub, the times across.
    let t = table(
        "Table 1. Plasma X concentrations (µg/mL) in southern sea otters after one subcutaneous injection",
        &[&["Otter", "6 h", "1 d", "2 d"]],
        &[&["Kelpie M, 24.1 kg", "69.4", "62.3", "49.2"], &["Rosa F, 19.6 kg", "49.3", "41.1", "33.2"]],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(41.1)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(
        (r.statistic, r.context.subject.as_deref(), r.context.time.as_deref()),
        (Statistic::Individual, Some("Rosa"), Some("1 day"))
    );
}

#[test]
fn site_and_subject_numbers_across() {
    // `104-001 | 104-002` across with their mean, "Individual Pharmacokinetic Parameters".
    let t = table(
        "Table 14. Individual Pharmacokinetic Parameters of X Following a Single 50-mg Oral Dose",
        &[&["Parameter", "104-001", "104-002", "104-003", "Mean", "CV%"]],
        &[&["Cmax (ng/mL)", "258", "171", "219", "216", "20.1"]],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(171.0)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!((r.statistic, r.context.subject.as_deref()), (Statistic::Individual, Some("104-002")));
    // (A range of two long numbers is no id: `100-2000`.)
    assert_eq!(labels::subject_id("100-2000"), None);
    assert_eq!(labels::subject_id("101-0012").as_deref(), Some("101-0012"));
}

#[test]
fn a_metabolite_named_before_its_parameter_and_analyte_units_the_notes_give() {
    // `Articainic acid Cmax (ng/mL)`: the acid's Cmax, not a concentration column.
    let t = table(
        "Table 2. Pharmacokinetic parameters after a nerve block with articaine 4%, mean (SD)",
        &[&["Parameter", "Articaine 4% (n = 14)"]],
        &[&["Cmax (ng/mL)", "562 (248)"], &["Articainic acid Cmax (ng/mL)", "1,046 (372)"]],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(1046.0)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!((r.parameter.as_deref(), r.context.analyte.as_deref()), (Some("CMAX"), Some("Articainic acid")));
    // An `Analyte` column's abbreviations, their units in the notes: "ATC, artecaine (ng/mL)".
    let mut t = table(
        "Table 2. Plasma concentrations of artecaine after a nerve block in children",
        &[&["Child", "Analyte", "5 min", "10 min"]],
        &[&["C01", "ATC", "124", "174"], &["C02", "ATC", "353", "290"]],
    );
    t.footnote = Some("ATC, artecaine (ng/mL).".into());
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(290.0)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(r.unit_raw.as_deref(), Some("ng/mL"));
}

#[test]
fn codes_a_note_gives_times_of_something_else_and_a_groups_covariates() {
    // "T1, 1 h infusion; ...": durations of the infusions, no sampling times.
    let mut t = table(
        "Table 2. Individual plasma concentrations of X (ng/mL)",
        &[&["Subject", "T1", "T2", "T3"]],
        &[&["S01", "12.0", "8.4", "3.1"], &["S02", "10.2", "7.7", "2.9"]],
    );
    t.footnote = Some("T1, 1 h infusion; T2, 2 h infusion; T3, 4 h infusion.".into());
    assert!(table_records(&t).iter().all(|r| r.context.time.as_deref() != Some("2 h")));
    // (`Elderly (F, 72 y)` is a group's section, not an individual.)
    assert_eq!(labels::subject_id("Elderly (F, 72 y)"), None);
}

#[test]
fn a_concentrations_unit_before_the_times_it_spans_and_a_sections_dose() {
    // `Plasma X (nM) at time after dose (min)` over the minutes, sections `Intravenous bolus,
    // 1 mg/kg`: nM, the dose no unit.
    let t = table(
        "Table 3. Individual plasma concentrations of CJX-417 in common marmosets",
        &[
            &["Animal", "Plasma CJX-417 (nM) at time after dose (min)", "Plasma CJX-417 (nM) at time after dose (min)"],
            &["Animal", "2", "5"],
        ],
        &[
            &["Intravenous bolus, 1 mg/kg", "Intravenous bolus, 1 mg/kg", "Intravenous bolus, 1 mg/kg"],
            &["CJ-07", "2347", "1890"],
            &["CJ-11", "2917", "2210"],
        ],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(2210.0)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(
        (r.unit_raw.as_deref(), r.context.subject.as_deref(), r.context.time.as_deref()),
        (Some("nM"), Some("CJ-11"), Some("5 min"))
    );
    // (`1/h` stays a unit.)
    assert!(!super::is_quantity("1/h") && super::is_quantity("1 mg/kg"));
}

#[test]
fn sections_naming_a_subject_by_code_before_a_dash() {
    // `LT-01 — MELD 18; blood loss 1.9 L` spanning the table over the patient's sampling
    // times: the code is the subject, what follows the dash what the paper tells of them;
    // the fraction unbound of each sample is the patient's too.
    let t = table(
        "Table 2. Total and unbound plasma cefazolin concentrations during liver transplantation",
        &[&["Surgical phase", "Time after dose (min)", "Total cefazolin (mg/L)", "Unbound cefazolin (mg/L)", "fu (%)"]],
        &[
            &[
                "LT-01 — MELD 18; blood loss 1.9 L",
                "LT-01 — MELD 18; blood loss 1.9 L",
                "LT-01 — MELD 18; blood loss 1.9 L",
                "LT-01 — MELD 18; blood loss 1.9 L",
                "LT-01 — MELD 18; blood loss 1.9 L",
            ],
            &["End of bolus", "5", "215", "48.6", "22.6"],
            &["Skin closure", "374", "20.6", "7.21", "35.0"],
            &["LT-02: MELD 31", "LT-02: MELD 31", "LT-02: MELD 31", "LT-02: MELD 31", "LT-02: MELD 31"],
            &["End of bolus", "5", "224", "38.5", "17.2"],
        ],
    );
    let records = table_records(&t);
    for (value, code, subject, time) in
        [(20.6, "CONC", "LT-01", "374 min"), (35.0, "FU", "LT-01", "374 min"), (17.2, "FU", "LT-02", "5 min")]
    {
        let r = records.iter().find(|r| r.value == Some(value)).unwrap_or_else(|| panic!("{}", show(&records)));
        assert_eq!(
            (r.parameter.as_deref(), r.statistic, r.context.subject.as_deref(), r.context.time.as_deref()),
            (Some(code), Statistic::Individual, Some(subject), Some(time)),
            "{}",
            show(&records)
        );
    }
    // (A period's or group's code before a dash is no subject: `P1 — fed`, `G2: 10 mg/kg`.)
    for (first, second) in [("P1 — fed", "P2 — fasted"), ("G1: 5 mg/kg", "G2: 10 mg/kg")] {
        let mut t = t.clone();
        for row in &mut t.body_rows {
            for cell in row.iter_mut() {
                if cell.starts_with("LT-01") {
                    *cell = first.to_owned();
                } else if cell.starts_with("LT-02") {
                    *cell = second.to_owned();
                }
            }
        }
        let records = table_records(&t);
        assert!(
            !records.is_empty() && records.iter().all(|r| r.context.subject.is_none()),
            "{first}: {}",
            show(&records)
        );
    }
}

#[test]
fn a_drug_for_the_sampling_sedation_is_not_the_study_drug() {
    // "Animals were sampled under ketamine sedation": the analyte is the one the header and
    // caption name, not the known anaesthetic of the notes.
    let mut t = table(
        "Table 3. Individual plasma norvestrel concentrations in female olive baboons after one intramuscular injection",
        &[
            &["Week after injection", "Plasma norvestrel (pg/mL)", "Plasma norvestrel (pg/mL)"],
            &["Week after injection", "Amani", "Nia"],
        ],
        &[&["1", "501", "2522"], &["2", "673", "2652"]],
    );
    t.footnote = Some("Animals were sampled under ketamine sedation.".into());
    let records = table_records(&t);
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r.context.drug.as_deref() == Some("norvestrel")), "{}", show(&records));
    t.footnote = Some("Baboons were sedated with ketamine before each sample.".into());
    assert!(table_records(&t).iter().all(|r| r.context.drug.as_deref() == Some("norvestrel")));
    // (Ketamine given as the study's drug stays the drug.)
    let t = table(
        "Table 1. Plasma ketamine concentrations in individual goats after intravenous ketamine",
        &[&["Goat", "1 h", "2 h"]],
        &[&["G1", "501", "252"]],
    );
    assert!(table_records(&t).iter().all(|r| r.context.drug.as_deref() == Some("ketamine")));
}

#[test]
fn an_analyte_after_the_specimen_the_caption_opens_with() {
    // `Table 1. Plasma X in individual naked mole-rats`: X is the analyte, known or not.
    let mut t = table(
        "Table 1. Plasma everolitin in individual naked mole-rats during continuous subcutaneous delivery",
        &[&["Animal", "Day 1", "Day 3"]],
        &[&["NMR-07", "0.467", "0.975"], &["NMR-11", "0.282", "0.568"]],
    );
    t.footnote = Some("Concentrations are given in µmol/L (µM).".into());
    t.title = Some("Tolerability and exposure of the rapalogue everolitin delivered by osmotic minipump".into());
    let records = table_records(&t);
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r.context.analyte.as_deref() == Some("everolitin")), "{}", show(&records));
}

#[test]
fn sections_naming_a_day_counted_from_an_event() {
    // `Day 3 after immersion` spanning the lobsters killed that day: their values' time.
    let t = table(
        "Table 2. Florazolin concentrations in individual American lobsters after a 1-h immersion bath",
        &[&["Lobster", "Sex", "Haemolymph (µg/mL)", "Hepatopancreas (µg/g)"]],
        &[
            &["Day 1 after immersion", "Day 1 after immersion", "Day 1 after immersion", "Day 1 after immersion"],
            &["HA-01", "M", "4.20", "5.47"],
            &["HA-02", "F", "2.68", "5.29"],
            &["Day 3 after immersion", "Day 3 after immersion", "Day 3 after immersion", "Day 3 after immersion"],
            &["HA-06", "M", "0.916", "4.13"],
            &["HA-07", "F", "2.29", "3.59"],
        ],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(3.59)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!((r.context.subject.as_deref(), r.context.time.as_deref()), (Some("HA-07"), Some("day 3")));
    for (label, time) in [
        ("Week 2 post-treatment", Some("week 2")),
        ("Day 7 following the bath", Some("day 7")),
        // (A lactation's day, a larva's age, a course's day after an operation stay as
        // printed: no time counted from a dose.)
        ("Day 3 postpartum", None),
        ("Day 3 post partum", None),
        ("Day 7 after birth", None),
        ("Day 5 post-hatch", None),
        ("Day 7 post-transplant", None),
    ] {
        assert_eq!(labels::time_of(label, None).as_deref(), time, "{label}");
    }
}

#[test]
fn a_long_table_of_named_animals_with_their_units_in_the_cells() {
    // Each walrus's name and covariates spanning her samples' rows, the clock time of each
    // sample, the concentration with its unit in the cell under `Serum X`.
    let mut t = table(
        "Table 2. Serum itrafosin concentrations in four Pacific walruses after a single oral dose of 5 mg/kg",
        &[&["Walrus", "Sampling time (clock)", "Serum itrafosin"]],
        &[
            &["Uulu (♂, 21 y, 1 120 kg)", "10:00", "0.509 µg/mL"],
            &["Uulu (♂, 21 y, 1 120 kg)", "11:00", "1.07 µg/mL"],
            &["Siku (♀, 14 y, 780 kg)", "10:00", "0.406 µg/mL"],
            &["Siku (♀, 14 y, 780 kg)", "13:00", "1.41 µg/mL"],
        ],
    );
    t.footnote = Some("All animals were dosed at 09:00 on day 1.".into());
    let records = table_records(&t);
    assert_eq!(records.len(), 4, "{}", show(&records));
    let r = records.iter().find(|r| r.value == Some(1.41)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(
        (r.parameter.as_deref(), r.statistic, r.context.subject.as_deref(), r.context.time.as_deref()),
        (Some("CONC"), Statistic::Individual, Some("Siku"), Some("4 h"))
    );
    assert_eq!(r.unit_raw.as_deref(), Some("µg/mL"));
    assert!(labels::is_covariate_value("♀, 14 y, 1 120 kg") && !labels::is_covariate_value("1 120 mg"));
    // (A bracket's unit with a multi-byte character after three bytes is read, not split
    // inside the character: `Target AUC (25 mg·h/L)`.)
    assert!(!labels::is_covariate_value("25 mg·h/L") && labels::subject_id("Target AUC (25 mg·h/L)").is_none());
}

#[test]
fn coded_animals_summarised_beside_them_are_individuals() {
    // `V1 | ... | V4 | Mean | SD` under `Plasma X (µg/mL)`, times down the stub: the codes
    // are the monitors (a mean across visits is no column of such a table), not volumes.
    let header = "Plasma ketolixam (µg/mL)";
    let t = table(
        "Table 2. Plasma ketolixam concentrations in six savannah monitors after a single intramuscular injection",
        &[
            &["Time (h)", header, header, header, header, header, header],
            &["Time (h)", "V1", "V2", "V3", "V4", "Mean", "SD"],
        ],
        &[
            &["0.25", "3.00", "1.78", "2.87", "2.36", "2.50", "0.53"],
            &["1", "3.47", "3.35", "4.29", "3.89", "3.75", "0.41"],
        ],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(4.29)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(
        (r.parameter.as_deref(), r.statistic, r.context.subject.as_deref(), r.context.time.as_deref()),
        (Some("CONC"), Statistic::Individual, Some("V3"), Some("1 h"))
    );
    assert!(records.iter().all(|r| r.parameter.as_deref() == Some("CONC")), "{}", show(&records));
}

#[test]
fn a_cassettes_compounds_each_spanning_the_dogs_rows() {
    // `Compound | Dog | T1 | T2`: the dogs are the subjects, each block's compound its
    // analyte; the times the notes define.
    let mut t = table(
        "Table 3. Individual plasma concentrations of three compounds after intravenous cassette administration to beagle dogs",
        &[&["Compound", "Dog", "T1", "T2", "T3"]],
        &[
            &["CPD-1132", "101", "289", "199", "149"],
            &["CPD-1132", "102", "267", "162", "112"],
            &["CPD-1132", "103", "359", "250", "164"],
            &["CPD-1187", "101", "277", "220", "159"],
            &["CPD-1187", "102", "325", "293", "220"],
            &["CPD-1187", "103", "239", "195", "163"],
        ],
    );
    t.spanned = vec![[1, 0], [2, 0], [4, 0], [5, 0]];
    t.footnote =
        Some("All concentrations in ng/mL. Sampling times: T1, 5 min; T2, 15 min; T3, 30 min after the bolus.".into());
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(293.0)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(
        (r.statistic, r.context.subject.as_deref(), r.context.analyte.as_deref(), r.context.time.as_deref()),
        (Statistic::Individual, Some("102"), Some("CPD-1187"), Some("15 min")),
        "{}",
        show(&records)
    );
}

#[test]
fn sections_naming_an_analyte_in_its_specimen_and_censored_samples_of_a_subject() {
    // `Atrovine in plasma (ng/mL)` spanning the subjects' rows: its analyte and specimen.
    let t = table(
        "Table 2. Individual concentrations of oxidrazine and atrovine after one intramuscular injection",
        &[&["Subject", "Time after injection (min)", "Time after injection (min)"], &["Subject", "5", "10"]],
        &[
            &["Oxidrazine in serum (µg/mL)", "Oxidrazine in serum (µg/mL)", "Oxidrazine in serum (µg/mL)"],
            &["MV-01", "2.41", "4.47"],
            &["MV-02", "2.28", "4.21"],
            &["Atrovine in plasma (ng/mL)", "Atrovine in plasma (ng/mL)", "Atrovine in plasma (ng/mL)"],
            &["MV-01", "6.56", "9.84"],
            &["MV-02", "5.12", "8.04"],
        ],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(8.04)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(
        (
            r.context.subject.as_deref(),
            r.context.analyte.as_deref(),
            r.context.matrix.as_deref(),
            r.unit_raw.as_deref()
        ),
        (Some("MV-02"), Some("Atrovine"), Some("plasma"), Some("ng/mL"))
    );
    // A volunteer's section over the times of two specimens, one a gastrointestinal
    // aspirate; a censored plasma sample is the volunteer's too.
    let t = table(
        "Table 3. Individual lerocitinib concentrations in aspirated duodenal fluid and in plasma after a single 100-mg tablet",
        &[&["Time after intake (min)", "Duodenal fluid, dissolved (µM)", "Plasma (nM)"]],
        &[
            &[
                "Volunteer 1 (male, 27 years, 74 kg)",
                "Volunteer 1 (male, 27 years, 74 kg)",
                "Volunteer 1 (male, 27 years, 74 kg)",
            ],
            &["10", "31.4", "<LOQ"],
            &["20", "38.0", "202"],
        ],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(38.0)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(
        (r.context.subject.as_deref(), r.context.matrix.as_deref(), r.context.time.as_deref()),
        (Some("Volunteer 1"), Some("duodenal fluid"), Some("20 min"))
    );
    let censored = records.iter().find(|r| r.value_raw == "<LOQ").unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(censored.context.subject.as_deref(), Some("Volunteer 1"));
}

#[test]
fn a_drug_only_the_caption_names_between_its_specimen_and_quantity() {
    // `Serum carvelazam concentrations in five brown bears` under a title naming no drug.
    let mut t = table(
        "Table 5. Serum carvelazam concentrations in five free-ranging brown bears given 2 mg/kg orally",
        &[&["Bear ID", "1 h", "2 h"]],
        &[&["W0907", "82,0", "108"], &["W1110", "67,0", "65,7"]],
    );
    t.title = Some("Drug metabolism in hibernation: cytochrome P450 probe pharmacokinetics in brown bears".into());
    t.footnote = Some("Concentrations in ng/ml.".into());
    let records = table_records(&t);
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r.context.drug.as_deref() == Some("carvelazam")), "{}", show(&records));
    // (A marker of the body's own measured beside it is no drug: `Serum cortisol
    // concentrations`, `Plasma insulin levels`.)
    for caption in [
        "Table 5. Serum cortisol concentrations in five free-ranging brown bears given 2 mg/kg orally",
        "Table 5. Plasma insulin levels in five free-ranging brown bears given 2 mg/kg orally",
    ] {
        t.caption = Some(caption.into());
        let records = table_records(&t);
        assert!(!records.is_empty(), "{caption}");
        assert!(records.iter().all(|r| r.context.drug.is_none()), "{caption}: {}", show(&records));
    }
}

#[test]
fn parameters_of_an_analyte_the_caption_abbreviates_before_them() {
    // `MFA Cmax, mg/L` under "mycoferolic acid (MFA)": the acid's Cmax; `Unbound MFA AUC0–12`
    // the unbound acid's AUC.
    let t = table(
        "Table 2. Pharmacokinetics of mycoferolic acid (MFA) by serum albumin stratum. Values are median (IQR).",
        &[&["Parameter", "Albumin ≥35 g/L (n = 17)", "Albumin <35 g/L (n = 15)"]],
        &[
            &["MFA Cmax, mg/L", "12.4 (8.9–17.1)", "10.2 (7.1–14.6)"],
            &["MFA AUC0–12, mg·h/L", "31.6 (24.8–39.5)", "22.8 (17.5–29.4)"],
            &["Unbound MFA AUC0–12, mg·h/L", "0.46 (0.35–0.61)", "0.71 (0.52–0.98)"],
        ],
    );
    let records = table_records(&t);
    assert_eq!(records.len(), 6, "{}", show(&records));
    let r = records.iter().find(|r| r.value == Some(10.2)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(
        (r.parameter.as_deref(), r.statistic, r.context.analyte.as_deref(), r.unit_raw.as_deref()),
        (Some("CMAX"), Statistic::Median, Some("mycoferolic acid"), Some("mg/L"))
    );
    assert_eq!(r.interval.as_ref().map(|i| (i.kind.as_str(), i.low, i.high)), Some(("IQR", 7.1, 14.6)));
    let unbound = records.iter().find(|r| r.value == Some(0.46)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(unbound.context.analyte.as_deref(), Some("mycoferolic acid (unbound)"));
}

#[test]
fn a_molluscs_tissues_each_in_its_own_unit() {
    // An abalone's haemolymph, foot muscle, digestive gland and gill down the stub: each a
    // specimen. (The unit printed for fluids and tissues at once is not yet chosen per row's
    // specimen: a leftover, CHANGELOG.)
    let t = table(
        "Table 3. Pharmacokinetic parameters of oxolincycline in haemolymph and tissues of abalone after a single medicated feeding",
        &[&["Tissue", "Cmax (µg/mL; µg/g)", "tmax (h)"]],
        &[
            &["Haemolymph", "1.84", "6"],
            &["Foot muscle", "0.96", "12"],
            &["Digestive gland", "12.6", "6"],
            &["Gill", "2.35", "6"],
        ],
    );
    let records = table_records(&t);
    for (value, matrix) in [(1.84, "haemolymph"), (0.96, "muscle tissue"), (12.6, "digestive gland"), (2.35, "gill")] {
        let r = records.iter().find(|r| r.value == Some(value)).unwrap_or_else(|| panic!("{}", show(&records)));
        assert_eq!(r.context.matrix.as_deref(), Some(matrix), "{}", show(&records));
    }
}

#[test]
fn a_specimens_abbreviation_before_a_parameter_names_no_analyte() {
    // `CSF Cmax` under "CSF, cerebrospinal fluid": the Cmax in CSF, of the caption's drug.
    let mut t = table(
        "Table 2. Pharmacokinetic parameters of meropenem in plasma and CSF of children with meningitis",
        &[&["Parameter", "Value"]],
        &[&["Plasma Cmax (mg/L)", "48.2"], &["CSF Cmax (mg/L)", "3.1"]],
    );
    t.footnote = Some("CSF, cerebrospinal fluid. Values are medians.".into());
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(3.1)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(
        (r.parameter.as_deref(), r.context.analyte.as_deref(), r.context.matrix.as_deref()),
        (Some("CMAX"), Some("meropenem"), Some("cerebrospinal fluid")),
        "{}",
        show(&records)
    );
}

#[test]
fn coded_animals_with_their_sex_symbol_and_weight_across_and_marked_abbreviations() {
    // `M-1<br/>♀ 312 kg` across over parameters down: moose M-1's values.
    let t = table(
        "Table 3. Individual non-compartmental pharmacokinetic parameters of carfenil in free-ranging moose",
        &[&["Parameter", "M-1 ♀ 312 kg", "M-2 ♀ 368 kg", "M-3 ♂ 421 kg"]],
        &[&["Cmax (ng/mL)", "9.55", "6.11", "7.78"], &["t½ (h)", "4.08", "2.19", "3.14"]],
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(7.78)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!((r.statistic, r.context.subject.as_deref()), (Statistic::Individual, Some("M-3")), "{}", show(&records));
    // A specimen's abbreviation after the note's mark (`ᵃVAMS, ... capillary whole blood`)
    // and one for a mare's uterine fluid (`UF, uterine fluid`) name the columns' specimens;
    // a missing sample with a mark (`NA b`) gives no record.
    let mut t = table(
        "Table 3. Gentazolin concentrations in plasma and uterine fluid of four mares after intrauterine infusion",
        &[
            &["Time after infusion (h)", "Bella", "Bella", "Tamsin", "Tamsin", "Odette", "Odette"],
            &[
                "Time after infusion (h)",
                "Plasma (ng/mL)",
                "UF (µg/mL)",
                "Plasma (ng/mL)",
                "UF (µg/mL)",
                "Plasma (ng/mL)",
                "UF (µg/mL)",
            ],
        ],
        &[&["0.5", "363", "4131", "223", "3673", "165", "5260"], &["1", "390", "3518", "NA b", "2917", "205", "4276"]],
    );
    t.footnote = Some("UF, uterine fluid collected with an intrauterine tampon. b NA, not available.".into());
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(2917.0)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!((r.context.matrix.as_deref(), r.context.time.as_deref()), (Some("uterine fluid"), Some("1 h")));
    assert!(records.iter().all(|r| r.value_raw != "NA b"), "{}", show(&records));
    let mut t = table(
        "Table 3. Paired trough X concentrations (ng/mL) from home microsampling and clinic venous plasma",
        &[&["Participant", "Week 2", "Week 2"], &["Participant", "VAMS a", "Plasma b"]],
        &[&["TS-01", "83.8", "138"], &["TS-02", "59.6", "89.7"]],
    );
    t.footnote = Some(
        "a VAMS, volumetric absorptive microsample of capillary whole blood from a fingerprick. b Venous plasma drawn at the clinic."
            .into(),
    );
    let records = table_records(&t);
    let r = records.iter().find(|r| r.value == Some(83.8)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(r.context.matrix.as_deref(), Some("blood"), "{}", show(&records));
}

#[test]
fn a_drug_after_its_class_and_its_partner_by_role_in_sections() {
    // "parameters of the opioid carfenil and its antagonist naltrexime" over a section of
    // each; the title's "automated blood sampling" under a note that says plasma was sampled.
    let mut t = table(
        "Table 3. Individual non-compartmental pharmacokinetic parameters of the opioid carfenil and its antagonist naltrexime in free-ranging moose",
        &[&["Parameter", "M-1", "M-2", "M-3"]],
        &[
            &[
                "Carfenil (10 µg/kg by dart, IM)",
                "Carfenil (10 µg/kg by dart, IM)",
                "Carfenil (10 µg/kg by dart, IM)",
                "Carfenil (10 µg/kg by dart, IM)",
            ],
            &["Cmax (ng/mL)", "9.55", "6.11", "7.78"],
            &["Naltrexime (1 mg/kg)", "Naltrexime (1 mg/kg)", "Naltrexime (1 mg/kg)", "Naltrexime (1 mg/kg)"],
            &["Cmax (ng/mL)", "311", "334", "276"],
        ],
    );
    t.title = Some("Pharmacokinetics of carfenil and naltrexime in free-ranging moose: a field study with automated blood sampling".into());
    t.footnote = Some("Animals were darted from a helicopter; plasma was sampled from the jugular vein.".into());
    let records = table_records(&t);
    for (value, analyte) in [(6.11, "carfenil"), (334.0, "naltrexime")] {
        let r = records.iter().find(|r| r.value == Some(value)).unwrap_or_else(|| panic!("{}", show(&records)));
        assert_eq!(
            (r.context.analyte.as_deref().map(crate::fold::lower).as_deref(), r.context.matrix.as_deref()),
            (Some(analyte), Some("plasma")),
            "{}",
            show(&records)
        );
    }
    // (Not a formulation's word after an article: `of the 3D-printed orodispersible tablet`.)
    let mut t = table(
        "Table 3. Pharmacokinetic parameters of the 3D-printed orodispersible tablet (test) and the film-coated tablet (reference) of pravomelin 50 mg",
        &[&["Parameter", "Test", "Reference"]],
        &[&["Cmax (ng/mL)", "412.6", "398.1"]],
    );
    t.title = Some("Bioequivalence of a semi-solid extrusion 3D-printed orodispersible tablet of pravomelin".into());
    let records = table_records(&t);
    assert!(records.iter().all(|r| r.context.drug.as_deref() != Some("orodispersible")), "{}", show(&records));
}

#[test]
fn urine_the_abstract_names_only_as_what_is_recovered_is_no_specimen_of_concentrations() {
    // "... increased urinary recovery of the metabolite" over Cmax and AUC rows: not urine's.
    let mut t = table(
        "Table 3. Pharmacokinetics of teofyllidine (250 mg orally) after 14 days on each diet (n = 16)",
        &[&["Parameter", "Lacto-vegetarian diet", "High-protein diet"]],
        &[
            &["Cmax (mg/L)", "6.42 ± 1.18", "6.15 ± 1.24"],
            &["Unchanged teofyllidine in urine (% of dose)", "11.2 ± 3.4", "10.4 ± 3.1"],
        ],
    );
    t.abstract_text =
        Some("The high-protein diet shortened the half-life and increased urinary recovery of the metabolite.".into());
    let records = table_records(&t);
    let cmax = records.iter().find(|r| r.value == Some(6.42)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_ne!(cmax.context.matrix.as_deref(), Some("urine"), "{}", show(&records));
    // (Urine the abstract says was sampled for concentrations stays the specimen.)
    t.abstract_text = Some("Urine samples were collected for 24 h and concentrations measured.".into());
    let records = table_records(&t);
    let cmax = records.iter().find(|r| r.value == Some(6.42)).unwrap_or_else(|| panic!("{}", show(&records)));
    assert_eq!(cmax.context.matrix.as_deref(), Some("urine"), "{}", show(&records));
}

#[test]
fn route_qualified_symbols_give_their_records_the_route() {
    // `AUC0–∞,iv` beside `AUC0–∞,po` and `Cmax,po` under a compound: each record its route.
    let t = table(
        "Table 4. Rat pharmacokinetic parameters of selected analogues",
        &[&["Compd", "CLp (mL/min/kg)", "AUC0–∞,iv (ng·h/mL)", "AUC0–∞,po (ng·h/mL)", "Cmax,po (ng/mL)"]],
        &[&["12", "48.2", "173", "138", "21.4"], &["17b", "12.6", "661", "610", "402"]],
    );
    let records = table_records(&t);
    for (value, code, route) in [(173.0, "AUCIFO", "IV"), (138.0, "AUCIFO", "PO"), (402.0, "CMAX", "PO")] {
        let r = records.iter().find(|r| r.value == Some(value)).unwrap_or_else(|| panic!("{}", show(&records)));
        assert_eq!(
            (r.parameter.as_deref(), r.context.route.as_deref()),
            (Some(code), Some(route)),
            "{}",
            show(&records)
        );
    }
}
