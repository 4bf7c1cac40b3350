/**
 * Cohort retention, churn and customer value: cohort tables, retention curves, Kaplan–Meier,
 * log-rank tests, shifted-beta-geometric and beta-discrete-Weibull models, BG/NBD and Gamma-Gamma.
 */
package dev.niche.churn;
