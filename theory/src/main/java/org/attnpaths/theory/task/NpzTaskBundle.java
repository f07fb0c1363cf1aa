package org.attnpaths.theory.task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attnpaths.numerics.npy.NpyArray;
import org.attnpaths.numerics.npy.NpyFormatException;
import org.attnpaths.numerics.npy.NpzReader;
import org.attnpaths.numerics.npy.NpzWriter;
import org.attnpaths.theory.model.Attention;
import org.attnpaths.theory.model.AttentionHead;
import org.attnpaths.theory.model.AttentionScore;
import org.attnpaths.theory.model.BilinearScore;
import org.attnpaths.theory.model.Normalisation;
import org.attnpaths.theory.model.QueryKeyScore;
import org.attnpaths.theory.model.Sequences;

/**
 * A {@link Task} as an {@code .npz} bundle, the exchange format with Python (spec §2.2, §9):
 *
 * <ul>
 *   <li>{@code x_train} [P, T, N0], {@code y_train} [P], {@code x_test} [Q, T, N0],
 *       {@code y_test} [Q];
 *   <li>for each layer ℓ = 1..L (numbered without gaps) either {@code attention_w_ℓ} [H_ℓ, N0, N0],
 *       one {@link BilinearScore} S_st = x_sᵀ W x_t per head, or both {@code attention_q_ℓ} and
 *       {@code attention_k_ℓ} [H_ℓ, G_ℓ, N0], one {@link QueryKeyScore}
 *       S_st = (K x_s)·(Q x_t)/√G per head; s is the key, t the query, softmax over s.
 * </ul>
 *
 * <p>Heads are named {@code l<ℓ>h<h>-w} or {@code l<ℓ>h<h>-qk} (1-based). {@code x_*} and
 * attention arrays must be float64 or float32; labels may also be integers. Any byte order and
 * Fortran order are accepted. An optional {@code path_names} entry is skipped; any other key is an
 * error. A read task is named after the file (without {@code .npz}) and its source is
 * {@code {kind: npz, path, sha256}}.
 *
 * <p>Errors: a file that cannot be opened, is not a zip archive, or holds a malformed {@code .npy}
 * member or a dtype that cannot be converted to float64 (complex, object, string) raises an
 * {@link IOException} ({@link NpyFormatException} for the format problems). A well-formed file
 * whose content does not make a task (unknown or missing keys, wrong shapes, integer features,
 * empty arrays, NaN or ±∞) raises an {@link IllegalArgumentException}. Both messages start with the
 * file name and name the field, what was expected and what was found.
 */
public final class NpzTaskBundle {

  private NpzTaskBundle() {}

  /**
   * Reads and validates a task bundle.
   *
   * @throws IOException if the file cannot be read or is not a well-formed {@code .npz}
   * @throws IllegalArgumentException if the content is not a valid task bundle
   */
  public static Task read(Path file) throws IOException {
    String where = file.getFileName().toString();
    BundleLayout layout = BundleLayout.of(NpzReader.names(file), where);
    Map<String, NpyArray> a = NpzReader.read(file, name -> !name.equals(BundleLayout.PATH_NAMES));
    BundleCheck check = new BundleCheck(where);

    NpyArray xTrain = check.sequences(a.get("x_train"), "[P, T, N0]");
    NpyArray xTest = check.sequences(a.get("x_test"), "[Q, T, N0]");
    int tokens = xTrain.dim(1);
    int n0 = xTrain.dim(2);
    if (xTest.dim(1) != tokens || xTest.dim(2) != n0) {
      throw check.error("x_test", "expected [Q, " + tokens + ", " + n0 + "] to match x_train, got "
          + xTest.shapeString());
    }
    NpyArray yTrain = check.labels(a.get("y_train"), xTrain);
    NpyArray yTest = check.labels(a.get("y_test"), xTest);
    List<NpyArray> weights = new ArrayList<>();
    for (int l = 1; l <= layout.layers().size(); l++) {
      if (layout.layers().get(l - 1) == BundleLayout.LayerKind.W) {
        weights.add(check.attention(a.get(BundleLayout.w(l)), n0, true));
      } else {
        NpyArray q = check.attention(a.get(BundleLayout.q(l)), n0, false);
        NpyArray k = check.attention(a.get(BundleLayout.k(l)), n0, false);
        if (k.dim(0) != q.dim(0) || k.dim(1) != q.dim(1)) {
          throw check.error(k.name(), "expected " + q.shapeString() + " to match " + q.name()
              + ", got " + k.shapeString());
        }
        weights.add(q);
        weights.add(k);
      }
    }
    // Shapes first, then the O(size) scan for NaN and ±∞.
    for (NpyArray x : List.of(xTrain, yTrain, xTest, yTest)) check.finite(x);
    for (NpyArray w : weights) check.finite(w);

    List<List<AttentionHead>> layers = new ArrayList<>();
    int next = 0;
    for (int l = 1; l <= layout.layers().size(); l++) {
      List<AttentionHead> heads = new ArrayList<>();
      if (layout.layers().get(l - 1) == BundleLayout.LayerKind.W) {
        NpyArray w = weights.get(next++);
        for (int h = 0; h < w.dim(0); h++) {
          heads.add(AttentionHead.softmax(headName(l, h, "w"), new BilinearScore(n0, slice(w, h))));
        }
      } else {
        NpyArray q = weights.get(next++);
        NpyArray k = weights.get(next++);
        for (int h = 0; h < q.dim(0); h++) {
          heads.add(AttentionHead.softmax(headName(l, h, "qk"),
              new QueryKeyScore(n0, q.dim(1), slice(q, h), slice(k, h))));
        }
      }
      layers.add(heads);
    }

    Map<String, Object> source = new LinkedHashMap<>();
    source.put("kind", "npz");
    source.put("path", file.toAbsolutePath().normalize().toString());
    source.put("sha256", sha256(file));
    String name = where.endsWith(".npz") ? where.substring(0, where.length() - 4) : where;
    return new Task(name, new Sequences(xTrain.dim(0), tokens, n0, xTrain.data()), yTrain.data(),
        new Sequences(xTest.dim(0), tokens, n0, xTest.data()), yTest.data(),
        new Attention(layers), List.of(), source);
  }

