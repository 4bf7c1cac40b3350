package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Pareto/NBD on the CDNOW sample (2,357 customers, 39-week calibration;
 * ../shared/data/cdnow/SOURCE.txt). Published estimates (Fader, Hardie &amp; Lee 2005, "A Note on
 * Implementing the Pareto/NBD Model in MATLAB"): r = 0.5533, α = 10.5776, s = 0.6061,
 * β = 11.6650, LL = -9594.98. Runs only where the data folder exists.
 */
class CdnowParetoNbdTest {

  private static final Path DIR =
      Path.of(System.getProperty("niche.shared.dir", "../../shared"), "data", "cdnow");

  @Test
  void roundedSummaryFileReproducesThePublishedEstimates() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(DIR), "CDNOW data not available");
    List<String> lines = Files.readAllLines(DIR.resolve("cdnow_customers_summary.csv"));
    int n = lines.size() - 1;
    double[] x = new double[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(i + 1).split(",");
      x[i] = Double.parseDouble(f[1]);
      tx[i] = Double.parseDouble(f[2]);
      age[i] = Double.parseDouble(f[3]);
    }
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
    Assumptions.assumeTrue(Files.isDirectory(DIR), "CDNOW data not available");
    CustomerSummaries.Builder b =
        CustomerSummaries.builder(LocalDate.of(1997, 9, 30), ActivityUnit.WEEKS);
    for (String line : Files.readAllLines(DIR.resolve("CDNOW_sample.txt"))) {
      String[] f = line.trim().split("\\s+");
      String ymd = f[2];
      b.add(f[1], LocalDate.of(Integer.parseInt(ymd.substring(0, 4)),
          Integer.parseInt(ymd.substring(4, 6)), Integer.parseInt(ymd.substring(6, 8))),
          Double.parseDouble(f[4]));
    }
    ParetoNbdFit fit = ParetoNbd.fit(b.build());
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    assertEquals(0.5533, fit.r().value(), 5e-4);
    assertEquals(10.5776, fit.alpha().value(), 5e-3);
    assertEquals(0.6061, fit.s().value(), 5e-3);
    assertEquals(11.6650, fit.beta().value(), 5e-2);
    assertEquals(-9594.98, fit.logLikelihood(), 0.05);
  }
}
