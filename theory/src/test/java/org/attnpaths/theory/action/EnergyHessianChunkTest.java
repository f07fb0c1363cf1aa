package org.attnpaths.theory.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.SplittableRandom;
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
import org.junit.jupiter.api.Test;

/**
 * The feature-space energy Hessian accumulates the Gram of the Q blocks over chunks of block
 * rows; any chunking, including a short last chunk, gives the one-chunk result.
 */
class EnergyHessianChunkTest {

  @Test
  void chunkedBlockGramEqualsOneChunkOnEjml() {
    compare(EjmlBackend.INSTANCE);
  }

  @Test
  void chunkedBlockGramEqualsOneChunkOnNative() {
    assumeTrue(NativeBackend.load().isPresent(), "native BLAS/LAPACK not available");
    compare(NativeBackend.load().orElseThrow());
  }

  private static void compare(LinearAlgebraBackend backend) {
    List<Integer> heads = List.of(2, 2);
    int p = 14;
    int n0 = 7;                                  // n0 ≤ P: the feature-space traces
    Task task = RandomNetworks.task(21, heads, p, 3, 5, n0);
    PathFeatures f = RandomNetworks.features(task, Readout.LAST, 1.0);
    Architecture arch = new Architecture(heads, List.of(4, 3, 5), List.of(1.0, 0.8, 1.2, 0.9), 0.05,
        Readout.LAST);
    Action action = new Action(arch, PathKernels.choose(f, backend), task.yTrain(), backend);
    List<DMatrixRMaj> u = RandomNetworks.randomOrderParameters(new SplittableRandom(5), arch);
    assertTrue(action.evaluate(u, null) < Double.POSITIVE_INFINITY);
    DMatrixRMaj factor = action.energy().factor();
    double[] r = action.energy().r();
    int pairs = f.paths() * f.paths();
    DMatrixRMaj whole = new EnergyHessian(f, backend, Integer.MAX_VALUE).evaluate(factor, r);
    for (int rowsPerChunk : new int[] {1, 3, 6}) {          // 7 = 3 + 3 + 1, 6 + 1, 1 × 7
      DMatrixRMaj chunked =
          new EnergyHessian(f, backend, rowsPerChunk * pairs * n0).evaluate(factor, r);
      double scale = 0.0;
      for (double v : whole.data) scale = Math.max(scale, Math.abs(v));
      for (int i = 0; i < whole.data.length; i++) {
        assertEquals(whole.data[i], chunked.data[i], 1e-12 * scale,
            "entry " + i + " with " + rowsPerChunk + " block rows per chunk");
      }
    }
  }
}
