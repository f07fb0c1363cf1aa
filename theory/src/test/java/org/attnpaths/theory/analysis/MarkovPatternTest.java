package org.attnpaths.theory.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.saddle.SolverOptions;
import org.attnpaths.theory.task.Task;
import org.attnpaths.theory.task.markov.MarkovTask;
import org.attnpaths.theory.task.markov.MarkovTaskConfig;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The qualitative pattern of spec §11.2 on the built-in 4-path task (P = 100, 1000 test
 * examples, T = 0.01, paths in code order g, a1, d, a2). Our draws differ from the reference's
 * torch draws, so only the pattern is asserted, with margins far from the observed values
 * (seed 1: 95.7 % at N=10, 92.9 % at N=100, 85.2 % at N=1000, GP 84.2 %, good-only 93.3 %,
 * good+denoising 94.7 %).
 */
class MarkovPatternTest {
  private static TheorySweep sweep;
  private static List<WidthResult> results;

  @BeforeAll
  static void solveDefaultSweep() {
    Task task = MarkovTask.generate(MarkovTaskConfig.fourPath(), 1);
    Architecture arch = Architecture.uniform(task.attention().headCounts(), 10, 1.0, 0.01,
        Readout.LAST);
    sweep = new TheorySweep(task, arch, EjmlBackend.INSTANCE, SolverOptions.newton());
    results = sweep.run(List.of(10, 100, 1000), null);
  }

  @Test
  void accuracyAboveGpAtSmallWidthAndDecreasingTowardsIt() {
    double gp = sweep.gp().test().accuracy();
    double a10 = results.get(0).test().accuracy();
    double a100 = results.get(1).test().accuracy();
    double a1000 = results.get(2).test().accuracy();
    assertTrue(a10 > gp + 0.05, "N=10 " + a10 + " vs GP " + gp);
    assertTrue(a10 > a100 && a100 > a1000, "decreasing: " + a10 + ", " + a100 + ", " + a1000);
    assertTrue(a1000 - gp < 0.5 * (a10 - gp), "approaches GP: " + a1000 + " vs " + gp);
    assertTrue(a1000 >= gp - 0.01, "stays above GP: " + a1000 + " vs " + gp);
    for (WidthResult r : results) assertTrue(r.saddlePoint().certificate().isMinimum());
  }

  @Test
  void goodAndDenoisingPathsAmplifiedAdversarialSuppressedAtSmallWidth() {
    DMatrixRMaj u = results.get(0).saddlePoint().orderParameters().u(1);
    int g = 0;
    int a1 = 1;
    int d = 2;
    int a2 = 3;
    assertTrue(u.get(g, g) > 5.0, "U_gg " + u.get(g, g));
    assertTrue(u.get(d, d) > 2.0, "U_dd " + u.get(d, d));
    assertTrue(u.get(g, d) < -1.0, "U_gd " + u.get(g, d));
    assertTrue(u.get(a1, a1) < 1.0 && u.get(a2, a2) < 1.0,
        "adversarial " + u.get(a1, a1) + ", " + u.get(a2, a2));
    // U approaches the GP value (identity) as N grows.
    DMatrixRMaj big = results.get(2).saddlePoint().orderParameters().u(1);
    for (int i = 0; i < 4; i++) assertTrue(Math.abs(big.get(i, i) - 1.0) < Math.abs(u.get(i, i) - 1.0));
  }

  @Test
  void gpOfPathSubsetsIsOrdered() {
    double all = sweep.gp().test().accuracy();
    double good = sweep.gpSubset("good", MarkovTask.goodPathHeads()).test().accuracy();
    double goodDenoising = sweep.gpSubset("good+denoising", MarkovTask.goodAndDenoisingHeads())
        .test().accuracy();
    assertTrue(all < good && good < goodDenoising,
        "GP(all) " + all + " < GP(good) " + good + " < GP(good+denoising) " + goodDenoising);
  }

  @Test
  void finiteWidthImprovesKernelTaskAlignment() {
    double[] gp = sweep.gp().alignment().overlaps();
    double[] n10 = results.get(0).alignment().overlaps();
    // The leading principal component carries more of the task at N = 10 than in the GP limit.
    assertTrue(n10[0] > gp[0], "first-PC overlap N=10 " + n10[0] + " vs GP " + gp[0]);
  }
}
