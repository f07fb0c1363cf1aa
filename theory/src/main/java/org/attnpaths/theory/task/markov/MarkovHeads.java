package org.attnpaths.theory.task.markov;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.theory.model.AttentionHead;
import org.attnpaths.theory.model.BilinearScore;
import org.attnpaths.theory.model.LowRankWeights;

/**
 * The designed W-style heads of the Markov task (spec §9.1, reference
 * {@code generate_attention_weights_markov_optionE}), with score S_st = x_sᵀ W x_t.
 *
 * <p>Layout: W is N0×N0 row-major with N0 = N_f + T_tok; <b>rows index the key</b> token s and
 * columns the query token t. W = β·[[W_feat, C_fp], [C_pf, W_pos]] with W_feat (N_f×N_f) acting on
 * features, W_pos (T_tok×T_tok) on the one-hot positions (W_pos[a, b]: key position a, query
 * position b), and cross blocks C_fp (N_f×T_tok: key features × query position) and C_pf
 * (T_tok×N_f), which are non-zero only for perturbed blank heads.
 *
 * <p>With q = (v+ − v−)/(|v+ − v−|²/2), so that q·v± = ±1:
 * <ul>
 *   <li>{@code same_token}: W_feat = q qᵀ; W_pos[a, a+1] = 1 for a = 1..T_tok−2 (the key is the
 *       token just before the query); W_pos[0, t] = {@value #BOS_SCORE} for t ≥ 1. A query whose
 *       predecessor is in the same state scores ≈ 2β there and 1.5β on BOS, else ≤ β elsewhere.
 *   <li>{@code different_token}: W_feat = −q qᵀ, same W_pos.
 *   <li>{@code uniform}: W_feat = 0, W_pos = all ones (every score in a column equal: exactly
 *       uniform attention).
 *   <li>{@code blank}: W_feat = p_f·G1/N_f, W_pos = p_p·G2 and, if p_x &gt; 0, C_fp and C_pf filled
 *       with s·G3/√N_f where s = p_f (reference bug, {@link MarkovTaskConfig#reproduceCrossBlockBug()})
 *       or p_x. G1 (N_f×N_f), G2 (T×T), G3 are iid N(0, 1); as in the reference (one full N0×N0
 *       normal matrix masked to the off-diagonal blocks) the two cross blocks are independent, not
 *       transposes of each other.
 * </ul>
 *
 * <p>Blank-head draws: each blank head always draws, from its own stream, G1 (row-major), then G2
 * (row-major), then G3 as C_fp (row-major) followed by C_pf (row-major), whatever the strengths.
 * So the same seed gives the same G's for any p_f, p_p, p_x (a strength of 0 simply drops its
 * term, leaving exact zeros).
 */
public final class MarkovHeads {

  /**
   * Score of BOS for any query, (1 + 1 + max(1 − 1, 1))/2 with unit feature and position strengths
   * (spec §9.1): between a matching predecessor (2) and a non-matching one (0 or ≤ 1 elsewhere).
   */
  public static final double BOS_SCORE = 1.5;

  private MarkovHeads() {}

  /**
   * The heads of one layer in order. Blank heads each take {@code layerRng.split()}, in the order
   * they appear in the layer; designed heads draw nothing.
   *
   * @param layerRng referenced and advanced by one split per blank head
   */
  public static List<AttentionHead> layer(List<MarkovHeadKind> kinds, MarkovTaskConfig config,
      SplittableRandom layerRng) {
    List<AttentionHead> heads = new ArrayList<>();
    for (MarkovHeadKind k : kinds) {
      heads.add(head(k, config, k == MarkovHeadKind.BLANK ? layerRng.split() : null));
    }
    return List.copyOf(heads);
  }

  /**
   * One head named {@link MarkovHeadKind#label()}.
   *
   * @param rng the blank head's own stream (referenced, advanced); ignored, may be null, otherwise
   */
  public static AttentionHead head(MarkovHeadKind kind, MarkovTaskConfig config, SplittableRandom rng) {
    double[] w = weights(kind, config, rng);
    int n0 = config.tokenDim();
    BilinearScore score = switch (kind) {
      case SAME_TOKEN, DIFFERENT_TOKEN, UNIFORM ->
          BilinearScore.withLowRank(n0, w, lowRank(kind, config));
      // Feature or cross perturbations fill a dense N_f × N_f (or cross) block: full rank.
      case BLANK -> config.blankFeaturePerturbation() > 0.0 || config.blankCrossPerturbation() > 0.0
          ? BilinearScore.dense(n0, w) : new BilinearScore(n0, w);
    };
    return AttentionHead.softmax(kind.label(), score);
  }

