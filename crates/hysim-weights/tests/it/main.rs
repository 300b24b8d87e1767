//! Integration tests of `hysim-weights`: reference values from scikit-learn, properties of
//! the weights, PCA against a brute-force eigen decomposition, planted outliers and bad input.
#![allow(clippy::needless_range_loop, reason = "index loops read like the matrix formulas they check")]

use std::collections::HashMap;

use hysim_core::Embeddings;
use hysim_weights::{Config, Distance, Error, FitOn, OffManifold, Output, Param, Scale, Solver, compute};
use proptest::prelude::*;

fn embeddings(prefix: &str, data: Vec<f32>, dim: usize) -> Embeddings {
    let n = data.len() / dim;
    Embeddings::new((0..n).map(|i| format!("{prefix}{i}")).collect(), dim, data).unwrap()
}

fn fixed_pca(k: usize) -> Config {
    let mut cfg = Config::default();
    cfg.manifold.components = Some(k);
    cfg
}

fn column(out: &Output, f: impl Fn(&hysim_core::SampleWeight) -> f64) -> Vec<f64> {
    out.weights.rows.iter().map(f).collect()
}

fn assert_close(got: &[f64], expect: &[f64], tol: f64, what: &str) {
    assert_eq!(got.len(), expect.len(), "{what}: lengths");
    for (i, (g, e)) in got.iter().zip(expect).enumerate() {
        assert!((g - e).abs() <= tol * (1.0 + e.abs()), "{what}[{i}]: got {g}, expected {e}");
    }
}

/// A small seeded generator for test data (independent of the crate's own).
struct TestRng(u64);

impl TestRng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    }
}

/// Rows on a `k`-dimensional subspace of `dim` plus small isotropic noise.
fn subspace_rows(rng: &mut TestRng, n: usize, dim: usize, k: usize, noise: f64) -> Vec<f32> {
    let basis: Vec<Vec<f64>> = (0..k).map(|_| (0..dim).map(|_| rng.next()).collect()).collect();
    let mut out = Vec::with_capacity(n * dim);
    for _ in 0..n {
        let coords: Vec<f64> = (0..k).map(|c| rng.next() * (3.0 - c as f64 * 0.5)).collect();
        for j in 0..dim {
            let v: f64 = (0..k).map(|c| coords[c] * basis[c][j]).sum::<f64>() + noise * rng.next();
            out.push(v as f32);
        }
    }
    out
}

mod sklearn {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Reference {
        dim: usize,
        components: usize,
        source: Vec<f32>,
        target: Vec<f32>,
        cosine: Vec<f64>,
        euclidean: Vec<f64>,
        mahalanobis: Vec<f64>,
        ledoit_wolf_shrinkage: f64,
        residual_norm: Vec<f64>,
        explained_variance_ratio: f64,
    }

