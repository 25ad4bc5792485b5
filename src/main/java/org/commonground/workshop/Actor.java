package org.commonground.workshop;

import java.util.Objects;

/** Who sends a command, as the server authenticated them. */
public record Actor(String participantId, Role role) {
  public Actor {
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(role, "role");
  }

  public boolean isFacilitator() { return role == Role.FACILITATOR; }
}
