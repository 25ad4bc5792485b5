package org.commonground.workshop;

import java.util.List;
import java.util.Locale;
import org.pcollections.OrderedPMap;

/**
 * A workshop as of some seq. Immutable: {@link Workshop#apply} returns a new state sharing
 * structure with the old one (persistent maps), so a replica can hand a state to a renderer
 * while the next event is applied.
 *
 * <p>{@code nextParticipant} and {@code nextContribution} make ids deterministic: every node that
 * decides against the same seq mints the same id, and the store's expected-seq check makes the
 * decision unique.
 */
public record WorkshopState(
    String id,
    String title,
    String joinCode,
    Status status,
    Settings settings,
    List<PhaseDef> phases,
    PhaseState phase,
    OrderedPMap<String, Participant> participants,
    OrderedPMap<String, Contribution> contributions,
    int nextParticipant,
    int nextContribution,
    long createdAt) {

  public enum Status {
    LOBBY, RUNNING, ENDED;

    public String wire() { return name().toLowerCase(Locale.ROOT); }
  }

  /** The state before seq 1: nothing exists yet. */
  public static WorkshopState empty(String id) {
    return new WorkshopState(id, "", "", Status.LOBBY, Settings.DEFAULTS, List.of(), null,
        OrderedPMap.empty(), OrderedPMap.empty(), 1, 1, 0);
  }

  public boolean exists() { return !phases.isEmpty(); }

  public PhaseDef currentPhase() { return phases.get(phase.index()); }

  public long participantCount() {
    return participants.values().stream().filter(p -> p.role() == Role.PARTICIPANT).count();
  }

  WorkshopState with(OrderedPMap<String, Participant> ps, int nextP) {
    return new WorkshopState(id, title, joinCode, status, settings, phases, phase, ps, contributions, nextP,
        nextContribution, createdAt);
  }

  WorkshopState withContributions(OrderedPMap<String, Contribution> cs, int nextC) {
    return new WorkshopState(id, title, joinCode, status, settings, phases, phase, participants, cs,
        nextParticipant, nextC, createdAt);
  }
}
