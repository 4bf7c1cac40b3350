package dev.niche.ecology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SimulationStopTest {

  @Test
  void strongMutualismBlowsUpAndStopsWithDivergence() {
    // a = b = -2 (ab = 4 > 1): with r = K = 1 and R1 = R2 = x, x' = x(1 + x), whose solution
    // x(t) = x0 e^t / (1 + x0 - x0 e^t) blows up at t* = ln((1 + x0)/x0).
    CompetitionModel m = CompetitionModel.of(1, 1, 1, 1, -2, -2);
    assertEquals(Outcome.UNBOUNDED_GROWTH, m.outcome());
    Trajectory t = m.simulate(new double[] {0.5, 0.5}, 10.0);
    assertEquals(StopReason.DIVERGED, t.stopReason());
    double blowUp = Math.log(3);
    // automatic threshold 1e8 x scale (scale 1): x = 1e8 reached at t* - ln(1 + 1e-8)
    assertEquals(blowUp - Math.log1p(1e-8), t.endTime(), 1e-9);
    assertEquals(1e8, t.finalState()[0], 1e8 * 1e-6);
  }

  @Test
  void competitiveExclusionStopsOnExtinction() {
    CompetitionModel m = CompetitionModel.of(1, 1, 100, 100, 0.5, 1.5);
    Trajectory t = m.simulate(new double[] {10, 10}, 1000.0,
        SimulationOptions.defaults().withExtinctionThreshold(1e-6));
    assertEquals(StopReason.EXTINCTION, t.stopReason());
    assertTrue(t.endTime() < 1000);
    assertEquals(1e-6, t.finalState()[1], 1e-12);
    assertEquals(100, t.finalState()[0], 1e-3);
  }

  @Test
  void exhaustedBudgetIsAStepFailureNotAnException() {
    CompetitionModel m = CompetitionModel.of(1, 1, 100, 100, 0.5, 0.5);
    Trajectory t = m.simulate(new double[] {10, 10}, 1000.0,
        SimulationOptions.defaults().withMaxEvaluations(50));
    assertEquals(StopReason.STEP_FAILURE, t.stopReason());
    assertTrue(t.endTime() < 1000);
    assertThrows(IllegalArgumentException.class, () -> t.at(999));
  }

  @Test
  void absentSpeciesStayAbsentAndStatesArePositive() {
    CompetitionModel m = CompetitionModel.of(1, 1, 100, 100, -0.5, 0.5);
    Trajectory t = m.simulate(new double[] {0, 10}, 50.0);
    for (double[] s : t.states()) {
      assertEquals(0, s[0], 0);
      assertTrue(s[1] > 0);
    }
    assertEquals(StopReason.COMPLETED, m.simulate(new double[] {0, 0}, 5.0).stopReason());
    Trajectory zero = m.simulate(new double[] {1, 1}, 0.0);
    assertEquals(1, zero.times().length);
  }

  @Test
  void outputTimesAreHonouredAndStopEarly() {
    CompetitionModel m = CompetitionModel.of(1, 1, 1, 1, -2, -2);
    Trajectory t = m.simulate(new double[] {0.5, 0.5}, new double[] {0, 0.5, 1.0, 2.0, 3.0});
    assertEquals(StopReason.DIVERGED, t.stopReason());
    assertEquals(3, t.times().length); // ln 3 = 1.0986 < 2
    double x = 0.5 * Math.exp(0.5) / (1.5 - 0.5 * Math.exp(0.5));
    assertEquals(x, t.states()[1][0], 1e-9 * x);
  }

  @Test
  void timeToShareIsFoundByRootFinding() {
    // a = b = 0, equal r and K: both logistic curves tend to 100, so B's share (starting at
    // 1/11) rises towards 1/2 and never reaches 0.6.
    CompetitionModel logistic = CompetitionModel.of(1, 1, 100, 100, 0, 0);
    assertFalse(logistic.timeToShare(new double[] {10, 1}, 1, 0.6, 50).isPresent());
    // B grows faster (r2 = 2): R1(t) = R2(t) where 99 e^{-2t} = 9 e^{-t}  => t = ln 11.
    CompetitionModel faster = CompetitionModel.of(1, 2, 100, 100, 0, 0);
    OptionalDouble t = faster.timeToShare(new double[] {10, 1}, 1, 0.5, 50);
    assertEquals(Math.log(11), t.orElseThrow(), 1e-9);
    assertEquals(0, faster.timeToShare(new double[] {1, 1}, 1, 0.5, 5).orElseThrow(), 0);
  }
}
