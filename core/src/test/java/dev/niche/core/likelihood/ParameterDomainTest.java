package dev.niche.core.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Domains, descriptions and the edges of each kind of parameter. */
class ParameterDomainTest {

  @Test
  void domainsAreReported() {
    assertEquals(Double.NEGATIVE_INFINITY, Parameter.free("a").lower());
    assertEquals(Double.POSITIVE_INFINITY, Parameter.free("a").upper());
    assertEquals(-2.0, Parameter.atLeast("c", -2).lower());
    assertEquals(Double.POSITIVE_INFINITY, Parameter.atLeast("c", -2).upper());
    assertEquals(-1.0, Parameter.bounded("e", -1, 3).lower());
    assertEquals(3.0, Parameter.bounded("e", -1, 3).upper());
    assertEquals(1.0, Parameter.unitInterval("p").upper());
  }

  @Test
  void toStringNamesTheDomain() {
    assertEquals("a", Parameter.free("a").toString());
    assertEquals("b in (0.0, Infinity)", Parameter.positive("b").toString());
    assertEquals("e in (-1.0, 3.0)", Parameter.bounded("e", -1, 3).toString());
  }

  @Test
  void boundariesAreDescribedByTheEndTheyStandFor() {
    assertEquals("a -> +infinity (search stopped at a = 1.00e+08)",
        Parameter.free("a").boundaryDescription(1e8));
    assertEquals("a -> -infinity (search stopped at a = -1.00e+08)",
        Parameter.free("a").boundaryDescription(-1e8));
    assertEquals("b -> infinity (search stopped at b = 4.85e+08)",
        Parameter.positive("b").boundaryDescription(20));
    assertEquals("b -> 0.0", Parameter.positive("b").boundaryDescription(-20));
    assertEquals("c -> -2.0", Parameter.atLeast("c", -2).boundaryDescription(-20));
    assertEquals("p -> 1.0", Parameter.unitInterval("p").boundaryDescription(20));
    assertEquals("p -> 0.0", Parameter.unitInterval("p").boundaryDescription(-20));
    assertEquals("e -> 3.0", Parameter.bounded("e", -1, 3).boundaryDescription(20));
    assertEquals("e -> -1.0", Parameter.bounded("e", -1, 3).boundaryDescription(-20));
  }

  @Test
  void theOpenDomainExcludesItsEnds() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Parameter.unitInterval("p").toInternal(0.0));
    assertEquals("p = 0.0 must be in (0.0, 1.0)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Parameter.bounded("e", -1, 3).toInternal(3.0));
    assertEquals("e = 3.0 must be in (-1.0, 3.0)", e.getMessage());
    assertEquals(0.0, Parameter.unitInterval("p").toInternal(0.5), 1e-15);
  }

  @Test
  void blankNamesAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Parameter.free("  "));
    assertEquals("name must not be blank", e.getMessage());
  }

  @Test
  void theLogisticStaysFiniteFarOut() {
    Parameter p = Parameter.unitInterval("p");
    assertEquals(1.0, p.toNatural(800));
    assertEquals(0.0, p.toNatural(-800));
    assertEquals(0.0, p.derivative(800));
    assertEquals(0.0, p.derivative(-800));
  }

  @Test
  void aBoundedDomainWhoseWidthOverflowsIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Parameter.bounded("w", -1e308, 1e308));
    assertEquals("upper - lower = 1.0E308 - -1.0E308 must be finite", e.getMessage());
    assertEquals(2e307, Parameter.bounded("w", -1e307, 1e307).upper() * 2);
  }

  @Test
  void aValueWhoseLogitUnderflowsIsRejected() {
    // (1e-300 - 0) / 1e300 underflows to 0, whose logit is -infinity.
    Parameter b = Parameter.bounded("b", 0, 1e300);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.toInternal(1e-300));
    assertEquals("b = 1.0E-300 is too close to a bound of (0.0, 1.0E300) for its logit to be "
        + "represented", e.getMessage());
    assertEquals(0.0, b.toInternal(5e299), 1e-12);
  }
}
