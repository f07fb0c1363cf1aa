package org.attnpaths.theory.task.markov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.attnpaths.theory.model.AttentionHead;
import org.attnpaths.theory.model.BilinearScore;
import org.attnpaths.theory.model.Sequences;
import org.attnpaths.theory.task.Task;
import org.junit.jupiter.api.Test;

class MarkovHeadsTest {

  private static final MarkovTaskConfig C = MarkovTaskConfig.fourPath();
  private static final int NF = C.featureDim();
  private static final int T = C.tokens();
  private static final int N0 = C.tokenDim();
  private static final double BETA = C.beta();

  private static double[] omega(AttentionHead h, Sequences x, int mu) {
    double[] out = new double[x.tokens() * x.tokens()];
    h.attention(x.data(), x.offset(mu), x.tokens(), out);
    return out;
  }

  @Test
  void sameTokenWeightsPutTheKeyOnRows() {
    double[] w = MarkovHeads.weights(MarkovHeadKind.SAME_TOKEN, C, null);
    double[] q = MarkovHeads.readoutDirection(NF);
    double[] vPlus = MarkovChainSampler.prototype(NF, 1);
    double[] vMinus = MarkovChainSampler.prototype(NF, -1);
    double qp = 0;
    double qm = 0;
    for (int i = 0; i < NF; i++) {
      qp += q[i] * vPlus[i];
      qm += q[i] * vMinus[i];
    }
    assertEquals(1.0, qp, 1e-14);                       // q·v± = ±1
    assertEquals(-1.0, qm, 1e-14);
    for (int i = 0; i < NF; i += 37) {
      for (int j = 0; j < NF; j += 41) assertEquals(BETA * q[i] * q[j], w[i * N0 + j], 1e-15);
    }
    for (int a = 0; a < T; a++) {
      for (int b = 0; b < T; b++) {
        double expected = (a >= 1 && b == a + 1) ? 1.0 : (a == 0 && b >= 1) ? 1.5 : 0.0;
        assertEquals(BETA * expected, w[(NF + a) * N0 + NF + b], 0.0, "W_pos[" + a + ", " + b + "]");
      }
    }
    for (int i = 0; i < NF; i++) {
      for (int a = 0; a < T; a++) {
        assertEquals(0.0, w[i * N0 + NF + a], 0.0);      // no cross blocks
        assertEquals(0.0, w[(NF + a) * N0 + i], 0.0);
      }
    }
    double[] d = MarkovHeads.weights(MarkovHeadKind.DIFFERENT_TOKEN, C, null);
    assertEquals(-w[3 * N0 + 150], d[3 * N0 + 150], 0.0);
    assertEquals(w[(NF + 4) * N0 + NF + 5], d[(NF + 4) * N0 + NF + 5], 0.0);
  }

  @Test
  void sameTokenAttendsThePreviousTokenOnARepeatElseBos() {
    // No noise, so every score is exact: a repeat scores 2β at t−1 against 1.5β at BOS and ≤ β
    // elsewhere, so Ω[t−1, t] ≥ 1/(1 + e^{−5} + 29 e^{−10}) ≈ 0.992; on a switch t−1 scores 0 and
    // Ω[0, t] ≥ 1/(1 + 29 e^{−5}) ≈ 0.836.
    MarkovTaskConfig c = C.withNoise(0, 0, 0).withTrainSize(20).withTestSize(2);
    MarkovChainSampler.Sample s = new MarkovChainSampler(c).sample(20, new SplittableRandom(5));
    AttentionHead h = MarkovHeads.head(MarkovHeadKind.SAME_TOKEN, c, null);
    int repeats = 0;
    int switches = 0;
    for (int mu = 0; mu < 20; mu++) {
      double[] o = omega(h, s.x(), mu);
      assertTrue(o[1] > 0.8, "query 1 attends BOS: " + o[1]);   // ≥ 1/(1 + 30 e^{−5}) ≈ 0.832
      for (int t = 2; t < T; t++) {
        boolean repeat = s.states()[mu * c.states() + t - 1] == s.states()[mu * c.states() + t - 2];
        if (repeat) {
          repeats++;
          assertTrue(o[(t - 1) * T + t] > 0.99, "repeat at " + t + ": " + o[(t - 1) * T + t]);
        } else {
          switches++;
          assertTrue(o[t] > 0.83, "switch at " + t + ": BOS weight " + o[t]);
        }
      }
    }
    assertTrue(repeats > 100 && switches > 100, repeats + " repeats, " + switches + " switches");
  }

