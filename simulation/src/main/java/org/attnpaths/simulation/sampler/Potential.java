package org.attnpaths.simulation.sampler;

/**
 * A potential Φ(θ) on ℝ^d whose Gibbs density exp(−Φ(θ)) the samplers draw from. Any temperature
 * is already inside Φ: for the network of spec §8,
 * Φ(Θ) = (1/(2T)) Σ_μ (y_μ − f(X_μ;Θ))² + Σ_blocks |block|²/(2σ²_block).
 *
 * <p>An instance may keep workspace and need not be thread-safe: {@link ChainRunner} asks for one
 * instance per chain.
 */
public interface Potential {

  /** d, the length of θ. */
  int dimension();

  /**
   * Evaluates the potential and its gradient at one point.
   *
   * @param theta θ, length d; not modified
   * @param gradOut length d; overwritten with ∇Φ(θ)
   * @return Φ(θ); +∞ or NaN where the density is zero or the evaluation failed (a sampler treats
   *     that as a divergence)
   */
  double valueAndGradient(double[] theta, double[] gradOut);
}