    fn reference() -> Reference {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/test_data/sklearn_reference.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn run(distance: Distance, solver: Solver) -> (Reference, Output) {
        let r = reference();
        let mut cfg = fixed_pca(r.components);
        cfg.distance = distance;
        cfg.manifold.solver = solver;
        cfg.manifold.fit_on = FitOn::Both;
        let out = compute(&embeddings("s", r.source.clone(), r.dim), &embeddings("t", r.target.clone(), r.dim), &cfg)
            .unwrap();
        (r, out)
    }

    #[test]
    fn distances_match() {
        let (r, out) = run(Distance::Cosine, Solver::Exact);
        assert_close(&column(&out, |w| w.dist), &r.cosine, 1e-9, "cosine");
        let (r, out) = run(Distance::Euclidean, Solver::Exact);
        assert_close(&column(&out, |w| w.dist), &r.euclidean, 1e-9, "euclidean");
        let (r, out) = run(Distance::Mahalanobis, Solver::Exact);
        assert_close(&column(&out, |w| w.dist), &r.mahalanobis, 1e-7, "mahalanobis");
        let shrinkage = out.diagnostics.mahalanobis_shrinkage.unwrap();
        assert!((shrinkage - r.ledoit_wolf_shrinkage).abs() < 1e-10, "{shrinkage} vs {}", r.ledoit_wolf_shrinkage);
    }

    #[test]
    fn pca_residuals_match_for_both_solvers() {
        for solver in [Solver::Exact, Solver::Randomized] {
            let (r, out) = run(Distance::Cosine, solver);
            assert_close(&column(&out, |w| w.d_manifold), &r.residual_norm, 1e-6, &format!("{solver:?} residual"));
            let ratio = out.diagnostics.manifold.explained_variance_ratio;
            assert!((ratio - r.explained_variance_ratio).abs() < 1e-8, "{solver:?}: {ratio}");
        }
    }
}

/// Eigenvectors of a symmetric matrix by cyclic Jacobi rotations: slow, simple, independent.
fn jacobi_eigen(mut a: Vec<Vec<f64>>) -> (Vec<f64>, Vec<Vec<f64>>) {
    let n = a.len();
    let mut v: Vec<Vec<f64>> = (0..n).map(|i| (0..n).map(|j| f64::from(u8::from(i == j))).collect()).collect();
    for _sweep in 0..100 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i][j] * a[i][j])
            .sum();
        if off < 1e-22 {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                if a[p][q].abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let (akp, akq) = (a[k][p], a[k][q]);
                    a[k][p] = c * akp - s * akq;
                    a[k][q] = s * akp + c * akq;
                }
                for k in 0..n {
                    let (apk, aqk) = (a[p][k], a[q][k]);
                    a[p][k] = c * apk - s * aqk;
                    a[q][k] = s * apk + c * aqk;
                }
                for row in v.iter_mut() {
                    let (vp, vq) = (row[p], row[q]);
                    row[p] = c * vp - s * vq;
                    row[q] = s * vp + c * vq;
                }
            }
        }
    }
    ((0..n).map(|i| a[i][i]).collect(), v)
}

#[test]
fn pca_residuals_match_a_brute_force_eigen_decomposition() {
    let (dim, n, k) = (7, 60, 2);
    let mut rng = TestRng(99);
    let data = subspace_rows(&mut rng, n, dim, 3, 0.3);
    let target = subspace_rows(&mut rng, 5, dim, 3, 0.3);
    let mut cfg = fixed_pca(k);
    cfg.manifold.fit_on = FitOn::Source;
    for solver in [Solver::Exact, Solver::Randomized] {
        cfg.manifold.solver = solver;
        let out = compute(&embeddings("s", data.clone(), dim), &embeddings("t", target.clone(), dim), &cfg).unwrap();
        // Brute force: covariance, Jacobi eigenvectors, top-k projector.
        let rows: Vec<Vec<f64>> = data.chunks(dim).map(|r| r.iter().map(|v| f64::from(*v)).collect()).collect();
        let mean: Vec<f64> = (0..dim).map(|j| rows.iter().map(|r| r[j]).sum::<f64>() / n as f64).collect();
        let cov: Vec<Vec<f64>> = (0..dim)
            .map(|a| (0..dim).map(|b| rows.iter().map(|r| (r[a] - mean[a]) * (r[b] - mean[b])).sum()).collect())
            .collect();
        let (values, vectors) = jacobi_eigen(cov);
        let mut order: Vec<usize> = (0..dim).collect();
        order.sort_by(|&a, &b| values[b].total_cmp(&values[a]));
        let expect: Vec<f64> = rows
            .iter()
            .map(|r| {
                let c: Vec<f64> = r.iter().zip(&mean).map(|(x, m)| x - m).collect();
                let mut res = c.clone();
                for &e in &order[..k] {
                    let score: f64 = (0..dim).map(|j| c[j] * vectors[j][e]).sum();
                    for j in 0..dim {
                        res[j] -= score * vectors[j][e];
                    }
                }
                res.iter().map(|x| x * x).sum::<f64>().sqrt()
            })
            .collect();
        assert_close(&column(&out, |w| w.d_manifold), &expect, 1e-6, &format!("{solver:?}"));
    }
}

