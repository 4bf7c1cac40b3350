package dev.niche.core.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chain rule from a {@link TwiceDifferentiableLogLikelihood}'s Hessian to internal
 * coordinates ({@link InternalObjective#valueGradientAndHessian}), the parameters' second
 * derivatives ({@link Parameter#secondDerivative}) and the fallback to differences of the gradient
 * where the likelihood's Hessian or gradient is not finite; values worked by hand.
 */
class InternalHessianTest {

  /**
   * {@code ℓ(a, b) = ab - b²/2 - a²}: gradient {@code (b - 2a, a - b)}, Hessian
   * {@code [[-2, 1], [1, -1]]}; entry {@code [1][1]} replaced by {@code badHessian} and the
   * gradient's second entry by {@code badGradient} when those are not null.
   */
  private static TwiceDifferentiableLogLikelihood quadratic(Double badHessian,
      Double badGradient) {
    return new TwiceDifferentiableLogLikelihood() {
      @Override
      public double value(double[] p) {
        return p[0] * p[1] - p[1] * p[1] / 2 - p[0] * p[0];
      }

      @Override
      public double valueAndGradient(double[] p, double[] g) {
        g[0] = p[1] - 2 * p[0];
        g[1] = p[0] - p[1];
        return value(p);
      }

      @Override
      public double valueGradientAndHessian(double[] p, double[] g, double[][] h) {
        double v = valueAndGradient(p, g);
        if (badGradient != null) {
          g[1] = badGradient;
        }
        h[0][0] = -2;
        h[0][1] = 1;
        h[1][0] = 1;
        h[1][1] = badHessian == null ? -1 : badHessian;
        return v;
      }
    };
  }

  private static final List<Parameter> FREE_POSITIVE =
      List.of(Parameter.free("a"), Parameter.positive("b"));
  private static final double[] LIMITS = {20, 20};

  @Test
  void secondDerivativesOfEachKindOfParameter() {
    double ln2 = Math.log(2);
    double ln3 = Math.log(3);
    assertEquals(0, Parameter.free("a").secondDerivative(1.7), 0);
    assertEquals(2, Parameter.positive("b").secondDerivative(ln2), 1e-15);
    assertEquals(2, Parameter.atLeast("c", 1).secondDerivative(ln2), 1e-15);
    // logistic(ln 3) = 3/4: p (1 - p) (1 - 2p) = 3/4 · 1/4 · (-1/2) = -3/32.
    assertEquals(-3.0 / 32, Parameter.unitInterval("p").secondDerivative(ln3), 1e-16);
    assertEquals(3.0 / 32, Parameter.unitInterval("p").secondDerivative(-ln3), 1e-16);
    // On (2, 5) the same times the width 3.
    assertEquals(-9.0 / 32, Parameter.bounded("q", 2, 5).secondDerivative(ln3), 1e-15);
    assertEquals(0, Parameter.bounded("q", 2, 5).secondDerivative(0), 0);
  }

  @Test
  void secondDerivativesAreDifferencesOfTheFirst() {
    Parameter[] kinds = {Parameter.free("a"), Parameter.positive("b"), Parameter.atLeast("c", -3),
        Parameter.unitInterval("p"), Parameter.bounded("q", -1, 7)};
    qt().withExamples(200).forAll(doubles().between(-6, 6)).checkAssert(z -> {
      for (Parameter kind : kinds) {
        double h = 1e-4;
        double numerical = (kind.derivative(z + h) - kind.derivative(z - h)) / (2 * h);
        double scale = Math.max(1, Math.abs(kind.derivative(z)));
        assertEquals(numerical, kind.secondDerivative(z), 1e-7 * scale, kind + " at " + z);
      }
    });
  }

  @Test
  void theChainRuleInInternalCoordinates() {
    // At z = (1, ln 2): a = 1, b = 2, natural gradient (0, -1), θ' = (1, 2), θ'' = (0, 2).
    // Internal gradient (0, -2); Hessian [[-2, 1·1·2], [2, -1·2·2 + (-1)·2]] = [[-2, 2], [2, -6]].
    InternalObjective o = new InternalObjective(quadratic(null, null), FREE_POSITIVE, LIMITS);
    o.resetBest();
    double[] z = {1, Math.log(2)};
    double[] g = new double[2];
    double[][] h = new double[2][2];
    assertEquals(-1, o.valueGradientAndHessian(z, g, h), 1e-15);
    assertArrayEquals(new double[] {0, -2}, g, 1e-15);
    assertArrayEquals(new double[] {-2, 2}, h[0], 1e-15);
    assertArrayEquals(new double[] {2, -6}, h[1], 1e-14);
    assertEquals(1, o.evaluations);
    assertArrayEquals(z, o.bestPoint, 0);
    assertEquals(-1, o.bestValue, 1e-15);
    // A coordinate beyond its limit is evaluated at the limit: b = e^1 with limit 1.
    InternalObjective narrow = new InternalObjective(quadratic(null, null), FREE_POSITIVE,
        new double[] {20, 1});
    narrow.valueGradientAndHessian(new double[] {0, 3}, g, h);
    double e = Math.E;
    assertArrayEquals(new double[] {e, -e * e}, g, 1e-14);
    assertEquals(-e * e - e * e, h[1][1], 1e-13);
  }

  @Test
  void aNonFiniteHessianIsReplacedByDifferencesOfTheGradient() {
    InternalObjective o = new InternalObjective(quadratic(Double.NaN, null), FREE_POSITIVE,
        LIMITS);
    o.resetBest();
    double[] z = {1, Math.log(2)};
    double[] g = new double[2];
    double[][] h = new double[2][2];
    assertEquals(-1, o.valueGradientAndHessian(z, g, h), 1e-15);
    assertArrayEquals(new double[] {0, -2}, g, 1e-15);
    assertArrayEquals(new double[] {-2, 2}, h[0], 1e-6);
    assertArrayEquals(new double[] {2, -6}, h[1], 1e-6);
    // One evaluation for the point and more for the differences, none for the refused Hessian.
    assertTrue(o.evaluations > 1 && o.evaluations <= 1 + 2 * 2, "" + o.evaluations);
    // The point is recorded (the differences may record a higher one nearby).
    assertTrue(o.bestValue >= -1, "" + o.bestValue);
  }

  @Test
  void aNonFiniteGradientOrValueFallsBackToTheGradientPath() {
    double[] z = {1, Math.log(2)};
    double[] g = new double[2];
    double[][] h = new double[2][2];
    InternalObjective infinite = new InternalObjective(
        quadratic(null, Double.POSITIVE_INFINITY), FREE_POSITIVE, LIMITS);
    infinite.valueGradientAndHessian(z, g, h);
    // The gradient comes from valueAndGradient, which is finite here.
    assertArrayEquals(new double[] {0, -2}, g, 1e-15);
    assertEquals(-6, h[1][1], 1e-6);
    TwiceDifferentiableLogLikelihood undefined = new TwiceDifferentiableLogLikelihood() {
      @Override
      public double value(double[] p) {
        return Double.NaN;
      }

      @Override
      public double valueAndGradient(double[] p, double[] gradient) {
        gradient[0] = Double.NaN;
        gradient[1] = Double.NaN;
        return Double.NaN;
      }

      @Override
      public double valueGradientAndHessian(double[] p, double[] gradient, double[][] hessian) {
        return valueAndGradient(p, gradient);
      }
    };
    InternalObjective o = new InternalObjective(undefined, FREE_POSITIVE, LIMITS);
    o.resetBest();
    double v = o.valueGradientAndHessian(z, g, h);
    // The value the gradient path gives where the likelihood is undefined, and no best point.
    assertEquals(new InternalObjective(undefined, FREE_POSITIVE, LIMITS).valueAndGradient(z,
        new double[2]), v, 0);
    assertFalse(Double.isNaN(v));
    assertEquals(null, o.bestPoint);
  }
}
