package dev.niche.core;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The argument checks every Niche module uses. Each check returns its argument so that it can be
 * used inline, and each failure message names the argument and the offending value or index, for
 * example {@code "survivors[3] = -2 must be >= 0"}.
 *
 * <p>Nulls raise {@link NullPointerException}; every other violation raises
 * {@link IllegalArgumentException}. This class is stateless and thread-safe.
 */
public final class Checks {

  private Checks() {}

  /**
   * Requires a non-null reference.
   *
   * @param <T> the reference type
   * @param value the reference
   * @param name the argument's name, used in the message
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   */
  public static <T> T notNull(T value, String name) {
    return Objects.requireNonNull(value, () -> name + " must not be null");
  }

  /**
   * Requires a non-null collection without null elements.
   *
   * @param <C> the collection type
   * @param values the collection (not copied)
   * @param name the argument's name; the message names the first null element by its position in
   *     iteration order, e.g. {@code "terms[2] must not be null"}
   * @return {@code values}
   * @throws NullPointerException if {@code values} or one of its elements is null
   */
  public static <C extends Collection<?>> C noNullElements(C values, String name) {
    notNull(values, name);
    int i = 0;
    for (Object v : values) {
      if (v == null) {
        throw new NullPointerException(name + "[" + i + "] must not be null");
      }
      i++;
    }
    return values;
  }

