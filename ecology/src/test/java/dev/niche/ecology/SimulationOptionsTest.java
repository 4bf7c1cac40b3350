package dev.niche.ecology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimulationOptionsTest {

  @Test
  void defaultsAndCopies() {
    SimulationOptions d = SimulationOptions.defaults();
    assertEquals(1e-11, d.relativeTolerance(), 0);
    assertTrue(Double.isNaN(d.extinctionThreshold()));
    SimulationOptions o = d.withTolerances(1e-6, 1e-8).withExtinctionThreshold(0)
        .withDivergenceThreshold(Double.POSITIVE_INFINITY).withMaxEvaluations(10);
    assertEquals(1e-8, o.absoluteTolerance(), 0);
    assertEquals(0, o.extinctionThreshold(), 0);
    assertEquals(10, o.maxEvaluations());
  }

  @Test
  void badValuesAreRejected() {
    SimulationOptions d = SimulationOptions.defaults();
    assertThrows(IllegalArgumentException.class, () -> d.withTolerances(0, 1e-8));
    assertThrows(IllegalArgumentException.class, () -> d.withTolerances(1e-8, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> d.withExtinctionThreshold(-1));
    assertThrows(IllegalArgumentException.class, () -> d.withDivergenceThreshold(0));
    assertThrows(IllegalArgumentException.class, () -> d.withMaxEvaluations(0));
  }

  @Test
  void trajectoryQueriesAreChecked() {
    Trajectory t = CompetitionModel.of(1, 1, 10, 10, 0.5, 0.5).simulate(new double[] {1, 1}, 5);
    assertThrows(IllegalArgumentException.class, () -> t.at(-0.1));
    assertThrows(IllegalArgumentException.class, () -> t.at(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> t.timeToShare(2, 0.5));
    assertThrows(IllegalArgumentException.class, () -> t.timeToShare(0, 1.5));
    assertEquals(2, t.species());
    assertTrue(t.evaluations() > 0);
    double[] times = t.times();
    times[0] = 99;
    assertEquals(0, t.times()[0], 0);
  }
}
