package dev.niche.core.activity;

import dev.niche.core.Checks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The exact merge of two {@link SummaryTable}s (see {@link CustomerSummaries#merge}). */
final class SummaryMerge {

  private final SummaryTable left;
  private final SummaryTable right;
  private final SummaryTable out;
  private long[] days = new long[16];
  private double[] amounts = new double[16];

  private SummaryMerge(SummaryTable left, SummaryTable right) {
    this.left = left;
    this.right = right;
    this.out = new SummaryTable(left.calibrationEnd, left.lastDay, left.unitDays,
        left.born + right.born, left.keepsPurchases && right.keepsPurchases);
  }

  static SummaryTable merge(SummaryTable left, SummaryTable right) {
    return new SummaryMerge(left, right).run();
  }

  private SummaryTable run() {
    Map<String, Integer> leftRows = rows(left);
    Map<String, Integer> rightRows = rows(right);
    // Born on the left (in its order), then born on the right only; unborn rows last.
    for (int i = 0; i < left.born; i++) {
      combine(left.ids.get(i), i, rightRows.get(left.ids.get(i)), false);
    }
    for (int j = 0; j < right.born; j++) {
      String id = right.ids.get(j);
      Integer i = leftRows.get(id);
      if (i == null || i >= left.born) {
        combine(id, i, j, true);
      }
    }
    for (int k = 0; k < left.unbornIds.size(); k++) {
      String id = left.unbornIds.get(k);
      Integer j = rightRows.get(id);
      if (j == null || j >= right.born) {
        combine(id, left.born + k, j, false);
      }
    }
    for (int k = 0; k < right.unbornIds.size(); k++) {
      String id = right.unbornIds.get(k);
      if (!leftRows.containsKey(id)) {
        combine(id, null, right.born + k, true);
      }
    }
    return out;
  }

  /** Rows by id: born rows 0..born-1, unborn rows from born on. */
  private static Map<String, Integer> rows(SummaryTable t) {
    Map<String, Integer> map = new HashMap<>(Math.max(16, 2 * (t.born + t.unbornIds.size())));
    for (int i = 0; i < t.born; i++) {
      map.put(t.ids.get(i), i);
    }
    List<String> unborn = t.unbornIds;
    for (int k = 0; k < unborn.size(); k++) {
      map.put(unborn.get(k), t.born + k);
    }
    return map;
  }

  /** Adds one customer from a row of either side or of both; {@code fromRight} if only right. */
  private void combine(String id, Integer l, Integer r, boolean fromRight) {
    if (l != null && r != null) {
      Checks.argument(out.keepsPurchases, () -> "customer " + id + " appears in both summaries, "
          + "but summaries built from columns keep no purchase days: they merge only with "
          + "summaries of other customers");
      mergeRows(id, l, r);
    } else if (fromRight) {
      copy(right, id, r);
    } else {
      copy(left, id, l);
    }
  }

  private void copy(SummaryTable from, String id, int row) {
    if (out.keepsPurchases) {
      out.addPurchases(id, from.days, from.amounts, from.start[row], from.start[row + 1]);
    } else if (row < from.born) {
      out.appendRow(id, from.frequency[row], from.recency[row], from.age[row],
          from.meanRepeatSpend[row], from.totalSpend[row], from.holdoutFrequency[row],
          from.firstDays[row], from.lastDays[row]);
    }
    // An unborn customer of summaries that keep purchases, merged into ones that do not, has
    // nothing to show: it is dropped, as it would be when building from its transactions alone.
  }

  /** Merges two canonically ordered purchase lists into canonical order. */
  private void mergeRows(String id, int l, int r) {
    int i = left.start[l];
    int iEnd = left.start[l + 1];
    int j = right.start[r];
    int jEnd = right.start[r + 1];
    int n = iEnd - i + jEnd - j;
    if (days.length < n) {
      days = new long[Math.max(n, 2 * days.length)];
      amounts = new double[days.length];
    }
    int k = 0;
    while (i < iEnd || j < jEnd) {
      boolean takeLeft = j >= jEnd || i < iEnd && (left.days[i] < right.days[j]
          || left.days[i] == right.days[j]
              && Double.compare(left.amounts[i], right.amounts[j]) <= 0);
      if (takeLeft) {
        days[k] = left.days[i];
        amounts[k++] = left.amounts[i++];
      } else {
        days[k] = right.days[j];
        amounts[k++] = right.amounts[j++];
      }
    }
    out.addPurchases(id, days, amounts, 0, n);
  }
}
