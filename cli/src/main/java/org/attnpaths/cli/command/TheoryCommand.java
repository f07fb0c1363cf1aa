package org.attnpaths.cli.command;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.Map;
import java.util.concurrent.Callable;
import org.attnpaths.cli.BuildInfo;
import org.attnpaths.cli.ExitCodes;
import org.attnpaths.cli.option.ArchitectureOptions;
import org.attnpaths.cli.option.GpSubsetSpec;
import org.attnpaths.cli.option.MarkovOptions;
import org.attnpaths.cli.option.ReportRequest;
import org.attnpaths.cli.option.RunOptions;
import org.attnpaths.cli.option.SaddleSolverOptions;
import org.attnpaths.cli.option.TaskOptions;
import org.attnpaths.cli.option.VerbosityOption;
import org.attnpaths.cli.output.AtomicFile;
import org.attnpaths.cli.output.Provenance;
import org.attnpaths.cli.output.RunConfig;
import org.attnpaths.cli.output.TheoryCsv;
import org.attnpaths.cli.output.TheoryJson;
import org.attnpaths.cli.output.TheoryReport;
import org.attnpaths.cli.output.TheoryTable;
import org.attnpaths.cli.report.Report;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.analysis.GpBaseline;
import org.attnpaths.theory.analysis.TheorySweep;
import org.attnpaths.theory.analysis.WidthResult;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.saddle.SaddlePoint;
import org.attnpaths.theory.saddle.SolverOptions;
import org.attnpaths.theory.task.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code attnpaths theory}: the saddle-point theory over a sweep of widths (spec §5–7). With no
 * options it runs the paper's Fig. 2c experiment. Validates everything, then solves, then writes
 * {@code theory.json} and {@code theory.csv} atomically; nothing is written on failure.
 */
@Command(name = "theory", mixinStandardHelpOptions = true, sortOptions = false,
    abbreviateSynopsis = true,
    versionProvider = org.attnpaths.cli.ManifestVersionProvider.class,
    description = {
        "Solve the saddle-point equations of the attention-path theory for each width N and "
            + "report the test accuracy of the mean predictor, the GP (infinite-width) limit, and "
            + "the order parameter U_1 that weighs every pair of attention paths.",
        "",
        "Without options: the paper's Fig. 2c experiment (built-in 4-path Markov task, "
            + "P = 100, widths 10..1000, T = 0.01).", "", "Options:"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_INTERNAL_ERROR, ExitCodes.HELP_BAD_INPUT},
    footerHeading = "%nOutput:%n",
    footer = {"DIR/theory.json  every result and its provenance (schema attnpaths.theory/1)",
        "DIR/theory.csv   one row per width",
        "DIR/index.html   with --report: figures and tables (see 'attnpaths help report')"})
public final class TheoryCommand implements Callable<Integer> {

  /** Result file names inside {@code --out}. */
  public static final String JSON_FILE = "theory.json";
  public static final String CSV_FILE = "theory.csv";

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
  private RunOptions run;

  @Mixin
  private VerbosityOption verbosity;

  @Option(names = "--subsets", negatable = true, order = 180,
      description = "Also compute the GP limits of the Markov path subsets (good path only; good + "
          + "denoising). Default: on for the built-in four-path task, off otherwise.")
  private Boolean subsets;

  @Option(names = "--gp-subset", paramLabel = "NAME=HEADS", order = 181,
      description = "Also compute the GP limit of the sub-network keeping these heads: layers "
          + "separated by '/', 1-based heads by ',' (e.g. good=1/1, good+denoising=1,2/1). "
          + "Repeatable; works with --task files too.")
  private List<String> gpSubsetSpecs = new ArrayList<>();

