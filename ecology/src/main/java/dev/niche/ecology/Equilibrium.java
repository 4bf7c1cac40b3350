package dev.niche.ecology;

import java.util.List;

/**
 * A non-negative equilibrium of a Lotka–Volterra system with its linear stability.
 *
 * <p>The eigenvalues are those of the Jacobian {@code J = diag(r + A N*) + diag(N*) A} at the
 * equilibrium. For an absent species {@code i} ({@code N*_i = 0}) row {@code i} of {@code J} is
 * zero except the diagonal, so its invasion rate {@code r_i + Σ_j a_ij N*_j} is itself an
 * eigenvalue. The equilibrium is {@link #stable() stable} (locally asymptotically) when every
 * eigenvalue has a real part below {@code −1e-12·max(1, max|λ|)}; eigenvalues on or near the
 * imaginary axis (non-hyperbolic, degenerate cases) count as not stable. Immutable.
 */
public final class Equilibrium {

  private final double[] state;
  private final List<Eigenvalue> eigenvalues;
  private final double[] invasionRates;
  private final boolean stable;

  Equilibrium(double[] state, List<Eigenvalue> eigenvalues, double[] invasionRates) {
    this.state = state.clone();
    this.eigenvalues = List.copyOf(eigenvalues);
    this.invasionRates = invasionRates.clone();
    double scale = 1;
    for (Eigenvalue e : eigenvalues) {
      scale = Math.max(scale, e.modulus());
    }
    boolean s = !eigenvalues.isEmpty();
    for (Eigenvalue e : eigenvalues) {
      s &= e.real() < -1e-12 * scale;
    }
    this.stable = s;
  }

  /**
   * The equilibrium state.
   *
   * @return a copy of {@code N*}
   */
  public double[] state() {
    return state.clone();
  }

  /**
   * The Jacobian eigenvalues, sorted by decreasing real part.
   *
   * @return an immutable list
   */
  public List<Eigenvalue> eigenvalues() {
    return eigenvalues;
  }

  /**
   * Whether the equilibrium is locally asymptotically stable (all eigenvalues in the open left
   * half-plane, see the class comment).
   *
   * @return true if stable
   */
  public boolean stable() {
    return stable;
  }

  /**
   * Per-capita growth rates {@code r_i + Σ_j a_ij N*_j} at the equilibrium. They are zero (up to
   * round-off) for present species; for absent species they are the invasion rates: a positive
   * value means species {@code i} can invade.
   *
   * @return a copy of the per-capita growth rates
   */
  public double[] invasionRates() {
    return invasionRates.clone();
  }

  /**
   * Whether every species is present ({@code N*_i > 0} for all i).
   *
   * @return true for an interior equilibrium
   */
  public boolean interior() {
    for (double v : state) {
      if (!(v > 0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether no absent species can invade (all invasion rates of absent species {@code <= 0}).
   *
   * @return true if saturated
   */
  public boolean saturated() {
    for (int i = 0; i < state.length; i++) {
      if (state[i] == 0 && invasionRates[i] > 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "Equilibrium" + java.util.Arrays.toString(state) + (stable ? " stable" : " unstable");
  }
}
