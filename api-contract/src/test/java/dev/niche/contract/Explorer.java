package dev.niche.contract;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a baseline (a successful call with valid-looking arguments) for every entry point, in
 * rounds so that instances returned by one round's calls serve as receivers and arguments in
 * the next; then probes each entry with the bad-value corpus, one argument at a time, and
 * follows each probe that returned an API object with that object's own methods (so that a bad
 * value accepted by a factory or builder is caught where it does harm, e.g. in {@code fit}).
 */
final class Explorer {

  private static final Logger LOG = LoggerFactory.getLogger(Explorer.class);
  private static final int ROUNDS = 6;
  private static final int ATTEMPTS = 48;
  private static final int FOLLOW_UP_DEPTH = 2;

  /** A successful call: its receiver, arguments and result. */
  record Baseline(Sample receiver, Sample[] args, Object result) {}

  private final List<Executable> entries;
  private final Pool pool = new Pool();
  private final Map<Executable, Baseline> baselines = new LinkedHashMap<>();
  private final Map<Executable, String> missing = new LinkedHashMap<>();
  private final CallRunner runner;
  private final Judge judge;
  private final KnownDefects known;
  private final List<Executable> unprobed = new ArrayList<>();

  Explorer(List<Executable> entries, CallRunner runner, Judge judge, KnownDefects known) {
    this.entries = entries;
    this.runner = runner;
    this.judge = judge;
    this.known = known;
  }

  Map<Executable, Baseline> baselines() {
    return baselines;
  }

  /** Entry points without a baseline, with the reason. */
  Map<Executable, String> missing() {
    return missing;
  }

  /** Entry points left unprobed because the time budget ran out. */
  List<Executable> unprobed() {
    return unprobed;
  }

  void run() {
    Registry.seed(pool);
    for (Executable e : entries) {
      Class<?> type = e.getDeclaringClass();
      if (type.isEnum()) {
        for (Object constant : type.getEnumConstants()) {
          pool.add(type, Sample.of(constant, String.valueOf(constant)));
        }
      }
    }
    for (int round = 0; round < ROUNDS; round++) {
      boolean progress = false;
      for (Executable e : entries) {
        if (!baselines.containsKey(e) && findBaseline(e)) {
          progress = true;
        }
      }
      LOG.debug("round {}: {} of {} entry points have a baseline", round, baselines.size(),
          entries.size());
      if (!progress) {
        break;
      }
    }
    for (Executable e : entries) {
      if (!baselines.containsKey(e)) {
        missing.putIfAbsent(e, "no combination of candidate values succeeded");
      }
    }
    for (Map.Entry<Executable, Baseline> b : baselines.entrySet()) {
      if (runner.overBudget()) {
        unprobed.add(b.getKey());
        continue;
      }
      probe(b.getKey(), b.getValue());
    }
  }

  private boolean findBaseline(Executable e) {
    boolean found = search(e);
    if (!found) {
      missing.putIfAbsent(e, "no combination of candidate values succeeded");
    }
    return found;
  }

