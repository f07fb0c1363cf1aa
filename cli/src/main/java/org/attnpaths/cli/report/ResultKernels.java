package org.attnpaths.cli.report;

import org.attnpaths.notebooks.results.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.kernel.PathKernels;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.AttentionMaps;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.predictor.KernelAlignment;
import org.attnpaths.theory.predictor.KernelAlignments;
import org.attnpaths.theory.task.NpzTaskBundle;
import org.attnpaths.theory.task.Task;
import org.attnpaths.theory.task.markov.MarkovTask;
import org.attnpaths.theory.task.markov.MarkovTaskConfig;
import org.ejml.data.DMatrixRMaj;

/**
 * The training kernels of a result, rebuilt from its recorded configuration (result files hold
 * only the order parameters, not the P×P kernels): the task from {@code config.task.source}
 * (built-in Markov generator and seed, or the {@code .npz} bundle, whose SHA-256 must still
 * match), the path features from {@code config.architecture} (σ0², readout), and
 * K_U = Σ_{ππ'} U^{ππ'} C^{ππ'} (spec §3.4, without T·I) through the theory's {@link
 * PathKernels}. The pre-kernel is K at the recorded GP point U_GP, the renormalised kernel K at
 * the recorded U_1 of a width.
 *
 * <p>Guard: the rebuilt K_GP's leading eigenvalues must equal the recorded {@code
 * gp.alignment.eigenvalues} (relative 1e-8), so a task that is not the one solved is rejected
 * instead of drawn.
 */
public final class ResultKernels {

  /** Relative tolerance of the eigenvalue guard (round-off of two eigen-solvers on P×P). */
  static final double SPECTRUM_TOLERANCE = 1e-8;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PathKernels kernels;
  private final double[] yTrain;

  private ResultKernels(PathKernels kernels, double[] yTrain) {
    this.kernels = kernels;
    this.yTrain = yTrain;
  }

  /** Whether the result records a task source to rebuild from. */
  public static boolean recorded(JsonNode root) {
    return root.path("config").path("task").path("source").isObject();
  }

