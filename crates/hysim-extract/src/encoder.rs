//! The encoder extractor (the fast path of `hysim train` and `hysim extract`): the
//! rule-based parser proposes candidate records (table structure, values, units, context),
//! a frozen sentence encoder embeds each candidate's text, and trained heads decide
//! whether it is a PK result, which parameter it reports and with which statistic, with
//! the head's probability as the record's confidence (that the candidate is a PK result
//! where the parser named its parameter, that the head's code is right where it did not).
//! A context head decides the matrix of a record that no table text names where the
//! paper's title and abstract name several (plasma or urine?), among those they name: the
//! matrix is read, the head only chooses which reading applies.
//!
//! Labels come from the gold records of the source tables: a candidate at the cell of a
//! gold record takes its parameter code and statistic; a candidate at no gold cell is
//! `none`. The loss of every candidate is weighted by its table's HySim weight.
//!
//! The encoder embeds in bfloat16 on a CPU that computes it natively (`[encoder] dtype =
//! "auto"`; about twice as fast with AVX512-BF16) and in float32 on a GPU, where bfloat16
//! was measured slower for a model this small (`DType::inference_on`); extraction uses the
//! precision the heads were trained on where `inference_on` allows it, float32 otherwise.
//! [`EncoderExtractor`] works on any slice of tables, so `hysim extract` streams a corpus through it in batches.

use std::collections::HashMap;
use std::path::PathBuf;

use hysim_core::{ModelDir, Record, Statistic, Table};
use hysim_embed::{Cache, EmbedOptions, Encoder};
use hysim_finetune::{Heads, HeadsReport, IGNORE, most_probable};
use hysim_nn::DType;
use hysim_nn::tch::Device;
use serde::{Deserialize, Serialize};

use crate::settings::EncoderSettings;
use crate::{Error, Result};

/// `encoder/encoder.json` of a model folder: the sentence encoder, the heads' shape and
/// classes, and their training reports.
#[derive(Debug, Serialize, Deserialize)]
struct EncoderCard {
    model_dir: PathBuf,
    dim: usize,
    hidden: usize,
    /// Classes of the parameter head: codes, then `none` (not a PK result).
    codes: Vec<String>,
    /// Classes of the statistic head.
    statistics: Vec<String>,
    /// The precision the training candidates were embedded in (`f32` when absent: folders
    /// written before it was recorded).
    #[serde(default = "f32_name")]
    dtype: String,
    report: HeadsReport,
    /// Classes of the context head (the training records' matrices); empty when the
    /// training records named fewer than two (folders written before it had none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    matrices: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    matrix_report: Option<HeadsReport>,
}

fn f32_name() -> String {
    DType::F32.to_string()
}

const NONE: &str = "none";

/// Embeds texts with the encoder, through `cache` when given.
fn embed(encoder: &Encoder, texts: &[String], cache: Option<&mut Cache>) -> Result<Vec<f32>> {
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    Ok(encoder.embed(&refs, &EmbedOptions::default(), cache)?.0)
}

/// Embeds texts through the shared embedding cache (training: the same source candidates
/// recur across runs and experiment variants).
fn embed_cached(encoder: &Encoder, texts: &[String]) -> Result<Vec<f32>> {
    let mut cache = Cache::open(&hysim_core::cache::cache_dir().join("embeddings"), encoder.id())?;
    let rows = embed(encoder, texts, Some(&mut cache))?;
    cache.flush()?;
    Ok(rows)
}

/// Candidates of each table, with the labels their gold records give.
fn labelled(tables: &[&Table], gold: &HashMap<&str, Vec<Record>>) -> Vec<(Record, Option<Record>)> {
    let mut out = Vec::new();
    for (table, candidates) in tables.iter().zip(candidates_by_table(tables)) {
        let cells: HashMap<(u32, u32), &Record> = gold
            .get(table.id.as_str())
            .map(|g| g.iter().filter_map(|r| Some(((r.provenance.row?, r.provenance.col?), r))).collect())
            .unwrap_or_default();
        for c in candidates {
            let cell = c.provenance.row.zip(c.provenance.col);
            let g = cell.and_then(|cell| cells.get(&cell)).map(|r| (*r).clone());
            out.push((c, g));
        }
    }
    out
}

/// The parser's candidate records of each table, in the tables' order.
fn candidates_by_table(tables: &[&Table]) -> Vec<Vec<Record>> {
    hysim_tables::tables_records(&tables.iter().map(|t| (*t).clone()).collect::<Vec<_>>())
}

