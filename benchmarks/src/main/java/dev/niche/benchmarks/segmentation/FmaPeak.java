package dev.niche.benchmarks.segmentation;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The processor's multiply-add peak as Java reaches it: the JDK's Vector API at the widest
 * species the processor has ({@link DoubleVector#SPECIES_PREFERRED}, 512 bits on the AVX-512
 * panel machine), twelve independent accumulator chains held in registers, no memory traffic.
 * Twelve chains cover the latency of two fused multiply-add pipes (four cycles each on the
 * machines measured), so the loop runs at the issue rate of the pipes. This is the FMA term of
 * {@link LloydFloor}: no E-step kernel can perform its n k d multiply-adds faster.
 *
 * <p>Loaded only when the JVM resolves {@code jdk.incubator.vector} (see
 * {@link LloydFloor}): loading it otherwise fails.
 */
final class FmaPeak {

  private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;
  private static final int CHAINS = 12;

  private FmaPeak() {}

  /**
   * Performs about {@code count} double-precision multiply-adds at the peak rate.
   *
   * @param count multiply-adds
   * @return a value depending on every result (for a sink)
   */
  static double run(long count) {
    double[] state = new double[CHAINS * LANES.length()];
    for (int i = 0; i < state.length; i++) {
      state[i] = 1 + i;
    }
    long calls = Math.max(1, count / ((long) ROUNDS * CHAINS * LANES.length()));
    for (long c = 0; c < calls; c++) {
      rounds(state);
    }
    return state[0];
  }

  /** Multiply-adds per call of {@link #rounds}, per chain and lane. */
  private static final int ROUNDS = 4096;

  /**
   * {@link #ROUNDS} multiply-adds on each chain, the chains loaded from and stored to
   * {@code state}: a method of its own, called many times, so that C2 compiles it whole (a long
   * loop compiled on-stack keeps its vectors boxed on this JDK).
   */
  private static void rounds(double[] state) {
    int w = LANES.length();
    DoubleVector m = DoubleVector.broadcast(LANES, 0.9999999);
    DoubleVector c = DoubleVector.broadcast(LANES, 1e-9);
    DoubleVector a0 = DoubleVector.fromArray(LANES, state, 0);
    DoubleVector a1 = DoubleVector.fromArray(LANES, state, w);
    DoubleVector a2 = DoubleVector.fromArray(LANES, state, 2 * w);
    DoubleVector a3 = DoubleVector.fromArray(LANES, state, 3 * w);
    DoubleVector a4 = DoubleVector.fromArray(LANES, state, 4 * w);
    DoubleVector a5 = DoubleVector.fromArray(LANES, state, 5 * w);
    DoubleVector a6 = DoubleVector.fromArray(LANES, state, 6 * w);
    DoubleVector a7 = DoubleVector.fromArray(LANES, state, 7 * w);
    DoubleVector a8 = DoubleVector.fromArray(LANES, state, 8 * w);
    DoubleVector a9 = DoubleVector.fromArray(LANES, state, 9 * w);
    DoubleVector a10 = DoubleVector.fromArray(LANES, state, 10 * w);
    DoubleVector a11 = DoubleVector.fromArray(LANES, state, 11 * w);
    for (int r = 0; r < ROUNDS; r++) {
      a0 = a0.fma(m, c);
      a1 = a1.fma(m, c);
      a2 = a2.fma(m, c);
      a3 = a3.fma(m, c);
      a4 = a4.fma(m, c);
      a5 = a5.fma(m, c);
      a6 = a6.fma(m, c);
      a7 = a7.fma(m, c);
      a8 = a8.fma(m, c);
      a9 = a9.fma(m, c);
      a10 = a10.fma(m, c);
      a11 = a11.fma(m, c);
    }
    a0.intoArray(state, 0);
    a1.intoArray(state, w);
    a2.intoArray(state, 2 * w);
    a3.intoArray(state, 3 * w);
    a4.intoArray(state, 4 * w);
    a5.intoArray(state, 5 * w);
    a6.intoArray(state, 6 * w);
    a7.intoArray(state, 7 * w);
    a8.intoArray(state, 8 * w);
    a9.intoArray(state, 9 * w);
    a10.intoArray(state, 10 * w);
    a11.intoArray(state, 11 * w);
  }

  /**
   * Bits of the species {@link #run} uses.
   *
   * @return the vector size in bits
   */
  static int bits() {
    return LANES.vectorBitSize();
  }
}
