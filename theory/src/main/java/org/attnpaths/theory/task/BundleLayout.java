package org.attnpaths.theory.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key set of an {@code .npz} task bundle, checked before any array is decoded: the four data
 * keys, and for each layer ℓ = 1..L either {@code attention_w_ℓ} or both {@code attention_q_ℓ} and
 * {@code attention_k_ℓ}. {@code path_names} is recognised and skipped.
 *
 * @param layers the kind of each layer 1..L, in order
 */
record BundleLayout(List<LayerKind> layers) {

  /** How a layer's heads are stored. */
  enum LayerKind {
    /** {@code attention_w_ℓ} [H, N0, N0]. */
    W,
    /** {@code attention_q_ℓ} and {@code attention_k_ℓ} [H, G, N0]. */
    QK
  }

  static final List<String> DATA_KEYS = List.of("x_train", "y_train", "x_test", "y_test");
  /** Accepted and ignored: string arrays of path labels written by some Python generators. */
  static final String PATH_NAMES = "path_names";
  static final String EXPECTED = "expected keys x_train, y_train, x_test, y_test and, for each "
      + "layer l = 1..L, attention_w_l or attention_q_l + attention_k_l (optional: path_names, "
      + "ignored)";
  private static final Pattern ATTENTION = Pattern.compile("attention_([wqk])_([1-9][0-9]{0,5})");

  BundleLayout {
    layers = List.copyOf(layers);
  }

  static String w(int layer) {
    return "attention_w_" + layer;
  }

  static String q(int layer) {
    return "attention_q_" + layer;
  }

  static String k(int layer) {
    return "attention_k_" + layer;
  }

  /**
   * @param names the bundle's array names
   * @param where the file name, for messages
   * @throws IllegalArgumentException on an unknown or missing key, a layer with both W and Q/K, Q
   *     without K (or K without Q), or layers not numbered 1..L without gaps
   */
  static BundleLayout of(List<String> names, String where) {
    Map<Integer, TreeSet<Character>> found = new TreeMap<>();
    for (String name : names) {
      if (DATA_KEYS.contains(name) || name.equals(PATH_NAMES)) continue;
      Matcher m = ATTENTION.matcher(name);
      if (!m.matches()) {
        throw new IllegalArgumentException(where + ": unknown key '" + name + "'; " + EXPECTED);
      }
      found.computeIfAbsent(Integer.parseInt(m.group(2)), l -> new TreeSet<>())
          .add(m.group(1).charAt(0));
    }
    List<String> missing = new ArrayList<>();
    for (String key : DATA_KEYS) if (!names.contains(key)) missing.add(key);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(where + ": missing key" + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing) + "; " + EXPECTED);
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException(where + ": missing attention: expected " + w(1) + " or "
          + q(1) + " + " + k(1) + "; " + EXPECTED);
    }
    List<LayerKind> kinds = new ArrayList<>();
    for (Map.Entry<Integer, TreeSet<Character>> e : found.entrySet()) {
      int l = e.getKey();
      if (l != kinds.size() + 1) {
        throw new IllegalArgumentException(where + ": attention layers must be numbered 1..L "
            + "without gaps: found layers " + found.keySet() + ", missing layer " + (kinds.size() + 1)
            + " (" + w(kinds.size() + 1) + " or " + q(kinds.size() + 1) + " + "
            + k(kinds.size() + 1) + ")");
      }
      kinds.add(kind(l, e.getValue(), where));
    }
    return new BundleLayout(kinds);
  }

  private static LayerKind kind(int l, TreeSet<Character> keys, String where) {
    boolean hasW = keys.contains('w');
    boolean hasQ = keys.contains('q');
    boolean hasK = keys.contains('k');
    if (hasW && (hasQ || hasK)) {
      throw new IllegalArgumentException(where + ": layer " + l + " has both " + w(l) + " and "
          + (hasQ ? q(l) : k(l)) + "; expected one kind per layer: " + w(l) + " or " + q(l) + " + "
          + k(l));
    }
    if (hasW) return LayerKind.W;
    if (!hasK) {
      throw new IllegalArgumentException(where + ": " + q(l) + " without " + k(l)
          + "; a query-key layer needs both");
    }
    if (!hasQ) {
      throw new IllegalArgumentException(where + ": " + k(l) + " without " + q(l)
          + "; a query-key layer needs both");
    }
    return LayerKind.QK;
  }
}
