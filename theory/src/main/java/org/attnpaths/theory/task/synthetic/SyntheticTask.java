package org.attnpaths.theory.task.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.theory.model.Attention;
import org.attnpaths.theory.model.AttentionHead;
import org.attnpaths.theory.model.QueryKeyScore;
import org.attnpaths.theory.model.Sequences;
import org.attnpaths.theory.task.Task;

/**
 * Generates a {@link SyntheticTaskConfig} task: tokens with iid N(0, 1) entries, Q and K with
 * iid N(0, 1/N0) entries (scores of order 1), and labels y = sign(w·x̄) of a random teacher w on
 * the mean token x̄, drawn until each class has half of the set. Seeded: the root stream is
 * split in the order attention, teacher, train set, test set.
 */
public final class SyntheticTask {
  private SyntheticTask() {}

  public static Task generate(SyntheticTaskConfig config, long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom attentionRng = root.split();
    SplittableRandom teacherRng = root.split();
    SplittableRandom trainRng = root.split();
    SplittableRandom testRng = root.split();
    int n0 = config.tokenDim();
    NormalSampler attn = new NormalSampler(attentionRng);
    List<List<AttentionHead>> layers = new ArrayList<>();
    double s = 1.0 / Math.sqrt(n0);
    for (int l = 0; l < config.heads().size(); l++) {
      List<AttentionHead> heads = new ArrayList<>();
      for (int h = 0; h < config.heads().get(l); h++) {
        double[] q = attn.next(config.queryKeyDim() * n0);
        double[] k = attn.next(config.queryKeyDim() * n0);
        for (int i = 0; i < q.length; i++) {
          q[i] *= s;
          k[i] *= s;
        }
        heads.add(AttentionHead.softmax("l" + (l + 1) + "h" + (h + 1) + "-qk",
            new QueryKeyScore(n0, config.queryKeyDim(), q, k)));
      }
      layers.add(heads);
    }
    double[] teacher = new NormalSampler(teacherRng).next(n0);
    double[][] train = balanced(config.trainSize(), config, teacher, new NormalSampler(trainRng));
    double[][] test = balanced(config.testSize(), config, teacher, new NormalSampler(testRng));
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("kind", "synthetic");
    source.put("seed", seed);
    source.putAll(config.toMap());
    return new Task("synthetic-qk", new Sequences(config.trainSize(), config.tokens(), n0, train[0]),
        train[1], new Sequences(config.testSize(), config.tokens(), n0, test[0]), test[1],
        new Attention(layers), List.of(), source);
  }

  /** {x (count·T·N0), y (count)}: first half y = +1, second half y = −1. */
  private static double[][] balanced(int count, SyntheticTaskConfig c, double[] teacher,
      NormalSampler rng) {
    int size = c.tokens() * c.tokenDim();
    double[] x = new double[count * size];
    double[] y = new double[count];
    int plus = 0;
    int minus = 0;
    double[] seq = new double[size];
    while (plus < count / 2 || minus < count / 2) {
      rng.fill(seq, 0, size);
      double dot = 0.0;
      for (int t = 0; t < c.tokens(); t++) {
        for (int i = 0; i < c.tokenDim(); i++) dot += teacher[i] * seq[t * c.tokenDim() + i];
      }
      int slot;
      if (dot >= 0 && plus < count / 2) {
        slot = plus++;
        y[slot] = 1.0;
      } else if (dot < 0 && minus < count / 2) {
        slot = count / 2 + minus++;
        y[slot] = -1.0;
      } else {
        continue;
      }
      System.arraycopy(seq, 0, x, slot * size, size);
    }
    return new double[][] {x, y};
  }
}
