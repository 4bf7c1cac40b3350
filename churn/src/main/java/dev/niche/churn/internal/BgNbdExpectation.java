package dev.niche.churn.internal;

import org.apache.commons.math3.special.Beta;

/**
 * The BG/NBD conditional expectation {@code E[Y(t) | x, t_x, T]} (Fader, Hardie &amp; Lee 2005,
 * eq. 10; with {@code x = T = 0} the new-customer {@code E[X(t)]} of eq. 9), finite and accurate
 * for every parameter value. Not part of the API.
 *
 * <p>Given that the customer is alive, the rate is {@code λ ~ Gamma(k, α+T)} with {@code k = r+x}
 * and the dropout probability {@code p ~ Beta(a, b')} with {@code b' = b+x}, so with
 * {@code v = t/(α+T)}, {@code z = v/(1+v)} and {@code C = a+b'-1}:
 *
 * <pre>
 * E[Y(t)] / P(alive) = ∫_0^1 g(p) Beta(p; a, b') dp,   g(p) = (1 - (1+pv)^-k) / p      (1)
 *                    = C/(a-1) [1 - (1-z)^k ₂F₁(k, b'; C; z)]                          (2)
 *                    = -C L h((a-1)L) - (1-z)^(a-1) S,  L = ln(1-z), h(y) = expm1(y)/y   (3)
 * </pre>
 *
 * with {@code S = Σ_{n≥1} (C-k)_n (a)_{n-1} / ((C+1)_{n-1} n!) zⁿ} (Euler's transformation
 * {@code (1-z)^k ₂F₁(k, b'; C; z) = (1-z)^(a-1) ₂F₁(C-k, a-1; C; z)}, A&amp;S 15.3.3, and the
 * factor {@code a-1} cancelled). Each form is used where it is exact:
 *
 * <ul>
 *   <li>(3) for {@code a < 2}: its terms fall monotonically, and it has no singularity at
 *       {@code a = 1};
 *   <li>(2) for {@code a >= 2}, summed with rescaling (no overflow for large {@code x}) and
 *       combined as {@code -expm1(k ln(1-z) + ln ₂F₁)}; its terms overflow nowhere and it
 *       converges fast for large {@code a}, where (3) would grow like {@code aⁿ} and cancel (the
 *       cause of the NaN of {@code BgNbd.of(0.243, 4.414, 1000, 3000)});
 *   <li>(1) by quadrature whenever the estimated rounding error of the series form exceeds
 *       {@code 10^-12} relative (e.g. {@code b' ≫ a}, where both series cancel like
 *       {@code C/(a-1)}) or the series would need more than {@value #MAX_TERMS} terms
 *       ({@value #MAX_DIRECT_TERMS} for (2))
 *       ({@code z → 1}). In {@code u = ln((1-p)/p)} the integrand {@code g(p) p^a (1-p)^b'} is
 *       smooth; below {@code p_0 = 10^-5/(v(k+1))} the integral is
 *       {@code Σ_{j=1..3} (-1)^(j+1) (k)_j/j! v^j B(a+j-1, b')/B(a, b') I_{p_0}(a+j-1, b')}
 *       (Taylor series of {@code g}, regularized incomplete betas), above {@code 1 - 10^-13} it is
 *       {@code g(1) I_{10^-13}(b', a)}.
 * </ul>
 *
 * <p>In the limit {@code a, b → ∞} with {@code a/(a+b) → p} this tends to the geometric-dropout
 * value {@code g(p)}, and with {@code a/b → 0} to the NBD's {@code k v}; both are reached
 * continuously by (1)–(2).
 */
public final class BgNbdExpectation {

  private static final int MAX_TERMS = 100_000;
  /** Form (2) needs about as many terms as purchases are expected when a and b' are large. */
  private static final int MAX_DIRECT_TERMS = 10_000_000;
  private static final double TOLERANCE = 1e-12;
  private static final double EPS = 0x1p-52;

  private BgNbdExpectation() {}

  /**
   * Expected purchases in {@code (T, T+t]} given alive-weighting {@code pAlive}.
   *
   * @param r shape of the purchase-rate gamma
   * @param alpha rate of the purchase-rate gamma
   * @param a first beta parameter
   * @param b second beta parameter
   * @param t the horizon, {@code >= 0}
   * @param x frequency
   * @param age T
   * @param pAlive the probability that the customer is alive at T
   * @return the expectation, finite and {@code >= 0}
   */
  public static double expected(
      double r, double alpha, double a, double b, double t, int x, double age, double pAlive) {
    if (t == 0 || pAlive == 0) {
      return 0.0;
    }
    double v = t / (alpha + age);
    double k = r + x;
    double bx = b + x;
    double value = a < 2 ? euler(k, a, bx, v) : direct(k, a, bx, v);
    if (Double.isNaN(value)) {
      value = integral(k, a, bx, v);
    }
    return pAlive * value;
  }

