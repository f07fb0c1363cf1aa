package org.attnpaths.numerics.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import java.util.Arrays;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.netlib.util.intW;

/**
 * System BLAS/LAPACK (OpenBLAS on the development machine) through dev.ludovic.netlib's JNI
 * stubs. 8–37× faster than EJML on this project's sizes (java-stack.md §3b).
 *
 * <p>BLAS and LAPACK are column-major, {@link DMatrixRMaj} is row-major. A row-major m×n array
 * is the column-major n×m transpose, so every call is rewritten on transposes instead of copying:
 * <ul>
 *   <li>gemm: row-major C = op(A)·op(B) is column-major Cᵀ = op(B)ᵀ·op(A)ᵀ, so B and A swap
 *       places and keep their transpose flags.</li>
 *   <li>A row-major lower triangle is a column-major upper triangle, so the lower factor L of
 *       the interface is LAPACK's {@code uplo = "U"} factor U = Lᵀ, with A = Uᵀ·U.</li>
 *   <li>Row-major n×k right-hand sides B are column-major k×n Bᵀ, so L·X = B is solved as
 *       Xᵀ·U = Bᵀ with {@code dtrsm(side = "R")}.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; workspaces are allocated per call (O(n) for Cholesky and
 * solves, O(n²) for the inverse and eigen-decomposition).
 */
public final class NativeBackend implements LinearAlgebraBackend {

  private final BLAS blas;
  private final LAPACK lapack;
  private final String description;

  NativeBackend(BLAS blas, LAPACK lapack, String description) {
    this.blas = blas;
    this.lapack = lapack;
    this.description = description;
  }

  /** Loaded at most once per JVM, on first use. */
  private static final class Holder {
    static final NetlibLoader.Outcome OUTCOME = NetlibLoader.load();
  }

  /**
   * The native backend, when dev.ludovic.netlib's JNI BLAS and LAPACK both load. Never returns
   * netlib's pure-Java fallbacks: they are slower than {@link EjmlBackend}. The first call loads
   * the system library and caches the outcome; it writes nothing to stdout or stderr.
   */
  public static Optional<LinearAlgebraBackend> load() {
    return Holder.OUTCOME.backend().map(b -> b);
  }

  /** Why {@link #load()} is empty, naming the library or class found; empty when it loaded. */
  public static String loadFailure() {
    return Holder.OUTCOME.failure();
  }

  /**
   * The number of threads OpenBLAS will use, as it decides: OPENBLAS_NUM_THREADS, then
   * GOTO_NUM_THREADS, then OMP_NUM_THREADS, else every available processor. A hint for
   * provenance: other BLAS libraries read other variables.
   */
  public static String threadsHint() {
    for (String var : new String[] {"OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"}) {
      String v = System.getenv(var);
      if (v != null && !v.isBlank()) return v.trim() + " (" + var + ")";
    }
    return Runtime.getRuntime().availableProcessors() + " (default: available processors)";
  }

  @Override
  public String name() {
    return "native";
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void gemm(double alpha, DMatrixRMaj a, boolean transA, DMatrixRMaj b, boolean transB,
      double beta, DMatrixRMaj c) {
    int m = transA ? a.numCols : a.numRows;
    int k = transA ? a.numRows : a.numCols;
    int kb = transB ? b.numCols : b.numRows;
    int n = transB ? b.numRows : b.numCols;
    if (k != kb || c.numRows != m || c.numCols != n) {
      throw new IllegalArgumentException("gemm: expected op(a) m×k, op(b) k×n, c m×n, got op(a) "
          + m + "×" + k + ", op(b) " + kb + "×" + n + ", c " + c.numRows + "×" + c.numCols);
    }
    if (c.data == a.data || c.data == b.data) {
      throw new IllegalArgumentException("gemm: c must not alias a or b");
    }
    if (m == 0 || n == 0) return;
    if (k == 0) {  // op(a)·op(b) = 0; BLAS would reject the zero leading dimensions
      if (beta == 0.0) Arrays.fill(c.data, 0, m * n, 0.0);
      else for (int i = 0; i < m * n; i++) c.data[i] *= beta;
      return;
    }
    // Column-major Cᵀ (n×m, ld n) = α·op(B)ᵀ·op(A)ᵀ + β·Cᵀ; the column-major view of b is bᵀ
    // (ld b.numCols), so op(B)ᵀ is that view as is when transB is false.
    blas.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k,
        alpha, b.data, b.numCols, a.data, a.numCols, beta, c.data, n);
  }

