package org.attnpaths.theory.pruning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.attnpaths.theory.path.PathIndex;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Head scores of spec §10 against hand computation and a brute-force loop over path pairs. */
class HeadScoresTest {

  @Test
  void oneLayerTwoHeadsByHand() {
    // U = [[1, −2], [−2, 4]]: head 1 touches (0,0), (0,1), (1,0): 1 + 2 + 2 = 5;
    // head 2 touches (1,1), (0,1), (1,0): 4 + 2 + 2 = 8.
    DMatrixRMaj u = new DMatrixRMaj(new double[][] {{1, -2}, {-2, 4}});
    HeadScores s = HeadScores.of(u, new PathIndex(List.of(2)));
    assertArrayEquals(new double[] {5, 8}, s.raw(), 0.0);
    assertArrayEquals(new double[] {5.0 / 8.0, 1.0}, s.normalised(), 0.0);
    assertArrayEquals(new double[] {1, 4}, s.diagonal(), 0.0);
    assertEquals(List.of(new Head(1, 1), new Head(1, 2)), s.increasing());
    assertEquals("(1)2", s.decreasing().get(0).label());
  }

  @Test
  void twoLayersTwoByTwoByHand() {
    // Paths (1,1), (1,2), (2,1), (2,2) = 0..3. Head (1)1 = paths {0,1}: every entry in rows or
    // columns 0,1 = total − |block {2,3}×{2,3}|; head (2)1 = paths {0,2}.
    DMatrixRMaj u = new DMatrixRMaj(new double[][] {
        {9, 1, -3, 0}, {1, 2, 0, 1}, {-3, 0, 5, -1}, {0, 1, -1, 4}});
    double total = 9 + 1 + 3 + 0 + 1 + 2 + 0 + 1 + 3 + 0 + 5 + 1 + 0 + 1 + 1 + 4;   // 32
    HeadScores s = HeadScores.of(u, new PathIndex(List.of(2, 2)));
    double h11 = total - (5 + 1 + 1 + 4);        // 21
    double h12 = total - (9 + 1 + 1 + 2);        // 19
    double h21 = total - (2 + 1 + 1 + 4);        // 24 (complement paths {1,3})
    double h22 = total - (9 + 3 + 3 + 5);        // 12 (complement paths {0,2})
    assertArrayEquals(new double[] {h11, h12, h21, h22}, s.raw(), 0.0);
    assertArrayEquals(new double[] {9 + 2, 5 + 4, 9 + 5, 2 + 4}, s.diagonal(), 0.0);
    assertEquals(List.of(new Head(2, 2), new Head(1, 2), new Head(1, 1), new Head(2, 1)),
        s.increasing());
    assertEquals(1.0, s.score(new Head(2, 1)), 0.0);
  }

  static Stream<Arguments> networks() {
    return Stream.of(Arguments.of(List.of(3)), Arguments.of(List.of(2, 3)),
        Arguments.of(List.of(3, 1)), Arguments.of(List.of(2, 1, 3)),
        Arguments.of(List.of(3, 2, 2)));
  }

  @ParameterizedTest
  @MethodSource("networks")
  void equalsBruteForceOverPathPairs(List<Integer> heads) {
    PathIndex index = new PathIndex(heads);
    int n = index.count();
    SplittableRandom rng = new SplittableRandom(heads.hashCode());
    // Not symmetric on purpose: the formula must use rows and columns separately.
    DMatrixRMaj u = new DMatrixRMaj(n, n);
    for (int i = 0; i < n * n; i++) u.data[i] = rng.nextInt(-9, 10);
    HeadScores s = HeadScores.of(u, index);
    List<Head> all = Head.all(heads);
    double max = 0.0;
    double[] raw = new double[all.size()];
    for (int k = 0; k < all.size(); k++) {
      Head h = all.get(k);
      double sum = 0.0;
      double diag = 0.0;
      for (int p = 0; p < n; p++) {
        for (int q = 0; q < n; q++) {
          boolean touches = index.head(p, h.layer()) == h.index()
              || index.head(q, h.layer()) == h.index();
          if (touches) sum += Math.abs(u.get(p, q));
        }
        if (index.head(p, h.layer()) == h.index()) diag += Math.abs(u.get(p, p));
      }
      raw[k] = sum;
      max = Math.max(max, sum);
      assertEquals(diag, s.diagonal()[k], 0.0, h.label());
    }
    assertArrayEquals(raw, s.raw(), 1e-12);
    for (int k = 0; k < raw.length; k++) assertEquals(raw[k] / max, s.normalised()[k], 1e-15);
  }

  @Test
  void pathRelevanceLabelsAndRatios() {
    DMatrixRMaj u = new DMatrixRMaj(new double[][] {
        {9, 1, -3, 0, 0, 0}, {1, 2, 0, 1, 0, 0}, {-3, 0, 5, -1, 0, 0}, {0, 1, -1, 4, 0, 0},
        {0, 0, 0, 0, 1, 0}, {0, 0, 0, 0, 0, 3}});
    List<PathRelevance> r = PathRelevance.of(u, new PathIndex(List.of(2, 3)), 2.0);
    assertEquals("(1)1→(2)1", r.get(0).label());
    assertEquals("(1)2→(2)3", r.get(5).label());
    assertEquals("(1)1→(2)3", r.get(2).label());
    assertEquals(2.5, r.get(2).ratio(), 0.0);
    assertEquals(1.5, r.get(5).ratio(), 0.0);
  }
}
