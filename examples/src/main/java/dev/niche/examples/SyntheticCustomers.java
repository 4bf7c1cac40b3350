package dev.niche.examples;

import dev.niche.core.Seeds;
import dev.niche.core.activity.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, generated customer transaction set for the walkthrough: three customer types (loyal
 * regulars, occasional big spenders, one-off buyers) who join over the first half-year, buy as a
 * Poisson process while active, drop out after any purchase with a type-specific probability
 * (the BG/NBD story) and spend gamma-distributed amounts around a type-specific mean.
 */
final class SyntheticCustomers {

  /** Customer type: share of customers, weekly purchase rate, dropout probability, mean spend. */
  private record Type(String name, double share, double weeklyRate, double dropout,
      double meanSpend) {}

  private static final List<Type> TYPES = List.of(
      new Type("regular", 0.30, 0.60, 0.04, 25),
      new Type("big spender", 0.15, 0.15, 0.10, 180),
      new Type("one-off", 0.55, 0.05, 0.60, 40));

  static final LocalDate START = LocalDate.of(2025, 1, 1);
  static final LocalDate END = LocalDate.of(2025, 12, 31);

  private SyntheticCustomers() {}

  static List<Transaction> generate(int customers, long seed) {
    SplittableRandom random = Seeds.random(seed);
    List<Transaction> transactions = new ArrayList<>();
    long days = END.toEpochDay() - START.toEpochDay();
    for (int c = 0; c < customers; c++) {
      Type type = pick(random.nextDouble());
      String id = "C" + (10_000 + c);
      double day = random.nextDouble() * days / 2;
      boolean alive = true;
      while (alive && day <= days) {
        double amount = gamma(random, 4.0, type.meanSpend() / 4.0);
        transactions.add(new Transaction(id, START.plusDays((long) day),
            Math.round(amount * 100) / 100.0));
        alive = random.nextDouble() >= type.dropout();
        day += -Math.log(1 - random.nextDouble()) / (type.weeklyRate() / 7.0);
      }
    }
    return transactions;
  }

  private static Type pick(double u) {
    double cumulative = 0;
    for (Type t : TYPES) {
      cumulative += t.share();
      if (u < cumulative) {
        return t;
      }
    }
    return TYPES.get(TYPES.size() - 1);
  }

  /** Gamma(shape, scale) for integer shape: a sum of exponentials. */
  private static double gamma(SplittableRandom random, double shape, double scale) {
    double sum = 0;
    for (int i = 0; i < (int) shape; i++) {
      sum -= Math.log(1 - random.nextDouble());
    }
    return sum * scale;
  }
}
