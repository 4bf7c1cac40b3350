package dev.niche.valuechain.internal;

import dev.niche.core.Checks;
import java.util.Locale;

/**
 * Loops behind {@code Composition}: closure, closure of exponentials, pivot (ilr) coordinates and
 * their inverse, multiplicative zero replacement. Arrays in, fresh arrays out; stateless.
 */
public final class LogRatios {

  private LogRatios() {}

  /**
   * Closure x / &Sigma; x.
   *
   * @param values positive values
   * @return the closed values
   */
  public static double[] close(double[] values) {
    double sum = 0;
    double max = 0;
    for (double v : values) {
      sum += v;
      max = Math.max(max, v);
    }
    Checks.argument(max > 0 && Double.isFinite(max), "values have largest value " + max
        + " but must have a positive finite total");
    // Values near the top of the double range overflow the sum: scale by the largest first.
    double scale = Double.isFinite(sum) ? 1 : max;
    if (scale != 1) {
      sum = 0;
      for (double v : values) {
        sum += v / scale;
      }
    }
    double[] p = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      p[i] = values[i] / scale / sum;
    }
    return p;
  }

  /**
   * The closure of positive values, every share positive.
   *
   * @param values positive values
   * @param name the argument's name, for messages
   * @return the closed parts, all positive
   * @throws IllegalArgumentException if a share underflows to zero (its log-ratios would be
   *     infinite)
   */
  public static double[] closePositive(double[] values, String name) {
    double[] p = close(values);
    for (int i = 0; i < p.length; i++) {
      Checks.element(p[i] > 0, name, i, values[i],
          "is too small next to the others: its share underflows to 0");
    }
    return p;
  }

  /**
   * C(exp(logs)), shifted by the maximum first so that nothing overflows.
   *
   * @param logs log-parts up to an additive constant
   * @return the closed parts, all positive
   * @throws IllegalArgumentException if a part underflows to zero
   */
  public static double[] closeExp(double[] logs) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logs) {
      max = Math.max(max, v);
    }
    double[] p = new double[logs.length];
    for (int i = 0; i < logs.length; i++) {
      p[i] = Math.exp(logs[i] - max);
    }
    double[] closed = close(p);
    for (int i = 0; i < closed.length; i++) {
      Checks.argument(closed[i] > 0, "log-ratio coordinates too extreme: part " + i
          + " underflows to 0 (log-ratio span exceeds the double range)");
    }
    return closed;
  }

  /**
   * Centred log-ratios {@code ln x_j − mean_k ln x_k}.
   *
   * @param parts positive parts
   * @return the clr coordinates, summing to zero
   */
  public static double[] clr(double[] parts) {
    int d = parts.length;
    double[] z = new double[d];
    double mean = 0;
    for (int i = 0; i < d; i++) {
      z[i] = Math.log(parts[i]);
      mean += z[i];
    }
    mean /= d;
    for (int i = 0; i < d; i++) {
      z[i] -= mean;
    }
    return z;
  }

  /**
   * Additive log-ratios {@code ln(x_i / x_reference)} for {@code i != reference}, in order.
   *
   * @param parts positive parts
   * @param reference the index of the denominator part, in range
   * @return the D-1 coordinates
   */
  public static double[] alr(double[] parts, int reference) {
    double[] z = new double[parts.length - 1];
    double ref = Math.log(parts[reference]);
    for (int i = 0, j = 0; i < parts.length; i++) {
      if (i != reference) {
        z[j++] = Math.log(parts[i]) - ref;
      }
    }
    return z;
  }

  /**
   * Pivot coordinates z_i = sqrt((D-i)/(D-i+1)) ln(x_i / gm(x_{i+1..D})) (1-based i).
   *
   * @param parts positive parts
   * @return the D-1 coordinates
   */
  public static double[] pivot(double[] parts) {
    int d = parts.length;
    double[] z = new double[d - 1];
    double tailSum = Math.log(parts[d - 1]);
    for (int i = d - 2; i >= 0; i--) {
      int rest = d - i - 1;
      double li = Math.log(parts[i]);
      z[i] = Math.sqrt(rest / (rest + 1.0)) * (li - tailSum / rest);
      tailSum += li;
    }
    return z;
  }

  /**
   * clr = V z for the pivot basis V (orthonormal columns in the zero-sum hyperplane).
   *
   * @param z the D-1 pivot coordinates
   * @return the D clr coordinates
   */
  public static double[] pivotToClr(double[] z) {
    int d = z.length + 1;
    double[] clr = new double[d];
    for (int i = 0; i < d - 1; i++) {
      int rest = d - i - 1;
      clr[i] += Math.sqrt(rest / (rest + 1.0)) * z[i];
      double tail = -z[i] / Math.sqrt(rest * (rest + 1.0));
      for (int j = i + 1; j < d; j++) {
        clr[j] += tail;
      }
    }
    return clr;
  }

  /**
   * Multiplicative replacement (Martín-Fernández et al. 2003) with a common delta.
   *
   * @param delta the imputed share of each zero, in (0, 1)
   * @param values non-negative values, at least two, not all zero
   * @return closed parts, all positive
   */
  public static double[] multiplicativeReplacement(double delta, double[] values) {
    Checks.openUnit(delta, "delta");
    Checks.nonNegative(values, "values");
    Checks.argument(values.length >= 2,
        "values has length " + values.length + " but a composition needs at least 2 parts");
    int zeros = 0;
    double sum = 0;
    for (double v : values) {
      sum += v;
      if (v == 0) {
        zeros++;
      }
    }
    Checks.argument(sum > 0, "values are all zero; a composition needs a positive total");
    Checks.argument(zeros * delta < 1, String.format(Locale.ROOT,
        "delta = %s times %d zeros must be < 1", delta, zeros));
    double keep = 1 - zeros * delta;
    double[] replaced = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      replaced[i] = values[i] == 0 ? delta : values[i] / sum * keep;
    }
    return closePositive(replaced, "values");
  }
}
