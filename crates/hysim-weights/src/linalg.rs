//! The linear algebra of the weighting step, on faer, streamed over row blocks.
//!
//! Inputs stay as the `f32` row-major matrices of [`hysim_core::Embeddings`]; each block of
//! rows is converted to a centred `f64` faer matrix (`f32` in the passes of the randomized
//! SVD, whose within-block sums run over at most 2,048 rows), and sums over blocks are
//! accumulated in `f64`. Blocks run in parallel with rayon, each block's faer calls sequentially.

use faer::linalg::matmul::matmul;
use faer::{Accum, Mat, MatRef, Par, Side};
use rayon::prelude::*;

use crate::config::Solver;
use crate::{Error, Result};

/// Rows per block: large enough for efficient matrix products, small enough for the cache.
const BLOCK_ROWS: usize = 2048;

/// Rows at most for the exact solver under [`Solver::Auto`].
pub(crate) const EXACT_MAX_ROWS: usize = 20_000;

/// One or more row-major `f32` matrices of the same width, seen as one stack of rows.
#[derive(Clone, Copy)]
pub(crate) struct Rows<'a> {
    parts: [&'a [f32]; 2],
    dim: usize,
}

impl<'a> Rows<'a> {
    pub(crate) fn new(first: &'a [f32], second: &'a [f32], dim: usize) -> Self {
        Self { parts: [first, second], dim }
    }

    pub(crate) fn one(data: &'a [f32], dim: usize) -> Self {
        Self { parts: [data, &[]], dim }
    }

    pub(crate) fn n_rows(&self) -> usize {
        self.parts.iter().map(|p| p.len() / self.dim).sum()
    }

