package dev.niche.churn;

import static dev.niche.churn.BgNbdTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.niche.churn.internal.BgNbdSimulation;
import dev.niche.core.Estimate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BgBbTest {

  private static final BgBb DONATIONS = BgBb.of(1.204, 0.750, 0.657, 2.783);

  @Test
  void oneOpportunityByHand() {
    // n = 1, x = 0: alive and no transaction, or dead at the first opportunity:
    // L = β/(α+β) · δ/(γ+δ) + γ/(γ+δ).
    double a = 1.204;
    double b = 0.750;
    double g = 0.657;
    double d = 2.783;
    double l = b / (a + b) * d / (g + d) + g / (g + d);
    assertEquals(Math.log(l), DONATIONS.logLikelihood(0, 0, 1), 1e-14);
    // x = 1, t_x = 1: alive and transacted: α/(α+β) · δ/(γ+δ).
    assertEquals(Math.log(a / (a + b) * d / (g + d)), DONATIONS.logLikelihood(1, 1, 1), 1e-14);
    // P(alive at 2 | x = 1, t_x = 1, n = 1) = (1-θ)² posterior / (1-θ) posterior = (δ+1)/(γ+δ+1).
    assertEquals((d + 1) / (g + d + 1), DONATIONS.probabilityAlive(1, 1, 1), 1e-14);
    // New customer, one opportunity: E[X(1)] = α/(α+β) · δ/(γ+δ).
    assertEquals(a / (a + b) * d / (g + d), DONATIONS.expectedTransactionsNewCustomer(1), 1e-14);
  }

  @Test
  void recoversSimulatedParametersAndNewCustomerExpectation() {
    double alpha = 1.2;
    double beta = 0.75;
    double gamma = 0.66;
    double delta = 2.8;
    int n = 8;
    Map<String, double[]> table = new HashMap<>();
    SplittableRandom random = new SplittableRandom(20100601L);
    double transactions = 0;
    int customers = 40_000;
    for (int c = 0; c < customers; c++) {
      double ga = BgNbdSimulation.gamma(random, alpha);
      double p = ga / (ga + BgNbdSimulation.gamma(random, beta));
      double gg = BgNbdSimulation.gamma(random, gamma);
      double theta = gg / (gg + BgNbdSimulation.gamma(random, delta));
      int x = 0;
      int tx = 0;
      for (int t = 1; t <= n; t++) {
        if (random.nextDouble() < theta) {
          break;
        }
        if (random.nextDouble() < p) {
          x++;
          tx = t;
        }
      }
      transactions += x;
      table.computeIfAbsent(x + "," + tx, k -> new double[1])[0]++;
    }
    int rows = table.size();
    double[] xs = new double[rows];
    double[] txs = new double[rows];
    double[] ns = new double[rows];
    double[] w = new double[rows];
    int i = 0;
    for (Map.Entry<String, double[]> e : table.entrySet()) {
      String[] f = e.getKey().split(",");
      xs[i] = Integer.parseInt(f[0]);
      txs[i] = Integer.parseInt(f[1]);
      ns[i] = n;
      w[i] = e.getValue()[0];
      i++;
    }
    BgBbFit fit = BgBb.fit(xs, txs, ns, w);
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    assertFalse(fit.diagnostics().onBoundary());
    within(alpha, fit.alpha());
    within(beta, fit.beta());
    within(gamma, fit.gamma());
    within(delta, fit.delta());
    // Mean transactions in n opportunities vs E[X(n)] at the true parameters.
    double expected = BgBb.of(alpha, beta, gamma, delta).expectedTransactionsNewCustomer(n);
    assertEquals(expected, transactions / customers, 0.03 * expected);
  }

  private static void within(double truth, Estimate e) {
    assertTrue(e.standardError() > 0, "standard error " + e);
    assertEquals(truth, e.value(), 4 * e.standardError(), "estimate " + e + " vs truth " + truth);
  }

  @Test
  void probabilitiesAndExpectationsBehave() {
    qt().forAll(integers().between(0, 20), integers().between(0, 20), integers().between(0, 20),
            integers().between(0, 10))
        .checkAssert((x, extra, more, future) -> {
          int tx = x == 0 ? 0 : x + extra;
          int n = tx + more;
          double p = DONATIONS.probabilityAlive(x, tx, n);
          assertTrue(p >= 0 && p <= 1, "P(alive) = " + p);
          double e = DONATIONS.expectedTransactions(future, x, tx, n);
          assertTrue(e >= 0 && e <= future);
          assertTrue(DONATIONS.expectedTransactions(future + 1, x, tx, n) >= e);
        });
  }

  @Test
  void badInputIsRejected() {
    assertMessage("x[0] = 2 must be <= tx[0] = 1",
        () -> BgBb.fit(new double[] {2}, new double[] {1}, new double[] {6}));
    assertMessage("tx[0] = 7 must be <= n[0] = 6",
        () -> BgBb.fit(new double[] {2}, new double[] {7}, new double[] {6}));
    assertMessage("tx[1] = 3 must be 0 when x[1] = 0",
        () -> BgBb.fit(new double[] {1, 0}, new double[] {1, 3}, new double[] {6, 6}));
    assertMessage("x[0] = 1.5", () -> BgBb.fit(new double[] {1.5}, new double[] {2},
        new double[] {6}));
    assertMessage("n[0] = NaN", () -> BgBb.fit(new double[] {1}, new double[] {2},
        new double[] {Double.NaN}));
    assertMessage("weights must not all be 0", () -> BgBb.fit(new double[] {1},
        new double[] {2}, new double[] {6}, new double[] {0}));
    assertMessage("future = -1", () -> DONATIONS.expectedTransactions(-1, 1, 1, 1));
  }

  @Test
  void donationsReproduceThePublishedEstimates() throws IOException {
    // Fader, Hardie & Shang (2010), Marketing Science 29(6): 11,104 donors of the 1995 cohort,
    // n = 6 yearly opportunities; alpha = 1.204, beta = 0.750, gamma = 0.657, delta = 2.783,
    // LL = -33,225.6. Data: ../shared/data/cdnow/donations.csv (see SOURCE.txt).
    Path file = CdnowSample.DIR.resolve("donations.csv");
    Assumptions.assumeTrue(Files.isRegularFile(file), "donations data not available");
    List<String> lines = Files.readAllLines(file);
    int rows = lines.size() - 1;
    double[][] c = new double[4][rows];
    for (int i = 0; i < rows; i++) {
      String[] f = lines.get(i + 1).split(",");
      for (int k = 0; k < 4; k++) {
        c[k][i] = Double.parseDouble(f[k]);
      }
    }
    BgBbFit fit = BgBb.fit(c[0], c[1], c[2], c[3]);
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    assertEquals(1.204, fit.alpha().value(), 5e-4);
    assertEquals(0.750, fit.beta().value(), 5e-4);
    assertEquals(0.657, fit.gamma().value(), 5e-4);
    assertEquals(2.783, fit.delta().value(), 5e-4);
    assertEquals(-33225.6, fit.logLikelihood(), 0.05);
  }
}
