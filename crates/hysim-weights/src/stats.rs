//! Small statistics: a seeded generator, effective sample size, quantiles, MMD and the
//! bisection behind `alpha = "auto"`.

use serde::Serialize;

/// A seeded SplitMix64 generator with Box-Muller normals: reproducible across platforms
/// and releases, which is all the randomized SVD and the MMD subsample need.
pub(crate) struct Rng {
    bits: hysim_core::SplitMix64,
    spare: Option<f64>,
}

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self { bits: hysim_core::SplitMix64::new(seed ^ 0x5EED_0F4B_5153_u64), spare: None }
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.bits.next_u64()
    }

    /// Uniform in `(0, 1]`.
    fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) + 1) as f64 / (1u64 << 53) as f64
    }

    /// Standard normal.
    pub(crate) fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        let (u, v) = (self.uniform(), self.uniform());
        let r = (-2.0 * u.ln()).sqrt();
        let theta = std::f64::consts::TAU * v;
        self.spare = Some(r * theta.sin());
        r * theta.cos()
    }

    /// `k` distinct indices below `n` (all of them when `k >= n`), in increasing order.
    pub(crate) fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..n).collect();
        if k < n {
            for i in 0..k {
                let j = i + (self.next_u64() % (n - i) as u64) as usize;
                idx.swap(i, j);
            }
            idx.truncate(k);
            idx.sort_unstable();
        }
        idx
    }
}

/// Kish effective sample size `(sum w)^2 / sum w^2`.
pub(crate) fn ess(weights: &[f64]) -> f64 {
    let (sum, sq) = weights.iter().fold((0.0, 0.0), |(s, q), w| (s + w, q + w * w));
    if sq == 0.0 { 0.0 } else { sum * sum / sq }
}

/// Quantiles of a weight or distance column.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Quantiles {
    /// Minimum.
    pub min: f64,
    /// 5th percentile.
    pub p05: f64,
    /// 25th percentile.
    pub p25: f64,
    /// Median.
    pub p50: f64,
    /// 75th percentile.
    pub p75: f64,
    /// 95th percentile.
    pub p95: f64,
    /// Maximum.
    pub max: f64,
}

/// Linear-interpolation quantiles (numpy's default); all zeros for an empty column.
pub(crate) fn quantiles(values: &[f64]) -> Quantiles {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let q = |p: f64| {
        if sorted.is_empty() {
            return 0.0;
        }
        let pos = p * (sorted.len() - 1) as f64;
        let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
        sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
    };
    Quantiles { min: q(0.0), p05: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95), max: q(1.0) }
}

/// Mean and population standard deviation.
pub(crate) fn mean_std(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 0.0);
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    (mean, var.sqrt())
}

/// The sharpness `a >= 0` at which `exp(-a * x_i)` has an effective sample size of
/// `fraction * n`, by bisection on `log a` (the ESS falls as `a` grows). Returns 0 when
/// every `x_i` is equal (no sharpness changes the weights).
pub(crate) fn auto_sharpness(x: &[f64], fraction: f64) -> f64 {
    let n = x.len() as f64;
    let Some(min) = x.iter().copied().min_by(f64::total_cmp) else { return 0.0 };
    let ess_at = |a: f64| ess(&x.iter().map(|v| (-a * (v - min)).exp()).collect::<Vec<_>>());
    let goal = fraction * n;
    let (mut lo, mut hi) = (1e-8_f64.ln(), 1e8_f64.ln());
    if ess_at(hi.exp()) > goal {
        // Even the sharpest weighting keeps more than the goal (ties at the minimum).
        return if x.iter().all(|v| *v == min) { 0.0 } else { hi.exp() };
    }
    if ess_at(lo.exp()) <= goal {
        return lo.exp();
    }
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if ess_at(mid.exp()) > goal { lo = mid } else { hi = mid }
    }
    (0.5 * (lo + hi)).exp()
}

