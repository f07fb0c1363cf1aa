package org.attnpaths.theory.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attnpaths.theory.model.Attention;
import org.attnpaths.theory.model.Sequences;

/**
 * A binary classification task with its fixed attention: training and test sequences, ±1 labels,
 * and the heads of every layer (spec §4, §9). This is what an .npz task bundle holds.
 *
 * @param name short name (e.g. {@code markov-4path}, or the file name)
 * @param xTrain [P, T, N0]
 * @param yTrain [P], entries ±1 (any finite value is accepted for regression)
 * @param xTest [Q, T, N0]
 * @param yTest [Q]
 * @param attention heads per layer; L = number of layers
 * @param pathNames optional display names of the paths in index order (h_1 slowest), or empty
 * @param source how the task was made (generator and its parameters, or file and checksum), for
 *     provenance; insertion-ordered
 */
public record Task(String name, Sequences xTrain, double[] yTrain, Sequences xTest, double[] yTest,
    Attention attention, List<String> pathNames, Map<String, Object> source) {

  public Task {
    if (xTrain.count() != yTrain.length) {
      throw new IllegalArgumentException("y_train: expected [" + xTrain.count()
          + "] to match x_train [" + xTrain.count() + ", " + xTrain.tokens() + ", " + xTrain.dim()
          + "], got [" + yTrain.length + "]");
    }
    if (xTest.count() != yTest.length) {
      throw new IllegalArgumentException("y_test: expected [" + xTest.count()
          + "] to match x_test, got [" + yTest.length + "]");
    }
    if (xTest.tokens() != xTrain.tokens() || xTest.dim() != xTrain.dim()) {
      throw new IllegalArgumentException("x_test: expected [Q, " + xTrain.tokens() + ", "
          + xTrain.dim() + "] like x_train, got [" + xTest.count() + ", " + xTest.tokens() + ", "
          + xTest.dim() + "]");
    }
    if (attention.tokenDim() != xTrain.dim()) {
      throw new IllegalArgumentException("attention: heads expect N0=" + attention.tokenDim()
          + " but x_train has N0=" + xTrain.dim());
    }
    if (xTrain.count() < 1) throw new IllegalArgumentException("x_train: expected P >= 1 examples");
    yTrain = yTrain.clone();
    yTest = yTest.clone();
    checkFinite("x_train", xTrain.data());
    checkFinite("y_train", yTrain);
    checkFinite("x_test", xTest.data());
    checkFinite("y_test", yTest);
    pathNames = pathNames == null ? List.of() : List.copyOf(pathNames);
    int paths = 1;
    for (int h : attention.headCounts()) paths *= h;
    if (!pathNames.isEmpty() && pathNames.size() != paths) {
      throw new IllegalArgumentException("path names: expected " + paths + " names, got "
          + pathNames.size());
    }
    source = source == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(source));
  }

  private static void checkFinite(String field, double[] v) {
    // x·0 is ±0 for finite x and NaN for ±Inf or NaN, so a chunk's sum of x·0 is NaN exactly when
    // the chunk holds a non-finite value (no branch per entry); chunks run on all cores.
    int chunk = 1 << 18;
    boolean finite = java.util.stream.IntStream.range(0, (v.length + chunk - 1) / chunk).parallel()
        .allMatch(c -> {
          double probe = 0.0;
          int to = Math.min(v.length, (c + 1) * chunk);
          for (int i = c * chunk; i < to; i++) probe += v[i] * 0.0;
          return probe == probe;
        });
    if (finite) return;
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException(field + ": expected finite values, got " + v[i]
            + " at flat index " + i);
      }
    }
  }

  /** The same data with another attention (a head subset); path names are dropped. */
  public Task withAttention(String newName, Attention newAttention) {
    return new Task(newName, xTrain, yTrain, xTest, yTest, newAttention, List.of(), source);
  }
}
