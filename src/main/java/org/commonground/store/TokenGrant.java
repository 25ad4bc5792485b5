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

  /** Reads {@code participantId|ROLE}, with {@code |firstSeq} once the token has been welcomed. */
  static TokenGrant parse(String workshopId, String stored) {
    String[] parts = stored.split("\\|", 3);
    return new TokenGrant(workshopId, parts[0], Role.valueOf(parts[1]));
  }

  /** The log's seq when the token was first welcomed (0 before that). */
  static long firstWelcomedAt(String stored) {
    String[] parts = stored.split("\\|", 3);
    return parts.length < 3 ? 0 : Long.parseLong(parts[2]);
  }
}
