//! Fuzz target: one cell, one unit and one parameter name from arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = hysim_tables::parse_cell(text);
        let _ = hysim_units::Unit::parse(text);
        let _ = hysim_tables::params::parameter_code(text, None);
    }
});
