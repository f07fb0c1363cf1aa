package org.attnpaths.cli.output;

import java.util.ArrayList;
import java.util.List;
import org.attnpaths.simulation.sampler.ChainStatistics;
import org.attnpaths.simulation.sampler.PosteriorSample;
import org.attnpaths.simulation.sampler.SampledChains;
import org.attnpaths.theory.action.OrderParameters;
import org.attnpaths.theory.predictor.Predictor;
import org.attnpaths.theory.predictor.PredictorStatistics;

/**
 * The sampled finite network at one width, as written to {@code simulate.json}: the sampled mean
 * predictor (spec §8 (i)), the sampled order parameters (spec §5.1) and the chain diagnostics.
 *
 * @param width N (all widths equal)
 * @param seed seed of this width's chains
 * @param sampler sampler label ({@code gibbs}, …)
 * @param burnIn discarded sweeps per chain
 * @param test statistics of the sampled mean predictor: mean = posterior-sample mean of f(x*),
 *     variance = sample variance of f(x*) over all retained samples (n − 1 denominator)
 * @param accuracyStandardError standard deviation over chains of each chain's mean-predictor
 *     accuracy, divided by √chains; NaN with one chain
 * @param orderParameters posterior-sample mean of U_a, U_L … U_1
 * @param chains per-chain summaries, chain c at index c
 * @param diagnostics convergence diagnostics (split R-hat, ESS) and their warnings
 * @param wallSeconds wall time of the sampling
 */
public record SampledWidth(int width, long seed, String sampler, int burnIn,
    PredictorStatistics test, double accuracyStandardError, OrderParameters orderParameters,
    List<Chain> chains, ChainDiagnostics diagnostics, double wallSeconds) {

  public SampledWidth {
    chains = List.copyOf(chains);
  }

  /**
   * One chain's summary.
   *
   * @param samples retained samples
   * @param accuracy accuracy of this chain's own mean predictor
   * @param scalarOrderParameter this chain's mean U_a
   * @param pathDiagonal this chain's mean diag(U_1)
   * @param meanAcceptance mean Metropolis acceptance after burn-in (1 for exact Gibbs draws)
   * @param stepSize adapted step size (NaN for Gibbs)
   * @param divergences divergent transitions after burn-in (0 for Gibbs)
   * @param adaptation how the step size was adapted during burn-in, or null (Gibbs)
   */
  public record Chain(int samples, double accuracy, double scalarOrderParameter,
      double[] pathDiagonal, double meanAcceptance, double stepSize, long divergences,
      Adaptation adaptation) {
    public Chain {
      pathDiagonal = pathDiagonal.clone();
    }

    @Override
    public double[] pathDiagonal() {
      return pathDiagonal.clone();
    }
  }

  /**
   * The burn-in adaptation of a gradient-based chain ({@link ChainStatistics}).
   *
   * @param targetAcceptance δ (NaN when the step was not adapted, e.g. ula)
   * @param averagedStepSize dual averaging's ε̄ at the end of burn-in
   * @param calibratedStepSize the step calibrated on the final burn-in window (hmc keeps it)
   * @param finalWindowAcceptance mean acceptance of the final burn-in window
   * @param reachedTarget whether |meanAcceptance − δ| ≤ {@link
   *     ChainStatistics#ACCEPTANCE_TOLERANCE} (true when not adapted)
   * @param warmUpDivergences divergent transitions during burn-in
   * @param gradientEvaluations potential-and-gradient evaluations, burn-in included
   */
  public record Adaptation(double targetAcceptance, double averagedStepSize,
      double calibratedStepSize, double finalWindowAcceptance, boolean reachedTarget,
      long warmUpDivergences, long gradientEvaluations) {

    static Adaptation of(ChainStatistics st) {
      return new Adaptation(st.targetAcceptance(), st.averagedStepSize(),
          st.calibratedStepSize(), st.finalWindowAcceptance(), st.adaptationReachedTarget(),
          st.warmUpDivergences(), st.gradientEvaluations());
    }
  }

  /**
   * The warnings of chains whose acceptance after burn-in missed the adaptation's target by more
   * than {@link ChainStatistics#ACCEPTANCE_TOLERANCE}: their step size is wrong for the chain
   * (too large: the chain sticks; too small: it crawls), so their samples mix poorly.
   */
  public static List<String> adaptationWarnings(List<ChainStatistics> statistics) {
    List<String> out = new ArrayList<>();
    if (statistics == null) return out;
    for (int c = 0; c < statistics.size(); c++) {
      ChainStatistics st = statistics.get(c);
      if (st.adaptationReachedTarget()) continue;
      out.add(String.format(java.util.Locale.ROOT, "chain %d: step-size adaptation missed its "
          + "target: mean acceptance %.3f after burn-in against %.3f (tolerance %.2f) at step "
          + "%.4g; lengthen --burn-in or set --step-size", c, st.meanAcceptance(),
          st.targetAcceptance(), ChainStatistics.ACCEPTANCE_TOLERANCE, st.stepSize()));
    }
    return out;
  }

  /** Retained samples over all chains. */
  public int totalSamples() {
    int n = 0;
    for (Chain c : chains) n += c.samples();
    return n;
  }

  /**
   * Summarises sampled chains.
   *
   * @param yTest test labels (±1), length Q; not modified
   * @param statistics per-chain transition statistics of a gradient-based sampler, or null for
   *     exact Gibbs
   */
  public static SampledWidth of(int width, long seed, String sampler, int burnIn,
      SampledChains sampled, double[] yTest, List<ChainStatistics> statistics,
      ChainDiagnostics diagnostics, double wallSeconds) {
    List<PosteriorSample> all = sampled.all();
    double[] mean = sampled.meanTestOutputs();
    int q = mean.length;
    double[] variance = new double[q];
    for (PosteriorSample s : all) {
      for (int j = 0; j < q; j++) {
        double d = s.testOutput(j) - mean[j];
        variance[j] += d * d;
      }
    }
    for (int j = 0; j < q; j++) variance[j] = all.size() > 1 ? variance[j] / (all.size() - 1) : 0;
    PredictorStatistics test = Predictor.statistics(mean, variance, yTest);

    List<Chain> chains = new ArrayList<>();
    for (int k = 0; k < sampled.chains().size(); k++) {
      List<PosteriorSample> c = sampled.chains().get(k);
      SampledChains one = new SampledChains(List.of(c));
      double acc = Predictor.statistics(one.meanTestOutputs(), new double[q], yTest).accuracy();
      OrderParameters u = one.meanOrderParameters();
      ChainStatistics st = statistics == null ? null : statistics.get(k);
      chains.add(new Chain(c.size(), acc, u.scalar(), u.pathDiagonal(),
          st == null ? 1.0 : st.meanAcceptance(), st == null ? Double.NaN : st.stepSize(),
          st == null ? 0 : st.divergences(), st == null ? null : Adaptation.of(st)));
    }
    double se = Double.NaN;
    if (chains.size() > 1) {
      double m = 0.0;
      for (Chain c : chains) m += c.accuracy() / chains.size();
      double v = 0.0;
      for (Chain c : chains) v += (c.accuracy() - m) * (c.accuracy() - m) / (chains.size() - 1);
      se = Math.sqrt(v / chains.size());
    }
    return new SampledWidth(width, seed, sampler, burnIn, test, se,
        sampled.meanOrderParameters(), chains, diagnostics, wallSeconds);
  }
}