  /**
   * Rebuilds the task and the training-set path features of a theory result.
   *
   * @param file the result file (named in messages)
   * @param root its JSON; {@code config.task.source}, {@code config.architecture} and {@code gp}
   *     are read
   * @throws IllegalArgumentException naming the file and field: no or unknown task source, the
   *     recorded {@code .npz} is gone or changed (SHA-256), the architecture does not fit the
   *     task, or the rebuilt kernel does not reproduce the recorded GP spectrum
   */
  public static ResultKernels rebuild(Path file, JsonNode root) {
    JsonNode config = root.path("config");
    JsonNode source = config.path("task").path("source");
    if (!source.isObject()) {
      throw new IllegalArgumentException(file + ": config.task.source is missing, so the kernels "
          + "cannot be rebuilt (use --no-kernels)");
    }
    Task task = task(file, source);
    JsonNode arch = config.path("architecture");
    List<Integer> heads = new ArrayList<>();
    arch.path("heads").forEach(h -> heads.add(h.asInt()));
    if (!heads.equals(task.attention().headCounts())) {
      throw new IllegalArgumentException(file + ": config.architecture.heads " + heads
          + " do not match the rebuilt task's heads " + task.attention().headCounts());
    }
    int p = config.path("task").path("trainSize").asInt(-1);
    if (p != task.xTrain().count()) {
      throw new IllegalArgumentException(file + ": config.task.trainSize " + p
          + " does not match the rebuilt task's P = " + task.xTrain().count());
    }
    JsonNode variances = arch.path("variances");
    if (!variances.isArray() || variances.isEmpty() || !variances.get(0).isNumber()) {
      throw new IllegalArgumentException(file + ": config.architecture.variances: expected "
          + "L+2 numbers (sigma_0^2 first)");
    }
    Readout readout;
    try {
      readout = Readout.parse(arch.path("readout").asText("last"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": config.architecture.readout: " + e.getMessage());
    }
    LinearAlgebraBackend backend = EjmlBackend.INSTANCE;
    PathFeatures features = PathFeatures.of(
        AttentionMaps.of(task.attention(), readout, task.xTrain(), backend),
        variances.get(0).asDouble());
    ResultKernels k = new ResultKernels(
        PathKernels.of(features, backend, PathKernels.Representation.FACTORISED), task.yTrain());
    k.checkSpectrum(file, root, features, backend);
    return k;
  }

  /** P. */
  public int examples() {
    return yTrain.length;
  }

  /** Π. */
  public int paths() {
    return kernels.paths();
  }

  /** The training labels, training-set order. */
  public double[] yTrain() {
    return yTrain.clone();
  }

  /**
   * Training-set indices ordered by class: every example with y &gt; 0 first, then the rest, each
   * group in training-set order (the Markov task is already in this order).
   */
  public int[] classOrder() {
    int[] order = new int[yTrain.length];
    int next = 0;
    for (int i = 0; i < yTrain.length; i++) if (yTrain[i] > 0) order[next++] = i;
    for (int i = 0; i < yTrain.length; i++) if (!(yTrain[i] > 0)) order[next++] = i;
    return order;
  }

  /** Number of examples with y &gt; 0 (the first block of {@link #classOrder()}). */
  public int positives() {
    int n = 0;
    for (double y : yTrain) if (y > 0) n++;
    return n;
  }

  /**
   * K_U = Σ U^{ππ'} C^{ππ'} on the training set, without T·I.
   *
   * @param u1 Π×Π in path order (not modified)
   * @return P×P, row-major, training-set order
   */
  public double[][] kernel(double[][] u1) {
    int pi = kernels.paths();
    if (u1.length != pi) {
      throw new IllegalArgumentException("U_1: expected " + pi + "x" + pi + ", got " + u1.length
          + " rows");
    }
    DMatrixRMaj u = new DMatrixRMaj(u1);
    DMatrixRMaj k = new DMatrixRMaj(examples(), examples());
    kernels.assemble(u, k);
    double[][] out = new double[examples()][examples()];
    for (int i = 0; i < examples(); i++) {
      System.arraycopy(k.data, i * examples(), out[i], 0, examples());
    }
    return out;
  }

  /**
   * The kernels as {@code .npz} arrays (float64, C order, training-set order as in the task
   * bundles): {@code y_train} (P), {@code class_order} (P, indices with y &gt; 0 first),
   * {@code gp_kernel} (P, P) = K(U_GP) and {@code kernel} (W, P, P) = K(U_1) at each width.
   *
   * @param gpU1 U_1 at the GP point
   * @param u1s U_1 at each width, sweep order
   */
  public java.util.LinkedHashMap<String, org.attnpaths.numerics.npy.NpyArray> arrays(
      double[][] gpU1, List<double[][]> u1s) {
    int p = examples();
    var m = new java.util.LinkedHashMap<String, org.attnpaths.numerics.npy.NpyArray>();
    m.put("y_train", org.attnpaths.numerics.npy.NpyArray.of("y_train", new int[] {p}, yTrain()));
    double[] order = java.util.Arrays.stream(classOrder()).asDoubleStream().toArray();
    m.put("class_order", org.attnpaths.numerics.npy.NpyArray.of("class_order", new int[] {p},
        order));
    m.put("gp_kernel", org.attnpaths.numerics.npy.NpyArray.of("gp_kernel", new int[] {p, p},
        flat(java.util.Collections.singletonList(kernel(gpU1)))));
    List<double[][]> all = new ArrayList<>();
    for (double[][] u : u1s) all.add(kernel(u));
    m.put("kernel", org.attnpaths.numerics.npy.NpyArray.of("kernel",
        new int[] {u1s.size(), p, p}, flat(all)));
    return m;
  }

  private static double[] flat(List<double[][]> ms) {
    int p = ms.isEmpty() ? 0 : ms.get(0).length;
    double[] out = new double[ms.size() * p * p];
    for (int w = 0; w < ms.size(); w++) {
      for (int i = 0; i < p; i++) System.arraycopy(ms.get(w)[i], 0, out, (w * p + i) * p, p);
    }
    return out;
  }

  private void checkSpectrum(Path file, JsonNode root, PathFeatures features,
      LinearAlgebraBackend backend) {
    JsonNode recorded = root.path("gp").path("alignment").path("eigenvalues");
    double[][] uGp = Json.u1(file, root.path("gp"), "gp", kernels.paths());
    if (!recorded.isArray() || recorded.isEmpty()) return; // nothing recorded to check against
    KernelAlignment a = KernelAlignments.of(features, new DMatrixRMaj(uGp), yTrain,
        recorded.size(), backend);
    double scale = Math.abs(recorded.get(0).asDouble());
    for (int i = 0; i < recorded.size() && i < a.eigenvalues().length; i++) {
      double want = recorded.get(i).asDouble();
      double got = a.eigenvalues()[i];
      if (!(Math.abs(got - want) <= SPECTRUM_TOLERANCE * Math.max(scale, 1e-300))) {
        throw new IllegalArgumentException(file + ": the task rebuilt from config.task.source does "
            + "not reproduce the recorded kernel (gp.alignment.eigenvalues[" + i + "] = " + want
            + ", rebuilt " + got + "); was the result made by another attnpaths version?");
      }
    }
  }

  private static Task task(Path file, JsonNode source) {
    String kind = source.path("kind").asText("");
    switch (kind) {
      case "markov" -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = JSON.convertValue(source, Map.class);
        if (!source.path("seed").canConvertToLong()) {
          throw new IllegalArgumentException(file + ": config.task.source.seed: expected an "
              + "integer");
        }
        try {
          return MarkovTask.generate(MarkovTaskConfig.fromMap(m), source.get("seed").asLong());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ": config.task.source." + e.getMessage(), e);
        }
      }
      case "npz" -> {
        return bundle(file, source);
      }
      default -> throw new IllegalArgumentException(file + ": config.task.source.kind: expected "
          + "markov or npz to rebuild the kernels from, got '" + kind + "'");
    }
  }

  private static Task bundle(Path file, JsonNode source) {
    String recordedPath = source.path("path").asText("");
    String recordedSha = source.path("sha256").asText("");
    if (recordedPath.isEmpty() || recordedSha.isEmpty()) {
      throw new IllegalArgumentException(file + ": config.task.source: expected path and sha256 "
          + "of the task bundle");
    }
    Path bundle = Path.of(recordedPath);
    if (!Files.isRegularFile(bundle)) {
      throw new IllegalArgumentException(file + ": the task bundle " + bundle + " recorded in "
          + "config.task.source.path is gone; restore it to draw the kernels, or use --no-kernels");
    }
    String sha = sha256(bundle);
    if (!sha.equalsIgnoreCase(recordedSha)) {
      throw new IllegalArgumentException(file + ": the task bundle " + bundle + " has changed "
          + "since the result was computed (SHA-256 " + sha + ", recorded " + recordedSha
          + "); restore it, or use --no-kernels");
    }
    try {
      return NpzTaskBundle.read(bundle);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": task bundle " + bundle + ": " + e.getMessage(), e);
    }
  }

  private static String sha256(Path f) {
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(f),
        MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (IOException e) {
      throw new IllegalArgumentException("task bundle " + f + ": cannot read (" + e.getMessage()
          + ")");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