  @Mixin
  private ReportRequest reportRequest;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    // 1. Validate everything before computing or writing anything.
    task.validate(markov);
    Map<String, List<List<Integer>>> pathSubsets =
        task.builtIn() ? markov.pathSubsets() : Map.of();
    boolean withSubsets = subsets != null ? subsets : task.builtIn() && markov.subsetsByDefault();
    if (withSubsets && pathSubsets.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--subsets: the path subsets (good; "
          + "good+denoising) are defined for the built-in Markov task with layer 1 = "
          + "[same_token, blank, ...] and layer 2 = [uniform, ...] only");
    }
    SolverOptions solverOptions = solver.solverOptions();
    Report.Options figureOptions = reportRequest.validated();
    if (!task.exportOnly()) run.checkOutputDirectory();
    Stopwatch clock = new Stopwatch();
    // Loading the native library (~0.25 s: extract, dlopen, OpenBLAS start-up) overlaps the task.
    FutureTask<LinearAlgebraBackend> loading = new FutureTask<>(run::backend);
    Thread loader = new Thread(loading, "attnpaths-backend-loader");
    loader.setDaemon(true);
    loader.start();
    Task t = task.load(markov, run.seed());
    clock.lap("task");
    Architecture base = architecture.architecture(t.attention().headCounts());
    Map<String, List<List<Integer>>> chosen = new LinkedHashMap<>(withSubsets ? pathSubsets : Map.of());
    for (String text : gpSubsetSpecs) {
      try {
        GpSubsetSpec spec = GpSubsetSpec.parse(text, t.attention().headCounts());
        chosen.put(spec.name(), spec.heads());
      } catch (IllegalArgumentException e) {
        throw new ParameterException(this.spec.commandLine(), e.getMessage());
      }
    }
    LinearAlgebraBackend backend = awaitBackend(loading);

    if (task.exportOnly()) {
      Path written = task.export(t);
      if (!run.quiet()) out.println("wrote " + written);
      return ExitCodes.OK;
    }

    // 2. Solve.
    List<String> labels = TheoryReport.pathLabels(t.pathNames(), base.paths());
    if (!run.quiet()) describe(out, t, base, solverOptions, backend, labels);
    TheorySweep sweep = new TheorySweep(t, base, backend, solverOptions, solver.kernels());
    clock.lap("train features");
    // The saddle points need only the training set: they are solved while the sweep computes the
    // test set's attention and path features on its own thread.
    List<SaddlePoint> solved;
    try (Progress progress = Progress.start(err, run.quiet())) {
      progress.stage("saddle points");
      progress.tasks(architecture.widths().size(), "widths solved");
      solved = sweep.solveAll(architecture.widths(), sp -> progress.taskDone());
    }
    clock.lap("saddle points");
    GpBaseline gp = sweep.gp();
    clock.lap("test features+gp");
    List<GpBaseline> subsetBaselines = new ArrayList<>();
    if (!chosen.isEmpty()) {
      chosen.forEach((name, heads) -> subsetBaselines.add(sweep.gpSubset(name, heads)));
      clock.lap("gp subsets");
    }
    PrintWriter tableOut = run.quiet() ? new PrintWriter(Writer.nullWriter()) : out;
    TheoryTable table = new TheoryTable(tableOut, labels, t.xTrain().count(), gp.test().accuracy());
    table.header();
    List<WidthResult> results = new ArrayList<>();
    for (SaddlePoint sp : solved) {
      WidthResult r = sweep.evaluate(sp);
      results.add(r);
      table.row(r);
    }
    clock.lap("predictors");
    if (!chosen.isEmpty()) table.subsets(gp, subsetBaselines);

