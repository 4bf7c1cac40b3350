package dev.niche.valuechain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 18: extreme but finite inputs give a clear error or a finite answer. */
class HostileInputTest {

  @Test
  void aPartWhoseShareUnderflowsIsRejectedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Composition.of(Double.MIN_VALUE, 100));
    assertTrue(e.getMessage().startsWith("values[0] = 4.9E-324"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ValueChain.of(List.of("a", "b"), Double.MIN_VALUE, 100).composition());
  }

  @Test
  void hugePartsDoNotOverflowTheClosure() {
    Composition c = Composition.of(1e308, 1e308, 5e307);
    assertArrayEquals(new double[] {0.4, 0.4, 0.2}, c.parts(), 1e-15);
    assertTrue(Arrays.stream(c.clr()).allMatch(Double::isFinite));
  }

  @Test
  void neutralCompositionsAreBounded() {
    assertThrows(IllegalArgumentException.class, () -> Composition.neutral(Integer.MAX_VALUE));
    assertEquals(3, Composition.neutral(3).size());
  }

  @Test
  void reciprocalAllocationIsImmutable() {
    ReciprocalAllocation r = ReciprocalAllocation.allocate(List.of("s1", "s2"),
        new double[] {100, 50}, List.of("p1", "p2"), new double[] {300, 200},
        new double[][] {{0, 0.2, 0.5, 0.3}, {0.1, 0, 0.4, 0.5}});
    double[] total = r.totalCosts();
    assertNotSame(total, r.totalCosts());
    total[0] = -1;
    assertTrue(r.totalCosts()[0] > 0);
    assertEquals(650, Arrays.stream(r.totalCosts()).sum(), 1e-9);
    assertEquals(r, ReciprocalAllocation.allocate(List.of("s1", "s2"), new double[] {100, 50},
        List.of("p1", "p2"), new double[] {300, 200},
        new double[][] {{0, 0.2, 0.5, 0.3}, {0.1, 0, 0.4, 0.5}}));
    assertThrows(NullPointerException.class, () -> new ReciprocalAllocation(
        Arrays.asList("s1", null), new double[2], List.of(), new double[0], new double[0]));
  }
}
