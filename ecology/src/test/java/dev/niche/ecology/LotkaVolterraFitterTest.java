package dev.niche.ecology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.core.Estimate;
import dev.niche.core.Seeds;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Parameter recovery on data simulated from known models with fixed seeds and multiplicative
 * log-normal noise (no published data needed; the published Gause check is in GauseFitTest).
 */
class LotkaVolterraFitterTest {

  static ObservedSeries noisy(LotkaVolterra lv, double[] init, double[] times, double cv,
      SplittableRandom rnd) {
    double[][] s = lv.simulate(init, times).states();
    for (double[] row : s) {
      for (int i = 0; i < row.length; i++) {
        row[i] *= Math.exp(cv * rnd.nextGaussian());
      }
    }
    return new ObservedSeries(times, s);
  }

  private static double[] grid(double dt, double end) {
    double[] t = new double[(int) Math.round(end / dt) + 1];
    for (int k = 0; k < t.length; k++) {
      t[k] = dt * k;
    }
    return t;
  }

  private static void assertWithin(double truth, Estimate e, double z) {
    assertTrue(Math.abs(e.value() - truth) <= z * e.standardError(),
        "truth " + truth + " vs " + e);
  }

  @Test
  void recoversRatesAndInteractionsFromReplicates() {
    double[] r = {0.8, 0.6};
    double[][] a = {{-0.01, 0.003}, {-0.004, -0.008}};
    LotkaVolterra truth = LotkaVolterra.of(r, a);
    double[] times = grid(3, 30);
    SplittableRandom rnd = Seeds.random(2);
    List<ObservedSeries> data = List.of(
        noisy(truth, new double[] {2, 3}, times, 0.04, rnd),
        noisy(truth, new double[] {6, 1}, times, 0.04, rnd));
    LotkaVolterraFit fit = LotkaVolterraFitter.builder().build().fit(data);
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    assertEquals(44, fit.observations());
    assertEquals(44 - 10, fit.degreesOfFreedom());
    for (int i = 0; i < 2; i++) {
      assertWithin(r[i], fit.growthRate(i), 3);
      for (int j = 0; j < 2; j++) {
        assertWithin(a[i][j], fit.interaction(i, j), 3);
      }
    }
    assertWithin(2, fit.initialState(0, 0), 3);
    assertWithin(1, fit.initialState(1, 1), 3);
    assertEquals(Math.sqrt(fit.residualSumOfSquares() / 34), fit.residualStandardError(), 1e-12);
    assertEquals(11, fit.fitted(1).length);
  }

  @Test
  void trajectoryFitCorrectsAWrongSignFromGradientMatching() {
    // Species 2 facilitates species 1 (a12 = +0.004). Sampled every 5 time units, the
    // finite-difference per-capita rates are biased and the gradient-matching start gets the
    // sign of a12 wrong (negative, i.e. competition); the trajectory fit, with free signs,
    // recovers a positive a12 within 2 standard errors of the truth.
    double[] r = {1.5, 0.6};
    double[][] a = {{-0.02, 0.004}, {-0.004, -0.008}};
    LotkaVolterra truth = LotkaVolterra.of(r, a);
    double[] times = grid(5, 35);
    SplittableRandom rnd = Seeds.random(6);
    List<ObservedSeries> data = List.of(
        noisy(truth, new double[] {1, 3}, times, 0.02, rnd),
        noisy(truth, new double[] {2, 40}, times, 0.02, rnd));
    LotkaVolterraFit fit = LotkaVolterraFitter.builder().build().fit(data);
    assertTrue(fit.startingModel().interactions()[0][1] < 0,
        "start " + fit.startingModel().interactions()[0][1]);
    Estimate a12 = fit.interaction(0, 1);
    assertTrue(a12.value() > 0, a12.toString());
    assertWithin(0.004, a12, 2);
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
  }

  @Test
  void badInputIsRejected() {
    LotkaVolterraFitter fitter = LotkaVolterraFitter.builder().build();
    assertThrows(IllegalArgumentException.class, () -> fitter.fit(List.of()));
    assertThrows(NullPointerException.class, () -> fitter.fit((ObservedSeries) null));
    ObservedSeries tiny = new ObservedSeries(new double[] {0, 1, 2}, new double[][] {
        {1, 1}, {2, 2}, {3, 3}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> fitter.fit(tiny));
    assertTrue(e.getMessage().contains("parameters"), e.getMessage());
    ObservedSeries one = new ObservedSeries(new double[] {0, 1}, new double[][] {{1}, {2}});
    assertThrows(IllegalArgumentException.class, () -> fitter.fit(List.of(tiny, one)));
    assertThrows(IllegalArgumentException.class,
        () -> new ObservedSeries(new double[] {0, 0}, new double[][] {{1}, {2}}));
    assertThrows(IllegalArgumentException.class,
        () -> new ObservedSeries(new double[] {0, 1}, new double[][] {{1}, {-2}}));
    assertThrows(IllegalArgumentException.class,
        () -> new ObservedSeries(new double[] {0, 1}, new double[][] {{1, 2}, {2}}));
    assertThrows(IllegalArgumentException.class,
        () -> LotkaVolterraFitter.builder().maxIterations(0));
  }
}
