package dev.niche.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The Java snippets of docs/core.md, compiled and run; the body of each test is the snippet verbatim. */
@SuppressWarnings({"unused", "UnusedVariable"})
class CoreDocSnippetsTest {

  @Test
  void customerSummaries() {
    LocalDate calibrationEnd = LocalDate.of(1997, 9, 30);
    String customerId = "0001";
    LocalDate date = LocalDate.of(1997, 1, 1);
    double amount = 29.33;
    int i = 0;
    CustomerSummaries s = CustomerSummaries.builder(calibrationEnd, ActivityUnit.WEEKS)
        .add(customerId, date, amount)     // LocalDate, LocalDateTime (day only) or Transaction
        .build();
    s.frequency();       // x: repeat purchase days (same-day purchases merged, first purchase excluded)
    s.recency();         // t_x: last − first purchase day, in the unit
    s.age();             // T: calibration end (inclusive) − first purchase day, in the unit
    s.meanRepeatSpend(); // mean of the repeat days' amounts (0 when x = 0); totalSpend() includes the first
    s.timeSinceLastPurchase(); // RFM recency T − t_x
    s.get(i);            // CustomerSummary record (also first and last purchase dates)
    assertEquals(1, s.size());
    assertEquals(0.0, s.frequency()[0], 0.0);
    assertEquals(272.0 / 7, s.age()[0], 1e-12);
  }
}
