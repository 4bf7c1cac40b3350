package dev.niche.benchmarks.segmentation;

import dev.niche.segmentation.KMeans;
import dev.niche.segmentation.KMeansAlgorithm;
import dev.niche.segmentation.KMeansModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times whole one-thread fits (thread CPU time, seed 42, at most 20 iterations) with ELKAN and
 * HAMERLY, alternating, on wide blob shapes beyond the panel's, and checks that both give the same
 * inertia bits: the evidence for AUTO's choice of HAMERLY at every dimension (see
 * {@code FitPlan}). Run: {@code java -Xms2g -Xmx8g -XX:+AlwaysPreTouch -cp
 * benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * dev.niche.benchmarks.segmentation.AssignerChoiceTool [REPS]}.
 */
public final class AssignerChoiceTool {

  /** Shapes: n, d, k, half-width of the centres' cube (blob sigma uniform in [1, 2]). */
  private static final int[][] SHAPES = {
    {200_000, 64, 50, 10}, {200_000, 64, 50, 3}, {100_000, 128, 50, 3},
    {200_000, 100, 20, 5}, {50_000, 64, 200, 3}, {100_000, 50, 100, 10}
  };

  private AssignerChoiceTool() {}

  /**
   * Entry point.
   *
   * @param args optional repetitions per algorithm (default 3)
   */
  public static void main(String[] args) {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    KMeansAlgorithm[] algorithms = {KMeansAlgorithm.ELKAN, KMeansAlgorithm.HAMERLY};
    for (int[] s : SHAPES) {
      double[] x = PanelShape.blobs(new SplittableRandom(11), s[0], s[1], s[2],
          new double[] {s[3], 1, 2}, false);
      double[][] seconds = new double[2][reps];
      long[] inertiaBits = new long[2];
      for (int rep = -1; rep < reps; rep++) {
        for (int a = 0; a < 2; a++) {
          KMeans kMeans = KMeans.builder().k(s[2]).seed(42).maxIterations(20).threads(1)
              .algorithm(algorithms[a]).build();
          long t0 = bean.getCurrentThreadCpuTime();
          KMeansModel model = kMeans.fit(x, s[1]);
          long t1 = bean.getCurrentThreadCpuTime();
          inertiaBits[a] = Double.doubleToLongBits(model.inertia());
          if (rep >= 0) {
            seconds[a][rep] = (t1 - t0) / 1e9;
          }
        }
      }
      Arrays.sort(seconds[0]);
      Arrays.sort(seconds[1]);
      System.out.printf(Locale.ROOT, "n=%d d=%d k=%d h=%d: ELKAN min %.3f median %.3f s, "
              + "HAMERLY min %.3f median %.3f s, same inertia bits: %b%n", s[0], s[1], s[2], s[3],
          seconds[0][0], seconds[0][reps / 2], seconds[1][0], seconds[1][reps / 2],
          inertiaBits[0] == inertiaBits[1]);
    }
  }
}
