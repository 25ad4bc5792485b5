package org.commonground.store;

import java.util.Objects;
import org.commonground.workshop.Role;

/** What a token lets its bearer be: one participant of one workshop, in one role. */
public record TokenGrant(String workshopId, String participantId, Role role) {
  public TokenGrant {
    Objects.requireNonNull(workshopId, "workshopId");
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(role, "role");
  }

  /** The participant id displays speak as: displays are not participants. */
  public static final String DISPLAY_ID = "display";

  String stored() { return participantId + "|" + role.name(); }

  static TokenGrant parse(String workshopId, String stored) {
    int bar = stored.indexOf('|');
    return new TokenGrant(workshopId, stored.substring(0, bar), Role.valueOf(stored.substring(bar + 1)));
  }
}
