package org.attnpaths.theory.action;

import java.util.ArrayList;
import java.util.List;
import org.attnpaths.theory.model.Architecture;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The Gaussian-process limit (spec §5.5): U_a = σa², U_ℓ = σa² ∏_{k=ℓ}^{L} σ_k² · I_{D_ℓ}. It is
 * the unique stationary point of the entropy and the reference's initial point (spec §6).
 */
public final class GpLimit {
  private GpLimit() {}

  /** U_1..U_L at the GP value (index ℓ−1). */
  public static List<DMatrixRMaj> matrices(Architecture arch) {
    List<DMatrixRMaj> u = new ArrayList<>();
    for (int l = 1; l <= arch.layers(); l++) {
      DMatrixRMaj m = CommonOps_DDRM.identity(arch.orderParameterSize(l));
      CommonOps_DDRM.scale(scale(arch, l), m);
      u.add(m);
    }
    return u;
  }

  /** σa² ∏_{k=ℓ}^{L} σ_k². */
  public static double scale(Architecture arch, int layer) {
    double c = arch.variance(arch.layers() + 1);
    for (int k = layer; k <= arch.layers(); k++) c *= arch.variance(k);
    return c;
  }

  public static OrderParameters orderParameters(Architecture arch) {
    return new OrderParameters(arch.variance(arch.layers() + 1), matrices(arch));
  }
}
