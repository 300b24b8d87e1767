//! Weighted fine-tuning of both systems on tables with gold records (Algorithm 1, step 6):
//! each example's loss is multiplied by its table's HySim weight. Both systems then
//! extract the same validation tables; the better F1 becomes the model folder's default
//! system, and the decoder's confidences are calibrated on its records of them.

use std::collections::HashMap;

use hysim_core::{ModelDir, Record, Table};

use crate::card::{ModelCard, calibrate};
use crate::decoder::DecodeOptions;
use crate::encoder::EncoderExtractor;
use crate::gate::Gate;
use crate::progress::Progress;
use crate::settings::{System, TrainSettings};
use crate::{Error, Result};

/// The labelled tables of a training run, split into training and validation tables.
pub struct TrainingData {
    tables: Vec<Table>,
    gold: Vec<Record>,
    train: Vec<usize>,
    validation: Vec<usize>,
    /// The hybrid weight of each table (by index), `None` for every table without a
    /// weights file; a table the file leaves out trains with weight 1.
    weights: Option<Vec<Option<f64>>>,
    /// What came from `[[data.reviewed]]`.
    reviewed: Reviewed,
}

/// The reviewed tables of a training run.
#[derive(Debug, Default)]
struct Reviewed {
    /// Their ids.
    ids: std::collections::HashSet<String>,
    /// The records the curator vouched for in them.
    records: usize,
    /// Tables left out because some of their records have no verdict yet.
    incomplete: usize,
}

impl TrainingData {
    /// Reads the settings' tables, gold records and weights; every `1/validation_fraction`-th
    /// table is held out (tables without gold records count as tables with nothing to
    /// extract, or are skipped without `empty_tables`; `limit` bounds the tables read).
    pub fn read(cfg: &TrainSettings) -> Result<Self> {
        let mut tables: Vec<Table> =
            hysim_tables::read_tables_jsonl(&cfg.data.tables)?.into_iter().map(|(_, table)| table).collect();
        // `limit` bounds the source tables; reviewed tables are all kept.
        if cfg.data.limit > 0 {
            tables.truncate(cfg.data.limit);
        }
        let mut gold = Record::read_jsonl(&cfg.data.gold)?;
        let mut labelled: std::collections::HashSet<String> = gold.iter().map(|r| r.table_id.clone()).collect();
        let mut from_review = Reviewed::default();
        for reviewed in &cfg.data.reviewed {
            let (more_tables, more_gold, incomplete) = reviewed_tables(&reviewed.tables, &reviewed.records)?;
            let known: std::collections::HashSet<&str> =
                tables.iter().map(|t| t.id.as_str()).chain(gold.iter().map(|r| r.table_id.as_str())).collect();
            if let Some(t) = more_tables.iter().find(|t| known.contains(t.id.as_str())) {
                return Err(Error::NoTrainingData {
                    reason: format!(
                        "table {} of {} is already a training table or has gold records in {}: give each table once",
                        t.id,
                        reviewed.tables.display(),
                        cfg.data.gold.display()
                    ),
                });
            }
            from_review.ids.extend(more_tables.iter().map(|t| t.id.clone()));
            from_review.records += more_gold.len();
            from_review.incomplete += incomplete;
            labelled.extend(more_tables.iter().map(|t| t.id.clone()));
            tables.extend(more_tables);
            gold.extend(more_gold);
        }
        let weights = match cfg.data.weights.as_deref() {
            Some(path) => {
                Some(hysim_core::SampleWeights::read_jsonl(path)?.hybrid_for(tables.iter().map(|t| t.id.as_str())))
            }
            None => None,
        };
        let every =
            if cfg.data.validation_fraction > 0.0 { (1.0 / cfg.data.validation_fraction).round() as usize } else { 0 };
        let (mut train, mut validation) = (Vec::new(), Vec::new());
        for (k, table) in tables.iter().enumerate() {
            if !cfg.data.empty_tables && !labelled.contains(table.id.as_str()) {
                continue;
            }
            if every > 0 && k % every == every - 1 { validation.push(k) } else { train.push(k) }
        }
        if !train.iter().any(|&k| labelled.contains(tables[k].id.as_str())) {
            return Err(Error::NoTrainingData {
                reason: format!(
                    "no table of {} has gold records in {}",
                    cfg.data.tables.display(),
                    cfg.data.gold.display()
                ),
            });
        }
        Ok(Self { tables, gold, train, validation, weights, reviewed: from_review })
    }

