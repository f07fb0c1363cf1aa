package org.attnpaths.theory.kernel;

import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.path.PathFeatures;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Stores the path kernels (spec §6 option (a)) as one matrix S of Π(Π+1)/2 rows, one per packed
 * pair a ≤ b, each row the lower triangle (row-major, j ≤ i) of S^{ab} = C^{ab} + C^{ba} for
 * a &lt; b and of C^{aa} on the diagonal. Then, for symmetric U,
 *
 * <pre>  vech(K_U) = Sᵀ u,  u_p = U_ab            (spec §3.4)
 *   G_E^{ab} = (S m)_p / (a &lt; b ? 2 : 1),  m = vech(A − r rᵀ) with off-diagonal entries doubled</pre>
 *
 * two matrix-vector products over contiguous memory (memory-bound: Π(Π+1)/2 · P(P+1)/2 doubles
 * are streamed per product). Chosen when the blocks are small.
 */
public final class PrecomputedPathKernels implements PathKernels {
  private final PathFeatures features;
  private final LinearAlgebraBackend backend;
  private final int paths;
  private final int p;
  private final int packedPairs;
  private final int packedSize;
  private final DMatrixRMaj blocks;
  private final DMatrixRMaj weights;
  private final DMatrixRMaj vech;
  private final DMatrixRMaj inverse;

  PrecomputedPathKernels(PathFeatures features, LinearAlgebraBackend backend) {
    this.features = features;
    this.backend = backend;
    this.paths = features.paths();
    this.p = features.examples();
    this.packedPairs = paths * (paths + 1) / 2;
    this.packedSize = p * (p + 1) / 2;
    DMatrixRMaj[] perPath = new DMatrixRMaj[paths];
    for (int a = 0; a < paths; a++) perPath[a] = features.path(a);
    blocks = new DMatrixRMaj(packedPairs, packedSize);
    DMatrixRMaj c = new DMatrixRMaj(p, p);
    for (int a = 0, row = 0; a < paths; a++) {
      for (int b = a; b < paths; b++, row++) {
        backend.gemm(1.0, perPath[a], false, perPath[b], true, 0.0, c);   // C^{ab} = Ξ_a Ξ_bᵀ
        int k = row * packedSize;
        for (int i = 0; i < p; i++) {
          for (int j = 0; j <= i; j++) {
            blocks.data[k++] = a == b ? c.data[i * p + j] : c.data[i * p + j] + c.data[j * p + i];
          }
        }
      }
    }
    weights = new DMatrixRMaj(1, packedPairs);
    vech = new DMatrixRMaj(1, packedSize);
    inverse = new DMatrixRMaj(p, p);
  }

  @Override
  public int paths() {
    return paths;
  }

  @Override
  public int examples() {
    return p;
  }

  @Override
  public PathFeatures features() {
    return features;
  }

  @Override
  public void assemble(DMatrixRMaj u1, DMatrixRMaj k) {
    assembleLower(u1, k);
    CommonOps_DDRM.symmLowerToFull(k);
  }

  @Override
  public void assembleLower(DMatrixRMaj u1, DMatrixRMaj k) {
    for (int a = 0, q = 0; a < paths; a++) {
      for (int b = a; b < paths; b++, q++) {
        weights.data[q] = a == b ? u1.get(a, a) : 0.5 * (u1.get(a, b) + u1.get(b, a));
      }
    }
    backend.gemv(1.0, blocks, true, weights.data, 0.0, vech.data);   // vech K = Sᵀ u
    double[] kd = k.data;
    for (int i = 0, q = 0; i < p; i++) {
      System.arraycopy(vech.data, q, kd, i * p, i + 1);                // row i, j ≤ i
      q += i + 1;
    }
  }

  @Override
  public void energyGradient(DMatrixRMaj factor, double[] r, DMatrixRMaj g) {
    // Tr(A C) needs every entry of A = (K+TI)⁻¹: one inverse from the Cholesky factor replaces
    // Π(Π+1)/2 solves with P right-hand sides each. The blocks are lower triangles, and so is m.
    backend.choleskyInverseLower(factor, inverse);
    double[] m = inverse.data;
    for (int i = 0, q = 0; i < p; i++) {
      for (int j = 0; j <= i; j++, q++) {
        double v = m[i * p + j] - r[i] * r[j];                     // A − r rᵀ
        vech.data[q] = i == j ? v : 2.0 * v;
      }
    }
    backend.gemv(1.0, blocks, false, vech.data, 0.0, weights.data);    // S m
    for (int a = 0, q = 0; a < paths; a++) {
      for (int b = a; b < paths; b++, q++) {
        double v = a == b ? weights.data[q] : 0.5 * weights.data[q];
        g.set(a, b, v);
        g.set(b, a, v);
      }
    }
  }
}
