package dev.niche.valuechain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueChainTest {

  private static final List<String> NAMES = TableTwoTest.ACTIVITIES;

  @Test
  void sharesLookupAndScaling() {
    double[] costs = {500, 100, 200, 150, 50};
    ValueChain v = ValueChain.of(NAMES, costs);
    costs[0] = 0; // copied on entry
    assertEquals(1000, v.total(), 0);
    assertArrayEquals(new double[] {0.5, 0.1, 0.2, 0.15, 0.05}, v.shares(), 1e-15);
    assertEquals(NAMES, v.names());
    assertEquals(5, v.size());
    assertEquals(1, v.indexOf("R&D"));
    assertEquals(100, v.cost("R&D"), 0);
    assertEquals(0.15, v.share("sale"), 1e-15);
    assertArrayEquals(TableTwoTest.OLD, v.scaledTo(100).costs(), 1e-12);
    assertArrayEquals(new double[] {1000, 200, 400, 300, 100}, v.scaledBy(2).costs(), 0);
    assertEquals(v.composition(), Composition.of(TableTwoTest.OLD));
    assertEquals(v, ValueChain.of(NAMES, 500, 100, 200, 150, 50));
    assertTrue(v.toString().contains("R&D=100"));
  }

  @Test
  void revenueGivesAMargin() {
    ValueChain v = ValueChain.of(List.of("a", "b"), 30, 50);
    assertFalse(v.margin().isPresent());
    ValueChain r = v.withRevenue(100);
    assertEquals(20, r.margin().getAsDouble(), 0);
    assertEquals(0.2, r.marginRate().getAsDouble(), 1e-15);
    assertEquals(100, r.revenue().getAsDouble(), 0);
    assertEquals(100, r.scaledBy(0.5).revenue().getAsDouble(), 0);
    assertFalse(v.withRevenue(0).marginRate().isPresent());
  }

  @Test
  void badInputIsRejectedWithNamedMessages() {
    assertMessage("repeats", () -> ValueChain.of(List.of("a", "a"), 1, 2));
    assertMessage("costs[1] = -2.0", () -> ValueChain.of(List.of("a", "b"), 1, -2));
    assertMessage("costs[0] = NaN", () -> ValueChain.of(List.of("a", "b"), Double.NaN, 2));
    assertMessage("all zero", () -> ValueChain.of(List.of("a", "b"), 0, 0));
    assertMessage("names has length 2 but costs has length 3",
        () -> ValueChain.of(List.of("a", "b"), 1, 2, 3));
    assertMessage("blank", () -> ValueChain.of(List.of("a", " "), 1, 2));
    assertMessage("unknown activity", () -> ValueChain.of(List.of("a", "b"), 1, 2).cost("c"));
    assertMessage("replaceZeros", () -> ValueChain.of(List.of("a", "b"), 1, 0).composition());
    assertThrows(NullPointerException.class, () -> ValueChain.of(null, 1));
    assertThrows(NullPointerException.class,
        () -> ValueChain.of(Arrays.asList("a", null), 1, 2));
    assertThrows(IllegalArgumentException.class,
        () -> ValueChain.of(List.of("a", "b"), 1, 2).scaledTo(0));
    assertThrows(IllegalArgumentException.class,
        () -> ValueChain.of(List.of("a", "b"), 1, 2).withRevenue(-1));
  }

  @Test
  void restructuringRejectsMismatchedChainsAndZeros() {
    ValueChain a = ValueChain.of(List.of("a", "b"), 1, 2);
    assertMessage("must match", () -> Restructuring.compare(a, ValueChain.of(List.of("b", "a"), 1,
        2)));
    assertMessage("\"b\" has zero cost",
        () -> Restructuring.compare(a, ValueChain.of(List.of("a", "b"), 1, 0)));
    Restructuring same = Restructuring.compare(a, a.scaledBy(3));
    assertEquals(0, same.aitchisonDistance(), 1e-15);
    assertTrue(same.describe().contains("Aitchison distance of 0.0000"));
    assertEquals(same.describe(), same.toString());
  }

  private static void assertMessage(String fragment, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
