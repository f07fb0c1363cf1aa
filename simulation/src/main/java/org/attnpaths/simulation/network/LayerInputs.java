package org.attnpaths.simulation.network;

import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.path.PathFeatures;
import org.ejml.data.DMatrixRMaj;

/**
 * The inputs of every layer of the network on the training examples, per path suffix, and the
 * back-propagation through them (spec §3.2, §5.1). For ℓ = 1..L+1, Y_ℓ holds z_ℓ summed over the
 * path prefixes below layer ℓ, one row block of N_ℓ columns per path suffix κ ∈ D_ℓ (D_1 = Π,
 * D_ℓ = H_ℓ·D_{ℓ+1}, D_{L+1} = 1), stored as a (P·D_ℓ)×N_ℓ matrix with rows (μ, h_ℓ, κ'), h_ℓ
 * slowest after μ:
 *
 * <pre>
 *   Y_1 = Ξ V^0ᵀ                                  (rows (μ, π), Ξ viewed as (P·Π)×N0)
 *   Y_{ℓ+1}[(μ, κ')] = Σ_h V^{(ℓ,h)} Y_ℓ[(μ, h, κ')] / √N_{ℓ+1}
 * </pre>
 *
 * so that f(X_μ) = c0 · Y_{L+1}[μ] · a (the same inputs as the blocks of {@code
 * sampler.BlockedGibbsSampler}). {@link #backward} is the transpose: from Ḡ_{L+1} = ∂Ψ/∂Y_{L+1}
 * of any function Ψ of the top inputs it writes ∂Ψ/∂V^0 and ∂Ψ/∂V^{(ℓ,h)}. Cost of each ≈
 * P·Π·N0·N_1 + Σ_ℓ P·D_ℓ·N_ℓ·N_{ℓ+1} flops. Workspaces are allocated once, in the constructor;
 * {@link #forward} and {@link #backward} allocate nothing. Not thread-safe.
 */
public final class LayerInputs {
  private final Architecture arch;
  private final LinearAlgebraBackend backend;
  private final int p;
  private final DMatrixRMaj xi;                 // Ξ viewed as (P·Π)×N0 (shares Ξ's data)
  private final DMatrixRMaj[] y;                // y[ℓ] = Y_ℓ, (P·D_ℓ)×N_ℓ, ℓ = 1..L+1
  private final DMatrixRMaj[] g;                // g[ℓ] = Ḡ_ℓ, same shapes, ℓ = 1..L
  private final DMatrixRMaj[] head;             // head[ℓ]: one head's rows, (P·D_{ℓ+1})×N_ℓ
  private final DMatrixRMaj[] view;             // view[ℓ]: Y_ℓ as P×(D_ℓ·N_ℓ) (shares y[ℓ]'s data)

  /** @param features training path features of the network, referenced */
  public LayerInputs(Architecture arch, PathFeatures features, LinearAlgebraBackend backend) {
    this.arch = arch;
    this.backend = backend;
    this.p = features.examples();
    int layers = arch.layers();
    xi = DMatrixRMaj.wrap(p * arch.paths(), features.tokenDim(), features.matrix().data);
    y = new DMatrixRMaj[layers + 2];
    g = new DMatrixRMaj[layers + 2];
    head = new DMatrixRMaj[layers + 1];
    view = new DMatrixRMaj[layers + 2];
    for (int l = 1; l <= layers + 1; l++) {
      y[l] = new DMatrixRMaj(p * arch.orderParameterSize(l), arch.width(l));
      view[l] = DMatrixRMaj.wrap(p, arch.orderParameterSize(l) * arch.width(l), y[l].data);
      if (l <= layers) {
        g[l] = new DMatrixRMaj(p * arch.orderParameterSize(l), arch.width(l));
        head[l] = new DMatrixRMaj(p * arch.orderParameterSize(l + 1), arch.width(l));
      }
    }
  }

  /**
   * Computes Y_1 … Y_{L+1} from the weights (the readout a is not used).
   *
   * @param w not modified
   */
  public void forward(NetworkWeights w) {
    for (int l = 0; l <= arch.layers(); l++) propagate(l, w);
  }

