package dev.niche.examples;

import java.nio.file.Path;

/** A malformed row in a user's CSV file: says which file, line, column and value. */
public final class InputFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param file the file being read
   * @param line the 1-based line number
   * @param column the column's name
   * @param value the offending value, as read
   * @param problem what is wrong with it
   */
  public InputFormatException(Path file, long line, String column, String value, String problem) {
    super(file + ":" + line + ": column '" + column + "' = '" + value + "' " + problem);
  }

  /**
   * Creates an exception about the file as a whole (e.g. a missing column).
   *
   * @param file the file being read
   * @param problem what is wrong
   */
  public InputFormatException(Path file, String problem) {
    super(file + ": " + problem);
  }
}
