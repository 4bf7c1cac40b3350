package dev.niche.segmentation.internal;

/**
 * The canonical nearest centre of every row of a {@link TransposedRows} block and its canonical
 * squared distance, for dimensions where {@link NearestCentres}' screened kernel does not pay
 * (below {@link LloydAssigner#TILED_MIN_DIMENSION}): every distance in {@link SquaredDistance}'s
 * order, four coordinates per loop over the rows, the running minimum folded into the loop that
 * adds a centre's last four coordinates, and the index of the minimum found afterwards in short
 * loops of four operations per row and centre.
 *
 * <p><b>Padding.</b> The block has {@link #width} columns, d rounded up to a multiple of four; the
 * extra columns stay zero and so do the centres' extra coordinates. A padded coordinate adds
 * {@code fma(0, 0, s) = s} exactly (s is a sum of squares, never -0), so every distance keeps the
 * canonical bits while every loop handles exactly four coordinates.
 *
 * <p><b>Selection.</b> From d = 9 on, centres go in groups of {@link #GROUP}. The loop that adds
 * a centre's last four coordinates stores the distance and lowers the row's running minimum (one
 * vector min per row and centre); after each group {@link LowestIndex} finds the lowest index at
 * the minimum. (A running argmin in the distance loop kept C2 from vectorising it at d = 16,
 * three times slower.) Up to {@link #FUSED_MAX_WIDTH} padded coordinates, the last loop keeps a
 * branch-free running argmin itself, in index order and strictly lower only (the flag of
 * {@link BlockDistances#argminAffine}). Either way the label is the canonical nearest centre,
 * lowest index on ties, and the minimum is its canonical distance, which is what Lloyd's inertia
 * sums. A row whose distances overflow to infinity gets no valid index (inf - inf is NaN) and is
 * settled by {@link #label} one centre at a time.
 *
 * <p>Not thread-safe: one instance per task; {@link #setCentres} once per E-step.
 */
final class CanonicalNearest {

  /**
   * Centres per selection group: their distances for a block (16 x 128 doubles, 16 KiB) stay in
   * L1 until the index loops read them, and the buffers do not grow with k.
   */
  static final int GROUP = 16;

  /**
   * Widest block (coordinates after padding) whose selection is a running argmin in the last
   * distance loop: at d &lt;= 8 that loop stays small enough for C2 to vectorise with the argmin's
   * six operations, and it saves the stored distances and the index loops (whole customer-like
   * fits 5-7 % faster than with {@link LowestIndex}); from d = 9 the grouped selection.
   */
  static final int FUSED_MAX_WIDTH = 8;

