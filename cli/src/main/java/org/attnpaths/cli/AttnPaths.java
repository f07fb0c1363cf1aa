package org.attnpaths.cli;

import java.util.concurrent.Callable;
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
    subcommands = {TheoryCommand.class, SimulateCommand.class, CompareCommand.class,
        PruneCommand.class,
        ValidateCommand.class, ReportCommand.class, ExportNotebookCommand.class,
        ExportNpzCommand.class, HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        ExitCodes.HELP_OK, ExitCodes.HELP_INTERNAL_ERROR, ExitCodes.HELP_BAD_INPUT},
    footerHeading = "%n", footer = "Run 'attnpaths help theory' for the theory command's options.")
public final class AttnPaths implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private VerbosityOption verbosity;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line: error reporting and exit codes wired in (used by tests too). */
  public static CommandLine newCommandLine() {
    ErrorReporter errors = new ErrorReporter();
    return new CommandLine(new AttnPaths())
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
