package org.commonground.workshop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.commonground.workshop.Command.ActionAdd;
import org.commonground.workshop.Command.ActionUpdate;
import org.commonground.workshop.Command.CarryIn;
import org.commonground.workshop.Command.SeriesUpdate;
import org.commonground.workshop.Event.ActionAdded;
import org.commonground.workshop.Event.ActionUpdated;
import org.commonground.workshop.Event.ContributionAdded;
import org.commonground.workshop.Event.ItemsCarried;
import org.commonground.workshop.Event.SeriesUpdated;

/** Actions (facilitators record them and say what came of them) and a meeting's place in its series. */
final class SeriesRules {
  private SeriesRules() {}

  /** Allowed after the end too: an action's outcome is often known only weeks later. */
  static boolean afterEnd(Command cmd) {
    return cmd instanceof ActionAdd || cmd instanceof ActionUpdate || cmd instanceof CarryIn
        || cmd instanceof SeriesUpdate || cmd instanceof Command.CarriedWithdrawn;
  }

  static Decision decide(WorkshopState s, Command cmd, Actor actor, long now) {
    if (cmd instanceof ActionAdd a) return add(s, a, actor, now);
    if (cmd instanceof ActionUpdate u) return update(s, u, actor, now);
    if (cmd instanceof CarryIn c) return actor.isServer() ? carry(s, c, now) : serverOnly();
    if (cmd instanceof SeriesUpdate u) return actor.isServer() ? series(s, u) : serverOnly();
    if (cmd instanceof Command.CarriedWithdrawn w) return actor.isServer() ? withdrawn(s, w) : serverOnly();
    return null;
  }

  private static Decision serverOnly() {
    return Decision.reject(Code.FORBIDDEN, "only the server does that");
  }

  private static Decision add(WorkshopState s, ActionAdd a, Actor actor, long now) {
    Decision forbidden = Workshop.facilitatorsOnly(actor, "record actions");
    if (forbidden != null) return forbidden;
    if (a.contributionId() != null && s.visible(a.contributionId()) == null) {
      return Decision.reject(Code.NOT_FOUND, "no such contribution");
    }
    String id = "a" + (s.actions().size() + 1);
    Action action = new Action(id, a.text(), a.owner(), a.due(), ActionStatus.OPEN, null, a.contributionId(), null,
        now, now);
    return Decision.accept(Map.of("id", id), new Emitted(actor.participantId(), new ActionAdded(action)));
  }

  private static Decision update(WorkshopState s, ActionUpdate u, Actor actor, long now) {
    Decision forbidden = Workshop.facilitatorsOnly(actor, "change actions");
    if (forbidden != null) return forbidden;
    Action was = s.actions().get(u.id());
    if (was == null) return Decision.reject(Code.NOT_FOUND, "no such action");
    Action next = new Action(was.id(), u.text() == null ? was.text() : u.text(),
        u.owner() == null ? was.owner() : u.owner(), u.due() == null ? was.due() : u.due(),
        u.status() == null ? was.status() : u.status(), u.outcome() == null ? was.outcome() : u.outcome(),
        was.contributionId(), was.carriedFrom(), was.createdAt(), now);
    if (same(was, next)) return Decision.nothing();
    return Decision.accept(Map.of("id", was.id()), new Emitted(actor.participantId(), new ActionUpdated(next)));
  }

  private static boolean same(Action a, Action b) {
    return a.text().equals(b.text()) && Objects.equals(a.owner(), b.owner()) && Objects.equals(a.due(), b.due())
        && a.status() == b.status() && Objects.equals(a.outcome(), b.outcome());
  }

  /**
   * The series first, then each carried item as a new contribution (so its words are kept apart like any
   * other's), then where each came from and the carried actions, renumbered here.
   */
  private static Decision carry(WorkshopState s, CarryIn c, long now) {
    // Its series is set by the carry itself, in the same append: a retried carry finds it and changes nothing.
    if (s.series() != null) return Decision.nothing();
    List<Emitted> events = new ArrayList<>();
    events.add(new Emitted(null, new SeriesUpdated(c.series())));
    Map<String, String> newIds = new HashMap<>();
    Map<String, CarriedFrom> from = new LinkedHashMap<>();
    int next = s.counters().contribution();
    for (Contribution old : c.contributions()) {
      String id = "c" + next++;
      newIds.put(old.id(), id);
      from.put(id, new CarriedFrom(c.fromWorkshopId(), old.id()));
      Contribution fresh = Contribution.posted(id, 0, Kind.PARKING, old.text(), Carry.AUTHOR, old.group(),
          old.anonymous(), old.scribedFor(), now).withLang(old.lang());
      events.add(new Emitted(null, new ContributionAdded(fresh)));
    }
    List<Action> actions = new ArrayList<>();
    int n = s.actions().size();
    for (Action a : c.actions()) {
      actions.add(a.carried("a" + (++n), c.fromWorkshopId(), newIds.get(a.contributionId()), now));
    }
    if (!from.isEmpty() || !actions.isEmpty()) events.add(new Emitted(null, new ItemsCarried(from, actions)));
    return new Decision.Accepted(events, Map.of("contributions", from.size(), "actions", actions.size()));
  }

  private static Decision series(WorkshopState s, SeriesUpdate u) {
    if (s.series() != null && !s.series().id().equals(u.series().id())) {
      return Decision.reject(Code.INVALID, "this meeting belongs to another series");
    }
    Series next = s.series() == null ? u.series() : s.series().merged(u.series());
    if (u.removed() != null) next = next.without(u.removed());
    if (next.equals(s.series())) return Decision.nothing();
    return Decision.accept(Map.of(), new Emitted(null, new SeriesUpdated(next)));
  }

  /** Each carried copy still here of an item withdrawn where it came from is withdrawn too (nothing if none). */
  private static Decision withdrawn(WorkshopState s, Command.CarriedWithdrawn w) {
    List<Emitted> events = new ArrayList<>();
    for (String id : Carry.copiesOf(s, w.fromWorkshopId(), w.ids())) {
      events.addAll(ContributionRules.withSpotlightCleared(s, id, null,
          new Emitted(null, new Event.ContributionRemoved(id, false, null))));
    }
    if (events.isEmpty()) return Decision.nothing();
    return new Decision.Accepted(events, Map.of("withdrawn", events.size()));
  }
}
