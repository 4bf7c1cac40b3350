package dev.niche.ecology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a long horizon integrates to the attractor (or stops there), it does not fail; the
 * dense output is finite at every time it covers.
 */
class LongHorizonTest {

  /** dR1/dt = 0.8 R1 (1 - R1/100 - 0.4 R2/80), dR2/dt = 0.6 R2 (1 - R2/80 - 0.3 R1/100). */
  private static final CompetitionModel MODEL = CompetitionModel.of(0.8, 0.6, 100, 80, 0.4, 0.3);
  private static final double[] START = {10, 5};

  /** The interior equilibrium R1* = K1 (1 - a) / (1 - ab), R2* = K2 (1 - b) / (1 - ab). */
  private static final double[] EQUILIBRIUM = {100 * 0.6 / 0.88, 80 * 0.7 / 0.88};

  @Test
  void horizonsFarBeyondTheTransientEndAtTheStableEquilibrium() {
    for (double horizon : new double[] {1e3, 1e15, 1e100, Double.MAX_VALUE}) {
      Trajectory t = MODEL.simulate(START, horizon);
      assertEquals(StopReason.COMPLETED, t.stopReason(), "horizon " + horizon);
      assertEquals(horizon, t.endTime(), 0.0);
      assertArrayEquals(EQUILIBRIUM, t.finalState(), 1e-7, "horizon " + horizon);
      assertArrayEquals(EQUILIBRIUM, t.at(horizon / 2), 1e-7, "horizon " + horizon);
      assertTrue(t.evaluations() < 100_000, "evaluations " + t.evaluations());
    }
  }

  @Test
  void theTransientDoesNotDependOnTheHorizon() {
    Trajectory shortRun = MODEL.simulate(START, 50);
    Trajectory longRun = MODEL.simulate(START, 1e100);
    for (double time : new double[] {0.5, 3, 10.81, 25, 49}) {
      assertArrayEquals(shortRun.at(time), longRun.at(time), 1e-6, "t = " + time);
    }
  }

  @Test
  void timeToShareDoesNotDependOnTheHorizon() {
    // The example of issue 18: A reaches a share of 0.55 at t = 10.81.
    OptionalDouble reference = MODEL.timeToShare(START, 0, 0.55, 50);
    assertTrue(reference.isPresent());
    assertEquals(10.81, reference.getAsDouble(), 0.005);
    for (double horizon : new double[] {1e3, 1e15, 1e100}) {
      OptionalDouble t = MODEL.timeToShare(START, 0, 0.55, horizon);
      assertTrue(t.isPresent(), "horizon " + horizon);
      assertEquals(reference.getAsDouble(), t.getAsDouble(), 1e-6, "horizon " + horizon);
    }
  }

  @Test
  void exclusionRunsToTheExtinctionOfTheLoser() {
    // a = 1.5 (B weighs heavily on A) and b = 0.5: B excludes A.
    CompetitionModel exclusion = CompetitionModel.of(1, 1, 100, 100, 1.5, 0.5);
    assertEquals(Outcome.B_EXCLUDES_A, exclusion.outcome());
    OptionalDouble t = exclusion.timeToShare(new double[] {10, 50}, 1, 0.99, 1e100);
    assertTrue(t.isPresent());
    assertEquals(t.getAsDouble(),
        exclusion.timeToShare(new double[] {10, 50}, 1, 0.99, 1e3).getAsDouble(), 1e-9);
    Trajectory run = exclusion.simulate(new double[] {10, 50}, 1e100);
    assertEquals(StopReason.EXTINCTION, run.stopReason());
    assertArrayEquals(new double[] {0, 100}, run.finalState(), 1e-6);
  }

  @Test
  void aNeutralLineOfEquilibriaIsFoundQuickly() {
    CompetitionModel neutral = CompetitionModel.of(1, 1, 1, 1, 1, 1);
    Trajectory t = neutral.simulate(new double[] {1, 2}, 1e100);
    assertEquals(StopReason.COMPLETED, t.stopReason());
    assertEquals(1.0, t.finalState()[0] + t.finalState()[1], 1e-9);
  }

  @Test
  void theDenseOutputIsFiniteNextToItsNodes() {
    Trajectory t = MODEL.simulate(START, 50);
    assertArrayEquals(START, t.at(Double.MIN_VALUE), 1e-12);
    assertArrayEquals(START, t.at(Double.MIN_NORMAL), 1e-12);
    double[] end = t.at(50 - Math.ulp(50.0));
    assertTrue(Double.isFinite(end[0]) && Double.isFinite(end[1]));
  }
}
