package dev.niche.segmentation;

import dev.niche.core.Checks;
import dev.niche.core.Seeds;
import dev.niche.segmentation.internal.ChunkPool;
import dev.niche.segmentation.internal.Dataset;
import dev.niche.segmentation.internal.FeatureMoments;
import dev.niche.segmentation.internal.Inertia;
import dev.niche.segmentation.internal.LloydAssigner;
import dev.niche.segmentation.internal.Rows;
import dev.niche.segmentation.internal.RowSeeding;
import dev.niche.segmentation.internal.SquaredDistance;
import java.util.SplittableRandom;

/**
 * Mini-batch k-means (D. Sculley, "Web-scale k-means clustering", WWW 2010, Algorithm 1): start
 * from greedy k-means++ on a seeded sample of {@code 3 * batchSize} rows (at least k); then for
 * each of {@code maxIterations} batches of {@code batchSize} rows drawn uniformly with
 * replacement, cache each row's nearest centre and move that centre towards the row with the
 * per-centre learning rate eta = w / v_c, where v_c is the total weight the centre has absorbed.
 * Stops early when the total squared centre shift of a batch is at most {@code tolerance} times the
 * mean feature variance (tolerance 0, the default, disables this). A final exact pass over all rows
 * gives the labels and inertia. Approximate: use {@link KMeans} when an exact fit is affordable.
 * Results depend only on the seed (the final pass is chunked like {@link KMeans}).
 */
public final class MiniBatchKMeans {

  private final int k;
  private final long seed;
  private final int batchSize;
  private final int maxIterations;
  private final double tolerance;
  private final int threads;

  private MiniBatchKMeans(Builder b) {
    this.k = b.k;
    this.seed = b.seed;
    this.batchSize = b.batchSize;
    this.maxIterations = b.maxIterations;
    this.tolerance = b.tolerance;
    this.threads = b.threads;
  }

  /**
   * A builder with defaults batch size 1024, 100 batches, tolerance 0, seed 0, one thread.
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
   *     {@code inertiaHistory()} holds each batch's inertia before its update
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalArgumentException if the data are empty, ragged or not finite, or k exceeds
   *     the number of distinct sampled rows
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
   * @throws IllegalArgumentException if the data are empty or not finite, or the length is not a
   *     multiple of the dimension
   */
  public KMeansModel fit(double[] flatRowMajor, int dimension) {
    return fitFlat(Rows.copyFlat(flatRowMajor, dimension, "flatRowMajor"), dimension);
  }

  private KMeansModel fitFlat(double[] x, int d) {
    int n = x.length / d;
    Checks.argument(k <= n, "k = " + k + " exceeds the number of data rows (" + n + ")");
    SplittableRandom rng = Seeds.random(seed, 0);
    int initSize = Math.min(n, Math.max(k, 3 * batchSize));
    double[] sample = new double[initSize * d];
    for (int s = 0; s < initSize; s++) {
      int i = initSize == n ? s : rng.nextInt(n);
      System.arraycopy(x, i * d, sample, s * d, d);
    }
    double[] centres;
    double absTol;
    try (ChunkPool one = new ChunkPool(1)) {
      centres = new RowSeeding(new Dataset(sample, initSize, d, null), one)
          .greedy(k, 2 + (int) Math.floor(Math.log(k)), Seeds.random(seed, 1));
      absTol = tolerance * FeatureMoments.meanFeatureVariance(new Dataset(x, n, d, null), one);
    }
    double[] absorbed = new double[k];
    int[] batch = new int[batchSize];
    int[] nearest = new int[batchSize];
    double[] history = new double[maxIterations];
    int iterations = 0;
    boolean converged = false;
    SplittableRandom batches = Seeds.random(seed, 2);
    while (iterations < maxIterations) {
      double batchInertia = 0;
      for (int b = 0; b < batchSize; b++) {
        int i = batches.nextInt(n);
        batch[b] = i;
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int m = 0; m < k; m++) {
          double v = SquaredDistance.between(x, i * d, centres, m * d, d);
          if (v < bd) {
            bd = v;
            best = m;
          }
        }
        nearest[b] = best;
        batchInertia += bd;
      }
      history[iterations++] = batchInertia;
      double shift = 0;
      for (int b = 0; b < batchSize; b++) {
        int m = nearest[b];
        int xo = batch[b] * d;
        absorbed[m] += 1;
        double eta = 1.0 / absorbed[m];
        for (int j = 0; j < d; j++) {
          double before = centres[m * d + j];
          double after = (1 - eta) * before + eta * x[xo + j];
          centres[m * d + j] = after;
          shift += (after - before) * (after - before);
        }
      }
      if (absTol > 0 && shift <= absTol) {
        converged = true;
        break;
      }
    }
    Dataset data = new Dataset(x, n, d, null);
    int[] labels = new int[n];
    double inertia;
    try (ChunkPool pool = new ChunkPool(threads)) {
      new LloydAssigner(data, k).start(centres, labels, null, pool);
      inertia = Inertia.of(data, centres, labels, pool);
    }
    double[][] c = new double[k][d];
    for (int m = 0; m < k; m++) {
      System.arraycopy(centres, m * d, c[m], 0, d);
    }
    return new KMeansModel(c, labels, inertia, iterations, converged,
        java.util.Arrays.copyOf(history, iterations), KMeansAlgorithm.LLOYD);
  }

  /** Validating builder for {@link MiniBatchKMeans}. Not thread-safe. */
  public static final class Builder {
    private int k = -1;
    private long seed;
    private int batchSize = 1024;
    private int maxIterations = 100;
    private double tolerance;
    private int threads = 1;

    private Builder() {}

    /**
     * The number of clusters.
     *
     * @param k at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public Builder k(int k) {
      this.k = Checks.positive(k, "k");
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
     * Rows per mini-batch.
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
     * Maximum number of mini-batches.
     *
     * @param maxIterations at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code maxIterations < 1}
     */
    public Builder maxIterations(int maxIterations) {
      this.maxIterations = Checks.positive(maxIterations, "maxIterations");
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
     * Builds the configured mini-batch k-means.
     *
     * @return the mini-batch k-means
     * @throws IllegalStateException if k was not set
     */
    public MiniBatchKMeans build() {
      if (k < 1) {
        throw new IllegalStateException("k must be set");
      }
      return new MiniBatchKMeans(this);
    }
  }
}
