package org.attnpaths.simulation.sampler;

import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.simulation.network.FiniteNetwork;
import org.attnpaths.simulation.network.LayerInputs;
import org.attnpaths.simulation.network.NetworkWeights;
import org.attnpaths.theory.model.Architecture;
import org.ejml.data.DMatrixRMaj;

/**
 * The posterior of the weights below the readout with the readout a integrated out exactly
 * (collapsed, or Rao–Blackwellised, sampling). Given the other weights the output is linear in a,
 * f = F a with F = c0 Y_{L+1} (P×N_a, {@link LayerInputs}), and a has prior N(0, σa² I), so
 * y | rest ~ N(0, C), C = σa² F Fᵀ + T·I (the readout's kernel, spec §3.4), and
 *
 * <pre>
 *   Φ_c(θ) = ½ yᵀC⁻¹y + ½ ln det C + Σ_{b≤L} |w_b|²/(2σ_b²)
 *   ∂Φ_c/∂F = σa² (C⁻¹ − ααᵀ) F,   α = C⁻¹y,   then back through Y_{L+1} ({@link LayerInputs#backward})
 * </pre>
 *
 * equals −ln ∫ exp(−Φ(θ, a)) da of the joint potential of {@link PosteriorPotential} up to the
 * constant (P/2) ln T + (N_a/2) ln σa². Why: at T = 0.01 the joint posterior is stiff along the
 * P directions the data pin down, most of all in a (its conditional sd is √T/|F|), which forces
 * HMC and Langevin to steps of order √T·(prior scale)/|F|; integrating a out removes that
 * constraint, and the remaining weights only see the data through C. A draw of the joint is θ
 * from this potential, then a from its exact Gaussian conditional ({@link #drawReadout}).
 *
 * <p>θ is the flat layout of {@link NetworkWeights} without the readout (its last N_a entries),
 * i.e. V^0, then the layers. Cost per evaluation: two passes through the layers plus
 * P²·N_a + P³/3 for C and its Cholesky factor. Workspaces are allocated once; evaluations
 * allocate nothing. One instance per chain: not thread-safe.
 */
public final class ReadoutMarginalPotential implements Potential {
  private final FiniteNetwork network;
  private final Architecture arch;
  private final LinearAlgebraBackend backend;
  private final double[] y;
  private final int p;
  private final int na;
  private final int dimension;
  private final LayerInputs inputs;
  private final NetworkWeights weights;
  private final NetworkWeights gradient;
  private final DMatrixRMaj f;                  // F = c0 Y_{L+1}, P×N_a
  private final DMatrixRMaj c;                  // C, then its Cholesky factor, P×P
  private final DMatrixRMaj alpha;              // α = C⁻¹y, P×1
  private final DMatrixRMaj cInvF;              // C⁻¹F, then ∂Φ_c/∂Y_{L+1}, P×N_a
  private final DMatrixRMaj alphaF;             // αᵀF, 1×N_a
  private final DMatrixRMaj residual;           // P×1 (readout draws)

  /** @param y training targets, length P; copied */
  public ReadoutMarginalPotential(FiniteNetwork network, double[] y) {
    if (y.length != network.features().examples()) {
      throw new IllegalArgumentException("y: expected " + network.features().examples()
          + " targets, got " + y.length);
    }
    this.network = network;
    this.arch = network.architecture();
    this.backend = network.backend();
    this.y = y.clone();
    this.p = y.length;
    this.na = arch.width(arch.layers() + 1);
    this.inputs = new LayerInputs(arch, network.features(), backend);
    this.weights = NetworkWeights.zeros(arch, network.tokenDim());
    this.gradient = NetworkWeights.zeros(arch, network.tokenDim());
    this.dimension = weights.dimension() - na;
    f = new DMatrixRMaj(p, na);
    c = new DMatrixRMaj(p, p);
    alpha = new DMatrixRMaj(p, 1);
    cInvF = new DMatrixRMaj(p, na);
    alphaF = new DMatrixRMaj(1, na);
    residual = new DMatrixRMaj(p, 1);
  }

  @Override
  public int dimension() {
    return dimension;
  }

