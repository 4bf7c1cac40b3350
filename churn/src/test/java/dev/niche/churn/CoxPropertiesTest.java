package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Invariants of the Cox fit on generated data (QuickTheories). */
class CoxPropertiesTest {

  /** Random churn data: tied integer times, entries, two covariates and optional weights. */
  private static SurvivalData generate(int seed, int[] order, double scale, boolean weights) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = order.length;
    double[] t = new double[n];
    double[] entry = new double[n];
    boolean[] e = new boolean[n];
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double a = rnd.nextGaussian();
      double b = rnd.nextInt(2);
      double life = -Math.log(rnd.nextDouble()) / (0.1 * Math.exp(0.5 * a - 0.4 * b));
      double cens = 1 + rnd.nextDouble() * 20;
      double en = Math.floor(rnd.nextDouble() * 3);
      int o = order[i];
      t[o] = en + Math.ceil(Math.min(life, cens));
      entry[o] = en;
      e[o] = life < cens;
      x1[o] = a * scale;
      x2[o] = b;
      w[o] = 0.5 + rnd.nextInt(4) / 2.0;
    }
    SurvivalData.Builder builder = SurvivalData.builder().durations(t).events(e).entries(entry)
        .covariate("x1", x1).covariate("x2", x2);
    if (weights) {
      builder.weights(w);
    }
    return builder.build();
  }

  private static int[] permutation(int n, long seed) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }

  private static int[] identity(int n) {
    return java.util.stream.IntStream.range(0, n).toArray();
  }

  @Test
  void coefficientsDoNotDependOnRowOrder() {
    qt().withExamples(40).forAll(integers().between(1, 100000), integers().between(30, 150))
        .checkAssert((seed, n) -> {
          for (Ties ties : Ties.values()) {
            CoxFit a = CoxProportionalHazards.fit(generate(seed, identity(n), 1, true), ties);
            CoxFit b = CoxProportionalHazards.fit(
                generate(seed, permutation(n, seed + 1L), 1, true), ties);
            if (!a.diagnostics().ok()) {
              continue;
            }
            for (String term : a.terms()) {
              assertEquals(a.coefficient(term).value(), b.coefficient(term).value(),
                  1e-9 * (1 + Math.abs(a.coefficient(term).value())));
              assertEquals(a.coefficient(term).standardError(),
                  b.coefficient(term).standardError(), 1e-9);
            }
            assertEquals(a.logLikelihood(), b.logLikelihood(), 1e-9 * Math.abs(a.logLikelihood()));
            assertEquals(a.concordance().value(), b.concordance().value(), 1e-12);
          }
        });
  }

  @Test
  void scalingACovariateScalesItsCoefficientInversely() {
    qt().withExamples(40).forAll(integers().between(1, 100000), doubles().between(1e-3, 1e3))
        .checkAssert((seed, c) -> {
          int n = 80;
          CoxFit a = CoxProportionalHazards.fit(generate(seed, identity(n), 1, false), Ties.EFRON);
          CoxFit b = CoxProportionalHazards.fit(generate(seed, identity(n), c, false), Ties.EFRON);
          if (!a.diagnostics().ok()) {
            return;
          }
          double ba = a.coefficient("x1").value();
          assertEquals(ba, b.coefficient("x1").value() * c, 1e-7 * (1e-3 + Math.abs(ba)));
          assertEquals(a.coefficient("x1").standardError(),
              b.coefficient("x1").standardError() * c, 1e-7);
          assertEquals(a.coefficient("x2").value(), b.coefficient("x2").value(), 1e-7);
          assertEquals(a.logLikelihood(), b.logLikelihood(), 1e-8 * Math.abs(a.logLikelihood()));
        });
  }

  @Test
  void predictedSurvivalNeverRisesAndStaysInTheUnitInterval() {
    qt().withExamples(40).forAll(integers().between(1, 100000), doubles().between(-3, 3),
            integers().between(0, 1))
        .checkAssert((seed, x1, x2) -> {
          CoxFit fit = CoxProportionalHazards.fit(generate(seed, identity(60), 1, true),
              Ties.EFRON);
          double previous = 1;
          for (double t = 0; t <= 30; t += 0.25) {
            double s = fit.survival(new double[] {x1, x2}, t);
            assertTrue(s >= 0 && s <= previous, "S(" + t + ") = " + s);
            previous = s;
          }
        });
  }
}
