package org.attnpaths.theory.predictor;

import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.linalg.SymmetricEigen;
import org.attnpaths.theory.path.PathFeatures;
import org.ejml.data.DMatrixRMaj;

/** Computes {@link KernelAlignment} of K_U on the training set (spec §7). */
public final class KernelAlignments {
  private KernelAlignments() {}

  /**
   * @param components how many leading principal components to report (30 Markov, 50 image)
   */
  public static KernelAlignment of(PathFeatures train, DMatrixRMaj u1, double[] y,
      int components, LinearAlgebraBackend backend) {
    int p = train.examples();
    DMatrixRMaj xi = train.matrix();
    DMatrixRMaj r = new DMatrixRMaj(p, xi.numCols);
    PathFeatures.applyOrderParameter(u1, xi, r, backend);
    DMatrixRMaj k = new DMatrixRMaj(p, p);
    backend.gemm(1.0, r, false, xi, true, 0.0, k);     // K_U without T·I
    for (int i = 0; i < p; i++) {
      for (int j = i + 1; j < p; j++) {
        double v = 0.5 * (k.data[i * p + j] + k.data[j * p + i]);
        k.data[i * p + j] = v;
        k.data[j * p + i] = v;
      }
    }
    SymmetricEigen eig = backend.eigen(k, true);
    int n = Math.min(components, p);
    double[] values = new double[n];
    double[] overlaps = new double[n];
    double norm = Math.sqrt(p);
    for (int c = 0; c < n; c++) {
      int col = p - 1 - c;                               // ascending → take from the top
      values[c] = eig.values()[col];
      double dot = 0.0;
      for (int i = 0; i < p; i++) dot += eig.vectors().data[i * p + col] * y[i];
      overlaps[c] = Math.abs(dot) / norm;
    }
    return new KernelAlignment(values, overlaps);
  }
}
