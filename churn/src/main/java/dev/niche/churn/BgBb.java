package dev.niche.churn;

import dev.niche.churn.internal.BgBbLikelihood;
import dev.niche.core.Checks;
import dev.niche.core.likelihood.LikelihoodFit;
import dev.niche.core.likelihood.MaximumLikelihood;
import dev.niche.core.likelihood.Parameter;
import java.util.Arrays;

/**
 * The beta-geometric/beta-Bernoulli (BG/BB) model of repeat transactions at discrete
 * opportunities (Fader, Hardie &amp; Shang 2010, "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", Marketing Science 29(6), 1086–1108), e.g. yearly donations or
 * annual events.
 *
 * <p>At each of {@code n} opportunities after the first transaction an alive customer transacts
 * with probability {@code p ~ Beta(α, β)}; at the start of each opportunity they die with
 * probability {@code θ ~ Beta(γ, δ)}. A customer is summarised by {@code x} transactions, the
 * opportunity {@code t_x} of the last one (0 if none) and {@code n}. With {@code L} the
 * likelihood:
 *
 * <ul>
 *   <li>{@code L = B(α+x, β+n-x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *       + Σ_{i=0}^{n-t_x-1} B(α+x, β+t_x-x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ)};
 *   <li>P(alive at opportunity n+1) {@code = B(α+x, β+n-x)/B(α,β) · B(γ, δ+n+1)/B(γ,δ)
 *       / L};
 *   <li>expected transactions in the next {@code n*} opportunities, summed term by term (no
 *       singularity at γ = 1): {@code E = B(α+x+1, β+n-x)/B(α,β) · Σ_{k=1}^{n*} B(γ, δ+n+k)/B(γ,δ)
 *       / L};
 *   <li>for a new customer, {@code E[X(n)] = α/(α+β) · Σ_{k=1}^{n} B(γ, δ+k)/B(γ,δ)}.
 * </ul>
 *
 * <p>Opportunity counts ({@code x}, {@code t_x}, {@code n}, {@code n*}) are at most
 * {@link #MAX_OPPORTUNITIES}; every method is linear in them. Instances hold fixed parameters and
 * are immutable and thread-safe.
 */
public final class BgBb {

  /**
   * The largest number of opportunities accepted (a million: daily opportunities over more than
   * 2,700 years). Every method takes time linear in the opportunities.
   */
  public static final int MAX_OPPORTUNITIES = 1_000_000;

  private final double alpha;
  private final double beta;
  private final double gamma;
  private final double delta;

  private BgBb(double alpha, double beta, double gamma, double delta) {
    this.alpha = Checks.positive(alpha, "alpha");
    this.beta = Checks.positive(beta, "beta");
    this.gamma = Checks.positive(gamma, "gamma");
    this.delta = Checks.positive(delta, "delta");
  }

  /**
   * A model with known parameters.
   *
   * @param alpha first parameter of the beta of transaction probabilities, {@code > 0}
   * @param beta second parameter of that beta, {@code > 0}
   * @param gamma first parameter of the beta of dropout probabilities, {@code > 0}
   * @param delta second parameter of that beta, {@code > 0}
   * @return the model
   * @throws IllegalArgumentException if a parameter is not finite and positive
   */
  public static BgBb of(double alpha, double beta, double gamma, double delta) {
    return new BgBb(alpha, beta, gamma, delta);
  }

  /**
   * Fits the model by maximum likelihood, one row per customer.
   *
   * @param x transactions, whole numbers with {@code 0 <= x <= tx}
   * @param tx opportunity of the last transaction, {@code <= n}, 0 when {@code x = 0}
   * @param n number of opportunities, whole numbers {@code >= 0}
   * @return the fit
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if an array is empty, the lengths differ or a value is bad
   *     (argument and index named)
   */
  public static BgBbFit fit(double[] x, double[] tx, double[] n) {
    double[] w = new double[Checks.notNull(x, "x").length];
    Arrays.fill(w, 1.0);
    return fit(x, tx, n, w);
  }

