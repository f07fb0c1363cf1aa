package org.attnpaths.theory.task.markov;

import java.util.Locale;

/** The designed W-style heads of the Markov task (spec §9.1); see {@link MarkovHeads}. */
public enum MarkovHeadKind {
  /** Query t attends token t−1 if it is in the same hidden state, else BOS ("detects repeats"). */
  SAME_TOKEN,
  /** Like {@link #SAME_TOKEN} with the feature block negated (attends t−1 on a switch). */
  DIFFERENT_TOKEN,
  /** Exactly uniform attention over all T_tok tokens. */
  UNIFORM,
  /** W = 0 plus random perturbations ("random" head); exactly uniform when unperturbed. */
  BLANK;

  /**
   * Parses {@code same_token|different_token|uniform|blank}; the reference name
   * {@code uniform_attention} is accepted for {@link #UNIFORM}.
   */
  public static MarkovHeadKind parse(String text) {
    if (text == null) throw new IllegalArgumentException("head kind: expected text, got null");
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "same_token" -> SAME_TOKEN;
      case "different_token" -> DIFFERENT_TOKEN;
      case "uniform", "uniform_attention" -> UNIFORM;
      case "blank" -> BLANK;
      default -> throw new IllegalArgumentException(
          "head kind: expected same_token, different_token, uniform or blank, got '" + text + "'");
    };
  }

  /** The name used on the command line and as {@link org.attnpaths.theory.model.AttentionHead#name()}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
