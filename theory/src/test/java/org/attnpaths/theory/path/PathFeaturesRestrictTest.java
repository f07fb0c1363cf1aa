package org.attnpaths.theory.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.theory.fixtures.RandomNetworks;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.task.Task;
import org.junit.jupiter.api.Test;

/** Restricting features to a head subset equals computing the subset's features directly. */
class PathFeaturesRestrictTest {

  @Test
  void restrictEqualsFeaturesOfTheSubsetFromTheMaps() {
    Task task = RandomNetworks.task(31, List.of(3, 2, 2), 7, 3, 5, 4);
    AttentionMaps maps = AttentionMaps.of(task.attention(), Readout.AVERAGE, task.xTrain(),
        EjmlBackend.INSTANCE);
    PathFeatures full = PathFeatures.of(maps, 0.7);
    List<List<Integer>> keep = List.of(List.of(0, 2), List.of(1), List.of(0, 1));
    PathFeatures direct = PathFeatures.of(maps, keep, 0.7);
    PathFeatures restricted = full.restrict(keep);
    assertEquals(direct.index(), restricted.index());
    assertEquals(direct.matrix().numCols, restricted.matrix().numCols);
    for (int i = 0; i < direct.matrix().data.length; i++) {
      double d = direct.matrix().data[i];
      assertEquals(d, restricted.matrix().data[i], 1e-14 * (1 + Math.abs(d)), "Ξ entry " + i);
    }
    for (int mu = 0; mu < 7; mu++) {
      for (int p = 0; p < direct.paths(); p++) {
        for (int s = 0; s < 5; s++) {
          assertEquals(direct.pathWeight(mu, p, s), restricted.pathWeight(mu, p, s), 0.0);
        }
      }
    }
    assertThrows(IllegalArgumentException.class,
        () -> full.restrict(List.of(List.of(2, 0), List.of(1), List.of(0))));
    assertThrows(IllegalArgumentException.class,
        () -> full.restrict(List.of(List.of(0), List.of(), List.of(0))));
  }
}
