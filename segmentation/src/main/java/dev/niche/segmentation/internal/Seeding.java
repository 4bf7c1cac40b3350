package dev.niche.segmentation.internal;

import java.util.SplittableRandom;

/**
 * D-squared seeding: k-means++ (Arthur and Vassilvitskii, "k-means++: the advantages of careful
 * seeding", SODA 2007) and its greedy variant as in scikit-learn (at each step draw {@code trials}
 * candidates with probability proportional to w(x) D(x)^2 and keep the one that minimises the
 * potential sum w(x) min(D(x)^2, d(x, candidate)^2)).
 *
 * <p>Speed: the nearest-centre distance array D^2 and labels are kept up to date, and a candidate
 * c can only improve row x if d(c, m(x)) &lt; 2 D(x) (triangle inequality with m(x) the nearest
 * chosen centre), so most rows skip the distance computation once a few centres are chosen.
 * Sampling walks fixed-chunk partial potentials, so results do not depend on the thread count.
 * The labels and D^2 of the final centres are handed to the iterations as the first assignment.
 */
public final class Seeding {

  private final Dataset data;
  private final ChunkPool pool;
  private final int chunks;
  /** Nearest-centre squared distances. */
  final double[] minD2;
  /** Nearest-centre labels. */
  final int[] labels;
  private final double[] chunkPot;
  private int[][] openRows;
  private double[][] openValues;
  private int[] openCount;

  /**
   * Seeding state for one data set.
   *
   * @param data the data
   * @param pool the chunk pool
   */
  public Seeding(Dataset data, ChunkPool pool) {
    this.data = data;
    this.pool = pool;
    this.chunks = ChunkPool.chunks(data.n());
    this.minD2 = new double[data.n()];
    this.labels = new int[data.n()];
    this.chunkPot = new double[chunks];
  }

  /**
   * Nearest-centre labels after {@link #greedy}.
   *
   * @return the shared label array
   */
  public int[] labels() {
    return labels;
  }

  /**
   * Nearest-centre squared distances after {@link #greedy}.
   *
   * @return the shared array
   */
  public double[] minD2() {
    return minD2;
  }

