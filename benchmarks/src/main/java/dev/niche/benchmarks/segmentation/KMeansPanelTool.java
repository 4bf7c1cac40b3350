package dev.niche.benchmarks.segmentation;

import dev.niche.core.Seeds;
import dev.niche.segmentation.KMeansModel;
import dev.niche.segmentation.internal.ChunkPool;
import dev.niche.segmentation.internal.Dataset;
import dev.niche.segmentation.internal.FeatureMoments;
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
 *       spatial order with the ordered copy, the start, and the whole fit; the iterations are
 *       the rest), three repetitions per shape, seed 42.
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
          Dataset data;
          if (s.k >= SpatialOrder.MIN_CLUSTERS) {
            SpatialOrder order = SpatialOrder.of(new Dataset(flat, s.n, s.d, null), s.k, pool);
            data = new Dataset(order.copy(flat, s.d, pool), s.n, s.d, null, true);
          } else {
            data = new Dataset(flat.clone(), s.n, s.d, null);
            FeatureMoments.meanFeatureVariance(data, pool);
          }
          long t1 = bean.getCurrentThreadCpuTime();
          Seeding.of(data, pool).greedy(s.k, 2 + (int) Math.floor(Math.log(s.k)),
              new SplittableRandom(Seeds.derive(KMeansPanelBenchmark.SEED, 0)));
          long t2 = bean.getCurrentThreadCpuTime();
          KMeansModel m = KMeansPanelBenchmark.niche(s, flat, KMeansPanelBenchmark.SEED, 1);
          long t3 = bean.getCurrentThreadCpuTime();
          double order = (t1 - t0) / 1e9;
          double start = (t2 - t1) / 1e9;
          double fit = (t3 - t2) / 1e9;
          System.out.printf(Locale.ROOT, "profile %s fit %.3f s: order+copy %.3f, start %.3f, "
              + "iterations %.3f (%d, %s)%n", s, fit, order, start, fit - order - start,
              m.iterations(), m.algorithm());
        }
      }
    }
  }
}
