package dev.niche.contract;

import java.util.function.Supplier;

/**
 * One argument or receiver value: how to obtain it for a call and how to name it in a report.
 * Arrays are copied for every call (so a mutation by one call cannot leak into the next);
 * receivers of fluent (builder-like) types are rebuilt for every call by replaying the calls
 * that made them.
 */
final class Sample {
  private final Supplier<Object> maker;
  private final String label;
  private final boolean rebuild;
  private Object cached;
  private boolean made;

  private Sample(Supplier<Object> maker, String label, boolean rebuild) {
    this.maker = maker;
    this.label = label;
    this.rebuild = rebuild;
  }

  /** A value; arrays are deep-copied on every {@link #get()}. */
  static Sample of(Object value, String label) {
    if (value != null && value.getClass().isArray()) {
      return new Sample(() -> Values.deepCopy(value), label, true);
    }
    return new Sample(() -> value, label, false);
  }

  /** A value made by a recipe, made once or on every {@link #get()}. */
  static Sample made(Supplier<Object> maker, String label, boolean rebuild) {
    return new Sample(maker, label, rebuild);
  }

  /** The value for one call. */
  synchronized Object get() {
    if (rebuild) {
      return maker.get();
    }
    if (!made) {
      cached = maker.get();
      made = true;
    }
    return cached;
  }

  String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
