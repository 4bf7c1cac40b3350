package dev.niche.core.likelihood;

import dev.niche.core.Checks;

/**
 * A named model parameter and its natural domain, mapped to an unconstrained internal
 * coordinate {@code z} for optimisation:
 *
 * <ul>
 *   <li>{@link #free}: {@code θ = z};
 *   <li>{@link #positive}: {@code θ = exp(z)};
 *   <li>{@link #atLeast}: {@code θ = lower + exp(z)};
 *   <li>{@link #unitInterval}: {@code θ = 1 / (1 + exp(-z))};
 *   <li>{@link #bounded}: {@code θ = lower + (upper - lower) / (1 + exp(-z))}.
 * </ul>
 *
 * <p>The optimiser keeps {@code |z|} below a limit (see {@link #internalLimit()}); an optimum at
 * that limit means the supremum lies on the boundary of the natural domain (the parameter tends
 * to a bound or to infinity), and it is reported as such. Instances are immutable and
 * thread-safe.
 */
public final class Parameter {

  private enum Kind {
    FREE,
    POSITIVE,
    AT_LEAST,
    UNIT,
    BOUNDED
  }

  /** Limit on |z| for log and logit coordinates: exp(20) ≈ 4.9e8. */
  private static final double TRANSFORMED_LIMIT = 20.0;

  /** Limit on |θ| for free parameters. */
  private static final double FREE_LIMIT = 1.0e8;

  private final String name;
  private final Kind kind;
  private final double lower;
  private final double upper;

  private Parameter(String name, Kind kind, double lower, double upper) {
    this.name = Checks.notNull(name, "name");
    Checks.argument(!name.isBlank(), "name must not be blank");
    this.kind = kind;
    this.lower = lower;
    this.upper = upper;
  }

