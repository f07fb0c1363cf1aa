package org.attnpaths.numerics.npy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parser for the subset of Python literals that appears in a {@code .npy} header (numpy writes
 * {@code repr(dict)}): dicts, tuples, lists, quoted strings, integers (with Python 2's {@code L}
 * suffix), {@code True}, {@code False} and {@code None}. Whitespace and trailing commas are
 * accepted wherever Python accepts them.
 *
 * <p>Values become {@link Map} (insertion-ordered), {@link Tuple}, {@link List}, {@link String},
 * {@link BigInteger}, {@link Boolean} or {@link #NONE}.
 */
final class PythonLiteral {

  /** A parsed tuple, kept apart from a list because numpy requires {@code shape} to be a tuple. */
  record Tuple(List<Object> items) {}

  /** Python's {@code None}. */
  static final Object NONE = new Object() {
    @Override
    public String toString() {
      return "None";
    }
  };

  private final String text;
  private int pos;

  private PythonLiteral(String text) {
    this.text = text;
  }

  /**
   * Parses one literal filling the whole text (surrounding whitespace allowed).
   *
   * @throws IllegalArgumentException with the position and the offending text
   */
  static Object parse(String text) {
    PythonLiteral p = new PythonLiteral(text);
    Object v = p.value();
    p.skipSpace();
    if (p.pos != text.length()) throw p.error("unexpected text after the literal");
    return v;
  }

  private Object value() {
    skipSpace();
    if (pos >= text.length()) throw error("unexpected end of text");
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return dict();
      case '(':
        return sequence('(', ')');
      case '[':
        return sequence('[', ']');
      case '\'':
      case '"':
        return string();
      default:
        break;
    }
    if (c == '-' || c == '+' || Character.isDigit(c)) return integer();
    if (Character.isLetter(c)) return name();
    throw error("unexpected character '" + c + "'");
  }

  private Map<Object, Object> dict() {
    pos++; // '{'
    Map<Object, Object> map = new LinkedHashMap<>();
    while (true) {
      skipSpace();
      if (peek('}')) {
        pos++;
        return map;
      }
      Object key = value();
      skipSpace();
      expect(':');
      Object val = value();
      if (map.containsKey(key)) throw error("duplicate key " + key);
      map.put(key, val);
      skipSpace();
      if (peek(',')) {
        pos++;
      } else if (!peek('}')) {
        throw error("expected ',' or '}'");
      }
    }
  }

  private Object sequence(char open, char close) {
    pos++; // open
    List<Object> items = new ArrayList<>();
    boolean sawComma = false;
    while (true) {
      skipSpace();
      if (peek(close)) {
        pos++;
        if (open == '[') return items;
        // (x) is just x in Python; (x,) and () are tuples.
        if (items.size() == 1 && !sawComma) return items.get(0);
        return new Tuple(List.copyOf(items));
      }
      items.add(value());
      skipSpace();
      if (peek(',')) {
        pos++;
        sawComma = true;
      } else if (!peek(close)) {
        throw error("expected ',' or '" + close + "'");
      }
    }
  }

  private String string() {
    char quote = text.charAt(pos++);
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == quote) return sb.toString();
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= text.length()) break;
      char e = text.charAt(pos++);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case '0' -> sb.append('\0');
        case 'x' -> sb.append((char) hex(2));
        case 'u' -> sb.append((char) hex(4));
        default -> sb.append(e); // \\, \', \" and anything else literally
      }
    }
    throw error("unterminated string");
  }

  private int hex(int digits) {
    if (pos + digits > text.length()) throw error("truncated escape");
    try {
      int v = Integer.parseInt(text.substring(pos, pos + digits), 16);
      pos += digits;
      return v;
    } catch (NumberFormatException e) {
      throw error("bad escape");
    }
  }

  private BigInteger integer() {
    int start = pos;
    if (peek('-') || peek('+')) pos++;
    int digits = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
    if (pos == digits) throw error("expected digits");
    BigInteger v = new BigInteger(text.substring(start, pos));
    if (peek('L') || peek('l')) pos++; // Python 2 long, written by old numpy
    if (pos < text.length() && (text.charAt(pos) == '.' || Character.isLetter(text.charAt(pos)))) {
      throw error("only integers are supported");
    }
    return v;
  }

  private Object name() {
    int start = pos;
    while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) pos++;
    String n = text.substring(start, pos);
    return switch (n) {
      case "True" -> Boolean.TRUE;
      case "False" -> Boolean.FALSE;
      case "None" -> NONE;
      default -> {
        pos = start;
        throw error("unknown name '" + n + "'");
      }
    };
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) throw error("expected '" + c + "'");
    pos++;
  }

  private IllegalArgumentException error(String what) {
    int end = Math.min(text.length(), pos + 20);
    return new IllegalArgumentException(what + " at position " + pos + " (near '"
        + text.substring(Math.min(pos, text.length()), end) + "')");
  }
}
