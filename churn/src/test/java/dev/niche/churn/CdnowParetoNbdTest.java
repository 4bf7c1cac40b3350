package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Pareto/NBD on the CDNOW sample (2,357 customers, 39-week calibration;
 * ../shared/data/cdnow/SOURCE.txt). Published estimates (Fader, Hardie &amp; Lee 2005, "A Note on
 * Implementing the Pareto/NBD Model in MATLAB"): r = 0.5533, α = 10.5776, s = 0.6061,
 * β = 11.6650, LL = -9594.98. Runs only where the data folder exists.
 */
class CdnowParetoNbdTest {

  @Test
  void roundedSummaryFileReproducesThePublishedEstimates() throws IOException {
    CdnowSample.assumeAvailable();
    double[][] c = CdnowSample.summaryColumns("cdnow_customers_summary.csv", 3);
    double[] x = c[0];
    double[] tx = c[1];
    double[] age = c[2];
    int n = x.length;
    ParetoNbdFit fit = ParetoNbd.fit(x, tx, age);
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    assertFalse(fit.diagnostics().onBoundary());
    // The maximum on this file (scipy Nelder-Mead on mpmath-checked closed forms,
    // paretonbd_reference.py): 0.553276, 10.57761, 0.606214, 11.66791, LL -9594.97393.
    assertEquals(0.5533, fit.r().value(), 5e-5);
    assertEquals(10.5776, fit.alpha().value(), 5e-4);
    assertEquals(0.6061, fit.s().value(), 5e-4);
    assertEquals(11.6650, fit.beta().value(), 5e-3);
    assertEquals(-9594.98, fit.logLikelihood(), 0.01);
    assertEquals(0.553276, fit.r().value(), 2e-6);
    assertEquals(10.57761, fit.alpha().value(), 2e-4);
    assertEquals(0.606214, fit.s().value(), 2e-5);
    assertEquals(11.66791, fit.beta().value(), 5e-4);
    assertEquals(-9594.973930, fit.logLikelihood(), 1e-5);
    // At the published estimates themselves (scipy: -9594.973931).
    double ll = 0;
    ParetoNbd published = ParetoNbd.of(0.5533, 10.5776, 0.6061, 11.6650);
    for (int i = 0; i < n; i++) {
      ll += published.logLikelihood(x[i], tx[i], age[i]);
    }
    assertEquals(-9594.973931221959, ll, 1e-8);
  }

  @Test
  void exactSummariesFromTransactions() throws IOException {
    CdnowSample.assumeAvailable();
    ParetoNbdFit fit = ParetoNbd.fit(CdnowSample.transactions().build());
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    assertEquals(0.5533, fit.r().value(), 5e-4);
    assertEquals(10.5776, fit.alpha().value(), 5e-3);
    assertEquals(0.6061, fit.s().value(), 5e-3);
    assertEquals(11.6650, fit.beta().value(), 5e-2);
    assertEquals(-9594.98, fit.logLikelihood(), 0.05);
  }
}
