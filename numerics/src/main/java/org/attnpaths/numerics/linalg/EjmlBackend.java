package org.attnpaths.numerics.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.decomposition.BaseDecomposition_DDRB_to_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Pure-Java backend on EJML's row-major dense operations. Always available. */
public final class EjmlBackend implements LinearAlgebraBackend {

  public static final EjmlBackend INSTANCE = new EjmlBackend();

  private EjmlBackend() {}

  @Override
  public String name() {
    return "ejml";
  }

  @Override
  public String description() {
    return "EJML " + org.ejml.EjmlVersion.VERSION + " (pure Java, DDRM)";
  }

  /** Products above this many multiply-adds use EJML's two-thread kernel. */
  private static final long CONCURRENT_WORK = 4_000_000L;

  @Override
  public void gemm(double alpha, DMatrixRMaj a, boolean transA, DMatrixRMaj b, boolean transB,
      double beta, DMatrixRMaj c) {
    // EJML's transposed kernels are dot-product loops (about 1 GFLOP/s); an explicit transpose
    // followed by the row-reordering kernel is several times faster for the sizes used here.
    DMatrixRMaj left = transA ? CommonOps_DDRM.transpose(a, null) : a;
    DMatrixRMaj right = transB ? CommonOps_DDRM.transpose(b, null) : b;
    boolean concurrent = (long) left.numRows * left.numCols * right.numCols > CONCURRENT_WORK;
    if (beta == 0.0) {
      if (concurrent) CommonOps_MT_DDRM.mult(alpha, left, right, c);
      else CommonOps_DDRM.mult(alpha, left, right, c);
      return;
    }
    if (beta != 1.0) CommonOps_DDRM.scale(beta, c);
    if (concurrent) CommonOps_MT_DDRM.multAdd(alpha, left, right, c);
    else CommonOps_DDRM.multAdd(alpha, left, right, c);
  }

  /** Plain loops (EJML has no offset products); row-reordered so that the inner loop is unit-stride. */
  @Override
  public void gemmBatch(double alpha, MatrixBatch a, boolean transA, MatrixBatch b,
      boolean transB, double beta, MatrixBatch c, int from, int to) {
    BatchShape s = BatchShape.of(a, transA, b, transB, c, from, to);
    int m = s.m();
    int n = s.n();
    int k = s.k();
    if (to - from == 1 && (long) m * n * k > CONCURRENT_WORK) {
      // One large product (attention queries of a chunk of examples): EJML's blocked,
      // multi-threaded gemm on copies of the slices.
      DMatrixRMaj left = slice(a, from);
      DMatrixRMaj right = slice(b, from);
      DMatrixRMaj out = slice(c, from);
      gemm(alpha, left, transA, right, transB, beta, out);
      System.arraycopy(out.data, 0, c.data(), c.start(from), m * n);
      return;
    }
    double[] ad = a.data();
    double[] bd = b.data();
    double[] cd = c.data();
    int ac = a.cols();
    int bc = b.cols();
    for (int i = from; i < to; i++) {
      int a0 = a.start(i);
      int b0 = b.start(i);
      int c0 = c.start(i);
      for (int r = 0; r < m; r++) {
        int row = c0 + r * n;
        if (transB && !transA) {                       // c_rj = a_r · b_j, both rows contiguous
          for (int j = 0; j < n; j++) {
            double acc = 0.0;
            int ar = a0 + r * ac;
            int bj = b0 + j * bc;
            for (int p = 0; p < k; p++) acc += ad[ar + p] * bd[bj + p];
            cd[row + j] = alpha * acc + (beta == 0.0 ? 0.0 : beta * cd[row + j]);
          }
          continue;
        }
        for (int j = 0; j < n; j++) cd[row + j] = beta == 0.0 ? 0.0 : beta * cd[row + j];
        for (int p = 0; p < k; p++) {
          double av = alpha * (transA ? ad[a0 + p * ac + r] : ad[a0 + r * ac + p]);
          if (!transB) {
            int bRow = b0 + p * bc;
            for (int j = 0; j < n; j++) cd[row + j] += av * bd[bRow + j];
          } else {
            for (int j = 0; j < n; j++) cd[row + j] += av * bd[b0 + j * bc + p];
          }
        }
      }
    }
  }

