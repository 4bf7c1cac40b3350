package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/**
 * The BG/NBD where {@code α + T} or {@code α + t_x} exceeds the double range, against the same
 * customer with {@code α} and all times scaled down by {@code c = 2^1022} (exact in binary), where
 * nothing overflows.
 *
 * <p>The scaling relation (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way",
 * eq. 6: {@code L = B(a,b+x)/B(a,b) Γ(r+x)α^r/(Γ(r)(α+T)^(r+x)) + δ_{x>0} B(a+1,b+x-1)/B(a,b)
 * Γ(r+x)α^r/(Γ(r)(α+t_x)^(r+x))}): replacing {@code (α, t_x, T)} by {@code (cα, c t_x, cT)}
 * multiplies both terms by {@code c^r c^-(r+x) = c^-x}, so the log-likelihood moves by
 * {@code -x ln c}, while {@code P(alive)} (a function of {@code (α+T)/(α+t_x)}) and
 * {@code E[Y(ct)]} (a function of {@code t/(α+T)}, eq. 10) are unchanged. Before the fix
 * {@code (α+T)/(α+t_x)} was taken as 1 where {@code α + t_x} overflowed: e.g. P(alive) = 0.769
 * instead of 0.490 for {@code r = 0.5, α = 3.5·2^1022, a = 0.6, b = 1, x = 2, t_x = 2^1022,
 * T = 3.9·2^1022}.
 */
class BgNbdOverflowTest {

  private static final int K = 1022;

  @Test
  void scalingTimesAndTheRatePastTheDoubleRangeChangesOnlyWhatTheModelSays() {
    double logC = K * Math.log(2);
    qt().withExamples(150).withShrinkCycles(0)
        .forAll(arrays().ofClass(doubles().between(0.05, 5), Double.class).withLength(3),
            doubles().between(0.3, 3.99),
            arrays().ofClass(doubles().between(0, 1), Double.class).withLength(3),
            integers().between(0, 6))
        .checkAssert((shapes, alpha, times, x) -> {
          double age = 2 + 1.99 * times[0];
          double tx = x == 0 ? 0 : age * times[1];
          double horizon = 3.99 * times[2];
          BgNbd small = BgNbd.of(shapes[0], alpha, shapes[1], shapes[2]);
          BgNbd large = BgNbd.of(shapes[0], Math.scalb(alpha, K), shapes[1], shapes[2]);
          double bigAge = Math.scalb(age, K);
          double bigTx = Math.scalb(tx, K);
          String where = small + " x, tx, T = " + x + ", " + tx + ", " + age;
          double expected = small.logLikelihood(x, tx, age) - x * logC;
          assertEquals(expected, large.logLikelihood(x, bigTx, bigAge),
              1e-12 * (1 + Math.abs(expected)), where);
          double p = small.probabilityAlive(x, tx, age);
          assertEquals(p, large.probabilityAlive(x, bigTx, bigAge), 1e-12 * p, where);
          double e = small.expectedPurchases(horizon, x, tx, age);
          assertEquals(e, large.expectedPurchases(Math.scalb(horizon, K), x, bigTx, bigAge),
              1e-11 * e, where);
        });
  }

  @Test
  void theExampleOfTheDefect() {
    BgNbd small = BgNbd.of(0.5, 3.5, 0.6, 1);
    BgNbd large = BgNbd.of(0.5, Math.scalb(3.5, K), 0.6, 1);
    // P(alive) = 1/(1 + a/(b+x-1) ((α+T)/(α+t_x))^(r+x)) (eq. 13): 1/(1 + 0.3 (7.4/4.5)^2.5).
    double p = 1 / (1 + 0.3 * Math.pow(7.4 / 4.5, 2.5));
    assertEquals(p, small.probabilityAlive(2, 1, 3.9), 1e-15);
    assertEquals(p, large.probabilityAlive(2, Math.scalb(1.0, K), Math.scalb(3.9, K)), 1e-15);
  }
}
