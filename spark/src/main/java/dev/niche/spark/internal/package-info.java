/**
 * Internals of Niche on Spark: column checks, Spark expressions and per-partition kernels. Not
 * part of the API; may change without notice.
 */
package dev.niche.spark.internal;
