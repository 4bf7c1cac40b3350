package dev.niche.churn.internal;

import dev.niche.core.likelihood.LogLikelihood;
import org.apache.commons.math3.special.Beta;

/**
 * The Gamma-Gamma log-likelihood of mean repeat spend (Fader, Hardie &amp; Lee 2005, "RFM and CLV",
 * JMR 42(4); Fader &amp; Hardie 2013, "The Gamma-Gamma Model of Monetary Value") over
 * {@code (p, q, γ)}, for customers with {@code x > 0} and mean spend {@code m > 0}:
 *
 * <pre>
 * f(m | x) = Γ(px+q)/(Γ(px)Γ(q)) · γ^q x^(px) m^(px-1) / (γ + x m)^(px+q)
 * </pre>
 *
 * evaluated as {@code -ln B(px, q) + px ln x + (px-1) ln m - px ln(γ + x m) - q log1p(x m / γ)}
 * (Commons Math's {@code logBeta} is accurate for large arguments), so that the limit
 * {@code q, γ → ∞} loses no precision. Not part of the API.
 */
public final class GammaGammaLikelihood implements LogLikelihood {

  private final double[] x;
  private final double[] logX;
  private final double[] spend;
  private final double[] logSpend;
  private final double[] distinctX;
  private final double[] distinctCount;

  /**
   * Creates the likelihood over validated data (x &gt; 0, m &gt; 0), kept not copied.
   *
   * @param x frequencies
   * @param spend mean repeat spend
   */
  public GammaGammaLikelihood(double[] x, double[] spend) {
    this.x = x;
    this.spend = spend;
    this.logX = new double[x.length];
    this.logSpend = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      logX[i] = Math.log(x[i]);
      logSpend[i] = Math.log(spend[i]);
    }
    // -ln B(px, q) depends on x only: evaluate it once per distinct frequency.
    java.util.TreeMap<Double, Integer> counts = new java.util.TreeMap<>();
    for (double v : x) {
      counts.merge(v, 1, Integer::sum);
    }
    distinctX = new double[counts.size()];
    distinctCount = new double[counts.size()];
    int k = 0;
    for (java.util.Map.Entry<Double, Integer> e : counts.entrySet()) {
      distinctX[k] = e.getKey();
      distinctCount[k] = e.getValue();
      k++;
    }
  }

  @Override
  public double value(double[] params) {
    double p = params[0];
    double q = params[1];
    double gamma = params[2];
    double logGamma = Math.log(gamma);
    double sum = 0;
    for (int k = 0; k < distinctX.length; k++) {
      sum -= distinctCount[k] * Beta.logBeta(p * distinctX[k], q);
    }
    for (int i = 0; i < x.length; i++) {
      double px = p * x[i];
      double xm = x[i] * spend[i];
      sum += px * logX[i] + (px - 1) * logSpend[i]
          - px * (logGamma + Math.log1p(xm / gamma)) - q * Math.log1p(xm / gamma);
    }
    return sum;
  }
}
