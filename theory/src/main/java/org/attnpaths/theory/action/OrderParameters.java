package org.attnpaths.theory.action;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The chain of order parameters U_a, U_L … U_1 (spec §5.1). {@code u(ℓ)} is the D_ℓ×D_ℓ matrix
 * U_ℓ (D_ℓ = ∏_{k≥ℓ} H_k, index order h_ℓ slowest); U_1 is Π×Π in path order (spec §3.1).
 * Immutable: matrices are copied in and out.
 */
public final class OrderParameters {
  private final double scalar;
  private final List<DMatrixRMaj> layers; // index ℓ−1 holds U_ℓ

  /**
   * @param scalar U_a &gt; 0
   * @param layers U_1 … U_L in this order (index ℓ−1 holds U_ℓ); copied
   */
  public OrderParameters(double scalar, List<DMatrixRMaj> layers) {
    if (!(scalar > 0.0)) throw new IllegalArgumentException("U_a: expected > 0, got " + scalar);
    List<DMatrixRMaj> copy = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      DMatrixRMaj m = layers.get(l);
      if (m.numRows != m.numCols) {
        throw new IllegalArgumentException("U_" + (l + 1) + ": expected square, got " + m.numRows
            + "×" + m.numCols);
      }
      copy.add(m.copy());
    }
    this.scalar = scalar;
    this.layers = List.copyOf(copy);
  }

  /** U_a. */
  public double scalar() {
    return scalar;
  }

  /** Number of layers L. */
  public int layerCount() {
    return layers.size();
  }

  /** A copy of U_ℓ, ℓ = 1..L. */
  public DMatrixRMaj u(int layer) {
    return layers.get(layer - 1).copy();
  }

  /** U_ℓ as nested arrays, ℓ = 1..L. */
  public double[][] asArray(int layer) {
    DMatrixRMaj m = layers.get(layer - 1);
    double[][] a = new double[m.numRows][m.numCols];
    for (int i = 0; i < m.numRows; i++) {
      for (int j = 0; j < m.numCols; j++) a[i][j] = m.get(i, j);
    }
    return a;
  }

  /** The diagonal of U_1 (path amplifications). */
  public double[] pathDiagonal() {
    DMatrixRMaj u1 = layers.get(0);
    double[] d = new double[u1.numRows];
    for (int i = 0; i < d.length; i++) d[i] = u1.get(i, i);
    return d;
  }
}
