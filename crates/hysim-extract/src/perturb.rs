//! Readings perturbed as a rule-based reader errs on tables it has not seen, for the
//! decoder's training prompts (`[data] perturb_readings`) and the records its confidence is
//! calibrated on. On the synthetic corpus the reader's readings are nearly all right (2,935
//! of the default corpus's 2,969 gold cells confirmed as read, 31 corrected, none left out),
//! so a decoder trained on them learns to copy them and its confidence cannot rank its
//! records. A perturbed table's readings are changed where a reader errs: a reading's code
//! swapped for another code the table reads (the row or column of another parameter), its
//! statistic swapped (a median read as a mean), and a value cell the reader left unread (a
//! dose, a covariate, a count) given a false reading. The answer stays the gold's: the
//! decoder learns to correct codes and statistics and to leave false readings out.
//!
//! Every choice is a hash of the seed, the table id and the cell: the same tables and cells
//! are perturbed in every run with the same seed, whatever the order of the tables.

use hysim_core::Statistic;
use hysim_tables::CellReader;
use hysim_text::prompt::{CODES, CellId, Pointer};

/// The share of a perturbed table's readings whose code is swapped.
pub const CODE_RATE: f64 = 0.15;
/// The share of a perturbed table's readings whose statistic is swapped.
pub const STATISTIC_RATE: f64 = 0.1;
/// The share of a perturbed table's unread value cells given a false reading.
pub const UNREAD_RATE: f64 = 0.3;

/// The perturbation of one run: the share of tables perturbed and the seed of its choices.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Perturb {
    /// The share of tables (with readings) whose readings are perturbed, 0 to 1.
    pub tables: f64,
    /// The seed of every choice.
    pub seed: u64,
}

/// The readings of one table as its prompt gives them: the reader's, perturbed where the
/// table is one of the perturbed share.
pub struct TableReadings<'r, 't> {
    reader: &'r CellReader<'t>,
    /// The seed for this table's cells, where the table is perturbed.
    perturbed: Option<u64>,
    /// The codes the table's readings name, sorted, and their most common statistic.
    codes: Vec<String>,
    statistic: Statistic,
}

impl<'r, 't> TableReadings<'r, 't> {
    /// The readings of the table `reader` reads, with id `table_id`, perturbed by `perturb`
    /// where it is given and the table falls in its share. A table the reader read nothing
    /// in is never perturbed (its prompt carries no readings).
    pub fn new(reader: &'r CellReader<'t>, table_id: &str, perturb: Option<Perturb>) -> Self {
        // Without a perturbation the reader's readings are given as they are: nothing to
        // gather.
        let Some(perturb) = perturb else {
            return Self { reader, perturbed: None, codes: Vec::new(), statistic: Statistic::Mean };
        };
        let readings = reader.readings();
        let mut codes: Vec<String> = readings.iter().map(|r| r.2.to_owned()).collect();
        codes.sort();
        codes.dedup();
        let mut counts: Vec<(Statistic, usize)> = Vec::new();
        for &(_, _, _, s) in &readings {
            match counts.iter_mut().find(|(t, _)| *t == s) {
                Some((_, n)) => *n += 1,
                None => counts.push((s, 1)),
            }
        }
        let statistic = counts.iter().max_by_key(|(_, n)| *n).map_or(Statistic::Mean, |(s, _)| *s);
        let seed = mix(perturb.seed ^ text_hash(table_id));
        let perturbed = (!readings.is_empty() && unit(seed, 0) < perturb.tables).then_some(seed);
        Self { reader, perturbed, codes, statistic }
    }

    /// Whether this table's readings are perturbed.
    pub fn is_perturbed(&self) -> bool {
        self.perturbed.is_some()
    }

    /// The reading the prompt gives `cell`, if any.
    pub fn reading(&self, cell: CellId) -> Option<Pointer> {
        let read = self.reader.reading(cell.row, cell.col);
        let Some(seed) = self.perturbed else {
            let (code, statistic) = read?;
            return Some(Pointer { cell, code: code.to_owned(), statistic });
        };
        let seed = mix(seed ^ (u64::from(cell.row) << 32 | u64::from(cell.col)));
        match read {
            Some((code, statistic)) => {
                let code = if unit(seed, 1) < CODE_RATE { self.other_code(code, seed) } else { code.to_owned() };
                let statistic = if unit(seed, 2) < STATISTIC_RATE { swapped(statistic) } else { statistic };
                Some(Pointer { cell, code, statistic })
            }
            None => (unit(seed, 3) < UNREAD_RATE).then(|| Pointer {
                cell,
                code: self.other_code("", seed),
                statistic: self.statistic,
            }),
        }
    }

