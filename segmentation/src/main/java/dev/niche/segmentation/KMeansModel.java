package dev.niche.segmentation;

import dev.niche.core.Checks;
import dev.niche.segmentation.internal.ChunkPool;
import dev.niche.segmentation.internal.Dataset;
import dev.niche.segmentation.internal.LloydAssigner;
import dev.niche.segmentation.internal.Rows;
import dev.niche.segmentation.internal.SquaredDistance;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A k-means model: k centroids in d dimensions and, for a model produced by a fit
 * ({@link KMeans#fit}, {@link MiniBatchKMeans#fit}), the label of every training row (the index of
 * its nearest centroid, lowest index on exact ties), the inertia (weighted sum of squared
 * distances to the assigned centroids) and how the iteration ended.
 *
 * <p>The methods mirror scikit-learn's {@code KMeans}: {@link #predict(double[][])} is
 * {@code predict}, {@link #transform(double[][])} is {@code transform} (Euclidean distances to
 * every centroid), and {@link #inertia(double[][])} is {@code -score}. All of them use the fit's
 * distance kernel (one fixed summation order, see {@code SquaredDistance}), so predicting the
 * training rows gives exactly the training labels.
 *
 * <p>A model is saved with {@link #writeTo(OutputStream)} and restored with
 * {@link #readFrom(InputStream)}; the binary format is described there. Models not produced by a
 * fit are made with {@link #ofCentroids(double[][])}.
 *
 * <p>Rows, centroids and weights are limited to magnitudes of {@link KMeans#MAX_MAGNITUDE}
 * (weights at least {@link KMeans#MIN_POSITIVE_WEIGHT} unless 0), so distances and inertias are
 * finite; larger ("too large") values are rejected with an IllegalArgumentException naming the
 * element.
 *
 * <p>Immutable and thread-safe; array accessors return copies and no method keeps or changes the
 * caller's arrays.
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
   * A model over arrays that the caller hands over (not copied): the fits and the reader, which
   * have already validated them.
   */
  KMeansModel(
      double[] centres,
      int k,
      int d,
      int[] labels,
      double inertia,
      int iterations,
      boolean converged,
      double[] history,
      KMeansAlgorithm algorithm) {
    this.centres = centres;
    this.k = k;
    this.d = d;
    this.labels = labels;
    this.inertia = inertia;
    this.iterations = iterations;
    this.converged = converged;
    this.history = history;
    this.algorithm = algorithm;
  }

  /**
   * A model with given centroids and no training data, e.g. centroids computed elsewhere (a
   * Spark job, another library, {@link ClusterStatistics}). Its {@link #labels()} and
   * {@link #inertiaHistory()} are empty, {@link #inertia()} is 0 (the sum over no training rows),
   * {@link #iterations()} is 0, {@link #converged()} is true (there is nothing to iterate) and
   * {@link #algorithm()} is {@link KMeansAlgorithm#AUTO} (no algorithm ran).
   *
   * @param centroids k rows of d finite values (copied); coincident centroids are allowed (the
   *     lowest index wins ties)
   * @return the model
   * @throws NullPointerException if {@code centroids} or a row is null
   * @throws IllegalArgumentException if they are empty, ragged, not finite or too large
   */
  public static KMeansModel ofCentroids(double[][] centroids) {
    Checks.notNull(centroids, "centroids");
    double[] flat = Rows.flatten(centroids, "centroids");
    return new KMeansModel(flat, centroids.length, centroids[0].length, new int[0], 0, 0, true,
        new double[0], KMeansAlgorithm.AUTO);
  }

  /**
   * The centroids.
   *
   * @return a copy, k rows of d values
   */
  public double[][] centroids() {
    double[][] out = new double[k][];
    for (int m = 0; m < k; m++) {
      out[m] = Arrays.copyOfRange(centres, m * d, m * d + d);
    }
    return out;
  }

  /**
   * The label of each training row, in the caller's row order; empty for a model made by
   * {@link #ofCentroids(double[][])}.
   *
   * @return a copy
   */
  public int[] labels() {
    return labels.clone();
  }

  /**
   * The training inertia: sum over training rows of w(x) ||x - c(x)||^2 (0 without training
   * rows). For new data see {@link #inertia(double[][])}.
   *
   * @return the inertia, finite and &gt;= 0
   */
  public double inertia() {
    return inertia;
  }

  /**
   * Number of M-steps (centroid updates) performed, or of mini-batches for
   * {@link MiniBatchKMeans}.
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
   * The algorithm that produced the model (AUTO resolved), or {@link KMeansAlgorithm#AUTO} for a
   * model made by {@link #ofCentroids(double[][])}.
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
   *     or too large
   */
  public int predict(double[] point) {
    Rows.checkValues(point, "point");
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

  /**
   * The nearest centroid of every row (scikit-learn's {@code predict}), lowest index on exact
   * ties. Rows go through the fit's SIMD distance kernel, so the training rows get exactly
   * {@link #labels()}.
   *
   * @param rows n rows of the model's dimension
   * @return n labels in {@code [0, k)}
   * @throws NullPointerException if {@code rows} or a row is null
   * @throws IllegalArgumentException if the rows are empty, ragged, not finite, too large or of
   *     another dimension
   */
  public int[] predict(double[][] rows) {
    double[] flat = flatRows(rows, "rows");
    return nearest(flat, rows.length, null).labels;
  }

  /**
   * The nearest centroid of every row of a flat row-major array (row i is
   * {@code flatRowMajor[i*d .. i*d+d-1]}); not copied.
   *
   * @param flatRowMajor the values, a multiple of {@code dimension} long
   * @param dimension values per row; must equal {@link #dimension()}
   * @return one label per row, in {@code [0, k)}
   * @throws NullPointerException if {@code flatRowMajor} is null
   * @throws IllegalArgumentException if it is empty, not finite or too large, its length is not a
   *     multiple of the dimension, or the dimension differs from the model's
   */
  public int[] predict(double[] flatRowMajor, int dimension) {
    Rows.checkFlat(flatRowMajor, dimension, "flatRowMajor");
    Checks.argument(dimension == d,
        "dimension = " + dimension + " differs from the model's dimension " + d);
    return nearest(flatRowMajor, flatRowMajor.length / d, null).labels;
  }

  /**
   * The Euclidean distance of every row to every centroid (scikit-learn's {@code transform}):
   * {@code out[i][m] = ||rows[i] - c_m||}. The row's smallest entry is at {@link #predict}'s
   * label (lowest index on ties).
   *
   * @param rows n rows of the model's dimension
   * @return n rows of k distances (&gt;= 0)
   * @throws NullPointerException if {@code rows} or a row is null
   * @throws IllegalArgumentException if the rows are empty, ragged, not finite, too large or of
   *     another dimension
   */
  public double[][] transform(double[][] rows) {
    double[] flat = flatRows(rows, "rows");
    double[][] out = new double[rows.length][k];
    for (int i = 0; i < rows.length; i++) {
      double[] o = out[i];
      SquaredDistance.toAll(flat, i * d, centres, k, d, o);
      for (int m = 0; m < k; m++) {
        o[m] = Math.sqrt(o[m]);
      }
    }
    return out;
  }

  /**
   * The inertia of new rows: sum_i ||x_i - c(x_i)||^2 with c(x) the nearest centroid
   * (scikit-learn's {@code -score(X)}).
   *
   * @param rows n rows of the model's dimension
   * @return the inertia (&gt;= 0)
   * @throws NullPointerException if {@code rows} or a row is null
   * @throws IllegalArgumentException if the rows are empty, ragged, not finite, too large or of
   *     another dimension
   */
  public double inertia(double[][] rows) {
    double[] flat = flatRows(rows, "rows");
    return nearest(flat, rows.length, null).inertia;
  }

  /**
   * The weighted inertia of new rows: sum_i w_i ||x_i - c(x_i)||^2 with c(x) the nearest
   * centroid (scikit-learn's {@code -score(X, sample_weight=w)}).
   *
   * @param rows n rows of the model's dimension
   * @param weights n weights, each 0 or in [{@link KMeans#MIN_POSITIVE_WEIGHT},
   *     {@link KMeans#MAX_MAGNITUDE}] (copied)
   * @return the weighted inertia (&gt;= 0)
   * @throws NullPointerException if an argument or a row is null
   * @throws IllegalArgumentException if the rows are empty, ragged, not finite, too large or of
   *     another dimension, or the weights are negative, not finite or of another length
   */
  public double inertia(double[][] rows, double[] weights) {
    double[] flat = flatRows(rows, "rows");
    Rows.checkWeights(weights, "weights");
    Checks.sameLength(weights.length, "weights", rows.length, "rows");
    return nearest(flat, rows.length, weights.clone()).inertia;
  }

  /**
   * Writes the model in the versioned binary format below (big-endian, as
   * {@link java.io.DataOutputStream}); the stream is flushed, not closed.
   *
   * <pre>
   * bytes  content
   * 4      magic "NKMM" (0x4E 0x4B 0x4D 0x4D)
   * 4      int    format version (1)
   * 4      int    k (&gt;= 1)
   * 4      int    d (&gt;= 1)
   * 8·k·d  double centroids, row-major, IEEE 754 binary64
   * 8      double training inertia (finite, &gt;= 0)
   * 4      int    iterations (&gt;= 0)
   * 1      byte   converged (0 or 1)
   * 1      byte   algorithm: 0 AUTO, 1 LLOYD, 2 HAMERLY, 3 ELKAN
   * 4      int    h, the length of the inertia history (&gt;= 0)
   * 8·h    double inertia history
   * 4      int    n, the number of training labels (&gt;= 0)
   * 4·n    int    training labels, each in [0, k)
   * </pre>
   *
   * Doubles are written bit for bit, so {@link #readFrom(InputStream)} restores a model that
   * predicts identically.
   *
   * @param out the stream
   * @throws NullPointerException if {@code out} is null
   * @throws IOException if the stream fails
   */
  public void writeTo(OutputStream out) throws IOException {
    Checks.notNull(out, "out");
    ModelFormat.write(this, centres, labels, history, out);
  }

  /**
   * Reads a model written by {@link #writeTo(OutputStream)}. Reads exactly the model's bytes
   * (nothing after them) and does not close the stream. Memory grows with the bytes actually
   * read, never with sizes declared in the stream, so a corrupt header cannot exhaust memory.
   *
   * @param in the stream
   * @return the model, predicting exactly as the one written
   * @throws NullPointerException if {@code in} is null
   * @throws java.io.EOFException if the stream ends before the model does (truncated)
   * @throws IOException if the stream fails, or its content is not a model in this format: wrong
   *     magic, unsupported version, or an invalid value (non-positive k or d, k·d or a length
   *     beyond the largest Java array, a non-finite centroid, a negative or non-finite inertia,
   *     an unknown algorithm code, a label outside [0, k)); the message names the field
   */
  public static KMeansModel readFrom(InputStream in) throws IOException {
    Checks.notNull(in, "in");
    return ModelFormat.read(in);
  }

  /**
   * A short description: k, dimension, training rows, inertia, iterations.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "KMeansModel[k=" + k + ", dimension=" + d + ", trainingRows=" + labels.length
        + ", inertia=" + inertia + ", iterations=" + iterations + ", converged=" + converged
        + ", algorithm=" + algorithm + "]";
  }

  private double[] flatRows(double[][] rows, String name) {
    Checks.notNull(rows, name);
    double[] flat = Rows.flatten(rows, name);
    Checks.sameLength(rows[0].length, name + "[0]", d, "the model's dimension");
    return flat;
  }

  private Assignment nearest(double[] flat, int n, double[] weights) {
    int[] out = new int[n];
    LloydAssigner assigner = new LloydAssigner(new Dataset(flat, n, d, weights), k);
    try (ChunkPool one = new ChunkPool(1)) {
      assigner.start(centres, out, null, one);
    }
    return new Assignment(out, assigner.inertia());
  }

  /** Labels and inertia of one assignment pass. */
  private static final class Assignment {
    final int[] labels;
    final double inertia;

    Assignment(int[] labels, double inertia) {
      this.labels = labels;
      this.inertia = inertia;
    }
  }
}
