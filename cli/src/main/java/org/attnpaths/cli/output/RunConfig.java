package org.attnpaths.cli.output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.saddle.SolverOptions;

/**
 * Everything needed to rerun a theory sweep: the {@code config} object of {@code theory.json}.
 *
 * @param taskName task name
 * @param taskSource how the task was made (generator and parameters, or file), from the task
 * @param trainSize P
 * @param testSize Q
 * @param tokens T_tok
 * @param tokenDim N0
 * @param architecture heads, variances, temperature, readout (its widths are the first swept width)
 * @param widths the swept widths, in order
 * @param seed the run's seed
 * @param backendRequested {@code --backend} as given
 * @param backendName backend that ran
 * @param backendDescription its description
 * @param solver saddle-point solver options
 * @param kernelsRequested {@code --kernels} as given
 * @param kernelRepresentation the representation used ({@code precomputed} or {@code factorised})
 * @param subsets whether GP baselines of path subsets were computed
 * @param version attnpaths version
 * @param commandLine the arguments after {@code attnpaths}
 */
public record RunConfig(String taskName, Map<String, Object> taskSource, int trainSize,
    int testSize, int tokens, int tokenDim, Architecture architecture, List<Integer> widths,
    long seed, String backendRequested, String backendName, String backendDescription,
    SolverOptions solver, String kernelsRequested, String kernelRepresentation, boolean subsets, String version, List<String> commandLine) {

  public RunConfig {
    taskSource = Collections.unmodifiableMap(new LinkedHashMap<>(taskSource)); // keep order
    widths = List.copyOf(widths);
    commandLine = List.copyOf(commandLine);
  }
}
