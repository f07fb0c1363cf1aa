package org.attnpaths.cli.option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attnpaths.cli.output.AtomicFile;
import org.attnpaths.theory.task.Task;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which task: a NumPy {@code .npz} task bundle ({@code --task}) or the built-in hidden-Markov-chain
 * task of spec §9.1 with its own options; and optional export of the task as a bundle.
 */
public final class TaskOptions {

  /** The built-in Markov task variants of spec §9.1. */
  public enum MarkovVariant {
    /** Fig. 2c/2d: heads [same_token, blank] then [uniform, blank], σ⊥ = 1, perturbation 1. */
    FOUR_PATH("four-path"),
    /** Fig. 2e: heads [same_token, blank(pert 0)] then [uniform], σ⊥ = 5. */
    TWO_PATH("two-path");

    private final String label;

    MarkovVariant(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    static MarkovVariant parse(String text) {
      String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      for (MarkovVariant v : values()) {
        if (v.label.equals(t) || v.label.replace("-", "").equals(t)) return v;
      }
      throw new IllegalArgumentException(text);
    }
  }

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  @Option(names = "--task", paramLabel = "FILE.npz", order = 100,
      description = "Read the task from a NumPy .npz bundle (x_train, y_train, x_test, y_test and "
          + "per-layer attention_w_l or attention_q_l/attention_k_l; see cli.md). Without it the "
          + "built-in Markov task is used.")
  private Path taskFile;

  private MarkovVariant markov = MarkovVariant.FOUR_PATH;
  private boolean markovGiven;
  private Integer trainSize;
  private Integer testSize;
  private Double sigmaPerp;
  private Double beta;
  private Double perturbation;

  @Option(names = "--export-task", paramLabel = "FILE.npz", order = 170,
      description = "Also write the task (data and attention weights) as a .npz bundle that "
          + "--task and NumPy can read.")
  private Path exportFile;

  @Option(names = "--export-only", order = 171,
      description = "With --export-task: write the bundle and stop without solving.")
  private boolean exportOnly;

  @Option(names = "--markov", paramLabel = "four-path|two-path", order = 110,
      description = "Built-in Markov task variant (spec 9.1): four-path (Fig. 2c: heads "
          + "[same_token, blank] then [uniform, blank]) or two-path (Fig. 2e: [same_token, "
          + "uniform] then [uniform], sigma-perp 5). Default: four-path.")
  void setMarkov(String text) {
    try {
      markov = MarkovVariant.parse(text);
      markovGiven = true;
    } catch (IllegalArgumentException e) {
      throw bad("--markov: expected four-path or two-path, got '" + text + "'");
    }
  }

  @Option(names = "--train-size", paramLabel = "P", order = 120,
      description = "Markov task: training examples P (even: half per class). Default: 100.")
  void setTrainSize(int p) {
    if (p < 2 || p % 2 != 0) throw bad("--train-size: expected an even number >= 2, got " + p);
    trainSize = p;
  }

  @Option(names = "--test-size", paramLabel = "Q", order = 130,
      description = "Markov task: test examples Q (even: half per class). Default: 1000.")
  void setTestSize(int q) {
    if (q < 2 || q % 2 != 0) throw bad("--test-size: expected an even number >= 2, got " + q);
    testSize = q;
  }

  @Option(names = "--sigma-perp", paramLabel = "S", order = 140,
      description = "Markov task: out-of-plane noise strength (the paper's sigma_perp). "
          + "Default: 1 (four-path), 5 (two-path).")
  void setSigmaPerp(double s) {
    if (!(s >= 0.0) || !Double.isFinite(s)) {
      throw bad("--sigma-perp: expected a finite value >= 0, got " + s);
    }
    sigmaPerp = s;
  }

  @Option(names = "--beta", paramLabel = "BETA", order = 150,
      description = "Markov task: inverse softmax temperature of the designed heads. Default: 10.")
  void setBeta(double b) {
    if (!(b > 0.0) || !Double.isFinite(b)) throw bad("--beta: expected a finite value > 0, got " + b);
    beta = b;
  }

  @Option(names = "--perturbation", paramLabel = "P", order = 160,
      description = "Markov task: strength of the random perturbation of the blank heads "
          + "(feature, position and cross blocks). Default: 1 (four-path), 0 (two-path).")
  void setPerturbation(double p) {
    if (!(p >= 0.0) || !Double.isFinite(p)) {
      throw bad("--perturbation: expected a finite value >= 0, got " + p);
    }
    perturbation = p;
  }

  /** Whether the built-in Markov task is used (no {@code --task}). */
  public boolean builtIn() {
    return taskFile == null;
  }

  public MarkovVariant markovVariant() {
    return markov;
  }

  public boolean exportOnly() {
    return exportOnly;
  }

  /**
   * Checks option combinations and output paths without touching the file system.
   *
   * @throws ParameterException naming the offending option
   */
  public void validate() {
    if (taskFile != null) {
      List<String> markovOnly = new ArrayList<>();
      if (markovGiven) markovOnly.add("--markov");
      if (trainSize != null) markovOnly.add("--train-size");
      if (testSize != null) markovOnly.add("--test-size");
      if (sigmaPerp != null) markovOnly.add("--sigma-perp");
      if (beta != null) markovOnly.add("--beta");
      if (perturbation != null) markovOnly.add("--perturbation");
      if (!markovOnly.isEmpty()) {
        throw bad(String.join(", ", markovOnly) + ": only for the built-in Markov task, not "
            + "together with --task " + taskFile);
      }
    }
    if (exportOnly && exportFile == null) throw bad("--export-only: needs --export-task FILE.npz");
    if (exportFile != null) {
      try {
        AtomicFile.checkFileUsable(exportFile);
      } catch (IllegalArgumentException e) {
        throw bad("--export-task " + e.getMessage());
      }
    }
  }

  /**
   * Reads or generates the task.
   *
   * @param seed seeds the built-in generator
   * @throws IOException naming the file if {@code --task} cannot be read or is malformed
   * @throws IllegalArgumentException if its content is invalid
   */
  public Task load(long seed) throws IOException {
    if (taskFile != null) {
      if (!Files.exists(taskFile)) throw new IOException("--task " + taskFile + ": no such file");
      if (Files.isDirectory(taskFile)) {
        throw new IOException("--task " + taskFile + ": expected a .npz file, found a directory");
      }
      if (!Files.isReadable(taskFile)) throw new IOException("--task " + taskFile + ": not readable");
      return readBundle(taskFile);
    }
    return generateMarkov(seed);
  }

  /** Writes the {@code --export-task} bundle, if one was asked for; returns its path or null. */
  public Path export(Task task) throws IOException {
    if (exportFile == null) return null;
    AtomicFile.write(exportFile, out -> writeBundle(task, out));
    return exportFile;
  }

  private Task readBundle(Path file) throws IOException {
    throw new UnsupportedOperationException("--task: .npz reading waits for NpzTaskBundle");
  }

  private static void writeBundle(Task task, java.io.OutputStream out) throws IOException {
    throw new UnsupportedOperationException("--export-task: waits for NpzTaskBundle");
  }

  private Task generateMarkov(long seed) {
    throw new UnsupportedOperationException("built-in Markov task: waits for MarkovTask");
  }

  private ParameterException bad(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
