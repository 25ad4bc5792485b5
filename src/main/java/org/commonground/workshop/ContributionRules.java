package org.commonground.workshop;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.Objects;
import static org.commonground.workshop.Workshop.allowed;
import static org.commonground.workshop.Workshop.byFor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.commonground.workshop.ContributionCommands.AddContribution;
import org.commonground.workshop.ContributionCommands.EditContribution;
import org.commonground.workshop.ContributionCommands.HideContribution;
import org.commonground.workshop.ContributionCommands.ParkContribution;
import org.commonground.workshop.Command.ParkingUpdate;
import org.commonground.workshop.ContributionCommands.ToggleReaction;
import org.commonground.workshop.ContributionCommands.UnhideContribution;
import org.commonground.workshop.ContributionCommands.WithdrawContribution;
import org.commonground.workshop.Event.ContributionAdded;
import org.commonground.workshop.Event.ContributionReacted;
import org.commonground.workshop.Event.ContributionRemoved;
import org.commonground.workshop.Event.ContributionUpdated;
import org.commonground.workshop.Event.VotesChanged;

/** Posting, editing, withdrawing, hiding, reacting to contributions, and the parking lot (parking a post too). */
final class ContributionRules {
  private ContributionRules() {}

  /** The decision, or null when the command is not about contributions. */
  static Decision decide(WorkshopState s, Command cmd, Actor actor, long now) {
    if (cmd instanceof AddContribution a) return add(s, a, actor, now);
    if (cmd instanceof EditContribution e) return edit(s, e, actor, now);
    if (cmd instanceof WithdrawContribution w) return withdraw(s, w, actor);
    if (cmd instanceof HideContribution h) return hide(s, h, actor);
    if (cmd instanceof UnhideContribution u) return unhide(s, u, actor);
    if (cmd instanceof ToggleReaction r) return react(s, r, actor);
    if (cmd instanceof ParkingUpdate p) return parking(s, p, actor);
    if (cmd instanceof ParkContribution p) return park(s, p, actor);
    return null;
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
    String id = "c" + s.counters().contribution();
    Contribution c = Contribution.posted(id, s.phase().index(), a.kind(), a.text(), actor.participantId(), group,
        anonymous, a.scribedFor(), now).withLang(a.lang());
    return Decision.accept(Map.of("id", id), new Emitted(byFor(c, actor), new ContributionAdded(c)));
  }

  private static Decision edit(WorkshopState s, EditContribution e, Actor actor, long now) {
    Contribution c = s.visible(e.id());
    if (c == null) return Decision.reject(Code.NOT_FOUND, "no such contribution");
    if (!c.author().equals(actor.participantId())) {
      return Decision.reject(Code.FORBIDDEN, "only its author can edit a contribution");
    }
    if (!allowed(s, actor, Allow.CONTRIBUTE)) {
      return Decision.reject(Code.PHASE_CLOSED, "contributions are closed in this phase");
    }
    if (c.text().equals(e.text())) return Decision.nothing();
    return Decision.accept(Map.of("id", c.id()),
        new Emitted(byFor(c, actor), new ContributionUpdated(c.withText(e.text(), now).withLang(e.lang()))));
  }

  private static Decision withdraw(WorkshopState s, WithdrawContribution w, Actor actor) {
    Contribution c = s.contributions().get(w.id());
    if (c == null) return Decision.reject(Code.NOT_FOUND, "no such contribution");
    if (!c.author().equals(actor.participantId())) {
      return Decision.reject(Code.FORBIDDEN, "only its author can withdraw a contribution");
    }
    return new Decision.Accepted(withSpotlightCleared(s, c.id(), byFor(c, actor),
        new Emitted(byFor(c, actor), new ContributionRemoved(c.id(), false, null))), Map.of("id", c.id()));
  }

