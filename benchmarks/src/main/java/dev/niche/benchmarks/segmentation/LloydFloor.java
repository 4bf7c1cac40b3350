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
 * sums) and (b) n k d multiply-adds at the best SIMD rate measured in Java (a 4-centre by
 * 2-coordinate tile on L1-resident columns, the shape of the E-step kernel without its
 * selection); thread CPU time, median of seven.
 */
final class LloydFloor {

  private LloydFloor() {}

  /**
   * Measures and prints one line per shape.
   *
   * @param shapes the shapes to measure
   */
  static void print(PanelShape[] shapes) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    for (PanelShape s : shapes) {
      double[] x = s.generate();
      Dataset data = new Dataset(x, s.n, s.d, null);
      double[] centres = new double[s.k * s.d];
      SplittableRandom r = new SplittableRandom(7);
      for (int m = 0; m < s.k; m++) {
        System.arraycopy(x, r.nextInt(s.n) * s.d, centres, m * s.d, s.d);
      }
      int[] labels = new int[s.n];
      double[] stream = new double[7];
      double[] fma = new double[7];
      double[] lloyd = new double[7];
      double[] estep = new double[7];
      double sink = 0;
      try (ChunkPool pool = new ChunkPool(1)) {
        // The E-step a fit runs (the Vector API kernel when the JVM resolves it).
        LloydAssigner assigner = LloydAssigner.forIterations(data, s.k);
        for (int rep = -2; rep < 7; rep++) {
          long t0 = bean.getCurrentThreadCpuTime();
          sink += streamOnce(x);
          long t1 = bean.getCurrentThreadCpuTime();
          sink += tileFmas((long) s.n * s.k * s.d);
          long t2 = bean.getCurrentThreadCpuTime();
          assigner.assign(centres, centres, labels, new int[0], pool);
          long te = bean.getCurrentThreadCpuTime();
          sink += new CentroidUpdate(data, s.k).update(labels, centres, pool, assigner.inertia())
              .centres[0];
          long t3 = bean.getCurrentThreadCpuTime();
          if (rep >= 0) {
            stream[rep] = (t1 - t0) / 1e6;
            fma[rep] = (t2 - t1) / 1e6;
            lloyd[rep] = (t3 - t2) / 1e6;
            estep[rep] = (te - t2) / 1e6;
          }
        }
      }
      Arrays.sort(stream);
      Arrays.sort(fma);
      Arrays.sort(lloyd);
      Arrays.sort(estep);
      double floor = Math.max(stream[3], fma[3]);
      System.out.printf(Locale.ROOT, "floor %s stream %.1f ms, fma %.1f ms, floor %.1f ms, "
          + "lloyd %.1f ms, ratio %.2f (E-step %.1f ms) (%s)%n", s, stream[3], fma[3], floor,
          lloyd[3], lloyd[3] / floor, estep[3], sink == 42 ? "" : "-");
    }
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
