package dev.niche.churn.internal;

/**
 * The BG/NBD conditional expectation {@code E[Y(t) | x, t_x, T]} (Fader, Hardie &amp; Lee 2005,
 * eq. 10) in a form without the removable singularity at {@code a = 1} and without overflow for
 * large {@code x}. Not part of the API.
 *
 * <p>With {@code z = t/(α+T+t)}, {@code C = a+b+x-1}, {@code L = ln(1-z) = -log1p(t/(α+T))}, the
 * paper's
 *
 * <pre>
 * E[Y(t)] = P(alive) · C/(a-1) · [1 - (1-z)^(r+x) ₂F₁(r+x, b+x; C; z)]
 * </pre>
 *
 * is rewritten with Euler's transformation (Abramowitz &amp; Stegun 15.3.3),
 * {@code (1-z)^(r+x) ₂F₁(r+x, b+x; C; z) = (1-z)^(a-1) ₂F₁(a+b-1-r, a-1; C; z)}, and the factor
 * {@code (a-1)} of every term of that series cancelled:
 *
 * <pre>
 * E[Y(t)] = P(alive) · [ -C L h((a-1)L) - (1-z)^(a-1) S ],   h(y) = expm1(y)/y,
 * S = Σ_{n≥1} (a+b-1-r)_n (a)_{n-1} / ((C+1)_{n-1} n!) zⁿ.
 * </pre>
 *
 * With {@code x = T = t_x = 0} this is {@code E[X(t)]} for a new customer (eq. 9).
 */
public final class BgNbdExpectation {

  private static final int MAX_TERMS = 10_000_000;

  private BgNbdExpectation() {}

  /**
   * Expected purchases in {@code (T, T+t]} given alive-weighting {@code pAlive}.
   *
   * @param r shape of the purchase-rate gamma
   * @param alpha scale of the purchase-rate gamma
   * @param a first beta parameter
   * @param b second beta parameter
   * @param t the horizon, {@code >= 0}
   * @param x frequency
   * @param age T
   * @param pAlive the probability that the customer is alive at T
   * @return the expectation
   * @throws ArithmeticException if the series does not converge (only for {@code z} within
   *     rounding of 1)
   */
  public static double expected(
      double r, double alpha, double a, double b, double t, int x, double age, double pAlive) {
    if (t == 0) {
      return 0.0;
    }
    double ratio = t / (alpha + age);
    double z = ratio / (1 + ratio);
    double logOneMinusZ = -Math.log1p(ratio);
    double c = a + b + x - 1;
    double y = (a - 1) * logOneMinusZ;
    double h = y == 0 ? 1.0 : Math.expm1(y) / y;
    double first = -c * logOneMinusZ * h;
    double aPrime = a + b - 1 - r;
    double term = aPrime * z;
    double series = term;
    double settled = Math.abs(aPrime) + a + 2;
    for (int n = 1; n < MAX_TERMS; n++) {
      double step = (aPrime + n) * (a + n - 1) / ((c + n) * (n + 1)) * z;
      term *= step;
      series += term;
      if (term == 0
          || (n > settled && Math.abs(step) < 1 && Math.abs(term) <= 1e-17 * Math.abs(series))) {
        return pAlive * (first - Math.exp(y) * series);
      }
    }
    throw new ArithmeticException("BG/NBD expectation series did not converge for z = " + z);
  }
}
