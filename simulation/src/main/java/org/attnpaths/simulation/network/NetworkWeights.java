package org.attnpaths.simulation.network;

import java.util.ArrayList;
import java.util.List;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.theory.model.Architecture;
import org.ejml.data.DMatrixRMaj;

/**
 * The trainable weights of a finite network (spec §2.4): V^0 ∈ R^{N_1×N0}, V^{(ℓ,h)} ∈
 * R^{N_{ℓ+1}×N_ℓ} (N_{L+1} = N_a) and the readout a, stored as a 1×N_a row. Each matrix is a
 * row-major flat {@code double[]} ({@link DMatrixRMaj}); mutable, not thread-safe.
 *
 * <p><b>Blocks.</b> Block b = 0 is V^0, b = ℓ ∈ 1..L is every head of layer ℓ, b = L+1 is a. The
 * prior variance of block b is {@code arch.variance(b)} (σ0², σ_ℓ², σa²), which is why the
 * numbering follows the architecture's variance list.
 *
 * <p><b>Flat layout</b> ({@link #copyTo}, {@link #copyFrom}, the parameter vector of
 * {@code sampler.Potential}): blocks in order b = 0..L+1; inside layer ℓ the heads h = 0..H_ℓ−1
 * in order; each matrix row-major. So V^0_{ij} sits at i·N0 + j, V^{(1,0)} starts at N_1·N0, and
 * a occupies the last N_a entries.
 */
public final class NetworkWeights {
  private final DMatrixRMaj[][] blocks;

  private NetworkWeights(DMatrixRMaj[][] blocks) {
    this.blocks = blocks;
  }

  /** All weights zero. */
  public static NetworkWeights zeros(Architecture arch, int tokenDim) {
    if (tokenDim < 1) {
      throw new IllegalArgumentException("tokenDim: expected N0 >= 1, got " + tokenDim);
    }
    int layers = arch.layers();
    DMatrixRMaj[][] b = new DMatrixRMaj[layers + 2][];
    b[0] = new DMatrixRMaj[] {new DMatrixRMaj(arch.width(1), tokenDim)};
    for (int l = 1; l <= layers; l++) {
      b[l] = new DMatrixRMaj[arch.heads(l)];
      for (int h = 0; h < b[l].length; h++) {
        b[l][h] = new DMatrixRMaj(arch.width(l + 1), arch.width(l));
      }
    }
    b[layers + 1] = new DMatrixRMaj[] {new DMatrixRMaj(1, arch.width(layers + 1))};
    return new NetworkWeights(b);
  }

  /**
   * A draw from the prior (spec §2.4): every entry of block b iid N(0, σ_b²), filled in flat-layout
   * order so that a seed fixes the weights.
   *
   * @param normals advanced by {@link #dimension()} draws
   */
  public static NetworkWeights sampleFromPrior(Architecture arch, int tokenDim,
      NormalSampler normals) {
    NetworkWeights w = zeros(arch, tokenDim);
    for (int b = 0; b < w.blocks.length; b++) {
      double sigma = Math.sqrt(arch.variance(b));
      for (DMatrixRMaj m : w.blocks[b]) {
        int n = m.getNumElements();
        normals.fill(m.data, 0, n);
        for (int i = 0; i < n; i++) m.data[i] *= sigma;
      }
    }
    return w;
  }

  /** Number of blocks, L+2. */
  public int blockCount() {
    return blocks.length;
  }

  /** The matrices of block b (shared, modifiable in place: this is how samplers update them). */
  public DMatrixRMaj[] block(int b) {
    return blocks[b];
  }

  /** V^0, N_1×N0 (shared). */
  public DMatrixRMaj v0() {
    return blocks[0][0];
  }

  /** V^{(ℓ,h)}, N_{ℓ+1}×N_ℓ, ℓ = 1..L, 0-based h (shared). */
  public DMatrixRMaj layer(int layer, int head) {
    return blocks[layer][head];
  }

  /** a as a 1×N_a row (shared). */
  public DMatrixRMaj readout() {
    return blocks[blocks.length - 1][0];
  }

  /** Total number of weights N_1·N0 + Σ_ℓ H_ℓ·N_{ℓ+1}·N_ℓ + N_a (spec §8). */
  public int dimension() {
    long n = 0;
    for (DMatrixRMaj[] block : blocks) {
      for (DMatrixRMaj m : block) n += m.getNumElements();
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalStateException("weights: " + n + " exceed an array");
    }
    return (int) n;
  }

  /** Offset of block b in the flat layout. */
  public int offset(int block) {
    int n = 0;
    for (int b = 0; b < block; b++) {
      for (DMatrixRMaj m : blocks[b]) n += m.getNumElements();
    }
    return n;
  }

