package org.attnpaths.theory.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.linalg.NativeBackend;
import org.attnpaths.theory.action.Action;
import org.attnpaths.theory.action.PackedSymmetric;
import org.attnpaths.theory.fixtures.RandomNetworks;
import org.attnpaths.theory.kernel.PathKernels;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.AttentionMaps;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.predictor.Predictor;
import org.attnpaths.theory.predictor.PredictorStatistics;
import org.attnpaths.theory.saddle.SolverOptions;
import org.attnpaths.theory.task.Task;
import org.attnpaths.theory.task.markov.MarkovTask;
import org.attnpaths.theory.task.markov.MarkovTaskConfig;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Issue 2 §5: the EJML and native backends give the same theory. At a fixed U the features,
 * action, gradient and predictor agree to 1e-10 relative; solved order parameters agree to the
 * precision the solver guarantees (|ΔU| ≲ tolerance / smallest Hessian eigenvalue ≈ 1e-7).
 * Skipped when the native library is absent (CI installs it).
 */
class BackendAgreementTest {

  private static LinearAlgebraBackend nativeBackend() {
    assumeTrue(NativeBackend.load().isPresent(), "native BLAS/LAPACK not available");
    return NativeBackend.load().get();
  }

  private static double rel(double a, double b) {
    return Math.abs(a - b) / Math.max(1e-300, Math.max(Math.abs(a), Math.abs(b)));
  }

  @Test
  void actionGradientAndPredictorAgreeAtFixedOrderParameters() {
    LinearAlgebraBackend nat = nativeBackend();
    Task task = MarkovTask.generate(MarkovTaskConfig.fourPath().withTestSize(200), 2);
    Architecture arch = Architecture.uniform(List.of(2, 2), 30, 1.0, 0.01, Readout.LAST);
    List<DMatrixRMaj> u = RandomNetworks.randomOrderParameters(new SplittableRandom(1), arch);
    double[] s = new double[2];
    double[][] g = new double[2][];
    double[][] mean = new double[2][];
    double[][] var = new double[2][];
    LinearAlgebraBackend[] backends = {EjmlBackend.INSTANCE, nat};
    for (PathKernels.Representation rep : new PathKernels.Representation[] {
        PathKernels.Representation.PRECOMPUTED, PathKernels.Representation.FACTORISED}) {
      for (int b = 0; b < 2; b++) {
        PathFeatures train = PathFeatures.of(AttentionMaps.of(task.attention(), Readout.LAST,
            task.xTrain(), backends[b]), 1.0);
        PathFeatures test = PathFeatures.of(AttentionMaps.of(task.attention(), Readout.LAST,
            task.xTest(), backends[b]), 1.0);
        Action action = new Action(arch, PathKernels.of(train, backends[b], rep), task.yTrain(),
            backends[b]);
        List<DMatrixRMaj> grads = action.packing().zeros();
        s[b] = action.evaluate(u, grads);
        g[b] = new double[action.packing().length()];
        action.packing().packGradient(grads, g[b]);
        PredictorStatistics stats = new Predictor(train, task.yTrain(), 0.01, backends[b])
            .evaluate(u.get(0), test, task.yTest());
        mean[b] = stats.mean();
        var[b] = stats.variance();
      }
      assertEquals(0.0, rel(s[0], s[1]), 1e-10, "action, " + rep);
      double gScale = 0.0;
      for (double v : g[0]) gScale = Math.max(gScale, Math.abs(v));
      for (int i = 0; i < g[0].length; i++) {
        assertEquals(g[0][i], g[1][i], 1e-10 * gScale, "gradient entry " + i + ", " + rep);
      }
      for (int j = 0; j < mean[0].length; j++) {
        assertEquals(mean[0][j], mean[1][j], 1e-10 * Math.max(1, Math.abs(mean[0][j])), "mean " + j);
        assertEquals(var[0][j], var[1][j], 1e-10 * Math.max(1, Math.abs(var[0][j])), "variance " + j);
      }
    }
  }

  @Test
  void solvedOrderParametersAgree() {
    LinearAlgebraBackend nat = nativeBackend();
    Task task = MarkovTask.generate(MarkovTaskConfig.fourPath().withTestSize(100), 2);
    Architecture arch = Architecture.uniform(List.of(2, 2), 10, 1.0, 0.01, Readout.LAST);
    WidthResult a = new TheorySweep(task, arch, EjmlBackend.INSTANCE, SolverOptions.newton())
        .solve(10, null);
    WidthResult b = new TheorySweep(task, arch, nat, SolverOptions.newton()).solve(10, null);
    DMatrixRMaj ua = a.saddlePoint().orderParameters().u(1);
    DMatrixRMaj ub = b.saddlePoint().orderParameters().u(1);
    for (int i = 0; i < ua.getNumElements(); i++) {
      assertEquals(ua.data[i], ub.data[i], 1e-7 * Math.max(1, Math.abs(ua.data[i])), "U_1 entry " + i);
    }
    assertEquals(a.test().accuracy(), b.test().accuracy(), 0.0);
    assertEquals(0.0, PackedSymmetric.maxAbs(List.of(ua)) - PackedSymmetric.maxAbs(List.of(ub)), 1e-7 * PackedSymmetric.maxAbs(List.of(ua)));
  }
}
