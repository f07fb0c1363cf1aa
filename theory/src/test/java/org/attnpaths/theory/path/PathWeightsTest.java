package org.attnpaths.theory.path;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.theory.fixtures.RandomNetworks;
import org.attnpaths.theory.model.AttentionHead;
import org.attnpaths.theory.model.Normalisation;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.model.Sequences;
import org.attnpaths.theory.task.Task;
import org.junit.jupiter.api.Test;

/** Spec §11.3: softmax columns sum to 1; path vectors ω^π sum to 1; path index order §3.1. */
class PathWeightsTest {

  @Test
  void softmaxAndHardmaxColumnsSumToOne() {
    SplittableRandom rng = new SplittableRandom(2);
    int t = 7;
    double[] s = new double[t * t];
    for (int i = 0; i < s.length; i++) s[i] = 200 * RandomNetworks.gaussian(rng);  // ±O(100) scores
    for (Normalisation n : Normalisation.values()) {
      double[] w = s.clone();
      AttentionHead.normalise(w, t, n);
      for (int col = 0; col < t; col++) {
        double sum = 0.0;
        for (int k = 0; k < t; k++) sum += w[k * t + col];
        assertEquals(1.0, sum, 1e-14, n + " column " + col);
      }
    }
  }

  @Test
  void pathVectorsSumToOneForEveryReadout() {
    Task task = RandomNetworks.task(4, List.of(2, 1, 3), 6, 2, 5, 3);
    for (Readout r : Readout.values()) {
      PathFeatures f = PathFeatures.of(AttentionMaps.of(task.attention(), r, task.xTrain(),
          EjmlBackend.INSTANCE), 1.0);
      for (int mu = 0; mu < 6; mu++) {
        for (int p = 0; p < f.paths(); p++) {
          double sum = 0.0;
          for (int s = 0; s < f.tokens(); s++) sum += f.pathWeight(mu, p, s);
          assertEquals(1.0, sum, 1e-13, r + " path " + p);
        }
      }
    }
  }

  @Test
  void batchedScoresEqualPerSequenceScores() {
    Task task = RandomNetworks.task(5, List.of(2, 2), 3, 1, 6, 5);
    Sequences x = task.xTrain();
    AttentionMaps maps = AttentionMaps.of(task.attention(), Readout.LAST, x, EjmlBackend.INSTANCE);
    for (int h = 0; h < 2; h++) {
      double[] o = new double[36];
      for (int mu = 0; mu < 3; mu++) {
        task.attention().layer(1).get(h).attention(x.data(), x.offset(mu), 6, o);
        for (int i = 0; i < 36; i++) assertEquals(o[i], maps.inner(1, h)[mu * 36 + i], 1e-14);
        task.attention().layer(2).get(h).attention(x.data(), x.offset(mu), 6, o);
        for (int s = 0; s < 6; s++) assertEquals(o[s * 6 + 5], maps.readoutColumn(h)[mu * 6 + s], 1e-14);
      }
    }
  }

  @Test
  void pathIndexIsRowMajorWithFirstLayerSlowest() {
    PathIndex index = new PathIndex(List.of(2, 2));
    assertEquals("(1,1)", index.label(0));
    assertEquals("(1,2)", index.label(1));
    assertEquals("(2,1)", index.label(2));
    assertEquals("(2,2)", index.label(3));
    PathIndex three = new PathIndex(List.of(2, 3, 2));
    for (int p = 0; p < three.count(); p++) {
      assertEquals(p, three.index(three.head(p, 1), three.head(p, 2), three.head(p, 3)));
    }
  }
}
