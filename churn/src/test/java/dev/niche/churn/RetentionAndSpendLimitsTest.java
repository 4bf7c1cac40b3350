package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

/**
 * BG/BB, BdW, sBG and gamma-gamma at the edges of the double range (issue 18 item 2): finite
 * values equal to the models' closed-form limits.
 */
class RetentionAndSpendLimitsTest {

  @Test
  void bgBbHasItsLimitAsTheTransactionRateVanishes() {
    // Fader, Hardie & Shang 2010: every term of L carries B(α+x, ·)/B(α, β), which is ∝ α as
    // α → 0, so for x = t_x = n = 1 and β = γ = δ = 1:
    //   P(alive) = B(γ, δ+n+1)/B(γ, δ+n) = (δ+n)/(γ+δ+n) = 2/3,
    //   E[transactions in 1] = (α+x)/(α+β+n) · (δ+n)/(γ+δ+n) = 1/3,
    //   ln L = ln(α/(α+β)) + ln(δ/(γ+δ)) = ln α - ln 2.
    BgBb m = BgBb.of(Double.MIN_VALUE, 1, 1, 1);
    assertEquals(2.0 / 3, m.probabilityAlive(1, 1, 1), 1e-12);
    assertEquals(1.0 / 3, m.expectedTransactions(1, 1, 1, 1), 1e-12);
    assertEquals(Math.log(Double.MIN_VALUE) - Math.log(2), m.logLikelihood(1, 1, 1), 1e-12);
  }

  @Test
  void bgBbIsFiniteAndCoherentForEveryDouble() {
    qt().withExamples(200).withShrinkCycles(0)
        .forAll(exponents(), exponents(), exponents(), exponents())
        .checkAssert((la, lb, lg, ld) -> {
          BgBb m = BgBb.of(Math.pow(10, la), Math.pow(10, lb), Math.pow(10, lg), Math.pow(10, ld));
          for (int[] c : new int[][] {{0, 0, 6}, {1, 1, 6}, {3, 5, 6}, {6, 6, 6}}) {
            double p = m.probabilityAlive(c[0], c[1], c[2]);
            assertTrue(p >= 0 && p <= 1 + 1e-12, () -> m + " P(alive) = " + p);
            assertTrue(Double.isFinite(m.logLikelihood(c[0], c[1], c[2])), m::toString);
            double previous = 0;
            for (int future : new int[] {0, 1, 5, 50}) {
              double e = m.expectedTransactions(future, c[0], c[1], c[2]);
              double before = previous;
              assertTrue(e >= before * (1 - 1e-12) && e <= future + 1e-9,
                  () -> m + " E[" + future + "] = " + e + " after " + before);
              previous = e;
            }
          }
        });
  }

  @Test
  void betaDiscreteWeibullFollowsItsPowerLawTail() {
    // S(t) = B(α, β + t^c)/B(α, β); with α = β = c = 1, S(t) = 1/(1+t):
    // P(T = t) = 1/(t(t+1)), r_t = t/(t+1), exact at t = Integer.MAX_VALUE.
    BetaDiscreteWeibull sbg = BetaDiscreteWeibull.of(1, 1, 1);
    double t = Integer.MAX_VALUE;
    assertEquals(1 / (t * (t + 1)), sbg.churnProbability(Integer.MAX_VALUE), 1e-12 / (t * t));
    assertEquals(t / (t + 1), sbg.retentionRate(Integer.MAX_VALUE), 1e-15);
    // t^c beyond the double range (c = 100): S(t) = Γ(α+β)/Γ(β) t^(-αc) (1 + O(1/t^c)), so
    // r_t = ((t-1)/t)^(αc) and S(t-1) underflows.
    BetaDiscreteWeibull steep = BetaDiscreteWeibull.of(1, 1, 100);
    assertEquals(Math.exp(-100 * Math.log1p(1 / (t - 1))), steep.retentionRate(Integer.MAX_VALUE),
        1e-15);
    assertEquals(0.0, steep.churnProbability(Integer.MAX_VALUE));
    // c = 1e308: S(0) = 1, S(1) = β/(α+β), S(t >= 2) = 0 to double precision.
    assertEquals(1 + 0.5 / 1.1, BetaDiscreteWeibull.of(1, 1, 1e308).expectedDiscountedLifetime(0.1),
        1e-15);
    // The discrete-Weibull limit (α, β → ∞) at the end of the int range, also for θ = 0 and 1.
    assertEquals(1.0, BetaDiscreteWeibull.discreteWeibull(0, 100).retentionRate(Integer.MAX_VALUE));
    assertEquals(0.0, BetaDiscreteWeibull.discreteWeibull(1, 2).retentionRate(Integer.MAX_VALUE));
    assertEquals(0.0, BetaDiscreteWeibull.discreteWeibull(0.5, 100)
        .churnProbability(Integer.MAX_VALUE));
  }

  @Test
  void shiftedBetaGeometricWithoutDropoutPaysEveryPeriod() {
    // β = 1e308 ≫ α: S(t) = 1 to double precision, so DEL = DERL = Σ (1+d)^-t = (1+d)/d
    // (Fader & Hardie 2010, eqs. 5-6, with 2F1(1, β; α+β; z) → 1/(1-z)).
    ShiftedBetaGeometric m = ShiftedBetaGeometric.of(1, 1e308);
    assertEquals(11.0, m.expectedDiscountedLifetime(0.1), 1e-12);
    assertEquals(11.0, m.discountedExpectedResidualLifetime(0.1, 1), 1e-12);
  }

  @Test
  void gammaGammaExpectedSpendIsAWeightedMeanWithoutOverflow() {
    // E[M | x, m] = (q-1)/(px+q-1) · pγ/(q-1) + px/(px+q-1) · m (Fader, Hardie & Lee 2005
    // note, eq. 5); at m = 1e308 the weighted mean is below Double.MAX_VALUE.
    GammaGamma g = GammaGamma.of(6.25, 3.74, 15.44);
    double expected = 6.25 * 15.44 / (6.25 * 2 + 2.74) + 6.25 * 2 / (6.25 * 2 + 2.74) * 1e308;
    assertEquals(expected, g.expectedSpend(2, 1e308), 1e-15 * expected);
  }

  /** Decimal exponents of log-uniform parameters in {@code [1e-300, 1e300]}. */
  private static org.quicktheories.core.Gen<Double> exponents() {
    return doubles().between(-300, 300);
  }
}
