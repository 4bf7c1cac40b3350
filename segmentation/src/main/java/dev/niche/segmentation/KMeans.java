package dev.niche.segmentation;

import dev.niche.core.Checks;
import dev.niche.core.Seeds;
import dev.niche.segmentation.internal.ChunkPool;
import dev.niche.segmentation.internal.Dataset;
import dev.niche.segmentation.internal.FeatureMoments;
import dev.niche.segmentation.internal.FitPlan;
import dev.niche.segmentation.internal.KMeansRun;
import dev.niche.segmentation.internal.RunResult;
import dev.niche.segmentation.internal.Rows;
import dev.niche.segmentation.internal.SpatialOrder;

/**
 * Exact k-means: minimises the inertia sum_i w_i ||x_i - c(x_i)||^2 by alternating assignment
 * (E-step) and centroid (M-step) updates, by default from a {@link KMeansInit#LOCAL_SEARCH} start.
 *
 * <p><b>Stopping rule</b> (as scikit-learn's {@code KMeans}): stop when the total squared centre
 * shift sum_m ||c_m' - c_m||^2 of an M-step is at most {@code tolerance} times the mean over
 * features of the (unweighted, population) variance of the data, when an E-step changes no
 * label, or after {@code maxIterations} M-steps. {@code tolerance(0)} iterates until the
 * assignment is stable. The final labels are always those of the nearest final centroid.
 *
 * <p><b>Determinism</b>: rows are processed in fixed chunks of 4096 whatever the thread count,
 * partial sums are combined in chunk order, and restart r uses seed
 * {@code Seeds.derive(seed, r)}; the same seed therefore gives a bit-identical model with any
 * number of threads. LLOYD, HAMERLY and ELKAN share the distance kernel and the M-step, so from the
 * same start they give the same labels and centroids.
 *
 * <p><b>Row order</b>: a fit with init KMEANS_PLUS_PLUS or GREEDY_KMEANS_PLUS_PLUS on at least
 * 65,536 rows with k of at least 16 works on its copy of the rows in an order where neighbouring
 * rows lie close together (sorted by nearest of k pilot centres chosen on an evenly spaced
 * sample), which lets the start rule out whole blocks of rows. The order depends on the data
 * only; labels are always returned in the caller's row order.
 *
 * <p><b>Empty clusters</b> are re-seeded at the rows farthest from their assigned centroid
 * (weighted squared distance, lowest index on ties), never left NaN.
 *
 * <p><b>Limits</b>: data values and centres within &plusmn;{@link #MAX_MAGNITUDE} ("too large"
 * beyond), sample weights 0 or in [{@link #MIN_POSITIVE_WEIGHT}, {@link #MAX_MAGNITUDE}],
 * {@code maxIterations} at most {@link #MAX_ITERATIONS}, {@code restarts} at most
 * {@link #MAX_RESTARTS}. Squared distances are computed in double precision, so points closer
 * than about 1e-154 cannot be told apart.
 *
 * <p>Instances are immutable and thread-safe; {@link #fit} starts {@code threads - 1} worker
 * threads for its duration when {@code threads > 1} and none otherwise.
 */
public final class KMeans {

  private final int k;
  private final long seed;
  private final KMeansInit init;
  private final double[] initialCentres;
  private final int initialDimension;
  private final KMeansAlgorithm algorithm;
  private final int maxIterations;
  private final double tolerance;
  private final int restarts;
  private final int threads;
  private final double[] weights;

  /**
   * The largest magnitude of a data value, centre or sample weight accepted by k-means, mini-batch
   * k-means, {@link KMeansModel} and {@link ClusterStatistics}: 1e100. Squared distances of such
   * values, times such weights, stay far from overflow, so inertias are finite. (Scale data in
   * other units first; k-means is scale-equivariant.)
   */
  public static final double MAX_MAGNITUDE = 1e100;

  /**
   * The smallest positive sample weight accepted: 1e-100 (0 is allowed and means the row does
   * not count). Weight sums and their reciprocals then stay finite.
   */
  public static final double MIN_POSITIVE_WEIGHT = 1e-100;

  /**
   * The most lower bounds (n times k, 8 bytes each) that {@link KMeansAlgorithm#ELKAN} may keep:
   * 2^28 (2 GiB); larger fits are rejected (AUTO chooses ELKAN only up to 2^24).
   */
  public static final long MAX_ELKAN_BOUNDS = 1L << 28;

  /** The largest {@code maxIterations} accepted: 10^6 M-steps per start. */
  public static final int MAX_ITERATIONS = 1_000_000;

  /** The largest {@code restarts} accepted: 1000 starts (each one a whole fit). */
  public static final int MAX_RESTARTS = 1000;

