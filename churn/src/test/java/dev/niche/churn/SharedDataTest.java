package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Runs only where the shared reference data exist (never copied into the repository). */
class SharedDataTest {

  private static Path dir(String name) {
    return Path.of(System.getProperty("niche.shared.dir", "../../shared"), "data", name);
  }

  /** The typed-in tables equal the reference CSV files. */
  @Test
  void typedTablesMatchTheReferenceFiles() throws IOException {
    Path dir = dir("churn_reference");
    Assumptions.assumeTrue(Files.isDirectory(dir));
    long[][] fh = columns(dir.resolve("fader_hardie_2007_retention.csv"), 2);
    assertArrayEquals(SeedData.REGULAR, fh[0]);
    assertArrayEquals(SeedData.HIGH_END, fh[1]);
    long[][] seed = columns(dir.resolve("seed_two_cohorts.csv"), 2);
    assertArrayEquals(SeedData.COMPANY_1, seed[0]);
    assertArrayEquals(SeedData.COMPANY_2, seed[1]);
  }

  /**
   * CDNOW master file (Fader, Hardie &amp; Lee 2005; copied from the lifetimes repository, see
   * SOURCE.txt): 23,570 customers whose first purchase was in the first quarter of 1997, purchases
   * through June 1998. Monthly cohorts: January, February, March 1997; a table merged from two
   * halves of the file equals the table of the whole file.
   */
  @Test
  void cdnowCohorts() throws IOException {
    Path dir = dir("cdnow");
    Assumptions.assumeTrue(Files.isDirectory(dir));
    List<String> lines = Files.readAllLines(dir.resolve("CDNOW_master.txt"));
    CohortTable.Builder all = CohortTable.builder(CohortPeriod.MONTH);
    CohortTable.Builder first = CohortTable.builder(CohortPeriod.MONTH);
    CohortTable.Builder second = CohortTable.builder(CohortPeriod.MONTH);
    int i = 0;
    for (String line : lines) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 2 || !Character.isDigit(f[0].charAt(0))) {
        continue;
      }
      long id = Long.parseLong(f[0]);
      String d = f[1];
      LocalDate date = LocalDate.of(Integer.parseInt(d.substring(0, 4)),
          Integer.parseInt(d.substring(4, 6)), Integer.parseInt(d.substring(6, 8)));
      all.add(id, date);
      (i++ % 2 == 0 ? first : second).add(id, date);
    }
    CohortTable table = all.build();
    assertEquals(23_570, table.customers());
    assertEquals(3, table.cohortCount());
    assertEquals(LocalDate.of(1997, 1, 1), table.cohortStart(0));
    assertEquals(LocalDate.of(1998, 6, 1), table.observationEnd());
    long total = 0;
    for (int c = 0; c < 3; c++) {
      total += table.cohortSize(c);
    }
    assertEquals(23_570, total);
    assertEquals(table, first.build().merge(second.build()));
    // Activity-based survival falls fast in a non-contractual business (most buy once).
    KaplanMeier km = table.kaplanMeier();
    assertTrue(km.survival(1) < 0.9 && km.survival(1) > 0.1, km.toString());
  }

  private static long[][] columns(Path csv, int count) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    long[][] out = new long[count][lines.size() - 1];
    for (int r = 1; r < lines.size(); r++) {
      String[] f = lines.get(r).split(",");
      for (int c = 0; c < count; c++) {
        out[c][r - 1] = Long.parseLong(f[c + 1].trim());
      }
    }
    return out;
  }
}
