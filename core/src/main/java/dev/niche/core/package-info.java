/**
 * Shared plumbing of every Niche module: argument checks ({@link dev.niche.core.Checks}),
 * estimates with standard errors ({@link dev.niche.core.Estimate}, {@link dev.niche.core.Interval}),
 * fit diagnostics ({@link dev.niche.core.FitDiagnostics}) and explicit seeds
 * ({@link dev.niche.core.Seeds}).
 *
 * <p>{@code core} knows nothing of retention, species, costs or clusters. Maximum-likelihood
 * estimation lives in {@link dev.niche.core.likelihood}.
 */
package dev.niche.core;
