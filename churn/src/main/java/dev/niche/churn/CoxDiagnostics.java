package dev.niche.churn;

import dev.niche.core.Checks;
import java.util.List;

/**
 * What the Newton–Raphson iterations of a Cox fit report about themselves.
 *
 * <p>{@code infiniteTerms} lists the terms whose coefficients may be infinite: the log
 * likelihood converged while their Newton step was still large — monotone likelihood, typically
 * a covariate (or level) in which every event, or no event, falls, as R's warning
 * "Loglik converged before variable …; coefficient may be infinite". Their estimates and
 * standard errors are then meaningless; drop or merge the term.
 *
 * @param converged true if the relative change of the log likelihood fell to {@code 1e-9}
 * @param iterations Newton iterations used (as R's {@code fit$iter}), {@code 0..20}
 * @param infiniteTerms terms whose coefficients may be infinite, never null
 * @param message a human-readable summary, empty when all is well; never null
 */
public record CoxDiagnostics(
    boolean converged, int iterations, List<String> infiniteTerms, String message) {

  /**
   * Validates and copies the components.
   *
   * @param converged whether the iterations converged
   * @param iterations the iterations used, {@code >= 0}
   * @param infiniteTerms the possibly infinite terms, not null and without null elements
   * @param message the summary, not null
   * @throws NullPointerException if the list, one of its elements or the message is null
   * @throws IllegalArgumentException if {@code iterations < 0}
   */
  public CoxDiagnostics {
    Checks.nonNegative(iterations, "iterations");
    infiniteTerms = List.copyOf(Checks.noNullElements(infiniteTerms, "infiniteTerms"));
    Checks.notNull(message, "message");
  }

  /**
   * True when the fit converged and no coefficient may be infinite.
   *
   * @return whether the estimates can be trusted numerically
   */
  public boolean ok() {
    return converged && infiniteTerms.isEmpty();
  }
}
