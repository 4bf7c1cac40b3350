package dev.niche.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.xxhash64;

import dev.niche.churn.BgNbd;
import dev.niche.churn.BgNbdFit;
import dev.niche.churn.CohortPeriod;
import dev.niche.core.activity.ActivityUnit;
import dev.niche.spark.internal.RepeatPurchaseStatistics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark scale measurements of docs/benchmarks.md, in local mode ({@code local[2]}). One
 * measurement per invocation, named by the first argument:
 *
 * <ul>
 *   <li>{@code clv N}: N generated transactions (lazily, from {@code spark.range}; about N/10
 *       customers with skewed purchase counts and dropout), then customer summaries (persisted),
 *       the BG/NBD fit (as {@link BgNbdEstimator#fit}, its Spark aggregation and driver-side
 *       maximum likelihood timed apart) and the scored Dataset (written to Spark's {@code noop} sink), each stage timed, end to end;
 *   <li>{@code cohort N1,N2,... R}: for each size, the generated transactions cached, then the
 *       monthly cohort table against a plain Spark SQL groupBy computing the same counts,
 *       alternating, R runs each (median);
 *   <li>{@code kmeans N R}: NicheKMeans against MLlib KMeans on the same cached Gaussian blobs
 *       (same k, iteration cap, seed and k-means|| steps), alternating, median of R seeds.
 * </ul>
 *
 * <p>Run by benchmarks/scripts/spark-scale.sh.
 */
public final class SparkBenchmark {

  private static final LocalDate START = LocalDate.of(2022, 1, 1);
  private static final int CALIBRATION_DAYS = 546;

  private SparkBenchmark() {}

  /**
   * Runs one measurement.
   *
   * @param args the measurement and its sizes (see the class comment)
   */
  public static void main(String[] args) {
    String what = args.length > 0 ? args[0] : "clv";
    SparkSession spark = SparkSession.builder().master("local[2]").appName("niche-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    System.out.println("java " + System.getProperty("java.version") + ", spark "
        + spark.version() + ", " + spark.sparkContext().master() + ", cores "
        + Runtime.getRuntime().availableProcessors() + ", heap "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, shuffle partitions "
        + spark.conf().get("spark.sql.shuffle.partitions"));
    switch (what) {
      case "clv":
        clv(spark, args.length > 1 ? (long) Double.parseDouble(args[1]) : 10_000_000L);
        break;
      case "cohort":
        cohort(spark, args.length > 1 ? args[1] : "1e6,1e7",
            args.length > 2 ? Integer.parseInt(args[2]) : 3);
        break;
      case "kmeans":
        kmeans(spark, args.length > 1 ? (long) Double.parseDouble(args[1]) : 500_000L,
            args.length > 2 ? Integer.parseInt(args[2]) : 3);
        break;
      default:
        throw new IllegalArgumentException("unknown measurement " + what
            + "; use clv, cohort or kmeans");
    }
    spark.stop();
  }

  /**
   * Generated transactions, lazily: about {@code n / 10} customers; customer ids drawn as
   * {@code floor(C u²)}, so purchase counts are skewed (low ids buy most); each customer joins on
   * a hashed day of the first year and stays for a hashed lifetime (short for many), buying on
   * uniform days within it up to the calibration end; amounts 5-95 in cents.
   */
  static Dataset<Row> transactions(SparkSession spark, long n, int partitions) {
    long customers = Math.max(10, n / 10);
    Column u = uniform(xxhash64(col("id"), lit(1)));
    Column customer = floor(u.multiply(u).multiply(customers)).cast(DataTypes.LongType);
    Column joined = floor(uniform(xxhash64(col("customer"), lit(2))).multiply(365));
    Column loyalty = uniform(xxhash64(col("customer"), lit(3)));
    Column lifetime = least(loyalty.multiply(loyalty).multiply(900).plus(1),
        lit(CALIBRATION_DAYS).minus(joined));
    Column day = joined.plus(floor(uniform(xxhash64(col("id"), lit(4))).multiply(lifetime)))
        .cast(DataTypes.IntegerType);
    Column amount = round(uniform(xxhash64(col("id"), lit(5))).multiply(90).plus(5), 2);
    return spark.range(0, n, 1, partitions)
        .select(col("id"), customer.as("customer"))
        .select(col("customer"), date_add(lit(START), day).as("day"), amount.as("amount"));
  }

  private static void clv(SparkSession spark, long n) {
    int partitions = (int) Math.max(2, Math.min(400, n / 1_000_000));
    LocalDate calibrationEnd = START.plusDays(CALIBRATION_DAYS - 1);
    Dataset<Row> tx = transactions(spark, n, partitions);
    System.out.printf("CLV pipeline: %d generated transactions (lazy, %d partitions), about %d "
        + "customers; calibration end %s, weeks%n", n, partitions, Math.max(10, n / 10),
        calibrationEnd);
    long t0 = System.nanoTime();
    Dataset<Row> summaries = NicheSpark.customerSummaries(tx, "customer", "day", "amount",
        calibrationEnd, ActivityUnit.WEEKS).persist(StorageLevel.MEMORY_AND_DISK());
    long customers = summaries.count();
    double summarise = seconds(t0);
    System.out.printf("  summaries (generation included): %.1f s, %d customers%n", summarise,
        customers);
    // BgNbdEstimator.fit, its two parts timed apart: Spark's aggregation of the distinct
    // (x, t_x, T) with counts, then the driver-side weighted maximum likelihood.
    t0 = System.nanoTime();
    RepeatPurchaseStatistics stats = RepeatPurchaseStatistics.collect(summaries,
        NicheSpark.FREQUENCY, NicheSpark.RECENCY, NicheSpark.AGE);
    double aggregate = seconds(t0);
    t0 = System.nanoTime();
    BgNbdFit fit = BgNbd.fit(stats.frequency(), stats.recency(), stats.age(), stats.customers());
    double driver = seconds(t0);
    BgNbdModel model = new BgNbdModel("bench", fit.model(), fit).setHorizon(52);
    System.out.printf("  BG/NBD fit: %.1f s = Spark aggregation %.1f s (%d distinct (x, t_x, T)) "
            + "+ driver-side fit %.1f s (r %.4g alpha %.4g a %.4g b %.4g)%n", aggregate + driver,
        aggregate, stats.frequency().length, driver, model.bgNbd().r(), model.bgNbd().alpha(),
        model.bgNbd().a(), model.bgNbd().b());
    t0 = System.nanoTime();
    model.transform(summaries).write().format("noop").mode("overwrite").save();
    double score = seconds(t0);
    System.out.printf("  scored Dataset (P(alive), E[X(52)], noop sink): %.1f s%n", score);
    double total = summarise + aggregate + driver + score;
    System.out.printf("  end to end %.1f s; driver-side fit %.1f s = %.2f%% of the total%n", total,
        driver, 100 * driver / total);
    summaries.unpersist();
  }

  private static void cohort(SparkSession spark, String sizes, int reps) {
    for (String size : sizes.split(",")) {
      long n = (long) Double.parseDouble(size);
      int partitions = (int) Math.max(2, Math.min(400, n / 1_000_000));
      Dataset<Row> tx = transactions(spark, n, partitions).select("customer", "day")
          .persist(StorageLevel.MEMORY_AND_DISK());
      long t0 = System.nanoTime();
      tx.count();
      System.out.printf("cohort table, n = %d transactions (%d partitions), cached in %.1f s%n", n,
          partitions, seconds(t0));
      double[] niche = new double[reps];
      double[] plain = new double[reps];
      for (int r = 0; r < reps; r++) {
        t0 = System.nanoTime();
        long customers = NicheSpark.cohortTable(tx, "customer", "day", CohortPeriod.MONTH)
            .customers();
        niche[r] = seconds(t0);
        t0 = System.nanoTime();
        // The same counts by hand: months of each customer's first and last activity, then
        // customers per (cohort month, last month) pair, collected.
        Column month = org.apache.spark.sql.functions.year(col("day")).multiply(12)
            .plus(org.apache.spark.sql.functions.month(col("day"))).minus(1);
        List<Row> pairs = tx.select(col("customer"), month.as("m")).groupBy("customer")
            .agg(min("m").as("f"), max("m").as("l"))
            .groupBy(col("f"), col("l")).agg(count(lit(1))).collectAsList();
        plain[r] = seconds(t0);
        if (r == 0) {
          System.out.printf("  %d customers, %d (first, last) month pairs%n", customers,
              pairs.size());
        }
      }
      System.out.printf("  median: NicheSpark.cohortTable %.2f s, plain groupBy %.2f s, ratio "
          + "%.2f (runs %s / %s)%n", median(niche), median(plain), median(niche) / median(plain),
          Arrays.toString(niche), Arrays.toString(plain));
      tx.unpersist();
    }
  }

  private static void kmeans(SparkSession spark, long n, int reps) {
    int d = 10;
    int k = 16;
    int maxIter = 20;
    // Blobs: 16 centres from hashes, unit-ish spread from hashes of (id, j).
    List<Column> features = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      Column centre = uniform(xxhash64(col("id").mod(k), lit(j))).multiply(20).minus(10);
      Column noise = uniform(xxhash64(col("id"), lit(100 + j))).minus(0.5).multiply(3.0);
      features.add(centre.plus(noise).as("f" + j));
    }
    Dataset<Row> raw = spark.range(0, n, 1, 8).select(features.toArray(new Column[0]));
    String[] names = new String[d];
    for (int j = 0; j < d; j++) {
      names[j] = "f" + j;
    }
    Dataset<Row> data = new VectorAssembler().setInputCols(names).setOutputCol("features")
        .transform(raw).select("features").cache();
    data.count();
    System.out.printf("k-means: n = %d, d = %d, k = %d, maxIter = %d, initSteps = 2, 8 partitions"
        + ", cached%n", n, d, k, maxIter);
    double[] niche = new double[reps];
    double[] mllib = new double[reps];
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      NicheKMeansModel nm = new NicheKMeans().setK(k).setMaxIter(maxIter).setSeed(r + 1)
          .setInitSteps(2).fit(data);
      niche[r] = seconds(t0);
      t0 = System.nanoTime();
      KMeansModel mm = new org.apache.spark.ml.clustering.KMeans().setK(k).setMaxIter(maxIter)
          .setSeed(r + 1).setInitSteps(2).fit(data);
      mllib[r] = seconds(t0);
      double[][] c = new double[mm.clusterCenters().length][];
      for (int j = 0; j < c.length; j++) {
        c[j] = mm.clusterCenters()[j].toArray();
      }
      System.out.printf("  seed %d: NicheKMeans %.2f s (inertia %.6e, %d iterations), MLlib %.2f s"
              + " (inertia %.6e, %d iterations)%n", r + 1, niche[r], nm.trainingCost(),
          nm.numIterations(), mllib[r],
          new NicheKMeansModel("mllib-centres", c, Double.NaN, 0).computeCost(data),
          mm.summary().numIter());
    }
    System.out.printf("k-means median: NicheKMeans %.2f s, MLlib %.2f s, ratio %.2f%n",
        median(niche), median(mllib), median(niche) / median(mllib));
    data.unpersist();
  }

  private static Column uniform(Column hash) {
    return pmod(hash, lit(1L << 40)).cast(DataTypes.DoubleType).divide((double) (1L << 40));
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
