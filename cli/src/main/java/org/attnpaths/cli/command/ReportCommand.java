package org.attnpaths.cli.command;

import org.attnpaths.notebooks.results.ResultFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.attnpaths.cli.ExitCodes;
import org.attnpaths.cli.option.QuietOption;
import org.attnpaths.cli.option.ReportOptions;
import org.attnpaths.cli.option.VerbosityOption;
import org.attnpaths.cli.output.AtomicFile;
import org.attnpaths.cli.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code attnpaths report RESULT... --out DIR}: figures, tables and a self-contained HTML page
 * from result files. Reads and checks every input and draws every figure before writing
 * anything.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = org.attnpaths.cli.ManifestVersionProvider.class,
    description = {"Draw the figures of one or more result files (theory.json, simulate.json, "
        + "prune.json) "
        + "and write a self-contained HTML report with the result tables, the convergence "
        + "certificates and the provenance of every input.", "", "Options:"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_INTERNAL_ERROR,
        "2:bad input: missing or unreadable file, not a result file, unknown schema or schema "
            + "version, invalid option; nothing is written"},
    footerHeading = "%nOutput:%n",
    footer = {"DIR/index.html         the page (inline SVG; opens offline)",
        "DIR/figures/NAME.png   each figure (--dpi), and NAME.svg",
        "DIR/NAME.csv           each table of the page"})
public final class ReportCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "RESULT", arity = "1..*",
      description = "Result files: theory.json (attnpaths.theory/1), simulate.json "
          + "(attnpaths.simulate/1), prune.json (attnpaths.prune/1).")
  private List<Path> results = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", order = 500, defaultValue = "report",
      description = "Directory for the report (created if needed). Default: ${DEFAULT-VALUE}/.")
  private Path out;

  @Mixin
  private QuietOption quietOption;

  @Mixin
  private ReportOptions reportOptions;

  @Mixin
  private VerbosityOption verbosity;

  @Override
  public Integer call() throws Exception {
    Report.Options options = reportOptions.options();
    try {
      AtomicFile.checkDirectoryUsable(out);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--out " + e.getMessage());
    }
    List<ResultFile> files = Report.read(results);
    write(Report.of(files, options), out, options, quietOption.quiet(), spec.commandLine().getOut(),
        spec.commandLine().getErr());
    return ExitCodes.OK;
  }

  /**
   * The report of one result file just written by a computing command ({@code theory --report},
   * {@code simulate --report}), drawn from that file so that it shows exactly what it holds.
   */
  static void writeFor(Path resultFile, Path out, Report.Options options, boolean quiet,
      PrintWriter stdout, PrintWriter stderr) throws java.io.IOException {
    write(Report.of(List.of(ResultFile.read(resultFile)), options), out, options, quiet, stdout,
        stderr);
  }

  /** Writes {@code report} and says where. */
  static void write(Report report, Path out, Report.Options options, boolean quiet,
      PrintWriter stdout, PrintWriter stderr) throws java.io.IOException {
    List<Path> written = report.write(out, options);
    for (String w : report.warnings()) stderr.println("attnpaths: warning: " + w);
    stderr.flush();
    if (!quiet) {
      stdout.println("wrote " + written.get(written.size() - 1) + " (" + written.size()
          + " files)");
      stdout.flush();
    }
  }
}