  private final int d;
  private final int k;
  private final int width;
  private final double[] centres;
  private final double[] part = new double[TransposedRows.CAPACITY];
  private final double[] best = new double[TransposedRows.CAPACITY];
  private final double[] index = new double[TransposedRows.CAPACITY];
  private final double[] before = new double[TransposedRows.CAPACITY];
  private final double[][] group;
  private TransposedRows lastBlock;

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
    this.group =
        new double[width <= FUSED_MAX_WIDTH ? 0 : Math.min(k, GROUP)][TransposedRows.CAPACITY];
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
    pad(flat, k, d, centres);
  }

  /**
   * Copies k centres of d coordinates into a layout of {@link #width} coordinates per centre
   * (the padding entries are left as they are: zero in a fresh array).
   *
   * @param flat k rows of d, flat
   * @param k number of centres
   * @param d dimension
   * @param padded receives them, k {@code width(d)} long
   */
  static void pad(double[] flat, int k, int d, double[] padded) {
    int width = width(d);
    for (int m = 0; m < k; m++) {
      System.arraycopy(flat, m * d, padded, m * width, d);
    }
  }

  /**
   * Finds the nearest centre of every loaded row of a block built with {@link #width} columns.
   *
   * <p>The two selections are methods of their own, each with its selection loop written out (the
   * coordinates before the last four go through {@link ColumnBlockDistances}' column loops, which
   * have no branch a shape could bias): C2 profiles per method, so a process that fits d = 16 data first and d = 8 data later gets each kernel
   * compiled for its own shape (one method for both ran the d = 8 E-step 2.5 times slower after
   * d = 16 fits in the same JVM). Each is too large for C2 to inline into the E-step's task, so it
   * is compiled on its own and its loops are vectorised whatever the order of compilation
   * (inlined into the task they were not, in about half of the runs, at twice the time).
   *
   * @param block the rows
   */
  void nearest(TransposedRows block) {
    lastBlock = block;
    int n = block.size();
    java.util.Arrays.fill(best, 0, n, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(index, 0, n, 0.0);
    if (width <= FUSED_MAX_WIDTH) {
      nearestFused(block, n);
    } else {
      nearestGrouped(block, n);
    }
  }

  /** Up to {@link #FUSED_MAX_WIDTH} columns: the running argmin in the last distance loop. */
  private void nearestFused(TransposedRows block, int n) {
    int last = width - 4;
    double[] x0 = block.column(last);
    double[] x1 = block.column(last + 1);
    double[] x2 = block.column(last + 2);
    double[] x3 = block.column(last + 3);
    for (int m = 0; m < k; m++) {
      int co = m * width;
      if (last > 0) {
        firstFour(block, co, n);
      } else {
        // The last four columns are the only ones: part = 0 and t0 * t0 = fma(t0, t0, +0).
        java.util.Arrays.fill(part, 0, n, 0.0);
      }
      double c0 = centres[co + last];
      double c1 = centres[co + last + 1];
      double c2 = centres[co + last + 2];
      double c3 = centres[co + last + 3];
      // The running argmin (its flag explained at BlockDistances.argminAffine).
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

  /** From {@link #FUSED_MAX_WIDTH} + 4 columns: stored distances, {@link LowestIndex} per group. */
  private void nearestGrouped(TransposedRows block, int n) {
    int last = width - 4;
    double[] x0 = block.column(last);
    double[] x1 = block.column(last + 1);
    double[] x2 = block.column(last + 2);
    double[] x3 = block.column(last + 3);
    for (int m = 0; m < k; m++) {
      int co = m * width;
      firstFour(block, co, n);
      for (int j = 4; j < last; j += 4) {
        ColumnBlockDistances.fourColumns(block.column(j), block.column(j + 1),
            block.column(j + 2), block.column(j + 3), n, centres, co + j, part);
      }
      double c0 = centres[co + last];
      double c1 = centres[co + last + 1];
      double c2 = centres[co + last + 2];
      double c3 = centres[co + last + 3];
      int g = m % GROUP;
      if (g == 0 && m > 0) {
        System.arraycopy(best, 0, before, 0, n);
      }
      double[] out = group[g];
      for (int q = 0; q < n; q++) {
        double t0 = x0[q] - c0;
        double t1 = x1[q] - c1;
        double t2 = x2[q] - c2;
        double t3 = x3[q] - c3;
        double s =
            Math.fma(t3, t3, Math.fma(t2, t2, Math.fma(t1, t1, Math.fma(t0, t0, part[q]))));
        out[q] = s;
        best[q] = Math.min(best[q], s);
      }
      if (g == GROUP - 1 || m == k - 1) {
        LowestIndex.update(group, m - g, g + 1, best, before, index, n);
      }
    }
  }

  /** part[q] = the canonical sum over the first four coordinates of the centre at {@code co}. */
  private void firstFour(TransposedRows block, int co, int n) {
    ColumnBlockDistances.firstFourColumns(block.column(0), block.column(1), block.column(2),
        block.column(3), n, centres, co, part);
  }

  /**
   * The nearest centre of row q of the last block. A row whose distances overflowed (no valid
   * index) is settled here, its distances taken one centre at a time in the canonical order.
   *
   * @param q row in the block
   * @return the centre index
   */
  int label(int q) {
    double v = index[q];
    return v < k ? (int) v : overflowed(q);
  }

  /** The canonical nearest centre of row q by a plain scan, its distance stored in best[q]. */
  private int overflowed(int q) {
    double lowest = Double.NaN;
    int label = 0;
    for (int m = 0; m < k; m++) {
      double s = 0;
      for (int j = 0; j < width; j++) {
        double t = lastBlock.column(j)[q] - centres[m * width + j];
        s = j == 0 ? t * t : Math.fma(t, t, s);
      }
      if (m == 0 || s < lowest) {
        lowest = s;
        label = m;
      }
    }
    best[q] = lowest;
    index[q] = label;
    return label;
  }

  /**
   * The canonical squared distances of the last block's rows to their nearest centres (a row's
   * value is final once {@link #label} has been asked for it).
   *
   * @return the array (the kernel's own, {@code size} values valid)
   */
  double[] distances() {
    return best;
  }
}
