package org.attnpaths.simulation.sampler;

import java.util.ArrayList;
import java.util.List;

/**
 * Stan's windowed warm-up for mass-matrix adaptation (Stan Reference Manual, "HMC algorithm
 * parameters: automatic parameter tuning"): an initial fast interval of 75 transitions (step size
 * only), then slow windows of 25, 50, 100, … transitions whose draws estimate the variance, the
 * last window stretched to the start of a final fast interval of 50. When the warm-up is shorter
 * than 75 + 25 + 50, the intervals are 15 %, 60 % and 25 % of it (Stan: 15 %, 75 %, 10 %; a final
 * fast interval of 10 transitions after a warm-up of 100 was too short for the step size to
 * settle after the last mass update: issue 3, N = 1000); below 20 transitions there is no mass
 * adaptation.
 */
final class WarmUpSchedule {
  private static final int INIT_BUFFER = 75;
  private static final int TERM_BUFFER = 50;
  private static final int BASE_WINDOW = 25;

  private final int slowStart;
  private final int slowEnd;
  private final List<Integer> windowEnds;

  /** @param warmUp number of warm-up transitions, ≥ 0 */
  WarmUpSchedule(int warmUp) {
    int init = INIT_BUFFER;
    int term = TERM_BUFFER;
    int base = BASE_WINDOW;
    if (warmUp < 20) {
      init = warmUp;
      term = 0;
      base = 0;
    } else if (init + term + base > warmUp) {
      init = (int) (0.15 * warmUp);
      term = (int) (0.25 * warmUp);
      base = warmUp - init - term;
    }
    slowStart = init;
    slowEnd = warmUp - term;
    windowEnds = new ArrayList<>();
    int start = slowStart;
    int size = base;
    while (size > 0 && start < slowEnd) {
      int end = start + size;
      if (end + 2 * size > slowEnd) end = slowEnd;
      windowEnds.add(end);
      start = end;
      size *= 2;
    }
  }

  /** Whether the draw after transition {@code i} (0-based) feeds the variance estimate. */
  boolean inSlowWindow(int i) {
    return i >= slowStart && i < slowEnd && !windowEnds.isEmpty();
  }

  /** Whether transition {@code i} (0-based) is the last of a slow window. */
  boolean endsWindow(int i) {
    return windowEnds.contains(i + 1);
  }

  /**
   * The first transition of the final fast window, whose (step, acceptance) pairs calibrate the
   * step size kept after warm-up ({@link StepSizeCalibration}): the end of the slow windows, or
   * half the warm-up when there is no mass adaptation (fewer than 20 transitions).
   */
  int finalWindowStart() {
    return windowEnds.isEmpty() ? slowEnd / 2 : slowEnd;
  }

  /** The exclusive end of each slow window, in transitions; a copy. */
  List<Integer> windowEnds() {
    return List.copyOf(windowEnds);
  }
}
