package org.commonground.workshop;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that happened to a workshop, with all the server knows (anonymous authors included).
 * The protocol layer decides what of it a client sees; {@link #name()} is the wire name.
 */
public sealed interface Event {
  String name();

  /** seq 1 of every workshop: its definition. An extension (docs/protocol.md). */
  record WorkshopCreated(String id, String title, String joinCode, Settings settings, List<PhaseDef> phases,
                         Participant facilitator, long createdAt) implements Event {
    public WorkshopCreated {
      Objects.requireNonNull(id, "id");
      phases = List.copyOf(phases);
      if (phases.isEmpty()) throw new IllegalArgumentException("a workshop needs at least one phase");
    }
    public String name() { return "workshop.created"; }
  }

  record ParticipantJoined(Participant participant) implements Event {
    public String name() { return "participant.joined"; }
  }

  record ContributionAdded(Contribution contribution) implements Event {
    public String name() { return "contribution.added"; }
  }

  record ContributionUpdated(Contribution contribution) implements Event {
    public String name() { return "contribution.updated"; }
  }

  /** {@code hidden}: a facilitator hid it (it can come back); otherwise its author withdrew it for good. */
  record ContributionRemoved(String id, boolean hidden, String reason) implements Event {
    public String name() { return "contribution.removed"; }
  }

  record ContributionReacted(String id, String reaction, String participantId, boolean on,
                             Map<String, Set<String>> reactedBy) implements Event {
    public ContributionReacted {
      reactedBy = Map.copyOf(reactedBy);
    }
    public String name() { return "contribution.reacted"; }
  }
}
