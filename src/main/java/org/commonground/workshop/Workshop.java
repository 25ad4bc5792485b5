package org.commonground.workshop;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.commonground.workshop.Command.AddContribution;
import org.commonground.workshop.Command.EditContribution;
import org.commonground.workshop.Command.HideContribution;
import org.commonground.workshop.Command.Join;
import org.commonground.workshop.Command.ToggleReaction;
import org.commonground.workshop.Command.UnhideContribution;
import org.commonground.workshop.Command.WithdrawContribution;
import org.commonground.workshop.Event.ContributionAdded;
import org.commonground.workshop.Event.ContributionReacted;
import org.commonground.workshop.Event.ContributionRemoved;
import org.commonground.workshop.Event.ContributionUpdated;
import org.commonground.workshop.Event.ParticipantJoined;
import org.commonground.workshop.Event.WorkshopCreated;

/**
 * The rules of a workshop: {@code decide} turns a command into events or a rejection without
 * changing anything; {@code apply} folds one event into the state. Both are pure, so every node
 * that holds the same seq decides and applies alike.
 */
public final class Workshop {
  private Workshop() {}

  public static Decision decide(WorkshopState s, Command cmd, Actor actor, long now) {
    if (!s.exists()) return Decision.reject(Code.NOT_FOUND, "no such workshop");
    if (actor.role() == Role.DISPLAY) return Decision.reject(Code.FORBIDDEN, "a display cannot send commands");
    boolean withdraw = cmd instanceof WithdrawContribution;
    if (s.status() == WorkshopState.Status.ENDED && !withdraw) {
      return Decision.reject(Code.ENDED, "this workshop has ended");
    }
    if (!(cmd instanceof Join) && !s.participants().containsKey(actor.participantId())) {
      return Decision.reject(Code.FORBIDDEN, "you are not in this workshop");
    }
    if (cmd instanceof Join j) return join(s, j, actor);
    if (cmd instanceof AddContribution a) return add(s, a, actor, now);
    if (cmd instanceof EditContribution e) return edit(s, e, actor, now);
    if (cmd instanceof WithdrawContribution w) return withdraw(s, w, actor);
    if (cmd instanceof HideContribution h) return hide(s, h, actor);
    if (cmd instanceof UnhideContribution u) return unhide(s, u, actor);
    if (cmd instanceof ToggleReaction r) return react(s, r, actor);
    throw new IllegalArgumentException("no rule for " + cmd.commandName());
  }

  public static WorkshopState apply(WorkshopState s, Event event) {
    if (event instanceof WorkshopCreated c) {
      return new WorkshopState(c.id(), c.title(), c.joinCode(), WorkshopState.Status.LOBBY,
          c.settings(), c.phases(), PhaseState.pending(c.phases().get(0)),
          s.participants().plus(c.facilitator().id(), c.facilitator()), s.contributions(),
          s.nextParticipant() + 1, s.nextContribution(), c.createdAt());
    }
    if (event instanceof ParticipantJoined j) {
      return s.with(s.participants().plus(j.participant().id(), j.participant()), s.nextParticipant() + 1);
    }
    if (event instanceof ContributionAdded a) {
      Contribution c = a.contribution();
      boolean fresh = !s.contributions().containsKey(c.id());
      return s.withContributions(s.contributions().plus(c.id(), c), s.nextContribution() + (fresh ? 1 : 0));
    }
    if (event instanceof ContributionUpdated u) {
      return s.withContributions(s.contributions().plus(u.contribution().id(), u.contribution()),
          s.nextContribution());
    }
    if (event instanceof ContributionRemoved r) {
      Contribution c = s.contributions().get(r.id());
      if (c == null) return s;
      return s.withContributions(r.hidden()
          ? s.contributions().plus(r.id(), c.withHidden(true))
          : s.contributions().minus(r.id()), s.nextContribution());
    }
    if (event instanceof ContributionReacted r) {
      Contribution c = s.contributions().get(r.id());
      if (c == null) return s;
      return s.withContributions(s.contributions().plus(r.id(), c.withReactions(r.reactedBy())),
          s.nextContribution());
    }
    throw new IllegalArgumentException("no rule for " + event.name());
  }

  /** Whether the current phase lets a participant do this; facilitators may always. */
  public static boolean allowed(WorkshopState s, Actor actor, Allow what) {
    return actor.isFacilitator() || s.currentPhase().allow().contains(what);
  }

  private static Decision join(WorkshopState s, Join j, Actor actor) {
    if (j.role() == Role.FACILITATOR && !actor.isFacilitator()) {
      return Decision.reject(Code.FORBIDDEN, "only facilitators can add a co-facilitator");
    }
    if (j.role() == Role.PARTICIPANT && s.participantCount() >= s.settings().maxParticipants()) {
      return Decision.reject(Code.FULL, "this workshop is full");
    }
    if (j.group() != null && !s.settings().hasGroup(j.group())) {
      return Decision.reject(Code.INVALID, "unknown stakeholder group: " + j.group());
    }
    String id = "p" + s.nextParticipant();
    Participant p = new Participant(id, j.name(), j.role(), j.group());
    String by = j.role() == Role.FACILITATOR ? actor.participantId() : id;
    return Decision.accept(Map.of("participantId", id), new Emitted(by, new ParticipantJoined(p)));
  }

