package dev.niche.spark;

import dev.niche.core.activity.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Small generated transaction sets, as in-process records and as Spark Datasets. */
final class TestData {

  static final LocalDate START = LocalDate.of(2023, 1, 1);

  private TestData() {}

  /**
   * Transactions of {@code customers} customers over two years: each joins on a random day,
   * buys at a random rate until a random dropout, sometimes twice on a day; amounts are
   * arbitrary doubles (not dyadic), so that sums test the summation order.
   */
  static List<Transaction> transactions(int customers, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Transaction> out = new ArrayList<>();
    for (int c = 0; c < customers; c++) {
      String id = "c" + c;
      int day = random.nextInt(600);
      double rate = 0.01 + 0.2 * random.nextDouble();
      double dropout = 0.002 + 0.02 * random.nextDouble();
      while (day < 730) {
        double amount = Math.exp(2 + random.nextGaussian()) * (1 + random.nextDouble() / 3);
        out.add(new Transaction(id, START.plusDays(day), amount));
        if (random.nextDouble() < 0.15) {
          out.add(new Transaction(id, START.plusDays(day), amount / 3));
        }
        if (random.nextDouble() < dropout * 20) {
          break;
        }
        day += 1 + (int) (-Math.log(1 - random.nextDouble()) / rate);
      }
    }
    // Shuffle so that no order of addition is special.
    for (int i = out.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Transaction t = out.get(i);
      out.set(i, out.get(j));
      out.set(j, t);
    }
    return out;
  }

  static Dataset<Row> dataset(List<Transaction> transactions, int partitions) {
    StructType schema = new StructType()
        .add("customer", DataTypes.StringType, true)
        .add("day", DataTypes.DateType, true)
        .add("amount", DataTypes.DoubleType, true);
    List<Row> rows = new ArrayList<>();
    for (Transaction t : transactions) {
      rows.add(RowFactory.create(t.customerId(), t.date(), t.amount()));
    }
    return TestSpark.session().createDataFrame(rows, schema).repartition(partitions);
  }
}
