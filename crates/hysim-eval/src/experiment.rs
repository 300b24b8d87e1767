//! Experiments over weighting methods: runs that differ in one setting, scored on the same
//! target tables, pooled over training seeds, each method with an interval over tables and
//! its paired difference to a reference method (`unweighted`).
//!
//! A method's score is the mean over its seeds of the micro F1 of its records; its interval
//! resamples the target papers (with replacement; a synthetic paper is one table) and
//! recomputes that mean; the difference to the reference is taken on the same resample, so
//! what the tables have in common cancels. What the weights did sits beside the scores: the
//! mean weight of each group of source tables (sub-domain, noise kind) and how the manifold's
//! off-manifold flags recall each noise kind.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use hysim_core::SampleWeights;
use serde::Serialize;

use crate::stats::{Interval, Tally, f1_of, percentile_interval};

/// Per group: how many source tables, and their mean weight.
pub type MeanWeights = BTreeMap<String, (usize, f64)>;
/// Per noise kind: how many source tables, and how many flagged off the manifold.
pub type Flags = BTreeMap<String, (usize, usize)>;

/// The two kinds of gold values scored apart.
pub const KINDS: [&str; 2] = ["pk_summary", "pk_individual"];

/// The scores of one trained run.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The target it was scored on (`real`, `synthetic`).
    pub arm: String,
    /// The weighting method.
    pub method: String,
    /// The training seed.
    pub seed: u64,
    /// The system (`encoder`, `decoder`).
    pub system: String,
    /// Counts per kind of gold ([`KINDS`]), then per paper.
    pub tallies: BTreeMap<String, BTreeMap<String, Tally>>,
    /// What the run's weights did.
    pub weights: Option<WeightSummary>,
}

/// What a run's weights did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WeightSummary {
    /// Similarity sharpness used (after `auto`).
    pub alpha: f64,
    /// Cleanliness sharpness used.
    pub beta: f64,
    /// Largest weight.
    pub w_max: f64,
    /// Effective sample size over the number of weighted tables.
    pub ess_fraction: f64,
    /// `sigma * sqrt(d)` of the manifold.
    pub sigma_sqrt_d: f64,
    /// Groups of source tables (`profile <name>`, `noise <kind>`; `noise none` for clean
    /// ones): tables and their mean weight.
    pub mean_weight: MeanWeights,
    /// Per noise kind (and `none`): tables of that kind and how many were flagged off the
    /// manifold.
    pub flags: Flags,
}

/// A source table as the generator described it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceTable {
    /// Table id, as in the weights.
    pub id: String,
    /// Its sub-domain (`clinical`, `veterinary`), when known.
    pub profile: Option<String>,
    /// Its noise flag, when noisy.
    pub noise: Option<String>,
}

impl SourceTable {
    fn groups(&self) -> Vec<String> {
        let mut g = Vec::new();
        if let Some(p) = &self.profile {
            g.push(format!("profile {p}"));
        }
        g.push(format!("noise {}", self.noise.as_deref().unwrap_or("none")));
        g
    }
}

/// The per-group mean weight and the off-manifold flags per noise kind of `weights` over
/// `tables` (tables the weights leave out count with weight 0, and as flagged).
pub fn weight_groups(tables: &[SourceTable], weights: &SampleWeights) -> (MeanWeights, Flags) {
    let by_id: BTreeMap<&str, (f64, bool)> =
        weights.rows.iter().map(|w| (w.id.as_str(), (w.w_hybrid, w.off_manifold))).collect();
    let mut sums: BTreeMap<String, (usize, f64)> = BTreeMap::new();
    let mut flags: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for t in tables {
        let (w, off) = by_id.get(t.id.as_str()).copied().unwrap_or((0.0, true));
        for g in t.groups() {
            let e = sums.entry(g).or_default();
            e.0 += 1;
            e.1 += w;
        }
        let e = flags.entry(t.noise.clone().unwrap_or_else(|| "none".to_owned())).or_default();
        e.0 += 1;
        e.1 += usize::from(off);
    }
    let means = sums.into_iter().map(|(g, (n, s))| (g, (n, s / n as f64))).collect();
    (means, flags)
}

