package org.commonground.workshop;

import java.util.Objects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.workshop.Command.Join;
import org.commonground.workshop.Command.NewJoinCode;
import org.commonground.workshop.Command.ParticipantRemove;
import org.commonground.workshop.Command.SpotlightSet;
import org.commonground.workshop.Command.WorkshopEnd;
import org.commonground.workshop.Command.WorkshopUpdate;
import org.commonground.workshop.Event.HandsChanged;
import org.commonground.workshop.Event.ParticipantJoined;
import org.commonground.workshop.Event.ParticipantRemoved;
import org.commonground.workshop.Event.ReadyChanged;
import org.commonground.workshop.Event.SpotlightChanged;
import org.commonground.workshop.Event.WorkshopEnded;
import org.commonground.workshop.Event.WorkshopUpdated;

/** Who is in the workshop, what the display spotlights, the workshop's settings and its end. */
final class FacilitationRules {
  private FacilitationRules() {}

  /** Pinned wording (docs/protocol.md): the join form shows it as it is. */
  static final String LOCKED_MESSAGE = "This workshop is not letting new people join just now. Ask the facilitator.";

  static Decision decide(WorkshopState s, Command cmd, Actor actor, long now) {
    if (cmd instanceof Join j) return join(s, j, actor);
    if (cmd instanceof SpotlightSet sp) return spotlight(s, sp, actor);
    if (cmd instanceof ParticipantRemove r) return remove(s, r, actor);
    if (cmd instanceof WorkshopUpdate u) return update(s, u, actor);
    if (cmd instanceof NewJoinCode c) return newJoinCode(s, c, actor);
    if (cmd instanceof WorkshopEnd) {
      Decision forbidden = Workshop.facilitatorsOnly(actor, "end the workshop");
      if (forbidden != null) return forbidden;
      // The big screen goes dark before the end: nothing stays spotlit in an ended workshop.
      List<Emitted> events = new ArrayList<>();
      if (s.spotlight() != null) events.add(new Emitted(actor.participantId(), new SpotlightChanged(null)));
      events.add(new Emitted(actor.participantId(), new WorkshopEnded(now)));
      return new Decision.Accepted(events, Map.of());
    }
    return null;
  }

  private static Decision join(WorkshopState s, Join j, Actor actor) {
    if (j.role() == Role.FACILITATOR && !actor.isFacilitator()) {
      return Decision.reject(Code.FORBIDDEN, "only facilitators can add a co-facilitator");
    }
    if (j.role() == Role.PARTICIPANT && s.settings().joiningLocked()) {
      return Decision.reject(Code.LOCKED, LOCKED_MESSAGE);
    }
    if (j.role() == Role.PARTICIPANT && s.participantCount() >= s.settings().maxParticipants()) {
      return Decision.reject(Code.FULL, "this workshop is full");
    }
    if (j.group() != null && !s.settings().hasGroup(j.group())) {
      return Decision.reject(Code.INVALID, "unknown stakeholder group: " + j.group());
    }
    String id = "p" + s.counters().participant();
    Participant p = new Participant(id, j.name(), j.role(), j.group());
    String by = j.role() == Role.FACILITATOR ? actor.participantId() : id;
    return Decision.accept(Map.of("participantId", id), new Emitted(by, new ParticipantJoined(p)));
  }

  private static Decision spotlight(WorkshopState s, SpotlightSet sp, Actor actor) {
    Decision forbidden = Workshop.facilitatorsOnly(actor, "set the spotlight");
    if (forbidden != null) return forbidden;
    Spotlight target = sp.spotlight();
    if (target != null) {
      boolean exists = switch (target.type()) {
        case CONTRIBUTION -> s.visible(target.id()) != null;
        case THEME -> s.themes().get(target.id()) != null;
        case POLL -> s.polls().get(target.id()) != null;
      };
      if (!exists) return Decision.reject(Code.NOT_FOUND, "nothing to spotlight with that id");
    }
    if (Objects.equals(s.spotlight(), target)) return Decision.nothing();
    return Decision.accept(Map.of(), new Emitted(actor.participantId(), new SpotlightChanged(target)));
  }

  /** Their contributions stay; their hand and ready flag go; their connections are closed by the server. */
  private static Decision remove(WorkshopState s, ParticipantRemove r, Actor actor) {
    Decision forbidden = Workshop.facilitatorsOnly(actor, "remove someone");
    if (forbidden != null) return forbidden;
    if (s.participants().get(r.id()) == null) return Decision.reject(Code.NOT_FOUND, "no such participant");
    if (r.id().equals(actor.participantId())) return Decision.reject(Code.INVALID, "you cannot remove yourself");
    String by = actor.participantId();
    List<Emitted> events = new ArrayList<>();
    events.add(new Emitted(by, new ParticipantRemoved(r.id())));
    if (s.hands().contains(r.id())) events.add(new Emitted(by, new HandsChanged(s.hands().minus(r.id()))));
    if (s.ready().contains(r.id())) events.add(new Emitted(null, new ReadyChanged(s.ready().minus(r.id()))));
    return new Decision.Accepted(events, Map.of("id", r.id()));
  }

  private static Decision update(WorkshopState s, WorkshopUpdate u, Actor actor) {
    Decision forbidden = Workshop.facilitatorsOnly(actor, "change the workshop's settings");
    if (forbidden != null) return forbidden;
    Integer minGroupSize = u.settings() == null ? null : u.settings().minGroupSize();
    if (minGroupSize != null && minGroupSize < Settings.SAFE_GROUP_SIZE && s.anyonePosted()) {
      return Decision.reject(Code.INVALID, "The smallest group size can't go below " + Settings.SAFE_GROUP_SIZE
          + " once people have posted: it would show who wrote what. Choose " + Settings.SAFE_GROUP_SIZE + " or more.");
    }
    Settings settings;
    try {
      settings = u.settings() == null ? s.settings() : u.settings().applyTo(s.settings());
    } catch (IllegalArgumentException e) {
      return Decision.reject(Code.INVALID, e.getMessage());
    }
    String title = u.title() == null ? s.title() : u.title();
    if (title.equals(s.title()) && settings.equals(s.settings())) return Decision.nothing();
    return Decision.accept(Map.of(), new Emitted(actor.participantId(),
        new WorkshopUpdated(s.id(), title, s.joinCode(), s.status(), settings)));
  }

  /**
   * The code the server claimed replaces the workshop's code; the result names the one replaced, whose key
   * the server then deletes. Allowed after the end too (it switches the old code off).
   */
  private static Decision newJoinCode(WorkshopState s, NewJoinCode c, Actor actor) {
    Decision forbidden = Workshop.facilitatorsOnly(actor, "give the workshop a new join code");
    if (forbidden != null) return forbidden;
    if (c.joinCode().equals(s.joinCode())) return Decision.reject(Code.INVALID, "that is already the join code");
    return Decision.accept(Map.of("joinCode", c.joinCode(), "replaced", s.joinCode()), new Emitted(actor.participantId(),
        new WorkshopUpdated(s.id(), s.title(), c.joinCode(), s.status(), s.settings())));
  }

}
