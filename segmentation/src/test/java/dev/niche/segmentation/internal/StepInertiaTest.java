package dev.niche.segmentation.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The inertias the E-steps and the start hand to the M-step's history are, to the bit, the direct
 * sum {@link Inertia#of} over the labels and centres they stand for, with and without weights, in
 * the caller's order and in spatial order; and the bounded E-steps' labels are Lloyd's. Carried
 * forward ({@link Assigner#carryInertia}), Hamerly's inertia is the direct sum up to rounding
 * and the same bits for any number of threads.
 */
class StepInertiaTest {

  @Test
  void stepInertiasAreTheDirectSums() {
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(1, 20), integers().between(2, 24))
        .checkAssert((seed, d, k) -> {
          Dataset data = data(new SplittableRandom(seed), d, k);
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

  @Test
  void carriedInertiaIsTheDirectSumUpToRoundingAndTheSameForAnyThreadCount() {
    qt().withExamples(20)
        .forAll(longs().all(), integers().between(1, 20), integers().between(2, 24))
        .checkAssert((seed, d, k) -> {
          Dataset data = data(new SplittableRandom(seed), d, k);
          try (ChunkPool pool = new ChunkPool(2); ChunkPool serial = new ChunkPool(1)) {
            Seeding seeding = Seeding.of(data, pool);
            double[] start = seeding.greedy(k, 3, new SplittableRandom(seed));
            int[] labels = seeding.labels().clone();
            int[] serialLabels = seeding.labels().clone();
            HamerlyAssigner hamerly = new HamerlyAssigner(data, k);
            HamerlyAssigner one = new HamerlyAssigner(data, k);
            hamerly.start(start, labels, seeding.minD2(), pool);
            one.start(start, serialLabels, seeding.minD2(), serial);
            double[] centres = start;
            CentroidUpdate update = new CentroidUpdate(data, k);
            double known = hamerly.inertia();
            for (int it = 0; it < 8; it++) {
              CentroidUpdate.Result step = update.update(labels, centres, pool, known);
              double lowering = step.lowering;
              for (int p : step.relocated) {
                serialLabels[p] = labels[p];
              }
              hamerly.carryInertia(step.inertia, lowering);
              one.carryInertia(step.inertia, lowering);
              hamerly.assign(centres, step.centres, labels, step.relocated, pool);
              one.assign(centres, step.centres, serialLabels, step.relocated, serial);
              double direct = Inertia.of(data, step.centres, labels, pool);
              assertEquals(direct, hamerly.inertia(), 1e-12 * direct, "iteration " + it);
              assertEquals(hamerly.inertia(), one.inertia(), 0.0, "threads, iteration " + it);
              assertArrayEquals(labels, serialLabels, "iteration " + it);
              if (step.relocated.length > 0) {
                assertEquals(direct, hamerly.inertia(), 0.0, "relocation: the direct sum");
              }
              known = hamerly.inertia();
              centres = step.centres;
            }
          }
        });
  }

  @Test
  void anInertiaThatCollapsesIsSummedDirectly() {
    // Two tight blobs far apart, both start centres in the first: the second step lowers the
    // inertia by about 14 orders of magnitude, beyond what a carried value could keep to 1e-12.
    int k = 2;
    int n = 4000;
    SplittableRandom r = new SplittableRandom(5);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 1000.0 * (i % 2) + 1e-4 * r.nextGaussian();
    }
    Dataset data = new Dataset(x, n, 1, null);
    double[] centres = {x[0], x[2]};
    int[] labels = new int[n];
    HamerlyAssigner hamerly = new HamerlyAssigner(data, k);
    boolean summed = false;
    try (ChunkPool pool = new ChunkPool(2)) {
      hamerly.start(centres, labels, null, pool);
      CentroidUpdate update = new CentroidUpdate(data, k);
      double previous = Double.POSITIVE_INFINITY;
      for (int it = 0; it < 4; it++) {
        CentroidUpdate.Result step = update.update(labels, centres, pool, hamerly.inertia());
        double lowering = step.lowering;
        hamerly.carryInertia(step.inertia, lowering);
        hamerly.assign(centres, step.centres, labels, step.relocated, pool);
        double direct = Inertia.of(data, step.centres, labels, pool);
        assertEquals(direct, hamerly.inertia(), 1e-12 * direct, "iteration " + it);
        summed |= direct < 1e-9 * previous && direct == hamerly.inertia();
        previous = direct;
        centres = step.centres;
      }
    }
    assertTrue(summed, "the collapsed inertia was summed directly");
  }

  /** Blobs, grouped by blob (as in spatial order) or shuffled, with and without weights. */
  static Dataset data(SplittableRandom r, int d, int k) {
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
    return new Dataset(x, n, d, w, grouped);
  }
}
