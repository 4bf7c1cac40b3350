package dev.niche.benchmarks.segmentation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * What a 512-bit Lloyd E-step costs on this JDK, printed by {@code KMeansPanelTool selection}:
 * the separated and overlapping shapes' geometry (n = 10^6 rows, d = 16, k = 32), random rows,
 * scored by the expansion s_m(x) = |c_m|^2 - 2 x.c_m with the centres in the lanes (four rows
 * by four vectors of eight centres, sixteen accumulators; each row's coordinate broadcast), the
 * layout that keeps the multiply-adds at the peak. Two passes:
 * <ul>
 *   <li>{@code scores}: the n k d multiply-adds only, the scores folded into one sum (no label);
 *   <li>{@code labels}: the same, then each row's nearest centre, as an exact E-step must: the
 *       lowest score (a lane minimum and a reduction), and the count and index of the scores
 *       within a tolerance of it (lane compares), so that near ties go to the canonical check.
 * </ul>
 * The difference is what picking a label per row costs at 512 bits. A probe of the platform, not
 * of Niche: its labels are not checked and it is not used by the library. Thread CPU time, median
 * of seven after three warm-ups. Needs {@code --add-modules jdk.incubator.vector}.
 */
final class SelectionProbe {

  private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_512;
  private static final int N = 1_000_000;
  private static final int D = 16;
  private static final int K = 32;
  private static final DoubleVector FAR = DoubleVector.broadcast(LANES, 1e9);
  private static final DoubleVector IOTA0 = DoubleVector.fromArray(LANES,
      new double[] {0, 1, 2, 3, 4, 5, 6, 7}, 0);
  private static final DoubleVector IOTA1 = IOTA0.add(8);
  private static final DoubleVector IOTA2 = IOTA0.add(16);
  private static final DoubleVector IOTA3 = IOTA0.add(24);

  private SelectionProbe() {}

  /** Measures and prints both passes. */
  static void print() {
    SplittableRandom r = new SplittableRandom(42);
    double[] x = new double[N * D];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
    }
    // Centre m's coordinate j at columns[j K + m], times -2; bias[m] = |c_m|^2.
    double[] columns = new double[D * K];
    double[] bias = new double[K];
    for (int m = 0; m < K; m++) {
      for (int j = 0; j < D; j++) {
        double c = 2 * r.nextGaussian();
        columns[j * K + m] = -2 * c;
        bias[m] = Math.fma(c, c, bias[m]);
      }
    }
    int[] labels = new int[N];
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    double[] scores = new double[7];
    double[] picked = new double[7];
    double sink = 0;
    for (int rep = -3; rep < 7; rep++) {
      long t0 = bean.getCurrentThreadCpuTime();
      for (int i = 0; i < N; i += 4) {
        sink += scoreFour(x, i, columns, bias);
      }
      long t1 = bean.getCurrentThreadCpuTime();
      for (int i = 0; i < N; i += 4) {
        labelFour(x, i, columns, bias, labels);
      }
      long t2 = bean.getCurrentThreadCpuTime();
      sink += labels[rep + 3];
      if (rep >= 0) {
        scores[rep] = (t1 - t0) / 1e6;
        picked[rep] = (t2 - t1) / 1e6;
      }
    }
    java.util.Arrays.sort(scores);
    java.util.Arrays.sort(picked);
    double fmas = (double) N * K * D;
    System.out.printf(Locale.ROOT, "selection n=%d d=%d k=%d, 512-bit: scores %.1f ms (%.1f G "
        + "multiply-adds/s), labels %.1f ms (%.1f G/s) (%s)%n", N, D, K, scores[3],
        fmas / scores[3] / 1e6, picked[3], fmas / picked[3] / 1e6, sink == 42 ? "" : "-");
  }

  /**
   * The scores of rows i0..i0+3 against the 32 centres, folded into one value. Its multiply-add
   * loop is {@link #labelFour}'s, written twice on purpose: one method for both passes (labels
   * null for this one) ran the scores pass at 21-22 ms instead of 13 ms, C2 compiling the larger
   * method's loop worse, so the probe would no longer measure the multiply-adds alone.
   */
  private static double scoreFour(double[] x, int i0, double[] columns, double[] bias) {
    DoubleVector b0 = DoubleVector.fromArray(LANES, bias, 0);
    DoubleVector b1 = DoubleVector.fromArray(LANES, bias, 8);
    DoubleVector b2 = DoubleVector.fromArray(LANES, bias, 16);
    DoubleVector b3 = DoubleVector.fromArray(LANES, bias, 24);
    DoubleVector s00 = b0;
    DoubleVector s01 = b1;
    DoubleVector s02 = b2;
    DoubleVector s03 = b3;
    DoubleVector s10 = b0;
    DoubleVector s11 = b1;
    DoubleVector s12 = b2;
    DoubleVector s13 = b3;
    DoubleVector s20 = b0;
    DoubleVector s21 = b1;
    DoubleVector s22 = b2;
    DoubleVector s23 = b3;
    DoubleVector s30 = b0;
    DoubleVector s31 = b1;
    DoubleVector s32 = b2;
    DoubleVector s33 = b3;
    int o = i0 * D;
    for (int j = 0; j < D; j++) {
      DoubleVector c0 = DoubleVector.fromArray(LANES, columns, j * K + 0);
      DoubleVector c1 = DoubleVector.fromArray(LANES, columns, j * K + 8);
      DoubleVector c2 = DoubleVector.fromArray(LANES, columns, j * K + 16);
      DoubleVector c3 = DoubleVector.fromArray(LANES, columns, j * K + 24);
      DoubleVector y0 = DoubleVector.broadcast(LANES, x[o + 0 * D + j]);
      s00 = y0.fma(c0, s00);
      s01 = y0.fma(c1, s01);
      s02 = y0.fma(c2, s02);
      s03 = y0.fma(c3, s03);
      DoubleVector y1 = DoubleVector.broadcast(LANES, x[o + 1 * D + j]);
      s10 = y1.fma(c0, s10);
      s11 = y1.fma(c1, s11);
      s12 = y1.fma(c2, s12);
      s13 = y1.fma(c3, s13);
      DoubleVector y2 = DoubleVector.broadcast(LANES, x[o + 2 * D + j]);
      s20 = y2.fma(c0, s20);
      s21 = y2.fma(c1, s21);
      s22 = y2.fma(c2, s22);
      s23 = y2.fma(c3, s23);
      DoubleVector y3 = DoubleVector.broadcast(LANES, x[o + 3 * D + j]);
      s30 = y3.fma(c0, s30);
      s31 = y3.fma(c1, s31);
      s32 = y3.fma(c2, s32);
      s33 = y3.fma(c3, s33);
    }
    DoubleVector t = s00.add(s01).add(s02).add(s03).add(s10).add(s11).add(s12).add(s13)
        .add(s20).add(s21).add(s22).add(s23).add(s30).add(s31).add(s32).add(s33);
    return t.lane(0);
  }

  /** The screened nearest centre of rows i0..i0+3 (-1 for a near tie). */
  private static void labelFour(double[] x, int i0, double[] columns, double[] bias, int[] labels) {
    DoubleVector b0 = DoubleVector.fromArray(LANES, bias, 0);
    DoubleVector b1 = DoubleVector.fromArray(LANES, bias, 8);
    DoubleVector b2 = DoubleVector.fromArray(LANES, bias, 16);
    DoubleVector b3 = DoubleVector.fromArray(LANES, bias, 24);
    DoubleVector s00 = b0;
    DoubleVector s01 = b1;
    DoubleVector s02 = b2;
    DoubleVector s03 = b3;
    DoubleVector s10 = b0;
    DoubleVector s11 = b1;
    DoubleVector s12 = b2;
    DoubleVector s13 = b3;
    DoubleVector s20 = b0;
    DoubleVector s21 = b1;
    DoubleVector s22 = b2;
    DoubleVector s23 = b3;
    DoubleVector s30 = b0;
    DoubleVector s31 = b1;
    DoubleVector s32 = b2;
    DoubleVector s33 = b3;
    int o = i0 * D;
    for (int j = 0; j < D; j++) {
      DoubleVector c0 = DoubleVector.fromArray(LANES, columns, j * K + 0);
      DoubleVector c1 = DoubleVector.fromArray(LANES, columns, j * K + 8);
      DoubleVector c2 = DoubleVector.fromArray(LANES, columns, j * K + 16);
      DoubleVector c3 = DoubleVector.fromArray(LANES, columns, j * K + 24);
      DoubleVector y0 = DoubleVector.broadcast(LANES, x[o + 0 * D + j]);
      s00 = y0.fma(c0, s00);
      s01 = y0.fma(c1, s01);
      s02 = y0.fma(c2, s02);
      s03 = y0.fma(c3, s03);
      DoubleVector y1 = DoubleVector.broadcast(LANES, x[o + 1 * D + j]);
      s10 = y1.fma(c0, s10);
      s11 = y1.fma(c1, s11);
      s12 = y1.fma(c2, s12);
      s13 = y1.fma(c3, s13);
      DoubleVector y2 = DoubleVector.broadcast(LANES, x[o + 2 * D + j]);
      s20 = y2.fma(c0, s20);
      s21 = y2.fma(c1, s21);
      s22 = y2.fma(c2, s22);
      s23 = y2.fma(c3, s23);
      DoubleVector y3 = DoubleVector.broadcast(LANES, x[o + 3 * D + j]);
      s30 = y3.fma(c0, s30);
      s31 = y3.fma(c1, s31);
      s32 = y3.fma(c2, s32);
      s33 = y3.fma(c3, s33);
    }
    // The selection is written out per row: a helper method taking the vectors would not be
    // inlined four times (C2's node-count cutoff) and would box them.
    {
      double low = s00.min(s01).min(s02.min(s03)).reduceLanes(VectorOperators.MIN);
      DoubleVector near = DoubleVector.broadcast(LANES, low + 1e-9);
      VectorMask<Double> m0 = s00.compare(VectorOperators.LE, near);
      VectorMask<Double> m1 = s01.compare(VectorOperators.LE, near);
      VectorMask<Double> m2 = s02.compare(VectorOperators.LE, near);
      VectorMask<Double> m3 = s03.compare(VectorOperators.LE, near);
      int count = m0.trueCount() + m1.trueCount() + m2.trueCount() + m3.trueCount();
      DoubleVector at = FAR.blend(IOTA0, m0).min(FAR.blend(IOTA1, m1))
          .min(FAR.blend(IOTA2, m2).min(FAR.blend(IOTA3, m3)));
      labels[i0 + 0] = count == 1 ? (int) at.reduceLanes(VectorOperators.MIN) : -1;
    }
    {
      double low = s10.min(s11).min(s12.min(s13)).reduceLanes(VectorOperators.MIN);
      DoubleVector near = DoubleVector.broadcast(LANES, low + 1e-9);
      VectorMask<Double> m0 = s10.compare(VectorOperators.LE, near);
      VectorMask<Double> m1 = s11.compare(VectorOperators.LE, near);
      VectorMask<Double> m2 = s12.compare(VectorOperators.LE, near);
      VectorMask<Double> m3 = s13.compare(VectorOperators.LE, near);
      int count = m0.trueCount() + m1.trueCount() + m2.trueCount() + m3.trueCount();
      DoubleVector at = FAR.blend(IOTA0, m0).min(FAR.blend(IOTA1, m1))
          .min(FAR.blend(IOTA2, m2).min(FAR.blend(IOTA3, m3)));
      labels[i0 + 1] = count == 1 ? (int) at.reduceLanes(VectorOperators.MIN) : -1;
    }
    {
      double low = s20.min(s21).min(s22.min(s23)).reduceLanes(VectorOperators.MIN);
      DoubleVector near = DoubleVector.broadcast(LANES, low + 1e-9);
      VectorMask<Double> m0 = s20.compare(VectorOperators.LE, near);
      VectorMask<Double> m1 = s21.compare(VectorOperators.LE, near);
      VectorMask<Double> m2 = s22.compare(VectorOperators.LE, near);
      VectorMask<Double> m3 = s23.compare(VectorOperators.LE, near);
      int count = m0.trueCount() + m1.trueCount() + m2.trueCount() + m3.trueCount();
      DoubleVector at = FAR.blend(IOTA0, m0).min(FAR.blend(IOTA1, m1))
          .min(FAR.blend(IOTA2, m2).min(FAR.blend(IOTA3, m3)));
      labels[i0 + 2] = count == 1 ? (int) at.reduceLanes(VectorOperators.MIN) : -1;
    }
    {
      double low = s30.min(s31).min(s32.min(s33)).reduceLanes(VectorOperators.MIN);
      DoubleVector near = DoubleVector.broadcast(LANES, low + 1e-9);
      VectorMask<Double> m0 = s30.compare(VectorOperators.LE, near);
      VectorMask<Double> m1 = s31.compare(VectorOperators.LE, near);
      VectorMask<Double> m2 = s32.compare(VectorOperators.LE, near);
      VectorMask<Double> m3 = s33.compare(VectorOperators.LE, near);
      int count = m0.trueCount() + m1.trueCount() + m2.trueCount() + m3.trueCount();
      DoubleVector at = FAR.blend(IOTA0, m0).min(FAR.blend(IOTA1, m1))
          .min(FAR.blend(IOTA2, m2).min(FAR.blend(IOTA3, m3)));
      labels[i0 + 3] = count == 1 ? (int) at.reduceLanes(VectorOperators.MIN) : -1;
    }
  }
}
