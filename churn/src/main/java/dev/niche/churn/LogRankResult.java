package dev.niche.churn;

import dev.niche.core.Checks;
import java.util.Arrays;

/**
 * The result of a (weighted) log-rank test of {@code k} survival curves, in the layout of R
 * {@code survival::survdiff}: per-group (weighted) observed and expected events, the
 * {@code k × k} variance matrix of {@code O - E}, and the chi-square statistic with its
 * degrees of freedom and p-value. See {@link LogRankTest} for the formulas.
 *
 * <p>Instances are immutable and thread-safe; array accessors return copies.
 */
public final class LogRankResult {

  private final double rho;
  private final double gamma;
  private final int[] groups;
  private final double[] observed;
  private final double[] expected;
  private final double[][] variance;
  private final double chiSquare;
  private final int degreesOfFreedom;
  private final double pValue;

  /**
   * Assembles a result; normally built by {@link LogRankTest}.
   *
   * @param rho the Fleming–Harrington exponent (0 for the log-rank test)
   * @param observed the (weighted) observed events per group; copied
   * @param expected the (weighted) expected events per group; copied
   * @param variance the variance matrix of {@code O - E}; copied
   * @param chiSquare the statistic, {@code >= 0}
   * @param degreesOfFreedom the degrees of freedom, {@code >= 0}
   * @param pValue the upper-tail chi-square probability, in [0, 1]
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the shapes disagree or a number is out of range
   */
  public LogRankResult(double rho, double[] observed, double[] expected, double[][] variance,
      double chiSquare, int degreesOfFreedom, double pValue) {
    this(rho, 0.0, indices(Checks.notNull(observed, "observed").length), observed, expected,
        variance, chiSquare, degreesOfFreedom, pValue);
  }

  /** The full form: {@code G(rho, gamma)} weights and the groups' labels (owned, not copied). */
  LogRankResult(double rho, double gamma, int[] groups, double[] observed, double[] expected,
      double[][] variance, double chiSquare, int degreesOfFreedom, double pValue) {
    Checks.finite(rho, "rho");
    Checks.finite(gamma, "gamma");
    Checks.sameLength(observed, "observed", expected, "expected");
    int k = Checks.square(variance, "variance");
    Checks.sameLength(k, "variance", observed.length, "observed");
    Checks.nonNegative(chiSquare, "chiSquare");
    Checks.nonNegative(degreesOfFreedom, "degreesOfFreedom");
    Checks.inRange(pValue, 0.0, 1.0, "pValue");
    Checks.sameLength(groups.length, "groups", observed.length, "observed");
    this.rho = rho;
    this.gamma = gamma;
    this.groups = groups;
    this.observed = observed.clone();
    this.expected = expected.clone();
    this.variance = copy(variance);
    this.chiSquare = chiSquare;
    this.degreesOfFreedom = degreesOfFreedom;
    this.pValue = pValue;
  }

  /**
   * The Fleming–Harrington exponent used for the weights {@code S(t-)^rho}.
   *
   * @return rho; 0 for the plain log-rank test
   */
  public double rho() {
    return rho;
  }

  /**
   * The Fleming–Harrington exponent of {@code 1 - S(t-)} in the weights.
   *
   * @return gamma; 0 for the log-rank and {@code G^rho} tests
   */
  public double gamma() {
    return gamma;
  }

  /**
   * The groups' labels, aligned with {@link #observed()}: the sorted distinct labels for
   * individual data, the curves' positions {@code 0..k-1} for grouped curves.
   *
   * @return a new array
   */
  public int[] groups() {
    return groups.clone();
  }

  /**
   * The chi-square statistic {@code U' V⁻ U} on the first {@code k - 1} groups.
   *
   * @return the statistic
   */
  public double chiSquare() {
    return chiSquare;
  }

  /**
   * The degrees of freedom: the rank of the reduced variance matrix, {@code k - 1} normally.
   *
   * @return the degrees of freedom
   */
  public int degreesOfFreedom() {
    return degreesOfFreedom;
  }

  /**
   * The p-value {@code P(χ²_df > chiSquare)}.
   *
   * @return the p-value; 1 when there were no events
   */
  public double pValue() {
    return pValue;
  }

  /**
   * The (weighted) observed events per group, {@code O_j = Σ_t w_t d_jt}.
   *
   * @return a new array
   */
  public double[] observed() {
    return observed.clone();
  }

  /**
   * The (weighted) expected events per group, {@code E_j = Σ_t w_t d_t n_jt / n_t}.
   *
   * @return a new array
   */
  public double[] expected() {
    return expected.clone();
  }

  /**
   * The variance matrix of {@code O - E} (as {@code survdiff$var}).
   *
   * @return a new {@code k × k} matrix
   */
  public double[][] variance() {
    return copy(variance);
  }

  private static int[] indices(int k) {
    int[] labels = new int[k];
    for (int j = 0; j < k; j++) {
      labels[j] = j;
    }
    return labels;
  }

  private static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  @Override
  public String toString() {
    return "LogRankResult{rho=" + rho + ", gamma=" + gamma + ", groups="
        + Arrays.toString(groups) + ", observed=" + Arrays.toString(observed)
        + ", expected=" + Arrays.toString(expected) + ", chiSquare=" + chiSquare + ", df="
        + degreesOfFreedom + ", p=" + pValue + "}";
  }
}
