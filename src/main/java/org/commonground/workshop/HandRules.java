package org.commonground.workshop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.workshop.ParticipationCommands.FloorGive;
import org.commonground.workshop.ParticipationCommands.HandLower;
import org.commonground.workshop.ParticipationCommands.HandNext;
import org.commonground.workshop.ParticipationCommands.HandRaise;
import org.commonground.workshop.Event.FloorGiven;
import org.commonground.workshop.Event.HandsChanged;

/**
 * A fair queue of raised hands: first raised, first given the floor ({@code hand.next}); a facilitator may
 * also give the floor to anyone in the queue ({@code floor.give}) or lower anyone's hand.
 */
final class HandRules {
  private HandRules() {}

  static Decision decide(WorkshopState s, Command cmd, Actor actor) {
    String me = actor.participantId();
    if (cmd instanceof HandRaise) {
      if (!Workshop.allowed(s, actor, Allow.HAND)) return Decision.reject(Code.PHASE_CLOSED, "hands are not open in this phase");
      if (s.hands().contains(me)) return Decision.nothing();
      List<String> queue = new ArrayList<>(s.hands());
      queue.add(me);
      return Decision.accept(Map.of("position", queue.size()), new Emitted(me, new HandsChanged(queue)));
    }
    if (cmd instanceof HandLower l) {
      String whose = l.participantId() == null ? me : l.participantId();
      if (!whose.equals(me) && !actor.isFacilitator()) {
        return Decision.reject(Code.FORBIDDEN, "You can only lower your own hand. The facilitator can lower other people's.");
      }
      // A hand already down (lowered by its owner, or by another facilitator a moment ago) changes nothing.
      if (!s.hands().contains(whose)) return Decision.nothing();
      return Decision.accept(Map.of(), new Emitted(me, new HandsChanged(s.hands().minus(whose))));
    }
    if (cmd instanceof FloorGive g) {
      Decision forbidden = Workshop.facilitatorsOnly(actor, "give the floor");
      if (forbidden != null) return forbidden;
      if (!s.hands().contains(g.participantId())) {
        return Decision.reject(Code.NOT_FOUND,
            "That person does not have their hand up now. Give the floor to someone who is in the queue.");
      }
      return Decision.accept(Map.of("participantId", g.participantId()),
          new Emitted(me, new HandsChanged(s.hands().minus(g.participantId()))),
          new Emitted(me, new FloorGiven(g.participantId())));
    }
    if (cmd instanceof HandNext) {
      Decision forbidden = Workshop.facilitatorsOnly(actor, "give the floor");
      if (forbidden != null) return forbidden;
      if (s.hands().isEmpty()) return Decision.reject(Code.NOT_FOUND, "no hands are raised");
      String next = s.hands().get(0);
      return Decision.accept(Map.of("participantId", next),
          new Emitted(me, new HandsChanged(s.hands().minus(0))),
          new Emitted(me, new FloorGiven(next)));
    }
    return null;
  }
}
