//! Reads the real tables of `../shared/data/tabular-data-pk` (skipped, saying why, when
//! that folder is absent). Their text is not committed: most articles are not openly licensed.
#![allow(clippy::print_stderr, reason = "a skipped test says why on stderr")]

mod fixtures;

use std::path::Path;

#[test]
fn every_shared_table_parses_into_a_rectangular_grid() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/tabular-data-pk/tables.jsonl");
    if !path.is_file() {
        eprintln!("skipped: {} is absent (a clone without ../shared)", path.display());
        return;
    }
    let tables = hysim_tables::read_tables_jsonl(&path).unwrap();
    assert_eq!(tables.len(), 30);
    for (line, table) in &tables {
        let width = table.n_cols();
        assert!(width >= 2, "{}: {width} columns", table.id);
        assert!(!table.body_rows.is_empty(), "{}: no body rows", table.id);
        assert!(table.header_rows.iter().chain(&table.body_rows).all(|r| r.len() == width), "{}: ragged", table.id);
        assert!(
            !table.body_rows.iter().flatten().any(|c| c.contains('<') && c.contains('>')),
            "{}: tags left",
            table.id
        );
        assert!(!table.body_rows.iter().flatten().any(|c| c.contains("Empty Cell")), "{}: hidden text", table.id);
        assert_eq!(table.id, format!("{}:{}", line.pmid.as_deref().unwrap(), line.table_index.as_deref().unwrap()));
    }
    // A PMC table with two header rows and spanning drug groups.
    let (_, first) = &tables[0];
    assert_eq!(first.id, "10971311:1");
    assert_eq!(first.header_rows.len(), 2);
    assert!(first.header_path(2).first().is_some_and(|h| h == "Citalopram"), "{:?}", first.header_path(2));
}

#[test]
fn a_bad_line_names_file_and_line() {
    let dir = std::env::temp_dir().join(format!("hysim-tables-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("tables.jsonl");
    std::fs::write(&path, "{\"pmid\": 1, \"table_index\": 1, \"table_html\": \"<table><tr><td>a</td></tr></table>\"}\n{\"pmid\": 2, \"table_index\": 1, \"table_html\": \"<p>none</p>\"}\n").unwrap();
    let err = hysim_tables::read_tables_jsonl(&path).unwrap_err();
    assert_eq!(err.to_string(), format!("{}:2: table 2:1: no <table> or <tr> element found", path.display()));
    std::fs::remove_dir_all(&dir).ok();
}

mod robustness {
    //! Arbitrary input never panics: the readers return a table, an error or nothing.

    use hysim_core::Table;
    use proptest::prelude::*;

    /// Strings built from the pieces table markup and PK cells are made of.
    fn markupish() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "<table>",
            "</table>",
            "<tr>",
            "</tr>",
            "<td>",
            "</td>",
            "<th colspan=\"3\">",
            "<td rowspan='2'>",
            "<thead>",
            "</thead>",
            "<sup>a</sup>",
            "<br/>",
            "&plusmn;",
            "&#x3bc;",
            "&amp",
            "<!--",
            "-->",
            "<span class=\"sr-only\">",
            "</span>",
            "±",
            "(",
            ")",
            "[",
            "]",
            "–",
            "-",
            "1.5",
            "0,25",
            "1,234",
            "n = 8",
            "NA",
            "<0.5",
            "×10³",
            "a",
            "*",
            " ",
            "\n",
            "|",
            "^",
            ",",
            "Cmax (ng/mL)",
            "t½ (h)",
            "AUC0–∞",
            "µg·h/mL",
            "mean ± SD",
            "median (range)",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|p| p.concat())
    }

    /// PK words mixed with characters whose lowercase has another length in bytes (`İ` 2→3,
    /// the Kelvin sign `K` 3→1, `Ⱥ` 2→3), so that an offset found in lowercased text and
    /// used on the original would cut a character.
    fn casefold_pk() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "İ",
            "K",
            "Ⱥ",
            "ẞ",
            "Σ",
            " ",
            "(",
            ")",
            "Concentrations",
            "levels",
            "LEVEL",
            "(ng/mL)",
            "5 mg/kg",
            "2 MG",
            "mg",
            "/",
            "Mean ± SD",
            "median (range)",
            "gm",
            "a",
            "b ",
            "*",
            "Cmax",
            "t1/2",
            "AUC",
            "Plasma",
            "Milk",
            "Day",
            "1",
            "12.5",
            "±",
            "3.0",
            "Subject",
            "oral",
            "i.v.",
            "rats",
            "n = 6",
            "except",
            "CV%",
            "(23%)",
            "–",
        ]);
        prop::collection::vec(pieces, 0..24).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn html_and_cells(text in markupish()) {
            if let Ok(table) = hysim_tables::html::parse_table(&text) {
                let width = table.n_cols();
                prop_assert!(table.header_rows.iter().chain(&table.body_rows).all(|r| r.len() == width));
                let _ = hysim_tables::table_records(&table);
            }
            let _ = hysim_tables::parse_cell(&text);
            let _ = hysim_tables::params::parameter_code(&text, None);
        }

        #[test]
        fn markdown_csv_and_jats(text in markupish()) {
            for table in hysim_tables::read_markdown(&text, "fuzz") {
                let _ = hysim_tables::table_records(&table);
            }
            let _ = hysim_tables::read_delimited(&text, b',', "fuzz").map(|t| hysim_tables::table_records(&t));
            let _ = hysim_tables::read_jats(&format!("<table-wrap>{text}</table-wrap>"), "fuzz");
        }

        #[test]
        fn any_unicode_cell(text in "\\PC{0,40}") {
            let _ = hysim_tables::parse_cell(&text);
            let table = Table {
                id: "t".into(),
                caption: Some(text.clone()),
                footnote: Some(text.clone()),
                title: Some(text.clone()),
                abstract_text: Some(text.clone()),
                header_rows: vec![vec!["Parameter".into(), text.clone()]],
                spanned: Vec::new(),
                body_rows: vec![vec!["Cmax (ng/mL)".into(), text.clone()], vec![text.clone(), "1.0".into()]],
            };
            let _ = hysim_tables::table_records(&table);
        }

        #[test]
        fn casefolding_text_and_ragged_rows(
            caption in casefold_pk(),
            footnote in casefold_pk(),
            header in prop::collection::vec(casefold_pk(), 1..4),
            body in prop::collection::vec(prop::collection::vec(casefold_pk(), 0..4), 0..5),
        ) {
            let table = Table {
                id: "t".into(),
                caption: Some(caption),
                footnote: Some(footnote),
                title: None,
                abstract_text: None,
                header_rows: vec![header],
                spanned: Vec::new(),
                body_rows: body,
            };
            let _ = hysim_tables::table_records(&table);
        }
    }
}
