package org.attnpaths.simulation.sampler;

import java.util.ArrayList;
import java.util.List;
import org.attnpaths.theory.action.OrderParameters;
import org.ejml.data.DMatrixRMaj;

/**
 * The retained samples of several chains, chain c at index c (chains are numbered by the order in
 * which their random streams were split from the seed, not by the thread that ran them).
 */
public record SampledChains(List<List<PosteriorSample>> chains) {

  public SampledChains {
    List<List<PosteriorSample>> copy = new ArrayList<>();
    for (List<PosteriorSample> c : chains) copy.add(List.copyOf(c));
    chains = List.copyOf(copy);
  }

  /** Every sample of every chain, chain by chain. */
  public List<PosteriorSample> all() {
    List<PosteriorSample> all = new ArrayList<>();
    for (List<PosteriorSample> c : chains) all.addAll(c);
    return all;
  }

  /** The sampled mean predictor f̄(x*) over all samples (spec §8 (i)). */
  public double[] meanTestOutputs() {
    List<PosteriorSample> all = all();
    if (all.isEmpty()) throw new IllegalStateException("samples: expected at least one, got 0");
    double[] mean = new double[all.get(0).testOutputs().length];
    for (PosteriorSample s : all) {
      for (int q = 0; q < mean.length; q++) mean[q] += s.testOutput(q);
    }
    for (int q = 0; q < mean.length; q++) mean[q] /= all.size();
    return mean;
  }

  /** Posterior-sample mean of the order parameters, "sampled U" (spec §5.1). */
  public OrderParameters meanOrderParameters() {
    List<PosteriorSample> all = all();
    if (all.isEmpty()) throw new IllegalStateException("samples: expected at least one, got 0");
    int layers = all.get(0).orderParameters().layerCount();
    double ua = 0.0;
    List<DMatrixRMaj> u = new ArrayList<>();
    for (int l = 1; l <= layers; l++) {
      DMatrixRMaj sum = null;
      for (PosteriorSample s : all) {
        DMatrixRMaj x = s.orderParameters().u(l);
        if (sum == null) sum = new DMatrixRMaj(x.numRows, x.numCols);
        for (int i = 0; i < x.getNumElements(); i++) sum.data[i] += x.data[i] / all.size();
      }
      u.add(sum);
    }
    for (PosteriorSample s : all) ua += s.orderParameters().scalar() / all.size();
    return new OrderParameters(ua, u);
  }
}