/// The per-paper counts of a `metrics.json` as `hysim eval` writes it: the numeric
/// protocol's (`pk_summary`) and the per-subject ones (`pk_individual`), where present.
pub fn tallies_of(metrics: &serde_json::Value) -> BTreeMap<String, BTreeMap<String, Tally>> {
    let mut out = BTreeMap::new();
    for (kind, section) in [("pk_summary", "numeric"), ("pk_individual", "individual")] {
        let Some(papers) = metrics.get(section).and_then(|s| s.get("per_paper")).and_then(|p| p.as_object()) else {
            continue;
        };
        let count =
            |p: &serde_json::Value, key: &str| p.get(key).and_then(serde_json::Value::as_u64).unwrap_or(0) as usize;
        let per_paper =
            papers.iter().map(|(id, p)| (id.clone(), (count(p, "tp"), count(p, "fp"), count(p, "fn")))).collect();
        out.insert(kind.to_owned(), per_paper);
    }
    out
}

/// What a run's weights did: the numbers of its `weights.diagnostics.json`, and the groups
/// of its source `tables` (lines of the generator's `tables.jsonl`: `table_id`, `profile`,
/// `noise`) under `weights`. The error names a missing diagnostic.
pub fn weight_summary(
    diagnostics: &serde_json::Value,
    tables: &[serde_json::Value],
    weights: &SampleWeights,
) -> std::result::Result<WeightSummary, String> {
    let num = |key: &str| {
        diagnostics.get(key).and_then(serde_json::Value::as_f64).ok_or_else(|| format!("no number `{key}`"))
    };
    let text = |line: &serde_json::Value, key: &str| line.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    let tables: Vec<SourceTable> = tables
        .iter()
        .filter_map(|l| {
            Some(SourceTable { id: text(l, "table_id")?, profile: text(l, "profile"), noise: text(l, "noise") })
        })
        .collect();
    let (mean_weight, flags) = weight_groups(&tables, weights);
    Ok(WeightSummary {
        alpha: num("alpha")?,
        beta: num("beta")?,
        w_max: num("w_max")?,
        ess_fraction: num("ess_fraction")?,
        sigma_sqrt_d: num("sigma_sqrt_d")?,
        mean_weight,
        flags,
    })
}

/// One method's line in one comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Target.
    pub arm: String,
    /// System.
    pub system: String,
    /// Kind of gold.
    pub kind: String,
    /// Method.
    pub method: String,
    /// F1 of each seed, in seed order.
    pub seed_f1: Vec<f64>,
    /// Their mean.
    pub f1: f64,
    /// 95 % interval of the mean over resampled papers.
    pub interval: Interval,
    /// Counts summed over the seeds.
    pub total: Tally,
    /// Difference to the reference method on the same resamples: point, interval, and the
    /// share of resamples where it is at most 0. `None` for the reference itself.
    pub difference: Option<(f64, Interval, f64)>,
    /// The weights of its first seed.
    pub weights: Option<WeightSummary>,
}

