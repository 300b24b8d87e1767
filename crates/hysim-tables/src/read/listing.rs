//! Analysis data sets printed as tables, as supplements list them: a CDISC SDTM PC listing
//! ([`sdtm_pc_records`]), and a NONMEM data file's columns (`ID | TIME | AMT | RATE | DV |
//! MDV | EVID | CMT | WT ...`), whose observation rows (`EVID` 0, `MDV` 0, no dose in `AMT`)
//! hold the subject's concentration `DV` at `TIME`;
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
    // A transformed `DV` (`ln plasma concentration`) is no concentration as printed.
    let transformed = |d: &str| {
        crate::context::has_word(&crate::fold::lower(d), &["ln", "log", "log-transformed", "logarithm", "natural"])
    };
    if dv_said.as_deref().is_some_and(transformed) {
        return Some(Vec::new());
    }
    // The unit of `DV` from its definition (`(mg/L)`), or the header's (`DV (ng/mL)`).
    let unit = dv_said.as_deref().and_then(bracketed_unit).or_else(|| {
        crate::params::split_trailing_group(&header[dv]).1.filter(|u| Unit::parse(u).is_ok()).map(str::to_owned)
    });
    // `TIME` in hours unless its definition or header says otherwise (the data file's
    // convention).
    let time_unit =
        time_said.as_deref().and_then(unit_word).or_else(|| labels::time_unit_in(&header[time])).unwrap_or("h");
    let number =
        |row: &[String], c: Option<usize>| c.and_then(|c| row.get(c)).and_then(|t| t.trim().parse::<f64>().ok());
    let observation = |row: &[String]| {
        evid.is_none_or(|_| number(row, evid) == Some(0.0))
            && mdv.is_none_or(|_| number(row, mdv) == Some(0.0))
            && number(row, amt).is_none_or(|a| a == 0.0)
    };
    // Observations of several kinds in one `DV` (parent and metabolite, or a response, told
    // apart by `DVID` or the compartment `CMT`): which is which, only the data file's
    // definitions say; none is read as the one concentration.
    for kind in [column("DVID"), column("CMT")].into_iter().flatten() {
        let kinds: std::collections::HashSet<&str> =
            table.body_rows.iter().filter(|r| observation(r)).filter_map(|r| r.get(kind).map(|t| t.trim())).collect();
        if kinds.len() > 1 {
            return Some(Vec::new());
        }
    }
    let context = table_context(table);
    let mut out = Vec::new();
    for (r, row) in table.body_rows.iter().enumerate() {
        let (Some(value), Some(t), Some(subject)) =
            (number(row, Some(dv)), row.get(time).map(|t| t.trim()), row.get(id).map(|s| s.trim()))
        else {
            continue;
        };
        if !observation(row) || t.parse::<f64>().is_err() {
            continue;
        }
        let mut record = concentration(table, &context, (r, dv), value, unit.as_deref());
        record.context.subject = Some(subject.to_owned());
        record.context.time = Some(format!("{t} {time_unit}"));
        if let Some(said) = &dv_said {
            if let Some(m) = matrix_of(said) {
                record.context.matrix = Some(m.to_owned());
            }
            if let Some((drug, _)) = drug_name_in(said) {
                record.context.analyte = Some(drug);
            }
        }
        out.push(record);
    }
    Some(out)
}

