package org.attnpaths.theory.task.markov;

import static org.attnpaths.theory.task.markov.MarkovHeadKind.BLANK;
import static org.attnpaths.theory.task.markov.MarkovHeadKind.SAME_TOKEN;
import static org.attnpaths.theory.task.markov.MarkovHeadKind.UNIFORM;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every parameter of the hidden-Markov-chain task and its designed heads (spec §9.1). Immutable;
 * change a field with a {@code with…} method. Shapes: T_tok = {@code states + 1} tokens (BOS first),
 * N0 = {@code featureDim + T_tok}.
 *
 * @param states hidden states per chain (30); the sequence has states + 1 tokens
 * @param pStayPlus probability of staying in the current state for class y = +1 (0.7)
 * @param pStayMinus probability of staying for class y = −1 (0.3)
 * @param featureDim N_f, feature dimensions (200); even, since v± each fill one half
 * @param noisePerp s_perp, noise strength along e_⊥ ∝ v+ − v− (1; code "perpendicular")
 * @param noisePar s_par, noise strength along e_∥ ∝ v+ + v− (1; code "parallel")
 * @param noiseOop s_oop, out-of-plane noise strength = the paper's σ_⊥ (1 in Fig. 2c/d, 5 in 2e)
 * @param trainSize P (100); even: the first P/2 examples have y = +1, the rest y = −1
 * @param testSize test examples (1000); even, ordered like the training set
 * @param beta inverse softmax temperature β multiplied into every W (10)
 * @param layer1Heads heads of attention layer 1 in order (main head first)
 * @param layer2Heads heads of attention layer 2 in order
 * @param blankFeaturePerturbation p_f: blank heads get W_feat += p_f·G1/N_f (1)
 * @param blankPositionPerturbation p_p: blank heads get W_pos += p_p·G2 (1)
 * @param blankCrossPerturbation p_x: if &gt; 0 blank heads get feature–position cross blocks (1)
 * @param reproduceCrossBlockBug if true (default) the cross blocks are scaled by p_f, as in the
 *     reference code, instead of by p_x (spec §9.1, §13.8; no effect when p_f = p_x)
 */
