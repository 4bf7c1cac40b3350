package dev.niche.segmentation.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Both pruned greedy k-means++ strategies (row bounds, block bounds) must choose the same centres
 * as the textbook algorithm
 * that evaluates every candidate on every row (scikit-learn's {@code _kmeans_plusplus}: draw
 * {@code trials} candidates with probability proportional to D(x)^2, keep the one with the
 * smallest potential).
 */
class SeedingTest {

  @Test
  void prunedSeedingChoosesTheTextbookCentres() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 9), integers().between(2, 12),
            integers().between(1, 6))
        .checkAssert((seed, d, k, trials) -> {
          SplittableRandom r = new SplittableRandom(seed);
          int n = 1500 + r.nextInt(6000);
          double[] x = new double[n * d];
          int blobs = 1 + r.nextInt(12);
          double[] mu = new double[blobs * d];
          for (int t = 0; t < mu.length; t++) {
            mu[t] = r.nextDouble(-10, 10);
          }
          // Half the data sets come blob by blob, so consecutive rows are close and the block
          // bounds prune; the other half in random order.
          boolean grouped = r.nextBoolean();
          for (int i = 0; i < n; i++) {
            int b = grouped ? (int) ((long) i * blobs / n) : r.nextInt(blobs);
            for (int j = 0; j < d; j++) {
              x[i * d + j] = mu[b * d + j] + r.nextGaussian();
            }
          }
          double[] expected = textbook(x, n, d, k, trials, new SplittableRandom(seed));
          double[] rows = x.clone();
          try (ChunkPool pool = new ChunkPool(2)) {
            assertArrayEquals(expected, new RowSeeding(new Dataset(x, n, d, null), pool)
                .greedy(k, trials, new SplittableRandom(seed)), "row bounds");
            assertArrayEquals(expected, new BlockSeeding(new Dataset(x, n, d, null, true), pool)
                .greedy(k, trials, new SplittableRandom(seed)), "block bounds");
          }
          // Block seeding lays the rows out column by column while it runs: they are back.
          assertArrayEquals(rows, x, "rows after block seeding");
        });
  }

  @Test
  void blockSeedingRestoresTheRowsWhenItFails() {
    int n = 5000;
    int d = 3;
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i * d + j] = (i % 3) * 10 + j;
      }
    }
    double[] rows = x.clone();
    try (ChunkPool pool = new ChunkPool(2)) {
      BlockSeeding seeding = new BlockSeeding(new Dataset(x, n, d, null, true), pool);
      assertThrows(IllegalArgumentException.class,
          () -> seeding.greedy(5, 3, new SplittableRandom(1)));
    }
    assertArrayEquals(rows, x);
  }

  /**
   * On adversarial data (a large common offset, rows on a coarse integer grid so that many
   * distances tie exactly with D^2, dimensions that are not multiples of four, k = 1, a few rows
   * only), every row's D^2 after a seeding is the canonical distance to its nearest chosen centre
   * to the bit, and its label names a centre at that distance: rows that a candidate leaves as they
   * are (ruled out by a ball or evaluated without gain) keep their exact D^2.
   */
  @Test
  void seedingDistancesAreTheCanonicalNearestOnTiesAndOffsets() {
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(1, 19), integers().between(1, 9),
            integers().between(1, 6))
        .checkAssert((seed, d, k, trials) -> {
          SplittableRandom r = new SplittableRandom(seed);
          int n = r.nextBoolean() ? 1 + r.nextInt(300) : 1000 + r.nextInt(5000);
          double offset = r.nextBoolean() ? 1e6 : 0;
          int levels = 1 + r.nextInt(4);
          double[] x = new double[n * d];
          for (int i = 0; i < n; i++) {
            // Grouped rows (as in spatial order), each group on its own small grid.
            int group = (int) ((long) i * 6 / n);
            for (int j = 0; j < d; j++) {
              x[i * d + j] = offset + 20 * group + r.nextInt(levels);
            }
          }
          try (ChunkPool pool = new ChunkPool(2)) {
            for (Seeding seeding : new Seeding[] {new RowSeeding(new Dataset(x, n, d, null), pool),
                new BlockSeeding(new Dataset(x, n, d, null, true), pool)}) {
              double[] centres = seeding.upTo(k, trials, new SplittableRandom(seed));
              int m = centres.length / d;
              for (int i = 0; i < n; i++) {
                double least = Double.POSITIVE_INFINITY;
                for (int c = 0; c < m; c++) {
                  least = Math.min(least, SquaredDistance.between(x, i * d, centres, c * d, d));
                }
                assertEquals(least, seeding.minD2()[i], 0.0, "row " + i);
                assertEquals(least, SquaredDistance.between(x, i * d, centres,
                    seeding.labels()[i] * d, d), 0.0, "label of row " + i);
              }
            }
          }
        });
  }

  /** Every candidate against every row, potentials summed row by row. */
  private static double[] textbook(
      double[] x, int n, int d, int k, int trials, SplittableRandom rng) {
    double[] centres = new double[k * d];
    System.arraycopy(x, rng.nextInt(n) * d, centres, 0, d);
    double[] dist = new double[n];
    for (int i = 0; i < n; i++) {
      dist[i] = SquaredDistance.between(x, i * d, centres, 0, d);
    }
    for (int m = 1; m < k; m++) {
      double total = 0;
      for (double v : dist) {
        total += v;
      }
      double bestPot = Double.POSITIVE_INFINITY;
      double[] bestDist = null;
      int bestRow = -1;
      for (int t = 0; t < trials; t++) {
        double u = rng.nextDouble() * total;
        int row = -1;
        double cum = 0;
        for (int i = 0; i < n && row < 0; i++) {
          cum += dist[i];
          if (dist[i] > 0 && cum > u) {
            row = i;
          }
        }
        double[] next = new double[n];
        double pot = 0;
        for (int i = 0; i < n; i++) {
          next[i] = Math.min(dist[i], SquaredDistance.between(x, i * d, x, row * d, d));
          pot += next[i];
        }
        if (pot < bestPot) {
          bestPot = pot;
          bestDist = next;
          bestRow = row;
        }
      }
      System.arraycopy(x, bestRow * d, centres, m * d, d);
      dist = bestDist;
    }
    return centres;
  }
}
