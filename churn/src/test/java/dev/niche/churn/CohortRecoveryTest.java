package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.churn.internal.CohortSimulation;
import dev.niche.churn.internal.DistinctCustomers;
import dev.niche.core.Estimate;
import org.junit.jupiter.api.Test;

/**
 * Fits recover the generating parameters of a simulated cohort with day-resolution summaries
 * (the data of the million-customer benchmarks, on fewer customers), and merging identical rows
 * leaves the fit unchanged.
 */
class CohortRecoveryTest {

  @Test
  void bgNbdRecoversTheGeneratingParameters() {
    CohortSimulation s = CohortSimulation.bgNbd(0.243, 4.414, 0.793, 2.426, 40_000, 11L);
    BgNbdFit fit = BgNbd.fit(s.x, s.tx, s.age);
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    assertFalse(fit.diagnostics().onBoundary());
    within(0.243, fit.r());
    within(4.414, fit.alpha());
    within(0.793, fit.a());
    within(2.426, fit.b());
  }

  @Test
  void paretoNbdRecoversTheGeneratingParameters() {
    CohortSimulation s = CohortSimulation.paretoNbd(0.5533, 10.5776, 0.6061, 11.665, 40_000, 12L);
    ParetoNbdFit fit = ParetoNbd.fit(s.x, s.tx, s.age);
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    assertFalse(fit.diagnostics().onBoundary());
    within(0.5533, fit.r());
    within(10.5776, fit.alpha());
    within(0.6061, fit.s());
    within(11.665, fit.beta());
  }

  @Test
  void mergedRowsGiveTheSameLikelihoodAsRepeatedRows() {
    CohortSimulation s = CohortSimulation.paretoNbd(0.5533, 10.5776, 0.6061, 11.665, 5_000, 13L);
    int[] x = new int[s.x.length];
    double[] ones = new double[s.x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (int) s.x[i];
      ones[i] = 1;
    }
    DistinctCustomers d = DistinctCustomers.of(x, s.tx, s.age, ones);
    assertTrue(d.size() < x.length / 2, "distinct rows " + d.size());
    assertEquals(x.length, d.totalWeight(), 0);
    ParetoNbd m = ParetoNbd.of(0.5, 10, 0.6, 12);
    double direct = 0;
    for (int i = 0; i < x.length; i++) {
      direct += m.logLikelihood(s.x[i], s.tx[i], s.age[i]);
    }
    double merged = 0;
    for (int i = 0; i < d.size(); i++) {
      merged += d.weight[i] * m.logLikelihood(d.x[i], d.tx[i], d.age[i]);
    }
    assertEquals(direct, merged, 1e-9 * Math.abs(direct));
    ParetoNbdFit fit = ParetoNbd.fit(s.x, s.tx, s.age);
    assertEquals(fit.logLikelihood(), ParetoNbd.fit(d.x.length == 0 ? s.x : toDouble(d.x), d.tx,
        d.age, d.weight).logLikelihood(), 1e-6);
  }

  private static double[] toDouble(int[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }

  private static void within(double truth, Estimate e) {
    assertTrue(e.standardError() > 0, "standard error " + e);
    assertEquals(truth, e.value(), 4 * e.standardError(), "estimate " + e + " vs truth " + truth);
  }
}
