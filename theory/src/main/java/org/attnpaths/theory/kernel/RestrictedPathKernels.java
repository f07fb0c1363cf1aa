package org.attnpaths.theory.kernel;

import org.attnpaths.theory.path.PathFeatures;
import org.ejml.data.DMatrixRMaj;

/**
 * The path kernels of a sub-network (heads removed, issue 5 §2) as a view of the full network's:
 * no block is recomputed or copied. The sub-network keeps the full paths {@code kept} (ascending)
 * and its 1/Π' normalisation (spec §3.3, §13.2) makes its kernels C'^{ab} = (Π/Π')
 * C^{kept[a] kept[b]}, so
 *
 * <pre>  K_{U'} = Σ_ab U'_ab C'^{ab} = K_U of the full network at U = (Π/Π') · embed(U')
 *   G'_E^{ab} = (Π/Π') · G_E^{kept[a] kept[b]}(embed)</pre>
 *
 * with embed(U') the Π×Π matrix holding U' on the kept rows and columns and zeros elsewhere.
 * Each evaluation costs one of the full network (for precomputed blocks: the same memory-bound
 * passes, with zero weights on the removed pairs). Not thread-safe (scratch matrices).
 */
public final class RestrictedPathKernels implements PathKernels {
  private final PathKernels parent;
  private final int[] kept;
  private final PathFeatures features;
  private final double scale;
  private final DMatrixRMaj embedded;
  private final DMatrixRMaj fullGradient;

  /**
   * @param parent kernels of the full network
   * @param kept full-network indices of the kept paths, ascending
   * @param features the sub-network's own features (its Π' paths, normalised by 1/Π'), used by
   *     the energy Hessian and the predictor; must hold the same examples
   */
  public RestrictedPathKernels(PathKernels parent, int[] kept, PathFeatures features) {
    int full = parent.paths();
    if (kept.length != features.paths() || features.examples() != parent.examples()) {
      throw new IllegalArgumentException("restricted kernels: expected features with "
          + kept.length + " paths and " + parent.examples() + " examples, got "
          + features.paths() + " paths and " + features.examples() + " examples");
    }
    for (int i = 0; i < kept.length; i++) {
      if (kept[i] < 0 || kept[i] >= full || (i > 0 && kept[i] <= kept[i - 1])) {
        throw new IllegalArgumentException("restricted kernels: expected ascending path indices "
            + "in 0.." + (full - 1) + ", got " + java.util.Arrays.toString(kept));
      }
    }
    this.parent = parent instanceof RestrictedPathKernels r ? r.parent : parent;
    this.kept = parent instanceof RestrictedPathKernels r ? compose(r.kept, kept) : kept.clone();
    this.features = features;
    this.scale = (double) this.parent.paths() / kept.length;
    this.embedded = new DMatrixRMaj(this.parent.paths(), this.parent.paths());
    this.fullGradient = new DMatrixRMaj(this.parent.paths(), this.parent.paths());
  }

  private static int[] compose(int[] outer, int[] inner) {
    int[] k = new int[inner.length];
    for (int i = 0; i < inner.length; i++) k[i] = outer[inner[i]];
    return k;
  }

  /** The full network's kernels this view reads. */
  public PathKernels parent() {
    return parent;
  }

  @Override
  public int paths() {
    return kept.length;
  }

  @Override
  public int examples() {
    return parent.examples();
  }

  @Override
  public PathFeatures features() {
    return features;
  }

  @Override
  public void assemble(DMatrixRMaj u1, DMatrixRMaj k) {
    parent.assemble(embed(u1), k);
  }

  @Override
  public void assembleLower(DMatrixRMaj u1, DMatrixRMaj k) {
    parent.assembleLower(embed(u1), k);
  }

  /** The subset's U_1 scaled into the full network's Π×Π, zero on the removed paths. */
  private DMatrixRMaj embed(DMatrixRMaj u1) {
    embedded.zero();
    for (int a = 0; a < kept.length; a++) {
      for (int b = 0; b < kept.length; b++) embedded.set(kept[a], kept[b], scale * u1.get(a, b));
    }
    return embedded;
  }

  @Override
  public void energyGradient(DMatrixRMaj factor, double[] r, DMatrixRMaj g) {
    parent.energyGradient(factor, r, fullGradient);
    for (int a = 0; a < kept.length; a++) {
      for (int b = 0; b < kept.length; b++) g.set(a, b, scale * fullGradient.get(kept[a], kept[b]));
    }
  }
}
