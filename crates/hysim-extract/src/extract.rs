//! Extraction from table files with a model folder: which tables of the inputs are
//! extracted ([`Selection`]), and the records of either system written to one atomic
//! output, the encoder extractor streaming its input a batch of tables at a time.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use hysim_core::{ModelDir, Record, Shard, Table};
use hysim_nn::tch::Device;

use crate::card::ModelCard;
use crate::decoder::DecodeOptions;
use crate::encoder::EncoderExtractor;
use crate::progress::Progress;
use crate::settings::System;
use crate::{Error, Result};

/// Which tables of the inputs are extracted: those of the given papers (all without a
/// list), and of them one shard (table k of the kept ones belongs to shard k mod N + 1).
#[derive(Debug, Clone, Default)]
pub struct Selection {
    papers: Option<HashSet<String>>,
    shard: Shard,
    read: usize,
    kept: usize,
    chosen: usize,
}

impl Selection {
    /// Tables of `papers` (a table's paper is its id up to the first `:`; `None`: every
    /// paper) in `shard`.
    pub fn new(papers: Option<HashSet<String>>, shard: Shard) -> Self {
        Self { papers, shard, ..Self::default() }
    }

    /// Whether `table`, the next table of the inputs, is extracted.
    pub fn keep(&mut self, table: &Table) -> bool {
        self.read += 1;
        if let Some(papers) = &self.papers
            && !papers.contains(table.id.split(':').next().unwrap_or_default())
        {
            return false;
        }
        self.kept += 1;
        let chosen = self.shard.holds(self.kept - 1);
        self.chosen += usize::from(chosen);
        chosen
    }

    /// Tables chosen so far.
    pub fn chosen(&self) -> usize {
        self.chosen
    }

    /// Logs how many tables the paper filter kept.
    pub fn log(&self) {
        if let Some(papers) = &self.papers {
            tracing::info!(
                kept = self.kept,
                of = self.read,
                papers = papers.len(),
                "tables of papers with gold values"
            );
        }
    }
}

/// What [`extract`] did.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// Records written.
    pub records: usize,
    /// Which system wrote them, and how (the decoder's checkpoint, tables cut).
    pub used: String,
}

/// Extracts the selected tables of `inputs` with `system` of `model` into `out` (JSON
/// Lines, renamed into place once every table is done). The encoder extractor reads a
/// `tables.jsonl` in chunks and extracts `options.batch_size` tables at a time, holding one
/// chunk and one batch whatever the corpus size; the decoder orders a corpus's prompts by
/// length, so it reads its whole selection first.
#[allow(clippy::too_many_arguments, reason = "one extraction's inputs, each used once")]
pub fn extract(
    model: &ModelDir,
    system: System,
    inputs: &[PathBuf],
    selection: &mut Selection,
    device: Device,
    options: DecodeOptions,
    out: &Path,
    progress: &dyn Progress,
) -> Result<Extraction> {
    match system {
        System::Encoder => {
            let extractor = EncoderExtractor::load(model, device)?;
            let records = encoder_to_file(&extractor, inputs, selection, options.batch_size, out, progress)?;
            Ok(Extraction { records, used: "encoder extractor".to_owned() })
        }
        System::Decoder => {
            let card = ModelCard::read(model)?;
            let mut tables = Vec::new();
            for path in inputs {
                for chunk in hysim_tables::table_chunks(path, 256)? {
                    tables.extend(chunk?.into_iter().filter(|t| selection.keep(t)));
                }
            }
            let chosen: Vec<&Table> = tables.iter().collect();
            let (records, used) = crate::decoder::records(model, &card, &chosen, device, options, progress)?;
            Record::write_jsonl(out, &records)?;
            Ok(Extraction { records: records.len(), used })
        }
    }
}

/// Writes the encoder extractor's records of the selected tables of `inputs` to `out`,
/// `batch` tables at a time. Returns the number of records.
fn encoder_to_file(
    extractor: &EncoderExtractor,
    inputs: &[PathBuf],
    selection: &mut Selection,
    batch: usize,
    out: &Path,
    progress: &dyn Progress,
) -> Result<usize> {
    // Progress counts the tables read: a tables.jsonl's non-blank lines are counted first
    // (one pass without parsing), another file's tables once it is read.
    let mut lines = Vec::with_capacity(inputs.len());
    for path in inputs {
        let jsonl = hysim_tables::is_jsonl_file(path);
        lines.push(if jsonl { Some(hysim_tables::count_tables_jsonl(path)?) } else { None });
    }
    progress.start(lines.iter().flatten().sum::<u64>() as usize, "tables", "extracting");
    let mut written = 0;
    // An extraction or input error is kept here and reported as itself, not as a write error.
    let mut failed: Option<Error> = None;
    let batch = batch.max(1);
    let result = hysim_core::io::atomic_write(out, |file| {
        let mut fail = |e: Error| {
            failed = Some(e);
            std::io::Error::other("extraction failed")
        };
        let mut pending: Vec<Table> = Vec::new();
        let write_error = |source| Error::Core(hysim_core::Error::Write { path: out.to_path_buf(), source });
        let mut extract = |tables: &[Table], file: &mut dyn Write| -> Result<()> {
            let refs: Vec<&Table> = tables.iter().collect();
            for record in &extractor.records(&refs)? {
                let line = serde_json::to_string(record).expect("invariant: a record serialises");
                writeln!(file, "{line}").map_err(write_error)?;
                written += 1;
            }
            Ok(())
        };
        for (path, counted) in inputs.iter().zip(&lines) {
            for chunk in hysim_tables::table_chunks(path, batch).map_err(|e| fail(e.into()))? {
                let chunk = chunk.map_err(|e| fail(e.into()))?;
                if counted.is_none() {
                    progress.grow(chunk.len());
                }
                progress.advance(chunk.len());
                pending.extend(chunk.into_iter().filter(|t| selection.keep(t)));
                while pending.len() >= batch {
                    let rest = pending.split_off(batch);
                    extract(&pending, file).map_err(&mut fail)?;
                    pending = rest;
                }
            }
        }
        extract(&pending, file).map_err(&mut fail)
    });
    progress.finish();
    match (result, failed) {
        (_, Some(e)) => Err(e),
        (Err(e), None) => Err(e.into()),
        (Ok(()), None) => Ok(written),
    }
}