    // 3. Write the result files (atomically), then report.
    TheoryReport report = report(t, base, backend, solverOptions, sweep.kernelRepresentation(),
        !chosen.isEmpty(), started, gp,
        subsetBaselines, results);
    Path json = run.out().resolve(JSON_FILE);
    Path csv = run.out().resolve(CSV_FILE);
    AtomicFile.write(json, o -> TheoryJson.write(report, o));
    AtomicFile.write(csv, o -> TheoryCsv.write(report, o));
    Path exported = task.export(t);
    clock.lap("write");
    if (figureOptions != null) {
      ReportCommand.writeFor(json, run.out(), figureOptions, run.quiet(), out, err);
      clock.lap("report");
    }
    if (VerbosityOption.isVerbose(spec.commandLine())) {
      err.println("attnpaths: timing: " + clock + " (JVM up " + Stopwatch.sinceJvmStart() + ")");
    }
    if (!run.quiet()) {
      out.println();
      out.println("wrote " + json + ", " + csv + (exported == null ? "" : ", " + exported));
      out.flush();
    }
    warn(err, table.warnings(), results.size(), json);
    return ExitCodes.OK;
  }

  /** The loaded backend, or the loader's own exception (so exit codes are unchanged). */
  private static LinearAlgebraBackend awaitBackend(FutureTask<LinearAlgebraBackend> loading)
      throws Exception {
    try {
      return loading.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) throw cause;
      throw e;
    }
  }

  private TheoryReport report(Task t, Architecture base, LinearAlgebraBackend backend,
      SolverOptions solverOptions, String kernelRepresentation, boolean withSubsets,
      Instant started, GpBaseline gp,
      List<GpBaseline> subsetBaselines, List<WidthResult> results) {
    return report(spec, t, base, architecture.widths(), run, backend, solverOptions,
        solver.kernels().name().toLowerCase(Locale.ROOT), kernelRepresentation, withSubsets,
        started, gp, subsetBaselines, results);
  }

  /** The theory report of a run (shared with {@code compare} and {@code validate}). */
  static TheoryReport report(CommandSpec spec, Task t, Architecture base, List<Integer> widths,
      RunOptions run, LinearAlgebraBackend backend, SolverOptions solverOptions,
      String kernelsRequested, String kernelRepresentation, boolean withSubsets,
      Instant started, GpBaseline gp, List<GpBaseline> subsetBaselines,
      List<WidthResult> results) {
    BuildInfo build = BuildInfo.current();
    RunConfig config = new RunConfig(t.name(), t.source(), t.xTrain().count(), t.xTest().count(),
        t.xTrain().tokens(), t.xTrain().dim(), base, widths, run.seed(),
        run.backendChoice().name().toLowerCase(Locale.ROOT), backend.name(),
        backend.description(), solverOptions, kernelsRequested, kernelRepresentation,
        withSubsets, build.version(), SimulateCommand.commandLine(spec));
    return new TheoryReport(config, Provenance.capture(build, started, backend.name()),
        t.pathNames(), gp, subsetBaselines, results);
  }

  /** Unconverged or non-minimum widths, repeated on stderr after the table (never silent). */
  private static void warn(PrintWriter err, List<String> warnings, int widths, Path json) {
    for (String w : warnings) err.println("attnpaths: warning: " + w);
    if (!warnings.isEmpty()) {
      err.println("attnpaths: warning: " + warnings.size() + " of " + widths
          + " widths are NOT certified minima; see 'certificate' in " + json);
    }
    err.flush();
  }

  private void describe(PrintWriter out, Task t, Architecture a, SolverOptions s,
      LinearAlgebraBackend backend, List<String> labels) {
    out.printf(Locale.ROOT, "task %s: P=%d train, Q=%d test, %d tokens of dim %d; heads %s "
        + "(%d paths: %s)%n", t.name(), t.xTrain().count(), t.xTest().count(), t.xTrain().tokens(),
        t.xTrain().dim(), a.heads(), a.paths(), String.join(" ", labels));
    out.printf(Locale.ROOT, "T=%s, variances %s, readout %s; solver %s (tol %s); backend %s%n%n",
        a.temperature(), a.variances(), a.readout().label(),
        s.method().name().toLowerCase(Locale.ROOT), s.tolerance(), backend.name());
    out.flush();
  }
}
