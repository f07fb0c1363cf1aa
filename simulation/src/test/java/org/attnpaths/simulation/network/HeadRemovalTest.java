package org.attnpaths.simulation.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.simulation.fixtures.SmallNetworks;
import org.attnpaths.simulation.fixtures.TokenLevelForward;
import org.attnpaths.simulation.fixtures.SmallNetworks.Problem;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.AttentionMaps;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.pruning.Head;
import org.attnpaths.theory.pruning.HeadRemoval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Removing heads from a finite network (issue 5 §2: output zeroed, the layer's other heads
 * rescaled by √(H/(H − removed))), computed token by token from spec §2.3, equals the path form
 * with the removed paths dropped and √(Π/Π') applied ({@link PathOutputs#without}), and the
 * smaller network's own forward pass on its own path features.
 */
class HeadRemovalTest {

  static Stream<Arguments> removals() {
    return Stream.of(
        Arguments.of(List.of(3), List.of(2, 3), List.of(new Head(1, 2)), Readout.LAST),
        Arguments.of(List.of(2, 3), List.of(3, 4, 2), List.of(new Head(2, 1)), Readout.LAST),
        Arguments.of(List.of(3, 2), List.of(2, 3, 3), List.of(new Head(1, 1), new Head(1, 3),
            new Head(2, 2)), Readout.AVERAGE),
        Arguments.of(List.of(2, 1, 3), List.of(2, 3, 2, 3), List.of(new Head(3, 2),
            new Head(1, 2)), Readout.FIRST));
  }

  @ParameterizedTest
  @MethodSource("removals")
  void removedHeadEqualsPathFormWithoutItsPaths(List<Integer> heads, List<Integer> widths,
      List<Head> removed, Readout readout) {
    List<Double> variances = java.util.Collections.nCopies(heads.size() + 2, 1.2);
    Problem pr = SmallNetworks.problem(91, heads, widths, variances, 0.3, readout, 3, 4, 5, 6);
    FiniteNetwork net = new FiniteNetwork(pr.arch(), pr.trainFeatures(), EjmlBackend.INSTANCE);
    NetworkWeights w = NetworkWeights.sampleFromPrior(pr.arch(), pr.tokenDim(),
        NormalSampler.seeded(13));
    HeadRemoval r = HeadRemoval.of(heads, removed);
    double[][] factor = new double[heads.size()][];
    for (int l = 1; l <= heads.size(); l++) {
      int h = heads.get(l - 1);
      double keep = Math.sqrt((double) h / (h - r.removedIn(l)));
      factor[l - 1] = new double[h];
      for (int k = 1; k <= h; k++) factor[l - 1][k - 1] = r.removed().contains(new Head(l, k)) ? 0 : keep;
    }
    PathFeatures test = pr.testFeatures();
    PathOutputs g = net.pathOutputs(w, test);
    double[] full = net.forward(w, test);
    double[] total = g.total();
    double[] pruned = g.without(r);
    // The smaller network itself: its heads, its own features (normalised by its own Π').
    Architecture smallArch = pr.arch().withHeads(r.keptCounts());
    PathFeatures smallTest = PathFeatures.of(AttentionMaps.of(pr.attention(), readout,
        pr.xTest(), EjmlBackend.INSTANCE), r.keptHeads(), pr.arch().variance(0));
    FiniteNetwork small = new FiniteNetwork(smallArch, PathFeatures.of(AttentionMaps.of(
        pr.attention(), readout, pr.xTrain(), EjmlBackend.INSTANCE), r.keptHeads(),
        pr.arch().variance(0)), EjmlBackend.INSTANCE);
    double[] smallF = small.forward(w.withoutHeads(r), smallTest);
    for (int q = 0; q < full.length; q++) {
      double expected = TokenLevelForward.of(pr, w, pr.xTest(), q, factor);
      double tol = 1e-12 * (1 + Math.abs(expected));
      assertEquals(full[q], total[q], 1e-12 * (1 + Math.abs(full[q])), "Σ_π g_π, input " + q);
      assertEquals(expected, pruned[q], tol, "path form without " + r.labels() + ", input " + q);
      assertEquals(expected, smallF[q], tol, "smaller network, input " + q);
    }
  }
}
