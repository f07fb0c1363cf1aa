package org.attnpaths.simulation.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DualAveragingTest {

  @Test
  void convergesToTheStepSizeWithTheTargetAcceptance() {
    // Deterministic acceptance α(ε) = e^{−ε}: the target δ = 0.8 is met at ε* = ln 1.25 = 0.2231.
    // The averaged iterate converges slowly (weights t^{−3/4}): after 2000 updates ε̄ is within
    // 2 % of ε* (1.3 % observed).
    DualAveraging da = new DualAveraging(0.8, 1.0);
    double eps = 1.0;
    for (int t = 0; t < 2000; t++) eps = da.update(Math.exp(-eps));
    assertEquals(Math.log(1.25), da.averagedStepSize(), 0.02 * Math.log(1.25));
  }

  @Test
  void restartForgetsThePast() {
    DualAveraging da = new DualAveraging(0.8, 1.0);
    for (int t = 0; t < 50; t++) da.update(0.0);
    da.restart(0.5);
    // first update after a restart: H̄ = (δ − α)/(1 + t₀), log ε = log(10·0.5) − H̄/γ
    double eps = da.update(0.8);
    assertEquals(5.0, eps, 1e-12);
    assertEquals(5.0, da.averagedStepSize(), 1e-12);
  }

  @Test
  void stanWindowsForAThousandWarmUpTransitions() {
    // Stan's documented windows for 1000 warm-up iterations: 75 fast, slow windows ending at
    // 100, 150, 250, 450 and 950 (the last stretched), 50 fast.
    assertEquals(List.of(100, 150, 250, 450, 950), new WarmUpSchedule(1000).windowEnds());
    // short warm-up: 15 % / 60 % / 25 % (Stan: 10 % final) → one window [15, 75), final window
    // from 75
    assertEquals(List.of(75), new WarmUpSchedule(100).windowEnds());
    assertEquals(75, new WarmUpSchedule(100).finalWindowStart());
    assertEquals(950, new WarmUpSchedule(1000).finalWindowStart());
    assertEquals(List.of(), new WarmUpSchedule(19).windowEnds());
    assertEquals(9, new WarmUpSchedule(19).finalWindowStart());
    WarmUpSchedule s = new WarmUpSchedule(1000);
    assertEquals(false, s.inSlowWindow(74));
    assertEquals(true, s.inSlowWindow(75));
    assertEquals(true, s.endsWindow(99));
    assertEquals(false, s.inSlowWindow(950));
  }
}
