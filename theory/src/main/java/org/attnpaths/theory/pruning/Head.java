package org.attnpaths.theory.pruning;

import java.util.ArrayList;
import java.util.List;

/**
 * One attention head, both indices 1-based as in the paper's labels "(ℓ)h" (spec §10).
 *
 * @param layer ℓ = 1..L
 * @param head h = 1..H_ℓ
 */
public record Head(int layer, int head) implements Comparable<Head> {

  public Head {
    if (layer < 1 || head < 1) {
      throw new IllegalArgumentException("head: expected 1-based layer and head, got layer "
          + layer + ", head " + head);
    }
  }

  /** The label "(ℓ)h" of spec §10. */
  public String label() {
    return "(" + layer + ")" + head;
  }

  /** 0-based head index inside its layer (as in {@code PathIndex}). */
  public int index() {
    return head - 1;
  }

  /** Every head of a network with these head counts, in architecture order (layer 1 first). */
  public static List<Head> all(List<Integer> heads) {
    List<Head> all = new ArrayList<>();
    for (int l = 0; l < heads.size(); l++) {
      for (int h = 1; h <= heads.get(l); h++) all.add(new Head(l + 1, h));
    }
    return List.copyOf(all);
  }

  /** Architecture order: by layer, then by head. */
  @Override
  public int compareTo(Head o) {
    return layer != o.layer ? Integer.compare(layer, o.layer) : Integer.compare(head, o.head);
  }
}
