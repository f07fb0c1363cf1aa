package org.attnpaths.theory.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.attnpaths.numerics.npy.NpyArray;
import org.attnpaths.numerics.npy.NpyFixture;
import org.attnpaths.numerics.npy.NpyFormatException;
import org.attnpaths.numerics.npy.NpzReader;
import org.attnpaths.theory.model.Attention;
import org.attnpaths.theory.model.AttentionHead;
import org.attnpaths.theory.model.BilinearScore;
import org.attnpaths.theory.model.Normalisation;
import org.attnpaths.theory.model.QueryKeyScore;
import org.attnpaths.theory.model.Sequences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NpzTaskBundle}: round trip, numpy-written bundles, and every rejection. */
class NpzTaskBundleTest {

  // P = 3 training and Q = 2 test sequences of T = 5 tokens in N0 = 6 dimensions; layer 1 has two
  // W-style heads, layer 2 two QK-style heads with G = 3.
  private static final int P = 3;
  private static final int Q = 2;
  private static final int T = 5;
  private static final int N0 = 6;
  private static final int G = 3;

  @TempDir
  Path dir;

  private static double[] gaussian(SplittableRandom rng, int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) d[i] = rng.nextGaussian();
    return d;
  }

  private static Task syntheticTask() {
    SplittableRandom rng = new SplittableRandom(345);
    List<AttentionHead> layer1 = List.of(
        AttentionHead.softmax("same", new BilinearScore(N0, gaussian(rng, N0 * N0))),
        AttentionHead.softmax("blank", new BilinearScore(N0, gaussian(rng, N0 * N0))));
    List<AttentionHead> layer2 = List.of(
        AttentionHead.softmax("qk-a",
            new QueryKeyScore(N0, G, gaussian(rng, G * N0), gaussian(rng, G * N0))),
        AttentionHead.softmax("qk-b",
            new QueryKeyScore(N0, G, gaussian(rng, G * N0), gaussian(rng, G * N0))));
    return new Task("synthetic", new Sequences(P, T, N0, gaussian(rng, P * T * N0)),
        new double[] {1, -1, 1}, new Sequences(Q, T, N0, gaussian(rng, Q * T * N0)),
        new double[] {-1, 1}, new Attention(List.of(layer1, layer2)), List.of(), Map.of());
  }

  private static double[] omega(AttentionHead head, Sequences x, int mu) {
    double[] out = new double[x.tokens() * x.tokens()];
    head.attention(x.data(), x.offset(mu), x.tokens(), out);
    return out;
  }

  @Test
  void roundTripKeepsArraysAndAttention() throws IOException, NoSuchAlgorithmException {
    Task task = syntheticTask();
    Path file = dir.resolve("synthetic-task.npz");
    NpzTaskBundle.write(task, file);
    Task back = NpzTaskBundle.read(file);

    assertEquals("synthetic-task", back.name());
    assertArrayEquals(task.xTrain().data(), back.xTrain().data());
    assertArrayEquals(task.yTrain(), back.yTrain());
    assertArrayEquals(task.xTest().data(), back.xTest().data());
    assertArrayEquals(task.yTest(), back.yTest());
    assertEquals(List.of(2, 2), back.attention().headCounts());
    assertEquals(List.of("l1h1-w", "l1h2-w"),
        back.attention().layer(1).stream().map(AttentionHead::name).toList());
    assertEquals(List.of("l2h1-qk", "l2h2-qk"),
        back.attention().layer(2).stream().map(AttentionHead::name).toList());
    for (int l = 1; l <= 2; l++) {
      for (int h = 0; h < 2; h++) {
        AttentionHead before = task.attention().layer(l).get(h);
        AttentionHead after = back.attention().layer(l).get(h);
        assertEquals(before.score().getClass(), after.score().getClass());
        for (int mu = 0; mu < P; mu++) {
          assertArrayEquals(omega(before, task.xTrain(), mu), omega(after, back.xTrain(), mu));
        }
      }
    }

    String sha = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    assertEquals(Map.of("kind", "npz", "path", file.toAbsolutePath().normalize().toString(),
        "sha256", sha), back.source());
    assertEquals(List.of("kind", "path", "sha256"), List.copyOf(back.source().keySet()));
  }

  /** A bundle written by numpy (see make_golden.py), with attention computed by numpy as oracle. */
  @Test
  void readsANumpyWrittenBundle() throws IOException {
    Task task = NpzTaskBundle.read(resource("tiny-task.npz"));
    assertEquals(List.of(2, 1), task.attention().headCounts());
    assertEquals(4, task.xTrain().count());
    assertEquals(3, task.xTrain().tokens());
    assertArrayEquals(new double[] {1, 1, -1, -1}, task.yTrain());
    assertTrue(task.pathNames().isEmpty(), "path_names is skipped");
    Map<String, NpyArray> expected = NpzReader.read(resource("tiny-task-omega.npz"));
    int checked = 0;
    for (List<AttentionHead> layer : task.attention().layers()) {
      for (AttentionHead head : layer) {
        double[] want = expected.get(head.name()).data();
        double[] got = omega(head, task.xTrain(), 0);
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 1e-12, head.name());
        checked++;
      }
    }
    assertEquals(3, checked);
  }

  @Test
  void readsFloat32FortranAndIntegerInputs() throws IOException {
    Task task = syntheticTask();
    Map<String, byte[]> m = members(task);
    // Dyadic values are exact in float32, so the read task must equal these values exactly.
    double[] x = new double[P * T * N0];
    for (int i = 0; i < x.length; i++) x[i] = (i % 17 - 8) / 4.0;
    m.put("x_train.npy", NpyFixture.npy("<f4", true, new int[] {P, T, N0}, x));
    m.put("y_train.npy", NpyFixture.npy("<i8", false, new int[] {P}, new double[] {1, -1, -1}));
    double[] w2 = new double[2 * N0 * N0];
    for (int i = 0; i < w2.length; i++) w2[i] = (i % 9) / 8.0;
    m.put("attention_w_1.npy", NpyFixture.npy(">f4", true, new int[] {2, N0, N0}, w2));
    Task back = NpzTaskBundle.read(zip(m));
    assertArrayEquals(x, back.xTrain().data());
    assertArrayEquals(new double[] {1, -1, -1}, back.yTrain());
    // Head 2 of layer 1 is the second [N0, N0] block of the C-order array.
    assertArrayEquals(Arrays.copyOfRange(w2, N0 * N0, 2 * N0 * N0),
        ((BilinearScore) back.attention().layer(1).get(1).score()).w());
  }

  // ---- rejections -------------------------------------------------------------------------------

  /** The members of a valid bundle for {@code task}, as hand-built {@code .npy} bytes. */
  private static Map<String, byte[]> members(Task task) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("x_train.npy", f8(task.xTrain().data(), P, T, N0));
    m.put("y_train.npy", f8(task.yTrain(), P));
    m.put("x_test.npy", f8(task.xTest().data(), Q, T, N0));
    m.put("y_test.npy", f8(task.yTest(), Q));
    double[] w = new double[2 * N0 * N0];
    double[] q = new double[2 * G * N0];
    double[] k = new double[2 * G * N0];
    for (int h = 0; h < 2; h++) {
      BilinearScore b = (BilinearScore) task.attention().layer(1).get(h).score();
      System.arraycopy(b.w(), 0, w, h * N0 * N0, N0 * N0);
      QueryKeyScore s = (QueryKeyScore) task.attention().layer(2).get(h).score();
      System.arraycopy(s.q(), 0, q, h * G * N0, G * N0);
      System.arraycopy(s.k(), 0, k, h * G * N0, G * N0);
    }
    m.put("attention_w_1.npy", f8(w, 2, N0, N0));
    m.put("attention_q_2.npy", f8(q, 2, G, N0));
    m.put("attention_k_2.npy", f8(k, 2, G, N0));
    return m;
  }

  private static byte[] f8(double[] data, int... shape) {
    return NpyFixture.npy("<f8", false, shape, data);
  }

  private Path zip(Map<String, byte[]> members) throws IOException {
    Path file = dir.resolve("tasks.npz");
    NpyFixture.zip(file, members, true);
    return file;
  }

  private String contentError(Map<String, byte[]> members) throws IOException {
    Path file = zip(members);
    return assertThrows(IllegalArgumentException.class, () -> NpzTaskBundle.read(file))
        .getMessage();
  }

  private Map<String, byte[]> valid() {
    return members(syntheticTask());
  }

  @Test
  void theHandBuiltBundleIsValid() throws IOException {
    Task task = NpzTaskBundle.read(zip(valid()));
    assertEquals(List.of(2, 2), task.attention().headCounts());
  }

  @Test
  void rejectsMismatchedTestShape() throws IOException {
    Map<String, byte[]> m = valid();
    m.put("x_test.npy", f8(new double[Q * 4 * N0], Q, 4, N0));
    assertEquals("tasks.npz: x_test: expected [Q, 5, 6] to match x_train, got [2, 4, 6]",
        contentError(m));
  }

  @Test
  void rejectsLabelsOfTheWrongLength() throws IOException {
    Map<String, byte[]> m = valid();
    m.put("y_train.npy", f8(new double[] {1, -1}, 2));
    assertEquals("tasks.npz: y_train: expected [3] to match x_train [3, 5, 6], got [2]",
        contentError(m));
  }

  @Test
  void rejectsFeaturesOfTheWrongRank() throws IOException {
    Map<String, byte[]> m = valid();
    m.put("x_train.npy", f8(new double[P * T * N0], P, T * N0));
    assertEquals("tasks.npz: x_train: expected 3 dimensions [P, T, N0], got [3, 30]",
        contentError(m));
  }

  @Test
  void rejectsMissingKeys() throws IOException {
    Map<String, byte[]> m = valid();
    m.remove("y_test.npy");
    m.remove("x_test.npy");
    assertEquals("tasks.npz: missing keys x_test, y_test; " + BundleLayout.EXPECTED,
        contentError(m));
  }

  @Test
  void rejectsUnknownKeys() throws IOException {
    Map<String, byte[]> m = valid();
    m.put("attention_v_1.npy", f8(new double[] {1}, 1));
    assertEquals("tasks.npz: unknown key 'attention_v_1'; " + BundleLayout.EXPECTED,
        contentError(m));
  }

  @Test
  void rejectsAMissingAttention() throws IOException {
    Map<String, byte[]> m = valid();
    m.remove("attention_w_1.npy");
    m.remove("attention_q_2.npy");
    m.remove("attention_k_2.npy");
    assertTrue(contentError(m).startsWith(
        "tasks.npz: missing attention: expected attention_w_1 or attention_q_1 + attention_k_1"));
  }

  @Test
  void rejectsBothKindsInOneLayer() throws IOException {
    Map<String, byte[]> m = valid();
    m.put("attention_w_2.npy", f8(new double[N0 * N0], 1, N0, N0));
    assertEquals("tasks.npz: layer 2 has both attention_w_2 and attention_q_2; expected one kind "
        + "per layer: attention_w_2 or attention_q_2 + attention_k_2", contentError(m));
  }

  @Test
  void rejectsQueryWithoutKey() throws IOException {
    Map<String, byte[]> m = valid();
    m.remove("attention_k_2.npy");
    assertEquals("tasks.npz: attention_q_2 without attention_k_2; a query-key layer needs both",
        contentError(m));
  }

  @Test
  void rejectsNonContiguousLayers() throws IOException {
    Map<String, byte[]> m = valid();
    m.remove("attention_q_2.npy");
    m.remove("attention_k_2.npy");
    m.put("attention_w_3.npy", f8(new double[N0 * N0], 1, N0, N0));
    assertEquals("tasks.npz: attention layers must be numbered 1..L without gaps: found layers "
        + "[1, 3], missing layer 2 (attention_w_2 or attention_q_2 + attention_k_2)",
        contentError(m));
  }

  @Test
  void rejectsAttentionOfTheWrongShape() throws IOException {
    Map<String, byte[]> m = valid();
    m.put("attention_w_1.npy", f8(new double[2 * N0 * 5], 2, N0, 5));
    assertEquals("tasks.npz: attention_w_1: expected [H, 6, 6] (N0 = 6 from x_train), got [2, 6, 5]",
        contentError(m));
    m = valid();
    m.put("attention_k_2.npy", f8(new double[2 * 2 * N0], 2, 2, N0));
    assertEquals("tasks.npz: attention_k_2: expected [2, 3, 6] to match attention_q_2, got "
        + "[2, 2, 6]", contentError(m));
  }

  @Test
  void rejectsIntegerFeaturesAndBoolLabels() throws IOException {
    Map<String, byte[]> m = valid();
    m.put("x_train.npy", NpyFixture.npy("<i8", false, new int[] {P, T, N0}, new double[P * T * N0]));
    assertEquals("tasks.npz: x_train: expected dtype float64 or float32 (<f8, <f4), got '<i8'",
        contentError(m));
    m = valid();
    m.put("y_test.npy", NpyFixture.npy("|b1", false, new int[] {Q}, new double[] {1, 0}));
    assertEquals("tasks.npz: y_test: expected float or integer labels, got '|b1'", contentError(m));
  }

  @Test
  void unconvertibleDtypesAreFormatErrors() throws IOException {
    Map<String, byte[]> m = valid();
    m.put("x_train.npy", NpyFixture.npy(1, NpyFixture.dict("<c16", false, P, T, N0),
        new byte[16 * P * T * N0]));
    Path file = zip(m);
    String msg = assertThrows(NpyFormatException.class, () -> NpzTaskBundle.read(file))
        .getMessage();
    assertTrue(msg.startsWith("tasks.npz: x_train.npy: expected dtype float64 or float32 (<f8, "
        + "<f4, "), msg);
    assertTrue(msg.endsWith("got '<c16'"), msg);
  }

  @Test
  void rejectsNaNAndInfinity() throws IOException {
    Task task = syntheticTask();
    Map<String, byte[]> m = members(task);
    double[] x = task.xTrain().data().clone();
    x[N0 * T + 2 * N0 + 4] = Double.NaN; // sequence 1, token 2, dimension 4
    m.put("x_train.npy", f8(x, P, T, N0));
    assertEquals("tasks.npz: x_train: expected finite values, got NaN at flat index 46 [1, 2, 4]",
        contentError(m));
    m = members(task);
    double[] w = new double[2 * N0 * N0];
    w[N0 * N0 + 1] = Double.POSITIVE_INFINITY;
    m.put("attention_w_1.npy", f8(w, 2, N0, N0));
    assertEquals("tasks.npz: attention_w_1: expected finite values, got Infinity at flat index 37 "
        + "[1, 0, 1]", contentError(m));
  }

  @Test
  void rejectsEmptyArrays() throws IOException {
    Map<String, byte[]> m = valid();
    m.put("x_test.npy", f8(new double[0], 0, T, N0));
    m.put("y_test.npy", f8(new double[0], 0));
    assertEquals("tasks.npz: x_test: expected a non-empty array, got shape [0, 5, 6]",
        contentError(m));
    m = valid();
    m.put("attention_w_1.npy", f8(new double[0], 0, N0, N0));
    assertEquals("tasks.npz: attention_w_1: expected a non-empty array, got shape [0, 6, 6]",
        contentError(m));
  }

  @Test
  void rejectsAFileThatIsNotAnArchive() throws IOException {
    Path file = dir.resolve("tasks.npz");
    Files.writeString(file, "not a zip");
    String msg = assertThrows(NpyFormatException.class, () -> NpzTaskBundle.read(file))
        .getMessage();
    assertTrue(msg.startsWith("tasks.npz: not a readable .npz (zip) archive"), msg);
  }

  // ---- write rejections -------------------------------------------------------------------------

  @Test
  void writeRejectsALayerMixingKinds() throws IOException {
    Task task = syntheticTask();
    Attention mixed = new Attention(List.of(List.of(task.attention().layer(1).get(0),
        task.attention().layer(2).get(0))));
    Path file = dir.resolve("mixed.npz");
    Files.writeString(file, "old");
    String msg = assertThrows(IllegalArgumentException.class,
        () -> NpzTaskBundle.write(task.withAttention("mixed", mixed), file)).getMessage();
    assertEquals("mixed.npz: attention layer 1: heads mix W-style (same) and QK-style (qk-a); the "
        + ".npz bundle format stores one kind per layer", msg);
    assertEquals("old", Files.readString(file));
  }

  @Test
  void writeRejectsHardmaxHeads() {
    Task task = syntheticTask();
    AttentionHead hard = new AttentionHead("hard", task.attention().layer(1).get(0).score(),
        Normalisation.HARDMAX);
    Task t = task.withAttention("hard", new Attention(List.of(List.of(hard))));
    String msg = assertThrows(IllegalArgumentException.class,
        () -> NpzTaskBundle.write(t, dir.resolve("hard.npz"))).getMessage();
    assertEquals("hard.npz: attention layer 1 head hard: expected softmax normalisation, got "
        + "HARDMAX (the .npz bundle format stores softmax heads only)", msg);
  }

  private Path resource(String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = NpzTaskBundleTest.class.getResourceAsStream(name)) {
      Files.copy(in, file);
    }
    return file;
  }
}
