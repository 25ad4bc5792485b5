package org.commonground.workshop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.workshop.Command.PhaseGoto;
import org.commonground.workshop.Command.PhaseNext;
import org.commonground.workshop.Command.PhasePrev;
import org.commonground.workshop.Command.PhaseStart;
import org.commonground.workshop.Command.ReadySet;
import org.commonground.workshop.Command.TimerExtend;
import org.commonground.workshop.Command.TimerPause;
import org.commonground.workshop.Command.TimerResume;
import org.commonground.workshop.Event.PhaseChanged;
import org.commonground.workshop.Event.ReadyChanged;
import org.commonground.workshop.Event.SpotlightChanged;
import org.commonground.workshop.Event.WorkshopUpdated;
import org.commonground.workshop.PhaseState.Status;

/**
 * The agenda: phases, their timers, and who is ready. The server keeps time (startedAt, endsAt,
 * remainingMs); clients count down from it. When time runs out nothing moves by itself: the
 * facilitator decides.
 */
final class AgendaRules {
  private AgendaRules() {}

  static Decision decide(WorkshopState s, Command cmd, Actor actor, long now) {
    if (cmd instanceof ReadySet r) return ready(s, r, actor);
    if (!(cmd instanceof PhaseStart || cmd instanceof PhaseNext || cmd instanceof PhasePrev
        || cmd instanceof PhaseGoto || cmd instanceof TimerPause || cmd instanceof TimerResume
        || cmd instanceof TimerExtend)) {
      return null;
    }
    Decision forbidden = Workshop.facilitatorsOnly(actor, "change the agenda");
    if (forbidden != null) return forbidden;
    PhaseState p = s.phase();
    int last = s.phases().size() - 1;
    if (cmd instanceof PhaseStart) {
      if (s.status() == WorkshopState.Status.RUNNING && p.status() == Status.RUNNING) return Decision.nothing();
      if (p.status() == Status.PAUSED) {
        return phase(actor, new PhaseState(p.index(), Status.RUNNING, p.startedAt(), now + p.remainingMs(), null));
      }
      return moveTo(s, actor, p.index(), now, p.status() == Status.PENDING ? p.remainingMs() : null);
    }
    if (cmd instanceof PhaseNext n) {
      if (n.from() != null && n.from() != p.index()) return Decision.nothing();
      if (p.index() >= last) return Decision.reject(Code.INVALID, "this is the last phase");
      return moveTo(s, actor, p.index() + 1, now, null);
    }
    if (cmd instanceof PhasePrev pr) {
      if (pr.from() != null && pr.from() != p.index()) return Decision.nothing();
      if (p.index() == 0) return Decision.reject(Code.INVALID, "this is the first phase");
      return moveTo(s, actor, p.index() - 1, now, null);
    }
    if (cmd instanceof PhaseGoto g) {
      if (g.index() < 0 || g.index() > last) {
        return Decision.reject(Code.INVALID, "there is no phase " + g.index() + "; phases are 0 to " + last);
      }
      if (g.index() == p.index() && p.status() == Status.RUNNING) return Decision.nothing();
      return moveTo(s, actor, g.index(), now, null);
    }
    if (cmd instanceof TimerPause) {
      if (p.status() != Status.RUNNING) return Decision.nothing();
      return phase(actor, new PhaseState(p.index(), Status.PAUSED, p.startedAt(), null,
          Math.max(0, p.endsAt() - now)));
    }
    if (cmd instanceof TimerResume) {
      if (p.status() != Status.PAUSED) return Decision.nothing();
      return phase(actor, new PhaseState(p.index(), Status.RUNNING, p.startedAt(), now + p.remainingMs(), null));
    }
    TimerExtend x = (TimerExtend) cmd;
    long delta = x.seconds() * 1000L;
    if (delta == 0 || p.status() == Status.DONE) return Decision.nothing();
    if (p.status() == Status.RUNNING) {
      // Extra time after the time ran out counts from now, so "+1 minute" always gives a minute.
      long endsAt = delta > 0 ? Math.max(p.endsAt(), now) + delta : Math.max(now, p.endsAt() + delta);
      return phase(actor, new PhaseState(p.index(), Status.RUNNING, p.startedAt(), endsAt, null));
    }
    return phase(actor, new PhaseState(p.index(), p.status(), p.startedAt(), null, Math.max(0, p.remainingMs() + delta)));
  }

  /**
   * Starts phase {@code index} with its full time (or {@code remainingMs} when starting where it was
   * left in the lobby); the first start also opens the workshop; everyone's ready flag is reset; a
   * move to another part clears the spotlight.
   */
  private static Decision moveTo(WorkshopState s, Actor actor, int index, long now, Long remainingMs) {
    long duration = remainingMs != null ? remainingMs : s.phases().get(index).minutes() * 60_000L;
    List<Emitted> events = new ArrayList<>();
    events.add(new Emitted(actor.participantId(),
        new PhaseChanged(new PhaseState(index, Status.RUNNING, now, now + duration, null))));
    if (s.status() == WorkshopState.Status.LOBBY) {
      events.add(new Emitted(actor.participantId(), new WorkshopUpdated(s.id(), s.title(), s.joinCode(),
          WorkshopState.Status.RUNNING, s.settings())));
    }
    if (!s.ready().isEmpty()) {
      events.add(new Emitted(null, new ReadyChanged(Set.of())));
    }
    // What was spotlit belonged to the part the agenda leaves.
    if (index != s.phase().index() && s.spotlight() != null) {
      events.add(new Emitted(actor.participantId(), new SpotlightChanged(null)));
    }
    return new Decision.Accepted(events, Map.of("index", index));
  }

  private static Decision phase(Actor actor, PhaseState next) {
    return Decision.accept(Map.of("index", next.index()), new Emitted(actor.participantId(), new PhaseChanged(next)));
  }

  /** Anyone may say they are ready, in any phase; only the count is ever shown. */
  private static Decision ready(WorkshopState s, ReadySet r, Actor actor) {
    boolean now = s.ready().contains(actor.participantId());
    if (now == r.ready()) return Decision.nothing();
    Set<String> next = r.ready() ? s.ready().plus(actor.participantId()) : s.ready().minus(actor.participantId());
    return Decision.accept(Map.of("ready", r.ready()), new Emitted(null, new ReadyChanged(next)));
  }
}
