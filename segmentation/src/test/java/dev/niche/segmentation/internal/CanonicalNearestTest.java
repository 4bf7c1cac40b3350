package dev.niche.segmentation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The small-dimension E-step kernel returns, for every row, the canonical nearest centre (the
 * lowest index among the smallest {@link SquaredDistance#between} values, exact ties included)
 * and that canonical distance to the bit, for every dimension (the padding to a multiple of four
 * coordinates must not change a bit), any number of centres (one, and several selection groups
 * of {@link CanonicalNearest#GROUP}), rows far from the origin relative to their spread, and
 * distances that overflow to infinity.
 */
class CanonicalNearestTest {

  @Test
  void nearestCentreAndDistanceAreTheCanonicalOnes() {
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(1, 40), integers().between(1, 40))
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
          if (k > CanonicalNearest.GROUP + 1) {
            // The same centre in a later selection group: the earlier index must win the tie.
            System.arraycopy(c, d, c, (CanonicalNearest.GROUP + 1) * d, d);
          }
          int n = 300;
          double[] x = new double[n * d];
          for (int i = 0; i < n; i++) {
            boolean onCentre = r.nextInt(3) == 0;
            for (int j = 0; j < d; j++) {
              x[i * d + j] = onCentre ? c[(i % k) * d + j] : r.nextGaussian() * 4;
            }
          }
          check(x, n, d, c, k);
        });
  }

  @Test
  void largeOffsetsAndOverflowingDistancesKeepTheCanonicalAnswer() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 40), integers().between(1, 13))
        .checkAssert((seed, k, d) -> {
          SplittableRandom r = new SplittableRandom(seed);
          // Offsets far above the spread (near ties after rounding), and magnitudes whose
          // squared differences overflow to infinity for some or all centres.
          double offset = r.nextBoolean() ? 1e8 : 1e200;
          double[] c = new double[k * d];
          for (int t = 0; t < c.length; t++) {
            c[t] = offset * (r.nextInt(3) - 1) + r.nextGaussian();
          }
          int n = 200;
          double[] x = new double[n * d];
          for (int t = 0; t < x.length; t++) {
            x[t] = offset * (r.nextInt(3) - 1) + r.nextGaussian();
          }
          check(x, n, d, c, k);
        });
  }

  private static void check(double[] x, int n, int d, double[] c, int k) {
    TransposedRows block = new TransposedRows(d, CanonicalNearest.width(d));
    CanonicalNearest kernel = new CanonicalNearest(k, d);
    kernel.setCentres(c);
    for (int first = 0; first < n; first += TransposedRows.CAPACITY) {
      int size = Math.min(TransposedRows.CAPACITY, n - first);
      block.loadRange(x, first, size);
      kernel.nearest(block);
      for (int q = 0; q < size; q++) {
        int i = first + q;
        int expected = NearestCentresTest.canonicalNearest(x, i, d, c, k);
        assertEquals(expected, kernel.label(q), "row " + i);
        assertEquals(SquaredDistance.between(x, i * d, c, expected * d, d),
            kernel.distances()[q], 0.0, "row " + i);
      }
    }
  }
}
