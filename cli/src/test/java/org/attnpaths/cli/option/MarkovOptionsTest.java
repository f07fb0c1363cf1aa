package org.attnpaths.cli.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attnpaths.theory.task.markov.MarkovHeadKind;
import org.attnpaths.theory.task.markov.MarkovTaskConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/** The Markov options map onto MarkovTaskConfig exactly; defaults are the paper's experiments. */
class MarkovOptionsTest {

  @Command(name = "probe")
  static final class Probe {
    @Mixin
    MarkovOptions markov;
  }

  private static MarkovOptions parse(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.markov;
  }

  @Test
  void defaultIsFig2c() {
    MarkovOptions m = parse();
    assertEquals(MarkovTaskConfig.fourPath(), m.config());
    assertEquals(List.of(), m.given());
    assertTrue(m.subsetsByDefault());
    assertEquals(List.of("good", "good+denoising"), List.copyOf(m.pathSubsets().keySet()));
  }

  @Test
  void twoPathIsFig2e() {
    MarkovOptions m = parse("--markov", "two-path");
    assertEquals(MarkovTaskConfig.twoPath(), m.config());
    assertEquals(false, m.subsetsByDefault());
    assertEquals(List.of("--markov"), m.given());
  }

  @Test
  void singleParametersChangeOnlyThemselves() {
    MarkovOptions m = parse("--train-size", "20", "--test-size", "40", "--states", "10",
        "--stay", "0.8,0.2", "--sigma-perp", "5", "--sigma-parallel", "0.5", "--beta", "3",
        "--perturbation", "0", "--layer2-heads", "uniform");
    MarkovTaskConfig expected = MarkovTaskConfig.fourPath().withTrainSize(20).withTestSize(40)
        .withStates(10).withStayProbabilities(0.8, 0.2).withNoise(0.5, 0.5, 5.0).withBeta(3)
        .withBlankPerturbations(0, 0, 0)
        .withHeads(List.of(MarkovHeadKind.SAME_TOKEN, MarkovHeadKind.BLANK),
            List.of(MarkovHeadKind.UNIFORM));
    assertEquals(expected, m.config());
    assertEquals(9, m.given().size());
  }

  @Test
  void subsetsNeedSameTokenBlankThenUniform() {
    assertTrue(parse("--layer1-heads", "uniform,blank").pathSubsets().isEmpty());
    assertEquals(2, parse("--markov", "two-path").pathSubsets().size());
  }

  @Test
  void badValuesNameTheOption() {
    ParameterException e = assertThrows(ParameterException.class,
        () -> parse("--stay", "0.7,1.5"));
    assertTrue(e.getMessage().startsWith("--stay:"), e.getMessage());
    e = assertThrows(ParameterException.class, () -> parse("--states", "1"));
    assertTrue(e.getMessage().startsWith("--states:"), e.getMessage());
    e = assertThrows(ParameterException.class, () -> parse("--sigma-perp", "-1"));
    assertTrue(e.getMessage().startsWith("--sigma-perp:"), e.getMessage());
  }
}
