package dev.niche.churn.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximises the Cox partial likelihood by Newton–Raphson with step halving, with the conventions
 * of R's {@code coxph} (Therneau &amp; Grambsch 2000, §3.2): start at β = 0; after each evaluation
 * stop when {@code |1 − ℓ_old/ℓ_new| ≤ ε} (ε = 1e-9) unless the step was a halving; when the log
 * likelihood fell, halve the step back towards the last accepted β; otherwise accept and take the
 * Newton step {@code β + I⁻¹U}. At most 20 iterations. A coefficient whose next Newton step
 * {@code |(I⁻¹U)_k|} still exceeds both ε and {@code √ε·|β_k|} at convergence is flagged as
 * possibly infinite (monotone likelihood).
 */
public final class CoxNewton {

  /** Convergence tolerance on the relative change of the log likelihood (R's {@code eps}). */
  public static final double EPS = 1e-9;
  /** Maximum number of iterations (R's {@code iter.max}). */
  public static final int MAX_ITERATIONS = 20;
  /** Relative pivot below which a covariate counts as collinear with earlier ones. */
  public static final double COLLINEARITY_TOLERANCE = 1e-10;

  private CoxNewton() {}

  /** What the iterations found. All arrays are owned by the result. */
  public static final class Result {
    /** The estimates. */
    public final double[] beta;
    /** The information matrix at {@link #beta} (full). */
    public final double[] information;
    /** Its inverse, the model-based variance (full). */
    public final double[] variance;
    /** Log partial likelihood at β = 0. */
    public final double nullLogLikelihood;
    /** Log partial likelihood at the estimates. */
    public final double logLikelihood;
    /** Score test of β = 0: {@code U(0)ᵀ I(0)⁻¹ U(0)}. */
    public final double scoreStatistic;
    /** Iterations used (R's {@code iter}). */
    public final int iterations;
    /** True when the convergence criterion was met. */
    public final boolean converged;
    /** Indices of coefficients that may be infinite. */
    public final int[] infinite;

    Result(double[] beta, double[] information, double[] variance, double nullLogLikelihood,
        double logLikelihood, double scoreStatistic, int iterations, boolean converged,
        int[] infinite) {
      this.beta = beta;
      this.information = information;
      this.variance = variance;
      this.nullLogLikelihood = nullLogLikelihood;
      this.logLikelihood = logLikelihood;
      this.scoreStatistic = scoreStatistic;
      this.iterations = iterations;
      this.converged = converged;
      this.infinite = infinite;
    }
  }

  /** A covariate that is constant within every risk set or collinear with earlier ones. */
  public static final class SingularInformation extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The offending column. */
    public final int column;
    /** True when the column has no variation at all within the risk sets. */
    public final boolean constant;

    SingularInformation(int column, boolean constant) {
      super("column " + column, null, false, false);
      this.column = column;
      this.constant = constant;
    }
  }

  /**
   * Runs the iterations.
   *
   * @param likelihood the likelihood to maximise
   * @param eachStep receives the event-time sums of every evaluation after the first (so that
   *     it ends with those at the returned estimates), or null
   * @return the result
   * @throws SingularInformation if the information at β = 0 is singular
   */
  public static Result fit(CoxPartialLikelihood likelihood, BaselineHazard.Collector eachStep) {
    int p = likelihood.data().p;
    int packed = p * (p + 1) / 2;
    double[] beta = new double[p];
    double[] newBeta = new double[p];
    double[] u = new double[p];
    double[] info = new double[packed];
    double ll0 = likelihood.evaluate(beta, u, info, null);
    double[] factor = SymmetricMatrix.unpack(info, p);
    int dependent = SymmetricMatrix.cholesky(factor, p, COLLINEARITY_TOLERANCE);
    if (dependent >= 0) {
      throw new SingularInformation(dependent, info[diagonalIndex(dependent, p)] <= 0);
    }
    double score = SymmetricMatrix.inverseQuadraticForm(factor, p, u);
    double[] step = u.clone();
    SymmetricMatrix.solve(factor, p, step);
    for (int k = 0; k < p; k++) {
      newBeta[k] = step[k];
    }
    double accepted = ll0;
    boolean halving = false;
    boolean converged = false;
    int iter;
    double newLl = ll0;
    for (iter = 1; iter <= MAX_ITERATIONS; iter++) {
      if (eachStep != null) {
        eachStep.reset();
      }
      newLl = likelihood.evaluate(newBeta, u, info, eachStep);
      if (!halving && Math.abs(1 - accepted / newLl) <= EPS) {
        converged = true;
        break;
      }
      if (iter == MAX_ITERATIONS) {
        break;
      }
      if (!(newLl >= accepted)) {
        halving = true;
        for (int k = 0; k < p; k++) {
          newBeta[k] = 0.5 * (newBeta[k] + beta[k]);
        }
      } else {
        halving = false;
        accepted = newLl;
        factor = SymmetricMatrix.unpack(info, p);
        SymmetricMatrix.cholesky(factor, p, COLLINEARITY_TOLERANCE);
        System.arraycopy(u, 0, step, 0, p);
        SymmetricMatrix.solve(factor, p, step);
        for (int k = 0; k < p; k++) {
          beta[k] = newBeta[k];
          newBeta[k] += step[k];
        }
      }
    }
    iter = Math.min(iter, MAX_ITERATIONS);
    double[] full = SymmetricMatrix.unpack(info, p);
    factor = full.clone();
    SymmetricMatrix.cholesky(factor, p, COLLINEARITY_TOLERANCE);
    double[] variance = SymmetricMatrix.inverse(factor, p);
    List<Integer> infinite = new ArrayList<>();
    if (converged) {
      for (int k = 0; k < p; k++) {
        double next = 0;
        for (int l = 0; l < p; l++) {
          next += u[l] * variance[l * p + k];
        }
        next = Math.abs(next);
        if (next > EPS && next > Math.sqrt(EPS) * Math.abs(newBeta[k])) {
          infinite.add(k);
        }
      }
    }
    return new Result(newBeta.clone(), full, variance, ll0, newLl, score, iter, converged,
        infinite.stream().mapToInt(Integer::intValue).toArray());
  }

  private static int diagonalIndex(int k, int p) {
    return k * p - k * (k - 1) / 2;
  }
}
