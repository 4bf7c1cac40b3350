"""Reference values for SklearnParityTest, computed with scikit-learn 1.2.1 (Debian
python3-sklearn) by `/usr/bin/python3 sklearn_parity.py`. Prints Java-ready literals (repr of
float64, 17 significant digits), which were typed into the test."""
import numpy as np
import sklearn
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.metrics import silhouette_samples, silhouette_score

assert sklearn.__version__ == "1.2.1", sklearn.__version__

X = np.array([[0.0, 0.0], [1.0, 0.5], [0.5, 1.5], [4.0, 4.0], [5.0, 4.5], [4.5, 5.5],
              [9.0, 0.0], [8.0, 1.0], [9.5, 1.5], [2.0, 2.5]])
C0 = np.array([[0.0, 0.0], [4.0, 4.0], [9.0, 0.0]])
NEW = np.array([[1.0, 1.0], [6.0, 6.0], [7.0, 0.5], [3.0, 3.0], [-2.0, 10.0]])
W_NEW = np.array([1.0, 2.0, 0.5, 0.0, 3.0])


def lit(a):
    a = np.asarray(a)
    if a.ndim == 0:
        return repr(float(a))
    if a.ndim == 1:
        return "{" + ", ".join(repr(float(v)) if a.dtype.kind == "f" else str(int(v))
                               for v in a) + "}"
    return "{" + ", ".join(lit(r) for r in a) + "}"


km = KMeans(n_clusters=3, init=C0, n_init=1, algorithm="lloyd", tol=0.0, max_iter=300).fit(X)
print("fit centres", lit(km.cluster_centers_))
print("fit labels", lit(km.labels_))
print("fit inertia", lit(km.inertia_))
print("predict", lit(km.predict(NEW)))
print("transform", lit(km.transform(NEW)))
print("inertia(NEW)", lit(-km.score(NEW)))
print("inertia(NEW, w)", lit(-km.score(NEW, sample_weight=W_NEW)))

# Silhouettes with a singleton cluster (label 3 on row 9) and an unbalanced split.
LAB = np.array([0, 0, 0, 1, 1, 1, 2, 2, 1, 3])
print("silhouette_samples", lit(silhouette_samples(X, LAB)))
print("silhouette_score", lit(silhouette_score(X, LAB)))

# partial_fit on a fixed sequence of batches from fixed centres, no random reassignment.
mb = MiniBatchKMeans(n_clusters=2, init=np.array([[0.0, 0.0], [5.0, 5.0]]), n_init=1,
                     batch_size=4, reassignment_ratio=0.0, compute_labels=False)
B1 = X[[0, 1, 3, 4]]
B2 = X[[2, 5, 6]]
B3 = X[[7, 8, 9]]
W3 = np.array([2.0, 0.5, 1.5])
mb.partial_fit(B1)
print("pf1 centres", lit(mb.cluster_centers_), "counts", lit(mb._counts))
mb.partial_fit(B2)
print("pf2 centres", lit(mb.cluster_centers_), "counts", lit(mb._counts))
mb.partial_fit(B3, sample_weight=W3)
print("pf3 centres", lit(mb.cluster_centers_), "counts", lit(mb._counts), "steps", mb.n_steps_)
print("pf3 predict", lit(mb.predict(NEW)))
