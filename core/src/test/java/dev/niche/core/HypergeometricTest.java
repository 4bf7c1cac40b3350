package dev.niche.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import dev.niche.core.internal.Hypergeometric;
import org.junit.jupiter.api.Test;

/** 2F1 against elementary closed forms (Abramowitz & Stegun 15.1.3, 15.1.5, 15.1.8). */
class HypergeometricTest {

  @Test
  void elementaryClosedForms() {
    qt().forAll(doubles().between(-0.95, 0.95)).checkAssert(z -> {
      // A&S 15.1.3: 2F1(1, 1; 2; z) = -ln(1 - z) / z
      double expected = z == 0 ? 1 : -Math.log1p(-z) / z;
      assertEquals(expected, Hypergeometric.f21(1, 1, 2, z), 1e-13 * Math.abs(expected));
      // A&S 15.1.8: 2F1(a, b; b; z) = (1 - z)^(-a)
      assertEquals(Math.pow(1 - z, -2.5), Hypergeometric.f21(2.5, 1.7, 1.7, z),
          1e-12 * Math.pow(1 - z, -2.5));
    });
    // A&S 15.1.5: 2F1(1/2, 1; 3/2; -z^2) = arctan(z) / z, at z = 2 (argument -4, via Pfaff).
    assertEquals(Math.atan(2) / 2, Hypergeometric.f21(0.5, 1, 1.5, -4), 1e-14);
  }

  @Test
  void rejectsArgumentsOutsideItsDomain() {
    assertThrows(IllegalArgumentException.class, () -> Hypergeometric.f21(1, 1, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> Hypergeometric.f21(1, 1, -2, 0.5));
    assertThrows(IllegalArgumentException.class, () -> Hypergeometric.f21(Double.NaN, 1, 2, 0.5));
  }
}
