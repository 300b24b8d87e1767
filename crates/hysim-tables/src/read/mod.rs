//! From a table grid to PK records, by the conventions of how PK tables are laid out.
//!
//! 1. What the table reports ([`classify`]): demographics, regression, dosing and assay
//!    tables give no records, whatever PK-like words their rows hold.
//! 2. Axes: parameters down the stub or across the headers (the reading with more named
//!    parameters wins); the other axis holds groups, statistics (`Mean`, `SD`, `Median`,
//!    `Range`, `95% CI`, `n`: [`labels`]), subjects (`Patient 1`, a `Subject` column of
//!    ids) or sampling times (`2 h`, `Day 3`). Full-width rows name sections (an analyte,
//!    a dose group, a subject).
//! 3. Statistic lines make one record per central value (mean, median, geometric mean),
//!    the dispersion and interval lines attached to it by convention (mean with SD, SE, CV
//!    and CI; median with range and IQR; min and max as a range).
//! 4. Subject lines make individual records (`statistic` individual, `context.subject` as
//!    printed); time columns give `context.time`; columns headed by a specimen or an
//!    analyte with a concentration unit (`Cord blood (ng/ml)`, `V` where the caption defines
//!    `venlafaxine (V)`) are concentrations, and `Cord/maternal`, `M/P`, `ODV/V` ratios.
//! 5. What a cell's numbers are comes from what the table declares ([`declare`]): the row
//!    or column label, a footnote mark, a declaration scoped to the parameter, then the
//!    caption and footnote; a spread no declaration describes is recorded as unknown.
//! 6. Units from the label (`Cmax (ng/mL)`), a unit column, the header or the cell, turned
//!    into the canonical unit of the parameter's family when that is safe; context from
//!    `crate::context`.
//!
//! A model that reads tables (the grounded decoder) points at cells with a code and a
//! statistic; [`CellReader`] turns its answers into records with this reader's code.

mod cells;
mod cjk;
mod classify;
mod declare;
mod define;
mod labels;
pub(crate) use self::labels::is_clock_time;
mod listing;
mod statistic_words;
#[cfg(test)]
mod tests;
mod translate;

use hysim_core::{Dispersion, Interval, Provenance, Record, Statistic, Table, UNKNOWN_KIND};
use hysim_units::{Family, Unit, activity_family, convert, round_significant};

use self::declare::{Declaration, Kind, Reading, Scope, declarations, resolve, shape_of};
use self::labels::{End, StatLabel, stat_label};
use crate::cell::{Bounds, CellValue, Missing, Printed, parse_cell};
use crate::context::{
    TableContext, dose_in, drug_in, known_metabolite, matrices_in, matrix_of, metabolite_in, paper_matrix, route_of,
    table_context,
};
use crate::params::{Route, ambiguous_family, family_of_code, parameter_code};

pub use self::cells::CellReader;

/// The records of a reviewed file that a curator vouches for, ready to serve as gold or
/// training labels: rejected and pending records are dropped, and an edited or added record gets its
/// canonical unit and value recomputed from its code, value and unit as printed (the
/// review page edits those; conversion is this crate's). Records without a review are
/// kept as they are.
pub fn vouched_records(records: Vec<Record>) -> Vec<Record> {
    use hysim_core::Verdict;
    records
        .into_iter()
        .filter(|r| r.review.as_ref().is_none_or(|review| review.verdict.vouched()))
        .map(|mut r| {
            if r.review.as_ref().is_some_and(|review| matches!(review.verdict, Verdict::Edited | Verdict::Added)) {
                let weight = [r.context.analyte.as_deref(), r.context.drug.as_deref()]
                    .into_iter()
                    .flatten()
                    .find_map(drug_in)
                    .map(|d| d.molecular_weight);
                (r.unit, r.value_canonical) = match r.parameter.as_deref() {
                    Some(code) => {
                        canonical(r.unit_raw.as_deref(), |per_kg| family_of_code(code, per_kg), r.value, weight)
                    }
                    None => (None, None),
                };
            }
            r
        })
        .collect()
}

/// Records of many tables, the tables in parallel, in input order.
pub fn tables_records(tables: &[Table]) -> Vec<Vec<Record>> {
    use rayon::prelude::*;
    tables.par_iter().map(table_records).collect()
}

/// Whether body cell (`row`, `col`) of `table` may hold a PK value by the conventions of
/// how tables are written: not under a header, nor in a row, that says its numbers are
/// something else (a P value, a difference, a comparison of groups such as `GMR` or
/// `Ratio fed/fasted`, a model estimate's precision such as `RSE (%)`), unless the label
/// names a PK ratio itself (`M/P ratio`). The grounded decoder's prompt gives ids only to
/// such cells.
pub fn may_hold_value(table: &Table, row: usize, col: usize) -> bool {
    let stub = table.body_rows.get(row).and_then(|r| r.first()).filter(|_| col > 0);
    !table.header_path(col).iter().chain(stub).any(|label| labels::is_non_value_header(label))
}

/// Records of one table; a table that reports no PK results gives none.
pub fn table_records(table: &Table) -> Vec<Record> {
    let table = in_english(table);
    let mut records = records_in_english(&table, Learned::default());
    with_default_specimen(&table, &mut records);
    records
}

/// `table` read in English: a table typeset in Japanese, Chinese or Korean in English words
/// and ASCII forms (`cjk`), a caption or title in another language in English words
/// (`translate`).
fn in_english(table: &Table) -> std::borrow::Cow<'_, Table> {
    match cjk::in_english(table) {
        Some(english) => match translate::in_english(&english) {
            std::borrow::Cow::Owned(translated) => std::borrow::Cow::Owned(translated),
            std::borrow::Cow::Borrowed(_) => std::borrow::Cow::Owned(english),
        },
        None => translate::in_english(table),
    }
}

/// What a rewrite of a table learned of it that the rewritten cells no longer print.
#[derive(Debug, Clone, Copy, Default)]
struct Learned {
    /// The innermost header named its columns' subjects with their sex and weight
    /// ([`names_without_their_covariates`]): individuals, whatever the caption counts.
    named_individuals: bool,
    /// The stub named its rows' subjects so.
    named_rows: bool,
}

/// Gives the records no caption, label, group or paper sentence assigns a specimen
/// [`default_specimen`]'s, where they are systemic values ([`has_a_specimen`]).
fn with_default_specimen(table: &Table, records: &mut [Record]) {
    let unassigned = |r: &Record| r.context.matrix.is_none() && r.parameter.as_deref().is_some_and(has_a_specimen);
    if !records.iter().any(unassigned) {
        return;
    }
    let Some(specimen) = default_specimen(table, true) else { return };
    for record in records.iter_mut().filter(|r| unassigned(r)) {
        record.context.matrix = Some(specimen.to_owned());
    }
}

/// Whether a parameter's value is measured in a specimen (concentrations, exposures,
/// clearances, volumes, half-lives): ratios (the vocabulary's class), fractions and amounts
/// excreted have none of their own.
fn has_a_specimen(code: &str) -> bool {
    const FRACTIONS_AND_AMOUNTS: &[&str] =
        &["FABS", "FREL", "FU", "PB", "RCAMINT", "RCPCINT", "RCAMTAU", "RCPCTAU", "RID"];
    crate::params::class_of_code(code) != Some("ratio") && !FRACTIONS_AND_AMOUNTS.contains(&code)
}

/// The curators' default specimen for the systemic values that no caption, label, group or
/// paper sentence assigns one: a table of blood levels rarely says "plasma", other
/// specimens are named where they are reported. The blood fluid the table's own text names,
/// where it names one (`plasma before and after haemodialysis` beside `dialysate`); else the
/// one the paper's title and abstract name; else, where neither names any specimen, plasma
/// (the shared curation's and AutoPK's: its normalisation reads `blood` as `plasma`). Two
/// blood fluids named (`plasma` and `serum`, or `cord blood` beside either), or only other
/// specimens (`milk` and `urine`), give none. `by_paper` false leaves out the paper's blood
/// fluid among other specimens: where the paper names several, a learned head chooses
/// (the encoder extractor's context head).
pub(crate) fn default_specimen(table: &Table, by_paper: bool) -> Option<&'static str> {
    // The blood fluid named, `Some(None)` where several are (cord blood or a dried blood spot
    // beside plasma: the values left unnamed may be either).
    let blood_fluid = |named: &[&'static str], text: &str| -> Option<Option<&'static str>> {
        const BLOOD: &[&str] = &[
            "plasma",
            "serum",
            "blood",
            "cord blood",
            "umbilical vein",
            "umbilical artery",
            "dried blood spot (DBS)",
            "femoral blood",
            "heart blood",
        ];
        // (Blood is what was drawn where plasma or serum is named, as in `paper_matrices`,
        // unless it is whole blood.)
        let separated =
            named.iter().any(|m| matches!(*m, "plasma" | "serum")) && !crate::fold::lower(text).contains("whole blood");
        let mut fluids: Vec<&'static str> =
            named.iter().copied().filter(|m| BLOOD.contains(m) && !(*m == "blood" && separated)).collect();
        fluids.sort_unstable();
        fluids.dedup();
        match fluids.as_slice() {
            [] => None,
            [one @ ("plasma" | "serum" | "blood")] => Some(Some(one)),
            _ => Some(None),
        }
    };
    let table_text = [table.caption.as_deref(), table.footnote.as_deref()]
        .into_iter()
        .flatten()
        .chain(table.header_rows.iter().chain(&table.body_rows).flatten().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ; ");
    let in_table = matrices_in(&table_text);
    let paper_text = crate::context::paper_text(table);
    let in_paper = matrices_in(&paper_text);
    match blood_fluid(&in_table, &table_text)
        .or_else(|| by_paper.then(|| blood_fluid(&in_paper, &paper_text)).flatten())
    {
        Some(fluid) => fluid,
        None => (in_table.is_empty() && in_paper.is_empty()).then_some("plasma"),
    }
}

/// A table whose rows that print a limit, not a subject's or group's values, are blanked:
/// a regulatory limit under residues (`MRL | 100 | 1000 | 400`, "maximum residue limit"),
/// an assay's limits (`LLOQ | 0.5 | 0.5`). The rows keep their places (provenance counts
/// them); `None` where no row is one.
fn limit_rows_blanked(table: &Table) -> Option<Table> {
    const LIMITS: &[&str] = &[
        "mrl",
        "eu mrl",
        "maximum residue limit",
        "maximum residue limits",
        "tolerance",
        "loq",
        "lloq",
        "lod",
        "limit of quantification",
        "limit of quantitation",
        "lower limit of quantitation",
        "lower limit of quantification",
        "limit of detection",
    ];
    let limit = |row: &Vec<String>| {
        let first = row.iter().map(|c| c.trim()).find(|c| !c.is_empty()).unwrap_or_default();
        let name = crate::fold::lower(crate::params::split_trailing_group(first).0.trim());
        let name = name.trim_end_matches([':', '*', '†', '‡']).trim();
        LIMITS.contains(&name) && row.iter().filter(|c| parse_cell(c).value.is_some()).count() >= 1
    };
    if !table.body_rows.iter().any(limit) {
        return None;
    }
    let mut blanked = table.clone();
    for row in blanked.body_rows.iter_mut().filter(|r| limit(r)) {
        row.iter_mut().for_each(String::clear);
    }
    Some(blanked)
}

/// [`table_records`] of a table whose caption and title are in English already, with what
/// rewrites of it learned.
fn records_in_english(table: &Table, learned: Learned) -> Vec<Record> {
    // A data set printed as a table (NONMEM's `ID | TIME | AMT | DV | MDV | EVID`).
    if let Some(records) = listing::nonmem_records(table).or_else(|| listing::sdtm_pc_records(table)) {
        return records;
    }
    if let Some(why) = classify::not_pk_results(table) {
        tracing::debug!(table = table.id, why, "not a table of PK results");
        return Vec::new();
    }
    if let Some(joined) = spread_lines_joined(table) {
        return records_in_english(&joined, learned);
    }
    if let Some(joined) = spread_rows_joined(table) {
        return records_in_english(&joined, learned);
    }
    if let Some(spelled) = sd_abbreviation_after_mean(table) {
        return records_in_english(&spelled, learned);
    }
    if let Some(spelled) = day_codes_across_subjects(table) {
        return records_in_english(&spelled, learned);
    }
    if let Some(timed) = sample_numbers_defined(table) {
        return records_in_english(&timed, learned);
    }
    if let Some(timed) = t_plus_times(table) {
        return records_in_english(&timed, learned);
    }
    if let Some((named, learned)) = names_without_their_covariates(table) {
        return records_in_english(&named, learned);
    }
    if let Some(noted) = notes_in_body(table) {
        return records_in_english(&noted, learned);
    }
    if let Some(joined) = continued_across_pages(table) {
        return records_in_english(&joined, learned);
    }
    if let Some(panels) = printed_in_panels(table) {
        return panels.iter().flat_map(|panel| records_in_english(panel, learned)).collect();
    }
    if let Some(listed) = listed_in_cells(table) {
        return records_in_english(&listed, learned);
    }
    if let Some(blanked) = limit_rows_blanked(table) {
        return records_in_english(&blanked, learned);
    }
    let width = table.n_cols();
    if table.header_rows.iter().chain(&table.body_rows).any(|row| row.len() < width) {
        // The file readers pad every row; a table built by hand may be ragged. Short rows
        // end in blank cells, so that every row of the reader has a cell in every column.
        let pad = |rows: &[Vec<String>]| -> Vec<Vec<String>> {
            rows.iter()
                .map(|row| {
                    let mut row = row.clone();
                    row.resize(width, String::new());
                    row
                })
                .collect()
        };
        let padded = Table { header_rows: pad(&table.header_rows), body_rows: pad(&table.body_rows), ..table.clone() };
        return with_caption_count(table, Reader::new(&padded, learned).map(|r| r.records()).unwrap_or_default());
    }
    with_caption_count(table, Reader::new(table, learned).map(|r| r.records()).unwrap_or_default())
}

/// The one text a row of two cells or more prints across the table: in one cell, the others
/// blank, or copied into every cell of its span.
fn row_text(row: &[String]) -> Option<&str> {
    let filled: Vec<&str> = row.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    let text = *filled.first()?;
    (row.len() >= 2 && filled.iter().all(|c| *c == text) && (filled.len() == 1 || filled.len() == row.len()))
        .then_some(text)
}

/// A table continued across a page as typeset, converted with its page break: a row `Table
/// 3 (continued)` and the header repeated inside the body. Those rows are blanked (rows
/// keep their numbers); `None` when the table has none.
fn continued_across_pages(table: &Table) -> Option<Table> {
    let continued = |row: &Vec<String>| {
        row_text(row).map(crate::fold::lower).is_some_and(|text| {
            text.contains("(continued)") || text.contains("(cont.)") || text.contains("(cont'd)") || text == "continued"
        })
    };
    let repeats = |row: &Vec<String>| {
        let same = |header: &Vec<String>| {
            header.len() == row.len() && header.iter().zip(row).all(|(h, c)| h.trim() == c.trim())
        };
        row.iter().filter(|c| !c.trim().is_empty()).count() >= 2 && table.header_rows.iter().any(same)
    };
    let blank: Vec<usize> = (0..table.body_rows.len())
        .filter(|&r| continued(&table.body_rows[r]) || repeats(&table.body_rows[r]))
        .collect();
    if blank.is_empty() {
        return None;
    }
    let mut body_rows = table.body_rows.clone();
    for r in blank {
        body_rows[r].iter_mut().for_each(String::clear);
    }
    Some(Table { body_rows, ..table.clone() })
}

/// A table printed in stacked panels, as a wide listing is set to fit the page: a body row
/// that repeats the stub header (`Time (h) | 7 | 8 | 9` under the header `Time (h) | 1 | 2
/// | 3`) starts a panel whose columns are that row's labels. Each panel is the table with
/// its own labels as the innermost header row and the other panels' rows blanked (rows keep
/// their numbers); `None` when no body row repeats the stub header with other labels (the
/// header repeated as it is, a page break, is [`continued_across_pages`]').
fn printed_in_panels(table: &Table) -> Option<Vec<Table>> {
    let innermost = table.header_rows.last()?;
    let stub = innermost.first().map(|c| c.trim()).filter(|c| !c.is_empty() && parse_cell(c).value.is_none())?;
    let starts: Vec<usize> = (0..table.body_rows.len())
        .filter(|&r| {
            let row = &table.body_rows[r];
            row.len() == innermost.len()
                && row[0].trim() == stub
                && row[1..].iter().filter(|c| !c.trim().is_empty()).count() >= 2
                && row.iter().zip(innermost).any(|(c, h)| c.trim() != h.trim())
        })
        .collect();
    if starts.is_empty() {
        return None;
    }
    // (A row across the table right above a panel's labels is its title: `Pairwise
    // comparison, GMR % (90% CI)` over `Parameter | A / B | A / C`.)
    let first = |s: usize| if s > 0 && row_text(&table.body_rows[s - 1]).is_some() { s - 1 } else { s };
    let bounds: Vec<(usize, usize, Option<usize>)> = std::iter::once((0, first(starts[0]), None))
        .chain(starts.iter().enumerate().map(|(k, &s)| {
            let end = starts.get(k + 1).map_or(table.body_rows.len(), |&next| first(next));
            (first(s), end, Some(s))
        }))
        .collect();
    let panels = bounds
        .into_iter()
        .map(|(from, to, labels)| {
            let mut panel = table.clone();
            if let Some(at) = labels {
                *panel.header_rows.last_mut().expect("a header row") = table.body_rows[at].clone();
            }
            for (r, row) in panel.body_rows.iter_mut().enumerate() {
                if !(from..to).contains(&r) || Some(r) == labels {
                    row.iter_mut().for_each(String::clear);
                }
            }
            panel
        })
        .collect();
    Some(panels)
}

/// The `name: value` items of a cell that lists a group's parameters, as conference
/// abstracts print them (`Cmax: 1.24 µg/mL<br/>Tmax: 2.0 h<br/>AUC0–∞: 14.8 µg·h/mL`): each
/// name (the word before a colon) with the value and unit up to the next name. `None` unless
/// two items or more, each a parameter's name before a number.
fn listed_items(cell: &str) -> Option<Vec<(String, String)>> {
    let colons: Vec<usize> = cell.match_indices(": ").map(|(i, _)| i).collect();
    if colons.len() < 2 {
        return None;
    }
    // Each name: the word before its colon.
    let starts: Vec<usize> = colons
        .iter()
        .map(|&c| {
            // (After the whole space character: a no-break space is two bytes.)
            cell[..c].char_indices().rev().find(|(_, ch)| ch.is_whitespace()).map_or(0, |(i, ch)| i + ch.len_utf8())
        })
        .collect();
    let mut items = Vec::new();
    for (k, (&colon, &start)) in colons.iter().zip(&starts).enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(cell.len());
        let (name, value) = (cell[start..colon].trim(), cell[colon + 1..end].trim());
        if end <= colon || parameter_code(name, None).is_none() || !value.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        items.push((name.to_owned(), value.to_owned()));
    }
    Some(items)
}

/// A table whose cells each list a group's parameters (`Cmax: 1.24 µg/mL Tmax: 2.0 h ...`
/// under `Fasted | Fed`), as conference abstracts print them, rewritten as the table it
/// stands for: parameters down, one column per group (its label the nearest cell above),
/// values with their units. Rows of one text across the table (`... mean values:`, a
/// closing ratio) become the footnote's sentences. `None` for any other table.
fn listed_in_cells(table: &Table) -> Option<Table> {
    let rows: Vec<&Vec<String>> = table.header_rows.iter().chain(&table.body_rows).collect();
    let listed = |row: &Vec<String>| {
        let filled: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
        !filled.is_empty() && row_text(row).is_none() && filled.iter().all(|c| listed_items(c).is_some())
    };
    let at = rows.iter().position(|r| listed(r))?;
    // (One block only, every other row a label or a note: a second listed row, or a row of
    // values, would be lost.)
    let plain = |r: &Vec<String>| r.iter().all(|c| !looks_numeric_start(c));
    if rows.iter().enumerate().any(|(k, r)| k != at && (listed(r) || row_text(r).is_none() && !plain(r))) {
        return None;
    }
    let cols: Vec<usize> = (0..rows[at].len()).filter(|&c| !rows[at][c].trim().is_empty()).collect();
    let group = |c: usize| -> String {
        rows[..at]
            .iter()
            .rev()
            .filter(|r| row_text(r).is_none())
            .find_map(|r| r.get(c).map(|t| t.trim()).filter(|t| !t.is_empty()))
            .unwrap_or_default()
            .to_owned()
    };
    let lists: Vec<Vec<(String, String)>> = cols.iter().filter_map(|&c| listed_items(&rows[at][c])).collect();
    let mut names: Vec<String> = Vec::new();
    for (name, _) in lists.iter().flatten() {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    let mut header = vec!["Parameter".to_owned()];
    header.extend(cols.iter().map(|&c| group(c)));
    // Each name's unit in its label where every group prints the same (`14.8 µg·h/mL`:
    // `AUC0–∞ (µg·h/mL)` over `14.8`), as a table prints it.
    let body_rows: Vec<Vec<String>> = names
        .iter()
        .map(|name| {
            let values: Vec<&str> =
                lists.iter().map(|l| l.iter().find(|(n, _)| n == name).map_or("", |(_, v)| v.as_str())).collect();
            let split = |v: &str| v.split_once(' ').map(|(number, unit)| (number.to_owned(), unit.trim().to_owned()));
            let units: Vec<Option<String>> = values.iter().map(|v| split(v).map(|(_, u)| u)).collect();
            let shared = units.first().cloned().flatten().filter(|u| {
                Unit::parse(u).is_ok() && units.iter().zip(&values).all(|(x, v)| v.is_empty() || x.as_ref() == Some(u))
            });
            let mut row = vec![match &shared {
                Some(unit) => format!("{name} ({unit})"),
                None => name.clone(),
            }];
            row.extend(values.iter().map(|v| match (&shared, split(v)) {
                (Some(_), Some((number, _))) => number,
                _ => (*v).to_owned(),
            }));
            row
        })
        .collect();
    let notes: Vec<String> = rows.iter().filter_map(|r| row_text(r)).map(|t| t.trim().to_owned()).collect();
    let footnote = table
        .footnote
        .iter()
        .cloned()
        .chain(notes)
        // (A run-in ending in a colon, `... mean values:`, ends its sentence.)
        .map(|t| crate::fold::as_sentence(&t))
        .collect::<Vec<_>>()
        .join(" ");
    Some(Table { header_rows: vec![header], body_rows, spanned: Vec::new(), footnote: Some(footnote), ..table.clone() })
}

/// The SD's abbreviations of French (`ET`, écart-type), Spanish (`DE`, desviación
/// estándar), Italian (`DS`, deviazione standard) and Portuguese (`DP`, desvio padrão).
const SD_ABBREVIATIONS: &[&str] = &["ET", "DE", "DS", "DP"];

/// A table that labels the row under a mean row (`Moyenne | 12,1` over `ET | 3,4`), or the
/// column after a mean column, with its language's abbreviation of the SD
/// ([`SD_ABBREVIATIONS`]), with the label `SD`. Elsewhere these letters may be a subject's
/// initials, and stay as printed. `None` where the table has no such label.
fn sd_abbreviation_after_mean(table: &Table) -> Option<Table> {
    let abbreviation = |cell: &str| SD_ABBREVIATIONS.contains(&labels::strip_marks(cell).trim());
    // (A mean's word spelled out, `Moyenne`, `Media`: not `AM` or `MW`, a patient's initials
    // too.)
    let mean = |cell: &str| {
        cell.chars().any(char::is_lowercase) && matches!(stat_label(cell), Some(StatLabel::Central(Statistic::Mean)))
    };
    let rows: Vec<usize> = (1..table.body_rows.len())
        .filter(|&r| {
            table.body_rows[r].first().is_some_and(|s| abbreviation(s))
                && table.body_rows[r - 1].first().is_some_and(|s| mean(s))
        })
        .collect();
    let leaf = table.header_rows.len().checked_sub(1);
    let cols: Vec<usize> = leaf
        .map(|h| &table.header_rows[h])
        .map(|row| (1..row.len()).filter(|&c| abbreviation(&row[c]) && mean(&row[c - 1])).collect())
        .unwrap_or_default();
    if rows.is_empty() && cols.is_empty() {
        return None;
    }
    let mut spelled = table.clone();
    for r in rows {
        spelled.body_rows[r][0] = "SD".to_owned();
    }
    if let Some(h) = leaf {
        for c in cols {
            spelled.header_rows[h][c] = "SD".to_owned();
        }
    }
    Some(spelled)
}

/// A table of subjects down (a subject header over the first column, or distinct ids in
/// it) whose header runs through sampling days by their code, `D` and the day (`D1 | D2 |
/// D5 | D14`) or the French `J` (jour: `J2 | J3 | J8`), three days or more in order: the
/// days spelled `Day 1`, as the reader reads a day's header. Across subjects, these codes
/// cannot be subjects too (where times run down, `D1 | D2` across are dogs). `None` where
/// the table has no such run.
fn day_codes_across_subjects(table: &Table) -> Option<Table> {
    let code = |cell: &str| {
        let t = labels::strip_marks(cell).trim();
        let rest = t.strip_prefix('D').or_else(|| t.strip_prefix('J'))?;
        (!rest.is_empty() && rest.len() <= 3 && rest.chars().all(|c| c.is_ascii_digit()))
            .then(|| (t.as_bytes()[0], rest.parse::<u32>().ok()))
            .and_then(|(letter, n)| Some((letter, n?)))
    };
    // Each header row's run of days (one letter, three days or more in order).
    let runs: Vec<(usize, Vec<u32>)> = (0..table.header_rows.len())
        .filter_map(|h| {
            let codes: Vec<(u8, u32)> = table.header_rows[h].iter().skip(1).filter_map(|c| code(c)).collect();
            let mut days: Vec<u32> = codes.iter().map(|(_, n)| *n).collect();
            days.dedup();
            (days.len() >= 3 && days.windows(2).all(|w| w[0] < w[1]) && codes.iter().all(|(l, _)| *l == codes[0].0))
                .then_some((h, days))
        })
        .collect();
    if runs.is_empty() {
        return None;
    }
    let first =
        table.header_rows.iter().map(|row| row.first().map_or("", String::as_str)).find(|h| !h.trim().is_empty());
    // (Ids with a letter in them where no subject header names the column, none of them a
    // time: times down, `Time (h)` over `1 | 4 | 8` or `T0 | T1`, beside dogs `D1 | D2 | D3`.)
    let coded_ids = || {
        distinct_ids(table, 0)
            && filled_cells(table, 0).all(|t| {
                t.chars().any(char::is_alphabetic) && labels::time_of(t, None).is_none() && letter_code(t, 1).is_none()
            })
    };
    if !(first.is_some_and(labels::is_subject_header) || coded_ids()) {
        return None;
    }
    // (Days sampled, not one after another from the first, `D1 | D2 | D3` of three doses, or
    // the notes naming days: "Dn, day n after injection", "J1 = premier jour".)
    let notes = crate::fold::lower(&format!(
        "{} {} {}",
        table.caption.as_deref().unwrap_or_default(),
        table.footnote.as_deref().unwrap_or_default(),
        table.title.as_deref().unwrap_or_default()
    ));
    let days_named =
        crate::context::has_word(&notes, labels::DAY_WORDS) || crate::context::has_word(&notes, &["jour", "jours"]);
    let spaced = runs.iter().any(|(_, days)| days.windows(2).any(|w| w[1] != w[0] + 1));
    if !(days_named || spaced) {
        return None;
    }
    let mut spelled = table.clone();
    for (h, _) in runs {
        for cell in spelled.header_rows[h].iter_mut().skip(1) {
            if let Some((_, day)) = code(cell) {
                *cell = format!("Day {day}");
            }
        }
    }
    Some(spelled)
}

/// Words for a sample in the header over numbered samples (`Sample` over `1 | 2 | 3`), in
/// English, German, French, Spanish, Italian, Portuguese, Dutch and Polish.
const SAMPLE_WORDS: &[&str] = &[
    "sample",
    "samples",
    "sample no.",
    "probe",
    "proben",
    "échantillon",
    "échantillons",
    "muestra",
    "muestras",
    "campione",
    "campioni",
    "amostra",
    "amostras",
    "monster",
    "monsters",
    "próbka",
    "próbki",
];

/// The times a note gives numbered or coded samples (`Samples: 1, pre-dose; 2, 0.5 h; 3, 1
/// h`, `Campioni: 1, prima della dose; 2, 0,5 h`, `1 = predose; 2 = 1 h`, `Sampling times:
/// PK1, pre-dose; PK2, 1 h`): each number's or code's time as the reader writes it
/// (`pre-dose`, `0.5 h`), the code in lower case.
fn sample_times(notes: &str) -> Vec<(String, String)> {
    const BEFORE_DOSE: &[&str] = &[
        "pre-dose",
        "predose",
        "pre dose",
        "before dose",
        "before the dose",
        "before dosing",
        "prima della dose",
        "avant la dose",
        "avant administration",
        "vor der gabe",
        "vor gabe",
        "antes de la dosis",
        "antes da dose",
        "voor toediening",
    ];
    let mut out = Vec::new();
    // (Sentence by sentence, item by item, what follows a colon: `Samples: 1, ...`.)
    let items = notes.split(". ").flat_map(|sentence| sentence.split(';'));
    for item in items.map(|i| i.rsplit_once(':').map_or(i, |(_, after)| after)) {
        let item = item.trim();
        let Some((number, rest)) = item.split_once([',', '=']).or_else(|| item.split_once(' ')) else { continue };
        let number = crate::fold::lower(number.trim());
        if number.parse::<u32>().is_err() && !sample_code(&number) {
            continue;
        }
        let rest = crate::fold::lower(rest.trim());
        if BEFORE_DOSE.iter().any(|w| rest.starts_with(w)) {
            out.push((number, "pre-dose".to_owned()));
            continue;
        }
        // (The time first, words after it: `12 h dopo la somministrazione`.)
        let words: Vec<&str> = rest.split_whitespace().collect();
        if let Some(time) = words.get(..2).and_then(|w| labels::time_of(&w.join(" "), None)) {
            out.push((number, time));
        }
    }
    out
}

/// Whether `text` (lower case) reads as a sample's code: letters, then a number (`pk1`,
/// `s3`, `tp-2`); not a concentration's symbol at a time (`c0`, `c2`, `c24`), nor another
/// symbol the vocabulary names.
fn sample_code(text: &str) -> bool {
    let digits = text.trim_start_matches(|c: char| c.is_alphabetic() || c == '-');
    let letters = &text[..text.len() - digits.len()];
    !letters.is_empty()
        && letters.len() <= 4
        && letters != "c"
        && !digits.is_empty()
        && digits.len() <= 3
        && digits.chars().all(|c| c.is_ascii_digit())
        && parameter_code(text, None).is_none()
}

/// A table whose samples are numbered under a sample word (`Campione` over `1 | 2 | 3 | 4`)
/// or coded (`PK1 | PK2 | PK3`), and whose notes give each number's or code's time
/// ([`sample_times`]): the times in their place (`0.5 h`) under a time header, three or
/// more of them. `None` where it has no such samples.
fn sample_numbers_defined(table: &Table) -> Option<Table> {
    let footnote = table.footnote.as_deref()?;
    let leaf = table.header_rows.len().checked_sub(1)?;
    let sample_word = |text: &str| {
        let text = crate::fold::lower(labels::strip_marks(text).trim());
        // (A footnote letter glued to the word: `Campione<sup>a</sup>`.)
        SAMPLE_WORDS.contains(&text.as_str())
            || text.char_indices().last().is_some_and(|(at, _)| SAMPLE_WORDS.contains(&text[..at].trim_end()))
    };
    // Each sample column's number: under a sample word (`Sample` over `1`), or after it in
    // one header (`Sample 1`, a header row flattened).
    // (Or its code alone, `PK2`, which the notes must define.)
    let number = |c: usize| -> Option<String> {
        let cell = table.header_rows[leaf].get(c)?.trim();
        if cell.parse::<u32>().is_ok() {
            let above = leaf.checked_sub(1).and_then(|h| table.header_rows[h].get(c))?;
            return sample_word(above).then(|| cell.to_owned());
        }
        let cell = crate::fold::lower(labels::strip_marks(cell).trim());
        if sample_code(&cell) {
            return Some(cell);
        }
        let (word, n) = cell.rsplit_once(' ')?;
        (sample_word(word) && n.parse::<u32>().is_ok()).then(|| n.to_owned())
    };
    let sample_cols: Vec<(usize, String)> =
        (0..table.header_rows[leaf].len()).filter_map(|c| Some((c, number(c)?))).collect();
    if sample_cols.len() < 3 {
        return None;
    }
    let note = crate::html::fragment_text(footnote);
    // (Codes, not numbers under a sample word, only where the note says they are sampling
    // times: "Sampling times: PK1, pre-dose; ...", not "T1, 1 h infusion".)
    let coded = sample_cols.iter().any(|(_, n)| n.parse::<u32>().is_err());
    let lower = crate::fold::lower(&note);
    if coded && !["sampl", "time point", "timepoint", "blood draw"].iter().any(|w| lower.contains(w)) {
        return None;
    }
    let times = sample_times(&note);
    let time_of = |n: &str| times.iter().find(|(k, _)| k == n).map(|(_, t)| t.clone());
    if sample_cols.iter().filter(|(_, n)| time_of(n).is_some()).count() < 3 {
        return None;
    }
    let mut timed = table.clone();
    for (c, n) in &sample_cols {
        let c = *c;
        if let Some(time) = time_of(n) {
            timed.header_rows[leaf][c] = time;
            if let Some(above) = leaf.checked_sub(1) {
                timed.header_rows[above][c] = "Time after dose".to_owned();
            }
        }
    }
    Some(timed)
}

/// A table whose sampling times are printed after an event as `T+15 | T+30 | T+60` (three
/// or more in a header row) and whose notes say what `n` counts ("T+n, n minutes after the
/// end of nebulisation", "T+n: n hours after dosing"): the times with their unit (`15
/// min`). `None` where the notes say nothing of the unit: it is not guessed.
fn t_plus_times(table: &Table) -> Option<Table> {
    // (The code alone, `T+15`, `T + 15`, or last in a header row flattened, `Time T+15`.)
    let number = |cell: &str| -> Option<String> {
        let t = cell.trim();
        let code = t.rfind("T+").or_else(|| t.rfind("t+")).map_or(t, |at| &t[at..]);
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        let n = code.strip_prefix("T+").or_else(|| code.strip_prefix("t+"))?;
        (!n.is_empty() && n.replace(',', ".").parse::<f64>().is_ok()).then(|| n.replace(',', "."))
    };
    let row = (0..table.header_rows.len())
        .find(|&h| table.header_rows[h].iter().filter(|c| number(c).is_some()).count() >= 3)?;
    let notes = crate::fold::lower(&format!(
        "{} {}",
        table.caption.as_deref().unwrap_or_default(),
        crate::html::fragment_text(table.footnote.as_deref().unwrap_or_default())
    ));
    let at = notes.find("t+n")?;
    let after: Vec<&str> = notes[at + 3..].split_whitespace().take(4).collect();
    // (`T+n, n minutes ...`, `T+n = n h`, `T+n: n hours`.)
    let unit = after.windows(2).find_map(|w| {
        (w[0].trim_matches(|c: char| !c.is_alphanumeric()) == "n")
            .then_some(w[1].trim_matches(|c: char| !c.is_alphabetic()))
    })?;
    let unit = match unit {
        "min" | "mins" | "minute" | "minutes" => "min",
        "h" | "hr" | "hrs" | "hour" | "hours" => "h",
        "d" | "day" | "days" => "day",
        _ => return None,
    };
    let mut timed = table.clone();
    for cell in &mut timed.header_rows[row] {
        if let Some(n) = number(cell) {
            // (The time alone, what came before the code in a flattened header too: `Time
            // after dose T+15` is `15 min`.)
            *cell = if unit == "day" { format!("day {n}") } else { format!("{n} {unit}") };
        }
    }
    Some(timed)
}

/// Whether `text` is what papers print after an animal's or a patient's name: its sex, age
/// or body weight, one or more between commas or semicolons (`F, 27.5 kg`, `H; 41 kg`, `M`,
/// `♀, 4 y`).
fn subject_covariates(text: &str) -> bool {
    // (A sex's symbol and a measure set apart by a space only: `♀ 312 kg`.)
    let items: Vec<String> = text
        .split([',', ';'])
        .flat_map(|i| match i.trim().split_once(' ') {
            Some((sex @ ("♀" | "♂"), rest)) => vec![sex.to_owned(), rest.to_owned()],
            _ => vec![i.to_owned()],
        })
        .map(|i| crate::fold::lower(i.trim()))
        .collect();
    items.iter().all(|item| {
        let sex = matches!(
            item.as_str(),
            "m" | "f" | "h" | "w" | "♂" | "♀" | "male" | "female" | "macho" | "hembra" | "mâle" | "femelle"
        );
        let measure = item.split_once(' ').is_some_and(|(number, unit)| {
            !number.is_empty()
                && number.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                && matches!(unit.trim(), "kg" | "g" | "y" | "yr" | "yrs" | "years" | "mo" | "months" | "wk" | "weeks")
        });
        sex || measure
    })
}

/// A table whose innermost header prints two or more names with their sex and weight after
/// them, on the name's second line (`Bindi<br/>F, 27.5 kg`, `Tita<br/>(H; 41 kg)`), or whose
/// stub prints two or more so down its rows (`Kelpie<br/>M, 24.1 kg` over the times across):
/// the names alone, with what the rewrite learned ([`Learned`]: they are individuals); the
/// covariates are no part of the name (a numbered subject's word keeps them: `Dog 1 (M)`).
/// `None` where it prints none so.
fn names_without_their_covariates(table: &Table) -> Option<(Table, Learned)> {
    let leaf = table.header_rows.len().checked_sub(1)?;
    let bare = |cell: &str| -> Option<String> {
        let t = cell.trim();
        let (name, rest) = match t.strip_suffix(')').and_then(matching_open) {
            Some(open) => (t[..open].trim(), &t[open + 1..t.len() - 1]),
            None => {
                let (name, rest) = t.split_once(' ')?;
                (name, rest)
            }
        };
        // (Not a subject's word and letter: `Patient F` is patient F; nor a parameter with
        // its unit, `Tmax (h)`: a measure among them.)
        // (Or a study's code for the animal, `M-1<br/>♀ 312 kg`.)
        let code = name.contains(['-', '_']) && labels::subject_id(name).as_deref() == Some(name);
        ((capitalised_name(name) || code)
            && !labels::is_subject_header(name)
            && subject_covariates(rest)
            && rest.contains(|c: char| c.is_ascii_digit())
            && parameter_code(name, None).is_none())
        .then(|| name.to_owned())
    };
    let named: Vec<(usize, String)> =
        table.header_rows[leaf].iter().enumerate().skip(1).filter_map(|(c, cell)| Some((c, bare(cell)?))).collect();
    // (Or down the stub, a row each: `Kelpie<br/>M, 24.1 kg` over the times across.)
    // (Not a section's row spanning the table, `Kiri (F, 4.1 kg)` over her times.)
    let named_rows: Vec<(usize, String)> = table
        .body_rows
        .iter()
        .enumerate()
        .filter_map(|(r, row)| Some((r, row, bare(row.first()?)?)))
        .filter(|(_, row, _)| {
            let first = row.first().map_or("", |c| c.trim());
            row.iter().skip(1).all(|c| c.trim() != first) && row.iter().skip(1).any(|c| parse_cell(c).value.is_some())
        })
        .map(|(r, _, name)| (r, name))
        .collect();
    let across = named.len() >= 2;
    let down = named_rows.len() >= 2;
    if !across && !down {
        return None;
    }
    let mut bare_table = table.clone();
    for (c, name) in named.into_iter().filter(|_| across) {
        bare_table.header_rows[leaf][c] = name;
    }
    for (r, name) in named_rows.into_iter().filter(|_| down) {
        bare_table.body_rows[r][0] = name;
    }
    Some((bare_table, Learned { named_individuals: across, named_rows: down }))
}

/// A table that prints each parameter's spread in a row of its own under it, labelled by
/// the spread's kind (`Cmax,ss (ng/mL) | 38.6 | 44.2` over `SD | 14.1 | 17.9`), with each
/// spread joined to the value above it (`38.6 (14.1)`) and the kind said as the table says
/// it ("SD in parentheses", read after the footnote): the statistic of the values is what the
/// notes declare, else unknown. The spread rows are left blank, so rows keep their numbers.
/// `None` unless two parameters' rows or more are followed so.
fn spread_rows_joined(table: &Table) -> Option<Table> {
    const KINDS: &[&str] = &["sd", "s.d.", "se", "s.e.", "sem", "s.e.m.", "cv", "cv%", "cv (%)", "%cv"];
    let rows = &table.body_rows;
    let plain = |t: &str| {
        let t = t.trim();
        t.is_empty()
            || matches!(t, "—" | "–" | "-" | "NA" | "NC")
            || looks_numeric_start(t) && !t.contains(['(', '[', '±'])
    };
    let stub = |r: &Vec<String>| r.first().map_or(String::new(), |s| crate::fold::lower(s.trim()));
    let pairs: Vec<usize> = (0..rows.len().saturating_sub(1))
        .filter(|&r| {
            let (values, spreads) = (&rows[r], &rows[r + 1]);
            let name = values.first().map_or("", |s| s.as_str());
            parameter_code(name, None).is_some()
                && stat_label(name).is_none()
                && KINDS.contains(&stub(spreads).as_str())
                && values.iter().skip(1).all(|t| plain(t))
                && spreads.iter().skip(1).all(|t| plain(t))
                && spreads.iter().skip(1).any(|t| looks_numeric_start(t))
        })
        .collect();
    if pairs.len() < 2 {
        return None;
    }
    let mut body_rows = rows.clone();
    let mut kinds: Vec<String> = Vec::new();
    for &r in &pairs {
        let kind = rows[r + 1][0].trim().to_owned();
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
        for c in 1..body_rows[r].len() {
            let spread = rows[r + 1].get(c).map_or("", |t| t.trim());
            if looks_numeric_start(rows[r][c].trim()) && looks_numeric_start(spread) {
                body_rows[r][c] = format!("{} ({spread})", rows[r][c].trim());
            }
        }
        body_rows[r + 1].iter_mut().for_each(String::clear);
    }
    // (Where the notes name the spread already, "means with the standard deviation in the row
    // below", they say it.)
    let notes = crate::fold::lower(&format!(
        "{} {}",
        table.caption.as_deref().unwrap_or_default(),
        table.footnote.as_deref().unwrap_or_default()
    ));
    let named = |kind: &str| {
        let k = crate::fold::lower(kind);
        crate::context::has_word(&notes, &[k.as_str()])
            || k.starts_with("sd") && notes.contains("standard deviation")
            || k.starts_with("se") && notes.contains("standard error")
            || k.contains("cv") && notes.contains("coefficient of variation")
    };
    let said: Vec<String> = kinds.iter().filter(|k| !named(k)).map(|k| format!("{k} in parentheses.")).collect();
    let footnote = table.footnote.iter().cloned().chain(said).collect::<Vec<_>>().join(" ");
    Some(Table { body_rows, footnote: Some(footnote), ..table.clone() })
}

/// A table whose last rows are notes: a sentence across the table under its values
/// (`Values are geometric mean (CV%), except t½: arithmetic mean (SD).` in one cell
/// spanning every column), as tables typeset their notes inside the frame. The notes are
/// read as the footnote's (after it), and the rows left out; `None` when the table ends in
/// no such row.
fn notes_in_body(table: &Table) -> Option<Table> {
    let rows = &table.body_rows;
    // One text across the row, of words (a sentence).
    let note = |row: &Vec<String>| {
        row_text(row).is_some_and(|text| {
            text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() >= 4 && !looks_numeric(text)
        })
    };
    let kept = rows.len() - rows.iter().rev().take_while(|r| note(r)).count();
    // (Under rows of values: a table of notes alone is none of this.)
    if kept == rows.len() || kept == 0 {
        return None;
    }
    let notes: Vec<&str> =
        rows[kept..].iter().filter_map(|r| r.iter().map(|c| c.trim()).find(|c| !c.is_empty())).collect();
    // (Each a sentence of its own after the footnote's: `CV, coefficient of variation` then
    // `Values are ...` are two.)
    let footnote = table
        .footnote
        .iter()
        .map(String::as_str)
        .chain(notes)
        .map(|t| {
            if t.trim_end().ends_with(['.', ';', ':']) { t.trim_end().to_owned() } else { format!("{}.", t.trim_end()) }
        })
        .collect::<Vec<_>>()
        .join(" ");
    Some(Table {
        body_rows: rows[..kept].to_vec(),
        spanned: table.spanned.iter().filter(|[r, _]| *r < kept).copied().collect(),
        footnote: Some(footnote),
        ..table.clone()
    })
}

/// A table whose spreads are printed on the line below their values, the stub blank there
/// (`Cmax (mg/L) | 71.4 | 84.2` over ` | (52.0–92.8) | (61.5–110)`, as a caption says "ranges
/// in parentheses on the line below"), with each spread joined to the value above it: the
/// same cell as `71.4 (52.0–92.8)`, read by what the table declares. The line below is left
/// blank, so rows keep their numbers. `None` when the table prints no such line.
fn spread_lines_joined(table: &Table) -> Option<Table> {
    // A bracketed number or pair of numbers and nothing else: `(52.0–92.8)`, `[3.1]`, `(0.9, 1.7)`.
    let spread = |cell: &str| {
        let t = cell.trim();
        let inner = t
            .strip_prefix('(')
            .and_then(|r| r.strip_suffix(')'))
            .or_else(|| t.strip_prefix('[').and_then(|r| r.strip_suffix(']')));
        inner.is_some_and(|i| {
            i.chars().any(|c| c.is_ascii_digit())
                && i.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '–' | '-' | '−' | '—'))
        })
    };
    // A lone number in brackets (`(4.5)`) is a spread only where the table names one (an
    // SD, SE or CV): else it may be a count (`(12)`). A range (`(52.0–92.8)`) is one.
    // (The notes are read only where a table prints such a number: most print none.)
    let names_spread = std::cell::OnceCell::new();
    let names_spread = || {
        *names_spread.get_or_init(|| {
            let notes = crate::fold::lower(&format!(
                "{} {}",
                table.caption.as_deref().unwrap_or_default(),
                table.footnote.as_deref().unwrap_or_default()
            ));
            ["sd", "s.d.", "se", "sem", "cv", "standard deviation", "standard error"]
                .iter()
                .any(|w| crate::context::has_word(&notes, &[w]))
        })
    };
    let spread = |cell: &str| spread(cell) && (cell.contains(['–', '-', '−', '—', ',']) || names_spread());
    let rows = &table.body_rows;
    let lines: Vec<usize> = (1..rows.len())
        .filter(|&r| {
            let (line, above) = (&rows[r], &rows[r - 1]);
            let filled: Vec<usize> = (1..line.len()).filter(|&c| !line[c].trim().is_empty()).collect();
            line.first().is_some_and(|s| s.trim().is_empty())
                && above.first().is_some_and(|s| !s.trim().is_empty())
                && !filled.is_empty()
                && filled.iter().all(|&c| {
                    spread(&line[c])
                        && above.get(c).is_some_and(|v| {
                            let v = v.trim();
                            !v.is_empty() && !v.contains(['(', '[', '±']) && !spread(v)
                        })
                })
        })
        .collect();
    if lines.is_empty() {
        return None;
    }
    let mut body = rows.clone();
    for r in lines {
        for c in 1..body[r].len() {
            let below = std::mem::take(&mut body[r][c]);
            if !below.trim().is_empty() {
                body[r - 1][c] = format!("{} {}", body[r - 1][c].trim(), below.trim());
            }
        }
    }
    Some(Table { body_rows: body, ..table.clone() })
}

/// The number of subjects a caption gives the whole table, "Pharmacokinetic parameters of
/// X (n = 12)", on the summary records that the table's cells give no count: only when the
/// caption gives one count (two, "A (n = 6) and B (n = 8)", say which group has which).
fn with_caption_count(table: &Table, mut records: Vec<Record>) -> Vec<Record> {
    let Some(caption) = table.caption.as_deref().filter(|c| c.contains('=')) else { return records };
    let counts: Vec<u32> = caption
        .match_indices('=')
        .filter_map(|(at, _)| {
            let before = caption[..at].trim_end();
            let n_word = before.ends_with(['n', 'N'])
                && !before[..before.len() - 1].chars().last().is_some_and(|c| c.is_alphanumeric());
            let after = caption[at + 1..].trim_start();
            let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
            // Not a range of counts (`n = 10–12`, `n = 10 to 12`).
            let rest = after[digits.len()..].trim_start();
            let range = rest.starts_with(['–', '-', '/']) || rest.starts_with("to ");
            (n_word && !range).then(|| digits.parse().ok()).flatten()
        })
        .collect();
    // One group only: "patients (n = 12) and healthy volunteers" counts one of two.
    let groups: std::collections::HashSet<Option<&str>> =
        records.iter().filter(|r| r.statistic != Statistic::Individual).map(|r| r.context.group.as_deref()).collect();
    if let [n] = counts[..]
        && groups.len() <= 1
    {
        for r in records.iter_mut().filter(|r| r.n.is_none() && r.statistic != Statistic::Individual) {
            r.n = Some(n);
        }
    }
    records
}

/// Splits a footnote into its marked notes: `a Data presented as median [IQR]. b SD in
/// weeks.` → `[("a", "Data presented as median [IQR]."), ("b", "SD in weeks.")]`. A mark is
/// a letter `a`–`h`, a digit `1`–`9` (when the footnote starts with one) or one of
/// `* † ‡ § ¶ #`, at the start or after a sentence, followed by a space, a colon or a
/// closing parenthesis; or, when `used` says the table prints it, right after `except`
/// (`Values are mean ± SD, except a median (range)`) and after `and` in that exception.
pub(crate) fn footnote_marks(footnote: &str, used: &dyn Fn(char) -> bool) -> Vec<(String, String)> {
    let chars: Vec<char> = footnote.chars().collect();
    let digits = chars.first().is_some_and(|c| ('1'..='9').contains(c)) && chars.get(1) == Some(&' ');
    let is_mark = |c: char| {
        crate::cell::is_mark_letter(c)
            || matches!(c, '*' | '†' | '‡' | '§' | '¶' | '#')
            || (digits && ('1'..='9').contains(&c))
    };
    // A mark after `except` in a sentence (`Values are mean ± SD, except ᵃmedian (range)`,
    // `salvo`, `sauf`, `excepto`, `tranne`, `exceto`, `außer`, `behalve`) starts its note.
    const EXCEPT: &[&str] = &["except", "salvo", "sauf", "excepto", "tranne", "eccetto", "exceto", "außer", "behalve"];
    let after_except = |i: usize| {
        let before: String = chars[..i].iter().collect();
        let word = before.trim_end().rsplit(' ').next().unwrap_or_default().to_lowercase();
        i >= 2 && chars[i - 1] == ' ' && EXCEPT.contains(&word.as_str())
    };
    // Further marks of the same exception (`except ᵃmedian (range) and ᵇarithmetic mean`).
    let after_and = |i: usize| {
        let before: String = chars[..i].iter().collect();
        let before = before.trim_end();
        let word = before.rsplit(' ').next().unwrap_or_default().to_lowercase();
        i >= 2
            && chars[i - 1] == ' '
            && (matches!(word.as_str(), "and" | "or" | "y" | "et" | "e" | "und" | "en") || before.ends_with(','))
    };
    let mut starts = Vec::new();
    let mut excepting = false;
    for i in 0..chars.len() {
        let boundary = i >= 2 && matches!(chars[i - 2], '.' | ';' | '|') && chars[i - 1] == ' ';
        if boundary {
            excepting = false;
        }
        // (Only a mark the table prints: `except a median (range) is given` has an article.)
        let except_start = i >= 2
            && chars[i - 1] == ' '
            && is_mark(chars[i])
            && used(chars[i])
            && (after_except(i) || excepting && after_and(i));
        excepting |= except_start;
        let at_start = i == 0 || boundary || except_start;
        // "a | b | c | text": the marks listed before the notes (as PMC pages print them)
        // start no note.
        let listed = chars.get(i + 1) == Some(&' ') && chars.get(i + 2) == Some(&'|');
        if at_start && !listed && is_mark(chars[i]) && chars.get(i + 1).is_some_and(|c| matches!(c, ' ' | ':' | ')')) {
            starts.push(i);
        }
    }
    starts
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let end = starts.get(k + 1).copied().unwrap_or(chars.len());
            let text: String = chars[i + 1..end].iter().collect();
            (
                chars[i].to_string(),
                text.trim_start_matches([':', ')', ' ']).trim().trim_end_matches('|').trim().to_owned(),
            )
        })
        .collect()
}

/// The unit printed in a label: the last parenthesised or bracketed part, or the part
/// after the last comma, when it reads as a unit. A concentration unit qualified by its
/// specimen (`µg/mL serum`, `µg/g tissue`) is the unit without it.
fn unit_in_label(label: &str) -> Option<String> {
    thread_local! {
        static UNITS_IN_LABELS: crate::memo::Cache<Option<String>> = Default::default();
    }
    crate::memo::cached(&UNITS_IN_LABELS, label, unit_in_label_uncached)
}

fn unit_in_label_uncached(label: &str) -> Option<String> {
    unit_printed_in_label(label).filter(|u| !is_quantity(u))
}

/// Whether a unit as printed is a quantity, no unit: a dose in a group's header,
/// `Sulfadiazole (41.7 mg/kg)`, `Standard dose, 10 mg/kg`, a count, `Yes (20/day)`; `1/h`
/// and `10^6 cells` are units.
fn is_quantity(unit: &str) -> bool {
    let u = unit.trim();
    let number: String = u.chars().take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',')).collect();
    let power = u[number.len()..].starts_with(['^', '⁻', '⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'])
        || number == "10" && u[2..].starts_with(['E', 'e']);
    // (`1/h` is a unit; `1 mg/kg`, a number before a space and a unit, a dose.)
    let one_as_unit = number == "1" && !u[1..].starts_with(' ');
    !(number.is_empty() || one_as_unit || power)
}

fn unit_printed_in_label(label: &str) -> Option<String> {
    let label = without_statistic_clause(label);
    // (Hours and minutes, read in hours: `Time of peak, h:min`, `tmax (h:min)`.)
    let lower = crate::fold::lower(label);
    if crate::params::HOURS_MINUTES
        .iter()
        .any(|u| lower.trim_end().strip_suffix(')').unwrap_or(&lower).trim_end().ends_with(u))
    {
        return Some("h".to_owned());
    }
    let label = without_bracket_time(label).map_or(label, |(name, _)| name);
    let label = without_time_clause(label).unwrap_or(label);
    bare_unit(label).or_else(|| unit_after_label(label)).or_else(|| {
        // (A name that begins with the percent it is in: `% of dose`, `% fluctuation`; not a
        // statistic, `%CV`.)
        let t = label.trim();
        // (Or in brackets after the name: `fe (% of dose)`, `Ae (% of the administered dose)`.)
        let of_dose = || {
            // (Or after a comma: `Urinary recovery, % of dose`.)
            let (_, inner) = crate::params::split_trailing_group(t);
            let inner = inner.or_else(|| t.rsplit_once(',').map(|(_, after)| after));
            let rest = inner?.trim().strip_prefix('%')?.trim();
            rest.strip_prefix("of ").unwrap_or(rest).trim().ends_with("dose").then(|| "%".to_owned())
        };
        (t.starts_with('%') && t.len() > 1 && stat_label(t).is_none()).then(|| "%".to_owned()).or_else(of_dose)
    })
}

/// A row label without the statistic it declares after a comma (`Cmax, ng/mL, mean (SD)`,
/// `Tmax (h), median (range)`): the parameter and its unit.
fn without_statistic_clause(label: &str) -> &str {
    // (On a line of its own under the unit, a `<br/>` read as a space: `Cmax,
    // pg/mL<br/>GM (95% CI)`, `Tmax (h)<br/>median (range)`; a central value with its spread,
    // not a statistic alone, which heads a column of its own under a joined path, `Cmax
    // (ng/mL) Mean`.)
    let on_its_line = label.match_indices(' ').map(|(at, _)| (label[..at].trim_end(), label[at + 1..].trim())).find(
        |(head, tail)| {
            let unit = |u: &str| Unit::parse(u.trim()).is_ok();
            let head_unit = crate::params::split_trailing_group(head).1.is_some_and(unit)
                || head.rsplit_once(',').is_some_and(|(name, u)| !name.trim().is_empty() && unit(u));
            head_unit && tail.contains(['(', '[', '±']) && stat_label(tail).is_some_and(|l| l.central().is_some())
        },
    );
    if let Some((head, _)) = on_its_line {
        return head;
    }
    // (Or in brackets after the unit: `tmax, h (median [range])`, `CL/F, L/h (mean ± SD)`.)
    if let Some(open) = label.trim_end().strip_suffix(')').and_then(matching_open)
        && label[..open].contains(',')
        && stat_label(label[open + 1..label.trim_end().len() - 1].trim())
            .is_some_and(|l| l.central().is_some() || matches!(l, StatLabel::Spread(_)))
    {
        return without_statistic_clause(label[..open].trim_end());
    }
    match label.rsplit_once(',') {
        Some((head, tail))
            if !head.trim().is_empty()
                && stat_label(tail.trim())
                    .is_some_and(|l| l.central().is_some() || matches!(l, StatLabel::Spread(_))) =>
        {
            head.trim_end()
        }
        _ => label,
    }
}

/// A label whose concentration's unit comes before the times it spans and their own unit
/// (`Plasma X (nM) at time after dose (min)`, `Serum X (mg/L) by time (h)`): the label up
/// to the times' clause, whose unit is the values'.
fn without_time_clause(label: &str) -> Option<&str> {
    let lower = crate::fold::lower(label);
    let at = [" at time", " by time", " versus time", " vs time", " vs. time"].iter().find_map(|w| lower.find(w))?;
    let head = label[..at].trim_end();
    let (_, unit) = crate::params::split_trailing_group(head);
    unit.is_some_and(|u| is_concentration_unit(u.trim())).then_some(head)
}

/// A label that declares after its unit the time unit of the numbers its cells print in
/// brackets (`Tinidoxole, mg/L (h)` over `14.2 (3.5)`): the label without it, and that unit.
fn without_bracket_time(label: &str) -> Option<(&str, &'static str)> {
    let trimmed = label.trim_end().trim_end_matches(crate::cell::MARK_SYMBOLS).trim_end();
    let open = trimmed.strip_suffix(')').and_then(matching_open)?;
    let unit = labels::bare_time_unit(&trimmed[open + 1..trimmed.len() - 1])?;
    let name = trimmed[..open].trim_end();
    let (_, after_comma) = name.rsplit_once(',')?;
    is_concentration_unit(after_comma.trim()).then_some((name, unit))
}

/// Where the bracket that the one closing `text` (its last `)` taken off) opens.
fn matching_open(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => return Some(i),
            '(' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// A label that is a unit and nothing else, bracketed or not (`ng/mL`, `(µg/mL)`): a unit
/// row's cell under the parameters.
pub(crate) fn bare_unit(label: &str) -> Option<String> {
    // A label that is a unit and nothing else: a unit row under the parameters
    // (`Cmax` over `ng/mL`).
    let bare = label.trim().trim_end_matches(crate::cell::MARK_SYMBOLS).trim_end();
    // A unit row's cell in brackets: `(µg/mL)`.
    let bare =
        bare.strip_prefix('(').and_then(|b| b.strip_suffix(')')).filter(|b| !b.contains(['(', ')'])).unwrap_or(bare);
    let numeral = bare.split_whitespace().any(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.'));
    // Not a statistic (`Min` is no minute here) nor a lone capital (`M`, `F`: sexes).
    let word = stat_label(bare).is_some() || matches!(bare, "M" | "F");
    // Nor a code of a capital and digits (`D1`, `H12`, `T3`: dogs, horses, tanks), which
    // the unit grammar would read as a unit with an exponent (a day to the first power).
    let code = bare.len() <= 5
        && bare.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && bare.len() > 1
        && bare[1..].chars().all(|c| c.is_ascii_digit());
    // Nor a name with its unit in brackets (`G (µg/mL)`, `H (mg/L)`: an abbreviated
    // analyte), however much of it the unit grammar would take for a product.
    let name_and_unit = name_with_unit(bare);
    (!bare.is_empty()
        && !looks_numeric(bare)
        && !numeral
        && !word
        && !code
        && !name_and_unit
        && Unit::parse(bare).is_ok())
    .then(|| bare.to_owned())
}

/// The unit after a label's name: its last parenthesised or bracketed part, or the part
/// after its last comma.
fn unit_after_label(label: &str) -> Option<String> {
    let inner = match crate::params::split_trailing_group(label) {
        // (A clause in brackets after the unit's comma: `Serum concentration, mg/L (time
        // after start of infusion)`.)
        (name, Some(group)) if Unit::parse(group.trim()).is_err() && group.contains(' ') => {
            match name.rfind(',').map(|i| name[i + 1..].trim()) {
                Some(unit) if Unit::parse(unit).is_ok() => unit,
                _ => group,
            }
        }
        (_, Some(group)) => group,
        (_, None) => match label.rfind(',') {
            Some(i) => &label[i + 1..],
            // (A unit on the header's second line, after a space: `Cmax ng/mL`, `tmax h`.)
            None => {
                let (name, unit) = crate::params::unit_after_space(label)?;
                crate::params::parameter_code(name, None)?;
                unit
            }
        },
    };
    // A footnote mark glued to the unit ("t1/2 (absorption), h*") is not part of it.
    let inner = inner.trim().trim_end_matches(crate::cell::MARK_SYMBOLS).trim_end();
    // (A time, `M1 (12 h)`, is no unit: a number of hours; nor a quantity, `Yes (20/day)`.)
    if inner.starts_with(|c: char| c.is_ascii_digit()) && labels::time_of(inner, None).is_some() || is_quantity(inner) {
        return None;
    }
    if Unit::parse(inner).is_ok() {
        return Some(inner.to_owned());
    }
    // Units for fluids and tissues at once (`ng/mL or ng/g`): each record takes its
    // specimen's ([`unit_of_specimen`]).
    if unit_alternatives(inner).is_some() {
        return Some(inner.to_owned());
    }
    let (unit, qualifier) = inner.rsplit_once(' ')?;
    (!matrices_in(qualifier).is_empty() && Unit::parse(unit.trim()).is_ok()).then(|| unit.trim().to_owned())
}

/// A unit in brackets inside a label, before the clause saying when (`X in milk (µg/kg)
/// after the last infusion`, `Plasma level (ng/mL) at steady state`).
fn unit_before_clause(label: &str) -> Option<String> {
    unit_and_clause(label).map(|(unit, _)| unit)
}

/// [`unit_before_clause`]'s unit and where its bracket opens.
fn unit_and_clause(label: &str) -> Option<(String, usize)> {
    // (Or what the columns are by: `Trough concentration (mg/L) by day of therapy`.)
    const WHEN: &[&str] = &["after", "following", "at", "on", "during", "post", "before", "from", "by"];
    label.match_indices('(').find_map(|(open, _)| {
        let close = open + label[open..].find(')')?;
        let unit = label[open + 1..close].trim();
        let rest = label[close + 1..].trim_start();
        // `... (µg/kg) after ...`, or a clause after a comma (`... (µg/kg), time after ...`).
        let next = rest.split_whitespace().next()?;
        let clause = WHEN.contains(&crate::fold::lower(next).as_str()) || rest.starts_with([',', ';']);
        // A unit of a quantity per another (`µg/kg`, `ng·mL−1`), not an abbreviation (`(G)`).
        let unit_like = unit.contains(['/', '·', '−']) || unit.chars().any(|c| c.is_ascii_digit());
        (clause && unit_like && Unit::parse(unit).is_ok()).then(|| (unit.to_owned(), open))
    })
}

/// Whether a label is a name with its unit in brackets (`G (µg/mL)`, `Serum concentration
/// (µg/L)`).
fn name_with_unit(label: &str) -> bool {
    matches!(crate::params::split_trailing_group(label), (name, Some(unit)) if !name.trim().is_empty() && Unit::parse(unit).is_ok())
}

/// `%` when a cell prints it right after its leading number (`89.4%`, `62 % (12)`), not
/// inside a spread (`845 (23%)` is a CV).
fn percent_after_value(cell: &str) -> Option<String> {
    let t = cell.trim_start();
    let number = t.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ','))).unwrap_or(t.len());
    (number > 0 && t[number..].trim_start().starts_with('%')).then(|| "%".to_owned())
}

/// A header comparing groups rather than naming one (`Test/Reference (%)`, `Fed/Fasted`,
/// `Point estimate`, `% Change`): its values are no value of the parameter above it.
fn is_comparison(label: &str) -> bool {
    let l = crate::fold::lower(label);
    l.contains('/')
        || l.contains('%')
        || crate::context::has_word(&l, &["change", "difference", "estimate", "ratio", "gmr", "vs", "versus"])
}

/// `Peak (mg/L)` and `Trough (mg/L)`: the peak and trough levels of therapeutic drug
/// monitoring, named with a concentration unit (a `Trough` time point has none), or bare
/// under a caption of peak and trough concentrations with its unit (`caption_unit`, given
/// only where the caption names peaks or troughs).
fn peak_or_trough(label: &str, caption_unit: Option<&str>) -> Option<Named> {
    let (name, _) = crate::params::split_trailing_group(label);
    let name = crate::fold::lower(name.split(',').next().unwrap_or(name).trim());
    // A heparin's activity after the word (`Peak anti-Xa activity`, `Trough anti-Xa level`).
    let name = crate::params::without_activity(&name).unwrap_or(&name);
    let code = match name {
        // With the words of German, French, Spanish, Italian, Portuguese and Dutch tables
        // (`Talspiegel`, `concentration résiduelle`, `valle`, `vale`, `dalspiegel`).
        "peak"
        | "peak level"
        | "peak levels"
        | "peaks"
        | "spitzenspiegel"
        | "spitzenkonzentration"
        | "pic"
        | "concentration au pic"
        | "pico"
        | "picco"
        | "piek"
        | "piekspiegel"
        | "piekconcentratie" => "CMAX",
        "trough"
        | "trough level"
        | "trough levels"
        | "troughs"
        | "talspiegel"
        | "talkonzentration"
        | "concentration résiduelle"
        | "taux résiduel"
        | "valle"
        | "concentración valle"
        | "concentrazione di valle"
        | "vale"
        | "dal"
        | "dalspiegel"
        | "dalconcentratie" => "CTROUGH",
        _ => return None,
    };
    // With a concentration unit in the label, or the caption's for a bare `Peak` or `Trough`
    // (`Serum peak and trough concentrations (mg/L)`).
    unit_in_label(label)
        .or_else(|| caption_unit.map(str::to_owned))
        .is_some_and(|u| is_concentration_unit(&u))
        .then_some(Named::Code(code))
}

/// A header row of one concentration unit under the sampling times (`0,25 | 0,5 | 1` over
/// `µg/ml | µg/ml | µg/ml`, the stub's header spanning both): the values' unit, as a caption
/// would give it. Takes the unit off the columns' paths, so that each ends with its time.
fn units_under_times(paths: &mut [Vec<String>]) -> Option<String> {
    let under: Vec<usize> = (0..paths.len()).filter(|&c| paths[c].len() >= 2).collect();
    let unit = paths.get(*under.first()?)?.last()?.trim().to_owned();
    let timed = |p: &Vec<String>| {
        let time = &p[p.len() - 2];
        looks_numeric(time) || labels::time_of(time, None).is_some()
    };
    let all = under.len() >= 2
        && under.iter().all(|&c| paths[c].last().is_some_and(|u| u.trim() == unit) && timed(&paths[c]))
        && bare_unit(&unit).is_some_and(|u| is_concentration_unit(&u));
    if !all {
        return None;
    }
    for &c in &under {
        paths[c].pop();
    }
    bare_unit(&unit)
}

/// A body row across the table that prints a concentration unit and nothing else (`ng/mL`
/// set right, in italics, over the rows): the unit of the table's concentrations, as a
/// caption's would be. Only the first row or the row under it (before any values).
fn spanning_unit_row(table: &Table) -> Option<String> {
    // (The row under the first only where the first holds no values: a title or a blank.)
    let valued = |cells: &[String]| cells.iter().any(|c| parse_cell(c).value.is_some());
    let rows = if table.body_rows.first().is_some_and(|r| valued(r)) { 1 } else { 2 };
    table.body_rows.iter().take(rows).find_map(|cells| bare_unit(row_text(cells)?).filter(|u| is_concentration_unit(u)))
}

/// A header row of units under the column headers that name subjects or specimens
/// (`Bella | Rocky` over `µg/mL | µg/mL`, `Time | Plasma | Saliva` over `h | µg/mL |
/// µg/mL`): each unit is its column's, written after the header above it as a unit label is
/// (`Bella (µg/mL)`), so that the header names the column whatever the row under it. Not
/// under parameters, times or statistics, which read their unit row already (`Cmax` over
/// `ng/mL`).
fn fold_unit_row(paths: &mut [Vec<String>], route_kind: Option<Route>) {
    let unit_under = |p: &Vec<String>| {
        let [above, unit] = p.as_slice() else { return None };
        bare_unit(unit).filter(|_| unit_in_label(above).is_none() && !above.trim().is_empty())
    };
    let under: Vec<usize> = (0..paths.len()).filter(|&c| unit_under(&paths[c]).is_some()).collect();
    // (Every column of the row a unit or blank, two units or more.)
    let row_of_units = under.len() >= 2
        && paths
            .iter()
            .all(|p| p.len() != 2 || unit_under(p).is_some() || p.last().is_some_and(|u| u.trim().is_empty()));
    // Over them names and statistics (`Bella | Max | Mean ± SD`), not parameters or times;
    // a name one at least.
    let above = |c: &usize| paths[*c][paths[*c].len() - 2].trim();
    let other = |c: &usize| {
        let above = above(c);
        parameter_code(above, route_kind).is_some()
            || labels::time_of(above, None).is_some()
            || looks_numeric(above)
            // (Subjects' ids read their unit row already: `Pt 1` over `(µg/mL)`.)
            || labels::subject_id(above).is_some()
    };
    let named = |c: &usize| stat_label(above(c)).is_none();
    if !row_of_units || under.iter().any(other) || !under.iter().any(named) {
        return;
    }
    for p in paths.iter_mut() {
        if p.len() == 2 && p.last().is_some_and(|u| u.trim().is_empty()) {
            p.pop();
        } else if let Some(unit) = unit_under(p) {
            p.pop();
            if let Some(above) = p.last_mut() {
                *above = format!("{} ({unit})", above.trim());
            }
        }
    }
}

/// A header row of the subjects' covariates under their ids (`C1 | C2` over `2.4 y | 3.1
/// y`, `P1` over `M, 62 kg`), as tables of individuals print each subject's age, sex or
/// weight below its code: the ids name the columns, the covariates are no part of them. Each
/// id over one covariate alone (not a subject spanning its times), two subjects or more.
fn drop_covariate_row(paths: &mut [Vec<String>]) {
    let under: Vec<usize> = (0..paths.len())
        .filter(|&c| {
            let [.., id, covariate] = paths[c].as_slice() else { return false };
            labels::is_covariate_value(covariate) && labels::subject_id(id).is_some()
        })
        .collect();
    let ids: Vec<&String> = under.iter().map(|&c| &paths[c][paths[c].len() - 2]).collect();
    let distinct = ids.iter().enumerate().all(|(k, id)| !ids[..k].contains(id));
    // (The whole row: every header of its own there a covariate, not `P | M` under times.)
    let whole_row = (0..paths.len()).all(|c| {
        let [.., above, last] = paths[c].as_slice() else { return true };
        above.trim() == last.trim() || last.trim().is_empty() || under.contains(&c)
    });
    // (Not weeks or months rising across the row, `V1 | V2 | V3` over `1 mo | 3 mo | 6 mo`:
    // visits and their times, where children's ages come in any order.)
    let numbers: Vec<f64> = under
        .iter()
        .filter_map(|&c| {
            let text = paths[c].last()?.trim();
            let end = text.find(|ch: char| !(ch.is_ascii_digit() || ch == '.')).unwrap_or(text.len());
            text[..end].parse::<f64>().ok()
        })
        .collect();
    let rising = numbers.len() == under.len() && numbers.windows(2).all(|w| w[0] < w[1]);
    let durations = under.iter().all(|&c| {
        let l = crate::fold::lower(paths[c].last().map_or("", String::as_str));
        ["wk", "week", "mo", "month"].iter().any(|u| l.contains(u))
    });
    if under.len() < 2 || !distinct || !whole_row || rising && durations {
        return;
    }
    for c in under {
        paths[c].pop();
    }
}

/// A header row of units under the column headers (`Time after dose` over `min`, `Pt 1` over
/// `mg/L`): there a time unit that is also a statistic's word (`min`, otherwise a column of
/// minima) is the unit it stands among, and is written in brackets as a unit label is.
fn minutes_in_a_unit_row(table: &Table, paths: &mut [Vec<String>]) {
    let [.., above, last] = table.header_rows.as_slice() else { return };
    let mut times = Vec::new();
    let mut units = 0;
    for (c, cell) in last.iter().enumerate() {
        let cell = cell.trim();
        // (Blank, or a header spanning both rows.)
        if cell.is_empty() || above.get(c).is_some_and(|a| a.trim() == cell) {
            continue;
        }
        if bare_unit(cell).is_some() {
            units += 1;
        } else if stat_label(cell).is_some() && is_time_unit(cell) {
            times.push(c);
        } else {
            return;
        }
    }
    if units == 0 {
        return;
    }
    for c in times {
        if let Some(label) = paths.get_mut(c).and_then(|p| p.last_mut()) {
            *label = format!("({})", label.trim());
        }
    }
}

/// Whether a unit is a time's (`h`, `days`, `min`).
fn is_time_unit(unit: &str) -> bool {
    Unit::parse(unit).is_ok_and(|u| convert(1.0, &u, Family::Time, None).is_ok())
}

/// Whether `at` starts a word of `text` (no letter or digit before it).
fn is_word_start(text: &str, at: usize) -> bool {
    !text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// The time unit the caption or footnote gives a column's values, in a sentence naming its
/// header (`Time since dose` over bare numbers; "Time since dose is given in minutes from the
/// end of the bolus").
fn unit_said_of(table: &Table, label: &str) -> Option<&'static str> {
    let label = crate::fold::lower(label.trim());
    if label.split_whitespace().count() < 2 {
        return None;
    }
    // (The sentence says the column is in the unit: `<header> is given in minutes`.)
    const SAID: &[&str] = &["is given in", "are given in", "is expressed in", "are expressed in", "is in", "are in"];
    [table.caption.as_deref(), table.footnote.as_deref()]
        .into_iter()
        .flatten()
        .flat_map(|notes| notes.split(['.', ';']))
        .find(|sentence| {
            let lower = crate::fold::lower(sentence);
            lower.find(&label).is_some_and(|at| {
                let rest = lower[at + label.len()..].trim_start();
                SAID.iter().any(|s| rest.starts_with(&format!("{s} ")))
            })
        })
        .and_then(labels::time_unit_in)
}

/// Whether a cell starts with a number (a value, perhaps with what follows it), not a word
/// or a dash of no sample.
fn looks_numeric_start(text: &str) -> bool {
    text.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// The sampling time a cell prints in brackets after its value, with its unit (`16.8 (2.1
/// h)`, `21.8 / (2 h)`, `<0.3 (23.5 h)`): a time of the value, not a spread.
fn time_in_cell(text: &str) -> Option<String> {
    let text = text.trim();
    let (value, rest) = text.split_once('(')?;
    let inner = rest.strip_suffix(')')?.trim();
    let value = value.trim().trim_end_matches('/').trim();
    // (With a footnote's mark after the number: `6.3a (2 h)`, `4.1* (1 h)`.)
    let value = value.trim_end_matches(crate::cell::MARK_SYMBOLS);
    let value = value.strip_suffix(crate::cell::is_mark_letter).unwrap_or(value);
    let numeric = value.trim_start_matches(['<', '>', '≤', '≥', ' ']);
    if numeric.is_empty() || !looks_numeric(numeric) || !inner.contains(char::is_alphabetic) {
        return None;
    }
    // (Or the sample before the dose: `12.2 (pre-dose)`.)
    if matches!(crate::fold::lower(inner).as_str(), "pre-dose" | "predose" | "pre dose" | "trough") {
        return Some("pre-dose".to_owned());
    }
    labels::time_of(inner, None).filter(|t| t.starts_with(|c: char| c.is_ascii_digit()))
}

/// The units of a text that gives several at once (`µg/mL; µg/g`, `ng/mL or ng/g`), as
/// printed and parsed; `None` unless it gives two or more, each a unit.
fn unit_alternatives(text: &str) -> Option<(Vec<&str>, Vec<Unit>)> {
    let parts: Vec<&str> = text.split(';').flat_map(|p| p.split(" or ")).map(str::trim).collect();
    let parsed: Vec<Unit> = parts.iter().filter_map(|p| Unit::parse(p).ok()).collect();
    (parts.len() >= 2 && parsed.len() == parts.len()).then_some((parts, parsed))
}

/// Of a unit printed for fluids and tissues at once (`µg/mL; µg/g`, `ng/mL or ng/g`), the
/// one a specimen is measured in: per volume for a fluid (plasma, milk, CSF, humours),
/// per mass for a tissue; of those, the first that `fits` the parameter (`Plasma (µg/mL;
/// µg·h/mL)`: an AUC's is the second). `None` when the unit is one, or the specimen unknown.
fn unit_of_specimen(unit: &str, matrix: Option<&str>, fits: &dyn Fn(&str) -> bool) -> Option<String> {
    let matrix = crate::fold::lower(matrix?);
    let (parts, parsed) = unit_alternatives(unit)?;
    const FLUIDS: &[&str] = &[
        "plasma",
        "serum",
        "blood",
        "milk",
        "urine",
        "fluid",
        "saliva",
        "bile",
        "humor",
        "humour",
        "tears",
        "effluent",
        "dialysate",
        "ultrafiltrate",
        "colostrum",
        "exudate",
        "lavage",
    ];
    let fluid = FLUIDS.iter().any(|f| matrix.contains(f));
    let of_specimen = |k: &usize| {
        if fluid { parsed[*k].dims.volume < 0 } else { parsed[*k].dims.tissue < 0 || parsed[*k].dims.body_weight < 0 }
    };
    // (A tissue's unit fits as its fluid's would, a gram of tissue for a millilitre: `µg·h/g`
    // is an AUC's as `µg·h/mL` is.)
    let as_fluid = |u: &str| u.replace("/kg", "/L").replace("/g", "/mL");
    let k = (0..parts.len())
        .filter(of_specimen)
        .find(|k| fits(parts[*k]))
        .or_else(|| (0..parts.len()).filter(of_specimen).find(|k| fits(&as_fluid(parts[*k]))))
        .or_else(|| (0..parts.len()).find(of_specimen))?;
    Some(parts[k].to_owned())
}

/// A label without the unit in brackets after it (`Bella (µg/mL)`: `Bella`) and without
/// what it says of the subject (`Bella (mare, 9 y)`: `Bella`); the label where it has
/// neither.
fn name_before_unit(label: &str) -> &str {
    let label = label.trim();
    let label = match label.strip_suffix(')').and_then(|l| l.rsplit_once('(')) {
        Some((name, unit)) if !name.trim().is_empty() && bare_unit(unit).is_some() => name.trim_end(),
        _ => label,
    };
    // And before what it says of the animal or person (`Bella (mare, 9 y)`, `Duke (gelding,
    // 12 years)`, `Kanya (F, 34 kg)`): its sex, age or weight.
    match label.strip_suffix(')').and_then(|l| l.rsplit_once('(')) {
        Some((name, about)) if !name.trim().is_empty() && describes_a_subject(about) => name.trim_end(),
        _ => label,
    }
}

/// Whether a bracket says only an animal's or a person's sex, age or weight (`mare, 9 y`,
/// `M, 42 years`, `gelding`).
fn describes_a_subject(about: &str) -> bool {
    const SEXES: &[&str] = &[
        "m",
        "f",
        "male",
        "female",
        "mare",
        "gelding",
        "stallion",
        "colt",
        "filly",
        "bitch",
        "dog",
        "queen",
        "tom",
        "castrated",
        "spayed",
        "neutered",
        "intact",
        "cow",
        "bull",
        "steer",
        "heifer",
        "ewe",
        "ram",
        "wether",
        "boar",
        "sow",
        "gilt",
        "barrow",
        "man",
        "woman",
        "boy",
        "girl",
    ];
    let parts: Vec<String> = crate::fold::lower(about).split([',', ';']).map(|p| p.trim().to_owned()).collect();
    !parts.is_empty()
        && parts.iter().all(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            match words.as_slice() {
                // (An age or weight run together, `9y`, `34kg`; not a count, `(12)`.)
                [w] => {
                    SEXES.contains(w)
                        || ["y", "yo", "yr", "kg", "mo"]
                            .iter()
                            .any(|u| w.strip_suffix(u).is_some_and(|n| !n.is_empty() && n.parse::<f64>().is_ok()))
                }
                [number, unit] => {
                    number.parse::<f64>().is_ok()
                        && matches!(
                            *unit,
                            "y" | "yr" | "yrs" | "year" | "years" | "mo" | "months" | "kg" | "weeks" | "wk"
                        )
                }
                _ => false,
            }
        })
}

/// Whether a label names nothing a table is about (a drug, specimen, route, parameter or
/// time), as a subject's name does.
fn names_none_of_the_table(label: &str) -> bool {
    drug_in(label).is_none()
        && matrices_in(label).is_empty()
        && route_of(label).is_none()
        && named(label, None).is_none()
        && labels::time_of(label, None).is_none()
}

/// A name as tables print an animal's or a person's: one capitalised word of three letters
/// or more (`Bella`, `Kanya`).
fn capitalised_name(label: &str) -> bool {
    let label = label.trim();
    // (Or two or three such words: a horse's `Storm Cat`.)
    let word = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && w.chars().count() >= 2 && chars.all(char::is_lowercase)
    };
    let words: Vec<&str> = label.split(' ').collect();
    label.chars().count() >= 3 && words.len() <= 3 && words.iter().all(|w| word(w))
}

/// Whether a unit measures what a family does: converts into it (a molar unit given some
/// molecular weight), or, in international units, stands for its mass (`IU/mL` of anti-Xa
/// activity as a concentration).
fn unit_measures(unit: &Unit, family: Family) -> bool {
    convert(1.0, unit, family, Some(300.0)).is_ok() || activity_family(unit) == Some(family)
}

/// Whether a unit measures a concentration (mass, amount or activity in international units
/// per volume or per tissue mass: `ng/mL`, `µmol/L`, `IU/mL` of anti-Xa activity).
fn is_concentration_unit(unit: &str) -> bool {
    Unit::parse(unit).is_ok_and(|u| {
        let d = u.dims;
        let mut quantity = [d.mass, d.amount, d.activity];
        quantity.sort_unstable();
        // (Or an amount per cells counted, as intracellular anabolites are: `fmol/10^6 cells`.)
        let per = d.volume == -1 || d.tissue == -1 || d.cells == -1 && d.amount == 1;
        quantity == [0, 0, 1] && per && d.time == 0 && d.body_weight == 0
    })
}

/// What a row stub or column header names.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Named {
    /// A parameter with a canonical code.
    Code(&'static str),
    /// A PK parameter that is ambiguous here (`AUC`, `Vd`, `MRT`): its records carry a
    /// null code, with the unit family `(plain, per body weight)` for conversion.
    Ambiguous(Family, Family),
}

impl Named {
    fn code(self) -> Option<&'static str> {
        match self {
            Named::Code(c) => Some(c),
            Named::Ambiguous(..) => None,
        }
    }

    /// An area under the curve named without its span (`AUC`): which area, not whether one.
    fn is_area(&self) -> bool {
        matches!(self, Named::Ambiguous(Family::Auc, _))
    }
}

/// Whether a cell reads as a number (a value, not a name): no parameter name starts with
/// a digit, a sign or a decimal point, so these skip the name lookup.
/// The statistic label a body cell prints (`Mean`, `95% CI`), asked only of cells with a
/// word in them, as every label has: a body cell's numbers are new text in every table and
/// would each miss [`stat_label`]'s cache.
fn cell_stat_label(text: &str) -> Option<StatLabel> {
    if text.chars().any(char::is_alphabetic) { stat_label(text.trim()) } else { None }
}

fn looks_numeric(text: &str) -> bool {
    text.trim_start().starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '−' | '.' | '<' | '>' | '±'))
}

fn named(text: &str, route: Option<Route>) -> Option<Named> {
    if looks_numeric(text) {
        return None;
    }
    let text = without_statistic_clause(text);
    parameter_code(text, route)
        .map(Named::Code)
        .or_else(|| ambiguous_family(text).map(|(a, b)| Named::Ambiguous(a, b)))
        // (A parameter of the unbound drug, `Cmax,u`, `Unbound AUC0–∞`: the parameter's code;
        // the record names the analyte unbound.)
        .or_else(|| parameter_code(&without_unbound(text)?, route).map(Named::Code))
        // (Or of the total drug, or of whose the sample is: `Cmax, total (µg/mL)`, `Maternal
        // Cmax (µg/mL)`; the label's population is the record's, as for any label.)
        .or_else(|| parameter_code(&without_total_or_whose(text)?, route).map(Named::Code))
        // (A parameter of the compound named after a comma, `Cmax, metabolite M1`, `AUC0–∞,
        // tizoprazine`: the parameter's code; the record names the compound its analyte.)
        .or_else(|| parameter_code(&compound_after_comma(text)?.0, route).map(Named::Code))
}

/// Whether the text after an analyte's comma is the unit of its levels (`ng/mL`, `µg/g`,
/// `nmol/L`): a concentration's, not a letter the unit grammar also reads (`S`, `d`, `l`,
/// the enantiomers' and isomers' letters).
fn analyte_unit(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() >= 2 && is_concentration_unit(t)
}

/// The activity a lower-case label names a heparin's level by (`anti-Xa (IU/mL)`, `Peak
/// anti-factor Xa activity`, `Trough anti-IIa`).
fn heparin_activity(lower: &str) -> Option<&'static str> {
    if crate::context::has_word(lower, &["anti-xa", "anti-fxa", "anti-factor xa", "antixa"]) {
        Some("anti-Xa activity")
    } else if crate::context::has_word(lower, &["anti-iia", "anti-factor iia", "antiiia"]) {
        Some("anti-IIa activity")
    } else {
        None
    }
}

/// Whether `metabolite` (lower case) is named after `parent` (lower case) by the
/// nomenclature of drug metabolism: a reaction before it (`desethyl-x`) or a product after
/// it (`x-10,11-epoxide`, `x glucuronide`).
fn named_after_parent(metabolite: &str, parent: &str) -> bool {
    metabolite.len() > parent.len()
        && (metabolite.ends_with(parent)
            || metabolite.strip_prefix(parent).is_some_and(|rest| rest.starts_with(['-', ' '])))
}

/// Words that qualify a parameter after a comma without naming a compound (`CL, renal`,
/// `Cmax, fasted`, `AUC, total`).
const QUALIFIER_WORDS: &[&str] = &[
    "renal",
    "hepatic",
    "nonrenal",
    "total",
    "terminal",
    "apparent",
    "observed",
    "predicted",
    "extrapolated",
    "normalized",
    "normalised",
    "corrected",
    "fasted",
    "fasting",
    "fed",
    "unbound",
    "free",
    "bound",
    "plasma",
    "serum",
    "blood",
    "urine",
    "single",
    "multiple",
    "steady",
    "steady-state",
    "males",
    "females",
    "male",
    "female",
    "adults",
    "children",
    "elderly",
    "healthy",
    "patients",
    "overall",
    "pooled",
    "combined",
];

/// A parameter's label that names its compound after a comma (`Cmax, metabolite M1`,
/// `AUC0–∞, tizoprazine`, `t½, parent drug`, `Cmax, N-desmethyl-X (ng/mL)`): the label
/// without it (its unit kept) and the compound, `None` for the parent drug named so.
/// The compound is a metabolite by nomenclature or code (`M1`), `metabolite` and its name,
/// or one word of a drug's name.
fn compound_after_comma(label: &str) -> Option<(String, Option<String>)> {
    compound_after_comma_by(label, &|_| false)
}

/// [`compound_after_comma`], a one-word tail also a compound where `known` says so (the
/// table's study drug, named in its caption).
fn compound_after_comma_by(label: &str, known: &dyn Fn(&str) -> bool) -> Option<(String, Option<String>)> {
    let (name, unit) = crate::params::split_trailing_group(label);
    let Some((head, tail)) = name.rsplit_once(',') else {
        return compound_before(name, unit);
    };
    let (head, tail) = (head.trim(), tail.trim());
    if head.is_empty() || head.contains(['(', '[']) != head.contains([')', ']']) {
        return None;
    }
    let lower = crate::fold::lower(tail);
    let compound = if matches!(lower.as_str(), "parent" | "parent drug" | "parent compound") {
        None
    } else if let Some(named) = lower.strip_prefix("metabolite ").map(|_| tail["metabolite ".len()..].trim()) {
        Some(named.to_owned()).filter(|n| !n.is_empty() && !n.contains(' '))?.into()
    } else if metabolite_in(tail).is_some()
        || !tail.contains(' ') && crate::context::drug_name_in(tail).is_some_and(|(d, _)| d == lower)
        || !tail.contains(' ') && known(tail)
    {
        Some(tail.to_owned())
    } else {
        return None;
    };
    let head = match unit {
        Some(u) => format!("{head} ({u})"),
        None => head.to_owned(),
    };
    Some((head, compound))
}

/// A parameter named after the compound it is of, a metabolite by its nomenclature
/// (`N-desmethyl-X Cmax (ng/mL)`, `Articainic acid AUC0–∞`): the parameter's label with
/// its unit, and the compound.
fn compound_before(name: &str, unit: Option<&str>) -> Option<(String, Option<String>)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..words.len()).find_map(|k| {
        let compound = words[..k].join(" ");
        let head = words[k..].join(" ");
        (metabolite_in(&compound).is_some_and(|m| m.eq_ignore_ascii_case(&compound))
            && parameter_code(&head, None).is_some())
        .then(|| {
            let head = match unit {
                Some(u) => format!("{head} ({u})"),
                None => head,
            };
            (head, Some(compound))
        })
    })
}

/// A parameter's label without the mark that it is of the unbound drug (`Cmax,u (ng/mL)`,
/// `AUC0–∞,u`, `Cmax,free`, `Unbound Cmax`, `Free AUC`): the label of the same parameter,
/// the unit kept; `None` where it carries no such mark.
fn without_unbound(label: &str) -> Option<String> {
    let (name, unit) = crate::params::split_trailing_group(label);
    let name = name.trim();
    let ends = |m: &&str| {
        let at = name.len().checked_sub(m.len())?;
        (name.is_char_boundary(at) && name[at..].eq_ignore_ascii_case(m)).then(|| &name[..at])
    };
    let starts = |m: &&str| {
        (name.is_char_boundary(m.len().min(name.len())) && name.get(..m.len())?.eq_ignore_ascii_case(m))
            .then(|| &name[m.len()..])
    };
    // (Or a `u` subscript right after the symbol, before its interval or `/F`: `AUCu,0–∞`,
    // `AUCu0–24`, `CLu/F`, `Cu,max`.)
    let subscript = || {
        ["AUC", "CL", "C"].iter().find_map(|symbol| {
            let rest = name.strip_prefix(symbol)?.strip_prefix('u')?;
            let rest = match rest.strip_prefix(',') {
                Some(after) if *symbol == "C" => after,
                Some(after) => return Some(format!("{symbol},{after}")),
                None => rest,
            };
            (rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '/' | ' ' | 'm')))
                .then(|| format!("{symbol}{rest}"))
        })
    };
    // (Or an `f` before the symbol, the free drug's: `fCmax`, `fAUC0–8`, `fCmin`; not `fe`,
    // the fraction excreted.)
    let free_prefix = || {
        let rest = name.strip_prefix('f')?;
        ["AUC", "C"].iter().any(|symbol| rest.starts_with(symbol)).then(|| rest.to_owned())
    };
    let bare: String = match [",u", ", u", ",unbound", ", unbound", ",free", ", free", ",unb"]
        .iter()
        .find_map(ends)
        .or_else(|| ["unbound ", "free "].iter().find_map(starts))
    {
        Some(bare) => bare.to_owned(),
        None => subscript().or_else(free_prefix)?,
    };
    Some(with_unit(&bare, unit))
}

/// A label's name with its unit in brackets after it again, as [`split_trailing_group`]
/// took it off (`Cmax` and `ng/mL`: `Cmax (ng/mL)`).
///
/// [`split_trailing_group`]: crate::params::split_trailing_group
fn with_unit(name: &str, unit: Option<&str>) -> String {
    match unit {
        Some(u) => format!("{} ({u})", name.trim()),
        None => name.trim().to_owned(),
    }
}

/// A parameter's label without the mark that it is of the total drug (`Cmax, total`,
/// `Total AUC0–∞`) or the word saying whose sample it is (`Maternal Cmax`, `Fetal AUC`,
/// `Neonatal t½`): the label of the same parameter, the unit kept; `None` where it carries
/// neither.
fn without_total_or_whose(label: &str) -> Option<String> {
    let (name, unit) = crate::params::split_trailing_group(label);
    let name = name.trim();
    let lower = crate::fold::lower(name);
    let cut = [",total", ", total", ",tot", " (total)"]
        .iter()
        .find_map(|m| lower.strip_suffix(m).map(|_| &name[..name.len() - m.len()]))
        .or_else(|| {
            ["total ", "maternal ", "fetal ", "foetal ", "neonatal ", "infant ", "paternal "]
                .iter()
                .find_map(|m| lower.strip_prefix(m).map(|_| &name[m.len()..]))
        })?;
    // (Both: `Maternal Cmax, total`; or whose and unbound, `Maternal Cmax, unbound`.)
    let cut = without_total_or_whose(cut).or_else(|| without_unbound(cut)).unwrap_or_else(|| cut.trim().to_owned());
    Some(with_unit(&cut, unit))
}

/// Whether a parameter's label marks it as of the unbound drug ([`without_unbound`]) and
/// reads as a parameter so.
fn unbound_parameter(label: &str) -> bool {
    parameter_code(label, None).is_none()
        && without_unbound(label).is_some_and(|bare| {
            parameter_code(&bare, None).is_some()
                || without_total_or_whose(&bare).is_some_and(|bare| parameter_code(&bare, None).is_some())
        })
}

/// Header words a footnote letter is often glued to (`Collection timea`, `Historical
/// dataa`): a letter is taken for a mark only after a word it cannot end (`Dose` keeps its
/// `e`).
const GLUED_MARK_WORDS: &[&str] = &[
    "time",
    "data",
    "dose",
    "doses",
    "value",
    "values",
    "group",
    "groups",
    "level",
    "levels",
    "concentration",
    "concentrations",
    "ratio",
    "ratios",
    "mean",
    "median",
    "range",
    "weight",
    "age",
    "infant",
    "infants",
    "mother",
    "mothers",
    "patient",
    "patients",
    "subject",
    "subjects",
    "total",
    "plasma",
    "serum",
    "milk",
    "blood",
    "urine",
    "parameters",
    "parameter",
    "dosage",
    "interval",
    "day",
    "days",
    "week",
    "weeks",
    "sample",
    "samples",
    "peak",
    "trough",
];

/// Symbols whose subscript letter is part of the name, as pharmacokinetics prints them,
/// those whose letter could be a footnote mark (`a` to `h`): the fractions absorbed,
/// excreted and bound (`Fa`, `fe`, `fb`), rate constants (`ka`, `ke`, `kd`), clearances
/// (`CLd`, `CLh`, `CLb`) and volumes (`Vc`, `Vd`, `Vb`, `Ve`). A footnote letter glued after
/// one or two letters is cut only from other symbols (`Fc` where a note defines `c` is `F`).
const SUBSCRIPTED_SYMBOLS: &[&str] = &["fa", "fe", "fb", "ka", "ke", "kd", "cld", "clh", "clb", "vc", "vd", "vb", "ve"];

/// The footnote marks glued to a label (`tmax (h)*`, `Cmax1 (µg/L)`, `Collection timea`)
/// that the table's notes define, and the label without them.
fn label_marks(label: &str, notes: &[(String, String)]) -> (String, Vec<String>) {
    let mut marks = Vec::new();
    let mut clean = String::with_capacity(label.len());
    let chars: Vec<char> = label.chars().collect();
    let defined = |c: char| {
        notes.iter().any(|(k, _)| {
            let mut it = k.chars();
            it.next() == Some(c) && it.next().is_none()
        })
    };
    // The last character before the current one that is not a letter: the current word
    // starts after it.
    let mut last_non_letter: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        let word_start = last_non_letter.map_or(0, |p| p + 1);
        if !c.is_alphabetic() {
            last_non_letter = Some(i);
        }
        let next = chars.get(i + 1);
        // A symbol at a word's end is a mark; between letters (`h*µg/mL`) it multiplies.
        if crate::cell::MARK_SYMBOLS.contains(&c) && next.is_none_or(|n| !n.is_alphanumeric()) {
            if notes.is_empty() || defined(c) {
                marks.push(c.to_string());
            }
            continue;
        }
        // A letter or digit glued to the end of a word, where a note defines that mark:
        // "Maximum1", "Caverage2", "timea" (the word without it at least three letters,
        // so "V1" and "Ka" stay names). The word is looked up last: most characters fail
        // the cheap tests before it.
        let word_end = next.is_none_or(|n| !n.is_alphanumeric());
        // A letter right after the unit's closing bracket at the label's end, `Tmax (h)a`
        // (`Tmax (h)<sup>a</sup>`): where the mark is set after the unit, it glues to no
        // word. A mark when a note defines it, or when the table has no keyed notes.
        // (Or after a percent sign, the unit after a comma: `fu, %a`, `fu, %<sup>a</sup>`.)
        let after_bracket = i > 0 && matches!(chars[i - 1], ')' | ']' | '%');
        if word_end && after_bracket && c.is_ascii_lowercase() && (notes.is_empty() || defined(c)) {
            marks.push(c.to_string());
            continue;
        }
        // Or after a heparin's activity, where a note defines it: `Anti-Xab`
        // (`Anti-Xa<sup>b</sup>`).
        if word_end && c.is_ascii_lowercase() && defined(c) && {
            let token: String = chars[..i].iter().rev().take_while(|c| !c.is_whitespace()).collect();
            let token: String = token.chars().rev().collect::<String>().to_lowercase();
            matches!(token.as_str(), "anti-xa" | "anti-iia" | "anti-fxa")
        } {
            marks.push(c.to_string());
            continue;
        }
        // Or after initials' last point, where a note defines it: `A.B.a` (`A.B.<sup>a</sup>`).
        let after_initials = i > 1 && chars[i - 1] == '.' && chars[i - 2].is_uppercase();
        if word_end && after_initials && c.is_ascii_lowercase() && defined(c) {
            marks.push(c.to_string());
            continue;
        }
        if word_end && (c.is_ascii_digit() || c.is_ascii_lowercase()) && i - word_start >= 3 && defined(c) && {
            let word: String = chars[word_start..i].iter().collect::<String>().to_lowercase();
            c.is_ascii_digit() || GLUED_MARK_WORDS.contains(&word.as_str()) || parameter_code(&word, None).is_some()
        } {
            marks.push(c.to_string());
            continue;
        }
        clean.push(c);
    }
    let mut clean = crate::fold::squeeze(&clean);
    // A mark the superscript set apart inside a header after an id or number, more of the
    // header after it (`Patient II-2<sup>a</sup><br/>CYP2D6*4/*4`, printed `Patient II-2 a
    // CYP2D6*4/*4`), where a note defines it.
    if !notes.is_empty() && clean.contains(' ') {
        let words: Vec<&str> = clean.split(' ').collect();
        let inner = (1..words.len().saturating_sub(1)).find(|&k| {
            let [c] = words[k].as_bytes() else { return false };
            crate::cell::is_mark_letter(*c as char)
                && defined(*c as char)
                && words[k - 1].ends_with(|p: char| p.is_ascii_digit() || matches!(p, ')' | ']'))
        });
        if let Some(k) = inner {
            marks.push(words[k].to_owned());
            clean = words.iter().enumerate().filter(|(i, _)| *i != k).map(|(_, w)| *w).collect::<Vec<_>>().join(" ");
        }
    }
    // A mark the superscript set apart (`Dafrepant alone<sup>a</sup>` is `Dafrepant alone
    // a`, `C<sub>max</sub><sup>b</sup> (ng/mL)` is `Cmax b (ng/mL)`): a lone letter from `a`
    // to `h` ending the name, where a note defines it or the table has no keyed notes, or a
    // lone digit a note defines (`Relative bioavailability (%) 1`).
    if marks.is_empty() {
        let name_end = match crate::params::split_trailing_group(&clean) {
            (name, Some(_)) => name.trim_end().len(),
            _ => clean.len(),
        };
        // Not a unit after its comma (`t1/2, h`), nor, where no note defines it, a letter
        // that is a unit (`d`, `g`, `h`).
        if let Some((before, last)) = clean[..name_end].rsplit_once(' ')
            && let [c] = last.as_bytes()
            && (crate::cell::is_mark_letter(*c as char)
                && (defined(*c as char) || notes.is_empty() && !matches!(c, b'd' | b'g' | b'h'))
                // A digit only after a unit in brackets (`F (%) 1`): `Day 1`, `Patient 3`
                // keep their numbers.
                || (b'1'..=b'9').contains(c) && defined(*c as char) && before.trim_end().ends_with([')', ']']))
            && !before.trim().is_empty()
            && !before.trim_end().ends_with(',')
        {
            marks.push((*c as char).to_string());
            clean = crate::fold::squeeze(&format!("{before}{}", &clean[name_end..]));
        }
    }
    // A letter a note defines, set after a unit or a suffix (`Tmax, ha`, `Cmin,ssa (ng/mL)`),
    // where the label without it names a parameter and with it names none.
    if marks.is_empty() {
        // The letter ends the label, or the name before its unit in brackets.
        // (Or before its unit after a comma: `Fc, %`.)
        let name_end = match crate::params::split_trailing_group(&clean) {
            (name, Some(_)) => name.len(),
            _ => match clean.rsplit_once(',') {
                Some((name, unit)) if Unit::parse(unit.trim()).is_ok() => name.trim_end().len(),
                _ => clean.len(),
            },
        };
        let name = &clean[..name_end];
        // The letters the mark is glued to: three or more (`Tmaxa`), a unit or suffix set
        // apart from the name (`Tmax, ha`, `Cmin,ssa`), or one or two (`F<sup>c</sup>`
        // printed `Fc`) unless the word is a symbol with its own subscript (`Fa`, `CLd`,
        // `Kd` stay names: [`SUBSCRIPTED_SYMBOLS`]).
        let run = name.chars().rev().skip(1).take_while(|c| c.is_alphabetic()).count();
        let set_apart = name.chars().rev().nth(run + 1).is_some_and(|c| matches!(c, ',' | ' ' | ';'));
        let word = name.rsplit([' ', ',', ';']).next().unwrap_or(name);
        let symbol = run <= 2 && !SUBSCRIPTED_SYMBOLS.contains(&crate::fold::lower(word).as_str());
        if let Some(c) = name.chars().last().filter(|c| crate::cell::is_mark_letter(*c))
            && defined(c)
            && run > 0
            && (run >= 3 || set_apart || symbol)
        {
            let without = format!("{}{}", &clean[..name_end - 1], &clean[name_end..]);
            let named = |l: &str| parameter_code(l, None).is_some() || crate::params::ambiguous_class(l).is_some();
            if named(&without) && !named(&clean) {
                marks.push(c.to_string());
                clean = without;
            }
        }
    }
    // A note on the label that names its apparent form for some groups (`CL<sup>a</sup>`
    // with "a CL for the IV group; CL/F for the SC groups"): the label names the pair,
    // `CL (CL/F)`, and each group's route picks one (`crate::params`).
    let (name, unit) = if marks.is_empty() { ("", None) } else { crate::params::split_trailing_group(&clean) };
    let name = name.trim();
    // Only a name alone or with its unit (`CL (total)` is another name).
    if !name.is_empty() && !name.contains('/') && unit.is_none_or(|u| Unit::parse(u).is_ok()) {
        let apparent = crate::fold::lower(&format!("{name}/F"));
        let mentions = |note: &str| {
            let note = crate::fold::lower(note);
            note.match_indices(&apparent).any(|(at, _)| {
                let before = note[..at].chars().next_back();
                let after = note[at + apparent.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
            })
        };
        if marks.iter().any(|m| notes.iter().any(|(k, text)| k == m && mentions(text))) {
            let unit = unit.map(|u| format!(" ({u})")).unwrap_or_default();
            clean = format!("{name} ({name}/F){unit}");
        }
    }
    (clean, marks)
}

/// An empty cell, as `parse_cell` reads it.
fn blank_cell() -> &'static CellValue {
    static BLANK: std::sync::LazyLock<CellValue> = std::sync::LazyLock::new(|| parse_cell(""));
    &BLANK
}

/// Abbreviations the caption or footnote defines for analytes and specimens, with a unit
/// when one follows: `venlafaxine (V; (μg/L))` and `O-desmethylvenlafaxine (ODV)` in a
/// caption, `ODV, O-desmethylvenlafaxine` or `V = venlafaxine` in a footnote.
fn abbreviations(text: &str) -> Vec<(String, String, Option<String>)> {
    let mut out: Vec<(String, String, Option<String>)> = Vec::new();
    // (Up to twelve characters: a metabolite's with its locant, `7-Amino-BZ`.)
    let is_abbr = |a: &str| {
        let a = a.trim();
        !a.is_empty()
            && a.len() <= 12
            && a.chars().any(|c| c.is_uppercase())
            && a.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    // A metabolite by its nomenclature (`OH-B, 4-hydroxybutorphanol`) before the parent
    // drug its name contains.
    // The parents of the metabolites the text names (`desacetylgabapentin` names
    // `gabapentin` a drug, known to the vocabulary or not).
    // (A comma between locants is no separator: `X-10,11-epoxide`.)
    let words = |t: &'_ str| -> Vec<String> {
        let t: String = t
            .char_indices()
            .map(|(i, c)| {
                let locants = c == ','
                    && t[..i].ends_with(|p: char| p.is_ascii_digit())
                    && t[i + 1..].starts_with(|n: char| n.is_ascii_digit());
                if locants { '\u{1}' } else { c }
            })
            .collect();
        t.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '='))
            .filter(|w| !w.is_empty())
            .map(|w| w.replace('\u{1}', ","))
            .collect()
    };
    let parents: Vec<String> =
        words(text).iter().filter_map(|w| metabolite_in(w)).map(|m| crate::fold::lower(&m)).collect();
    // (The parent's name begins a metabolite's named by its reaction after it, `X-10,11-epoxide`,
    // `X glucuronide`, or ends one named before it, `desethyl-X`.)
    let parent = |w: &str| {
        let lower = crate::fold::lower(w);
        (lower.len() >= 5
            && lower.chars().all(char::is_alphabetic)
            && parents.iter().any(|m| named_after_parent(m, &lower)))
        .then_some(lower)
    };
    // A parameter's definition names no analyte or specimen, whatever its words
    // (`Cmax, maximum plasma concentration`, `AUCinf, area under the plasma
    // concentration-time curve`): it is a quantity, which an analyte's or specimen's name
    // never is.
    const QUANTITY_WORDS: &[&str] = &[
        "concentration",
        "concentrations",
        "curve",
        "area",
        "clearance",
        "volume",
        "time",
        "rate",
        "constant",
        "half-life",
        "ratio",
        "amount",
        "level",
        "levels",
        "residence",
        "exposure",
        // `RID, relative infant dose (assuming milk intake of 0.15 L/kg/day)`: a dose, not
        // the milk its definition mentions.
        "dose",
        "doses",
    ];
    let names = |w: &str| {
        let lower = crate::fold::lower(w);
        if parameter_code(w, None).is_some() || crate::context::has_word(&lower, QUANTITY_WORDS) {
            return None;
        }
        metabolite_in(w)
            // A known one (`O-desmethylvenlafaxine`) by its vocabulary name.
            .map(|m| known_metabolite(&m).map_or(m, |d| d.name.to_owned()))
            .or_else(|| drug_in(w).map(|d| d.name.to_owned()))
            // A drug the vocabulary does not hold, by its name's stem (`tobramycin (T)`).
            .or_else(|| crate::context::drug_like_in(w))
            .or_else(|| parent(w))
            // (Not a specimen only a remark in brackets after the definition names: "FF,
            // follicular fluid from the first follicle (blood-stained samples discarded)".)
            .or_else(|| {
                let before_remark = w.split_once(" (").map_or(w, |(head, _)| head);
                matrices_in(before_remark)
                    .first()
                    .copied()
                    .or_else(|| matrices_in(w).first().copied())
                    .map(str::to_owned)
            })
            // (A radiolabelled drug's total radioactivity is an analyte too: `TRA, total
            // radioactivity by liquid scintillation counting`.)
            .or_else(|| lower.starts_with("total radioactivity").then(|| "total radioactivity".to_owned()))
            // (The parent drug by the word `unchanged`: `Parent, unchanged X by LC-MS/MS`.)
            .or_else(|| {
                let name = lower.strip_prefix("unchanged ")?.split_whitespace().next()?;
                let name = name.trim_matches(|c: char| !c.is_alphanumeric());
                (name.chars().count() >= 4 && name.chars().all(|c| c.is_alphabetic() || c == '-'))
                    .then(|| name.to_owned())
            })
    };
    // "name (ABBR" with an optional "; (unit)" before the closing parenthesis.
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let before = &rest[..open];
        let inside_end = rest[open..].find(')').map_or(rest.len(), |e| open + e);
        let inside = &rest[open + 1..inside_end.min(rest.len())];
        let (abbr, unit) = match inside.split_once(';') {
            Some((a, u)) => (a, Some(u.trim().trim_start_matches('(').trim())),
            None => (inside, None),
        };
        let before_words = words(before);
        let name_word = before_words.last().map_or("", String::as_str);
        // (Or the last two words, a specimen's name: `alveolar macrophage (AM)`; or an acid's,
        // `mycoferolic acid (MFA)`.)
        let two_words = || {
            let words: Vec<&str> = before.split_whitespace().collect();
            let [.., a, b] = words.as_slice() else { return None };
            let pair = format!("{a} {b}");
            let acid = crate::fold::lower(b) == "acid"
                && a.len() >= 6
                && a.ends_with("ic")
                && a.chars().all(|c| c.is_alphabetic() || c == '-');
            matrices_in(&pair)
                .first()
                .filter(|m| m.contains(' '))
                .map(|m| (*m).to_owned())
                .or_else(|| acid.then(|| crate::fold::lower(&pair)))
        };
        if is_abbr(abbr)
            && let Some(name) = names(name_word).or_else(two_words)
            && !out.iter().any(|(a, _, _)| a == abbr.trim())
        {
            let unit = unit.filter(|u| Unit::parse(u).is_ok()).map(str::to_owned);
            out.push((abbr.trim().to_owned(), name, unit));
        }
        rest = &rest[open + 1..];
    }
    // "ABBR, name" / "ABBR = name" / "ABBR: name" pairs, separated by ";" or ".".
    // (A shortened word keeps its point before the comma: "Vent., ventricular CSF", the
    // pair of `Vent`; [`Reader::abbreviation`] finds `Vent.` by it.)
    let shortened: String;
    let text = if text.contains(".,") {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find(".,") {
            let word = rest[..at].rsplit(|c: char| c.is_whitespace() || c == ';').next().unwrap_or_default();
            out.push_str(&rest[..at]);
            if !is_abbr(word) {
                out.push('.');
            }
            rest = &rest[at + 1..];
        }
        out.push_str(rest);
        shortened = out;
        shortened.as_str()
    } else {
        text
    };
    for part in text.split([';', '.']) {
        let part = part.trim();
        let split = part.split_once(',').or_else(|| part.split_once('=')).or_else(|| part.split_once(':'));
        // (After the note's mark: "ᵃVAMS, volumetric absorptive microsample of capillary
        // whole blood", printed `a VAMS, ...`.)
        let split = split.map(|(abbr, name)| {
            let abbr = abbr.trim();
            let unmarked = abbr
                .split_once(' ')
                .filter(|(mark, _)| {
                    let mut c = mark.chars();
                    c.next().is_some_and(|m| crate::cell::is_mark_letter(m) || crate::cell::MARK_SYMBOLS.contains(&m))
                        && c.next().is_none()
                })
                .map_or(abbr, |(_, rest)| rest);
            (unmarked, name)
        });
        if let Some((abbr, name)) = split
            && is_abbr(abbr)
            // (Or the name before a qualifier in brackets: `P, X (parent drug)`.)
            && let Some(named) =
                names(name.trim()).or_else(|| names(crate::params::split_trailing_group(name).0.trim()))
            && !out.iter().any(|(a, _, _)| a == abbr.trim())
        {
            // (With the unit its values are in, last in brackets: `TRA, total radioactivity
            // (ng-eq/mL)`.)
            let unit = name
                .trim_end()
                .strip_suffix(')')
                .and_then(|n| n.rsplit_once('('))
                .map(|(_, u)| u.trim())
                .filter(|u| is_concentration_unit(u))
                .map(str::to_owned);
            out.push((abbr.trim().to_owned(), named, unit));
        }
    }
    out
}

/// What a body row holds, read from its stub (and, for sections, its other cells).
#[derive(Debug, Clone, PartialEq)]
enum RowKind {
    /// A full-width label (an analyte, a dose group, a subject), with the counts its cells
    /// print (`EI | N = 28 | N = 26`).
    Section(String, Vec<Option<u32>>),
    /// A statistic line: `Mean`, `SD`, `Median (range)`.
    Stat(StatLabel),
    /// One subject's values.
    Subject(String),
    /// A group's values (or, where parameters are down the stub, a parameter's).
    Group(String),
}

/// A central value with the lines its spread comes from.
#[derive(Debug, Clone)]
struct Summary {
    central: usize,
    label: StatLabel,
    dispersion: Option<(usize, Kind)>,
    interval: Option<IntervalFrom>,
    count: Option<usize>,
}

/// Where an interval's numbers are.
#[derive(Debug, Clone)]
enum IntervalFrom {
    /// One line of intervals (`Range`, `95% CI`).
    Line(usize, Kind),
    /// Two lines of bounds (`Min`, `Max`).
    Ends(usize, usize, Kind),
}

/// Pairs statistic lines (rows or columns, by index) into summaries: each central value
/// with the dispersion and interval lines that belong to it by convention, the nearest
/// one before it first; spread lines with no central value make no record.
fn summaries(lines: &[(usize, StatLabel)]) -> Vec<Summary> {
    let mut out: Vec<Summary> = lines
        .iter()
        .filter(|(_, l)| l.central().is_some())
        .map(|(i, l)| Summary { central: *i, label: l.clone(), dispersion: None, interval: None, count: None })
        .collect();
    if out.is_empty() {
        return out;
    }
    let single = out.len() == 1;
    // The summary a spread line belongs to: of those it may belong to (by convention, or
    // the only one), the nearest free one before it, else, where none it may belong to
    // comes before it, the first after it (`Mean | SD | CV (%) | Median | Min | Max |
    // Geometric mean`: the CV is the mean's, whose SD is taken, never the geometric mean's).
    let owner = |out: &[Summary], at: usize, kind: &Kind, free: &dyn Fn(&Summary) -> bool| -> Option<usize> {
        let may = |s: &Summary| {
            single
                || s.label.central().is_some_and(|c| kind.belongs_to(c)) && !matches!(s.label, StatLabel::Combined(_))
        };
        out.iter().rposition(|s| s.central < at && may(s) && free(s)).or_else(|| {
            (!out.iter().any(|s| s.central < at && may(s)))
                .then(|| out.iter().position(|s| s.central > at && may(s) && free(s)))
                .flatten()
        })
    };
    let mut lows: Vec<(usize, Kind)> = Vec::new();
    for (at, label) in lines {
        match label {
            StatLabel::Spread(kind) if kind.is_interval() => {
                if let Some(k) = owner(&out, *at, kind, &|s| s.interval.is_none()) {
                    out[k].interval = Some(IntervalFrom::Line(*at, kind.clone()));
                }
            }
            StatLabel::Spread(kind) => {
                if let Some(k) = owner(&out, *at, kind, &|s| s.dispersion.is_none()) {
                    out[k].dispersion = Some((*at, kind.clone()));
                }
            }
            StatLabel::Bound(kind, End::Low) => lows.push((*at, kind.clone())),
            StatLabel::Bound(kind, End::High) => {
                if let Some(p) = lows.iter().position(|(_, k)| k == kind) {
                    let (low, _) = lows.remove(p);
                    if let Some(k) = owner(&out, *at, kind, &|s| s.interval.is_none()) {
                        out[k].interval = Some(IntervalFrom::Ends(low, *at, kind.clone()));
                    }
                }
            }
            StatLabel::Count => {
                for s in &mut out {
                    s.count.get_or_insert(*at);
                }
            }
            _ => {}
        }
    }
    out
}

/// The numbers of one record, before its context.
#[derive(Debug, Clone, Default)]
struct Numbers {
    value_raw: String,
    value: Option<f64>,
    statistic: Option<Statistic>,
    dispersion: Option<Dispersion>,
    interval: Option<Interval>,
    n: Option<u32>,
    marks: Vec<String>,
    unit: Option<String>,
}

impl Numbers {
    /// A cell's numbers as `reading` says what they are.
    fn of(cell: &CellValue, text: &str, reading: &Reading) -> Self {
        let kind = |k: &Option<Kind>| k.as_ref().map_or_else(|| UNKNOWN_KIND.to_owned(), Kind::name);
        Numbers {
            value_raw: text.trim().to_owned(),
            value: cell.value,
            statistic: Some(reading.statistic),
            dispersion: cell.dispersion.map(|d| Dispersion {
                kind: reading.dispersion.as_ref().map_or_else(|| UNKNOWN_KIND.to_owned(), kind),
                value: d.value,
            }),
            interval: cell.interval.map(|b| Interval {
                kind: reading.interval.as_ref().map_or_else(|| UNKNOWN_KIND.to_owned(), kind),
                low: b.low.min(b.high),
                high: b.low.max(b.high),
            }),
            n: cell.n,
            marks: cell.marks.clone(),
            unit: cell.unit.clone(),
        }
    }
}

/// A table being read.
struct Reader<'t> {
    table: &'t Table,
    n_cols: usize,
    paths: Vec<Vec<String>>,
    /// Each column's header path joined, its marks left out.
    labels: Vec<String>,
    /// Marks on each column's headers.
    label_marks: Vec<Vec<String>>,
    notes: Vec<(String, String)>,
    declarations: Vec<Declaration>,
    route_kind: Option<Route>,
    paper_kind: Option<Route>,
    base: TableContext,
    paper_matrix: Option<&'static str>,
    /// Columns of units (`Unit`), one for the table or one per group under its header.
    unit_cols: Vec<usize>,
    /// A column naming each row's specimen (`Matrix`, `Specimen`, `Sample type`).
    specimen_col: Option<usize>,
    /// A column naming each row's analyte (`Analyte` over `X | M2`).
    analyte_col: Option<usize>,
    stub_col: usize,
    /// What each row's stub names, its marks left out.
    stubs: Vec<(String, Vec<String>)>,
    row_named: Vec<Option<Named>>,
    /// The group of each row where a group column stands before the statistic column that
    /// is the stub (empty otherwise).
    row_groups: Vec<Option<String>>,
    /// Rows that name a parameter for the statistic lines under them (`Cmax (ng/mL)` on a
    /// row of its own, then `Mean ± SD`, `Median (range)`), and each such line's statistic.
    headings: Vec<bool>,
    heading_lines: Vec<Option<String>>,
    col_named: Vec<Option<Named>>,
    /// Columns whose parameter is named by a header above their own (`Cmax (ng/mL)` over
    /// `Test | Reference`, or over `Mean | SD`): the innermost header, a group or a
    /// statistic of that parameter.
    col_under: Vec<Option<String>>,
    /// The sampling time of each column of a concentration-time table (`0.5 h`, `Day 3`).
    col_time: Vec<Option<String>>,
    /// The sampling time of each row of a concentration-time table.
    row_time: Vec<Option<String>>,
    /// A column of sampling times in a long table (`Subject | Time (h) | Concentration`),
    /// with the unit of its cells.
    time_col: Option<(usize, Option<&'static str>)>,
    /// The nominal time column beside an actual time column (`Nominal time | Actual time
    /// (h)`), read where the actual time is not printed.
    nominal_time_col: Option<(usize, Option<&'static str>)>,
    /// Time columns each under its own spanning header (`At delivery` over `Last dose to
    /// delivery (h) | Maternal plasma`, `Postpartum` over `Time after dose (h) | Milk`): the
    /// values beside one under the same header are timed by it.
    span_time_cols: Vec<(usize, Option<&'static str>)>,
    /// A long table's column of days beside its time column (`Patient | Day | Sampling time
    /// | Concentration`), a blank cell continuing the day above.
    day_col: Option<usize>,
    abbreviations: Vec<(String, String, Option<String>)>,
    /// Parameters the caption or footnote defines (`C0, trough concentration`).
    definitions: Vec<define::Definition>,
    /// The unit a caption gives every value (`Plasma concentrations (ng/mL)`).
    caption_unit: Option<String>,
    /// The dosing interval of a table at steady state (`24 h`), read from its caption and
    /// footnote ([`steady_state_interval`]) where a label asks ([`Reader::steady_tau`]).
    steady_tau: std::cell::OnceCell<Option<String>>,
    /// The dosing interval of a repeated regimen the caption or footnote names, steady state
    /// or not (a single dose has none), read where a label asks ([`Reader::regimen_tau`]).
    regimen_tau: std::cell::OnceCell<Option<String>>,
    /// The days of a treatment cycle the caption or footnote declares (`28-day cycles`).
    cycle_days: Option<u32>,
    /// How long the infusion lasted, as the caption or footnote says it (`30 min`), read
    /// where a label asks ([`Reader::infusion_length`]).
    infusion_length: std::cell::OnceCell<Option<String>>,
    /// Whether the caption names peak or trough concentrations ([`Reader::peak_trough_unit`]),
    /// read once.
    caption_peak_trough: std::cell::OnceCell<bool>,
    /// Each value column's event time column and its unit ([`Reader::event_time`]), read
    /// once.
    event_time_cols: std::cell::OnceCell<Vec<Option<(usize, &'static str)>>>,
    /// The one unit the statistic columns print ([`Reader::statistic_columns_unit`]), read
    /// once.
    statistic_columns_unit: std::cell::OnceCell<Option<String>>,
    /// What the caption says the concentrations are of (`concentrations of XR-4471`),
    /// lower case: a column headed by that name holds them, whether or not the name is a
    /// known drug.
    caption_analyte: Option<String>,
    /// Each column's header path with its marks left out.
    clean_paths: Vec<Vec<String>>,
    /// The units each column's headers print, innermost first, then one before a clause.
    header_units: Vec<Vec<String>>,
    /// Units the caption or footnote lists per parameter ([`declared_units`]).
    declared_units: Vec<(Option<&'static str>, Option<&'static str>, String)>,
    /// Units the caption or footnote gives a parameter of one analyte or group only
    /// (`Cmax in µg/mL (ng/mL for SN-77)`): (code, class, unit, the name, lower case).
    declared_for: Vec<ScopedUnit>,
    /// The columns whose innermost header names a dose (`Dose`, `Daily dose`, `Dosage`).
    dose_cols: Vec<usize>,
    /// Each body cell read by `parse_cell` when a rule first asks (several rules read the
    /// same cell).
    parsed: Vec<Vec<std::cell::OnceCell<CellValue>>>,
    /// The declarations a label makes, by label (labels repeat over a table's cells).
    label_declarations: std::cell::RefCell<rustc_hash::FxHashMap<String, Vec<Declaration>>>,
    /// Each body row's time from the full-width row above it that prints one (`1 h after
    /// dosing` over the rows of the birds sampled then), read when a rule first asks.
    section_times: std::cell::OnceCell<Vec<Option<String>>>,
    /// Each column's subject named over a compound ([`Self::named_over_analytes`]).
    named_over: std::cell::OnceCell<Vec<Option<String>>>,
    /// The caption and footnote in lower case, one text (`caption footnote`).
    notes_lower: String,
    /// The caption in lower case and the table's drug (`context::table_drug`, the drug of
    /// the context too), read when a rule first asks ([`Self::caption_compound`]).
    caption_and_drug: std::cell::OnceCell<(String, Option<String>)>,
    /// Each column's subject over its analytes ([`Self::subject_over_analytes`]).
    subjects_over_analytes: std::cell::OnceCell<Vec<Option<String>>>,
    /// Whether each column holds subjects' ids or names under its header: a subject word
    /// (`Patient`, `Dog`) or the animal its title or caption studies ([`kind_of_subjects`]).
    subject_cols: Vec<bool>,
    /// The units the caption and footnote give ([`declared_units`]), read when a label first
    /// asks or the table proves to report PK values.
    notes_units: std::cell::OnceCell<DeclaredUnits>,
    /// Each body row's time since the dose where a long table's time column prints clock
    /// times ([`Self::clock_time_down`]), read when a rule first asks.
    clock_times_down: std::cell::OnceCell<Vec<Option<String>>>,
    /// What rewrites of the table learned of it ([`Learned`]).
    learned: Learned,
}

impl<'t> Reader<'t> {
    /// The reading of `table`, or `None` when it names no parameter and holds no
    /// concentrations.
    fn new(table: &'t Table, learned: Learned) -> Option<Self> {
        let caption = table.caption.clone().unwrap_or_default();
        let footnote = table.footnote.clone().unwrap_or_default();
        let route = route_of(&caption);
        // (A route without a code of its own, `intramammary`, `rectal`, `transdermal`: still
        // extravascular, so that `MRT0–last` after it is MRTEVLST.)
        let route_kind = route
            .map(|(_, k)| k)
            .or_else(|| crate::context::uncoded_extravascular(&caption).then_some(Route::Extravascular));
        // A mark the table prints: set apart after a label or value (`tmax a`, `(h) a`).
        let printed_marks: Vec<char> = table
            .header_rows
            .iter()
            .chain(&table.body_rows)
            .flatten()
            .flat_map(|cell| {
                // A mark letter as a word of its own (`Tmax a (h)`, `tmax a`), or after a
                // bracket or a percent sign at the end (`(h)a`, `%a`).
                let words = cell.split_whitespace().filter_map(|w| {
                    let mut chars = w.chars();
                    chars.next().filter(|_| chars.next().is_none())
                });
                let mut rest = cell.trim_end().chars().rev();
                let glued = rest.next().filter(|_| rest.next().is_some_and(|c| matches!(c, ')' | ']' | '%')));
                words.chain(glued).collect::<Vec<char>>()
            })
            .collect();
        let notes = footnote_marks(&footnote, &|mark| printed_marks.contains(&mark));
        let n_cols = table.n_cols();
        let mut paths = unflatten_spans((0..n_cols).map(|c| table.header_path(c)).collect());
        let row_unit = units_under_times(&mut paths);
        minutes_in_a_unit_row(table, &mut paths);
        fold_unit_row(&mut paths, route_kind);
        drop_covariate_row(&mut paths);
        let (labels, marks): (Vec<String>, Vec<Vec<String>>) = paths
            .iter()
            .map(|p| {
                let (clean, marks): (Vec<String>, Vec<Vec<String>>) = p.iter().map(|h| label_marks(h, &notes)).unzip();
                (clean.join(" / "), marks.concat())
            })
            .unzip();
        let abbreviations = abbreviations(&format!("{caption}; {footnote}"));
        let definitions = define::definitions(&format!("{caption}; {footnote}"), route_kind);
        let caption_unit = row_unit
            .or_else(|| spanning_unit_row(table))
            .or_else(|| caption_unit(&caption))
            .or_else(|| caption_unit(&footnote))
            .or_else(|| corner_unit(&paths));
        let notes_lower = crate::fold::lower(&format!("{caption} {footnote}"));
        let mut reader = Reader {
            table,
            n_cols,
            paths,
            labels,
            label_marks: marks,
            notes,
            declarations: Vec::new(),
            route_kind,
            paper_kind: None,
            base: TableContext::default(),
            paper_matrix: None,
            unit_cols: Vec::new(),
            specimen_col: None,
            analyte_col: None,
            stub_col: 0,
            stubs: Vec::new(),
            row_named: Vec::new(),
            row_groups: Vec::new(),
            headings: Vec::new(),
            heading_lines: Vec::new(),
            col_named: Vec::new(),
            col_under: vec![None; n_cols],
            col_time: vec![None; n_cols],
            row_time: vec![None; table.body_rows.len()],
            time_col: None,
            nominal_time_col: None,
            span_time_cols: Vec::new(),
            day_col: None,
            abbreviations,
            definitions,
            caption_unit,
            steady_tau: std::cell::OnceCell::new(),
            regimen_tau: std::cell::OnceCell::new(),
            cycle_days: labels::cycle_length(&caption).or_else(|| labels::cycle_length(&footnote)),
            infusion_length: std::cell::OnceCell::new(),
            caption_peak_trough: std::cell::OnceCell::new(),
            event_time_cols: std::cell::OnceCell::new(),
            statistic_columns_unit: std::cell::OnceCell::new(),
            caption_analyte: caption_analyte(&caption),
            clean_paths: Vec::new(),
            header_units: Vec::new(),
            declared_units: Vec::new(),
            declared_for: Vec::new(),
            dose_cols: Vec::new(),
            parsed: table
                .body_rows
                .iter()
                .map(|row| row.iter().map(|_| std::cell::OnceCell::new()).collect())
                .collect(),
            label_declarations: Default::default(),
            section_times: std::cell::OnceCell::new(),
            named_over: std::cell::OnceCell::new(),
            clock_times_down: std::cell::OnceCell::new(),
            learned,
            notes_lower,
            caption_and_drug: std::cell::OnceCell::new(),
            subjects_over_analytes: std::cell::OnceCell::new(),
            subject_cols: Vec::new(),
            notes_units: std::cell::OnceCell::new(),
        };
        reader.subject_cols = (0..n_cols)
            // (Only the first columns hold ids: the stub is one of the first four.)
            .map(|c| {
                labels::is_subject_header(&reader.labels[c])
                    || c < 4 && kind_of_subjects(table, &reader.labels[c], c, &reader.notes)
                    || c < 4 && ids_repeat_their_header(table, &reader.labels[c], c, &reader.notes)
                    || c < 4 && ids_by_header_initial(table, &reader.labels[c], c)
            })
            .collect();
        reader.dose_cols = (0..reader.n_cols)
            .filter(|&c| {
                reader.paths[c].last().is_some_and(|h| {
                    let h = crate::fold::lower(h.trim());
                    // Not the time since the dose (`Dose-to-delivery interval (h)`).
                    let interval = crate::context::has_word(&h, &["interval", "time"]);
                    (h.starts_with("dose") || h.starts_with("daily dose") || h.starts_with("dosage")) && !interval
                })
            })
            .collect();
        reader.clean_paths =
            reader.paths.iter().map(|p| p.iter().map(|h| label_marks(h, &reader.notes).0).collect()).collect();
        // Then a unit before a clause in a header (`X in milk (µg/kg) after ...`), once per
        // column rather than for every record.
        reader.header_units = reader
            .clean_paths
            .iter()
            .zip(&reader.paths)
            .map(|(clean, p)| {
                clean
                    .iter()
                    .rev()
                    // (Not a subject's sex after its id: `Dog 1 (M)` is no molar.)
                    .filter(|h| labels::subject_id(h).is_none())
                    .filter_map(|h| unit_in_label(h))
                    .chain(p.iter().rev().find_map(|h| unit_before_clause(h)))
                    .collect()
            })
            .collect();
        // Parameters down the stub: the stub column is the one of the first three that
        // names the most parameters (columns before it are groups, such as the analyte).
        // Not a column of sexes as letters (`F` and `M` would read as bioavailability and
        // molar); `Male (n = 12)` rows under `Sex` stay the groups they are.
        let sexes = |c: usize| {
            let h = crate::fold::lower(reader.labels[c].trim());
            // (In other languages too: `Sesso`, `Sexo`, `Sexe`, `Geschlecht`, `Geslacht`.)
            const SEX: &[&str] = &["sex", "gender", "sesso", "sexo", "sexe", "geschlecht", "geslacht", "kön", "płeć"];
            if !SEX.iter().any(|w| h.starts_with(w)) {
                return false;
            }
            let cells: Vec<&str> =
                table.body_rows.iter().filter_map(|r| r.get(c)).map(|t| t.trim()).filter(|t| !t.is_empty()).collect();
            // Most of them: summary rows (`Mean` spanning the covariates) print words there.
            // A letter may carry a qualifier in words (`M (castrated)`, `F, spayed`, `M
            // castrated`), not a number (`M 1` codes an animal).
            // (Or the next covariate its header names after a comma or slash: `Sex, age (y)`
            // over `F, 14`, `Sex/weight` over `M/412`.)
            let listed = h.contains([',', '/']);
            let letter = |t: &str| {
                let mut chars = t.chars();
                let sex = matches!(chars.next(), Some('F' | 'M' | 'f' | 'm'));
                let rest = chars.as_str();
                let qualifier = rest.trim_start_matches([' ', ',', '(']);
                let covariate = listed && rest.trim_start().starts_with([',', '/']);
                sex && (rest.is_empty()
                    || covariate
                    || qualifier.len() < rest.len() && qualifier.starts_with(char::is_alphabetic))
            };
            2 * cells.iter().filter(|t| letter(t)).count() > cells.len()
        };
        // Nor a crossover's sequences (`Sequence` over `AB | BA`, where `BA` would read as a
        // bioavailability).
        let design = |c: usize| {
            let h = crate::fold::lower(crate::params::split_trailing_group(&reader.labels[c]).0.trim());
            matches!(
                h.as_str(),
                "sequence" | "seq" | "seq." | "treatment sequence" | "sequence group" | "treatment order"
            )
        };
        // A column of visits names no parameter (`Visit` over `V1 | V2 | V3`, where `V1`
        // would read as a volume): a visit is when a sample was drawn.
        let visits = |c: usize| {
            let h = crate::fold::lower(crate::params::split_trailing_group(&reader.labels[c]).0.trim());
            matches!(h.as_str(), "visit" | "visits" | "visit no." | "visit number" | "study visit" | "tdm visit")
        };
        // (A fourth column only for subjects' ids: `Tank | Days | Degree-days | Fish`.)
        let stub_col = (0..n_cols.min(4))
            .filter(|&c| !sexes(c) && !design(c))
            .filter(|&c| c < 3 || reader.subject_cols[c])
            .max_by_key(|&c| {
                // (Or an abbreviated analyte's: `INS-Cmax (mIU/L)`.)
                let names_parameter = |r: &&Vec<String>| {
                    r.get(c).filter(|s| !looks_numeric(s)).is_some_and(|s| {
                        let label = label_marks(s, &reader.notes).0;
                        parameter_code(&label, route_kind).is_some()
                            || reader.abbreviated_analytes_parameter(&label).is_some()
                    })
                };
                let hits = if visits(c) { 0 } else { table.body_rows.iter().filter(names_parameter).count() };
                // (Where none names parameters, the column of subjects' ids under their header:
                // `Pen | Withdrawal time (days) | Ear tag | Liver ...`, the pens and days the
                // groups and times of the animals.)
                // (Or the animals' names: `Species | Bird` over `African grey parrot | Kiki`,
                // three names at least, each once.)
                let ids = || distinct_ids(table, c) || distinct_names(table, c);
                // (Not the counts under a plural header: `Patients` over `46 | 58 | 21`.)
                let counts = || {
                    crate::fold::lower(reader.labels[c].trim()).ends_with('s')
                        && filled_cells_outside_sections(table, c).all(|t| t.chars().all(|ch| ch.is_ascii_digit()))
                };
                let subjects = hits == 0 && reader.subject_cols[c] && ids() && !counts();
                (hits, subjects, std::cmp::Reverse(c))
            })
            .unwrap_or(0);
        // A group column before a statistic column (`Group | Statistic | Cmax ...`, the group
        // spanning its `Mean`, `SD`, `Median` rows): the statistics are the stub, the
        // group names each block of them.
        let is_stat = |r: &Vec<String>, c: usize| r.get(c).is_some_and(|s| cell_stat_label(s).is_some());
        let stat_rows = table.body_rows.iter().filter(|r| is_stat(r, stub_col + 1)).count();
        let names_parameter = |r: &Vec<String>| {
            r.get(stub_col).and_then(|s| parameter_code(&label_marks(s, &reader.notes).0, route_kind)).is_some()
        };
        let stub_col = if stub_col + 1 < n_cols
            && stat_rows >= 2
            && 2 * stat_rows >= table.body_rows.len()
            && !table.body_rows.iter().any(|r| is_stat(r, stub_col) || names_parameter(r))
        {
            reader.row_groups =
                table.body_rows.iter().map(|r| Some(r[stub_col].trim().to_owned()).filter(|g| !g.is_empty())).collect();
            stub_col + 1
        } else if stub_col == 0
            && n_cols > 2
            && labels::is_time_header(&reader.labels[0])
            && reader.subject_cols[1]
            && !table.body_rows.iter().any(names_parameter)
            // Its cells ids, one subject a row (not `Time (h) | Patients | Volunteers`, groups'
            // concentrations), the times repeating or printed once over their subjects.
            && {
                let times: Vec<&str> = filled_cells(table, 0).collect();
                let time_set: std::collections::HashSet<&str> = times.iter().copied().collect();
                (distinct_ids(table, 1) || ids_again_at_each_time(table, 1, times.len()))
                    && (time_set.len() < times.len() || times.len() < table.body_rows.len())
            }
        {
            // Subjects in the column after the sampling times (`Day after last dose | Animal
            // | Muscle | Liver`, residues of the animals slaughtered that day; `Time (h) |
            // Fish no. | Plasma`): the subjects are the stub, the first column their time.
            1
        } else if stub_col == 0
            && n_cols > 2
            && matches!(
                crate::fold::lower(crate::params::split_trailing_group(&reader.labels[0]).0.trim()).as_str(),
                "compound" | "compounds" | "analyte" | "analytes" | "drug" | "drugs" | "test article" | "candidate"
            )
            && reader.subject_cols[1]
            && !table.body_rows.iter().any(names_parameter)
        {
            // The subjects in the column after the compounds' (`Compound | Dog | T1 | T2`, a
            // cassette's compounds each spanning the dogs' rows): the subjects are the stub,
            // the first column names each block's analyte.
            1
        } else {
            stub_col
        };
        reader.stub_col = stub_col;
        reader.stubs = table
            .body_rows
            .iter()
            .map(|r| label_marks(r.get(stub_col).map_or("", String::as_str), &reader.notes))
            .collect();
        // A long table printing each subject's id on its first row only (`Dancer` over
        // blank stubs, the times and values beside them): a blank stub under a subject
        // header continues the subject above.
        // (Or under a blank stub header, the stubs subjects by word and number: `Patient 1`
        // over blank cells, then `Patient 2`.)
        let worded_stubs = || {
            let filled: Vec<&str> = reader.stubs.iter().map(|(s, _)| s.trim()).filter(|s| !s.is_empty()).collect();
            !filled.is_empty()
                && filled.len() < reader.stubs.len()
                && filled.iter().all(|s| labels::worded_subject(s).is_some())
        };
        if reader.subject_cols.get(stub_col).is_some_and(|s| *s)
            || reader.labels.get(stub_col).is_some_and(|h| h.trim().is_empty()) && worded_stubs()
        {
            let mut above: Option<(String, Vec<String>)> = None;
            for (r, stub) in reader.stubs.iter_mut().enumerate() {
                let values = table.body_rows[r].iter().enumerate().any(|(c, t)| c != stub_col && !t.trim().is_empty());
                if stub.0.trim().is_empty() {
                    if let Some(previous) = above.as_ref().filter(|_| values) {
                        *stub = previous.clone();
                    }
                } else {
                    above = Some(stub.clone());
                }
            }
        }
        reader.row_named = (0..table.body_rows.len()).map(|r| reader.row_parameter(r)).collect();
        reader.read_headings();
        // A full-width row that names a specimen (`Plasma (ng/mL)` spanning the table, its
        // subjects' rows below) holds no values: it is a section, its specimen and unit
        // those of the rows under it, not a row of concentrations.
        for r in 0..table.body_rows.len() {
            if reader.row_named[r].and_then(Named::code) == Some("CONC")
                && reader.section(r).is_some_and(|(_, counts)| counts.iter().all(Option::is_none))
            {
                reader.row_named[r] = None;
            }
        }
        // Parameters across the headers: the innermost header of each column (or the whole
        // path), else a specimen or analyte with a concentration unit.
        // (Not the stub's: it labels the rows and holds no values, whatever its header says,
        // `Infant` read as a specimen beside a caption's concentration unit.)
        reader.col_named = (0..n_cols).map(|c| (c != stub_col).then(|| reader.column_parameter(c)).flatten()).collect();
        // An area named without its span whose marked note gives the span (`AUC (mg·h/L)^a`,
        // "a AUC0–6 h"): the note's area.
        for c in 0..n_cols {
            if reader.col_named[c].is_some_and(|n| n.is_area())
                && let Some(area) = reader.marked_area(&reader.label_marks[c])
            {
                reader.col_named[c] = Some(area);
            }
        }
        for r in 0..table.body_rows.len() {
            if reader.row_named[r].is_some_and(|n| n.is_area())
                && let Some(area) = reader.marked_area(&reader.stubs[r].1)
            {
                reader.row_named[r] = Some(area);
            }
        }
        let rows_hits = reader.row_named.iter().flatten().filter(|n| n.code().is_some()).count();
        // Where no row names a parameter, a header above the innermost may: `Cmax (ng/mL)`
        // spanning `Test | Reference` or `Mean | SD`.
        if rows_hits == 0 {
            for c in 0..n_cols {
                if reader.col_named[c].is_none()
                    && c != reader.stub_col
                    && let Some((param, under)) = reader.parameter_above(c)
                {
                    reader.col_named[c] = Some(param);
                    reader.col_under[c] = Some(under).filter(|u| !u.is_empty());
                }
            }
        }
        // Concentrations spanning clock times (`Plasma X (µg/mL)` over `08:30 | 20:00 |
        // 08:00`), the dose's clock time declared: each column at its time since the dose.
        if rows_hits == 0
            && let Some(times) = reader.clock_times_across()
        {
            for (c, time) in times.into_iter().enumerate() {
                if time.is_some() && reader.col_named[c].as_ref().and_then(|n| n.code()) == Some("CONC") {
                    reader.col_time[c] = time;
                }
            }
        }
        if rows_hits == 0 {
            reader.times_beside_parameters();
        } else {
            reader.times_above_parameters();
        }
        let cols_hits = reader.col_named.iter().flatten().filter(|n| n.code().is_some()).count();
        // (An area named without its span, printed with an area's unit, is a PK value too:
        // `AUC (µM·min)` over each dose's columns, the only parameter of a table of
        // exposures; not a ROC curve's `AUC (95% CI)`, nor `C0` or `C2` undefined.)
        let area = |named: &Option<Named>, path: &[String]| {
            named.is_some_and(|n| n.is_area())
                && path
                    .iter()
                    .filter_map(|h| unit_in_label(h))
                    .any(|u| Unit::parse(&u).is_ok_and(|u| unit_measures(&u, Family::Auc)))
        };
        let areas = |reader: &Reader| {
            (0..n_cols).any(|c| area(&reader.col_named[c], &reader.clean_paths[c]))
                || (0..table.body_rows.len())
                    .any(|r| area(&reader.row_named[r], std::slice::from_ref(&reader.stubs[r].0)))
        };
        if rows_hits == 0 && cols_hits == 0 && !reader.concentration_time() && !areas(&reader) {
            return None;
        }
        // Concentrations across (`Plasma concentration (ng/mL)` spanning `Patient 1 |
        // Patient 2`), times down the stub (`Time (min)`): each row is a sampling time.
        // (A parameter's row under the times, `AUCCSF/AUCserum (%)`, stays its own.)
        let untimed_parameters = |times: &[Option<String>]| {
            times.iter().zip(&reader.row_named).all(|(time, named)| time.is_none() || named.is_none())
        };
        if (rows_hits == 0 || rows_hits < cols_hits)
            && cols_hits > 0
            // (A ratio of two specimens beside them, `CSF/serum ratio`, is read at the same times.)
            && concentrations_and_ratios(&reader.col_named)
            && let Some(row_time) = reader.times_down_stub()
            && (rows_hits == 0 || untimed_parameters(&row_time))
        {
            reader.row_time = row_time;
        }
        // A parameter column under a time (`20 Weeks / Plasma level`, `Day 3 / Cmax`): its
        // values are of that time; or a time under the parameter (`Plasma X (µg/mL)` over
        // `Day 3 | Week 2`, or over `Day 1` over `0 h | 2 h`), the time on that day.
        // (A treatment cycle's day over its symbols too: `C2D1` over `C0 | C2`.)
        for c in 0..n_cols {
            if reader.col_named[c].is_some() && reader.col_time[c].is_none() {
                let p = &reader.paths[c];
                // A bare number in the time unit of a header above it (`Time after dose (h)` over
                // `1 | 3`).
                let in_unit_above = |h: &str, outer: &[String]| {
                    // (Or days or weeks a header counts: `Whole-blood C0 (ng/mL) on
                    // postoperative day` over `3 | 5 | 7`.)
                    // (Or a header in any language ending in a time's unit, spanning the
                    // numbers: `Laiks pēc injekcijas (min)` over `5 | 10 | 20`.)
                    let unit = outer.iter().rev().find_map(|a| {
                        labels::time_unit_in(a)
                            .or_else(|| labels::days_header(crate::params::split_trailing_group(a).0))
                            .or_else(|| labels::bracketed_time_unit(a))
                    })?;
                    looks_numeric(h).then(|| labels::time_of(h, Some(unit))).flatten()
                };
                // (A time with a footnote mark, `8 h^a`; at or after the end of an infusion the
                // notes time, `EOI + 1 h`.)
                // (Or a number under the time header that gives its unit, the analytes under it:
                // `Time after dose (h)` over `1 | 3` over `P | M`.)
                let above = p[..p.len().saturating_sub(1)].iter().enumerate().rev().find_map(|(k, h)| {
                    let h = label_marks(h, &reader.notes).0;
                    labels::cycle_day(&h, reader.cycle_days)
                        .or_else(|| labels::time_of(&h, None))
                        .or_else(|| after_infusion_end(&h, reader.infusion_length()?))
                        .or_else(|| in_unit_above(&h, &p[..k]))
                        .or_else(|| labels::visit_time(&h))
                });
                // (Not an area's interval: `AUC` over `0–12 h | 0–24 h` names areas, not times.)
                let area = reader.col_named[c].and_then(|n| n.code()).is_some_and(|code| code.starts_with("AUC"));
                let leaf = p.last().filter(|_| p.len() > 1 && !area).and_then(|h| {
                    let h = label_marks(h, &reader.notes).0;
                    labels::time_of(&h, None)
                        .or_else(|| labels::time_in_brackets(&h))
                        // (A number under the header that gives the times' unit: `Plasma X (mg/L),
                        // time after dose (h)` over `2 | 24`.)
                        .or_else(|| in_unit_above(&h, &p[..p.len() - 1]))
                        // (A cycle's day and the time on it: `C1D1 2 h`, `C1D8 pre-dose`.)
                        .or_else(|| labels::cycle_day_time(&h, reader.cycle_days))
                        .or_else(|| {
                            // A numbered sample with its time in brackets in the unit the header
                            // above says (`Milking no. (hours after the last infusion)` over `1
                            // (12) | 2 (24)`).
                            let (number, inner) = h.trim().strip_suffix(')')?.rsplit_once('(')?;
                            let unit = p[..p.len() - 1].iter().rev().find_map(|a| labels::time_unit_in(a))?;
                            number
                                .trim()
                                .chars()
                                .all(|c| c.is_ascii_digit())
                                .then(|| labels::time_of(inner, Some(unit)))
                                .flatten()
                        })
                });
                // (A day with what it says of its times, over them: `Day 3, hours after start
                // of infusion` over `Serum (mg/L)` over `1 | 4`; not over a parameter alone,
                // `Day 1 (first dose)` over `Cmax`.)
                let above = above.or_else(|| {
                    leaf.as_ref()?;
                    p[..p.len() - 1].iter().rev().find_map(|h| labels::leading_day(h))
                });
                let time = match (above, leaf) {
                    (Some(day), Some(time)) if crate::fold::lower(&day) != crate::fold::lower(&time) => {
                        Some(format!("{day}, {time}"))
                    }
                    (above, leaf) => leaf.or(above),
                };
                // (A time after the dose spanning days, `Anti-Xa activity 4 h post-dose (IU/mL)`
                // over `Day 2 | Day 5`: each day's sample 4 h after its dose.)
                let after = || p[..p.len().saturating_sub(1)].iter().rev().find_map(|h| labels::time_after_dose_in(h));
                reader.col_time[c] = match time {
                    Some(day) if day.starts_with("day") && !day.contains(',') => match after() {
                        Some(after) => Some(format!("{day}, {after}")),
                        None => Some(day),
                    },
                    time => time,
                };
            }
        }
        // Concentrations down the stub (specimens, tissues), the sampling times across under
        // a time header (`Tissue` beside `Time after last dose` spanning `3 days | 7 days`,
        // residue depletion): each column's time.
        // (A ratio of two of the specimens among them, `Milk/plasma ratio`, is read at the same
        // times.)
        if rows_hits > 0 && concentrations_and_ratios(&reader.row_named) {
            for c in (0..n_cols).filter(|&c| c != reader.stub_col && reader.col_named[c].is_none()) {
                let p = &reader.paths[c];
                let [above @ .., leaf] = p.as_slice() else { continue };
                // (Or days under a header of days, `Postnatal day` over `Day 0 (delivery) | Day
                // 2`: each day with what the header says of it.)
                let Some(header) = above.iter().rev().find(|h| {
                    let l = crate::fold::lower(h);
                    labels::time_unit_in(h).is_some() || crate::context::has_word(&l, &["time", "times", "day", "days"])
                }) else {
                    continue;
                };
                reader.col_time[c] =
                    labels::time_of(leaf, labels::time_unit_in(header)).or_else(|| labels::leading_day(leaf));
            }
        }
        // A long table's column of sampling times: `Time (h)`, `Sampling time`, the
        // interval from the last dose to the sample (`Dose-to-delivery interval (h)`).
        // (The infusion's length, read where a time column asks; the reader's own cell can
        // not be borrowed while the reader is being filled in.)
        let infusion = std::cell::OnceCell::new();
        // A collection interval's midpoint, with its unit (`Midpoint (min)` beside `Collection
        // interval`): the time the interval's sample is assigned.
        let midpoint = |c: usize| {
            let header = crate::fold::lower(&reader.labels[c]);
            crate::context::has_word(&header, &["midpoint", "mid-point", "midpoints", "mid-time", "midtime"])
                && labels::time_unit_in(&format!("time {header}")).is_some()
        };
        let time_col = |c: usize| {
            let header = crate::fold::lower(&reader.labels[c]);
            // The interval from the dose to a sample, not the dosing interval (τ).
            let to_sample = ["delivery", "sampl", "since", "after", "dose-to", "dose to"].iter().any(|w| header.contains(w))
                    // (Or from the dose to the event the sample was taken at: `Interval
                    // dose–excision (min)`, `Dose-to-incision interval`.)
                    || ["dose-", "dose–", "dose—", "dose and "].iter().any(|w| header.contains(w))
                        && !["dose-dose", "dose–dose", "dose—dose"].iter().any(|w| header.contains(w));
            let interval = crate::context::has_word(&header, &["interval"])
                && to_sample
                && !header.contains("dosing interval")
                && labels::time_unit_in(&header).is_some();
            // Durations are no sampling times (`Infusion duration`, `Dosing interval`).
            let duration = crate::context::has_word(&header, &["duration", "infusion", "interval", "tau", "τ"]);
            // (Or the span from an event to the sample, with its unit: `Last drop to sampling
            // (min)`, `Last dose to delivery (h)`.)
            let to_sampling = (header.contains("to sampl") || labels::dose_to_event(&header))
                && labels::time_unit_in(&header).is_some();
            // (Or an abbreviation the notes define as a time: `TAD (h)`, "TAD, time after that
            // dose".)
            let defined_time = || {
                let name = crate::fold::lower(crate::params::split_trailing_group(&reader.labels[c]).0.trim());
                let notes = &reader.notes_lower;
                name.len() >= 2
                    && !name.contains(' ')
                    && [", time", " = time", ": time", " – time", " - time"].iter().any(|said| {
                        notes.match_indices(&format!("{name}{said}")).any(|(at, _)| is_word_start(notes, at))
                    })
            };
            // (Or a span from an event with its unit: `Days after last medicated feed`, `Hours
            // post dose`.)
            let after_event = labels::time_unit_in(&header).is_some()
                && crate::context::has_word(&header, &["after", "post", "since"])
                && !crate::context::has_word(&header, &["duration", "interval"]);
            // (Or a urine's or milk's collection interval, `Collection interval` over `0–4 |
            // 4–8`: each row's time is its interval.)
            let collection = crate::context::has_word(&header, &["collection"])
                && crate::context::has_word(&header, &["interval", "period", "intervals", "periods"]);
            // (Not how long until an outcome: `Time to sternal recumbency (min)`, `Time to
            // extubation`, an effect's measure beside the parameters.)
            let outcome = header.trim_start().starts_with("time to ")
                && !["sampl", "deliver", "birth", "retriev", "resect", "collect", "surgery", "biopsy", "dose"]
                    .iter()
                    .any(|w| header.contains(w));
            let timed = collection
                || midpoint(c)
                || crate::context::has_word(&header, &["time", "hours"])
                || labels::names_time_in_another_language(&header)
                || after_event
                || defined_time()
                || interval
                || to_sampling
                || c == 0 && reader.stub_col == 1 && labels::is_time_header(&reader.labels[0]) && !duration;
            let timed = timed && !outcome;
            // Or, whatever its header (`Sample`), a column every filled cell of which prints a
            // sampling time with its unit or by name (`Pre-dose`, `30 min`, `2 h`).
            let cells = || table.body_rows.iter().filter_map(|r| r.get(c)).filter(|t| !t.trim().is_empty());
            // (A cheap test first: a time printed with its unit or by name has a letter.)
            // (Or at and after an infusion's end, its length declared: `Pre | EOI | EOI+1h`.)
            let infusion_end = |t: &str| {
                let length = infusion.get_or_init(|| infusion_length_of(table));
                length.as_deref().and_then(|len| infusion_time(t, len)).is_some()
            };
            let times = || {
                cells().all(|t| t.bytes().any(|b| b.is_ascii_alphabetic()))
                    && cells().count() >= 2
                    && cells().all(|t| labels::time_of(t, None).is_some() || infusion_end(t))
            };
            // (Bare numbers under a header of days after the dose are days; a collection's
            // intervals with no unit are hours, as urine and milk are collected.)
            let unit = labels::time_unit_in(&reader.labels[c])
                .or_else(|| {
                    let l = crate::fold::lower(&reader.labels[c]);
                    (crate::context::has_word(&l, &["collection"])
                        && labels::time_unit_in(&format!("time {l}")).is_none())
                    .then_some("h")
                })
                .or_else(|| labels::days_header(&reader.labels[c]))
                .or_else(|| unit_said_of(table, &reader.labels[c]))
                // (An abbreviation's unit in its brackets, `TAD (h)`; a midpoint's, `Midpoint
                // (min)`.)
                .or_else(|| {
                    (defined_time() || midpoint(c))
                        .then(|| labels::time_unit_in(&format!("time {}", reader.labels[c])))
                        .flatten()
                });
            // (Not a column a time heads, `Collection interval (h)` over `0–2 | 2–4`: its
            // values were taken at that time.)
            let timed_column = match reader.paths[c].as_slice() {
                [.., above, leaf] => leaf.trim() != above.trim() && labels::time_of(leaf, Some("h")).is_some(),
                _ => false,
            };
            ((timed || !duration && !outcome && times())
                && reader.col_named[c].is_none()
                && c != reader.stub_col
                && !timed_column)
                .then_some((c, unit))
        };
        // (Beside the nominal or scheduled time, the actual time is when the sample was taken:
        // `Nominal time (h) | Actual time (h)`.)
        // (And the midpoint beside a collection's interval.)
        let actual = |c: &(usize, Option<&'static str>)| {
            crate::context::has_word(&crate::fold::lower(&reader.labels[c.0]), &["actual", "real", "recorded"])
                || midpoint(c.0)
        };
        let times: Vec<(usize, Option<&'static str>)> = (0..n_cols).filter_map(time_col).collect();
        // (And a column whose header says it holds times before one whose cells only look
        // like times: `Time since last dose (h)` beside `Visit` over `Week 2 | Week 4`.)
        let headed = |c: &&(usize, Option<&'static str>)| {
            let header = crate::fold::lower(&reader.labels[c.0]);
            crate::context::has_word(&header, &["time", "hours"]) || labels::time_unit_in(&header).is_some()
        };
        // (A clock's time beside the time since the dose is when, not how long after: `Clock
        // time | Time after dose (h)`.)
        let clock = |c: &&(usize, Option<&'static str>)| {
            crate::context::has_word(&crate::fold::lower(&reader.labels[c.0]), &["clock"])
                || filled_cells(table, c.0).filter(|t| labels::is_clock_time(t)).count() >= 2
        };
        reader.time_col = times
            .iter()
            .find(|c| actual(c))
            // (The one with its unit before a column of named time points: `Time after start
            // of infusion (min)` beside `Time point` over `T0 | T1`.)
            .or_else(|| times.iter().find(|c| headed(c) && c.1.is_some() && !clock(c)))
            .or_else(|| times.iter().find(|c| headed(c) && !clock(c)))
            .or_else(|| times.iter().find(headed))
            .or(times.first())
            .copied();
        // (Two time columns or more, each under its own spanning header.)
        let spans: Vec<&String> =
            times.iter().filter_map(|(c, _)| reader.paths[*c].first().filter(|_| reader.paths[*c].len() > 1)).collect();
        if spans.len() >= 2 && spans.iter().collect::<std::collections::HashSet<_>>().len() == spans.len() {
            reader.span_time_cols = times.iter().filter(|(c, _)| reader.paths[*c].len() > 1).copied().collect();
        }
        // (The nominal time where the actual one is not printed: `Predose | —`.)
        reader.nominal_time_col = reader
            .time_col
            .filter(|c| actual(c) && !midpoint(c.0))
            .and_then(|chosen| times.iter().find(|c| c.0 != chosen.0 && !actual(c)).copied());
        // The midpoints are the samples' times, not the collection intervals down the stub.
        if let Some((c, _)) = reader.time_col
            && c != stub_col
            && midpoint(c)
        {
            reader.row_time = vec![None; table.body_rows.len()];
        }
        // Days and times in two columns (`Day` over `Day 1 | | Day 3`, `Sampling time` over
        // `1 h | 4 h | Pre-dose`): the time on that day, the time column the later one.
        let is_day = |t: &str| labels::time_of(t, None).is_some_and(|d| crate::fold::lower(&d).starts_with("day"));
        // (Sections' rows across the table aside: `Veno-arterial ECMO` over the patients.)
        if let Some((c, _)) = reader.time_col
            && filled_cells_outside_sections(table, c).all(is_day)
            && let Some(later) = (c + 1..n_cols).find_map(time_col)
        {
            reader.day_col = Some(c);
            reader.time_col = Some(later);
        }
        // (The infusion's length, where the time columns read it, is the reader's: read once.)
        if let Some(length) = infusion.into_inner() {
            let _ = reader.infusion_length.set(length);
        }
        // A column of days beside values whose times their labels give (`Patient | Day | C0 |
        // C2`, therapeutic drug monitoring), or beside a column of times (`Treatment day` over
        // `2 | 5`, then `Time after dose (h)`): its header a day's (`Day`, `Day
        // post-transplant`, `Study day`), its cells days (`7`, `Day 7`).
        if reader.day_col.is_none() {
            let day_header = |label: &str| {
                let l = crate::fold::lower(crate::params::split_trailing_group(label).0.trim());
                // (Not `Days`: a count of days, the length of a therapy.)
                // (Or the week of a visit: `Week` over `2 | 4 | 8`, titration visits.)
                // (Or by its abbreviation: `POD`, the post-operative day.)
                matches!(l.as_str(), "day" | "study day" | "treatment day" | "week" | "study week" | "treatment week" | "pod")
                    || l.starts_with("day ")
                    // (The day of a stay or after an operation: `ICU day`, `Postoperative day`.)
                    || l.ends_with(" day") && l.split_whitespace().count() <= 3 && !l.contains("per day")
            };
            let cumulative_times = || {
                let Some((t, _)) = reader.time_col else { return false };
                let hours: Vec<f64> = filled_cells(table, t)
                    .map(|text| text.split_whitespace().next().unwrap_or_default().replace(',', "."))
                    .filter_map(|n| n.parse::<f64>().ok())
                    .collect();
                hours.len() >= 3 && hours.windows(2).all(|w| w[0] < w[1])
            };
            reader.day_col = (0..n_cols).find(|&c| {
                // (The stub too, where it holds no subjects: a case report's `Day of therapy`
                // down the rows, the one patient's; not beside times counted from one event
                // across the days, `Time after ingestion (h)` rising down the rows.)
                (c != stub_col || !reader.subject_cols[c] && !cumulative_times())
                    && reader.time_col.is_none_or(|(t, _)| t != c)
                    && reader.col_named[c].is_none()
                    && day_header(&reader.labels[c])
                    && filled_cells_outside_sections(table, c).count() >= 2
                    && filled_cells_outside_sections(table, c).all(|t| t.parse::<u32>().is_ok() || is_day(t))
            });
        }
        // Only tables with PK values need their caption and footnote read further.
        reader.base = table_context(table);
        reader.paper_kind = match route {
            Some(_) => None,
            None => reader.base.context.route.as_deref().and_then(route_of).map(|(_, k)| k),
        };
        reader.paper_matrix = paper_matrix(table);
        reader.specimen_col = (0..n_cols).find(|&c| {
            let h = crate::fold::lower(reader.labels[c].trim());
            // (`Sample`, `Sampling site`, `Tissue` and their words in other languages, where a
            // cell below names a specimen.)
            [
                "matrix",
                "specimen",
                "sample type",
                "biological matrix",
                "fluid",
                "sample matrix",
                "sample",
                "samples",
                "sampling site",
                "site",
                "tissue",
                "tissue type",
                "specimen type",
                "fluid type",
                // (A cavity's: `Effusion` over `Pleural fluid | Ascitic fluid`.)
                "effusion",
                "effusion type",
                "compartment",
                // (An egg's `Fraction`: yolk or albumen.)
                "fraction",
                "muestra",
                "matriz",
                "échantillon",
                "probe",
                "probenart",
                "campione",
                "matrice",
                "amostra",
                "monster",
            ]
            .contains(&h.as_str())
                && table.body_rows.iter().filter_map(|r| r.get(c)).any(|t| matrix_of(t).is_some())
        });
        // (`Analyte` or `Compound` over the compounds' names, each row's.)
        // (With the values' unit after it: `Analyte (ng/mL)`.)
        reader.analyte_col = (0..n_cols).find(|&c| {
            let label = reader.labels[c].trim();
            let h = match crate::params::split_trailing_group(label) {
                (name, Some(unit)) if Unit::parse(unit.trim()).is_ok() => crate::fold::lower(name.trim()),
                _ => crate::fold::lower(label),
            };
            // (Or the drug each row's levels are of, where several were given together:
            // `Hind | Drug | 10 | 20 | 30` over `H1 | Butorphanol | ...`; in other languages
            // too.)
            matches!(
                h.as_str(),
                "analyte"
                    | "analytes"
                    | "compound"
                    | "compounds"
                    | "analyte measured"
                    | "drug"
                    | "drugs"
                    | "substance"
                    | "analyt"
                    | "wirkstoff"
                    | "substanz"
                    | "substance active"
                    | "fármaco"
                    | "farmaco"
                    | "geneesmiddel"
            )
                && filled_cells(table, c).count() >= 2
                // (A metabolite's locant may start it: `9-OH-olaperidone`, or the abbreviation
                // the notes define, `9-OH-BRX`.)
                && filled_cells(table, c).all(|t| {
                    (!looks_numeric_start(t) || metabolite_in(t).is_some() || reader.abbreviation(t).is_some())
                        && t.chars().any(char::is_alphabetic)
                })
        });
        reader.unit_cols = (0..n_cols)
            .filter(|&c| {
                labels::is_unit_header(&reader.labels[c])
                    || reader.paths[c].last().is_some_and(|h| labels::is_unit_header(h))
            })
            .collect();
        reader.declarations = reader.table_declarations(&caption, &footnote);
        if caption.contains("nits")
            || footnote.contains("nits")
            || caption.contains(" in ")
            || footnote.contains(" in ")
        {
            (reader.declared_units, reader.declared_for) = reader.notes_units().clone();
            // (A specimen named by its abbreviation is matched by the name the notes give it
            // too: `CVF` of "cervicovaginal fluid (CVF)".)
            let notes = &reader.notes_lower;
            let full: Vec<_> = reader
                .declared_for
                .iter()
                .filter_map(|(code, class, unit, whom)| {
                    let at = notes.find(&format!(" ({whom})"))?;
                    let words: Vec<&str> = notes[..at].split_whitespace().collect();
                    let name = (1..=3.min(words.len()))
                        .map(|n| words[words.len() - n..].join(" "))
                        .find(|phrase| matrix_of(phrase).is_some())?;
                    Some((*code, *class, unit.clone(), name))
                })
                .collect();
            reader.declared_for.extend(full);
        }
        Some(reader)
    }

    /// A concentration-time table (no parameter named; sampling times across the headers or
    /// down the stub, and the caption or headers saying the values are concentrations or
    /// levels, or giving a concentration unit): each time line becomes a concentration line
    /// (`CONC`) with its time. Returns whether the table is one.
    fn concentration_time(&mut self) -> bool {
        let caption = self.table.caption.clone().unwrap_or_default();
        let headers = self.labels.join(" ");
        // (Residues and their depletion from tissues are concentrations too.)
        let says = |t: &str| {
            let l = crate::fold::lower(t);
            // (And radioactivity measured in a specimen: `Total radioactivity and unchanged X in
            // plasma`.)
            ["concentration", "level", "conc.", "residue", "depletion", "radioactivity"].iter().any(|w| l.contains(w))
        };
        // (A unit before a clause too: `X in muscle (ng/g), individual fish`.)
        let unit_text = self
            .caption_unit
            .clone()
            // (The first header with a concentration's unit: not `Age (years)` before it; a
            // spanning header's, `Anti-Xa activity (IU/mL)` over `Day 2 | Day 5`.)
            .or_else(|| {
                self.paths
                    .iter()
                    .flatten()
                    .filter(|l| !names_chemistry(l))
                    .filter_map(|l| unit_in_label(l).or_else(|| unit_and_clause(l).map(|(unit, _)| unit)))
                    .find(|u| is_concentration_unit(u))
            })
            // (Or the specimens' cells down a column before the values: `Serum (mg/L) | T-tube
            // bile (mg/L)`.)
            .or_else(|| {
                self.table.body_rows.iter().find_map(|r| {
                    r.iter()
                        .take(3)
                        .find_map(|t| matrix_of(t).and(unit_in_label(t)).filter(|u| is_concentration_unit(u)))
                })
            })
            // (Or a unit column's beside specimens' names: `Specimen | Unit` over `Plasma |
            // ng/mL`, `Fingernail | ng/mg`; not a laboratory's analytes, `Creatinine | µmol/L`.)
            // (The unit columns are not found yet: only tables with values go on to them.)
            .or_else(|| {
                let specimens =
                    self.table.body_rows.iter().filter(|r| r.iter().take(3).any(|t| matrix_of(t).is_some()));
                if specimens.count() * 2 < self.table.body_rows.len() {
                    return None;
                }
                (0..self.n_cols)
                    .filter(|&c| labels::is_unit_header(&self.labels[c]))
                    .find_map(|c| filled_cells(self.table, c).find(|t| is_concentration_unit(t)))
                    .map(str::to_owned)
            });
        if !(says(&caption) || says(&headers) || unit_text.as_deref().is_some_and(is_concentration_unit))
            || crate::context::has_word(&crate::fold::lower(&caption), &["ratio", "ratios"])
        {
            return false;
        }
        // Times across: the innermost headers, with a unit from a spanning header, the stub
        // header or the caption for bare numbers.
        // (The first and last of the bare numbers across, where they rise.)
        let bare: Vec<f64> = (0..self.n_cols)
            .filter(|&c| c != self.stub_col)
            .filter_map(|c| self.paths[c].last()?.trim().parse::<f64>().ok())
            .collect();
        let bare_times =
            (bare.len() >= 3 && bare.windows(2).all(|w| w[0] < w[1])).then(|| (bare[0], bare[bare.len() - 1]));
        let outer_unit = |c: usize| {
            self.paths[c]
                .iter()
                .rev()
                .skip(1)
                .find_map(|h| labels::time_unit_in(h))
                .or_else(|| labels::time_unit_in(&caption))
                // (Or the footnote's: "Sampling times are hours after the morning dose".)
                .or_else(|| labels::declared_time_unit(self.table.footnote.as_deref()?))
                // (Or the range the caption samples, its ends the first and last times: "at
                // 0.25 to 24 h after a single dose" over `0.25 | ... | 24`.)
                .or_else(|| {
                    let (first, last) = bare_times?;
                    labels::sampling_range_unit(&caption, first, last)
                        .or_else(|| labels::sampling_range_unit(self.table.footnote.as_deref()?, first, last))
                })
        };
        // Days and hours coded (`D1 H2 | D2 H4 | D7`): a day's code alone is a day beside them.
        let day_hour_coded = (0..self.n_cols)
            .filter(|&c| self.paths[c].last().is_some_and(|l| labels::day_hour_code(l).is_some()))
            .count()
            >= 2;
        let col_time: Vec<Option<String>> = (0..self.n_cols)
            .map(|c| {
                let p = &self.paths[c];
                let last = p.last()?;
                // (Not patient `D` under `Patient`: a letter under a subject header is no day.)
                let lettered = lettered_subject(p).is_some();
                let time = (c != self.stub_col && !lettered)
                    .then(|| {
                        labels::time_of(&self.without_time_mark(last), outer_unit(c))
                            .or_else(|| labels::cycle_day(last, self.cycle_days))
                            .or_else(|| labels::cycle_day_time(last, self.cycle_days))
                            .or_else(|| labels::day_hour_code(last))
                            // (A cycle over its days and times: `Cycle 2` over `D1 pre | D1 2 h`.)
                            .or_else(|| {
                                let cycle = p[..p.len() - 1].iter().rev().find(|h| h.trim() != last.trim())?;
                                labels::cycle_over_day_time(cycle, last, self.cycle_days)
                            })
                            // (A study's days spanning bare numbers: `Study day of laying` over
                            // `2 | 4 | 6`, the day's number.)
                            .or_else(|| {
                                let day =
                                    self.without_time_mark(last).trim().parse::<u32>().ok().filter(|d| *d <= 400)?;
                                let above = p[..p.len() - 1].iter().rev().find(|h| h.trim() != last.trim())?;
                                let l = crate::fold::lower(above);
                                // (Not a day over its hours, `Day 1` over `0 | 2 | 4`, nor a dose
                                // per day, `Dose (mg/kg per day)`.)
                                // (Or weeks, a depot's: `Week` over `0 | 4 | 8`, in other
                                // languages too.)
                                let unit = if crate::context::has_word(&l, &["day", "days"]) {
                                    "day"
                                } else if crate::context::has_word(&l, labels::WEEK_WORDS) {
                                    "week"
                                } else {
                                    return None;
                                };
                                (labels::time_of(above, None).is_none()
                                    && !crate::context::has_word(&l, &["dose", "doses", "per", "mg", "mg/kg"]))
                                .then(|| format!("{unit} {day}"))
                            })
                            .or_else(|| day_hour_coded.then(|| labels::day_code(last)).flatten())
                            .or_else(|| labels::time_in_brackets(last))
                            // (A visit's sample before its dose: `Week 4 (pre-dose)`.)
                            .or_else(|| {
                                let (visit, Some(inner)) = crate::params::split_trailing_group(last) else {
                                    return None;
                                };
                                let before = matches!(
                                    crate::fold::lower(inner.trim()).as_str(),
                                    "pre-dose"
                                        | "predose"
                                        | "pre dose"
                                        | "trough"
                                        | "before dosing"
                                        | "before the dose"
                                );
                                let day = labels::time_of(visit, None).filter(|t| t.starts_with(['d', 'w']))?;
                                before.then(|| format!("{day}, pre-dose"))
                            })
                            // (`EOI`, `EOI + 1 h`: at or after the end of an infusion whose length
                            // the notes say.)
                            .or_else(|| after_infusion_end(last, self.infusion_length()?))
                            // (A sample the notes define as drawn before the dose by another
                            // name: `Pre-feed`, "Pre-feed, sample drawn before the medicated
                            // morning feed".)
                            .or_else(|| self.defined_before_dose(last).then(|| "pre-dose".to_owned()))
                    })
                    .flatten()?;
                // Under the day of a repeated dose (`Day 7` over `Pre-dose | 1 h | 4 h`): the
                // time on that day.
                // (Or a treatment cycle's day: `Cycle 1 Day 1` over `Pre-dose | 1 h`, `C1D8`.)
                let day = p[..p.len() - 1].iter().rev().find_map(|h| {
                    let is_day = |d: &String| {
                        let d = crate::fold::lower(d);
                        (d.starts_with("day") || d.starts_with("week") || d.starts_with("cycle"))
                            && d != crate::fold::lower(&time)
                    };
                    labels::cycle_day(h, self.cycle_days)
                        .or_else(|| labels::time_of(h, None))
                        .filter(is_day)
                        // (With what it says of the day: `Day 1 (admission)`, `Day 6 ·
                        // Namche Bazaar (3,440 m)`; above a specimen's header, `Day 3,
                        // hours after start of infusion` over `Serum (mg/L)` over `1 | 4`.)
                        .or_else(|| labels::leading_day(h).filter(is_day))
                });
                // (Or a time after the dose spanning days: `Anti-Xa activity 4 h post-dose
                // (IU/mL)` over `Day 2 | Day 5`, each day's sample 4 h after its dose.)
                let time = match p[..p.len() - 1].iter().rev().find_map(|h| labels::time_after_dose_in(h)) {
                    Some(after) if time.starts_with("day") && !time.contains(',') => format!("{time}, {after}"),
                    _ => time,
                };
                Some(match day {
                    Some(day) => format!("{day}, {time}"),
                    None => time,
                })
            })
            .collect();
        // Clock times across (`08:30 | 09:00 | 20:00 | 08:00`), the dose's clock time declared
        // in the caption or footnote: the time since the dose, as down the stub.
        let col_time = match self.clock_times_across() {
            Some(times) if col_time.iter().flatten().count() < 2 => times,
            _ => col_time,
        };
        if col_time.iter().flatten().count() >= 2 {
            for (c, t) in col_time.iter().enumerate() {
                if t.is_some() {
                    self.col_named[c] = Some(Named::Code("CONC"));
                }
            }
            self.col_time = col_time;
            return true;
        }
        // Times down the stub, under a time header.
        if let Some(row_time) = self.times_down_stub() {
            for (r, t) in row_time.iter().enumerate() {
                if t.is_some() {
                    self.row_named[r] = Some(Named::Code("CONC"));
                }
            }
            self.row_time = row_time;
            return true;
        }
        false
    }

    /// Sampling times across under a concentration's header beside columns of parameters
    /// (`Plasma X (mg/L), time after dose (h)` over `2 | 4 | 8 | 24`, then `t1/2 (h)` over
    /// `off HD | on HD`): each time column a concentration at its time. (Alone, such columns
    /// are a concentration-time table's; beside a parameter, the reader reads the parameter.)
    fn times_beside_parameters(&mut self) {
        if !self.col_named.iter().flatten().any(|n| n.code().is_some_and(|c| c != "CONC")) {
            return;
        }
        let caption = self.table.caption.clone().unwrap_or_default();
        for c in 0..self.n_cols {
            if c == self.stub_col || self.col_named[c].is_some() {
                continue;
            }
            let path = self.path_without_unit(c);
            let Some((leaf, [.., header])) = path.split_last() else { continue };
            if self.concentration_of(header, None).and_then(|n| n.code()) != Some("CONC") {
                continue;
            }
            let unit = labels::time_unit_in(header).or_else(|| labels::time_unit_in(&caption));
            if let Some(time) = labels::time_of(leaf, unit) {
                self.col_named[c] = Some(Named::Code("CONC"));
                self.col_time[c] = Some(time);
            }
        }
        // Sampling times alone over their columns beside the parameters, under a caption of
        // concentrations (`Patient | 1 h | 4 h | 12 h | t1/2 (h)`; clock times `08:00 | 09:00`
        // with the dose's clock time declared): each column a concentration at its time.
        if self.col_time.iter().any(Option::is_some) || !self.caption_says_concentrations() {
            return;
        }
        let clock = self.clock_times_across();
        let unit = labels::time_unit_in(&caption);
        let times: Vec<(usize, String)> = (0..self.n_cols)
            .filter(|&c| c != self.stub_col && self.col_named[c].is_none())
            .filter_map(|c| {
                let path = self.path_without_unit(c);
                // (Or under a phase's header that names no parameter, `Hypothermia (33.5 °C)`
                // over `2 | 24 | 48`: its times, the phase their group.)
                // (Or under the header that gives their unit, `Time after dose (h)` or `Hours
                // after oral dosing` spanning `0.5 | 1 | 2`.)
                let (leaf, above) = path.split_last()?;
                let time_header = |h: &str| unit_in_label(h).is_none_or(|u| is_time_unit(&u));
                if above
                    .iter()
                    .any(|h| named(h, self.route_kind).is_some() || unit_in_label(h).is_some() && !time_header(h))
                {
                    return None;
                }
                let unit = above.iter().rev().find_map(|h| labels::time_unit_in(h)).or(unit);
                let time = clock.as_ref().and_then(|t| t[c].clone()).or_else(|| labels::time_of(leaf, unit))?;
                Some((c, time))
            })
            .collect();
        if times.len() >= 2 {
            for (c, time) in times {
                self.col_named[c] = Some(Named::Code("CONC"));
                self.col_time[c] = Some(time);
            }
        }
    }

    /// Whether the caption says its values are concentrations: the word (`levels`,
    /// `residues`), or a concentration's unit.
    fn caption_says_concentrations(&self) -> bool {
        let caption = crate::fold::lower(self.table.caption.as_deref().unwrap_or_default());
        // (Not a `dose level`.)
        let words = ["concentration", "concentrations", "level", "levels", "residue", "residues"];
        (crate::context::has_word(&caption, &words) && !caption.contains("dose level"))
            || self.caption_unit.as_deref().is_some_and(is_concentration_unit)
    }

    /// A column headed `p` alone (`P`, `p*`) whose cells are p values (`0.02`, `<0.001`,
    /// `NS`): a test's, not a value of the groups' (where `P` is plasma, its values are
    /// concentrations).
    fn p_value_column(&self, c: usize) -> bool {
        // (Not the cells of a full-width row spanning it: `Day 5 (maintenance dose)` over the
        // rows of that day.)
        let spanning = |r: &Vec<String>| r.iter().all(|t| t.trim() == r[0].trim());
        let cells = self
            .table
            .body_rows
            .iter()
            .filter(|r| r.len() < 2 || !spanning(r))
            .filter_map(|r| r.get(c).map(|t| t.trim()))
            .filter(|t| !t.is_empty());
        p_values(&self.labels[c], cells)
    }

    /// A row whose stub is `p` alone and whose cells are p values (a test's row under the
    /// groups: `P | | < 0.001 | 0.002`).
    fn p_value_row(&self, row: usize) -> bool {
        let cells = &self.table.body_rows[row];
        let stub = cells.get(self.stub_col).map_or("", String::as_str);
        let rest = cells.iter().enumerate().filter(|(c, t)| *c != self.stub_col && !t.trim().is_empty());
        p_values(&label_marks(stub, &self.notes).0, rest.map(|(_, t)| t.trim()))
    }

    /// Sampling times down the stub under a time header, then rows of parameters in the same
    /// columns (`Time (h)` over `0.5 | 1 | 24`, then `Cmax (ng/mL) | Tmax (h)`, the
    /// subjects across): each time row a concentration at its time, where the caption or
    /// headers say the values are concentrations.
    fn times_above_parameters(&mut self) {
        let caption = crate::fold::lower(self.table.caption.as_deref().unwrap_or_default());
        let stub_header = self.labels.get(self.stub_col).cloned().unwrap_or_default();
        if !labels::is_time_header(&stub_header)
            // (Or an activity in international units: `Factor IX activity (IU/dL)`.)
            || !(caption.contains("concentration")
                || caption.contains("level")
                || self.caption_unit.as_deref().is_some_and(|u| Unit::parse(u).is_ok_and(|u| u.dims.activity == 1)))
            || self.row_named.iter().flatten().any(|n| n.code() == Some("CONC"))
        {
            return;
        }
        let unit = labels::time_unit_in(&stub_header).or_else(|| labels::time_unit_in(&caption));
        let times: Vec<Option<String>> = (0..self.row_named.len())
            .map(|r| {
                let stub = self.stubs[r].0.as_str();
                (self.row_named[r].is_none()).then(|| labels::time_of(stub, unit)).flatten()
            })
            .collect();
        if times.iter().flatten().count() < 2 {
            return;
        }
        for (r, time) in times.into_iter().enumerate() {
            if let Some(time) = time {
                self.row_named[r] = Some(Named::Code("CONC"));
                self.row_time[r] = Some(time);
            }
        }
    }

    /// A sampling time without the footnote mark glued to its number (`0.5a`, `44b`, `8*`,
    /// the note saying `End of infusion`, `pre-HD`): the number, where a note defines the
    /// mark; else the text as printed.
    fn without_time_mark<'s>(&self, text: &'s str) -> std::borrow::Cow<'s, str> {
        let t = text.trim();
        let Some(mark) = t.chars().next_back() else { return text.into() };
        let number = t[..t.len() - mark.len_utf8()].trim_end();
        // (Or a time with its unit, the mark set apart: `21 d b`, `21 d<sup>b</sup>`.)
        let spaced = t[..t.len() - mark.len_utf8()].ends_with(char::is_whitespace);
        let numeric = !number.is_empty()
            && (number.replace(',', ".").parse::<f64>().is_ok() || spaced && labels::time_of(number, None).is_some());
        let defined = self.notes.iter().any(|(k, _)| k.chars().eq(std::iter::once(mark)));
        if numeric && defined && (mark.is_ascii_lowercase() || crate::cell::MARK_SYMBOLS.contains(&mark)) {
            number.into()
        } else {
            text.into()
        }
    }

    /// Clock times across (`08:30 | 09:00 | 20:00 | 08:00`) read as the time since the dose
    /// whose clock time the caption or footnote declares, when two headers or more print one.
    fn clock_times_across(&self) -> Option<Vec<Option<String>>> {
        let caption = self.table.caption.as_deref().unwrap_or_default();
        let dose = labels::dose_clock(caption).or_else(|| labels::dose_clock(self.table.footnote.as_deref()?))?;
        self.clock_times_across_from(dose)
    }

    /// The headers' clock times across, read as the time since a dose at `dose` (minutes
    /// since midnight).
    fn clock_times_across_from(&self, dose: u32) -> Option<Vec<Option<String>>> {
        let leaves: Vec<&str> = (0..self.n_cols)
            .map(|c| if c == self.stub_col { "" } else { self.paths[c].last().map_or("", String::as_str) })
            .collect();
        labels::clock_times(&leaves, dose)
    }

    /// Whether column `col` names a duration (`Apparent t1/2 (h)`, `tmax`): its values have
    /// no sampling time.
    fn names_a_duration(&self, col: usize) -> bool {
        self.col_named
            .get(col)
            .copied()
            .flatten()
            .and_then(|n| n.code())
            .is_some_and(|code| crate::params::family_of_code(code, false) == Some(Family::Time))
    }

    /// The time column under the same spanning header as column `col`, where each span has
    /// its own ([`Self::span_time_cols`]).
    fn span_time_col(&self, col: usize) -> Option<(usize, Option<&'static str>)> {
        let span = self.paths[col].first().filter(|_| self.paths[col].len() > 1)?;
        self.span_time_cols.iter().find(|(c, _)| self.paths[*c].first() == Some(span)).copied()
    }

    /// A clock time across read from the subject's own dose: a mark on the row's stub whose
    /// note gives its dose's clock time (`4^b`, "b Morning dose given at 08:30"), where the
    /// caption or footnote gives the others'. (A sample before that dose keeps its column's
    /// time: the pre-dose sample.)
    fn own_dose_clock_time(&self, row: usize, col: usize) -> Option<String> {
        let (stub, marks) = self.stubs.get(row)?;
        // (Or a letter glued to a numbered subject's id, which the id keeps: `4b`.)
        let glued = stub
            .strip_suffix(|c: char| c.is_ascii_lowercase())
            .filter(|id| id.ends_with(|c: char| c.is_ascii_digit()))
            .map(|id| &stub[id.len()..]);
        let dose = marks.iter().map(String::as_str).chain(glued).find_map(|m| {
            let (_, note) = self.notes.iter().find(|(k, _)| k == m)?;
            labels::dose_clock(note)
        })?;
        self.clock_times_across_from(dose)?.swap_remove(col)
    }

    /// The sampling time a cell prints as a bare number in brackets after its value (`14.2
    /// (3.5)`), where its column's header declares the unit after the concentration's
    /// (`Tinidoxole, mg/L (h)`) or a note declares bracketed numbers times ("Figures in
    /// parentheses: hours between the last dose and sampling").
    fn declared_time_in_cell(&self, col: usize, text: &str) -> Option<String> {
        let (value, rest) = text.trim().split_once('(')?;
        let inner = rest.strip_suffix(')')?.trim();
        if !looks_numeric(value.trim().trim_start_matches(['<', '>'])) || !looks_numeric(inner) {
            return None;
        }
        let unit =
            self.paths[col].iter().rev().find_map(|h| without_bracket_time(h).map(|(_, unit)| unit)).or_else(|| {
                let footnote = self.table.footnote.as_deref().unwrap_or_default();
                labels::note_bracket_time_unit(footnote)
                    .or_else(|| labels::note_bracket_time_unit(self.table.caption.as_deref()?))
            })?;
        labels::time_of(&format!("{inner} {unit}"), None)
    }

    /// The time a cell of the same sample prints in brackets (`14.2 (3.5)` under `Pus` and
    /// `Tinidoxole, mg/L (h)`) for column `col` under the same specimen's header (`Pus`
    /// over both), in row `row`.
    fn same_sample_time(&self, row: usize, col: usize) -> Option<String> {
        let [specimen, _, ..] = self.paths[col].as_slice() else { return None };
        crate::context::matrix_of(specimen)?;
        let cells = &self.table.body_rows[row];
        (0..self.n_cols).filter(|&c| c != col && self.paths[c].first() == Some(specimen)).find_map(|c| {
            let text = cells.get(c)?;
            time_in_cell(text).or_else(|| self.declared_time_in_cell(c, text))
        })
    }

    /// Sampling times down the stub under a time header (`Time (min)` over `2 | 5 | 10`,
    /// the unit from the header or the caption), when two rows or more print one.
    fn times_down_stub(&self) -> Option<Vec<Option<String>>> {
        let caption = self.table.caption.as_deref().unwrap_or_default();
        let stub_header = self.labels.get(self.stub_col).map_or("", String::as_str);
        let lower = crate::fold::lower(stub_header);
        // Under a `Day` header the rows print their days (`Day 2`); bare numbers there take
        // no unit from the caption (`1 | 3 | 7` are no hours), and are read as no time.
        // (In other languages too: `Día`, `Jour`, `Giorno`, `Dag`, and German `Tag` or a day
        // of a therapy or study, `Therapietag`, `Behandlungstag`, `Studientag`.)
        const GERMAN_DAYS: &[&str] =
            &["tag", "tage", "therapietag", "behandlungstag", "studientag", "versuchstag", "applikationstag"];
        let german_days = GERMAN_DAYS.contains(&lower.trim());
        let day_header = crate::context::has_word(&lower, labels::DAY_WORDS) || german_days;
        // (A header counting days after an event does give them: `Day after injection` over `1
        // | 2 | 4`.)
        let unit = labels::time_unit_in(stub_header)
            .or_else(|| labels::days_header(stub_header))
            .or_else(|| (!day_header).then(|| labels::time_unit_in(caption)).flatten());
        // `Time (h)`, `Hours post-dose`, `Days after last medicated feed`.
        // (`Day` or `Treatment day` over `Day 2 | Day 3`: troughs by day.)
        // (Or the values' unit in the corner over stubs that are all times: `ng/mL` over `Pre
        // | 5 min post | 1 h post`, the sample before the dose by any name.)
        let corner = || {
            is_concentration_unit(stub_header.trim())
                && self
                    .stubs
                    .iter()
                    .map(|(s, _)| s.trim())
                    .filter(|s| !s.is_empty())
                    .all(|s| labels::time_of(s, None).is_some() || crate::fold::lower(s).starts_with("pre"))
        };
        // (Or no header, or a week's, over stubs that print their own unit, most of them:
        // `Week 1 | Week 2 | Week 4` under a blank corner, a dose's row above them.)
        // (Or a header naming the samples, `Sample` over `Day 1, 6 h | Day 2, pre-dose`.)
        let self_timed = || {
            (lower.trim().is_empty()
                || crate::context::has_word(
                    &lower,
                    &["week", "weeks", "month", "months", "sample", "samples", "sampling", "occasion"],
                ))
                && {
                    let filled: Vec<&str> =
                        self.stubs.iter().map(|(s, _)| s.trim()).filter(|s| !s.is_empty()).collect();
                    // (Each its unit's word and number, `Week 1`, `Day 3`: not durations, `7 days`.)
                    let timed = filled
                        .iter()
                        .filter(|s| s.starts_with(char::is_alphabetic) && labels::time_of(s, None).is_some())
                        .count();
                    timed >= 2 && 2 * timed > filled.len()
                }
        };
        let timed_header = lower.contains("time")
            || lower.contains("hour")
            || labels::time_unit_in(stub_header).is_some()
            // (`Tempo após a inserção`, `Zeit nach Gabe`: a time's word in another language.)
            || labels::names_time_in_another_language(stub_header)
            || day_header
            // (Or weeks over bare numbers, `Week`, `Settimana`: a long treatment's troughs.)
            || labels::days_header(stub_header) == Some("week")
            || corner()
            || self_timed();
        if !timed_header {
            return None;
        }
        // Clock times down the stub (`Clock time` over `08:30 | 09:00 | 08:00 (day 2)`), the
        // dose's clock time declared in the caption or footnote: the time since the dose (not
        // the day beside the clock alone).
        let dose = labels::dose_clock(caption).or_else(|| labels::dose_clock(self.table.footnote.as_deref()?));
        let stubs: Vec<&str> = self.stubs.iter().map(|(s, _)| s.as_str()).collect();
        if let Some(times) = dose.and_then(|dose| labels::clock_times(&stubs, dose)) {
            return Some(times);
        }
        // (`Pre` among the times since the dose: the sample before it.)
        let before_dose = |s: &str| {
            matches!(crate::fold::lower(labels::strip_marks(s).trim()).as_str(), "pre" | "pre." | "before")
                .then(|| "pre-dose".to_owned())
        };
        // (A day with its sample's moment, `Day 1, end of infusion`, `Day 3, trough`: the end
        // of an infusion whose length the notes give, the sample before that day's dose.)
        let day_and_moment = |s: &str| {
            let (day, moment) = s.split_once(',')?;
            let day = labels::time_of(day, None).filter(|d| d.starts_with("day"))?;
            let moment = moment.trim();
            let at = if matches!(crate::fold::lower(moment).as_str(), "trough" | "pre" | "predose" | "pre-dose") {
                "pre-dose".to_owned()
            } else {
                after_infusion_end(moment, self.infusion_length()?)?
            };
            Some(format!("{day}, {at}"))
        };
        // (German `Tag 2` is a day only under a German day's header, `Therapietag`: elsewhere
        // `Tag` is also an ear tag, a subject's.)
        let german_day = |s: &str| {
            let number = s.trim().strip_prefix("Tag ")?.trim();
            (german_days && number.parse::<u32>().is_ok()).then(|| format!("day {number}"))
        };
        let row_time: Vec<Option<String>> = self
            .stubs
            .iter()
            .map(|(s, _)| {
                labels::time_of(s, unit)
                    .or_else(|| german_day(s))
                    .or_else(|| before_dose(s))
                    .or_else(|| day_and_moment(s))
            })
            .collect();
        (row_time.iter().flatten().filter(|t| *t != "pre-dose").count() >= 2).then_some(row_time)
    }

    /// The sampling time of a cell: its column's, its row's, or its row's cell in a long
    /// table's time column.
    fn time_at(&self, row: usize, col: usize) -> Option<String> {
        // A column's time on the day its row names (`C1D8` or `Day 8` down the stub, `Pre-dose
        // | EOI` across): that day's.
        let on_the_rows_day = |time: String| -> String {
            let stub = self.stubs.get(row).map_or("", |(s, _)| s.as_str());
            let day = labels::cycle_day(stub, self.cycle_days)
                .or_else(|| labels::time_of(stub, None).filter(|d| crate::fold::lower(d).starts_with("day")));
            match day {
                Some(day) if !crate::fold::lower(&time).starts_with(['d', 'w', 'c']) => format!("{day}, {time}"),
                _ => time,
            }
        };
        // (An event's time spanning the values, `At delivery`, with the time since the dose
        // beside them under it, `Last dose to delivery (h)`: that time.)
        let event_timed = |time: String| -> String {
            if !matches!(time.as_str(), "at delivery" | "delivery" | "at birth" | "birth") {
                return time;
            }
            let timed = self.span_time_col(col).and_then(|(c, unit)| {
                let text = self.table.body_rows[row].get(c)?;
                labels::time_of(&self.without_time_mark(text), unit)
            });
            timed.unwrap_or(time)
        };
        self.col_time[col]
            .clone()
            .map(event_timed)
            .map(|time| self.own_dose_clock_time(row, col).unwrap_or(time))
            .map(on_the_rows_day)
            .or_else(|| self.row_time[row].clone())
            .or_else(|| self.event_time(row, col))
            .or_else(|| {
                let (c, unit) = self.span_time_col(col).or(self.time_col)?;
                // (A duration beside the samples, `Apparent t1/2 (h)` or `tmax`, has no
                // sampling time: the time column's is its row's sample's, unless it is the
                // occasion's day or week.)
                let duration = self.names_a_duration(col);
                let occasion = |t: &String| t.starts_with("day") || t.starts_with("week");
                // A summary row's cell there is the times' summary (`Median | 14.5 | 27.6`
                // under `Last dose to delivery (h) | Maternal plasma`), not a sampling time.
                let stub = self.stubs.get(row).map_or("", |(s, _)| s.as_str());
                let per_subject = || self.stubs.iter().any(|(s, _)| labels::subject_id(s).is_some());
                if c != self.stub_col && stat_label(stub).is_some_and(|l| l.central().is_some()) && per_subject() {
                    return None;
                }
                // A time printed once over the subjects after it (`1 | 101`, ` | 102`): the
                // one above, when the subjects follow the times.
                let printed = |r: usize| self.table.body_rows[r].get(c).filter(|t| !t.trim().is_empty());
                let text = if c == 0 && self.stub_col == 1 {
                    (0..=row).rev().find_map(printed)?
                } else {
                    self.table.body_rows[row].get(c)?
                };
                if let Some(time) = self.clock_time_down(row) {
                    return Some(time);
                }
                let text = self.without_time_mark(text);
                // (`pre` under a time after the dose, or under a header of times, `Time
                // (h)`, whose times count from the dose: the sample before it.)
                let before_dose = || {
                    let header = crate::fold::lower(&self.labels[c]);
                    (matches!(crate::fold::lower(text.trim()).as_str(), "pre" | "pre." | "before")
                        && (header.contains("dose") || labels::is_time_header(&header)))
                    .then(|| "pre-dose".to_owned())
                };
                let time = labels::time_of(&text, unit)
                    .or_else(|| infusion_time(&text, self.infusion_length()?))
                    .or_else(before_dose)?;
                let time = match self.day_of(row) {
                    Some(day) => format!("{day}, {time}"),
                    None => time,
                };
                (!duration || occasion(&time)).then_some(time)
            })
            // The nominal time where the actual time column has none (`Predose | —`).
            .or_else(|| {
                let (c, unit) = self.nominal_time_col?;
                let duration = self.names_a_duration(col);
                let text = self.table.body_rows[row].get(c).filter(|_| !duration)?;
                labels::time_of(&self.without_time_mark(text), unit)
            })
            // A day column alone (`Patient | Day | C0 | C2`): the row's day.
            .or_else(|| self.time_col.is_none().then(|| self.day_of(row)).flatten())
            // A full-width row above that is a time (`1 h after dosing`, `Day 3`).
            .or_else(|| self.section_time(row))
    }

    /// The time of the event a value column is sampled at, each subject's own in a column
    /// of that event's times (`Time after dose (min)` over `Incision | Closure`, beside
    /// `Skin incision` and `Wound closure` each over `Serum | Fat | Bone`): the row's time in
    /// the event's column, in the unit of the time header above it. Two event columns at
    /// least, none a parameter's (`Time to peak`) or named by a word any column may use
    /// (`Start`, `End`, `Peak`); a value column takes the one whose name is the last word
    /// of the header right above its own.
    fn event_time(&self, row: usize, col: usize) -> Option<String> {
        const GENERIC: &[&str] =
            &["start", "end", "first", "last", "dose", "peak", "trough", "pre", "post", "before", "after", "time"];
        let columns = self.event_time_cols.get_or_init(|| {
            let events: Vec<(usize, String, &'static str)> = (0..self.n_cols)
                .filter(|&c| self.col_named[c].is_none())
                .filter_map(|c| {
                    let path = self.path_without_unit(c);
                    let (leaf, above) = path.split_last()?;
                    let unit = above.iter().rev().find_map(|h| labels::time_unit_in(h))?;
                    let word = crate::fold::lower(leaf.trim()).split_whitespace().last()?.to_owned();
                    let named = word.chars().count() >= 3
                        && word.chars().all(char::is_alphabetic)
                        && !GENERIC.contains(&word.as_str());
                    named.then_some((c, word, unit))
                })
                .collect();
            if events.len() < 2 {
                return vec![None; self.n_cols];
            }
            (0..self.n_cols)
                .map(|c| {
                    if events.iter().any(|(e, _, _)| *e == c) {
                        return None;
                    }
                    let path = self.path_without_unit(c);
                    let above = crate::fold::lower(path.len().checked_sub(2).map(|k| path[k].trim())?);
                    let last_word = above.split_whitespace().last()?;
                    let matched: Vec<&(usize, String, &'static str)> =
                        events.iter().filter(|(_, word, _)| word == last_word).collect();
                    match matched.as_slice() {
                        [(e, _, unit)] => Some((*e, *unit)),
                        _ => None,
                    }
                })
                .collect()
        });
        let (c, unit) = columns.get(col).copied().flatten()?;
        labels::time_of(self.table.body_rows.get(row)?.get(c)?, Some(unit))
    }

    /// A long table's clock time (`Patient | Clock time | Serum` over `Patient A | 09:00 |
    /// 61.3`) read as the time since the dose: the dose clock the notes give the row's
    /// subject ("Patient A received the dose at 08:00; patient B at 21:00"), else the one
    /// the caption or footnote declares; each subject's clock runs on past midnight into the
    /// next day down its rows (`20:00` then `08:00 (next day)`).
    fn clock_time_down(&self, row: usize) -> Option<String> {
        self.clock_times_down
            .get_or_init(|| {
                let rows = self.table.body_rows.len();
                let Some((c, _)) = self.time_col else { return vec![None; rows] };
                let notes = format!(
                    "{}. {}",
                    self.table.caption.as_deref().unwrap_or_default(),
                    self.table.footnote.as_deref().unwrap_or_default()
                );
                // Dates down a column beside the clock times, by the month's name (`Date |
                // Clock time` over `15 June | 01:00`), the dose's date and clock in the notes
                // ("at 23:00 on 14 June"): the time since that dose.
                if let Some(times) = self.month_dated_clock_times(c, &notes) {
                    return times;
                }
                let shared = labels::dose_clock(&notes);
                // Each subject's rows in turn: its stub, printed once above its rows.
                let mut runs: Vec<(String, Vec<usize>)> = Vec::new();
                for r in 0..rows {
                    let stub = self.stubs.get(r).map_or("", |(s, _)| s.trim());
                    match runs.last_mut() {
                        Some((name, members)) if stub.is_empty() || stub == name => members.push(r),
                        _ => runs.push((stub.to_owned(), vec![r])),
                    }
                }
                // (A stub of its own on every row is no subject's: one run of clock times.)
                if runs.len() > 1
                    && runs.iter().all(|(_, members)| members.len() == 1)
                    && !runs.iter().any(|(name, _)| labels::subject_id(name).is_some())
                {
                    runs = vec![(String::new(), (0..rows).collect())];
                }
                let subject_clocks = labels::subject_dose_clocks(
                    &notes,
                    &runs.iter().map(|(name, _)| name.as_str()).collect::<Vec<_>>(),
                );
                // (Dates beside the clock times, `12/03 06:45`: from each subject's first dose's
                // date and clock, "the first started on 12/03 at 06:00".)
                let names: Vec<&str> = runs.iter().map(|(name, _)| name.as_str()).collect();
                let dated =
                    (0..rows).filter_map(|r| self.table.body_rows[r].get(c)).any(|t| labels::dated_clock(t).is_some());
                let dose_dates =
                    if dated { labels::subject_dose_dates(&notes, &names) } else { vec![None; names.len()] };
                let day_first = labels::day_first_declared(&notes);
                let mut times = vec![None; rows];
                for (k, (_, members)) in runs.iter().enumerate() {
                    let printed: Vec<&str> =
                        members.iter().map(|&r| self.table.body_rows[r].get(c).map_or("", String::as_str)).collect();
                    if let Some(dose) = dose_dates.get(k).copied().flatten()
                        && let Some(read) = labels::dated_clock_times(&printed, dose, day_first)
                    {
                        for (&r, time) in members.iter().zip(read) {
                            times[r] = time;
                        }
                        continue;
                    }
                    let Some(dose) = subject_clocks.get(k).copied().flatten().or(shared) else { continue };
                    // (One subject's single sample is still a clock time.)
                    let read = labels::clock_times(&printed, dose).or_else(|| {
                        (printed.len() == 1).then(|| labels::clock_times(&[printed[0], printed[0]], dose)).flatten()
                    });
                    for (&r, time) in members.iter().zip(read.unwrap_or_default()) {
                        times[r] = time;
                    }
                }
                times
            })
            .get(row)
            .cloned()
            .flatten()
    }

    /// [`Self::clock_time_down`] where a column of dates by the month's name stands beside
    /// the clock times in column `c` (a date printed once over its day's rows carries down).
    fn month_dated_clock_times(&self, c: usize, notes: &str) -> Option<Vec<Option<String>>> {
        let rows = &self.table.body_rows;
        let dates = (0..self.n_cols).find(|&d| {
            d != c && {
                let mut filled = filled_cells(self.table, d).peekable();
                filled.peek().is_some() && filled.all(|t| labels::month_date(t).is_some())
            }
        })?;
        let (dose_date, dose_clock) = labels::dose_month_date(notes)?;
        let mut date = None;
        let printed: Vec<String> = rows
            .iter()
            .map(|r| {
                date = r.get(dates).and_then(|t| labels::month_date(t)).or(date);
                match (date, r.get(c)) {
                    (Some((d, m)), Some(clock)) => format!("{d}/{m} {}", clock.trim()),
                    _ => String::new(),
                }
            })
            .collect();
        let printed: Vec<&str> = printed.iter().map(String::as_str).collect();
        labels::dated_clock_times(&printed, (dose_date, dose_clock), Some(true))
    }

    /// The time a full-width row above `row` prints, up to the next full-width row.
    fn section_time(&self, row: usize) -> Option<String> {
        self.section_times
            .get_or_init(|| {
                let mut current: Option<String> = None;
                (0..self.table.body_rows.len())
                    .map(|r| {
                        if let Some((name, _)) = self.section(r) {
                            current = labels::time_of(&name, None);
                        }
                        current.clone()
                    })
                    .collect()
            })
            .get(row)
            .cloned()
            .flatten()
    }

    /// The day the day column gives row `row`, printed on the day's first row (`Day 3`, or
    /// a bare `3` under `Day`): looked for up to the row where the subject begins (its stub
    /// printed), not in the subject above.
    fn day_of(&self, row: usize) -> Option<String> {
        let d = self.day_col?;
        for r in (0..=row).rev() {
            let cells = &self.table.body_rows[r];
            if let Some(day) = cells.get(d).map(|t| t.trim()).filter(|t| !t.is_empty()) {
                let weeks = crate::fold::lower(&self.labels[d]).contains("week");
                return labels::time_of(day, None).or_else(|| {
                    day.parse::<u32>().ok().map(|n| if weeks { format!("week {n}") } else { format!("day {n}") })
                });
            }
            if cells.get(self.stub_col).is_some_and(|s| !s.trim().is_empty()) {
                return None;
            }
        }
        None
    }

    /// Body cell (`row`, `col`) as `parse_cell` reads it, read once per table; a cell
    /// outside the grid reads as blank.
    fn body_cell(&self, row: usize, col: usize) -> &CellValue {
        // A copy of a value printed once across columns is no value of its own, nor is a
        // copy of a value printed once down rows (an AUC beside a subject's concentrations),
        // except where the column says of each row what it spans: a count, a dose, a time or
        // day, the stub.
        if !self.table.spanned.is_empty() && self.table.spanned.binary_search(&[row, col]).is_ok() {
            let cells = &self.table.body_rows[row];
            let across = col > 0 && cells.get(col - 1) == cells.get(col);
            let said_of_each_row = col == self.stub_col
                || self.dose_cols.contains(&col)
                || self.time_col.is_some_and(|(c, _)| c == col)
                || self.day_col == Some(col)
                || self.paths.get(col).and_then(|p| p.last()).is_some_and(|h| labels::is_count_header(h));
            if across || !said_of_each_row {
                return blank_cell();
            }
        }
        match (
            self.parsed.get(row).and_then(|cells| cells.get(col)),
            self.table.body_rows.get(row).and_then(|r| r.get(col)),
        ) {
            (Some(once), Some(text)) => once.get_or_init(|| {
                // (Durations in hours and minutes where the row or column says so: `Time of
                // peak, h:min` beside `1:30 ± 0:25`, read in hours.)
                let in_hours_minutes = |label: &str| {
                    let l = crate::fold::lower(label);
                    crate::params::HOURS_MINUTES.iter().any(|u| l.contains(u))
                };
                let stub = self.stubs.get(row).map_or("", |(s, _)| s.as_str());
                if text.contains(':')
                    && (in_hours_minutes(stub) || self.labels.get(col).is_some_and(|l| in_hours_minutes(l)))
                {
                    parse_cell(&labels::hours_minutes_as_hours(text))
                } else {
                    parse_cell(text)
                }
            }),
            _ => blank_cell(),
        }
    }

    /// The dose of a cell's row in a dose column beside it (`Dose, mg/d` under the same
    /// spanning header, or a table-wide `Dose` column), with the column's unit.
    fn dose_at(&self, row: usize, col: usize) -> Option<String> {
        let parent = |c: usize| &self.paths[c][..self.paths[c].len().saturating_sub(1)];
        let others = || self.dose_cols.iter().copied().filter(|&d| d != col);
        let d = others().find(|&d| parent(d) == parent(col)).or_else(|| others().find(|&d| parent(d).is_empty()))?;
        let text = self.table.body_rows[row].get(d)?.trim();
        let cell = self.body_cell(row, d);
        let value = cell.value?;
        let unit = cell.unit.clone().or_else(|| self.paths[d].last().and_then(|h| unit_in_label(h)));
        let printed = text.trim_end_matches(|c: char| c.is_ascii_lowercase() && text.len() > 1 && cell.unit.is_none());
        Some(match unit {
            Some(u) if cell.unit.is_none() => format!("{value} {u}"),
            _ => printed.to_owned(),
        })
    }

    /// The declarations of the caption and footnote: the unmarked text of all values, each
    /// marked note of the values carrying its mark.
    fn table_declarations(&self, caption: &str, footnote: &str) -> Vec<Declaration> {
        let names = |text: &str| parameter_code(text, self.route_kind).map(str::to_owned);
        let mut out = declarations(caption, &Scope::All, &names);
        let mut unmarked = footnote.to_owned();
        for (_, note) in &self.notes {
            if let Some(at) = unmarked.find(note.as_str()) {
                unmarked.replace_range(at..at + note.len(), " ");
            }
        }
        // A note defining one of the table's own labels (`Ratio, liposomal / conventional
        // mean`, `GMR = geometric mean ratio`) says what that column is, not what the table's
        // values are.
        let own_label = |x: &str| {
            let x = crate::fold::lower(x.trim());
            !x.is_empty()
                && self.labels.iter().any(|l| {
                    let l = crate::fold::lower(crate::params::split_trailing_group(l).0.trim());
                    l == x || l.rsplit(" / ").next() == Some(x.as_str())
                })
        };
        // (Not a parameter's label: `tmax, median (range)` declares tmax's values.)
        let defined: Vec<&str> = unmarked
            .split([';', '.'])
            .filter(|part| {
                part.split_once([',', '=', ':']).is_some_and(|(x, rest)| {
                    own_label(x) && !rest.trim().is_empty() && parameter_code(x.trim(), self.route_kind).is_none()
                })
            })
            .collect();
        let mut undefined = unmarked.clone();
        for part in defined {
            if let Some(at) = undefined.find(part) {
                undefined.replace_range(at..at + part.len(), " ");
            }
        }
        out.extend(declarations(&undefined, &Scope::All, &names));
        // The stub's header may declare the table: `Parameter, mean (SD)`, `Variable (mean
        // ± SD)` (not a header that is a statistic label alone, `Mean (SD)`, which labels
        // its column).
        // (The words before its statistic say what the stub lists, `Feed concentration (mean ±
        // SEM)`, `Dose group`, and scope nothing; a parameter inside the brackets still scopes
        // its clause, `Parameter (mean ± SD; tmax: median [range])`.)
        // (Over a stub of parameter names, a statistic label alone, `Median [IQR]` in the
        // top-left cell, labels no column of values: it declares the table.)
        if let Some(stub_header) = self.labels.get(self.stub_col)
            && (stat_label(stub_header).is_none() || self.row_named.iter().flatten().nth(1).is_some())
        {
            let lead = stub_header.split(['(', ',']).next().unwrap_or_default();
            let in_lead = |code: &String| {
                std::iter::once(lead)
                    .chain(lead.split([' ', '/']))
                    .any(|w| parameter_code(w.trim(), self.route_kind) == Some(code.as_str()))
            };
            out.extend(self.label_declarations(stub_header).into_iter().map(|d| match &d.scope {
                Scope::Only(codes) if codes.iter().all(in_lead) => Declaration { scope: Scope::All, ..d },
                _ => d,
            }));
        }
        // A mark on the stub's header (`Parameter<sup>a</sup>`) scopes its note to the whole
        // table.
        let stub_marks = self.label_marks.get(self.stub_col).cloned().unwrap_or_default();
        // So does a mark on the caption (`... Selected Compounds<sup>a</sup>`, `... two
        // temperatures*`): a mark symbol standing alone, or a lone letter ending the caption.
        let tokens: Vec<&str> = caption.split_whitespace().map(|t| t.trim_end_matches('.')).collect();
        let on_caption = |mark: &str| {
            let symbol = mark.chars().all(|c| crate::cell::MARK_SYMBOLS.contains(&c));
            if symbol { tokens.iter().any(|t| *t == mark || t.ends_with(mark)) } else { tokens.last() == Some(&mark) }
        };
        // And a note whose mark nothing in the table carries (set on the title or caption in
        // the original, lost in the copy): "<sup>a</sup>Data are geometric mean (CV%)." with
        // no `a` in the table is about the whole table, where nothing else declares it.
        let declared = out.iter().any(|d| d.scope == Scope::All && d.central.is_some());
        let on_table = |mark: &String| {
            self.label_marks.iter().flatten().any(|m| m == mark)
                || self.stubs.iter().any(|(_, marks)| marks.contains(mark))
                || (0..self.table.body_rows.len())
                    .any(|r| (0..self.table.body_rows[r].len()).any(|c| self.body_cell(r, c).marks.contains(mark)))
                // (Or set apart inside a label: `tmax a (h)` of `t<sub>max</sub><sup>a</sup> (h)`.)
                || self.table.header_rows.iter().chain(&self.table.body_rows).flatten().any(|t| {
                    t.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | '/')).any(|w| w == mark)
                })
        };
        // (One such note only: two orphans, "a Mean (SD). b Median (range).", say nothing of
        // which values each is about.)
        let orphans: Vec<&String> = if declared {
            Vec::new()
        } else {
            self.notes.iter().map(|(mark, _)| mark).filter(|mark| !on_table(mark)).collect()
        };
        for (mark, note) in &self.notes {
            let orphan = orphans.len() == 1 && orphans[0] == mark;
            let scope = if stub_marks.contains(mark) || on_caption(mark) || orphan {
                Scope::All
            } else {
                Scope::Marked(mark.clone())
            };
            out.extend(declarations(note, &scope, &names));
        }
        out
    }

    /// What row `r`'s stub names as a parameter: a parameter name, or a specimen or analyte
    /// whose cells print a concentration unit (`IFX in cord blood | 36.89 μg/ml`).
    fn row_parameter(&self, r: usize) -> Option<Named> {
        let stub = &self.stubs[r].0;
        // Under a subject header (`Volunteer`), a code names a subject: `V1` is volunteer 1,
        // not a central volume.
        if self.subject_cols.get(self.stub_col).is_some_and(|s| *s)
            && labels::subject_id(stub).is_some()
            && self.stub_ids_are_subjects()
        {
            return None;
        }
        // Patients lettered under a subject header (`Patient` over `A | B | ... | F`): `F`
        // is a patient, not a bioavailability.
        if self.subject_cols.get(self.stub_col).is_some_and(|s| *s)
            && stub.trim().len() == 1
            && stub.trim().chars().all(|c| c.is_ascii_uppercase())
        {
            return None;
        }
        // Nor a subject word with its id and sex (`Dog 2 (F)`).
        if labels::with_sex(stub) {
            return None;
        }
        // Nor a population model's variability terms, by the symbols NONMEM's notation gives
        // them (`ω CL` the interindividual variability of CL, `σ prop` a residual error) or
        // in words (`IIV on clearance`, in the stub or the symbol's column before it).
        let variability = |label: &str| {
            let lower = crate::fold::lower(label.trim());
            label.trim_start().starts_with(['ω', 'Ω', 'η', 'σ', 'ε'])
                || lower.starts_with("iiv ")
                || lower.starts_with("bsv ")
                || lower.contains("variability")
        };
        if variability(stub) || self.table.body_rows[r].iter().take(self.stub_col).any(|c| variability(c)) {
            return None;
        }
        // Under a stub of sampling times (`Time after last dose (h)`), a full-width row names
        // a section (`Plasma (ng/mL)`, `Breast muscle (ng/g)`): the specimen and unit of the
        // times below it, not a row of values.
        if self.labels.get(self.stub_col).is_some_and(|h| labels::time_unit_in(h).is_some())
            && self.section(r).is_some()
        {
            return None;
        }
        // A symbol the vocabulary cannot name for sure, defined by the table's notes.
        if let Some(d) = self.defined(stub).filter(|_| named(stub, self.route_kind).and_then(Named::code).is_none()) {
            return Some(Named::Code(d.code));
        }
        named(stub, self.route_kind)
            .or_else(|| parameter_code(&self.comma_compound(stub)?.0, self.route_kind).map(Named::Code))
            .or_else(|| self.abbreviated_analytes_parameter(stub).map(|(_, n)| n))
            // A symbol its row spells out in a description column (`Q (L/h) | Intercompartmental
            // clearance | 0.31`).
            .or_else(|| {
                let described = (0..self.n_cols).find(|&c| {
                    c != self.stub_col
                        && matches!(
                            crate::fold::lower(labels::strip_marks(&self.labels[c]).trim()).as_str(),
                            "description" | "definition" | "meaning" | "parameter description"
                        )
                })?;
                let words = self.table.body_rows[r].get(described)?.trim();
                // (Not a model's variances and covariate effects, `CL IIV | Interindividual
                // variability on clearance`, `θWT | Exponent of WT on CL`; `θQ`, the typical Q,
                // is one.)
                let model_term = ["variab", "iiv", "exponent", "effect of", " on "]
                    .iter()
                    .any(|w| crate::fold::lower(words).contains(w));
                (!model_term).then(|| named(words, self.route_kind)).flatten().filter(|n| n.code().is_some())
            })
            .or_else(|| peak_or_trough(stub, self.peak_trough_unit()))
            .or_else(|| {
                let cells = &self.table.body_rows[r];
                let cell_unit = (self.stub_col + 1..cells.len()).find_map(|c| self.body_cell(r, c).unit.clone());
                // (Or the row's cell in a unit column: `Tissue | Unit | Rat 1` over `Liver | ng/g
                // | 8313`.)
                let unit_column = || {
                    (0..cells.len())
                        .filter(|&c| c != self.stub_col && labels::is_unit_header(&self.labels[c]))
                        .map(|c| label_marks(&cells[c], &self.notes).0.trim().to_owned())
                        .find(|u| Unit::parse(u).is_ok())
                };
                let unit = unit_in_label(stub)
                    .or_else(|| cell_unit.clone())
                    .or_else(unit_column)
                    .or_else(|| self.statistic_columns_unit());
                self.concentration_of(stub, unit.as_deref()).or_else(|| {
                    // Cells that print a concentration unit beside their values are concentrations,
                    // whatever the stub calls them ("IFX at 6 months | 0.94 pg/ml").
                    // (Not where the stub names individuals, `Uulu (♂, 21 y)` over her samples'
                    // rows: the column names what they are.)
                    let plain = !stub.trim().is_empty()
                        && stat_label(stub).is_none()
                        && self.ratio_of(stub).is_none()
                        && !self.learned.named_rows;
                    (plain && cell_unit.as_deref().is_some_and(is_concentration_unit)).then_some(Named::Code("CONC"))
                })
            })
    }

    /// A parameter of the analyte an abbreviation before it names (`INS-Cmax (mIU/L)`, "INS,
    /// serum insulin X"); a pharmacodynamic prefix (`GIR-AUC`, "GIR, glucose infusion rate")
    /// names no analyte, and no parameter. The parameter comes with the abbreviation (`INS`).
    fn abbreviated_analytes_parameter<'l>(&self, label: &'l str) -> Option<(&'l str, Named)> {
        // (Or before it and a space, after the words for the unbound or total drug: `MFA
        // Cmax, mg/L`, `Unbound MFA AUC0–12`, "mycoferolic acid (MFA)".)
        let label = ["Unbound ", "unbound ", "Free ", "free ", "Total ", "total "]
            .iter()
            .find_map(|q| label.strip_prefix(q))
            .unwrap_or(label);
        let (prefix, rest) = label.split_once(['-', '‐', '–', ' '])?;
        // (An analyte's: not a specimen's, `CSF Cmax` under "cerebrospinal fluid (CSF)".)
        let analyte = prefix.len() >= 2
            && prefix.chars().all(|ch| ch.is_ascii_uppercase())
            && self.abbreviations.iter().any(|(a, _, _)| a == prefix)
            && matrices_in(prefix).is_empty();
        if !analyte {
            return None;
        }
        // (Its unit after a comma: `Cmax, mg/L`.)
        let rest = match rest.rsplit_once(',') {
            Some((name, unit)) if Unit::parse(unit.trim()).is_ok() => name,
            _ => rest,
        };
        named(rest, self.route_kind).map(|n| (prefix, n))
    }

    /// A parameter's label naming its compound after a comma ([`compound_after_comma`]); a
    /// one-word name of the caption too, where two labels of the table or more end with it
    /// (`Cmax, tizoprazine` and `t½, tizoprazine` under "... of tizoprazine and M1").
    fn comma_compound(&self, label: &str) -> Option<(String, Option<String>)> {
        let known = |tail: &str| {
            let lower = crate::fold::lower(tail);
            let caption = crate::fold::lower(self.table.caption.as_deref().unwrap_or_default());
            let tail_of = |l: &str| {
                let (name, _) = crate::params::split_trailing_group(without_statistic_clause(l));
                name.rsplit_once(',').is_some_and(|(_, t)| crate::fold::lower(t.trim()) == lower)
            };
            // A metabolite's code (`M1`), or a word of a name; not a statistic, a time, a
            // population, a species or a qualifier (`median`, `week`, `infants`, `renal`).
            let code = {
                let mut chars = tail.chars();
                chars.next() == Some('M') && (2..=4).contains(&tail.len()) && chars.all(|c| c.is_ascii_digit())
            };
            let word = lower.chars().count() >= 5 && lower.chars().all(|c| c.is_alphabetic() || c == '-');
            (code || word)
                && !QUALIFIER_WORDS.contains(&lower.as_str())
                && stat_label(tail).is_none()
                && labels::time_of(tail, None).is_none()
                && crate::context::population_in(tail).is_none()
                && crate::context::species_of(tail).is_none()
                // (Named in the caption after `of` or beside another compound: "... of X and
                // M1", "X and its metabolite".)
                && {
                    let words: Vec<&str> =
                        caption.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
                    words.iter().enumerate().any(|(k, w)| {
                        *w == lower
                            && (k > 0 && matches!(words[k - 1], "of" | "and" | "or")
                                || matches!(words.get(k + 1), Some(&"and" | &"or")))
                    })
                }
                && self
                    .stubs
                    .iter()
                    .map(|(s, _)| s.as_str())
                    .chain(self.labels.iter().map(String::as_str))
                    .filter(|l| tail_of(l))
                    .count()
                    >= 2
        };
        compound_after_comma_by(label, &known)
    }

    /// Whether `name` (one word of four letters or more) is the parent of a metabolite a
    /// column's header names by its nomenclature (`Closantide` beside `Closantide sulphoxide`,
    /// `X` beside `desethyl-X`).
    fn parent_of_a_column(&self, name: &str) -> bool {
        let name = crate::fold::lower(name.trim());
        if name.chars().count() < 4 || !name.chars().all(char::is_alphabetic) {
            return false;
        }
        // (A leaf the notes abbreviate, by its full name: `M` of "desethyl-doxafenil (M)".)
        self.clean_paths.iter().filter_map(|p| p.last()).any(|leaf| {
            let leaf = crate::params::split_trailing_group(leaf).0.trim();
            let full = self.abbreviation(leaf).map_or(leaf, |(_, full, _)| full.as_str());
            metabolite_in(full).is_some_and(|m| named_after_parent(&crate::fold::lower(&m), &name))
        })
    }

    /// Whether `name` is the study drug or a metabolite the caption names after the word
    /// `metabolite` (`its metabolite M2`), or the drug's partner in a combination (`X/Y`).
    fn caption_compound(&self, name: &str) -> bool {
        let name = crate::fold::lower(name.trim());
        if name.is_empty() || name.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
        // (The table's drug, the one its context gives, read here too before the context is.)
        let (caption, drug) = self.caption_and_drug.get_or_init(|| {
            let caption = crate::fold::lower(self.table.caption.as_deref().unwrap_or_default());
            let drug = crate::context::table_drug(self.table).map(|(d, _)| crate::fold::lower(&d));
            (caption, drug)
        });
        if drug.as_deref() == Some(name.as_str()) {
            return true;
        }
        // (Every rule below finds the name among the caption's words.)
        if !caption.contains(name.as_str()) {
            return false;
        }
        // (A name in Japanese, Chinese or Korean letters the caption prints before its
        // metabolite: such captions set no space between words, `血浆中硫普利特及代谢物M2`,
        // read `硫普利特及 metabolite M2`.)
        if name.chars().count() >= 2 && name.chars().all(statistic_words::is_cjk) {
            return caption.match_indices(name.as_str()).any(|(at, _)| {
                let after = &caption[at + name.len()..];
                let joined = after.trim_start_matches(|c: char| c == ' ' || "及和与與및과와と".contains(c));
                joined.len() + 6 >= after.len() && joined.starts_with("metabolite")
            });
        }
        let words: Vec<&str> = caption.split_whitespace().collect();
        fn word(w: &str) -> &str {
            w.trim_matches(|c: char| !c.is_alphanumeric())
        }
        words.windows(2).any(|w| matches!(w[0], "metabolite" | "metabolites") && word(w[1]) == name)
            // The parent before its metabolite: `famcivax and its active metabolite pencivax`.
            || words.iter().enumerate().any(|(k, w)| {
                word(w) == name
                    && words.get(k + 1) == Some(&"and")
                    && words[k + 2..].iter().take(3).any(|w| matches!(word(w), "metabolite" | "metabolites"))
            })
            // The drug and a compound beside it: `X and M4 plasma concentrations`; or the two
            // of a fixed-dose combination, `X/Y` (`a nilvadipril/rosuvaprazole tablet`).
            || drug.as_deref().is_some_and(|drug| {
                words.windows(3).any(|w| {
                    w[1] == "and" && (word(w[0]) == drug && word(w[2]) == name || word(w[0]) == name && word(w[2]) == drug)
                }) || words.iter().any(|w| {
                    word(w).split_once('/').is_some_and(|(a, b)| a == drug && b == name || a == name && b == drug)
                })
                // (Or the drug's partner the caption names by its role: `X and its antagonist
                // Y`, `X and its antidote Y`.)
                || words.windows(5).any(|w| {
                    word(w[0]) == drug && w[1] == "and" && w[2] == "its" && (word(w[3]) == name || word(w[4]) == name)
                })
            })
    }

    /// The one unit of the statistic columns that print one (`Analyte | Median (ng/mL) |
    /// Mean (ng/mL) | Range (ng/mL)`): the unit of the rows' values where the rows name
    /// analytes, not parameters.
    fn statistic_columns_unit(&self) -> Option<String> {
        self.statistic_columns_unit
            .get_or_init(|| {
                let mut units = (0..self.n_cols).filter(|&c| c != self.stub_col).filter_map(|c| {
                    let label = &self.labels[c];
                    let unit = unit_in_label(label)?;
                    stat_label(crate::params::split_trailing_group(label).0.trim()).map(|_| unit)
                });
                let first = units.next()?;
                units.all(|u| u == first).then_some(first)
            })
            .clone()
    }

    /// The caption's (else the footnote's) concentration unit where the caption names peak
    /// or trough concentrations (`Serum peak and trough concentrations (mg/L)`): the unit of
    /// bare `Peak` and `Trough` labels.
    fn peak_trough_unit(&self) -> Option<&str> {
        let names = *self.caption_peak_trough.get_or_init(|| {
            let caption = crate::fold::lower(self.table.caption.as_deref().unwrap_or_default());
            crate::context::has_word(&caption, &["peak", "peaks", "trough", "troughs"])
        });
        names.then_some(self.caption_unit.as_deref()).flatten()
    }

    /// Whether most of the stub's cells are subject ids (`V1`, `V2`, `V3`): then codes that
    /// look like parameters are subjects too. (A transposed table, `Patient` over rows
    /// `V1`, `K10`, `CL`, names parameters.)
    fn stub_ids_are_subjects(&self) -> bool {
        let ids = self.stubs.iter().filter(|(s, _)| labels::subject_id(s).is_some()).count();
        let named = self
            .stubs
            .iter()
            .filter(|(s, _)| labels::subject_id(s).is_none() && named(s, self.route_kind).is_some())
            .count();
        ids >= 2 && named == 0 && 2 * ids >= self.stubs.len()
    }

    /// The parameter a header above column `c`'s innermost one names, when the innermost
    /// is a group (`Test`, `Fasted`, `Day 1`) or a statistic (`Mean`, `SD`), not a time, a
    /// count, a comparison or a unit.
    fn parameter_above(&self, c: usize) -> Option<(Named, String)> {
        let path = self.path_without_unit(c);
        let (leaf, above) = path.split_last()?;
        let leaf = leaf.trim();
        // (A time under an amount excreted is its collection interval: `Amount excreted (mg)`
        // over `0–4 h | 4–8 h`, each column the amount of its interval.)
        let interval = || {
            above
                .iter()
                .rev()
                .find_map(|h| named(h, self.route_kind))
                .and_then(Named::code)
                .is_some_and(|code| crate::params::class_of_code(code) == Some("excretion"))
        };
        let interval_leaf = labels::time_of(leaf, None).is_some() && interval();
        // (A day or week of treatment under a level drawn on it, `Ctrough (µg/mL)` over `Week 2 |
        // Week 4`: each column the level at that time.)
        let occasion_leaf = || {
            labels::time_of(leaf, None).is_some_and(|t| t.starts_with("week ") || t.starts_with("day ")) && {
                let code = above.iter().rev().find_map(|h| named(h, self.route_kind)).and_then(Named::code);
                matches!(code, Some("CTROUGH" | "CMIN" | "CONC" | "CMAX" | "CAVG"))
            }
        };
        // (A spread among the parameter's statistics, `Cmax` over `GM | 90% CI`, is read with
        // them: its central value's interval.)
        let spread = matches!(stat_label(leaf), Some(StatLabel::Spread(_)));
        // (Nor is a central value with its spread's percent a comparison: `Cmax` over `GM
        // (CV%)`.)
        let declared = stat_label(leaf).is_some_and(|l| l.central().is_some());
        if above.is_empty()
            || leaf.is_empty()
            || labels::is_non_value_header(leaf) && !spread
            || labels::is_count_header(leaf)
            || labels::time_of(leaf, None).is_some() && !interval_leaf && !occasion_leaf()
            || matches!(stat_label(leaf), Some(StatLabel::Count))
            || looks_numeric(leaf) && !interval_leaf && !spread
            || is_comparison(leaf) && !spread && !declared
        {
            return None;
        }
        let (at, param) =
            above.iter().enumerate().rev().find_map(|(k, h)| named(h, self.route_kind).map(|n| (k, n)))?;
        // A statistic stays alone (read with its row's other statistics); a group joins the
        // other headers that are not the parameter (`Fasted / Test`).
        // (A day or week under the level is its time, no group.)
        let occasion = !interval_leaf && labels::time_of(leaf, None).is_some();
        let under = if stat_label(leaf).is_some() {
            leaf.to_owned()
        } else {
            let last = path.len() - 1;
            // (Nor a unit row between the parameter and the groups: `Cmax` over `(ng/mL)` over
            // `M | F`.)
            path.iter()
                .enumerate()
                .filter(|(k, h)| *k != at && !(occasion && *k == last) && bare_unit(h).is_none())
                .map(|(_, h)| h.trim())
                .collect::<Vec<_>>()
                .join(" / ")
        };
        Some((param, under))
    }

    /// The one unit column `c`'s values print beside them, two or more of them (`9.8 mg/L`,
    /// `0.509 µg/mL`).
    fn cells_unit(&self, c: usize) -> Option<String> {
        let units: Vec<Option<String>> = (0..self.table.body_rows.len())
            .filter(|&r| self.body_cell(r, c).value.is_some())
            .map(|r| self.body_cell(r, c).unit.clone())
            .collect();
        let first = units.first()?.clone()?;
        (units.len() >= 2 && units.iter().all(|u| u.as_deref() == Some(first.as_str()))).then_some(first)
    }

    /// Column `c`'s clean header path without a unit row at its end (`Cmax / Parent /
    /// ng/mL` is `Cmax / Parent`).
    fn path_without_unit(&self, c: usize) -> Vec<String> {
        let mut path = self.clean_paths[c].clone();
        // A unit alone, bare or in brackets (`ng/mL`, `(µg/mL)`).
        // (Not an abbreviation the notes define: `D` of "doxafenil (D)" is no day.)
        let unit_alone = |l: &str| {
            let bare = l.trim().trim_start_matches(['(', '[']).trim_end_matches([')', ']']).trim();
            unit_in_label(l).is_some_and(|u| u == bare || u == l.trim()) && self.abbreviation(l).is_none()
        };
        if path.len() > 1 && path.last().is_some_and(|l| unit_alone(l)) {
            path.pop();
        }
        path
    }

    /// What column `c`'s header names as a parameter.
    fn column_parameter(&self, c: usize) -> Option<Named> {
        let path = &self.clean_paths[c];
        let last = path.last()?;
        // Patients lettered under a subject header (`Paziente` over `A | B | ... | F`): `F`
        // is a patient, not a bioavailability (as down the stub).
        // (Nor a subject word with its id and sex: `Dog 2 (F)`.)
        // (Nor a unit column: `Concentration unit` over `ng/mL | fmol/10^6 cells`.)
        if lettered_subject(path).is_some() || labels::with_sex(last) || labels::is_unit_header(last) {
            return None;
        }
        // (Nor parameters under a header comparing groups, a drug interaction label's `Ratio
        // (90% CI) of X's PK parameters with/without coadministered drug` over `Cmax | AUC`:
        // each cell a ratio of two groups' values, no value of the parameter. A bare `Ratio`
        // over `UV/MV | UA/UV` heads the ratios its columns name.)
        let bare_ratio = |h: &str| matches!(crate::fold::lower(h.trim()).as_str(), "ratio" | "ratios");
        let leaf_ratio = || {
            self.ratio_of(last).is_some()
                || parameter_code(last, self.route_kind).and_then(crate::params::class_of_code) == Some("ratio")
        };
        if path[..path.len() - 1].iter().any(|h| labels::is_non_value_header(h) && !(bare_ratio(h) && leaf_ratio())) {
            return None;
        }
        // (Nor codes under a subject header, `Volunteer` over `V1 | V2 | V3`: volunteers, not
        // volumes.)
        if path.len() >= 2
            && labels::is_subject_header(&path[path.len() - 2])
            && labels::subject_id(last).is_some()
            && self.sibling_leaves(c).iter().all(|l| labels::subject_id(l).is_some())
        {
            return None;
        }
        // (Nor `F` beside `M` under the same header: the sexes, `Cmax` over `M | F`.)
        if last.trim() == "F" {
            let parent = &path[..path.len() - 1];
            let beside_male = (0..self.n_cols).any(|o| {
                let other = &self.clean_paths[o];
                o != c
                    && other.len() == path.len()
                    && other[..other.len() - 1] == *parent
                    && other.last().is_some_and(|l| l.trim() == "M")
            });
            if beside_male {
                return None;
            }
        }
        // (Over a unit row: `Peak anti-Xa` over `(IU/mL)`.)
        let bare = self.path_without_unit(c);
        let row_unit = (bare.len() < path.len()).then(|| unit_in_label(last)).flatten();
        let level_name = bare.last().map_or(last.as_str(), String::as_str);
        // (Or the unit its cells print, `9.8 mg/L` under `Trough`.)
        if let Some(level) = peak_or_trough(level_name, row_unit.as_deref().or(self.peak_trough_unit()))
            .or_else(|| peak_or_trough(level_name, self.cells_unit(c).as_deref()))
        {
            return Some(level);
        }
        // A specimen whose cells print each level with its sampling time, as its header says
        // (`Serum (time after dose)` over `62.4 (1 h)`): the specimen's concentrations.
        if let (name, Some(inner)) = crate::params::split_trailing_group(last)
            && crate::context::has_word(&crate::fold::lower(inner), &["time"])
        {
            let cells: Vec<&str> = filled_cells(self.table, c).filter(|t| looks_numeric_start(t)).collect();
            if cells.len() >= 2 && cells.iter().all(|t| time_in_cell(t).is_some()) {
                // (Its unit after a comma: `Serum, mg/L (time after dose)`.)
                return self.concentration_of(name.trim(), unit_in_label(name.trim()).as_deref());
            }
        }
        // An abbreviation the caption defines for an analyte or specimen comes before the
        // vocabulary's names: `V` is venlafaxine where the caption says so, not a volume.
        // (Over a unit row too: `Milk` over `V | DV` over `ng/mL`.)
        let (last, path) = match bare.last() {
            Some(above) if bare.len() < path.len() && self.abbreviation(above).is_some() => (above, &bare),
            _ => (last, path),
        };
        if self.abbreviation(last).is_some() {
            // (Its unit printed with it or above it, not the abbreviation read as one: `D`.)
            // (Not a time header's unit: `Time (h)` over `1 | 3` over `P | M`.)
            let unit = row_unit.clone().or_else(|| {
                path.iter()
                    .rev()
                    .filter(|h| h.trim() != last.trim())
                    .find_map(|h| unit_in_label(h).filter(|u| !is_time_unit(u)))
            });
            let unit = unit.or_else(|| {
                let (_, inner) = crate::params::split_trailing_group(last);
                inner.filter(|u| Unit::parse(u.trim()).is_ok()).map(|u| u.trim().to_owned())
            });
            return self.concentration_of(last, unit.as_deref());
        }
        // The parent or a metabolite by its kind under a specimen's header (`Muscle with skin
        // (µg/g)` over `Parent | Amine metabolite`): that specimen's concentrations.
        if let [.., above, leaf] = path.as_slice() {
            let l = crate::fold::lower(leaf.trim());
            let compound = matches!(l.as_str(), "parent" | "parent drug" | "unchanged drug" | "metabolite")
                || l.ends_with(" metabolite") && l.split_whitespace().count() <= 3;
            if compound && matrix_of(above).is_some() {
                return self.concentration_of(above, unit_in_label(above).as_deref());
            }
        }
        // A unit row under the parameters (`Cmax` over `ng/mL`, `CL/F` over `(L/h)`): the name
        // is above it.
        let path = if bare.len() < path.len() { &bare[..] } else { path.as_slice() };
        // (The innermost header above the unit row, where there is one.)
        let last = path.last().unwrap_or(last);
        // A symbol the vocabulary cannot name for sure, defined by the table's notes.
        if let Some(name) = path.last()
            && let Some(d) = self.defined(name).filter(|_| named(name, self.route_kind).and_then(Named::code).is_none())
        {
            return Some(Named::Code(d.code));
        }
        // (Not an id of a run coded by letter and number, `V1` among `V1 | ... | V5` under
        // `Plasma (mg/L)`: the header above it names the column.)
        let path = if path.len() > 1 && self.numbered_ids(c) { &path[..path.len() - 1] } else { path };
        let last = path.last().unwrap_or(last);
        // A name split over header rows ("Infant dose as percentage of" over "maternal
        // dose"): the innermost header, then it with the ones above it.
        (1..=path.len())
            .find_map(|k| named(&path[path.len() - k..].join(" "), self.route_kind))
            .or_else(|| self.ratio_of(last))
            .or_else(|| {
                // (The unit row's unit too, `Blood DCTA` over `µmol/L`, `Skin incision` over
                // `Serum` over `µg/mL`; not under a parameter, `Cmax` over `N-oxide` over
                // `ng/mL`, a parameter's analyte.)
                let under_parameter = path.iter().any(|h| named(h, self.route_kind).is_some());
                let full = if under_parameter { path } else { self.clean_paths[c].as_slice() };
                // (Not a time header's above it: `Time (h)` over `1 | 3` over the analytes; the
                // label's own time unit stays, `Infant age (wk)` no concentration.)
                // (Or the concentration unit its cells print beside their values, `Serum X`
                // over `0.509 µg/mL`.)
                let unit = full
                    .iter()
                    .rev()
                    .enumerate()
                    .find_map(|(k, h)| unit_in_label(h).filter(|u| k == 0 || !is_time_unit(u)))
                    .or_else(|| self.cells_unit(c).filter(|u| is_concentration_unit(u)));
                // A statistic under a concentration's header (`Peak concentration` over `Mean
                // | SD`) is read with its row's other statistics ([`Reader::parameter_above`]).
                // (Not an animal's name under its species' header, `Dog` over `Bella | Max`.)
                let statistic = path.len() > 1
                    && stat_label(last).is_some_and(|l| !matches!(l, StatLabel::Count))
                    && self.named_subject(c).is_none();
                self.concentration_of(last, unit.as_deref())
                    .or_else(|| (!statistic).then(|| self.concentration_of(&path.join(" "), unit.as_deref())).flatten())
                    // A specimen's abbreviation spanning its sampling times (`dISF-L (ng/mL)` over
                    // `2 h | 6 h`, "dISF-L, dermal interstitial fluid from lesional skin"): the
                    // specimen's concentrations, each at its time.
                    .or_else(|| {
                        let (_, [.., header]) = path.split_last()? else { return None };
                        (labels::time_of(last, None).is_some() && self.abbreviation(header).is_some())
                            .then(|| self.concentration_of(header, unit.as_deref()))
                            .flatten()
                    })
                    // The analytes under their specimen's header (`Muscle + skin (µg/kg)` over
                    // `Florfenicol | Florfenicol amine`): the specimen's concentrations.
                    .or_else(|| {
                        let (_, above) = path.split_last()?;
                        let specimen = above.iter().rev().find(|h| !matrices_in(h).is_empty())?;
                        let analyte = drug_in(last).is_some()
                            || metabolite_in(last).is_some()
                            || [self.caption_analyte.as_deref(), self.base.context.drug.as_deref()]
                                .into_iter()
                                .flatten()
                                .any(|a| crate::fold::lower(last.trim()) == a)
                            // (Or a one-word name the caption uses: "Florfenicol and florfenicol
                            // amine residues".)
                            || {
                                let name = crate::fold::lower(last.trim());
                                name.chars().count() >= 4
                                    && name.chars().all(char::is_alphabetic)
                                    && crate::context::has_word(
                                        &crate::fold::lower(self.table.caption.as_deref().unwrap_or_default()),
                                        &[name.as_str()],
                                    )
                            };
                        (!statistic && analyte).then(|| self.concentration_of(specimen, unit.as_deref())).flatten()
                    })
            })
            // A parameter of the analyte an abbreviation before it names (`INS-Cmax`,
            // "INS, serum insulin X"); a pharmacodynamic prefix (`GIR-AUC`, "GIR, glucose
            // infusion rate") names no analyte, and no parameter.
            .or_else(|| self.abbreviated_analytes_parameter(last).map(|(_, n)| n))
            // A numbered monitoring occasion whose cells print a concentration with its time
            // after the dose (`Occasion 1` over `2.81 (2 h)`), where the notes say so ("each
            // occasion cell gives the plasma concentration (mg/L) with the time after the last
            // dose in parentheses").
            .or_else(|| {
                let words: Vec<String> = crate::fold::lower(last).split_whitespace().map(str::to_owned).collect();
                let [word, number] = words.as_slice() else { return None };
                let occasion = matches!(word.as_str(), "occasion" | "sample" | "visit" | "level" | "draw" | "tdm")
                    && number.chars().all(|ch| ch.is_ascii_digit());
                if !occasion {
                    return None;
                }
                let cells: Vec<&str> = filled_cells(self.table, c).filter(|t| looks_numeric_start(t)).collect();
                let timed = !cells.is_empty() && cells.iter().all(|t| time_in_cell(t).is_some());
                (timed && self.notes_lower.contains("concentration") && self.caption_unit.is_some())
                    .then_some(Named::Code("CONC"))
            })
    }

    /// A concentration column or row: a label that names a specimen, an analyte (or its
    /// abbreviation), or a drug level, printed with a concentration unit (in the label, the
    /// cells, the caption, or the analyte's definition).
    fn concentration_of(&self, label: &str, unit: Option<&str>) -> Option<Named> {
        // A leading number is a locant in a metabolite's name (`4-hydroxy-X`), or in an
        // abbreviation the notes define (`3-OH-BZ, 3-hydroxybrovazepam`), else no name.
        let numeric = looks_numeric(label) && metabolite_in(label).is_none() && self.abbreviation(label).is_none();
        // (Nor a statistic's, unless the notes define it as a specimen or analyte: `AM` of
        // "alveolar macrophages (AM)" is no arithmetic mean.)
        let statistic = stat_label(label).is_some() && self.abbreviation(label).is_none();
        if label.trim().is_empty() || numeric || statistic {
            return None;
        }
        // Before a unit and the clause after it (`X in milk (µg/kg), time after the last
        // infusion`): the clause says when, not what.
        let clause = unit_and_clause(label);
        let label = match &clause {
            Some((_, open)) => label[..*open].trim_end(),
            None => label,
        };
        let clause_unit = clause.map(|(unit, _)| unit);
        let lower = crate::fold::lower(label);
        let name = crate::params::split_trailing_group(label).0;
        let words = |w: &[&str]| crate::context::has_word(&lower, w);
        if words(&["ratio", "ratios", "dose", "doses", "time"]) || self.ratio_of(name).is_some() {
            return None;
        }
        if names_chemistry(label) {
            return None;
        }
        // A parameter of the specimen named before it (`CSF Cmax (µg/mL)`, `Egg yolk Cmax
        // (µg/g)`): that parameter, read in that specimen.
        if let Some(parameter) = self.specimen_parameter(label) {
            return Some(parameter);
        }
        let abbreviation = self.abbreviation(name);
        const SPECIMEN_WORDS: &[&str] = &[
            "maternal",
            "mother",
            "infant",
            "neonatal",
            "neonate",
            "fetal",
            "foetal",
            "cord",
            "placenta",
            "placental",
            // Where blood was drawn: a vessel, or a port of an extracorporeal circuit
            // (`Patient arterial | Pre-oxygenator | Post-oxygenator`, `Pre-filter`).
            "arterial",
            "venous",
            "pre-oxygenator",
            "post-oxygenator",
            "pre-filter",
            "post-filter",
            "prefilter",
            "postfilter",
        ];
        let names_something = !matrices_in(label).is_empty()
            || drug_in(label).is_some()
            // A metabolite by its nomenclature, not over sampling times (`N-desmethyl-X 1 h`:
            // a concentration-time column, read with its time).
            || metabolite_in(label).is_some_and(|m| {
                let after = label.split_once(m.as_str()).map_or("", |(_, a)| a).trim();
                after.is_empty() || labels::time_of(after, None).is_none()
            })
            || abbreviation.is_some()
            || words(&["level", "levels", "concentration", "concentrations"])
            // (A heparin's activity measured in a subject: `Anti-Xa (IU/mL)`.)
            || words(&["anti-xa", "anti-iia", "anti-fxa", "anti-factor xa"])
            || translate::says_concentration(&lower)
            || words(SPECIMEN_WORDS)
            // (Or `Pre` and `Post` alone, the ports of a circuit the notes name: `PRE | POST`
            // under each time, "before (PRE) and after (POST) the oxygenator".)
            || matches!(lower.trim(), "pre" | "post")
                && self.notes_name_a_circuit()
                && self.clean_paths.iter().any(|p| p.last().is_some_and(|l| l.trim() == label.trim()))
                && self.stubs.iter().all(|(s, _)| s.trim() != label.trim())
            // The analyte the caption names (`concentrations of XR-4471` over `XR-4471 (ng/mL)`).
            || self.caption_analyte.as_deref().is_some_and(|a| crate::fold::lower(name.trim()) == a)
            // (Or a sample the notes define by when or where it was drawn: `Pre-HD (mg/L)`,
            // "Pre-HD, arterial-line sample immediately before the start of dialysis".)
            || self.defined_as_sample(name)
            // (Or a compound it names beside the drug, `X and M4 plasma concentrations`; or a
            // drug's name by its stem alone, `Ribonitinib`.)
            || self.caption_compound(name)
            || crate::context::drug_like_in(name).is_some_and(|d| d == crate::fold::lower(name.trim()))
            // (Or the parent of a metabolite another column names after it: `Closantide` beside
            // `Closantide sulphoxide`.)
            || self.parent_of_a_column(name)
            // (Any of these as total or free drug: `Total X (mg/L) | Free X (mg/L)`.)
            || ["total ", "free ", "unbound "].iter().any(|q| {
                let Some(bare) = lower.strip_prefix(q) else { return false };
                let bare = crate::params::split_trailing_group(bare).0.trim();
                self.caption_analyte.as_deref() == Some(bare)
                    || self.base.context.drug.as_deref().is_some_and(|d| crate::fold::lower(d) == bare)
                    || self.caption_compound(bare)
                    || crate::context::drug_like_in(bare).is_some_and(|d| d == bare)
            });
        let unit = unit
            .map(str::to_owned)
            .or(clause_unit)
            .or_else(|| abbreviation.and_then(|(_, _, u)| u.clone()))
            .or_else(|| self.caption_unit.clone())
            .or_else(|| self.specimen_unit(label));
        // Mass per kilogram of a specimen named in the label (`Cefquinome in milk (µg/kg)`,
        // tissue residues) is a concentration, not a dose per body weight.
        let per_kg_of_specimen = |u: &str| {
            !matrices_in(label).is_empty()
                && Unit::parse(u).is_ok_and(|u| {
                    u.dims.mass == 1 && u.dims.body_weight == -1 && u.dims.time == 0 && u.dims.volume == 0
                })
        };
        (names_something && unit.as_deref().is_some_and(|u| is_concentration_unit(u) || per_kg_of_specimen(u)))
            .then_some(Named::Code("CONC"))
    }

    /// Whether the caption or footnote names an extracorporeal circuit or the part of it
    /// that samples are drawn before and after (ECMO and its oxygenator, CRRT and its
    /// haemofilter, a dialyser), in English or the languages the reader translates; not a
    /// filter alone (`filter paper`, a `0.22-µm filter`).
    fn notes_name_a_circuit(&self) -> bool {
        const PARTS: &[&str] = &[
            "oxygenator",
            "oxygenators",
            "oxigenador",
            "oxygénateur",
            "oxygenateur",
            "ossigenatore",
            "oxygenierer",
            "haemofilter",
            "hemofilter",
            "hemofiltro",
            "hémofiltre",
            "dialyser",
            "dialyzer",
            "dializador",
            "dialyseur",
            "ecmo",
            "crrt",
            "cvvh",
            "cvvhd",
            "cvvhdf",
        ];
        crate::context::has_word(&self.notes_lower, PARTS)
    }

    /// The units the caption and footnote give ([`declared_units`]), read once.
    fn notes_units(&self) -> &DeclaredUnits {
        self.notes_units.get_or_init(|| {
            let notes = format!(
                "{}. {}",
                self.table.caption.as_deref().unwrap_or_default(),
                self.table.footnote.as_deref().unwrap_or_default()
            );
            declared_units(&notes, self.route_kind)
        })
    }

    /// The unit the notes give the concentrations in the one specimen a label names
    /// ("Skin and liver in µg/g wet tissue; plasma in ng/mL").
    fn specimen_unit(&self, label: &str) -> Option<String> {
        let only = &self.notes_units().1;
        if !only.iter().any(|(code, ..)| *code == Some("CONC")) {
            return None;
        }
        let [matrix] = matrices_in(label)[..] else { return None };
        only.iter()
            .find(|(code, _, _, whom)| *code == Some("CONC") && matrices_in(whom) == [matrix])
            .map(|(_, _, unit, _)| unit.clone())
    }

    /// The analyte or specimen an abbreviation of the caption or footnote stands for.
    /// The label is the abbreviation as printed, or with its unit after it (`V (µg/mL)`).
    fn abbreviation(&self, label: &str) -> Option<&(String, String, Option<String>)> {
        let label = label.trim();
        // (A shortened word's point is the label's, not the pair's: `Vent.` by "Vent.,
        // ventricular CSF", read as `Vent`.)
        let find = |l: &str| {
            self.abbreviations.iter().find(|(a, _, _)| a == l).or_else(|| {
                let l = l.strip_suffix('.').filter(|l| l.len() > 1)?;
                self.abbreviations.iter().find(|(a, _, _)| a == l)
            })
        };
        // (With the unit after it, `SBF (mg/L)`; or a qualifier after a comma, `FF, left
        // ovary (ng/mL)`, "FF, follicular fluid".)
        let bare = |l: &str| {
            let (bare, unit) = l.strip_suffix(')')?.rsplit_once(" (")?;
            Unit::parse(unit).is_ok().then(|| bare.trim().to_owned())
        };
        let bare = bare(label);
        let before_comma = bare.as_deref().unwrap_or(label).split_once(", ").map(|(head, _)| head.trim());
        find(label).or_else(|| find(bare.as_deref()?)).or_else(|| find(before_comma?))
    }

    /// The definition the table's notes give a label's symbol (`C0` and `C0 (ng/mL)` by
    /// `C0, trough concentration`), for the label or the last header of a joined path.
    fn defined(&self, label: &str) -> Option<&define::Definition> {
        let label = label.rsplit(" / ").next().unwrap_or(label);
        let bare = crate::params::split_trailing_group(label).0.trim();
        let bare = bare.split_once(',').filter(|(_, u)| Unit::parse(u.trim()).is_ok()).map_or(bare, |(b, _)| b.trim());
        // (`Peak` defined as `peak: 4 h after the dose`, in whatever case.)
        self.definitions
            .iter()
            .find(|d| d.symbol == bare || define::is_monitoring_word(bare) && d.symbol.eq_ignore_ascii_case(bare))
    }

    /// A ratio of two specimens or analytes: `Cord/maternal`, `M/P`, `ODV/V`, `ELF/plasma`.
    fn ratio_of(&self, label: &str) -> Option<Named> {
        let (num, den) = self.ratio_sides(label)?;
        let (num_specimen, den_specimen) = (self.specimen_side(num), self.specimen_side(den));
        if let (Some(num), Some(den)) = (&num_specimen, &den_specimen) {
            return specimen_pair_ratio_code(num, den).map(Named::Code);
        }
        let side = |s: &str, specimen: &Option<String>| {
            specimen.is_some() || drug_in(s).is_some() || self.abbreviation(s).is_some()
        };
        (side(num, &num_specimen) && side(den, &den_specimen)).then_some(Named::Code("MRATIO"))
    }

    /// The two sides of a ratio's label (`CSF:plasma ratio`, `Milk/plasma`, `ODV/V ratio`),
    /// without the unit after it or the word `ratio` after the denominator.
    fn ratio_sides<'l>(&self, label: &'l str) -> Option<(&'l str, &'l str)> {
        let name = crate::params::split_trailing_group(label).0;
        // (Or with a colon, `CSF:plasma`, `Milk:plasma ratio`.)
        let (num, den) = name
            .split_once('/')
            .or_else(|| name.split_once(':').filter(|(n, d)| !n.trim().is_empty() && !d.trim().is_empty()))?;
        // `ODV/V ratio`: the word after the denominator says what the label is.
        let den = den.trim_end();
        let den =
            den.strip_suffix("ratio").or_else(|| den.strip_suffix("Ratio")).filter(|d| d.ends_with(' ')).unwrap_or(den);
        Some((num.trim(), den.trim()))
    }

    /// The specimen one side of a ratio names, as text [`matrices_in`] reads: the side
    /// itself (`CSF`, `Plasma`); a side that is an exposure's symbol subscripted by its
    /// specimen (`AUCascites`, `Cmax,CSF`: the specimen, `ascites` its fluid); an
    /// abbreviation the notes define (`SF`, "synovial fluid (SF)"); or the initials of a
    /// specimen another column of the table names (`BM` beside `Bone marrow aspirate (µg/mL)`).
    fn specimen_side(&self, side: &str) -> Option<String> {
        let side = side.trim();
        if !matrices_in(side).is_empty() {
            return Some(side.to_owned());
        }
        // (In a ratio, `ascites` is the fluid, not cirrhosis's sign.)
        let fluid = |s: &str| match s {
            "ascites" => Some("ascitic fluid".to_owned()),
            s => (!s.is_empty() && !matrices_in(s).is_empty()).then(|| s.to_owned()),
        };
        let lower = crate::fold::lower(side);
        let subscript = fluid(&lower).or_else(|| {
            ["auc", "cmax", "c"]
                .iter()
                .find_map(|symbol| fluid(lower.strip_prefix(symbol)?.trim_start_matches([',', '_', ' '])))
        });
        if subscript.is_some() {
            return subscript;
        }
        if let Some((_, full, _)) = self.abbreviation(side)
            && !matrices_in(full).is_empty()
        {
            return Some(full.clone());
        }
        self.specimen_by_initials(side)
    }

    /// The one site other than blood that the table's column headers but `col`'s name
    /// (`Prostate tissue (µg/g)` beside `Plasma (µg/mL)`), if one only.
    fn other_site(&self, col: usize) -> Option<&'static str> {
        let mut sites = self.clean_paths.iter().enumerate().filter(|(c, _)| *c != col).filter_map(|(_, path)| {
            matrix_of(path.last()?).filter(|m| !matches!(*m, "plasma" | "serum" | "blood" | "urine"))
        });
        let first = sites.next()?;
        sites.all(|m| m == first).then_some(first)
    }

    /// The specimen a column header names whose initials a label prints (`BM` of `Bone
    /// marrow aspirate (µg/mL)`, `AF` of `Ascitic fluid`), upper case, two letters or more,
    /// one such column in the table.
    fn specimen_by_initials(&self, initials: &str) -> Option<String> {
        if initials.len() < 2 || !initials.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        let mut found = self.clean_paths.iter().filter_map(|path| {
            let leaf = crate::params::split_trailing_group(path.last()?).0.trim();
            matrices_in(leaf).first()?;
            let letters: String = leaf
                .split([' ', '-'])
                .filter(|w| !w.is_empty())
                .filter_map(|w| w.chars().next())
                .map(|c| c.to_ascii_uppercase())
                .collect();
            letters.starts_with(initials).then(|| leaf.to_owned())
        });
        let first = found.next()?;
        found.all(|other| other == first).then_some(first)
    }

    /// Every record of the table. A row that a row span repeated (a subject's two dosing
    /// lines beside one set of concentrations) gives its records once.
    fn records(&self) -> Vec<Record> {
        // (An area without its span counts: `AUC` across is a parameter's column.)
        let rows_hits = self.row_named.iter().flatten().filter(|n| n.code().is_some() || n.is_area()).count();
        let cols_hits = self.col_named.iter().flatten().filter(|n| n.code().is_some() || n.is_area()).count();
        // Specimens or tissues down the stub (`Plasma | Liver | Kidney`, each read as a
        // concentration) beside columns of parameters (`Cmax | Tmax | AUC`): the columns are
        // the parameters, the specimens their groups.
        let specimens_down = only_concentrations(&self.row_named);
        let parameter_cols = self.col_named.iter().flatten().filter(|n| n.code().is_some_and(|c| c != "CONC")).count();
        // And the mirror: specimens across (`Plasma | Muscle | Skin`, each read as a
        // concentration by the notes' units) over rows of parameters (`Cmax | Tmax | AUC |
        // t½`): the rows are the parameters, the specimens their groups.
        let specimens_across = only_concentrations(&self.col_named)
            && (0..self.n_cols)
                .filter(|&c| self.col_named[c].is_some())
                .all(|c| self.clean_paths[c].last().is_some_and(|l| matrix_of(l).is_some()));
        let parameter_rows: rustc_hash::FxHashSet<&str> =
            self.row_named.iter().flatten().filter_map(|n| n.code()).filter(|c| *c != "CONC").collect();
        let across = (cols_hits > rows_hits || specimens_down && parameter_cols >= 2)
            && !(specimens_across && parameter_rows.len() >= 2 && self.row_time.iter().all(Option::is_none));
        let mut out = if across { self.parameters_across() } else { self.parameters_down() };
        let mut seen = rustc_hash::FxHashSet::default();
        let keep: Vec<bool> = out
            .iter()
            .map(|r| {
                let c = &r.context;
                // The same number printed on two lines (a mean and a median of 105) is two
                // records: the statistic is part of what repeats.
                seen.insert((
                    r.provenance.col,
                    r.statistic,
                    &r.parameter_raw,
                    &r.value_raw,
                    &c.subject,
                    &c.group,
                    &c.time,
                    &c.dose,
                )) || r.provenance.col.is_none()
            })
            .collect();
        let mut keep = keep.into_iter();
        out.retain(|_| keep.next().unwrap_or(true));
        out
    }

    /// A row that only declares a statistic, over the value columns or the whole width
    /// (` | Geometric mean (CV%)` spanning the groups): the declaration, for the rows under it.
    fn statistic_row(&self, row: usize) -> Option<String> {
        let stub = self.table.body_rows[row].get(self.stub_col).map_or("", |s| s.trim());
        // The one text of the other cells, two at least (spanning the table, or the value
        // columns only, a count column's cell blank: `| | Median (range) | Median (range)`).
        let filled: Vec<&str> = self.table.body_rows[row]
            .iter()
            .enumerate()
            .filter(|(c, _)| *c != self.stub_col)
            .map(|(_, s)| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        let text = *filled.first().filter(|first| filled.len() >= 2 && filled.iter().all(|s| s == *first))?;
        ((stub.is_empty() || stub == text) && declare::label_declaration(text).is_some()).then(|| text.to_owned())
    }

    /// The one text every cell of a row but the stub's prints (a cell spanning the value
    /// columns, three columns or more), if it is not blank.
    fn spanning_text(&self, row: usize) -> Option<&str> {
        let cells = &self.table.body_rows[row];
        let mut others = cells.iter().enumerate().filter(|(c, _)| *c != self.stub_col).map(|(_, s)| s.trim());
        let first = others.next().filter(|t| !t.is_empty())?;
        (cells.len() >= 3 && others.all(|s| s == first)).then_some(first)
    }

    /// A full-width row: its label and the counts its other cells print, when every other
    /// cell is empty, repeats the label (a spanning cell) or is a count (`N = 28`).
    fn section(&self, row: usize) -> Option<(String, Vec<Option<u32>>)> {
        let cells = &self.table.body_rows[row];
        let mut stub = self.stubs[row].0.trim().to_owned();
        // (Or its label set over the value columns, the stub's cell blank: `Serum insulin
        // (µIU/mL)` spanning the subjects under `Time (min) | V01 | V02`.)
        if stub.is_empty()
            && let Some(text) = self.spanning_text(row)
            && text.chars().any(char::is_alphabetic)
            && parse_cell(text).value.is_none()
            && !crate::cell::is_missing_word(text)
        {
            stub = text.to_owned();
        }
        // (Nor a unit alone, [`spanning_unit_row`].)
        if stub.is_empty() || cells.len() < 2 || stat_label(&stub).is_some() || bare_unit(&stub).is_some() {
            return None;
        }
        let others = || cells.iter().enumerate().filter(|(c, _)| *c != self.stub_col).map(|(_, s)| s.trim());
        let spanning = || others().all(|s| s.is_empty() || s == cells[self.stub_col].trim() || s == stub);
        let all_counts = || {
            others().any(|s| !s.is_empty())
                && (0..cells.len()).filter(|c| *c != self.stub_col).all(|c| {
                    let parsed = self.body_cell(row, c);
                    cells[c].trim().is_empty() || parsed.n.is_some() && parsed.value.is_none()
                })
        };
        (spanning() || all_counts()).then(|| {
            let counts: Vec<Option<u32>> = (0..cells.len()).map(|c| self.body_cell(row, c).n).collect();
            (stub, counts)
        })
    }

    /// How each body row reads when parameters are across: a section, a statistic line, a
    /// subject or a group.
    fn row_kinds(&self) -> Vec<RowKind> {
        let rows = &self.table.body_rows;
        let stub_header = self.labels.get(self.stub_col).cloned().unwrap_or_default();
        // (Or names with their sex and weight down it: individuals, [`Learned`].)
        let subject_header = self.subject_cols.get(self.stub_col).is_some_and(|s| *s) || self.learned.named_rows;
        // Codes of letters and a number (`N1`, `N2`), by their letters: three or more of the
        // same letters numbered apart are ids.
        let mut numbered: rustc_hash::FxHashMap<&str, rustc_hash::FxHashSet<u32>> = Default::default();
        for (letters, number) in self.stubs.iter().filter_map(|(s, _)| letter_code(s, 3)) {
            numbered.entry(letters).or_default().insert(number);
        }
        let coded_run = |stub: &str| {
            letter_code(stub, 3).is_some_and(|(letters, _)| numbered.get(letters).is_some_and(|n| n.len() >= 3))
        };
        // (A stub headed by one word whose initial codes the ids under it, `Testuggine` over
        // `T1 | T2 | T3`, `Oveja` over `O1 | O2 | O3`: the subjects that word names, a
        // species or a word the vocabulary lacks.)
        let by_initial = ids_by_initial_of(&stub_header, self.stubs.iter().map(|(s, _)| s.as_str()))
            .is_some_and(|(_, numbers)| numbers >= 3);
        let subject_header = subject_header || by_initial;
        let ids = self
            .stubs
            .iter()
            .filter(|(s, _)| {
                labels::subject_id(s).is_some()
                    && (stat_label(s).is_none() || coded_run(s))
                    && labels::time_of(s, None).is_none()
                    && !labels::is_dosing_interval(s)
            })
            .count();
        // Sections that are subject ids (a subject's row, then its analytes' rows): the
        // rows under them are not subjects.
        let sections: Vec<Option<(String, Vec<Option<u32>>)>> = (0..rows.len()).map(|r| self.section(r)).collect();
        let id_sections = sections.iter().flatten().filter(|(name, _)| labels::subject_id(name).is_some()).count();
        // Rows that are sampling times (`Time since ingestion (h)` over `4 | 6 | 10`) are
        // not subjects, whatever their numbers.
        let timed_rows = self.row_time.iter().any(Option::is_some);
        let subjects =
            (subject_header || ids >= 3 && !labels::is_occasion_header(&stub_header)) && id_sections < 2 && !timed_rows;
        // One row whose stub is a statistic's word, among three names or more.
        let lone_statistic_row = || {
            let stats = self.stubs.iter().filter(|(s, _)| stat_label(s).is_some()).count();
            let names = self.stubs.iter().filter(|(s, _)| capitalised_name(s) && stat_label(s).is_none()).count();
            stats == 1 && names >= 3
        };
        let answers = || self.stubs.iter().any(|(s, _)| crate::fold::lower(s.trim()).starts_with("yes"));

        (0..rows.len())
            .map(|r| {
                let stub = self.stubs[r].0.clone();
                // Under a subject header a subject's code is no statistic (`N1` is neonate 1,
                // not `n` with a mark).
                // (Nor one of a run of such codes, three or more of one letter, under any
                // header: `N1 | N2 | ... | N10` under `Neonato`.)
                let code = (subject_header || coded_run(&stub))
                    && stub.chars().any(|c| c.is_ascii_digit())
                    && labels::subject_id(&stub).is_some();
                // (Nor an animal's name among names, the only row an extreme's word: `Max`
                // between `Luna` and `Rosie` under `Dog`; a `Mean` row below them is theirs.)
                let name = subject_header && matches!(stub.trim(), "Max" | "Min") && lone_statistic_row();
                // (Nor an answer among answers: `No` beside `Yes (20/day)` under `Smoker`.)
                let answer = stub.trim().eq_ignore_ascii_case("no") && answers();
                if let Some(label) = stat_label(&stub).filter(|_| !code && !name && !answer) {
                    RowKind::Stat(label)
                } else if let Some((name, counts)) = sections[r].clone() {
                    RowKind::Section(name, counts)
                } else if let Some(id) = subjects.then(|| self.subject_of(&stub, subject_header)).flatten() {
                    RowKind::Subject(id)
                } else {
                    RowKind::Group(stub)
                }
            })
            .collect()
    }

    /// The subject a column's innermost header names under its parameter's spanning header:
    /// a subject word with a number (`Patient 1`, `Case 2`, `Dog 3`), or an id under a
    /// subject header (`Patient` over `1 | 2`).
    fn column_subject(&self, col: usize) -> Option<String> {
        if self.number_under_time_header(col) {
            return None;
        }
        if let Some(name) = self.named_over_analytes(col) {
            return Some(name);
        }
        let p = &self.paths[col];
        let [.., parent, last] = p.as_slice() else { return self.named_subject(col) };
        if let Some(id) = self.subject_over_analytes(col) {
            return Some(id);
        }
        let Some(id) = labels::subject_id(last) else {
            // (Over a unit row: `Patient 1` over `Plasma | Dialysate` over `(mg/L)`.)
            return self
                .named_subject(col)
                .or_else(|| subject_over_specimens(p))
                .or_else(|| subject_over_specimens(&self.path_without_unit(col)))
                // (Over specimens' abbreviations the notes define: `Volunteer 1` over `P |
                // S`, "P, plasma; S, saliva".)
                .or_else(|| {
                    let mut path = self.path_without_unit(col);
                    let (_, full, _) = self.abbreviation(path.last()?)?;
                    *path.last_mut()? = full.clone();
                    subject_over_specimens(&path)
                })
                .or_else(|| self.name_over_specimens(col))
                .or_else(|| self.worded_subject_over(col));
        };
        let leaf_names_parameter = parameter_code(last, self.route_kind).is_some() && !self.numbered_ids(col);
        (!leaf_names_parameter
            && (last.split_whitespace().count() > 1
                || labels::is_subject_header(parent)
                || self.coded_siblings(col)
                || self.ids_by_initial(col)))
        .then_some(id)
    }

    /// Whether column `col` is one of three ids or more coded by the initial of the one word
    /// spanning them and a number (`Ray` over `R1 | R2 | R3`, `Hind` over `H1 | H2 | H3`):
    /// the subjects that word names, whatever the word (a species the vocabulary lacks);
    /// not occasions (`Day` over `D1 | D2`, `Cycle`, `Visit`, `Period`, `Week`).
    fn ids_by_initial(&self, col: usize) -> bool {
        let path = &self.clean_paths[col];
        let [.., parent, _] = path.as_slice() else { return false };
        let siblings = self.sibling_leaves(col);
        ids_by_initial_of(parent, siblings.iter().map(|s| &**s))
            .is_some_and(|(matched, numbers)| numbers >= 3 && matched == siblings.len())
    }

    /// The other member of a pair whose own column names it (`Mare | Foal | ... | Foal plasma
    /// (µg/mL)`, `Mother | Infant | ... | Infant serum`): a specimen headed by the word of
    /// another column of ids or names is that member's, by its id in the row.
    fn pair_member(&self, row: usize, col: usize) -> Option<String> {
        let label = crate::fold::lower(&self.labels[col]);
        (0..self.n_cols).filter(|&c| c != col && c != self.stub_col && self.col_named[c].is_none()).find_map(|c| {
            let word = crate::fold::lower(crate::params::split_trailing_group(&self.labels[c]).0.trim());
            let named = !word.is_empty()
                && !word.contains(' ')
                && label.strip_prefix(word.as_str()).is_some_and(|rest| rest.starts_with(' '))
                && labels::is_subject_header(&word);
            let cell = self.table.body_rows[row].get(c)?.trim();
            (named && !cell.is_empty() && parse_cell(cell).value.is_none()).then(|| cell.to_owned())
        })
    }

    /// Whether the notes define a label as a sample (`Pre-HD, arterial-line sample
    /// immediately before the start of dialysis`, `Post-HD, sample at the end of the
    /// session`): its values are that sample's concentrations.
    fn defined_as_sample(&self, label: &str) -> bool {
        // (Not a time point so defined, `Pre` or `Pre-feed` over its days: a time, read as
        // one.)
        if self.defined_before_dose(label)
            || labels::time_of(label, None).is_some()
            || labels::day_code(label).is_some()
            || labels::day_hour_code(label).is_some()
        {
            return false;
        }
        // (A sample named by when it was drawn, `Pre-HD`, `Post-ox`, `Mid-dialysis`: not any
        // label a note mentions a sample in, `Albumin, measured in the same sample`.)
        let label = crate::fold::lower(label.trim());
        if label.contains(' ') || !["pre", "post", "mid"].iter().any(|p| label.starts_with(p)) {
            return false;
        }
        self.note_definitions(&label, &[", ", " = ", ": "]).into_iter().any(|(at, definition)| {
            is_word_start(&self.notes_lower, at)
                && crate::context::has_word(definition, &["sample", "samples", "specimen"])
        })
    }

    /// Where the notes define a label (lower case) after one of `separators` (`pre-hd, ...`,
    /// `c0 = ...`), and the definition, to its clause's end (`;` or `.`).
    fn note_definitions(&self, label: &str, separators: &[&str]) -> Vec<(usize, &str)> {
        separators
            .iter()
            .flat_map(|sep| {
                let pattern = format!("{label}{sep}");
                self.notes_lower
                    .match_indices(&pattern)
                    .map(|(at, m)| {
                        let definition = &self.notes_lower[at + m.len()..];
                        let end = definition.find([';', '.']).unwrap_or(definition.len());
                        (at, &definition[..end])
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// Whether the notes define a time point's label as a sample drawn before the dose,
    /// by whatever name (`Pre-feed, sample drawn before the medicated morning feed`,
    /// `Pre-HD = before the dialysis session's dose`): the label starts with `pre`, its
    /// definition says `before`.
    fn defined_before_dose(&self, label: &str) -> bool {
        let label = crate::fold::lower(label.trim());
        if !label.starts_with("pre") {
            return false;
        }
        self.note_definitions(&label, &[",", " =", ":"]).into_iter().any(|(_, definition)| {
            crate::context::has_word(definition, &["before", "prior"])
                && ["dose", "dosing", "feed", "administration", "treatment", "infusion"]
                    .iter()
                    .any(|w| definition.contains(w))
        })
    }

    /// Whether a column is headed by a bare number under a time header (`Minutes after
    /// darting` over `10 | 20 | 30`): a sampling time, never a subject's number.
    fn number_under_time_header(&self, col: usize) -> bool {
        let [above @ .., leaf] = self.clean_paths[col].as_slice() else { return false };
        looks_numeric(leaf) && above.iter().any(|h| h.trim() != leaf.trim() && labels::is_time_header(h))
    }

    /// A subject by its word and id spanning columns of whatever it was sampled at
    /// (`Patient E1` over `Pre-ox | Post-ox`, `Dog 2` over `Left | Right`): the id, where
    /// two subjects or more so span their columns and what is under them names no
    /// parameter, time or statistic.
    fn worded_subject_over(&self, col: usize) -> Option<String> {
        let over = |c: usize| -> Option<&str> {
            let [.., parent, leaf] = self.clean_paths[c].as_slice() else { return None };
            let (word, _) = parent.trim().split_once(' ')?;
            let leaf = leaf.trim();
            (labels::is_subject_header(word)
                && labels::subject_id(parent).is_some()
                && !leaf.is_empty()
                && leaf != parent.trim()
                && parameter_code(leaf, self.route_kind).is_none()
                && labels::time_of(leaf, None).is_none()
                && stat_label(leaf).is_none()
                && !looks_numeric(leaf))
            .then_some(parent.trim())
        };
        let id = over(col)?;
        let spanned = (0..self.n_cols).filter(|&c| over(c) == Some(id)).count();
        let subjects: std::collections::HashSet<&str> = (0..self.n_cols).filter_map(over).collect();
        (spanned >= 2 && subjects.len() >= 2).then(|| id.to_owned())
    }

    /// A parameter named after a specimen (`CSF Cmax (µg/mL)`, `Egg yolk Cmax (µg/g)`,
    /// `Milk AUC0–24`): the parameter, one that is not a concentration at a time.
    fn specimen_parameter(&self, label: &str) -> Option<Named> {
        let words: Vec<&str> = label.split_whitespace().collect();
        (1..words.len().min(4)).find_map(|k| {
            let specimen = words[..k].join(" ");
            // (A specimen's name alone: not the unbound or total drug's, `Unbound plasma AUC`,
            // nor urine's or faeces', whose parameters are excretion's, `Urine CL`.)
            let lower = crate::fold::lower(&specimen);
            let qualified = crate::context::has_word(
                &lower,
                &["unbound", "free", "total", "urine", "urinary", "faeces", "feces", "faecal", "fecal"],
            );
            if qualified || matrix_of(&specimen).is_none() || parameter_code(&specimen, self.route_kind).is_some() {
                return None;
            }
            let rest = words[k..].join(" ");
            named(&rest, self.route_kind).filter(|n| n.code().is_some_and(|c| c != "CONC"))
        })
    }

    /// The area a marked note names, when the note is that area's label alone (`a AUC0–6
    /// h`, `b AUC from 0 to 24 h.`): what an `AUC` carrying the mark is.
    fn marked_area(&self, marks: &[String]) -> Option<Named> {
        marks.iter().find_map(|mark| {
            let (_, text) = self.notes.iter().find(|(m, _)| m == mark)?;
            let text = text.trim().trim_end_matches(['.', ';', ',']).trim();
            named(text, self.route_kind).filter(|n| n.code().is_some_and(|code| code.starts_with("AUC")))
        })
    }

    /// A subject's id spanning its analytes' columns (`Subject 001` over `TRA | Parent`,
    /// `Patient 2` over `X | M1`): a subject word with its id, two subjects or more, each
    /// over compounds: the drug, a metabolite, the caption's compounds, the parent or total
    /// radioactivity, or an abbreviation the notes define as one of them ("TRA, total
    /// radioactivity").
    fn subject_over_analytes(&self, col: usize) -> Option<String> {
        const COMPOUND_WORDS: &[&str] =
            &["parent", "parent drug", "unchanged drug", "metabolite", "total radioactivity", "radioactivity"];
        let compound = |leaf: &str| {
            let leaf = crate::params::split_trailing_group(leaf).0.trim();
            let named = |name: &str| {
                let l = crate::fold::lower(name);
                drug_in(name).is_some()
                    || metabolite_in(name).is_some()
                    || COMPOUND_WORDS.iter().any(|w| l == *w || l.starts_with(&format!("{w} ")))
                    || l.starts_with("unchanged ")
            };
            !leaf.is_empty()
                && (named(leaf)
                    || self.caption_compound(leaf)
                    || self.parent_of_a_column(leaf)
                    || self.abbreviation(leaf).is_some_and(|(_, full, _)| named(full) || self.parent_of_a_column(full)))
        };
        // (A code alone, `V1` over `D | M`, where the caption says the values are each
        // subject's: "Individual plasma concentrations".)
        let individual = || {
            let caption = crate::fold::lower(self.table.caption.as_deref().unwrap_or_default());
            crate::context::has_word(&caption, &["individual"])
        };
        // (Not a time coded so: `D15`, `C1D1`, `W4`.)
        let timed = |id: &str| {
            labels::time_of(id, None).is_some()
                || labels::cycle_day(id, self.cycle_days).is_some()
                || labels::day_hour_code(id).is_some()
                || labels::day_code(id).is_some()
        };
        // (Not a sampling time's number under the time header: `Time after dose (h)` over `1
        // | 3` over `P | M`.)
        let under_time = |outer: &[String]| outer.iter().any(|h| labels::is_time_header(h));
        let over = |c: usize| match self.clean_paths[c].as_slice() {
            // (With what the paper says of the subject after its id: `Patient II-4` then its
            // genotype on the header's next line.)
            [outer @ .., above, leaf] if compound(leaf) && !(looks_numeric(above) && under_time(outer)) => {
                labels::subject_id(above).or_else(|| labels::leading_worded_subject(above)).filter(|id| {
                    (id.split_whitespace().count() > 1
                        || id.chars().any(|c| c.is_ascii_digit()) && individual() && !timed(id))
                        && matrices_in(above).is_empty()
                })
            }
            _ => None,
        };
        self.subjects_over_analytes
            .get_or_init(|| {
                let all: Vec<Option<String>> = (0..self.n_cols).map(over).collect();
                let ids: std::collections::HashSet<&String> = all.iter().flatten().collect();
                if ids.len() >= 2 { all } else { vec![None; self.n_cols] }
            })
            .get(col)
            .cloned()
            .flatten()
    }

    /// A subject's name spanning its specimens' columns (`Comet` over `Serum | SF`, "...
    /// of each horse"): capitalised names, two or more, each over specimens (or their
    /// abbreviations), where the caption speaks of each subject or counts them.
    fn name_over_specimens(&self, col: usize) -> Option<String> {
        let specimen = |leaf: &str| {
            let leaf = crate::params::split_trailing_group(leaf).0.trim();
            !matrices_in(leaf).is_empty()
                || self.abbreviation(leaf).is_some_and(|(_, full, _)| !matrices_in(full).is_empty())
        };
        let over = |c: usize| match self.clean_paths[c].as_slice() {
            // (Or coded: `IT-01 | IT-02` over `Vent. | Lumb.`, "Vent., ventricular CSF".)
            [.., above, leaf] if specimen(leaf) && (capitalised_name(above) || coded_subject(above)) => {
                Some(above.trim())
            }
            _ => None,
        };
        let name = over(col)?;
        let caption = self.table.caption.as_deref()?;
        let counted = labels::counted_subjects(caption);
        let each = crate::context::has_word(&crate::fold::lower(caption), &["each", "individual", "every"]);
        let names: std::collections::HashSet<&str> = (0..self.n_cols).filter_map(over).collect();
        // (Not a drug, specimen, route, time, parameter, species, population or subject word
        // over them: `Maternal | Infant`, `Sheep | Goats` are groups.)
        let a_name = |name: &str| {
            names_none_of_the_table(name)
                && stat_label(name).is_none()
                && crate::context::species_of(name).is_none()
                && crate::context::population_in(name).is_none()
                && !labels::is_subject_header(name)
        };
        // As many names as the caption counts, or, uncounted, three at least (`Young |
        // Elderly` are groups) of each subject.
        let enough = match counted {
            Some(n) => names.len() == n,
            None => each && names.len() >= 3,
        };
        (enough && names.iter().all(|n| a_name(n))).then(|| name.to_owned())
    }

    /// Subjects named over the compounds the caption names (`Kanya<sup>a</sup>` over
    /// `Famcivax | Pencivax`, "... famcivax and its active metabolite pencivax in three Asian
    /// elephants"): as many names, each a capitalised word, as the caption counts subjects.
    /// (Read once per table for all its columns: the records ask it of their cells.)
    fn named_over_analytes(&self, col: usize) -> Option<String> {
        self.named_over.get_or_init(|| self.names_over_analytes()).get(col).cloned().flatten()
    }

    /// [`Self::named_over_analytes`] of every column, or none of them.
    fn names_over_analytes(&self) -> Vec<Option<String>> {
        let none = vec![None; self.n_cols];
        let Some(caption) = self.table.caption.as_deref() else { return none };
        let Some(counted) = labels::counted_subjects(caption) else { return none };
        // (A compound the caption names: the drug or its metabolite, a word of the caption.)
        let caption = crate::fold::lower(caption);
        let compound = |label: &str| {
            let l = crate::fold::lower(label.trim());
            self.caption_compound(label) || l.chars().count() >= 4 && crate::context::has_word(&caption, &[l.as_str()])
        };
        // Every column over a compound the caption names: its parent a name, as many names as
        // the caption counts.
        let parents: Vec<Option<&str>> = self
            .clean_paths
            .iter()
            .map(|p| match p.as_slice() {
                [.., above, under] if compound(under) => Some(above.as_str()),
                _ => None,
            })
            .collect();
        let mut names: Vec<&str> = Vec::new();
        for &above in parents.iter().flatten() {
            if !capitalised_name(above) {
                return none;
            }
            if !names.contains(&above) {
                names.push(above);
            }
        }
        if names.len() != counted || names.len() < 2 {
            return none;
        }
        parents.iter().map(|p| p.map(|name| name.trim().to_owned())).collect()
    }

    /// Whether the labels under column `col`'s header are three or more codes of subjects
    /// (`Plasma X (µg/mL)` over `T1 | T2 | T3 | T4`): one word each with a digit, none a
    /// parameter (but in a run of ids, [`Self::numbered_ids`]) or a time, under a
    /// concentration's header, or under a specimen's over rows timed down the stub.
    fn coded_siblings(&self, col: usize) -> bool {
        // (Concentrations across; or down the stub at its times, the columns unnamed, where
        // the ids are letters and numbers, not bare numbers a header above makes times.)
        let numbered = self.numbered_ids(col);
        let concentrations = match self.col_named[col] {
            Some(named) => named.code() == Some("CONC"),
            None => numbered && self.row_time.iter().flatten().count() >= 2,
        };
        if self.header_above(col).is_empty() || !concentrations {
            return false;
        }
        let siblings = self.sibling_leaves(col);
        // Not occasions coded the same way: cycles, periods, visits, days, weeks, months
        // (`C1`, `P2`, `V3`), nor trimesters (`T1`) where the paper speaks of them.
        let paper = crate::fold::lower(&format!(
            "{} {}",
            self.table.caption.as_deref().unwrap_or_default(),
            self.table.title.as_deref().unwrap_or_default()
        ));
        // (`V` is a volunteer's where the paper speaks of volunteers and not of visits.)
        let volunteers = crate::context::has_word(&paper, &["volunteer", "volunteers"])
            && !crate::context::has_word(&paper, &["visit", "visits"]);
        // (So is `P` a patient's where it speaks of patients and not of periods, or where its
        // number is padded with zeros, `P03`: periods are `P1`, `P2`.)
        let patients = crate::context::has_word(&paper, &["patient", "patients"])
            && !crate::context::has_word(&paper, &["period", "periods"]);
        let padded = |l: &str| l.trim_start_matches(|c: char| c.is_ascii_alphabetic()).starts_with('0');
        let occasion = |l: &str| match l.chars().next().map(|c| c.to_ascii_uppercase()) {
            Some('V') => !volunteers,
            Some('P') => !patients && !padded(l),
            Some('C' | 'D' | 'W' | 'M') => true,
            Some('T') => paper.contains("trimester") || paper.contains("pregnan"),
            _ => false,
        };
        // (Summarised beside them, `V1 | ... | V6 | Mean | SD`, the codes are individuals: a
        // mean across occasions is no column of such a table.)
        // (With the sampling times down the stub: not patients down it with `C1 | C2 | Mean`,
        // their cycles and mean trough.)
        let summarised = self.row_time.iter().flatten().nth(1).is_some()
            && siblings.iter().any(|l| matches!(stat_label(l), Some(StatLabel::Central(_) | StatLabel::Combined(_))));
        let siblings: Vec<_> = siblings.into_iter().filter(|l| stat_label(l).is_none()).collect();
        siblings.len() >= 3
            && siblings.iter().all(|l| {
                let l = l.trim();
                (summarised || !occasion(l))
                    && !l.contains(' ')
                    && l.chars().any(|c| c.is_ascii_digit())
                    && labels::subject_id(l).is_some()
                    && (numbered || parameter_code(l, self.route_kind).is_none())
                    && labels::time_of(l, None).is_none()
            })
    }

    /// Whether column `col`'s innermost header is one of a run of ids coded by one letter
    /// and their numbers under one header (`V1 | V2 | V3 | V4 | V5` under `Plasma (mg/L)`):
    /// three or more, numbered apart, one of them no parameter's name (`V4`), under a
    /// specimen's or concentration's header, or in a table the caption says holds individual
    /// concentrations; so `V1` and `V2` are ids there, not the volumes of a compartmental
    /// model.
    fn numbered_ids(&self, col: usize) -> bool {
        // (The cheap tests first: every column's header is asked.)
        if self.paths[col].last().and_then(|l| letter_code(l, 2)).is_none() {
            return false;
        }
        // (Their summary's columns beside them aside: `V1 | ... | V6 | Mean | SD`.)
        let siblings: Vec<_> = self.sibling_leaves(col).into_iter().filter(|l| stat_label(l).is_none()).collect();
        let Some(codes) = siblings.iter().map(|l| letter_code(l, 2)).collect::<Option<Vec<_>>>() else { return false };
        // (Under a specimen's, a concentration's or an analyte's header: not `Volumes (L)` over
        // `V1 | V2 | V3`, nor `Micro rate constants` over `K10 | K12 | K21`; `MBC` over `R1 |
        // R2 | R3`, "marbocilin (MBC)", the rabbits' levels of it.)
        let specimen_above = self.header_above(col).iter().any(|h| {
            let bare = crate::params::split_trailing_group(h).0.trim();
            matrix_of(h).is_some()
                || self.abbreviation(bare).is_some_and(|(_, full, _)| matrix_of(full).is_some())
                || crate::context::has_word(&crate::fold::lower(h), &["concentration", "concentrations", "levels"])
                || self.abbreviation(bare).is_some() && self.concentration_caption()
                || (drug_in(bare).is_some() || metabolite_in(bare).is_some()) && self.concentration_caption()
        }) || self.individual_concentrations_caption() && self.codes_under_a_condition(col);
        if !specimen_above {
            return false;
        }
        let mut numbers: Vec<u32> = codes.iter().map(|(_, n)| *n).collect();
        numbers.sort_unstable();
        numbers.dedup();
        codes.len() >= 3
            && numbers.len() == codes.len()
            && codes.iter().all(|(letters, _)| *letters == codes[0].0)
            && siblings.iter().any(|l| parameter_code(l, self.route_kind).is_none())
    }

    /// Whether column `col`'s code sits under a header of its own that names no parameter
    /// (`24 °C` over `T1 | T2 | T3`), and its letter is none of a cycle's, a day's, a week's, a
    /// month's, a volume's, a rate constant's or a period's (`C1`, `D8`, `W2`, `V1`, `K12`,
    /// `P2`).
    fn codes_under_a_condition(&self, col: usize) -> bool {
        let Some((letters, _)) = self.paths[col].last().and_then(|l| letter_code(l, 2)) else { return false };
        let above = self.header_above(col);
        !above.is_empty()
            && above.iter().all(|h| parameter_code(h, self.route_kind).is_none() && !labels::is_time_header(h))
            && !matches!(letters, "C" | "D" | "W" | "M" | "V" | "K" | "P" | "CL" | "Q")
    }

    /// Whether the caption says its table holds each subject's concentrations (`Plasma X
    /// concentrations (µg/mL) in individual tegus`, `Individual serum levels`): its columns'
    /// codes under a condition (`24 °C` over `T1 | T2 | T3`) are the subjects then.
    fn individual_concentrations_caption(&self) -> bool {
        let caption = crate::fold::lower(self.table.caption.as_deref().unwrap_or_default());
        crate::context::has_word(&caption, &["individual"]) && self.concentration_caption()
    }

    /// Whether the caption says its table holds concentrations (`Individual plasma
    /// concentrations (µg/mL) of X`), in the words the reader knows.
    fn concentration_caption(&self) -> bool {
        let caption = crate::fold::lower(self.table.caption.as_deref().unwrap_or_default());
        crate::context::has_word(&caption, &["concentration", "concentrations", "levels", "level"])
    }

    /// The unit column of value column `col`: the one under the same group header (`Milk`
    /// spanning `Unit | Value`, `Plasma` spanning its own), else the table's first.
    fn unit_col(&self, col: usize) -> Option<usize> {
        let parent = self.header_above(col);
        self.unit_cols.iter().copied().find(|&u| self.header_above(u) == parent).or(self.unit_cols.first().copied())
    }

    /// The headers above column `c`'s innermost one.
    fn header_above(&self, c: usize) -> &[String] {
        &self.paths[c][..self.paths[c].len().saturating_sub(1)]
    }

    /// The innermost labels of the columns under the same headers as column `col` (its
    /// own among them; none for a column of one header row).
    fn sibling_leaves(&self, col: usize) -> Vec<&str> {
        let above = self.header_above(col);
        if above.is_empty() {
            return Vec::new();
        }
        let depth = self.paths[col].len();
        (0..self.n_cols)
            .filter(|&c| self.paths[c].len() == depth && self.header_above(c) == above)
            .filter_map(|c| self.paths[c].last().map(String::as_str))
            .collect()
    }

    /// Summary columns beside the subjects' columns (`Plasma concentration (ng/mL)` over
    /// `Bella | Duke | Shadow`, then `Mean` or `Mean ± SD` alone): a column headed only by a
    /// central statistic, when two or more subjects' columns share one parameter and one
    /// header above them, summarises that parameter. Its parameter and the label it is read
    /// under (the subjects' header, which gives the unit and specimen), per column.
    fn summary_columns(&self) -> Vec<Option<(Named, String)>> {
        let mut out = vec![None; self.n_cols];
        let unnamed = |c: usize| c != self.stub_col && self.col_named[c].is_none();
        if !(0..self.n_cols).any(unnamed) {
            return out;
        }
        let subjects: Vec<usize> = (0..self.n_cols)
            .filter(|&c| c != self.stub_col && self.col_named[c].is_some() && self.column_subject(c).is_some())
            .collect();
        let [first, rest @ ..] = subjects.as_slice() else { return out };
        let above = self.header_above(*first);
        let shared = rest.iter().all(|&c| self.col_named[c] == self.col_named[*first] && self.header_above(c) == above);
        let (Some(param), [.., span]) = (self.col_named[*first], above) else { return out };
        if rest.is_empty() || !shared {
            return out;
        }
        for c in (0..self.n_cols).filter(|&c| unnamed(c)) {
            // One label, however many header rows it spans.
            let p = &self.paths[c];
            let central = stat_label(&self.labels[c]).is_some_and(|l| l.central().is_some());
            if central && p.iter().all(|h| *h == p[0]) {
                out[c] = Some((param, span.clone()));
            }
        }
        out
    }

    /// Whether the notes describe `name` by its sex, as they describe named animals or
    /// patients (`Banjo, male, 7.9 kg; Tilly, female, 5.6 kg`, `Tilly (female)`).
    fn notes_give_sex_of(&self, name: &str) -> bool {
        let name = crate::fold::lower(name.trim());
        !name.is_empty()
            && [", male", ", female", " (male", " (female", ", m,", ", f,"]
                .iter()
                .any(|sex| self.notes_lower.contains(&format!("{name}{sex}")))
    }

    /// Subjects named, not numbered, under a spanning header (`Plasma concentration
    /// (ng/mL)` over `Bella | Duke | Shadow` in "... in three horses"), or in a single header
    /// row beside a stub of sampling times (`Time (h) | Misty | Oscar | Luna | Mean` in "...
    /// in three cats") or beside their summary (`Parameter | Mali | Kanja | Thong | Mean ±
    /// SD` in "... in three elephants": individual values, then their mean): column `col` is
    /// a subject's when the caption counts as many subjects as there are such columns, and
    /// each of them is one capitalised word that names no drug, specimen, route, statistic,
    /// parameter or time (or, in a caption of individuals, whose sex the notes give).
    fn named_subject(&self, col: usize) -> Option<String> {
        // (Over a header row of their covariates, the stub's cell saying which: `Bella` over
        // `M, 7 y` beside `Sex, age`.)
        let covariates = self.paths[self.stub_col].last().is_some_and(|h| {
            let h = crate::fold::lower(h.trim());
            ["sex", "age", "gender", "weight", "body weight", "breed"].iter().any(|w| h.starts_with(w))
        });
        let trimmed = |c: usize| -> &[String] {
            let p = &self.paths[c];
            if covariates && p.len() >= 2 && self.paths[self.stub_col].len() == p.len() {
                &p[..p.len() - 1]
            } else {
                p.as_slice()
            }
        };
        let p = trimmed(col);
        let [above @ .., leaf] = p else { return None };
        // (A name with the unit of a unit row under it: `Bella (µg/mL)`, [`fold_unit_row`].)
        let leaf = name_before_unit(leaf);
        // Sampling times down the stub, read as the rows' times (a long table's time column
        // is never the stub).
        let times_down = self.row_time.iter().flatten().nth(1).is_some();
        // The cheap test first: a capitalised word, before the caption's count.
        if (above.is_empty() && !times_down && !self.summary_beside()) || !capitalised_name(leaf) {
            return None;
        }
        let caption = self.table.caption.as_deref()?;
        let counted = labels::counted_subjects(caption);
        // A table of individuals (`in individual sea turtles`) names them without counting,
        // under a header of their species (`Loggerhead turtles` over `Hope | Marina`).
        // (Or the caption's word after `individual` names them: "in individual horses".)
        let individual = || {
            let lower = crate::fold::lower(caption);
            let after = lower.split_whitespace().skip_while(|w| *w != "individual").nth(1).unwrap_or_default();
            let after = after.trim_matches(|c: char| !c.is_alphanumeric());
            crate::context::has_word(&lower, &["individual"])
                && (above.last().is_some_and(|h| labels::names_subjects(h))
                    || labels::is_subject_header(after)
                    || crate::context::species_of(after).is_some()
                    || self.notes_give_sex_of(leaf)
                    // (Or names the paper's title and abstract never use: `Hercules | Olive |
                    // Ziggy` under `Haemolymph X (µg/mL)` in "Individual haemolymph X
                    // concentrations"; a group's name, `Fasted` or `Elderly`, the text says.)
                    || self.unmentioned_names(above))
        };
        // Or of each subject (`in each horse`, `for each patient`): three names at least.
        // (Not a caption of means, nor "each patient received 400 mg": `in`, `for` or `of`
        // each subject.)
        let each = || {
            let lower = crate::fold::lower(caption);
            let words: Vec<&str> = lower.split_whitespace().collect();
            !crate::context::has_word(&lower, &["mean", "means", "median", "medians"])
                && (words.windows(3).any(|w| {
                    let next = w[2].trim_matches(|c: char| !c.is_alphanumeric());
                    matches!(w[0], "in" | "for" | "of")
                        && w[1] == "each"
                        && (labels::is_subject_header(next) || crate::context::species_of(next).is_some())
                })
                    // (Or by each, `by dolphin and week`: the animal the title studies, in
                    // the singular.)
                    || words.windows(2).any(|w| {
                        let next = w[1].trim_matches(|c: char| !c.is_alphanumeric());
                        w[0] == "by"
                            && !next.ends_with('s')
                            && (labels::is_subject_header(next) || studies_kind(self.table, next))
                    }))
        };
        // (Or named with their sex and weight, as only individuals are.)
        if counted.is_none() && !self.learned.named_individuals && !individual() && !each() {
            return None;
        }
        // A summary column under the same header (`Mean<sup>a</sup>` after the names) is
        // none of the subjects.
        let leaves: Vec<&str> = if above.is_empty() {
            (0..self.n_cols)
                .filter(|&c| c != self.stub_col && trimmed(c).len() == 1)
                .map(|c| name_before_unit(&trimmed(c)[0]))
                .collect()
        } else {
            self.sibling_leaves(col).into_iter().map(name_before_unit).collect()
        };
        // Under a subject word that spans them (`Dog` over `Bella | Max | Rocky`), as many
        // names as the caption counts are all names, though one reads as a statistic
        // (`Max`, `Min`) elsewhere; a central statistic (`Mean`) still summarises them.
        let under_subject_word = above.last().is_some_and(|h| labels::is_subject_header(h));
        // (Only a range's end without the other end among them: `Min` and `Max` together,
        // or an `SD`, are statistics.)
        let ends: Vec<End> = leaves
            .iter()
            .filter_map(|l| match stat_label(&label_marks(l, &self.notes).0) {
                Some(StatLabel::Bound(Kind::Range, end)) => Some(end),
                _ => None,
            })
            .collect();
        let lone_end = |s: &StatLabel| matches!(s, StatLabel::Bound(Kind::Range, end) if ends.iter().filter(|e| *e != end).count() == 0);
        // (Or where the caption counts them: `Bella | Max | Rocky` of "three dogs", `Max` the
        // third name; as many names less `Max` are names beside a maximum.)
        let names_with = |lone_ends_named: bool| {
            let statistic = |l: &str| {
                stat_label(&label_marks(l, &self.notes).0).is_some_and(|s| !(lone_ends_named && lone_end(&s)))
            };
            let siblings: Vec<&str> = leaves.iter().copied().filter(|l| !statistic(l)).collect();
            let a_name = |label: &str| {
                let label = label.trim();
                capitalised_name(label) && names_none_of_the_table(label) && !statistic(label)
            };
            // (Uncounted, three names at least: `Young | Elderly` under `Subjects` are groups.)
            let n = counted.unwrap_or(if siblings.len() >= 3 { siblings.len() } else { 0 });
            n >= 2 && siblings.len() == n && siblings.iter().all(|l| a_name(l))
        };
        (names_with(under_subject_word) || !under_subject_word && counted.is_some() && names_with(true))
            .then(|| leaf.trim().to_owned())
    }

    /// Whether the leaves under `above` (three or more besides statistics) are all names that
    /// the paper's title and abstract do not mention.
    fn unmentioned_names(&self, above: &[String]) -> bool {
        // (Only where there is an abstract to have mentioned them.)
        if self.table.abstract_text.as_deref().is_none_or(|a| a.trim().is_empty()) {
            return false;
        }
        let leaves: Vec<String> = (0..self.n_cols)
            .filter(|&c| {
                c != self.stub_col && self.paths[c].len() == above.len() + 1 && self.paths[c].starts_with(above)
            })
            .map(|c| label_marks(name_before_unit(&self.paths[c][above.len()]), &self.notes).0)
            .filter(|l| stat_label(l).is_none())
            .collect();
        let text = crate::fold::lower(&format!(
            "{} {}",
            crate::context::paper_text(self.table),
            self.table.caption.as_deref().unwrap_or_default()
        ));
        leaves.len() >= 3
            && leaves.iter().all(|l| {
                capitalised_name(l)
                    && names_none_of_the_table(l)
                    && !crate::context::has_word(&text, &[&crate::fold::lower(l)])
            })
    }

    /// Whether a column of a single header row is headed by a central statistic, alone or
    /// with its spread (`Mean`, `Mean ± SD`, `Median (range)`): the summary of the values
    /// beside it.
    fn summary_beside(&self) -> bool {
        (0..self.n_cols).any(|c| {
            c != self.stub_col
                && self.paths[c].len() == 1
                && stat_label(&self.labels[c]).is_some_and(|l| l.central().is_some())
        })
    }

    /// The subject a row stub names: an id (`3`, `P3`, `Case 2`), or, under a subject
    /// header, any stub that is not an analyte, a specimen or a group of them.
    fn subject_of(&self, stub: &str, subject_header: bool) -> Option<String> {
        // (A subject header declaring what its cells add in brackets, `Patient (age)` over
        // `C-01 (2 y)`, `Dog (breed)` over `Bruno (Boxer)`: the id or name before them.)
        let header = self.labels.get(self.stub_col).map_or("", String::as_str);
        let declared = match crate::params::split_trailing_group(header) {
            (name, Some(inner)) => {
                labels::is_subject_header(name.trim()) && unit_in_label(&format!("({inner})")).is_none()
            }
            _ => false,
        };
        let stub = match crate::params::split_trailing_group(stub) {
            (id, Some(_)) if declared && !id.trim().is_empty() => id.trim(),
            _ => stub,
        };
        labels::subject_id(stub).or_else(|| {
            let other = drug_in(stub).is_some()
                || !matrices_in(stub).is_empty()
                || self.abbreviation(stub).is_some()
                || stub.trim().is_empty()
                || stub.split_whitespace().count() > 3;
            (subject_header && !other).then(|| stub.trim().to_owned())
        })
    }

    /// Statistics under a parameter's header (`Cmax (ng/mL)` over `Mean | SD`, `AUC` over
    /// `Median | Range`): each row's cells under one parameter make its summary, the row
    /// naming the group (or the subject).
    fn statistics_under_parameters(&self, kinds: &[RowKind]) -> Vec<Record> {
        // The statistic columns of each parameter header, in order: (header, parameter,
        // columns with their statistic).
        type Family = (String, Named, Vec<(usize, StatLabel)>);
        let mut families: Vec<Family> = Vec::new();
        for col in 0..self.n_cols {
            let (Some(param), Some(under)) = (self.col_named[col], self.col_under[col].as_deref()) else { continue };
            let Some(stat) = stat_label(under) else { continue };
            let path = self.path_without_unit(col);
            let parent = path[..path.len().saturating_sub(1)].join(" / ");
            match families.iter_mut().find(|(p, n, _)| *p == parent && *n == param) {
                Some((_, _, lines)) => lines.push((col, stat)),
                None => families.push((parent, param, vec![(col, stat)])),
            }
        }
        let mut out = Vec::new();
        for (label, param, lines) in &families {
            // Headers above the statistics that are not the parameter (`Fasted` over `Cmax`
            // over `Mean | SD`) name the group too.
            let outer: Vec<&str> = label.split(" / ").filter(|h| named(h, self.route_kind).is_none()).collect();
            let outer = (!outer.is_empty()).then(|| outer.join(" / "));
            let mut section: Option<String> = None;
            for (row, kind) in kinds.iter().enumerate() {
                if let Some(Some(group)) = self.row_groups.get(row) {
                    section = Some(group.clone());
                }
                let group = match kind {
                    RowKind::Section(name, _) => {
                        section = Some(name.clone());
                        continue;
                    }
                    RowKind::Stat(_) => continue,
                    RowKind::Subject(id) => join_group(section.as_deref(), Some(id.as_str())),
                    RowKind::Group(stub)
                        if labels::is_non_value_header(stub) || self.p_value_row(row) || self.prediction_row(stub) =>
                    {
                        continue;
                    }
                    RowKind::Group(stub) => {
                        join_group(section.as_deref(), (!stub.trim().is_empty()).then_some(stub.as_str()))
                    }
                };
                let n = match kind {
                    RowKind::Group(stub) => parse_cell(stub).n,
                    _ => None,
                };
                let group = join_group(group.as_deref(), outer.as_deref());
                for s in summaries(lines) {
                    out.extend(self.summary_record(s, Axis::Columns { row }, label, *param, group.clone(), n));
                }
            }
        }
        out
    }

    /// Parameters across the headers: each parameter column read down its rows.
    fn parameters_across(&self) -> Vec<Record> {
        let kinds = self.row_kinds();
        // Each group row's count in its stub (`Patients (n = 12)`), read once for every column.
        let stub_counts: Vec<Option<u32>> = kinds
            .iter()
            .map(|kind| match kind {
                RowKind::Group(stub) => parse_cell(stub).n,
                _ => None,
            })
            .collect();
        // The rows that declare the statistic of the rows below (read once for every column).
        let statistic_rows: Vec<Option<String>> = kinds
            .iter()
            .enumerate()
            .map(|(row, kind)| {
                matches!(kind, RowKind::Stat(_) | RowKind::Group(_)).then(|| self.statistic_row(row)).flatten()
            })
            .collect();
        let subject_sections = self.subject_cols[self.stub_col];
        let summary_columns = self.summary_columns();
        let mut out = Vec::new();
        for (col, named_param) in self.col_named.iter().enumerate() {
            let (param, summary) = match (*named_param, &summary_columns[col]) {
                (Some(param), _) => (param, None),
                (None, Some((param, label))) => (*param, Some(label.as_str())),
                (None, None) => continue,
            };
            if col == self.stub_col {
                continue;
            }
            let label = summary.map_or_else(|| self.labels[col].clone(), str::to_owned);
            // Under the parameter's header, a statistic (`Cmax` over `Mean | SD`) is read with
            // the other statistics of its row below; a group (`Test`) joins its rows' groups.
            let under = self.col_under[col].as_deref();
            if under.and_then(stat_label).is_some() {
                continue;
            }
            // A subject under the parameter's spanning header (`Plasma concentration
            // (ng/mL)` over `Patient 1 | Patient 2`): the column is that subject's, no group.
            let column_subject = self.column_subject(col);
            let col_group = under.filter(|_| column_subject.is_none());
            let mut section: Option<String> = None;
            let mut section_n: Option<u32> = None;
            // A statistic row spanning the table (`Median (IQR)` across every column under the
            // header): the statistic of the rows below it.
            let mut section_statistic: Option<String> = None;
            let mut block: Vec<(usize, StatLabel)> = Vec::new();
            let flush = |block: &mut Vec<(usize, StatLabel)>,
                         section: &Option<String>,
                         section_n: Option<u32>,
                         out: &mut Vec<Record>| {
                let group = join_group(section.as_deref(), col_group);
                for s in summaries(block) {
                    out.extend(self.summary_record(s, Axis::Rows { col }, &label, param, group.clone(), section_n));
                }
                block.clear();
            };
            for (row, kind) in kinds.iter().enumerate() {
                if let Some(Some(group)) = self.row_groups.get(row)
                    && section.as_ref() != Some(group)
                {
                    flush(&mut block, &section, section_n, &mut out);
                    section = Some(group.clone());
                    section_n = parse_cell(group).n;
                }
                match kind {
                    // A summary column summarises the subjects' lines (times), not the table's
                    // summary rows or a subject's own row.
                    RowKind::Stat(_) | RowKind::Subject(_) if summary.is_some() => {}
                    RowKind::Stat(_) | RowKind::Group(_)
                        if summary.is_none()
                            && let Some(line) = &statistic_rows[row] =>
                    {
                        flush(&mut block, &section, section_n, &mut out);
                        section_statistic = Some(line.clone());
                    }
                    RowKind::Stat(l) => block.push((row, l.clone())),
                    RowKind::Section(name, counts) => {
                        flush(&mut block, &section, section_n, &mut out);
                        section = Some(name.clone());
                        section_n = counts.get(col).copied().flatten();
                    }
                    RowKind::Subject(id) => {
                        flush(&mut block, &section, section_n, &mut out);
                        // (A subject's row of another quantity, labelled beside its id: `Pt 1 |
                        // Core temp. (°C)` under its `Conc. (ng/mL)` row.)
                        let cells = &self.table.body_rows[row];
                        if (0..col.min(cells.len()))
                            .any(|c| c != self.stub_col && labels::is_non_value_header(&cells[c]))
                        {
                            continue;
                        }
                        let time = self.time_at(row, col);
                        let group = join_group(section.as_deref(), col_group);
                        let id = self.pair_member(row, col).unwrap_or_else(|| id.clone());
                        out.extend(self.individual(row, col, &label, param, group, Some(id), time));
                    }
                    RowKind::Group(stub) => {
                        flush(&mut block, &section, section_n, &mut out);
                        if labels::is_non_value_header(stub) || self.p_value_row(row) || self.prediction_row(stub) {
                            continue;
                        }
                        if column_subject.is_some() || summary.is_some() {
                            // (A row of the doses each subject was given, `Intraventricular dose
                            // (mg/24 h)` over the days' troughs, is no concentration.)
                            if self.row_named[row].is_none() && self.row_time[row].is_none() && names_a_dose(stub) {
                                continue;
                            }
                            let time = self.time_at(row, col);
                            // A parameter's row under a subject's concentrations at their times
                            // (`AUC0–24 (mg·h/L)` under `0.5 | 1 | ... | 24` down the stub): the
                            // subject's parameter, no group.
                            // (And a summary column's, `Mean` beside the subjects: the row's
                            // parameter summarised.)
                            let own = self.row_named[row]
                                .filter(|n| n.code().is_some_and(|c| c != "CONC"))
                                .filter(|_| time.is_none() && param.code() == Some("CONC"));
                            let (label, param, group, time) = match own {
                                Some(own) => (stub.as_str(), own, join_group(section.as_deref(), col_group), None),
                                None => {
                                    // The stub is the time when it prints one, else a group.
                                    let stub = (time.is_none() && !stub.trim().is_empty()).then_some(stub.as_str());
                                    let group = join_group(join_group(section.as_deref(), stub).as_deref(), col_group);
                                    (label.as_str(), param, group, time)
                                }
                            };
                            if let Some(subject) = &column_subject {
                                out.extend(self.individual(row, col, label, param, group, Some(subject.clone()), time));
                            } else {
                                let line = [self.labels[col].as_str()];
                                let marks = [self.label_marks[col].clone(), self.stubs[row].1.clone()].concat();
                                out.extend(
                                    self.cell_record(row, col, label, param, group, section_n, &line, &marks, time),
                                );
                            }
                            continue;
                        }
                        // A stub that is the row's sampling time is no group.
                        let stub_group =
                            (!stub.trim().is_empty() && self.row_time[row].is_none()).then_some(stub.as_str());
                        let group = join_group(section.as_deref(), stub_group);
                        let group = join_group(group.as_deref(), col_group);
                        let n = stub_counts[row].or(section_n);
                        let marks = [self.label_marks[col].clone(), self.stubs[row].1.clone()].concat();
                        let time = self.time_at(row, col);
                        let line = [stub.as_str(), section_statistic.as_deref().unwrap_or_default()];
                        let line = if section_statistic.is_some() { &line[..] } else { &line[..1] };
                        // A row of the ratio of two specimens or analytes under the parameter
                        // it compares (`CSF/plasma AUC ratio` beside the `Plasma` and `CSF`
                        // rows, its value under `AUC0–8`): the ratio, not the parameter (the
                        // column's label still declares its statistic).
                        let ratio = self.row_named[row]
                            .filter(|n| n.code().and_then(crate::params::class_of_code) == Some("ratio"))
                            .filter(|_| stub.contains(['/', ':']));
                        let param = ratio.unwrap_or(param);
                        out.extend(self.cell_record(row, col, &label, param, group, n, line, &marks, time));
                    }
                }
            }
            flush(&mut block, &section, section_n, &mut out);
        }
        out.extend(self.statistics_under_parameters(&kinds));
        // Subject sections over rows of analytes (a subject's row, then its analytes'
        // values): the section is the subject.
        if subject_sections {
            for r in &mut out {
                if r.context.subject.is_none()
                    && let Some(group) = r.context.group.clone()
                    && let Some((subject, rest)) = split_subject(&group)
                {
                    r.context.subject = Some(subject);
                    r.context.group = rest;
                    r.statistic = Statistic::Individual;
                }
            }
        }
        // Sections that name a subject by its word and number, what the paper tells of the
        // subject in brackets after it (`Patient 1 (M, 58 y, 74 kg; SAH)` over the
        // patient's sampling times): the values under it are that subject's.
        // (A censored sample's too, `<LOQ`, its statistic unknown.)
        for r in &mut out {
            if r.context.subject.is_none()
                && (r.statistic == Statistic::Value || r.statistic == Statistic::Unknown && r.value.is_none())
                && let Some(group) = r.context.group.clone()
            {
                let (first, rest) = match group.split_once(" / ") {
                    Some((f, rest)) => (f, Some(rest.to_owned())),
                    None => (group.as_str(), None),
                };
                // Or by its code or initials alone (`E03`, `M.L.R.`) over a subject's
                // sampling times: not a metabolite's code (`M2`) nor a compound the caption
                // names, and with a letter (a bare number also numbers doses and periods).
                let name = crate::params::split_trailing_group(first).0.trim();
                let coded = |name: &str| {
                    let id = labels::subject_id(name)?;
                    // (Or a ratio of two of its levels beside them, `N-LZP/LZP ratio`, or the
                    // fraction unbound of a sample.)
                    let level = r.parameter.as_deref().is_some_and(|c| {
                        c == "CONC"
                            || (crate::params::class_of_code(c) == Some("ratio") || c == "FU")
                                && r.context.time.is_some()
                    });
                    (level
                        && !labels::is_visit_code(&id)
                        && r.context.time.is_some()
                        && id.chars().any(char::is_alphabetic)
                        && !id.contains(' ')
                        && metabolite_in(name).is_none()
                        && !self.caption_compound(name)
                        && matrices_in(name).is_empty())
                    .then_some(id)
                };
                // (With what the table says of the subject after it: `Patient 1 CLCR 62 mL/min`.)
                // (Or a name with its sex and weight after it, `Kiri (F, 4.1 kg)`,
                // [`labels::subject_id`]: an individual's.)
                let named =
                    || labels::subject_id(first.trim()).filter(|id| id != first.trim() && r.context.time.is_some());
                // (Or by its code before a dash or a colon and what the paper tells of the
                // subject, `LT-01 — MELD 18; blood loss 1.9 L`.)
                // (A study's code, its letters set apart or two of them and two digits: not a
                // period's, group's or treatment's, `P1 — fed`, `G2: 10 mg/kg`.)
                let dashed = || {
                    let (head, tail) = first.split_once(['—', '–', ':'])?;
                    let head = head.trim();
                    let letters = head.chars().filter(|c| c.is_alphabetic()).count();
                    let digits = head.chars().filter(char::is_ascii_digit).count();
                    let study_code = head.contains(['-', '_']) || letters >= 2 && digits >= 2;
                    (!tail.trim().is_empty() && study_code).then_some(())?;
                    coded(head)
                };
                if let Some(subject) = labels::worded_subject(name)
                    .or_else(|| coded(name))
                    .or_else(|| labels::leading_worded_subject(name))
                    .or_else(named)
                    .or_else(dashed)
                {
                    r.context.subject = Some(subject);
                    r.context.group = rest;
                    r.statistic = Statistic::Individual;
                }
            }
        }
        // A case report's concentrations over time (the title says "a case report"): the
        // patient's own values, not a group's; a date over the rows is when, no group.
        let case_report = || {
            let title = crate::fold::lower(self.table.title.as_deref().unwrap_or_default());
            crate::context::has_word(&title, &["case report"]) || title.contains("a case of ")
        };
        if out.iter().any(|r| r.statistic == Statistic::Value && r.context.subject.is_none()) && case_report() {
            for r in &mut out {
                if r.statistic == Statistic::Value
                    && r.context.subject.is_none()
                    && r.context.time.is_some()
                    && r.parameter.as_deref() == Some("CONC")
                {
                    r.statistic = Statistic::Individual;
                    if r.context.group.as_deref().is_some_and(|g| labels::month_date(g).is_some()) {
                        r.context.group = None;
                    }
                }
            }
        }
        out
    }

    /// Whether the table's groups are metabolizer phenotypes (`PM | IM | NM | UM`, `*1/*2
    /// (IM)` by CYP2D6 genotype): a header or stub names another phenotype by its
    /// abbreviation (`PM (n = 4)`, `EM`, `NM`, `RM`, `UM`) as a word of its own.
    fn phenotype_groups(&self) -> bool {
        let abbreviation = |t: &str| {
            t.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "PM" | "EM" | "NM" | "RM" | "UM" | "URM"))
        };
        self.labels.iter().any(|l| abbreviation(l)) || self.stubs.iter().any(|(s, _)| abbreviation(s))
    }

    /// The dosing interval of a table at steady state ([`steady_state_interval`]), read once.
    fn steady_tau(&self) -> Option<&String> {
        self.steady_tau.get_or_init(|| steady_state_interval(self.table)).as_ref()
    }

    /// The dosing interval of a repeated regimen the caption or footnote names
    /// ([`regimen_interval`]; none for a single dose), read once.
    fn regimen_tau(&self) -> Option<&String> {
        self.regimen_tau.get_or_init(|| repeated_regimen_interval(&self.notes_lower.replace('-', " "))).as_ref()
    }

    /// How long the infusion lasted, as the caption or footnote says it
    /// ([`labels::infusion_length`]), read once.
    fn infusion_length(&self) -> Option<&str> {
        self.infusion_length.get_or_init(|| infusion_length_of(self.table)).as_deref()
    }

    /// The unit the caption or footnote lists for a parameter: for its code, else for its
    /// class (`AUC, ng·h/mL` for every area).
    fn declared_unit(&self, param: Named, label: &str, group: Option<&str>) -> Option<String> {
        let class = match param.code() {
            Some(code) => crate::params::class_of_code(code),
            // `MRT, h` listed for a table that compares routes, its MRT row still ambiguous.
            None => crate::params::ambiguous_class(crate::params::split_trailing_group(label).0),
        };
        let code = param.code();
        if let Some(unit) = self.scoped_unit(param, label, group) {
            return Some(unit);
        }
        self.declared_units
            .iter()
            .find(|(c, _, _)| c.is_some() && *c == code)
            .or_else(|| self.declared_units.iter().find(|(c, k, _)| c.is_none() && k.is_some() && *k == class))
            .map(|(_, _, u)| u.clone())
    }

    /// The unit the notes give a parameter for one analyte, specimen or group, where the
    /// record is of it (`µg/mL for plasma and µg/g for tissues`).
    fn scoped_unit(&self, param: Named, label: &str, group: Option<&str>) -> Option<String> {
        if self.declared_for.is_empty() {
            return None;
        }
        let class = match param.code() {
            Some(code) => crate::params::class_of_code(code),
            None => crate::params::ambiguous_class(crate::params::split_trailing_group(label).0),
        };
        let code = param.code();
        let of = crate::fold::lower(&format!("{label} {}", group.unwrap_or_default()));
        // (`Tissues` names every tissue a group names: `µg/g for tissues` is the muscle's.)
        let tissue = || group.is_some_and(|g| g.split(" / ").filter_map(matrix_of).any(is_tissue));
        let named = |name: &str| {
            crate::context::has_word(&of, &[name])
                || name.contains(' ') && of.contains(name)
                || matches!(name, "tissue" | "tissues") && tissue()
        };
        let own = self.declared_for.iter().find(|(c, k, _, name)| {
            (c.is_some() && *c == code || c.is_none() && k.is_some() && *k == class) && named(name)
        });
        own.map(|(_, _, unit, _)| unit.clone())
    }

    /// A parameter named on a row of its own, across the table or alone in the stub with
    /// the other cells blank, and statistic lines under it (`Mean ± SD`, `Median (range)`):
    /// each line is read as the parameter's row, declared by its stub, until a row that is
    /// not a statistic line.
    fn read_headings(&mut self) {
        let rows = self.table.body_rows.len();
        self.headings = vec![false; rows];
        self.heading_lines = vec![None; rows];
        let mut heading: Option<(Named, (String, Vec<String>))> = None;
        for r in 0..rows {
            let cells = &self.table.body_rows[r];
            let stub = cells.get(self.stub_col).map_or("", |s| s.trim());
            let alone =
                cells.iter().enumerate().all(|(c, v)| c == self.stub_col || v.trim().is_empty() || v.trim() == stub);
            if let Some(named) = self.row_named[r] {
                // (Past a line of the counts, `n`, as clinical study reports print first.)
                let count = |k: &usize| {
                    self.table.body_rows[*k]
                        .get(self.stub_col)
                        .is_some_and(|s| matches!(cell_stat_label(s), Some(StatLabel::Count)))
                };
                let first_line = (r + 1..rows).find(|k| !count(k));
                let lines_follow = first_line.is_some_and(|k| {
                    (r + 1..=k).all(|j| self.row_named[j].is_none())
                        && self.table.body_rows[k]
                            .get(self.stub_col)
                            .is_some_and(|s| cell_stat_label(s).is_some_and(|l| l.central().is_some()))
                });
                heading = (alone && lines_follow).then(|| (named, self.stubs[r].clone()));
                if heading.is_some() {
                    self.headings[r] = true;
                    self.row_named[r] = None;
                }
                continue;
            }
            // The lines under a heading: central values (`Mean`, `Median (range)`) and the
            // spreads printed on lines of their own (`SD`, `Range`, `Min`, `Max`).
            match &heading {
                Some((named, label)) if stat_label(stub).is_some_and(|l| !matches!(l, StatLabel::Count)) => {
                    self.heading_lines[r] = Some(stub.to_owned());
                    self.row_named[r] = Some(*named);
                    self.stubs[r] = label.clone();
                }
                // (A count's line, `n`, among them: no value of the parameter.)
                Some(_) if matches!(stat_label(stub), Some(StatLabel::Count)) => {}
                _ => heading = None,
            }
        }
    }

    /// The statistic lines of the table: a heading's ([`Self::read_headings`]), and a
    /// statistic column's where one parameter spans rows of its statistics with spreads on
    /// rows of their own (`Cmax | Mean | 1.86` over `Cmax | SD | 0.41`, the parameter and its
    /// unit spanning both rows): each central line read with its spreads.
    fn statistic_column_lines(&self, stat_col: Option<usize>) -> Vec<Option<String>> {
        let mut lines = self.heading_lines.clone();
        let Some(sc) = stat_col else { return lines };
        let rows = self.table.body_rows.len();
        let cell = |r: usize| self.table.body_rows[r].get(sc).map_or("", |c| c.trim());
        let mut r = 0;
        while r < rows {
            let mut end = r + 1;
            while end < rows
                && self.row_named[end].is_some()
                && lines[end].is_none()
                && self.stubs[end].0 == self.stubs[r].0
            {
                end += 1;
            }
            let read: Vec<Option<StatLabel>> = (r..end).map(|k| stat_label(cell(k))).collect();
            if end - r >= 2
                && self.row_named[r].is_some()
                && lines[r].is_none()
                && read.iter().all(Option::is_some)
                && read.iter().flatten().any(|l| l.central().is_some())
                && read.iter().flatten().any(|l| l.central().is_none())
            {
                for (k, line) in lines.iter_mut().enumerate().take(end).skip(r) {
                    *line = Some(cell(k).to_owned());
                }
            }
            r = end;
        }
        lines
    }

    /// Whether column `c` holds a model's predictions beside a column of the observed values
    /// (`Predicted | Observed | Predicted/observed`, PBPK and population models' checks):
    /// the predictions are no measurement. (Alone, a model's predicted exposures are results.)
    fn predictions_beside_observed(&self, c: usize) -> bool {
        labels::is_prediction_header(&self.labels[c])
            && (0..self.n_cols).any(|o| o != c && self.paths[o].iter().any(|h| labels::is_observed_header(h)))
    }

    /// Whether a row's stub heads a model's predictions beside a row of the observed values
    /// (parameters across: `Predicted` then `Observed` down the stub).
    fn prediction_row(&self, stub: &str) -> bool {
        labels::is_prediction_header(stub) && self.stubs.iter().any(|(s, _)| labels::is_observed_header(s))
    }

    /// The column after the stub that gives each parameter row's statistic: headed
    /// `Statistic` (or `Summary statistic`, `Statistics`), or holding statistic labels
    /// (`Mean (SD)`, `Median (range)`) in every parameter row, two at least.
    fn statistic_column(&self) -> Option<usize> {
        (self.stub_col + 1..self.n_cols).find(|&col| {
            let header = crate::fold::lower(self.labels[col].trim());
            let named = matches!(
                header.as_str(),
                "statistic" | "statistics" | "summary statistic" | "summary statistics" | "stat" | "stats"
            );
            let cells: Vec<&str> = self
                .row_named
                .iter()
                .enumerate()
                .filter(|(_, p)| p.is_some())
                .map(|(row, _)| self.table.body_rows[row][col].trim())
                .filter(|c| !c.is_empty())
                // (Beside a comparison's line, the stub spanning both: `GM (90% CI)` over `GMR
                // vs postpartum (90% CI)`; the comparison's row holds no value of the group.)
                .filter(|c| !labels::is_non_value_header(c))
                .collect();
            let all_statistics =
                cells.len() >= 2 && cells.iter().all(|c| cell_stat_label(c).is_some_and(|l| l.central().is_some()));
            named && !cells.is_empty() || all_statistics
        })
    }

    /// Parameters down the stub: each parameter row read across its columns.
    fn parameters_down(&self) -> Vec<Record> {
        let n_cols = self.n_cols;
        let stub_col = self.stub_col;
        // Each column's statistic label and the group it belongs to: `IV / SD` (two header
        // rows), or `IV SD` (the same header flattened into one row).
        let (stats, parents): (Vec<Option<StatLabel>>, Vec<String>) = (0..n_cols)
            .map(|col| {
                let p = &self.clean_paths[col];
                let Some(last) = p.last() else { return (None, String::new()) };
                // (Not an animal's name under its species' header, `Dog` over `Bella | Max`.)
                // (Nor an abbreviation the notes define for a specimen or analyte: `AM`, the
                // alveolar macrophages of "alveolar macrophage (AM)", not an arithmetic mean.)
                // (A statistic with the values' unit: `Median (ng/mL)`; not an animal's name,
                // `Max (µg/mL)` beside `Bella (µg/mL)`.)
                let with_unit = || {
                    if self.named_subject(col).is_some() {
                        return None;
                    }
                    let (head, unit) = crate::params::split_trailing_group(last);
                    unit.filter(|u| Unit::parse(u.trim()).is_ok() && is_concentration_unit(u.trim()))?;
                    stat_label(head.trim())
                };
                if let Some(label) = stat_label(last)
                    .or_else(with_unit)
                    .filter(|l| !matches!(l, StatLabel::Count))
                    .filter(|l| l.central().is_some() || p.len() < 2 || self.named_subject(col).is_none())
                    .filter(|_| self.abbreviation(last).is_none())
                {
                    let parent = if p.len() > 1 { p[..p.len() - 1].join(" / ") } else { String::new() };
                    return (Some(label), parent);
                }
                // The ends of an interval under its label (`90% CI` over `Lower | Upper`): bounds
                // of that kind in the group above the label, so they attach to a central value
                // of that group (`Day 1 / Mean`) and to nothing else (a bioequivalence table's
                // CI, beside the means' own group, is the ratio's).
                let end = match crate::fold::lower(last.trim()).as_str() {
                    "lower" | "low" | "lower limit" | "lower bound" | "ll" => Some(End::Low),
                    "upper" | "high" | "upper limit" | "upper bound" | "ul" => Some(End::High),
                    _ => None,
                };
                if let (Some(end), Some(interval)) = (end, p.len().checked_sub(2).map(|k| p[k].as_str()))
                    && let Some(StatLabel::Spread(kind)) =
                        stat_label(interval).filter(|l| matches!(l, StatLabel::Spread(k) if k.is_interval()))
                {
                    return (Some(StatLabel::Bound(kind, end)), p[..p.len() - 2].join(" / "));
                }
                // A group and its statistic in one header: `IV SD`, `Single dose, mean (CV%)`,
                // `Test (geometric mean)`: the longest tail of whole words that is a
                // statistic label, after a group that is not one.
                let last = last.trim();
                let tail_label = last.match_indices(' ').find_map(|(at, _)| {
                    let (head, tail) = (&last[..at], &last[at + 1..]);
                    // Not inside brackets (`i.v. (MW ± SD)` is no `± SD` column of `i.v. (MW`).
                    let open = |o: char, c: char| head.matches(o).count() != head.matches(c).count();
                    if open('(', ')') || open('[', ']') {
                        return None;
                    }
                    let head = head.trim().trim_end_matches([',', ';', ':']).trim();
                    let label = stat_label(tail).filter(|l| !matches!(l, StatLabel::Count))?;
                    // `Harmonic mean (SD)`, `LS mean (SE)`: a kind of mean, not a group.
                    const MODIFIERS: &[&str] = &[
                        "harmonic",
                        "ls",
                        "least-squares",
                        "least squares",
                        "adjusted",
                        "trimmed",
                        "geometric",
                        "geo",
                    ];
                    let modified = head
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| MODIFIERS.contains(&crate::fold::lower(w).trim_matches(['(', ')', '.'])));
                    // (Nor a model's `Estimate (SE)`, `Final estimate (SE)`, `Typical value (SE)`:
                    // one value with its error, no group.)
                    // (`Observed value (SD) | Predicted value (SD)` are groups still.)
                    let estimate = head
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| matches!(crate::fold::lower(w).as_str(), "estimate" | "estimates"))
                        || matches!(
                            crate::fold::lower(head).as_str(),
                            "value" | "values" | "typical value" | "typical values"
                        );
                    (!head.is_empty() && !modified && !estimate && stat_label(head).is_none()).then_some((head, label))
                });
                if let Some((head, label)) = tail_label {
                    let mut parent: Vec<&str> = p[..p.len() - 1].iter().map(String::as_str).collect();
                    parent.push(head);
                    return (Some(label), parent.join(" / "));
                }
                (None, self.labels[col].clone())
            })
            .unzip();
        // Subject columns: headers that are subject ids (`Case 1`), ids under a subject
        // header (`Patient / 1`), or names the caption counts (`Misty | Oscar | Luna` in "...
        // in three cats").
        // (Ids over a unit row each, `V01` over `µIU/mL`, are ids as much as alone.)
        let subject_columns =
            looks_subject_columns(&(0..n_cols).map(|c| self.path_without_unit(c)).collect::<Vec<_>>());
        let subjects: Vec<Option<String>> = (0..n_cols)
            .map(|col| {
                if self.number_under_time_header(col) {
                    return None;
                }
                if let Some(name) = self.named_over_analytes(col).or_else(|| self.subject_over_analytes(col)) {
                    return Some(name);
                }
                // Under a unit row (`Pt 1` over `(µg/mL)`), the id is above the unit.
                let p = &self.path_without_unit(col);
                let last = p.last()?;
                // (Or under their sex in a table of individuals: `Males` over `1001 | 1002`.)
                let individuals = || {
                    crate::context::has_word(
                        &crate::fold::lower(self.table.caption.as_deref().unwrap_or_default()),
                        &["individual"],
                    )
                };
                let under_subject = p.len() > 1
                    && (labels::is_subject_header(&p[p.len() - 2])
                        || matches!(
                            crate::fold::lower(p[p.len() - 2].trim()).as_str(),
                            "males" | "females" | "male" | "female" | "men" | "women" | "boys" | "girls"
                        ) && individuals());
                // Patients lettered under their header (`Paziente` over `A | B | F`; `D` is no
                // unit of days here).
                if let Some(letter) = lettered_subject(&self.clean_paths[col]) {
                    return Some(letter.to_owned());
                }
                let Some(id) = labels::subject_id(last) else {
                    // (With what the table says of the subject after it: `Patient 1` over
                    // `CLCR 62 mL/min` in one header cell.)
                    return self
                        .named_subject(col)
                        .or_else(|| subject_over_specimens(p))
                        .or_else(|| subject_over_specimens(&self.path_without_unit(col)))
                        .or_else(|| labels::leading_worded_subject(last))
                        .or_else(|| self.worded_subject_over(col));
                };
                // (Under a subject word, its siblings ids too: not `Dogs` over `NCA | 2-CM`,
                // the methods of each species' estimates.)
                let sibling_ids = || {
                    let id = |l: &str| labels::subject_id(&label_marks(l, &self.notes).0).is_some();
                    if p.len() < self.paths[col].len() {
                        // (Over a unit row, `Subject` over `101 | 102` over `µg/mL | µg/mL`:
                        // the siblings' ids above their units.)
                        let above = &p[..p.len() - 1];
                        return (0..self.n_cols)
                            .map(|c| self.path_without_unit(c))
                            .filter(|q| q.len() == p.len() && q[..q.len() - 1] == *above)
                            .all(|q| q.last().is_some_and(|l| id(l)));
                    }
                    self.sibling_leaves(col).iter().all(|l| id(l))
                };
                // (Or a run of ids coded by letter and number under a specimen's header, `V1 |
                // ... | V5` under `Plasma (mg/L)`.)
                (under_subject && sibling_ids()
                    || last.split_whitespace().count() > 1
                    || p.len() == 1 && subject_columns
                    || self.coded_siblings(col)
                    || self.ids_by_initial(col))
                .then_some(id)
            })
            .collect();
        let mut out = Vec::new();
        // A row declaring the statistic of the rows under it (`Geometric mean (CV%)` spanning
        // the groups, the stub blank).
        let mut section_statistic: Option<String> = None;
        let mut section: Option<String> = None;
        let mut section_counts: Vec<Option<u32>> = vec![None; n_cols];
        // What each column's header says, read once: whether it holds values, its count.
        // (A model's precision beside its estimates, `Estimate | RSE (%) | Bootstrap 95% CI`,
        // is their spread, not a column of no values.)
        let estimates = |c: usize| {
            (0..n_cols)
                .any(|e| matches!(stats[e], Some(StatLabel::Central(Statistic::Value))) && parents[e] == parents[c])
                && matches!(&stats[c], Some(StatLabel::Spread(kind)) if kind.belongs_to(Statistic::Value))
        };
        let non_value: Vec<bool> = self
            .labels
            .iter()
            .enumerate()
            .map(|(c, h)| {
                labels::is_non_value_header(h) && !estimates(c)
                    || self.p_value_column(c)
                    || self.predictions_beside_observed(c)
            })
            .collect();
        let header_counts: Vec<Option<u32>> = self.labels.iter().map(|h| parse_cell(h).n).collect();
        // A column that gives each row's statistic (`Parameter | Statistic | Day 1` over
        // `Cmax | Mean (SD) | 18.4 (5.2)`): its cell declares the row's values.
        let stat_col = self.statistic_column();
        let heading_lines = self.statistic_column_lines(stat_col);
        // A heading's lines with spreads on lines of their own (`Cmax (ng/mL)` over `Mean |
        // SD | Median | Range`): each central line with its spreads, per column, as
        // statistic rows are read.
        let mut in_block = vec![false; self.row_named.len()];
        let mut start = 0;
        while start < heading_lines.len() {
            if heading_lines[start].is_none() {
                start += 1;
                continue;
            }
            // (One parameter's lines: the next parameter's start a block of their own.)
            let mut end = start;
            while end < heading_lines.len() && heading_lines[end].is_some() && self.stubs[end].0 == self.stubs[start].0
            {
                end += 1;
            }
            let lines: Vec<(usize, StatLabel)> =
                (start..end).filter_map(|r| stat_label(heading_lines[r].as_deref()?).map(|l| (r, l))).collect();
            if lines.iter().any(|(_, l)| l.central().is_none())
                && let Some(param) = self.row_named[start]
            {
                in_block[start..end].iter_mut().for_each(|b| *b = true);
                let label = self.stubs[start].0.clone();
                let block = summaries(&lines);
                for col in stub_col + 1..n_cols {
                    if self.unit_cols.contains(&col) || Some(col) == stat_col || non_value[col] || stats[col].is_some()
                    {
                        continue;
                    }
                    let group = (!parents[col].is_empty() && !labels::is_generic_header(&parents[col]))
                        .then(|| parents[col].clone());
                    for summary in &block {
                        out.extend(self.summary_record(
                            summary.clone(),
                            Axis::Rows { col },
                            &label,
                            param,
                            group.clone(),
                            header_counts[col],
                        ));
                    }
                }
            }
            start = end;
        }
        // Columns of subjects' ids before the stub, under a subject header.
        let subject_cols: Vec<usize> = (0..stub_col).filter(|&c| self.subject_cols[c]).collect();
        for (row, named_param) in self.row_named.iter().enumerate() {
            let cells = &self.table.body_rows[row];
            if self.headings[row] || in_block[row] {
                continue;
            }
            let Some(param) = *named_param else {
                if let Some(line) = self.statistic_row(row) {
                    section_statistic = Some(line);
                    continue;
                }
                // A full-width row names a section (an analyte, a route, a subgroup), and
                // may print each group's count (`EI | N = 28 | N = 26`).
                if let Some((name, counts)) = self.section(row) {
                    section = Some(name);
                    section_counts = counts;
                }
                continue;
            };
            // (A comparison's line in the statistic column, `GMR vs postpartum (90% CI)`: no
            // value of the groups.)
            if let Some(c) = stat_col
                && labels::is_non_value_header(cells[c].trim())
            {
                continue;
            }
            let label = self.stubs[row].0.clone();
            // A subject's column before the stub (`Subject | Sequence | Parameter | Test |
            // Reference`, the subject spanning its parameters' rows): the row's values are
            // that subject's.
            // (Or a section's row naming one person of a case report, `Mother` then `Infant`
            // over their specimens' rows: a subject word in the singular, alone.)
            let section_subject = section.as_deref().filter(|s| {
                let l = crate::fold::lower(s.trim());
                matches!(
                    l.as_str(),
                    "mother" | "infant" | "neonate" | "newborn" | "child" | "father" | "fetus" | "foetus"
                )
            });
            let row_subject = subject_cols
                .iter()
                .find_map(|&c| labels::subject_id(cells[c].trim()).map(|id| (c, id)))
                .or_else(|| section_subject.map(|s| (usize::MAX, s.trim().to_owned())));
            // Columns before the stub (analyte, population, ...) name the group.
            let mut row_group: Vec<String> = section.iter().filter(|_| section_subject.is_none()).cloned().collect();
            row_group.extend(
                cells[..stub_col]
                    .iter()
                    .enumerate()
                    .filter(|(c, _)| row_subject.as_ref().is_none_or(|(s, _)| s != c))
                    .map(|(_, c)| c.trim().to_owned())
                    .filter(|c| !c.is_empty()),
            );
            let mut n = None;
            // Statistic columns, by their parent group.
            let mut groups: Vec<(String, Vec<(usize, StatLabel)>)> = Vec::new();
            let row_statistic = match (&heading_lines[row], stat_col) {
                (Some(line), _) => line.as_str(),
                (None, Some(c)) => cells[c].as_str(),
                (None, None) => section_statistic.as_deref().unwrap_or_default(),
            };
            for col in stub_col + 1..n_cols {
                // (Nor the sampling times beside them: `Nasal lining fluid (ng/mL)` spanning
                // `Time (h)` over `0.25 | 1 | 2`, the subjects across.)
                // (Not a column of values timed by its header: `Withdrawal time` over `Day 1 | Day 3`.)
                let timing = (self.time_col.is_some_and(|(t, _)| t == col) || self.day_col == Some(col))
                    && self.col_time[col].is_none();
                if self.unit_cols.contains(&col) || Some(col) == stat_col || non_value[col] || timing {
                    continue;
                }
                let header = self.labels[col].clone();
                if self.paths[col].last().is_some_and(|h| labels::is_count_header(h)) {
                    n = self.body_cell(row, col).value.filter(|v| v.fract() == 0.0 && *v >= 0.0).map(|v| v as u32);
                    continue;
                }
                // (An estimate's column under a section declaring its rows, `Derived
                // parameters (median [range])`: the declaration's.)
                // (Or the only statistic column, where the notes declare every value a summary
                // with its spread, "Values are median (5th–95th percentile)" over an `Estimate`
                // column of post hoc estimates; not beside a model's `RSE (%)`.)
                let notes_summarise = || {
                    stats.iter().flatten().count() == 1
                        && self.declarations.iter().any(|d| {
                            matches!(d.scope, Scope::All)
                                && matches!(
                                    d.central,
                                    Some(Statistic::Median | Statistic::Mean | Statistic::GeometricMean)
                                )
                                && d.says_a_spread()
                        })
                };
                // (Or a row whose label's mark declares its values with their spread, under a
                // column that names a central statistic alone: `tmax (h)ᵃ`, "ᵃ Median
                // (min–max)", under `Geometric mean`.)
                let row_mark_declares = || {
                    matches!(stats[col], Some(StatLabel::Central(_)))
                        && self.stubs[row].1.iter().any(|mark| {
                            self.notes.iter().any(|(k, note)| {
                                k == mark && declare::label_declaration(note).is_some_and(|d| d.says_a_spread())
                            })
                        })
                };
                let declared = || {
                    matches!(stats[col], Some(StatLabel::Central(Statistic::Value)))
                        && (!row_statistic.is_empty() && declare::label_declaration(row_statistic).is_some()
                            || notes_summarise())
                        || row_mark_declares()
                };
                if let Some(stat) = stats[col].as_ref().filter(|_| !declared()) {
                    match groups.iter_mut().find(|(p, _)| *p == parents[col]) {
                        Some((_, lines)) => lines.push((col, stat.clone())),
                        None => groups.push((parents[col].clone(), vec![(col, stat.clone())])),
                    }
                    continue;
                }
                let group_parts: Vec<String> = row_group
                    .iter()
                    .cloned()
                    .chain(
                        (!parents[col].is_empty() && !labels::is_generic_header(&parents[col]))
                            .then(|| parents[col].clone()),
                    )
                    .collect();
                let group = (!group_parts.is_empty()).then(|| group_parts.join(" / "));
                // "Oral (n = 12)": a count in the column header, or the section's row.
                let header_n = header_counts[col].or(section_counts.get(col).copied().flatten());
                if let Some((_, subject)) = &row_subject {
                    let time = self.time_at(row, col);
                    out.extend(self.individual(row, col, &label, param, group, Some(subject.clone()), time));
                    continue;
                }
                if let Some(subject) = &subjects[col] {
                    let group = (!row_group.is_empty()).then(|| row_group.join(" / "));
                    let time = self.time_at(row, col);
                    out.extend(self.individual(row, col, &label, param, group, Some(subject.clone()), time));
                    continue;
                }
                let line = [row_statistic, header.as_str()];
                let marks = [self.stubs[row].1.clone(), self.label_marks[col].clone()].concat();
                let time = self.time_at(row, col);
                // A specimen's row (`Muscle`, its concentrations across) under a column that
                // names another parameter (`Depletion t½ (days)`): that parameter, in that
                // specimen.
                if param.code() == Some("CONC")
                    && !matrices_in(&label).is_empty()
                    && let Some(own) = self.col_named[col].filter(|n| {
                        n.code().is_some_and(|c| c != "CONC" && crate::params::class_of_code(c) != Some("ratio"))
                    })
                {
                    let group = Some(std::iter::once(label.clone()).chain(group).collect::<Vec<_>>().join(" / "));
                    let header = header.clone();
                    out.extend(self.cell_record(row, col, &header, own, group, n.or(header_n), &line, &marks, time));
                    continue;
                }
                out.extend(self.cell_record(row, col, &label, param, group, n.or(header_n), &line, &marks, time));
            }
            for (parent, lines) in groups {
                let mut group_parts = row_group.clone();
                if !parent.is_empty() && !labels::is_generic_header(&parent) {
                    group_parts.push(parent.clone());
                }
                let group = (!group_parts.is_empty()).then(|| group_parts.join(" / "));
                let header_n = parse_cell(&parent).n;
                for s in summaries(&lines) {
                    out.extend(self.summary_record(
                        s,
                        Axis::Columns { row },
                        &label,
                        param,
                        group.clone(),
                        n.or(header_n),
                    ));
                }
            }
        }
        out.sort_by_key(|r| (r.provenance.row, r.provenance.col));
        out
    }

    /// The declarations that may say what the cells of a line are, most specific first:
    /// the parameter's own label (`tmax, median (range)`), notes whose mark the cell or its
    /// labels carry, declarations naming this parameter (`except tmax, median (range)`),
    /// the labels of the line and column it lies in (`Mean (95% CI)`, `GM (CV%)`), then the
    /// table's.
    fn candidates<'a>(
        &'a self,
        local: &'a [Declaration],
        line: &'a [Declaration],
        marks: &[String],
        code: Option<&str>,
        name: &str,
    ) -> Vec<Vec<&'a Declaration>> {
        let normalised = crate::params::normalise_name(name);
        let about = |list: &[String]| list.iter().any(|c| Some(c.as_str()) == code || *c == normalised);
        let marked: Vec<&Declaration> =
            self.declarations.iter().filter(|d| matches!(&d.scope, Scope::Marked(m) if marks.contains(m))).collect();
        let only: Vec<&Declaration> =
            self.declarations.iter().filter(|d| matches!(&d.scope, Scope::Only(list) if about(list))).collect();
        let all: Vec<&Declaration> = self
            .declarations
            .iter()
            .filter(|d| match &d.scope {
                Scope::All => true,
                Scope::Except(list) => !about(list),
                _ => false,
            })
            .collect();
        vec![local.iter().collect(), marked, only, line.iter().collect(), all]
    }

    /// The declarations a row or column label makes, read once per label. A label
    /// declares only with a central statistic: "Dose range" says nothing of a cell's
    /// brackets.
    fn label_declarations(&self, label: &str) -> Vec<Declaration> {
        if let Some(found) = self.label_declarations.borrow().get(label) {
            return found.clone();
        }
        let names = |t: &str| parameter_code(t, self.route_kind).map(str::to_owned);
        // A model's `Value (SE)` column labels its estimates as `Estimate (SE)` does (a
        // label: in a sentence, "values are means" declares the mean).
        let estimate = match crate::params::split_trailing_group(label) {
            (head, Some(spread)) if matches!(crate::fold::lower(head.trim()).as_str(), "value" | "values") => {
                Some(format!("Estimate ({spread})"))
            }
            _ => None,
        };
        let found: Vec<Declaration> = declarations(estimate.as_deref().unwrap_or(label), &Scope::All, &names)
            .into_iter()
            .filter(|d| d.central.is_some())
            .collect();
        self.label_declarations.borrow_mut().insert(label.to_owned(), found.clone());
        found
    }

    /// The record of one cell whose numbers the declarations explain.
    #[allow(clippy::too_many_arguments, reason = "one cell's worth of context")]
    fn cell_record(
        &self,
        row: usize,
        col: usize,
        label: &str,
        param: Named,
        group: Option<String>,
        n: Option<u32>,
        line_texts: &[&str],
        label_marks: &[String],
        time: Option<String>,
    ) -> Option<Record> {
        let text = &self.table.body_rows[row][col];
        // A sentence is no value (`Clearance for a typical 60-kg patient with CLcr of 100
        // mL/min` in a model's `Description` column), whatever numbers it holds.
        if text.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3).count() >= 3 {
            return None;
        }
        let cell = self.body_cell(row, col);
        // A summary cell without a number gives no record: `—`, `NA`, `NC` (not applicable,
        // not calculated) say there is no value, and a record of no value tells a curator
        // nothing. Below the limit of quantification (`BLQ`, `< 0.5`) is a result, kept
        // censored; so is a subject's `ND` (`individual`).
        if cell.value.is_none() && cell.interval.is_none() && !matches!(cell.missing, Some(Missing::BelowLimit(_))) {
            return None;
        }
        let own = self.label_declarations(label);
        let line: Vec<Declaration> =
            line_texts.iter().filter(|t| **t != label).flat_map(|t| self.label_declarations(t)).collect();
        let marks: Vec<String> = label_marks.iter().chain(&cell.marks).cloned().collect();
        let reading = resolve(shape_of(cell), &self.candidates(&own, &line, &marks, param.code(), label));
        let numbers = Numbers { n: cell.n.or(n), ..Numbers::of(cell, text, &reading) };
        Some(self.record(row, col, label, param, numbers, group, None, time))
    }

    /// The individual record of one subject's cell.
    #[allow(clippy::too_many_arguments, reason = "one cell's worth of context")]
    fn individual(
        &self,
        row: usize,
        col: usize,
        label: &str,
        param: Named,
        group: Option<String>,
        subject: Option<String>,
        time: Option<String>,
    ) -> Option<Record> {
        let text = &self.table.body_rows[row][col];
        let cell = self.body_cell(row, col);
        if cell.value.is_none() && cell.missing.is_none() {
            return None;
        }
        // Censored cells are results (`BLQ`, `< 0.5`, `ND` not detected, `NQ`); a dash or
        // `NA` (no sample, not applicable) is none.
        const NO_SAMPLE: &[&str] = &[
            "–",
            "-",
            "—",
            "...",
            "…",
            "na",
            "n/a",
            "n.a.",
            "nr",
            "n.r.",
            "not measured",
            "not done",
            "not available",
            "not applicable",
            "not sampled",
            "no sample",
            "not reported",
            // `NS`, no sample (a missed visit), in a subject's cell.
            "ns",
            "n.s.",
        ];
        // (With a note's mark after it, `NA<sup>b</sup>` printed `NA b`.)
        let without_mark = |printed: &str| -> String {
            let printed = printed.trim();
            let bare = printed
                .rsplit_once(' ')
                .filter(|(_, m)| m.chars().count() == 1 && m.chars().all(crate::cell::is_mark_letter))
                .map_or(printed, |(word, _)| word.trim_end());
            crate::fold::lower(bare)
        };
        if let Some(Missing::NotAvailable(printed)) = &cell.missing
            && cell.value.is_none()
            && NO_SAMPLE.contains(&without_mark(printed).as_str())
        {
            return None;
        }
        let reading = Reading { statistic: Statistic::Individual, dispersion: None, interval: None };
        let mut numbers = Numbers::of(cell, text, &reading);
        numbers.dispersion = None;
        numbers.interval = None;
        Some(self.record(row, col, label, param, numbers, group, subject, time))
    }

    /// The record of a central value with its spread lines.
    fn summary_record(
        &self,
        s: Summary,
        axis: Axis,
        label: &str,
        param: Named,
        group: Option<String>,
        n: Option<u32>,
    ) -> Option<Record> {
        let (row, col) = axis.cell(s.central);
        let cell_text = |at: usize| -> &str {
            let (r, c) = axis.cell(at);
            self.table.body_rows[r].get(c).map_or("", String::as_str)
        };
        let cell_at = |at: usize| {
            let (r, c) = axis.cell(at);
            self.body_cell(r, c)
        };
        let text = cell_text(s.central);
        let cell = cell_at(s.central);
        // As for one cell (`cell_record`): no number, no record, unless it is censored.
        if cell.value.is_none() && !matches!(cell.missing, Some(Missing::BelowLimit(_))) {
            return None;
        }
        let mut exception = false;
        let mut numbers = match &s.label {
            StatLabel::Combined(d) => {
                // A footnote mark on the parameter's label or on the cell (`Tmax (h)a` with
                // "a Median (range)"), or a declaration naming the parameter, makes an
                // exception to the line's declaration (`Mean (SD)`): it is read first.
                let line = [d.clone()];
                let none = Vec::new();
                let marks: Vec<String> = [
                    self.label_marks.get(col).unwrap_or(&none),
                    self.stubs.get(row).map_or(&none, |s| &s.1),
                    &cell.marks,
                ]
                .into_iter()
                .flatten()
                .cloned()
                .collect();
                let reading = resolve(shape_of(cell), &self.candidates(&[], &line, &marks, param.code(), label));
                Numbers::of(cell, text, &reading)
            }
            other => {
                // The line names the statistic; a spread its cell prints takes its kind from
                // the table's declarations of that statistic or of spreads alone ("SD in
                // parentheses").
                let statistic = other.central().unwrap_or(Statistic::Unknown);
                let candidates = self.candidates(&[], &[], &cell.marks, param.code(), label);
                // A footnote mark on the cell makes an exception to the line (`2.0a` on the
                // `Geometric mean` row, "a Median"): its note says what the cell is.
                let marked = resolve(shape_of(cell), &candidates[1..2]);
                if !candidates[1].is_empty() && marked.statistic != Statistic::Unknown && marked.statistic != statistic
                {
                    exception = true;
                    Numbers::of(cell, text, &marked)
                } else {
                    let declared = resolve(shape_of(cell), &candidates);
                    let agrees = declared.statistic == statistic || declared.statistic == Statistic::Unknown;
                    let reading = if agrees {
                        Reading { statistic, ..declared }
                    } else {
                        Reading { statistic, dispersion: None, interval: None }
                    };
                    Numbers::of(cell, text, &reading)
                }
            }
        };
        // The line's spreads are of the line's statistic, not of an exception to it.
        if exception {
            let time = self.time_at(row, col);
            return Some(self.record(
                row,
                col,
                label,
                param,
                Numbers { n: numbers.n.or(n), ..numbers },
                group,
                None,
                time,
            ));
        }
        if let Some((at, kind)) = &s.dispersion {
            let spread = cell_at(*at);
            let value = spread.value.or(spread.dispersion.map(|d| d.value));
            numbers.dispersion = value.map(|value| Dispersion { kind: kind.name(), value });
        }
        // (Or the two ends after a comma and a space on a `Min, max` line: `82.4, 451`, `4,215,
        // 22,680`, thousands separators having no space after them.)
        let bounds = |at: usize| -> Option<Bounds> {
            cell_at(at).interval.or_else(|| {
                let (low, high) = cell_text(at).trim().split_once(", ")?;
                let number = |t: &str| parse_cell(t.trim()).value;
                Some(Bounds { low: number(low)?, high: number(high)?, printed: crate::cell::Printed::Round })
            })
        };
        numbers.interval = match &s.interval {
            Some(IntervalFrom::Line(at, kind)) => {
                bounds(*at).map(|b| Interval { kind: kind.name(), low: b.low.min(b.high), high: b.low.max(b.high) })
            }
            Some(IntervalFrom::Ends(low, high, kind)) => match (cell_at(*low).value, cell_at(*high).value) {
                (Some(a), Some(b)) => Some(Interval { kind: kind.name(), low: a.min(b), high: a.max(b) }),
                _ => None,
            },
            None => numbers.interval,
        };
        numbers.n = numbers.n.or_else(|| {
            s.count.and_then(|at| cell_at(at).value).filter(|v| v.fract() == 0.0 && *v >= 0.0).map(|v| v as u32).or(n)
        });
        let time = self.time_at(row, col);
        Some(self.record(row, col, label, param, numbers, group, None, time))
    }

    /// A record of `numbers` at a cell, with its unit, canonical value and context.
    #[allow(clippy::too_many_arguments, reason = "one record's worth of context")]
    fn record(
        &self,
        row: usize,
        col: usize,
        label: &str,
        mut param: Named,
        mut numbers: Numbers,
        group: Option<String>,
        subject: Option<String>,
        time: Option<String>,
    ) -> Record {
        // A value printed once across columns (`0.45` spanning `Plasma | Milk`) belongs to
        // none of the columns it spans: their headers leave its group.
        // (A copy of this cell's text: not a value spanning rows in the next column.)
        let same_text = || {
            let cells = &self.table.body_rows[row];
            cells.get(col + 1).is_some_and(|next| cells.get(col) == Some(next))
        };
        let group = if self.table.spanned.binary_search(&[row, col + 1]).is_ok() && same_text() {
            group.and_then(|g| {
                let kept: Vec<&str> =
                    g.split(" / ").filter(|part| !self.paths[col].iter().any(|h| h == part)).collect();
                (!kept.is_empty()).then(|| kept.join(" / "))
            })
        } else {
            group
        };
        let header = self.labels.get(col).cloned().unwrap_or_default();
        let text = &self.table.body_rows[row][col];
        // A name that needs the route (MRT, Vd) takes the group's: "MRT" in the "Oral"
        // column of a table that compares routes is MRTEVIFO; else the paper's, when the
        // caption names no route. (Before the unit: the caption may list it for the code.)
        // (Not `IM` among metabolizer phenotypes: `PM | IM | NM | UM` by CYP2D6 genotype are
        // poor, intermediate, normal and ultrarapid metabolizers.)
        let group_route = group.as_deref().and_then(route_of).filter(|(r, _)| *r != "IM" || !self.phenotype_groups());
        // The name without a unit row under it (`MRT0–∞` over `(h)`).
        let name = match label.rsplit_once(" / ") {
            Some((head, tail)) if unit_in_label(tail).is_some() => head,
            _ => label,
        };
        if let (Named::Ambiguous(..), Some(kind)) = (&param, group_route.map(|(_, k)| k).or(self.paper_kind)) {
            param = named(name, Some(kind)).unwrap_or(param);
        }
        // `C0` undefined in an intravenous group's column (`Intravenous (0.5 mg/kg)` beside
        // `Oral`, `Cmax` the oral group's): the initial concentration of the intravenous dose,
        // extrapolated to time zero. (Not the paper's route alone: a monitoring table's `C0`
        // of an infused drug is its trough.)
        if matches!(param, Named::Ambiguous(Family::Concentration, _))
            && group_route.is_some_and(|(_, kind)| kind == Route::Intravascular)
            && crate::params::normalise_name(crate::params::split_trailing_group(name).0) == "c0"
            // (Nor a `C0` the notes define or a monitoring table's: a trough in any column.)
            && self.defined(name).is_none()
            && !crate::context::has_word(&self.notes_lower, &["trough", "troughs", "monitoring"])
        {
            param = Named::Code("C0");
        }
        // The group's route comes before the table's: "MRT" in an `IM` column is MRTEVIFO
        // even where the caption names the intravenous dose.
        // (And a name of two alternatives, one per route, `CL/F or CL`: the group's route's
        // wherever the group names it, `300 mg IV`.)
        let alternatives = crate::params::split_trailing_group(name).0.contains(" or ");
        if let (Named::Code(_), Some((_, kind))) = (&param, group_route)
            && (Some(kind) != self.route_kind && group.as_deref().is_some_and(names_its_route) || alternatives)
            && let Some(Named::Code(code)) = named(name, Some(kind))
        {
            param = Named::Code(code);
        }
        // The unit: the parameter's label, a unit column, the column header, the cell, the
        // definition of an abbreviated analyte, the caption.
        let abbreviation = self
            .abbreviation(crate::params::split_trailing_group(label).0)
            .or_else(|| self.paths[col].last().and_then(|h| self.abbreviation(h)));
        let candidates: Vec<String> = [
            unit_in_label(label),
            // (Without a footnote's mark after it: `ng/mL<sup>b</sup>`.)
            self.unit_col(col)
                .map(|c| label_marks(&self.table.body_rows[row][c], &self.notes).0.trim().to_owned())
                .filter(|u| !u.is_empty()),
            // The row's specimen with its unit (`Serum (mg/L)` in a `Specimen` column).
            self.specimen_col.and_then(|c| self.table.body_rows[row].get(c)).and_then(|t| unit_in_label(t)),
            // Or its analyte's (`Total antibody, µg/mL` in an `Analyte` column).
            self.analyte_col
                .and_then(|c| self.table.body_rows[row].get(c))
                .and_then(|t| t.rsplit_once(','))
                .filter(|(_, u)| analyte_unit(u))
                .map(|(_, u)| u.trim().to_owned()),
            // Or the analyte column's header's (`Analyte (ng/mL)` over the compounds).
            self.analyte_col.and_then(|c| unit_in_label(&self.labels[c])),
            // Or the unit the notes give the row's analyte with its abbreviation (`ATC` in
            // the `Analyte` column, "ATC, artecaine (ng/mL); ATCA, artecainic acid (µg/mL)").
            self.analyte_col
                .and_then(|c| self.table.body_rows[row].get(c))
                .and_then(|t| self.abbreviation(t))
                .and_then(|(_, _, u)| u.clone()),
            // Or what a label column before the value says the row measures (`Subject | Sex
            // | Measurement` over `A.K. | M | BrAC (mg/L)`, the times across).
            // (The nearest; not a subject's sex after its id, `Dog 1 (M)`.)
            self.table.body_rows[row][..col.min(self.table.body_rows[row].len())]
                .iter()
                .rev()
                .filter(|t| !looks_numeric_start(t) && t.trim_end().ends_with(')') && !labels::with_sex(t))
                .find_map(|t| unit_in_label(t)),
        ]
        .into_iter()
        .flatten()
        .chain(self.header_units[col].iter().cloned())
        .chain(numbers.unit.clone())
        // A section's unit (`Plasma (ng/mL)` over its rows).
        .chain(
            group.as_deref().and_then(|g| g.split(" / ").filter(|p| bare_unit(p).is_none()).find_map(unit_after_label)),
        )
        .chain(abbreviation.and_then(|(_, _, u)| u.clone()))
        .chain(percent_after_value(text))
        .chain(self.caption_unit.clone().filter(|_| {
            param.code().is_some_and(|c| c == "CONC" || family_of_code(c, false) == Some(Family::Concentration))
        }))
        .chain(self.declared_unit(param, label, group.as_deref()))
        .collect();
        // The first unit of the parameter's dimension ("Time after dose (h)" spanning
        // concentration columns gives no concentration's unit), else the first printed.
        let fits = |u: &str| {
            let family = |per_kg: bool| match param {
                Named::Code(code) => family_of_code(code, per_kg),
                Named::Ambiguous(plain, per_body_weight) => Some(if per_kg { per_body_weight } else { plain }),
            };
            Unit::parse(u).is_ok_and(|unit| {
                // (A mass per kilogram of a specimen the column names is its concentration:
                // `Liver (mg/kg)` beside blood's in mg/L.)
                let of_specimen = unit.dims.body_weight == -1
                    && unit.dims.mass == 1
                    && param.code() == Some("CONC")
                    && self.clean_paths[col].iter().any(|h| !matrices_in(h).is_empty());
                // Molar units fit concentrations even without a molecular weight, and
                // international units as the mass they stand for.
                of_specimen || family(unit.dims.body_weight == -1).is_none_or(|f| unit_measures(&unit, f))
            })
        };
        // (Failing that, not a time's unit for a quantity that is none: `µg/kg` of the caption
        // for residues, not the `days` of `Withdrawal time (days)` over them.)
        let of_time = param.code().is_some_and(|c| family_of_code(c, false) == Some(Family::Time));
        // (A unit the notes give the record's own specimen before the caption's for all,
        // per gram of a tissue as per millilitre of a fluid: `µg/mL for plasma and µg/g for
        // tissues`; not where the label prints its own.)
        let scoped = self
            .scoped_unit(param, label, group.as_deref())
            .filter(|u| fits(u) || fits(&u.replace("/kg", "/L").replace("/g", "/mL")))
            .filter(|_| unit_in_label(label).is_none());
        let unit_raw = scoped
            .as_ref()
            .or_else(|| candidates.iter().find(|u| fits(u)))
            .or_else(|| candidates.iter().find(|u| of_time || !is_time_unit(u)))
            // (Never a time's unit for a concentration: `Time after dose (min)` spanning the
            // levels' columns.)
            .or(candidates.first().filter(|u| {
                let concentration = param
                    .code()
                    .is_some_and(|c| c == "CONC" || family_of_code(c, false) == Some(Family::Concentration));
                !(concentration && is_time_unit(u))
            }))
            .cloned();
        let mut context = self.base.context.clone();
        let mut molecular_weight = self.base.molecular_weight;
        // (Whose sample a parameter's label says, `Maternal Cmax` beside `Infant Cmax`: its
        // population, not the caption's.)
        if let Some(first) = label.split_whitespace().next().map(crate::fold::lower)
            && matches!(first.as_str(), "maternal" | "infant" | "fetal" | "foetal" | "neonatal" | "paternal")
            && named(label, self.route_kind).is_some()
            // (The caption's word for the same people stays: `infants` for `Infant`.)
            && !context.population.as_deref().is_some_and(|p| p.starts_with(&first[..first.len().min(5)]))
        {
            context.population = Some(first);
        }
        if let Some((r, _)) = group_route {
            context.route = Some(r.to_owned());
        }
        // (Or the route the label qualifies its symbol by, `AUC0–∞,iv` beside `AUC0–∞,po`.)
        if let Some(r) = crate::params::route_qualifier(label) {
            context.route = Some(r.to_owned());
        }
        // The group's species before the table's (`Camels (n = 6) | Horses (n = 5)`).
        if let Some(species) = group.as_deref().and_then(crate::context::species_of) {
            context.species = Some(species.to_owned());
        }
        // The matrix in the parameter's label, its column header or group when the caption
        // names none ("Mean serum fentanyl concentration", "Cord blood (ng/ml)"); an analyte
        // in the label, header or group ("Lorazepam glucuronide", "ODV"); a dose in the group.
        let g = group.as_deref();
        // The parameter's own label ("Mean serum fentanyl concentration") comes before the
        // caption; the column header and the group after it; the paper's last.
        // A specimen column beside the values (`Matrix` over `Plasma | Saliva`, a subject's
        // rows per specimen): the row's specimen.
        // (Or its abbreviation the notes spell out: `EBC` of "exhaled breath condensate (EBC)".)
        let row_specimen = self
            .specimen_col
            .and_then(|c| self.table.body_rows[row].get(c))
            .and_then(|t| matrix_of(t).or_else(|| self.abbreviation(t).and_then(|(_, full, _)| matrix_of(full))));
        // (A label naming only the kind of specimen, `Tissue (µg/g)` or `Effusion fluid`,
        // gives way to the row's: `Bone`, `Pleural fluid`.)
        // (The specimen the notes spell a column's innermost header out as, more specific
        // than the headers above: `Vent.` of "Vent., ventricular CSF" under `CSF X (µg/mL)`.)
        let leaf_spelled = || {
            let leaf = self.clean_paths.get(col)?.last().filter(|_| self.clean_paths[col].len() > 1)?;
            // (Only a leaf that names none itself: `Plasma` is no one's abbreviation.)
            let bare = crate::params::split_trailing_group(leaf).0;
            let (_, full, _) = self.abbreviation(bare).filter(|_| matrix_of(bare).is_none())?;
            matrix_of(full)
        };
        // A ratio of two specimens (`CSF:plasma ratio`, `ELF/plasma`, `AUCascites/AUCplasma`):
        // the numerator's specimen, the site whose penetration it measures; where the label
        // names it only by kind (`Tissue/plasma ratio`, `Kp`), the row's or group's, else
        // the one site the table's other columns name (`Prostate tissue (µg/g)`).
        let ratio = param.code().is_some_and(is_specimen_ratio);
        let numerator = || {
            let m = matrix_of(&self.specimen_side(self.ratio_sides(label)?.0)?)?;
            (m != "tissue").then_some(m)
        };
        if let Some(m) = ratio.then(numerator).flatten() {
            context.matrix = Some(m.to_owned());
        } else if let Some(m) = leaf_spelled() {
            context.matrix = Some(m.to_owned());
        } else if let Some(m) = matrix_of(label).filter(|_| !ratio).filter(|m| {
            // (Nor where the column's own header names which: `Residue (µg/kg wet tissue)` over
            // `Liver | Kidney`.)
            let leaf = || {
                let p = self.clean_paths.get(col)?;
                p.last().filter(|_| p.len() > 1).and_then(|l| matrix_of(l))
            };
            !matches!(*m, "tissue" | "effusion") || row_specimen.is_none() && leaf().is_none()
        }) {
            context.matrix = Some(m.to_owned());
        } else if let Some(m) = row_specimen {
            context.matrix = Some(m.to_owned());
        } else if let Some(m) = g.and_then(|g| {
            // A group that is a specimen's name (`Liver`, `CSF`, `Plasma (ng/mL)`): more
            // specific than the caption's (`Tissue pharmacokinetic parameters`).
            g.split(" / ").find_map(|part| (part.split_whitespace().count() <= 3).then(|| matrix_of(part)).flatten())
        }) {
            context.matrix = Some(m.to_owned());
        } else if ratio {
            if let Some(m) = param.code().and_then(ratio_code_specimen).or_else(|| self.other_site(col)) {
                context.matrix = Some(m.to_owned());
            }
        } else if context.matrix.is_none() || param.code() == Some("CONC") {
            // (The innermost header first: `Liver` under `X residue (µg/kg)`.)
            let own = self.clean_paths[col]
                .last()
                .filter(|_| self.clean_paths[col].len() > 1)
                .and_then(|leaf| matrix_of(leaf))
                // (Then each header above it: `Muscle + skin (µg/kg)` over `X | X amine`.)
                .or_else(|| self.clean_paths[col].iter().rev().skip(1).find_map(|h| matrix_of(h)))
                .or_else(|| matrix_of(&header))
                .or_else(|| g.and_then(matrix_of))
                // (Or the specimen an abbreviation stands for, in the innermost header or one
                // above it: `SF` of "synovial fluid (SF)", `SBF (mg/L)` over `V1 | V2`.)
                .or_else(|| {
                    self.clean_paths[col].iter().rev().find_map(|h| {
                        let (_, full, _) = self.abbreviation(crate::params::split_trailing_group(h).0)?;
                        matrix_of(full)
                    })
                });
            if let Some(m) = own.or(context.matrix.is_none().then_some(self.paper_matrix).flatten()) {
                context.matrix = Some(m.to_owned());
            }
        }
        if let Some(dose) = self.dose_at(row, col).or_else(|| g.and_then(dose_in)) {
            context.dose = Some(dose);
        }
        // A metabolite named by its nomenclature (`N-desmethyl-X` spanning its columns)
        // in the group, the header or a header above it, before a known drug.
        let metabolite = g
            .and_then(metabolite_in)
            .or_else(|| metabolite_in(label))
            .or_else(|| self.paths[col].iter().rev().find_map(|h| metabolite_in(h)))
            // A known one (`demethylcitalopram`) by its vocabulary name and weight.
            .map(|name| match known_metabolite(&name) {
                Some(d) => (d.name.to_owned(), Some(d.molecular_weight)),
                None => (name, None),
            });
        // A group that adds a drug (`X + ketoconazole`, `With rifampicin`) names the
        // perpetrator of an interaction, not the analyte; so does the group without it, its
        // reference (`Without rifampicin`).
        let combination = |g: &str| {
            let l = crate::fold::lower(g);
            l.contains('+') || crate::context::has_word(&l, &["with", "without", "plus", "coadministered"])
        };
        // (A column naming each row's analyte first: `Analyte` over `X | M2`.)
        let row_analyte = self
            .analyte_col
            .and_then(|c| self.table.body_rows[row].get(c))
            // (Without what brackets add, `X (parent)`, nor its unit after a comma, `ADC,
            // µg/mL`.)
            .map(|t| {
                let name = label_marks(t, &self.notes).0;
                let name = crate::params::split_trailing_group(&name).0.trim();
                match name.rsplit_once(',') {
                    Some((head, unit)) if analyte_unit(unit) => head.trim().to_owned(),
                    _ => name.to_owned(),
                }
            })
            // (Not a word for one: `Parent`, `Metabolite`.)
            .filter(|t| {
                !t.is_empty()
                    && !matches!(
                        crate::fold::lower(t).as_str(),
                        "parent" | "parent drug" | "metabolite" | "metabolites" | "total" | "free" | "unbound"
                    )
            })
            // (An abbreviation the notes define by the name it stands for: `BRX` of
            // "brexaperidon (BRX)".)
            .map(|t| match self.abbreviation(&t) {
                Some((_, full, _)) => full.clone(),
                None => t,
            })
            .map(|t| {
                let mw = drug_in(&t).map(|d| d.molecular_weight);
                (t, mw)
            });
        // (An enantiomer as printed over its columns or rows: `(R)-X`, `(S)-X`, `(+)-X`.)
        let enantiomer = {
            let parts =
                g.into_iter().flat_map(|g| g.split(" / ")).chain(self.clean_paths[col].iter().map(String::as_str));
            parts.map(str::trim).find_map(|part| {
                let rest = part.strip_prefix('(')?;
                let (sign, name) = rest.split_once(")-")?;
                let sign_ok = matches!(crate::fold::lower(sign).as_str(), "r" | "s" | "+" | "-" | "−" | "rs" | "r,s");
                let name_ok = name.chars().count() >= 4 && name.chars().all(|c| c.is_alphanumeric() || c == '-');
                (sign_ok && name_ok).then(|| (part.to_owned(), drug_in(name).map(|d| d.molecular_weight)))
            })
        };
        // (A metabolite by its kind under a specimen, `Amine metabolite` beside `Parent`: the
        // compound the caption names by the drug and that word, "X and X amine".)
        let kind_of_metabolite = self.clean_paths[col].last().and_then(|leaf| {
            let lower = crate::fold::lower(leaf.trim());
            let kind = lower.strip_suffix(" metabolite")?.trim();
            let drug = crate::fold::lower(self.base.context.drug.as_deref()?);
            let name = format!("{drug} {kind}");
            crate::fold::lower(self.table.caption.as_deref().unwrap_or_default())
                .contains(&name)
                .then_some((name, None))
        });
        let analyte = row_analyte
            .or(enantiomer)
            .or(kind_of_metabolite)
            .or(metabolite)
            // (The compound the label names after a comma: `Cmax, metabolite M1`.)
            .or_else(|| {
                let label = without_statistic_clause(label);
                let (_, compound) = self.comma_compound(label).filter(|_| parameter_code(label, None).is_none())?;
                let name = compound?;
                let mw = drug_in(&name).map(|d| d.molecular_weight);
                Some((name, mw))
            })
            .or_else(|| {
                g.filter(|g| !combination(g))
                    .and_then(drug_in)
                    .or_else(|| drug_in(&header).filter(|_| !combination(&header)))
                    .map(|d| (d.name.to_owned(), Some(d.molecular_weight)))
            })
            .or_else(|| abbreviation.map(|(_, name, _)| (name.clone(), drug_in(name).map(|d| d.molecular_weight))))
            // (The analyte an abbreviation before the parameter names: `INS-Cmax`.)
            .or_else(|| {
                let (prefix, _) = self.abbreviated_analytes_parameter(label)?;
                let (_, name, _) = self.abbreviation(prefix)?;
                Some((name.clone(), drug_in(name).map(|d| d.molecular_weight)))
            })
            .or_else(|| {
                self.paths[col]
                    .iter()
                    .find_map(|h| self.abbreviation(h))
                    .map(|(_, name, _)| (name.clone(), drug_in(name).map(|d| d.molecular_weight)))
            })
            // (Or a word of the header the notes define after its specimen: `PBMC ZDB-TP`,
            // "ZDB-TP, zidarabine triphosphate".)
            .or_else(|| {
                let leaf = self.path_without_unit(col).last().cloned().unwrap_or_default();
                let name = crate::params::split_trailing_group(&leaf).0;
                let words: Vec<&str> = name.split_whitespace().collect();
                let (first, rest) = words.split_first()?;
                let after_specimen = matrix_of(first).is_some()
                    || self.abbreviation(first).is_some_and(|(_, full, _)| matrix_of(full).is_some());
                let [word] = rest else { return None };
                let (_, full, _) = self.abbreviation(word).filter(|_| after_specimen)?;
                matrix_of(full).is_none().then(|| (full.clone(), drug_in(full).map(|d| d.molecular_weight)))
            })
            // The analyte the caption names, heading the column (`XR-4471 (ng/mL)`).
            .or_else(|| {
                let name = crate::params::split_trailing_group(&header).0.trim();
                self.caption_analyte
                    .as_deref()
                    .is_some_and(|a| crate::fold::lower(name) == a)
                    .then(|| (name.to_owned(), None))
            })
            // A compound the caption names beside the drug heading the column (`M4` of "X and
            // M4 plasma concentrations").
            // (Its header without a unit row under it: `M4` over `nmol/L`.)
            .or_else(|| {
                let leaf = self.path_without_unit(col).last().cloned().unwrap_or_default();
                let name = crate::params::split_trailing_group(&leaf).0.trim();
                let drug = self.base.context.drug.as_deref().map(crate::fold::lower);
                (drug.as_deref() != Some(crate::fold::lower(name).as_str())
                    && (self.caption_compound(name) || self.parent_of_a_column(name)))
                .then(|| (name.to_owned(), None))
            })
            // A compound the caption names spanning the column's parameters (`Rosuvaprazole`
            // over `Cmax | AUC`, "a nilvadipril/rosuvaprazole tablet").
            .or_else(|| {
                let drug = self.base.context.drug.as_deref().map(crate::fold::lower);
                self.header_above(col).iter().find_map(|h| {
                    let name = crate::params::split_trailing_group(h).0.trim();
                    (drug.as_deref() != Some(crate::fold::lower(name).as_str()) && self.caption_compound(name))
                        .then(|| (name.to_owned(), None))
                })
            })
            // A section naming the study drug or a metabolite the caption names (`Oxamerol`
            // then `M2 (6β-hydroxy-oxamerol)` over the rows, the caption saying "oxamerol and
            // its metabolite M2").
            // (Or with the specimen it was measured in: `Atrovine in plasma (ng/mL)`.)
            .or_else(|| {
                g?.split(" / ").find_map(|part| {
                    let name = crate::params::split_trailing_group(part).0.trim();
                    let name = match name.split_once(" in ") {
                        Some((compound, specimen)) if !matrices_in(specimen).is_empty() => compound.trim(),
                        _ => name,
                    };
                    self.caption_compound(name).then(|| (name.to_owned(), None))
                })
            })
            // The compound under a subject's name (`Kanya` over `Famcivax | Pencivax`).
            .or_else(|| {
                self.named_over_analytes(col)?;
                self.clean_paths[col].last().map(|leaf| (leaf.trim().to_owned(), None))
            });
        if let Some((name, mw)) = analyte
            && matrices_in(&name).is_empty()
        {
            context.analyte = Some(name);
            molecular_weight = mw.or(molecular_weight);
        }
        // A heparin's activity measured for the drug (`Anti-Xa (IU/mL)`, `Peak anti-Xa
        // activity`, `Cmax anti-IIa`): the analyte is the activity, the drug the heparin.
        // (Only labels with `anti` in them are read further: most records' are not.)
        // (Measured as an activity, in international units: not a drug's concentration by an
        // anti-Xa assay, `Apixaban (ng/mL)`; nor over an analyte column's own names.)
        let anti = |l: &str| l.as_bytes().windows(4).any(|w| w.eq_ignore_ascii_case(b"anti"));
        let activity_unit = unit_raw.as_deref().is_some_and(|u| u.contains("IU") || u.contains("U/"));
        if activity_unit
            && self.analyte_col.is_none()
            && let Some(activity) = std::iter::once(label)
                .chain(self.clean_paths[col].iter().map(String::as_str))
                .filter(|l| anti(l))
                .find_map(|l| heparin_activity(&crate::fold::lower(l)))
        {
            context.analyte = Some(activity.to_owned());
        }
        context.group = group;
        context.subject = subject;
        // (A parameter of the unbound drug: its analyte so named, `X (unbound)`; or the
        // free drug's concentration, `Free X (mg/L)` beside the total's.)
        let free_word = || {
            let lower = crate::fold::lower(name.trim());
            (lower.starts_with("free ") || lower.starts_with("unbound ")).then_some(lower)
        };
        let free_concentration =
            || param.code() == Some("CONC") && free_word().is_some_and(|lower| !lower.contains("fraction"));
        // (Or of the unbound analyte an abbreviation names, `Unbound MFA AUC0–12`.)
        let unbound_abbreviated = || free_word().is_some() && self.abbreviated_analytes_parameter(name).is_some();
        if (unbound_parameter(name) || free_concentration() || unbound_abbreviated())
            && let Some(analyte) = context.analyte.take().or_else(|| context.drug.clone())
        {
            context.analyte = Some(format!("{analyte} (unbound)"));
        }
        // A concentration whose symbol names its time (`C24`), or whose definition does.
        // On the day its column gives (`Day 7` over `C0 | C2`): the day, then the time.
        // (A subject's trough defined as drawn before the dose, `C0, pre-dose trough`: then.)
        let own_time = match param.code() {
            // (Of the unbound or total drug too: `Unbound C12 (ng/mL)` at 12 h.)
            Some("CONC") => self.defined(name).and_then(|d| d.time.clone()).or_else(|| {
                crate::params::time_in_name(name)
                    .or_else(|| crate::params::time_in_name(&without_unbound(name)?))
                    .or_else(|| crate::params::time_in_name(&without_total_or_whose(name)?))
            }),
            Some("CTROUGH") if context.subject.is_some() => self.defined(name).and_then(|d| d.time.clone()),
            _ => None,
        };
        // A subject's peak or trough whose header's mark says when it was drawn (`Peak<sup>a
        // </sup>` with "a Drawn 1 h after the start of the infusion", `Trough<sup>b</sup>`
        // with "b Drawn within 30 min before the next dose").
        let own_time = own_time.or_else(|| {
            // (Or a subject's level, `Anti-Xa<sup>b</sup> (IU/mL)` with "b Measured 4 h after
            // the third dose".)
            let drawn = matches!(param.code(), Some("CMAX" | "CTROUGH" | "CONC")) && context.subject.is_some();
            let marks = self.label_marks.get(col)?;
            drawn
                .then(|| {
                    self.notes
                        .iter()
                        .filter(|(mark, _)| marks.contains(mark))
                        .find_map(|(_, note)| labels::drawn_when(note))
                })
                .flatten()
        });
        // (Or a subject's peak with its time in brackets, `Day 2` over `Peak (4 h) | Trough`.)
        let own_time = own_time.or_else(|| {
            let peak = param.code() == Some("CMAX") && context.subject.is_some();
            let (_, inner) = crate::params::split_trailing_group(name);
            peak.then(|| labels::time_of(inner?, None).filter(|t| t.ends_with(" h") || t.ends_with(" min"))).flatten()
        });
        // The day a header above the column names with what it says of it (`Day 2 (33.5 °C)`),
        // or, `plain`, alone (`Day 2`).
        let day_above = |plain: bool| {
            self.clean_paths.get(col)?.iter().rev().skip(1).find_map(|h| {
                labels::leading_day(h).or_else(|| {
                    plain
                        .then(|| labels::time_of(h, None).filter(|d| d.starts_with("day ") && !d.contains(',')))
                        .flatten()
                })
            })
        };
        // (On that day, `Day 2 (33.5 °C)` over `Peak^a | Trough^b`: that day's peak and trough.
        // A day alone is the column's time.)
        let own_time = own_time.map(|own| {
            let peak_or_trough =
                matches!(param.code(), Some("CMAX" | "CTROUGH")) && context.subject.is_some() && time.is_none();
            match (peak_or_trough && !own.starts_with("day")).then(|| day_above(true)).flatten() {
                Some(day) => format!("{day}, {own}"),
                None => own,
            }
        });
        // At steady state, the concentration at the end of the dosing interval (`C24` of a
        // once-daily regimen, `C12` of a twice-daily one) is the trough: Cτ.
        let param =
            if own_time.is_some() && own_time.as_ref() == self.steady_tau() { Named::Code("CTROUGH") } else { param };
        // And the area from the dose to the interval's end (`AUC0–12` of a twice-daily
        // regimen) is the area over the dosing interval: AUCτ.
        // (So it is under any repeated regimen, steady state or not: CDISC's AUCTAU is the
        // area over a dosing interval, `AUC0–8h` of "2 g every 8 h".)
        // (Or the regimen its section or group names: `Day 5 (maintenance 4 mg/kg every 12 h)`
        // over the day's rows.)
        let over_interval = || {
            // (Not a loading or first dose's group: its area is of that dose.)
            let group_tau = || {
                let group = crate::fold::lower(context.group.as_deref()?).replace('-', " ");
                // (Whole words: `Day 14` is no first day.)
                let first = crate::context::has_word(&group, &["loading", "first dose", "day 1"]);
                // (A group at steady state, `Day 14 (steady state)`, of the one regimen the
                // paper gives: "received 300 mg twice daily for 14 days".)
                let steady = || {
                    crate::context::has_word(&group, &["steady state"])
                        .then(|| {
                            paper_regimen_interval(
                                &crate::fold::lower(&crate::context::paper_text(self.table)).replace('-', " "),
                            )
                        })
                        .flatten()
                };
                (!first).then(|| repeated_regimen_interval(&group).or_else(steady)).flatten()
            };
            let tau = self.steady_tau().or_else(|| self.regimen_tau()).cloned().or_else(group_tau);
            tau.is_some_and(|tau| auc_from_zero_to(name).is_some_and(|end| format!("{end} h") == tau))
                // (Or the notes define the symbol as the area over the dosing interval:
                // "AUC0–24, area under the curve over the 24-h dosing interval".)
                || self.defined(name).is_some_and(|d| d.code == "AUCTAU")
        };
        let param = if param.code() == Some("AUCINT") && over_interval() { Named::Code("AUCTAU") } else { param };
        // A trough on a day (`Day 7` over `C0`, `Trough concentration` over `Day 3`) is
        // drawn before that day's dose.
        let trough = || {
            param.code() == Some("CTROUGH")
                || crate::context::has_word(&crate::fold::lower(label), &["trough", "pre-dose", "predose"])
        };
        // A subject's level with no time of its own, the caption saying when every sample
        // was drawn (`Concentrations in tissues of individual rats 4 h after a single oral
        // dose`).
        let own_time = own_time.or_else(|| {
            (param.code() == Some("CONC") && context.subject.is_some() && time.is_none())
                .then(|| labels::time_after_dose_in(self.table.caption.as_deref()?))
                .flatten()
        });
        // (A trough under a day with what it says of it, `Day 2 (33.5 °C)` over `Trough`: that
        // day's, before its dose.)
        let time = match time {
            Some(t) if matches!(t.as_str(), "trough" | "pre-dose") && context.subject.is_some() => {
                match day_above(false) {
                    Some(day) => Some(format!("{day}, pre-dose")),
                    None => Some(t),
                }
            }
            time => time,
        };
        context.time = match (time, own_time) {
            (Some(day), Some(own)) if day.starts_with("day ") && !day.contains(',') => Some(format!("{day}, {own}")),
            (Some(day), None) if day.starts_with("day ") && !day.contains(',') && trough() => {
                Some(format!("{day}, pre-dose"))
            }
            (time, own) => time.or(own),
        };
        // A subject's concentration with its sampling time in brackets in the same cell
        // (`16.8 (2.1 h)`, `21.8<br/>(2 h)`): at that time.
        // (On the day its row gives: `Day of therapy | Serum (time after dose)` over `2 |
        // 62.4 (1 h)`.)
        // (Or a bare number in brackets that the header or a note declares a time: `Serum,
        // mg/L (h)` over `18.6 (3.5)`; its bracket then holds no spread.)
        let declared = || {
            let time = self.declared_time_in_cell(col, &numbers.value_raw)?;
            numbers.dispersion = None;
            Some(time)
        };
        if context.subject.is_some()
            && param.code() == Some("CONC")
            && let Some(time) = time_in_cell(&numbers.value_raw).or_else(declared)
        {
            match context.time.as_deref() {
                None => context.time = Some(time),
                // (Or the visit's week: `Week` over `4 | 8`, `12.1 (2 h)`.)
                Some(day) if (day.starts_with("day ") || day.starts_with("week ")) && !day.contains(',') => {
                    context.time = Some(format!("{day}, {time}"));
                }
                // (Before the row's time of day: the cell says when its own sample was drawn,
                // `Plasma` drawn once at `3.1 (70 min)` beside each eye's time; on the row's
                // day still, `day 3, 2 h` with `14.2 (2.5 h)` is `day 3, 2.5 h`.)
                Some(row_time) if time.ends_with(" h") || time.ends_with(" min") => {
                    context.time = Some(match row_time.split_once(", ") {
                        Some((day, _)) if day.starts_with("day ") || day.starts_with("week ") => {
                            format!("{day}, {time}")
                        }
                        _ => time,
                    });
                }
                Some(_) => {}
            }
        }
        // An analyte measured in the same sample as the one beside it whose cell prints the
        // sample's time (`Pus` over `Tinidoxole, mg/L (h) | Hydroxy-tinidoxole, mg/L`, the
        // row `14.2 (3.5) | 3.1`): that time.
        if context.subject.is_some() && context.time.is_none() && param.code() == Some("CONC") {
            context.time = self.same_sample_time(row, col);
        }
        let family = |per_kg: bool| match param {
            Named::Code(code) => family_of_code(code, per_kg),
            Named::Ambiguous(plain, per_body_weight) => Some(if per_kg { per_body_weight } else { plain }),
        };
        // A unit printed for fluids and tissues at once (`µg/mL; µg/g`, `ng/mL or ng/g`): the
        // one of the record's specimen.
        let unit_raw = unit_raw.map(|u| unit_of_specimen(&u, context.matrix.as_deref(), &fits).unwrap_or(u));
        let (unit, value_canonical) = canonical(unit_raw.as_deref(), family, numbers.value, molecular_weight);
        let footnotes: Vec<String> = numbers
            .marks
            .iter()
            .map(|m| self.notes.iter().find(|(k, _)| k == m).map_or_else(|| m.clone(), |(_, t)| t.clone()))
            .collect();
        // A cell without a value ("NA", "< LLOQ") reports no statistic.
        let statistic = match numbers.statistic {
            Some(s) if numbers.value.is_some() || s == Statistic::Individual => s,
            _ if numbers.value.is_some() => Statistic::Value,
            _ => Statistic::Unknown,
        };
        let mut record = Record {
            table_id: self.table.id.clone(),
            parameter_raw: label.trim().to_owned(),
            parameter: param.code().map(str::to_owned),
            value_raw: numbers.value_raw,
            value: numbers.value,
            statistic,
            dispersion: numbers.dispersion,
            interval: numbers.interval,
            unit_raw,
            unit,
            value_canonical,
            n: numbers.n,
            context,
            provenance: Provenance {
                row: u32::try_from(row).ok(),
                col: u32::try_from(col).ok(),
                header_path: self.table.header_path(col),
                footnotes,
            },
            confidence: None,
            noise: None,
            review: None,
        };
        // Under an accumulation ratio's header beside the days (`Day 1 | Day 14 | Accumulation
        // ratio`): the ratio of the row's parameter, no unit (a parameter whose ratio the
        // vocabulary does not name, none).
        // (The header saying so: not `Rac`, a racemate's column, nor `AI`, which the
        // vocabulary also reads as an accumulation index.)
        let accumulation = |code: Option<&str>| matches!(code, Some("ARAUC" | "ARCMAX"));
        let says_accumulation = |h: &str| {
            crate::fold::lower(h).contains("accumulation") && accumulation(crate::params::parameter_code(h, None))
        };
        if !accumulation(record.parameter.as_deref()) && self.clean_paths[col].iter().any(|h| says_accumulation(h)) {
            record.parameter = match record.parameter.as_deref() {
                Some("CMAX") => Some("ARCMAX".to_owned()),
                Some(code) if code.starts_with("AUC") => Some("ARAUC".to_owned()),
                _ => None,
            };
            (record.unit_raw, record.unit, record.value_canonical) = (None, None, None);
        }
        // A tissue-to-plasma ratio column (`Tissue/plasma AUC ratio`) in the row of a specimen
        // with a ratio of its own (`CSF`, `Milk`): that specimen's ratio.
        if record.parameter.as_deref() == Some("TPRATIO")
            && let Some(own) = record.context.matrix.as_deref().and_then(specimen_ratio_code)
        {
            record.parameter = Some(own.to_owned());
        }
        // A ratio of two specimens has no unit but a percentage (`CSF/plasma (%)`), not the
        // caption's `(µg/mL)` nor a section's `10 mg/kg`.
        if record.parameter.as_deref().is_some_and(is_specimen_ratio) && record.unit_raw.as_deref() != Some("%") {
            (record.unit_raw, record.unit, record.value_canonical) = (None, None, None);
        }
        record
    }
}

/// Which axis statistic lines run along: rows of one column, or columns of one row.
#[derive(Debug, Clone, Copy)]
enum Axis {
    /// Statistic rows, in column `col`.
    Rows { col: usize },
    /// Statistic columns, in row `row`.
    Columns { row: usize },
}

impl Axis {
    /// The cell of line `at`.
    fn cell(self, at: usize) -> (usize, usize) {
        match self {
            Axis::Rows { col } => (at, col),
            Axis::Columns { row } => (row, at),
        }
    }
}

/// A two-level header printed in one row, as Markdown and CSV print a spanning header: the
/// spanning label repeated before each label under it (`IV (n = 14) Mean | IV (n = 14) SD |
/// IM (n = 14) Mean | IM (n = 14) SD`, `AUC (ng·h/mL) Fasted | AUC (ng·h/mL) Fed | t1/2 (h)
/// Fasted | t1/2 (h) Fed`), split back into its two levels, as the HTML of the same table
/// reads. The signature is the product: at least two runs of adjacent columns, each run
/// sharing a leading label of whole words, the runs giving the same labels after it in the
/// same order, or one run whose shared label ends with its unit in brackets (`Plasma
/// concentration (ng/mL) Bella | ... Duke`). Another run alone (`Dose 1 | Dose 2`) is left
/// as printed. The span ends before
/// a label under it that starts with a number (`Cmax Day 1 | Cmax Day 7 | AUC Day 1 | AUC
/// Day 7`: `Cmax` over `Day 1`) and never inside brackets.
fn unflatten_spans(paths: Vec<Vec<String>>) -> Vec<Vec<String>> {
    if paths.iter().any(|p| p.len() > 1) {
        return paths;
    }
    let words: Vec<Vec<&str>> =
        paths.iter().map(|p| p.first().map(|h| h.split_whitespace().collect()).unwrap_or_default()).collect();
    // Runs of adjacent columns with a common leading label: (first column, end, words in it).
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    let mut c = 0;
    while c + 1 < words.len() {
        let (a, b) = (&words[c], &words[c + 1]);
        let mut shared = a.iter().zip(b).take_while(|(x, y)| x == y).count().min(a.len()).min(b.len());
        // Back off to a span with balanced brackets whose labels under it do not start
        // with a bare number (the `Day` of `Day 1` belongs with its number).
        let balanced = |words: &[&str]| {
            let text = words.concat();
            text.matches(['(', '[']).count() == text.matches([')', ']']).count()
        };
        let numeric = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_digit());
        while shared > 0
            && shared < a.len().min(b.len())
            && (!balanced(&a[..shared]) || numeric(a[shared]) || numeric(b[shared]))
        {
            shared -= 1;
        }
        if shared == 0 || shared >= a.len() || shared >= b.len() {
            c += 1;
            continue;
        }
        let mut end = c + 2;
        while end < words.len() && words[end].len() > shared && words[end][..shared] == a[..shared] {
            end += 1;
        }
        runs.push((c, end, shared));
        c = end;
    }
    let tails = |&(start, end, shared): &(usize, usize, usize)| -> Vec<String> {
        (start..end).map(|c| words[c][shared..].join(" ")).collect()
    };
    // Or one run whose shared label ends with its unit in brackets (`Serum concentration
    // (µg/L) Shadow | Serum concentration (µg/L) Bruno`): a quantity and its unit over the
    // labels under it.
    let unit_ended = |&(start, _, shared): &(usize, usize, usize)| {
        let label = words[start][..shared].join(" ");
        label.ends_with(')') && name_with_unit(&label)
    };
    let repeated: Vec<&(usize, usize, usize)> = runs
        .iter()
        .filter(|run| runs.iter().filter(|other| tails(other) == tails(run)).count() >= 2 || unit_ended(run))
        .collect();
    if repeated.is_empty() {
        return paths;
    }
    let mut split = paths.clone();
    for &&(start, end, shared) in &repeated {
        for (c, path) in split.iter_mut().enumerate().take(end).skip(start) {
            *path = vec![words[c][..shared].join(" "), words[c][shared..].join(" ")];
        }
    }
    split
}

/// Whether some rows name a parameter and every one of them a concentration (specimens or
/// tissues down the stub, or sampling times).
fn only_concentrations(named: &[Option<Named>]) -> bool {
    let mut named = named.iter().flatten().peekable();
    named.peek().is_some() && named.all(|n| n.code() == Some("CONC"))
}

/// Whether concentrations are named, and beside them at most ratios of two of their
/// specimens (`Plasma | CSF | CSF/serum ratio`), read at the same times.
fn concentrations_and_ratios(named: &[Option<Named>]) -> bool {
    named.iter().flatten().any(|n| n.code() == Some("CONC"))
        && named
            .iter()
            .flatten()
            .all(|n| n.code().is_some_and(|c| c == "CONC" || crate::params::class_of_code(c) == Some("ratio")))
}

/// The dosing interval of a table at steady state, as the reader writes times (`24 h`):
/// the caption or footnote saying steady state and the regimen's frequency (`once daily`,
/// `twice daily`, `q8h`, `every 12 h`).
fn steady_state_interval(table: &Table) -> Option<String> {
    let text = crate::fold::lower(&format!(
        "{} {}",
        table.caption.as_deref().unwrap_or_default(),
        table.footnote.as_deref().unwrap_or_default()
    ))
    .replace('-', " ");
    // (Not a table of the first dose beside steady state: its `C24` is 24 h after a single
    // dose.)
    let first_dose = single_dose(&text) || text.contains("first dose") || text.contains("day 1");
    if !text.contains("steady state") || first_dose {
        return None;
    }
    // (The regimen the caption or footnote names, else the one the paper's title and
    // abstract name: "receiving X 200 mg once daily".)
    regimen_interval(&text)
        .or_else(|| paper_regimen_interval(&crate::fold::lower(&crate::context::paper_text(table)).replace('-', " ")))
}

/// The dosing interval of a repeated regimen a lowercased text names ([`regimen_interval`]),
/// none where it speaks of a single dose.
fn repeated_regimen_interval(text: &str) -> Option<String> {
    (!single_dose(text)).then(|| regimen_interval(text)).flatten()
}

/// The dosing interval of the regimen a paper's title and abstract name: the one regimen
/// ([`regimen_interval`]) in the sentences that give a dose (`200 mg`, `10 mg/kg`), and none
/// where a sampling schedule is said in the same words ("samples were collected every 8
/// h"), another regimen is named too (`once weekly`, `every 48 h`) or a single dose.
fn paper_regimen_interval(paper: &str) -> Option<String> {
    const SCHEDULES: &[&str] = &[
        "collected every",
        "sampled every",
        "drawn every",
        "measured every",
        "taken every",
        "sampling every",
        "samples every",
        "obtained every",
        "measured once daily",
        "monitored once daily",
    ];
    if SCHEDULES.iter().any(|w| paper.contains(w)) {
        return None;
    }
    let dosing: Vec<&str> = paper
        .split(['.', ';'])
        .filter(|s| {
            s.split_whitespace().any(|w| {
                matches!(
                    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '/'),
                    "mg" | "g" | "µg" | "mg/kg" | "mg/m2" | "iu" | "units"
                )
            })
        })
        .collect();
    let text = dosing.join(". ");
    const OTHER: &[&str] =
        &["weekly", "monthly", "every 48", "every 72", "every 2 weeks", "every other day", "q48h", "q72h"];
    if OTHER.iter().any(|w| text.contains(w)) {
        return None;
    }
    repeated_regimen_interval(&text)
}

/// Whether a lowercased caption and footnote speak of a single dose (`a single 400 mg
/// dose`, `single oral administration`, `SAD`); the first dose of a regimen is none.
fn single_dose(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.iter().enumerate().any(|(k, w)| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w == "single"
            && words[k + 1..].iter().take(4).any(|n| {
                let n = n.trim_matches(|c: char| !c.is_alphanumeric());
                matches!(n, "dose" | "doses" | "dosing" | "administration" | "injection" | "infusion")
            })
            || w == "sad"
    })
}

/// The dosing interval of the one regimen a lowercased caption and footnote name (`2 g every
/// 8 h`, `q12h`, `once daily`): `8 h`.
fn regimen_interval(text: &str) -> Option<String> {
    const INTERVALS: &[(&[&str], &str)] = &[
        (&["once daily", "once a day", "q24h", "every 24 h", "every 24 hours", "qd"], "24 h"),
        (&["twice daily", "twice a day", "q12h", "every 12 h", "every 12 hours", "bid", "b.i.d."], "12 h"),
        (&["three times daily", "three times a day", "q8h", "every 8 h", "every 8 hours", "tid", "t.i.d."], "8 h"),
    ];
    let found: Vec<&str> =
        INTERVALS.iter().filter(|(words, _)| crate::context::has_word(text, words)).map(|(_, tau)| *tau).collect();
    // (One regimen only: a table of two regimens has two intervals.)
    match found.as_slice() {
        [tau] => Some((*tau).to_owned()),
        _ => None,
    }
}

/// The end of an area's interval from zero, in hours, as its name prints it (`AUC0–12`,
/// `AUC0-24 h`, `AUC(0–8)`): `12`, `24`, `8`.
fn auc_from_zero_to(name: &str) -> Option<u32> {
    let n = crate::params::normalise_name(crate::params::split_trailing_group(name).0);
    let rest = n.strip_prefix("auc")?.trim_start_matches('(').strip_prefix('0')?;
    let rest = rest.strip_prefix(['-', '–'])?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[digits.len()..].trim_start_matches([')', 'h']);
    (after.is_empty() || after.starts_with(',')).then(|| digits.parse().ok()).flatten()
}

/// Whether `label` is `p` alone (`P`, `p*`) over cells that are p values (`0.02`, `<0.001`,
/// `NS`), one at least.
fn p_values<'a>(label: &str, mut cells: impl Iterator<Item = &'a str>) -> bool {
    if crate::fold::lower(label.trim().trim_end_matches(['*', '†', '‡']).trim()) != "p" {
        return false;
    }
    let p_like = |cell: &str| {
        let t = cell.trim().trim_start_matches(['<', '>', '≤', '≥', '=']).trim().replace(',', ".");
        let number: String = t.chars().take_while(|ch| ch.is_ascii_digit() || *ch == '.').collect();
        matches!(t.to_ascii_lowercase().as_str(), "ns" | "n.s." | "–" | "—" | "-")
            || number.parse::<f64>().is_ok_and(|p| (0.0..=1.0).contains(&p))
    };
    let mut any = false;
    cells.all(|cell| {
        any = true;
        p_like(cell)
    }) && any
}

/// The filled cells of column `c`, trimmed.
fn filled_cells(table: &Table, c: usize) -> impl Iterator<Item = &str> {
    table.body_rows.iter().filter_map(move |r| r.get(c)).map(|t| t.trim()).filter(|t| !t.is_empty())
}

/// A column's filled cells outside full-width rows (a section's label spanning the table,
/// `Water temperature 22 °C`, printed in every cell of its row).
fn filled_cells_outside_sections(table: &Table, c: usize) -> impl Iterator<Item = &str> {
    table
        .body_rows
        .iter()
        .filter(|r| r.len() < 3 || r.iter().any(|t| t.trim() != r[0].trim()))
        .filter_map(move |r| r.get(c))
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
}

/// Whether a column's filled cells are subjects' ids, one a row: two or more, distinct, each
/// an id (not a number with a decimal point or comma: a concentration). (A section's row
/// spanning the table is none of them: `Water temperature 22 °C` over `P1 | P2`.)
fn distinct_ids(table: &Table, c: usize) -> bool {
    let ids: Vec<&str> = filled_cells_outside_sections(table, c).collect();
    let distinct: std::collections::HashSet<&str> = ids.iter().copied().collect();
    ids.len() >= 2
        && distinct.len() == ids.len()
        && ids.iter().all(|t| labels::subject_id(t).is_some() && !t.contains(['.', ',']))
}

/// Whether column `c` lists the same subjects' ids again under each of `times` sampling
/// times (a long table sorted by time: `2 h` spanning `VC-1 | VC-2 | VC-3`, then `4 h`):
/// each id twice at least and at most once a time (a missed sample leaves one id fewer).
fn ids_again_at_each_time(table: &Table, c: usize, times: usize) -> bool {
    let ids: Vec<&str> = filled_cells_outside_sections(table, c).collect();
    let mut counts: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for id in &ids {
        *counts.entry(id).or_default() += 1;
    }
    counts.len() >= 2
        && counts.values().all(|&n| n >= 2 && n <= times)
        && ids.iter().all(|t| labels::subject_id(t).is_some() && !t.contains(['.', ',']))
}

/// Whether column `c` holds three capitalised names or more, each once (`Kiki | Mango |
/// Rocco` under `Bird`), as animals' names are printed.
fn distinct_names(table: &Table, c: usize) -> bool {
    let names: Vec<&str> = filled_cells_outside_sections(table, c).collect();
    let distinct: std::collections::HashSet<&str> = names.iter().copied().collect();
    names.len() >= 3
        && distinct.len() == names.len()
        && names.iter().all(|t| capitalised_name(t) && stat_label(t).is_none() && matrix_of(t).is_none())
}

/// A subject's code as a study prints it, a site's or the study's letters with a hyphen or
/// two digits (`IT-01`, `P07`, `FI-2214`): not a visit's or a cycle's (`C1D1`, `Q3W`), nor
/// a letter and one digit (`T1`, a time point as often as anyone).
fn coded_subject(text: &str) -> bool {
    let t = text.trim();
    !t.contains(' ')
        && labels::subject_id(t).is_some_and(|id| id == t)
        && !labels::is_visit_code(t)
        && (t.contains('-') || t.chars().filter(char::is_ascii_digit).count() >= 2)
        && labels::time_of(t, None).is_none()
}

/// Whether a column headed by the kind of animal its paper studies (`Frog` over `X1 | X2`
/// in "... in African clawed frogs", `Sea lion` over `Bodega | Kelpie`) holds each
/// animal's id or name: the header a word or two that the title or caption names as the
/// ones studied ([`studies_kind`]), over distinct ids or three capitalised names at least.
fn kind_of_subjects(table: &Table, label: &str, c: usize, notes: &[(String, String)]) -> bool {
    if !studies_kind(table, &crate::fold::lower(label)) {
        return false;
    }
    // (Its summary lines aside: `Mean`, `SD` under the names.)
    let cells: Vec<String> =
        filled_cells(table, c).map(|t| label_marks(t, notes).0).filter(|t| stat_label(t).is_none()).collect();
    // (Each once, or each in one run of rows: a long table's `Banjo` over its samples' rows.)
    let mut runs: Vec<&str> = cells.iter().map(String::as_str).collect();
    runs.dedup();
    let distinct: std::collections::HashSet<&str> = runs.iter().copied().collect();
    // (The id without what the table tells of the subject in brackets after it: `Uulu (♂,
    // 21 y, 1 120 kg)`.)
    let ids = || {
        cells.len() >= 2
            && cells.iter().all(|t| {
                labels::subject_id(t).is_some_and(|id| !id.contains(['.', ',']) && !labels::is_visit_code(&id))
                    && !crate::params::split_trailing_group(t).0.contains(['.', ','])
            })
    };
    let names = || {
        cells.len() >= 3
            && cells.iter().all(|t| {
                capitalised_name(t) && names_none_of_the_table(t) && crate::context::population_in(t).is_none()
            })
    };
    // (Or ids listed again under each sampling time, a long table sorted by time: `2 h`
    // spanning `VC-1 | VC-2 | VC-3`, then `4 h` spanning them again.)
    let per_time = || {
        let counts = runs.iter().fold(rustc_hash::FxHashMap::<&str, usize>::default(), |mut m, id| {
            *m.entry(id).or_default() += 1;
            m
        });
        counts.values().all(|&n| n >= 2) && ids()
    };
    distinct.len() >= 2 && (distinct.len() == runs.len() && (ids() || names()) || per_time())
}

/// A code of capital letters, at most `max_letters`, and a number (`V1`, `R-3`, `N10`,
/// `AM1`): the letters and the number.
fn letter_code(code: &str, max_letters: usize) -> Option<(&str, u32)> {
    let code = code.trim();
    let digits = code.find(|c: char| c.is_ascii_digit())?;
    let (letters, number) = code.split_at(digits);
    let letters = letters.trim_end_matches('-');
    (!letters.is_empty() && letters.len() <= max_letters && letters.chars().all(|c| c.is_ascii_uppercase()))
        .then_some(())?;
    Some((letters, number.parse::<u32>().ok()?))
}

/// The ids a one-word header codes by its initial among `items` (`Ray` over `R1 | R2 | R3`,
/// `Testuggine` over `T1 | T2`, `Oveja` over `O1 | O2`): how many items are that letter and
/// a number, and how many numbers apart; `None` where the word is no subjects' (an occasion,
/// a group or design word, a parameter, a specimen, a statistic or a compound: `Day` over
/// `D1 | D2`, `Group` over `G1 | G2`, `Metabolite` over `M1 | M2`).
fn ids_by_initial_of<'a>(word: &str, items: impl IntoIterator<Item = &'a str>) -> Option<(usize, usize)> {
    const NOT_SUBJECTS: &[&str] = &[
        "group",
        "groups",
        "cohort",
        "cohorts",
        "arm",
        "arms",
        "model",
        "models",
        "treatment",
        "treatments",
        "formulation",
        "formulations",
        "batch",
        "sequence",
        "level",
        "levels",
        "metabolite",
        "metabolites",
        "period",
        "phase",
        "occasion",
        "sample",
        "samples",
        "time",
        "visit",
        "cycle",
        "dose",
        "site",
        "study",
        "trial",
        "replicate",
        "tank",
        "pen",
        "cage",
    ];
    let word = word.trim();
    let initial = word.chars().next().filter(char::is_ascii_uppercase)?;
    let lower = crate::fold::lower(word);
    let no_subjects = word.chars().count() < 3
        || !word.chars().all(char::is_alphabetic)
        || NOT_SUBJECTS.contains(&lower.as_str())
        || labels::time_of(&format!("{word} 1"), None).is_some()
        || labels::is_occasion_header(word)
        || parameter_code(word, None).is_some()
        || matrix_of(word).is_some()
        || stat_label(word).is_some()
        || drug_in(word).is_some()
        || metabolite_in(word).is_some();
    if no_subjects {
        return None;
    }
    let mut numbers = Vec::new();
    let mut matched = 0;
    for item in items {
        if let Some((letters, n)) = letter_code(item, 1)
            && letters.starts_with(initial)
        {
            matched += 1;
            numbers.push(n);
        }
    }
    numbers.sort_unstable();
    numbers.dedup();
    Some((matched, numbers.len()))
}

/// Whether column `c`'s cells are ids coded by the initial of its one-word header
/// (`Testuggine` over `T1 | T2 | T3`, [`ids_by_initial_of`]): three numbers or more of that
/// letter, half the filled cells at least.
fn ids_by_header_initial(table: &Table, label: &str, c: usize) -> bool {
    let filled = filled_cells(table, c).count();
    ids_by_initial_of(label, filled_cells(table, c))
        .is_some_and(|(matched, numbers)| numbers >= 3 && 2 * matched >= filled)
}

/// Whether a column's cells are its header's word numbered (`Igel` over `Igel 1 | Igel 2`,
/// `Bird` over `Bird 1 | Bird 2`): the subjects, in whatever language the word is, two at
/// least (summary lines aside).
fn ids_repeat_their_header(table: &Table, label: &str, c: usize, notes: &[(String, String)]) -> bool {
    let word = crate::fold::lower(label.trim());
    // (Not occasions, groups or compounds numbered: `Cohort 1`, `Period 2`, `Compound 3`.)
    if word.is_empty()
        || !word.chars().all(char::is_alphabetic)
        || parameter_code(&word, None).is_some()
        || labels::is_occasion_header(label)
        || ["cohort", "arm", "group", "period", "phase", "sample", "compound", "study", "part", "panel"]
            .contains(&word.as_str())
    {
        return false;
    }
    let cells: Vec<String> =
        filled_cells(table, c).map(|t| label_marks(t, notes).0).filter(|t| stat_label(t).is_none()).collect();
    let distinct: std::collections::HashSet<&String> = cells.iter().collect();
    cells.len() >= 2
        && distinct.len() == cells.len()
        && cells.iter().all(|t| {
            let t = crate::fold::lower(t.trim());
            t.strip_prefix(&word).and_then(|rest| rest.strip_prefix(' ')).is_some_and(|n| {
                !n.is_empty()
                    && n.chars().all(|ch| ch.is_ascii_alphanumeric())
                    && n.chars().any(|ch| ch.is_ascii_digit())
            })
        })
}

/// Whether the title or caption names `kind` (a word or two, lower case) in the plural as
/// the ones studied, after `in` ("in stranded California sea lions", "in individual
/// frogs"): not what a table compares (`drug`, `group`, `function`, `model`).
fn studies_kind(table: &Table, kind: &str) -> bool {
    let words: Vec<&str> = kind.split_whitespace().collect();
    if words.is_empty() || words.len() > 2 || !words.iter().all(|w| w.chars().all(char::is_alphabetic)) {
        return false;
    }
    const NOT_ORGANISMS: &[&str] = &[
        "drug",
        "drugs",
        "compound",
        "treatment",
        "group",
        "arm",
        "product",
        "formulation",
        "regimen",
        "study",
        "analyte",
        "metabolite",
        "function",
        "class",
        "category",
        "site",
        "centre",
        "center",
        "country",
        "model",
        "method",
        "scenario",
        "region",
        "population",
        "type",
        "phase",
        "tissue",
        "organ",
    ];
    if named(kind, None).is_some()
        || !matrices_in(kind).is_empty()
        || labels::is_occasion_header(kind)
        || crate::context::has_word(kind, NOT_ORGANISMS)
    {
        return false;
    }
    let plurals = [format!("{kind}s"), format!("{kind}es")];
    [table.title.as_deref(), table.caption.as_deref()].into_iter().flatten().any(|text| {
        let lower = crate::fold::lower(text);
        let tokens: Vec<&str> = lower.split_whitespace().collect();
        tokens.iter().enumerate().filter(|(_, w)| **w == "in").any(|(i, _)| {
            let after = tokens[i + 1..tokens.len().min(i + 7)].join(" ");
            plurals.iter().any(|p| crate::context::has_word(&after, &[p.as_str()]))
        })
    })
}

/// A subject spanning its specimens' or analytes' columns (`Patient 1` over `Plasma |
/// CSF`, `Mother 2` over `Milk | Serum`): the id above a leaf that names a specimen, when
/// the id says what it counts (a subject word and its number or letter).
fn subject_over_specimens(path: &[String]) -> Option<String> {
    let [.., above, leaf] = path else { return None };
    let leaf = crate::params::split_trailing_group(leaf).0;
    // (Or over the subject's sampling times: `Patient 01-01` over `Pre-dose | EOI`.)
    if matrices_in(leaf).is_empty() && labels::time_of(leaf, None).is_none() && !is_infusion_end(leaf) {
        return None;
    }
    // (One subject, not a range of them over the times: `Cows 1-5`.)
    // (A plural word before it: `Patient 01-02` is one patient's site and number.)
    let plural = above.split_whitespace().next().is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"));
    let range = plural
        && matrices_in(leaf).is_empty()
        && above.split_whitespace().last().is_some_and(|id| {
            id.split_once(['-', '–'])
                .is_some_and(|(a, b)| a.parse::<u32>().is_ok_and(|a| b.parse::<u32>().is_ok_and(|b| b > a)))
        });
    labels::subject_id(above).filter(|id| id.split_whitespace().count() > 1 && !range)
}

/// The end of an infusion as tables label a sample taken then (`EOI`, `End of infusion`).
fn is_infusion_end(label: &str) -> bool {
    INFUSION_END.contains(&crate::fold::lower(label.trim()).as_str())
}

/// Whether a label names a specimen's chemistry, not the drug (`CSF protein (g/L)`, `Serum
/// albumin`, `CSF glucose`, `ALT (U/L)`): beside the drug's levels, no concentration of it.
fn names_chemistry(label: &str) -> bool {
    thread_local! {
        static CHEMISTRY_LABELS: crate::memo::Cache<bool> = Default::default();
    }
    crate::memo::cached(&CHEMISTRY_LABELS, label, names_chemistry_uncached)
}

fn names_chemistry_uncached(label: &str) -> bool {
    const CHEMISTRY: &[&str] = &[
        "protein",
        "proteins",
        "albumin",
        "glucose",
        "lactate",
        "creatinine",
        "urea",
        "bilirubin",
        "leukocytes",
        "leucocytes",
        "haemoglobin",
        "hemoglobin",
        // (And their abbreviations: `Hb (g/dL)`, `Hgb`, `WBC`; not `HCT`, also
        // hydrochlorothiazide's.)
        "hb",
        "hgb",
        "wbc",
        // Liver enzymes, by their abbreviations; electrolytes, inflammation, coagulation.
        "alt",
        "ast",
        "alp",
        "ggt",
        "ldh",
        "sodium",
        // (By its symbol: `Perilymph Na+ (mmol/L)`, a contamination check; not `NA`,
        // noradrenaline's or nicotinic acid's.)
        "na+",
        "potassium",
        "chloride",
        "osmolality",
        "calcium",
        "magnesium",
        "phosphate",
        "crp",
        "c-reactive",
        "inr",
        "cholesterol",
        "triglycerides",
        "haematocrit",
        "hematocrit",
        "platelets",
    ];
    crate::context::has_word(&crate::fold::lower(label), CHEMISTRY) && drug_in(label).is_none()
}

/// How long the infusion lasted, as a table's caption or footnote says it
/// ([`labels::infusion_length`]).
fn infusion_length_of(table: &Table) -> Option<String> {
    labels::infusion_length(&format!(
        "{} {}",
        table.caption.as_deref().unwrap_or_default(),
        table.footnote.as_deref().unwrap_or_default()
    ))
}

/// A sample's time around an infusion lasting `length`, labelled by the infusion
/// ([`after_infusion_end`]), or `Pre` before it (`Pre | EOI | EOI+1h` down a sample column):
/// `pre-dose`.
fn infusion_time(label: &str, length: &str) -> Option<String> {
    let l = crate::fold::lower(label.trim());
    if matches!(l.as_str(), "pre" | "pre-infusion" | "preinfusion" | "before infusion") {
        return Some("pre-dose".to_owned());
    }
    after_infusion_end(label, length)
}

/// How tables label the end of an infusion, longest first.
const INFUSION_END: &[&str] = &["end of the infusion", "end of infusion", "eoi"];

/// The time since the start of an infusion lasting `length` (`30 min`) of a sample labelled
/// at or after its end (`EOI`: `30 min`; `EOI + 1 h`: `1.5 h`).
fn after_infusion_end(label: &str, length: &str) -> Option<String> {
    let l = crate::fold::lower(label.trim());
    let rest = INFUSION_END.iter().find_map(|w| l.strip_prefix(w))?.trim();
    if rest.is_empty() {
        return Some(length.to_owned());
    }
    let hours = |t: &str| -> Option<f64> {
        let (n, unit) = t.trim().split_once(' ')?;
        let n: f64 = n.parse().ok()?;
        Some(if labels::minutes_or_hours(unit.trim())? == "h" { n } else { n / 60.0 })
    };
    let after = labels::time_of(rest.strip_prefix('+')?.trim(), None)?;
    let total = hours(length)? + hours(&after)?;
    Some(format!("{} h", (total * 1000.0).round() / 1000.0))
}

/// Whether a table's single-row headers are mostly subject ids (`1 | 2 | 3 | 4`) under
/// no other header: then each is a subject.
fn looks_subject_columns(paths: &[Vec<String>]) -> bool {
    let ids = paths.iter().filter(|p| p.len() == 1 && labels::subject_id(&p[0]).is_some()).count();
    ids >= 3
}

/// The code of a ratio of two specimens by its numerator's specimen: milk to plasma
/// `MPRATIO`, CSF `CSFPRATIO`, cord or umbilical blood (fetal) to maternal `FMRATIO`,
/// placenta `PLMRATIO`, saliva `SPRATIO`, a tissue (`Adipose/serum`, `Kp`) `TPRATIO`.
/// Another pair (`Urine/plasma`) has no code, and is no cord-to-maternal ratio.
pub(super) fn specimen_ratio_code(numerator: &str) -> Option<&'static str> {
    let m = matrices_in(numerator);
    let fetal = crate::context::has_word(&crate::fold::lower(numerator), &["fetal", "foetal", "umbilical"]);
    if m.contains(&"milk") {
        Some("MPRATIO")
    } else if m.contains(&"cerebrospinal fluid") {
        Some("CSFPRATIO")
    } else if m.contains(&"cord blood") || fetal {
        Some("FMRATIO")
    } else if m.contains(&"placenta") {
        Some("PLMRATIO")
    } else if m.contains(&"saliva") {
        Some("SPRATIO")
    } else if m.iter().copied().any(is_tissue) {
        // (A tissue's, `Kp`: the adipose, brain or muscle level over the plasma's.)
        Some("TPRATIO")
    } else {
        None
    }
}

/// Whether a specimen is a tissue (`muscle tissue`, `bone`, `skin and fat`, `synovium`), not
/// a fluid.
fn is_tissue(matrix: &str) -> bool {
    matrix.contains("tissue") || matches!(matrix, "bone" | "skin and fat" | "muscle and skin" | "synovium")
}

/// The code of a ratio of two specimens ([`specimen_ratio_code`]), a tissue's or saliva's
/// only over a blood fluid (not `Bone/muscle`, `Tumour/normal tissue`). Another site's over
/// a blood fluid (`ELF/plasma`, `BM/plasma ratio`, `AUCascites/AUCplasma`, `Bile/serum`) is
/// its penetration ratio, `PENRATIO`; not blood's own or an excretum's (`Blood/plasma`,
/// `Urine/plasma`, `Effluent/plasma`: other quantities, the blood-to-plasma ratio and the
/// sieving coefficient).
pub(super) fn specimen_pair_ratio_code(numerator: &str, denominator: &str) -> Option<&'static str> {
    const NO_SITE: &[&str] = &[
        "plasma",
        "serum",
        "blood",
        "red blood cells",
        "dried blood spot (DBS)",
        "femoral blood",
        "heart blood",
        "umbilical vein",
        "umbilical artery",
        "urine",
        "faeces",
        "dialysate",
        "effluent",
        "ultrafiltrate",
        "perfusate",
    ];
    let over_blood = || matrices_in(denominator).iter().any(|m| matches!(*m, "plasma" | "serum" | "blood"));
    match specimen_ratio_code(numerator) {
        Some(code @ ("TPRATIO" | "SPRATIO")) => over_blood().then_some(code),
        Some(code) => Some(code),
        None => {
            let sites = matrices_in(numerator);
            (over_blood() && !sites.is_empty() && sites.iter().all(|m| !NO_SITE.contains(m))).then_some("PENRATIO")
        }
    }
}

/// Whether a row's label names the doses given (`Intraventricular dose (mg/24 h)`, German
/// `Dosis`, French `posologie`, Dutch `dosering`): a dose's word and a dose's unit (a mass,
/// per body weight or time, no volume); not a time after one (`1 h post dose`, `Pre dose`).
fn names_a_dose(label: &str) -> bool {
    const WORDS: &[&str] =
        &["dose", "doses", "dosis", "dosierung", "dosage", "posologie", "dosering", "dosi", "dosagem"];
    let lower = crate::fold::lower(label);
    let unit = unit_in_label(label).and_then(|u| Unit::parse(&u).ok());
    crate::context::has_word(&lower, WORDS)
        && unit.is_some_and(|u| u.dims.mass == 1 && u.dims.volume == 0 && u.dims.body_weight <= 0)
}

/// The numerator's specimen of a ratio whose code names it (`MPRATIO` milk, `CSFPRATIO`
/// CSF, `SPRATIO` saliva, `PLMRATIO` placenta, `FMRATIO` cord blood).
fn ratio_code_specimen(code: &str) -> Option<&'static str> {
    Some(match code {
        "MPRATIO" => "milk",
        "CSFPRATIO" => "cerebrospinal fluid",
        "SPRATIO" => "saliva",
        "PLMRATIO" => "placenta",
        "FMRATIO" => "cord blood",
        _ => return None,
    })
}

/// Whether a code is a ratio of two specimens' levels (milk, CSF, cord, placenta, saliva,
/// tissue or another site over plasma): unitless, its specimen the numerator's.
pub(super) fn is_specimen_ratio(code: &str) -> bool {
    matches!(code, "MPRATIO" | "CSFPRATIO" | "FMRATIO" | "PLMRATIO" | "SPRATIO" | "TPRATIO" | "PENRATIO")
}

/// `section / stub`, either part absent.
/// Whether a group is named by its route (`IM`, `Oral (n = 12)`, `i.v.`), not merely one
/// mentioning a route (`With oral ketoconazole`).
fn names_its_route(group: &str) -> bool {
    let last = group.rsplit(" / ").next().unwrap_or(group);
    let first = last.split_whitespace().next().unwrap_or_default();
    route_of(first).is_some()
}

fn join_group(section: Option<&str>, stub: Option<&str>) -> Option<String> {
    match (section, stub) {
        (Some(s), Some(t)) => Some(format!("{s} / {t}")),
        (Some(s), None) => Some(s.to_owned()),
        (None, Some(t)) => Some(t.to_owned()),
        (None, None) => None,
    }
}

/// A group that starts with a subject section (`3b / S-citalopram`): the subject and the
/// rest.
fn split_subject(group: &str) -> Option<(String, Option<String>)> {
    let (first, rest) = match group.split_once(" / ") {
        Some((f, r)) => (f, Some(r.to_owned())),
        None => (group, None),
    };
    labels::subject_id(first).map(|id| (id, rest))
}

/// The unit a caption gives every value of its table: a unit in parentheses right after
/// "concentrations" or "levels" (`Plasma concentrations (ng/mL) of X`), or alone at its end.
/// Units a caption or footnote lists for the parameters ("Units: Cmax, ng/mL; Tmax, h;
/// AUC, ng·h/mL", "Units are Cmax (µg/L) and t1/2 (h)"), as (code, class, unit): the code
/// of the name where it has one, and its scoring class, so that `AUC` gives every area
/// its unit.
fn declared_units(text: &str, route: Option<Route>) -> DeclaredUnits {
    let lower = crate::fold::lower(text);
    let mut out = Vec::new();
    let mut only = Vec::new();
    for (at, word) in lower.match_indices("units") {
        let rest = text[at + word.len()..].trim_start();
        let Some(rest) = rest.strip_prefix(':').or_else(|| rest.strip_prefix("are ")) else { continue };
        // To the end of the sentence: a point before a space, or the end.
        let end = rest.find(". ").unwrap_or(rest.len());
        let list = rest[..end].trim_end_matches('.');
        // Units by specimen first (`vitreous and aqueous humour, Cmax µg/mL and AUC µg·h/mL;
        // retina, µg/g and µg·h/g; plasma, ng/mL and ng·h/mL`): each specimen's units for the
        // parameters named first, in their order.
        if let Some(by_specimen) = units_by_specimen(list, route) {
            only.extend(by_specimen);
            continue;
        }
        for part in list.split([';']).flat_map(|p| p.split(" and ")) {
            // Units per specimen (`Cmax, ng/mL (plasma, CSF) or ng/g (tissues)`): the
            // alternatives, each record taking its specimen's ([`unit_of_specimen`]).
            let per_specimen = without_specimen_brackets(part.trim());
            let part = per_specimen.as_deref().unwrap_or(part.trim());
            let (name, unit) = match crate::params::split_trailing_group(part) {
                (name, Some(unit)) if !name.is_empty() => (name, unit),
                // The unit follows the last comma: `Tmax,ss, h` names `Tmax,ss`.
                _ => match part.split_once(" in ").or_else(|| part.rsplit_once(',')) {
                    Some((name, unit)) => (name, unit),
                    None => continue,
                },
            };
            let (name, unit) = (name.trim().trim_end_matches(','), unit.trim());
            let alternatives = || per_specimen.is_some() && unit_alternatives(unit).is_some();
            if Unit::parse(unit).is_err() && !alternatives() {
                continue;
            }
            let code = parameter_code(name, route);
            let class = code.and_then(crate::params::class_of_code).or_else(|| crate::params::ambiguous_class(name));
            if code.is_some() || class.is_some() {
                out.push((code, class, unit.to_owned()));
            }
        }
    }
    // Units in words: "Concentrations are in mg/L, AUC in mg·h/L, CL in L/h/kg and t½ in h".
    // Per specimen where clauses name two or more ("Plasma concentrations in pg/mL and AUC
    // in pg·h/mL; CVF concentrations in ng/g and AUC in ng·h/g"): each clause's units for
    // the records of its specimen.
    let specimen_of = |clause: &str| -> Option<String> {
        let lower = crate::fold::lower(clause);
        let at = lower.find(" concentrations in ").or_else(|| lower.find(" concentration in "))?;
        let name = lower[..at].trim().trim_start_matches("all ").trim();
        (!name.is_empty() && name.split_whitespace().count() <= 3).then(|| name.to_owned())
    };
    // (Or the part's own, `Sputum concentrations are expressed in µg/g and serum
    // concentrations in µg/mL`.)
    let part_specimen = |part: &str| -> Option<String> {
        let (name, _) = part.rsplit_once(" in ")?;
        let name = crate::fold::lower(without_unit_verb(name.trim()));
        let before = name.strip_suffix(" concentrations").or_else(|| name.strip_suffix(" concentration"))?.trim();
        (!before.is_empty() && before.split_whitespace().count() <= 3 && !matrices_in(before).is_empty())
            .then(|| before.to_owned())
    };
    let clause_specimens: Vec<String> = {
        let mut found: Vec<String> = text.split([';', '.']).filter_map(specimen_of).collect();
        found.extend(text.split([';', '.']).flat_map(|c| c.split(" and ")).filter_map(part_specimen));
        found.sort();
        found.dedup();
        found
    };
    let per_specimen = clause_specimens.len() >= 2;
    // The specimens the clause before named units for (`... for plasma and ... for muscle`),
    // which a clause of units `respectively` pairs with.
    let mut specimens_before: Vec<String> = Vec::new();
    for sentence in text.split(". ") {
        let parts: Vec<(&str, String)> = sentence
            .split(';')
            .flat_map(|clause| {
                let (parts, named) = unit_parts(clause, &specimens_before);
                specimens_before = named;
                parts.into_iter().map(move |part| (clause, part))
            })
            .collect();
        for (clause, part) in &parts {
            let (clause, part) = (*clause, part.as_str());
            let scope = if per_specimen { part_specimen(part).or_else(|| specimen_of(clause)) } else { None };
            let Some((name, unit)) = part.rsplit_once(" in ") else { continue };
            let unit = unit.trim().trim_end_matches('.');
            // (A list in the caption's brackets: "PK results (concentrations in µg/mL, AUC
            // in µg·h/mL, times in h)".)
            let unit = match unit.strip_suffix(')') {
                Some(u) if !u.contains('(') => u.trim(),
                _ => unit,
            };
            let name = name.rsplit_once('(').map_or(name, |(_, n)| n);
            // Another unit for one analyte in brackets: `µg/mL (ng/mL for SN-77)`.
            let (unit, other) = match unit.split_once(" (").and_then(|(u, rest)| Some((u, rest.strip_suffix(')')?))) {
                Some((u, rest)) => match rest.split_once(" for ") {
                    Some((v, whom)) if Unit::parse(v.trim()).is_ok() => {
                        (u.trim(), Some((v.trim().to_owned(), crate::fold::lower(whom.trim()))))
                    }
                    _ => (unit, None),
                },
                None => (unit, None),
            };
            // A unit for one specimen (`µg/mL for plasma`): the records of that specimen.
            let (unit, scope) = match unit_for_specimen(unit) {
                Some((u, whom)) => (u, Some(whom)),
                None => (unit, scope),
            };
            let name = without_unit_verb(name.trim());
            // (Per gram of the tissue, said so: `µg/g wet tissue`, `µg/g wet weight`.)
            let unit = [" wet tissue", " wet weight", " wet wt", " tissue"]
                .iter()
                .find_map(|q| unit.strip_suffix(q))
                .unwrap_or(unit)
                .trim();
            // (A qualifier after the unit: `ng/mL of recovered lavage fluid, not corrected
            // for dilution`.)
            let unit = [" of ", ", "].iter().fold(unit, |u, sep| match u.split_once(sep) {
                Some((head, _)) if Unit::parse(head.trim()).is_ok() => head.trim(),
                _ => u,
            });
            // (A specimen's concentrations by a name of three words: `Nasal lavage fluid
            // concentrations`.)
            let words = name.split_whitespace().count();
            let lower_words = crate::fold::lower(name);
            let words = if lower_words.ends_with(" concentrations") || lower_words.ends_with(" concentration") {
                words - 1
            } else {
                words
            };
            if unit.contains(' ') || Unit::parse(unit).is_err() || words > 3 {
                continue;
            }
            // A specimen named alone (`Skin and liver in µg/g wet tissue; plasma in ng/mL`): the
            // unit of the concentrations in it.
            let lower_name = crate::fold::lower(name);
            // (Not a parameter in it, `sputum AUC in µg·h/g`.)
            let specimen = !matrices_in(name).is_empty()
                && !name
                    .split_whitespace()
                    .any(|w| parameter_code(w, route).is_some() || crate::params::ambiguous_class(w).is_some())
                && !lower_name.ends_with("concentrations")
                && !lower_name.ends_with("concentration");
            let scope = if specimen { Some(lower_name) } else { scope };
            let name = name.strip_prefix("All ").or_else(|| name.strip_prefix("all ")).unwrap_or(name);
            let lower = crate::fold::lower(name);
            let lower = lower.as_str();
            // "times in hours": every parameter that is a time (tmax, t½, MRT, tlag), in a
            // unit of time (not `Time in minutes`, the sampling times' column).
            let a_time = is_time_unit(unit);
            if matches!(lower, "times" | "time parameters") && a_time {
                for p in crate::params::parameters().iter().filter(|p| p.family == "time") {
                    for code in std::iter::once(p.code).chain(p.extravascular) {
                        out.push((Some(code), Some(p.class), unit.to_owned()));
                    }
                }
                continue;
            }
            // A plural (`AUCs in ng·h/mL`): what its singular names.
            let name = match name.strip_suffix('s') {
                Some(one)
                    if parameter_code(name, route).is_none() && crate::params::ambiguous_class(name).is_none() =>
                {
                    one
                }
                _ => name,
            };
            // (Per gram of a tissue or sputum is a concentration's unit already, `Sputum
            // concentrations in µg/g`; per kilogram of the specimen a clause names too, `Muscle
            // concentrations in µg/kg`, which alone reads as per body weight.)
            let per_kg_of_specimen = ["ng/kg", "µg/kg", "mg/kg"].contains(&unit);
            if specimen || lower.ends_with("concentrations") || lower.ends_with("concentration") {
                if is_concentration_unit(unit) || per_kg_of_specimen && scope.is_some() {
                    for code in ["CMAX", "CTROUGH", "CMIN", "CAVG", "CONC"] {
                        match &scope {
                            Some(whom) => only.push((
                                Some(code),
                                crate::params::class_of_code(code),
                                unit.to_owned(),
                                whom.clone(),
                            )),
                            None => out.push((Some(code), crate::params::class_of_code(code), unit.to_owned())),
                        }
                    }
                }
                continue;
            }
            // (The clause's specimen before the name again: `sputum AUC in µg·h/g`.)
            let name = match &scope {
                Some(whom) if lower.starts_with(&format!("{whom} ")) => name.get(whom.len()..).map_or(name, str::trim),
                _ => name,
            };
            let code = parameter_code(name, route);
            let class = code.and_then(crate::params::class_of_code).or_else(|| crate::params::ambiguous_class(name));
            // The unit must measure what the name does (`AUC in ng/mL` is no area's unit).
            let fits = code.and_then(|c| family_of_code(c, false)).is_none_or(|f| {
                // (Per body weight or surface area too: `CL in L/h/m²`.)
                Unit::parse(unit).is_ok_and(|u| {
                    let per_area = u.dims.area == -1 && matches!(f, Family::Clearance | Family::Volume);
                    unit_measures(&u, f) || u.dims.body_weight == -1 || per_area
                })
                // (Or per gram of a specimen its clause names: `sputum AUC in µg·h/g`.)
                || scope.is_some() && (unit.ends_with("/g") || unit.ends_with("/kg"))
            });
            if (code.is_some() || class.is_some()) && fits {
                match &scope {
                    Some(whom) => only.push((code, class, unit.to_owned(), whom.clone())),
                    None => out.push((code, class, unit.to_owned())),
                }
                if let Some((v, whom)) = other {
                    only.push((code, class, v, whom));
                }
            }
        }
    }
    (out, only)
}

/// A unit list by specimen (`vitreous humour and aqueous humour, Cmax µg/mL and AUC µg·h/mL;
/// retina–choroid, µg/g and µg·h/g; plasma, ng/mL and ng·h/mL`): each clause's specimens
/// before a comma, then its units, each after its parameter or, where the clause names none,
/// for the parameters of the clause before in order. As (code, class, unit, specimen); `None`
/// unless every clause reads so.
fn units_by_specimen(list: &str, route: Option<Route>) -> Option<Vec<ScopedUnit>> {
    let clauses: Vec<&str> = list.split(';').map(str::trim).filter(|c| !c.is_empty()).collect();
    if clauses.len() < 2 {
        return None;
    }
    let mut out = Vec::new();
    // (Each name's code, or its class alone where the name is open: `AUC`, every area.)
    let mut codes: Vec<(Option<&'static str>, Option<&'static str>)> = Vec::new();
    for clause in clauses {
        let (specimens, units) = clause.split_once(", ")?;
        let specimens: Vec<&str> = specimens.split(" and ").flat_map(|s| s.split(", ")).map(str::trim).collect();
        if specimens.iter().any(|s| matrices_in(s).is_empty() || parameter_code(s, route).is_some()) {
            return None;
        }
        let items: Vec<(&str, &str)> = units
            .split(" and ")
            .map(|item| item.trim().rsplit_once(' ').map_or(("", item.trim()), |(name, unit)| (name.trim(), unit)))
            .collect();
        if items.iter().any(|(_, unit)| Unit::parse(unit).is_err()) {
            return None;
        }
        if items.iter().all(|(name, _)| !name.is_empty()) {
            codes = items
                .iter()
                .map(|(name, _)| {
                    let code = parameter_code(name, route);
                    let class =
                        code.and_then(crate::params::class_of_code).or_else(|| crate::params::ambiguous_class(name));
                    class.map(|class| (code, Some(class)))
                })
                .collect::<Option<Vec<_>>>()?;
        } else if items.len() != codes.len() {
            return None;
        }
        for ((_, unit), (code, class)) in items.iter().zip(&codes) {
            for specimen in &specimens {
                out.push((*code, *class, (*unit).to_owned(), crate::fold::lower(specimen)));
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A unit list's part without the specimens its units are for, in brackets after each
/// (`Cmax, ng/mL (plasma, CSF) or ng/g (tissues)` is `Cmax, ng/mL or ng/g`); `None` where
/// it has none.
fn without_specimen_brackets(part: &str) -> Option<String> {
    let mut out = String::with_capacity(part.len());
    let mut rest = part;
    let mut found = false;
    while let Some(open) = rest.find(" (") {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else { break };
        let inner = &rest[open + 2..close];
        if !matrices_in(inner).is_empty() && Unit::parse(inner.trim()).is_err() {
            out.push_str(&rest[..open]);
            found = true;
        } else {
            out.push_str(&rest[..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    found.then_some(out)
}

/// A unit for one specimen (`µg/mL for plasma`, `µg/g for muscle + skin`): the unit and
/// the specimen, lower case.
fn unit_for_specimen(unit: &str) -> Option<(&str, String)> {
    let (unit, whom) = unit.split_once(" for ")?;
    (Unit::parse(unit.trim()).is_ok() && !matrices_in(whom).is_empty())
        .then(|| (unit.trim(), crate::fold::lower(whom.trim())))
}

/// A name without the verb that gives its unit (`Cmax is expressed`, `AUC0–12 is given`,
/// `Concentrations are`).
fn without_unit_verb(name: &str) -> &str {
    const VERBS: &[&str] = &[
        "are expressed",
        "is expressed",
        "were expressed",
        "are given",
        "is given",
        "are reported",
        "is reported",
        "are presented",
        "is presented",
        "are",
        "is",
    ];
    VERBS.iter().find_map(|verb| name.strip_suffix(verb)).unwrap_or(name).trim()
}

/// The parts of one clause of units in words, each `NAME in UNIT`, and the specimens the
/// clause gives units for: names listed before one unit take it (`Tmax and t½ are in
/// hours`); a unit for a specimen after the name's first repeats the name (`Cmax is expressed
/// in µg/mL for plasma and µg/g for muscle`); units listed `respectively` pair with the
/// specimens of the clause before (`AUC in µg·h/mL and µg·h/g, respectively`), and give
/// nothing where they do not pair.
fn unit_parts(clause: &str, before: &[String]) -> (Vec<String>, Vec<String>) {
    let raw: Vec<&str> =
        clause.split(',').flat_map(|p| p.split(" and ")).map(str::trim).filter(|p| !p.is_empty()).collect();
    let mut parts = Vec::new();
    if crate::fold::lower(clause).contains("respectively") {
        // (One name's units only: `Cmax and Cmin are in µg/mL and ng/mL, respectively` pairs
        // names, not specimens.)
        let Some(first) = raw.iter().position(|p| p.contains(" in ")).filter(|&f| f == 0) else {
            return (parts, Vec::new());
        };
        let Some((name, unit)) = raw[first].rsplit_once(" in ") else { return (parts, Vec::new()) };
        let units: Vec<&str> = std::iter::once(unit.trim())
            .chain(raw[first + 1..].iter().copied().filter(|p| Unit::parse(p).is_ok()))
            .collect();
        if units.len() == before.len() && units.len() >= 2 {
            parts = units.iter().zip(before).map(|(unit, whom)| format!("{name} in {unit} for {whom}")).collect();
        }
        return (parts, Vec::new());
    }
    let mut pending: Vec<&str> = Vec::new();
    let mut last_name: Option<&str> = None;
    let mut specimens = Vec::new();
    for part in raw {
        let for_specimen = |unit: &str| unit_for_specimen(unit).map(|(_, whom)| whom);
        if let Some((name, unit)) = part.rsplit_once(" in ") {
            parts.extend(pending.drain(..).map(|q| format!("{q} in {unit}")));
            specimens.extend(for_specimen(unit));
            last_name = Some(name);
            parts.push(part.to_owned());
        } else if let (Some(name), Some(whom)) = (last_name, for_specimen(part)) {
            specimens.push(whom);
            parts.push(format!("{name} in {part}"));
        } else if part.split_whitespace().count() <= 3
            && (parameter_code(part, None).is_some()
                || crate::params::ambiguous_class(part).is_some()
                || !matrices_in(part).is_empty())
        {
            pending.push(part);
        }
    }
    (parts, specimens)
}

/// Units a caption or footnote gives ([`declared_units`]): for every record of a parameter
/// (code, class, unit), and for those of one analyte, group or specimen only (code, class,
/// unit, the name, lower case).
type DeclaredUnits = (Vec<(Option<&'static str>, Option<&'static str>, String)>, Vec<ScopedUnit>);

/// A unit for the records of one analyte, group or specimen: (code, class, unit, the name,
/// lower case).
type ScopedUnit = (Option<&'static str>, Option<&'static str>, String, String);

/// The word after "concentrations of" (or "levels of") in a caption, lower case, past
/// the words that qualify it (`total`, `free`, `plasma`).
fn caption_analyte(caption: &str) -> Option<String> {
    const QUALIFIERS: &[&str] = &["the", "total", "free", "unbound", "plasma", "serum", "blood", "individual", "mean"];
    // Words before `concentrations` that say which, not of what.
    const NOT_ANALYTES: &[&str] = &[
        "steady-state",
        "trough",
        "peak",
        "maximum",
        "minimum",
        "median",
        "observed",
        "predicted",
        "drug",
        "tissue",
        "residual",
        "average",
        "serial",
        "measured",
        "sample",
        "the",
        "and",
        "of",
        "in",
        "individual",
        "total",
        "free",
        "unbound",
        "mean",
        "geometric",
        "arithmetic",
        "time",
        "concentration",
        "high",
        "low",
        "target",
        "therapeutic",
        // Who or how, before a specimen (`Maternal plasma concentrations`).
        "maternal",
        "fetal",
        "foetal",
        "umbilical",
        "cord",
        "infant",
        "neonatal",
        "whole",
        "simulated",
        "model",
    ];
    let lower = crate::fold::lower(caption);
    // The analyte before its quantity (`Individual plasma sulvanafil concentrations`), or
    // before the specimen or kind before it (`Sulvanafil plasma concentrations`, `X serum
    // levels`, `X total residues`).
    let before = ["concentrations", "concentration", "levels", "residues"].iter().find_map(|q| {
        let at = lower.find(&format!(" {q}"))?;
        let words: Vec<&str> = lower[..at]
            .split_whitespace()
            .rev()
            .take(4)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
            .collect();
        let k = words
            .iter()
            .take(3)
            .position(|w| !QUALIFIERS.contains(w) && (matrices_in(w).is_empty() || w.chars().count() < 3))?;
        let word = words[k];
        // A metabolite by its parent and conjugate (`X amine residues`, `X glucuronide
        // concentrations`).
        if let Some(metabolite) = words.get(k + 1).and_then(|parent| metabolite_in(&format!("{parent} {word}"))) {
            return Some(metabolite);
        }
        (word.chars().count() >= 3
            && word.chars().all(|c| c.is_alphabetic() || c == '-')
            && !NOT_ANALYTES.contains(&word)
            && !QUALIFIERS.contains(&word)
            && !labels::is_subject_header(word)
            && matrices_in(word).is_empty()
            && stat_label(word).is_none())
        .then(|| word.to_owned())
    });
    let after = ["concentrations of ", "concentration of ", "levels of "].iter().find_map(|phrase| {
        let at = lower.find(phrase)? + phrase.len();
        lower[at..]
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .find(|w| !QUALIFIERS.contains(w))
            .filter(|w| w.chars().count() >= 3 && w.chars().any(char::is_alphabetic))
            // Not who or what was sampled (`concentrations of patients`, `... of milk`).
            .filter(|w| !labels::is_subject_header(w) && matrices_in(w).is_empty())
            .map(str::to_owned)
    });
    after.or(before)
}

/// The values' unit alone in the table's corner (`ng/mL` over the times, beside the
/// subjects' names across): the unit of every concentration.
fn corner_unit(paths: &[Vec<String>]) -> Option<String> {
    let corner = paths.first()?.iter().rev().find(|l| !l.trim().is_empty())?.trim();
    is_concentration_unit(corner).then(|| corner.to_owned())
}

/// Words of a caption that speaks of residues, or of the tissues, milk or eggs they are in:
/// there a mass per kilogram is a concentration, not a dose per body weight.
const RESIDUE_WORDS: &[&str] = &["residue", "residues", "tissue", "tissues", "milk", "eggs", "egg"];

fn caption_unit(caption: &str) -> Option<String> {
    caption_unit_of(caption, false).or_else(|| {
        // (The values at large only with a concentration's unit: not "Values (%) are CV".)
        let values = crate::fold::lower(caption).contains("values");
        values.then(|| caption_unit_of(caption, true)).flatten().filter(|u| is_concentration_unit(u))
    })
}

/// [`caption_unit`] by the words for concentrations, or (`values`) by the word for the
/// values at large.
fn caption_unit_of(caption: &str, values: bool) -> Option<String> {
    // (The unit of the values but those whose own unit is printed: `(mg/L unless stated
    // otherwise)`, `(ng/mL, unless otherwise indicated)`.)
    let lower_caption = crate::fold::lower(caption);
    let unless = [
        "unless stated otherwise",
        "unless otherwise stated",
        "unless otherwise indicated",
        "unless otherwise noted",
        "unless indicated otherwise",
        "unless noted otherwise",
    ]
    .iter()
    .find_map(|p| lower_caption.find(p).map(|at| (at, p.len())));
    let without_unless;
    let caption = match unless {
        Some((at, len)) => {
            without_unless =
                format!("{}{}", caption[..at].trim_end().trim_end_matches(',').trim_end(), &caption[at + len..]);
            without_unless.as_str()
        }
        None => caption,
    };
    let lower = crate::fold::lower(caption);
    // (Residues in tissues are concentrations: `residues (µg/kg) in edible tissues`.)
    // (And a heparin's or an enzyme's activity measured in international units: `anti-Xa
    // activity (IU/mL)`.)
    // (Or of the table's values at large, where a note says their unit: "Values are µg/mL",
    // "All values in ng/mL".)
    let words: &[&str] = if values {
        &["values"]
    } else {
        &["concentrations", "concentration", "levels", "level", "residues", "residue", "activity", "activities"]
    };
    for &word in words {
        let activity = word.starts_with("activit");
        for (at, _) in lower.match_indices(word) {
            // (The values at large, a sentence's subject: not `Plasma values in µg/mL`, a
            // specimen's among others.)
            let before = lower[..at].trim_end();
            let before = before.strip_suffix("all").unwrap_or(before).trim_end();
            if word == "values" && !(before.is_empty() || before.ends_with(['.', ';', ':'])) {
                continue;
            }
            let rest = caption[at + word.len()..].trim_start();
            if activity {
                // (The unit first among what the brackets say: `(IU/dL, one-stage assay)`.)
                if let Some(inner) = rest
                    .strip_prefix('(')
                    .and_then(|r| r.split_once(')'))
                    .map(|(u, _)| u.split([',', ';']).next().unwrap_or(u).trim())
                    && Unit::parse(inner).is_ok_and(|u| u.dims.activity == 1)
                    && is_concentration_unit(inner)
                {
                    return Some(inner.to_owned());
                }
                continue;
            }
            // "Concentrations (ng/mL)", or the unit first among what the brackets say of the
            // values ("concentrations (µg/kg, mean ± SD, n = 6)").
            if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.split_once(')')).map(|(u, _)| u.trim())
                // (Or the unit before what it is of: `µg/kg wet tissue`, `ng/g wet weight`.)
                && let Some(unit) = [
                    inner,
                    inner.split([',', ';']).next().unwrap_or_default().trim(),
                    inner.strip_suffix(" wet tissue").or_else(|| inner.strip_suffix(" wet weight")).unwrap_or_default(),
                ]
                .into_iter()
                .find(|u| !u.is_empty() && Unit::parse(u).is_ok())
            {
                return Some(unit.to_owned());
            }
            // "Concentrations of X (ng/mL)", "concentrations of drug X in plasma (µg/mL)": the
            // analyte or specimen named between the word and its unit, in at most eight words
            // with no clause break ("concentrations of X in plasma and in milk (µg/mL)"); the
            // brackets must hold a concentration's unit.
            if let Some((between, after)) = rest.split_once('(')
                && between.split_whitespace().count() <= 8
                && !between.contains([',', ';', '.', ':', ')'])
                && let Some((inner, tail)) = after.split_once(')')
                // Not one of two specimens' units ("in plasma (ng/mL) and urine (µg/mL)"); a
                // dose in brackets after it ("(5 mg/kg)") is no second unit.
                && !tail.split_once('(').is_some_and(|(_, u)| {
                    u.split_once(')').is_some_and(|(u, _)| {
                        !u.trim_start().starts_with(|c: char| c.is_ascii_digit()) && Unit::parse(u.trim()).is_ok()
                    })
                })
                && Unit::parse(inner.trim()).is_ok()
                // (Or a mass per kilogram of tissue, milk or egg, where the caption speaks of
                // residues or of them: `residue concentrations of X (µg/kg) in the tissues`,
                // `X concentrations (µg/kg) in milk`.)
                && (is_concentration_unit(inner.trim())
                    || crate::context::has_word(&lower, RESIDUE_WORDS)
                        && Unit::parse(inner.trim()).is_ok_and(|u| u.dims.mass == 1 && u.dims.body_weight == -1))
                // A unit alone, not a value (`below the limit of quantification (0.5 ng/mL)`).
                && !inner.trim_start().starts_with(|c: char| c.is_ascii_digit())
            {
                return Some(inner.trim().to_owned());
            }
            // "Concentrations are expressed in µg/mL", "levels are given in ng/mL", "All
            // concentrations in ng/mL".
            let rest_lower = crate::fold::lower(rest);
            for verb in [
                "are expressed in ",
                "were expressed in ",
                "expressed in ",
                "are given in ",
                "are reported in ",
                "are presented in ",
                "are shown in ",
                "are in ",
                "in ",
                // (A copula: "All residue concentrations are µg/kg wet weight".)
                "are ",
            ] {
                if let Some(tail) = rest_lower.strip_prefix(verb) {
                    let unit: String = rest[rest.len() - tail.len()..]
                        .split([' ', ';', ','])
                        .next()
                        .unwrap_or_default()
                        .trim_end_matches('.')
                        .to_owned();
                    // (Not one of two specimens' units: "urine concentrations in µg/mL; plasma
                    // concentrations in ng/mL".)
                    let units_in = || {
                        let mut units: Vec<String> = caption
                            .split(" in ")
                            .skip(1)
                            .filter_map(|after| {
                                let u = after.split([' ', ';', ',']).next()?.trim_end_matches('.');
                                (Unit::parse(u).is_ok() && is_concentration_unit(u)).then(|| u.to_owned())
                            })
                            .collect();
                        units.sort();
                        units.dedup();
                        units.len()
                    };
                    // (A mass per kilogram of tissue, milk or egg where the notes speak of
                    // residues or of them, as in brackets.)
                    let residue = || {
                        crate::context::has_word(&lower, RESIDUE_WORDS)
                            && Unit::parse(&unit).is_ok_and(|u| u.dims.mass == 1 && u.dims.body_weight == -1)
                    };
                    if !unit.is_empty()
                        && Unit::parse(&unit).is_ok()
                        && (is_concentration_unit(&unit) || residue())
                        && (verb != "in " || units_in() <= 1)
                    {
                        return Some(unit);
                    }
                }
            }
            // (The values at large with what they are before their unit, in the same
            // sentence: "All values are total (protein-bound plus unbound) X in µg/mL".)
            if word == "values"
                && let Some(tail) = rest_lower.strip_prefix("are ")
            {
                let sentence = tail.split(". ").next().unwrap_or(tail);
                let words: Vec<&str> = sentence.split_whitespace().take(12).collect();
                let unit = words.windows(2).find_map(|w| {
                    let u = w[1].trim_end_matches(['.', ',', ';']);
                    (w[0] == "in" && Unit::parse(u).is_ok() && is_concentration_unit(u)).then_some(u)
                });
                if let Some(unit) = unit {
                    // (As printed: the caption's case, `µg/mL`.)
                    let at = rest.len() - tail.len() + sentence.find(unit).unwrap_or(0);
                    return Some(rest.get(at..at + unit.len()).unwrap_or(unit).to_owned());
                }
            }
        }
    }
    // (The closing brackets below are read by the words for concentrations.)
    if values {
        return None;
    }
    // The caption's closing brackets listing what its values are, the unit among them
    // ("Residue depletion of X in broilers (mean ± SD, n = 6 birds per time point;
    // µg/kg)"), where it speaks of concentrations or residues: the one unit they list.
    let says = crate::context::has_word(
        &lower,
        &["concentration", "concentrations", "level", "levels", "residue", "residues"],
    );
    let last = caption.trim_end().trim_end_matches('.').strip_suffix(')')?;
    let inner = &last[last.rfind('(')? + 1..];
    let residue = crate::context::has_word(&lower, RESIDUE_WORDS);
    let units: Vec<&str> = inner
        .split([',', ';'])
        .map(str::trim)
        .filter(|u| !u.is_empty() && !u.starts_with(|c: char| c.is_ascii_digit()))
        .filter(|u| {
            Unit::parse(u).is_ok_and(|unit| {
                is_concentration_unit(u) || residue && unit.dims.mass == 1 && unit.dims.body_weight == -1
            })
        })
        .collect();
    match units.as_slice() {
        [unit] if says && inner.contains([',', ';']) => Some((*unit).to_owned()),
        _ => None,
    }
}

/// The canonical unit and value of `value` printed in `unit_raw`, for the family
/// `family(per_kg)` names (per_kg: the unit is per kg of body weight); `(None, None)` when
/// the unit does not read, no family applies or the conversion is not safe (molar without
/// a molecular weight, another dimension).
fn canonical(
    unit_raw: Option<&str>,
    family: impl FnOnce(bool) -> Option<Family>,
    value: Option<f64>,
    molecular_weight: Option<f64>,
) -> (Option<String>, Option<f64>) {
    let Some(unit) = unit_raw.and_then(|u| Unit::parse(u).ok()) else { return (None, None) };
    let Some(family) = family(unit.dims.body_weight == -1) else { return (None, None) };
    match convert(1.0, &unit, family, molecular_weight) {
        Ok(factor) => (Some(family.canonical().to_owned()), value.map(|v| round_significant(v * factor, 12))),
        Err(_) => (None, None),
    }
}

/// A record from what a model read off a table (parameter code, cell as printed, unit as
/// printed, statistic, group), completed as the rule-based reader completes its own: the
/// cell's numbers and spread, the canonical unit and value, and the table's context (from
/// [`table_context`], computed once per table by the caller) with the group's route, dose,
/// analyte and matrix, else the one matrix the paper's title and abstract name, else the
/// curators' default (`default_specimen`) where the paper names no specimens to choose
/// from (a learned head chooses among those).
pub fn model_record(
    table: &Table,
    table_context: &TableContext,
    parameter: &str,
    value_raw: &str,
    unit_raw: Option<&str>,
    statistic: Statistic,
    group: Option<&str>,
) -> Record {
    let mut context = table_context.context.clone();
    let mut mw = table_context.molecular_weight;
    let cell = parse_cell(value_raw);
    if let Some(g) = group {
        if let Some((r, _)) = route_of(g) {
            context.route = Some(r.to_owned());
        }
        if let Some(dose) = dose_in(g) {
            context.dose = Some(dose);
        }
        if let Some(analyte) = drug_in(g) {
            context.analyte = Some(analyte.name.to_owned());
            mw = Some(analyte.molecular_weight);
        }
        if context.matrix.is_none() {
            context.matrix = matrix_of(g).map(str::to_owned);
        }
        context.group = Some(g.to_owned());
    }
    if context.matrix.is_none() {
        context.matrix = paper_matrix(table)
            .or_else(|| has_a_specimen(parameter).then(|| default_specimen(table, false)).flatten())
            .map(str::to_owned);
    }
    let (unit, value_canonical) = canonical(unit_raw, |per_kg| family_of_code(parameter, per_kg), cell.value, mw);
    // The model chose the statistic; the spread's kind follows it by convention.
    let dispersion = cell.dispersion.map(|d| {
        let kind = if d.percent || statistic == Statistic::GeometricMean && d.printed != Printed::PlusMinus {
            "CV%"
        } else {
            "SD"
        };
        Dispersion { kind: kind.to_owned(), value: d.value }
    });
    let interval = cell.interval.map(|b| {
        let kind = if statistic == Statistic::Median { "range" } else { "95% CI" };
        Interval { kind: kind.to_owned(), low: b.low.min(b.high), high: b.low.max(b.high) }
    });
    Record {
        table_id: table.id.clone(),
        parameter_raw: parameter.to_owned(),
        parameter: Some(parameter.to_owned()),
        value_raw: value_raw.trim().to_owned(),
        value: cell.value,
        statistic,
        dispersion,
        interval,
        unit_raw: unit_raw.map(str::to_owned),
        unit,
        value_canonical,
        n: cell.n,
        context,
        provenance: Provenance::default(),
        confidence: None,
        noise: None,
        review: None,
    }
}

/// A subject lettered under a subject header (`Patient` over `A | B | F`): the letter.
fn lettered_subject(path: &[String]) -> Option<&str> {
    let [.., parent, leaf] = path else { return None };
    let letter = leaf.trim();
    (labels::is_subject_header(parent) && letter.len() == 1 && letter.chars().all(|ch| ch.is_ascii_uppercase()))
        .then_some(letter)
}
