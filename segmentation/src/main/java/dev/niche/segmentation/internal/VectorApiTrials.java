package dev.niche.segmentation.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SimdTrials} on {@code jdk.incubator.vector}: four rows per 256-bit vector (lanes are
 * rows), their coordinates held in registers while every trial is scored against them, each
 * trial's coordinates broadcast. Lane j of a trial's running sum adds the rows 4g + j of the
 * block, as {@link WeightedSum}'s partial sum s_j does; the rows of a last group of fewer than
 * four go to s_0 one by one, as there. One call per four rows, as in {@link VectorApiNearest}, so
 * that C2 compiles the small method early.
 *
 * <p>Loaded only through {@link SimdTrials#forWidth}, after the module was found. Stateless and
 * thread-safe.
 */
final class VectorApiTrials implements SimdTrials {

  private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_256;
  private static final int STEP = 4;

  private final int width;

  private VectorApiTrials(int width) {
    this.width = width;
  }

  /**
   * The kernel, or null when the processor's vectors are narrower than 256 bits.
   *
   * @param width padded coordinates, 4 or 8
   * @return the kernel or null
   */
  static SimdTrials create(int width) {
    if (DoubleVector.SPECIES_PREFERRED.vectorBitSize() < LANES.vectorBitSize()
        || (width != 4 && width != 8)) {
      return null;
    }
    return new VectorApiTrials(width);
  }

  @Override
  public void capped(double[] blocks, int base, int size, double[] trials, int count,
      double[] bound, double[] w, int first, double[] capped, int offset, int stride,
      double[] sums, double[] lanes) {
    java.util.Arrays.fill(lanes, 0, STEP * count, 0.0);
    int full = size - size % STEP;
    for (int q = 0; q < size; q += STEP) {
      // A last group of fewer than four rows is scored whole (the copy is zero-padded), but
      // only its rows are kept, and they are added one by one below.
      int rows = Math.min(STEP, size - q);
      if (width == 4) {
        fourColumns(blocks, base + q, trials, count, bound, w, first + q, rows, capped,
            offset + q, stride, lanes);
      } else {
        eightColumns(blocks, base + q, trials, count, bound, w, first + q, rows, capped,
            offset + q, stride, lanes);
      }
    }
    for (int t = 0; t < count; t++) {
      int l = STEP * t;
      double s0 = lanes[l];
      for (int q = full; q < size; q++) {
        double v = capped[offset + t * stride + q];
        s0 += w == null ? v : w[first + q] * v;
      }
      sums[t] = (s0 + lanes[l + 1]) + (lanes[l + 2] + lanes[l + 3]);
    }
  }

  private static void fourColumns(double[] x, int o, double[] c, int count, double[] bound,
      double[] w, int row, int rows, double[] capped, int co, int stride, double[] lanes) {
    int block = ColumnBlockedRows.BLOCK;
    DoubleVector x0 = DoubleVector.fromArray(LANES, x, o);
    DoubleVector x1 = DoubleVector.fromArray(LANES, x, o + block);
    DoubleVector x2 = DoubleVector.fromArray(LANES, x, o + 2 * block);
    DoubleVector x3 = DoubleVector.fromArray(LANES, x, o + 3 * block);
    for (int t = 0, po = 0; t < count; t++, po += 4) {
      DoubleVector s = CanonicalVectors.firstFour(x0, x1, x2, x3, c, po);
      keep(s, bound, w, row, rows, capped, co + t * stride, lanes, STEP * t);
    }
  }

  private static void eightColumns(double[] x, int o, double[] c, int count, double[] bound,
      double[] w, int row, int rows, double[] capped, int co, int stride, double[] lanes) {
    int block = ColumnBlockedRows.BLOCK;
    DoubleVector x0 = DoubleVector.fromArray(LANES, x, o);
    DoubleVector x1 = DoubleVector.fromArray(LANES, x, o + block);
    DoubleVector x2 = DoubleVector.fromArray(LANES, x, o + 2 * block);
    DoubleVector x3 = DoubleVector.fromArray(LANES, x, o + 3 * block);
    DoubleVector x4 = DoubleVector.fromArray(LANES, x, o + 4 * block);
    DoubleVector x5 = DoubleVector.fromArray(LANES, x, o + 5 * block);
    DoubleVector x6 = DoubleVector.fromArray(LANES, x, o + 6 * block);
    DoubleVector x7 = DoubleVector.fromArray(LANES, x, o + 7 * block);
    for (int t = 0, po = 0; t < count; t++, po += 8) {
      DoubleVector s = CanonicalVectors.nextFour(
          CanonicalVectors.firstFour(x0, x1, x2, x3, c, po), x4, x5, x6, x7, c, po + 4);
      keep(s, bound, w, row, rows, capped, co + t * stride, lanes, STEP * t);
    }
  }

  /**
   * Caps a group's distances by its bounds, stores them and, for a whole group, adds them (times
   * their weights) to the trial's four partial sums.
   */
  private static void keep(DoubleVector s, double[] bound, double[] w, int row, int rows,
      double[] capped, int at, double[] lanes, int l) {
    if (rows < STEP) {
      double[] v = new double[STEP];
      s.intoArray(v, 0);
      for (int j = 0; j < rows; j++) {
        capped[at + j] = Math.min(v[j], bound[row + j]);
      }
      return;
    }
    DoubleVector v = s.min(DoubleVector.fromArray(LANES, bound, row));
    v.intoArray(capped, at);
    DoubleVector add = w == null ? v : v.mul(DoubleVector.fromArray(LANES, w, row));
    DoubleVector.fromArray(LANES, lanes, l).add(add).intoArray(lanes, l);
  }
}
