package dev.niche.churn.internal;

import java.util.Arrays;

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
    int repeat = 0;
    int max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, x[i]);
      if (x[i] > 0) {
        repeat++;
      }
    }
    PairIndex agePairs = new PairIndex(n);
    PairIndex recencyPairs = new PairIndex(repeat);
    int[] rowAge = new int[repeat];
    int[] rowRecency = new int[repeat];
    double[] rowWeight = new double[repeat];
    double[] weightByFrequency = new double[max + 1];
    double[] alone = new double[n];
    int row = 0;
    for (int i = 0; i < n; i++) {
      weightByFrequency[x[i]] += weight[i];
      int a = agePairs.indexOf(x[i], ages[i] + 0.0);
      if (x[i] == 0) {
        alone[a] += weight[i];
      } else {
        rowAge[row] = a;
        rowRecency[row] = recencyPairs.indexOf(x[i], tx[i] + 0.0);
        rowWeight[row] = weight[i];
        row++;
      }
    }
    return new SummaryPairs(agePairs.xs(), agePairs.ts(), Arrays.copyOf(alone, agePairs.size),
        recencyPairs.xs(), recencyPairs.ts(), rowAge, rowRecency, rowWeight, weightByFrequency);
  }

  /**
   * Distinct {@code (x, t)} pairs numbered in order of first occurrence: open addressing on
   * primitive arrays (no boxing), as {@link DistinctCustomers} does for rows.
   */
  private static final class PairIndex {
    private final int[] slots;
    private final int mask;
    private final int[] x;
    private final double[] t;
    int size;

    PairIndex(int capacity) {
      int length = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1;
      slots = new int[length];
      Arrays.fill(slots, -1);
      mask = length - 1;
      x = new int[capacity];
      t = new double[capacity];
    }

    int indexOf(int xi, double ti) {
      long h = xi * 0x9E3779B97F4A7C15L;
      h = (h ^ Double.doubleToLongBits(ti)) * 0xC2B2AE3D27D4EB4FL;
      int slot = SlotHash.slot(h, mask);
      while (true) {
        int j = slots[slot];
        if (j < 0) {
          slots[slot] = size;
          x[size] = xi;
          t[size] = ti;
          return size++;
        }
        if (x[j] == xi && t[j] == ti) {
          return j;
        }
        slot = (slot + 1) & mask;
      }
    }

    int[] xs() {
      return Arrays.copyOf(x, size);
    }

    double[] ts() {
      return Arrays.copyOf(t, size);
    }
  }
}
