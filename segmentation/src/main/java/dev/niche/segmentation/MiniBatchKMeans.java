package dev.niche.segmentation;

import dev.niche.core.Checks;
import dev.niche.segmentation.internal.Rows;

/**
 * Mini-batch k-means (D. Sculley, "Web-scale k-means clustering", WWW 2010, Algorithm 1), with
 * scikit-learn's {@code MiniBatchKMeans} update rule and {@code partial_fit}.
 *
 * <p><b>{@link #fit}</b>: start from given centres ({@link Builder#init(double[][])}) or from
 * greedy k-means++ on a seeded sample of {@code min(n, max(k, 3 * batchSize))} rows drawn
 * uniformly with replacement; then for each of {@code maxIterations} batches of
 * {@code min(batchSize, n)} rows drawn uniformly with replacement, assign each row to its nearest
 * centre and move each centre c to the weighted mean of everything it has absorbed:
 * c &larr; (v_c c + sum w_i x_i) / (v_c + sum w_i), v_c &larr; v_c + sum w_i, where v_c is the
 * total sample weight the centre has absorbed so far (for unit weights, a per-centre learning
 * rate 1/v_c per row). Stops early when the total squared centre shift of a batch is at most
 * {@code tolerance} times the mean feature variance (tolerance 0, the default, disables this). A
 * final exact pass over all rows gives the labels and the weighted inertia. Approximate: use
 * {@link KMeans} when an exact fit is affordable. Results depend only on the seed (the final
 * pass is chunked like {@link KMeans}).
 *
 * <p><b>{@link #partialFit}</b> (scikit-learn's {@code partial_fit}): each call applies ONE
 * batch, the caller's rows, with the update above, and returns a new instance holding the
 * centres and per-centre counts v_c; the receiver is unchanged. The first call starts from the
 * given centres, or else from greedy k-means++ on its batch (on a seeded sample of
 * {@code 3 * batchSize} rows of it when the batch is larger). With unit weights and given
 * centres, a sequence of calls gives scikit-learn 1.2's centres and counts for the same sequence
 * with {@code reassignment_ratio=0} (tested); unlike scikit-learn, Niche never re-seeds small
 * clusters at random. {@link #fit} ignores and does not change the partial-fit state.
 *
 * <p>Data, centres and weights have {@link KMeans}'s limits (values beyond
 * &plusmn;{@link KMeans#MAX_MAGNITUDE} are "too large"). Instances are immutable and thread-safe.
 */
public final class MiniBatchKMeans {

  /** The largest {@code maxIterations} accepted: 10^6 batches. */
  public static final int MAX_ITERATIONS = 1_000_000;

  /**
   * The largest number of clusters, 2<sup>20</sup>: the builder allocates one count per cluster
   * at {@code build()}, so {@code k} is bounded by what it allocates.
   */
  public static final int MAX_CLUSTERS = 1 << 20;

  private final int k;
  private final long seed;
  private final int batchSize;
  private final int maxIterations;
  private final double tolerance;
  private final int threads;
  private final double[] weights;
  private final double[] initialCentres;
  private final int initialDimension;
  private final StreamingCentres streaming;

  private MiniBatchKMeans(Builder b) {
    this.k = b.initialCentres != null ? b.initialCount : b.k;
    this.seed = b.seed;
    this.batchSize = b.batchSize;
    this.maxIterations = b.maxIterations;
    this.tolerance = b.tolerance;
    this.threads = b.threads;
    this.weights = b.weights;
    this.initialCentres = b.initialCentres;
    this.initialDimension = b.initialDimension;
    this.streaming = StreamingCentres.before(k, initialCentres, initialDimension);
  }

  private MiniBatchKMeans(MiniBatchKMeans config, StreamingCentres streaming) {
    this.k = config.k;
    this.seed = config.seed;
    this.batchSize = config.batchSize;
    this.maxIterations = config.maxIterations;
    this.tolerance = config.tolerance;
    this.threads = config.threads;
    this.weights = config.weights;
    this.initialCentres = config.initialCentres;
    this.initialDimension = config.initialDimension;
    this.streaming = streaming;
  }

  /**
   * A builder with defaults batch size 1024, 100 batches, tolerance 0, seed 0, one thread, unit
   * weights, greedy k-means++ start.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fits rows given as a matrix (copied once).
   *
   * @param data n rows of d finite values
   * @return the model; {@code algorithm()} is LLOYD (the final exact assignment pass) and
   *     {@code inertiaHistory()} holds each batch's weighted inertia before its update
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalArgumentException if the data are empty, ragged, not finite or too large, the
   *     weights or given centres do not match them, or k exceeds the number of distinct sampled
   *     rows with positive weight
   */
  public KMeansModel fit(double[][] data) {
    Checks.notNull(data, "data");
    return fitFlat(Rows.flatten(data, "data"), data[0].length);
  }

