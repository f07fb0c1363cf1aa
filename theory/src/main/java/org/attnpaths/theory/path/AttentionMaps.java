package org.attnpaths.theory.path;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.linalg.MatrixBatch;
import org.attnpaths.theory.model.Attention;
import org.attnpaths.theory.model.AttentionHead;
import org.attnpaths.theory.model.AttentionScore;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.model.Sequences;
import org.ejml.data.DMatrixRMaj;

/**
 * Every attention matrix of a data set, computed once (attention never changes, spec §12).
 * Layers ℓ &lt; L keep the full T×T matrices Ω^{(ℓ,h)}(X_μ); the last layer keeps only its
 * readout column v^{(L,h)} = Ω^{(L,h)}_{·,t*} (or the query-averaged column for
 * {@link Readout#AVERAGE}, spec §2.3), which is all the path vectors need (spec §3.2).
 */
public final class AttentionMaps {
  private final Attention attention;
  private final Readout readout;
  private final Sequences x;
  /** inner.get(ℓ−1).get(h): count·T·T values, [μ][s][t]; for ℓ = 1..L−1. */
  private final List<List<double[]>> inner;
  /** readoutColumns.get(h): count·T values, [μ][s]. */
  private final List<double[]> readoutColumns;
  private final LinearAlgebraBackend backend;

  private AttentionMaps(Attention attention, Readout readout, Sequences x,
      List<List<double[]>> inner, List<double[]> readoutColumns, LinearAlgebraBackend backend) {
    this.backend = backend;
    this.attention = attention;
    this.readout = readout;
    this.x = x;
    this.inner = inner;
    this.readoutColumns = readoutColumns;
  }

  /**
   * @param x sequences whose token dimension matches the heads
   * @param backend used for the batched key/query projections (the dominant cost)
   */
  public static AttentionMaps of(Attention attention, Readout readout, Sequences x,
      LinearAlgebraBackend backend) {
    if (x.dim() != attention.tokenDim()) {
      throw new IllegalArgumentException("sequences: expected token dimension N0="
          + attention.tokenDim() + " to match the attention heads, got " + x.dim());
    }
    int layers = attention.layerCount();
    int tokens = x.tokens();
    DMatrixRMaj all = DMatrixRMaj.wrap(x.count() * tokens, x.dim(), x.data());
    List<List<double[]>> inner = new ArrayList<>();
    for (int l = 1; l < layers; l++) {
      List<double[]> heads = new ArrayList<>();
      for (AttentionHead head : attention.layer(l)) heads.add(fullMatrices(head, all, x, backend));
      inner.add(heads);
    }
    List<double[]> columns = new ArrayList<>();
    for (AttentionHead head : attention.layer(layers)) {
      columns.add(readout == Readout.AVERAGE
          ? averagedColumns(fullMatrices(head, all, x, backend), x.count(), tokens)
          : readoutColumns(head, all, x, readout == Readout.LAST ? tokens - 1 : 0, backend));
    }
    return new AttentionMaps(attention, readout, x, List.copyOf(inner), List.copyOf(columns),
        backend);
  }

  /** Examples per task when a data set is split over the cores. */
  private static final int CHUNK = 64;
  /** Examples whose queries are computed at once (Markov test set: a 1.8 MB buffer). */
  private static final int QUERY_CHUNK = 32;