/// Rows near a 3-dimensional subspace, the first `n_out` pushed off it; the target is 40
/// clean rows.
fn planted(n: usize, dim: usize, n_out: usize) -> (Embeddings, Embeddings) {
    let mut rng = TestRng(7);
    let mut source = subspace_rows(&mut rng, n, dim, 3, 0.05);
    for row in 0..n_out {
        for j in 0..dim {
            source[row * dim + j] += (3.0 * rng.next()) as f32;
        }
    }
    let target = source[n_out * dim..(n_out + 40) * dim].to_vec();
    (embeddings("s", source, dim), embeddings("t", target, dim))
}

#[test]
fn planted_outliers_are_flagged() {
    let (n, n_out) = (300, 6);
    let (source, target) = planted(n, 16, n_out);
    let mut cfg = fixed_pca(3);
    cfg.off_manifold = OffManifold::Zero;
    let out = compute(&source, &target, &cfg).unwrap();
    let flagged: Vec<usize> =
        out.weights.rows.iter().enumerate().filter(|(_, w)| w.off_manifold).map(|(i, _)| i).collect();
    assert_eq!(flagged, (0..n_out).collect::<Vec<_>>());
    assert!(out.weights.rows[..n_out].iter().all(|w| w.w_hybrid == 0.0));
    let mean: f64 = column(&out, |w| w.w_hybrid).iter().sum::<f64>() / n as f64;
    assert!((mean - 1.0).abs() < 1e-12, "mean {mean}");
    assert_eq!(out.diagnostics.manifold.n_off_manifold, n_out);

    cfg.off_manifold = OffManifold::Drop;
    let out = compute(&source, &target, &cfg).unwrap();
    assert_eq!(out.weights.rows.len(), n - n_out);
    assert_eq!(out.weights.rows[0].id, format!("s{n_out}"));
}

#[test]
fn variance_share_chooses_the_components() {
    let (dim, n) = (12, 400);
    let mut rng = TestRng(3);
    let source = subspace_rows(&mut rng, n, dim, 3, 0.01);
    let target = source[..50 * dim].to_vec();
    let mut cfg = Config::default();
    cfg.manifold.variance = 0.99;
    let out = compute(&embeddings("s", source, dim), &embeddings("t", target, dim), &cfg).unwrap();
    assert_eq!(out.diagnostics.manifold.components, 3);
    assert!(out.diagnostics.manifold.explained_variance_ratio > 0.99);
}

#[test]
fn auto_alpha_reaches_the_ess_goal() {
    let (dim, n) = (8, 200);
    let mut rng = TestRng(11);
    let source = subspace_rows(&mut rng, n, dim, 4, 0.2);
    let target = subspace_rows(&mut rng, 30, dim, 4, 0.2);
    let mut cfg = fixed_pca(2);
    cfg.alpha = Param::Auto(hysim_weights::AutoWord::Auto);
    cfg.beta = Param::Fixed(0.0);
    cfg.off_manifold = OffManifold::Keep;
    cfg.target_ess_fraction = 0.4;
    let out = compute(&embeddings("s", source, dim), &embeddings("t", target, dim), &cfg).unwrap();
    assert!((out.diagnostics.ess_fraction - 0.4).abs() < 1e-6, "{}", out.diagnostics.ess_fraction);
    assert!(out.diagnostics.alpha > 0.0);
}

