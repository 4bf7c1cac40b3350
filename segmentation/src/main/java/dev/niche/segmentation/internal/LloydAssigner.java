package dev.niche.segmentation.internal;

/**
 * Lloyd's E-step: every row against every centre (n k d multiply-adds per pass). Rows are screened
 * with ||c||^2 - 2 x.c (the row's own ||x||^2 is common to all centres) and the centres whose
 * screened value lies within a rigorous rounding bound of the minimum get their canonical
 * {@link SquaredDistance#between} distance; the result (labels and distances) is therefore
 * identical to a full canonical pass, at about one multiply-add per coordinate instead of a
 * subtraction and a multiply-add.
 */
public final class LloydAssigner implements Assigner {

  private final Dataset data;
  private final int k;
  private final long[] changes;
  private final double[] inertias;
  private double inertia = Double.NaN;
  private double[] norms;
  private final double d4;

  /**
   * Relative rounding bound per (d + 4) for ||x||^2 + ||c||^2 - 2 x.c against the exact squared
   * distance: a generous 8 units of roundoff (2^-53) per term (Higham, "Accuracy and Stability of
   * Numerical Algorithms", 2002, section 3.1, gamma_n bounds for inner products).
   */
  private static final double SCREEN_UNIT = 8 * 0x1.0p-53;

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
    this.d4 = data.d() + 4.0;
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
    if (norms == null) {
      double[] nx = new double[n];
      pool.forEach(
          chunks,
          c -> {
            int end = ChunkPool.end(c, n);
            for (int i = ChunkPool.start(c); i < end; i++) {
              nx[i] = SquaredDistance.selfDot(x, i * d, d);
            }
          });
      norms = nx;
    }
    double[] cn = new double[k];
    double cmax = 0;
    for (int m = 0; m < k; m++) {
      cn[m] = SquaredDistance.selfDot(centres, m * d, d);
      cmax = Math.max(cmax, cn[m]);
    }
    final double maxCentreNorm = cmax;
    pool.forEach(
        chunks,
        c -> {
          double[] dot = new double[k];
          long changed = 0;
          double sum = 0;
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            int xo = i * d;
            // Screen with ||c||^2 - 2 x.c (one multiply-add per coordinate) ...
            SquaredDistance.dots(x, xo, centres, k, d, dot);
            double amin = Double.POSITIVE_INFINITY;
            for (int m = 0; m < k; m++) {
              double a = cn[m] - 2 * dot[m];
              dot[m] = a;
              amin = a < amin ? a : amin;
            }
            // ... then decide exactly: every centre within the rounding bound of the screened
            // minimum gets its canonical distance; the lowest canonical one (lowest index on
            // ties) wins, exactly as a full canonical pass would choose.
            double limit = amin + 3 * SCREEN_UNIT * d4 * (norms[i] + maxCentreNorm);
            int best = -1;
            double bd = Double.POSITIVE_INFINITY;
            for (int m = 0; m < k; m++) {
              if (dot[m] <= limit) {
                double e = SquaredDistance.between(x, xo, centres, m * d, d);
                if (e < bd) {
                  bd = e;
                  best = m;
                }
              }
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
