package org.commonground.workshop;

import java.util.Locale;

/** What a contribution is: an idea, a question, a take-home message, or a parking-lot item. */
public enum Kind {
  IDEA, QUESTION, TAKEAWAY, PARKING;

  public String wire() { return name().toLowerCase(Locale.ROOT); }

  public static Kind fromWire(String s) {
    for (Kind k : values()) if (k.wire().equals(s)) return k;
    return null;
  }
}
