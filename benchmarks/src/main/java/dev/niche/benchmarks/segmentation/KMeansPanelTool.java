package dev.niche.benchmarks.segmentation;

import dev.niche.core.Seeds;
import dev.niche.segmentation.KMeansAlgorithm;
import dev.niche.segmentation.KMeansInit;
import dev.niche.segmentation.KMeansModel;
import dev.niche.segmentation.internal.Assigner;
import dev.niche.segmentation.internal.CentroidUpdate;
import dev.niche.segmentation.internal.ChunkPool;
import dev.niche.segmentation.internal.Dataset;
import dev.niche.segmentation.internal.ElkanAssigner;
import dev.niche.segmentation.internal.FeatureMoments;
import dev.niche.segmentation.internal.FitPlan;
import dev.niche.segmentation.internal.HamerlyAssigner;
import dev.niche.segmentation.internal.LloydAssigner;
import dev.niche.segmentation.internal.LocalSearchStart;
import dev.niche.segmentation.internal.Seeding;
import dev.niche.segmentation.internal.SpatialOrder;
import elki.data.NumberVector;
import elki.database.relation.Relation;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Command-line companion of {@link KMeansPanelBenchmark}, used by
 * {@code benchmarks/scripts/kmeans-panel.sh}.
 *
 * <ul>
 *   <li>{@code write DIR}: writes every {@link PanelShape} as raw float64 ({@code DIR/SHAPE.f64})
 *       with {@code DIR/SHAPE.shape} holding "n d k", for scikit-learn to read.
 *   <li>{@code inertia SEEDS [SHAPE...]}: final inertia of Niche, ELKI Exponion and ELKI Hamerly for
 *       seeds 1..SEEDS on each shape, one line per fit ("inertia SHAPE LIBRARY SEED VALUE") and
 *       the median per library.
 *   <li>{@code time [SHAPE...]}: one warm-up and three timed Niche fits per shape at 1 and 2
 *       threads ({@code System.nanoTime}), for quick checks during development.
 *   <li>{@code profile [SHAPE...]}: where a one-thread fit's time goes (thread CPU time of the
 *       checks and the features' moments, the default local-search start, and the whole fit; the
 *       iterations are the rest), four repetitions per shape, seed 42.
 *   <li>{@code start [SHAPE...]}: the default local-search start alone (seed 42, one thread):
 *       thread CPU time of eight repetitions, their minimum and median, and a hash of the
 *       centres, to compare two builds' starts for speed and identity.
 *   <li>{@code fit [SHAPE...]}: whole fits (the benchmark's settings) at seeds 1, 3, 5 and 42 with
 *       1 and 2 threads: a hash per fit of the inertia's bits, the centroids, the labels, the
 *       inertia history and the iteration count, to compare two builds' models for identity.
 *   <li>{@code cpu REPS [SHAPE...]}: thread CPU time of whole one-thread fits (the benchmark's
 *       settings, seed 42) after three warm-ups, REPS timed fits per shape, their minimum and
 *       median: the figure to compare two builds by on a loaded machine.
 *   <li>{@code iterations [SHAPE...]}: a one-thread fit's iterations taken apart (the plan's
 *       assigner, or the one {@code -Dniche.algorithm} requests, on the rows in the fit's order,
 *       greedy k-means++ start, 20 iterations, inertia carried as a fit carries it): thread CPU
 *       time of the M-steps and of the E-steps per iteration, three repetitions per shape. With {@code -Dniche.algorithm=LLOYD},
 *       the Lloyd iteration as a fit runs it (incremental M-step), to set against the floor.
 *   <li>{@code steps [SHAPE...]}: the iterations a default fit makes from its local-search start,
 *       taken apart ({@link FitSteps}).
 *   <li>{@code peak}: the processor's multiply-add peak as Java reaches it ({@link FmaPeak}, needs
 *       {@code --add-modules jdk.incubator.vector}), in G multiply-adds per second of thread CPU
 *       time, median of seven. Run it in a JVM of its own: after the E-step's 256-bit kernel has
 *       run, C2 compiles the 512-bit probe with its vectors boxed (1.7 against 45-52 G/s).
 *   <li>{@code selection}: what picking each row's label costs a 512-bit E-step on this JDK
 *       ({@link SelectionProbe}; needs {@code --add-modules jdk.incubator.vector}).
 *   <li>{@code floor [SHAPE...]}: one Lloyd iteration (E-step with every row against every
 *       centre, fresh M-step; one thread) against the shape's floor, the larger of (a) streaming
 *       the n d values once (eight running sums) and (b) n k d multiply-adds at the peak that
 *       {@code peak} printed, passed as {@code -D}{@value LloydFloor#PEAK_PROPERTY} (G/s); see
 *       {@link LloydFloor}. Thread CPU time, median of seven.
 * </ul>
 */
public final class KMeansPanelTool {

  private KMeansPanelTool() {}

  /**
   * Entry point.
   *
   * @param args see the class comment
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    switch (args[0]) {
      case "write":
        write(Path.of(args[1]));
        break;
      case "inertia":
        inertia(Integer.parseInt(args[1]), shapes(args, 2));
        break;
      case "time":
        time(shapes(args, 1));
        break;
      case "profile":
        profile(shapes(args, 1));
        break;
      case "start":
        start(shapes(args, 1));
        break;
      case "fit":
        fit(shapes(args, 1));
        break;
      case "cpu":
        cpu(Integer.parseInt(args[1]), shapes(args, 2));
        break;
      case "iterations":
        iterations(shapes(args, 1));
        break;
      case "steps":
        FitSteps.print(shapes(args, 1));
        break;
      case "peak":
        LloydFloor.printPeak();
        break;
      case "selection":
        SelectionProbe.print();
        break;
      case "floor":
        LloydFloor.print(shapes(args, 1));
        break;
      default:
        throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  private static PanelShape[] shapes(String[] args, int from) {
    if (args.length <= from) {
      return PanelShape.values();
    }
    return Arrays.stream(args, from, args.length).map(PanelShape::valueOf)
        .toArray(PanelShape[]::new);
  }

  /**
   * The fit's greedy k-means++ start at the benchmark's seed: {@code 2 + floor(ln k)} candidates
   * per centre, as scikit-learn and the fit use.
   */
  private static double[] greedyStart(Seeding seeding, PanelShape s) {
    return seeding.greedy(s.k, 2 + (int) Math.floor(Math.log(s.k)),
        new SplittableRandom(Seeds.derive(KMeansPanelBenchmark.SEED, 0)));
  }

  private static void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (PanelShape s : PanelShape.values()) {
      PanelShape.write(s.generate(), dir.resolve(s.name() + ".f64"));
      Files.writeString(dir.resolve(s.name() + ".shape"), s.n + " " + s.d + " " + s.k + "\n");
    }
  }

  private static void inertia(int seeds, PanelShape[] shapes) {
    for (PanelShape s : shapes) {
      double[] flat = s.generate();
      Relation<NumberVector> relation = KMeansPanelBenchmark.elkiRelation(flat, s.d);
      double[][] values = new double[3][seeds];
      String[] names = {"niche", "elki-exponion", "elki-hamerly"};
      for (int seed = 1; seed <= seeds; seed++) {
        values[0][seed - 1] = KMeansPanelBenchmark.niche(s, flat, seed, 2).inertia();
        values[1][seed - 1] = KMeansPanelBenchmark.elki(s, relation, seed, true);
        values[2][seed - 1] = KMeansPanelBenchmark.elki(s, relation, seed, false);
        for (int l = 0; l < 3; l++) {
          System.out.printf(Locale.ROOT, "inertia %s %s %d %.8e%n", s, names[l], seed,
              values[l][seed - 1]);
        }
      }
      for (int l = 0; l < 3; l++) {
        double[] v = values[l].clone();
        Arrays.sort(v);
        System.out.printf(Locale.ROOT, "median %s %s %.8e%n", s, names[l], v[seeds / 2]);
      }
    }
  }

  private static void time(PanelShape[] shapes) {
    for (PanelShape s : shapes) {
      double[] flat = s.generate();
      for (int threads = 1; threads <= 2; threads++) {
        KMeansPanelBenchmark.niche(s, flat, KMeansPanelBenchmark.SEED, threads);
        double[] t = new double[3];
        double inertia = 0;
        int iterations = 0;
        for (int r = 0; r < 3; r++) {
          long t0 = System.nanoTime();
          var m = KMeansPanelBenchmark.niche(s, flat, KMeansPanelBenchmark.SEED, threads);
          t[r] = (System.nanoTime() - t0) / 1e9;
          inertia = m.inertia();
          iterations = m.iterations();
        }
        Arrays.sort(t);
        System.out.printf(Locale.ROOT, "time %s threads %d median %.3f s (%.3f %.3f %.3f) "
            + "inertia %.6e iterations %d%n", s, threads, t[1], t[0], t[1], t[2], inertia,
            iterations);
      }
    }
  }

  private static void profile(PanelShape[] shapes) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    for (PanelShape s : shapes) {
      double[] flat = s.generate();
      for (int r = 0; r < 4; r++) {
        try (ChunkPool pool = new ChunkPool(1)) {
          long t0 = bean.getCurrentThreadCpuTime();
          // The default fit keeps the caller's order and reads the rows in place.
          Dataset data = new Dataset(flat, s.n, s.d, null);
          double variance = FeatureMoments.meanFeatureVariance(data, pool);
          long t1 = bean.getCurrentThreadCpuTime();
          defaultStart(data, s, variance, pool);
          long t2 = bean.getCurrentThreadCpuTime();
          KMeansModel m = KMeansPanelBenchmark.niche(s, flat, KMeansPanelBenchmark.SEED, 1);
          long t3 = bean.getCurrentThreadCpuTime();
          double moments = (t1 - t0) / 1e9;
          double start = (t2 - t1) / 1e9;
          double fit = (t3 - t2) / 1e9;
          System.out.printf(Locale.ROOT, "profile %s fit %.3f s: checks+moments %.3f, start %.3f, "
              + "iterations %.3f (%d, %s)%n", s, fit, moments, start, fit - moments - start,
              m.iterations(), m.algorithm());
        }
      }
    }
  }

  /** The fit's default start (local search on a coreset) at the benchmark's seed. */
  private static double[] defaultStart(Dataset data, PanelShape s, double variance,
      ChunkPool pool) {
    KMeansAlgorithm auto =
        FitPlan.of(s.n, s.d, s.k, KMeansInit.LOCAL_SEARCH, KMeansAlgorithm.AUTO).algorithm();
    return LocalSearchStart.centres(data, s.k, auto, 1e-4 * variance,
        new SplittableRandom(Seeds.derive(KMeansPanelBenchmark.SEED, 0)), pool);
  }

  private static void start(PanelShape[] shapes) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    for (PanelShape s : shapes) {
      double[] flat = s.generate();
      try (ChunkPool pool = new ChunkPool(1)) {
        Dataset data = new Dataset(flat, s.n, s.d, null);
        double variance = FeatureMoments.meanFeatureVariance(data, pool);
        double[] t = new double[8];
        int hash = 0;
        for (int r = 0; r < t.length; r++) {
          long t0 = bean.getCurrentThreadCpuTime();
          double[] centres = defaultStart(data, s, variance, pool);
          t[r] = (bean.getCurrentThreadCpuTime() - t0) / 1e9;
          hash = Arrays.hashCode(centres);
        }
        double[] sorted = t.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "start %s min %.3f s, median %.3f s, all %s, hash %08x%n",
            s, sorted[0], sorted[t.length / 2], Arrays.toString(t), hash);
      }
    }
  }

  private static void fit(PanelShape[] shapes) {
    for (PanelShape s : shapes) {
      double[] flat = s.generate();
      for (long seed : new long[] {1, 3, 5, 42}) {
        for (int threads = 1; threads <= 2; threads++) {
          KMeansModel m = KMeansPanelBenchmark.niche(s, flat, seed, threads);
          int hash = Arrays.deepHashCode(m.centroids());
          hash = 31 * hash + Arrays.hashCode(m.labels());
          int model = 31 * hash + m.iterations();
          hash = 31 * hash + Arrays.hashCode(m.inertiaHistory());
          hash = 31 * hash + Long.hashCode(Double.doubleToRawLongBits(m.inertia()));
          hash = 31 * hash + m.iterations();
          System.out.printf(Locale.ROOT, "fit %s seed %d threads %d inertia %a iterations %d "
              + "hash %08x centres and labels %08x%n", s, seed, threads, m.inertia(),
              m.iterations(), hash, model);
        }
      }
    }
  }

  private static void cpu(int reps, PanelShape[] shapes) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    for (PanelShape s : shapes) {
      double[] flat = s.generate();
      for (int r = 0; r < 3; r++) {
        KMeansPanelBenchmark.niche(s, flat, KMeansPanelBenchmark.SEED, 1);
      }
      double[] t = new double[reps];
      for (int r = 0; r < reps; r++) {
        long t0 = bean.getCurrentThreadCpuTime();
        KMeansPanelBenchmark.niche(s, flat, KMeansPanelBenchmark.SEED, 1);
        t[r] = (bean.getCurrentThreadCpuTime() - t0) / 1e9;
      }
      double[] sorted = t.clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "cpu %s min %.3f s, median %.3f s, all %s%n", s, sorted[0],
          sorted[reps / 2], Arrays.toString(t));
    }
  }

  /**
   * The rows as a fit works on them: a copy in spatial order when the fit takes one (k at least
   * {@link SpatialOrder#MIN_CLUSTERS}), else a copy in the caller's order.
   */
  private static Dataset fitData(PanelShape s, double[] flat, ChunkPool pool) {
    if (s.k >= SpatialOrder.MIN_CLUSTERS) {
      SpatialOrder order = SpatialOrder.of(new Dataset(flat, s.n, s.d, null), s.k, pool);
      return new Dataset(order.copy(flat, s.d, pool), s.n, s.d, null, true);
    }
    return new Dataset(flat.clone(), s.n, s.d, null);
  }

  /** The assigner a fit runs for a concrete algorithm, moving its relabelled rows in update. */
  static Assigner assigner(KMeansAlgorithm algorithm, Dataset data, int k, CentroidUpdate update) {
    Assigner assigner = algorithm == KMeansAlgorithm.LLOYD
        ? LloydAssigner.forIterations(data, k)
        : algorithm == KMeansAlgorithm.ELKAN ? new ElkanAssigner(data, k)
        : new HamerlyAssigner(data, k);
    assigner.moveRowsIn(update);
    return assigner;
  }

  private static void iterations(PanelShape[] shapes) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    for (PanelShape s : shapes) {
      Dataset data;
      try (ChunkPool pool = new ChunkPool(1)) {
        data = fitData(s, s.generate(), pool);
      }
      KMeansAlgorithm requested =
          KMeansAlgorithm.valueOf(System.getProperty("niche.algorithm", "AUTO"));
      KMeansAlgorithm algorithm =
          FitPlan.of(s.n, s.d, s.k, KMeansInit.GREEDY_KMEANS_PLUS_PLUS, requested).algorithm();
      for (int r = 0; r < 3; r++) {
        try (ChunkPool pool = new ChunkPool(1)) {
          Seeding seeding = Seeding.of(data, pool);
          double[] centres = greedyStart(seeding, s);
          int[] labels = seeding.labels();
          CentroidUpdate update = new CentroidUpdate(data, s.k);
          Assigner assigner = assigner(algorithm, data, s.k, update);
          assigner.start(centres, labels, seeding.minD2(), pool);
          long mstep = 0;
          long estep = 0;
          for (int it = 0; it < KMeansPanelBenchmark.MAX_ITERATIONS; it++) {
            long t0 = bean.getCurrentThreadCpuTime();
            CentroidUpdate.Result next = update.update(labels, centres, pool, assigner.inertia());
            // As KMeansRun: Hamerly then carries the inertia instead of reading every row.
            assigner.carryInertia(next.inertia, next.lowering);
            long t1 = bean.getCurrentThreadCpuTime();
            assigner.assign(centres, next.centres, labels, next.relocated, pool);
            long t2 = bean.getCurrentThreadCpuTime();
            centres = next.centres;
            mstep += t1 - t0;
            estep += t2 - t1;
          }
          double its = KMeansPanelBenchmark.MAX_ITERATIONS;
          System.out.printf(Locale.ROOT, "iterations %s %s: M-step %.1f ms, E-step %.1f ms per "
              + "iteration%n", s, algorithm, mstep / its / 1e6, estep / its / 1e6);
        }
      }
    }
  }
}
