package dev.niche.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instances of API types available as receivers and arguments: those the {@link Registry} makes
 * and those returned by successful baseline calls, at most {@link #PER_CLASS} per class.
 */
final class Pool {
  static final int PER_CLASS = 4;

  private final Map<Class<?>, List<Sample>> byClass = new LinkedHashMap<>();

  /** Adds an instance unless its class already has enough; returns true if added. */
  synchronized boolean add(Class<?> type, Sample sample) {
    List<Sample> samples = byClass.computeIfAbsent(type, t -> new ArrayList<>());
    if (samples.size() >= PER_CLASS) {
      return false;
    }
    samples.add(sample);
    return true;
  }

  /** Instances assignable to a type, registry ones first. */
  synchronized List<Sample> instancesOf(Class<?> type) {
    List<Sample> result = new ArrayList<>();
    for (Map.Entry<Class<?>, List<Sample>> e : byClass.entrySet()) {
      if (type.isAssignableFrom(e.getKey())) {
        result.addAll(e.getValue());
      }
    }
    return result;
  }

  synchronized int count(Class<?> type) {
    List<Sample> samples = byClass.get(type);
    return samples == null ? 0 : samples.size();
  }
}
