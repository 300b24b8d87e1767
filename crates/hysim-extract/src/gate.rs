//! The gate on the grounded decoder's verdicts, fitted on validation tables.
//!
//! With the rule-based reader's readings in its prompt, the decoder does one of four
//! things with a cell ([`Verdict`]): confirms the reading, changes its code or statistic,
//! leaves it out, or adds a record on a cell the prompt gave no reading (in verdict form,
//! the default, only in a table the reader read nothing in: there "the readings alone" write
//! nothing, and additions refused for want of evidence leave the table without records).
//! Whether its changes, leave-outs and additions are worth more than the readings they
//! replace is a question of evidence, not of faith in the model: at the CPU budget its
//! changes were nearly all wrong (none right of 334 to 582 on a synthetic target, 24 of 28
//! wrong on the development papers; docs/MODELS.md), while a decoder trained longer may
//! correct readings well.
//!
//! So training decodes the compared validation tables (tables it did not train on, their
//! readings as the reader gives them, as at extraction) and keeps each kind of decision
//! only where that raises the validation F1 ([`Gate::fit`]): of the eight ways to admit or
//! refuse changes, leave-outs and additions, the best F1, a tie going to the reader's
//! readings (no evidence, no change). The model card keeps the gate; extraction applies it
//! (`hysim extract --raw-verdicts` writes every verdict as decided). A reading the gate
//! keeps against the decoder carries as confidence the share of such readings right on
//! validation.

use hysim_core::Record;
use hysim_tables::gold::GoldValue;
use serde::{Deserialize, Serialize};

/// What the decoder did with a cell, against the reading its prompt gave the cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The reading's code and statistic written as they were.
    Confirmed,
    /// Another code or statistic written for a cell the reader read.
    Changed,
    /// A reading given no record.
    LeftOut,
    /// A record on a cell the prompt gave no reading (or one more on a confirmed cell).
    Added,
}

impl Verdict {
    /// Every verdict, in order.
    pub const ALL: [Verdict; 4] = [Verdict::Confirmed, Verdict::Changed, Verdict::LeftOut, Verdict::Added];

    /// Its name in the card and the summary.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Confirmed => "confirmed",
            Verdict::Changed => "changed",
            Verdict::LeftOut => "left_out",
            Verdict::Added => "added",
        }
    }
}

/// One decision of the decoder on one cell: its record (none where it left the reading
/// out) and the reading's record (none on a cell the prompt gave no reading).
#[derive(Debug, Clone)]
pub struct Decision {
    /// What it did.
    pub verdict: Verdict,
    /// The decoder's record of the cell.
    pub decoder: Option<Record>,
    /// The record the reading gives the cell.
    pub reading: Option<Record>,
}

/// How often one kind of decision was right on the compared validation tables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Decisions of this kind.
    pub n: usize,
    /// Of them, those whose decoder record matched a gold value.
    pub decoder_right: usize,
    /// Of them, those whose reading matched a gold value (the records of the readings
    /// alone scored).
    pub reading_right: usize,
    /// Of them, those whose reading gave a record (a confirmed cell: the decoder's).
    #[serde(default)]
    pub readings: usize,
}

/// Which of the decoder's decisions extraction writes as decided; the others give way to
/// the reader's readings. Fitted by [`Gate::fit`]; [`Gate::RAW`] admits everything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gate {
    /// A changed reading is written as the decoder changed it (else as read).
    pub changes: bool,
    /// A reading left out stays out (else it is written as read).
    pub leave_outs: bool,
    /// A record added on a cell without a reading is written (else dropped).
    pub additions: bool,
    /// The evidence per verdict (`confirmed`, `changed`, `left_out`, `added`).
    #[serde(default)]
    pub evidence: std::collections::BTreeMap<String, Evidence>,
    /// Validation F1 with this gate, with every decision admitted, and with the readings
    /// alone (every change and leave-out refused, additions dropped).
    #[serde(default)]
    pub f1: GateScores,
}

/// The validation F1 of three ways of writing the decoder's decisions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct GateScores {
    /// With the fitted gate.
    pub gated: f64,
    /// Every decision admitted.
    pub raw: f64,
    /// The readings alone.
    pub readings: f64,
}

impl Gate {
    /// Every decision written as the decoder decided.
    pub const RAW: Gate = Gate {
        changes: true,
        leave_outs: true,
        additions: true,
        evidence: std::collections::BTreeMap::new(),
        f1: GateScores { gated: 0.0, raw: 0.0, readings: 0.0 },
    };

    /// Refuses every change, leave-out and addition: the readings alone.
    fn readings_only() -> Self {
        Gate { changes: false, leave_outs: false, additions: false, ..Gate::RAW }
    }

    /// Whether decisions of `verdict` are written as decided.
    pub fn admits(&self, verdict: Verdict) -> bool {
        match verdict {
            Verdict::Confirmed => true,
            Verdict::Changed => self.changes,
            Verdict::LeftOut => self.leave_outs,
            Verdict::Added => self.additions,
        }
    }

