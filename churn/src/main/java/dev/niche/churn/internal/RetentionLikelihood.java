package dev.niche.churn.internal;

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
   * {@code ln B(α, β + t^c) - ln B(α, β) = lnΓ(β+t^c)/Γ(β) - lnΓ(α+β+t^c)/Γ(α+β)}.
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
    double h = c == 1.0 ? t : Math.pow(t, c);
    return logGammaRatio(beta, h) - logGammaRatio(alpha + beta, h);
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
    double ll = 0;
    double previous = 0;
    for (int t = 1; t < survivors.length; t++) {
      double current = betaDiscreteWeibullLogSurvival(alpha, beta, c, t);
      long lost = survivors[t - 1] - survivors[t];
      if (lost > 0) {
        ll += lost * (previous + Math.log(-Math.expm1(current - previous)));
      }
      previous = current;
    }
    long last = survivors[survivors.length - 1];
    return last > 0 ? ll + last * previous : ll;
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
    double ll = 0;
    double previous = 0;
    for (int t = 1; t < survivors.length; t++) {
      double current = Math.pow(t, c) * log1mTheta;
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
