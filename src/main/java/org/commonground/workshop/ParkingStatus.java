package org.commonground.workshop;

import java.util.Locale;

/** Where a parking-lot item stands: tabled, revisited later in the workshop, or handed on to an owner. */
public enum ParkingStatus {
  OPEN, REVISITED, HANDED_ON;

  public String wire() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

  public static ParkingStatus fromWire(String s) {
    for (ParkingStatus p : values()) if (p.wire().equals(s)) return p;
    return null;
  }
}