  /**
   * Writes {@code task} as a bundle (float64, C order, DEFLATED), replacing {@code file}
   * atomically. The task's name, path names and source are not stored.
   *
   * @param task not modified; every head must be a softmax {@link BilinearScore} or
   *     {@link QueryKeyScore}, all heads of a layer of one kind, and QK heads of a layer of one G
   * @throws IllegalArgumentException if the attention cannot be expressed in the format (nothing is
   *     written)
   * @throws IOException if writing fails (the target is then untouched)
   */
  public static void write(Task task, Path file) throws IOException {
    String where = file.getFileName().toString();
    Map<String, NpyArray> out = new LinkedHashMap<>();
    putSequences(out, "x_train", task.xTrain());
    out.put("y_train", NpyArray.of("y_train", new int[] {task.yTrain().length}, task.yTrain()));
    putSequences(out, "x_test", task.xTest());
    out.put("y_test", NpyArray.of("y_test", new int[] {task.yTest().length}, task.yTest()));
    Attention attention = task.attention();
    int n0 = attention.tokenDim();
    for (int l = 1; l <= attention.layerCount(); l++) {
      List<AttentionHead> heads = attention.layer(l);
      AttentionScore first = heads.get(0).score();
      for (AttentionHead head : heads) {
        if (head.normalisation() != Normalisation.SOFTMAX) {
          throw new IllegalArgumentException(where + ": attention layer " + l + " head "
              + head.name() + ": expected softmax normalisation, got " + head.normalisation()
              + " (the .npz bundle format stores softmax heads only)");
        }
        if (head.score().getClass() != first.getClass()) {
          throw new IllegalArgumentException(where + ": attention layer " + l + ": heads mix "
              + kind(first) + " (" + heads.get(0).name() + ") and " + kind(head.score()) + " ("
              + head.name() + "); the .npz bundle format stores one kind per layer");
        }
      }
      int h = heads.size();
      if (first instanceof BilinearScore) {
        double[] w = new double[h * n0 * n0];
        for (int i = 0; i < h; i++) {
          double[] wi = ((BilinearScore) heads.get(i).score()).w();
          System.arraycopy(wi, 0, w, i * n0 * n0, n0 * n0);
        }
        out.put(BundleLayout.w(l), NpyArray.of(BundleLayout.w(l), new int[] {h, n0, n0}, w));
      } else {
        int g = ((QueryKeyScore) first).g();
        double[] q = new double[h * g * n0];
        double[] k = new double[h * g * n0];
        for (int i = 0; i < h; i++) {
          QueryKeyScore s = (QueryKeyScore) heads.get(i).score();
          if (s.g() != g) {
            throw new IllegalArgumentException(where + ": attention layer " + l + " head "
                + heads.get(i).name() + ": expected G = " + g + " like " + heads.get(0).name()
                + ", got G = " + s.g() + " (the .npz bundle stores one [H, G, N0] array per layer)");
          }
          System.arraycopy(s.q(), 0, q, i * g * n0, g * n0);
          System.arraycopy(s.k(), 0, k, i * g * n0, g * n0);
        }
        out.put(BundleLayout.q(l), NpyArray.of(BundleLayout.q(l), new int[] {h, g, n0}, q));
        out.put(BundleLayout.k(l), NpyArray.of(BundleLayout.k(l), new int[] {h, g, n0}, k));
      }
    }
    NpzWriter.write(file, out);
  }

  /** Head label {@code l<ℓ>h<h>-<kind>} with 1-based indices; {@code h} is 0-based. */
  static String headName(int layer, int h, String kind) {
    return "l" + layer + "h" + (h + 1) + "-" + kind;
  }

  private static String kind(AttentionScore s) {
    return s instanceof BilinearScore ? "W-style" : "QK-style";
  }

  private static void putSequences(Map<String, NpyArray> out, String key, Sequences s) {
    out.put(key, NpyArray.of(key, new int[] {s.count(), s.tokens(), s.dim()}, s.data()));
  }

  /** Row {@code h} of an [H, a, b] array: a·b values, copied. */
  private static double[] slice(NpyArray a, int h) {
    int n = a.dim(1) * a.dim(2);
    double[] out = new double[n];
    System.arraycopy(a.data(), h * n, out, 0, n);
    return out;
  }

  /** Lower-case hex SHA-256 of the file's bytes. */
  static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int r; (r = in.read(buf)) > 0; ) md.update(buf, 0, r);
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
