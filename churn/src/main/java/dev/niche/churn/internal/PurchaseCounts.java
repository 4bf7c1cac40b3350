package dev.niche.churn.internal;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Distributions of the number of repeat purchases of a new customer, {@code P(X(t) = n)}. Not part
 * of the API.
 *
 * <p>All are built from the negative binomial distribution (NBD) of a Poisson count with a
 * Gamma(r, α) rate over a window of length {@code t}: with {@code p = α/(α+t)},
 * {@code q = t/(α+t)},
 *
 * <pre>
 * NBD(n; r, α, t) = Γ(r+n) / (Γ(r) n!) · p^r · q^n,
 * P(NBD ≥ n) = I_q(n, r)      (regularized incomplete beta; A&amp;S 26.5.26),
 * </pre>
 *
 * evaluated in logs ({@code r ln p = -r log1p(t/α)}) so that no power under- or overflows.
 */
public final class PurchaseCounts {

  /** Beyond this many terms, rising factorials come from log-gamma differences. */
  private static final int DIRECT_SUM_LIMIT = 64;

  /** The largest count whose NBD tail may be taken as a complement sum. */
  private static final int COMPLEMENT_SUM_LIMIT = 1_000_000;

  private PurchaseCounts() {}

  /**
   * BG/NBD {@code P(X(t) = n)} (Fader, Hardie &amp; Lee 2005, eq. 8):
   *
   * <pre>
   * P(X(t) = n) = B(a, b+n)/B(a, b) · NBD(n; r, α, t)
   *             + δ_{n&gt;0} B(a+1, b+n-1)/B(a, b) · P(NBD ≥ n),
   * </pre>
   *
   * the first term for customers still alive at {@code t} after {@code n} purchases, the second
   * for those who died right after their {@code n}-th. The beta ratios are
   * {@code ln B(a, b+n) - ln B(a, b) = Σ_{k<n} ln(1 - a/(a+b+k))} and
   * {@code B(a+1, b+n-1)/B(a, b) = a/(a+b+n-1) · B(a, b+n-1)/B(a, b)}.
   *
   * @param r gamma shape
   * @param alpha gamma rate
   * @param a first beta parameter
   * @param b second beta parameter
   * @param t window length, {@code >= 0}
   * @param n count, {@code >= 0}
   * @return the probability
   */
  public static double bgNbd(double r, double alpha, double a, double b, double t, int n) {
    if (t == 0) {
      return n == 0 ? 1.0 : 0.0;
    }
    double alive = Math.exp(logBetaRatio(a, b, n) + logNbd(r, alpha, t, n));
    if (n == 0) {
      return alive;
    }
    double died = Math.exp(Math.log(a / (a + b + (n - 1))) + logBetaRatio(a, b, n - 1))
        * nbdTail(r, alpha, t, n);
    return Math.min(1.0, alive + died);
  }

  /**
   * Pareto/NBD {@code P(X(t) = n)} (Fader &amp; Hardie 2006, "Deriving an Expression for
   * {@code P(X(t) = x)} Under the Pareto/NBD Model"): a customer alive at {@code t} made
   * {@code NBD(n; r, α, t)} purchases; one who died at {@code τ < t} made {@code NBD(n; r, α, τ)},
   * and the death time has density {@code s β^s (β+τ)^-(s+1)} after mixing over
   * {@code μ ~ Gamma(s, β)}:
   *
   * <pre>
   * P(X(t) = n) = NBD(n; r, α, t) (β/(β+t))^s + ∫_0^t NBD(n; r, α, τ) s β^s (β+τ)^-(s+1) dτ.
   * </pre>
   *
   * The integral (the note's difference of hypergeometric sums, written as what it is) is
   * evaluated by adaptive Gauss–Legendre quadrature in {@code w = ln τ}, which turns the
   * power-law tails into smooth exponentials; every factor is a softplus of {@code w},
   * {@code ln(1 + τ/α) = ln(1 + e^(w - ln α))}, so that no {@code τ}, {@code α} or {@code β}
   * is formed and parameters down to {@code Double.MIN_VALUE} give finite, accurate values.
   *
   * @param r purchase-rate shape
   * @param alpha purchase-rate rate
   * @param s dropout-rate shape
   * @param beta dropout-rate rate
   * @param t window length, {@code >= 0}
   * @param n count, {@code >= 0}
   * @return the probability
   */
  public static double paretoNbd(double r, double alpha, double s, double beta, double t, int n) {
    if (t == 0) {
      return n == 0 ? 1.0 : 0.0;
    }
    double alive = Math.exp(logNbd(r, alpha, t, n) - s * LogSpace.log1pRatio(t, beta));
    double logAlpha = Math.log(alpha);
    double logBeta = Math.log(beta);
    // Lowest scale of the integrand: the NBD's alpha, the death density's beta/(s+1), and t;
    // 40 e-folds below it the integrand (at least linear in tau) is negligible.
    double logT = Math.log(t);
    double lower = Math.min(Math.min(logAlpha, logBeta - Math.log1p(s)), logT) - 40;
    // Beyond tau_max the death density is below e^-800 of its start.
    double upper = Math.min(logT, logBeta + Math.log(Math.expm1(Math.min(700, 800 / (s + 1)))));
    double logConstant = Math.log(s) + logRising(r, n) - Gamma.logGamma(n + 1.0) - logBeta;
    double died = Quadrature.integrate(w -> {
      double log = logConstant + w - r * ParetoNbdTerms.softplus(w - logAlpha) - (s + 1) * ParetoNbdTerms.softplus(w - logBeta);
      if (n > 0) {
        log -= n * ParetoNbdTerms.softplus(logAlpha - w);
      }
      return Math.exp(log);
    }, lower, upper, 0.5);
    return Math.min(1.0, alive + died);
  }

