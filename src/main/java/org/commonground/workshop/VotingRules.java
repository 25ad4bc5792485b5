package org.commonground.workshop;

import java.util.List;
import java.util.Map;
import org.commonground.workshop.ParticipationCommands.VoteCast;
import org.commonground.workshop.ParticipationCommands.VoteRetract;
import org.commonground.workshop.Event.VotesChanged;

/**
 * Dot voting on themes and contributions: each participant has {@code votesPerParticipant} votes for
 * the whole workshop and may put several on one target. Events carry totals only, and no {@code by}:
 * nobody learns who voted for what.
 */
final class VotingRules {
  private VotingRules() {}

  static Decision decide(WorkshopState s, Command cmd, Actor actor) {
    if (cmd instanceof VoteCast c) return cast(s, c.targetId(), actor);
    if (cmd instanceof VoteRetract r) return retract(s, r.targetId(), actor);
    return null;
  }

  private static Decision cast(WorkshopState s, String targetId, Actor actor) {
    if (!Workshop.allowed(s, actor, Allow.VOTE)) return Decision.reject(Code.PHASE_CLOSED, "voting is not open in this phase");
    Integer total = totalOf(s, targetId);
    if (total == null) return Decision.reject(Code.NOT_FOUND, "nothing to vote for with that id");
    int budget = s.settings().votesPerParticipant();
    int used = s.votesUsed(actor.participantId());
    if (used >= budget) {
      return Decision.reject(Code.LIMIT, "you have used all your " + budget + " votes; take one back to move it");
    }
    return Decision.accept(Map.of("remaining", budget - used - 1),
        new Emitted(null, new VotesChanged(targetId, actor.participantId(), 1, total + 1)));
  }

  private static Decision retract(WorkshopState s, String targetId, Actor actor) {
    if (!Workshop.allowed(s, actor, Allow.VOTE)) return Decision.reject(Code.PHASE_CLOSED, "voting is not open in this phase");
    // A vote on a contribution hidden since may still be taken back, to be spent elsewhere.
    Contribution hidden = s.contributions().get(targetId);
    Integer total = hidden != null ? Integer.valueOf(hidden.votes()) : totalOf(s, targetId);
    if (total == null) return Decision.reject(Code.NOT_FOUND, "nothing to vote for with that id");
    int budget = s.settings().votesPerParticipant();
    int used = s.votesUsed(actor.participantId());
    if (s.votesOf(actor.participantId()).getOrDefault(targetId, 0) == 0) {
      return new Decision.Accepted(List.of(), Map.of("remaining", Math.max(0, budget - used)));
    }
    return Decision.accept(Map.of("remaining", Math.max(0, budget - used + 1)),
        new Emitted(null, new VotesChanged(targetId, actor.participantId(), -1, total - 1)));
  }

  /** The target's vote total, or null when there is no such visible theme or contribution. */
  private static Integer totalOf(WorkshopState s, String targetId) {
    Contribution c = s.visible(targetId);
    if (c != null) return c.votes();
    Theme t = s.themes().get(targetId);
    return t == null ? null : t.votes();
  }
}
