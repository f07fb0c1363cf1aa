package org.attnpaths.theory.pruning;

import java.util.ArrayList;
import java.util.List;
import org.attnpaths.theory.path.PathIndex;
import org.ejml.data.DMatrixRMaj;

/**
 * How much the saddle point amplifies (&gt; 1) or suppresses (&lt; 1) one path against the GP limit
 * (spec §5.6): diag U_1^{ππ} over its GP value σa² ∏σ_ℓ² (spec §5.5).
 *
 * @param path full-network path index
 * @param label heads along the path, "(1)h_1→(2)h_2→…" (1-based, spec §10 labels)
 * @param diagonal U_1^{ππ}
 * @param gp the GP value of U_1^{ππ}
 * @param ratio diagonal / gp
 */
public record PathRelevance(int path, String label, double diagonal, double gp, double ratio) {

  /**
   * @param u1 Π×Π, not modified
   * @param gp the GP value of the diagonal ({@code GpLimit.scale(arch, 1)})
   */
  public static List<PathRelevance> of(DMatrixRMaj u1, PathIndex index, double gp) {
    List<PathRelevance> out = new ArrayList<>();
    for (int p = 0; p < index.count(); p++) {
      double d = u1.get(p, p);
      out.add(new PathRelevance(p, label(index, p), d, gp, d / gp));
    }
    return List.copyOf(out);
  }

  /** "(1)h_1→(2)h_2→…" for path p. */
  public static String label(PathIndex index, int p) {
    StringBuilder sb = new StringBuilder();
    for (int l = 1; l <= index.heads().size(); l++) {
      if (l > 1) sb.append('→');
      sb.append(new Head(l, index.head(p, l) + 1).label());
    }
    return sb.toString();
  }
}
