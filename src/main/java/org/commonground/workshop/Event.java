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

  /** The agenda moved, started, paused, resumed or had its time changed. */
  record PhaseChanged(PhaseState phase) implements Event {
    public String name() { return "phase.changed"; }
  }

  /** Title, settings or status changed; carries the whole workshop as clients see it. */
  record WorkshopUpdated(String id, String title, String joinCode, WorkshopState.Status status, Settings settings)
      implements Event {
    public String name() { return "workshop.updated"; }
  }

  /** Who is ready now (kept on the server; clients get the count only). */
  record ReadyChanged(Set<String> ready) implements Event {
    public ReadyChanged {
      ready = Set.copyOf(ready);
    }
    public String name() { return "ready.changed"; }
  }

  /** {@code participantId} moved {@code delta} votes on the target, which now has {@code votes} in all. */
  record VotesChanged(String targetId, String participantId, int delta, int votes) implements Event {
    public String name() { return "votes.changed"; }
  }

  record PollOpened(Poll poll) implements Event {
    public String name() { return "poll.opened"; }
  }

  /** Every answer to the poll now (who chose what stays on the server). */
  record PollTallied(String pollId, Map<String, Integer> answers, List<Integer> counts) implements Event {
    public PollTallied {
      answers = Map.copyOf(answers);
      counts = List.copyOf(counts);
    }
    public String name() { return "poll.tallied"; }
  }

  record PollClosed(Poll poll) implements Event {
    public String name() { return "poll.closed"; }
  }

  record HandsChanged(List<String> queue) implements Event {
    public HandsChanged {
      queue = List.copyOf(queue);
    }
    public String name() { return "hands.changed"; }
  }

  record FloorGiven(String participantId) implements Event {
    public String name() { return "floor.given"; }
  }

  /** {@code spotlight} null: nothing is spotlit. */
  record SpotlightChanged(Spotlight spotlight) implements Event {
    public String name() { return "spotlight.changed"; }
  }

  record ParticipantRemoved(String id) implements Event {
    public String name() { return "participant.removed"; }
  }

  record WorkshopEnded(long endedAt) implements Event {
    public String name() { return "workshop.ended"; }
  }

  // ---------------------------------------------------------------- themes

  /** A theme with its contributions; each of them leaves any other theme it was in. */
  record ThemeCreated(Theme theme) implements Event {
    public String name() { return "theme.created"; }
  }

  record ThemeUpdated(Theme theme) implements Event {
    public String name() { return "theme.updated"; }
  }

  /** The theme is gone; its contributions are unthemed; votes on it go back to their voters. */
  record ThemeRemoved(String id) implements Event {
    public String name() { return "theme.removed"; }
  }

  /** {@code themeId} null: out of any theme. */
  record ContributionMoved(String id, String themeId) implements Event {
    public String name() { return "contribution.moved"; }
  }

  /**
   * The current suggestions (replacing any before), each with its id. Suggestions stored before ids existed
   * have none; they are numbered here by position ({@code s0-1}, {@code s0-2}, …), the same on every node.
   */
  record ThemesSuggested(List<SuggestedGroup> suggestions) implements Event {
    public ThemesSuggested {
      List<SuggestedGroup> numbered = new java.util.ArrayList<>(suggestions.size());
      for (SuggestedGroup g : suggestions) {
        numbered.add(g.id() != null ? g : g.withId("s0-" + (numbered.size() + 1)));
      }
      suggestions = List.copyOf(numbered);
    }
    public String name() { return "themes.suggested"; }
  }

  /** Placement help for unthemed contributions: for each changed one, the themes that fit it best (empty: none). */
  record PlacementUpdated(Map<String, List<String>> fits) implements Event {
    public PlacementUpdated {
      fits = Map.copyOf(fits);
    }
    public String name() { return "placement.updated"; }
  }

  // ---------------------------------------------------------------- actions and series

  record ActionAdded(Action action) implements Event {
    public String name() { return "action.added"; }
  }

  record ActionUpdated(Action action) implements Event {
    public String name() { return "action.updated"; }
  }

  /** What this meeting knows of its series now (the whole of it). */
  record SeriesUpdated(Series series) implements Event {
    public String name() { return "series.updated"; }
  }

  /**
   * Follows the {@code contribution.added} of each carried contribution: where each came from (by its id
   * here), and the actions carried, each with its id here.
   */
  record ItemsCarried(Map<String, CarriedFrom> contributions, List<Action> actions) implements Event {
    public ItemsCarried {
      contributions = Map.copyOf(contributions);
      actions = List.copyOf(actions);
    }
    public String name() { return "items.carried"; }
  }
}
