package org.attnpaths.cli.option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attnpaths.cli.output.AtomicFile;
import org.attnpaths.theory.task.NpzTaskBundle;
import org.attnpaths.theory.task.Task;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which task: a NumPy {@code .npz} task bundle ({@code --task}) or else the built-in Markov task
 * ({@link MarkovOptions}); and the optional export of the task as a bundle.
 */
public final class TaskOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  @Option(names = "--task", paramLabel = "FILE.npz", order = 100,
      description = "Read the task from a NumPy .npz bundle (x_train, y_train, x_test, y_test and "
          + "per-layer attention_w_l or attention_q_l/attention_k_l; see cli.md). Without it the "
          + "built-in Markov task is used.")
  private Path taskFile;

  @Option(names = "--export-task", paramLabel = "FILE.npz", order = 170,
      description = "Also write the task (data and attention weights) as a .npz bundle that "
          + "--task and NumPy can read.")
  private Path exportFile;

  @Option(names = "--export-only", order = 171,
      description = "With --export-task: write the bundle and stop without solving.")
  private boolean exportOnly;

  /** Whether the built-in Markov task is used (no {@code --task}). */
  public boolean builtIn() {
    return taskFile == null;
  }

  public boolean exportOnly() {
    return exportOnly;
  }

  /**
   * Checks option combinations and output paths without touching the file system.
   *
   * @throws ParameterException naming the offending option
   */
  public void validate(MarkovOptions markov) {
    if (taskFile != null) {
      if (!markov.given().isEmpty()) {
        throw bad(String.join(", ", markov.given()) + ": only for the built-in Markov task, "
            + "not together with --task " + taskFile);
      }
    } else {
      try {
        markov.config();
      } catch (IllegalArgumentException e) {
        throw bad("Markov task: " + e.getMessage());
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
   * @param markov the built-in task, used without {@code --task}
   * @param seed seeds the built-in generator
   * @throws IOException naming the file if {@code --task} cannot be read or is malformed
   * @throws IllegalArgumentException if its content is invalid
   */
  public Task load(MarkovOptions markov, long seed) throws IOException {
    if (taskFile != null) {
      if (!Files.exists(taskFile)) throw new IOException("--task " + taskFile + ": no such file");
      if (Files.isDirectory(taskFile)) {
        throw new IOException("--task " + taskFile + ": expected a .npz file, found a directory");
      }
      if (!Files.isReadable(taskFile)) {
        throw new IOException("--task " + taskFile + ": not readable");
      }
      return readBundle(taskFile);
    }
    return markov.generate(seed);
  }

  /**
   * Writes the {@code --export-task} bundle (atomically), if one was asked for.
   *
   * @return its path, or null when no export was asked for
   */
  public Path export(Task task) throws IOException {
    if (exportFile == null) return null;
    Path parent = exportFile.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    try {
      NpzTaskBundle.write(task, exportFile);
    } catch (IOException e) {
      throw new IOException("--export-task " + exportFile + ": " + describe(e, exportFile), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--export-task " + exportFile + ": " + describe(e, exportFile), e);
    }
    return exportFile;
  }

  /** Reads a bundle; messages start with {@code --task FILE:}. */
  private static Task readBundle(Path file) throws IOException {
    try {
      return NpzTaskBundle.read(file);
    } catch (IOException e) {
      throw new IOException("--task " + file + ": " + describe(e, file), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--task " + file + ": " + describe(e, file), e);
    }
  }

  /** The exception's message without the file name the bundle reader and writer start with. */
  private static String describe(Exception e, Path file) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) return e.getClass().getSimpleName();
    String prefix = file.getFileName() + ": ";
    return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
  }

  private ParameterException bad(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
