package org.attnpaths.theory.action;

import java.util.List;
import org.attnpaths.theory.model.Architecture;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The entropy part of the action (spec §5.2), Σ_{ℓ=1}^{L+1} N_ℓ s_ℓ with
 * s_{L+1} = U_a/σa² − ln U_a and
 * s_ℓ = Tr[U_{ℓ+1}⁻¹ Tr_{h_ℓ}(U_ℓ)]/σ_ℓ² − ln det U_ℓ + H_ℓ ln det U_{ℓ+1}, and its gradient
 * (spec §5.3). The matrices are small (D_ℓ ≤ Π), so EJML is used directly.
 */
public final class Entropy {
  private final Architecture arch;

  public Entropy(Architecture arch) {
    this.arch = arch;
  }

  /**
   * @param u U_1..U_L (index ℓ−1), symmetric; not modified
   * @param grads if non-null, G_1..G_L are overwritten with ∂/∂U_ℓ (symmetric gradients)
   * @return the entropy, or +∞ when some U_ℓ is not positive definite
   */
  public double evaluate(List<DMatrixRMaj> u, List<DMatrixRMaj> grads) {
    int layers = arch.layers();
    double uA = ScalarOrderParameter.solve(arch, CommonOps_DDRM.trace(u.get(layers - 1)));
    if (!(uA > 0.0)) return Double.POSITIVE_INFINITY;
    DMatrixRMaj[] inv = new DMatrixRMaj[layers + 2];
    double[] logDet = new double[layers + 2];
    for (int l = 1; l <= layers; l++) {
      DMatrixRMaj f = u.get(l - 1);
      LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(f.numRows);
      if (!solver.setA(f.copy())) return Double.POSITIVE_INFINITY;
      @SuppressWarnings("unchecked")
      DMatrixRMaj lower = ((CholeskyDecomposition_F64<DMatrixRMaj>) solver.getDecomposition())
          .getT(null);
      double ld = 0.0;
      for (int i = 0; i < lower.numRows; i++) {
        double d = lower.get(i, i);
        if (!(d > 0.0)) return Double.POSITIVE_INFINITY;
        ld += 2.0 * Math.log(d);
      }
      logDet[l] = ld;
      // U⁻¹ enters the gradient itself (∂ ln det U/∂U = U⁻¹), so it is formed here, by Cholesky.
      DMatrixRMaj x = new DMatrixRMaj(f.numRows, f.numRows);
      solver.invert(x);
      inv[l] = symmetric(x);
    }
    inv[layers + 1] = new DMatrixRMaj(new double[][] {{1.0 / uA}});
    logDet[layers + 1] = Math.log(uA);

    int nA = arch.width(layers + 1);
    double s = nA * (uA / arch.variance(layers + 1) - Math.log(uA));
    for (int l = 1; l <= layers; l++) {
      int nl = arch.width(l);
      double var = arch.variance(l);
      int h = arch.heads(l);
      DMatrixRMaj b = partialTrace(u.get(l - 1), h);
      double tr = traceOfProduct(inv[l + 1], b);
      s += nl * (tr / var - logDet[l] + h * logDet[l + 1]);
    }
    if (grads != null) {
      for (int l = 1; l <= layers; l++) {
        DMatrixRMaj g = grads.get(l - 1);
        int d = u.get(l - 1).numRows;
        g.reshape(d, d);
        int nl = arch.width(l);
        int h = arch.heads(l);
        // N_ℓ [ (I_{H_ℓ} ⊗ U_{ℓ+1}⁻¹)/σ_ℓ² − U_ℓ⁻¹ ]
        DMatrixRMaj m = inv[l + 1];
        int dn = m.numRows;
        for (int i = 0; i < d; i++) {
          for (int j = 0; j < d; j++) {
            double kron = (i / dn == j / dn) ? m.get(i % dn, j % dn) : 0.0;
            g.set(i, j, nl * (kron / arch.variance(l) - inv[l].get(i, j)));
          }
        }
        if (l >= 2) {
          // + N_{ℓ−1} [ −U_ℓ⁻¹ B_{ℓ−1} U_ℓ⁻¹ / σ_{ℓ−1}² + H_{ℓ−1} U_ℓ⁻¹ ],  B_{ℓ−1} = Tr_h U_{ℓ−1}
          int np = arch.width(l - 1);
          DMatrixRMaj b = partialTrace(u.get(l - 2), arch.heads(l - 1));
          DMatrixRMaj tmp = new DMatrixRMaj(d, d);
          DMatrixRMaj sandwich = new DMatrixRMaj(d, d);
          CommonOps_DDRM.mult(inv[l], b, tmp);
          CommonOps_DDRM.mult(tmp, inv[l], sandwich);
          for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
              g.add(i, j, np * (-sandwich.get(i, j) / arch.variance(l - 1)
                  + arch.heads(l - 1) * inv[l].get(i, j)));
            }
          }
        }
        symmetric(g);
      }
    }
    return s;
  }

  /** [Tr_h U]^{κκ'} = Σ_h U^{(h,κ),(h,κ')} over the slowest index (spec §5.2). */
  public static DMatrixRMaj partialTrace(DMatrixRMaj u, int heads) {
    int dn = u.numRows / heads;
    DMatrixRMaj b = new DMatrixRMaj(dn, dn);
    for (int h = 0; h < heads; h++) {
      for (int i = 0; i < dn; i++) {
        for (int j = 0; j < dn; j++) b.add(i, j, u.get(h * dn + i, h * dn + j));
      }
    }
    return b;
  }

  private static double traceOfProduct(DMatrixRMaj a, DMatrixRMaj b) {
    double t = 0.0;
    for (int i = 0; i < a.numRows; i++) {
      for (int j = 0; j < a.numCols; j++) t += a.get(i, j) * b.get(j, i);
    }
    return t;
  }

  private static DMatrixRMaj symmetric(DMatrixRMaj m) {
    int n = m.numRows;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double v = 0.5 * (m.get(i, j) + m.get(j, i));
        m.set(i, j, v);
        m.set(j, i, v);
      }
    }
    return m;
  }
}
