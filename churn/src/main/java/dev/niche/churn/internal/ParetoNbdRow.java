package dev.niche.churn.internal;

/**
 * One Pareto/NBD row's {@code ln(e^E + e^D)} (see {@link ParetoNbdScore}), with its weights
 * {@code σ = e^E/(e^E + e^D)} and {@code q = e^d/(1 - e^d)} for the gradient and Hessian. Not
 * thread-safe: one per pass. Not part of the API.
 */
final class ParetoNbdRow {
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
