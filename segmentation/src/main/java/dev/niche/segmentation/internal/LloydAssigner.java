package dev.niche.segmentation.internal;

/**
 * Lloyd's E-step: every row against every centre (n k d multiply-adds per pass). Rows go through
 * {@link TransposedRows} blocks; from {@link #TILED_MIN_DIMENSION} coordinates on, a block is
 * scored by {@link NearestCentres}' register-tiled SIMD kernel, whose screened answer is confirmed
 * to be the canonical nearest centre, and below it {@link CanonicalNearest} computes the canonical
 * distances with the selection folded into the last pass per centre. Either way the labels are
 * the canonical nearest centres ({@link SquaredDistance}'s order, lowest index on ties), so they
 * match the bounded algorithms' to the bit, and the inertia sums the canonical distances to them,
 * per chunk in row order.
 */
public final class LloydAssigner implements Assigner {

  /**
   * Smallest dimension from which the E-step uses {@link NearestCentres}' tiled kernel: its
   * per-centre selection costs about as much as 12-16 coordinates of scoring, so below about 32
   * coordinates the canonical distance loop is as fast (measured at d = 8, 16 and 64).
   */
  public static final int TILED_MIN_DIMENSION = 32;

  private final Dataset data;
  private final int k;
  private final long[] changes;
  private final double[] inertias;
  private double inertia = Double.NaN;
  private CentroidUpdate update;

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
  public void moveRowsIn(CentroidUpdate update) {
    this.update = update;
  }

  @Override
  public void start(double[] centres, int[] labels, double[] seedD2, ChunkPool pool) {
    if (seedD2 == null) {
      java.util.Arrays.fill(labels, -1);
      pass(centres, labels, pool);
    } else {
      // The start's distances are canonical: its inertia needs no pass over the rows.
      inertia = Inertia.ofDistances(data, seedD2, pool);
    }
  }

  @Override
  public long assign(
      double[] oldCentres, double[] centres, int[] labels, int[] relocated, ChunkPool pool) {
    return pass(centres, labels, pool);
  }

  private long pass(double[] centres, int[] labels, ChunkPool pool) {
    boolean tiled = data.d() >= TILED_MIN_DIMENSION;
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    double[] w = data.w();
    int chunks = changes.length;
    pool.forEach(
        chunks,
        c -> {
          TransposedRows block = new TransposedRows(d, tiled ? d : CanonicalNearest.width(d));
          NearestCentres kernel = tiled ? new NearestCentres(k, d) : null;
          CanonicalNearest canonical = tiled ? null : new CanonicalNearest(k, d);
          if (tiled) {
            kernel.setCentres(centres);
          } else {
            canonical.setCentres(centres);
          }
          double[] dist = new double[Math.max(k, TransposedRows.CAPACITY)];
          double[] best = tiled ? new double[TransposedRows.CAPACITY] : canonical.distances();
          int[] nearest = new int[TransposedRows.CAPACITY];
          long changed = 0;
          double sum = 0;
          int end = ChunkPool.end(c, n);
          for (int first = ChunkPool.start(c); first < end; first += TransposedRows.CAPACITY) {
            int size = Math.min(TransposedRows.CAPACITY, end - first);
            block.loadRange(x, first, size);
            if (tiled) {
              kernel.score(block);
              for (int q = 0; q < size; q++) {
                int m = kernel.nearest(q);
                nearest[q] = m >= 0 ? m : kernel.nearestExactly(x, (first + q) * d, centres, dist);
              }
            } else {
              canonical.nearest(block);
              for (int q = 0; q < size; q++) {
                nearest[q] = canonical.label(q);
              }
            }
            for (int q = 0; q < size; q++) {
              int i = first + q;
              if (labels[i] != nearest[q]) {
                labels[i] = nearest[q];
                changed++;
                if (update != null) {
                  update.moveNow(i, nearest[q]);
                }
              }
            }
            if (tiled) {
              // The canonical distances to the chosen centres, in row order.
              SquaredDistance.toAssigned(x, first, size, d, centres, labels, best);
            }
            for (int q = 0; q < size; q++) {
              sum += (w == null ? 1.0 : w[first + q]) * best[q];
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
