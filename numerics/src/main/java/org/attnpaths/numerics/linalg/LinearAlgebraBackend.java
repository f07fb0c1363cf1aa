package org.attnpaths.numerics.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The dense float64 operations the theory needs, on row-major {@link DMatrixRMaj} values.
 * Implementations: {@link EjmlBackend} (pure Java, always available) and {@code NativeBackend}
 * (system BLAS/LAPACK through dev.ludovic.netlib). Choose one with {@link LinearAlgebraBackends}.
 *
 * <p>Implementations are stateless and thread-safe. Outputs must be pre-shaped by the caller
 * unless stated; inputs are not modified unless stated.
 */
public interface LinearAlgebraBackend {

  /** Short name recorded in provenance, e.g. {@code ejml} or {@code native}. */
  String name();

  /** Longer description for provenance (library and implementation class). */
  String description();

  /**
   * c = alpha · op(a) · op(b) + beta · c, op(x) = x or xᵀ.
   *
   * @param c modified; must already have the result shape and must not alias a or b
   */
  void gemm(double alpha, DMatrixRMaj a, boolean transA, DMatrixRMaj b, boolean transB,
      double beta, DMatrixRMaj c);

  /**
   * A batch of small products C_i = alpha · op(A_i) · op(B_i) + beta · C_i for i in [from, to),
   * each operand the i-th matrix of a {@link MatrixBatch} (per-example slices used in place). For
   * the many per-example products of attention and path features (spec §12); callers split the
   * range over threads. With beta = 0, C's previous contents are ignored.
   *
   * @param c modified in the range; its matrices must not overlap each other nor a's or b's
   * @throws IllegalArgumentException if the shapes do not match or a range leaves its array
   */
  void gemmBatch(double alpha, MatrixBatch a, boolean transA, MatrixBatch b, boolean transB,
      double beta, MatrixBatch c, int from, int to);

  /**
   * Matrix-vector product y = alpha · op(a) · x + beta · y, op(a) = a or aᵀ: one pass over a
   * (memory-bound for large a). With beta = 0, y's previous contents are ignored.
   *
   * @param x length op(a).numCols, not modified
   * @param y length op(a).numRows, modified; must not alias x or a's data
   */
  void gemv(double alpha, DMatrixRMaj a, boolean transA, double[] x, double beta, double[] y);

  /**
   * Symmetric rank-k update c = alpha · op(a) · op(a)ᵀ + beta · c with op(a) = a (c = a aᵀ) or
   * aᵀ (c = aᵀ a); half the work of the equivalent {@link #gemm}. The full symmetric c is
   * written.
   *
   * @param c modified; must already have the result shape and must not alias a
   */
  void syrk(double alpha, DMatrixRMaj a, boolean transA, double beta, DMatrixRMaj c);

  /**
   * In-place lower Cholesky factorisation a = L·Lᵀ of a symmetric positive-definite matrix
   * (only the lower triangle of a is read). On success a holds L with its strict upper triangle
   * set to zero.
   *
   * @param a modified
   * @return false if a is not (numerically) positive definite; a is then undefined
   */
  boolean cholesky(DMatrixRMaj a);

  /**
   * Solves (L·Lᵀ)·X = B in place.
   *
   * @param l lower Cholesky factor from {@link #cholesky}, not modified
   * @param b n×k right-hand sides, overwritten with X
   */
  void choleskySolve(DMatrixRMaj l, DMatrixRMaj b);

  /**
   * Solves L·X = B in place (forward substitution).
   *
   * @param l lower-triangular n×n, not modified
   * @param b n×k, overwritten with X
   */
  void lowerSolve(DMatrixRMaj l, DMatrixRMaj b);

  /**
   * (L·Lᵀ)⁻¹ from the Cholesky factor, written as a full symmetric matrix. Used only where a
   * trace against many matrices needs every entry of the inverse (∂ ln det K / ∂K = K⁻¹).
   *
   * @param l lower Cholesky factor, not modified
   * @param out n×n, overwritten
   */
  void choleskyInverse(DMatrixRMaj l, DMatrixRMaj out);

  /**
   * The lower triangle (row-major, j ≤ i) of (L·Lᵀ)⁻¹, as {@link #choleskyInverse} computes it
   * but without mirroring it onto the upper triangle, which is left undefined: for contractions
   * with symmetric matrices stored as lower triangles (the precomputed kernel blocks), where the
   * mirror is a cache-unfriendly pass of its own.
   *
   * @param l lower Cholesky factor, not modified
   * @param out n×n, its lower triangle overwritten
   */
  void choleskyInverseLower(DMatrixRMaj l, DMatrixRMaj out);

  /**
   * Eigen-decomposition of a symmetric matrix.
   *
   * @param a symmetric n×n, not modified
   * @param vectors whether to compute eigenvectors
   * @return eigenvalues in ascending order, eigenvectors as columns (null when not requested)
   */
  SymmetricEigen eigen(DMatrixRMaj a, boolean vectors);
}
