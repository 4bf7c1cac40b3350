package dev.niche.examples;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a user's CSV file with a header row, checking that the required columns exist and turning
 * every malformed value into an {@link InputFormatException} naming the line, column and value.
 */
final class CsvInput {

  private CsvInput() {}

  /** One data row with typed, checked accessors. */
  static final class Row {
    private final Path file;
    private final CSVRecord record;
    private final long line;

    Row(Path file, CSVRecord record, long line) {
      this.file = file;
      this.record = record;
      this.line = line;
    }

    String text(String column) {
      String value = record.get(column);
      if (value == null || value.isBlank()) {
        throw new InputFormatException(file, line, column, String.valueOf(value), "is empty");
      }
      return value.trim();
    }

    double number(String column) {
      String value = text(column);
      double parsed;
      try {
        parsed = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new InputFormatException(file, line, column, value, "is not a number");
      }
      if (!Double.isFinite(parsed)) {
        throw new InputFormatException(file, line, column, value, "is not finite");
      }
      return parsed;
    }

    double nonNegative(String column) {
      double value = number(column);
      if (value < 0) {
        throw new InputFormatException(file, line, column, record.get(column), "must be >= 0");
      }
      return value;
    }

    LocalDate date(String column) {
      String value = text(column);
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new InputFormatException(file, line, column, value,
            "is not an ISO date (yyyy-mm-dd)");
      }
    }

    long line() {
      return line;
    }
  }

  /**
   * Streams the rows of a file to a consumer.
   *
   * @param file the CSV file, UTF-8, with a header row
   * @param required the columns that must be present
   * @param consumer receives each data row
   * @throws InputFormatException if a column is missing or a row has the wrong number of fields
   * @throws UncheckedIOException if the file cannot be read
   */
  static void read(Path file, List<String> required, Consumer<Row> consumer) {
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setTrim(true)
        .setIgnoreEmptyLines(true)
        .get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = parser.getHeaderNames();
      List<String> missing = new ArrayList<>();
      for (String column : required) {
        if (!header.contains(column)) {
          missing.add(column);
        }
      }
      if (!missing.isEmpty()) {
        throw new InputFormatException(file,
            "missing column(s) " + missing + "; the header has " + header);
      }
      for (CSVRecord record : parser) {
        long line = record.getParser().getCurrentLineNumber();
        if (!record.isConsistent()) {
          throw new InputFormatException(file,
              "line " + line + " has " + record.size() + " fields but the header has "
                  + header.size());
        }
        consumer.accept(new Row(file, record, line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
