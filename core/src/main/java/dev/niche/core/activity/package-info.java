/**
 * Customer activity data shared by churn and segmentation: {@link
 * dev.niche.core.activity.Transaction}s (customer id, date, amount) and per-customer summaries
 * ({@link dev.niche.core.activity.CustomerSummaries}) — frequency, recency, age and spend at an
 * explicit {@link dev.niche.core.activity.ActivityUnit}, with the conventions of the
 * "buy 'til you die" literature (Fader, Hardie &amp; Lee 2005; the R package BTYD).
 */
package dev.niche.core.activity;
