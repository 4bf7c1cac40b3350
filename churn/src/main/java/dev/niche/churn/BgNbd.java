package dev.niche.churn;

import dev.niche.churn.internal.BgNbdData;
import dev.niche.churn.internal.BgNbdExpectation;
import dev.niche.churn.internal.BgNbdLikelihood;
import dev.niche.churn.internal.BgNbdScore;
import dev.niche.churn.internal.SubsampleStart;
import dev.niche.churn.internal.DistinctCustomers;
import dev.niche.churn.internal.LogSpace;
import dev.niche.churn.internal.PurchaseCounts;
import dev.niche.core.Checks;
import dev.niche.core.activity.CustomerSummaries;
import dev.niche.core.likelihood.LikelihoodFit;
import dev.niche.core.likelihood.MaximumLikelihood;
import dev.niche.core.likelihood.Parameter;

/**
 * The beta-geometric/negative-binomial (BG/NBD) model of repeat buying in non-contractual settings
 * (Fader, Hardie &amp; Lee 2005, "Counting Your Customers the Easy Way: An Alternative to the
 * Pareto/NBD Model", Marketing Science 24(2), 275–284).
 *
 * <p>While alive, a customer buys as a Poisson process with rate {@code λ ~ Gamma(r, α)} (shape
 * {@code r}, rate {@code α}); after each repeat purchase the customer dies with probability
 * {@code p ~ Beta(a, b)}. A customer is summarised by frequency {@code x} (repeat purchases),
 * recency {@code t_x} (time of the last purchase since the first) and age {@code T}, all times in
 * one unit of the caller's choice (see {@link dev.niche.core.activity.CustomerSummaries}). With
 * {@code δ = 1} if {@code x > 0}:
 *
 * <ul>
 *   <li>likelihood (eq. 6): {@code L = Γ(r+x)α^r/Γ(r) · B(a,b+x)/B(a,b) · [(α+T)^-(r+x) +
 *       δ a/(b+x-1) (α+t_x)^-(r+x)]};
 *   <li>probability alive (FHL 2005 and the note "Computing P(alive) Using the BG/NBD Model",
 *       Fader, Hardie &amp; Lee 2008): {@code P(alive) = 1 / (1 + δ a/(b+x-1)
 *       ((α+T)/(α+t_x))^(r+x))};
 *   <li>expected purchases of a new customer in {@code (0, t]} (eq. 9):
 *       {@code E[X(t)] = (a+b-1)/(a-1) [1 - (α/(α+t))^r ₂F₁(r, b; a+b-1; t/(α+t))]};
 *   <li>expected purchases in {@code (T, T+t]} (eq. 10): {@code E[Y(t) | x, t_x, T] =
 *       P(alive) (a+b+x-1)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x-1;
 *       t/(α+T+t))]}. It is evaluated by whichever of three exact forms is accurate for the
 *       parameters: the series after Euler's transformation {@code (1-z)^(r+x) ₂F₁(r+x, b+x; C;
 *       z) = (1-z)^(a-1) ₂F₁(C-r-x, a-1; C; z)} with the factor {@code a-1} cancelled (for
 *       {@code a < 2}: no singularity at {@code a = 1}), the paper's series in logs (for
 *       {@code a >= 2}, where the other grows like {@code aⁿ}), or, when the rounding error of
 *       either would exceed {@code 10^-12} relative (e.g. {@code b+x ≫ a}) or {@code t ≫ α+T},
 *       quadrature of {@code ∫ (1 - ((α+T)/(α+T+pt))^(r+x))/p Beta(p; a, b+x) dp} with its tails
 *       in closed form (incomplete beta functions), every factor in logs and the beta density
 *       written about its mode (no cancellation of {@code a ln p} against {@code ln B(a, b)}
 *       for {@code a, b ~ 10^15}). Every parameter value from {@code Double.MIN_VALUE} to
 *       {@code Double.MAX_VALUE} therefore gives a finite expectation, accurate to about
 *       {@code 10^-10}, including the limits {@code a, b → ∞} (geometric dropout with fixed
 *       {@code p}: {@code (1 - (1+pv)^-(r+x))/p}), {@code a → 0} or {@code a/b → 0} (nobody
 *       drops out: the NBD's {@code (r+x)v}) and {@code r → ∞} (a customer buys until
 *       dropping out); it is never above {@code (r+x) t/(α+T)}, the purchases of a customer
 *       who never drops out, and exceeds the double range only when that bound does;
 *   <li>{@code P(X(t) = n)} of a new customer (eq. 8): see
 *       {@link #probabilityOfPurchases(double, int)}.
 * </ul>
 *
 * <p>Instances hold fixed parameters and are immutable and thread-safe; {@link #fit} estimates
 * them by maximum likelihood.
 */
public final class BgNbd implements RepeatPurchaseModel {

  private final double r;
  private final double alpha;
  private final double a;
  private final double b;