/// Unbiased squared MMD between two samples (rows of `a` and `b`, width `dim`) with a
/// Gaussian kernel whose bandwidth is the median pairwise distance of the pooled sample
/// (the median heuristic). Returns `(mmd2, bandwidth)`.
pub(crate) fn mmd2_rbf(a: &[Vec<f64>], b: &[Vec<f64>]) -> (f64, f64) {
    if a.len() < 2 || b.len() < 2 {
        return (0.0, 0.0);
    }
    let pooled: Vec<&Vec<f64>> = a.iter().chain(b).collect();
    let (n, dim) = (pooled.len(), pooled[0].len());
    let x = faer::Mat::from_fn(n, dim, |i, j| pooled[i][j]);
    let gram = &x * x.transpose();
    let sq = |i: usize, j: usize| (gram[(i, i)] + gram[(j, j)] - 2.0 * gram[(i, j)]).max(0.0);
    let mut dists: Vec<f64> = (0..n).flat_map(|i| (0..i).map(move |j| (i, j))).map(|(i, j)| sq(i, j)).collect();
    dists.sort_by(f64::total_cmp);
    let median_sq = dists[dists.len() / 2];
    let gamma = if median_sq > 0.0 { 1.0 / (2.0 * median_sq) } else { 1.0 };
    let k = |i: usize, j: usize| (-gamma * sq(i, j)).exp();
    let na = a.len();
    let mean_within = |lo: usize, hi: usize| {
        let m = hi - lo;
        let total: f64 =
            (lo..hi).flat_map(|i| (lo..hi).filter(move |&j| j != i).map(move |j| (i, j))).map(|(i, j)| k(i, j)).sum();
        total / (m * (m - 1)) as f64
    };
    let cross: f64 =
        (0..na).flat_map(|i| (na..n).map(move |j| (i, j))).map(|(i, j)| k(i, j)).sum::<f64>() / (na * (n - na)) as f64;
    (mean_within(0, na) + mean_within(na, n) - 2.0 * cross, median_sq.sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_match_numpy_linear() {
        // numpy.quantile([1, 2, 3, 4, 10], [0, .05, .25, .5, .75, .95, 1])
        let q = quantiles(&[10.0, 1.0, 3.0, 2.0, 4.0]);
        assert_eq!((q.min, q.p25, q.p50, q.p75, q.max), (1.0, 2.0, 3.0, 4.0, 10.0));
        assert!((q.p05 - 1.2).abs() < 1e-12 && (q.p95 - 8.8).abs() < 1e-12, "{q:?}");
    }

    #[test]
    fn auto_sharpness_reaches_the_goal() {
        let x: Vec<f64> = (0..200).map(|i| (i as f64 * 0.37).sin().abs() * 3.0).collect();
        for fraction in [0.2, 0.5, 0.9] {
            let a = auto_sharpness(&x, fraction);
            let w: Vec<f64> = x.iter().map(|v| (-a * v).exp()).collect();
            assert!((ess(&w) / 200.0 - fraction).abs() < 1e-6, "fraction {fraction}: a {a}");
        }
        assert_eq!(auto_sharpness(&[1.0, 1.0, 1.0], 0.5), 0.0);
    }

    #[test]
    fn mmd_separates_shifted_samples() {
        let mut rng = Rng::new(7);
        let mut draw = |shift: f64| (0..100).map(|_| vec![rng.normal() + shift, rng.normal()]).collect::<Vec<_>>();
        let (a, b, c) = (draw(0.0), draw(0.0), draw(3.0));
        let (same, _) = mmd2_rbf(&a, &b);
        let (shifted, _) = mmd2_rbf(&a, &c);
        assert!(same.abs() < 0.05, "{same}");
        assert!(shifted > 0.3, "{shifted}");
    }

    #[test]
    fn normals_have_unit_variance() {
        let mut rng = Rng::new(1);
        let xs: Vec<f64> = (0..20000).map(|_| rng.normal()).collect();
        let (m, s) = mean_std(&xs);
        assert!(m.abs() < 0.03 && (s - 1.0).abs() < 0.03, "{m} {s}");
    }
}
