package org.attnpaths.theory.model;

/**
 * Fixed attention scores S_st of one head computed from the input tokens (spec §2.2); s is the
 * key token, t the query token.
 */
public sealed interface AttentionScore permits BilinearScore, QueryKeyScore {

  /** Token dimension N0 the score expects. */
  int tokenDim();

  /**
   * Scores for one sequence.
   *
   * @param x tokens × N0 row-major, starting at {@code offset}; not modified
   * @param tokens T_tok
   * @param out T_tok × T_tok row-major with out[s·T + t] = S_st; overwritten
   */
  void scores(double[] x, int offset, int tokens, double[] out);
}
