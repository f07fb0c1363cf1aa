package org.attnpaths.theory.predictor;

import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.kernel.KernelNotPositiveDefiniteException;
import org.attnpaths.theory.path.PathFeatures;
import org.ejml.data.DMatrixRMaj;
import org.attnpaths.numerics.special.StandardNormal;

/**
 * The predictor of spec §5.4: GP regression with the renormalised kernel K_{U_1},
 * ⟨f(x*)⟩ = k*ᵀ(K + T·I)⁻¹Y and Var f(x*) = K** − k*ᵀ(K + T·I)⁻¹k* (T not added, spec §13.13).
 * Kernels are formed from the path features as Ξ (U⊗I) Ξ'ᵀ, so memory is O(P·Q).
 */
public final class Predictor {
  private final PathFeatures train;
  private final double[] yTrain;
  private final double temperature;
  private final LinearAlgebraBackend backend;

  public Predictor(PathFeatures train, double[] yTrain, double temperature,
      LinearAlgebraBackend backend) {
    if (yTrain.length != train.examples()) {
      throw new IllegalArgumentException("y_train: expected " + train.examples() + " labels, got "
          + yTrain.length);
    }
    this.train = train;
    this.yTrain = yTrain.clone();
    this.temperature = temperature;
    this.backend = backend;
  }

  /**
   * @param u1 Π×Π order parameter (symmetric), not modified
   * @param test features of the test inputs (same paths)
   * @param yTest labels of the test inputs (±1)
   * @throws KernelNotPositiveDefiniteException if K_U + T·I is not positive definite
   */
  public PredictorStatistics evaluate(DMatrixRMaj u1, PathFeatures test, double[] yTest) {
    Fit fit = fit(u1, test, yTest);
    int p = train.examples();
    int q = test.examples();
    DMatrixRMaj r = fit.r();
    DMatrixRMaj factor = fit.factor();
    DMatrixRMaj alpha = fit.alpha();
    DMatrixRMaj cross = new DMatrixRMaj(p, q);
    backend.gemm(1.0, r, false, test.matrix(), true, 0.0, cross);  // k*_μ for every test input
    double[] mean = new double[q];
    for (int mu = 0; mu < p; mu++) {
      double a = alpha.data[mu];
      int row = mu * q;
      for (int j = 0; j < q; j++) mean[j] += a * cross.data[row + j];
    }
    double[] selfK = diagonal(u1, test);
    backend.lowerSolve(factor, cross);                             // V = L⁻¹ k*
    double[] variance = selfK;
    for (int mu = 0; mu < p; mu++) {
      int row = mu * q;
      for (int j = 0; j < q; j++) variance[j] -= cross.data[row + j] * cross.data[row + j];
    }
    return statistics(mean, variance, yTest);
  }

  /**
   * The mean predictor alone, ⟨f(x*)⟩ = k*ᵀ(K + T·I)⁻¹Y = Ξ* (U⊗I) Ξᵀ α with α = (K + T·I)⁻¹Y
   * (spec §5.4): O((P + Q)·Π·N0) besides K and its Cholesky factor, no P×Q cross kernel. Enough
   * for the accuracy (head pruning evaluates many networks and reports only accuracies).
   *
   * @param u1 Π×Π order parameter (symmetric), not modified
   * @param test features of the test inputs (same paths)
   * @return statistics with the mean, accuracy and bias error; variances, Gibbs accuracy and
   *     variance error are NaN (not computed)
   * @throws KernelNotPositiveDefiniteException if K_U + T·I is not positive definite
   */
  public PredictorStatistics evaluateMean(DMatrixRMaj u1, PathFeatures test, double[] yTest) {
    DMatrixRMaj xi = train.matrix();
    DMatrixRMaj alpha = fit(u1, test, yTest).alpha();
    DMatrixRMaj h = new DMatrixRMaj(1, xi.numCols);
    PathFeatures.applyOrderParameter(u1, DMatrixRMaj.wrap(1, xi.numCols, train.project(alpha.data)),
        h);                                                        // (U⊗I) Ξᵀα
    DMatrixRMaj mean = new DMatrixRMaj(test.examples(), 1);
    backend.gemm(1.0, test.matrix(), false, DMatrixRMaj.wrap(xi.numCols, 1, h.data), false, 0.0,
        mean);
    int q = test.examples();
    double correct = 0.0;
    double bias = 0.0;
    for (int j = 0; j < q; j++) {
      double m = mean.data[j];
      if (m != 0.0 && Math.signum(m) == Math.signum(yTest[j])) correct++;
      bias += (m - yTest[j]) * (m - yTest[j]);
    }
    double[] variance = new double[q];
    java.util.Arrays.fill(variance, Double.NaN);
    return new PredictorStatistics(mean.data, variance, correct / q, Double.NaN, bias / q,
        Double.NaN);
  }