    /// The training tables.
    pub fn train_tables(&self) -> Vec<&Table> {
        self.train.iter().map(|&k| &self.tables[k]).collect()
    }

    /// The validation tables.
    pub fn validation_tables(&self) -> Vec<&Table> {
        self.validation.iter().map(|&k| &self.tables[k]).collect()
    }

    /// The hybrid weight of each table id (1 without a weights file), and how many of the
    /// training tables the weights file leaves out (they train with weight 1).
    pub fn weights(&self) -> (HashMap<&str, f64>, usize) {
        let Some(weights) = &self.weights else {
            return (self.tables.iter().map(|t| (t.id.as_str(), 1.0)).collect(), 0);
        };
        let unweighted = self.train.iter().filter(|&&k| weights[k].is_none()).count();
        (self.tables.iter().zip(weights).map(|(t, w)| (t.id.as_str(), w.unwrap_or(1.0))).collect(), unweighted)
    }

    /// The gold records of each table id.
    pub fn gold_by_table(&self) -> HashMap<&str, Vec<Record>> {
        let mut by_table: HashMap<&str, Vec<Record>> = HashMap::new();
        for r in &self.gold {
            by_table.entry(r.table_id.as_str()).or_default().push(r.clone());
        }
        by_table
    }
}

/// The tables of `tables_path` whose every record in the reviewed file `records_path` has
/// a verdict, the records of them the curator vouched for
/// ([`hysim_tables::vouched_records`]), and how many tables were left out because some of
/// their records are still pending.
fn reviewed_tables(
    tables_path: &std::path::Path,
    records_path: &std::path::Path,
) -> Result<(Vec<Table>, Vec<Record>, usize)> {
    let records = Record::read_jsonl(records_path)?;
    let reviewed: std::collections::HashSet<&str> =
        records.iter().filter(|r| r.review.is_some()).map(|r| r.table_id.as_str()).collect();
    if reviewed.is_empty() {
        return Err(Error::NoTrainingData {
            reason: format!("{} has no reviewed record (no `review` field)", records_path.display()),
        });
    }
    let pending: std::collections::HashSet<&str> =
        records.iter().filter(|r| r.is_pending()).map(|r| r.table_id.as_str()).collect();
    let (all, _) = hysim_tables::unique_tables(hysim_tables::read_tables_file(tables_path)?);
    let tables: Vec<Table> = all.into_iter().filter(|t| reviewed.contains(t.id.as_str())).collect();
    if let Some(missing) = reviewed.iter().find(|id| !tables.iter().any(|t| t.id == **id)) {
        return Err(Error::NoTrainingData {
            reason: format!("table {missing} of {} is not in {}", records_path.display(), tables_path.display()),
        });
    }
    let complete: Vec<Table> = tables.into_iter().filter(|t| !pending.contains(t.id.as_str())).collect();
    let incomplete = reviewed.iter().filter(|id| pending.contains(**id)).count();
    let ids: std::collections::HashSet<&str> = complete.iter().map(|t| t.id.as_str()).collect();
    let vouched = hysim_tables::vouched_records(
        records.iter().filter(|r| r.review.is_some() && ids.contains(r.table_id.as_str())).cloned().collect(),
    );
    Ok((complete, vouched, incomplete))
}

