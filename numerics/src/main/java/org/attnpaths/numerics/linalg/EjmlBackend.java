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

  @Override
  public void syrk(double alpha, DMatrixRMaj a, boolean transA, double beta, DMatrixRMaj c) {
    SyrkShape shape = SyrkShape.of(a, transA, c);
    int n = shape.n();
    int k = shape.k();
    DMatrixRMaj product = new DMatrixRMaj(n, n);
    boolean concurrent = (long) n * n * k / 2 > CONCURRENT_WORK;
    // EJML's inner/outer products compute one triangle and mirror it.
    if (transA) {
      if (concurrent) CommonOps_MT_DDRM.multInner(a, product);
      else CommonOps_DDRM.multInner(a, product);
    } else {
      if (concurrent) CommonOps_MT_DDRM.multOuter(a, product);
      else CommonOps_DDRM.multOuter(a, product);
    }
    double[] cd = c.data;
    double[] pd = product.data;
    for (int i = 0; i < n * n; i++) cd[i] = alpha * pd[i] + (beta == 0.0 ? 0.0 : beta * cd[i]);
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

  @Override
  public void lowerSolve(DMatrixRMaj l, DMatrixRMaj b) {
    checkSolveShapes(l, b);
    int n = l.numRows;
    int k = b.numCols;
    double[] ld = l.data;
    double[] bd = b.data;
    // Row-oriented forward substitution: row i of X = (row i of B − Σ_{j<i} L_ij · row j of X) / L_ii
    for (int i = 0; i < n; i++) {
      int bi = i * k;
      for (int j = 0; j < i; j++) {
        double lij = ld[i * n + j];
        if (lij == 0.0) continue;
        int bj = j * k;
        for (int c = 0; c < k; c++) bd[bi + c] -= lij * bd[bj + c];
      }
      double inv = 1.0 / ld[i * n + i];
      for (int c = 0; c < k; c++) bd[bi + c] *= inv;
    }
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

  @Override
  public void choleskyInverse(DMatrixRMaj l, DMatrixRMaj out) {
    int n = l.numRows;
    out.reshape(n, n);
    CommonOps_DDRM.setIdentity(out);
    choleskySolve(l, out);
    // Symmetrise to remove round-off asymmetry.
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double v = 0.5 * (out.data[i * n + j] + out.data[j * n + i]);
        out.data[i * n + j] = v;
        out.data[j * n + i] = v;
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
