package dev.niche.segmentation.internal;

import java.util.SplittableRandom;

/**
 * LocalSearch++ (Lattanzi and Sohler, "A better k-means++ algorithm via local search", ICML
 * 2019, Algorithm 1): after a k-means++ start, each step draws a row p with probability
 * w(p) D(p)^2 / phi and swaps it in for the centre whose removal, with p added, leaves the lowest
 * potential phi = sum_x w(x) min_c |x - c|^2, if that is lower than the current one.
 *
 * <p>With each row's nearest and second-nearest squared distances d1(x) &lt;= d2(x), its nearest
 * centre a(x) and dp(x) = |x - p|^2, the potential after swapping p in for centre j is
 *
 * <pre>
 *   phi_j = sum_x w(x) min(dp, d1) + sum_{x : a(x) = j} w(x) [min(dp, d2) - min(dp, d1)],
 * </pre>
 *
 * so one pass of n d multiply-adds prices all k swaps. After a swap only the rows whose nearest or
 * second-nearest centre left need all k distances again; the others compare dp with d1 and d2.
 *
 * <p>Every sum is taken per fixed chunk ({@link ChunkPool}) and the chunks are added in order, so
 * the swaps, like every other step of a fit, do not depend on the thread count. Ties between
 * centres go to the lowest index. One instance serves one search.
 */
final class LocalSearch {

  private final Dataset data;
  private final int k;
  private final ChunkPool pool;
  private final int chunks;
  private final int[] nearest;
  private final int[] second;
  private final double[] d1;
  private final double[] d2;
  private final double[] dp;
  /** Per chunk: its potential, then the base sum and the k swap corrections of a step. */
  private final double[] chunkPot;
  private final double[][] chunkSwap;

  LocalSearch(Dataset data, int k, ChunkPool pool) {
    this.data = data;
    this.k = k;
    this.pool = pool;
    int n = data.n();
    this.chunks = ChunkPool.chunks(n);
    this.nearest = new int[n];
    this.second = new int[n];
    this.d1 = new double[n];
    this.d2 = new double[n];
    this.dp = new double[n];
    this.chunkPot = new double[chunks];
    this.chunkSwap = new double[chunks][k + 1];
  }

  /**
   * Runs the steps on a copy of the centres.
   *
   * @param start k centres, flat (not modified)
   * @param steps the number of draws
   * @param rng the random stream
   * @return the centres after the swaps
   */
  double[] improve(double[] start, int steps, SplittableRandom rng) {
    double[] centres = start.clone();
    int d = data.d();
    pool.forEach(chunks, c -> {
      int[] rows = new int[TransposedRows.CAPACITY];
      TransposedRows block = new TransposedRows(d);
      int count = 0;
      for (int i = ChunkPool.start(c), end = ChunkPool.end(c, data.n()); i < end; i++) {
        rows[count++] = i;
        if (count == rows.length) {
          nearestTwo(rows, count, centres, block);
          count = 0;
        }
      }
      nearestTwo(rows, count, centres, block);
      chunkPot[c] = potential(c);
    });
    for (int step = 0; step < steps && k > 1; step++) {
      double phi = 0;
      for (double p : chunkPot) {
        phi += p;
      }
      if (!(phi > 0)) {
        break;
      }
      int p = Seeding.sample(data, d1, chunkPot, rng.nextDouble() * phi);
      double[] candidate = new double[d];
      System.arraycopy(data.x(), p * d, candidate, 0, d);
      pool.forEach(chunks, c -> price(c, candidate));
      double[] swap = new double[k + 1];
      for (double[] partial : chunkSwap) {
        for (int j = 0; j <= k; j++) {
          swap[j] += partial[j];
        }
      }
      int best = 0;
      for (int j = 1; j < k; j++) {
        if (swap[1 + j] < swap[1 + best]) {
          best = j;
        }
      }
      if (swap[0] + swap[1 + best] < phi) {
        System.arraycopy(candidate, 0, centres, best * d, d);
        int out = best;
        pool.forEach(chunks, c -> absorb(c, out, centres));
      }
    }
    return centres;
  }

  /**
   * Sets the nearest two centres of the listed rows against all k: canonical distances, SIMD
   * over the rows ({@link BlockDistances}), ties to the lowest index.
   */
  private void nearestTwo(int[] rows, int count, double[] centres, TransposedRows block) {
    if (count == 0) {
      return;
    }
    int d = data.d();
    block.load(data.x(), rows, 0, count);
    double[] dist = new double[count];
    for (int t = 0; t < count; t++) {
      int i = rows[t];
      d1[i] = Double.POSITIVE_INFINITY;
      d2[i] = Double.POSITIVE_INFINITY;
      nearest[i] = 0;
      second[i] = 0;
    }
    for (int j = 0; j < k; j++) {
      BlockDistances.squaredDistances(block, centres, j * d, dist);
      for (int t = 0; t < count; t++) {
        int i = rows[t];
        double v = dist[t];
        if (v < d1[i]) {
          d2[i] = d1[i];
          second[i] = nearest[i];
          d1[i] = v;
          nearest[i] = j;
        } else if (v < d2[i]) {
          d2[i] = v;
          second[i] = j;
        }
      }
    }
  }

  private double potential(int c) {
    double s = 0;
    for (int i = ChunkPool.start(c), end = ChunkPool.end(c, data.n()); i < end; i++) {
      s += data.weight(i) * d1[i];
    }
    return s;
  }

  /** Chunk c's share of every swap's potential: [0] the base sum, [1 + j] centre j's correction. */
  private void price(int c, double[] candidate) {
    double[] out = chunkSwap[c];
    java.util.Arrays.fill(out, 0);
    TransposedRows block = new TransposedRows(data.d());
    double[] dist = new double[TransposedRows.CAPACITY];
    int end = ChunkPool.end(c, data.n());
    for (int first = ChunkPool.start(c); first < end; first += TransposedRows.CAPACITY) {
      int size = Math.min(TransposedRows.CAPACITY, end - first);
      block.loadRange(data.x(), first, size);
      BlockDistances.squaredDistances(block, candidate, 0, dist);
      for (int t = 0; t < size; t++) {
        int i = first + t;
        double v = dist[t];
        dp[i] = v;
        double w = data.weight(i);
        double kept = Math.min(v, d1[i]);
        out[0] += w * kept;
        out[1 + nearest[i]] += w * (Math.min(v, d2[i]) - kept);
      }
    }
  }

  /** Updates chunk c's rows after the candidate replaced centre {@code out}. */
  private void absorb(int c, int out, double[] centres) {
    int[] rows = new int[TransposedRows.CAPACITY];
    TransposedRows block = new TransposedRows(data.d());
    int count = 0;
    for (int i = ChunkPool.start(c), end = ChunkPool.end(c, data.n()); i < end; i++) {
      if (nearest[i] == out || second[i] == out) {
        rows[count++] = i;
        if (count == rows.length) {
          nearestTwo(rows, count, centres, block);
          count = 0;
        }
      } else if (dp[i] < d1[i]) {
        second[i] = nearest[i];
        d2[i] = d1[i];
        nearest[i] = out;
        d1[i] = dp[i];
      } else if (dp[i] < d2[i]) {
        second[i] = out;
        d2[i] = dp[i];
      }
    }
    nearestTwo(rows, count, centres, block);
    chunkPot[c] = potential(c);
  }
}
