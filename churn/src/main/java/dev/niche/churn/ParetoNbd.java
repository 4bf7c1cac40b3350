package dev.niche.churn;

import dev.niche.churn.internal.BgNbdData;
import dev.niche.churn.internal.DistinctCustomers;
import dev.niche.churn.internal.LogSpace;
import dev.niche.churn.internal.ParetoNbdLikelihood;
import dev.niche.churn.internal.ParetoNbdScore;
import dev.niche.churn.internal.SubsampleStart;
import dev.niche.churn.internal.ParetoNbdTerms;
import dev.niche.churn.internal.PurchaseCounts;
import dev.niche.core.Checks;
import dev.niche.core.activity.CustomerSummaries;
import dev.niche.core.likelihood.LikelihoodFit;
import dev.niche.core.likelihood.MaximumLikelihood;
import dev.niche.core.likelihood.Parameter;

/**
 * The Pareto/NBD model of repeat buying in non-contractual settings (Schmittlein, Morrison &amp;
 * Colombo 1987, "Counting Your Customers: Who Are They and What Will They Do Next?", Management
 * Science 33(1), 1–24), in the formulation of Fader &amp; Hardie (2005, "A Note on Deriving the
 * Pareto/NBD Model and Related Expressions") and Fader, Hardie &amp; Lee (2005, "A Note on
 * Implementing the Pareto/NBD Model in MATLAB").
 *
 * <p>While alive, a customer buys as a Poisson process with rate {@code λ ~ Gamma(r, α)}; the
 * customer's lifetime is exponential with rate {@code μ ~ Gamma(s, β)}, independent of
 * {@code λ}. Unlike the BG/NBD, a customer can die at any time, also before the first repeat
 * purchase. A customer is summarised by {@code (x, t_x, T)} as in {@link RepeatPurchaseModel},
 * all in the unit of {@code 1/α} and {@code 1/β}.
 *
 * <ul>
 *   <li>likelihood: {@code L = Γ(r+x)α^r β^s/Γ(r) · [ (α+T)^-(r+x) (β+T)^-s + s/(r+s+x) A_0 ]},
 *       with {@code A_0} the difference of Gauss hypergeometric functions on the branch of
 *       {@code max(α, β)} (the MATLAB note, eq. 2–3), evaluated in logs after Euler's
 *       transformation (see {@link ParetoNbdTerms}: positive, falling terms for any {@code x});
 *   <li>probability alive: {@code P(alive | x, t_x, T) = (α+T)^-(r+x) (β+T)^-s α^r β^s Γ(r+x)/Γ(r)
 *       / L};
 *   <li>expected purchases in {@code (T, T+t]}: {@code E[Y(t) | x, t_x, T] = P(alive) ·
 *       (r+x)(β+T)/((α+T)(s-1)) · [1 - ((β+T)/(β+T+t))^(s-1)]} (Schmittlein et al. 1987, eq.
 *       22), evaluated as {@code (r+x)/(α+T) (β+T) ℓ · expm1(y)/y} with
 *       {@code ℓ = log1p(t/(β+T))} and {@code y = -(s-1)ℓ}, exact at {@code s = 1} (where it is
 *       {@code (r+x)(β+T)/(α+T) ℓ}) and for {@code s, β → ∞}, all factors in logs, so that it
 *       stays finite and accurate for {@code α} or {@code β} down to {@code Double.MIN_VALUE}
 *       ({@code β → 0}: {@code (r+x)/(α+T) β^s t^(1-s)/(1-s)} for {@code s < 1},
 *       {@code (r+x)/(α+T) β ln(t/β)} at {@code s = 1}, {@code (r+x)β/((α+T)(s-1))} for
 *       {@code s > 1}: almost every customer has left);
 *   <li>a new customer: {@code E[X(t)] = rβ/(α(s-1)) [1 - (β/(β+t))^(s-1)]}, the same way; it
 *       exceeds the double range (and is returned as +∞) only when the mean purchase rate
 *       {@code r/α} does, e.g. {@code α} near {@code Double.MIN_VALUE};
 *   <li>{@code P(X(t) = n)} of a new customer (Fader &amp; Hardie 2006 note): see
 *       {@link #probabilityOfPurchases(double, int)}.
 * </ul>
 *
 * <p>The log-likelihood, {@code P(alive)} and {@code E[Y(t)]} are finite for all finite positive
 * parameters and finite times, also where {@code α+T} or {@code β+T} exceeds
 * {@code Double.MAX_VALUE}: such sums enter only through their logarithms and the quotients by
 * them, never formed themselves.
 *
 * <p>Instances hold fixed parameters and are immutable and thread-safe; {@link #fit} estimates
 * them by maximum likelihood.
 */
