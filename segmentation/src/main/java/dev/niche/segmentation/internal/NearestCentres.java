package dev.niche.segmentation.internal;

import java.util.Arrays;

/**
 * The nearest centre of every row of a {@link TransposedRows} block, by a register-tiled SIMD
 * kernel on the expansion |x - c|^2 = |x|^2 + (|c|^2 - 2 x.c), confirmed so that the answer is
 * exactly the canonical one ({@link SquaredDistance}'s order, lowest index on ties).
 *
 * <p><b>Kernel.</b> The score s_m(x) = |c_m|^2 - 2 x.c_m costs one multiply-add per coordinate
 * (the canonical distance costs a subtraction and a multiply-add). Centres are taken four at a
 * time and coordinates two at a time, so each loaded coordinate of a row feeds four centres and
 * each score is loaded and stored once per two coordinates: per row and tile, 2 column loads, 4
 * score loads and stores, 8 multiply-adds, in loops over the rows that HotSpot's superword pass
 * compiles to SIMD. (Larger tiles are faster in principle but their loop bodies exceed C2's
 * unrolling limit, and a loop C2 does not unroll is not vectorised: 4 centres by 4 coordinates
 * and 2 by 4 ran at scalar speed, 4 by 2 at 1.5-3 times the speed of 1 by 4.) A second loop
 * keeps, per row, the lowest score, its index (a branch-free running argmin, see
 * {@link BlockDistances#argminAffine}) and the second lowest score. The selection costs about as
 * much per centre as 12-16 coordinates of scoring, so the kernel pays from about d = 32 on; below
 * it the canonical per-centre distance loop with a plain selection is as fast.
 *
 * <p><b>Confirmation.</b> Scores carry cancellation error, so they only screen: with u = 2^-53,
 * the score of centre m and its canonical distance less |x|^2 are each within about
 * 2 (d + 2) u (|x|^2 + |c_m|^2) of the exact value. When the second lowest score exceeds the lowest
 * by more than {@link #TOLERANCE_UNITS} (d + 8) u (|x|^2 + max_m |c_m|^2), which is over four times
 * the sum of those errors, no other centre can have a canonical distance as small, and the lowest
 * score's centre is the canonical nearest one. Otherwise (near ties, rare) the caller computes
 * every canonical distance of that row. Either way labels equal a full canonical E-step's to the
 * bit, so this kernel, Lloyd's, Hamerly's and Elkan's E-steps are interchangeable mid-fit.
 *
 * <p>Not thread-safe: one instance per task; {@link #setCentres} once per E-step.
 */
final class NearestCentres {

  /** Safety factor of the screening tolerance, in units of (d + 8) 2^-53 (see the class comment). */
  static final double TOLERANCE_UNITS = 32;

  private final int d;
  private final int k;
  private final int padded;
  private final double[] a;
  private final double[] bias;
  private double largestNorm;
  private final double tolerance;
  private final double[][] score = new double[4][TransposedRows.CAPACITY];
  private final double[] best = new double[TransposedRows.CAPACITY];
  private final double[] second = new double[TransposedRows.CAPACITY];
  private final double[] index = new double[TransposedRows.CAPACITY];
  private final double[] norm = new double[TransposedRows.CAPACITY];

  /**
   * A kernel for k centres of dimension d.
   *
   * @param k number of centres
   * @param d dimension
   */
  NearestCentres(int k, int d) {
    this.k = k;
    this.d = d;
    this.padded = (k + 3) & ~3;
    this.a = new double[padded * d];
    this.bias = new double[padded];
    this.tolerance = TOLERANCE_UNITS * (d + 8) * 0x1p-53;
  }

