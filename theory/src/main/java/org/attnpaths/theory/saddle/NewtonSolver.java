package org.attnpaths.theory.saddle;

import java.util.List;
import org.attnpaths.theory.action.Action;
import org.attnpaths.theory.action.OrderParameters;
import org.attnpaths.theory.action.PackedSymmetric;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Damped structured quasi-Newton on the packed symmetric parameters (issue 2 §4). Each step
 * solves (H_s(θ) + B + λI) δ = −g: H_s is the entropy Hessian, exact and recomputed at every
 * iterate (it is cheap: U_1's block in closed form, the few U_2…U_L columns by differences, see
 * {@link Action#entropyHessian}); B models the expensive energy Hessian. B starts as the
 * positive-semidefinite fit part of the energy Hessian (no trace term, {@link
 * Action#energyHessian}) and is carried forward by BFGS updates with the secant pair of the energy
 * gradient alone (Δθ, ΔG_E); the exact energy Hessian replaces it when a line search fails or when
 * the iteration stalls (max|grad| shrank by less than 30 % in a step). Keeping the strongly
 * curved entropy (−ln det U barriers) exact is what makes the quasi-Newton steps good: on the
 * image-scale problem this reaches max|grad| ≈ 1e-4 in 13 steps with no exact energy Hessian,
 * where plain BFGS on the whole Hessian stalled at ≈ 3e-2; one exact energy Hessian there then
 * converges quadratically (3 steps to 1e-13), and a second one, at the solution, is the
 * certificate. (An exact energy Hessian costs O(Π²N0²P + Π⁴N0²), several action evaluations at
 * the image scale, so recomputing it every step would dominate.) λ grows until the model is
 * positive definite and the step decreases S, and shrinks after full steps
 * (Levenberg–Marquardt control). A trial point outside the positive-definite cone (a failed
 * Cholesky of some U_ℓ or of K + T·I) has S = +∞ and is rejected by backtracking, so iterates
 * never leave the cone.
 */
final class NewtonSolver implements SaddlePointSolver {
  private static final double ARMIJO = 1e-4;
  private static final int MAX_BACKTRACKS = 40;
  /** The exact energy Hessian replaces the model when max|grad| shrank less than this in a step. */
  private static final double STALL_RATIO = 0.7;
  private final SolverOptions options;

  NewtonSolver(SolverOptions options) {
    this.options = options;
  }

  @Override
  public SaddlePoint solve(Action action, List<DMatrixRMaj> start) {
    long t0 = System.nanoTime();
    PackedSymmetric packing = action.packing();
    double nMax = action.architecture().maxWidth();
    int n = packing.length();
    double[] theta = new double[n];
    packing.pack(start, theta);
    List<DMatrixRMaj> u = packing.zeros();
    List<DMatrixRMaj> grads = packing.zeros();
    List<DMatrixRMaj> trialU = packing.zeros();
    List<DMatrixRMaj> trialGrads = packing.zeros();
    packing.unpack(theta, u);
    double f = action.evaluate(u, grads) / nMax;
    int evaluations = 1;
    if (f == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("start: the initial order parameters are not in the "
          + "positive-definite cone, or K + T·I is not positive definite there");
    }
    double[] g = new double[n];
    double[] trialTheta = new double[n];
    double[] delta = new double[n];
    double lambda = 0.0;
    int iterations = 0;
    String message = "";
    double maxGrad = PackedSymmetric.maxAbs(grads) / nMax;
    double[] gNew = new double[n];
    boolean exact = false;
    double recent = Double.POSITIVE_INFINITY;   // max|grad| before the last step
    packing.packGradient(grads, g);
    for (int i = 0; i < n; i++) g[i] /= nMax;
    DMatrixRMaj energyModel = null;
    List<DMatrixRMaj> entropyGrads = packing.zeros();
    double[] gEntropy = new double[n];
    double[] gEntropyNew = new double[n];
    action.entropy(u, entropyGrads);
    packing.packGradient(entropyGrads, gEntropy);
    for (int i = 0; i < n; i++) gEntropy[i] /= nMax;
    while (maxGrad >= options.tolerance()) {
      if (iterations >= options.maxIterations()) {
        message = "iteration cap " + options.maxIterations() + " reached";
        break;
      }
      iterations++;
      if (energyModel == null) {
        energyModel = energyHessian(action, u, false, nMax);
        exact = false;
      } else if (!exact && maxGrad > STALL_RATIO * recent) {
        energyModel = energyHessian(action, u, true, nMax);
        exact = true;
        recent = Double.POSITIVE_INFINITY;
        lambda = 0.0;
      }
      DMatrixRMaj h = modelHessian(action, u, energyModel, nMax);
      double floor = 1e-10 * Math.max(maxDiagonal(h), 1e-300);
      boolean accepted = false;
      double alpha = 1.0;
      for (int attempt = 0; attempt < 60 && !accepted; attempt++) {
        if (!dampedNewtonStep(h, lambda, g, delta)) {
          lambda = Math.max(4.0 * lambda, floor);
          continue;
        }
        double slope = 0.0;
        double gInf = 0.0;
        for (int i = 0; i < n; i++) {
          slope += g[i] * delta[i];
          gInf = Math.max(gInf, Math.abs(g[i]));
        }
        alpha = 1.0;
        for (int b = 0; b < MAX_BACKTRACKS; b++, alpha *= 0.5) {
          for (int i = 0; i < n; i++) trialTheta[i] = theta[i] + alpha * delta[i];
          packing.unpack(trialTheta, trialU);
          double ft = action.evaluate(trialU, trialGrads) / nMax;
          evaluations++;
          if (ft == Double.POSITIVE_INFINITY) continue;     // left the cone: backtrack
          boolean armijo = ft <= f + ARMIJO * alpha * slope;
          // Near the solution S changes below its round-off; accept steps that shrink the gradient.
          boolean flat = ft <= f + 1e-13 * Math.abs(f)
              && PackedSymmetric.maxAbs(trialGrads) / nMax < gInf;
          if (armijo || flat) {
            accepted = true;
            f = ft;
            break;
          }
        }
        if (!accepted) {
          if (!exact) {
            // The BFGS model misled the line search: restart from the exact Hessian.
            energyModel = energyHessian(action, u, true, nMax);
            h = modelHessian(action, u, energyModel, nMax);
            exact = true;
            recent = Double.POSITIVE_INFINITY;
            lambda = 0.0;
            floor = 1e-10 * Math.max(maxDiagonal(h), 1e-300);
          } else {
            lambda = Math.max(10.0 * lambda, floor * 1e3);
          }
        } else {
          lambda = alpha == 1.0 ? lambda / 4.0 : Math.max(lambda, floor);
          if (lambda < floor) lambda = 0.0;
        }
      }
      if (!accepted) {
        message = "no step decreased the action (damping λ=" + lambda + ")";
        break;
      }
      packing.packGradient(trialGrads, gNew);
      for (int i = 0; i < n; i++) gNew[i] /= nMax;
      // Secant update of the energy part alone: y = ΔG_E = Δg − Δg_entropy.
      action.entropy(trialU, entropyGrads);
      packing.packGradient(entropyGrads, gEntropyNew);
      for (int i = 0; i < n; i++) gEntropyNew[i] /= nMax;
      bfgsUpdate(energyModel, trialTheta, theta, gNew, gEntropyNew, g, gEntropy);
      System.arraycopy(gEntropyNew, 0, gEntropy, 0, n);
      exact = false;
      System.arraycopy(trialTheta, 0, theta, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      packing.unpack(theta, u);
      for (int l = 0; l < grads.size(); l++) grads.get(l).setTo(trialGrads.get(l));
      double previous = maxGrad;
      maxGrad = PackedSymmetric.maxAbs(grads) / nMax;
      recent = previous;
    }
    boolean converged = maxGrad < options.tolerance();
    double minEig = HessianCheck.smallestEigenvalue(action, u);
    double seconds = (System.nanoTime() - t0) * 1e-9;
    if (!converged && message.isEmpty()) message = "did not converge";
    Certificate cert = new Certificate("newton", iterations, evaluations, maxGrad,
        options.tolerance(), converged, minEig, seconds, message);
    return new SaddlePoint(action.architecture(), new OrderParameters(action.scalar(u), u),
        f * nMax, cert);
  }

  /** The energy part of the Hessian of S/N_max: exact, or its fit part (the starting model). */
  private static DMatrixRMaj energyHessian(Action action, List<DMatrixRMaj> u, boolean exact,
      double nMax) {
    DMatrixRMaj h = action.energyHessian(u, exact);
    CommonOps_DDRM.scale(1.0 / nMax, h);
    return h;
  }

  /** The model Hessian of S/N_max at u: the exact entropy part plus the energy model. */
  private static DMatrixRMaj modelHessian(Action action, List<DMatrixRMaj> u,
      DMatrixRMaj energyModel, double nMax) {
    DMatrixRMaj h = action.entropyHessian(u);
    CommonOps_DDRM.scale(1.0 / nMax, h);
    CommonOps_DDRM.addEquals(h, energyModel);
    return h;
  }

  private static double maxDiagonal(DMatrixRMaj h) {
    double m = 0.0;
    for (int i = 0; i < h.numRows; i++) m = Math.max(m, Math.abs(h.get(i, i)));
    return m;
  }

  /**
   * B ← B − (B s sᵀ B)/(sᵀ B s) + (y yᵀ)/(yᵀ s), s = θ' − θ, y = (g' − g'_s) − (g − g_s) the
   * change of the energy gradient; skipped when yᵀs &gt; 0 or sᵀBs &gt; 0 fails.
   */
  private static void bfgsUpdate(DMatrixRMaj b, double[] thetaNew, double[] theta,
      double[] gNew, double[] gEntropyNew, double[] g, double[] gEntropy) {
    int n = g.length;
    double[] s = new double[n];
    double[] y = new double[n];
    double sy = 0.0;
    double ss = 0.0;
    double yy = 0.0;
    for (int i = 0; i < n; i++) {
      s[i] = thetaNew[i] - theta[i];
      y[i] = (gNew[i] - gEntropyNew[i]) - (g[i] - gEntropy[i]);
      sy += s[i] * y[i];
      ss += s[i] * s[i];
      yy += y[i] * y[i];
    }
    if (!(sy > 1e-12 * Math.sqrt(ss * yy))) return;
    double[] bs = new double[n];
    double sbs = 0.0;
    for (int i = 0; i < n; i++) {
      double acc = 0.0;
      for (int j = 0; j < n; j++) acc += b.get(i, j) * s[j];
      bs[i] = acc;
      sbs += s[i] * acc;
    }
    if (!(sbs > 0.0)) return;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) b.add(i, j, -bs[i] * bs[j] / sbs + y[i] * y[j] / sy);
    }
  }

  /** δ = −(H + λI)⁻¹ g; false if H + λI is not positive definite. */
  private static boolean dampedNewtonStep(DMatrixRMaj h, double lambda, double[] g,
      double[] delta) {
    int n = g.length;
    DMatrixRMaj a = h.copy();
    for (int i = 0; i < n; i++) a.add(i, i, lambda);
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
    if (!chol.setA(a)) return false;
    DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
    for (int i = 0; i < n; i++) rhs.data[i] = -g[i];
    DMatrixRMaj x = new DMatrixRMaj(n, 1);
    chol.solve(rhs, x);
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x.data[i])) return false;
      delta[i] = x.data[i];
    }
    return true;
  }
}
