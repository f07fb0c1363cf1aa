package org.attnpaths.theory.saddle;

/**
 * How to solve the saddle point.
 *
 * @param method {@code NEWTON} (default: damped Newton on packed symmetric parameters with a
 *     positive-definiteness guard) or {@code ADAM} (the reference algorithm of spec §6)
 * @param tolerance stop when max |∂(S/N_max)/∂U| &lt; tolerance
 * @param maxIterations iteration cap
 * @param learningRate Adam learning rate (spec §6: 0.1 Markov, 0.008 image); unused by Newton
 */
public record SolverOptions(Method method, double tolerance, int maxIterations,
    double learningRate) {

  public enum Method { NEWTON, ADAM }

  public SolverOptions {
    if (!(tolerance > 0.0)) throw new IllegalArgumentException("tolerance: expected > 0, got " + tolerance);
    if (maxIterations < 1) throw new IllegalArgumentException("max iterations: expected >= 1, got " + maxIterations);
    if (!(learningRate > 0.0)) throw new IllegalArgumentException("learning rate: expected > 0, got " + learningRate);
  }

  /** Newton to 1e-9 (issue 2 default). */
  public static SolverOptions newton() {
    return new SolverOptions(Method.NEWTON, 1e-9, 200, 0.1);
  }

  /** The reference: Adam lr 0.1, tolerance 1e-5, at most 50 000 steps (spec §6). */
  public static SolverOptions adamReference() {
    return new SolverOptions(Method.ADAM, 1e-5, 50_000, 0.1);
  }
}
