package dev.niche.churn;

import dev.niche.core.Estimate;
import dev.niche.core.Interval;
import java.util.Locale;
import org.apache.commons.math3.special.Erf;

/** Formats a {@link CoxFit} as a text table in the manner of R's {@code summary(coxph)}. */
final class CoxSummary {

  private CoxSummary() {}

  static String format(CoxFit fit) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Cox proportional hazards (%s ties): n = %d, events = %d%n",
        fit.ties().name().toLowerCase(Locale.ROOT), fit.observations(), fit.events()));
    b.append(String.format(Locale.ROOT, "%-20s %10s %10s %10s %8s %10s %10s %10s%n", "term",
        "coef", "HR", fit.isRobust() ? "robust se" : "se", "z", "p", "HR 95% lo", "HR 95% hi"));
    for (String term : fit.terms()) {
      Estimate e = fit.coefficient(term);
      double z = e.value() / e.standardError();
      double p = Erf.erfc(Math.abs(z) / Math.sqrt(2));
      Interval ci = fit.hazardRatio(term).interval();
      b.append(String.format(Locale.ROOT, "%-20s %10.5g %10.5g %10.5g %8.3f %10.3g %10.5g %10.5g%n",
          term, e.value(), Math.exp(e.value()), e.standardError(), z, p, ci.lower(),
          ci.upper()));
    }
    b.append(String.format(Locale.ROOT, "Log likelihood %.6f (null %.6f)%n", fit.logLikelihood(),
        fit.nullLogLikelihood()));
    b.append(test("Likelihood ratio test", fit.likelihoodRatioTest()));
    b.append(test("Wald test", fit.waldTest()));
    b.append(test("Score (log-rank) test", fit.scoreTest()));
    Concordance c = fit.concordance();
    b.append(String.format(Locale.ROOT, "Concordance %.4f (se %.4f)%n", c.value(),
        c.standardError()));
    if (!fit.diagnostics().message().isEmpty()) {
      b.append("Warning: ").append(fit.diagnostics().message()).append(System.lineSeparator());
    }
    return b.toString();
  }

  private static String test(String name, ChiSquareTest t) {
    return String.format(Locale.ROOT, "%-22s %10.4f on %d df, p = %.4g%n", name, t.statistic(),
        t.degreesOfFreedom(), t.pValue());
  }
}