  /** Matrix i of a batch as a new DMatrixRMaj (a copy). */
  private static DMatrixRMaj slice(MatrixBatch batch, int i) {
    DMatrixRMaj out = new DMatrixRMaj(batch.rows(), batch.cols());
    System.arraycopy(batch.data(), batch.start(i), out.data, 0, batch.rows() * batch.cols());
    return out;
  }

  /** Matrix-vector products over at least this many entries run on two threads. */
  private static final long CONCURRENT_GEMV = 4_000_000L;

  @Override
  public void gemv(double alpha, DMatrixRMaj a, boolean transA, double[] x, double beta,
      double[] y) {
    int m = a.numRows;
    int n = a.numCols;
    GemvShape.check(a, transA, x, y);
    int rows = transA ? n : m;
    for (int i = 0; i < rows; i++) y[i] = beta == 0.0 ? 0.0 : beta * y[i];
    // Memory-bound: split the output range in two halves on the common pool when a is large.
    int parts = (long) m * n >= CONCURRENT_GEMV ? 2 : 1;
    java.util.stream.IntStream.range(0, parts).parallel().forEach(part -> {
      int from = (int) ((long) rows * part / parts);
      int to = (int) ((long) rows * (part + 1) / parts);
      double[] d = a.data;
      if (!transA) {
        for (int i = from; i < to; i++) {       // y_i += α Σ_j a_ij x_j: a dot product per row
          double acc = 0.0;
          int row = i * n;
          for (int j = 0; j < n; j++) acc += d[row + j] * x[j];
          y[i] += alpha * acc;
        }
      } else {
        for (int i = 0; i < m; i++) {            // y += α x_i · (row i of a): axpy per row
          double xi = alpha * x[i];
          int row = i * n;
          for (int j = from; j < to; j++) y[j] += xi * d[row + j];
        }
      }
    });
  }

  /** Tile edge of the blocked syrk: a 128×128 tile of c (128 KiB) stays in the L2 cache. */
  private static final int SYRK_TILE = 128;

