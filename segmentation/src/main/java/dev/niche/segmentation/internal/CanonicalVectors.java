package dev.niche.segmentation.internal;

import jdk.incubator.vector.DoubleVector;

/**
 * The canonical squared distance ({@link SquaredDistance}'s order: t_0 t_0, then fma(t_j, t_j, s)
 * for increasing j) of four rows at once, one lane per row, to a point whose coordinates are
 * broadcast: the chain both Vector API kernels ({@link VectorApiNearest},
 * {@link VectorApiTrials}) compute. Small enough for C2 to inline into them, so the vectors stay
 * in registers. Loaded only by those kernels.
 */
final class CanonicalVectors {

  private CanonicalVectors() {}

  /**
   * The distance over four coordinates.
   *
   * @param x0 first coordinate of the four rows
   * @param x1 second coordinate
   * @param x2 third coordinate
   * @param x3 fourth coordinate
   * @param c array holding the point
   * @param co offset of its first coordinate
   * @return the four rows' canonical squared distances
   */
  static DoubleVector firstFour(DoubleVector x0, DoubleVector x1, DoubleVector x2,
      DoubleVector x3, double[] c, int co) {
    DoubleVector t = x0.sub(c[co]);
    DoubleVector s = t.mul(t);
    return nextFour(s, x1, x2, x3, null, c, co + 1);
  }

  /**
   * Continues a chain with three or four more coordinates.
   *
   * @param s the sums so far
   * @param x0 the next coordinate of the four rows
   * @param x1 the one after
   * @param x2 the one after
   * @param x3 the one after, or null for three
   * @param c array holding the point
   * @param co offset of the point's coordinate matching {@code x0}
   * @return the sums with those coordinates added
   */
  static DoubleVector nextFour(DoubleVector s, DoubleVector x0, DoubleVector x1, DoubleVector x2,
      DoubleVector x3, double[] c, int co) {
    DoubleVector t = x0.sub(c[co]);
    s = t.fma(t, s);
    t = x1.sub(c[co + 1]);
    s = t.fma(t, s);
    t = x2.sub(c[co + 2]);
    s = t.fma(t, s);
    if (x3 != null) {
      t = x3.sub(c[co + 3]);
      s = t.fma(t, s);
    }
    return s;
  }
}
