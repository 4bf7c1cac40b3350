package dev.niche.segmentation.internal;

/** Lloyd's E-step: every distance computed (n k d multiply-adds per pass). */
public final class LloydAssigner implements Assigner {

  private final Dataset data;
  private final int k;
  private final long[] changes;
  private final double[] inertias;
  private double inertia = Double.NaN;

  /**
   * An assigner.
   *
   * @param data the data
   * @param k number of clusters
   */
  public LloydAssigner(Dataset data, int k) {
    this.data = data;
    this.k = k;
    this.changes = new long[ChunkPool.chunks(data.n())];
    this.inertias = new double[changes.length];
  }

  @Override
  public double inertia() {
    return inertia;
  }

  @Override
  public void start(double[] centres, int[] labels, double[] seedD2, ChunkPool pool) {
    if (seedD2 == null) {
      java.util.Arrays.fill(labels, -1);
      pass(centres, labels, pool);
    } else {
      inertia = Double.NaN;
    }
  }

  @Override
  public long assign(
      double[] oldCentres, double[] centres, int[] labels, int[] relocated, ChunkPool pool) {
    return pass(centres, labels, pool);
  }

  private long pass(double[] centres, int[] labels, ChunkPool pool) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    double[] w = data.w();
    int chunks = changes.length;
    pool.forEach(
        chunks,
        c -> {
          double[] dist = new double[k];
          long changed = 0;
          double sum = 0;
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            SquaredDistance.toAll(x, i * d, centres, k, d, dist);
            int best = 0;
            double bd = dist[0];
            for (int m = 1; m < k; m++) {
              double v = dist[m];
              boolean closer = v < bd;
              bd = closer ? v : bd;
              best = closer ? m : best;
            }
            if (labels[i] != best) {
              labels[i] = best;
              changed++;
            }
            sum += (w == null ? 1.0 : w[i]) * bd;
          }
          changes[c] = changed;
          inertias[c] = sum;
        });
    long total = 0;
    for (long v : changes) {
      total += v;
    }
    double sum = 0;
    for (double v : inertias) {
      sum += v;
    }
    inertia = sum;
    return total;
  }
}
