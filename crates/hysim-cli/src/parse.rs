//! `hysim parse`: tables → rule-based PK records (JSON Lines).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use hysim_core::{Record, Table};

/// Arguments of `hysim parse`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Input files: tables.jsonl (the shared format) or HTML files holding a `<table>`.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Output records file (JSON Lines, one SPEC record per line).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

fn read_tables(path: &Path) -> Result<Vec<Table>> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "jsonl" | "json" => Ok(hysim_tables::read_tables_jsonl(path)?.into_iter().map(|(_, t)| t).collect()),
        "html" | "htm" | "xhtml" => {
            let html = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            let mut table = hysim_tables::html::parse_table(&html)
                .map_err(|problem| anyhow::anyhow!("{}: {problem}", path.display()))?;
            table.id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            Ok(vec![table])
        }
        _ => bail!("{}: unsupported input (expected .jsonl tables or .html)", path.display()),
    }
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let mut tables = Vec::new();
    for path in &args.inputs {
        tables.extend(read_tables(path)?);
    }
    let mut records: Vec<Record> = Vec::new();
    let mut pk_tables = 0;
    for table in &tables {
        let found = hysim_tables::table_records(table);
        if !found.is_empty() {
            pk_tables += 1;
        }
        records.extend(found);
    }
    Record::write_jsonl(&args.out, &records)?;
    let mut by_code: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &records {
        *by_code.entry(r.parameter.as_deref().unwrap_or("-")).or_default() += 1;
    }
    let converted = records.iter().filter(|r| r.value_canonical.is_some()).count();
    let counts: Vec<String> = by_code.iter().map(|(k, v)| format!("{k} {v}")).collect();
    let summary = format!(
        "{} tables ({} with PK parameters) -> {} records in {} ({} converted to canonical units): {}",
        tables.len(),
        pk_tables,
        records.len(),
        args.out.display(),
        converted,
        counts.join(", ")
    );
    #[allow(clippy::print_stdout, reason = "the summary is the command's output")]
    {
        println!("{summary}");
    }
    Ok(())
}
