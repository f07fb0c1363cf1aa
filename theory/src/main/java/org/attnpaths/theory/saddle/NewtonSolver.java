package org.attnpaths.theory.saddle;

import java.util.List;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.action.Action;
import org.attnpaths.theory.action.OrderParameters;
import org.attnpaths.theory.action.PackedSymmetric;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Damped structured quasi-Newton on the packed symmetric parameters (issue 2 §4). Each step
 * solves (H_s(θ) + F(θ) − M + λI) δ = −g. The action's Hessian splits into three parts of
 * known sign and very different cost:
 *
 * <ul>
 *   <li>H_s, the entropy Hessian: exact at every iterate and cheap (U_1's block in closed form,
 *       the few U_2…U_L columns by differences, {@link Action#entropyHessian});
 *   <li>F = 2 rᵀE_pAE_q r, the Hessian of the fit term Yᵀ(K+TI)⁻¹Y: positive semidefinite,
 *       exact at every iterate and cheap (one triangular solve with Π(Π+1)/2 right-hand sides,
 *       {@link Action#energyHessian} without the trace);
 *   <li>−T, T = Tr(A E_p A E_q), the Hessian of ln det(K+TI): negative semidefinite and the
 *       expensive part (a (Π·N0)² Gram matrix). M models T by BFGS from M = 0 with the secant
 *       pairs (Δθ, −Δ∇ln det); ln det(K+TI) is concave in U_1, so every pair has sᵀy ≥ 0 and no
 *       update is skipped ({@link ConcaveBfgs}).
 * </ul>
 *
 * The fit part changes fastest from iterate to iterate (r = (K+TI)⁻¹Y moves with K), which is
 * why a BFGS model of the whole energy Hessian converged only linearly (ratio ≈ 0.5 per step on
 * the image-scale problem, needing an exact energy Hessian at max|grad| ≈ 1e-4); with F exact
 * the iteration is superlinear to 1e-10 and the only exact energy Hessian of a solve is the
 * certificate's, at the returned solution. The exact energy Hessian still replaces the model
 * when a line search fails or the iteration stalls (max|grad| shrank by less than 30 % in a
 * step). λ grows until the model is positive definite and the step decreases S, and shrinks
 * after full steps (Levenberg–Marquardt control). A trial point outside the positive-definite
 * cone (a failed Cholesky of some U_ℓ or of K + T·I) has S = +∞ and is rejected by
 * backtracking, so iterates never leave the cone.
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
    List<DMatrixRMaj> entropyGrads = packing.zeros();
    double[] gEntropy = new double[n];
    double[] gEntropyNew = new double[n];
    action.entropy(u, entropyGrads);
    packing.packGradient(entropyGrads, gEntropy);
    for (int i = 0; i < n; i++) gEntropy[i] /= nMax;
    // The fit part of the energy gradient; g − g_s − g_fit is the gradient of ln det(K+TI).
    List<DMatrixRMaj> fitGrads = packing.zeros();
    double[] gFit = new double[n];
    double[] gFitNew = new double[n];
    fitGradient(action, packing, fitGrads, gFit, nMax);
    DMatrixRMaj traceModel = new DMatrixRMaj(n, n);   // M ≈ T, the negated ln det Hessian
    double[] s = new double[n];
    double[] y = new double[n];
    while (maxGrad >= options.tolerance()) {
      if (iterations >= options.maxIterations()) {
        message = "iteration cap " + options.maxIterations() + " reached";
        break;
      }
      iterations++;
      if (!exact && maxGrad > STALL_RATIO * recent) {
        exactTrace(action, u, nMax, traceModel);
        exact = true;
        recent = Double.POSITIVE_INFINITY;
        lambda = 0.0;
      }
      DMatrixRMaj h = modelHessian(action, u, traceModel, nMax);
      double floor = 1e-10 * Math.max(maxDiagonal(h), 1e-300);
      boolean accepted = false;
      double alpha = 1.0;
      for (int attempt = 0; attempt < 60 && !accepted; attempt++) {
        if (!dampedNewtonStep(action.backend(), h, lambda, g, delta)) {
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
            exactTrace(action, u, nMax, traceModel);
            h = modelHessian(action, u, traceModel, nMax);
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
      // Secant pair of the ln det part alone, negated: y = −Δ(g − g_s − g_fit).
      action.entropy(trialU, entropyGrads);
      packing.packGradient(entropyGrads, gEntropyNew);
      for (int i = 0; i < n; i++) gEntropyNew[i] /= nMax;
      fitGradient(action, packing, fitGrads, gFitNew, nMax);
      for (int i = 0; i < n; i++) {
        s[i] = trialTheta[i] - theta[i];
        y[i] = (g[i] - gEntropy[i] - gFit[i]) - (gNew[i] - gEntropyNew[i] - gFitNew[i]);
      }
      ConcaveBfgs.update(traceModel, s, y);
      System.arraycopy(gEntropyNew, 0, gEntropy, 0, n);
      System.arraycopy(gFitNew, 0, gFit, 0, n);
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

  /**
   * M ← T exactly at u: the fit part minus the exact energy Hessian (both of S/N_max), for when
   * the model misled the line search or the iteration stalled.
   */
  private static void exactTrace(Action action, List<DMatrixRMaj> u, double nMax,
      DMatrixRMaj traceModel) {
    DMatrixRMaj fit = action.energyHessian(u, false);
    CommonOps_DDRM.subtract(fit, action.energyHessian(u, true), traceModel);
    CommonOps_DDRM.scale(1.0 / nMax, traceModel);
  }

  /**
   * The model Hessian of S/N_max at u: the exact entropy part and fit part minus the model M of
   * the trace part.
   */
  private static DMatrixRMaj modelHessian(Action action, List<DMatrixRMaj> u,
      DMatrixRMaj traceModel, double nMax) {
    DMatrixRMaj h = action.entropyHessian(u);
    CommonOps_DDRM.addEquals(h, action.energyHessian(u, false));
    CommonOps_DDRM.scale(1.0 / nMax, h);
    CommonOps_DDRM.subtractEquals(h, traceModel);
    return h;
  }

  /** ∂/∂θ of the fit term Yᵀ(K+TI)⁻¹Y / N_max at the action's last finite evaluation. */
  private static void fitGradient(Action action, PackedSymmetric packing,
      List<DMatrixRMaj> scratch, double[] out, double nMax) {
    for (DMatrixRMaj m : scratch) m.zero();
    action.energy().fitGradient(scratch.get(0));
    packing.packGradient(scratch, out);
    for (int i = 0; i < out.length; i++) out[i] /= nMax;
  }

  private static double maxDiagonal(DMatrixRMaj h) {
    double m = 0.0;
    for (int i = 0; i < h.numRows; i++) m = Math.max(m, Math.abs(h.get(i, i)));
    return m;
  }

  /**
   * δ = −(H + λI)⁻¹ g by the backend's Cholesky (LAPACK on native: the 146-parameter image-scale
   * system in well under a millisecond); false if H + λI is not positive definite.
   */
  private static boolean dampedNewtonStep(LinearAlgebraBackend backend, DMatrixRMaj h,
      double lambda, double[] g, double[] delta) {
    int n = g.length;
    DMatrixRMaj a = h.copy();
    for (int i = 0; i < n; i++) a.add(i, i, lambda);
    if (!backend.cholesky(a)) return false;
    DMatrixRMaj x = new DMatrixRMaj(n, 1);
    for (int i = 0; i < n; i++) x.data[i] = -g[i];
    backend.choleskySolve(a, x);
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x.data[i])) return false;
      delta[i] = x.data[i];
    }
    return true;
  }
}
