package dev.niche.segmentation.internal;

/**
 * Lloyd's E-step on the JDK's Vector API ({@code jdk.incubator.vector}) for up to
 * {@link CanonicalNearest#FUSED_MAX_WIDTH} coordinates: the canonical nearest centre of every row
 * of one block of {@link ColumnBlockedRows}, with its canonical squared distance. The rows of four
 * lanes stay in registers while every centre is scored against them, so each value is read once
 * per pass, where C2's auto-vectorised {@link CanonicalNearest} reads a block's columns once per
 * centre and needs it transposed first.
 *
 * <p>The module is an incubator module in Java 17 to 25: the JVM resolves it only when started
 * with {@code --add-modules jdk.incubator.vector}. Without it {@link #available} is false and no
 * class of this kernel's implementation is ever loaded; the E-step then runs
 * {@link CanonicalNearest}. Both give the same bits: the distances are {@link SquaredDistance}'s
 * order (t0 * t0, then fma(t, t, s) per coordinate, padded coordinates adding fma(0, 0, s) = s),
 * and the selection keeps the first centre at a strictly lower distance, so ties go to the lowest
 * index and a row whose every distance overflows to infinity gets centre 0, as the scalar scan.
 *
 * <p>Setting the system property {@value #DISABLE_PROPERTY} to {@code false} turns the kernel off
 * (read once, when this interface is first used).
 */
interface SimdNearest {

  /** System property that turns this kernel off when set to {@code false}. */
  String DISABLE_PROPERTY = "niche.segmentation.vectorApi";

  /**
   * Whether the Vector API kernel can run here: the module resolved, the property not set to
   * false.
   *
   * @return whether {@link #forWidth} may return a kernel
   */
  static boolean available() {
    return VectorModule.AVAILABLE;
  }

  /**
   * A kernel for k centres of {@code width} padded coordinates (4 or 8), or null when the Vector
   * API is not available or the processor has no 256-bit vectors (the kernel would be emulated,
   * far slower than C2's loops).
   *
   * @param k number of centres
   * @param width padded coordinates, 4 or 8
   * @return the kernel, or null
   */
  static SimdNearest forWidth(int k, int width) {
    return VectorModule.AVAILABLE ? VectorApiNearest.create(k, width) : null;
  }

  /** Finds the module once and makes this module read it. */
  final class VectorModule {
    /** Whether the Vector API is resolved in this JVM and not turned off. */
    private static final boolean AVAILABLE = read();

    private VectorModule() {}

    private static boolean read() {
      if ("false".equalsIgnoreCase(System.getProperty(DISABLE_PROPERTY))) {
        return false;
      }
      java.util.Optional<Module> vector = ModuleLayer.boot().findModule("jdk.incubator.vector");
      // module-info.java does not require the module (it is optional): on the module path this
      // module reads it only once told to; on the class path this is a no-op.
      if (vector.isEmpty()) {
        return false;
      }
      VectorModule.class.getModule().addReads(vector.get());
      return true;
    }
  }

  /**
   * Scores the rows of one block against every centre, and tells which groups of four rows have
   * a nearest centre other than their label, so that the caller relabels only those (late in a
   * fit, a few rows in a hundred): comparing in the kernel, four rows at a time, replaces two
   * loops over every row of the block.
   *
   * @param blocks the column-blocked rows ({@link ColumnBlockedRows#values})
   * @param base offset of the block ({@link ColumnBlockedRows#offset})
   * @param size rows of the block, at most {@link ColumnBlockedRows#BLOCK}
   * @param centres k centres of {@code width} coordinates, flat, padding zero
   * @param labels the rows' labels, the block's first row at {@code labels[first]} (not written)
   * @param first the block's first row
   * @param best receives each row's canonical distance to its nearest centre (at least
   *     {@code size} rounded up to 4 long)
   * @param index receives each row's nearest centre, as a double (same length)
   * @return bit g set when a row of the group {@code [4g, 4g + 4)} has a nearest centre other
   *     than its label; the last group is flagged whenever it has fewer than four rows
   */
  int nearest(double[] blocks, int base, int size, double[] centres, int[] labels, int first,
      double[] best, double[] index);
}
