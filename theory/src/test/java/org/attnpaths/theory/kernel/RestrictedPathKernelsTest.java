package org.attnpaths.theory.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.theory.fixtures.RandomNetworks;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.AttentionMaps;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.task.Task;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The view of a head subset's kernels equals kernels built from the subset's own path features
 * (normalised by its own Π'), for K_U and for the energy gradient.
 */
class RestrictedPathKernelsTest {

  @ParameterizedTest
  @EnumSource(value = PathKernels.Representation.class, names = {"PRECOMPUTED", "FACTORISED"})
  void viewEqualsKernelsOfTheSubsetFeatures(PathKernels.Representation rep) {
    Task task = RandomNetworks.task(5, List.of(3, 2), 11, 4, 5, 6);
    AttentionMaps maps = AttentionMaps.of(task.attention(), Readout.LAST, task.xTrain(),
        EjmlBackend.INSTANCE);
    PathFeatures full = PathFeatures.of(maps, 1.3);
    List<List<Integer>> keep = List.of(List.of(0, 2), List.of(1));   // paths (1,2), (3,2) = 1, 5
    PathFeatures sub = PathFeatures.of(maps, keep, 1.3);
    PathKernels direct = PathKernels.of(sub, EjmlBackend.INSTANCE, rep);
    RestrictedPathKernels view = new RestrictedPathKernels(
        PathKernels.of(full, EjmlBackend.INSTANCE, rep), new int[] {1, 5}, sub);
    assertEquals(rep.name().toLowerCase(java.util.Locale.ROOT), view.representation());
    DMatrixRMaj u = RandomNetworks.spd(new SplittableRandom(2), 2, 1.0, 1.0);
    DMatrixRMaj k1 = new DMatrixRMaj(11, 11);
    DMatrixRMaj k2 = new DMatrixRMaj(11, 11);
    direct.assemble(u, k1);
    view.assemble(u, k2);
    double scale = 0.0;
    for (double v : k1.data) scale = Math.max(scale, Math.abs(v));
    for (int i = 0; i < k1.data.length; i++) assertEquals(k1.data[i], k2.data[i], 1e-12 * scale);
    // G_E at K + T·I with T = 0.2.
    for (int i = 0; i < 11; i++) k1.add(i, i, 0.2);
    org.junit.jupiter.api.Assertions.assertTrue(EjmlBackend.INSTANCE.cholesky(k1));
    double[] r = new double[11];
    SplittableRandom rng = new SplittableRandom(4);
    for (int i = 0; i < r.length; i++) r[i] = rng.nextDouble() - 0.5;
    DMatrixRMaj g1 = new DMatrixRMaj(2, 2);
    DMatrixRMaj g2 = new DMatrixRMaj(2, 2);
    direct.energyGradient(k1, r, g1);
    view.energyGradient(k1, r, g2);
    for (int i = 0; i < 4; i++) assertEquals(g1.data[i], g2.data[i], 1e-12 * Math.abs(g1.data[i]) + 1e-14);
  }

  @ParameterizedTest
  @EnumSource(value = PathKernels.Representation.class, names = {"PRECOMPUTED"})
  void viewOfAViewReadsTheFullKernels(PathKernels.Representation rep) {
    Task task = RandomNetworks.task(6, List.of(3, 2), 9, 4, 5, 6);
    AttentionMaps maps = AttentionMaps.of(task.attention(), Readout.LAST, task.xTrain(),
        EjmlBackend.INSTANCE);
    PathFeatures full = PathFeatures.of(maps, 1.0);
    PathKernels fullKernels = PathKernels.of(full, EjmlBackend.INSTANCE, rep);
    // Keep heads {0, 2} of layer 1 (paths 0, 1, 4, 5), then head 1 of layer 2 (paths 1, 5).
    PathFeatures mid = full.restrict(List.of(List.of(0, 2), List.of(0, 1)));
    PathFeatures last = full.restrict(List.of(List.of(0, 2), List.of(1)));
    RestrictedPathKernels first = new RestrictedPathKernels(fullKernels, new int[] {0, 1, 4, 5},
        mid);
    RestrictedPathKernels nested = new RestrictedPathKernels(first, new int[] {1, 3}, last);
    assertEquals(fullKernels, nested.parent());
    PathKernels direct = PathKernels.of(last, EjmlBackend.INSTANCE, rep);
    DMatrixRMaj u = RandomNetworks.spd(new SplittableRandom(9), 2, 1.0, 1.0);
    DMatrixRMaj k1 = new DMatrixRMaj(9, 9);
    DMatrixRMaj k2 = new DMatrixRMaj(9, 9);
    direct.assemble(u, k1);
    nested.assemble(u, k2);
    for (int i = 0; i < k1.data.length; i++) {
      assertEquals(k1.data[i], k2.data[i], 1e-12 * (1 + Math.abs(k1.data[i])));
    }
  }
}
