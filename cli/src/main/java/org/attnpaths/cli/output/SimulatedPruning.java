package org.attnpaths.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.attnpaths.numerics.stats.SpearmanCorrelation;
import org.attnpaths.simulation.sampler.SampledPruning;
import org.attnpaths.simulation.sampler.SampledPruning.Estimate;
import org.attnpaths.theory.pruning.CumulativeCurve;
import org.attnpaths.theory.pruning.Head;
import org.attnpaths.theory.pruning.HeadRemoval;
import org.attnpaths.theory.pruning.SingleRemoval;
import org.attnpaths.theory.pruning.WidthPruning;

/**
 * The finite-network side of a pruning run at one width (issue 5 §2–3): heads removed from the
 * sampled networks of the full posterior, the sampled mean predictor's accuracy.
 *
 * @param base the full network's sampled mean-predictor accuracy
 * @param accuracies per head in architecture order; null where the theory did not remove it
 * @param drops per head, base − accuracy with its standard error over chains; null likewise
 * @param score accuracies along the theory's score-order removals, or null
 * @param reverse accuracies along the theory's reverse-order removals, or null
 * @param spearman rank correlation of score and simulated drop
 * @param wallSeconds sampling time
 */
public record SimulatedPruning(Estimate base, List<Estimate> accuracies, List<Estimate> drops,
    double[] score, double[] reverse, SpearmanCorrelation.Test spearman, double wallSeconds) {

  public SimulatedPruning {
    accuracies = java.util.Collections.unmodifiableList(new ArrayList<>(accuracies));
    drops = java.util.Collections.unmodifiableList(new ArrayList<>(drops));
  }

  /**
   * @param permutations Monte-Carlo permutations of the Spearman test
   * @param seed seeds its stream ({@code new SplittableRandom(seed)}, as for the theory's tests)
   */
  public static SimulatedPruning of(WidthPruning theory, SampledPruning sampled,
      int permutations, long seed, double wallSeconds) {
    List<Integer> heads = theory.full().saddlePoint().architecture().heads();
    List<Estimate> acc = new ArrayList<>();
    List<Estimate> drop = new ArrayList<>();
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (SingleRemoval s : theory.singles()) {
      if (!s.computed()) {
        acc.add(null);
        drop.add(null);
        continue;
      }
      HeadRemoval r = HeadRemoval.of(heads, List.of(s.head()));
      acc.add(sampled.accuracy(r));
      Estimate d = sampled.drop(r);
      drop.add(d);
      x.add(theory.scores().score(s.head()));
      y.add(d.value());
    }
    SpearmanCorrelation.Test rho = SpearmanCorrelation.test(array(x), array(y), permutations,
        new SplittableRandom(seed));
    return new SimulatedPruning(sampled.accuracy(HeadRemoval.none(heads)), acc, drop,
        curve(heads, theory.score(), sampled), curve(heads, theory.reverse(), sampled), rho,
        wallSeconds);
  }

  private static double[] curve(List<Integer> heads, CumulativeCurve c, SampledPruning sampled) {
    if (c == null) return null;
    double[] out = new double[c.removed().size() + 1];
    HeadRemoval r = HeadRemoval.none(heads);
    out[0] = sampled.accuracy(r).value();
    int k = 1;
    for (Head h : c.removed()) {
      r = r.plus(h);
      out[k++] = sampled.accuracy(r).value();
    }
    return out;
  }

  private static double[] array(List<Double> v) {
    double[] a = new double[v.size()];
    for (int i = 0; i < a.length; i++) a[i] = v.get(i);
    return a;
  }
}
