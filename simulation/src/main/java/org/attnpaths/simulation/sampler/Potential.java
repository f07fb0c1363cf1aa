package org.attnpaths.simulation.sampler;

/**
 * A potential Φ(θ) on ℝ^d whose Gibbs density exp(−Φ(θ)) the samplers draw from. Any temperature
 * is already inside Φ: for the network of spec §8 ({@link PosteriorPotential}),
 * Φ(Θ) = (1/(2T)) Σ_μ (y_μ − f(X_μ;Θ))² + Σ_blocks |block|²/(2σ²_block), with the θ layout of
 * {@code network.NetworkWeights}: V^0 (N_1×N0), then V^{(1,0)}, …, V^{(1,H_1−1)}, …,
 * V^{(L,H_L−1)} (each N_{ℓ+1}×N_ℓ), then a (N_a); every matrix row-major.
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

  /**
   * The prior variance of each coordinate, the scale of {@link MassMatrix#PRIOR}: σ_b² of θ's
   * block for the network. The default, for a potential without a Gaussian prior, is 1.
   *
   * @param out length d; overwritten with values &gt; 0
   */
  default void priorVariance(double[] out) {
    java.util.Arrays.fill(out, 1.0);
  }

  /**
   * Groups of coordinates known to have the same posterior marginal variance (for the network:
   * {@link ExchangeableGroups}), over which {@link MassMatrix#POOLED} averages its warm-up
   * variance estimates. The default, without such knowledge, puts every coordinate in its own
   * group.
   *
   * @param out length d; overwritten with group indices 0 … G−1
   * @return G
   */
  default int exchangeableGroups(int[] out) {
    for (int i = 0; i < out.length; i++) out[i] = i;
    return out.length;
  }
}
