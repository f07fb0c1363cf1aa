package org.attnpaths.numerics.linalg;

import static org.attnpaths.numerics.linalg.RandomMatrices.gemmOracle;
import static org.attnpaths.numerics.linalg.RandomMatrices.maxAbsDiff;
import static org.attnpaths.numerics.linalg.RandomMatrices.relativeDiff;
import static org.attnpaths.numerics.linalg.RandomMatrices.spd;
import static org.attnpaths.numerics.linalg.RandomMatrices.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link LinearAlgebraBackend} contract, run against every implementation (after EJML's
 * {@code GenericCholeskyTests_DDRM}). Oracles are exact where possible (a hand-computed 3×3
 * factor, a triple-loop gemm) and residuals otherwise. Tests fail if anything is printed.
 */
abstract class LinearAlgebraBackendContract {

  /** The implementation under test. */
  protected abstract LinearAlgebraBackend backend();

  private final SplittableRandom rng = new SplittableRandom(345);

  private PrintStream savedOut;
  private PrintStream savedErr;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @BeforeEach
  void capturePrinting() {
    savedOut = System.out;
    savedErr = System.err;
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
  }

  @AfterEach
  void failIfPrinted() {
    System.setOut(savedOut);
    System.setErr(savedErr);
    assertEquals("", printed.toString(StandardCharsets.UTF_8), "the test printed output");
  }

  // ---------------------------------------------------------------- syrk

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void syrkEqualsGemmWithItsTransposeAndFillsBothTriangles(boolean transA) {
    for (int[] shape : new int[][] {{1, 1}, {3, 7}, {7, 3}, {40, 90}, {130, 17}, {300, 260},
        {260, 300}}) {
      DMatrixRMaj a = uniform(shape[0], shape[1], rng);
      int n = transA ? shape[1] : shape[0];
      DMatrixRMaj expected = uniform(n, n, rng);
      CommonOps_DDRM.symmLowerToFull(expected);
      DMatrixRMaj c = expected.copy();
      backend().gemm(0.7, a, transA, a, !transA, -1.5, expected);
      backend().syrk(0.7, a, transA, -1.5, c);
      assertTrue(maxAbsDiff(expected, c) < 1e-12 * (1 + CommonOps_DDRM.elementMaxAbs(expected)),
          "syrk " + shape[0] + "×" + shape[1] + " transA=" + transA);
      DMatrixRMaj zeroBeta = uniform(n, n, rng);
      backend().syrk(1.0, a, transA, 0.0, zeroBeta);
      DMatrixRMaj plain = new DMatrixRMaj(n, n);
      backend().gemm(1.0, a, transA, a, !transA, 0.0, plain);
      assertTrue(maxAbsDiff(plain, zeroBeta) < 1e-12 * (1 + CommonOps_DDRM.elementMaxAbs(plain)));
    }
  }

  // ---------------------------------------------------------------- gemv

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void gemvEqualsGemmWithAOneColumnMatrix(boolean transA) {
    // The native backend's gemv paths: {10, 5050}, {300, 700}, {1024, 1024} (at the limit) in
    // slices; {5, 30000} rows (columns) too long to slice and {2100, 2000} as one call each.
    for (int[] shape : new int[][] {{1, 1}, {3, 7}, {7, 3}, {40, 90}, {10, 5050}, {300, 700},
        {5, 30000}, {1024, 1024}, {2100, 2000}}) {
      DMatrixRMaj a = uniform(shape[0], shape[1], rng);
      int rows = transA ? shape[1] : shape[0];
      int cols = transA ? shape[0] : shape[1];
      DMatrixRMaj x = uniform(cols, 1, rng);
      DMatrixRMaj y = uniform(rows, 1, rng);
      DMatrixRMaj expected = gemmOracle(0.7, a, transA, x, false, -1.5, y);
      double[] got = y.data.clone();
      backend().gemv(0.7, a, transA, x.data, -1.5, got);
      double scale = 1 + Arrays.stream(expected.data).map(Math::abs).max().orElse(0);
      for (int i = 0; i < rows; i++) {
        assertEquals(expected.data[i], got[i], 1e-12 * scale, "gemv " + shape[0] + "×" + shape[1]
            + " transA=" + transA + " entry " + i);
      }
      double[] zeroBeta = new double[rows];
      Arrays.fill(zeroBeta, Double.NaN);
      backend().gemv(1.0, a, transA, x.data, 0.0, zeroBeta);
      DMatrixRMaj plain = gemmOracle(1.0, a, transA, x, false, 0.0, null);
      for (int i = 0; i < rows; i++) {
        assertEquals(plain.data[i], zeroBeta[i], 1e-12 * scale, "beta = 0 ignores y");
      }
    }
  }

