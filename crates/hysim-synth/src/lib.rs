//! A seeded generator of synthetic PK tables with ground truth: the labelled source
//! domain of Algorithm 1.
//!
//! Values come from pharmacokinetics, not from random numbers: each table is a study of
//! one of 72 drugs ([`catalog::DRUGS`]) in one of 12 species, whose subjects are one- or
//! two-compartment models with between-subject variability ([`pk`]); the printed
//! parameters (Cmax, Tmax, AUC, t1/2, λz, CL, Vz, Vss, MRT, F) are summaries of the
//! subjects' parameters and agree with each other. Tables are laid out as papers print
//! them ([`render`]), and every printed value has a gold [`hysim_core::Record`].
//!
//! [`Profile`]s shift the domain in named ways, and [`noise`] corrupts tables or gold
//! records with flags saying what was done. [`generate`] builds a corpus in memory;
//! [`write_corpus`] writes `tables.jsonl`, `gold.jsonl` and `manifest.json` (and, on
//! request, the same tables as JATS, CSV, Markdown and XLSX). The same seed gives the same
//! bytes: every table draws from its own random stream, so table `k` does not depend on
//! how many tables are generated.
//!
//! # Example
//!
//! ```
//! use hysim_synth::{Config, NoiseSpec, Profile, generate};
//!
//! let cfg = Config { n: 3, seed: 7, profile: Profile::Clinical, noise: NoiseSpec::parse("none").unwrap() };
//! let items = generate(&cfg);
//! assert_eq!(items.len(), 3);
//! // Every printed PK value has its gold record; characteristics tables have none.
//! for item in &items {
//!     assert_eq!(item.table.gold.is_empty(), item.table.layout.name() == "not_pk");
//! }
//! ```

pub mod catalog;
mod error;
mod families;
mod format;
pub mod noise;
mod offtopic;
pub mod pk;
pub mod render;
pub mod rng;
pub mod study;
mod write;

use std::fmt;
use std::str::FromStr;

pub use error::{Error, Result};
pub use noise::NoiseSpec;
pub use render::SynthTable;
pub use write::{Format, Manifest, write_corpus};

use rng::Rng;
use study::Study;

/// A named domain: what kind of studies and markup the tables come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// Human clinical PK studies in PMC-style markup: healthy volunteers and patients,
    /// fixed doses in mg, plasma or serum, ng/mL and L/h, mean ± SD, geometric mean (CV%),
    /// mean (95% CI) and median (range or IQR), `<thead>` headers and numeric entities.
    Clinical,
    /// Veterinary PK and residue studies in publisher-style markup: dogs, cats, cattle,
    /// pigs, horses, sheep, goats, chickens and laboratory species, doses in mg/kg, plasma,
    /// serum and milk, µg/mL and mL/min/kg, mean ± SD or SEM and median (range), more
    /// individual-subject tables, `<th>` rows without `<thead>`, named entities, and now
    /// and then decimal commas.
    Veterinary,
    /// Each table drawn from one of the two above with equal probability.
    Mixed,
}

impl Profile {
    /// Every profile, by name.
    pub const ALL: [(&'static str, Profile); 3] =
        [("clinical", Profile::Clinical), ("veterinary", Profile::Veterinary), ("mixed", Profile::Mixed)];
}

impl FromStr for Profile {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        Profile::ALL.iter().find(|(name, _)| *name == s).map(|(_, p)| *p).ok_or_else(|| Error::UnknownProfile {
            name: s.to_owned(),
            expected: Profile::ALL.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", "),
        })
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = Profile::ALL.iter().find(|(_, p)| p == self).map_or("?", |(n, _)| *n);
        f.write_str(name)
    }
}

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Number of tables.
    pub n: usize,
    /// Seed.
    pub seed: u64,
    /// Domain profile.
    pub profile: Profile,
    /// Noise rates.
    pub noise: NoiseSpec,
}

/// One generated table with its metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The paper id (`syn000001`).
    pub pmid: String,
    /// The table with its gold records.
    pub table: SynthTable,
    /// `clinical` or `veterinary`: the house style it was drawn in.
    pub profile: Profile,
    /// The noise flag of the table, if any.
    pub noise: Option<String>,
}

/// Paper ids start with this unless [`rename`]d.
pub const PREFIX: &str = "syn";

/// Gives the papers of `items` ids starting with `prefix` rather than [`PREFIX`]
/// (`tgt000001`), in their tables and gold records alike: a second corpus (a synthetic
/// target beside a synthetic source) whose papers are never taken for the first's.
pub fn rename(items: &mut [Item], prefix: &str) -> Result<()> {
    if prefix.is_empty() || !prefix.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        return Err(Error::BadPrefix { prefix: prefix.to_owned() });
    }
    let swap = |id: &str| format!("{prefix}{}", id.strip_prefix(PREFIX).unwrap_or(id));
    for item in items {
        item.pmid = swap(&item.pmid);
        item.table.table.id = swap(&item.table.table.id);
        for record in &mut item.table.gold {
            record.table_id = swap(&record.table_id);
        }
    }
    Ok(())
}

/// Salt that separates the noise streams from the table streams, so that the same seed
/// with and without noise gives the same clean tables.
const NOISE_STREAM: u64 = 0x6E6F_6973_65AA_55AA;

/// Salt of the streams that choose how numbers, marks and headers are printed.
const PRINT_STREAM: u64 = 0x7072_696E_7455_AA55;

/// Salt of the streams that choose which tables print as a PDF's conversion does.
const CONVERSION_STREAM: u64 = 0x7064_6663_6F6E_7633;

/// The share of tables printed with a PDF's conversion's stacked rows
/// ([`SynthTable::stacked`]).
const STACKED: f64 = 0.06;

/// Generates the corpus of `cfg`.
pub fn generate(cfg: &Config) -> Vec<Item> {
    (0..cfg.n)
        .map(|k| {
            let mut rng = Rng::stream(cfg.seed, k as u64);
            let veterinary = match cfg.profile {
                Profile::Clinical => false,
                Profile::Veterinary => true,
                Profile::Mixed => rng.chance(0.5),
            };
            let pmid = format!("{PREFIX}{:06}", k + 1);
            let id = format!("{pmid}:1");
            let study = Study::draw(&mut rng, veterinary);
            let index = 1 + rng.below(4) as u32;
            let mut print_rng = Rng::stream(cfg.seed ^ PRINT_STREAM, k as u64);
            let mut table = render::render(&mut rng, &mut print_rng, &study, &id, index, veterinary);
            let mut noise_rng = Rng::stream(cfg.seed ^ NOISE_STREAM, k as u64);
            let noise = noise::apply(&mut noise_rng, &cfg.noise, &mut table);
            table.stacked = Rng::stream(cfg.seed ^ CONVERSION_STREAM, k as u64).chance(STACKED);
            let profile = if veterinary { Profile::Veterinary } else { Profile::Clinical };
            Item { pmid, table, profile, noise }
        })
        .collect()
}
