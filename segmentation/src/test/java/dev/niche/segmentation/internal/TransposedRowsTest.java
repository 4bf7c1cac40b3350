package dev.niche.segmentation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
          double[] pair = new double[2 * d];
          for (int j = 0; j < d; j++) {
            pair[j] = p[j];
            pair[d + j] = p[d - 1 - j];
          }
          TransposedRows block = new TransposedRows(d);
          double[] out = new double[TransposedRows.CAPACITY];
          double[] out2 = new double[TransposedRows.CAPACITY];
          int[] rows = new int[n];
          for (int i = 0; i < n; i++) {
            rows[i] = n - 1 - i;
          }
          for (int first = 0; first < n; first += TransposedRows.CAPACITY) {
            int size = Math.min(TransposedRows.CAPACITY, n - first);
            block.loadRange(x, first, size);
            BlockDistances.squaredDistances(block, p, 0, out);
            for (int q = 0; q < size; q++) {
              assertEquals(SquaredDistance.between(x, (first + q) * d, p, 0, d), out[q], 0.0);
            }
            block.load(x, rows, first, size);
            BlockDistances.squaredDistances(block, p, 0, out);
            for (int q = 0; q < size; q++) {
              assertEquals(SquaredDistance.between(x, rows[first + q] * d, p, 0, d), out[q], 0.0);
            }
            // Two points per pass (the second is p reversed): each to the same bits.
            BlockDistances.squaredDistances(block, pair, 0, d, out, out2);
            for (int q = 0; q < size; q++) {
              int i = rows[first + q] * d;
              assertEquals(SquaredDistance.between(x, i, pair, 0, d), out[q], 0.0);
              assertEquals(SquaredDistance.between(x, i, pair, d, d), out2[q], 0.0);
            }
          }
        });
  }

  @Test
  void argminOfAffineScoresIsTheNearestPointLowestIndexOnTies() {
    qt().withExamples(100)
        .forAll(longs().all(), integers().between(1, 19), integers().between(1, 40))
        .checkAssert((seed, d, k) -> {
          SplittableRandom r = new SplittableRandom(seed);
          int n = 200;
          double[] x = new double[n * d];
          for (int t = 0; t < x.length; t++) {
            x[t] = r.nextDouble(-50, 50);
          }
          double[] p = new double[k * d];
          for (int t = 0; t < p.length; t++) {
            p[t] = r.nextDouble(-50, 50);
          }
          if (k > 2) {
            // An exact duplicate: the lower index must win every tie.
            System.arraycopy(p, 0, p, (k - 1) * d, d);
          }
          double[] a = new double[k * d];
          double[] bias = new double[k];
          for (int m = 0; m < k; m++) {
            for (int j = 0; j < d; j++) {
              a[m * d + j] = -2 * p[m * d + j];
              bias[m] = Math.fma(p[m * d + j], p[m * d + j], bias[m]);
            }
          }
          TransposedRows block = new TransposedRows(d);
          double[] best = new double[TransposedRows.CAPACITY];
          double[] score = new double[TransposedRows.CAPACITY];
          double[] nearest = new double[TransposedRows.CAPACITY];
          for (int first = 0; first < n; first += TransposedRows.CAPACITY) {
            int size = Math.min(TransposedRows.CAPACITY, n - first);
            block.loadRange(x, first, size);
            BlockDistances.argminAffine(block, a, bias, k, best, score, nearest);
            for (int q = 0; q < size; q++) {
              int m = (int) nearest[q];
              assertEquals(m, nearest[q], 0.0);
              double least = Double.POSITIVE_INFINITY;
              for (int o = 0; o < k; o++) {
                least = Math.min(least, SquaredDistance.between(x, (first + q) * d, p, o * d, d));
              }
              double chosen = SquaredDistance.between(x, (first + q) * d, p, m * d, d);
              // The expanded form rounds differently, but only near-ties may swap.
              assertTrue(chosen <= least + 1e-9 * (1 + least), chosen + " vs " + least);
              assertTrue(k <= 2 || m != k - 1, "the duplicate's higher index won a tie");
            }
          }
        });
  }

  @Test
  void blockMomentsAreTheTwoPassMeanAndSquaredDeviations() {
    SplittableRandom r = new SplittableRandom(3);
    int d = 5;
    int n = 77;
    double[] x = new double[n * d];
    for (int t = 0; t < x.length; t++) {
      x[t] = 1e3 + r.nextGaussian();
    }
    TransposedRows block = new TransposedRows(d);
    block.loadRange(x, 0, n);
    double[] mean = new double[d];
    double[] m2 = new double[d];
    FeatureMoments.blockMoments(block, d, mean, m2);
    for (int j = 0; j < d; j++) {
      double mu = 0;
      for (int i = 0; i < n; i++) {
        mu += x[i * d + j];
      }
      mu /= n;
      double sq = 0;
      for (int i = 0; i < n; i++) {
        sq += (x[i * d + j] - mu) * (x[i * d + j] - mu);
      }
      assertEquals(mu, mean[j], 1e-12 * Math.abs(mu));
      assertEquals(sq, m2[j], 1e-10 * sq);
    }
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
