package org.commonground.workshop;

import static org.commonground.workshop.Allow.CONTRIBUTE;
import static org.commonground.workshop.Allow.GROUP;
import static org.commonground.workshop.Allow.HAND;
import static org.commonground.workshop.Allow.POLL;
import static org.commonground.workshop.Allow.REACT;
import static org.commonground.workshop.Allow.VOTE;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** The built-in agendas PROTOCOL.md names. */
public final class Templates {
  private Templates() {}

  public static final String DEFAULT = "icic-3-phase";

  public static Optional<List<PhaseDef>> named(String name) {
    return switch (name) {
      case "icic-3-phase" -> Optional.of(List.of(
          new PhaseDef(0, "Preparing the ground", 10, null, EnumSet.of(CONTRIBUTE, REACT, HAND, POLL)),
          new PhaseDef(1, "Transformational exploration", 30, null, EnumSet.of(CONTRIBUTE, REACT, HAND, POLL, GROUP)),
          new PhaseDef(2, "Tracking themes and learning points", 20, null,
              EnumSet.of(CONTRIBUTE, REACT, HAND, POLL, GROUP, VOTE))));
      case "reflective-practice" -> Optional.of(List.of(
          new PhaseDef(0, "Check-in", 10, null, Allow.defaults()),
          new PhaseDef(1, "Presenting a dilemma", 15, null, Allow.defaults()),
          new PhaseDef(2, "Reflecting together", 30, null, Allow.defaults()),
          new PhaseDef(3, "Learning and check-out", 15, null, Allow.defaults())));
      default -> Optional.empty();
    };
  }
}