  @Test
  void gemvRejectsShortVectors() {
    DMatrixRMaj a = uniform(3, 4, rng);
    assertThrows(IllegalArgumentException.class,
        () -> backend().gemv(1.0, a, false, new double[3], 0.0, new double[3]));
    assertThrows(IllegalArgumentException.class,
        () -> backend().gemv(1.0, a, true, new double[3], 0.0, new double[3]));
  }

  // ---------------------------------------------------------------- gemmBatch

  /** Matrix i of a batch copied out, for the per-matrix oracle. */
  private static DMatrixRMaj slice(MatrixBatch batch, int i) {
    DMatrixRMaj out = new DMatrixRMaj(batch.rows(), batch.cols());
    System.arraycopy(batch.data(), batch.start(i), out.data, 0, batch.rows() * batch.cols());
    return out;
  }

  @ParameterizedTest(name = "transA={0} transB={1}")
  @MethodSource("transposes")
  void gemmBatchEqualsOneGemmPerMatrixInPlaceAndLeavesTheRestAlone(boolean transA,
      boolean transB) {
    // 6 matrices; a at offset 5 with gaps between matrices, b shared (stride 0), c packed after
    // 3 leading values; only [1, 5) is computed.
    int m = 3;
    int k = 4;
    int n = 5;
    int count = 6;
    int aRows = transA ? k : m;
    int aCols = transA ? m : k;
    int bRows = transB ? n : k;
    int bCols = transB ? k : n;
    MatrixBatch a = new MatrixBatch(uniform(1, 5 + count * (aRows * aCols + 2), rng).data, 5,
        aRows * aCols + 2, aRows, aCols);
    MatrixBatch b = new MatrixBatch(uniform(1, bRows * bCols, rng).data, 0, 0, bRows, bCols);
    double[] c0 = uniform(1, 3 + count * m * n, rng).data;
    MatrixBatch c = new MatrixBatch(c0.clone(), 3, m * n, m, n);
    backend().gemmBatch(0.7, a, transA, b, transB, -1.25, c, 1, 5);
    for (int i = 0; i < count; i++) {
      DMatrixRMaj got = slice(c, i);
      DMatrixRMaj expected = i >= 1 && i < 5
          ? gemmOracle(0.7, slice(a, i), transA, slice(b, i), transB, -1.25,
              slice(new MatrixBatch(c0, 3, m * n, m, n), i))
          : slice(new MatrixBatch(c0, 3, m * n, m, n), i);
      assertTrue(maxAbsDiff(got, expected) < 1e-14, "matrix " + i + ": max |Δ| = "
          + maxAbsDiff(got, expected));
    }
    assertEquals(c0[0], c.data()[0]);
    assertEquals(c0[2], c.data()[2]);
  }

