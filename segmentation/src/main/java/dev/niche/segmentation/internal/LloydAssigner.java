package dev.niche.segmentation.internal;

/**
 * Lloyd's E-step: every distance computed (n k d multiply-adds per pass). Rows go through
 * {@link TransposedRows} blocks, so the distances of a block to one centre are one SIMD loop;
 * they equal {@link SquaredDistance}'s to the bit, so labels match the bounded algorithms'.
 */
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
          TransposedRows block = new TransposedRows(d);
          double[] dist = new double[TransposedRows.CAPACITY];
          double[] best = new double[TransposedRows.CAPACITY];
          int[] nearest = new int[TransposedRows.CAPACITY];
          long changed = 0;
          double sum = 0;
          int end = ChunkPool.end(c, n);
          for (int first = ChunkPool.start(c); first < end; first += TransposedRows.CAPACITY) {
            int size = Math.min(TransposedRows.CAPACITY, end - first);
            block.loadRange(x, first, size);
            block.squaredDistances(centres, 0, best);
            java.util.Arrays.fill(nearest, 0);
            for (int m = 1; m < k; m++) {
              block.squaredDistances(centres, m * d, dist);
              for (int q = 0; q < size; q++) {
                // Strictly closer only: the lowest index wins exact ties. Branch-free selects.
                double v = dist[q];
                boolean closer = v < best[q];
                best[q] = closer ? v : best[q];
                nearest[q] = closer ? m : nearest[q];
              }
            }
            for (int q = 0; q < size; q++) {
              int i = first + q;
              if (labels[i] != nearest[q]) {
                labels[i] = nearest[q];
                changed++;
              }
              sum += (w == null ? 1.0 : w[i]) * best[q];
            }
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
