package org.attnpaths.theory.model;

/** How scores become attention weights over keys (spec §2.2). */
public enum Normalisation {
  /** Ω_st = exp(S_st) / Σ_s' exp(S_s't), with the column maximum subtracted first. */
  SOFTMAX,
  /** One-hot at argmax over keys s (first maximum on ties). */
  HARDMAX
}