  @ParameterizedTest(name = "transA={0} transB={1}")
  @MethodSource("transposes")
  void gemmBatchOfOneLargeProductAtAnOffsetEqualsGemm(boolean transA, boolean transB) {
    // 170 × 150 × 160 = 4.1M multiply-adds: above EJML's threshold for its blocked gemm.
    int m = 170;
    int k = 150;
    int n = 160;
    int aRows = transA ? k : m;
    int aCols = transA ? m : k;
    int bRows = transB ? n : k;
    int bCols = transB ? k : n;
    MatrixBatch a = new MatrixBatch(uniform(1, 7 + aRows * aCols, rng).data, 7, 0, aRows, aCols);
    MatrixBatch b = new MatrixBatch(uniform(1, bRows * bCols, rng).data, 0, 0, bRows, bCols);
    double[] c0 = uniform(1, 11 + m * n, rng).data;
    MatrixBatch c = new MatrixBatch(c0.clone(), 11, 0, m, n);
    backend().gemmBatch(0.5, a, transA, b, transB, 2.0, c, 0, 1);
    DMatrixRMaj expected = gemmOracle(0.5, slice(a, 0), transA, slice(b, 0), transB, 2.0,
        slice(new MatrixBatch(c0, 11, 0, m, n), 0));
    assertTrue(maxAbsDiff(slice(c, 0), expected) < 1e-12, () -> "max |Δ| = "
        + maxAbsDiff(slice(c, 0), expected));
    for (int i = 0; i < 11; i++) assertEquals(c0[i], c.data()[i], "before the offset");
  }

  @Test
  void gemmBatchWithZeroBetaIgnoresNaNInC() {
    MatrixBatch a = MatrixBatch.packed(uniform(1, 2 * 31 * 7, rng).data, 31, 7);
    MatrixBatch b = MatrixBatch.packed(uniform(1, 2 * 31 * 7, rng).data, 31, 7);
    double[] nan = new double[2 * 31 * 31];
    Arrays.fill(nan, Double.NaN);
    MatrixBatch c = MatrixBatch.packed(nan, 31, 31);
    backend().gemmBatch(1.0, a, false, b, true, 0.0, c, 0, 2);
    for (int i = 0; i < 2; i++) {
      DMatrixRMaj expected = gemmOracle(1.0, slice(a, i), false, slice(b, i), true, 0.0, null);
      assertTrue(maxAbsDiff(slice(c, i), expected) < 1e-13);
    }
  }

  @Test
  void gemmBatchRejectsMismatchedShapesRangesOutsideTheArrayAndAliasing() {
    double[] data = new double[40];
    MatrixBatch a = MatrixBatch.packed(data, 2, 3);
    MatrixBatch b = MatrixBatch.packed(new double[40], 3, 2);
    MatrixBatch c = MatrixBatch.packed(new double[40], 2, 2);
    assertThrows(IllegalArgumentException.class,
        () -> backend().gemmBatch(1.0, a, false, a, false, 0.0, c, 0, 1));          // 2×3 · 2×3
    assertThrows(IllegalArgumentException.class,
        () -> backend().gemmBatch(1.0, a, false, b, false, 0.0, c, 0, 7));          // a needs 42
    assertThrows(IllegalArgumentException.class,
        () -> backend().gemmBatch(1.0, a, false, b, false, 0.0,
            MatrixBatch.packed(data, 2, 2), 0, 1));                                 // c aliases a
    assertThrows(IllegalArgumentException.class,
        () -> backend().gemmBatch(1.0, a, false, b, false, 0.0,
            new MatrixBatch(new double[40], 0, 3, 2, 2), 0, 2));                    // c overlaps
    assertThrows(IllegalArgumentException.class, () -> new MatrixBatch(data, -1, 0, 1, 1));
  }

  // ---------------------------------------------------------------- gemm

  static Stream<Arguments> transposes() {
    return Stream.of(Arguments.of(false, false), Arguments.of(true, false),
        Arguments.of(false, true), Arguments.of(true, true));
  }

  /** op(a) is 3×4 and op(b) 4×5, so every dimension differs and a swapped index shows. */
  private DMatrixRMaj[] gemmOperands(boolean transA, boolean transB) {
    DMatrixRMaj a = transA ? uniform(4, 3, rng) : uniform(3, 4, rng);
    DMatrixRMaj b = transB ? uniform(5, 4, rng) : uniform(4, 5, rng);
    return new DMatrixRMaj[] {a, b};
  }

