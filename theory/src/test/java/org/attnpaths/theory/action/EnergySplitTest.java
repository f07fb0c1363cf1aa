package org.attnpaths.theory.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.theory.fixtures.RandomNetworks;
import org.attnpaths.theory.kernel.PathKernels;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.task.Task;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * The split of the energy the Newton solver relies on: the fit term Yᵀ(K+TI)⁻¹Y has gradient
 * {@link Energy#fitGradient} and Hessian {@code energyHessian(u, false)} (the fit part), checked
 * by central differences of the fit term (computed here from K_U directly) and of the fit
 * gradient; and the rest, ln det(K+TI), is concave in U_1 (its Hessian, exact energy minus fit
 * part, is negative semidefinite).
 */
class EnergySplitTest {

  private record Net(Architecture arch, PathKernels kernels, Action action, Task task) {}

  private static Net net(PathKernels.Representation rep) {
    List<Integer> heads = List.of(2, 3);
    Task task = RandomNetworks.task(21, heads, 10, 5, 4, 7);
    Architecture arch = new Architecture(heads, List.of(5, 9, 13), List.of(1.2, 0.9, 1.4, 0.6),
        0.1, Readout.AVERAGE);
    PathFeatures f = RandomNetworks.features(task, Readout.AVERAGE, 1.2);
    PathKernels kernels = PathKernels.of(f, EjmlBackend.INSTANCE, rep);
    return new Net(arch, kernels, new Action(arch, kernels, task.yTrain(), EjmlBackend.INSTANCE),
        task);
  }

  /** Yᵀ(K_U + T·I)⁻¹Y from the assembled kernel and a general solve. */
  private static double fitTerm(Net net, DMatrixRMaj u1) {
    int p = net.kernels().examples();
    DMatrixRMaj k = new DMatrixRMaj(p, p);
    net.kernels().assemble(u1, k);
    for (int i = 0; i < p; i++) k.add(i, i, net.arch().temperature());
    DMatrixRMaj y = new DMatrixRMaj(p, 1, true, net.task().yTrain());
    DMatrixRMaj x = new DMatrixRMaj(p, 1);
    assertTrue(CommonOps_DDRM.solve(k, y, x));
    return CommonOps_DDRM.dot(y, x);
  }

  @Test
  void fitGradientMatchesFiniteDifferencesOfTheFitTerm() {
    for (PathKernels.Representation rep : new PathKernels.Representation[] {
        PathKernels.Representation.PRECOMPUTED, PathKernels.Representation.FACTORISED}) {
      Net net = net(rep);
      List<DMatrixRMaj> u = RandomNetworks.randomOrderParameters(new SplittableRandom(3),
          net.arch());
      DMatrixRMaj u1 = u.get(0);
      int d = u1.numRows;
      assertTrue(Double.isFinite(net.action().energy().evaluate(u1, null)));
      DMatrixRMaj g = new DMatrixRMaj(1, 1);
      net.action().energy().fitGradient(g);
      assertEquals(d, g.numRows);
      for (int a = 0; a < d; a++) {
        for (int b = a; b < d; b++) {
          double step = 1e-6;
          DMatrixRMaj w = u1.copy();
          w.add(a, b, step);
          if (a != b) w.add(b, a, step);
          double fp = fitTerm(net, w);
          w = u1.copy();
          w.add(a, b, -step);
          if (a != b) w.add(b, a, -step);
          double fm = fitTerm(net, w);
          double fd = (fp - fm) / (2 * step);                     // ∂/∂θ_ab of the fit term
          double analytic = a == b ? g.get(a, a) : g.get(a, b) + g.get(b, a);
          assertEquals(fd, analytic, 1e-6 * Math.max(1.0, Math.abs(fd)),
              "fit gradient (" + a + ", " + b + ") " + rep);
        }
      }
    }
  }

  @Test
  void fitPartIsTheHessianOfTheFitTermAndTheRestIsConcave() {
    Net net = net(PathKernels.Representation.PRECOMPUTED);
    Action action = net.action();
    PackedSymmetric packing = action.packing();
    List<DMatrixRMaj> u = RandomNetworks.randomOrderParameters(new SplittableRandom(4),
        net.arch());
    DMatrixRMaj fit = action.energyHessian(u, false);
    DMatrixRMaj full = action.energyHessian(u, true);
    double[] theta = new double[packing.length()];
    packing.pack(u, theta);
    int m = packing.offset(2);                                  // the U_1 block
    List<DMatrixRMaj> w = packing.zeros();
    List<DMatrixRMaj> scratch = packing.zeros();
    double[] gp = new double[theta.length];
    double[] gm = new double[theta.length];
    for (int k = 0; k < m; k++) {
      double step = 1e-6;
      double keep = theta[k];
      theta[k] = keep + step;
      fitGradientAt(action, packing, theta, w, scratch, gp);
      theta[k] = keep - step;
      fitGradientAt(action, packing, theta, w, scratch, gm);
      theta[k] = keep;
      for (int i = 0; i < m; i++) {
        double fd = (gp[i] - gm[i]) / (2 * step);
        assertEquals(fd, fit.get(i, k), 1e-5 * Math.max(1.0, Math.abs(fd)),
            "fit Hessian entry (" + i + ", " + k + ")");
      }
    }
    // −T = full − fit, the Hessian of ln det(K+TI): negative semidefinite.
    DMatrixRMaj lnDet = new DMatrixRMaj(m, m);
    CommonOps_DDRM.extract(full, 0, m, 0, m, lnDet, 0, 0);
    DMatrixRMaj fitBlock = new DMatrixRMaj(m, m);
    CommonOps_DDRM.extract(fit, 0, m, 0, m, fitBlock, 0, 0);
    CommonOps_DDRM.subtractEquals(lnDet, fitBlock);
    double scale = CommonOps_DDRM.elementMaxAbs(lnDet);
    assertTrue(scale > 0.0);
    EigenDecomposition_F64<DMatrixRMaj> ed = DecompositionFactory_DDRM.eig(m, false, true);
    assertTrue(ed.decompose(lnDet.copy()));
    for (int i = 0; i < m; i++) {
      assertTrue(ed.getEigenvalue(i).real <= 1e-10 * scale,
          "ln det Hessian eigenvalue " + ed.getEigenvalue(i).real + " > 0");
    }
  }

  private static void fitGradientAt(Action action, PackedSymmetric packing, double[] theta,
      List<DMatrixRMaj> w, List<DMatrixRMaj> scratch, double[] out) {
    packing.unpack(theta, w);
    assertTrue(Double.isFinite(action.energy().evaluate(w.get(0), null)));
    for (DMatrixRMaj x : scratch) x.zero();
    action.energy().fitGradient(scratch.get(0));
    packing.packGradient(scratch, out);
  }
}
