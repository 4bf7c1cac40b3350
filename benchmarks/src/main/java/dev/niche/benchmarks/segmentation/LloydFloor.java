package dev.niche.benchmarks.segmentation;

import dev.niche.segmentation.internal.CentroidUpdate;
import dev.niche.segmentation.internal.ChunkPool;
import dev.niche.segmentation.internal.Dataset;
import dev.niche.segmentation.internal.LloydAssigner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The floor of one Lloyd iteration per {@link PanelShape}, printed by
 * {@code KMeansPanelTool floor}: one Lloyd iteration (E-step with every row against every centre,
 * fresh M-step; one thread) against the larger of (a) streaming the n d values once (eight running
 * sums) and (b) n k d multiply-adds at the processor's peak as Java reaches it ({@link FmaPeak}:
 * the Vector API's widest vectors, register-resident chains), measured by {@link #printPeak} in a
 * JVM of its own and passed as {@value #PEAK_PROPERTY}; without it the line says so and (b)
 * falls back to the tile rate. It also prints, as "tile", the same multiply-adds at the rate of
 * the E-step kernel's shape (a 4-centre by 2-coordinate tile on L1-resident columns, C2's
 * auto-vectorised loops, no selection): the floor used before 2026-12-02 07:00 UTC, about three
 * times the peak's time on the panel machine. Thread CPU time, median of seven.
 */
final class LloydFloor {

  /**
   * System property giving the multiply-add peak in G per second, as {@code KMeansPanelTool
   * peak} prints it in a JVM of its own; without it the FMA term falls back to the tile rate.
   */
  static final String PEAK_PROPERTY = "niche.panel.fmaPeak";

  private LloydFloor() {}

  /**
   * Measures and prints one line per shape.
   *
   * @param shapes the shapes to measure
   */
  static void print(PanelShape[] shapes) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    double[][] medians = new double[shapes.length][];
    double sink = 0;
    for (int i = 0; i < shapes.length; i++) {
      PanelShape s = shapes[i];
      double[] x = s.generate();
      Dataset data = new Dataset(x, s.n, s.d, null);
      double[] centres = new double[s.k * s.d];
      SplittableRandom r = new SplittableRandom(7);
      for (int m = 0; m < s.k; m++) {
        System.arraycopy(x, r.nextInt(s.n) * s.d, centres, m * s.d, s.d);
      }
      int[] labels = new int[s.n];
      double[] stream = new double[7];
      double[] tile = new double[7];
      double[] lloyd = new double[7];
      double[] estep = new double[7];
      try (ChunkPool pool = new ChunkPool(1)) {
        // The E-step a fit runs (the Vector API kernel when the JVM resolves it).
        LloydAssigner assigner = LloydAssigner.forIterations(data, s.k);
        for (int rep = -2; rep < 7; rep++) {
          long t0 = bean.getCurrentThreadCpuTime();
          sink += streamOnce(x);
          long t1 = bean.getCurrentThreadCpuTime();
          sink += tileFmas(multiplyAdds(s));
          long t2 = bean.getCurrentThreadCpuTime();
          assigner.assign(centres, centres, labels, new int[0], pool);
          long te = bean.getCurrentThreadCpuTime();
          sink += new CentroidUpdate(data, s.k).update(labels, centres, pool, assigner.inertia())
              .centres[0];
          long t3 = bean.getCurrentThreadCpuTime();
          if (rep >= 0) {
            stream[rep] = (t1 - t0) / 1e6;
            tile[rep] = (t2 - t1) / 1e6;
            lloyd[rep] = (t3 - t2) / 1e6;
            estep[rep] = (te - t2) / 1e6;
          }
        }
      }
      medians[i] = new double[] {median(stream), median(tile), median(lloyd), median(estep)};
    }
    String given = System.getProperty(PEAK_PROPERTY);
    double peakRate = given == null ? Double.NaN : Double.parseDouble(given);
    boolean peak = peakRate > 0;
    for (int i = 0; i < shapes.length; i++) {
      double[] m = medians[i];
      double fma = peak ? multiplyAdds(shapes[i]) / peakRate / 1e6 : m[1];
      double floor = Math.max(m[0], fma);
      System.out.printf(Locale.ROOT, "floor %s stream %.1f ms, fma %.1f ms, tile %.1f ms, "
          + "floor %.1f ms, lloyd %.1f ms, ratio %.2f (E-step %.1f ms; multiply-adds %s) (%s)%n",
          shapes[i], m[0], fma, m[1], floor, m[2], m[2] / floor, m[3],
          peak ? String.format(Locale.ROOT, "at the peak, %.1f G/s", peakRate)
              : "at the tile rate, no peak given", sink == 42 ? "" : "-");
    }
  }

  /**
   * Measures and prints the multiply-add peak ({@link FmaPeak}), in G multiply-adds per second
   * of thread CPU time, median of seven after two warm-ups; prints why not when the JVM does not
   * resolve the Vector API.
   */
  static void printPeak() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      System.out.println("peak unknown: run with --add-modules jdk.incubator.vector");
      return;
    }
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    long count = 1L << 29;
    double[] rate = new double[7];
    double sink = 0;
    for (int rep = -2; rep < 7; rep++) {
      long t0 = bean.getCurrentThreadCpuTime();
      sink += FmaPeak.run(count);
      long t1 = bean.getCurrentThreadCpuTime();
      if (rep >= 0) {
        rate[rep] = count / (double) (t1 - t0);
      }
    }
    System.out.printf(Locale.ROOT,
        "peak %.1f G multiply-adds/s (%d-bit vectors, one thread) (%s)%n", median(rate), FmaPeak.bits(), sink == 42 ? "" : "-");
  }

  private static long multiplyAdds(PanelShape s) {
    return (long) s.n * s.k * s.d;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }

  /** Reads every value once, eight independent sums. */
  private static double streamOnce(double[] x) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    int i = 0;
    for (; i + 7 < x.length; i += 8) {
      s0 += x[i];
      s1 += x[i + 1];
      s2 += x[i + 2];
      s3 += x[i + 3];
      s4 += x[i + 4];
      s5 += x[i + 5];
      s6 += x[i + 6];
      s7 += x[i + 7];
    }
    for (; i < x.length; i++) {
      s0 += x[i];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /** About {@code count} multiply-adds in the E-step kernel's 4 x 2 tile, on L1-resident data. */
  private static double tileFmas(long count) {
    int rows = 128;
    double[] c0 = new double[rows];
    double[] c1 = new double[rows];
    double[] o0 = new double[rows];
    double[] o1 = new double[rows];
    double[] o2 = new double[rows];
    double[] o3 = new double[rows];
    for (int q = 0; q < rows; q++) {
      c0[q] = q * 1e-3;
      c1[q] = 1 - q * 1e-3;
    }
    long tiles = count / (8L * rows);
    double a = 0.999;
    for (long t = 0; t < tiles; t++) {
      for (int q = 0; q < rows; q++) {
        double v0 = c0[q];
        double v1 = c1[q];
        o0[q] = Math.fma(v1, a, Math.fma(v0, a, o0[q]));
        o1[q] = Math.fma(v1, -a, Math.fma(v0, a, o1[q]));
        o2[q] = Math.fma(v1, a, Math.fma(v0, -a, o2[q]));
        o3[q] = Math.fma(v1, -a, Math.fma(v0, -a, o3[q]));
      }
    }
    return o0[5] + o1[6] + o2[7] + o3[8];
  }
}
