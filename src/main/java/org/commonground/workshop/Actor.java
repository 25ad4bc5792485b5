package org.commonground.workshop;

import java.util.Objects;

/** Who sends a command, as the server authenticated them. */
public record Actor(String participantId, Role role) {
  public Actor {
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(role, "role");
  }

  /** The server itself, recording what it computed (suggestions, placement help). */
  public static final Actor SERVER = new Actor("server", Role.FACILITATOR);

  public boolean isFacilitator() { return role == Role.FACILITATOR; }

  public boolean isServer() { return equals(SERVER); }
}
