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
import org.attnpaths.cli.report.ResultKernels;
import org.attnpaths.notebooks.AnalysisNotebook;
import org.attnpaths.notebooks.ResultArrays;
import org.attnpaths.notebooks.TheoryResult;
import org.attnpaths.notebooks.TrainingKernels;
import org.attnpaths.notebooks.results.PruneResult;
import org.attnpaths.notebooks.results.ResultFile;
import org.attnpaths.notebooks.results.SimulationResult;
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
            + "numpy/matplotlib cell per figure (accuracy against N with the GP limits and sampled "
            + "points, U_1 heat maps, theory next to sampled U_1, kernel-task alignment, head "
            + "pruning), with PNG previews so that it reads without running.",
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
      description = "One theory.json (attnpaths.theory/1), and optionally one simulate.json "
          + "(attnpaths.simulate/1) and one prune.json (attnpaths.prune/1) whose figures join it.")
  private List<Path> results = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE.ipynb", defaultValue = "analysis.ipynb",
      description = "The notebook to write; the data goes next to it as NAME_data.npz "
          + "(default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--no-kernels",
      description = "Leave out the pre-kernel and renormalised-kernel heat maps (their P x P "
          + "kernels are rebuilt from the task recorded in theory.json, which needs the task "
          + "bundle when the task came from --task).")
  private boolean noKernels;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    System.setProperty("java.awt.headless", "true"); // PNG previews; no display needed
    if (!out.getFileName().toString().endsWith(".ipynb")) {
      throw new IllegalArgumentException("--out: expected a file name ending in .ipynb, got "
          + out);
    }
    AtomicFile.checkFileUsable(out);
    Path theory = null;
    SimulationResult sim = null;
    PruneResult prune = null;
    for (Path p : results) {
      ResultFile f = ResultFile.read(p);
      switch (f.kind()) {
        case THEORY -> {
          if (theory != null) throw new IllegalArgumentException("RESULT: expected one theory.json, "
              + "got " + theory + " and " + p);
          theory = p;
        }
        case SIMULATE -> {
          if (sim != null) throw new IllegalArgumentException("RESULT: expected at most one "
              + "simulate.json, got " + sim.file().path() + " and " + p);
          sim = SimulationResult.of(f);
        }
        case PRUNE -> {
          if (prune != null) throw new IllegalArgumentException("RESULT: expected at most one "
              + "prune.json, got " + prune.file().path() + " and " + p);
          prune = PruneResult.of(f);
        }
      }
    }
    if (theory == null) {
      throw new IllegalArgumentException("RESULT: expected one theory.json (attnpaths.theory/1) "
          + "among " + results + "; simulate.json and prune.json are added to its notebook");
    }
    TheoryResult r = ResultFiles.readTheory(theory);
    if (sim != null && !sim.pathNames().equals(r.pathNames())) {
      throw new IllegalArgumentException(sim.file().path() + ": pathNames " + sim.pathNames()
          + " do not match " + theory + "'s " + r.pathNames() + " (not the same network)");
    }
    String dataName = AnalysisNotebook.dataFileName(out);
    Path data = out.toAbsolutePath().resolveSibling(dataName);
    List<String> commandLine = new ArrayList<>(List.of("attnpaths"));
    commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
    var arrays = ResultArrays.of(r, sim, prune);
    TrainingKernels kernels = noKernels ? null : kernels(theory, r, arrays);
    byte[] notebook = AnalysisNotebook.build(r, sim, prune, kernels, dataName,
        ResultFiles.exporter(started, commandLine));
    java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
    NpzWriter.write(data, arrays);
    AtomicFile.write(out, o -> o.write(notebook));
    if (!quietOption.quiet()) spec.commandLine().getOut().println("wrote " + out + ", " + data);
    return ExitCodes.OK;
  }

  /**
   * The training kernels at the notebook's heat-map widths, rebuilt from the recorded task
   * ({@link ResultKernels}, the same piece as the report's heat maps), added to {@code arrays};
   * null (with a warning) when the result records no task to rebuild them from.
   */
  private TrainingKernels kernels(Path theory, TheoryResult r,
      java.util.Map<String, org.attnpaths.numerics.npy.NpyArray> arrays) throws Exception {
    com.fasterxml.jackson.databind.JsonNode root =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(theory.toFile());
    if (!ResultKernels.recorded(root)) {
      spec.commandLine().getErr().println("attnpaths: warning: " + theory + " records no task "
          + "source; the notebook has no kernel heat maps");
      return null;
    }
    ResultKernels rebuilt = ResultKernels.rebuild(theory, root);
    List<Integer> widths = new ArrayList<>();
    List<double[][]> u1s = new ArrayList<>();
    List<double[][]> renormalised = new ArrayList<>();
    for (int i : AnalysisNotebook.heatMapWidths(r.widths().size())) {
      widths.add(r.widths().get(i).width());
      u1s.add(r.widths().get(i).u1());
      renormalised.add(rebuilt.kernel(r.widths().get(i).u1()));
    }
    arrays.putAll(rebuilt.arrays(r.gp().u1(), u1s));
    arrays.put("kernel_width", org.attnpaths.numerics.npy.NpyArray.of("kernel_width",
        new int[] {widths.size()}, widths.stream().mapToDouble(Integer::doubleValue).toArray()));
    return new TrainingKernels(widths, rebuilt.kernel(r.gp().u1()), renormalised,
        rebuilt.classOrder(), rebuilt.positives());
  }
}
