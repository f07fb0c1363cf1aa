package org.attnpaths.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the command line in-process with captured stdout and stderr (nothing reaches the console).
 *
 * @param exitCode what {@code main} would pass to {@code System.exit}
 * @param out captured standard output
 * @param err captured standard error
 */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = AttnPaths.newCommandLine(args)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
