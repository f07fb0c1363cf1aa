package org.attnpaths.theory.saddle;

import java.util.List;
import org.attnpaths.theory.action.Action;
import org.ejml.data.DMatrixRMaj;

/** Finds the minimum of the action (the saddle point of spec §5.3) from a starting point. */
public interface SaddlePointSolver {

  /**
   * @param action the action at a fixed architecture and data set
   * @param start U_1..U_L inside the positive-definite cone (e.g. the GP value), not modified
   * @return the solution with its certificate; a solve that does not converge is returned with
   *     {@code certificate().converged() == false} and a message, never thrown away
   */
  SaddlePoint solve(Action action, List<DMatrixRMaj> start);

  /** The solver for the options. */
  static SaddlePointSolver of(SolverOptions options) {
    return switch (options.method()) {
      case NEWTON -> new NewtonSolver(options);
      case ADAM -> new AdamSolver(options);
    };
  }
}
