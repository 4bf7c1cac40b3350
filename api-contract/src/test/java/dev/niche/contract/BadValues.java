package dev.niche.contract;

import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The bad-value corpus: for a parameter's type and its valid (baseline) value, the hostile
 * values to pass in its place. Each comes with a stable label used in reports and in the
 * known-defects and exemption lists.
 */
final class BadValues {

  private BadValues() {}

  /** A hostile value and its label. */
  record Bad(String label, Object value) {}

  static List<Bad> forType(Class<?> type, Type generic, Object valid) {
    List<Bad> bad = new ArrayList<>();
    if (type == double.class || type == Double.class) {
      add(bad, "NaN", Double.NaN);
      add(bad, "Infinity", Double.POSITIVE_INFINITY);
      add(bad, "-Infinity", Double.NEGATIVE_INFINITY);
      add(bad, "-1.0", -1.0);
      add(bad, "0.0", 0.0);
      add(bad, "1e308", 1e308);
      add(bad, "-1e308", -1e308);
      add(bad, "Double.MIN_VALUE", Double.MIN_VALUE);
    } else if (type == int.class || type == Integer.class) {
      add(bad, "-1", -1);
      add(bad, "0", 0);
      add(bad, "Integer.MAX_VALUE", Integer.MAX_VALUE);
      add(bad, "Integer.MIN_VALUE", Integer.MIN_VALUE);
    } else if (type == long.class || type == Long.class) {
      add(bad, "-1", -1L);
      add(bad, "0", 0L);
      add(bad, "Integer.MAX_VALUE", (long) Integer.MAX_VALUE);
      add(bad, "Long.MAX_VALUE", Long.MAX_VALUE);
      add(bad, "Long.MIN_VALUE", Long.MIN_VALUE);
    } else if (type == boolean.class || type == Boolean.class) {
      return bad;
    } else if (type.isArray()) {
      arrays(bad, type, valid);
    } else if (type.isPrimitive()) {
      return bad;
    } else {
      add(bad, "null", null);
      if (type == String.class) {
        add(bad, "\"\"", "");
      } else if (type == LocalDate.class) {
        add(bad, "LocalDate.MAX", LocalDate.MAX);
        add(bad, "LocalDate.MIN", LocalDate.MIN);
      } else if (type == LocalDateTime.class) {
        add(bad, "LocalDateTime.MAX", LocalDateTime.MAX);
      } else if ((type == List.class || type == Iterable.class || type == Collection.class)
          && valid instanceof List) {
        List<?> list = (List<?>) valid;
        add(bad, "empty list", List.of());
        List<Object> withNull = new ArrayList<>(list);
        withNull.add(null);
        add(bad, "list with null", withNull);
        if (!list.isEmpty()) {
          List<Object> longer = new ArrayList<>(list);
          longer.add(list.get(list.size() - 1));
          add(bad, "list with last repeated", longer);
        }
        if (list.size() > 1) {
          add(bad, "list without last", new ArrayList<>(list.subList(0, list.size() - 1)));
        }
      }
    }
    return bad;
  }

