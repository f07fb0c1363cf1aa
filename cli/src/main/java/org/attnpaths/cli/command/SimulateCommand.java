package org.attnpaths.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attnpaths.cli.BuildInfo;
import org.attnpaths.cli.ExitCodes;
import org.attnpaths.cli.option.ArchitectureOptions;
import org.attnpaths.cli.option.MarkovOptions;
import org.attnpaths.cli.option.ReportRequest;
import org.attnpaths.cli.option.RunOptions;
import org.attnpaths.cli.report.Report;
import org.attnpaths.cli.option.SamplerOptions;
import org.attnpaths.cli.option.TaskOptions;
import org.attnpaths.cli.option.VerbosityOption;
import org.attnpaths.cli.output.AtomicFile;
import org.attnpaths.cli.output.Provenance;
import org.attnpaths.cli.output.RunConfig;
import org.attnpaths.cli.output.SampledWidth;
import org.attnpaths.cli.output.SimulateCsv;
import org.attnpaths.cli.output.SimulateJson;
import org.attnpaths.cli.output.SimulateReport;
import org.attnpaths.cli.output.TheoryReport;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.analysis.TheorySweep;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.saddle.SolverOptions;
import org.attnpaths.theory.task.Task;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code attnpaths simulate}: samples the Bayesian posterior of the finite network (spec §8,
 * issue 3 §2–4) at each width and reports the sampled mean predictor and order parameters.
 * Validates everything, then samples, then writes {@code simulate.json} and {@code simulate.csv}
 * atomically; nothing is written on failure.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
    abbreviateSynopsis = true,
    versionProvider = org.attnpaths.cli.ManifestVersionProvider.class,
    description = {
        "Sample the Gibbs posterior at temperature T of the finite attention network (the very "
            + "network the theory describes) at each width N, and report the accuracy of the "
            + "sampled mean predictor, the sampled order parameters U and chain diagnostics.",
        "",
        "Without options: the built-in 4-path Markov task (P = 100, T = 0.01), 4 chains of 100 "
            + "burn-in and 100 retained Gibbs sweeps at widths 10..1000.", "", "Options:"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_INTERNAL_ERROR, ExitCodes.HELP_BAD_INPUT},
    footerHeading = "%nOutput:%n",
    footer = {"DIR/simulate.json  every result and its provenance (schema attnpaths.simulate/1)",
        "DIR/simulate.csv   one row per width"})
public final class SimulateCommand implements Callable<Integer> {

  /** Result file names inside {@code --out}. */
  public static final String JSON_FILE = "simulate.json";
  public static final String CSV_FILE = "simulate.csv";

  @Spec
  private CommandSpec spec;

  @Mixin
  private TaskOptions task;

  @Mixin
  private MarkovOptions markov;

  @Mixin
  private ArchitectureOptions architecture;

  @Mixin
  private SamplerOptions sampler;

  @Mixin
  private RunOptions run;

  @Mixin
  private ReportRequest reportRequest;

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
    List<Integer> widths = architecture.widths();
    run.checkOutputDirectory();
    Report.Options figureOptions = reportRequest.validated();
    LinearAlgebraBackend backend = run.backend();
    Task t = task.load(markov, run.seed());
    Architecture base = architecture.architecture(t.attention().headCounts());

    // 2. Sample.
    TheorySweep sweep = new TheorySweep(t, base, backend, SolverOptions.newton());
    List<String> labels = TheoryReport.pathLabels(t.pathNames(), base.paths());
    PrintWriter table = run.quiet() ? new PrintWriter(PrintWriter.nullWriter()) : out;
    if (!run.quiet()) describe(out, t, base, sampler, backend);
    header(table, labels);
    List<SampledWidth> results;
    try (Progress progress = Progress.start(err, run.quiet())) {
      results = new Simulation(sweep, backend, sampler, run.seed(), progress)
          .run(widths, r -> row(table, r, t.xTrain().count()));
    }

