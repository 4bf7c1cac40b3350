package dev.niche.churn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.core.likelihood.DifferentiableLogLikelihood;
import dev.niche.core.likelihood.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubsampleStartTest {

  private static final String STARTED =
      "; started from the maximum on a systematic subsample of ";

  /**
   * A model with a closed-form maximum: purchases as a Poisson process of rate λ over each age T,
   * {@code ℓ(λ) = Σ w (x ln λ - λ T)}, maximal at {@code λ = Σ w x / Σ w T}. It records the total
   * weight of every set of rows it is asked to fit, which shows the stages taken.
   */
  private static final class PoissonModel implements SubsampleStart.Model {
    final List<Long> fitted = new ArrayList<>();

    @Override
    public DifferentiableLogLikelihood likelihood(
        int[] x, double[] tx, double[] age, double[] weight) {
      double total = 0;
      double sx = 0;
      double st = 0;
      for (int i = 0; i < x.length; i++) {
        total += weight[i];
        sx += weight[i] * x[i];
        st += weight[i] * age[i];
      }
      fitted.add(Math.round(total));
      double sumX = sx;
      double sumT = st;
      return new DifferentiableLogLikelihood() {
        @Override
        public double value(double[] p) {
          return sumX * Math.log(p[0]) - p[0] * sumT;
        }

        @Override
        public double valueAndGradient(double[] p, double[] gradient) {
          gradient[0] = sumX / p[0] - sumT;
          return value(p);
        }
      };
    }
  }

  private static final Parameter[] RATE = {Parameter.positive("rate")};

  /** {@code n} distinct rows (x = i mod 3, T = 10 + i/1000), weight {@code w} each. */
  private static double[][] rows(int n, double w) {
    double[][] r = new double[4][n];
    for (int i = 0; i < n; i++) {
      r[0][i] = i % 3;
      r[1][i] = i % 3 == 0 ? 0 : 5;
      r[2][i] = 10 + i / 1000.0;
      r[3][i] = w;
    }
    return r;
  }

  private static DistinctCustomers customers(double[][] r) {
    int[] x = new int[r[0].length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (int) r[0][i];
    }
    return DistinctCustomers.of(x, r[1], r[2], r[3]);
  }

  private static double rate(DistinctCustomers d) {
    return d.meanFrequency() / d.meanAge();
  }

  @Test
  void systematicSubsampleTakesEveryOtherCustomer() {
    DistinctCustomers d = DistinctCustomers.of(new int[] {1, 2, 3, 4}, new double[] {1, 1, 1, 1},
        new double[] {5, 6, 7, 8}, new double[] {1, 1, 1, 1});
    // f C_i + 1/2 = 1, 1.5, 2, 2.5: rows 0 and 2 get one customer each.
    DistinctCustomers s = SubsampleStart.systematic(d, 0.5);
    assertArrayEquals(new int[] {1, 3}, s.x);
    assertArrayEquals(new double[] {5, 7}, s.age);
    assertArrayEquals(new double[] {1, 1}, s.weight);
  }

  @Test
  void systematicSubsampleFollowsCumulativeWeights() {
    DistinctCustomers d = DistinctCustomers.of(new int[] {1, 2, 3}, new double[] {1, 1, 1},
        new double[] {5, 6, 7}, new double[] {3, 1, 2});
    // C = 3, 4, 6; floor(C/2 + 1/2) = 2, 2, 3: row 0 gets 2 customers, row 2 one.
    DistinctCustomers s = SubsampleStart.systematic(d, 0.5);
    assertArrayEquals(new int[] {1, 3}, s.x);
    assertArrayEquals(new double[] {1, 1}, s.tx);
    assertArrayEquals(new double[] {5, 7}, s.age);
    assertArrayEquals(new double[] {2, 1}, s.weight);
  }

  @Test
  void usableCovarianceNeedsPositiveDiagonalAndFiniteEntries() {
    assertTrue(SubsampleStart.usable(new double[][] {{1, 0.5}, {0.5, 2}}));
    assertTrue(SubsampleStart.usable(new double[][] {{1e-300}}));
    assertFalse(SubsampleStart.usable(new double[][] {{1, 0}, {0, 0}}));
    assertFalse(SubsampleStart.usable(new double[][] {{-1, 0}, {0, 1}}));
    assertFalse(SubsampleStart.usable(new double[][] {{Double.NaN, 0}, {0, 1}}));
    assertFalse(SubsampleStart.usable(new double[][] {{1, Double.POSITIVE_INFINITY}, {0, 1}}));
    assertFalse(SubsampleStart.usable(new double[][] {{1, 0}, {Double.NaN, 1}}));
    assertFalse(SubsampleStart.usable(new double[][] {{1, 0}, {0, Double.POSITIVE_INFINITY}}));
  }

  @Test
  void largeDataIsFittedInThreeStagesToTheFullMaximum() {
    // 20 001 distinct rows (> 40 000 / 2) of 80 004 customers (> 2 * 40 000): a subsample of
    // 40 000 customers, itself started from one of 4 000 (its 20 001 rows exceed 2 000).
    DistinctCustomers d = customers(rows(20_001, 4));
    PoissonModel model = new PoissonModel();
    SubsampleStart.Outcome o = SubsampleStart.maximize(d, model, RATE, new double[] {1});
    assertEquals(List.of(4_000L, 40_000L, 80_004L), model.fitted);
    assertTrue(o.diagnostics().converged(), o.diagnostics().toString());
    String message = o.diagnostics().message();
    assertEquals(STARTED + "4000 customers and 40000 customers",
        message.substring(message.indexOf(STARTED)), message);
    assertEquals(rate(d), o.fit().value(0), 1e-6 * rate(d));
  }

  @Test
  void noSubsampleAtTwentyThousandRows() {
    // 20 000 distinct rows is not more than 40 000 / 2, however many customers they stand for.
    DistinctCustomers d = customers(rows(20_000, 5));
    PoissonModel model = new PoissonModel();
    SubsampleStart.Outcome o = SubsampleStart.maximize(d, model, RATE, new double[] {1});
    assertEquals(List.of(100_000L), model.fitted);
    assertFalse(o.diagnostics().message().contains(STARTED), o.diagnostics().message());
    assertEquals(rate(d), o.fit().value(0), 1e-6 * rate(d));
  }

  @Test
  void noSubsampleAtEightyThousandCustomers() {
    // 20 001 rows but exactly 2 * 40 000 customers: two rows of weight 2, the rest of weight 4.
    double[][] r = rows(20_001, 4);
    r[3][0] = 2;
    r[3][1] = 2;
    DistinctCustomers d = customers(r);
    assertEquals(80_000, d.totalWeight());
    PoissonModel model = new PoissonModel();
    SubsampleStart.Outcome o = SubsampleStart.maximize(d, model, RATE, new double[] {1});
    assertEquals(List.of(80_000L), model.fitted);
    assertFalse(o.diagnostics().message().contains(STARTED), o.diagnostics().message());
    assertEquals(rate(d), o.fit().value(0), 1e-6 * rate(d));
  }

  @Test
  void subsampleWithoutRepeatPurchasesIsNotFitted() {
    // One customer with x = 1 first, weight 1, then 20 001 rows with x = 0 of weight 4: the
    // fraction 40 000 / 80 005 < 1/2 skips the first row, so the subsample has no repeat purchase
    // and the full data are fitted from the default start.
    double[][] r = rows(20_002, 4);
    for (int i = 0; i < r[0].length; i++) {
      r[0][i] = 0;
      r[1][i] = 0;
    }
    r[0][0] = 1;
    r[1][0] = 5;
    r[3][0] = 1;
    DistinctCustomers d = customers(r);
    assertEquals(0, SubsampleStart.systematic(d, 40_000 / d.totalWeight()).meanFrequency());
    PoissonModel model = new PoissonModel();
    SubsampleStart.Outcome o = SubsampleStart.maximize(d, model, RATE, new double[] {1});
    assertEquals(List.of(80_005L), model.fitted);
    assertEquals(rate(d), o.fit().value(0), 1e-6 * rate(d));
  }
}
