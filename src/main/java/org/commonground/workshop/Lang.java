package org.commonground.workshop;

import java.util.Locale;

/**
 * The languages the service speaks: English and Welsh (Cymraeg), as in England and Wales. A workshop has
 * one (its agenda's words, the ladder poll, the default facilitator name); a contribution may have one
 * (detected from its words, so clients can mark Welsh text for screen readers).
 */
public enum Lang {
  EN, CY;

  public static final String WIRE_WORDS = "en or cy";

  public String wire() { return name().toLowerCase(Locale.ROOT); }

  /** The language a wire word names ("en", "cy"; any case), or null. */
  public static Lang fromWire(String s) {
    if (s == null) return null;
    for (Lang l : values()) if (l.wire().equalsIgnoreCase(s.strip())) return l;
    return null;
  }

  /** Picks the text for this language. */
  public String pick(String en, String cy) { return this == CY ? cy : en; }
}
