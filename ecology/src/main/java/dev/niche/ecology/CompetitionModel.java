package dev.niche.ecology;

import dev.niche.core.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Competition and cooperation between two platforms A and B:
 *
 * <pre>
 *   dR1/dt = r1 R1 (1 − R1/K1 − a R2/K2)
 *   dR2/dt = r2 R2 (1 − R2/K2 − b R1/K1)
 * </pre>
 *
 * with resources {@code R1, R2 >= 0}, growth rates {@code r1, r2 > 0}, capacities
 * {@code K1, K2 > 0} and any real coupling coefficients: {@code a, b > 0} compete,
 * {@code a, b < 0} cooperate (network effects, partnership), mixed signs describe a parasitic or
 * predatory relation.
 *
 * <p><b>Outcome.</b> In the normalised variables {@code x = R1/K1}, {@code y = R2/K2} the
 * system is {@code x' = r1 x (1 − x − a y)}, {@code y' = r2 y (1 − y − b x)}, so the outcome
 * depends on {@code a} and {@code b} only. The equilibria are {@code (0, 0)} (eigenvalues
 * {@code r1, r2}: always unstable), {@code (K1, 0)} (eigenvalues {@code −r1, r2(1 − b)}),
 * {@code (0, K2)} (eigenvalues {@code −r2, r1(1 − a)}) and the interior
 * {@code E* = (K1(1−a)/(1−ab), K2(1−b)/(1−ab))}, feasible when {@code 1 − a}, {@code 1 − b} and
 * {@code 1 − ab} have the same sign; at {@code E*} the Jacobian has determinant
 * {@code r1 r2 x* y* (1 − ab)} and negative trace. {@link #outcome()} is therefore
 * (Hofbauer &amp; Sigmund 1998, §5.3; May, <i>Theoretical Ecology</i>, 1976, for mutualism):
 *
 * <table>
 *   <caption>Outcome by region of (a, b)</caption>
 *   <tr><th>condition</th><th>outcome</th></tr>
 *   <tr><td>a &lt; 1, b &lt; 1, ab &lt; 1</td><td>COEXISTENCE at E* (also when a or b &lt; 0,
 *       including weak mutualism)</td></tr>
 *   <tr><td>a &lt; 1, b &lt; 1, ab &gt; 1 (which forces a, b &lt; 0)</td>
 *       <td>UNBOUNDED_GROWTH: nullclines do not meet, finite-time blow-up</td></tr>
 *   <tr><td>a &lt; 1 &lt; b (any sign of a)</td><td>A_EXCLUDES_B, to (K1, 0)</td></tr>
 *   <tr><td>b &lt; 1 &lt; a (any sign of b)</td><td>B_EXCLUDES_A, to (0, K2)</td></tr>
 *   <tr><td>a &gt; 1, b &gt; 1</td><td>BISTABLE: E* is a saddle whose stable manifold
 *       separates the basins of (K1, 0) and (0, K2)</td></tr>
 *   <tr><td>|a − 1|, |b − 1| or |1 − ab| &lt;= 1e-12</td><td>DEGENERATE</td></tr>
 * </table>
 *
 * <p>The DEGENERATE cases: {@code a = 1} or {@code b = 1} makes an exclusion equilibrium
 * non-hyperbolic (zero eigenvalue), {@code a = b = 1} gives a whole line of equilibria, and
 * {@code ab = 1} (with {@code a ≠ 1}) makes the nullclines parallel so that E* does not exist:
 * for {@code a, b > 0} the species with coefficient below 1 still excludes the other, for
 * {@code a, b < 0} trajectories grow without bound (algebraically). These are the borders of the
 * regions above and are not structurally stable, so they get their own label; the 1e-12 band
 * absorbs round-off in {@code a·b}. Outcomes concern initial states with both platforms present;
 * a platform absent at the start stays absent and the other follows its logistic curve.
 *
 * <p>Immutable and thread-safe.
 */
public final class CompetitionModel {

  /** Half-width of the band around a = 1, b = 1 and ab = 1 classified as degenerate. */
  public static final double DEGENERACY_TOLERANCE = 1e-12;

  private final double r1;
  private final double r2;
  private final double k1;
  private final double k2;
  private final double a;
  private final double b;
  private final LotkaVolterra system;

  private CompetitionModel(double r1, double r2, double k1, double k2, double a, double b) {
    this.r1 = r1;
    this.r2 = r2;
    this.k1 = k1;
    this.k2 = k2;
    this.a = a;
    this.b = b;
    this.system = LotkaVolterra.of(new double[] {r1, r2},
        new double[][] {{-r1 / k1, -r1 * a / k2}, {-r2 * b / k1, -r2 / k2}});
  }

  /**
   * Creates the two-platform model.
   *
   * @param r1 growth rate of platform A, {@code > 0}
   * @param r2 growth rate of platform B, {@code > 0}
   * @param k1 capacity of platform A, {@code > 0}
   * @param k2 capacity of platform B, {@code > 0}
   * @param a effect of B on A (competitive if positive, cooperative if negative), finite
   * @param b effect of A on B, finite
   * @return the model
   * @throws IllegalArgumentException if a rate or capacity is not positive, or a value is NaN
   *     or infinite
   */
  public static CompetitionModel of(double r1, double r2, double k1, double k2, double a,
      double b) {
    Checks.positive(r1, "r1");
    Checks.positive(r2, "r2");
    Checks.positive(k1, "k1");
    Checks.positive(k2, "k2");
    Checks.finite(a, "a");
    Checks.finite(b, "b");
    return new CompetitionModel(r1, r2, k1, k2, a, b);
  }

  /**
   * Builds the model from its alpha-form ({@code a = α12 K2 / K1}, {@code b = α21 K1 / K2}).
   *
   * @param form the alpha-form
   * @return the model
   * @throws NullPointerException if {@code form} is null
   */
  public static CompetitionModel fromAlphaForm(AlphaForm form) {
    return Checks.notNull(form, "form").toModel();
  }

  /**
   * Reads a two-species {@link LotkaVolterra} system with self-limitation as a competition
   * model: {@code K_i = −r_i / a_ii}, {@code a = −a_12 K2 / r1}, {@code b = −a_21 K1 / r2}.
   *
   * @param system a two-species system with {@code r_i > 0} and {@code a_ii < 0}
   * @return the model
   * @throws NullPointerException if {@code system} is null
   * @throws IllegalArgumentException if the system has not two species, a non-positive growth
   *     rate or a non-negative self-interaction
   */
  public static CompetitionModel fromLotkaVolterra(LotkaVolterra system) {
    Checks.notNull(system, "system");
    Checks.argument(system.species() == 2,
        "system has " + system.species() + " species but must have 2");
    double[] r = system.growthRates();
    double[][] m = system.interactions();
    for (int i = 0; i < 2; i++) {
      Checks.argument(r[i] > 0, "r[" + i + "] = " + r[i] + " must be > 0");
      Checks.argument(m[i][i] < 0, "a[" + i + "][" + i + "] = " + m[i][i] + " must be < 0");
    }
    double kk1 = -r[0] / m[0][0];
    double kk2 = -r[1] / m[1][1];
    return of(r[0], r[1], kk1, kk2, -m[0][1] * kk2 / r[0], -m[1][0] * kk1 / r[1]);
  }

  /**
   * Growth rate of A.
   *
   * @return {@code r1}
   */
  public double r1() {
    return r1;
  }

  /**
   * Growth rate of B.
   *
   * @return {@code r2}
   */
  public double r2() {
    return r2;
  }

  /**
   * Capacity of A.
   *
   * @return {@code K1}
   */
  public double k1() {
    return k1;
  }

  /**
   * Capacity of B.
   *
   * @return {@code K2}
   */
  public double k2() {
    return k2;
  }

  /**
   * Effect of B on A.
   *
   * @return {@code a}
   */
  public double a() {
    return a;
  }

  /**
   * Effect of A on B.
   *
   * @return {@code b}
   */
  public double b() {
    return b;
  }

  /**
   * The alpha-form, {@code α12 = a K1 / K2}, {@code α21 = b K2 / K1}.
   *
   * @return the alpha-form
   */
  public AlphaForm toAlphaForm() {
    return new AlphaForm(r1, r2, k1, k2, a * k1 / k2, b * k2 / k1);
  }

  /**
   * The same model as an N-species system: {@code r = (r1, r2)},
   * {@code A = [[−r1/K1, −r1 a/K2], [−r2 b/K1, −r2/K2]]}.
   *
   * @return the two-species Lotka–Volterra system
   */
  public LotkaVolterra toLotkaVolterra() {
    return system;
  }

  /**
   * The long-run outcome from the analytic conditions in the class comment.
   *
   * @return the outcome
   */
  public Outcome outcome() {
    return classify(a, b);
  }

  static Outcome classify(double a, double b) {
    if (Math.abs(a - 1) <= DEGENERACY_TOLERANCE || Math.abs(b - 1) <= DEGENERACY_TOLERANCE
        || Math.abs(1 - a * b) <= DEGENERACY_TOLERANCE) {
      return Outcome.DEGENERATE;
    }
    if (a < 1 && b < 1) {
      return a * b < 1 ? Outcome.COEXISTENCE : Outcome.UNBOUNDED_GROWTH;
    }
    if (a > 1 && b > 1) {
      return Outcome.BISTABLE;
    }
    return a < 1 ? Outcome.A_EXCLUDES_B : Outcome.B_EXCLUDES_A;
  }

  /**
   * The interior equilibrium {@code E* = (K1(1−a)/(1−ab), K2(1−b)/(1−ab))} when it is feasible
   * (both components strictly positive) and the model is not degenerate.
   *
   * @return the interior equilibrium, or empty
   */
  public Optional<Equilibrium> interiorEquilibrium() {
    if (outcome() == Outcome.DEGENERATE) {
      return Optional.empty();
    }
    double d = 1 - a * b;
    double x = k1 * (1 - a) / d;
    double y = k2 * (1 - b) / d;
    if (!(x > 0 && y > 0)) {
      return Optional.empty();
    }
    return Optional.of(system.analyse(new double[] {x, y}));
  }

  /**
   * The feasible equilibria: the origin, {@code (K1, 0)}, {@code (0, K2)} and, when feasible,
   * the interior equilibrium, each with its Jacobian eigenvalues.
   *
   * @return the equilibria in that order
   */
  public List<Equilibrium> equilibria() {
    List<Equilibrium> out = new ArrayList<>(4);
    out.add(system.analyse(new double[] {0, 0}));
    out.add(system.analyse(new double[] {k1, 0}));
    out.add(system.analyse(new double[] {0, k2}));
    interiorEquilibrium().ifPresent(out::add);
    return out;
  }

  /**
   * The equilibrium that the trajectory from {@code initial} approaches, found by simulation —
   * the way to tell the basin of an initial state in the {@link Outcome#BISTABLE} case, where the
   * separatrix (the stable manifold of the interior saddle) has no closed form. The run goes to
   * {@code 200 / min(r1, r2)} (up to three times ten times longer while not settled) and stops
   * when a platform falls below {@code 1e-9·min(K1, K2)}; the answer is the equilibrium nearest
   * to the final state, accepted when within {@code 1e-4·max(K1, K2)} or when a platform went
   * extinct. A state exactly on the separatrix converges to the saddle in exact arithmetic; in
   * floating point it ends in one of the two basins.
   *
   * @param initial the initial state {@code (R1, R2)}, non-negative
   * @return the equilibrium approached, or empty when the trajectory diverges (unbounded growth,
   *     degenerate cases) or does not settle
   * @throws IllegalArgumentException if {@code initial} is invalid
   */
  public Optional<Equilibrium> attractorOf(double[] initial) {
    Checks.nonNegative(initial, "initial");
    Checks.sameLength(initial.length, "initial", 2, "the state");
    SimulationOptions options = SimulationOptions.defaults()
        .withTolerances(1e-9, 1e-9)
        .withExtinctionThreshold(1e-9 * Math.min(k1, k2));
    double horizon = 200 / Math.min(r1, r2);
    double[] state = initial.clone();
    List<Equilibrium> candidates = equilibria();
    for (int attempt = 0; attempt < 4; attempt++) {
      Trajectory t = system.simulate(state, horizon, options);
      if (t.stopReason() == StopReason.DIVERGED || t.stopReason() == StopReason.STEP_FAILURE) {
        return Optional.empty();
      }
      state = t.finalState();
      Equilibrium nearest = null;
      double best = Double.POSITIVE_INFINITY;
      for (Equilibrium e : candidates) {
        double[] s = e.state();
        double d = Math.hypot(s[0] - state[0], s[1] - state[1]);
        if (d < best) {
          best = d;
          nearest = e;
        }
      }
      if (t.stopReason() == StopReason.EXTINCTION || best <= 1e-4 * Math.max(k1, k2)) {
        return Optional.ofNullable(nearest);
      }
      horizon *= 10;
    }
    return Optional.empty();
  }

  /**
   * Simulates from {@code initial} at time 0 to {@code tEnd} with the default options.
   *
   * @param initial {@code (R1, R2)}, non-negative
   * @param tEnd end time, {@code >= 0}
   * @return the trajectory
   * @throws IllegalArgumentException if an argument is invalid
   */
  public Trajectory simulate(double[] initial, double tEnd) {
    return system.simulate(initial, tEnd);
  }

  /**
   * Simulates from {@code initial} at time 0 to {@code tEnd}.
   *
   * @param initial {@code (R1, R2)}, non-negative
   * @param tEnd end time, {@code >= 0}
   * @param options integration settings
   * @return the trajectory
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an argument is invalid
   */
  public Trajectory simulate(double[] initial, double tEnd, SimulationOptions options) {
    return system.simulate(initial, tEnd, options);
  }

  /**
   * Simulates from {@code initial} at time 0, reporting the states at {@code times}.
   *
   * @param initial {@code (R1, R2)}, non-negative
   * @param times output times, non-negative and non-decreasing
   * @return the trajectory
   * @throws IllegalArgumentException if an argument is invalid
   */
  public Trajectory simulate(double[] initial, double[] times) {
    return system.simulate(initial, times);
  }

  /**
   * Simulates from {@code initial} at time 0, reporting the states at {@code times}.
   *
   * @param initial {@code (R1, R2)}, non-negative
   * @param times output times, non-negative and non-decreasing
   * @param options integration settings
   * @return the trajectory
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an argument is invalid
   */
  public Trajectory simulate(double[] initial, double[] times, SimulationOptions options) {
    return system.simulate(initial, times, options);
  }

  /**
   * The first time at which one platform's share {@code R_p / (R1 + R2)} reaches {@code share},
   * by simulation (extinction check off) and root finding on the dense output
   * ({@link Trajectory#timeToShare(int, double)}).
   *
   * @param initial {@code (R1, R2)}, non-negative, not both zero
   * @param platform 0 for A, 1 for B
   * @param share the target share, in [0, 1]
   * @param horizon the longest time to look, {@code > 0}
   * @return the time, or empty when the share is not reached before the horizon (or before the
   *     run stopped on divergence)
   * @throws IllegalArgumentException if an argument is invalid
   */
  public OptionalDouble timeToShare(double[] initial, int platform, double share,
      double horizon) {
    Checks.positive(horizon, "horizon");
    Checks.argument(platform == 0 || platform == 1,
        "platform = " + platform + " must be 0 (A) or 1 (B)");
    Checks.inRange(share, 0.0, 1.0, "share");
    Trajectory t = system.simulate(initial, horizon,
        SimulationOptions.defaults().withExtinctionThreshold(0));
    return t.timeToShare(platform, share);
  }

  @Override
  public String toString() {
    return "CompetitionModel[r1=" + r1 + ", r2=" + r2 + ", K1=" + k1 + ", K2=" + k2 + ", a=" + a
        + ", b=" + b + "]";
  }
}
