package org.attnpaths.theory.saddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.theory.action.Action;
import org.attnpaths.theory.action.GpLimit;
import org.attnpaths.theory.action.ScalarOrderParameter;
import org.attnpaths.theory.fixtures.RandomNetworks;
import org.attnpaths.theory.kernel.PathKernels;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.task.Task;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.junit.jupiter.api.Test;

/**
 * Spec §11.3: with one path the theory is a deep linear network with kernel U·C (a scalar
 * renormalisation). Oracle: the one-layer, one-head action written out by hand in C's eigenbasis,
 * S(u) = N_a(U_a/σa² − ln U_a) + N_1(u/(σ1² U_a) − ln u + ln U_a) + Σ ln(uλ_i + T) + Σ (e_i·Y)²/(uλ_i + T),
 * minimised with Brent's method.
 */
class SinglePathTest {

  @Test
  void singlePathSolutionMinimisesTheScalarAction() {
    Task task = RandomNetworks.task(31, List.of(1), 25, 3, 5, 6);
    Architecture arch = new Architecture(List.of(1), List.of(7, 12), List.of(1.2, 0.8, 1.5),
        0.02, Readout.LAST);
    PathFeatures f = RandomNetworks.features(task, Readout.LAST, arch.variance(0));
    Action action = new Action(arch, PathKernels.choose(f, EjmlBackend.INSTANCE),
        task.yTrain(), EjmlBackend.INSTANCE);
    SaddlePoint sp = SaddlePointSolver.of(SolverOptions.newton()).solve(action,
        GpLimit.matrices(arch));
    assertTrue(sp.certificate().isMinimum(), sp.certificate().toString());

    int p = f.examples();
    double[][] c = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        double acc = 0.0;
        for (int k = 0; k < 6; k++) acc += f.matrix().get(i, k) * f.matrix().get(j, k);
        c[i][j] = acc;
      }
    }
    EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(c));
    double[] lambda = eig.getEigenvalues();
    double[] proj = new double[p];
    for (int i = 0; i < p; i++) proj[i] = eig.getEigenvector(i).dotProduct(
        new org.hipparchus.linear.ArrayRealVector(task.yTrain()));
    double t = arch.temperature();
    UnivariateObjectiveFunction s = new UnivariateObjectiveFunction(u -> {
      double ua = ScalarOrderParameter.solve(arch, u);
      double v = 12 * (ua / 1.5 - Math.log(ua)) + 7 * (u / (0.8 * ua) - Math.log(u) + Math.log(ua));
      for (int i = 0; i < p; i++) v += Math.log(u * lambda[i] + t) + proj[i] * proj[i] / (u * lambda[i] + t);
      return v;
    });
    double uStar = new BrentOptimizer(1e-14, 1e-14).optimize(new MaxEval(10_000), s,
        GoalType.MINIMIZE, new SearchInterval(1e-4, 1e3)).getPoint();
    assertEquals(uStar, sp.orderParameters().u(1).get(0, 0), 1e-6 * uStar);
    assertEquals(ScalarOrderParameter.solve(arch, uStar), sp.orderParameters().scalar(), 1e-6);
  }
}
