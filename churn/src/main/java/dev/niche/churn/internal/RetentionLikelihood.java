package dev.niche.churn.internal;

import java.util.function.IntToDoubleFunction;

/**
 * Log-likelihood kernels of grouped retention data: customers lost in period {@code t}
 * contribute {@code ln P(T = t)}, the {@code N_n} survivors at the end {@code ln S(n)}.
 * Not part of the API.
 */
public final class RetentionLikelihood {

  private RetentionLikelihood() {}

  /**
   * The shifted-beta-geometric log-likelihood, with {@code S(t) = Π_{i<t} (β+i)/(α+β+i)} and
   * {@code P(T = t) = S(t-1) α / (α+β+t-1)}; products are taken in logs through {@code log1p},
   * so the value stays accurate for huge {@code α, β}.
   *
   * @param alpha α &gt; 0
   * @param beta β &gt; 0
   * @param survivors the counts {@code N_0..N_n}
   * @return the log-likelihood (multinomial kernel, no constant)
   */
  public static double shiftedBetaGeometric(double alpha, double beta, long[] survivors) {
    double logS = 0.0;
    double logAlpha = Math.log(alpha);
    double ll = 0.0;
    for (int t = 1; t < survivors.length; t++) {
      double denominator = alpha + beta + t - 1;
      long lost = survivors[t - 1] - survivors[t];
      if (lost > 0) {
        ll += lost * (logS + logAlpha - Math.log(denominator));
      }
      logS += Math.log1p(-alpha / denominator);
    }
    long last = survivors[survivors.length - 1];
    return last > 0 ? ll + last * logS : ll;
  }

  /**
   * The geometric (constant churn {@code θ}) log-likelihood:
   * {@code D ln θ + (E - D) ln(1 - θ)} with {@code D} losses and {@code E} customer-periods at
   * risk.
   *
   * @param theta the churn probability in [0, 1]
   * @param survivors the counts
   * @return the log-likelihood, {@code -∞} where impossible
   */
  public static double geometric(double theta, long[] survivors) {
    double[] de = lossesAndExposure(survivors);
    double ll = 0;
    if (de[0] > 0) {
      ll += de[0] * Math.log(theta);
    }
    if (de[1] - de[0] > 0) {
      ll += (de[1] - de[0]) * Math.log1p(-theta);
    }
    return ll;
  }

  /**
   * Total losses {@code D = N_0 - N_n} and exposure {@code E = Σ_{t=1..n} N_{t-1}}, the
   * customer-periods at risk; the geometric MLE is {@code D / E}.
   *
   * @param survivors the counts
   * @return {@code {D, E}}
   */
  public static double[] lossesAndExposure(long[] survivors) {
    double exposure = 0;
    for (int t = 1; t < survivors.length; t++) {
      exposure += survivors[t - 1];
    }
    return new double[] {survivors[0] - survivors[survivors.length - 1], exposure};
  }

  /** {@code ln h} beyond which {@code h = t^c} is treated by its asymptotic form. */
  private static final double LOG_HUGE = 690;

  /**
   * {@code ln Γ(x + h) - ln Γ(x)} without the cancellation of two large log-gammas: for
   * {@code x >= 50} the difference of Stirling series
   * {@code (x - 1/2) log1p(h/x) + h ln(x+h) - h + 1/(12(x+h)) - 1/(12x) - ...}
   * (Abramowitz &amp; Stegun 6.1.41), otherwise the difference of log-gammas.
   *
   * @param x the base, &gt; 0
   * @param h the increment, &gt;= 0
   * @return the log ratio {@code ln(Γ(x+h) / Γ(x))}
   */
  public static double logGammaRatio(double x, double h) {
    if (h == 0) {
      return 0.0;
    }
    if (x < 50) {
      return org.apache.commons.math3.special.Gamma.logGamma(x + h)
          - org.apache.commons.math3.special.Gamma.logGamma(x);
    }
    double y = x + h;
    double main = (x - 0.5) * Math.log1p(h / x) + h * Math.log(y) - h;
    double correction = (1 / y - 1 / x) / 12.0
        - (1 / (y * y * y) - 1 / (x * x * x)) / 360.0
        + (1 / Math.pow(y, 5) - 1 / Math.pow(x, 5)) / 1260.0;
    return main + correction;
  }

  /**
   * {@code ln S(t)} of the beta-discrete-Weibull model,
   * {@code ln B(α, β + h) - ln B(α, β) = ln[Γ(α+β)/Γ(β)] - ln[Γ(β+h+α)/Γ(β+h)]} with
   * {@code h = t^c} (each bracket of size {@code α ln}, no cancellation of terms of size
   * {@code h ln h}; for {@code h < α} the equivalent {@code ln[Γ(β+h)/Γ(β)] -
   * ln[Γ(α+β+h)/Γ(α+β)]}), and {@code ln[Γ(α+β)/Γ(β)] - α c ln t} once {@code t^c} is beyond the
   * double range.
   *
   * @param alpha α &gt; 0
   * @param beta β &gt; 0
   * @param c c &gt; 0
   * @param t the time, {@code >= 0}
   * @return {@code ln S(t)}
   */
  public static double betaDiscreteWeibullLogSurvival(double alpha, double beta, double c, int t) {
    if (t == 0) {
      return 0.0;
    }
    double logH = c * Math.log(t);
    if (logH > LOG_HUGE) {
      // Γ(β+h)/Γ(α+β+h) = h^-α (1 + O((α+β)²/h)): t^c beyond the double range.
      return logGammaRatio(beta, alpha) - alpha * logH;
    }
    double h = c == 1.0 ? t : Math.pow(t, c);
    return h >= alpha
        ? logGammaRatio(beta, alpha) - logGammaRatio(beta + h, alpha)
        : logGammaRatio(beta, h) - logGammaRatio(alpha + beta, h);
  }

