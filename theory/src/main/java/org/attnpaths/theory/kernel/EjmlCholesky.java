package org.attnpaths.theory.kernel;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/** Cholesky of the small Π×Π order parameter (EJML directly; Π ≤ a few dozen). */
final class EjmlCholesky {
  private EjmlCholesky() {}

  /**
   * Overwrites u with the upper factor R = Lᵀ of u = L Lᵀ (strict lower part zeroed).
   *
   * @return false if u is not positive definite (u is then undefined)
   */
  static boolean upperFactor(DMatrixRMaj u) {
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(u.numRows, true);
    if (!chol.decompose(u.copy())) return false;
    DMatrixRMaj l = chol.getT(null);
    int n = u.numRows;
    for (int i = 0; i < n; i++) {
      if (!(l.get(i, i) > 0.0)) return false;
      for (int j = 0; j < n; j++) u.set(i, j, j >= i ? l.get(j, i) : 0.0);
    }
    return true;
  }
}
