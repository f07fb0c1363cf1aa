package org.attnpaths.simulation.network;

import java.util.List;
import org.attnpaths.theory.path.PathIndex;
import org.attnpaths.theory.pruning.HeadRemoval;

/**
 * A network's output split by attention path (spec §3.2): f(X) = Σ_π g_π(X) with
 * g_π(X) = c0 · (M_1 V^0)_π · Ξ_π(X). Removing heads from a finite network (issue 5 §2: their
 * output zeroed, the remaining heads of each layer rescaled by √(H_ℓ/(H_ℓ − r_ℓ)), as for
 * gradient-descent models) leaves
 *
 * <pre>  f'(X) = √(Π/Π') Σ_{π avoiding the removed heads} g_π(X),</pre>
 *
 * since every kept path carries one rescaled head per layer and ∏_ℓ H_ℓ/(H_ℓ − r_ℓ) = Π/Π'. So
 * the outputs of every pruned network follow from one set of path outputs, and, f' being linear in
 * them, so do sampled mean predictors.
 *
 * @param index the full network's paths
 * @param examples number of inputs Q
 * @param values g_π(X_q) at π·Q + q (path-major); copied in, shared out
 */
public record PathOutputs(PathIndex index, int examples, double[] values) {

  public PathOutputs {
    if (values.length != index.count() * examples) {
      throw new IllegalArgumentException("path outputs: expected Π·Q = " + index.count() + "·"
          + examples + " values, got " + values.length);
    }
    values = values.clone();
  }

  /** f = Σ_π g_π for every input. */
  public double[] total() {
    return without(HeadRemoval.none(index.heads()));
  }

  /** f' of the network without the heads of {@code removal} (its rescaling included). */
  public double[] without(HeadRemoval removal) {
    if (!removal.heads().equals(index.heads())) {
      throw new IllegalArgumentException("removal: expected heads " + index.heads() + ", got "
          + removal.heads());
    }
    int[] kept = removal.keptPaths();
    double scale = Math.sqrt((double) index.count() / kept.length);
    double[] f = new double[examples];
    for (int p : kept) {
      for (int q = 0; q < examples; q++) f[q] += values[p * examples + q];
    }
    for (int q = 0; q < examples; q++) f[q] *= scale;
    return f;
  }

  /** The entry-wise mean of several path outputs of the same network and inputs. */
  public static PathOutputs mean(List<PathOutputs> all) {
    if (all.isEmpty()) throw new IllegalArgumentException("path outputs: expected at least one");
    PathOutputs first = all.get(0);
    double[] m = new double[first.values.length];
    for (PathOutputs o : all) {
      if (!o.index.equals(first.index) || o.examples != first.examples) {
        throw new IllegalArgumentException("path outputs: expected equal shapes, got Π="
            + o.index.count() + ", Q=" + o.examples + " and Π=" + first.index.count() + ", Q="
            + first.examples);
      }
      for (int i = 0; i < m.length; i++) m[i] += o.values[i] / all.size();
    }
    return new PathOutputs(first.index, first.examples, m);
  }
}
