package org.attnpaths.cli.option;

import java.nio.file.Path;
import org.attnpaths.cli.output.AtomicFile;
import org.attnpaths.numerics.linalg.BackendChoice;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.linalg.LinearAlgebraBackends;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How and where a command runs: linear-algebra backend, seed, output directory, quiet. */
public final class RunOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  private BackendChoice backendChoice = BackendChoice.AUTO;

  @Option(names = "--seed", paramLabel = "SEED", order = 400, defaultValue = "1",
      description = "Seed of every random choice (the built-in task's data and random heads). "
          + "Default: ${DEFAULT-VALUE}.")
  private long seed;

  @Option(names = "--out", paramLabel = "DIR", order = 420, defaultValue = "out",
      description = "Directory for the result files (created if needed). "
          + "Default: ${DEFAULT-VALUE}/.")
  private Path out;

  @Option(names = {"-q", "--quiet"}, order = 430,
      description = "Print nothing but warnings and errors (result files are still written).")
  private boolean quiet;

  @Option(names = "--backend", paramLabel = "auto|ejml|native", order = 410, defaultValue = "auto",
      description = "Dense linear algebra: ejml (pure Java), native (system OpenBLAS/LAPACK; "
          + "'apt-get install -y libopenblas0-pthread'), or auto (native when it loads, else "
          + "ejml). Default: ${DEFAULT-VALUE}.")
  void setBackend(String text) {
    try {
      backendChoice = BackendChoice.parse(text);
    } catch (IllegalArgumentException e) {
      throw bad("--backend: expected auto, ejml or native, got '" + text + "'");
    }
  }

  public long seed() {
    return seed;
  }

  public Path out() {
    return out;
  }

  public boolean quiet() {
    return quiet;
  }

  public BackendChoice backendChoice() {
    return backendChoice;
  }

  /**
   * Loads the requested backend.
   *
   * @throws ParameterException if {@code --backend native} was asked for but does not load
   */
  public LinearAlgebraBackend backend() {
    try {
      return LinearAlgebraBackends.select(backendChoice);
    } catch (IllegalStateException e) {
      String m = String.valueOf(e.getMessage());
      throw bad("--backend " + backendChoice.name().toLowerCase(java.util.Locale.ROOT) + ": "
          + (m.startsWith("backend: ") ? m.substring("backend: ".length()) : m));
    }
  }

  /**
   * Checks that the result directory can be created or written, without creating anything.
   *
   * @throws ParameterException naming {@code --out} and the path otherwise
   */
  public void checkOutputDirectory() {
    try {
      AtomicFile.checkDirectoryUsable(out);
    } catch (IllegalArgumentException e) {
      throw bad("--out " + e.getMessage());
    }
  }

  private ParameterException bad(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
