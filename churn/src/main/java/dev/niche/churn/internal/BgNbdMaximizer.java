package dev.niche.churn.internal;

import dev.niche.core.likelihood.LikelihoodFit;
import dev.niche.core.likelihood.LogLikelihood;
import dev.niche.core.likelihood.MaximumLikelihood;
import dev.niche.core.likelihood.Parameter;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs core's maximum likelihood for the customer-value models (BG/NBD, Gamma-Gamma, BG/BB) and
 * survives a BOBYQA failure ("trust region step has failed to reduce Q", which Commons Math throws
 * on degenerate surfaces): the starts are then tried one by one and the best one that completes
 * wins. Not part of the API.
 */
public final class BgNbdMaximizer {

  private static final Logger LOG = LoggerFactory.getLogger(BgNbdMaximizer.class);

  private BgNbdMaximizer() {}

  /**
   * Maximises a log-likelihood.
   *
   * @param logLikelihood the function
   * @param observations the number of observations (for BIC), {@code >= 1}
   * @param parameters the parameters
   * @param starts starting points on the natural scale, at least one
   * @return the best fit
   * @throws ArithmeticException if the optimiser fails from every start
   */
  public static LikelihoodFit maximize(
      LogLikelihood logLikelihood, long observations, Parameter[] parameters, double[]... starts) {
    try {
      MaximumLikelihood.Builder all = MaximumLikelihood.builder(logLikelihood, parameters)
          .observations(observations);
      for (double[] s : starts) {
        all.start(s);
      }
      return all.maximize();
    } catch (MathIllegalStateException e) {
      LOG.debug("joint optimisation failed ({}); trying the starts one by one", e.getMessage());
    }
    LikelihoodFit best = null;
    String last = "";
    for (double[] s : starts) {
      try {
        LikelihoodFit f = MaximumLikelihood.builder(logLikelihood, parameters)
            .observations(observations).start(s).maximize();
        if (best == null || f.logLikelihood() > best.logLikelihood()) {
          best = f;
        }
      } catch (MathIllegalStateException e) {
        last = e.getMessage();
      }
    }
    if (best == null) {
      throw new ArithmeticException("the optimiser failed from every start: " + last);
    }
    return best;
  }
}