  /**
   * Computes Y_{ℓ+1} from Y_ℓ (from Ξ for ℓ = 0) and the weights of layer ℓ (V^0 for ℓ = 0): one
   * step of {@link #forward}, for samplers that redraw the weights one layer at a time.
   *
   * @param layer ℓ ∈ 0..L
   * @param w not modified
   */
  public void propagate(int layer, NetworkWeights w) {
    if (layer == 0) {
      backend.gemm(1.0, xi, false, w.v0(), true, 0.0, y[1]);               // Y_1 = Ξ V^0ᵀ
      return;
    }
    double s = 1.0 / Math.sqrt(arch.width(layer + 1));
    for (int h = 0; h < arch.heads(layer); h++) {
      DMatrixRMaj x = headRows(layer, h, y[layer]);
      // Y_{ℓ+1} += V^{(ℓ,h)} applied to head h's rows: X_h V^{(ℓ,h)ᵀ} / √N_{ℓ+1}
      backend.gemm(s, x, false, w.layer(layer, h), true, h == 0 ? 0.0 : 1.0, y[layer + 1]);
    }
  }

  /**
   * Y_ℓ as P×(D_ℓ·N_ℓ), row μ holding blocks (h_ℓ, κ') of N_ℓ (h_ℓ slowest), for ℓ = 1..L+1:
   * the inputs of Gibbs block ℓ. Referenced; its contents change with every propagation.
   */
  public DMatrixRMaj input(int layer) {
    return view[layer];
  }

  /** Y_{L+1}, P×N_a, the readout's inputs (f = c0 Y_{L+1} a); referenced, until the next forward. */
  public DMatrixRMaj top() {
    return y[arch.layers() + 1];
  }

  /**
   * Back-propagates Ḡ_{L+1} to the weights below the readout, at the point of the last {@link
   * #forward}.
   *
   * @param w the weights of that forward pass; not modified
   * @param gTop Ḡ_{L+1} = ∂Ψ/∂Y_{L+1}, P×N_a; not modified
   * @param gradient its blocks V^0 and V^{(ℓ,h)} overwritten with ∂Ψ/∂V (the readout block is
   *     not touched)
   */
  public void backward(NetworkWeights w, DMatrixRMaj gTop, NetworkWeights gradient) {
    int layers = arch.layers();
    DMatrixRMaj above = gTop;
    for (int l = layers; l >= 1; l--) {
      double s = 1.0 / Math.sqrt(arch.width(l + 1));
      int heads = arch.heads(l);
      for (int h = 0; h < heads; h++) {
        DMatrixRMaj x = headRows(l, h, y[l]);
        // ∂V^{(ℓ,h)} = Ḡ_{ℓ+1}ᵀ X_h / √N_{ℓ+1}
        backend.gemm(s, above, true, x, false, 0.0, gradient.layer(l, h));
        // head h's rows of Ḡ_ℓ = Ḡ_{ℓ+1} V^{(ℓ,h)} / √N_{ℓ+1}
        DMatrixRMaj gh = heads == 1 ? g[l] : head[l];
        backend.gemm(s, above, false, w.layer(l, h), false, 0.0, gh);
        if (heads > 1) scatterHeadRows(l, h, gh, g[l]);
      }
      above = g[l];
    }
    backend.gemm(1.0, above, true, xi, false, 0.0, gradient.v0());        // ∂V^0 = Ḡ_1ᵀ Ξ
  }

  /** Head h's rows (μ, h, κ') of m = Y_ℓ as a (P·D_{ℓ+1})×N_ℓ matrix (a copy unless H_ℓ = 1). */
  private DMatrixRMaj headRows(int l, int h, DMatrixRMaj m) {
    int heads = arch.heads(l);
    if (heads == 1) return m;
    DMatrixRMaj out = head[l];
    int chunk = arch.orderParameterSize(l + 1) * arch.width(l);
    for (int mu = 0; mu < p; mu++) {
      System.arraycopy(m.data, (mu * heads + h) * chunk, out.data, mu * chunk, chunk);
    }
    return out;
  }

  /** Writes head h's rows back into their places (μ, h, κ') of m. */
  private void scatterHeadRows(int l, int h, DMatrixRMaj rows, DMatrixRMaj m) {
    int heads = arch.heads(l);
    int chunk = arch.orderParameterSize(l + 1) * arch.width(l);
    for (int mu = 0; mu < p; mu++) {
      System.arraycopy(rows.data, mu * chunk, m.data, (mu * heads + h) * chunk, chunk);
    }
  }
}
