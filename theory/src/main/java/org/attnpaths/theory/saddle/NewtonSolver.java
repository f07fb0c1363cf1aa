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
 * Damped Newton on the packed symmetric parameters (issue 2 §4). Each step solves
 * (H + λI) δ = −g with the exact Hessian of S/N_max; λ grows until H + λI is positive definite
 * and the step decreases S, and shrinks after full steps (Levenberg–Marquardt control). A trial
 * point outside the positive-definite cone (a failed Cholesky of some U_ℓ or of K + T·I) has
 * S = +∞ and is rejected by backtracking, so iterates never leave the cone.
 */
final class NewtonSolver implements SaddlePointSolver {
  private static final double ARMIJO = 1e-4;
  private static final int MAX_BACKTRACKS = 40;
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
    while (maxGrad >= options.tolerance()) {
      if (iterations >= options.maxIterations()) {
        message = "iteration cap " + options.maxIterations() + " reached";
        break;
      }
      iterations++;
      packing.packGradient(grads, g);
      for (int i = 0; i < n; i++) g[i] /= nMax;
      DMatrixRMaj h = action.hessian(u);
      CommonOps_DDRM.scale(1.0 / nMax, h);
      double diagScale = 0.0;
      for (int i = 0; i < n; i++) diagScale = Math.max(diagScale, Math.abs(h.get(i, i)));
      double floor = 1e-10 * Math.max(diagScale, 1e-300);
      boolean accepted = false;
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
        double alpha = 1.0;
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
            break;
          }
        }
        if (!accepted) {
          lambda = Math.max(10.0 * lambda, floor * 1e3);
        } else {
          lambda = alpha == 1.0 ? lambda / 4.0 : Math.max(lambda, floor);
          if (lambda < floor) lambda = 0.0;
        }
      }
      if (!accepted) {
        message = "no step decreased the action (damping λ=" + lambda + ")";
        break;
      }
      System.arraycopy(trialTheta, 0, theta, 0, n);
      packing.unpack(theta, u);
      f = action.evaluate(u, grads) / nMax;
      evaluations++;
      maxGrad = PackedSymmetric.maxAbs(grads) / nMax;
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
