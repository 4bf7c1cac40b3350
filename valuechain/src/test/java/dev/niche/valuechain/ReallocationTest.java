package dev.niche.valuechain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReallocationTest {

  private static final List<String> NAMES = TableTwoTest.ACTIVITIES;
  private static final ValueChain OLD = ValueChain.of(NAMES, TableTwoTest.OLD);

  @Test
  void leastSquaresPlanFromTheOldChainIsExactlyTheSeedsNewChain() {
    // Seed study, Table 2: with R&D >= 50, production >= 20, every share >= 5 and the total fixed
    // at 100, the least-change plan from 50/10/20/15/5 is 20/50/20/5/5. By hand (unit weights):
    // x_i = max(l_i, c_i + mu) with mu = lambda/2; R&D is pushed up to 50, production and market
    // stay at their floors 20 and 5, and 125 + mu + max(5, 15 + mu) = 100 gives mu = -30, so
    // purchase = 50 - 30 = 20 and sale = max(5, -15) = 5.
    ValueChain plan = Reallocation.from(OLD).total(100).atLeast("R&D", 50)
        .atLeast("production", 20).allAtLeast(5).solve();
    assertArrayEquals(TableTwoTest.NEW, plan.costs(), 0.0); // exactly, no tolerance
    assertEquals(NAMES, plan.names());
    // KKT check: the free activity (purchase) moved by mu = -30; every other moved activity sits
    // on a bound that the multiplier pushes against.
    assertEquals(-30, plan.cost("purchase") - OLD.cost("purchase"), 0.0);
  }

  @Test
  void weightsShiftTheBurden() {
    // Doubling sale's weight: x_i = c_i + lambda/(2 w_i). Without bounds, total 100 -> 90:
    // lambda/2 * (1 + 1 + 1 + 1/2 + 1) = -10 -> lambda/2 = -10/4.5.
    ValueChain plan = Reallocation.from(OLD).total(90).weight("sale", 2).solve();
    double mu = -10 / 4.5;
    assertArrayEquals(new double[] {50 + mu, 10 + mu, 20 + mu, 15 + mu / 2, 5 + mu}, plan.costs(),
        1e-12);
    ValueChain same = Reallocation.from(OLD).total(90).weights(1, 1, 1, 2, 1).solve();
    assertArrayEquals(plan.costs(), same.costs(), 0.0);
  }

  @Test
  void upperBoundsAndFixedActivities() {
    ValueChain plan = Reallocation.from(OLD).total(120).fixed("purchase").atMost("R&D", 12)
        .allAtMost(60).solve();
    // purchase fixed at 50; R&D capped at 12; the other three share the remaining 58 equally
    // around their starts: 20 + m, 15 + m, 5 + m = 58 - 0 -> m = 6: 26, 21, 11.
    assertArrayEquals(new double[] {50, 12, 26, 21, 11}, plan.costs(), 1e-12);
    ValueChain fixedAt = Reallocation.from(OLD).fixed("market", 9).solve();
    assertEquals(9, fixedAt.cost("market"), 0.0);
    assertEquals(100, fixedAt.total(), 1e-12);
  }

  @Test
  void tightBudgetsAreMetExactly() {
    assertArrayEquals(new double[] {5, 5, 5, 5, 5},
        Reallocation.from(OLD).total(25).allAtLeast(5).solve().costs(), 0.0);
    assertArrayEquals(new double[] {10, 10, 10, 10, 10},
        Reallocation.from(OLD).total(50).allAtMost(10).solve().costs(), 0.0);
  }

  @Test
  void infeasibleConstraintsSayWhich() {
    IllegalArgumentException sumLower = assertThrows(IllegalArgumentException.class,
        () -> Reallocation.from(OLD).total(100).atLeast("R&D", 90).allAtLeast(5).solve());
    assertTrue(sumLower.getMessage().contains("lower bounds sum to 110"), sumLower.getMessage());
    IllegalArgumentException sumUpper = assertThrows(IllegalArgumentException.class,
        () -> Reallocation.from(OLD).allAtMost(10).solve());
    assertTrue(sumUpper.getMessage().contains("upper bounds sum to 50"), sumUpper.getMessage());
    IllegalArgumentException crossed = assertThrows(IllegalArgumentException.class,
        () -> Reallocation.from(OLD).atLeast("sale", 30).atMost("sale", 20).solve());
    assertTrue(crossed.getMessage().contains("\"sale\""), crossed.getMessage());
    IllegalArgumentException fixed = assertThrows(IllegalArgumentException.class,
        () -> Reallocation.from(OLD).fixed("sale", 2).allAtLeast(5).solve());
    assertTrue(fixed.getMessage().contains("fixed at 2"), fixed.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> Reallocation.from(OLD).atLeast("marketing", 5));
    assertTrue(unknown.getMessage().contains("unknown activity \"marketing\""));
    assertThrows(IllegalArgumentException.class, () -> Reallocation.from(OLD).total(-1));
    assertThrows(IllegalArgumentException.class, () -> Reallocation.from(OLD).weight("sale", 0));
    assertThrows(IllegalArgumentException.class, () -> Reallocation.from(OLD).weights(1, 2));
    assertThrows(IllegalArgumentException.class,
        () -> Reallocation.from(OLD).atLeast("sale", Double.NaN));
    assertThrows(NullPointerException.class, () -> Reallocation.from(null));
  }

  @Test
  void towardShareScalesOnePartAndRecloses() {
    ValueChain plan = Reallocation.towardShare(OLD, "R&D", 0.5);
    assertEquals(0.5, plan.share("R&D"), 1e-15);
    assertEquals(100, plan.total(), 1e-12);
    // Ratios among the other activities are untouched: purchase/production stays 50/20.
    assertEquals(2.5, plan.cost("purchase") / plan.cost("production"), 1e-14);
    assertEquals(3, plan.cost("sale") / plan.cost("market"), 1e-14);
    // The perturbation is C(1, a, 1, 1, 1) with a = s(1-x)/(x(1-s)) = 0.5*0.9/(0.1*0.5) = 9, and
    // the Aitchison distance moved is sqrt((D-1)/D) |ln a|.
    Composition step = plan.composition().difference(OLD.composition());
    assertArrayEquals(Composition.of(1, 9, 1, 1, 1).parts(), step.parts(), 1e-15);
    assertEquals(Math.sqrt(4.0 / 5) * Math.log(9), OLD.composition().distance(plan.composition()),
        1e-14);
    assertThrows(IllegalArgumentException.class, () -> Reallocation.towardShare(OLD, "R&D", 1));
    assertThrows(IllegalArgumentException.class,
        () -> Reallocation.towardShare(ValueChain.of(List.of("a", "b"), 1, 0), "a", 0.5));
  }
}