  private static Decision hide(WorkshopState s, HideContribution h, Actor actor) {
    if (!actor.isFacilitator()) return Decision.reject(Code.FORBIDDEN, "only facilitators can hide contributions");
    Contribution c = s.contributions().get(h.id());
    if (c == null) return Decision.reject(Code.NOT_FOUND, "no such contribution");
    if (c.hidden()) return Decision.nothing();
    return new Decision.Accepted(withSpotlightCleared(s, c.id(), byFor(c, actor),
        new Emitted(byFor(c, actor), new ContributionRemoved(c.id(), true, h.reason()))), Map.of("id", c.id()));
  }

  /** The removal, then a cleared spotlight if it showed what goes: the display never points at nothing. */
  static List<Emitted> withSpotlightCleared(WorkshopState s, String id, String by, Emitted removal) {
    if (s.spotlight() == null || !s.spotlight().id().equals(id)) return List.of(removal);
    return List.of(removal, new Emitted(by, new Event.SpotlightChanged(null)));
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
    Contribution c = s.visible(r.contributionId());
    if (c == null) return Decision.reject(Code.NOT_FOUND, "no such contribution");
    if (!allowed(s, actor, Allow.REACT)) {
      return Decision.reject(Code.PHASE_CLOSED, "reactions are closed in this phase");
    }
    Map<String, Set<String>> reactedBy = new HashMap<>(c.reactedBy());
    Set<String> who = new HashSet<>(reactedBy.getOrDefault(r.reaction(), Set.of()));
    boolean on = who.add(actor.participantId());
    if (!on) who.remove(actor.participantId());
    reactedBy.put(r.reaction(), Set.copyOf(who));
    // by null for everyone: who reacted is never sent; the reactor learns it from the ack's `on`.
    return Decision.accept(Map.of("on", on), new Emitted(null,
        new ContributionReacted(c.id(), r.reaction(), actor.participantId(), on, reactedBy)));
  }

  /**
   * The post itself becomes a parking-lot item ({@link Contribution#parked}). The votes on it go back to
   * their voters first (one {@code votes.changed} each, in voter order, down to 0), then
   * {@code contribution.updated}, then a cleared spotlight if it showed the post. Already parked: nothing.
   */
  private static Decision park(WorkshopState s, ParkContribution p, Actor actor) {
    Decision forbidden = Workshop.facilitatorsOnly(actor, "move a post to the parking lot");
    if (forbidden != null) return forbidden;
    Contribution c = s.visible(p.id());
    if (c == null) return Decision.reject(Code.NOT_FOUND, "no such contribution");
    if (c.kind() == Kind.PARKING) return Decision.nothing();
    List<Emitted> events = new ArrayList<>();
    int total = c.votes();
    for (String voter : new TreeSet<>(s.votesBy().keySet())) {
      int mine = s.votesOf(voter).getOrDefault(c.id(), 0);
      if (mine == 0) continue;
      total -= mine;
      events.add(new Emitted(null, new VotesChanged(c.id(), voter, -mine, Math.max(0, total))));
    }
    events.addAll(withSpotlightCleared(s, c.id(), byFor(c, actor),
        new Emitted(byFor(c, actor), new ContributionUpdated(c.parked()))));
    return new Decision.Accepted(events, Map.of("id", c.id()));
  }

  private static Decision parking(WorkshopState s, ParkingUpdate p, Actor actor) {
    Decision forbidden = Workshop.facilitatorsOnly(actor, "update the parking lot");
    if (forbidden != null) return forbidden;
    Contribution c = s.visible(p.id());
    if (c == null) return Decision.reject(Code.NOT_FOUND, "no such contribution");
    if (c.kind() != Kind.PARKING) return Decision.reject(Code.INVALID, "that contribution is not in the parking lot");
    String owner = p.status() == ParkingStatus.HANDED_ON ? p.owner() : null;
    if (c.parking() == p.status() && Objects.equals(c.owner(), owner)) return Decision.nothing();
    return Decision.accept(Map.of("id", c.id()),
        new Emitted(byFor(c, actor), new ContributionUpdated(c.withParking(p.status(), owner))));
  }
}
