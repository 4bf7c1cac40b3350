package dev.niche.ecology;

import dev.niche.core.Checks;
import dev.niche.ecology.internal.DenseLinearAlgebra;
import dev.niche.ecology.internal.LogSpaceSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The generalised Lotka–Volterra system for {@code n} species,
 * {@code dN_i/dt = N_i (r_i + Σ_j a_ij N_j)}, i.e. {@code dN/dt = N ∘ (r + A N)}
 * (Hofbauer &amp; Sigmund, <i>Evolutionary Games and Population Dynamics</i>, 1998, ch. 5).
 *
 * <p><b>Equilibria.</b> For a support {@code S ⊆ {1..n}} the equilibrium with exactly the species
 * in {@code S} present solves {@code A_SS N_S = −r_S}; it is <em>feasible</em> when every
 * {@code N_i}, {@code i ∈ S}, is strictly positive. {@link #equilibria()} enumerates all
 * {@code 2^n} supports when {@code n <= } {@value #MAX_ENUMERATED_SPECIES} (including the empty
 * support, the origin); beyond that it returns only the origin and the interior equilibrium.
 * Supports whose sub-matrix {@code A_SS} is numerically singular (a continuum of equilibria or
 * none) are skipped. The linear systems are solved by LU with partial pivoting.
 *
 * <p><b>Stability.</b> The Jacobian is {@code J = diag(r + A N) + diag(N) A}; its eigenvalues are
 * computed by EJML's Hessenberg QR algorithm for general real matrices. The invasion rate of an
 * absent species {@code i} at an equilibrium is {@code r_i + Σ_j a_ij N*_j}.
 *
 * <p><b>Simulation</b> is described in {@link Trajectory} and {@link SimulationOptions}.
 * Immutable and thread-safe.
 */
public final class LotkaVolterra {

  /** Largest system for which {@link #equilibria()} enumerates every support. */
  public static final int MAX_ENUMERATED_SPECIES = 16;

  private final int n;
  private final double[] r;
  private final double[] a;

  private LotkaVolterra(double[] r, double[] a) {
    this.n = r.length;
    this.r = r;
    this.a = a;
  }

  /**
   * Creates the system {@code dN/dt = N ∘ (r + A N)}.
   *
   * @param r intrinsic per-capita growth rates (any finite sign)
   * @param a the interaction matrix {@code A}, {@code n × n}; {@code a[i][j]} is the effect of
   *     species {@code j} on the per-capita growth of species {@code i}
   * @return the model (the arrays are copied)
   * @throws NullPointerException if an argument or a row is null
   * @throws IllegalArgumentException if an array is empty, not finite, not square or its order
   *     differs from {@code r.length}
   */
  public static LotkaVolterra of(double[] r, double[][] a) {
    Checks.finite(r, "r");
    int order = Checks.square(a, "a");
    Checks.sameLength(r.length, "r", order, "a");
    double[] flat = new double[order * order];
    for (int i = 0; i < order; i++) {
      System.arraycopy(a[i], 0, flat, i * order, order);
    }
    return new LotkaVolterra(r.clone(), flat);
  }

  /**
   * Number of species.
   *
   * @return {@code n}
   */
  public int species() {
    return n;
  }

  /**
   * The growth rates.
   *
   * @return a copy of {@code r}
   */
  public double[] growthRates() {
    return r.clone();
  }

  /**
   * The interaction matrix.
   *
   * @return a copy of {@code A}
   */
  public double[][] interactions() {
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a, i * n, out[i], 0, n);
    }
    return out;
  }

  /**
   * The per-capita growth rates {@code r + A N}; for a species absent from {@code state} this is
   * its invasion rate.
   *
   * @param state a non-negative state of length {@code n}
   * @return {@code r + A N}; an entry overflows to ±∞ when its exact value is beyond the double
   *     range (states or parameters near {@code 1e308})
   * @throws IllegalArgumentException if {@code state} has the wrong length or a negative or
   *     non-finite entry
   */
  public double[] invasionRates(double[] state) {
    checkState(state, "state");
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      double s = r[i];
      for (int j = 0; j < n; j++) {
        s += a[i * n + j] * state[j];
      }
      g[i] = s;
    }
    return g;
  }

  /**
   * The right-hand side {@code dN/dt = N ∘ (r + A N)}.
   *
   * @param state a non-negative state of length {@code n}
   * @return the time derivative; an entry overflows to ±∞ when its exact value is beyond the
   *     double range (states or parameters beyond about {@code 1e154})
   * @throws IllegalArgumentException if {@code state} is invalid
   */
  public double[] derivative(double[] state) {
    double[] g = invasionRates(state);
    for (int i = 0; i < n; i++) {
      g[i] *= state[i];
    }
    return g;
  }

  /**
   * The Jacobian {@code J_ij = δ_ij (r_i + (A N)_i) + N_i a_ij}.
   *
   * @param state a non-negative state of length {@code n}
   * @return the {@code n × n} Jacobian; an entry overflows to ±∞ when its exact value is beyond
   *     the double range (states or parameters beyond about {@code 1e154})
   * @throws IllegalArgumentException if {@code state} is invalid
   */
  public double[][] jacobian(double[] state) {
    double[] g = invasionRates(state);
    double[][] j = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        j[i][k] = state[i] * a[i * n + k];
      }
      j[i][i] += g[i];
    }
    return j;
  }

  /**
   * The eigenvalues of the Jacobian at a state, sorted by decreasing real part.
   *
   * @param state a non-negative state of length {@code n}
   * @return the eigenvalues
   * @throws IllegalArgumentException if {@code state} is invalid
   * @throws ArithmeticException if the eigenvalue iteration does not converge
   */
  public List<Eigenvalue> eigenvalues(double[] state) {
    double[][] j = jacobian(state);
    double[] flat = new double[n * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(j[i], 0, flat, i * n, n);
    }
    List<double[]> raw = DenseLinearAlgebra.eigenvalues(flat, n);
    if (raw == null) {
      throw new ArithmeticException("eigenvalue decomposition did not converge");
    }
    List<Eigenvalue> out = new ArrayList<>(n);
    for (double[] p : raw) {
      out.add(new Eigenvalue(p[0], p[1]));
    }
    return out;
  }

  /**
   * Analyses a state as an equilibrium: eigenvalues, stability and invasion rates. The state is
   * not required to be an equilibrium, but the stability verdict only means something there.
   *
   * @param state a non-negative state of length {@code n}
   * @return the analysis
   * @throws IllegalArgumentException if {@code state} is invalid
   */
  public Equilibrium analyse(double[] state) {
    return new Equilibrium(state, eigenvalues(state), invasionRates(state));
  }

  /**
   * The feasible (non-negative) equilibria, see the class comment: every support when
   * {@code n <= 16}, else only the origin and the interior equilibrium.
   *
   * @return the equilibria, ordered by support size then lexicographically; the origin first
   */
  public List<Equilibrium> equilibria() {
    List<Equilibrium> out = new ArrayList<>();
    out.add(analyse(new double[n]));
    if (n > MAX_ENUMERATED_SPECIES) {
      interiorEquilibrium().ifPresent(out::add);
      return out;
    }
    List<int[]> supports = new ArrayList<>();
    for (int mask = 1; mask < (1 << n); mask++) {
      supports.add(indices(mask));
    }
    supports.sort((p, q) -> {
      if (p.length != q.length) {
        return Integer.compare(p.length, q.length);
      }
      return java.util.Arrays.compare(p, q);
    });
    for (int[] s : supports) {
      double[] state = solveOn(s);
      if (state != null) {
        out.add(analyse(state));
      }
    }
    return out;
  }

  /**
   * The interior equilibrium {@code N* = −A⁻¹ r}, when it exists and is strictly positive.
   *
   * @return the equilibrium, or empty when {@code A} is singular or {@code N*} has a
   *     non-positive entry
   */
  public Optional<Equilibrium> interiorEquilibrium() {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    double[] state = solveOn(all);
    return state == null ? Optional.empty() : Optional.of(analyse(state));
  }

  private static int[] indices(int mask) {
    int[] s = new int[Integer.bitCount(mask)];
    int k = 0;
    for (int i = 0; mask >> i != 0; i++) {
      if ((mask >> i & 1) != 0) {
        s[k++] = i;
      }
    }
    return s;
  }

  private double[] solveOn(int[] support) {
    int m = support.length;
    double[] sub = new double[m * m];
    double[] rhs = new double[m];
    for (int k = 0; k < m; k++) {
      rhs[k] = -r[support[k]];
      for (int l = 0; l < m; l++) {
        sub[k * m + l] = a[support[k] * n + support[l]];
      }
    }
    double[] x = DenseLinearAlgebra.solve(sub, m, rhs);
    if (x == null) {
      return null;
    }
    double[] state = new double[n];
    for (int k = 0; k < m; k++) {
      if (!(x[k] > 0) || !Double.isFinite(x[k])) {
        return null;
      }
      state[support[k]] = x[k];
    }
    return state;
  }

  /**
   * Simulates from {@code initial} at time 0 to {@code tEnd} with the default options.
   *
   * @param initial the initial state, non-negative, length {@code n}
   * @param tEnd the end time, {@code >= 0}
   * @return the trajectory at the integrator's step points
   * @throws IllegalArgumentException if an argument is invalid
   */
  public Trajectory simulate(double[] initial, double tEnd) {
    return simulate(initial, tEnd, SimulationOptions.defaults());
  }

  /**
   * Simulates from {@code initial} at time 0 to {@code tEnd}.
   *
   * @param initial the initial state, non-negative, length {@code n}
   * @param tEnd the end time, {@code >= 0}
   * @param options integration settings
   * @return the trajectory at the integrator's step points
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an argument is invalid
   */
  public Trajectory simulate(double[] initial, double tEnd, SimulationOptions options) {
    checkState(initial, "initial");
    Checks.nonNegative(tEnd, "tEnd");
    Checks.notNull(options, "options");
    return new Trajectory(LogSpaceSimulator.run(r, a, initial.clone(), tEnd, options,
        scale(initial)), null);
  }

  /**
   * Simulates from {@code initial} at time 0 and reports the states at {@code times} with the
   * default options.
   *
   * @param initial the initial state, non-negative, length {@code n}
   * @param times output times, non-negative and non-decreasing
   * @return the trajectory at the output times reached
   * @throws IllegalArgumentException if an argument is invalid
   */
  public Trajectory simulate(double[] initial, double[] times) {
    return simulate(initial, times, SimulationOptions.defaults());
  }

  /**
   * Simulates from {@code initial} at time 0 and reports the states at {@code times} (from the
   * dense output). When the run stops early, only the times up to the stop are reported.
   *
   * @param initial the initial state, non-negative, length {@code n}
   * @param times output times, non-negative and non-decreasing
   * @param options integration settings
   * @return the trajectory at the output times reached
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an argument is invalid
   */
  public Trajectory simulate(double[] initial, double[] times, SimulationOptions options) {
    checkState(initial, "initial");
    Checks.nonNegative(times, "times");
    for (int k = 1; k < times.length; k++) {
      Checks.element(times[k] >= times[k - 1], "times", k, times[k],
          "must be >= times[" + (k - 1) + "] = " + times[k - 1]);
    }
    Checks.notNull(options, "options");
    double[] t = times.clone();
    return new Trajectory(LogSpaceSimulator.run(r, a, initial.clone(), t[t.length - 1], options,
        scale(initial)), t);
  }

  /**
   * The scale for automatic thresholds: the largest initial state or capacity {@code −r_i/a_ii}.
   */
  private double scale(double[] initial) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s = Math.max(s, initial[i]);
      double aii = a[i * n + i];
      if (aii < 0 && r[i] > 0) {
        s = Math.max(s, -r[i] / aii);
      }
    }
    return s > 0 ? s : 1;
  }

  private void checkState(double[] state, String name) {
    Checks.nonNegative(state, name);
    Checks.sameLength(state.length, name, n, "r");
  }

  @Override
  public String toString() {
    return "LotkaVolterra[n=" + n + "]";
  }
}
