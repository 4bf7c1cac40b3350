package dev.niche.segmentation.internal;

/**
 * A running sum with Neumaier's compensation (A. Neumaier, "Rundungsfehleranalyse einiger
 * Verfahren zur Summation endlicher Summen", ZAMM 54, 1974): the rounding error of every addition
 * is kept and added back at the end, so the sum of m terms is off by at most about
 * {@code 2 eps |sum| + m eps^2 sum |terms|} instead of {@code m eps sum |terms|}. For sums whose
 * terms cancel (see {@link HamerlyAssigner}'s carried inertia). The result depends only on the
 * terms and their order. Not thread-safe: one instance per task.
 */
final class CompensatedSum {

  private double sum;
  private double compensation;

  /**
   * A sum starting at {@code start}.
   *
   * @param start the first term
   */
  CompensatedSum(double start) {
    this.sum = start;
  }

  /**
   * Adds a term.
   *
   * @param v the term
   */
  void add(double v) {
    double t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
    sum = t;
  }

  /**
   * The compensated sum of the terms so far.
   *
   * @return the sum
   */
  double value() {
    return sum + compensation;
  }
}
