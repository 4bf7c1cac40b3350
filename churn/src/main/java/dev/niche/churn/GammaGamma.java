package dev.niche.churn;

import dev.niche.churn.internal.BgNbdData;
import dev.niche.churn.internal.GammaGammaLikelihood;
import dev.niche.core.Checks;
import dev.niche.core.activity.CustomerSummaries;
import dev.niche.core.likelihood.LikelihoodFit;
import dev.niche.core.likelihood.MaximumLikelihood;
import dev.niche.core.likelihood.Parameter;

/**
 * The Gamma-Gamma model of monetary value (Fader, Hardie &amp; Lee 2005, "RFM and CLV: Using
 * Iso-Value Curves for Customer Base Analysis", Journal of Marketing Research 42(4), 415–430;
 * Fader &amp; Hardie 2013, "The Gamma-Gamma Model of Monetary Value").
 *
 * <p>A customer's transaction values are i.i.d. {@code Gamma(p, ν)} (shape {@code p}, rate
 * {@code ν}), so their mean over {@code x} repeat transactions is {@code Gamma(px, νx)}; across
 * customers {@code ν ~ Gamma(q, γ)}. The mean spend of a customer is {@code p/ν}, with population
 * mean {@code pγ/(q-1)} (for {@code q > 1}). Given {@code x} repeat transactions of mean
 * {@code m}, the posterior expected spend per transaction is
 *
 * <pre>
 * E[M | x, m] = p (γ + x m) / (p x + q - 1)
 *             = (q-1)/(px+q-1) · pγ/(q-1) + px/(px+q-1) · m,
 * </pre>
 *
 * a weighted mean of the population mean and the customer's own mean. The model assumes that
 * spend is independent of purchase frequency; {@link GammaGammaFit#frequencySpendCorrelation()}
 * reports the Pearson correlation of {@code x} and {@code m} to check it (FHL 2005 find 0.11 on
 * CDNOW).
 *
 * <p>Instances hold fixed parameters and are immutable and thread-safe.
 */
public final class GammaGamma {

  private final double p;
  private final double q;
  private final double gamma;

  private GammaGamma(double p, double q, double gamma) {
    this.p = Checks.positive(p, "p");
    this.q = Checks.positive(q, "q");
    this.gamma = Checks.positive(gamma, "gamma");
  }

  /**
   * A model with known parameters.
   *
   * @param p shape of the per-transaction spend gamma, {@code > 0}
   * @param q shape of the gamma of the customers' rate parameters, {@code > 0}
   * @param gamma rate of that gamma (in money units), {@code > 0}
   * @return the model
   * @throws IllegalArgumentException if a parameter is not finite and positive
   */
  public static GammaGamma of(double p, double q, double gamma) {
    return new GammaGamma(p, q, gamma);
  }

  /**
   * Fits the model by maximum likelihood to the customers with {@code x > 0}; rows with
   * {@code x = 0} are ignored (their mean spend is undefined, and only validated as finite and
   * {@code >= 0}).
   *
   * @param x frequencies (whole numbers {@code >= 0})
   * @param meanSpend mean repeat spend per customer, {@code > 0} where {@code x > 0}
   * @return the fit, with the frequency-spend correlation
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays are empty or of different lengths, a value is
   *     bad (argument and index named), or fewer than 2 customers have {@code x > 0}
   */
  public static GammaGammaFit fit(double[] x, double[] meanSpend) {
    Checks.nonEmpty(x, "x");
    Checks.sameLength(x, "x", meanSpend, "meanSpend");
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      int xi = BgNbdData.frequency(x[i], "x[" + i + "]");
      Checks.nonNegative(meanSpend[i], "meanSpend[" + i + "]");
      if (xi > 0) {
        Checks.element(meanSpend[i] > 0, "meanSpend", i, meanSpend[i],
            "must be > 0 when x[" + i + "] > 0");
        n++;
      }
    }
    Checks.argument(n >= 2, "at least 2 customers need x > 0, found " + n);
    double[] xs = new double[n];
    double[] ms = new double[n];
    int k = 0;
    double mean = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] > 0) {
        xs[k] = x[i];
        ms[k] = meanSpend[i];
        mean += ms[k];
        k++;
      }
    }
    mean /= n;
    LikelihoodFit f = MaximumLikelihood
        .builder(new GammaGammaLikelihood(xs, ms), Parameter.positive("p"),
            Parameter.positive("q"), Parameter.positive("gamma"))
        .observations(n)
        .start(1.0, 2.0, mean)
        .start(5.0, 3.0, 2 * mean / 5)
        .maximize();
    return new GammaGammaFit(f.estimate(0), f.estimate(1), f.estimate(2), f.diagnostics(),
        n, correlation(xs, ms));
  }

  /**
   * Fits the model to customer summaries' frequency and mean repeat spend.
   *
   * @param summaries the summaries
   * @return the fit
   * @throws NullPointerException if {@code summaries} is null
   * @throws IllegalArgumentException if fewer than 2 customers have repeat purchases
   */
  public static GammaGammaFit fit(CustomerSummaries summaries) {
    Checks.notNull(summaries, "summaries");
    Checks.argument(summaries.size() > 0, "summaries must not be empty");
    return fit(summaries.frequency(), summaries.meanRepeatSpend());
  }

  /**
   * The posterior expected spend per transaction {@code E[M | x, m] = p(γ + x m)/(px + q - 1)}.
   *
   * @param x frequency (whole number {@code >= 0}); with {@code x = 0} the result is the
   *     population mean {@code pγ/(q-1)}
   * @param meanSpend the customer's mean repeat spend, {@code >= 0} (ignored when {@code x = 0})
   * @return the expected spend; {@code +∞} when {@code px + q <= 1} (the posterior mean does not
   *     exist, e.g. {@code x = 0} and {@code q <= 1})
   * @throws IllegalArgumentException if an argument is invalid
   */
  public double expectedSpend(double x, double meanSpend) {
    int xi = BgNbdData.frequency(x, "x");
    Checks.nonNegative(meanSpend, "meanSpend");
    double denominator = p * xi + q - 1;
    if (!(denominator > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    // The weighted mean of the population mean pγ/(q-1) and the customer's mean, as weights
    // times each part, so that no product overflows when the result does not.
    return p / denominator * gamma + p * xi / denominator * meanSpend;
  }

  /**
   * The population mean spend per transaction, {@code pγ/(q-1)}.
   *
   * @return the mean; {@code +∞} when {@code q <= 1}
   */
  public double populationMeanSpend() {
    return q > 1 ? p * gamma / (q - 1) : Double.POSITIVE_INFINITY;
  }

  /**
   * The shape of the per-transaction spend gamma.
   *
   * @return p
   */
  public double p() {
    return p;
  }

  /**
   * The shape of the gamma of the customers' rate parameters.
   *
   * @return q
   */
  public double q() {
    return q;
  }

  /**
   * The rate of the gamma of the customers' rate parameters.
   *
   * @return gamma
   */
  public double gamma() {
    return gamma;
  }

  private static double correlation(double[] a, double[] b) {
    int n = a.length;
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= n;
    mb /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      double da = a[i] - ma;
      double db = b[i] - mb;
      sab += da * db;
      saa += da * da;
      sbb += db * db;
    }
    return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Double.NaN;
  }

  @Override
  public String toString() {
    return "GammaGamma{p=" + p + ", q=" + q + ", gamma=" + gamma + "}";
  }
}
