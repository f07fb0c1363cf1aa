package org.attnpaths.cli.command;

import java.io.PrintWriter;
import java.io.Writer;
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
import org.attnpaths.cli.option.SaddleSolverOptions;
import org.attnpaths.cli.option.SamplerOptions;
import org.attnpaths.cli.option.TaskOptions;
import org.attnpaths.cli.option.VerbosityOption;
import org.attnpaths.cli.output.AtomicFile;
import org.attnpaths.cli.output.PruneCsv;
import org.attnpaths.cli.output.PruneJson;
import org.attnpaths.cli.output.PruneReport;
import org.attnpaths.cli.output.PruneTable;
import org.attnpaths.cli.output.Provenance;
import org.attnpaths.cli.output.RunConfig;
import org.attnpaths.cli.output.SimulateReport;
import org.attnpaths.cli.output.SimulatedPruning;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.simulation.sampler.SampledPruning;
import org.attnpaths.theory.analysis.TheorySweep;
import org.attnpaths.theory.analysis.WidthResult;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.AttentionHead;
import org.attnpaths.theory.pruning.HeadPruning;
import org.attnpaths.theory.pruning.PruningOptions;
import org.attnpaths.theory.pruning.SingleRemoval;
import org.attnpaths.theory.pruning.WidthPruning;
import org.attnpaths.theory.saddle.SolverOptions;
import org.attnpaths.theory.task.Task;
import org.attnpaths.cli.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code attnpaths prune}: head scores from the order parameter and head pruning in the theory
 * (frozen and re-solved) and, with {@code --simulate}, in sampled finite networks (spec §10,
 * issue 5). Validates everything, then solves and samples, then writes {@code prune.json} and
 * {@code prune.csv} atomically; nothing is written on failure.
 */
@Command(name = "prune", mixinStandardHelpOptions = true, sortOptions = false,
    abbreviateSynopsis = true,
    versionProvider = org.attnpaths.cli.ManifestVersionProvider.class,
    description = {
        "Score every attention head by the order parameter U_1 (the total |U_1| of the path pairs "
            + "through it) and measure what removing it costs: in the theory with U_1 frozen "
            + "(the head's paths silenced) and with the smaller network re-solved, and with "
            + "--simulate in sampled finite networks (the head's output zeroed, the other heads "
            + "of its layer rescaled). Also prunes heads one by one in increasing score, "
            + "decreasing score and random orders, and reports the Spearman correlation between "
            + "score and accuracy drop.",
        "",
        "Without options: the built-in 4-path Markov task at N = 10 (--widths defaults to 10 "
            + "here), T = 0.01.", "", "Options:"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_INTERNAL_ERROR, ExitCodes.HELP_BAD_INPUT},
    footerHeading = "%nOutput:%n",
    footer = {"DIR/prune.json  every result and its provenance (schema attnpaths.prune/1)",
        "DIR/prune.csv   one row per width and head",
        "DIR/index.html  with --report: figures and tables (see 'attnpaths help report')"})
public final class PruneCommand implements Callable<Integer> {

  /** Result file names inside {@code --out}. */
  public static final String JSON_FILE = "prune.json";
  public static final String CSV_FILE = "prune.csv";

  /** The width pruned when {@code --widths} is not given (the paper's pruning figure: N = 10). */
  public static final List<Integer> DEFAULT_WIDTHS = List.of(10);

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

  @Option(names = "--order", split = ",", paramLabel = "score|reverse|random", order = 600,
      hideParamSyntax = true,
      description = "Cumulative pruning orders, comma-separated: score (increasing head score), "
          + "reverse (decreasing score), random (--random-orders random permutations). "
          + "Default: score,reverse,random.")
  private List<String> orderNames = new ArrayList<>(List.of("score", "reverse", "random"));

  @Option(names = "--random-orders", paramLabel = "K", order = 610, defaultValue = "10",
      description = "Number of random orders (seeded by --seed). Default: ${DEFAULT-VALUE}.")
  private int randomOrders;

  @Option(names = "--cumulative-method", paramLabel = "resolved|frozen", order = 620,
      defaultValue = "resolved",
      description = "How each step of a cumulative curve is computed: resolved (the smaller "
          + "network's own saddle point) or frozen (U_1 with the removed paths silenced). "
          + "Default: ${DEFAULT-VALUE}.")
  private String cumulativeMethod;

  @Option(names = "--permutations", paramLabel = "M", order = 630, defaultValue = "10000",
      description = "Monte-Carlo permutations of the Spearman p-value when there are more than 8 "
          + "heads (up to 8 the test is exact). Default: ${DEFAULT-VALUE}.")
  private int permutations;