/// Compares the methods of `runs` within each target, system and kind of gold, against
/// `reference`, with `n_resamples` paired resamples of the papers.
pub fn compare(runs: &[Run], reference: &str, n_resamples: usize, seed: u64) -> Vec<Row> {
    let mut groups: Vec<(String, String, String)> = Vec::new();
    for r in runs {
        for kind in KINDS {
            let key = (r.arm.clone(), r.system.clone(), kind.to_owned());
            if r.tallies.contains_key(kind) && !groups.contains(&key) {
                groups.push(key);
            }
        }
    }
    let mut rows = Vec::new();
    for (arm, system, kind) in groups {
        let members: Vec<&Run> = runs.iter().filter(|r| r.arm == arm && r.system == system).collect();
        let papers: Vec<&str> = members
            .iter()
            .filter_map(|r| r.tallies.get(&kind))
            .flat_map(|t| t.keys().map(String::as_str))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let gold: usize =
            members.iter().filter_map(|r| r.tallies.get(&kind)).flat_map(|t| t.values()).map(|t| t.0 + t.2).sum();
        if papers.is_empty() || gold == 0 {
            continue;
        }
        let mut methods: Vec<&str> = Vec::new();
        for r in &members {
            if !methods.contains(&r.method.as_str()) {
                methods.push(&r.method);
            }
        }
        // Per method, per seed: the papers' counts in `papers` order.
        let table: Vec<Vec<Vec<Tally>>> = methods
            .iter()
            .map(|m| {
                let mut seeds: Vec<&Run> = members.iter().copied().filter(|r| r.method == *m).collect();
                seeds.sort_by_key(|r| r.seed);
                seeds
                    .iter()
                    .map(|r| {
                        let t = r.tallies.get(&kind);
                        papers.iter().map(|p| t.and_then(|t| t.get(*p)).copied().unwrap_or_default()).collect()
                    })
                    .collect()
            })
            .collect();
        let mean_f1 = |seeds: &[Vec<Tally>], idx: &[usize]| {
            let f: f64 = seeds
                .iter()
                .map(|paper| {
                    let (tp, fp, fn_) =
                        idx.iter().fold((0, 0, 0), |s, &k| (s.0 + paper[k].0, s.1 + paper[k].1, s.2 + paper[k].2));
                    f1_of(tp, fp, fn_)
                })
                .sum();
            f / seeds.len().max(1) as f64
        };
        let all: Vec<usize> = (0..papers.len()).collect();
        let reference_at = methods.iter().position(|m| *m == reference);
        let mut rng = hysim_core::SplitMix64::new(seed);
        let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(n_resamples); methods.len()];
        for _ in 0..n_resamples {
            let idx: Vec<usize> = (0..papers.len()).map(|_| rng.below(papers.len())).collect();
            for (k, seeds) in table.iter().enumerate() {
                samples[k].push(mean_f1(seeds, &idx));
            }
        }
        for (k, m) in methods.iter().enumerate() {
            let seed_f1: Vec<f64> = table[k].iter().map(|paper| mean_f1(std::slice::from_ref(paper), &all)).collect();
            let total = table[k].iter().flatten().fold((0, 0, 0), |s, t| (s.0 + t.0, s.1 + t.1, s.2 + t.2));
            let f1 = mean_f1(&table[k], &all);
            let difference = reference_at.filter(|&r| r != k).map(|r| {
                let diffs: Vec<f64> = samples[k].iter().zip(&samples[r]).map(|(a, b)| a - b).collect();
                let not_better = diffs.iter().filter(|d| **d <= 0.0).count() as f64 / diffs.len().max(1) as f64;
                (f1 - mean_f1(&table[r], &all), percentile_interval(diffs), not_better)
            });
            let weights =
                members.iter().filter(|r| r.method == *m).min_by_key(|r| r.seed).and_then(|r| r.weights.clone());
            rows.push(Row {
                arm: arm.clone(),
                system: system.clone(),
                kind: kind.clone(),
                method: (*m).to_owned(),
                seed_f1,
                f1,
                interval: percentile_interval(samples[k].clone()),
                total,
                difference,
                weights,
            });
        }
    }
    rows
}

/// What the paired difference of `method` says, in words: higher, lower, or no difference
/// shown (the interval contains 0).
pub fn verdict(row: &Row, reference: &str) -> String {
    let Some((d, ci, _)) = row.difference else {
        return if row.method == reference {
            format!("{} is the reference", row.method)
        } else {
            format!("{}: no {reference} run to compare with", row.method)
        };
    };
    let word = if ci.low > 0.0 {
        "higher"
    } else if ci.high < 0.0 {
        "lower"
    } else {
        "no difference shown"
    };
    format!("{} − {reference}: {d:+.3} (95 % CI {:+.3} to {:+.3}): {word}", row.method, ci.low, ci.high)
}

fn pct(x: f64) -> String {
    format!("{:.0} %", 100.0 * x)
}

