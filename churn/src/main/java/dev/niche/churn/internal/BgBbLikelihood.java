package dev.niche.churn.internal;

import dev.niche.core.likelihood.LogLikelihood;

/**
 * The BG/BB log-likelihood (Fader, Hardie &amp; Shang 2010, "Customer-Base Analysis in a
 * Discrete-Time Noncontractual Setting", Marketing Science 29(6)) over
 * {@code (α, β, γ, δ)}, for customers summarised by {@code (x, t_x, n)} with weights:
 *
 * <pre>
 * L = B(α+x, β+n-x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *   + Σ_{i=0}^{n-t_x-1} B(α+x, β+t_x-x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ)
 * </pre>
 *
 * All arguments are whole numbers, so every beta ratio is a finite product evaluated as a sum of
 * logs ({@link #logBetaRatio}), which stays accurate when a parameter tends to infinity. Not part
 * of the API.
 */
public final class BgBbLikelihood implements LogLikelihood {

  private final int[] x;
  private final int[] tx;
  private final int[] n;
  private final double[] weight;

  /**
   * Creates the likelihood over validated data, kept not copied.
   *
   * @param x frequencies
   * @param tx recencies (opportunity of the last transaction)
   * @param n numbers of opportunities
   * @param weight row weights
   */
  public BgBbLikelihood(int[] x, int[] tx, int[] n, double[] weight) {
    this.x = x;
    this.tx = tx;
    this.n = n;
    this.weight = weight;
  }

  @Override
  public double value(double[] p) {
    double sum = 0;
    for (int j = 0; j < x.length; j++) {
      if (weight[j] != 0) {
        sum += weight[j] * logLikelihood(p[0], p[1], p[2], p[3], x[j], tx[j], n[j]);
      }
    }
    return sum;
  }

  /**
   * One customer's log-likelihood.
   *
   * @param alpha α
   * @param beta β
   * @param gamma γ
   * @param delta δ
   * @param x frequency
   * @param tx recency
   * @param n opportunities
   * @return {@code ln L}
   */
  public static double logLikelihood(
      double alpha, double beta, double gamma, double delta, int x, int tx, int n) {
    double first = logBetaRatio(alpha, beta, x, n - x) + logBetaRatio(gamma, delta, 0, n);
    // Streaming log-sum-exp over the n - t_x terms; each Beta ratio follows from the previous
    // one by one factor, so the whole sum is linear in n.
    double best = first;
    double s = 1;
    double transact = logBetaRatio(alpha, beta, x, tx - x);
    double survive = logBetaRatio(gamma, delta, 0, tx);
    for (int i = 0; i < n - tx; i++) {
      if (i > 0) {
        transact += logRatio(beta + (tx - x + i - 1), alpha + beta + (tx + i - 1));
        survive += logRatio(delta + (tx + i - 1), gamma + delta + (tx + i - 1));
      }
      double term = transact + logRatio(gamma, gamma + delta + (tx + i)) + survive;
      if (term > best) {
        s = s * Math.exp(best - term) + 1;
        best = term;
      } else {
        s += Math.exp(term - best);
      }
    }
    return best + Math.log(s);
  }

  /**
   * {@code ln[B(a+i, b+j)/B(a, b)] = Σ_{k<i} ln(a+k) + Σ_{k<j} ln(b+k) - Σ_{k<i+j} ln(a+b+k)}
   * for whole numbers {@code i, j >= 0}.
   *
   * @param a first parameter
   * @param b second parameter
   * @param i increment of a
   * @param j increment of b
   * @return the log ratio
   */
  public static double logBetaRatio(double a, double b, int i, int j) {
    double s = 0;
    // Pair the terms so that large a or b do not cancel catastrophically.
    int k = 0;
    for (; k < i; k++) {
      s -= LogSpace.log1pRatio(b, a + k);
    }
    for (int m = 0; m < j; m++, k++) {
      s += logRatio(b + m, a + b + k);
    }
    return s;
  }

  /**
   * {@code ln(u/v)} for {@code 0 < u <= v}: the log of the quotient, or the difference of the
   * logs where the quotient underflows (a parameter near {@code Double.MIN_VALUE}).
   */
  private static double logRatio(double u, double v) {
    double q = u / v;
    return q >= Double.MIN_NORMAL ? Math.log(q) : Math.log(u) - Math.log(v);
  }
}