/// Trains the systems of `cfg` (continuing the decoder from `last/` with `resume`), writes
/// the model folder and returns the summary lines. `progress` follows the decoder's steps.
pub fn train(cfg: &TrainSettings, settings_text: &str, resume: bool, progress: &dyn Progress) -> Result<Vec<String>> {
    let started = std::time::Instant::now();
    let data = TrainingData::read(cfg)?;
    let (train_tables, val_tables) = (data.train_tables(), data.validation_tables());
    let by_table = data.gold_by_table();
    let (weights, unweighted) = data.weights();
    let weight_of = |id: &str| weights.get(id).copied().unwrap_or(1.0);
    let device = cfg.model.device.parse::<hysim_nn::DeviceSpec>()?.resolve()?;
    let model = ModelDir::new(&cfg.out);
    if resume && cfg.wants(System::Decoder) {
        // The adapters learnt one prompt: resuming them on the other would mix the two.
        // The folder's train.toml is the interrupted run's (written when it started).
        let earlier = TrainSettings::read(&model.settings()).ok().map(|(s, _)| s.model.prompt);
        if let Some(earlier) = earlier.filter(|p| *p != cfg.model.prompt) {
            return Err(Error::ModelDir {
                dir: model.root().to_path_buf(),
                problem: format!(
                    "its decoder was trained with [model] prompt = \"{}\", the settings say \"{}\": resume with the same prompt",
                    earlier.as_str(),
                    cfg.model.prompt.as_str()
                ),
            });
        }
    }
    std::fs::create_dir_all(model.root())
        .map_err(|source| Error::CreateDir { path: model.root().to_path_buf(), source })?;
    hysim_core::io::atomic_write(&model.settings(), |out| std::io::Write::write_all(out, settings_text.as_bytes()))?;
    let mut card = ModelCard {
        base_gguf: None,
        lora: cfg.lora.clone(),
        max_tokens: cfg.data.max_tokens,
        dtype: None,
        prompt: cfg.model.prompt,
        systems: cfg.systems.clone(),
        validation_f1: Default::default(),
        decoder_calibration: None,
        decoder_gate: None,
    };
    let mut lines = Vec::new();
    let reviewed = &data.reviewed;
    if !reviewed.ids.is_empty() || reviewed.incomplete > 0 {
        let in_training = train_tables.iter().filter(|t| reviewed.ids.contains(&t.id)).count();
        lines.push(format!(
            "{} reviewed tables with {} records the curator vouched for: {} train as labelled source tables, {} validate; \
             {} left out with records not reviewed yet",
            reviewed.ids.len(),
            reviewed.records,
            in_training,
            reviewed.ids.len() - in_training,
            reviewed.incomplete
        ));
    }
    if cfg.wants(System::Encoder) {
        if resume && model.has_encoder() {
            lines.push("encoder extractor: kept from the interrupted run".to_owned());
        } else {
            lines.push(crate::encoder::train(
                &cfg.encoder,
                &train_tables,
                &val_tables,
                &by_table,
                &weight_of,
                device,
                &model,
            )?);
        }
    }
    if cfg.wants(System::Decoder) {
        let gguf_path = cfg.gguf_path();
        if !gguf_path.is_file() {
            return Err(Error::MissingModel { what: "GGUF model", path: gguf_path });
        }
        card.base_gguf = Some(gguf_path.clone());
        let dtype = cfg.model.precision(device, cfg.lora.is_some())?;
        card.dtype = Some(dtype.to_string());
        lines.push(crate::decoder::train(
            cfg,
            dtype,
            resume,
            &gguf_path,
            &train_tables,
            &val_tables,
            &by_table,
            &weight_of,
            device,
            progress,
        )?);
    }
    if unweighted > 0 {
        tracing::warn!(tables = unweighted, "tables without a weight in the weights file trained with weight 1");
    }
    // Both systems extract the same validation tables; the better F1 becomes the default.
    let mut calibration_line: Option<String> = None;
    let mut gate_line: Option<String> = None;
    // The decoder's validation records the gate writes, as (raw confidence, right).
    let mut gated_pairs: Vec<(f64, bool)> = Vec::new();
    let compared: Vec<&Table> = val_tables.iter().take(cfg.data.compare_tables).copied().collect();
    if !compared.is_empty() {
        let gold_records: Vec<Record> =
            compared.iter().flat_map(|t| by_table.get(t.id.as_str()).cloned().unwrap_or_default()).collect();
        let gold_values = hysim_eval::gold::Gold::from_records(&gold_records).values;
        for system in cfg.systems()? {
            let predicted = match system {
                System::Encoder => EncoderExtractor::load(&model, device)?.records(&compared)?,
                System::Decoder => {
                    // The readings as the reader gives them, as at extraction: the gate on
                    // the decoder's verdicts is fitted on these decisions, and its F1 is
                    // the decoder's validation F1. The decoder's own records as decided
                    // are what its confidence is calibrated on.
                    let options = DecodeOptions { max_new_tokens: cfg.data.max_tokens, ..DecodeOptions::default() };
                    let (decisions, _) =
                        crate::decoder::decisions(&model, &card, &compared, device, options, &crate::progress::Silent)?;
                    let (gate, line) = Gate::fit(&decisions, &gold_values, 0.005);
                    card.validation_f1.insert(system.to_string(), gate.f1.gated);
                    // The decoder's records extraction writes under the gate: the base
                    // rate its calibrated confidence is set to.
                    let written: Vec<Record> =
                        decisions.iter().filter(|d| gate.admits(d.verdict)).filter_map(|d| d.decoder.clone()).collect();
                    let judged = hysim_eval::score_numeric(&gold_values, &written, 0.005).judged;
                    gated_pairs = crate::card::judged_pairs(&written, &judged);
                    card.decoder_gate = Some(gate);
                    gate_line = Some(line);
                    Gate::RAW.records(&decisions)
                }
            };
            let report = hysim_eval::score_numeric(&gold_values, &predicted, 0.005);
            if system == System::Encoder {
                card.validation_f1.insert(system.to_string(), report.overall.scores.f1);
            }
            if system == System::Decoder {
                // The decoder's raw confidences were far too high (ECE 0.8 on the curated
                // values): they are mapped to the share of its validation records that are
                // right. The encoder extractor's are calibrated by construction. The
                // compared tables are also read with every table's readings perturbed (a
                // reader's errors, `crate::perturb`), and the fit sees both: on the
                // synthetic tables the readings as they are are nearly all right, and a fit
                // on those alone has no wrong record to rank.
                let (mut predicted, mut judged) = (predicted, report.judged);
                let mut perturbed_note = String::new();
                if cfg.model.prompt.has_readings() && cfg.data.calibrate_perturbed {
                    let options = DecodeOptions {
                        max_new_tokens: cfg.data.max_tokens,
                        perturb: Some(crate::perturb::Perturb { tables: 1.0, seed: cfg.fit.seed }),
                        raw_verdicts: true,
                        ..DecodeOptions::default()
                    };
                    let perturbed =
                        crate::decoder::records(&model, &card, &compared, device, options, &crate::progress::Silent)?.0;
                    let report = hysim_eval::score_numeric(&gold_values, &perturbed, 0.005);
                    let right = report.judged.iter().filter(|j| **j == Some(true)).count();
                    perturbed_note = format!(
                        "; {} of the records from the same tables with perturbed readings ({right} right)",
                        perturbed.len()
                    );
                    predicted.extend(perturbed);
                    judged.extend(report.judged);
                }
                let (calibration, line) = calibrate(&predicted, &judged);
                let mut line = line + &perturbed_note;
                // The slope ranks on both sets; the intercept is the one for the records
                // extraction writes (readings as read, under the gate): the perturbed
                // set's many wrong readings would otherwise pull every confidence down.
                let calibration = match calibration {
                    Some(p)
                        if cfg.data.calibrate_perturbed
                            && gated_pairs.len() >= crate::card::MIN_CALIBRATION_RECORDS =>
                    {
                        let refit = p.with_base_rate(&gated_pairs).unwrap_or(p);
                        let right = gated_pairs.iter().filter(|(_, r)| *r).count();
                        line += &format!(
                            "; intercept set to {:+.4} for the {} records the gate writes from readings as read ({right} right)",
                            refit.b,
                            gated_pairs.len()
                        );
                        Some(refit)
                    }
                    other => other,
                };
                card.decoder_calibration = calibration;
                calibration_line = Some(line);
            }
        }
    }
    card.write(&model)?;
    if calibration_line.is_none() && cfg.wants(System::Decoder) {
        calibration_line = Some("decoder confidences left raw: no validation table compared".to_owned());
    }
    lines.extend(calibration_line);
    lines.extend(gate_line);
    let scores: Vec<String> = card.validation_f1.iter().map(|(s, f)| format!("{s} {f:.3}")).collect();
    lines.push(format!(
        "{} training and {} validation tables; validation F1 on {} tables: {}; default system {}; {} in {:.1} s",
        train_tables.len(),
        val_tables.len(),
        compared.len(),
        if scores.is_empty() { "-".to_owned() } else { scores.join(", ") },
        card.best_system(&model),
        cfg.out.display(),
        started.elapsed().as_secs_f64()
    ));
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_without_gold_are_skipped_or_trained_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let table = |id: &str| Table {
            id: id.into(),
            header_rows: vec![vec!["Parameter".into(), "Value".into()]],
            body_rows: vec![vec!["Cmax (ng/mL)".into(), "12.5".into()]],
            ..Table::default()
        };
        let tables = dir.path().join("tables.jsonl");
        hysim_tables::write_tables_jsonl(&tables, &[table("a:1"), table("b:1"), table("c:1")]).unwrap();
        let mut gold = hysim_tables::table_records(&table("a:1"));
        assert_eq!(gold.len(), 1);
        gold[0].table_id = "a:1".into();
        let gold_path = dir.path().join("gold.jsonl");
        Record::write_jsonl(&gold_path, &gold).unwrap();
        let settings = |empty: bool| -> TrainSettings {
            toml::from_str(&format!(
                "out = {:?}\n[data]\ntables = {tables:?}\ngold = {gold_path:?}\nvalidation_fraction = 0.0\nempty_tables = {empty}\n",
                dir.path().join("model")
            ))
            .unwrap()
        };
        let ids = |data: &TrainingData| data.train_tables().iter().map(|t| t.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&TrainingData::read(&settings(false)).unwrap()), ["a:1"]);
        let all = TrainingData::read(&settings(true)).unwrap();
        assert_eq!(ids(&all), ["a:1", "b:1", "c:1"]);
        assert!(!all.gold_by_table().contains_key("b:1"), "an empty table has no gold records");
        // No gold record at all is no training data, whatever the setting.
        Record::write_jsonl(&gold_path, &[]).unwrap();
        assert!(matches!(TrainingData::read(&settings(true)), Err(Error::NoTrainingData { .. })));
    }

    #[test]
    fn resuming_with_the_other_prompt_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let table = Table {
            id: "a:1".into(),
            header_rows: vec![vec!["Parameter".into(), "Value".into()]],
            body_rows: vec![vec!["Cmax (ng/mL)".into(), "12.5".into()]],
            ..Table::default()
        };
        let tables = dir.path().join("tables.jsonl");
        hysim_tables::write_tables_jsonl(&tables, std::slice::from_ref(&table)).unwrap();
        let mut gold = hysim_tables::table_records(&table);
        gold[0].table_id = "a:1".into();
        let gold_path = dir.path().join("gold.jsonl");
        Record::write_jsonl(&gold_path, &gold).unwrap();
        let model = dir.path().join("model");
        let text = |prompt: &str| {
            format!(
                "out = {model:?}\nsystems = [\"decoder\"]\n[data]\ntables = {tables:?}\ngold = {gold_path:?}\n[model]\ndevice = \"cpu\"\nprompt = \"{prompt}\"\n"
            )
        };
        // The interrupted run's settings, kept in its folder.
        std::fs::create_dir_all(&model).unwrap();
        std::fs::write(model.join("train.toml"), text("plain")).unwrap();
        let settings: TrainSettings = toml::from_str(&text("reader")).unwrap();
        let err = train(&settings, &text("reader"), true, &crate::progress::Silent).unwrap_err().to_string();
        assert!(err.contains("prompt = \"plain\", the settings say \"reader\""), "{err}");
        assert!(err.contains("resume with the same prompt"), "{err}");
        // Nothing was overwritten.
        assert_eq!(std::fs::read_to_string(model.join("train.toml")).unwrap(), text("plain"));
    }

    #[test]
    fn reviewed_tables_train_with_the_records_the_curator_vouched_for() {
        use hysim_core::{Review, Verdict};
        let dir = tempfile::tempdir().unwrap();
        let table = |id: &str, value: &str| Table {
            id: id.into(),
            header_rows: vec![vec!["Parameter".into(), "Value".into()]],
            body_rows: vec![vec!["Cmax (ng/mL)".into(), value.into()], vec!["Tmax (h)".into(), "1.5".into()]],
            ..Table::default()
        };
        let tables = dir.path().join("tables.jsonl");
        hysim_tables::write_tables_jsonl(&tables, &[table("s:1", "12.5")]).unwrap();
        let gold_path = dir.path().join("gold.jsonl");
        Record::write_jsonl(&gold_path, &hysim_tables::table_records(&table("s:1", "12.5"))).unwrap();
        // The reviewed tables: r:1 with Cmax accepted and Tmax edited to 90 min, r:2 with its
        // one record rejected.
        let reviewed_tables = dir.path().join("reviewed-tables.jsonl");
        let review_tables = [table("r:1", "30"), table("r:2", "40"), table("r:3", "50")];
        hysim_tables::write_tables_jsonl(&reviewed_tables, &review_tables).unwrap();
        let review = |verdict| Some(Review { verdict, reviewer: Some("ana".into()), at: None, original: None });
        let mut r1 = hysim_tables::table_records(&review_tables[0]);
        r1[0].review = review(Verdict::Accepted);
        r1[1].review = review(Verdict::Edited);
        r1[1].value = Some(90.0);
        r1[1].unit_raw = Some("min".into());
        let mut r2 = hysim_tables::table_records(&review_tables[1]);
        r2.truncate(1);
        r2[0].review = review(Verdict::Rejected);
        // r:3 was opened but not reviewed: its record is pending, and r:3 is left out.
        let mut unreviewed = hysim_tables::table_records(&review_tables[2]);
        unreviewed[0].review = review(Verdict::Pending);
        let reviewed = dir.path().join("reviewed.jsonl");
        Record::write_jsonl(&reviewed, &[r1, r2, unreviewed].concat()).unwrap();
        let cfg: TrainSettings = toml::from_str(&format!(
            "out = {:?}\n[data]\ntables = {tables:?}\ngold = {gold_path:?}\nvalidation_fraction = 0.0\n\
             [[data.reviewed]]\ntables = {reviewed_tables:?}\nrecords = {reviewed:?}\n",
            dir.path().join("model")
        ))
        .unwrap();
        let data = TrainingData::read(&cfg).unwrap();
        let ids: Vec<String> = data.train_tables().iter().map(|t| t.id.clone()).collect();
        // r:2 trains as a table with nothing to extract; r:3 is not in.
        assert_eq!(ids, ["s:1", "r:1", "r:2"]);
        assert_eq!((data.reviewed.ids.len(), data.reviewed.records, data.reviewed.incomplete), (2, 2, 1));
        let by_table = data.gold_by_table();
        assert!(!by_table.contains_key("r:2"));
        let tmax = by_table["r:1"].iter().find(|r| r.parameter.as_deref() == Some("TMAX")).unwrap();
        // The edit's unit converted again: 90 min is 1.5 h.
        assert_eq!((tmax.unit.as_deref(), tmax.value_canonical), (Some("h"), Some(1.5)));
        // A reviewed table that is already a source table is refused, naming it.
        hysim_tables::write_tables_jsonl(&tables, &[table("s:1", "12.5"), table("r:1", "30")]).unwrap();
        let err = TrainingData::read(&cfg).err().unwrap().to_string();
        assert!(err.contains("r:1"), "{err}");
    }
}
