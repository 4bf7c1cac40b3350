package dev.niche.ecology;

import dev.niche.core.Checks;

/**
 * One eigenvalue of a Jacobian matrix, {@code real + i·imaginary}.
 *
 * @param real the real part, finite
 * @param imaginary the imaginary part, finite
 */
public record Eigenvalue(double real, double imaginary) {

  /**
   * Creates an eigenvalue.
   *
   * @param real the real part
   * @param imaginary the imaginary part
   * @throws IllegalArgumentException if either part is not finite
   */
  public Eigenvalue {
    Checks.finite(real, "real");
    Checks.finite(imaginary, "imaginary");
  }

  /**
   * The modulus {@code |λ|}.
   *
   * @return {@code hypot(real, imaginary)}
   */
  public double modulus() {
    return Math.hypot(real, imaginary);
  }
}
