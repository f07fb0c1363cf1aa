package org.attnpaths.benchmarks.linalg;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.attnpaths.numerics.linalg.BackendChoice;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.linalg.LinearAlgebraBackends;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * EJML against native BLAS/LAPACK on the two operations that dominate a saddle-point solve:
 * dense multiply C = A·B (n = 500, 1000, 2000) and Cholesky + one solve + log-determinant of an
 * SPD kernel matrix (n = 500 … 4000). The {@code native} rows fail at setup when no system
 * library loads; the message gives the reason.
 *
 * <p>With the defaults (1 fork, 2 + 3 iterations of 2 s) a full run takes a few minutes on a quiet
 * two-core machine, most of it EJML at n = 2000–4000; pass {@code -p n=1000} and {@code -wi}/{@code -i} for
 * a quick look. Both states name their size {@code n}, so {@code -p n=…} applies to both
 * benchmarks: {@code -p n=4000} also runs EJML's multiply at n = 4000, about two minutes per
 * operation. Select one benchmark by name ({@code LinearAlgebraBenchmark.choleskySolveLogDet})
 * when passing large sizes. OpenBLAS uses every core unless {@code OPENBLAS_NUM_THREADS} is set
 * (the forked JVM inherits the environment); EJML's backend is single-threaded.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class LinearAlgebraBenchmark {

  private static LinearAlgebraBackend backend(String name) {
    return LinearAlgebraBackends.select(BackendChoice.parse(name));
  }

  /** Operands of C = A·B: two n×n matrices with entries uniform in [−1, 1). */
  @State(Scope.Benchmark)
  public static class Multiply {
    @Param({"ejml", "native"})
    public String backend;

    @Param({"500", "1000", "2000"})
    public int n;

    LinearAlgebraBackend linalg;
    DMatrixRMaj a;
    DMatrixRMaj b;
    DMatrixRMaj c;

    @Setup
    public void setUp() {
      linalg = backend(backend);
      SplittableRandom rng = new SplittableRandom(17);
      a = new DMatrixRMaj(n, n);
      b = new DMatrixRMaj(n, n);
      c = new DMatrixRMaj(n, n);
      for (int i = 0; i < n * n; i++) {
        a.data[i] = rng.nextDouble(-1.0, 1.0);
        b.data[i] = rng.nextDouble(-1.0, 1.0);
      }
    }
  }

  /**
   * A Gaussian kernel matrix K_ij = exp(−|x_i − x_j|²/(2d)) + 0.01·δ_ij on n random points in
   * d = 20 dimensions: dense and SPD like the theory's K + T·I, and built in O(n²·d), where
   * B·Bᵀ would take EJML half a minute at n = 4000.
   */
  @State(Scope.Benchmark)
  public static class Kernel {
    @Param({"ejml", "native"})
    public String backend;

    @Param({"500", "1000", "2000", "4000"})
    public int n;

    LinearAlgebraBackend linalg;
    DMatrixRMaj k;
    DMatrixRMaj work;
    DMatrixRMaj rhs;
    DMatrixRMaj solution;

    @Setup
    public void setUp() {
      linalg = backend(backend);
      int d = 20;
      SplittableRandom rng = new SplittableRandom(23);
      double[][] x = new double[n][d];
      for (double[] xi : x) {
        for (int j = 0; j < d; j++) xi[j] = rng.nextDouble(-1.0, 1.0) * Math.sqrt(3.0);
      }
      k = new DMatrixRMaj(n, n);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          double r2 = 0.0;
          for (int p = 0; p < d; p++) {
            double diff = x[i][p] - x[j][p];
            r2 += diff * diff;
          }
          double v = Math.exp(-r2 / (2.0 * d)) + (i == j ? 0.01 : 0.0);
          k.data[i * n + j] = v;
          k.data[j * n + i] = v;
        }
      }
      work = new DMatrixRMaj(n, n);
      rhs = new DMatrixRMaj(n, 1);
      for (int i = 0; i < n; i++) rhs.data[i] = rng.nextDouble(-1.0, 1.0);
      solution = new DMatrixRMaj(n, 1);
    }
  }

  /** C = A·B, n×n. */
  @Benchmark
  public DMatrixRMaj multiply(Multiply s) {
    s.linalg.gemm(1.0, s.a, false, s.b, false, 0.0, s.c);
    return s.c;
  }

  /**
   * Copy K (O(n²), included in the time), factor K = L·Lᵀ in place, solve K·x = y for one
   * right-hand side, and return ln det K = Σ 2·ln L_ii.
   */
  @Benchmark
  public double choleskySolveLogDet(Kernel s) {
    int n = s.n;
    System.arraycopy(s.k.data, 0, s.work.data, 0, n * n);
    if (!s.linalg.cholesky(s.work)) throw new IllegalStateException("kernel matrix not PD");
    System.arraycopy(s.rhs.data, 0, s.solution.data, 0, n);
    s.linalg.choleskySolve(s.work, s.solution);
    double logDet = 0.0;
    for (int i = 0; i < n; i++) logDet += 2.0 * Math.log(s.work.data[i * n + i]);
    return logDet + s.solution.data[0];
  }
}
