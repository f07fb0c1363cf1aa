package org.attnpaths.theory.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed attention of the whole network: for each layer ℓ = 1..L its heads in order
 * (spec §2.2). Heads of a layer are indexed 0..H_ℓ−1 in code, 1..H_ℓ in labels.
 */
public record Attention(List<List<AttentionHead>> layers) {

  public Attention {
    if (layers == null || layers.isEmpty()) {
      throw new IllegalArgumentException("attention: expected at least one layer");
    }
    List<List<AttentionHead>> copy = new ArrayList<>();
    Integer dim = null;
    for (int l = 0; l < layers.size(); l++) {
      List<AttentionHead> heads = List.copyOf(layers.get(l));
      if (heads.isEmpty()) {
        throw new IllegalArgumentException("attention: layer " + (l + 1) + " expected >= 1 head");
      }
      for (AttentionHead h : heads) {
        int d = h.score().tokenDim();
        if (dim == null) dim = d;
        else if (d != dim) {
          throw new IllegalArgumentException("attention: layer " + (l + 1) + " head " + h.name()
              + " expects N0=" + d + " but another head expects N0=" + dim);
        }
      }
      copy.add(heads);
    }
    layers = List.copyOf(copy);
  }

  public int layerCount() {
    return layers.size();
  }

  /** Heads of layer ℓ = 1..L. */
  public List<AttentionHead> layer(int layer) {
    return layers.get(layer - 1);
  }

  public List<Integer> headCounts() {
    List<Integer> h = new ArrayList<>();
    for (List<AttentionHead> l : layers) h.add(l.size());
    return h;
  }

  public int tokenDim() {
    return layers.get(0).get(0).score().tokenDim();
  }

  /**
   * The sub-network keeping, in each layer, the heads whose 0-based indices are listed
   * (spec §9.1 path-subset networks; head pruning).
   */
  public Attention select(List<List<Integer>> keep) {
    if (keep.size() != layers.size()) {
      throw new IllegalArgumentException("head subset: expected " + layers.size()
          + " layers, got " + keep.size());
    }
    List<List<AttentionHead>> out = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      List<AttentionHead> heads = new ArrayList<>();
      for (int h : keep.get(l)) {
        if (h < 0 || h >= layers.get(l).size()) {
          throw new IllegalArgumentException("head subset: layer " + (l + 1) + " has heads 0.."
              + (layers.get(l).size() - 1) + ", got " + h);
        }
        heads.add(layers.get(l).get(h));
      }
      out.add(heads);
    }
    return new Attention(out);
  }
}
