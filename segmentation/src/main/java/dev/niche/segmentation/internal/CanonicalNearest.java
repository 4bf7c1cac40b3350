package dev.niche.segmentation.internal;

/**
 * The canonical nearest centre of every row of a {@link TransposedRows} block and its canonical
 * squared distance, for dimensions where {@link NearestCentres}' screened kernel does not pay
 * (below {@link LloydAssigner#TILED_MIN_DIMENSION}): every distance in {@link SquaredDistance}'s
 * order, four coordinates per loop over the rows, and the running minimum folded into the loop
 * that adds a centre's last four coordinates, so a centre costs d / 4 passes over the block and
 * no separate selection pass.
 *
 * <p><b>Padding.</b> The block has {@link #width} columns, d rounded up to a multiple of four; the
 * extra columns stay zero and so do the centres' extra coordinates. A padded coordinate adds
 * {@code fma(0, 0, s) = s} exactly (s is a sum of squares, never -0), so every distance keeps the
 * canonical bits while every loop handles exactly four coordinates.
 *
 * <p><b>Selection.</b> Per row a branch-free running argmin over the centres in index order
 * (strictly lower only, so the lowest index wins ties; the flag is explained at
 * {@link BlockDistances#argminAffine}). The lowest distance is the canonical distance to the
 * nearest centre, which is what Lloyd's inertia sums.
 *
 * <p>Not thread-safe: one instance per task; {@link #setCentres} once per E-step.
 */
final class CanonicalNearest {

  private final int d;
  private final int k;
  private final int width;
  private final double[] centres;
  private final double[] part = new double[TransposedRows.CAPACITY];
  private final double[] best = new double[TransposedRows.CAPACITY];
  private final double[] index = new double[TransposedRows.CAPACITY];

  /**
   * A kernel for k centres of dimension d.
   *
   * @param k number of centres
   * @param d dimension
   */
  CanonicalNearest(int k, int d) {
    this.k = k;
    this.d = d;
    this.width = width(d);
    this.centres = new double[k * width];
  }

  /**
   * Columns a block needs for this kernel: d rounded up to a multiple of four.
   *
   * @param d dimension
   * @return the padded width
   */
  static int width(int d) {
    return (d + 3) & ~3;
  }

  /**
   * Takes new centres (copied into the padded layout).
   *
   * @param flat k rows of d, flat
   */
  void setCentres(double[] flat) {
    for (int m = 0; m < k; m++) {
      System.arraycopy(flat, m * d, centres, m * width, d);
    }
  }

  /**
   * Finds the nearest centre of every loaded row of a block built with {@link #width} columns.
   *
   * <p>Every loop is written out here rather than in small methods: this method's bytecode is
   * then too large for C2 to inline into the E-step's task, so it is compiled on its own, and its
   * loops are vectorised whatever the order of compilation (inlined into the task they were not,
   * in about half of the runs, at twice the time).
   *
   * @param block the rows
   */
  void nearest(TransposedRows block) {
    int n = block.size();
    int last = width - 4;
    double[] x0 = block.column(last);
    double[] x1 = block.column(last + 1);
    double[] x2 = block.column(last + 2);
    double[] x3 = block.column(last + 3);
    for (int m = 0; m < k; m++) {
      int co = m * width;
      if (width > 4) {
        double[] y0 = block.column(0);
        double[] y1 = block.column(1);
        double[] y2 = block.column(2);
        double[] y3 = block.column(3);
        double c0 = centres[co];
        double c1 = centres[co + 1];
        double c2 = centres[co + 2];
        double c3 = centres[co + 3];
        for (int q = 0; q < n; q++) {
          double t0 = y0[q] - c0;
          double t1 = y1[q] - c1;
          double t2 = y2[q] - c2;
          double t3 = y3[q] - c3;
          part[q] = Math.fma(t3, t3, Math.fma(t2, t2, Math.fma(t1, t1, t0 * t0)));
        }
        for (int j = 4; j < last; j += 4) {
          y0 = block.column(j);
          y1 = block.column(j + 1);
          y2 = block.column(j + 2);
          y3 = block.column(j + 3);
          c0 = centres[co + j];
          c1 = centres[co + j + 1];
          c2 = centres[co + j + 2];
          c3 = centres[co + j + 3];
          for (int q = 0; q < n; q++) {
            double t0 = y0[q] - c0;
            double t1 = y1[q] - c1;
            double t2 = y2[q] - c2;
            double t3 = y3[q] - c3;
            part[q] =
                Math.fma(t3, t3, Math.fma(t2, t2, Math.fma(t1, t1, Math.fma(t0, t0, part[q]))));
          }
        }
      } else {
        // The last group is the only one: part = 0 and t0 * t0 = fma(t0, t0, +0) exactly.
        java.util.Arrays.fill(part, 0, n, 0.0);
      }
      double c0 = centres[co + last];
      double c1 = centres[co + last + 1];
      double c2 = centres[co + last + 2];
      double c3 = centres[co + last + 3];
      if (m == 0) {
        for (int q = 0; q < n; q++) {
          double t0 = x0[q] - c0;
          double t1 = x1[q] - c1;
          double t2 = x2[q] - c2;
          double t3 = x3[q] - c3;
          best[q] =
              Math.fma(t3, t3, Math.fma(t2, t2, Math.fma(t1, t1, Math.fma(t0, t0, part[q]))));
          index[q] = 0;
        }
        continue;
      }
      double i0 = m;
      for (int q = 0; q < n; q++) {
        double t0 = x0[q] - c0;
        double t1 = x1[q] - c1;
        double t2 = x2[q] - c2;
        double t3 = x3[q] - c3;
        double s =
            Math.fma(t3, t3, Math.fma(t2, t2, Math.fma(t1, t1, Math.fma(t0, t0, part[q]))));
        double b = best[q];
        double lo = Math.min(b, s);
        index[q] =
            Math.fma(Math.min((b - lo) * 0x1p1000 * 0x1p1000, 1.0), i0 - index[q], index[q]);
        best[q] = lo;
      }
    }
  }

  /**
   * The nearest centre of row q of the last block.
   *
   * @param q row in the block
   * @return the centre index
   */
  int label(int q) {
    return (int) index[q];
  }

  /**
   * The canonical squared distances of the last block's rows to their nearest centres.
   *
   * @return the array (the kernel's own, {@code size} values valid)
   */
  double[] distances() {
    return best;
  }
}