  /**
   * Fits the model to weighted rows: row {@code i} stands for {@code weights[i]} customers with
   * the same {@code (x, t_x, n)} (the usual "recency/frequency table").
   *
   * @param x transactions, whole numbers with {@code 0 <= x <= tx}
   * @param tx opportunity of the last transaction, {@code <= n}, 0 when {@code x = 0}
   * @param n number of opportunities, whole numbers {@code >= 0}
   * @param weights row weights, finite, {@code >= 0}, not all 0
   * @return the fit
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if an array is empty, the lengths differ or a value is bad
   */
  public static BgBbFit fit(double[] x, double[] tx, double[] n, double[] weights) {
    Checks.nonEmpty(x, "x");
    Checks.sameLength(x, "x", tx, "tx");
    Checks.sameLength(x, "x", n, "n");
    Checks.nonNegative(weights, "weights");
    Checks.sameLength(x, "x", weights, "weights");
    int rows = x.length;
    int[] xs = new int[rows];
    int[] txs = new int[rows];
    int[] ns = new int[rows];
    double total = 0;
    for (int i = 0; i < rows; i++) {
      if (!valid(x[i], tx[i], n[i])) {
        // Rare path: the detailed checks build messages naming the offending index, and throw.
        String at = "[" + i + "]";
        check(whole(x[i], "x" + at), whole(tx[i], "tx" + at), whole(n[i], "n" + at), at);
      }
      xs[i] = (int) x[i];
      txs[i] = (int) tx[i];
      ns[i] = (int) n[i];
      total += weights[i];
    }
    Checks.argument(total > 0, "weights must not all be 0");
    LikelihoodFit f = MaximumLikelihood
        .builder(new BgBbLikelihood(xs, txs, ns, weights.clone()), Parameter.positive("alpha"),
            Parameter.positive("beta"), Parameter.positive("gamma"), Parameter.positive("delta"))
        .observations(Math.max(1, Math.round(total)))
        .start(1.0, 1.0, 1.0, 1.0)
        .start(0.5, 0.5, 0.5, 3.0)
        .maximize();
    return new BgBbFit(f.estimate(0), f.estimate(1), f.estimate(2), f.estimate(3),
        f.diagnostics());
  }

  /**
   * The probability that the customer is alive at opportunity {@code n + 1}.
   *
   * @param x transactions
   * @param tx opportunity of the last transaction
   * @param n opportunities observed
   * @return the probability, in {@code [0, 1]}
   * @throws IllegalArgumentException if the summary is invalid
   */
  public double probabilityAlive(int x, int tx, int n) {
    check(x, tx, n, "");
    double logL = BgBbLikelihood.logLikelihood(alpha, beta, gamma, delta, x, tx, n);
    return Math.exp(BgBbLikelihood.logBetaRatio(alpha, beta, x, n - x)
        + BgBbLikelihood.logBetaRatio(gamma, delta, 0, n + 1) - logL);
  }

  /**
   * Expected transactions in the next {@code future} opportunities.
   *
   * @param future opportunities ahead, in {@code [0, MAX_OPPORTUNITIES]}
   * @param x transactions
   * @param tx opportunity of the last transaction
   * @param n opportunities observed, at most {@link #MAX_OPPORTUNITIES}
   * @return the expectation, non-decreasing in {@code future}
   * @throws IllegalArgumentException if an argument is invalid
   */
  public double expectedTransactions(int future, int x, int tx, int n) {
    opportunities(future, "future");
    check(x, tx, n, "");
    double logL = BgBbLikelihood.logLikelihood(alpha, beta, gamma, delta, x, tx, n);
    double head = BgBbLikelihood.logBetaRatio(alpha, beta, x + 1, n - x) - logL;
    return Math.exp(head + BgBbLikelihood.logBetaRatio(gamma, delta, 0, n))
        * survivalSum(n, future);
  }

  /**
   * {@code Σ_{k=1}^{count} B(γ, δ+from+k) / B(γ, δ+from)}, term by term with the ratio
   * {@code B(γ, δ+j+1) / B(γ, δ+j) = (δ+j) / (γ+δ+j)}: linear in {@code count}.
   */
  private double survivalSum(int from, int count) {
    double sum = 0;
    double term = 1;
    for (int k = 1; k <= count; k++) {
      double j = (double) from + k - 1;
      term *= (delta + j) / (gamma + delta + j);
      sum += term;
    }
    return sum;
  }

