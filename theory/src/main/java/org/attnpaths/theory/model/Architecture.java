package org.attnpaths.theory.model;

import java.util.Collections;
import java.util.List;

/**
 * The one description of the network shared by theory and simulation (spec §1–2.4).
 *
 * @param heads H_1..H_L, each ≥ 1
 * @param widths N_1..N_L, N_a (L+1 entries): N_ℓ is the fan-in width of the layer-ℓ value maps,
 *     N_a the readout width
 * @param variances prior variances σ0², σ1²..σL², σa² (L+2 entries, all &gt; 0)
 * @param temperature Gibbs temperature T &gt; 0 (likelihood noise variance, spec §4)
 * @param readout readout rule of the last layer
 */
public record Architecture(List<Integer> heads, List<Integer> widths, List<Double> variances,
    double temperature, Readout readout) {

  public Architecture {
    heads = List.copyOf(heads);
    widths = List.copyOf(widths);
    variances = List.copyOf(variances);
    if (heads.isEmpty()) throw new IllegalArgumentException("heads: expected L >= 1 layers, got 0");
    for (int l = 0; l < heads.size(); l++) {
      if (heads.get(l) < 1) {
        throw new IllegalArgumentException(
            "heads: layer " + (l + 1) + " expected H >= 1, got " + heads.get(l));
      }
    }
    if (widths.size() != heads.size() + 1) {
      throw new IllegalArgumentException("widths: expected L+1 = " + (heads.size() + 1)
          + " entries (N_1..N_L, N_a), got " + widths.size());
    }
    for (int i = 0; i < widths.size(); i++) {
      if (widths.get(i) < 1) {
        throw new IllegalArgumentException("widths: entry " + i + " expected a positive width, got "
            + widths.get(i));
      }
    }
    if (variances.size() != heads.size() + 2) {
      throw new IllegalArgumentException("variances: expected L+2 = " + (heads.size() + 2)
          + " entries (sigma_0^2, sigma_1^2..sigma_L^2, sigma_a^2), got " + variances.size());
    }
    for (int i = 0; i < variances.size(); i++) {
      double v = variances.get(i);
      if (!(v > 0.0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException(
            "variances: entry " + i + " expected a finite value > 0, got " + v);
      }
    }
    if (!(temperature > 0.0) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("temperature: expected T > 0, got " + temperature);
    }
    if (readout == null) throw new IllegalArgumentException("readout: expected a value, got null");
  }

  /** All widths equal to {@code width}, all variances equal to {@code variance}. */
  public static Architecture uniform(List<Integer> heads, int width, double variance,
      double temperature, Readout readout) {
    return new Architecture(heads, Collections.nCopies(heads.size() + 1, width),
        Collections.nCopies(heads.size() + 2, variance), temperature, readout);
  }

  /** Number of attention layers L. */
  public int layers() {
    return heads.size();
  }

  /** H_ℓ for ℓ = 1..L. */
  public int heads(int layer) {
    return heads.get(layer - 1);
  }

  /** Number of attention paths Π = ∏ H_ℓ (spec §3.1). */
  public int paths() {
    int p = 1;
    for (int h : heads) p *= h;
    return p;
  }

  /** D_ℓ = ∏_{k=ℓ}^{L} H_k, the size of U_ℓ (spec §5.1); D_{L+1} = 1. */
  public int orderParameterSize(int layer) {
    int d = 1;
    for (int k = layer; k <= layers(); k++) d *= heads(k);
    return d;
  }

  /** N_ℓ for ℓ = 1..L+1 (N_{L+1} = N_a). */
  public int width(int layer) {
    return widths.get(layer - 1);
  }

  /** The largest width, by which the solver normalises the action (spec §5.2). */
  public int maxWidth() {
    int m = 0;
    for (int w : widths) m = Math.max(m, w);
    return m;
  }

  /** σ_ℓ² for ℓ = 0..L+1 (ℓ = L+1 is σa²). */
  public double variance(int layer) {
    return variances.get(layer);
  }

  /** Same network with every width N_1..N_L, N_a set to {@code width}. */
  public Architecture withWidth(int width) {
    return new Architecture(heads, Collections.nCopies(widths.size(), width), variances,
        temperature, readout);
  }

  /** Same network with other head counts (e.g. a head removed); widths and variances kept. */
  public Architecture withHeads(List<Integer> newHeads) {
    if (newHeads.size() != heads.size()) {
      throw new IllegalArgumentException("heads: expected " + heads.size() + " layers, got "
          + newHeads.size());
    }
    return new Architecture(newHeads, widths, variances, temperature, readout);
  }

}