    /// The records `decisions` give under this gate. A reading kept against the decoder
    /// (a change or leave-out refused) carries as confidence the share of such readings
    /// right on validation, Laplace-smoothed (`(right + 1) / (readings + 2)`).
    pub fn records(&self, decisions: &[Decision]) -> Vec<Record> {
        let mut out = Vec::with_capacity(decisions.len());
        for d in decisions {
            if self.admits(d.verdict) {
                out.extend(d.decoder.clone());
            } else if let Some(mut reading) = d.reading.clone() {
                let e = self.evidence.get(d.verdict.as_str()).copied().unwrap_or_default();
                reading.confidence = Some((e.reading_right as f64 + 1.0) / (e.readings as f64 + 2.0));
                out.push(reading);
            }
        }
        out
    }

    /// The gate that gives `decisions` (the decoder's on validation tables, readings as
    /// the reader gives them) the best F1 against `gold`: each of changes, leave-outs and
    /// additions admitted or refused, a tie going to the gate that admits fewer (the
    /// readings where the evidence does not favour the decoder). Also the evidence per
    /// verdict, and a line for the train summary.
    pub fn fit(decisions: &[Decision], gold: &[GoldValue], tolerance: f64) -> (Gate, String) {
        let score = |gate: &Gate| {
            let report = hysim_eval::score_numeric(gold, &gate.records(decisions), tolerance);
            (report.overall.scores.f1, report.judged)
        };
        // Evidence: the decoder's records as decided, the readings' records alone.
        let mut evidence: std::collections::BTreeMap<String, Evidence> =
            Verdict::ALL.iter().map(|v| (v.as_str().to_owned(), Evidence::default())).collect();
        let (raw_f1, raw_judged) = score(&Gate::RAW);
        let (readings_f1, reading_judged) = score(&Gate::readings_only());
        let (mut at_raw, mut at_reading) = (0, 0);
        for d in decisions {
            let e = evidence.get_mut(d.verdict.as_str()).expect("invariant: every verdict has an entry");
            e.n += 1;
            if d.decoder.is_some() {
                e.decoder_right += usize::from(raw_judged.get(at_raw).copied().flatten() == Some(true));
                at_raw += 1;
            }
            // Under the readings alone, a confirmed cell writes the decoder's record (the
            // same code and statistic), a refused decision its reading.
            let written = if d.verdict == Verdict::Confirmed { d.decoder.is_some() } else { d.reading.is_some() };
            if written {
                e.readings += 1;
                e.reading_right += usize::from(reading_judged.get(at_reading).copied().flatten() == Some(true));
                at_reading += 1;
            }
        }
        // The eight gates, those admitting fewer kinds first: a later one must do strictly
        // better to be chosen.
        let mut gates: Vec<Gate> = (0..8u8)
            .map(|bits| Gate {
                changes: bits & 1 != 0,
                leave_outs: bits & 2 != 0,
                additions: bits & 4 != 0,
                evidence: evidence.clone(),
                ..Gate::RAW
            })
            .collect();
        gates.sort_by_key(|g| [g.changes, g.leave_outs, g.additions].iter().filter(|a| **a).count());
        let mut best: Option<(f64, Gate)> = None;
        for gate in gates {
            let f1 = score(&gate).0;
            if best.as_ref().is_none_or(|(b, _)| f1 > *b + 1e-12) {
                best = Some((f1, gate));
            }
        }
        let (f1, mut gate) = best.expect("invariant: eight gates were scored");
        gate.f1 = GateScores { gated: f1, raw: raw_f1, readings: readings_f1 };
        let counts: Vec<String> = Verdict::ALL
            .iter()
            .map(|v| {
                let e = evidence[v.as_str()];
                format!(
                    "{} {} ({} right as decided, {} as read)",
                    v.as_str().replace('_', " "),
                    e.n,
                    e.decoder_right,
                    e.reading_right
                )
            })
            .collect();
        let yes = |b: bool| if b { "admitted" } else { "refused" };
        let line = format!(
            "decoder verdicts on the compared tables: {}; changes {}, leave-outs {}, additions {} (validation F1 {:.3}, every verdict admitted {:.3}, the readings alone {:.3})",
            counts.join(", "),
            yes(gate.changes),
            yes(gate.leave_outs),
            yes(gate.additions),
            f1,
            raw_f1,
            readings_f1
        );
        (gate, line)
    }
}

