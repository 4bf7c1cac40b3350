package dev.niche.churn.internal;

import dev.niche.core.likelihood.TwiceDifferentiableLogLikelihood;
import java.util.Arrays;

/**
 * The Pareto/NBD log-likelihood with its analytic gradient and Hessian over {@code (r, α, s, β)},
 * for weighted customer rows; what {@link dev.niche.churn.ParetoNbd#fit} maximises. The Hessian
 * ({@link ParetoNbdCurvature}) is accumulated in the same pass when asked for. Not part of the API.
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
public final class ParetoNbdScore implements TwiceDifferentiableLogLikelihood {

  private final SummaryPairs pairs;
  /** The rows themselves when they do not compress into pairs ({@code pairs} is then unused). */
  private final int[] x;
  private final double[] tx;
  private final double[] age;
  private final double[] weight;
  private final boolean byRow;
  private final double[] weightByFrequency;
  private final EndpointRange range;
  /** Rows in the sample that decides between the per-row and the per-pair pass. */
  private static final int SAMPLE_ROWS = 10_000;

  /**
   * Indexes validated rows.
   *
   * @param x whole-number frequencies
   * @param tx recencies
   * @param age ages T
   * @param weight row weights
   */
  public ParetoNbdScore(int[] x, double[] tx, double[] age, double[] weight) {
    this.x = x;
    this.tx = tx;
    this.age = age;
    this.weight = weight;
    // Continuous times: (about) one pair per row, where the pairs' arrays would only add memory
    // traffic; each row's endpoint terms are then computed and combined where they are used.
    // On many rows the pairs of a systematic sample tell, without indexing them all.
    int step = x.length / SAMPLE_ROWS;
    SummaryPairs all = step >= 2 ? null : SummaryPairs.of(x, tx, age, weight);
    this.byRow = all == null ? rowsDistinct(x, tx, age, weight, step)
        : all.age.length + all.recency.length > x.length;
    this.pairs = byRow ? null : all != null ? all : SummaryPairs.of(x, tx, age, weight);
    this.weightByFrequency = byRow ? weightByFrequency(x, weight) : pairs.weightByFrequency;
    this.range = EndpointRange.of(x, tx, age, weightByFrequency.length);
  }

  /**
   * Whether the rows have (about) one {@code (x, T)} and one {@code (x, t_x)} pair each: more pairs
   * than rows in every {@code step}-th row.
   */
  private static boolean rowsDistinct(int[] x, double[] tx, double[] age, double[] weight,
      int step) {
    int n = x.length / step;
    int[] sx = new int[n];
    double[] stx = new double[n];
    double[] sage = new double[n];
    double[] sw = new double[n];
    for (int i = 0; i < n; i++) {
      sx[i] = x[i * step];
      stx[i] = tx[i * step];
      sage[i] = age[i * step];
      sw[i] = weight[i * step];
    }
    SummaryPairs sample = SummaryPairs.of(sx, stx, sage, sw);
    return sample.age.length + sample.recency.length > n;
  }

  private static double[] weightByFrequency(int[] x, double[] weight) {
    int max = 0;
    for (int xi : x) {
      max = Math.max(max, xi);
    }
    double[] byFrequency = new double[max + 1];
    for (int i = 0; i < x.length; i++) {
      byFrequency[x[i]] += weight[i];
    }
    return byFrequency;
  }

  @Override
  public double value(double[] p) {
    return valueAndGradient(p, new double[4]);
  }

  @Override
  public double valueAndGradient(double[] p, double[] gradient) {
    return evaluate(p, gradient, null);
  }

  /**
   * {@inheritDoc}
   *
   * <p>In the same pass as the value and gradient ({@link ParetoNbdCurvature}); where an endpoint
   * would overflow the Hessian is NaN.
   */
  @Override
  public double valueGradientAndHessian(double[] p, double[] gradient, double[][] hessian) {
    return evaluate(p, gradient, hessian);
  }

  private double evaluate(double[] p, double[] gradient, double[][] hessian) {
    double r = p[0];
    double alpha = p[1];
    double s = p[2];
    double beta = p[3];
    double[] byFrequency = weightByFrequency;
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
    Terms t = new Terms(r, alpha, s, beta, byFrequency.length, range, hessian != null);
    if (byRow) {
      byRow(t);
    } else {
      byPairs(t);
    }
    sum += t.sum;
    if (!t.series) {
      Arrays.fill(gradient, Double.NaN);
      if (hessian != null) {
        for (double[] row : hessian) {
          Arrays.fill(row, Double.NaN);
        }
      }
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
    if (t.curvature != null) {
      t.curvature.finish(byFrequency, t.ratioWeight, hessian);
    }
    return sum;
  }

  /** The pair terms of one evaluation: what the rows add beyond the sums over {@code k}. */
  private static final class Terms {
    final ParetoNbdPass pass;
    final double[] startZero = new double[4];
    /** With a Hessian: its accumulator and the Hessian of {@code ln G(0)} at {@code x = 0}. */
    final ParetoNbdCurvature curvature;
    final double[] startZeroHessian = new double[10];
    final double logStartAlone;
    final double[] logSOverM;
    final double[] ratioWeight;
    final double[] g = new double[4];
    boolean series;
    double sum;

    Terms(double r, double alpha, double s, double beta, int frequencies, EndpointRange range,
        boolean curved) {
      pass = new ParetoNbdPass(r, alpha, s, beta, frequencies - 1, range, curved);
      curvature = curved ? new ParetoNbdCurvature(r, s, frequencies) : null;
      if (curved) {
        pass.hessianTo(startZeroHessian, null);
        pass.parts(0, 0.0, new double[4], 0, null, 0);
      }
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
    ParetoNbdCurvature curvature = t.curvature;
    double[] aliveH = new double[4];
    double[] endH = new double[10];
    double[] startH = new double[10];
    double[] g = t.g;
    double startAloneWeight = 0;
    ParetoNbdRow row = new ParetoNbdRow();
    boolean series = t.series;
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      int xi = x[i];
      double w = weight[i];
      if (curvature != null) {
        t.pass.hessianTo(endH, aliveH);
      }
      double end = t.pass.parts(xi, age[i], endG, 0, aliveG, 0);
      double endSeries = t.pass.seriesSum;
      double alive = t.pass.alive;
      double start = t.logStartAlone;
      double startSeries = 1;
      if (xi > 0) {
        if (curvature != null) {
          t.pass.hessianTo(startH, null);
        }
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
      if (curvature != null) {
        curvature.addAlive(onAlive, aliveH, 0);
        curvature.add(onEnd, endH, 0);
        if (xi > 0) {
          curvature.add(onStart, startH, 0);
        }
        curvature.row(w, row.sigma, row.q, xi, aliveG, 0, endG, 0, xi == 0 ? t.startZero : startG,
            0);
      }
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
    if (curvature != null) {
      curvature.add(startAloneWeight, t.startZeroHessian, 0);
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
    ParetoNbdCurvature curvature = t.curvature;
    double[] aliveHessian = curvature == null ? null : new double[4 * ages];
    double[] endHessian = curvature == null ? null : new double[10 * ages];
    double[] startHessian = curvature == null ? null : new double[10 * recencies];
    double[] endH = new double[10];
    double[] aliveH = new double[4];
    boolean series = t.series;
    for (int i = 0; i < ages; i++) {
      if (curvature != null) {
        t.pass.hessianTo(endH, aliveH);
      }
      logEnd[i] = t.pass.endpoint(pairs.ageX[i], pairs.age[i], endGradient, 4 * i,
          aliveGradient, 4 * i);
      if (curvature != null) {
        System.arraycopy(endH, 0, endHessian, 10 * i, 10);
        System.arraycopy(aliveH, 0, aliveHessian, 4 * i, 4);
      }
      logAlive[i] = t.pass.alive;
      series &= !Double.isNaN(logEnd[i]);
    }
    for (int i = 0; i < recencies; i++) {
      if (curvature != null) {
        t.pass.hessianTo(endH, null);
      }
      logStart[i] = t.pass.endpoint(pairs.recencyX[i], pairs.recency[i], startGradient, 4 * i,
          null, 0);
      if (curvature != null) {
        System.arraycopy(endH, 0, startHessian, 10 * i, 10);
      }
      series &= !Double.isNaN(logStart[i]);
    }
    // Row weights on each pair's gradients, and on ln(s/m) per frequency.
    double[] aliveWeight = new double[ages];
    double[] endWeight = new double[ages];
    double[] startWeight = new double[recencies];
    double[] ratioWeight = t.ratioWeight;
    double startAloneWeight = 0;
    double sum = 0;
    ParetoNbdRow row = new ParetoNbdRow();
    for (int i = 0; i < ages; i++) {
      double w = pairs.aloneWeight[i];
      if (w != 0) {
        sum += w * row.combine(logAlive[i], t.logSOverM[0], t.logStartAlone, logEnd[i]);
        aliveWeight[i] += w * row.sigma;
        ratioWeight[0] += w * (1 - row.sigma);
        startAloneWeight += w * (1 - row.sigma) * (1 + row.q);
        endWeight[i] -= w * (1 - row.sigma) * row.q;
        if (curvature != null) {
          curvature.row(w, row.sigma, row.q, 0, aliveGradient, 4 * i, endGradient, 4 * i,
              t.startZero, 0);
        }
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
      if (curvature != null) {
        curvature.row(w, row.sigma, row.q, xi, aliveGradient, 4 * a, endGradient, 4 * a,
            startGradient, 4 * c);
      }
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
    if (curvature != null) {
      curvature.add(startAloneWeight, t.startZeroHessian, 0);
      for (int i = 0; i < ages; i++) {
        curvature.addAlive(aliveWeight[i], aliveHessian, 4 * i);
        curvature.add(endWeight[i], endHessian, 10 * i);
      }
      for (int i = 0; i < recencies; i++) {
        curvature.add(startWeight[i], startHessian, 10 * i);
      }
    }
  }
}