  /**
   * {@code ln NBD(n; r, α, t)}.
   *
   * @param r gamma shape
   * @param alpha gamma rate
   * @param t window length, {@code > 0}
   * @param n count, {@code >= 0}
   * @return the log-probability
   */
  public static double logNbd(double r, double alpha, double t, int n) {
    double logP = -r * LogSpace.log1pRatio(t, alpha);
    if (n == 0) {
      return logP;
    }
    double logQ = -LogSpace.log1pRatio(alpha, t);
    return logRising(r, n) - Gamma.logGamma(n + 1.0) + logP + n * logQ;
  }

  /**
   * {@code P(NBD ≥ n) = I_{t/(α+t)}(n, r)} for {@code n >= 1}: Commons Math's continued fraction
   * while {@code q = t/(α+t) <= 0.9} (so that {@code q} keeps the digits of {@code α/(α+t)});
   * otherwise, and where the continued fraction fails (very large {@code r}), the complement
   * {@code 1 - p^r - Σ_{0<j<n} NBD(j)} with {@code 1 - p^r = -expm1(r ln p)} taken in logs, exact
   * as {@code r → 0} ({@code n <= 10^6}); beyond, the Poisson limit {@code P(Poisson(rt/α) ≥ n)}
   * of {@code r → ∞} (A&amp;S 26.4.21).
   *
   * @param r gamma shape
   * @param alpha gamma rate
   * @param t window length, {@code > 0}
   * @param n count, {@code >= 1}
   * @return the tail probability
   */
  public static double nbdTail(double r, double alpha, double t, int n) {
    double q = t / (alpha + t);
    if (q <= 0.9 || n > COMPLEMENT_SUM_LIMIT) {
      double tail;
      try {
        tail = Beta.regularizedBeta(q, n, r, 1e-15, Integer.MAX_VALUE);
      } catch (MathIllegalStateException e) {
        tail = Double.NaN;
      }
      if (tail >= 0 && tail <= 1) {
        return tail;
      }
      if (n > COMPLEMENT_SUM_LIMIT) {
        double mean = Math.exp(Math.log(r) + Math.log(t) - Math.log(alpha));
        return mean > Double.MAX_VALUE ? 1.0 : Gamma.regularizedGammaP(n, mean);
      }
    }
    double tail = -Math.expm1(-r * LogSpace.log1pRatio(t, alpha));
    for (int j = 1; j < n && tail > 0; j++) {
      tail -= Math.exp(logNbd(r, alpha, t, j));
    }
    return Math.min(1.0, Math.max(0.0, tail));
  }

  /**
   * {@code ln Γ(z+n) - ln Γ(z)}, the log of the rising factorial {@code (z)_n}.
   *
   * @param z positive base
   * @param n count, {@code >= 0}
   * @return the log rising factorial
   */
  public static double logRising(double z, int n) {
    if (n <= DIRECT_SUM_LIMIT) {
      double s = 0;
      for (int k = 0; k < n; k++) {
        s += Math.log(z + k);
      }
      return s;
    }
    return Gamma.logGamma(z + n) - Gamma.logGamma(z);
  }

  /**
   * {@code ln B(a, b+n) - ln B(a, b) = Σ_{k<n} ln((b+k)/(a+b+k))}, exact for large {@code a, b}.
   *
   * @param a first beta parameter
   * @param b second beta parameter
   * @param n count, {@code >= 0}
   * @return the log ratio
   */
  public static double logBetaRatio(double a, double b, int n) {
    if (n <= DIRECT_SUM_LIMIT) {
      double s = 0;
      for (int k = 0; k < n; k++) {
        s -= LogSpace.log1pRatio(a, b + k);
      }
      return s;
    }
    return logRising(b, n) - logRising(a + b, n);
  }
}
