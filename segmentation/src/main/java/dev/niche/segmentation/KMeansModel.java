package dev.niche.segmentation;

import dev.niche.core.Checks;
import dev.niche.segmentation.internal.SquaredDistance;

/**
 * A fitted k-means model: centroids, the label of every training row (the index of its nearest
 * centroid, lowest index on exact ties), the inertia (weighted sum of squared distances to the
 * assigned centroids), and how the iteration ended. Immutable and thread-safe; array accessors
 * return copies.
 */
public final class KMeansModel {

  private final double[] centres;
  private final int k;
  private final int d;
  private final int[] labels;
  private final double inertia;
  private final int iterations;
  private final boolean converged;
  private final double[] history;
  private final KMeansAlgorithm algorithm;

  /**
   * A model. Arrays are copied.
   *
   * @param centroids the centroids, k rows of equal length
   * @param labels the label of each training row, each in {@code [0, k)}
   * @param inertia the inertia (finite, &gt;= 0)
   * @param iterations the number of M-steps performed (&gt;= 0)
   * @param converged whether the stopping rule was met before the iteration limit
   * @param inertiaHistory inertia of the assignment before each M-step
   * @param algorithm the algorithm that produced it
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the centroids are empty, ragged or not finite, or a label
   *     is out of range
   */
  public KMeansModel(
      double[][] centroids,
      int[] labels,
      double inertia,
      int iterations,
      boolean converged,
      double[] inertiaHistory,
      KMeansAlgorithm algorithm) {
    this.d = Checks.rectangular(centroids, "centroids");
    this.k = centroids.length;
    this.centres = new double[k * d];
    for (int m = 0; m < k; m++) {
      System.arraycopy(centroids[m], 0, centres, m * d, d);
    }
    Checks.notNull(labels, "labels");
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= k) {
        throw new IllegalArgumentException(
            "labels[" + i + "] = " + labels[i] + " must be in [0, " + k + ")");
      }
    }
    this.labels = labels.clone();
    this.inertia = Checks.nonNegative(inertia, "inertia");
    this.iterations = (int) Checks.nonNegative(iterations, "iterations");
    this.converged = converged;
    this.history = Checks.notNull(inertiaHistory, "inertiaHistory").clone();
    this.algorithm = Checks.notNull(algorithm, "algorithm");
  }

  /**
   * The centroids.
   *
   * @return a copy, k rows of d values
   */
  public double[][] centroids() {
    double[][] out = new double[k][];
    for (int m = 0; m < k; m++) {
      out[m] = java.util.Arrays.copyOfRange(centres, m * d, m * d + d);
    }
    return out;
  }

  /**
   * The label of each training row.
   *
   * @return a copy
   */
  public int[] labels() {
    return labels.clone();
  }

  /**
   * The inertia: sum over training rows of w(x) ||x - c(x)||^2.
   *
   * @return the inertia
   */
  public double inertia() {
    return inertia;
  }

  /**
   * Number of M-steps (centroid updates) performed.
   *
   * @return the iteration count
   */
  public int iterations() {
    return iterations;
  }

  /**
   * Whether the iteration stopped on the tolerance or a stable assignment rather than on the
   * iteration limit.
   *
   * @return true when converged
   */
  public boolean converged() {
    return converged;
  }

  /**
   * Inertia of the assignment before each M-step, one value per iteration. For exact k-means it
   * never rises (Lloyd's monotonicity); the final {@link #inertia()} is at most its last value.
   *
   * @return a copy
   */
  public double[] inertiaHistory() {
    return history.clone();
  }

  /**
   * The algorithm that produced the model (AUTO resolved).
   *
   * @return the algorithm
   */
  public KMeansAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * Number of clusters.
   *
   * @return k
   */
  public int k() {
    return k;
  }

  /**
   * Dimension of the rows.
   *
   * @return d
   */
  public int dimension() {
    return d;
  }

  /**
   * The nearest centroid of a point (lowest index on exact ties).
   *
   * @param point a point of the model's dimension
   * @return its cluster index in {@code [0, k)}
   * @throws NullPointerException if {@code point} is null
   * @throws IllegalArgumentException if its length differs from the dimension or it is not finite
   */
  public int predict(double[] point) {
    Checks.finite(point, "point");
    Checks.sameLength(point.length, "point", d, "the model's dimension");
    int best = 0;
    double bd = Double.POSITIVE_INFINITY;
    for (int m = 0; m < k; m++) {
      double v = SquaredDistance.between(point, 0, centres, m * d, d);
      if (v < bd) {
        bd = v;
        best = m;
      }
    }
    return best;
  }
}
