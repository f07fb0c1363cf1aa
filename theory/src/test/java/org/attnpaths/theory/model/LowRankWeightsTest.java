package org.attnpaths.theory.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.linalg.NativeBackend;
import org.attnpaths.theory.fixtures.RandomNetworks;
import org.attnpaths.theory.path.AttentionMaps;
import org.attnpaths.theory.task.markov.MarkovHeadKind;
import org.attnpaths.theory.task.markov.MarkovHeads;
import org.attnpaths.theory.task.markov.MarkovTask;
import org.attnpaths.theory.task.markov.MarkovTaskConfig;
import org.attnpaths.theory.task.Task;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The low-rank form W = A·Bᵀ of W-style heads (spec §2.2) and the batched key/query maps that
 * use it: the rank of every designed Markov head (spec §9.1), and scores and attention equal to
 * the dense x_s·(W x_t) on random and designed heads.
 */
class LowRankWeightsTest {

  private static double maxAbs(double[] v) {
    double m = 0.0;
    for (double x : v) m = Math.max(m, Math.abs(x));
    return m;
  }

  /** A random N0 × N0 matrix of rank r (Gaussian factors), optionally with zero rows and columns. */
  private static double[] randomRank(SplittableRandom rng, int n, int r) {
    double[] a = new double[n * r];
    double[] b = new double[n * r];
    for (int i = 0; i < a.length; i++) {
      a[i] = RandomNetworks.gaussian(rng);
      b[i] = RandomNetworks.gaussian(rng);
    }
    double[] w = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < r; k++) w[i * n + j] += a[i * r + k] * b[j * r + k];
      }
    }
    return w;
  }

  @Test
  void findsTheRankOfRandomLowRankMatricesAndRejectsFullRankOnes() {
    SplittableRandom rng = new SplittableRandom(11);
    int n = 40;
    for (int r : new int[] {1, 3, 7, 10}) {
      double[] w = randomRank(rng, n, r);
      LowRankWeights lr = LowRankWeights.find(w, n, 10);
      assertNotNull(lr, "rank " + r);
      assertEquals(r, lr.rank());
      assertTrue(lr.maxError(w) <= 1e-13 * maxAbs(w), "rank " + r + ": " + lr.maxError(w));
    }
    assertNull(LowRankWeights.find(randomRank(rng, n, 11), n, 10), "rank 11 > maxRank 10");
    double[] full = new double[n * n];
    for (int i = 0; i < full.length; i++) full[i] = RandomNetworks.gaussian(rng);
    assertNull(LowRankWeights.find(full, n, 10));
    LowRankWeights zero = LowRankWeights.find(new double[n * n], n, 10);
    assertEquals(0.0, zero.maxError(new double[n * n]));
  }

  @Test
  void designedMarkovHeadsHaveTheirStructuralRank() {
    MarkovTaskConfig c = MarkovTaskConfig.fourPath();
    int n0 = c.tokenDim();
    int tokens = c.tokens();
    SplittableRandom rng = new SplittableRandom(5);
    // q qᵀ (rank 1) plus W_pos with the BOS row and the T−2 shift rows: rank 1 + (T − 1).
    for (MarkovHeadKind kind : List.of(MarkovHeadKind.SAME_TOKEN, MarkovHeadKind.DIFFERENT_TOKEN)) {
      BilinearScore s = (BilinearScore) MarkovHeads.head(kind, c, null).score();
      assertEquals(1 + (tokens - 1), s.lowRank().rank(), kind.label());
      assertTrue(s.lowRank().maxError(s.w()) <= 1e-13 * maxAbs(s.w()), kind.label()
          + ": the designed factors reproduce W");
      assertEquals(1 + (tokens - 1), LowRankWeights.find(s.w(), n0, n0 / 4).rank(),
          kind.label() + ": the search finds the same rank");
    }
    BilinearScore uniform = (BilinearScore) MarkovHeads.head(MarkovHeadKind.UNIFORM, c, null).score();
    assertEquals(1, uniform.lowRank().rank());
    assertTrue(uniform.lowRank().maxError(uniform.w()) <= 1e-13 * maxAbs(uniform.w()));
    assertEquals(1, LowRankWeights.find(uniform.w(), n0, n0 / 4).rank());
    // Perturbed blank heads: G1 (N_f × N_f) and G2 dense normal, so W has full rank.
    BilinearScore blank = (BilinearScore) MarkovHeads.head(MarkovHeadKind.BLANK, c, rng).score();
    assertNull(blank.lowRank());
    assertNull(LowRankWeights.find(blank.w(), n0, n0 / 4), "the search agrees: full rank");
    MarkovTaskConfig positionOnly = c.withBlankPerturbations(0.0, 1.0, 0.0);
    BilinearScore pos = (BilinearScore) MarkovHeads.head(MarkovHeadKind.BLANK, positionOnly,
        rng).score();
    assertEquals(tokens, pos.lowRank().rank(), "only W_pos = p_p G2 perturbed: rank T_tok");
    BilinearScore none = (BilinearScore) MarkovHeads.head(MarkovHeadKind.BLANK,
        c.withBlankPerturbations(0.0, 0.0, 0.0), rng).score();
    assertEquals(0.0, maxAbs(none.w()));
    assertNotNull(none.lowRank(), "W = 0 (uniform attention)");
    assertEquals(n0, none.tokenDim());
  }

  /** Scores from the batched keys and queries, S_st = scale · k_s·q_t, for every token pair. */
  private static void assertBatchedScoresEqualDense(AttentionScore score, Sequences x,
      LinearAlgebraBackend backend) {
    DMatrixRMaj all = DMatrixRMaj.wrap(x.count() * x.tokens(), x.dim(), x.data());
    DMatrixRMaj keys = score.keys(all, backend);
    DMatrixRMaj queries = score.queries(all, backend);
    int t = x.tokens();
    double[] dense = new double[t * t];
    for (int mu = 0; mu < x.count(); mu++) {
      score.scores(x.data(), x.offset(mu), t, dense);
      double scale = Math.max(1.0, maxAbs(dense));
      for (int s = 0; s < t; s++) {
        for (int q = 0; q < t; q++) {
          double acc = 0.0;
          for (int g = 0; g < keys.numCols; g++) {
            acc += keys.get(mu * t + s, g) * queries.get(mu * t + q, g);
          }
          assertEquals(dense[s * t + q], score.scale() * acc, 1e-12 * scale,
              "example " + mu + " S_" + s + q);
        }
      }
    }
  }

  @Test
  void lowRankScoresEqualDenseScoresOnRandomHeads() {
    SplittableRandom rng = new SplittableRandom(3);
    int n0 = 24;
    Sequences x = RandomNetworks.sequences(rng, 5, 7, n0);
    for (int r : new int[] {1, 2, 5}) {
      BilinearScore score = new BilinearScore(n0, randomRank(rng, n0, r));
      assertEquals(r, score.lowRank().rank());
      assertBatchedScoresEqualDense(score, x, EjmlBackend.INSTANCE);
    }
    double[] full = new double[n0 * n0];
    for (int i = 0; i < full.length; i++) full[i] = RandomNetworks.gaussian(rng);
    assertBatchedScoresEqualDense(new BilinearScore(n0, full), x, EjmlBackend.INSTANCE);
  }

  @Test
  void lowRankAttentionOfTheMarkovTaskEqualsDenseAttention() {
    MarkovTaskConfig c = MarkovTaskConfig.fourPath().withTrainSize(6).withTestSize(2)
        .withHeads(List.of(MarkovHeadKind.SAME_TOKEN, MarkovHeadKind.DIFFERENT_TOKEN,
            MarkovHeadKind.BLANK), List.of(MarkovHeadKind.UNIFORM, MarkovHeadKind.BLANK));
    Task task = MarkovTask.generate(c, 17);
    Sequences x = task.xTrain();
    LinearAlgebraBackend backend = NativeBackend.load().isPresent()
        ? NativeBackend.load().get() : EjmlBackend.INSTANCE;
    for (LinearAlgebraBackend b : List.of(EjmlBackend.INSTANCE, backend)) {
      for (int l = 1; l <= 2; l++) {
        for (AttentionHead h : task.attention().layer(l)) {
          assertBatchedScoresEqualDense(h.score(), x, b);
        }
      }
      // The attention maps built from the low-rank scores against per-sequence dense attention.
      AttentionMaps maps = AttentionMaps.of(task.attention(), Readout.LAST, x, b);
      int t = x.tokens();
      double[] o = new double[t * t];
      for (int h = 0; h < 3; h++) {
        for (int mu = 0; mu < x.count(); mu++) {
          task.attention().layer(1).get(h).attention(x.data(), x.offset(mu), t, o);
          for (int i = 0; i < t * t; i++) {
            assertEquals(o[i], maps.inner(1, h)[mu * t * t + i], 1e-12, "head " + h + " μ " + mu);
          }
        }
      }
      for (int h = 0; h < 2; h++) {
        for (int mu = 0; mu < x.count(); mu++) {
          task.attention().layer(2).get(h).attention(x.data(), x.offset(mu), t, o);
          for (int s = 0; s < t; s++) {
            assertEquals(o[s * t + t - 1], maps.readoutColumn(h)[mu * t + s], 1e-12);
          }
        }
      }
    }
  }
}
