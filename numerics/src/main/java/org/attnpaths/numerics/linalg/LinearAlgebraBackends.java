package org.attnpaths.numerics.linalg;

/** Resolves a {@link BackendChoice} to a backend instance. */
public final class LinearAlgebraBackends {
  private LinearAlgebraBackends() {}

  /**
   * @throws IllegalStateException for {@link BackendChoice#NATIVE} when no system BLAS/LAPACK loads
   */
  public static LinearAlgebraBackend select(BackendChoice choice) {
    return switch (choice) {
      case EJML -> EjmlBackend.INSTANCE;
      case NATIVE -> NativeBackend.load().orElseThrow(() -> new IllegalStateException(
          "backend: 'native' requested but no system BLAS/LAPACK could be loaded ("
              + NativeBackend.loadFailure() + "); install it with "
              + "'apt-get install -y libopenblas0-pthread' or use --backend ejml"));
      case AUTO -> NativeBackend.load().<LinearAlgebraBackend>map(b -> b)
          .orElse(EjmlBackend.INSTANCE);
    };
  }
}
