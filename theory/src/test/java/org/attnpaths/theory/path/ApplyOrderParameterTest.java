package org.attnpaths.theory.path;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.linalg.NativeBackend;
import org.attnpaths.theory.fixtures.RandomNetworks;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** R = Ξ(U⊗I) (spec §3.4) through the backend's batched product equals the plain loop and the definition. */
class ApplyOrderParameterTest {

  @Test
  void batchedProductEqualsTheBlockDefinition() {
    SplittableRandom rng = new SplittableRandom(8);
    int paths = 3;
    int n0 = 5;
    int rows = 7;
    DMatrixRMaj u = new DMatrixRMaj(paths, paths);
    for (int i = 0; i < u.data.length; i++) u.data[i] = RandomNetworks.gaussian(rng);  // not symmetric
    DMatrixRMaj in = new DMatrixRMaj(rows, paths * n0);
    for (int i = 0; i < in.data.length; i++) in.data[i] = RandomNetworks.gaussian(rng);
    DMatrixRMaj loop = new DMatrixRMaj(rows, paths * n0);
    PathFeatures.applyOrderParameter(u, in, loop);
    List<LinearAlgebraBackend> backends = NativeBackend.load().isPresent()
        ? List.of(EjmlBackend.INSTANCE, NativeBackend.load().get()) : List.of(EjmlBackend.INSTANCE);
    for (LinearAlgebraBackend b : backends) {
      DMatrixRMaj batched = new DMatrixRMaj(rows, paths * n0);
      java.util.Arrays.fill(batched.data, Double.NaN);
      PathFeatures.applyOrderParameter(u, in, batched, b);
      for (int mu = 0; mu < rows; mu++) {
        for (int a = 0; a < paths; a++) {
          for (int i = 0; i < n0; i++) {
            double expected = 0.0;                                      // Σ_b U_ab in_{μ,b,i}
            for (int c = 0; c < paths; c++) expected += u.get(a, c) * in.get(mu, c * n0 + i);
            assertEquals(expected, batched.get(mu, a * n0 + i), 1e-13, b.name());
            assertEquals(expected, loop.get(mu, a * n0 + i), 1e-13, "loop");
          }
        }
      }
    }
  }
}
