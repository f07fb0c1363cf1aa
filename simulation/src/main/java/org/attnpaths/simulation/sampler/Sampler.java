package org.attnpaths.simulation.sampler;

import java.util.SplittableRandom;

/**
 * A transition kernel family for exp(−Φ): {@link HamiltonianMonteCarlo} or {@link
 * LangevinDynamics}. Immutable settings; {@link #start} creates the per-chain state.
 */
public interface Sampler {

  /**
   * Starts a chain.
   *
   * @param potential Φ, used by this chain only
   * @param initial θ₀, length {@code potential.dimension()}; copied, not modified
   * @param rng this chain's stream; referenced and advanced by every transition
   * @param warmUp number of initial transitions during which the kernel may adapt (≥ 0)
   * @throws IllegalArgumentException if the lengths disagree or Φ(θ₀) is not finite
   */
  MarkovChain start(Potential potential, double[] initial, SplittableRandom rng, int warmUp);
}