  @Override
  public void gemmBatch(double alpha, MatrixBatch a, boolean transA, MatrixBatch b,
      boolean transB, double beta, MatrixBatch c, int from, int to) {
    BatchShape s = BatchShape.of(a, transA, b, transB, c, from, to);
    String opA = transA ? "T" : "N";
    String opB = transB ? "T" : "N";
    // As in gemm: column-major C_iᵀ (n×m, ld n) = α·op(B_i)ᵀ·op(A_i)ᵀ + β·C_iᵀ, at the offsets.
    for (int i = from; i < to; i++) {
      blas.dgemm(opB, opA, s.n(), s.m(), s.k(), alpha, b.data(), b.start(i), b.cols(),
          a.data(), a.start(i), a.cols(), beta, c.data(), c.start(i), s.n());
    }
  }

  @Override
  public void gemv(double alpha, DMatrixRMaj a, boolean transA, double[] x, double beta,
      double[] y) {
    int m = a.numRows;
    int n = a.numCols;
    GemvShape.check(a, transA, x, y);
    int rows = transA ? n : m;
    if (rows == 0) return;
    if ((transA ? m : n) == 0) {  // op(a)·x = 0; BLAS would reject the zero leading dimension
      for (int i = 0; i < rows; i++) y[i] = beta == 0.0 ? 0.0 : beta * y[i];
      return;
    }
    // Row-major a (m×n) is the column-major n×m matrix aᵀ (ld n): a·x is "T" on it, aᵀ·x is "N".
    long values = (long) m * n;
    int sliceUnit = transA ? m : n;  // values per row (no transpose) or column (transpose) of a
    if (values < OPENBLAS_GEMV_THREADED || values > SERIAL_GEMV_MAX_VALUES
        || sliceUnit >= OPENBLAS_GEMV_THREADED) {
      // Serial already, large enough for the pool, or no slice would be below the threading size.
      blas.dgemv(transA ? "N" : "T", n, m, alpha, a.data, n, x, 1, beta, y, 1);
    } else if (!transA) {
      // Row slices of a, each below OpenBLAS's threading size: y[r0, r1) = α a[r0, r1) x + β y.
      int step = (OPENBLAS_GEMV_THREADED - 1) / n;
      for (int r0 = 0; r0 < m; r0 += step) {
        int r = Math.min(step, m - r0);
        blas.dgemv("T", n, r, alpha, a.data, r0 * n, n, x, 0, 1, beta, y, r0, 1);
      }
    } else {
      // Column slices of a: y[c0, c1) = α a[:, c0, c1)ᵀ x + β y.
      int step = (OPENBLAS_GEMV_THREADED - 1) / m;
      for (int c0 = 0; c0 < n; c0 += step) {
        int c = Math.min(step, n - c0);
        blas.dgemv("N", c, m, alpha, a.data, c0, n, x, 0, 1, beta, y, c0, 1);
      }
    }
  }

  /**
   * OpenBLAS (0.3.x interface/gemv.c) runs a dgemv on its thread pool once m·n reaches 2304 ·
   * GEMM_MULTITHREAD_THRESHOLD (4 by default). For products up to {@link #SERIAL_GEMV_MAX_VALUES}
   * values (8 MB, about a millisecond on one core) that only adds the hand-over to the pool's
   * worker, and when another Java thread keeps the worker busy (the sweep's test-set features
   * while the widths are solved) the caller waits for it: at P = 100 the solves' kernel passes
   * (10 × 5050 values) took 92 ms of the main thread's CPU, mostly waiting. Such products are
   * issued as slices below the threading size, which OpenBLAS runs on the calling thread.
   */
  static final int OPENBLAS_GEMV_THREADED = 2304 * 4;
  static final long SERIAL_GEMV_MAX_VALUES = 1L << 20;

