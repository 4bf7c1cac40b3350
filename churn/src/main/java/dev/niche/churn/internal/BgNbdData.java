package dev.niche.churn.internal;

import dev.niche.core.Checks;

/**
 * Validated copies of per-customer {@code (x, t_x, T)} summaries, as BG/NBD, Gamma-Gamma and
 * customer value expect them. Not part of the API.
 */
public final class BgNbdData {

  /** Frequencies as whole numbers. */
  public final int[] x;
  /** Recencies, copied. */
  public final double[] tx;
  /** Ages, copied. */
  public final double[] age;

  private BgNbdData(int[] x, double[] tx, double[] age) {
    this.x = x;
    this.tx = tx;
    this.age = age;
  }

  /**
   * Validates and copies summaries.
   *
   * @param x frequencies, whole numbers {@code >= 0}
   * @param tx recencies in {@code [0, T]}, 0 when {@code x = 0}
   * @param age ages T, {@code >= 0}
   * @return the validated copy
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException naming the argument and index of the first bad value
   */
  public static BgNbdData of(double[] x, double[] tx, double[] age) {
    Checks.nonEmpty(x, "x");
    Checks.sameLength(x, "x", tx, "tx");
    Checks.sameLength(x, "x", age, "T");
    int n = x.length;
    int[] xs = new int[n];
    double[] txs = new double[n];
    double[] ages = new double[n];
    for (int i = 0; i < n; i++) {
      double xi = x[i];
      double ti = tx[i];
      double ai = age[i];
      boolean valid = xi >= 0 && xi == Math.rint(xi) && xi <= Integer.MAX_VALUE
          && ti >= 0 && ai >= 0 && ai < Double.POSITIVE_INFINITY && ti <= ai
          && (xi != 0 || ti == 0);
      if (!valid) {
        // Rare path: the detailed checks build messages naming the offending index, and throw.
        frequency(xi, "x[" + i + "]");
        Checks.nonNegative(ti, "tx[" + i + "]");
        Checks.nonNegative(ai, "T[" + i + "]");
        customer((int) xi, ti, ai, "[" + i + "]");
      }
      xs[i] = (int) xi;
      txs[i] = ti;
      ages[i] = ai;
    }
    return new BgNbdData(xs, txs, ages);
  }

  /**
   * Validates a frequency.
   *
   * @param x the value
   * @param name its name in messages
   * @return it as an int
   * @throws IllegalArgumentException if it is not a whole number {@code >= 0}
   */
  public static int frequency(double x, String name) {
    Checks.nonNegative(x, name);
    Checks.argument(x == Math.rint(x) && x <= Integer.MAX_VALUE,
        name + " = " + x + " must be a whole number (a count of repeat purchases)");
    return (int) x;
  }

  /**
   * Validates one customer's summary as given to a model's per-customer methods.
   *
   * @param x frequency, a whole number {@code >= 0}
   * @param tx recency, in {@code [0, T]}, 0 when {@code x = 0}
   * @param age age T, finite and {@code >= 0}
   * @return the frequency as an int
   * @throws IllegalArgumentException naming the offending argument
   */
  public static int customer(double x, double tx, double age) {
    int xi = frequency(x, "x");
    Checks.nonNegative(tx, "tx");
    Checks.nonNegative(age, "T");
    customer(xi, tx, age, "");
    return xi;
  }

  /**
   * Validates one customer's consistency (values already finite and non-negative).
   *
   * @param x frequency
   * @param tx recency
   * @param age age T
   * @param suffix index suffix for messages, e.g. {@code "[3]"} or empty
   * @throws IllegalArgumentException if {@code tx > T} or {@code x = 0} with {@code tx > 0}
   */
  public static void customer(int x, double tx, double age, String suffix) {
    Checks.argument(tx <= age,
        () -> "tx" + suffix + " = " + tx + " must be <= T" + suffix + " = " + age);
    Checks.argument(x != 0 || tx == 0,
        () -> "tx" + suffix + " = " + tx + " must be 0 when x" + suffix + " = 0");
  }

  /**
   * Validates and copies row weights.
   *
   * @param weights the weights, finite and {@code >= 0}, not all zero
   * @param n the expected length
   * @return a copy
   * @throws IllegalArgumentException if a weight is bad or the length differs
   */
  public static double[] weights(double[] weights, int n) {
    Checks.nonNegative(weights, "weights");
    Checks.sameLength(weights.length, "weights", n, "x");
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    Checks.argument(total > 0, "weights must not all be 0");
    return weights.clone();
  }
}
