package org.commonground.workshop;

import java.util.Objects;

/** Where a carried item came from: the meeting before, and its id there. */
public record CarriedFrom(String workshopId, String id) {
  public CarriedFrom {
    Objects.requireNonNull(workshopId, "workshopId");
    Objects.requireNonNull(id, "id");
  }
}
