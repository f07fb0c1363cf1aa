package org.attnpaths.theory.action;

import org.attnpaths.theory.model.Architecture;

/**
 * U_a in closed form (spec §5.3): the positive root of U_a² + b·U_a − c = 0 with
 * b = σa²(H_L N_L/N_a − 1), c = σa² N_L Tr(U_L)/(N_a σ_L²). Recomputed from U_L at every
 * evaluation, so ∂S/∂U_L at fixed U_a is the total derivative (envelope theorem).
 */
public final class ScalarOrderParameter {
  private ScalarOrderParameter() {}

  /** b of the quadratic. */
  public static double linearCoefficient(Architecture arch) {
    int l = arch.layers();
    return arch.variance(l + 1) * ((double) arch.heads(l) * arch.width(l) / arch.width(l + 1) - 1.0);
  }

  /** c of the quadratic, for a given Tr(U_L). */
  public static double constant(Architecture arch, double traceUL) {
    int l = arch.layers();
    return arch.variance(l + 1) * arch.width(l) * traceUL / (arch.width(l + 1) * arch.variance(l));
  }

  /**
   * @return U_a, or NaN when Tr(U_L) ≤ 0 (no positive root; U_L is then not PD anyway)
   */
  public static double solve(Architecture arch, double traceUL) {
    double b = linearCoefficient(arch);
    double c = constant(arch, traceUL);
    if (!(c > 0.0)) return Double.NaN;
    double disc = Math.sqrt(b * b + 4.0 * c);
    // Two algebraically equal forms of the positive root; pick the one without cancellation.
    return b > 0.0 ? 2.0 * c / (b + disc) : 0.5 * (disc - b);
  }
}
