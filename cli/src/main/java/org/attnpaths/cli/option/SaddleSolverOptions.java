package org.attnpaths.cli.option;

import java.util.Locale;
import org.attnpaths.theory.kernel.PathKernels;
import org.attnpaths.theory.saddle.SolverOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How the saddle point is solved (spec §6): Newton to 1e-9 by default, or the reference Adam
 * algorithm. Tolerance and iteration cap default per method.
 */
public final class SaddleSolverOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  private SolverOptions.Method method = SolverOptions.Method.NEWTON;
  private Double tolerance;
  private Integer maxIterations;
  private double learningRate = 0.1;
  private PathKernels.Representation kernels = PathKernels.Representation.AUTO;

  @Option(names = "--solver", paramLabel = "newton|adam", order = 300, defaultValue = "newton",
      description = "Saddle-point solver: newton (damped quasi-Newton on the packed symmetric "
          + "order parameters, stays positive definite) or adam (the reference algorithm: Adam "
          + "from the GP point). Default: ${DEFAULT-VALUE}.")
  void setSolver(String text) {
    method = switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "newton" -> SolverOptions.Method.NEWTON;
      case "adam" -> SolverOptions.Method.ADAM;
      default -> throw bad("--solver: expected newton or adam, got '" + text + "'");
    };
  }

  @Option(names = "--tolerance", paramLabel = "TOL", order = 310,
      description = "Stop when max |dS/dU| / N_max < TOL. Default: 1e-9 (newton), 1e-5 (adam).")
  void setTolerance(double tol) {
    if (!(tol > 0.0) || !Double.isFinite(tol)) {
      throw bad("--tolerance: expected a finite value > 0, got " + tol);
    }
    tolerance = tol;
  }

  @Option(names = "--max-iterations", paramLabel = "K", order = 320,
      description = "Iteration cap of the solver. Default: 200 (newton), 50000 (adam).")
  void setMaxIterations(int k) {
    if (k < 1) throw bad("--max-iterations: expected an integer >= 1, got " + k);
    maxIterations = k;
  }

  @Option(names = "--learning-rate", paramLabel = "LR", order = 330, defaultValue = "0.1",
      description = "Adam learning rate (the paper: 0.1 for the Markov task, 0.008 for the image "
          + "task); "
          + "ignored by newton. Default: ${DEFAULT-VALUE}.")
  void setLearningRate(double lr) {
    if (!(lr > 0.0) || !Double.isFinite(lr)) {
      throw bad("--learning-rate: expected a finite value > 0, got " + lr);
    }
    learningRate = lr;
  }

  @Option(names = "--kernels", paramLabel = "auto|precomputed|factorised", order = 340,
      defaultValue = "auto",
      description = "How the path-path kernels are held: precomputed P x P blocks (fast for small "
          + "P and few paths), factorised from the path features (memory linear in P), or auto "
          + "(chosen by memory and cost; recorded in theory.json). Default: ${DEFAULT-VALUE}.")
  void setKernels(String text) {
    try {
      kernels = PathKernels.Representation.parse(text);
    } catch (IllegalArgumentException e) {
      throw bad("--" + e.getMessage());
    }
  }

  /** The requested kernel representation. */
  public PathKernels.Representation kernels() {
    return kernels;
  }

  /** The solver options with per-method defaults filled in. */
  public SolverOptions solverOptions() {
    SolverOptions defaults = method == SolverOptions.Method.ADAM
        ? SolverOptions.adamReference() : SolverOptions.newton();
    return new SolverOptions(method,
        tolerance != null ? tolerance : defaults.tolerance(),
        maxIterations != null ? maxIterations : defaults.maxIterations(),
        learningRate);
  }

  private ParameterException bad(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
