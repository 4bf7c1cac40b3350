package dev.niche.core.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The inverse Hessian a warm start's covariance implies in internal coordinates. */
class WarmStartTest {

  @Test
  void theCovarianceIsMappedByTheInverseJacobianOnBothSides() {
    // mu free (dθ/dz = 1), sigma = e^z at z = ln 2 (dθ/dz = 2): J⁻¹ Σ J⁻¹ divides the sigma row
    // and column by 2 each.
    double[][] covariance = {{0.04, 0.02}, {0.02, 0.08}};
    WarmStart warm = WarmStart.of(covariance);
    covariance[0][0] = 99;
    double[][] inverse = warm.internalInverse(
        List.of(Parameter.free("mu"), Parameter.positive("sigma")), new double[] {3, Math.log(2)});
    assertArrayEquals(new double[] {0.04, 0.01}, inverse[0], 1e-15);
    assertArrayEquals(new double[] {0.01, 0.02}, inverse[1], 1e-15);
  }

  @Test
  void aJacobianThatVanishesGivesNoInverse() {
    // p = logistic(z) at z = 800: dp/dz underflows to 0, so the inverse would be infinite.
    WarmStart warm = WarmStart.of(new double[][] {{0.01}});
    assertNull(warm.internalInverse(List.of(Parameter.unitInterval("p")), new double[] {800}));
  }
}
