package dev.niche.core;

import java.util.SplittableRandom;

/**
 * Explicit seeds and reproducible random streams. Every randomised algorithm in Niche takes a
 * {@code long seed}; when it needs several independent streams (one per restart, partition or
 * thread) it derives them with {@link #derive(long, long)}, so results depend only on the seed,
 * never on the thread count or the order in which work is scheduled.
 *
 * <p>Derivation uses the SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014). This class is stateless and thread-safe; the
 * generators it returns are not thread-safe and belong to one thread each.
 */
public final class Seeds {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /**
   * Derives the seed of an independent stream from a master seed and a stream index.
   *
   * @param seed the master seed
   * @param stream the stream index (any value)
   * @return a well-mixed seed for that stream
   */
  public static long derive(long seed, long stream) {
    return mix(seed + GOLDEN_GAMMA * (stream + 1));
  }

  /**
   * A generator for a seed.
   *
   * @param seed the seed
   * @return a new generator, deterministic for the seed
   */
  public static SplittableRandom random(long seed) {
    return new SplittableRandom(seed);
  }

  /**
   * A generator for one stream of a master seed.
   *
   * @param seed the master seed
   * @param stream the stream index
   * @return a new generator for {@link #derive(long, long) derive(seed, stream)}
   */
  public static SplittableRandom random(long seed, long stream) {
    return new SplittableRandom(derive(seed, stream));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
