package org.attnpaths.numerics.npy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes one array as a {@code .npy} file: little-endian float64 ({@code <f8}), C order, a version
 * 1.0 header laid out as numpy 1.24 writes it (the dict, room for the first axis to grow to 21
 * digits, spaces and a newline so that magic + version + length + header is a multiple of 64
 * bytes). Version 2.0 is used only if the header would exceed 65535 bytes.
 */
public final class NpyWriter {

  /** numpy's {@code ARRAY_ALIGN}: the data starts at a multiple of this offset. */
  static final int ALIGN = 64;
  /** numpy's {@code GROWTH_AXIS_MAX_DIGITS}: spare header room for appending along axis 0. */
  private static final int GROWTH_AXIS_MAX_DIGITS = 21;
  private static final int CHUNK_VALUES = 1 << 13;

  private NpyWriter() {}

  /**
   * Writes {@code array} to {@code file} via a temporary file that is then moved into place.
   *
   * @param array not modified; its name and dtype are not written
   */
  public static void write(Path file, NpyArray array) throws IOException {
    AtomicFile.write(file, out -> write(out, array));
  }

  /**
   * Writes the {@code .npy} bytes of {@code array} to {@code out}.
   *
   * @param out written to, not closed
   * @param array not modified; stored as {@code <f8} whatever dtype it was read from
   */
  public static void write(OutputStream out, NpyArray array) throws IOException {
    out.write(header(array.shape()));
    double[] data = array.data();
    ByteBuffer buf = ByteBuffer.allocate(8 * Math.min(CHUNK_VALUES, Math.max(1, data.length)))
        .order(ByteOrder.LITTLE_ENDIAN);
    DoubleBuffer doubles = buf.asDoubleBuffer();
    for (int off = 0; off < data.length; off += CHUNK_VALUES) {
      int n = Math.min(CHUNK_VALUES, data.length - off);
      doubles.clear();
      doubles.put(data, off, n);
      out.write(buf.array(), 0, 8 * n);
    }
  }

  /** Magic, version, header length and the padded header dict for a C-order {@code <f8} array. */
  static byte[] header(int[] shape) {
    StringBuilder dict = new StringBuilder("{'descr': '").append(NpyArray.FLOAT64)
        .append("', 'fortran_order': False, 'shape': (");
    for (int k = 0; k < shape.length; k++) {
      if (k > 0) dict.append(", ");
      dict.append(shape[k]);
    }
    dict.append(shape.length == 1 ? ",), }" : "), }");
    if (shape.length > 0) {
      dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length()));
    }
    byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
    // numpy pads with 1..64 spaces: pad = ALIGN − ((prefix + len + 1) mod ALIGN), then '\n'.
    int lenBytes = 2;
    int pad = ALIGN - ((6 + 2 + lenBytes + text.length + 1) % ALIGN);
    if (text.length + pad + 1 > 0xffff) { // version 2.0: 4-byte length
      lenBytes = 4;
      pad = ALIGN - ((6 + 2 + lenBytes + text.length + 1) % ALIGN);
    }
    int prefix = 6 + 2 + lenBytes;
    int headerLen = text.length + pad + 1;
    byte[] out = new byte[prefix + headerLen];
    out[0] = (byte) 0x93;
    System.arraycopy("NUMPY".getBytes(StandardCharsets.ISO_8859_1), 0, out, 1, 5);
    out[6] = (byte) (lenBytes == 2 ? 1 : 2);
    out[7] = 0;
    for (int i = 0; i < lenBytes; i++) out[8 + i] = (byte) (headerLen >>> (8 * i));
    System.arraycopy(text, 0, out, prefix, text.length);
    for (int i = prefix + text.length; i < out.length - 1; i++) out[i] = ' ';
    out[out.length - 1] = '\n';
    return out;
  }
}
