package dev.niche.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KMeansModelTest {

  private static final double[][] CENTRES = {{0, 0}, {3, 4}, {0, 0.5}};

  @Test
  void noPublicConstructorOnlyTheFactory() {
    for (Constructor<?> c : KMeansModel.class.getDeclaredConstructors()) {
      assertFalse(Modifier.isPublic(c.getModifiers()), c.toString());
    }
    KMeansModel m = KMeansModel.ofCentroids(CENTRES);
    assertEquals(3, m.k());
    assertEquals(2, m.dimension());
    assertEquals(0, m.labels().length);
    assertEquals(0.0, m.inertia());
    assertEquals(0, m.iterations());
    assertTrue(m.converged());
    assertEquals(0, m.inertiaHistory().length);
    assertEquals(KMeansAlgorithm.AUTO, m.algorithm());
    // Ties go to the lowest index: (0, 0.25) is as far from centre 0 as from centre 2.
    assertEquals(0, m.predict(new double[] {0, 0.25}));
    assertArrayEquals(new int[] {0, 2, 1}, m.predict(new double[][] {{0, 0.25}, {0, 1}, {3, 3}}));
  }

  @Test
  void factoryCopiesAndAccessorsCopy() {
    double[][] c = {{1, 2}, {3, 4}};
    KMeansModel m = KMeansModel.ofCentroids(c);
    c[0][0] = 99;
    assertEquals(1.0, m.centroids()[0][0]);
    m.centroids()[0][0] = 77;
    assertEquals(1.0, m.centroids()[0][0]);
    KMeansModel fit = KMeans.builder().k(2).seed(1).build().fit(Blobs.rows(50, 2, 2, 1, 3));
    fit.labels()[0] = 42;
    assertTrue(fit.labels()[0] < 2);
    fit.inertiaHistory()[0] = -1;
    assertTrue(fit.inertiaHistory()[0] >= 0);
  }

  @Test
  void newDataMethodsDoNotChangeTheirInput() {
    KMeansModel m = KMeansModel.ofCentroids(CENTRES);
    double[][] rows = {{1, 1}, {2, 5}, {-1, 0}};
    double[][] copy = deepCopy(rows);
    double[] w = {1, 2, 3};
    m.predict(rows);
    m.transform(rows);
    m.inertia(rows);
    m.inertia(rows, w);
    assertTrue(Arrays.deepEquals(copy, rows));
    assertArrayEquals(new double[] {1, 2, 3}, w);
  }

  @Test
  void badInputIsRejectedWithTheArgumentNamed() {
    KMeansModel m = KMeansModel.ofCentroids(CENTRES);
    assertMessage("rows[1][0] = NaN", () -> m.predict(new double[][] {{1, 1}, {Double.NaN, 0}}));
    assertMessage("rows[1] has length 3",
        () -> m.transform(new double[][] {{1, 1}, {1, 2, 3}}));
    assertMessage("the model's dimension", () -> m.inertia(new double[][] {{1, 1, 1}}));
    assertMessage("weights[1] = -1.0", () -> m.inertia(new double[][] {{1, 1}, {2, 2}},
        new double[] {1, -1}));
    assertMessage("weights has length 1", () -> m.inertia(new double[][] {{1, 1}, {2, 2}},
        new double[] {1}));
    assertMessage("rows must not be empty", () -> m.predict(new double[0][]));
    assertMessage("dimension = 3", () -> m.predict(new double[] {1, 2, 3}, 3));
    assertMessage("not a multiple", () -> m.predict(new double[] {1, 2, 3}, 2));
    assertMessage("flatRowMajor[2] (row 1, column 0) = Infinity",
        () -> m.predict(new double[] {1, 2, Double.POSITIVE_INFINITY, 0}, 2));
    assertMessage("centroids[1][0] = NaN",
        () -> KMeansModel.ofCentroids(new double[][] {{1}, {Double.NaN}}));
    assertThrows(NullPointerException.class, () -> m.predict((double[][]) null));
    assertThrows(NullPointerException.class, () -> m.transform(new double[][] {{1, 1}, null}));
    assertThrows(NullPointerException.class, () -> KMeansModel.ofCentroids(null));
    assertThrows(NullPointerException.class, () -> m.writeTo(null));
    assertThrows(NullPointerException.class, () -> KMeansModel.readFrom(null));
  }

  @Test
  void roundTripRestoresEveryField() throws IOException {
    double[][] x = Blobs.rows(3000, 3, 5, 1.0, 8);
    KMeansModel m = KMeans.builder().k(5).seed(2).algorithm(KMeansAlgorithm.ELKAN).build().fit(x);
    KMeansModel r = roundTrip(m);
    assertEquals(m.k(), r.k());
    assertEquals(m.dimension(), r.dimension());
    assertTrue(Arrays.deepEquals(m.centroids(), r.centroids()));
    assertArrayEquals(m.labels(), r.labels());
    assertEquals(m.inertia(), r.inertia(), 0.0);
    assertEquals(m.iterations(), r.iterations());
    assertEquals(m.converged(), r.converged());
    assertArrayEquals(m.inertiaHistory(), r.inertiaHistory(), 0.0);
    assertEquals(KMeansAlgorithm.ELKAN, r.algorithm());
    assertArrayEquals(m.predict(x), r.predict(x));
    assertEquals(m.toString(), r.toString());
  }

  @Test
  void theFormatIsTheDocumentedOne() throws IOException {
    KMeansModel m = KMeansModel.ofCentroids(new double[][] {{1.5, -2}});
    byte[] b = bytes(m);
    ByteBuffer bb = ByteBuffer.wrap(b);
    assertEquals(0x4E4B4D4D, bb.getInt());
    assertEquals("NKMM", new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(1, bb.getInt());
    assertEquals(1, bb.getInt());
    assertEquals(2, bb.getInt());
    assertEquals(1.5, bb.getDouble());
    assertEquals(-2.0, bb.getDouble());
    assertEquals(0.0, bb.getDouble());
    assertEquals(0, bb.getInt());
    assertEquals(1, bb.get());
    assertEquals(0, bb.get());
    assertEquals(0, bb.getInt());
    assertEquals(0, bb.getInt());
    assertFalse(bb.hasRemaining());
  }

  @Test
  void readingStopsAtTheEndOfTheModel() throws IOException {
    KMeansModel a = KMeansModel.ofCentroids(new double[][] {{1}, {2}});
    KMeansModel b = KMeansModel.ofCentroids(new double[][] {{5, 6}});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    a.writeTo(out);
    b.writeTo(out);
    InputStream in = new ByteArrayInputStream(out.toByteArray());
    assertEquals(2, KMeansModel.readFrom(in).k());
    assertEquals(2, KMeansModel.readFrom(in).dimension());
    assertEquals(-1, in.read());
  }

  @Test
  void corruptStreamsAreRejectedClearly() throws IOException {
    byte[] good = bytes(KMeans.builder().k(2).seed(1).build().fit(Blobs.rows(40, 2, 2, 1, 1)));
    byte[] magic = good.clone();
    magic[0] = 'X';
    assertEquals(IOException.class, read(magic).getClass());
    assertTrue(read(magic).getMessage().contains("magic"), read(magic).getMessage());
    byte[] version = good.clone();
    version[7] = 9;
    assertTrue(read(version).getMessage().contains("version 9"));
    for (int len : new int[] {0, 3, 10, 16, 20, good.length - 1}) {
      IOException e = read(Arrays.copyOf(good, len));
      assertTrue(e instanceof EOFException, len + ": " + e);
      assertTrue(e.getMessage().startsWith("truncated k-means model"), e.getMessage());
    }
    // A header declaring 2^30 x 2 centroids over a short stream fails on EOF, not on memory.
    ByteBuffer huge = ByteBuffer.allocate(16 + 64);
    huge.putInt(0x4E4B4D4D).putInt(1).putInt(1 << 30).putInt(1);
    assertTrue(read(huge.array()) instanceof EOFException);
    ByteBuffer tooBig = ByteBuffer.allocate(16).putInt(0x4E4B4D4D).putInt(1)
        .putInt(Integer.MAX_VALUE).putInt(2);
    assertTrue(read(tooBig.array()).getMessage().contains("k * d"));
    ByteBuffer zero = ByteBuffer.allocate(16).putInt(0x4E4B4D4D).putInt(1).putInt(0).putInt(2);
    assertTrue(read(zero.array()).getMessage().contains("k = 0"));
    byte[] nan = good.clone();
    ByteBuffer.wrap(nan).putDouble(16, Double.NaN);
    assertTrue(read(nan).getMessage().contains("centroids[0][0] = NaN"));
    byte[] label = good.clone();
    ByteBuffer.wrap(label).putInt(good.length - 4, 7);
    assertTrue(read(label).getMessage().contains("labels[39] = 7"), read(label).getMessage());
  }

  static KMeansModel roundTrip(KMeansModel m) throws IOException {
    return KMeansModel.readFrom(new ByteArrayInputStream(bytes(m)));
  }

  private static byte[] bytes(KMeansModel m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return out.toByteArray();
  }

  private static IOException read(byte[] b) {
    return assertThrows(IOException.class,
        () -> KMeansModel.readFrom(new ByteArrayInputStream(b)));
  }

  static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
    Throwable e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  static double[][] deepCopy(double[][] x) {
    double[][] c = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      c[i] = x[i].clone();
    }
    return c;
  }
}