    /// A code other than `code`: one the table reads where it reads another, else one of
    /// the vocabulary's.
    fn other_code(&self, code: &str, seed: u64) -> String {
        let others: Vec<&str> = self.codes.iter().map(String::as_str).filter(|c| *c != code).collect();
        let pick = |n: usize| (mix(seed ^ 0x5eed) % n as u64) as usize;
        if others.is_empty() {
            let vocabulary: Vec<&str> = CODES.iter().copied().filter(|c| *c != code).collect();
            vocabulary[pick(vocabulary.len())].to_owned()
        } else {
            others[pick(others.len())].to_owned()
        }
    }
}

/// The statistic a reader takes another for.
fn swapped(statistic: Statistic) -> Statistic {
    match statistic {
        Statistic::Mean => Statistic::Median,
        _ => Statistic::Mean,
    }
}

/// A uniform number in [0, 1) for draw `k` of `seed`.
fn unit(seed: u64, k: u64) -> f64 {
    (mix(seed.wrapping_add(k.wrapping_mul(0x9e37_79b9_7f4a_7c15))) >> 11) as f64 / (1u64 << 53) as f64
}

/// SplitMix64's finaliser.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FNV-1a of a text.
fn text_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use hysim_core::Table;

    use super::*;

    fn table(id: &str) -> Table {
        Table {
            id: id.into(),
            caption: Some("Table 1. Pharmacokinetics of enrofloxacin in dogs. Values are mean ± SD.".into()),
            header_rows: vec![vec!["Parameter".into(), "Dose (mg/kg)".into(), "IV".into(), "Oral".into()]],
            body_rows: (0..40)
                .map(|k| {
                    let name = ["Cmax (µg/mL)", "Tmax (h)", "AUC0–∞ (µg·h/mL)", "t1/2 (h)"][k % 4];
                    vec![name.into(), "5".into(), format!("{}.{} ± 0.3", k + 1, k % 7), format!("{}.5 ± 0.2", k + 2)]
                })
                .collect(),
            ..Table::default()
        }
    }

    #[test]
    fn a_perturbed_table_swaps_codes_and_statistics_and_adds_false_readings() {
        let t = table("t:1");
        let reader = CellReader::new(&t);
        let cells: Vec<CellId> = (0..40).flat_map(|row| (1..4).map(move |col| CellId { row, col })).collect();
        let plain = TableReadings::new(&reader, &t.id, None);
        assert!(!plain.is_perturbed());
        let read: Vec<Option<Pointer>> = cells.iter().map(|&c| plain.reading(c)).collect();
        // Unperturbed, the reader's own readings (the value columns; the dose column mostly
        // unread).
        assert_eq!(read.iter().flatten().count(), reader.readings().len());
        let unread = read.iter().filter(|r| r.is_none()).count();
        assert!(read.iter().flatten().count() >= 80 && unread >= 30, "{unread}");

        let all = Perturb { tables: 1.0, seed: 7 };
        let perturbed = TableReadings::new(&reader, &t.id, Some(all));
        assert!(perturbed.is_perturbed());
        let (mut codes, mut statistics, mut false_readings) = (0, 0, 0);
        for (&cell, before) in cells.iter().zip(&read) {
            match (before, perturbed.reading(cell)) {
                (Some(b), Some(a)) => {
                    codes += usize::from(a.code != b.code);
                    statistics += usize::from(a.statistic != b.statistic);
                    // A swapped code is one the table reads.
                    assert!(["CMAX", "TMAX", "AUCIFO", "LAMZHL"].contains(&a.code.as_str()), "{a}");
                }
                (None, Some(_)) => false_readings += 1,
                (Some(b), None) => panic!("a reading is never dropped: {b}"),
                (None, None) => {}
            }
        }
        // About the rates' shares of 80 readings and the unread cells.
        assert!((4..=24).contains(&codes), "{codes}");
        assert!((2..=16).contains(&statistics), "{statistics}");
        assert!((3..=unread / 2).contains(&false_readings), "{false_readings} of {unread}");
        // The same seed, the same choices; another seed, others.
        let again = TableReadings::new(&reader, &t.id, Some(all));
        assert!(cells.iter().all(|&c| again.reading(c) == perturbed.reading(c)));
        let other = TableReadings::new(&reader, &t.id, Some(Perturb { tables: 1.0, seed: 8 }));
        assert!(cells.iter().any(|&c| other.reading(c) != perturbed.reading(c)));
        // No table perturbed at share 0; about half at 0.5.
        assert!(!TableReadings::new(&reader, &t.id, Some(Perturb { tables: 0.0, seed: 7 })).is_perturbed());
        let tables: Vec<Table> = (0..200).map(|k| table(&format!("t:{k}"))).collect();
        let half = tables
            .iter()
            .filter(|t| {
                let reader = CellReader::new(t);
                TableReadings::new(&reader, &t.id, Some(Perturb { tables: 0.5, seed: 7 })).is_perturbed()
            })
            .count();
        assert!((70..=130).contains(&half), "{half}");
    }
}