  @Test
  void sameTokenMatchesTheExactSoftmaxWithoutNoise() {
    // Oracle: S_st = β(σ_s σ_t [s, t ≥ 1] + W_pos[s, t]) with σ = ±1 the hidden states.
    MarkovTaskConfig c = C.withNoise(0, 0, 0);
    MarkovChainSampler.Sample s = new MarkovChainSampler(c).sample(4, new SplittableRandom(6));
    AttentionHead h = MarkovHeads.head(MarkovHeadKind.SAME_TOKEN, c, null);
    for (int mu = 0; mu < 4; mu++) {
      double[] o = omega(h, s.x(), mu);
      for (int t = 0; t < T; t++) {
        double[] e = new double[T];
        double z = 0;
        for (int k = 0; k < T; k++) {
          double feat = k >= 1 && t >= 1
              ? s.states()[mu * c.states() + k - 1] * s.states()[mu * c.states() + t - 1] : 0.0;
          double pos = (k >= 1 && t == k + 1) ? 1.0 : (k == 0 && t >= 1) ? 1.5 : 0.0;
          e[k] = Math.exp(BETA * (feat + pos));
          z += e[k];
        }
        for (int k = 0; k < T; k++) assertEquals(e[k] / z, o[k * T + t], 1e-12);
      }
    }
  }

  @Test
  void everyHeadIsColumnStochasticOnGeneratedSequences() {
    Task task = MarkovTask.generate(C.withTrainSize(4).withTestSize(2), 3);
    for (List<AttentionHead> layer : task.attention().layers()) {
      for (AttentionHead h : layer) {
        for (int mu = 0; mu < 4; mu++) {
          double[] o = omega(h, task.xTrain(), mu);
          for (int t = 0; t < T; t++) {
            double sum = 0;
            for (int k = 0; k < T; k++) {
              assertTrue(o[k * T + t] >= 0.0);
              sum += o[k * T + t];
            }
            assertEquals(1.0, sum, 1e-12, h.name() + " column " + t);
          }
        }
      }
    }
  }

  @Test
  void uniformAndUnperturbedBlankHeadsAreExactlyUniform() {
    Task task = MarkovTask.generate(MarkovTaskConfig.twoPath().withTrainSize(4).withTestSize(2), 4);
    AttentionHead blank = task.attention().layer(1).get(1);
    AttentionHead uniform = task.attention().layer(2).get(0);
    assertEquals("blank", blank.name());
    assertEquals("uniform", uniform.name());
    for (double v : ((BilinearScore) blank.score()).w()) assertEquals(0.0, v, 0.0);
    for (AttentionHead h : List.of(blank, uniform)) {
      for (int mu = 0; mu < 4; mu++) {
        for (double v : omega(h, task.xTrain(), mu)) assertEquals(1.0 / 31, v, 0.0, h.name());
      }
    }
  }

  /** Sample variance about zero of the entries of w in rows [r0, r1) × columns [c0, c1), over β². */
  private static double blockVariance(double[] w, int r0, int r1, int c0, int c1) {
    double s = 0;
    for (int i = r0; i < r1; i++) {
      for (int j = c0; j < c1; j++) s += w[i * N0 + j] * w[i * N0 + j];
    }
    return s / ((double) (r1 - r0) * (c1 - c0)) / (BETA * BETA);
  }

