package dev.niche.segmentation.internal;

/**
 * Elkan's E-step (C. Elkan, "Using the triangle inequality to accelerate k-means", ICML 2003):
 * an upper bound u(x) and k lower bounds l(x, c). Centre c is skipped for row x when
 * u(x) &lt;= l(x, c) or u(x) &lt;= d(c(x), c) / 2, and the whole row when u(x) &lt;= s(c(x)).
 * After an M-step l(x, c) shrinks by the drift of c and u(x) grows by the drift of c(x).
 * Memory: k + 1 doubles per row, so it suits small k and large d.
 */
public final class ElkanAssigner implements Assigner {

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
  public ElkanAssigner(Dataset data, int k) {
    this.data = data;
    this.k = k;
    this.upper = new double[data.n()];
    this.lower = new double[Math.multiplyExact(data.n(), k)];
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
              continue;
            }
            SquaredDistance.toAll(x, i * d, centres, k, d, dist);
            int best = 0;
            for (int m = 0; m < k; m++) {
              lower[i * k + m] = Math.sqrt(dist[m]);
              if (dist[m] < dist[best]) {
                best = m;
              }
            }
            labels[i] = best;
            upper[i] = Math.sqrt(dist[best]);
          }
        });
  }

  @Override
  public long assign(
      double[] oldCentres, double[] centres, int[] labels, int[] relocated, ChunkPool pool) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    double[] drift = CentreGeometry.drift(oldCentres, centres, k, d);
    double[] cc = CentreGeometry.pairwise(centres, k, d);
    double[] s = CentreGeometry.halfGap(cc, k);
    for (int p : relocated) {
      upper[p] = Double.POSITIVE_INFINITY;
      java.util.Arrays.fill(lower, p * k, p * k + k, 0.0);
    }
    pool.forEach(
        changes.length,
        c -> {
          long changed = 0;
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            int lo = i * k;
            for (int m = 0; m < k; m++) {
              double l = lower[lo + m] - drift[m];
              lower[lo + m] = l > 0 ? l : 0;
            }
            int a = labels[i];
            double u = upper[i] + drift[a];
            upper[i] = u;
            if (u * (1 + SLACK) < s[a]) {
              continue;
            }
            int xo = i * d;
            double da2 = Double.NaN;
            int start = a;
            for (int m = 0; m < k; m++) {
              if (m == a) {
                continue;
              }
              double half = 0.5 * cc[a * k + m];
              if (u * (1 + SLACK) < lower[lo + m] || u * (1 + SLACK) < half) {
                continue;
              }
              if (Double.isNaN(da2)) {
                da2 = SquaredDistance.between(x, xo, centres, a * d, d);
                u = Math.sqrt(da2);
                upper[i] = u;
                lower[lo + a] = u;
                if (u * (1 + SLACK) < lower[lo + m] || u * (1 + SLACK) < half) {
                  continue;
                }
              }
              double d2 = SquaredDistance.between(x, xo, centres, m * d, d);
              double dm = Math.sqrt(d2);
              lower[lo + m] = dm;
              if (d2 < da2 || (d2 == da2 && m < a)) {
                a = m;
                da2 = d2;
                u = dm;
                upper[i] = u;
              }
            }
            if (a != start) {
              labels[i] = a;
              changed++;
              if (update != null) {
                update.moveNow(i, a);
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
