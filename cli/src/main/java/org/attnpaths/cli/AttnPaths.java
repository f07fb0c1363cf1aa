package org.attnpaths.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.attnpaths.cli.command.CompareCommand;
import org.attnpaths.cli.command.ExportNotebookCommand;
import org.attnpaths.cli.command.ExportNpzCommand;
import org.attnpaths.cli.command.PruneCommand;
import org.attnpaths.cli.command.ReportCommand;
import org.attnpaths.cli.command.SimulateCommand;
import org.attnpaths.cli.command.TheoryCommand;
import org.attnpaths.cli.command.ValidateCommand;
import org.attnpaths.cli.option.VerbosityOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code attnpaths} top command: lists the subcommands; with none, prints usage. */
@Command(name = "attnpaths", mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = {
        "Statistical-mechanics theory of Bayesian learning in deep multi-head attention networks: "
            + "attention paths, their renormalised kernel and the order parameters that weigh them "
            + "(Tiberi, Mignacco, Irie, Sompolinsky, NeurIPS 2024)."},
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        ExitCodes.HELP_OK, ExitCodes.HELP_INTERNAL_ERROR, ExitCodes.HELP_BAD_INPUT},
    footerHeading = "%n", footer = "Run 'attnpaths help theory' for the theory command's options.")
public final class AttnPaths implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private VerbosityOption verbosity;

  /**
   * The subcommands in the order the usage lists them. Each is built only when needed: picocli
   * reads every option of a command by reflection, and picocli's own classes (Java 5 bytecode)
   * cannot go into the launcher's class-data-sharing archive, so building all eight commands for
   * one of them cost about 0.1 s of every run's start-up (BENCHMARKS.md, default sweep).
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("theory", TheoryCommand::new);
    SUBCOMMANDS.put("simulate", SimulateCommand::new);
    SUBCOMMANDS.put("compare", CompareCommand::new);
    SUBCOMMANDS.put("prune", PruneCommand::new);
    SUBCOMMANDS.put("validate", ValidateCommand::new);
    SUBCOMMANDS.put("report", ReportCommand::new);
    SUBCOMMANDS.put("export-notebook", ExportNotebookCommand::new);
    SUBCOMMANDS.put("export-npz", ExportNpzCommand::new);
    SUBCOMMANDS.put("help", HelpCommand::new);
  }

  public static void main(String[] args) {
    System.exit(newCommandLine(args).execute(args));
  }

  /** The configured command line with every subcommand (usage, help, tests). */
  public static CommandLine newCommandLine() {
    return newCommandLine(new String[0]);
  }

  /**
   * The configured command line for these arguments: error reporting and exit codes wired in.
   * When the first argument names a subcommand other than {@code help}, only that subcommand is
   * built; otherwise (no arguments, top-level options, {@code help}, a misspelt name) all are, so
   * that usage and "did you mean" messages list every command.
   */
  public static CommandLine newCommandLine(String... args) {
    CommandLine line = new CommandLine(new AttnPaths());
    String first = args.length > 0 ? args[0] : "";
    if (SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
      line.addSubcommand(first, SUBCOMMANDS.get(first).get());
    } else {
      SUBCOMMANDS.forEach((name, command) -> line.addSubcommand(name, command.get()));
    }
    // The settings below reach only the subcommands added so far (picocli), hence last.
    ErrorReporter errors = new ErrorReporter();
    return line
        .setExitCodeExceptionMapper(new ExitCodes())
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors)
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** No subcommand: show what there is. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