  /**
   * Chooses k centres by (greedy) k-means++.
   *
   * @param k number of centres
   * @param trials local trials per step (1 = plain k-means++)
   * @param rng the random stream
   * @return the centres, flat
   * @throws IllegalArgumentException if there are fewer than k distinct points with positive weight
   */
  public double[] greedy(int k, int trials, SplittableRandom rng) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    double[] centres = new double[k * d];
    int first = pickByWeight(rng);
    System.arraycopy(x, first * d, centres, 0, d);
    pool.forEach(
        chunks,
        c -> {
          double pot = 0;
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            double v = SquaredDistance.between(x, i * d, centres, 0, d);
            minD2[i] = v;
            labels[i] = 0;
            pot += data.weight(i) * v;
          }
          chunkPot[c] = pot;
        });
    int[] cand = new int[trials];
    double[][] candToCentre = new double[trials][k];
    double[][] pots = new double[chunks][trials];
    double[] candFlat = new double[k * trials];
    if (trials > 1) {
      openRows = new int[chunks][ChunkPool.CHUNK_ROWS];
      openValues = new double[chunks][ChunkPool.CHUNK_ROWS * trials];
      openCount = new int[chunks];
    }
    for (int m = 1; m < k; m++) {
      double total = totalPotential();
      if (!(total > 0)) {
        throw new IllegalArgumentException(
            "k = " + k + " exceeds the number of distinct points with positive weight ("
                + m + ")");
      }
      for (int t = 0; t < trials; t++) {
        cand[t] = sample(rng.nextDouble() * total);
        for (int j = 0; j < m; j++) {
          candToCentre[t][j] = SquaredDistance.between(x, cand[t] * d, centres, j * d, d);
          candFlat[j * trials + t] = candToCentre[t][j];
        }
      }
      int best = 0;
      if (trials > 1) {
        evaluate(cand, candFlat, pots);
        double bestPot = Double.POSITIVE_INFINITY;
        for (int t = 0; t < trials; t++) {
          double p = 0;
          for (int c = 0; c < chunks; c++) {
            p += pots[c][t];
          }
          if (p < bestPot) {
            bestPot = p;
            best = t;
          }
        }
      }
      System.arraycopy(x, cand[best] * d, centres, m * d, d);
      if (trials > 1) {
        absorbStored(m, best, trials);
      } else {
        absorb(centres, m, candToCentre[best]);
      }
    }
    return centres;
  }

  /**
   * Sum over chunks of candidate potentials, pruned by the triangle inequality. For every row
   * that some trial may improve ("open" rows), records the row and each trial's new nearest
   * squared distance in the chunk's buffers; all other rows keep D(x)^2 for every trial.
   */
  private void evaluate(int[] cand, double[] candToCentre, double[][] pots) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    int trials = cand.length;
    double[] candRows = new double[trials * d];
    for (int t = 0; t < trials; t++) {
      System.arraycopy(x, cand[t] * d, candRows, t * d, d);
    }
    double scale = 4 * (1 + Assigner.SLACK);
    pool.forEach(
        chunks,
        c -> {
          int[] rows = openRows[c];
          double[] vals = openValues[c];
          double closed = 0;
          int count = 0;
          int end = ChunkPool.end(c, n);
          // Pass 1: rows that some trial may improve; the others keep D^2 for every trial.
          for (int i = ChunkPool.start(c); i < end; i++) {
            double di = minD2[i];
            int ao = labels[i] * trials;
            double limit = scale * di;
            boolean open = false;
            for (int t = 0; t < trials; t++) {
              open |= candToCentre[ao + t] < limit;
            }
            if (open) {
              rows[count++] = i;
            } else {
              closed += data.weight(i) * di;
            }
          }
          // Pass 2: exact distances of the open rows to every trial.
          int q = 0;
          for (; q + 1 < count; q += 2) {
            SquaredDistance.twoRowsToAll(x, rows[q] * d, rows[q + 1] * d, candRows, trials, d,
                vals, q * trials, (q + 1) * trials);
          }
          if (q < count) {
            SquaredDistance.toAll(x, rows[q] * d, candRows, trials, d, vals, q * trials);
          }
          // Pass 3: new nearest distances and potentials.
          double[] p = pots[c];
          java.util.Arrays.fill(p, closed);
          for (int r = 0; r < count; r++) {
            int i = rows[r];
            double di = minD2[i];
            double wi = data.weight(i);
            int vo = r * trials;
            for (int t = 0; t < trials; t++) {
              double v = vals[vo + t];
              if (!(v < di)) {
                v = di;
              }
              vals[vo + t] = v;
              p[t] += wi * v;
            }
          }
          openCount[c] = count;
        });
  }

  /** Takes trial t's recorded distances as the new nearest distances (centre m). */
  private void absorbStored(int m, int t, int trials) {
    int n = data.n();
    pool.forEach(
        chunks,
        c -> {
          int[] rows = openRows[c];
          double[] vals = openValues[c];
          int count = openCount[c];
          for (int q = 0; q < count; q++) {
            int i = rows[q];
            double v = vals[q * trials + t];
            if (v < minD2[i]) {
              minD2[i] = v;
              labels[i] = m;
            }
          }
          double pot = 0;
          int end = ChunkPool.end(c, n);
          if (data.w() == null) {
            for (int i = ChunkPool.start(c); i < end; i++) {
              pot += minD2[i];
            }
          } else {
            for (int i = ChunkPool.start(c); i < end; i++) {
              pot += data.w()[i] * minD2[i];
            }
          }
          chunkPot[c] = pot;
        });
  }

  /** Updates D^2, labels and chunk potentials for new centre m. */
  private void absorb(double[] centres, int m, double[] toCentre) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    double scale = 4 * (1 + Assigner.SLACK);
    pool.forEach(
        chunks,
        c -> {
          double pot = 0;
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            double di = minD2[i];
            if (toCentre[labels[i]] < scale * di) {
              double e = SquaredDistance.between(x, i * d, centres, m * d, d);
              if (e < di) {
                minD2[i] = e;
                labels[i] = m;
                di = e;
              }
            }
            pot += data.weight(i) * di;
          }
          chunkPot[c] = pot;
        });
  }

  private double totalPotential() {
    double total = 0;
    for (double p : chunkPot) {
      total += p;
    }
    return total;
  }

  /** Row whose cumulative weighted potential first exceeds r (fixed chunk order). */
  private int sample(double r) {
    int n = data.n();
    double cum = 0;
    int c = 0;
    while (c < chunks - 1 && cum + chunkPot[c] <= r) {
      cum += chunkPot[c];
      c++;
    }
    int last = -1;
    int end = ChunkPool.end(c, n);
    for (int i = ChunkPool.start(c); i < end; i++) {
      double v = data.weight(i) * minD2[i];
      if (v > 0) {
        cum += v;
        last = i;
        if (cum > r) {
          return i;
        }
      }
    }
    if (last >= 0) {
      return last;
    }
    for (int i = n - 1; i >= 0; i--) {
      if (data.weight(i) * minD2[i] > 0) {
        return i;
      }
    }
    throw new IllegalStateException("no row with positive potential");
  }

  /**
   * A row drawn with probability proportional to its weight.
   *
   * @param rng the stream
   * @return the row
   */
  public int pickByWeight(SplittableRandom rng) {
    int n = data.n();
    if (data.w() == null) {
      return rng.nextInt(n);
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += data.w()[i];
    }
    double r = rng.nextDouble() * total;
    double cum = 0;
    int last = 0;
    for (int i = 0; i < n; i++) {
      double wi = data.w()[i];
      if (wi > 0) {
        cum += wi;
        last = i;
        if (cum > r) {
          return i;
        }
      }
    }
    return last;
  }
}