  @Option(names = "--simulate", order = 640,
      description = "Also remove each head from sampled finite networks (the sampler options "
          + "below apply) and report the sampled mean predictor's accuracy drop.")
  private boolean simulate;

  @Mixin
  private SamplerOptions sampler;

  @Mixin
  private ReportRequest reportRequest;

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
    Report.Options figureOptions = reportRequest.validated();
    PruningOptions pruning = pruningOptions();
    if (!simulate) {
      for (String name : List.of("--sampler", "--samples", "--burn-in", "--chains", "--threads",
          "--potential", "--mass-matrix", "--step-size", "--trajectory-length")) {
        if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
          throw new ParameterException(spec.commandLine(), name + ": only with --simulate");
        }
      }
    }
    if (task.exportOnly()) {
      throw new ParameterException(spec.commandLine(), "--export-only: not supported by prune "
          + "(use 'attnpaths theory --export-task FILE --export-only')");
    }
    List<Integer> widths = spec.commandLine().getParseResult().hasMatchedOption("--widths")
        ? architecture.widths() : DEFAULT_WIDTHS;
    SolverOptions solverOptions = solver.solverOptions();
    run.checkOutputDirectory();
    LinearAlgebraBackend backend = run.backend();
    Task t = task.load(markov, run.seed());
    Architecture base = architecture.architecture(t.attention().headCounts());

    // 2. Solve the full network at every width, then prune it.
    if (!run.quiet()) describe(out, t, base, solverOptions, backend, pruning);
    TheorySweep sweep = new TheorySweep(t, base, backend, solverOptions, solver.kernels());
    HeadPruning theory = new HeadPruning(sweep, pruning);
    List<List<String>> headNames = headNames(t);
    PrintWriter tableOut = run.quiet() ? new PrintWriter(Writer.nullWriter()) : out;
    PruneTable table = new PruneTable(tableOut, headNames);
    List<PruneReport.Width> results = new ArrayList<>();
    try (Progress progress = Progress.start(err, run.quiet())) {
      progress.stage("saddle points of the full network");
      List<WidthResult> full = sweep.run(widths, null);
      progress.tasks(widths.size(), "widths pruned");
      Simulation simulation = simulate
          ? new Simulation(sweep, backend, sampler, run.seed(), progress) : null;
      for (int i = 0; i < widths.size(); i++) {
        int n = widths.get(i);
        String where = String.format(Locale.ROOT, "N=%d (%d/%d)", n, i + 1, widths.size());
        int[] solves = {0};
        progress.stage("pruning " + where);
        WidthPruning w = theory.run(full.get(i), s -> progress.stage(String.format(Locale.ROOT,
            "pruning %s: %d re-solved, last without %s", where, ++solves[0],
            String.join(" ", s.removal().labels()))));
        SimulatedPruning sim = null;
        if (simulation != null) {
          progress.stage(String.format(Locale.ROOT, "sampling %s: %d chains x %d steps", where,
              sampler.chains(), sampler.burnIn() + sampler.samples()));
          long t0 = System.nanoTime();
          SampledPruning sampled = simulation.pruning(n);
          sim = SimulatedPruning.of(w, sampled, pruning.permutations(), run.seed(),
              (System.nanoTime() - t0) / 1e9);
        }
        progress.taskDone();
        results.add(new PruneReport.Width(w, sim));
        table.width(w, sim);
      }
    }

    // 3. Write the result files (atomically).
    PruneReport report = new PruneReport(config(t, base, widths, backend, solverOptions,
        sweep.kernelRepresentation()), settings(pruning),
        Provenance.capture(BuildInfo.current(), started, backend.name()), headNames, results);
    Path json = run.out().resolve(JSON_FILE);
    Path csv = run.out().resolve(CSV_FILE);
    AtomicFile.write(json, o -> PruneJson.write(report, o));
    AtomicFile.write(csv, o -> PruneCsv.write(report, o));
    Path exported = task.export(t);
    if (!run.quiet()) {
      out.println("wrote " + json + ", " + csv + (exported == null ? "" : ", " + exported));
      out.flush();
    }
    if (figureOptions != null) {
      ReportCommand.writeFor(json, run.out(), figureOptions, run.quiet(), out, err);
    }
    warn(err, results, json);
    return ExitCodes.OK;
  }

  /** The theory's pruning options from --order, --random-orders, --cumulative-method. */
  private PruningOptions pruningOptions() {
    List<PruningOptions.Order> orders = new ArrayList<>();
    for (String name : orderNames) {
      PruningOptions.Order o;
      try {
        o = PruningOptions.Order.parse(name);
      } catch (IllegalArgumentException e) {
        throw bad("--order: expected score, reverse or random (comma-separated), got '" + name
            + "'");
      }
      if (orders.contains(o)) throw bad("--order: '" + name + "' given twice");
      orders.add(o);
    }
    if (orders.isEmpty()) throw bad("--order: expected at least one of score, reverse, random");
    if (randomOrders < 1) throw bad("--random-orders: expected an integer >= 1, got " + randomOrders);
    if (!orders.contains(PruningOptions.Order.RANDOM)
        && spec.commandLine().getParseResult().hasMatchedOption("--random-orders")) {
      throw bad("--random-orders: only with 'random' in --order");
    }
    if (permutations < 1) throw bad("--permutations: expected an integer >= 1, got " + permutations);
    PruningOptions.Method method;
    try {
      method = PruningOptions.Method.parse(cumulativeMethod);
    } catch (IllegalArgumentException e) {
      throw bad("--cumulative-method: expected resolved or frozen, got '" + cumulativeMethod + "'");
    }
    return new PruningOptions(orders, randomOrders, method, permutations, run.seed());
  }

  private PruneReport.Settings settings(PruningOptions p) {
    List<String> orders = new ArrayList<>();
    for (PruningOptions.Order o : p.orders()) orders.add(o.label());
    SimulateReport.Sampler s = simulate ? new SimulateReport.Sampler(sampler.method().label(),
        sampler.samples(), sampler.burnIn(), sampler.chains(), sampler.threads(),
        !sampler.method().gradientBased() ? null : sampler.marginalReadout() ? "marginal" : "joint",
        sampler.massMatrix() == null ? null : sampler.massMatrix().label(), sampler.stepSize(),
        sampler.trajectoryLength()) : null;
    return new PruneReport.Settings(orders, p.randomOrders(), p.method().label(),
        p.permutations(), s);
  }

  private RunConfig config(Task t, Architecture base, List<Integer> widths,
      LinearAlgebraBackend backend, SolverOptions solverOptions, String kernelRepresentation) {
    return new RunConfig(t.name(), t.source(), t.xTrain().count(), t.xTest().count(),
        t.xTrain().tokens(), t.xTrain().dim(), base, widths, run.seed(),
        run.backendChoice().name().toLowerCase(Locale.ROOT), backend.name(),
        backend.description(), solverOptions, solver.kernels().name().toLowerCase(Locale.ROOT),
        kernelRepresentation, false, BuildInfo.current().version(),
        SimulateCommand.commandLine(spec));
  }

  private static List<List<String>> headNames(Task t) {
    List<List<String>> names = new ArrayList<>();
    for (int l = 1; l <= t.attention().layerCount(); l++) {
      List<String> layer = new ArrayList<>();
      for (AttentionHead h : t.attention().layer(l)) layer.add(h.name());
      names.add(List.copyOf(layer));
    }
    return List.copyOf(names);
  }

  /** Re-solves that are not certified minima, on stderr after the table (never silent). */
  private static void warn(PrintWriter err, List<PruneReport.Width> results, Path json) {
    int bad = 0;
    for (PruneReport.Width w : results) {
      if (!w.theory().full().saddlePoint().certificate().isMinimum()) {
        err.println("attnpaths: warning: N=" + w.theory().width() + ": the full network's "
            + "solution is not a certified minimum");
        bad++;
      }
      for (SingleRemoval s : w.theory().singles()) {
        if (s.computed() && !s.resolved().saddlePoint().certificate().isMinimum()) {
          err.println("attnpaths: warning: N=" + w.theory().width() + ": re-solve without "
              + s.head().label() + " is not a certified minimum ("
              + s.resolved().saddlePoint().certificate().message() + ")");
          bad++;
        }
      }
    }
    if (bad > 0) err.println("attnpaths: warning: see 'certificate' in " + json);
    err.flush();
  }

  private void describe(PrintWriter out, Task t, Architecture a, SolverOptions s,
      LinearAlgebraBackend backend, PruningOptions p) {
    out.printf(Locale.ROOT, "task %s: P=%d train, Q=%d test; heads %s (%d paths); T=%s; solver "
        + "%s; backend %s%n", t.name(), t.xTrain().count(), t.xTest().count(), a.heads(),
        a.paths(), a.temperature(), s.method().name().toLowerCase(Locale.ROOT), backend.name());
    List<String> orders = new ArrayList<>();
    for (PruningOptions.Order o : p.orders()) orders.add(o.label());
    out.printf(Locale.ROOT, "cumulative orders %s (%s)%s%n%n", String.join(",", orders),
        p.method().label(), simulate ? String.format(Locale.ROOT, "; simulated with %s, %d chains "
            + "x (%d burn-in + %d retained)", sampler.method().label(), sampler.chains(),
            sampler.burnIn(), sampler.samples()) : "");
    out.flush();
  }

  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
