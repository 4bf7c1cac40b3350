package dev.niche.core.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class ParameterTest {

  @Test
  void transformsRoundTripAndDerivativesMatchFiniteDifferences() {
    Parameter[] parameters = {
      Parameter.free("a"), Parameter.positive("b"), Parameter.atLeast("c", -2),
      Parameter.unitInterval("d"), Parameter.bounded("e", -1, 3)
    };
    qt().forAll(doubles().between(-10, 10)).checkAssert(z -> {
      for (Parameter p : parameters) {
        double theta = p.toNatural(z);
        assertEquals(z, p.toInternal(theta), 1e-6 * (1 + Math.abs(z)), p.toString());
        double h = 1e-6;
        double numeric = (p.toNatural(z + h) - p.toNatural(z - h)) / (2 * h);
        assertEquals(numeric, p.derivative(z), 1e-6 * (1 + Math.abs(numeric)), p.toString());
      }
    });
  }

  @Test
  void valuesOutsideTheDomainAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Parameter.positive("alpha").toInternal(-1));
    assertEquals("alpha = -1.0 must be in (0.0, Infinity)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Parameter.unitInterval("p").toInternal(1));
    assertThrows(IllegalArgumentException.class, () -> Parameter.bounded("q", 1, 1));
  }
}
