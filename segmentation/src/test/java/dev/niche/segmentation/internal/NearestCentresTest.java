package dev.niche.segmentation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tiled kernel's answer (screened, confirmed, or computed exactly when the screen cannot
 * decide) is the canonical nearest centre: the lowest index among the smallest
 * {@link SquaredDistance#between} values, including exact ties (duplicate centres, rows on a
 * bisector) and near ties; and when the screen decides, its second-score lower bound is at most
 * every other centre's canonical distance (Hamerly's lower bound on wide rows).
 */
class NearestCentresTest {

  @Test
  void answerIsTheCanonicalNearestCentre() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 60), integers().between(1, 70))
        .checkAssert((seed, k, d) -> {
          SplittableRandom r = new SplittableRandom(seed);
          double[] c = new double[k * d];
          for (int t = 0; t < c.length; t++) {
            c[t] = r.nextGaussian() * 3;
          }
          if (k > 2) {
            // A duplicate centre and a centre one ulp away: exact and near ties.
            System.arraycopy(c, 0, c, d, d);
            System.arraycopy(c, 0, c, 2 * d, d);
            c[2 * d] = Math.nextUp(c[2 * d]);
          }
          int n = 300;
          double[] x = new double[n * d];
          for (int i = 0; i < n; i++) {
            int kind = r.nextInt(4);
            for (int j = 0; j < d; j++) {
              double v = r.nextGaussian() * 4;
              if (kind == 0 && k > 1) {
                // On the bisector of centres 0 and k - 1 (before rounding).
                v = 0.5 * (c[j] + c[(k - 1) * d + j]);
              } else if (kind == 1) {
                v = c[(i % k) * d + j];
              }
              x[i * d + j] = v;
            }
          }
          check(x, n, d, c, k);
        });
  }

  static void check(double[] x, int n, int d, double[] c, int k) {
    TransposedRows block = new TransposedRows(d);
    NearestCentres kernel = new NearestCentres(k, d);
    kernel.setCentres(c);
    double[] scratch = new double[k];
    for (int first = 0; first < n; first += TransposedRows.CAPACITY) {
      int size = Math.min(TransposedRows.CAPACITY, n - first);
      block.loadRange(x, first, size);
      kernel.score(block);
      for (int q = 0; q < size; q++) {
        int i = first + q;
        int m = kernel.nearest(q);
        if (m >= 0) {
          // Hamerly's lower bound: no other centre's canonical distance is below it.
          double bound = kernel.secondLowerBound(q);
          for (int t = 0; t < k; t++) {
            if (t != m) {
              double other = Math.sqrt(SquaredDistance.between(x, i * d, c, t * d, d));
              assertTrue(bound <= other, "row " + i + ", centre " + t + ": " + bound + " > "
                  + other);
            }
          }
        } else {
          m = kernel.nearestExactly(x, i * d, c, scratch);
        }
        assertEquals(canonicalNearest(x, i, d, c, k), m, "row " + i);
      }
    }
  }

  /**
   * The canonical nearest centre of row i: the lowest index among the smallest
   * {@link SquaredDistance#between} values.
   */
  static int canonicalNearest(double[] x, int i, int d, double[] c, int k) {
    int expected = 0;
    double best = SquaredDistance.between(x, i * d, c, 0, d);
    for (int t = 1; t < k; t++) {
      double v = SquaredDistance.between(x, i * d, c, t * d, d);
      if (v < best) {
        best = v;
        expected = t;
      }
    }
    return expected;
  }
}
