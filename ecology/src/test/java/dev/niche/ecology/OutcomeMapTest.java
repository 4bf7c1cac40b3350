package dev.niche.ecology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeMapTest {

  @Test
  void gridCoversTheRegionsOfTheOutcomeDiagram() {
    // a, b in {-2, -1.5, ..., 2}: exactly the cells of the analytic diagram
    OutcomeMap map = OutcomeMap.grid(-2, 2, 9);
    assertEquals(Outcome.UNBOUNDED_GROWTH, map.outcome(0, 0)); // a = b = -2, ab = 4
    assertEquals(Outcome.DEGENERATE, map.outcome(2, 2)); // a = b = -1, ab = 1
    assertEquals(Outcome.COEXISTENCE, map.outcome(4, 4)); // a = b = 0
    assertEquals(Outcome.BISTABLE, map.outcome(8, 8)); // a = b = 2
    assertEquals(Outcome.A_EXCLUDES_B, map.outcome(4, 8)); // a = 0, b = 2
    assertEquals(Outcome.B_EXCLUDES_A, map.outcome(8, 4));
    assertEquals(Outcome.DEGENERATE, map.outcome(6, 3)); // a = 1
    Map<Outcome, Integer> counts = map.counts();
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    assertEquals(81, total);
    // by symmetry of the conditions, A and B win equally often on a symmetric grid
    assertEquals(counts.get(Outcome.A_EXCLUDES_B), counts.get(Outcome.B_EXCLUDES_A));
    assertTrue(map.toString().startsWith("a=  -2.000 U"), map.toString());
  }

  @Test
  void badInputIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> OutcomeMap.grid(1, 1, 3));
    assertThrows(IllegalArgumentException.class, () -> OutcomeMap.grid(0, 1, 1));
    assertThrows(IllegalArgumentException.class,
        () -> OutcomeMap.sweep(new double[] {Double.NaN}, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> OutcomeMap.grid(0, 1, 2).outcome(2, 0));
  }
}
