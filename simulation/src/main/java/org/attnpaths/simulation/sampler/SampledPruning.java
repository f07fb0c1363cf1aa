package org.attnpaths.simulation.sampler;

import java.util.ArrayList;
import java.util.List;
import org.attnpaths.simulation.network.PathOutputs;
import org.attnpaths.theory.path.PathIndex;
import org.attnpaths.theory.pruning.HeadRemoval;

/**
 * The sampled mean predictor (spec §8 (i)) of pruned finite networks (issue 5 §2): heads removed
 * from every posterior sample of the full network, no re-sampling. f' is linear in the path
 * outputs ({@link PathOutputs#without}), so the mean of f' over samples is f' of the mean path
 * outputs, and one sampling run serves every removal.
 *
 * <p>Standard errors are over chains, as for the unpruned accuracy of {@code simulate}: the
 * standard deviation of the per-chain values (each chain's own mean predictor) divided by
 * √chains; NaN with one chain. A drop's standard error uses the per-chain drops, so the
 * chain-to-chain variation shared by the full and the pruned network cancels.
 */
public final class SampledPruning {
  private final List<PathOutputs> chainMeans;
  private final PathOutputs pooled;
  private final double[] yTest;

  /**
   * @param chainMeans each chain's mean path outputs on the test inputs (equal sample counts)
   * @param yTest test labels (±1), copied
   */
  public SampledPruning(List<PathOutputs> chainMeans, double[] yTest) {
    if (chainMeans.isEmpty()) throw new IllegalArgumentException("chains: expected at least one");
    if (chainMeans.get(0).examples() != yTest.length) {
      throw new IllegalArgumentException("y_test: expected " + chainMeans.get(0).examples()
          + " labels, got " + yTest.length);
    }
    this.chainMeans = List.copyOf(chainMeans);
    this.pooled = PathOutputs.mean(chainMeans);
    this.yTest = yTest.clone();
  }

  /**
   * Per-chain means of recorded path outputs (test outputs of length Π·Q, path-major, as {@code
   * FiniteNetwork.pathOutputs} gives them).
   */
  public static SampledPruning of(SampledChains chains, PathIndex index, double[] yTest) {
    List<PathOutputs> means = new ArrayList<>();
    for (List<PosteriorSample> c : chains.chains()) {
      List<PathOutputs> samples = new ArrayList<>();
      for (PosteriorSample s : c) samples.add(new PathOutputs(index, yTest.length, s.testOutputs()));
      means.add(PathOutputs.mean(samples));
    }
    return new SampledPruning(means, yTest);
  }

  /**
   * A value with its standard error over chains.
   *
   * @param value from the pooled mean predictor
   * @param standardError sd over chains / √chains, NaN with one chain
   */
  public record Estimate(double value, double standardError) {}

  /** Accuracy of the sampled mean predictor of the network without {@code removal}'s heads. */
  public Estimate accuracy(HeadRemoval removal) {
    double[] perChain = new double[chainMeans.size()];
    for (int c = 0; c < perChain.length; c++) perChain[c] = accuracy(chainMeans.get(c), removal);
    return new Estimate(accuracy(pooled, removal), standardError(perChain));
  }

  /** Accuracy of the full network minus that of the pruned one. */
  public Estimate drop(HeadRemoval removal) {
    HeadRemoval none = HeadRemoval.none(removal.heads());
    double[] perChain = new double[chainMeans.size()];
    for (int c = 0; c < perChain.length; c++) {
      perChain[c] = accuracy(chainMeans.get(c), none) - accuracy(chainMeans.get(c), removal);
    }
    return new Estimate(accuracy(pooled, none) - accuracy(pooled, removal),
        standardError(perChain));
  }

  private double accuracy(PathOutputs g, HeadRemoval removal) {
    double[] f = g.without(removal);
    int correct = 0;
    // As the theory's accuracy (spec §7): sign(f̄) = y, a mean of exactly 0 counts as wrong.
    for (int q = 0; q < f.length; q++) {
      if (f[q] != 0.0 && Math.signum(f[q]) == Math.signum(yTest[q])) correct++;
    }
    return (double) correct / f.length;
  }

  private static double standardError(double[] v) {
    int n = v.length;
    if (n < 2) return Double.NaN;
    double m = 0.0;
    for (double x : v) m += x / n;
    double s = 0.0;
    for (double x : v) s += (x - m) * (x - m) / (n - 1);
    return Math.sqrt(s / n);
  }
}
