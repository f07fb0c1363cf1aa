package org.attnpaths.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.attnpaths.theory.kernel.KernelNotPositiveDefiniteException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The one exception-to-exit-code mapping, and how the reporter prints it. */
class ExitCodesTest {

  private final ExitCodes codes = new ExitCodes();

  @Test
  void badInputIsTwo() {
    CommandLine cmd = AttnPaths.newCommandLine();
    assertEquals(2, codes.getExitCode(new ParameterException(cmd, "--x: bad")));
    assertEquals(2, codes.getExitCode(new IllegalArgumentException("bad")));
    assertEquals(2, codes.getExitCode(new KernelNotPositiveDefiniteException("training kernel",
        1e-30)));
    assertEquals(2, codes.getExitCode(new IOException("unreadable")));
    assertEquals(2, codes.getExitCode(new NoSuchFileException("x.npz")));
    assertEquals(2, codes.getExitCode(new UncheckedIOException(new IOException("unreadable"))));
  }

  @Test
  void everythingElseIsAnInternalError() {
    assertEquals(1, codes.getExitCode(new NullPointerException()));
    assertEquals(1, codes.getExitCode(new IllegalStateException("bug")));
    assertEquals(1, codes.getExitCode(new UnsupportedOperationException("later")));
    assertEquals(1, codes.getExitCode(new ArithmeticException()));
  }

  @Test
  void kernelErrorIsOneLineNamingTheTemperature() {
    StringWriter err = new StringWriter();
    CommandLine cmd = AttnPaths.newCommandLine().setErr(new PrintWriter(err, true));
    int code = new ErrorReporter().handleExecutionException(
        new KernelNotPositiveDefiniteException("training kernel", 1e-30), cmd, null);
    assertEquals(2, code);
    assertTrue(err.toString().startsWith("attnpaths: error: training kernel: K + T·I is not "
        + "positive definite at temperature T=1.0E-30"), err::toString);
    assertEquals(1, err.toString().lines().count(), err::toString);
  }

  @Test
  void internalErrorSaysSoAndHowToGetTheTrace() {
    StringWriter err = new StringWriter();
    CommandLine cmd = AttnPaths.newCommandLine().setErr(new PrintWriter(err, true));
    int code = new ErrorReporter().handleExecutionException(
        new IllegalStateException("inconsistent"), cmd, null);
    assertEquals(1, code);
    assertEquals("attnpaths: error: internal error: IllegalStateException: inconsistent (rerun "
        + "with --verbose for the stack trace)", err.toString().strip());
  }
}
