package org.attnpaths.theory.path;

import java.util.List;

/**
 * Flattened path index (spec §3.1): a path π = (h_1, …, h_L) picks one head per layer; its index
 * is row-major with h_1 the slowest, idx = ((h_1·H_2 + h_2)·H_3 + h_3)… (0-based heads).
 */
public record PathIndex(List<Integer> heads) {

  public PathIndex {
    heads = List.copyOf(heads);
    if (heads.isEmpty()) throw new IllegalArgumentException("heads: expected L >= 1 layers");
  }

  /** Π = ∏ H_ℓ. */
  public int count() {
    int p = 1;
    for (int h : heads) p *= h;
    return p;
  }

  /** 0-based head of layer ℓ (1..L) on path {@code index}. */
  public int head(int index, int layer) {
    int stride = 1;
    for (int k = layer; k < heads.size(); k++) stride *= heads.get(k);
    return (index / stride) % heads.get(layer - 1);
  }

  /** The path index of 0-based heads (h_1, …, h_L). */
  public int index(int... h) {
    if (h.length != heads.size()) {
      throw new IllegalArgumentException("path: expected " + heads.size() + " heads, got " + h.length);
    }
    int idx = 0;
    for (int l = 0; l < h.length; l++) {
      if (h[l] < 0 || h[l] >= heads.get(l)) {
        throw new IllegalArgumentException("path: layer " + (l + 1) + " head " + h[l]
            + " out of range 0.." + (heads.get(l) - 1));
      }
      idx = idx * heads.get(l) + h[l];
    }
    return idx;
  }

  /** Label "(h_1,h_2,…)" with 1-based heads, as in the paper's figures. */
  public String label(int index) {
    StringBuilder sb = new StringBuilder("(");
    for (int l = 1; l <= heads.size(); l++) {
      if (l > 1) sb.append(',');
      sb.append(head(index, l) + 1);
    }
    return sb.append(')').toString();
  }
}
