package org.attnpaths.simulation.sampler;

import org.attnpaths.simulation.network.FiniteNetwork;
import org.attnpaths.simulation.network.LayerInputs;
import org.attnpaths.theory.model.Architecture;
import org.ejml.data.DMatrixRMaj;

/**
 * Everything one chain of {@link BlockedGibbsSampler} needs between sweeps, allocated once: the
 * effective path weights M_1 … M_{L+1} (spec §5.1), the layer inputs Y_1 … Y_{L+1} ({@link
 * LayerInputs}), one {@link LinearBlock} per block over them, and ε. A sweep then allocates
 * nothing. Memory ≈ P·(Π·N0 + 2·Σ_ℓ D_ℓ·N_ℓ) + (L+2)·P² doubles (≈ 10 MB at N = 1000 on the
 * Markov task). Not thread-safe: one per chain.
 */
public final class GibbsWorkspace {
  final DMatrixRMaj[] m;                        // m[ℓ−1] = M_ℓ, D_ℓ×N_ℓ, ℓ = 1..L+1
  final DMatrixRMaj[] part;                     // part[ℓ−1], D_{ℓ+1}×N_ℓ
  final LayerInputs inputs;
  final LinearBlock[] blocks;                   // block b = 0..L+1
  final double[] eps;                           // ε, P

  GibbsWorkspace(FiniteNetwork network) {
    Architecture arch = network.architecture();
    int layers = arch.layers();
    m = new DMatrixRMaj[layers + 1];
    part = new DMatrixRMaj[layers + 1];
    for (int l = 1; l <= layers + 1; l++) {
      m[l - 1] = new DMatrixRMaj(arch.orderParameterSize(l), arch.width(l));
      if (l <= layers) {
        part[l - 1] = new DMatrixRMaj(arch.orderParameterSize(l + 1), arch.width(l));
      }
    }
    inputs = new LayerInputs(arch, network.features(), network.backend());
    double c0 = network.outputScale();
    blocks = new LinearBlock[layers + 2];
    // V^0: c = c0, H = 1, M = M_1, Y_0 = Ξ
    blocks[0] = new LinearBlock(network.backend(), c0, 1, m[0], network.features().matrix(),
        network.tokenDim());
    // layer ℓ: c = c0/√N_{ℓ+1}, H = H_ℓ, M = M_{ℓ+1}, Y_ℓ
    for (int l = 1; l <= layers; l++) {
      blocks[l] = new LinearBlock(network.backend(), c0 / Math.sqrt(arch.width(l + 1)),
          arch.heads(l), m[l], inputs.input(l), arch.width(l));
    }
    // a: c = c0, H = 1, M = [1], Y_{L+1}
    DMatrixRMaj one = new DMatrixRMaj(1, 1);
    one.data[0] = 1.0;
    blocks[layers + 1] = new LinearBlock(network.backend(), c0, 1, one, inputs.input(layers + 1),
        arch.width(layers + 1));
    eps = new double[network.features().examples()];
  }
}
