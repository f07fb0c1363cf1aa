package org.attnpaths.theory.model;

import java.util.Locale;

/** Which query column of the last layer feeds the readout (spec §2.3). */
public enum Readout {
  /** Last token t* = T_tok − 1 (Markov task). */
  LAST,
  /** First token t* = 0. */
  FIRST,
  /** The last layer's attention averaged over the query index (image task). */
  AVERAGE;

  /** Parses {@code last|first|average} (also the reference names {@code last_token} etc.). */
  public static Readout parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "last", "last_token" -> LAST;
      case "first", "first_token" -> FIRST;
      case "average", "average_pooling", "mean" -> AVERAGE;
      default -> throw new IllegalArgumentException(
          "readout: expected last, first or average, got '" + text + "'");
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