  /** Form (3), or NaN if inaccurate or too slow. */
  private static double euler(double k, double a, double bx, double v) {
    double z = v / (1 + v);
    double logOneMinusZ = -Math.log1p(v);
    double c = a + bx - 1;
    double y = (a - 1) * logOneMinusZ;
    double h = y == 0 ? 1.0 : Math.expm1(y) / y;
    double first = -c * logOneMinusZ * h;
    double aPrime = c - k;
    // (c + n) and (aPrime + n) are formed from a + b' so that they keep their digits when
    // a + b' - 1 is close to -n (a, b → 0).
    double sum = a + bx;
    double term = aPrime * z;
    double series = term;
    double magnitude = Math.abs(term);
    double settled = Math.abs(aPrime) + a + 2;
    for (int n = 1; n < MAX_TERMS; n++) {
      double step = (sum + (n - 1 - k)) * (a + n - 1) / ((sum + (n - 1)) * (n + 1)) * z;
      term *= step;
      series += term;
      magnitude += Math.abs(term);
      if (term == 0
          || (n > settled && Math.abs(step) < 1 && Math.abs(term) <= 1e-17 * Math.abs(series))) {
        double scale = Math.exp(y);
        double value = first - scale * series;
        double error = 4 * EPS * (Math.abs(first) + scale * magnitude) + 1e-16 * Math.abs(value);
        return value > 0 && error <= TOLERANCE * value ? value : Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** Form (2), or NaN if inaccurate or too slow. */
  private static double direct(double k, double a, double bx, double v) {
    double z = v / (1 + v);
    double c = a + bx - 1;
    // The series minus its leading 1, so that ln ₂F₁ = log1p(tail) keeps its relative accuracy
    // when the terms are tiny (k → 0).
    double term = 1.0;
    double tail = 0.0;
    double logScale = 0;
    for (int n = 0; n < MAX_DIRECT_TERMS; n++) {
      double step = (k + n) * (bx + n) / ((a + bx + (n - 1)) * (n + 1)) * z;
      term *= step;
      tail += term;
      if (tail > 1e250) {
        tail *= 1e-250;
        term *= 1e-250;
        logScale += 250 * Math.log(10);
      }
      if (step < 1 && term <= 1e-17 * (logScale == 0 ? 1 + tail : tail)) {
        double kLog = -k * Math.log1p(v);
        double logF = logScale == 0 ? Math.log1p(tail) : Math.log(tail) + logScale;
        double l = kLog + logF;
        double bracket = -Math.expm1(l);
        double value = c / (a - 1) * bracket;
        double error = 4 * EPS * (Math.abs(kLog) + Math.abs(logF)) * Math.exp(l);
        return value > 0 && error <= TOLERANCE * Math.abs(bracket) ? value : Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** Form (1) by quadrature in u = ln((1-p)/p), with the two tails in closed form. */
  static double integral(double k, double a, double bx, double v) {
    double logBeta = Beta.logBeta(a, bx);
    double p0 = Math.min(1e-3, 1e-5 / (v * (k + 1)));
    double q0 = 1e-13;
    // Tail p < p0: Taylor series of g, term by term.
    double low = 0;
    double coefficient = 1;
    double ratio = 1;
    for (int j = 1; j <= 3; j++) {
      coefficient *= (k + j - 1) / j * v;
      double sign = j % 2 == 1 ? 1 : -1;
      low += sign * coefficient * ratio * Beta.regularizedBeta(p0, a + j - 1, bx);
      ratio *= (a + j - 1) / (a + bx + j - 1);
    }
    // Tail p > 1 - q0: g is g(1) there.
    double g1 = -Math.expm1(-k * Math.log1p(v));
    double high = g1 * Beta.regularizedBeta(q0, bx, a);
    double uLow = Math.log(q0) - Math.log1p(-q0);
    double uHigh = Math.log1p(-p0) - Math.log(p0);
    double centre = Math.log(bx / a);
    double width = 1 / Math.sqrt(a * bx / (a + bx));
    if (a >= 50 && bx >= 50) {
      uLow = Math.max(uLow, centre - 60 * width);
      uHigh = Math.min(uHigh, centre + 60 * width);
    }
    double middle = Quadrature.integrate(u -> {
      // ln p = -log1p(e^u), ln(1-p) = -log1p(e^-u), computed without overflow.
      double logP = u > 0 ? -u - Math.log1p(Math.exp(-u)) : -Math.log1p(Math.exp(u));
      double logQ = u > 0 ? -Math.log1p(Math.exp(-u)) : u - Math.log1p(Math.exp(u));
      double p = Math.exp(logP);
      double g = -Math.expm1(-k * Math.log1p(p * v)) / p;
      return g * Math.exp(a * logP + bx * logQ - logBeta);
    }, uLow, uHigh, Math.min(1.0, width / 2));
    return low + middle + high;
  }
}
