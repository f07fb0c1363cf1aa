package org.attnpaths.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import org.attnpaths.cli.ExitCodes;
import org.attnpaths.cli.option.QuietOption;
import org.attnpaths.cli.option.VerbosityOption;
import org.attnpaths.cli.output.AtomicFile;
import org.attnpaths.cli.report.ResultKernels;
import org.attnpaths.notebooks.ResultArrays;
import org.attnpaths.notebooks.TheoryResult;
import org.attnpaths.numerics.npy.NpyArray;
import org.attnpaths.numerics.npy.NpzWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attnpaths export-npz}: the order parameters, predictions and alignment of a result as
 * float64 arrays in an {@code .npz}, plus a {@code _meta.json} sidecar with the names, shapes and
 * provenance. Both written atomically, the {@code .npz} first.
 */
@Command(name = "export-npz", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = org.attnpaths.cli.ManifestVersionProvider.class,
    description = {
        "Export the order parameters (U_a, U_1 ... U_L), test predictions (mean, variance), "
            + "accuracies, kernel-task alignment and training kernels (rebuilt from the recorded "
            + "task) of a result, per width and for the GP limit, "
            + "as float64 arrays in C order (numpy.load reads them).", "", "Options:"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_INTERNAL_ERROR, ExitCodes.HELP_BAD_INPUT},
    footerHeading = "%nOutput:%n",
    footer = {"OUT.npz         the arrays (see src/site/markdown/notebook.md)",
        "OUT_meta.json   path names, array shapes, provenance of result and export"})
public final class ExportNpzCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private VerbosityOption verbosity;

  @Mixin
  private QuietOption quietOption;

  @Parameters(index = "0", paramLabel = "RESULT",
      description = "A theory.json result (schema attnpaths.theory/1).")
  private Path result;

  @Option(names = "--out", paramLabel = "FILE.npz", defaultValue = "result.npz",
      description = "The archive to write (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--no-kernels",
      description = "Leave out the training kernels (gp_kernel, kernel, y_train, class_order), "
          + "which are rebuilt from the task recorded in the result (needed when a recorded "
          + "task bundle is gone).")
  private boolean noKernels;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    String name = out.getFileName().toString();
    if (!name.endsWith(".npz")) {
      throw new IllegalArgumentException("--out: expected a file name ending in .npz, got " + out);
    }
    AtomicFile.checkFileUsable(out);
    TheoryResult r = ResultFiles.readTheory(result);
    LinkedHashMap<String, NpyArray> arrays = ResultArrays.of(r);
    if (!noKernels) {
      // (W + 1) kernels of P×P doubles, held in memory before writing: refuse what cannot fit.
      long p = r.config().path("task").path("trainSize").asLong(0);
      long bytes = (r.widths().size() + 1L) * p * p * Double.BYTES;
      long budget = Runtime.getRuntime().maxMemory() / 4;
      if (bytes > budget) {
        throw new IllegalArgumentException("kernels: " + (r.widths().size() + 1) + " kernels of "
            + p + "x" + p + " need " + (bytes >> 20) + " MiB, more than a quarter of the heap ("
            + (budget >> 20) + " MiB); use --no-kernels or raise -Xmx (ATTNPATHS_JAVA_OPTS)");
      }
      com.fasterxml.jackson.databind.JsonNode root = new ObjectMapper().readTree(result.toFile());
      List<double[][]> u1s = r.widths().stream().map(TheoryResult.Point::u1).toList();
      arrays.putAll(ResultKernels.rebuild(result, root).arrays(r.gp().u1(), u1s));
    }
    List<String> commandLine = new ArrayList<>(List.of("attnpaths"));
    commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
    byte[] meta = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsBytes(ResultArrays.meta(r, arrays, ResultFiles.exporter(started, commandLine)));
    Path metaFile = out.toAbsolutePath().resolveSibling(metaName(name));
    java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
    NpzWriter.write(out, arrays);
    AtomicFile.write(metaFile, o -> o.write(meta));
    if (!quietOption.quiet()) spec.commandLine().getOut().println("wrote " + out + ", " + metaFile);
    return ExitCodes.OK;
  }

  /** {@code result.npz} → {@code result_meta.json}. */
  static String metaName(String npzName) {
    return npzName.substring(0, npzName.length() - 4) + "_meta.json";
  }
}
