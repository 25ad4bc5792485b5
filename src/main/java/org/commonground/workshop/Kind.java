package org.commonground.workshop;

import java.util.Locale;

/**
 * What a contribution is: an idea, a question, a take-home message, a parking-lot item, or a story of
 * lived experience (allowed wherever an idea is, and treated like one: themed, voted on, reported).
 */
public enum Kind {
  IDEA, QUESTION, TAKEAWAY, PARKING, STORY;

  public String wire() { return name().toLowerCase(Locale.ROOT); }

  public static Kind fromWire(String s) {
    for (Kind k : values()) if (k.wire().equals(s)) return k;
    return null;
  }
}
