package dev.niche.ecology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Gause (1934, Science 79:16, figs. 2-3): Paramecium caudatum and P. aurelia grown together
 * (treatment "Mixture", days 2..24, 23 days x 2 species = 46 observations). The data come from
 * the R package gauseR (Muehlbauer et al. 2020, Ecology and Evolution 10:13275), object
 * {@code gause_1934_science_f02_03}; they are GPL-3 and read from the shared folder only (never
 * copied here). gauseR's vignette fits the two-species Lotka-Volterra model (r1, r2, a11, a12,
 * a21, a22 and the two initial states: 8 parameters) to the mixture with {@code nls} and reports
 * "Residual standard error: 10.1 on 38 degrees of freedom" (46 - 8 = 38). Our trajectory least
 * squares must do at least as well.
 */
class GauseFitTest {

  private static final Path DIR =
      Path.of(System.getProperty("niche.shared.dir", "../../shared"), "data", "gause");

  static ObservedSeries mixture() throws IOException {
    List<double[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve("gause_1934_science_f02_03.csv"),
        StandardCharsets.UTF_8)) {
      String[] f = line.split(",");
      if (f.length == 8 && f[7].equals("\"Mixture\"")) {
        rows.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[4]),
            Double.parseDouble(f[6])});
      }
    }
    double[] t = new double[rows.size()];
    double[][] n = new double[rows.size()][];
    for (int k = 0; k < t.length; k++) {
      t[k] = rows.get(k)[0];
      n[k] = new double[] {rows.get(k)[1], rows.get(k)[2]};
    }
    return new ObservedSeries(t, n);
  }

  @Test
  void mixedCultureFitIsAtLeastAsGoodAsGauseRsNls() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(DIR), "shared Gause data not present");
    ObservedSeries data = mixture();
    assertEquals(23, data.size());
    LotkaVolterraFit fit = LotkaVolterraFitter.builder().build().fit(data);
    assertEquals(46, fit.observations());
    assertEquals(38, fit.degreesOfFreedom());
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    // gauseR nls: 10.1 on 38 df (printed to 3 significant digits, so <= 10.15)
    assertTrue(fit.residualStandardError() <= 10.15, "RSE " + fit.residualStandardError());
    // The mixture alone pins down the joint dynamics, not the capacities: the fitted model puts
    // P. aurelia far ahead at the long-run state (Gause saw P. caudatum displaced); we check that
    // the long-run state of the fitted model has aurelia at least four times caudatum.
    CompetitionModel m = CompetitionModel.fromLotkaVolterra(fit.model());
    double[] longRun = m.simulate(fit.fitted(0)[22], 200.0).finalState();
    assertTrue(longRun[1] > 4 * longRun[0], m.toString());
    for (int k = 0; k < fit.parameters().length; k++) {
      assertTrue(fit.covariance()[k][k] > 0);
    }
  }
}