/// The records of a table printed as a CDISC SDTM PC (pharmacokinetic concentrations)
/// listing: `USUBJID | PCTEST | PCSPEC | PCSTRESN | PCSTRESU | PCELTM ...`, one row per
/// sample, the analyte, specimen, result, unit and planned time since the dose (an ISO 8601
/// duration, `PT30M`, or the time point's name, `2H POST-DOSE`) in columns of their own.
/// Results printed as text (`BLQ`) give no record. `None` for any other table.
pub(super) fn sdtm_pc_records(table: &Table) -> Option<Vec<Record>> {
    let header = table.header_rows.last()?;
    let column =
        |names: &[&str]| names.iter().find_map(|n| header.iter().position(|h| h.trim().eq_ignore_ascii_case(n)));
    let subject = column(&["USUBJID", "SUBJID"])?;
    let result = column(&["PCSTRESN", "PCSTRESC", "PCORRES"])?;
    let test = column(&["PCTEST", "PCTESTCD"])?;
    let (unit, specimen) = (column(&["PCSTRESU", "PCORRESU"]), column(&["PCSPEC"]));
    let (elapsed, point) = (column(&["PCELTM"]), column(&["PCTPT"]));
    let context = table_context(table);
    let cell = |row: &[String], c: Option<usize>| {
        c.and_then(|c| row.get(c)).map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
    };
    let mut out = Vec::new();
    for (r, row) in table.body_rows.iter().enumerate() {
        let Some(value) = cell(row, Some(result)).and_then(|t| t.parse::<f64>().ok()) else { continue };
        let unit = cell(row, unit);
        let mut record = concentration(table, &context, (r, result), value, unit.as_deref());
        record.context.subject = cell(row, Some(subject));
        record.context.analyte = cell(row, Some(test));
        if let Some(m) = cell(row, specimen).and_then(|s| matrix_of(&s)) {
            record.context.matrix = Some(m.to_owned());
        }
        record.context.time = cell(row, elapsed)
            .and_then(|d| iso_duration(&d))
            .or_else(|| cell(row, point).and_then(|p| labels::time_of(&p, None)));
        out.push(record);
    }
    Some(out)
}

/// A subject's concentration in the cell at `(row, col)` of a listing, the value `value` in
/// `unit`, its context the table's (the caller adds the subject, time and analyte).
fn concentration(
    table: &Table,
    context: &crate::context::TableContext,
    (row, col): (usize, usize),
    value: f64,
    unit: Option<&str>,
) -> Record {
    let mut record =
        super::model_record(table, context, "CONC", &table.body_rows[row][col], unit, Statistic::Individual, None);
    record.parameter_raw = table.header_rows.last().map_or_else(String::new, |h| h[col].trim().to_owned());
    record.value = Some(value);
    record.provenance = Provenance {
        row: Some(row as u32),
        col: Some(col as u32),
        header_path: table.header_path(col),
        footnotes: Vec::new(),
    };
    record
}

/// An ISO 8601 duration as the reader writes times (`PT30M`: `30 min`; `PT1H30M`: `1.5 h`;
/// `P1D`: `1 day`; `PT0H`: `0 h`); `None` for anything else.
fn iso_duration(text: &str) -> Option<String> {
    let rest = text.trim().strip_prefix('P')?;
    let (date, time) = rest.split_once('T').unwrap_or((rest, ""));
    let number = |s: &str, unit: char| -> Option<Option<f64>> {
        match s.split_once(unit) {
            Some((n, _)) => n.rsplit(|c: char| c.is_ascii_alphabetic()).next()?.parse::<f64>().ok().map(Some),
            None => Some(None),
        }
    };
    let days = number(date, 'D')?;
    let (hours, minutes) = (number(time, 'H')?, number(time, 'M')?);
    let format = |x: f64| format!("{}", (x * 1000.0).round() / 1000.0);
    match (days, hours, minutes) {
        (Some(d), None, None) if time.is_empty() => Some(format!("{} day", format(d))),
        (None, None, Some(m)) => Some(format!("{} min", format(m))),
        (None, Some(h), m) => Some(format!("{} h", format(h + m.unwrap_or(0.0) / 60.0))),
        (Some(d), h, m) => Some(format!("{} h", format(d * 24.0 + h.unwrap_or(0.0) + m.unwrap_or(0.0) / 60.0))),
        _ => None,
    }
}

/// What the notes define a column's name as (`DV, plasma X concentration (mg/L) on
/// observation rows`; `TIME: hours since the first dose`), up to the definition's `;` or
/// its sentence's end.
fn definition(notes: &str, name: &str) -> Option<String> {
    notes
        .split([';', '\n'])
        .flat_map(|part| part.split(". "))
        .map(|c| c.trim().trim_start_matches(['.', ' ']))
        .find_map(|clause| {
            let rest = clause.strip_prefix(name)?;
            let rest = rest.trim_start().strip_prefix([',', ':', '='])?;
            Some(rest.trim().trim_end_matches('.').to_owned())
        })
}