  /** N_a, the length of the readout integrated out. */
  public int readoutDimension() {
    return na;
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradOut) {
    if (theta.length != dimension || gradOut.length != dimension) {
      throw new IllegalArgumentException("theta, gradOut: expected " + dimension
          + " entries, got " + theta.length + ", " + gradOut.length);
    }
    if (!factor(theta)) return Double.POSITIVE_INFINITY;
    double sa2 = arch.variance(arch.layers() + 1);
    // α = C⁻¹y;  ½ yᵀα + ½ ln det C (= Σ ln L_ii)
    System.arraycopy(y, 0, alpha.data, 0, p);
    backend.choleskySolve(c, alpha);
    double value = 0.0;
    for (int mu = 0; mu < p; mu++) {
      value += 0.5 * y[mu] * alpha.data[mu] + Math.log(c.data[mu * p + mu]);
    }
    value += priorEnergy();
    // ∂Φ_c/∂Y_{L+1} = c0 σa² (C⁻¹F − α (αᵀF))
    System.arraycopy(f.data, 0, cInvF.data, 0, p * na);
    backend.choleskySolve(c, cInvF);
    backend.gemm(1.0, alpha, true, f, false, 0.0, alphaF);
    backend.gemm(-1.0, alpha, false, alphaF, false, 1.0, cInvF);
    double scale = network.outputScale() * sa2;
    for (int i = 0; i < p * na; i++) cInvF.data[i] *= scale;
    inputs.backward(weights, cInvF, gradient);
    int o = 0;
    for (int b = 0; b <= arch.layers(); b++) {
      double inv = 1.0 / arch.variance(b);
      DMatrixRMaj[] wb = weights.block(b);
      DMatrixRMaj[] gb = gradient.block(b);
      for (int h = 0; h < wb.length; h++) {
        double[] wd = wb[h].data;
        double[] gd = gb[h].data;
        int n = wb[h].getNumElements();
        for (int i = 0; i < n; i++) gradOut[o + i] = gd[i] + wd[i] * inv;
        o += n;
      }
    }
    return value;
  }

  /** σ_b² of each weight's block (V^0, the layers), in this potential's layout. */
  @Override
  public void priorVariance(double[] out) {
    if (out.length != dimension) {
      throw new IllegalArgumentException("out: expected " + dimension + " entries, got "
          + out.length);
    }
    int o = 0;
    for (int b = 0; b <= arch.layers(); b++) {
      for (DMatrixRMaj m : weights.block(b)) {
        int n = m.getNumElements();
        java.util.Arrays.fill(out, o, o + n, arch.variance(b));
        o += n;
      }
    }
  }

  /**
   * Draws a from its exact conditional given θ, N(σa² Fᵀ C⁻¹ y, σa² I − σa⁴ Fᵀ C⁻¹ F), by
   * "perturb then correct": a = a0 + σa² Fᵀ C⁻¹ (y − F a0 − ε), a0 ~ N(0, σa² I), ε ~ N(0, T I).
   *
   * @param theta not modified
   * @param normals advanced by N_a + P draws
   * @param aOut length N_a, overwritten
   * @throws IllegalStateException if C is not positive definite at θ
   */
  public void drawReadout(double[] theta, NormalSampler normals, double[] aOut) {
    if (aOut.length != na) {
      throw new IllegalArgumentException("aOut: expected " + na + " entries, got " + aOut.length);
    }
    if (!factor(theta)) {
      throw new IllegalStateException("readout draw: sigma_a^2 F F^T + T I is not positive "
          + "definite");
    }
    double sa = Math.sqrt(arch.variance(arch.layers() + 1));
    double st = Math.sqrt(arch.temperature());
    normals.fill(aOut, 0, na);
    for (int i = 0; i < na; i++) aOut[i] *= sa;                               // a0
    for (int mu = 0; mu < p; mu++) {                                          // y − F a0 − ε
      double fa = 0.0;
      for (int i = 0; i < na; i++) fa += f.data[mu * na + i] * aOut[i];
      residual.data[mu] = y[mu] - fa;
    }
    for (int mu = 0; mu < p; mu++) residual.data[mu] -= st * normals.next();
    backend.choleskySolve(c, residual);
    backend.gemm(sa * sa, f, true, residual, false, 1.0, DMatrixRMaj.wrap(na, 1, aOut));
  }

  /** Copies θ into the weights, runs the layers, and factors C = σa² F Fᵀ + T I in place. */
  private boolean factor(double[] theta) {
    int o = 0;
    for (int b = 0; b <= arch.layers(); b++) {
      for (DMatrixRMaj m : weights.block(b)) {
        System.arraycopy(theta, o, m.data, 0, m.getNumElements());
        o += m.getNumElements();
      }
    }
    inputs.forward(weights);
    DMatrixRMaj top = inputs.top();
    double c0 = network.outputScale();
    for (int i = 0; i < p * na; i++) f.data[i] = c0 * top.data[i];
    backend.syrk(arch.variance(arch.layers() + 1), f, false, 0.0, c);
    double t = arch.temperature();
    for (int mu = 0; mu < p; mu++) c.data[mu * p + mu] += t;
    return backend.cholesky(c);
  }

  private double priorEnergy() {
    double e = 0.0;
    for (int b = 0; b <= arch.layers(); b++) {
      double sq = 0.0;
      for (DMatrixRMaj m : weights.block(b)) {
        for (int i = 0; i < m.getNumElements(); i++) sq += m.data[i] * m.data[i];
      }
      e += sq / (2.0 * arch.variance(b));
    }
    return e;
  }

  /** By the exchangeability of hidden units ({@link ExchangeableGroups}). */
  @Override
  public int exchangeableGroups(int[] out) {
    return ExchangeableGroups.of(weights, arch.layers() + 1, out);
  }

  public FiniteNetwork network() {
    return network;
  }
}
