package dev.niche.churn.internal;

/**
 * The two terms of the Pareto/NBD likelihood of one customer, in logs (Schmittlein, Morrison &amp;
 * Colombo 1987; Fader &amp; Hardie 2005, "A Note on Deriving the Pareto/NBD Model and Related
 * Expressions"; Fader, Hardie &amp; Lee 2005, "A Note on Implementing the Pareto/NBD Model in
 * MATLAB"). Not part of the API.
 *
 * <p>With {@code λ ~ Gamma(r, α)}, a dropout rate {@code μ ~ Gamma(s, β)} and
 * {@code Γ(r+x)/Γ(r)} left out,
 *
 * <pre>
 * L / (Γ(r+x)/Γ(r)) = A1 + A2,
 * A1 = α^r β^s / ((α+T)^(r+x) (β+T)^s)                         (alive at T)
 * A2 = s α^r β^s ∫_{t_x}^{T} (α+τ)^-(r+x) (β+τ)^-(s+1) dτ       (died in (t_x, T])
 *    = s/(r+s+x) α^r β^s A_0,
 * </pre>
 *
 * where the note's {@code A_0} is a difference of Gauss hypergeometric functions on the branch of
 * {@code max(α, β)}. With {@code m = r+s+x}, {@code w(t) = |α-β|/(max(α,β)+t)} and
 * {@code E(t) = -r log1p(t/α) - x ln(α+t) - s log1p(t/β)} (so that {@code ln A1 = E(T)}):
 *
 * <pre>
 * α ≥ β:  α^r β^s (α+t)^-m ₂F₁(m, s+1; m+1; w) = exp(E(t)) · ₂F₁(1, r+x; m+1; w)
 * α &lt; β:  α^r β^s (β+t)^-m ₂F₁(m, r+x; m+1; w) = exp(E(t)) (α+t)/(β+t) · ₂F₁(1, s+1; m+1; w)
 * A2 = s/m · [G(t_x) - G(T)]
 * </pre>
 *
 * after Euler's transformation {@code ₂F₁(a,b;c;z) = (1-z)^(c-a-b) ₂F₁(c-a,c-b;c;z)} (A&amp;S
 * 15.3.3). The transformed series {@code Σ_n Π_{k<n} (b+k)/(m+1+k) wⁿ} has positive terms that
 * fall monotonically ({@code b < m+1}), so it is summed without cancellation and without
 * overflow for any {@code x}; everything else is in logs. When {@code w} is so close to 1 that
 * the series would need more than {@value #MAX_TERMS} terms (extreme parameters, e.g.
 * {@code s, β → ∞}), the integral of {@code A2} is evaluated instead by adaptive Gauss–Legendre
 * quadrature in {@code w = ln(τ - t_x)}, where every factor is a softplus of {@code w}
 * ({@code ln(1 + (τ-t_x)/(α+t_x)) = ln(1 + e^(w - ln(α+t_x)))}). Ratios such as {@code t/α} are
 * taken in logs when they overflow ({@link LogSpace#log1pRatio}), and sums such as {@code α+t}
 * enter only through their logarithms and quotients by them ({@link LogSpace#logOfSum},
 * {@link LogSpace#overSum}), so {@code α} or {@code β} may be as small as
 * {@code Double.MIN_VALUE} and as large as {@code Double.MAX_VALUE}, for any finite time.
 */
public final class ParetoNbdTerms {

  private static final int MAX_TERMS = 4000;

  private ParetoNbdTerms() {}

  /**
   * {@code E(t) = ln(α^r β^s (α+t)^-(r+x) (β+t)^-s)}.
   *
   * @param r purchase-rate shape
   * @param alpha purchase-rate rate
   * @param s dropout-rate shape
   * @param beta dropout-rate rate
   * @param x frequency
   * @param t time
   * @return {@code E(t)}
   */
  public static double logAlive(double r, double alpha, double s, double beta, int x, double t) {
    double e = -r * LogSpace.log1pRatio(t, alpha) - s * LogSpace.log1pRatio(t, beta);
    return x == 0 ? e : e - x * LogSpace.logOfSum(alpha, t);
  }

