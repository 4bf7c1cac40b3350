package dev.niche.segmentation.internal;

import dev.niche.segmentation.KMeansAlgorithm;
import dev.niche.segmentation.KMeansInit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a k-means fit chooses how to run from the data's shape and the user's
 * settings: the row order, the start's pruning and the iteration algorithm (assigner). None of
 * the choices changes the result beyond the start's sampling order (see {@link SpatialOrder}):
 * every assigner gives the canonical nearest centres, so they only decide the time.
 *
 * <ul>
 *   <li><b>Ordering.</b> A k-means++ start (greedy or not) on at least {@link SpatialOrder#MIN_ROWS}
 *       rows with k at least {@link SpatialOrder#MIN_CLUSTERS} works on a copy of the rows in
 *       spatial order; everything else keeps the caller's order. Below 16 centres the pilot pass
 *       costs more than the block pruning wins.
 *   <li><b>Start.</b> k-means++ on ordered rows prunes whole blocks ({@link BlockSeeding}); on
 *       rows in the caller's order it prunes rows ({@link RowSeeding}). k-means||, random and
 *       given starts are as requested.
 *   <li><b>Assigner.</b> AUTO resolves to LLOYD for k = 1 and for k up to
 *       {@link #LLOYD_MAX_CLUSTERS}, where a SIMD pass over all k centres costs no more than
 *       Hamerly's per-row bound upkeep and its scalar recomputations; to ELKAN when d is at least
 *       {@link #ELKAN_MIN_DIMENSION} and its k bounds per row fit in
 *       {@link #ELKAN_MAX_BOUNDS} doubles; to HAMERLY otherwise.
 * </ul>
 */
public final class FitPlan {

  private static final Logger LOG = LoggerFactory.getLogger(FitPlan.class);

  /** Largest k for which AUTO takes LLOYD (a full SIMD pass) rather than bounds. */
  public static final int LLOYD_MAX_CLUSTERS = 8;

  /** Smallest dimension for which AUTO considers ELKAN (its bounds pay for long distances). */
  public static final int ELKAN_MIN_DIMENSION = 50;

  /** Largest n k for which AUTO takes ELKAN (8 n k bytes of bounds: 128 MiB). */
  public static final long ELKAN_MAX_BOUNDS = 1L << 24;

  private final boolean spatialOrder;
  private final KMeansAlgorithm algorithm;

  private FitPlan(boolean spatialOrder, KMeansAlgorithm algorithm) {
    this.spatialOrder = spatialOrder;
    this.algorithm = algorithm;
  }

  /**
   * Plans a fit.
   *
   * @param n rows
   * @param d dimension
   * @param k clusters
   * @param init the start, or null when the centres are given
   * @param requested the requested algorithm (AUTO to choose)
   * @return the plan
   */
  public static FitPlan of(int n, int d, int k, KMeansInit init, KMeansAlgorithm requested) {
    boolean plusPlus =
        init == KMeansInit.GREEDY_KMEANS_PLUS_PLUS || init == KMeansInit.KMEANS_PLUS_PLUS;
    boolean ordered = plusPlus && k >= SpatialOrder.MIN_CLUSTERS && n >= SpatialOrder.MIN_ROWS;
    FitPlan plan = new FitPlan(ordered, resolve(requested, n, d, k));
    LOG.debug("k-means plan for n = {}, d = {}, k = {}, init {}: {}", n, d, k, init, plan);
    return plan;
  }

  /**
   * Resolves AUTO for a data shape (see the class comment).
   *
   * @param algorithm the requested algorithm
   * @param n rows
   * @param d dimension
   * @param k clusters
   * @return a concrete algorithm
   */
  static KMeansAlgorithm resolve(KMeansAlgorithm algorithm, int n, int d, int k) {
    if (algorithm != KMeansAlgorithm.AUTO) {
      return algorithm;
    }
    if (k <= LLOYD_MAX_CLUSTERS) {
      return KMeansAlgorithm.LLOYD;
    }
    if (d >= ELKAN_MIN_DIMENSION && (long) n * k <= ELKAN_MAX_BOUNDS) {
      return KMeansAlgorithm.ELKAN;
    }
    return KMeansAlgorithm.HAMERLY;
  }

  /**
   * Whether the fit works on a copy of the rows in {@link SpatialOrder}.
   *
   * @return true for the spatial order, false for the caller's order
   */
  public boolean spatialOrder() {
    return spatialOrder;
  }

  /**
   * The iteration algorithm (never AUTO).
   *
   * @return LLOYD, HAMERLY or ELKAN
   */
  public KMeansAlgorithm algorithm() {
    return algorithm;
  }

  @Override
  public String toString() {
    return (spatialOrder ? "spatial order, block-pruned start" : "caller's order, row-pruned start")
        + ", " + algorithm;
  }
}
