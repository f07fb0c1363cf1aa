package org.attnpaths.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attnpaths.cli.ExitCodes;
import org.attnpaths.cli.option.RunOptions;
import org.attnpaths.cli.option.SamplerOptions;
import org.attnpaths.cli.option.VerbosityOption;
import org.attnpaths.cli.output.AtomicFile;
import org.attnpaths.cli.output.ComparisonTable;
import org.attnpaths.cli.output.SimulateJson;
import org.attnpaths.cli.output.SimulateReport;
import org.attnpaths.cli.output.TheoryJson;
import org.attnpaths.cli.output.TheoryReport;
import org.attnpaths.cli.output.WidthComparison;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.analysis.TheorySweep;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.saddle.SolverOptions;
import org.attnpaths.theory.task.Task;
import org.attnpaths.theory.task.markov.MarkovTask;
import org.attnpaths.theory.task.markov.MarkovTaskConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code attnpaths validate}: the theory-against-simulation check of issue 3 §5 on the built-in
 * four-path Markov task (P = 100, Q = 1000, T = 0.01, all variances 1) at widths 50, 100, 200:
 * the sampled mean-predictor accuracy within {@value #ACCURACY_POINTS} points of the theory's,
 * and the sampled U_1 within {@value #U1_RELATIVE} relative Frobenius distance of the theory's.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
    abbreviateSynopsis = true,
    versionProvider = org.attnpaths.cli.ManifestVersionProvider.class,
    description = {
        "Check the theory against the sampled finite network on the built-in four-path Markov "
            + "task (P = 100, T = 0.01) at widths 50, 100 and 200: PASS when the accuracy of "
            + "the sampled mean predictor is within 3 points of the theory's and the sampled "
            + "U_1 is within 15 %% (relative Frobenius distance) of the theory's.",
        "",
        "Default sampling: 4 chains x (200 burn-in + 400 retained) Gibbs sweeps per width, a "
            + "few minutes with the native backend.", "", "Options:"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every width passed", ExitCodes.HELP_INTERNAL_ERROR,
        ExitCodes.HELP_BAD_INPUT, ExitCodes.HELP_VALIDATION_FAILED},
    footerHeading = "%nOutput:%n",
    footer = {"DIR/theory.json    the theory (schema attnpaths.theory/1)",
        "DIR/simulate.json  the simulation (schema attnpaths.simulate/1)"})
public final class ValidateCommand implements Callable<Integer> {

  /** Issue 3 §5: the widths checked. */
  public static final List<Integer> WIDTHS = List.of(50, 100, 200);
  /** Issue 3 §5: largest accuracy difference, in points. */
  public static final double ACCURACY_POINTS = 3.0;
  /** Issue 3 §5: largest relative Frobenius distance of U_1. */
  public static final double U1_RELATIVE = 0.15;
  /** Default retained Gibbs sweeps per chain (see BENCHMARKS.md for the Monte-Carlo error). */
  public static final int DEFAULT_SAMPLES = 400;
  /** Default burn-in sweeps per chain. */
  public static final int DEFAULT_BURN_IN = 200;

  @Spec
  private CommandSpec spec;

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
    sampler.defaults(DEFAULT_SAMPLES, DEFAULT_BURN_IN);
    sampler.validate();
    run.checkOutputDirectory();
    LinearAlgebraBackend backend = run.backend();
    Task t = MarkovTask.generate(MarkovTaskConfig.fourPath(), run.seed());
    Architecture base = Architecture.uniform(t.attention().headCounts(), WIDTHS.get(0), 1.0,
        0.01, Readout.LAST);
    SolverOptions solverOptions = SolverOptions.newton();
    TheorySweep sweep = new TheorySweep(t, base, backend, solverOptions);
    List<String> labels = TheoryReport.pathLabels(t.pathNames(), base.paths());
    PrintWriter shown = run.quiet() ? new PrintWriter(PrintWriter.nullWriter()) : out;
    if (!run.quiet()) SimulateCommand.describe(out, t, base, sampler, backend);
    ComparisonTable table = new ComparisonTable(shown, labels);
    List<String> verdicts = new ArrayList<>();
    SideBySide both;
    try (Progress progress = Progress.start(err, run.quiet())) {
      Simulation simulation = new Simulation(sweep, backend, sampler, run.seed(), progress);
      both = SideBySide.run(sweep, simulation, WIDTHS, progress, c -> {
        table.width(c);
        String v = verdict(c);
        verdicts.add(v);
        shown.println(v);
        shown.flush();
      });
    }

    TheoryReport theory = TheoryCommand.report(spec, t, base, WIDTHS, run, backend,
        solverOptions, "auto", sweep.kernelRepresentation(), false, started, both.gp(),
        List.of(), both.theory());
    SimulateReport simulated = SimulateCommand.report(spec, t, base, WIDTHS, run, backend,
        sampler, started, both.sampled());
    Path dir = run.out();
    AtomicFile.write(dir.resolve(TheoryCommand.JSON_FILE), o -> TheoryJson.write(theory, o));
    AtomicFile.write(dir.resolve(SimulateCommand.JSON_FILE),
        o -> SimulateJson.write(simulated, o));
    SimulateCommand.warn(err, both.sampled());
    boolean pass = both.comparisons().stream()
        .allMatch(c -> c.within(ACCURACY_POINTS / 100, U1_RELATIVE));
    if (!run.quiet()) {
      out.println();
      out.println((pass ? "PASS" : "FAIL") + ": " + verdicts.stream()
          .filter(v -> v.startsWith("FAIL")).count() + " of " + WIDTHS.size()
          + " widths failed; wrote " + dir.resolve(TheoryCommand.JSON_FILE) + ", "
          + dir.resolve(SimulateCommand.JSON_FILE));
      out.flush();
    } else if (!pass) {
      verdicts.stream().filter(v -> v.startsWith("FAIL")).forEach(err::println);
      err.flush();
    }
    return pass ? ExitCodes.OK : ExitCodes.VALIDATION_FAILED;
  }

  /** {@code PASS N=100: |Δacc| = 0.2 points <= 3, |ΔU1|/|U1| = 0.024 <= 0.15}. */
  static String verdict(WidthComparison c) {
    double points = 100 * Math.abs(c.sampledAccuracy() - c.theoryAccuracy());
    boolean ok = c.within(ACCURACY_POINTS / 100, U1_RELATIVE);
    return String.format(Locale.ROOT, "%s N=%d: |acc_sampled - acc_theory| = %.1f points "
        + "(bound %.0f), |U1_sampled - U1_theory|/|U1_theory| = %.3f (bound %.2f)",
        ok ? "PASS" : "FAIL", c.width(), points, ACCURACY_POINTS, c.frobenius(), U1_RELATIVE);
  }
}
