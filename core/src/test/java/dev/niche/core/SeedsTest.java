package dev.niche.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

class SeedsTest {

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
