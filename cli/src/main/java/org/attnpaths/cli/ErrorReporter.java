package org.attnpaths.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.attnpaths.cli.option.VerbosityOption;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Prints every failure as one line {@code attnpaths: error: <message>} on stderr, plus the stack
 * trace with {@code --verbose}; the exit code comes from {@link ExitCodes}.
 */
public final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

  private final ExitCodes exitCodes = new ExitCodes();

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    String help = cmd.getCommandSpec().qualifiedName() + " --help";
    report(cmd, ex, ex.getMessage() + " (see '" + help + "')");
    return exitCodes.getExitCode(ex);
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    Throwable cause =
        ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
    String message;
    if (ExitCodes.isBadInput(cause)) {
      message = describe(cause);
    } else {
      message = "internal error: " + cause.getClass().getSimpleName()
          + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
          + (VerbosityOption.isVerbose(cmd) ? "" : " (rerun with --verbose for the stack trace)");
    }
    report(cmd, cause, message);
    return exitCodes.getExitCode(cause);
  }

  private static void report(CommandLine cmd, Throwable t, String message) {
    PrintWriter err = cmd.getErr();
    err.println("attnpaths: error: " + message.replace('\n', ' ').strip());
    if (VerbosityOption.isVerbose(cmd)) t.printStackTrace(err);
    err.flush();
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