  @Override
  public void syrk(double alpha, DMatrixRMaj a, boolean transA, double beta, DMatrixRMaj c) {
    SyrkShape shape = SyrkShape.of(a, transA, c);
    int n = shape.n();
    int k = shape.k();
    if (n == 0) return;
    if (k == 0) {
      if (beta == 0.0) Arrays.fill(c.data, 0, n * n, 0.0);
      else for (int i = 0; i < n * n; i++) c.data[i] *= beta;
      return;
    }
    // The column-major view of row-major a is X = aᵀ: a·aᵀ = Xᵀ·X ("T"), aᵀ·a = X·Xᵀ ("N").
    // c is symmetric, so its column-major view is c itself; "U" (column-major upper) is the
    // row-major lower triangle, mirrored below.
    blas.dsyrk("U", transA ? "N" : "T", n, k, alpha, a.data, a.numCols, beta, c.data, n);
    mirrorLowerToUpper(c.data, n);
  }

  /**
   * Copies the lower triangle onto the upper one in 32×32 tiles (a plain loop thrashes cache; a
   * tile's source and destination, 2 × 8 kB, stay in L1). n = 3072 in a cold C1 JVM: 24–51 ms,
   * median 29, against 33–60 ms, median 38, with 64×64 tiles (BENCHMARKS.md, image-scale solve).
   */
  static void mirrorLowerToUpper(double[] d, int n) {
    final int tile = 32;
    for (int ib = 0; ib < n; ib += tile) {
      int iEnd = Math.min(ib + tile, n);
      for (int jb = ib; jb < n; jb += tile) {
        int jEnd = Math.min(jb + tile, n);
        for (int i = ib; i < iEnd; i++) {
          for (int j = Math.max(jb, i + 1); j < jEnd; j++) d[i * n + j] = d[j * n + i];
        }
      }
    }
  }

  /**
   * Order up to which the Cholesky factor and inverse use LAPACK's unblocked routines (dpotf2,
   * dtrti2, dlauu2). OpenBLAS runs dpotrf/dpotri through its thread pool at any size: at n = 100
   * that costs 350 µs against 180–220 µs unblocked (n = 150: 840 against 620 µs; at 200 the blocked
   * routines win), and a second Java thread using the pool (the sweep's test-set features) makes
   * the caller spin until the pool's worker is free (BENCHMARKS.md, issue 2).
   */
  static final int UNBLOCKED_MAX = 160;

  @Override
  public boolean cholesky(DMatrixRMaj a) {
    if (a.numRows != a.numCols) {
      throw new IllegalArgumentException(
          "cholesky: expected a square matrix, got " + a.numRows + "×" + a.numCols);
    }
    int n = a.numRows;
    if (n == 0) return true;
    double[] d = a.data;
    intW info = new intW(0);
    // Row-major lower = column-major upper: dpotrf("U") reads and writes exactly that triangle.
    if (n <= UNBLOCKED_MAX) lapack.dpotf2("U", n, d, n, info);
    else lapack.dpotrf("U", n, d, n, info);
    if (info.val < 0) {
      throw new IllegalStateException("dpotrf: illegal argument " + (-info.val));
    }
    if (info.val > 0) return false;  // leading minor info.val is not positive definite
    for (int i = 0; i < n; i++) {
      double lii = d[i * n + i];
      // NaN input can pass dpotrf (NaN <= 0 is false); the EJML backend rejects it too.
      if (!(lii > 0.0) || !Double.isFinite(lii)) return false;
      Arrays.fill(d, i * n + i + 1, (i + 1) * n, 0.0);
    }
    return true;
  }

  @Override
  public void choleskySolve(DMatrixRMaj l, DMatrixRMaj b) {
    checkSolveShapes(l, b);
    int n = l.numRows;
    int k = b.numCols;
    if (n == 0 || k == 0) return;
    // A = L·Lᵀ = Uᵀ·U with U = Lᵀ the column-major "U" view of l.
    if (k == 1) {
      blas.dtrsv("U", "T", "N", n, l.data, n, b.data, 1);  // Uᵀ·y = b
      blas.dtrsv("U", "N", "N", n, l.data, n, b.data, 1);  // U·x = y
      return;
    }
    // Xᵀ·Uᵀ·U = Bᵀ, Bᵀ being the column-major k×n view of b (ld k).
    blas.dtrsm("R", "U", "N", "N", k, n, 1.0, l.data, n, b.data, k);  // Z·U = Bᵀ
    blas.dtrsm("R", "U", "T", "N", k, n, 1.0, l.data, n, b.data, k);  // Xᵀ·Uᵀ = Z
  }