  /**
   * Blocked rank-k update on the row-major layout: with a k×n (c = aᵀa; a·aᵀ transposes a
   * first), every 128×128 tile of c's lower triangle accumulates Σ_μ a_μIᵀ a_μJ as contiguous
   * axpys over a's rows while the tile stays in cache; the tiles are shared between two threads
   * above {@value #CONCURRENT_WORK} multiply-adds. (EJML's multInner/multOuter are dot-product
   * loops over strided or uncached data: 5–10× slower at the energy Hessian's sizes.)
   */
  @Override
  public void syrk(double alpha, DMatrixRMaj a, boolean transA, double beta, DMatrixRMaj c) {
    SyrkShape shape = SyrkShape.of(a, transA, c);
    int n = shape.n();
    int k = shape.k();
    DMatrixRMaj rows = transA ? a : CommonOps_DDRM.transpose(a, null);   // k × n
    double[] ad = rows.data;
    DMatrixRMaj product = new DMatrixRMaj(n, n);
    double[] pd = product.data;
    int tiles = (n + SYRK_TILE - 1) / SYRK_TILE;
    int pairs = tiles * (tiles + 1) / 2;
    java.util.stream.IntStream range = java.util.stream.IntStream.range(0, pairs);
    if ((long) n * n * k / 2 > CONCURRENT_WORK) range = range.parallel();
    range.forEach(t -> {
      int ti = (int) ((Math.sqrt(8.0 * t + 1) - 1) / 2);   // t = ti(ti+1)/2 + tj, tj ≤ ti
      while (ti * (ti + 1) / 2 > t) ti--;
      while ((ti + 1) * (ti + 2) / 2 <= t) ti++;
      int tj = t - ti * (ti + 1) / 2;
      int i0 = ti * SYRK_TILE;
      int i1 = Math.min(n, i0 + SYRK_TILE);
      int j0 = tj * SYRK_TILE;
      int j1 = Math.min(n, j0 + SYRK_TILE);
      int mu = 0;
      for (; mu + 4 <= k; mu += 4) {           // four rows of a per pass over the tile
        int r0 = mu * n;
        int r1 = r0 + n;
        int r2 = r1 + n;
        int r3 = r2 + n;
        for (int i = i0; i < i1; i++) {
          double a0 = ad[r0 + i];
          double a1 = ad[r1 + i];
          double a2 = ad[r2 + i];
          double a3 = ad[r3 + i];
          int ci = i * n;
          int end = Math.min(j1, i + 1);
          for (int j = j0; j < end; j++) {
            pd[ci + j] += a0 * ad[r0 + j] + a1 * ad[r1 + j] + a2 * ad[r2 + j] + a3 * ad[r3 + j];
          }
        }
      }
      for (; mu < k; mu++) {
        int row = mu * n;
        for (int i = i0; i < i1; i++) {
          double ai = ad[row + i];
          int ci = i * n;
          int end = Math.min(j1, i + 1);
          for (int j = j0; j < end; j++) pd[ci + j] += ai * ad[row + j];
        }
      }
    });
    double[] cd = c.data;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double v = alpha * pd[i * n + j];
        cd[i * n + j] = v + (beta == 0.0 ? 0.0 : beta * cd[i * n + j]);
        if (i != j) cd[j * n + i] = v + (beta == 0.0 ? 0.0 : beta * cd[j * n + i]);
      }
    }
  }

  @Override
  public boolean cholesky(DMatrixRMaj a) {
    if (a.numRows != a.numCols) {
      throw new IllegalArgumentException(
          "cholesky: expected a square matrix, got " + a.numRows + "×" + a.numCols);
    }
    CholeskyDecomposition_F64<DMatrixRMaj> chol =
        DecompositionFactory_DDRM.chol(a.numRows, true);
    // The EJML factorisation writes L in place.
    if (!chol.inputModified()) {
      throw new IllegalStateException("EJML Cholesky expected to work in place");
    }
    int n = a.numRows;
    double[] d = a.data;
    // EJML's "lower" factorisation reads the upper triangle (CholeskyDecompositionInner_DDRM
    // sums from t[i*n+j], j >= i), but the interface promises that only the lower one is read:
    // mirror it first. O(n²) against the O(n³) factorisation.
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) d[j * n + i] = d[i * n + j];
    }
    if (!chol.decompose(a)) return false;
    // From n = EjmlParameters.SWITCH_BLOCK64_CHOLESKY (1000) EJML factors in 64-wide block
    // layout, converted in place, and leaves a.data in that layout: convert it back.
    if (chol instanceof BaseDecomposition_DDRB_to_DDRM block) block.convertBlockToRow(n, n, d);
    for (int i = 0; i < n; i++) {
      double lii = d[i * n + i];
      if (!(lii > 0.0) || !Double.isFinite(lii)) return false;
      for (int j = i + 1; j < n; j++) d[i * n + j] = 0.0;
    }
    return true;
  }

  @Override
  public void choleskySolve(DMatrixRMaj l, DMatrixRMaj b) {
    checkSolveShapes(l, b);
    int n = l.numRows;
    if (b.numCols == 1) {
      TriangularSolver_DDRM.solveL(l.data, b.data, n);
      TriangularSolver_DDRM.solveTranL(l.data, b.data, n);
      return;
    }
    lowerSolve(l, b);
    upperTransposeSolve(l, b);
  }

  /** Column chunk of the blocked forward substitution: n × 256 doubles stay in cache. */
  private static final int SOLVE_CHUNK = 256;

  @Override
  public void lowerSolve(DMatrixRMaj l, DMatrixRMaj b) {
    checkSolveShapes(l, b);
    int n = l.numRows;
    int k = b.numCols;
    double[] ld = l.data;
    double[] bd = b.data;
    // Row-oriented forward substitution, row i of X = (row i of B − Σ_{j<i} L_ij · row j of X)
    // / L_ii, on chunks of 256 columns (independent; two threads above CONCURRENT_WORK), so that
    // the rows j < i are re-read from cache rather than memory.
    int chunks = (k + SOLVE_CHUNK - 1) / SOLVE_CHUNK;
    java.util.stream.IntStream range = java.util.stream.IntStream.range(0, chunks);
    if ((long) n * n * k / 2 > CONCURRENT_WORK) range = range.parallel();
    range.forEach(chunk -> {
      int c0 = chunk * SOLVE_CHUNK;
      int c1 = Math.min(k, c0 + SOLVE_CHUNK);
      for (int i = 0; i < n; i++) {
        int bi = i * k;
        for (int j = 0; j < i; j++) {
          double lij = ld[i * n + j];
          if (lij == 0.0) continue;
          int bj = j * k;
          for (int c = c0; c < c1; c++) bd[bi + c] -= lij * bd[bj + c];
        }
        double inv = 1.0 / ld[i * n + i];
        for (int c = c0; c < c1; c++) bd[bi + c] *= inv;
      }
    });
  }

  /** Solves Lᵀ·X = B in place (back substitution). */
  private static void upperTransposeSolve(DMatrixRMaj l, DMatrixRMaj b) {
    int n = l.numRows;
    int k = b.numCols;
    double[] ld = l.data;
    double[] bd = b.data;
    for (int i = n - 1; i >= 0; i--) {
      int bi = i * k;
      double inv = 1.0 / ld[i * n + i];
      for (int c = 0; c < k; c++) bd[bi + c] *= inv;
      // X_i is final; remove its contribution from rows j < i: B_j −= (Lᵀ)_{j i} X_i = L_{i j} X_i
      for (int j = 0; j < i; j++) {
        double lij = ld[i * n + j];
        if (lij == 0.0) continue;
        int bj = j * k;
        for (int c = 0; c < k; c++) bd[bj + c] -= lij * bd[bi + c];
      }
    }
  }

  /**
   * A⁻¹ = L⁻ᵀ L⁻¹ in n³/3 multiply-adds (as LAPACK's dpotri), not the n³ of solving against the
   * identity: X = L⁻¹ by row-oriented forward substitution (row i of X = (e_i − Σ_{k<i} L_ik ·
   * row k of X) / L_ii, each row k of X non-zero only up to column k), then the lower triangle of
   * XᵀX accumulated row by row (A_jl += X_ij X_il, l ≤ j ≤ i). Both loops are contiguous axpys.
   */
  @Override
  public void choleskyInverse(DMatrixRMaj l, DMatrixRMaj out) {
    choleskyInverseLower(l, out);
    CommonOps_DDRM.symmLowerToFull(out);
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
    double[] ld = l.data;
    double[] x = new double[n * n];
    for (int i = 0; i < n; i++) {
      int xi = i * n;
      for (int k = 0; k < i; k++) {
        double lik = ld[i * n + k];
        if (lik == 0.0) continue;
        int xk = k * n;
        for (int c = 0; c <= k; c++) x[xi + c] -= lik * x[xk + c];
      }
      double lii = ld[i * n + i];
      if (!(lii != 0.0)) {
        throw new ArithmeticException("choleskyInverse: L[" + i + "][" + i + "] is zero, the "
            + "matrix is singular");
      }
      double inv = 1.0 / lii;
      for (int c = 0; c < i; c++) x[xi + c] *= inv;
      x[xi + i] = inv;
    }
    double[] a = out.data;
    java.util.Arrays.fill(a, 0, n * n, 0.0);
    for (int i = 0; i < n; i++) {
      int xi = i * n;
      for (int j = 0; j <= i; j++) {
        double xij = x[xi + j];
        if (xij == 0.0) continue;
        int aj = j * n;
        for (int c = 0; c <= j; c++) a[aj + c] += xij * x[xi + c];
      }
    }
  }

  @Override
  public SymmetricEigen eigen(DMatrixRMaj a, boolean vectors) {
    int n = a.numRows;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, vectors, true);
    if (!eig.decompose(a.copy())) {
      throw new ArithmeticException("eigen: EJML symmetric eigen-decomposition failed, n=" + n);
    }
    Integer[] order = new Integer[n];
    double[] raw = new double[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      raw[i] = eig.getEigenvalue(i).real;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(raw[x], raw[y]));
    double[] values = new double[n];
    DMatrixRMaj v = vectors ? new DMatrixRMaj(n, n) : null;
    for (int i = 0; i < n; i++) {
      values[i] = raw[order[i]];
      if (vectors) {
        DMatrixRMaj col = eig.getEigenVector(order[i]);
        for (int r = 0; r < n; r++) v.data[r * n + i] = col.data[r];
      }
    }
    return new SymmetricEigen(values, v);
  }

  private static void checkSolveShapes(DMatrixRMaj l, DMatrixRMaj b) {
    if (l.numRows != l.numCols || b.numRows != l.numRows) {
      throw new IllegalArgumentException("solve: expected L n×n and B n×k, got L "
          + l.numRows + "×" + l.numCols + " and B " + b.numRows + "×" + b.numCols);
    }
  }
}
