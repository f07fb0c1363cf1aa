package org.attnpaths.simulation.sampler;

/**
 * How many chains to run and which transitions to keep. Each chain makes {@code burnIn}
 * transitions that are discarded (adaptive samplers adapt during them: they are the warm-up),
 * then {@code samples × thin} transitions of which every {@code thin}-th is recorded.
 *
 * @param chains K ≥ 1
 * @param burnIn discarded (warm-up) transitions per chain, ≥ 0
 * @param samples retained samples per chain, ≥ 1
 * @param thin transitions per retained sample, ≥ 1
 * @param seed the one seed every chain's stream is split from
 * @param threads worker threads, ≥ 1, or 0 for min(K, available processors); the samples do not
 *     depend on it
 */
public record RunSettings(int chains, int burnIn, int samples, int thin, long seed, int threads) {

  public RunSettings {
    if (chains < 1) throw new IllegalArgumentException("chains: expected >= 1, got " + chains);
    if (burnIn < 0) throw new IllegalArgumentException("burnIn: expected >= 0, got " + burnIn);
    if (samples < 1) throw new IllegalArgumentException("samples: expected >= 1, got " + samples);
    if (thin < 1) throw new IllegalArgumentException("thin: expected >= 1, got " + thin);
    if (threads < 0) {
      throw new IllegalArgumentException("threads: expected >= 0 (0 = automatic), got " + threads);
    }
  }

  /** K chains with no thinning and automatic threads. */
  public static RunSettings of(int chains, int burnIn, int samples, long seed) {
    return new RunSettings(chains, burnIn, samples, 1, seed, 0);
  }

  /** A copy with the given thread count (0 = automatic). */
  public RunSettings withThreads(int n) {
    return new RunSettings(chains, burnIn, samples, thin, seed, n);
  }

  /** A copy with the given thinning. */
  public RunSettings withThin(int n) {
    return new RunSettings(chains, burnIn, samples, n, seed, threads);
  }

  /** The number of threads to use: {@code threads}, or min(K, available processors) if 0. */
  int effectiveThreads() {
    if (threads > 0) return Math.min(threads, chains);
    return Math.max(1, Math.min(chains, Runtime.getRuntime().availableProcessors()));
  }
}