  private BgNbd(double r, double alpha, double a, double b) {
    this.r = Checks.positive(r, "r");
    this.alpha = Checks.positive(alpha, "alpha");
    this.a = Checks.positive(a, "a");
    this.b = Checks.positive(b, "b");
  }

  /**
   * A model with known parameters.
   *
   * @param r shape of the gamma distribution of purchase rates, {@code > 0}
   * @param alpha rate (inverse scale, in the time unit of the data) of that gamma, {@code > 0}
   * @param a first parameter of the beta distribution of dropout probabilities, {@code > 0}
   * @param b second parameter of that beta, {@code > 0}
   * @return the model
   * @throws IllegalArgumentException if a parameter is not finite and positive
   */
  public static BgNbd of(double r, double alpha, double a, double b) {
    return new BgNbd(r, alpha, a, b);
  }

  /**
   * Fits the model by maximum likelihood to one row per customer.
   *
   * @param x frequencies (whole numbers {@code >= 0})
   * @param tx recencies, {@code 0 <= tx[i] <= T[i]}, 0 when {@code x[i] = 0}
   * @param T ages, {@code >= 0}
   * @return the fit
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays are empty, of different lengths, hold a bad
   *     value (the message names the argument and index), or no customer has {@code x > 0}
   */
  @SuppressWarnings("ParameterName") // T is the literature's name for the customer's age.
  public static BgNbdFit fit(double[] x, double[] tx, double[] T) {
    return fit(DistinctCustomers.validated(x, tx, T, null));
  }

  /**
   * Fits the model by maximum likelihood to weighted rows: row {@code i} stands for
   * {@code weights[i]} customers with identical {@code (x, t_x, T)}. Identical rows are merged
   * before fitting (their weights add), so the cost of each likelihood evaluation grows with the
   * number of distinct summaries, not of customers.
   *
   * @param x frequencies (whole numbers {@code >= 0})
   * @param tx recencies, {@code 0 <= tx[i] <= T[i]}, 0 when {@code x[i] = 0}
   * @param T ages, {@code >= 0}
   * @param weights row weights, finite, {@code >= 0}, not all 0
   * @return the fit
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays are empty, of different lengths, hold a bad
   *     value (the message names the argument and index), or no customer has {@code x > 0}
   */
  @SuppressWarnings("ParameterName")
  public static BgNbdFit fit(double[] x, double[] tx, double[] T, double[] weights) {
    Checks.notNull(weights, "weights");
    return fit(DistinctCustomers.validated(x, tx, T, weights));
  }

  private static BgNbdFit fit(DistinctCustomers d) {
    // Start: r = 1 and alpha matching the mean purchase rate; a = 1, b = 3 (dropout ~ 1/4).
    double rate = Math.max(d.meanFrequency(), 0.1) / Math.max(d.meanAge(), 1e-3);
    double alpha0 = Math.min(Math.max(1.0 / rate, 1e-6), 1e6);
    SubsampleStart.Outcome o = SubsampleStart.maximize(d, BgNbdScore::new,
        new Parameter[] {Parameter.positive("r"), Parameter.positive("alpha"),
            Parameter.positive("a"), Parameter.positive("b")},
        new double[] {1.0, alpha0, 1.0, 3.0},
        new double[] {0.25, alpha0 / 4, 0.8, 2.5});
    LikelihoodFit f = o.fit();
    return new BgNbdFit(f.estimate(0), f.estimate(1), f.estimate(2), f.estimate(3),
        o.diagnostics());
  }

  /**
   * Fits the model to customer summaries.
   *
   * @param summaries the summaries (their unit becomes the model's time unit)
   * @return the fit
   * @throws NullPointerException if {@code summaries} is null
   * @throws IllegalArgumentException if there are no customers or none has {@code x > 0}
   */
  public static BgNbdFit fit(CustomerSummaries summaries) {
    Checks.notNull(summaries, "summaries");
    Checks.argument(summaries.size() > 0, "summaries must not be empty");
    return fit(summaries.frequency(), summaries.recency(), summaries.age());
  }

  /**
   * The log-likelihood of one customer (eq. 6).
   *
   * @param x frequency
   * @param tx recency
   * @param T age
   * @return {@code ln L(r, α, a, b | x, t_x, T)}
   * @throws IllegalArgumentException if the summary is invalid
   */
  @SuppressWarnings("ParameterName")
  @Override
  public double logLikelihood(double x, double tx, double T) {
    int xi = BgNbdData.customer(x, tx, T);
    return new BgNbdLikelihood(new int[] {xi}, new double[] {tx}, new double[] {T},
        new double[] {1.0}).value(new double[] {r, alpha, a, b});
  }