    // 3. Write the result files (atomically), then report.
    SimulateReport report = report(spec, t, base, widths, run, backend, sampler, started, results);
    Path json = run.out().resolve(JSON_FILE);
    Path csv = run.out().resolve(CSV_FILE);
    AtomicFile.write(json, o -> SimulateJson.write(report, o));
    AtomicFile.write(csv, o -> SimulateCsv.write(report, o));
    if (!run.quiet()) {
      out.println();
      out.println("wrote " + json + ", " + csv);
      out.flush();
    }
    if (figureOptions != null) {
      ReportCommand.writeFor(json, run.out(), figureOptions, run.quiet(), out, err);
    }
    warn(err, results);
    return ExitCodes.OK;
  }

  /** The simulation report of a run (shared with {@code compare} and {@code validate}). */
  static SimulateReport report(CommandSpec spec, Task t, Architecture base, List<Integer> widths,
      RunOptions run, LinearAlgebraBackend backend, SamplerOptions sampler, Instant started,
      List<SampledWidth> results) {
    BuildInfo build = BuildInfo.current();
    RunConfig config = new RunConfig(t.name(), t.source(), t.xTrain().count(), t.xTest().count(),
        t.xTrain().tokens(), t.xTrain().dim(), base, widths, run.seed(),
        run.backendChoice().name().toLowerCase(Locale.ROOT), backend.name(),
        backend.description(), null, null, null, false, build.version(), commandLine(spec));
    SimulateReport.Sampler s = new SimulateReport.Sampler(sampler.method().label(),
        sampler.samples(), sampler.burnIn(), sampler.chains(), sampler.threads(),
        !sampler.method().gradientBased() ? null : sampler.marginalReadout() ? "marginal" : "joint",
        sampler.massMatrix() == null ? null : sampler.massMatrix().label(), sampler.stepSize(),
        sampler.trajectoryLength());
    return new SimulateReport(config, Provenance.capture(build, started, backend.name()), s,
        t.pathNames(), results);
  }

  static void describe(PrintWriter out, Task t, Architecture a, SamplerOptions s,
      LinearAlgebraBackend backend) {
    out.printf(Locale.ROOT, "task %s: P=%d train, Q=%d test; heads %s (%d paths); T=%s%n",
        t.name(), t.xTrain().count(), t.xTest().count(), a.heads(), a.paths(), a.temperature());
    out.printf(Locale.ROOT, "sampler %s: %d chains x (%d burn-in + %d retained) %s, %d "
        + "threads; backend %s%n", s.method().label(), s.chains(), s.burnIn(), s.samples(),
        s.method().gradientBased() ? "transitions" : "sweeps", s.threads(), backend.name());
    if (s.method().gradientBased()) {
      out.printf(Locale.ROOT, "potential %s, mass matrix %s, step size %s%s%n",
          s.marginalReadout() ? "marginal (readout integrated out)" : "joint",
          s.massMatrix().label(),
          Double.isNaN(s.stepSize()) ? "searched" : String.valueOf(s.stepSize()),
          s.method() == SamplerOptions.Method.HMC
              ? String.format(Locale.ROOT, ", trajectory length %.4g", s.trajectoryLength()) : "");
    }
    out.println();
    out.flush();
  }

  private static void header(PrintWriter out, List<String> labels) {
    StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%6s %6s %16s %7s",
        "N", "alpha", "acc(sampled)", "U_a"));
    for (String l : labels) h.append(String.format(Locale.ROOT, " %8s", "U1[" + l + "]"));
    h.append(String.format(Locale.ROOT, " %8s", "seconds"));
    out.println(h);
    out.flush();
  }

  private static void row(PrintWriter out, SampledWidth r, int trainSize) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%6d %6.3f %16s %7.3f",
        r.width(), (double) trainSize / r.width(),
        percent(r.test().accuracy(), r.accuracyStandardError()), r.orderParameters().scalar()));
    for (double d : r.orderParameters().pathDiagonal()) {
      s.append(String.format(Locale.ROOT, " %8.3f", d));
    }
    s.append(String.format(Locale.ROOT, " %8.1f", r.wallSeconds()));
    out.println(s);
    out.flush();
  }

  /** {@code 91.2 ± 0.4 %}, or without the error when it is not defined. */
  static String percent(double accuracy, double standardError) {
    return Double.isFinite(standardError)
        ? String.format(Locale.ROOT, "%.1f ± %.1f %%", 100 * accuracy, 100 * standardError)
        : String.format(Locale.ROOT, "%.1f %%", 100 * accuracy);
  }

  /** Diagnostics warnings on stderr after the table (never silent). */
  static void warn(PrintWriter err, List<SampledWidth> results) {
    for (SampledWidth r : results) {
      for (String w : r.diagnostics().warnings()) {
        err.println("attnpaths: warning: N=" + r.width() + ": " + w);
      }
    }
    err.flush();
  }

  static List<String> commandLine(CommandSpec spec) {
    List<String> args = new ArrayList<>(List.of("attnpaths"));
    CommandLine root = spec.root().commandLine();
    args.addAll(root.getParseResult().originalArgs());
    return args;
  }
}
