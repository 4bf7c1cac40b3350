package dev.niche.spark.internal;

import java.util.Arrays;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;

/**
 * Checks of Dataset arguments and column names, and column expressions that fail a Spark job
 * with a clear message on bad values. Not part of the API.
 */
public final class Columns {

  private Columns() {}

  /**
   * Checks that a Dataset is not null.
   *
   * @param data the Dataset
   * @param name the argument's name
   * @param <T> the row type
   * @return the Dataset
   * @throws NullPointerException if it is null
   */
  public static <T> Dataset<T> dataset(Dataset<T> data, String name) {
    return Objects.requireNonNull(data, name + " must not be null");
  }

  /**
   * The field of a named column, checked to exist.
   *
   * @param schema the schema
   * @param column the column name
   * @param argument the argument that named it
   * @return the field
   * @throws NullPointerException if {@code column} is null
   * @throws IllegalArgumentException if the column is blank or absent
   */
  public static StructField field(StructType schema, String column, String argument) {
    Objects.requireNonNull(column, argument + " must not be null");
    if (column.isBlank()) {
      throw new IllegalArgumentException(argument + " = '" + column + "' must not be blank");
    }
    for (StructField f : schema.fields()) {
      if (f.name().equals(column)) {
        return f;
      }
    }
    throw new IllegalArgumentException(argument + " = '" + column
        + "' is not a column of the Dataset; its columns are " + Arrays.toString(schema.names()));
  }

  /**
   * Checks that a named column exists and is numeric.
   *
   * @param schema the schema
   * @param column the column name
   * @param argument the argument that named it
   * @return the field
   * @throws NullPointerException if {@code column} is null
   * @throws IllegalArgumentException if the column is absent or not numeric
   */
  public static StructField numeric(StructType schema, String column, String argument) {
    StructField f = field(schema, column, argument);
    if (!(f.dataType() instanceof NumericType)) {
      throw new IllegalArgumentException(argument + " = '" + column + "' has type "
          + f.dataType().simpleString() + " but must be numeric");
    }
    return f;
  }

  /**
   * Checks that a named column holds dates or timestamps.
   *
   * @param schema the schema
   * @param column the column name
   * @param argument the argument that named it
   * @return the field
   * @throws NullPointerException if {@code column} is null
   * @throws IllegalArgumentException if the column is absent or holds neither
   */
  public static StructField date(StructType schema, String column, String argument) {
    StructField f = field(schema, column, argument);
    DataType t = f.dataType();
    if (!t.equals(DataTypes.DateType) && !t.equals(DataTypes.TimestampType)
        && !(t instanceof TimestampNTZType)) {
      throw new IllegalArgumentException(argument + " = '" + column + "' has type "
          + t.simpleString() + " but must be date, timestamp or timestamp_ntz");
    }
    return f;
  }

  /**
   * Checks that a new column name is usable and not taken.
   *
   * @param schema the input schema
   * @param column the new column's name
   * @param argument the parameter that named it
   * @throws NullPointerException if {@code column} is null
   * @throws IllegalArgumentException if it is blank or already a column
   */
  public static void absent(StructType schema, String column, String argument) {
    Objects.requireNonNull(column, argument + " must not be null");
    if (column.isBlank()) {
      throw new IllegalArgumentException(argument + " = '" + column + "' must not be blank");
    }
    if (Arrays.asList(schema.names()).contains(column)) {
      throw new IllegalArgumentException(argument + " = '" + column
          + "' is already a column of the Dataset");
    }
  }

  /**
   * A reference to a top-level column, whatever characters its name holds.
   *
   * @param column the column name
   * @return the column
   */
  public static Column ref(String column) {
    return functions.col("`" + column.replace("`", "``") + "`");
  }

  /**
   * The epoch day (days since 1970-01-01) of a date or timestamp column (timestamps in the
   * session time zone).
   *
   * @param column the column name
   * @return an int column
   */
  public static Column epochDay(String column) {
    return functions.unix_date(ref(column).cast(DataTypes.DateType));
  }

  /**
   * A column that fails the Spark job with a message when a condition holds, else the value.
   *
   * @param bad the failure condition
   * @param message the message (a string column, so that it can name the offending value)
   * @param value the value otherwise
   * @return the checked column
   */
  public static Column failWhen(Column bad, Column message, Column value) {
    return functions.when(bad, functions.raise_error(message)).otherwise(value);
  }

  /**
   * A column that fails the job when a column holds a null, naming the argument.
   *
   * @param column the column name
   * @param argument the argument that named it
   * @return the checked column
   */
  public static Column notNull(String column, String argument) {
    return failWhen(ref(column).isNull(),
        functions.lit(argument + " = '" + column + "' holds a null value"), ref(column));
  }
}
