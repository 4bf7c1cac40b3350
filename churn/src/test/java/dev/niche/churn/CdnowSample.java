package dev.niche.churn;

import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The CDNOW sample of Fader, Hardie &amp; Lee (2005): 2,357 customers who first bought in the first
 * quarter of 1997, their transactions to 1998-06-30 ({@code CDNOW_sample.txt}) and the published
 * per-customer summary files, in {@code ../shared/data/cdnow} (see its SOURCE.txt). The data are
 * not part of the repository: tests call {@link #assumeAvailable()} and are skipped without them.
 */
final class CdnowSample {

  /** The data folder ({@code niche.shared.dir}/data/cdnow). */
  static final Path DIR =
      Path.of(System.getProperty("niche.shared.dir", "../../shared"), "data", "cdnow");

  private CdnowSample() {}

  /** Skips the calling test where the data folder does not exist. */
  static void assumeAvailable() {
    Assumptions.assumeTrue(Files.isDirectory(DIR), "CDNOW data not available");
  }

  /**
   * Every transaction of {@code CDNOW_sample.txt} (customer id, yyyymmdd date, amount) in a
   * summary builder with the papers' calibration: to 1997-09-30 inclusive, in weeks.
   */
  static CustomerSummaries.Builder transactions() throws IOException {
    CustomerSummaries.Builder b =
        CustomerSummaries.builder(LocalDate.of(1997, 9, 30), ActivityUnit.WEEKS);
    for (String line : Files.readAllLines(DIR.resolve("CDNOW_sample.txt"))) {
      String[] f = line.trim().split("\\s+");
      String ymd = f[2];
      b.add(f[1], LocalDate.of(Integer.parseInt(ymd.substring(0, 4)),
          Integer.parseInt(ymd.substring(4, 6)), Integer.parseInt(ymd.substring(6, 8))),
          Double.parseDouble(f[4]));
    }
    return b;
  }

  /**
   * The first {@code count} value columns of a summary file (after its header line and its
   * customer-id column): {@code x, t_x, T} and, where the file has it, the mean spend.
   */
  static double[][] summaryColumns(String file, int count) throws IOException {
    List<String> lines = Files.readAllLines(DIR.resolve(file));
    int n = lines.size() - 1;
    double[][] columns = new double[count][n];
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(i + 1).split(",");
      for (int c = 0; c < count; c++) {
        columns[c][i] = Double.parseDouble(f[c + 1]);
      }
    }
    return columns;
  }
}
