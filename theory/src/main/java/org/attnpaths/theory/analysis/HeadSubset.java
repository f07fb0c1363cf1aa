package org.attnpaths.theory.analysis;

import java.util.List;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.path.PathFeatures;

/**
 * A sub-network of a {@link TheorySweep}'s network keeping some heads of every layer (the path
 * subsets of spec §9.1, head pruning of issue 5): its architecture and its own path features,
 * normalised by its own path count Π' (spec §3.3).
 *
 * @param heads the kept 0-based heads of every layer, ascending
 * @param paths full-network indices of the sub-network's paths, ascending
 * @param base the sweep's base architecture with the kept head counts
 * @param train training-set path features of the sub-network
 * @param test test-set path features of the sub-network
 */
public record HeadSubset(List<List<Integer>> heads, int[] paths, Architecture base,
    PathFeatures train, PathFeatures test) {

  public HeadSubset {
    heads = List.copyOf(heads);
    paths = paths.clone();
  }

  @Override
  public int[] paths() {
    return paths.clone();
  }
}
