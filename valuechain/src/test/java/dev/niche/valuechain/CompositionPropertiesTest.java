package dev.niche.valuechain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Algebraic properties of the Aitchison geometry (Pawlowsky-Glahn et al. 2015, ch. 2-3). */
class CompositionPropertiesTest {

  private static final int D = 5;

  /** Three compositions of D parts each, spanning six orders of magnitude. */
  private static Gen<List<Double>> triples() {
    return lists().of(doubles().between(1e-3, 1e3)).ofSize(3 * D);
  }

  private static Composition part(List<Double> v, int k) {
    double[] p = new double[D];
    for (int i = 0; i < D; i++) {
      p[i] = v.get(k * D + i);
    }
    return Composition.of(p);
  }

  @Test
  void closureIsScaleInvariant() {
    qt().forAll(lists().of(doubles().between(1e-3, 1e3)).ofSizeBetween(2, 9),
            doubles().between(1e-6, 1e6))
        .checkAssert((v, k) -> {
          double[] x = v.stream().mapToDouble(Double::doubleValue).toArray();
          double[] kx = new double[x.length];
          for (int i = 0; i < x.length; i++) {
            kx[i] = k * x[i];
          }
          assertArrayEquals(Composition.of(x).parts(), Composition.of(kx).parts(), 1e-14);
        });
  }

  @Test
  void aitchisonDistanceIsAMetric() {
    qt().forAll(triples()).checkAssert(v -> {
      Composition x = part(v, 0);
      Composition y = part(v, 1);
      Composition z = part(v, 2);
      double dxy = x.distance(y);
      assertTrue(dxy >= 0);
      assertEquals(dxy, y.distance(x), 1e-12);
      assertEquals(0, x.distance(x), 1e-12);
      assertTrue(x.distance(z) <= dxy + y.distance(z) + 1e-12);
    });
  }

  @Test
  void distanceIsPerturbationInvariantAndPoweringScalesIt() {
    qt().forAll(triples(), doubles().between(-5, 5)).checkAssert((v, alpha) -> {
      Composition x = part(v, 0);
      Composition y = part(v, 1);
      Composition p = part(v, 2);
      double d = x.distance(y);
      assertEquals(d, x.perturb(p).distance(y.perturb(p)), 1e-11 * (1 + d));
      assertEquals(Math.abs(alpha) * d, x.power(alpha).distance(y.power(alpha)),
          1e-11 * (1 + Math.abs(alpha) * d));
      // The pairwise log-ratio formula gives the same distance.
      double s = 0;
      double[] a = x.parts();
      double[] b = y.parts();
      for (int i = 0; i < D; i++) {
        for (int j = i + 1; j < D; j++) {
          double e = Math.log(a[i] / a[j]) - Math.log(b[i] / b[j]);
          s += e * e;
        }
      }
      assertEquals(Math.sqrt(s / D), d, 1e-11 * (1 + d));
    });
  }

  @Test
  void clrSumsToZeroAndIlrIsAnIsometry() {
    qt().forAll(lists().of(doubles().between(1e-3, 1e3)).ofSizeBetween(4, 16)).checkAssert(v -> {
      int d = v.size() / 2;
      double[] a = new double[d];
      double[] b = new double[d];
      for (int i = 0; i < d; i++) {
        a[i] = v.get(i);
        b[i] = v.get(d + i);
      }
      Composition x = Composition.of(a);
      Composition y = Composition.of(b);
      double sum = 0;
      for (double c : x.clr()) {
        sum += c;
      }
      assertEquals(0, sum, 1e-12);
      double[] zx = x.ilr();
      double[] zy = y.ilr();
      double e = 0;
      for (int i = 0; i < zx.length; i++) {
        e += (zx[i] - zy[i]) * (zx[i] - zy[i]);
      }
      assertEquals(x.distance(y), Math.sqrt(e), 1e-11);
      assertEquals(x.norm(), Math.sqrt(dot(zx, zx)), 1e-11);
      assertEquals(x.inner(y), dot(zx, zy), 1e-10);
      assertArrayEquals(x.parts(), Composition.ilrInverse(zx).parts(), 1e-12);
      assertArrayEquals(x.parts(), Composition.clrInverse(x.clr()).parts(), 1e-12);
    });
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
