package dev.niche.churn.internal;

import dev.niche.core.likelihood.LikelihoodFit;
import dev.niche.core.likelihood.LogLikelihood;
import dev.niche.core.likelihood.MaximumLikelihood;
import dev.niche.core.likelihood.Parameter;
import java.util.List;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs core's {@link MaximumLikelihood} with several starts and survives an optimiser failure on
 * one of them: Commons Math's BOBYQA can throw {@link MathIllegalStateException} ("trust region
 * step has failed to reduce Q") on flat likelihood ridges, which would otherwise abort the whole
 * multi-start run. On such a failure every explicit start is retried on its own and the best
 * surviving fit is kept. Not part of the API.
 */
public final class RobustMaximization {

  private static final Logger LOG = LoggerFactory.getLogger(RobustMaximization.class);

  private RobustMaximization() {}

  /**
   * Maximises {@code ll}.
   *
   * @param ll the log-likelihood
   * @param parameters the parameters
   * @param starts explicit starts on the natural scale, at least one
   * @param randomStarts extra random starts around the first start
   * @param seed the seed of the random starts
   * @param observations the number of observations (for BIC)
   * @return the best fit
   * @throws ArithmeticException if the optimiser fails from every start
   */
  public static LikelihoodFit maximize(LogLikelihood ll, Parameter[] parameters,
      List<double[]> starts, int randomStarts, long seed, long observations) {
    try {
      MaximumLikelihood.Builder b = MaximumLikelihood.builder(ll, parameters);
      for (double[] s : starts) {
        b.start(s);
      }
      return b.randomStarts(randomStarts, seed).observations(observations).maximize();
    } catch (MathIllegalStateException e) {
      LOG.debug("multi-start maximisation failed ({}); retrying start by start", e.getMessage());
    }
    LikelihoodFit best = null;
    for (double[] s : starts) {
      try {
        LikelihoodFit f = MaximumLikelihood.builder(ll, parameters).start(s)
            .observations(observations).maximize();
        if (best == null || f.logLikelihood() > best.logLikelihood()) {
          best = f;
        }
      } catch (MathIllegalStateException e) {
        LOG.debug("start failed: {}", e.getMessage());
      }
    }
    if (best == null) {
      throw new ArithmeticException("the optimiser failed from every start");
    }
    return best;
  }
}
