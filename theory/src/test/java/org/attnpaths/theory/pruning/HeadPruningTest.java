package org.attnpaths.theory.pruning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.theory.analysis.TheorySweep;
import org.attnpaths.theory.analysis.WidthResult;
import org.attnpaths.theory.fixtures.RandomNetworks;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.predictor.Predictor;
import org.attnpaths.theory.predictor.PredictorStatistics;
import org.attnpaths.theory.saddle.SolverOptions;
import org.attnpaths.theory.task.Task;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pruning on a random 3 + 2 head network (6 paths, P = 30, N = 8, T = 0.2): the re-solved network
 * equals the smaller architecture built directly; frozen pruning equals the smaller network's
 * predictor at the rescaled U; cumulative curves follow the layer rule.
 */
class HeadPruningTest {
  private static final int WIDTH = 8;
  private static Task task;
  private static TheorySweep sweep;
  private static WidthResult full;
  private static WidthPruning pruning;

  @BeforeAll
  static void prune() {
    task = RandomNetworks.task(21, List.of(3, 2), 30, 40, 5, 6);
    Architecture arch = Architecture.uniform(List.of(3, 2), WIDTH, 1.0, 0.2, Readout.LAST);
    sweep = new TheorySweep(task, arch, EjmlBackend.INSTANCE, SolverOptions.newton());
    full = sweep.solve(WIDTH, null);
    assertTrue(full.saddlePoint().certificate().isMinimum());
    pruning = new HeadPruning(sweep, new PruningOptions(List.of(PruningOptions.Order.SCORE,
        PruningOptions.Order.REVERSE, PruningOptions.Order.RANDOM), 3,
        PruningOptions.Method.RESOLVED, 1000, 7)).run(full, null);
  }

  @Test
  void resolvedEqualsTheSmallerArchitectureBuiltDirectly() {
    for (SingleRemoval s : pruning.singles()) {
      HeadRemoval r = s.resolved().removal();
      Task smaller = task.withAttention("pruned", task.attention().select(r.keptHeads()));
      Architecture arch = Architecture.uniform(r.keptCounts(), WIDTH, 1.0, 0.2, Readout.LAST);
      WidthResult direct = new TheorySweep(smaller, arch, EjmlBackend.INSTANCE,
          SolverOptions.newton()).solve(WIDTH, null);
      assertTrue(direct.saddlePoint().certificate().isMinimum());
      assertTrue(s.resolved().saddlePoint().certificate().isMinimum(), s.head().label());
      for (int l = 1; l <= 2; l++) {
        DMatrixRMaj a = direct.saddlePoint().orderParameters().u(l);
        DMatrixRMaj b = s.resolved().saddlePoint().orderParameters().u(l);
        assertEquals(a.numRows, b.numRows);
        for (int i = 0; i < a.data.length; i++) {
          assertEquals(a.data[i], b.data[i], 1e-7, s.head().label() + " U_" + l + "[" + i + "]");
        }
      }
      assertEquals(direct.saddlePoint().orderParameters().scalar(),
          s.resolved().saddlePoint().orderParameters().scalar(), 1e-7);
      assertEquals(direct.test().accuracy(), s.resolved().test().accuracy(), 0.0);
      assertArrayEquals(direct.test().mean(), s.resolved().test().mean(), 1e-6);
    }
  }

  @Test
  void frozenEqualsSmallerNetworkPredictorAtRescaledU() {
    // Zeroing the removed paths' rows and columns leaves K = Σ_kept U C_full = Σ U' C' with
    // C' = (Π/Π') C_full of the smaller network's own features and U' = (Π'/Π) U[kept, kept].
    DMatrixRMaj u1 = full.saddlePoint().orderParameters().u(1);
    for (SingleRemoval s : pruning.singles()) {
      HeadRemoval r = HeadRemoval.of(List.of(3, 2), List.of(s.head()));
      int[] kept = r.keptPaths();
      DMatrixRMaj u = new DMatrixRMaj(kept.length, kept.length);
      double scale = (double) kept.length / 6;
      for (int a = 0; a < kept.length; a++) {
        for (int b = 0; b < kept.length; b++) u.set(a, b, scale * u1.get(kept[a], kept[b]));
      }
      var subset = sweep.headSubset(r.keptHeads());
      PredictorStatistics expected = new Predictor(subset.train(), task.yTrain(), 0.2,
          EjmlBackend.INSTANCE).evaluate(u, subset.test(), task.yTest());
      assertArrayEquals(expected.mean(), s.frozen().mean(), 1e-9);
      assertEquals(expected.accuracy(), s.frozen().accuracy(), 0.0);
    }
  }

  @Test
  void cumulativeCurvesHaveOnePointPerRemovableHead() {
    // 1 + (3 − 1) + (2 − 1) = 4 points, starting at the full network's accuracy.
    List<CumulativeCurve> curves = new java.util.ArrayList<>(pruning.random());
    curves.add(pruning.score());
    curves.add(pruning.reverse());
    assertEquals(3, pruning.random().size());
    for (CumulativeCurve c : curves) {
      assertEquals(4, c.accuracies().length);
      assertEquals(full.test().accuracy(), c.accuracies()[0], 0.0);
      HeadRemoval r = HeadRemoval.of(List.of(3, 2), c.removed());
      assertTrue(r.keepsEveryLayer());
      assertEquals(3, r.removed().size());
    }
    // The first score-order step removes the lowest-score head: that single removal's accuracy.
    Head lowest = pruning.scores().increasing().get(0);
    SingleRemoval s = pruning.singles().stream().filter(x -> x.head().equals(lowest)).findFirst()
        .orElseThrow();
    assertEquals(lowest, pruning.score().removed().get(0));
    assertEquals(s.resolved().test().accuracy(), pruning.score().accuracies()[1], 0.0);
    assertEquals(pruning.scores().decreasing().get(0), pruning.reverse().removed().get(0));
  }

  @Test
  void onlyHeadOfALayerIsNotRemoved() {
    Task t = RandomNetworks.task(22, List.of(2, 1), 20, 10, 4, 5);
    Architecture arch = Architecture.uniform(List.of(2, 1), WIDTH, 1.0, 0.2, Readout.LAST);
    TheorySweep s = new TheorySweep(t, arch, EjmlBackend.INSTANCE, SolverOptions.newton());
    WidthPruning p = new HeadPruning(s, new PruningOptions(List.of(PruningOptions.Order.SCORE),
        0, PruningOptions.Method.FROZEN, 100, 1)).run(s.solve(WIDTH, null), null);
    SingleRemoval only = p.singles().get(2);
    assertEquals(new Head(2, 1), only.head());
    assertFalse(only.computed());
    assertNull(only.resolved());
    assertTrue(only.note().contains("only head of layer 2"), only.note());
    assertEquals(2, p.score().accuracies().length);
    assertNull(p.reverse());
    assertTrue(p.random().isEmpty());
    assertEquals(2, p.frozenSpearman().n());
  }
}
