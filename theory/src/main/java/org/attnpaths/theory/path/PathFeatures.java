package org.attnpaths.theory.path;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.linalg.MatrixBatch;
import org.attnpaths.theory.model.Sequences;
import org.ejml.data.DMatrixRMaj;

/**
 * Normalised path features Ξ_π(X_μ) = σ0/√(N0·Π) · ξ^π(X_μ), ξ^π = Σ_s x_s ω^π_s (spec §3.2),
 * for every example and path of a network whose heads are a subset of an {@link AttentionMaps}.
 *
 * <p>Layout: {@link #matrix()} is count × (Π·N0), row μ = [Ξ_0(X_μ) | Ξ_1(X_μ) | …] in path
 * order (h_1 slowest). With it the path-path kernel is C^{ππ'}(X,X') = Ξ_π(X)·Ξ_π'(X') (spec
 * §3.3) and K_U = Ξ (U⊗I_N0) Ξᵀ is one matrix product.
 */
public final class PathFeatures {
  private final PathIndex index;
  private final DMatrixRMaj xi;
  private final double[] omega;
  private final int tokens;
  private final int tokenDim;
  private double[] selfGrams;

  private PathFeatures(PathIndex index, DMatrixRMaj xi, double[] omega, int tokens, int tokenDim) {
    this.index = index;
    this.xi = xi;
    this.omega = omega;
    this.tokens = tokens;
    this.tokenDim = tokenDim;
  }

  /** Features of the full network. */
  public static PathFeatures of(AttentionMaps maps, double sigma0Squared) {
    return of(maps, allHeads(maps.attention().headCounts()), sigma0Squared);
  }

  /**
   * Features of the sub-network keeping the listed 0-based heads of each layer (Fig. 2c path
   * subsets, head pruning). Π is the sub-network's path count, which enters the 1/Π
   * normalisation (spec §3.3, §13.2).
   */
  public static PathFeatures of(AttentionMaps maps, List<List<Integer>> keep,
      double sigma0Squared) {
    List<Integer> full = maps.attention().headCounts();
    if (keep.size() != full.size()) {
      throw new IllegalArgumentException("head subset: expected " + full.size() + " layers, got "
          + keep.size());
    }
    List<Integer> counts = new ArrayList<>();
    for (int l = 0; l < keep.size(); l++) {
      if (keep.get(l).isEmpty()) {
        throw new IllegalArgumentException("head subset: layer " + (l + 1) + " keeps no head");
      }
      for (int h : keep.get(l)) {
        if (h < 0 || h >= full.get(l)) {
          throw new IllegalArgumentException("head subset: layer " + (l + 1) + " has heads 0.."
              + (full.get(l) - 1) + ", got " + h);
        }
      }
      counts.add(keep.get(l).size());
    }
    PathIndex index = new PathIndex(counts);
    Sequences x = maps.sequences();
    int layers = full.size();
    int paths = index.count();
    int t = x.tokens();
    int n0 = x.dim();
    double norm = Math.sqrt(sigma0Squared / ((double) n0 * paths));
    DMatrixRMaj xi = new DMatrixRMaj(x.count(), paths * n0);
    double[] omega = new double[x.count() * paths * t];
    // Examples are independent (each writes its own ω and row of Ξ): split over the cores in
    // chunks. Arrays are read from locals: the launcher runs C1 only, which reloads fields in loops.
    MatrixBatch weights = MatrixBatch.packed(omega, paths, t);
    MatrixBatch sequences = MatrixBatch.packed(x.data(), t, n0);
    MatrixBatch features = MatrixBatch.packed(xi.data, paths, n0);
    LinearAlgebraBackend backend = maps.backend();
    int chunk = 64;
    IntStream.range(0, (x.count() + chunk - 1) / chunk).parallel().forEach(c -> {
      int from = c * chunk;
      int to = Math.min(x.count(), from + chunk);
      double[] v = new double[t];
      double[] next = new double[t];
      for (int mu = from; mu < to; mu++) {
        for (int p = 0; p < paths; p++) {
          // ω^π = Ω^{(1,h1)} ⋯ Ω^{(L−1,h_{L−1})} v^{(L,h_L)}, right to left (spec §3.2).
          int hL = keep.get(layers - 1).get(index.head(p, layers));
          System.arraycopy(maps.readoutColumn(hL), mu * t, v, 0, t);
          for (int l = layers - 1; l >= 1; l--) {
            double[] om = maps.inner(l, keep.get(l - 1).get(index.head(p, l)));
            int base = mu * t * t;
            for (int s = 0; s < t; s++) {
              double acc = 0.0;
              int row = base + s * t;
              for (int q = 0; q < t; q++) acc += om[row + q] * v[q];
              next[s] = acc;
            }
            double[] tmp = v;
            v = next;
            next = tmp;
          }
          System.arraycopy(v, 0, omega, (mu * paths + p) * t, t);
        }
      }
      // Ξ(X_μ) = norm · ω_μ X_μ: (Π × T)(T × N0) per example, in place (spec §3.2).
      backend.gemmBatch(norm, weights, false, sequences, false, 0.0, features, from, to);
    });
    return new PathFeatures(index, xi, omega, t, n0);
  }

