package dev.niche.churn.internal;

import java.util.Arrays;

/**
 * An open-addressing hash map from a {@code long} customer id to the first and last period
 * index in which the customer was active, on three primitive arrays (no boxing per record).
 * Linear probing, capacity a power of two, load at most 0.7; empty slots are marked by
 * {@link #EMPTY} in the first-period array. Not thread-safe. Not part of the API.
 */
public final class CustomerSpans {

  /** Marks an empty slot; never a valid period index. */
  public static final int EMPTY = Integer.MIN_VALUE;

  private long[] keys;
  private int[] first;
  private int[] last;
  private int size;
  private int mask;
  private int threshold;

  /**
   * An empty map.
   *
   * @param expected the expected number of customers (sizing hint, {@code >= 0})
   */
  public CustomerSpans(int expected) {
    long need = Math.max(16L, (long) (expected / 0.7) + 1);
    int capacity = 16;
    while (capacity < need && capacity < (1 << 30)) {
      capacity <<= 1;
    }
    allocate(capacity);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    first = new int[capacity];
    last = new int[capacity];
    Arrays.fill(first, EMPTY);
    mask = capacity - 1;
    threshold = (int) (capacity * 0.7);
  }

  /**
   * Records activity of a customer in a period.
   *
   * @param id the customer id
   * @param period the period index ({@code != EMPTY})
   */
  public void add(long id, int period) {
    merge(id, period, period);
  }

  /**
   * Widens a customer's span to cover {@code [from, to]}.
   *
   * @param id the customer id
   * @param from the first period
   * @param to the last period, {@code >= from}
   */
  public void merge(long id, int from, int to) {
    int slot = (int) mix(id) & mask;
    while (true) {
      int f = first[slot];
      if (f == EMPTY) {
        keys[slot] = id;
        first[slot] = from;
        last[slot] = to;
        if (++size > threshold) {
          grow();
        }
        return;
      }
      if (keys[slot] == id) {
        if (from < f) {
          first[slot] = from;
        }
        if (to > last[slot]) {
          last[slot] = to;
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Looks up a customer.
   *
   * @param id the customer id
   * @return the slot, or -1 if absent
   */
  public int find(long id) {
    int slot = (int) mix(id) & mask;
    while (true) {
      int f = first[slot];
      if (f == EMPTY) {
        return -1;
      }
      if (keys[slot] == id) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void grow() {
    long[] k = keys;
    int[] f = first;
    int[] l = last;
    allocate(keys.length << 1);
    size = 0;
    for (int i = 0; i < k.length; i++) {
      if (f[i] != EMPTY) {
        merge(k[i], f[i], l[i]);
      }
    }
  }

  /**
   * The number of customers.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * The slot count (iterate slots {@code 0..capacity()-1}, skipping {@link #EMPTY}).
   *
   * @return the capacity
   */
  public int capacity() {
    return keys.length;
  }

  /**
   * The id in a slot.
   *
   * @param slot the slot
   * @return the id
   */
  public long id(int slot) {
    return keys[slot];
  }

  /**
   * The first period in a slot.
   *
   * @param slot the slot
   * @return the first period, or {@link #EMPTY}
   */
  public int first(int slot) {
    return first[slot];
  }

  /**
   * The last period in a slot.
   *
   * @param slot the slot
   * @return the last period
   */
  public int last(int slot) {
    return last[slot];
  }

  /**
   * Widens every span of this map by the spans of another (the union of two tables).
   *
   * @param other the other map, not modified
   */
  public void mergeAll(CustomerSpans other) {
    for (int s = 0; s < other.keys.length; s++) {
      if (other.first[s] != EMPTY) {
        merge(other.keys[s], other.first[s], other.last[s]);
      }
    }
  }

  /**
   * A copy sized for at least {@code expected} customers.
   *
   * @param expected the expected number of customers
   * @return a new map with the same content
   */
  public CustomerSpans resized(int expected) {
    CustomerSpans bigger = new CustomerSpans(Math.max(expected, size));
    bigger.mergeAll(this);
    return bigger;
  }

  /**
   * Tells whether two maps hold the same customers with the same spans.
   *
   * @param other the other map
   * @return true if equal as maps
   */
  public boolean sameContent(CustomerSpans other) {
    if (other.size != size) {
      return false;
    }
    for (int s = 0; s < keys.length; s++) {
      if (first[s] != EMPTY) {
        int o = other.find(keys[s]);
        if (o < 0 || other.first[o] != first[s] || other.last[o] != last[s]) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * An order-independent hash of the content, consistent with {@link #sameContent}.
   *
   * @return the hash
   */
  public long contentHash() {
    long h = 0;
    for (int s = 0; s < keys.length; s++) {
      if (first[s] != EMPTY) {
        h += mix(keys[s] ^ mix(first[s] * 31L + last[s]));
      }
    }
    return h;
  }

  /**
   * A deep copy.
   *
   * @return an independent map with the same content
   */
  public CustomerSpans copy() {
    CustomerSpans c = new CustomerSpans(0);
    c.keys = keys.clone();
    c.first = first.clone();
    c.last = last.clone();
    c.size = size;
    c.mask = mask;
    c.threshold = threshold;
    return c;
  }

  /**
   * The splitmix64 finaliser (Steele, Lea &amp; Flood 2014), so that sequential ids spread.
   *
   * @param x the key
   * @return the mixed bits
   */
  public static long mix(long x) {
    long z = x;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * A 64-bit hash of a string id: FNV-1a over the UTF-16 code units, then {@link #mix}.
   *
   * @param s the string
   * @return the hash
   */
  public static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h ^ s.length());
  }
}