/// `scale = "std"` makes alpha and beta scale-free: embeddings stretched tenfold give the
/// same weights under euclidean distances, where raw distances give sharper ones; the rows
/// keep their distances as measured, and the diagnostics say what they were divided by.
#[test]
fn standardised_distances_make_alpha_scale_free() {
    let (dim, n) = (8, 120);
    let mut rng = TestRng(5);
    let source = subspace_rows(&mut rng, n, dim, 3, 0.3);
    let target = subspace_rows(&mut rng, 20, dim, 3, 0.3);
    let stretched = |xs: &[f32]| xs.iter().map(|v| v * 10.0).collect::<Vec<f32>>();
    let run = |scale: Scale, factor: bool| {
        let mut cfg = fixed_pca(2);
        cfg.distance = Distance::Euclidean;
        cfg.scale = scale;
        cfg.alpha = Param::Fixed(1.0);
        cfg.beta = Param::Fixed(0.5);
        cfg.off_manifold = OffManifold::Keep;
        let (s, t) = if factor { (stretched(&source), stretched(&target)) } else { (source.clone(), target.clone()) };
        compute(&embeddings("s", s, dim), &embeddings("t", t, dim), &cfg).unwrap()
    };
    let (plain, wide) = (run(Scale::Std, false), run(Scale::Std, true));
    assert_close(&column(&wide, |w| w.w_hybrid), &column(&plain, |w| w.w_hybrid), 1e-4, "std-scaled weights");
    assert_close(&column(&wide, |w| w.dist), &column(&plain, |w| w.dist * 10.0), 1e-4, "distances as measured");
    assert!((wide.diagnostics.dist_unit / plain.diagnostics.dist_unit - 10.0).abs() < 1e-3);
    let (raw, raw_wide) = (run(Scale::Raw, false), run(Scale::Raw, true));
    assert_eq!((raw.diagnostics.dist_unit, raw.diagnostics.manifold_unit), (1.0, 1.0));
    assert!(
        raw_wide.diagnostics.w_max > 2.0 * raw.diagnostics.w_max,
        "{} {}",
        raw_wide.diagnostics.w_max,
        raw.diagnostics.w_max
    );
    // Auto sharpness reaches its goal in either unit.
    let mut cfg = fixed_pca(2);
    cfg.scale = Scale::Std;
    cfg.alpha = Param::Auto(hysim_weights::AutoWord::Auto);
    cfg.beta = Param::Fixed(0.0);
    cfg.off_manifold = OffManifold::Keep;
    let out = compute(&embeddings("s", source.clone(), dim), &embeddings("t", target.clone(), dim), &cfg).unwrap();
    assert!((out.diagnostics.ess_fraction - 0.5).abs() < 1e-6);
}

#[test]
fn identical_rows_give_equal_weights() {
    let row = [0.5f32, -1.0, 2.0, 0.0];
    let source: Vec<f32> = row.repeat(10);
    let target: Vec<f32> = row.repeat(3);
    let out = compute(&embeddings("s", source, 4), &embeddings("t", target, 4), &Config::default()).unwrap();
    assert!(out.weights.rows.iter().all(|w| w.w_hybrid == 1.0 && !w.off_manifold && w.dist.abs() < 1e-12));
    assert_eq!(out.diagnostics.ess, 10.0);
    let cfg = Config { distance: Distance::Mahalanobis, ..Config::default() };
    let out = compute(&embeddings("s", row.repeat(4), 4), &embeddings("t", row.repeat(2), 4), &cfg).unwrap();
    assert!(out.weights.rows.iter().all(|w| w.dist == 0.0));
}

#[test]
fn fewer_rows_than_components_is_clamped() {
    let out = compute(
        &embeddings("s", vec![1.0, 0.0, 0.0, 0.0, 1.0, 0.0], 3),
        &embeddings("t", vec![0.0, 0.0, 1.0], 3),
        &fixed_pca(16),
    )
    .unwrap();
    assert_eq!(out.diagnostics.manifold.components, 2, "3 fitted rows span at most 2 directions");
    assert_eq!(out.weights.rows.len(), 2);
}

#[test]
fn bad_inputs_are_errors_naming_the_problem() {
    let good = embeddings("t", vec![1.0, 2.0], 2);
    let err = compute(&embeddings("s", vec![1.0, 2.0, f32::NAN, 0.0], 2), &good, &Config::default()).unwrap_err();
    assert_eq!(err.to_string(), "source embeddings: embedding row 1 (id \"s1\") holds a non-finite value at column 0");
    let err = compute(&good, &embeddings("t", vec![], 2), &Config::default()).unwrap_err();
    assert!(matches!(err, Error::EmptyTarget), "{err:?}");
    let err = compute(&embeddings("s", vec![1.0, 2.0, 3.0], 3), &good, &Config::default()).unwrap_err();
    assert_eq!(err.to_string(), "source embeddings have 3 columns but target embeddings have 2");
    let cfg = Config { alpha: Param::Fixed(f64::NAN), ..Config::default() };
    assert!(matches!(compute(&good, &good, &cfg).unwrap_err(), Error::Setting { name: "alpha", .. }));
}

