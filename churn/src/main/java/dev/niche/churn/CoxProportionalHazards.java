package dev.niche.churn;

import dev.niche.churn.internal.BaselineHazard;
import dev.niche.churn.internal.CoxNewton;
import dev.niche.churn.internal.CoxPartialLikelihood;
import dev.niche.churn.internal.CoxRiskSets;
import dev.niche.churn.internal.CoxScoreResiduals;
import dev.niche.core.Checks;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cox's (1972) proportional hazards regression: which customer attributes drive churn.
 *
 * <p>The hazard of customer {@code i} in stratum {@code s} is
 * {@code h_i(t) = h_{0s}(t) exp(x_iᵀβ)}: attributes multiply a baseline churn hazard that is left
 * completely free. β maximises the log partial likelihood
 *
 * <pre>
 *   ℓ(β) = Σ_events w_i [ x_iᵀβ − ln Σ_{j ∈ R(t_i)} w_j exp(x_jᵀβ) ]
 * </pre>
 *
 * (Breslow's form; {@link Ties#EFRON} corrects the denominator for tied times, Efron 1977), where
 * the risk set {@code R(t)} holds the rows of the same stratum with {@code entry < t <= duration}.
 * Newton–Raphson with step halving from β = 0, with R {@code coxph}'s convergence rule
 * ({@code |1 − ℓ_old/ℓ_new| ≤ 1e-9}, at most 20 iterations). The rows are sorted once; each
 * Newton step is one sweep over the risk sets from the latest time to the earliest with running
 * sums of {@code w exp(η)}, {@code w exp(η) x} and {@code w exp(η) x xᵀ}: {@code O(n p²)}.
 *
 * <p>Model-based standard errors come from the inverse information; with
 * {@link SurvivalData.Builder#clusters(int[])} the coefficients carry the robust sandwich variance
 * {@code V (Σ_c L_c L_cᵀ) V} of Lin &amp; Wei (1989), {@code L_c} the summed weighted score
 * residuals of cluster {@code c} (R {@code coxph(... + cluster(id))}). As R's {@code coxph}
 * default, case weights other than 1 are treated as sampling weights and also give the robust
 * variance (each row its own cluster); {@link CoxFit#modelBasedCoefficient(String)} always has
 * the model-based error.
 *
 * <p>Numerical trouble is never hidden: a constant covariate, or one that is a linear combination
 * of earlier ones, is rejected naming the column; a covariate that separates events (monotone
 * likelihood) is named in {@link CoxFit#diagnostics()}. References: Cox (1972) JRSS B 34;
 * Breslow (1974) Biometrics 30; Efron (1977) JASA 72; Therneau &amp; Grambsch (2000)
 * <i>Modeling Survival Data</i>, Springer; Lin &amp; Wei (1989) JASA 84.
 */
public final class CoxProportionalHazards {

  private static final Logger LOG = LoggerFactory.getLogger(CoxProportionalHazards.class);

  /** Rows × covariates above this are rejected (the sorted copy must fit in one array). */
  public static final long MAX_CELLS = Integer.MAX_VALUE - 8;

  private CoxProportionalHazards() {}

  /**
   * Fits the model.
   *
   * @param data the rows, with at least one covariate and one event
   * @param ties how tied event times are treated
   * @return the fit
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if there are no covariates or no events, a covariate is
   *     constant or collinear with earlier ones (the message names it), or the data are too large
   */
  public static CoxFit fit(SurvivalData data, Ties ties) {
    Checks.notNull(data, "data");
    Checks.notNull(ties, "ties");
    List<String> terms = data.covariateNames();
    int p = terms.size();
    int n = data.size();
    Checks.argument(p > 0, "data has no covariates: add at least one with covariate(name, values)");
    Checks.argument((long) n * p <= MAX_CELLS,
        "rows x covariates = " + ((long) n * p) + " must be <= " + MAX_CELLS);
    int events = data.eventCount();
    Checks.argument(events > 0, "data has no events: every one of the " + n
        + " rows is censored, so the hazard ratios are not identified");
    double[][] columns = data.columnsView();
    for (int k = 0; k < p; k++) {
      double[] c = columns[k];
      boolean constant = true;
      for (int i = 1; i < n && constant; i++) {
        constant = c[i] == c[0];
      }
      Checks.argument(!constant, "covariate '" + terms.get(k) + "' is constant (every value is "
          + c[0] + "): its coefficient is not identified");
    }
    CoxRiskSets layout = CoxRiskSets.of(data.durationsView(), data.entriesView(),
        data.eventsView(), columns, data.strataView(), data.weightsView());
    boolean efron = ties == Ties.EFRON;
    CoxPartialLikelihood likelihood = new CoxPartialLikelihood(layout, efron);
    CoxNewton.Result r;
    BaselineHazard.Collector hazard = new BaselineHazard.Collector(layout.strataCount(), efron);
    try {
      r = CoxNewton.fit(likelihood, hazard);
    } catch (CoxNewton.SingularInformation e) {
      String name = terms.get(e.column);
      throw Checks.rejected(e.constant
          ? "covariate '" + name + "' does not vary within any risk set: its coefficient is "
              + "not identified"
          : "covariate '" + name + "' is collinear with the covariates before it "
              + terms.subList(0, e.column) + ": drop it or one of them");
    }
    double[] robust = null;
    int[] clusters = data.clustersView();
    if (clusters == null && samplingWeights(data.weightsView())) {
      clusters = new int[n];
      for (int i = 0; i < n; i++) {
        clusters[i] = i;
      }
    }
    if (clusters != null) {
      robust = CoxScoreResiduals.robustVariance(likelihood, r.beta, r.variance, clusters, efron);
    }
    BaselineHazard baseline = hazard.hazard();
    List<String> infinite = new ArrayList<>();
    for (int k : r.infinite) {
      infinite.add(terms.get(k));
    }
    String message = !r.converged
        ? "ran out of iterations (" + r.iterations + ") and did not converge"
        : infinite.isEmpty() ? ""
            : "log likelihood converged before variable(s) " + infinite
                + "; coefficient(s) may be infinite (monotone likelihood: the covariate "
                + "separates events)";
    CoxDiagnostics diagnostics = new CoxDiagnostics(r.converged, r.iterations, infinite, message);
    if (LOG.isDebugEnabled()) {
      LOG.debug("Cox fit: n = {}, events = {}, p = {}, ties = {}, iterations = {}, loglik = {} "
          + "{}", n, events, p, ties, r.iterations, r.logLikelihood, message);
    }
    return new CoxFit(terms, ties, n, events, r, robust, layout.means(), likelihood, baseline,
        diagnostics, data.strataView() == null ? null : layout, data.clustersView());
  }

  /** Weights other than 0 and 1 are sampling weights: R's coxph then defaults to robust. */
  private static boolean samplingWeights(double[] weights) {
    if (weights == null) {
      return false;
    }
    for (double w : weights) {
      if (w != 1.0) {
        return true;
      }
    }
    return false;
  }
}