  @ParameterizedTest(name = "transA={0} transB={1}")
  @MethodSource("transposes")
  void gemmWithZeroBetaIgnoresGarbageInC(boolean transA, boolean transB) {
    DMatrixRMaj[] ab = gemmOperands(transA, transB);
    DMatrixRMaj a0 = ab[0].copy();
    DMatrixRMaj b0 = ab[1].copy();
    DMatrixRMaj c = new DMatrixRMaj(3, 5);
    Arrays.fill(c.data, Double.NaN);
    backend().gemm(1.5, ab[0], transA, ab[1], transB, 0.0, c);
    DMatrixRMaj expected = gemmOracle(1.5, a0, transA, b0, transB, 0.0, null);
    assertTrue(maxAbsDiff(c, expected) < 1e-14, () -> "max |Δ| = " + maxAbsDiff(c, expected));
    assertEquals(0.0, maxAbsDiff(ab[0], a0), "a modified");
    assertEquals(0.0, maxAbsDiff(ab[1], b0), "b modified");
  }

  @ParameterizedTest(name = "transA={0} transB={1}")
  @MethodSource("transposes")
  void gemmWithNonZeroBetaAccumulates(boolean transA, boolean transB) {
    DMatrixRMaj[] ab = gemmOperands(transA, transB);
    DMatrixRMaj c = uniform(3, 5, rng);
    DMatrixRMaj expected = gemmOracle(-0.75, ab[0], transA, ab[1], transB, 0.5, c);
    backend().gemm(-0.75, ab[0], transA, ab[1], transB, 0.5, c);
    assertTrue(maxAbsDiff(c, expected) < 1e-14, () -> "max |Δ| = " + maxAbsDiff(c, expected));
  }

  @Test
  void gemmOnMatricesWhoseArraysAreLargerThanTheirShape() {
    // DMatrixRMaj.reshape keeps a larger array; only the first rows·cols entries count.
    DMatrixRMaj a = new DMatrixRMaj(10, 10);
    DMatrixRMaj b = new DMatrixRMaj(10, 10);
    DMatrixRMaj c = new DMatrixRMaj(10, 10);
    Arrays.fill(c.data, Double.NaN);
    a.reshape(2, 3);
    b.reshape(3, 4);
    c.reshape(2, 4);
    for (int i = 0; i < 6; i++) a.data[i] = i + 1;
    for (int i = 0; i < 12; i++) b.data[i] = i - 5;
    backend().gemm(1.0, a, false, b, false, 0.0, c);
    DMatrixRMaj expected = gemmOracle(1.0, a, false, b, false, 0.0, null);
    assertEquals(0.0, maxAbsDiff(c, expected));
  }

  @Test
  void gemmRejectsMismatchedShapes() {
    DMatrixRMaj a = uniform(3, 4, rng);
    DMatrixRMaj b = uniform(5, 4, rng);
    assertThrows(RuntimeException.class,
        () -> backend().gemm(1.0, a, false, b, false, 0.0, new DMatrixRMaj(3, 4)));
  }

  // ---------------------------------------------------------------- Cholesky

  @Test
  void choleskyOfHandComputedIntegerMatrix() {
    // A = L·Lᵀ with L = [[1,0,0],[2,3,0],[4,5,6]]; the upper triangle holds garbage, unread.
    DMatrixRMaj a = new DMatrixRMaj(3, 3, true,
        1, 99, -99,
        2, 13, 1e300,
        4, 23, 77);
    assertTrue(backend().cholesky(a));
    assertArrayEquals(new double[] {1, 0, 0, 2, 3, 0, 4, 5, 6}, a.data, 1e-14);
  }

