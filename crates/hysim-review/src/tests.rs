//! Unit tests of the review page: spans, placement, gold verdicts, escaping, the policy.

use hysim_core::{Record, Table};

use super::*;

fn table(id: &str) -> Table {
    Table {
        id: id.into(),
        caption: Some("Table 2. Pharmacokinetics of midazolam (mean ± SD)".into()),
        footnote: Some("Cmax, peak concentration.".into()),
        header_rows: vec![
            vec!["Parameter".into(), "Dose 10 mg".into(), "Dose 10 mg".into()],
            vec!["Parameter".into(), "IV".into(), "Oral".into()],
        ],
        body_rows: vec![
            vec!["Cmax (ng/mL)".into(), "62.1 ± 10.2".into(), "30.5 ± 8.1".into()],
            vec!["Vz (L/kg)".into(), "1.1 ± 0.2".into(), "2.3 ± 0.5".into()],
            vec!["Comment".into(), "none".into(), "12 subjects".into()],
        ],
        ..Table::default()
    }
}

fn data(page: &Page) -> serde_json::Value {
    let html = page.html();
    let start = html.find("id=\"hysim-data\">").unwrap() + "id=\"hysim-data\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[test]
fn header_spans_come_back_from_the_expanded_grid() {
    let t = table("p:1");
    let cells = header_cells(&t.header_rows, t.n_cols());
    let texts: Vec<Vec<(&str, usize, usize, usize)>> =
        cells.iter().map(|row| row.iter().map(|c| (c.text.as_str(), c.col, c.colspan, c.rowspan)).collect()).collect();
    // "Parameter" spans both rows, "Dose 10 mg" both dose columns.
    assert_eq!(
        texts,
        vec![vec![("Parameter", 0, 1, 2), ("Dose 10 mg", 1, 2, 1)], vec![("IV", 1, 1, 1), ("Oral", 2, 1, 1)]]
    );
    // A run never crosses the edge of the cell above it.
    let grouped = header_cells(
        &[
            vec!["".into(), "Group A".into(), "Group B".into()],
            vec!["Parameter".into(), "Mean (SD)".into(), "Mean (SD)".into()],
        ],
        3,
    );
    assert_eq!(grouped[1].iter().map(|c| (c.col, c.colspan)).collect::<Vec<_>>(), [(0, 1), (1, 1), (2, 1)]);
    // Blank cells never merge.
    let blank = header_cells(&[vec!["".into(), "".into(), "AUC".into()]], 3);
    assert_eq!(blank[0].len(), 3);
}

#[test]
fn records_are_placed_on_their_cells_and_value_cells_without_one_are_counted() {
    let tables = [table("p:1"), table("p:2")];
    let mut records = hysim_tables::table_records(&tables[0]);
    assert_eq!(records.len(), 4, "{records:#?}");
    // One record without provenance, one of a table not given.
    let mut loose = records[0].clone();
    loose.provenance.row = None;
    let mut orphan = records[1].clone();
    orphan.table_id = "q:1".into();
    records.push(loose);
    records.push(orphan);
    let page = Page::new(&tables, &records, None, &Options::default());
    let s = page.summary();
    assert_eq!((s.papers, s.tables, s.records), (2, 2, 6));
    assert_eq!((s.placed, s.unplaced, s.orphaned), (4, 1, 1));
    // p:2 has no records: its 5 value cells are possible misses, and "12 subjects" of p:1
    // ("none" holds no value).
    assert_eq!(s.unmarked_cells, 5 + 1);
    let data = data(&page);
    assert_eq!(data["tables"][0]["values"].as_array().unwrap().len(), 5);
    assert_eq!(data["papers"][1]["id"], "q");
    assert_eq!(data["papers"][1]["orphans"], serde_json::json!([5]));
    assert_eq!(data["placed"], serde_json::json!([true, true, true, true, false, false]));
    assert_eq!(data["verdicts"], serde_json::json!([null, null, null, null, null, null]));
}

#[test]
fn gold_marks_records_right_or_wrong_and_lists_missed_values() {
    let tables = [table("p:1")];
    let records = hysim_tables::table_records(&tables[0]);
    // Gold: the first record as read, the second with another value, and one more value.
    let mut gold_records = vec![records[0].clone(), records[1].clone(), records[2].clone()];
    gold_records[1].value = Some(99.0);
    gold_records[1].value_raw = "99 ± 1".into();
    gold_records[1].value_canonical = Some(99.0);
    // Gold of a paper not on the page is not listed as missed.
    let mut elsewhere = records[0].clone();
    elsewhere.table_id = "other:1".into();
    gold_records.push(elsewhere);
    let gold = Gold::from_records(&gold_records);
    let page = Page::new(&tables, &records, Some(&gold), &Options::default());
    let s = page.summary();
    assert_eq!((s.right, s.wrong, s.missed), (2, 2, 1));
    let data = data(&page);
    assert_eq!(data["has_gold"], true);
    assert_eq!(data["papers"][0]["missed"][0]["value"], 99.0);
    assert_eq!(data["papers"].as_array().unwrap().len(), 1);
    // The reader's record of each value cell without one, for a curator's added record.
    let templates = data["tables"][0]["templates"].as_array().unwrap();
    assert_eq!(templates.len(), 1, "{templates:?}");
    assert_eq!(templates[0][0], serde_json::json!([2, 2]));
    assert_eq!(templates[0][1]["value"], 12.0);
}

#[test]
fn hostile_text_stays_data_and_the_policy_admits_only_the_pages_own_script() {
    let mut t = table("p:1");
    t.caption = Some("</script><script>window.pwned = 1</script><!--".into());
    t.body_rows[0][0] = "<img src=x onerror=\"window.pwned=2\"> & <a href=\"javascript:alert(1)\">x</a>".into();
    let records = hysim_tables::table_records(&t);
    let page = Page::new(&[t.clone()], &records, None, &Options { title: "<b>title</b>".into(), ..Options::default() });
    let html = page.html();
    // Two script elements (the data and the page's script), none from the input.
    assert_eq!(html.matches("<script").count(), 2);
    assert_eq!(html.matches("</script>").count(), 2);
    assert!(!html.contains("<img"), "no input markup reaches the page");
    assert!(!html.contains("<!--"));
    assert!(html.contains("<title>&lt;b&gt;title&lt;/b&gt;</title>"));
    // The texts come back intact from the data.
    let data = data(&page);
    assert_eq!(data["tables"][0]["caption"], t.caption.unwrap());
    assert_eq!(data["tables"][0]["body"][0][0], t.body_rows[0][0]);
    // The policy: nothing from the network, the script and style by their hashes only.
    let policy = html.lines().find(|l| l.contains("Content-Security-Policy")).unwrap();
    assert!(policy.contains("default-src 'none'"));
    assert!(policy.contains(&format!("script-src 'sha256-{}'", base64_sha256(SCRIPT))));
    assert!(!policy.contains("unsafe"));
}

#[test]
fn csp_hashes_are_base64_of_sha256() {
    // Known answers: SHA-256 of "" and of "abc".
    assert_eq!(base64_sha256(""), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    assert_eq!(base64_sha256("abc"), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
}

#[test]
fn the_page_id_follows_the_data() {
    let tables = [table("p:1")];
    let records = hysim_tables::table_records(&tables[0]);
    let a = Page::new(&tables, &records, None, &Options::default());
    let b = Page::new(&tables, &records[1..], None, &Options::default());
    assert_ne!(data(&a)["id"], data(&b)["id"]);
    // Not the title or the gold: progress saved under one page applies to its rebuilds.
    let gold = Gold::from_records(&records);
    let retitled = Page::new(&tables, &records, Some(&gold), &Options { title: "other".into(), ..Options::default() });
    assert_eq!(data(&a)["id"], data(&retitled)["id"]);
    assert_eq!(data(&a)["id"], data(&Page::new(&tables, &records, None, &Options::default()))["id"]);
}

#[test]
fn the_page_is_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.html");
    let tables = [table("p:1")];
    let records: Vec<Record> = hysim_tables::table_records(&tables[0]);
    Page::new(&tables, &records, None, &Options::default()).write(&path).unwrap();
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
}
