package dev.niche.churn;

import dev.niche.core.Checks;

/**
 * One pairwise log-rank comparison: the test between groups {@code first} and {@code second}
 * (on their rows only) and its Holm-adjusted p-value. Immutable and thread-safe.
 *
 * @param first the smaller group label
 * @param second the larger group label
 * @param test the two-group test (its {@link LogRankResult#pValue()} is unadjusted)
 * @param adjustedPValue the Holm-adjusted p-value, in [0, 1]
 */
public record PairwiseComparison(int first, int second, LogRankResult test,
    double adjustedPValue) {

  /**
   * Validates the parts.
   *
   * @param first the smaller group label
   * @param second the larger group label
   * @param test the two-group test
   * @param adjustedPValue the Holm-adjusted p-value, in [0, 1]
   * @throws NullPointerException if {@code test} is null
   * @throws IllegalArgumentException if {@code adjustedPValue} is outside [0, 1]
   */
  public PairwiseComparison {
    Checks.notNull(test, "test");
    Checks.inRange(adjustedPValue, 0.0, 1.0, "adjustedPValue");
  }

  /**
   * The unadjusted p-value of the two-group test.
   *
   * @return {@code test().pValue()}
   */
  public double pValue() {
    return test.pValue();
  }
}