public final class ParetoNbd implements RepeatPurchaseModel {

  private final double r;
  private final double alpha;
  private final double s;
  private final double beta;

  private ParetoNbd(double r, double alpha, double s, double beta) {
    this.r = Checks.positive(r, "r");
    this.alpha = Checks.positive(alpha, "alpha");
    this.s = Checks.positive(s, "s");
    this.beta = Checks.positive(beta, "beta");
  }

  /**
   * A model with known parameters.
   *
   * @param r shape of the gamma distribution of purchase rates, {@code > 0}
   * @param alpha rate of that gamma (in the time unit of the data), {@code > 0}
   * @param s shape of the gamma distribution of dropout rates, {@code > 0}
   * @param beta rate of that gamma (in the time unit of the data), {@code > 0}
   * @return the model
   * @throws IllegalArgumentException if a parameter is not finite and positive
   */
  public static ParetoNbd of(double r, double alpha, double s, double beta) {
    return new ParetoNbd(r, alpha, s, beta);
  }

  /**
   * Fits the model by maximum likelihood to one row per customer.
   *
   * @param x frequencies (whole numbers {@code >= 0})
   * @param tx recencies, {@code 0 <= tx[i] <= T[i]}, 0 when {@code x[i] = 0}
   * @param T ages, finite and {@code >= 0}
   * @return the fit
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays are empty, of different lengths, hold a bad
   *     value (the message names the argument and index), or no customer has {@code x > 0}
   */
  @SuppressWarnings("ParameterName") // T is the literature's name for the customer's age.
  public static ParetoNbdFit fit(double[] x, double[] tx, double[] T) {
    return fit(DistinctCustomers.validated(x, tx, T, null));
  }

  /**
   * Fits the model by maximum likelihood to weighted rows: row {@code i} stands for
   * {@code weights[i]} customers with identical {@code (x, t_x, T)}. Identical rows are merged
   * before fitting (their weights add), so the cost grows with the number of distinct summaries.
   *
   * @param x frequencies (whole numbers {@code >= 0})
   * @param tx recencies, {@code 0 <= tx[i] <= T[i]}, 0 when {@code x[i] = 0}
   * @param T ages, finite and {@code >= 0}
   * @param weights row weights, finite, {@code >= 0}, not all 0
   * @return the fit
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays are empty, of different lengths, hold a bad
   *     value (the message names the argument and index), or no customer has {@code x > 0}
   */
  @SuppressWarnings("ParameterName")
  public static ParetoNbdFit fit(double[] x, double[] tx, double[] T, double[] weights) {
    Checks.notNull(weights, "weights");
    return fit(DistinctCustomers.validated(x, tx, T, weights));
  }

  /**
   * Fits the model to customer summaries.
   *
   * @param summaries the summaries (their unit becomes the model's time unit)
   * @return the fit
   * @throws NullPointerException if {@code summaries} is null
   * @throws IllegalArgumentException if there are no customers or none has {@code x > 0}
   */
  public static ParetoNbdFit fit(CustomerSummaries summaries) {
    Checks.notNull(summaries, "summaries");
    Checks.argument(summaries.size() > 0, "summaries must not be empty");
    return fit(summaries.frequency(), summaries.recency(), summaries.age());
  }

  private static ParetoNbdFit fit(DistinctCustomers d) {
    double rate = Math.max(d.meanFrequency(), 0.1) / Math.max(d.meanAge(), 1e-3);
    double alpha0 = Math.min(Math.max(1.0 / rate, 1e-6), 1e6);
    double beta0 = Math.min(Math.max(d.meanAge(), 1e-6), 1e6);
    SubsampleStart.Outcome o = SubsampleStart.maximize(d, ParetoNbdScore::new,
        new Parameter[] {Parameter.positive("r"), Parameter.positive("alpha"),
            Parameter.positive("s"), Parameter.positive("beta")},
        new double[] {1.0, alpha0, 1.0, beta0},
        new double[] {0.5, alpha0 / 2, 0.5, beta0 / 4});
    LikelihoodFit f = o.fit();
    return new ParetoNbdFit(f.estimate(0), f.estimate(1), f.estimate(2), f.estimate(3),
        o.diagnostics());
  }

