package org.commonground.workshop;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** One agenda item as planned. */
public record PhaseDef(int index, String title, int minutes, String prompt, Set<Allow> allow) {
  public PhaseDef {
    Checks.range("phase index", index, 0, 49);
    title = Checks.text("phase title", title, 200);
    Checks.range("phase minutes", minutes, 0, 24 * 60);
    if (prompt != null) prompt = prompt.isBlank() ? null : Checks.text("phase prompt", prompt, 1000);
    Objects.requireNonNull(allow, "allow");
    allow = allow.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allow));
  }
}