public record MarkovTaskConfig(int states, double pStayPlus, double pStayMinus, int featureDim,
    double noisePerp, double noisePar, double noiseOop, int trainSize, int testSize, double beta,
    List<MarkovHeadKind> layer1Heads, List<MarkovHeadKind> layer2Heads,
    double blankFeaturePerturbation, double blankPositionPerturbation,
    double blankCrossPerturbation, boolean reproduceCrossBlockBug) {

  public MarkovTaskConfig {
    if (states < 2) {
      throw new IllegalArgumentException("states: expected >= 2 hidden states per chain, got " + states);
    }
    requireProbability("pStayPlus", pStayPlus);
    requireProbability("pStayMinus", pStayMinus);
    if (featureDim < 2 || featureDim % 2 != 0) {
      throw new IllegalArgumentException("featureDim: expected an even N_f >= 2, got " + featureDim);
    }
    requireNonNegative("noisePerp", noisePerp);
    requireNonNegative("noisePar", noisePar);
    requireNonNegative("noiseOop", noiseOop);
    requireEvenSize("trainSize", trainSize);
    requireEvenSize("testSize", testSize);
    requireNonNegative("beta", beta);
    layer1Heads = requireHeads("layer1Heads", layer1Heads);
    layer2Heads = requireHeads("layer2Heads", layer2Heads);
    requireNonNegative("blankFeaturePerturbation", blankFeaturePerturbation);
    requireNonNegative("blankPositionPerturbation", blankPositionPerturbation);
    requireNonNegative("blankCrossPerturbation", blankCrossPerturbation);
  }

  /**
   * The paper's Fig. 2c/2d experiment ("all paths", 4 paths): layer 1 = [same_token, blank],
   * layer 2 = [uniform, blank], all perturbations 1, σ_⊥ = 1, P = 100, 1000 test examples, β = 10.
   */
  public static MarkovTaskConfig fourPath() {
    return new MarkovTaskConfig(30, 0.7, 0.3, 200, 1.0, 1.0, 1.0, 100, 1000, 10.0,
        List.of(SAME_TOKEN, BLANK), List.of(UNIFORM, BLANK), 1.0, 1.0, 1.0, true);
  }

  /**
   * The paper's Fig. 2e experiment (2 paths): σ_⊥ = 5, layer 1 = [same_token, blank with all
   * perturbations 0, i.e. exactly uniform], layer 2 = [uniform]; otherwise as {@link #fourPath()}.
   */
  public static MarkovTaskConfig twoPath() {
    return fourPath().withNoise(1.0, 1.0, 5.0)
        .withHeads(List.of(SAME_TOKEN, BLANK), List.of(UNIFORM))
        .withBlankPerturbations(0.0, 0.0, 0.0);
  }

  /** T_tok = states + 1 (BOS at index 0). */
  public int tokens() {
    return states + 1;
  }

  /** N0 = N_f + T_tok. */
  public int tokenDim() {
    return featureDim + tokens();
  }

  /** Number of attention paths Π = H_1·H_2 (spec §3.1). */
  public int paths() {
    return layer1Heads.size() * layer2Heads.size();
  }

  public MarkovTaskConfig withStates(int n) {
    return new MarkovTaskConfig(n, pStayPlus, pStayMinus, featureDim, noisePerp, noisePar, noiseOop,
        trainSize, testSize, beta, layer1Heads, layer2Heads, blankFeaturePerturbation,
        blankPositionPerturbation, blankCrossPerturbation, reproduceCrossBlockBug);
  }

  public MarkovTaskConfig withStayProbabilities(double plus, double minus) {
    return new MarkovTaskConfig(states, plus, minus, featureDim, noisePerp, noisePar, noiseOop,
        trainSize, testSize, beta, layer1Heads, layer2Heads, blankFeaturePerturbation,
        blankPositionPerturbation, blankCrossPerturbation, reproduceCrossBlockBug);
  }

  public MarkovTaskConfig withFeatureDim(int nf) {
    return new MarkovTaskConfig(states, pStayPlus, pStayMinus, nf, noisePerp, noisePar, noiseOop,
        trainSize, testSize, beta, layer1Heads, layer2Heads, blankFeaturePerturbation,
        blankPositionPerturbation, blankCrossPerturbation, reproduceCrossBlockBug);
  }

  /** s_perp, s_par, s_oop (= σ_⊥). */
  public MarkovTaskConfig withNoise(double perp, double par, double oop) {
    return new MarkovTaskConfig(states, pStayPlus, pStayMinus, featureDim, perp, par, oop,
        trainSize, testSize, beta, layer1Heads, layer2Heads, blankFeaturePerturbation,
        blankPositionPerturbation, blankCrossPerturbation, reproduceCrossBlockBug);
  }

  public MarkovTaskConfig withTrainSize(int p) {
    return new MarkovTaskConfig(states, pStayPlus, pStayMinus, featureDim, noisePerp, noisePar,
        noiseOop, p, testSize, beta, layer1Heads, layer2Heads, blankFeaturePerturbation,
        blankPositionPerturbation, blankCrossPerturbation, reproduceCrossBlockBug);
  }

  public MarkovTaskConfig withTestSize(int q) {
    return new MarkovTaskConfig(states, pStayPlus, pStayMinus, featureDim, noisePerp, noisePar,
        noiseOop, trainSize, q, beta, layer1Heads, layer2Heads, blankFeaturePerturbation,
        blankPositionPerturbation, blankCrossPerturbation, reproduceCrossBlockBug);
  }

  public MarkovTaskConfig withBeta(double b) {
    return new MarkovTaskConfig(states, pStayPlus, pStayMinus, featureDim, noisePerp, noisePar,
        noiseOop, trainSize, testSize, b, layer1Heads, layer2Heads, blankFeaturePerturbation,
        blankPositionPerturbation, blankCrossPerturbation, reproduceCrossBlockBug);
  }

  public MarkovTaskConfig withHeads(List<MarkovHeadKind> layer1, List<MarkovHeadKind> layer2) {
    return new MarkovTaskConfig(states, pStayPlus, pStayMinus, featureDim, noisePerp, noisePar,
        noiseOop, trainSize, testSize, beta, layer1, layer2, blankFeaturePerturbation,
        blankPositionPerturbation, blankCrossPerturbation, reproduceCrossBlockBug);
  }

  /** p_f, p_p, p_x of every blank head. */
  public MarkovTaskConfig withBlankPerturbations(double feature, double position, double cross) {
    return new MarkovTaskConfig(states, pStayPlus, pStayMinus, featureDim, noisePerp, noisePar,
        noiseOop, trainSize, testSize, beta, layer1Heads, layer2Heads, feature, position, cross,
        reproduceCrossBlockBug);
  }

  public MarkovTaskConfig withReproduceCrossBlockBug(boolean bug) {
    return new MarkovTaskConfig(states, pStayPlus, pStayMinus, featureDim, noisePerp, noisePar,
        noiseOop, trainSize, testSize, beta, layer1Heads, layer2Heads, blankFeaturePerturbation,
        blankPositionPerturbation, blankCrossPerturbation, bug);
  }

  /**
   * Every field by its component name, in declaration order, for provenance; head lists as lists of
   * {@link MarkovHeadKind#label()}.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("states", states);
    m.put("pStayPlus", pStayPlus);
    m.put("pStayMinus", pStayMinus);
    m.put("featureDim", featureDim);
    m.put("noisePerp", noisePerp);
    m.put("noisePar", noisePar);
    m.put("noiseOop", noiseOop);
    m.put("trainSize", trainSize);
    m.put("testSize", testSize);
    m.put("beta", beta);
    m.put("layer1Heads", labels(layer1Heads));
    m.put("layer2Heads", labels(layer2Heads));
    m.put("blankFeaturePerturbation", blankFeaturePerturbation);
    m.put("blankPositionPerturbation", blankPositionPerturbation);
    m.put("blankCrossPerturbation", blankCrossPerturbation);
    m.put("reproduceCrossBlockBug", reproduceCrossBlockBug);
    return m;
  }

  /**
   * The inverse of {@link #toMap()}: a config from a recorded map (e.g. {@code config.task.source}
   * of a result file, read back as plain Java values), so that a result's task can be rebuilt.
   * Extra keys (kind, seed, rng) are ignored.
   *
   * @throws IllegalArgumentException naming the first missing or mistyped field
   */
  public static MarkovTaskConfig fromMap(Map<String, ?> m) {
    return new MarkovTaskConfig(integer(m, "states"), number(m, "pStayPlus"),
        number(m, "pStayMinus"), integer(m, "featureDim"), number(m, "noisePerp"),
        number(m, "noisePar"), number(m, "noiseOop"), integer(m, "trainSize"),
        integer(m, "testSize"), number(m, "beta"), heads(m, "layer1Heads"),
        heads(m, "layer2Heads"), number(m, "blankFeaturePerturbation"),
        number(m, "blankPositionPerturbation"), number(m, "blankCrossPerturbation"),
        flag(m, "reproduceCrossBlockBug"));
  }

  private static Object field(Map<String, ?> m, String key) {
    Object v = m.get(key);
    if (v == null) throw new IllegalArgumentException(key + ": missing from the recorded task");
    return v;
  }

  private static double number(Map<String, ?> m, String key) {
    if (field(m, key) instanceof Number n) return n.doubleValue();
    throw new IllegalArgumentException(key + ": expected a number, got " + m.get(key));
  }

  private static int integer(Map<String, ?> m, String key) {
    double v = number(m, key);
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(key + ": expected an integer, got " + m.get(key));
    }
    return (int) v;
  }

  private static boolean flag(Map<String, ?> m, String key) {
    if (field(m, key) instanceof Boolean b) return b;
    throw new IllegalArgumentException(key + ": expected true or false, got " + m.get(key));
  }

  private static List<MarkovHeadKind> heads(Map<String, ?> m, String key) {
    if (!(field(m, key) instanceof List<?> list)) {
      throw new IllegalArgumentException(key + ": expected a list of head kinds, got " + m.get(key));
    }
    List<MarkovHeadKind> out = new ArrayList<>();
    for (Object o : list) out.add(MarkovHeadKind.parse(String.valueOf(o)));
    return out;
  }

  private static List<String> labels(List<MarkovHeadKind> heads) {
    List<String> out = new ArrayList<>();
    for (MarkovHeadKind k : heads) out.add(k.label());
    return List.copyOf(out);
  }

  private static void requireProbability(String field, double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException(field + ": expected a probability in [0, 1], got " + p);
    }
  }

  private static void requireNonNegative(String field, double v) {
    if (!(v >= 0.0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(field + ": expected a finite value >= 0, got " + v);
    }
  }

  private static void requireEvenSize(String field, int n) {
    if (n < 2 || n % 2 != 0) {
      throw new IllegalArgumentException(field + ": expected an even count >= 2 (half per class), got "
          + n);
    }
  }

  private static List<MarkovHeadKind> requireHeads(String field, List<MarkovHeadKind> heads) {
    if (heads == null || heads.isEmpty()) {
      throw new IllegalArgumentException(field + ": expected at least one head, got "
          + (heads == null ? "null" : "[]"));
    }
    for (MarkovHeadKind k : heads) {
      if (k == null) throw new IllegalArgumentException(field + ": expected head kinds, got null in "
          + heads);
    }
    return List.copyOf(heads);
  }
}
