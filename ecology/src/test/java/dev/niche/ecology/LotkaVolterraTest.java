package dev.niche.ecology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LotkaVolterraTest {

  @Test
  void enumeratesAllFeasibleEquilibriaOfThreeSpeciesCompetition() {
    // Symmetric competition r = 1, a_ii = -1, a_ij = -0.5: equilibria on every support S with
    // N_i = 1 / (1 + 0.5 (|S| - 1)); 2^3 = 8 feasible equilibria, only the interior one stable.
    double[][] a = {{-1, -0.5, -0.5}, {-0.5, -1, -0.5}, {-0.5, -0.5, -1}};
    LotkaVolterra lv = LotkaVolterra.of(new double[] {1, 1, 1}, a);
    List<Equilibrium> eq = lv.equilibria();
    assertEquals(8, eq.size());
    int stable = 0;
    for (Equilibrium e : eq) {
      double[] s = e.state();
      int size = 0;
      for (double v : s) {
        size += v > 0 ? 1 : 0;
      }
      for (double v : s) {
        if (v > 0) {
          assertEquals(1 / (1 + 0.5 * (size - 1)), v, 1e-12);
        }
      }
      stable += e.stable() ? 1 : 0;
    }
    assertEquals(1, stable);
    Equilibrium interior = lv.interiorEquilibrium().orElseThrow();
    assertTrue(interior.stable());
    // Interior Jacobian = diag(N*) A: eigenvalues N* (-1 - 1) and N* (-1 + 0.5) (twice).
    assertEquals(-0.5 * 0.5, interior.eigenvalues().get(0).real(), 1e-12);
    assertEquals(-0.5 * 2, interior.eigenvalues().get(2).real(), 1e-12);
  }

  @Test
  void invasionRatesAtBoundaryEquilibria() {
    double[][] a = {{-1, -0.5, -0.5}, {-0.5, -1, -0.5}, {-0.5, -0.5, -1}};
    LotkaVolterra lv = LotkaVolterra.of(new double[] {1, 1, 1}, a);
    double[] g = lv.invasionRates(new double[] {1, 0, 0});
    assertEquals(0, g[0], 1e-15);
    assertEquals(0.5, g[1], 1e-15);
    Equilibrium single = lv.analyse(new double[] {1, 0, 0});
    assertFalse(single.saturated());
    assertTrue(lv.interiorEquilibrium().orElseThrow().saturated());
  }

  @Test
  void rockPaperScissorsHasComplexEigenvalues() {
    // May & Leonard (1975) cyclic competition with alpha = 0.8, beta = 1.3 (alpha + beta > 2):
    // interior N* = 1/(1+alpha+beta) each, eigenvalues -1 and N*(alpha+beta-2)/2 ± i N*·
    // sqrt(3)(beta-alpha)/2 (circulant matrix spectrum).
    double al = 0.8;
    double be = 1.3;
    double[][] a = {{-1, -al, -be}, {-be, -1, -al}, {-al, -be, -1}};
    LotkaVolterra lv = LotkaVolterra.of(new double[] {1, 1, 1}, a);
    Equilibrium e = lv.interiorEquilibrium().orElseThrow();
    double n = 1 / (1 + al + be);
    assertEquals(n, e.state()[0], 1e-12);
    Eigenvalue top = e.eigenvalues().get(0);
    assertEquals(n * (al + be - 2) / 2, top.real(), 1e-12);
    assertEquals(n * Math.sqrt(3) * (be - al) / 2, Math.abs(top.imaginary()), 1e-12);
    assertFalse(e.stable());
  }

  @Test
  void largeSystemsReturnOnlyOriginAndInterior() {
    int n = 20;
    double[] r = new double[n];
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      r[i] = 1;
      a[i][i] = -1;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          a[i][j] = -0.01;
        }
      }
    }
    List<Equilibrium> eq = LotkaVolterra.of(r, a).equilibria();
    assertEquals(2, eq.size());
    assertEquals(1 / 1.19, eq.get(1).state()[3], 1e-12);
    assertTrue(eq.get(1).stable());
  }

  @Test
  void badInputIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> LotkaVolterra.of(new double[] {1, 1}, new double[][] {{1, 2}}));
    assertThrows(IllegalArgumentException.class,
        () -> LotkaVolterra.of(new double[] {1, 1}, new double[][] {{1, 2}, {1}}));
    assertThrows(IllegalArgumentException.class,
        () -> LotkaVolterra.of(new double[] {1}, new double[][] {{1, 2}, {1, 2}}));
    assertThrows(IllegalArgumentException.class,
        () -> LotkaVolterra.of(new double[] {Double.NaN}, new double[][] {{1}}));
    assertThrows(NullPointerException.class, () -> LotkaVolterra.of(null, new double[][] {{1}}));
    LotkaVolterra lv = LotkaVolterra.of(new double[] {1}, new double[][] {{-1}});
    assertThrows(IllegalArgumentException.class,
        () -> lv.simulate(new double[] {1}, new double[] {2, 1}));
  }

  @Test
  void callerArraysAreCopied() {
    double[] r = {1, 1};
    double[][] a = {{-1, 0}, {0, -1}};
    LotkaVolterra lv = LotkaVolterra.of(r, a);
    r[0] = 99;
    a[0][0] = 99;
    assertEquals(1, lv.growthRates()[0], 0);
    assertEquals(-1, lv.interactions()[0][0], 0);
  }
}
