package org.attnpaths.cli.option;

import java.util.ArrayList;
import java.util.List;
import org.attnpaths.cli.report.Report;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How the report's figures are rendered: resolution, formats, heat-map widths. */
public final class ReportOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  @Option(names = "--dpi", paramLabel = "DPI", order = 600, defaultValue = "192",
      description = "Resolution of the PNG figures in dots per inch (96 = one pixel per CSS "
          + "pixel). Default: ${DEFAULT-VALUE}.")
  private int dpi;

  @Option(names = "--formats", paramLabel = "png,svg,pdf", order = 610, split = ",",
      defaultValue = "png,svg",
      description = "Figure files to write next to index.html: png, svg, pdf (vector, DejaVu "
          + "text when installed); index.html always inlines SVG. "
          + "Default: ${DEFAULT-VALUE}.")
  private List<String> formats = new ArrayList<>();

  @Option(names = "--heatmap-widths", paramLabel = "N,...", order = 620, split = ",",
      description = "Widths at which to draw U_1 heat maps (each must be in the theory file). "
          + "Default: the smallest, a middle and the largest width.")
  private List<Integer> heatmapWidths = new ArrayList<>();

  @Option(names = "--no-kernels", order = 630,
      description = "Do not rebuild the task to draw the pre-kernel and renormalised-kernel heat "
          + "maps (needed when a recorded task bundle is gone).")
  private boolean noKernels;

  /** @throws ParameterException naming the option and value */
  public Report.Options options() {
    for (String f : formats) {
      if (!f.equals("png") && !f.equals("svg") && !f.equals("pdf")) {
        throw new ParameterException(mixee.commandLine(),
            "--formats: expected png, svg and/or pdf, got '" + f + "'");
      }
    }
    for (int n : heatmapWidths) {
      if (n <= 0) throw new ParameterException(mixee.commandLine(),
          "--heatmap-widths: expected positive widths, got " + n);
    }
    try {
      return new Report.Options(dpi, formats.contains("png"), formats.contains("svg"),
          formats.contains("pdf"), heatmapWidths, !noKernels);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage());
    }
  }
}
