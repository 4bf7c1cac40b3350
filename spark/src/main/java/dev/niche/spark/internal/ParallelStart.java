package dev.niche.spark.internal;

import dev.niche.segmentation.KMeans;
import dev.niche.segmentation.KMeansInit;
import dev.niche.segmentation.internal.SquaredDistance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The k-means|| start (Bahmani, Moseley, Vattani, Kumar &amp; Vassilvitskii 2012, "Scalable
 * k-means++", Algorithm 2) over cached blocks, made independent of the partitioning:
 *
 * <ol>
 *   <li>the first candidate is the row of smallest content hash (mixed with the seed);
 *   <li>each of {@code steps} rounds keeps every row x with {@code u(x, round) < l · D²(x) / φ},
 *       where {@code l = 2k} is the oversampling factor, {@code D²(x)} the squared distance to the
 *       nearest candidate, {@code φ} their sum (exact merge of compensated partition sums) and
 *       {@code u} a uniform drawn from the row's content hash, the seed and the round, not from a
 *       per-partition random stream;
 *   <li>candidates are put in a canonical order (hash, then values) and weighted by the number
 *       of rows nearest to each (ties to the lowest index);
 *   <li>the driver reduces them to k centres with Niche's weighted {@link KMeans}: greedy
 *       k-means++ ({@code 2 + floor(ln k)} trials per centre, the one lowering the weighted
 *       potential most kept) and Lloyd iterations to convergence, from {@value #LOCAL_RESTARTS}
 *       seeded starts, keeping the lowest weighted inertia. The candidates number about
 *       {@code 2k · steps}, so this costs the driver milliseconds, and a better reduction is the
 *       cheapest way to a better start: one plain k-means++ draw per centre, as MLlib's local
 *       step does, often merges two clusters that no later Lloyd iteration separates.
 * </ol>
 *
 * <p>Not part of the API.
 */
public final class ParallelStart {

  /** Iteration cap of each driver-side reduction (a cap only; they converge far sooner). */
  private static final int LOCAL_ITERATIONS = 300;
  /** Seeded starts of the driver-side reduction. */
  private static final int LOCAL_RESTARTS = 10;

  private ParallelStart() {}

  /**
   * The starting centres.
   *
   * @param blocks the cached rows
   * @param k the number of centres
   * @param steps the number of rounds
   * @param seed the seed
   * @param d the dimension
   * @return at most k centres (fewer when the data have fewer distinct rows)
   */
  public static double[][] centres(JavaRDD<KMeansBlock> blocks, int k, int steps, long seed,
      int d) {
    Tuple2<Long, double[]> first = blocks
        .map(b -> smallest(b, seed))
        .reduce(ParallelStart::smaller);
    List<double[]> candidates = new ArrayList<>();
    candidates.add(first._2());
    double[] seedCentre = first._2().clone();
    JavaRDD<double[]> costs = blocks.map(b -> nearest(b, seedCentre, 1, null))
        .persist(StorageLevel.MEMORY_AND_DISK());
    double l = 2.0 * k;
    for (int round = 0; round < steps; round++) {
      double phi = exactSum(costs.map(ParallelStart::compensatedSum).collect());
      if (!(phi > 0)) {
        break;
      }
      long stream = round;
      List<Tuple2<Long, double[]>> chosen = blocks.zip(costs)
          .flatMap(p -> sample(p._1(), p._2(), l / phi, seed, stream).iterator())
          .collect();
      List<Tuple2<Long, double[]>> sorted = new ArrayList<>(chosen);
      sorted.sort(ParallelStart::compare);
      List<double[]> fresh = new ArrayList<>();
      for (Tuple2<Long, double[]> c : sorted) {
        if (!contains(candidates, c._2()) && !contains(fresh, c._2())) {
          fresh.add(c._2());
        }
      }
      if (fresh.isEmpty()) {
        continue;
      }
      candidates.addAll(fresh);
      double[] flat = flatten(fresh, d);
      int m = fresh.size();
      JavaRDD<double[]> previous = costs;
      costs = blocks.zip(previous).map(p -> nearest(p._1(), flat, m, p._2()))
          .persist(StorageLevel.MEMORY_AND_DISK());
      costs.count();
      previous.unpersist(false);
    }
    costs.unpersist(false);
    if (candidates.size() <= k) {
      return candidates.toArray(new double[0][]);
    }
    double[] flat = flatten(candidates, d);
    int c = candidates.size();
    long[] counts = blocks.map(b -> nearestCounts(b, flat, c)).reduce(ParallelStart::add);
    double[] weights = new double[c];
    for (int i = 0; i < c; i++) {
      weights[i] = counts[i];
    }
    return KMeans.builder().k(k).seed(seed).init(KMeansInit.GREEDY_KMEANS_PLUS_PLUS)
        .maxIterations(LOCAL_ITERATIONS).restarts(LOCAL_RESTARTS).threads(1).weights(weights)
        .build()
        .fit(candidates.toArray(new double[0][]))
        .centroids();
  }

  private static Tuple2<Long, double[]> smallest(KMeansBlock b, long seed) {
    Tuple2<Long, double[]> best = null;
    for (int i = 0; i < b.n; i++) {
      Tuple2<Long, double[]> t = new Tuple2<>(KMeansBlock.mix(b.hash[i] ^ seed), b.row(i));
      if (best == null || compare(t, best) < 0) {
        best = t;
      }
    }
    return best;
  }

  private static Tuple2<Long, double[]> smaller(Tuple2<Long, double[]> a,
      Tuple2<Long, double[]> b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return compare(a, b) <= 0 ? a : b;
  }

  private static int compare(Tuple2<Long, double[]> a, Tuple2<Long, double[]> b) {
    int c = Long.compare(a._1(), b._1());
    return c != 0 ? c : Arrays.compare(a._2(), b._2());
  }

  /** Squared distance of each row to the nearest of m centres, at most {@code previous}. */
  private static double[] nearest(KMeansBlock b, double[] centres, int m, double[] previous) {
    double[] out = new double[b.n];
    double[] dist = new double[m];
    for (int i = 0; i < b.n; i++) {
      SquaredDistance.toAll(b.x, i * b.d, centres, m, b.d, dist);
      double best = previous == null ? Double.POSITIVE_INFINITY : previous[i];
      for (double v : dist) {
        best = Math.min(best, v);
      }
      out[i] = best;
    }
    return out;
  }

  private static List<Tuple2<Long, double[]>> sample(KMeansBlock b, double[] cost, double scale,
      long seed, long stream) {
    List<Tuple2<Long, double[]>> out = new ArrayList<>();
    for (int i = 0; i < b.n; i++) {
      if (KMeansBlock.uniform(b.hash[i], seed, stream) < scale * cost[i]) {
        out.add(new Tuple2<>(b.hash[i], b.row(i)));
      }
    }
    return out;
  }

  private static long[] nearestCounts(KMeansBlock b, double[] centres, int m) {
    long[] counts = new long[m];
    double[] dist = new double[m];
    for (int i = 0; i < b.n; i++) {
      SquaredDistance.toAll(b.x, i * b.d, centres, m, b.d, dist);
      int best = 0;
      for (int j = 1; j < m; j++) {
        if (dist[j] < dist[best]) {
          best = j;
        }
      }
      counts[best]++;
    }
    return counts;
  }

  private static long[] add(long[] a, long[] b) {
    long[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += b[i];
    }
    return out;
  }

  private static double[] compensatedSum(double[] values) {
    double hi = 0;
    double lo = 0;
    for (double v : values) {
      double s = hi + v;
      double bp = s - hi;
      lo += (hi - (s - bp)) + (v - bp);
      hi = s;
    }
    return new double[] {hi, lo};
  }

  private static double exactSum(List<double[]> parts) {
    BigDecimal sum = BigDecimal.ZERO;
    for (double[] p : parts) {
      sum = sum.add(new BigDecimal(p[0])).add(new BigDecimal(p[1]));
    }
    return sum.doubleValue();
  }

  private static boolean contains(List<double[]> rows, double[] row) {
    for (double[] r : rows) {
      if (Arrays.equals(r, row)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Rows as one row-major array.
   *
   * @param rows the rows
   * @param d the dimension
   * @return the flat array
   */
  public static double[] flatten(List<double[]> rows, int d) {
    double[] flat = new double[rows.size() * d];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, flat, i * d, d);
    }
    return flat;
  }
}