/// Trains the heads on `train` tables (and picks the epoch on `val` tables), each
/// candidate's loss weighted by `weights` of its table id; writes the encoder extractor
/// into `out`. Returns a summary line.
pub fn train(
    cfg: &EncoderSettings,
    train: &[&Table],
    val: &[&Table],
    gold: &HashMap<&str, Vec<Record>>,
    weights: &dyn Fn(&str) -> f64,
    device: Device,
    out: &ModelDir,
) -> Result<String> {
    let started = std::time::Instant::now();
    let dir = cfg.model_dir();
    let dtype = cfg.precision(device)?;
    let encoder = Encoder::load(&dir, device, dtype)?;
    let train_rows = labelled(train, gold);
    let val_rows = labelled(val, gold);
    if train_rows.is_empty() {
        return Err(Error::NoTrainingData {
            reason: "the encoder extractor has no candidate: the parser found no value in the source tables".to_owned(),
        });
    }
    let mut codes: Vec<String> =
        train_rows.iter().filter_map(|(_, g)| g.as_ref().and_then(|g| g.parameter.clone())).collect();
    codes.sort();
    codes.dedup();
    codes.push(NONE.to_owned());
    let statistics: Vec<String> = Statistic::ALL.iter().map(|s| s.as_str().to_owned()).collect();
    let label = |rows: &[(Record, Option<Record>)]| -> Vec<Vec<i64>> {
        let code = |g: &Option<Record>| -> i64 {
            match g {
                None => (codes.len() - 1) as i64,
                Some(g) => {
                    g.parameter.as_ref().and_then(|p| codes.iter().position(|c| c == p)).map_or(IGNORE, |k| k as i64)
                }
            }
        };
        let stat = |g: &Option<Record>| -> i64 {
            g.as_ref()
                .and_then(|g| statistics.iter().position(|s| s == g.statistic.as_str()))
                .map_or(IGNORE, |k| k as i64)
        };
        vec![rows.iter().map(|(_, g)| code(g)).collect(), rows.iter().map(|(_, g)| stat(g)).collect()]
    };
    let texts = |rows: &[(Record, Option<Record>)]| -> Vec<String> {
        rows.iter().map(|(c, _)| hysim_text::record_text(c)).collect()
    };
    let xs = embed_cached(&encoder, &texts(&train_rows))?;
    let labels = label(&train_rows);
    let w: Vec<f32> = train_rows.iter().map(|(c, _)| weights(&c.table_id) as f32).collect();
    let vx = if val_rows.is_empty() { Vec::new() } else { embed_cached(&encoder, &texts(&val_rows))? };
    let vl = label(&val_rows);
    let mut heads =
        Heads::new(device, encoder.dim(), &[codes.len(), statistics.len()], cfg.heads.hidden, cfg.heads.seed);
    let val = (!val_rows.is_empty()).then_some((vx.as_slice(), vl.as_slice()));
    let report = heads.fit(&xs, &labels, &w, val, &cfg.heads)?;
    let folder = out.encoder();
    std::fs::create_dir_all(&folder).map_err(|source| Error::CreateDir { path: folder.clone(), source })?;
    heads.save(&out.encoder_heads())?;
    let matrix_head = train_matrix_head(cfg, &encoder, &train_rows, &val_rows, weights, device)?;
    let mut summary = format!(
        "encoder extractor: {} training and {} validation candidates ({dtype} embeddings), {} parameter classes, {} epochs, validation accuracy {} (epoch {})",
        train_rows.len(),
        val_rows.len(),
        codes.len(),
        report.epochs,
        report.val_accuracy.iter().map(|a| format!("{a:.3}")).collect::<Vec<_>>().join(" / "),
        report.best_epoch,
    );
    let (matrices, matrix_report) = match matrix_head {
        Some(trained) => {
            trained.heads.save(&out.matrix_head())?;
            summary.push_str(&format!(
                "; matrix head: {} training candidates with their matrix hidden, {} matrices, validation accuracy {}",
                trained.rows,
                trained.matrices.len(),
                trained
                    .report
                    .val_accuracy
                    .first()
                    .map_or_else(|| "- (no validation matrix)".to_owned(), |a| format!("{a:.3}"))
            ));
            (trained.matrices, Some(trained.report))
        }
        None => {
            summary.push_str("; no matrix head (the training records name fewer than two matrices)");
            (Vec::new(), None)
        }
    };
    summary.push_str(&format!(" in {:.1} s", started.elapsed().as_secs_f64()));
    let meta = EncoderCard {
        model_dir: dir,
        dim: encoder.dim(),
        hidden: cfg.heads.hidden,
        codes,
        statistics,
        dtype: dtype.to_string(),
        report,
        matrices,
        matrix_report,
    };
    hysim_core::io::write_json(&out.encoder_meta(), &meta)?;
    Ok(summary)
}

