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
 * centres go to the lowest index. One instance serves one search at a time; each
 * {@link #improve} call sets all of its state afresh.
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
  /** Per worker: a block of rows, their indices and their distances to one centre. */
  private final TransposedRows[] blocks;
  private final int[][] rows;
  private final double[][] dist;

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
    int workers = pool.threads();
    this.blocks = new TransposedRows[workers];
    this.rows = new int[workers][TransposedRows.CAPACITY];
    this.dist = new double[workers][TransposedRows.CAPACITY];
    for (int t = 0; t < workers; t++) {
      blocks[t] = new TransposedRows(data.d());
    }
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
    pool.forEach(chunks, (c, worker) -> {
      int[] list = rows[worker];
      int count = 0;
      for (int i = ChunkPool.start(c), end = ChunkPool.end(c, data.n()); i < end; i++) {
        list[count++] = i;
        if (count == list.length) {
          nearestTwo(count, centres, worker);
          count = 0;
        }
      }
      nearestTwo(count, centres, worker);
      chunkPot[c] = potential(c);
    });
    double[] candidate = new double[d];
    double[] swap = new double[k + 1];
    for (int step = 0; step < steps && k > 1; step++) {
      double phi = 0;
      for (double p : chunkPot) {
        phi += p;
      }
      if (!(phi > 0)) {
        break;
      }
      int p = Seeding.sample(data, d1, chunkPot, rng.nextDouble() * phi);
      System.arraycopy(data.x(), p * d, candidate, 0, d);
      pool.forEach(chunks, c -> price(c, candidate));
      java.util.Arrays.fill(swap, 0);
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
        pool.forEach(chunks, (c, worker) -> absorb(c, out, centres, worker));
      }
    }
    return centres;
  }

  /**
   * Sets the nearest two centres of the worker's listed rows against all k: canonical distances,
   * SIMD over the rows ({@link BlockDistances}), ties to the lowest index.
   */
  private void nearestTwo(int count, double[] centres, int worker) {
    if (count == 0) {
      return;
    }
    int d = data.d();
    int[] list = rows[worker];
    double[] v = dist[worker];
    TransposedRows block = blocks[worker];
    block.load(data.x(), list, 0, count);
    for (int t = 0; t < count; t++) {
      int i = list[t];
      d1[i] = Double.POSITIVE_INFINITY;
      d2[i] = Double.POSITIVE_INFINITY;
      nearest[i] = 0;
      second[i] = 0;
    }
    for (int j = 0; j < k; j++) {
      BlockDistances.squaredDistances(block, centres, j * d, v);
      for (int t = 0; t < count; t++) {
        int i = list[t];
        if (v[t] < d1[i]) {
          d2[i] = d1[i];
          second[i] = nearest[i];
          d1[i] = v[t];
          nearest[i] = j;
        } else if (v[t] < d2[i]) {
          d2[i] = v[t];
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

  /**
   * Chunk c's share of every swap's potential: [0] the base sum, [1 + j] centre j's correction.
   * One distance per row, row by row: transposing the rows for SIMD costs more than it saves.
   */
  private void price(int c, double[] candidate) {
    double[] out = chunkSwap[c];
    java.util.Arrays.fill(out, 0);
    double[] x = data.x();
    int d = data.d();
    for (int i = ChunkPool.start(c), end = ChunkPool.end(c, data.n()); i < end; i++) {
      double v = SquaredDistance.between(x, i * d, candidate, 0, d);
      dp[i] = v;
      double w = data.weight(i);
      double kept = Math.min(v, d1[i]);
      out[0] += w * kept;
      out[1 + nearest[i]] += w * (Math.min(v, d2[i]) - kept);
    }
  }

  /** Updates chunk c's rows after the candidate replaced centre {@code out}. */
  private void absorb(int c, int out, double[] centres, int worker) {
    int[] list = rows[worker];
    int count = 0;
    for (int i = ChunkPool.start(c), end = ChunkPool.end(c, data.n()); i < end; i++) {
      if (nearest[i] == out || second[i] == out) {
        list[count++] = i;
        if (count == list.length) {
          nearestTwo(count, centres, worker);
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
    nearestTwo(count, centres, worker);
    chunkPot[c] = potential(c);
  }
}
