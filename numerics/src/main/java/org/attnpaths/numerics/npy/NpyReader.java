package org.attnpaths.numerics.npy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads one {@code .npy} array (format versions 1.0, 2.0 and 3.0) and converts it to float64 in C
 * order.
 *
 * <p>Layout: magic {@code \x93NUMPY}, major and minor version bytes, the header length (2 bytes
 * little-endian in 1.0, 4 bytes in 2.0/3.0), the header (latin-1, or UTF-8 in 3.0): a Python dict
 * literal with {@code descr}, {@code fortran_order} and {@code shape}, then ∏ shape · itemsize bytes
 * of data. Fortran-order data is transposed to C order; the dtype is converted by
 * {@link NpyDtype}.
 */
public final class NpyReader {

  /** Headers longer than this are rejected as corrupt; numpy writes a few hundred bytes. */
  static final long MAX_HEADER_BYTES = 1 << 20;
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int CHUNK_BYTES = 1 << 16;

  private NpyReader() {}

  /**
   * Reads a {@code .npy} file; the array's name is the file name without {@code .npy}.
   *
   * @throws NpyFormatException if the file is not a readable numeric array (message starts with
   *     the file name)
   * @throws IOException if the file cannot be read at all
   */
  public static NpyArray read(Path file) throws IOException {
    String fileName = file.getFileName().toString();
    String name = fileName.endsWith(".npy") ? fileName.substring(0, fileName.length() - 4) : fileName;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return read(in, name, fileName);
    }
  }

  /**
   * Reads one array that fills the rest of the stream.
   *
   * @param in positioned at the magic; read to its end, not closed
   * @param name name given to the array (may be null)
   * @param where prefix of error messages, e.g. {@code tasks.npz: x_train.npy}
   * @throws NpyFormatException on bad magic, an unsupported version or dtype, a malformed header,
   *     or data shorter or longer than the shape requires
   */
  public static NpyArray read(InputStream in, String name, String where) throws IOException {
    byte[] prefix = new byte[MAGIC.length + 2];
    int n = readUpTo(in, prefix, 0, prefix.length);
    if (n < MAGIC.length || !Arrays.equals(Arrays.copyOf(prefix, MAGIC.length), MAGIC)) {
      throw new NpyFormatException(where + ": not a .npy array: expected magic \\x93NUMPY, got "
          + hex(prefix, Math.min(n, MAGIC.length)));
    }
    if (n < prefix.length) {
      throw new NpyFormatException(where + ": truncated header: the data ends after " + n
          + " bytes");
    }
    int major = prefix[6] & 0xff;
    int minor = prefix[7] & 0xff;
    if (major < 1 || major > 3 || minor != 0) {
      throw new NpyFormatException(where + ": unsupported .npy format version " + major + "."
          + minor + " (expected 1.0, 2.0 or 3.0)");
    }
    int lenBytes = major == 1 ? 2 : 4;
    byte[] lenField = new byte[lenBytes];
    if (readUpTo(in, lenField, 0, lenBytes) < lenBytes) {
      throw new NpyFormatException(where + ": truncated header: the header length is cut off");
    }
    long headerLen = 0;
    for (int i = lenBytes - 1; i >= 0; i--) headerLen = (headerLen << 8) | (lenField[i] & 0xff);
    if (headerLen > MAX_HEADER_BYTES) {
      throw new NpyFormatException(where + ": header length " + headerLen + " exceeds "
          + MAX_HEADER_BYTES + " bytes; the file is corrupt");
    }
    byte[] headerBytes = new byte[(int) headerLen];
    int got = readUpTo(in, headerBytes, 0, headerBytes.length);
    if (got < headerLen) {
      throw new NpyFormatException(where + ": truncated header: expected " + headerLen
          + " bytes, got " + got);
    }
    Charset charset = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    NpyHeader header = NpyHeader.parse(new String(headerBytes, charset), where);
    double[] data = readData(in, header, where);
    if (header.fortranOrder()) data = fortranToC(data, header.shape());
    return new NpyArray(name, header.shape(), data, header.dtype().descr());
  }

  private static double[] readData(InputStream in, NpyHeader header, String where)
      throws IOException {
    int[] shape = header.shape();
    long size = 1;
    for (int d : shape) {
      size *= d;
      if (size > Integer.MAX_VALUE - 8) {
        throw new NpyFormatException(where + ": shape " + Arrays.toString(shape)
            + " holds more than 2^31 values, too many for one Java array");
      }
    }
    NpyDtype dtype = header.dtype();
    int item = dtype.itemSize();
    long needed = size * item;
    double[] out = new double[(int) size];
    byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, Math.max(needed, 1))];
    long done = 0;
    while (done < needed) {
      int want = (int) Math.min(chunk.length, needed - done);
      int got = readUpTo(in, chunk, 0, want);
      if (got < want) {
        throw new NpyFormatException(where + ": truncated data: shape " + Arrays.toString(shape)
            + " of " + dtype.descr() + " needs " + needed + " bytes, got " + (done + got));
      }
      dtype.decode(ByteBuffer.wrap(chunk, 0, want), out, (int) (done / item), want / item);
      done += want;
    }
    if (in.read() != -1) {
      throw new NpyFormatException(where + ": shape/data size mismatch: shape "
          + Arrays.toString(shape) + " of " + dtype.descr() + " needs " + needed
          + " bytes, but more data follows");
    }
    return out;
  }

  /** Reorders column-major values (first index fastest) to row-major. */
  static double[] fortranToC(double[] f, int[] shape) {
    int rank = shape.length;
    if (rank < 2 || f.length == 0) return f;
    int[] cStride = new int[rank];
    cStride[rank - 1] = 1;
    for (int k = rank - 2; k >= 0; k--) cStride[k] = cStride[k + 1] * shape[k + 1];
    double[] c = new double[f.length];
    int[] idx = new int[rank];
    int pos = 0; // C position of the multi-index idx
    for (int i = 0; i < f.length; i++) {
      c[pos] = f[i];
      // Advance idx in Fortran order: index 0 fastest, carrying upwards.
      for (int k = 0; k < rank; k++) {
        if (++idx[k] < shape[k]) {
          pos += cStride[k];
          break;
        }
        idx[k] = 0;
        pos -= (shape[k] - 1) * cStride[k];
      }
    }
    return c;
  }

  /** Reads until {@code len} bytes or end of stream; returns the count read. */
  static int readUpTo(InputStream in, byte[] b, int off, int len) throws IOException {
    int total = 0;
    while (total < len) {
      int r = in.read(b, off + total, len - total);
      if (r < 0) break;
      total += r;
    }
    return total;
  }

  private static String hex(byte[] b, int n) {
    if (n == 0) return "an empty file";
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < n; i++) {
      int v = b[i] & 0xff;
      if (v >= 0x20 && v < 0x7f && v != '\\' && v != '\'') sb.append((char) v);
      else sb.append(String.format("\\x%02x", v));
    }
    return sb.append('\'').toString();
  }
}
