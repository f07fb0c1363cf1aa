package org.attnpaths.numerics.npy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hand-built {@code .npy}/{@code .npz} bytes for tests, independent of {@link NpyWriter}: any dtype,
 * byte order, memory order and header version, and deliberately broken files. Shared with other
 * modules through the numerics test-jar.
 */
public final class NpyFixture {

  private NpyFixture() {}

  /** numpy's header dict text for these values, e.g. {@code {'descr': '<f4', ..., 'shape': (2,), }}. */
  public static String dict(String descr, boolean fortran, int... shape) {
    StringBuilder sb = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': ")
        .append(fortran ? "True" : "False").append(", 'shape': (");
    for (int k = 0; k < shape.length; k++) sb.append(k > 0 ? ", " : "").append(shape[k]);
    return sb.append(shape.length == 1 ? ",), }" : "), }").toString();
  }

  /**
   * A complete {@code .npy} file: magic, version {@code major}.0, header length (2 bytes for 1.0,
   * 4 otherwise), {@code header} padded with spaces and a newline to a multiple of 64, then data.
   * The header is UTF-8 for version 3, latin-1 otherwise.
   */
  public static byte[] npy(int major, String header, byte[] data) {
    byte[] text = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    int lenBytes = major == 1 ? 2 : 4;
    int prefix = 8 + lenBytes;
    int pad = 64 - ((prefix + text.length + 1) % 64);
    int headerLen = text.length + pad + 1;
    ByteBuffer b = ByteBuffer.allocate(prefix + headerLen + data.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.ISO_8859_1));
    b.put((byte) major).put((byte) 0);
    if (lenBytes == 2) b.putShort((short) headerLen);
    else b.putInt(headerLen);
    b.put(text);
    for (int i = 0; i < pad; i++) b.put((byte) ' ');
    b.put((byte) '\n').put(data);
    return b.array();
  }

  /**
   * A version-1.0 {@code .npy} file holding {@code cOrder} (given in C order) as {@code descr},
   * stored in Fortran order if asked.
   */
  public static byte[] npy(String descr, boolean fortran, int[] shape, double[] cOrder) {
    double[] stored = fortran ? cToFortran(cOrder, shape) : cOrder;
    return npy(1, dict(descr, fortran, shape), encode(descr, stored));
  }

  /** Raw bytes of {@code values} as {@code descr} ({@code <>|} + f8 f4 i8 i4 i2 i1 u1 b1). */
  public static byte[] encode(String descr, double[] values) {
    ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    String type = descr.substring(1);
    int size = type.charAt(1) - '0';
    ByteBuffer b = ByteBuffer.allocate(size * values.length).order(order);
    for (double v : values) {
      switch (type) {
        case "f8" -> b.putDouble(v);
        case "f4" -> b.putFloat((float) v);
        case "i8" -> b.putLong((long) v);
        case "i4" -> b.putInt((int) v);
        case "i2" -> b.putShort((short) v);
        case "i1", "u1", "b1" -> b.put((byte) (int) v);
        default -> throw new IllegalArgumentException("fixture: unsupported dtype " + descr);
      }
    }
    return b.array();
  }

  /** Reorders C-order values to Fortran order (first index fastest). */
  public static double[] cToFortran(double[] c, int[] shape) {
    int rank = shape.length;
    double[] f = new double[c.length];
    int[] idx = new int[rank];
    for (int i = 0; i < c.length; i++) {
      // idx is the C-order multi-index of i; its Fortran position is Σ idx[k]·∏_{j<k} shape[j].
      int pos = 0;
      for (int k = rank - 1; k >= 0; k--) pos = pos * shape[k] + idx[k];
      f[pos] = c[i];
      for (int k = rank - 1; k >= 0; k--) {
        if (++idx[k] < shape[k]) break;
        idx[k] = 0;
      }
    }
    return f;
  }

  /** Writes a zip of {@code name → bytes} members, STORED or DEFLATED, in iteration order. */
  public static void zip(Path file, Map<String, byte[]> members, boolean deflate)
      throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(os)) {
      for (Map.Entry<String, byte[]> m : members.entrySet()) {
        ZipEntry e = new ZipEntry(m.getKey());
        if (!deflate) {
          CRC32 crc = new CRC32();
          crc.update(m.getValue());
          e.setMethod(ZipEntry.STORED);
          e.setSize(m.getValue().length);
          e.setCrc(crc.getValue());
        }
        zip.putNextEntry(e);
        zip.write(m.getValue());
        zip.closeEntry();
      }
    }
  }

  /** The {@code .npy} bytes {@link NpyWriter} produces for {@code a}. */
  public static byte[] written(NpyArray a) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NpyWriter.write(out, a);
    return out.toByteArray();
  }
}
