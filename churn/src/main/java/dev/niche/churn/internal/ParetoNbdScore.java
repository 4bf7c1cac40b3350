package dev.niche.churn.internal;

import dev.niche.core.likelihood.DifferentiableLogLikelihood;
import java.util.Arrays;

/**
 * The Pareto/NBD log-likelihood with its analytic gradient over {@code (r, α, s, β)}, for weighted
 * customer rows; what {@link dev.niche.churn.ParetoNbd#fit} maximises. Not part of the API.
 *
 * <p>Per customer (Schmittlein, Morrison &amp; Colombo 1987; Fader &amp; Hardie 2005, "A note on
 * deriving the Pareto/NBD model and related expressions"; the terms as in {@link ParetoNbdTerms}):
 *
 * <pre>
 * ℓ = Σ_{k&lt;x} ln(r+k) + ln(e^{E(T)} + e^{D}),
 * D = ln(s/m) + ln G(t_x) + ln(1 - e^{d}),   d = ln G(T) - ln G(t_x) &lt; 0,   m = r+s+x,
 * </pre>
 *
 * with {@code E} and {@code ln G} and their gradients from {@link ParetoNbdEndpoint}. With
 * {@code σ = e^{E(T)} / (e^{E(T)} + e^D)} and {@code q = e^d / (1 - e^d)}:
 *
 * <pre>
 * ∇ℓ = Σ_{k&lt;x} ∇ln(r+k) + σ ∇E(T) + (1-σ) [∇ln(s/m) + (1+q) ∇ln G(t_x) - q ∇ln G(T)],
 * ∇ln(s/m) = (-1/m, 0, 1/s - 1/m, 0).
 * </pre>
 *
 * <p>Cost of one evaluation: {@code E}, {@code ln G} and their gradients once per distinct
 * {@code (x, T)} and {@code (x, t_x)} pair ({@link SummaryPairs}), sharing their logarithms and
 * the series coefficients of each frequency ({@link ParetoNbdPass}), the sums over {@code k} once per
 * distinct {@code x}; per row the two exponentials and two logarithms of {@code D} and the
 * log-sum-exp, and three scatter-adds of the row's weights of {@code ∇E(T)}, {@code ∇ln G(T)} and
 * {@code ∇ln G(t_x)} onto its pairs, combined with the pairs' gradients at the end. Where a series
 * would need more than 20,000 terms (a ratio of α and β beyond about 500) the value is NaN: the
 * maximiser treats the point as outside the domain, and a supremum out there shows as a fit that
 * is not converged, whose gradient check says so. (The model's own
 * {@link dev.niche.churn.ParetoNbd#logLikelihood} falls back to quadrature there.)
 */
public final class ParetoNbdScore implements DifferentiableLogLikelihood {

  private final SummaryPairs pairs;
  /** The rows themselves when they do not compress into pairs ({@code pairs} is then unused). */
  private final int[] x;
  private final double[] tx;
  private final double[] age;
  private final double[] weight;
  private final boolean byRow;
  private final EndpointRange range;

  /**
   * Indexes validated rows.
   *
   * @param x whole-number frequencies
   * @param tx recencies
   * @param age ages T
   * @param weight row weights
   */
  public ParetoNbdScore(int[] x, double[] tx, double[] age, double[] weight) {
    this.pairs = SummaryPairs.of(x, tx, age, weight);
    this.x = x;
    this.tx = tx;
    this.age = age;
    this.weight = weight;
    // Continuous times: (about) one pair per row, where the pairs' arrays would only add memory
    // traffic; each row's endpoint terms are then computed and combined where they are used.
    this.byRow = pairs.age.length + pairs.recency.length > x.length;
    this.range = EndpointRange.of(x, tx, age, pairs.weightByFrequency.length);
  }

  @Override
  public double value(double[] p) {
    return valueAndGradient(p, new double[4]);
  }

  @Override
  public double valueAndGradient(double[] p, double[] gradient) {
    double r = p[0];
    double alpha = p[1];
    double s = p[2];
    double beta = p[3];
    double[] byFrequency = pairs.weightByFrequency;
    double sum = 0;
    double dr = 0;
    double ds = 0;
    double gammaRatio = 0;
    double harmonic = 0;
    for (int k = 0; k < byFrequency.length; k++) {
      if (byFrequency[k] != 0) {
        sum += byFrequency[k] * gammaRatio;
        dr += byFrequency[k] * harmonic;
      }
      gammaRatio += Math.log(r + k);
      harmonic += 1 / (r + k);
    }
    Terms t = new Terms(r, alpha, s, beta, byFrequency.length, range);
    if (byRow) {
      byRow(t);
    } else {
      byPairs(t);
    }
    sum += t.sum;
    if (!t.series) {
      Arrays.fill(gradient, Double.NaN);
      return sum;
    }
    for (int k = 0; k < t.ratioWeight.length; k++) {
      double w = t.ratioWeight[k];
      if (w != 0) {
        double m = r + s + k;
        dr -= w / m;
        ds += w * (1 / s - 1 / m);
      }
    }
    gradient[0] = dr + t.g[0];
    gradient[1] = t.g[1];
    gradient[2] = ds + t.g[2];
    gradient[3] = t.g[3];
    return sum;
  }

