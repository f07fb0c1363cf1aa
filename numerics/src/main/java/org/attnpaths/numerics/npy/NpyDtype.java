package org.attnpaths.numerics.npy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A numpy dtype this package can convert to float64: float64/float32 ({@code f8 f4}), signed and
 * unsigned integers ({@code i1 i2 i4 i8 u1 u2 u4 u8}) and bool ({@code b1}), little ({@code <}) or
 * big ({@code >}) endian; {@code |} (not applicable) is allowed for one-byte types, {@code =} or no
 * prefix means the platform order. Integers above 2⁵³ lose precision in the conversion.
 *
 * @param descr the header's descr string, e.g. {@code <f4}
 * @param kind {@code 'f'}, {@code 'i'}, {@code 'u'} or {@code 'b'}
 * @param itemSize bytes per value
 * @param order byte order of the stored values
 */
record NpyDtype(String descr, char kind, int itemSize, ByteOrder order) {

  static final String EXPECTED = "expected dtype float64 or float32 (<f8, <f4, >f8, >f4; "
      + "integer and bool types <i8 <i4 <i2 |i1 |u1 |b1 ... are converted too)";

  /**
   * @param where file and entry, for the message
   * @throws NpyFormatException for complex, object, string, datetime, structured or odd-sized types
   */
  static NpyDtype parse(String descr, String where) throws NpyFormatException {
    ByteOrder order = ByteOrder.nativeOrder();
    String rest = descr;
    char prefix = descr.isEmpty() ? ' ' : descr.charAt(0);
    boolean anyOrder = prefix == '|';
    if (prefix == '<' || prefix == '>' || prefix == '=' || prefix == '|') {
      if (prefix == '<') order = ByteOrder.LITTLE_ENDIAN;
      if (prefix == '>') order = ByteOrder.BIG_ENDIAN;
      rest = descr.substring(1);
    }
    if (rest.length() == 2 && Character.isDigit(rest.charAt(1))) {
      char kind = rest.charAt(0);
      int size = rest.charAt(1) - '0';
      boolean known = switch (kind) {
        case 'f' -> size == 4 || size == 8;
        case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
        case 'b' -> size == 1;
        default -> false;
      };
      if (known && (!anyOrder || size == 1)) return new NpyDtype(descr, kind, size, order);
    }
    throw new NpyFormatException(where + ": " + EXPECTED + ", got '" + descr + "'");
  }

  /**
   * Converts {@code count} values from {@code in} (position advanced) to {@code out[off..]}.
   *
   * @param in at least count·itemSize remaining bytes; its byte order is set here
   * @param out overwritten at [off, off + count)
   */
  void decode(ByteBuffer in, double[] out, int off, int count) {
    in.order(order);
    int end = off + count;
    switch (kind) {
      case 'f' -> {
        if (itemSize == 8) {
          in.asDoubleBuffer().get(out, off, count);
          in.position(in.position() + 8 * count);
        } else {
          for (int i = off; i < end; i++) out[i] = in.getFloat();
        }
      }
      case 'b' -> {
        for (int i = off; i < end; i++) out[i] = in.get() != 0 ? 1.0 : 0.0;
      }
      case 'i' -> {
        for (int i = off; i < end; i++) {
          out[i] = switch (itemSize) {
            case 1 -> in.get();
            case 2 -> in.getShort();
            case 4 -> in.getInt();
            default -> (double) in.getLong();
          };
        }
      }
      default -> { // 'u'
        for (int i = off; i < end; i++) {
          out[i] = switch (itemSize) {
            case 1 -> Byte.toUnsignedInt(in.get());
            case 2 -> Short.toUnsignedInt(in.getShort());
            case 4 -> Integer.toUnsignedLong(in.getInt());
            default -> unsignedToDouble(in.getLong());
          };
        }
      }
    }
  }

  private static double unsignedToDouble(long v) {
    if (v >= 0) return v;
    // v ≥ 2^63 as unsigned: halve, convert, double; the dropped low bit is below double precision.
    return ((v >>> 1) | (v & 1)) * 2.0;
  }
}
