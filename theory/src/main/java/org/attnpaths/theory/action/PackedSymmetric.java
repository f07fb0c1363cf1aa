package org.attnpaths.theory.action;

import java.util.ArrayList;
import java.util.List;
import org.attnpaths.theory.model.Architecture;
import org.ejml.data.DMatrixRMaj;

/**
 * The free parameters of the saddle point: the upper-triangular entries (i ≤ j, row-major) of
 * U_1, then U_2, …, U_L (spec §12: pack symmetric matrices, so the Hessian has no spurious
 * antisymmetric directions). Σ_ℓ D_ℓ(D_ℓ+1)/2 values: 13 for the 4-path Markov net.
 */
public final class PackedSymmetric {
  private final int[] sizes; // D_1..D_L
  private final int[] offsets;
  private final int length;

  public PackedSymmetric(Architecture arch) {
    int layers = arch.layers();
    sizes = new int[layers];
    offsets = new int[layers];
    int n = 0;
    for (int l = 1; l <= layers; l++) {
      sizes[l - 1] = arch.orderParameterSize(l);
      offsets[l - 1] = n;
      n += sizes[l - 1] * (sizes[l - 1] + 1) / 2;
    }
    length = n;
  }

  /** Number of packed parameters. */
  public int length() {
    return length;
  }

  /** D_ℓ. */
  public int size(int layer) {
    return sizes[layer - 1];
  }

  /** Offset of U_ℓ's block in the packed vector. */
  public int offset(int layer) {
    return offsets[layer - 1];
  }

  /** Fresh zero matrices U_1..U_L. */
  public List<DMatrixRMaj> zeros() {
    List<DMatrixRMaj> u = new ArrayList<>();
    for (int d : sizes) u.add(new DMatrixRMaj(d, d));
    return u;
  }

  /** θ ← upper triangles of u. */
  public void pack(List<DMatrixRMaj> u, double[] theta) {
    for (int l = 0; l < sizes.length; l++) {
      int d = sizes[l];
      int k = offsets[l];
      DMatrixRMaj m = u.get(l);
      for (int i = 0; i < d; i++) {
        for (int j = i; j < d; j++) theta[k++] = m.get(i, j);
      }
    }
  }

  /** u ← symmetric matrices from θ (u pre-shaped, overwritten). */
  public void unpack(double[] theta, List<DMatrixRMaj> u) {
    for (int l = 0; l < sizes.length; l++) {
      int d = sizes[l];
      int k = offsets[l];
      DMatrixRMaj m = u.get(l);
      m.reshape(d, d);
      for (int i = 0; i < d; i++) {
        for (int j = i; j < d; j++) {
          m.set(i, j, theta[k]);
          m.set(j, i, theta[k]);
          k++;
        }
      }
    }
  }

  /**
   * ∂S/∂θ from the symmetric gradients G_ℓ (dS = Σ_ij G_ij dU_ij): G_ii on the diagonal and
   * G_ij + G_ji = 2 G_ij off it, since θ_ij moves both U_ij and U_ji.
   */
  public void packGradient(List<DMatrixRMaj> g, double[] out) {
    for (int l = 0; l < sizes.length; l++) {
      int d = sizes[l];
      int k = offsets[l];
      DMatrixRMaj m = g.get(l);
      for (int i = 0; i < d; i++) {
        for (int j = i; j < d; j++) out[k++] = i == j ? m.get(i, i) : m.get(i, j) + m.get(j, i);
      }
    }
  }

  /** max |G_ij| over all entries of all G_ℓ: the reference's convergence measure (spec §6). */
  public static double maxAbs(List<DMatrixRMaj> g) {
    double m = 0.0;
    for (DMatrixRMaj x : g) {
      for (int i = 0; i < x.getNumElements(); i++) m = Math.max(m, Math.abs(x.data[i]));
    }
    return m;
  }
}
