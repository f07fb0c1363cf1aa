package org.attnpaths.theory.saddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.theory.action.Action;
import org.attnpaths.theory.action.GpLimit;
import org.attnpaths.theory.kernel.PathKernels;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.AttentionMaps;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.task.Task;
import org.attnpaths.theory.task.markov.MarkovTask;
import org.attnpaths.theory.task.markov.MarkovTaskConfig;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default Newton solver and the reference Adam (spec §6) reach the same U on the Markov task,
 * and the certificate's Hessian is positive definite there (a minimum, spec §5.2).
 */
class SolverAgreementTest {
  private static PathFeatures features;
  private static Task task;

  @BeforeAll
  static void markovTrainingFeatures() {
    task = MarkovTask.generate(MarkovTaskConfig.fourPath().withTestSize(2), 3);
    features = PathFeatures.of(AttentionMaps.of(task.attention(), Readout.LAST, task.xTrain(),
        EjmlBackend.INSTANCE), 1.0);
  }

  private static Action action(int width) {
    Architecture arch = Architecture.uniform(List.of(2, 2), width, 1.0, 0.01, Readout.LAST);
    return new Action(arch, PathKernels.choose(features, EjmlBackend.INSTANCE), task.yTrain(),
        EjmlBackend.INSTANCE);
  }

  @Test
  void newtonAndAdamReachTheSameOrderParameters() {
    Action action = action(100);
    SaddlePoint newton = SaddlePointSolver.of(SolverOptions.newton()).solve(action,
        GpLimit.matrices(action.architecture()));
    // Adam to 1e-8 (tighter than the reference's 1e-5) so that both answers are pinned down:
    // |ΔU| ≲ tolerance / smallest Hessian eigenvalue ≈ 1e-8 / 0.05.
    SaddlePoint adam = SaddlePointSolver.of(new SolverOptions(SolverOptions.Method.ADAM, 1e-8,
        50_000, 0.1)).solve(action, GpLimit.matrices(action.architecture()));
    assertTrue(newton.certificate().converged(), newton.certificate().toString());
    assertTrue(adam.certificate().converged(), adam.certificate().toString());
    for (int l = 1; l <= 2; l++) {
      DMatrixRMaj a = newton.orderParameters().u(l);
      DMatrixRMaj b = adam.orderParameters().u(l);
      double diff = 0.0;
      double norm = 0.0;
      for (int i = 0; i < a.getNumElements(); i++) {
        diff += (a.data[i] - b.data[i]) * (a.data[i] - b.data[i]);
        norm += a.data[i] * a.data[i];
      }
      assertTrue(Math.sqrt(diff / norm) < 1e-5, "U_" + l + " relative difference " + Math.sqrt(diff / norm));
    }
    assertEquals(newton.orderParameters().scalar(), adam.orderParameters().scalar(), 1e-5);
    assertEquals(newton.action(), adam.action(), 1e-9 * Math.abs(newton.action()));
  }

  @Test
  void certificateShowsAMinimumAtTheSolution() {
    for (int width : new int[] {10, 1000}) {
      Action action = action(width);
      SaddlePoint sp = SaddlePointSolver.of(SolverOptions.newton()).solve(action,
          GpLimit.matrices(action.architecture()));
      Certificate c = sp.certificate();
      assertTrue(c.converged() && c.maxGradient() < 1e-9, c.toString());
      assertTrue(c.minHessianEigenvalue() > 0.0, "Hessian at N=" + width + ": " + c);
      assertTrue(c.isMinimum());
    }
  }

  @Test
  void aSolveCutShortIsReportedAsNotConverged() {
    Action action = action(10);
    SaddlePoint sp = SaddlePointSolver.of(new SolverOptions(SolverOptions.Method.NEWTON, 1e-9, 1,
        0.1)).solve(action, GpLimit.matrices(action.architecture()));
    assertFalse(sp.certificate().converged());
    assertTrue(sp.certificate().maxGradient() > 1e-9);
    assertTrue(sp.certificate().message().contains("iteration cap"), sp.certificate().message());
    SaddlePoint adam = SaddlePointSolver.of(new SolverOptions(SolverOptions.Method.ADAM, 1e-9, 5,
        0.1)).solve(action, GpLimit.matrices(action.architecture()));
    assertFalse(adam.certificate().converged());
    assertTrue(adam.certificate().message().contains("step cap"), adam.certificate().message());
  }
}
