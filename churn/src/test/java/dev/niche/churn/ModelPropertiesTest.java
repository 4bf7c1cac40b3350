package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/** Properties every retention model must keep, for any parameters. */
class ModelPropertiesTest {

  @Test
  void sbgSurvivalNeverRisesAndRetentionRises() {
    qt().forAll(doubles().between(1e-3, 1e6), doubles().between(1e-3, 1e6),
            integers().between(1, 200))
        .checkAssert((alpha, beta, horizon) -> {
          ShiftedBetaGeometric m = ShiftedBetaGeometric.of(alpha, beta);
          double previous = 1.0;
          double previousRetention = 0.0;
          double churned = 0.0;
          for (int t = 1; t <= horizon; t++) {
            double s = m.survival(t);
            assertTrue(s >= 0 && s <= previous, "S(" + t + ") = " + s);
            double r = m.retentionRate(t);
            assertTrue(r >= 0 && r <= 1 && r >= previousRetention - 1e-15);
            churned += m.churnProbability(t);
            previous = s;
            previousRetention = r;
          }
          assertEquals(1.0, churned + previous, 1e-9);
        });
  }

  @Test
  void bdwSurvivalNeverRisesAndStaysInTheUnitInterval() {
    qt().forAll(doubles().between(1e-2, 1e4), doubles().between(1e-2, 1e4),
            doubles().between(0.1, 4.0))
        .checkAssert((alpha, beta, c) -> {
          BetaDiscreteWeibull m = BetaDiscreteWeibull.of(alpha, beta, c);
          double previous = 1.0;
          for (int t = 1; t <= 40; t++) {
            double s = m.survival(t);
            assertTrue(s >= 0 && s <= previous + 1e-15, "S(" + t + ") = " + s);
            double r = m.retentionRate(t);
            assertTrue(r >= 0 && r <= 1 + 1e-15);
            previous = s;
          }
        });
  }
}
