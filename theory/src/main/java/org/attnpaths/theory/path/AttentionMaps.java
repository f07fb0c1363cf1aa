package org.attnpaths.theory.path;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
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

  private AttentionMaps(Attention attention, Readout readout, Sequences x,
      List<List<double[]>> inner, List<double[]> readoutColumns) {
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
    return new AttentionMaps(attention, readout, x, List.copyOf(inner), List.copyOf(columns));
  }

  /** Ω for every example: S = keys·queriesᵀ·scale per sequence, then columns normalised. */
  private static double[] fullMatrices(AttentionHead head, DMatrixRMaj all, Sequences x,
      LinearAlgebraBackend backend) {
    AttentionScore score = head.score();
    DMatrixRMaj keys = score.keys(all, backend);
    DMatrixRMaj queries = score.queries(all, backend);
    int t = x.tokens();
    int g = keys.numCols;
    double scale = score.scale();
    double[] out = new double[x.count() * t * t];
    // Examples are independent: split them over the cores, one scratch set per task.
    IntStream.range(0, x.count()).parallel().forEach(new java.util.function.IntConsumer() {
      private final ThreadLocal<DMatrixRMaj[]> scratch = ThreadLocal.withInitial(() ->
          new DMatrixRMaj[] {new DMatrixRMaj(t, g), new DMatrixRMaj(t, g), new DMatrixRMaj(t, t)});

      @Override
      public void accept(int mu) {
        DMatrixRMaj[] w = scratch.get();
        System.arraycopy(keys.data, mu * t * g, w[0].data, 0, t * g);
        System.arraycopy(queries.data, mu * t * g, w[1].data, 0, t * g);
        backend.gemm(scale, w[0], false, w[1], true, 0.0, w[2]);     // S_st = scale · k_s·q_t
        AttentionHead.normalise(w[2].data, t, head.normalisation());
        System.arraycopy(w[2].data, 0, out, mu * t * t, t * t);
      }
    });
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
    double scale = score.scale();
    double[] out = new double[x.count() * t];
    double[] k = keys.data;
    double[] q = queries.data;
    // Examples are independent: split them over the cores (each writes its own column).
    IntStream.range(0, x.count()).parallel().forEach(mu -> {
      double[] col = new double[t];
      int qs = mu * g;
      for (int s = 0; s < t; s++) {
        double acc = 0.0;
        int ks = (mu * t + s) * g;
        for (int a = 0; a < g; a++) acc += k[ks + a] * q[qs + a];
        col[s] = scale * acc;
      }
      AttentionHead.normalise(col, t, 1, head.normalisation());
      System.arraycopy(col, 0, out, mu * t, t);
    });
    return out;
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
