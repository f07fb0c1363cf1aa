package org.attnpaths.numerics.linalg;

import static org.attnpaths.numerics.linalg.RandomMatrices.relativeDiff;
import static org.attnpaths.numerics.linalg.RandomMatrices.spd;
import static org.attnpaths.numerics.linalg.RandomMatrices.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The native and EJML backends agree to 1e-10 relative (max-abs difference over the largest
 * reference entry) on the same random inputs. The matrices are well conditioned (SPD with
 * eigenvalues in about [1, 5]; eigen inputs with spectrum 1, 2, …, n, so unit gaps), so
 * round-off differences of order n·ε ≈ 1e-13 stay far below the tolerance.
 */
class NativeEjmlEquivalenceTest {
  private static final double TOLERANCE = 1e-10;

  private final LinearAlgebraBackend ejml = EjmlBackend.INSTANCE;
  private LinearAlgebraBackend nativeBackend;

  @BeforeEach
  void requireNativeLibrary() {
    assumeTrue(NativeBackend.load().isPresent(),
        () -> "no native BLAS/LAPACK: " + NativeBackend.loadFailure());
    nativeBackend = NativeBackend.load().orElseThrow();
  }

  private static void assertClose(DMatrixRMaj actual, DMatrixRMaj reference, String what) {
    double rel = relativeDiff(actual, reference);
    assertTrue(rel <= TOLERANCE, () -> what + ": relative difference " + rel);
  }

  @ParameterizedTest(name = "size={0}")
  @ValueSource(ints = {1, 3, 17, 64, 150, 300})
  void gemmAgrees(int size) {
    SplittableRandom rng = new SplittableRandom(1000 + size);
    int m = size;
    int k = size / 2 + 1;
    int n = size + 3;
    for (boolean transA : new boolean[] {false, true}) {
      for (boolean transB : new boolean[] {false, true}) {
        DMatrixRMaj a = transA ? uniform(k, m, rng) : uniform(m, k, rng);
        DMatrixRMaj b = transB ? uniform(n, k, rng) : uniform(k, n, rng);
        DMatrixRMaj c = uniform(m, n, rng);
        DMatrixRMaj expected = c.copy();
        ejml.gemm(0.3, a, transA, b, transB, -1.25, expected);
        nativeBackend.gemm(0.3, a, transA, b, transB, -1.25, c);
        assertClose(c, expected, "gemm transA=" + transA + " transB=" + transB);
      }
    }
  }

  @ParameterizedTest(name = "n={0}")
  @ValueSource(ints = {1, 3, 17, 64, 150, 300})
  void choleskySolvesAndInverseAgree(int n) {
    SplittableRandom rng = new SplittableRandom(2000 + n);
    DMatrixRMaj a = spd(n, rng);
    DMatrixRMaj lEjml = a.copy();
    DMatrixRMaj lNative = a.copy();
    assertTrue(ejml.cholesky(lEjml));
    assertTrue(nativeBackend.cholesky(lNative));
    assertClose(lNative, lEjml, "cholesky");

    for (int rhs : new int[] {1, 5}) {
      DMatrixRMaj b = uniform(n, rhs, rng);
      DMatrixRMaj xEjml = b.copy();
      DMatrixRMaj xNative = b.copy();
      ejml.choleskySolve(lEjml, xEjml);
      nativeBackend.choleskySolve(lEjml, xNative);
      assertClose(xNative, xEjml, "choleskySolve rhs=" + rhs);

      DMatrixRMaj yEjml = b.copy();
      DMatrixRMaj yNative = b.copy();
      ejml.lowerSolve(lEjml, yEjml);
      nativeBackend.lowerSolve(lEjml, yNative);
      assertClose(yNative, yEjml, "lowerSolve rhs=" + rhs);
    }

    DMatrixRMaj invEjml = new DMatrixRMaj(n, n);
    DMatrixRMaj invNative = new DMatrixRMaj(n, n);
    ejml.choleskyInverse(lEjml, invEjml);
    nativeBackend.choleskyInverse(lEjml, invNative);
    assertClose(invNative, invEjml, "choleskyInverse");
  }

  @ParameterizedTest(name = "n={0}")
  @ValueSource(ints = {1, 3, 17, 64, 150, 300})
  void eigenAgreesUpToEigenvectorSigns(int n) {
    SplittableRandom rng = new SplittableRandom(3000 + n);
    double[] spectrum = new double[n];
    for (int i = 0; i < n; i++) spectrum[i] = (i + 1) * (i % 2 == 0 ? 1 : -1);  // gaps ≥ 1
    DMatrixRMaj a = RandomMatrices.withSpectrum(spectrum, rng);

    SymmetricEigen e = ejml.eigen(a, true);
    SymmetricEigen nat = nativeBackend.eigen(a, true);
    double scale = n;  // max |λ|
    for (int i = 0; i < n; i++) {
      double diff = Math.abs(nat.values()[i] - e.values()[i]) / scale;
      assertTrue(diff <= TOLERANCE, "eigenvalue " + i + ": relative difference " + diff);
    }
    // Align each native eigenvector's sign with EJML's, then compare.
    DMatrixRMaj v = nat.vectors().copy();
    DMatrixRMaj ve = e.vectors();
    for (int c = 0; c < n; c++) {
      double dot = 0.0;
      for (int r = 0; r < n; r++) dot += v.get(r, c) * ve.get(r, c);
      if (dot < 0) for (int r = 0; r < n; r++) v.set(r, c, -v.get(r, c));
    }
    assertClose(v, ve, "eigenvectors");

    SymmetricEigen valuesOnly = nativeBackend.eigen(a, false);
    for (int i = 0; i < n; i++) {
      assertEquals(e.values()[i], valuesOnly.values()[i], TOLERANCE * scale, "value-only " + i);
    }
  }
}