  @Test
  void blankPerturbationsHaveTheStatedScales() {
    // Entries iid N(0, s²): the mean of squares has relative sd √(2/n). Feature block n = 40 000,
    // position block n = 961, cross blocks n = 6200 each; bounds are 4 sd.
    MarkovTaskConfig c = C.withBlankPerturbations(2.0, 0.5, 0.25).withReproduceCrossBlockBug(false);
    double[] w = MarkovHeads.weights(MarkovHeadKind.BLANK, c, new SplittableRandom(8));
    double vf = Math.pow(2.0 / NF, 2);
    double vp = 0.25;
    double vx = 0.25 * 0.25 / NF;
    assertEquals(vf, blockVariance(w, 0, NF, 0, NF), 4 * Math.sqrt(2.0 / (NF * NF)) * vf);
    assertEquals(vp, blockVariance(w, NF, N0, NF, N0), 4 * Math.sqrt(2.0 / (T * T)) * vp);
    assertEquals(vx, blockVariance(w, 0, NF, NF, N0), 4 * Math.sqrt(2.0 / (NF * T)) * vx);
    assertEquals(vx, blockVariance(w, NF, N0, 0, NF), 4 * Math.sqrt(2.0 / (NF * T)) * vx);
    assertNotEquals(w[5 * N0 + NF + 7], w[(NF + 7) * N0 + 5]);   // independent, not transposed
  }

  @Test
  void crossBlockBugScalesByTheFeatureStrengthWithTheSameDraws() {
    // Every blank head draws G1, G2, G3 whatever the strengths, so the two variants differ only by
    // the cross-block scale: p_f = 2 (reference bug) against p_x = 0.5, an exact factor 4.
    MarkovTaskConfig c = C.withBlankPerturbations(2.0, 1.0, 0.5);
    double[] bug = MarkovHeads.weights(MarkovHeadKind.BLANK, c, new SplittableRandom(9));
    double[] fixed = MarkovHeads.weights(MarkovHeadKind.BLANK, c.withReproduceCrossBlockBug(false),
        new SplittableRandom(9));
    double[] none = MarkovHeads.weights(MarkovHeadKind.BLANK, c.withBlankPerturbations(2.0, 1.0, 0.0),
        new SplittableRandom(9));
    for (int i = 0; i < N0; i++) {
      for (int j = 0; j < N0; j++) {
        int k = i * N0 + j;
        boolean crossBlock = (i < NF) != (j < NF);
        if (crossBlock) {
          assertEquals(4.0 * fixed[k], bug[k], 0.0);
          assertEquals(0.0, none[k], 0.0);
        } else {
          assertEquals(fixed[k], bug[k], 0.0);
          assertEquals(fixed[k], none[k], 0.0);
        }
      }
    }
    assertNotEquals(0.0, bug[3 * N0 + NF + 2]);
  }

  @Test
  void layerGivesEachBlankHeadItsOwnStream() {
    List<AttentionHead> heads = MarkovHeads.layer(
        List.of(MarkovHeadKind.BLANK, MarkovHeadKind.UNIFORM, MarkovHeadKind.BLANK), C,
        new SplittableRandom(10));
    SplittableRandom layer = new SplittableRandom(10);
    double[] first = MarkovHeads.weights(MarkovHeadKind.BLANK, C, layer.split());
    double[] second = MarkovHeads.weights(MarkovHeadKind.BLANK, C, layer.split());
    assertEquals(List.of("blank", "uniform", "blank"), heads.stream().map(AttentionHead::name).toList());
    assertTrue(java.util.Arrays.equals(first, ((BilinearScore) heads.get(0).score()).w()));
    assertTrue(java.util.Arrays.equals(second, ((BilinearScore) heads.get(2).score()).w()));
    assertTrue(!java.util.Arrays.equals(first, second));
  }
}