  /**
   * The log-likelihood of one customer.
   *
   * @param x frequency
   * @param tx recency
   * @param T age
   * @return {@code ln L(r, α, s, β | x, t_x, T)}
   * @throws IllegalArgumentException if the summary is invalid
   */
  @Override
  @SuppressWarnings("ParameterName")
  public double logLikelihood(double x, double tx, double T) {
    int xi = BgNbdData.customer(x, tx, T);
    return PurchaseCounts.logRising(r, xi)
        + ParetoNbdLikelihood.logTerms(r, alpha, s, beta, xi, tx, T);
  }

  /**
   * The probability that a customer with this history is still alive at {@code T}.
   *
   * @param x frequency (whole number {@code >= 0})
   * @param tx recency, in {@code [0, T]}, 0 when {@code x = 0}
   * @param T age, {@code >= 0}
   * @return {@code P(alive | x, t_x, T)} in {@code [0, 1]}
   * @throws IllegalArgumentException if the summary is invalid
   */
  @Override
  @SuppressWarnings("ParameterName")
  public double probabilityAlive(double x, double tx, double T) {
    return pAlive(BgNbdData.customer(x, tx, T), tx, T);
  }

  /**
   * The probability alive for many customers.
   *
   * @param x frequencies
   * @param tx recencies
   * @param T ages
   * @return a new array of probabilities
   * @throws IllegalArgumentException if the arrays are invalid (argument and index named)
   */
  @SuppressWarnings("ParameterName")
  public double[] probabilityAlive(double[] x, double[] tx, double[] T) {
    BgNbdData d = BgNbdData.of(x, tx, T);
    double[] p = new double[d.x.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = pAlive(d.x[i], d.tx[i], d.age[i]);
    }
    return p;
  }

  /**
   * Expected purchases in the next {@code t} time units, {@code E[Y(t) | x, t_x, T]}.
   *
   * @param t the horizon, finite and {@code >= 0}, in the data's time unit
   * @param x frequency
   * @param tx recency
   * @param T age
   * @return the expected number of purchases in {@code (T, T+t]}, non-decreasing in t and at
   *     most {@code (r+x) t/(α+T)}; finite unless that bound exceeds {@code Double.MAX_VALUE}
   *     (then it may be positive infinity)
   * @throws IllegalArgumentException if {@code t} or the summary is invalid
   */
  @Override
  @SuppressWarnings("ParameterName")
  public double expectedPurchases(double t, double x, double tx, double T) {
    Checks.nonNegative(t, "t");
    int xi = BgNbdData.customer(x, tx, T);
    return expected(t, xi, tx, T);
  }

  /**
   * Expected purchases in the next {@code t} time units for many customers.
   *
   * @param t the horizon, finite and {@code >= 0}
   * @param x frequencies
   * @param tx recencies
   * @param T ages
   * @return a new array of expectations, each finite unless {@code (r+x) t/(α+T)} exceeds
   *     {@code Double.MAX_VALUE} (then it may be positive infinity)
   * @throws IllegalArgumentException if {@code t} or the arrays are invalid
   */
  @SuppressWarnings("ParameterName")
  public double[] expectedPurchases(double t, double[] x, double[] tx, double[] T) {
    Checks.nonNegative(t, "t");
    BgNbdData d = BgNbdData.of(x, tx, T);
    double[] e = new double[d.x.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = expected(t, d.x[i], d.tx[i], d.age[i]);
    }
    return e;
  }

  /**
   * Expected repeat purchases of a new customer in {@code (0, t]},
   * {@code E[X(t)] = rβ/(α(s-1)) [1 - (β/(β+t))^(s-1)]}.
   *
   * @param t the time since the first purchase, finite and {@code >= 0}
   * @return the expected number of repeat purchases, finite except when it exceeds
   *     {@code Double.MAX_VALUE} (then positive infinity: only when the mean purchase rate
   *     {@code r/α} is beyond the double range, as for {@code α} near {@code Double.MIN_VALUE})
   * @throws IllegalArgumentException if {@code t} is negative or not finite
   */
  @Override
  public double expectedPurchasesNewCustomer(double t) {
    Checks.nonNegative(t, "t");
    if (t == 0) {
      return 0.0;
    }
    return Math.exp(Math.log(r) - Math.log(alpha) + logDropoutIntegral(t, 0));
  }

