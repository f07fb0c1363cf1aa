package org.attnpaths.theory.saddle;

import java.util.List;
import org.attnpaths.theory.action.Action;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Second-order check of a solution (spec §6 item 9): the smallest eigenvalue of the Hessian of
 * S/N_max w.r.t. the packed parameters; &gt; 0 means a strict local minimum.
 */
final class HessianCheck {
  private HessianCheck() {}

  static double smallestEigenvalue(Action action, List<DMatrixRMaj> u) {
    DMatrixRMaj h = action.hessian(u);
    CommonOps_DDRM.scale(1.0 / action.architecture().maxWidth(), h);
    return smallestEigenvalue(h);
  }

  static double smallestEigenvalue(DMatrixRMaj symmetric) {
    EigenDecomposition_F64<DMatrixRMaj> eig =
        DecompositionFactory_DDRM.eig(symmetric.numRows, false, true);
    if (!eig.decompose(symmetric.copy())) return Double.NaN;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < symmetric.numRows; i++) min = Math.min(min, eig.getEigenvalue(i).real);
    return min;
  }
}
