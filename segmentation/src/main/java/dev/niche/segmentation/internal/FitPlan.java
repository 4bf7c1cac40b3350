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
 *       rows in the caller's order it prunes rows ({@link RowSeeding}). The local-search start
 *       ({@link LocalSearchStart}) works on a {@link LightweightCoreset} of {@link #startRows}
 *       rows, in the caller's order: it reads all rows only to draw the coreset, so ordering
 *       them would cost more than it saves. k-means||, random and given starts are as
 *       requested.
 *   <li><b>Assigner.</b> AUTO resolves to LLOYD for k = 1 and for k up to
 *       {@link #LLOYD_MAX_CLUSTERS}, where a SIMD pass over all k centres costs no more than
 *       Hamerly's per-row bound upkeep and its scalar recomputations; to HAMERLY otherwise. AUTO
 *       never takes ELKAN: since Hamerly gathers a block's unsettled rows for one SIMD pass over
 *       all centres ({@link NearestTwo}), it was as fast or faster on every shape measured,
 *       d = 50 to 128 and k = 20 to 200 included (docs/benchmarks-changelog.md, 2026-12-01
 *       21:50), and it keeps two bounds per row where Elkan keeps k. ELKAN stays available on
 *       request.
 * </ul>
 */
public final class FitPlan {

  private static final Logger LOG = LoggerFactory.getLogger(FitPlan.class);

  /**
   * The local-search start draws a coreset of one row in {@code CORESET_SHARE} (n / 20), so each
   * try's seeding, swaps and iterations cost about a twentieth of the same work on all rows. On
   * the panel's shapes n / 10 gave the same median inertias at nearly twice the start's time, and
   * n / 40 left the customer-like fits twice as many iterations on all rows
   * (docs/benchmarks-changelog.md, 2026-12-02, 09:40).
   */
  public static final int CORESET_SHARE = 20;

  /**
   * The local-search start's coreset has at least this many draws per cluster, so that on small
   * data each true cluster of a fair size is still drawn many times.
   */
  public static final int CORESET_ROWS_PER_CLUSTER = 50;

  /** Largest k for which AUTO takes LLOYD (a full SIMD pass) rather than bounds. */
  public static final int LLOYD_MAX_CLUSTERS = 8;

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
    FitPlan plan = new FitPlan(ordered, resolve(requested, k));
    LOG.debug("k-means plan for n = {}, d = {}, k = {}, init {}: {}", n, d, k, init, plan);
    return plan;
  }

  /**
   * The number of draws of the local-search start's coreset: max(n / {@link #CORESET_SHARE},
   * {@link #CORESET_ROWS_PER_CLUSTER} k), or n (no coreset: the start works on all rows) when
   * that is more than half the rows.
   *
   * @param n rows
   * @param k clusters
   * @return the coreset draws, or n
   */
  public static int startRows(int n, int k) {
    long m = Math.max(n / CORESET_SHARE, (long) CORESET_ROWS_PER_CLUSTER * k);
    return m > n / 2 ? n : (int) m;
  }

  /**
   * Resolves AUTO for a data shape (see the class comment).
   *
   * @param algorithm the requested algorithm
   * @param k clusters
   * @return a concrete algorithm
   */
  static KMeansAlgorithm resolve(KMeansAlgorithm algorithm, int k) {
    if (algorithm != KMeansAlgorithm.AUTO) {
      return algorithm;
    }
    if (k <= LLOYD_MAX_CLUSTERS) {
      return KMeansAlgorithm.LLOYD;
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
