package dev.niche.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void sparkRuns() {
    assertEquals(10, TestSpark.session().range(10).count());
  }
}
