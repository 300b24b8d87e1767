"""Reference values for hysim-weights, computed once with numpy and scikit-learn.

Writes crates/hysim-weights/test_data/sklearn_reference.json: seeded source and target
matrices and, for them, the cosine, euclidean and Mahalanobis (scikit-learn LedoitWolf)
distances to the target centroid, the LedoitWolf shrinkage, and the PCA (scikit-learn,
full SVD) residual norms and explained variance ratio with the manifold fitted on the
target and source rows together. The Rust tests compare against these numbers.

Run: python scripts/weights_reference.py  (needs numpy and scikit-learn; `cargo xtask
bench weights` installs both into ~/.cache/hysim/bench-venv).
"""

import json
import pathlib

import numpy as np
from sklearn.covariance import LedoitWolf
from sklearn.decomposition import PCA

OUT = pathlib.Path(__file__).resolve().parent.parent / "crates/hysim-weights/test_data/sklearn_reference.json"


def main() -> None:
    rng = np.random.default_rng(20261125)
    dim, n_source, n_target, k = 6, 40, 12, 3
    basis = rng.normal(size=(k, dim))
    source = (rng.normal(size=(n_source, k)) * [3.0, 2.0, 1.0]) @ basis + 0.1 * rng.normal(size=(n_source, dim))
    source[:3] += 2.0 * rng.normal(size=(3, dim))  # a few rows off the subspace
    target = (rng.normal(size=(n_target, k)) * [3.0, 2.0, 1.0]) @ basis + 0.1 * rng.normal(size=(n_target, dim)) + 0.5
    source = source.astype(np.float32)
    target = target.astype(np.float32)
    s64, t64 = source.astype(np.float64), target.astype(np.float64)

    mu = t64.mean(axis=0)
    diff = s64 - mu
    euclidean = np.linalg.norm(diff, axis=1)
    cosine = 1.0 - (s64 @ mu) / (np.linalg.norm(s64, axis=1) * np.linalg.norm(mu))
    lw = LedoitWolf().fit(t64)
    precision = np.linalg.inv(lw.covariance_)
    mahalanobis = np.sqrt(np.einsum("ij,jk,ik->i", diff, precision, diff))

    both = np.vstack([t64, s64])
    pca = PCA(n_components=k, svd_solver="full").fit(both)
    centred = s64 - pca.mean_
    residual = centred - (centred @ pca.components_.T) @ pca.components_
    residual_norm = np.linalg.norm(residual, axis=1)

    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {
                "generator": "scripts/weights_reference.py (numpy %s, scikit-learn %s)" % (np.__version__, __import__("sklearn").__version__),
                "dim": dim,
                "components": k,
                "source": source.ravel().tolist(),
                "target": target.ravel().tolist(),
                "cosine": cosine.tolist(),
                "euclidean": euclidean.tolist(),
                "mahalanobis": mahalanobis.tolist(),
                "ledoit_wolf_shrinkage": float(lw.shrinkage_),
                "residual_norm": residual_norm.tolist(),
                "explained_variance_ratio": float(pca.explained_variance_ratio_.sum()),
            },
            indent=1,
        )
        + "\n"
    )
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
