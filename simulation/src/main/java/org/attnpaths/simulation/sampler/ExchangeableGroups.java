package org.attnpaths.simulation.sampler;

import org.attnpaths.simulation.network.NetworkWeights;
import org.ejml.data.DMatrixRMaj;

/**
 * Groups of network weights with the same posterior marginal law, by the exchangeability of
 * hidden units (spec §2.3: i.i.d. Gaussian priors, and the output is a sum over units): any
 * permutation of the units of layer ℓ (rows of V^{(ℓ−1,·)} and V^0, columns of V^{(ℓ,·)}, entries
 * of a) leaves the posterior invariant, so every entry of one head matrix V^{(ℓ,h)} has the same
 * marginal variance, the entries of a too, and V^0's entries only depend on their input column j.
 * {@link MassMatrix#POOLED} averages the warm-up variances over each group: millions of noisy
 * per-weight estimates become a few hundred precise ones.
 */
final class ExchangeableGroups {
  private ExchangeableGroups() {}

  /**
   * Writes the group of each coordinate of the flat layout of the first {@code blocks} blocks of
   * {@code w} (V^0, the layers, then possibly a): V^0's column j is group j (N0 groups), then one
   * group per later matrix.
   *
   * @param out length Σ block sizes; overwritten with group indices 0 … G−1
   * @return G, the number of groups
   */
  static int of(NetworkWeights w, int blocks, int[] out) {
    int o = 0;
    int g = 0;
    for (int b = 0; b < blocks; b++) {
      for (DMatrixRMaj m : w.block(b)) {
        int n = m.getNumElements();
        if (b == 0) {
          int cols = m.numCols;
          for (int i = 0; i < n; i++) out[o + i] = g + i % cols;
          g += cols;
        } else {
          java.util.Arrays.fill(out, o, o + n, g);
          g++;
        }
        o += n;
      }
    }
    if (o != out.length) {
      throw new IllegalArgumentException("out: expected " + o + " entries, got " + out.length);
    }
    return g;
  }
}
