package dev.niche.segmentation.internal;

/**
 * Hamerly's E-step (G. Hamerly, "Making k-means even faster", SDM 2010): one upper bound u(x) on
 * the distance to the assigned centre and one lower bound l(x) on the distance to every other
 * centre. A row is skipped when u(x) &lt;= max(s(a), l(x)) with s(a) half the distance from its
 * centre to the nearest other centre; otherwise u is tightened and, if still needed, all k
 * distances are computed. After an M-step u grows by the drift of the own centre and l shrinks by
 * the largest drift of any other centre. Memory: 2 doubles per row.
 */
public final class HamerlyAssigner implements Assigner {

  private final Dataset data;
  private final int k;
  private CentroidUpdate update;
  private final double[] upper;
  private final double[] lower;
  private final long[] changes;

  /**
   * An assigner.
   *
   * @param data the data
   * @param k number of clusters
   */
  public HamerlyAssigner(Dataset data, int k) {
    this.data = data;
    this.k = k;
    this.upper = new double[data.n()];
    this.lower = new double[data.n()];
    this.changes = new long[ChunkPool.chunks(data.n())];
  }

  @Override
  public void moveRowsIn(CentroidUpdate update) {
    this.update = update;
  }

  @Override
  public void start(double[] centres, int[] labels, double[] seedD2, ChunkPool pool) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    pool.forEach(
        changes.length,
        c -> {
          double[] dist = new double[k];
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            if (seedD2 != null) {
              upper[i] = Math.sqrt(seedD2[i]);
              lower[i] = 0;
            } else {
              labels[i] = full(x, i * d, centres, d, dist, i);
            }
          }
        });
  }

  /** All k distances; sets bounds; returns the nearest (lowest index on ties). */
  private int full(double[] x, int xo, double[] centres, int d, double[] dist, int i) {
    SquaredDistance.toAll(x, xo, centres, k, d, dist);
    int best = 0;
    double bd = dist[0];
    double second = Double.POSITIVE_INFINITY;
    for (int m = 1; m < k; m++) {
      double v = dist[m];
      if (v < bd) {
        second = bd;
        bd = v;
        best = m;
      } else if (v < second) {
        second = v;
      }
    }
    upper[i] = Math.sqrt(bd);
    lower[i] = Math.sqrt(second);
    return best;
  }

  @Override
  public long assign(
      double[] oldCentres, double[] centres, int[] labels, int[] relocated, ChunkPool pool) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    double[] drift = CentreGeometry.drift(oldCentres, centres, k, d);
    double[] s = CentreGeometry.halfGap(CentreGeometry.pairwise(centres, k, d), k);
    int r = 0;
    for (int m = 1; m < k; m++) {
      if (drift[m] > drift[r]) {
        r = m;
      }
    }
    double maxDrift = drift[r];
    double secondDrift = 0;
    for (int m = 0; m < k; m++) {
      if (m != r && drift[m] > secondDrift) {
        secondDrift = drift[m];
      }
    }
    for (int p : relocated) {
      upper[p] = Double.POSITIVE_INFINITY;
      lower[p] = 0;
    }
    final double sd = secondDrift;
    final int rr = r;
    pool.forEach(
        changes.length,
        c -> {
          double[] dist = new double[k];
          long changed = 0;
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            int a = labels[i];
            double u = upper[i] + drift[a];
            double l = lower[i] - (a == rr ? sd : maxDrift);
            lower[i] = l;
            double m = Math.max(s[a], l);
            if (u * (1 + SLACK) < m) {
              upper[i] = u;
              continue;
            }
            u = Math.sqrt(SquaredDistance.between(x, i * d, centres, a * d, d));
            upper[i] = u;
            if (u * (1 + SLACK) < m) {
              continue;
            }
            int best = full(x, i * d, centres, d, dist, i);
            if (best != a) {
              labels[i] = best;
              changed++;
              if (update != null) {
                update.moveNow(i, best);
              }
            }
          }
          changes[c] = changed;
        });
    long total = 0;
    for (long v : changes) {
      total += v;
    }
    return total;
  }
}
