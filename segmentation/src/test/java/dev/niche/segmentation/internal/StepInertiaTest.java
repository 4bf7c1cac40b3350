package dev.niche.segmentation.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The inertias the E-steps and the start hand to the M-step's history are, to the bit, the direct
 * sum {@link Inertia#of} over the labels and centres they stand for, with and without weights, in
 * the caller's order and in spatial order; and the bounded E-steps' labels are Lloyd's.
 */
class StepInertiaTest {

  @Test
  void stepInertiasAreTheDirectSums() {
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(1, 20), integers().between(2, 24))
        .checkAssert((seed, d, k) -> {
          SplittableRandom r = new SplittableRandom(seed);
          int n = 2000 + r.nextInt(9000);
          int blobs = 1 + r.nextInt(2 * k);
          double[] mu = new double[blobs * d];
          for (int t = 0; t < mu.length; t++) {
            mu[t] = r.nextDouble(-4, 4);
          }
          boolean grouped = r.nextBoolean();
          double[] x = new double[n * d];
          for (int i = 0; i < n; i++) {
            int b = grouped ? (int) ((long) i * blobs / n) : r.nextInt(blobs);
            for (int j = 0; j < d; j++) {
              x[i * d + j] = mu[b * d + j] + r.nextGaussian() * (0.5 + b % 3);
            }
          }
          double[] w = null;
          if (r.nextBoolean()) {
            w = new double[n];
            for (int i = 0; i < n; i++) {
              w[i] = r.nextInt(5) == 0 ? 0 : r.nextDouble(0.1, 3);
            }
          }
          Dataset data = new Dataset(x, n, d, w, grouped);
          try (ChunkPool pool = new ChunkPool(2)) {
            Seeding seeding = Seeding.of(data, pool);
            double[] start = seeding.greedy(k, 3, new SplittableRandom(seed));
            int[] lloydLabels = seeding.labels().clone();
            Assigner lloyd = new LloydAssigner(data, k);
            Assigner[] bounded = {new HamerlyAssigner(data, k), new ElkanAssigner(data, k)};
            int[][] labels = {seeding.labels().clone(), seeding.labels().clone()};
            double expected = Inertia.of(data, start, lloydLabels, pool);
            lloyd.start(start, lloydLabels, seeding.minD2(), pool);
            assertEquals(expected, lloyd.inertia(), 0.0, "start, lloyd");
            for (int a = 0; a < 2; a++) {
              bounded[a].start(start, labels[a], seeding.minD2(), pool);
              assertEquals(expected, bounded[a].inertia(), 0.0, "start, " + a);
            }
            double[] centres = start;
            CentroidUpdate update = new CentroidUpdate(data, k);
            for (int it = 0; it < 6; it++) {
              CentroidUpdate.Result step = update.update(lloydLabels, centres, pool, Double.NaN);
              lloyd.assign(centres, step.centres, lloydLabels, step.relocated, pool);
              expected = Inertia.of(data, step.centres, lloydLabels, pool);
              assertEquals(expected, lloyd.inertia(), 0.0, "lloyd, iteration " + it);
              for (int a = 0; a < 2; a++) {
                for (int p : step.relocated) {
                  labels[a][p] = lloydLabels[p];
                }
                bounded[a].assign(centres, step.centres, labels[a], step.relocated, pool);
                assertArrayEquals(lloydLabels, labels[a], "labels " + a + ", iteration " + it);
                assertEquals(expected, bounded[a].inertia(), 0.0, a + ", iteration " + it);
              }
              centres = step.centres;
            }
          }
        });
  }
}
