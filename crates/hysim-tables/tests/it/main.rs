//! Reads the real tables of `../shared/data/tabular-data-pk` (skipped, saying why, when
//! that folder is absent). Their text is not committed: most articles are not openly licensed.
#![allow(clippy::print_stderr, reason = "a skipped test says why on stderr")]

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
