package org.commonground.workshop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.workshop.AgendaCommands.PhaseGoto;
import org.commonground.workshop.AgendaCommands.PhaseNext;
import org.commonground.workshop.AgendaCommands.PhasePrev;
import org.commonground.workshop.AgendaCommands.PhaseStart;
import org.commonground.workshop.AgendaCommands.ReadySet;
import org.commonground.workshop.AgendaCommands.TimerExtend;
import org.commonground.workshop.AgendaCommands.TimerPause;
import org.commonground.workshop.AgendaCommands.TimerResume;
import org.commonground.workshop.Event.PhaseChanged;
import org.commonground.workshop.Event.ReadyChanged;
import org.commonground.workshop.Event.SpotlightChanged;
import org.commonground.workshop.Event.WorkshopUpdated;
import org.commonground.workshop.PhaseState.Status;
import org.pcollections.PMap;

/**
 * The agenda: phases, their timers, and who is ready. The server keeps time (startedAt, endsAt,
 * remainingMs); clients count down from it. When time runs out nothing moves by itself: the
 * facilitator decides. Going back to a part continues it with the time it had left when the agenda left
 * it, so "back" never hands out time that was already used.
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
      return moveTo(s, actor, p.index(), now);
    }
    if (cmd instanceof PhaseNext n) {
      if (!lookingAt(s, n.from())) return Decision.nothing();
      // From the lobby, "next" is the first part: it starts part 1 rather than skipping it.
      if (p.status() == Status.PENDING) return moveTo(s, actor, p.index(), now);
      if (p.index() >= last) return Decision.reject(Code.INVALID, "this is the last phase");
      return moveTo(s, actor, p.index() + 1, now);
    }
    if (cmd instanceof PhasePrev pr) {
      if (!lookingAt(s, pr.from())) return Decision.nothing();
      if (p.index() == 0) return Decision.reject(Code.INVALID, "this is the first phase");
      return moveTo(s, actor, p.index() - 1, now);
    }
    if (cmd instanceof PhaseGoto g) {
      if (g.index() < 0 || g.index() > last) {
        return Decision.reject(Code.INVALID, "there is no phase " + g.index() + "; phases are 0 to " + last);
      }
      if (g.index() == p.index() && p.status() == Status.RUNNING) return Decision.nothing();
      return moveTo(s, actor, g.index(), now);
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
   * Whether a press was made looking at where the agenda is now. {@code from} null: yes (the hub pins it
   * first). In the lobby both -1 (the lobby) and 0 (its pending part 1, as older clients send) are where
   * the agenda is; once it has started, -1 is a press that crossed the start and changes nothing.
   */
  private static boolean lookingAt(WorkshopState s, Integer from) {
    return from == null || from == s.agendaPosition() || from == s.phase().index() && s.agendaPosition() == -1;
  }

  /**
   * Starts phase {@code index} with the time it has ({@link #timeFor}); the first start also opens the
   * workshop; everyone's ready flag is reset; a move to another part clears the spotlight.
   */
  private static Decision moveTo(WorkshopState s, Actor actor, int index, long now) {
    long duration = timeFor(s, index);
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

  /**
   * The time a part gets when the agenda (re)starts it: the current part, pending in the lobby or paused,
   * keeps what it has; a part the agenda left after starting it gets what it had left then; a part never
   * started gets its full planned time.
   */
  static long timeFor(WorkshopState s, int index) {
    PhaseState p = s.phase();
    if (index == p.index() && p.status() != Status.RUNNING && p.remainingMs() != null) return p.remainingMs();
    Long left = s.timeLeft().get(index);
    return left != null ? left : s.phases().get(index).minutes() * 60_000L;
  }

  /**
   * For {@code apply}: the time each part had left, after {@code next}. A move to another part records
   * what the part left still had (as of the move's start time: no clock is read); the part entered takes
   * its time from the record, so its entry goes.
   */
  static PMap<Integer, Long> left(WorkshopState s, PhaseState next) {
    PhaseState p = s.phase();
    if (p == null || p.index() == next.index() || next.startedAt() == null) return s.timeLeft();
    PMap<Integer, Long> left = s.timeLeft().minus(next.index());
    if (p.status() == Status.RUNNING && p.endsAt() != null) {
      return left.plus(p.index(), Math.max(0, p.endsAt() - next.startedAt()));
    }
    if (p.status() == Status.PAUSED && p.remainingMs() != null) return left.plus(p.index(), p.remainingMs());
    return left;
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
