package org.attnpaths.simulation.network;

import java.util.ArrayList;
import java.util.List;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.action.OrderParameters;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.path.PathFeatures;
import org.ejml.data.DMatrixRMaj;

/**
 * The finite network of spec §2.3 in path form (spec §3.2, §5.1), built from the same {@link
 * Architecture} and {@link PathFeatures} the theory uses, so theory and simulation cannot drift
 * apart. Attention is fixed, so all the network needs of the inputs are the normalised path
 * features Ξ_π(X_μ) = σ0/√(N0·Π) · ξ^π(X_μ).
 *
 * <p>Effective path weights (spec §5.1): M_{L+1} = aᵀ (1×N_a), and M_ℓ (D_ℓ×N_ℓ, row (h,κ) =
 * m_ℓ^{(h,κ)}, h slowest) has the head-h row block M_{ℓ+1} V^{(ℓ,h)} / √N_{ℓ+1}, i.e.
 * m_ℓ^{(h,κ)} = V^{(ℓ,h)ᵀ} m_{ℓ+1}^κ / √N_{ℓ+1}. The output is
 *
 * <pre>  f(X_μ) = c0 Σ_π m_1^π · V^0 Ξ_π(X_μ),   c0 = 1/(σ0 √N_1),</pre>
 *
 * computed as A = M_1 V^0 (Π×N0) and f = c0 · Ξ vec(A): O(Π·N_1·N0 + Σ_ℓ D_ℓ N_ℓ N_{ℓ+1}) for
 * the weights plus O(P·Π·N0) for the examples, never O(P·T·N²).
 *
 * <p>Immutable and thread-safe; methods allocate their (small, O(Π·N)) temporaries, except the
 * workspace variants ({@link #pathWeights(NetworkWeights, DMatrixRMaj[], DMatrixRMaj[])},
 * {@link #potential(NetworkWeights, double[], NetworkWeights, PotentialWorkspace)}), which
 * allocate nothing.
 */
public final class FiniteNetwork {
  private final Architecture arch;
  private final PathFeatures train;
  private final LinearAlgebraBackend backend;
  private final int tokenDim;

  /**
   * @param train path features of the training inputs, built with σ0² = {@code
   *     arch.variance(0)} and the same heads as {@code arch}; referenced, not modified
   */
  public FiniteNetwork(Architecture arch, PathFeatures train, LinearAlgebraBackend backend) {
    if (!train.index().heads().equals(arch.heads())) {
      throw new IllegalArgumentException("features: expected heads " + arch.heads()
          + " of the architecture, got " + train.index().heads());
    }
    this.arch = arch;
    this.train = train;
    this.backend = backend;
    this.tokenDim = train.tokenDim();
  }

  public Architecture architecture() {
    return arch;
  }

  /** Training path features (shared). */
  public PathFeatures features() {
    return train;
  }

  public LinearAlgebraBackend backend() {
    return backend;
  }

  /** N0. */
  public int tokenDim() {
    return tokenDim;
  }

  /** c0 = 1/(σ0 √N_1), the prefactor of the path form with normalised features. */
  public double outputScale() {
    return 1.0 / Math.sqrt(arch.variance(0) * arch.width(1));
  }

  /**
   * Effective path weights M_1 … M_{L+1} (spec §5.1), index ℓ−1 holding M_ℓ (D_ℓ×N_ℓ); M_{L+1}
   * is aᵀ as 1×N_a. Cost Σ_ℓ D_ℓ·N_{ℓ+1}·N_ℓ.
   *
   * @param w not modified
   */
  public List<DMatrixRMaj> pathWeights(NetworkWeights w) {
    int layers = arch.layers();
    DMatrixRMaj[] m = new DMatrixRMaj[layers + 1];
    DMatrixRMaj[] part = new DMatrixRMaj[layers + 1];
    for (int l = 1; l <= layers + 1; l++) {
      m[l - 1] = new DMatrixRMaj(arch.orderParameterSize(l), arch.width(l));
      if (l <= layers) part[l - 1] = new DMatrixRMaj(arch.orderParameterSize(l + 1), arch.width(l));
    }
    pathWeights(w, m, part);
    return List.of(m);
  }