/// The time unit a definition counts in (`hours since the first dose`, `days after
/// dosing`).
fn unit_word(text: &str) -> Option<&'static str> {
    crate::fold::lower(text).split(|c: char| !c.is_alphanumeric()).find_map(|w| {
        labels::minutes_or_hours(w).or(match w {
            "d" | "day" | "days" => Some("day"),
            "week" | "weeks" => Some("week"),
            _ => None,
        })
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
    fn an_sdtm_pc_listing() {
        let t = table(
            "PCELTM, planned elapsed time from the dose (ISO 8601 duration).",
            &["USUBJID", "VISIT", "PCTPT", "PCELTM", "PCTEST", "PCSPEC", "PCSTRESC", "PCSTRESU"],
            &[
                &["OBA-101-1003", "DAY 1", "PRE-DOSE", "PT0H", "Obatrelin", "PLASMA", "BLQ", "ng/mL"],
                &["OBA-101-1003", "DAY 1", "0.5H POST-DOSE", "PT30M", "Obatrelin", "PLASMA", "121", "ng/mL"],
                &["OBA-101-1003", "DAY 1", "2H POST-DOSE", "PT1H30M", "M4", "PLASMA", "87.0", "ng/mL"],
            ],
        );
        let records = sdtm_pc_records(&t).unwrap();
        let seen: Vec<_> = records
            .iter()
            .map(|r| (r.value, r.context.subject.as_deref(), r.context.time.as_deref(), r.context.analyte.as_deref()))
            .collect();
        assert_eq!(
            seen,
            [
                (Some(121.0), Some("OBA-101-1003"), Some("30 min"), Some("Obatrelin")),
                (Some(87.0), Some("OBA-101-1003"), Some("1.5 h"), Some("M4"))
            ]
        );
        assert_eq!(iso_duration("P2D").as_deref(), Some("2 day"));
        assert_eq!(iso_duration("PT24H").as_deref(), Some("24 h"));
        assert_eq!(iso_duration("30 min"), None);
        assert!(sdtm_pc_records(&table("", &["ID", "TIME", "DV"], &[&["1", "0.5", "3.2"]])).is_none());
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
        // Definitions as sentences, `DV` first, time in days; a short row is skipped.
        let t = table(
            "DV, serum X concentration (ng/mL). TIME, days since the first dose. EVID, event.",
            &["ID", "TIME", "DV", "EVID"],
            &[&["7", "1.5", "12.1", "0"], &["8", "2"]],
        );
        let records = nonmem_records(&t).unwrap();
        assert_eq!(records.len(), 1);
        assert_eq!(
            (records[0].context.time.as_deref(), records[0].unit_raw.as_deref(), records[0].context.matrix.as_deref()),
            (Some("1.5 day"), Some("ng/mL"), Some("serum"))
        );
        // Parent and metabolite in one DV (two DVID), or a log-transformed DV: nothing read.
        let t = table(
            "DV, plasma concentration (ng/mL).",
            &["ID", "TIME", "DV", "DVID", "MDV"],
            &[&["1", "1", "12.1", "1", "0"], &["1", "1", "3.4", "2", "0"]],
        );
        assert_eq!(nonmem_records(&t).map(|r| r.len()), Some(0));
        let t = table("DV, ln plasma concentration.", &["ID", "TIME", "DV", "MDV"], &[&["1", "1", "2.49", "0"]]);
        assert_eq!(nonmem_records(&t).map(|r| r.len()), Some(0));
        // Not a data set: no ID, TIME and DV, or none of AMT, MDV and EVID.
        assert!(nonmem_records(&table("", &["ID", "TIME", "DV"], &[&["1", "0.5", "3.2"]])).is_none());
        assert!(nonmem_records(&table("", &["Patient", "Time (h)", "AMT"], &[&["1", "0.5", "3.2"]])).is_none());
    }
}
