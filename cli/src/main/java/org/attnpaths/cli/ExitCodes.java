package org.attnpaths.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/**
 * The one place where failures become exit codes (listed in every command's {@code --help}).
 *
 * <ul>
 *   <li>{@value #OK}: success;</li>
 *   <li>{@value #BAD_INPUT}: bad input: an invalid option or value, an unreadable or malformed
 *       task file, an unusable output path, a kernel that is not positive definite at the
 *       requested temperature ({@code KernelNotPositiveDefiniteException} is an
 *       {@link IllegalArgumentException});</li>
 *   <li>{@value #INTERNAL_ERROR}: anything else, i.e. a bug;</li>
 *   <li>{@value #VALIDATION_FAILED}: {@code attnpaths validate} ran, and theory and simulation
 *       disagree beyond the bounds (returned by the command, not mapped from an exception).</li>
 * </ul>
 */
public final class ExitCodes implements IExitCodeExceptionMapper {

  public static final int OK = 0;
  public static final int INTERNAL_ERROR = 1;
  public static final int BAD_INPUT = 2;
  /** {@code attnpaths validate}: the run worked but theory and simulation disagree. */
  public static final int VALIDATION_FAILED = 3;

  // The "Exit codes:" lines of --help (annotation constants, so one string per code).
  public static final String HELP_OK = "0:success";
  public static final String HELP_INTERNAL_ERROR =
      "1:internal error (a bug: rerun with --verbose and report the stack trace)";
  public static final String HELP_BAD_INPUT = "2:bad input: invalid option or value, unreadable or "
      + "malformed task file, unusable output path, kernel not positive definite at the requested "
      + "temperature; no result file is written";
  public static final String HELP_VALIDATION_FAILED = "3:validation failed: at least one width "
      + "is outside the bounds (the result files are written)";

  @Override
  public int getExitCode(Throwable t) {
    return isBadInput(t) ? BAD_INPUT : INTERNAL_ERROR;
  }

  /** Whether {@code t} is the user's fault (wrong option, file or value) rather than a bug. */
  public static boolean isBadInput(Throwable t) {
    return t instanceof ParameterException
        || t instanceof IllegalArgumentException
        || t instanceof IOException
        || t instanceof UncheckedIOException;
  }
}