  /**
   * W = A·Bᵀ of the designed heads from their definition (β included in A): same/different
   * token: A = [±β q ; 0], B = [q ; 0] for W_feat = ±q qᵀ, plus one pair per non-zero row a of
   * W_pos (BOS row a = 0 and shift rows 1..T−2): A = β e_a, B = W_pos[a, ·]; r = 1 + (T − 1).
   * Uniform: A = β·1_pos, B = 1_pos, r = 1. Exactly W (products of ±1, 1.5 and q entries with β);
   * checked against {@link #weights} in LowRankWeightsTest.
   */
  static LowRankWeights lowRank(MarkovHeadKind kind, MarkovTaskConfig config) {
    int nf = config.featureDim();
    int tokens = config.tokens();
    int n0 = config.tokenDim();
    double beta = config.beta();
    if (kind == MarkovHeadKind.UNIFORM) {
      double[] a = new double[n0];
      double[] b = new double[n0];
      for (int t = 0; t < tokens; t++) {
        a[nf + t] = beta;
        b[nf + t] = 1.0;
      }
      return new LowRankWeights(n0, 1, a, b);
    }
    int r = 1 + (tokens - 1);
    double[] a = new double[n0 * r];
    double[] b = new double[n0 * r];
    double sign = kind == MarkovHeadKind.SAME_TOKEN ? 1.0 : -1.0;
    double[] q = readoutDirection(nf);
    for (int i = 0; i < nf; i++) {
      a[i * r] = beta * sign * q[i];
      b[i * r] = q[i];
    }
    for (int t = 1; t < tokens; t++) {                           // BOS row: W_pos[0, t] = 1.5
      b[(nf + t) * r + 1] = BOS_SCORE;
    }
    a[nf * r + 1] = beta;
    for (int row = 1; row <= tokens - 2; row++) {                 // shift rows: W_pos[a, a+1] = 1
      int k = 1 + row;
      a[(nf + row) * r + k] = beta;
      b[(nf + row + 1) * r + k] = 1.0;
    }
    return new LowRankWeights(n0, r, a, b);
  }

  /**
   * The N0×N0 row-major W (β included) of one head, key rows, query columns.
   *
   * @param rng as in {@link #head}
   */
  public static double[] weights(MarkovHeadKind kind, MarkovTaskConfig config, SplittableRandom rng) {
    int nf = config.featureDim();
    int tokens = config.tokens();
    int n0 = config.tokenDim();
    double[] w = new double[n0 * n0];
    switch (kind) {
      case SAME_TOKEN, DIFFERENT_TOKEN -> {
        double sign = kind == MarkovHeadKind.SAME_TOKEN ? 1.0 : -1.0;
        double[] q = readoutDirection(nf);
        for (int i = 0; i < nf; i++) {
          for (int j = 0; j < nf; j++) w[i * n0 + j] = sign * q[i] * q[j];
        }
        // Key a = query − 1 for chain queries 2..T−1; query 1 has only BOS before it.
        for (int a = 1; a <= tokens - 2; a++) w[(nf + a) * n0 + nf + a + 1] = 1.0;
        for (int t = 1; t < tokens; t++) w[nf * n0 + nf + t] = BOS_SCORE;
      }
      case UNIFORM -> {
        for (int a = 0; a < tokens; a++) {
          for (int b = 0; b < tokens; b++) w[(nf + a) * n0 + nf + b] = 1.0;
        }
      }
      case BLANK -> addBlankPerturbations(w, config, rng);
    }
    double beta = config.beta();
    for (int i = 0; i < w.length; i++) w[i] *= beta;
    return w;
  }

  /** q = (v+ − v−)/(|v+ − v−|²/2), so that q·v± = ±1 (spec §9.1). */
  static double[] readoutDirection(int featureDim) {
    double[] vp = MarkovChainSampler.prototype(featureDim, +1);
    double[] vm = MarkovChainSampler.prototype(featureDim, -1);
    double[] q = new double[featureDim];
    double norm2 = 0.0;
    for (int i = 0; i < featureDim; i++) {
      q[i] = vp[i] - vm[i];
      norm2 += q[i] * q[i];
    }
    double scale = 2.0 / norm2;
    for (int i = 0; i < featureDim; i++) q[i] *= scale;
    return q;
  }

  private static void addBlankPerturbations(double[] w, MarkovTaskConfig c, SplittableRandom rng) {
    if (rng == null) throw new IllegalArgumentException("rng: a blank head needs a random stream, got null");
    int nf = c.featureDim();
    int tokens = c.tokens();
    int n0 = c.tokenDim();
    NormalSampler g = new NormalSampler(rng);
    double pf = c.blankFeaturePerturbation();
    double pp = c.blankPositionPerturbation();
    double px = c.blankCrossPerturbation();
    // §9.1, §13.8: the reference scales the cross blocks by p_f, and adds them only if p_x > 0.
    double cross = px > 0.0 ? (c.reproduceCrossBlockBug() ? pf : px) : 0.0;
    double sf = pf / nf;
    double sx = cross / Math.sqrt(nf);
    for (int i = 0; i < nf; i++) {                               // W_feat += p_f G1 / N_f
      for (int j = 0; j < nf; j++) add(w, i * n0 + j, sf, g.next());
    }
    for (int a = 0; a < tokens; a++) {                           // W_pos += p_p G2
      for (int b = 0; b < tokens; b++) add(w, (nf + a) * n0 + nf + b, pp, g.next());
    }
    for (int i = 0; i < nf; i++) {                               // C_fp: key features × query positions
      for (int b = 0; b < tokens; b++) add(w, i * n0 + nf + b, sx, g.next());
    }
    for (int a = 0; a < tokens; a++) {                           // C_pf: key positions × query features
      for (int j = 0; j < nf; j++) add(w, (nf + a) * n0 + j, sx, g.next());
    }
  }

  /** w[k] += scale·g, leaving w[k] untouched (not −0.0) when the strength is zero. */
  private static void add(double[] w, int k, double scale, double g) {
    if (scale != 0.0) w[k] += scale * g;
  }
}