  /**
   * Fits rows given as one flat row-major array (copied once).
   *
   * @param flatRowMajor the values
   * @param dimension values per row
   * @return the model
   * @throws NullPointerException if {@code flatRowMajor} is null
   * @throws IllegalArgumentException if the data are empty, not finite or too large, the length is
   *     not a multiple of the dimension, the weights or given centres do not match them, or k
   *     exceeds the number of distinct sampled rows with positive weight
   */
  public KMeansModel fit(double[] flatRowMajor, int dimension) {
    return fitFlat(Rows.copyFlat(flatRowMajor, dimension, "flatRowMajor"), dimension);
  }

  private KMeansModel fitFlat(double[] x, int d) {
    int n = x.length / d;
    Checks.argument(k <= n, "k = " + k + " exceeds the number of data rows (" + n + ")");
    double[] w = Rows.weights(weights == null ? null : weights.clone(), n);
    double[] c = start(x, w, n, d);
    return MiniBatchFit.run(x, w, n, d, c, k, batchSize, maxIterations, tolerance, threads, seed);
  }

  /**
   * The start: the given centres, or greedy k-means++ on a seeded sample of
   * min(n, max(k, 3 batchSize)) rows (uniform, with replacement; all rows in order when the
   * sample would be all of them).
   */
  private double[] start(double[] x, double[] w, int n, int d) {
    if (initialCentres != null) {
      Checks.sameLength(initialDimension, "init(centres)[0]", d, "data[0]");
      return initialCentres.clone();
    }
    return MiniBatchStart.greedy(x, w, n, d, k, batchSize, seed);
  }

  /**
   * Applies one batch with unit weights (scikit-learn's {@code partial_fit(X)}); see the class
   * comment. The receiver is unchanged.
   *
   * @param batch the batch's rows (copied; may be fewer than k rows once started)
   * @return a new instance with the updated centres and counts, {@link #steps()} one higher
   * @throws NullPointerException if {@code batch} or a row is null
   * @throws IllegalArgumentException if the rows are empty, ragged, not finite or too large, their
   *     dimension differs from the centres', or (first call without given centres) the batch
   *     has fewer than k distinct rows
   */
  public MiniBatchKMeans partialFit(double[][] batch) {
    Checks.notNull(batch, "batch");
    return new MiniBatchKMeans(this,
        streaming.absorb(Rows.flatten(batch, "batch"), batch[0].length, null, batchSize, seed));
  }

  /**
   * Applies one weighted batch (scikit-learn's {@code partial_fit(X, sample_weight=w)}); see the
   * class comment. The receiver is unchanged.
   *
   * @param batch the batch's rows (copied)
   * @param weights one weight per row, each 0 or in [{@link KMeans#MIN_POSITIVE_WEIGHT},
   *     {@link KMeans#MAX_MAGNITUDE}] (copied)
   * @return a new instance with the updated centres and counts, {@link #steps()} one higher
   * @throws NullPointerException if an argument or a row is null
   * @throws IllegalArgumentException if the rows are empty, ragged, not finite or beyond {@link
   *     KMeans#MAX_MAGNITUDE}, their dimension differs from the centres', the weights are out of
   *     range or of another length, or (first call without given centres) the batch has fewer than
   *     k distinct rows with positive weight
   */
  public MiniBatchKMeans partialFit(double[][] batch, double[] weights) {
    Checks.notNull(batch, "batch");
    double[] x = Rows.flatten(batch, "batch");
    Rows.checkWeights(weights, "weights");
    Checks.sameLength(weights.length, "weights", batch.length, "batch");
    return new MiniBatchKMeans(this,
        streaming.absorb(x, batch[0].length, weights.clone(), batchSize, seed));
  }

  /**
   * The current centres of the partial fit: the given centres before the first
   * {@link #partialFit}, then the centres after the last batch.
   *
   * @return a copy, k rows
   * @throws IllegalStateException if no centres were given and no batch was applied yet
   */
  public double[][] centroids() {
    return streaming.centroids();
  }

  /**
   * The total sample weight each centre has absorbed over the {@link #partialFit} calls
   * (scikit-learn's {@code _counts}; counts of rows for unit weights); zeros before the first.
   *
   * @return a copy, k values
   */
  public double[] counts() {
    return streaming.counts();
  }

  /**
   * The number of {@link #partialFit} batches applied (scikit-learn's {@code n_steps_}).
   *
   * @return the count, 0 for a freshly built instance
   */
  public long steps() {
    return streaming.steps();
  }

  /**
   * The partial fit's centres as a model for {@code predict}, {@code transform},
   * {@code inertia(rows)} and {@code writeTo}. It has no training rows: empty labels and
   * history, inertia 0, {@link KMeansModel#iterations()} = {@link #steps()} (at most
   * Integer.MAX_VALUE), {@code converged()} false (no stopping rule applies) and algorithm
   * AUTO.
   *
   * @return the model
   * @throws IllegalStateException if no centres were given and no batch was applied yet
   */
  public KMeansModel model() {
    return streaming.model();
  }

