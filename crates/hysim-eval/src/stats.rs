//! Calibration and uncertainty: expected calibration error with its reliability bins,
//! Platt scaling of confidences, bootstrap 95 % intervals over tables, and a paired bootstrap comparing two prediction
//! files on the same resampled tables.
//!
//! Resampling draws from `hysim_core::SplitMix64`, so a report is the same on every run.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One bin of the reliability diagram.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Bin {
    /// Lower edge of the confidence bin.
    pub low: f64,
    /// Upper edge.
    pub high: f64,
    /// Records in the bin.
    pub count: usize,
    /// Mean confidence of its records.
    pub confidence: f64,
    /// Share of its records that are correct.
    pub accuracy: f64,
}

/// Expected calibration error over equal-width bins of `(confidence, correct)` pairs:
/// `Σ_b n_b / n · |accuracy_b − confidence_b|`. `None` when there is no pair.
pub fn calibration(pairs: &[(f64, bool)], n_bins: usize) -> Option<(f64, Vec<Bin>)> {
    if pairs.is_empty() || n_bins == 0 {
        return None;
    }
    let mut bins: Vec<Bin> = (0..n_bins)
        .map(|b| Bin { low: b as f64 / n_bins as f64, high: (b + 1) as f64 / n_bins as f64, ..Bin::default() })
        .collect();
    for &(c, correct) in pairs {
        let b = ((c.clamp(0.0, 1.0) * n_bins as f64) as usize).min(n_bins - 1);
        bins[b].count += 1;
        bins[b].confidence += c;
        bins[b].accuracy += f64::from(u8::from(correct));
    }
    let n = pairs.len() as f64;
    let mut ece = 0.0;
    for bin in &mut bins {
        if bin.count > 0 {
            bin.confidence /= bin.count as f64;
            bin.accuracy /= bin.count as f64;
            ece += bin.count as f64 / n * (bin.accuracy - bin.confidence).abs();
        }
    }
    Some((ece, bins))
}

/// A 95 % interval.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Interval {
    /// 2.5th percentile.
    pub low: f64,
    /// 97.5th percentile.
    pub high: f64,
}

/// The 2.5th and 97.5th percentiles of `xs` (nearest rank); zeros when empty.
pub fn percentile_interval(mut xs: Vec<f64>) -> Interval {
    if xs.is_empty() {
        return Interval::default();
    }
    xs.sort_by(f64::total_cmp);
    let at = |q: f64| xs[((q * (xs.len() - 1) as f64).round() as usize).min(xs.len() - 1)];
    Interval { low: at(0.025), high: at(0.975) }
}

/// Counts of one table (and one parameter class): true positives, false positives, false
/// negatives.
pub type Tally = (usize, usize, usize);

/// Platt scaling: `p = σ(a · logit(c) + b)` maps a raw confidence `c` to a calibrated
/// probability, fitted by maximum likelihood on `(confidence, correct)` pairs with Platt's
/// smoothed targets (`(right + 1) / (right + 2)` for a right record, `1 / (wrong + 2)` for
/// a wrong one), so that a few pairs, or pairs of one kind only, still give finite
/// parameters. `a` is kept at or above 0: a higher raw confidence never means a lower
/// calibrated one (where the data says otherwise, `a = 0` and every record gets the mean
/// of the smoothed targets).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Platt {
    /// Slope on the raw confidence's logit.
    pub a: f64,
    /// Intercept.
    pub b: f64,
    /// Pairs it was fitted on.
    pub n: usize,
    /// Of them, right ones.
    pub right: usize,
}

