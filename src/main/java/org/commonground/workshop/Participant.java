package org.commonground.workshop;

import java.util.Objects;

/** Someone in a workshop. {@code group} is a stakeholder group id, or null. */
public record Participant(String id, String name, Role role, String group) {
  public Participant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }
}
