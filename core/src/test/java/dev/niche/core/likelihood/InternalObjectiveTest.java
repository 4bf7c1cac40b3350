package dev.niche.core.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The objective seen by the optimisers: counts, the best point, and non-finite values. */
class InternalObjectiveTest {

  private static final List<Parameter> XY = List.of(Parameter.free("x"), Parameter.free("y"));
  private static final double[] LIMITS = {1e8, 1e8};

  /** -(x² + y²), undefined (NaN) for x > 5, with its gradient. */
  private static final DifferentiableLogLikelihood BOWL = new DifferentiableLogLikelihood() {
    @Override
    public double value(double[] p) {
      return p[0] > 5 ? Double.NaN : -(p[0] * p[0] + p[1] * p[1]);
    }

    @Override
    public double valueAndGradient(double[] p, double[] g) {
      g[0] = -2 * p[0];
      g[1] = -2 * p[1];
      return value(p);
    }
  };

  @Test
  void nonFiniteValuesBecomeAMillionTimesWorseThanTheWorstFiniteOne() {
    InternalObjective o = new InternalObjective(BOWL, XY, LIMITS);
    // Before any finite value the worst is 0: the replacement is -1e6.
    assertEquals(-1e6, o.value(new double[] {6, 0}), 0.0);
    assertEquals(-4, o.value(new double[] {2, 0}), 0.0);
    // worst - 1e6 (1 + |worst|) = -4 - 5e6.
    assertEquals(-4 - 5e6, o.value(new double[] {7, 1}), 0.0);
    assertEquals(-1, o.value(new double[] {1, 0}), 0.0);
    assertEquals(-4 - 5e6, o.value(new double[] {8, 1}), 0.0, "the worst finite value is kept");
    assertEquals(5, o.evaluations);
  }

  @Test
  void theBestFinitePointIsKeptUntilReset() {
    InternalObjective o = new InternalObjective(BOWL, XY, LIMITS);
    o.resetBest();
    assertNull(o.bestPoint);
    o.value(new double[] {3, 0});
    o.value(new double[] {1, 1});
    o.value(new double[] {2, 2});
    o.value(new double[] {9, 0});
    assertArrayEquals(new double[] {1, 1}, o.bestPoint, 0.0);
    assertEquals(-2, o.bestValue, 0.0);
    o.resetBest();
    assertNull(o.bestPoint);
    assertEquals(Double.NEGATIVE_INFINITY, o.bestValue);
  }

  @Test
  void theGradientIsNaNWhereTheValueIsNotFinite() {
    InternalObjective o = new InternalObjective(BOWL, XY, LIMITS);
    double[] g = new double[2];
    assertEquals(-25, o.valueAndGradient(new double[] {3, 4}, g), 0.0);
    assertArrayEquals(new double[] {-6, -8}, g, 0.0);
    double v = o.valueAndGradient(new double[] {6, 0}, g);
    assertEquals(-25 - 26e6, v, 0.0);
    assertTrue(Double.isNaN(g[0]) && Double.isNaN(g[1]));
    assertEquals(2, o.evaluations);
  }

  @Test
  void theGradientIsMappedByTheChainRule() {
    // sigma = e^z: dl/dz = dl/dsigma * sigma. With l = -sigma², dl/dz = -2 sigma².
    DifferentiableLogLikelihood l = new DifferentiableLogLikelihood() {
      @Override
      public double value(double[] p) {
        return -p[0] * p[0];
      }

      @Override
      public double valueAndGradient(double[] p, double[] g) {
        g[0] = -2 * p[0];
        return value(p);
      }
    };
    InternalObjective o = new InternalObjective(l, List.of(Parameter.positive("sigma")),
        new double[] {20});
    double[] g = new double[1];
    assertEquals(-4, o.valueAndGradient(new double[] {Math.log(2)}, g), 1e-14);
    assertEquals(-8, g[0], 1e-14);
  }
}
