package org.attnpaths.theory.task.markov;

import static org.attnpaths.theory.task.markov.MarkovHeadKind.BLANK;
import static org.attnpaths.theory.task.markov.MarkovHeadKind.SAME_TOKEN;
import static org.attnpaths.theory.task.markov.MarkovHeadKind.UNIFORM;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.attnpaths.theory.model.Attention;
import org.attnpaths.theory.task.Task;

/**
 * The hidden-Markov-chain classification task with its designed two-layer attention (spec §9.1).
 *
 * <p><b>Seeding.</b> One {@code long seed} determines everything: {@code root = new
 * SplittableRandom(seed)}, then, in this order, {@code root.split()} gives the training-set stream,
 * the test-set stream, the layer-1 head stream and the layer-2 head stream. Each blank head takes
 * one further {@code split()} of its layer's stream, in head order (see {@link MarkovHeads}); each
 * example takes one further {@code split()} of its data set's stream, in example order, so
 * examples are generated in parallel with the same result ({@link MarkovChainSampler#sample}). Normal draws use the
 * ziggurat method ({@link org.attnpaths.numerics.random.NormalSampler}). Hence the same seed
 * gives bit-identical tasks, and the training set does not change when the test size or the heads
 * change. The reference's torch seeds (train 27, test 59, heads 127/147/217/247) cannot be
 * reproduced in Java (spec §13.12).
 */
public final class MarkovTask {

  /** Names of the paths (h1, h2) in the paper (spec §9.1). */
  private static final Map<List<MarkovHeadKind>, String> PAPER_PATH_NAMES = Map.of(
      List.of(SAME_TOKEN, UNIFORM), "g",
      List.of(SAME_TOKEN, BLANK), "a1",
      List.of(BLANK, UNIFORM), "d",
      List.of(BLANK, BLANK), "a2");

  private MarkovTask() {}

  /**
   * Generates the task: [P, T_tok, N0] training and [Q, T_tok, N0] test sequences (first half
   * y = +1, then y = −1) and the heads of both layers.
   *
   * @return a task named {@link #name}, with {@link #pathNames} and a {@code source} map holding
   *     {@code kind=markov}, the seed, the seeding scheme and every config field
   */
  public static Task generate(MarkovTaskConfig config, long seed) {
    Streams s = Streams.of(seed);
    MarkovChainSampler sampler = new MarkovChainSampler(config);
    MarkovChainSampler.Sample train = sampler.sample(config.trainSize(), s.train());
    MarkovChainSampler.Sample test = sampler.sample(config.testSize(), s.test());
    Attention attention = new Attention(List.of(
        MarkovHeads.layer(config.layer1Heads(), config, s.layer1()),
        MarkovHeads.layer(config.layer2Heads(), config, s.layer2())));
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("kind", "markov");
    source.put("seed", seed);
    source.put("rng", "SplittableRandom(seed).split() -> train, test, layer-1 heads, layer-2 heads;"
        + " one further split per example (in order) and per blank head; ziggurat normals (NormalSampler)");
    source.putAll(config.toMap());
    return new Task(name(config), train.x(), train.y(), test.x(), test.y(), attention,
        pathNames(config), source);
  }

  /**
   * {@code markov-4path} or {@code markov-2path} if the config equals {@link
   * MarkovTaskConfig#fourPath()} or {@link MarkovTaskConfig#twoPath()} up to the train and test
   * sizes; {@code markov} otherwise.
   */
  public static String name(MarkovTaskConfig config) {
    if (sameExperiment(config, MarkovTaskConfig.fourPath())) return "markov-4path";
    if (sameExperiment(config, MarkovTaskConfig.twoPath())) return "markov-2path";
    return "markov";
  }

  private static boolean sameExperiment(MarkovTaskConfig c, MarkovTaskConfig reference) {
    // The field maps (all 16 fields, MarkovTaskConfig#toMap) rather than the record's equals:
    // its first call links an invokedynamic bootstrap over 16 components, ~25 ms in the cold JVM
    // of every `theory` run (profile, BENCHMARKS.md issue 2).
    return c.toMap().equals(reference.withTrainSize(c.trainSize()).withTestSize(c.testSize())
        .toMap());
  }

  /**
   * Path names in index order (h_1 slowest, spec §3.1). If no layer repeats a head kind and every
   * path is one of the paper's (same_token,uniform) = g, (same_token,blank) = a1,
   * (blank,uniform) = d, (blank,blank) = a2, those names: {@code g, a1, d, a2} for the 4-path net,
   * {@code g, d} for the 2-path net. Otherwise labels like {@code (same_token,uniform)}.
   */
  public static List<String> pathNames(MarkovTaskConfig config) {
    List<MarkovHeadKind> l1 = config.layer1Heads();
    List<MarkovHeadKind> l2 = config.layer2Heads();
    boolean paper = new HashSet<>(l1).size() == l1.size() && new HashSet<>(l2).size() == l2.size();
    List<String> names = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (MarkovHeadKind h1 : l1) {
      for (MarkovHeadKind h2 : l2) {
        String n = PAPER_PATH_NAMES.get(List.of(h1, h2));
        paper &= n != null;
        names.add(n);
        labels.add("(" + h1.label() + "," + h2.label() + ")");
      }
    }
    return List.copyOf(paper ? names : labels);
  }

  /**
   * Heads kept by the "good path" network of Fig. 2c, as 0-based indices per layer for {@link
   * Attention#select}: layer 1 same_token, layer 2 uniform. Meaningful only for the default layout
   * layer 1 = [same_token, blank], layer 2 = [uniform, blank] ({@link MarkovTaskConfig#fourPath()}).
   */
  public static List<List<Integer>> goodPathHeads() {
    return List.of(List.of(0), List.of(0));
  }

  /**
   * Heads kept by the "good + denoising" network of Fig. 2c: layer 1 [same_token, blank], layer 2
   * [uniform] (paths g and d). Meaningful only for the default layout, as {@link #goodPathHeads()}.
   */
  public static List<List<Integer>> goodAndDenoisingHeads() {
    return List.of(List.of(0, 1), List.of(0));
  }

  /** The four independent sub-streams of one seed, in their fixed split order. */
  record Streams(SplittableRandom train, SplittableRandom test, SplittableRandom layer1,
      SplittableRandom layer2) {

    static Streams of(long seed) {
      SplittableRandom root = new SplittableRandom(seed);
      SplittableRandom train = root.split();
      SplittableRandom test = root.split();
      SplittableRandom layer1 = root.split();
      SplittableRandom layer2 = root.split();
      return new Streams(train, test, layer1, layer2);
    }
  }
}
