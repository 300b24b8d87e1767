//! Fuzz target: an HTML table (then its records), and the same bytes as Markdown, CSV and JATS.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(table) = hysim_tables::html::parse_table(text) {
            let _ = hysim_tables::table_records(&table);
        }
        for table in hysim_tables::read_markdown(text, "fuzz") {
            let _ = hysim_tables::table_records(&table);
        }
        let _ = hysim_tables::read_delimited(text, b',', "fuzz");
        let _ = hysim_tables::read_jats(text, "fuzz");
    }
});