  /**
   * Validating builder for {@link MiniBatchKMeans}; {@link #build()} checks the settings against
   * each other. Not thread-safe.
   */
  public static final class Builder {
    private int k = -1;
    private double[] weights;
    private double[] initialCentres;
    private int initialCount;
    private int initialDimension;
    private long seed;
    private int batchSize = 1024;
    private int maxIterations = 100;
    private double tolerance;
    private int threads = 1;

    private Builder() {}

    /**
     * The number of clusters.
     *
     * @param k in [1, {@link MiniBatchKMeans#MAX_CLUSTERS}]
     * @return this builder
     * @throws IllegalArgumentException if {@code k < 1} or {@code k > MAX_CLUSTERS}
     */
    public Builder k(int k) {
      Checks.positive(k, "k");
      Checks.argument(k <= MAX_CLUSTERS, "k = " + k + " must be <= " + MAX_CLUSTERS);
      this.k = k;
      return this;
    }

    /**
     * The seed of the initial sample, the seeding and the batches.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Rows per mini-batch of {@link MiniBatchKMeans#fit}; a fit on n rows uses
     * {@code min(batchSize, n)} (as scikit-learn), so memory is bounded by the data. The first
     * {@code partialFit} seeds on at most {@code 3 * batchSize} rows of its batch.
     *
     * @param batchSize at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code batchSize < 1}
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = Checks.positive(batchSize, "batchSize");
      return this;
    }

    /**
     * Maximum number of mini-batches of {@link MiniBatchKMeans#fit}. Memory does not grow with
     * it; time does, hence the bound.
     *
     * @param maxIterations in [1, {@link MiniBatchKMeans#MAX_ITERATIONS}]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxIterations(int maxIterations) {
      Checks.positive(maxIterations, "maxIterations");
      Checks.argument(maxIterations <= MAX_ITERATIONS,
          "maxIterations = " + maxIterations + " must be <= " + MAX_ITERATIONS);
      this.maxIterations = maxIterations;
      return this;
    }

    /**
     * Starts from given centres (copied) in {@code fit} and {@code partialFit}, instead of greedy
     * k-means++. k is their number; a {@link #k(int)} that disagrees is rejected by
     * {@link #build()}.
     *
     * @param centres k rows of equal length, finite
     * @return this builder
     * @throws NullPointerException if {@code centres} or a row is null
     * @throws IllegalArgumentException if they are empty, ragged, not finite or too large
     */
    public Builder init(double[][] centres) {
      Checks.notNull(centres, "centres");
      this.initialCentres = Rows.flatten(centres, "centres");
      this.initialCount = centres.length;
      this.initialDimension = centres[0].length;
      return this;
    }

    /**
     * Sample weights, one per row of the data passed to {@code fit} (copied); {@code partialFit}
     * takes its weights with each batch instead.
     *
     * @param weights each 0 or in [{@link KMeans#MIN_POSITIVE_WEIGHT},
     *     {@link KMeans#MAX_MAGNITUDE}], not all zero
     * @return this builder
     * @throws NullPointerException if {@code weights} is null
     * @throws IllegalArgumentException if empty, negative, not finite or out of range
     */
    public Builder weights(double[] weights) {
      this.weights = Rows.checkWeights(weights, "weights").clone();
      return this;
    }

    /**
     * Relative tolerance on a batch's total squared centre shift (0 disables early stopping).
     *
     * @param tolerance finite, &gt;= 0
     * @return this builder
     * @throws IllegalArgumentException if negative or not finite
     */
    public Builder tolerance(double tolerance) {
      this.tolerance = Checks.nonNegative(tolerance, "tolerance");
      return this;
    }

    /**
     * Threads for the final full assignment pass.
     *
     * @param threads at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public Builder threads(int threads) {
      this.threads = Checks.positive(threads, "threads");
      return this;
    }

    /**
     * Builds the configured mini-batch k-means, checking the settings against each other.
     *
     * @return the mini-batch k-means
     * @throws IllegalStateException if neither k nor initial centres were given
     * @throws IllegalArgumentException if {@code k} differs from the number of centres given to
     *     {@code init(double[][])} (the message names both)
     */
    public MiniBatchKMeans build() {
      if (initialCentres != null) {
        Checks.argument(k < 1 || k == initialCount,
            "k = " + k + " disagrees with init(centres), which gives " + initialCount
                + " centres; omit k or make them agree");
      } else if (k < 1) {
        throw new IllegalStateException("k must be set (k(int)) or initial centres given");
      }
      return new MiniBatchKMeans(this);
    }
  }
}
