package dev.niche.benchmarks.segmentation;

import dev.niche.core.Seeds;
import dev.niche.segmentation.KMeansAlgorithm;
import dev.niche.segmentation.KMeansInit;
import dev.niche.segmentation.internal.Assigner;
import dev.niche.segmentation.internal.CentroidUpdate;
import dev.niche.segmentation.internal.ChunkPool;
import dev.niche.segmentation.internal.Dataset;
import dev.niche.segmentation.internal.FeatureMoments;
import dev.niche.segmentation.internal.FitPlan;
import dev.niche.segmentation.internal.LocalSearchStart;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code KMeansPanelTool steps [SHAPE...]}: the iterations a default one-thread fit makes, taken
 * apart. From the default (local-search) start at the benchmark's seed, on the rows in the
 * caller's order, with the plan's assigner (or the one {@code -Dniche.algorithm} requests): the
 * thread CPU time of the first assignment (every row against every centre, which a start without
 * distances needs), then of the M-steps and E-steps per iteration, until the fit's stopping rule
 * (total squared shift at most 1e-4 of the mean feature variance, or an E-step that changes no
 * label) or 20 iterations; three repetitions per shape. Each iteration is one exact Lloyd
 * iteration, computed as the fit computes it: the figure to set against the floor of a Lloyd
 * iteration for the iterations a default fit runs.
 */
final class FitSteps {

  private FitSteps() {}

  static void print(PanelShape[] shapes) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    KMeansAlgorithm requested =
        KMeansAlgorithm.valueOf(System.getProperty("niche.algorithm", "AUTO"));
    for (PanelShape s : shapes) {
      double[] flat = s.generate();
      Dataset data = new Dataset(flat, s.n, s.d, null);
      KMeansAlgorithm algorithm =
          FitPlan.of(s.n, s.d, s.k, KMeansInit.LOCAL_SEARCH, requested).algorithm();
      KMeansAlgorithm auto =
          FitPlan.of(s.n, s.d, s.k, KMeansInit.LOCAL_SEARCH, KMeansAlgorithm.AUTO).algorithm();
      for (int r = 0; r < 3; r++) {
        try (ChunkPool pool = new ChunkPool(1)) {
          double tolerance = 1e-4 * FeatureMoments.meanFeatureVariance(data, pool);
          double[] centres = LocalSearchStart.centres(data, s.k, auto, tolerance,
              new SplittableRandom(Seeds.derive(KMeansPanelBenchmark.SEED, 0)), pool);
          int[] labels = new int[s.n];
          CentroidUpdate update = new CentroidUpdate(data, s.k);
          Assigner assigner = KMeansPanelTool.assigner(algorithm, data, s.k, update);
          long t0 = bean.getCurrentThreadCpuTime();
          assigner.start(centres, labels, null, pool);
          long first = bean.getCurrentThreadCpuTime() - t0;
          long mstep = 0;
          long estep = 0;
          int its = 0;
          while (its < KMeansPanelBenchmark.MAX_ITERATIONS) {
            long t1 = bean.getCurrentThreadCpuTime();
            CentroidUpdate.Result next = update.update(labels, centres, pool, assigner.inertia());
            assigner.carryInertia(next.inertia, next.lowering);
            long t2 = bean.getCurrentThreadCpuTime();
            long changed = assigner.assign(centres, next.centres, labels, next.relocated, pool);
            long t3 = bean.getCurrentThreadCpuTime();
            centres = next.centres;
            mstep += t2 - t1;
            estep += t3 - t2;
            its++;
            if (next.shift <= tolerance || (changed == 0 && next.relocated.length == 0)) {
              break;
            }
          }
          System.out.printf(Locale.ROOT, "steps %s %s: first assignment %.1f ms, %d iterations, "
              + "M-step %.1f ms, E-step %.1f ms, iteration %.1f ms%n", s, algorithm, first / 1e6,
              its, mstep / 1e6 / its, estep / 1e6 / its, (mstep + estep) / 1e6 / its);
        }
      }
    }
  }
}