  /**
   * A parameter that can take any real value.
   *
   * @param name the parameter's name
   * @return the parameter
   */
  public static Parameter free(String name) {
    return new Parameter(name, Kind.FREE, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /**
   * A parameter in (0, ∞), optimised on the log scale.
   *
   * @param name the parameter's name
   * @return the parameter
   */
  public static Parameter positive(String name) {
    return new Parameter(name, Kind.POSITIVE, 0.0, Double.POSITIVE_INFINITY);
  }

  /**
   * A parameter in (lower, ∞), optimised as {@code log(θ - lower)}.
   *
   * @param name the parameter's name
   * @param lower the exclusive lower bound, finite
   * @return the parameter
   */
  public static Parameter atLeast(String name, double lower) {
    Checks.finite(lower, "lower");
    return new Parameter(name, Kind.AT_LEAST, lower, Double.POSITIVE_INFINITY);
  }

  /**
   * A parameter in (0, 1), optimised on the logit scale.
   *
   * @param name the parameter's name
   * @return the parameter
   */
  public static Parameter unitInterval(String name) {
    return new Parameter(name, Kind.UNIT, 0.0, 1.0);
  }

  /**
   * A parameter in (lower, upper), optimised on a scaled logit scale.
   *
   * @param name the parameter's name
   * @param lower the exclusive lower bound, finite
   * @param upper the exclusive upper bound, finite, {@code > lower}
   * @return the parameter
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if a bound is not finite, {@code lower >= upper} or the
   *     width {@code upper - lower} overflows
   */
  public static Parameter bounded(String name, double lower, double upper) {
    Checks.finite(lower, "lower");
    Checks.finite(upper, "upper");
    Checks.argument(lower < upper, "lower = " + lower + " must be < upper = " + upper);
    Checks.argument(Double.isFinite(upper - lower),
        "upper - lower = " + upper + " - " + lower + " must be finite");
    return new Parameter(name, Kind.BOUNDED, lower, upper);
  }

  /**
   * The parameter's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The lower end of the natural domain ({@code -∞} for free parameters).
   *
   * @return the lower bound
   */
  public double lower() {
    return lower;
  }

  /**
   * The upper end of the natural domain ({@code +∞} for unbounded parameters).
   *
   * @return the upper bound
   */
  public double upper() {
    return upper;
  }

  /**
   * The limit the optimiser keeps {@code |z|} under: 20 for log and logit coordinates
   * ({@code e^20 ≈ 4.9e8}, so a positive parameter beyond that counts as infinite),
   * {@code 1e8} for free parameters.
   *
   * @return the limit on the internal coordinate
   */
  public double internalLimit() {
    return kind == Kind.FREE ? FREE_LIMIT : TRANSFORMED_LIMIT;
  }

  /**
   * Maps an internal coordinate to the natural scale.
   *
   * @param z the internal coordinate
   * @return {@code θ(z)}; on a log scale it overflows to {@code +∞} for {@code z > 709}
   */
  public double toNatural(double z) {
    switch (kind) {
      case FREE:
        return z;
      case POSITIVE:
        return Math.exp(z);
      case AT_LEAST:
        return lower + Math.exp(z);
      case UNIT:
        return logistic(z);
      case BOUNDED:
        return lower + (upper - lower) * logistic(z);
    }
    throw new AssertionError(kind);
  }

  /**
   * Maps a natural value to the internal coordinate.
   *
   * @param theta a value strictly inside the natural domain
   * @return {@code z(θ)}
   * @throws IllegalArgumentException if {@code theta} is outside the open natural domain, or
   *     (bounded parameters) so close to a bound that its logit is infinite
   */
  public double toInternal(double theta) {
    Checks.finite(theta, name);
    Checks.argument(kind == Kind.FREE || theta > lower && theta < upper,
        name + " = " + theta + " must be in (" + lower + ", " + upper + ")");
    switch (kind) {
      case FREE:
        return theta;
      case POSITIVE:
        return Math.log(theta);
      case AT_LEAST:
        return Math.log(theta - lower);
      case UNIT:
        return Math.log(theta) - Math.log1p(-theta);
      case BOUNDED:
        double u = (theta - lower) / (upper - lower);
        double z = Math.log(u) - Math.log1p(-u);
        Checks.argument(Double.isFinite(z), name + " = " + theta + " is too close to a bound of ("
            + lower + ", " + upper + ") for its logit to be represented");
        return z;
    }
    throw new AssertionError(kind);
  }

  /**
   * The derivative {@code dθ/dz} at an internal coordinate, used to map standard errors.
   *
   * @param z the internal coordinate
   * @return {@code dθ/dz}; on a log scale it overflows to {@code +∞} for {@code z > 709}
   */
  public double derivative(double z) {
    switch (kind) {
      case FREE:
        return 1.0;
      case POSITIVE:
      case AT_LEAST:
        return Math.exp(z);
      case UNIT:
        double p = logistic(z);
        return p * (1 - p);
      case BOUNDED:
        double q = logistic(z);
        return (upper - lower) * q * (1 - q);
    }
    throw new AssertionError(kind);
  }

  /**
   * The second derivative {@code d²θ/dz²} at an internal coordinate, for the chain rule of an
   * analytic Hessian ({@link TwiceDifferentiableLogLikelihood}).
   *
   * @param z the internal coordinate
   * @return {@code d²θ/dz²}
   */
  double secondDerivative(double z) {
    switch (kind) {
      case FREE:
        return 0.0;
      case POSITIVE:
      case AT_LEAST:
        return Math.exp(z);
      case UNIT:
        double p = logistic(z);
        return p * (1 - p) * (1 - 2 * p);
      case BOUNDED:
        double q = logistic(z);
        return (upper - lower) * q * (1 - q) * (1 - 2 * q);
    }
    throw new AssertionError(kind);
  }

  /**
   * Describes which end of the domain an internal coordinate at its limit stands for. An
   * unbounded end also gives the value where the search stopped: a likelihood still rising there
   * may rise to infinity or, in data whose units make the parameter very large (times in seconds
   * over decades for a scale parameter), have a finite maximum beyond it.
   *
   * @param z an internal coordinate at {@code ±internalLimit()}
   * @return e.g. {@code "alpha -> infinity (search stopped at alpha = 4.85e+08)"} or
   *     {@code "p -> 0.0"}
   */
  String boundaryDescription(double z) {
    boolean high = z > 0;
    switch (kind) {
      case FREE:
        return name + (high ? " -> +infinity" : " -> -infinity") + stoppedAt(z);
      case POSITIVE:
      case AT_LEAST:
        return name + (high ? " -> infinity" + stoppedAt(z) : " -> " + lower);
      case UNIT:
      case BOUNDED:
        return name + " -> " + (high ? upper : lower);
    }
    throw new AssertionError(kind);
  }

  /** " (search stopped at name = value)" for an unbounded end reached at internal coordinate z. */
  private String stoppedAt(double z) {
    return String.format(
        java.util.Locale.ROOT, " (search stopped at %s = %.3g)", name, toNatural(z));
  }

  private static double logistic(double z) {
    return z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
  }

  @Override
  public String toString() {
    return kind == Kind.FREE
        ? name
        : name + " in (" + lower + ", " + upper + ")";
  }
}