  /**
   * Takes new centres: a = -2 c (exact), bias = |c|^2; padding centres score +infinity.
   *
   * @param centres k rows of d, flat
   */
  void setCentres(double[] centres) {
    double largest = 0;
    for (int m = 0; m < k; m++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        double c = centres[m * d + j];
        a[m * d + j] = -2 * c;
        s = Math.fma(c, c, s);
      }
      bias[m] = s;
      largest = Math.max(largest, s);
    }
    Arrays.fill(a, k * d, padded * d, 0.0);
    Arrays.fill(bias, k, padded, Double.POSITIVE_INFINITY);
    largestNorm = largest;
  }

  /**
   * Scores every loaded row of the block against every centre and keeps, per row, the lowest
   * score, its centre and the second lowest score.
   *
   * @param block the rows
   */
  void score(TransposedRows block) {
    int n = block.size();
    Arrays.fill(best, 0, n, Double.POSITIVE_INFINITY);
    Arrays.fill(second, 0, n, Double.POSITIVE_INFINITY);
    Arrays.fill(index, 0, n, 0.0);
    Arrays.fill(norm, 0, n, 0.0);
    for (int j = 0; j < d; j++) {
      double[] col = block.column(j);
      for (int q = 0; q < n; q++) {
        norm[q] = Math.fma(col[q], col[q], norm[q]);
      }
    }
    for (int m = 0; m < padded; m += 4) {
      scoreFour(block, m);
      select(n, m);
    }
  }

  /** score[t][q] = bias[m + t] + sum_j a[(m + t) d + j] x_j[q] for t &lt; 4. */
  private void scoreFour(TransposedRows block, int m) {
    int n = block.size();
    double[] s0 = score[0];
    double[] s1 = score[1];
    double[] s2 = score[2];
    double[] s3 = score[3];
    Arrays.fill(s0, 0, n, bias[m]);
    Arrays.fill(s1, 0, n, bias[m + 1]);
    Arrays.fill(s2, 0, n, bias[m + 2]);
    Arrays.fill(s3, 0, n, bias[m + 3]);
    int o0 = m * d;
    int o1 = o0 + d;
    int o2 = o1 + d;
    int o3 = o2 + d;
    int j = 0;
    for (; j + 1 < d; j += 2) {
      double[] x0 = block.column(j);
      double[] x1 = block.column(j + 1);
      double a00 = a[o0 + j];
      double a01 = a[o0 + j + 1];
      double a10 = a[o1 + j];
      double a11 = a[o1 + j + 1];
      double a20 = a[o2 + j];
      double a21 = a[o2 + j + 1];
      double a30 = a[o3 + j];
      double a31 = a[o3 + j + 1];
      for (int q = 0; q < n; q++) {
        double v0 = x0[q];
        double v1 = x1[q];
        s0[q] = Math.fma(v1, a01, Math.fma(v0, a00, s0[q]));
        s1[q] = Math.fma(v1, a11, Math.fma(v0, a10, s1[q]));
        s2[q] = Math.fma(v1, a21, Math.fma(v0, a20, s2[q]));
        s3[q] = Math.fma(v1, a31, Math.fma(v0, a30, s3[q]));
      }
    }
    for (; j < d; j++) {
      double[] x0 = block.column(j);
      double a0 = a[o0 + j];
      double a1 = a[o1 + j];
      double a2 = a[o2 + j];
      double a3 = a[o3 + j];
      for (int q = 0; q < n; q++) {
        double v = x0[q];
        s0[q] = Math.fma(v, a0, s0[q]);
        s1[q] = Math.fma(v, a1, s1[q]);
        s2[q] = Math.fma(v, a2, s2[q]);
        s3[q] = Math.fma(v, a3, s3[q]);
      }
    }
  }

  /**
   * Folds scores m..m+3 into the running lowest, its index and the second lowest, in index order
   * (a score replaces the lowest only when strictly lower, so the lowest index wins ties), one
   * score per loop so that each loop is small enough for C2 to unroll and vectorise. The index
   * moves by a 0/1 flag: b - min(b, s) is zero exactly when s does not improve, and scaled by
   * 2^2000 and capped at 1 it is the flag.
   */
  private void select(int n, int m) {
    for (int t = 0; t < 4; t++) {
      BlockDistances.foldLowestTwo(score[t], m + t, n, best, second, index);
    }
  }

  /**
   * The screened nearest centre of row q of the last scored block, or -1 when the screen cannot
   * decide it (then compute every canonical distance of the row).
   *
   * @param q row in the block
   * @return the canonical nearest centre, or -1
   */
  int nearest(int q) {
    double gap = second[q] - best[q];
    return gap > tolerance * (norm[q] + largestNorm) ? (int) index[q] : -1;
  }

  /**
   * A lower bound on the distance (not squared) from row q of the last scored block to every
   * centre other than the one {@link #nearest} returns, for Hamerly's lower bound: the second
   * lowest score plus |x|^2, less the screening tolerance (over four times the rounding of both,
   * see the class comment), at least 0. Valid whenever {@link #nearest} returned a centre.
   *
   * @param q row in the block
   * @return the bound
   */
  double secondLowerBound(int q) {
    double slack = tolerance * (norm[q] + largestNorm);
    return Math.sqrt(Math.max(0, norm[q] + second[q] - slack));
  }

  /**
   * The canonical nearest of all k centres to one row of a flat array (lowest index on ties),
   * computing every distance; for rows {@link #nearest} cannot decide.
   *
   * @param x flat rows
   * @param xo offset of the row
   * @param centres flat centres
   * @param scratch at least k long
   * @return the nearest centre
   */
  int nearestExactly(double[] x, int xo, double[] centres, double[] scratch) {
    SquaredDistance.toAll(x, xo, centres, k, d, scratch);
    int bestIndex = 0;
    for (int m = 1; m < k; m++) {
      if (scratch[m] < scratch[bestIndex]) {
        bestIndex = m;
      }
    }
    return bestIndex;
  }
}
