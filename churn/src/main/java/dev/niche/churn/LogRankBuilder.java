package dev.niche.churn;

import dev.niche.churn.internal.LogRankSums;
import dev.niche.churn.internal.SortOrder;
import dev.niche.core.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Configures a log-rank family test on individual data (see {@link LogRankTest} for the
 * formulas): optional strata, as R {@code survdiff(Surv(time, status) ~ group + strata(s))}, and
 * Fleming–Harrington {@code G(rho, gamma)} weights {@code S(t-)^rho (1 - S(t-))^gamma}
 * (Harrington &amp; Fleming 1982), with {@code S} the Kaplan–Meier estimate of the pooled sample
 * of the stratum. Obtained from {@link LogRankTest#builder(double[], boolean[], int[])}.
 *
 * <p>The data are validated and copied when the builder is made; every setter validates at
 * once. A builder is not thread-safe; the results it makes are immutable.
 */
public final class LogRankBuilder {

  private final double[] durations;
  private final boolean[] events;
  private final int[] group;
  private final int[] labels;
  private int[] stratum;
  private double rho;
  private double gamma;

  LogRankBuilder(double[] durations, boolean[] events, int[] groups) {
    Checks.nonNegative(durations, "durations");
    Checks.notNull(events, "events");
    Checks.notNull(groups, "groups");
    Checks.sameLength(durations.length, "durations", events.length, "events");
    Checks.sameLength(durations.length, "durations", groups.length, "groups");
    this.durations = durations.clone();
    this.events = events.clone();
    this.labels = distinct(groups);
    Checks.argument(labels.length >= 2, "groups holds " + labels.length
        + " distinct label(s) " + Arrays.toString(labels) + "; need >= 2");
    Checks.argument(labels.length <= LogRankTest.MAX_GROUPS, "groups holds " + labels.length
        + " distinct labels; at most " + LogRankTest.MAX_GROUPS + " are allowed");
    this.group = indices(groups, labels);
    this.stratum = new int[durations.length];
  }

  /**
   * Stratifies the test: the sums are computed within each stratum and added, as R
   * {@code survdiff(... + strata(s))}; the Fleming–Harrington weights use the stratum's pooled
   * Kaplan–Meier estimate.
   *
   * @param strata each row's stratum label (any ints); copied
   * @return this builder
   * @throws NullPointerException if {@code strata} is null
   * @throws IllegalArgumentException if its length differs from the data's
   */
  public LogRankBuilder strata(int[] strata) {
    Checks.notNull(strata, "strata");
    Checks.sameLength(durations.length, "durations", strata.length, "strata");
    this.stratum = indices(strata, distinct(strata));
    return this;
  }

  /**
   * Fleming–Harrington {@code G^rho} weights {@code S(t-)^rho}, as R
   * {@code survdiff(..., rho = rho)}: 0 is the log-rank test, 1 the Peto–Peto–Prentice test.
   *
   * @param rho the exponent, finite and {@code >= 0}
   * @return this builder
   * @throws IllegalArgumentException if {@code rho} is negative or not finite
   */
  public LogRankBuilder flemingHarrington(double rho) {
    return flemingHarrington(rho, 0.0);
  }

  /**
   * Fleming–Harrington {@code G(rho, gamma)} weights {@code S(t-)^rho (1 - S(t-))^gamma};
   * {@code gamma > 0} weighs late differences (the first event time gets weight 0).
   *
   * @param rho the exponent of {@code S(t-)}, finite and {@code >= 0}
   * @param gamma the exponent of {@code 1 - S(t-)}, finite and {@code >= 0}
   * @return this builder
   * @throws IllegalArgumentException if an exponent is negative or not finite
   */
  public LogRankBuilder flemingHarrington(double rho, double gamma) {
    this.rho = Checks.nonNegative(rho, "rho");
    this.gamma = Checks.nonNegative(gamma, "gamma");
    return this;
  }

  /**
   * Runs the test of all groups at once ({@code k - 1} degrees of freedom).
   *
   * @return the result; its groups are the distinct labels in ascending order
   */
  public LogRankResult compare() {
    int[] rows = sortedRows();
    LogRankSums sums = LogRankSums.compute(durations, events, group, stratum, rows, rows.length,
        labels.length, rho, gamma);
    return LogRankTest.result(rho, gamma, labels.clone(), sums.observed(), sums.expected(),
        sums.variance());
  }

  /**
   * Runs the test between every two groups, each on the rows of those two groups only (with the
   * same strata and weights, the weights from the pair's pooled estimate), and adjusts the
   * p-values by Holm's (1979) step-down method over the {@code k (k - 1) / 2} tests.
   *
   * @return the comparisons, in the order (1, 2), (1, 3), ..., (2, 3), ... of the sorted labels
   * @throws IllegalArgumentException if more than {@link LogRankTest#MAX_PAIRWISE_GROUPS} groups
   *     occur
   */
  public PairwiseLogRank pairwise() {
    int k = labels.length;
    Checks.argument(k <= LogRankTest.MAX_PAIRWISE_GROUPS, "groups holds " + k
        + " distinct labels; pairwise comparisons allow at most "
        + LogRankTest.MAX_PAIRWISE_GROUPS);
    int[] rows = sortedRows();
    int[] subset = new int[rows.length];
    int[] pairGroup = new int[rows.length];
    List<LogRankResult> tests = new ArrayList<>();
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        int count = 0;
        for (int r : rows) {
          int g = group[r];
          if (g == a || g == b) {
            pairGroup[r] = g == a ? 0 : 1;
            subset[count++] = r;
          }
        }
        LogRankSums sums = LogRankSums.compute(durations, events, pairGroup, stratum, subset,
            count, 2, rho, gamma);
        tests.add(LogRankTest.result(rho, gamma, new int[] {labels[a], labels[b]},
            sums.observed(), sums.expected(), sums.variance()));
      }
    }
    return new PairwiseLogRank(labels, tests);
  }

  /** Row indices sorted by stratum, then duration (stable). */
  private int[] sortedRows() {
    int[] byDuration = SortOrder.ascending(durations);
    int strata = 0;
    for (int s : stratum) {
      strata = Math.max(strata, s + 1);
    }
    int[] start = new int[strata + 1];
    for (int s : stratum) {
      start[s + 1]++;
    }
    for (int s = 0; s < strata; s++) {
      start[s + 1] += start[s];
    }
    int[] rows = new int[byDuration.length];
    for (int r : byDuration) {
      rows[start[stratum[r]]++] = r;
    }
    return rows;
  }

  private static int[] distinct(int[] values) {
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[m++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, m);
  }

  private static int[] indices(int[] values, int[] distinct) {
    int[] index = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      index[i] = Arrays.binarySearch(distinct, values[i]);
    }
    return index;
  }
}
