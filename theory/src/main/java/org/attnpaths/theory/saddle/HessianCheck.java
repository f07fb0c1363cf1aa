package org.attnpaths.theory.saddle;

import java.util.List;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.action.Action;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Second-order check of a solution (spec §6 item 9): the smallest eigenvalue of the Hessian of
 * S/N_max w.r.t. the packed parameters; &gt; 0 means a strict local minimum.
 */
final class HessianCheck {
  private HessianCheck() {}

  /** Through the action's backend: LAPACK dsyevd on native (146×146: ~2 ms, EJML's QR ~15). */
  static double smallestEigenvalue(Action action, List<DMatrixRMaj> u) {
    DMatrixRMaj h = action.hessian(u);
    CommonOps_DDRM.scale(1.0 / action.architecture().maxWidth(), h);
    return smallestEigenvalue(h, action.backend());
  }

  static double smallestEigenvalue(DMatrixRMaj symmetric) {
    return smallestEigenvalue(symmetric, EjmlBackend.INSTANCE);
  }

  /** NaN when the matrix has a non-finite entry or the eigensolver fails. */
  static double smallestEigenvalue(DMatrixRMaj symmetric, LinearAlgebraBackend backend) {
    for (int i = 0; i < symmetric.getNumElements(); i++) {
      if (!Double.isFinite(symmetric.data[i])) return Double.NaN;
    }
    try {
      return backend.eigen(symmetric, false).smallest();
    } catch (ArithmeticException e) {
      return Double.NaN;
    }
  }
}