/// The comparison tables, one per target, system and kind of gold, then what the weights did
/// per target: mean weights per group of source tables, and off-manifold flags per noise kind.
pub fn markdown(rows: &[Row], reference: &str) -> String {
    let mut out = String::new();
    let mut keys: Vec<(&str, &str, &str)> = Vec::new();
    for r in rows {
        let k = (r.arm.as_str(), r.system.as_str(), r.kind.as_str());
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    for (arm, system, kind) in &keys {
        let group: Vec<&Row> = rows
            .iter()
            .filter(|r| (r.arm.as_str(), r.system.as_str(), r.kind.as_str()) == (*arm, *system, *kind))
            .collect();
        let seeds = group.iter().map(|r| r.seed_f1.len()).max().unwrap_or(0);
        let _ = writeln!(out, "### {arm} target, {kind}, {system}\n");
        let _ = writeln!(
            out,
            "| method | F1 (mean of {seeds} seeds) | 95% CI | F1 per seed | − {reference} | 95% CI | P(≤ 0) | tp/fp/fn (all seeds) | alpha | beta | W_max | ESS | σ√d |"
        );
        out.push_str("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for r in &group {
            let per_seed: Vec<String> = r.seed_f1.iter().map(|f| format!("{f:.3}")).collect();
            let diff = match r.difference {
                Some((d, ci, p)) => format!("{d:+.3} | {:+.3} to {:+.3} | {p:.2}", ci.low, ci.high),
                None => "| |".to_owned(),
            };
            let w = match &r.weights {
                Some(w) => format!(
                    "{:.2} | {:.2} | {:.2} | {} | {:.3}",
                    w.alpha,
                    w.beta,
                    w.w_max,
                    pct(w.ess_fraction),
                    w.sigma_sqrt_d
                ),
                None => "| | | |".to_owned(),
            };
            let _ = writeln!(
                out,
                "| {} | {:.3} | {:.3}-{:.3} | {} | {diff} | {}/{}/{} | {w} |",
                r.method,
                r.f1,
                r.interval.low,
                r.interval.high,
                per_seed.join(", "),
                r.total.0,
                r.total.1,
                r.total.2
            );
        }
        out.push('\n');
    }
    let arms: Vec<&str> = keys.iter().map(|k| k.0).collect::<BTreeSet<_>>().into_iter().collect();
    for arm in arms {
        // One row per method (the weights do not depend on the system or the kind of gold).
        let mut seen = BTreeSet::new();
        let per_method: Vec<(&str, &WeightSummary)> = rows
            .iter()
            .filter(|r| r.arm == arm)
            .filter_map(|r| r.weights.as_ref().map(|w| (r.method.as_str(), w)))
            .filter(|(m, _)| seen.insert(*m))
            .collect();
        let Some((_, first)) = per_method.first() else { continue };
        let groups: Vec<&String> = first.mean_weight.keys().collect();
        let _ = writeln!(out, "### {arm} target: mean weight of the source tables of each group\n");
        let _ = writeln!(
            out,
            "| method | {} |",
            groups.iter().map(|g| format!("{g} ({})", first.mean_weight[*g].0)).collect::<Vec<_>>().join(" | ")
        );
        let _ = writeln!(out, "|---|{}", "---|".repeat(groups.len()));
        for (m, w) in &per_method {
            let cells: Vec<String> = groups
                .iter()
                .map(|g| w.mean_weight.get(*g).map_or(String::new(), |(_, x)| format!("{x:.2}")))
                .collect();
            let _ = writeln!(out, "| {m} | {} |", cells.join(" | "));
        }
        out.push('\n');
        // The flags depend on the manifold only: one row per distinct outcome.
        let kinds: Vec<&String> = first.flags.keys().filter(|k| k.as_str() != "none").collect();
        let _ = writeln!(
            out,
            "### {arm} target: off-manifold flags per noise kind (recall: share of that kind's tables flagged; precision: flagged tables of that kind over those and the flagged clean ones)\n"
        );
        let _ = writeln!(
            out,
            "| methods | {} | flagged clean |",
            kinds
                .iter()
                .map(|k| format!("{k} ({}) recall / precision", first.flags[*k].0))
                .collect::<Vec<_>>()
                .join(" | ")
        );
        let _ = writeln!(out, "|---|{}---|", "---|".repeat(kinds.len()));
        let mut outcomes: Vec<(Vec<&str>, &Flags)> = Vec::new();
        for (m, w) in &per_method {
            match outcomes.iter_mut().find(|(_, f)| **f == w.flags) {
                Some((names, _)) => names.push(m),
                None => outcomes.push((vec![m], &w.flags)),
            }
        }
        for (names, flags) in outcomes {
            let clean = flags.get("none").copied().unwrap_or_default();
            let cells: Vec<String> = kinds
                .iter()
                .map(|k| {
                    let (n, f) = flags.get(*k).copied().unwrap_or_default();
                    let recall = if n == 0 { 0.0 } else { f as f64 / n as f64 };
                    let precision = if f + clean.1 == 0 { 0.0 } else { f as f64 / (f + clean.1) as f64 };
                    format!("{recall:.2} / {precision:.2}")
                })
                .collect();
            let _ = writeln!(out, "| {} | {} | {} of {} |", names.join(", "), cells.join(" | "), clean.1, clean.0);
        }
        out.push('\n');
    }
    out
}

/// F1 against alpha (log scale) for the methods named `alpha-<number>` and, at the alpha it
/// chose, `auto_method`: mean over seeds with the 95 % interval as a whisker. `None` when
/// fewer than two such methods were run.
pub fn alpha_plot(rows: &[Row], arm: &str, system: &str, kind: &str, auto_method: &str) -> Option<String> {
    let mut points: Vec<(f64, &Row, bool)> = rows
        .iter()
        .filter(|r| r.arm == arm && r.system == system && r.kind == kind)
        .filter_map(|r| {
            if let Some(a) = r.method.strip_prefix("alpha-").and_then(|a| a.parse::<f64>().ok()) {
                Some((a, r, false))
            } else if r.method == auto_method {
                r.weights.as_ref().map(|w| (w.alpha, r, true))
            } else {
                None
            }
        })
        .filter(|(a, _, _)| *a > 0.0 && a.is_finite())
        .collect();
    if points.iter().filter(|p| !p.2).count() < 2 {
        return None;
    }
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (w, h, left, bottom, top, right) = (600.0, 320.0, 60.0, 58.0, 30.0, 20.0);
    let lx = |a: f64| a.log10();
    let (x_lo, x_hi) = (lx(points[0].0) - 0.1, lx(points[points.len() - 1].0) + 0.1);
    let y_lo = points.iter().map(|p| p.1.interval.low.min(p.1.f1)).fold(1.0, f64::min).max(0.0);
    let y_hi = points.iter().map(|p| p.1.interval.high.max(p.1.f1)).fold(0.0, f64::max).min(1.0);
    let (y_lo, y_hi) = ((y_lo - 0.02).max(0.0), (y_hi + 0.02).min(1.0));
    let px = |a: f64| left + (w - left - right) * (lx(a) - x_lo) / (x_hi - x_lo);
    let py = |f: f64| (h - bottom) - (h - bottom - top) * if y_hi > y_lo { (f - y_lo) / (y_hi - y_lo) } else { 0.5 };
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" role="img" aria-label="F1 against alpha"><text x="{left}" y="18" font-size="13">{arm} target, {kind}, {system}: F1 against alpha</text>"#
    );
    let _ = write!(
        svg,
        r##"<line x1="{left}" x2="{}" y1="{}" y2="{}" stroke="#222"/><line x1="{left}" x2="{left}" y1="{top}" y2="{}" stroke="#222"/><text x="{}" y="{}" font-size="12" text-anchor="middle">alpha (distances in standard deviations, log scale); dots: mean of seeds, bars: 95 % CI</text>"##,
        w - right,
        h - bottom,
        h - bottom,
        h - bottom,
        (left + w - right) / 2.0,
        h - 8.0
    );
    for k in 0..=4 {
        let f = y_lo + (y_hi - y_lo) * f64::from(k) / 4.0;
        let _ = write!(
            svg,
            r##"<line x1="{}" x2="{left}" y1="{y:.1}" y2="{y:.1}" stroke="#222"/><text x="{}" y="{:.1}" font-size="11" text-anchor="end">{f:.2}</text>"##,
            left - 4.0,
            left - 6.0,
            py(f) + 4.0,
            y = py(f)
        );
    }
    let line: Vec<String> =
        points.iter().filter(|p| !p.2).map(|(a, r, _)| format!("{:.1},{:.1}", px(*a), py(r.f1))).collect();
    let _ = write!(svg, r##"<polyline points="{}" fill="none" stroke="#4a7ab5" stroke-width="2"/>"##, line.join(" "));
    for (a, r, auto) in &points {
        let (x, colour) = (px(*a), if *auto { "#c0392b" } else { "#4a7ab5" });
        let _ = write!(
            svg,
            r##"<line x1="{x:.1}" x2="{x:.1}" y1="{:.1}" y2="{:.1}" stroke="{colour}"/><circle cx="{x:.1}" cy="{:.1}" r="4" fill="{colour}"><title>{} alpha {a:.3}: F1 {:.3} ({:.3}-{:.3})</title></circle><text x="{x:.1}" y="{}" font-size="11" text-anchor="middle">{}</text>"##,
            py(r.interval.low),
            py(r.interval.high),
            py(r.f1),
            r.method,
            r.f1,
            r.interval.low,
            r.interval.high,
            h - bottom + if *auto { 28.0 } else { 15.0 },
            if *auto { format!("auto {a:.2}") } else { format!("{a}") }
        );
    }
    svg.push_str("</svg>\n");
    Some(svg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use hysim_core::SampleWeight;

    fn run(method: &str, seed: u64, papers: &[(&str, Tally)]) -> Run {
        let per_paper: BTreeMap<String, Tally> = papers.iter().map(|(p, t)| ((*p).to_owned(), *t)).collect();
        Run {
            arm: "synthetic".into(),
            method: method.into(),
            seed,
            system: "encoder".into(),
            tallies: BTreeMap::from([("pk_summary".to_owned(), per_paper)]),
            weights: None,
        }
    }

    /// A method better on every paper and every seed has a positive difference whose interval
    /// excludes 0; one equal to the reference has a difference of exactly 0; seeds average.
    #[test]
    fn paired_differences_over_seeds_and_papers() {
        let papers: Vec<String> = (0..40).map(|k| format!("p{k}")).collect();
        let mut runs = Vec::new();
        for seed in 0..3 {
            let base: Vec<(&str, Tally)> = papers.iter().map(|p| (p.as_str(), (6, 2, 2))).collect();
            let better: Vec<(&str, Tally)> = papers.iter().map(|p| (p.as_str(), (8, 1, 0))).collect();
            let mixed: Vec<(&str, Tally)> =
                papers.iter().map(|p| (p.as_str(), if seed == 0 { (8, 1, 0) } else { (6, 2, 2) })).collect();
            runs.push(run("unweighted", seed, &base));
            runs.push(run("hybrid", seed, &better));
            runs.push(run("same", seed, &base));
            runs.push(run("one-seed", seed, &mixed));
        }
        let rows = compare(&runs, "unweighted", 300, 1);
        assert_eq!(rows.len(), 4);
        let get = |m: &str| rows.iter().find(|r| r.method == m).unwrap();
        let (u, h, s, o) = (get("unweighted"), get("hybrid"), get("same"), get("one-seed"));
        assert!(u.difference.is_none());
        assert!((u.f1 - 0.75).abs() < 1e-9 && (h.f1 - 16.0 / 17.0).abs() < 1e-9, "{} {}", u.f1, h.f1);
        let (d, ci, p) = h.difference.unwrap();
        assert!(d > 0.19 && ci.low > 0.19 && p == 0.0, "{d} {ci:?} {p}");
        assert!(verdict(h, "unweighted").ends_with("higher"));
        let (d, ci, _) = s.difference.unwrap();
        assert_eq!((d, ci.low, ci.high), (0.0, 0.0, 0.0));
        assert!(verdict(s, "unweighted").ends_with("no difference shown"));
        assert!((o.f1 - (16.0 / 17.0 + 1.5) / 3.0).abs() < 1e-9);
        assert_eq!(o.seed_f1.len(), 3);
        assert_eq!(u.total, (6 * 40 * 3, 2 * 40 * 3, 2 * 40 * 3));
        let md = markdown(&rows, "unweighted");
        assert!(md.contains("| hybrid | 0.941 |"), "{md}");
    }

    /// Mean weights per group, and flags per noise kind; a table the weights leave out
    /// counts as flagged with weight 0.
    #[test]
    fn weight_groups_sum_by_sub_domain_and_noise() {
        let table = |id: &str, profile: &str, noise: Option<&str>| SourceTable {
            id: id.into(),
            profile: Some(profile.into()),
            noise: noise.map(str::to_owned),
        };
        let tables = vec![
            table("a", "clinical", None),
            table("b", "veterinary", None),
            table("c", "veterinary", Some("ocr")),
            table("d", "clinical", Some("ocr")),
        ];
        let w = |id: &str, h: f64, off: bool| SampleWeight {
            id: id.into(),
            dist: 0.0,
            w_sim: 1.0,
            d_manifold: 0.0,
            w_clean: 1.0,
            off_manifold: off,
            w_hybrid: h,
        };
        let weights = SampleWeights { rows: vec![w("a", 0.5, false), w("b", 2.0, false), w("c", 1.5, true)] };
        let (means, flags) = weight_groups(&tables, &weights);
        assert_eq!(means["profile veterinary"], (2, 1.75));
        assert_eq!(means["profile clinical"], (2, 0.25));
        assert_eq!(means["noise ocr"], (2, 0.75));
        assert_eq!(flags["ocr"], (2, 2));
        assert_eq!(flags["none"], (2, 0));
    }

    /// Scores and diagnostics are read from the JSON `hysim eval` and `hysim weights` write;
    /// a missing diagnostic is an error naming it, and a reference-less group says so.
    #[test]
    fn reads_metrics_and_diagnostics() {
        let metrics = serde_json::json!({
            "numeric": {"per_paper": {"p1": {"tp": 3, "fp": 1, "fn": 2, "f1": 0.6}}},
            "individual": {"per_paper": {}}
        });
        let t = tallies_of(&metrics);
        assert_eq!(t["pk_summary"]["p1"], (3, 1, 2));
        assert!(t["pk_individual"].is_empty());
        let diagnostics = serde_json::json!({"alpha": 1.0, "beta": 0.5, "w_max": 3.0, "ess_fraction": 0.5});
        let tables = [serde_json::json!({"table_id": "a", "profile": "clinical", "noise": null})];
        let err = weight_summary(&diagnostics, &tables, &SampleWeights::default()).unwrap_err();
        assert!(err.contains("sigma_sqrt_d"), "{err}");
        let rows = compare(&[run("hybrid", 0, &[("p1", (3, 1, 2))])], "unweighted", 10, 1);
        assert_eq!(verdict(&rows[0], "unweighted"), "hybrid: no unweighted run to compare with");
    }

    #[test]
    fn the_alpha_plot_needs_two_alphas_and_marks_auto() {
        let mut runs = Vec::new();
        for (m, t) in [("alpha-0.5", (5, 5, 5)), ("alpha-2", (7, 3, 3)), ("similarity", (6, 4, 4))] {
            let mut r = run(m, 0, &[("p1", t), ("p2", t)]);
            r.weights = Some(WeightSummary { alpha: 1.3, ..WeightSummary::default() });
            runs.push(r);
        }
        let rows = compare(&runs, "unweighted", 50, 1);
        let svg = alpha_plot(&rows, "synthetic", "encoder", "pk_summary", "similarity").unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("auto 1.30") && svg.contains("polyline"));
        assert!(alpha_plot(&rows[..1], "synthetic", "encoder", "pk_summary", "similarity").is_none());
    }
}