  /**
   * Requires a condition on an argument. The message is built by the caller before the call, so
   * inside per-element loops prefer {@link #element(boolean, String, int, double, String)}, which
   * formats only on failure.
   *
   * @param condition the condition that must hold
   * @param message the complete failure message
   * @throws IllegalArgumentException if {@code condition} is false
   */
  public static void argument(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * Requires a condition on an argument, building the message only when the condition fails: for
   * hot paths (per-record imports, per-element loops) whose message needs more than
   * {@link #element(boolean, String, int, double, String)} offers.
   *
   * @param condition the condition that must hold
   * @param message supplies the complete failure message; called only on failure
   * @throws IllegalArgumentException if {@code condition} is false
   */
  public static void argument(boolean condition, Supplier<String> message) {
    if (!condition) {
      throw new IllegalArgumentException(message.get());
    }
  }

  /**
   * Requires a non-null reference, building the message only when it is null.
   *
   * @param <T> the reference type
   * @param value the reference
   * @param message supplies the complete failure message; called only on failure
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   */
  public static <T> T notNull(T value, Supplier<String> message) {
    return Objects.requireNonNull(value, message);
  }

  /**
   * Requires a non-null element of an array or list argument, with the message
   * {@code "name[index] must not be null"} formatted only on failure.
   *
   * @param <T> the element type
   * @param value the element
   * @param name the argument's name
   * @param index the element's index
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   */
  public static <T> T elementNotNull(T value, String name, int index) {
    if (value == null) {
      throw new NullPointerException(name + "[" + index + "] must not be null");
    }
    return value;
  }

  /**
   * The exception for an argument error that a computation finds rather than a check, such as a
   * design matrix found singular during a fit: {@code throw Checks.rejected(...)}. The message
   * must name the argument and what is wrong with it, as every other check's does.
   *
   * @param message the complete failure message
   * @return the exception to throw
   */
  public static IllegalArgumentException rejected(String message) {
    return new IllegalArgumentException(message);
  }

  /**
   * Requires a condition on one element of an array argument, formatting the message
   * {@code "name[index] = value requirement"} only when the condition fails, so that it costs
   * nothing in per-element loops.
   *
   * @param condition the condition that must hold
   * @param name the array argument's name
   * @param index the element's index
   * @param value the element's value
   * @param requirement what the value must satisfy, e.g. {@code "must be >= 0"}
   * @throws IllegalArgumentException if {@code condition} is false
   */
  public static void element(
      boolean condition, String name, int index, double value, String requirement) {
    if (!condition) {
      throw new IllegalArgumentException(
          name + "[" + index + "] = " + value + " " + requirement);
    }
  }

  /**
   * Like {@link #element(boolean, String, int, double, String)} for integer elements.
   *
   * @param condition the condition that must hold
   * @param name the array argument's name
   * @param index the element's index
   * @param value the element's value
   * @param requirement what the value must satisfy
   * @throws IllegalArgumentException if {@code condition} is false
   */
  public static void element(
      boolean condition, String name, int index, long value, String requirement) {
    if (!condition) {
      throw new IllegalArgumentException(
          name + "[" + index + "] = " + value + " " + requirement);
    }
  }

  /**
   * Requires a condition on one entry of a matrix argument, formatting the message
   * {@code "name[row][column] = value requirement"} only when the condition fails.
   *
   * @param condition the condition that must hold
   * @param name the matrix argument's name
   * @param row the entry's row
   * @param column the entry's column
   * @param value the entry's value
   * @param requirement what the value must satisfy
   * @throws IllegalArgumentException if {@code condition} is false
   */
  public static void element(boolean condition, String name, int row, int column, double value,
      String requirement) {
    if (!condition) {
      throw new IllegalArgumentException(
          name + "[" + row + "][" + column + "] = " + value + " " + requirement);
    }
  }

  /**
   * Requires a finite value (not NaN, not infinite).
   *
   * @param value the value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is NaN or infinite
   */
  public static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " = " + value + " must be finite");
    }
    return value;
  }

  /**
   * Requires a finite value strictly greater than zero.
   *
   * @param value the value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is not finite or not positive
   */
  public static double positive(double value, String name) {
    finite(value, name);
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " = " + value + " must be > 0");
    }
    return value;
  }

  /**
   * Requires a finite value greater than or equal to zero.
   *
   * @param value the value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is not finite or negative
   */
  public static double nonNegative(double value, String name) {
    finite(value, name);
    if (!(value >= 0)) {
      throw new IllegalArgumentException(name + " = " + value + " must be >= 0");
    }
    return value;
  }

  /**
   * Requires a finite value in the closed interval {@code [lower, upper]}.
   *
   * @param value the value
   * @param lower the smallest allowed value
   * @param upper the largest allowed value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is not finite or out of range
   */
  public static double inRange(double value, double lower, double upper, String name) {
    finite(value, name);
    if (value < lower || value > upper) {
      throw new IllegalArgumentException(
          name + " = " + value + " must be in [" + lower + ", " + upper + "]");
    }
    return value;
  }

  /**
   * Requires a value in the open interval (0, 1), e.g. a confidence level.
   *
   * @param value the value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is not strictly between 0 and 1
   */
  public static double openUnit(double value, String name) {
    finite(value, name);
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " = " + value + " must be in (0, 1)");
    }
    return value;
  }

  /**
   * Requires an integer strictly greater than zero.
   *
   * @param value the value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value < 1}
   */
  public static int positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " = " + value + " must be >= 1");
    }
    return value;
  }

  /**
   * Requires an integer greater than or equal to zero.
   *
   * @param value the value
   * @param name the argument's name
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value < 0}
   */
  public static long nonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " = " + value + " must be >= 0");
    }
    return value;
  }

  /**
   * Requires an index into a sequence of {@code size} elements.
   *
   * @param index the index
   * @param size the number of elements
   * @param name the argument's name
   * @return {@code index}
   * @throws IllegalArgumentException if {@code index} is not in {@code [0, size)}
   */
  public static int index(int index, int size, String name) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          name + " = " + index + " must be in [0, " + size + ")");
    }
    return index;
  }

  /**
   * Requires a non-empty array of finite values.
   *
   * @param values the array (not copied)
   * @param name the argument's name
   * @return {@code values}
   * @throws NullPointerException if {@code values} is null
   * @throws IllegalArgumentException if it is empty or holds a NaN or infinity
   */
  public static double[] finite(double[] values, String name) {
    nonEmpty(values, name);
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(element(name, i, values[i]) + " must be finite");
      }
    }
    return values;
  }

  /**
   * Requires a non-empty array of finite, non-negative values.
   *
   * @param values the array (not copied)
   * @param name the argument's name
   * @return {@code values}
   * @throws NullPointerException if {@code values} is null
   * @throws IllegalArgumentException if it is empty or holds a negative, NaN or infinite value
   */
  public static double[] nonNegative(double[] values, String name) {
    finite(values, name);
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) {
        throw new IllegalArgumentException(element(name, i, values[i]) + " must be >= 0");
      }
    }
    return values;
  }

  /**
   * Requires a non-empty array of non-negative counts.
   *
   * @param values the array (not copied)
   * @param name the argument's name
   * @return {@code values}
   * @throws NullPointerException if {@code values} is null
   * @throws IllegalArgumentException if it is empty or holds a negative count
   */
  public static long[] nonNegative(long[] values, String name) {
    notNull(values, name);
    if (values.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) {
        throw new IllegalArgumentException(
            name + "[" + i + "] = " + values[i] + " must be >= 0");
      }
    }
    return values;
  }

  /**
   * Requires a non-null, non-empty array.
   *
   * @param values the array (not copied)
   * @param name the argument's name
   * @return {@code values}
   * @throws NullPointerException if {@code values} is null
   * @throws IllegalArgumentException if it is empty
   */
  public static double[] nonEmpty(double[] values, String name) {
    notNull(values, name);
    if (values.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return values;
  }

  /**
   * Requires two arrays of equal length.
   *
   * @param a the first array
   * @param aName the first argument's name
   * @param b the second array
   * @param bName the second argument's name
   * @throws NullPointerException if either array is null
   * @throws IllegalArgumentException if the lengths differ
   */
  public static void sameLength(double[] a, String aName, double[] b, String bName) {
    sameLength(notNull(a, aName).length, aName, notNull(b, bName).length, bName);
  }

  /**
   * Requires two lengths to be equal.
   *
   * @param aLength the first length
   * @param aName the first argument's name
   * @param bLength the second length
   * @param bName the second argument's name
   * @throws IllegalArgumentException if the lengths differ
   */
  public static void sameLength(int aLength, String aName, int bLength, String bName) {
    if (aLength != bLength) {
      throw new IllegalArgumentException(
          aName + " has length " + aLength + " but " + bName + " has length " + bLength
              + "; they must match");
    }
  }

  /**
   * Requires a non-empty rectangular matrix of finite values with at least one column.
   *
   * @param matrix the matrix (not copied)
   * @param name the argument's name
   * @return the number of columns
   * @throws NullPointerException if the matrix or one of its rows is null
   * @throws IllegalArgumentException if it is empty, ragged, or holds a NaN or infinity
   */
  public static int rectangular(double[][] matrix, String name) {
    notNull(matrix, name);
    if (matrix.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    int columns = notNull(matrix[0], name + "[0]").length;
    if (columns == 0) {
      throw new IllegalArgumentException(name + "[0] must not be empty");
    }
    for (int i = 0; i < matrix.length; i++) {
      double[] row = notNull(matrix[i], name + "[" + i + "]");
      if (row.length != columns) {
        throw new IllegalArgumentException(
            name + "[" + i + "] has length " + row.length + " but " + name + "[0] has length "
                + columns + "; rows must all have the same length");
      }
      for (int j = 0; j < columns; j++) {
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException(
              name + "[" + i + "][" + j + "] = " + row[j] + " must be finite");
        }
      }
    }
    return columns;
  }

  /**
   * Requires a square matrix of finite values.
   *
   * @param matrix the matrix (not copied)
   * @param name the argument's name
   * @return its order (number of rows and columns)
   * @throws NullPointerException if the matrix or one of its rows is null
   * @throws IllegalArgumentException if it is empty, ragged, not square or not finite
   */
  public static int square(double[][] matrix, String name) {
    int columns = rectangular(matrix, name);
    if (columns != matrix.length) {
      throw new IllegalArgumentException(
          name + " is " + matrix.length + " x " + columns + " but must be square");
    }
    return columns;
  }

  private static String element(String name, int index, double value) {
    return String.format(Locale.ROOT, "%s[%d] = %s", name, index, value);
  }
}
