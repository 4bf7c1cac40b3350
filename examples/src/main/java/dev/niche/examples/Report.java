package dev.niche.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The walkthrough's output: a Markdown report written to {@code report.md} in the output folder,
 * and a concise summary on the console.
 */
final class Report {

  private final StringBuilder markdown = new StringBuilder();
  private final PrintStream console;
  private final Path folder;

  Report(Path folder, PrintStream console) {
    this.folder = folder;
    this.console = console;
  }

  Path folder() {
    return folder;
  }

  void title(String text) {
    markdown.append("# ").append(text).append("\n\n");
    console.println(text);
    console.println("=".repeat(text.length()));
  }

  void section(String text) {
    markdown.append("## ").append(text).append("\n\n");
    console.println();
    console.println(text);
    console.println("-".repeat(text.length()));
  }

  void subsection(String text) {
    markdown.append("### ").append(text).append("\n\n");
  }

  /** A paragraph in the report only. */
  void paragraph(String text) {
    markdown.append(text).append("\n\n");
  }

  /** A finding: in the report and on the console. */
  void finding(String format, Object... args) {
    String text = String.format(Locale.ROOT, format, args);
    markdown.append("- ").append(text).append('\n');
    console.println("  " + text);
  }

  /** Ends a list of findings. */
  void endFindings() {
    markdown.append('\n');
  }

  void table(List<String> header, List<List<String>> rows) {
    markdown.append("| ").append(String.join(" | ", header)).append(" |\n|");
    markdown.append("---|".repeat(header.size())).append('\n');
    for (List<String> row : rows) {
      markdown.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    markdown.append('\n');
  }

  void image(String caption, String fileName) {
    markdown.append("![").append(caption).append("](").append(fileName).append(")\n\n");
  }

  static String fmt(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  Path write() {
    Path file = folder.resolve("report.md");
    try {
      Files.writeString(file, markdown.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }
}
