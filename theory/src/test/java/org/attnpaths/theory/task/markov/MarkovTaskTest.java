package org.attnpaths.theory.task.markov;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.attnpaths.theory.model.Attention;
import org.attnpaths.theory.model.AttentionHead;
import org.attnpaths.theory.model.BilinearScore;
import org.attnpaths.theory.model.Sequences;
import org.attnpaths.theory.task.Task;
import org.junit.jupiter.api.Test;

class MarkovTaskTest {

  private static final MarkovTaskConfig SMALL = MarkovTaskConfig.fourPath().withTestSize(6);

  private static List<String> names(List<AttentionHead> heads) {
    return heads.stream().map(AttentionHead::name).toList();
  }

  @Test
  void shapesLabelsBosAndPositions() {
    Task task = MarkovTask.generate(MarkovTaskConfig.fourPath(), 1);
    Sequences x = task.xTrain();
    assertEquals(100, x.count());
    assertEquals(31, x.tokens());
    assertEquals(231, x.dim());
    assertEquals(1000, task.xTest().count());
    assertEquals(1000, task.yTest().length);
    for (int mu = 0; mu < 100; mu++) assertEquals(mu < 50 ? 1.0 : -1.0, task.yTrain()[mu]);
    for (int mu = 0; mu < 1000; mu++) assertEquals(mu < 500 ? 1.0 : -1.0, task.yTest()[mu]);
    for (Sequences s : List.of(x, task.xTest())) {
      for (int mu = 0; mu < s.count(); mu += 7) {
        for (int t = 0; t < 31; t++) {
          int row = s.offset(mu) + t * 231;
          for (int p = 0; p < 31; p++) {
            assertEquals(p == t ? 1.0 : 0.0, s.data()[row + 200 + p], 0.0, "position " + t);
          }
          if (t == 0) {
            for (int i = 0; i < 200; i++) assertEquals(0.0, s.data()[row + i], 0.0, "BOS features");
          }
        }
      }
    }
    assertEquals(List.of(2, 2), task.attention().headCounts());
    assertEquals(List.of("same_token", "blank"), names(task.attention().layer(1)));
    assertEquals(List.of("uniform", "blank"), names(task.attention().layer(2)));
  }

  @Test
  void namesPathsAndSource() {
    Task four = MarkovTask.generate(SMALL, 2);
    assertEquals("markov-4path", four.name());
    assertEquals(List.of("g", "a1", "d", "a2"), four.pathNames());
    Task two = MarkovTask.generate(MarkovTaskConfig.twoPath().withTestSize(2), 2);
    assertEquals("markov-2path", two.name());
    assertEquals(List.of("g", "d"), two.pathNames());
    assertEquals("markov", MarkovTask.name(SMALL.withBeta(5)));
    MarkovTaskConfig custom = SMALL.withHeads(
        List.of(MarkovHeadKind.SAME_TOKEN, MarkovHeadKind.DIFFERENT_TOKEN), List.of(MarkovHeadKind.UNIFORM));
    assertEquals(List.of("(same_token,uniform)", "(different_token,uniform)"),
        MarkovTask.pathNames(custom));
    assertEquals(List.of("g"), MarkovTask.pathNames(SMALL.withHeads(
        List.of(MarkovHeadKind.SAME_TOKEN), List.of(MarkovHeadKind.UNIFORM))));
    assertEquals("markov", four.source().get("kind"));
    assertEquals(2L, four.source().get("seed"));
    for (RecordComponent rc : MarkovTaskConfig.class.getRecordComponents()) {
      assertTrue(four.source().containsKey(rc.getName()), rc.getName());
    }
    assertEquals(6, four.source().get("testSize"));
  }

  @Test
  void pathSubsetsOfFig2c() {
    Attention all = MarkovTask.generate(SMALL, 3).attention();
    Attention good = all.select(MarkovTask.goodPathHeads());
    assertEquals(List.of("same_token"), names(good.layer(1)));
    assertEquals(List.of("uniform"), names(good.layer(2)));
    Attention goodAndDenoising = all.select(MarkovTask.goodAndDenoisingHeads());
    assertEquals(List.of("same_token", "blank"), names(goodAndDenoising.layer(1)));
    assertEquals(List.of("uniform"), names(goodAndDenoising.layer(2)));
  }

  private static void assertSameTask(Task a, Task b) {
    assertArrayEquals(a.xTrain().data(), b.xTrain().data());
    assertArrayEquals(a.yTrain(), b.yTrain());
    assertArrayEquals(a.xTest().data(), b.xTest().data());
    assertArrayEquals(a.yTest(), b.yTest());
    assertSameHeads(a.attention(), b.attention());
  }

  private static void assertSameHeads(Attention a, Attention b) {
    for (int l = 1; l <= 2; l++) {
      for (int h = 0; h < a.layer(l).size(); h++) {
        assertArrayEquals(((BilinearScore) a.layer(l).get(h).score()).w(),
            ((BilinearScore) b.layer(l).get(h).score()).w());
      }
    }
  }

  @Test
  void sameSeedSameTaskDifferentSeedDifferentTask() {
    Task a = MarkovTask.generate(SMALL, 42);
    assertSameTask(a, MarkovTask.generate(SMALL, 42));
    Task c = MarkovTask.generate(SMALL, 43);
    assertFalse(Arrays.equals(a.xTrain().data(), c.xTrain().data()));
    assertFalse(Arrays.equals(a.xTest().data(), c.xTest().data()));
    for (int l = 1; l <= 2; l++) {
      assertFalse(Arrays.equals(((BilinearScore) a.attention().layer(l).get(1).score()).w(),
          ((BilinearScore) c.attention().layer(l).get(1).score()).w()), "blank head, layer " + l);
    }
  }

  @Test
  void subStreamsFollowTheDocumentedSplitOrder() {
    Task task = MarkovTask.generate(SMALL, 44);
    MarkovTask.Streams s = MarkovTask.Streams.of(44);
    MarkovChainSampler sampler = new MarkovChainSampler(SMALL);
    assertArrayEquals(sampler.sample(SMALL.trainSize(), s.train()).x().data(), task.xTrain().data());
    assertArrayEquals(sampler.sample(SMALL.testSize(), s.test()).x().data(), task.xTest().data());
    assertArrayEquals(MarkovHeads.weights(MarkovHeadKind.BLANK, SMALL, s.layer1().split()),
        ((BilinearScore) task.attention().layer(1).get(1).score()).w());
    assertArrayEquals(MarkovHeads.weights(MarkovHeadKind.BLANK, SMALL, s.layer2().split()),
        ((BilinearScore) task.attention().layer(2).get(1).score()).w());
    // Independent streams: the training set and the heads do not depend on the test size.
    Task other = MarkovTask.generate(SMALL.withTestSize(2), 44);
    assertArrayEquals(task.xTrain().data(), other.xTrain().data());
    assertSameHeads(task.attention(), other.attention());
  }
}