  /**
   * The features of the sub-network keeping the listed 0-based heads of each layer of this
   * network, from these features without recomputing attention: the kept paths' blocks (in path
   * order) times √(Π/Π'), the 1/Π' normalisation of the smaller network (spec §3.3). Equal to
   * {@link #of(AttentionMaps, List, double)} on the same maps up to rounding; O(count·Π'·N0).
   */
  public PathFeatures restrict(List<List<Integer>> keep) {
    List<Integer> full = index.heads();
    if (keep.size() != full.size()) {
      throw new IllegalArgumentException("head subset: expected " + full.size() + " layers, got "
          + keep.size());
    }
    List<Integer> counts = new ArrayList<>();
    for (int l = 0; l < keep.size(); l++) {
      List<Integer> k = keep.get(l);
      if (k.isEmpty()) {
        throw new IllegalArgumentException("head subset: layer " + (l + 1) + " keeps no head");
      }
      for (int i = 0; i < k.size(); i++) {
        if (k.get(i) < 0 || k.get(i) >= full.get(l) || (i > 0 && k.get(i) <= k.get(i - 1))) {
          throw new IllegalArgumentException("head subset: layer " + (l + 1) + " expected "
              + "ascending heads in 0.." + (full.get(l) - 1) + ", got " + k);
        }
      }
      counts.add(k.size());
    }
    PathIndex sub = new PathIndex(counts);
    int[] map = new int[sub.count()];
    for (int q = 0; q < sub.count(); q++) {
      int[] h = new int[full.size()];
      for (int l = 1; l <= full.size(); l++) h[l - 1] = keep.get(l - 1).get(sub.head(q, l));
      map[q] = index.index(h);
    }
    int n = examples();
    int paths = paths();
    int kept = map.length;
    double scale = Math.sqrt((double) paths / kept);
    DMatrixRMaj out = new DMatrixRMaj(n, kept * tokenDim);
    double[] w = new double[n * kept * tokens];
    double[] src = xi.data;
    double[] dst = out.data;
    for (int mu = 0; mu < n; mu++) {
      for (int q = 0; q < kept; q++) {
        int from = mu * paths * tokenDim + map[q] * tokenDim;
        int to = mu * kept * tokenDim + q * tokenDim;
        for (int i = 0; i < tokenDim; i++) dst[to + i] = scale * src[from + i];
        System.arraycopy(omega, (mu * paths + map[q]) * tokens, w, (mu * kept + q) * tokens,
            tokens);
      }
    }
    return new PathFeatures(sub, out, w, tokens, tokenDim);
  }

  static List<List<Integer>> allHeads(List<Integer> counts) {
    List<List<Integer>> all = new ArrayList<>();
    for (int h : counts) {
      List<Integer> l = new ArrayList<>();
      for (int i = 0; i < h; i++) l.add(i);
      all.add(List.copyOf(l));
    }
    return List.copyOf(all);
  }

  public PathIndex index() {
    return index;
  }

  /** Π. */
  public int paths() {
    return index.count();
  }

  /** Number of examples. */
  public int examples() {
    return xi.numRows;
  }

  public int tokenDim() {
    return tokenDim;
  }

  /** Ξ as count × (Π·N0); shared, do not modify. */
  public DMatrixRMaj matrix() {
    return xi;
  }

