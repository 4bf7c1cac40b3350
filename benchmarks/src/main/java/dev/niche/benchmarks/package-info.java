/**
 * JMH benchmarks of the hot paths, with peers measured in the same run. Ships nothing.
 */
package dev.niche.benchmarks;
