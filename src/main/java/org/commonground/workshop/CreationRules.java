package org.commonground.workshop;

import java.util.Map;

/** Creating a workshop: seq 1 of its log, with the facilitator who created it as its first participant. */
final class CreationRules {
  /** The creating facilitator's participant id: the first of every workshop. */
  static final String FIRST_PARTICIPANT = Workshop.CREATOR_ID;

  private CreationRules() {}

  static Decision decide(WorkshopState s, Command.Create c, Actor actor, long now) {
    if (!actor.isServer() && !(FIRST_PARTICIPANT.equals(actor.participantId()) && actor.isFacilitator())) {
      return Decision.reject(Code.FORBIDDEN, "only the server creates workshops");
    }
    // As for every command, an ended workshop answers ENDED.
    if (s.status() == WorkshopState.Status.ENDED) return Decision.reject(Code.ENDED, "this workshop has ended");
    if (s.exists()) return Decision.reject(Code.INVALID, "this workshop already exists");
    if (c.phases().isEmpty()) return Decision.reject(Code.INVALID, "a workshop needs at least one phase");
    Participant facilitator = new Participant(FIRST_PARTICIPANT, c.facilitatorName(), Role.FACILITATOR, null);
    Event.WorkshopCreated created = new Event.WorkshopCreated(c.workshopId(), c.title(), c.joinCode(), c.settings(),
        c.phases(), facilitator, now);
    return Decision.accept(Map.of("workshopId", c.workshopId()), new Emitted(FIRST_PARTICIPANT, created));
  }
}