  @Override
  public void lowerSolve(DMatrixRMaj l, DMatrixRMaj b) {
    checkSolveShapes(l, b);
    int n = l.numRows;
    int k = b.numCols;
    if (n == 0 || k == 0) return;
    // L·X = B  ⇔  Uᵀ·X = B  ⇔  Xᵀ·U = Bᵀ. The strict upper triangle of l is never read.
    if (k == 1) {
      blas.dtrsv("U", "T", "N", n, l.data, n, b.data, 1);
    } else {
      blas.dtrsm("R", "U", "N", "N", k, n, 1.0, l.data, n, b.data, k);
    }
  }

  @Override
  public void choleskyInverse(DMatrixRMaj l, DMatrixRMaj out) {
    choleskyInverseLower(l, out);
    mirrorLowerToUpper(out.data, out.numRows);
  }

  @Override
  public void choleskyInverseLower(DMatrixRMaj l, DMatrixRMaj out) {
    if (l.numRows != l.numCols) {
      throw new IllegalArgumentException(
          "choleskyInverse: expected a square factor, got " + l.numRows + "×" + l.numCols);
    }
    if (out == l || out.data == l.data) {
      throw new IllegalArgumentException("choleskyInverse: out must not alias l");
    }
    int n = l.numRows;
    out.reshape(n, n);
    if (n == 0) return;
    System.arraycopy(l.data, 0, out.data, 0, n * n);
    intW info = new intW(0);
    // dpotri("U") turns U (= Lᵀ, column-major) into the column-major upper triangle of A⁻¹,
    // which is the row-major lower triangle; for small n its two unblocked steps U⁻¹, U⁻¹U⁻ᵀ.
    if (n <= UNBLOCKED_MAX) {
      lapack.dtrti2("U", "N", n, out.data, n, info);
      if (info.val == 0) lapack.dlauu2("U", n, out.data, n, info);
    } else {
      lapack.dpotri("U", n, out.data, n, info);
    }
    if (info.val < 0) {
      throw new IllegalStateException("dpotri: illegal argument " + (-info.val));
    }
    if (info.val > 0) {
      throw new ArithmeticException("choleskyInverse: L[" + (info.val - 1) + "][" + (info.val - 1)
          + "] is zero, the matrix is singular");
    }
  }

  @Override
  public SymmetricEigen eigen(DMatrixRMaj a, boolean vectors) {
    if (a.numRows != a.numCols) {
      throw new IllegalArgumentException(
          "eigen: expected a square matrix, got " + a.numRows + "×" + a.numCols);
    }
    int n = a.numRows;
    if (n == 0) return new SymmetricEigen(new double[0], vectors ? new DMatrixRMaj(0, 0) : null);
    // Symmetric, so the column-major view is the matrix itself; dsyevd overwrites it.
    DMatrixRMaj z = new DMatrixRMaj(n, n);
    System.arraycopy(a.data, 0, z.data, 0, n * n);
    String jobz = vectors ? "V" : "N";
    double[] w = new double[n];
    double[] workQuery = new double[1];
    int[] iworkQuery = new int[1];
    intW info = new intW(0);
    lapack.dsyevd(jobz, "L", n, z.data, n, w, workQuery, -1, iworkQuery, -1, info);
    checkEigenInfo(info, n);
    double[] work = new double[Math.max(1, (int) workQuery[0])];
    int[] iwork = new int[Math.max(1, iworkQuery[0])];
    lapack.dsyevd(jobz, "L", n, z.data, n, w, work, work.length, iwork, iwork.length, info);
    checkEigenInfo(info, n);
    if (!vectors) return new SymmetricEigen(w, null);
    // Column-major Z holds eigenvector j in column j; read row-major, that is Vᵀ.
    CommonOps_DDRM.transpose(z);
    return new SymmetricEigen(w, z);
  }

  private static void checkEigenInfo(intW info, int n) {
    if (info.val < 0) {
      throw new IllegalStateException("dsyevd: illegal argument " + (-info.val));
    }
    if (info.val > 0) {
      throw new ArithmeticException(
          "eigen: dsyevd failed to converge (info=" + info.val + "), n=" + n);
    }
  }

  private static void checkSolveShapes(DMatrixRMaj l, DMatrixRMaj b) {
    if (l.numRows != l.numCols || b.numRows != l.numRows) {
      throw new IllegalArgumentException("solve: expected L n×n and B n×k, got L "
          + l.numRows + "×" + l.numCols + " and B " + b.numRows + "×" + b.numCols);
    }
  }

  @Override
  public String toString() {
    return "NativeBackend[" + description + "]";
  }
}
