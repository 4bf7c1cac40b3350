/**
 * Maximum-likelihood estimation shared by the churn and ecology models.
 *
 * <p>A model states its log-likelihood as a {@link dev.niche.core.likelihood.LogLikelihood} over
 * named {@link dev.niche.core.likelihood.Parameter}s, each with its natural domain (free,
 * positive, in (0, 1), bounded). {@link dev.niche.core.likelihood.MaximumLikelihood} maximises it
 * over unconstrained transformed coordinates (log, logit) from several starts, polishes the
 * optimum with Newton steps, and returns a {@link dev.niche.core.likelihood.LikelihoodFit} with
 * observed-information standard errors mapped back by the delta method, AIC and BIC, and
 * diagnostics that say when the supremum lies on the boundary of the parameter space.
 */
package dev.niche.core.likelihood;
