package org.attnpaths.simulation.network;

import org.attnpaths.theory.model.Architecture;
import org.ejml.data.DMatrixRMaj;

/**
 * The temporaries of {@link FiniteNetwork#potential(NetworkWeights, double[], NetworkWeights,
 * PotentialWorkspace)}, allocated once so that the gradient evaluations of HMC and Langevin
 * allocate nothing: the path weights M_1 … M_{L+1}, A = M_1 V^0, f, the residual r, G_A and ∂M_ℓ.
 * O(Σ_ℓ D_ℓ·N_ℓ + Π·N0 + P) doubles. Not thread-safe: one per chain.
 */
public final class PotentialWorkspace {
  final DMatrixRMaj[] m;                        // m[ℓ−1] = M_ℓ, D_ℓ×N_ℓ, ℓ = 1..L+1
  final DMatrixRMaj[] part;                     // part[ℓ−1], D_{ℓ+1}×N_ℓ
  final DMatrixRMaj a;                          // A = M_1 V^0, then G_A; Π×N0
  final DMatrixRMaj aVector;                    // A as a Π·N0 column (same data)
  final DMatrixRMaj f;                          // f, then r = (f − y)/T; P×1
  final DMatrixRMaj[] dm;                       // dm[ℓ−1] = ∂M_ℓ, D_ℓ×N_ℓ, ℓ = 1..L+1
  final DMatrixRMaj[] gh;                       // gh[ℓ−1], one head's rows of ∂M_ℓ, D_{ℓ+1}×N_ℓ

  public PotentialWorkspace(FiniteNetwork network) {
    Architecture arch = network.architecture();
    int layers = arch.layers();
    m = new DMatrixRMaj[layers + 1];
    part = new DMatrixRMaj[layers + 1];
    dm = new DMatrixRMaj[layers + 1];
    gh = new DMatrixRMaj[layers + 1];
    for (int l = 1; l <= layers + 1; l++) {
      m[l - 1] = new DMatrixRMaj(arch.orderParameterSize(l), arch.width(l));
      dm[l - 1] = new DMatrixRMaj(arch.orderParameterSize(l), arch.width(l));
      if (l <= layers) {
        part[l - 1] = new DMatrixRMaj(arch.orderParameterSize(l + 1), arch.width(l));
        gh[l - 1] = new DMatrixRMaj(arch.orderParameterSize(l + 1), arch.width(l));
      }
    }
    a = new DMatrixRMaj(arch.paths(), network.tokenDim());
    aVector = DMatrixRMaj.wrap(arch.paths() * network.tokenDim(), 1, a.data);
    f = new DMatrixRMaj(network.features().examples(), 1);
  }
}
