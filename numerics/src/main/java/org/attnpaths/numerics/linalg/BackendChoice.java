package org.attnpaths.numerics.linalg;

import java.util.Locale;

/** What the user asked for with {@code --backend}. */
public enum BackendChoice {
  /** Native BLAS/LAPACK when the system library loads, EJML otherwise. */
  AUTO,
  /** Pure-Java EJML. */
  EJML,
  /** System BLAS/LAPACK through dev.ludovic.netlib; an error if it does not load. */
  NATIVE;

  public static BackendChoice parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "backend: expected one of auto, ejml, native, got '" + text + "'", e);
    }
  }
}
