package org.attnpaths.numerics.linalg;

import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/** PLACEHOLDER: system BLAS/LAPACK through dev.ludovic.netlib (to be implemented). */
public final class NativeBackend {
  private NativeBackend() {}

  public static Optional<LinearAlgebraBackend> load() {
    return Optional.empty();
  }

  public static String loadFailure() {
    return "not implemented yet";
  }

  static void unused(DMatrixRMaj m) {}
}