/// A trained context head: which matrix a record that names none was sampled in.
struct MatrixHead {
    heads: Heads,
    matrices: Vec<String>,
    rows: usize,
    report: HeadsReport,
}

/// The candidates of gold records that name a matrix, as the head sees them at extraction:
/// with no matrix, and the matrix's class. A candidate whose label or group names a matrix
/// (a `Urine` column) is left out: the parser takes that one, and the head is never asked.
fn hidden_matrix_rows(rows: &[(Record, Option<Record>)], matrices: &[String]) -> (Vec<String>, Vec<i64>, Vec<usize>) {
    let mut texts = Vec::new();
    let mut labels = Vec::new();
    let mut index = Vec::new();
    for (i, (c, g)) in rows.iter().enumerate() {
        let Some(k) =
            g.as_ref().and_then(|g| g.context.matrix.as_ref()).and_then(|m| matrices.iter().position(|x| x == m))
        else {
            continue;
        };
        let mut hidden = c.clone();
        hidden.context.matrix = None;
        let text = hysim_text::record_text(&hidden);
        if !hysim_tables::matrices_in(&text).is_empty() {
            continue;
        }
        texts.push(text);
        labels.push(k as i64);
        index.push(i);
    }
    (texts, labels, index)
}

/// Trains the context head on the training candidates with their matrix hidden, the same
/// weighted loss and head settings as the other heads, on its own hidden layer (the
/// parameter and statistic heads train exactly as without it). `None` when the training
/// records name fewer than two matrices: there is nothing to choose between.
fn train_matrix_head(
    cfg: &EncoderSettings,
    encoder: &Encoder,
    train_rows: &[(Record, Option<Record>)],
    val_rows: &[(Record, Option<Record>)],
    weights: &dyn Fn(&str) -> f64,
    device: Device,
) -> Result<Option<MatrixHead>> {
    let mut matrices: Vec<String> =
        train_rows.iter().filter_map(|(_, g)| g.as_ref().and_then(|g| g.context.matrix.clone())).collect();
    matrices.sort();
    matrices.dedup();
    if matrices.len() < 2 {
        return Ok(None);
    }
    let (texts, labels, index) = hidden_matrix_rows(train_rows, &matrices);
    let xs = embed_cached(encoder, &texts)?;
    let w: Vec<f32> = index.iter().map(|&i| weights(&train_rows[i].0.table_id) as f32).collect();
    let (val_texts, val_labels, _) = hidden_matrix_rows(val_rows, &matrices);
    let vx = if val_texts.is_empty() { Vec::new() } else { embed_cached(encoder, &val_texts)? };
    let vl = vec![val_labels];
    let val = (!val_texts.is_empty()).then_some((vx.as_slice(), vl.as_slice()));
    let mut heads = Heads::new(device, encoder.dim(), &[matrices.len()], cfg.heads.hidden, cfg.heads.seed);
    let report = heads.fit(&xs, &[labels], &w, val, &cfg.heads)?;
    Ok(Some(MatrixHead { heads, matrices, rows: texts.len(), report }))
}

/// The encoder extractor of a model folder, loaded once to extract from any number of tables.
pub struct EncoderExtractor {
    meta: EncoderCard,
    encoder: Encoder,
    heads: Heads,
    matrix_head: Option<Heads>,
}

impl EncoderExtractor {
    /// Loads the encoder extractor of `model` onto `device`: the embeddings are computed
    /// in the precision the heads were trained on where `DType::inference_on` allows it,
    /// else in float32.
    pub fn load(model: &ModelDir, device: Device) -> Result<Self> {
        let folder = model.encoder();
        if !model.has_encoder() {
            return Err(Error::ModelDir {
                dir: model.root().to_path_buf(),
                problem: "holds no encoder extractor".to_owned(),
            });
        }
        let meta: EncoderCard = hysim_core::io::read_json(&model.encoder_meta())?;
        let trained = meta.dtype.parse::<DType>().map_err(|e| Error::ModelDir {
            dir: model.root().to_path_buf(),
            problem: format!("{}: {e}", model.encoder_meta().display()),
        })?;
        let encoder = Encoder::load(&meta.model_dir, device, trained.inference_on(device))?;
        if encoder.dim() != meta.dim {
            return Err(Error::ModelDir {
                dir: folder,
                problem: format!(
                    "the heads take {}-wide embeddings, {} gives {}",
                    meta.dim,
                    meta.model_dir.display(),
                    encoder.dim()
                ),
            });
        }
        let heads = Heads::load(
            &model.encoder_heads(),
            device,
            meta.dim,
            &[meta.codes.len(), meta.statistics.len()],
            meta.hidden,
        )?;
        let matrix_head = if meta.matrices.is_empty() {
            None
        } else {
            Some(Heads::load(&model.matrix_head(), device, meta.dim, &[meta.matrices.len()], meta.hidden)?)
        };
        Ok(Self { meta, encoder, heads, matrix_head })
    }