  /**
   * The probabilities of a transaction at each of the next {@code future} opportunities,
   * {@code P(transaction at n+k | x, t_x, n) = B(α+x+1, β+n-x)/B(α,β) · B(γ, δ+n+k)/B(γ,δ) / L},
   * {@code k = 1..future}; their partial sums are {@link #expectedTransactions}.
   *
   * @param at the index suffix for messages, e.g. {@code "[3]"} or {@code ""}
   * @throws IllegalArgumentException if the summary is invalid (argument and index named)
   */
  double[] transactionProbabilities(int future, double x, double tx, double n, String at) {
    int xi = whole(x, "x" + at);
    int txi = whole(tx, "tx" + at);
    int ni = whole(n, "n" + at);
    check(xi, txi, ni, at);
    double logL = BgBbLikelihood.logLikelihood(alpha, beta, gamma, delta, xi, txi, ni);
    double head = BgBbLikelihood.logBetaRatio(alpha, beta, xi + 1, ni - xi) - logL;
    double[] p = new double[future];
    for (int k = 1; k <= future; k++) {
      p[k - 1] = Math.exp(head + BgBbLikelihood.logBetaRatio(gamma, delta, 0, ni + k));
    }
    return p;
  }

  /**
   * Expected transactions of a new customer in its first {@code n} opportunities.
   *
   * @param n opportunities, in {@code [0, MAX_OPPORTUNITIES]}
   * @return {@code E[X(n)]}
   * @throws IllegalArgumentException if {@code n} is out of range
   */
  public double expectedTransactionsNewCustomer(int n) {
    opportunities(n, "n");
    return alpha / (alpha + beta) * survivalSum(0, n);
  }

  /**
   * The log-likelihood of one customer.
   *
   * @param x transactions
   * @param tx opportunity of the last transaction
   * @param n opportunities
   * @return {@code ln L}
   * @throws IllegalArgumentException if the summary is invalid
   */
  public double logLikelihood(int x, int tx, int n) {
    check(x, tx, n, "");
    return BgBbLikelihood.logLikelihood(alpha, beta, gamma, delta, x, tx, n);
  }

  /**
   * α, first parameter of the beta of transaction probabilities.
   *
   * @return alpha
   */
  public double alpha() {
    return alpha;
  }

  /**
   * β, second parameter of the beta of transaction probabilities.
   *
   * @return beta
   */
  public double beta() {
    return beta;
  }

  /**
   * γ, first parameter of the beta of dropout probabilities.
   *
   * @return gamma
   */
  public double gamma() {
    return gamma;
  }

  /**
   * δ, second parameter of the beta of dropout probabilities.
   *
   * @return delta
   */
  public double delta() {
    return delta;
  }

  private static int whole(double v, String name) {
    Checks.nonNegative(v, name);
    Checks.argument(v == Math.rint(v) && v <= MAX_OPPORTUNITIES,
        name + " = " + v + " must be a whole number <= " + MAX_OPPORTUNITIES);
    return (int) v;
  }

  /** The conditions of {@link #whole} and {@link #check}, without building any message. */
  private static boolean valid(double x, double tx, double n) {
    return isWhole(x) && isWhole(tx) && isWhole(n) && tx <= n && x <= tx && (x > 0 || tx == 0);
  }

  private static boolean isWhole(double v) {
    return v >= 0 && v == Math.rint(v) && v <= 1_000_000;
  }

  private static void check(int x, int tx, int n, String at) {
    Checks.argument(x >= 0, "x" + at + " = " + x + " must be >= 0");
    opportunities(n, "n" + at);
    Checks.argument(tx <= n, "tx" + at + " = " + tx + " must be <= n" + at + " = " + n);
    Checks.argument(x <= tx, "x" + at + " = " + x + " must be <= tx" + at + " = " + tx);
    Checks.argument(x > 0 || tx == 0,
        "tx" + at + " = " + tx + " must be 0 when x" + at + " = 0");
  }

  private static int opportunities(int count, String name) {
    Checks.argument(count >= 0 && count <= MAX_OPPORTUNITIES,
        name + " = " + count + " must be in [0, " + MAX_OPPORTUNITIES + "]");
    return count;
  }

  @Override
  public String toString() {
    return "BgBb{alpha=" + alpha + ", beta=" + beta + ", gamma=" + gamma + ", delta=" + delta
        + "}";
  }
}
