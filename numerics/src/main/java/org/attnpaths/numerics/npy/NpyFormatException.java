package org.attnpaths.numerics.npy;

import java.io.IOException;

/**
 * A {@code .npy} or {@code .npz} file that cannot be read as a numeric array: bad magic, unsupported
 * version or dtype, a malformed header, or data that does not match the header's shape. The message
 * starts with the file (and, inside an archive, the entry), e.g.
 * {@code tasks.npz: x_train.npy: expected dtype float64 or float32 (...), got '<c16'}.
 */
public class NpyFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param message where and what, e.g. {@code "a.npy: truncated data: ..."} */
  public NpyFormatException(String message) {
    super(message);
  }

  public NpyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