  private boolean search(Executable e) {
    missing.remove(e);
    List<Sample> receivers = List.of();
    if (!Entries.isStatic(e)) {
      receivers = pool.instancesOf(e.getDeclaringClass());
      if (receivers.isEmpty()) {
        missing.put(e, "no instance of " + e.getDeclaringClass().getName());
        return false;
      }
    }
    Class<?>[] types = e.getParameterTypes();
    Type[] generics = e.getGenericParameterTypes();
    List<List<Sample>> candidates = new ArrayList<>();
    List<Object[]> explicit = Registry.arguments(Entries.name(e));
    for (int i = 0; i < types.length; i++) {
      List<Sample> c = new ArrayList<>();
      for (Object[] args : explicit) {
        c.add(Sample.of(args[i], Values.describe(args[i])));
      }
      c.addAll(Candidates.samples(types[i], generics[i], pool));
      if (c.isEmpty()) {
        missing.put(e, "no sample of parameter type " + generics[i].getTypeName());
        return false;
      }
      candidates.add(c);
    }
    Random random = new Random(Entries.name(e).hashCode());
    Baseline first = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Sample receiver = receivers.isEmpty() ? null
          : receivers.get(pick(attempt, receivers.size(), random));
      Sample[] args = new Sample[types.length];
      for (int i = 0; i < args.length; i++) {
        args[i] = candidates.get(i).get(pick(attempt, candidates.get(i).size(), random));
      }
      Object target = receiver == null ? null : receiver.get();
      Object[] values = values(args);
      Object[] before = copies(values);
      CallRunner.Outcome outcome = runner.call(e, target, values);
      judge.judge(e, "baseline", "arguments " + labels(args), e, values, before,
          !Values.containsNonFinite(values), outcome);
      if (!outcome.returned()) {
        continue;
      }
      // The first call with a finite result wins (else the first success): the search is
      // deterministic, so the findings are the same on every machine.
      Baseline b = new Baseline(receiver, args, outcome.result());
      boolean finite = Values.nonFinite(outcome.result(), judge::allows, 0) == null;
      if (first == null || finite) {
        first = b;
      }
      if (finite) {
        break;
      }
    }
    if (first == null) {
      return false;
    }
    baselines.put(e, first);
    missing.remove(e);
    exposureCheck(e, first);
    addToPool(e, first, first.result());
    return true;
  }

  private static int pick(int attempt, int size, Random random) {
    if (attempt == 0) {
      return 0;
    }
    if (attempt < 12) {
      return attempt % size;
    }
    return random.nextInt(size);
  }

  /** Adds API objects from a result to the pool, each with a recipe that remakes it. */
  private void addToPool(Executable e, Baseline b, Object result) {
    if (result == null) {
      return;
    }
    if (result instanceof Collection) {
      int i = 0;
      for (Object element : (Collection<?>) result) {
        if (element != null && ApiTypes.isApi(element.getClass())
            && !element.getClass().isEnum()) {
          pool.add(element.getClass(),
              Sample.of(element, Entries.memberName(e) + ".get(" + i + ")"));
        }
        i++;
      }
      return;
    }
    if (result instanceof Optional) {
      ((Optional<?>) result).ifPresent(element -> {
        if (ApiTypes.isApi(element.getClass()) && !element.getClass().isEnum()) {
          pool.add(element.getClass(), Sample.of(element, Entries.memberName(e) + ".get()"));
        }
      });
      return;
    }
    Class<?> type = result.getClass();
    if (!ApiTypes.isApi(type) || type.isEnum() || type.isArray()) {
      return;
    }
    boolean rebuild = Entries.fluent(type);
    String label = (b.receiver() == null ? "" : b.receiver().label() + ".")
        + Entries.memberName(e);
    Sample sample = Sample.made(() -> replay(e, b), label, rebuild);
    pool.add(type, sample);
  }

  private static Object replay(Executable e, Baseline b) {
    Object target = b.receiver() == null ? null : b.receiver().get();
    Object[] values = values(b.args());
    try {
      if (e instanceof Method) {
        return ((Method) e).invoke(target, values);
      }
      return ((Constructor<?>) e).newInstance(values);
    } catch (InvocationTargetException ex) {
      throw new IllegalStateException("replaying " + Entries.name(e) + " failed", ex.getCause());
    } catch (ReflectiveOperationException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** Calls an array-returning member twice after scribbling on the first result. */
  private void exposureCheck(Executable e, Baseline b) {
    Object first = b.result();
    if (first == null || !first.getClass().isArray()) {
      return;
    }
    Object[] args = values(b.args());
    for (int i = 0; i < args.length; i++) {
      if (args[i] != null && args[i].getClass().isArray() && shares(first, args[i])) {
        judge.add(new Finding(Entries.name(e), "", "returns an argument's array",
            "copy arrays that belong to the caller"));
      }
    }
    if (Entries.isStatic(e)) {
      return;
    }
    Object target = b.receiver().get();
    CallRunner.Outcome one = runner.call(e, target, values(b.args()));
    if (!one.returned() || one.result() == null) {
      return;
    }
    Object snapshot = Values.deepCopy(one.result());
    if (!Values.scribble(one.result())) {
      return;
    }
    CallRunner.Outcome two = runner.call(e, target, values(b.args()));
    if (two.returned() && (shares(one.result(), two.result())
        || (Values.deepEquals(two.result(), one.result())
            && !Values.deepEquals(two.result(), snapshot)))) {
      judge.add(new Finding(Entries.name(e), "", "exposes internal array",
          "a caller that changes the returned array changes the object; return a copy"));
    }
  }

  /** True if two arrays are the same object or share a row. */
  private static boolean shares(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a instanceof Object[] && b instanceof Object[]) {
      for (Object x : (Object[]) a) {
        for (Object y : (Object[]) b) {
          if (x != null && x == y) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void probe(Executable e, Baseline b) {
    if (!Entries.isStatic(e)) {
      // Every other instance in the pool as the receiver, with the baseline's arguments: a
      // degenerate fit or model must keep the contract as well as the typical one.
      for (Sample receiver : pool.instancesOf(e.getDeclaringClass())) {
        if (receiver == b.receiver()) {
          continue;
        }
        String call = "receiver=" + receiver.label();
        if (known.skips(Entries.name(e) + " " + call)) {
          continue;
        }
        Object[] values = values(b.args());
        Object[] before = copies(values);
        judge.judge(e, call, e, values, before, !Values.containsNonFinite(values),
            runner.call(e, receiver.get(), values));
      }
    }
    Class<?>[] types = e.getParameterTypes();
    Type[] generics = e.getGenericParameterTypes();
    for (int i = 0; i < types.length; i++) {
      Object valid = b.args()[i].get();
      for (BadValues.Bad bad : BadValues.forType(types[i], generics[i], valid)) {
        String call = "arg" + i + "=" + bad.label();
        if (known.skips(Entries.name(e) + " " + call)) {
          continue;
        }
        Object[] values = values(b.args());
        values[i] = Values.deepCopy(bad.value());
        Object target = b.receiver() == null ? null : b.receiver().get();
        Object[] before = copies(values);
        boolean finite = !Values.containsNonFinite(values);
        CallRunner.Outcome outcome = runner.call(e, target, values);
        judge.judge(e, call, e, values, before, finite, outcome);
        if (outcome.returned()) {
          followUp(e, call, outcome.result(), finite, 1);
        }
      }
    }
  }

  /**
   * Calls the methods of an object that a probe returned, with their baseline arguments: the
   * bad value may have been accepted by a factory or builder only to break a later call.
   */
  private void followUp(Executable entry, String call, Object result, boolean finite,
      int depth) {
    if (result == null || depth > FOLLOW_UP_DEPTH || runner.overBudget()) {
      return;
    }
    Class<?> type = result.getClass();
    if (!ApiTypes.isApi(type) || type.isEnum() || type.isArray()) {
      return;
    }
    boolean fluent = Entries.fluent(type);
    for (Map.Entry<Executable, Baseline> m : baselines.entrySet()) {
      Executable member = m.getKey();
      if (Entries.isStatic(member) || member.getDeclaringClass() != type
          || !(member instanceof Method)) {
        continue;
      }
      String name = member.getName();
      if (name.equals("equals") || name.equals("hashCode") || name.equals("toString")) {
        continue;
      }
      if (fluent && ((Method) member).getReturnType() == type) {
        continue; // other settings of a builder: only its terminal calls matter
      }
      String chain = call + " -> " + Entries.memberName(member);
      if (known.skips(Entries.name(entry) + " " + chain)) {
        continue;
      }
      Object[] values = values(m.getValue().args());
      Object[] before = copies(values);
      CallRunner.Outcome outcome = runner.call(member, result, values);
      judge.judge(entry, chain, member, values, before,
          finite && !Values.containsNonFinite(values), outcome);
      if (outcome.returned()) {
        followUp(entry, chain, outcome.result(), finite, depth + 1);
      }
    }
  }

  private static Object[] values(Sample[] samples) {
    Object[] values = new Object[samples.length];
    for (int i = 0; i < samples.length; i++) {
      values[i] = samples[i].get();
    }
    return values;
  }

  private static Object[] copies(Object[] values) {
    Object[] copies = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      copies[i] = Values.deepCopy(values[i]);
    }
    return copies;
  }

  private static String labels(Sample[] args) {
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        s.append(", ");
      }
      s.append(args[i].label());
    }
    return s.append(')').toString();
  }
}