  /**
   * {@code ln A2}, the log of the probability-like term of having died in {@code (t_x, T]}.
   *
   * @param r purchase-rate shape
   * @param alpha purchase-rate rate
   * @param s dropout-rate shape
   * @param beta dropout-rate rate
   * @param x frequency
   * @param tx recency
   * @param age age T
   * @return {@code ln A2}, {@code -∞} when {@code t_x = T}
   */
  public static double logDied(
      double r, double alpha, double s, double beta, int x, double tx, double age) {
    if (tx >= age) {
      return Double.NEGATIVE_INFINITY;
    }
    double m = r + s + x;
    double g1 = logG(r, alpha, s, beta, x, tx);
    double g2 = logG(r, alpha, s, beta, x, age);
    if (Double.isNaN(g1) || Double.isNaN(g2)) {
      return Math.log(s) + logIntegral(r, alpha, s, beta, x, tx, age);
    }
    return died(Math.log(s / m), g1, g2);
  }

  /**
   * {@code ln A2 = ln(s/m) + ln(G(t_x) - G(T))} from the logs of the two endpoint terms.
   *
   * @param logSOverM {@code ln(s/(r+s+x))}
   * @param g1 {@code ln G(t_x)}
   * @param g2 {@code ln G(T)}
   * @return {@code ln A2}, {@code -∞} when the difference is not positive
   */
  public static double died(double logSOverM, double g1, double g2) {
    double d = g2 - g1;
    if (!(d < 0)) {
      return Double.NEGATIVE_INFINITY;
    }
    double diff = d > -0.6931471805599453 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d));
    return logSOverM + g1 + diff;
  }

  /**
   * {@code ln G(t)}, the log of the endpoint term of {@code A2} (see the class documentation).
   *
   * @param r purchase-rate shape
   * @param alpha purchase-rate rate
   * @param s dropout-rate shape
   * @param beta dropout-rate rate
   * @param x frequency
   * @param t the endpoint, {@code t_x} or {@code T}
   * @return {@code ln G(t)}, or NaN if the series would be too long (use {@link #logIntegral})
   */
  public static double logG(double r, double alpha, double s, double beta, int x, double t) {
    double m = r + s + x;
    double e = logAlive(r, alpha, s, beta, x, t);
    if (alpha >= beta) {
      double sum = series(r + x, m + 1, LogSpace.overSum(alpha - beta, alpha, t));
      return e + Math.log(sum);
    }
    double sum = series(s + 1, m + 1, LogSpace.overSum(beta - alpha, beta, t));
    return e + LogSpace.logOfSum(alpha, t) - LogSpace.logOfSum(beta, t) + Math.log(sum);
  }

  /**
   * {@code ₂F₁(1, b; c; w)} for {@code 0 <= b < c}, {@code 0 <= w < 1}: positive, monotonically
   * falling terms.
   *
   * @return the sum, or NaN if more than {@link #MAX_TERMS} terms would be needed
   */
  private static double series(double b, double c, double w) {
    if (w == 0) {
      return 1.0;
    }
    double tail = w / (1 - w);
    double sum = 1.0;
    double term = 1.0;
    for (int k = 0; k < MAX_TERMS; k++) {
      term *= (b + k) / (c + k) * w;
      sum += term;
      if (term * tail <= 1e-17 * sum) {
        return sum;
      }
    }
    return Double.NaN;
  }

  /**
   * {@code ln ∫_{t_x}^{T} α^r β^s (α+τ)^-(r+x) (β+τ)^-(s+1) dτ} by adaptive quadrature.
   *
   * @param r purchase-rate shape
   * @param alpha purchase-rate rate
   * @param s dropout-rate shape
   * @param beta dropout-rate rate
   * @param x frequency
   * @param tx recency, {@code < T}
   * @param age age T
   * @return the log of the integral
   */
  public static double logIntegral(
      double r, double alpha, double s, double beta, int x, double tx, double age) {
    // In w = ln(τ - t_x), each factor is a softplus: (α+τ)/(α+t_x) = 1 + e^(w - A).
    double logA = LogSpace.logOfSum(alpha, tx);
    double logB = LogSpace.logOfSum(beta, tx);
    double k = r + x;
    double top = logAlive(r, alpha, s, beta, x, tx) - logB;
    double upper = Math.log(age - tx);
    // 40 e-folds below the lowest scale of the integrand (which is linear in τ - t_x there).
    double lower = Math.min(Math.min(logA - Math.log1p(k), logB - Math.log1p(s)), upper) - 40;
    double integral = Quadrature.integrate(
        w -> Math.exp(w - k * softplus(w - logA) - (s + 1) * softplus(w - logB)), lower, upper,
        0.5);
    return top + Math.log(integral);
  }

  /** {@code ln(1 + e^y)} without overflow. */
  static double softplus(double y) {
    return y > 0 ? y + Math.log1p(Math.exp(-y)) : Math.log1p(Math.exp(y));
  }

}
