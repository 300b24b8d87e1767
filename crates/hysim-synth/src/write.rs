//! Writing a corpus: `tables.jsonl` (the shared tables format with `table_id`),
//! `gold.jsonl` (SPEC records), `manifest.json`, and on request the same tables as JATS
//! XML (`jats/tables.xml`), AutoPK-style CSV (`csv/<pmid>.csv`), Markdown
//! (`md/<pmid>.md`) and an XLSX workbook with one sheet per table (`tables.xlsx`). Every
//! file is written to a temporary name and renamed into place.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::str::FromStr;

use hysim_core::Record;
use hysim_core::io::{atomic_write, write_json};
use serde::Serialize;

use crate::render::{SynthTable, to_html};
use crate::{Config, Error, Item, Result};

/// An extra output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// One JATS XML file with a `<table-wrap>` per table.
    Jats,
    /// One AutoPK-style CSV per table (`^`-joined headers, caption and id columns).
    Csv,
    /// One Markdown file per table (caption, pipe table, footnote).
    Md,
    /// One workbook, a sheet per table in AutoPK's layout.
    Xlsx,
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        Ok(match s.trim().to_lowercase().as_str() {
            "jats" | "xml" => Format::Jats,
            "csv" => Format::Csv,
            "md" | "markdown" => Format::Md,
            "xlsx" => Format::Xlsx,
            _ => return Err(Error::UnknownFormat { name: s.to_owned() }),
        })
    }
}

/// `manifest.json`: the settings and what came out.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    /// `hysim-synth`.
    pub generator: &'static str,
    /// The crate version.
    pub version: &'static str,
    /// Tables asked for.
    pub n: usize,
    /// Seed.
    pub seed: u64,
    /// Profile name.
    pub profile: String,
    /// Noise rates by kind.
    pub noise: BTreeMap<String, f64>,
    /// Extra formats written.
    pub formats: Vec<Format>,
    /// Tables written.
    pub tables: usize,
    /// Gold records written.
    pub records: usize,
    /// Tables by house style.
    pub tables_by_profile: BTreeMap<String, usize>,
    /// Tables by layout.
    pub tables_by_layout: BTreeMap<String, usize>,
    /// Tables with a noise flag, by kind.
    pub noisy_tables: BTreeMap<String, usize>,
    /// Gold records with a noise flag, by kind.
    pub noisy_records: BTreeMap<String, usize>,
    /// Distinct drugs and species in the corpus.
    pub distinct_drugs: usize,
    /// Distinct species.
    pub distinct_species: usize,
}

#[derive(Serialize)]
struct TableLineOut<'a> {
    pmid: &'a str,
    table_index: u32,
    table_id: &'a str,
    caption: Option<&'a str>,
    footnote: Option<&'a str>,
    title: &'a str,
    #[serde(rename = "abstract")]
    abstract_text: &'a str,
    table_html: String,
    profile: String,
    layout: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    noise: Option<&'a str>,
}