  /**
   * Writes the flat layout.
   *
   * @param theta length {@link #dimension()}, overwritten
   */
  public void copyTo(double[] theta) {
    checkLength(theta);
    int o = 0;
    for (DMatrixRMaj[] block : blocks) {
      for (DMatrixRMaj m : block) {
        System.arraycopy(m.data, 0, theta, o, m.getNumElements());
        o += m.getNumElements();
      }
    }
  }

  /**
   * Reads the flat layout.
   *
   * @param theta length {@link #dimension()}, not modified
   */
  public void copyFrom(double[] theta) {
    checkLength(theta);
    int o = 0;
    for (DMatrixRMaj[] block : blocks) {
      for (DMatrixRMaj m : block) {
        System.arraycopy(theta, o, m.data, 0, m.getNumElements());
        o += m.getNumElements();
      }
    }
  }

  /** A deep copy. */
  public NetworkWeights copy() {
    DMatrixRMaj[][] b = new DMatrixRMaj[blocks.length][];
    for (int i = 0; i < blocks.length; i++) {
      b[i] = new DMatrixRMaj[blocks[i].length];
      for (int h = 0; h < b[i].length; h++) b[i][h] = blocks[i][h].copy();
    }
    return new NetworkWeights(b);
  }

  /**
   * The weights of the smaller network without the heads of {@code removal} (issue 5): V^0, a and
   * the kept heads' value maps, copied; the removed heads' maps are dropped. With {@link
   * FiniteNetwork}'s 1/√(H'_ℓ N_ℓ) for the smaller head counts this is the full network with the
   * removed heads' outputs zeroed and the others rescaled by √(H_ℓ/H'_ℓ).
   */
  public NetworkWeights withoutHeads(org.attnpaths.theory.pruning.HeadRemoval removal) {
    List<List<Integer>> keep = removal.keptHeads();
    if (keep.size() != blocks.length - 2) {
      throw new IllegalArgumentException("removal: expected " + (blocks.length - 2)
          + " layers, got " + keep.size());
    }
    DMatrixRMaj[][] b = new DMatrixRMaj[blocks.length][];
    b[0] = new DMatrixRMaj[] {blocks[0][0].copy()};
    for (int l = 1; l < blocks.length - 1; l++) {
      if (removal.heads().get(l - 1) != blocks[l].length) {
        throw new IllegalArgumentException("removal: expected heads of layer " + l + " = "
            + blocks[l].length + ", got " + removal.heads().get(l - 1));
      }
      List<Integer> k = keep.get(l - 1);
      b[l] = new DMatrixRMaj[k.size()];
      for (int i = 0; i < k.size(); i++) b[l][i] = blocks[l][k.get(i)].copy();
    }
    b[blocks.length - 1] = new DMatrixRMaj[] {blocks[blocks.length - 1][0].copy()};
    return new NetworkWeights(b);
  }

  /** The shapes {@link #zeros} would make, as "rows×cols" in flat-layout order (no allocation). */
  static List<String> shapes(Architecture arch, int tokenDim) {
    List<String> s = new ArrayList<>();
    s.add(arch.width(1) + "×" + tokenDim);
    for (int l = 1; l <= arch.layers(); l++) {
      for (int h = 0; h < arch.heads(l); h++) s.add(arch.width(l + 1) + "×" + arch.width(l));
    }
    s.add("1×" + arch.width(arch.layers() + 1));
    return s;
  }

  /** Whether these are the shapes {@link #zeros} makes for (arch, N0); allocates nothing. */
  boolean hasShapes(Architecture arch, int tokenDim) {
    int layers = arch.layers();
    if (blocks.length != layers + 2) return false;
    if (!is(blocks[0], 1, arch.width(1), tokenDim)) return false;
    for (int l = 1; l <= layers; l++) {
      if (!is(blocks[l], arch.heads(l), arch.width(l + 1), arch.width(l))) return false;
    }
    return is(blocks[layers + 1], 1, 1, arch.width(layers + 1));
  }

  private static boolean is(DMatrixRMaj[] block, int count, int rows, int cols) {
    if (block.length != count) return false;
    for (DMatrixRMaj m : block) if (m.numRows != rows || m.numCols != cols) return false;
    return true;
  }

  /** Shapes as text, for error messages. */
  List<String> shapes() {
    List<String> s = new ArrayList<>();
    for (DMatrixRMaj[] block : blocks) {
      for (DMatrixRMaj m : block) s.add(m.numRows + "×" + m.numCols);
    }
    return s;
  }

  private void checkLength(double[] theta) {
    int n = dimension();
    if (theta.length != n) {
      throw new IllegalArgumentException("theta: expected " + n + " weights, got " + theta.length);
    }
  }
}