  /**
   * The probability that a customer with this history is still alive at {@code T}.
   *
   * @param x frequency (whole number {@code >= 0})
   * @param tx recency, in {@code [0, T]}, 0 when {@code x = 0}
   * @param T age, {@code >= 0}
   * @return {@code P(alive | x, t_x, T)} in {@code [0, 1]}; exactly 1 when {@code x = 0}
   * @throws IllegalArgumentException if the summary is invalid
   */
  @SuppressWarnings("ParameterName")
  @Override
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
   * Expected purchases in the next {@code t} time units, {@code E[Y(t) | x, t_x, T]} (eq. 10).
   *
   * @param t the horizon, finite and {@code >= 0}, in the data's time unit
   * @param x frequency
   * @param tx recency
   * @param T age
   * @return the expected number of purchases in {@code (T, T+t]}, non-negative,
   *     non-decreasing in {@code t} and at most {@code (r+x) t/(α+T)}; finite for every
   *     parameter value unless that bound exceeds {@code Double.MAX_VALUE} (then it may be
   *     positive infinity; see the class documentation)
   * @throws IllegalArgumentException if {@code t} or the summary is invalid
   */
  @SuppressWarnings("ParameterName")
  @Override
  public double expectedPurchases(double t, double x, double tx, double T) {
    Checks.nonNegative(t, "t");
    int xi = BgNbdData.customer(x, tx, T);
    return BgNbdExpectation.expected(r, alpha, a, b, t, xi, T, pAlive(xi, tx, T));
  }

  /**
   * Expected purchases in the next {@code t} time units for many customers.
   *
   * @param t the horizon, finite and {@code >= 0}
   * @param x frequencies
   * @param tx recencies
   * @param T ages
   * @return a new array of expectations, each as described for
   *     {@link #expectedPurchases(double, double, double, double)} (positive infinity only when
   *     {@code (r+x) t/(α+T)} exceeds {@code Double.MAX_VALUE})
   * @throws IllegalArgumentException if {@code t} or the arrays are invalid
   */
  @SuppressWarnings("ParameterName")
  public double[] expectedPurchases(double t, double[] x, double[] tx, double[] T) {
    Checks.nonNegative(t, "t");
    BgNbdData d = BgNbdData.of(x, tx, T);
    double[] e = new double[d.x.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = BgNbdExpectation.expected(
          r, alpha, a, b, t, d.x[i], d.age[i], pAlive(d.x[i], d.tx[i], d.age[i]));
    }
    return e;
  }

  /**
   * Expected repeat purchases of a new customer in {@code (0, t]}, {@code E[X(t)]} (eq. 9).
   *
   * @param t the time since the first purchase, finite and {@code >= 0}
   * @return the expected number of repeat purchases, at most {@code r t/α}; finite unless that
   *     bound exceeds {@code Double.MAX_VALUE} (then it may be positive infinity)
   * @throws IllegalArgumentException if {@code t} is negative or not finite
   */
  @Override
  public double expectedPurchasesNewCustomer(double t) {
    Checks.nonNegative(t, "t");
    return BgNbdExpectation.expected(r, alpha, a, b, t, 0, 0.0, 1.0);
  }

  /**
   * The probability that a new customer makes exactly {@code n} repeat purchases in {@code (0, t]}
   * (eq. 8): with {@code NBD(n) = Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n},
   *
   * <pre>
   * P(X(t) = n) = B(a, b+n)/B(a, b) · NBD(n)
   *             + δ_{n&gt;0} B(a+1, b+n-1)/B(a, b) · [1 - Σ_{j&lt;n} NBD(j)],
   * </pre>
   *
   * the first term for customers alive after {@code n} purchases, the second for those who died
   * right after the {@code n}-th. The bracket is the NBD tail, evaluated as the regularized
   * incomplete beta {@code I_{t/(α+t)}(n, r)} (no cancellation), and the rest in logs.
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
    return PurchaseCounts.bgNbd(r, alpha, a, b, t, n);
  }

  /**
   * The number of parameters, 4 ({@code r, α, a, b}).
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
   * The first parameter of the beta distribution of dropout probabilities.
   *
   * @return a
   */
  public double a() {
    return a;
  }

  /**
   * The second parameter of the beta distribution of dropout probabilities.
   *
   * @return b
   */
  public double b() {
    return b;
  }

  private double pAlive(int x, double tx, double age) {
    if (x == 0) {
      return 1.0;
    }
    // ln((α+T)/(α+t_x)) = log1p((T-t_x)/(α+t_x)), with α + t_x never formed (it may overflow)
    // and the logarithms of the sums where the quotient overflows (α + t_x below 1).
    double q = LogSpace.overSum(age - tx, alpha, tx);
    double logRatio = q <= Double.MAX_VALUE
        ? Math.log1p(q) : LogSpace.logOfSum(alpha, age) - LogSpace.logOfSum(alpha, tx);
    double logOdds = Math.log(a) - Math.log(b + (x - 1)) + (r + x) * logRatio;
    return 1.0 / (1.0 + Math.exp(logOdds));
  }

  @Override
  public String toString() {
    return "BgNbd{r=" + r + ", alpha=" + alpha + ", a=" + a + ", b=" + b + "}";
  }
}
