package org.commonground.workshop;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What participants may do in a phase; facilitators may always. */
public enum Allow {
  CONTRIBUTE, GROUP, VOTE, REACT, POLL, HAND;

  public String wire() { return name().toLowerCase(Locale.ROOT); }

  public static Allow fromWire(String s) {
    for (Allow a : values()) if (a.wire().equals(s)) return a;
    return null;
  }

  /** The protocol's default for a phase that names no {@code allow}: everything but voting. */
  public static Set<Allow> defaults() { return EnumSet.complementOf(EnumSet.of(VOTE)); }
}
