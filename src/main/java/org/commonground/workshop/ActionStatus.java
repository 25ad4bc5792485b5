package org.commonground.workshop;

import java.util.Locale;

/** Where an action stands. Open and in-progress ones are still to do, so they go on to the next meeting. */
public enum ActionStatus {
  OPEN, IN_PROGRESS, DONE, NOT_POSSIBLE;

  public String wire() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

  /** Whether an action in this state is carried to the next meeting of a series. */
  public boolean carries() { return this == OPEN || this == IN_PROGRESS; }

  public static ActionStatus fromWire(String s) {
    for (ActionStatus a : values()) if (a.wire().equals(s)) return a;
    return null;
  }
}
