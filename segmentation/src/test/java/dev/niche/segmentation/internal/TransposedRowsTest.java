package dev.niche.segmentation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The SIMD-friendly block distances must equal {@link SquaredDistance}'s canonical ones to the
 * bit: the vectorised Lloyd E-step and the row-at-a-time Hamerly and Elkan E-steps then agree on
 * every label, ties included.
 */
class TransposedRowsTest {

  @Test
  void blockDistancesEqualCanonicalDistancesBitForBit() {
    qt().withExamples(200)
        .forAll(longs().all(), integers().between(1, 23), integers().between(1, 300))
        .checkAssert((seed, d, n) -> {
          SplittableRandom r = new SplittableRandom(seed);
          double[] x = new double[n * d];
          for (int t = 0; t < x.length; t++) {
            x[t] = r.nextDouble(-1e3, 1e3) * Math.pow(10, r.nextInt(-6, 7));
          }
          double[] p = new double[d];
          for (int j = 0; j < d; j++) {
            p[j] = r.nextDouble(-1e3, 1e3);
          }
          TransposedRows block = new TransposedRows(d);
          double[] out = new double[TransposedRows.CAPACITY];
          int[] rows = new int[n];
          for (int i = 0; i < n; i++) {
            rows[i] = n - 1 - i;
          }
          for (int first = 0; first < n; first += TransposedRows.CAPACITY) {
            int size = Math.min(TransposedRows.CAPACITY, n - first);
            block.loadRange(x, first, size);
            block.squaredDistances(p, 0, out);
            for (int q = 0; q < size; q++) {
              assertEquals(SquaredDistance.between(x, (first + q) * d, p, 0, d), out[q], 0.0);
            }
            block.load(x, rows, first, size);
            block.squaredDistances(p, 0, out);
            for (int q = 0; q < size; q++) {
              assertEquals(SquaredDistance.between(x, rows[first + q] * d, p, 0, d), out[q], 0.0);
            }
          }
        });
  }

  @Test
  void toAllEqualsBetweenForEveryCentre() {
    qt().withExamples(100)
        .forAll(longs().all(), integers().between(1, 19), integers().between(1, 13))
        .checkAssert((seed, d, k) -> {
          SplittableRandom r = new SplittableRandom(seed);
          double[] x = new double[d];
          double[] c = new double[k * d];
          for (int j = 0; j < d; j++) {
            x[j] = r.nextGaussian();
          }
          for (int t = 0; t < c.length; t++) {
            c[t] = r.nextGaussian();
          }
          double[] out = new double[k];
          SquaredDistance.toAll(x, 0, c, k, d, out);
          for (int m = 0; m < k; m++) {
            assertEquals(SquaredDistance.between(x, 0, c, m * d, d), out[m], 0.0);
          }
        });
  }
}
