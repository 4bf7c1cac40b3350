package dev.niche.ecology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompetitionModelTest {

  @Test
  void interiorEquilibriumMatchesTheClosedForm() {
    // E* = (K1(1-a)/(1-ab), K2(1-b)/(1-ab)) (issue 5; Gotelli 2008, ch. 5 in alpha-form).
    CompetitionModel m = CompetitionModel.of(0.8, 0.5, 1000, 600, 0.4, 0.7);
    double[] e = m.interiorEquilibrium().orElseThrow().state();
    assertEquals(1000 * 0.6 / 0.72, e[0], 1e-9);
    assertEquals(600 * 0.3 / 0.72, e[1], 1e-9);
    assertEquals(Outcome.COEXISTENCE, m.outcome());
    assertTrue(m.interiorEquilibrium().orElseThrow().stable());
    double[] rate = m.toLotkaVolterra().derivative(e);
    assertEquals(0, rate[0], 1e-10);
    assertEquals(0, rate[1], 1e-10);
  }

  @Test
  void boundaryEigenvaluesAreTheTextbookOnes() {
    // (K1,0): eigenvalues -r1 and r2(1-b); (0,K2): -r2 and r1(1-a); origin: r1, r2.
    CompetitionModel m = CompetitionModel.of(0.8, 0.5, 1000, 600, 0.4, 1.5);
    List<Equilibrium> eq = m.equilibria();
    assertEquals(3, eq.size());
    assertEigen(eq.get(0), 0.8, 0.5);
    assertEigen(eq.get(1), 0.5 * (1 - 1.5), -0.8);
    assertEigen(eq.get(2), 0.8 * (1 - 0.4), -0.5);
    assertTrue(eq.get(1).stable());
    assertFalse(eq.get(2).stable());
    assertEquals(Outcome.A_EXCLUDES_B, m.outcome());
    // invasion rate of B at (K1, 0): r2 (1 - b)
    assertEquals(0.5 * (1 - 1.5), eq.get(1).invasionRates()[1], 1e-12);
  }

  private static void assertEigen(Equilibrium e, double first, double second) {
    List<Eigenvalue> ev = e.eigenvalues();
    assertEquals(Math.max(first, second), ev.get(0).real(), 1e-12);
    assertEquals(Math.min(first, second), ev.get(1).real(), 1e-12);
    assertEquals(0, ev.get(0).imaginary(), 0);
  }

  @Test
  void outcomesCoverEveryRegionOfTheCoefficientPlane() {
    assertEquals(Outcome.COEXISTENCE, CompetitionModel.classify(0.5, 0.5));
    assertEquals(Outcome.COEXISTENCE, CompetitionModel.classify(-0.5, -0.5)); // weak mutualism
    assertEquals(Outcome.COEXISTENCE, CompetitionModel.classify(-3, 0.2)); // mixed, ab < 1
    assertEquals(Outcome.COEXISTENCE, CompetitionModel.classify(-3, 0.9));
    assertEquals(Outcome.UNBOUNDED_GROWTH, CompetitionModel.classify(-2, -2));
    assertEquals(Outcome.A_EXCLUDES_B, CompetitionModel.classify(0.5, 1.5));
    assertEquals(Outcome.A_EXCLUDES_B, CompetitionModel.classify(-5, 2));
    assertEquals(Outcome.B_EXCLUDES_A, CompetitionModel.classify(1.5, 0.5));
    assertEquals(Outcome.B_EXCLUDES_A, CompetitionModel.classify(2, -5));
    assertEquals(Outcome.BISTABLE, CompetitionModel.classify(1.5, 2));
    assertEquals(Outcome.DEGENERATE, CompetitionModel.classify(1, 0.5));
    assertEquals(Outcome.DEGENERATE, CompetitionModel.classify(0.5, 1));
    assertEquals(Outcome.DEGENERATE, CompetitionModel.classify(2, 0.5));
    assertEquals(Outcome.DEGENERATE, CompetitionModel.classify(-1, -1));
  }

  @Test
  void bistableModelHasSaddleAndTwoStableNodes() {
    CompetitionModel m = CompetitionModel.of(1, 1, 100, 100, 1.5, 1.5);
    assertEquals(Outcome.BISTABLE, m.outcome());
    Equilibrium saddle = m.interiorEquilibrium().orElseThrow();
    assertEquals(40, saddle.state()[0], 1e-10);
    assertFalse(saddle.stable());
    assertTrue(saddle.eigenvalues().get(0).real() > 0);
    assertTrue(saddle.eigenvalues().get(1).real() < 0);
    // symmetric model: the separatrix is the diagonal R1 = R2
    assertEquals(100, m.attractorOf(new double[] {30, 20}).orElseThrow().state()[0], 1e-9);
    assertEquals(100, m.attractorOf(new double[] {20, 30}).orElseThrow().state()[1], 1e-9);
    assertEquals(0, m.attractorOf(new double[] {20, 30}).orElseThrow().state()[0], 0);
  }

  @Test
  void alphaFormRoundTrips() {
    CompetitionModel m = CompetitionModel.of(0.8, 0.5, 1000, 600, 0.4, -0.7);
    AlphaForm f = m.toAlphaForm();
    assertEquals(0.4 * 1000 / 600, f.alpha12(), 1e-15);
    assertEquals(-0.7 * 600 / 1000, f.alpha21(), 1e-15);
    CompetitionModel back = CompetitionModel.fromAlphaForm(f);
    assertEquals(0.4, back.a(), 1e-14);
    assertEquals(-0.7, back.b(), 1e-14);
    CompetitionModel viaLv = CompetitionModel.fromLotkaVolterra(m.toLotkaVolterra());
    assertEquals(1000, viaLv.k1(), 1e-9);
    assertEquals(600, viaLv.k2(), 1e-9);
    assertEquals(0.4, viaLv.a(), 1e-14);
    assertEquals(-0.7, viaLv.b(), 1e-14);
  }

  @Test
  void badInputIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> CompetitionModel.of(-1, 1, 1, 1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> CompetitionModel.of(1, 0, 1, 1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> CompetitionModel.of(1, 1, 0, 1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> CompetitionModel.of(1, 1, 1, -1, 0, 0));
    assertThrows(IllegalArgumentException.class,
        () -> CompetitionModel.of(1, 1, 1, 1, Double.NaN, 0));
    assertThrows(IllegalArgumentException.class,
        () -> CompetitionModel.of(1, 1, 1, 1, 0, Double.POSITIVE_INFINITY));
    CompetitionModel m = CompetitionModel.of(1, 1, 1, 1, 0, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.simulate(new double[] {1, -1}, 1));
    assertTrue(e.getMessage().contains("initial[1]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> m.simulate(new double[] {1}, 1));
    assertThrows(NullPointerException.class, () -> m.simulate(null, 1));
    assertThrows(IllegalArgumentException.class, () -> m.simulate(new double[] {1, 1}, -1));
    assertThrows(NullPointerException.class, () -> CompetitionModel.fromAlphaForm(null));
  }
}
