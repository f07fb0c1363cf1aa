package org.attnpaths.simulation.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainRunnerTest {

  private static ChainSamples run(Sampler sampler, RunSettings settings) {
    return ChainRunner.run(sampler, c -> Targets.correlated2d(), InitialState.uniform(2, 2.0),
        c -> SampleFunctional.coordinates(2), settings);
  }

  @Test
  void sameSeedGivesTheSameSamplesWhateverTheThreadCount() {
    for (Sampler sampler : List.of(HamiltonianMonteCarlo.defaults(),
        LangevinDynamics.metropolisAdjusted(0.1), LangevinDynamics.unadjusted(0.05))) {
      RunSettings settings = new RunSettings(5, 100, 50, 2, 41, 1);
      ChainSamples one = run(sampler, settings);
      ChainSamples three = run(sampler, settings.withThreads(3));
      ChainSamples auto = run(sampler, settings.withThreads(0));
      assertTrue(Arrays.deepEquals(one.values(), three.values()), sampler.toString());
      assertTrue(Arrays.deepEquals(one.values(), auto.values()), sampler.toString());
      assertEquals(one.statistics(), three.statistics());
    }
  }

  @Test
  void everyTransitionIsCountedAndCountingChangesNoSample() {
    // 3 chains × (40 burn-in + 7 × thin 3) transitions, counted from 2 threads.
    java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
    RunSettings settings = new RunSettings(3, 40, 7, 3, 46, 2);
    ChainSamples counted = ChainRunner.run(HamiltonianMonteCarlo.defaults(),
        c -> Targets.correlated2d(), InitialState.uniform(2, 2.0),
        c -> SampleFunctional.coordinates(2), settings, count::incrementAndGet);
    assertEquals(3 * (40 + 7 * 3), count.get());
    assertTrue(Arrays.deepEquals(run(HamiltonianMonteCarlo.defaults(), settings).values(),
        counted.values()));
  }

  @Test
  void chainsAreDistinctAndSeedsMatter() {
    ChainSamples a = run(HamiltonianMonteCarlo.defaults(), RunSettings.of(2, 50, 20, 42));
    ChainSamples b = run(HamiltonianMonteCarlo.defaults(), RunSettings.of(2, 50, 20, 43));
    assertFalse(Arrays.equals(a.values()[0][19], a.values()[1][19]));
    assertFalse(Arrays.equals(a.values()[0][19], b.values()[0][19]));
  }

  @Test
  void moreChainsKeepTheFirstChainsSamples() {
    // Streams are split in chain order, so chain c depends only on (seed, c).
    ChainSamples two = run(LangevinDynamics.metropolisAdjusted(0.1), RunSettings.of(2, 50, 20, 44));
    ChainSamples four =
        run(LangevinDynamics.metropolisAdjusted(0.1), RunSettings.of(4, 50, 20, 44));
    assertArrayEquals(two.values()[1][19], four.values()[1][19], 0.0);
  }

  @Test
  void burnInAndThinningShapeTheRecord() {
    ChainSamples s = run(HamiltonianMonteCarlo.defaults(), new RunSettings(3, 40, 7, 3, 45, 0));
    assertEquals(3, s.values().length);
    assertEquals(7, s.values()[0].length);
    assertEquals(2, s.size());
    for (ChainStatistics c : s.statistics()) {
      assertEquals(40, c.warmUpTransitions());
      assertEquals(21, c.transitions());
    }
    assertEquals(s.values()[2][4][1], s.component(1)[2][4], 0.0);
  }

  @Test
  void thinnedSamplesAreEveryThinthTransition() {
    // ULA with η fixed: a run with thin 3 records transitions 3, 6, 9, … of the unthinned run.
    Sampler ula = LangevinDynamics.unadjusted(0.05);
    ChainSamples thin1 = run(ula, new RunSettings(1, 10, 30, 1, 46, 0));
    ChainSamples thin3 = run(ula, new RunSettings(1, 10, 10, 3, 46, 0));
    for (int s = 0; s < 10; s++) {
      assertArrayEquals(thin1.values()[0][3 * s + 2], thin3.values()[0][s], 0.0);
    }
  }

  @Test
  void aFailingChainIsReportedWithItsIndex() {
    Potential nan = new Potential() {
      @Override public int dimension() {
        return 1;
      }

      @Override public double valueAndGradient(double[] theta, double[] gradOut) {
        gradOut[0] = theta[0];
        return Math.abs(theta[0]) > 50 ? Double.NaN : 0.5 * theta[0] * theta[0];
      }
    };
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ChainRunner.run(LangevinDynamics.unadjusted(3.0), c -> nan,
            InitialState.fixed(new double[] {1.0}), c -> SampleFunctional.coordinates(1),
            RunSettings.of(2, 0, 1000, 47)));
    assertTrue(e.getMessage().startsWith("chain 0 failed"), e.getMessage());
  }

  @Test
  void rejectsBadRunSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RunSettings(0, 10, 10, 1, 1, 0));
    assertEquals("chains: expected >= 1, got 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new RunSettings(1, 10, 10, 0, 1, 0));
  }
}
