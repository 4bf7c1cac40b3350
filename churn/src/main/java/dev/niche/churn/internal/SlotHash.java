package dev.niche.churn.internal;

/**
 * The slot of a row in the open-addressing tables that merge identical summary rows
 * ({@link DistinctCustomers}, {@link SummaryPairs}). Not part of the API.
 */
final class SlotHash {

  private SlotHash() {}

  /**
   * Finalises a multiplicative hash (MurmurHash3's fmix64 step) and folds it to a slot: the
   * products alone carry low input bits only upwards, and day counts over 7 share their low
   * mantissa bits, which made probe chains of a dozen slots on a million customers' summaries.
   *
   * @param h the combined hash of the row's values
   * @param mask table length minus one (the length a power of two)
   * @return the first slot to probe
   */
  static int slot(long h, int mask) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
