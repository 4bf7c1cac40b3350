/**
 * Implementation details of {@code dev.niche.churn}: likelihoods, series and other numerical
 * helpers. Not part of the API; may change without notice.
 */
package dev.niche.churn.internal;
