package org.attnpaths.theory.pruning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.attnpaths.theory.fixtures.RandomNetworks;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.PathIndex;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class HeadRemovalTest {

  @Test
  void keptHeadsAndPaths() {
    // Heads (2, 3): path (h1, h2) has index 3·h1 + h2 (0-based); removing (2)2 keeps h2 ∈ {0, 2}.
    HeadRemoval r = HeadRemoval.of(List.of(2, 3), List.of(new Head(2, 2)));
    assertEquals(List.of(List.of(0, 1), List.of(0, 2)), r.keptHeads());
    assertArrayEquals(new int[] {0, 2, 3, 5}, r.keptPaths());
    assertEquals(List.of(2, 2), r.keptCounts());
    assertTrue(r.keepsEveryLayer());
    HeadRemoval both = r.plus(new Head(1, 1));
    assertArrayEquals(new int[] {3, 5}, both.keptPaths());
    assertEquals(List.of("(1)1", "(2)2"), both.labels());
    assertFalse(both.plus(new Head(1, 2)).keepsEveryLayer());
    assertThrows(IllegalArgumentException.class,
        () -> HeadRemoval.of(List.of(2, 3), List.of(new Head(2, 4))));
  }

  @Test
  void silenceZerosEveryRowAndColumnThroughTheHead() {
    HeadRemoval r = HeadRemoval.of(List.of(2, 2), List.of(new Head(2, 1)));   // paths 0, 2
    DMatrixRMaj u = RandomNetworks.spd(new SplittableRandom(3), 4, 1.0, 1.0);
    DMatrixRMaj s = r.silence(u);
    for (int p = 0; p < 4; p++) {
      for (int q = 0; q < 4; q++) {
        boolean through = p == 0 || p == 2 || q == 0 || q == 2;
        assertEquals(through ? 0.0 : u.get(p, q), s.get(p, q), 0.0);
      }
    }
  }

  @Test
  void restrictPicksTheKeptCombinationsOfEveryLayer() {
    // Heads (2, 3, 2): U_ℓ indexed by (h_ℓ, …, h_L), h_ℓ slowest. Remove (2)1 and (3)2.
    List<Integer> heads = List.of(2, 3, 2);
    Architecture arch = Architecture.uniform(heads, 5, 1.0, 0.1, Readout.LAST);
    List<DMatrixRMaj> u = RandomNetworks.randomOrderParameters(new SplittableRandom(8), arch);
    HeadRemoval none = HeadRemoval.none(heads);
    HeadRemoval r = HeadRemoval.of(heads, List.of(new Head(2, 1), new Head(3, 2)));
    List<DMatrixRMaj> out = r.restrict(none, u);
    for (int l = 1; l <= 3; l++) {
      PathIndex full = new PathIndex(heads.subList(l - 1, 3));
      java.util.List<Integer> keep = new java.util.ArrayList<>();
      for (int i = 0; i < full.count(); i++) {
        boolean ok = true;
        for (int k = l; k <= 3; k++) {
          int h = full.head(i, k - l + 1) + 1;
          if (r.removed().contains(new Head(k, h))) ok = false;
        }
        if (ok) keep.add(i);
      }
      DMatrixRMaj m = out.get(l - 1);
      assertEquals(keep.size(), m.numRows, "U_" + l);
      for (int i = 0; i < keep.size(); i++) {
        for (int j = 0; j < keep.size(); j++) {
          assertEquals(u.get(l - 1).get(keep.get(i), keep.get(j)), m.get(i, j), 0.0);
        }
      }
    }
    // Restricting in two steps equals restricting at once.
    HeadRemoval first = HeadRemoval.of(heads, List.of(new Head(3, 2)));
    List<DMatrixRMaj> twoSteps = r.restrict(first, first.restrict(none, u));
    for (int l = 0; l < 3; l++) assertArrayEquals(out.get(l).data, twoSteps.get(l).data, 0.0);
    assertThrows(IllegalArgumentException.class, () -> first.restrict(r, out));
  }

  @Test
  void feasibleOrderSkipsTheLastHeadOfALayer() {
    List<Integer> heads = List.of(2, 1, 3);
    List<Head> order = List.of(new Head(2, 1), new Head(1, 2), new Head(3, 1), new Head(1, 1),
        new Head(3, 3), new Head(3, 2));
    assertEquals(List.of(new Head(1, 2), new Head(3, 1), new Head(3, 3)),
        CumulativeCurve.feasible(heads, order));
  }
}
