package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CDNOW sample (2,357 customers, 39-week calibration; ../shared/data/cdnow/SOURCE.txt), the data
 * set of Fader, Hardie &amp; Lee (2005a, "Counting your customers the easy way", Marketing Science
 * 24(2)) and (2005b, "RFM and CLV", JMR 42(4)). Runs only where the data folder exists.
 */
class CdnowCustomerValueTest {

  private static final Path DIR =
      Path.of(System.getProperty("niche.shared.dir", "../../shared"), "data", "cdnow");

  private static double[] x;
  private static double[] tx;
  private static double[] age;
  private static double[] zbar;

  @BeforeAll
  static void load() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(DIR), "CDNOW data not available");
    List<String> lines =
        Files.readAllLines(DIR.resolve("cdnow_customers_summary_with_transactions.csv"));
    int n = lines.size() - 1;
    x = new double[n];
    tx = new double[n];
    age = new double[n];
    zbar = new double[n];
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(i + 1).split(",");
      x[i] = Double.parseDouble(f[1]);
      tx[i] = Double.parseDouble(f[2]);
      age[i] = Double.parseDouble(f[3]);
      zbar[i] = Double.parseDouble(f[4]);
    }
  }

  @Test
  void bgNbdReproducesThePublishedEstimates() {
    // FHL 2005a, section 5: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4.
    BgNbdFit fit = BgNbd.fit(x, tx, age);
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    assertFalse(fit.diagnostics().onBoundary());
    assertEquals(0.243, fit.r().value(), 5e-4);
    assertEquals(4.414, fit.alpha().value(), 5e-3);
    assertEquals(0.793, fit.a().value(), 5e-3);
    assertEquals(2.426, fit.b().value(), 5e-3);
    assertEquals(-9582.4, fit.logLikelihood(), 0.05);
  }
}
