package org.attnpaths.theory.model;

/**
 * A data set of token sequences, row-major [count, tokens, dim] (the .npz layout {@code x_train}).
 *
 * @param data count·tokens·dim values; element (μ, t, i) at (μ·tokens + t)·dim + i
 */
public record Sequences(int count, int tokens, int dim, double[] data) {

  public Sequences {
    if (count < 0 || tokens < 1 || dim < 1) {
      throw new IllegalArgumentException("sequences: expected shape [count>=0, tokens>=1, dim>=1], got ["
          + count + ", " + tokens + ", " + dim + "]");
    }
    if (data.length != (long) count * tokens * dim) {
      throw new IllegalArgumentException("sequences: shape [" + count + ", " + tokens + ", " + dim
          + "] needs " + (long) count * tokens * dim + " values, got " + data.length);
    }
  }

  /** Offset of sequence μ in {@link #data}. */
  public int offset(int mu) {
    return mu * tokens * dim;
  }
}
