package dev.niche.churn.internal;

import dev.niche.core.Checks;
import java.util.Arrays;

/**
 * Weighted distinct {@code (x, t_x, T)} rows: customers with identical summaries contribute
 * identical likelihood terms, so a fit needs each distinct summary once with the sum of its
 * weights. Summaries built from calendar days take few distinct values (a million customers of a
 * 39-week calibration period have tens of thousands), which makes every likelihood evaluation
 * that much cheaper. Rows keep the order of their first occurrence. Not part of the API.
 */
public final class DistinctCustomers {

  /** Frequencies of the distinct rows. */
  public final int[] x;
  /** Recencies of the distinct rows. */
  public final double[] tx;
  /** Ages of the distinct rows. */
  public final double[] age;
  /** Summed weights of the distinct rows. */
  public final double[] weight;

  private DistinctCustomers(int[] x, double[] tx, double[] age, double[] weight) {
    this.x = x;
    this.tx = tx;
    this.age = age;
    this.weight = weight;
  }

  /**
   * Merges identical rows (open addressing on the three values; {@code -0.0} equals {@code 0.0}).
   * Rows of weight 0 are dropped.
   *
   * @param x validated frequencies
   * @param tx validated recencies
   * @param age validated ages
   * @param weight validated weights
   * @return the distinct rows with summed weights (new arrays)
   */
  public static DistinctCustomers of(int[] x, double[] tx, double[] age, double[] weight) {
    int n = x.length;
    int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
    int mask = capacity - 1;
    int[] slots = new int[capacity];
    Arrays.fill(slots, -1);
    int[] ox = new int[n];
    double[] otx = new double[n];
    double[] oage = new double[n];
    double[] ow = new double[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (weight[i] == 0) {
        continue;
      }
      int xi = x[i];
      double ti = tx[i] + 0.0;
      double ai = age[i] + 0.0;
      long h = xi * 0x9E3779B97F4A7C15L;
      h = (h ^ Double.doubleToLongBits(ti)) * 0xC2B2AE3D27D4EB4FL;
      h = (h ^ Double.doubleToLongBits(ai)) * 0x165667B19E3779F9L;
      int slot = SlotHash.slot(h, mask);
      while (true) {
        int j = slots[slot];
        if (j < 0) {
          slots[slot] = count;
          ox[count] = xi;
          otx[count] = ti;
          oage[count] = ai;
          ow[count] = weight[i];
          count++;
          break;
        }
        if (ox[j] == xi && otx[j] == ti && oage[j] == ai) {
          ow[j] += weight[i];
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return new DistinctCustomers(Arrays.copyOf(ox, count), Arrays.copyOf(otx, count),
        Arrays.copyOf(oage, count), Arrays.copyOf(ow, count));
  }

  /**
   * Validates and copies caller's columns (see {@link BgNbdData#of}), then merges identical rows.
   *
   * @param x frequencies, whole numbers {@code >= 0}
   * @param tx recencies in {@code [0, T]}, 0 when {@code x = 0}
   * @param age ages T, finite and {@code >= 0}
   * @param weights row weights, finite and {@code >= 0}, not all 0; null for all 1
   * @return the distinct weighted rows
   * @throws NullPointerException if a column is null
   * @throws IllegalArgumentException naming the argument and index of the first bad value, or if
   *     no customer with positive weight has {@code x > 0} (a repeat-purchase model is then not
   *     identified)
   */
  public static DistinctCustomers validated(
      double[] x, double[] tx, double[] age, double[] weights) {
    BgNbdData data = BgNbdData.of(x, tx, age);
    double[] w;
    if (weights == null) {
      w = new double[data.x.length];
      Arrays.fill(w, 1.0);
    } else {
      w = BgNbdData.weights(weights, data.x.length);
    }
    DistinctCustomers d = of(data.x, data.tx, data.age, w);
    Checks.argument(d.meanFrequency() > 0,
        "x has no repeat purchase (all weighted x = 0): the model's parameters are not "
            + "identified");
    return d;
  }

  /**
   * The sum of the weights.
   *
   * @return the number of customers the rows stand for
   */
  public double totalWeight() {
    double total = 0;
    for (double w : weight) {
      total += w;
    }
    return total;
  }

  /**
   * The weighted mean frequency.
   *
   * @return the mean x
   */
  public double meanFrequency() {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += weight[i] * x[i];
    }
    return sum / totalWeight();
  }

  /**
   * The weighted mean age.
   *
   * @return the mean T
   */
  public double meanAge() {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += weight[i] * age[i];
    }
    return sum / totalWeight();
  }

  /**
   * The number of distinct rows.
   *
   * @return the row count
   */
  public int size() {
    return x.length;
  }
}
