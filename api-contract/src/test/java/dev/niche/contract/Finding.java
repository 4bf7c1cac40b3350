package dev.niche.contract;

/**
 * One breach of the contract. {@link #key()} is stable across runs (it names the entry point,
 * the argument and the bad value, and the kind of breach, but not exception messages or
 * numbers), so it can be listed in {@code known-defects.txt} or {@code exemptions.txt}.
 *
 * @param entry the entry point, e.g. {@code churn.CohortPeriod#start(long)}
 * @param call which call, e.g. {@code arg0=Long.MAX_VALUE} or {@code arg0=1e308 -> simulate(...)}
 * @param kind what went wrong, e.g. {@code throws java.lang.ArithmeticException}
 * @param detail the message, numbers and hints (not part of the key)
 */
record Finding(String entry, String call, String kind, String detail) {

  String key() {
    return entry + (call.isEmpty() ? "" : " " + call) + ": " + kind;
  }

  @Override
  public String toString() {
    return key() + (detail.isEmpty() ? "" : "  [" + detail + "]");
  }
}
