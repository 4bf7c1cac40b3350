/**
 * Niche on Apache Spark: cohort tables, customer summaries, Kaplan–Meier and log-rank aggregated
 * by Spark ({@link dev.niche.spark.NicheSpark}); BG/NBD and Gamma-Gamma as Spark ML estimators
 * fitted on the driver from compressed statistics ({@link dev.niche.spark.BgNbdEstimator},
 * {@link dev.niche.spark.GammaGammaEstimator}); exact k-means with a k-means|| start that gives
 * the same model for any partitioning ({@link dev.niche.spark.NicheKMeans}). Spark is a provided
 * dependency; results equal Niche's in-process results on the same records.
 */
package dev.niche.spark;
