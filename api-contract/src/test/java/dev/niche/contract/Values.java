package dev.niche.contract;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;

/** Array copies, deep comparisons and the search for non-finite numbers in results. */
final class Values {

  private Values() {}

  /** A deep copy of an array (primitive or of arrays); other values are returned as they are. */
  static Object deepCopy(Object value) {
    if (value == null || !value.getClass().isArray()) {
      return value;
    }
    int n = Array.getLength(value);
    Object copy = Array.newInstance(value.getClass().getComponentType(), n);
    for (int i = 0; i < n; i++) {
      Array.set(copy, i, deepCopy(Array.get(value, i)));
    }
    return copy;
  }

  static boolean deepEquals(Object a, Object b) {
    return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
  }

  /** True if a value is null or holds a null (array elements and rows, list elements). */
  static boolean containsNull(Object value) {
    if (value == null) {
      return true;
    }
    if (value instanceof Object[]) {
      for (Object o : (Object[]) value) {
        if (containsNull(o)) {
          return true;
        }
      }
    } else if (value instanceof Collection) {
      for (Object o : (Collection<?>) value) {
        if (o == null || o instanceof Object[] && containsNull(o)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True if any double in the value (arrays of any depth) is NaN or infinite. */
  static boolean containsNonFinite(Object value) {
    if (value instanceof Double) {
      return !Double.isFinite((Double) value);
    }
    if (value instanceof Float) {
      return !Float.isFinite((Float) value);
    }
    if (value instanceof double[]) {
      for (double v : (double[]) value) {
        if (!Double.isFinite(v)) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof Object[]) {
      for (Object o : (Object[]) value) {
        if (containsNonFinite(o)) {
          return true;
        }
      }
    }
    return false;
  }

  /** What a documented result may hold. */
  interface Allowance {
    /** Whether the member producing the value documents NaN (nan) or infinities (!nan). */
    boolean allows(Method accessor, boolean nan);
  }

  /**
   * Looks for NaN or infinities in a result: numbers, arrays, optionals, collections and record
   * components (to a small depth). Returns a description such as {@code "[2] = NaN"} or
   * {@code ".standardError() = NaN"}, or null if everything is finite or documented.
   */
  static String nonFinite(Object value, Allowance allowance, int depth) {
    if (value == null || depth > 3) {
      return null;
    }
    if (value instanceof Double || value instanceof Float) {
      double v = ((Number) value).doubleValue();
      return Double.isFinite(v) ? null : " = " + v;
    }
    if (value instanceof OptionalDouble) {
      OptionalDouble o = (OptionalDouble) value;
      return o.isPresent() ? nonFinite(o.getAsDouble(), allowance, depth) : null;
    }
    if (value instanceof Optional) {
      return nonFinite(((Optional<?>) value).orElse(null), allowance, depth + 1);
    }
    if (value.getClass().isArray()) {
      int n = Array.getLength(value);
      for (int i = 0; i < n; i++) {
        String inner = nonFinite(Array.get(value, i), allowance, depth);
        if (inner != null) {
          return "[" + i + "]" + inner;
        }
      }
      return null;
    }
    if (value instanceof Collection) {
      int i = 0;
      for (Object o : (Collection<?>) value) {
        String inner = nonFinite(o, allowance, depth + 1);
        if (inner != null) {
          return ".get(" + i + ")" + inner;
        }
        i++;
      }
      return null;
    }
    if (value instanceof Record && ApiTypes.isApi(value.getClass())) {
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        Object v;
        try {
          v = c.getAccessor().invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
          continue;
        }
        String inner = nonFinite(v, allowance, depth + 1);
        if (inner != null) {
          boolean nan = inner.endsWith("NaN");
          if (allowance.allows(c.getAccessor(), nan)) {
            continue;
          }
          return "." + c.getName() + "()" + inner;
        }
      }
    }
    return null;
  }

  /** Changes one element of an array result (the first number found), for the exposure check. */
  static boolean scribble(Object array) {
    if (array instanceof double[]) {
      double[] a = (double[]) array;
      if (a.length > 0) {
        a[0] = a[0] == 12345.678 ? -12345.678 : 12345.678;
        return true;
      }
    } else if (array instanceof int[]) {
      int[] a = (int[]) array;
      if (a.length > 0) {
        a[0] = a[0] == 12345 ? -12345 : 12345;
        return true;
      }
    } else if (array instanceof long[]) {
      long[] a = (long[]) array;
      if (a.length > 0) {
        a[0] = a[0] == 12345 ? -12345 : 12345;
        return true;
      }
    } else if (array instanceof boolean[]) {
      boolean[] a = (boolean[]) array;
      if (a.length > 0) {
        a[0] = !a[0];
        return true;
      }
    } else if (array instanceof Object[]) {
      for (Object row : (Object[]) array) {
        if (row != null && row.getClass().isArray() && scribble(row)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Short text for a value in a report. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value.getClass().isArray()) {
      String s = Arrays.deepToString(new Object[] {value});
      s = s.substring(1, s.length() - 1);
      return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
    String s = String.valueOf(value);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  /** The accessor's declaring method, for allowance look-ups. */
  static Method accessor(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
