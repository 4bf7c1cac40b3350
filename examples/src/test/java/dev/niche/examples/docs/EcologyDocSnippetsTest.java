package dev.niche.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.ecology.CompetitionModel;
import dev.niche.ecology.Outcome;
import dev.niche.ecology.StopReason;
import dev.niche.ecology.Trajectory;
import org.junit.jupiter.api.Test;

/** The Java snippets of docs/ecology.md, compiled and run; the body of each test is the snippet verbatim. */
@SuppressWarnings({"unused", "UnusedVariable"})
class EcologyDocSnippetsTest {

  @Test
  void competitionModel() {

    CompetitionModel m = CompetitionModel.of(0.9, 0.6, 100, 60, 0.6, 0.8);
    m.outcome();                 // COEXISTENCE
    m.equilibria();              // origin, (K1,0), (0,K2), E* with eigenvalues and stability
    Trajectory t = m.simulate(new double[] {10, 5}, 40.0);
    t.at(12.5);                  // dense output anywhere in [0, endTime]
    t.stopReason();              // COMPLETED, DIVERGED, EXTINCTION or STEP_FAILURE
    assertEquals(Outcome.COEXISTENCE, m.outcome());
    assertEquals(StopReason.COMPLETED, t.stopReason());
    assertEquals(4, m.equilibria().size());
  }
}
