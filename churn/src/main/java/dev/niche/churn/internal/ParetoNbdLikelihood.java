package dev.niche.churn.internal;

import dev.niche.core.likelihood.LogLikelihood;

/**
 * The Pareto/NBD log-likelihood over parameters {@code (r, α, s, β)} for weighted customer rows
 * {@code (x, t_x, T)}: {@code Σ_i w_i [ln Γ(r+x_i) - ln Γ(r) + ln(A1_i + A2_i)]} with the terms
 * of {@link ParetoNbdTerms}; {@code ln Γ(r+x) - ln Γ(r) = Σ_{k<x} ln(r+k)} is accumulated once
 * per distinct {@code x}; the hypergeometric endpoint terms are evaluated once per distinct
 * {@code (x, T)} and {@code (x, t_x)} pair ({@link SummaryPairs}). Not part of the API.
 */
public final class ParetoNbdLikelihood implements LogLikelihood {

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
  public ParetoNbdLikelihood(int[] x, double[] tx, double[] age, double[] weight) {
    this.pairs = SummaryPairs.of(x, tx, age, weight);
  }

  @Override
  public double value(double[] p) {
    double r = p[0];
    double alpha = p[1];
    double s = p[2];
    double beta = p[3];
    double sum = 0;
    double gammaRatio = 0;
    double[] byFrequency = pairs.weightByFrequency;
    for (int k = 0; k < byFrequency.length; k++) {
      if (byFrequency[k] != 0) {
        sum += byFrequency[k] * gammaRatio;
      }
      gammaRatio += Math.log(r + k);
    }
    // Per (x, T): ln A1 = E(T) and ln G(T); x = 0 rows (t_x = 0) are complete here.
    int ages = pairs.age.length;
    double[] logAlive = new double[ages];
    double[] logEnd = new double[ages];
    double logStartAlone = ParetoNbdTerms.logG(r, alpha, s, beta, 0, 0.0);
    double logSOverMAlone = Math.log(s / (r + s));
    for (int i = 0; i < ages; i++) {
      int xi = pairs.ageX[i];
      double t = pairs.age[i];
      logAlive[i] = ParetoNbdTerms.logAlive(r, alpha, s, beta, xi, t);
      logEnd[i] = ParetoNbdTerms.logG(r, alpha, s, beta, xi, t);
      if (pairs.aloneWeight[i] != 0) {
        double died = Double.isNaN(logStartAlone) || Double.isNaN(logEnd[i])
            ? ParetoNbdTerms.logDied(r, alpha, s, beta, 0, 0.0, t)
            : ParetoNbdTerms.died(logSOverMAlone, logStartAlone, logEnd[i]);
        sum += pairs.aloneWeight[i] * logSumExp(logAlive[i], died);
      }
    }
    // Per (x, t_x): ln G(t_x).
    double[] logStart = new double[pairs.recency.length];
    for (int i = 0; i < logStart.length; i++) {
      logStart[i] = ParetoNbdTerms.logG(r, alpha, s, beta, pairs.recencyX[i], pairs.recency[i]);
    }
    int[] rowAge = pairs.rowAge;
    int[] rowRecency = pairs.rowRecency;
    double[] rowWeight = pairs.rowWeight;
    for (int i = 0; i < rowAge.length; i++) {
      int a = rowAge[i];
      int c = rowRecency[i];
      int xi = pairs.ageX[a];
      double g1 = logStart[c];
      double g2 = logEnd[a];
      double died = Double.isNaN(g1) || Double.isNaN(g2)
          ? ParetoNbdTerms.logDied(r, alpha, s, beta, xi, pairs.recency[c], pairs.age[a])
          : ParetoNbdTerms.died(Math.log(s / (r + s + xi)), g1, g2);
      sum += rowWeight[i] * logSumExp(logAlive[a], died);
    }
    return sum;
  }

  private static double logSumExp(double u, double v) {
    if (v == Double.NEGATIVE_INFINITY) {
      return u;
    }
    return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
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
    return logSumExp(u, v);
  }
}
