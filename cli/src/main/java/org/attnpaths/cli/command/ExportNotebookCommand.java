package org.attnpaths.cli.command;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.attnpaths.cli.ExitCodes;
import org.attnpaths.cli.option.QuietOption;
import org.attnpaths.cli.option.VerbosityOption;
import org.attnpaths.cli.output.AtomicFile;
import org.attnpaths.notebooks.AnalysisNotebook;
import org.attnpaths.notebooks.ResultArrays;
import org.attnpaths.notebooks.TheoryResult;
import org.attnpaths.numerics.npy.NpzWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attnpaths export-notebook}: a Jupyter notebook (nbformat 4.5) that recreates the figures
 * of a result with numpy and matplotlib, its data in a sidecar {@code .npz}. Reads and checks
 * everything first; then writes the {@code .npz}, then the notebook, each atomically.
 */
@Command(name = "export-notebook", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = org.attnpaths.cli.ManifestVersionProvider.class,
    description = {
        "Export a result as a Jupyter notebook: a header with the configuration and version, the "
            + "data in a sidecar .npz next to the notebook (loaded by a relative path), and one "
            + "numpy/matplotlib cell per figure (accuracy against N with the GP limits, U_1 heat "
            + "maps, kernel-task alignment), with PNG previews so that it reads without running.",
        "", "Options:"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_INTERNAL_ERROR, ExitCodes.HELP_BAD_INPUT},
    footerHeading = "%nOutput:%n",
    footer = {"OUT.ipynb      the notebook (metadata.attnpaths: provenance of result and export)",
        "OUT_data.npz   its arrays (see src/site/markdown/notebook.md)"})
public final class ExportNotebookCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private VerbosityOption verbosity;

  @Mixin
  private QuietOption quietOption;

  @Parameters(arity = "1..*", paramLabel = "RESULT",
      description = "A theory.json result (schema attnpaths.theory/1).")
  private List<Path> results = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE.ipynb", defaultValue = "analysis.ipynb",
      description = "The notebook to write; the data goes next to it as NAME_data.npz "
          + "(default: ${DEFAULT-VALUE}).")
  private Path out;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    System.setProperty("java.awt.headless", "true"); // PNG previews; no display needed
    if (!out.getFileName().toString().endsWith(".ipynb")) {
      throw new IllegalArgumentException("--out: expected a file name ending in .ipynb, got "
          + out);
    }
    AtomicFile.checkFileUsable(out);
    if (results.size() != 1) {
      throw new IllegalArgumentException("RESULT: expected one theory.json, got " + results.size()
          + " files (simulation results are not supported yet)");
    }
    TheoryResult r = ResultFiles.readTheory(results.get(0));
    String dataName = AnalysisNotebook.dataFileName(out);
    Path data = out.toAbsolutePath().resolveSibling(dataName);
    List<String> commandLine = new ArrayList<>(List.of("attnpaths"));
    commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
    byte[] notebook = AnalysisNotebook.build(r, dataName,
        ResultFiles.exporter(started, commandLine));
    java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
    NpzWriter.write(data, ResultArrays.of(r));
    AtomicFile.write(out, o -> o.write(notebook));
    if (!quietOption.quiet()) spec.commandLine().getOut().println("wrote " + out + ", " + data);
    return ExitCodes.OK;
  }
}
