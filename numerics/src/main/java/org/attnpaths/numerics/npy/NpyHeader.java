package org.attnpaths.numerics.npy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The parsed header dict of a {@code .npy} array,
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }}.
 *
 * @param dtype the element type
 * @param fortranOrder whether the data is stored column-major
 * @param shape dimensions ({@code ()} gives a rank-0 array)
 */
record NpyHeader(NpyDtype dtype, boolean fortranOrder, int[] shape) {

  private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

  /**
   * @param text the header as decoded from the file (padding and newline included)
   * @param where file and entry, for messages
   * @throws NpyFormatException if the text is not a dict with exactly the keys {@code descr},
   *     {@code fortran_order} and {@code shape}, or a value has the wrong type
   */
  static NpyHeader parse(String text, String where) throws NpyFormatException {
    Object literal;
    try {
      literal = PythonLiteral.parse(text);
    } catch (IllegalArgumentException e) {
      throw new NpyFormatException(where + ": malformed header, " + e.getMessage() + ": "
          + quote(text));
    }
    if (!(literal instanceof Map<?, ?> dict)) {
      throw new NpyFormatException(where + ": header is not a Python dict: " + quote(text));
    }
    for (Object key : dict.keySet()) {
      if (!(key instanceof String k) || !KEYS.contains(k)) {
        throw new NpyFormatException(where + ": header has unexpected key " + repr(key)
            + " (expected 'descr', 'fortran_order', 'shape')");
      }
    }
    for (String key : List.of("descr", "fortran_order", "shape")) {
      if (!dict.containsKey(key)) {
        throw new NpyFormatException(where + ": header is missing key '" + key
            + "' (expected 'descr', 'fortran_order', 'shape'): " + quote(text));
      }
    }
    Object descr = dict.get("descr");
    if (!(descr instanceof String d)) {
      // A list descr is a structured (record) dtype.
      throw new NpyFormatException(where + ": " + NpyDtype.EXPECTED + ", got " + repr(descr));
    }
    NpyDtype dtype = NpyDtype.parse(d, where);
    if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
      throw new NpyFormatException(where + ": header 'fortran_order': expected True or False, got "
          + repr(dict.get("fortran_order")));
    }
    return new NpyHeader(dtype, fortran, shape(dict.get("shape"), where));
  }

  private static int[] shape(Object value, String where) throws NpyFormatException {
    if (value instanceof PythonLiteral.Tuple t) {
      int[] shape = new int[t.items().size()];
      boolean ok = true;
      for (int i = 0; i < shape.length && ok; i++) {
        ok = t.items().get(i) instanceof BigInteger b && b.signum() >= 0
            && b.bitLength() < 32;
        if (ok) shape[i] = ((BigInteger) t.items().get(i)).intValue();
      }
      if (ok) return shape;
    }
    throw new NpyFormatException(where + ": header 'shape': expected a tuple of integers in "
        + "[0, 2^31-1], got " + repr(value));
  }

  /** A Python-like repr of a parsed literal, for messages. */
  static String repr(Object v) {
    if (v instanceof String s) return "'" + s + "'";
    if (v instanceof Boolean b) return b ? "True" : "False";
    if (v instanceof PythonLiteral.Tuple t) {
      StringJoiner j = new StringJoiner(", ", "(", t.items().size() == 1 ? ",)" : ")");
      for (Object o : t.items()) j.add(repr(o));
      return j.toString();
    }
    if (v instanceof List<?> l) {
      StringJoiner j = new StringJoiner(", ", "[", "]");
      for (Object o : l) j.add(repr(o));
      return j.toString();
    }
    if (v instanceof Map<?, ?> m) {
      StringJoiner j = new StringJoiner(", ", "{", "}");
      for (Map.Entry<?, ?> e : m.entrySet()) j.add(repr(e.getKey()) + ": " + repr(e.getValue()));
      return j.toString();
    }
    return String.valueOf(v);
  }

  private static String quote(String text) {
    String t = text.strip();
    return "'" + (t.length() > 200 ? t.substring(0, 200) + "..." : t) + "'";
  }
}
