package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference values and data written by {@code cox/cox-references.R} (R survival 3.5.3) into
 * {@code src/test/resources/dev/niche/churn/cox/}.
 */
final class CoxReferences {

  private static final String DIR = "/dev/niche/churn/cox/";
  private static final Map<String, double[]> VALUES = load();

  private CoxReferences() {}

  static double[] get(String key) {
    double[] v = VALUES.get(key);
    if (v == null) {
      throw new IllegalArgumentException("no reference " + key);
    }
    return v;
  }

  static boolean has(String key) {
    return VALUES.containsKey(key);
  }

  /** Asserts {@code |actual − expected| <= rel · |expected|} element by element. */
  static void assertRelative(double[] expected, double[] actual, double rel, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      double tol = rel * Math.abs(expected[i]);
      assertTrue(Math.abs(actual[i] - expected[i]) <= tol,
          what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i]
              + " (relative error " + Math.abs(actual[i] - expected[i]) / Math.abs(expected[i])
              + ")");
    }
  }

  /** The columns of one of the CSV data sets, by header name. */
  static Map<String, String[]> table(String name) {
    try (InputStream in = CoxReferences.class.getResourceAsStream(DIR + name + ".csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String[] header = r.readLine().split(",");
      List<String[]> rows = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split(","));
        }
      }
      Map<String, String[]> columns = new LinkedHashMap<>();
      for (int c = 0; c < header.length; c++) {
        String[] col = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
          col[i] = rows.get(i)[c];
        }
        columns.put(header[c], col);
      }
      return columns;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[] doubles(Map<String, String[]> table, String column) {
    String[] s = table.get(column);
    double[] d = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      d[i] = Double.parseDouble(s[i]);
    }
    return d;
  }

  static int[] ints(Map<String, String[]> table, String column) {
    double[] d = doubles(table, column);
    int[] v = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      v[i] = (int) d[i];
    }
    return v;
  }

  static boolean[] flags(Map<String, String[]> table, String column) {
    double[] d = doubles(table, column);
    boolean[] v = new boolean[d.length];
    for (int i = 0; i < d.length; i++) {
      v[i] = d[i] != 0;
    }
    return v;
  }

  private static Map<String, double[]> load() {
    Map<String, double[]> m = new HashMap<>();
    try (InputStream in = CoxReferences.class.getResourceAsStream(DIR + "references.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] parts = line.trim().split("\\s+");
        double[] v = new double[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
          v[i - 1] = Double.parseDouble(parts[i]);
        }
        m.put(parts[0], v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }
}