  private KMeans(Builder b) {
    this.k = b.initialCentres != null ? b.initialCount : b.k;
    this.seed = b.seed;
    this.init = b.init;
    this.initialCentres = b.initialCentres;
    this.initialDimension = b.initialDimension;
    this.algorithm = b.algorithm;
    this.maxIterations = b.maxIterations;
    this.tolerance = b.tolerance;
    this.restarts = b.restarts;
    this.threads = b.threads;
    this.weights = b.weights;
  }

  /**
   * A builder with the defaults: the local-search start, AUTO algorithm, 300 iterations,
   * tolerance 1e-4, one start, one thread, seed 0, unit weights; k or initial centres must be set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fits rows given as a matrix. The rows are copied once into a flat array.
   *
   * @param data n rows of d finite values
   * @return the fitted model
   * @throws NullPointerException if {@code data} or a row is null
   * @throws IllegalArgumentException if the data are empty, ragged, not finite or too large, the
   *     weights do not match, k exceeds the number of distinct rows with positive weight, or
   *     ELKAN would keep more than {@link #MAX_ELKAN_BOUNDS} bounds
   */
  public KMeansModel fit(double[][] data) {
    Checks.notNull(data, "data");
    double[] flat = Rows.flatten(data, "data");
    return fitFlat(flat, data[0].length, true);
  }

  /**
   * Fits rows given as one flat row-major array (row i is {@code data[i*d .. i*d+d-1]}). The
   * array is never written. Where the fit keeps the caller's row order (fewer than 16 clusters,
   * fewer than 65,536 rows, or a start other than k-means++) it is
   * read in place, without a copy, so it must not be modified by another thread until this method
   * returns; otherwise it is copied once, in spatial order.
   *
   * @param flatRowMajor the values, a multiple of {@code dimension} long
   * @param dimension the number of values per row
   * @return the fitted model
   * @throws NullPointerException if {@code flatRowMajor} is null
   * @throws IllegalArgumentException if the data are empty, not finite or too large, the length
   *     is not a multiple of the dimension, the weights do not match, k exceeds the number of
   *     distinct rows with positive weight, or ELKAN would keep more than
   *     {@link #MAX_ELKAN_BOUNDS} bounds
   */
  public KMeansModel fit(double[] flatRowMajor, int dimension) {
    Rows.checkFlat(flatRowMajor, dimension, "flatRowMajor");
    return fitFlat(flatRowMajor, dimension, false);
  }

  /**
   * Fits validated rows; {@code owned} says whether {@code source} is already our copy. The
   * {@link FitPlan} chooses the row order and the algorithm; in spatial order the rows are put in
   * {@link SpatialOrder} (in place if owned, else by an ordered copy), and the labels are put back
   * in the caller's order.
   */
  private KMeansModel fitFlat(double[] source, int d, boolean owned) {
    int n = source.length / d;
    double[] w = Rows.weights(weights == null ? null : weights.clone(), n);
    Checks.argument(
        k <= n, "k = " + k + " exceeds the number of data rows (" + n + ")");
    if (initialCentres != null) {
      Checks.sameLength(initialDimension, "init(centres)[0]", d, "data[0]");
    }
    FitPlan plan = FitPlan.of(n, d, k, initialCentres == null ? init : null, algorithm);
    KMeansAlgorithm resolved = plan.algorithm();
    Checks.argument(resolved != KMeansAlgorithm.ELKAN || (long) n * k <= MAX_ELKAN_BOUNDS,
        "algorithm(ELKAN) keeps k lower bounds per row: n = " + n + " rows times k = " + k
            + " exceeds " + MAX_ELKAN_BOUNDS + " bounds; use HAMERLY or AUTO");
    RunResult best = null;
    SpatialOrder order = null;
    try (ChunkPool pool = new ChunkPool(threads)) {
      if (plan.spatialOrder()) {
        order = SpatialOrder.of(new Dataset(source, n, d, null), k, pool);
      }
      Dataset data;
      double variance;
      if (order == null) {
        // In the caller's order nothing writes the rows (RowSeeding and the assigners only read
        // them; only BlockSeeding, on spatially ordered copies, stores blocks column by column),
        // so a caller's array is used as is: no copy of n x d values.
        data = new Dataset(source, n, d, w);
        variance = FeatureMoments.meanFeatureVariance(data, pool);
      } else {
        double[] flat;
        if (owned) {
          order.permuteInPlace(source, d);
          flat = source;
        } else {
          flat = order.copy(source, d, pool);
        }
        data = new Dataset(flat, n, d, order.permute(w), true);
        variance = order.meanFeatureVariance();
      }
      KMeansRun run = new KMeansRun(data, k, resolved, maxIterations, tolerance * variance, pool);
      int starts = initialCentres != null ? 1 : restarts;
      for (int r = 0; r < starts; r++) {
        RunResult result =
            initialCentres != null
                ? run.run(null, initialCentres, 0)
                : run.run(init, null, Seeds.derive(seed, r));
        if (best == null || result.inertia() < best.inertia()) {
          best = result;
        }
      }
    }
    return new KMeansModel(
        best.centres().clone(),
        k,
        d,
        order == null ? best.labels() : order.restore(best.labels()),
        best.inertia(),
        best.iterations(),
        best.converged(),
        best.history(),
        resolved);
  }

