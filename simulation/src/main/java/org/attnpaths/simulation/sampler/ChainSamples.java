package org.attnpaths.simulation.sampler;

import java.util.List;
import org.attnpaths.numerics.mcmc.DrawSummary;

/**
 * The recorded functionals of K chains and what each chain did.
 *
 * @param values [K][samples][k]: {@code values[c][s]} is the {@link SampleFunctional} at chain c's
 *     s-th retained sample; referenced, not copied
 * @param statistics per chain, in chain order
 * @param settings the run that produced them
 */
public record ChainSamples(double[][][] values, List<ChainStatistics> statistics,
    RunSettings settings) {

  public ChainSamples {
    statistics = List.copyOf(statistics);
  }

  /** k, the number of recorded scalars per sample. */
  public int size() {
    return values[0][0].length;
  }

  /**
   * Functional {@code k} as [chain][sample], the layout of the diagnostics in
   * {@code org.attnpaths.numerics.mcmc}. @return a new array
   */
  public double[][] component(int k) {
    if (k < 0 || k >= size()) {
      throw new IllegalArgumentException("k: expected in [0, " + size() + "), got " + k);
    }
    double[][] out = new double[values.length][values[0].length];
    for (int c = 0; c < values.length; c++) {
      for (int s = 0; s < values[c].length; s++) out[c][s] = values[c][s][k];
    }
    return out;
  }

  /** Mean, sd, MCSE, ESS and R-hats of functional {@code k} (needs ≥ 8 samples per chain). */
  public DrawSummary summary(int k) {
    return DrawSummary.of(component(k));
  }

  /** Divergences after warm-up, summed over chains. */
  public long divergences() {
    return statistics.stream().mapToLong(ChainStatistics::divergences).sum();
  }

  /** Mean acceptance after warm-up, averaged over chains. */
  public double meanAcceptance() {
    return statistics.stream().mapToDouble(ChainStatistics::meanAcceptance).average().orElse(
        Double.NaN);
  }
}
