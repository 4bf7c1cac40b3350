/** JMH benchmarks of {@code dev.niche.ecology}, with a plain Commons Math baseline. */
package dev.niche.benchmarks.ecology;
