package org.attnpaths.theory.task.markov;

import static org.attnpaths.theory.task.markov.MarkovHeadKind.BLANK;
import static org.attnpaths.theory.task.markov.MarkovHeadKind.DIFFERENT_TOKEN;
import static org.attnpaths.theory.task.markov.MarkovHeadKind.SAME_TOKEN;
import static org.attnpaths.theory.task.markov.MarkovHeadKind.UNIFORM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MarkovTaskConfigTest {

  @Test
  void fourPathHasTheSpecDefaults() {
    MarkovTaskConfig c = MarkovTaskConfig.fourPath();
    assertEquals(new MarkovTaskConfig(30, 0.7, 0.3, 200, 1, 1, 1, 100, 1000, 10,
        List.of(SAME_TOKEN, BLANK), List.of(UNIFORM, BLANK), 1, 1, 1, true), c);
    assertEquals(31, c.tokens());
    assertEquals(231, c.tokenDim());
    assertEquals(4, c.paths());
  }

  @Test
  void twoPathIsFig2e() {
    MarkovTaskConfig c = MarkovTaskConfig.twoPath();
    assertEquals(5.0, c.noiseOop());
    assertEquals(1.0, c.noisePerp());
    assertEquals(1.0, c.noisePar());
    assertEquals(List.of(SAME_TOKEN, BLANK), c.layer1Heads());
    assertEquals(List.of(UNIFORM), c.layer2Heads());
    assertEquals(0.0, c.blankFeaturePerturbation());
    assertEquals(0.0, c.blankPositionPerturbation());
    assertEquals(0.0, c.blankCrossPerturbation());
    assertEquals(2, c.paths());
  }

  @Test
  void withersChangeOneField() {
    MarkovTaskConfig c = MarkovTaskConfig.fourPath();
    assertEquals(10, c.withTrainSize(10).trainSize());
    assertEquals(4, c.withTestSize(4).testSize());
    assertEquals(12, c.withStates(12).states());
    assertEquals(20, c.withFeatureDim(20).featureDim());
    assertEquals(0.9, c.withStayProbabilities(0.9, 0.1).pStayPlus());
    assertEquals(0.1, c.withStayProbabilities(0.9, 0.1).pStayMinus());
    assertEquals(3.0, c.withBeta(3).beta());
    assertEquals(false, c.withReproduceCrossBlockBug(false).reproduceCrossBlockBug());
    assertEquals(c, c.withTrainSize(10).withTrainSize(100));
  }

  @Test
  void toMapHoldsEveryField() {
    List<String> components = new ArrayList<>();
    for (RecordComponent rc : MarkovTaskConfig.class.getRecordComponents()) components.add(rc.getName());
    assertEquals(components, new ArrayList<>(MarkovTaskConfig.fourPath().toMap().keySet()));
    assertEquals(List.of("same_token", "blank"), MarkovTaskConfig.fourPath().toMap().get("layer1Heads"));
  }

  @Test
  void headKindsParse() {
    assertEquals(SAME_TOKEN, MarkovHeadKind.parse("same_token"));
    assertEquals(DIFFERENT_TOKEN, MarkovHeadKind.parse("different_token"));
    assertEquals(UNIFORM, MarkovHeadKind.parse("uniform"));
    assertEquals(UNIFORM, MarkovHeadKind.parse("uniform_attention"));
    assertEquals(BLANK, MarkovHeadKind.parse(" Blank "));
    for (MarkovHeadKind k : MarkovHeadKind.values()) assertEquals(k, MarkovHeadKind.parse(k.label()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MarkovHeadKind.parse("random"));
    assertTrue(e.getMessage().contains("'random'"), e.getMessage());
  }

  static Stream<Arguments> invalid() {
    MarkovTaskConfig c = MarkovTaskConfig.fourPath();
    return Stream.of(
        bad("states", "1", () -> c.withStates(1)),
        bad("pStayPlus", "1.5", () -> c.withStayProbabilities(1.5, 0.3)),
        bad("pStayMinus", "-0.1", () -> c.withStayProbabilities(0.7, -0.1)),
        bad("pStayMinus", "NaN", () -> c.withStayProbabilities(0.7, Double.NaN)),
        bad("featureDim", "201", () -> c.withFeatureDim(201)),
        bad("featureDim", "0", () -> c.withFeatureDim(0)),
        bad("noisePerp", "-1.0", () -> c.withNoise(-1, 1, 1)),
        bad("noisePar", "Infinity", () -> c.withNoise(1, Double.POSITIVE_INFINITY, 1)),
        bad("noiseOop", "NaN", () -> c.withNoise(1, 1, Double.NaN)),
        bad("trainSize", "99", () -> c.withTrainSize(99)),
        bad("trainSize", "0", () -> c.withTrainSize(0)),
        bad("testSize", "3", () -> c.withTestSize(3)),
        bad("beta", "-2.0", () -> c.withBeta(-2)),
        bad("layer1Heads", "[]", () -> c.withHeads(List.of(), List.of(UNIFORM))),
        bad("layer2Heads", "null", () -> c.withHeads(List.of(UNIFORM), Arrays.asList(UNIFORM, null))),
        bad("blankFeaturePerturbation", "-1.0", () -> c.withBlankPerturbations(-1, 0, 0)),
        bad("blankPositionPerturbation", "NaN", () -> c.withBlankPerturbations(0, Double.NaN, 0)),
        bad("blankCrossPerturbation", "-0.5", () -> c.withBlankPerturbations(0, 0, -0.5)));
  }

  private static Arguments bad(String field, String value, Supplier<MarkovTaskConfig> make) {
    return Arguments.of(field, value, make);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("invalid")
  void validationNamesTheFieldAndValue(String field, String value, Supplier<MarkovTaskConfig> make) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
    assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
    assertTrue(e.getMessage().contains(value), e.getMessage());
  }
  @Test
  void fromMapInvertsToMapForEveryField() {
    MarkovTaskConfig c = MarkovTaskConfig.fourPath().withStates(12).withNoise(0.5, 2, 3)
        .withTrainSize(40).withTestSize(20).withBeta(7).withBlankPerturbations(0.25, 0.5, 0.75)
        .withHeads(List.of(SAME_TOKEN, DIFFERENT_TOKEN), List.of(UNIFORM, BLANK))
        .withReproduceCrossBlockBug(false);
    assertEquals(c, MarkovTaskConfig.fromMap(c.toMap()));
    assertEquals(MarkovTaskConfig.twoPath(),
        MarkovTaskConfig.fromMap(MarkovTaskConfig.twoPath().toMap()));
  }

  @Test
  void fromMapNamesAMissingOrMistypedField() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>(
        MarkovTaskConfig.fourPath().toMap());
    m.remove("beta");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MarkovTaskConfig.fromMap(m));
    assertTrue(e.getMessage().startsWith("beta: missing"), e.getMessage());
    m.put("beta", 10.0);
    m.put("states", 2.5);
    e = assertThrows(IllegalArgumentException.class, () -> MarkovTaskConfig.fromMap(m));
    assertTrue(e.getMessage().startsWith("states: expected an integer"), e.getMessage());
  }
}
