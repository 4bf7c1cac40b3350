package dev.niche.spark;

import org.apache.spark.sql.SparkSession;

/** The one local[2] SparkSession shared by every test class of this JVM. */
final class TestSpark {

  private static final SparkSession SESSION = SparkSession.builder()
      .master("local[2]")
      .appName("niche-spark-tests")
      .config("spark.ui.enabled", "false")
      .config("spark.sql.shuffle.partitions", "4")
      .config("spark.default.parallelism", "2")
      .config("spark.sql.adaptive.enabled", "false")
      .config("spark.driver.host", "127.0.0.1")
      .config("spark.driver.bindAddress", "127.0.0.1")
      .getOrCreate();

  private TestSpark() {}

  static SparkSession session() {
    return SESSION;
  }
}