  @ParameterizedTest(name = "n={0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 200})
  void choleskyFactorReproducesTheMatrix(int n) {
    DMatrixRMaj a = spd(n, rng);
    DMatrixRMaj l = a.copy();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) l.data[i * n + j] = Double.NaN;  // strict upper: unread
    }
    assertTrue(backend().cholesky(l));
    for (int i = 0; i < n; i++) {
      assertTrue(l.get(i, i) > 0.0, "diagonal must be positive");
      for (int j = i + 1; j < n; j++) assertEquals(0.0, l.get(i, j), "strict upper triangle");
    }
    DMatrixRMaj llt = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransB(l, l, llt);
    assertTrue(relativeDiff(llt, a) < 1e-13, () -> "relative |L·Lᵀ − A| = " + relativeDiff(llt, a));
  }

  /**
   * n = 1040 is past EJML's switch to its block Cholesky (EjmlParameters.SWITCH_BLOCK64_CHOLESKY,
   * 1000), which leaves the factor in block layout, and is not a multiple of the 64-wide blocks.
   * The matrix is diagonally dominant (built in O(n²)); L·Lᵀ is checked on sampled entries, each
   * an O(n) dot product, to keep the test fast.
   */
  @Test
  void choleskyOfLargeMatrixReproducesSampledEntries() {
    int n = 1040;
    DMatrixRMaj a = uniform(n, n, rng);
    RandomMatrices.symmetrise(a);
    for (int i = 0; i < n; i++) a.data[i * n + i] += n;
    DMatrixRMaj l = a.copy();
    assertTrue(backend().cholesky(l));
    for (int t = 0; t < 500; t++) {
      int i = rng.nextInt(n);
      int j = t < 20 ? i : rng.nextInt(n);
      if (j > i) assertEquals(0.0, l.get(i, j), "strict upper triangle");
      double s = 0.0;
      for (int p = 0; p < n; p++) s += l.data[i * n + p] * l.data[j * n + p];
      assertEquals(a.get(i, j), s, 1e-12 * n, "(L·Lᵀ)[" + i + "][" + j + "]");
    }
  }

  @Test
  void choleskyOfEmptyMatrixSucceeds() {
    assertTrue(backend().cholesky(new DMatrixRMaj(0, 0)));
  }

  @Test
  void choleskyOfIndefiniteMatrixReturnsFalse() {
    // Eigenvalues −1 and 3; then a 3×3 whose third leading minor is negative.
    assertFalse(backend().cholesky(new DMatrixRMaj(2, 2, true, 1, 2, 2, 1)));
    assertFalse(backend().cholesky(new DMatrixRMaj(3, 3, true, 4, 0, 0, 0, 4, 0, 0, 0, -1)));
    assertFalse(backend().cholesky(new DMatrixRMaj(1, 1, true, 0.0)));
  }

  /** Both sides of the native backend's switch between unblocked and blocked LAPACK (n = 160). */
  @ParameterizedTest(name = "n={0}")
  @ValueSource(ints = {150, 170})
  void choleskyOfIndefiniteLargerMatrixReturnsFalse(int n) {
    DMatrixRMaj a = spd(n, rng);
    a.set(n - 7, n - 7, -1.0);  // a negative diagonal entry: not positive definite
    assertFalse(backend().cholesky(a));
  }

  @Test
  void choleskyOfNaNReturnsFalse() {
    assertFalse(backend().cholesky(new DMatrixRMaj(2, 2, true, 1, 0, Double.NaN, 1)));
  }

  @Test
  void choleskyRejectsNonSquare() {
    assertThrows(IllegalArgumentException.class, () -> backend().cholesky(new DMatrixRMaj(2, 3)));
  }

  // ---------------------------------------------------------------- solves and inverse

  private DMatrixRMaj factor(DMatrixRMaj a) {
    DMatrixRMaj l = a.copy();
    assertTrue(backend().cholesky(l));
    return l;
  }

  @ParameterizedTest(name = "rhs={0}")
  @ValueSource(ints = {1, 4})
  void choleskySolveSolvesTheSystem(int rhs) {
    int n = 37;
    DMatrixRMaj a = spd(n, rng);
    DMatrixRMaj l = factor(a);
    DMatrixRMaj l0 = l.copy();
    DMatrixRMaj b = uniform(n, rhs, rng);
    DMatrixRMaj x = b.copy();
    backend().choleskySolve(l, x);
    DMatrixRMaj ax = new DMatrixRMaj(n, rhs);
    CommonOps_DDRM.mult(a, x, ax);
    assertTrue(relativeDiff(ax, b) < 1e-13, () -> "relative |A·X − B| = " + relativeDiff(ax, b));
    assertEquals(0.0, maxAbsDiff(l, l0), "l modified");
  }

  @ParameterizedTest(name = "rhs={0}")
  @ValueSource(ints = {1, 3, 600})   // 600: several column chunks, two threads in EJML
  void lowerSolveSolvesTheTriangularSystem(int rhs) {
    // Hand-computed: L = [[2,0],[1,4]], L·x = [4, 10] gives x = [2, 2].
    DMatrixRMaj lHand = new DMatrixRMaj(2, 2, true, 2, 0, 1, 4);
    DMatrixRMaj bHand = new DMatrixRMaj(2, rhs);
    for (int c = 0; c < rhs; c++) {
      bHand.set(0, c, 4.0 * (c + 1));
      bHand.set(1, c, 10.0 * (c + 1));
    }
    backend().lowerSolve(lHand, bHand);
    for (int c = 0; c < rhs; c++) {
      assertEquals(2.0 * (c + 1), bHand.get(0, c), 1e-15);
      assertEquals(2.0 * (c + 1), bHand.get(1, c), 1e-15);
    }

    int n = rhs > 100 ? 200 : 23;
    DMatrixRMaj l = factor(spd(n, rng));
    DMatrixRMaj b = uniform(n, rhs, rng);
    DMatrixRMaj x = b.copy();
    backend().lowerSolve(l, x);
    DMatrixRMaj lx = new DMatrixRMaj(n, rhs);
    CommonOps_DDRM.mult(l, x, lx);
    assertTrue(relativeDiff(lx, b) < 1e-13, () -> "relative |L·X − B| = " + relativeDiff(lx, b));
  }

  @Test
  void solvesRejectMismatchedShapes() {
    DMatrixRMaj l = factor(spd(3, rng));
    assertThrows(IllegalArgumentException.class,
        () -> backend().choleskySolve(l, new DMatrixRMaj(4, 1)));
    assertThrows(IllegalArgumentException.class,
        () -> backend().lowerSolve(l, new DMatrixRMaj(2, 2)));
  }

  @Test
  void choleskyInverseOfHandComputedMatrix() {
    // A = [[4,2],[2,3]], det 8, A⁻¹ = [[3,−2],[−2,4]]/8.
    DMatrixRMaj l = factor(new DMatrixRMaj(2, 2, true, 4, 2, 2, 3));
    DMatrixRMaj inv = new DMatrixRMaj(1, 1);  // reshaped by the call
    backend().choleskyInverse(l, inv);
    assertArrayEquals(new double[] {3 / 8.0, -2 / 8.0, -2 / 8.0, 4 / 8.0}, inv.data, 1e-15);
  }

  @ParameterizedTest(name = "n={0}")
  @ValueSource(ints = {41, 170})
  void choleskyInverseIsTheSymmetricInverse(int n) {
    DMatrixRMaj a = spd(n, rng);
    DMatrixRMaj l = factor(a);
    DMatrixRMaj l0 = l.copy();
    DMatrixRMaj inv = new DMatrixRMaj(n, n);
    Arrays.fill(inv.data, Double.NaN);
    backend().choleskyInverse(l, inv);
    DMatrixRMaj product = new DMatrixRMaj(n, n);
    CommonOps_DDRM.mult(a, inv, product);
    DMatrixRMaj identity = CommonOps_DDRM.identity(n);
    assertTrue(maxAbsDiff(product, identity) < 1e-13,
        () -> "max |A·A⁻¹ − I| = " + maxAbsDiff(product, identity));
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) assertEquals(inv.get(i, j), inv.get(j, i), "symmetry");
    }
    assertEquals(0.0, maxAbsDiff(l, l0), "l modified");
  }

  @Test
  void choleskyInverseLowerIsTheLowerTriangleOfTheInverse() {
    int n = 37;
    DMatrixRMaj l = factor(spd(n, rng));
    DMatrixRMaj l0 = l.copy();
    DMatrixRMaj full = new DMatrixRMaj(n, n);
    backend().choleskyInverse(l, full);
    DMatrixRMaj lower = new DMatrixRMaj(n, n);
    Arrays.fill(lower.data, Double.NaN);
    backend().choleskyInverseLower(l, lower);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) assertEquals(full.get(i, j), lower.get(i, j), 0.0);
    }
    assertEquals(0.0, maxAbsDiff(l, l0), "l modified");
  }

  // ---------------------------------------------------------------- eigen

  @Test
  void eigenOfHandComputedMatrix() {
    // [[2,1],[1,2]]: eigenvalues 1 and 3, eigenvectors (1,−1)/√2 and (1,1)/√2.
    SymmetricEigen e = backend().eigen(new DMatrixRMaj(2, 2, true, 2, 1, 1, 2), true);
    assertArrayEquals(new double[] {1, 3}, e.values(), 1e-14);
    double s = Math.sqrt(0.5);
    DMatrixRMaj v = e.vectors();
    assertEquals(0.0, v.get(0, 0) + v.get(1, 0), 1e-14);
    assertEquals(s, Math.abs(v.get(0, 0)), 1e-14);
    assertEquals(0.0, v.get(0, 1) - v.get(1, 1), 1e-14);
    assertEquals(s, Math.abs(v.get(0, 1)), 1e-14);
  }

  @ParameterizedTest(name = "n={0}")
  @ValueSource(ints = {1, 2, 5, 30, 120})
  void eigenVectorsSatisfyTheEigenEquation(int n) {
    DMatrixRMaj a = uniform(n, n, rng);
    RandomMatrices.symmetrise(a);
    DMatrixRMaj a0 = a.copy();
    SymmetricEigen e = backend().eigen(a, true);
    assertEquals(0.0, maxAbsDiff(a, a0), "a modified");
    double[] values = e.values();
    assertEquals(n, values.length);
    for (int i = 1; i < n; i++) assertTrue(values[i - 1] <= values[i], "ascending");
    DMatrixRMaj v = e.vectors();
    assertEquals(n, v.numRows);
    assertEquals(n, v.numCols);
    // A·V = V·diag(λ) and Vᵀ·V = I.
    DMatrixRMaj av = new DMatrixRMaj(n, n);
    CommonOps_DDRM.mult(a, v, av);
    DMatrixRMaj vl = v.copy();
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) vl.data[r * n + c] *= values[c];
    }
    double scale = Math.max(1.0, Math.abs(values[0]) + Math.abs(values[n - 1]));
    assertTrue(maxAbsDiff(av, vl) < 1e-12 * scale, () -> "max |A·V − V·Λ| = " + maxAbsDiff(av, vl));
    DMatrixRMaj vtv = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransA(v, v, vtv);
    assertTrue(maxAbsDiff(vtv, CommonOps_DDRM.identity(n)) < 1e-12, "orthonormal eigenvectors");
  }

  @Test
  void eigenValuesOnlyMatchThoseWithVectors() {
    int n = 50;
    DMatrixRMaj a = uniform(n, n, rng);
    RandomMatrices.symmetrise(a);
    SymmetricEigen withVectors = backend().eigen(a, true);
    SymmetricEigen valuesOnly = backend().eigen(a, false);
    assertNull(valuesOnly.vectors());
    assertArrayEquals(withVectors.values(), valuesOnly.values(), 1e-12);
  }

  @Test
  void eigenOfEmptyMatrixIsEmpty() {
    assertEquals(0, backend().eigen(new DMatrixRMaj(0, 0), false).values().length);
  }
}
