package dev.niche.segmentation.internal;

/**
 * The lowest centre index at each row's minimum, for E-step kernels that keep only the running
 * minimum in their hot loop and store a group of centres' values per row: per row, the minimum
 * over the group of {@code fma((s - best) 2^1000, 2^1000, m)}. The product is zero exactly when
 * s equals best (two different doubles never subtract to zero) and at least 2^926 otherwise, so
 * the term is m or far above any index; loops of four operations per row and centre that C2
 * vectorises, against six for the flag of a running argmin ({@link
 * BlockDistances#argminAffine}), which also keeps larger loops from vectorising. The index of the
 * groups before is carried the same way, by how much this group lowered the minimum, so the
 * index is the lowest among equal minimal values over all groups (a sequential scan's answer).
 *
 * <p>A row with an infinite minimum gets NaN (inf - inf), and keeps it through later groups: its
 * index is then not below k, and the caller settles it by a plain scan.
 */
final class LowestIndex {

  private LowestIndex() {}

  /**
   * Sets index[q] to the lowest centre whose value equals best[q], given the values of the
   * centres {@code [first, first + count)} in {@code values[0..count)}, the minimum before them in
   * {@code before} (ignored when first is 0) and the index at that minimum in {@code index}.
   *
   * @param values one array of row values per centre of the group
   * @param first index of the group's first centre
   * @param count centres in the group
   * @param best minimum per row over all centres so far, this group included
   * @param before minimum per row over the centres before the group
   * @param index index per row at the minimum, as doubles (updated)
   * @param n number of rows
   */
  static void update(double[][] values, int first, int count, double[] best, double[] before,
      double[] index, int n) {
    if (first == 0) {
      java.util.Arrays.fill(index, 0, n, Double.POSITIVE_INFINITY);
    } else {
      for (int q = 0; q < n; q++) {
        index[q] = Math.fma((before[q] - best[q]) * 0x1p1000, 0x1p1000, index[q]);
      }
    }
    for (int g = 0; g < count; g++) {
      double[] s = values[g];
      double m = first + g;
      for (int q = 0; q < n; q++) {
        index[q] = Math.min(index[q], Math.fma((s[q] - best[q]) * 0x1p1000, 0x1p1000, m));
      }
    }
  }
}