  /**
   * The probability that a new customer makes exactly {@code n} repeat purchases in
   * {@code (0, t]}: with {@code NBD(n; t) = Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n},
   *
   * <pre>
   * P(X(t) = n) = NBD(n; t) (β/(β+t))^s + ∫_0^t NBD(n; τ) s β^s (β+τ)^-(s+1) dτ
   * </pre>
   *
   * (alive at {@code t}, or died at {@code τ < t}; Fader &amp; Hardie 2006, "Deriving an
   * Expression for P(X(t) = x) Under the Pareto/NBD Model", whose hypergeometric sums are this
   * integral), the integral by adaptive Gauss–Legendre quadrature.
   *
   * @param t the time since the first purchase, finite and {@code >= 0}
   * @param n the number of repeat purchases, {@code >= 0}
   * @return {@code P(X(t) = n)} in {@code [0, 1]}
   * @throws IllegalArgumentException if {@code t} is negative or not finite, or {@code n < 0}
   */
  @Override
  public double probabilityOfPurchases(double t, int n) {
    Checks.nonNegative(t, "t");
    Checks.nonNegative((long) n, "n");
    return PurchaseCounts.paretoNbd(r, alpha, s, beta, t, n);
  }

  /**
   * The number of parameters, 4 ({@code r, α, s, β}).
   *
   * @return 4
   */
  @Override
  public int parameterCount() {
    return 4;
  }

  /**
   * The shape of the gamma distribution of purchase rates.
   *
   * @return r
   */
  public double r() {
    return r;
  }

  /**
   * The rate of the gamma distribution of purchase rates (in the data's time unit).
   *
   * @return alpha
   */
  public double alpha() {
    return alpha;
  }

  /**
   * The shape of the gamma distribution of dropout rates.
   *
   * @return s
   */
  public double s() {
    return s;
  }

  /**
   * The rate of the gamma distribution of dropout rates (in the data's time unit).
   *
   * @return beta
   */
  public double beta() {
    return beta;
  }

  private double pAlive(int x, double tx, double age) {
    double u = ParetoNbdTerms.logAlive(r, alpha, s, beta, x, age);
    double v = ParetoNbdTerms.logDied(r, alpha, s, beta, x, tx, age);
    return 1.0 / (1.0 + Math.exp(v - u));
  }

  private double expected(double t, int x, double tx, double age) {
    if (t == 0) {
      return 0.0;
    }
    return pAlive(x, tx, age) * Math.exp(
        Math.log(r + x) - LogSpace.logOfSum(alpha, age) + logDropoutIntegral(t, age));
  }

  /**
   * {@code ln(b [1 - (b/(b+t))^(s-1)]/(s-1)) = ln(b ℓ expm1(y)/y)}, {@code ℓ = ln(1 + t/b)},
   * {@code y = -(s-1)ℓ}, {@code b = β + T} ({@code T = 0} for a new customer): the log of the
   * expected time alive in {@code (0, t]} with a dropout rate {@code ~ Gamma(s, b)},
   * {@code ∫_0^t (b/(b+u))^s du}, continuous at {@code s = 1} and finite for every {@code b > 0}
   * (it tends to {@code ln t} as {@code b → ∞} and to {@code s ln b + (1-s) ln t - ln(1-s)} as
   * {@code b → 0} with {@code s < 1}), also where {@code β + T} exceeds the double range
   * ({@code ln b} and {@code t/b} are then taken from the halved sum, {@link LogSpace}).
   */
  private double logDropoutIntegral(double t, double age) {
    double b = beta + age;
    double l = b <= Double.MAX_VALUE
        ? LogSpace.log1pRatio(t, b) : Math.log1p(LogSpace.overSum(t, beta, age));
    double y = -(s - 1) * l;
    double logRatio;
    if (y == 0) {
      logRatio = 0;
    } else if (y > 700) {
      logRatio = y + Math.log1p(-Math.exp(-y)) - Math.log(y);
    } else {
      logRatio = Math.log(Math.expm1(y) / y);
    }
    return LogSpace.logOfSum(beta, age) + Math.log(l) + logRatio;
  }

  @Override
  public String toString() {
    return "ParetoNbd{r=" + r + ", alpha=" + alpha + ", s=" + s + ", beta=" + beta + "}";
  }
}
