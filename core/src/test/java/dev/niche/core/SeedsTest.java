package dev.niche.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedsTest {

  /**
   * SplitMix64 (Steele, Lea and Flood 2014) from state 1234567: the state advances by the golden
   * gamma 0x9E3779B97F4A7C15 and each output is the finaliser of the new state. The values were
   * computed independently with Python's unbounded integers:
   *
   * <pre>
   * M = 2**64 - 1
   * def mix(z):
   *     z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) &amp; M
   *     z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) &amp; M
   *     return z ^ (z >> 31)
   * s = 1234567
   * for k in range(5): s = (s + 0x9E3779B97F4A7C15) &amp; M; print(mix(s))
   * </pre>
   *
   * printed as signed 64-bit values.
   */
  private static final long[] SPLITMIX_1234567 = {
    6457827717110365317L, 3203168211198807973L, -8629252141511181193L, 4593380528125082431L,
    -2037821214251327795L
  };

  @Test
  void streamKIsTheOutputKPlusOneOfSplitMix64() {
    for (int k = 0; k < SPLITMIX_1234567.length; k++) {
      assertEquals(SPLITMIX_1234567[k], Seeds.derive(1234567L, k), "stream " + k);
    }
    // From state 0 the first output is 0xE220A8397B1DCDAF.
    assertEquals(0xE220A8397B1DCDAFL, Seeds.derive(0L, 0L));
    // Stream -1 is the state itself, finalised.
    assertEquals(0L, Seeds.derive(0L, -1L));
  }

  @Test
  void theGeneratorsAreTheJdkSplittableRandomOnTheDerivedSeed() {
    // java.util.SplittableRandom(seed) produces the same SplitMix64 outputs.
    SplittableRandom plain = Seeds.random(1234567L);
    for (long expected : SPLITMIX_1234567) {
      assertEquals(expected, plain.nextLong());
    }
    SplittableRandom stream = Seeds.random(1234567L, 3);
    SplittableRandom reference = new SplittableRandom(SPLITMIX_1234567[3]);
    for (int i = 0; i < 5; i++) {
      assertEquals(reference.nextLong(), stream.nextLong());
    }
    assertNotSame(Seeds.random(7L), Seeds.random(7L));
  }

  @Test
  void sameSeedSameStream() {
    qt().forAll(longs().all(), longs().between(0, 1_000))
        .checkAssert((seed, stream) -> {
          assertEquals(Seeds.derive(seed, stream), Seeds.derive(seed, stream));
          assertEquals(Seeds.random(seed, stream).nextLong(), Seeds.random(seed, stream).nextLong());
          assertNotEquals(Seeds.derive(seed, stream), Seeds.derive(seed, stream + 1));
        });
  }
}
