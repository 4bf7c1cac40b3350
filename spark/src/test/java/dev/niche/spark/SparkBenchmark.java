package dev.niche.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import dev.niche.churn.BgNbd;
import dev.niche.churn.CohortPeriod;
import dev.niche.core.activity.ActivityUnit;
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

/**
 * The Spark scale measurements of docs/benchmarks.md, in one local-mode run:
 *
 * <ol>
 *   <li>NicheKMeans against MLlib KMeans on the same cached Gaussian blobs (same k, iteration
 *       cap, tolerance, seed and k-means|| steps), alternating, median of the runs;
 *   <li>generated transactions, then summaries, BG/NBD fit (its driver-side part timed apart)
 *       and a scored Dataset, end to end;
 *   <li>the cohort table against a plain Spark SQL groupBy computing the same counts.
 * </ol>
 *
 * <p>Arguments: transactions, k-means rows, repetitions (defaults 10^7, 10^6, 3).
 */
public final class SparkBenchmark {

  private SparkBenchmark() {}

  /**
   * Runs the measurements.
   *
   * @param args transactions, k-means rows, repetitions
   */
  public static void main(String[] args) {
    long transactions = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    long kmeansRows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    SparkSession spark = SparkSession.builder().master("local[2]").appName("niche-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    System.out.println("java " + System.getProperty("java.version") + ", spark "
        + spark.version() + ", cores " + Runtime.getRuntime().availableProcessors()
        + ", heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
    if (kmeansRows > 0) {
      kmeans(spark, kmeansRows, reps);
    }
    if (transactions > 0) {
      clv(spark, transactions, reps);
    }
    spark.stop();
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
    Dataset<Row> raw = spark.range(n).repartition(8).select(features.toArray(new Column[0]));
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
    NicheKMeansModel nm = null;
    KMeansModel mm = null;
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      nm = new NicheKMeans().setK(k).setMaxIter(maxIter).setSeed(r + 1).setInitSteps(2)
          .fit(data);
      niche[r] = (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      mm = new org.apache.spark.ml.clustering.KMeans().setK(k).setMaxIter(maxIter).setSeed(r + 1)
          .setInitSteps(2).fit(data);
      mllib[r] = (System.nanoTime() - t0) / 1e9;
      double[][] c = new double[mm.clusterCenters().length][];
      for (int j = 0; j < c.length; j++) {
        c[j] = mm.clusterCenters()[j].toArray();
      }
      System.out.printf("  seed %d: NicheKMeans %.2f s (inertia %.6e, %d iterations), MLlib %.2f s"
              + " (inertia %.6e, %d iterations; its summary's cost %.6e)%n", r + 1, niche[r],
          nm.trainingCost(), nm.numIterations(), mllib[r], mllibInertia(data, c),
          mm.summary().numIter(), mm.summary().trainingCost());
    }
    System.out.printf("k-means median: NicheKMeans %.2f s, MLlib %.2f s, ratio %.2f%n",
        median(niche), median(mllib), median(niche) / median(mllib));
    data.unpersist();
  }

  private static double mllibInertia(Dataset<Row> data, double[][] centres) {
    return new NicheKMeansModel("mllib-centres", centres, Double.NaN, 0).computeCost(data);
  }

  private static void clv(SparkSession spark, long n, int reps) {
    long customers = Math.max(10, n / 10);
    LocalDate start = LocalDate.of(2022, 1, 1);
    LocalDate calibrationEnd = start.plusDays(545);
    // Each customer joins on a hashed day of the first year, then buys on hashed later days.
    Column customer = xxhash64(col("id"), lit(1)).mod(customers).as("customer");
    Dataset<Row> tx = spark.range(n).repartition(8).select(customer,
            uniform(xxhash64(col("id"), lit(2))).as("u"),
            uniform(xxhash64(col("id"), lit(3))).multiply(90).plus(5).as("amount"))
        .select(col("customer"),
            date_add(lit(start), uniform(xxhash64(col("customer"), lit(4))).multiply(365)
                .plus(col("u").multiply(col("u")).multiply(365)).cast(DataTypes.IntegerType))
                .as("day"),
            col("amount"))
        .cache();
    long t0 = System.nanoTime();
    long rows = tx.count();
    double generate = (System.nanoTime() - t0) / 1e9;
    System.out.printf("CLV: %d transactions of about %d customers (generated and cached in %.1f s)%n",
        rows, customers, generate);
    t0 = System.nanoTime();
    Dataset<Row> summaries = NicheSpark.customerSummaries(tx, "customer", "day", "amount",
        calibrationEnd, ActivityUnit.WEEKS).cache();
    long summarised = summaries.count();
    double summarise = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    BgNbdModel model = new BgNbdEstimator().setHorizon(52).fit(summaries);
    double fit = (System.nanoTime() - t0) / 1e9;
    // The driver-side part of the fit alone, on the same compressed statistics.
    List<Row> triples = summaries.groupBy("frequency", "recency", "age").count().collectAsList();
    double[] x = new double[triples.size()];
    double[] txs = new double[triples.size()];
    double[] ts = new double[triples.size()];
    double[] w = new double[triples.size()];
    for (int i = 0; i < x.length; i++) {
      Row r = triples.get(i);
      x[i] = r.getDouble(0);
      txs[i] = r.getDouble(1);
      ts[i] = r.getDouble(2);
      w[i] = r.getLong(3);
    }
    t0 = System.nanoTime();
    BgNbd.fit(x, txs, ts, w);
    double driver = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    Row scored = model.transform(summaries)
        .agg(sum("probabilityAlive"), sum("expectedPurchases")).first();
    double score = (System.nanoTime() - t0) / 1e9;
    double total = summarise + fit + score;
    System.out.printf("  summaries %.1f s (%d customers), BG/NBD fit %.1f s (driver-side %.2f s on "
            + "%d distinct (x, t_x, T)), scoring %.1f s (sum P(alive) %.1f, sum E[X(52)] %.1f)%n",
        summarise, summarised, fit, driver, x.length, score, scored.getDouble(0),
        scored.getDouble(1));
    System.out.printf("  end to end %.1f s; driver-side fit %.2f%% of it; r %.4g alpha %.4g a %.4g "
            + "b %.4g%n", total, 100 * driver / total, model.bgNbd().r(), model.bgNbd().alpha(),
        model.bgNbd().a(), model.bgNbd().b());
    summaries.unpersist();
    double[] niche = new double[reps];
    double[] plain = new double[reps];
    for (int r = 0; r < reps; r++) {
      t0 = System.nanoTime();
      NicheSpark.cohortTable(tx, "customer", "day", CohortPeriod.MONTH);
      niche[r] = (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      Column month = functions_month(col("day"));
      tx.select(col("customer"), month.as("p")).groupBy("customer")
          .agg(min("p").as("f"), max("p").as("l"))
          .groupBy(col("f"), col("l").minus(col("f")).as("age")).agg(count(lit(1)))
          .collectAsList();
      plain[r] = (System.nanoTime() - t0) / 1e9;
    }
    System.out.printf("cohort table (MONTH) median: NicheSpark %.2f s, plain Spark SQL groupBy "
        + "%.2f s, ratio %.2f (runs %s / %s)%n", median(niche), median(plain),
        median(niche) / median(plain), Arrays.toString(niche), Arrays.toString(plain));
    tx.unpersist();
  }

  private static Column functions_month(Column day) {
    return org.apache.spark.sql.functions.year(day).multiply(12)
        .plus(org.apache.spark.sql.functions.month(day)).minus(1);
  }

  private static Column uniform(Column hash) {
    return org.apache.spark.sql.functions.pmod(hash, lit(1L << 40)).cast(DataTypes.DoubleType)
        .divide((double) (1L << 40));
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
