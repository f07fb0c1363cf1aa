package org.attnpaths.theory.task.synthetic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic task with random QK attention at any scale (issue 2 §9's image-scale benchmark:
 * P = 600, 2 layers × 4 heads, N0 = 192, 48 tokens, G = 128).
 *
 * @param trainSize P (even; first half labelled +1, then −1, like the paper's tasks)
 * @param testSize Q (even)
 * @param tokens T_tok
 * @param tokenDim N0
 * @param heads H_ℓ per layer
 * @param queryKeyDim G of every QK head
 */
public record SyntheticTaskConfig(int trainSize, int testSize, int tokens, int tokenDim,
    List<Integer> heads, int queryKeyDim) {

  public SyntheticTaskConfig {
    heads = List.copyOf(heads);
    if (trainSize < 2 || trainSize % 2 != 0) {
      throw new IllegalArgumentException("trainSize: expected an even P >= 2, got " + trainSize);
    }
    if (testSize < 2 || testSize % 2 != 0) {
      throw new IllegalArgumentException("testSize: expected an even size >= 2, got " + testSize);
    }
    if (tokens < 1) throw new IllegalArgumentException("tokens: expected >= 1, got " + tokens);
    if (tokenDim < 1) throw new IllegalArgumentException("tokenDim: expected >= 1, got " + tokenDim);
    if (queryKeyDim < 1) {
      throw new IllegalArgumentException("queryKeyDim: expected >= 1, got " + queryKeyDim);
    }
    if (heads.isEmpty()) throw new IllegalArgumentException("heads: expected >= 1 layer");
    for (int h : heads) {
      if (h < 1) throw new IllegalArgumentException("heads: expected H >= 1 per layer, got " + heads);
    }
  }

  /** The image-scale benchmark network of issue 2 §9. */
  public static SyntheticTaskConfig imageScale() {
    return new SyntheticTaskConfig(600, 1000, 48, 192, List.of(4, 4), 128);
  }

  public SyntheticTaskConfig withTrainSize(int p) {
    return new SyntheticTaskConfig(p, testSize, tokens, tokenDim, heads, queryKeyDim);
  }

  public SyntheticTaskConfig withTestSize(int q) {
    return new SyntheticTaskConfig(trainSize, q, tokens, tokenDim, heads, queryKeyDim);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trainSize", trainSize);
    m.put("testSize", testSize);
    m.put("tokens", tokens);
    m.put("tokenDim", tokenDim);
    m.put("heads", heads);
    m.put("queryKeyDim", queryKeyDim);
    return m;
  }
}
