package org.attnpaths.theory.model;

import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.ejml.data.DMatrixRMaj;

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

  /**
   * Key features of many tokens at once, so that S_st = scale · keys(x_s)·queries(x_t). Batched
   * through the backend because this is the costly part of attention (spec §12).
   *
   * @param x n × N0 tokens (rows), not modified
   * @return n × G (may return {@code x} itself when the key map is the identity)
   */
  DMatrixRMaj keys(DMatrixRMaj x, LinearAlgebraBackend backend);

  /** Query features, n × N0 → n × G. */
  DMatrixRMaj queries(DMatrixRMaj x, LinearAlgebraBackend backend);

  /**
   * Query features of {@code rows} tokens in place: x[offset ..] holds rows × N0 (row-major),
   * out[0 .. rows·G) receives rows × G. Lets attention be computed a chunk of examples at a time
   * into one reused buffer instead of a full-size query matrix (a fresh 57 MB array for the
   * Markov test set, whose first touch alone costs tens of milliseconds).
   */
  void queries(double[] x, int offset, int rows, LinearAlgebraBackend backend, double[] out);

  /** Key features of {@code rows} tokens in place, like {@link #queries(double[], int, int, LinearAlgebraBackend, double[])}. */
  void keys(double[] x, int offset, int rows, LinearAlgebraBackend backend, double[] out);

  /** Whether the keys are the tokens themselves (dense W-style scores): no key product needed. */
  boolean keysAreTokens();

  /** G, the number of columns of the keys and queries. */
  int featureDim();

  /** Factor multiplying keys·queries (1 for W-style, 1/√G for QK-style). */
  double scale();
}
