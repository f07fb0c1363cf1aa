package org.attnpaths.theory.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.theory.fixtures.RandomNetworks;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.AttentionMaps;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.task.Task;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The two kernel representations agree, and both equal the definition Σ U^{ab} Ξ_a·Ξ_b. */
class PathKernelsTest {

  @Test
  void precomputedAndFactorisedAgreeWithDefinition() {
    Task task = RandomNetworks.task(3, List.of(2, 2), 9, 4, 5, 6);
    PathFeatures f = RandomNetworks.features(task, Readout.LAST, 1.3);
    PathKernels pre = PathKernels.of(f, EjmlBackend.INSTANCE, PathKernels.Representation.PRECOMPUTED);
    PathKernels fac = PathKernels.of(f, EjmlBackend.INSTANCE, PathKernels.Representation.FACTORISED);
    assertInstanceOf(PrecomputedPathKernels.class, pre);
    assertInstanceOf(FactorisedPathKernels.class, fac);
    DMatrixRMaj u = RandomNetworks.spd(new SplittableRandom(1), 4, 1.0, 1.0);
    DMatrixRMaj k1 = new DMatrixRMaj(9, 9);
    DMatrixRMaj k2 = new DMatrixRMaj(9, 9);
    pre.assemble(u, k1);
    fac.assemble(u, k2);
    for (int i = 0; i < 9; i++) {
      for (int j = 0; j < 9; j++) {
        double def = 0.0;
        for (int a = 0; a < 4; a++) {
          for (int b = 0; b < 4; b++) {
            double dot = 0.0;
            for (int n = 0; n < 6; n++) {
              dot += f.matrix().get(i, a * 6 + n) * f.matrix().get(j, b * 6 + n);
            }
            def += u.get(a, b) * dot;
          }
        }
        assertEquals(def, k1.get(i, j), 1e-12);
        assertEquals(def, k2.get(i, j), 1e-12);
      }
    }
  }

  /** What the energy's Cholesky reads: the lower triangle, exactly as assemble writes it. */
  @ParameterizedTest
  @EnumSource(value = PathKernels.Representation.class, names = {"PRECOMPUTED", "FACTORISED"})
  void assembleLowerEqualsTheLowerTriangleOfAssemble(PathKernels.Representation rep) {
    Task task = RandomNetworks.task(5, List.of(2, 2), 11, 4, 5, 6);
    AttentionMaps maps = AttentionMaps.of(task.attention(), Readout.LAST, task.xTrain(),
        EjmlBackend.INSTANCE);
    PathKernels full = PathKernels.of(PathFeatures.of(maps, 0.7), EjmlBackend.INSTANCE, rep);
    List<List<Integer>> keep = List.of(List.of(0, 1), List.of(1));   // paths (1,2), (2,2) = 1, 3
    PathKernels view = new RestrictedPathKernels(full, new int[] {1, 3},
        PathFeatures.of(maps, keep, 0.7));
    SplittableRandom rng = new SplittableRandom(2);
    for (PathKernels kernels : List.of(full, view)) {
      DMatrixRMaj u = RandomNetworks.spd(rng, kernels.paths(), 1.0, 1.0);
      DMatrixRMaj expected = new DMatrixRMaj(11, 11);
      kernels.assemble(u, expected);
      DMatrixRMaj lower = new DMatrixRMaj(11, 11);
      Arrays.fill(lower.data, Double.NaN);
      kernels.assembleLower(u, lower);
      for (int i = 0; i < 11; i++) {
        for (int j = 0; j <= i; j++) assertEquals(expected.get(i, j), lower.get(i, j), 0.0);
      }
    }
  }

  @Test
  void chooseKeepsMemoryLinearWhenBlocksAreLarge() {
    Task task = RandomNetworks.task(3, List.of(2), 30, 2, 3, 4);
    PathFeatures f = RandomNetworks.features(task, Readout.LAST, 1.0);
    long need = PathKernels.precomputedBytes(2, 30);
    assertInstanceOf(FactorisedPathKernels.class, PathKernels.choose(f, EjmlBackend.INSTANCE, need - 1));
  }
}
