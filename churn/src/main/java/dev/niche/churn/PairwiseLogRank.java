package dev.niche.churn;

import dev.niche.core.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Pairwise log-rank comparisons between every two of {@code k} groups, with p-values adjusted
 * for the {@code m = k (k - 1) / 2} tests by Holm's (1979) step-down method: with the raw
 * p-values sorted, {@code p_(1) <= ... <= p_(m)},
 *
 * <pre>
 *   p̃_(i) = min(1, max_{j &le; i} (m - j + 1) p_(j))
 * </pre>
 *
 * as R {@code p.adjust(p, method = "holm")}. Holm controls the family-wise error rate like
 * Bonferroni but is uniformly more powerful. Made by {@link LogRankTest#pairwise} or
 * {@link LogRankBuilder#pairwise()}. Immutable and thread-safe.
 */
public final class PairwiseLogRank {

  private final int[] groups;
  private final List<PairwiseComparison> comparisons;

  PairwiseLogRank(int[] groups, List<LogRankResult> tests) {
    this.groups = groups.clone();
    int m = tests.size();
    double[] adjusted = holm(tests);
    List<PairwiseComparison> list = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      LogRankResult t = tests.get(i);
      int[] pair = t.groups();
      list.add(new PairwiseComparison(pair[0], pair[1], t, adjusted[i]));
    }
    this.comparisons = Collections.unmodifiableList(list);
  }

  /** Holm's step-down adjustment of the tests' p-values, in the tests' order. */
  static double[] holm(List<LogRankResult> tests) {
    int m = tests.size();
    Integer[] order = new Integer[m];
    double[] p = new double[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
      p[i] = tests.get(i).pValue();
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
    double[] adjusted = new double[m];
    double running = 0;
    for (int j = 0; j < m; j++) {
      running = Math.max(running, Math.min(1.0, (m - j) * p[order[j]]));
      adjusted[order[j]] = running;
    }
    return adjusted;
  }

  /**
   * The group labels, ascending.
   *
   * @return a new array
   */
  public int[] groups() {
    return groups.clone();
  }

  /**
   * Every comparison, in the order (g1, g2), (g1, g3), ..., (g2, g3), ... of the sorted labels.
   *
   * @return an unmodifiable list
   */
  public List<PairwiseComparison> comparisons() {
    return comparisons;
  }

  /**
   * The comparison between two groups, in either order.
   *
   * @param a one group label
   * @param b another group label
   * @return the comparison
   * @throws IllegalArgumentException if either label is unknown or {@code a == b}
   */
  public PairwiseComparison comparison(int a, int b) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    for (PairwiseComparison c : comparisons) {
      if (c.first() == lo && c.second() == hi) {
        return c;
      }
    }
    Checks.argument(false, "no comparison of groups " + a + " and " + b + "; groups are "
        + Arrays.toString(groups));
    throw new AssertionError();
  }

  /**
   * The Holm-adjusted p-value of the comparison between two groups.
   *
   * @param a one group label
   * @param b another group label
   * @return the adjusted p-value
   * @throws IllegalArgumentException if either label is unknown or {@code a == b}
   */
  public double adjustedPValue(int a, int b) {
    return comparison(a, b).adjustedPValue();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("PairwiseLogRank{");
    for (PairwiseComparison c : comparisons) {
      s.append('(').append(c.first()).append(", ").append(c.second()).append("): p = ")
          .append(c.pValue()).append(", Holm ").append(c.adjustedPValue()).append("; ");
    }
    return s.append('}').toString();
  }
}
