package dev.niche.segmentation.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SimdNearest} on {@code jdk.incubator.vector}: four rows per 256-bit vector (lanes are
 * rows), their four or eight coordinates held in registers while the loop runs over the centres,
 * each centre's coordinates broadcast. The distance of a lane is the canonical fma chain over its
 * coordinates, and the running minimum takes a centre only when it is strictly lower, so the index
 * is the lowest at the minimum (see {@link SimdNearest}). 512-bit vectors were slower on the
 * AVX-512 machine measured (a pass of the customer-like E-step 6.5 against 3.9 ms of kernel), so
 * the species is fixed at 256 bits.
 *
 * <p>Loaded only through {@link SimdNearest#forWidth}, after the module was found. Stateless and
 * thread-safe.
 */
final class VectorApiNearest implements SimdNearest {

  private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_256;
  /** Four labels, one per lane of {@link #LANES}. */
  private static final VectorSpecies<Integer> LABELS = IntVector.SPECIES_128;
  private static final int STEP = 4;

  static {
    // One bit per group of STEP rows of a block in the int nearest() returns.
    assert Integer.SIZE * STEP >= ColumnBlockedRows.BLOCK;
  }

  private final int k;
  private final int width;

  private VectorApiNearest(int k, int width) {
    this.k = k;
    this.width = width;
  }

  /**
   * The kernel, or null when the processor's vectors are narrower than 256 bits.
   *
   * @param k number of centres
   * @param width padded coordinates, 4 or 8
   * @return the kernel or null
   */
  static SimdNearest create(int k, int width) {
    if (DoubleVector.SPECIES_PREFERRED.vectorBitSize() < LANES.vectorBitSize()
        || (width != 4 && width != 8)) {
      return null;
    }
    return new VectorApiNearest(k, width);
  }

  /**
   * {@inheritDoc}
   *
   * <p>One call of {@code fourRows} or {@code eightRows} per four rows: C2 compiles those small
   * methods after a few thousand calls, where a loop over the whole block would run its first
   * hundreds of thousands of rows interpreted, each Vector API operation an allocation (a first
   * pass of 0.75 s instead of 6 ms at n = 10^6, d = k = 8).
   */
  @Override
  public int nearest(double[] blocks, int base, int size, double[] centres, int[] labels,
      int first, double[] best, double[] index) {
    int groups = 0;
    for (int q = 0; q < size; q += STEP) {
      // A last group of fewer than four rows would read labels past the data: it is flagged.
      int lo = q + STEP <= size ? first + q : -1;
      int moved = width == 4
          ? fourRows(blocks, base + q, centres, k, best, index, q, labels, lo)
          : eightRows(blocks, base + q, centres, k, best, index, q, labels, lo);
      groups |= moved << (q / STEP);
    }
    return groups;
  }

  /**
   * Whether the group's new nearest centres differ from its labels from {@code labels[lo]}, or
   * 1 when {@code lo} is negative (a partial group).
   */
  private static int differs(DoubleVector at, int[] labels, int lo) {
    if (lo < 0) {
      return 1;
    }
    DoubleVector old = (DoubleVector)
        IntVector.fromArray(LABELS, labels, lo).convertShape(VectorOperators.I2D, LANES, 0);
    return at.compare(VectorOperators.NE, old).anyTrue() ? 1 : 0;
  }

  private static int fourRows(double[] x, int o, double[] c, int k, double[] best,
      double[] index, int q, int[] labels, int lo) {
    int stride = ColumnBlockedRows.BLOCK;
    {
      DoubleVector x0 = DoubleVector.fromArray(LANES, x, o);
      DoubleVector x1 = DoubleVector.fromArray(LANES, x, o + stride);
      DoubleVector x2 = DoubleVector.fromArray(LANES, x, o + 2 * stride);
      DoubleVector x3 = DoubleVector.fromArray(LANES, x, o + 3 * stride);
      DoubleVector lowest = DoubleVector.broadcast(LANES, Double.POSITIVE_INFINITY);
      DoubleVector at = DoubleVector.zero(LANES);
      for (int m = 0, co = 0; m < k; m++, co += 4) {
        DoubleVector s = CanonicalVectors.firstFour(x0, x1, x2, x3, c, co);
        VectorMask<Double> lower = s.lt(lowest);
        lowest = lowest.blend(s, lower);
        at = at.blend((double) m, lower);
      }
      lowest.intoArray(best, q);
      at.intoArray(index, q);
      return differs(at, labels, lo);
    }
  }

  private static int eightRows(double[] x, int o, double[] c, int k, double[] best,
      double[] index, int q, int[] labels, int lo) {
    int stride = ColumnBlockedRows.BLOCK;
    {
      DoubleVector x0 = DoubleVector.fromArray(LANES, x, o);
      DoubleVector x1 = DoubleVector.fromArray(LANES, x, o + stride);
      DoubleVector x2 = DoubleVector.fromArray(LANES, x, o + 2 * stride);
      DoubleVector x3 = DoubleVector.fromArray(LANES, x, o + 3 * stride);
      DoubleVector x4 = DoubleVector.fromArray(LANES, x, o + 4 * stride);
      DoubleVector x5 = DoubleVector.fromArray(LANES, x, o + 5 * stride);
      DoubleVector x6 = DoubleVector.fromArray(LANES, x, o + 6 * stride);
      DoubleVector x7 = DoubleVector.fromArray(LANES, x, o + 7 * stride);
      DoubleVector lowest = DoubleVector.broadcast(LANES, Double.POSITIVE_INFINITY);
      DoubleVector at = DoubleVector.zero(LANES);
      for (int m = 0, co = 0; m < k; m++, co += 8) {
        DoubleVector s = CanonicalVectors.nextFour(
            CanonicalVectors.firstFour(x0, x1, x2, x3, c, co), x4, x5, x6, x7, c, co + 4);
        VectorMask<Double> lower = s.lt(lowest);
        lowest = lowest.blend(s, lower);
        at = at.blend((double) m, lower);
      }
      lowest.intoArray(best, q);
      at.intoArray(index, q);
      return differs(at, labels, lo);
    }
  }
}
