package org.attnpaths.theory.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.AttentionMaps;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.saddle.SaddlePoint;
import org.attnpaths.theory.saddle.SolverOptions;
import org.attnpaths.theory.task.Task;
import org.attnpaths.theory.task.markov.MarkovTask;
import org.attnpaths.theory.task.markov.MarkovTaskConfig;
import org.junit.jupiter.api.Test;

/**
 * The sweep computes the test-set features on a thread of its own while the widths are solved:
 * what it hands out must equal the sequential computation bit for bit, and the split API
 * (solveAll, then evaluate) must give exactly what run gives.
 */
class TheorySweepTest {
  private static final List<Integer> WIDTHS = List.of(10, 100);

  private static Task smallTask() {
    return MarkovTask.generate(MarkovTaskConfig.fourPath().withTrainSize(40).withTestSize(60), 3);
  }

  private static Architecture architecture(Task task) {
    return Architecture.uniform(task.attention().headCounts(), 10, 1.0, 0.01, Readout.LAST);
  }

  @Test
  void testFeaturesEqualTheSequentialComputation() {
    Task task = smallTask();
    Architecture arch = architecture(task);
    TheorySweep sweep = new TheorySweep(task, arch, EjmlBackend.INSTANCE, SolverOptions.newton());
    PathFeatures direct = PathFeatures.of(AttentionMaps.of(task.attention(), arch.readout(),
        task.xTest(), EjmlBackend.INSTANCE), arch.variance(0));
    PathFeatures test = sweep.testFeatures();
    assertArrayEquals(direct.matrix().data, test.matrix().data);
    assertSame(test, sweep.testFeatures(), "computed once");
  }

  @Test
  void solveAllThenEvaluateEqualsRun() {
    Task task = smallTask();
    Architecture arch = architecture(task);
    List<WidthResult> run = new TheorySweep(task, arch, EjmlBackend.INSTANCE,
        SolverOptions.newton()).run(WIDTHS, null);
    TheorySweep sweep = new TheorySweep(task, arch, EjmlBackend.INSTANCE, SolverOptions.newton());
    List<Integer> solvedWidths = new ArrayList<>();
    List<SaddlePoint> solved = sweep.solveAll(WIDTHS,
        sp -> solvedWidths.add(sp.architecture().maxWidth()));
    assertEquals(WIDTHS, solvedWidths);
    for (int i = 0; i < WIDTHS.size(); i++) {
      WidthResult r = sweep.evaluate(solved.get(i));
      assertEquals(WIDTHS.get(i), r.width());
      assertArrayEquals(run.get(i).saddlePoint().orderParameters().u(1).data,
          r.saddlePoint().orderParameters().u(1).data);
      assertEquals(run.get(i).saddlePoint().certificate().iterations(),
          r.saddlePoint().certificate().iterations());
      assertArrayEquals(run.get(i).test().mean(), r.test().mean());
      assertArrayEquals(run.get(i).test().variance(), r.test().variance());
      assertEquals(run.get(i).test().accuracy(), r.test().accuracy());
    }
  }
}
