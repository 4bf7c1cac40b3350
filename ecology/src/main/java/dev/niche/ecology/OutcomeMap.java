package dev.niche.ecology;

import dev.niche.core.Checks;
import java.util.EnumMap;
import java.util.Map;

/**
 * The outcome of {@link CompetitionModel} over a grid of coupling coefficients {@code (a, b)}.
 * Because the outcome depends on {@code a} and {@code b} only (see
 * {@link CompetitionModel#outcome()}), the map holds for every choice of {@code r1, r2, K1, K2}.
 * Immutable.
 */
public final class OutcomeMap {

  /** The most cells (values of {@code a} times values of {@code b}) a map holds. */
  public static final int MAX_CELLS = 4_000_000;

  private final double[] aValues;
  private final double[] bValues;
  private final Outcome[][] outcomes;

  private OutcomeMap(double[] aValues, double[] bValues, Outcome[][] outcomes) {
    this.aValues = aValues;
    this.bValues = bValues;
    this.outcomes = outcomes;
  }

  /**
   * Classifies every pair {@code (aValues[i], bValues[j])}.
   *
   * @param aValues values of {@code a} (effect of B on A), finite
   * @param bValues values of {@code b} (effect of A on B), finite
   * @return the map
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if an array is empty or not finite, or the map would have
   *     more than {@link #MAX_CELLS} cells
   */
  public static OutcomeMap sweep(double[] aValues, double[] bValues) {
    Checks.finite(aValues, "aValues");
    Checks.finite(bValues, "bValues");
    Checks.argument((long) aValues.length * bValues.length <= MAX_CELLS,
        "aValues has length " + aValues.length + " and bValues " + bValues.length
            + ": the map would exceed " + MAX_CELLS + " cells");
    Outcome[][] out = new Outcome[aValues.length][bValues.length];
    for (int i = 0; i < aValues.length; i++) {
      for (int j = 0; j < bValues.length; j++) {
        out[i][j] = CompetitionModel.classify(aValues[i], bValues[j]);
      }
    }
    return new OutcomeMap(aValues.clone(), bValues.clone(), out);
  }

  /**
   * An evenly spaced sweep, {@code steps} values from {@code from} to {@code to} on each axis.
   *
   * @param from the first value of {@code a} and {@code b}
   * @param to the last value
   * @param steps number of values per axis, in {@code [2, 2000]} (at most {@link #MAX_CELLS}
   *     cells)
   * @return the map
   * @throws IllegalArgumentException if a bound is not finite, {@code to <= from} or
   *     {@code steps} is out of range
   */
  public static OutcomeMap grid(double from, double to, int steps) {
    Checks.finite(from, "from");
    Checks.finite(to, "to");
    Checks.argument(to > from, "to = " + to + " must be > from = " + from);
    Checks.argument(steps >= 2 && (long) steps * steps <= MAX_CELLS,
        "steps = " + steps + " must be in [2, " + (int) Math.sqrt(MAX_CELLS) + "]");
    double[] v = new double[steps];
    for (int k = 0; k < steps; k++) {
      double t = (double) k / (steps - 1);
      // Convex combination: no overflow even when to - from exceeds the double range.
      v[k] = k == steps - 1 ? to : from * (1 - t) + to * t;
    }
    return sweep(v, v);
  }

  /**
   * The outcome at {@code (aValues[i], bValues[j])}.
   *
   * @param i index into the {@code a} values
   * @param j index into the {@code b} values
   * @return the outcome
   * @throws IllegalArgumentException if an index is out of range
   */
  public Outcome outcome(int i, int j) {
    Checks.argument(i >= 0 && i < aValues.length,
        "i = " + i + " must be in [0, " + aValues.length + ")");
    Checks.argument(j >= 0 && j < bValues.length,
        "j = " + j + " must be in [0, " + bValues.length + ")");
    return outcomes[i][j];
  }

  /**
   * The {@code a} values (rows).
   *
   * @return a copy
   */
  public double[] aValues() {
    return aValues.clone();
  }

  /**
   * The {@code b} values (columns).
   *
   * @return a copy
   */
  public double[] bValues() {
    return bValues.clone();
  }

  /**
   * How many grid points have each outcome.
   *
   * @return counts by outcome (outcomes that never occur are absent)
   */
  public Map<Outcome, Integer> counts() {
    Map<Outcome, Integer> c = new EnumMap<>(Outcome.class);
    for (Outcome[] row : outcomes) {
      for (Outcome o : row) {
        c.merge(o, 1, Integer::sum);
      }
    }
    return c;
  }

  /**
   * A text rendering: one row per {@code a} value, one letter per {@code b} value
   * (C coexistence, A / B the winner, S bistable, U unbounded, D degenerate).
   *
   * @return the diagram
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < aValues.length; i++) {
      s.append(String.format(java.util.Locale.ROOT, "a=%8.3f ", aValues[i]));
      for (Outcome o : outcomes[i]) {
        s.append(switch (o) {
          case COEXISTENCE -> 'C';
          case A_EXCLUDES_B -> 'A';
          case B_EXCLUDES_A -> 'B';
          case BISTABLE -> 'S';
          case UNBOUNDED_GROWTH -> 'U';
          case DEGENERATE -> 'D';
        });
      }
      s.append('\n');
    }
    return s.toString();
  }
}
