package org.commonground.workshop;

/** Who a connection or token speaks for. */
public enum Role {
  FACILITATOR, PARTICIPANT, DISPLAY;

  public String wire() { return name().toLowerCase(java.util.Locale.ROOT); }
}
