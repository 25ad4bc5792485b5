package org.commonground.workshop;

import java.util.Objects;

/**
 * An event as decided, with the public {@code by}: the actor, or null where the act concerns an
 * anonymous contribution, so that no later event reveals who wrote it.
 */
public record Emitted(String by, Event event) {
  public Emitted {
    Objects.requireNonNull(event, "event");
  }
}
