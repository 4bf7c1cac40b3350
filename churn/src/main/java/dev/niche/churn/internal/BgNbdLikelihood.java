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
 * {@code r, α → ∞}, and the ratios {@code T/α}, {@code a/b} are taken in logs when they overflow
 * ({@link LogSpace#log1pRatio}: {@code α} or {@code b} near {@code Double.MIN_VALUE}); the
 * bracket is a log-sum-exp. The two terms are functions of {@code (x, T)}
 * and {@code (x, t_x)}, evaluated once per distinct pair ({@link SummaryPairs}). Not part of
 * the API.
 */
public final class BgNbdLikelihood implements LogLikelihood {

  private final SummaryPairs pairs;

  /**
   * Creates the likelihood; the arrays must already be validated. The per-pair structure
   * ({@link SummaryPairs}) is built once here.
   *
   * @param x whole-number frequencies
   * @param tx recencies
   * @param age ages T
   * @param weight row weights
   */
  public BgNbdLikelihood(int[] x, double[] tx, double[] age, double[] weight) {
    this.pairs = SummaryPairs.of(x, tx, age, weight);
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
    double[] byFrequency = pairs.weightByFrequency;
    for (int k = 0; k < byFrequency.length; k++) {
      if (byFrequency[k] != 0) {
        sum += byFrequency[k] * (gammaRatio + betaRatio);
      }
      gammaRatio += Math.log(r + k);
      betaRatio -= LogSpace.log1pRatio(a, b + k);
    }
    double logA = Math.log(a);
    double logAlpha = Math.log(alpha);
    // u(x, T) = -(r+x) log1p(T/alpha) - x ln alpha: alive at T (x = 0 rows end here).
    double[] u = new double[pairs.age.length];
    for (int i = 0; i < u.length; i++) {
      int xi = pairs.ageX[i];
      u[i] = -(r + xi) * LogSpace.log1pRatio(pairs.age[i], alpha) - xi * logAlpha;
      sum += pairs.aloneWeight[i] * u[i];
    }
    // v(x, t_x) = ln a - ln(b+x-1) - (r+x) log1p(t_x/alpha) - x ln alpha: died after the last.
    double[] v = new double[pairs.recency.length];
    for (int i = 0; i < v.length; i++) {
      int xi = pairs.recencyX[i];
      v[i] = logA - Math.log(b + (xi - 1)) - (r + xi) * LogSpace.log1pRatio(pairs.recency[i], alpha)
          - xi * logAlpha;
    }
    int[] rowAge = pairs.rowAge;
    int[] rowRecency = pairs.rowRecency;
    double[] rowWeight = pairs.rowWeight;
    for (int i = 0; i < rowAge.length; i++) {
      double ui = u[rowAge[i]];
      double vi = v[rowRecency[i]];
      double term = ui > vi ? ui + Math.log1p(Math.exp(vi - ui)) : vi + Math.log1p(Math.exp(ui - vi));
      sum += rowWeight[i] * term;
    }
    return sum;
  }
}
