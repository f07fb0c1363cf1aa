package org.attnpaths.theory.kernel;

import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.path.PathFeatures;
import org.ejml.data.DMatrixRMaj;

/**
 * Stores C^{ab} = Ξ_a Ξ_bᵀ for a ≤ b (Π(Π+1)/2 blocks of P×P, spec §6 option (a)); assembling K
 * and the gradient are then O(Π² P²) dot products. Chosen when the blocks are small.
 */
public final class PrecomputedPathKernels implements PathKernels {
  private final PathFeatures features;
  private final LinearAlgebraBackend backend;
  private final int paths;
  private final int p;
  private final DMatrixRMaj[] blocks; // index of (a, b), a ≤ b, in row-major upper order
  private final DMatrixRMaj inverse;

  PrecomputedPathKernels(PathFeatures features, LinearAlgebraBackend backend) {
    this.features = features;
    this.backend = backend;
    this.paths = features.paths();
    this.p = features.examples();
    DMatrixRMaj[] perPath = new DMatrixRMaj[paths];
    for (int a = 0; a < paths; a++) perPath[a] = features.path(a);
    blocks = new DMatrixRMaj[paths * (paths + 1) / 2];
    for (int a = 0; a < paths; a++) {
      for (int b = a; b < paths; b++) {
        DMatrixRMaj c = new DMatrixRMaj(p, p);
        backend.gemm(1.0, perPath[a], false, perPath[b], true, 0.0, c);   // C^{ab} = Ξ_a Ξ_bᵀ
        blocks[block(a, b)] = c;
      }
    }
    inverse = new DMatrixRMaj(p, p);
  }

  private int block(int a, int b) {
    return a * paths - a * (a - 1) / 2 + (b - a);
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

  /** C^{ab} (a ≤ b); shared, do not modify. */
  public DMatrixRMaj kernel(int a, int b) {
    if (a > b) throw new IllegalArgumentException("kernel block: expected a <= b, got " + a + " > " + b);
    return blocks[block(a, b)];
  }

  @Override
  public void assemble(DMatrixRMaj u1, DMatrixRMaj k) {
    double[] kd = k.data;
    java.util.Arrays.fill(kd, 0, p * p, 0.0);
    for (int a = 0; a < paths; a++) {
      double[] c = blocks[block(a, a)].data;
      double w = u1.get(a, a);
      for (int i = 0; i < p * p; i++) kd[i] += w * c[i];
      for (int b = a + 1; b < paths; b++) {
        // U^{ab} C^{ab} + U^{ba} C^{ba}, with C^{ba} = (C^{ab})ᵀ (spec §3.3)
        double wab = 0.5 * (u1.get(a, b) + u1.get(b, a));
        double[] cab = blocks[block(a, b)].data;
        for (int i = 0; i < p; i++) {
          int row = i * p;
          for (int j = 0; j < p; j++) kd[row + j] += wab * (cab[row + j] + cab[j * p + i]);
        }
      }
    }
  }

  @Override
  public void energyGradient(DMatrixRMaj factor, double[] r, DMatrixRMaj g) {
    // Tr(A C) needs every entry of A = (K+TI)⁻¹: one inverse from the Cholesky factor replaces
    // Π(Π+1)/2 solves with P right-hand sides each.
    backend.choleskyInverse(factor, inverse);
    double[] m = inverse.data;
    for (int i = 0; i < p; i++) {
      int row = i * p;
      for (int j = 0; j < p; j++) m[row + j] -= r[i] * r[j];   // A − r rᵀ
    }
    for (int a = 0; a < paths; a++) {
      for (int b = a; b < paths; b++) {
        double[] c = blocks[block(a, b)].data;
        double acc = 0.0;
        for (int i = 0; i < p * p; i++) acc += m[i] * c[i];
        g.set(a, b, acc);
        g.set(b, a, acc);
      }
    }
  }
}
