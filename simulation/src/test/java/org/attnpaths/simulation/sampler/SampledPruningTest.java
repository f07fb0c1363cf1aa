package org.attnpaths.simulation.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attnpaths.simulation.network.PathOutputs;
import org.attnpaths.theory.path.PathIndex;
import org.attnpaths.theory.pruning.Head;
import org.attnpaths.theory.pruning.HeadRemoval;
import org.junit.jupiter.api.Test;

/** Hand-made path outputs: two heads in one layer (Π = 2), four test inputs, two chains. */
class SampledPruningTest {

  @Test
  void accuraciesAndStandardErrorsByHand() {
    PathIndex index = new PathIndex(List.of(2));
    double[] y = {1, 1, -1, -1};
    // Path-major: g_0 on the 4 inputs, then g_1. Chain A: total (2, −1, −1, −1) → 3/4 correct;
    // without head 1 (only g_1, ×√2): (1, −1, −1, 1)·√2 → 2/4; without head 2: (1, 0, 0, −2)·√2 →
    // 2/4 (a 0 counts as wrong).
    PathOutputs a = new PathOutputs(index, 4, new double[] {1, 0, 0, -2, 1, -1, -1, 1});
    // Chain B: total (1, 1, 0, 0) → 2/4; without head 1: (0, 1, −1, 0)·√2 → 2/4.
    PathOutputs b = new PathOutputs(index, 4, new double[] {1, 0, 1, 0, 0, 1, -1, 0});
    SampledPruning s = new SampledPruning(List.of(a, b), y);
    HeadRemoval none = HeadRemoval.none(List.of(2));
    HeadRemoval h1 = HeadRemoval.of(List.of(2), List.of(new Head(1, 1)));
    // Pooled mean: g_0 = (1, 0, 0.5, −1), g_1 = (0.5, 0, −1, 0.5); total (1.5, 0, −0.5, −0.5)
    // → 3/4; without head 1: (0.5, 0, −1, 0.5) → 2/4.
    assertEquals(0.75, s.accuracy(none).value(), 0.0);
    assertEquals(0.5, s.accuracy(h1).value(), 0.0);
    // Per chain 3/4 and 2/4: sd = 0.1768, SE = sd/√2 = 0.125.
    assertEquals(0.125, s.accuracy(none).standardError(), 1e-15);
    // Drops: 0.25 (pooled); per chain 0.25 and 0 → SE 0.125.
    assertEquals(0.25, s.drop(h1).value(), 0.0);
    assertEquals(0.125, s.drop(h1).standardError(), 1e-15);
    assertTrue(Double.isNaN(new SampledPruning(List.of(a), y).drop(h1).standardError()));
  }

  @Test
  void gibbsChainsRecordingPathOutputsDrawTheSameNetworks() {
    // Same seed, same draws: the recorded path outputs sum to the recorded f(x*) of every sample.
    org.attnpaths.simulation.fixtures.SmallNetworks.Problem pr =
        org.attnpaths.simulation.fixtures.SmallNetworks.problem(99, List.of(2, 2),
            List.of(3, 4, 5), List.of(1.0, 1.0, 1.0, 1.0), 0.2,
            org.attnpaths.theory.model.Readout.LAST, 3, 4, 6, 5);
    var test = pr.testFeatures();
    var net = new org.attnpaths.simulation.network.FiniteNetwork(pr.arch(), pr.trainFeatures(),
        org.attnpaths.numerics.linalg.EjmlBackend.INSTANCE);
    BlockedGibbsSampler gibbs = new BlockedGibbsSampler(net, pr.yTrain(), test);
    SampledChains plain = gibbs.run(2, 3, 4, 17, 2);
    SampledChains split = gibbs.recording(w -> net.pathOutputs(w, test).values()).run(2, 3, 4, 17, 1);
    for (int c = 0; c < 2; c++) {
      for (int k = 0; k < 4; k++) {
        double[] f = plain.chains().get(c).get(k).testOutputs();
        double[] sum = new PathOutputs(test.index(), f.length,
            split.chains().get(c).get(k).testOutputs()).total();
        for (int q = 0; q < f.length; q++) assertEquals(f[q], sum[q], 1e-12 * (1 + Math.abs(f[q])));
      }
    }
    SampledPruning s = SampledPruning.of(split, test.index(), new double[] {1, -1, 1, -1, 1});
    double[] mean = plain.meanTestOutputs();
    int correct = 0;
    double[] y = {1, -1, 1, -1, 1};
    for (int q = 0; q < 5; q++) if (mean[q] != 0 && Math.signum(mean[q]) == y[q]) correct++;
    assertEquals(correct / 5.0, s.accuracy(HeadRemoval.none(List.of(2, 2))).value(), 0.0);
  }
}