  /** Ξ_π as a new count × N0 matrix. */
  public DMatrixRMaj path(int p) {
    int n0 = tokenDim;
    int stride = paths() * n0;
    DMatrixRMaj out = new DMatrixRMaj(examples(), n0);
    for (int mu = 0; mu < examples(); mu++) {
      System.arraycopy(xi.data, mu * stride + p * n0, out.data, mu * n0, n0);
    }
    return out;
  }

  /**
   * out = in (U⊗I_N0): in each row, block a ← Σ_b U_ab · block b. Applied to Ξ this gives R with
   * K_U = R Ξᵀ (spec §3.4).
   *
   * @param u1 Π×Π, not modified
   * @param in rows × (Π·N0), not modified
   * @param out rows × (Π·N0), overwritten; must not alias {@code in}
   */
  public static void applyOrderParameter(DMatrixRMaj u1, DMatrixRMaj in, DMatrixRMaj out) {
    int paths = u1.numRows;
    int n0 = in.numCols / paths;
    int stride = in.numCols;
    // Arrays in locals: the launcher runs C1 only, which reloads fields inside loops.
    double[] u = u1.data;
    double[] src = in.data;
    double[] dst = out.data;
    java.util.Arrays.fill(dst, 0, in.numRows * stride, 0.0);
    for (int mu = 0; mu < in.numRows; mu++) {
      int row = mu * stride;
      for (int a = 0; a < paths; a++) {
        int o = row + a * n0;
        for (int b = 0; b < paths; b++) {
          double w = u[a * paths + b];
          if (w == 0.0) continue;
          int s = row + b * n0;
          for (int i = 0; i < n0; i++) dst[o + i] += w * src[s + i];
        }
      }
    }
  }

  /**
   * {@link #applyOrderParameter(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)} through the backend: each
   * row is a Π × N0 matrix M_μ and out_μ = U M_μ, one batched product over the rows.
   */
  public static void applyOrderParameter(DMatrixRMaj u1, DMatrixRMaj in, DMatrixRMaj out,
      LinearAlgebraBackend backend) {
    int paths = u1.numRows;
    int n0 = in.numCols / paths;
    if (in.numRows == 0) return;
    backend.gemmBatch(1.0, new MatrixBatch(u1.data, 0, 0, paths, paths), false,
        MatrixBatch.packed(in.data, paths, n0), false, 0.0, MatrixBatch.packed(out.data, paths, n0),
        0, in.numRows);
  }

  /**
   * Ξᵀ r: for each path a the N0-vector Σ_μ r_μ Ξ_a(X_μ), concatenated (Π·N0 values).
   *
   * @param r one weight per example, not modified
   */
  public double[] project(double[] r) {
    int stride = xi.numCols;
    double[] g = new double[stride];
    double[] d = xi.data;
    for (int mu = 0; mu < xi.numRows; mu++) {
      double w = r[mu];
      int row = mu * stride;
      for (int i = 0; i < stride; i++) g[i] += w * d[row + i];
    }
    return g;
  }

  /**
   * Ξ_a(X_μ)·Ξ_b(X_μ) for every example and path pair, μ-major: entry μ·Π² + a·Π + b. Computed once
   * (O(count·Π²·N0)) and kept, so that K_U(x, x) = Σ_ab U_ab Ξ_a(x)·Ξ_b(x) costs O(Π²) per example
   * at every width (spec §5.4). Shared array: do not modify.
   */
  public synchronized double[] selfGrams() {
    if (selfGrams == null) {
      int paths = paths();
      int n0 = tokenDim;
      int stride = paths * n0;
      double[] g = new double[xi.numRows * paths * paths];
      double[] d = xi.data;
      IntStream.range(0, xi.numRows).parallel().forEach(mu -> {
        int row = mu * stride;
        for (int a = 0; a < paths; a++) {
          for (int b = a; b < paths; b++) {
            double acc = 0.0;
            for (int i = 0; i < n0; i++) acc += d[row + a * n0 + i] * d[row + b * n0 + i];
            g[mu * paths * paths + a * paths + b] = acc;
            g[mu * paths * paths + b * paths + a] = acc;
          }
        }
      });
      selfGrams = g;
    }
    return selfGrams;
  }

  /** Path attention vector ω^π_s(X_μ) (spec §3.2). */
  public double pathWeight(int mu, int path, int s) {
    return omega[(mu * paths() + path) * tokens + s];
  }

  public int tokens() {
    return tokens;
  }
}
