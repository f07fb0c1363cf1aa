package org.attnpaths.cli.output;

import java.util.List;

/**
 * Everything a simulation run produced, as written to {@code simulate.json} and {@code
 * simulate.csv}.
 *
 * @param config task and architecture (its {@code solver} is null: nothing was solved)
 * @param provenance where and how
 * @param sampler how the posterior was sampled
 * @param pathNames display names of the paths in index order, or empty
 * @param results one per width, in run order
 */
public record SimulateReport(RunConfig config, Provenance provenance, Sampler sampler,
    List<String> pathNames, List<SampledWidth> results) {

  public SimulateReport {
    pathNames = List.copyOf(pathNames);
    results = List.copyOf(results);
  }

  /**
   * The sampler settings of {@code config.sampler}.
   *
   * @param method {@code gibbs}, {@code hmc}, {@code langevin} or {@code ula}
   * @param samples retained samples per chain
   * @param burnIn discarded sweeps per chain
   * @param chains chains per width
   * @param threads threads that ran them (the samples do not depend on it)
   * @param potential {@code marginal} (readout integrated out) or {@code joint}; null for Gibbs
   * @param massMatrix {@code unit}, {@code prior} or {@code adapted}; null for Gibbs
   * @param stepSize the initial (hmc, langevin) or fixed (ula) step; NaN when searched or Gibbs
   * @param trajectoryLength HMC's λ; NaN for the other samplers
   */
  public record Sampler(String method, int samples, int burnIn, int chains, int threads,
      String potential, String massMatrix, double stepSize, double trajectoryLength) {}

  /** α = P/N for a width. */
  public double alpha(int width) {
    return (double) config.trainSize() / width;
  }

  /** Labels of the U_1 diagonal entries: the path names, or {@code 0..Π-1}. */
  public List<String> pathLabels() {
    return TheoryReport.pathLabels(pathNames, config.architecture().paths());
  }
}