  /** The pair terms of one evaluation: what the rows add beyond the sums over {@code k}. */
  private static final class Terms {
    final ParetoNbdPass pass;
    final double[] startZero = new double[4];
    final double logStartAlone;
    final double[] logSOverM;
    final double[] ratioWeight;
    final double[] g = new double[4];
    boolean series;
    double sum;

    Terms(double r, double alpha, double s, double beta, int frequencies, EndpointRange range) {
      pass = new ParetoNbdPass(r, alpha, s, beta, frequencies - 1, range);
      logStartAlone = ParetoNbdEndpoint.logG(r, alpha, s, beta, 0, 0.0, startZero, 0);
      series = !Double.isNaN(logStartAlone);
      logSOverM = new double[frequencies];
      for (int k = 0; k < frequencies; k++) {
        logSOverM[k] = Math.log(s / (r + s + k));
      }
      ratioWeight = new double[frequencies];
    }
  }

  private void byRow(Terms t) {
    double[] aliveG = new double[4];
    double[] endG = new double[4];
    double[] startG = new double[4];
    double[] g = t.g;
    double startAloneWeight = 0;
    Row row = new Row();
    boolean series = t.series;
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      int xi = x[i];
      double w = weight[i];
      double end = t.pass.parts(xi, age[i], endG, 0, aliveG, 0);
      double endSeries = t.pass.seriesSum;
      double alive = t.pass.alive;
      double start = t.logStartAlone;
      double startSeries = 1;
      if (xi > 0) {
        start = t.pass.parts(xi, tx[i], startG, 0, null, 0);
        startSeries = t.pass.seriesSum;
      }
      series &= !Double.isNaN(end) && !Double.isNaN(start);
      sum += w * row.combine(alive, t.logSOverM[xi], start, startSeries, end, endSeries);
      double onAlive = w * row.sigma;
      double died = w * (1 - row.sigma);
      double onStart = died * (1 + row.q);
      double onEnd = -died * row.q;
      t.ratioWeight[xi] += died;
      if (xi == 0) {
        startAloneWeight += onStart;
        for (int j = 0; j < 4; j++) {
          g[j] += onAlive * aliveG[j] + onEnd * endG[j];
        }
      } else {
        for (int j = 0; j < 4; j++) {
          g[j] += onAlive * aliveG[j] + onStart * startG[j] + onEnd * endG[j];
        }
      }
    }
    for (int j = 0; j < 4; j++) {
      g[j] += startAloneWeight * t.startZero[j];
    }
    t.sum = sum;
    t.series = series;
  }

  private void byPairs(Terms t) {
    int ages = pairs.age.length;
    int recencies = pairs.recency.length;
    // Per (x, T): E(T) with its gradient, ln G(T) with its gradient.
    double[] logAlive = new double[ages];
    double[] aliveGradient = new double[4 * ages];
    double[] logEnd = new double[ages];
    double[] endGradient = new double[4 * ages];
    double[] logStart = new double[recencies];
    double[] startGradient = new double[4 * recencies];
    boolean series = t.series;
    for (int i = 0; i < ages; i++) {
      logEnd[i] = t.pass.endpoint(pairs.ageX[i], pairs.age[i], endGradient, 4 * i,
          aliveGradient, 4 * i);
      logAlive[i] = t.pass.alive;
      series &= !Double.isNaN(logEnd[i]);
    }
    for (int i = 0; i < recencies; i++) {
      logStart[i] = t.pass.endpoint(pairs.recencyX[i], pairs.recency[i], startGradient, 4 * i,
          null, 0);
      series &= !Double.isNaN(logStart[i]);
    }
    // Row weights on each pair's gradients, and on ln(s/m) per frequency.
    double[] aliveWeight = new double[ages];
    double[] endWeight = new double[ages];
    double[] startWeight = new double[recencies];
    double[] ratioWeight = t.ratioWeight;
    double startAloneWeight = 0;
    double sum = 0;
    Row row = new Row();
    for (int i = 0; i < ages; i++) {
      double w = pairs.aloneWeight[i];
      if (w != 0) {
        sum += w * row.combine(logAlive[i], t.logSOverM[0], t.logStartAlone, logEnd[i]);
        aliveWeight[i] += w * row.sigma;
        ratioWeight[0] += w * (1 - row.sigma);
        startAloneWeight += w * (1 - row.sigma) * (1 + row.q);
        endWeight[i] -= w * (1 - row.sigma) * row.q;
      }
    }
    int[] rowAge = pairs.rowAge;
    int[] rowRecency = pairs.rowRecency;
    double[] rowWeight = pairs.rowWeight;
    for (int i = 0; i < rowAge.length; i++) {
      int a = rowAge[i];
      int c = rowRecency[i];
      int xi = pairs.ageX[a];
      double w = rowWeight[i];
      sum += w * row.combine(logAlive[a], t.logSOverM[xi], logStart[c], logEnd[a]);
      aliveWeight[a] += w * row.sigma;
      ratioWeight[xi] += w * (1 - row.sigma);
      startWeight[c] += w * (1 - row.sigma) * (1 + row.q);
      endWeight[a] -= w * (1 - row.sigma) * row.q;
    }
    t.sum = sum;
    t.series = series;
    if (!series) {
      return;
    }
    double[] g = t.g;
    for (int j = 0; j < 4; j++) {
      g[j] = startAloneWeight * t.startZero[j];
    }
    for (int i = 0; i < ages; i++) {
      for (int j = 0; j < 4; j++) {
        g[j] += aliveWeight[i] * aliveGradient[4 * i + j] + endWeight[i] * endGradient[4 * i + j];
      }
    }
    for (int i = 0; i < recencies; i++) {
      for (int j = 0; j < 4; j++) {
        g[j] += startWeight[i] * startGradient[4 * i + j];
      }
    }
  }

  /** One row's {@code ln(e^E + e^D)}, with its weights {@code σ} and {@code q}; one per pass. */
  private static final class Row {
    double sigma;
    double q;

    /**
     * As {@link #combine(double, double, double, double)} with each {@code ln G = P + ln S} in
     * parts ({@link ParetoNbdPass#parts}): {@code e^d = e^{P₂ - P₁} S₂ / S₁} and
     * {@code D = ln(s/m) + P₁ + ln(S₁ (1 - e^d))}, one exponential and one logarithm where the
     * logarithmic form takes three of each. {@code 1 - e^d} carries an absolute rounding error of a
     * few ε, no more than {@code -expm1(d)} does from the rounding of {@code d = ln G₂ - ln G₁}.
     */
    double combine(double alive, double logSOverM, double p1, double s1, double p2, double s2) {
      if (Double.isNaN(p1) || Double.isNaN(p2)) {
        sigma = Double.NaN;
        q = 0;
        return Double.NaN;
      }
      double ed = Math.exp(p2 - p1) * (s2 / s1);
      if (!(ed < 1)) {
        sigma = 1;
        q = 0;
        return alive;
      }
      double oneMinus = 1 - ed;
      q = ed / oneMinus;
      return logSumExp(alive, logSOverM + p1 + Math.log(s1 * oneMinus));
    }

    double combine(double alive, double logSOverM, double g1, double g2) {
      double died;
      q = 0;
      if (Double.isNaN(g1) || Double.isNaN(g2)) {
        // The series would be too long (alpha/beta or beta/alpha beyond about 500): the fit
        // treats the likelihood as undefined here, which keeps the optimiser out.
        sigma = Double.NaN;
        return Double.NaN;
      } else {
        double d = g2 - g1;
        if (!(d < 0)) {
          sigma = 1;
          return alive;
        }
        double ed;
        double oneMinus;
        if (d > -0.6931471805599453) {
          double em = Math.expm1(d);
          ed = 1 + em;
          oneMinus = -em;
        } else {
          // 1 - e^d >= 1/2 here: its rounding costs an absolute ε in the logarithm.
          ed = Math.exp(d);
          oneMinus = 1 - ed;
        }
        died = logSOverM + g1 + Math.log(oneMinus);
        q = ed / oneMinus;
      }
      return logSumExp(alive, died);
    }

    /** {@code ln(e^alive + e^died)}, with {@code σ}, the share of {@code e^alive}. */
    private double logSumExp(double alive, double died) {
      if (died == Double.NEGATIVE_INFINITY) {
        sigma = 1;
        return alive;
      }
      // ln(1 + e) with e in [0, 1]: the rounding of 1 + e costs an absolute ε, below the
      // rounding of the row's term; Math.log is an intrinsic, Math.log1p is not.
      if (alive > died) {
        double e = Math.exp(died - alive);
        double onePlus = 1 + e;
        sigma = 1 / onePlus;
        return alive + Math.log(onePlus);
      }
      double e = Math.exp(alive - died);
      double onePlus = 1 + e;
      sigma = e / onePlus;
      return died + Math.log(onePlus);
    }
  }
}
