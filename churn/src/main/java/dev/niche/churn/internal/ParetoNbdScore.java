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
 * {@code (x, T)} and {@code (x, t_x)} pair ({@link SummaryPairs}), the sums over {@code k} once per
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
    int ages = pairs.age.length;
    int recencies = pairs.recency.length;
    // Per (x, T): E(T) with its gradient, ln G(T) with its gradient.
    double[] logAlive = new double[ages];
    double[] aliveGradient = new double[4 * ages];
    double[] logEnd = new double[ages];
    double[] endGradient = new double[4 * ages];
    double[] logStart = new double[recencies];
    double[] startGradient = new double[4 * recencies];
    double[] startZero = new double[4];
    double logStartAlone = ParetoNbdEndpoint.logG(r, alpha, s, beta, 0, 0.0, startZero, 0);
    boolean series = !Double.isNaN(logStartAlone);
    for (int i = 0; i < ages; i++) {
      int xi = pairs.ageX[i];
      double t = pairs.age[i];
      logAlive[i] = aliveGradient(r, alpha, s, beta, xi, t, aliveGradient, 4 * i);
      logEnd[i] = ParetoNbdEndpoint.logG(r, alpha, s, beta, xi, t, endGradient, 4 * i);
      series &= !Double.isNaN(logEnd[i]);
    }
    for (int i = 0; i < recencies; i++) {
      logStart[i] = ParetoNbdEndpoint.logG(
          r, alpha, s, beta, pairs.recencyX[i], pairs.recency[i], startGradient, 4 * i);
      series &= !Double.isNaN(logStart[i]);
    }
    // Row weights on each pair's gradients, and on ln(s/m) per frequency.
    double[] aliveWeight = new double[ages];
    double[] endWeight = new double[ages];
    double[] startWeight = new double[recencies];
    double[] ratioWeight = new double[byFrequency.length];
    double startAloneWeight = 0;
    double logSOverMAlone = Math.log(s / (r + s));
    double[] logSOverM = new double[byFrequency.length];
    for (int k = 0; k < logSOverM.length; k++) {
      logSOverM[k] = Math.log(s / (r + s + k));
    }
    Row row = new Row();
    for (int i = 0; i < ages; i++) {
      double w = pairs.aloneWeight[i];
      if (w != 0) {
        sum += w * row.combine(logAlive[i], logSOverMAlone, logStartAlone, logEnd[i],
            r, alpha, s, beta, 0, 0.0, pairs.age[i]);
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
      double g1 = logStart[c];
      double g2 = logEnd[a];
      double w = rowWeight[i];
      sum += w * row.combine(logAlive[a], logSOverM[xi], g1, g2,
          r, alpha, s, beta, xi, pairs.recency[c], pairs.age[a]);
      aliveWeight[a] += w * row.sigma;
      ratioWeight[xi] += w * (1 - row.sigma);
      startWeight[c] += w * (1 - row.sigma) * (1 + row.q);
      endWeight[a] -= w * (1 - row.sigma) * row.q;
    }
    if (!series) {
      Arrays.fill(gradient, Double.NaN);
      return sum;
    }
    double[] g = new double[4];
    for (int j = 0; j < 4; j++) {
      g[j] = startAloneWeight * startZero[j];
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
    for (int k = 0; k < ratioWeight.length; k++) {
      double w = ratioWeight[k];
      if (w != 0) {
        double m = r + s + k;
        dr -= w / m;
        ds += w * (1 / s - 1 / m);
      }
    }
    gradient[0] = dr + g[0];
    gradient[1] = g[1];
    gradient[2] = ds + g[2];
    gradient[3] = g[3];
    return sum;
  }

  /** {@code E(T) = ln A1} and its gradient (see {@link ParetoNbdEndpoint}). */
  private static double aliveGradient(double r, double alpha, double s, double beta, int x,
      double t, double[] gradient, int offset) {
    double l1 = Math.log1p(t / alpha);
    double l2 = Math.log1p(t / beta);
    gradient[offset] = -l1;
    gradient[offset + 1] = (r * (t / (alpha + t))) / alpha - x / (alpha + t);
    gradient[offset + 2] = -l2;
    gradient[offset + 3] = s * (t / (beta + t)) / beta;
    double e = -r * l1 - s * l2;
    return x == 0 ? e : e - x * Math.log(alpha + t);
  }

  /** One row's {@code ln(e^E + e^D)}, with its weights {@code σ} and {@code q}; one per pass. */
  private static final class Row {
    double sigma;
    double q;

    double combine(double alive, double logSOverM, double g1, double g2, double r, double alpha,
        double s, double beta, int x, double tx, double age) {
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
        double ed = Math.exp(d);
        double oneMinus;
        if (d > -0.6931471805599453) {
          oneMinus = -Math.expm1(d);
          died = logSOverM + g1 + Math.log(oneMinus);
        } else {
          oneMinus = 1 - ed;
          died = logSOverM + g1 + Math.log1p(-ed);
        }
        q = ed / oneMinus;
      }
      if (died == Double.NEGATIVE_INFINITY) {
        sigma = 1;
        return alive;
      }
      if (alive > died) {
        double e = Math.exp(died - alive);
        sigma = 1 / (1 + e);
        return alive + Math.log1p(e);
      }
      double e = Math.exp(alive - died);
      sigma = e / (1 + e);
      return died + Math.log1p(e);
    }
  }
}
