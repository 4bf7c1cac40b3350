package dev.niche.contract;

import java.lang.reflect.Array;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Valid-looking values per parameter type, tried in order (then in random combinations) until a
 * call succeeds: that call is the baseline whose arguments the bad-value corpus replaces one at a
 * time. Values of API types come from the {@link Pool} (instances made by earlier successful
 * calls and by the {@link Registry}).
 */
final class Candidates {

  private Candidates() {}

  static final List<Object> DOUBLES =
      List.of(1.0, 0.5, 2.0, 0.1, 10.0, 3.0, 0.9, 100.0, 0.0, 50.0, 0.25, 5.0);
  static final List<Object> INTS = List.of(1, 2, 3, 0, 4, 5, 10);
  static final List<Object> LONGS = List.of(1L, 10L, 100L, 0L, 3L, 1000L);
  static final List<Object> STRINGS = List.of("a", "b", "c", "d", "x");

  static final List<Object> DOUBLE_ARRAYS = List.of(
      new double[] {1.0, 2.0},
      new double[] {0.5, 0.3, 0.2},
      new double[] {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0},
      new double[] {20.0, 20.0},
      new double[] {10.0, 5.0},
      new double[] {1.0, 2.0, 3.0},
      new double[] {0.0, 1.0, 2.0, 3.0, 4.0, 5.0},
      new double[] {100.0, 40.0, 20.0, 15.0},
      new double[] {2.0, 1.0, 0.0, 3.0, 1.0, 2.0, 0.0, 4.0},
      new double[] {0.5},
      new double[] {0.2, 0.3});

  static final List<Object> MATRICES_2D = List.of(
      new double[][] {{0.2, 0.1}, {0.1, 0.3}},
      new double[][] {{-1.0, -0.5}, {-0.4, -1.0}},
      new double[][] {{1.0, 1.0}, {1.2, 0.8}, {0.9, 1.1}, {1.1, 1.0},
          {5.0, 5.0}, {5.2, 4.9}, {4.8, 5.1}, {5.1, 5.0}},
      new double[][] {{10.0, 2.0}, {3.0, 8.0}},
      new double[][] {{0.1, 0.2, 0.0}, {0.0, 0.1, 0.3}, {0.2, 0.0, 0.1}},
      new double[][] {{1.0, 5.0}, {5.2, 1.0}},
      new double[][] {{1.0, 2.0}, {1.5, 2.5}, {2.0, 3.0}, {2.5, 3.5}, {3.0, 4.0},
          {3.5, 4.5}, {4.0, 5.0}, {4.5, 5.5}});

  static final List<Object> INT_ARRAYS = List.of(
      new int[] {0, 0, 0, 0, 1, 1, 1, 1},
      new int[] {1, 2, 3, 4},
      new int[] {0},
      new int[] {0, 1},
      new int[] {0, 1, 0, 1, 0, 1, 0, 1});

  static final List<Object> LONG_ARRAYS = List.of(
      new long[] {1000, 869, 743, 653, 593, 551, 517, 491},
      new long[] {100, 80, 60},
      new long[] {10, 5});

  static final List<Object> BOOLEAN_ARRAYS = List.of(
      new boolean[] {true, false, true, true, false, true, true, false},
      new boolean[] {true, false},
      new boolean[] {true, true, false});

