package org.attnpaths.numerics.linalg;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/** Seeded test matrices and the comparisons the linear-algebra tests share. */
final class RandomMatrices {
  private RandomMatrices() {}

  /** rows×cols with entries uniform in [−1, 1). */
  static DMatrixRMaj uniform(int rows, int cols, SplittableRandom rng) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < rows * cols; i++) m.data[i] = rng.nextDouble(-1.0, 1.0);
    return m;
  }

  /** B·Bᵀ/n + I with B uniform: symmetric positive definite, eigenvalues in about [1, 5]. */
  static DMatrixRMaj spd(int n, SplittableRandom rng) {
    DMatrixRMaj b = uniform(n, n, rng);
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransB(1.0 / Math.max(1, n), b, b, a);
    for (int i = 0; i < n; i++) a.data[i * n + i] += 1.0;
    symmetrise(a);
    return a;
  }

  /** Q·diag(values)·Qᵀ with Q a random orthogonal matrix, symmetrised exactly. */
  static DMatrixRMaj withSpectrum(double[] values, SplittableRandom rng) {
    int n = values.length;
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
    if (!qr.decompose(uniform(n, n, rng))) throw new AssertionError("QR failed");
    DMatrixRMaj q = qr.getQ(null, false);
    DMatrixRMaj qd = q.copy();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) qd.data[i * n + j] *= values[j];
    }
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransB(qd, q, a);
    symmetrise(a);
    return a;
  }

  static void symmetrise(DMatrixRMaj a) {
    int n = a.numRows;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double v = 0.5 * (a.data[i * n + j] + a.data[j * n + i]);
        a.data[i * n + j] = v;
        a.data[j * n + i] = v;
      }
    }
  }

  /** Plain triple loop: alpha·op(a)·op(b) + beta·c, the oracle for gemm. */
  static DMatrixRMaj gemmOracle(double alpha, DMatrixRMaj a, boolean transA, DMatrixRMaj b,
      boolean transB, double beta, DMatrixRMaj c) {
    DMatrixRMaj opA = transA ? CommonOps_DDRM.transpose(a, null) : a;
    DMatrixRMaj opB = transB ? CommonOps_DDRM.transpose(b, null) : b;
    int m = opA.numRows;
    int k = opA.numCols;
    int n = opB.numCols;
    DMatrixRMaj out = new DMatrixRMaj(m, n);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0.0;
        for (int p = 0; p < k; p++) s += opA.get(i, p) * opB.get(p, j);
        out.set(i, j, alpha * s + (beta == 0.0 ? 0.0 : beta * c.get(i, j)));
      }
    }
    return out;
  }

  /** max |a − b| over the shared shape; the shapes must match. */
  static double maxAbsDiff(DMatrixRMaj a, DMatrixRMaj b) {
    if (a.numRows != b.numRows || a.numCols != b.numCols) {
      throw new AssertionError("shapes differ: " + a.numRows + "×" + a.numCols + " vs "
          + b.numRows + "×" + b.numCols);
    }
    double d = 0.0;
    for (int i = 0; i < a.numRows * a.numCols; i++) d = Math.max(d, Math.abs(a.data[i] - b.data[i]));
    return d;
  }

  static double maxAbs(DMatrixRMaj a) {
    double d = 0.0;
    for (int i = 0; i < a.numRows * a.numCols; i++) d = Math.max(d, Math.abs(a.data[i]));
    return d;
  }

  /** max |a − b| / max(max |b|, tiny): relative difference against the reference b. */
  static double relativeDiff(DMatrixRMaj a, DMatrixRMaj reference) {
    return maxAbsDiff(a, reference) / Math.max(maxAbs(reference), Double.MIN_NORMAL);
  }
}
