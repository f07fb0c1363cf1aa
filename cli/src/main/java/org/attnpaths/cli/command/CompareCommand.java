package org.attnpaths.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attnpaths.cli.ExitCodes;
import org.attnpaths.cli.option.ArchitectureOptions;
import org.attnpaths.cli.option.MarkovOptions;
import org.attnpaths.cli.option.RunOptions;
import org.attnpaths.cli.option.SaddleSolverOptions;
import org.attnpaths.cli.option.SamplerOptions;
import org.attnpaths.cli.option.TaskOptions;
import org.attnpaths.cli.option.VerbosityOption;
import org.attnpaths.cli.output.AtomicFile;
import org.attnpaths.cli.output.ComparisonTable;
import org.attnpaths.cli.output.SimulateCsv;
import org.attnpaths.cli.output.SimulateJson;
import org.attnpaths.cli.output.SimulateReport;
import org.attnpaths.cli.output.TheoryCsv;
import org.attnpaths.cli.output.TheoryJson;
import org.attnpaths.cli.output.TheoryReport;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.analysis.TheorySweep;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.saddle.SolverOptions;
import org.attnpaths.theory.task.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code attnpaths compare}: the theory and the sampled finite network on the same task and
 * widths, side by side (issue 3 §3–4); writes the result files of both {@code theory} and
 * {@code simulate}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    abbreviateSynopsis = true,
    versionProvider = org.attnpaths.cli.ManifestVersionProvider.class,
    description = {
        "Solve the theory and sample the finite network on the same task at the same widths, "
            + "and print them side by side: accuracy of the theory's and of the sampled mean "
            + "predictor (± standard error over chains) and of the GP limit, the U_1 diagonal, "
            + "its largest off-diagonal entries, and the relative Frobenius distance "
            + "|U1_sampled - U1_theory| / |U1_theory|.", "", "Options:"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_INTERNAL_ERROR, ExitCodes.HELP_BAD_INPUT},
    footerHeading = "%nOutput:%n",
    footer = {"DIR/theory.json, DIR/theory.csv      the theory (schema attnpaths.theory/1)",
        "DIR/simulate.json, DIR/simulate.csv  the simulation (schema attnpaths.simulate/1)"})
public final class CompareCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private TaskOptions task;

  @Mixin
  private MarkovOptions markov;

  @Mixin
  private ArchitectureOptions architecture;

  @Mixin
  private SaddleSolverOptions solver;

  @Mixin
  private SamplerOptions sampler;

  @Mixin
  private RunOptions run;

  @Mixin
  private VerbosityOption verbosity;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    // 1. Validate everything before computing or writing anything.
    task.validate(markov);
    sampler.validate();
    SolverOptions solverOptions = solver.solverOptions();
    List<Integer> widths = architecture.widths();
    run.checkOutputDirectory();
    LinearAlgebraBackend backend = run.backend();
    Task t = task.load(markov, run.seed());
    Architecture base = architecture.architecture(t.attention().headCounts());

    // 2. Solve and sample.
    TheorySweep sweep = new TheorySweep(t, base, backend, solverOptions, solver.kernels());
    List<String> labels = TheoryReport.pathLabels(t.pathNames(), base.paths());
    PrintWriter shown = run.quiet() ? new PrintWriter(PrintWriter.nullWriter()) : out;
    if (!run.quiet()) SimulateCommand.describe(out, t, base, sampler, backend);
    ComparisonTable table = new ComparisonTable(shown, labels);
    SideBySide both;
    try (Progress progress = Progress.start(err, run.quiet())) {
      Simulation simulation = new Simulation(sweep, backend, sampler, run.seed(), progress);
      both = SideBySide.run(sweep, simulation, widths, progress, table::width);
    }

    // 3. Write the result files of both commands (atomically).
    TheoryReport theory = TheoryCommand.report(spec, t, base, widths, run, backend,
        solverOptions, solver.kernels().name().toLowerCase(Locale.ROOT),
        sweep.kernelRepresentation(), false, started, both.gp(), List.of(), both.theory());
    SimulateReport simulated = SimulateCommand.report(spec, t, base, widths, run, backend,
        sampler, started, both.sampled());
    Path dir = run.out();
    AtomicFile.write(dir.resolve(TheoryCommand.JSON_FILE), o -> TheoryJson.write(theory, o));
    AtomicFile.write(dir.resolve(TheoryCommand.CSV_FILE), o -> TheoryCsv.write(theory, o));
    AtomicFile.write(dir.resolve(SimulateCommand.JSON_FILE),
        o -> SimulateJson.write(simulated, o));
    AtomicFile.write(dir.resolve(SimulateCommand.CSV_FILE), o -> SimulateCsv.write(simulated, o));
    if (!run.quiet()) {
      out.println();
      out.println("wrote " + dir.resolve(TheoryCommand.JSON_FILE) + ", "
          + dir.resolve(SimulateCommand.JSON_FILE) + " (and the .csv files)");
      out.flush();
    }
    SimulateCommand.warn(err, both.sampled());
    return ExitCodes.OK;
  }
}
