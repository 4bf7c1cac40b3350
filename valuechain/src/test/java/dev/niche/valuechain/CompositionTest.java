package dev.niche.valuechain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompositionTest {

  @Test
  void closureAndAccessors() {
    Composition c = Composition.of(2, 6, 12);
    assertArrayEquals(new double[] {0.1, 0.3, 0.6}, c.parts(), 1e-15);
    assertEquals(3, c.size());
    assertEquals(0.3, c.part(1), 1e-15);
    double[] copy = c.parts();
    copy[0] = 99;
    assertEquals(0.1, c.part(0), 1e-15);
    assertEquals(c, Composition.of(1, 3, 6));
    assertEquals(c.hashCode(), Composition.of(0.1, 0.3, 0.6).hashCode());
    assertTrue(c.toString().startsWith("Composition[0.1"));
  }

  @Test
  void pivotCoordinatesFollowTheHronFilzmoserThompsonFormula() {
    // z_i = sqrt((D-i)/(D-i+1)) ln(x_i / gm(x_{i+1..D})) (Hron, Filzmoser & Thompson 2012;
    // robCompositions::pivotCoord). Reference values for the old Table 2 chain computed
    // independently in Python from that formula: 1.3488602766837852, -0.11704769465662444,
    // 0.6833980172824291, 0.776836199212093.
    double[] x = {0.5, 0.1, 0.2, 0.15, 0.05};
    double[] z = Composition.of(x).ilr();
    double[] expected = new double[4];
    for (int i = 0; i < 4; i++) {
      double logGm = 0;
      for (int j = i + 1; j < 5; j++) {
        logGm += Math.log(x[j]);
      }
      logGm /= 5 - i - 1;
      expected[i] = Math.sqrt((5.0 - i - 1) / (5.0 - i)) * (Math.log(x[i]) - logGm);
    }
    assertArrayEquals(expected, z, 1e-14);
    assertArrayEquals(new double[] {1.3488602766837852, -0.11704769465662444, 0.6833980172824291,
        0.776836199212093}, z, 1e-13);
    // Two parts: z = ln(x1/x2)/sqrt(2).
    assertEquals(Math.log(3) / Math.sqrt(2), Composition.of(3, 1).ilr()[0], 1e-15);
  }

  @Test
  void inverseTransformsRoundTrip() {
    Composition c = Composition.of(0.5, 0.1, 0.2, 0.15, 0.05);
    assertArrayEquals(c.parts(), Composition.ilrInverse(c.ilr()).parts(), 1e-15);
    assertArrayEquals(c.parts(), Composition.clrInverse(c.clr()).parts(), 1e-15);
    for (int r = 0; r < 5; r++) {
      assertArrayEquals(c.parts(), Composition.alrInverse(c.alr(r), r).parts(), 1e-15);
    }
    assertArrayEquals(new double[] {Math.log(5), Math.log(2), Math.log(1.5), Math.log(0.5)},
        c.alr(1), 1e-15);
  }

  @Test
  void perturbationPowerAndInnerProductFollowTheDefinitions() {
    Composition x = Composition.of(1, 2, 7);
    Composition y = Composition.of(3, 1, 1);
    assertArrayEquals(Composition.of(3, 2, 7).parts(), x.perturb(y).parts(), 1e-15);
    assertArrayEquals(Composition.of(1, 4, 49).parts(), x.power(2).parts(), 1e-15);
    assertArrayEquals(Composition.of(1 / 3.0, 2, 7).parts(), x.difference(y).parts(), 1e-15);
    assertEquals(Composition.neutral(3), x.difference(x));
    double[] cx = x.clr();
    double[] cy = y.clr();
    assertEquals(cx[0] * cy[0] + cx[1] * cy[1] + cx[2] * cy[2], x.inner(y), 1e-15);
    assertEquals(Math.sqrt(x.inner(x)), x.norm(), 1e-15);
    assertEquals(0, Composition.neutral(4).norm(), 1e-15);
  }

  @Test
  void interpolationFollowsTheGeodesic() {
    Composition x = Composition.of(0.5, 0.1, 0.2, 0.15, 0.05);
    Composition y = Composition.of(0.2, 0.5, 0.2, 0.05, 0.05);
    assertArrayEquals(x.parts(), x.interpolate(y, 0).parts(), 1e-15);
    assertArrayEquals(y.parts(), x.interpolate(y, 1).parts(), 1e-15);
    Composition mid = x.interpolate(y, 0.5);
    assertEquals(x.distance(y) / 2, x.distance(mid), 1e-13);
    assertEquals(x.distance(y) / 2, y.distance(mid), 1e-13);
    // The midpoint of two is their centre (closed geometric mean).
    assertArrayEquals(CompositionSet.of(List.of(x, y)).centre().parts(), mid.parts(), 1e-15);
  }

  @Test
  void centreAndVariationMatrix() {
    List<Composition> set = List.of(Composition.of(1, 2, 4), Composition.of(4, 2, 1),
        Composition.of(2, 2, 2));
    assertArrayEquals(Composition.of(2, 2, 2).parts(), CompositionSet.of(set).centre().parts(), 1e-15);
    double[][] t = CompositionSet.of(set).variationMatrix();
    // total variance = mean squared distance to the centre x n/(n-1)
    double msd = 0;
    for (Composition c : set) {
      msd += Math.pow(c.distance(CompositionSet.of(set).centre()), 2) / 2;
    }
    assertEquals(msd, CompositionSet.of(set).totalVariance(), 1e-14);
    // ln(x1/x2) = -ln2, ln2, 0: sample variance (n-1) = 2 ln^2 2 / 2 = ln^2 2.
    double l2 = Math.log(2) * Math.log(2);
    assertEquals(l2, t[0][1], 1e-15);
    assertEquals(4 * l2, t[0][2], 1e-14); // ln(x1/x3) = -2ln2, 2ln2, 0
    assertEquals(t[0][2], t[2][0], 0);
    assertEquals(0, t[1][1], 0);
  }

  @Test
  void zerosAreRejectedWithAPointerToExplicitReplacement() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Composition.of(0.5, 0, 0.5));
    assertTrue(e.getMessage().contains("values[1] = 0"), e.getMessage());
    assertTrue(e.getMessage().contains("replaceZeros"), e.getMessage());
  }

  @Test
  void multiplicativeReplacementKeepsTheRatiosOfNonZeroParts() {
    // Martín-Fernández et al. (2003), eq. (4): zeros -> delta, others x_j (1 - k delta).
    Composition c = Composition.replaceZeros(0.01, 60, 0, 30, 10, 0);
    assertArrayEquals(new double[] {0.6 * 0.98, 0.01, 0.3 * 0.98, 0.1 * 0.98, 0.01}, c.parts(),
        1e-15);
    assertEquals(2.0, c.part(0) / c.part(2), 1e-14);
    assertArrayEquals(Composition.of(1, 2).parts(), Composition.replaceZeros(0.1, 1, 2).parts(),
        1e-15);
    assertThrows(IllegalArgumentException.class, () -> Composition.replaceZeros(0.5, 1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> Composition.replaceZeros(0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> Composition.replaceZeros(0.1, 0, 0));
  }

  @Test
  void badInputIsRejected() {
    assertThrows(NullPointerException.class, () -> Composition.of((double[]) null));
    assertThrows(IllegalArgumentException.class, () -> Composition.of());
    assertThrows(IllegalArgumentException.class, () -> Composition.of(1));
    assertThrows(IllegalArgumentException.class, () -> Composition.of(1, -1));
    assertThrows(IllegalArgumentException.class, () -> Composition.of(1, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Composition.of(1, Double.POSITIVE_INFINITY));
    Composition c = Composition.of(1, 2, 3);
    assertThrows(IllegalArgumentException.class, () -> c.distance(Composition.of(1, 2)));
    assertThrows(NullPointerException.class, () -> c.perturb(null));
    assertThrows(IllegalArgumentException.class, () -> c.alr(3));
    assertThrows(IllegalArgumentException.class, () -> c.power(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Composition.alrInverse(new double[] {1}, 2));
    assertThrows(IllegalArgumentException.class, () -> Composition.clrInverse(1));
    assertThrows(IllegalStateException.class,
        () -> CompositionSet.of(List.of(c)).variationMatrix());
    assertThrows(IllegalArgumentException.class,
        () -> CompositionSet.of(List.of(c, Composition.of(1, 2))));
    assertThrows(IllegalArgumentException.class, () -> CompositionSet.of(List.of()));
    assertThrows(IllegalArgumentException.class, () -> Composition.neutral(1));
    assertThrows(IllegalArgumentException.class, () -> Composition.clrInverse(0, 2000));
  }
}