/// How many decisions of each verdict `decisions` hold, and how many of them `gate`
/// admits, for the extraction summary: `confirmed 445, changed 28 (0 admitted), ...`.
pub fn summary(decisions: &[Decision], gate: &Gate) -> String {
    Verdict::ALL
        .iter()
        .map(|&v| {
            let n = decisions.iter().filter(|d| d.verdict == v).count();
            if v == Verdict::Confirmed {
                format!("{} {n}", v.as_str().replace('_', " "))
            } else {
                let admitted = if gate.admits(v) { n } else { 0 };
                format!("{} {n} ({admitted} admitted)", v.as_str().replace('_', " "))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record of `table` with `code` and `value`.
    fn record(table: &str, code: &str, value: f64) -> Record {
        serde_json::from_str(&format!(
            r#"{{"table_id": "{table}", "parameter_raw": "{code}", "parameter": "{code}", "value_raw": "{value}", "value": {value}, "statistic": "mean", "context": {{}}}}"#
        ))
        .unwrap()
    }

    fn gold(records: &[Record]) -> Vec<GoldValue> {
        hysim_eval::gold::Gold::from_records(records).values
    }

    fn decision(verdict: Verdict, decoder: Option<Record>, reading: Option<Record>) -> Decision {
        Decision { verdict, decoder, reading }
    }

    #[test]
    fn the_gate_admits_a_kind_of_decision_only_where_validation_favours_it() {
        let t = "p1:1";
        let truth =
            gold(&[record(t, "CMAX", 1.0), record(t, "TMAX", 2.0), record(t, "AUCIFO", 3.0), record(t, "CLFO", 9.0)]);
        // Confirmed: right. Changed: the decoder wrong, the reading right. Left out: the
        // reading right. Added: right (a value the reader did not read).
        let decisions = vec![
            decision(Verdict::Confirmed, Some(record(t, "CMAX", 1.0)), Some(record(t, "CMAX", 1.0))),
            decision(Verdict::Changed, Some(record(t, "LAMZHL", 2.0)), Some(record(t, "TMAX", 2.0))),
            decision(Verdict::LeftOut, None, Some(record(t, "AUCIFO", 3.0))),
            decision(Verdict::Added, Some(record(t, "CLFO", 9.0)), None),
        ];
        let (gate, line) = Gate::fit(&decisions, &truth, 0.005);
        assert!(!gate.changes && !gate.leave_outs && gate.additions, "{gate:?}");
        assert_eq!(gate.f1.gated, 1.0);
        assert!(gate.f1.raw < 1.0 && gate.f1.readings < 1.0, "{:?}", gate.f1);
        assert_eq!(gate.evidence["changed"], Evidence { n: 1, decoder_right: 0, reading_right: 1, readings: 1 });
        assert_eq!(gate.evidence["left_out"], Evidence { n: 1, decoder_right: 0, reading_right: 1, readings: 1 });
        assert_eq!(gate.evidence["added"], Evidence { n: 1, decoder_right: 1, reading_right: 0, readings: 0 });
        assert!(line.contains("changes refused, leave-outs refused, additions admitted"), "{line}");
        // Applied: the changed reading written as read, with the share of such readings
        // right on validation as confidence ((1 + 1) / (1 + 2)); the left-out one restored.
        let written = gate.records(&decisions);
        let codes: Vec<&str> = written.iter().filter_map(|r| r.parameter.as_deref()).collect();
        assert_eq!(codes, ["CMAX", "TMAX", "AUCIFO", "CLFO"]);
        assert!((written[1].confidence.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(Gate::RAW.records(&decisions).len(), 3, "raw: the change, no left-out reading");
    }

    #[test]
    fn without_evidence_either_way_the_readings_stand() {
        let t = "p1:1";
        let truth = gold(&[record(t, "CMAX", 1.0)]);
        // A change of a reading on a cell no gold value names: F1 the same either way.
        let decisions = vec![
            decision(Verdict::Confirmed, Some(record(t, "CMAX", 1.0)), Some(record(t, "CMAX", 1.0))),
            decision(Verdict::Changed, Some(record(t, "TMAX", 5.0)), Some(record(t, "AUCIFO", 5.0))),
        ];
        let (gate, _) = Gate::fit(&decisions, &truth, 0.005);
        assert!(!gate.changes && !gate.leave_outs && !gate.additions, "{gate:?}");
        // And a change that is right is admitted.
        let truth = gold(&[record(t, "CMAX", 1.0), record(t, "TMAX", 5.0)]);
        let (gate, _) = Gate::fit(&decisions, &truth, 0.005);
        assert!(gate.changes && !gate.additions, "{gate:?}");
        assert_eq!(
            summary(&decisions, &gate),
            "confirmed 1, changed 1 (1 admitted), left out 0 (0 admitted), added 0 (0 admitted)"
        );
    }

    #[test]
    fn no_decisions_or_additions_only_give_a_gate_without_panic() {
        let (gate, line) = Gate::fit(&[], &[], 0.005);
        assert!(!gate.changes && !gate.leave_outs && !gate.additions);
        assert!(line.contains("confirmed 0"), "{line}");
        assert!(gate.records(&[]).is_empty());
        // Additions only (a table the reader read nothing in), one right of two: admitted,
        // since they raise the F1 from nothing.
        let t = "p1:1";
        let truth = gold(&[record(t, "CMAX", 1.0)]);
        let decisions = vec![
            decision(Verdict::Added, Some(record(t, "CMAX", 1.0)), None),
            decision(Verdict::Added, Some(record(t, "TMAX", 7.0)), None),
        ];
        let (gate, _) = Gate::fit(&decisions, &truth, 0.005);
        assert!(gate.additions, "{gate:?}");
        assert_eq!(gate.records(&decisions).len(), 2);
    }
}