  private static void arrays(List<Bad> bad, Class<?> type, Object valid) {
    Class<?> component = type.getComponentType();
    add(bad, "null", null);
    add(bad, "empty", Array.newInstance(component, 0));
    if (valid == null) {
      return;
    }
    int n = Array.getLength(valid);
    if (component == double.class) {
      double[] v = (double[]) valid;
      if (n > 0) {
        add(bad, "NaN inside", with(v, 0, Double.NaN));
        add(bad, "Infinity inside", with(v, n - 1, Double.POSITIVE_INFINITY));
        add(bad, "-1 inside", with(v, 0, -1.0));
        add(bad, "1e308 inside", with(v, 0, 1e308));
        add(bad, "Double.MIN_VALUE inside", with(v, n - 1, Double.MIN_VALUE));
        add(bad, "one longer", Arrays.copyOf(v, n + 1));
      }
      if (n > 1) {
        add(bad, "one shorter", Arrays.copyOf(v, n - 1));
      }
    } else if (component == int.class) {
      int[] v = (int[]) valid;
      if (n > 0) {
        int[] neg = v.clone();
        neg[0] = -1;
        add(bad, "-1 inside", neg);
        int[] max = v.clone();
        max[n - 1] = Integer.MAX_VALUE;
        add(bad, "Integer.MAX_VALUE inside", max);
        add(bad, "one longer", Arrays.copyOf(v, n + 1));
      }
      if (n > 1) {
        add(bad, "one shorter", Arrays.copyOf(v, n - 1));
      }
    } else if (component == long.class) {
      long[] v = (long[]) valid;
      if (n > 0) {
        long[] neg = v.clone();
        neg[0] = -1;
        add(bad, "-1 inside", neg);
        long[] max = v.clone();
        max[0] = Long.MAX_VALUE;
        add(bad, "Long.MAX_VALUE inside", max);
        add(bad, "one longer", Arrays.copyOf(v, n + 1));
      }
      if (n > 1) {
        add(bad, "one shorter", Arrays.copyOf(v, n - 1));
      }
    } else if (component == boolean.class) {
      boolean[] v = (boolean[]) valid;
      if (n > 0) {
        add(bad, "one longer", Arrays.copyOf(v, n + 1));
      }
      if (n > 1) {
        add(bad, "one shorter", Arrays.copyOf(v, n - 1));
      }
    } else if (component == double[].class) {
      double[][] v = (double[][]) valid;
      if (n > 0 && v[0] != null) {
        int m = v[0].length;
        double[][] ragged = (double[][]) Values.deepCopy(v);
        ragged[n - 1] = Arrays.copyOf(ragged[n - 1], m + 1);
        add(bad, "ragged", ragged);
        if (n > 1) {
          double[][] shortRow = (double[][]) Values.deepCopy(v);
          shortRow[1] = Arrays.copyOf(shortRow[1], Math.max(0, m - 1));
          add(bad, "ragged (short row)", shortRow);
        }
        double[][] nullRow = (double[][]) Values.deepCopy(v);
        nullRow[n - 1] = null;
        add(bad, "null row", nullRow);
        add(bad, "empty rows", new double[n][0]);
        if (m > 0) {
          double[][] nan = (double[][]) Values.deepCopy(v);
          nan[0][0] = Double.NaN;
          add(bad, "NaN inside", nan);
          double[][] inf = (double[][]) Values.deepCopy(v);
          inf[n - 1][m - 1] = Double.NEGATIVE_INFINITY;
          add(bad, "-Infinity inside", inf);
          double[][] neg = (double[][]) Values.deepCopy(v);
          neg[0][0] = -1;
          add(bad, "-1 inside", neg);
          double[][] huge = (double[][]) Values.deepCopy(v);
          huge[0][0] = 1e308;
          add(bad, "1e308 inside", huge);
        }
        double[][] longer = Arrays.copyOf((double[][]) Values.deepCopy(v), n + 1);
        longer[n] = v[n - 1].clone();
        add(bad, "one more row", longer);
        if (n > 1) {
          add(bad, "one row fewer", Values.deepCopy(Arrays.copyOf(v, n - 1)));
        }
        if (m > 0) {
          double[][] wider = new double[n][];
          for (int i = 0; i < n; i++) {
            wider[i] = Arrays.copyOf(v[i], m + 1);
          }
          add(bad, "one more column", wider);
        }
      }
    } else if (component == int[].class) {
      int[][] v = (int[][]) valid;
      if (n > 0 && v[0] != null) {
        int[][] nullRow = (int[][]) Values.deepCopy(v);
        nullRow[n - 1] = null;
        add(bad, "null row", nullRow);
      }
    } else if (!component.isPrimitive()) {
      Object[] v = (Object[]) valid;
      Object[] withNull = Arrays.copyOf(v, n + 1);
      add(bad, "with null", withNull);
      if (n > 0) {
        Object[] longer = Arrays.copyOf(v, n + 1);
        longer[n] = v[n - 1];
        add(bad, "last repeated", longer);
      }
      if (n > 1) {
        add(bad, "one shorter", Arrays.copyOf(v, n - 1));
      }
    }
  }

  private static double[] with(double[] v, int i, double x) {
    double[] copy = v.clone();
    copy[i] = x;
    return copy;
  }

  private static void add(List<Bad> bad, String label, Object value) {
    bad.add(new Bad(label, value));
  }
}
