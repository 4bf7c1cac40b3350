package dev.niche.core.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Customer summaries of the CDNOW sample (Fader, Hardie &amp; Lee 2005; data from Bruce Hardie's
 * site as redistributed in lifetimes/datasets, see ../shared/data/cdnow/SOURCE.txt) must equal
 * the published summary file cdnow_customers_summary_with_transactions.csv (x, t_x, T in weeks,
 * zbar), which is rounded to 2 decimals. Calibration end 1997-09-30 inclusive (39 weeks after
 * 1997-01-01), times = days / 7, same-day purchases merged. Runs only where the data folder exists.
 */
class CdnowSummariesTest {

  private static final Path DIR =
      Path.of(System.getProperty("niche.shared.dir", "../../shared"), "data", "cdnow");

  @Test
  void summariesMatchThePublishedFile() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(DIR), "CDNOW data not available");
    CustomerSummaries.Builder b =
        CustomerSummaries.builder(LocalDate.of(1997, 9, 30), ActivityUnit.WEEKS);
    for (String line : Files.readAllLines(DIR.resolve("CDNOW_sample.txt"))) {
      String[] f = line.trim().split("\\s+");
      String ymd = f[2];
      LocalDate date = LocalDate.of(Integer.parseInt(ymd.substring(0, 4)),
          Integer.parseInt(ymd.substring(4, 6)), Integer.parseInt(ymd.substring(6, 8)));
      b.add(String.valueOf(Integer.parseInt(f[1])), date, Double.parseDouble(f[4]));
    }
    CustomerSummaries s = b.build();
    List<String> expected =
        Files.readAllLines(DIR.resolve("cdnow_customers_summary_with_transactions.csv"));
    assertEquals(2357, s.size());
    assertEquals(expected.size() - 1, s.size());
    int repeaters = 0;
    for (String line : expected.subList(1, expected.size())) {
      String[] f = line.split(",");
      int i = s.indexOf(f[0]);
      CustomerSummary c = s.get(i);
      assertEquals(Integer.parseInt(f[1]), c.frequency(), "x of " + f[0]);
      // The file is rounded to 2 decimals (half-up and half-even both occur at .xx5).
      assertEquals(Double.parseDouble(f[2]), c.recency(), 0.005 + 1e-9, "t_x of " + f[0]);
      assertEquals(Double.parseDouble(f[3]), c.age(), 0.005 + 1e-9, "T of " + f[0]);
      assertEquals(Double.parseDouble(f[4]), c.meanRepeatSpend(), 0.005 + 1e-9, "zbar of " + f[0]);
      repeaters += c.frequency() > 0 ? 1 : 0;
    }
    assertEquals(946, repeaters);
  }
}