  /**
   * {@link #pathWeights(NetworkWeights)} into given matrices, allocating nothing.
   *
   * @param w not modified
   * @param m m[ℓ−1] = M_ℓ (D_ℓ×N_ℓ) for ℓ = 1..L+1; overwritten
   * @param part part[ℓ−1] a D_{ℓ+1}×N_ℓ workspace for ℓ = 1..L
   */
  public void pathWeights(NetworkWeights w, DMatrixRMaj[] m, DMatrixRMaj[] part) {
    checkShapes(w);
    int layers = arch.layers();
    System.arraycopy(w.readout().data, 0, m[layers].data, 0, m[layers].getNumElements());
    for (int l = layers; l >= 1; l--) {
      DMatrixRMaj next = m[l];
      int d = next.numRows;
      int n = arch.width(l);
      DMatrixRMaj out = m[l - 1];
      DMatrixRMaj p = part[l - 1];
      double s = 1.0 / Math.sqrt(arch.width(l + 1));
      for (int h = 0; h < arch.heads(l); h++) {
        // Head-h row block of M_ℓ: M_{ℓ+1} V^{(ℓ,h)} / √N_{ℓ+1}.
        backend.gemm(s, next, false, w.layer(l, h), false, 0.0, p);
        System.arraycopy(p.data, 0, out.data, h * d * n, d * n);
      }
    }
  }

  /** f on the training inputs. */
  public double[] forward(NetworkWeights w) {
    return forward(w, train);
  }

  /**
   * f(X_μ) for every example of {@code x} (spec §3.2 path form).
   *
   * @param w not modified
   * @param x features of the same network (heads and N0), e.g. the test set
   */
  public double[] forward(NetworkWeights w, PathFeatures x) {
    return forward(pathWeights(w).get(0), w.v0(), x);
  }

  /**
   * f split by path (issue 5 pruning): g_π(X_μ) = c0 · A_π · Ξ_π(X_μ), A = M_1 V^0, for every
   * example of {@code x}; Σ_π g_π = {@link #forward(NetworkWeights, PathFeatures)}.
   *
   * @param w not modified
   */
  public PathOutputs pathOutputs(NetworkWeights w, PathFeatures x) {
    checkFeatures(x);
    DMatrixRMaj a = new DMatrixRMaj(arch.paths(), tokenDim);
    backend.gemm(1.0, pathWeights(w).get(0), false, w.v0(), false, 0.0, a);   // Π×N0
    int q = x.examples();
    int paths = arch.paths();
    double c0 = outputScale();
    double[] g = new double[paths * q];
    double[] xi = x.matrix().data;
    int stride = paths * tokenDim;
    for (int mu = 0; mu < q; mu++) {
      for (int p = 0; p < paths; p++) {
        double acc = 0.0;
        int o = mu * stride + p * tokenDim;
        int ap = p * tokenDim;
        for (int i = 0; i < tokenDim; i++) acc += a.data[ap + i] * xi[o + i];
        g[p * q + mu] = c0 * acc;
      }
    }
    return new PathOutputs(x.index(), q, g);
  }

  /** f = c0 · Ξ vec(M_1 V^0), from precomputed M_1. */
  double[] forward(DMatrixRMaj m1, DMatrixRMaj v0, PathFeatures x) {
    checkFeatures(x);
    DMatrixRMaj a = new DMatrixRMaj(m1.numRows, tokenDim);
    backend.gemm(1.0, m1, false, v0, false, 0.0, a);              // A = M_1 V^0, Π×N0
    DMatrixRMaj f = new DMatrixRMaj(x.examples(), 1);
    backend.gemm(outputScale(), x.matrix(), false,
        DMatrixRMaj.wrap(a.getNumElements(), 1, a.data), false, 0.0, f);
    return f.data;
  }

  /**
   * Sampled order parameters (spec §5.1): U_a = |a|²/N_a, U_ℓ = M_ℓ M_ℓᵀ / N_ℓ.
   *
   * @param w not modified
   */
  public OrderParameters orderParameters(NetworkWeights w) {
    return orderParameters(pathWeights(w));
  }

  /** The order parameters of given path weights M_1..M_{L+1} (as from {@link #pathWeights}). */
  public OrderParameters orderParameters(List<DMatrixRMaj> m) {
    int layers = arch.layers();
    List<DMatrixRMaj> u = new ArrayList<>();
    for (int l = 1; l <= layers; l++) {
      DMatrixRMaj ml = m.get(l - 1);
      DMatrixRMaj ul = new DMatrixRMaj(ml.numRows, ml.numRows);
      backend.syrk(1.0 / arch.width(l), ml, false, 0.0, ul);
      u.add(ul);
    }
    DMatrixRMaj a = m.get(layers);
    double ua = 0.0;
    for (int i = 0; i < a.getNumElements(); i++) ua += a.data[i] * a.data[i];
    return new OrderParameters(ua / arch.width(layers + 1), u);
  }

