//! Analysis data sets printed as tables: a NONMEM data file's columns (`ID | TIME | AMT |
//! RATE | DV | MDV | EVID | CMT | WT ...`), as supplements list them. Each observation row
//! (`EVID` 0, `MDV` 0, no dose in `AMT`) holds the subject's concentration `DV` at `TIME`;
//! dosing rows and missing observations (`DV` printed `.`) hold none. What `DV` is (its
//! specimen, analyte and unit) and what `TIME` counts come from the notes' definitions
//! (`DV, plasma X concentration (mg/L)`; `TIME, hours since the first dose`).

use hysim_core::{Provenance, Record, Statistic, Table};
use hysim_units::Unit;

use super::labels;
use crate::context::{drug_name_in, matrix_of, table_context};

/// The records of a table printed as a NONMEM data set, or `None` for any other table.
pub(super) fn nonmem_records(table: &Table) -> Option<Vec<Record>> {
    let header = table.header_rows.last()?;
    let column = |name: &str| header.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (id, time, dv) = (column("ID")?, column("TIME")?, column("DV")?);
    let (amt, mdv, evid) = (column("AMT"), column("MDV"), column("EVID"));
    if amt.is_none() && mdv.is_none() && evid.is_none() {
        return None;
    }
    let notes =
        format!("{}. {}", table.caption.as_deref().unwrap_or_default(), table.footnote.as_deref().unwrap_or_default());
    let dv_said = definition(&notes, "DV");
    let time_said = definition(&notes, "TIME");
    // The unit of `DV` from its definition (`(mg/L)`), or the header's (`DV (ng/mL)`).
    let unit = dv_said.as_deref().and_then(bracketed_unit).or_else(|| {
        crate::params::split_trailing_group(&header[dv]).1.filter(|u| Unit::parse(u).is_ok()).map(str::to_owned)
    });
    // `TIME` in hours unless its definition or header says otherwise (the data file's
    // convention).
    let time_unit = time_said
        .as_deref()
        .and_then(labels::time_unit_in)
        .or_else(|| labels::time_unit_in(&header[time]))
        .unwrap_or("h");
    let context = table_context(table);
    let number =
        |row: &[String], c: Option<usize>| c.and_then(|c| row.get(c)).and_then(|t| t.trim().parse::<f64>().ok());
    let mut out = Vec::new();
    for (r, row) in table.body_rows.iter().enumerate() {
        let observation = evid.is_none_or(|_| number(row, evid) == Some(0.0))
            && mdv.is_none_or(|_| number(row, mdv) == Some(0.0))
            && number(row, amt).is_none_or(|a| a == 0.0);
        let (Some(value), Some(t)) = (number(row, Some(dv)), row.get(time).map(|t| t.trim())) else { continue };
        if !observation || t.parse::<f64>().is_err() {
            continue;
        }
        let mut record =
            super::model_record(table, &context, "CONC", &row[dv], unit.as_deref(), Statistic::Individual, None);
        record.parameter_raw = header[dv].trim().to_owned();
        record.value = Some(value);
        record.context.subject = Some(row[id].trim().to_owned());
        record.context.time = Some(format!("{t} {time_unit}"));
        if let Some(said) = &dv_said {
            if let Some(m) = matrix_of(said) {
                record.context.matrix = Some(m.to_owned());
            }
            if let Some((drug, _)) = drug_name_in(said) {
                record.context.analyte = Some(drug);
            }
        }
        record.provenance = Provenance {
            row: Some(r as u32),
            col: Some(dv as u32),
            header_path: table.header_path(dv),
            footnotes: Vec::new(),
        };
        out.push(record);
    }
    Some(out)
}

/// What the notes define a column's name as (`DV, plasma X concentration (mg/L) on
/// observation rows`; `TIME: hours since the first dose`), up to the definition's `;`.
fn definition(notes: &str, name: &str) -> Option<String> {
    notes.split([';', '\n']).map(str::trim).find_map(|clause| {
        let rest = clause.strip_prefix(name)?;
        let rest = rest.trim_start().strip_prefix([',', ':', '='])?;
        Some(rest.trim().to_owned())
    })
}

/// The first unit in brackets in a text (`plasma X concentration (mg/L) on ...`).
fn bracketed_unit(text: &str) -> Option<String> {
    text.match_indices('(').find_map(|(open, _)| {
        let close = open + text[open..].find(')')?;
        let inner = text[open + 1..close].trim();
        (inner.contains('/') && Unit::parse(inner).is_ok()).then(|| inner.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(footnote: &str, header: &[&str], body: &[&[&str]]) -> Table {
        Table {
            id: "t:1".into(),
            caption: Some("Supplementary Table S2. Excerpt of the NONMEM analysis data set".into()),
            footnote: Some(footnote.into()),
            header_rows: vec![header.iter().map(|h| (*h).to_owned()).collect()],
            body_rows: body.iter().map(|r| r.iter().map(|c| (*c).to_owned()).collect()).collect(),
            ..Table::default()
        }
    }

    #[test]
    fn observations_of_a_nonmem_data_set() {
        let t = table(
            "ID, individual; TIME, hours since the first dose; AMT, dose (mg); DV, plasma ravoxacin concentration (mg/L) on observation rows (EVID = 0), 0 on dosing rows (EVID = 1); MDV, missing dependent variable.",
            &["ID", "TIME", "AMT", "DV", "MDV", "EVID", "WT"],
            &[
                &["1", "0", "500", "0", "1", "1", "72"],
                &["1", "0.52", ".", "19.35", "0", "0", "72"],
                &["1", "11.9", ".", ".", "1", "0", "72"],
                &["2", "2.2", ".", "16.52", "0", "0", "58"],
            ],
        );
        let records = nonmem_records(&t).unwrap();
        type Seen<'a> = (Option<f64>, Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let seen: Vec<Seen> = records
            .iter()
            .map(|r| {
                (
                    r.value,
                    r.context.subject.as_deref(),
                    r.context.time.as_deref(),
                    r.unit_raw.as_deref(),
                    r.context.matrix.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                (Some(19.35), Some("1"), Some("0.52 h"), Some("mg/L"), Some("plasma")),
                (Some(16.52), Some("2"), Some("2.2 h"), Some("mg/L"), Some("plasma"))
            ]
        );
        assert!(records.iter().all(|r| r.parameter.as_deref() == Some("CONC") && r.unit.as_deref() == Some("ng/mL")));
        // Not a data set: no ID, TIME and DV, or none of AMT, MDV and EVID.
        assert!(nonmem_records(&table("", &["ID", "TIME", "DV"], &[&["1", "0.5", "3.2"]])).is_none());
        assert!(nonmem_records(&table("", &["Patient", "Time (h)", "AMT"], &[&["1", "0.5", "3.2"]])).is_none());
    }
}
