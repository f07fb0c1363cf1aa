package org.attnpaths.theory.pruning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.attnpaths.theory.path.PathIndex;
import org.ejml.data.DMatrixRMaj;

/**
 * Head scores from the order parameter U_1 (spec §10, reference {@code compute_heads_score}): the
 * total |U_1^{ππ'}| of every path pair that touches head (ℓ,h),
 *
 * <pre>  raw(ℓ,h) = Σ_{π_ℓ = h or π'_ℓ = h} |U_1^{ππ'}|
 *           = Σ_{π_ℓ = h} Σ_π' |U^{ππ'}| + Σ_{π'_ℓ = h} Σ_π |U^{ππ'}| − Σ_{π_ℓ = π'_ℓ = h} |U^{ππ'}|,</pre>
 *
 * normalised by the largest raw score; with the diagonal part Σ_{π_ℓ = h} |U^{ππ}|. Arrays are in
 * architecture order ({@link Head#all}).
 *
 * @param heads every head, architecture order
 * @param raw raw scores
 * @param normalised raw / max raw (NaN for all heads if every raw score is 0)
 * @param diagonal the diagonal parts
 */
public record HeadScores(List<Head> heads, double[] raw, double[] normalised, double[] diagonal) {

  public HeadScores {
    heads = List.copyOf(heads);
    raw = raw.clone();
    normalised = normalised.clone();
    diagonal = diagonal.clone();
  }

  /**
   * @param u1 Π×Π (need not be symmetric), not modified
   * @param index the network's path index (head counts)
   */
  public static HeadScores of(DMatrixRMaj u1, PathIndex index) {
    int paths = index.count();
    if (u1.numRows != paths || u1.numCols != paths) {
      throw new IllegalArgumentException("U_1: expected " + paths + "×" + paths + " for heads "
          + index.heads() + ", got " + u1.numRows + "×" + u1.numCols);
    }
    double[] rowSum = new double[paths];
    double[] colSum = new double[paths];
    for (int p = 0; p < paths; p++) {
      for (int q = 0; q < paths; q++) {
        double a = Math.abs(u1.get(p, q));
        rowSum[p] += a;
        colSum[q] += a;
      }
    }
    List<Head> heads = Head.all(index.heads());
    double[] raw = new double[heads.size()];
    double[] diagonal = new double[heads.size()];
    double max = 0.0;
    for (int k = 0; k < heads.size(); k++) {
      Head h = heads.get(k);
      double rows = 0.0;
      double cols = 0.0;
      double both = 0.0;
      double diag = 0.0;
      for (int p = 0; p < paths; p++) {
        if (index.head(p, h.layer()) != h.index()) continue;
        rows += rowSum[p];
        cols += colSum[p];
        diag += Math.abs(u1.get(p, p));
        for (int q = 0; q < paths; q++) {
          if (index.head(q, h.layer()) == h.index()) both += Math.abs(u1.get(p, q));
        }
      }
      raw[k] = rows + cols - both;
      diagonal[k] = diag;
      max = Math.max(max, raw[k]);
    }
    double[] normalised = new double[raw.length];
    for (int k = 0; k < raw.length; k++) normalised[k] = max > 0.0 ? raw[k] / max : Double.NaN;
    return new HeadScores(heads, raw, normalised, diagonal);
  }

  @Override
  public double[] raw() {
    return raw.clone();
  }

  @Override
  public double[] normalised() {
    return normalised.clone();
  }

  @Override
  public double[] diagonal() {
    return diagonal.clone();
  }

  /** The normalised score of a head. */
  public double score(Head h) {
    int k = heads.indexOf(h);
    if (k < 0) throw new IllegalArgumentException("head " + h.label() + ": not in " + heads);
    return normalised[k];
  }

  /** Heads by increasing score (spec §10); equal scores keep architecture order. */
  public List<Head> increasing() {
    List<Head> order = new ArrayList<>(heads);
    order.sort(Comparator.comparingDouble(h -> raw[heads.indexOf(h)]));
    return List.copyOf(order);
  }

  /** Heads by decreasing score; equal scores keep architecture order. */
  public List<Head> decreasing() {
    List<Head> order = new ArrayList<>(heads);
    order.sort(Comparator.comparingDouble(h -> -raw[heads.indexOf(h)]));
    return List.copyOf(order);
  }
}