  /** R = Ξ(U⊗I), the Cholesky factor L of K_U + T·I, and α = (K_U + T·I)⁻¹Y. */
  private record Fit(DMatrixRMaj r, DMatrixRMaj factor, DMatrixRMaj alpha) {}

  /** The training-set part shared by {@link #evaluate} and {@link #evaluateMean}. */
  private Fit fit(DMatrixRMaj u1, PathFeatures test, double[] yTest) {
    if (test.paths() != train.paths() || test.tokenDim() != train.tokenDim()) {
      throw new IllegalArgumentException("test features: expected Π=" + train.paths() + ", N0="
          + train.tokenDim() + ", got Π=" + test.paths() + ", N0=" + test.tokenDim());
    }
    if (yTest.length != test.examples()) {
      throw new IllegalArgumentException("y_test: expected " + test.examples() + " labels, got "
          + yTest.length);
    }
    int p = train.examples();
    DMatrixRMaj xi = train.matrix();
    DMatrixRMaj r = new DMatrixRMaj(p, xi.numCols);
    PathFeatures.applyOrderParameter(u1, xi, r, backend);
    DMatrixRMaj factor = new DMatrixRMaj(p, p);
    backend.gemm(1.0, r, false, xi, true, 0.0, factor);            // K = Ξ (U⊗I) Ξᵀ
    for (int i = 0; i < p; i++) factor.data[i * p + i] += temperature;
    symmetriseLower(factor);
    if (!backend.cholesky(factor)) {
      throw new KernelNotPositiveDefiniteException("predictor", temperature);
    }
    DMatrixRMaj alpha = new DMatrixRMaj(p, 1);
    System.arraycopy(yTrain, 0, alpha.data, 0, p);
    backend.choleskySolve(factor, alpha);                          // α = (K+TI)⁻¹ Y
    return new Fit(r, factor, alpha);
  }

  /** K**(x*, x*) = Σ_ab U_ab Ξ_a(x*)·Ξ_b(x*) for every test input, from the cached path Grams. */
  static double[] diagonal(DMatrixRMaj u1, PathFeatures test) {
    int paths = test.paths();
    int pp = paths * paths;
    double[] grams = test.selfGrams();
    double[] d = new double[test.examples()];
    for (int j = 0; j < d.length; j++) {
      double acc = 0.0;
      for (int k = 0; k < pp; k++) acc += u1.data[k] * grams[j * pp + k];
      d[j] = acc;
    }
    return d;
  }

  private static void symmetriseLower(DMatrixRMaj k) {
    int n = k.numRows;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) k.data[i * n + j] = 0.5 * (k.data[i * n + j] + k.data[j * n + i]);
    }
  }

  /**
   * Accuracy, Gibbs accuracy and errors of spec §7. A mean of exactly 0 counts as wrong (the
   * reference yields NaN there). A variance ≤ 0 (round-off at T → 0) makes the Gibbs term a step.
   */
  public static PredictorStatistics statistics(double[] mean, double[] variance, double[] y) {
    int q = mean.length;
    double correct = 0.0;
    double gibbs = 0.0;
    double bias = 0.0;
    double var = 0.0;
    for (int j = 0; j < q; j++) {
      double m = mean[j];
      if (m != 0.0 && Math.signum(m) == Math.signum(y[j])) correct++;
      double vj = Math.max(variance[j], 0.0);
      double margin = y[j] * m;
      gibbs += vj > 0.0 ? 0.5 * StandardNormal.erfc(-margin / Math.sqrt(2.0 * vj))
          : (margin > 0 ? 1.0 : margin == 0 ? 0.5 : 0.0);
      bias += (m - y[j]) * (m - y[j]);
      var += variance[j];
    }
    return new PredictorStatistics(mean, variance, correct / q, gibbs / q, bias / q, var / q);
  }
}
