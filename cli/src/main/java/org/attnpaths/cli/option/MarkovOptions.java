package org.attnpaths.cli.option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attnpaths.theory.task.Task;
import org.attnpaths.theory.task.markov.MarkovHeadKind;
import org.attnpaths.theory.task.markov.MarkovTask;
import org.attnpaths.theory.task.markov.MarkovTaskConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The built-in hidden-Markov-chain task (spec §9.1): a variant ({@code --markov}) and single
 * parameters changed from it. Options left out keep the variant's values, so
 * {@link #config()} is exactly {@link MarkovTaskConfig#fourPath()} by default.
 */
public final class MarkovOptions {

  /** The built-in Markov task variants of spec §9.1. */
  public enum MarkovVariant {
    /** Fig. 2c/2d: heads [same_token, blank] then [uniform, blank], σ⊥ = 1, perturbation 1. */
    FOUR_PATH("four-path"),
    /** Fig. 2e: heads [same_token, blank(pert 0)] then [uniform], σ⊥ = 5. */
    TWO_PATH("two-path");

    private final String label;

    MarkovVariant(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    static MarkovVariant parse(String text) {
      String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      for (MarkovVariant v : values()) {
        if (v.label.equals(t) || v.label.replace("-", "").equals(t)) return v;
      }
      throw new IllegalArgumentException(text);
    }
  }

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  private MarkovVariant markov = MarkovVariant.FOUR_PATH;
  private final List<String> given = new ArrayList<>();
  private Integer trainSize;
  private Integer testSize;
  private Integer states;
  private double[] stay;
  private Double sigmaPerp;
  private Double sigmaParallel;
  private Double beta;
  private Double perturbation;
  private List<MarkovHeadKind> layer1Heads;
  private List<MarkovHeadKind> layer2Heads;

  @Option(names = "--markov", paramLabel = "four-path|two-path", order = 110,
      description = "Built-in hidden-Markov-chain task: four-path (Fig. 2c: heads [same_token, "
          + "blank] then [uniform, blank], sigma-perp 1, perturbation 1) or two-path (Fig. 2e: "
          + "[same_token, blank] then [uniform], sigma-perp 5, perturbation 0). The options below "
          + "change single parameters of it. Default: four-path.")
  void setMarkov(String text) {
    try {
      markov = MarkovVariant.parse(text);
      given("--markov");
    } catch (IllegalArgumentException e) {
      throw bad("--markov: expected four-path or two-path, got '" + text + "'");
    }
  }

  @Option(names = "--train-size", paramLabel = "P", order = 120,
      description = "Markov task: training examples P (even: half per class). Default: 100.")
  void setTrainSize(int p) {
    if (p < 2 || p % 2 != 0) throw bad("--train-size: expected an even number >= 2, got " + p);
    trainSize = p;
    given("--train-size");
  }

  @Option(names = "--test-size", paramLabel = "Q", order = 121,
      description = "Markov task: test examples Q (even: half per class). Default: 1000.")
  void setTestSize(int q) {
    if (q < 2 || q % 2 != 0) throw bad("--test-size: expected an even number >= 2, got " + q);
    testSize = q;
    given("--test-size");
  }

  @Option(names = "--states", paramLabel = "S", order = 122,
      description = "Markov task: hidden states per chain; sequences have S+1 tokens (BOS first). "
          + "Default: 30.")
  void setStates(int n) {
    if (n < 2) throw bad("--states: expected an integer >= 2, got " + n);
    states = n;
    given("--states");
  }

  @Option(names = "--stay", split = ",", hideParamSyntax = true,
      paramLabel = "P_PLUS,P_MINUS", order = 123,
      description = "Markov task: probability of staying in the current hidden state for class "
          + "+1 and for class -1. Default: 0.7,0.3.")
  void setStay(double[] p) {
    if (p.length == 0) return; // picocli may call with an empty array first
    if (p.length != 2) {
      throw bad("--stay: expected 2 probabilities (class +1, class -1), got " + p.length);
    }
    for (double v : p) {
      if (!(v >= 0.0 && v <= 1.0)) throw bad("--stay: expected probabilities in [0, 1], got " + v);
    }
    stay = p.clone();
    given("--stay");
  }

  @Option(names = "--sigma-perp", paramLabel = "S", order = 130,
      description = "Markov task: out-of-plane noise strength, the paper's sigma_perp. "
          + "Default: 1 (four-path), 5 (two-path).")
  void setSigmaPerp(double s) {
    if (!(s >= 0.0) || !Double.isFinite(s)) {
      throw bad("--sigma-perp: expected a finite value >= 0, got " + s);
    }
    sigmaPerp = s;
    given("--sigma-perp");
  }

  @Option(names = "--sigma-parallel", paramLabel = "S", order = 131,
      description = "Markov task: in-plane noise strength (both components in the plane of the "
          + "two prototypes), the paper's sigma_parallel. Default: 1.")
  void setSigmaParallel(double s) {
    if (!(s >= 0.0) || !Double.isFinite(s)) {
      throw bad("--sigma-parallel: expected a finite value >= 0, got " + s);
    }
    sigmaParallel = s;
    given("--sigma-parallel");
  }

  @Option(names = "--beta", paramLabel = "BETA", order = 140,
      description = "Markov task: inverse softmax temperature of the designed heads. Default: 10.")
  void setBeta(double b) {
    if (!(b > 0.0) || !Double.isFinite(b)) {
      throw bad("--beta: expected a finite value > 0, got " + b);
    }
    beta = b;
    given("--beta");
  }

  @Option(names = "--perturbation", paramLabel = "P", order = 150,
      description = "Markov task: strength of the random perturbations of the blank heads "
          + "(feature, position and cross blocks alike). Default: 1 (four-path), 0 (two-path).")
  void setPerturbation(double p) {
    if (!(p >= 0.0) || !Double.isFinite(p)) {
      throw bad("--perturbation: expected a finite value >= 0, got " + p);
    }
    perturbation = p;
    given("--perturbation");
  }

  @Option(names = "--layer1-heads", split = ",", hideParamSyntax = true,
      paramLabel = "KIND[,KIND...]", order = 160,
      description = "Markov task: heads of attention layer 1, each same_token, different_token, "
          + "uniform or blank. Default: same_token,blank.")
  void setLayer1Heads(List<String> kinds) {
    layer1Heads = headKinds("--layer1-heads", kinds);
  }

  @Option(names = "--layer2-heads", split = ",", hideParamSyntax = true,
      paramLabel = "KIND[,KIND...]", order = 161,
      description = "Markov task: heads of attention layer 2 (as --layer1-heads). Default: "
          + "uniform,blank (four-path), uniform (two-path).")
  void setLayer2Heads(List<String> kinds) {
    layer2Heads = headKinds("--layer2-heads", kinds);
  }

  /** The options of this mixin that were given, in order (they conflict with {@code --task}). */
  public List<String> given() {
    return List.copyOf(given);
  }

  /** The built-in task's parameters: the chosen variant with the given options applied. */
  public MarkovTaskConfig config() {
    MarkovTaskConfig c = markov == MarkovVariant.TWO_PATH
        ? MarkovTaskConfig.twoPath() : MarkovTaskConfig.fourPath();
    if (trainSize != null) c = c.withTrainSize(trainSize);
    if (testSize != null) c = c.withTestSize(testSize);
    if (states != null) c = c.withStates(states);
    if (stay != null) c = c.withStayProbabilities(stay[0], stay[1]);
    if (sigmaPerp != null || sigmaParallel != null) {
      // Paper naming (spec §9.1): sigma_parallel = both in-plane components, sigma_perp = the
      // out-of-plane one.
      c = c.withNoise(sigmaParallel != null ? sigmaParallel : c.noisePerp(),
          sigmaParallel != null ? sigmaParallel : c.noisePar(),
          sigmaPerp != null ? sigmaPerp : c.noiseOop());
    }
    if (beta != null) c = c.withBeta(beta);
    if (perturbation != null) {
      c = c.withBlankPerturbations(perturbation, perturbation, perturbation);
    }
    if (layer1Heads != null || layer2Heads != null) {
      c = c.withHeads(layer1Heads != null ? layer1Heads : c.layer1Heads(),
          layer2Heads != null ? layer2Heads : c.layer2Heads());
    }
    return c;
  }

  /**
   * The path-subset networks of Fig. 2c whose GP limits the paper compares (good path only; good
   * + denoising), as 0-based heads kept per layer, in that order; empty unless the built-in task
   * has layer 1 = [same_token, blank, ...] and layer 2 = [uniform, ...].
   */
  public Map<String, List<List<Integer>>> pathSubsets() {
    MarkovTaskConfig c = config();
    boolean layout = c.layer1Heads().size() >= 2
        && c.layer1Heads().get(0) == MarkovHeadKind.SAME_TOKEN
        && c.layer1Heads().get(1) == MarkovHeadKind.BLANK
        && c.layer2Heads().get(0) == MarkovHeadKind.UNIFORM;
    if (!layout) return Map.of();
    Map<String, List<List<Integer>>> subsets = new LinkedHashMap<>();
    subsets.put("good", MarkovTask.goodPathHeads());
    subsets.put("good+denoising", MarkovTask.goodAndDenoisingHeads());
    return subsets;
  }

  /** Whether the subset baselines are printed without {@code --subsets}: the Fig. 2c layout. */
  public boolean subsetsByDefault() {
    MarkovTaskConfig c = config();
    MarkovTaskConfig fig2c = MarkovTaskConfig.fourPath();
    return c.layer1Heads().equals(fig2c.layer1Heads())
        && c.layer2Heads().equals(fig2c.layer2Heads());
  }

  /** Generates the task; the same seed gives a bit-identical task. */
  public Task generate(long seed) {
    return MarkovTask.generate(config(), seed);
  }

  private void given(String option) {
    if (!given.contains(option)) given.add(option);
  }


  private List<MarkovHeadKind> headKinds(String option, List<String> kinds) {
    if (kinds.isEmpty()) return null; // picocli may call with an empty list first
    List<MarkovHeadKind> out = new ArrayList<>();
    for (String k : kinds) {
      try {
        out.add(MarkovHeadKind.parse(k));
      } catch (IllegalArgumentException e) {
        throw bad(option + ": expected same_token, different_token, uniform or blank, got '" + k
            + "'");
      }
    }
    given(option);
    return List.copyOf(out);
  }

  private ParameterException bad(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
