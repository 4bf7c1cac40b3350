package dev.niche.contract;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the contract to one finished call: only {@link IllegalArgumentException} (with a
 * message) or {@link NullPointerException}, or an exception the member's Javadoc documents, may
 * escape; the call must return in time; finite input must give a finite result unless the
 * Javadoc says when it is NaN or infinite; array arguments must be left as they were.
 */
final class Judge {

  private final JavadocIndex javadoc;
  private final Map<String, Finding> findings = new LinkedHashMap<>();

  Judge(JavadocIndex javadoc) {
    this.javadoc = javadoc;
  }

  /** The findings, one per key (the first occurrence). */
  List<Finding> findings() {
    return new ArrayList<>(findings.values());
  }

  void add(Finding finding) {
    findings.putIfAbsent(finding.key(), finding);
  }

  /**
   * Judges a call.
   *
   * @param entry the entry point being probed (findings are filed under it)
   * @param call the call's description within the entry's probe
   * @param member the member actually called (the entry, or a follow-up)
   * @param args the arguments as passed (after the call)
   * @param before deep copies of the arguments taken before the call
   * @param finiteInput whether every number that went into the call was finite
   * @param outcome how the call ended
   */
  void judge(Executable entry, String call, Executable member, Object[] args, Object[] before,
      boolean finiteInput, CallRunner.Outcome outcome) {
    judge(entry, call, "", member, args, before, finiteInput, outcome);
  }

  /** As above, with a note (e.g. the baseline's arguments) put in front of each detail. */
  void judge(Executable entry, String call, String note, Executable member, Object[] args,
      Object[] before, boolean finiteInput, CallRunner.Outcome outcome) {
    String name = Entries.name(entry);
    String prefix = note.isEmpty() ? "" : note + "; ";
    if (outcome.timedOut()) {
      add(new Finding(name, call, "does not return",
          prefix + "no result within the per-call timeout; bound the work or reject the argument"));
      return;
    }
    for (int i = 0; i < args.length; i++) {
      if (args[i] != null && args[i].getClass().isArray()
          && !Values.deepEquals(args[i], before[i])) {
        add(new Finding(name, call, "mutates argument " + i,
            prefix + "before " + Values.describe(before[i]) + ", after " + Values.describe(args[i])));
      }
    }
    Throwable thrown = outcome.thrown();
    if (thrown != null) {
      if (thrown instanceof NullPointerException && !Values.containsNull(args)) {
        add(new Finding(name, call, "NullPointerException with no null argument",
            prefix + "an internal failure, not a rejected argument: " + thrown.getMessage() + " "
                + where(thrown)));
        return;
      }
      if (thrown instanceof IllegalArgumentException || thrown instanceof NullPointerException) {
        String message = thrown.getMessage();
        if (message == null || message.isBlank()) {
          add(new Finding(name, call, thrown.getClass().getSimpleName() + " without a message",
              prefix + "the message must name the argument and the offending value " + where(thrown)));
        }
        return;
      }
      if (!javadoc.documents(member, thrown)) {
        add(new Finding(name, call, "throws " + thrown.getClass().getName(),
            prefix + thrown.getMessage() + " " + where(thrown)));
      }
      return;
    }
    if (finiteInput) {
      String bad = Values.nonFinite(outcome.result(), this::allows, 0);
      if (bad != null) {
        boolean nan = bad.endsWith("NaN");
        if (!(member instanceof Method && allows((Method) member, nan))) {
          add(new Finding(name, call, "non-finite result from finite input",
              prefix + "result" + bad + "; document when and why in @return, or report it"));
        }
      }
    }
  }

  /** Whether a member documents NaN (or infinite) results. */
  boolean allows(Method member, boolean nan) {
    JavadocIndex.Doc doc = javadoc.of(member);
    return nan ? doc.nan() : doc.infinity();
  }

  static String where(Throwable thrown) {
    StackTraceElement[] trace = thrown.getStackTrace();
    for (StackTraceElement e : trace) {
      if (e.getClassName().startsWith("dev.niche.")) {
        return "at " + e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber();
      }
    }
    return trace.length > 0 ? "at " + trace[0] : "";
  }
}
