/**
 * Implementation details of {@code dev.niche.churn}: primitive hash maps, likelihood kernels, series
 * and other numerical helpers. This package is <b>not</b> part of the public API and may change
 * without notice.
 */
package dev.niche.churn.internal;
