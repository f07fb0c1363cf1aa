package org.attnpaths.theory.saddle;

import org.attnpaths.theory.action.OrderParameters;
import org.attnpaths.theory.model.Architecture;

/**
 * A solution of the saddle-point equations (spec §5.3) with its certificate.
 *
 * @param action S at the solution (spec §5.2, not divided by N_max)
 */
public record SaddlePoint(Architecture architecture, OrderParameters orderParameters,
    double action, Certificate certificate) {}
