package dev.niche.churn.internal;

import dev.niche.core.likelihood.LogLikelihood;

/**
 * The Pareto/NBD log-likelihood over parameters {@code (r, α, s, β)} for weighted customer rows
 * {@code (x, t_x, T)}: {@code Σ_i w_i [ln Γ(r+x_i) - ln Γ(r) + ln(A1_i + A2_i)]} with the terms
 * of {@link ParetoNbdTerms}; {@code ln Γ(r+x) - ln Γ(r) = Σ_{k<x} ln(r+k)} is accumulated once
 * per distinct {@code x}. Not part of the API.
 */
public final class ParetoNbdLikelihood implements LogLikelihood {

  private final int[] x;
  private final double[] tx;
  private final double[] age;
  private final double[] weight;
  private final double[] weightByFrequency;

  /**
   * Creates the likelihood; the arrays must already be validated and are kept, not copied.
   *
   * @param x whole-number frequencies
   * @param tx recencies
   * @param age ages T
   * @param weight row weights
   */
  public ParetoNbdLikelihood(int[] x, double[] tx, double[] age, double[] weight) {
    this.x = x;
    this.tx = tx;
    this.age = age;
    this.weight = weight;
    int max = 0;
    for (int v : x) {
      max = Math.max(max, v);
    }
    weightByFrequency = new double[max + 1];
    for (int i = 0; i < x.length; i++) {
      weightByFrequency[x[i]] += weight[i];
    }
  }

  @Override
  public double value(double[] p) {
    double r = p[0];
    double alpha = p[1];
    double s = p[2];
    double beta = p[3];
    double sum = 0;
    double gammaRatio = 0;
    for (int k = 0; k < weightByFrequency.length; k++) {
      if (weightByFrequency[k] != 0) {
        sum += weightByFrequency[k] * gammaRatio;
      }
      gammaRatio += Math.log(r + k);
    }
    for (int i = 0; i < x.length; i++) {
      sum += weight[i] * logTerms(r, alpha, s, beta, x[i], tx[i], age[i]);
    }
    return sum;
  }

  /**
   * {@code ln(A1 + A2)} of one customer.
   *
   * @param r purchase-rate shape
   * @param alpha purchase-rate rate
   * @param s dropout-rate shape
   * @param beta dropout-rate rate
   * @param x frequency
   * @param tx recency
   * @param age age T
   * @return the log of the likelihood without {@code Γ(r+x)/Γ(r)}
   */
  public static double logTerms(
      double r, double alpha, double s, double beta, int x, double tx, double age) {
    double u = ParetoNbdTerms.logAlive(r, alpha, s, beta, x, age);
    double v = ParetoNbdTerms.logDied(r, alpha, s, beta, x, tx, age);
    if (v == Double.NEGATIVE_INFINITY) {
      return u;
    }
    return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
  }
}