  /**
   * Validating builder for {@link KMeans}. Each setter checks its own argument; {@link #build()}
   * checks the settings against each other. Not thread-safe.
   */
  public static final class Builder {
    private int k = -1;
    private long seed;
    private KMeansInit init = KMeansInit.LOCAL_SEARCH;
    private double[] initialCentres;
    private int initialCount;
    private int initialDimension;
    private KMeansAlgorithm algorithm = KMeansAlgorithm.AUTO;
    private int maxIterations = 300;
    private double tolerance = 1e-4;
    private int restarts = 1;
    private int threads = 1;
    private double[] weights;

    private Builder() {}

    /**
     * The number of clusters. With {@link #init(double[][])} it may be omitted; if given, it
     * must equal the number of centres.
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
     * The master seed of the random starts.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The initialisation (replaces centres given by {@link #init(double[][])}: the last call
     * wins).
     *
     * @param init the initialisation
     * @return this builder
     * @throws NullPointerException if {@code init} is null
     */
    public Builder init(KMeansInit init) {
      this.init = Checks.notNull(init, "init");
      this.initialCentres = null;
      return this;
    }

    /**
     * Starts from given centres (copied) instead of a random start (replaces an earlier
     * {@link #init(KMeansInit)}: the last call wins). k is their number; a {@link #k(int)} that
     * disagrees, or {@link #restarts(int)} above 1 (a given start is deterministic), is rejected
     * by {@link #build()}.
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
     * The iteration algorithm.
     *
     * @param algorithm LLOYD, HAMERLY, ELKAN or AUTO
     * @return this builder
     * @throws NullPointerException if {@code algorithm} is null
     */
    public Builder algorithm(KMeansAlgorithm algorithm) {
      this.algorithm = Checks.notNull(algorithm, "algorithm");
      return this;
    }

    /**
     * The maximum number of M-steps per start. Memory does not grow with it (the inertia
     * history grows with the iterations actually made).
     *
     * @param maxIterations in [1, {@link #MAX_ITERATIONS}]
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
     * The relative tolerance on the total squared centre shift (see the class comment).
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
     * The number of seeded starts; the model with the lowest inertia is kept (the first on ties).
     * Each start is a whole fit, so the count is bounded.
     *
     * @param restarts in [1, {@link #MAX_RESTARTS}]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder restarts(int restarts) {
      Checks.positive(restarts, "restarts");
      Checks.argument(restarts <= MAX_RESTARTS,
          "restarts = " + restarts + " must be <= " + MAX_RESTARTS);
      this.restarts = restarts;
      return this;
    }

    /**
     * The number of threads used by {@code fit} (results do not depend on it). No more threads
     * start than there are chunks of 4096 rows.
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
     * Sample weights, one per row of the data passed to {@code fit} (copied).
     *
     * @param weights each 0 or in [{@link #MIN_POSITIVE_WEIGHT}, {@link #MAX_MAGNITUDE}], not
     *     all zero
     * @return this builder
     * @throws NullPointerException if {@code weights} is null
     * @throws IllegalArgumentException if empty, negative, not finite or out of range
     */
    public Builder weights(double[] weights) {
      this.weights = Rows.checkWeights(weights, "weights").clone();
      return this;
    }

    /**
     * Builds the configured k-means, checking the settings against each other.
     *
     * @return the k-means
     * @throws IllegalStateException if neither k nor initial centres were given
     * @throws IllegalArgumentException if {@code k} differs from the number of centres given to
     *     {@code init(double[][])}, or {@code restarts} is above 1 with given centres; the message
     *     names both settings
     */
    public KMeans build() {
      if (initialCentres != null) {
        Checks.argument(k < 1 || k == initialCount,
            "k = " + k + " disagrees with init(centres), which gives " + initialCount
                + " centres; omit k or make them agree");
        Checks.argument(restarts == 1,
            "restarts = " + restarts + " conflicts with init(centres): a given start is"
                + " deterministic, so every restart would repeat it; use restarts(1)");
      } else if (k < 1) {
        throw new IllegalStateException("k must be set (k(int)) or initial centres given");
      }
      return new KMeans(this);
    }
  }
}
