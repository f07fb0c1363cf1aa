package org.attnpaths.theory.model;

/**
 * One fixed attention head: a score and the normalisation over keys (spec §2.2).
 *
 * @param name label (e.g. {@code same_token}, {@code blank}, {@code qk})
 */
public record AttentionHead(String name, AttentionScore score, Normalisation normalisation) {

  public AttentionHead {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("head name: expected text");
    if (score == null) throw new IllegalArgumentException("head " + name + ": expected a score");
    if (normalisation == null) normalisation = Normalisation.SOFTMAX;
  }

  public static AttentionHead softmax(String name, AttentionScore score) {
    return new AttentionHead(name, score, Normalisation.SOFTMAX);
  }

  /**
   * Attention matrix Ω_st of one sequence, column-stochastic over keys s.
   *
   * @param x tokens × N0 row-major at {@code offset}; not modified
   * @param out T×T row-major, out[s·T + t] = Ω_st; overwritten
   */
  public void attention(double[] x, int offset, int tokens, double[] out) {
    score.scores(x, offset, tokens, out);
    normalise(out, tokens, normalisation);
  }

  /** Normalises every column t of a T×T score matrix over s, in place. */
  public static void normalise(double[] s, int tokens, Normalisation normalisation) {
    normalise(s, tokens, tokens, normalisation);
  }

  /**
   * Normalises every column of a tokens × columns score matrix (row-major, rows = keys s) over
   * s, in place.
   */
  public static void normalise(double[] s, int tokens, int columns, Normalisation normalisation) {
    normalise(s, 0, tokens, columns, normalisation);
  }

  /**
   * Normalises every column of the tokens × columns score matrix (row-major, rows = keys s)
   * that starts at {@code offset} in s, over s, in place.
   */
  public static void normalise(double[] s, int offset, int tokens, int columns,
      Normalisation normalisation) {
    int stride = columns;
    for (int t = offset; t < offset + columns; t++) {
      double max = Double.NEGATIVE_INFINITY;
      int arg = 0;
      for (int k = 0; k < tokens; k++) {
        double v = s[k * stride + t];
        if (v > max) {
          max = v;
          arg = k;
        }
      }
      if (normalisation == Normalisation.HARDMAX) {
        for (int k = 0; k < tokens; k++) s[k * stride + t] = k == arg ? 1.0 : 0.0;
        continue;
      }
      // Subtract the column maximum: Markov scores reach ±O(100) with β = 10 (spec §2.2).
      double sum = 0.0;
      for (int k = 0; k < tokens; k++) {
        double e = Math.exp(s[k * stride + t] - max);
        s[k * stride + t] = e;
        sum += e;
      }
      double inv = 1.0 / sum;
      for (int k = 0; k < tokens; k++) s[k * stride + t] *= inv;
    }
  }
}
