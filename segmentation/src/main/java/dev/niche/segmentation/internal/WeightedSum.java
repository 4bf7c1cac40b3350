package dev.niche.segmentation.internal;

/** A weighted sum in a fixed order of four partial sums (independent chains, same bits). */
final class WeightedSum {

  private WeightedSum() {}

  /**
   * The sum of {@code weight[q] * v[q]} (or of {@code v[q]} when {@code weight} is null) over
   * q in [0, size), in four interleaved partial sums combined as (s0 + s1) + (s2 + s3): a fixed
   * order, so the same inputs always give the same bits.
   *
   * @param v values
   * @param weight weights, or null for unit weights
   * @param size number of values
   * @return the sum
   */
  static double of(double[] v, double[] weight, int size) {
    return of(v, 0, weight, 0, size);
  }

  /**
   * {@link #of(double[], double[], int)} over {@code v[vo, vo + size)} with the weights
   * {@code weight[wo, wo + size)}: the same four partial sums, so the same bits.
   *
   * @param v values
   * @param vo offset of the first value
   * @param weight weights, or null for unit weights
   * @param wo offset of the first weight
   * @param size number of values
   * @return the sum
   */
  static double of(double[] v, int vo, double[] weight, int wo, int size) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int q = 0;
    if (weight == null) {
      for (; q + 3 < size; q += 4) {
        s0 += v[vo + q];
        s1 += v[vo + q + 1];
        s2 += v[vo + q + 2];
        s3 += v[vo + q + 3];
      }
      for (; q < size; q++) {
        s0 += v[vo + q];
      }
    } else {
      for (; q + 3 < size; q += 4) {
        s0 += weight[wo + q] * v[vo + q];
        s1 += weight[wo + q + 1] * v[vo + q + 1];
        s2 += weight[wo + q + 2] * v[vo + q + 2];
        s3 += weight[wo + q + 3] * v[vo + q + 3];
      }
      for (; q < size; q++) {
        s0 += weight[wo + q] * v[vo + q];
      }
    }
    return (s0 + s1) + (s2 + s3);
  }
}
