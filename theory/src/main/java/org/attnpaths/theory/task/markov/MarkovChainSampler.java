package org.attnpaths.theory.task.markov;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.theory.model.Sequences;

/**
 * Draws labelled token sequences of the hidden-Markov-chain task (spec §9.1, reference
 * {@code prepare_dataset_markov_optionE}). Package-private: callers use
 * {@link MarkovTask#generate}; tests use {@link #sample} for the hidden states.
 */
final class MarkovChainSampler {

  /**
   * One labelled set with its hidden states.
   *
   * @param x [count, T_tok, N0] tokens x_t = [f_t ; e_t], BOS at t = 0
   * @param y [count]: +1 for the first count/2 examples, −1 for the rest
   * @param states [count, states] row-major, σ_t = ±1 for chain tokens t = 1..states
   */
  record Sample(Sequences x, double[] y, byte[] states) {}

  private final MarkovTaskConfig config;
  private final double[] vPlus;
  private final double[] vMinus;
  private final double[] ePerp;
  private final double[] ePar;

  MarkovChainSampler(MarkovTaskConfig config) {
    this.config = config;
    int nf = config.featureDim();
    vPlus = prototype(nf, +1);
    vMinus = prototype(nf, -1);
    ePerp = unit(vPlus, vMinus, -1.0);
    ePar = unit(vPlus, vMinus, +1.0);
  }

  /**
   * Prototype v+ = √2 (1,…,1, 0,…,0) or v− = √2 (0,…,0, 1,…,1), halves of length N_f/2, so
   * |v±|² = N_f (spec §9.1).
   */
  static double[] prototype(int featureDim, int sign) {
    double[] v = new double[featureDim];
    int half = featureDim / 2;
    int from = sign > 0 ? 0 : half;
    for (int i = from; i < from + half; i++) v[i] = Math.sqrt(2.0);
    return v;
  }

  /** (v+ + c·v−)/|v+ + c·v−|: c = −1 gives e_⊥, c = +1 gives e_∥. */
  static double[] unit(double[] vPlus, double[] vMinus, double c) {
    double[] e = new double[vPlus.length];
    double norm2 = 0.0;
    for (int i = 0; i < e.length; i++) {
      e[i] = vPlus[i] + c * vMinus[i];
      norm2 += e[i] * e[i];
    }
    double inv = 1.0 / Math.sqrt(norm2);
    for (int i = 0; i < e.length; i++) e[i] *= inv;
    return e;
  }

  /**
   * Draws {@code count} sequences, the first half with p_stay = pStayPlus (y = +1), the second with
   * pStayMinus (y = −1). Example μ draws from its own stream, the μ-th {@code rng.split()} (split
   * in example order before any drawing), so the examples can be generated in parallel and the
   * result depends only on {@code rng}. Draw order within an example: one uniform for σ_1
   * (σ_1 = +1 iff u &lt; 1/2), one uniform per transition (stay iff u &lt; p_stay), then N_f
   * normals per chain token t = 1..states in token order, through one {@link NormalSampler}.
   *
   * @param rng referenced and advanced (by {@code count} splits)
   */
  Sample sample(int count, SplittableRandom rng) {
    int chain = config.states();
    int tokens = config.tokens();
    int n0 = config.tokenDim();
    double[] data = new double[count * tokens * n0];
    double[] y = new double[count];
    byte[] states = new byte[count * chain];
    SplittableRandom[] streams = new SplittableRandom[count];
    for (int mu = 0; mu < count; mu++) streams[mu] = rng.split();
    IntStream.range(0, count).parallel()
        .forEach(mu -> example(mu, count, new NormalSampler(streams[mu]), data, y, states));
    return new Sample(new Sequences(count, tokens, n0, data), y, states);
  }

  /** Example μ into its slices of data, y and states (disjoint per μ, so thread-safe). */
  private void example(int mu, int count, NormalSampler normal, double[] data, double[] y,
      byte[] states) {
    int chain = config.states();
    int tokens = config.tokens();
    int nf = config.featureDim();
    int n0 = config.tokenDim();
    double cPerp = config.noisePerp() - config.noiseOop();
    double cPar = config.noisePar() - config.noiseOop();
    double sOop = config.noiseOop();
    boolean plus = mu < count / 2;
    y[mu] = plus ? 1.0 : -1.0;
    double pStay = plus ? config.pStayPlus() : config.pStayMinus();
    int sOff = mu * chain;
    states[sOff] = (byte) (normal.nextUniform() < 0.5 ? 1 : -1);
    for (int t = 1; t < chain; t++) {
      byte prev = states[sOff + t - 1];
      states[sOff + t] = normal.nextUniform() < pStay ? prev : (byte) -prev;
    }
    int xOff = mu * tokens * n0;
    data[xOff + nf] = 1.0;                        // BOS: zero features, no noise, e_0
    // Equal strengths (the default, s = 1): the corrections vanish, f = v + s_oop z exactly as
    // the general formula evaluates it (adding 0·a·e = ±0 to a sum that is never −0 changes no
    // bit), so the two projections are skipped.
    boolean isotropic = cPerp == 0.0 && cPar == 0.0;
    double[] ep = ePerp;                          // locals: C1 reloads fields inside loops
    double[] eq = ePar;
    for (int t = 1; t < tokens; t++) {
      int row = xOff + t * n0;
      double[] v = states[sOff + t - 1] > 0 ? vPlus : vMinus;
      normal.fill(data, row, row + nf);            // z, in place
      if (isotropic) {
        for (int i = 0; i < nf; i++) data[row + i] = v[i] + sOop * data[row + i];
      } else {
        double a = 0.0;
        double b = 0.0;
        for (int i = 0; i < nf; i++) {
          a += ep[i] * data[row + i];
          b += eq[i] * data[row + i];
        }
        double ca = cPerp * a;
        double cb = cPar * b;
        for (int i = 0; i < nf; i++) {
          data[row + i] = v[i] + sOop * data[row + i] + ca * ep[i] + cb * eq[i];
        }
      }
      data[row + nf + t] = 1.0;                   // one-hot position e_t
    }
  }

  double[] vPlus() {
    return vPlus.clone();
  }

  double[] vMinus() {
    return vMinus.clone();
  }

  double[] ePerp() {
    return ePerp.clone();
  }

  double[] ePar() {
    return ePar.clone();
  }
}
