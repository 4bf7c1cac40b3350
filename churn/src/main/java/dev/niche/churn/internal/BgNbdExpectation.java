package dev.niche.churn.internal;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.exception.MathIllegalStateException;
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
   * @return the expectation, {@code >= 0}; finite unless it exceeds {@code Double.MAX_VALUE}
   */
  public static double expected(
      double r, double alpha, double a, double b, double t, int x, double age, double pAlive) {
    if (t == 0 || pAlive == 0) {
      return 0.0;
    }
    // α + T is never formed: it may exceed the double range where t/(α+T) does not.
    double v = LogSpace.overSum(t, alpha, age);
    double logV = Math.log(t) - LogSpace.logOfSum(alpha, age);
    double k = r + x;
    double bx = b + x;
    double value = Double.NaN;
    if (v > 0 && v < 1e300) {
      value = a < 2 ? euler(k, a, bx, v) : direct(k, a, bx, v);
    }
    if (Double.isNaN(value)) {
      value = integral(k, a, bx, logV);
    }
    return pAlive * value;
  }

  /** Form (3), or NaN if inaccurate or too slow. */
  private static double euler(double k, double a, double bx, double v) {
    double z = v / (1 + v);
    // The terms fall like z^n at last: about 40 (1+v) of them are needed.
    if (40 * (1 + v) > MAX_TERMS) {
      return Double.NaN;
    }
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
    for (int n = 1; n < MAX_TERMS && magnitude < 1e300; n++) {
      double step = (sum + (n - 1 - k)) / (sum + (n - 1)) * ((a + (n - 1)) / (n + 1)) * z;
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
    // The terms grow up to about n = k z b'/(a+b') and fall like (z b'/(a+b'))^n at last:
    // beyond the term limit, go to quadrature.
    double fall = a / (a + bx) + 1 / (1 + v);
    if (k * z * ((bx + 1) / (a + bx)) > 2.0 * MAX_DIRECT_TERMS || 40 > fall * MAX_DIRECT_TERMS) {
      return Double.NaN;
    }
    // The series minus its leading 1, so that ln ₂F₁ = log1p(tail) keeps its relative accuracy
    // when the terms are tiny (k → 0).
    double term = 1.0;
    double tail = 0.0;
    double logScale = 0;
    for (int n = 0; n < MAX_DIRECT_TERMS; n++) {
      double step = (k + n) / (n + 1) * ((bx + n) / (a + bx + (n - 1))) * z;
      term *= step;
      tail += term;
      if (!(tail < Double.POSITIVE_INFINITY)) {
        return Double.NaN;
      }
      if (tail > 1e250) {
        tail *= 1e-250;
        term *= 1e-250;
        logScale += 250 * Math.log(10);
      }
      if (step < 1 && term <= 1e-17 * tail) {
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

  /**
   * Form (1) by quadrature in {@code u = ln((1-p)/p)}, with the two tails in closed form; every
   * factor in logs, so that {@code k v} may overflow.
   */
  static double integral(double k, double a, double bx, double logV) {
    double logK = Math.log(k);
    double logP0 = Math.min(Math.log(1e-3), Math.log(1e-5) - logV - Math.log1p(k));
    double q0 = 1e-13;
    // Tail p < p0: Taylor series of g, term by term; B(a+j-1, b')/B(a, b') as a product.
    double[] logLow = new double[3];
    double logCoefficient = 0;
    double logRatio = 0;
    for (int j = 1; j <= 3; j++) {
      logCoefficient += Math.log(k + (j - 1)) - Math.log(j) + logV;
      if (j > 1) {
        logRatio -= LogSpace.log1pRatio(bx, a + (j - 2));
      }
      logLow[j - 1] = logCoefficient + logRatio + logIncompleteBeta(logP0, a + (j - 1), bx);
    }
    // Tail p > 1 - q0: g is g(1) there.
    double logHigh = logG(0, k, logK, logV) + logIncompleteBeta(Math.log(q0), bx, a);
    BetaShape shape = new BetaShape(a, bx, LogSpace.logBeta(a, bx));
    double centre = shape.centre;
    // The variable is d = u - centre, so that the density's large exponents cancel in BetaShape
    // rather than in rounded logarithms, and a narrow peak (width below the spacing of doubles
    // at the centre) keeps its resolution.
    double dLow = Math.log(q0) - Math.log1p(-q0) - centre;
    double dHigh = Math.log1p(-Math.exp(logP0)) - logP0 - centre;
    if (a >= 50 && bx >= 50) {
      dLow = Math.max(dLow, -60 * shape.width);
      dHigh = Math.min(dHigh, 60 * shape.width);
    }
    DoubleUnaryOperator logIntegrand = d -> {
      double u = centre + d;
      // ln p = -log1p(e^u), computed without overflow.
      double logP = u > 0 ? -u - Math.log1p(Math.exp(-u)) : -Math.log1p(Math.exp(u));
      return logG(logP, k, logK, logV) + shape.logDensity(d);
    };
    // Every piece is scaled by e^-scale, the largest log-value seen, so that none over- or
    // underflows (k v, the bound of g, may overflow; the result itself only if it exceeds the
    // double range).
    double scale = Math.max(logHigh, Math.max(logLow[0], Math.max(logLow[1], logLow[2])));
    double piece = Math.min(1.0, shape.width / 2);
    if (dHigh > dLow) {
      int samples = (int) Math.min(4096, Math.ceil((dHigh - dLow) / piece));
      for (int i = 0; i <= samples; i++) {
        scale = Math.max(scale, logIntegrand.applyAsDouble(dLow + (dHigh - dLow) * i / samples));
      }
      if (dLow < 0 && dHigh > 0) {
        scale = Math.max(scale, logIntegrand.applyAsDouble(0));
      }
    }
    if (scale == Double.NEGATIVE_INFINITY) {
      return 0.0;
    }
    double shift = scale;
    double low = Math.exp(logLow[0] - shift) - Math.exp(logLow[1] - shift)
        + Math.exp(logLow[2] - shift);
    double high = Math.exp(logHigh - shift);
    double middle = Quadrature.integrate(
        d -> Math.exp(logIntegrand.applyAsDouble(d) - shift), dLow, dHigh, piece);
    return (low + middle + high) * Math.exp(shift);
  }

  /** {@code ln g(p) = ln(1 - (1+pv)^-k) - ln p} from {@code ln p}, {@code ln k}, {@code ln v}. */
  private static double logG(double logP, double k, double logK, double logV) {
    double logPv = logP + logV;
    double logW;
    double w;
    if (logPv < -20) {
      double pv = Math.exp(logPv);
      logW = logK + logPv + Math.log1p(-pv / 2);
      w = Math.exp(logW);
    } else {
      double l = logPv > 30 ? logPv + Math.log1p(Math.exp(-logPv)) : Math.log1p(Math.exp(logPv));
      w = k * l;
      logW = logK + Math.log(l);
    }
    double logOneMinus = w < 1e-10 ? logW - w / 2 : Math.log(-Math.expm1(-w));
    return logOneMinus - logP;
  }

  /**
   * {@code ln I_x(a, b)} (regularized incomplete beta) from {@code ln x}: the series
   * {@code x^a Σ_n (1-b)_n xⁿ/(n! (a+n)) / B(a, b)} when {@code x |b-1|} is small (no underflow
   * for tiny {@code x}), otherwise Commons Math's continued fraction; where that fails (both
   * parameters beyond about {@code 10^200}), the distribution is a point mass at its mean.
   */
  static double logIncompleteBeta(double logX, double a, double b) {
    double x = Math.exp(logX);
    if (x * (Math.abs(b - 1) + 1) <= 1e-2) {
      double term = 1;
      double sum = 1 / a;
      for (int n = 0; n < 40; n++) {
        term *= (n + 1 - b) * x / (n + 1);
        double add = term / (a + n + 1);
        sum += add;
        if (Math.abs(add) <= 1e-17 * sum) {
          break;
        }
      }
      return a * logX + Math.log(sum) - LogSpace.logBeta(a, b);
    }
    // Far (40 standard deviations) from the mean of a concentrated beta, I_x is 0 or 1.
    double logMean = -LogSpace.log1pRatio(b, a);
    double mean = Math.exp(logMean);
    double sd = Math.sqrt(mean * (1 - mean) / (a + b + 1));
    if (Math.abs(x - mean) > 40 * sd && Math.min(a, b) > 1e4) {
      return x < mean ? Double.NEGATIVE_INFINITY : 0.0;
    }
    double value;
    try {
      value = Beta.regularizedBeta(x, a, b, 1e-15, 1_000_000);
    } catch (MathIllegalStateException e) {
      value = Double.NaN;
    }
    if (!(value >= 0 && value <= 1)) {
      value = logX < logMean ? 0.0 : 1.0;
    }
    return Math.log(value);
  }
}