  /**
   * Ω for every example: S_μ = scale · K_μ Q_μᵀ per sequence, then columns normalised. Keys and
   * queries are computed a chunk of examples at a time into reused buffers (while the chunk's
   * tokens are in cache; for dense W the keys are the tokens themselves, used in place), each
   * chunk's scores then as a batched product over its per-example slices split over the cores.
   * No full-size key or query matrix is made (57 MB of fresh memory for the Markov test set).
   */
  private static double[] fullMatrices(AttentionHead head, DMatrixRMaj all, Sequences x,
      LinearAlgebraBackend backend) {
    AttentionScore score = head.score();
    int count = x.count();
    int t = x.tokens();
    int g = score.featureDim();
    double[] out = new double[count * t * t];
    int chunk = Math.min(count, QUERY_CHUNK);
    double[] queries = new double[chunk * t * g];
    double[] keys = score.keysAreTokens() ? null : new double[chunk * t * g];
    MatrixBatch q = MatrixBatch.packed(queries, t, g);
    for (int from = 0; from < count; from += QUERY_CHUNK) {
      int n = Math.min(QUERY_CHUNK, count - from);
      score.queries(x.data(), x.offset(from), n * t, backend, queries);
      MatrixBatch k;
      if (keys == null) {
        k = new MatrixBatch(x.data(), x.offset(from), t * g, t, g);
      } else {
        score.keys(x.data(), x.offset(from), n * t, backend, keys);
        k = MatrixBatch.packed(keys, t, g);
      }
      MatrixBatch s = new MatrixBatch(out, from * t * t, t * t, t, t);
      int first = from;
      IntStream.range(0, 2).parallel().forEach(half -> {
        int lo = half == 0 ? 0 : n / 2;
        int hi = half == 0 ? n / 2 : n;
        backend.gemmBatch(score.scale(), k, false, q, true, 0.0, s, lo, hi);  // S_st = k_s·q_t
        for (int i = lo; i < hi; i++) {
          AttentionHead.normalise(out, (first + i) * t * t, t, t, head.normalisation());
        }
      });
    }
    return out;
  }

  /** Only the column t* of the last layer: one query per sequence (spec §2.3). */
  private static double[] readoutColumns(AttentionHead head, DMatrixRMaj all, Sequences x,
      int tStar, LinearAlgebraBackend backend) {
    AttentionScore score = head.score();
    int t = x.tokens();
    int n0 = x.dim();
    DMatrixRMaj starTokens = new DMatrixRMaj(x.count(), n0);
    for (int mu = 0; mu < x.count(); mu++) {
      System.arraycopy(x.data(), (mu * t + tStar) * n0, starTokens.data, mu * n0, n0);
    }
    DMatrixRMaj keys = score.keys(all, backend);
    DMatrixRMaj queries = score.queries(starTokens, backend);
    int g = keys.numCols;
    double[] out = new double[x.count() * t];
    MatrixBatch k = MatrixBatch.packed(keys.data, t, g);
    MatrixBatch q = MatrixBatch.packed(queries.data, g, 1);
    MatrixBatch col = MatrixBatch.packed(out, t, 1);
    // Examples are independent: split them over the cores (each writes its own column).
    chunks(x.count()).forEach(c -> {
      int from = c * CHUNK;
      int to = Math.min(x.count(), from + CHUNK);
      backend.gemmBatch(score.scale(), k, false, q, false, 0.0, col, from, to);  // S_st* = k_s·q
      for (int mu = from; mu < to; mu++) {
        AttentionHead.normalise(out, mu * t, t, 1, head.normalisation());
      }
    });
    return out;
  }

  private static IntStream chunks(int count) {
    return IntStream.range(0, (count + CHUNK - 1) / CHUNK).parallel();
  }

  /** (1/T) Σ_t Ω_st for every example (average pooling, spec §2.3). */
  private static double[] averagedColumns(double[] full, int count, int t) {
    double[] out = new double[count * t];
    for (int mu = 0; mu < count; mu++) {
      for (int s = 0; s < t; s++) {
        double acc = 0.0;
        int row = mu * t * t + s * t;
        for (int q = 0; q < t; q++) acc += full[row + q];
        out[mu * t + s] = acc / t;
      }
    }
    return out;
  }

  public Attention attention() {
    return attention;
  }

  public Readout readout() {
    return readout;
  }

  /** The backend the maps were computed with (path features use it for their products too). */
  public LinearAlgebraBackend backend() {
    return backend;
  }

  public Sequences sequences() {
    return x;
  }

  /** Ω^{(ℓ,h)} of all examples, [μ][s][t], for ℓ = 1..L−1 (shared array: do not modify). */
  public double[] inner(int layer, int head) {
    return inner.get(layer - 1).get(head);
  }

  /** Readout column v^{(L,h)} of all examples, [μ][s] (shared array: do not modify). */
  public double[] readoutColumn(int head) {
    return readoutColumns.get(head);
  }
}
