package org.attnpaths.numerics.linalg;

/**
 * Equal-shape row-major matrices inside one flat array, for {@link
 * LinearAlgebraBackend#gemmBatch}: matrix i (rows × cols) starts at {@code offset + i·stride}, so
 * per-example slices of a data set ([count, tokens, dim] sequences, per-example attention
 * matrices) are used where they lie, without copies. A stride of 0 repeats one matrix for every i.
 *
 * @param data the flat array (shared, not copied)
 * @param offset start of matrix 0
 * @param stride distance between consecutive matrices, ≥ 0
 * @param rows rows of each matrix, ≥ 1
 * @param cols columns of each matrix (the row length), ≥ 1
 */
public record MatrixBatch(double[] data, int offset, int stride, int rows, int cols) {

  public MatrixBatch {
    if (data == null) throw new IllegalArgumentException("matrix batch: expected an array, got null");
    if (offset < 0 || stride < 0 || rows < 1 || cols < 1) {
      throw new IllegalArgumentException("matrix batch: expected offset >= 0, stride >= 0, rows >= 1,"
          + " cols >= 1, got offset " + offset + ", stride " + stride + ", " + rows + "×" + cols);
    }
  }

  /** Every matrix of a [count, rows, cols] array, one after the other (stride rows·cols). */
  public static MatrixBatch packed(double[] data, int rows, int cols) {
    return new MatrixBatch(data, 0, rows * cols, rows, cols);
  }

  /** Start of matrix i in {@link #data}. */
  public int start(int i) {
    return offset + i * stride;
  }

  /**
   * Checks that matrices [from, to) lie inside the array.
   *
   * @param name operand name for the message
   */
  void checkRange(String name, int from, int to) {
    if (to <= from) return;
    long last = (long) offset + (long) (to - 1) * stride + (long) rows * cols;
    if (from < 0 || last > data.length) {
      throw new IllegalArgumentException("gemmBatch: " + name + " matrices [" + from + ", " + to
          + ") of " + rows + "×" + cols + " at offset " + offset + ", stride " + stride
          + " need " + last + " values, the array has " + data.length);
    }
  }
}
