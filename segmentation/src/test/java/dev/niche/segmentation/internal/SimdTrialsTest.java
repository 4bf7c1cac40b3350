package dev.niche.segmentation.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The k-means++ start on the Vector API ({@link SimdTrials} over every row of
 * {@link ColumnBlockedRows}) chooses the centres of the pruned start to the bit, and leaves the
 * same labels and nearest distances: both sum a trial's potential in {@link RowSeeding}'s block
 * order, and the rows the bound closes have capped distance D(x)^2 either way. With exact ties
 * (integer coordinates, duplicated rows), weights (some zero), partial blocks and groups, plain
 * and greedy k-means++, one and two threads. The build runs these tests with
 * {@code --add-modules jdk.incubator.vector} (segmentation/pom.xml).
 */
class SimdTrialsTest {

  @Test
  void theBuildRunsTheVectorStart() {
    Dataset data = new Dataset(new double[] {1, 2, 3, 4, 5, 6}, 3, 2, null);
    try (ChunkPool pool = new ChunkPool(1)) {
      assertTrue(new RowSeeding(data, pool).vectorApi(), "surefire resolves the Vector API");
      assertFalse(new RowSeeding(data, pool, false).vectorApi());
    }
  }

  @Test
  void startsAreBitIdenticalToThePrunedStart() {
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(1, 8), integers().between(1, 12))
        .checkAssert((seed, d, k) -> {
          SplittableRandom r = new SplittableRandom(seed);
          int n = k + r.nextInt(r.nextBoolean() ? 300 : 9000);
          Dataset data = data(r, n, d);
          int trials = r.nextBoolean() ? 1 : 2 + (int) Math.floor(Math.log(k));
          long stream = r.nextLong();
          for (int threads = 1; threads <= 2; threads++) {
            try (ChunkPool pool = new ChunkPool(threads)) {
              RowSeeding pruned = new RowSeeding(data, pool, false);
              RowSeeding vector = new RowSeeding(data, pool, true);
              double[] a = pruned.upTo(k, trials, new SplittableRandom(stream));
              double[] b = vector.upTo(k, trials, new SplittableRandom(stream));
              String what = "seed " + seed + ", threads " + threads;
              assertArrayEquals(a, b, 0.0, what + ", centres");
              assertArrayEquals(pruned.labels(), vector.labels(), what + ", labels");
              // The chosen trial's potential per chunk, summed in the block order.
              for (int c = 0; c < pruned.chunkPot.length; c++) {
                assertEquals(Double.doubleToRawLongBits(pruned.chunkPot[c]),
                    Double.doubleToRawLongBits(vector.chunkPot[c]), what + ", chunk " + c);
              }
              for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(pruned.minD2()[i]),
                    Double.doubleToRawLongBits(vector.minD2()[i]), what + ", row " + i);
              }
            }
          }
        });
  }

  /** {@link SimdNearestTest}'s rows (exact ties or Gaussian, sometimes weighted), some repeated. */
  private static Dataset data(SplittableRandom r, int n, int d) {
    Dataset data = SimdNearestTest.data(r, n, d);
    double[] x = data.x();
    for (int i = 1; i < n; i++) {
      if (r.nextInt(10) == 0) {
        System.arraycopy(x, r.nextInt(i) * d, x, i * d, d);
      }
    }
    return data;
  }
}
