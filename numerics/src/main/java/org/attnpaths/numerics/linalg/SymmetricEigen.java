package org.attnpaths.numerics.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * Eigen-decomposition a = V·diag(values)·Vᵀ of a symmetric matrix.
 *
 * @param values eigenvalues in ascending order
 * @param vectors n×n with the eigenvectors as columns in the same order, or null if not computed
 */
public record SymmetricEigen(double[] values, DMatrixRMaj vectors) {
  public SymmetricEigen {
    values = values.clone();
    for (int i = 1; i < values.length; i++) {
      if (values[i] < values[i - 1]) {
        throw new IllegalArgumentException("eigenvalues: expected ascending order at index " + i);
      }
    }
  }

  public double smallest() {
    return values.length == 0 ? Double.NaN : values[0];
  }
}
