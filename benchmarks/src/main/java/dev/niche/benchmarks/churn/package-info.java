/** JMH benchmarks of the churn module: cohort tables and retention-model fits. */
package dev.niche.benchmarks.churn;