  private static Decision add(WorkshopState s, AddContribution a, Actor actor, long now) {
    if (!allowed(s, actor, Allow.CONTRIBUTE)) {
      return Decision.reject(Code.PHASE_CLOSED, "contributions are closed in this phase");
    }
    if (a.scribedFor() != null && !actor.isFacilitator()) {
      return Decision.reject(Code.FORBIDDEN, "only facilitators can post on behalf of someone");
    }
    boolean anonymous = switch (s.settings().anonymity()) {
      case ALWAYS -> a.scribedFor() == null;
      case NEVER -> false;
      case OPTIONAL -> Boolean.TRUE.equals(a.anonymous()) && a.scribedFor() == null;
    };
    if (Boolean.TRUE.equals(a.anonymous()) && !anonymous) {
      return Decision.reject(Code.INVALID, a.scribedFor() != null
          ? "a scribe entry is posted under the person's name"
          : "this workshop does not allow anonymous contributions");
    }
    String group;
    if (a.scribedFor() != null) {
      if (a.scribedGroup() != null && !s.settings().hasGroup(a.scribedGroup())) {
        return Decision.reject(Code.INVALID, "unknown stakeholder group: " + a.scribedGroup());
      }
      group = a.scribedGroup();
    } else {
      group = s.participants().get(actor.participantId()).group();
    }
    String id = "c" + s.nextContribution();
    Contribution c = new Contribution(id, s.phase().index(), a.kind(), a.text(), actor.participantId(), group,
        anonymous, a.scribedFor(), null, now, null, false, Map.of());
    return Decision.accept(Map.of("id", id), new Emitted(byFor(c, actor), new ContributionAdded(c)));
  }

  private static Decision edit(WorkshopState s, EditContribution e, Actor actor, long now) {
    Contribution c = s.contributions().get(e.id());
    if (c == null || c.hidden()) return Decision.reject(Code.NOT_FOUND, "no such contribution");
    if (!c.author().equals(actor.participantId())) {
      return Decision.reject(Code.FORBIDDEN, "only its author can edit a contribution");
    }
    if (!allowed(s, actor, Allow.CONTRIBUTE)) {
      return Decision.reject(Code.PHASE_CLOSED, "contributions are closed in this phase");
    }
    if (c.text().equals(e.text())) return Decision.nothing();
    Contribution edited = c.withText(e.text(), now);
    return Decision.accept(Map.of("id", c.id()), new Emitted(byFor(c, actor), new ContributionUpdated(edited)));
  }

  private static Decision withdraw(WorkshopState s, WithdrawContribution w, Actor actor) {
    Contribution c = s.contributions().get(w.id());
    if (c == null) return Decision.reject(Code.NOT_FOUND, "no such contribution");
    if (!c.author().equals(actor.participantId())) {
      return Decision.reject(Code.FORBIDDEN, "only its author can withdraw a contribution");
    }
    return Decision.accept(Map.of("id", c.id()),
        new Emitted(byFor(c, actor), new ContributionRemoved(c.id(), false, null)));
  }

  private static Decision hide(WorkshopState s, HideContribution h, Actor actor) {
    if (!actor.isFacilitator()) return Decision.reject(Code.FORBIDDEN, "only facilitators can hide contributions");
    Contribution c = s.contributions().get(h.id());
    if (c == null) return Decision.reject(Code.NOT_FOUND, "no such contribution");
    if (c.hidden()) return Decision.nothing();
    return Decision.accept(Map.of("id", c.id()),
        new Emitted(byFor(c, actor), new ContributionRemoved(c.id(), true, h.reason())));
  }

  private static Decision unhide(WorkshopState s, UnhideContribution u, Actor actor) {
    if (!actor.isFacilitator()) {
      return Decision.reject(Code.FORBIDDEN, "only facilitators can unhide contributions");
    }
    Contribution c = s.contributions().get(u.id());
    if (c == null) return Decision.reject(Code.NOT_FOUND, "no such contribution");
    if (!c.hidden()) return Decision.nothing();
    return Decision.accept(Map.of("id", c.id()),
        new Emitted(byFor(c, actor), new ContributionAdded(c.withHidden(false))));
  }

  private static Decision react(WorkshopState s, ToggleReaction r, Actor actor) {
    Contribution c = s.contributions().get(r.contributionId());
    if (c == null || c.hidden()) return Decision.reject(Code.NOT_FOUND, "no such contribution");
    if (!allowed(s, actor, Allow.REACT)) {
      return Decision.reject(Code.PHASE_CLOSED, "reactions are closed in this phase");
    }
    Map<String, Set<String>> reactedBy = new HashMap<>(c.reactedBy());
    Set<String> who = new HashSet<>(reactedBy.getOrDefault(r.reaction(), Set.of()));
    boolean on = who.add(actor.participantId());
    if (!on) who.remove(actor.participantId());
    reactedBy.put(r.reaction(), Set.copyOf(who));
    return Decision.accept(Map.of("on", on), new Emitted(byFor(c, actor),
        new ContributionReacted(c.id(), r.reaction(), actor.participantId(), on, reactedBy)));
  }

  private static String byFor(Contribution c, Actor actor) {
    return c.anonymous() ? null : actor.participantId();
  }
}
