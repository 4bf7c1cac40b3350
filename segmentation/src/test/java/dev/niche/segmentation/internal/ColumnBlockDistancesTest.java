package dev.niche.segmentation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Distances read straight from a block stored column by column must equal
 * {@link SquaredDistance}'s canonical ones to the bit, for every point of the list, any
 * dimension (multiples of four or not), block size and number of points: the block-pruned start
 * then chooses the same centres and stores the same D^2 as a row-by-row evaluation.
 */
class ColumnBlockDistancesTest {

  @Test
  void distancesFromStoredColumnsEqualCanonicalDistancesBitForBit() {
    qt().withExamples(200)
        .forAll(longs().all(), integers().between(1, 70), integers().between(1, 128),
            integers().between(1, 7))
        .checkAssert((seed, d, size, count) -> {
          SplittableRandom r = new SplittableRandom(seed);
          // A block of rows after some other data, stored column by column as BlockSeeding does.
          int base = r.nextInt(0, 50);
          double[] rows = new double[size * d];
          for (int t = 0; t < rows.length; t++) {
            rows[t] = r.nextDouble(-1e3, 1e3) * Math.pow(10, r.nextInt(-6, 7));
          }
          TransposedRows block = new TransposedRows(d);
          block.loadRange(rows, 0, size);
          double[] x = new double[base + size * d];
          block.storeColumns(x, base);
          int pointCount = count + 2;
          double[] p = new double[pointCount * d];
          for (int t = 0; t < p.length; t++) {
            p[t] = r.nextBoolean() ? rows[r.nextInt(rows.length)] : r.nextDouble(-1e3, 1e3);
          }
          int[] points = new int[count];
          for (int u = 0; u < count; u++) {
            points[u] = r.nextInt(pointCount);
          }
          double[][] out = new double[count][TransposedRows.CAPACITY];
          for (double[] o : out) {
            java.util.Arrays.fill(o, Double.NaN);
          }
          double[][] columns = new double[4][TransposedRows.CAPACITY];
          ColumnBlockDistances.toPoints(x, base, size, d, p, points, count, out, columns);
          for (int u = 0; u < count; u++) {
            int po = points[u] * d;
            for (int q = 0; q < size; q++) {
              assertEquals(SquaredDistance.between(rows, q * d, p, po, d), out[u][q], 0.0);
            }
          }
        });
  }
}