  static final List<Object> DATES =
      List.of(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 1, 15), LocalDate.of(2025, 1, 1));

  /**
   * The candidates for a declared parameter type, or an empty list if none is known (the pool
   * may not hold an instance yet).
   */
  static List<Sample> samples(Class<?> type, Type generic, Pool pool) {
    if (ApiTypes.isApi(type) && !type.isEnum() && !type.isArray()) {
      return pool.instancesOf(type);
    }
    List<Sample> samples = new ArrayList<>();
    for (Object value : forType(type, generic, pool)) {
      samples.add(Sample.of(value, Values.describe(value)));
    }
    // Other types (streams, ...) come from the registry, which may rebuild them for every call.
    return samples.isEmpty() ? pool.instancesOf(type) : samples;
  }

  private static List<Object> forType(Class<?> type, Type generic, Pool pool) {
    if (type == double.class || type == Double.class) {
      return DOUBLES;
    }
    if (type == int.class || type == Integer.class) {
      return INTS;
    }
    if (type == long.class || type == Long.class) {
      return LONGS;
    }
    if (type == boolean.class || type == Boolean.class) {
      return List.of(true, false);
    }
    if (type == String.class || type == CharSequence.class) {
      return STRINGS;
    }
    if (type == double[].class) {
      return DOUBLE_ARRAYS;
    }
    if (type == double[][].class) {
      return MATRICES_2D;
    }
    if (type == int[].class) {
      return INT_ARRAYS;
    }
    if (type == long[].class) {
      return LONG_ARRAYS;
    }
    if (type == boolean[].class) {
      return BOOLEAN_ARRAYS;
    }
    if (type == LocalDate.class) {
      return DATES;
    }
    if (type == LocalDateTime.class) {
      return List.of(LocalDateTime.of(2024, 3, 31, 12, 0));
    }
    if (type == Object.class) {
      return List.of("a");
    }
    if (type.isEnum()) {
      return Arrays.asList(type.getEnumConstants());
    }
    if (type == List.class || type == Iterable.class || type == Collection.class) {
      return lists(elementType(generic), pool);
    }
    if (type.isArray() && !type.getComponentType().isPrimitive()) {
      return arrays(type.getComponentType(), pool);
    }
    if (type == Map.class) {
      return maps(generic, pool);
    }
    return List.of();
  }

  /** Maps from "a", "b", ... to samples of the value type (String keys only). */
  private static List<Object> maps(Type generic, Pool pool) {
    if (!(generic instanceof ParameterizedType)
        || ((ParameterizedType) generic).getActualTypeArguments()[0] != String.class) {
      return List.of();
    }
    Class<?> valueType = typeArgument(generic, 1);
    List<Object> values = new ArrayList<>(forType(valueType, valueType, pool));
    if (values.isEmpty() && ApiTypes.isApi(valueType)) {
      for (Sample s : pool.instancesOf(valueType)) {
        values.add(s.get());
      }
    }
    List<Object> maps = new ArrayList<>();
    if (values.isEmpty()) {
      return maps;
    }
    Map<String, Object> all = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      all.put((String) STRINGS.get(i % STRINGS.size()) + i, values.get(i));
    }
    maps.add(all);
    maps.add(Map.of("a", values.get(0)));
    return maps;
  }

  private static Class<?> elementType(Type generic) {
    return typeArgument(generic, 0);
  }

  private static Class<?> typeArgument(Type generic, int index) {
    if (generic instanceof ParameterizedType) {
      Type arg = ((ParameterizedType) generic).getActualTypeArguments()[index];
      if (arg instanceof WildcardType) {
        arg = ((WildcardType) arg).getUpperBounds()[0];
      }
      if (arg instanceof Class) {
        return (Class<?>) arg;
      }
      if (arg instanceof ParameterizedType) {
        return (Class<?>) ((ParameterizedType) arg).getRawType();
      }
    }
    return Object.class;
  }

  private static List<Object> objects(Class<?> element, Pool pool) {
    List<Object> singles = new ArrayList<>(forType(element, element, pool));
    if (singles.isEmpty()) {
      for (Sample s : pool.instancesOf(element)) {
        singles.add(s.get());
      }
    }
    return singles;
  }

  private static List<Object> lists(Class<?> element, Pool pool) {
    List<Object> singles = objects(element, pool);
    List<Object> lists = new ArrayList<>();
    if (singles.isEmpty()) {
      return lists;
    }
    if (element == String.class) {
      lists.add(List.of("a", "b", "c"));
      lists.add(List.of("a", "b"));
      lists.add(List.of("a"));
      lists.add(List.of("a", "b", "c", "d"));
      return lists;
    }
    List<Object> all = new ArrayList<>(singles);
    lists.add(all);
    if (all.size() > 1) {
      lists.add(new ArrayList<>(all.subList(0, 2)));
    }
    lists.add(new ArrayList<>(all.subList(0, 1)));
    return lists;
  }

  private static List<Object> arrays(Class<?> component, Pool pool) {
    List<Object> singles = objects(component, pool);
    List<Object> arrays = new ArrayList<>();
    if (singles.isEmpty()) {
      return arrays;
    }
    for (int n : new int[] {singles.size(), 2, 1}) {
      if (n > singles.size()) {
        continue;
      }
      Object array = Array.newInstance(component, n);
      for (int i = 0; i < n; i++) {
        Array.set(array, i, singles.get(i));
      }
      arrays.add(array);
    }
    return arrays;
  }
}
