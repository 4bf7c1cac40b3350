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
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int q = 0;
    if (weight == null) {
      for (; q + 3 < size; q += 4) {
        s0 += v[q];
        s1 += v[q + 1];
        s2 += v[q + 2];
        s3 += v[q + 3];
      }
      for (; q < size; q++) {
        s0 += v[q];
      }
    } else {
      for (; q + 3 < size; q += 4) {
        s0 += weight[q] * v[q];
        s1 += weight[q + 1] * v[q + 1];
        s2 += weight[q + 2] * v[q + 2];
        s3 += weight[q + 3] * v[q + 3];
      }
      for (; q < size; q++) {
        s0 += weight[q] * v[q];
      }
    }
    return (s0 + s1) + (s2 + s3);
  }}