    /// `(part, first row, end row)` of every block.
    fn blocks(&self) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for (part, data) in self.parts.iter().enumerate() {
            let n = data.len() / self.dim;
            let mut start = 0;
            while start < n {
                let end = (start + BLOCK_ROWS).min(n);
                out.push((part, start, end));
                start = end;
            }
        }
        out
    }

    /// The rows of a block minus `center`, as an `f64` matrix.
    fn centred(&self, (part, start, end): (usize, usize, usize), center: &[f64]) -> Mat<f64> {
        let data = &self.parts[part][start * self.dim..end * self.dim];
        let dim = self.dim;
        Mat::from_fn(end - start, dim, |i, j| f64::from(data[i * dim + j]) - center[j])
    }

    /// The rows of a block minus `center`, as an `f32` matrix (for the randomized passes).
    fn centred_f32(&self, (part, start, end): (usize, usize, usize), center: &[f64]) -> Mat<f32> {
        let data = &self.parts[part][start * self.dim..end * self.dim];
        let dim = self.dim;
        let center: Vec<f32> = center.iter().map(|c| *c as f32).collect();
        Mat::from_fn(end - start, dim, |i, j| data[i * dim + j] - center[j])
    }

    /// Maps every block in parallel and concatenates the per-row results in order.
    pub(crate) fn map_rows<T: Send>(&self, center: &[f64], f: impl Fn(MatRef<'_, f64>) -> Vec<T> + Sync) -> Vec<T> {
        let per_block: Vec<Vec<T>> =
            self.blocks().into_par_iter().map(|block| f(self.centred(block, center).as_ref())).collect();
        per_block.into_iter().flatten().collect()
    }

    /// Sums `f` over blocks in parallel (each result is a `rows x cols` matrix).
    fn sum_blocks(
        &self,
        center: &[f64],
        shape: (usize, usize),
        f: impl Fn(MatRef<'_, f64>, &mut Mat<f64>) + Sync,
    ) -> Mat<f64> {
        self.blocks()
            .into_par_iter()
            .fold(
                || Mat::zeros(shape.0, shape.1),
                |mut acc, block| {
                    f(self.centred(block, center).as_ref(), &mut acc);
                    acc
                },
            )
            .reduce(|| Mat::zeros(shape.0, shape.1), |a, b| a + b)
    }

    /// Column means, accumulated in `f64`.
    pub(crate) fn mean(&self) -> Vec<f64> {
        let n = self.n_rows();
        let sums = self.fold_rows(|acc: &mut Vec<f64>, row| {
            for (a, v) in acc.iter_mut().zip(row) {
                *a += f64::from(*v);
            }
        });
        sums.into_iter().map(|s| if n == 0 { 0.0 } else { s / n as f64 }).collect()
    }

    /// Folds every row into a `dim`-long `f64` accumulator, blocks in parallel, straight
    /// from the `f32` data.
    fn fold_rows(&self, f: impl Fn(&mut Vec<f64>, &[f32]) + Sync) -> Vec<f64> {
        let dim = self.dim;
        self.blocks()
            .into_par_iter()
            .fold(
                || vec![0.0; dim],
                |mut acc, (part, start, end)| {
                    for row in self.parts[part][start * dim..end * dim].chunks_exact(dim) {
                        f(&mut acc, row);
                    }
                    acc
                },
            )
            .reduce(|| vec![0.0; dim], |a, b| a.iter().zip(&b).map(|(x, y)| x + y).collect())
    }

    /// `X_c^T X_c` of the rows centred at `center`.
    pub(crate) fn gram(&self, center: &[f64]) -> Mat<f64> {
        self.sum_blocks(center, (self.dim, self.dim), |x, acc| {
            matmul(acc.as_mut(), Accum::Add, x.transpose(), x, 1.0, Par::Seq);
        })
    }

    /// Sum of squared norms of the centred rows.
    pub(crate) fn total_sum_squares(&self, center: &[f64]) -> f64 {
        self.fold_rows(|acc, row| {
            acc[0] += row.iter().zip(center).map(|(v, c)| (f64::from(*v) - c).powi(2)).sum::<f64>();
        })[0]
    }

    /// Applies `f` to every row (as `f32`) in parallel, results in row order.
    pub(crate) fn map_each_row<T: Send>(&self, f: impl Fn(&[f32]) -> T + Sync) -> Vec<T> {
        let dim = self.dim;
        let per_block: Vec<Vec<T>> = self
            .blocks()
            .into_par_iter()
            .map(|(part, start, end)| self.parts[part][start * dim..end * dim].chunks_exact(dim).map(&f).collect())
            .collect();
        per_block.into_iter().flatten().collect()
    }
}

/// A fitted principal subspace.
pub(crate) struct Pca {
    pub(crate) mean: Vec<f64>,
    /// `dim x k` orthonormal columns, largest variance first, signs fixed (largest entry positive).
    pub(crate) components: Mat<f64>,
    /// Variance along each kept component.
    pub(crate) variances: Vec<f64>,
    /// Total variance of the fitted rows.
    pub(crate) total_variance: f64,
    pub(crate) n_fit: usize,
    pub(crate) solver: Solver,
}

/// How many components to keep.
#[derive(Clone, Copy)]
pub(crate) enum Keep {
    Fixed(usize),
    Variance { share: f64, max: usize },
}

pub(crate) struct RandomizedParams {
    pub(crate) oversample: usize,
    pub(crate) power_iterations: usize,
    pub(crate) seed: u64,
}

/// Fits the principal subspace of `rows`.
/// `mean` is the column mean of `rows`.
pub(crate) fn fit_pca(
    rows: Rows<'_>,
    mean: Vec<f64>,
    keep: Keep,
    solver: Solver,
    params: &RandomizedParams,
) -> Result<Pca> {
    let n = rows.n_rows();
    let dim = rows.dim;
    let denom = n.saturating_sub(1).max(1) as f64;
    let total_variance = rows.total_sum_squares(&mean) / denom;
    // At most n - 1 directions carry variance after centring.
    let rank_cap = n.saturating_sub(1).min(dim);
    let k_max = match keep {
        Keep::Fixed(k) => k,
        Keep::Variance { max, .. } => max,
    }
    .min(rank_cap);
    let solver = match solver {
        Solver::Auto if n <= EXACT_MAX_ROWS => Solver::Exact,
        Solver::Auto => Solver::Randomized,
        other => other,
    };
    if k_max == 0 {
        return Ok(Pca { mean, components: Mat::zeros(dim, 0), variances: vec![], total_variance, n_fit: n, solver });
    }
    let (basis, variances) = match solver {
        Solver::Exact => exact_basis(rows, &mean, denom)?,
        _ => randomized_basis(rows, &mean, denom, (k_max + params.oversample).min(dim), params)?,
    };
    let k = match keep {
        Keep::Fixed(_) => k_max,
        Keep::Variance { share, .. } => {
            let goal = share * total_variance;
            let mut acc = 0.0;
            let reached = variances.iter().position(|v| {
                acc += v;
                acc >= goal - 1e-12 * total_variance
            });
            reached.map_or(k_max, |i| i + 1).min(k_max)
        }
    }
    .min(basis.ncols());
    let mut components = Mat::from_fn(dim, k, |i, j| basis[(i, j)]);
    fix_signs(&mut components);
    Ok(Pca { mean, components, variances: variances[..k].to_vec(), total_variance, n_fit: n, solver })
}

/// Thin SVD of the whole centred matrix: right singular vectors and `s^2 / (n - 1)`.
fn exact_basis(rows: Rows<'_>, mean: &[f64], denom: f64) -> Result<(Mat<f64>, Vec<f64>)> {
    let n = rows.n_rows();
    let mut x = Mat::<f64>::zeros(n, rows.dim);
    let mut row0 = 0;
    for block in rows.blocks() {
        let b = rows.centred(block, mean);
        x.as_mut().subrows_mut(row0, b.nrows()).copy_from(&b);
        row0 += b.nrows();
    }
    let svd = x.thin_svd().map_err(|_| Error::Decomposition { what: "thin SVD" })?;
    let s = svd.S().column_vector();
    let variances = (0..s.nrows()).map(|i| s[i] * s[i] / denom).collect();
    Ok((svd.V().to_owned(), variances))
}

/// Randomized subspace iteration on `X_c^T X_c`, one streamed pass per iteration, then a
/// Rayleigh-Ritz step: returns an orthonormal basis ordered by variance, and the variances.
fn randomized_basis(
    rows: Rows<'_>,
    mean: &[f64],
    denom: f64,
    width: usize,
    params: &RandomizedParams,
) -> Result<(Mat<f64>, Vec<f64>)> {
    let dim = rows.dim;
    let mut rng = crate::stats::Rng::new(params.seed);
    let omega = Mat::from_fn(dim, width, |_, _| rng.normal());
    let mut z = omega.qr().compute_thin_Q();
    // `power_iterations` updates of the subspace, then one pass for the Rayleigh-Ritz step:
    // the same number of products with X as scikit-learn's randomized SVD.
    let passes = params.power_iterations + 1;
    let blocks = rows.blocks();
    for pass in 0..passes - 1 {
        // W = X^T (X Z), summed over blocks. Within a block the products run in f32 (twice
        // the SIMD width); block results are summed in f64.
        let z32 = Mat::<f32>::from_fn(dim, width, |i, j| z[(i, j)] as f32);
        let w = blocks
            .par_iter()
            .fold(
                || Mat::<f64>::zeros(dim, width),
                |mut acc, &block| {
                    let x = rows.centred_f32(block, mean);
                    let mut y = Mat::<f32>::zeros(x.nrows(), width);
                    matmul(y.as_mut(), Accum::Replace, x.as_ref(), z32.as_ref(), 1.0, Par::Seq);
                    let mut w = Mat::<f32>::zeros(dim, width);
                    matmul(w.as_mut(), Accum::Replace, x.transpose(), y.as_ref(), 1.0, Par::Seq);
                    acc += Mat::<f64>::from_fn(dim, width, |i, j| f64::from(w[(i, j)]));
                    acc
                },
            )
            .reduce(|| Mat::zeros(dim, width), |a, b| a + b);
        tracing::debug!(pass, "randomized SVD subspace update");
        z = w.qr().compute_thin_Q();
    }
    // The last pass, in f64: G = (X Z)^T (X Z) for the Rayleigh-Ritz step.
    let gram = rows.sum_blocks(mean, (width, width), |x, acc| {
        let mut y = Mat::<f64>::zeros(x.nrows(), width);
        matmul(y.as_mut(), Accum::Replace, x, z.as_ref(), 1.0, Par::Seq);
        matmul(acc.as_mut(), Accum::Add, y.transpose(), y.as_ref(), 1.0, Par::Seq);
    });
    // Rayleigh-Ritz: the eigenvectors of Z^T X^T X Z rotate Z onto the principal directions.
    let eig = gram.self_adjoint_eigen(Side::Lower).map_err(|_| Error::Decomposition { what: "eigen decomposition" })?;
    let order: Vec<usize> = (0..width).rev().collect(); // faer sorts eigenvalues ascending
    let s = eig.S().column_vector();
    let u = eig.U();
    let rotation = Mat::from_fn(width, width, |i, j| u[(i, order[j])]);
    let basis = &z * &rotation;
    let variances = order.iter().map(|&i| s[i].max(0.0) / denom).collect();
    Ok((basis, variances))
}

/// Makes the largest-magnitude entry of every column positive, so results do not depend on
/// the sign conventions of the decomposition.
pub(crate) fn fix_signs(m: &mut Mat<f64>) {
    for j in 0..m.ncols() {
        let col = m.col(j);
        let pivot = (0..col.nrows()).max_by(|&a, &b| col[a].abs().total_cmp(&col[b].abs()));
        if let Some(i) = pivot
            && m[(i, j)] < 0.0
        {
            for i in 0..m.nrows() {
                m[(i, j)] = -m[(i, j)];
            }
        }
    }
}

/// Norm of each row's residual after projection onto the PCA subspace.
pub(crate) fn residual_norms(rows: Rows<'_>, pca: &Pca) -> Vec<f64> {
    let k = pca.components.ncols();
    let v = pca.components.as_ref();
    rows.map_rows(&pca.mean, |x| {
        let mut residual = x.to_owned();
        if k > 0 {
            let mut scores = Mat::<f64>::zeros(x.nrows(), k);
            matmul(scores.as_mut(), Accum::Replace, x, v, 1.0, Par::Seq);
            matmul(residual.as_mut(), Accum::Add, scores.as_ref(), v.transpose(), -1.0, Par::Seq);
        }
        (0..x.nrows()).map(|i| residual.row(i).iter().map(|r| r * r).sum::<f64>().sqrt()).collect()
    })
}

/// The Ledoit-Wolf shrinkage covariance of `rows` (as scikit-learn's `LedoitWolf`) and the
/// shrinkage used.
pub(crate) fn ledoit_wolf(rows: Rows<'_>, mean: &[f64]) -> (Mat<f64>, f64) {
    let n = rows.n_rows() as f64;
    let d = rows.dim as f64;
    let emp = rows.gram(mean) * faer::Scale(1.0 / n);
    // sum_i ||x_i||^4, the `beta_` term of the estimator.
    let fourth: f64 = rows
        .map_rows(mean, |x| (0..x.nrows()).map(|i| x.row(i).iter().map(|v| v * v).sum::<f64>().powi(2)).collect())
        .iter()
        .sum();
    let trace: f64 = (0..rows.dim).map(|j| emp[(j, j)]).sum();
    let mu = trace / d;
    let frob2: f64 = (0..rows.dim).map(|j| emp.col(j).iter().map(|v| v * v).sum::<f64>()).sum();
    let beta = ((fourth / n - frob2) / (d * n)).max(0.0);
    let delta = (frob2 - 2.0 * mu * trace + d * mu * mu) / d;
    let beta = beta.min(delta);
    let shrinkage = if beta == 0.0 { 0.0 } else { beta / delta };
    let shrunk = Mat::from_fn(rows.dim, rows.dim, |i, j| {
        (1.0 - shrinkage) * emp[(i, j)] + if i == j { shrinkage * mu } else { 0.0 }
    });
    (shrunk, shrinkage)
}

/// Mahalanobis distance of each row to `center` under `cov`. A singular covariance (for
/// example identical target rows) gets a ridge of `1e-9` times its mean variance, or the
/// identity when it is zero.
pub(crate) fn mahalanobis(rows: Rows<'_>, center: &[f64], cov: &Mat<f64>) -> Result<Vec<f64>> {
    let dim = cov.nrows();
    let mean_var = (0..dim).map(|j| cov[(j, j)]).sum::<f64>() / dim as f64;
    let ridge = if mean_var > 0.0 { 1e-9 * mean_var } else { 1.0 };
    let factor = match cov.llt(Side::Lower) {
        Ok(llt) => llt,
        Err(_) => {
            let regular = Mat::from_fn(dim, dim, |i, j| cov[(i, j)] + if i == j { ridge } else { 0.0 });
            regular.llt(Side::Lower).map_err(|_| Error::Decomposition { what: "Cholesky factorisation" })?
        }
    };
    let precision = {
        use faer::linalg::solvers::DenseSolveCore;
        factor.inverse()
    };
    Ok(rows.map_rows(center, |x| {
        let mut z = Mat::<f64>::zeros(x.nrows(), dim);
        matmul(z.as_mut(), Accum::Replace, x, precision.as_ref(), 1.0, Par::Seq);
        (0..x.nrows())
            .map(|i| x.row(i).iter().zip(z.row(i).iter()).map(|(a, b)| a * b).sum::<f64>().max(0.0).sqrt())
            .collect()
    }))
}
