package org.attnpaths.theory.kernel;

/**
 * The training kernel K + T·I (or a GP kernel) is not numerically positive definite, so the
 * energy of spec §5.2 is undefined. Bad input (e.g. duplicated examples with T too small), not a
 * solver failure.
 */
public final class KernelNotPositiveDefiniteException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final double temperature;

  public KernelNotPositiveDefiniteException(String what, double temperature) {
    super(what + ": K + T·I is not positive definite at temperature T=" + temperature
        + " (expected a positive-definite kernel; raise --temperature or remove duplicated "
        + "training examples)");
    this.temperature = temperature;
  }

  public double temperature() {
    return temperature;
  }
}
