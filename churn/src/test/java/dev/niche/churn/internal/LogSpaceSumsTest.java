package dev.niche.churn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * {@link LogSpace#logOfSum}, {@link LogSpace#overSum} and {@link LogSpace#ratioOfSums} for sums of
 * doubles up to {@code Double.MAX_VALUE} (so that about half of them overflow) against the exact
 * sums in {@link BigDecimal}, quotients to 34 digits, rounded once to a double.
 */
class LogSpaceSumsTest {

  private static final double MAX = Double.MAX_VALUE;
  private static final BigDecimal TWO_TO_1024 = new BigDecimal(BigInteger.TWO.pow(1024));

  /**
   * {@code ln(a + b)} from the exact sum: its logarithm where it rounds to a finite double,
   * otherwise {@code ln((a+b)/2^1024) + 1024 ln 2}.
   */
  private static double logOfSum(double a, double b) {
    BigDecimal sum = new BigDecimal(a).add(new BigDecimal(b));
    double rounded = sum.doubleValue();
    if (rounded <= MAX) {
      return Math.log(rounded);
    }
    double m = sum.divide(TWO_TO_1024, MathContext.DECIMAL128).doubleValue();
    return Math.log(m) + 1024 * Math.log(2);
  }

  /** {@code n/(a + b)} from the exact sum, rounded once. */
  private static double overSum(double n, double a, double b) {
    BigDecimal sum = new BigDecimal(a).add(new BigDecimal(b));
    return new BigDecimal(n).divide(sum, MathContext.DECIMAL128).doubleValue();
  }

  @Test
  void sumsUpToTwiceTheLargestDoubleAgreeWithExactArithmetic() {
    qt().withExamples(2000)
        .forAll(doubles().between(Double.MIN_VALUE, MAX), doubles().between(Double.MIN_VALUE, MAX),
            doubles().between(0, 1))
        .checkAssert((a, b, u) -> {
          String where = "a " + a + " b " + b;
          double log = logOfSum(a, b);
          assertEquals(log, LogSpace.logOfSum(a, b), 3 * Math.ulp(log) + 2e-16, where);
          // Quotients of order 1 (a numerator below the sum) and of order 1/(a+b) (subnormal).
          double n = u * (a + b <= MAX ? a + b : MAX);
          for (double numerator : new double[] {n, 1, a, b}) {
            double q = overSum(numerator, a, b);
            assertEquals(q, LogSpace.overSum(numerator, a, b), 2 * Math.ulp(q),
                where + " n " + numerator);
          }
          double ratio = new BigDecimal(u).add(new BigDecimal(b))
              .divide(new BigDecimal(a).add(new BigDecimal(b)), MathContext.DECIMAL128)
              .doubleValue();
          assertEquals(ratio, LogSpace.ratioOfSums(u, a, b), 2 * Math.ulp(ratio), where);
          double inverse = new BigDecimal(a).add(new BigDecimal(b))
              .divide(new BigDecimal(u * MAX).add(new BigDecimal(b)), MathContext.DECIMAL128)
              .doubleValue();
          assertEquals(inverse, LogSpace.ratioOfSums(a, u * MAX, b), 2 * Math.ulp(inverse),
              where + " u " + u);
        });
  }

  @Test
  void atTheThresholdOfTheOverflowBothFormsAgree() {
    for (double a : new double[] {1e300, 1e308, MAX / 2, 0.75 * MAX}) {
      double t = MAX - a;
      while (a + Math.nextUp(t) <= MAX) {
        t = Math.nextUp(t);
      }
      while (a + t > MAX) {
        t = Math.nextDown(t);
      }
      double beyond = Math.nextUp(t);
      assertEquals(Double.POSITIVE_INFINITY, a + beyond, "a " + a);
      for (double s : new double[] {t, beyond}) {
        assertEquals(logOfSum(a, s), LogSpace.logOfSum(a, s), 3 * Math.ulp(709.0), "a " + a);
        double q = overSum(s, a, s);
        assertEquals(q, LogSpace.overSum(s, a, s), 2 * Math.ulp(q), "a " + a);
      }
    }
  }
}