    /// Records of `tables`. Candidates are embedded without the embedding cache: a corpus
    /// extracted once would only fill it (and every later cache opening reads it whole).
    pub fn records(&self, tables: &[&Table]) -> Result<Vec<Record>> {
        let meta = &self.meta;
        let per_table = candidates_by_table(tables);
        // The table of each candidate by position: ids need not be unique across inputs.
        let owners: Vec<usize> =
            per_table.iter().enumerate().flat_map(|(k, c)| std::iter::repeat_n(k, c.len())).collect();
        let candidates: Vec<Record> = per_table.into_iter().flatten().collect();
        if candidates.is_empty() {
            return Ok(Vec::new());
        }
        let texts: Vec<String> = candidates.iter().map(hysim_text::record_text).collect();
        let xs = embed(&self.encoder, &texts, None)?;
        let probabilities = self.heads.probabilities(&xs)?;
        let matrices = self.matrices(tables, &owners, &candidates, &xs)?;
        let none = meta.codes.iter().position(|c| c == NONE);
        let mut out = Vec::new();
        for ((mut record, heads), matrix) in candidates.into_iter().zip(probabilities).zip(matrices) {
            if record.context.matrix.is_none() {
                record.context.matrix = matrix;
            }
            // The head names the parameter only where the parser could not; where both do and
            // disagree, the parser's reading of the header (and its unit family) stands. The
            // confidence is what the record rests on: with the parser's code, that the cell is
            // a PK result at all (1 - p(none)); with the head's code, that code's probability.
            // A head's code must measure what the record's unit measures: "L/kg" is no
            // clearance. Without a code of that quantity among the head's classes, the record
            // keeps no code, with the probability that it is a PK result.
            let p_result = 1.0 - none.map_or(0.0, |k| heads[0][k]);
            // Is it a PK result? With the parser's code the head answers only that: kept
            // when more likely than not (not when `none` merely outweighs each code alone,
            // which dropped per-subject values whose probability spread over several
            // codes). Without it, the head's likeliest class must be a code.
            let kept = if record.parameter.is_some() {
                p_result >= 0.5
            } else {
                meta.codes[most_probable(&heads[0]).0] != NONE
            };
            if !kept {
                continue;
            }
            let confidence = if record.parameter.is_none() {
                match code_for_unit(&meta.codes, &heads[0], record.unit.as_deref()) {
                    Some((k, p)) => {
                        record.parameter = Some(meta.codes[k].clone());
                        p
                    }
                    None => p_result,
                }
            } else {
                p_result
            };
            // Likewise the statistic: the parser's reading of headers, caption and notes stands;
            // the head supplies one only where the parser found none.
            if record.statistic == Statistic::Value
                && let Some(stat) = Statistic::from_name(&meta.statistics[most_probable(&heads[1]).0])
            {
                record.statistic = stat;
            }
            record.confidence = Some(confidence.clamp(0.0, 1.0));
            out.push(record);
        }
        Ok(out)
    }

    /// For each candidate that names no matrix, the one its paper's title and abstract
    /// name that the context head finds the most probable, where they name several and the
    /// head knows them all (one named matrix the parser has already taken; a matrix the
    /// head never saw cannot be weighed against the others).
    fn matrices(
        &self,
        tables: &[&Table],
        owners: &[usize],
        candidates: &[Record],
        xs: &[f32],
    ) -> Result<Vec<Option<String>>> {
        let mut out = vec![None; candidates.len()];
        let Some(head) = &self.matrix_head else { return Ok(out) };
        let known = &self.meta.matrices;
        // For each table, the classes of the matrices its paper names, when there are
        // several and the head knows them all.
        let named: Vec<Option<Vec<usize>>> = tables
            .iter()
            .map(|t| {
                let classes: Option<Vec<usize>> =
                    hysim_tables::paper_matrices(t).iter().map(|m| known.iter().position(|k| k == m)).collect();
                classes.filter(|c| c.len() >= 2)
            })
            .collect();
        let asks: Vec<usize> = (0..candidates.len())
            .filter(|&i| candidates[i].context.matrix.is_none() && named[owners[i]].is_some())
            .collect();
        if asks.is_empty() {
            return Ok(out);
        }
        let dim = self.meta.dim;
        let rows: Vec<f32> = asks.iter().flat_map(|&i| xs[i * dim..(i + 1) * dim].iter().copied()).collect();
        for (&i, p) in asks.iter().zip(head.probabilities(&rows)?) {
            if let Some(options) = &named[owners[i]] {
                out[i] = choose(options, &p[0]).map(|k| known[k].clone());
            }
        }
        Ok(out)
    }
}

