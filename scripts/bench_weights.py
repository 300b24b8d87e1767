"""The numpy + scikit-learn side of `cargo xtask bench weights`.

gen:     writes seeded source and target embeddings (float32, unit-norm rows with a
         low-dimensional structure plus noise and a few off-structure rows) as safetensors.
run:     does the work of `hysim weights` with the bench settings: cosine distance to the
         target centroid, PCA (scikit-learn, randomized, 16 components, 10 oversamples,
         4 power iterations) fitted on target and source together, residual norms,
         off-manifold flags at mean + 2 std, multiplicative hybrid weights normalised to
         mean 1, the diagnostics (quantiles, ESS, MMD on 500 rows each), and writes the
         same JSON Lines.
compare: prints the largest differences between two weights files.
"""

import argparse
import json
import sys

import numpy as np


def gen(args):
    from safetensors.numpy import save_file

    rng = np.random.default_rng(args.seed)
    basis = rng.normal(size=(32, args.dim)).astype(np.float32)

    def draw(n, shift):
        coords = rng.normal(size=(n, 32)).astype(np.float32) * np.linspace(3.0, 0.3, 32, dtype=np.float32)
        x = coords @ basis + shift + 0.3 * rng.normal(size=(n, args.dim)).astype(np.float32)
        x[: n // 100] += 3.0 * rng.normal(size=(n // 100, args.dim)).astype(np.float32)
        return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)

    shift = 0.5 * rng.normal(size=args.dim).astype(np.float32)
    save_file({"embeddings": draw(args.n, 0.0)}, f"{args.out}/source.safetensors")
    save_file({"embeddings": draw(args.n_target, shift)}, f"{args.out}/target.safetensors")


def mmd2(a, b):
    pooled = np.vstack([a, b])
    sq = np.sum(pooled**2, axis=1)
    d = np.maximum(sq[:, None] + sq[None, :] - 2 * pooled @ pooled.T, 0)
    med = np.median(d[np.tril_indices(len(pooled), -1)])
    gamma = 1.0 / (2 * med) if med > 0 else 1.0
    k = np.exp(-gamma * d)
    na = len(a)
    kaa, kbb, kab = k[:na, :na], k[na:, na:], k[:na, na:]
    return (kaa.sum() - np.trace(kaa)) / (na * (na - 1)) + (kbb.sum() - np.trace(kbb)) / (len(b) * (len(b) - 1)) - 2 * kab.mean()


def run(args):
    from safetensors.numpy import load_file
    from sklearn.decomposition import PCA

    source = load_file(args.source)["embeddings"]
    target = load_file(args.target)["embeddings"]
    mu = target.astype(np.float64).mean(axis=0)
    dist = 1.0 - (source @ mu) / (np.linalg.norm(source, axis=1) * np.linalg.norm(mu))
    pca = PCA(n_components=args.components, svd_solver="randomized", n_oversamples=10, iterated_power=4, random_state=0)
    pca.fit(np.vstack([target, source]))
    centred = source - pca.mean_.astype(source.dtype)
    residual = centred - (centred @ pca.components_.T.astype(source.dtype)) @ pca.components_.astype(source.dtype)
    d_m = np.linalg.norm(residual, axis=1).astype(np.float64)
    tau = d_m.mean() + 2 * d_m.std()
    off = d_m > tau
    w_sim = np.exp(-dist)
    w_clean = np.exp(-d_m)
    log_h = -dist - d_m
    h = np.where(off, 0.0, np.exp(log_h - log_h[~off].max()))
    h *= len(h) / h.sum()
    ess = h.sum() ** 2 / (h**2).sum()
    rng = np.random.default_rng(1)
    sub_a = source[np.sort(rng.choice(len(source), min(500, len(source)), replace=False))].astype(np.float64)
    sub_b = target[np.sort(rng.choice(len(target), min(500, len(target)), replace=False))].astype(np.float64)
    diagnostics = {
        "w_max": float(h.max()),
        "ess": float(ess),
        "mmd2": float(mmd2(sub_a, sub_b)),
        "quantiles": {name: np.quantile(col, [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]).tolist() for name, col in [("dist", dist), ("w_sim", w_sim), ("d_manifold", d_m), ("w_clean", w_clean), ("w_hybrid", h)]},
    }
    with open(args.out, "w") as f:
        for i in range(len(h)):
            f.write(
                '{"id":"%d","dist":%r,"w_sim":%r,"d_manifold":%r,"w_clean":%r,"off_manifold":%s,"w_hybrid":%r}\n'
                % (i, float(dist[i]), float(w_sim[i]), float(d_m[i]), float(w_clean[i]), "true" if off[i] else "false", float(h[i]))
            )
    with open(args.out.replace(".jsonl", ".diagnostics.json"), "w") as f:
        json.dump(diagnostics, f)


def compare(args):
    def load(path):
        rows = [json.loads(line) for line in open(path)]
        return {k: np.array([r[k] for r in rows], dtype=float) for k in ["dist", "d_manifold", "w_hybrid"]} | {"off": np.array([r["off_manifold"] for r in rows])}

    a, b = load(args.a), load(args.b)
    rel = lambda k: float(np.max(np.abs(a[k] - b[k]) / (1 + np.abs(b[k]))))
    print(
        "max rel diff: dist %.1e, d_manifold %.1e, w_hybrid %.1e; off-manifold flags differ on %d of %d rows"
        % (rel("dist"), rel("d_manifold"), rel("w_hybrid"), int(np.sum(a["off"] != b["off"])), len(a["off"]))
    )


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("gen")
    g.add_argument("--n", type=int, required=True)
    g.add_argument("--n-target", type=int, default=2000)
    g.add_argument("--dim", type=int, default=384)
    g.add_argument("--seed", type=int, default=0)
    g.add_argument("--out", required=True)
    r = sub.add_parser("run")
    r.add_argument("--source", required=True)
    r.add_argument("--target", required=True)
    r.add_argument("--components", type=int, default=16)
    r.add_argument("--out", required=True)
    c = sub.add_parser("compare")
    c.add_argument("a")
    c.add_argument("b")
    args = parser.parse_args()
    {"gen": gen, "run": run, "compare": compare}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
