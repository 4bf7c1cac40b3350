package dev.niche.ecology.internal;

import dev.niche.ecology.StopReason;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.util.Pair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trajectory least squares for Lotka–Volterra parameters: Levenberg–Marquardt (Commons Math,
 * Moré 1978) on the residuals observed − simulated, with a central-difference Jacobian (each
 * column two simulations), all parameters unconstrained so signs of {@code r} and {@code A} are
 * free to change.
 */
public final class TrajectoryLeastSquares {

  private static final Logger LOG = LoggerFactory.getLogger(TrajectoryLeastSquares.class);

  private final TrajectoryProblem problem;
  private final double[] target;
  private final double[] steps;
  private int evaluations;
  private double[] best;
  private double bestRss = Double.POSITIVE_INFINITY;

  /**
   * Outcome of one optimisation.
   *
   * @param theta the best parameters found
   * @param rss their residual sum of squares
   * @param converged whether Levenberg–Marquardt met its convergence criteria
   * @param message what happened
   */
  public record Result(double[] theta, double rss, boolean converged, String message) {}

  /**
   * Sets up the optimiser.
   *
   * @param problem the predictions
   * @param species number of species
   * @param typicalRate a typical growth-rate magnitude (for finite-difference steps)
   * @param typicalAbundance a typical abundance (for finite-difference steps)
   */
  public TrajectoryLeastSquares(TrajectoryProblem problem, int species, double typicalRate,
      double typicalAbundance) {
    this.problem = problem;
    this.target = problem.target();
    int p = problem.parameters();
    // floors of the relative finite-difference steps: rates, interactions, ln N0
    this.steps = new double[p];
    for (int k = 0; k < p; k++) {
      steps[k] = k < species ? 1e-3 * typicalRate
          : k < species + species * species ? 1e-3 * typicalRate / typicalAbundance : 1e-3;
    }
  }

  /**
   * Right-hand-side evaluations of the residual function (simulations) so far.
   *
   * @return the count
   */
  public int evaluations() {
    return evaluations;
  }

  /**
   * Residual sum of squares at {@code theta}.
   *
   * @param theta parameters
   * @return RSS (infinite when the simulation produced non-finite values)
   */
  public double rss(double[] theta) {
    double[] pred = predict(theta);
    double s = 0;
    for (int k = 0; k < pred.length; k++) {
      double d = target[k] - pred[k];
      s += d * d;
    }
    return Double.isFinite(s) ? s : Double.POSITIVE_INFINITY;
  }

  private double[] predict(double[] theta) {
    evaluations++;
    StopReason[] worst = new StopReason[1];
    double[] pred = problem.predict(theta, worst);
    double s = 0;
    for (int k = 0; k < pred.length; k++) {
      double d = target[k] - pred[k];
      s += d * d;
    }
    if (worst[0] == StopReason.COMPLETED && s < bestRss) {
      bestRss = s;
      best = theta.clone();
    }
    return pred;
  }

  /**
   * Jacobian of the predictions by central differences.
   *
   * @param theta the point
   * @return {@code observations × parameters}
   */
  public double[][] jacobian(double[] theta) {
    int p = theta.length;
    double[][] j = new double[target.length][p];
    for (int c = 0; c < p; c++) {
      double h = 1e-5 * (Math.abs(theta[c]) + steps[c]);
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[c] += h;
      down[c] -= h;
      double[] fu = predict(up);
      double[] fd = predict(down);
      double width = up[c] - down[c];
      for (int k = 0; k < target.length; k++) {
        j[k][c] = (fu[k] - fd[k]) / width;
      }
    }
    return j;
  }

  /**
   * Runs Levenberg–Marquardt from {@code start}.
   *
   * @param start the starting parameters
   * @param maxIterations iteration budget
   * @return the best point found (even when the optimiser did not converge)
   */
  public Result minimise(double[] start, int maxIterations) {
    best = null;
    bestRss = Double.POSITIVE_INFINITY;
    predict(start);
    LeastSquaresProblem lsq = new LeastSquaresBuilder()
        .start(start)
        .target(target)
        .model(point -> {
          double[] theta = point.toArray();
          double[] values = predict(theta);
          return new Pair<>(new ArrayRealVector(values, false),
              new Array2DRowRealMatrix(jacobian(theta), false));
        })
        .maxEvaluations(Integer.MAX_VALUE)
        .maxIterations(maxIterations)
        .lazyEvaluation(false)
        .build();
    LevenbergMarquardtOptimizer optimizer = new LevenbergMarquardtOptimizer()
        .withCostRelativeTolerance(1e-12)
        .withParameterRelativeTolerance(1e-10)
        .withOrthoTolerance(1e-12);
    try {
      LeastSquaresOptimizer.Optimum optimum = optimizer.optimize(lsq);
      double[] theta = optimum.getPoint().toArray();
      double rss = rss(theta);
      if (best != null && bestRss < rss) {
        return new Result(best.clone(), bestRss, true, "converged after "
            + optimum.getIterations() + " iterations");
      }
      return new Result(theta, rss, Double.isFinite(rss),
          "converged after " + optimum.getIterations() + " iterations");
    } catch (MathIllegalStateException e) {
      LOG.debug("Levenberg-Marquardt stopped: {}", e.getMessage());
      if (best == null) {
        return new Result(start.clone(), Double.POSITIVE_INFINITY, false,
            "no finite trajectory found: " + e.getMessage());
      }
      return new Result(best.clone(), bestRss, false,
          "Levenberg-Marquardt did not converge: " + e.getMessage());
    }
  }

  /**
   * The least-squares covariance {@code σ² (JᵀJ)⁻¹}.
   *
   * @param jacobian the Jacobian at the optimum
   * @param sigma2 the residual variance
   * @return the covariance, or null when {@code JᵀJ} is numerically singular (condition number
   *     above 1e14)
   */
  public static double[][] covariance(double[][] jacobian, double sigma2) {
    int rows = jacobian.length;
    int p = jacobian[0].length;
    // equilibrate the columns so that the condition test measures identifiability, not units
    double[] norm = new double[p];
    double[][] scaled = new double[rows][p];
    for (int c = 0; c < p; c++) {
      double s = 0;
      for (double[] row : jacobian) {
        s += row[c] * row[c];
      }
      norm[c] = Math.sqrt(s);
      if (!(norm[c] > 0) || !Double.isFinite(norm[c])) {
        return null;
      }
      for (int k = 0; k < rows; k++) {
        scaled[k][c] = jacobian[k][c] / norm[c];
      }
    }
    SingularValueDecomposition svd =
        new SingularValueDecomposition(new Array2DRowRealMatrix(scaled, false));
    double[] sv = svd.getSingularValues();
    if (sv.length < p || sv[p - 1] <= sv[0] * 1e-7) {
      return null;
    }
    RealMatrix pinv = svd.getSolver().getInverse();
    double[][] cov = pinv.multiply(pinv.transpose()).getData();
    for (int u = 0; u < p; u++) {
      for (int v = 0; v < p; v++) {
        cov[u][v] *= sigma2 / (norm[u] * norm[v]);
      }
    }
    return cov;
  }
}