  /**
   * The potential of the Gibbs posterior (spec §4, §8) and its gradient by back-propagation
   * through the path form:
   *
   * <pre>
   *   Φ = (1/(2T)) Σ_μ (y_μ − f_μ)² + Σ_b |w_b|² / (2σ_b²)
   *   r = (f − y)/T,  G_A = c0 · reshape(Ξᵀ r) (Π×N0)
   *   ∂V^0 = M_1ᵀ G_A,   ∂M_1 = G_A V^0ᵀ
   *   for ℓ = 1..L, head h with row block G_h of ∂M_ℓ (D_{ℓ+1}×N_ℓ):
   *     ∂V^{(ℓ,h)} = M_{ℓ+1}ᵀ G_h / √N_{ℓ+1},   ∂M_{ℓ+1} += G_h V^{(ℓ,h)ᵀ} / √N_{ℓ+1}
   *   ∂a = ∂M_{L+1}
   * </pre>
   * plus w_b/σ_b² for the prior.
   *
   * @param w not modified
   * @param y training targets, length P; not modified
   * @param gradient same shapes as {@code w}, overwritten; may be null for the value only
   * @return Φ(w)
   */
  public double potential(NetworkWeights w, double[] y, NetworkWeights gradient) {
    return potential(w, y, gradient, new PotentialWorkspace(this));
  }

  /**
   * {@link #potential(NetworkWeights, double[], NetworkWeights)} with given temporaries:
   * allocates nothing (the gradient evaluations of HMC and Langevin).
   *
   * @param ws this caller's workspace (from this network), modified
   */
  public double potential(NetworkWeights w, double[] y, NetworkWeights gradient,
      PotentialWorkspace ws) {
    if (y.length != train.examples()) {
      throw new IllegalArgumentException("y: expected " + train.examples() + " targets, got "
          + y.length);
    }
    pathWeights(w, ws.m, ws.part);
    DMatrixRMaj xi = train.matrix();
    backend.gemm(1.0, ws.m[0], false, w.v0(), false, 0.0, ws.a);       // A = M_1 V^0
    backend.gemm(outputScale(), xi, false, ws.aVector, false, 0.0, ws.f); // f = c0 Ξ vec(A)
    double t = arch.temperature();
    double value = 0.0;
    double[] r = ws.f.data;
    for (int mu = 0; mu < r.length; mu++) {
      double e = r[mu] - y[mu];
      value += e * e;
      r[mu] = e / t;                                                     // r = (f − y)/T
    }
    value /= 2.0 * t;
    for (int b = 0; b < w.blockCount(); b++) {
      double sq = 0.0;
      for (DMatrixRMaj mat : w.block(b)) {
        for (int i = 0; i < mat.getNumElements(); i++) sq += mat.data[i] * mat.data[i];
      }
      value += sq / (2.0 * arch.variance(b));
    }
    if (gradient == null) return value;
    checkShapes(gradient);
    DMatrixRMaj gA = ws.a;
    backend.gemm(outputScale(), xi, true, ws.f, false, 0.0, ws.aVector); // G_A = c0 Ξᵀ r
    backend.gemm(1.0, ws.m[0], true, gA, false, 0.0, gradient.v0());  // ∂V^0 = M_1ᵀ G_A
    DMatrixRMaj dm = ws.dm[0];
    backend.gemm(1.0, gA, false, w.v0(), true, 0.0, dm);               // ∂M_1 = G_A V^0ᵀ
    for (int l = 1; l <= arch.layers(); l++) {
      DMatrixRMaj next = ws.m[l];
      int d = next.numRows;
      int n = arch.width(l);
      double s = 1.0 / Math.sqrt(arch.width(l + 1));
      DMatrixRMaj dNext = ws.dm[l];
      DMatrixRMaj gh = ws.gh[l - 1];
      for (int h = 0; h < arch.heads(l); h++) {
        System.arraycopy(dm.data, h * d * n, gh.data, 0, d * n);
        backend.gemm(s, next, true, gh, false, 0.0, gradient.layer(l, h));
        backend.gemm(s, gh, false, w.layer(l, h), true, h == 0 ? 0.0 : 1.0, dNext);
      }
      dm = dNext;
    }
    System.arraycopy(dm.data, 0, gradient.readout().data, 0, dm.getNumElements());
    for (int b = 0; b < w.blockCount(); b++) {
      double inv = 1.0 / arch.variance(b);
      DMatrixRMaj[] wb = w.block(b);
      DMatrixRMaj[] gb = gradient.block(b);
      for (int h = 0; h < wb.length; h++) {
        for (int i = 0; i < wb[h].getNumElements(); i++) gb[h].data[i] += wb[h].data[i] * inv;
      }
    }
    return value;
  }

  /** Throws if {@code w} does not have this network's shapes (allocates only to report it). */
  public void checkShapes(NetworkWeights w) {
    if (!w.hasShapes(arch, tokenDim)) {
      throw new IllegalArgumentException("weights: expected shapes "
          + NetworkWeights.shapes(arch, tokenDim) + ", got " + w.shapes());
    }
  }

  private void checkFeatures(PathFeatures x) {
    if (x.paths() != arch.paths() || x.tokenDim() != tokenDim) {
      throw new IllegalArgumentException("features: expected Π=" + arch.paths() + ", N0="
          + tokenDim + ", got Π=" + x.paths() + ", N0=" + x.tokenDim());
    }
  }
}
