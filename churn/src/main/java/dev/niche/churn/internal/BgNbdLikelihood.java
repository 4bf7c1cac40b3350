package dev.niche.churn.internal;

import dev.niche.core.likelihood.LogLikelihood;

/**
 * The BG/NBD log-likelihood of Fader, Hardie &amp; Lee (2005, "Counting your customers the easy
 * way", Marketing Science 24(2), eq. 6) over parameters {@code (r, alpha, a, b)}, for customers
 * summarised by {@code (x, t_x, T)} with weights.
 *
 * <p>Per customer, with {@code δ = 1} if {@code x > 0}:
 *
 * <pre>
 * L = Γ(r+x) α^r / Γ(r) · B(a, b+x) / B(a, b)
 *     · [ (α+T)^-(r+x) + δ a/(b+x-1) (α+t_x)^-(r+x) ]
 * </pre>
 *
 * evaluated in logs without cancellation: {@code ln Γ(r+x) - ln Γ(r) = Σ_{k<x} ln(r+k)} and
 * {@code ln B(a,b+x) - ln B(a,b) = -Σ_{k<x} log1p(a/(b+k))} are accumulated once per distinct
 * {@code x}; {@code r ln α - (r+x) ln(α+T) = -r log1p(T/α) - x ln(α+T)} stays exact when
 * {@code r, α → ∞}; the bracket is a log-sum-exp. Not part of the API.
 */
public final class BgNbdLikelihood implements LogLikelihood {

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
  public BgNbdLikelihood(int[] x, double[] tx, double[] age, double[] weight) {
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
    double a = p[2];
    double b = p[3];
    double sum = 0;
    double gammaRatio = 0;
    double betaRatio = 0;
    for (int k = 0; k < weightByFrequency.length; k++) {
      if (weightByFrequency[k] != 0) {
        sum += weightByFrequency[k] * (gammaRatio + betaRatio);
      }
      gammaRatio += Math.log(r + k);
      betaRatio -= Math.log1p(a / (b + k));
    }
    double logA = Math.log(a);
    double logAlpha = Math.log(alpha);
    for (int i = 0; i < x.length; i++) {
      int xi = x[i];
      double logAge = Math.log1p(age[i] / alpha);
      double u = -(r + xi) * logAge - xi * logAlpha;
      double term;
      if (xi == 0) {
        term = u;
      } else {
        double logTx = Math.log1p(tx[i] / alpha);
        double v = logA - Math.log(b + xi - 1) - (r + xi) * logTx - xi * logAlpha;
        term = u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
      }
      sum += weight[i] * term;
    }
    return sum;
  }
}
