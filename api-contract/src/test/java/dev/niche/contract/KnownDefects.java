package dev.niche.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two lists that let a finding pass: {@code exemptions.txt} (permanent, each with the
 * reason the behaviour is right) and {@code known-defects.txt} (defects not fixed yet; the list
 * shrinks to empty, and an entry that no longer reproduces fails the suite so that it is
 * removed). Lines are finding keys; {@code *} matches any text; text after {@code " #"} is the
 * reason.
 */
final class KnownDefects {

  /** One line of a list. */
  record Line(String pattern, String reason, Pattern regex) {
    boolean matches(String key) {
      return regex.matcher(key).matches();
    }
  }

  private final List<Line> exemptions;
  private final List<Line> defects;
  private final Map<Line, Boolean> seen = new LinkedHashMap<>();

  private KnownDefects(List<Line> exemptions, List<Line> defects) {
    this.exemptions = exemptions;
    this.defects = defects;
    for (Line d : defects) {
      seen.put(d, false);
    }
  }

  static KnownDefects load() {
    return new KnownDefects(read("exemptions.txt", true), read("known-defects.txt", false));
  }

  List<Line> exemptions() {
    return exemptions;
  }

  List<Line> defects() {
    return defects;
  }

  /** True if a finding is exempt (by reason) or a known defect (marked as seen). */
  boolean excuses(Finding finding) {
    String key = finding.key();
    for (Line e : exemptions) {
      if (e.matches(key)) {
        return true;
      }
    }
    for (Line d : defects) {
      if (d.matches(key)) {
        seen.put(d, true);
        return true;
      }
    }
    return false;
  }

  /**
   * True if a call is a known defect that does not return: it is not run again (a runaway call
   * burns a core until it is stopped), and its entry is marked as seen.
   */
  boolean skips(String call) {
    String key = call + ": does not return";
    for (Line d : defects) {
      if (d.matches(key)) {
        seen.put(d, true);
        return true;
      }
    }
    return false;
  }

  /** Known defects that did not show up in this run: fixed, so the line must go. */
  List<Line> stale() {
    List<Line> stale = new ArrayList<>();
    for (Map.Entry<Line, Boolean> e : seen.entrySet()) {
      if (!e.getValue()) {
        stale.add(e.getKey());
      }
    }
    return stale;
  }

  private static List<Line> read(String resource, boolean reasonRequired) {
    List<Line> lines = new ArrayList<>();
    InputStream in = KnownDefects.class.getResourceAsStream(resource);
    if (in == null) {
      return lines;
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        int hash = trimmed.indexOf(" #");
        String pattern = (hash < 0 ? trimmed : trimmed.substring(0, hash)).strip();
        String reason = hash < 0 ? "" : trimmed.substring(hash + 2).strip();
        if (reasonRequired && reason.isEmpty()) {
          throw new IllegalStateException(resource + ": '" + trimmed + "' needs a reason after #");
        }
        lines.add(new Line(pattern, reason, glob(pattern)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
