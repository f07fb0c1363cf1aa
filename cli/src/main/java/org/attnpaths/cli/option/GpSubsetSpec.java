package org.attnpaths.cli.option;

import java.util.ArrayList;
import java.util.List;

/**
 * A user-chosen head subset for a GP baseline ({@code --gp-subset NAME=HEADS}): the GP limit of
 * the sub-network that keeps, in each layer, the listed heads (spec §5.5, §9.1). HEADS lists the
 * layers separated by {@code /}, each a comma-separated list of 1-based heads, e.g.
 * {@code good=1/1} or {@code good+denoising=1,2/1} for the Markov task.
 *
 * @param name label in the table and in theory.json
 * @param heads 0-based head indices per layer
 */
public record GpSubsetSpec(String name, List<List<Integer>> heads) {

  /**
   * @param headCounts H_ℓ of the task, to check the layer count and the head ranges
   * @throws IllegalArgumentException naming the option, the text and what was expected
   */
  public static GpSubsetSpec parse(String text, List<Integer> headCounts) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new IllegalArgumentException("--gp-subset: expected NAME=HEADS (e.g. good=1/1), got '"
          + text + "'");
    }
    String name = text.substring(0, eq).trim();
    String[] layers = text.substring(eq + 1).split("/", -1);
    if (layers.length != headCounts.size()) {
      throw new IllegalArgumentException("--gp-subset " + name + ": expected " + headCounts.size()
          + " layers separated by '/', got " + layers.length + " in '" + text + "'");
    }
    List<List<Integer>> heads = new ArrayList<>();
    for (int l = 0; l < layers.length; l++) {
      List<Integer> keep = new ArrayList<>();
      for (String h : layers[l].split(",", -1)) {
        int head;
        try {
          head = Integer.parseInt(h.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--gp-subset " + name + ": layer " + (l + 1)
              + " expected 1-based head numbers, got '" + h + "'", e);
        }
        if (head < 1 || head > headCounts.get(l)) {
          throw new IllegalArgumentException("--gp-subset " + name + ": layer " + (l + 1)
              + " has heads 1.." + headCounts.get(l) + ", got " + head);
        }
        if (keep.contains(head - 1)) {
          throw new IllegalArgumentException("--gp-subset " + name + ": layer " + (l + 1)
              + " lists head " + head + " twice");
        }
        keep.add(head - 1);
      }
      heads.add(List.copyOf(keep));
    }
    return new GpSubsetSpec(name, List.copyOf(heads));
  }
}
