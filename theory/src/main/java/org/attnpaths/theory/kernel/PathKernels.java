package org.attnpaths.theory.kernel;

import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.path.PathFeatures;
import org.ejml.data.DMatrixRMaj;

/**
 * The path-path kernels C^{ππ'} = Ξ_π Ξ_π'ᵀ on the training set (spec §3.3) as used by the
 * energy: assembling K_U = Σ U^{ππ'} C^{ππ'} (spec §3.4) and contracting them against
 * A − r rᵀ for the gradient (spec §5.3). Two memory regimes: {@link PrecomputedPathKernels}
 * stores the Π(Π+1)/2 P×P blocks; {@link FactorisedPathKernels} keeps only Ξ (linear in P).
 */
public sealed interface PathKernels
    permits PrecomputedPathKernels, FactorisedPathKernels, RestrictedPathKernels {

  /** Π. */
  int paths();

  /** P. */
  int examples();

  /** The features these kernels come from. */
  PathFeatures features();

  /**
   * K_U = Σ_{ππ'} U^{ππ'} C^{ππ'} (spec §3.4).
   *
   * @param u1 symmetric Π×Π, not modified
   * @param k P×P, overwritten (symmetric)
   */
  void assemble(DMatrixRMaj u1, DMatrixRMaj k);

  /**
   * The lower triangle (row-major, j ≤ i) of K_U, all a Cholesky factorisation reads; the strict
   * upper triangle of k is left undefined. The energy assembles K every evaluation, and the
   * precomputed blocks hold only lower triangles: mirroring them costs ~2 ms of cache-unfriendly
   * writes per evaluation at P = 600 (BENCHMARKS.md, image-scale solve).
   *
   * @param u1 symmetric Π×Π, not modified
   * @param k P×P, its lower triangle overwritten
   */
  default void assembleLower(DMatrixRMaj u1, DMatrixRMaj k) {
    assemble(u1, k);
  }

  /**
   * Energy gradient G_E^{ππ'} = Σ_{μν} (A − r rᵀ)_{μν} C^{ππ'}_{μν} with A = (K + T·I)⁻¹ (spec §5.3).
   *
   * @param factor lower Cholesky factor of K + T·I, not modified
   * @param r A·Y, not modified
   * @param g Π×Π, overwritten (symmetric)
   */
  void energyGradient(DMatrixRMaj factor, double[] r, DMatrixRMaj g);

  /** Bytes the precomputed blocks need: Π(Π+1)/2 · P(P+1)/2 doubles. */
  static long precomputedBytes(int paths, int examples) {
    return (long) paths * (paths + 1) / 2 * ((long) examples * (examples + 1) / 2) * Double.BYTES;
  }

  /**
   * Chooses the representation (issue 2 §2): precomputed blocks when they fit in
   * {@code memoryBudgetBytes} and are cheaper per evaluation than the factorised products,
   * factorised otherwise (memory linear in P).
   */
  static PathKernels choose(PathFeatures features, LinearAlgebraBackend backend,
      long memoryBudgetBytes) {
    int pi = features.paths();
    int p = features.examples();
    int n0 = features.tokenDim();
    long bytes = precomputedBytes(pi, p);
    // Per evaluation: precomputed ≈ two memory-bound passes over the blocks (weighted ×4 against
    // compute-bound products) + P³ (inverse); factorised ≈ 1.5·P²·Π·N0 (K = R Ξᵀ, Z = L⁻¹Ξ).
    double precomputedFlops = 4.0 * pi * (pi + 1) / 2.0 * p * (p + 1) + (double) p * p * p;
    double factorisedFlops = 1.5 * p * (double) p * pi * n0;
    if (bytes <= memoryBudgetBytes && precomputedFlops <= factorisedFlops) {
      return new PrecomputedPathKernels(features, backend);
    }
    return new FactorisedPathKernels(features, backend);
  }

  /** {@link #choose} with a budget of a quarter of the JVM's maximum heap. */
  static PathKernels choose(PathFeatures features, LinearAlgebraBackend backend) {
    return choose(features, backend, Runtime.getRuntime().maxMemory() / 4);
  }

  /** The representation the user asked for ({@code --kernels}). */
  enum Representation {
    AUTO, PRECOMPUTED, FACTORISED;

    public static Representation parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("kernels: expected auto, precomputed or factorised, got '"
            + text + "'", e);
      }
    }
  }

  /**
   * @throws IllegalArgumentException for PRECOMPUTED when the blocks exceed a quarter of the heap
   */
  static PathKernels of(PathFeatures features, LinearAlgebraBackend backend,
      Representation representation) {
    return switch (representation) {
      case AUTO -> choose(features, backend);
      case FACTORISED -> new FactorisedPathKernels(features, backend);
      case PRECOMPUTED -> {
        long bytes = precomputedBytes(features.paths(), features.examples());
        long budget = Runtime.getRuntime().maxMemory() / 4;
        if (bytes > budget) {
          throw new IllegalArgumentException("kernels: precomputed blocks need " + (bytes >> 20)
              + " MiB, more than a quarter of the heap (" + (budget >> 20) + " MiB); use "
              + "factorised or raise -Xmx");
        }
        yield new PrecomputedPathKernels(features, backend);
      }
    };
  }

  /** {@code precomputed} or {@code factorised}, for provenance. */
  default String representation() {
    if (this instanceof RestrictedPathKernels r) return r.parent().representation();
    return this instanceof PrecomputedPathKernels ? "precomputed" : "factorised";
  }
}
