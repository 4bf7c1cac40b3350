package dev.niche.churn.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The two-way structure of repeat-purchase likelihoods. Every term of the BG/NBD and Pareto/NBD
 * likelihoods is a function of {@code (x, T)} or of {@code (x, t_x)}, combined per customer by a
 * log-sum-exp; with summaries in days there are far fewer distinct pairs than customers (a
 * million customers of a 39-week cohort have some hundreds of thousands of distinct rows but only
 * thousands of distinct pairs). The expensive functions (logarithms, hypergeometric series) are
 * evaluated once per pair and each row costs one {@code exp} and one {@code log1p}; rows with
 * {@code x = 0} (a function of {@code T} alone) are summed per pair beforehand. Not part of the
 * API.
 */
public final class SummaryPairs {

  /** Frequency of each {@code (x, T)} pair. */
  public final int[] ageX;
  /** Age of each {@code (x, T)} pair. */
  public final double[] age;
  /** Total weight of the rows with {@code x = 0} at each {@code (x, T)} pair. */
  public final double[] aloneWeight;
  /** Frequency of each {@code (x, t_x)} pair. */
  public final int[] recencyX;
  /** Recency of each {@code (x, t_x)} pair. */
  public final double[] recency;
  /** Per row with {@code x > 0}: the index of its {@code (x, T)} pair. */
  public final int[] rowAge;
  /** Per row with {@code x > 0}: the index of its {@code (x, t_x)} pair. */
  public final int[] rowRecency;
  /** Per row with {@code x > 0}: its weight. */
  public final double[] rowWeight;
  /** Total weight of all rows per frequency. */
  public final double[] weightByFrequency;

  private SummaryPairs(int[] ageX, double[] age, double[] aloneWeight, int[] recencyX,
      double[] recency, int[] rowAge, int[] rowRecency, double[] rowWeight,
      double[] weightByFrequency) {
    this.ageX = ageX;
    this.age = age;
    this.aloneWeight = aloneWeight;
    this.recencyX = recencyX;
    this.recency = recency;
    this.rowAge = rowAge;
    this.rowRecency = rowRecency;
    this.rowWeight = rowWeight;
    this.weightByFrequency = weightByFrequency;
  }

  /**
   * Indexes validated rows.
   *
   * @param x frequencies
   * @param tx recencies
   * @param ages ages T
   * @param weight weights
   * @return the pair structure
   */
  public static SummaryPairs of(int[] x, double[] tx, double[] ages, double[] weight) {
    int n = x.length;
    Map<Pair, Integer> agePairs = new HashMap<>();
    Map<Pair, Integer> recencyPairs = new HashMap<>();
    int repeat = 0;
    int max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, x[i]);
      if (x[i] > 0) {
        repeat++;
      }
    }
    int[] rowAge = new int[repeat];
    int[] rowRecency = new int[repeat];
    double[] rowWeight = new double[repeat];
    double[] weightByFrequency = new double[max + 1];
    double[] alone = new double[n];
    int row = 0;
    for (int i = 0; i < n; i++) {
      weightByFrequency[x[i]] += weight[i];
      Integer a = agePairs.computeIfAbsent(new Pair(x[i], ages[i] + 0.0), k -> agePairs.size());
      if (x[i] == 0) {
        alone[a] += weight[i];
      } else {
        rowAge[row] = a;
        rowRecency[row] = recencyPairs.computeIfAbsent(
            new Pair(x[i], tx[i] + 0.0), k -> recencyPairs.size());
        rowWeight[row] = weight[i];
        row++;
      }
    }
    int[] ageX = new int[agePairs.size()];
    double[] age = new double[agePairs.size()];
    agePairs.forEach((p, i) -> {
      ageX[i] = p.x;
      age[i] = p.t;
    });
    int[] recencyX = new int[recencyPairs.size()];
    double[] recency = new double[recencyPairs.size()];
    recencyPairs.forEach((p, i) -> {
      recencyX[i] = p.x;
      recency[i] = p.t;
    });
    return new SummaryPairs(ageX, age, java.util.Arrays.copyOf(alone, age.length), recencyX,
        recency, rowAge, rowRecency, rowWeight, weightByFrequency);
  }

  private record Pair(int x, double t) {}
}
