package dev.niche.spark.example;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import dev.niche.churn.CohortPeriod;
import dev.niche.churn.CohortTable;
import dev.niche.churn.KaplanMeier;
import dev.niche.churn.ShiftedBetaGeometric;
import dev.niche.core.activity.ActivityUnit;
import dev.niche.spark.BgNbdEstimator;
import dev.niche.spark.BgNbdModel;
import dev.niche.spark.GammaGammaEstimator;
import dev.niche.spark.GammaGammaModel;
import dev.niche.spark.NicheKMeans;
import dev.niche.spark.NicheKMeansModel;
import dev.niche.spark.NicheSpark;
import java.time.LocalDate;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Niche on Spark end to end on generated transactions: cohort table and retention model,
 * customer summaries, BG/NBD and Gamma-Gamma fits, customer value, survival of customers and
 * k-means segments. Argument: the number of transactions (default 200000).
 */
public final class SparkExample {

  private SparkExample() {}

  /**
   * Runs the example in local mode.
   *
   * @param args the number of transactions
   */
  public static void main(String[] args) {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 200_000L;
    SparkSession spark = SparkSession.builder().master("local[*]").appName("niche-example")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    LocalDate start = LocalDate.of(2024, 1, 1);
    Dataset<Row> transactions = generate(spark, n, start).cache();
    System.out.printf("%d generated transactions%n", transactions.count());

    CohortTable cohorts = NicheSpark.cohortTable(transactions, "customer", "day",
        CohortPeriod.MONTH);
    System.out.printf("cohort table: %d customers in %d monthly cohorts; first cohort: %s%n",
        cohorts.customers(), cohorts.cohortCount(),
        java.util.Arrays.toString(cohorts.activeCounts(0)));
    System.out.println("sBG on the pooled 6-month curve: "
        + ShiftedBetaGeometric.fit(cohorts.pooledCurve(6)));

    LocalDate calibrationEnd = start.plusDays(364);
    Dataset<Row> summaries = NicheSpark.customerSummaries(transactions, "customer", "day",
        "amount", calibrationEnd, start.plusDays(545), ActivityUnit.WEEKS).cache();
    BgNbdModel purchases = new BgNbdEstimator().setHorizon(26).fit(summaries);
    GammaGammaModel spend = new GammaGammaEstimator().fit(summaries);
    System.out.println("BG/NBD: " + purchases.fit().orElseThrow());
    System.out.println("Gamma-Gamma: " + spend.fit().orElseThrow());
    Dataset<Row> scored = spend.customerValue(purchases.transform(summaries), purchases,
        ActivityUnit.WEEKS, ActivityUnit.MONTHS, 12, 0.10, "value");
    System.out.println("Most valuable customers (value over 12 months at 10 % a year):");
    scored.orderBy(desc("value")).select("customer", "frequency", "recency", "age",
        "probabilityAlive", "expectedPurchases", "holdoutFrequency", "value").show(5);

    Dataset<Row> lifetimes = summaries.select(
        col("recency").as("weeks"),
        col("age").minus(col("recency")).gt(26).as("lapsed"));
    KaplanMeier km = NicheSpark.kaplanMeier(lifetimes, "weeks", "lapsed");
    System.out.printf("Kaplan-Meier of weeks until a customer lapses (26 idle weeks): "
        + "S(13) = %.3f, S(26) = %.3f%n", km.survival(13), km.survival(26));

    Dataset<Row> features = new VectorAssembler()
        .setInputCols(new String[] {"logFrequency", "recency", "logSpend"})
        .setOutputCol("features")
        .transform(summaries.select(col("customer"),
            log1p(col("frequency")).as("logFrequency"), col("recency"),
            log1p(col("totalSpend")).as("logSpend")));
    NicheKMeansModel segments = new NicheKMeans().setK(4).setSeed(1).setMaxIter(30)
        .fit(features);
    System.out.printf("k-means: 4 segments, inertia %.1f after %d iterations; centres "
        + "(log(1 + x), t_x, log(1 + spend)):%n", segments.trainingCost(),
        segments.numIterations());
    for (org.apache.spark.ml.linalg.Vector c : segments.clusterCenters()) {
      System.out.println("  " + c);
    }
    segments.transform(features).groupBy("prediction").count().orderBy("prediction").show();
    spark.stop();
  }

  private static Dataset<Row> generate(SparkSession spark, long n, LocalDate start) {
    long customers = Math.max(10, n / 12);
    Column customer = pmod(xxhash64(col("id"), lit(1)), lit(customers));
    // Each customer joins on a day of the first 300, stays for a lifetime (short for many, long
    // for a few) and buys on uniform days within it: the dropout that BG/NBD models.
    Column joined = uniform(xxhash64(customer, lit(2))).multiply(300);
    Column loyalty = uniform(xxhash64(customer, lit(4)));
    Column lifetime = loyalty.multiply(loyalty).multiply(700).plus(1);
    Column day = joined.plus(uniform(xxhash64(col("id"), lit(3))).multiply(lifetime))
        .cast(DataTypes.IntegerType);
    return spark.range(n).select(customer.as("customer"), date_add(lit(start), day).as("day"),
        uniform(xxhash64(col("id"), lit(5))).multiply(80).plus(5).as("amount"));
  }

  private static Column uniform(Column hash) {
    return pmod(hash, lit(1L << 40)).cast(DataTypes.DoubleType).divide((double) (1L << 40));
  }
}
