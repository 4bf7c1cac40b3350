package dev.niche.churn.internal;

import dev.niche.core.likelihood.DifferentiableLogLikelihood;

/**
 * The BG/NBD log-likelihood with its analytic gradient (the score) over {@code (r, α, a, b)}, for
 * weighted customer rows; what {@link dev.niche.churn.BgNbd#fit} maximises. Not part of the API.
 *
 * <p>Per customer (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way: an
 * alternative to the Pareto/NBD model", Marketing Science 24(2), eq. 6; and their note
 * "Implementing the BG/NBD model for customer base analysis in Excel", 2005), with
 * {@code δ = 1} if {@code x > 0}:
 *
 * <pre>
 * ℓ = Σ_{k&lt;x} ln(r+k) + Σ_{k&lt;x} [ln(b+k) - ln(a+b+k)] + ln(e^u + δ e^v),
 * u = r ln α - (r+x) ln(α+T)                      = -(r+x) log1p(T/α) - x ln α,
 * v = ln a - ln(b+x-1) + r ln α - (r+x) ln(α+t_x) = ln a - ln(b+x-1) - (r+x) log1p(t_x/α) - x ln α,
 * </pre>
 *
 * (the first two sums are {@code ln Γ(r+x)/Γ(r)} and {@code ln B(a,b+x)/B(a,b)}). With
 * {@code σ = e^u / (e^u + e^v)} the gradient is
 *
 * <pre>
 * ∂ℓ/∂r = Σ_{k&lt;x} 1/(r+k) - σ log1p(T/α) - (1-σ) log1p(t_x/α)
 * ∂ℓ/∂α = r/α - σ (r+x)/(α+T) - (1-σ) (r+x)/(α+t_x)
 * ∂ℓ/∂a = -Σ_{k&lt;x} 1/(a+b+k) + (1-σ)/a
 * ∂ℓ/∂b = Σ_{k&lt;x} [1/(b+k) - 1/(a+b+k)] - (1-σ)/(b+x-1)
 * </pre>
 *
 * <p>Cost of one evaluation: the sums over {@code k} are accumulated once per distinct
 * {@code x} (weighted by the customers with that {@code x}), as is {@code ln(b+x-1)}; {@code u}
 * and its derivatives once per distinct {@code (x, T)} pair, {@code v} once per distinct
 * {@code (x, t_x)} pair ({@link SummaryPairs}), each with one {@code log1p} kept for the
 * gradient; per row only the log-sum-exp ({@code exp}, {@code log1p}, one division)
 * and two scatter-adds of {@code wσ} and {@code w(1-σ)} onto its pairs, whose derivative vectors
 * are combined at the end. No allocation per row.
 */
public final class BgNbdScore implements DifferentiableLogLikelihood {

  private final SummaryPairs pairs;

  /**
   * Indexes validated rows.
   *
   * @param x whole-number frequencies
   * @param tx recencies
   * @param age ages T
   * @param weight row weights
   */
  public BgNbdScore(int[] x, double[] tx, double[] age, double[] weight) {
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
    double a = p[2];
    double b = p[3];
    double sum = 0;
    double dr = 0;
    double da = 0;
    double db = 0;
    double gammaRatio = 0;
    double betaRatio = 0;
    double harmonicR = 0;
    double harmonicB = 0;
    double harmonicAb = 0;
    double[] byFrequency = pairs.weightByFrequency;
    for (int k = 0; k < byFrequency.length; k++) {
      double w = byFrequency[k];
      if (w != 0) {
        sum += w * (gammaRatio + betaRatio);
        dr += w * harmonicR;
        da -= w * harmonicAb;
        db += w * (harmonicB - harmonicAb);
      }
      gammaRatio += Math.log(r + k);
      betaRatio -= Math.log1p(a / (b + k));
      harmonicR += 1 / (r + k);
      harmonicB += 1 / (b + k);
      harmonicAb += 1 / (a + b + k);
    }
    double logA = Math.log(a);
    double logAlpha = Math.log(alpha);
    int[] ageX = pairs.ageX;
    double[] ages = pairs.age;
    int nAge = ages.length;
    double[] u = new double[nAge];
    double[] ageLog = new double[nAge];
    double[] uWeight = pairs.aloneWeight.clone();
    for (int i = 0; i < nAge; i++) {
      int xi = ageX[i];
      ageLog[i] = Math.log1p(ages[i] / alpha);
      u[i] = -(r + xi) * ageLog[i] - xi * logAlpha;
      sum += uWeight[i] * u[i];
    }
    int[] recencyX = pairs.recencyX;
    double[] recency = pairs.recency;
    int nRecency = recency.length;
    double[] v = new double[nRecency];
    double[] recencyLog = new double[nRecency];
    double[] vWeight = new double[nRecency];
    // ln a - ln(b+x-1) per frequency x >= 1.
    double[] logDropout = new double[byFrequency.length];
    for (int k = 1; k < byFrequency.length; k++) {
      logDropout[k] = logA - Math.log(b + k - 1);
    }
    for (int i = 0; i < nRecency; i++) {
      int xi = recencyX[i];
      recencyLog[i] = Math.log1p(recency[i] / alpha);
      v[i] = logDropout[xi] - (r + xi) * recencyLog[i] - xi * logAlpha;
    }
    int[] rowAge = pairs.rowAge;
    int[] rowRecency = pairs.rowRecency;
    double[] rowWeight = pairs.rowWeight;
    for (int i = 0; i < rowAge.length; i++) {
      int ia = rowAge[i];
      int ir = rowRecency[i];
      double ui = u[ia];
      double vi = v[ir];
      double w = rowWeight[i];
      double e;
      double sigma;
      if (ui > vi) {
        e = Math.exp(vi - ui);
        sum += w * (ui + Math.log1p(e));
        sigma = 1 / (1 + e);
      } else {
        e = Math.exp(ui - vi);
        sum += w * (vi + Math.log1p(e));
        sigma = e / (1 + e);
      }
      uWeight[ia] += w * sigma;
      vWeight[ir] += w * (1 - sigma);
    }
    double dalpha = 0;
    for (int i = 0; i < nAge; i++) {
      double w = uWeight[i];
      if (w != 0) {
        int xi = ageX[i];
        dr -= w * ageLog[i];
        dalpha += w * (r / alpha - (r + xi) / (alpha + ages[i]));
      }
    }
    for (int i = 0; i < nRecency; i++) {
      double w = vWeight[i];
      if (w != 0) {
        int xi = recencyX[i];
        dr -= w * recencyLog[i];
        dalpha += w * (r / alpha - (r + xi) / (alpha + recency[i]));
        da += w / a;
        db -= w / (b + xi - 1);
      }
    }
    gradient[0] = dr;
    gradient[1] = dalpha;
    gradient[2] = da;
    gradient[3] = db;
    return sum;
  }
}
