package org.attnpaths.numerics.linalg;

/** Runs the backend contract against the pure-Java EJML backend. */
class EjmlBackendTest extends LinearAlgebraBackendContract {
  @Override
  protected LinearAlgebraBackend backend() {
    return EjmlBackend.INSTANCE;
  }
}
