package dev.niche.segmentation.internal;

/** Lloyd's E-step: every distance computed (n k d multiply-adds per pass). */
public final class LloydAssigner implements Assigner {

  private final Dataset data;
  private final int k;
  private final long[] changes;

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
  }

  @Override
  public void start(double[] centres, int[] labels, double[] seedD2, ChunkPool pool) {
    if (seedD2 == null) {
      java.util.Arrays.fill(labels, -1);
      pass(centres, labels, pool);
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
    int chunks = changes.length;
    pool.forEach(
        chunks,
        c -> {
          double[] dist = new double[k];
          long changed = 0;
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            SquaredDistance.toAll(x, i * d, centres, k, d, dist);
            int best = 0;
            double bd = dist[0];
            for (int m = 1; m < k; m++) {
              if (dist[m] < bd) {
                bd = dist[m];
                best = m;
              }
            }
            if (labels[i] != best) {
              labels[i] = best;
              changed++;
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
