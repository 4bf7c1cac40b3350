"""scikit-learn's side of the k-means panel (issue 14), run by kmeans-panel.sh.

Reads the rows the Java generator wrote (raw little-endian float64, DIR/SHAPE.f64 with
DIR/SHAPE.shape = "n d k") and fits scikit-learn's KMeans with the panel's protocol: Lloyd,
float64, one greedy k-means++ start (n_init=1), at most 20 iterations, default tolerance 1e-4,
threads limited with threadpoolctl. Input conversion (reading, reshaping, C-contiguous float64) is
outside the timing. Prints one line per result:

  time SHAPE sklearn THREADS MEDIAN_S S1 S2 S3     (one warm-up fit, three timed, random_state 42)
  inertia SHAPE sklearn SEED VALUE                  (random_state 1..SEEDS, 2 threads)
  median SHAPE sklearn VALUE

Usage: /usr/bin/python3 kmeans_panel_sklearn.py DIR SEEDS [SHAPE ...]
"""
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

SHAPES = ["SEPARATED", "OVERLAPPING", "CUSTOMER", "WIDE"]


def load(directory, shape):
    n, d, k = (int(v) for v in open(f"{directory}/{shape}.shape").read().split())
    x = np.ascontiguousarray(np.fromfile(f"{directory}/{shape}.f64", dtype="<f8").reshape(n, d))
    return x, k


def fit(x, k, seed):
    km = KMeans(n_clusters=k, init="k-means++", n_init=1, max_iter=20, algorithm="lloyd",
                random_state=seed)
    km.fit(x)
    return km


def main():
    directory, seeds = sys.argv[1], int(sys.argv[2])
    shapes = sys.argv[3:] or SHAPES
    print(f"# scikit-learn {sklearn.__version__}, numpy {np.__version__}", flush=True)
    for shape in shapes:
        x, k = load(directory, shape)
        for threads in (1, 2):
            with threadpool_limits(limits=threads):
                fit(x, k, 42)
                times = []
                for _ in range(3):
                    t0 = time.perf_counter()
                    km = fit(x, k, 42)
                    times.append(time.perf_counter() - t0)
            s = sorted(times)
            print(f"time {shape} sklearn {threads} {s[1]:.4f} "
                  + " ".join(f"{t:.4f}" for t in times)
                  + f" inertia {km.inertia_:.8e} iterations {km.n_iter_}", flush=True)
        values = []
        with threadpool_limits(limits=2):
            for seed in range(1, seeds + 1):
                v = fit(x, k, seed).inertia_
                values.append(v)
                print(f"inertia {shape} sklearn {seed} {v:.8e}", flush=True)
        print(f"median {shape} sklearn {sorted(values)[len(values) // 2]:.8e}", flush=True)


if __name__ == "__main__":
    main()
