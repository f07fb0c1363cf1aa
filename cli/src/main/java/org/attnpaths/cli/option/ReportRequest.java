package org.attnpaths.cli.option;

import org.attnpaths.cli.report.Report;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --report} on a computing command ({@code theory}, {@code simulate}): also write the HTML
 * report of the result file just written into {@code --out}, with the figure options of
 * {@code attnpaths report}.
 */
public final class ReportRequest {

  @Option(names = "--report", order = 190,
      description = "Also write the HTML report (index.html, figures/, CSV tables) into --out, "
          + "drawn from the result file just written, as 'attnpaths report' would.")
  private boolean requested;

  @Mixin
  private ReportOptions options;

  /**
   * The validated figure options, or null when no report was asked for. Call before computing,
   * so that a bad {@code --formats} or {@code --dpi} fails before any work (exit 2).
   */
  public Report.Options validated() {
    return requested ? options.options() : null;
  }
}