#[test]
fn empty_source_gives_no_rows() {
    let out = compute(&embeddings("s", vec![], 2), &embeddings("t", vec![1.0, 2.0], 2), &Config::default()).unwrap();
    assert!(out.weights.rows.is_empty());
}

#[test]
fn writes_weights_and_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("weights.jsonl");
    let mut rng = TestRng(5);
    let out = compute(
        &embeddings("s", subspace_rows(&mut rng, 30, 5, 2, 0.1), 5),
        &embeddings("t", subspace_rows(&mut rng, 8, 5, 2, 0.1), 5),
        &Config::default(),
    )
    .unwrap();
    out.write(&path).unwrap();
    let back = hysim_core::SampleWeights::read_jsonl(&path).unwrap();
    assert_eq!(back, out.weights);
    let diagnostics: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("weights.diagnostics.json")).unwrap()).unwrap();
    for key in ["w_max", "centroid_distance", "mmd2", "sigma", "sigma_sqrt_d", "ess", "quantiles"] {
        assert!(diagnostics.get(key).is_some(), "diagnostics lack {key}");
    }
}

fn matrix(max_rows: usize, dim: usize) -> impl Strategy<Value = Vec<f32>> {
    (2..max_rows).prop_flat_map(move |n| proptest::collection::vec(-5.0f32..5.0, n * dim))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn weights_are_in_unit_interval_and_monotone(source in matrix(30, 4), target in matrix(10, 4), alpha in 0.0f64..3.0) {
        let mut cfg = fixed_pca(2);
        cfg.alpha = Param::Fixed(alpha);
        cfg.distance = Distance::Euclidean;
        let out = compute(&embeddings("s", source, 4), &embeddings("t", target, 4), &cfg).unwrap();
        let mut rows = out.weights.rows.clone();
        for w in &rows {
            prop_assert!(w.w_sim > 0.0 && w.w_sim <= 1.0);
            prop_assert!(w.w_clean > 0.0 && w.w_clean <= 1.0);
            prop_assert!(w.w_hybrid >= 0.0);
        }
        rows.sort_by(|a, b| a.dist.total_cmp(&b.dist));
        for pair in rows.windows(2) {
            prop_assert!(pair[0].w_sim >= pair[1].w_sim);
        }
    }

    #[test]
    fn permuting_the_source_permutes_the_weights(source in matrix(25, 3), target in matrix(8, 3), seed in 0u64..1000) {
        let dim = 3;
        let n = source.len() / dim;
        let mut order: Vec<usize> = (0..n).collect();
        let mut rng = TestRng(seed * 2 + 1);
        for i in (1..n).rev() {
            let j = ((rng.next() + 1.0) / 2.0 * (i + 1) as f64) as usize % (i + 1);
            order.swap(i, j);
        }
        let ids: Vec<String> = (0..n).map(|i| format!("s{i}")).collect();
        let permuted_ids: Vec<String> = order.iter().map(|&i| ids[i].clone()).collect();
        let permuted: Vec<f32> = order.iter().flat_map(|&i| source[i * dim..(i + 1) * dim].to_vec()).collect();
        let cfg = fixed_pca(2);
        let t = embeddings("t", target, dim);
        let a = compute(&Embeddings::new(ids, dim, source).unwrap(), &t, &cfg).unwrap();
        let b = compute(&Embeddings::new(permuted_ids, dim, permuted).unwrap(), &t, &cfg).unwrap();
        let by_id: HashMap<&str, &hysim_core::SampleWeight> = b.weights.rows.iter().map(|w| (w.id.as_str(), w)).collect();
        for w in &a.weights.rows {
            let other = by_id[w.id.as_str()];
            prop_assert!((w.dist - other.dist).abs() < 1e-9);
            prop_assert!((w.d_manifold - other.d_manifold).abs() < 1e-6 * (1.0 + w.d_manifold));
            prop_assert_eq!(w.off_manifold, other.off_manifold);
            prop_assert!((w.w_hybrid - other.w_hybrid).abs() < 1e-6 * (1.0 + w.w_hybrid));
        }
    }
}

