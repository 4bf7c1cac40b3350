package dev.niche.churn;

/** The seed study's two curves and Fader &amp; Hardie (2007) Table 1, typed in. */
final class SeedData {

  /** Seed study, company 1: % of customers still buying after 0..6 years (base 100). */
  static final long[] COMPANY_1 = {100, 95, 70, 50, 35, 20, 10};

  /** Seed study, company 2. */
  static final long[] COMPANY_2 = {100, 93, 67, 45, 32, 22, 14};

  /**
   * Fader, P. S. &amp; Hardie, B. G. S. (2007), "How to Project Customer Retention", Journal of
   * Interactive Marketing 21(1), 76-90, Table 1: customers alive of 1000 at years 0..12, Regular.
   */
  static final long[] REGULAR =
      {1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173};

  /** Same source, High End segment. */
  static final long[] HIGH_END =
      {1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394};

  private SeedData() {}
}
