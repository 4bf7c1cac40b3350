package dev.niche.churn.internal;

/**
 * The permutation that sorts a {@code double[]} ascending, by a stable bottom-up merge sort on
 * primitive {@code int} indices (no boxing): {@code O(n log n)} time, two {@code int[n]} buffers.
 * Ties keep their input order. Stateless and thread-safe.
 */
public final class SortOrder {

  private SortOrder() {}

  /**
   * The indices of {@code keys} in ascending order of key (NaN-free input expected).
   *
   * @param keys the keys; not modified
   * @return {@code order} with {@code keys[order[0]] <= keys[order[1]] <= ...}
   */
  public static int[] ascending(double[] keys) {
    int n = keys.length;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    // Short runs by insertion sort, then merge runs of doubling width.
    final int run = 32;
    for (int lo = 0; lo < n; lo += run) {
      int hi = Math.min(lo + run, n);
      for (int i = lo + 1; i < hi; i++) {
        int v = a[i];
        double key = keys[v];
        int j = i - 1;
        while (j >= lo && keys[a[j]] > key) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
    }
    int[] b = new int[n];
    for (int width = run; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          b[k++] = keys[a[j]] < keys[a[i]] ? a[j++] : a[i++];
        }
        while (i < mid) {
          b[k++] = a[i++];
        }
        while (j < hi) {
          b[k++] = a[j++];
        }
      }
      int[] swap = a;
      a = b;
      b = swap;
    }
    return a;
  }
}