/// Writes `items` (generated with `cfg`) into `dir`; returns the manifest.
pub fn write_corpus(dir: &Path, cfg: &Config, items: &[Item], formats: &[Format]) -> Result<Manifest> {
    atomic_write(&dir.join("tables.jsonl"), |out| {
        for item in items {
            let t = &item.table;
            let line = TableLineOut {
                pmid: &item.pmid,
                table_index: 1,
                table_id: &t.table.id,
                caption: t.table.caption.as_deref(),
                footnote: t.table.footnote.as_deref(),
                title: &t.title,
                abstract_text: &t.abstract_text,
                table_html: to_html(t),
                profile: item.profile.to_string(),
                layout: t.layout.name(),
                noise: item.noise.as_deref(),
            };
            serde_json::to_writer(&mut *out, &line).map_err(std::io::Error::other)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })?;
    let gold: Vec<&Record> = items.iter().flat_map(|i| &i.table.gold).collect();
    hysim_core::io::write_jsonl(&dir.join("gold.jsonl"), gold.iter().copied())?;
    for format in formats {
        match format {
            Format::Jats => write_jats(&dir.join("jats").join("tables.xml"), items)?,
            Format::Csv => {
                for item in items {
                    let path = dir.join("csv").join(format!("{}.csv", item.pmid));
                    atomic_write(&path, |out| out.write_all(autopk_csv(&item.table).as_bytes()))?;
                }
            }
            Format::Md => {
                for item in items {
                    let path = dir.join("md").join(format!("{}.md", item.pmid));
                    atomic_write(&path, |out| out.write_all(markdown(&item.table).as_bytes()))?;
                }
            }
            Format::Xlsx => write_xlsx(&dir.join("tables.xlsx"), items)?,
        }
    }
    let count = |f: &dyn Fn(&Item) -> Option<String>| {
        let mut m = BTreeMap::new();
        for item in items {
            if let Some(k) = f(item) {
                *m.entry(k).or_insert(0) += 1;
            }
        }
        m
    };
    let mut noisy_records = BTreeMap::new();
    for r in &gold {
        if let Some(k) = &r.noise {
            *noisy_records.entry(k.clone()).or_insert(0) += 1;
        }
    }
    let distinct = |f: &dyn Fn(&Record) -> Option<&String>| {
        let mut v: Vec<&String> = gold.iter().filter_map(|r| f(r)).collect();
        v.sort();
        v.dedup();
        v.len()
    };
    let manifest = Manifest {
        generator: "hysim-synth",
        version: env!("CARGO_PKG_VERSION"),
        n: cfg.n,
        seed: cfg.seed,
        profile: cfg.profile.to_string(),
        noise: cfg.noise.rates.clone(),
        formats: formats.to_vec(),
        tables: items.len(),
        records: gold.len(),
        tables_by_profile: count(&|i| Some(i.profile.to_string())),
        tables_by_layout: count(&|i| Some(i.table.layout.name().to_owned())),
        noisy_tables: count(&|i| i.noise.clone()),
        noisy_records,
        distinct_drugs: distinct(&|r| r.context.drug.as_ref()),
        distinct_species: distinct(&|r| r.context.species.as_ref()),
    };
    write_json(&dir.join("manifest.json"), &manifest)?;
    Ok(manifest)
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn write_jats(path: &Path, items: &[Item]) -> Result<()> {
    atomic_write(path, |out| {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(out, "<article article-type=\"research-article\"><body>")?;
        for item in items {
            let t = &item.table;
            let (label, caption) = split_label(t.table.caption.as_deref().unwrap_or(""));
            write!(out, "<table-wrap id=\"{}\" position=\"float\">", xml_escape(&t.table.id))?;
            if !label.is_empty() {
                write!(out, "<label>{}</label>", xml_escape(label))?;
            }
            write!(out, "<caption><p>{}</p></caption>", xml_escape(caption))?;
            write!(out, "{}", to_html(t).replace("&plusmn;", "±").replace("&nbsp;", " ").replace("<br/>", "<break/>"))?;
            if let Some(foot) = &t.table.footnote {
                write!(out, "<table-wrap-foot><fn><p>{}</p></fn></table-wrap-foot>", xml_escape(foot))?;
            }
            writeln!(out, "</table-wrap>")?;
        }
        writeln!(out, "</body></article>")
    })?;
    Ok(())
}

/// `"Table 2. Text"` → `("Table 2", "Text")`.
fn split_label(caption: &str) -> (&str, &str) {
    if caption.starts_with("Table ")
        && let Some(i) = caption.find(['.', ':'])
    {
        return (&caption[..i], caption[i + 1..].trim_start());
    }
    ("", caption)
}

/// The header of each column with its levels joined by `^`, as AutoPK's sheets hold them.
fn joined_headers(t: &SynthTable) -> Vec<String> {
    (0..t.table.n_cols())
        .map(|c| {
            let path = t.table.header_path(c);
            path.join("^")
        })
        .collect()
}

fn autopk_csv(t: &SynthTable) -> String {
    let mut w = String::new();
    let field = |s: &str| {
        if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() }
    };
    let mut header: Vec<String> = joined_headers(t);
    header.extend(["caption".to_owned(), "footnote".to_owned(), "table_id".to_owned()]);
    w.push_str(&header.iter().map(|h| field(h)).collect::<Vec<_>>().join(","));
    w.push('\n');
    for (k, row) in t.table.body_rows.iter().enumerate() {
        let mut cells: Vec<String> = row.iter().map(|c| field(c)).collect();
        let meta = |s: Option<&str>| if k == 0 { field(s.unwrap_or("")) } else { String::new() };
        cells.push(meta(t.table.caption.as_deref()));
        cells.push(meta(t.table.footnote.as_deref()));
        cells.push(meta(Some(&t.table.id)));
        w.push_str(&cells.join(","));
        w.push('\n');
    }
    w
}

fn markdown(t: &SynthTable) -> String {
    let pipe = |cells: &[String]| {
        format!("| {} |\n", cells.iter().map(|c| c.replace('|', "/")).collect::<Vec<_>>().join(" | "))
    };
    let mut s = String::new();
    if let Some(c) = &t.table.caption {
        s.push_str(c);
        s.push_str("\n\n");
    }
    let header: Vec<String> = (0..t.table.n_cols()).map(|c| t.table.header_path(c).join(" ")).collect();
    s.push_str(&pipe(&header));
    s.push_str(&pipe(&vec!["---".to_owned(); header.len()]));
    for row in &t.table.body_rows {
        s.push_str(&pipe(row));
    }
    if let Some(f) = &t.table.footnote {
        s.push('\n');
        s.push_str(f);
        s.push('\n');
    }
    s
}

fn write_xlsx(path: &Path, items: &[Item]) -> Result<()> {
    let xlsx_err = |source| Error::Xlsx { path: path.to_path_buf(), source };
    let mut workbook = rust_xlsxwriter::Workbook::new();
    // A fixed creation time: the same corpus gives the same bytes.
    let epoch = rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1).map_err(xlsx_err)?;
    workbook.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&epoch));
    for item in items {
        let t = &item.table;
        let sheet = workbook.add_worksheet();
        sheet.set_name(&item.pmid).map_err(xlsx_err)?;
        let mut header = joined_headers(t);
        header.extend(["caption".to_owned(), "footnote".to_owned(), "table_id".to_owned()]);
        for (c, h) in header.iter().enumerate() {
            sheet.write_string(0, c as u16, h).map_err(xlsx_err)?;
        }
        let n_cols = t.table.n_cols();
        for (r, row) in t.table.body_rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                sheet.write_string(r as u32 + 1, c as u16, cell).map_err(xlsx_err)?;
            }
        }
        let meta = [t.table.caption.as_deref().unwrap_or(""), t.table.footnote.as_deref().unwrap_or(""), &t.table.id];
        for (k, value) in meta.iter().enumerate() {
            sheet.write_string(1, (n_cols + k) as u16, *value).map_err(xlsx_err)?;
        }
    }
    let bytes = workbook.save_to_buffer().map_err(xlsx_err)?;
    atomic_write(path, |out| out.write_all(&bytes))?;
    Ok(())
}
