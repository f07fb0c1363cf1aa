package org.attnpaths.cli.option;

import picocli.CommandLine.Option;

/** {@code -q/--quiet} for the commands that only read and write files (report, exports). */
public final class QuietOption {

  @Option(names = {"-q", "--quiet"}, order = 510, description = "Print nothing but errors.")
  private boolean quiet;

  public boolean quiet() {
    return quiet;
  }
}
