package org.attnpaths.numerics.linalg;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/** Runs the backend contract against system BLAS/LAPACK; skipped where none loads. */
class NativeBackendTest extends LinearAlgebraBackendContract {

  @BeforeEach
  void requireNativeLibrary() {
    assumeTrue(NativeBackend.load().isPresent(),
        () -> "no native BLAS/LAPACK: " + NativeBackend.loadFailure());
  }

  @Override
  protected LinearAlgebraBackend backend() {
    return NativeBackend.load().orElseThrow();
  }
}