/// The most probable of `options` (classes) under `p`, the first of equally probable ones.
fn choose(options: &[usize], p: &[f64]) -> Option<usize> {
    options.iter().copied().max_by(|&a, &b| p[a].total_cmp(&p[b]).then(b.cmp(&a)))
}

/// The most probable of the parameter head's codes (`p` over `codes`, `none` left out)
/// whose values come in `unit`, the record's canonical unit (any code when it has none),
/// with its probability.
fn code_for_unit(codes: &[String], p: &[f64], unit: Option<&str>) -> Option<(usize, f64)> {
    let measures = |code: &str| {
        unit.is_none_or(|u| {
            [false, true]
                .into_iter()
                .filter_map(|per_kg| hysim_tables::params::family_of_code(code, per_kg))
                .any(|f| f.canonical() == u)
        })
    };
    (0..codes.len())
        .filter(|&k| codes[k] != NONE && measures(&codes[k]))
        .max_by(|&a, &b| p[a].total_cmp(&p[b]).then(b.cmp(&a)))
        .map(|k| (k, p[k]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heads_code_measures_what_the_unit_measures() {
        let codes: Vec<String> = ["CLO", "VZO", "LAMZHL", NONE].iter().map(|c| (*c).to_owned()).collect();
        let p = [0.6, 0.3, 0.05, 0.05];
        assert_eq!(code_for_unit(&codes, &p, Some("L/kg")), Some((1, 0.3)), "a volume, not the clearance");
        assert_eq!(code_for_unit(&codes, &p, Some("L/h/kg")), Some((0, 0.6)));
        assert_eq!(code_for_unit(&codes, &p, None), Some((0, 0.6)), "no unit rules nothing out");
        assert_eq!(code_for_unit(&codes, &p, Some("ng/mL")), None, "no concentration among the classes");
    }

    #[test]
    fn the_matrix_head_sees_candidates_without_their_matrix_and_chooses_among_the_named() {
        let record = |matrix: Option<&str>| Record {
            table_id: "t:1".into(),
            parameter_raw: "Cmax".into(),
            parameter: Some("CMAX".into()),
            value_raw: "1.2".into(),
            value: Some(1.2),
            statistic: Statistic::Mean,
            dispersion: None,
            interval: None,
            unit_raw: Some("ng/mL".into()),
            unit: Some("ng/mL".into()),
            value_canonical: Some(1.2),
            n: None,
            context: hysim_core::Context { matrix: matrix.map(str::to_owned), ..Default::default() },
            provenance: Default::default(),
            confidence: None,
            noise: None,
            review: None,
        };
        let matrices = vec!["milk".to_owned(), "plasma".to_owned()];
        let rows = vec![
            (record(Some("plasma")), Some(record(Some("plasma")))),
            (record(None), None),
            (record(Some("milk")), Some(record(Some("milk")))),
            (record(None), Some(record(Some("urine")))),
            (record(None), Some(record(None))),
            // The group names the matrix: the parser takes it, the head is never asked.
            (
                Record {
                    context: hysim_core::Context { group: Some("Urine".into()), ..Default::default() },
                    ..record(None)
                },
                Some(record(Some("plasma"))),
            ),
        ];
        let (texts, labels, index) = hidden_matrix_rows(&rows, &matrices);
        assert_eq!((labels, index), (vec![1, 0], vec![0, 2]), "only gold matrices the head knows");
        assert_eq!(texts[0], hysim_text::record_text(&record(None)), "the matrix hidden");
        assert!(!texts[0].contains("plasma"));
        assert_eq!(choose(&[0, 2], &[0.5, 0.1, 0.4]), Some(0));
        assert_eq!(choose(&[1, 2], &[0.5, 0.1, 0.4]), Some(2), "only among the named");
        assert_eq!(choose(&[2, 1], &[0.2, 0.4, 0.4]), Some(1), "ties to the first class");
        assert_eq!(choose(&[], &[1.0]), None);
    }
}
