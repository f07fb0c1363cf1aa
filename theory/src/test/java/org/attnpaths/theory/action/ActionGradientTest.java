package org.attnpaths.theory.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.linalg.NativeBackend;
import org.attnpaths.theory.fixtures.RandomNetworks;
import org.attnpaths.theory.kernel.PathKernels;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.task.Task;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spec §11.3: the analytic gradients of §5.3 against central finite differences of S, for
 * L = 1, 2, 3 with unequal widths, heads and variances, in both kernel representations.
 */
class ActionGradientTest {

  static Stream<Arguments> networks() {
    return Stream.of(
        Arguments.of(List.of(3), List.of(7, 11), List.of(0.8, 1.3, 0.7), Readout.LAST, 0.05),
        Arguments.of(List.of(2, 3), List.of(5, 9, 13), List.of(1.2, 0.9, 1.4, 0.6), Readout.AVERAGE, 0.1),
        Arguments.of(List.of(2, 1, 2), List.of(6, 4, 10, 8), List.of(0.7, 1.1, 1.5, 0.8, 1.3), Readout.FIRST, 0.2));
  }

  @ParameterizedTest
  @MethodSource("networks")
  void gradientMatchesFiniteDifferences(List<Integer> heads, List<Integer> widths,
      List<Double> variances, Readout readout, double temperature) {
    Task task = RandomNetworks.task(11, heads, 12, 5, 4, 6);
    PathFeatures f = RandomNetworks.features(task, readout, variances.get(0));
    Architecture arch = new Architecture(heads, widths, variances, temperature, readout);
    for (PathKernels.Representation rep : new PathKernels.Representation[] {
        PathKernels.Representation.PRECOMPUTED, PathKernels.Representation.FACTORISED}) {
      PathKernels kernels = PathKernels.of(f, EjmlBackend.INSTANCE, rep);
      Action action = new Action(arch, kernels, task.yTrain(), EjmlBackend.INSTANCE);
      SplittableRandom rng = new SplittableRandom(5);
      List<DMatrixRMaj> u = RandomNetworks.randomOrderParameters(rng, arch);
      PackedSymmetric packing = action.packing();
      List<DMatrixRMaj> g = packing.zeros();
      double s0 = action.evaluate(u, g);
      assertTrue(Double.isFinite(s0));
      double[] analytic = new double[packing.length()];
      packing.packGradient(g, analytic);
      double[] theta = new double[packing.length()];
      packing.pack(u, theta);
      List<DMatrixRMaj> w = packing.zeros();
      for (int k = 0; k < theta.length; k++) {
        double h = 1e-5;
        double keep = theta[k];
        theta[k] = keep + h;
        packing.unpack(theta, w);
        double sp = action.evaluate(w, null);
        theta[k] = keep - h;
        packing.unpack(theta, w);
        double sm = action.evaluate(w, null);
        theta[k] = keep;
        double fd = (sp - sm) / (2 * h);
        assertEquals(fd, analytic[k], 1e-6 * Math.max(1.0, Math.abs(fd)),
            "packed entry " + k + " of " + heads + " (" + kernels.getClass().getSimpleName() + ")");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("networks")
  void hessianMatchesFiniteDifferencesOfGradient(List<Integer> heads, List<Integer> widths,
      List<Double> variances, Readout readout, double temperature) {
    hessianAgainstFiniteDifferences(heads, widths, variances, readout, temperature, 10, 7,
        EjmlBackend.INSTANCE);
  }

  /** The same with the native backend (its panel block Gram in the trace term); skipped without it. */
  @ParameterizedTest
  @MethodSource("networks")
  void hessianMatchesFiniteDifferencesWithTheNativeBackend(List<Integer> heads,
      List<Integer> widths, List<Double> variances, Readout readout, double temperature) {
    assumeTrue(NativeBackend.load().isPresent(), "native BLAS/LAPACK not available");
    hessianAgainstFiniteDifferences(heads, widths, variances, readout, temperature, 10, 7,
        NativeBackend.load().get());
  }

  /** P &lt; N0: the energy Hessian's traces are taken in sample space instead of feature space. */
  @ParameterizedTest
  @MethodSource("networks")
  void hessianMatchesFiniteDifferencesInSampleSpace(List<Integer> heads, List<Integer> widths,
      List<Double> variances, Readout readout, double temperature) {
    hessianAgainstFiniteDifferences(heads, widths, variances, readout, temperature, 6, 9,
        EjmlBackend.INSTANCE);
  }

  private static void hessianAgainstFiniteDifferences(List<Integer> heads, List<Integer> widths,
      List<Double> variances, Readout readout, double temperature, int p, int n0,
      LinearAlgebraBackend backend) {
    Task task = RandomNetworks.task(12, heads, p, 5, 4, n0);
    PathFeatures f = RandomNetworks.features(task, readout, variances.get(0));
    Architecture arch = new Architecture(heads, widths, variances, temperature, readout);
    PathKernels kernels = PathKernels.choose(f, backend);
    Action action = new Action(arch, kernels, task.yTrain(), backend);
    List<DMatrixRMaj> u = RandomNetworks.randomOrderParameters(new SplittableRandom(9), arch);
    DMatrixRMaj h = action.hessian(u);
    PackedSymmetric packing = action.packing();
    double[] theta = new double[packing.length()];
    packing.pack(u, theta);
    List<DMatrixRMaj> w = packing.zeros();
    List<DMatrixRMaj> g = packing.zeros();
    double[] gp = new double[theta.length];
    double[] gm = new double[theta.length];
    for (int k = 0; k < theta.length; k++) {
      double step = 1e-6;
      double keep = theta[k];
      theta[k] = keep + step;
      packing.unpack(theta, w);
      action.evaluate(w, g);
      packing.packGradient(g, gp);
      theta[k] = keep - step;
      packing.unpack(theta, w);
      action.evaluate(w, g);
      packing.packGradient(g, gm);
      theta[k] = keep;
      for (int i = 0; i < theta.length; i++) {
        double fd = (gp[i] - gm[i]) / (2 * step);
        assertEquals(fd, h.get(i, k), 1e-5 * Math.max(1.0, Math.abs(fd)),
            "Hessian entry (" + i + ", " + k + ") for heads " + heads);
      }
    }
  }
}