fn logit(c: f64) -> f64 {
    let c = c.clamp(1e-6, 1.0 - 1e-6);
    (c / (1.0 - c)).ln()
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

impl Platt {
    /// Fits the mapping (`None` without pairs).
    pub fn fit(pairs: &[(f64, bool)]) -> Option<Self> {
        if pairs.is_empty() {
            return None;
        }
        let right = pairs.iter().filter(|(_, r)| *r).count();
        let wrong = pairs.len() - right;
        let hi = (right as f64 + 1.0) / (right as f64 + 2.0);
        let lo = 1.0 / (wrong as f64 + 2.0);
        let data: Vec<(f64, f64)> = pairs.iter().map(|&(c, r)| (logit(c), if r { hi } else { lo })).collect();
        // Negative log-likelihood of (a, b) against the smoothed targets.
        let loss = |a: f64, b: f64| -> f64 {
            data.iter()
                .map(|&(x, t)| {
                    let z = a * x + b;
                    // log(1 + e^z) - t z, computed without overflow.
                    z.max(0.0) + (-z.abs()).exp().ln_1p() - t * z
                })
                .sum()
        };
        let base = (right as f64 + 1.0) / (pairs.len() as f64 + 2.0);
        let (mut a, mut b) = (0.0, logit(base));
        let mut current = loss(a, b);
        for _ in 0..100 {
            let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-9, 0.0, 1e-9);
            for &(x, t) in &data {
                let p = sigmoid(a * x + b);
                let w = p * (1.0 - p);
                ga += (p - t) * x;
                gb += p - t;
                haa += w * x * x;
                hab += w * x;
                hbb += w;
            }
            let det = haa * hbb - hab * hab;
            if det.abs() < 1e-15 {
                break;
            }
            let (da, db) = ((hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det);
            // Backtracking: halve the Newton step until the loss does not rise.
            let mut step = 1.0;
            let mut moved = false;
            while step > 1e-6 {
                let (na, nb) = (a - step * da, b - step * db);
                let candidate = loss(na, nb);
                if candidate <= current {
                    moved = (na - a).abs() + (nb - b).abs() > 1e-12;
                    (a, b, current) = (na, nb, candidate);
                    break;
                }
                step /= 2.0;
            }
            if !moved {
                break;
            }
        }
        if a < 0.0 {
            // The intercept alone: the mean of the smoothed targets.
            (a, b) = (0.0, logit(data.iter().map(|(_, t)| t).sum::<f64>() / data.len() as f64));
        }
        Some(Self { a, b, n: pairs.len(), right })
    }

    /// The calibrated probability of a raw confidence.
    pub fn apply(&self, confidence: f64) -> f64 {
        sigmoid(self.a * logit(confidence) + self.b)
    }

    /// The same slope with the intercept that makes the mean calibrated probability of
    /// `pairs` their share of right ones, Laplace-smoothed, `(right + 1) / (n + 2)` (the
    /// maximum-likelihood intercept for a fixed slope would match `right / n`; the smoothing
    /// keeps it finite where every pair is right). For a mapping whose slope was fitted
    /// on pairs of another mix of right and wrong (records from perturbed inputs, to have
    /// wrong ones to rank) and that is applied where `pairs` come from. `n` and `right`
    /// stay those of the slope's fit; `None` without pairs.
    pub fn with_base_rate(&self, pairs: &[(f64, bool)]) -> Option<Self> {
        if pairs.is_empty() {
            return None;
        }
        let right = pairs.iter().filter(|(_, r)| *r).count();
        let target = (right as f64 + 1.0) / (pairs.len() as f64 + 2.0);
        let mean =
            |b: f64| pairs.iter().map(|&(c, _)| sigmoid(self.a * logit(c) + b)).sum::<f64>() / pairs.len() as f64;
        // The mean rises with b: bisection.
        let (mut lo, mut hi) = (-40.0, 40.0);
        for _ in 0..100 {
            let mid = (lo + hi) / 2.0;
            if mean(mid) < target {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Some(Self { b: (lo + hi) / 2.0, ..*self })
    }
}

/// Micro F1 of summed counts.
pub fn f1_of(tp: usize, fp: usize, fn_: usize) -> f64 {
    let denom = 2 * tp + fp + fn_;
    if denom == 0 { 0.0 } else { 2.0 * tp as f64 / denom as f64 }
}

/// Bootstrap intervals of precision, recall and F1, overall and per class, resampling
/// tables with replacement `n_resamples` times. `tallies[table][class]` holds the counts;
/// a class's interval is over the resamples that contain it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Intervals {
    /// Precision, overall.
    pub precision: Interval,
    /// Recall, overall.
    pub recall: Interval,
    /// F1, overall.
    pub f1: Interval,
    /// F1 per class.
    pub per_parameter_f1: BTreeMap<String, Interval>,
    /// Resamples drawn.
    pub n_resamples: usize,
}

fn sum_class(tables: &[&BTreeMap<String, Tally>], class: Option<&str>) -> Tally {
    let mut t = (0, 0, 0);
    for table in tables {
        for (c, (tp, fp, fn_)) in table.iter() {
            if class.is_none_or(|k| k == c) {
                t.0 += tp;
                t.1 += fp;
                t.2 += fn_;
            }
        }
    }
    t
}

/// See [`Intervals`].
pub fn bootstrap(tallies: &[BTreeMap<String, Tally>], n_resamples: usize, seed: u64) -> Intervals {
    let n = tallies.len();
    if n == 0 {
        return Intervals::default();
    }
    let classes: Vec<String> = {
        let mut c: Vec<String> = tallies.iter().flat_map(|t| t.keys().cloned()).collect();
        c.sort();
        c.dedup();
        c
    };
    let mut rng = hysim_core::SplitMix64::new(seed);
    let (mut p, mut r, mut f) = (Vec::new(), Vec::new(), Vec::new());
    let mut per: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for _ in 0..n_resamples {
        let sample: Vec<&BTreeMap<String, Tally>> = (0..n).map(|_| &tallies[rng.below(n)]).collect();
        let (tp, fp, fn_) = sum_class(&sample, None);
        p.push(if tp + fp == 0 { 0.0 } else { tp as f64 / (tp + fp) as f64 });
        r.push(if tp + fn_ == 0 { 0.0 } else { tp as f64 / (tp + fn_) as f64 });
        f.push(f1_of(tp, fp, fn_));
        for c in &classes {
            // A resample without the class says nothing about it: skip rather than count 0.
            let (tp, fp, fn_) = sum_class(&sample, Some(c));
            if tp + fp + fn_ > 0 {
                per.entry(c.clone()).or_default().push(f1_of(tp, fp, fn_));
            }
        }
    }
    Intervals {
        precision: percentile_interval(p),
        recall: percentile_interval(r),
        f1: percentile_interval(f),
        per_parameter_f1: per.into_iter().map(|(c, xs)| (c, percentile_interval(xs))).collect(),
        n_resamples,
    }
}

/// Two prediction files compared on the same tables: F1 of each, their difference and the
/// difference's paired-bootstrap interval.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Comparison {
    /// F1 of the predictions being evaluated.
    pub f1: f64,
    /// F1 of the baseline.
    pub f1_baseline: f64,
    /// `f1 - f1_baseline`.
    pub difference: f64,
    /// 95 % interval of the difference over resampled tables.
    pub interval: Interval,
    /// Share of resamples where the difference is at most 0 (a one-sided bootstrap p-value).
    pub p_not_better: f64,
    /// Resamples drawn.
    pub n_resamples: usize,
}

/// Paired bootstrap over tables: `a[k]` and `b[k]` are the summed counts of table `k`
/// under the two prediction files.
pub fn paired_bootstrap(a: &[Tally], b: &[Tally], n_resamples: usize, seed: u64) -> Comparison {
    assert_eq!(a.len(), b.len(), "invariant: both tallies cover the same tables");
    let total =
        |xs: &[Tally], idx: &[usize]| idx.iter().fold((0, 0, 0), |s, &k| (s.0 + xs[k].0, s.1 + xs[k].1, s.2 + xs[k].2));
    let all: Vec<usize> = (0..a.len()).collect();
    let f = |xs: &[Tally], idx: &[usize]| {
        let (tp, fp, fn_) = total(xs, idx);
        f1_of(tp, fp, fn_)
    };
    let (fa, fb) = (f(a, &all), f(b, &all));
    let mut rng = hysim_core::SplitMix64::new(seed);
    let mut diffs = Vec::with_capacity(n_resamples);
    if !a.is_empty() {
        for _ in 0..n_resamples {
            let idx: Vec<usize> = (0..a.len()).map(|_| rng.below(a.len())).collect();
            diffs.push(f(a, &idx) - f(b, &idx));
        }
    }
    let not_better = diffs.iter().filter(|d| **d <= 0.0).count() as f64 / diffs.len().max(1) as f64;
    Comparison {
        f1: fa,
        f1_baseline: fb,
        difference: fa - fb,
        interval: percentile_interval(diffs),
        p_not_better: not_better,
        n_resamples,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platt_scaling_recovers_a_known_mapping_and_stays_monotone() {
        // Records whose chance of being right is σ(2 · logit(c) - 1), drawn deterministically.
        let mut rng = hysim_core::SplitMix64::new(3);
        let mut uniform = || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let pairs: Vec<(f64, bool)> = (0..4000)
            .map(|_| {
                let c = 0.02 + 0.96 * uniform();
                let right = uniform() < sigmoid(2.0 * logit(c) - 1.0);
                (c, right)
            })
            .collect();
        let fit = Platt::fit(&pairs).unwrap();
        assert!((fit.a - 2.0).abs() < 0.2 && (fit.b + 1.0).abs() < 0.2, "{fit:?}");
        assert_eq!((fit.n, fit.right), (4000, pairs.iter().filter(|p| p.1).count()));
        // Its calibrated confidences have a lower expected calibration error than the raw ones.
        let calibrated: Vec<(f64, bool)> = pairs.iter().map(|&(c, r)| (fit.apply(c), r)).collect();
        assert!(calibration(&calibrated, 10).unwrap().0 < calibration(&pairs, 10).unwrap().0);
        // Overconfident records that are all wrong: every probability falls below the
        // smoothed share of right ones, 1 / (n + 2) at most.
        let wrong: Vec<(f64, bool)> = (0..20).map(|k| (0.8 + 0.01 * f64::from(k), false)).collect();
        let fit = Platt::fit(&wrong).unwrap();
        assert!(fit.apply(0.99) < 0.1 && fit.apply(0.5) < 0.1, "{fit:?}");
        // Raw confidence that falls as rightness rises: the slope is held at 0.
        let inverted = [(0.9, false), (0.8, false), (0.3, true), (0.2, true), (0.85, false), (0.25, true)];
        let fit = Platt::fit(&inverted).unwrap();
        assert_eq!(fit.a, 0.0);
        assert!((fit.apply(0.9) - fit.apply(0.1)).abs() < 1e-12);
        assert!(Platt::fit(&[]).is_none());
        // The first fit's intercept refitted to pairs right 9 times in 10 keeps its slope
        // and gives them a mean of (9 + 1) / (10 + 2).
        let fit = Platt::fit(&pairs).unwrap();
        let shifted: Vec<(f64, bool)> = (0..10).map(|k| (0.3 + 0.05 * k as f64, k != 0)).collect();
        let refit = fit.with_base_rate(&shifted).unwrap();
        assert!(refit.b > fit.b, "more often right than the slope's pairs: {fit:?} {refit:?}");
        assert_eq!((refit.a, refit.n), (fit.a, fit.n));
        let mean = shifted.iter().map(|&(c, _)| refit.apply(c)).sum::<f64>() / 10.0;
        assert!((mean - 10.0 / 12.0).abs() < 1e-9, "{mean}");
        assert!(fit.with_base_rate(&[]).is_none());
    }

    #[test]
    fn ece_by_hand() {
        // Two bins used: [0.9, 1.0) with 2 records (mean 0.95, one correct → accuracy 0.5),
        // [0.2, 0.3) with 2 records (mean 0.25, none correct).
        let pairs = [(0.9, true), (1.0, false), (0.2, false), (0.3 - 1e-9, false)];
        let (ece, bins) = calibration(&pairs, 10).unwrap();
        let expected = 0.5 * (0.95_f64 - 0.5).abs() + 0.5 * (0.25_f64 - 1e-9 / 2.0).abs();
        assert!((ece - expected).abs() < 1e-9, "{ece} vs {expected}");
        assert_eq!(bins[9].count, 2);
        assert_eq!(bins[2].count, 2);
        assert_eq!(calibration(&[], 10), None);
        // Perfect calibration: confidence 1 and always right.
        assert_eq!(calibration(&[(1.0, true), (1.0, true)], 10).unwrap().0, 0.0);
    }

    #[test]
    fn bootstrap_intervals_cover_the_estimate_and_shrink_with_more_tables() {
        let table = |tp, fp, fn_| BTreeMap::from([("CMAX".to_owned(), (tp, fp, fn_))]);
        let few: Vec<_> = (0..5).map(|k| table(5 + k, 5 - k, 2)).collect();
        let many: Vec<_> = (0..200).map(|k| table(5 + k % 5, 5 - k % 5, 2)).collect();
        let a = bootstrap(&few, 500, 1);
        let b = bootstrap(&many, 500, 1);
        let point = f1_of(35, 15, 10);
        assert!(a.f1.low <= point && point <= a.f1.high, "{a:?}");
        assert!(b.f1.high - b.f1.low < a.f1.high - a.f1.low);
        assert_eq!(a, bootstrap(&few, 500, 1), "seeded: the same every run");
        assert!(a.per_parameter_f1.contains_key("CMAX"));
        // A class present in one table of many: its interval ignores resamples without it.
        let mut rare = many.clone();
        rare[0].insert("F".to_owned(), (1, 0, 0));
        let r = bootstrap(&rare, 300, 2);
        assert_eq!((r.per_parameter_f1["F"].low, r.per_parameter_f1["F"].high), (1.0, 1.0));
    }

    #[test]
    fn paired_bootstrap_sees_a_real_difference() {
        let better: Vec<Tally> = (0..50).map(|_| (9, 1, 1)).collect();
        let worse: Vec<Tally> = (0..50).map(|k| if k % 2 == 0 { (5, 5, 5) } else { (9, 1, 1) }).collect();
        let c = paired_bootstrap(&better, &worse, 1000, 3);
        assert!(c.difference > 0.0 && c.interval.low > 0.0, "{c:?}");
        assert_eq!(c.p_not_better, 0.0);
        let same = paired_bootstrap(&better, &better, 200, 3);
        assert_eq!((same.difference, same.interval.low, same.interval.high), (0.0, 0.0, 0.0));
    }
}
