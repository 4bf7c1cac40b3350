#!/usr/bin/env python3
"""The study behind Niche's default k-means start (KMeansInit.LOCAL_SEARCH), issue 14.

Reads a panel shape written by `KMeansPanelTool write DIR` (DIR/SHAPE.f64, DIR/SHAPE.shape = "n d k")
and, for seeds 1..SEEDS, compares the final inertia of scikit-learn's KMeans (Lloyd, at most 20
iterations, tolerance 1e-4) from
  base     scikit-learn's greedy k-means++ on all rows (the panel's protocol);
  coreset  on a lightweight coreset of FRAC * n draws (Bachem, Lucic and Krause, KDD 2018: half
           uniform, half proportional to |x - mean|^2, weights 1 / (m q)): weighted greedy k-means++
           (2 + floor(ln k) candidates), Z LocalSearch++ swaps (Lattanzi and Sohler, ICML 2019,
           Algorithm 1), then Lloyd on the coreset (at most 50 iterations);
  uniform  the same on a uniform sample of FRAC * n rows.
Each start's centres then start the Lloyd iterations on all rows. Prints every fit (inertia and
iterations on all rows) and the median and mean per start. A numpy sketch of the algorithm, not
Niche's code; its numbers are in docs/benchmarks-changelog.md (2026-12-02, 09:40).

Usage: /usr/bin/python3 kmeans_start_study.py DIR SHAPE SEEDS FRAC Z
"""
import sys
import warnings

import numpy as np
from sklearn.cluster import KMeans, kmeans_plusplus
from threadpoolctl import threadpool_limits

warnings.filterwarnings("ignore")


def squared_distances(x, c):
    return np.maximum((x * x).sum(1)[:, None] - 2 * x @ c.T + (c * c).sum(1)[None, :], 0)


def greedy_kmeans_pp(s, w, k, rng):
    trials = 2 + int(np.log(k))
    centres = [s[rng.choice(len(s), p=w / w.sum())]]
    d1 = ((s - centres[0]) ** 2).sum(1)
    for _ in range(1, k):
        p = w * d1
        best = None
        for c in rng.choice(len(s), trials, p=p / p.sum()):
            nd = np.minimum(d1, ((s - s[c]) ** 2).sum(1))
            pot = (w * nd).sum()
            if best is None or pot < best[0]:
                best = (pot, c, nd)
        centres.append(s[best[1]])
        d1 = best[2]
    return np.array(centres)


def local_search(s, w, centres, rng, steps):
    """LocalSearch++: draw p by w D^2, swap it for the centre whose removal costs least, if better."""
    c = centres.copy()
    dist = squared_distances(s, c)
    k = len(c)
    for _ in range(steps):
        two = np.partition(dist, 1, axis=1)
        d1, d2 = two[:, 0], two[:, 1]
        nearest = dist.argmin(1)
        phi = (w * d1).sum()
        p = rng.choice(len(s), p=w * d1 / phi)
        dp = ((s - s[p]) ** 2).sum(1)
        kept = np.minimum(dp, d1)
        delta = np.bincount(nearest, weights=w * (np.minimum(dp, d2) - kept), minlength=k)
        j = delta.argmin()
        if (w * kept).sum() + delta[j] < phi:
            c[j] = s[p]
            dist[:, j] = dp
    return c


def main():
    d_dir, shape, seeds, frac, steps = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(
        sys.argv[4]), int(sys.argv[5])
    n, d, k = map(int, open(f"{d_dir}/{shape}.shape").read().split())
    x = np.fromfile(f"{d_dir}/{shape}.f64", dtype="<f8").reshape(n, d)

    def full(c):
        km = KMeans(k, init=c, n_init=1, max_iter=20, algorithm="lloyd").fit(x)
        return km.inertia_, km.n_iter_

    def refined(s, w, rng):
        c = local_search(s, w, greedy_kmeans_pp(s, w, k, rng), rng, steps)
        return KMeans(k, init=c, n_init=1, max_iter=50, algorithm="lloyd").fit(
            s, sample_weight=w).cluster_centers_

    far = ((x - x.mean(0)) ** 2).sum(1)
    q = 0.5 / n + 0.5 * far / far.sum()
    m = int(n * frac)
    results = {}
    with threadpool_limits(2):
        for seed in range(1, seeds + 1):
            rng = np.random.default_rng(500 + seed)
            out = {"base": full(kmeans_plusplus(x, k, random_state=seed)[0])}
            idx = rng.choice(n, m, p=q)
            out["coreset"] = full(refined(x[idx], 1.0 / (m * q[idx]), rng))
            idx = rng.choice(n, m, replace=False)
            out["uniform"] = full(refined(x[idx], np.ones(m), rng))
            for key, v in out.items():
                results.setdefault(key, []).append(v[0])
            print(seed, " ".join("%s %.5e (%d)" % (key, v[0], v[1]) for key, v in out.items()),
                  flush=True)
    for key, v in results.items():
        v = np.array(v)
        print("%-8s median %.5e mean %.5e" % (key, np.median(v), v.mean()))


if __name__ == "__main__":
    main()
