package org.attnpaths.theory.action;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §11.3: GP stationarity of the entropy and the U_a quadratic. */
class EntropyOraclesTest {

  @ParameterizedTest
  @CsvSource({"1, 1.0", "2, 0.7", "3, 1.6"})
  void entropyGradientVanishesAtGpValue(int layers, double variance) {
    List<Integer> heads = layers == 1 ? List.of(3) : layers == 2 ? List.of(2, 3) : List.of(2, 2, 3);
    // Unequal variances per layer, equal widths (the GP point needs N_L = N_a, spec §5.5).
    List<Double> vars = new java.util.ArrayList<>();
    for (int l = 0; l < layers + 2; l++) vars.add(variance * (1.0 + 0.3 * l));
    Architecture arch = new Architecture(heads, java.util.Collections.nCopies(layers + 1, 40),
        vars, 0.1, Readout.LAST);
    List<DMatrixRMaj> u = GpLimit.matrices(arch);
    assertEquals(arch.variance(layers + 1),
        ScalarOrderParameter.solve(arch, org.ejml.dense.row.CommonOps_DDRM.trace(u.get(layers - 1))),
        1e-12, "U_a at the GP value");
    List<DMatrixRMaj> g = new PackedSymmetric(arch).zeros();
    new Entropy(arch).evaluate(u, g);
    assertEquals(0.0, PackedSymmetric.maxAbs(g), 1e-10, "max |entropy gradient| at U_GP");
  }

  @Test
  void scalarOrderParameterSolvesItsQuadratic() {
    Architecture arch = new Architecture(List.of(2, 3), List.of(10, 30, 17),
        List.of(1.0, 1.4, 0.6, 2.2), 0.01, Readout.LAST);
    for (double tr : new double[] {1e-3, 0.5, 3.0, 1e4}) {
      double b = ScalarOrderParameter.linearCoefficient(arch);
      double c = ScalarOrderParameter.constant(arch, tr);
      double ua = ScalarOrderParameter.solve(arch, tr);
      assertEquals(0.0, ua * ua + b * ua - c, 1e-12 * Math.max(1.0, c), "residual at Tr=" + tr);
      assertEquals(2.2 * (3.0 * 30 / 17 - 1.0), b, 1e-12);
    }
    // Equal widths: b = σa²(H_L − 1) (spec §11.3).
    Architecture equal = arch.withWidth(50);
    assertEquals(2.2 * (3 - 1), ScalarOrderParameter.linearCoefficient(equal), 1e-12);
  }
}