#[test]
fn projection_separates_two_clouds_along_the_first_component() {
    let dim = 6;
    let make = |n: usize, shift: f32, prefix: &str| {
        let data: Vec<f32> = (0..n * dim)
            .map(|i| if i % dim == 0 { shift + (i % 7) as f32 * 0.01 } else { ((i * 31 % 17) as f32) * 0.001 })
            .collect();
        Embeddings::new((0..n).map(|i| format!("{prefix}{i}")).collect(), dim, data).unwrap()
    };
    let (source, target) = (make(20, 0.0, "s"), make(10, 5.0, "t"));
    let points = hysim_weights::project_2d(&source, &target).unwrap();
    assert_eq!(points.len(), 30);
    let (s_mean, t_mean) =
        (points[..20].iter().map(|p| p.0).sum::<f64>() / 20.0, points[20..].iter().map(|p| p.0).sum::<f64>() / 10.0);
    assert!((s_mean - t_mean).abs() > 4.0, "{s_mean} {t_mean}");
    let wrong = make(3, 0.0, "x");
    let narrow = Embeddings::new(vec!["a".into()], 2, vec![0.0, 1.0]).unwrap();
    assert!(hysim_weights::project_2d(&wrong, &narrow).is_err());
}

mod external_residuals {
    use hysim_weights::{ManifoldKind, compute_with_residuals};

    use super::*;

    #[test]
    fn residuals_from_elsewhere_replace_the_pca_ones() {
        let mut rng = TestRng(11);
        let source = embeddings("s", subspace_rows(&mut rng, 30, 6, 2, 0.01), 6);
        let target = embeddings("t", subspace_rows(&mut rng, 10, 6, 2, 0.01), 6);
        let mut cfg = fixed_pca(2);
        cfg.off_manifold = OffManifold::Keep;
        // Row 4 alone lies far from the (external) manifold.
        let residuals: Vec<f64> = (0..30).map(|i| if i == 4 { 5.0 } else { 0.1 }).collect();
        let out = compute_with_residuals(&source, &target, &cfg, Some(&residuals)).unwrap();
        assert_close(&column(&out, |r| r.d_manifold), &residuals, 0.0, "d_manifold");
        assert!(out.weights.rows[4].off_manifold);
        assert_eq!(out.weights.rows.iter().filter(|r| r.off_manifold).count(), 1);
        // The PCA is still the one the diagnostics' sigma comes from.
        let pca = compute(&source, &target, &cfg).unwrap();
        assert_eq!(out.diagnostics.sigma, pca.diagnostics.sigma);
    }

    #[test]
    fn bad_residuals_are_errors_naming_the_problem() {
        let mut rng = TestRng(12);
        let source = embeddings("s", subspace_rows(&mut rng, 8, 4, 1, 0.01), 4);
        let target = embeddings("t", subspace_rows(&mut rng, 4, 4, 1, 0.01), 4);
        let mut cfg = fixed_pca(1);
        let err = |cfg: &Config, r: Option<&[f64]>| compute_with_residuals(&source, &target, cfg, r).unwrap_err();
        assert!(err(&cfg, Some(&[0.1; 7])).to_string().contains("7 values"));
        let mut nan = vec![0.1; 8];
        nan[3] = f64::NAN;
        assert!(err(&cfg, Some(&nan)).to_string().contains("row 3"));
        cfg.manifold.kind = ManifoldKind::Autoencoder;
        assert!(matches!(err(&cfg, None), Error::Setting { name: "manifold.kind", .. }));
    }
}