  /**
   * {@code ln r_t = ln S(t) - ln S(t-1)} of the beta-discrete-Weibull model, {@code t >= 1},
   * without the cancellation of two nearly equal {@code ln S} late in the curve. With
   * {@code G(y) = ln Γ(y+α) - ln Γ(y)}, {@code y = β + (t-1)^c} and the step
   * {@code Δ = t^c - (t-1)^c}, {@code ln r_t = G(y) - G(y+Δ)}; once {@code y > 10^4 (1+α)},
   * the asymptotic series {@code G(y) = α ln y + α(α-1)/(2y) - α(α-1)(2α-1)/(12y²) +
   * α²(α-1)²/(12y³) + O(α⁵/y⁴)} (A&amp;S 6.1.47, with Bernoulli polynomials) gives {@code ln r_t}
   * term by term ({@code -α log1p(Δ/y)} first) to double precision, and beyond the double
   * range of {@code t^c}, {@code -α c log1p(1/(t-1))}.
   *
   * @param alpha α &gt; 0
   * @param beta β &gt; 0
   * @param c c &gt; 0
   * @param t the period, {@code >= 1}
   * @return {@code ln r_t <= 0}
   */
  public static double betaDiscreteWeibullLogRetention(double alpha, double beta, double c, int t) {
    if (t > 1) {
      double logPrevious = c * Math.log(t - 1.0);
      if (logPrevious > LOG_HUGE) {
        return -alpha * c * Math.log1p(1.0 / (t - 1.0));
      }
      double y = beta + Math.exp(logPrevious);
      if (y > 1e4 * (1 + alpha)) {
        double step = Math.exp(c * Math.log(t)) * -Math.expm1(c * Math.log1p(-1.0 / t));
        double z = y + step;
        double a1 = alpha * (alpha - 1);
        return Math.min(0.0, -alpha * Math.log1p(step / y)
            + a1 / 2 * step / (y * z)
            - a1 * (2 * alpha - 1) / 12 * step * (2 * y + step) / (y * y * z * z)
            + a1 * a1 / 12 * step * (3 * y * y + 3 * y * step + step * step)
                / (y * y * y * z * z * z));
      }
    }
    return Math.min(0.0, betaDiscreteWeibullLogSurvival(alpha, beta, c, t)
        - betaDiscreteWeibullLogSurvival(alpha, beta, c, t - 1));
  }

  /**
   * The beta-discrete-Weibull log-likelihood, {@code P(T = t) = S(t-1) - S(t)} evaluated as
   * {@code S(t-1) (1 - exp(ln S(t) - ln S(t-1)))} with {@code expm1}.
   *
   * @param alpha α &gt; 0
   * @param beta β &gt; 0
   * @param c c &gt; 0
   * @param survivors the counts
   * @return the log-likelihood, {@code -∞} where a lost customer has probability 0
   */
  public static double betaDiscreteWeibull(double alpha, double beta, double c, long[] survivors) {
    return fromLogSurvival(t -> betaDiscreteWeibullLogSurvival(alpha, beta, c, t), survivors);
  }

  /**
   * The discrete-Weibull log-likelihood, {@code S(t) = (1 - θ)^(t^c)}: the limit of the
   * beta-discrete-Weibull as {@code α, β → ∞} with {@code α / (α + β) = θ}.
   *
   * @param theta θ in (0, 1)
   * @param c c &gt; 0
   * @param survivors the counts
   * @return the log-likelihood
   */
  public static double discreteWeibull(double theta, double c, long[] survivors) {
    double log1mTheta = Math.log1p(-theta);
    return fromLogSurvival(t -> Math.pow(t, c) * log1mTheta, survivors);
  }

  /**
   * The grouped log-likelihood of a survival curve given by {@code ln S(t)} ({@code S(0) = 1}):
   * the {@code d_t} customers lost in period {@code t} contribute
   * {@code ln S(t-1) + ln(1 - exp(ln S(t) - ln S(t-1)))} each (with {@code expm1}), the
   * {@code N_n} survivors {@code ln S(n)} each.
   */
  private static double fromLogSurvival(IntToDoubleFunction logSurvival, long[] survivors) {
    double ll = 0;
    double previous = 0;
    for (int t = 1; t < survivors.length; t++) {
      double current = logSurvival.applyAsDouble(t);
      long lost = survivors[t - 1] - survivors[t];
      if (lost > 0) {
        ll += lost * (previous + Math.log(-Math.expm1(current - previous)));
      }
      previous = current;
    }
    long last = survivors[survivors.length - 1];
    return last > 0 ? ll + last * previous : ll;
  }
}
