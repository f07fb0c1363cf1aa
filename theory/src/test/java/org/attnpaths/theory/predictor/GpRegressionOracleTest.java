package org.attnpaths.theory.predictor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.theory.action.GpLimit;
import org.attnpaths.theory.fixtures.RandomNetworks;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.AttentionHead;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.model.Sequences;
import org.attnpaths.theory.path.AttentionMaps;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.path.PathIndex;
import org.attnpaths.theory.task.Task;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Spec §11.3: at U = U_GP the predictor is ordinary GP regression with
 * K_GP = σa² ∏σ_ℓ² Σ_π C^{ππ}. The oracle recomputes every attention matrix per sequence with
 * {@link AttentionHead#attention}, multiplies the path products explicitly, builds K_GP from its
 * definition and solves with Hipparchus — no code shared with the batched path.
 */
class GpRegressionOracleTest {

  @ParameterizedTest
  @EnumSource(Readout.class)
  void predictorAtGpValueIsPlainGpRegression(Readout readout) {
    List<Integer> heads = List.of(2, 3);
    Task task = RandomNetworks.task(21, heads, 15, 7, 5, 4);
    Architecture arch = new Architecture(heads, List.of(20, 20, 20), List.of(1.3, 0.8, 1.1, 0.9),
        0.05, readout);
    PathFeatures tr = PathFeatures.of(AttentionMaps.of(task.attention(), readout, task.xTrain(),
        EjmlBackend.INSTANCE), arch.variance(0));
    PathFeatures te = PathFeatures.of(AttentionMaps.of(task.attention(), readout, task.xTest(),
        EjmlBackend.INSTANCE), arch.variance(0));
    PredictorStatistics stats = new Predictor(tr, task.yTrain(), arch.temperature(),
        EjmlBackend.INSTANCE).evaluate(GpLimit.orderParameters(arch).u(1), te, task.yTest());
    // The mean-only path (no cross kernel) against the same oracle.
    PredictorStatistics meanOnly = new Predictor(tr, task.yTrain(), arch.temperature(),
        EjmlBackend.INSTANCE).evaluateMean(GpLimit.orderParameters(arch).u(1), te, task.yTest());
    assertEquals(stats.accuracy(), meanOnly.accuracy(), 0.0);
    assertEquals(stats.biasError(), meanOnly.biasError(), 1e-12);
    org.junit.jupiter.api.Assertions.assertTrue(Double.isNaN(meanOnly.gibbsAccuracy()));

    double scale = arch.variance(3) * arch.variance(1) * arch.variance(2);
    double[][] xiTrain = naiveFeatures(task, task.xTrain(), readout, arch);
    double[][] xiTest = naiveFeatures(task, task.xTest(), readout, arch);
    int p = xiTrain.length;
    int q = xiTest.length;
    int paths = 6;
    int n0 = 4;
    RealMatrix k = new Array2DRowRealMatrix(p, p);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        k.setEntry(i, j, scale * sameKernel(xiTrain[i], xiTrain[j], paths, n0, arch)
            + (i == j ? arch.temperature() : 0.0));
      }
    }
    CholeskyDecomposition chol = new CholeskyDecomposition(k);
    var alpha = chol.getSolver().solve(new ArrayRealVector(task.yTrain()));
    for (int t = 0; t < q; t++) {
      double[] ks = new double[p];
      for (int i = 0; i < p; i++) ks[i] = scale * sameKernel(xiTrain[i], xiTest[t], paths, n0, arch);
      double mean = new ArrayRealVector(ks).dotProduct(alpha);
      var v = chol.getSolver().solve(new ArrayRealVector(ks));
      double var = scale * sameKernel(xiTest[t], xiTest[t], paths, n0, arch)
          - new ArrayRealVector(ks).dotProduct(v);
      assertEquals(mean, stats.mean()[t], 1e-10 * Math.max(1, Math.abs(mean)), "mean " + t);
      assertEquals(mean, meanOnly.mean()[t], 1e-10 * Math.max(1, Math.abs(mean)), "mean only " + t);
      assertEquals(var, stats.variance()[t], 1e-9 * Math.max(1, Math.abs(var)), "variance " + t);
    }
  }

  /** Σ_π C^{ππ}(x, x') with C = σ0²/(N0 Π) ξ^π·ξ'^π; the arrays hold raw ξ. */
  private static double sameKernel(double[] a, double[] b, int paths, int n0, Architecture arch) {
    double acc = 0.0;
    for (int i = 0; i < paths * n0; i++) acc += a[i] * b[i];
    return arch.variance(0) / (n0 * (double) paths) * acc;
  }

  /** Raw ξ^π(X) = Σ_s x_s ω^π_s with ω^π = Ω^{(1,h1)} Ω^{(2,h2)} e_{t*}, by explicit products. */
  private static double[][] naiveFeatures(Task task, Sequences x, Readout readout,
      Architecture arch) {
    PathIndex index = new PathIndex(arch.heads());
    int t = x.tokens();
    int n0 = x.dim();
    double[][] out = new double[x.count()][index.count() * n0];
    for (int mu = 0; mu < x.count(); mu++) {
      for (int p = 0; p < index.count(); p++) {
        double[] o1 = new double[t * t];
        double[] o2 = new double[t * t];
        task.attention().layer(1).get(index.head(p, 1)).attention(x.data(), x.offset(mu), t, o1);
        task.attention().layer(2).get(index.head(p, 2)).attention(x.data(), x.offset(mu), t, o2);
        double[] v = new double[t];
        for (int s = 0; s < t; s++) {
          if (readout == Readout.AVERAGE) {
            for (int q = 0; q < t; q++) v[s] += o2[s * t + q] / t;
          } else {
            v[s] = o2[s * t + (readout == Readout.LAST ? t - 1 : 0)];
          }
        }
        for (int s = 0; s < t; s++) {
          double w = 0.0;
          for (int r = 0; r < t; r++) w += o1[s * t + r] * v[r];
          for (int i = 0; i < n0; i++) out[mu][p * n0 + i] += w * x.data()[x.offset(mu) + s * n0 + i];
        }
      }
    }
    return out;
  }
}
