package org.attnpaths.simulation.sampler;

/**
 * One Markov chain: its state, its random stream and its adaptation. Created by a {@link Sampler}
 * for a given number of warm-up transitions, during which it may adapt its step size or mass
 * matrix; afterwards its kernel is fixed (so the retained samples come from a time-homogeneous
 * chain). Not thread-safe; a chain runs on one thread at a time.
 */
public interface MarkovChain {

  /** Makes one transition (adapting if it is still in the warm-up). */
  void step();

  /** The current position θ, length d; referenced: read it, do not modify it or keep it. */
  double[] position();

  /** The potential Φ at {@link #position()}. */
  double potential();

  /** Counters and the current tuning. */
  ChainStatistics statistics();

  /**
   * The Metropolis acceptance probability of the last transition (0 for a divergence, 1 for an
   * unadjusted kernel), NaN before the first one or for a kernel without one: the per-transition
   * trace behind the warm-up diagnostics.
   */
  default double lastAcceptance() {
    return Double.NaN;
  }

  /** The step size the last transition used (NaN before the first one or without a step size). */
  default double lastStepSize() {
    return Double.NaN;
  }
}
