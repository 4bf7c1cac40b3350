package dev.niche.segmentation.internal;

import dev.niche.core.Seeds;
import dev.niche.segmentation.KMeansAlgorithm;
import dev.niche.segmentation.KMeansInit;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means|| (Bahmani et al., "Scalable k-means++", VLDB 2012): {@link #ROUNDS} rounds, each
 * keeping every row independently with probability min(1, l w(x) D(x)^2 / psi) with oversampling
 * l = 2k; the candidates, weighted by the weight of the rows nearest to them, are then reduced to
 * k centres by greedy k-means++ and weighted Lloyd iterations. Each chunk draws from its own
 * stream {@code Seeds.derive(Seeds.derive(seed, round), chunk)}, so the result does not depend on
 * the thread count.
 */
public final class ParallelSeeding {

  /** Sampling rounds. */
  public static final int ROUNDS = 5;

  private final Dataset data;
  private final ChunkPool pool;
  private final int chunks;
  private final double[] minD2;
  private final int[] labels;
  private final double[] chunkPot;

  /**
   * State for one data set.
   *
   * @param data the data
   * @param pool the pool
   */
  public ParallelSeeding(Dataset data, ChunkPool pool) {
    this.data = data;
    this.pool = pool;
    this.chunks = ChunkPool.chunks(data.n());
    this.minD2 = new double[data.n()];
    this.labels = new int[data.n()];
    this.chunkPot = new double[chunks];
  }

  /**
   * Chooses k centres.
   *
   * @param k number of centres
   * @param seed the seed
   * @return flat centres
   */
  public double[] centres(int k, long seed) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    SplittableRandom rng = Seeds.random(seed, 0);
    int first = data.drawRow(rng);
    double[] cand = Arrays.copyOfRange(x, first * d, first * d + d);
    int count = 1;
    Arrays.fill(minD2, Double.POSITIVE_INFINITY);
    absorb(cand, 0, 1);
    double ell = 2.0 * k;
    for (int round = 0; round < ROUNDS; round++) {
      double psi = 0;
      for (double p : chunkPot) {
        psi += p;
      }
      if (!(psi > 0)) {
        break;
      }
      long roundSeed = Seeds.derive(seed, round + 1L);
      int[][] picked = new int[chunks][];
      final double scale = ell / psi;
      pool.forEach(
          chunks,
          c -> {
            SplittableRandom r = new SplittableRandom(Seeds.derive(roundSeed, c));
            int[] buf = new int[16];
            int m = 0;
            int end = ChunkPool.end(c, n);
            for (int i = ChunkPool.start(c); i < end; i++) {
              double p = scale * data.weight(i) * minD2[i];
              if (r.nextDouble() < p) {
                if (m == buf.length) {
                  buf = Arrays.copyOf(buf, 2 * m);
                }
                buf[m++] = i;
              }
            }
            picked[c] = Arrays.copyOf(buf, m);
          });
      int added = 0;
      for (int[] p : picked) {
        added += p.length;
      }
      if (added == 0) {
        continue;
      }
      cand = Arrays.copyOf(cand, (count + added) * d);
      int at = count;
      for (int[] p : picked) {
        for (int i : p) {
          System.arraycopy(x, i * d, cand, at * d, d);
          at++;
        }
      }
      absorb(cand, count, count + added);
      count += added;
    }
    double[] weight = new double[count];
    for (int i = 0; i < n; i++) {
      weight[labels[i]] += data.weight(i);
    }
    Dataset small = new Dataset(cand, count, d, weight);
    try (ChunkPool one = new ChunkPool(1)) {
      KMeansRun run = new KMeansRun(small, k, KMeansAlgorithm.LLOYD, 100, 0.0, one);
      return run.run(KMeansInit.GREEDY_KMEANS_PLUS_PLUS, null, Seeds.derive(seed, -1)).centres();
    } catch (IllegalArgumentException tooFew) {
      // Fewer distinct weighted candidates than k: fall back to greedy k-means++ on all rows.
      return Seeding.of(data, pool).greedy(k, 2 + (int) Math.floor(Math.log(k)), rng);
    }
  }

  /** Assigns rows to candidates [from, to) when closer; updates chunk potentials. */
  private void absorb(double[] cand, int from, int to) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    int batch = to - from;
    double[][] toOld = new double[batch][to];
    for (int j = 0; j < batch; j++) {
      for (int m = 0; m < to; m++) {
        toOld[j][m] = SquaredDistance.between(cand, (from + j) * d, cand, m * d, d);
      }
    }
    double scale = 4 * (1 + Assigner.SLACK);
    pool.forEach(
        chunks,
        c -> {
          double pot = 0;
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            double di = minD2[i];
            for (int j = 0; j < batch; j++) {
              if (di == Double.POSITIVE_INFINITY || toOld[j][labels[i]] < scale * di) {
                double e = SquaredDistance.between(x, i * d, cand, (from + j) * d, d);
                if (e < di) {
                  di = e;
                  labels[i] = from + j;
                }
              }
            }
            minD2[i] = di;
            pot += data.weight(i) * di;
          }
          chunkPot[c] = pot;
        });
  }
}
