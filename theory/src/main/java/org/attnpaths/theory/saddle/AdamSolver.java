package org.attnpaths.theory.saddle;

import java.util.ArrayList;
import java.util.List;
import org.attnpaths.theory.action.Action;
import org.attnpaths.theory.action.OrderParameters;
import org.attnpaths.theory.action.PackedSymmetric;
import org.ejml.data.DMatrixRMaj;

/**
 * The reference algorithm (spec §6): Adam (β1 = 0.9, β2 = 0.999, ε = 1e-8, PyTorch's update) on
 * one unconstrained square matrix X_ℓ per order parameter, U_ℓ = (X_ℓ + X_ℓᵀ)/2, minimising
 * S/N_max; stop when max |∂(S/N_max)/∂X| &lt; tolerance, checked before each step. The gradient
 * w.r.t. X equals the symmetric gradient G of spec §5.3. The reference has no guard against
 * leaving the positive-definite cone (it would produce NaN); here such a run stops and is
 * reported as not converged.
 */
final class AdamSolver implements SaddlePointSolver {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;
  private final SolverOptions options;

  AdamSolver(SolverOptions options) {
    this.options = options;
  }

  @Override
  public SaddlePoint solve(Action action, List<DMatrixRMaj> start) {
    long t0 = System.nanoTime();
    PackedSymmetric packing = action.packing();
    double nMax = action.architecture().maxWidth();
    List<DMatrixRMaj> x = new ArrayList<>();
    List<DMatrixRMaj> m = new ArrayList<>();
    List<DMatrixRMaj> v = new ArrayList<>();
    for (DMatrixRMaj s : start) {
      x.add(s.copy());
      m.add(new DMatrixRMaj(s.numRows, s.numCols));
      v.add(new DMatrixRMaj(s.numRows, s.numCols));
    }
    List<DMatrixRMaj> u = packing.zeros();
    List<DMatrixRMaj> grads = packing.zeros();
    int step = 0;
    int evaluations = 0;
    double f;
    double maxGrad;
    String message = "";
    while (true) {
      symmetrise(x, u);
      f = action.evaluate(u, grads) / nMax;
      evaluations++;
      if (f == Double.POSITIVE_INFINITY) {
        message = "left the positive-definite cone at step " + step
            + " (the reference would produce NaN)";
        maxGrad = Double.NaN;
        break;
      }
      maxGrad = PackedSymmetric.maxAbs(grads) / nMax;
      if (maxGrad < options.tolerance()) break;
      if (step >= options.maxIterations()) {
        message = "step cap " + options.maxIterations() + " reached";
        break;
      }
      step++;
      double c1 = 1.0 - Math.pow(BETA1, step);
      double c2 = 1.0 - Math.pow(BETA2, step);
      for (int l = 0; l < x.size(); l++) {
        double[] xd = x.get(l).data;
        double[] md = m.get(l).data;
        double[] vd = v.get(l).data;
        double[] gd = grads.get(l).data;
        for (int i = 0; i < xd.length; i++) {
          double gi = gd[i] / nMax;
          md[i] = BETA1 * md[i] + (1.0 - BETA1) * gi;
          vd[i] = BETA2 * vd[i] + (1.0 - BETA2) * gi * gi;
          xd[i] -= options.learningRate() / c1 * md[i] / (Math.sqrt(vd[i] / c2) + EPS);
        }
      }
    }
    boolean converged = maxGrad < options.tolerance();
    if (f == Double.POSITIVE_INFINITY) symmetrise(x, u);
    double minEig = f == Double.POSITIVE_INFINITY ? Double.NaN : HessianCheck.smallestEigenvalue(action, u);
    double seconds = (System.nanoTime() - t0) * 1e-9;
    Certificate cert = new Certificate("adam", step, evaluations, maxGrad, options.tolerance(),
        converged, minEig, seconds, message);
    double uA = action.scalar(u);
    return new SaddlePoint(action.architecture(),
        new OrderParameters(uA > 0 ? uA : Double.MIN_NORMAL, u), f * nMax, cert);
  }

  private static void symmetrise(List<DMatrixRMaj> x, List<DMatrixRMaj> u) {
    for (int l = 0; l < x.size(); l++) {
      DMatrixRMaj a = x.get(l);
      DMatrixRMaj s = u.get(l);
      int d = a.numRows;
      s.reshape(d, d);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) s.set(i, j, 0.5 * (a.get(i, j) + a.get(j, i)));
      }
    }
  }
}
